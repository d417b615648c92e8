//! The column screen drawn on ratatui's test backend.

use distill::demo::still::{EthanolWater, Reflux};
use distill::tui::still::{MAX_SCREEN_PLATES, StillScreen, View};
use distill::tui::{Action, App, Clock, Context, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Draws the screen alone into a `width` by `height` terminal.
fn draw(screen: &StillScreen, width: u16, height: u16) -> TestResult<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let theme = Theme::colored();
    terminal.draw(|frame| screen.render(frame, frame.area(), &theme))?;
    Ok(terminal.backend().clone())
}

/// Draws the screen inside the app, with the footer of key hints.
fn draw_in_app(screen: StillScreen, width: u16, height: u16) -> TestResult<TestBackend> {
    let app = App::with_screen(
        Context::new(Clock::System),
        Theme::colored(),
        Box::new(screen),
    );
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|frame| app.render(frame))?;
    Ok(terminal.backend().clone())
}

fn press(screen: &mut StillScreen, code: KeyCode) -> Action {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn snapshot_100x30() -> TestResult {
    insta::assert_snapshot!(draw_in_app(StillScreen::new(), 100, 30)?);
    Ok(())
}

#[test]
fn snapshot_60x20() -> TestResult {
    insta::assert_snapshot!(draw_in_app(StillScreen::new(), 60, 20)?);
    Ok(())
}

#[test]
fn snapshot_60x20_column_view() -> TestResult {
    let mut screen = StillScreen::new();
    press(&mut screen, KeyCode::Tab);
    press(&mut screen, KeyCode::Tab);
    assert_eq!(screen.view(), View::Column);
    insta::assert_snapshot!(draw_in_app(screen, 60, 20)?);
    Ok(())
}

#[test]
fn snapshot_100x30_many_plates() -> TestResult {
    let mut screen = StillScreen::new();
    for _ in 0..30 {
        press(&mut screen, KeyCode::Up);
    }
    insta::assert_snapshot!(draw_in_app(screen, 100, 30)?);
    Ok(())
}

#[test]
fn renders_every_size_without_panic() -> TestResult {
    let mut screen = StillScreen::new();
    for width in 0..=200 {
        for height in [0, 1, 11, 12, 20, 24, 30, 60] {
            draw(&screen, width, height)?;
        }
    }
    // The narrow layout draws one view at a time, so each view gets every height.
    for _ in 0..3 {
        for height in 0..=60 {
            for width in [0, 1, 39, 40, 59, 60, 89, 90, 200] {
                draw(&screen, width, height)?;
            }
        }
        press(&mut screen, KeyCode::Tab);
    }
    Ok(())
}

#[test]
fn too_small_shows_notice() -> TestResult {
    let backend = draw(&StillScreen::new(), 39, 12)?;
    assert!(backend.to_string().contains("too small"));
    Ok(())
}

#[test]
fn feed_keys_step_and_clamp() {
    let mut screen = StillScreen::new();
    assert!(matches!(press(&mut screen, KeyCode::Right), Action::None));
    assert!((screen.input().feed - 0.11).abs() < 1e-12);
    for _ in 0..12 {
        press(&mut screen, KeyCode::Char('h'));
    }
    assert!((screen.input().feed - 0.01).abs() < 1e-12);
    for _ in 0..90 {
        press(&mut screen, KeyCode::Char('l'));
    }
    let feed = screen.input().feed;
    assert!(feed < 0.8943, "feed {feed}");
    assert!(feed > 0.87, "feed {feed}");
    assert!(screen.distillate().is_some());
}

#[test]
fn plate_keys_step_and_clamp() {
    let mut screen = StillScreen::new();
    let before = screen.distillate().unwrap();
    press(&mut screen, KeyCode::Up);
    assert_eq!(screen.input().plates, 9);
    assert!(screen.distillate().unwrap() > before);
    for _ in 0..35 {
        press(&mut screen, KeyCode::Char('k'));
    }
    assert_eq!(screen.input().plates, MAX_SCREEN_PLATES);
    for _ in 0..45 {
        press(&mut screen, KeyCode::Char('j'));
    }
    assert_eq!(screen.input().plates, 0);
}

#[test]
fn reflux_keys_step_to_total() {
    let mut screen = StillScreen::new();
    assert_eq!(screen.input().reflux, Reflux::Ratio(3.0));
    press(&mut screen, KeyCode::Char('+'));
    assert_eq!(screen.input().reflux, Reflux::Ratio(4.0));
    press(&mut screen, KeyCode::Char('-'));
    press(&mut screen, KeyCode::Char('-'));
    assert_eq!(screen.input().reflux, Reflux::Ratio(2.5));
    press(&mut screen, KeyCode::Char('t'));
    assert_eq!(screen.input().reflux, Reflux::Total);
    press(&mut screen, KeyCode::Char('='));
    assert_eq!(screen.input().reflux, Reflux::Total);
    press(&mut screen, KeyCode::Char('t'));
    assert_eq!(screen.input().reflux, Reflux::Ratio(3.0));
}

#[test]
fn model_key_switches_curve() {
    let mut screen = StillScreen::new();
    let measured = screen.distillate().unwrap();
    press(&mut screen, KeyCode::Char('m'));
    assert!(matches!(screen.curve(), EthanolWater::VanLaar(_)));
    assert!((screen.distillate().unwrap() - measured).abs() > 1e-4);
    press(&mut screen, KeyCode::Char('m'));
    assert!(matches!(screen.curve(), EthanolWater::Measured(_)));
}

#[test]
fn quit_keys_left_to_app() {
    let mut screen = StillScreen::new();
    assert!(matches!(
        press(&mut screen, KeyCode::Char('q')),
        Action::Unhandled
    ));
    assert!(matches!(
        press(&mut screen, KeyCode::Esc),
        Action::Unhandled
    ));
}

#[test]
fn key_help_lists_every_key() {
    let help = StillScreen::new().key_help();
    assert_eq!(help.rows.len(), 9);
    assert_eq!(help.rows[0].keys, "←/h");
    assert!(help.rows.iter().all(|row| row.help.ends_with('.')));
}
