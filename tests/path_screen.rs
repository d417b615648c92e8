//! The learning-path screen: key handling on bare state and snapshots at
//! 100x30, 80x24 and 40x12 on the Bulgarian fixture lesson.

mod quiz_support;

use chrono::NaiveDate;
use distill::quiz::path::PathProgress;
use distill::schedule::StudyDay;
use distill::tui::path::{Demo, PathScreen, mentioned_demo};
use distill::tui::{Action, Route, Screen};
use distill::tui::{App, Theme};
use quiz_support::{
    SIZES, char_key, column_lesson, context, key, render, run_task, store_context, type_text,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Position;

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

/// A note wider than two rows of the 80x24 note field.
const LONG_NOTE: &str = "Парата се издига през платата и на всяко плато среща стичащата се \
    течност. Рефлуксът връща част от кондензата, затова горе остава по-леката фракция, а \
    кипникът долу е най-горещ.";

/// Returns the screen on the first step with `LONG_NOTE` typed and the
/// cursor moved `left` graphemes back from its end.
fn long_note_screen(left: usize) -> PathScreen {
    let mut screen = screen();
    screen.handle_key(key(KeyCode::Right));
    screen.handle_key(key(KeyCode::Tab));
    type_text(&mut screen, LONG_NOTE);
    for _ in 0..left {
        screen.handle_key(key(KeyCode::Left));
    }
    screen
}

/// Draws `screen` at 80x24 and returns the text and the cursor position.
fn render_80x24(screen: PathScreen) -> (String, Position) {
    let app = App::with_screen(context(), Theme::monochrome(), Box::new(screen));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| app.render(frame))
        .expect("frame draws");
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor position");
    (terminal.backend().to_string(), cursor)
}

#[test]
fn long_note_wraps_while_editing() {
    let (text, cursor) = render_80x24(long_note_screen(0));
    insta::assert_snapshot!("path_long_note_editing_80x24", text);
    assert!(
        text.contains("│Парата се издига"),
        "note start missing:\n{text}"
    );
    assert!(
        text.contains("кипникът долу е най-горещ."),
        "note end missing:\n{text}"
    );
    assert_eq!(cursor, Position::new(27, 21));
}

#[test]
fn long_note_cursor_on_first_row() {
    let left = LONG_NOTE.chars().count() - "Парата се".chars().count();
    let (_, cursor) = render_80x24(long_note_screen(left));
    assert_eq!(cursor, Position::new(10, 19));
}

#[test]
fn long_note_wraps_after_editing() {
    let mut screen = long_note_screen(0);
    screen.handle_key(key(KeyCode::Enter));
    let notes: Vec<&str> = screen
        .progress()
        .notes
        .values()
        .map(String::as_str)
        .collect();
    assert_eq!(notes, [LONG_NOTE]);
    let (text, _) = render_80x24(screen);
    insta::assert_snapshot!("path_long_note_saved_80x24", text);
    assert!(
        text.contains("│Парата се издига"),
        "note start missing:\n{text}"
    );
    assert!(
        text.contains("кипникът долу е най-горещ."),
        "note end missing:\n{text}"
    );
}

#[test]
fn recap_lists_every_prompt_beside_long_note() {
    let mut screen = screen();
    let mut ctx = store_context();
    for _ in 0..4 {
        let action = screen.handle_key(key(KeyCode::Enter));
        run_task(&mut ctx, &mut screen, action);
    }
    screen.handle_key(key(KeyCode::Tab));
    type_text(&mut screen, LONG_NOTE);
    screen.handle_key(key(KeyCode::Enter));
    let (text, _) = render_80x24(screen);
    insta::assert_snapshot!("path_recap_long_note_80x24", text);
    for due in ["2026-03-03", "2026-03-05", "2026-03-09", "2026-04-01"] {
        assert!(text.contains(due), "prompt due {due} missing:\n{text}");
    }
    assert!(
        text.contains("кипникът долу е най-горещ."),
        "note end missing:\n{text}"
    );
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
