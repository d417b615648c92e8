//! The teacher's soft targets for one test image, at T = 1 and a higher T.

use super::data::Digits;
use super::loss::softmax;
use super::net::{Mlp, argmax_rows};

/// Temperature of the sharp distribution.
pub const BASE_TEMPERATURE: f32 = 1.0;
/// Higher temperature used when the requested one is 1 or lower.
pub const FALLBACK_HIGH_TEMPERATURE: f32 = 4.0;

/// Class probabilities at one temperature.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    pub temperature: f32,
    pub probabilities: Vec<f32>,
}

/// The teacher's probabilities for one test image at two temperatures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SoftTargetExample {
    /// Row of the image in the test set.
    pub test_index: usize,
    /// The image's true digit.
    pub label: u8,
    /// At T = 1, then at the higher temperature.
    pub distributions: Vec<Distribution>,
}

/// Picks the test image that the teacher classifies correctly with the
/// lowest top probability at T = 1, where the other classes get the most
/// mass, and returns its probabilities at T = 1 and at `high_temperature`
/// (or at 4 when `high_temperature` is 1 or lower).
pub fn soft_target_example(
    teacher: &Mlp,
    test: &Digits,
    high_temperature: f32,
) -> SoftTargetExample {
    let logits = teacher.logits(test.view());
    let predictions = argmax_rows(logits.view());
    let mut chosen = (0, f32::INFINITY);
    for (row, (&predicted, &label)) in predictions.iter().zip(&test.labels).enumerate() {
        if predicted != usize::from(label) {
            continue;
        }
        let top = softmax(logits.row(row), BASE_TEMPERATURE)[predicted];
        if top < chosen.1 {
            chosen = (row, top);
        }
    }
    let high = if high_temperature > BASE_TEMPERATURE {
        high_temperature
    } else {
        FALLBACK_HIGH_TEMPERATURE
    };
    let row = chosen.0;
    let distributions = [BASE_TEMPERATURE, high]
        .into_iter()
        .map(|temperature| Distribution {
            temperature,
            probabilities: softmax(logits.row(row), temperature).to_vec(),
        })
        .collect();
    SoftTargetExample {
        test_index: row,
        label: test.labels.get(row).copied().unwrap_or(0),
        distributions,
    }
}
