//! The lesson reader: scrolling and snapshots at 100x30 and 40x12 on the
//! Bulgarian fixture lesson and the shipped lesson.

mod quiz_support;

use distill::tui::reader::ReaderScreen;
use distill::tui::{Action, Screen};
use quiz_support::{SIZES, builtin_lesson, char_key, column_lesson, key, render};
use ratatui::crossterm::event::KeyCode;

fn snapshot_all(name: &str, screen: impl Fn() -> ReaderScreen) {
    for (width, height) in SIZES {
        let text = render(Box::new(screen()), width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn scrolling_keys_move_offset() {
    let mut screen = ReaderScreen::new(builtin_lesson());
    assert!(matches!(screen.handle_key(char_key('j')), Action::None));
    assert_eq!(screen.offset(), 1);
    screen.handle_key(key(KeyCode::Up));
    screen.handle_key(key(KeyCode::Up));
    assert_eq!(screen.offset(), 0);
    screen.handle_key(key(KeyCode::PageDown));
    assert!(screen.offset() > 1);
    screen.handle_key(char_key('g'));
    assert_eq!(screen.offset(), 0);
    assert!(matches!(
        screen.handle_key(char_key('q')),
        Action::Unhandled
    ));
}

#[test]
fn snapshot_top() {
    snapshot_all("reader_top", || ReaderScreen::new(column_lesson()));
}

#[test]
fn snapshot_code_example() {
    snapshot_all("reader_code_example", || {
        let mut screen = ReaderScreen::new(column_lesson());
        for _ in 0..6 {
            screen.handle_key(char_key('j'));
        }
        screen
    });
}

#[test]
fn snapshot_shipped_lesson_examples() {
    snapshot_all("reader_shipped_examples", || {
        let mut screen = ReaderScreen::new(builtin_lesson());
        for _ in 0..40 {
            screen.handle_key(char_key('j'));
        }
        screen
    });
}
