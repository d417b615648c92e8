//! Errors of the store.

use std::path::PathBuf;

use crate::deck::CardId;

/// A failure to open, read or write the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} is not a distill database (not a SQLite file); \
         it was left untouched: pass another file with --db"
    )]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} was written by a newer distill (schema version {found}, this \
         version supports up to {supported}); it was left untouched: upgrade distill"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    // The I/O error is part of the message and not a `source`, so a report
    // that prints the error chain does not show it twice.
    #[error("cannot read {path} ({error}): pass a readable database file with --db")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("card {0} not found: `distill due` lists the ids of cards to study")]
    CardNotFound(String),
    #[error(
        "card id prefix {prefix:?} matches more than one card ({first}, {second}): type more of it"
    )]
    AmbiguousCard {
        prefix: String,
        first: CardId,
        second: CardId,
    },
    #[error("card {0} is retired (its text is no longer in the lesson) and cannot be graded")]
    CardRetired(CardId),
    #[error("answer {0} not found in the review log: it may have been taken back already")]
    AnswerNotFound(i64),
    #[error(
        "answer {log_id} cannot be taken back: card {card} was answered again since; \
         take back the later answer first"
    )]
    NotLatestAnswer { log_id: i64, card: CardId },
    #[error("lesson id {id:?} comes from both {first} and {second}: rename one of the files")]
    DuplicateLesson {
        id: String,
        first: String,
        second: String,
    },
    #[error("database holds an invalid value: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
