//! Drawing of the KD screen: the settings line, the gauge, the loss and
//! accuracy charts, the sweep table and the soft-target bar charts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Cell, Chart, Dataset, GraphType, LegendPosition,
    Paragraph, Row, Table, Wrap,
};

use super::{Curve, KdScreen, Phase, View};
use crate::demo::kd::Report;
use crate::demo::kd::soft::{Distribution, SoftTargetExample};
use crate::tui::screen::MIN_SIZE;
use crate::tui::theme::Theme;
use crate::tui::widgets;

/// Smallest body that shows the charts, the table and the soft targets at once.
const WIDE_WIDTH: u16 = 90;
const WIDE_HEIGHT: u16 = 22;
/// Width of the sweep table in the wide layout.
const TABLE_WIDTH: u16 = 44;
/// Largest share of a chart that its legend may cover before it is hidden.
const LEGEND_LIMITS: (Constraint, Constraint) = (Constraint::Ratio(1, 2), Constraint::Ratio(1, 2));

pub(super) fn render(screen: &KdScreen, frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.width < MIN_SIZE.width || area.height < MIN_SIZE.height {
        widgets::render_too_small(frame.buffer_mut(), area, MIN_SIZE, theme);
        return;
    }
    let [title, gauge, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(settings_line(screen, title.width, theme), title);
    frame.render_widget(gauge_line(screen, gauge.width, theme), gauge);
    if let Err(message) = &screen.split {
        let text =
            Paragraph::new(Line::styled(message.clone(), theme.bad)).wrap(Wrap { trim: true });
        frame.render_widget(text, body);
    } else if body.width >= WIDE_WIDTH && body.height >= WIDE_HEIGHT {
        render_wide(screen, frame, body, theme);
    } else {
        render_view(screen, screen.view, frame, body, theme);
    }
}

fn render_wide(screen: &KdScreen, frame: &mut Frame, area: Rect, theme: &Theme) {
    let [charts, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let [table, soft] =
        Layout::horizontal([Constraint::Length(TABLE_WIDTH), Constraint::Min(0)]).areas(bottom);
    render_view(screen, View::Curves, frame, charts, theme);
    render_view(screen, View::Results, frame, table, theme);
    render_view(screen, View::SoftTargets, frame, soft, theme);
}

fn render_view(screen: &KdScreen, view: View, frame: &mut Frame, area: Rect, theme: &Theme) {
    match view {
        View::Curves => render_curves(screen, frame, area, theme),
        View::Results => render_results(screen.sweep.as_ref(), frame, area, theme),
        View::SoftTargets => render_soft_targets(screen.soft_targets.as_ref(), frame, area, theme),
    }
}

fn settings_line(screen: &KdScreen, width: u16, theme: &Theme) -> Line<'static> {
    let labels = match screen.labels_per_class() {
        Some(k) => format!("{k} per digit"),
        None => "all".to_string(),
    };
    let settings = Span::styled(
        format!(
            "T = {} · α = {:.1} · labels: {labels}",
            screen.temperature(),
            screen.alpha()
        ),
        theme.title,
    );
    let phase = match &screen.phase {
        Phase::Idle => Span::styled("Enter trains, s sweeps", theme.dim),
        Phase::Training => Span::styled("training…", theme.accent),
        Phase::Sweeping { .. } => Span::styled("sweeping…", theme.accent),
        Phase::Finished => Span::styled("done", theme.good),
        Phase::Cancelled => Span::styled("cancelled", theme.bad),
        Phase::Failed(message) => Span::styled(format!("failed: {message}"), theme.bad),
    };
    widgets::spread(settings, phase, width)
}

fn gauge_line(screen: &KdScreen, width: u16, theme: &Theme) -> Line<'static> {
    let (done, total, unit) = screen.progress();
    if total == 0 {
        return widgets::gauge_line(0, 1, width, theme);
    }
    let count = format!(" {done}/{total} {unit}");
    let count_width = u16::try_from(count.chars().count()).unwrap_or(u16::MAX);
    let mut gauge = widgets::gauge_line(done, total, width.saturating_sub(count_width), theme);
    gauge.spans.push(Span::styled(count, theme.dim));
    gauge
}

fn render_curves(screen: &KdScreen, frame: &mut Frame, area: Rect, theme: &Theme) {
    let curves = &screen.curves;
    if curves.epochs_done() == 0 {
        let hint = "Press Enter to train the teacher (the first time) and two students: one \
                    distilled at the chosen T and α, one on labels only. Press s for the sweep.";
        let paragraph = Paragraph::new(Line::styled(hint, theme.dim))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title("Training curves"));
        frame.render_widget(paragraph, area);
        return;
    }

    let [loss, accuracy] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let epochs = curves.epochs.max(1) as f64;

    let loss_series = series(screen, |curve| &curve.loss, theme);
    let max_loss = loss_series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .fold(0.0_f64, f64::max)
        .max(1e-3);
    let chart = line_chart(
        "loss".into(),
        &loss_series,
        [0.0, epochs],
        [0.0, max_loss],
        theme,
    );
    frame.render_widget(chart, loss);

    let accuracy_series = series(screen, |curve| &curve.accuracy, theme);
    let title = accuracy_title(&curves.distilled, &curves.labels_only, accuracy.width);
    let chart = line_chart(title, &accuracy_series, [0.0, epochs], [0.0, 1.0], theme);
    frame.render_widget(chart, accuracy);
}

/// One named line of a chart.
struct Series<'a> {
    name: &'a str,
    points: &'a [(f64, f64)],
    style: Style,
}

/// Picks one kind of points (loss or accuracy) from each network's curve.
fn series<'a>(
    screen: &'a KdScreen,
    points: fn(&Curve) -> &Vec<(f64, f64)>,
    theme: &Theme,
) -> Vec<Series<'a>> {
    let curves = &screen.curves;
    [
        ("teacher", &curves.teacher, theme.dim),
        ("distilled", &curves.distilled, theme.accent),
        ("labels only", &curves.labels_only, theme.bar),
    ]
    .into_iter()
    .map(|(name, curve, style)| Series {
        name,
        points: points(curve).as_slice(),
        style,
    })
    .collect()
}

/// Titles the accuracy chart with the students' latest test accuracy, in
/// fewer words when the chart is narrow.
fn accuracy_title(distilled: &Curve, labels_only: &Curve, width: u16) -> String {
    let last = |curve: &Curve| curve.accuracy.last().map(|p| 100.0 * p.1);
    let title = match (last(distilled), last(labels_only)) {
        (Some(d), Some(l)) => format!("accuracy: distilled {d:.1} %, labels {l:.1} %"),
        (Some(d), None) => format!("accuracy: distilled {d:.1} %"),
        _ => "test accuracy".to_string(),
    };
    // The border takes two cells of the width.
    if title.chars().count() + 2 <= usize::from(width) {
        return title;
    }
    match (last(distilled), last(labels_only)) {
        (Some(d), Some(l)) => format!("{d:.1} % vs {l:.1} %"),
        _ => "accuracy".to_string(),
    }
}

fn line_chart<'a>(
    title: String,
    series: &[Series<'a>],
    x_bounds: [f64; 2],
    y_bounds: [f64; 2],
    theme: &Theme,
) -> Chart<'a> {
    let datasets = series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            Dataset::default()
                .name(s.name)
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(s.style)
                .data(s.points)
        })
        .collect();
    let x_labels = vec![
        Line::from("0"),
        Line::from(format!("{} epochs", x_bounds[1])),
    ];
    let y_labels = vec![
        Line::from(format!("{:.1}", y_bounds[0])),
        Line::from(format!("{:.1}", y_bounds[1])),
    ];
    Chart::new(datasets)
        .block(Block::bordered().title(Line::styled(title, theme.title)))
        .x_axis(
            Axis::default()
                .bounds(x_bounds)
                .labels(x_labels)
                .style(theme.dim),
        )
        .y_axis(
            Axis::default()
                .bounds(y_bounds)
                .labels(y_labels)
                .style(theme.dim),
        )
        .legend_position(Some(LegendPosition::BottomRight))
        .hidden_legend_constraints(LEGEND_LIMITS)
}

fn render_results(report: Option<&Report>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(report) = report else {
        let hint = "Press s to run the sweep: students at T = 1, 2, 3, 4, 8 and 20 and on \
                    labels only, with 5 seeds each, and the student that never sees a 3.";
        let paragraph = Paragraph::new(Line::styled(hint, theme.dim))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title("Sweep"));
        frame.render_widget(paragraph, area);
        return;
    };

    let labels = match report.labels_per_class {
        Some(k) => format!("{k} labels per digit"),
        None => "all labels".to_string(),
    };
    let title = format!("Sweep, {} seeds, {labels}", report.seeds.len());
    let widths = [
        Constraint::Length(12),
        Constraint::Length(4),
        Constraint::Min(10),
    ];
    let table = Table::new(sweep_rows(report), widths)
        .header(Row::new(vec!["student", "T", "test accuracy"]).style(theme.dim))
        .block(Block::bordered().title(Line::styled(title, theme.title)));
    frame.render_widget(table, area);
}

/// Builds one table row per student kind: the teacher, labels only, each
/// temperature, and the omitted-class student before and after its shift.
fn sweep_rows(report: &Report) -> Vec<Row<'static>> {
    let percent = |mean: f64, sd: f64| format!("{:.1} ± {:.1} %", 100.0 * mean, 100.0 * sd);
    let row = |name: String, temperature: String, accuracy: String| {
        Row::new(vec![
            Cell::from(name),
            Cell::from(temperature),
            Cell::from(accuracy),
        ])
    };
    let alone = &report.student_alone;
    let mut rows = vec![
        row(
            "teacher".into(),
            String::new(),
            format!("{:.1} %", 100.0 * report.teacher.accuracy),
        ),
        row(
            "labels only".into(),
            String::new(),
            percent(alone.accuracy_mean, alone.accuracy_sd),
        ),
    ];
    for distilled in &report.distilled {
        rows.push(row(
            "distilled".into(),
            distilled.temperature.to_string(),
            percent(distilled.accuracy_mean, distilled.accuracy_sd),
        ));
    }
    let omitted = &report.omitted_class;
    rows.push(row(
        format!("without {}s", omitted.class),
        omitted.temperature.to_string(),
        format!(
            "{}s: {:.0} → {:.0} %",
            omitted.class,
            100.0 * omitted.before,
            100.0 * omitted.after
        ),
    ));
    rows
}

fn render_soft_targets(
    example: Option<&SoftTargetExample>,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let Some(example) = example else {
        let hint = "The teacher's soft targets for one test image appear here once it is trained.";
        let paragraph = Paragraph::new(Line::styled(hint, theme.dim))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title("Soft targets"));
        frame.render_widget(paragraph, area);
        return;
    };
    let title = format!(
        "Teacher's soft targets, test image {} (a {})",
        example.test_index, example.label
    );
    let block = Block::bordered().title(Line::styled(title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let count = u32::try_from(example.distributions.len().max(1)).unwrap_or(1);
    let columns =
        Layout::horizontal(vec![Constraint::Ratio(1, count); count as usize]).split(inner);
    for (distribution, column) in example.distributions.iter().zip(columns.iter()) {
        render_distribution(distribution, frame, *column, theme);
    }
}

fn render_distribution(distribution: &Distribution, frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.height < 3 || area.width < 10 {
        return;
    }
    // Ten bars with a gap of one cell between them, as wide as fits.
    let bar_width = (area.width.saturating_sub(9) / 10).max(1);
    // Values print inside the bar's bottom row, so only bars of 10 % and
    // more, and at least two cells wide, get one. Smaller ones would print
    // over a partly drawn block.
    let bars: Vec<Bar<'_>> = distribution
        .probabilities
        .iter()
        .enumerate()
        .map(|(digit, &p)| {
            let percent = (100.0 * p).round();
            Bar::default()
                .value(percent as u64)
                .label(Line::from(digit.to_string()))
                .text_value(if bar_width >= 2 && percent >= 10.0 {
                    format!("{percent}")
                } else {
                    String::new()
                })
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::new().title(Line::styled(
            format!("T = {} (%)", distribution.temperature),
            theme.dim,
        )))
        .data(BarGroup::default().bars(&bars))
        .max(100)
        .bar_width(bar_width)
        .bar_gap(1)
        .bar_style(theme.bar)
        .value_style(theme.accent)
        .label_style(theme.dim);
    frame.render_widget(chart, area);
}
