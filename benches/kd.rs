//! Speed of the knowledge-distillation demo: matrix products, one teacher,
//! one distilled student and the whole default sweep.
//!
//! Run with `cargo bench --bench kd`. The matching NumPy implementation is
//! `benches/kd_numpy.py`; docs/benchmarks.md records both side by side.
//! Throughput figures count floating-point operations as elements, so
//! criterion's "elem/s" reads as FLOP/s.
//!
//! The `kd_cpu` group times the same work in CPU seconds instead of
//! wall-clock seconds (Linux only), because other jobs on a shared machine
//! stretch the wall clock but not the CPU time a job itself uses.

use std::hint::black_box;
use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use distill::demo::kd::experiment::{self, SWEEP_TEMPERATURES};
use distill::demo::kd::net::Mlp;
use distill::demo::kd::train::EpochStats;
use distill::demo::kd::{Digits, Settings, Split, run};
use ndarray::Array2;

/// Returns the floating-point operations in the matrix products of one
/// training step: forward, weight gradients, and input gradients of every
/// layer but the first, at two operations per multiply-add.
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

/// Returns the CPU time of the calling thread, from the first field of
/// `/proc/thread-self/schedstat` (nanoseconds on the CPU).
fn thread_cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Returns the user and system CPU time of the whole process, threads that
/// have exited included, from fields 14 and 15 of `/proc/self/stat`.
// NOTE: assumes 100 clock ticks per second, the usual Linux value (check
// with `getconf CLK_TCK`); reading it needs libc, which the crate avoids.
fn process_cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name in field 2 may contain spaces, so count from its `)`.
    let fields: Vec<&str> = text.rsplit_once(')')?.1.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 10))
}

/// Times `iters` runs of `work` with `clock`, falling back to the wall
/// clock when `clock` cannot be read.
fn time_with(clock: fn() -> Option<Duration>, iters: u64, mut work: impl FnMut()) -> Duration {
    let (start_cpu, start_wall) = (clock(), Instant::now());
    for _ in 0..iters {
        work();
    }
    match (start_cpu, clock()) {
        (Some(start), Some(end)) => end.saturating_sub(start),
        _ => start_wall.elapsed(),
    }
}

fn bench_cpu(c: &mut Criterion) {
    let split = Digits::embedded().expect("embedded digits decode").split();
    let mut group = c.benchmark_group("kd_cpu");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    cpu_gemm(&mut group);
    cpu_training(&mut group, &split);
    cpu_sweep(&mut group, &split);
    group.finish();
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn cpu_gemm(group: &mut Group<'_>) {
    let n = 512;
    let (a, b) = (filled(n, n), filled(n, n));
    group.throughput(Throughput::Elements(2 * (n * n * n) as u64));
    group.bench_function("square_512", |bench| {
        bench.iter_custom(|iters| {
            time_with(thread_cpu_time, iters, || {
                black_box(a.dot(&b));
            })
        })
    });
}

fn cpu_training(group: &mut Group<'_>, split: &Split) {
    let settings = Settings::default();
    let never = AtomicBool::new(false);
    let flops = training_flops(&settings, &settings.teacher_widths, split);
    group.throughput(Throughput::Elements(flops));
    group.bench_function("teacher_30_epochs", |bench| {
        bench.iter_custom(|iters| {
            time_with(thread_cpu_time, iters, || {
                black_box(experiment::train_teacher(split, &settings, &never).ok());
            })
        })
    });

    let teacher = experiment::train_teacher(split, &settings, &never).expect("teacher trains");
    let flops = training_flops(&settings, &settings.student_widths, split);
    group.throughput(Throughput::Elements(flops));
    group.bench_function("student_distilled_30_epochs", |bench| {
        bench.iter_custom(|iters| {
            time_with(thread_cpu_time, iters, || {
                let go_on = &mut |_: &EpochStats, _: &Mlp| ControlFlow::Continue(());
                let student =
                    experiment::train_distilled(split, &teacher, &settings, 1, 4.0, go_on);
                black_box(student.ok());
            })
        })
    });
}

fn cpu_sweep(group: &mut Group<'_>, split: &Split) {
    let settings = Settings {
        temperatures: SWEEP_TEMPERATURES.to_vec(),
        ..Settings::default()
    };
    let never = AtomicBool::new(false);
    // One element per sweep, replacing the FLOP count of the rows above.
    group.throughput(Throughput::Elements(1));
    group.bench_function("default_sweep", |bench| {
        bench.iter_custom(|iters| {
            time_with(process_cpu_time, iters, || {
                black_box(run(split, &settings, &|_| {}, &never).ok());
            })
        })
    });
}

criterion_group!(benches, bench_gemm, bench_training, bench_sweep, bench_cpu);
criterion_main!(benches);
