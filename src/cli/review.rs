//! `distill` (the dashboard) and `distill review` (straight into today's
//! session): set up logging, build the app and run it in the terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Global;
use crate::logging;
use crate::tui::{self, App, Clock, Context, Route, Theme};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only cards of this lesson id.
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,
}

/// Opens the terminal UI on today's review session.
pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    launch(
        global,
        Route::Review {
            lesson: args.lesson,
        },
    )
}

/// Opens the dashboard: what `distill` with no subcommand does.
pub fn open_dashboard(global: &Global) -> anyhow::Result<ExitCode> {
    launch(global, Route::Dashboard)
}

/// Opens the terminal UI on `route`.
pub(super) fn launch(global: &Global, route: Route) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "standard output is not a terminal; run distill in a terminal, \
             or use distill due and distill grade from scripts"
        );
    }
    let log_path = logging::log_path_for(&database_path(global)?);
    logging::init(&log_path)?;
    let clock = match global.now {
        Some(start) => Clock::starting_at(start),
        None => Clock::System,
    };
    let ctx = Context::new(clock);
    let mut app = App::open(ctx, Theme::from_env(), &route)
        .map_err(|err| anyhow::anyhow!(err))
        .with_context(|| format!("cannot open {route:?}"))?;
    tracing::info!(?route, "terminal UI started");
    tui::terminal::run(&mut app).context("terminal error")?;
    tracing::info!("terminal UI stopped");
    Ok(ExitCode::SUCCESS)
}

// TODO: take the database path from the command-line context shared with the
// other subcommands once it exists, so both resolve `--db` the same way.
fn database_path(global: &Global) -> anyhow::Result<PathBuf> {
    if let Some(path) = &global.db {
        return Ok(path.clone());
    }
    let dirs = directories::ProjectDirs::from("", "", "distill")
        .context("cannot find the home directory; pass --db PATH")?;
    Ok(dirs.data_dir().join("distill.db"))
}
