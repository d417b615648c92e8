//! Markdown to [`Lesson`]: decoding the bytes, finding the title and the
//! `##` sections, and reading each section by its kind.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use super::blocks::{read_blocks, read_items};
use super::builder;
use super::error::ParseError;
use super::inline::plain_text;
use super::key::normalize_key;
use super::path::read_path;
use super::plan::read_plan;
use super::quiz::read_quiz;
use super::reader::{Reader, list_items};
use super::sections::{SectionKind, section_kind};
use super::source::contains_byte;
use super::terms::read_term_item;
use super::tree::{Kind, Node, Nodes};
use super::{Concept, Example, Lesson, QuizQuestion, Section};

/// Largest lesson file accepted, in bytes (16 MiB). Real lessons are tens of
/// kilobytes; the limit keeps a wrong file from filling memory.
pub const MAX_LESSON_BYTES: usize = 16 * 1024 * 1024;

const BOM: &str = "\u{feff}";

/// Parses lesson text whose id is `id`; `file` is used in messages only.
///
/// A UTF-8 byte order mark, CRLF or CR line ends, a missing final newline
/// and HTML comments do not change the result.
pub fn parse(file: &Path, id: &str, bytes: &[u8]) -> Result<Lesson, ParseError> {
    if bytes.len() > MAX_LESSON_BYTES {
        return Err(ParseError::TooLarge {
            file: file.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    let text = decode(file, bytes)?;
    let tree = builder::build(&text);
    let roots = tree.roots();
    if roots.iter().all(|node| matches!(node.kind(), Kind::Html)) {
        return Err(ParseError::Empty {
            file: file.to_path_buf(),
        });
    }
    let mut reader = Reader::new(&text, &tree);
    let outline = Outline::split(&mut reader, roots).ok_or_else(|| ParseError::NoTitle {
        file: file.to_path_buf(),
    })?;
    Ok(read_lesson(reader, id, &outline))
}

/// Reads and parses the lesson at `path`; the id is the file stem.
pub fn parse_file(path: &Path) -> Result<Lesson, ParseError> {
    let io_error = |source| ParseError::Io {
        file: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    // One byte past the limit is enough to tell that a file is too large.
    let limit = MAX_LESSON_BYTES as u64 + 1;
    file.take(limit).read_to_end(&mut bytes).map_err(io_error)?;
    let id = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse(path, &id, &bytes)
}

/// Checks UTF-8, drops a byte order mark and turns CRLF and CR line ends
/// into LF. Line numbers stay the same.
fn decode<'a>(file: &Path, bytes: &'a [u8]) -> Result<Cow<'a, str>, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = 1 + bytes[..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        ParseError::NotUtf8 {
            file: file.to_path_buf(),
            offset,
            line,
        }
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty {
            file: file.to_path_buf(),
        });
    }
    if contains_byte(text.as_bytes(), b'\r') {
        Ok(Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(Cow::Borrowed(text))
    }
}

/// The title and the `##` sections of a document.
#[derive(Debug)]
struct Outline<'t> {
    title: String,
    title_line: usize,
    /// Blocks between the title and the first section (and before the title).
    intro: Vec<Node<'t>>,
    sections: Vec<RawSection<'t>>,
}

#[derive(Debug)]
struct RawSection<'t> {
    title: String,
    kind: Option<SectionKind>,
    line: usize,
    body: Nodes<'t>,
}

impl<'t> Outline<'t> {
    /// Splits the top-level blocks at `#` and `##` headings. Returns `None`
    /// when no `#` heading with text exists.
    fn split(reader: &mut Reader<'_>, roots: Nodes<'t>) -> Option<Self> {
        let mut title: Option<(String, usize)> = None;
        let mut intro = Vec::new();
        let mut sections: Vec<RawSection<'t>> = Vec::new();
        // The blocks after the last section heading so far.
        let mut rest = roots;
        for node in roots {
            let Kind::Heading(level @ (1 | 2), inline) = node.kind() else {
                if sections.is_empty() {
                    intro.push(node);
                }
                continue;
            };
            let text = reader.text(inline);
            let line = reader.line(node.start());
            if *level == 1 && title.is_none() && !text.is_empty() {
                title = Some((text.into_owned(), line));
                continue;
            }
            if *level == 1 {
                reader.warn(
                    line,
                    format!("extra `#` heading `{text}` is read as a `##` section"),
                );
            }
            let (before, after) = rest.split_around(node);
            if let Some(last) = sections.last_mut() {
                last.body = before;
            }
            rest = after;
            sections.push(RawSection {
                kind: section_kind(&text),
                title: text.into_owned(),
                line,
                body: after,
            });
        }
        let (title, title_line) = title?;
        Some(Self {
            title,
            title_line,
            intro,
            sections,
        })
    }
}

fn read_lesson(mut reader: Reader<'_>, id: &str, outline: &Outline<'_>) -> Lesson {
    let mut lesson = Lesson {
        id: id.to_owned(),
        title: outline.title.clone(),
        prior_knowledge: Vec::new(),
        overview: Vec::new(),
        concepts: Vec::new(),
        path: Vec::new(),
        examples: Vec::new(),
        pitfalls: Vec::new(),
        quiz: Vec::new(),
        recap: Vec::new(),
        review_plan: Vec::new(),
        other_sections: Vec::new(),
        warnings: Vec::new(),
    };
    for node in &outline.intro {
        lesson
            .overview
            .extend(read_blocks(&reader, node.as_nodes()));
    }
    let mut seen = HashSet::new();
    for section in &outline.sections {
        match section.kind {
            Some(kind) => {
                check_section(&mut reader, section, kind, &mut seen);
                read_section(&mut reader, &mut lesson, kind, section.body);
            }
            None => lesson.other_sections.push(Section {
                title: section.title.clone(),
                blocks: read_blocks(&reader, section.body),
                line: section.line,
            }),
        }
    }
    // A repeated plan section appends rows, so the rows are sorted here once.
    lesson.review_plan.sort_by_key(|prompt| prompt.days);
    drop_duplicates(&mut reader, &mut lesson);
    if lesson.concepts.is_empty() && lesson.pitfalls.is_empty() && lesson.quiz.is_empty() {
        reader.warn(
            outline.title_line,
            "lesson has no Key Concepts, Common Pitfalls or quiz questions, \
             so it has nothing to review",
        );
    }
    lesson.warnings = reader.warnings;
    lesson.warnings.sort_by_key(|warning| warning.line);
    lesson
}

/// Warns about a repeated or empty template section.
fn check_section(
    reader: &mut Reader<'_>,
    section: &RawSection<'_>,
    kind: SectionKind,
    seen: &mut HashSet<SectionKind>,
) {
    let name = kind.name();
    if !seen.insert(kind) {
        reader.warn(
            section.line,
            format!("section `{name}` appears again; its content is added to the first one"),
        );
    }
    let has_content = section
        .body
        .iter()
        .any(|node| !matches!(node.kind(), Kind::Html | Kind::Rule));
    if !has_content {
        reader.warn(section.line, format!("section `{name}` is empty"));
        return;
    }
    let wants_list = !matches!(
        kind,
        SectionKind::Overview | SectionKind::Examples | SectionKind::ReviewPlan
    );
    let has_list = section
        .body
        .iter()
        .any(|node| matches!(node.kind(), Kind::List { .. }));
    if wants_list && !has_list && kind != SectionKind::LearningPath {
        reader.warn(
            section.line,
            format!("section `{name}` has no bullet list, so nothing in it is used"),
        );
    }
}

fn read_section(reader: &mut Reader<'_>, lesson: &mut Lesson, kind: SectionKind, body: Nodes<'_>) {
    match kind {
        SectionKind::PriorKnowledge => lesson.prior_knowledge.extend(read_items(reader, body)),
        SectionKind::Overview => lesson.overview.extend(read_blocks(reader, body)),
        SectionKind::KeyConcepts => lesson.concepts.extend(read_terms(reader, body)),
        SectionKind::LearningPath => lesson.path.extend(read_path(reader, body)),
        SectionKind::Examples => lesson.examples.extend(read_examples(reader, body)),
        SectionKind::Pitfalls => lesson.pitfalls.extend(read_terms(reader, body)),
        SectionKind::Quiz => lesson.quiz.extend(read_quiz(reader, body)),
        SectionKind::Recap => lesson.recap.extend(read_items(reader, body)),
        SectionKind::ReviewPlan => lesson.review_plan.extend(read_plan(reader, body)),
    }
}

fn read_terms(reader: &mut Reader<'_>, body: Nodes<'_>) -> Vec<Concept> {
    list_items(body)
        .filter_map(|item| read_term_item(reader, item))
        .collect()
}

/// Splits the Examples section at its `###` headings. Text before the first
/// heading becomes an example with an empty title.
fn read_examples(reader: &Reader<'_>, body: Nodes<'_>) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut rest = body;
    let mut current: Option<(String, usize)> = None;
    for node in body {
        if let Kind::Heading(3, inline) = node.kind() {
            let (before, after) = rest.split_around(node);
            push_example(reader, &mut examples, current.take(), before);
            current = Some((reader.text(inline).into_owned(), reader.line(node.start())));
            rest = after;
        }
    }
    push_example(reader, &mut examples, current, rest);
    examples
}

fn push_example(
    reader: &Reader<'_>,
    examples: &mut Vec<Example>,
    heading: Option<(String, usize)>,
    body: Nodes<'_>,
) {
    let blocks = read_blocks(reader, body);
    let (title, line) = match heading {
        Some(heading) => heading,
        None if blocks.is_empty() => return,
        None => (
            String::new(),
            body.first().map_or(0, |n| reader.line(n.start())),
        ),
    };
    examples.push(Example {
        title,
        blocks,
        line,
    });
}

/// Keeps the first of several concepts, pitfalls or quiz questions whose
/// fronts are the same after normalization, since they would be one card.
fn drop_duplicates(reader: &mut Reader<'_>, lesson: &mut Lesson) {
    dedup_by_front(
        reader,
        &mut lesson.concepts,
        "term",
        |c: &Concept| &c.term,
        |c| c.line,
    );
    dedup_by_front(
        reader,
        &mut lesson.pitfalls,
        "pitfall",
        |c: &Concept| &c.term,
        |c| c.line,
    );
    dedup_by_front(
        reader,
        &mut lesson.quiz,
        "quiz question",
        |q: &QuizQuestion| &q.question,
        |q| q.line,
    );
}

fn dedup_by_front<T>(
    reader: &mut Reader<'_>,
    items: &mut Vec<T>,
    item_kind: &str,
    front: impl Fn(&T) -> &String,
    line: impl Fn(&T) -> usize,
) {
    let mut first_lines = std::collections::HashMap::with_capacity(items.len());
    items.retain(|item| {
        let key = normalize_key(&plain_text(front(item)));
        match first_lines.get(&key) {
            Some(&first) => {
                reader.warn(
                    line(item),
                    format!(
                        "duplicate {item_kind} `{}` (first on line {first}) is ignored",
                        front(item)
                    ),
                );
                false
            }
            None => {
                first_lines.insert(key, line(item));
                true
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_across_case_space_and_code() {
        let text = "# Т\n\n## Key Concepts\n\n\
                    - **Ръчно търсене** – а\n\
                    - **РЪЧНО  ТЪРСЕНЕ** – б\n\n\
                    ## Quiz\n\n\
                    1. Защо `lo + hi`?\n\
                    2. ЗАЩО\u{a0}`lo + hi`?\n\
                    3. Защо ``lo + hi``?\n";
        let lesson = parse(Path::new("dup.md"), "dup", text.as_bytes()).unwrap();
        assert_eq!(lesson.concepts.len(), 1);
        assert_eq!(lesson.concepts[0].definition, "а");
        assert_eq!(lesson.quiz.len(), 1);
        let duplicate_lines: Vec<usize> = lesson
            .warnings
            .iter()
            .filter(|warning| warning.message.starts_with("duplicate"))
            .map(|warning| warning.line)
            .collect();
        assert_eq!(duplicate_lines, vec![6, 11, 12]);
    }
}
