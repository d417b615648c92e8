//! `distill review`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only cards of this lesson id.
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,
}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill review is not built yet")
}

/// Opens the dashboard: what `distill` with no subcommand does.
pub fn open_dashboard(_global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the dashboard is not built yet")
}
