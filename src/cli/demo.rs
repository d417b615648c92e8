//! `distill demo kd` and `distill demo still`.

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub demo: Demo,
}

#[derive(Debug, clap::Subcommand)]
pub enum Demo {
    /// Train a small student network from a teacher (knowledge distillation).
    Kd(KdArgs),
    /// Simulate simple and fractional distillation of ethanol and water.
    Still(StillArgs),
}

#[derive(Debug, clap::Args)]
pub struct KdArgs {}

#[derive(Debug, clap::Args)]
pub struct StillArgs {}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    match args.demo {
        Demo::Kd(_) => anyhow::bail!("distill demo kd is not built yet"),
        Demo::Still(_) => anyhow::bail!("distill demo still is not built yet"),
    }
}
