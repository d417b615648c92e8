//! Small drawing helpers shared by the screens: the "terminal too small"
//! notice, the footer of key hints, and a centered message.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

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

/// Builds the footer of `width` cells from help sections: the keys of all
/// sections but the last on the left, in table order, and the last section
/// (the global keys) on the right. Left items that do not fit are left out
/// whole, so the global `?` key always stays visible. Rows without a label
/// are not shown in the footer.
pub fn footer(sections: &[HelpSection], width: u16, theme: &Theme) -> Line<'static> {
    let Some((global, screen)) = sections.split_last() else {
        return Line::default();
    };
    let right = hint_spans(std::slice::from_ref(global), usize::MAX, theme);
    let right_width: usize = right.iter().map(|span| display_width(&span.content)).sum();
    let left_room = usize::from(width).saturating_sub(right_width + 2);
    let left = hint_spans(screen, left_room, theme);
    let left_width: usize = left.iter().map(|span| display_width(&span.content)).sum();
    let gap = usize::from(width).saturating_sub(left_width + right_width);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(right);
    Line::from(spans)
}

/// Builds `keys label` pairs separated by two spaces, stopping before the
/// first pair that would make the hints wider than `room` cells.
fn hint_spans(sections: &[HelpSection], room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    let rows = sections.iter().flat_map(|section| &section.rows);
    for row in rows.filter(|row| !row.label.is_empty()) {
        let separator = if spans.is_empty() { 0 } else { 2 };
        let item_width = display_width(&row.keys) + 1 + display_width(&row.label);
        if used + separator + item_width > room {
            break;
        }
        if separator > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(row.keys.clone(), theme.key));
        spans.push(Span::styled(format!(" {}", row.label), theme.dim));
        used += separator + item_width;
    }
    spans
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

/// Draws `values` (cards due per day, index 0 being today) as vertical
/// bars under `title`, labelled by day offset below. Bars get one cell and
/// lose their gaps when the area is narrow, and days that still do not fit
/// are left out. Bars of two or more cells show their count above them when
/// it fits. Draws nothing below four rows or four columns.
pub fn render_forecast(frame: &mut Frame, area: Rect, title: &str, values: &[u32], theme: &Theme) {
    if area.height < 4 || area.width < 4 || values.is_empty() {
        return;
    }
    let buf = frame.buffer_mut();
    let max = values.iter().copied().max().unwrap_or(0);
    let heading = format!("{title} (max {max})");
    buf.set_stringn(
        area.x,
        area.y,
        heading,
        usize::from(area.width),
        theme.title,
    );
    let (bar_width, gap) = bar_layout(area.width, values.len());
    let step = bar_width + gap;
    let fitting = usize::from(area.width.saturating_add(gap) / step).min(values.len());
    let chart = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    for (index, &value) in values.iter().take(fitting).enumerate() {
        let x = area.x + step * u16::try_from(index).unwrap_or(0);
        let bar = Rect {
            x,
            width: bar_width,
            ..chart
        };
        draw_bar(buf, bar, value, max, theme);
    }
    let labels_y = area.bottom() - 1;
    draw_day_labels(buf, area.x, labels_y, fitting, step, area.right(), theme);
}

/// Fills `bar` from the bottom in eighths of a cell, proportional to
/// `value / max`, and writes the value above the bar when it fits.
fn draw_bar(buf: &mut Buffer, bar: Rect, value: u32, max: u32, theme: &Theme) {
    const PARTIAL: [&str; 8] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇"];
    if value == 0 || max == 0 {
        return;
    }
    let capacity = u64::from(bar.height) * 8;
    let eighths = (u64::from(value) * capacity)
        .div_ceil(u64::from(max))
        .max(1);
    let full_rows = u16::try_from(eighths / 8).unwrap_or(bar.height);
    let remainder = usize::try_from(eighths % 8).unwrap_or(0);
    for row in 0..full_rows {
        let y = bar.bottom() - 1 - row;
        buf.set_string(bar.x, y, "█".repeat(usize::from(bar.width)), theme.bar);
    }
    let mut top = bar.bottom() - full_rows;
    if remainder > 0 && top > bar.y {
        top -= 1;
        buf.set_string(
            bar.x,
            top,
            PARTIAL[remainder].repeat(usize::from(bar.width)),
            theme.bar,
        );
    }
    // One-cell bars sit side by side, where a count above one bar would
    // read as part of its neighbour.
    let text = value.to_string();
    if top > bar.y && bar.width >= 2 && text.len() <= usize::from(bar.width) {
        buf.set_string(bar.x, top - 1, text, theme.accent);
    }
}

/// Writes day offsets under the bars, skipping bars so labels never touch.
fn draw_day_labels(
    buf: &mut Buffer,
    left: u16,
    y: u16,
    count: usize,
    step: u16,
    right: u16,
    theme: &Theme,
) {
    let widest = count.saturating_sub(1).to_string().len() + 1;
    let every = widest.div_ceil(usize::from(step)).max(1);
    for index in (0..count).step_by(every) {
        let x = left + step * u16::try_from(index).unwrap_or(0);
        let room = usize::from(right.saturating_sub(x));
        buf.set_stringn(x, y, index.to_string(), room, theme.dim);
    }
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
