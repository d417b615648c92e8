//! Text keys for comparing answers: inline Markdown removed, Unicode NFC,
//! lowercase, one space between words, and no punctuation around the text.

use unicode_normalization::UnicodeNormalization;

/// Returns `text` with inline Markdown markers removed: backticks, emphasis
/// asterisks and link targets (`[label](url)` becomes `label`).
// TODO: use `lesson::inline::plain` once the lesson parser provides it, so
// the quiz and the screens strip markup the same way.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ch) = rest.chars().next() {
        if ch == '['
            && let Some((label, after)) = split_link(rest)
        {
            out.push_str(label);
            rest = after;
            continue;
        }
        if ch != '`' && ch != '*' {
            out.push(ch);
        }
        rest = &rest[ch.len_utf8()..];
    }
    out
}

/// Splits `[label](target)rest` into `label` and `rest`.
fn split_link(text: &str) -> Option<(&str, &str)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.contains('[') {
        return None;
    }
    let after_paren = &text[close + 2..];
    let end = after_paren.find(')')?;
    Some((label, &after_paren[end + 1..]))
}

/// Returns the key under which two answers count as the same: `text` as plain
/// text in Unicode NFC and lowercase, with dashes unified, quotation marks
/// removed, runs of whitespace (the no-break space too) collapsed to one
/// space, and punctuation trimmed from both ends.
///
/// Text made only of punctuation keeps its punctuation, so its key is not
/// empty.
pub fn match_key(text: &str) -> String {
    let spaced = collapse_spaces(&unify_marks(&plain(text)));
    let trimmed = spaced.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        spaced
    } else {
        trimmed.to_string()
    }
}

fn unify_marks(text: &str) -> String {
    text.nfc()
        .flat_map(char::to_lowercase)
        .filter(|c| !is_quotation_mark(*c))
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect()
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn plain_removes_code_emphasis_and_links() {
        assert_eq!(plain("`softmax` с **T**"), "softmax с T");
        assert_eq!(
            plain("see [the column](https://x.org/a) here"),
            "see the column here"
        );
        assert_eq!(plain("a [b] c"), "a [b] c");
    }

    #[test]
    fn match_key_normalizes_case_space_and_punctuation() {
        assert_eq!(match_key("  Рефлукс.  "), "рефлукс");
        assert_eq!(match_key("„Мек\u{00A0}етикет“!"), "мек етикет");
        assert_eq!(match_key("Ethanol – Water"), "ethanol - water");
        assert_eq!(match_key("?!"), "?!");
    }

    #[test]
    fn match_key_composes_decomposed_letters() {
        // "й" as "и" followed by a combining breve.
        assert_eq!(match_key("И\u{0306}он"), "йон");
    }
}
