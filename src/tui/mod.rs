//! TODO
pub mod still;
