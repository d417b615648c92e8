//! View-model fixtures with Bulgarian lesson text and helpers that render the
//! app on ratatui's `TestBackend`, shared by the `tui_*` tests.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

use chrono::{DateTime, Duration, NaiveDate};
use distill::builtin;
use distill::config::Settings;
use distill::store::Store;
use distill::tui::dashboard::DashboardScreen;
use distill::tui::model::{DashboardView, LessonRow, PromptRow, ReviewCard, StatsView};
use distill::tui::review::ReviewScreen;
use distill::tui::stats::StatsScreen;
use distill::tui::{App, Clock, Context, Screen, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date")
}

/// Builds a context on an in-memory store holding the shipped lessons.
pub fn context() -> Context {
    let start = DateTime::parse_from_rfc3339("2026-03-05T09:30:00+02:00").expect("valid time");
    let mut store = Store::open_in_memory().expect("in-memory store");
    store
        .sync_builtin(builtin::LESSONS, start)
        .expect("sync shipped lessons");
    Context::new(Clock::starting_at(start)).with_store(store, Settings::default())
}

pub fn app_with(screen: impl Screen + 'static) -> App {
    App::with_screen(context(), Theme::monochrome(), Box::new(screen))
}

/// Renders `app` into a `width` x `height` buffer and returns the text,
/// which is empty for a zero width (ratatui's `TestBackend` cannot format
/// a buffer without columns).
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|frame| app.render(frame)).expect("draw");
    if width == 0 {
        return String::new();
    }
    terminal.backend().to_string()
}

pub fn press(code: KeyCode) -> KeyEvent {
    key(code, KeyEventKind::Press)
}

pub fn key(code: KeyCode, kind: KeyEventKind) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind,
        state: KeyEventState::NONE,
    }
}

pub fn dashboard_view() -> DashboardView {
    DashboardView {
        today: today(),
        due_today: 12,
        new_today: 20,
        reviewed_today: 5,
        streak_days: 4,
        lessons: vec![
            LessonRow {
                id: "distillation".into(),
                title: "Дестилация на смеси от етанол и вода".into(),
                cards: 42,
                due: 9,
                new: 14,
                mastered: 11,
            },
            LessonRow {
                id: "knowledge-distillation".into(),
                title: "Дистилация на знания (Knowledge Distillation)".into(),
                cards: 36,
                due: 3,
                new: 6,
                mastered: 30,
            },
        ],
        prompts: vec![PromptRow {
            lesson_title: "Дестилация на смеси от етанол и вода".into(),
            days: 3,
            prompt: "Обяснете защо при **азеотропа** (95,6 % етанол) простата дестилация спира."
                .into(),
        }],
        forecast: vec![12, 4, 7, 0, 2, 9, 1, 0, 0, 3, 5, 0, 1, 6],
    }
}

/// Builds the wait labels of the four grade buttons.
pub fn waits(labels: [&str; 4]) -> [String; 4] {
    labels.map(str::to_string)
}

pub fn review_cards() -> Vec<ReviewCard> {
    vec![
        ReviewCard {
            id: "c1".into(),
            lesson_title: "Дестилация на смеси от етанол и вода".into(),
            kind: "Concept".into(),
            front: "**Флегмово число** (reflux ratio)".into(),
            back: "Отношението между върнатия в колоната кондензат и отведения \
                   дестилат: по-голямо число дава по-чист продукт, но „струва“ \
                   повече пара и енергия."
                .into(),
            waits: waits(["today", "3d", "1w", "1mo"]),
        },
        ReviewCard {
            id: "c2".into(),
            lesson_title: "Дестилация на смеси от етанол и вода".into(),
            kind: "Concept".into(),
            front: "Относителна летливост".into(),
            back: "Отношението на летливостите на два компонента, `α = K₁ / K₂`.\n\
                   При α близо до 1 разделянето изисква много тарелки."
                .into(),
            waits: waits(["today", "1d", "3d", "1w"]),
        },
        ReviewCard {
            id: "c3".into(),
            lesson_title: "Дистилация на знания (Knowledge Distillation)".into(),
            kind: "Pitfall".into(),
            front: "Твърде висока *температура* на softmax".into(),
            back: "Разпределението става почти равномерно и меките цели \
                   (soft targets) вече не носят информация за подобието на класовете."
                .into(),
            waits: waits(["today", "1d", "3d", "1w"]),
        },
    ]
}

pub fn stats_view() -> StatsView {
    let today = today();
    let reviews_per_day = (0..120)
        .filter(|offset| offset % 3 != 1)
        .map(|offset: i64| (today - Duration::days(offset), ((offset * 7) % 23) as u32))
        .filter(|(_, count)| *count > 0)
        .rev()
        .collect();
    StatsView {
        today,
        reviews_per_day,
        retention: Some(0.874),
        total_reviews: 1_234,
        new_cards: 40,
        cards_per_rung: vec![3, 12, 9, 6, 11],
        forecast: (0..30).map(|day| (day * 5 % 11) as u32).collect(),
    }
}

pub fn dashboard_app() -> App {
    app_with(DashboardScreen::new(dashboard_view()))
}

pub fn review_app() -> App {
    app_with(ReviewScreen::new(None, review_cards()))
}

pub fn stats_app() -> App {
    app_with(StatsScreen::new(stats_view()))
}

/// Grades the current card of `screen` by key `'1'`..`'4'` and feeds the
/// store's reply back, the way the app does after running the task.
pub fn answer(screen: &mut ReviewScreen, grade_key: char, log_id: i64, requeue: bool) {
    use distill::tui::model::AnswerRecorded;
    use distill::tui::{Action, Reply};

    if !screen.is_revealed() {
        screen.handle_key(press(KeyCode::Char(' ')));
    }
    let action = screen.handle_key(press(KeyCode::Char(grade_key)));
    let Action::Store(task) = action else {
        panic!("grade key {grade_key} returned {action:?}, expected a store task");
    };
    let recorded = AnswerRecorded {
        log_id,
        requeue,
        due: today() + Duration::days(1),
    };
    let next = screen.on_reply(task.label(), Ok(Reply::new(recorded)));
    if let Action::Store(task) = next {
        let next_due: Option<NaiveDate> = Some(today() + Duration::days(1));
        screen.on_reply(task.label(), Ok(Reply::new(next_due)));
    }
}
