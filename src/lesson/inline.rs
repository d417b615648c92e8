//! Inline Markdown text: plain-text extraction and styled spans.
//!
//! Lesson text fields hold inline Markdown as written. [`plain`] removes the
//! markup (for answer matching and comparisons); [`spans`] splits the text
//! into runs with one [`SpanKind`] each, for a renderer to style. Both drop
//! control characters, so escape sequences in a lesson never reach a
//! terminal.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::tree::MARKDOWN_OPTIONS;

/// Style of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Plain,
    Strong,
    Emphasis,
    /// Inline code: shown as code, never reflowed.
    Code,
    /// The visible text of a link.
    Link,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub text: String,
    pub kind: SpanKind,
}

/// Returns `text` with Markdown markup removed: emphasis marks, code
/// backticks, link targets and HTML dropped, escapes and entities resolved.
///
/// ```
/// assert_eq!(distill::lesson::inline::plain("**Скала** и `int8` [тук](x)"), "Скала и int8 тук");
/// ```
pub fn plain(text: &str) -> String {
    plain_text(text).into_owned()
}

/// Returns [`plain`] text, borrowing `text` when it has no markup.
///
/// Text whose only markup is code spans skips pulldown-cmark: the span
/// rules are simple enough to apply directly (see [`strip_code_spans`]).
pub(super) fn plain_text(text: &str) -> Cow<'_, str> {
    match scan_markup(text) {
        Markup::None => Cow::Borrowed(text),
        Markup::CodeSpans => Cow::Owned(strip_code_spans(text)),
        Markup::Other => Cow::Owned(spans(text).into_iter().map(|span| span.text).collect()),
    }
}

/// The markup of a text, as far as [`plain_text`] needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// Nothing that [`spans`] would change.
    None,
    /// Backticks, which can form code spans, and nothing else.
    CodeSpans,
    Other,
}

/// Returns whether `text` has nothing that [`spans`] would change: no
/// character that can start inline markup, no control character and no
/// whitespace at either end (which a paragraph drops).
#[cfg(test)]
fn has_no_markup(text: &str) -> bool {
    scan_markup(text) == Markup::None
}

/// Returns whether the only markup in `text` is backticks, so that it can
/// hold code spans but nothing else [`spans`] would change.
#[cfg(test)]
fn has_no_markup_but_code(text: &str) -> bool {
    scan_markup(text) != Markup::Other
}

/// Finds the markup in `text` in one pass over its bytes. Whitespace at
/// either end counts as markup because a paragraph drops it.
fn scan_markup(text: &str) -> Markup {
    if !is_trimmed(text) {
        return Markup::Other;
    }
    let bytes = text.as_bytes();
    let mut markup = Markup::None;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'`' => markup = Markup::CodeSpans,
            // `char::is_control` also accepts the C1 controls, U+0080 to
            // U+009F, which UTF-8 encodes as `C2 80` to `C2 9F`.
            0xc2 if bytes.get(index + 1).is_some_and(|&next| next < 0xa0) => {
                return Markup::Other;
            }
            _ if is_markup(byte) => return Markup::Other,
            _ => {}
        }
    }
    markup
}

/// Returns whether `byte` can start inline markup other than a code span,
/// or is an ASCII control character. Every such character is ASCII, so
/// testing bytes finds them.
fn is_markup(byte: u8) -> bool {
    matches!(
        byte,
        b'*' | b'_' | b'[' | b']' | b'!' | b'<' | b'>' | b'&' | b'\\'
    ) || byte.is_ascii_control()
}

fn is_trimmed(text: &str) -> bool {
    text.trim_matches(|c: char| c == ' ' || c == '\t').len() == text.len()
}

/// Removes code-span backticks by CommonMark's rules. A run of backticks
/// opens a span that the next run of the same length closes, and a run
/// that is never closed is literal text. When a span's content starts and
/// ends with a space and is not all spaces, one space goes from each end.
/// Escapes need no handling because the input has no backslash.
fn strip_code_spans(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let ticks = backtick_run(&rest[open..]);
        let after = &rest[open + ticks..];
        match find_backtick_run(after, ticks) {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push_str(code_span_content(&after[..close]));
                rest = &after[close + ticks..];
            }
            None => {
                out.push_str(&rest[..open + ticks]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Returns the length of the run of backticks at the start of `text`.
fn backtick_run(text: &str) -> usize {
    text.bytes().take_while(|&byte| byte == b'`').count()
}

/// Returns the offset of the first run of exactly `ticks` backticks.
fn find_backtick_run(text: &str, ticks: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = text[from..].find('`') {
        let start = from + offset;
        let run = backtick_run(&text[start..]);
        if run == ticks {
            return Some(start);
        }
        from = start + run;
    }
    None
}

fn code_span_content(code: &str) -> &str {
    let all_spaces = code.bytes().all(|byte| byte == b' ');
    match code
        .strip_prefix(' ')
        .and_then(|inner| inner.strip_suffix(' '))
    {
        Some(inner) if !all_spaces => inner,
        _ => code,
    }
}

/// Splits `text` into styled runs. Nested styles take the strongest kind,
/// in the order code, link, strong, emphasis. Neighboring runs of the same
/// kind are merged.
pub fn spans(text: &str) -> Vec<Span> {
    let mut builder = SpanBuilder::default();
    let source = inline_document(text);
    for event in Parser::new_ext(&source, MARKDOWN_OPTIONS) {
        builder.push(event);
    }
    builder.spans
}

/// Wraps one line of inline Markdown so that pulldown-cmark reads it as a
/// paragraph and never as a heading, list, quote or code block.
///
/// A leading non-breaking space stops block markers (`# `, `1. `, `> `,
/// indentation) from being recognized. It counts as whitespace for the
/// emphasis rules, as the start of a line does, so it changes no inline
/// markup. [`SpanBuilder`] removes it again.
fn inline_document(text: &str) -> String {
    let mut source = String::with_capacity(text.len() + 2);
    source.push(LEAD);
    source.extend(
        text.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    source
}

const LEAD: char = '\u{a0}';

#[derive(Debug, Default)]
struct SpanBuilder {
    spans: Vec<Span>,
    strong: usize,
    emphasis: usize,
    link: usize,
    lead_removed: bool,
}

impl SpanBuilder {
    fn push(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.emphasis += 1,
            Event::End(TagEnd::Emphasis) => self.emphasis = self.emphasis.saturating_sub(1),
            Event::Start(Tag::Link { .. }) => self.link += 1,
            Event::End(TagEnd::Link) => self.link = self.link.saturating_sub(1),
            Event::Text(text) => {
                let kind = self.current_kind();
                self.add(&text, kind);
            }
            Event::Code(code) => self.add(&code, SpanKind::Code),
            Event::SoftBreak | Event::HardBreak => self.add(" ", self.current_kind()),
            _ => {}
        }
    }

    fn current_kind(&self) -> SpanKind {
        if self.link > 0 {
            SpanKind::Link
        } else if self.strong > 0 {
            SpanKind::Strong
        } else if self.emphasis > 0 {
            SpanKind::Emphasis
        } else {
            SpanKind::Plain
        }
    }

    fn add(&mut self, text: &str, kind: SpanKind) {
        let mut text = text;
        if !self.lead_removed {
            self.lead_removed = true;
            text = text.strip_prefix(LEAD).unwrap_or(text);
        }
        let clean: String = text
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        if clean.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&clean),
            _ => self.spans.push(Span { text: clean, kind }),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn code_span_shortcut_matches_parser(
            text in "[aя`.]([aя `.]{0,30}[aя`.])?"
        ) {
            prop_assume!(has_no_markup_but_code(&text));
            let parsed: String = spans(&text).into_iter().map(|span| span.text).collect();
            prop_assert_eq!(strip_code_spans(&text), parsed);
        }
    }

    proptest! {
        #[test]
        fn markup_test_matches_char_definition(
            text in "[a я`*_!<>&\\\\\\[\\]\t\u{1}\u{7f}-\u{a1}\u{2013}]{0,12}"
        ) {
            let markup = |c: char| "*_[]!<>&\\".contains(c) || c.is_control();
            let trimmed = text.trim_matches(|c: char| c == ' ' || c == '\t').len() == text.len();
            let expected = trimmed && !text.contains(|c| markup(c) || c == '`');
            prop_assert_eq!(has_no_markup(&text), expected);
            prop_assert_eq!(has_no_markup_but_code(&text), trimmed && !text.contains(markup));
        }
    }

    proptest! {
        #[test]
        fn plain_shortcut_matches_parser(text in "[a-zа-я0-9 .,:;?()„“'\"#+=|~\u{a0}-]{0,40}") {
            prop_assume!(has_no_markup(&text));
            let parsed: String = spans(&text).into_iter().map(|span| span.text).collect();
            prop_assert_eq!(plain(&text), parsed);
        }
    }

    fn span(text: &str, kind: SpanKind) -> Span {
        Span {
            text: text.to_owned(),
            kind,
        }
    }

    #[test]
    fn plain_removes_markup() {
        assert_eq!(
            plain("**a** *b* `c` [d](http://e) \\* &amp;"),
            "a b c d * &"
        );
    }

    #[test]
    fn plain_keeps_block_markers_as_text() {
        assert_eq!(plain("# not a heading"), "# not a heading");
        assert_eq!(plain("1. not a list"), "1. not a list");
        assert_eq!(plain("    indented"), "    indented");
        assert_eq!(plain("> quoted"), "> quoted");
    }

    #[test]
    fn plain_drops_control_characters() {
        assert_eq!(plain("a\u{1b}[31mb"), "a[31mb");
    }

    #[test]
    fn spans_carry_styles() {
        assert_eq!(
            spans("Use `int8` for **speed**, see [docs](x)."),
            vec![
                span("Use ", SpanKind::Plain),
                span("int8", SpanKind::Code),
                span(" for ", SpanKind::Plain),
                span("speed", SpanKind::Strong),
                span(", see ", SpanKind::Plain),
                span("docs", SpanKind::Link),
                span(".", SpanKind::Plain),
            ]
        );
    }

    #[test]
    fn spans_of_leading_emphasis() {
        assert_eq!(
            spans("_a_ b"),
            vec![span("a", SpanKind::Emphasis), span(" b", SpanKind::Plain)]
        );
    }
}
