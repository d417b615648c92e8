//! The dashboard: today's counts, one row per lesson, due lesson review
//! prompts and a 14-day forecast, with keys to open every other screen.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState};

use super::data;
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::model::DashboardView;
use super::screen::{Action, Context, Reply, Route, Screen, StoreTask, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::wrap_line;

const RELOAD_LABEL: &str = "reload dashboard";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
    Review,
    ReviewLesson,
    Read,
    Path,
    Quiz,
    Prompts,
    KdDemo,
    ColumnDemo,
    Stats,
}

static KEYS: KeyTable<Command> = KeyTable::new(
    "Dashboard",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter), Key::char(' ')],
            "review",
            "Start today's review session over all lessons.",
            Command::Review,
        ),
        KeyBinding::new(
            &[Key::char('l')],
            "",
            "Review only the selected lesson.",
            Command::ReviewLesson,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Select the previous lesson.",
            Command::Up,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Select the next lesson.",
            Command::Down,
        ),
        KeyBinding::new(
            &[Key::char('r')],
            "read",
            "Read the selected lesson.",
            Command::Read,
        ),
        KeyBinding::new(
            &[Key::char('p')],
            "path",
            "Walk the selected lesson's learning path step by step.",
            Command::Path,
        ),
        KeyBinding::new(
            &[Key::char('t')],
            "quiz",
            "Take the retrieval quiz of the selected lesson.",
            Command::Quiz,
        ),
        KeyBinding::new(
            &[Key::char('v')],
            "prompts",
            "Answer the lesson review prompts that are due.",
            Command::Prompts,
        ),
        KeyBinding::new(
            &[Key::char('s')],
            "stats",
            "Show review statistics.",
            Command::Stats,
        ),
        KeyBinding::new(
            &[Key::char('d')],
            "KD demo",
            "Open the knowledge-distillation demo: a student network learns from a teacher.",
            Command::KdDemo,
        ),
        KeyBinding::new(
            &[Key::char('c')],
            "column",
            "Open the ethanol-water distillation column demo.",
            Command::ColumnDemo,
        ),
    ],
);

/// The dashboard's data and the selected lesson row.
#[derive(Debug, Clone)]
pub struct DashboardScreen {
    view: DashboardView,
    selected: usize,
}

impl DashboardScreen {
    /// Loads the dashboard from the store.
    pub fn open(ctx: &mut Context) -> Result<Self, TaskError> {
        Ok(Self::new(data::load_dashboard(ctx)?))
    }

    pub fn new(view: DashboardView) -> Self {
        Self { view, selected: 0 }
    }

    pub fn view(&self) -> &DashboardView {
        &self.view
    }

    /// Returns the index of the selected lesson row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    fn selected_lesson(&self) -> Option<String> {
        self.view
            .lessons
            .get(self.selected)
            .map(|row| row.id.clone())
    }

    fn move_selection(&mut self, down: bool) {
        let last = self.view.lessons.len().saturating_sub(1);
        self.selected = if down {
            (self.selected + 1).min(last)
        } else {
            self.selected.saturating_sub(1)
        };
    }

    /// Opens the lesson screen built by `route` for the selected lesson.
    fn open_lesson(&self, route: fn(String) -> Route) -> Action {
        match self.selected_lesson() {
            Some(lesson) => Action::Open(route(lesson)),
            None => Action::Notify("No lessons yet: import one with distill import.".into()),
        }
    }
}

impl Screen for DashboardScreen {
    fn title(&self) -> String {
        "Dashboard".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let counts = wrap_line(&self.counts_line(theme), area.width);
        let areas = self.layout(area, counts.len());
        self.render_title(frame, areas.title, theme);
        frame.render_widget(Paragraph::new(counts), areas.counts);
        self.render_lessons(frame, areas.lessons, theme);
        self.render_prompts(frame, areas.prompts, theme);
        let title = "Due in the next 14 days";
        widgets::render_forecast(frame, areas.forecast, title, &self.view.forecast, theme);
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        let Some(command) = KEYS.command_for(&key) else {
            return Action::Unhandled;
        };
        match command {
            Command::Up => self.move_selection(false),
            Command::Down => self.move_selection(true),
            Command::Review => return Action::Open(Route::Review { lesson: None }),
            Command::ReviewLesson => {
                return self.open_lesson(|lesson| Route::Review {
                    lesson: Some(lesson),
                });
            }
            Command::Read => return self.open_lesson(|lesson| Route::Reader { lesson }),
            Command::Path => return self.open_lesson(|lesson| Route::Path { lesson }),
            Command::Quiz => return self.open_lesson(|lesson| Route::Quiz { lesson }),
            Command::Prompts => return Action::Open(Route::ReviewPrompts),
            Command::KdDemo => return Action::Open(Route::KdDemo),
            Command::ColumnDemo => return Action::Open(Route::ColumnDemo),
            Command::Stats => return Action::Open(Route::Stats),
        }
        Action::None
    }

    fn on_resume(&mut self) -> Action {
        Action::Store(StoreTask::new(RELOAD_LABEL, data::load_dashboard))
    }

    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        match reply.map(Reply::downcast::<DashboardView>) {
            Ok(Ok(view)) => {
                self.view = view;
                self.selected = self.selected.min(self.view.lessons.len().saturating_sub(1));
                Action::None
            }
            Ok(Err(_)) => Action::Notify(format!("Internal error: unexpected reply to {label}.")),
            Err(err) => Action::Notify(format!("Reloading the dashboard failed: {err}")),
        }
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}

/// Areas of the dashboard's parts, top to bottom.
struct Areas {
    title: Rect,
    counts: Rect,
    lessons: Rect,
    prompts: Rect,
    forecast: Rect,
}

/// Rows the forecast needs to be worth showing: title, bars and labels.
const MIN_FORECAST_HEIGHT: u16 = 6;
/// Prompt rows shown at most, the last one saying how many more are due.
const MAX_PROMPT_ROWS: u16 = 4;

// Drawing.
impl DashboardScreen {
    /// Splits `area` from the top: title, counts, lessons, then the due
    /// prompts and the forecast when rows remain, each after a blank row.
    fn layout(&self, area: Rect, counts_height: usize) -> Areas {
        let mut rest = area;
        let title = take_rows(&mut rest, 1);
        let counts = take_rows(&mut rest, u16::try_from(counts_height).unwrap_or(u16::MAX));
        take_rows(&mut rest, 1);
        let lesson_rows = u16::try_from(self.view.lessons.len().max(1)).unwrap_or(u16::MAX);
        let lessons = take_rows(&mut rest, lesson_rows.saturating_add(1));
        let prompts = if self.view.prompts.is_empty() || rest.height < 3 {
            Rect::default()
        } else {
            take_rows(&mut rest, 1);
            let wanted = u16::try_from(self.view.prompts.len()).unwrap_or(u16::MAX);
            take_rows(&mut rest, wanted.min(MAX_PROMPT_ROWS).saturating_add(1))
        };
        let forecast = if rest.height > MIN_FORECAST_HEIGHT {
            take_rows(&mut rest, 1);
            rest
        } else {
            Rect::default()
        };
        Areas {
            title,
            counts,
            lessons,
            prompts,
            forecast,
        }
    }

    fn render_title(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let date = self.view.today.format("%A %-d %B %Y").to_string();
        let line = widgets::spread(
            Span::styled("distill", theme.title),
            Span::styled(date, theme.dim),
            area.width,
        );
        frame.render_widget(Paragraph::new(line), area);
    }

    fn counts_line(&self, theme: &Theme) -> Line<'static> {
        let view = &self.view;
        let streak_unit = if view.streak_days == 1 { "day" } else { "days" };
        let items = [
            ("Due ", view.due_today.to_string()),
            ("New ", view.new_today.to_string()),
            ("Reviewed ", view.reviewed_today.to_string()),
            ("Streak ", format!("{} {streak_unit}", view.streak_days)),
        ];
        let mut spans = Vec::new();
        for (label, value) in items {
            if !spans.is_empty() {
                spans.push(Span::raw("   "));
            }
            spans.push(Span::styled(label, theme.dim));
            spans.push(Span::styled(value, theme.accent));
        }
        Line::from(spans)
    }

    fn render_lessons(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if self.view.lessons.is_empty() {
            let text = "No lessons yet. Import one with: distill import FILE.md";
            frame.render_widget(Paragraph::new(Line::styled(text, theme.dim)), area);
            return;
        }
        let header = Row::new(["Lesson", "Cards", "Due", "New", "Mastered"]).style(theme.dim);
        let rows = self.view.lessons.iter().map(|lesson| {
            Row::new([
                Cell::from(sanitize(&lesson.title).into_owned()),
                Cell::from(lesson.cards.to_string()),
                Cell::from(lesson.due.to_string()),
                Cell::from(lesson.new.to_string()),
                Cell::from(format!("{}%", lesson.mastered_percent())),
            ])
        });
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(4),
            Constraint::Length(4),
            Constraint::Length(8),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected)
            .highlight_symbol("> ")
            .highlight_spacing(HighlightSpacing::Always);
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(table, area, &mut state);
    }

    fn render_prompts(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if area.height == 0 {
            return;
        }
        let slots = usize::from(area.height - 1);
        let prompts = &self.view.prompts;
        let shown = if prompts.len() > slots {
            slots.saturating_sub(1)
        } else {
            prompts.len()
        };
        let mut lines = vec![Line::styled("Lesson review prompts due", theme.title)];
        for prompt in &prompts[..shown] {
            let mut line = inline_line(&prompt.prompt, theme);
            let prefix = format!("{} · day {}: ", sanitize(&prompt.lesson_title), prompt.days);
            line.spans.insert(0, Span::styled(prefix, theme.dim));
            // One row per prompt, so every due prompt gets a row.
            lines.extend(wrap_line(&line, area.width).into_iter().take(1));
        }
        if shown < prompts.len() {
            let more = format!("… and {} more", prompts.len() - shown);
            lines.push(Line::styled(more, theme.dim));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// Takes up to `rows` rows off the top of `rest` and returns them.
fn take_rows(rest: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(rest.height);
    let taken = Rect {
        height: rows,
        ..*rest
    };
    rest.y += rows;
    rest.height -= rows;
    taken
}
