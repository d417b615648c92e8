//! Normalization of the text that identifies a card.

use unicode_normalization::UnicodeNormalization;

/// Normalizes card key text: Unicode NFC, trimmed, runs of whitespace
/// collapsed to one space, and lowercased, so whitespace or case edits keep
/// a card's id.
pub fn normalize_key(text: &str) -> String {
    let composed: String = text.nfc().collect();
    let words: Vec<&str> = composed.split_whitespace().collect();
    words.join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_case() {
        assert_eq!(normalize_key("  Soft\u{a0}Targets \n x "), "soft targets x");
    }

    #[test]
    fn composes_combining_marks() {
        // "й" written as и + combining breve equals the precomposed letter.
        assert_eq!(normalize_key("И\u{306}"), normalize_key("Й"));
        assert_eq!(normalize_key("Й"), "й");
    }

    #[test]
    fn keeps_punctuation() {
        assert_eq!(normalize_key("„Учител“ (Teacher)"), "„учител“ (teacher)");
    }
}
