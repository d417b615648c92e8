//! Lesson text made safe for the terminal: removal of control characters
//! and escape sequences, and inline Markdown turned into styled spans.
//! Wrapping by display width is in [`super::wrap`].

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;

/// Spaces that replace one tab, because a terminal's tab stops would move
/// the text away from the cells ratatui assigned it.
const TAB_SPACES: &str = "    ";

/// Removes everything from `text` that a terminal would interpret instead of
/// print: C0 and C1 control characters, DEL, whole escape sequences (CSI,
/// OSC, DCS, SOS, PM, APC and two-byte ones) and the bidirectional override
/// and isolate characters that reorder the visible text. Tabs become four
/// spaces; line breaks become one space, so split multi-line text into lines
/// before sanitizing each. Returns `text` unchanged, without allocating, when
/// there is nothing to remove.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_sanitizing) {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => clean.push_str(TAB_SPACES),
            '\n' | '\r' => clean.push(' '),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if needs_sanitizing(c) => {}
            c => clean.push(c),
        }
    }
    Cow::Owned(clean)
}

fn needs_sanitizing(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional embedding, override and isolate controls (U+202A..U+202E,
/// U+2066..U+2069) that can make displayed text differ from its content.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence whose ESC was just read.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // A two-character sequence such as ESC c (reset) or ESC 7.
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte
/// (`@` to `~`), or up to anything that cannot be part of a CSI sequence.
fn skip_until_final(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{3f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Skips an OSC, DCS, SOS, PM or APC string up to its terminator: BEL,
/// ESC `\` or the C1 string terminator U+009C. An unterminated string runs to
/// the end of the text, as a terminal would swallow it too.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

/// Converts inline Markdown (as lesson fields store it) into one styled,
/// sanitized line: bold, italic and links styled, inline code in the code
/// style, soft and hard breaks joined by a space.
//
// TODO: use `lesson::inline::spans` from the lesson parser once it exists,
// so the reader and the cards style text the same way. This local pass
// parses `text` as a Markdown paragraph, so a leading `1.` or `-` turns
// into a list marker and is dropped.
pub fn inline_line(text: &str, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut bold = 0_u32;
    let mut italic = 0_u32;
    let mut link = 0_u32;
    // Sanitize before parsing too: the parser splits text at `[`, which would
    // leave the tail of an escape sequence in a separate text event.
    let source = sanitize(text);
    for event in Parser::new(&source) {
        let style = inline_style(theme, bold > 0, italic > 0, link > 0);
        match event {
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { .. }) => link += 1,
            Event::End(TagEnd::Link) => link = link.saturating_sub(1),
            Event::Text(text) | Event::InlineHtml(text) | Event::Html(text) => {
                spans.push(Span::styled(sanitize(&text).into_owned(), style));
            }
            Event::Code(code) => {
                spans.push(Span::styled(sanitize(&code).into_owned(), theme.code));
            }
            Event::SoftBreak | Event::HardBreak => spans.push(Span::styled(" ", style)),
            _ => {}
        }
    }
    Line::from(spans)
}

fn inline_style(theme: &Theme, bold: bool, italic: bool, link: bool) -> Style {
    let mut style = theme.text;
    if bold {
        style = style.patch(theme.bold);
    }
    if italic {
        style = style.patch(theme.italic);
    }
    if link {
        style = style.patch(theme.link);
    }
    style
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    #[test]
    fn inline_markdown_is_styled() {
        let theme = Theme::monochrome();
        let line = inline_line("**Флегма** е *част* от `пара`", &theme);
        assert_eq!(line.to_string(), "Флегма е част от пара");
        assert_eq!(line.spans[0].style, theme.bold);
        assert!(line.spans[2].style.add_modifier.contains(Modifier::ITALIC));
        assert_eq!(line.spans[4].style, theme.code);
    }

    #[test]
    fn inline_escapes_never_survive() {
        let theme = Theme::monochrome();
        let line = inline_line("a \u{1b}[2J `b\u{1b}]0;x\u{7}` **c\u{9b}1m**", &theme);
        assert_eq!(line.to_string(), "a  b c");
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Дестилацията разделя „смеси“ — 78 °C";
        assert!(matches!(sanitize(text), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_sequences_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31;1mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}[2J\u{1b}[H"), "x");
        assert_eq!(sanitize("c1\u{9b}31mcsi"), "c1csi");
    }

    #[test]
    fn osc_title_and_hyperlink_are_removed() {
        assert_eq!(sanitize("\u{1b}]0;pwned\u{7}title"), "title");
        assert_eq!(
            sanitize("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
    }

    #[test]
    fn dcs_and_unterminated_strings_are_removed() {
        assert_eq!(sanitize("a\u{1b}Pq#0;2\u{1b}\\b"), "ab");
        assert_eq!(sanitize("a\u{1b}]52;c;c2VjcmV0"), "a");
    }

    #[test]
    fn two_byte_escapes_are_removed() {
        assert_eq!(sanitize("a\u{1b}cb\u{1b}7c"), "abc");
    }

    #[test]
    fn controls_and_bidi_are_removed() {
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{7f}d\u{85}e"), "abcde");
        assert_eq!(sanitize("abc\u{202e}fed\u{2066}x\u{2069}"), "abcfedx");
    }

    #[test]
    fn tabs_and_newlines_become_spaces() {
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\r\nb\nc"), "a  b c");
    }

    #[test]
    fn joiners_and_combining_marks_are_kept() {
        let text = "e\u{301} a\u{200d}b c\u{200b}d";
        assert_eq!(sanitize(text), text);
    }
}
