//! Styles shared by every screen, in color or, when `NO_COLOR` is set, with
//! text attributes only (bold, underline, reverse).

use ratatui::style::{Color, Modifier, Style};

/// The named styles screens draw with. Screens never pick colors directly, so
/// `NO_COLOR` applies everywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// True when colors are in use; false under `NO_COLOR`.
    pub color: bool,
    pub text: Style,
    /// Secondary text: hints, labels, empty states.
    pub dim: Style,
    pub title: Style,
    /// Emphasized numbers and the selected grade.
    pub accent: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// Inline code in lesson text.
    pub code: Style,
    pub bold: Style,
    pub italic: Style,
    pub link: Style,
    /// Good news: a correct answer, a kept streak.
    pub good: Style,
    /// Warnings and errors.
    pub bad: Style,
    /// Filled part of gauges and bars.
    pub bar: Style,
    /// Keys shown in the footer and the help screen.
    pub key: Style,
}

impl Theme {
    /// Picks the theme from the environment: monochrome when `NO_COLOR` is set
    /// to a non-empty value (the convention documented at no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        if no_color {
            Self::monochrome()
        } else {
            Self::colored()
        }
    }

    pub fn colored() -> Self {
        let base = Style::new();
        Self {
            color: true,
            text: base,
            dim: base.fg(Color::DarkGray),
            title: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            accent: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: base.bg(Color::Blue).fg(Color::White),
            code: base.fg(Color::LightMagenta),
            bold: base.add_modifier(Modifier::BOLD),
            italic: base.add_modifier(Modifier::ITALIC),
            link: base.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            good: base.fg(Color::Green),
            bad: base.fg(Color::Red),
            bar: base.fg(Color::Cyan),
            key: base.fg(Color::Yellow),
        }
    }

    pub fn monochrome() -> Self {
        let base = Style::new();
        Self {
            color: false,
            text: base,
            dim: base,
            title: base.add_modifier(Modifier::BOLD),
            accent: base.add_modifier(Modifier::BOLD),
            selected: base.add_modifier(Modifier::REVERSED),
            code: base.add_modifier(Modifier::UNDERLINED),
            bold: base.add_modifier(Modifier::BOLD),
            italic: base.add_modifier(Modifier::ITALIC),
            link: base.add_modifier(Modifier::UNDERLINED),
            good: base,
            bad: base.add_modifier(Modifier::BOLD),
            bar: base,
            key: base.add_modifier(Modifier::BOLD),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self::colored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colors() {
        let theme = Theme::monochrome();
        let styles = [
            theme.text,
            theme.dim,
            theme.title,
            theme.accent,
            theme.selected,
            theme.code,
            theme.bold,
            theme.italic,
            theme.link,
            theme.good,
            theme.bad,
            theme.bar,
            theme.key,
        ];
        for style in styles {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }
}
