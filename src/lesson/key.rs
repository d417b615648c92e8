//! The normalized form of a card front, used for card identity and to find
//! duplicate terms and questions.

use unicode_normalization::UnicodeNormalization;

/// Normalizes `text` for comparison: lowercased, Unicode NFC, trimmed, and
/// every run of whitespace (including non-breaking spaces) collapsed to one
/// space. Markup is kept; pass [`super::inline::plain`] output to compare
/// without it.
///
/// NOTE: lowercasing uses Rust's `str::to_lowercase`, not full Unicode case
/// folding, so `ß` and `SS` stay different.
pub fn normalize_key(text: &str) -> String {
    let lowered = text.to_lowercase();
    let mut key = String::with_capacity(lowered.len());
    for word in lowered.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.nfc());
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_key_folds_case_space_and_form() {
        assert_eq!(normalize_key("  Скала\u{a0} (Scale)\n"), "скала (scale)");
        assert_eq!(normalize_key("Cafe\u{301}"), normalize_key("CAFÉ"));
        assert_eq!(normalize_key(""), "");
    }
}
