//! Backpropagation and the distillation-loss gradient against central
//! finite differences.

use distill::demo::kd::loss::{SoftTargets, distillation_loss};
use distill::demo::kd::net::Mlp;
use ndarray::{Array2, array};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Step of the central differences. The loss is summed in f64 and rounded
/// to f32, so its rounding error (about 1e-7) stays far below the
/// tolerance after dividing by 2 · STEP.
const STEP: f32 = 1e-3;

fn close(analytic: f32, numeric: f32) -> bool {
    (analytic - numeric).abs() <= 2e-3 + 1e-2 * analytic.abs()
}

fn random_matrix(rows: usize, cols: usize, rng: &mut ChaCha8Rng) -> Array2<f32> {
    Array2::from_shape_simple_fn((rows, cols), || rng.random_range(-1.0..1.0))
}

struct Fixture {
    mlp: Mlp,
    images: Array2<f32>,
    teacher_logits: Array2<f32>,
    labels: Vec<Option<u8>>,
}

fn fixture() -> Fixture {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    Fixture {
        mlp: Mlp::new(&[5, 6, 4, 3], &mut rng).expect("valid widths"),
        images: random_matrix(4, 5, &mut rng),
        teacher_logits: random_matrix(4, 3, &mut rng) * 3.0,
        // One unlabelled row checks that it gets only the soft-target term.
        labels: vec![Some(0), Some(2), None, Some(1)],
    }
}

fn loss_of(f: &Fixture, mlp: &Mlp, temperature: f32, alpha: f32) -> f32 {
    let soft = SoftTargets {
        teacher_logits: f.teacher_logits.view(),
        temperature,
        alpha,
    };
    distillation_loss(mlp.logits(f.images.view()).view(), &f.labels, Some(&soft)).loss
}

/// Returns, per layer, which hidden units are active for each row, so a test
/// can verify that a finite difference did not cross a ReLU kink.
fn relu_pattern(mlp: &Mlp, images: &Array2<f32>) -> Vec<Array2<bool>> {
    let forward = mlp.forward(images.view());
    forward.inputs[1..]
        .iter()
        .map(|a| a.mapv(|v| v > 0.0))
        .collect()
}

/// One parameter of one layer: a weight by its row-major index, or a bias.
#[derive(Debug, Clone, Copy)]
enum Param {
    Weight(usize),
    Bias(usize),
}

fn params_of(mlp: &Mlp, layer: usize) -> Vec<Param> {
    let dense = &mlp.layers[layer];
    let weights = (0..dense.weights.len()).map(Param::Weight);
    weights
        .chain((0..dense.bias.len()).map(Param::Bias))
        .collect()
}

fn perturbed(mlp: &Mlp, layer: usize, param: Param, delta: f32) -> Mlp {
    let mut mlp = mlp.clone();
    let dense = &mut mlp.layers[layer];
    match param {
        Param::Weight(i) => dense.weights.as_slice_mut().expect("contiguous")[i] += delta,
        Param::Bias(i) => dense.bias[i] += delta,
    }
    mlp
}

fn check_parameters(temperature: f32, alpha: f32) {
    let f = fixture();
    let forward = f.mlp.forward(f.images.view());
    let soft = SoftTargets {
        teacher_logits: f.teacher_logits.view(),
        temperature,
        alpha,
    };
    let output = distillation_loss(forward.logits.view(), &f.labels, Some(&soft));
    let grads = f.mlp.backward(&forward, output.grad_logits);
    let pattern = relu_pattern(&f.mlp, &f.images);
    let mut checked = 0;
    for layer in 0..f.mlp.layers.len() {
        for param in params_of(&f.mlp, layer) {
            let plus = perturbed(&f.mlp, layer, param, STEP);
            let minus = perturbed(&f.mlp, layer, param, -STEP);
            // Central differences are valid only if no ReLU changes state.
            assert_eq!(
                relu_pattern(&plus, &f.images),
                pattern,
                "{param:?} crossed a kink"
            );
            assert_eq!(
                relu_pattern(&minus, &f.images),
                pattern,
                "{param:?} crossed a kink"
            );
            let numeric = (loss_of(&f, &plus, temperature, alpha)
                - loss_of(&f, &minus, temperature, alpha))
                / (2.0 * STEP);
            let analytic = match param {
                Param::Weight(i) => grads.layers[layer].weights.as_slice().expect("contiguous")[i],
                Param::Bias(i) => grads.layers[layer].bias[i],
            };
            assert!(
                close(analytic, numeric),
                "layer {layer} {param:?}: analytic {analytic}, numeric {numeric}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, f.mlp.parameter_count());
}

#[test]
fn parameter_gradients_at_t1_alpha_half() {
    check_parameters(1.0, 0.5);
}

#[test]
fn parameter_gradients_at_t4_alpha_point9() {
    check_parameters(4.0, 0.9);
}

#[test]
fn parameter_gradients_labels_only() {
    check_parameters(2.0, 0.0);
}

#[test]
fn logit_gradient_matches_differences() {
    let student = array![[0.3, -1.2, 2.0], [1.5, 0.1, -0.4]];
    let teacher = array![[2.0, -1.0, 0.5], [-0.3, 3.0, 0.2]];
    let labels = [Some(2), None];
    for (temperature, alpha) in [(1.0, 0.0), (1.0, 0.5), (3.0, 0.5), (20.0, 1.0)] {
        let soft = SoftTargets {
            teacher_logits: teacher.view(),
            temperature,
            alpha,
        };
        let loss = |z: &Array2<f32>| distillation_loss(z.view(), &labels, Some(&soft)).loss;
        let grad = distillation_loss(student.view(), &labels, Some(&soft)).grad_logits;
        for ((row, col), &analytic) in grad.indexed_iter() {
            let mut plus = student.clone();
            plus[[row, col]] += STEP;
            let mut minus = student.clone();
            minus[[row, col]] -= STEP;
            let numeric = (loss(&plus) - loss(&minus)) / (2.0 * STEP);
            assert!(
                close(analytic, numeric),
                "T {temperature}, α {alpha}, logit ({row}, {col}): analytic {analytic}, \
                 numeric {numeric}"
            );
        }
    }
}
