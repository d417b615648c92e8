//! A block tree built from pulldown-cmark's events, with byte ranges.
//!
//! Blocks become entries of a [`Tree`], read through [`Node`] and [`Nodes`]
//! handles. Inline content is not copied: an [`Inline`]
//! keeps the byte range of its source text, so text fields can be taken from
//! the Markdown exactly as written (see `Source::inline_text`).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

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
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    kind: Kind,
    range: Range<usize>,
    /// Index just past the last descendant of this block.
    end: usize,
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
    Code {
        language: Option<String>,
        code: String,
    },
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

/// The inline content of a block, as a byte range of the source.
#[derive(Debug, Default, Clone)]
pub(super) struct Inline {
    /// From the first inline event to the end of the last one; empty when
    /// the block has no inline content.
    pub range: Range<usize>,
    /// The `**strong**` text the content starts with, if it starts with one.
    pub lead_strong: Option<LeadStrong>,
    /// HTML comments inside the content, to leave out of the text.
    pub holes: Vec<Range<usize>>,
}

/// A strong span at the very start of inline content.
#[derive(Debug, Clone)]
pub(super) struct LeadStrong {
    /// The span with its `**` delimiters.
    pub outer: Range<usize>,
    /// The text between the delimiters.
    pub inner: Range<usize>,
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

/// Parses `text` into its blocks.
pub(super) fn build(text: &str) -> Tree {
    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
        builder.push(event, range);
    }
    builder.finish()
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
        self.entry().range.start
    }

    pub fn children(self) -> Nodes<'t> {
        Nodes {
            entries: self.entries,
            start: self.index + 1,
            end: self.entry().end,
        }
    }

    /// Returns a run holding only this block.
    pub fn as_nodes(self) -> Nodes<'t> {
        Nodes {
            entries: self.entries,
            start: self.index,
            end: self.entry().end,
        }
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
            start: node.entry().end,
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
        self.next = node.entry().end;
        Some(node)
    }
}

/// A block that is open while its events arrive.
#[derive(Debug)]
struct Frame {
    /// Index of the block's entry, whose kind and end are set on close.
    index: usize,
    kind: FrameKind,
    inline: Option<InlineBuilder>,
}

#[derive(Debug)]
enum FrameKind {
    Heading(u8),
    Paragraph,
    List {
        ordered: bool,
    },
    Item,
    Code {
        language: Option<String>,
        code: String,
    },
    Table,
    TableRow {
        header: bool,
    },
    TableCell,
    Quote,
    Html,
    Other,
}

#[derive(Debug, Default)]
struct Builder {
    stack: Vec<Frame>,
    entries: Vec<Entry>,
}

impl Builder {
    fn push(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_block(&tag) => self.open(tag, range),
            Event::End(end) if is_block_end(end) => self.close(),
            Event::Text(text) if self.in_code() => self.push_code(&text),
            Event::Html(_) => {}
            Event::Rule => self.add_leaf(Kind::Rule, range),
            event => self.push_inline(&event, range),
        }
    }

    fn finish(mut self) -> Tree {
        while !self.stack.is_empty() {
            self.close();
        }
        Tree {
            entries: self.entries,
        }
    }

    fn open(&mut self, tag: Tag<'_>, range: Range<usize>) {
        self.flush_text();
        let kind = match tag {
            Tag::Heading { level, .. } => FrameKind::Heading(level as u8),
            Tag::Paragraph => FrameKind::Paragraph,
            Tag::List(first) => FrameKind::List {
                ordered: first.is_some(),
            },
            Tag::Item => FrameKind::Item,
            Tag::CodeBlock(kind) => FrameKind::Code {
                language: code_language(&kind),
                code: String::new(),
            },
            Tag::Table(_) => FrameKind::Table,
            Tag::TableHead => FrameKind::TableRow { header: true },
            Tag::TableRow => FrameKind::TableRow { header: false },
            Tag::TableCell => FrameKind::TableCell,
            Tag::BlockQuote(_) => FrameKind::Quote,
            Tag::HtmlBlock => FrameKind::Html,
            _ => FrameKind::Other,
        };
        self.stack.push(Frame {
            index: self.entries.len(),
            kind,
            inline: None,
        });
        // The kind and end are placeholders until the block closes.
        self.add_leaf(Kind::Other, range);
    }

    fn close(&mut self) {
        self.flush_text();
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let inline = frame.inline.map(InlineBuilder::finish).unwrap_or_default();
        let kind = match frame.kind {
            FrameKind::Heading(level) => Kind::Heading(level, inline),
            FrameKind::Paragraph => Kind::Paragraph(inline),
            FrameKind::List { ordered } => Kind::List { ordered },
            FrameKind::Item => Kind::Item,
            FrameKind::Code { language, code } => Kind::Code { language, code },
            FrameKind::Table => Kind::Table,
            FrameKind::TableRow { header } => Kind::TableRow { header },
            FrameKind::TableCell => Kind::TableCell(inline),
            FrameKind::Quote => Kind::Quote,
            FrameKind::Html => Kind::Html,
            FrameKind::Other => Kind::Other,
        };
        let end = self.entries.len();
        if let Some(entry) = self.entries.get_mut(frame.index) {
            entry.kind = kind;
            entry.end = end;
        }
    }

    /// Appends a block without children.
    fn add_leaf(&mut self, kind: Kind, range: Range<usize>) {
        let end = self.entries.len() + 1;
        self.entries.push(Entry { kind, range, end });
    }

    fn in_code(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                kind: FrameKind::Code { .. },
                ..
            })
        )
    }

    fn push_code(&mut self, text: &str) {
        if let Some(Frame {
            kind: FrameKind::Code { code, .. },
            ..
        }) = self.stack.last_mut()
        {
            code.push_str(text);
        }
    }

    fn push_inline(&mut self, event: &Event<'_>, range: Range<usize>) {
        // Inline events outside any block do not occur in pulldown-cmark's
        // output, so there is always a frame to add them to.
        if let Some(frame) = self.stack.last_mut() {
            frame
                .inline
                .get_or_insert_with(InlineBuilder::default)
                .push(event, range);
        }
    }

    /// Ends the inline run of a tight list item (or any block that holds
    /// both inline text and child blocks) as a `Text` node.
    fn flush_text(&mut self) {
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        if !matches!(
            frame.kind,
            FrameKind::Item | FrameKind::Quote | FrameKind::Other
        ) {
            return;
        }
        if let Some(inline) = frame.inline.take() {
            let inline = inline.finish();
            let range = inline.range.clone();
            self.add_leaf(Kind::Text(inline), range);
        }
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn code_language(kind: &CodeBlockKind<'_>) -> Option<String> {
    match kind {
        CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_owned),
        CodeBlockKind::Indented => None,
    }
}

/// Collects one run of inline events.
#[derive(Debug, Default)]
struct InlineBuilder {
    range: Option<Range<usize>>,
    depth: usize,
    lead: Lead,
    holes: Vec<Range<usize>>,
}

/// Progress in finding a strong span at the start of the run.
#[derive(Debug, Default)]
enum Lead {
    #[default]
    Pending,
    Inside {
        inner: Option<Range<usize>>,
    },
    Done(Option<LeadStrong>),
}

impl InlineBuilder {
    fn push(&mut self, event: &Event<'_>, range: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(run) => run.start.min(range.start)..run.end.max(range.end),
            None => range.clone(),
        });
        if let Event::InlineHtml(html) = event
            && html.starts_with("<!--")
        {
            self.holes.push(range.clone());
        }
        self.track_lead(event, &range);
        match event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
    }

    fn track_lead(&mut self, event: &Event<'_>, range: &Range<usize>) {
        match &mut self.lead {
            Lead::Pending => {
                self.lead = match event {
                    Event::Start(Tag::Strong) => Lead::Inside { inner: None },
                    _ => Lead::Done(None),
                };
            }
            Lead::Inside { inner } => {
                if self.depth == 1 && matches!(event, Event::End(TagEnd::Strong)) {
                    let inner = inner.take().unwrap_or(range.start..range.start);
                    self.lead = Lead::Done(Some(LeadStrong {
                        outer: range.clone(),
                        inner,
                    }));
                } else {
                    *inner = Some(match inner.take() {
                        Some(span) => span.start.min(range.start)..span.end.max(range.end),
                        None => range.clone(),
                    });
                }
            }
            Lead::Done(_) => {}
        }
    }

    fn finish(self) -> Inline {
        let lead_strong = match self.lead {
            Lead::Done(lead) => lead,
            Lead::Pending | Lead::Inside { .. } => None,
        };
        Inline {
            range: self.range.unwrap_or(0..0),
            lead_strong,
            holes: self.holes,
        }
    }
}
