//! The app: a stack of screens, the global keys, and the performer of the
//! actions screens return. It owns no terminal, so tests drive it with
//! events and render it on ratatui's `TestBackend`.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::help::HelpScreen;
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::routes;
use super::screen::{Action, Context, Route, Screen, TaskError};
use super::theme::Theme;
use super::{text, widgets};

/// Maximum number of chained actions performed for one event. A chain that
/// goes on longer is stopped, and the stop is logged.
const MAX_CHAINED_ACTIONS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GlobalCommand {
    Help,
    Back,
    Quit,
}

/// Keys every screen has unless it binds the same key itself.
static GLOBAL_KEYS: KeyTable<GlobalCommand> = KeyTable::new(
    "Everywhere",
    &[
        KeyBinding::new(
            &[Key::char('?')],
            "help",
            "Show the keys of the current screen.",
            GlobalCommand::Help,
        ),
        KeyBinding::new(
            &[Key::char('q'), Key::plain(KeyCode::Esc)],
            "back",
            "Go back to the previous screen; quit from the dashboard.",
            GlobalCommand::Back,
        ),
        KeyBinding::new(
            &[Key::ctrl('c')],
            "",
            "Quit at once, from any screen. Answers already shown as recorded are kept.",
            GlobalCommand::Quit,
        ),
    ],
);

/// The running terminal UI, independent of any terminal.
pub struct App {
    screens: Vec<Box<dyn Screen>>,
    ctx: Context,
    theme: Theme,
    status: Option<String>,
    quit: bool,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let titles: Vec<String> = self.screens.iter().map(|s| s.title()).collect();
        f.debug_struct("App")
            .field("screens", &titles)
            .field("status", &self.status)
            .field("quit", &self.quit)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Creates the app with the screen of `route` at the bottom of the stack.
    pub fn open(ctx: Context, theme: Theme, route: &Route) -> Result<Self, TaskError> {
        let mut ctx = ctx;
        let screen = routes::open(route, &mut ctx)?;
        Ok(Self::with_screen(ctx, theme, screen))
    }

    /// Creates the app with `screen` at the bottom of the stack.
    pub fn with_screen(ctx: Context, theme: Theme, screen: Box<dyn Screen>) -> Self {
        Self {
            screens: vec![screen],
            ctx,
            theme,
            status: None,
            quit: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit || self.screens.is_empty()
    }

    pub fn context_mut(&mut self) -> &mut Context {
        &mut self.ctx
    }

    /// Returns the screen on top of the stack, the one that receives input.
    pub fn top(&self) -> Option<&dyn Screen> {
        self.screens.last().map(|screen| screen.as_ref())
    }

    /// Number of open screens.
    pub fn depth(&self) -> usize {
        self.screens.len()
    }

    /// Shows `text` in the status line until the next key press.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.status = Some(text.into());
    }

    /// Returns the status-line message, if one is shown.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Handles one terminal event. Key releases and repeats are dropped here,
    /// so a held or released key never acts twice. A resize needs no handling
    /// because the next frame is drawn at the new size from the same state.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            Event::Paste(text) => {
                let action = self.with_top(|screen| screen.handle_paste(&text));
                self.perform(action);
            }
            _ => {}
        }
    }

    /// Handles one key press: the top screen first, then the global keys.
    pub fn handle_key(&mut self, key: KeyEvent) {
        self.status = None;
        if Key::ctrl('c').matches(&key) {
            self.quit = true;
            return;
        }
        let action = self.with_top(|screen| screen.handle_key(key));
        let action = match action {
            Action::Unhandled => self.global_action(&key),
            other => other,
        };
        self.perform(action);
    }

    /// Lets the top screen advance its background work.
    pub fn tick(&mut self) {
        let action = self.with_top(|screen| screen.tick());
        self.perform(action);
    }

    fn with_top(&mut self, f: impl FnOnce(&mut dyn Screen) -> Action) -> Action {
        match self.screens.last_mut() {
            Some(screen) => f(screen.as_mut()),
            None => Action::None,
        }
    }

    fn global_action(&self, key: &KeyEvent) -> Action {
        match GLOBAL_KEYS.command_for(key) {
            Some(GlobalCommand::Help) => Action::Open(Route::Help),
            Some(GlobalCommand::Back) => Action::Back,
            Some(GlobalCommand::Quit) => Action::Quit,
            None => Action::None,
        }
    }

    /// Performs `action` and every action that follows from it.
    fn perform(&mut self, action: Action) {
        let mut next = action;
        for _ in 0..MAX_CHAINED_ACTIONS {
            next = match next {
                Action::None | Action::Unhandled => return,
                Action::Back => return self.close_top(),
                Action::Quit => {
                    self.quit = true;
                    return;
                }
                Action::Open(route) => return self.open_route(&route),
                Action::Notify(text) => {
                    self.status = Some(text);
                    return;
                }
                Action::Store(task) => self.run_task(task),
            };
        }
        tracing::warn!(
            limit = MAX_CHAINED_ACTIONS,
            "stopped a chain of screen actions"
        );
    }

    fn run_task(&mut self, task: super::screen::StoreTask) -> Action {
        let label = task.label().to_string();
        let reply = task.run(&mut self.ctx);
        if let Err(err) = &reply {
            tracing::error!(task = %label, error = %err, "store task failed");
        }
        self.with_top(|screen| screen.on_reply(&label, reply))
    }

    fn close_top(&mut self) {
        self.screens.pop();
        let action = self.with_top(|screen| screen.on_resume());
        self.perform(action);
    }

    fn open_route(&mut self, route: &Route) {
        if *route == Route::Help {
            let help = HelpScreen::new(self.help_sections());
            self.screens.push(Box::new(help));
            return;
        }
        match routes::open(route, &mut self.ctx) {
            Ok(screen) => self.screens.push(screen),
            Err(err) => {
                tracing::error!(?route, error = %err, "failed to open screen");
                self.status = Some(format!("Could not open the screen: {err}"));
            }
        }
    }

    /// Builds the help of the top screen: its own keys, then the global keys.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let mut sections = Vec::new();
        if let Some(screen) = self.top() {
            sections.push(screen.key_help());
        }
        sections.push(GLOBAL_KEYS.help());
        sections
    }

    /// Draws the top screen, its footer and the status line, or the "terminal
    /// too small" notice when the frame is below the screen's minimum.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        let Some(screen) = self.top() else {
            return;
        };
        let min = screen.min_size();
        if area.width < min.width || area.height < min.height {
            widgets::render_too_small(frame.buffer_mut(), area, min, &self.theme);
            return;
        }
        let status_height = u16::from(self.status.is_some());
        let [main, status, footer] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(status_height),
            Constraint::Length(1),
        ])
        .areas(area);
        screen.render(frame, main, &self.theme);
        if let Some(text) = &self.status {
            let line = Line::from(Span::styled(text::sanitize(text), self.theme.bad));
            frame.render_widget(Paragraph::new(line), status);
        }
        let footer_line = widgets::footer(&self.help_sections(), footer.width, &self.theme);
        frame.render_widget(Paragraph::new(footer_line), footer);
    }
}
