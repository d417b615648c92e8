//! `distill grade`: record one answer.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Global;
use super::context::Context;
use crate::schedule::{Grade, Rung, StudyDay};
use crate::store::{Answer, AnswerRequest};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Card id, as printed by `distill due`, or a unique prefix of it.
    #[arg(value_name = "CARD_ID")]
    pub card: String,
    /// The grade: again, hard, good or easy (or 1-4).
    #[arg(value_name = "GRADE")]
    pub grade: Grade,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The JSON output.
#[derive(Debug, Serialize)]
struct Output<'a> {
    card: &'a str,
    grade: Grade,
    rung_before: Rung,
    rung_after: Rung,
    due_before: Option<StudyDay>,
    due_after: StudyDay,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let context = Context::new(global)?;
    let mut store = context.open_store()?;
    let card = store.find_card(&args.card)?;
    let request = AnswerRequest {
        card: card.id,
        grade: args.grade,
        time: context.study_time()?,
        duration: None,
    };
    let answer = store.record_answer(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&output(&answer))?)?;
    } else {
        writeln!(out, "{}", describe(&answer))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn output(answer: &Answer) -> Output<'_> {
    Output {
        card: answer.card.as_str(),
        grade: answer.grade,
        rung_before: answer.rung_before,
        rung_after: answer.rung_after,
        due_before: answer.due_before,
        due_after: answer.due_after,
    }
}

/// Describes an answer in one line, for `grade` and `undo`.
pub(super) fn describe(answer: &Answer) -> String {
    format!(
        "{} {}: rung {} -> {}, due {}",
        answer.card, answer.grade, answer.rung_before, answer.rung_after, answer.due_after
    )
}
