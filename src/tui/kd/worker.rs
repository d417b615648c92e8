//! Background training for the KD screen: one thread per job, reporting to
//! the screen through a channel that the screen drains on each tick.

use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::demo::kd::experiment::{self, Teacher, stop_if};
use crate::demo::kd::net::Mlp;
use crate::demo::kd::train::EpochStats;
use crate::demo::kd::{KdError, Progress, Report, Settings, Split};

/// The network that an epoch report belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Teacher,
    Distilled,
    LabelsOnly,
}

/// A report from the training thread.
#[derive(Debug)]
pub enum Message {
    /// One epoch finished; `accuracy` is on the test images.
    Epoch {
        network: Network,
        stats: EpochStats,
        accuracy: f64,
    },
    TeacherReady(Arc<Teacher>),
    /// Both students of a single training finished.
    TrainingDone,
    SweepProgress(Progress),
    SweepDone(Box<Report>),
    Cancelled,
    Failed(String),
}

/// A running job: its channel and its cancel flag.
#[derive(Debug)]
pub struct Job {
    pub messages: Receiver<Message>,
    cancel: Arc<AtomicBool>,
}

impl Job {
    /// Asks the thread to stop at its next epoch.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Starts a thread that trains the teacher (unless given), then a distilled
/// student at `temperature` and a label-only student with seed
/// `settings.seed`, reporting every epoch.
pub fn spawn_training(
    split: Arc<Split>,
    teacher: Option<Arc<Teacher>>,
    settings: Settings,
    temperature: f32,
) -> Job {
    spawn(move |sender, cancel| {
        let teacher = ready_teacher(&split, teacher, &settings, sender, cancel)?;
        let seed = settings.seed;
        let mut report = epoch_reporter(Network::Distilled, &split, sender, cancel);
        experiment::train_distilled(&split, &teacher, &settings, seed, temperature, &mut report)?;
        let mut report = epoch_reporter(Network::LabelsOnly, &split, sender, cancel);
        experiment::train_alone(&split, &settings, seed, &mut report)?;
        Ok(Message::TrainingDone)
    })
}

/// Starts a thread that runs the students of every seed and temperature of
/// `settings` (training the teacher first unless given).
pub fn spawn_sweep(split: Arc<Split>, teacher: Option<Arc<Teacher>>, settings: Settings) -> Job {
    spawn(move |sender, cancel| {
        let teacher = ready_teacher(&split, teacher, &settings, sender, cancel)?;
        let report_progress = |p: Progress| {
            // The screen may be gone; a failed send only means no one listens.
            let _ = sender.send(Message::SweepProgress(p));
        };
        let report =
            experiment::run_students(&split, &settings, &teacher, &report_progress, cancel)?;
        Ok(Message::SweepDone(Box::new(report)))
    })
}

/// Runs `work` on a new thread and sends its final message, or the error.
fn spawn<F>(work: F) -> Job
where
    F: FnOnce(&Sender<Message>, &AtomicBool) -> Result<Message, KdError> + Send + 'static,
{
    let (sender, messages) = mpsc::channel();
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    thread::spawn(move || {
        let last = match work(&sender, &flag) {
            Ok(message) => message,
            Err(KdError::Cancelled) => Message::Cancelled,
            Err(err) => Message::Failed(err.to_string()),
        };
        let _ = sender.send(last);
    });
    Job { messages, cancel }
}

/// Returns the given teacher, or trains one and sends it to the screen.
fn ready_teacher(
    split: &Split,
    teacher: Option<Arc<Teacher>>,
    settings: &Settings,
    sender: &Sender<Message>,
    cancel: &AtomicBool,
) -> Result<Arc<Teacher>, KdError> {
    if let Some(teacher) = teacher {
        return Ok(teacher);
    }
    let mut report = epoch_reporter(Network::Teacher, split, sender, cancel);
    let teacher = Arc::new(experiment::train_teacher_with(
        split,
        settings,
        &mut report,
    )?);
    let _ = sender.send(Message::TeacherReady(Arc::clone(&teacher)));
    Ok(teacher)
}

/// Builds an epoch callback that measures test accuracy, sends it, and
/// stops when `cancel` is set.
fn epoch_reporter<'a>(
    network: Network,
    split: &'a Split,
    sender: &'a Sender<Message>,
    cancel: &'a AtomicBool,
) -> impl FnMut(&EpochStats, &Mlp) -> ControlFlow<()> + 'a {
    move |stats, mlp| {
        let accuracy = experiment::test_accuracy(mlp, &split.test);
        let _ = sender.send(Message::Epoch {
            network,
            stats: *stats,
            accuracy,
        });
        stop_if(cancel)
    }
}
