//! The lesson text after decoding, with line numbers and the inline-text
//! extraction that every text field goes through.

use std::ops::Range;

/// Decoded lesson text plus the byte offset where each line starts.
#[derive(Debug)]
pub(super) struct Source<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, byte)| byte == b'\n')
                .map(|(index, _)| index + 1),
        );
        Self { text, line_starts }
    }

    /// Returns the 1-based line that contains byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// Returns the inline Markdown in `range` as one line: each source line
    /// is trimmed of indentation, block-quote markers and hard-break marks,
    /// and lines are joined by one space. Byte ranges in `holes` (HTML
    /// comments) are left out.
    pub fn inline_text(&self, range: Range<usize>, holes: &[Range<usize>]) -> String {
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
        out
    }
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

/// A line that ends in an odd number of backslashes ends in a hard break;
/// an even number is escaped backslashes.
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
