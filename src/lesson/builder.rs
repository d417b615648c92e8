//! Building the block [`Tree`] from pulldown-cmark's events with byte
//! offsets.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::tree::{CodeBlock, Entry, Inline, Kind, LeadStrong, MARKDOWN_OPTIONS, Tree, narrow};

/// Bytes of lesson text per block, an estimate used to reserve the tree up
/// front so that it is rarely copied to a larger allocation. The test
/// fixtures and the shipped lessons have one block per 40 to 190 bytes.
const BYTES_PER_BLOCK: usize = 64;

/// Parses `text` into its blocks.
pub(super) fn build(text: &str) -> Tree {
    let mut builder = Builder {
        stack: Vec::new(),
        entries: Vec::with_capacity(text.len() / BYTES_PER_BLOCK),
        holes: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, MARKDOWN_OPTIONS).into_offset_iter() {
        builder.push(event, range);
    }
    builder.finish()
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

#[derive(Debug)]
struct Builder {
    stack: Vec<Frame>,
    entries: Vec<Entry>,
    holes: Vec<Range<usize>>,
}

impl Builder {
    fn push(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_block(&tag) => self.open(tag, range),
            Event::End(end) if is_block_end(end) => self.close(),
            Event::Text(text) if self.in_code() => self.push_code(&text),
            Event::Html(_) => {}
            Event::Rule => self.add_leaf(Kind::Rule, range.start),
            event => self.push_inline(&event, range),
        }
    }

    fn finish(mut self) -> Tree {
        while !self.stack.is_empty() {
            self.close();
        }
        Tree {
            entries: self.entries,
            holes: self.holes,
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
        self.add_leaf(Kind::Other, range.start);
    }

    fn close(&mut self) {
        self.flush_text();
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let inline = match frame.inline {
            Some(inline) => inline.finish(&mut self.holes),
            None => Inline::default(),
        };
        let kind = match frame.kind {
            FrameKind::Heading(level) => Kind::Heading(level, inline),
            FrameKind::Paragraph => Kind::Paragraph(inline),
            FrameKind::List { ordered } => Kind::List { ordered },
            FrameKind::Item => Kind::Item,
            FrameKind::Code { language, code } => {
                Kind::Code(Box::new(CodeBlock { language, code }))
            }
            FrameKind::Table => Kind::Table,
            FrameKind::TableRow { header } => Kind::TableRow { header },
            FrameKind::TableCell => Kind::TableCell(inline),
            FrameKind::Quote => Kind::Quote,
            FrameKind::Html => Kind::Html,
            FrameKind::Other => Kind::Other,
        };
        let end = narrow(self.entries.len());
        if let Some(entry) = self.entries.get_mut(frame.index) {
            entry.kind = kind;
            entry.end = end;
        }
    }

    /// Appends a block without children that starts at byte `start`.
    fn add_leaf(&mut self, kind: Kind, start: usize) {
        let end = narrow(self.entries.len() + 1);
        self.entries.push(Entry {
            kind,
            start: narrow(start),
            end,
        });
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
            let inline = inline.finish(&mut self.holes);
            let start = inline.range().start;
            self.add_leaf(Kind::Text(inline), start);
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
                        outer_end: narrow(range.end),
                        inner: narrow(inner.start)..narrow(inner.end),
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

    /// Ends the run, moving its HTML comments to the end of `holes`.
    fn finish(self, holes: &mut Vec<Range<usize>>) -> Inline {
        let lead_strong = match self.lead {
            Lead::Done(lead) => lead,
            Lead::Pending | Lead::Inside { .. } => None,
        };
        let first_hole = narrow(holes.len());
        holes.extend(self.holes);
        let range = self.range.unwrap_or(0..0);
        Inline {
            range: narrow(range.start)..narrow(range.end),
            lead_strong,
            holes: first_hole..narrow(holes.len()),
        }
    }
}
