//! What every command and the TUI share: the database path, the settings,
//! the clock, and an open store with the shipped lessons synced.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset, Local};
use directories::ProjectDirs;

use super::Global;
use crate::builtin;
use crate::config::Settings;
use crate::schedule::{StudyDay, StudyTime};
use crate::store::{BuiltinWarning, Store};

/// Name of the database file in the platform data directory.
const DB_FILE_NAME: &str = "distill.db";

/// Name of the config file in the platform config directory.
const CONFIG_FILE_NAME: &str = "config.toml";

/// Where the current time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    System,
    /// A fixed instant, from `--now`.
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// Returns the current time in the local time zone, which comes from
    /// the `TZ` environment variable or, without it, the system setting.
    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => Local::now().fixed_offset(),
            Clock::Fixed(at) => at.with_timezone(&Local).fixed_offset(),
        }
    }
}

/// The resolved global options of one run.
#[derive(Debug, Clone)]
pub struct Context {
    pub db_path: PathBuf,
    pub settings: Settings,
    pub clock: Clock,
}

impl Context {
    /// Resolves the database path, loads the settings (config file, then
    /// flags) and picks the clock.
    pub fn new(global: &Global) -> anyhow::Result<Context> {
        Ok(Context {
            db_path: db_path(global)?,
            settings: load_settings(global)?,
            clock: global.now.map_or(Clock::System, Clock::Fixed),
        })
    }

    /// Returns the current time with its study day.
    pub fn study_time(&self) -> anyhow::Result<StudyTime> {
        let now = self.clock.now();
        Ok(StudyTime::new(now, self.settings.day_start_hour)?)
    }

    /// Returns the current study day.
    pub fn today(&self) -> anyhow::Result<StudyDay> {
        Ok(self.study_time()?.day)
    }

    /// Opens the database, creating its folder if needed, and syncs the
    /// shipped lessons; warnings about lessons that could not be synced are
    /// returned for the caller to show.
    pub fn open_store_with_warnings(&self) -> anyhow::Result<(Store, Vec<BuiltinWarning>)> {
        create_parent(&self.db_path)?;
        let mut store = Store::open(&self.db_path)?;
        let warnings = store
            .sync_builtin(builtin::LESSONS, self.clock.now())
            .with_context(|| format!("cannot sync the built-in lessons into {}", store.label()))?;
        Ok((store, warnings))
    }

    /// Opens the database as [`Context::open_store_with_warnings`] does and
    /// prints its warnings to standard error.
    pub fn open_store(&self) -> anyhow::Result<Store> {
        let (store, warnings) = self.open_store_with_warnings()?;
        for warning in warnings {
            eprintln!(
                "warning: built-in lesson {} was not synced: {}",
                warning.file_name, warning.message
            );
        }
        Ok(store)
    }
}

/// Returns the database path: `--db`, else `DISTILL_DB`, else
/// `distill.db` in the platform data directory.
pub fn db_path(global: &Global) -> anyhow::Result<PathBuf> {
    if let Some(path) = &global.db {
        return Ok(path.clone());
    }
    let dirs = project_dirs()?;
    Ok(dirs.data_dir().join(DB_FILE_NAME))
}

/// Returns the config file path: `--config`, else `DISTILL_CONFIG`, else
/// `config.toml` in the platform config directory (`None` when the platform
/// has no home directory).
pub fn config_path(global: &Global) -> Option<PathBuf> {
    if let Some(path) = &global.config {
        return Some(path.clone());
    }
    let dirs = ProjectDirs::from("", "", "distill")?;
    Some(dirs.config_dir().join(CONFIG_FILE_NAME))
}

/// Loads the settings: defaults, then the config file if there is one, then
/// the `--day-start-hour` and `--new-per-day` flags. A config file named by
/// `--config` or `DISTILL_CONFIG` must exist.
pub fn load_settings(global: &Global) -> anyhow::Result<Settings> {
    let mut settings = match config_path(global) {
        Some(path) if global.config.is_some() || path.exists() => Settings::from_file(&path)?,
        _ => Settings::default(),
    };
    if let Some(hour) = global.day_start_hour {
        settings.day_start_hour = hour;
    }
    if let Some(limit) = global.new_per_day {
        settings.new_per_day = limit;
    }
    settings
        .validate()
        .map_err(|message| anyhow::anyhow!("invalid --day-start-hour: {message}"))?;
    Ok(settings)
}

fn project_dirs() -> anyhow::Result<ProjectDirs> {
    ProjectDirs::from("", "", "distill").context(
        "cannot find the platform data directory (is HOME set?): pass --db PATH or set DISTILL_DB",
    )
}

fn create_parent(path: &Path) -> anyhow::Result<()> {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display())),
        _ => Ok(()),
    }
}
