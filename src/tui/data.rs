//! The store queries behind the dashboard, review and statistics screens:
//! each function fills a view-model struct of [`super::model`] or writes one
//! change, and runs inside a [`super::StoreTask`] or a screen constructor.

use std::time::Duration;

use chrono::NaiveDate;

use super::model::{AnswerRecorded, DashboardView, Grade, ReviewCard, StatsView};
use super::screen::{Context, TaskError};

/// Error returned while the app has no store to read from.
#[derive(Debug, thiserror::Error)]
#[error("no database is open; start distill with --db PATH or DISTILL_DB")]
pub struct NoStore;

// TODO: connect these functions to `store::Store` once it exists. Until then
// every query fails with `NoStore`, and the screens show that message.

/// Loads the dashboard for the current study day.
pub fn load_dashboard(_ctx: &mut Context) -> Result<DashboardView, TaskError> {
    Err(NoStore.into())
}

/// Loads today's review queue: due cards first, then new cards within the
/// daily limit, of one lesson or of all.
pub fn load_session(
    _ctx: &mut Context,
    _lesson: Option<&str>,
) -> Result<Vec<ReviewCard>, TaskError> {
    Err(NoStore.into())
}

/// Records one answer in a single transaction and returns the card's new
/// schedule.
pub fn record_answer(
    _ctx: &mut Context,
    _card_id: &str,
    _grade: Grade,
    _duration: Duration,
) -> Result<AnswerRecorded, TaskError> {
    Err(NoStore.into())
}

/// Takes back the answer logged as `log_id`, restoring the card's schedule.
pub fn undo_answer(_ctx: &mut Context, _log_id: i64) -> Result<(), TaskError> {
    Err(NoStore.into())
}

/// Returns the first study day after today with cards due.
pub fn next_due_day(_ctx: &mut Context) -> Result<Option<NaiveDate>, TaskError> {
    Err(NoStore.into())
}

/// Loads the statistics screen's data.
pub fn load_stats(_ctx: &mut Context) -> Result<StatsView, TaskError> {
    Err(NoStore.into())
}
