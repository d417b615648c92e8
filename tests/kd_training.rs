//! Training on the real digits: the teacher's accuracy, reproducibility, the
//! gain from distillation with few labels, and the omitted-class bias shift.
//!
//! The tests run in debug builds, so epochs are kept low: the teacher gets
//! 4 epochs (it passes 95 % from the third) and students 30.

use std::ops::ControlFlow;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use distill::demo::kd::experiment::{self, Teacher};
use distill::demo::kd::net::Mlp;
use distill::demo::kd::omitted::omitted_class_run;
use distill::demo::kd::train::EpochStats;
use distill::demo::kd::{Digits, KdError, Settings, Split, run};

fn split() -> &'static Split {
    static SPLIT: OnceLock<Split> = OnceLock::new();
    SPLIT.get_or_init(|| Digits::embedded().expect("embedded digits decode").split())
}

/// Returns the teacher shared by the tests of this file, trained on first use.
fn teacher() -> &'static Teacher {
    static TEACHER: OnceLock<Teacher> = OnceLock::new();
    TEACHER.get_or_init(|| {
        let settings = Settings {
            epochs: 4,
            ..Settings::default()
        };
        experiment::train_teacher(split(), &settings, &AtomicBool::new(false))
            .expect("teacher trains")
    })
}

/// Epoch callback that never stops training.
fn go_on(_: &EpochStats, _: &Mlp) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn few_label_settings() -> Settings {
    Settings {
        epochs: 30,
        labels_per_class: Some(5),
        ..Settings::default()
    }
}

#[test]
fn teacher_reaches_95_percent() {
    let accuracy = teacher().accuracy;
    assert!(accuracy >= 0.95, "teacher test accuracy {accuracy}");
}

#[test]
fn distilled_beats_labels_only_with_few_labels() {
    let settings = few_label_settings();
    let mut alone = Vec::new();
    let mut distilled = Vec::new();
    for seed in settings.seeds() {
        let student = experiment::train_alone(split(), &settings, seed, &mut go_on).unwrap();
        alone.push(experiment::test_accuracy(&student, &split().test));
        let student =
            experiment::train_distilled(split(), teacher(), &settings, seed, 2.0, &mut go_on)
                .unwrap();
        distilled.push(experiment::test_accuracy(&student, &split().test));
    }
    let (alone_mean, _) = experiment::mean_sd(&alone);
    let (distilled_mean, _) = experiment::mean_sd(&distilled);
    assert_eq!(alone.len(), 5);
    assert!(
        distilled_mean > alone_mean,
        "distilled {distilled:?} vs labels only {alone:?}"
    );
}

#[test]
fn same_seed_gives_identical_weights() {
    let settings = Settings {
        epochs: 3,
        ..few_label_settings()
    };
    let train = |seed| {
        experiment::train_distilled(split(), teacher(), &settings, seed, 4.0, &mut go_on).unwrap()
    };
    let first = train(11);
    assert_eq!(first, train(11));
    assert_ne!(first, train(12));
}

#[test]
fn run_is_reproducible() {
    let settings = Settings {
        teacher_widths: vec![64, 32, 10],
        student_widths: vec![64, 8, 10],
        epochs: 2,
        temperatures: vec![1.0, 4.0],
        seed: 40,
        seed_count: 2,
        ..Settings::default()
    };
    let never = AtomicBool::new(false);
    let mut first = run(split(), &settings, &|_| {}, &never).unwrap();
    let mut second = run(split(), &settings, &|_| {}, &never).unwrap();
    first.seconds = 0.0;
    second.seconds = 0.0;
    assert_eq!(first, second);
    assert_eq!(first.seeds, vec![40, 41]);
    assert_eq!(first.distilled.len(), 2);
}

#[test]
fn cancelled_run_returns_cancelled() {
    let cancel = AtomicBool::new(true);
    let result = run(split(), &Settings::default(), &|_| {}, &cancel);
    assert!(matches!(result, Err(KdError::Cancelled)), "{result:?}");
}

#[test]
fn progress_counts_every_training() {
    let settings = Settings {
        teacher_widths: vec![64, 8, 10],
        student_widths: vec![64, 4, 10],
        epochs: 1,
        temperatures: vec![2.0],
        seed_count: 2,
        ..Settings::default()
    };
    let last = std::sync::Mutex::new(None);
    run(
        split(),
        &settings,
        &|p| *last.lock().unwrap() = Some(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    let last = last.lock().unwrap().unwrap();
    // The teacher, then per seed: labels only, one distilled, omitted class.
    assert_eq!(last.total, 1 + 2 * 3);
    assert_eq!(last.done, last.total);
}

#[test]
fn bias_shift_recovers_omitted_threes() {
    let settings = Settings {
        epochs: 20,
        ..Settings::default()
    };
    let result =
        omitted_class_run(split(), teacher(), &settings, 1, &AtomicBool::new(false)).unwrap();
    assert!(result.bias_shift > 0.0, "{result:?}");
    assert!(result.class_after > result.class_before, "{result:?}");
    assert!(result.overall_after > result.overall_before, "{result:?}");
}
