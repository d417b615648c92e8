//! A screen that shows one titled message, for a route without a screen of
//! its own.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Rect, Size};
use ratatui::text::Line;

use super::keys::{HelpSection, KeyTable};
use super::screen::{Action, Screen};
use super::theme::Theme;
use super::widgets;

static KEYS: KeyTable<()> = KeyTable::new("Notice", &[]);

/// A titled one-line message; any key other than the global ones does nothing.
#[derive(Debug, Clone)]
pub struct NoticeScreen {
    title: String,
    message: String,
}

impl NoticeScreen {
    pub fn new(title: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            message: message.into(),
        }
    }

    /// Creates a notice that the screen named `title` is not available in
    /// this build.
    pub fn unavailable(title: &str) -> Self {
        Self::new(title, format!("{title} is not available in this build."))
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl Screen for NoticeScreen {
    fn title(&self) -> String {
        self.title.clone()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let lines = vec![
            Line::styled(self.title.clone(), theme.title),
            Line::default(),
            Line::styled(self.message.clone(), theme.text),
        ];
        widgets::render_centered(frame.buffer_mut(), area, lines);
    }

    fn handle_key(&mut self, _key: KeyEvent) -> Action {
        Action::Unhandled
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }

    fn min_size(&self) -> Size {
        Size::new(10, 3)
    }
}
