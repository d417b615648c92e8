//! The screens' store queries on a real SQLite file with the shipped
//! lessons: dashboard counts, the review queue, answers with Again
//! re-queueing, undo, statistics and due lesson review prompts.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use distill::builtin;
use distill::config::Settings;
use distill::quiz::path::PathProgress;
use distill::quiz::review_prompt::planned_prompts;
use distill::schedule::Grade;
use distill::store::Store;
use distill::tui::{Clock, Context, data};

/// The clock's start. The study day it falls on depends on the local time
/// zone, so tests take today from the context, never from this constant.
const NOW: &str = "2026-03-05T09:30:00+00:00";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("valid time")
}

/// Opens a store in `dir` with the shipped lessons and a clock at [`NOW`].
fn context(dir: &std::path::Path) -> Context {
    let mut store = Store::open(&dir.join("distill.db")).expect("open store");
    store
        .sync_builtin(builtin::LESSONS, now())
        .expect("sync lessons");
    Context::new(Clock::starting_at(now())).with_store(store, Settings::default())
}

#[test]
fn dashboard_counts_shipped_lessons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let view = data::load_dashboard(&mut ctx).expect("dashboard");
    let cards: u32 = view.lessons.iter().map(|row| row.cards).sum();
    let new: u32 = view.lessons.iter().map(|row| row.new).sum();
    assert_eq!(view.lessons.len(), builtin::LESSONS.len());
    assert!(cards > 0);
    assert_eq!(new, cards);
    assert_eq!(view.due_today, 0);
    assert_eq!(view.new_today, Settings::default().new_per_day.min(cards));
    assert_eq!(view.reviewed_today, 0);
    assert_eq!(view.streak_days, 0);
    assert_eq!(view.forecast, vec![0; 14]);
    assert!(view.prompts.is_empty());
}

#[test]
fn session_answers_update_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let session = data::load_session(&mut ctx, None).expect("session");
    let limit = usize::try_from(Settings::default().new_per_day).expect("limit");
    assert_eq!(session.len(), limit);
    for card in &session {
        assert!(!card.lesson_title.is_empty(), "{card:?}");
        assert_eq!(card.waits[0], "today", "{card:?}");
    }

    let first = &session[0];
    let again = data::record_answer(&mut ctx, &first.id, Grade::Again, Duration::from_secs(3))
        .expect("record Again");
    assert!(again.requeue);
    let good = data::record_answer(&mut ctx, &first.id, Grade::Good, Duration::from_secs(2))
        .expect("record Good");
    assert!(!good.requeue);
    assert!(good.log_id > again.log_id);

    let view = data::load_dashboard(&mut ctx).expect("dashboard");
    assert_eq!(view.reviewed_today, 2);
    assert_eq!(view.streak_days, 1);
    assert_eq!(view.forecast[1], 1);
    let next = data::next_due_day(&mut ctx).expect("next due day");
    assert_eq!(next, Some(good.due));
}

#[test]
fn undo_restores_new_card() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let session = data::load_session(&mut ctx, None).expect("session");
    let card = &session[0];
    let recorded = data::record_answer(&mut ctx, &card.id, Grade::Easy, Duration::from_secs(1))
        .expect("record Easy");
    data::undo_answer(&mut ctx, recorded.log_id).expect("undo");
    let view = data::load_dashboard(&mut ctx).expect("dashboard");
    assert_eq!(view.reviewed_today, 0);
    let again = data::load_session(&mut ctx, None).expect("session");
    assert_eq!(again[0].id, card.id);
    let second_undo = data::undo_answer(&mut ctx, recorded.log_id);
    assert!(second_undo.is_err());
}

#[test]
fn lesson_filter_keeps_one_lesson() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let session = data::load_session(&mut ctx, Some("distillation")).expect("session");
    assert!(!session.is_empty());
    let titles: std::collections::BTreeSet<&str> = session
        .iter()
        .map(|card| card.lesson_title.as_str())
        .collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
}

#[test]
fn stats_count_answers_and_rungs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let session = data::load_session(&mut ctx, None).expect("session");
    for (card, grade) in session.iter().zip([Grade::Good, Grade::Easy, Grade::Again]) {
        data::record_answer(&mut ctx, &card.id, grade, Duration::from_secs(2)).expect("answer");
    }
    let stats = data::load_stats(&mut ctx).expect("stats");
    assert_eq!(stats.total_reviews, 3);
    assert_eq!(stats.reviews_per_day.len(), 1);
    assert_eq!(stats.reviews_per_day[0].1, 3);
    assert_eq!(stats.cards_per_rung, vec![1, 1, 1]);
    assert_eq!(stats.retention, None);
    assert_eq!(stats.forecast.len(), 30);
    assert_eq!(stats.forecast[0], 1);
}

#[test]
fn studied_lesson_prompts_fall_due() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let lesson = ctx
        .store()
        .expect("store")
        .load_lesson("distillation")
        .expect("shipped lesson");
    let prompts = planned_prompts(&lesson);
    assert!(!prompts.is_empty());
    let today = ctx.study_time().expect("study time").day;
    let long_ago = today.minus_days(400);
    let progress = PathProgress {
        studied_on: Some(long_ago),
        ..PathProgress::default()
    };
    let store = ctx.store().expect("store");
    store
        .save_path_progress("distillation", &progress, &prompts, now())
        .expect("save progress");

    let view = data::load_dashboard(&mut ctx).expect("dashboard");
    assert_eq!(view.prompts.len(), prompts.len());
    assert!(!view.prompts[0].lesson_title.is_empty());
    let store = ctx.store().expect("store");
    let due = store.due_review_prompts(today).expect("due prompts");
    assert_eq!(due.len(), prompts.len());
    assert_eq!(due[0].lesson_id, "distillation");
}

#[test]
fn unknown_lesson_is_rejected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ctx = context(dir.path());
    let store = ctx.store().expect("store");
    let err = store
        .load_lesson("no-such-lesson")
        .expect_err("unknown lesson");
    assert!(err.to_string().contains("no-such-lesson"), "{err}");
}
