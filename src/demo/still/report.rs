//! The demo's results for one feed, column and optional target.

use serde::Serialize;

use super::column::{self, ColumnProfile, Design, Reflux};
use super::equilibrium::BoilingCurve;
use super::fraction::{Composition, check_fraction};
use super::rayleigh::{SimplePoint, simple_distillation};
use super::{MAX_PLATES, StillError};

/// Fractions of the charge boiled off at which the simple still is reported.
pub const SIMPLE_FRACTIONS: [f64; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// Inputs of the demo: a feed, a column and an optional target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DemoInput {
    /// Feed mole fraction of ethanol.
    pub feed: f64,
    /// Theoretical plates above the reboiler.
    pub plates: u32,
    pub reflux: Reflux,
    /// Distillate mole fraction to design the column for.
    pub target: Option<f64>,
}

impl Default for DemoInput {
    /// Returns a 10 mol % feed (about 22 % ethanol by mass) into 8 plates at
    /// reflux ratio 3.
    fn default() -> Self {
        Self {
            feed: 0.1,
            plates: 8,
            reflux: Reflux::Ratio(3.0),
            target: None,
        }
    }
}

/// A product stream of the column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Product {
    #[serde(flatten)]
    pub composition: Composition,
    /// Bubble point of the product as liquid.
    pub temperature_c: f64,
}

/// The plates a target needs, or why no column reaches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatesNeeded {
    pub target: Composition,
    /// Theoretical plates above the reboiler, or `None` when unreachable.
    pub plates: Option<u32>,
    /// Reason the target is unreachable, or `None` when it is reachable.
    pub reason: Option<String>,
}

/// Every result of the demo, in the shape `distill demo still --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoReport {
    pub feed: Composition,
    pub plates: u32,
    pub reflux: Reflux,
    pub distillate: Product,
    pub bottoms: Product,
    /// Bubble point of the liquid on each plate, top plate first, without
    /// the reboiler (which is at the bottoms temperature).
    pub plate_temperatures_c: Vec<f64>,
    /// Present when the input has a target.
    pub plates_needed: Option<PlatesNeeded>,
    /// The simple still boiling off the same feed.
    pub simple: Vec<SimplePoint>,
    /// The column's stages, for drawing; not part of the JSON output.
    #[serde(skip)]
    pub profile: ColumnProfile,
}

/// Checks the input and computes every result on `curve`.
pub fn run(curve: &impl BoilingCurve, input: &DemoInput) -> Result<DemoReport, StillError> {
    let feed = column::check_feed(curve, check_fraction("feed", input.feed)?)?;
    if input.plates > MAX_PLATES {
        return Err(StillError::TooManyPlates(input.plates));
    }
    let plates_needed = match input.target {
        Some(target) => Some(design(curve, feed, input.reflux, target)?),
        None => None,
    };
    let profile = column::solve(curve, feed, input.plates, input.reflux);
    let product = |x: f64| Product {
        composition: Composition::from_mole_fraction(x),
        temperature_c: curve.bubble_point_c(x),
    };
    Ok(DemoReport {
        feed: Composition::from_mole_fraction(feed),
        plates: input.plates,
        reflux: input.reflux,
        distillate: product(profile.distillate()),
        bottoms: product(profile.bottoms()),
        plate_temperatures_c: profile
            .plates()
            .iter()
            .map(|s| curve.bubble_point_c(s.liquid))
            .collect(),
        plates_needed,
        simple: simple_distillation(curve, feed, &SIMPLE_FRACTIONS),
        profile,
    })
}

fn design(
    curve: &impl BoilingCurve,
    feed: f64,
    reflux: Reflux,
    target: f64,
) -> Result<PlatesNeeded, StillError> {
    let target = check_fraction("target", target)?;
    let outcome = column::plates_needed(curve, feed, reflux, target)?;
    let (plates, reason) = match outcome {
        Design::Reachable { plates } => (Some(plates), None),
        Design::Unreachable(why) => (None, Some(why.to_string())),
    };
    Ok(PlatesNeeded {
        target: Composition::from_mole_fraction(target),
        plates,
        reason,
    })
}
