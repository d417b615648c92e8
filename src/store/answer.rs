//! Recording answers and taking them back.
//!
//! An answer updates the card and appends its review-log row in one
//! transaction, committed (and, with `synchronous=FULL`, fsynced) before the
//! function returns, so an answer shown as recorded is never lost.

use std::time::Duration;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::deck::CardId;
use crate::schedule::{CardState, Grade, Rung, StudyDay, StudyTime, next_state};

/// One answer to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRequest {
    pub card: CardId,
    pub grade: Grade,
    pub time: StudyTime,
    /// Time the learner took to answer, when measured.
    pub duration: Option<Duration>,
}

/// A recorded answer: one row of the review log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// Row id in the review log.
    pub log_id: i64,
    pub card: CardId,
    pub grade: Grade,
    /// Local study day of the answer.
    pub day: StudyDay,
    pub rung_before: Rung,
    pub rung_after: Rung,
    /// `None` when the card was new.
    pub due_before: Option<StudyDay>,
    pub due_after: StudyDay,
}

impl Store {
    /// Records one answer: moves the card on its ladder and appends the
    /// review-log row in one committed transaction.
    pub fn record_answer(&mut self, request: &AnswerRequest) -> Result<Answer, StoreError> {
        let tx = self.write()?;
        let answer = apply_answer(&tx, request)?;
        tx.commit()?;
        Ok(answer)
    }

    /// Records several answers in order in one transaction: all of them or,
    /// on any error, none. Used to backfill history and to build test data.
    pub fn record_answers(
        &mut self,
        requests: &[AnswerRequest],
    ) -> Result<Vec<Answer>, StoreError> {
        let tx = self.write()?;
        let answers = requests
            .iter()
            .map(|request| apply_answer(&tx, request))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(answers)
    }

    /// Returns the most recent answer in the review log, if any.
    pub fn last_answer(&self) -> Result<Option<Answer>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{ANSWER_QUERY} order by id desc limit 1"))?;
        let answer = stmt.query_row([], read_answer).optional()?;
        Ok(answer)
    }

    /// Takes back the most recent answer: restores its card to the state
    /// before it and deletes its review-log row, in one transaction.
    /// Returns the answer taken back, or `None` when the log is empty.
    pub fn undo_last(&mut self) -> Result<Option<Answer>, StoreError> {
        let tx = self.write()?;
        let last = tx
            .prepare_cached(&format!("{ANSWER_QUERY} order by id desc limit 1"))?
            .query_row([], read_answer)
            .optional()?;
        let Some(answer) = last else {
            return Ok(None);
        };
        take_back(&tx, &answer)?;
        tx.commit()?;
        Ok(Some(answer))
    }

    /// Takes back the answer logged as `log_id`, as [`Store::undo_last`]
    /// does. Only the latest answer of a card can be taken back, because
    /// every later answer was computed from the state it left.
    pub fn undo(&mut self, log_id: i64) -> Result<Answer, StoreError> {
        let tx = self.write()?;
        let answer = tx
            .prepare_cached(&format!("{ANSWER_QUERY} where id = ?1"))?
            .query_row([log_id], read_answer)
            .optional()?
            .ok_or(StoreError::AnswerNotFound(log_id))?;
        let latest: i64 = tx.query_row(
            "select max(id) from review_log where card_id = ?1",
            [&answer.card],
            |row| row.get(0),
        )?;
        if latest != log_id {
            return Err(StoreError::NotLatestAnswer {
                log_id,
                card: answer.card,
            });
        }
        take_back(&tx, &answer)?;
        tx.commit()?;
        Ok(answer)
    }
}

/// Selects review-log rows in the column order [`read_answer`] expects.
const ANSWER_QUERY: &str = "select id, card_id, grade, day, rung_before, rung_after, \
     due_before, due_after from review_log";

/// Deletes `answer`'s log row and restores its card to the state before it.
fn take_back(tx: &Transaction<'_>, answer: &Answer) -> Result<(), StoreError> {
    tx.execute("delete from review_log where id = ?1", [answer.log_id])?;
    // The latest review day is the largest day among the remaining
    // answers, because a review never counts before the previous one.
    let last_day: Option<StudyDay> = tx.query_row(
        "select max(day) from review_log where card_id = ?1",
        [&answer.card],
        |row| row.get(0),
    )?;
    tx.execute(
        "update cards set rung = ?2, due = ?3, last_day = ?4 where id = ?1",
        params![answer.card, answer.rung_before, answer.due_before, last_day],
    )?;
    Ok(())
}

fn read_answer(row: &rusqlite::Row<'_>) -> rusqlite::Result<Answer> {
    Ok(Answer {
        log_id: row.get(0)?,
        card: row.get(1)?,
        grade: row.get(2)?,
        day: row.get(3)?,
        rung_before: row.get(4)?,
        rung_after: row.get(5)?,
        due_before: row.get(6)?,
        due_after: row.get(7)?,
    })
}

/// Applies one answer inside `tx`: reads the card, computes its next state
/// and writes the card and the log row.
pub(super) fn apply_answer(
    tx: &Transaction<'_>,
    request: &AnswerRequest,
) -> Result<Answer, StoreError> {
    let (state, ladder, retired) = tx
        .prepare_cached(
            "select c.rung, c.due, c.last_day, l.ladder, c.retired \
             from cards c join lessons l on l.id = c.lesson_id where c.id = ?1",
        )?
        .query_row([&request.card], |row| {
            let state = CardState {
                rung: row.get(0)?,
                due: row.get(1)?,
                last_day: row.get(2)?,
            };
            Ok((state, row.get::<_, String>(3)?, row.get::<_, bool>(4)?))
        })
        .optional()?
        .ok_or_else(|| StoreError::CardNotFound(request.card.to_string()))?;
    if retired {
        return Err(StoreError::CardRetired(request.card.clone()));
    }
    let ladder = crate::schedule::Ladder::parse(&ladder)
        .map_err(|err| StoreError::Corrupt(err.to_string()))?;
    let next = next_state(&state, request.grade, &ladder, request.time.day);
    let due_after = next.due.unwrap_or(request.time.day);
    tx.prepare_cached("update cards set rung = ?2, due = ?3, last_day = ?4 where id = ?1")?
        .execute(params![request.card, next.rung, due_after, next.last_day])?;
    let duration_ms = request
        .duration
        .map(|duration| i64::try_from(duration.as_millis()).unwrap_or(i64::MAX));
    tx.prepare_cached(
        "insert into review_log (card_id, reviewed_at, utc_offset, day, grade, \
         rung_before, rung_after, due_before, due_after, duration_ms) \
         values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        request.card,
        request.time.at.timestamp_millis(),
        request.time.at.offset().local_minus_utc(),
        request.time.day,
        request.grade,
        state.rung,
        next.rung,
        state.due,
        due_after,
        duration_ms,
    ])?;
    Ok(Answer {
        log_id: tx.last_insert_rowid(),
        card: request.card.clone(),
        grade: request.grade,
        day: request.time.day,
        rung_before: state.rung,
        rung_after: next.rung,
        due_before: state.due,
        due_after,
    })
}
