//! The quiz screen: one item at a time, multiple choice with the arrow or
//! number keys, typed terms in a text field, and free-recall questions that
//! reveal the lesson's answer and take a self-grade. The end shows the
//! score and the missed items.
//!
//! Every answer is written to the store before the next item appears: an
//! answer returns a [`StoreTask`], and the screen moves on only after the
//! reply confirms the write. If the write fails, the answer stays on screen
//! and Enter tries again.

use std::cell::Cell;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::input::{InputAction, TextInput};
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::reader::{concept_lines, hanging_lines};
use super::screen::{Action, Context, Reply, Screen, StoreTask, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::wrap_lines;
use crate::quiz;
use crate::quiz::{
    Attempt, Choice, ItemKind, Outcome, Question, Quiz, QuizItem, Recall, Scorecard, Verdict,
};
use crate::schedule::Grade;
use crate::store::RecordedAttempt;

const RECORD_LABEL: &str = "record quiz answer";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
    Option(usize),
    Confirm,
    Grade(Grade),
    GiveUp,
}

static CHOICE_KEYS: KeyTable<Command> = KeyTable::new(
    "Quiz: multiple choice",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Select the previous option.",
            Command::Up,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Select the next option.",
            Command::Down,
        ),
        KeyBinding::new(
            &[Key::char('1')],
            "",
            "Choose option 1.",
            Command::Option(0),
        ),
        KeyBinding::new(
            &[Key::char('2')],
            "",
            "Choose option 2.",
            Command::Option(1),
        ),
        KeyBinding::new(
            &[Key::char('3')],
            "",
            "Choose option 3.",
            Command::Option(2),
        ),
        KeyBinding::new(
            &[Key::char('4')],
            "",
            "Choose option 4.",
            Command::Option(3),
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter)],
            "choose",
            "Choose the selected option.",
            Command::Confirm,
        ),
    ],
);

static TYPING_KEYS: KeyTable<Command> = KeyTable::new(
    "Quiz: typed answer",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter)],
            "check",
            "Check the typed answer; for a lesson question, show its answer.",
            Command::Confirm,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Tab)],
            "don't know",
            "Give up on a typed term and see the answer.",
            Command::GiveUp,
        ),
    ],
);

static GRADE_KEYS: KeyTable<Command> = KeyTable::new(
    "Quiz: self-grade",
    &[
        KeyBinding::new(
            &[Key::char('1')],
            "again",
            "Grade Again: not recalled. Counts as missed.",
            Command::Grade(Grade::Again),
        ),
        KeyBinding::new(
            &[Key::char('2')],
            "hard",
            "Grade Hard: recalled with effort.",
            Command::Grade(Grade::Hard),
        ),
        KeyBinding::new(
            &[Key::char('3')],
            "good",
            "Grade Good: recalled.",
            Command::Grade(Grade::Good),
        ),
        KeyBinding::new(
            &[Key::char('4')],
            "easy",
            "Grade Easy: recalled at once.",
            Command::Grade(Grade::Easy),
        ),
    ],
);

static SUMMARY_KEYS: KeyTable<Command> = KeyTable::new(
    "Quiz: score",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter), Key::char(' ')],
            "return",
            "Return to the previous screen.",
            Command::Confirm,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "scroll",
            "Scroll the missed items down.",
            Command::Down,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Scroll the missed items up.",
            Command::Up,
        ),
    ],
);

static NEXT_KEYS: KeyTable<Command> = KeyTable::new(
    "Quiz: answered",
    &[KeyBinding::new(
        &[Key::plain(KeyCode::Enter), Key::char(' ')],
        "next",
        "Go on to the next question; at the end, return to the previous screen.",
        Command::Confirm,
    )],
);

/// The state of the item on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// A multiple-choice item, with the 0-based selected option.
    Choosing { selected: usize },
    /// A typed-term item or a free-recall question, before the answer.
    Typing { input: TextInput },
    /// A free-recall question after the reveal, waiting for a self-grade.
    Revealed { response: String },
    /// The answer is checked, and `saved` becomes true once the store
    /// confirmed it.
    Answered { outcome: Outcome, saved: bool },
    /// The quiz is over: every item has its answer.
    Finished,
}

/// The lines of the item on screen, with the line to keep visible and the
/// row of the text field.
struct ItemLayout {
    lines: Vec<Line<'static>>,
    focus: usize,
    input_row: Option<usize>,
}

/// State of one quiz run.
#[derive(Debug)]
pub struct QuizScreen {
    quiz: Quiz,
    index: usize,
    stage: Stage,
    scorecard: Scorecard,
    shown_at: Instant,
    /// Time the current answer took, kept for a retried write.
    duration: Duration,
    pending: bool,
    /// First line of the score page shown.
    summary_offset: usize,
    /// Number of score-page lines that fit and that exist, at the last
    /// frame. Rendering writes only this cache, so scrolling stops at the
    /// end. The scroll position itself changes only on keys.
    summary_viewport: Cell<(usize, usize)>,
}

impl QuizScreen {
    /// Loads `lesson` from the store and creates a run over a new quiz on
    /// it, seeded from the clock so that each run asks in a new order. The
    /// other stored lessons give extra options when the lesson has too few
    /// concepts.
    pub fn open(ctx: &mut Context, lesson: &str) -> Result<Self, TaskError> {
        let seed = ctx.now().timestamp_millis().unsigned_abs();
        let store = ctx.store()?;
        let lesson = store.load_lesson(lesson)?;
        let mut others = Vec::new();
        for other in store.load_other_lessons(&lesson.id)? {
            match other {
                Ok(other) => others.push(other),
                Err(err) => tracing::warn!(error = %err, "lesson left out of quiz options"),
            }
        }
        Ok(Self::new(quiz::generate(&lesson, &others, seed)))
    }

    /// Creates a run over the items of `quiz`, in order.
    pub fn new(quiz: Quiz) -> Self {
        let mut screen = Self {
            quiz,
            index: 0,
            stage: Stage::Finished,
            scorecard: Scorecard::default(),
            shown_at: Instant::now(),
            duration: Duration::ZERO,
            pending: false,
            summary_offset: 0,
            summary_viewport: Cell::new((0, usize::MAX)),
        };
        screen.show_item(0);
        screen
    }

    /// Returns the item on screen, or `None` when the quiz is over.
    pub fn current(&self) -> Option<&QuizItem> {
        match self.stage {
            Stage::Finished => None,
            _ => self.quiz.items.get(self.index),
        }
    }

    /// Returns the answers checked so far.
    pub fn scorecard(&self) -> &Scorecard {
        &self.scorecard
    }

    /// Returns whether every item is answered.
    pub fn is_finished(&self) -> bool {
        self.stage == Stage::Finished
    }

    /// Returns whether the answer on screen waits for the store.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    fn show_item(&mut self, index: usize) {
        self.index = index;
        self.shown_at = Instant::now();
        self.stage = match self.quiz.items.get(index).map(|item| &item.question) {
            Some(Question::Choice(_)) => Stage::Choosing { selected: 0 },
            Some(Question::Typed(_) | Question::Recall(_)) => Stage::Typing {
                input: TextInput::default(),
            },
            None => Stage::Finished,
        };
    }

    fn key_table(&self) -> &'static KeyTable<Command> {
        match &self.stage {
            Stage::Choosing { .. } => &CHOICE_KEYS,
            Stage::Typing { .. } => &TYPING_KEYS,
            Stage::Revealed { .. } => &GRADE_KEYS,
            Stage::Answered { .. } => &NEXT_KEYS,
            Stage::Finished => &SUMMARY_KEYS,
        }
    }

    fn choose(&mut self, option: usize) -> Action {
        let Some(item) = self.quiz.items.get(self.index) else {
            return Action::None;
        };
        match Outcome::choose(item, option) {
            Some(outcome) => self.answer(outcome),
            None => Action::None,
        }
    }

    fn scroll_summary(&mut self, down: bool) {
        let (height, total) = self.summary_viewport.get();
        let last = total.saturating_sub(height);
        self.summary_offset = match down {
            true => (self.summary_offset + 1).min(last),
            false => self.summary_offset.saturating_sub(1),
        };
    }

    fn move_selection(&mut self, down: bool) {
        let count = match self.current().map(|item| &item.question) {
            Some(Question::Choice(choice)) => choice.options.len(),
            _ => return,
        };
        if let Stage::Choosing { selected } = &mut self.stage {
            *selected = match down {
                true => (*selected + 1).min(count.saturating_sub(1)),
                false => selected.saturating_sub(1),
            };
        }
    }

    fn submit_text(&mut self, give_up: bool) -> Action {
        let Stage::Typing { input } = &self.stage else {
            return Action::None;
        };
        let response = input.text().trim().to_string();
        let Some(item) = self.quiz.items.get(self.index) else {
            return Action::None;
        };
        match &item.question {
            Question::Recall(_) => {
                self.stage = Stage::Revealed { response };
                Action::None
            }
            Question::Typed(_) if response.is_empty() && !give_up => Action::Notify(
                "Type the term first, or press Tab if you do not know it.".to_string(),
            ),
            Question::Typed(_) => match Outcome::type_term(item, &response) {
                Some(outcome) => self.answer(outcome),
                None => Action::None,
            },
            Question::Choice(_) => Action::None,
        }
    }

    fn self_grade(&mut self, grade: Grade) -> Action {
        let Stage::Revealed { response } = &self.stage else {
            return Action::None;
        };
        let Some(item) = self.quiz.items.get(self.index) else {
            return Action::None;
        };
        match Outcome::recall(item, response, grade) {
            Some(outcome) => self.answer(outcome),
            None => Action::None,
        }
    }

    /// Shows the checked answer and asks the app to store it.
    fn answer(&mut self, outcome: Outcome) -> Action {
        self.duration = self.shown_at.elapsed();
        self.stage = Stage::Answered {
            outcome,
            saved: false,
        };
        self.save()
    }

    fn save(&mut self) -> Action {
        let Stage::Answered { outcome, .. } = &self.stage else {
            return Action::None;
        };
        let Some(attempt) = Attempt::new(&self.quiz, self.index, outcome, self.duration) else {
            return Action::None;
        };
        self.pending = true;
        Action::Store(StoreTask::new(RECORD_LABEL, move |ctx: &mut Context| {
            record_attempt(ctx, &attempt)
        }))
    }

    fn next(&mut self) -> Action {
        match &self.stage {
            Stage::Answered { saved: false, .. } => self.save(),
            Stage::Answered { saved: true, .. } => {
                self.show_item(self.index + 1);
                Action::None
            }
            Stage::Finished => Action::Back,
            _ => Action::None,
        }
    }

    fn saved(&mut self) {
        if let Stage::Answered { outcome, saved } = &mut self.stage {
            *saved = true;
            self.scorecard.record(self.index, outcome.clone());
        }
    }

    fn handle_typing(&mut self, key: KeyEvent) -> Action {
        if let Some(command) = TYPING_KEYS.command_for(&key) {
            return self.submit_text(command == Command::GiveUp);
        }
        let Stage::Typing { input } = &mut self.stage else {
            return Action::Unhandled;
        };
        match input.handle_key(key) {
            InputAction::Cancel => Action::Unhandled,
            InputAction::Ignored if is_global_key(&key) => Action::Unhandled,
            _ => Action::None,
        }
    }
}

/// Returns whether a key the text field does not use is one of the app's
/// global keys that still apply while typing (Ctrl-c).
fn is_global_key(key: &KeyEvent) -> bool {
    Key::ctrl('c').matches(key)
}

/// Stores one quiz answer, which also reviews its card when the card is
/// due.
fn record_attempt(ctx: &mut Context, attempt: &Attempt) -> Result<RecordedAttempt, TaskError> {
    let time = ctx.study_time()?;
    Ok(ctx.store()?.record_quiz_attempt(attempt, &time)?)
}

impl Screen for QuizScreen {
    fn title(&self) -> String {
        "Quiz".to_string()
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
        let total = self.quiz.items.len();
        let done = self.scorecard.total();
        frame.render_widget(
            Paragraph::new(widgets::gauge_line(done, total, gauge.width, theme)),
            gauge,
        );
        match self.current() {
            Some(item) => self.render_item(frame, body, item, theme),
            None => self.render_summary(frame, body, theme),
        }
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        if self.pending {
            return Action::None;
        }
        if matches!(self.stage, Stage::Typing { .. }) {
            return self.handle_typing(key);
        }
        let Some(command) = self.key_table().command_for(&key) else {
            return Action::Unhandled;
        };
        match command {
            Command::Up | Command::Down if self.is_finished() => {
                self.scroll_summary(command == Command::Down);
                Action::None
            }
            Command::Up | Command::Down => {
                self.move_selection(command == Command::Down);
                Action::None
            }
            Command::Option(option) => self.choose(option),
            Command::Confirm => match self.stage {
                Stage::Choosing { selected } => self.choose(selected),
                _ => self.next(),
            },
            Command::Grade(grade) => self.self_grade(grade),
            Command::GiveUp => Action::None,
        }
    }

    fn handle_paste(&mut self, text: &str) -> Action {
        if let Stage::Typing { input } = &mut self.stage {
            input.paste(text);
        }
        Action::None
    }

    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        self.pending = false;
        match (label, reply) {
            (RECORD_LABEL, Ok(reply)) => {
                self.saved();
                match reply.downcast::<RecordedAttempt>() {
                    Ok(RecordedAttempt {
                        review: Some(review),
                        ..
                    }) => Action::Notify(format!(
                        "This card was due: the answer counts as its review ({}).",
                        review.grade
                    )),
                    _ => Action::None,
                }
            }
            (RECORD_LABEL, Err(err)) => Action::Notify(format!(
                "Saving the answer failed: {err}. Press Enter to try again."
            )),
            (_, Err(err)) => Action::Notify(format!("{label} failed: {err}")),
            (_, Ok(_)) => Action::None,
        }
    }

    fn key_help(&self) -> HelpSection {
        self.key_table().help()
    }
}

// Drawing.
impl QuizScreen {
    fn header_line(&self, width: u16, theme: &Theme) -> Line<'static> {
        let title = format!("Quiz · {}", sanitize(&self.quiz.title));
        let total = self.quiz.items.len();
        let position = (self.index + 1).min(total);
        let right = format!("{position} of {total}  right {}", self.scorecard.right());
        widgets::spread(
            Span::styled(title, theme.title),
            Span::styled(right, theme.dim),
            width,
        )
    }

    fn render_item(&self, frame: &mut Frame, area: Rect, item: &QuizItem, theme: &Theme) {
        let title = Span::styled(format!(" {} ", heading(item)), theme.dim);
        let block = Block::bordered().title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let layout = self.item_layout(item, inner.width, theme);
        // On a short screen, scroll so that the line that needs the
        // learner's attention (the selected option, the text field or the
        // verdict) stays visible.
        let height = usize::from(inner.height);
        let scroll = (layout.focus + 1).saturating_sub(height);
        let visible: Vec<Line<'static>> = layout.lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(visible), inner);
        let (Stage::Typing { input }, Some(row)) = (&self.stage, layout.input_row) else {
            return;
        };
        let Some(y) = row.checked_sub(scroll).and_then(|y| u16::try_from(y).ok()) else {
            return;
        };
        if y < inner.height && inner.width > 2 {
            let field = Rect {
                x: inner.x + 2,
                y: inner.y + y,
                width: inner.width - 2,
                height: 1,
            };
            input.render(frame, field, theme.accent, true);
        }
    }

    fn item_layout(&self, item: &QuizItem, width: u16, theme: &Theme) -> ItemLayout {
        let prompt = inline_line(item.prompt(), theme).patch_style(theme.bold);
        let mut lines = wrap_lines(&[prompt], width);
        lines.push(Line::default());
        let mut focus = None;
        match &item.question {
            Question::Choice(choice) => {
                let (options, selected_end) = self.option_lines(choice, width, theme);
                focus = selected_end.map(|end| lines.len() + end);
                lines.extend(options);
            }
            Question::Typed(_) => lines.extend(self.typed_lines(width, theme)),
            Question::Recall(recall) => lines.extend(self.recall_lines(recall, width, theme)),
        }
        let input_row = match self.stage {
            Stage::Typing { .. } => {
                lines.push(Line::default());
                Some(lines.len() - 1)
            }
            _ => None,
        };
        let focus = focus.unwrap_or(lines.len().saturating_sub(1));
        ItemLayout {
            lines,
            focus,
            input_row,
        }
    }

    /// Returns the option lines and, while choosing, the index of the last
    /// line of the selected option.
    fn option_lines(
        &self,
        choice: &Choice,
        width: u16,
        theme: &Theme,
    ) -> (Vec<Line<'static>>, Option<usize>) {
        let (selected, outcome) = match &self.stage {
            Stage::Choosing { selected } => (Some(*selected), None),
            Stage::Answered { outcome, .. } => (None, Some(outcome)),
            _ => (None, None),
        };
        let chosen = match outcome {
            Some(Outcome::Chosen { option, .. }) => Some(*option),
            _ => None,
        };
        let mut lines = Vec::new();
        let mut selected_end = None;
        for (index, option) in choice.options.iter().enumerate() {
            let answered = outcome.is_some();
            let marker = match (answered, index == choice.answer, Some(index) == chosen) {
                (true, true, _) => "✓",
                (true, false, true) => "✗",
                _ if Some(index) == selected => "›",
                _ => " ",
            };
            let prefix = Span::styled(format!("{marker} {}  ", index + 1), theme.key);
            let mut rows = hanging_lines(prefix, inline_line(option, theme), width);
            let style = if Some(index) == selected {
                Some(theme.selected)
            } else if answered && index == choice.answer {
                Some(theme.good)
            } else {
                None
            };
            if let Some(style) = style {
                rows = rows.into_iter().map(|row| row.patch_style(style)).collect();
            }
            lines.extend(rows);
            if Some(index) == selected {
                selected_end = Some(lines.len().saturating_sub(1));
            }
        }
        if let Some(outcome) = outcome {
            lines.push(Line::default());
            lines.extend(wrap_lines(&[verdict_line(outcome, None, theme)], width));
        }
        (lines, selected_end)
    }

    fn typed_lines(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        match &self.stage {
            Stage::Typing { .. } => vec![Line::styled("Type the term:", theme.dim)],
            Stage::Answered { outcome, .. } => {
                let expected = self.current().and_then(QuizItem::expected);
                let mut lines = vec![Line::from(vec![
                    Span::styled("You typed: ", theme.dim),
                    Span::raw(sanitize(&outcome.response()).into_owned()),
                ])];
                lines.push(verdict_line(outcome, expected.as_deref(), theme));
                wrap_lines(&lines, width)
            }
            _ => Vec::new(),
        }
    }

    fn recall_lines(&self, recall: &Recall, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let response = match &self.stage {
            Stage::Typing { .. } => {
                return vec![Line::styled(
                    "Your answer (optional), then Enter to see the lesson's:",
                    theme.dim,
                )];
            }
            Stage::Revealed { response } => response.clone(),
            Stage::Answered { outcome, .. } => outcome.response(),
            _ => return Vec::new(),
        };
        let mut lines = Vec::new();
        if !response.is_empty() {
            let wrote = Line::from(vec![
                Span::styled("You wrote: ", theme.dim),
                Span::raw(sanitize(&response).into_owned()),
            ]);
            lines.extend(wrap_lines(&[wrote], width));
        }
        lines.extend(reveal_lines(recall, width, theme));
        lines.push(Line::default());
        let last = match &self.stage {
            Stage::Answered { outcome, .. } => verdict_line(outcome, None, theme),
            _ => Line::styled(
                "How well did you recall it? 1 again · 2 hard · 3 good · 4 easy",
                theme.accent,
            ),
        };
        lines.extend(wrap_lines(&[last], width));
        lines
    }

    fn render_summary(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let block = Block::bordered().title(Span::styled(" Quiz complete ", theme.dim));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines = self.summary_lines(inner.width, theme);
        let height = usize::from(inner.height);
        self.summary_viewport.set((height, lines.len()));
        let offset = self.summary_offset.min(lines.len().saturating_sub(height));
        let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).collect();
        frame.render_widget(Paragraph::new(visible), inner);
    }

    fn summary_lines(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let right = self.scorecard.right();
        let total = self.scorecard.total();
        let mut lines = vec![
            Line::styled(format!("Score: {right} of {total}"), theme.title),
            Line::default(),
        ];
        let missed = self.scorecard.missed();
        if self.quiz.items.is_empty() {
            lines.push(Line::styled(
                "This lesson has no key concepts or quiz questions to ask about.",
                theme.dim,
            ));
        } else if missed.is_empty() {
            lines.push(Line::styled("No missed items.", theme.good));
        } else {
            lines.push(Line::styled(
                format!("Missed ({}):", missed.len()),
                theme.bad,
            ));
        }
        for item in missed
            .iter()
            .filter_map(|&index| self.quiz.items.get(index))
        {
            let summary = Line::raw(sanitize(&item.summary()).into_owned());
            lines.extend(hanging_lines(Span::styled("• ", theme.dim), summary, width));
        }
        lines.push(Line::default());
        lines.push(Line::styled("Press Enter to return.", theme.dim));
        lines
    }
}

/// Returns the heading of an item's box.
fn heading(item: &QuizItem) -> &'static str {
    match item.kind {
        ItemKind::ChooseDefinition => "Choose the definition",
        ItemKind::ChooseTerm => "Choose the term",
        ItemKind::TypeTerm => "Type the term",
        ItemKind::FreeRecall => "Lesson question",
    }
}

/// Returns the lines shown after a free-recall reveal: the lesson's answer,
/// or the most related concepts when the lesson gives none.
fn reveal_lines(recall: &Recall, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let (note, body) = match (&recall.answer, recall.related.is_empty()) {
        (Some(answer), _) => (
            "Lesson answer:",
            wrap_lines(&[inline_line(answer, theme)], width),
        ),
        (None, true) => (
            "The lesson gives no answer. Reread its key concepts.",
            Vec::new(),
        ),
        (None, false) => (
            "The lesson gives no answer. Related concepts:",
            concept_lines(&recall.related, width, theme),
        ),
    };
    let mut lines = wrap_lines(&[Line::styled(note, theme.dim)], width);
    lines.extend(body);
    lines
}

/// Returns the line that tells whether an answer was right. `expected` is the
/// right answer to show after a wrong typed term.
fn verdict_line(outcome: &Outcome, expected: Option<&str>, theme: &Theme) -> Line<'static> {
    match outcome {
        Outcome::Typed {
            verdict: Verdict::Almost { spelling },
            ..
        } => Line::from(vec![
            Span::styled("Almost. ", theme.accent),
            Span::raw("The exact spelling is "),
            Span::styled(sanitize(spelling).into_owned(), theme.bold),
        ]),
        Outcome::Recalled { grade, .. } => Line::styled(
            format!("Graded {}.", grade.as_str()),
            if *grade == Grade::Again {
                theme.bad
            } else {
                theme.good
            },
        ),
        _ if outcome.is_right() => Line::styled("Right.", theme.good),
        _ => match expected {
            Some(expected) => Line::from(vec![
                Span::styled("Wrong. ", theme.bad),
                Span::raw("The answer is "),
                Span::styled(sanitize(expected).into_owned(), theme.bold),
            ]),
            None => Line::styled("Wrong.", theme.bad),
        },
    }
}
