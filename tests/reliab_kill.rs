//! `kill -9` at random moments of a review session. Each run answers cards
//! with a series of real `distill grade --json` processes on one database
//! file and sends SIGKILL to one of them after a seeded random delay. Every
//! answer a process printed as recorded must then be in the review log, the
//! cards must hold the states that replaying the log gives, and SQLite's
//! integrity check must pass.
//!
//! `DISTILL_KILL_RUNS` sets the number of runs (15 by default) and
//! `DISTILL_KILL_SEED` the seed; `scripts/kill_test.sh` runs it 100 times.

#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta};
use distill::deck::CardId;
use distill::schedule::{CardState, next_state};
use distill::store::{ExportedReview, Store, StoreError};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use serde_json::Value;
use store_support::{Sandbox, lesson};

const DEFAULT_RUNS: u64 = 15;
const DEFAULT_SEED: u64 = 0x6b69_6c6c;

/// Answers per run. The first [`WARM_UP`] are never killed: their run times
/// set the range of the kill delay, so kills land inside a process's life on
/// any machine.
const ANSWERS_PER_RUN: usize = 8;
const WARM_UP: usize = 3;

const GRADES: [&str; 4] = ["again", "hard", "good", "easy"];

/// One answer that `distill grade --json` printed, so it must be stored.
#[derive(Debug)]
struct Reported {
    card: String,
    reviewed_at_ms: i64,
    output: Value,
}

/// What one run did, for the summary line.
#[derive(Debug, Default)]
struct RunTally {
    reported: usize,
    /// Processes that SIGKILL ended, printed answer or not.
    killed: usize,
    killed_before_output: usize,
}

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a whole number")),
        Err(_) => default,
    }
}

fn grade_command(sandbox: &Sandbox, now: &str, card: &str, grade: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_distill"));
    command
        .env_clear()
        .env("TZ", "UTC")
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .arg("--db")
        .arg(&sandbox.db)
        .args(["--now", now, "grade", card, grade, "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs one `grade` process, killing it after `kill_after` if given.
/// Returns the parsed output when the process printed a whole answer, and
/// the time the process ran.
fn grade_once(
    sandbox: &Sandbox,
    now: &str,
    card: &str,
    grade: &str,
    kill_after: Option<Duration>,
) -> (Option<Value>, Duration, bool) {
    let started = Instant::now();
    let mut child = grade_command(sandbox, now, card, grade).spawn().unwrap();
    if let Some(delay) = kill_after {
        thread::sleep(delay);
        // SIGKILL; the process may already have exited, which is fine.
        let _ = child.kill();
    }
    let output = child.wait_with_output().unwrap();
    let elapsed = started.elapsed();
    let killed = output.status.signal() == Some(9);
    assert!(
        killed || output.status.success(),
        "distill grade {card} {grade} failed with {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    // A killed process may have printed nothing, or a cut-off answer that
    // does not parse; only a whole answer counts as reported.
    let parsed = serde_json::from_slice(&output.stdout).ok();
    (parsed, elapsed, killed)
}

fn card_ids(sandbox: &Sandbox) -> Vec<String> {
    let store = Store::open(&sandbox.db).unwrap();
    store
        .due_queue("2026-01-01".parse().unwrap(), 1000, None)
        .unwrap()
        .into_iter()
        .map(|card| card.id.to_string())
        .collect()
}

fn unix_ms(now: &str) -> i64 {
    DateTime::parse_from_rfc3339(now)
        .unwrap()
        .timestamp_millis()
}

/// Answers [`ANSWERS_PER_RUN`] cards on a fresh database and kills one
/// process at a random moment. Returns the answers printed as recorded.
fn run_session(rng: &mut ChaCha8Rng, tally: &mut RunTally) -> (Sandbox, Vec<Reported>) {
    let concepts = [("Reflux", "liquid sent back"), ("Plate", "one stage")];
    let sandbox = Sandbox::with_lessons(vec![lesson("column", &concepts, &["Why reflux?"])]);
    let ids = card_ids(&sandbox);
    assert!(!ids.is_empty(), "the lesson produced no cards");

    let victim = rng.random_range(WARM_UP..ANSWERS_PER_RUN);
    let start = DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z").unwrap();
    let mut slowest = Duration::ZERO;
    let mut reported = Vec::new();
    for step in 0..ANSWERS_PER_RUN {
        let card = &ids[rng.random_range(0..ids.len())];
        let grade = GRADES[rng.random_range(0..GRADES.len())];
        // A distinct second per answer finds its review-log row later.
        let now = (start + TimeDelta::seconds(step as i64)).to_rfc3339();
        let kill_after = (step == victim).then(|| {
            let max_us = u64::try_from(slowest.as_micros()).unwrap().max(1);
            Duration::from_micros(rng.random_range(0..=max_us))
        });
        let (output, elapsed, killed) = grade_once(&sandbox, &now, card, grade, kill_after);
        tally.killed += usize::from(killed);
        if step < WARM_UP {
            slowest = slowest.max(elapsed);
        }
        match output {
            Some(output) => reported.push(Reported {
                card: card.clone(),
                reviewed_at_ms: unix_ms(&now),
                output,
            }),
            None => tally.killed_before_output += 1,
        }
    }
    tally.reported += reported.len();
    (sandbox, reported)
}

fn review_rows(store: &Store) -> Vec<ExportedReview> {
    let mut rows = Vec::new();
    store
        .visit_reviews(|row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })
        .unwrap();
    rows
}

/// Asserts that each reported answer has its row, with the printed values.
fn assert_reported_stored(rows: &[ExportedReview], reported: &[Reported], run: u64) {
    for answer in reported {
        let row = rows
            .iter()
            .find(|row| {
                row.card.as_str() == answer.card && row.reviewed_at_ms == answer.reviewed_at_ms
            })
            .unwrap_or_else(|| panic!("run {run}: reported answer lost: {:?}", answer.output));
        assert_eq!(
            i64::from(row.rung_after),
            answer.output["rung_after"].as_i64().unwrap(),
            "run {run}: {:?}",
            answer.output
        );
        assert_eq!(
            row.due_after.to_string(),
            answer.output["due_after"].as_str().unwrap(),
            "run {run}: {:?}",
            answer.output
        );
    }
}

/// Asserts that replaying the review log gives every card's stored state,
/// so no card was changed without its log row or the other way round.
fn assert_states_match_log(store: &Store, rows: &[ExportedReview], run: u64) {
    let mut states: HashMap<CardId, CardState> = HashMap::new();
    for row in rows {
        let ladder = store.card(&row.card).unwrap().unwrap().ladder;
        let before = states.get(&row.card).copied().unwrap_or(CardState::NEW);
        assert_eq!(before.rung, row.rung_before, "run {run}: review {}", row.id);
        assert_eq!(before.due, row.due_before, "run {run}: review {}", row.id);
        let after = next_state(&before, row.grade, &ladder, row.day);
        states.insert(row.card.clone(), after);
    }
    for id in card_ids_all(store) {
        let expected = states.get(&id).copied().unwrap_or(CardState::NEW);
        let stored = store.card(&id).unwrap().unwrap().state;
        assert_eq!(stored, expected, "run {run}: card {id}");
    }
}

fn card_ids_all(store: &Store) -> Vec<CardId> {
    let mut ids = Vec::new();
    store
        .visit_cards(|card| -> Result<(), StoreError> {
            ids.push(card.id);
            Ok(())
        })
        .unwrap();
    ids
}

fn integrity_check(db: &std::path::Path) -> String {
    let conn = Connection::open(db).unwrap();
    conn.query_row("pragma integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn kill_during_grading_loses_nothing() {
    let runs = env_u64("DISTILL_KILL_RUNS", DEFAULT_RUNS);
    let seed = env_u64("DISTILL_KILL_SEED", DEFAULT_SEED);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut tally = RunTally::default();
    for run in 0..runs {
        let (sandbox, reported) = run_session(&mut rng, &mut tally);
        assert_eq!(integrity_check(&sandbox.db), "ok", "run {run}");
        let store = Store::open(&sandbox.db).unwrap();
        let rows = review_rows(&store);
        assert!(rows.len() >= reported.len(), "run {run}");
        assert_reported_stored(&rows, &reported, run);
        assert_states_match_log(&store, &rows, run);
    }
    // Read by scripts/kill_test.sh; run with --nocapture to see it.
    println!(
        "kill test: {runs} runs, seed {seed}, {} answers reported and found, \
         {} processes killed, {} of them before printing",
        tally.reported, tally.killed, tally.killed_before_output
    );
}
