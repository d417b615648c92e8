//! Inline Markdown text: plain-text extraction and styled spans.
//!
//! Lesson text fields hold inline Markdown as written. [`plain`] removes the
//! markup (for answer matching and comparisons); [`spans`] splits the text
//! into runs with one [`SpanKind`] each, for a renderer to style. Both drop
//! control characters, so escape sequences in a lesson never reach a
//! terminal.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::tree::MARKDOWN_OPTIONS;

/// How a run of text is styled.
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
    spans(text).into_iter().map(|span| span.text).collect()
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
    use super::*;

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
