//! The key under which two typed answers count as the same.

use crate::lesson::inline::plain;
use crate::lesson::normalize_key;

/// Returns the key under which two answers count as the same: the
/// [`normalize_key`] of `text` as plain text, with dashes unified, quotation
/// marks removed, and punctuation trimmed from both ends.
///
/// Text made only of punctuation keeps its punctuation, so its key is not
/// empty.
pub fn match_key(text: &str) -> String {
    let unified: String = plain(text)
        .chars()
        .filter(|c| !is_quotation_mark(*c))
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect();
    let normalized = normalize_key(&unified);
    let trimmed = normalized.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        normalized
    } else {
        trimmed.trim().to_string()
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn is_quotation_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_key_normalizes_case_space_and_punctuation() {
        assert_eq!(match_key("  Рефлукс.  "), "рефлукс");
        assert_eq!(match_key("„Мек\u{00A0}етикет“!"), "мек етикет");
        assert_eq!(match_key("Ethanol – Water"), "ethanol - water");
        assert_eq!(match_key("`soft targets`"), "soft targets");
        assert_eq!(match_key("?!"), "?!");
    }

    #[test]
    fn match_key_composes_decomposed_letters() {
        // "й" as "и" followed by a combining breve.
        assert_eq!(match_key("И\u{0306}он"), "йон");
    }
}
