//! `distill` (the dashboard) and `distill review` (straight into today's
//! session): set up logging, build the app and run it in the terminal.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Global;
use super::context::Context;
use crate::logging;
use crate::tui::{self, App, Clock, Route, Theme};

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

    let context = Context::new(global)?;
    logging::init(&logging::log_path_for(&context.db_path))?;
    let (store, warnings) = context.open_store_with_warnings()?;

    let clock = match global.now {
        Some(start) => Clock::starting_at(start),
        None => Clock::System,
    };
    let ctx = tui::Context::new(clock).with_store(store, context.settings);
    let mut app = App::open(ctx, Theme::from_env(), &route)
        .map_err(|err| anyhow::anyhow!(err))
        .with_context(|| format!("cannot open the {} screen", route_name(&route)))?;

    for warning in &warnings {
        tracing::warn!(lesson = warning.file_name, message = %warning.message, "built-in lesson not synced");
    }
    if let Some(warning) = warnings.first() {
        app.notify(format!(
            "Built-in lesson {} was not synced: {}",
            warning.file_name, warning.message
        ));
    }

    tracing::info!(db = %context.db_path.display(), ?route, "terminal UI started");
    tui::terminal::run(&mut app).context("terminal UI failed")?;
    tracing::info!("terminal UI stopped");
    Ok(ExitCode::SUCCESS)
}

fn route_name(route: &Route) -> &'static str {
    match route {
        Route::Review { .. } => "review",
        Route::Quiz { .. } => "quiz",
        Route::Path { .. } => "learning path",
        Route::Reader { .. } => "lesson reader",
        Route::ReviewPrompts => "review prompts",
        _ => "dashboard",
    }
}
