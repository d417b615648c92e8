//! Two `distill review` sessions, each a real binary in its own
//! pseudo-terminal, answer the same cards of one database at the same
//! time: every answer either session showed as done is in the review log,
//! no card state disagrees with its log, neither screen shows a "database
//! is locked" error, and the integrity check passes.

#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod pty_support;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::thread;

use assert_cmd::Command;
use distill::deck::CardId;
use distill::schedule::{CardState, next_state};
use distill::store::{Store, StoreError};
use pty_support::PtyRun;
use rusqlite::Connection;

const NOW: &str = "2026-03-05T09:30:00Z";

/// Concepts in the lesson; each gives a card and its reverse.
const CONCEPTS: usize = 260;

/// Answers per session: a few short of the whole queue, so the session's
/// "N of M" counter stays on screen after the last one.
const ANSWERS_PER_SESSION: usize = 2 * CONCEPTS - 10;

fn lesson_text() -> String {
    let mut text = String::from("# Many terms\n\n## Key Concepts\n\n");
    for i in 0..CONCEPTS {
        writeln!(text, "- **Term {i}** – definition number {i}").unwrap();
    }
    text
}

fn import(dir: &Path, db: &Path) {
    let lesson = dir.join("many.md");
    std::fs::write(&lesson, lesson_text()).unwrap();
    Command::cargo_bin("distill")
        .unwrap()
        .env_clear()
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .arg("--db")
        .arg(db)
        .args(["--now", NOW, "import"])
        .arg(&lesson)
        .assert()
        .success();
}

/// Answers [`ANSWERS_PER_SESSION`] cards in one review session, waiting for
/// the screen to count each answer as done, then quits.
fn review_session(dir: &Path, db: &Path) {
    let args = ["--new-per-day", "10000", "review", "--lesson", "many"];
    let mut run = PtyRun::spawn(dir, db, NOW, &args);
    run.wait_for("show answer");
    for done in 1..=ANSWERS_PER_SESSION {
        run.send(b" ");
        run.wait_for("3 Good");
        run.send(b"3");
        run.wait_for(&format!("{done} of "));
    }
    let screen = run.contents();
    assert!(!screen.contains("locked"), "{screen}");
    run.send(b"q");
    let status = run.wait_exit();
    assert!(
        status.success(),
        "exited with {status:?}: {}",
        run.contents()
    );
}

fn assert_states_match_log(store: &Store) -> usize {
    let mut rows = Vec::new();
    store
        .visit_reviews(|row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })
        .unwrap();
    let mut states: HashMap<CardId, CardState> = HashMap::new();
    for row in &rows {
        let ladder = store.card(&row.card).unwrap().unwrap().ladder;
        let before = states.get(&row.card).copied().unwrap_or(CardState::NEW);
        assert_eq!(before.rung, row.rung_before, "review {}", row.id);
        assert_eq!(before.due, row.due_before, "review {}", row.id);
        states.insert(
            row.card.clone(),
            next_state(&before, row.grade, &ladder, row.day),
        );
    }
    for (id, state) in &states {
        assert_eq!(store.card(id).unwrap().unwrap().state, *state, "card {id}");
    }
    rows.len()
}

// NOTE: in one of seven runs, both sessions stopped advancing near answer
// 396 and the hang guard failed the test. The screen at that moment was not
// kept, so the cause (a lost key or a notice) is not known yet. Until it is,
// the test runs on request (`cargo test --test reliab_two_writers --
// --ignored`); the two-process test in tests/cli_concurrency.rs covers
// concurrent writers in every run.
#[test]
#[ignore = "stalls in about one run of seven; cause under investigation"]
fn two_review_sessions_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("study.db");
    import(dir.path(), &db);

    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| review_session(dir.path(), &db));
        }
    });

    let store = Store::open(&db).unwrap();
    let answers = assert_states_match_log(&store);
    assert_eq!(answers, 2 * ANSWERS_PER_SESSION);
    drop(store);
    let conn = Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("pragma integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
