//! The plotted series of the column screen and the two diagrams drawn from them.

use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, LegendPosition};

use crate::demo::still::column::composition_limit;
use crate::demo::still::report::DemoReport;
use crate::demo::still::{BoilingCurve, DemoInput, Equilibrium, EthanolWater, Reflux, run};
use crate::tui::theme::Theme;

/// Points along each equilibrium curve.
const CURVE_POINTS: u32 = 200;

/// Temperature axis of the T-x-y diagram in °C: just below the azeotrope's
/// 78.15 °C and just above water's 100 °C.
const TEMPERATURE_AXIS_C: [f64; 2] = [77.0, 101.0];

/// Largest share of a chart's width and height its legend may take before
/// it is hidden. The legend sits in the corner the curves leave empty.
const LEGEND_LIMITS: (Constraint, Constraint) = (Constraint::Ratio(1, 2), Constraint::Ratio(2, 3));

/// A computed column with every series the diagrams draw.
#[derive(Debug)]
pub(super) struct Plot {
    pub report: DemoReport,
    /// Equilibrium curve (x, y).
    equilibrium: Vec<(f64, f64)>,
    /// The diagonal y = x.
    diagonal: Vec<(f64, f64)>,
    /// Stripping then rectifying line, through (x_B, x_B), the feed crossing and
    /// (x_D, x_D). Empty at total reflux, where both lines are the diagonal.
    operating: Vec<(f64, f64)>,
    /// McCabe-Thiele stairs from the distillate down to the bottoms.
    stairs: Vec<(f64, f64)>,
    /// Bubble-point curve (x, T).
    bubble: Vec<(f64, f64)>,
    /// Dew-point curve (y, T).
    dew: Vec<(f64, f64)>,
    /// Each stage's liquid and temperature (x, T), top plate first.
    stages: Vec<(f64, f64)>,
    /// Liquid mole fraction of the azeotrope.
    pub azeotrope: f64,
}

impl Plot {
    /// Runs the demo for `input` and samples the curves of `curve`.
    pub fn compute(curve: &EthanolWater, input: &DemoInput) -> Result<Self, String> {
        let report = run(curve, input).map_err(|err| err.to_string())?;
        let grid = (0..=CURVE_POINTS).map(|i| f64::from(i) / f64::from(CURVE_POINTS));
        let equilibrium: Vec<(f64, f64)> = grid.map(|x| (x, curve.vapour(x))).collect();
        let bubble = equilibrium
            .iter()
            .map(|&(x, _)| (x, curve.bubble_point_c(x)))
            .collect();
        let dew = equilibrium
            .iter()
            .map(|&(x, y)| (y, curve.bubble_point_c(x)))
            .collect();
        let stages = report
            .profile
            .stages
            .iter()
            .map(|stage| (stage.liquid, curve.bubble_point_c(stage.liquid)))
            .collect();
        Ok(Self {
            operating: operating_line(&report),
            stairs: stairs(&report),
            diagonal: vec![(0.0, 0.0), (1.0, 1.0)],
            equilibrium,
            bubble,
            dew,
            stages,
            report,
            azeotrope: composition_limit(curve),
        })
    }

    /// Builds the x-y diagram with the operating lines and the stairs.
    pub fn stairs_chart(&self, theme: &Theme) -> Chart<'_> {
        let datasets = vec![
            line("equilibrium", &self.equilibrium, theme.bar),
            line("y = x", &self.diagonal, theme.dim),
            line("operating", &self.operating, theme.key),
            line("stages", &self.stairs, theme.code),
        ];
        let title = format!(
            "x-y, McCabe-Thiele: {} plates + reboiler",
            self.report.plates
        );
        Chart::new(datasets)
            .block(Block::bordered().title(title))
            .x_axis(fraction_axis("x liquid", theme))
            .y_axis(fraction_axis("y vapour", theme))
            .legend_position(Some(LegendPosition::BottomRight))
            .hidden_legend_constraints(LEGEND_LIMITS)
    }

    /// Builds the T-x-y diagram with each stage at its liquid composition.
    pub fn temperature_chart(&self, theme: &Theme) -> Chart<'_> {
        let datasets = vec![
            line("bubble (liquid)", &self.bubble, theme.good),
            line("dew (vapour)", &self.dew, theme.bad),
            Dataset::default()
                .name("stages")
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(theme.code)
                .data(&self.stages),
        ];
        let [low, high] = TEMPERATURE_AXIS_C;
        let y_axis = Axis::default()
            .title("T °C")
            .bounds(TEMPERATURE_AXIS_C)
            .labels([
                format!("{low:.0}"),
                format!("{:.0}", (low + high) / 2.0),
                format!("{high:.0}"),
            ])
            .style(theme.dim);
        Chart::new(datasets)
            .block(Block::bordered().title("T-x-y at 1 atm"))
            .x_axis(fraction_axis("x, y", theme))
            .y_axis(y_axis)
            .legend_position(Some(LegendPosition::TopRight))
            .hidden_legend_constraints(LEGEND_LIMITS)
    }
}

fn line<'a>(name: &'static str, data: &'a [(f64, f64)], style: Style) -> Dataset<'a> {
    Dataset::default()
        .name(name)
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data)
}

fn fraction_axis(title: &'static str, theme: &Theme) -> Axis<'static> {
    Axis::default()
        .title(title)
        .bounds([0.0, 1.0])
        .labels(["0", "0.5", "1"])
        .style(theme.dim)
}

fn operating_line(report: &DemoReport) -> Vec<(f64, f64)> {
    let lines = &report.profile.lines;
    if lines.reflux == Reflux::Total {
        return Vec::new();
    }
    let crossing = (lines.feed, lines.rectifying(lines.feed));
    vec![
        (lines.bottoms, lines.bottoms),
        crossing,
        (lines.distillate, lines.distillate),
    ]
}

/// Traces the stairs: from (x_D, x_D) across to each stage's equilibrium point,
/// then down to the operating line, which for the reboiler is the diagonal.
fn stairs(report: &DemoReport) -> Vec<(f64, f64)> {
    let lines = &report.profile.lines;
    let mut points = vec![(lines.distillate, lines.distillate)];
    for stage in &report.profile.stages {
        points.push((stage.liquid, stage.vapour));
        points.push((stage.liquid, lines.vapour_below(stage.liquid)));
    }
    points
}
