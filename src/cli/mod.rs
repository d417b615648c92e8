//! The command line: argument definitions and dispatch to one module per
//! subcommand. `distill` with no subcommand opens the dashboard.

mod check;
pub mod context;
mod demo;
mod due;
mod export;
mod grade;
mod import;
mod path;
mod quiz;
mod review;
mod stats;
mod undo;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset};
use clap::{Parser, Subcommand};

/// A terminal study app: spaced review, quizzes and learning paths from
/// Markdown lessons.
#[derive(Debug, Parser)]
#[command(name = "distill", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options shared by every subcommand.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Database file [default: distill.db in the platform data directory].
    #[arg(long, global = true, env = "DISTILL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Clock to use instead of the system time, as RFC 3339
    /// (for example 2026-03-01T09:30:00+02:00); the instant is shown in the
    /// local time zone (TZ).
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Config file [default: config.toml in the platform config directory].
    #[arg(long, global = true, env = "DISTILL_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Local hour (0-23) at which a new study day starts.
    #[arg(long, global = true, value_name = "HOUR")]
    pub day_start_hour: Option<u32>,
    /// Number of new cards introduced per study day.
    #[arg(long, global = true, value_name = "N")]
    pub new_per_day: Option<u32>,
}

fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text).map_err(|err| {
        format!("invalid time {text:?}: {err}; expected RFC 3339, like 2026-03-01T09:30:00+02:00")
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate lesson files and print what each one contains.
    Check(check::Args),
    /// Import lesson files or folders of `.md` files into the database.
    Import(import::Args),
    /// List the cards to study now.
    Due(due::Args),
    /// Record one answer for a card.
    Grade(grade::Args),
    /// Take back the last answer.
    Undo(undo::Args),
    /// Print study statistics.
    Stats(stats::Args),
    /// Export cards and the review log.
    Export(export::Args),
    /// Open the terminal UI straight into today's review session.
    Review(review::Args),
    /// Take a retrieval quiz on a lesson.
    Quiz(quiz::Args),
    /// Walk a lesson's learning path step by step.
    Path(path::Args),
    /// Run a live demo.
    Demo(demo::Args),
}

/// Runs the parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        None => review::open_dashboard(&global),
        Some(Command::Check(args)) => check::run(args, &global),
        Some(Command::Import(args)) => import::run(args, &global),
        Some(Command::Due(args)) => due::run(args, &global),
        Some(Command::Grade(args)) => grade::run(args, &global),
        Some(Command::Undo(args)) => undo::run(args, &global),
        Some(Command::Stats(args)) => stats::run(args, &global),
        Some(Command::Export(args)) => export::run(args, &global),
        Some(Command::Review(args)) => review::run(args, &global),
        Some(Command::Quiz(args)) => quiz::run(args, &global),
        Some(Command::Path(args)) => path::run(args, &global),
        Some(Command::Demo(args)) => demo::run(args, &global),
    }
}
