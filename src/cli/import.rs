//! `distill import`: lesson files into the database, all or nothing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use super::Global;
use super::context::Context;
use crate::lesson;
use crate::store::{ImportReport, LessonFile, source_sha256};
use crate::tui::text::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson files, or folders searched for `.md` files.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<std::path::PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let files = lesson_paths(&args.paths)?;
    let (lessons, errors) = parse_all(&files);
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("error: {}", sanitize(&error.to_string()));
        }
        eprintln!(
            "nothing was imported: fix the {} file(s) above and run the import again",
            errors.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let context = Context::new(global)?;
    let mut store = context.open_store()?;
    let report = store
        .import_lessons(&lessons, context.clock.now())
        .with_context(|| format!("cannot import into {}", store.label()))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write_report(&mut out, &report, &lessons)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Expands folders into the `.md` files below them, sorted by path.
fn lesson_paths(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_markdown(path, &mut files)?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            anyhow::bail!(
                "{} not found: pass a lesson file or a folder of them",
                path.display()
            );
        }
    }
    Ok(files)
}

/// Appends the `.md` files below `dir` to `files`, sorted by path, searching
/// subfolders too.
pub(super) fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read folder {}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("cannot read folder {}", dir.display()))?;
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_markdown(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Parses every file, returning the lessons and one message per failure.
fn parse_all(files: &[PathBuf]) -> (Vec<LessonFile>, Vec<String>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match parse_one(path) {
            Ok(lesson) => lessons.push(lesson),
            Err(err) => errors.push(format!("{err:#}")),
        }
    }
    (lessons, errors)
}

fn parse_one(path: &Path) -> anyhow::Result<LessonFile> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let id = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lesson = lesson::parse(path, &id, &bytes)?;
    Ok(LessonFile {
        lesson,
        source: path.display().to_string(),
        sha256: source_sha256(&bytes),
    })
}

/// Writes one summary line per lesson to `out`, and its warnings to stderr.
fn write_report(
    out: &mut impl Write,
    report: &ImportReport,
    files: &[LessonFile],
) -> std::io::Result<()> {
    for (outcome, file) in report.lessons.iter().zip(files) {
        for warning in &outcome.warnings {
            eprintln!(
                "{}:{}: warning: {}",
                sanitize(&file.source),
                warning.line,
                sanitize(&warning.message)
            );
        }
        writeln!(
            out,
            "{}: {} added, {} updated, {} restored, {} retired, {} unchanged",
            outcome.lesson_id,
            outcome.added,
            outcome.updated,
            outcome.restored,
            outcome.retired,
            outcome.unchanged
        )?;
    }
    Ok(())
}
