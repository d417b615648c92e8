//! `distill demo kd` and `distill demo still`.

use std::process::ExitCode;

mod kd;
mod still;

use super::Global;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub demo: Demo,
}

#[derive(Debug, clap::Subcommand)]
pub enum Demo {
    /// Train a small student network from a teacher (knowledge distillation).
    Kd(kd::Args),
    /// Simulate simple and fractional distillation of ethanol and water.
    Still(still::Args),
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    match args.demo {
        Demo::Kd(args) => kd::run(args, global),
        Demo::Still(args) => still::run(args, global),
    }
}
