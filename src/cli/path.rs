//! `distill path`: walk a lesson's learning path on screen, or, without a
//! lesson, list every lesson's path progress and the review prompts due.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::Global;
use super::context::Context;
use crate::lesson::inline::plain;
use crate::quiz::path::LearningPath;
use crate::schedule::StudyDay;
use crate::store::{ScheduledPrompt, Store};
use crate::tui::Route;
use crate::tui::text::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson id to open on screen. Without it, list every lesson's path
    /// progress and the review prompts due today.
    #[arg(value_name = "LESSON")]
    pub lesson: Option<String>,
    /// With no LESSON, print the list as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The JSON output of the list.
#[derive(Debug, Serialize)]
struct Overview {
    today: StudyDay,
    lessons: Vec<LessonPath>,
    due_prompts: Vec<ScheduledPrompt>,
}

/// One lesson's path progress.
#[derive(Debug, Serialize)]
struct LessonPath {
    id: String,
    title: String,
    steps: usize,
    done: usize,
    studied_on: Option<StudyDay>,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if let Some(lesson) = args.lesson {
        if args.json {
            anyhow::bail!("--json lists every lesson: leave out LESSON to use it");
        }
        return super::review::launch(global, Route::Path { lesson });
    }
    let context = Context::new(global)?;
    let store = context.open_store()?;
    let overview = overview(&store, context.today()?)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&overview)?)?;
    } else {
        write_overview(&mut out, &overview)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn overview(store: &Store, today: StudyDay) -> anyhow::Result<Overview> {
    let mut lessons = Vec::new();
    for (id, title) in store.lesson_titles()? {
        let progress = store.path_progress(&id)?;
        let (steps, done) = match store.load_lesson(&id) {
            Ok(lesson) => {
                let path = LearningPath::new(&lesson);
                (path.step_count(), progress.done_count(&path))
            }
            Err(err) => {
                eprintln!("warning: {err}");
                (0, progress.done.len())
            }
        };
        lessons.push(LessonPath {
            id,
            title,
            steps,
            done,
            studied_on: progress.studied_on,
        });
    }
    Ok(Overview {
        today,
        lessons,
        due_prompts: store.due_review_prompts(today)?,
    })
}

fn write_overview(out: &mut impl Write, overview: &Overview) -> std::io::Result<()> {
    for lesson in &overview.lessons {
        let status = match lesson.studied_on {
            Some(day) => format!("studied {day}"),
            None => "not finished".to_string(),
        };
        writeln!(
            out,
            "{}  {}/{} steps  {status}  {}",
            lesson.id,
            lesson.done,
            lesson.steps,
            sanitize(&lesson.title)
        )?;
    }
    if overview.due_prompts.is_empty() {
        return writeln!(out, "no review prompts due on {}", overview.today);
    }
    writeln!(out, "review prompts due on {}:", overview.today)?;
    for prompt in &overview.due_prompts {
        writeln!(
            out,
            "  {} (day {}, due {}): {}",
            prompt.lesson_id,
            prompt.days,
            prompt.due.map(|day| day.to_string()).unwrap_or_default(),
            plain(&sanitize(&prompt.prompt))
        )?;
    }
    Ok(())
}
