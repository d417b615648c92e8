//! Streaming every card and every review-log row out of the store.

use serde::Serialize;

use super::{Store, StoreError};
use crate::deck::{CardId, CardKind};
use crate::schedule::{Grade, Rung, StudyDay};

/// A card with its schedule, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedCard {
    pub id: CardId,
    pub lesson: String,
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    pub rung: Rung,
    pub due: Option<StudyDay>,
    pub retired: bool,
}

/// One review-log row, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedReview {
    pub id: i64,
    pub card: CardId,
    /// Unix milliseconds, UTC.
    pub reviewed_at_ms: i64,
    /// Seconds east of UTC in force at the review.
    pub utc_offset_s: i32,
    pub day: StudyDay,
    pub grade: Grade,
    pub rung_before: Rung,
    pub rung_after: Rung,
    pub due_before: Option<StudyDay>,
    pub due_after: StudyDay,
    pub duration_ms: Option<i64>,
}

impl Store {
    /// Calls `visit` with every card, retired ones included, in lesson and
    /// position order, stopping at the first error.
    pub fn visit_cards<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(ExportedCard) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "select id, lesson_id, kind, front, back, rung, due, retired from cards \
                 order by lesson_id, position",
            )
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let card = read_card(row).map_err(StoreError::from)?;
            visit(card)?;
        }
        Ok(())
    }

    /// Calls `visit` with every review-log row in the order recorded,
    /// stopping at the first error.
    pub fn visit_reviews<E: From<StoreError>>(
        &self,
        mut visit: impl FnMut(ExportedReview) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "select id, card_id, reviewed_at, utc_offset, day, grade, rung_before, \
                 rung_after, due_before, due_after, duration_ms from review_log order by id",
            )
            .map_err(StoreError::from)?;
        let mut rows = stmt.query([]).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let review = read_review(row).map_err(StoreError::from)?;
            visit(review)?;
        }
        Ok(())
    }
}

fn read_card(row: &rusqlite::Row<'_>) -> rusqlite::Result<ExportedCard> {
    Ok(ExportedCard {
        id: row.get(0)?,
        lesson: row.get(1)?,
        kind: row.get(2)?,
        front: row.get(3)?,
        back: row.get(4)?,
        rung: row.get(5)?,
        due: row.get(6)?,
        retired: row.get(7)?,
    })
}

fn read_review(row: &rusqlite::Row<'_>) -> rusqlite::Result<ExportedReview> {
    Ok(ExportedReview {
        id: row.get(0)?,
        card: row.get(1)?,
        reviewed_at_ms: row.get(2)?,
        utc_offset_s: row.get(3)?,
        day: row.get(4)?,
        grade: row.get(5)?,
        rung_before: row.get(6)?,
        rung_after: row.get(7)?,
        due_before: row.get(8)?,
        due_after: row.get(9)?,
        duration_ms: row.get(10)?,
    })
}
