//! The review session: one card at a time, front first, graded 1 to 4.
//!
//! Every grade is written to the store before the next card appears: a grade
//! key returns a [`StoreTask`], and the screen moves on only when the task's
//! reply confirms the write. If the write fails, the same card stays on
//! screen and can be graded again. Undo takes back the last answer of this
//! session in the store and shows that card again.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::data;
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::model::{
    AnswerRecorded, Grade, ReviewCard, SessionSummary, format_clock, grade_index, grade_name,
};
use super::screen::{Action, Context, Reply, Screen, StoreTask, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::wrap_lines;

/// Number of other cards shown before a card answered Again comes back,
/// when the queue has that many.
pub const REQUEUE_GAP: usize = 3;

const RECORD_LABEL: &str = "record answer";
const UNDO_LABEL: &str = "undo answer";
const NEXT_DUE_LABEL: &str = "find next due day";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Reveal,
    Grade(Grade),
    Undo,
    ScrollUp,
    ScrollDown,
}

static KEYS: KeyTable<Command> = KeyTable::new(
    "Review",
    &[
        KeyBinding::new(
            &[Key::char(' '), Key::plain(KeyCode::Enter)],
            "show",
            "Show the answer; after the session, return to the dashboard.",
            Command::Reveal,
        ),
        KeyBinding::new(
            &[Key::char('1')],
            "again",
            "Grade Again: forgotten. The card comes back in this session.",
            Command::Grade(Grade::Again),
        ),
        KeyBinding::new(
            &[Key::char('2')],
            "hard",
            "Grade Hard: recalled with effort. The card stays on its rung.",
            Command::Grade(Grade::Hard),
        ),
        KeyBinding::new(
            &[Key::char('3')],
            "good",
            "Grade Good: recalled. The card moves up one rung.",
            Command::Grade(Grade::Good),
        ),
        KeyBinding::new(
            &[Key::char('4')],
            "easy",
            "Grade Easy: recalled at once. The card moves up two rungs.",
            Command::Grade(Grade::Easy),
        ),
        KeyBinding::new(
            &[Key::char('u')],
            "undo",
            "Undo the last answer of this session and show that card again.",
            Command::Undo,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Scroll a card that is taller than the screen up.",
            Command::ScrollUp,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Scroll a card that is taller than the screen down.",
            Command::ScrollDown,
        ),
    ],
);

/// A store write that was requested and whose reply has not arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    Answer(Grade),
    Undo,
}

/// An answer recorded in this session, kept for undo.
#[derive(Debug, Clone)]
struct Answered {
    card: ReviewCard,
    grade: Grade,
    log_id: i64,
    requeued: bool,
}

/// State of one review session.
#[derive(Debug)]
pub struct ReviewScreen {
    lesson: Option<String>,
    /// Cards still to answer; the front one is on screen.
    queue: VecDeque<ReviewCard>,
    revealed: bool,
    /// Lines of the card scrolled off the top; clamped when drawn.
    scroll: u16,
    shown_at: Instant,
    started: Instant,
    /// Session time as of the last tick or answer; rendering reads this
    /// instead of the clock, so a frame depends on state only.
    elapsed: Duration,
    answered: Vec<Answered>,
    pending: Option<Pending>,
    next_due: Option<NaiveDate>,
}

impl ReviewScreen {
    /// Loads today's session from the store, for one lesson or all.
    pub fn open(ctx: &mut Context, lesson: Option<&str>) -> Result<Self, TaskError> {
        let cards = data::load_session(ctx, lesson)?;
        let mut screen = Self::new(lesson.map(str::to_string), cards);
        if screen.is_finished() {
            screen.next_due = data::next_due_day(ctx)?;
        }
        Ok(screen)
    }

    /// Creates a session over `cards`, in order.
    pub fn new(lesson: Option<String>, cards: Vec<ReviewCard>) -> Self {
        let now = Instant::now();
        Self {
            lesson,
            queue: cards.into(),
            revealed: false,
            scroll: 0,
            shown_at: now,
            started: now,
            elapsed: Duration::ZERO,
            answered: Vec::new(),
            pending: None,
            next_due: None,
        }
    }

    /// Returns the card on screen, or `None` when the session is over.
    pub fn current(&self) -> Option<&ReviewCard> {
        self.queue.front()
    }

    pub fn is_revealed(&self) -> bool {
        self.revealed
    }

    pub fn is_finished(&self) -> bool {
        self.queue.is_empty()
    }

    /// Returns (answers given, answers given plus cards left).
    pub fn progress(&self) -> (usize, usize) {
        let done = self.answered.len();
        (done, done + self.queue.len())
    }

    /// Returns the ids of the cards still to answer, the current one first.
    pub fn queue_ids(&self) -> Vec<&str> {
        self.queue.iter().map(|card| card.id.as_str()).collect()
    }

    /// Returns the totals of the session so far.
    pub fn summary(&self) -> SessionSummary {
        let mut answers = [0; 4];
        for answer in &self.answered {
            answers[grade_index(answer.grade)] += 1;
        }
        SessionSummary {
            answers,
            elapsed: self.elapsed,
            next_due: self.next_due,
        }
    }

    /// Sets the session time shown, for deterministic snapshots.
    pub fn set_elapsed(&mut self, elapsed: Duration) {
        self.elapsed = elapsed;
    }

    fn reveal(&mut self) -> Action {
        if self.is_finished() {
            return Action::Back;
        }
        self.revealed = true;
        Action::None
    }

    fn grade(&mut self, grade: Grade) -> Action {
        let Some(card) = self.current() else {
            return Action::None;
        };
        if !self.revealed {
            return Action::Notify("Press Space to show the answer before grading.".into());
        }
        let card_id = card.id.clone();
        let duration = self.shown_at.elapsed();
        self.pending = Some(Pending::Answer(grade));
        Action::Store(StoreTask::new(RECORD_LABEL, move |ctx: &mut Context| {
            data::record_answer(ctx, &card_id, grade, duration)
        }))
    }

    fn undo(&mut self) -> Action {
        let Some(last) = self.answered.last() else {
            return Action::Notify("No answer of this session to undo.".into());
        };
        let log_id = last.log_id;
        self.pending = Some(Pending::Undo);
        Action::Store(StoreTask::new(UNDO_LABEL, move |ctx: &mut Context| {
            data::undo_answer(ctx, log_id)
        }))
    }

    /// Moves past the current card once its answer is in the store.
    fn answer_recorded(&mut self, grade: Grade, recorded: AnswerRecorded) -> Action {
        let Some(card) = self.queue.pop_front() else {
            return Action::None;
        };
        if recorded.requeue {
            let position = REQUEUE_GAP.min(self.queue.len());
            self.queue.insert(position, card.clone());
        }
        self.answered.push(Answered {
            card,
            grade,
            log_id: recorded.log_id,
            requeued: recorded.requeue,
        });
        self.show_next_card();
        if self.is_finished() {
            return Action::Store(StoreTask::new(NEXT_DUE_LABEL, data::next_due_day));
        }
        Action::None
    }

    /// Puts the card of the undone answer back on screen.
    fn answer_undone(&mut self) -> Action {
        let Some(last) = self.answered.pop() else {
            return Action::None;
        };
        if last.requeued {
            let copy = self.queue.iter().position(|card| card.id == last.card.id);
            if let Some(index) = copy {
                self.queue.remove(index);
            }
        }
        self.queue.push_front(last.card);
        self.show_next_card();
        Action::None
    }

    fn show_next_card(&mut self) {
        self.revealed = false;
        self.scroll = 0;
        self.shown_at = Instant::now();
        self.elapsed = self.started.elapsed();
    }
}

impl Screen for ReviewScreen {
    fn title(&self) -> String {
        "Review".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [header, gauge, body] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(self.header_line(header.width, theme)),
            header,
        );
        let (done, total) = self.progress();
        let gauge_line = widgets::gauge_line(done, total, gauge.width, theme);
        frame.render_widget(Paragraph::new(gauge_line), gauge);
        match self.current() {
            Some(card) => self.render_card(frame, body, card, theme),
            None => self.render_summary(frame, body, theme),
        }
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        let Some(command) = KEYS.command_for(&key) else {
            return Action::Unhandled;
        };
        if self.pending.is_some() {
            return Action::None;
        }
        match command {
            Command::Reveal => self.reveal(),
            Command::Grade(grade) => self.grade(grade),
            Command::Undo => self.undo(),
            Command::ScrollUp => {
                self.scroll = self.scroll.saturating_sub(1);
                Action::None
            }
            Command::ScrollDown => {
                self.scroll = self.scroll.saturating_add(1);
                Action::None
            }
        }
    }

    fn tick(&mut self) -> Action {
        if !self.is_finished() {
            self.elapsed = self.started.elapsed();
        }
        Action::None
    }

    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        let pending = self.pending.take();
        let reply = match reply {
            Ok(reply) => reply,
            Err(err) => return failure_notice(label, &err),
        };
        match (pending, label) {
            (Some(Pending::Answer(grade)), RECORD_LABEL) => match reply.downcast() {
                Ok(recorded) => self.answer_recorded(grade, recorded),
                Err(_) => unexpected_reply(label),
            },
            (Some(Pending::Undo), UNDO_LABEL) => self.answer_undone(),
            (_, NEXT_DUE_LABEL) => {
                self.next_due = reply.downcast().unwrap_or(None);
                Action::None
            }
            _ => unexpected_reply(label),
        }
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}

fn grade_buttons(card: &ReviewCard, with_names: bool, theme: &Theme) -> Line<'static> {
    let separator = if with_names { "   " } else { "  " };
    let mut spans = Vec::new();
    for (grade, wait) in Grade::ALL.iter().zip(&card.waits) {
        if !spans.is_empty() {
            spans.push(Span::raw(separator));
        }
        spans.push(Span::styled(grade.number().to_string(), theme.key));
        if with_names {
            spans.push(Span::styled(format!(" {}", grade_name(*grade)), theme.text));
        }
        spans.push(Span::raw(" "));
        spans.push(Span::styled(sanitize(wait).into_owned(), theme.accent));
    }
    Line::from(spans)
}

fn failure_notice(label: &str, err: &TaskError) -> Action {
    let text = match label {
        RECORD_LABEL => format!("Saving the answer failed: {err}. Grade the card again."),
        UNDO_LABEL => format!("Undo failed: {err}"),
        _ => format!("{label} failed: {err}"),
    };
    Action::Notify(text)
}

fn unexpected_reply(label: &str) -> Action {
    tracing::error!(
        task = label,
        "review screen received a reply it did not request"
    );
    Action::Notify(format!("Internal error: unexpected reply to {label}."))
}

// Drawing.
impl ReviewScreen {
    fn header_line(&self, width: u16, theme: &Theme) -> Line<'static> {
        let title = match &self.lesson {
            Some(lesson) => format!("Review · {lesson}"),
            None => "Review".to_string(),
        };
        let (done, total) = self.progress();
        let right = format!("{done} of {total}  {}", format_clock(self.elapsed));
        widgets::spread(
            Span::styled(title, theme.title),
            Span::styled(right, theme.dim),
            width,
        )
    }

    fn render_card(&self, frame: &mut Frame, area: Rect, card: &ReviewCard, theme: &Theme) {
        let [card_area, grades] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let title = format!(" {} · {} ", card.kind, card.lesson_title);
        let mut block =
            Block::bordered().title(Span::styled(sanitize(&title).into_owned(), theme.dim));
        let inner = block.inner(card_area);
        let lines = self.card_lines(card, inner.width, theme);
        let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = usize::from(self.scroll).min(max_scroll);
        if scroll < max_scroll {
            block = block.title_bottom(Line::styled(" ↓ more ", theme.key).right_aligned());
        }
        frame.render_widget(block, card_area);
        let visible: Vec<Line<'_>> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(visible), inner);
        let grade_line = self.grade_line(card, grades.width, theme);
        frame.render_widget(Paragraph::new(grade_line), grades);
    }

    fn card_lines(&self, card: &ReviewCard, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let front = inline_line(&card.front, theme).patch_style(theme.bold);
        let mut lines = wrap_lines(&[front], width);
        if self.revealed {
            lines.push(Line::styled("─".repeat(usize::from(width)), theme.dim));
            let back: Vec<Line<'_>> = card
                .back
                .lines()
                .map(|line| inline_line(line, theme))
                .collect();
            lines.extend(wrap_lines(&back, width));
        }
        lines
    }

    /// Builds the grade buttons with the interval each grade gives, without
    /// the grade names when the full line does not fit `width`.
    fn grade_line(&self, card: &ReviewCard, width: u16, theme: &Theme) -> Line<'static> {
        if !self.revealed {
            return Line::from(vec![
                Span::styled("Space", theme.key),
                Span::styled(" show answer", theme.dim),
            ]);
        }
        let full = grade_buttons(card, true, theme);
        if full.width() <= usize::from(width) {
            full
        } else {
            grade_buttons(card, false, theme)
        }
    }

    fn render_summary(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let summary = self.summary();
        let mut lines = vec![
            Line::styled(self.summary_title(), theme.title),
            Line::default(),
        ];
        let answers: Vec<String> = Grade::ALL
            .iter()
            .map(|&grade| {
                format!(
                    "{} {}",
                    grade_name(grade),
                    summary.answers[grade_index(grade)]
                )
            })
            .collect();
        lines.push(Line::raw(format!("Answers: {}", answers.join(" · "))));
        lines.push(Line::raw(format!(
            "Time: {}",
            format_clock(summary.elapsed)
        )));
        let next = match summary.next_due {
            Some(day) => day.format("%A %-d %B %Y").to_string(),
            None => "no cards scheduled".to_string(),
        };
        lines.push(Line::raw(format!("Next due: {next}")));
        lines.push(Line::default());
        lines.push(Line::styled(
            "Press Enter to return to the dashboard.",
            theme.dim,
        ));
        widgets::render_centered(frame.buffer_mut(), area, lines);
    }

    fn summary_title(&self) -> &'static str {
        if self.answered.is_empty() {
            "Nothing to review right now."
        } else {
            "Session complete."
        }
    }
}
