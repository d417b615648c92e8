//! The dates of a lesson's review prompts.
//!
//! Each row of a lesson's review plan is one prompt, due once at its offset
//! from the day the learner finished the lesson's path. A lesson without a
//! plan gets one general prompt at each offset of the default ladder. A
//! prompt answered Again is due again the next day; any other grade
//! completes it.

use std::time::Duration;

use crate::lesson::{DEFAULT_LADDER_DAYS, Lesson};
use crate::schedule::{Grade, StudyDay};

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
    pub fn due_on(&self, studied_on: StudyDay) -> StudyDay {
        studied_on.plus_days(self.days)
    }
}

/// One answer to a review prompt, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptAnswer {
    pub lesson: String,
    /// The prompt's position in the lesson's plan.
    pub position: usize,
    pub grade: Grade,
    /// The learner's recall typed before the reveal, possibly empty.
    pub note: String,
    pub duration: Duration,
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
pub fn due_after_answer(grade: Grade, answered_on: StudyDay) -> Option<StudyDay> {
    match grade {
        Grade::Again => Some(answered_on.plus_days(1)),
        Grade::Hard | Grade::Good | Grade::Easy => None,
    }
}
