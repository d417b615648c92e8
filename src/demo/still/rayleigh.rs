//! Simple batch distillation by the Rayleigh equation.
//!
//! A still contains W moles of liquid of mole fraction x and boils it off
//! slowly, each drop of vapour in equilibrium with the liquid left. The
//! ethanol balance d(W x) = y dW gives d(ln W) = dx / (y - x). With
//! s = ln(W0 / W) that is the differential equation dx/ds = x - y(x), solved
//! here from s = 0 by fourth-order Runge-Kutta.

use serde::Serialize;

use super::equilibrium::{BoilingCurve, Equilibrium};
use super::fraction::Composition;

/// Largest Runge-Kutta step in s = ln(W0 / W).
const MAX_STEP: f64 = 0.005;

/// Largest fraction of the charge that [`still_composition`] boils off.
pub const MAX_FRACTION: f64 = 0.9999;

/// Returns the still's liquid mole fraction after boiling off `fraction` of a
/// charge of mole fraction `x0`. Fractions above [`MAX_FRACTION`] are treated
/// as [`MAX_FRACTION`], because boiling off all of the charge leaves no still.
pub fn still_composition(curve: &impl Equilibrium, x0: f64, fraction: f64) -> f64 {
    let target = -(1.0 - fraction.min(MAX_FRACTION)).ln();
    let steps = (target / MAX_STEP).ceil().max(1.0);
    let h = target / steps;
    let slope = |x: f64| x - curve.vapour(x.clamp(0.0, 1.0));
    let mut x = x0;
    for _ in 0..steps as u32 {
        let k1 = slope(x);
        let k2 = slope(x + 0.5 * h * k1);
        let k3 = slope(x + 0.5 * h * k2);
        let k4 = slope(x + h * k3);
        x += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    }
    x.clamp(0.0, 1.0)
}

/// Returns the average distillate mole fraction after boiling off `fraction`
/// of a charge of `x0` leaves still liquid of `still` (ethanol balance).
///
/// At `fraction = 0` it returns the first drop, `vapour(x0)`, the limit of
/// the average.
pub fn distillate_average(curve: &impl Equilibrium, x0: f64, fraction: f64, still: f64) -> f64 {
    if fraction <= 0.0 {
        return curve.vapour(x0);
    }
    (x0 - (1.0 - fraction) * still) / fraction
}

/// One point of a simple batch distillation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SimplePoint {
    /// Moles boiled off over moles charged.
    pub fraction_distilled: f64,
    /// Liquid left in the still.
    pub still: Composition,
    /// All distillate collected so far, mixed.
    pub distillate_average: Composition,
    /// Bubble point of the still liquid.
    pub still_temperature_c: f64,
}

/// Runs a simple batch distillation of a charge of mole fraction `x0` and
/// returns a point at each of `fractions` (each from 0 to below 1).
pub fn simple_distillation(
    curve: &impl BoilingCurve,
    x0: f64,
    fractions: &[f64],
) -> Vec<SimplePoint> {
    fractions
        .iter()
        .map(|&fraction| {
            let still = still_composition(curve, x0, fraction);
            let average = distillate_average(curve, x0, fraction, still);
            SimplePoint {
                fraction_distilled: fraction,
                still: Composition::from_mole_fraction(still),
                distillate_average: Composition::from_mole_fraction(average),
                still_temperature_c: curve.bubble_point_c(still),
            }
        })
        .collect()
}

/// Returns ln(W0 / W) for a constant relative volatility `alpha` when the
/// still has gone from `x0` to `x`. This closed form of the Rayleigh integral
/// is (ln(x0 / x) + alpha ln((1 - x) / (1 - x0))) / (alpha - 1).
pub fn rayleigh_closed_form(alpha: f64, x0: f64, x: f64) -> f64 {
    ((x0 / x).ln() + alpha * ((1.0 - x) / (1.0 - x0)).ln()) / (alpha - 1.0)
}
