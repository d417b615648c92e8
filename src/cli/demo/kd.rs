//! `distill demo kd`: trains a teacher and students on the digits and prints
//! the test accuracies as a table or as JSON.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::Context;

use crate::cli::Global;
use crate::demo::kd::experiment::SWEEP_TEMPERATURES;
use crate::demo::kd::soft::SoftTargetExample;
use crate::demo::kd::{self, Digits, Progress, Report, Settings};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Softmax temperature T of the distilled student, the omitted-class
    /// student and the soft-target chart; --sweep replaces it for the
    /// distilled students only.
    #[arg(long, value_name = "T", default_value_t = 4.0)]
    pub temperature: f32,
    /// Weight α of the soft-target loss, from 0 (labels only) to 1.
    #[arg(long, value_name = "A", default_value_t = 0.9)]
    pub alpha: f32,
    /// Passes over the training images, for the teacher and each student.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub epochs: usize,
    /// Keep only K labelled training images per digit for the students
    /// [default: every label].
    #[arg(long, value_name = "K")]
    pub labels_per_class: Option<usize>,
    /// First random seed: the teacher uses S and the students S to S+4.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Distill at T = 1, 2, 3, 4, 8 and 20 instead of one temperature.
    #[arg(long)]
    pub sweep: bool,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let settings = settings_from(&args);
    let split = Digits::embedded()
        .context("failed to load the embedded digits data")?
        .split();
    let show_progress = std::io::stderr().is_terminal();
    let progress = |p: Progress| {
        if show_progress {
            draw_progress(p);
        }
    };
    let report = kd::run(&split, &settings, &progress, &AtomicBool::new(false))?;
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", format_report(&report, &settings, &split))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn settings_from(args: &Args) -> Settings {
    let temperatures = if args.sweep {
        SWEEP_TEMPERATURES.to_vec()
    } else {
        vec![args.temperature]
    };
    Settings {
        epochs: args.epochs,
        temperatures,
        alpha: args.alpha,
        labels_per_class: args.labels_per_class,
        seed: args.seed,
        omitted_temperature: args.temperature,
        ..Settings::default()
    }
}

/// Redraws a one-line progress bar on stderr.
fn draw_progress(progress: Progress) {
    const WIDTH: usize = 30;
    let filled = WIDTH * progress.done / progress.total.max(1);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
    let mut stderr = std::io::stderr().lock();
    // A failed progress write is not worth stopping the training for.
    let _ = write!(
        stderr,
        "\rtraining [{bar}] {}/{} networks",
        progress.done, progress.total
    );
    let _ = stderr.flush();
}

/// Formats the report as the text table printed without `--json`.
pub fn format_report(report: &Report, settings: &Settings, split: &kd::Split) -> String {
    let mut out = String::new();
    let labels = match report.labels_per_class {
        Some(k) => format!("{k} labelled images per digit"),
        None => "every training label".to_string(),
    };
    out += &format!(
        "Knowledge distillation on 8x8 digits: {} training and {} test images, {labels}\n",
        split.train.len(),
        split.test.len()
    );
    out += &format!(
        "Teacher {}: {:.1} % test accuracy (seed {})\n",
        widths(&settings.teacher_widths),
        100.0 * report.teacher.accuracy,
        settings.seed
    );
    out += &format!(
        "Student {}, test accuracy, mean ± sd over seeds {:?}:\n",
        widths(&settings.student_widths),
        report.seeds
    );
    out += &format!(
        "  {:<22} {}\n",
        "labels only",
        percent(
            report.student_alone.accuracy_mean,
            report.student_alone.accuracy_sd
        )
    );
    for row in &report.distilled {
        let name = format!("distilled T={} α={}", row.temperature, row.alpha);
        out += &format!(
            "  {name:<22} {}\n",
            percent(row.accuracy_mean, row.accuracy_sd)
        );
    }
    out += &format_omitted(report);
    out += &format_soft_targets(&report.soft_targets);
    out += &format!("Finished in {:.1} s.\n", report.seconds);
    out
}

fn format_omitted(report: &Report) -> String {
    let omitted = &report.omitted_class;
    format!(
        "Omitted class: a student distilled with no {class} in its transfer set gets \
         {:.1} % of the test {class}s right ({:.1} % overall);\n  raising its bias for \
         {class} by {:.1} (chosen on training images) gives {:.1} % ({:.1} % overall).\n",
        100.0 * omitted.before,
        100.0 * omitted.overall_before,
        omitted.bias_shift,
        100.0 * omitted.after,
        100.0 * omitted.overall_after,
        class = omitted.class,
    )
}

fn format_soft_targets(example: &SoftTargetExample) -> String {
    const BAR: usize = 20;
    let mut out = format!(
        "Teacher's soft targets for test image {} (a {}):\n",
        example.test_index, example.label
    );
    let headers: Vec<String> = example
        .distributions
        .iter()
        .map(|d| {
            format!(
                "{:<width$}",
                format!("T = {}", d.temperature),
                width = BAR + 8
            )
        })
        .collect();
    out += &format!("  digit  {}\n", headers.join("  "));
    for class in 0..kd::data::CLASSES {
        let cells: Vec<String> = example
            .distributions
            .iter()
            .map(|d| {
                let p = d.probabilities.get(class).copied().unwrap_or(0.0);
                let bar = "█".repeat((p * BAR as f32).round() as usize);
                format!("{bar:<BAR$} {:>5.1} %", 100.0 * p)
            })
            .collect();
        out += &format!("  {class:>5}  {}\n", cells.join("  "));
    }
    out
}

fn widths(widths: &[usize]) -> String {
    widths
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

fn percent(mean: f64, sd: f64) -> String {
    format!("{:5.1} % ± {:.1}", 100.0 * mean, 100.0 * sd)
}
