//! Key handling on bare screen state, without a terminal: grading, undo,
//! Again re-queueing, failed writes, and key presses versus releases.

mod tui_support;

use distill::tui::model::{AnswerRecorded, DashboardView, Grade, ReviewCard, grade_index};
use distill::tui::review::ReviewScreen;
use distill::tui::{Action, Reply, Route, Screen};
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use tui_support::*;

fn cards(count: usize) -> Vec<ReviewCard> {
    (1..=count)
        .map(|n| ReviewCard {
            id: format!("c{n}"),
            front: format!("Въпрос {n}"),
            back: format!("Отговор {n}"),
            waits: waits(["today", "1d", "3d", "1w"]),
            ..ReviewCard::default()
        })
        .collect()
}

fn recorded(log_id: i64, requeue: bool) -> Reply {
    Reply::new(AnswerRecorded {
        log_id,
        requeue,
        due: today(),
    })
}

fn space() -> ratatui::crossterm::event::KeyEvent {
    press(KeyCode::Char(' '))
}

#[test]
fn grade_waits_for_reveal() {
    let mut screen = ReviewScreen::new(None, cards(2));
    let action = screen.handle_key(press(KeyCode::Char('3')));
    assert!(matches!(action, Action::Notify(_)), "got {action:?}");
    assert_eq!(screen.progress(), (0, 2));
    assert!(!screen.is_revealed());
}

#[test]
fn grade_requests_store_write() {
    let mut screen = ReviewScreen::new(None, cards(2));
    assert!(matches!(screen.handle_key(space()), Action::None));
    assert!(screen.is_revealed());

    let action = screen.handle_key(press(KeyCode::Char('3')));
    let Action::Store(task) = action else {
        panic!("expected a store task, got {action:?}");
    };
    assert_eq!(task.label(), "record answer");
    // The card stays until the store confirms the write.
    assert_eq!(screen.current().map(|card| card.id.as_str()), Some("c1"));
    // A second grade while the write is pending does nothing.
    let again = screen.handle_key(press(KeyCode::Char('3')));
    assert!(matches!(again, Action::None), "got {again:?}");

    let next = screen.on_reply(task.label(), Ok(recorded(1, false)));
    assert!(matches!(next, Action::None), "got {next:?}");
    assert_eq!(screen.current().map(|card| card.id.as_str()), Some("c2"));
    assert!(!screen.is_revealed());
    assert_eq!(screen.progress(), (1, 2));
}

#[test]
fn every_grade_key_maps() {
    for (key, grade) in ['1', '2', '3', '4'].into_iter().zip(Grade::ALL) {
        let mut screen = ReviewScreen::new(None, cards(1));
        answer(&mut screen, key, 1, false);
        let summary = screen.summary();
        assert_eq!(summary.answers[grade_index(grade)], 1, "key {key}");
        assert_eq!(summary.answers.iter().sum::<u32>(), 1, "key {key}");
    }
}

#[test]
fn again_requeues_after_gap() {
    let mut screen = ReviewScreen::new(None, cards(5));
    answer(&mut screen, '1', 1, true);
    assert_eq!(screen.queue_ids(), ["c2", "c3", "c4", "c1", "c5"]);
    assert_eq!(screen.progress(), (1, 6));
}

#[test]
fn again_requeues_at_end() {
    let mut screen = ReviewScreen::new(None, cards(2));
    answer(&mut screen, '1', 1, true);
    assert_eq!(screen.queue_ids(), ["c2", "c1"]);
    answer(&mut screen, '3', 2, false);
    answer(&mut screen, '1', 3, true);
    assert_eq!(screen.queue_ids(), ["c1"]);
    answer(&mut screen, '3', 4, false);
    assert!(screen.is_finished());
    assert_eq!(screen.summary().answers, [2, 0, 2, 0]);
}

#[test]
fn undo_restores_card() {
    let mut screen = ReviewScreen::new(None, cards(3));
    answer(&mut screen, '3', 7, false);
    let action = screen.handle_key(press(KeyCode::Char('u')));
    let Action::Store(task) = action else {
        panic!("expected a store task, got {action:?}");
    };
    assert_eq!(task.label(), "undo answer");
    screen.on_reply(task.label(), Ok(Reply::new(())));
    assert_eq!(screen.queue_ids(), ["c1", "c2", "c3"]);
    assert!(!screen.is_revealed());
    assert_eq!(screen.progress(), (0, 3));
    assert_eq!(screen.summary().answers, [0, 0, 0, 0]);
}

#[test]
fn undo_removes_requeued_copy() {
    let mut screen = ReviewScreen::new(None, cards(3));
    answer(&mut screen, '1', 1, true);
    assert_eq!(screen.queue_ids(), ["c2", "c3", "c1"]);
    let Action::Store(task) = screen.handle_key(press(KeyCode::Char('u'))) else {
        panic!("expected a store task");
    };
    screen.on_reply(task.label(), Ok(Reply::new(())));
    assert_eq!(screen.queue_ids(), ["c1", "c2", "c3"]);
}

#[test]
fn undo_after_finish_reopens() {
    let mut screen = ReviewScreen::new(None, cards(1));
    answer(&mut screen, '4', 1, false);
    assert!(screen.is_finished());
    let Action::Store(task) = screen.handle_key(press(KeyCode::Char('u'))) else {
        panic!("expected a store task");
    };
    screen.on_reply(task.label(), Ok(Reply::new(())));
    assert_eq!(screen.queue_ids(), ["c1"]);
}

#[test]
fn undo_with_nothing_notifies() {
    let mut screen = ReviewScreen::new(None, cards(1));
    let action = screen.handle_key(press(KeyCode::Char('u')));
    assert!(matches!(action, Action::Notify(_)), "got {action:?}");
}

#[test]
fn failed_write_keeps_card() {
    let mut screen = ReviewScreen::new(None, cards(2));
    screen.handle_key(space());
    let Action::Store(task) = screen.handle_key(press(KeyCode::Char('3'))) else {
        panic!("expected a store task");
    };
    let action = screen.on_reply(task.label(), Err("disk I/O error".into()));
    let Action::Notify(message) = action else {
        panic!("expected a notice, got {action:?}");
    };
    assert!(message.contains("disk I/O error"), "{message}");
    assert_eq!(screen.current().map(|card| card.id.as_str()), Some("c1"));
    assert_eq!(screen.progress(), (0, 2));
    // The card can be graded again.
    let retry = screen.handle_key(press(KeyCode::Char('3')));
    assert!(matches!(retry, Action::Store(_)), "got {retry:?}");
}

#[test]
fn finished_session_enter_goes_back() {
    let mut screen = ReviewScreen::new(None, Vec::new());
    let action = screen.handle_key(press(KeyCode::Enter));
    assert!(matches!(action, Action::Back), "got {action:?}");
}

#[test]
fn release_and_repeat_ignored() {
    let mut app = review_app();
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        app.handle_event(Event::Key(key(KeyCode::Char(' '), kind)));
        app.handle_event(Event::Key(key(KeyCode::Char('q'), kind)));
    }
    assert_eq!(app.depth(), 1);
    assert!(!app.should_quit());
    let frame = render(&app, 80, 24);
    assert!(frame.contains("show answer"), "{frame}");

    app.handle_event(Event::Key(key(KeyCode::Char(' '), KeyEventKind::Press)));
    let frame = render(&app, 80, 24);
    assert!(frame.contains("2 Hard"), "{frame}");
}

#[test]
fn release_never_grades() {
    let mut app = review_app();
    app.handle_event(Event::Key(space()));
    app.handle_event(Event::Key(key(KeyCode::Char('3'), KeyEventKind::Release)));
    assert_eq!(app.status(), None);
    let frame = render(&app, 80, 24);
    assert!(frame.contains("0 of 3"), "{frame}");
}

#[test]
fn help_opens_and_closes() {
    let mut app = dashboard_app();
    app.handle_key(press(KeyCode::Char('?')));
    assert_eq!(app.depth(), 2);
    assert_eq!(app.top().map(|screen| screen.title()), Some("Help".into()));
    app.handle_key(press(KeyCode::Esc));
    assert_eq!(app.depth(), 1);
    assert!(!app.should_quit());
    app.handle_key(press(KeyCode::Char('q')));
    assert!(app.should_quit());
}

#[test]
fn help_lists_screen_keys() {
    let app = review_app();
    let sections = app.help_sections();
    let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Review", "Everywhere"]);
    let keys: Vec<&str> = sections[0].rows.iter().map(|r| r.keys.as_str()).collect();
    assert_eq!(keys, ["Space/Enter", "1", "2", "3", "4", "u", "↑/k", "↓/j"]);
}

#[test]
fn ctrl_c_quits_anywhere() {
    let mut app = review_app();
    app.handle_key(press(KeyCode::Char('?')));
    let mut ctrl_c = press(KeyCode::Char('c'));
    ctrl_c.modifiers = KeyModifiers::CONTROL;
    app.handle_key(ctrl_c);
    assert!(app.should_quit());
}

#[test]
fn dashboard_selects_and_opens() {
    let mut screen = distill::tui::dashboard::DashboardScreen::new(dashboard_view());
    screen.handle_key(press(KeyCode::Down));
    assert_eq!(screen.selected(), 1);
    screen.handle_key(press(KeyCode::Down));
    assert_eq!(screen.selected(), 1);
    let action = screen.handle_key(press(KeyCode::Char('t')));
    let Action::Open(route) = action else {
        panic!("expected a route, got {action:?}");
    };
    assert_eq!(
        route,
        Route::Quiz {
            lesson: "knowledge-distillation".into()
        }
    );
    screen.handle_key(press(KeyCode::Up));
    assert_eq!(screen.selected(), 0);
}

#[test]
fn dashboard_routes_every_screen() {
    let cases = [
        ('s', Route::Stats),
        ('d', Route::KdDemo),
        ('c', Route::ColumnDemo),
        ('v', Route::ReviewPrompts),
        (
            'r',
            Route::Reader {
                lesson: "distillation".into(),
            },
        ),
        (
            'p',
            Route::Path {
                lesson: "distillation".into(),
            },
        ),
        ('\n', Route::Review { lesson: None }),
        (
            'l',
            Route::Review {
                lesson: Some("distillation".into()),
            },
        ),
    ];
    for (key, expected) in cases {
        let mut screen = distill::tui::dashboard::DashboardScreen::new(dashboard_view());
        let code = if key == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(key)
        };
        let action = screen.handle_key(press(code));
        let Action::Open(route) = action else {
            panic!("key {key:?}: expected a route, got {action:?}");
        };
        assert_eq!(route, expected, "key {key:?}");
    }
}

#[test]
fn demo_screens_open() {
    for (key, title) in [
        ('d', "Knowledge distillation"),
        ('c', "Distillation column"),
    ] {
        let mut app = dashboard_app();
        app.handle_key(press(KeyCode::Char(key)));
        assert_eq!(app.depth(), 2, "key {key}");
        let top = app.top().map(|screen| screen.title()).unwrap_or_default();
        assert!(top.contains(title), "key {key}: {top}");
    }
}

/// Returns a dashboard showing `view` on an in-memory store with the
/// shipped lessons, which the reader, path and quiz screens load from.
fn dashboard_app_on_store(view: DashboardView) -> distill::tui::App {
    let mut store = distill::store::Store::open_in_memory().expect("in-memory store");
    store
        .sync_builtin(distill::builtin::LESSONS, context().now())
        .expect("shipped lessons sync");
    let ctx = context().with_store(store, distill::config::Settings::default());
    let screen = distill::tui::dashboard::DashboardScreen::new(view);
    distill::tui::App::with_screen(ctx, distill::tui::Theme::monochrome(), Box::new(screen))
}

#[test]
fn lesson_screens_open_shipped_lessons() {
    for (key, title) in [('r', "Reader"), ('p', "path"), ('t', "Quiz")] {
        let mut app = dashboard_app_on_store(dashboard_view());
        app.handle_key(press(KeyCode::Char(key)));
        assert_eq!(app.status(), None, "key {key}");
        assert_eq!(app.depth(), 2, "key {key}");
        let top = app.top().map(|screen| screen.title()).unwrap_or_default();
        assert!(
            top.to_lowercase().contains(&title.to_lowercase()),
            "key {key}: {top}"
        );
        let frame = render(&app, 100, 30);
        assert!(!frame.contains("too small"), "key {key}:\n{frame}");
    }
}

#[test]
fn unknown_lesson_shows_error() {
    let mut view = dashboard_view();
    view.lessons[0].id = "imported-elsewhere".into();
    let mut app = dashboard_app_on_store(view);
    app.handle_key(press(KeyCode::Char('r')));
    assert_eq!(app.depth(), 1);
    let status = app.status().unwrap_or_default();
    assert!(status.contains("imported-elsewhere"), "{status}");
}
