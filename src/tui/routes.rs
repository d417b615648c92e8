//! From a [`Route`] to the screen that shows it.
//!
//! Each screen module offers a constructor that takes `&mut Context` (to
//! load what it shows from the store) plus the route's fields, and returns
//! `Result<Screen, TaskError>`. Adding a screen means adding its arm here.

use super::dashboard::DashboardScreen;
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

/// Builds the screen for `route`. [`Route::Help`] is built by the app itself,
/// because it needs the key table of the screen on top.
pub fn open(route: &Route, ctx: &mut Context) -> Result<Box<dyn Screen>, TaskError> {
    let screen: Box<dyn Screen> = match route {
        Route::Dashboard => Box::new(DashboardScreen::open(ctx)?),
        Route::Review { lesson } => Box::new(ReviewScreen::open(ctx, lesson.as_deref())?),
        Route::Quiz { lesson } => Box::new(QuizScreen::open(ctx, lesson)?),
        Route::Path { lesson } => Box::new(PathScreen::open(ctx, lesson)?),
        Route::Reader { lesson } => Box::new(ReaderScreen::open(ctx, lesson)?),
        Route::ReviewPrompts => Box::new(ReviewPromptScreen::open(ctx)?),
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
