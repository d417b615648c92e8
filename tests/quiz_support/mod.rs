//! Helpers shared by the quiz, path, reader and review-prompt screen tests.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::path::Path;

use chrono::DateTime;
use distill::config::Settings;
use distill::lesson::{self, Lesson};
use distill::store::{LessonFile, Store, source_sha256};
use distill::tui::{Action, App, Clock, Context, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Terminal sizes every screen is snapshotted at.
pub const SIZES: [(u16, u16); 2] = [(100, 30), (40, 12)];

/// Parses the Bulgarian fixture lesson about the distillation column.
pub fn column_lesson() -> Lesson {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolona.md");
    lesson::parse_file(&path).expect("the fixture lesson parses")
}

/// Parses the shipped Bulgarian distillation lesson.
pub fn builtin_lesson() -> Lesson {
    let builtin = &distill::builtin::LESSONS[0];
    let id = builtin.file_name.trim_end_matches(".md");
    lesson::parse(Path::new(builtin.file_name), id, builtin.text.as_bytes())
        .expect("the shipped lesson parses")
}

/// Returns a context whose clock starts at a fixed time.
pub fn context() -> Context {
    let start = DateTime::parse_from_rfc3339("2026-03-02T09:30:00+02:00").expect("valid time");
    Context::new(Clock::starting_at(start))
}

/// Returns a context like [`context`] on an in-memory database that
/// contains the fixture lesson, imported from its file, and the shipped
/// lessons.
pub fn store_context() -> Context {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolona.md");
    let bytes = std::fs::read(&path).expect("fixture readable");
    let file = LessonFile {
        lesson: column_lesson(),
        source: path.display().to_string(),
        sha256: source_sha256(&bytes),
    };
    let ctx = context();
    let mut store = Store::open_in_memory().expect("in-memory store");
    store
        .import_lessons(&[file], ctx.now())
        .expect("fixture imports");
    store
        .sync_builtin(distill::builtin::LESSONS, ctx.now())
        .expect("shipped lessons sync");
    ctx.with_store(store, Settings::default())
}

/// Runs the store task in `action` on `ctx` and hands its reply to
/// `screen`, as the app does, and returns the screen's next action.
pub fn run_task(ctx: &mut Context, screen: &mut dyn Screen, action: Action) -> Action {
    let Action::Store(task) = action else {
        panic!("expected a store task, got {action:?}");
    };
    let label = task.label().to_string();
    let reply = task.run(ctx);
    screen.on_reply(&label, reply)
}

/// Renders `screen` inside the app, with its footer, at `width` x `height`
/// in the monochrome theme, and returns the buffer as text.
pub fn render(screen: Box<dyn Screen>, width: u16, height: u16) -> String {
    let app = App::with_screen(context(), Theme::monochrome(), screen);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| app.render(frame))
        .expect("frame draws");
    terminal.backend().to_string()
}

/// Returns a key press without modifiers.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Returns the press of a character key.
pub fn char_key(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Sends each character of `text` to `screen` as a key press.
pub fn type_text(screen: &mut dyn Screen, text: &str) {
    for c in text.chars() {
        screen.handle_key(char_key(c));
    }
}
