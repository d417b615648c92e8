//! The lesson review-prompt screen: key handling on bare state and
//! snapshots at 100x30 and 40x12 on the Bulgarian fixture lesson.

mod quiz_support;

use chrono::NaiveDate;
use distill::quiz::review_prompt::planned_prompts;
use distill::schedule::StudyDay;
use distill::tui::review_prompt::{DuePrompt, ReviewPromptScreen};
use distill::tui::{Action, Reply, Screen};
use quiz_support::{SIZES, char_key, column_lesson, key, render, type_text};
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

fn confirm(screen: &mut ReviewPromptScreen, action: Action) -> Action {
    let Action::Store(task) = action else {
        panic!("expected a store task, got {action:?}");
    };
    screen.on_reply(task.label(), Ok(Reply::new(())))
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
fn grading_stores_and_moves_on() {
    let mut screen = ReviewPromptScreen::new(due_prompts());
    type_text(&mut screen, "кипник, плата");
    screen.handle_key(key(KeyCode::Enter));
    let action = screen.handle_key(char_key('3'));
    assert!(matches!(screen.handle_key(char_key('3')), Action::None));
    confirm(&mut screen, action);
    assert_eq!(screen.answered(), 1);
    let current = screen.current().expect("a second prompt");
    assert_eq!(current.planned.days, 3);
    screen.handle_key(key(KeyCode::Enter));
    let action = screen.handle_key(char_key('1'));
    confirm(&mut screen, action);
    assert!(screen.is_done());
    assert!(matches!(
        screen.handle_key(key(KeyCode::Enter)),
        Action::Back
    ));
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
        let mut screen = ReviewPromptScreen::new(due_prompts());
        let action = {
            screen.handle_key(key(KeyCode::Enter));
            screen.handle_key(char_key('3'))
        };
        confirm(&mut screen, action);
        type_text(&mut screen, "връща кондензат");
        screen.handle_key(key(KeyCode::Enter));
        screen
    });
}

#[test]
fn snapshot_none_due() {
    snapshot_all("review_prompt_none_due", || {
        ReviewPromptScreen::new(Vec::new())
    });
}

#[test]
fn snapshot_revealed_scrolled_up() {
    snapshot_all("review_prompt_revealed_scrolled_up", || {
        let mut screen = ReviewPromptScreen::new(due_prompts());
        screen.handle_key(key(KeyCode::Enter));
        for _ in 0..4 {
            screen.handle_key(char_key('k'));
        }
        screen
    });
}
