//! `distill undo`: take back the last answer.

use std::io::Write;
use std::process::ExitCode;

use super::Global;
use super::context::Context;
use super::grade::describe;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let context = Context::new(global)?;
    let mut store = context.open_store()?;
    let undone = store.undo_last()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&undone)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    match undone {
        Some(answer) => {
            let due = match answer.due_before {
                Some(due) => format!("due {due}"),
                None => "new".to_owned(),
            };
            writeln!(out, "took back {}", describe(&answer))?;
            writeln!(
                out,
                "card {} is back on rung {}, {due}",
                answer.card, answer.rung_before
            )?;
        }
        None => writeln!(out, "nothing to undo: the review log is empty")?,
    }
    Ok(ExitCode::SUCCESS)
}
