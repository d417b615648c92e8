//! The two ethanol-water models behind one type, so the command line and the
//! column screen can switch between them.

use super::equilibrium::{BoilingCurve, Equilibrium};
use super::perry::PerryTable;
use super::van_laar::VanLaar;

/// Ethanol-water equilibrium at 1 atm from one of the two models.
#[derive(Debug, Clone)]
pub enum EthanolWater {
    /// Measured rows (Perry's Chemical Engineers' Handbook, 1963), interpolated.
    Measured(PerryTable),
    /// Van Laar activities with NIST Antoine vapour pressures.
    VanLaar(VanLaar),
}

impl EthanolWater {
    /// Builds the measured-data model.
    pub fn measured() -> Self {
        Self::Measured(PerryTable::new())
    }

    /// Builds the van Laar model.
    pub fn van_laar() -> Self {
        Self::VanLaar(VanLaar)
    }

    /// Returns a one-line description of the model and its source.
    pub fn description(&self) -> &'static str {
        match self {
            Self::Measured(_) => {
                "measured data (Perry's Chemical Engineers' Handbook, 4th ed., 1963)"
            }
            Self::VanLaar(_) => "van Laar activities with NIST Antoine vapour pressures",
        }
    }

    /// Returns a short name of the model.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Measured(_) => "measured (Perry 1963)",
            Self::VanLaar(_) => "van Laar + Antoine",
        }
    }
}

impl Equilibrium for EthanolWater {
    fn vapour(&self, x: f64) -> f64 {
        match self {
            Self::Measured(curve) => curve.vapour(x),
            Self::VanLaar(curve) => curve.vapour(x),
        }
    }

    fn liquid(&self, y: f64) -> f64 {
        match self {
            Self::Measured(curve) => curve.liquid(y),
            Self::VanLaar(curve) => curve.liquid(y),
        }
    }
}

impl BoilingCurve for EthanolWater {
    fn bubble_point_c(&self, x: f64) -> f64 {
        match self {
            Self::Measured(curve) => curve.bubble_point_c(x),
            Self::VanLaar(curve) => curve.bubble_point_c(x),
        }
    }
}
