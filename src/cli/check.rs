//! `distill check`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson files to check.
    #[arg(value_name = "FILE", required_unless_present = "builtin")]
    pub files: Vec<std::path::PathBuf>,
    /// Check the lessons shipped inside the binary.
    #[arg(long)]
    pub builtin: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill check is not built yet")
}
