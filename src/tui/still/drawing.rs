//! The labelled column drawing and the text readouts of the column screen.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::charts::Plot;
use crate::demo::still::report::Product;
use crate::demo::still::{EthanolWater, Reflux};
use crate::tui::theme::Theme;

/// Rows of the readout panel, borders included.
pub(super) const READOUT_HEIGHT: u16 = 9;

/// Rows of the narrow layout's summary, borders included.
pub(super) const SUMMARY_HEIGHT: u16 = 4;

/// Rows of the drawing that are not plates: borders, condenser, reflux,
/// column top and bottom, reboiler.
const FIXED_DRAWING_ROWS: u16 = 9;

/// Builds the column drawing for a panel `height` rows tall. Plates that do
/// not fit are replaced by one row that counts them.
pub(super) fn column(plot: &Plot, height: u16, theme: &Theme) -> Paragraph<'static> {
    let report = &plot.report;
    let label = theme.accent;
    let mut lines = vec![
        Line::from(vec![
            Span::raw("      ╭─────────╮ "),
            Span::styled("condenser", label),
        ]),
        Line::from("      ╰──┬───┬──╯"),
        Line::from(vec![
            Span::styled("  reflux", label),
            Span::raw(" ↓   └──► "),
            Span::styled("distillate", label),
            Span::raw(format!(
                " x {:.3}",
                report.distillate.composition.mole_fraction
            )),
        ]),
        Line::from(vec![
            Span::raw("      ┌──┴──────┐ "),
            Span::styled("column", label),
        ]),
    ];
    lines.extend(plate_rows(
        plot,
        height.saturating_sub(FIXED_DRAWING_ROWS),
        label,
    ));
    lines.push(Line::from("      └────┬────┘"));
    lines.push(Line::from(vec![
        Span::raw("      ╭────┴────╮ "),
        Span::styled("reboiler", label),
        Span::raw(format!(" {:.2} °C", report.bottoms.temperature_c)),
    ]));
    lines.push(Line::from(vec![
        Span::raw("      ╰─────────╯ ──► "),
        Span::styled("bottoms", label),
        Span::raw(format!(
            " x {:.3}",
            report.bottoms.composition.mole_fraction
        )),
    ]));
    Paragraph::new(lines).block(Block::bordered().title("Column"))
}

/// Lists the plates that fit in `rows`, keeping the top and bottom plates.
fn plate_rows(plot: &Plot, rows: u16, label: Style) -> Vec<Line<'static>> {
    let report = &plot.report;
    let plates = report.profile.plates();
    let rows = usize::from(rows).max(1);
    let row = |index: usize| {
        let feed = index == report.profile.feed_stage;
        let temperature = report.plate_temperatures_c[index];
        plate_row(index + 1, feed, plates[index].liquid, temperature, label)
    };
    if plates.len() <= rows {
        return (0..plates.len()).map(row).collect();
    }
    let top = (rows - 1) / 2;
    let bottom = rows - 1 - top;
    let hidden = plates.len() - top - bottom;
    let mut lines: Vec<Line<'static>> = (0..top).map(row).collect();
    lines.push(Line::from(format!(
        "      │    ⋮    │ {hidden} more plates"
    )));
    lines.extend((plates.len() - bottom..plates.len()).map(row));
    lines
}

fn plate_row(
    number: usize,
    feed: bool,
    liquid: f64,
    temperature: f64,
    label: Style,
) -> Line<'static> {
    let wall = if feed {
        Span::styled("  feed►", label)
    } else {
        Span::raw("      │")
    };
    Line::from(vec![
        wall,
        Span::raw(format!(
            " {number:>2} ──── │ {temperature:.2} °C  x {liquid:.3}"
        )),
    ])
}

/// Builds the readout panel: model, inputs, products and the simple still.
pub(super) fn readouts(plot: &Plot, curve: &EthanolWater) -> Paragraph<'static> {
    let report = &plot.report;
    let first_drop = report
        .simple
        .first()
        .map_or(0.0, |p| p.distillate_average.mole_fraction);
    let lines = vec![
        Line::from(format!("Model      {}", curve.name())),
        Line::from(format!(
            "Feed       x {:.3} ({:.1} % by mass)",
            report.feed.mole_fraction,
            100.0 * report.feed.mass_fraction
        )),
        Line::from(format!(
            "Column     {} plates, {}",
            report.plates,
            reflux_text(report.reflux)
        )),
        product_line("Distillate", report.distillate),
        product_line("Bottoms   ", report.bottoms),
        Line::from(format!("Simple still, first drop x {first_drop:.4}")),
        Line::from(format!(
            "Azeotrope  x {:.4}: no column passes it",
            plot.azeotrope
        )),
    ];
    Paragraph::new(lines).block(Block::bordered().title("Readouts"))
}

/// Builds the narrow layout's summary: inputs and both products.
pub(super) fn summary(plot: &Plot) -> Paragraph<'static> {
    let report = &plot.report;
    let lines = vec![
        product_line("Distillate", report.distillate),
        product_line("Bottoms   ", report.bottoms),
    ];
    let title = format!(
        "Feed x {:.3} · {} plates · {}",
        report.feed.mole_fraction,
        report.plates,
        reflux_text(report.reflux)
    );
    Paragraph::new(lines).block(Block::bordered().title(title))
}

fn product_line(name: &str, product: Product) -> Line<'static> {
    Line::from(format!(
        "{name} x {:.4} ({:>4.1} %) {:.2} °C",
        product.composition.mole_fraction,
        100.0 * product.composition.mass_fraction,
        product.temperature_c
    ))
}

fn reflux_text(reflux: Reflux) -> String {
    match reflux {
        Reflux::Total => "total reflux".to_string(),
        Reflux::Ratio(r) => format!("reflux {r}"),
    }
}
