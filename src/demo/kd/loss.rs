//! The distillation loss of Hinton, Vinyals and Dean (2015) and its gradient.
//!
//! For one example with student logits `z`, teacher logits `v`, temperature
//! `T` and weight `α`:
//!
//! ```text
//! loss = (1 − α) · CE(y, softmax(z)) + α · T² · KL(softmax(v / T) ‖ softmax(z / T))
//! ```
//!
//! The cross-entropy term is present only for examples that carry a label,
//! so a transfer set may mix labelled and unlabelled images. The loss of a
//! batch is the mean over all its examples. The `T²` factor keeps the size of
//! the soft-target gradient roughly independent of `T`, as the paper advises.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip};

/// Teacher logits and the weights of the soft-target term.
#[derive(Debug, Clone, Copy)]
pub struct SoftTargets<'a> {
    /// Teacher logits for the same rows as the student's batch.
    pub teacher_logits: ArrayView2<'a, f32>,
    /// Softmax temperature `T`, above zero.
    pub temperature: f32,
    /// Weight `α` of the soft-target term, in `0.0..=1.0`.
    pub alpha: f32,
}

/// The mean loss of a batch and its gradient with respect to the student's
/// logits.
#[derive(Debug, Clone, PartialEq)]
pub struct LossOutput {
    pub loss: f32,
    pub grad_logits: Array2<f32>,
}

/// Computes the batch loss and its gradient.
///
/// `labels[i]` is the class of row `i`, or `None` for an unlabelled row. With
/// no `soft` targets the loss is the plain cross-entropy of the labelled rows
/// (the label-only student). Every row counts in the mean, labelled or not.
/// Each row is computed in f64: at high `T` the KL term is a small difference
/// of nearly equal distributions scaled by `T²`, and f32 loses most of it.
pub fn distillation_loss(
    student_logits: ArrayView2<'_, f32>,
    labels: &[Option<u8>],
    soft: Option<&SoftTargets<'_>>,
) -> LossOutput {
    let rows = student_logits.nrows();
    let scale = 1.0 / rows.max(1) as f64;
    let mut loss = 0.0_f64;
    let mut grad = Array2::zeros(student_logits.raw_dim());
    for (row, mut grad_row) in grad.axis_iter_mut(Axis(0)).enumerate() {
        let label = labels.get(row).copied().flatten();
        let teacher = soft.map(|s| (s.teacher_logits.row(row), s));
        let (row_loss, row_grad) = row_loss(student_logits.row(row), label, teacher);
        loss += row_loss;
        Zip::from(&mut grad_row)
            .and(&row_grad)
            .for_each(|g, &d| *g = (d * scale) as f32);
    }
    LossOutput {
        loss: (loss * scale) as f32,
        grad_logits: grad,
    }
}

/// Returns one row's loss and its gradient with respect to the row's logits.
fn row_loss(
    logits: ArrayView1<'_, f32>,
    label: Option<u8>,
    teacher: Option<(ArrayView1<'_, f32>, &SoftTargets<'_>)>,
) -> (f64, Vec<f64>) {
    let hard_weight = teacher.map_or(1.0, |(_, s)| 1.0 - f64::from(s.alpha));
    let mut loss = 0.0;
    let mut grad = vec![0.0; logits.len()];
    if let Some(label) = label {
        let log_q = log_softmax(logits, 1.0);
        let class = usize::from(label);
        loss += -hard_weight * log_q[class];
        // d CE / d z = softmax(z) − one_hot(y).
        for (g, lq) in grad.iter_mut().zip(&log_q) {
            *g += hard_weight * lq.exp();
        }
        grad[class] -= hard_weight;
    }
    if let Some((teacher_logits, soft)) = teacher {
        let t = f64::from(soft.temperature);
        let alpha = f64::from(soft.alpha);
        let log_p = log_softmax(teacher_logits, t);
        let log_q = log_softmax(logits, t);
        let mut kl = 0.0;
        for ((g, lp), lq) in grad.iter_mut().zip(&log_p).zip(&log_q) {
            let (p, q) = (lp.exp(), lq.exp());
            kl += p * (lp - lq);
            // d (T² · KL) / d z = T · (softmax(z / T) − softmax(v / T)).
            *g += alpha * t * (q - p);
        }
        loss += alpha * t * t * kl;
    }
    (loss, grad)
}

/// Log-softmax of `logits / temperature` in f64, by the log-sum-exp trick.
fn log_softmax(logits: ArrayView1<'_, f32>, temperature: f64) -> Vec<f64> {
    let scaled: Vec<f64> = logits.iter().map(|&v| f64::from(v) / temperature).collect();
    let max = scaled.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let log_sum = scaled.iter().map(|v| (v - max).exp()).sum::<f64>().ln() + max;
    scaled.iter().map(|v| v - log_sum).collect()
}

/// Softmax of `logits / temperature`, shifted by the maximum for stability.
pub fn softmax(logits: ArrayView1<'_, f32>, temperature: f32) -> Array1<f32> {
    let max = logits.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut exps = logits.mapv(|v| ((v - max) / temperature).exp());
    let sum = exps.sum();
    exps /= sum;
    exps
}

#[cfg(test)]
mod tests {
    use ndarray::array;

    use super::*;

    #[test]
    fn softmax_sums_to_one_at_high_temperature() {
        let probs = softmax(array![1000.0, 0.0, -1000.0].view(), 20.0);
        assert!((probs.sum() - 1.0).abs() < 1e-6);
        assert!(probs[0] > probs[1]);
        assert!(probs[1] > probs[2]);
    }

    #[test]
    fn unlabelled_row_without_teacher_adds_nothing() {
        let out = distillation_loss(array![[1.0, 2.0]].view(), &[None], None);
        assert_eq!(out.loss, 0.0);
        assert_eq!(out.grad_logits, array![[0.0, 0.0]]);
    }
}
