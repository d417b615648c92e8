//! Monotone piecewise cubic Hermite interpolation (PCHIP).
//!
//! Slopes follow Fritsch and Carlson (1980), "Monotone Piecewise Cubic
//! Interpolation", SIAM J. Numer. Anal. 17(2), with the weighted harmonic mean
//! at interior knots and the one-sided three-point formula at the ends, as in
//! Moler, "Numerical Computing with MATLAB", section 3.4. The curve passes
//! through every knot, and between two knots it never overshoots them, so
//! monotone data give a monotone curve.

/// A PCHIP curve through fixed knots.
#[derive(Debug, Clone)]
pub(crate) struct Pchip {
    xs: Vec<f64>,
    ys: Vec<f64>,
    slopes: Vec<f64>,
}

impl Pchip {
    /// Builds the curve through `(xs[i], ys[i])`.
    ///
    /// The caller passes at least three knots with strictly increasing `xs`,
    /// and `ys` of the same length. The knot tables in this crate are constants
    /// checked by tests.
    pub(crate) fn new(xs: &[f64], ys: &[f64]) -> Self {
        debug_assert!(xs.len() == ys.len() && xs.len() >= 3);
        debug_assert!(xs.windows(2).all(|w| w[0] < w[1]));
        let slopes = knot_slopes(xs, ys);
        Self {
            xs: xs.to_vec(),
            ys: ys.to_vec(),
            slopes,
        }
    }

    /// Evaluates the curve at `x`, clamped to the first and last knots.
    pub(crate) fn eval(&self, x: f64) -> f64 {
        let last = self.xs.len() - 1;
        let x = x.clamp(self.xs[0], self.xs[last]);
        let i = self
            .xs
            .partition_point(|&k| k <= x)
            .saturating_sub(1)
            .min(last - 1);
        let h = self.xs[i + 1] - self.xs[i];
        let t = (x - self.xs[i]) / h;
        let t2 = t * t;
        let t3 = t2 * t;
        let h00 = 2.0 * t3 - 3.0 * t2 + 1.0;
        let h10 = t3 - 2.0 * t2 + t;
        let h01 = -2.0 * t3 + 3.0 * t2;
        let h11 = t3 - t2;
        h00 * self.ys[i]
            + h10 * h * self.slopes[i]
            + h01 * self.ys[i + 1]
            + h11 * h * self.slopes[i + 1]
    }
}

fn knot_slopes(xs: &[f64], ys: &[f64]) -> Vec<f64> {
    let n = xs.len();
    let h: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    let secant: Vec<f64> = (0..n - 1).map(|i| (ys[i + 1] - ys[i]) / h[i]).collect();
    let mut slopes = vec![0.0; n];
    for k in 1..n - 1 {
        slopes[k] = interior_slope(h[k - 1], h[k], secant[k - 1], secant[k]);
    }
    slopes[0] = end_slope(h[0], h[1], secant[0], secant[1]);
    slopes[n - 1] = end_slope(h[n - 2], h[n - 3], secant[n - 2], secant[n - 3]);
    slopes
}

/// Weighted harmonic mean of the two secants, or zero at a local extremum.
fn interior_slope(h_left: f64, h_right: f64, d_left: f64, d_right: f64) -> f64 {
    if d_left * d_right <= 0.0 {
        return 0.0;
    }
    let w1 = 2.0 * h_right + h_left;
    let w2 = h_right + 2.0 * h_left;
    (w1 + w2) / (w1 / d_left + w2 / d_right)
}

/// Three-point end slope, limited so that the end interval stays monotone.
fn end_slope(h0: f64, h1: f64, d0: f64, d1: f64) -> f64 {
    let slope = ((2.0 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
    if slope * d0 <= 0.0 {
        0.0
    } else if d0 * d1 <= 0.0 && slope.abs() > (3.0 * d0).abs() {
        3.0 * d0
    } else {
        slope
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_through_knots() {
        let xs = [0.0, 1.0, 2.0, 4.0];
        let ys = [0.0, 3.0, 3.5, 10.0];
        let curve = Pchip::new(&xs, &ys);
        for (x, y) in xs.iter().zip(ys) {
            assert!((curve.eval(*x) - y).abs() < 1e-12);
        }
    }

    #[test]
    fn flat_between_equal_values() {
        let curve = Pchip::new(&[0.0, 1.0, 2.0, 3.0], &[0.0, 1.0, 1.0, 2.0]);
        assert!((curve.eval(1.5) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn clamps_outside_knots() {
        let curve = Pchip::new(&[0.0, 1.0, 2.0], &[1.0, 2.0, 4.0]);
        assert_eq!(curve.eval(-1.0), 1.0);
        assert_eq!(curve.eval(5.0), 4.0);
    }
}
