//! The four answer grades, as in Anki: keys 1-4.

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// How well the learner recalled a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Not recalled: back to rung 0, shown again today.
    Again,
    /// Recalled with effort: the same rung and interval again.
    Hard,
    /// Recalled: one rung up.
    Good,
    /// Recalled without effort: two rungs up.
    Easy,
}

impl Grade {
    /// All grades in key order (1 to 4).
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// Returns the grade's number: 1 for Again up to 4 for Easy, the key that
    /// selects it and the value stored in the review log.
    pub fn number(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    /// Returns the grade for a number from 1 to 4, or `None` for any other.
    pub fn from_number(number: i64) -> Option<Grade> {
        match number {
            1 => Some(Grade::Again),
            2 => Some(Grade::Hard),
            3 => Some(Grade::Good),
            4 => Some(Grade::Easy),
            _ => None,
        }
    }

    /// Returns the grade bound to a key (`'1'` to `'4'`), if any.
    pub fn from_key(key: char) -> Option<Grade> {
        let digit = key.to_digit(10)?;
        Grade::from_number(i64::from(digit))
    }

    /// Returns the lowercase name: `again`, `hard`, `good` or `easy`.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A grade name or number that is not one of the four grades.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid grade {0:?}: expected again, hard, good or easy (or 1-4)")]
pub struct ParseGradeError(pub String);

impl FromStr for Grade {
    type Err = ParseGradeError;

    /// Parses a grade name in any case, or its number `1`-`4`.
    fn from_str(text: &str) -> Result<Grade, ParseGradeError> {
        let trimmed = text.trim();
        let by_name = Grade::ALL
            .into_iter()
            .find(|grade| grade.as_str().eq_ignore_ascii_case(trimmed));
        let mut chars = trimmed.chars();
        let by_key = match (chars.next(), chars.next()) {
            (Some(key), None) => Grade::from_key(key),
            _ => None,
        };
        by_name
            .or(by_key)
            .ok_or_else(|| ParseGradeError(text.to_owned()))
    }
}

impl ToSql for Grade {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.number())))
    }
}

impl FromSql for Grade {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Grade> {
        let number = value.as_i64()?;
        Grade::from_number(number).ok_or(FromSqlError::OutOfRange(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_in_any_case() {
        assert_eq!("again".parse(), Ok(Grade::Again));
        assert_eq!("Hard".parse(), Ok(Grade::Hard));
        assert_eq!(" GOOD ".parse(), Ok(Grade::Good));
        assert_eq!("easy".parse(), Ok(Grade::Easy));
    }

    #[test]
    fn parses_key_numbers() {
        assert_eq!("1".parse(), Ok(Grade::Again));
        assert_eq!("4".parse(), Ok(Grade::Easy));
        assert!("5".parse::<Grade>().is_err());
        assert!("0".parse::<Grade>().is_err());
    }

    #[test]
    fn rejects_unknown_names() {
        let err = "okay".parse::<Grade>().unwrap_err();
        assert_eq!(err, ParseGradeError("okay".into()));
        assert!(err.to_string().contains("again, hard, good or easy"));
    }

    #[test]
    fn display_round_trips() {
        for grade in Grade::ALL {
            assert_eq!(grade.to_string().parse(), Ok(grade));
            assert_eq!(Grade::from_number(i64::from(grade.number())), Some(grade));
        }
    }
}
