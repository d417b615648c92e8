//! From a [`Route`] to the screen that shows it.
//!
//! Each screen module offers a constructor that takes `&mut Context` (to
//! load what it shows from the store) plus the route's fields, and returns
//! `Result<Screen, TaskError>`. Adding a screen means adding its arm here.

use super::dashboard::DashboardScreen;
use super::data;
use super::kd::KdScreen;
use super::notice::NoticeScreen;
use super::path::PathScreen;
use super::quiz::QuizScreen;
use super::reader::ReaderScreen;
use super::review::ReviewScreen;
use super::review_prompt::ReviewPromptScreen;
use super::screen::{Context, Route, Screen, TaskError};
use super::stats::StatsScreen;
use super::still::StillScreen;
use crate::quiz;

/// Builds the screen for `route`. [`Route::Help`] is built by the app itself,
/// because it needs the key table of the screen on top.
pub fn open(route: &Route, ctx: &mut Context) -> Result<Box<dyn Screen>, TaskError> {
    let screen: Box<dyn Screen> = match route {
        Route::Dashboard => Box::new(DashboardScreen::open(ctx)?),
        Route::Review { lesson } => Box::new(ReviewScreen::open(ctx, lesson.as_deref())?),
        Route::Quiz { lesson } => Box::new(open_quiz(ctx, lesson)?),
        Route::Path { lesson } => {
            let today = ctx.study_time()?.day;
            let progress = ctx.store()?.path_progress(lesson)?;
            let lesson = data::load_lesson(lesson)?;
            Box::new(PathScreen::new(lesson, progress, today))
        }
        Route::Reader { lesson } => Box::new(ReaderScreen::new(data::load_lesson(lesson)?)),
        Route::ReviewPrompts => Box::new(ReviewPromptScreen::new(data::load_due_prompts(ctx)?)),
        Route::KdDemo => Box::new(KdScreen::new()),
        Route::ColumnDemo => Box::new(StillScreen::new()),
        Route::Stats => Box::new(StatsScreen::open(ctx)?),
        Route::Help => Box::new(NoticeScreen::new(
            "Help",
            "Press ? on a screen for its keys.",
        )),
    };
    Ok(screen)
}

/// Builds a quiz on `lesson`, with the other shipped lessons as a source of
/// wrong options, seeded from the clock so each run asks in a new order.
fn open_quiz(ctx: &mut Context, lesson: &str) -> Result<QuizScreen, TaskError> {
    let others = data::load_other_lessons(lesson)?;
    let lesson = data::load_lesson(lesson)?;
    let seed = ctx.now().timestamp_millis().unsigned_abs();
    Ok(QuizScreen::new(quiz::generate(&lesson, &others, seed)))
}
