//! The omitted-class experiment: a student distilled from a transfer set with
//! no image of one class, then given a larger output bias for that class.
//!
//! Hinton, Vinyals and Dean (2015, section 3) left every 3 out of the MNIST
//! transfer set. The student still learned about 3s from the teacher's soft
//! targets on other digits, and most of its errors on 3s came from a bias for
//! 3 that was too low. Here the bias shift is chosen to maximize accuracy on
//! the training images (3s included, which the student never trained on), so
//! the test images stay unseen until the final measurement.

use std::sync::atomic::AtomicBool;

use ndarray::{Array2, ArrayView2, Axis};

use super::KdError;
use super::data::{Digits, Split};
use super::experiment::{Settings, Teacher, labelled_rows, stop_if};
use super::loss::SoftTargets;
use super::net::{Mlp, argmax_rows};
use super::train::{TransferSet, train};

/// Bias shifts tried, from 0 in steps of [`SHIFT_STEP`].
const SHIFT_STEPS: usize = 100;
const SHIFT_STEP: f32 = 0.1;

/// One seed's omitted-class student, measured before and after the shift.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OmittedRun {
    /// Accuracy on the omitted class's test images.
    pub class_before: f64,
    pub class_after: f64,
    /// Accuracy on all test images.
    pub overall_before: f64,
    pub overall_after: f64,
    /// Amount added to the omitted class's output bias.
    pub bias_shift: f32,
}

/// Trains one omitted-class student and measures it.
pub fn omitted_class_run(
    split: &Split,
    teacher: &Teacher,
    settings: &Settings,
    seed: u64,
    cancel: &AtomicBool,
) -> Result<OmittedRun, KdError> {
    let class = settings.omitted_class;
    let parts = transfer_parts(split, teacher, settings, seed)?;
    let set = TransferSet {
        images: parts.images.view(),
        labels: parts.labels,
        soft: Some(SoftTargets {
            teacher_logits: parts.teacher_logits.view(),
            temperature: settings.omitted_temperature,
            alpha: settings.alpha,
        }),
    };
    let config = settings.train_config(&settings.student_widths, seed, split.train.len());
    let mut student = train(&set, &config, &mut |_, _| stop_if(cancel))?;

    let before = measure(&student, &split.test, class);
    let shift = best_bias_shift(
        student.logits(split.train.view()),
        &split.train.labels,
        class,
    );
    student.shift_output_bias(usize::from(class), shift);
    let after = measure(&student, &split.test, class);
    Ok(OmittedRun {
        class_before: before.0,
        class_after: after.0,
        overall_before: before.1,
        overall_after: after.1,
        bias_shift: shift,
    })
}

/// The training images without the omitted class, with their labels (where
/// the budget keeps one) and the teacher's logits.
struct TransferParts {
    images: Digits,
    labels: Vec<Option<u8>>,
    teacher_logits: Array2<f32>,
}

fn transfer_parts(
    split: &Split,
    teacher: &Teacher,
    settings: &Settings,
    seed: u64,
) -> Result<TransferParts, KdError> {
    let mut keep_label = vec![false; split.train.len()];
    for row in labelled_rows(&split.train, settings, seed)? {
        keep_label[row] = true;
    }
    let rows: Vec<usize> = (0..split.train.len())
        .filter(|&row| split.train.labels[row] != settings.omitted_class)
        .collect();
    Ok(TransferParts {
        images: split.train.select(&rows),
        labels: rows
            .iter()
            .map(|&row| keep_label[row].then_some(split.train.labels[row]))
            .collect(),
        teacher_logits: teacher.train_logits.select(Axis(0), &rows),
    })
}

/// Returns (accuracy on `class`, accuracy on all rows) of `test`.
fn measure(student: &Mlp, test: &Digits, class: u8) -> (f64, f64) {
    let predictions = argmax_rows(student.logits(test.view()).view());
    let mut class_total = 0_usize;
    let mut class_correct = 0_usize;
    let mut correct = 0_usize;
    for (&predicted, &label) in predictions.iter().zip(&test.labels) {
        let hit = predicted == usize::from(label);
        correct += usize::from(hit);
        if label == class {
            class_total += 1;
            class_correct += usize::from(hit);
        }
    }
    (
        class_correct as f64 / class_total.max(1) as f64,
        correct as f64 / test.len().max(1) as f64,
    )
}

/// Returns the shift of `class`'s logit, from 0 to 9.9 in steps of 0.1, that
/// maximizes accuracy over `logits`; the smallest such shift on ties.
pub fn best_bias_shift(mut logits: Array2<f32>, labels: &[u8], class: u8) -> f32 {
    let column = usize::from(class);
    let original = logits.column(column).to_owned();
    let mut best = (0.0, count_correct(logits.view(), labels));
    for step in 1..SHIFT_STEPS {
        let shift = step as f32 * SHIFT_STEP;
        logits.column_mut(column).assign(&(&original + shift));
        let correct = count_correct(logits.view(), labels);
        if correct > best.1 {
            best = (shift, correct);
        }
    }
    best.0
}

fn count_correct(logits: ArrayView2<'_, f32>, labels: &[u8]) -> usize {
    argmax_rows(logits)
        .iter()
        .zip(labels)
        .filter(|&(&predicted, &label)| predicted == usize::from(label))
        .count()
}

#[cfg(test)]
mod tests {
    use ndarray::array;

    use super::*;

    #[test]
    fn bias_shift_recovers_low_class() {
        // Class 1 trails by 0.45 on its two images, so a shift of 0.5 fixes
        // both without breaking the image of class 0, whose margin is 2.
        let logits = array![[1.0, 0.55], [1.0, 0.55], [3.0, 1.0]];
        let shift = best_bias_shift(logits, &[1, 1, 0], 1);
        assert!((shift - 0.5).abs() < 1e-5, "{shift}");
    }

    #[test]
    fn bias_shift_is_zero_when_nothing_improves() {
        let logits = array![[2.0, 0.0], [0.0, 2.0]];
        assert_eq!(best_bias_shift(logits, &[0, 1], 1), 0.0);
    }
}
