//! Bold-term bullets (`- **Term** – definition`), used by Key Concepts and
//! Common Pitfalls, and the gloss at the end of a term.

use super::Concept;
use super::reader::{Reader, item_inlines};
use super::tree::{Inline, Node};

/// Dashes accepted between a term and its definition without a space after
/// them: en dash, em dash and minus sign.
const LONG_DASHES: &[char] = &['–', '—', '−'];

/// Hyphen separators, longest first so `--` is not read as `-`. These need a
/// space after them, so `**Term**-based` is not split.
const HYPHENS: &[&str] = &["---", "--", "-"];

/// The usual shape, for warnings.
const EXPECTED_SHAPE: &str = "expected `- **Term** – definition`";

/// The accepted separators, for warnings.
const SEPARATORS: &str = "(`–`, `—`, `-` or `:`)";

/// Reads one bullet as a term and its definition, or warns and returns
/// `None` when it has no term or no definition.
pub(super) fn read_term_item(reader: &mut Reader<'_>, item: Node<'_>) -> Option<Concept> {
    let line = reader.line(item.start());
    let mut inlines = item_inlines(item);
    let Some(head) = inlines.next() else {
        reader.warn(line, format!("empty bullet; {EXPECTED_SHAPE}"));
        return None;
    };
    let (term, mut definition) = split_term(reader, head, line)?;
    for paragraph in inlines {
        let more = reader.text(paragraph);
        if !more.is_empty() {
            if !definition.is_empty() {
                definition.push(' ');
            }
            definition.push_str(&more);
        }
    }
    if definition.is_empty() {
        reader.warn(
            line,
            format!("term `{term}` has no definition; {EXPECTED_SHAPE}"),
        );
        return None;
    }
    let gloss = gloss(&term).map(str::to_owned);
    Some(Concept {
        term,
        gloss,
        definition,
        line,
    })
}

/// Splits the first text of a bullet into term and definition.
fn split_term(reader: &mut Reader<'_>, head: &Inline, line: usize) -> Option<(String, String)> {
    let Some((term, rest)) = head.split_lead_strong() else {
        return split_plain_term(reader, head, line);
    };
    let term = reader.text_in(head, term);
    let rest = reader.text_in(head, rest);
    if let Some(term) = term.strip_suffix(':') {
        let term = term.trim_end();
        if is_empty_term(term) {
            reader.warn(line, empty_term_message());
            return None;
        }
        let rest = strip_separator(&rest).unwrap_or(&rest);
        return Some((term.to_owned(), rest.to_owned()));
    }
    if let Some(definition) = strip_separator(&rest) {
        return Some((term.into_owned(), definition.to_owned()));
    }
    if let Some(separator) = unknown_separator(&rest) {
        reader.warn(
            line,
            format!(
                "unknown separator `{separator}` after term `{term}`, so the bullet is \
                 skipped; {EXPECTED_SHAPE} {SEPARATORS}"
            ),
        );
        return None;
    }
    if !rest.is_empty() {
        reader.warn(
            line,
            format!(
                "no separator after term `{term}`, so the text after it is the \
                 definition; {EXPECTED_SHAPE} {SEPARATORS}"
            ),
        );
    }
    Some((term.into_owned(), rest.into_owned()))
}

/// Returns the first word of `rest` when it has no letters or digits, like
/// `~` or `=>`, because such a word is a separator the format rejects.
fn unknown_separator(rest: &str) -> Option<&str> {
    let word = rest.split_whitespace().next()?;
    (!word.chars().any(char::is_alphanumeric)).then_some(word)
}

/// Returns whether a term is blank or only emphasis markers, like the
/// `****` of an empty bold.
fn is_empty_term(term: &str) -> bool {
    term.chars()
        .all(|c| c.is_whitespace() || c == '*' || c == '_')
}

fn empty_term_message() -> String {
    format!("bullet has an empty term, so it is skipped; {EXPECTED_SHAPE}")
}

/// Splits a bullet whose term is not bold at its first separator.
fn split_plain_term(
    reader: &mut Reader<'_>,
    head: &Inline,
    line: usize,
) -> Option<(String, String)> {
    let text = reader.text(head);
    let found = [" – ", " — ", " - ", ": "]
        .iter()
        .filter_map(|sep| text.find(sep).map(|at| (at, sep.len())))
        .min();
    let Some((at, len)) = found else {
        reader.warn(
            line,
            format!("bullet has no bold term and no separator; {EXPECTED_SHAPE}"),
        );
        return None;
    };
    let term = text[..at].trim().to_owned();
    if is_empty_term(&term) {
        reader.warn(line, empty_term_message());
        return None;
    }
    reader.warn(line, format!("term `{term}` is not bold; {EXPECTED_SHAPE}"));
    Some((term, text[at + len..].trim().to_owned()))
}

/// Returns the text after a leading separator, or `None` without one.
/// Hyphens must be followed by a space; a colon or a long dash need not be.
pub(super) fn strip_separator(rest: &str) -> Option<&str> {
    let rest = rest.trim_start();
    if let Some(after) = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix(LONG_DASHES))
    {
        return Some(after.trim_start());
    }
    for dash in HYPHENS {
        if let Some(after) = rest.strip_prefix(dash)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            return Some(after.trim_start());
        }
    }
    None
}

/// Returns the parenthesized gloss at the end of a term, if it has one:
/// `Knowledge Distillation` for `Дистилация на знания (Knowledge Distillation)`.
/// A term that is wholly in parentheses has no gloss.
pub fn gloss(term: &str) -> Option<&str> {
    let body = term.trim_end().strip_suffix(')')?;
    let mut depth = 0usize;
    for (index, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let before = body[..index].trim();
                let inside = body[index + 1..].trim();
                return (!before.is_empty() && !inside.is_empty()).then_some(inside);
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gloss_takes_last_parenthesized_part() {
        assert_eq!(gloss("Скала (Scale)"), Some("Scale"));
        assert_eq!(
            gloss("Softmax (with (nested) parts) "),
            Some("with (nested) parts")
        );
        assert_eq!(gloss("(Scale)"), None);
        assert_eq!(gloss("Scale"), None);
        assert_eq!(gloss("Scale ()"), None);
        assert_eq!(gloss("f(x) value"), None);
    }

    #[test]
    fn separators_are_stripped() {
        assert_eq!(strip_separator(" – def"), Some("def"));
        assert_eq!(strip_separator(" — def"), Some("def"));
        assert_eq!(strip_separator(" - def"), Some("def"));
        assert_eq!(strip_separator(" -- def"), Some("def"));
        assert_eq!(strip_separator(": def"), Some("def"));
        assert_eq!(strip_separator(":def"), Some("def"));
        assert_eq!(strip_separator("–def"), Some("def"));
        assert_eq!(strip_separator("-based"), None);
        assert_eq!(strip_separator(" def"), None);
    }
}
