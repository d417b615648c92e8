//! Word wrapping of styled lines by display width.
//!
//! Widths are counted per grapheme cluster with `unicode-width`, so Cyrillic
//! letters take one cell, CJK ideographs two, and combining marks and
//! zero-width characters none (they stay attached to their base letter).
//! Lines break at whitespace and at U+200B ZERO WIDTH SPACE. A no-break space
//! (U+00A0, U+2007, U+202F) never breaks, so `78 °C` stays on one line. A
//! word wider than the line is split between grapheme clusters.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One grapheme cluster with its display width and style.
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    grapheme: &'a str,
    width: usize,
    style: Style,
}

/// A run of graphemes that is either all break opportunities (spaces) or
/// contains none (a word).
#[derive(Debug, Default)]
struct Token<'a> {
    cells: Vec<Cell<'a>>,
    width: usize,
    is_space: bool,
}

/// Wraps `line` to lines of at most `width` cells. The line's own style is
/// applied to every span of the result. Spaces at a break are dropped, and
/// leading spaces of the first line are kept, so indentation survives.
/// Returns no lines for a width of zero and one empty line for empty text.
pub fn wrap_line(line: &Line<'_>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if width == 0 {
        return Vec::new();
    }
    let mut builder = Builder::new(width);
    for token in tokens(line) {
        builder.push(token);
    }
    builder.finish()
}

/// Wraps each line of `lines` and concatenates the results.
pub fn wrap_lines(lines: &[Line<'_>], width: u16) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|line| wrap_line(line, width))
        .collect()
}

/// Returns the display width of `text` in terminal cells.
pub fn display_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(grapheme: &str) -> usize {
    grapheme.width()
}

fn is_break(grapheme: &str) -> bool {
    grapheme == "\u{200b}"
        || grapheme
            .chars()
            .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

fn tokens<'a>(line: &'a Line<'_>) -> Vec<Token<'a>> {
    let mut tokens: Vec<Token<'a>> = Vec::new();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for grapheme in span.content.graphemes(true) {
            let cell = Cell {
                grapheme,
                width: grapheme_width(grapheme),
                style,
            };
            let is_space = is_break(grapheme);
            match tokens.last_mut() {
                Some(token) if token.is_space == is_space => {
                    token.width += cell.width;
                    token.cells.push(cell);
                }
                _ => tokens.push(Token {
                    cells: vec![cell],
                    width: cell.width,
                    is_space,
                }),
            }
        }
    }
    tokens
}

/// Greedy line filler: words go on the current line while they fit.
struct Builder<'a> {
    width: usize,
    lines: Vec<Line<'static>>,
    current: Vec<Cell<'a>>,
    current_width: usize,
    /// Spaces seen after the last word, written only if another word follows
    /// on the same line.
    pending_space: Option<Token<'a>>,
    at_start: bool,
}

impl<'a> Builder<'a> {
    fn new(width: usize) -> Self {
        Self {
            width,
            lines: Vec::new(),
            current: Vec::new(),
            current_width: 0,
            pending_space: None,
            at_start: true,
        }
    }

    fn push(&mut self, token: Token<'a>) {
        if token.is_space {
            if self.at_start {
                self.push_cells(token.cells);
            } else if !self.current.is_empty() {
                self.pending_space = Some(token);
            }
            return;
        }
        self.at_start = false;
        let space_width = self.pending_space.as_ref().map_or(0, |space| space.width);
        let fits = self.current_width + space_width + token.width <= self.width;
        if fits {
            if let Some(space) = self.pending_space.take() {
                self.push_cells(space.cells);
            }
        } else if !self.current.is_empty() {
            self.break_line();
        }
        self.push_cells(token.cells);
    }

    /// Appends cells, breaking the line between clusters when one does not
    /// fit. Words reach this only after a break if they fit a whole line, so
    /// only words wider than the line are split.
    fn push_cells(&mut self, cells: Vec<Cell<'a>>) {
        for cell in cells {
            if self.current_width + cell.width > self.width && !self.current.is_empty() {
                self.break_line();
            }
            self.current_width += cell.width;
            self.current.push(cell);
        }
    }

    fn break_line(&mut self) {
        let cells = std::mem::take(&mut self.current);
        self.lines.push(to_line(&cells));
        self.current_width = 0;
        self.pending_space = None;
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if !self.current.is_empty() || self.lines.is_empty() {
            let cells = std::mem::take(&mut self.current);
            self.lines.push(to_line(&cells));
        }
        self.lines
    }
}

/// Joins cells into spans, one span per run of the same style.
fn to_line(cells: &[Cell<'_>]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for cell in cells {
        if style.is_some_and(|s| s != cell.style) {
            spans.push(Span::styled(
                std::mem::take(&mut text),
                style.unwrap_or_default(),
            ));
        }
        style = Some(cell.style);
        text.push_str(cell.grapheme);
    }
    if let Some(style) = style {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Stylize;

    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    fn wrap_text(text: &str, width: u16) -> Vec<String> {
        plain(&wrap_line(&Line::from(text.to_string()), width))
    }

    #[test]
    fn cyrillic_wraps_by_cells() {
        let text = "Дестилацията разделя течности по летливост";
        let lines = wrap_text(text, 20);
        assert_eq!(lines, ["Дестилацията разделя", "течности по", "летливост"]);
        for line in &lines {
            assert!(display_width(line) <= 20);
        }
    }

    #[test]
    fn combining_marks_take_no_cell() {
        // "е" followed by U+0301 COMBINING ACUTE ACCENT is one cell wide.
        let word = "уче\u{301}ник";
        assert_eq!(display_width(word), 6);
        assert_eq!(wrap_text(&format!("{word} {word}"), 6), [word, word]);
    }

    #[test]
    fn zero_width_space_is_a_break() {
        let text = "дълга\u{200b}дума";
        assert_eq!(display_width(text), 9);
        assert_eq!(wrap_text(text, 6), ["дълга", "дума"]);
    }

    #[test]
    fn zero_width_joiner_stays_in_word() {
        let text = "a\u{200d}b cd";
        assert_eq!(wrap_text(text, 3), ["a\u{200d}b", "cd"]);
    }

    #[test]
    fn no_break_space_keeps_unit() {
        let text = "кипи при 78\u{a0}°C";
        assert_eq!(wrap_text(text, 11), ["кипи при", "78\u{a0}°C"]);
    }

    #[test]
    fn typographic_quotes_count_one_cell() {
        let text = "„кипене“ и «пара»";
        assert_eq!(display_width(text), 17);
        assert_eq!(wrap_text(text, 10), ["„кипене“ и", "«пара»"]);
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(wrap_text("蒸馏塔 柱", 4), ["蒸馏", "塔", "柱"]);
    }

    #[test]
    fn long_word_is_split() {
        assert_eq!(wrap_text("абвгдежзий", 4), ["абвг", "дежз", "ий"]);
    }

    #[test]
    fn leading_indent_is_kept() {
        assert_eq!(wrap_text("    let x = 1;", 40), ["    let x = 1;"]);
    }

    #[test]
    fn empty_and_zero_width() {
        assert_eq!(wrap_text("", 10), [""]);
        assert!(wrap_line(&Line::from("abc"), 0).is_empty());
    }

    #[test]
    fn styles_survive_wrapping() {
        let line = Line::from(vec!["обикновен ".into(), "удебелен текст".bold()]);
        let lines = wrap_line(&line, 12);
        assert_eq!(plain(&lines), ["обикновен", "удебелен", "текст"]);
        assert_eq!(lines[1].spans[0].style, Style::new().bold());
        assert_eq!(lines[0].spans[0].style, Style::new());
    }
}
