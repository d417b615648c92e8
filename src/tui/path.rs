//! The learning-path screen: the warm-up questions, then one step at a
//! time with its focus, task and questions, then the recap, each page with a
//! note field.
//!
//! Progress is saved after every change, a typed character included, as a
//! [`StoreTask`] that writes the whole progress of the lesson in one
//! transaction, so reopening the path resumes on the same page with every
//! note. Marking the last step done marks the lesson studied and schedules
//! its review prompts from that day.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::input::{InputAction, TextInput};
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::reader::{hanging_lines, item_lines};
use super::screen::{Action, Context, Reply, Route, Screen, StoreTask, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::wrap_lines;
use crate::lesson::inline::plain;
use crate::lesson::{Lesson, PathStep};
use crate::quiz::path::{Completion, LearningPath, Page, PathProgress};
use crate::quiz::review_prompt::{PlannedPrompt, planned_prompts};
use crate::schedule::StudyDay;
use crate::store::SavedPath;

/// Maximum rows a page's note takes below its label. A longer note scrolls
/// to the cursor while it is edited and shows its first rows otherwise.
// NOTE: a saved note longer than this is cut without a marker until the
// learner edits it.
const MAX_NOTE_ROWS: u16 = 5;

const SAVE_LABEL: &str = "save learning path";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Previous,
    Next,
    Complete,
    EditNote,
    Read,
    Demo,
    ScrollUp,
    ScrollDown,
}

static KEYS: KeyTable<Command> = KeyTable::new(
    "Learning path",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter)],
            "done",
            "Mark this step done and go on; on the recap, finish the lesson.",
            Command::Complete,
        ),
        KeyBinding::new(
            &[
                Key::plain(KeyCode::Right),
                Key::char('l'),
                Key::plain(KeyCode::PageDown),
            ],
            "next",
            "Go to the next page without marking this one done.",
            Command::Next,
        ),
        KeyBinding::new(
            &[
                Key::plain(KeyCode::Left),
                Key::char('h'),
                Key::plain(KeyCode::PageUp),
            ],
            "back",
            "Go to the previous page.",
            Command::Previous,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Tab), Key::char('n')],
            "note",
            "Write a note on this page; it is saved as you type.",
            Command::EditNote,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Scroll the page down when it does not fit.",
            Command::ScrollDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Scroll the page up.",
            Command::ScrollUp,
        ),
        KeyBinding::new(
            &[Key::char('r')],
            "read",
            "Read the lesson's overview, examples, pitfalls and recap.",
            Command::Read,
        ),
        KeyBinding::new(
            &[Key::char('d')],
            "demo",
            "Open the demo this step mentions.",
            Command::Demo,
        ),
    ],
);

static NOTE_KEYS: KeyTable<Command> = KeyTable::new(
    "Learning path: note",
    &[KeyBinding::new(
        &[
            Key::plain(KeyCode::Enter),
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::Esc),
        ],
        "done",
        "Stop editing the note. Every change is already saved.",
        Command::EditNote,
    )],
);

/// A demo a path step can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demo {
    /// `distill demo kd`, the knowledge-distillation trainer.
    Kd,
    /// `distill demo still`, the distillation column.
    Still,
}

impl Demo {
    fn route(self) -> Route {
        match self {
            Demo::Kd => Route::KdDemo,
            Demo::Still => Route::ColumnDemo,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Demo::Kd => "knowledge-distillation demo",
            Demo::Still => "distillation column demo",
        }
    }
}

/// Returns the demo that a step's text mentions by its command, if any.
pub fn mentioned_demo(step: &PathStep) -> Option<Demo> {
    let mut texts = vec![step.title.as_str()];
    texts.extend(step.focus.as_deref());
    texts.extend(step.task.as_deref());
    texts.extend(step.questions.iter().map(String::as_str));
    texts.extend(step.notes.iter().map(String::as_str));
    let text: String = texts
        .iter()
        .map(|text| plain(text))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|window| match window {
        ["distill", "demo", demo] => match demo.trim_matches(|c: char| !c.is_alphanumeric()) {
            "kd" => Some(Demo::Kd),
            "still" => Some(Demo::Still),
            _ => None,
        },
        _ => None,
    })
}

/// State of the learning path of one lesson.
#[derive(Debug)]
pub struct PathScreen {
    lesson: Lesson,
    path: LearningPath,
    progress: PathProgress,
    prompts: Vec<PlannedPrompt>,
    /// The study day used when a step is marked done.
    // NOTE: fixed when the screen opens, so a session that runs past the
    // start of the next study day marks the lesson studied on the day it
    // opened.
    today: StudyDay,
    /// The note of the current page, while it is edited.
    note: Option<TextInput>,
    /// Message to show once the save in flight succeeds.
    pending_notice: Option<String>,
    /// First line of the page shown, reset to 0 on every page change.
    scroll: usize,
    /// Number of page lines that fit and that exist, at the last frame.
    /// Rendering writes only this cache, so scrolling stops at the end. The
    /// scroll position itself changes only on keys.
    viewport: Cell<(usize, usize)>,
}

impl PathScreen {
    /// Loads `lesson` and its stored progress and opens its path on the
    /// page where the learner left it.
    pub fn open(ctx: &mut Context, lesson: &str) -> Result<Self, TaskError> {
        let today = ctx.study_time()?.day;
        let store = ctx.store()?;
        let lesson = store.load_lesson(lesson)?;
        let progress = store.path_progress(&lesson.id)?;
        Ok(Self::new(lesson, progress, today))
    }

    /// Opens `lesson`'s path with the stored `progress`, on its current page.
    pub fn new(lesson: Lesson, progress: PathProgress, today: StudyDay) -> Self {
        let path = LearningPath::new(&lesson);
        let prompts = planned_prompts(&lesson);
        Self {
            lesson,
            path,
            progress,
            prompts,
            today,
            note: None,
            pending_notice: None,
            scroll: 0,
            viewport: Cell::new((0, usize::MAX)),
        }
    }

    /// Returns the progress as it would be saved now.
    pub fn progress(&self) -> &PathProgress {
        &self.progress
    }

    /// Returns the index of the page on screen.
    pub fn page(&self) -> usize {
        self.progress.page(&self.path)
    }

    /// Returns whether the note field has the keyboard.
    pub fn is_editing(&self) -> bool {
        self.note.is_some()
    }

    fn current_step(&self) -> Option<&PathStep> {
        match self.path.page(self.page()) {
            Some(Page::Step(index)) => self.lesson.path.get(index),
            _ => None,
        }
    }

    fn scroll_page(&mut self, down: bool) {
        let (height, total) = self.viewport.get();
        let last = total.saturating_sub(height);
        self.scroll = match down {
            true => (self.scroll + 1).min(last),
            false => self.scroll.saturating_sub(1),
        };
    }

    /// Returns an action that saves the whole progress.
    fn save(&self) -> Action {
        let lesson = self.lesson.id.clone();
        let progress = self.progress.clone();
        let prompts = self.prompts.clone();
        Action::Store(StoreTask::new(SAVE_LABEL, move |ctx: &mut Context| {
            save_progress(ctx, &lesson, &progress, &prompts)
        }))
    }

    fn move_page(&mut self, forward: bool) -> Action {
        let moved = match forward {
            true => self.progress.next(&self.path),
            false => self.progress.previous(&self.path),
        };
        if !moved {
            return Action::None;
        }
        self.scroll = 0;
        self.save()
    }

    fn complete(&mut self) -> Action {
        let completion = self.progress.complete(&self.path, self.today);
        self.scroll = 0;
        let save = self.save();
        let notice = match completion {
            Completion::Moved => return save,
            Completion::Studied(day) => self.studied_notice(day),
            Completion::AlreadyStudied => match self.progress.studied_on {
                Some(day) => format!("You finished this path on {}.", day),
                None => "You finished this path.".to_string(),
            },
            Completion::StepsLeft { remaining } => {
                format!("{remaining} step(s) are not done yet; here is the first of them.")
            }
        };
        self.then_notify(save, notice)
    }

    fn studied_notice(&self, day: StudyDay) -> String {
        match self.prompts.first() {
            Some(first) => format!(
                "Lesson studied. Its first review prompt is due on {}.",
                first.due_on(day)
            ),
            None => "Lesson studied.".to_string(),
        }
    }

    /// Saves, then shows `notice` once the save succeeded.
    fn then_notify(&mut self, save: Action, notice: String) -> Action {
        self.pending_notice = Some(notice);
        save
    }

    fn toggle_note(&mut self) -> Action {
        if self.note.take().is_none() {
            let page = self.page();
            self.note = Some(TextInput::with_text(self.progress.note(&self.path, page)));
        }
        Action::None
    }

    fn edit_note(&mut self, edit: impl FnOnce(&mut TextInput) -> InputAction) -> Action {
        let Some(note) = self.note.as_mut() else {
            return Action::None;
        };
        let action = edit(note);
        match action {
            InputAction::Edited => {
                let text = note.text().to_string();
                let page = self.page();
                self.progress.set_note(&self.path, page, &text);
                self.save()
            }
            InputAction::Submit | InputAction::Cancel => {
                self.note = None;
                Action::None
            }
            InputAction::Moved | InputAction::Ignored => Action::None,
        }
    }

    fn open_demo(&self) -> Action {
        match self.current_step().and_then(mentioned_demo) {
            Some(demo) => Action::Open(demo.route()),
            None => Action::Notify("This step mentions no demo.".to_string()),
        }
    }
}

/// Saves the learning-path progress of `lesson` and, when it first became
/// studied, schedules its review prompts.
fn save_progress(
    ctx: &mut Context,
    lesson: &str,
    progress: &PathProgress,
    prompts: &[PlannedPrompt],
) -> Result<SavedPath, TaskError> {
    let at = ctx.now();
    Ok(ctx
        .store()?
        .save_path_progress(lesson, progress, prompts, at)?)
}

impl Screen for PathScreen {
    fn title(&self) -> String {
        "Learning path".to_string()
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
        let done = self.progress.done_count(&self.path);
        let steps = self.path.step_count();
        frame.render_widget(
            Paragraph::new(widgets::gauge_line(done, steps, gauge.width, theme)),
            gauge,
        );
        self.render_page(frame, body, theme);
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        if self.note.is_some() {
            if Key::ctrl('c').matches(&key) {
                return Action::Unhandled;
            }
            return self.edit_note(|note| note.handle_key(key));
        }
        let Some(command) = KEYS.command_for(&key) else {
            return Action::Unhandled;
        };
        match command {
            Command::Previous => self.move_page(false),
            Command::Next => self.move_page(true),
            Command::Complete => self.complete(),
            Command::EditNote => self.toggle_note(),
            Command::Read => Action::Open(Route::Reader {
                lesson: self.lesson.id.clone(),
            }),
            Command::Demo => self.open_demo(),
            Command::ScrollUp | Command::ScrollDown => {
                self.scroll_page(command == Command::ScrollDown);
                Action::None
            }
        }
    }

    fn handle_paste(&mut self, text: &str) -> Action {
        if self.note.is_none() {
            self.toggle_note();
        }
        self.edit_note(|note| note.paste(text))
    }

    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        let notice = self.pending_notice.take();
        match reply {
            Ok(_) => notice.map_or(Action::None, Action::Notify),
            Err(err) if label == SAVE_LABEL => Action::Notify(format!(
                "Saving your progress failed: {err}. It is kept on screen; any change retries."
            )),
            Err(err) => Action::Notify(format!("{label} failed: {err}")),
        }
    }

    fn key_help(&self) -> HelpSection {
        match self.note {
            Some(_) => NOTE_KEYS.help(),
            None => KEYS.help(),
        }
    }
}

// Drawing.
impl PathScreen {
    fn header_line(&self, width: u16, theme: &Theme) -> Line<'static> {
        let title = format!("Path · {}", sanitize(&self.lesson.title));
        let done = self.progress.done_count(&self.path);
        let steps = self.path.step_count();
        let right = match self.progress.studied_on {
            Some(day) => format!("{done} of {steps} done · studied {}", day),
            None => format!("{done} of {steps} done"),
        };
        widgets::spread(
            Span::styled(title, theme.title),
            Span::styled(right, theme.dim),
            width,
        )
    }

    fn page_title(&self, page: usize) -> String {
        match self.path.page(page) {
            Some(Page::WarmUp) => "Warm-up".to_string(),
            Some(Page::Step(index)) => {
                let title = self
                    .lesson
                    .path
                    .get(index)
                    .map_or("", |step| step.title.as_str());
                let mark = if self.progress.is_done(&self.path, page) {
                    " ✓"
                } else {
                    ""
                };
                format!(
                    "Step {} of {}: {}{mark}",
                    index + 1,
                    self.lesson.path.len(),
                    plain(&sanitize(title))
                )
            }
            Some(Page::Recap) | None => "Recap".to_string(),
        }
    }

    fn render_page(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let page = self.page();
        let title = Span::styled(format!(" {} ", self.page_title(page)), theme.dim);
        let block = Block::bordered().title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let note_rows = self.note_rows(page, inner);
        let [content, note_area] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(note_rows.saturating_add(1)),
        ])
        .areas(inner);
        let lines = self.page_lines(page, content.width, theme);
        let height = usize::from(content.height);
        self.viewport.set((height, lines.len()));
        let offset = self.scroll.min(lines.len().saturating_sub(height));
        let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).collect();
        frame.render_widget(Paragraph::new(visible), content);
        self.render_note(frame, note_area, page, theme);
    }

    fn page_lines(&self, page: usize, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        match self.path.page(page) {
            Some(Page::WarmUp) => {
                let intro = Line::styled("Before the lesson, think about:", theme.dim);
                let mut lines = wrap_lines(&[intro], width);
                lines.extend(item_lines(&self.lesson.prior_knowledge, width, theme));
                lines
            }
            Some(Page::Step(index)) => match self.lesson.path.get(index) {
                Some(step) => step_lines(step, width, theme),
                None => Vec::new(),
            },
            Some(Page::Recap) | None => self.recap_lines(width, theme),
        }
    }

    fn recap_lines(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines = item_lines(&self.lesson.recap, width, theme);
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        let status = match self.progress.studied_on {
            Some(day) => {
                let mut status = vec![Line::styled(
                    format!("Studied on {}. Review prompts:", day),
                    theme.good,
                )];
                for prompt in &self.prompts {
                    let date = Span::styled(format!("{}  ", prompt.due_on(day)), theme.accent);
                    status.extend(hanging_lines(
                        date,
                        inline_line(&prompt.prompt, theme),
                        width,
                    ));
                }
                status
            }
            None => vec![Line::styled(
                "Press Enter to finish the lesson once every step is done.",
                theme.dim,
            )],
        };
        lines.extend(wrap_lines(&status, width));
        lines
    }

    /// Returns the number of rows the note takes below its label: all of
    /// its wrapped rows, but at most `MAX_NOTE_ROWS` and a third of `area`.
    fn note_rows(&self, page: usize, area: Rect) -> u16 {
        let wrapped_rows = match &self.note {
            Some(note) => {
                let wrapped = note.wrap(area.width);
                wrapped.rows.len().max(wrapped.cursor_row + 1)
            }
            None => {
                let text = self.progress.note(&self.path, page);
                TextInput::with_text(text).wrap(area.width).rows.len()
            }
        };
        let limit = MAX_NOTE_ROWS.min(area.height / 3).max(1);
        u16::try_from(wrapped_rows).map_or(limit, |rows| rows.clamp(1, limit))
    }

    fn render_note(&self, frame: &mut Frame, area: Rect, page: usize, theme: &Theme) {
        let [label, field] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let hint = match self.note {
            Some(_) => "Note (saved as you type, Enter to stop):",
            None => "Note (Tab to edit):",
        };
        frame.render_widget(Paragraph::new(Line::styled(hint, theme.dim)), label);
        match &self.note {
            Some(note) => note.render_wrapped(frame, field, theme.accent, true),
            None => {
                let text = self.progress.note(&self.path, page);
                let shown = TextInput::with_text(text);
                shown.render_wrapped(frame, field, theme.text, false);
            }
        }
    }
}

/// Lays out a step's focus, task, questions and other notes.
fn step_lines(step: &PathStep, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let labelled = [("Focus: ", &step.focus), ("Task: ", &step.task)];
    for (label, text) in labelled {
        if let Some(text) = text {
            let mut line = inline_line(text, theme);
            line.spans.insert(0, Span::styled(label, theme.accent));
            lines.extend(wrap_lines(&[line], width));
        }
    }
    if !step.questions.is_empty() {
        lines.push(Line::styled("Questions:", theme.accent));
        for question in &step.questions {
            let bullet = Span::styled("• ", theme.dim);
            lines.extend(hanging_lines(bullet, inline_line(question, theme), width));
        }
    }
    for note in &step.notes {
        let bullet = Span::styled("• ", theme.dim);
        lines.extend(hanging_lines(bullet, inline_line(note, theme), width));
    }
    if let Some(demo) = mentioned_demo(step) {
        lines.push(Line::default());
        let hint = Line::from(vec![
            Span::styled("d", theme.key),
            Span::styled(format!(" opens the {}", demo.name()), theme.dim),
        ]);
        lines.extend(wrap_lines(&[hint], width));
    }
    lines
}
