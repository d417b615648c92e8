//! The normalized form of a card front, used for card identity and to find
//! duplicate terms and questions.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalizes `text` for comparison: lowercased, Unicode NFC, trimmed, and
/// every run of whitespace (including non-breaking spaces) collapsed to one
/// space. Markup is kept; pass [`super::inline::plain`] output to compare
/// without it.
///
/// NOTE: lowercasing uses Rust's `str::to_lowercase`, not full Unicode case
/// folding, so `ß` and `SS` stay different.
pub fn normalize_key(text: &str) -> String {
    let lowered = to_lowercase(text);
    if is_nfc_quick(lowered.chars()) == IsNormalized::Yes {
        return lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut key = String::with_capacity(lowered.len());
    for word in lowered.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.nfc());
    }
    key
}

/// Lowercases like `str::to_lowercase`, with a table-free path for text that
/// is all ASCII, basic Cyrillic (U+0400 to U+045F) or caseless punctuation,
/// which is what lessons in English and Bulgarian contain. Any other
/// character sends the whole text through `str::to_lowercase`, which handles
/// context rules such as the Greek final sigma.
fn to_lowercase(text: &str) -> String {
    let mut lowered = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match c {
            'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
            '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50),
            '\0'..='\u{7f}' | 'а'..='\u{45f}' | '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' => {
                Some(c)
            }
            _ => None,
        };
        match mapped {
            Some(lower) => lowered.push(lower),
            None => return text.to_lowercase(),
        }
    }
    lowered
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn lowercase_matches_std_on_any_text(
            text in "[\\u{0}-\\u{7f}\\u{400}-\\u{45f}\\u{a0}-\\u{bf}\\u{2000}-\\u{206f}Σß]{0,30}"
        ) {
            prop_assert_eq!(to_lowercase(&text), text.to_lowercase());
        }
    }

    #[test]
    fn normalize_key_folds_case_space_and_form() {
        assert_eq!(normalize_key("  Скала\u{a0} (Scale)\n"), "скала (scale)");
        assert_eq!(normalize_key("Cafe\u{301}"), normalize_key("CAFÉ"));
        assert_eq!(normalize_key(""), "");
    }

    #[test]
    fn lowercase_shortcut_matches_std() {
        let samples = [
            "ABC xyz 019 !?",
            "ЁЖЗ ЀЍЏ ЂЃЄЅІЇЈЉЊЋЌЎ АБВ Я",
            "„Цитат“ – «тире» —\u{a0}°",
            "ΟΔΟΣ and ß and İ",
        ];
        for sample in samples {
            assert_eq!(
                to_lowercase(sample),
                sample.to_lowercase(),
                "sample {sample:?}"
            );
        }
    }
}
