//! The help screen (`?`): the keys of the screen it was opened from and the
//! global keys, built from the same key tables that dispatch the keys.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::screen::{Action, Screen};
use super::theme::Theme;
use super::wrap::{display_width, wrap_line};

/// Narrowest help-text column beside the keys; below it the text goes under
/// the keys.
const MIN_TEXT_WIDTH: usize = 16;

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
/// terminal; the offset is clamped when drawn, so scrolling past the end
/// shows the last page.
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

    /// Lays the help out for `width` cells: keys in a column, help text
    /// wrapped beside them with a hanging indent. Narrow areas put the text
    /// under its keys.
    fn lines(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let key_width = self
            .sections
            .iter()
            .flat_map(|section| &section.rows)
            .map(|row| display_width(&row.keys))
            .max()
            .unwrap_or(0);
        let indent = 2 + key_width + 2;
        let text_width = usize::from(width).saturating_sub(indent);
        let side_by_side = text_width >= MIN_TEXT_WIDTH;
        let mut lines = Vec::new();
        for section in &self.sections {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(section.title.clone(), theme.title));
            for row in &section.rows {
                let keys = Span::styled(row.keys.clone(), theme.key);
                let help = Line::styled(row.help.clone(), theme.text);
                if side_by_side {
                    let text_width = u16::try_from(text_width).unwrap_or(u16::MAX);
                    let wrapped = wrap_line(&help, text_width);
                    let pad = key_width - display_width(&row.keys) + 2;
                    for (index, mut line) in wrapped.into_iter().enumerate() {
                        let lead = if index == 0 {
                            vec![Span::raw("  "), keys.clone(), Span::raw(" ".repeat(pad))]
                        } else {
                            vec![Span::raw(" ".repeat(indent))]
                        };
                        line.spans.splice(0..0, lead);
                        lines.push(line);
                    }
                } else {
                    lines.push(Line::from(vec![Span::raw("  "), keys]));
                    let narrow = width.saturating_sub(4);
                    for mut line in wrap_line(&help, narrow) {
                        line.spans.insert(0, Span::raw("    "));
                        lines.push(line);
                    }
                }
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
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines = self.lines(inner.width, theme);
        let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = usize::from(self.scroll).min(max_scroll);
        let visible: Vec<Line<'_>> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(visible), inner);
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
