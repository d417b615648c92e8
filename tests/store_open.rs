//! Opening database files: creation, migration, and refusing files that
//! are not ours without changing a byte.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

use std::fs;

use distill::store::{SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;

#[test]
fn creates_schema_in_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.db");
    let store = Store::open(&path).unwrap();
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: u32 = conn
        .query_row("pragma user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("pragma journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let tables: Vec<String> = conn
        .prepare("select name from sqlite_schema where type = 'table' order by name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "card_counts",
            "cards",
            "lesson_review_log",
            "lesson_reviews",
            "lessons",
            "path_notes",
            "path_progress",
            "quiz_attempts",
            "review_days",
            "review_log",
        ]
    );
}

#[test]
fn reopening_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.db");
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "insert into lessons values ('x', 'X', 'x.md', '00', '1,3', 2, 0)",
        [],
    )
    .unwrap();
    drop(conn);
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let count: u32 = conn
        .query_row("select count(*) from lessons", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 1);
}

#[test]
fn empty_file_is_initialized() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    fs::write(&path, b"").unwrap();
    Store::open(&path).unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 0);
}

#[test]
fn newer_schema_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("create table future (x integer); pragma user_version = 99;")
        .unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();

    let err = Store::open(&path).unwrap_err();

    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, supported, .. } if supported == SCHEMA_VERSION),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("99"), "{message}");
    assert!(message.contains(&SCHEMA_VERSION.to_string()), "{message}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("newer.db-wal").exists());
}

#[test]
fn text_file_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let text = b"# My notes\n\nThese are not a database at all, just text.\n".repeat(200);
    fs::write(&path, &text).unwrap();

    let err = Store::open(&path).unwrap_err();

    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("notes.db"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), text);
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn short_garbage_file_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.db");
    fs::write(&path, b"SQLite").unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), b"SQLite");
}

#[test]
fn damaged_header_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    drop(Store::open(&path).unwrap());
    let mut bytes = fs::read(&path).unwrap();
    // Keep the magic string but break the page size field.
    bytes[16] = 0xff;
    bytes[17] = 0xff;
    bytes[100..4096].fill(0xaa);
    fs::write(&path, &bytes).unwrap();
    fs::remove_file(dir.path().join("damaged.db-wal")).ok();

    let err = Store::open(&path).unwrap_err();

    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn in_memory_store_is_migrated() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.label(), ":memory:");
    assert!(store.last_answer().unwrap().is_none());
}
