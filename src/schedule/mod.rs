//! The review ladder: grades, study days and the rules that move a card
//! between rungs.
//!
//! Everything here is a pure function of the card's state, the grade and the
//! study day, so the store, the command line and the TUI share one set of
//! rules and tests can move through days without a clock or a database.

mod day;
mod grade;
mod ladder;

pub use day::{DEFAULT_DAY_START_HOUR, StudyDay, StudyDayError, StudyTime};
pub use grade::{Grade, ParseGradeError};
pub use ladder::{CardState, Ladder, LadderError, Rung, interval_label, next_state, preview_label};
