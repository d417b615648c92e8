//! Shared state while reading one lesson: the source text, the warnings
//! found so far, and helpers to walk list items.

use std::borrow::Cow;
use std::ops::Range;

use super::Diagnostic;
use super::source::Source;
use super::tree::{Inline, Kind, Node, Nodes, Tree};

/// The source being read, its block tree and the warnings found so far.
#[derive(Debug)]
pub(super) struct Reader<'a> {
    pub source: Source<'a>,
    tree: &'a Tree,
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, tree: &'a Tree) -> Self {
        Self {
            source: Source::new(text),
            tree,
            warnings: Vec::new(),
        }
    }

    pub fn line(&self, offset: usize) -> usize {
        self.source.line_of(offset)
    }

    /// Returns the inline Markdown of `inline`, on one line.
    pub fn text(&self, inline: &Inline) -> Cow<'a, str> {
        self.source
            .inline_text(inline.range(), self.tree.holes(inline))
    }

    /// Returns the inline Markdown of part of `inline`.
    pub fn text_in(&self, inline: &Inline, range: Range<usize>) -> Cow<'a, str> {
        self.source.inline_text(range, self.tree.holes(inline))
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Diagnostic {
            line,
            message: message.into(),
        });
    }
}

/// Returns the inline content of a block that has some: a paragraph,
/// heading, table cell or the text of a tight list item.
pub(super) fn inline_of(node: Node<'_>) -> Option<&Inline> {
    match node.kind() {
        Kind::Paragraph(inline)
        | Kind::Text(inline)
        | Kind::Heading(_, inline)
        | Kind::TableCell(inline) => Some(inline),
        _ => None,
    }
}

/// Returns the items of every list among `nodes`, in order. Lists split by
/// an HTML comment or a paragraph count as one.
pub(super) fn list_items(nodes: Nodes<'_>) -> impl Iterator<Item = Node<'_>> {
    nodes
        .iter()
        .filter(|node| matches!(node.kind(), Kind::List { .. }))
        .flat_map(Node::children)
        .filter(|node| matches!(node.kind(), Kind::Item))
}

/// Returns the text blocks of a list item: its first line and any further
/// paragraphs, without nested lists.
pub(super) fn item_inlines(item: Node<'_>) -> impl Iterator<Item = &Inline> {
    item.children()
        .iter()
        .filter(|child| matches!(child.kind(), Kind::Paragraph(_) | Kind::Text(_)))
        .filter_map(inline_of)
}
