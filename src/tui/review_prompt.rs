//! The lesson review-prompt screen: each due prompt with a note field for
//! what the learner recalls, then the related lesson text, then a
//! self-grade from 1 to 4.
//!
//! Each grade is written to the store, with the note and the answer time,
//! before the next prompt appears. Again makes the prompt due again the next
//! day; any other grade completes it.

use std::cell::Cell;
use std::collections::HashMap;
use std::time::Instant;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::input::{InputAction, TextInput};
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::reader::{concept_lines, item_lines};
use super::screen::{Action, Context, Reply, Screen, StoreTask, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::{wrap_line, wrap_lines};
use crate::lesson::{Concept, Item, Lesson};
use crate::quiz::review_prompt::{PlannedPrompt, PromptAnswer};
use crate::quiz::{RELATED_SHOWN, related_concepts};
use crate::schedule::{Grade, StudyDay};
use crate::store::{PromptAnswered, ScheduledPrompt};

const RECORD_LABEL: &str = "record review prompt";

/// Rows kept for the related lesson text after reveal, when it has that
/// many lines, before the prompt and recall are cut on short screens.
const MIN_RELATED_ROWS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Reveal,
    Grade(Grade),
    ScrollUp,
    ScrollDown,
}

static RECALL_KEYS: KeyTable<Command> = KeyTable::new(
    "Review prompt: recall",
    &[KeyBinding::new(
        &[Key::plain(KeyCode::Enter)],
        "reveal",
        "Show the related lesson text. Type what you recall first, if you like.",
        Command::Reveal,
    )],
);

static GRADE_KEYS: KeyTable<Command> = KeyTable::new(
    "Review prompt: self-grade",
    &[
        KeyBinding::new(
            &[Key::char('1')],
            "again",
            "Grade Again: not recalled. The prompt comes back tomorrow.",
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
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Scroll the related lesson text up.",
            Command::ScrollUp,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Scroll the related lesson text down.",
            Command::ScrollDown,
        ),
    ],
);

static DONE_KEYS: KeyTable<Command> = KeyTable::new(
    "Review prompts: done",
    &[KeyBinding::new(
        &[Key::plain(KeyCode::Enter), Key::char(' ')],
        "return",
        "Return to the previous screen.",
        Command::Reveal,
    )],
);

/// A review prompt that is due, with the lesson text shown after recall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePrompt {
    /// Id of the prompt's lesson.
    pub lesson: String,
    pub lesson_title: String,
    /// The prompt's place in the lesson's plan.
    pub planned: PlannedPrompt,
    /// The day the prompt became due.
    pub due: StudyDay,
    /// The lesson's concepts most related to the prompt, best first.
    pub related: Vec<Concept>,
    /// The lesson's recap.
    pub recap: Vec<Item>,
}

impl DuePrompt {
    /// Builds the due prompt `planned` of `lesson`, with the related text
    /// taken from the lesson.
    pub fn new(lesson: &Lesson, planned: PlannedPrompt, due: StudyDay) -> Self {
        let related = related_concepts(&planned.prompt, &lesson.concepts, RELATED_SHOWN);
        Self {
            lesson: lesson.id.clone(),
            lesson_title: lesson.title.clone(),
            planned,
            due,
            related,
            recap: lesson.recap.clone(),
        }
    }

    /// Builds a due prompt from its stored row, with the related text of
    /// `lesson` when it could be read.
    pub fn from_scheduled(
        scheduled: ScheduledPrompt,
        lesson: Option<&Lesson>,
        today: StudyDay,
    ) -> Self {
        let planned = PlannedPrompt {
            position: scheduled.position,
            days: scheduled.days,
            prompt: scheduled.prompt,
        };
        let due = scheduled.due.unwrap_or(today);
        match lesson {
            Some(lesson) => Self::new(lesson, planned, due),
            None => Self {
                lesson: scheduled.lesson_id.clone(),
                lesson_title: scheduled.lesson_id,
                planned,
                due,
                related: Vec::new(),
                recap: Vec::new(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    Recalling,
    Revealed,
    /// Every due prompt is answered.
    Done,
}

/// State of a run over the due review prompts.
#[derive(Debug)]
pub struct ReviewPromptScreen {
    prompts: Vec<DuePrompt>,
    index: usize,
    stage: Stage,
    note: TextInput,
    shown_at: Instant,
    answered: usize,
    pending: bool,
    /// Lines of the related lesson text scrolled past, after reveal.
    scroll: usize,
    /// Largest useful `scroll` at the last frame. Rendering writes only this
    /// cache, so scrolling down stops at the end of the text. The scroll
    /// position itself changes only on keys.
    max_scroll: Cell<usize>,
}

impl ReviewPromptScreen {
    /// Loads the review prompts due today, with the related text of their
    /// lessons. A prompt whose lesson cannot be read is shown without it.
    pub fn open(ctx: &mut Context) -> Result<Self, TaskError> {
        let today = ctx.study_time()?.day;
        let store = ctx.store()?;
        let mut lessons: HashMap<String, Option<Lesson>> = HashMap::new();
        let mut prompts = Vec::new();
        for scheduled in store.due_review_prompts(today)? {
            let lesson = lessons
                .entry(scheduled.lesson_id.clone())
                .or_insert_with(|| match store.load_lesson(&scheduled.lesson_id) {
                    Ok(lesson) => Some(lesson),
                    Err(err) => {
                        tracing::warn!(error = %err, "review prompt shown without its lesson");
                        None
                    }
                });
            prompts.push(DuePrompt::from_scheduled(scheduled, lesson.as_ref(), today));
        }
        Ok(Self::new(prompts))
    }

    /// Creates a run over `prompts`, in order.
    pub fn new(prompts: Vec<DuePrompt>) -> Self {
        let stage = match prompts.is_empty() {
            true => Stage::Done,
            false => Stage::Recalling,
        };
        Self {
            prompts,
            index: 0,
            stage,
            note: TextInput::default(),
            shown_at: Instant::now(),
            answered: 0,
            pending: false,
            scroll: 0,
            max_scroll: Cell::new(usize::MAX),
        }
    }

    /// Returns the prompt on screen, or `None` when every prompt is answered.
    pub fn current(&self) -> Option<&DuePrompt> {
        match self.stage {
            Stage::Done => None,
            _ => self.prompts.get(self.index),
        }
    }

    /// Returns whether every prompt is answered.
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// Returns the number of prompts answered and stored.
    pub fn answered(&self) -> usize {
        self.answered
    }

    fn key_table(&self) -> &'static KeyTable<Command> {
        match self.stage {
            Stage::Recalling => &RECALL_KEYS,
            Stage::Revealed => &GRADE_KEYS,
            Stage::Done => &DONE_KEYS,
        }
    }

    fn grade(&mut self, grade: Grade) -> Action {
        let Some(prompt) = self.current() else {
            return Action::None;
        };
        let answer = PromptAnswer {
            lesson: prompt.lesson.clone(),
            position: prompt.planned.position,
            grade,
            note: self.note.text().trim().to_string(),
            duration: self.shown_at.elapsed(),
        };
        self.pending = true;
        Action::Store(StoreTask::new(RECORD_LABEL, move |ctx: &mut Context| {
            record_answer(ctx, &answer)
        }))
    }

    fn next_prompt(&mut self) {
        self.answered += 1;
        self.index += 1;
        self.note = TextInput::default();
        self.shown_at = Instant::now();
        self.scroll = 0;
        self.stage = match self.index < self.prompts.len() {
            true => Stage::Recalling,
            false => Stage::Done,
        };
    }

    fn handle_recall(&mut self, key: KeyEvent) -> Action {
        match self.note.handle_key(key) {
            InputAction::Submit => {
                self.stage = Stage::Revealed;
                Action::None
            }
            InputAction::Cancel => Action::Unhandled,
            InputAction::Ignored if Key::ctrl('c').matches(&key) => Action::Unhandled,
            _ => Action::None,
        }
    }
}

/// Stores one answer to a review prompt and reschedules the prompt.
fn record_answer(ctx: &mut Context, answer: &PromptAnswer) -> Result<PromptAnswered, TaskError> {
    let time = ctx.study_time()?;
    Ok(ctx.store()?.record_prompt_answer(answer, &time)?)
}

impl Screen for ReviewPromptScreen {
    fn title(&self) -> String {
        "Review prompts".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let total = self.prompts.len();
        let right = format!("{} of {total} answered", self.answered);
        let title = Span::styled("Review prompts", theme.title);
        let line = widgets::spread(title, Span::styled(right, theme.dim), header.width);
        frame.render_widget(Paragraph::new(line), header);
        match self.current() {
            Some(prompt) => self.render_prompt(frame, body, prompt, theme),
            None => self.render_done(frame, body, theme),
        }
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        if self.pending {
            return Action::None;
        }
        if self.stage == Stage::Recalling {
            return self.handle_recall(key);
        }
        match (self.key_table().command_for(&key), &self.stage) {
            (Some(Command::Grade(grade)), Stage::Revealed) => self.grade(grade),
            (Some(Command::ScrollUp), Stage::Revealed) => {
                self.scroll = self.scroll.saturating_sub(1);
                Action::None
            }
            (Some(Command::ScrollDown), Stage::Revealed) => {
                self.scroll = (self.scroll + 1).min(self.max_scroll.get());
                Action::None
            }
            (Some(Command::Reveal), Stage::Done) => Action::Back,
            _ => Action::Unhandled,
        }
    }

    fn handle_paste(&mut self, text: &str) -> Action {
        if self.stage == Stage::Recalling {
            self.note.paste(text);
        }
        Action::None
    }

    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        self.pending = false;
        match (label, reply) {
            (RECORD_LABEL, Ok(_)) => {
                self.next_prompt();
                Action::None
            }
            (RECORD_LABEL, Err(err)) => Action::Notify(format!(
                "Saving the grade failed: {err}. Grade the prompt again."
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
impl ReviewPromptScreen {
    fn render_prompt(&self, frame: &mut Frame, area: Rect, prompt: &DuePrompt, theme: &Theme) {
        let title = format!(
            " {} · day {} ",
            sanitize(&prompt.lesson_title),
            prompt.planned.days
        );
        let block = Block::bordered().title(Span::styled(title, theme.dim));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        match self.stage {
            Stage::Revealed => self.render_revealed(frame, inner, prompt, theme),
            _ => self.render_recalling(frame, inner, prompt, theme),
        }
    }

    /// Draws the prompt and the note field. On short screens the view ends
    /// at the note field, so the typed text stays visible.
    fn render_recalling(&self, frame: &mut Frame, area: Rect, prompt: &DuePrompt, theme: &Theme) {
        let mut lines = prompt_lines(prompt, area.width, theme);
        lines.push(Line::default());
        lines.push(Line::styled(
            "What you recall (optional), then Enter:",
            theme.dim,
        ));
        let note_row = lines.len();
        lines.push(Line::default());
        let scroll = lines.len().saturating_sub(usize::from(area.height));
        let visible: Vec<Line<'static>> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(visible), area);
        let Some(Ok(y)) = note_row.checked_sub(scroll).map(u16::try_from) else {
            return;
        };
        if y < area.height {
            let field = Rect {
                y: area.y + y,
                height: 1,
                ..area
            };
            self.note.render(frame, field, theme.accent, true);
        }
    }

    /// Draws the prompt and the learner's recall at the top, the related
    /// lesson text below them at the current scroll position, and the grade
    /// line pinned at the bottom. On short screens the blank separator lines
    /// go first, and the related text keeps at least `MIN_RELATED_ROWS` rows
    /// before the top part is cut.
    fn render_revealed(&self, frame: &mut Frame, area: Rect, prompt: &DuePrompt, theme: &Theme) {
        let width = area.width;
        let grades = Line::styled(
            "How well did you recall it? 1 again · 2 hard · 3 good · 4 easy",
            theme.accent,
        );
        let bottom = wrap_line(&grades, width);
        let related = related_lines(prompt, width, theme);

        let height = usize::from(area.height);
        let bottom_height = bottom.len().min(height);
        let related_min = related.len().min(MIN_RELATED_ROWS);
        let room = height.saturating_sub(bottom_height + related_min);
        let mut top = self.recall_lines(prompt, width, theme, true);
        if top.len() > room {
            top = self.recall_lines(prompt, width, theme, false);
        }
        let top_height = top.len().min(room);
        let [top_area, related_area, bottom_area] = Layout::vertical([
            Constraint::Length(to_rows(top_height)),
            Constraint::Fill(1),
            Constraint::Length(to_rows(bottom_height)),
        ])
        .areas(area);

        let max_scroll = related
            .len()
            .saturating_sub(usize::from(related_area.height));
        self.max_scroll.set(max_scroll);
        let scroll = self.scroll.min(max_scroll);
        let visible: Vec<Line<'static>> = related.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(top), top_area);
        frame.render_widget(Paragraph::new(visible), related_area);
        frame.render_widget(Paragraph::new(bottom), bottom_area);
    }

    /// Returns the prompt and the learner's recall, with blank separator
    /// lines when `spaced`.
    fn recall_lines(
        &self,
        prompt: &DuePrompt,
        width: u16,
        theme: &Theme,
        spaced: bool,
    ) -> Vec<Line<'static>> {
        let mut lines = prompt_lines(prompt, width, theme);
        if spaced {
            lines.push(Line::default());
        }
        let recall = match self.note.text().trim() {
            "" => Span::styled("(nothing)", theme.dim),
            text => Span::styled(sanitize(text), theme.accent),
        };
        let recall = Line::from(vec![Span::styled("You wrote: ", theme.dim), recall]);
        lines.extend(wrap_line(&recall, width));
        if spaced {
            lines.push(Line::default());
        }
        lines
    }

    fn render_done(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let title = match self.answered {
            0 => "No review prompts are due.".to_string(),
            count => format!("Done: {count} review prompt(s) answered."),
        };
        let lines = vec![
            Line::styled(title, theme.title),
            Line::default(),
            Line::styled("Press Enter to return.", theme.dim),
        ];
        widgets::render_centered(frame.buffer_mut(), area, lines);
    }
}

/// Returns the prompt, wrapped to `width`.
fn prompt_lines(prompt: &DuePrompt, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let prompt_line = inline_line(&prompt.planned.prompt, theme).patch_style(theme.bold);
    wrap_lines(&[prompt_line], width)
}

/// Returns the lesson text shown after reveal: the related concepts, then
/// the recap.
fn related_lines(prompt: &DuePrompt, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !prompt.related.is_empty() {
        lines.push(Line::styled("Related concepts:", theme.accent));
        lines.extend(concept_lines(&prompt.related, width, theme));
    }
    if !prompt.recap.is_empty() {
        lines.push(Line::styled("Recap:", theme.accent));
        lines.extend(item_lines(&prompt.recap, width, theme));
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            "The lesson has no recap to compare with.",
            theme.dim,
        ));
    }
    lines
}

fn to_rows(count: usize) -> u16 {
    u16::try_from(count).unwrap_or(u16::MAX)
}
