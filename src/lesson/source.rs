//! The lesson text after decoding, with line numbers and the inline-text
//! extraction that every text field goes through.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

/// Decoded lesson text plus the position of the last line lookup.
#[derive(Debug)]
pub(super) struct Source<'a> {
    pub text: &'a str,
    /// The last byte offset looked up and its line. The parser looks up
    /// lines mostly in document order, so counting the newlines since the
    /// last lookup costs about one pass over the text in all.
    last_lookup: Cell<(usize, usize)>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            last_lookup: Cell::new((0, 1)),
        }
    }

    /// Returns the 1-based line that contains byte `offset`. Offsets past
    /// the end count as the last line.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let bytes = self.text.as_bytes();
        let (last_offset, last_line) = self.last_lookup.get();
        let line = if offset >= last_offset {
            last_line + count_newlines(&bytes[last_offset..offset])
        } else {
            last_line - count_newlines(&bytes[offset..last_offset])
        };
        self.last_lookup.set((offset, line));
        line
    }

    /// Returns the inline Markdown in `range` as one line: each source line
    /// is trimmed of indentation, block-quote markers and hard-break marks,
    /// and lines are joined by one space. Byte ranges in `holes` (HTML
    /// comments) are left out. Text on one line without holes is borrowed.
    pub fn inline_text(&self, range: Range<usize>, holes: &[Range<usize>]) -> Cow<'a, str> {
        let text = &self.text[range.clone()];
        if holes.is_empty() && !contains_byte(text.as_bytes(), b'\n') {
            return Cow::Borrowed(clean_line(text, true, true));
        }
        let mut out = String::with_capacity(range.len());
        let mut start = range.start;
        for hole in holes {
            if hole.start >= range.end || hole.end <= start {
                continue;
            }
            join_lines(&self.text[start..hole.start.max(start)], &mut out);
            start = hole.end;
        }
        if start < range.end {
            join_lines(&self.text[start..range.end], &mut out);
        }
        Cow::Owned(out)
    }
}

/// Returns whether `bytes` contains `needle`. The fixed-size chunks let the
/// compiler compare many bytes per instruction, which makes this faster
/// than `memchr` on short text and on text without the byte.
pub(super) fn contains_byte(bytes: &[u8], needle: u8) -> bool {
    bytes.chunks(64).any(|chunk| {
        chunk
            .iter()
            .fold(false, |found, &byte| found | (byte == needle))
    })
}

/// Counts `\n` bytes. Each chunk sums into a `u8`, which the compiler turns
/// into wide vector compares, several times faster than counting into a
/// `usize`.
fn count_newlines(bytes: &[u8]) -> usize {
    let count_chunk = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(0u8, |count, &byte| count + u8::from(byte == b'\n'))
    };
    bytes
        .chunks(usize::from(u8::MAX))
        .map(|chunk| usize::from(count_chunk(chunk)))
        .sum()
}

/// Appends the lines of `text` to `out`, one space between pieces.
fn join_lines(text: &str, out: &mut String) {
    let mut lines = text.split('\n').enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let is_last = lines.peek().is_none();
        let piece = clean_line(line, index == 0, is_last);
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

/// Trims one source line to its inline content. Only spaces and tabs are
/// trimmed, so non-breaking spaces that the author wrote are kept. A line
/// after the first may start with block-quote markers, which are dropped.
fn clean_line(line: &str, is_first: bool, is_last: bool) -> &str {
    let mut piece = line.trim_matches(is_blank);
    if !is_first {
        while let Some(rest) = piece.strip_prefix('>') {
            piece = rest.trim_start_matches(is_blank);
        }
    }
    if !is_last && ends_with_hard_break_backslash(piece) {
        piece = piece[..piece.len() - 1].trim_end_matches(is_blank);
    }
    piece
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Returns whether `line` ends in a hard-break backslash. An odd number of
/// trailing backslashes ends in one, and an even number is escaped backslashes.
fn ends_with_hard_break_backslash(line: &str) -> bool {
    let count = line.bytes().rev().take_while(|&byte| byte == b'\\').count();
    count % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_counts_from_one() {
        let source = Source::new("a\nb\n\nc");
        assert_eq!(source.line_of(0), 1);
        assert_eq!(source.line_of(1), 1);
        assert_eq!(source.line_of(2), 2);
        assert_eq!(source.line_of(4), 3);
        assert_eq!(source.line_of(5), 4);
    }

    #[test]
    fn line_of_looks_back_and_past_the_end() {
        let source = Source::new("a\nb\n\nc");
        assert_eq!(source.line_of(6), 4);
        assert_eq!(source.line_of(2), 2);
        assert_eq!(source.line_of(0), 1);
        assert_eq!(source.line_of(99), 4);
        assert_eq!(source.line_of(3), 2);
    }

    #[test]
    fn inline_text_joins_lines_with_one_space() {
        let text = "one  \n   two\\\n  three\u{a0}\n";
        let source = Source::new(text);
        assert_eq!(
            source.inline_text(0..text.len(), &[]),
            "one two three\u{a0}"
        );
    }

    #[test]
    fn inline_text_skips_holes() {
        let text = "keep <!-- drop\nthis --> rest";
        let source = Source::new(text);
        let holes = [Range { start: 5, end: 24 }];
        assert_eq!(source.inline_text(0..text.len(), &holes), "keep rest");
    }
}
