//! Ethanol-water equilibrium at 1 atm from the van Laar activity model and
//! Antoine vapour pressures (modified Raoult's law, ideal vapour).
//!
//! Van Laar constants for ethanol (1) and water (2): A12 = 1.6798 and
//! A21 = 0.9227, as ln(gamma) at infinite dilution. These are the values
//! usually quoted from Perry's Chemical Engineers' Handbook.
//! NOTE: the constants were not checked against a handbook page here. The test
//! `van_laar_agrees_with_measured_rows` compares the resulting curve with the
//! measured rows in [`super::perry`] instead.
//!
//! Antoine constants come from the NIST Chemistry WebBook (SRD 69), in the form
//! log10(P / bar) = A - B / (T / K + C): ethanol for 292.77 K to 366.63 K,
//! water for 344 K to 373 K. Every bubble point of the mixture at 1 atm lies
//! in both ranges (351 K to 373.15 K).

use super::equilibrium::{BoilingCurve, Equilibrium};

/// Van Laar constant A12 for ethanol (1) in water (2).
pub const A12: f64 = 1.6798;

/// Van Laar constant A21 for water (2) in ethanol (1).
pub const A21: f64 = 0.9227;

/// Standard atmosphere in bar.
pub const ATMOSPHERE_BAR: f64 = 1.01325;

const KELVIN_OFFSET: f64 = 273.15;

/// Antoine constants for log10(P / bar) = a - b / (T / K + c).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Antoine {
    pub a: f64,
    pub b: f64,
    pub c: f64,
}

impl Antoine {
    /// Returns the vapour pressure in bar at `temperature_c` in °C.
    pub fn pressure_bar(&self, temperature_c: f64) -> f64 {
        10f64.powf(self.a - self.b / (temperature_c + KELVIN_OFFSET + self.c))
    }
}

/// Ethanol, NIST Chemistry WebBook, 292.77 K to 366.63 K.
pub const ETHANOL_ANTOINE: Antoine = Antoine {
    a: 5.24677,
    b: 1598.673,
    c: -46.424,
};

/// Water, NIST Chemistry WebBook, 344 K to 373 K.
pub const WATER_ANTOINE: Antoine = Antoine {
    a: 5.08354,
    b: 1663.125,
    c: -45.622,
};

/// Bracket in °C searched for a bubble point. It contains both pure boiling
/// points at 1 atm with room to spare.
const BUBBLE_BRACKET_C: (f64, f64) = (50.0, 120.0);

/// Bisection steps for a bubble point: 70 K / 2^40 is below 1e-10 K.
const BUBBLE_STEPS: u32 = 40;

/// The van Laar and Antoine model at 1 atm.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct VanLaar;

impl VanLaar {
    /// Returns the activity coefficients (gamma1, gamma2) of ethanol and water
    /// in a liquid of ethanol mole fraction `x`.
    pub fn activity_coefficients(x: f64) -> (f64, f64) {
        let x1 = x.clamp(0.0, 1.0);
        let x2 = 1.0 - x1;
        let denominator = A12 * x1 + A21 * x2;
        let ln_gamma1 = A12 * (A21 * x2 / denominator).powi(2);
        let ln_gamma2 = A21 * (A12 * x1 / denominator).powi(2);
        (ln_gamma1.exp(), ln_gamma2.exp())
    }

    /// Returns the bubble point in °C and the ethanol mole fraction of the
    /// vapour for liquid `x`.
    pub fn bubble_point(x: f64) -> (f64, f64) {
        let x = x.clamp(0.0, 1.0);
        let (gamma1, gamma2) = Self::activity_coefficients(x);
        let ethanol = |t: f64| x * gamma1 * ETHANOL_ANTOINE.pressure_bar(t);
        let total = |t: f64| ethanol(t) + (1.0 - x) * gamma2 * WATER_ANTOINE.pressure_bar(t);
        let (mut low, mut high) = BUBBLE_BRACKET_C;
        for _ in 0..BUBBLE_STEPS {
            let mid = 0.5 * (low + high);
            if total(mid) > ATMOSPHERE_BAR {
                high = mid;
            } else {
                low = mid;
            }
        }
        let temperature = 0.5 * (low + high);
        (temperature, ethanol(temperature) / total(temperature))
    }
}

impl Equilibrium for VanLaar {
    fn vapour(&self, x: f64) -> f64 {
        Self::bubble_point(x).1
    }
}

impl BoilingCurve for VanLaar {
    fn bubble_point_c(&self, x: f64) -> f64 {
        Self::bubble_point(x).0
    }
}
