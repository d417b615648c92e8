//! SQLite storage: lessons, cards, the review log and the queries over them.
//!
//! One database file holds everything. It runs in WAL mode with
//! `synchronous=FULL`, so every committed answer has been fsynced, and every
//! write runs in a `BEGIN IMMEDIATE` transaction so two processes writing to
//! one file wait for each other instead of failing half-way. The schema
//! changes only through the numbered files in `migrations/`.

mod answer;
mod builtin;
mod cards;
mod error;
mod export;
mod import;
mod migrate;
mod open;
mod path;
mod quiz;
mod stats;

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use answer::{Answer, AnswerRequest};
pub use builtin::BuiltinWarning;
pub use cards::StoredCard;
pub use error::StoreError;
pub use export::{ExportedCard, ExportedReview};
pub use import::{ImportReport, LessonFile, LessonImport, source_sha256};
pub use migrate::SCHEMA_VERSION;
pub use path::{PromptAnswered, SavedPath, ScheduledPrompt};
pub use quiz::{RecordedAttempt, StoredAttempt, StudyError};
pub use stats::{DayActivity, DayCounts, ForecastDay, LessonRow, RungCount, Stats};

/// An open distill database.
#[derive(Debug)]
pub struct Store {
    /// The connection; modules of this crate that add `impl Store` blocks
    /// run their own queries on it and write through [`Store::write`].
    pub(crate) conn: Connection,
    /// The file path, or `:memory:`, for messages.
    label: String,
}

impl Store {
    /// Returns the database path, or `:memory:` for an in-memory store.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Starts a write transaction with `BEGIN IMMEDIATE`, which takes the
    /// write lock at once (waiting up to the busy timeout for another
    /// writer), so the transaction never fails later on a lock upgrade.
    pub(crate) fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(tx)
    }
}
