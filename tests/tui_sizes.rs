//! Every screen rendered at terminal sizes from 0x0 to 200x60, and a few up
//! to 300x100, without a panic, and screen state kept across resizes.

mod tui_support;

use distill::tui::App;
use distill::tui::review::ReviewScreen;
use distill::tui::{Action, Screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode};
use tui_support::*;

const MAX_WIDTH: u16 = 200;
const MAX_HEIGHT: u16 = 60;

/// Builds every screen state worth drawing: each screen, the help, the revealed
/// back of a card, and the end-of-session summary.
fn all_apps() -> Vec<(&'static str, App)> {
    let mut help = dashboard_app();
    help.handle_key(press(KeyCode::Char('?')));
    let mut back = review_app();
    back.handle_key(press(KeyCode::Char(' ')));
    let mut finished = ReviewScreen::new(None, review_cards());
    for (log_id, key) in [(1, '3'), (2, '1'), (3, '4')] {
        answer(&mut finished, key, log_id, false);
    }
    let mut column = dashboard_app();
    column.handle_key(press(KeyCode::Char('c')));
    let mut kd = dashboard_app();
    kd.handle_key(press(KeyCode::Char('d')));
    vec![
        ("dashboard", dashboard_app()),
        ("help", help),
        ("review front", review_app()),
        ("review back", back),
        ("review summary", app_with(finished)),
        ("stats", stats_app()),
        ("column demo", column),
        ("KD demo", kd),
    ]
}

/// Largest size drawn beyond the 200x60 grid: a wide, tall terminal.
const HUGE: (u16, u16) = (300, 100);

/// Sizes to draw: every width from 0 to 200 at every height up to 14 and at
/// seven taller heights, plus every taller height at sixteen widths. This
/// covers every width and every height and each layout threshold, in about
/// two fifths of the draws of the full 201x61 grid, to keep the debug-build
/// test suite quick. A few sizes up to 300x100 follow.
fn sweep_sizes() -> Vec<(u16, u16)> {
    let tall_heights = [17, 20, 24, 30, 40, 50, MAX_HEIGHT];
    let some_widths = [
        0, 1, 2, 3, 4, 5, 10, 20, 39, 40, 41, 60, 80, 100, 140, MAX_WIDTH,
    ];
    let mut sizes = Vec::new();
    for width in 0..=MAX_WIDTH {
        for height in (0..=14).chain(tall_heights) {
            sizes.push((width, height));
        }
    }
    for height in 15..=MAX_HEIGHT {
        for width in some_widths {
            sizes.push((width, height));
        }
    }
    let (huge_width, huge_height) = HUGE;
    for height in [0, 1, 12, 30, 61, 80, huge_height] {
        for width in [0, 1, 40, 100, 201, 250, huge_width] {
            sizes.push((width, height));
        }
    }
    sizes
}

#[test]
fn no_panic_at_any_size() {
    let sizes = sweep_sizes();
    for (name, app) in all_apps() {
        let mut terminal = Terminal::new(TestBackend::new(0, 0)).expect("test backend");
        for &(width, height) in &sizes {
            terminal.backend_mut().resize(width, height);
            let drawn = terminal.draw(|frame| app.render(frame));
            assert!(drawn.is_ok(), "{name} at {width}x{height}");
        }
    }
}

#[test]
fn too_small_notice_names_minimum() {
    let frame = render(&dashboard_app(), 39, 12);
    assert!(frame.contains("Terminal too small: 39x12"), "{frame}");
    assert!(frame.contains("40x12"), "{frame}");
    let frame = render(&dashboard_app(), 40, 11);
    assert!(frame.contains("too small"), "{frame}");
    let frame = render(&dashboard_app(), 40, 12);
    assert!(!frame.contains("too small"), "{frame}");
}

#[test]
fn resize_keeps_review_state() {
    let mut app = review_app();
    app.handle_key(press(KeyCode::Char(' ')));
    let before = render(&app, 100, 30);
    for (width, height) in [(1, 1), (0, 0), (30, 5), (200, 60)] {
        app.handle_event(Event::Resize(width, height));
        render(&app, width, height);
    }
    assert_eq!(render(&app, 100, 30), before);
}

#[test]
fn resize_keeps_dashboard_selection() {
    let mut screen = distill::tui::dashboard::DashboardScreen::new(dashboard_view());
    assert!(matches!(
        screen.handle_key(press(KeyCode::Down)),
        Action::None
    ));
    let app = app_with(screen);
    render(&app, 10, 3);
    let frame = render(&app, 100, 30);
    assert!(frame.contains("> Дистилация на знания"), "{frame}");
}
