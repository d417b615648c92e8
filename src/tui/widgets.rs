//! Small drawing helpers shared by the screens: the "terminal too small"
//! notice, the footer of key hints, and a centered message.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget, Wrap};

use super::keys::HelpSection;
use super::theme::Theme;
use super::wrap::display_width;

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

/// Builds a progress bar of `width` cells: `█` for the done share and `░`
/// for the rest, readable without colors.
pub fn gauge_line(done: usize, total: usize, width: u16, theme: &Theme) -> Line<'static> {
    let width = usize::from(width);
    let filled = match total {
        0 => width,
        total => done.min(total) * width / total,
    };
    Line::from(vec![
        Span::styled("█".repeat(filled), theme.bar),
        Span::styled("░".repeat(width - filled), theme.dim),
    ])
}

/// Builds a line of `width` cells with `left` at the start and `right` at
/// the end. When both do not fit, `right` is dropped.
pub fn spread(left: Span<'static>, right: Span<'static>, width: u16) -> Line<'static> {
    let left_width = display_width(&left.content);
    let right_width = display_width(&right.content);
    let width = usize::from(width);
    if left_width + 1 + right_width > width {
        return Line::from(left);
    }
    let gap = " ".repeat(width - left_width - right_width);
    Line::from(vec![left, Span::raw(gap), right])
}

/// Draws `values` (cards due per day, index 0 being today) as a bar chart
/// under `title`, with each bar labelled by its day offset. Bars shrink to one
/// cell and lose their gaps on narrow areas. Draws nothing below three rows.
pub fn render_forecast(frame: &mut Frame, area: Rect, title: &str, values: &[u32], theme: &Theme) {
    if area.height < 3 || area.width == 0 || values.is_empty() {
        return;
    }
    let (bar_width, gap) = bar_layout(area.width, values.len());
    let bars: Vec<Bar<'_>> = values
        .iter()
        .enumerate()
        .map(|(day, &value)| {
            Bar::default()
                .value(u64::from(value))
                .label(Line::from(day.to_string()))
                .text_value(value.to_string())
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::new().title(Line::styled(title.to_string(), theme.title)))
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap)
        .bar_style(theme.bar)
        .value_style(theme.accent)
        .label_style(theme.dim);
    frame.render_widget(chart, area);
}

/// Returns the widest bars (and the gap between them) that fit `count` bars
/// into `width` cells: a gap of one cell while bars can be at least one cell
/// wide with it, otherwise no gap.
fn bar_layout(width: u16, count: usize) -> (u16, u16) {
    let count = u16::try_from(count).unwrap_or(u16::MAX).max(1);
    let with_gap = width.saturating_add(1) / count;
    if with_gap >= 2 {
        (with_gap - 1, 1)
    } else {
        ((width / count).max(1), 0)
    }
}
