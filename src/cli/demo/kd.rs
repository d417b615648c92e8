//! `distill demo kd`.

use std::process::ExitCode;

use crate::cli::Global;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("distill demo kd is not built yet")
}
