//! The Adam optimizer (Kingma and Ba, 2015) with bias correction.

use ndarray::{Array1, Array2, Zip};

use super::net::{Dense, Gradients, Mlp};

/// Adam's step size and decay rates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdamConfig {
    pub learning_rate: f32,
    pub beta1: f32,
    pub beta2: f32,
    pub epsilon: f32,
}

impl Default for AdamConfig {
    /// The paper's defaults: step 0.001, β₁ 0.9, β₂ 0.999, ε 1e-8.
    fn default() -> Self {
        Self {
            learning_rate: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        }
    }
}

/// First and second moment estimates for every parameter of one network.
#[derive(Debug, Clone)]
pub struct Adam {
    config: AdamConfig,
    first: Vec<Dense>,
    second: Vec<Dense>,
    steps: i32,
}

impl Adam {
    /// Creates zeroed moments shaped like `mlp`.
    pub fn new(mlp: &Mlp, config: AdamConfig) -> Self {
        let zeros: Vec<Dense> = mlp
            .layers
            .iter()
            .map(|layer| Dense {
                weights: Array2::zeros(layer.weights.raw_dim()),
                bias: Array1::zeros(layer.bias.raw_dim()),
            })
            .collect();
        Self {
            config,
            first: zeros.clone(),
            second: zeros,
            steps: 0,
        }
    }

    /// Applies one update to `mlp` from `grads`.
    pub fn step(&mut self, mlp: &mut Mlp, grads: &Gradients) {
        self.steps = self.steps.saturating_add(1);
        let c = self.config;
        let correction1 = 1.0 - c.beta1.powi(self.steps);
        let correction2 = 1.0 - c.beta2.powi(self.steps);
        let rate = c.learning_rate * correction2.sqrt() / correction1;
        // The step uses the bias-corrected rate with ε added to the
        // uncorrected root, the "efficient" form in section 2 of the paper.
        let update = |param: &mut f32, m: &mut f32, v: &mut f32, &g: &f32| {
            *m = c.beta1 * *m + (1.0 - c.beta1) * g;
            *v = c.beta2 * *v + (1.0 - c.beta2) * g * g;
            *param -= rate * *m / (v.sqrt() + c.epsilon);
        };
        let layers = mlp.layers.iter_mut().zip(&grads.layers);
        for ((layer, grad), (m, v)) in layers.zip(self.first.iter_mut().zip(&mut self.second)) {
            Zip::from(&mut layer.weights)
                .and(&mut m.weights)
                .and(&mut v.weights)
                .and(&grad.weights)
                .for_each(update);
            Zip::from(&mut layer.bias)
                .and(&mut m.bias)
                .and(&mut v.bias)
                .and(&grad.bias)
                .for_each(update);
        }
    }
}

#[cfg(test)]
mod tests {
    use ndarray::array;

    use super::*;

    #[test]
    fn first_step_moves_each_parameter_by_learning_rate() {
        let mut mlp = Mlp {
            layers: vec![Dense {
                weights: array![[1.0, 1.0]],
                bias: array![0.0, 0.0],
            }],
        };
        let grads = Gradients {
            layers: vec![Dense {
                weights: array![[0.5, -2.0]],
                bias: array![1.0, 0.0],
            }],
        };
        let mut adam = Adam::new(&mlp, AdamConfig::default());
        adam.step(&mut mlp, &grads);
        // After one step m̂ = g and v̂ = g², so each move is lr · sign(g).
        let w = &mlp.layers[0].weights;
        assert!((w[[0, 0]] - 0.999).abs() < 1e-6, "{w}");
        assert!((w[[0, 1]] - 1.001).abs() < 1e-6, "{w}");
        assert!((mlp.layers[0].bias[0] + 0.001).abs() < 1e-6);
        assert_eq!(mlp.layers[0].bias[1], 0.0);
    }
}
