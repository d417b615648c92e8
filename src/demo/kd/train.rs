//! Mini-batch training of one network with Adam.
//!
//! Every random choice (initial weights, batch order) comes from one ChaCha8
//! generator seeded with [`TrainConfig::seed`], so the same seed and inputs
//! give bit-identical weights.

use std::ops::ControlFlow;

use ndarray::{ArrayView2, Axis};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::KdError;
use super::adam::{Adam, AdamConfig};
use super::loss::{SoftTargets, distillation_loss};
use super::net::{Mlp, argmax_rows};

/// The rows a network learns from, with their hard and soft targets.
#[derive(Debug, Clone)]
pub struct TransferSet<'a> {
    /// One image per row.
    pub images: ArrayView2<'a, f32>,
    /// The class of each row, or `None` where the label is withheld.
    pub labels: Vec<Option<u8>>,
    /// Teacher logits for the same rows, with `T` and `α`; `None` trains on
    /// the labels alone.
    pub soft: Option<SoftTargets<'a>>,
}

/// Network shape and optimization settings for one training run.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Layer widths from input to output.
    pub widths: Vec<usize>,
    pub epochs: usize,
    pub batch_size: usize,
    /// Examples drawn per epoch. Runs on a small labelled set set this to the
    /// size of the full training set, so they take as many optimizer steps
    /// as runs on every image. The rows are reshuffled each time the set is
    /// used up.
    pub examples_per_epoch: usize,
    pub adam: AdamConfig,
    pub seed: u64,
}

/// The state reported after each epoch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EpochStats {
    /// Epochs done so far, from 1.
    pub epoch: usize,
    pub epochs: usize,
    /// Mean of the batch losses of this epoch.
    pub loss: f32,
}

/// Trains a fresh network on `set`.
///
/// `on_epoch` runs after every epoch with the current network. Returning
/// `ControlFlow::Break` stops training with [`KdError::Cancelled`].
pub fn train(
    set: &TransferSet<'_>,
    config: &TrainConfig,
    on_epoch: &mut dyn FnMut(&EpochStats, &Mlp) -> ControlFlow<()>,
) -> Result<Mlp, KdError> {
    validate(set, config)?;
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let mut mlp = Mlp::new(&config.widths, &mut rng)?;
    let mut adam = Adam::new(&mlp, config.adam);
    let mut order = BatchOrder::new(set.images.nrows());
    let steps = config.examples_per_epoch.div_ceil(config.batch_size).max(1);
    for epoch in 1..=config.epochs {
        let mut loss_sum = 0.0_f64;
        for _ in 0..steps {
            let rows = order.next_batch(config.batch_size, &mut rng);
            loss_sum += f64::from(train_step(&mut mlp, &mut adam, set, &rows));
        }
        let stats = EpochStats {
            epoch,
            epochs: config.epochs,
            loss: (loss_sum / steps as f64) as f32,
        };
        if on_epoch(&stats, &mlp).is_break() {
            return Err(KdError::Cancelled);
        }
    }
    Ok(mlp)
}

/// Runs one forward and backward pass on `rows` and updates the weights.
/// Returns the batch loss.
fn train_step(mlp: &mut Mlp, adam: &mut Adam, set: &TransferSet<'_>, rows: &[usize]) -> f32 {
    let images = set.images.select(Axis(0), rows);
    let labels: Vec<Option<u8>> = rows.iter().map(|&row| set.labels[row]).collect();
    let teacher = set
        .soft
        .map(|soft| (soft, soft.teacher_logits.select(Axis(0), rows)));
    let soft = teacher.as_ref().map(|(soft, logits)| SoftTargets {
        teacher_logits: logits.view(),
        ..*soft
    });
    let forward = mlp.forward(images.view());
    let output = distillation_loss(forward.logits.view(), &labels, soft.as_ref());
    let grads = mlp.backward(&forward, output.grad_logits);
    adam.step(mlp, &grads);
    output.loss
}

/// Returns the share of rows whose largest logit is at their label.
pub fn accuracy(mlp: &Mlp, images: ArrayView2<'_, f32>, labels: &[u8]) -> f64 {
    let predictions = argmax_rows(mlp.logits(images).view());
    let correct = predictions
        .iter()
        .zip(labels)
        .filter(|&(&predicted, &label)| predicted == usize::from(label))
        .count();
    correct as f64 / labels.len().max(1) as f64
}

/// An endless sequence of shuffled passes over `0..rows`.
struct BatchOrder {
    order: Vec<usize>,
    next: usize,
}

impl BatchOrder {
    fn new(rows: usize) -> Self {
        Self {
            order: (0..rows).collect(),
            next: rows,
        }
    }

    fn next_batch(&mut self, size: usize, rng: &mut ChaCha8Rng) -> Vec<usize> {
        let mut batch = Vec::with_capacity(size);
        while batch.len() < size {
            if self.next == self.order.len() {
                self.order.shuffle(rng);
                self.next = 0;
            }
            let take = (size - batch.len()).min(self.order.len() - self.next);
            batch.extend_from_slice(&self.order[self.next..self.next + take]);
            self.next += take;
        }
        batch
    }
}

fn validate(set: &TransferSet<'_>, config: &TrainConfig) -> Result<(), KdError> {
    let rows = set.images.nrows();
    if rows == 0 {
        return Err(KdError::Config("the transfer set has no rows".into()));
    }
    if config.epochs == 0 || config.batch_size == 0 {
        return Err(KdError::Config(format!(
            "invalid training length: {} epochs of batch size {}; both must be at least 1",
            config.epochs, config.batch_size
        )));
    }
    if config.widths.first() != Some(&set.images.ncols()) {
        return Err(KdError::Config(format!(
            "layer widths {:?} do not start with the image width {}",
            config.widths,
            set.images.ncols()
        )));
    }
    if set.labels.len() != rows {
        return Err(KdError::Config(format!(
            "{} labels for {rows} images; pass one label (or None) per image",
            set.labels.len()
        )));
    }
    match &set.soft {
        Some(soft) => validate_soft(soft, rows, config),
        None => Ok(()),
    }
}

fn validate_soft(soft: &SoftTargets<'_>, rows: usize, config: &TrainConfig) -> Result<(), KdError> {
    validate_temperature(soft.temperature)?;
    validate_alpha(soft.alpha)?;
    let outputs = config.widths.last().copied().unwrap_or(0);
    if soft.teacher_logits.dim() != (rows, outputs) {
        return Err(KdError::Config(format!(
            "teacher logits have shape {:?}, expected ({rows}, {outputs})",
            soft.teacher_logits.dim()
        )));
    }
    Ok(())
}

/// Checks that a temperature is finite and above zero.
pub fn validate_temperature(temperature: f32) -> Result<(), KdError> {
    if temperature.is_finite() && temperature > 0.0 {
        Ok(())
    } else {
        Err(KdError::Config(format!(
            "invalid temperature {temperature}: expected a number above 0, such as 4"
        )))
    }
}

/// Checks that α lies in `0..=1`.
pub fn validate_alpha(alpha: f32) -> Result<(), KdError> {
    if (0.0..=1.0).contains(&alpha) {
        Ok(())
    } else {
        Err(KdError::Config(format!(
            "invalid alpha {alpha}: expected a weight from 0 to 1"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_order_covers_every_row_once_per_pass() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut order = BatchOrder::new(5);
        let mut seen: Vec<usize> = order.next_batch(3, &mut rng);
        seen.extend(order.next_batch(2, &mut rng));
        seen.sort_unstable();
        assert_eq!(seen, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn batch_order_wraps_small_sets() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let batch = BatchOrder::new(2).next_batch(5, &mut rng);
        assert_eq!(batch.len(), 5);
        assert!(batch.iter().all(|&row| row < 2));
    }

    #[test]
    fn rejects_alpha_above_one() {
        let err = validate_alpha(1.5).unwrap_err();
        assert!(err.to_string().contains("1.5"));
    }

    #[test]
    fn rejects_zero_temperature() {
        assert!(validate_temperature(0.0).is_err());
        assert!(validate_temperature(f32::NAN).is_err());
    }
}
