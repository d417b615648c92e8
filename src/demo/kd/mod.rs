//! Knowledge distillation on the 8x8 handwritten digits, in pure Rust.
//!
//! A teacher network with two hidden layers of 256 units learns the digits;
//! small students then learn either from labels alone or from the teacher's
//! soft targets (its softmax at a temperature `T`), following Hinton, Vinyals
//! and Dean, "Distilling the Knowledge in a Neural Network" (2015). The
//! networks are ndarray `f32` multilayer perceptrons with hand-written
//! backpropagation, trained with Adam on mini-batches; every run is seeded
//! and reproducible bit for bit.
//!
//! Data: the test part of the UCI "Optical Recognition of Handwritten
//! Digits" set (E. Alpaydin and C. Kaynak, 1998), licensed CC BY 4.0, as
//! shipped inside scikit-learn; see `data/digits/README.md`.
//!
//! [`experiment::run`] is the entry point used by `distill demo kd` and the
//! KD screen of the terminal UI.

pub mod adam;
pub mod data;
pub mod experiment;
pub mod loss;
pub mod net;
pub mod omitted;
mod parallel;
pub mod soft;
pub mod train;

pub use data::{Digits, Split};
pub use experiment::{Progress, Report, Settings, run};

/// Errors of the KD demo.
#[derive(Debug, thiserror::Error)]
pub enum KdError {
    #[error("failed to decompress the digits data: {0}")]
    Decompress(#[source] std::io::Error),
    #[error("digits data, line {line}: {message}")]
    Row { line: usize, message: String },
    #[error("the digits data has no rows")]
    EmptyData,
    #[error("digits data has an unexpected shape: {0}")]
    Shape(String),
    #[error(
        "invalid label budget: {requested} labelled images per class requested, but class \
         {class} has only {available} training images; use at most {available}"
    )]
    LabelBudget {
        requested: usize,
        class: usize,
        available: usize,
    },
    #[error("invalid KD settings: {0}")]
    Config(String),
    #[error("training was cancelled")]
    Cancelled,
}
