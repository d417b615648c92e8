//! Reading text: paragraphs, lists, code, tables and quotes as [`Block`]s,
//! and simple bullet lists as [`Item`]s.

use super::reader::{Reader, inline_of, item_inlines, list_items};
use super::tree::{Kind, Node, Nodes};
use super::{Block, Item};

/// Converts nodes to reading-text blocks. HTML blocks and rules are left
/// out; so are paragraphs with no text left after removing HTML comments.
pub(super) fn read_blocks(reader: &Reader<'_>, nodes: Nodes<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for node in nodes {
        read_block(reader, node, &mut blocks);
    }
    blocks
}

fn read_block(reader: &Reader<'_>, node: Node<'_>, blocks: &mut Vec<Block>) {
    let line = reader.line(node.start());
    match node.kind() {
        Kind::Paragraph(inline) | Kind::Text(inline) => {
            let text = reader.text(inline);
            if !text.is_empty() {
                blocks.push(Block::Paragraph {
                    text: text.into_owned(),
                    line,
                });
            }
        }
        Kind::Heading(_, inline) => blocks.push(Block::Heading {
            text: reader.text(inline).into_owned(),
            line,
        }),
        Kind::List { ordered } => blocks.push(Block::List {
            items: read_items(reader, node.as_nodes())
                .into_iter()
                .map(|item| item.text)
                .collect(),
            ordered: *ordered,
            line,
        }),
        Kind::Code(block) => blocks.push(Block::Code {
            language: block.language.clone(),
            code: block
                .code
                .strip_suffix('\n')
                .unwrap_or(&block.code)
                .to_owned(),
            line,
        }),
        Kind::Table => blocks.push(read_table(reader, node)),
        Kind::Quote => blocks.push(Block::Quote {
            text: quote_text(reader, node),
            line,
        }),
        Kind::Other => {
            for child in node.children() {
                read_block(reader, child, blocks);
            }
        }
        Kind::Item | Kind::TableRow { .. } | Kind::TableCell(_) | Kind::Html | Kind::Rule => {}
    }
}

/// Reads the items of the lists among `nodes`, one [`Item`] per bullet.
/// An item's text is its paragraphs joined by a space; nested bullets
/// follow their parent as items of their own.
pub(super) fn read_items(reader: &Reader<'_>, nodes: Nodes<'_>) -> Vec<Item> {
    let mut items = Vec::new();
    for item in list_items(nodes) {
        let mut text = String::new();
        for piece in item_inlines(item).map(|inline| reader.text(inline)) {
            if piece.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&piece);
        }
        if !text.is_empty() {
            items.push(Item {
                text,
                line: reader.line(item.start()),
            });
        }
        items.extend(read_items(reader, item.children()));
    }
    items
}

fn read_table(reader: &Reader<'_>, table: Node<'_>) -> Block {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for row in table.children() {
        let cells: Vec<String> = row
            .children()
            .iter()
            .filter_map(inline_of)
            .map(|inline| reader.text(inline).into_owned())
            .collect();
        match row.kind() {
            Kind::TableRow { header: true } => header = cells,
            _ if cells.iter().all(String::is_empty) => {}
            _ => rows.push(cells),
        }
    }
    Block::Table {
        header,
        rows,
        line: reader.line(table.start()),
    }
}

/// Returns all text inside a block quote, joined by spaces.
fn quote_text(reader: &Reader<'_>, quote: Node<'_>) -> String {
    let mut pieces = Vec::new();
    collect_text(reader, quote, &mut pieces);
    pieces.join(" ")
}

fn collect_text(reader: &Reader<'_>, node: Node<'_>, pieces: &mut Vec<String>) {
    if let Some(inline) = inline_of(node) {
        let text = reader.text(inline);
        if !text.is_empty() {
            pieces.push(text.into_owned());
        }
    }
    if let Kind::Code(block) = node.kind() {
        pieces.push(block.code.trim_end().to_owned());
    }
    for child in node.children() {
        collect_text(reader, child, pieces);
    }
}
