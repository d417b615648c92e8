//! Conversion between mole and mass fractions of ethanol in water.

use serde::Serialize;

use super::StillError;

/// Molar mass of ethanol, C2H5OH, in g/mol.
pub const ETHANOL_MOLAR_MASS: f64 = 46.07;

/// Molar mass of water, H2O, in g/mol.
pub const WATER_MOLAR_MASS: f64 = 18.015;

/// Converts a mole fraction of ethanol to a mass fraction.
pub fn mole_to_mass(x: f64) -> f64 {
    let ethanol = x * ETHANOL_MOLAR_MASS;
    let water = (1.0 - x) * WATER_MOLAR_MASS;
    ethanol / (ethanol + water)
}

/// Converts a mass fraction of ethanol to a mole fraction.
pub fn mass_to_mole(w: f64) -> f64 {
    let ethanol = w / ETHANOL_MOLAR_MASS;
    let water = (1.0 - w) / WATER_MOLAR_MASS;
    ethanol / (ethanol + water)
}

/// Checks that `value` is a fraction from 0 to 1 and returns it.
pub fn check_fraction(name: &'static str, value: f64) -> Result<f64, StillError> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(StillError::NotAFraction { name, value })
    }
}

/// An ethanol-water composition, given both ways.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Composition {
    /// Mole fraction of ethanol.
    pub mole_fraction: f64,
    /// Mass fraction of ethanol.
    pub mass_fraction: f64,
}

impl Composition {
    /// Builds a composition from the mole fraction of ethanol.
    pub fn from_mole_fraction(x: f64) -> Self {
        Self {
            mole_fraction: x,
            mass_fraction: mole_to_mass(x),
        }
    }
}
