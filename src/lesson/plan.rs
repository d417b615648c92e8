//! The "Spaced Review Plan" section: a table of intervals written in words
//! (`3 дни`, `2 седмици`, `1 month`) and review prompts.

use std::borrow::Cow;

use super::ReviewPrompt;
use super::inline::plain_text;
use super::key::{is_alphanumeric, to_lowercase};
use super::reader::{Reader, inline_of};
use super::tree::{Kind, Nodes};

/// Days per unit word. A month counts as 30 days and a year as 365. Words
/// are matched by prefix, so `седмица` and `седмици` both match `седмиц`.
const UNITS: &[(&str, u32)] = &[
    ("ден", 1),
    ("дни", 1),
    ("дена", 1),
    ("day", 1),
    ("седмиц", 7),
    ("week", 7),
    ("месец", 30),
    ("month", 30),
    ("годин", 365),
    ("year", 365),
];

/// Numbers written as words, as they appear before a unit.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("един", 1),
    ("една", 1),
    ("едно", 1),
    ("two", 2),
    ("два", 2),
    ("две", 2),
    ("three", 3),
    ("три", 3),
    ("four", 4),
    ("четири", 4),
    ("five", 5),
    ("пет", 5),
    ("six", 6),
    ("шест", 6),
];

/// Maximum interval accepted, in days (about ten years).
const MAX_DAYS: u32 = 3650;

/// Reads the review plan from the section's first table. Rows whose
/// interval cannot be read are skipped with a warning; blank rows are
/// skipped silently. Rows are returned in file order.
pub(super) fn read_plan(reader: &mut Reader<'_>, nodes: Nodes<'_>) -> Vec<ReviewPrompt> {
    let Some(table) = nodes.iter().find(|node| matches!(node.kind(), Kind::Table)) else {
        if let Some(first) = nodes.first() {
            reader.warn(
                reader.line(first.start()),
                "review plan has no table; expected rows like `| 3 дни | prompt |`; \
                 the default ladder of 1, 3, 7 and 30 days is used",
            );
        }
        return Vec::new();
    };
    let mut prompts = Vec::new();
    for row in table.children() {
        let Kind::TableRow { header } = *row.kind() else {
            continue;
        };
        let cells: Vec<Cow<'_, str>> = row
            .children()
            .iter()
            .filter_map(inline_of)
            .map(|inline| reader.text(inline))
            .collect();
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = reader.line(row.start());
        let interval = cells.first().map_or("", |cell| &**cell);
        match parse_interval(&plain_text(interval)) {
            Ok(days) => prompts.push(ReviewPrompt {
                days,
                prompt: cells[1..].join(" ").trim().to_owned(),
                line,
            }),
            // A header row is usually column titles, not an interval.
            Err(_) if header => {}
            Err(message) => reader.warn(line, message),
        }
    }
    prompts
}

/// Reads an interval such as `3 дни`, `2 седмици`, `a week` or `След 1 месец`
/// as a number of days.
pub(super) fn parse_interval(text: &str) -> Result<u32, String> {
    if has_negative_number(text) {
        return Err(format!(
            "review interval `{text}` is negative; use between 1 day and {MAX_DAYS} days"
        ));
    }
    let lowered = to_lowercase(text);
    let tokens = tokens(&lowered);
    let unit_at = tokens.iter().position(|token| unit_days(token).is_some());
    let Some(unit_at) = unit_at else {
        return Err(unreadable(text));
    };
    let count = tokens[..unit_at]
        .iter()
        .rev()
        .find_map(|token| number(token))
        .or_else(|| tokens[unit_at + 1..].iter().find_map(|token| number(token)))
        .unwrap_or(1);
    let days = unit_days(tokens[unit_at]).map_or(0, |unit| unit.saturating_mul(count));
    if days == 0 || days > MAX_DAYS {
        return Err(format!(
            "review interval `{text}` is {days} days; use between 1 day and {MAX_DAYS} days"
        ));
    }
    Ok(days)
}

fn unreadable(text: &str) -> String {
    format!(
        "cannot read review interval `{text}`; write a number and a unit, \
         like `3 дни`, `2 седмици`, `1 месец` or `1 week`"
    )
}

/// Returns whether a minus sign (`-` or `−`) starts a number, as in `-3 дни`.
/// A hyphen between two numbers, as in `1-2 weeks`, is not a minus sign.
fn has_negative_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(index, pair)| {
        let starts_token = index == 0 || !chars[index - 1].is_alphanumeric();
        matches!(pair[0], '-' | '\u{2212}') && pair[1].is_ascii_digit() && starts_token
    })
}

/// Splits into runs of digits and runs of letters, so `3дни` is `3`, `дни`.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    let mut digits = false;
    for (index, c) in text.char_indices() {
        let is_digit = c.is_ascii_digit();
        let is_word = is_alphanumeric(c);
        match start {
            Some(from) if !is_word || is_digit != digits => {
                tokens.push(&text[from..index]);
                start = is_word.then_some(index);
            }
            None if is_word => start = Some(index),
            _ => {}
        }
        digits = is_digit;
    }
    if let Some(from) = start {
        tokens.push(&text[from..]);
    }
    tokens
}

fn unit_days(token: &str) -> Option<u32> {
    UNITS
        .iter()
        .find(|(stem, _)| token.starts_with(stem))
        .map(|&(_, days)| days)
}

fn number(token: &str) -> Option<u32> {
    if token.bytes().all(|byte| byte.is_ascii_digit()) {
        // A number too large for u32 saturates, so the range check rejects it.
        return Some(token.parse().unwrap_or(u32::MAX));
    }
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == token)
        .map(|&(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_in_both_languages() {
        let cases = [
            ("1 ден", 1),
            ("3 дни", 3),
            ("1 седмица", 7),
            ("2 седмици", 14),
            ("1 месец", 30),
            ("2 месеца", 60),
            ("1 day", 1),
            ("3 days", 3),
            ("1 week", 7),
            ("1 month", 30),
            ("a week", 7),
            ("След 2 седмици", 14),
            ("3дни", 3),
            ("Day 3", 3),
            ("седмица", 7),
            ("една година", 365),
        ];
        for (text, days) in cases {
            assert_eq!(parse_interval(text), Ok(days), "interval {text:?}");
        }
    }

    #[test]
    fn unreadable_intervals_are_errors() {
        for text in [
            "",
            "скоро",
            "0 дни",
            "999999999999 days",
            "11 years",
            "-3 days",
        ] {
            assert!(parse_interval(text).is_err(), "interval {text:?}");
        }
    }

    #[test]
    fn negative_intervals_are_errors() {
        for text in [
            "-3 days",
            "−3 дни",
            "След -2 седмици",
            "Day -1",
            "(-3 days)",
        ] {
            let result = parse_interval(text);
            assert!(result.is_err(), "interval {text:?} gave {result:?}");
            let message = result.unwrap_err();
            assert!(
                message.contains("is negative"),
                "interval {text:?}: {message}"
            );
        }
        assert_eq!(parse_interval("1-2 weeks"), Ok(14));
    }
}
