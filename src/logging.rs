//! Logging to a file with `tracing`. The terminal UI owns stdout and stderr
//! while it runs, so log lines never go to the screen.
//!
//! The filter comes from `DISTILL_LOG`, in `tracing-subscriber`'s
//! `EnvFilter` syntax (`debug`, or `distill::store=trace,info`), and
//! defaults to `info`.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

/// Environment variable that sets the log filter.
pub const LOG_ENV: &str = "DISTILL_LOG";

/// Name of the log file, placed in the same directory as the database.
pub const LOG_FILE_NAME: &str = "distill.log";

/// Filter used when `DISTILL_LOG` is unset.
const DEFAULT_FILTER: &str = "info";

/// A failure to set up logging.
#[derive(Debug, thiserror::Error)]
pub enum LoggingError {
    #[error("cannot open log file {path}: {source}; check that its directory is writable")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid {LOG_ENV} value {value:?}: {source}; expected a level such as info or debug")]
    Filter {
        value: String,
        source: tracing_subscriber::filter::ParseError,
    },
}

/// Returns the log file used with the database at `db_path`: `distill.log`
/// in the same directory.
pub fn log_path_for(db_path: &Path) -> PathBuf {
    let dir = db_path.parent().unwrap_or(Path::new("."));
    dir.join(LOG_FILE_NAME)
}

/// Starts logging to `path`, appending, at the level from `DISTILL_LOG`.
///
/// Only the first call in a process installs the subscriber; later calls
/// return `Ok` and change nothing, so tests can call it freely.
pub fn init(path: &Path) -> Result<(), LoggingError> {
    let filter = filter_from_env()?;
    let file = open_log(path)?;
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .try_init()
        .is_ok();
    if installed {
        tracing::info!(version = env!("CARGO_PKG_VERSION"), "distill started");
    }
    Ok(())
}

fn filter_from_env() -> Result<EnvFilter, LoggingError> {
    let value = std::env::var(LOG_ENV).unwrap_or_else(|_| DEFAULT_FILTER.to_string());
    EnvFilter::try_new(&value).map_err(|source| LoggingError::Filter { value, source })
}

fn open_log(path: &Path) -> Result<File, LoggingError> {
    let open_error = |source| LoggingError::Open {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(open_error)?;
    }
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(open_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_sits_beside_database() {
        let path = log_path_for(Path::new("/data/distill/distill.db"));
        assert_eq!(path, Path::new("/data/distill/distill.log"));
        assert_eq!(log_path_for(Path::new("my.db")), Path::new("distill.log"));
    }

    #[test]
    fn open_creates_missing_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/distill.log");
        open_log(&path).unwrap();
        assert!(path.exists());
    }
}
