//! The lesson review-prompt screen: key handling on bare state and
//! snapshots at 100x30, 80x24 and 40x12 on the Bulgarian fixture lesson.

mod quiz_support;

use chrono::NaiveDate;
use distill::quiz::path::PathProgress;
use distill::quiz::review_prompt::planned_prompts;
use distill::schedule::StudyDay;
use distill::tui::review_prompt::{DuePrompt, ReviewPromptScreen};
use distill::tui::{Action, Context, Screen};
use quiz_support::{
    SIZES, char_key, column_lesson, key, render, run_task, store_context, type_text,
};
use ratatui::crossterm::event::KeyCode;

fn due_prompts() -> Vec<DuePrompt> {
    let lesson = column_lesson();
    let due = StudyDay::new(NaiveDate::from_ymd_opt(2026, 3, 3).expect("valid date"));
    planned_prompts(&lesson)
        .into_iter()
        .take(2)
        .map(|planned| DuePrompt::new(&lesson, planned, due))
        .collect()
}

/// Returns a store context where the fixture lesson was studied on
/// 2026-02-20, so its 1-day, 3-day and 1-week prompts are due on the
/// context's day, 2026-03-02, and the 1-month prompt is not.
fn scheduled_context() -> Context {
    let mut ctx = store_context();
    let lesson = column_lesson();
    let progress = PathProgress {
        studied_on: Some(StudyDay::new(
            NaiveDate::from_ymd_opt(2026, 2, 20).expect("valid date"),
        )),
        ..PathProgress::default()
    };
    let now = ctx.now();
    ctx.store()
        .expect("a store")
        .save_path_progress(&lesson.id, &progress, &planned_prompts(&lesson), now)
        .expect("prompts scheduled");
    ctx
}

fn snapshot_all(name: &str, screen: impl Fn() -> ReviewPromptScreen) {
    for (width, height) in SIZES {
        let text = render(Box::new(screen()), width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn related_concepts_found_for_prompt() {
    let prompts = due_prompts();
    let terms: Vec<&str> = prompts[1].related.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["Рефлукс"]);
}

#[test]
fn grade_before_reveal_is_typed() {
    let mut screen = ReviewPromptScreen::new(due_prompts());
    assert!(matches!(screen.handle_key(char_key('3')), Action::None));
    assert_eq!(screen.answered(), 0);
}

#[test]
fn open_loads_due_prompts() {
    let mut ctx = scheduled_context();
    let screen = ReviewPromptScreen::open(&mut ctx).expect("screen opens");
    let current = screen.current().expect("a due prompt");
    assert_eq!(current.planned.days, 1);
    assert_eq!(current.lesson_title, "Колоната за дестилация");
    assert!(!current.recap.is_empty());
}

#[test]
fn grading_stores_and_moves_on() {
    let mut ctx = scheduled_context();
    let mut screen = ReviewPromptScreen::open(&mut ctx).expect("screen opens");
    type_text(&mut screen, "кипник, плата");
    screen.handle_key(key(KeyCode::Enter));
    let action = screen.handle_key(char_key('3'));
    assert!(matches!(screen.handle_key(char_key('3')), Action::None));
    run_task(&mut ctx, &mut screen, action);
    assert_eq!(screen.answered(), 1);
    let current = screen.current().expect("a second prompt");
    assert_eq!(current.planned.days, 3);
    for grade in ['1', '4'] {
        screen.handle_key(key(KeyCode::Enter));
        let action = screen.handle_key(char_key(grade));
        run_task(&mut ctx, &mut screen, action);
    }
    assert!(screen.is_done());
    assert_eq!(screen.answered(), 3);
    assert!(matches!(
        screen.handle_key(key(KeyCode::Enter)),
        Action::Back
    ));

    // The 3-day prompt, graded Again, is due again tomorrow; the others are
    // done, and the 1-month prompt waits.
    let store = ctx.store().expect("a store");
    let due: Vec<Option<String>> = store
        .review_prompts("kolona")
        .expect("prompts")
        .iter()
        .map(|prompt| prompt.due.map(|day| day.to_string()))
        .collect();
    assert_eq!(
        due,
        [
            None,
            Some("2026-03-03".to_string()),
            None,
            Some("2026-03-22".to_string())
        ]
    );
}

#[test]
fn failed_write_keeps_prompt() {
    let mut screen = ReviewPromptScreen::new(due_prompts());
    screen.handle_key(key(KeyCode::Enter));
    let Action::Store(task) = screen.handle_key(char_key('2')) else {
        panic!("expected a store task");
    };
    let reply = screen.on_reply(task.label(), Err("disk I/O error".into()));
    assert!(matches!(reply, Action::Notify(_)), "{reply:?}");
    assert_eq!(screen.answered(), 0);
    assert!(matches!(screen.handle_key(char_key('2')), Action::Store(_)));
}

#[test]
fn snapshot_recalling() {
    snapshot_all("review_prompt_recalling", || {
        let mut screen = ReviewPromptScreen::new(due_prompts());
        type_text(&mut screen, "кипник, плата, кондензатор");
        screen
    });
}

#[test]
fn snapshot_revealed() {
    snapshot_all("review_prompt_revealed", || {
        let mut ctx = scheduled_context();
        let mut screen = ReviewPromptScreen::open(&mut ctx).expect("screen opens");
        screen.handle_key(key(KeyCode::Enter));
        let action = screen.handle_key(char_key('3'));
        run_task(&mut ctx, &mut screen, action);
        type_text(&mut screen, "връща кондензат");
        screen.handle_key(key(KeyCode::Enter));
        screen
    });
}

#[test]
fn snapshot_revealed_scrolled_down() {
    snapshot_all("review_prompt_revealed_scrolled_down", || {
        let mut screen = ReviewPromptScreen::new(due_prompts());
        type_text(&mut screen, "плата");
        screen.handle_key(key(KeyCode::Enter));
        for _ in 0..4 {
            screen.handle_key(char_key('j'));
        }
        screen
    });
}

#[test]
fn reveal_keeps_prompt_and_recall_at_80x24() {
    let recall = "кипникът нагрява, парата се изкачва през платата";
    let mut screen = ReviewPromptScreen::new(due_prompts());
    let prompt = screen
        .current()
        .expect("a due prompt")
        .planned
        .prompt
        .clone();
    type_text(&mut screen, recall);
    screen.handle_key(key(KeyCode::Enter));
    let text = render(Box::new(screen), 80, 24);
    insta::assert_snapshot!("review_prompt_revealed_80x24", text);
    let first_words: String = prompt
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&first_words), "prompt missing:\n{text}");
    assert!(text.contains("You wrote:"), "label missing:\n{text}");
    assert!(text.contains(recall), "recall missing:\n{text}");
    assert!(
        text.contains("How well did you recall it?"),
        "grades missing:\n{text}"
    );
}
