//! The knowledge-distillation screen: choose the temperature T, the weight α
//! and the label budget, train a teacher and two students on a background
//! thread with live loss and accuracy curves, run the sweep over T, and see
//! the teacher's soft targets at T = 1 and at the chosen T.
//!
//! Rendering only reads state. The training thread sends its reports over a
//! channel, and [`Screen::tick`] moves them into the state.

mod draw;
mod worker;

use std::sync::Arc;
use std::sync::mpsc::TryRecvError;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use self::worker::{Job, Message, Network};
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::screen::{Action, Screen};
use super::theme::Theme;
use crate::demo::kd::experiment::{SWEEP_TEMPERATURES, Teacher};
use crate::demo::kd::soft::{SoftTargetExample, soft_target_example};
use crate::demo::kd::{Digits, Report, Settings, Split};

/// Temperatures the arrow keys step through.
pub const TEMPERATURES: [f32; 9] = [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 20.0];
/// Index of T = 4 in [`TEMPERATURES`], the starting value.
const DEFAULT_TEMPERATURE_STEP: usize = 4;
/// Labelled images per class that `-` and `+` step through; `None` is all.
pub const LABEL_BUDGETS: [Option<usize>; 7] = [
    Some(1),
    Some(2),
    Some(5),
    Some(10),
    Some(20),
    Some(50),
    None,
];
/// α changes in tenths, from 0 to 1.
const ALPHA_TENTHS_MAX: u8 = 10;

/// A request from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    TemperatureDown,
    TemperatureUp,
    AlphaDown,
    AlphaUp,
    FewerLabels,
    MoreLabels,
    Train,
    Sweep,
    Cancel,
    NextView,
}

/// Keys of the KD screen. Rows without a label stay out of the footer.
static KEYS: KeyTable<Command> = KeyTable::new(
    "Knowledge distillation",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Left), Key::char('h')],
            "",
            "Lower the temperature T one step, down to 1.",
            Command::TemperatureDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Right), Key::char('l')],
            "T",
            "Raise the temperature T one step, up to 20.",
            Command::TemperatureUp,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Lower α, the weight of the soft targets, by 0.1.",
            Command::AlphaDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "α",
            "Raise α, the weight of the soft targets, by 0.1.",
            Command::AlphaUp,
        ),
        KeyBinding::new(
            &[Key::char('-')],
            "",
            "Keep fewer labelled images per digit for the students.",
            Command::FewerLabels,
        ),
        KeyBinding::new(
            &[Key::char('+'), Key::char('=')],
            "labels",
            "Keep more labelled images per digit, up to every label.",
            Command::MoreLabels,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Enter)],
            "train",
            "Train a distilled and a label-only student (and the teacher, the first time).",
            Command::Train,
        ),
        KeyBinding::new(
            &[Key::char('s')],
            "sweep",
            "Run the sweep over T = 1, 2, 3, 4, 8 and 20 with 5 seeds each.",
            Command::Sweep,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Esc)],
            "",
            "Cancel the running training; with none running, go back.",
            Command::Cancel,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Tab)],
            "view",
            "Show the next panel when the window is too small for all of them.",
            Command::NextView,
        ),
    ],
);

/// The panel that the narrow layout shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Curves,
    Results,
    SoftTargets,
}

impl View {
    fn next(self) -> Self {
        match self {
            Self::Curves => Self::Results,
            Self::Results => Self::SoftTargets,
            Self::SoftTargets => Self::Curves,
        }
    }
}

/// The screen's activity, or how its last job ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Training,
    Sweeping { done: usize, total: usize },
    Finished,
    Cancelled,
    Failed(String),
}

/// Per-epoch points of one network: (epoch, loss) and (epoch, accuracy).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Curve {
    pub loss: Vec<(f64, f64)>,
    pub accuracy: Vec<(f64, f64)>,
}

/// The curves of the last training, one per network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Curves {
    pub teacher: Curve,
    pub distilled: Curve,
    pub labels_only: Curve,
    /// Epochs of each training, the charts' x range.
    pub epochs: usize,
}

impl Curves {
    fn curve_mut(&mut self, network: Network) -> &mut Curve {
        match network {
            Network::Teacher => &mut self.teacher,
            Network::Distilled => &mut self.distilled,
            Network::LabelsOnly => &mut self.labels_only,
        }
    }

    /// Epochs reported so far, over all networks.
    fn epochs_done(&self) -> usize {
        self.teacher.loss.len() + self.distilled.loss.len() + self.labels_only.loss.len()
    }
}

/// State of the KD screen.
#[derive(Debug)]
pub struct KdScreen {
    split: Result<Arc<Split>, String>,
    settings: Settings,
    temperature_step: usize,
    alpha_tenths: u8,
    budget_step: usize,
    teacher: Option<Arc<Teacher>>,
    soft_targets: Option<SoftTargetExample>,
    job: Option<Job>,
    phase: Phase,
    /// Epochs the running training will report in all, for the gauge.
    planned_epochs: usize,
    /// Trainings finished and planned in the running or last sweep; 0 when
    /// the last job was not a sweep.
    sweep_done: usize,
    sweep_total: usize,
    curves: Curves,
    sweep: Option<Report>,
    view: View,
}

impl Default for KdScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl KdScreen {
    /// Builds the screen with the demo's default networks and epochs, at
    /// T = 4, α = 0.9 and every label.
    pub fn new() -> Self {
        Self::with_settings(Settings::default())
    }

    /// Builds the screen with other networks, epochs or seeds; the keys
    /// still set T, α and the label budget.
    pub fn with_settings(settings: Settings) -> Self {
        let split = Digits::embedded()
            .map(|digits| Arc::new(digits.split()))
            .map_err(|err| format!("The digits data could not be loaded: {err}"));
        Self {
            split,
            settings,
            temperature_step: DEFAULT_TEMPERATURE_STEP,
            alpha_tenths: 9,
            budget_step: LABEL_BUDGETS.len() - 1,
            teacher: None,
            soft_targets: None,
            job: None,
            phase: Phase::Idle,
            planned_epochs: 0,
            sweep_done: 0,
            sweep_total: 0,
            curves: Curves::default(),
            sweep: None,
            view: View::Curves,
        }
    }

    pub fn temperature(&self) -> f32 {
        TEMPERATURES[self.temperature_step]
    }

    pub fn alpha(&self) -> f32 {
        f32::from(self.alpha_tenths) / 10.0
    }

    /// Labelled images per class, `None` for every label.
    pub fn labels_per_class(&self) -> Option<usize> {
        LABEL_BUDGETS[self.budget_step]
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn curves(&self) -> &Curves {
        &self.curves
    }

    /// Returns the last sweep's results, once one has finished.
    pub fn sweep(&self) -> Option<&Report> {
        self.sweep.as_ref()
    }

    /// Reports whether a training or sweep thread is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Carries out a key's command and returns what the app should do.
    pub fn apply(&mut self, command: Command) -> Action {
        match command {
            Command::TemperatureDown => {
                self.set_temperature(self.temperature_step.saturating_sub(1))
            }
            Command::TemperatureUp => self.set_temperature(self.temperature_step + 1),
            Command::AlphaDown => self.alpha_tenths = self.alpha_tenths.saturating_sub(1),
            Command::AlphaUp => self.alpha_tenths = (self.alpha_tenths + 1).min(ALPHA_TENTHS_MAX),
            Command::FewerLabels => self.budget_step = self.budget_step.saturating_sub(1),
            Command::MoreLabels => {
                self.budget_step = (self.budget_step + 1).min(LABEL_BUDGETS.len() - 1);
            }
            Command::Train => return self.start(false),
            Command::Sweep => return self.start(true),
            Command::Cancel => return self.cancel(),
            Command::NextView => self.view = self.view.next(),
        }
        Action::None
    }

    /// Moves every report the training thread has sent into the state.
    pub fn poll(&mut self) {
        loop {
            let Some(job) = &self.job else { return };
            match job.messages.try_recv() {
                Ok(message) => self.receive(message),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    if matches!(self.phase, Phase::Training | Phase::Sweeping { .. }) {
                        self.phase = Phase::Failed("The training thread stopped.".into());
                    }
                }
            }
        }
    }

    fn set_temperature(&mut self, step: usize) {
        self.temperature_step = step.min(TEMPERATURES.len() - 1);
        self.update_soft_targets();
    }

    fn update_soft_targets(&mut self) {
        if let (Some(teacher), Ok(split)) = (&self.teacher, &self.split) {
            let example = soft_target_example(&teacher.mlp, &split.test, self.temperature());
            self.soft_targets = Some(example);
        }
    }

    /// Builds the settings of the next job from the base settings and the keys.
    fn job_settings(&self, sweep: bool) -> Settings {
        let temperatures = if sweep {
            SWEEP_TEMPERATURES.to_vec()
        } else {
            vec![self.temperature()]
        };
        Settings {
            temperatures,
            alpha: self.alpha(),
            labels_per_class: self.labels_per_class(),
            omitted_temperature: self.temperature(),
            ..self.settings.clone()
        }
    }

    fn start(&mut self, sweep: bool) -> Action {
        if self.job.is_some() {
            return Action::Notify("Training is running. Press Esc to cancel it first.".into());
        }
        let split = match &self.split {
            Ok(split) => Arc::clone(split),
            Err(message) => return Action::Notify(message.clone()),
        };
        let settings = self.job_settings(sweep);
        let teacher = self.teacher.clone();
        self.reset_progress(sweep, teacher.is_some(), settings.epochs);

        if sweep {
            self.phase = Phase::Sweeping { done: 0, total: 0 };
            self.job = Some(worker::spawn_sweep(split, teacher, settings));
        } else {
            self.phase = Phase::Training;
            let temperature = self.temperature();
            let job = worker::spawn_training(split, teacher, settings, temperature);
            self.job = Some(job);
        }
        Action::None
    }

    /// Clears the gauge and, where the new job draws its own, the curves.
    fn reset_progress(&mut self, sweep: bool, teacher_ready: bool, epochs: usize) {
        let teacher_epochs = if teacher_ready { 0 } else { epochs };
        self.planned_epochs = if sweep {
            teacher_epochs
        } else {
            teacher_epochs + 2 * epochs
        };
        self.sweep_done = 0;
        self.sweep_total = 0;
        // A sweep shows no per-epoch curves of its own, so the last
        // training's curves stay unless the sweep first trains the teacher.
        if !sweep || !teacher_ready {
            self.curves = Curves {
                epochs,
                ..Curves::default()
            };
        }
    }

    fn cancel(&mut self) -> Action {
        match &self.job {
            Some(job) => {
                job.cancel();
                Action::None
            }
            None => Action::Unhandled,
        }
    }

    fn receive(&mut self, message: Message) {
        match message {
            Message::Epoch {
                network,
                stats,
                accuracy,
            } => {
                let x = stats.epoch as f64;
                let curve = self.curves.curve_mut(network);
                curve.loss.push((x, f64::from(stats.loss)));
                curve.accuracy.push((x, accuracy));
            }
            Message::TeacherReady(teacher) => {
                self.teacher = Some(teacher);
                self.update_soft_targets();
            }
            Message::SweepProgress(progress) => {
                self.sweep_done = progress.done;
                self.sweep_total = progress.total;
                self.phase = Phase::Sweeping {
                    done: progress.done,
                    total: progress.total,
                };
            }
            Message::SweepDone(report) => {
                self.sweep = Some(*report);
                self.finish(Phase::Finished);
            }
            Message::TrainingDone => self.finish(Phase::Finished),
            Message::Cancelled => self.finish(Phase::Cancelled),
            Message::Failed(message) => self.finish(Phase::Failed(message)),
        }
    }

    fn finish(&mut self, phase: Phase) {
        self.phase = phase;
        self.job = None;
    }

    /// Returns (done, total, unit) of the current or last job for the gauge;
    /// a total of 0 means no job has run.
    fn progress(&self) -> (usize, usize, &'static str) {
        match self.phase {
            Phase::Sweeping { done, total } if total > 0 => (done, total, "networks"),
            Phase::Idle => (0, 0, ""),
            _ if self.sweep_total > 0 => (self.sweep_done, self.sweep_total, "networks"),
            _ => (self.curves.epochs_done(), self.planned_epochs, "epochs"),
        }
    }
}

impl Drop for KdScreen {
    /// Stops a running training when the learner leaves the screen.
    fn drop(&mut self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }
}

impl Screen for KdScreen {
    fn title(&self) -> String {
        "Knowledge distillation".to_string()
    }

    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        draw::render(self, frame, area, theme);
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        match KEYS.command_for(&key) {
            Some(command) => self.apply(command),
            None => Action::Unhandled,
        }
    }

    fn tick(&mut self) -> Action {
        self.poll();
        Action::None
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}
