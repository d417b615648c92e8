//! `distill demo still`: simple against fractional distillation of
//! ethanol and water, printed as a table or as JSON.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::Global;
use crate::demo::still::fraction::check_fraction;
use crate::demo::still::{self, DemoInput, DemoReport, EthanolWater, Reflux, mass_to_mole};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ethanol mole fraction of the feed, above 0 and below the azeotrope
    /// (0.894 measured, 0.913 in the van Laar model).
    #[arg(long, value_name = "X", default_value_t = 0.1)]
    pub feed: f64,
    /// Theoretical plates in the column, not counting the reboiler (at most 200).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub plates: u32,
    /// Reflux ratio L/D, or `total` for total reflux.
    #[arg(long, value_name = "R", default_value = "3", value_parser = parse_reflux, allow_hyphen_values = true)]
    pub reflux: Reflux,
    /// Distillate ethanol mole fraction to count the plates needed for.
    #[arg(long, value_name = "X")]
    pub target: Option<f64>,
    /// Read --feed and --target as mass fractions of ethanol instead of mole fractions.
    #[arg(long)]
    pub mass: bool,
    /// Equilibrium model.
    #[arg(long, value_enum, default_value_t = Model::Measured)]
    pub model: Model,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The equilibrium model behind the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Model {
    /// Measured data at 1 atm (Perry's Chemical Engineers' Handbook, 1963),
    /// interpolated monotonically.
    Measured,
    /// Van Laar activity coefficients with Antoine vapour pressures.
    VanLaar,
}

impl Model {
    fn curve(self) -> EthanolWater {
        match self {
            Self::Measured => EthanolWater::measured(),
            Self::VanLaar => EthanolWater::van_laar(),
        }
    }
}

fn parse_reflux(text: &str) -> Result<Reflux, String> {
    text.parse()
        .map_err(|err: still::StillError| err.to_string())
}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let input = demo_input(&args)?;
    let curve = args.model.curve();
    let report = still::run(&curve, &input)?;
    let text = if args.json {
        serde_json::to_string_pretty(&report).context("failed to write the results as JSON")?
    } else {
        render_text(&report, &curve)
    };
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(ExitCode::SUCCESS)
}

/// Converts the arguments to mole fractions.
fn demo_input(args: &Args) -> anyhow::Result<DemoInput> {
    let to_mole = |name: &'static str, value: f64| -> anyhow::Result<f64> {
        if args.mass {
            Ok(mass_to_mole(check_fraction(name, value)?))
        } else {
            Ok(value)
        }
    };
    let target = args.target.map(|t| to_mole("target", t)).transpose()?;
    Ok(DemoInput {
        feed: to_mole("feed", args.feed)?,
        plates: args.plates,
        reflux: args.reflux,
        target,
    })
}

fn render_text(report: &DemoReport, curve: &EthanolWater) -> String {
    let mut out = String::new();
    let feed = report.feed;
    let _ = writeln!(out, "Ethanol-water at 1 atm, {}", curve.description());
    let _ = writeln!(
        out,
        "Feed: x = {:.4} ({:.1} % ethanol by mass)\n",
        feed.mole_fraction,
        100.0 * feed.mass_fraction
    );
    write_simple(&mut out, report);
    write_column(&mut out, report);
    write_target(&mut out, report);
    out.trim_end().to_string()
}

fn write_simple(out: &mut String, report: &DemoReport) {
    let _ = writeln!(
        out,
        "Simple distillation (Rayleigh), boiling off the feed in a still:"
    );
    let _ = writeln!(
        out,
        "  boiled off   still x   still T (°C)   distillate so far: x   mass %"
    );
    for point in &report.simple {
        let _ = writeln!(
            out,
            "  {:>8.0} %   {:>7.4}   {:>12.2}   {:>20.4}   {:>6.1}",
            100.0 * point.fraction_distilled,
            point.still.mole_fraction,
            point.still_temperature_c,
            point.distillate_average.mole_fraction,
            100.0 * point.distillate_average.mass_fraction
        );
    }
    let _ = writeln!(out);
}

fn write_column(out: &mut String, report: &DemoReport) {
    let reflux = match report.reflux {
        Reflux::Total => "total reflux".to_string(),
        Reflux::Ratio(r) => format!("reflux ratio {r}"),
    };
    let profile = &report.profile;
    let _ = writeln!(
        out,
        "Fractional distillation: {} plates and a reboiler, {reflux}, saturated-liquid feed",
        report.plates
    );
    for (name, product) in [
        ("distillate", report.distillate),
        ("bottoms", report.bottoms),
    ] {
        let _ = writeln!(
            out,
            "  {name:<10}  x = {:.4}  ({:>5.1} % by mass)  {:.2} °C",
            product.composition.mole_fraction,
            100.0 * product.composition.mass_fraction,
            product.temperature_c
        );
    }
    let _ = writeln!(out, "  stage       liquid x   vapour y   T (°C)");
    let temperatures = report
        .plate_temperatures_c
        .iter()
        .chain([&report.bottoms.temperature_c]);
    for (index, (stage, temperature)) in profile.stages.iter().zip(temperatures).enumerate() {
        let name = if index + 1 == profile.stages.len() {
            "reboiler".to_string()
        } else {
            format!("plate {}", index + 1)
        };
        let feed = if index == profile.feed_stage {
            "  <- feed"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {name:<10}  {:>8.4}   {:>8.4}   {temperature:>6.2}{feed}",
            stage.liquid, stage.vapour
        );
    }
    let _ = writeln!(out);
}

fn write_target(out: &mut String, report: &DemoReport) {
    let Some(needed) = &report.plates_needed else {
        return;
    };
    let target = needed.target.mole_fraction;
    match (needed.plates, &needed.reason) {
        (Some(plates), _) => {
            let _ = writeln!(
                out,
                "Target x = {target:.4}: {plates} plates and a reboiler"
            );
        }
        (None, Some(reason)) => {
            let _ = writeln!(out, "Target x = {target:.4} is unreachable: {reason}");
        }
        (None, None) => {}
    }
}
