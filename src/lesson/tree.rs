//! A block tree built from pulldown-cmark's events, with byte ranges.
//!
//! Blocks become [`Node`]s. Inline content is not copied: an [`Inline`]
//! keeps the byte range of its source text, so text fields can be taken from
//! the Markdown exactly as written (see `Source::inline_text`).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark options for lesson files: CommonMark plus tables.
pub(super) const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES;

/// One block of the document.
#[derive(Debug)]
pub(super) struct Node {
    pub kind: Kind,
    pub range: Range<usize>,
    pub children: Vec<Node>,
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

/// Parses `text` into its top-level blocks.
pub(super) fn build(text: &str) -> Vec<Node> {
    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
        builder.push(event, range);
    }
    builder.finish()
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    range: Range<usize>,
    children: Vec<Node>,
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
    roots: Vec<Node>,
}

impl Builder {
    fn push(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_block(&tag) => self.open(tag, range),
            Event::End(end) if is_block_end(end) => self.close(),
            Event::Text(text) if self.in_code() => self.push_code(&text),
            Event::Html(_) => {}
            Event::Rule => self.add_node(Node {
                kind: Kind::Rule,
                range,
                children: Vec::new(),
            }),
            event => self.push_inline(&event, range),
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while !self.stack.is_empty() {
            self.close();
        }
        self.roots
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
            kind,
            range,
            children: Vec::new(),
            inline: None,
        });
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
        self.add_node(Node {
            kind,
            range: frame.range,
            children: frame.children,
        });
    }

    fn add_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => self.roots.push(node),
        }
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
            frame.children.push(Node {
                kind: Kind::Text(inline.clone()),
                range: inline.range,
                children: Vec::new(),
            });
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
