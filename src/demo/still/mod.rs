//! Ethanol-water distillation at 1 atm: simple batch distillation against a
//! fractionating column.
//!
//! [`perry`] contains measured equilibrium data and [`van_laar`] an activity
//! model checked against it. [`rayleigh`] boils a charge off in a simple still
//! and [`column`] steps a continuous column by McCabe-Thiele. [`report`]
//! combines them into the results that `distill demo still` prints and the
//! column screen draws.

pub mod column;
pub mod equilibrium;
mod error;
pub mod fraction;
mod pchip;
pub mod perry;
pub mod rayleigh;
pub mod report;
pub mod van_laar;

pub use column::{Design, Reflux, Unreachable};
pub use equilibrium::{BoilingCurve, ConstantVolatility, Equilibrium, azeotrope};
pub use error::StillError;
pub use fraction::{Composition, mass_to_mole, mole_to_mass};
pub use perry::PerryTable;
pub use report::{DemoInput, DemoReport, run};
pub use van_laar::VanLaar;

/// Most theoretical plates a column in the demo may have.
pub const MAX_PLATES: u32 = 200;
