//! `distill grade`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Card id, as printed by `distill due`.
    #[arg(value_name = "CARD_ID")]
    pub card: String,
    /// The grade: again, hard, good or easy.
    #[arg(value_name = "GRADE")]
    pub grade: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill grade is not built yet")
}
