//! Key tables: one list per screen that both dispatches key presses and
//! builds the help screen and the footer hints, so the two never disagree.
//!
//! A screen declares its bindings as a `static` [`KeyTable`] whose commands
//! are values of the screen's own command enum, then looks each key press up
//! with [`KeyTable::command_for`]:
//!
//! ```
//! use distill::tui::keys::{Key, KeyBinding, KeyTable};
//! use ratatui::crossterm::event::{KeyCode, KeyEvent};
//!
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! enum Command { Reveal, Down }
//!
//! static KEYS: KeyTable<Command> = KeyTable::new("Review", &[
//!     KeyBinding::new(&[Key::char(' '), Key::plain(KeyCode::Enter)], "reveal",
//!         "Show the back of the card.", Command::Reveal),
//!     KeyBinding::new(&[Key::plain(KeyCode::Down), Key::char('j')], "down",
//!         "Move down.", Command::Down),
//! ]);
//!
//! let press = KeyEvent::from(KeyCode::Char('j'));
//! assert_eq!(KEYS.command_for(&press), Some(Command::Down));
//! ```

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, as written in a key table.
///
/// For character keys the Shift modifier is ignored when matching, because
/// terminals differ in whether `?` arrives as `Char('?')` alone or with Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Creates a character key without modifiers (`Key::char('q')`).
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Creates a character key with Control held (`Key::ctrl('c')`).
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Creates a key without modifiers (`Key::plain(KeyCode::Esc)`).
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// Reports whether `event` is this key. Release and repeat events are not
    /// filtered here: the app drops them before they reach a screen.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut modifiers = event.modifiers;
        if matches!(event.code, KeyCode::Char(_)) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        self.code == event.code && self.modifiers == modifiers
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of a key table: the keys that trigger a command, a short label for
/// the footer and a sentence for the help screen.
#[derive(Debug, Clone, Copy)]
pub struct KeyBinding<C: 'static> {
    pub keys: &'static [Key],
    /// One or two words shown in the footer, such as `reveal`.
    pub label: &'static str,
    /// A sentence shown on the help screen.
    pub help: &'static str,
    /// The screen's own command value that these keys trigger.
    pub command: C,
}

impl<C> KeyBinding<C> {
    pub const fn new(
        keys: &'static [Key],
        label: &'static str,
        help: &'static str,
        command: C,
    ) -> Self {
        Self {
            keys,
            label,
            help,
            command,
        }
    }

    /// Formats the keys for display, joined by `/` (`Space/Enter`).
    pub fn keys_text(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(Key::to_string).collect();
        names.join("/")
    }
}

/// The key bindings of one screen, in the order the help screen lists them.
#[derive(Debug, Clone, Copy)]
pub struct KeyTable<C: 'static> {
    /// Heading of this table's section on the help screen.
    pub title: &'static str,
    pub bindings: &'static [KeyBinding<C>],
}

impl<C: Copy> KeyTable<C> {
    pub const fn new(title: &'static str, bindings: &'static [KeyBinding<C>]) -> Self {
        Self { title, bindings }
    }

    /// Returns the command bound to `event`, or `None` when no binding matches.
    /// The first matching row wins.
    pub fn command_for(&self, event: &KeyEvent) -> Option<C> {
        self.bindings
            .iter()
            .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
            .map(|binding| binding.command)
    }

    /// Builds this table's section of the help screen.
    pub fn help(&self) -> HelpSection {
        HelpSection {
            title: self.title.to_string(),
            rows: self.bindings.iter().map(HelpRow::from_binding).collect(),
        }
    }
}

/// One line of the help screen or the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys as displayed, such as `q/Esc`.
    pub keys: String,
    pub label: String,
    pub help: String,
}

impl HelpRow {
    fn from_binding<C>(binding: &KeyBinding<C>) -> Self {
        Self {
            keys: binding.keys_text(),
            label: binding.label.to_string(),
            help: binding.help.to_string(),
        }
    }
}

/// A titled group of help rows: one screen's keys, or the global keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpSection {
    pub title: String,
    pub rows: Vec<HelpRow>,
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyEventKind, KeyEventState};

    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Command {
        Help,
        Quit,
        Interrupt,
    }

    static TABLE: KeyTable<Command> = KeyTable::new(
        "Test",
        &[
            KeyBinding::new(&[Key::char('?')], "help", "Show help.", Command::Help),
            KeyBinding::new(
                &[Key::char('q'), Key::plain(KeyCode::Esc)],
                "quit",
                "Quit.",
                Command::Quit,
            ),
            KeyBinding::new(&[Key::ctrl('c')], "stop", "Stop.", Command::Interrupt),
        ],
    );

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn shifted_character_matches() {
        let shifted = event(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(TABLE.command_for(&shifted), Some(Command::Help));
    }

    #[test]
    fn control_must_match_exactly() {
        let plain_c = event(KeyCode::Char('c'), KeyModifiers::NONE);
        let ctrl_c = event(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let ctrl_q = event(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(TABLE.command_for(&plain_c), None);
        assert_eq!(TABLE.command_for(&ctrl_c), Some(Command::Interrupt));
        assert_eq!(TABLE.command_for(&ctrl_q), None);
    }

    #[test]
    fn help_lists_every_binding() {
        let help = TABLE.help();
        assert_eq!(help.title, "Test");
        assert_eq!(help.rows.len(), 3);
        assert_eq!(help.rows[1].keys, "q/Esc");
        assert_eq!(help.rows[2].keys, "Ctrl-c");
        assert_eq!(help.rows[1].help, "Quit.");
    }

    #[test]
    fn key_names_display() {
        assert_eq!(Key::char(' ').to_string(), "Space");
        assert_eq!(Key::plain(KeyCode::Up).to_string(), "↑");
        assert_eq!(Key::plain(KeyCode::Enter).to_string(), "Enter");
    }
}
