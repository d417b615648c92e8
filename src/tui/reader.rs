//! The lesson reader: Overview, Examples, Common Pitfalls, any sections the
//! lesson format does not define, and the Recap, as one scrollable page.
//!
//! Code blocks are shown as code under a line naming their language, and are
//! never reflowed: a code line wider than the screen continues on the next
//! row. This module also lays out lesson text for the path and review-prompt
//! screens ([`block_lines`], [`hanging_lines`]).

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::screen::{Action, Context, Screen, TaskError};
use super::text::{inline_line, sanitize};
use super::theme::Theme;
use super::widgets;
use super::wrap::{display_width, wrap_lines};
use crate::lesson::{Block, Concept, Item, Lesson};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

static KEYS: KeyTable<Command> = KeyTable::new(
    "Lesson reader",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "scroll",
            "Scroll down one line.",
            Command::Down,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "",
            "Scroll up one line.",
            Command::Up,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::PageDown), Key::char(' ')],
            "page",
            "Scroll down one screen.",
            Command::PageDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::PageUp), Key::char('b')],
            "",
            "Scroll up one screen.",
            Command::PageUp,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Home), Key::char('g')],
            "",
            "Go to the top.",
            Command::Top,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::End), Key::char('G')],
            "",
            "Go to the end.",
            Command::Bottom,
        ),
    ],
);

/// The size of the text and of the window onto it at the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Viewport {
    height: usize,
    total: usize,
}

/// A lesson's reading text and the scroll position.
#[derive(Debug)]
pub struct ReaderScreen {
    lesson: Lesson,
    /// Index of the first line shown.
    offset: usize,
    /// Layout of the last frame, so that scrolling stops at the end and a
    /// page is one screen. Rendering writes only this cache, which depends
    /// on the area alone, and never changes the scroll position.
    viewport: Cell<Viewport>,
}

impl ReaderScreen {
    /// Loads `lesson` from the store and opens the reader at its top.
    pub fn open(ctx: &mut Context, lesson: &str) -> Result<Self, TaskError> {
        Ok(Self::new(ctx.store()?.load_lesson(lesson)?))
    }

    /// Opens the reader at the top of `lesson`.
    pub fn new(lesson: Lesson) -> Self {
        Self {
            lesson,
            offset: 0,
            viewport: Cell::new(Viewport {
                height: 10,
                total: usize::MAX,
            }),
        }
    }

    /// Returns the index of the first line shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn scroll(&mut self, command: Command) {
        let Viewport { height, total } = self.viewport.get();
        let last = total.saturating_sub(height);
        let page = height.saturating_sub(1).max(1);
        self.offset = match command {
            Command::Up => self.offset.saturating_sub(1),
            Command::Down => self.offset.saturating_add(1),
            Command::PageUp => self.offset.saturating_sub(page),
            Command::PageDown => self.offset.saturating_add(page),
            Command::Top => 0,
            Command::Bottom => last,
        }
        .min(last);
    }

    /// Returns every line of the page at `width`.
    fn lines(&self, width: u16, theme: &Theme) -> Vec<Line<'static>> {
        let lesson = &self.lesson;
        let mut lines = Vec::new();
        section(
            &mut lines,
            "Overview",
            block_lines(&lesson.overview, width, theme),
            theme,
        );
        let mut examples = Vec::new();
        for example in &lesson.examples {
            if !examples.is_empty() {
                examples.push(Line::default());
            }
            let title = inline_line(&example.title, theme).patch_style(theme.bold);
            examples.extend(wrap_lines(&[title], width));
            examples.extend(block_lines(&example.blocks, width, theme));
        }
        section(&mut lines, "Examples", examples, theme);
        section(
            &mut lines,
            "Common Pitfalls",
            concept_lines(&lesson.pitfalls, width, theme),
            theme,
        );
        for other in &lesson.other_sections {
            section(
                &mut lines,
                &other.title,
                block_lines(&other.blocks, width, theme),
                theme,
            );
        }
        section(
            &mut lines,
            "Recap",
            item_lines(&lesson.recap, width, theme),
            theme,
        );
        if lines.is_empty() {
            lines.push(Line::styled("This lesson has no reading text.", theme.dim));
        }
        lines
    }
}

impl Screen for ReaderScreen {
    fn title(&self) -> String {
        "Lesson reader".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [header, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let lines = self.lines(body.width, theme);
        let height = usize::from(body.height);
        self.viewport.set(Viewport {
            height,
            total: lines.len(),
        });
        let offset = self.offset.min(lines.len().saturating_sub(height));
        let shown = if lines.len() <= height {
            "all".to_string()
        } else {
            format!(
                "{}%",
                (offset + height).min(lines.len()) * 100 / lines.len()
            )
        };
        let title = Span::styled(sanitize(&self.lesson.title).into_owned(), theme.title);
        let line = widgets::spread(title, Span::styled(shown, theme.dim), header.width);
        frame.render_widget(Paragraph::new(line), header);
        let visible: Vec<Line<'static>> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(visible), body);
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        match KEYS.command_for(&key) {
            Some(command) => {
                self.scroll(command);
                Action::None
            }
            None => Action::Unhandled,
        }
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}

/// Appends a section heading and its lines to `lines`, with a blank line
/// before it. A section without lines is left out.
fn section(lines: &mut Vec<Line<'static>>, title: &str, body: Vec<Line<'static>>, theme: &Theme) {
    if body.is_empty() {
        return;
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(Line::styled(sanitize(title).into_owned(), theme.accent));
    lines.extend(body);
}

/// Lays out blocks of reading text at `width`, with a blank line between
/// blocks.
pub fn block_lines(blocks: &[Block], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for block in blocks {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.extend(one_block(block, width, theme));
    }
    lines
}

fn one_block(block: &Block, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    match block {
        Block::Paragraph { text, .. } => wrap_lines(&[inline_line(text, theme)], width),
        Block::Heading { text, .. } => {
            wrap_lines(&[inline_line(text, theme).patch_style(theme.bold)], width)
        }
        Block::List { items, ordered, .. } => items
            .iter()
            .enumerate()
            .flat_map(|(index, item)| {
                let marker = match ordered {
                    true => format!("{}. ", index + 1),
                    false => "• ".to_string(),
                };
                hanging_lines(
                    Span::styled(marker, theme.dim),
                    inline_line(item, theme),
                    width,
                )
            })
            .collect(),
        Block::Code { language, code, .. } => code_lines(language.as_deref(), code, width, theme),
        Block::Table { header, rows, .. } => table_lines(header, rows, width, theme),
        Block::Quote { text, .. } => hanging_lines(
            Span::styled("│ ", theme.dim),
            inline_line(text, theme),
            width,
        ),
    }
}

/// Lays out a code block: a line naming the language, then each code line
/// in the code style, split between grapheme clusters where it is wider than
/// `width` so that nothing is reflowed or lost.
fn code_lines(language: Option<&str>, code: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let label = match language.filter(|language| !language.is_empty()) {
        Some(language) => format!("── code: {} ──", sanitize(language)),
        None => "── code ──".to_string(),
    };
    let mut lines = vec![Line::styled(label, theme.dim)];
    let width = usize::from(width).max(1);
    for source_line in code.lines() {
        let clean = sanitize(source_line);
        lines.extend(
            split_by_width(&clean, width)
                .into_iter()
                .map(|row| Line::styled(row, theme.code)),
        );
    }
    lines
}

/// Splits `text` into rows of at most `width` cells between grapheme
/// clusters; empty text gives one empty row.
fn split_by_width(text: &str, width: usize) -> Vec<String> {
    let mut rows = vec![String::new()];
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let cells = display_width(grapheme);
        if used + cells > width && used > 0 {
            rows.push(String::new());
            used = 0;
        }
        used += cells;
        if let Some(row) = rows.last_mut() {
            row.push_str(grapheme);
        }
    }
    rows
}

fn table_lines(
    header: &[String],
    rows: &[Vec<String>],
    width: u16,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let header_line = inline_line(&header.join(" │ "), theme).patch_style(theme.bold);
    lines.extend(wrap_lines(&[header_line], width));
    for row in rows {
        lines.extend(wrap_lines(&[inline_line(&row.join(" │ "), theme)], width));
    }
    lines
}

/// Lays out bold terms with their text as bullets, as pitfalls and related
/// concepts are shown.
pub fn concept_lines(concepts: &[Concept], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    concepts
        .iter()
        .flat_map(|concept| {
            let mut line = inline_line(&concept.term, theme).patch_style(theme.bold);
            line.spans.push(Span::raw(" – "));
            line.spans
                .extend(inline_line(&concept.definition, theme).spans);
            hanging_lines(Span::styled("• ", theme.dim), line, width)
        })
        .collect()
}

/// Lays out items (recap points, warm-up questions) as bullets.
pub fn item_lines(items: &[Item], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    items
        .iter()
        .flat_map(|item| {
            hanging_lines(
                Span::styled("• ", theme.dim),
                inline_line(&item.text, theme),
                width,
            )
        })
        .collect()
}

/// Wraps `body` after `prefix`, indenting the following rows by the prefix's
/// width so that a bullet or number hangs to the left of its text.
pub fn hanging_lines(prefix: Span<'static>, body: Line<'static>, width: u16) -> Vec<Line<'static>> {
    let indent = u16::try_from(display_width(&prefix.content)).unwrap_or(u16::MAX);
    if width <= indent.saturating_add(4) {
        let mut line = body;
        line.spans.insert(0, prefix);
        return wrap_lines(&[line], width);
    }
    let mut rows = wrap_lines(&[body], width - indent);
    for (index, row) in rows.iter_mut().enumerate() {
        let lead = match index {
            0 => prefix.clone(),
            _ => Span::styled(" ".repeat(usize::from(indent)), Style::new()),
        };
        row.spans.insert(0, lead);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    #[test]
    fn hanging_indent_aligns_rows() {
        let rows = hanging_lines(Span::raw("• "), Line::raw("пара и течност се срещат"), 14);
        assert_eq!(text(&rows), ["• пара и", "  течност се", "  срещат"]);
    }

    #[test]
    fn code_rows_split_without_reflow() {
        assert_eq!(split_by_width("let x = 1;", 4), ["let ", "x = ", "1;"]);
        assert_eq!(split_by_width("", 4), [""]);
        assert_eq!(split_by_width("蒸馏塔", 5), ["蒸馏", "塔"]);
    }
}
