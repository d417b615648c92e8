//! `distill due`: the cards to study now.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Global;
use super::context::Context;
use crate::deck::{CardId, CardKind};
use crate::schedule::{Rung, StudyDay};
use crate::store::StoredCard;
use crate::tui::text::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only cards of this lesson id.
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The JSON output.
#[derive(Debug, Serialize)]
struct Output<'a> {
    today: StudyDay,
    cards: Vec<CardOutput<'a>>,
}

#[derive(Debug, Serialize)]
struct CardOutput<'a> {
    id: &'a CardId,
    lesson: &'a str,
    kind: CardKind,
    front: &'a str,
    back: &'a str,
    rung: Rung,
    due: Option<StudyDay>,
    new: bool,
}

impl<'a> CardOutput<'a> {
    fn new(card: &'a StoredCard) -> CardOutput<'a> {
        CardOutput {
            id: &card.id,
            lesson: &card.lesson_id,
            kind: card.kind,
            front: &card.front,
            back: &card.back,
            rung: card.state.rung,
            due: card.state.due,
            new: card.state.is_new(),
        }
    }
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let context = Context::new(global)?;
    let store = context.open_store()?;
    let today = context.today()?;
    let cards = store.due_queue(today, context.settings.new_per_day, args.lesson.as_deref())?;
    // Writing through `out` returns errors such as a closed pipe
    // (`distill due | head`), where `println!` would panic.
    let mut out = std::io::stdout().lock();
    if args.json {
        let output = Output {
            today,
            cards: cards.iter().map(CardOutput::new).collect(),
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&output)?)?;
    } else {
        write_text(&mut out, today, &cards)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, today: StudyDay, cards: &[StoredCard]) -> std::io::Result<()> {
    let new = cards.iter().filter(|card| card.state.is_new()).count();
    writeln!(out, "{today}: {} due, {new} new", cards.len() - new)?;
    for card in cards {
        let when = match card.state.due {
            Some(due) => due.to_string(),
            None => "new".to_owned(),
        };
        // Lesson text may carry escape sequences; sanitize also turns line
        // breaks into spaces, so each card stays on one line.
        let front = sanitize(&card.front);
        writeln!(
            out,
            "{}  {:<10}  {:<7}  {}  {}",
            card.id, when, card.kind, card.lesson_id, front
        )?;
    }
    Ok(())
}
