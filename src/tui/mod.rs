//! TODO

pub mod input;
