//! Small drawing helpers shared by the screens: the "terminal too small"
//! notice, the footer of key hints, and a centered message.

use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keys::HelpSection;
use super::theme::Theme;

/// Draws a notice that the terminal is smaller than `min`, with the current
/// size, wrapped into whatever fits of `area` (nothing at 0x0).
pub fn render_too_small(buf: &mut Buffer, area: Rect, min: Size, theme: &Theme) {
    let text = format!(
        "Terminal too small: {}x{}. Resize to at least {}x{}.",
        area.width, area.height, min.width, min.height
    );
    Paragraph::new(Line::styled(text, theme.bad))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// Builds the footer line: each key and its label, in table order, with the
/// global keys last. Rows without a label are left out of the footer.
pub fn footer(sections: &[HelpSection], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let rows = sections.iter().flat_map(|section| &section.rows);
    for row in rows.filter(|row| !row.label.is_empty()) {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(row.keys.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", row.label), theme.dim));
    }
    Line::from(spans)
}

/// Draws `lines` centered vertically and horizontally in `area`, wrapped at
/// the area's width.
pub fn render_centered(buf: &mut Buffer, area: Rect, lines: Vec<Line<'_>>) {
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(height) / 2;
    let inner = Rect {
        y: area.y.saturating_add(top),
        height: area.height.saturating_sub(top),
        ..area
    };
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
