//! The learning-path screen: key handling on bare state and snapshots at
//! 100x30 and 40x12 on the Bulgarian fixture lesson.

mod quiz_support;

use chrono::NaiveDate;
use distill::quiz::path::PathProgress;
use distill::schedule::StudyDay;
use distill::tui::path::{Demo, PathScreen, mentioned_demo};
use distill::tui::{Action, Route, Screen};
use quiz_support::{
    SIZES, char_key, column_lesson, key, render, run_task, store_context, type_text,
};
use ratatui::crossterm::event::KeyCode;

fn today() -> StudyDay {
    StudyDay::new(NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date"))
}

fn screen() -> PathScreen {
    PathScreen::new(column_lesson(), PathProgress::default(), today())
}

fn snapshot_all(name: &str, screen: impl Fn() -> PathScreen) {
    for (width, height) in SIZES {
        let text = render(Box::new(screen()), width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn enter_walks_to_studied() {
    let mut screen = screen();
    let mut ctx = store_context();
    // Warm-up, then three steps.
    for page in 0..3 {
        let action = screen.handle_key(key(KeyCode::Enter));
        assert!(
            matches!(run_task(&mut ctx, &mut screen, action), Action::None),
            "page {page}"
        );
    }
    let action = screen.handle_key(key(KeyCode::Enter));
    let notice = run_task(&mut ctx, &mut screen, action);
    let Action::Notify(text) = notice else {
        panic!("expected a notice, got {notice:?}");
    };
    assert_eq!(
        text,
        "Lesson studied. Its first review prompt is due on 2026-03-03."
    );
    assert_eq!(screen.progress().studied_on, Some(today()));
    assert_eq!(screen.page(), 4);
}

#[test]
fn failed_save_is_reported() {
    let mut screen = screen();
    let Action::Store(task) = screen.handle_key(key(KeyCode::Enter)) else {
        panic!("expected a store task");
    };
    let reply = screen.on_reply(task.label(), Err("database is locked".into()));
    let Action::Notify(text) = reply else {
        panic!("expected a notice, got {reply:?}");
    };
    assert!(text.contains("database is locked"), "{text}");
}

#[test]
fn note_saved_on_every_character() {
    let mut screen = screen();
    assert!(matches!(screen.handle_key(key(KeyCode::Tab)), Action::None));
    assert!(screen.is_editing());
    for c in "кипи".chars() {
        let action = screen.handle_key(char_key(c));
        assert!(matches!(action, Action::Store(_)), "{action:?}");
    }
    assert_eq!(
        screen.progress().notes.get("warm-up").map(String::as_str),
        Some("кипи")
    );
}

#[test]
fn note_field_takes_q_and_esc_leaves() {
    let mut screen = screen();
    screen.handle_key(char_key('n'));
    type_text(&mut screen, "q?");
    assert!(screen.is_editing());
    assert!(matches!(screen.handle_key(key(KeyCode::Esc)), Action::None));
    assert!(!screen.is_editing());
    assert_eq!(
        screen.progress().notes.get("warm-up").map(String::as_str),
        Some("q?")
    );
    assert!(matches!(
        screen.handle_key(char_key('q')),
        Action::Unhandled
    ));
}

#[test]
fn paste_goes_into_note() {
    let mut screen = screen();
    let action = screen.handle_paste("ред 1\nред 2");
    assert!(matches!(action, Action::Store(_)));
    assert_eq!(
        screen.progress().notes.get("warm-up").map(String::as_str),
        Some("ред 1 ред 2")
    );
}

#[test]
fn resumes_on_stored_page() {
    let progress = PathProgress {
        current: Some("step:брой плата".to_string()),
        ..PathProgress::default()
    };
    let screen = PathScreen::new(column_lesson(), progress, today());
    assert_eq!(screen.page(), 3);
}

#[test]
fn demo_key_opens_mentioned_demo() {
    let mut screen = screen();
    screen.handle_key(key(KeyCode::Right));
    let none = screen.handle_key(char_key('d'));
    assert!(matches!(none, Action::Notify(_)), "{none:?}");
    screen.handle_key(key(KeyCode::Right));
    let open = screen.handle_key(char_key('d'));
    assert!(matches!(open, Action::Open(Route::ColumnDemo)), "{open:?}");
}

#[test]
fn read_key_opens_reader() {
    let mut screen = screen();
    let action = screen.handle_key(char_key('r'));
    let Action::Open(Route::Reader { lesson }) = action else {
        panic!("expected the reader, got {action:?}");
    };
    assert_eq!(lesson, "kolona");
}

#[test]
fn demos_found_in_shipped_lesson() {
    let lesson = quiz_support::builtin_lesson();
    let demos: Vec<Option<Demo>> = lesson.path.iter().map(mentioned_demo).collect();
    assert_eq!(demos.iter().filter(|d| **d == Some(Demo::Still)).count(), 1);
    assert_eq!(demos.iter().filter(|d| **d == Some(Demo::Kd)).count(), 1);
}

#[test]
fn snapshot_warm_up() {
    snapshot_all("path_warm_up", screen);
}

#[test]
fn snapshot_step_with_demo() {
    snapshot_all("path_step_with_demo", || {
        let mut screen = screen();
        let mut ctx = store_context();
        let action = screen.handle_key(key(KeyCode::Enter));
        run_task(&mut ctx, &mut screen, action);
        let action = screen.handle_key(key(KeyCode::Enter));
        run_task(&mut ctx, &mut screen, action);
        screen
    });
}

#[test]
fn snapshot_note_editing() {
    snapshot_all("path_note_editing", || {
        let mut screen = screen();
        screen.handle_key(key(KeyCode::Right));
        screen.handle_key(key(KeyCode::Tab));
        type_text(&mut screen, "Кипникът е най-горещ.");
        screen
    });
}

#[test]
fn snapshot_recap_studied() {
    snapshot_all("path_recap_studied", || {
        let mut screen = screen();
        let mut ctx = store_context();
        for _ in 0..4 {
            let action = screen.handle_key(key(KeyCode::Enter));
            run_task(&mut ctx, &mut screen, action);
        }
        screen
    });
}

#[test]
fn snapshot_step_scrolled() {
    snapshot_all("path_step_scrolled", || {
        let mut screen = screen();
        screen.handle_key(key(KeyCode::Right));
        for _ in 0..3 {
            screen.handle_key(char_key('j'));
        }
        screen
    });
}
