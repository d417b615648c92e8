//! The statistics screen: answers per day as a calendar heatmap, retention,
//! cards per rung and a 30-day forecast.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::data;
use super::keys::{HelpSection, KeyTable};
use super::model::StatsView;
use super::screen::{Action, Context, Screen, TaskError};
use super::theme::Theme;
use super::widgets;

/// Rows of the heatmap: a month line, seven weekdays and the legend.
const HEATMAP_HEIGHT: u16 = 9;
/// Cells taken by the weekday labels left of the heatmap.
const WEEKDAY_LABEL_WIDTH: u16 = 4;
/// Glyphs for no answers and for the four activity levels, lightest first.
const LEVEL_GLYPHS: [&str; 5] = ["·", "░", "▒", "▓", "█"];

static KEYS: KeyTable<()> = KeyTable::new("Statistics", &[]);

/// The statistics screen's data; it has no keys of its own.
#[derive(Debug, Clone)]
pub struct StatsScreen {
    view: StatsView,
}

impl StatsScreen {
    /// Loads the statistics from the store.
    pub fn open(ctx: &mut Context) -> Result<Self, TaskError> {
        Ok(Self::new(data::load_stats(ctx)?))
    }

    pub fn new(view: StatsView) -> Self {
        Self { view }
    }
}

impl Screen for StatsScreen {
    fn title(&self) -> String {
        "Statistics".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let heatmap_height = if area.height >= HEATMAP_HEIGHT + 8 {
            HEATMAP_HEIGHT
        } else {
            0
        };
        let [title, totals, _, heatmap, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(heatmap_height),
            Constraint::Fill(1),
        ])
        .areas(area);
        let date = self.view.today.format("%A %-d %B %Y").to_string();
        let title_line = widgets::spread(
            Span::styled("Statistics", theme.title),
            Span::styled(date, theme.dim),
            title.width,
        );
        frame.render_widget(Paragraph::new(title_line), title);
        frame.render_widget(Paragraph::new(self.totals_line(theme)), totals);
        if heatmap_height > 0 {
            let lines = heatmap_lines(&self.view, heatmap.width, theme);
            frame.render_widget(Paragraph::new(lines), heatmap);
        }
        let [rungs, forecast] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .spacing(2)
                .areas(bottom);
        frame.render_widget(
            Paragraph::new(rung_lines(&self.view, rungs.width, theme)),
            rungs,
        );
        let title = "Due in the next 30 days";
        widgets::render_forecast(frame, forecast, title, &self.view.forecast, theme);
    }

    fn handle_key(&mut self, _key: KeyEvent) -> Action {
        Action::Unhandled
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}

impl StatsScreen {
    fn totals_line(&self, theme: &Theme) -> Line<'static> {
        let view = &self.view;
        let retention = match view.retention {
            Some(share) => format!("{:.0}%", share * 100.0),
            None => "–".to_string(),
        };
        let items = [
            ("Answers ", view.total_reviews.to_string()),
            ("Retention (30 days) ", retention),
            ("New cards ", view.new_cards.to_string()),
        ];
        let mut spans = Vec::new();
        for (label, value) in items {
            if !spans.is_empty() {
                spans.push(Span::raw("   "));
            }
            spans.push(Span::styled(label, theme.dim));
            spans.push(Span::styled(value, theme.accent));
        }
        Line::from(spans)
    }
}

/// Builds the heatmap: one column per week ending with this week, one row
/// per weekday from Monday, each day one glyph darker with more answers.
/// Shows as many weeks as fit into `width`.
fn heatmap_lines(view: &StatsView, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let weeks = usize::from(width.saturating_sub(WEEKDAY_LABEL_WIDTH) / 2);
    if weeks == 0 {
        return Vec::new();
    }
    let counts: HashMap<NaiveDate, u32> = view.reviews_per_day.iter().copied().collect();
    let max = counts.values().copied().max().unwrap_or(0);
    let this_monday =
        view.today - Duration::days(i64::from(view.today.weekday().num_days_from_monday()));
    let first_monday = this_monday - Duration::weeks(weeks as i64 - 1);
    let mut lines = vec![month_line(first_monday, weeks, usize::from(width), theme)];
    for weekday in 0..7 {
        let label = ["Mon ", "    ", "Wed ", "    ", "Fri ", "    ", "Sun "][weekday];
        let mut spans = vec![Span::styled(label, theme.dim)];
        for week in 0..weeks {
            let day = first_monday + Duration::days((week * 7 + weekday) as i64);
            if day > view.today {
                spans.push(Span::raw("  "));
                continue;
            }
            let level = activity_level(counts.get(&day).copied().unwrap_or(0), max);
            let style = if level == 0 { theme.dim } else { theme.bar };
            spans.push(Span::styled(format!("{} ", LEVEL_GLYPHS[level]), style));
        }
        lines.push(Line::from(spans));
    }
    let legend = legend_line(theme);
    if legend.width() <= usize::from(width) {
        lines.push(legend);
    }
    lines
}

/// Returns 0 for no answers and 1 to 4 for quarters of the busiest day.
fn activity_level(count: u32, max: u32) -> usize {
    if count == 0 || max == 0 {
        return 0;
    }
    let level = (u64::from(count) * 4).div_ceil(u64::from(max));
    usize::try_from(level).unwrap_or(4).clamp(1, 4)
}

/// Builds the line of month names above the heatmap, each starting at the
/// first week whose Monday falls in that month, cut to `width` cells.
fn month_line(first_monday: NaiveDate, weeks: usize, width: usize, theme: &Theme) -> Line<'static> {
    let mut text = " ".repeat(usize::from(WEEKDAY_LABEL_WIDTH));
    let mut previous_month = None;
    for week in 0..weeks {
        let monday = first_monday + Duration::weeks(week as i64);
        let column = usize::from(WEEKDAY_LABEL_WIDTH) + week * 2;
        if previous_month != Some(monday.month()) && text.chars().count() <= column {
            let pad = column - text.chars().count();
            text.push_str(&" ".repeat(pad));
            text.push_str(&monday.format("%b").to_string());
        }
        previous_month = Some(monday.month());
    }
    let text: String = text.chars().take(width).collect();
    Line::styled(text, theme.dim)
}

fn legend_line(theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("    Less ", theme.dim)];
    for (level, glyph) in LEVEL_GLYPHS.iter().enumerate() {
        let style = if level == 0 { theme.dim } else { theme.bar };
        spans.push(Span::styled(format!("{glyph} "), style));
    }
    spans.push(Span::styled("More", theme.dim));
    Line::from(spans)
}

/// Builds one bar per rung, new cards first, scaled to the largest count.
fn rung_lines(view: &StatsView, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut rows = vec![("new".to_string(), view.new_cards)];
    for (rung, &count) in view.cards_per_rung.iter().enumerate() {
        rows.push((format!("rung {rung}"), count));
    }
    let max = rows.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let count_width = max.to_string().len();
    let label_width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    let bar_space = usize::from(width).saturating_sub(label_width + count_width + 2);
    let mut lines = vec![Line::styled("Cards per rung", theme.title)];
    for (label, count) in rows {
        let bar = match max {
            0 => 0,
            max => (count as usize * bar_space).div_ceil(max as usize),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<label_width$} "), theme.dim),
            Span::styled("█".repeat(bar), theme.bar),
            Span::styled(format!(" {count}"), theme.text),
        ]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_levels_split_quarters() {
        assert_eq!(activity_level(0, 8), 0);
        assert_eq!(activity_level(1, 8), 1);
        assert_eq!(activity_level(2, 8), 1);
        assert_eq!(activity_level(3, 8), 2);
        assert_eq!(activity_level(8, 8), 4);
        assert_eq!(activity_level(5, 0), 0);
    }

    #[test]
    fn heatmap_fits_width() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let view = StatsView {
            today,
            reviews_per_day: vec![(today, 4)],
            ..StatsView::default()
        };
        let theme = Theme::monochrome();
        for width in 0..60 {
            for line in heatmap_lines(&view, width, &theme) {
                assert!(line.width() <= usize::from(width), "width {width}: {line}");
            }
        }
    }
}
