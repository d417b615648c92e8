//! Learning-path progress and review prompts on a real database file.

#![allow(
    clippy::unwrap_used,
    reason = "the shared store_support helpers unwrap, which fails the test on error"
)]

mod store_support;

use std::time::Duration;

use distill::quiz::path::{Completion, LearningPath, PathProgress};
use distill::quiz::review_prompt::{PromptAnswer, planned_prompts};
use distill::schedule::Grade;
use distill::store::{Store, StudyError};
use store_support::{at, day_time, file, lesson, with_plan};

fn store_with_plan(dir: &std::path::Path) -> (Store, distill::lesson::Lesson) {
    let lesson = with_plan(
        lesson("still", &[("Плато", "преграда")], &[]),
        &[1, 3, 7, 30],
    );
    let mut store = Store::open(&dir.join("study.db")).expect("database opens");
    store
        .import_lessons(&[file(lesson.clone())], at("2026-01-01T08:00:00Z"))
        .expect("import succeeds");
    (store, lesson)
}

fn answer(position: usize, grade: Grade) -> PromptAnswer {
    PromptAnswer {
        lesson: "still".to_string(),
        position,
        grade,
        note: "кипник, плата".to_string(),
        duration: Duration::from_secs(30),
    }
}

#[test]
fn progress_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, lesson) = store_with_plan(dir.path());
    assert_eq!(
        store.path_progress("still").expect("readable"),
        PathProgress::default()
    );
    let mut progress = PathProgress {
        current: Some("recap".to_string()),
        ..PathProgress::default()
    };
    progress
        .notes
        .insert("warm-up".to_string(), "бележка".to_string());
    progress.done.insert("step:кипене".to_string());
    let prompts = planned_prompts(&lesson);
    let saved = store
        .save_path_progress("still", &progress, &prompts, at("2026-01-01T09:00:00Z"))
        .expect("saved");
    assert_eq!(saved.scheduled, 0);
    assert_eq!(saved.studied_on, None);
    assert_eq!(store.path_progress("still").expect("readable"), progress);

    progress.notes.clear();
    store
        .save_path_progress("still", &progress, &prompts, at("2026-01-01T09:01:00Z"))
        .expect("saved");
    let stored = store.path_progress("still").expect("readable");
    assert!(stored.notes.is_empty());
    assert_eq!(stored.done, progress.done);
}

#[test]
fn studied_path_schedules_prompts_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, lesson) = store_with_plan(dir.path());
    let prompts = planned_prompts(&lesson);
    let path = LearningPath::new(&lesson);
    let mut progress = PathProgress::default();
    let studied = day_time(0).day;
    assert_eq!(
        progress.complete(&path, studied),
        Completion::Studied(studied)
    );
    let saved = store
        .save_path_progress("still", &progress, &prompts, day_time(0).at)
        .expect("saved");
    assert_eq!(saved.scheduled, 4);
    assert_eq!(saved.studied_on, Some(studied));

    let scheduled = store.review_prompts("still").expect("prompts");
    let due: Vec<_> = scheduled.iter().map(|p| p.due).collect();
    let expected: Vec<_> = [1, 3, 7, 30]
        .iter()
        .map(|d| Some(day_time(*d).day))
        .collect();
    assert_eq!(due, expected);

    // A later save, even one claiming a later study day, changes nothing.
    progress.studied_on = Some(day_time(5).day);
    let again = store
        .save_path_progress("still", &progress, &prompts, day_time(5).at)
        .expect("saved");
    assert_eq!(again.scheduled, 0);
    assert_eq!(again.studied_on, Some(studied));
    assert_eq!(store.review_prompts("still").expect("prompts"), scheduled);
}

#[test]
fn first_prompt_due_next_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, lesson) = store_with_plan(dir.path());
    let progress = PathProgress {
        studied_on: Some(day_time(0).day),
        ..PathProgress::default()
    };
    store
        .save_path_progress(
            "still",
            &progress,
            &planned_prompts(&lesson),
            day_time(0).at,
        )
        .expect("saved");
    assert!(
        store
            .due_review_prompts(day_time(0).day)
            .expect("due")
            .is_empty()
    );
    let due = store.due_review_prompts(day_time(1).day).expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].days, 1);
    assert_eq!(due[0].prompt, "Recall after 1 days.");
    assert_eq!(
        store
            .due_review_prompts(day_time(3).day)
            .expect("due")
            .len(),
        2
    );
}

#[test]
fn again_brings_prompt_back_next_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, lesson) = store_with_plan(dir.path());
    let progress = PathProgress {
        studied_on: Some(day_time(0).day),
        ..PathProgress::default()
    };
    store
        .save_path_progress(
            "still",
            &progress,
            &planned_prompts(&lesson),
            day_time(0).at,
        )
        .expect("saved");

    let again = store
        .record_prompt_answer(&answer(0, Grade::Again), &day_time(2))
        .expect("recorded");
    assert_eq!(again.due_after, Some(day_time(3).day));
    assert!(
        store
            .due_review_prompts(day_time(2).day)
            .expect("due")
            .is_empty()
    );

    let good = store
        .record_prompt_answer(&answer(0, Grade::Good), &day_time(3))
        .expect("recorded");
    assert_eq!(good.due_after, None);
    let left = store.due_review_prompts(day_time(3).day).expect("due");
    assert_eq!(left.iter().map(|p| p.position).collect::<Vec<_>>(), [1]);
}

#[test]
fn prompt_not_due_is_rejected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, lesson) = store_with_plan(dir.path());
    let err = store
        .record_prompt_answer(&answer(0, Grade::Good), &day_time(1))
        .expect_err("nothing is scheduled");
    assert!(
        matches!(err, StudyError::PromptNotDue { position: 0, .. }),
        "{err}"
    );

    let progress = PathProgress {
        studied_on: Some(day_time(0).day),
        ..PathProgress::default()
    };
    store
        .save_path_progress(
            "still",
            &progress,
            &planned_prompts(&lesson),
            day_time(0).at,
        )
        .expect("saved");
    let early = store
        .record_prompt_answer(&answer(2, Grade::Good), &day_time(1))
        .expect_err("the one-week prompt is not due yet");
    assert!(matches!(
        early,
        StudyError::PromptNotDue { position: 2, .. }
    ));
}
