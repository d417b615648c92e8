//! Answers, undo and the due queue on a real store.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::time::Duration;

use distill::deck::{CardId, CardKind};
use distill::schedule::{Grade, StudyDay};
use distill::store::{AnswerRequest, Store, StoreError};
use store_support::{at, day_time, file, lesson, time};

/// Opens a store with lesson `a` (three concepts) and lesson `b` (one concept).
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let a = lesson("a", &[("One", "1"), ("Two", "2"), ("Three", "3")], &[]);
    let b = lesson("b", &[("Four", "4")], &[]);
    store
        .import_lessons(&[file(a), file(b)], at("2026-01-01T10:00:00Z"))
        .unwrap();
    store
}

fn id(lesson: &str, term: &str) -> CardId {
    CardId::derive(lesson, CardKind::Concept, term)
}

fn answer(store: &mut Store, card: &CardId, grade: Grade, day: u32) -> distill::store::Answer {
    let request = AnswerRequest {
        card: card.clone(),
        grade,
        time: day_time(day),
        duration: Some(Duration::from_millis(2500)),
    };
    store.record_answer(&request).unwrap()
}

fn day(offset: u32) -> StudyDay {
    day_time(offset).day
}

#[test]
fn answer_moves_card_and_logs_row() {
    let mut store = store();
    let one = id("a", "One");
    let recorded = answer(&mut store, &one, Grade::Good, 0);
    assert_eq!(recorded.rung_before, 0);
    assert_eq!(recorded.rung_after, 1);
    assert_eq!(recorded.due_before, None);
    assert_eq!(recorded.due_after, day(1));
    assert_eq!(recorded.day, day(0));
    assert_eq!(store.last_answer().unwrap(), Some(recorded));
    let card = store.card(&one).unwrap().unwrap();
    assert_eq!(card.state.rung, 1);
    assert_eq!(card.state.due, Some(day(1)));
    assert_eq!(card.state.last_day, Some(day(0)));
}

#[test]
fn review_log_keeps_utc_and_offset() {
    let mut store = store();
    let request = AnswerRequest {
        card: id("a", "One"),
        grade: Grade::Hard,
        time: time("2026-03-02T01:30:00+02:00"),
        duration: Some(Duration::from_millis(1234)),
    };
    store.record_answer(&request).unwrap();
    let mut rows = Vec::new();
    store
        .visit_reviews(|row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        row.reviewed_at_ms,
        at("2026-03-01T23:30:00Z").timestamp_millis()
    );
    assert_eq!(row.utc_offset_s, 7200);
    // 01:30 local is before the 04:00 day start.
    assert_eq!(row.day.to_string(), "2026-03-01");
    assert_eq!(row.grade, Grade::Hard);
    assert_eq!(row.duration_ms, Some(1234));
}

#[test]
fn undo_restores_card_and_removes_row() {
    let mut store = store();
    let one = id("a", "One");
    answer(&mut store, &one, Grade::Good, 0);
    let before = store.card(&one).unwrap().unwrap();
    let second = answer(&mut store, &one, Grade::Easy, 1);

    let undone = store.undo_last().unwrap();

    assert_eq!(undone, Some(second));
    assert_eq!(store.card(&one).unwrap().unwrap(), before);
    assert_eq!(store.day_counts(day(1), 20).unwrap().reviewed_today, 0);
}

#[test]
fn undo_of_first_answer_makes_card_new() {
    let mut store = store();
    let one = id("a", "One");
    answer(&mut store, &one, Grade::Good, 0);
    store.undo_last().unwrap();
    let card = store.card(&one).unwrap().unwrap();
    assert!(card.state.is_new());
    assert_eq!(card.state.last_day, None);
    assert_eq!(store.undo_last().unwrap(), None);
}

#[test]
fn unknown_card_is_not_found() {
    let mut store = store();
    let request = AnswerRequest {
        card: CardId::new("0000000000000000"),
        grade: Grade::Good,
        time: day_time(0),
        duration: None,
    };
    let err = store.record_answer(&request).unwrap_err();
    assert!(matches!(err, StoreError::CardNotFound(_)), "{err:?}");
    assert!(store.last_answer().unwrap().is_none());
}

#[test]
fn batch_is_all_or_nothing() {
    let mut store = store();
    let good = AnswerRequest {
        card: id("a", "One"),
        grade: Grade::Good,
        time: day_time(0),
        duration: None,
    };
    let missing = AnswerRequest {
        card: CardId::new("ffffffffffffffff"),
        ..good.clone()
    };
    assert!(store.record_answers(&[good.clone(), missing]).is_err());
    assert!(store.last_answer().unwrap().is_none());
    assert_eq!(store.record_answers(&[good]).unwrap().len(), 1);
}

#[test]
fn due_queue_lists_reviews_then_new() {
    let mut store = store();
    let one = id("a", "One");
    let four = id("b", "Four");
    answer(&mut store, &four, Grade::Good, 0);
    answer(&mut store, &one, Grade::Good, 0);

    let queue = store.due_queue(day(1), 20, None).unwrap();

    let ids: Vec<&CardId> = queue.iter().map(|card| &card.id).collect();
    // Reviews due on day 1 in lesson order, then the six new cards: a's
    // two other forward cards, a's three reverse cards, b's reverse card.
    assert_eq!(ids[0], &one);
    assert_eq!(ids[1], &four);
    assert_eq!(queue.len(), 2 + 6);
    assert!(queue[2..].iter().all(|card| card.state.is_new()));
    assert_eq!(queue[2].id, id("a", "Two"));
}

#[test]
fn overdue_cards_come_first() {
    let mut store = store();
    let one = id("a", "One");
    let two = id("a", "Two");
    answer(&mut store, &two, Grade::Easy, 0); // due day 3
    answer(&mut store, &one, Grade::Good, 0); // due day 1
    let queue = store.due_queue(day(5), 0, None).unwrap();
    let ids: Vec<&CardId> = queue.iter().map(|card| &card.id).collect();
    assert_eq!(ids, [&one, &two]);
}

#[test]
fn new_limit_counts_answers_today() {
    let mut store = store();
    assert_eq!(store.due_queue(day(0), 2, None).unwrap().len(), 2);
    answer(&mut store, &id("a", "One"), Grade::Good, 0);
    let queue = store.due_queue(day(0), 2, None).unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].id, id("a", "Two"));
    answer(&mut store, &id("a", "Two"), Grade::Again, 0);
    // The learning card is due again today; no new cards are left.
    let queue = store.due_queue(day(0), 2, None).unwrap();
    let ids: Vec<&CardId> = queue.iter().map(|card| &card.id).collect();
    assert_eq!(ids, [&id("a", "Two")]);
    // The next day the limit starts over.
    assert_eq!(store.new_left(day(1), 2).unwrap(), 2);
}

#[test]
fn lesson_filter_keeps_one_lesson() {
    let store = store();
    let queue = store.due_queue(day(0), 20, Some("b")).unwrap();
    assert_eq!(queue.len(), 2);
    assert!(queue.iter().all(|card| card.lesson_id == "b"));
    assert!(
        store
            .due_queue(day(0), 20, Some("nope"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn find_card_by_prefix() {
    let store = store();
    let one = id("a", "One");
    let found = store.find_card(&one.as_str()[..6]).unwrap();
    assert_eq!(found.id, one);
    assert_eq!(found.front, "One");
    let upper = one.as_str().to_uppercase();
    assert_eq!(store.find_card(&upper).unwrap().id, one);
}

#[test]
fn find_card_rejects_missing_and_ambiguous() {
    let store = store();
    assert!(matches!(
        store.find_card("zzzz"),
        Err(StoreError::CardNotFound(_))
    ));
    assert!(matches!(
        store.find_card(""),
        Err(StoreError::CardNotFound(_))
    ));
}

#[test]
fn find_card_rejects_ambiguous_prefix() {
    let mut store = Store::open_in_memory().unwrap();
    let terms = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    let concepts: Vec<(&str, &str)> = terms.iter().map(|term| (*term, "x")).collect();
    let many = lesson("many", &concepts, &[]);
    store
        .import_lessons(&[file(many)], at("2026-01-01T10:00:00Z"))
        .unwrap();
    // 18 ids over 16 possible first hex digits: two must share one.
    let ambiguous = (0..16).map(|digit| format!("{digit:x}")).find(|prefix| {
        matches!(
            store.find_card(prefix),
            Err(StoreError::AmbiguousCard { .. })
        )
    });
    assert!(ambiguous.is_some());
}

#[test]
fn undo_by_id_takes_back_latest_of_card() {
    let mut store = store();
    let one = id("a", "One");
    let two = id("a", "Two");
    let first = answer(&mut store, &one, Grade::Good, 0);
    let other = answer(&mut store, &two, Grade::Good, 0);

    // The card's latest answer can be taken back even when another card
    // was answered after it.
    assert_eq!(store.undo(first.log_id).unwrap(), first);
    assert!(store.card(&one).unwrap().unwrap().state.is_new());
    assert_eq!(store.last_answer().unwrap(), Some(other));
}

#[test]
fn undo_by_id_rejects_older_answer() {
    let mut store = store();
    let one = id("a", "One");
    let first = answer(&mut store, &one, Grade::Good, 0);
    answer(&mut store, &one, Grade::Good, 1);
    let err = store.undo(first.log_id).unwrap_err();
    assert!(matches!(err, StoreError::NotLatestAnswer { .. }), "{err:?}");
    assert_eq!(store.card(&one).unwrap().unwrap().state.rung, 2);
    let missing = store.undo(999).unwrap_err();
    assert!(
        matches!(missing, StoreError::AnswerNotFound(999)),
        "{missing:?}"
    );
}

#[test]
fn next_due_day_skips_today() {
    let mut store = store();
    assert_eq!(store.next_due_day(day(0)).unwrap(), None);
    answer(&mut store, &id("a", "One"), Grade::Again, 0);
    answer(&mut store, &id("a", "Two"), Grade::Easy, 0);
    answer(&mut store, &id("a", "Three"), Grade::Hard, 0);
    assert_eq!(store.next_due_day(day(0)).unwrap(), Some(day(1)));
    assert_eq!(store.next_due_day(day(1)).unwrap(), Some(day(3)));
    assert_eq!(store.next_due_day(day(3)).unwrap(), None);
}
