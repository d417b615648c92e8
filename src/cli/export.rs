//! `distill export`: cards and the review log as CSV or JSON.
//!
//! CSV carries one table per run: cards as front, back and tags with the
//! header lines Anki's text importer reads, or the review log. JSON carries
//! both tables in one object. Rows are streamed, so a large review log is
//! never held in memory.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Global;
use super::context::Context;
use crate::store::{ExportedCard, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// Cards as front, back and tags, importable into Anki.
    Cards,
    /// Every answer in the review log.
    Reviews,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Format,
    /// Table to write as CSV (JSON always holds both).
    #[arg(long, value_enum, default_value = "cards", value_name = "TABLE")]
    pub table: Table,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// An error while exporting: reading the store or writing the output.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the export: {0}")]
    Io(#[from] io::Error),
    #[error("cannot write the export: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write the export: {0}")]
    Json(#[from] serde_json::Error),
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let context = Context::new(global)?;
    let store = context.open_store()?;
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    match (args.format, args.table) {
        (Format::Json, _) => write_json(&store, &mut out)?,
        (Format::Csv, Table::Cards) => write_cards_csv(&store, &mut out)?,
        (Format::Csv, Table::Reviews) => write_reviews_csv(&store, &mut out)?,
    }
    out.flush().context("cannot write the export")?;
    Ok(ExitCode::SUCCESS)
}

/// Returns the card's Anki tags: `distill`, the lesson and the kind.
/// Anki separates tags by spaces, so spaces in a lesson id become `_`.
fn anki_tags(card: &ExportedCard) -> String {
    let lesson = card.lesson.replace(char::is_whitespace, "_");
    format!("distill lesson::{lesson} kind::{}", card.kind)
}

fn write_cards_csv(store: &Store, out: &mut dyn Write) -> Result<(), ExportError> {
    // Header lines for Anki's importer: fields are plain text, not HTML.
    writeln!(out, "#separator:comma")?;
    writeln!(out, "#html:false")?;
    writeln!(out, "#tags column:3")?;
    let mut writer = csv::Writer::from_writer(out);
    store.visit_cards(|card: ExportedCard| -> Result<(), ExportError> {
        if !card.retired {
            writer.write_record([&card.front, &card.back, &anki_tags(&card)])?;
        }
        Ok(())
    })?;
    writer.flush()?;
    Ok(())
}

fn write_reviews_csv(store: &Store, out: &mut dyn Write) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    store.visit_reviews(|review| -> Result<(), ExportError> {
        writer.serialize(review)?;
        Ok(())
    })?;
    writer.flush()?;
    Ok(())
}

fn write_json(store: &Store, out: &mut dyn Write) -> Result<(), ExportError> {
    write!(out, "{{\"cards\":[")?;
    let mut first = true;
    store.visit_cards(|card| -> Result<(), ExportError> {
        write_separator(out, &mut first)?;
        serde_json::to_writer(&mut *out, &card)?;
        Ok(())
    })?;
    write!(out, "\n],\"reviews\":[")?;
    first = true;
    store.visit_reviews(|review| -> Result<(), ExportError> {
        write_separator(out, &mut first)?;
        serde_json::to_writer(&mut *out, &review)?;
        Ok(())
    })?;
    writeln!(out, "\n]}}")?;
    Ok(())
}

fn write_separator(out: &mut dyn Write, first: &mut bool) -> io::Result<()> {
    if *first {
        *first = false;
        out.write_all(b"\n")
    } else {
        out.write_all(b",\n")
    }
}
