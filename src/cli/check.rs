//! `distill check`: validates lesson files and prints what each contains,
//! as text or as one JSON object.
//!
//! Exit status: 0 when no file has errors, 1 when any file has errors, and
//! 2 for usage errors (reported by clap before this module runs).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use super::Global;
use crate::builtin;
use crate::lesson::{self, Concept, Diagnostic, Lesson, ParseError, PathStep, QuizQuestion};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson files, or folders searched for `.md` files.
    #[arg(value_name = "FILE", required_unless_present = "builtin")]
    pub files: Vec<PathBuf>,
    /// Check the lessons shipped inside the binary.
    #[arg(long)]
    pub builtin: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, _global: &Global) -> anyhow::Result<ExitCode> {
    let mut reports: Vec<Report> = lesson_files(&args.files)?
        .iter()
        .map(|path| Report::new(path, lesson::parse_file(path)))
        .collect();
    if args.builtin {
        reports.extend(builtin::LESSONS.iter().map(check_builtin));
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let document = JsonOutput { lessons: &reports };
        serde_json::to_writer_pretty(&mut out, &document).context("cannot write JSON output")?;
        writeln!(out)?;
    } else {
        for report in &reports {
            write_report(&mut out, report)?;
        }
        write_summary(&mut out, &reports)?;
    }
    out.flush()?;
    let failed = reports.iter().any(|report| !report.errors.is_empty());
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Expands folders into the `.md` files below them. Other paths are kept as
/// given, so a missing file gets its own error in the report.
fn lesson_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            super::import::collect_markdown(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn check_builtin(shipped: &builtin::BuiltinLesson) -> Report {
    let file = Path::new("content").join(shipped.file_name);
    let id = file_id(&file);
    Report::new(&file, lesson::parse(&file, &id, shipped.text.as_bytes()))
}

/// Returns the lesson id of a file: its stem.
fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The whole `--json` output.
#[derive(Debug, Serialize)]
struct JsonOutput<'a> {
    lessons: &'a [Report],
}

/// The report for one file, serialized as one element of the JSON
/// `lessons` array.
#[derive(Debug, Serialize)]
struct Report {
    file: String,
    id: String,
    /// `None` when the file could not be parsed.
    title: Option<String>,
    counts: Counts,
    ladder_days: Vec<u32>,
    concepts: Vec<Concept>,
    quiz: Vec<QuizQuestion>,
    path_steps: Vec<PathStep>,
    warnings: Vec<Diagnostic>,
    errors: Vec<ErrorEntry>,
}

/// Number of items per section.
#[derive(Debug, Default, Serialize)]
struct Counts {
    prior_knowledge: usize,
    concepts: usize,
    path_steps: usize,
    examples: usize,
    pitfalls: usize,
    quiz: usize,
    recap: usize,
    review_plan: usize,
}

#[derive(Debug, Serialize)]
struct ErrorEntry {
    line: Option<usize>,
    message: String,
}

impl Report {
    fn new(path: &Path, parsed: Result<Lesson, ParseError>) -> Self {
        let file = path.display().to_string();
        match parsed {
            Ok(lesson) => Self::from_lesson(file, lesson),
            Err(err) => Self {
                file,
                id: file_id(path),
                title: None,
                counts: Counts::default(),
                ladder_days: Vec::new(),
                concepts: Vec::new(),
                quiz: Vec::new(),
                path_steps: Vec::new(),
                warnings: Vec::new(),
                errors: vec![ErrorEntry {
                    line: err.line(),
                    message: err.message(),
                }],
            },
        }
    }

    fn from_lesson(file: String, lesson: Lesson) -> Self {
        let counts = Counts {
            prior_knowledge: lesson.prior_knowledge.len(),
            concepts: lesson.concepts.len(),
            path_steps: lesson.path.len(),
            examples: lesson.examples.len(),
            pitfalls: lesson.pitfalls.len(),
            quiz: lesson.quiz.len(),
            recap: lesson.recap.len(),
            review_plan: lesson.review_plan.len(),
        };
        Self {
            file,
            ladder_days: lesson.ladder_days(),
            id: lesson.id,
            title: Some(lesson.title),
            counts,
            concepts: lesson.concepts,
            quiz: lesson.quiz,
            path_steps: lesson.path,
            warnings: lesson.warnings,
            errors: Vec::new(),
        }
    }
}

fn write_report(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let file = printable(&report.file);
    if let Some(title) = &report.title {
        writeln!(
            out,
            "{file}: {} (id {})",
            printable(title),
            printable(&report.id)
        )?;
        let counts = &report.counts;
        writeln!(
            out,
            "  prior_knowledge {}, concepts {}, path_steps {}, examples {}, pitfalls {}, \
             quiz {}, recap {}, review_plan {}",
            counts.prior_knowledge,
            counts.concepts,
            counts.path_steps,
            counts.examples,
            counts.pitfalls,
            counts.quiz,
            counts.recap,
            counts.review_plan,
        )?;
        let ladder: Vec<String> = report.ladder_days.iter().map(u32::to_string).collect();
        writeln!(out, "  review ladder (days): {}", ladder.join(", "))?;
    }
    for warning in &report.warnings {
        let message = printable(&warning.message);
        writeln!(out, "{file}:{}: warning: {message}", warning.line)?;
    }
    for error in &report.errors {
        let message = printable(&error.message);
        match error.line {
            Some(line) => writeln!(out, "{file}:{line}: error: {message}")?,
            None => writeln!(out, "{file}: error: {message}")?,
        }
    }
    Ok(())
}

fn write_summary(out: &mut impl Write, reports: &[Report]) -> std::io::Result<()> {
    let failed = reports.iter().filter(|r| !r.errors.is_empty()).count();
    let warnings: usize = reports.iter().map(|r| r.warnings.len()).sum();
    writeln!(
        out,
        "checked {} file(s): {failed} with errors, {warnings} warning(s)",
        reports.len()
    )
}

/// Replaces control characters with their escaped form, so text from a
/// lesson cannot send escape sequences to the terminal.
fn printable(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
