//! The dates of a lesson's review prompts.
//!
//! Each row of a lesson's review plan is one prompt, due once at its offset
//! from the day the learner finished the lesson's path. A lesson without a
//! plan gets one general prompt at each offset of the default ladder. A
//! prompt answered Again is due again the next day; any other grade
//! completes it.

use chrono::{Days, NaiveDate};

use crate::lesson::{DEFAULT_LADDER_DAYS, Lesson};
use crate::schedule::Grade;

/// Prompt used at each default offset for a lesson without a review plan.
pub const GENERAL_PROMPT: &str =
    "Recall the main ideas of this lesson without looking, then check them against its recap.";

/// One review prompt of a lesson, with its place in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPrompt {
    /// 0-based position in the plan, in interval order.
    pub position: usize,
    /// Days after the lesson was studied.
    pub days: u32,
    /// The prompt as inline Markdown.
    pub prompt: String,
}

impl PlannedPrompt {
    /// Returns the day this prompt is first due, for a lesson studied on
    /// `studied_on`. An offset beyond the calendar's range gives its last day.
    pub fn due_on(&self, studied_on: NaiveDate) -> NaiveDate {
        studied_on
            .checked_add_days(Days::new(u64::from(self.days)))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// Returns the review prompts of `lesson`: its plan's rows in interval
/// order, or [`GENERAL_PROMPT`] at each of [`DEFAULT_LADDER_DAYS`].
pub fn planned_prompts(lesson: &Lesson) -> Vec<PlannedPrompt> {
    let mut rows: Vec<(u32, String)> = lesson
        .review_plan
        .iter()
        .map(|row| (row.days, row.prompt.clone()))
        .collect();
    rows.sort_by_key(|(days, _)| *days);
    if rows.is_empty() {
        rows = DEFAULT_LADDER_DAYS
            .iter()
            .map(|&days| (days, GENERAL_PROMPT.to_string()))
            .collect();
    }
    rows.into_iter()
        .enumerate()
        .map(|(position, (days, prompt))| PlannedPrompt {
            position,
            days,
            prompt,
        })
        .collect()
}

/// Returns the day a prompt answered with `grade` on `answered_on` is due
/// again: the next day after Again, and `None` (completed) otherwise.
pub fn due_after_answer(grade: Grade, answered_on: NaiveDate) -> Option<NaiveDate> {
    match grade {
        Grade::Again => Some(answered_on.succ_opt().unwrap_or(NaiveDate::MAX)),
        Grade::Hard | Grade::Good | Grade::Easy => None,
    }
}
