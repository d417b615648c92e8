//! Fractional distillation in a continuous column by McCabe-Thiele stepping.
//!
//! The column has a total condenser, `plates` theoretical plates and a partial
//! reboiler, which is one more equilibrium stage. Feed enters as saturated
//! liquid (q = 1) on the plate where stepping crosses the feed composition,
//! which is the plate that needs the fewest stages. Constant molar overflow
//! makes the operating lines straight.
//!
//! A column needs one product specification besides feed, plates and reflux.
//! This one takes off the distillate rate D/F = x_F / x_limit, where x_limit
//! is the azeotrope (or 1 without one). At that rate a perfect column would
//! send all the feed's ethanol overhead at the azeotrope. More plates or more
//! reflux therefore push the distillate towards the azeotrope and the bottoms
//! towards pure water, and never past them.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::StillError;
use super::equilibrium::{Equilibrium, azeotrope};

/// Bisection steps when solving for the distillate composition.
const SOLVE_STEPS: u32 = 80;

/// Composition points sampled along each operating line for minimum reflux.
const PINCH_SCAN_POINTS: u32 = 4000;

/// Stages at which a design stops counting and reports the target unreachable.
pub const MAX_DESIGN_STAGES: usize = 10_000;

/// The reflux setting of a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reflux {
    /// All condensate returns to the column. No product is drawn, so this is
    /// the limit of ever larger reflux ratios.
    Total,
    /// L/D, moles returned to the column per mole of distillate.
    Ratio(f64),
}

impl Reflux {
    /// Builds a reflux ratio, rejecting zero, negative and non-finite values.
    pub fn ratio(value: f64) -> Result<Self, StillError> {
        if value.is_finite() && value > 0.0 {
            Ok(Self::Ratio(value))
        } else {
            Err(StillError::InvalidReflux(value.to_string()))
        }
    }
}

impl FromStr for Reflux {
    type Err = StillError;

    /// Parses `total` or a positive number.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("total") {
            return Ok(Self::Total);
        }
        let value: f64 = text
            .parse()
            .map_err(|_| StillError::InvalidReflux(text.to_string()))?;
        Self::ratio(value)
    }
}

impl fmt::Display for Reflux {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Total => f.write_str("total"),
            Self::Ratio(r) => write!(f, "{r}"),
        }
    }
}

impl Serialize for Reflux {
    /// Serializes total reflux as the string `"total"` and a ratio as a number.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Total => serializer.serialize_str("total"),
            Self::Ratio(r) => serializer.serialize_f64(*r),
        }
    }
}

/// The operating lines of one column: vapour rising from below a stage as a
/// function of the liquid leaving it, all per mole of feed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OperatingLines {
    pub reflux: Reflux,
    pub feed: f64,
    pub distillate: f64,
    pub bottoms: f64,
    /// D/F, moles of distillate per mole of feed.
    pub distillate_ratio: f64,
}

impl OperatingLines {
    /// Rectifying line, above the feed: y = (R x + x_D) / (R + 1).
    pub fn rectifying(&self, x: f64) -> f64 {
        match self.reflux {
            Reflux::Total => x,
            Reflux::Ratio(r) => (r * x + self.distillate) / (r + 1.0),
        }
    }

    /// Stripping line, below the feed: y = (L' x - B x_B) / V', with
    /// L' = R D + F and V' = (R + 1) D for a saturated-liquid feed.
    pub fn stripping(&self, x: f64) -> f64 {
        match self.reflux {
            Reflux::Total => x,
            Reflux::Ratio(r) => {
                let d = self.distillate_ratio;
                let liquid = r * d + 1.0;
                let vapour = (r + 1.0) * d;
                (liquid * x - (1.0 - d) * self.bottoms) / vapour
            }
        }
    }

    /// Vapour rising into a stage whose liquid leaves at `x`, taken from the
    /// rectifying line above the feed composition and the stripping line at or
    /// below it (where the two lines cross for q = 1).
    pub fn vapour_below(&self, x: f64) -> f64 {
        let y = if x > self.feed {
            self.rectifying(x)
        } else {
            self.stripping(x)
        };
        y.clamp(0.0, 1.0)
    }
}

/// One equilibrium stage: the liquid leaving it and the vapour leaving it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stage {
    pub liquid: f64,
    pub vapour: f64,
}

/// The steady state of a column: compositions and every stage, top down.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnProfile {
    pub lines: OperatingLines,
    /// The plates from the top, then the reboiler as the last stage.
    pub stages: Vec<Stage>,
    /// Index into `stages` of the stage the feed enters.
    pub feed_stage: usize,
}

impl ColumnProfile {
    /// Distillate mole fraction.
    pub fn distillate(&self) -> f64 {
        self.lines.distillate
    }

    /// Bottoms mole fraction: the liquid leaving the reboiler.
    pub fn bottoms(&self) -> f64 {
        self.lines.bottoms
    }

    /// Returns the plates without the reboiler.
    pub fn plates(&self) -> &[Stage] {
        &self.stages[..self.stages.len() - 1]
    }
}

/// Returns the richest composition a column can approach: the azeotrope, or 1
/// for a curve without one.
pub fn composition_limit(curve: &impl Equilibrium) -> f64 {
    azeotrope(curve).unwrap_or(1.0)
}

/// Checks that `feed` lies strictly between 0 and the column's limit.
pub fn check_feed(curve: &impl Equilibrium, feed: f64) -> Result<f64, StillError> {
    let limit = azeotrope(curve);
    let upper = limit.unwrap_or(1.0);
    if feed > 0.0 && feed < upper {
        return Ok(feed);
    }
    let limit_name = if limit.is_some() {
        "azeotrope"
    } else {
        "pure light component"
    };
    Err(StillError::FeedOutOfRange {
        value: feed,
        limit: upper,
        limit_name,
    })
}

/// Steps `stages` equilibrium stages down from a total condenser, starting
/// with vapour of the distillate composition at the top.
pub fn step_down(curve: &impl Equilibrium, lines: &OperatingLines, stages: usize) -> Vec<Stage> {
    let mut result = Vec::with_capacity(stages);
    let mut vapour = lines.distillate;
    for _ in 0..stages {
        let liquid = curve.liquid(vapour);
        result.push(Stage { liquid, vapour });
        vapour = lines.vapour_below(liquid);
    }
    result
}

/// Returns the top composition of a column at total reflux with `stages`
/// equilibrium stages above bottom liquid `bottom`: each stage's vapour is the
/// liquid of the stage above.
pub fn step_up_total_reflux(curve: &impl Equilibrium, bottom: f64, stages: usize) -> f64 {
    (0..stages).fold(bottom, |x, _| curve.vapour(x))
}

/// Builds the operating lines for a distillate composition, with the bottoms
/// from the ethanol balance at distillate ratio `d`.
fn lines_for(feed: f64, reflux: Reflux, d: f64, distillate: f64) -> OperatingLines {
    let bottoms = ((feed - d * distillate) / (1.0 - d)).max(0.0);
    OperatingLines {
        reflux,
        feed,
        distillate,
        bottoms,
        distillate_ratio: d,
    }
}

/// Solves the column for its distillate and bottoms compositions.
///
/// `feed` must lie strictly between 0 and [`composition_limit`]; callers check
/// it with [`check_feed`]. The solution bisects on the distillate composition
/// between the feed and the limit until `plates` plus the reboiler, stepped
/// down from the top, end at the bottoms the ethanol balance requires.
pub fn solve(curve: &impl Equilibrium, feed: f64, plates: u32, reflux: Reflux) -> ColumnProfile {
    let limit = composition_limit(curve);
    let d = feed / limit;
    let stages = plates as usize + 1;
    let residual = |distillate: f64| {
        let lines = lines_for(feed, reflux, d, distillate);
        let bottom = step_down(curve, &lines, stages)
            .last()
            .map_or(distillate, |s| s.liquid);
        bottom - lines.bottoms
    };
    let (mut low, mut high) = (feed, limit);
    for _ in 0..SOLVE_STEPS {
        let mid = 0.5 * (low + high);
        if residual(mid) < 0.0 {
            low = mid;
        } else {
            high = mid;
        }
    }
    let lines = lines_for(feed, reflux, d, 0.5 * (low + high));
    let stages = step_down(curve, &lines, stages);
    let feed_stage = stages
        .iter()
        .position(|s| s.liquid <= feed)
        .unwrap_or(stages.len() - 1);
    ColumnProfile {
        lines,
        stages,
        feed_stage,
    }
}

/// Reason that a target distillate composition cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unreachable {
    /// The target is at or beyond the azeotrope, where vapour is no richer than
    /// its liquid, so a stage cannot enrich past it.
    BeyondAzeotrope { azeotrope: f64 },
    /// The target is the pure light component, which needs infinitely many plates.
    PureProduct,
    /// The operating line touches or crosses the equilibrium curve (a pinch),
    /// so stages stop making progress.
    BelowMinimumReflux { minimum_reflux: f64 },
    /// Stepping did not reach the bottoms within [`MAX_DESIGN_STAGES`].
    TooManyStages,
}

impl fmt::Display for Unreachable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BeyondAzeotrope { azeotrope } => write!(
                f,
                "the target is at or above the azeotrope (x = {azeotrope:.4}), where the vapour \
                 is no richer than the liquid, so no number of plates reaches it"
            ),
            Self::PureProduct => f.write_str("a pure product needs infinitely many plates"),
            Self::BelowMinimumReflux { minimum_reflux } => write!(
                f,
                "the reflux ratio is at or below the minimum {minimum_reflux:.3} for this target, \
                 so the operating line pinches the equilibrium curve; raise the reflux ratio"
            ),
            Self::TooManyStages => {
                write!(
                    f,
                    "the target needs more than {MAX_DESIGN_STAGES} theoretical stages"
                )
            }
        }
    }
}

/// The outcome of a design: theoretical plates needed for a target distillate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Design {
    /// Plates above the reboiler needed to reach the target.
    Reachable {
        plates: u32,
    },
    Unreachable(Unreachable),
}

/// Counts the theoretical plates (besides the reboiler) needed to make a
/// distillate of `target` from `feed` at `reflux`, with the same distillate
/// ratio as [`solve`].
///
/// `feed` must pass [`check_feed`]. A `target` at or below the feed is rejected.
pub fn plates_needed(
    curve: &impl Equilibrium,
    feed: f64,
    reflux: Reflux,
    target: f64,
) -> Result<Design, StillError> {
    if target <= feed {
        return Err(StillError::TargetNotAboveFeed { target, feed });
    }
    let limit_azeotrope = azeotrope(curve);
    let limit = limit_azeotrope.unwrap_or(1.0);
    if target >= limit {
        let reason = match limit_azeotrope {
            Some(azeotrope) => Unreachable::BeyondAzeotrope { azeotrope },
            None => Unreachable::PureProduct,
        };
        return Ok(Design::Unreachable(reason));
    }
    let lines = lines_for(feed, reflux, feed / limit, target);
    if let Reflux::Ratio(r) = reflux {
        let minimum_reflux = minimum_reflux(curve, &lines);
        if r <= minimum_reflux {
            return Ok(Design::Unreachable(Unreachable::BelowMinimumReflux {
                minimum_reflux,
            }));
        }
    }
    Ok(count_stages(curve, &lines))
}

/// Steps down from the distillate until the liquid reaches the bottoms.
fn count_stages(curve: &impl Equilibrium, lines: &OperatingLines) -> Design {
    let mut vapour = lines.distillate;
    for stage in 1..=MAX_DESIGN_STAGES {
        let liquid = curve.liquid(vapour);
        if liquid <= lines.bottoms {
            let plates = u32::try_from(stage - 1).unwrap_or(u32::MAX);
            return Design::Reachable { plates };
        }
        vapour = lines.vapour_below(liquid);
    }
    Design::Unreachable(Unreachable::TooManyStages)
}

/// Returns the minimum reflux ratio for the distillate and bottoms of `lines`:
/// the smallest R at which neither operating line rises above the equilibrium
/// curve. It checks both a pinch at the feed and a tangent pinch inside either
/// section, on a grid of [`PINCH_SCAN_POINTS`] compositions per section.
pub fn minimum_reflux(curve: &impl Equilibrium, lines: &OperatingLines) -> f64 {
    let (feed, top, bottom) = (lines.feed, lines.distillate, lines.bottoms);
    let n = f64::from(PINCH_SCAN_POINTS);
    let grid = |from: f64, to: f64| {
        (0..PINCH_SCAN_POINTS).map(move |i| from + (to - from) * f64::from(i) / n)
    };

    // Rectifying line through (x_D, x_D) with slope R / (R + 1) must stay below
    // every equilibrium point between the feed and the distillate.
    let steepest = grid(feed, top)
        .map(|x| (top - curve.vapour(x)) / (top - x))
        .fold(0.0, f64::max);
    let rectifying = if steepest < 1.0 {
        steepest / (1.0 - steepest)
    } else {
        f64::INFINITY
    };

    // Stripping line through (x_B, x_B) must stay below every equilibrium point
    // between the bottoms and the feed, which caps where the lines may cross.
    let flattest = grid(feed, bottom)
        .map(|x| (curve.vapour(x) - bottom) / (x - bottom))
        .fold(f64::INFINITY, f64::min);
    let crossing = bottom + flattest * (feed - bottom);
    let stripping = if crossing > feed {
        (top - feed) / (crossing - feed) - 1.0
    } else {
        f64::INFINITY
    };

    rectifying.max(stripping).max(0.0)
}
