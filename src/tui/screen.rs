//! The contract between the app and its screens.
//!
//! A screen is a state struct that implements [`Screen`]. The app owns a
//! stack of screens and talks to the top one only:
//!
//! - [`Screen::render`] draws the screen from `&self`; rendering never changes
//!   state, so a resize or a redraw can happen at any time.
//! - [`Screen::handle_key`] and [`Screen::handle_paste`] update the screen's
//!   own state and return an [`Action`]. Side effects (opening another
//!   screen, going back, writing to the store) are never performed by the
//!   screen itself: the app performs the returned action. Tests therefore
//!   drive a screen with key events and inspect the actions, no terminal
//!   needed.
//! - Store work is an [`Action::Store`] carrying a [`StoreTask`]: a closure
//!   the app runs with `&mut` [`Context`] (the store and the clock), whose
//!   result comes back to the same screen through [`Screen::on_reply`].
//!   The app runs the task before reading the next input event, so a screen
//!   that waits for the reply before showing new content never runs ahead
//!   of what was written.
//! - [`Screen::tick`] runs about four times a second when no input arrives,
//!   for clocks, animations and background steps of the demos.
//! - [`Screen::key_help`] returns the screen's key table as help rows. The
//!   app adds the global keys and builds both the `?` help screen and the
//!   footer hints from them.
//!
//! Screens are opened by [`Route`]; see [`super::routes`] for the mapping
//! from a route to a screen constructor.

use std::any::Any;
use std::fmt;

use chrono::{DateTime, FixedOffset, Local};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Rect, Size};

use crate::config::Settings;
use crate::schedule::StudyTime;
use crate::store::Store;

use super::data::NoStore;
use super::keys::HelpSection;
use super::theme::Theme;

/// Smallest area most screens can show meaningfully; below it the app shows
/// a "terminal too small" notice instead of the screen.
pub const MIN_SIZE: Size = Size {
    width: 40,
    height: 12,
};

/// A screen of the terminal UI. See the module documentation for the
/// contract between a screen and the app.
pub trait Screen {
    /// Title shown in the screen's border and as its heading in the help.
    fn title(&self) -> String;

    /// Draws the screen into `area` of `frame`. Must not panic for any area,
    /// including a zero-sized one, and must not change state.
    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme);

    /// Handles one key press. Only presses reach a screen: the app drops key
    /// releases and repeats. Return [`Action::Unhandled`] for keys the screen
    /// does not bind, so the app can apply its global keys (`?`, `q`, Esc).
    fn handle_key(&mut self, key: KeyEvent) -> Action;

    /// Handles text pasted into the terminal (bracketed paste).
    fn handle_paste(&mut self, _text: &str) -> Action {
        Action::None
    }

    /// Advances background work; called when no input arrived for a while.
    fn tick(&mut self) -> Action {
        Action::None
    }

    /// Receives the result of a [`StoreTask`] this screen requested.
    ///
    /// The default shows a failure in the status line and ignores success.
    fn on_reply(&mut self, label: &str, reply: Result<Reply, TaskError>) -> Action {
        match reply {
            Ok(_) => Action::None,
            Err(err) => Action::Notify(format!("{label} failed: {err}")),
        }
    }

    /// Called when the screen is on top again after the screen above it
    /// closed, for example to reload counts the other screen changed.
    fn on_resume(&mut self) -> Action {
        Action::None
    }

    /// The screen's key bindings as help rows, usually `KEYS.help()` of its
    /// static [`super::keys::KeyTable`].
    fn key_help(&self) -> HelpSection;

    /// Smallest area the screen needs; below it the app shows a notice.
    fn min_size(&self) -> Size {
        MIN_SIZE
    }
}

/// Request from a screen to the app, returned after handling an event.
pub enum Action {
    /// The event was handled and needs nothing from the app.
    None,
    /// The screen does not bind this key; the app tries its global keys.
    Unhandled,
    /// Close this screen and return to the one below; quits from the
    /// bottom screen.
    Back,
    /// Leave the app.
    Quit,
    /// Open a screen on top of this one.
    Open(Route),
    /// Run work against the store, then pass the result to
    /// [`Screen::on_reply`] of the screen that requested it.
    Store(StoreTask),
    /// Show a one-line message in the status line until the next key press.
    Notify(String),
}

impl fmt::Debug for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Unhandled => f.write_str("Unhandled"),
            Self::Back => f.write_str("Back"),
            Self::Quit => f.write_str("Quit"),
            Self::Open(route) => f.debug_tuple("Open").field(route).finish(),
            Self::Store(task) => f.debug_tuple("Store").field(&task.label).finish(),
            Self::Notify(text) => f.debug_tuple("Notify").field(text).finish(),
        }
    }
}

/// A screen the app can open. Lesson-specific routes carry the lesson id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    /// Today's review session, over all lessons or over one lesson.
    Review {
        lesson: Option<String>,
    },
    Quiz {
        lesson: String,
    },
    Path {
        lesson: String,
    },
    Reader {
        lesson: String,
    },
    /// The lesson review prompts due today, one after another.
    ReviewPrompts,
    /// The knowledge-distillation training demo.
    KdDemo,
    /// The ethanol-water distillation column demo.
    ColumnDemo,
    Stats,
    /// Help for the screen that is on top when the route is opened.
    Help,
}

/// Error returned by a [`StoreTask`] or by opening a screen. Any error type
/// converts into it with `?`, and its `Display` is shown to the learner.
pub type TaskError = Box<dyn std::error::Error + Send + Sync + 'static>;

type TaskFn = Box<dyn FnOnce(&mut Context) -> Result<Reply, TaskError>>;

/// Work against the store requested by a screen and run by the app.
pub struct StoreTask {
    label: String,
    run: TaskFn,
}

impl StoreTask {
    /// Creates a task. `label` names the work in messages and logs (such as
    /// `record answer`); `run` does it and returns a value for the screen.
    pub fn new<T, F>(label: impl Into<String>, run: F) -> Self
    where
        T: Any,
        F: FnOnce(&mut Context) -> Result<T, TaskError> + 'static,
    {
        Self {
            label: label.into(),
            run: Box::new(move |ctx| run(ctx).map(Reply::new)),
        }
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// Runs the task with `ctx`; the app calls this, and tests may too.
    pub fn run(self, ctx: &mut Context) -> Result<Reply, TaskError> {
        (self.run)(ctx)
    }
}

impl fmt::Debug for StoreTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoreTask")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// The value a [`StoreTask`] returned, handed back to the screen that
/// requested it. The screen takes the value out as the type its task
/// returned, with [`Reply::downcast`].
#[derive(Debug)]
pub struct Reply(Box<dyn Any>);

impl Reply {
    pub fn new<T: Any>(value: T) -> Self {
        Self(Box::new(value))
    }

    /// Takes the value out as `T`, or returns the reply unchanged when it
    /// contains another type.
    pub fn downcast<T: Any>(self) -> Result<T, Self> {
        self.0.downcast::<T>().map(|value| *value).map_err(Self)
    }
}

/// Resources a [`StoreTask`] runs with: the clock, the settings and, when
/// the app runs on a database, the store.
#[derive(Debug)]
pub struct Context {
    clock: Clock,
    store: Option<Store>,
    settings: Settings,
}

impl Context {
    /// Creates a context without a store, with default settings. Store
    /// queries then fail with [`NoStore`].
    pub fn new(clock: Clock) -> Self {
        Self {
            clock,
            store: None,
            settings: Settings::default(),
        }
    }

    /// Connects the context to `store`, studied with `settings`.
    pub fn with_store(mut self, store: Store, settings: Settings) -> Self {
        self.store = Some(store);
        self.settings = settings;
        self
    }

    /// Returns the store, or [`NoStore`] when the context has none.
    pub fn store(&mut self) -> Result<&mut Store, NoStore> {
        self.store.as_mut().ok_or(NoStore)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Returns the current time by the app's clock.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// Returns the current time with its study day, which starts at the
    /// configured hour.
    pub fn study_time(&self) -> Result<StudyTime, TaskError> {
        Ok(StudyTime::new(self.now(), self.settings.day_start_hour)?)
    }
}

/// Source of the current time, in the local time zone (from `TZ` or the
/// system setting). A fixed start (from `--now`) still advances with the real
/// time elapsed since the app started, so answer durations and the order of
/// log rows stay real.
#[derive(Debug, Clone)]
pub enum Clock {
    System,
    StartingAt {
        start: DateTime<FixedOffset>,
        since: std::time::Instant,
    },
}

impl Clock {
    /// A clock that reads `start` now and advances in real time.
    pub fn starting_at(start: DateTime<FixedOffset>) -> Self {
        Self::StartingAt {
            start,
            since: std::time::Instant::now(),
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Self::System => Local::now().fixed_offset(),
            Self::StartingAt { start, since } => {
                let elapsed = chrono::Duration::from_std(since.elapsed()).unwrap_or_default();
                (*start + elapsed).with_timezone(&Local).fixed_offset()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_downcasts_to_its_type() {
        let reply = Reply::new(42_u32);
        let reply = reply.downcast::<String>().unwrap_err();
        assert_eq!(reply.downcast::<u32>().unwrap(), 42);
    }

    #[test]
    fn task_runs_with_context() {
        let start = DateTime::parse_from_rfc3339("2026-03-01T09:30:00+02:00").unwrap();
        let mut ctx = Context::new(Clock::starting_at(start));
        let task = StoreTask::new("read clock", |ctx: &mut Context| Ok(ctx.now()));
        assert_eq!(task.label(), "read clock");
        let now = task
            .run(&mut ctx)
            .unwrap()
            .downcast::<DateTime<FixedOffset>>();
        assert!(now.unwrap() >= start);
    }
}
