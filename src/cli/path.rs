//! `distill path`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson id [default: choose on screen].
    #[arg(value_name = "LESSON")]
    pub lesson: Option<String>,
}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill path is not built yet")
}
