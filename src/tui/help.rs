//! The help screen (`?`): the keys of the screen it was opened from and the
//! global keys, built from the same key tables that dispatch the keys.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::screen::{Action, Screen};
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
}

static KEYS: KeyTable<Command> = KeyTable::new(
    "Help",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "scroll",
            "Scroll up one line.",
            Command::Up,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Scroll down one line.",
            Command::Down,
        ),
    ],
);

/// Lists key bindings by section. Scrolls when the list is taller than the
/// terminal.
#[derive(Debug, Clone)]
pub struct HelpScreen {
    sections: Vec<HelpSection>,
    scroll: u16,
}

impl HelpScreen {
    pub fn new(sections: Vec<HelpSection>) -> Self {
        Self {
            sections,
            scroll: 0,
        }
    }

    fn lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let key_width = self
            .sections
            .iter()
            .flat_map(|section| &section.rows)
            .map(|row| unicode_width::UnicodeWidthStr::width(row.keys.as_str()))
            .max()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for section in &self.sections {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(section.title.clone(), theme.title));
            for row in &section.rows {
                let pad = key_width
                    .saturating_sub(unicode_width::UnicodeWidthStr::width(row.keys.as_str()));
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(row.keys.clone(), theme.key),
                    Span::raw(" ".repeat(pad + 2)),
                    Span::styled(row.help.clone(), theme.text),
                ]));
            }
        }
        lines
    }
}

impl Screen for HelpScreen {
    fn title(&self) -> String {
        "Help".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let block = Block::bordered().title(Span::styled(" Keys ", theme.title));
        let paragraph = Paragraph::new(self.lines(theme))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0));
        frame.render_widget(paragraph, area);
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        match KEYS.command_for(&key) {
            Some(Command::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Command::Down) => self.scroll = self.scroll.saturating_add(1),
            None => return Action::Unhandled,
        }
        Action::None
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }

    fn min_size(&self) -> Size {
        Size::new(20, 5)
    }
}
