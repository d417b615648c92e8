//! The distillation loss against values computed by hand.
//!
//! One example with student logits z = (0, ln 3) and label 0, and teacher
//! logits v = (ln 3, 0):
//! - at T = 1, softmax(z) = (1/4, 3/4), so CE = ln 4, and softmax(v) =
//!   (3/4, 1/4), so KL(p ‖ q) = 3/4 · ln 3 − 1/4 · ln 3 = ln 3 / 2;
//! - at T = 2, softmax(z / 2) = (1, √3) / (1 + √3) and the teacher's is the
//!   reverse, so KL = (√3 − 1) / (1 + √3) · ln √3.

use distill::demo::kd::loss::{SoftTargets, distillation_loss};
use ndarray::{Array2, array};

fn student() -> Array2<f32> {
    array![[0.0, 3.0_f32.ln()]]
}

fn teacher() -> Array2<f32> {
    array![[3.0_f32.ln(), 0.0]]
}

fn loss(temperature: f32, alpha: f32) -> (f32, Array2<f32>) {
    let teacher = teacher();
    let soft = SoftTargets {
        teacher_logits: teacher.view(),
        temperature,
        alpha,
    };
    let out = distillation_loss(student().view(), &[Some(0)], Some(&soft));
    (out.loss, out.grad_logits)
}

fn cross_entropy() -> f64 {
    4.0_f64.ln()
}

fn kl_at(temperature: f64) -> f64 {
    if temperature == 1.0 {
        3.0_f64.ln() / 2.0
    } else {
        let r3 = 3.0_f64.sqrt();
        (r3 - 1.0) / (1.0 + r3) * r3.ln()
    }
}

fn expected(temperature: f64, alpha: f64) -> f64 {
    (1.0 - alpha) * cross_entropy() + alpha * temperature * temperature * kl_at(temperature)
}

fn assert_close(actual: f32, expected: f64, case: &str) {
    assert!(
        (f64::from(actual) - expected).abs() < 1e-6,
        "{case}: loss {actual}, expected {expected}"
    );
}

#[test]
fn loss_values_table() {
    for temperature in [1.0, 2.0] {
        for alpha in [0.0, 0.5, 1.0] {
            let (actual, _) = loss(temperature as f32, alpha as f32);
            let case = format!("T = {temperature}, α = {alpha}");
            assert_close(actual, expected(temperature, alpha), &case);
        }
    }
}

#[test]
fn alpha_zero_is_cross_entropy() {
    let (actual, grad) = loss(2.0, 0.0);
    assert_close(actual, 4.0_f64.ln(), "α = 0");
    // softmax(z) − one_hot(0) = (1/4 − 1, 3/4).
    assert!((grad[[0, 0]] + 0.75).abs() < 1e-6, "{grad}");
    assert!((grad[[0, 1]] - 0.75).abs() < 1e-6, "{grad}");
}

#[test]
fn alpha_one_gradient_at_t1() {
    let (_, grad) = loss(1.0, 1.0);
    // T · (softmax(z / T) − softmax(v / T)) = (1/4 − 3/4, 3/4 − 1/4).
    assert!((grad[[0, 0]] + 0.5).abs() < 1e-6, "{grad}");
    assert!((grad[[0, 1]] - 0.5).abs() < 1e-6, "{grad}");
}

#[test]
fn soft_term_scales_with_t_squared() {
    // α · T² · KL at T = 2 is 4 · 0.147186... = 0.588745...
    let (actual, _) = loss(2.0, 1.0);
    assert_close(actual, 0.588_745_1, "T = 2, α = 1");
}

#[test]
fn batch_loss_is_mean_over_rows() {
    let student = array![[0.0, 3.0_f32.ln()], [5.0, 5.0]];
    // The second row is unlabelled and has no teacher, so it adds 0 to the
    // sum but still counts in the mean.
    let out = distillation_loss(student.view(), &[Some(0), None], None);
    assert_close(out.loss, 4.0_f64.ln() / 2.0, "two rows");
    assert_eq!(out.grad_logits.row(1).to_vec(), vec![0.0, 0.0]);
}
