//! `distill quiz`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson id [default: choose on screen].
    #[arg(value_name = "LESSON")]
    pub lesson: Option<String>,
    /// Run line by line on standard input and output, with no terminal control.
    #[arg(long)]
    pub plain: bool,
    /// Seed for question order and options; the same seed gives the same quiz.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill quiz is not built yet")
}
