//! The ladder of review intervals and the rules that move a card along it.
//!
//! With a ladder of n intervals, rung 0 is learning and rungs 1 to n wait
//! that rung's interval. Again sets rung 0 and makes the card due again the
//! same day; Hard sets max(r, 1); Good sets min(r + 1, n); Easy sets
//! min(r + 2, n). The new due date is the review day plus the new rung's
//! interval, so a late review never leaves overdue steps behind.

use std::fmt;

use serde::Serialize;

use super::{Grade, StudyDay};

/// A position on a ladder: 0 is learning, 1 to [`Ladder::top_rung`] wait that
/// rung's interval.
pub type Rung = u32;

/// Review intervals in days, strictly ascending: rung r waits `days[r - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Ladder(Vec<u32>);

/// A list of intervals that cannot form a ladder.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LadderError {
    #[error("invalid ladder {0:?}: expected at least one interval")]
    Empty(String),
    #[error("invalid ladder {0:?}: intervals must be whole days of at least 1")]
    Interval(String),
}

impl Ladder {
    /// The ladder used when a lesson has no review plan: 1, 3, 7 and 30 days.
    pub fn standard() -> Ladder {
        Ladder(vec![1, 3, 7, 30])
    }

    /// Builds a ladder from intervals in days, sorted and without repeats.
    pub fn new(mut days: Vec<u32>) -> Result<Ladder, LadderError> {
        if days.is_empty() {
            return Err(LadderError::Empty(String::new()));
        }
        if days.contains(&0) {
            return Err(LadderError::Interval(join_days(&days)));
        }
        days.sort_unstable();
        days.dedup();
        Ok(Ladder(days))
    }

    /// Parses the stored form, intervals joined by commas (`1,3,7,30`).
    pub fn parse(text: &str) -> Result<Ladder, LadderError> {
        if text.trim().is_empty() {
            return Err(LadderError::Empty(text.to_owned()));
        }
        let days: Result<Vec<u32>, _> = text.split(',').map(|part| part.trim().parse()).collect();
        let days = days.map_err(|_| LadderError::Interval(text.to_owned()))?;
        Ladder::new(days)
    }

    /// Returns the intervals in days.
    pub fn days(&self) -> &[u32] {
        &self.0
    }

    /// Returns the highest rung, equal to the number of intervals; a card
    /// on it counts as mastered.
    pub fn top_rung(&self) -> Rung {
        u32::try_from(self.0.len()).unwrap_or(u32::MAX)
    }

    /// Returns the days a card on `rung` waits: 0 for rung 0, the top
    /// interval for any rung at or above the top.
    pub fn interval(&self, rung: Rung) -> u32 {
        if rung == 0 {
            return 0;
        }
        let index = usize::try_from(rung - 1).unwrap_or(usize::MAX);
        let last = self.0.last().copied().unwrap_or(0);
        self.0.get(index).copied().unwrap_or(last)
    }
}

impl fmt::Display for Ladder {
    /// Formats the stored form, `1,3,7,30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&join_days(&self.0))
    }
}

fn join_days(days: &[u32]) -> String {
    let parts: Vec<String> = days.iter().map(u32::to_string).collect();
    parts.join(",")
}

/// Where a card stands on its ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CardState {
    pub rung: Rung,
    /// Day the card is due; `None` while the card is new (never answered).
    pub due: Option<StudyDay>,
    /// Study day of the latest answer, used so a clock set back never
    /// schedules a card before its last review.
    pub last_day: Option<StudyDay>,
}

impl CardState {
    /// The state of a card that has never been answered.
    pub const NEW: CardState = CardState {
        rung: 0,
        due: None,
        last_day: None,
    };

    /// Returns whether the card has never been answered.
    pub fn is_new(&self) -> bool {
        self.due.is_none()
    }

    /// Returns whether the card has reached the top rung of `ladder`.
    pub fn is_mastered(&self, ladder: &Ladder) -> bool {
        !self.is_new() && self.rung >= ladder.top_rung()
    }
}

/// Returns the state after answering `grade` on study day `today`.
///
/// The review counts for `today` or, when the clock was set back, for the
/// day of the previous answer, so the new due date is never earlier than
/// any earlier review.
pub fn next_state(state: &CardState, grade: Grade, ladder: &Ladder, today: StudyDay) -> CardState {
    let review_day = match state.last_day {
        Some(last) if last > today => last,
        _ => today,
    };
    let rung = next_rung(state.rung, grade, ladder.top_rung());
    CardState {
        rung,
        due: Some(review_day.plus_days(ladder.interval(rung))),
        last_day: Some(review_day),
    }
}

fn next_rung(rung: Rung, grade: Grade, top: Rung) -> Rung {
    // A lesson whose ladder got shorter can leave cards above the new top.
    let rung = rung.min(top);
    match grade {
        Grade::Again => 0,
        Grade::Hard => rung.max(1).min(top),
        Grade::Good => rung.saturating_add(1).min(top),
        Grade::Easy => rung.saturating_add(2).min(top),
    }
}

/// Returns the label of the wait that `grade` would give the card, for the
/// review screen's buttons: `today`, `1d`, `3d`, `1w`, `1mo` and so on.
pub fn preview_label(state: &CardState, grade: Grade, ladder: &Ladder, today: StudyDay) -> String {
    let next = next_state(state, grade, ladder, today);
    let wait = match next.due {
        Some(due) => due.days_since(today),
        None => 0,
    };
    interval_label(u32::try_from(wait).unwrap_or(0))
}

/// Formats a wait in days: `today`, then days, whole weeks below 30 days,
/// months of 30 days and years of 365 days (`45d` stays in days, `100d`
/// becomes `3.3mo`).
pub fn interval_label(days: u32) -> String {
    match days {
        0 => "today".to_owned(),
        d if d % 365 == 0 => format!("{}y", d / 365),
        d if d % 30 == 0 => format!("{}mo", d / 30),
        d if d % 7 == 0 && d < 30 => format!("{}w", d / 7),
        d if d < 60 => format!("{d}d"),
        d if d < 365 => format!("{:.1}mo", f64::from(d) / 30.0),
        d => format!("{:.1}y", f64::from(d) / 365.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(offset: u32) -> StudyDay {
        let start: StudyDay = "2026-01-01".parse().unwrap();
        start.plus_days(offset)
    }

    fn answer(state: CardState, grade: Grade, on: u32) -> CardState {
        next_state(&state, grade, &Ladder::standard(), day(on))
    }

    #[test]
    fn good_every_time_climbs_the_ladder() {
        let mut state = CardState::NEW;
        let mut dues = Vec::new();
        for on in [0, 1, 4, 11, 41] {
            state = answer(state, Grade::Good, on);
            dues.push(state.due.unwrap());
        }
        assert_eq!(dues, vec![day(1), day(4), day(11), day(41), day(71)]);
        assert_eq!(state.rung, 4);
        assert!(state.is_mastered(&Ladder::standard()));
    }

    #[test]
    fn new_card_easy_skips_a_rung() {
        let state = answer(CardState::NEW, Grade::Easy, 0);
        assert_eq!(state.rung, 2);
        assert_eq!(state.due, Some(day(3)));
    }

    #[test]
    fn again_resets_to_learning_today() {
        let state = CardState {
            rung: 3,
            due: Some(day(10)),
            last_day: Some(day(3)),
        };
        let next = answer(state, Grade::Again, 10);
        assert_eq!(next.rung, 0);
        assert_eq!(next.due, Some(day(10)));
        assert!(!next.is_new());
    }

    #[test]
    fn hard_repeats_the_interval() {
        let state = CardState {
            rung: 2,
            due: Some(day(5)),
            last_day: Some(day(2)),
        };
        let next = answer(state, Grade::Hard, 5);
        assert_eq!(next.rung, 2);
        assert_eq!(next.due, Some(day(8)));
    }

    #[test]
    fn hard_on_learning_card_moves_to_rung_one() {
        let next = answer(CardState::NEW, Grade::Hard, 0);
        assert_eq!(next.rung, 1);
        assert_eq!(next.due, Some(day(1)));
    }

    #[test]
    fn top_rung_stays_on_top() {
        let state = CardState {
            rung: 4,
            due: Some(day(30)),
            last_day: Some(day(0)),
        };
        assert_eq!(answer(state, Grade::Easy, 30).rung, 4);
        assert_eq!(answer(state, Grade::Easy, 30).due, Some(day(60)));
    }

    #[test]
    fn late_review_counts_from_review_day() {
        let state = CardState {
            rung: 1,
            due: Some(day(1)),
            last_day: Some(day(0)),
        };
        let next = answer(state, Grade::Good, 20);
        assert_eq!(next.due, Some(day(23)));
    }

    #[test]
    fn clock_set_back_counts_from_last_review() {
        let state = CardState {
            rung: 1,
            due: Some(day(11)),
            last_day: Some(day(10)),
        };
        let next = answer(state, Grade::Good, 8);
        assert_eq!(next.last_day, Some(day(10)));
        assert_eq!(next.due, Some(day(13)));
    }

    #[test]
    fn rung_above_shortened_ladder_is_clamped() {
        let ladder = Ladder::new(vec![2, 5]).unwrap();
        let state = CardState {
            rung: 4,
            due: Some(day(30)),
            last_day: Some(day(0)),
        };
        let hard = next_state(&state, Grade::Hard, &ladder, day(30));
        assert_eq!(hard.rung, 2);
        assert_eq!(hard.due, Some(day(35)));
    }

    #[test]
    fn ladder_parses_and_formats() {
        let ladder = Ladder::parse("1, 3,7,30").unwrap();
        assert_eq!(ladder, Ladder::standard());
        assert_eq!(ladder.to_string(), "1,3,7,30");
        assert_eq!(Ladder::parse("7,1").unwrap().days(), &[1, 7]);
        assert!(Ladder::parse("").is_err());
        assert!(Ladder::parse("1,x").is_err());
        assert!(Ladder::new(vec![0, 3]).is_err());
    }

    #[test]
    fn interval_for_each_rung() {
        let ladder = Ladder::standard();
        let intervals: Vec<u32> = (0..=5).map(|rung| ladder.interval(rung)).collect();
        assert_eq!(intervals, vec![0, 1, 3, 7, 30, 30]);
    }

    #[test]
    fn labels_for_standard_waits() {
        let labels: Vec<String> = [0, 1, 3, 7, 14, 30, 45, 60, 100, 365, 400]
            .into_iter()
            .map(interval_label)
            .collect();
        let expected = [
            "today", "1d", "3d", "1w", "2w", "1mo", "45d", "2mo", "3.3mo", "1y", "1.1y",
        ];
        assert_eq!(labels, expected);
    }

    #[test]
    fn preview_labels_for_new_card() {
        let ladder = Ladder::standard();
        let labels: Vec<String> = Grade::ALL
            .into_iter()
            .map(|grade| preview_label(&CardState::NEW, grade, &ladder, day(0)))
            .collect();
        assert_eq!(labels, vec!["today", "1d", "1d", "3d"]);
    }
}
