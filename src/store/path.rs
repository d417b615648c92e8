//! Learning-path progress with the learner's notes, and the lesson review
//! prompts scheduled when a path is finished.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::Store;
use super::quiz::{StudyError, duration_ms};
use crate::quiz::path::PathProgress;
use crate::quiz::review_prompt::{PlannedPrompt, PromptAnswer, due_after_answer};
use crate::schedule::{Grade, StudyDay, StudyTime};

/// A review prompt of a studied lesson, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledPrompt {
    pub lesson_id: String,
    /// Place in the lesson's plan, in interval order.
    pub position: usize,
    /// Offset in days from the day the path was finished.
    pub days: u32,
    /// Inline Markdown, as written in the lesson.
    pub prompt: String,
    /// The study day the prompt is due, or `None` once it is completed.
    pub due: Option<StudyDay>,
}

/// The result of saving a lesson's path progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SavedPath {
    /// The day the lesson was first studied, as stored.
    pub studied_on: Option<StudyDay>,
    /// Number of review prompts this save scheduled: the lesson's whole
    /// plan when this save first marked it studied, else 0.
    pub scheduled: usize,
}

/// The result of answering a review prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PromptAnswered {
    /// Row id in `lesson_review_log`.
    pub log_id: i64,
    pub grade: Grade,
    /// The day the prompt is due again, or `None` when it is completed.
    pub due_after: Option<StudyDay>,
}

impl Store {
    /// Returns the stored path progress of `lesson`, empty before its first
    /// save.
    pub fn path_progress(&self, lesson: &str) -> Result<PathProgress, StudyError> {
        let row: Option<(Option<String>, Option<StudyDay>)> = self
            .conn
            .prepare_cached(
                "select current_slot, studied_on from path_progress where lesson_id = ?1",
            )?
            .query_row([lesson], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((current, studied_on)) = row else {
            return Ok(PathProgress::default());
        };
        let mut notes = BTreeMap::new();
        let mut done = BTreeSet::new();
        let mut stmt = self
            .conn
            .prepare_cached("select slot, note, done from path_notes where lesson_id = ?1")?;
        let rows = stmt.query_map([lesson], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, bool>(2)?,
            ))
        })?;
        for row in rows {
            let (slot, note, is_done) = row?;
            if !note.is_empty() {
                notes.insert(slot.clone(), note);
            }
            if is_done {
                done.insert(slot);
            }
        }
        Ok(PathProgress {
            current,
            notes,
            done,
            studied_on,
        })
    }

    /// Saves the whole path progress of `lesson` in one transaction. The
    /// first day the lesson was studied is kept once stored, so a save from
    /// an older screen never moves it. When the lesson is studied and its
    /// prompts are not scheduled yet, `prompts` are scheduled at their
    /// offsets from that day.
    pub fn save_path_progress(
        &mut self,
        lesson: &str,
        progress: &PathProgress,
        prompts: &[PlannedPrompt],
        at: DateTime<FixedOffset>,
    ) -> Result<SavedPath, StudyError> {
        let tx = self.write()?;
        tx.prepare_cached(
            "insert into path_progress (lesson_id, current_slot, studied_on, updated_at) \
             values (?1, ?2, ?3, ?4) on conflict (lesson_id) do update set \
             current_slot = excluded.current_slot, \
             studied_on = coalesce(path_progress.studied_on, excluded.studied_on), \
             updated_at = excluded.updated_at",
        )?
        .execute(params![
            lesson,
            progress.current,
            progress.studied_on,
            at.timestamp_millis()
        ])?;
        replace_notes(&tx, lesson, progress)?;
        let studied_on: Option<StudyDay> = tx.query_row(
            "select studied_on from path_progress where lesson_id = ?1",
            [lesson],
            |row| row.get(0),
        )?;
        let scheduled = match studied_on {
            Some(day) => schedule_prompts(&tx, lesson, prompts, day)?,
            None => 0,
        };
        tx.commit()?;
        Ok(SavedPath {
            studied_on,
            scheduled,
        })
    }

    /// Returns the review prompts due on or before `today`, oldest due day
    /// first, then by lesson and plan order.
    pub fn due_review_prompts(&self, today: StudyDay) -> Result<Vec<ScheduledPrompt>, StudyError> {
        let mut stmt = self.conn.prepare_cached(
            "select lesson_id, position, days, prompt, due from lesson_reviews \
             where due is not null and due <= ?1 order by due, lesson_id, position",
        )?;
        let rows = stmt.query_map([today], read_prompt)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Returns every scheduled review prompt of `lesson`, in plan order.
    pub fn review_prompts(&self, lesson: &str) -> Result<Vec<ScheduledPrompt>, StudyError> {
        let mut stmt = self.conn.prepare_cached(
            "select lesson_id, position, days, prompt, due from lesson_reviews \
             where lesson_id = ?1 order by position",
        )?;
        let rows = stmt.query_map([lesson], read_prompt)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a self-graded answer to a due review prompt and reschedules
    /// it: due again the next study day after Again, completed otherwise.
    pub fn record_prompt_answer(
        &mut self,
        answer: &PromptAnswer,
        time: &StudyTime,
    ) -> Result<PromptAnswered, StudyError> {
        let tx = self.write()?;
        let due_before = due_prompt(&tx, answer, time.day)?;
        let due_after = due_after_answer(answer.grade, time.day);
        tx.prepare_cached(
            "update lesson_reviews set due = ?3 where lesson_id = ?1 and position = ?2",
        )?
        .execute(params![
            answer.lesson,
            position_value(answer.position),
            due_after
        ])?;
        let log_id = insert_prompt_log(&tx, answer, time, due_before, due_after)?;
        tx.commit()?;
        Ok(PromptAnswered {
            log_id,
            grade: answer.grade,
            due_after,
        })
    }
}

/// Returns the due day of the prompt `answer` is for, or an error unless
/// it is due on `today` or earlier.
fn due_prompt(
    tx: &Transaction<'_>,
    answer: &PromptAnswer,
    today: StudyDay,
) -> Result<StudyDay, StudyError> {
    let due: Option<StudyDay> = tx
        .prepare_cached("select due from lesson_reviews where lesson_id = ?1 and position = ?2")?
        .query_row(
            params![answer.lesson, position_value(answer.position)],
            |row| row.get(0),
        )
        .optional()?
        .flatten();
    match due {
        Some(due) if due <= today => Ok(due),
        _ => Err(StudyError::PromptNotDue {
            lesson: answer.lesson.clone(),
            position: answer.position,
        }),
    }
}

fn insert_prompt_log(
    tx: &Transaction<'_>,
    answer: &PromptAnswer,
    time: &StudyTime,
    due_before: StudyDay,
    due_after: Option<StudyDay>,
) -> Result<i64, StudyError> {
    tx.prepare_cached(
        "insert into lesson_review_log (lesson_id, position, answered_at, utc_offset, day, \
         grade, note, due_before, due_after, duration_ms) \
         values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        answer.lesson,
        position_value(answer.position),
        time.at.timestamp_millis(),
        time.at.offset().local_minus_utc(),
        time.day,
        answer.grade,
        answer.note,
        due_before,
        due_after,
        duration_ms(answer.duration),
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Returns a plan position as stored, saturating at `i64::MAX`.
fn position_value(position: usize) -> i64 {
    i64::try_from(position).unwrap_or(i64::MAX)
}

/// Replaces the stored notes and done marks of `lesson` with those of
/// `progress`.
fn replace_notes(
    tx: &Transaction<'_>,
    lesson: &str,
    progress: &PathProgress,
) -> Result<(), StudyError> {
    tx.prepare_cached("delete from path_notes where lesson_id = ?1")?
        .execute([lesson])?;
    let slots: BTreeSet<&String> = progress.notes.keys().chain(&progress.done).collect();
    let mut insert = tx.prepare_cached(
        "insert into path_notes (lesson_id, slot, note, done) values (?1, ?2, ?3, ?4)",
    )?;
    for slot in slots {
        let note = progress.notes.get(slot).map_or("", String::as_str);
        insert.execute(params![lesson, slot, note, progress.done.contains(slot)])?;
    }
    Ok(())
}

/// Schedules `prompts` from `studied_on` unless the lesson has scheduled
/// prompts already; returns how many were scheduled.
fn schedule_prompts(
    tx: &Transaction<'_>,
    lesson: &str,
    prompts: &[PlannedPrompt],
    studied_on: StudyDay,
) -> Result<usize, StudyError> {
    let existing: i64 = tx.query_row(
        "select count(*) from lesson_reviews where lesson_id = ?1",
        [lesson],
        |row| row.get(0),
    )?;
    if existing > 0 {
        return Ok(0);
    }
    let mut insert = tx.prepare_cached(
        "insert into lesson_reviews (lesson_id, position, days, prompt, due) \
         values (?1, ?2, ?3, ?4, ?5)",
    )?;
    for prompt in prompts {
        insert.execute(params![
            lesson,
            position_value(prompt.position),
            prompt.days,
            prompt.prompt,
            prompt.due_on(studied_on)
        ])?;
    }
    Ok(prompts.len())
}

fn read_prompt(row: &rusqlite::Row<'_>) -> rusqlite::Result<ScheduledPrompt> {
    let position: i64 = row.get(1)?;
    let position = usize::try_from(position).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Integer, Box::new(err))
    })?;
    Ok(ScheduledPrompt {
        lesson_id: row.get(0)?,
        position,
        days: row.get(2)?,
        prompt: row.get(3)?,
        due: row.get(4)?,
    })
}
