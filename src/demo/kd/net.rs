//! Multilayer perceptrons with ReLU hidden layers and hand-written
//! backpropagation.
//!
//! Activations are stored row-major, one row per example, so a layer computes
//! `a · W + b` with `W` of shape `(inputs, outputs)`. The last layer has no
//! activation: it returns logits.

use ndarray::{Array1, Array2, ArrayView2, Axis, Zip};
use rand::{Rng, RngExt};

use super::KdError;

/// One fully connected layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Dense {
    /// Shape `(inputs, outputs)`.
    pub weights: Array2<f32>,
    /// One bias per output.
    pub bias: Array1<f32>,
}

/// A stack of dense layers with ReLU between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    pub layers: Vec<Dense>,
}

/// Gradients of a scalar loss with respect to every parameter of an [`Mlp`],
/// laid out like its layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Gradients {
    pub layers: Vec<Dense>,
}

/// The input of every layer from one forward pass, kept for backpropagation.
#[derive(Debug, Clone)]
pub struct Forward {
    /// `inputs[0]` is the batch; `inputs[l]` for `l > 0` is the ReLU output
    /// that layer `l` reads.
    pub inputs: Vec<Array2<f32>>,
    /// Output of the last layer.
    pub logits: Array2<f32>,
}

impl Mlp {
    /// Builds a network with the given layer widths, from input to output,
    /// with He-uniform weights (bound `sqrt(6 / inputs)`) and zero biases.
    pub fn new<R: Rng>(widths: &[usize], rng: &mut R) -> Result<Self, KdError> {
        if widths.len() < 2 || widths.contains(&0) {
            return Err(KdError::Config(format!(
                "invalid layer widths {widths:?}: expected at least an input and an output \
                 width, all above zero"
            )));
        }
        let layers = widths
            .windows(2)
            .map(|pair| Dense::he_uniform(pair[0], pair[1], rng))
            .collect();
        Ok(Self { layers })
    }

    /// Layer widths from input to output.
    pub fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.layers.iter().map(|l| l.weights.nrows()).collect();
        widths.extend(self.layers.last().map(|l| l.weights.ncols()));
        widths
    }

    /// Number of weights and biases.
    pub fn parameter_count(&self) -> usize {
        self.layers
            .iter()
            .map(|l| l.weights.len() + l.bias.len())
            .sum()
    }

    /// Computes the logits of a batch without keeping intermediate values.
    pub fn logits(&self, batch: ArrayView2<'_, f32>) -> Array2<f32> {
        let mut current = batch.to_owned();
        for (index, layer) in self.layers.iter().enumerate() {
            current = layer.apply(current.view());
            if index + 1 < self.layers.len() {
                relu_in_place(&mut current);
            }
        }
        current
    }

    /// Runs a batch forward and keeps every layer's input for [`Mlp::backward`].
    pub fn forward(&self, batch: ArrayView2<'_, f32>) -> Forward {
        let mut inputs = Vec::with_capacity(self.layers.len());
        let mut current = batch.to_owned();
        for layer in &self.layers[..self.layers.len() - 1] {
            let mut next = layer.apply(current.view());
            relu_in_place(&mut next);
            inputs.push(current);
            current = next;
        }
        let logits = match self.layers.last() {
            Some(last) => last.apply(current.view()),
            None => current.clone(),
        };
        inputs.push(current);
        Forward { inputs, logits }
    }

    /// Backpropagates the gradient of the loss with respect to the logits
    /// through the pass recorded in `forward`.
    pub fn backward(&self, forward: &Forward, grad_logits: Array2<f32>) -> Gradients {
        let mut grads = Vec::with_capacity(self.layers.len());
        let mut upstream = grad_logits;
        for (index, layer) in self.layers.iter().enumerate().rev() {
            let input = &forward.inputs[index];
            grads.push(Dense {
                weights: input.t().dot(&upstream),
                bias: upstream.sum_axis(Axis(0)),
            });
            if index > 0 {
                let mut downstream = upstream.dot(&layer.weights.t());
                // The ReLU passes gradient only where its output was positive.
                Zip::from(&mut downstream)
                    .and(input)
                    .for_each(|grad, &activation| {
                        *grad = if activation > 0.0 { *grad } else { 0.0 };
                    });
                upstream = downstream;
            }
        }
        grads.reverse();
        Gradients { layers: grads }
    }

    /// Adds `shift` to the output bias of one class.
    pub fn shift_output_bias(&mut self, class: usize, shift: f32) {
        if let Some(bias) = self.layers.last_mut().and_then(|l| l.bias.get_mut(class)) {
            *bias += shift;
        }
    }
}

impl Dense {
    fn he_uniform<R: Rng>(inputs: usize, outputs: usize, rng: &mut R) -> Self {
        let bound = (6.0 / inputs as f32).sqrt();
        let weights =
            Array2::from_shape_simple_fn((inputs, outputs), || rng.random_range(-bound..bound));
        Self {
            weights,
            bias: Array1::zeros(outputs),
        }
    }

    fn apply(&self, input: ArrayView2<'_, f32>) -> Array2<f32> {
        input.dot(&self.weights) + &self.bias
    }
}

fn relu_in_place(values: &mut Array2<f32>) {
    values.mapv_inplace(|v| v.max(0.0));
}

/// Returns the index of the largest value of each row (the first on ties).
pub fn argmax_rows(logits: ArrayView2<'_, f32>) -> Vec<usize> {
    logits
        .rows()
        .into_iter()
        .map(|row| {
            let mut best = 0;
            for (index, &value) in row.iter().enumerate() {
                if value > row[best] {
                    best = index;
                }
            }
            best
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use ndarray::array;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn forward_matches_hand_computation() {
        let mlp = Mlp {
            layers: vec![
                Dense {
                    weights: array![[1.0, -1.0], [2.0, 0.5]],
                    bias: array![0.0, 0.25],
                },
                Dense {
                    weights: array![[1.0], [-2.0]],
                    bias: array![0.5],
                },
            ],
        };
        // Hidden: [1*1 + 1*2, max(0, -1 + 0.5 + 0.25)] = [3, 0]; output 3 + 0.5.
        let logits = mlp.logits(array![[1.0, 1.0]].view());
        assert_eq!(logits, array![[3.5]]);
        assert_eq!(mlp.forward(array![[1.0, 1.0]].view()).logits, logits);
    }

    #[test]
    fn new_rejects_zero_width() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        assert!(Mlp::new(&[64, 0, 10], &mut rng).is_err());
        assert!(Mlp::new(&[64], &mut rng).is_err());
    }

    #[test]
    fn widths_and_parameter_count() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mlp = Mlp::new(&[64, 32, 10], &mut rng).unwrap();
        assert_eq!(mlp.widths(), vec![64, 32, 10]);
        assert_eq!(mlp.parameter_count(), 64 * 32 + 32 + 32 * 10 + 10);
    }

    #[test]
    fn argmax_takes_first_of_ties() {
        assert_eq!(
            argmax_rows(array![[1.0, 3.0, 3.0], [5.0, 0.0, 1.0]].view()),
            vec![1, 0]
        );
    }
}
