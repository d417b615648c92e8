//! The normalized form of a card front, used for card identity and to find
//! duplicate terms and questions. Its table-free lowercasing and character
//! tests also serve to match section names and labels.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalizes `text` for comparison: lowercased, Unicode NFC, trimmed, and
/// every run of whitespace (including non-breaking spaces) collapsed to one
/// space. Markup is kept; pass [`super::inline::plain`] output to compare
/// without it.
///
/// NOTE: lowercasing uses Rust's `str::to_lowercase`, not full Unicode case
/// folding, so `ß` and `SS` stay different.
pub fn normalize_key(text: &str) -> String {
    simple_key(text).unwrap_or_else(|| full_key(text))
}

/// Builds the key in one pass when [`lower_simple`] maps every character.
/// Every character it returns other than whitespace is its own NFC form
/// with combining class 0, so NFC leaves such text unchanged. Returns
/// `None` for text with any other character.
fn simple_key(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut key = KeyBuilder::new(text);
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let next = bytes.get(index + 1).copied().unwrap_or(0);
        let width = match byte {
            b'a'..=b'z' | b'0'..=b'9' => {
                key.keep();
                1
            }
            // Lowercase basic Cyrillic: U+0430 to U+043F (`D0 B0` to
            // `D0 BF`) and U+0440 to U+045F (`D1 80` to `D1 9F`).
            0xd0 if next >= 0xb0 => {
                key.keep();
                2
            }
            0xd1 if next < 0xa0 => {
                key.keep();
                2
            }
            _ => {
                let c = text[index..].chars().next()?;
                key.push(index, c)?
            }
        };
        index += width;
    }
    Some(key.finish())
}

/// The key that [`simple_key`] builds. Characters that lowercasing keeps
/// are copied in runs, and the others are pushed one at a time.
struct KeyBuilder<'t> {
    text: &'t str,
    key: String,
    /// Start of the run of characters read but not yet copied.
    copied: usize,
    space_pending: bool,
}

impl<'t> KeyBuilder<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            key: String::with_capacity(text.len()),
            copied: 0,
            space_pending: false,
        }
    }

    /// Adds the character `c` at byte `index` and returns its width in
    /// bytes. Returns `None` when [`lower_simple`] does not map it.
    fn push(&mut self, index: usize, c: char) -> Option<usize> {
        let width = c.len_utf8();
        if c.is_whitespace() {
            self.push_space(index, width);
            return Some(width);
        }
        let lower = lower_simple(c)?;
        if lower == c {
            self.keep();
        } else {
            self.replace(index, width, lower);
        }
        Some(width)
    }

    /// Keeps the current character in the run.
    fn keep(&mut self) {
        if self.space_pending {
            self.key.push(' ');
            self.space_pending = false;
        }
    }

    fn replace(&mut self, index: usize, width: usize, lower: char) {
        self.keep();
        self.key.push_str(&self.text[self.copied..index]);
        self.key.push(lower);
        self.copied = index + width;
    }

    fn push_space(&mut self, index: usize, width: usize) {
        self.key.push_str(&self.text[self.copied..index]);
        self.copied = index + width;
        self.space_pending = !self.key.is_empty();
    }

    fn finish(mut self) -> String {
        self.key.push_str(&self.text[self.copied..]);
        self.key
    }
}

fn full_key(text: &str) -> String {
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
pub(super) fn to_lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut lowered = String::with_capacity(text.len());
    // Characters from `copied` on are already lowercase and are copied in
    // one piece when the run ends.
    let mut copied = 0;
    for (index, c) in text.char_indices() {
        match lower_simple(c) {
            Some(lower) if lower == c => {}
            Some(lower) => {
                lowered.push_str(&text[copied..index]);
                lowered.push(lower);
                copied = index + c.len_utf8();
            }
            None => return text.to_lowercase(),
        }
    }
    lowered.push_str(&text[copied..]);
    lowered
}

/// Returns whether `text` lowercased by [`to_lowercase`] equals `lower`,
/// without building the lowercase text when every character is one that
/// [`lower_simple`] maps.
pub(super) fn lowercase_eq(text: &str, lower: &str) -> bool {
    let mut expected = lower.chars();
    for c in text.chars() {
        // Only the Greek final sigma lowercases by context, and it is not
        // a simple character, so a mismatch in the simple prefix is final.
        match lower_simple(c) {
            Some(lowered) if expected.next() == Some(lowered) => {}
            Some(_) => return false,
            None => return to_lowercase(text) == lower,
        }
    }
    expected.next().is_none()
}

/// Returns `c.is_alphanumeric()`, without a table lookup for ASCII and
/// basic Cyrillic (U+0400 to U+045F, all letters).
pub(super) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{400}'..='\u{45f}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Lowercases one character of ASCII, basic Cyrillic or caseless
/// punctuation without tables. Returns `None` for any other character.
fn lower_simple(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
        '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50),
        '\0'..='\u{7f}' | 'а'..='\u{45f}' | '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' => {
            Some(c)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_normalization::char::canonical_combining_class;

    use super::*;

    proptest! {
        #[test]
        fn lowercase_matches_std_on_any_text(
            text in "[\\u{0}-\\u{7f}\\u{400}-\\u{45f}\\u{a0}-\\u{bf}\\u{2000}-\\u{206f}Σß]{0,30}"
        ) {
            prop_assert_eq!(to_lowercase(&text), text.to_lowercase());
        }
    }

    proptest! {
        #[test]
        fn simple_key_matches_full_key(
            text in "[ a-zA-Z0-9.,:()\\t\\n\u{a0}-\u{bf}\u{400}-\u{45f}\u{2000}-\u{206f}]{0,30}"
        ) {
            prop_assert_eq!(simple_key(&text), Some(full_key(&text)));
        }

        #[test]
        fn normalize_key_matches_full_key(
            text in "[ aZ9\\t\u{85}\u{a0}\u{c9}\u{301}\u{3a3}\u{400}-\u{4ff}\u{2000}-\u{2010}]{0,20}"
        ) {
            prop_assert_eq!(normalize_key(&text), full_key(&text));
        }
    }

    #[test]
    fn simple_characters_are_stable_under_nfc() {
        let simple = (0..=0x206f)
            .filter_map(char::from_u32)
            .filter_map(lower_simple)
            .filter(|c| !c.is_whitespace());
        for c in simple {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn simple_key_rejects_other_characters() {
        assert_eq!(simple_key(" Мост\u{a0}ЍЁ "), Some("мост ѝё".to_owned()));
        assert_eq!(simple_key("Café"), None);
        assert_eq!(simple_key("Cafe\u{301}"), None);
        assert_eq!(simple_key("ΟΔΟΣ"), None);
    }

    #[test]
    fn lowercase_eq_matches_to_lowercase() {
        let cases = [
            ("Фокус", "фокус", true),
            ("ФОКУС", "фокус", true),
            ("Фокус", "фоку", false),
            ("Фоку", "фокус", false),
            ("TASK", "task", true),
            ("ΟΔΟΣ", "οδος", true),
            ("ΟΔΟΣ", "οδοσ", false),
            ("", "", true),
        ];
        for (text, lower, expected) in cases {
            assert_eq!(lowercase_eq(text, lower), expected, "{text:?} {lower:?}");
            assert_eq!(to_lowercase(text) == lower, expected, "{text:?} {lower:?}");
        }
    }

    #[test]
    fn is_alphanumeric_matches_std() {
        for c in (0..=0x500).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
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
