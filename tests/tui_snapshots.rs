//! Whole-frame snapshots of every screen at three terminal sizes, rendered
//! on ratatui's `TestBackend` with Bulgarian lesson text.

mod tui_support;

use std::time::Duration;

use distill::tui::Screen;
use distill::tui::review::ReviewScreen;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

const SIZES: [(u16, u16); 3] = [(100, 30), (80, 24), (40, 12)];

fn snapshot_sizes(name: &str, app: &distill::tui::App) {
    for (width, height) in SIZES {
        let frame = render(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), frame);
    }
}

#[test]
fn dashboard() {
    snapshot_sizes("dashboard", &dashboard_app());
}

#[test]
fn dashboard_help() {
    let mut app = dashboard_app();
    app.handle_key(press(KeyCode::Char('?')));
    snapshot_sizes("dashboard_help", &app);
}

#[test]
fn review_front() {
    snapshot_sizes("review_front", &review_app());
}

#[test]
fn review_back() {
    let mut app = review_app();
    app.handle_key(press(KeyCode::Char(' ')));
    snapshot_sizes("review_back", &app);
}

#[test]
fn review_back_multiline() {
    let mut screen = ReviewScreen::new(None, review_cards());
    answer(&mut screen, '3', 1, false);
    screen.handle_key(press(KeyCode::Char(' ')));
    snapshot_sizes("review_back_multiline", &app_with(screen));
}

#[test]
fn review_summary() {
    let mut screen = ReviewScreen::new(None, review_cards());
    answer(&mut screen, '1', 1, true);
    answer(&mut screen, '3', 2, false);
    answer(&mut screen, '4', 3, false);
    answer(&mut screen, '2', 4, false);
    screen.set_elapsed(Duration::from_secs(372));
    snapshot_sizes("review_summary", &app_with(screen));
}

#[test]
fn review_empty() {
    snapshot_sizes(
        "review_empty",
        &app_with(ReviewScreen::new(None, Vec::new())),
    );
}

#[test]
fn stats() {
    snapshot_sizes("stats", &stats_app());
}
