//! Measured ethanol-water equilibrium at 1 atm, interpolated monotonically.
//!
//! Source of the measured rows: R. H. Perry, C. H. Chilton and
//! S. D. Kirkpatrick (eds.), Chemical Engineers' Handbook, 4th ed.,
//! McGraw-Hill, 1963, p. 13-5, "Vapor-liquid equilibrium data for ethanol and
//! water at 1 atm", read from the reproduction in A. K. Coker's worked example
//! (Figure M-39, 2009). The azeotrope row is x = y = 0.8943 at 78.15 °C.
//!
//! The pure-component ends are x = 0 at 100 °C (water) and x = 1 at
//! 78.37 °C (ethanol). Coker's copy ends its table at 78.3 °C for pure
//! ethanol, so the two pure-ethanol figures differ by less than 0.1 °C.
//!
//! Coker's copy prints the third row as x = 0.099 next to a water fraction of
//! 0.9034, so the table below uses x = 0.0966 = 1 - 0.9034.

use super::equilibrium::{BoilingCurve, Equilibrium};
use super::pchip::Pchip;

/// Normal boiling point of pure ethanol in °C.
pub const ETHANOL_BOILING_POINT_C: f64 = 78.37;

/// Normal boiling point of pure water in °C.
pub const WATER_BOILING_POINT_C: f64 = 100.0;

/// One measured row: liquid and vapour mole fractions of ethanol, and the
/// temperature in °C at 1 atm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasuredPoint {
    pub x: f64,
    pub y: f64,
    pub temperature_c: f64,
}

const fn point(x: f64, y: f64, temperature_c: f64) -> MeasuredPoint {
    MeasuredPoint {
        x,
        y,
        temperature_c,
    }
}

/// The measured rows of Perry's table, without the pure-component ends.
pub const PERRY_1963: [MeasuredPoint; 14] = [
    point(0.0190, 0.1700, 95.50),
    point(0.0721, 0.3891, 89.00),
    point(0.0966, 0.4375, 86.70),
    point(0.1238, 0.4704, 85.30),
    point(0.1661, 0.5089, 84.10),
    point(0.2337, 0.5445, 82.70),
    point(0.2608, 0.5580, 82.30),
    point(0.3273, 0.5826, 81.50),
    point(0.3965, 0.6122, 80.70),
    point(0.5198, 0.6599, 79.70),
    point(0.5732, 0.6841, 79.30),
    point(0.6763, 0.7385, 78.74),
    point(0.7472, 0.7815, 78.41),
    point(0.8943, 0.8943, 78.15),
];

/// Ethanol-water equilibrium at 1 atm from [`PERRY_1963`], with monotone cubic
/// (PCHIP) curves for y(x) and the bubble point T(x) through every row.
///
/// NOTE: no measured row lies between the azeotrope (x = 0.8943) and pure
/// ethanol, so that stretch of the curve is the PCHIP fill between the two.
/// It keeps y slightly below x there (by at most about 0.003), as real
/// mixtures richer than the azeotrope do, but its size is not measured.
#[derive(Debug, Clone)]
pub struct PerryTable {
    vapour: Pchip,
    bubble_point: Pchip,
}

impl PerryTable {
    /// Builds the interpolating curves.
    pub fn new() -> Self {
        let mut xs = vec![0.0];
        let mut ys = vec![0.0];
        let mut temperatures = vec![WATER_BOILING_POINT_C];
        for row in PERRY_1963 {
            xs.push(row.x);
            ys.push(row.y);
            temperatures.push(row.temperature_c);
        }
        xs.push(1.0);
        ys.push(1.0);
        temperatures.push(ETHANOL_BOILING_POINT_C);
        Self {
            vapour: Pchip::new(&xs, &ys),
            bubble_point: Pchip::new(&xs, &temperatures),
        }
    }
}

impl Default for PerryTable {
    fn default() -> Self {
        Self::new()
    }
}

impl Equilibrium for PerryTable {
    fn vapour(&self, x: f64) -> f64 {
        self.vapour.eval(x)
    }
}

impl BoilingCurve for PerryTable {
    fn bubble_point_c(&self, x: f64) -> f64 {
        self.bubble_point.eval(x)
    }
}
