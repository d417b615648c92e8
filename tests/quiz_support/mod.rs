//! Helpers shared by the quiz, path, reader and review-prompt screen tests.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::path::Path;

use chrono::DateTime;
use distill::lesson::{self, Lesson};
use distill::tui::{App, Clock, Context, Screen, Theme};
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
