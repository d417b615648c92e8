//! Study days: local calendar days that start at a configurable hour.
//!
//! A review at 01:00 with the default 04:00 start belongs to the previous
//! day, as in Anki. The day is taken from the local wall-clock time, so a
//! daylight-saving jump or a time-zone move changes which instant starts a
//! day but never which day a stored date names.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// Local hour at which a study day starts unless configured otherwise.
pub const DEFAULT_DAY_START_HOUR: u32 = 4;

/// A local calendar day of study, stored and printed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StudyDay(NaiveDate);

/// A study day that could not be read or computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StudyDayError {
    #[error("invalid study day {0:?}: expected a date like 2026-03-01")]
    Invalid(String),
    #[error("invalid day start hour {0}: expected an hour from 0 to 23")]
    StartHour(u32),
}

impl StudyDay {
    /// Wraps a calendar date.
    pub fn new(date: NaiveDate) -> StudyDay {
        StudyDay(date)
    }

    /// Returns the study day that contains the local time `now`, where each
    /// day starts at `day_start_hour` (0-23) local time.
    pub fn containing(
        now: DateTime<FixedOffset>,
        day_start_hour: u32,
    ) -> Result<StudyDay, StudyDayError> {
        if day_start_hour > 23 {
            return Err(StudyDayError::StartHour(day_start_hour));
        }
        let shifted = now.naive_local() - TimeDelta::hours(i64::from(day_start_hour));
        Ok(StudyDay(shifted.date()))
    }

    /// Returns the calendar date.
    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Returns the day `days` later, saturating at the last representable date.
    pub fn plus_days(self, days: u32) -> StudyDay {
        let later = self.0.checked_add_days(Days::new(u64::from(days)));
        StudyDay(later.unwrap_or(NaiveDate::MAX))
    }

    /// Returns the day `days` earlier, saturating at the first representable date.
    pub fn minus_days(self, days: u32) -> StudyDay {
        let earlier = self.0.checked_sub_days(Days::new(u64::from(days)));
        StudyDay(earlier.unwrap_or(NaiveDate::MIN))
    }

    /// Returns the number of days from `earlier` to `self` (negative if
    /// `earlier` is later).
    pub fn days_since(self, earlier: StudyDay) -> i64 {
        (self.0 - earlier.0).num_days()
    }
}

/// An instant in the learner's local time together with its study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StudyTime {
    /// The instant, with the local UTC offset in force at that moment.
    pub at: DateTime<FixedOffset>,
    /// The study day containing `at`.
    pub day: StudyDay,
}

impl StudyTime {
    /// Pairs `at` with its study day, where days start at `day_start_hour`.
    pub fn new(at: DateTime<FixedOffset>, day_start_hour: u32) -> Result<StudyTime, StudyDayError> {
        let day = StudyDay::containing(at, day_start_hour)?;
        Ok(StudyTime { at, day })
    }
}

impl fmt::Display for StudyDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl FromStr for StudyDay {
    type Err = StudyDayError;

    /// Parses `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<StudyDay, StudyDayError> {
        if let Some(date) = parse_iso_date(text) {
            return Ok(StudyDay(date));
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(StudyDay)
            .map_err(|_| StudyDayError::Invalid(text.to_owned()))
    }
}

/// Parses exactly `YYYY-MM-DD`, the form [`ToSql`] writes, without chrono's
/// format interpreter, which took about a quarter of the due queue's
/// instructions. Returns `None` for any other text, which then goes through
/// chrono, so both paths accept the same inputs.
fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes[range].iter().try_fold(0, |value, &byte| {
            byte.is_ascii_digit()
                .then(|| value * 10 + u32::from(byte - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

impl ToSql for StudyDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for StudyDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<StudyDay> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|err| FromSqlError::Other(Box::new(err)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn day(text: &str) -> StudyDay {
        text.parse().unwrap()
    }

    #[test]
    fn early_morning_counts_for_previous_day() {
        let now = at("2026-03-02T01:00:00+02:00");
        assert_eq!(StudyDay::containing(now, 4).unwrap(), day("2026-03-01"));
    }

    #[test]
    fn day_starts_exactly_at_start_hour() {
        let before = at("2026-03-02T03:59:59+02:00");
        let after = at("2026-03-02T04:00:00+02:00");
        assert_eq!(StudyDay::containing(before, 4).unwrap(), day("2026-03-01"));
        assert_eq!(StudyDay::containing(after, 4).unwrap(), day("2026-03-02"));
    }

    #[test]
    fn midnight_start_uses_calendar_day() {
        let now = at("2026-03-02T00:00:00-05:00");
        assert_eq!(StudyDay::containing(now, 0).unwrap(), day("2026-03-02"));
    }

    #[test]
    fn local_offset_decides_the_day() {
        // 23:00 UTC is already 08:00 the next day in Tokyo.
        let utc = at("2026-03-01T23:00:00+00:00");
        let tokyo = utc.with_timezone(&FixedOffset::east_opt(9 * 3600).unwrap());
        assert_eq!(StudyDay::containing(utc, 4).unwrap(), day("2026-03-01"));
        assert_eq!(StudyDay::containing(tokyo, 4).unwrap(), day("2026-03-02"));
    }

    #[test]
    fn rejects_start_hour_past_23() {
        let now = at("2026-03-02T05:00:00+00:00");
        let err = StudyDay::containing(now, 24).unwrap_err();
        assert_eq!(err, StudyDayError::StartHour(24));
    }

    #[test]
    fn day_arithmetic() {
        let start = day("2024-02-28");
        assert_eq!(start.plus_days(1), day("2024-02-29"));
        assert_eq!(start.plus_days(2), day("2024-03-01"));
        assert_eq!(start.plus_days(2).minus_days(2), start);
        assert_eq!(day("2024-03-30").days_since(start), 31);
    }

    #[test]
    fn iso_fast_path_matches_chrono() {
        let cases = [
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "2024-00-10",
            "2024-12-32",
            "2024-1a-01",
            "2024-3-1",
            "+2024-03-01",
        ];
        for text in cases {
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            let parsed = text.parse::<StudyDay>().ok().map(StudyDay::date);
            assert_eq!(parsed, chrono, "{text}");
            if let Some(fast) = parse_iso_date(text) {
                assert_eq!(Some(fast), chrono, "fast path on {text}");
            }
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        assert!("2024-13-01".parse::<StudyDay>().is_err());
        assert!("yesterday".parse::<StudyDay>().is_err());
        assert_eq!(day("2024-03-31").to_string(), "2024-03-31");
    }
}
