//! Dashboard and statistics queries against known histories.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use distill::deck::{CardId, CardKind};
use distill::schedule::{Grade, StudyDay};
use distill::store::{AnswerRequest, DayActivity, RungCount, Store};
use store_support::{at, day_time, file, lesson};

const TERMS: [&str; 4] = ["One", "Two", "Three", "Four"];

/// Opens a store with one lesson of four concepts (eight cards).
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let concepts: Vec<(&str, &str)> = TERMS.iter().map(|term| (*term, "def")).collect();
    let four = lesson("four", &concepts, &[]);
    store
        .import_lessons(&[file(four)], at("2026-01-01T10:00:00Z"))
        .unwrap();
    store
}

fn id(term: &str) -> CardId {
    CardId::derive("four", CardKind::Concept, term)
}

fn answer(store: &mut Store, term: &str, grade: Grade, day: u32) {
    let request = AnswerRequest {
        card: id(term),
        grade,
        time: day_time(day),
        duration: None,
    };
    store.record_answer(&request).unwrap();
}

fn day(offset: u32) -> StudyDay {
    day_time(offset).day
}

#[test]
fn empty_store_counts_zero() {
    let store = store();
    let counts = store.day_counts(day(0), 20).unwrap();
    assert_eq!(counts.due_today, 0);
    assert_eq!(counts.new_today, 8);
    assert_eq!(counts.reviewed_today, 0);
    assert_eq!(counts.streak_days, 0);
    assert_eq!(store.retention(day(0), 30).unwrap(), None);
    assert!(store.rung_counts().unwrap().is_empty());
}

#[test]
fn new_today_respects_limit() {
    let mut store = store();
    assert_eq!(store.day_counts(day(0), 3).unwrap().new_today, 3);
    answer(&mut store, "One", Grade::Good, 0);
    answer(&mut store, "Two", Grade::Good, 0);
    assert_eq!(store.day_counts(day(0), 3).unwrap().new_today, 1);
    answer(&mut store, "Three", Grade::Good, 0);
    answer(&mut store, "Four", Grade::Good, 0);
    assert_eq!(store.day_counts(day(0), 3).unwrap().new_today, 0);
}

#[test]
fn due_and_reviewed_today() {
    let mut store = store();
    answer(&mut store, "One", Grade::Good, 0); // due day 1
    answer(&mut store, "Two", Grade::Easy, 0); // due day 3
    answer(&mut store, "Three", Grade::Again, 0); // due day 0
    let counts = store.day_counts(day(0), 20).unwrap();
    assert_eq!(counts.due_today, 1);
    assert_eq!(counts.reviewed_today, 3);
    assert_eq!(store.day_counts(day(3), 20).unwrap().due_today, 3);
}

#[test]
fn streak_counts_consecutive_days() {
    let mut store = store();
    answer(&mut store, "One", Grade::Good, 0);
    answer(&mut store, "One", Grade::Good, 2);
    answer(&mut store, "Two", Grade::Good, 3);
    answer(&mut store, "Two", Grade::Good, 4);
    assert_eq!(store.streak(day(4)).unwrap(), 3);
    // Day 5 has no answer yet, so the streak still ends on day 4.
    assert_eq!(store.streak(day(5)).unwrap(), 3);
    assert_eq!(store.streak(day(6)).unwrap(), 0);
    assert_eq!(store.streak(day(0)).unwrap(), 1);
}

#[test]
fn retention_counts_only_reviews() {
    let mut store = store();
    // First answers of new cards do not count toward retention.
    answer(&mut store, "One", Grade::Good, 0);
    answer(&mut store, "Two", Grade::Good, 0);
    answer(&mut store, "Three", Grade::Again, 0);
    assert_eq!(store.retention(day(0), 30).unwrap(), None);
    answer(&mut store, "One", Grade::Good, 1);
    answer(&mut store, "Two", Grade::Again, 1);
    answer(&mut store, "Three", Grade::Good, 1); // from rung 0: learning
    assert_eq!(store.retention(day(1), 30).unwrap(), Some(0.5));
    // Thirty days later day 1 has left the window.
    assert_eq!(store.retention(day(31), 30).unwrap(), None);
    assert_eq!(store.retention(day(30), 30).unwrap(), Some(0.5));
}

#[test]
fn rungs_and_mastered() {
    let mut store = store();
    for on in [0, 1, 4, 11] {
        answer(&mut store, "One", Grade::Good, on);
    }
    answer(&mut store, "Two", Grade::Easy, 0);
    answer(&mut store, "Three", Grade::Again, 0);
    let rungs = store.rung_counts().unwrap();
    let expected = [
        RungCount { rung: 0, cards: 1 },
        RungCount { rung: 2, cards: 1 },
        RungCount { rung: 4, cards: 1 },
    ];
    assert_eq!(rungs, expected);
    assert_eq!(store.mastered_count().unwrap(), 1);
}

#[test]
fn forecast_folds_overdue_into_today() {
    let mut store = store();
    answer(&mut store, "One", Grade::Good, 0); // due day 1
    answer(&mut store, "Two", Grade::Easy, 0); // due day 3
    answer(&mut store, "Three", Grade::Hard, 2); // due day 3
    let forecast = store.forecast(day(2), 5).unwrap();
    let dues: Vec<u32> = forecast.iter().map(|day| day.due).collect();
    assert_eq!(dues, [1, 2, 0, 0, 0]);
    assert_eq!(forecast[0].date, day(2));
    assert_eq!(forecast[4].date, day(6));
}

#[test]
fn reviews_per_day_in_range() {
    let mut store = store();
    answer(&mut store, "One", Grade::Good, 0);
    answer(&mut store, "Two", Grade::Good, 0);
    answer(&mut store, "One", Grade::Good, 1);
    answer(&mut store, "Two", Grade::Good, 5);
    let activity = store.reviews_per_day(day(1), day(5)).unwrap();
    let expected = [
        DayActivity {
            day: day(1),
            answers: 1,
        },
        DayActivity {
            day: day(5),
            answers: 1,
        },
    ];
    assert_eq!(activity, expected);
}

#[test]
fn lesson_rows_count_cards() {
    let mut store = store();
    for on in [0, 1, 4, 11] {
        answer(&mut store, "One", Grade::Good, on);
    }
    answer(&mut store, "Two", Grade::Good, 0);
    let rows = store.lesson_rows(day(1)).unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.lesson_id, "four");
    assert_eq!(row.cards, 8);
    assert_eq!(row.due, 1);
    assert_eq!(row.new, 6);
    assert_eq!(row.mastered, 1);
    assert_eq!(row.mastered_share(), 0.125);
}

#[test]
fn stats_gathers_everything() {
    let mut store = store();
    answer(&mut store, "One", Grade::Good, 0);
    let stats = store.stats(day(0), 20).unwrap();
    assert_eq!(stats.today, day(0));
    assert_eq!(stats.counts.reviewed_today, 1);
    assert_eq!(stats.forecast.len(), 30);
    assert_eq!(stats.forecast[1].due, 1);
    let json = serde_json::to_value(&stats).unwrap();
    for key in [
        "due_today",
        "new_today",
        "reviewed_today",
        "streak_days",
        "retention_30d",
        "rungs",
        "mastered",
        "forecast",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
}
