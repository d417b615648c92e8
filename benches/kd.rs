//! Speed of the knowledge-distillation demo: matrix products, one teacher,
//! one distilled student and the whole default sweep.
//!
//! Run with `cargo bench --bench kd`. The matching NumPy implementation is
//! `benches/kd_numpy.py`; docs/benchmarks.md records both side by side.
//! Throughput figures count floating-point operations as elements, so
//! criterion's "elem/s" reads as FLOP/s.

use std::hint::black_box;
use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use distill::demo::kd::experiment::{self, SWEEP_TEMPERATURES};
use distill::demo::kd::net::Mlp;
use distill::demo::kd::train::EpochStats;
use distill::demo::kd::{Digits, Settings, Split, run};
use ndarray::Array2;

/// Multiply-adds of one training step of a network (forward, weight
/// gradients, and input gradients of every layer but the first), times two.
fn training_step_flops(widths: &[usize], batch: usize) -> u64 {
    let products: usize = widths.windows(2).map(|pair| pair[0] * pair[1]).sum();
    let first = widths[0] * widths[1];
    (2 * batch * (3 * products - first)) as u64
}

fn training_flops(settings: &Settings, widths: &[usize], split: &Split) -> u64 {
    let steps = split.train.len().div_ceil(settings.batch_size) * settings.epochs;
    training_step_flops(widths, settings.batch_size) * steps as u64
}

fn filled(rows: usize, cols: usize) -> Array2<f32> {
    Array2::from_shape_fn((rows, cols), |(r, c)| ((r * 7 + c * 13) % 17) as f32 / 17.0)
}

fn bench_gemm(c: &mut Criterion) {
    let mut group = c.benchmark_group("kd_gemm");
    let n = 512;
    let (a, b) = (filled(n, n), filled(n, n));
    group.throughput(Throughput::Elements(2 * (n * n * n) as u64));
    group.bench_function("square_512", |bench| bench.iter(|| black_box(a.dot(&b))));
    // The teacher's three forward products for one batch of 32 images.
    let shapes = [(32, 64, 256), (32, 256, 256), (32, 256, 10)];
    let operands: Vec<(Array2<f32>, Array2<f32>)> = shapes
        .iter()
        .map(|&(m, k, n)| (filled(m, k), filled(k, n)))
        .collect();
    let flops: usize = shapes.iter().map(|&(m, k, n)| 2 * m * k * n).sum();
    group.throughput(Throughput::Elements(flops as u64));
    group.bench_function("teacher_forward_batch_32", |bench| {
        bench.iter(|| {
            for (a, b) in &operands {
                black_box(a.dot(b));
            }
        })
    });
    group.finish();
}

fn bench_training(c: &mut Criterion) {
    let split = Digits::embedded().expect("embedded digits decode").split();
    let settings = Settings::default();
    let never = AtomicBool::new(false);
    let mut group = c.benchmark_group("kd_train");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    let flops = training_flops(&settings, &settings.teacher_widths, &split);
    group.throughput(Throughput::Elements(flops));
    group.bench_function("teacher_30_epochs", |bench| {
        bench.iter(|| experiment::train_teacher(&split, &settings, &never))
    });
    let teacher = experiment::train_teacher(&split, &settings, &never).expect("teacher trains");
    let flops = training_flops(&settings, &settings.student_widths, &split);
    group.throughput(Throughput::Elements(flops));
    group.bench_function("student_distilled_30_epochs", |bench| {
        bench.iter(|| {
            let go_on = &mut |_: &EpochStats, _: &Mlp| ControlFlow::Continue(());
            experiment::train_distilled(&split, &teacher, &settings, 1, 4.0, go_on)
        })
    });
    group.finish();
}

fn bench_sweep(c: &mut Criterion) {
    let split = Digits::embedded().expect("embedded digits decode").split();
    let settings = Settings {
        temperatures: SWEEP_TEMPERATURES.to_vec(),
        ..Settings::default()
    };
    let never = AtomicBool::new(false);
    let mut group = c.benchmark_group("kd_sweep");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("default_sweep", |bench| {
        bench.iter(|| run(&split, &settings, &|_| {}, &never))
    });
    group.finish();
}

criterion_group!(benches, bench_gemm, bench_training, bench_sweep);
criterion_main!(benches);
