//! The block tree of a lesson: pulldown-cmark's blocks with their byte
//! offsets, stored in one vector and read through [`Node`] and [`Nodes`]
//! handles.
//!
//! Inline content is not copied: an [`Inline`] keeps the byte range of its
//! source text, so text fields can be taken from the Markdown exactly as
//! written (see `Source::inline_text`). Offsets are stored as `u32`: that
//! is enough for any file within the 16 MiB size limit, and it keeps an
//! entry at 48 bytes.

use std::ops::Range;

use pulldown_cmark::Options;

/// The pulldown-cmark options for lesson files: CommonMark plus tables.
pub(super) const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES;

/// The blocks of a document in document order (pre-order).
///
/// Each entry records the index just past its last descendant, so the
/// children of a block and a run of siblings are index ranges of one
/// vector. Building the tree costs a few vector growths for the whole
/// document, not one allocation per block.
#[derive(Debug, Default)]
pub(super) struct Tree {
    pub(super) entries: Vec<Entry>,
    /// The HTML comments inside inline content, which [`Inline::holes`]
    /// indexes.
    pub(super) holes: Vec<Range<usize>>,
}

/// One block of a [`Tree`] as stored.
#[derive(Debug)]
pub(super) struct Entry {
    pub(super) kind: Kind,
    /// Byte offset where the block starts.
    pub(super) start: u32,
    /// Index just past the last descendant of this block.
    pub(super) end: u32,
}

#[derive(Debug)]
pub(super) enum Kind {
    Heading(u8, Inline),
    Paragraph(Inline),
    /// Inline text directly inside a tight list item.
    Text(Inline),
    List {
        ordered: bool,
    },
    Item,
    /// Boxed because code blocks are rare and their two strings would
    /// double the size of every entry.
    Code(Box<CodeBlock>),
    Table,
    /// A table row; the header row has `header` set.
    TableRow {
        header: bool,
    },
    TableCell(Inline),
    Quote,
    Html,
    Rule,
    /// Blocks this parser does not interpret (footnote definitions and the
    /// like); their children are still kept.
    Other,
}

/// A fenced or indented code block.
#[derive(Debug)]
pub(super) struct CodeBlock {
    /// The first word of a fence's info string.
    pub language: Option<String>,
    pub code: String,
}

/// The inline content of a block, as a byte range of the source.
#[derive(Debug, Default, Clone)]
pub(super) struct Inline {
    /// From the first inline event to the end of the last one; empty when
    /// the block has no inline content.
    pub(super) range: Range<u32>,
    /// The `**strong**` text the content starts with, if it starts with one.
    pub(super) lead_strong: Option<LeadStrong>,
    /// HTML comments inside the content, to leave out of the text, as an
    /// index range of [`Tree::holes`].
    pub(super) holes: Range<u32>,
}

/// A strong span at the very start of inline content.
#[derive(Debug, Clone)]
pub(super) struct LeadStrong {
    /// End offset of the span, after its closing `**`.
    pub(super) outer_end: u32,
    /// The text between the delimiters.
    pub(super) inner: Range<u32>,
}

/// One block of a [`Tree`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Node<'t> {
    entries: &'t [Entry],
    index: usize,
}

/// A run of sibling blocks of a [`Tree`], possibly empty.
#[derive(Debug, Clone, Copy)]
pub(super) struct Nodes<'t> {
    entries: &'t [Entry],
    start: usize,
    end: usize,
}

/// Iterator over a run of siblings, skipping their descendants.
#[derive(Debug, Clone)]
pub(super) struct Siblings<'t> {
    entries: &'t [Entry],
    next: usize,
    end: usize,
}

/// Narrows a byte offset to `u32`. Lesson files are at most 16 MiB, so
/// every offset fits, and a larger one would saturate instead of wrapping.
pub(super) fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

fn widen(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

impl Tree {
    /// Returns the top-level blocks.
    pub fn roots(&self) -> Nodes<'_> {
        Nodes {
            entries: &self.entries,
            start: 0,
            end: self.entries.len(),
        }
    }

    /// Returns the byte ranges of the HTML comments inside `inline`.
    pub fn holes(&self, inline: &Inline) -> &[Range<usize>] {
        self.holes.get(widen(&inline.holes)).unwrap_or_default()
    }
}

impl Inline {
    /// Returns the byte range of the content in the source.
    pub fn range(&self) -> Range<usize> {
        widen(&self.range)
    }

    /// Returns the byte ranges of the text inside the leading `**strong**`
    /// span and of the text after the span, or `None` when the content
    /// does not start with a strong span.
    pub fn split_lead_strong(&self) -> Option<(Range<usize>, Range<usize>)> {
        let lead = self.lead_strong.as_ref()?;
        let rest = lead.outer_end..self.range.end;
        Some((widen(&lead.inner), widen(&rest)))
    }
}

impl<'t> Node<'t> {
    fn entry(self) -> &'t Entry {
        &self.entries[self.index]
    }

    pub fn kind(self) -> &'t Kind {
        &self.entry().kind
    }

    /// Returns the byte offset where the block starts in the source.
    pub fn start(self) -> usize {
        self.entry().start as usize
    }

    pub fn children(self) -> Nodes<'t> {
        Nodes {
            entries: self.entries,
            start: self.index + 1,
            end: self.end(),
        }
    }

    /// Returns a run holding only this block.
    pub fn as_nodes(self) -> Nodes<'t> {
        Nodes {
            entries: self.entries,
            start: self.index,
            end: self.end(),
        }
    }

    /// Returns the index just past this block's last descendant.
    fn end(self) -> usize {
        self.entry().end as usize
    }
}

impl<'t> Nodes<'t> {
    pub fn iter(self) -> Siblings<'t> {
        Siblings {
            entries: self.entries,
            next: self.start,
            end: self.end,
        }
    }

    pub fn first(self) -> Option<Node<'t>> {
        self.iter().next()
    }

    /// Splits the run around `node`, one of its members: the siblings
    /// before it and the siblings after it.
    pub fn split_around(self, node: Node<'t>) -> (Nodes<'t>, Nodes<'t>) {
        let before = Nodes {
            end: node.index,
            ..self
        };
        let after = Nodes {
            start: node.end(),
            ..self
        };
        (before, after)
    }
}

impl<'t> IntoIterator for Nodes<'t> {
    type Item = Node<'t>;
    type IntoIter = Siblings<'t>;

    fn into_iter(self) -> Siblings<'t> {
        self.iter()
    }
}

impl<'t> Iterator for Siblings<'t> {
    type Item = Node<'t>;

    fn next(&mut self) -> Option<Node<'t>> {
        if self.next >= self.end {
            return None;
        }
        let node = Node {
            entries: self.entries,
            index: self.next,
        };
        self.next = node.end();
        Some(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_size_on_64_bit_targets() {
        if cfg!(target_pointer_width = "64") {
            assert_eq!(std::mem::size_of::<Entry>(), 48);
        }
    }
}
