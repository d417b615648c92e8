//! Plain data the dashboard, review and statistics screens show. The screens
//! render only these structs; [`super::data`] fills them from the store, and
//! tests build them directly.

use std::time::Duration;

use chrono::NaiveDate;

pub use crate::schedule::Grade;

/// Number of days the dashboard's forecast covers, today included.
pub const DASHBOARD_FORECAST_DAYS: usize = 14;

/// Number of days the statistics screen's forecast covers, today included.
pub const STATS_FORECAST_DAYS: usize = 30;

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashboardView {
    /// The current study day (days start at the configured hour).
    pub today: NaiveDate,
    /// Review cards due today or earlier.
    pub due_today: u32,
    /// New cards that today's new-card limit still allows.
    pub new_today: u32,
    /// Answers recorded today.
    pub reviewed_today: u32,
    /// Consecutive study days with at least one answer, ending today, or
    /// ending yesterday when nothing was answered yet today.
    pub streak_days: u32,
    pub lessons: Vec<LessonRow>,
    /// Lesson review prompts due today or earlier.
    pub prompts: Vec<PromptRow>,
    /// Cards due per day, index 0 being today (overdue cards included).
    pub forecast: Vec<u32>,
}

/// One lesson's line on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LessonRow {
    pub id: String,
    pub title: String,
    /// Active cards of the lesson (retired cards excluded).
    pub cards: u32,
    pub due: u32,
    pub new: u32,
    /// Cards on the top rung of the lesson's ladder.
    pub mastered: u32,
}

impl LessonRow {
    /// Returns the mastered share in whole percent, 0 for a lesson without
    /// cards.
    pub fn mastered_percent(&self) -> u32 {
        if self.cards == 0 {
            return 0;
        }
        let percent = u64::from(self.mastered) * 100 / u64::from(self.cards);
        u32::try_from(percent).unwrap_or(100)
    }
}

/// A lesson review prompt that is due.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PromptRow {
    pub lesson_title: String,
    /// The prompt's offset in days from the day the learning path was finished.
    pub days: u32,
    /// Inline Markdown, as written in the lesson.
    pub prompt: String,
}

/// Returns the grade's position in [`Grade::ALL`]: its key number minus 1.
pub fn grade_index(grade: Grade) -> usize {
    usize::from(grade.number()).saturating_sub(1)
}

/// Returns the grade's name as the review screen shows it: `Again`, `Hard`,
/// `Good` or `Easy`.
pub fn grade_name(grade: Grade) -> &'static str {
    match grade {
        Grade::Again => "Again",
        Grade::Hard => "Hard",
        Grade::Good => "Good",
        Grade::Easy => "Easy",
    }
}

/// One card of a review session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewCard {
    pub id: String,
    pub lesson_title: String,
    /// Card kind as shown to the learner: `Concept`, `Pitfall` and so on.
    pub kind: String,
    /// Inline Markdown.
    pub front: String,
    /// Inline Markdown; may contain several lines separated by `\n`.
    pub back: String,
    /// The wait each grade gives, in [`Grade::ALL`] order, as the grade
    /// buttons show it (`today`, `1d`, `1w`, `1mo`).
    pub waits: [String; 4],
}

/// The store's answer to one recorded grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecorded {
    /// Id of the review-log row, used to undo this answer.
    pub log_id: i64,
    /// True when the card must be shown again in this session.
    pub requeue: bool,
    pub due: NaiveDate,
}

/// Totals shown when a review session ends.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionSummary {
    /// Answers per grade, in [`Grade::ALL`] order.
    pub answers: [u32; 4],
    pub elapsed: Duration,
    /// The next day with cards due, if any card is scheduled.
    pub next_due: Option<NaiveDate>,
}

/// Everything the statistics screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsView {
    pub today: NaiveDate,
    /// Answers per study day, oldest first, with days without answers
    /// left out.
    pub reviews_per_day: Vec<(NaiveDate, u32)>,
    /// Share of answers other than Again among answers to cards that had
    /// been answered before, over the last 30 days, from 0.0 to 1.0; `None`
    /// without such answers.
    pub retention: Option<f64>,
    pub total_reviews: u64,
    /// Cards never answered.
    pub new_cards: u32,
    /// Answered cards per rung, index 0 being rung 0 (relearning).
    pub cards_per_rung: Vec<u32>,
    /// Cards due per day, index 0 being today (overdue cards included).
    pub forecast: Vec<u32>,
}

/// Formats a duration as `m:ss`, or `h:mm:ss` from one hour on.
pub fn format_clock(duration: Duration) -> String {
    let total = duration.as_secs();
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(format_clock(Duration::from_secs(0)), "0:00");
        assert_eq!(format_clock(Duration::from_secs(372)), "6:12");
        assert_eq!(format_clock(Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn mastered_percent_rounds_down() {
        let row = LessonRow {
            cards: 3,
            mastered: 2,
            ..LessonRow::default()
        };
        assert_eq!(row.mastered_percent(), 66);
        assert_eq!(LessonRow::default().mastered_percent(), 0);
    }
}
