//! Importing lessons: counts, idempotence, and card history across edits,
//! removals and returns.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use distill::deck::{CardId, CardKind};
use distill::schedule::{Grade, Ladder};
use distill::store::{AnswerRequest, LessonImport, Store, StoreError};
use store_support::{at, day_time, file, lesson, with_plan};

const NOW: &str = "2026-01-01T10:00:00+00:00";

fn kd() -> distill::lesson::Lesson {
    lesson(
        "kd",
        &[
            ("Teacher", "The large trained model."),
            ("Student", "The small model that imitates."),
        ],
        &["Why soften the targets?"],
    )
}

fn import(store: &mut Store, lessons: Vec<distill::lesson::Lesson>) -> Vec<LessonImport> {
    let files: Vec<_> = lessons.into_iter().map(file).collect();
    store.import_lessons(&files, at(NOW)).unwrap().lessons
}

fn counts(outcome: &LessonImport) -> [u32; 5] {
    [
        outcome.added,
        outcome.updated,
        outcome.restored,
        outcome.retired,
        outcome.unchanged,
    ]
}

fn teacher_id() -> CardId {
    CardId::derive("kd", CardKind::Concept, "Teacher")
}

fn grade(store: &mut Store, card: &CardId, grade: Grade, day: u32) {
    let request = AnswerRequest {
        card: card.clone(),
        grade,
        time: day_time(day),
        duration: None,
    };
    store.record_answer(&request).unwrap();
}

#[test]
fn first_import_adds_every_card() {
    let mut store = Store::open_in_memory().unwrap();
    let outcome = &import(&mut store, vec![kd()])[0];
    assert_eq!(outcome.lesson_id, "kd");
    assert_eq!(outcome.title, "Lesson kd");
    // Two forward, one quiz and two reverse cards.
    assert_eq!(counts(outcome), [5, 0, 0, 0, 0]);
}

#[test]
fn second_import_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    let outcome = &import(&mut store, vec![kd()])[0];
    assert_eq!(counts(outcome), [0, 0, 0, 0, 5]);
}

#[test]
fn definition_edit_keeps_history() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    grade(&mut store, &teacher_id(), Grade::Good, 0);

    let mut edited = kd();
    edited.concepts[0].definition = "The big, already trained network.".into();
    let outcome = &import(&mut store, vec![edited])[0];

    // The forward card's back and the reverse card's front both changed.
    assert_eq!(counts(outcome), [0, 2, 0, 0, 3]);
    let card = store.card(&teacher_id()).unwrap().unwrap();
    assert_eq!(card.back, "The big, already trained network.");
    assert_eq!(card.state.rung, 1);
    assert_eq!(card.state.due, Some(day_time(1).day));
}

#[test]
fn removed_card_is_retired_then_restored() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    grade(&mut store, &teacher_id(), Grade::Easy, 0);

    let mut without = kd();
    without.concepts.remove(0);
    let outcome = &import(&mut store, vec![without])[0];
    assert_eq!(counts(outcome), [0, 0, 0, 2, 3]);
    let retired = store.card(&teacher_id()).unwrap().unwrap();
    assert!(retired.retired);
    let due = store.due_queue(day_time(30).day, 20, Some("kd")).unwrap();
    assert!(due.iter().all(|card| card.id != teacher_id()));

    let outcome = &import(&mut store, vec![kd()])[0];
    assert_eq!(counts(outcome), [0, 0, 2, 0, 3]);
    let restored = store.card(&teacher_id()).unwrap().unwrap();
    assert!(!restored.retired);
    assert_eq!(restored.state.rung, 2);
    assert_eq!(restored.state.due, Some(day_time(3).day));
}

#[test]
fn term_edit_retires_old_card() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    let mut renamed = kd();
    renamed.concepts[0].term = "Teacher network".into();
    let outcome = &import(&mut store, vec![renamed])[0];
    assert_eq!(counts(outcome), [2, 0, 0, 2, 3]);
}

#[test]
fn whitespace_and_case_edit_of_term_keeps_card() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    let mut respaced = kd();
    respaced.concepts[0].term = " teacher ".into();
    let outcome = &import(&mut store, vec![respaced])[0];
    // Same ids; the displayed front and the reverse card's back changed.
    assert_eq!(counts(outcome), [0, 2, 0, 0, 3]);
}

#[test]
fn retired_card_cannot_be_graded() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![kd()]);
    let mut without = kd();
    without.concepts.remove(0);
    import(&mut store, vec![without]);
    let request = AnswerRequest {
        card: teacher_id(),
        grade: Grade::Good,
        time: day_time(0),
        duration: None,
    };
    let err = store.record_answer(&request).unwrap_err();
    assert!(matches!(err, StoreError::CardRetired(_)), "{err:?}");
}

#[test]
fn duplicate_lesson_ids_change_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut second = file(kd());
    second.source = "other/kd.md".into();
    let err = store
        .import_lessons(&[file(kd()), second], at(NOW))
        .unwrap_err();
    assert!(matches!(err, StoreError::DuplicateLesson { .. }), "{err:?}");
    assert!(err.to_string().contains("other/kd.md"), "{err}");
    assert!(store.lesson_rows(day_time(0).day).unwrap().is_empty());
}

#[test]
fn review_plan_sets_ladder() {
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, vec![with_plan(kd(), &[14, 2, 5])]);
    let card = store.card(&teacher_id()).unwrap().unwrap();
    assert_eq!(card.ladder, Ladder::new(vec![2, 5, 14]).unwrap());
}

#[test]
fn other_lessons_untouched_by_import() {
    let mut store = Store::open_in_memory().unwrap();
    let other = lesson("column", &[("Reflux", "Condensed liquid sent back.")], &[]);
    import(&mut store, vec![kd(), other]);
    let outcome = import(&mut store, vec![kd()]);
    assert_eq!(outcome.len(), 1);
    let rows = store.lesson_rows(day_time(0).day).unwrap();
    let ids: Vec<&str> = rows.iter().map(|row| row.lesson_id.as_str()).collect();
    assert_eq!(ids, ["column", "kd"]);
    assert_eq!(rows[0].cards, 2);
}

#[test]
fn duplicate_term_is_warned() {
    let mut store = Store::open_in_memory().unwrap();
    let dup = lesson("dup", &[("Plate", "A tray."), ("plate", "Again.")], &[]);
    let outcome = &import(&mut store, vec![dup])[0];
    assert_eq!(outcome.added, 2);
    assert_eq!(outcome.warnings.len(), 1);
    assert!(outcome.warnings[0].message.contains("duplicate"));
}
