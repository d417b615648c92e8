//! Importing lessons: upserting each lesson and reconciling its cards.
//!
//! A card whose id is still derived from the lesson keeps its schedule and
//! history, and only its text is refreshed. A card whose id disappeared is
//! retired, never deleted, and comes back with its history if its text
//! returns.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use rusqlite::{Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Store, StoreError};
use crate::deck::{self, Card, CardId};
use crate::lesson::{Diagnostic, Lesson};
use crate::schedule::Ladder;

/// A parsed lesson with where it came from.
#[derive(Debug, Clone)]
pub struct LessonFile {
    pub lesson: Lesson,
    /// The file path, or `builtin:NAME.md` for a shipped lesson.
    pub source: String,
    /// [`source_sha256`] of the file's bytes.
    pub sha256: String,
}

/// Returns the lowercase hex SHA-256 of a lesson file's bytes, stored to
/// notice when a file changed.
pub fn source_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Counts of the changes an import made to one lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LessonImport {
    pub lesson_id: String,
    pub title: String,
    /// Cards seen for the first time.
    pub added: u32,
    /// Cards whose front or back text changed; their history is kept.
    pub updated: u32,
    /// Retired cards whose text returned, with their history.
    pub restored: u32,
    /// Cards whose text left the lesson.
    pub retired: u32,
    pub unchanged: u32,
    /// Warnings from the parser and from card derivation.
    pub warnings: Vec<Diagnostic>,
}

/// The outcome of one import run: one entry per lesson, in input order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub lessons: Vec<LessonImport>,
}

/// A stored card's text and state, as compared during import.
struct Existing {
    position: u32,
    front: String,
    back: String,
    line: u32,
    retired: bool,
}

impl Existing {
    fn matches(&self, card: &Card) -> bool {
        !self.retired
            && self.position == card.position
            && self.front == card.front
            && self.back == card.back
            && self.line == card.line
    }
}

impl Store {
    /// Imports lessons in one transaction: all of them or, on any error,
    /// none. Two files with the same lesson id are rejected before writing.
    pub fn import_lessons(
        &mut self,
        files: &[LessonFile],
        now: DateTime<FixedOffset>,
    ) -> Result<ImportReport, StoreError> {
        check_unique_ids(files)?;
        let tx = self.write()?;
        let mut report = ImportReport::default();
        for file in files {
            report.lessons.push(import_one(&tx, file, now)?);
        }
        tx.commit()?;
        Ok(report)
    }
}

fn check_unique_ids(files: &[LessonFile]) -> Result<(), StoreError> {
    let mut sources: HashMap<&str, &str> = HashMap::new();
    for file in files {
        if let Some(first) = sources.insert(&file.lesson.id, &file.source) {
            return Err(StoreError::DuplicateLesson {
                id: file.lesson.id.clone(),
                first: first.to_owned(),
                second: file.source.clone(),
            });
        }
    }
    Ok(())
}

fn import_one(
    tx: &Transaction<'_>,
    file: &LessonFile,
    now: DateTime<FixedOffset>,
) -> Result<LessonImport, StoreError> {
    let lesson = &file.lesson;
    let deck = deck::build(lesson);
    upsert_lesson(tx, file, now)?;
    let existing = existing_cards(tx, &lesson.id)?;
    let mut outcome = LessonImport {
        lesson_id: lesson.id.clone(),
        title: lesson.title.clone(),
        warnings: lesson
            .warnings
            .iter()
            .chain(&deck.warnings)
            .cloned()
            .collect(),
        ..LessonImport::default()
    };
    for card in &deck.cards {
        upsert_card(tx, card, existing.get(&card.id), &mut outcome)?;
    }
    let current: HashSet<&CardId> = deck.cards.iter().map(|card| &card.id).collect();
    for (id, card) in &existing {
        if !card.retired && !current.contains(id) {
            tx.prepare_cached("update cards set retired = 1 where id = ?1")?
                .execute([id])?;
            outcome.retired += 1;
        }
    }
    Ok(outcome)
}

fn upsert_lesson(
    tx: &Transaction<'_>,
    file: &LessonFile,
    now: DateTime<FixedOffset>,
) -> Result<(), StoreError> {
    let ladder = Ladder::new(file.lesson.ladder_days()).unwrap_or_else(|_| Ladder::standard());
    tx.prepare_cached(
        "insert into lessons (id, title, source, source_sha256, ladder, top_rung, imported_at) \
         values (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         on conflict (id) do update set title = excluded.title, source = excluded.source, \
         source_sha256 = excluded.source_sha256, ladder = excluded.ladder, \
         top_rung = excluded.top_rung, imported_at = excluded.imported_at",
    )?
    .execute(params![
        file.lesson.id,
        file.lesson.title,
        file.source,
        file.sha256,
        ladder.to_string(),
        ladder.top_rung(),
        now.timestamp_millis(),
    ])?;
    Ok(())
}

fn existing_cards(
    tx: &Transaction<'_>,
    lesson_id: &str,
) -> Result<HashMap<CardId, Existing>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "select id, position, front, back, line, retired from cards where lesson_id = ?1",
    )?;
    let rows = stmt.query_map([lesson_id], |row| {
        let existing = Existing {
            position: row.get(1)?,
            front: row.get(2)?,
            back: row.get(3)?,
            line: row.get(4)?,
            retired: row.get(5)?,
        };
        Ok((row.get(0)?, existing))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn upsert_card(
    tx: &Transaction<'_>,
    card: &Card,
    existing: Option<&Existing>,
    outcome: &mut LessonImport,
) -> Result<(), StoreError> {
    let Some(existing) = existing else {
        tx.prepare_cached(
            "insert into cards (id, lesson_id, kind, position, front, back, line) \
             values (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            card.id,
            card.lesson_id,
            card.kind,
            card.position,
            card.front,
            card.back,
            card.line
        ])?;
        outcome.added += 1;
        return Ok(());
    };
    if existing.matches(card) {
        outcome.unchanged += 1;
        return Ok(());
    }
    // Position and line change whenever text is added above a card, so they
    // are refreshed silently; only a text change counts as an update.
    tx.prepare_cached(
        "update cards set position = ?2, front = ?3, back = ?4, line = ?5, retired = 0 \
         where id = ?1",
    )?
    .execute(params![
        card.id,
        card.position,
        card.front,
        card.back,
        card.line
    ])?;
    if existing.retired {
        outcome.restored += 1;
    } else if existing.front != card.front || existing.back != card.back {
        outcome.updated += 1;
    } else {
        outcome.unchanged += 1;
    }
    Ok(())
}
