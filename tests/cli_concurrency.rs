//! Two processes answering into one database at the same time.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::collections::HashMap;
use std::thread;

use distill::deck::CardId;
use distill::schedule::{CardState, next_state};
use distill::store::{Store, StoreError};
use rusqlite::Connection;
use store_support::{Sandbox, lesson};

/// Answers each process records.
const ANSWERS_PER_PROCESS: usize = 500;

#[test]
fn two_processes_lose_no_answer() {
    let terms: Vec<String> = (0..20).map(|i| format!("Term {i}")).collect();
    let concepts: Vec<(&str, &str)> = terms.iter().map(|t| (t.as_str(), "def")).collect();
    let sandbox = Sandbox::with_lessons(vec![lesson("many", &concepts, &[])]);
    let store = Store::open(&sandbox.db).unwrap();
    let ids: Vec<String> = store
        .due_queue("2026-01-01".parse().unwrap(), 1000, None)
        .unwrap()
        .into_iter()
        .map(|card| card.id.to_string())
        .collect();
    drop(store);
    assert_eq!(ids.len(), 40);

    thread::scope(|scope| {
        for (worker, grade) in [(0, "good"), (1, "hard")] {
            let sandbox = &sandbox;
            let ids = &ids;
            scope.spawn(move || {
                for i in 0..ANSWERS_PER_PROCESS {
                    // Both workers walk the same cards, so they often
                    // answer one card at nearly the same moment.
                    let card = &ids[(i + worker) % ids.len()];
                    let now = format!("2026-01-{:02}T10:00:00Z", 1 + i / 40);
                    sandbox
                        .distill(&now, "UTC")
                        .args(["grade", card, grade])
                        .assert()
                        .success();
                }
            });
        }
    });

    let store = Store::open(&sandbox.db).unwrap();
    let mut rows = Vec::new();
    store
        .visit_reviews(|row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })
        .unwrap();
    assert_eq!(rows.len(), 2 * ANSWERS_PER_PROCESS);

    // Each row starts from the state the previous row of its card left,
    // so no answer was computed from a stale read.
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
        assert_eq!(store.card(id).unwrap().unwrap().state, *state);
    }
    drop(store);

    let conn = Connection::open(&sandbox.db).unwrap();
    let check: String = conn
        .query_row("pragma integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
