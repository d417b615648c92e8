//! Quiz attempts: every answer stored with its lesson, item and outcome,
//! and counted as the review of its card when that card is due.
//!
//! Also reading a stored lesson back as a [`Lesson`], which the quiz and the
//! learning path are built from.

use std::path::Path;
use std::time::Duration;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::answer::apply_answer;
use super::{Answer, AnswerRequest, Store, StoreError};
use crate::builtin;
use crate::deck::CardId;
use crate::lesson::{self, Lesson, ParseError};
use crate::quiz::Attempt;
use crate::schedule::{Grade, StudyDay, StudyTime};

/// Prefix of the `lessons.source` of a lesson shipped in the binary.
const BUILTIN_SOURCE: &str = "builtin:";

/// A failure to load a lesson or to record study progress.
#[derive(Debug, thiserror::Error)]
pub enum StudyError {
    #[error(
        "lesson {0:?} not found: `distill path` lists the lessons, and \
         `distill import FILE` adds one"
    )]
    LessonNotFound(String),
    #[error("lesson {id:?} cannot be read from {source_name}: {error}")]
    LessonUnreadable {
        id: String,
        source_name: String,
        error: Box<ParseError>,
    },
    #[error(
        "review prompt {position} of lesson {lesson:?} is not due: it was answered \
         already or was never scheduled; reopen the dashboard to see what is due"
    )]
    PromptNotDue { lesson: String, position: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for StudyError {
    fn from(err: rusqlite::Error) -> Self {
        StudyError::Store(StoreError::Sqlite(err))
    }
}

/// The result of recording one quiz answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedAttempt {
    /// Row id in `quiz_attempts`.
    pub id: i64,
    /// The card review the answer counted as, when the card was due.
    pub review: Option<Answer>,
}

/// A stored quiz answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredAttempt {
    pub id: i64,
    pub lesson_id: String,
    /// The item kind, as [`crate::quiz::ItemKind::as_str`] names it.
    pub kind: String,
    pub subject: String,
    /// The item's card, when the lesson's cards are imported.
    pub card_id: Option<CardId>,
    pub response: String,
    pub correct: bool,
    pub self_grade: Option<Grade>,
    /// The review-log row of the card review the answer counted as.
    pub review_log_id: Option<i64>,
    pub day: StudyDay,
    pub duration_ms: Option<i64>,
}

impl Store {
    /// Records one quiz answer given at `time`. When the item's card is due
    /// on that study day, the answer also counts as the card's review, with
    /// the attempt's card grade, in the same transaction.
    pub fn record_quiz_attempt(
        &mut self,
        attempt: &Attempt,
        time: &StudyTime,
    ) -> Result<RecordedAttempt, StudyError> {
        let tx = self.write()?;
        let card = attempt.card_id();
        let card_row = card_schedule(&tx, &card)?;
        let review = match card_row {
            Some(CardSchedule {
                due: Some(due),
                retired: false,
            }) if due <= time.day => Some(apply_answer(
                &tx,
                &AnswerRequest {
                    card: card.clone(),
                    grade: attempt.card_grade,
                    time: *time,
                    duration: Some(attempt.duration),
                },
            )?),
            _ => None,
        };
        let card_id = card_row.map(|_| card);
        let id = insert_attempt(&tx, attempt, card_id.as_ref(), review.as_ref(), time)?;
        tx.commit()?;
        Ok(RecordedAttempt { id, review })
    }

    /// Returns the quiz answers stored for `lesson`, oldest first.
    pub fn quiz_attempts(&self, lesson: &str) -> Result<Vec<StoredAttempt>, StudyError> {
        let mut stmt = self.conn.prepare_cached(
            "select id, lesson_id, kind, subject, card_id, response, correct, self_grade, \
             review_log_id, day, duration_ms from quiz_attempts where lesson_id = ?1 order by id",
        )?;
        let rows = stmt.query_map([lesson], |row| {
            Ok(StoredAttempt {
                id: row.get(0)?,
                lesson_id: row.get(1)?,
                kind: row.get(2)?,
                subject: row.get(3)?,
                card_id: row.get(4)?,
                response: row.get(5)?,
                correct: row.get(6)?,
                self_grade: row.get(7)?,
                review_log_id: row.get(8)?,
                day: row.get(9)?,
                duration_ms: row.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Returns the ids and titles of the stored lessons, by title.
    pub fn lesson_titles(&self) -> Result<Vec<(String, String)>, StudyError> {
        let mut stmt = self
            .conn
            .prepare_cached("select id, title from lessons order by title, id")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Reads every stored lesson but `id`, as the source of extra quiz
    /// distractors: one result per lesson, so a lesson that cannot be read
    /// leaves out only itself.
    pub fn load_other_lessons(
        &self,
        id: &str,
    ) -> Result<Vec<Result<Lesson, StudyError>>, StudyError> {
        let others = self
            .lesson_titles()?
            .into_iter()
            .filter(|(other, _)| other != id)
            .map(|(other, _)| self.load_lesson(&other))
            .collect();
        Ok(others)
    }

    /// Reads the lesson stored as `id` back from where it was imported: the
    /// copy shipped in the binary, or the file it was imported from.
    ///
    /// NOTE: a file edited since its import is read as it is now, so its
    /// quiz may ask about text whose cards the next import will add.
    pub fn load_lesson(&self, id: &str) -> Result<Lesson, StudyError> {
        let source: Option<String> = self
            .conn
            .prepare_cached("select source from lessons where id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        let Some(source) = source else {
            return Err(StudyError::LessonNotFound(id.to_string()));
        };
        parse_source(id, &source).map_err(|error| StudyError::LessonUnreadable {
            id: id.to_string(),
            source_name: source.clone(),
            error: Box::new(error),
        })
    }
}

fn parse_source(id: &str, source: &str) -> Result<Lesson, ParseError> {
    let shipped = source
        .strip_prefix(BUILTIN_SOURCE)
        .and_then(|name| builtin::LESSONS.iter().find(|l| l.file_name == name));
    match shipped {
        Some(shipped) => lesson::parse(Path::new(shipped.file_name), id, shipped.text.as_bytes()),
        None => {
            let mut lesson = lesson::parse_file(Path::new(source))?;
            lesson.id = id.to_string();
            Ok(lesson)
        }
    }
}

/// The part of a card's state that decides whether a quiz answer reviews it.
#[derive(Debug, Clone, Copy)]
struct CardSchedule {
    due: Option<StudyDay>,
    retired: bool,
}

fn card_schedule(tx: &Transaction<'_>, card: &CardId) -> Result<Option<CardSchedule>, StudyError> {
    let row = tx
        .prepare_cached("select due, retired from cards where id = ?1")?
        .query_row([card], |row| {
            Ok(CardSchedule {
                due: row.get(0)?,
                retired: row.get(1)?,
            })
        })
        .optional()?;
    Ok(row)
}

fn insert_attempt(
    tx: &Transaction<'_>,
    attempt: &Attempt,
    card: Option<&CardId>,
    review: Option<&Answer>,
    time: &StudyTime,
) -> Result<i64, StudyError> {
    tx.prepare_cached(
        "insert into quiz_attempts (lesson_id, kind, subject, card_id, response, correct, \
         self_grade, review_log_id, answered_at, utc_offset, day, duration_ms) \
         values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        attempt.lesson,
        attempt.kind.as_str(),
        attempt.subject,
        card,
        attempt.response,
        attempt.right,
        attempt.self_grade,
        review.map(|answer| answer.log_id),
        time.at.timestamp_millis(),
        time.at.offset().local_minus_utc(),
        time.day,
        duration_ms(attempt.duration),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Returns a duration in whole milliseconds, saturating at `i64::MAX`.
pub(super) fn duration_ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}
