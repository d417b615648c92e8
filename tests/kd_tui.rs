//! The KD screen on ratatui's test backend, driven by key presses, with real
//! (small) trainings on a background thread.

use std::thread;
use std::time::Duration;

use distill::demo::kd::Settings;
use distill::tui::kd::{KdScreen, Phase, View};
use distill::tui::{Action, App, Clock, Context, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Networks and epochs small enough that a debug build trains them quickly.
fn small_settings() -> Settings {
    Settings {
        teacher_widths: vec![64, 32, 10],
        student_widths: vec![64, 8, 10],
        epochs: 3,
        seed_count: 2,
        ..Settings::default()
    }
}

fn press(screen: &mut KdScreen, code: KeyCode) -> Action {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Polls until the training thread has finished. The thread always ends
/// with a final message, so the loop ends too.
fn wait(screen: &mut KdScreen) {
    while screen.is_running() {
        thread::sleep(Duration::from_millis(5));
        screen.tick();
    }
}

fn draw(screen: &KdScreen, width: u16, height: u16) -> TestResult<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    let theme = Theme::colored();
    terminal.draw(|frame| screen.render(frame, frame.area(), &theme))?;
    Ok(terminal.backend().clone())
}

fn draw_in_app(screen: KdScreen, width: u16, height: u16) -> TestResult<TestBackend> {
    let app = App::with_screen(
        Context::new(Clock::System),
        Theme::colored(),
        Box::new(screen),
    );
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    terminal.draw(|frame| app.render(frame))?;
    Ok(terminal.backend().clone())
}

fn trained_screen() -> KdScreen {
    let mut screen = KdScreen::with_settings(small_settings());
    press(&mut screen, KeyCode::Enter);
    wait(&mut screen);
    screen
}

fn swept_screen() -> KdScreen {
    let mut screen = KdScreen::with_settings(small_settings());
    press(&mut screen, KeyCode::Char('s'));
    wait(&mut screen);
    screen
}

#[test]
fn snapshot_100x30() -> TestResult {
    insta::assert_snapshot!(draw_in_app(KdScreen::new(), 100, 30)?);
    Ok(())
}

#[test]
fn snapshot_60x20() -> TestResult {
    insta::assert_snapshot!(draw_in_app(KdScreen::new(), 60, 20)?);
    Ok(())
}

#[test]
fn snapshot_100x30_after_training() -> TestResult {
    let screen = trained_screen();
    assert_eq!(screen.phase(), &Phase::Finished);
    insta::assert_snapshot!(draw_in_app(screen, 100, 30)?);
    Ok(())
}

#[test]
fn snapshot_60x20_after_training() -> TestResult {
    let screen = trained_screen();
    assert_eq!(screen.view(), View::Curves);
    insta::assert_snapshot!(draw_in_app(screen, 60, 20)?);
    Ok(())
}

#[test]
fn snapshot_100x30_after_sweep() -> TestResult {
    let screen = swept_screen();
    assert_eq!(screen.phase(), &Phase::Finished);
    insta::assert_snapshot!(draw_in_app(screen, 100, 30)?);
    Ok(())
}

#[test]
fn snapshot_60x20_sweep_results() -> TestResult {
    let mut screen = swept_screen();
    press(&mut screen, KeyCode::Tab);
    assert_eq!(screen.view(), View::Results);
    insta::assert_snapshot!(draw_in_app(screen, 60, 20)?);
    Ok(())
}

#[test]
fn training_fills_every_curve() {
    let screen = trained_screen();
    let curves = screen.curves();
    assert_eq!(curves.teacher.loss.len(), 3);
    assert_eq!(curves.distilled.accuracy.len(), 3);
    assert_eq!(curves.labels_only.accuracy.len(), 3);
    assert!(
        curves
            .distilled
            .accuracy
            .iter()
            .all(|&(_, a)| (0.0..=1.0).contains(&a))
    );
}

#[test]
fn sweep_keeps_last_training_curves() {
    let mut screen = trained_screen();
    press(&mut screen, KeyCode::Char('s'));
    wait(&mut screen);
    assert!(screen.sweep().is_some());
    assert_eq!(screen.curves().distilled.accuracy.len(), 3);
}

#[test]
fn sweep_fills_results_table() {
    let screen = swept_screen();
    let report = screen.sweep().unwrap();
    assert_eq!(report.distilled.len(), 6);
    assert_eq!(report.seeds, vec![1, 2]);
}

#[test]
fn keys_step_and_clamp_settings() {
    let mut screen = KdScreen::with_settings(small_settings());
    assert_eq!(screen.temperature(), 4.0);
    press(&mut screen, KeyCode::Right);
    assert_eq!(screen.temperature(), 6.0);
    for _ in 0..20 {
        press(&mut screen, KeyCode::Char('h'));
    }
    assert_eq!(screen.temperature(), 1.0);
    press(&mut screen, KeyCode::Up);
    press(&mut screen, KeyCode::Up);
    assert_eq!(screen.alpha(), 1.0);
    press(&mut screen, KeyCode::Char('j'));
    assert!((screen.alpha() - 0.9).abs() < 1e-6);
    assert_eq!(screen.labels_per_class(), None);
    press(&mut screen, KeyCode::Char('-'));
    assert_eq!(screen.labels_per_class(), Some(50));
    press(&mut screen, KeyCode::Char('+'));
    press(&mut screen, KeyCode::Char('+'));
    assert_eq!(screen.labels_per_class(), None);
}

#[test]
fn label_budget_reaches_training() {
    let mut screen = KdScreen::with_settings(small_settings());
    for _ in 0..10 {
        press(&mut screen, KeyCode::Char('-'));
    }
    assert_eq!(screen.labels_per_class(), Some(1));
    press(&mut screen, KeyCode::Char('s'));
    wait(&mut screen);
    assert_eq!(screen.sweep().unwrap().labels_per_class, Some(1));
}

#[test]
fn esc_cancels_running_training() {
    // The default teacher takes many seconds in a debug build, so the cancel
    // arrives while it trains.
    let mut screen = KdScreen::new();
    press(&mut screen, KeyCode::Enter);
    assert!(screen.is_running());
    assert!(matches!(
        press(&mut screen, KeyCode::Enter),
        Action::Notify(_)
    ));
    assert!(matches!(press(&mut screen, KeyCode::Esc), Action::None));
    wait(&mut screen);
    assert_eq!(screen.phase(), &Phase::Cancelled);
}

#[test]
fn esc_when_idle_goes_back() {
    let mut screen = KdScreen::new();
    assert!(matches!(
        press(&mut screen, KeyCode::Esc),
        Action::Unhandled
    ));
}

#[test]
fn help_lists_training_keys() {
    let help = KdScreen::new().key_help();
    let keys: Vec<&str> = help.rows.iter().map(|row| row.keys.as_str()).collect();
    assert!(keys.contains(&"Enter"), "{keys:?}");
    assert!(keys.contains(&"s"), "{keys:?}");
    assert!(keys.contains(&"Esc"), "{keys:?}");
}

#[test]
fn renders_every_size_without_panic() -> TestResult {
    let idle = KdScreen::new();
    let mut swept = swept_screen();
    for width in (0..=160).step_by(3) {
        for height in [0, 1, 11, 12, 20, 23, 24, 30, 60] {
            draw(&idle, width, height)?;
            draw(&swept, width, height)?;
        }
    }
    for _ in 0..3 {
        press(&mut swept, KeyCode::Tab);
        for height in 0..=40 {
            for width in [0, 1, 39, 40, 59, 60, 91, 92, 200] {
                draw(&swept, width, height)?;
            }
        }
    }
    Ok(())
}
