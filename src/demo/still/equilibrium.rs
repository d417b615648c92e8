//! Vapour-liquid equilibrium curves of a binary mixture.
//!
//! Compositions are mole fractions of the more volatile component (ethanol
//! in this demo): `x` in the liquid, `y` in the vapour leaving it.

/// Iterations of bisection when a curve is inverted: 2^-60 of the bracket,
/// far below any digit the demo prints.
const BISECTION_STEPS: u32 = 60;

/// Grid points scanned for a sign change of `y - x` when looking for an azeotrope.
const AZEOTROPE_SCAN_POINTS: u32 = 2000;

/// An x-y equilibrium curve at a fixed pressure.
pub trait Equilibrium {
    /// Returns the vapour mole fraction in equilibrium with liquid `x`.
    ///
    /// Implementations are increasing in `x` on 0 to 1, with `vapour(0) = 0`
    /// and `vapour(1) = 1`.
    fn vapour(&self, x: f64) -> f64;

    /// Returns the liquid mole fraction in equilibrium with vapour `y`.
    ///
    /// The default inverts [`vapour`](Self::vapour) by bisection on 0 to 1.
    fn liquid(&self, y: f64) -> f64 {
        let (mut low, mut high) = (0.0, 1.0);
        for _ in 0..BISECTION_STEPS {
            let mid = 0.5 * (low + high);
            if self.vapour(mid) < y {
                low = mid;
            } else {
                high = mid;
            }
        }
        0.5 * (low + high)
    }
}

/// Boiling and condensation temperatures of the mixture at the curve's pressure.
pub trait BoilingCurve: Equilibrium {
    /// Returns the bubble point in °C of a liquid of mole fraction `x`.
    fn bubble_point_c(&self, x: f64) -> f64;

    /// Returns the dew point in °C of a vapour of mole fraction `y`: the bubble
    /// point of the liquid in equilibrium with it.
    fn dew_point_c(&self, y: f64) -> f64 {
        self.bubble_point_c(self.liquid(y))
    }
}

/// Finds the minimum-boiling azeotrope: the liquid composition strictly between
/// 0 and 1 where the vapour stops being richer than the liquid (`y - x` changes
/// from positive to zero or negative). Returns `None` for a curve without one.
pub fn azeotrope(curve: &impl Equilibrium) -> Option<f64> {
    let excess = |x: f64| curve.vapour(x) - x;
    let step = 1.0 / f64::from(AZEOTROPE_SCAN_POINTS);
    let mut low = step;
    for i in 2..AZEOTROPE_SCAN_POINTS {
        let high = f64::from(i) * step;
        if excess(low) > 0.0 && excess(high) <= 0.0 {
            return Some(bisect_root(excess, low, high));
        }
        low = high;
    }
    None
}

/// Bisects `f` on `[low, high]`, where `f(low) > 0 >= f(high)`.
fn bisect_root(f: impl Fn(f64) -> f64, mut low: f64, mut high: f64) -> f64 {
    for _ in 0..BISECTION_STEPS {
        let mid = 0.5 * (low + high);
        if f(mid) > 0.0 {
            low = mid;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

/// An ideal curve with constant relative volatility `alpha`:
/// `y = alpha x / (1 + (alpha - 1) x)`.
///
/// Ethanol-water is far from this, but the Rayleigh and Fenske equations have
/// closed forms for it, so tests use it to check the general algorithms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConstantVolatility {
    pub alpha: f64,
}

impl Equilibrium for ConstantVolatility {
    fn vapour(&self, x: f64) -> f64 {
        self.alpha * x / (1.0 + (self.alpha - 1.0) * x)
    }

    fn liquid(&self, y: f64) -> f64 {
        y / (self.alpha - (self.alpha - 1.0) * y)
    }
}
