//! Settings from the TOML config file, overridable by command-line flags.
//!
//! The file is optional and every key in it is optional:
//!
//! ```toml
//! day_start_hour = 4   # local hour (0-23) at which a study day starts
//! new_per_day = 20     # new cards introduced per study day
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::schedule::DEFAULT_DAY_START_HOUR;

/// New cards introduced per study day unless configured otherwise.
pub const DEFAULT_NEW_PER_DAY: u32 = 20;

/// The learner's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Local hour (0-23) at which a study day starts.
    pub day_start_hour: u32,
    /// Maximum number of new cards introduced per study day.
    pub new_per_day: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            day_start_hour: DEFAULT_DAY_START_HOUR,
            new_per_day: DEFAULT_NEW_PER_DAY,
        }
    }
}

/// A config file that could not be read or is invalid.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    // The I/O error is part of the message and not a `source`, so a report
    // that prints the error chain does not show it twice.
    #[error("cannot read config file {path} ({error}): pass a readable TOML file with --config")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("invalid config file {path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

impl Settings {
    /// Reads settings from the TOML file at `path`; keys that are missing
    /// keep their defaults.
    pub fn from_file(path: &Path) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
            path: path.to_owned(),
            error,
        })?;
        Settings::from_toml(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses settings from TOML text, returning the parser's message on error.
    pub fn from_toml(text: &str) -> Result<Settings, String> {
        let settings: Settings = toml::from_str(text).map_err(|err| err.to_string())?;
        settings.validate()?;
        Ok(settings)
    }

    /// Checks that every value is in range, returning a message naming the
    /// key and the accepted values otherwise.
    pub fn validate(&self) -> Result<(), String> {
        if self.day_start_hour > 23 {
            return Err(format!(
                "day_start_hour = {} is out of range: expected an hour from 0 to 23",
                self.day_start_hour
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Settings::from_toml("").unwrap(), Settings::default());
        assert_eq!(Settings::default().day_start_hour, 4);
        assert_eq!(Settings::default().new_per_day, 20);
    }

    #[test]
    fn reads_both_keys() {
        let settings = Settings::from_toml("day_start_hour = 0\nnew_per_day = 5\n").unwrap();
        assert_eq!(settings.day_start_hour, 0);
        assert_eq!(settings.new_per_day, 5);
    }

    #[test]
    fn rejects_unknown_key() {
        let err = Settings::from_toml("new_cards = 5").unwrap_err();
        assert!(err.contains("new_cards"), "{err}");
    }

    #[test]
    fn rejects_hour_out_of_range() {
        let err = Settings::from_toml("day_start_hour = 24").unwrap_err();
        assert!(err.contains("day_start_hour = 24"), "{err}");
    }

    #[test]
    fn rejects_negative_limit() {
        assert!(Settings::from_toml("new_per_day = -1").is_err());
    }
}
