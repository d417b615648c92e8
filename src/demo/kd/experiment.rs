//! The demo's experiments: one teacher, then students trained on labels alone
//! and by distillation over several seeds, and the omitted-class test.
//!
//! The teacher learns from every training label with the first seed. Each
//! further seed changes the students' initial weights, their batch order and,
//! with a label budget, which images keep their labels. A label-only student
//! and the distilled students of one seed start from the same weights, so
//! each seed is a paired comparison.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use ndarray::Array2;
use serde::Serialize;

use super::adam::AdamConfig;
use super::data::{CLASSES, Digits, FEATURES, Split};
use super::loss::SoftTargets;
use super::net::Mlp;
use super::omitted::{OmittedRun, omitted_class_run};
use super::parallel::map_indexed;
use super::soft::{SoftTargetExample, soft_target_example};
use super::train::{EpochStats, TrainConfig, TransferSet, accuracy, train, validate_alpha};
use super::{KdError, train::validate_temperature};

/// Temperatures of the sweep.
pub const SWEEP_TEMPERATURES: [f32; 6] = [1.0, 2.0, 3.0, 4.0, 8.0, 20.0];

/// Everything that defines one run of the demo.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Teacher layer widths from input to output.
    pub teacher_widths: Vec<usize>,
    /// Student layer widths from input to output.
    pub student_widths: Vec<usize>,
    /// Passes over the training set, for the teacher and each student.
    pub epochs: usize,
    pub batch_size: usize,
    pub adam: AdamConfig,
    /// Temperatures of the distilled students, one result each.
    pub temperatures: Vec<f32>,
    /// Weight of the soft-target term.
    pub alpha: f32,
    /// Labelled images per class the students may use; `None` for all.
    pub labels_per_class: Option<usize>,
    /// First seed; the run uses `seed..seed + seed_count`.
    pub seed: u64,
    pub seed_count: usize,
    /// Class left out of the omitted-class student's transfer set.
    pub omitted_class: u8,
    /// Temperature of the omitted-class student.
    pub omitted_temperature: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            teacher_widths: vec![FEATURES, 256, 256, CLASSES],
            student_widths: vec![FEATURES, 16, CLASSES],
            epochs: 30,
            batch_size: 32,
            adam: AdamConfig::default(),
            temperatures: vec![4.0],
            alpha: 0.9,
            labels_per_class: None,
            seed: 1,
            seed_count: 5,
            omitted_class: 3,
            omitted_temperature: 4.0,
        }
    }
}

impl Settings {
    /// Returns the seeds of the students, in order.
    pub fn seeds(&self) -> Vec<u64> {
        (0..self.seed_count as u64)
            .map(|i| self.seed.wrapping_add(i))
            .collect()
    }

    fn validate(&self) -> Result<(), KdError> {
        if self.seed_count == 0 {
            return Err(KdError::Config("seed count must be at least 1".into()));
        }
        if self.epochs == 0 || self.batch_size == 0 {
            return Err(KdError::Config(format!(
                "invalid training length: {} epochs of batch size {}; both must be at least 1",
                self.epochs, self.batch_size
            )));
        }
        if self.labels_per_class == Some(0) {
            return Err(KdError::Config(
                "invalid label budget 0: keep at least 1 labelled image per class".into(),
            ));
        }
        if self.temperatures.is_empty() {
            return Err(KdError::Config("give at least one temperature".into()));
        }
        for &temperature in self.temperatures.iter().chain([&self.omitted_temperature]) {
            validate_temperature(temperature)?;
        }
        validate_alpha(self.alpha)?;
        if usize::from(self.omitted_class) >= CLASSES {
            return Err(KdError::Config(format!(
                "invalid omitted class {}: expected a digit from 0 to 9",
                self.omitted_class
            )));
        }
        Ok(())
    }

    /// Training settings for a network of `widths` that draws `train_rows`
    /// examples per epoch.
    pub(super) fn train_config(
        &self,
        widths: &[usize],
        seed: u64,
        train_rows: usize,
    ) -> TrainConfig {
        TrainConfig {
            widths: widths.to_vec(),
            epochs: self.epochs,
            batch_size: self.batch_size,
            examples_per_epoch: train_rows,
            adam: self.adam,
            seed,
        }
    }
}

/// Mean and sample standard deviation of test accuracy over seeds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub accuracy_mean: f64,
    pub accuracy_sd: f64,
}

/// Test accuracy of the teacher (a share of 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TeacherResult {
    pub accuracy: f64,
}

/// Distilled students at one temperature.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DistilledResult {
    pub temperature: f32,
    pub alpha: f32,
    pub accuracy_mean: f64,
    pub accuracy_sd: f64,
}

/// Accuracy on the omitted class's test images, mean over seeds, before and
/// after raising its output bias. Fields not in the JSON output are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OmittedResult {
    pub class: u8,
    pub before: f64,
    pub after: f64,
    /// Temperature of the omitted-class students.
    #[serde(skip)]
    pub temperature: f32,
    /// Mean bias shift chosen on the training images.
    #[serde(skip)]
    pub bias_shift: f64,
    /// Mean accuracy on all test images before the shift.
    #[serde(skip)]
    pub overall_before: f64,
    /// Mean accuracy on all test images after the shift.
    #[serde(skip)]
    pub overall_after: f64,
}

/// The outcome of [`run`]; it serializes to the `--json` output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub teacher: TeacherResult,
    pub student_alone: Summary,
    pub distilled: Vec<DistilledResult>,
    pub omitted_class: OmittedResult,
    pub seeds: Vec<u64>,
    /// Wall-clock time of the whole run.
    pub seconds: f64,
    /// Labelled images per class, `None` for all.
    #[serde(skip)]
    pub labels_per_class: Option<usize>,
    /// The teacher's soft targets for one test image.
    #[serde(skip)]
    pub soft_targets: SoftTargetExample,
}

/// Progress of a run: finished trainings out of the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// One student training of the run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Job {
    Alone { seed: u64 },
    Distilled { seed: u64, temperature: f32 },
    Omitted { seed: u64 },
}

enum JobResult {
    Accuracy(f64),
    Omitted(OmittedRun),
}

/// A trained teacher with its logits for every training image.
#[derive(Debug, Clone)]
pub struct Teacher {
    pub mlp: Mlp,
    pub train_logits: Array2<f32>,
    pub accuracy: f64,
}

/// Trains the teacher on every training label with `settings.seed`.
pub fn train_teacher(
    split: &Split,
    settings: &Settings,
    cancel: &AtomicBool,
) -> Result<Teacher, KdError> {
    train_teacher_with(split, settings, &mut |_, _| stop_if(cancel))
}

/// Trains the teacher like [`train_teacher`], calling `on_epoch` after every
/// epoch as [`train`] does.
pub fn train_teacher_with(
    split: &Split,
    settings: &Settings,
    on_epoch: &mut dyn FnMut(&EpochStats, &Mlp) -> ControlFlow<()>,
) -> Result<Teacher, KdError> {
    let set = TransferSet {
        images: split.train.view(),
        labels: split.train.labels.iter().copied().map(Some).collect(),
        soft: None,
    };
    let config = settings.train_config(&settings.teacher_widths, settings.seed, split.train.len());
    let mlp = train(&set, &config, on_epoch)?;
    Ok(Teacher {
        train_logits: mlp.logits(split.train.view()),
        accuracy: accuracy(&mlp, split.test.view(), &split.test.labels),
        mlp,
    })
}

/// Runs the teacher, the students of every seed and the omitted-class test.
///
/// `progress` runs after each training, possibly on a worker thread. Setting
/// `cancel` stops the run at the next epoch with [`KdError::Cancelled`].
pub fn run(
    split: &Split,
    settings: &Settings,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Report, KdError> {
    settings.validate()?;
    // Checks the label budget against the class sizes before any training.
    labelled_rows(&split.train, settings, settings.seed)?;
    let started = Instant::now();
    let total = plan_jobs(settings).len() + 1;
    let teacher = train_teacher(split, settings, cancel)?;
    progress(Progress { done: 1, total });
    let mut report = run_students(split, settings, &teacher, progress, cancel)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Runs the students of every seed and the omitted-class test against an
/// already trained teacher. Progress counts the teacher as the first of the
/// trainings, already done.
pub fn run_students(
    split: &Split,
    settings: &Settings,
    teacher: &Teacher,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Report, KdError> {
    settings.validate()?;
    labelled_rows(&split.train, settings, settings.seed)?;
    let started = Instant::now();
    let jobs = plan_jobs(settings);
    let total = jobs.len() + 1;
    let done = AtomicUsize::new(1);
    let results = map_indexed(
        jobs.len(),
        |index| run_job(jobs[index], split, teacher, settings, cancel),
        &|| {
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress { done, total });
        },
    );
    let results = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    let mut report = summarize(&jobs, &results, settings, teacher, split);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn plan_jobs(settings: &Settings) -> Vec<Job> {
    let mut jobs = Vec::new();
    for seed in settings.seeds() {
        jobs.push(Job::Alone { seed });
        for &temperature in &settings.temperatures {
            jobs.push(Job::Distilled { seed, temperature });
        }
        jobs.push(Job::Omitted { seed });
    }
    jobs
}

fn run_job(
    job: Job,
    split: &Split,
    teacher: &Teacher,
    settings: &Settings,
    cancel: &AtomicBool,
) -> Result<JobResult, KdError> {
    match job {
        Job::Alone { seed } => {
            let mlp = train_alone(split, settings, seed, &mut |_, _| stop_if(cancel))?;
            Ok(JobResult::Accuracy(test_accuracy(&mlp, &split.test)))
        }
        Job::Distilled { seed, temperature } => {
            let stop = &mut |_: &EpochStats, _: &Mlp| stop_if(cancel);
            let mlp = train_distilled(split, teacher, settings, seed, temperature, stop)?;
            Ok(JobResult::Accuracy(test_accuracy(&mlp, &split.test)))
        }
        Job::Omitted { seed } => {
            omitted_class_run(split, teacher, settings, seed, cancel).map(JobResult::Omitted)
        }
    }
}

/// Returns the training rows that keep their label for `seed`.
pub fn labelled_rows(
    train: &Digits,
    settings: &Settings,
    seed: u64,
) -> Result<Vec<usize>, KdError> {
    match settings.labels_per_class {
        Some(per_class) => train.labelled_rows(per_class, seed),
        None => Ok((0..train.len()).collect()),
    }
}

/// Trains a student on the labelled training images alone.
///
/// `on_epoch` runs after every epoch, as in [`train`].
pub fn train_alone(
    split: &Split,
    settings: &Settings,
    seed: u64,
    on_epoch: &mut dyn FnMut(&EpochStats, &Mlp) -> ControlFlow<()>,
) -> Result<Mlp, KdError> {
    let rows = labelled_rows(&split.train, settings, seed)?;
    let subset = split.train.select(&rows);
    let set = TransferSet {
        images: subset.view(),
        labels: subset.labels.iter().copied().map(Some).collect(),
        soft: None,
    };
    let config = settings.train_config(&settings.student_widths, seed, split.train.len());
    train(&set, &config, on_epoch)
}

/// Trains a student on every training image with the teacher's soft targets
/// at `temperature`, and on the labels that the budget keeps.
///
/// `on_epoch` runs after every epoch, as in [`train`].
pub fn train_distilled(
    split: &Split,
    teacher: &Teacher,
    settings: &Settings,
    seed: u64,
    temperature: f32,
    on_epoch: &mut dyn FnMut(&EpochStats, &Mlp) -> ControlFlow<()>,
) -> Result<Mlp, KdError> {
    let set = distillation_set(split, teacher, settings, seed, temperature)?;
    let config = settings.train_config(&settings.student_widths, seed, split.train.len());
    train(&set, &config, on_epoch)
}

/// Builds the distillation transfer set: every training image, the teacher's
/// logits for it, and its label where the budget keeps one.
pub fn distillation_set<'a>(
    split: &'a Split,
    teacher: &'a Teacher,
    settings: &Settings,
    seed: u64,
    temperature: f32,
) -> Result<TransferSet<'a>, KdError> {
    let mut labels = vec![None; split.train.len()];
    for row in labelled_rows(&split.train, settings, seed)? {
        labels[row] = Some(split.train.labels[row]);
    }
    Ok(TransferSet {
        images: split.train.view(),
        labels,
        soft: Some(SoftTargets {
            teacher_logits: teacher.train_logits.view(),
            temperature,
            alpha: settings.alpha,
        }),
    })
}

/// Test accuracy of a trained network.
pub fn test_accuracy(mlp: &Mlp, test: &Digits) -> f64 {
    accuracy(mlp, test.view(), &test.labels)
}

/// Epoch callback that stops training once `cancel` is set.
pub fn stop_if(cancel: &AtomicBool) -> ControlFlow<()> {
    if cancel.load(Ordering::Relaxed) {
        ControlFlow::Break(())
    } else {
        ControlFlow::Continue(())
    }
}

fn summarize(
    jobs: &[Job],
    results: &[JobResult],
    settings: &Settings,
    teacher: &Teacher,
    split: &Split,
) -> Report {
    let mut alone = Vec::new();
    let mut distilled = vec![Vec::new(); settings.temperatures.len()];
    let mut omitted = Vec::new();
    for (job, result) in jobs.iter().zip(results) {
        match (job, result) {
            (Job::Alone { .. }, JobResult::Accuracy(a)) => alone.push(*a),
            (Job::Distilled { temperature, .. }, JobResult::Accuracy(a)) => {
                let index = settings.temperatures.iter().position(|t| t == temperature);
                if let Some(index) = index {
                    distilled[index].push(*a);
                }
            }
            (Job::Omitted { .. }, JobResult::Omitted(run)) => omitted.push(*run),
            _ => {}
        }
    }
    let (accuracy_mean, accuracy_sd) = mean_sd(&alone);
    Report {
        teacher: TeacherResult {
            accuracy: teacher.accuracy,
        },
        student_alone: Summary {
            accuracy_mean,
            accuracy_sd,
        },
        distilled: summarize_distilled(&settings.temperatures, settings.alpha, &distilled),
        omitted_class: summarize_omitted(settings, &omitted),
        seeds: settings.seeds(),
        seconds: 0.0,
        labels_per_class: settings.labels_per_class,
        soft_targets: soft_target_example(&teacher.mlp, &split.test, settings.omitted_temperature),
    }
}

fn summarize_distilled(
    temperatures: &[f32],
    alpha: f32,
    accuracies: &[Vec<f64>],
) -> Vec<DistilledResult> {
    temperatures
        .iter()
        .zip(accuracies)
        .map(|(&temperature, values)| {
            let (accuracy_mean, accuracy_sd) = mean_sd(values);
            DistilledResult {
                temperature,
                alpha,
                accuracy_mean,
                accuracy_sd,
            }
        })
        .collect()
}

fn summarize_omitted(settings: &Settings, runs: &[OmittedRun]) -> OmittedResult {
    let mean =
        |field: fn(&OmittedRun) -> f64| mean_sd(&runs.iter().map(field).collect::<Vec<_>>()).0;
    OmittedResult {
        class: settings.omitted_class,
        temperature: settings.omitted_temperature,
        before: mean(|r| r.class_before),
        after: mean(|r| r.class_after),
        bias_shift: mean(|r| f64::from(r.bias_shift)),
        overall_before: mean(|r| r.overall_before),
        overall_after: mean(|r| r.overall_after),
    }
}

/// Returns the mean and the sample standard deviation (divisor `n − 1`; 0
/// for fewer than two values).
pub fn mean_sd(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return (mean, 0.0);
    }
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (mean, (squares / (n - 1.0)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_sd_uses_sample_divisor() {
        let (mean, sd) = mean_sd(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(mean, 2.5);
        assert!((sd - (5.0_f64 / 3.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn mean_sd_of_one_value_has_zero_sd() {
        assert_eq!(mean_sd(&[0.5]), (0.5, 0.0));
    }

    #[test]
    fn plan_has_one_job_per_seed_and_temperature() {
        let settings = Settings {
            temperatures: vec![1.0, 4.0],
            seed_count: 3,
            ..Settings::default()
        };
        // Per seed: the label-only student, two distilled, one omitted-class.
        assert_eq!(plan_jobs(&settings).len(), 3 * 4);
    }

    #[test]
    fn rejects_omitted_class_ten() {
        let settings = Settings {
            omitted_class: 10,
            ..Settings::default()
        };
        assert!(settings.validate().is_err());
    }
}
