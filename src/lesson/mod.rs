//! Lessons: the typed model of one Markdown lesson file and its parser.
//!
//! Text fields hold inline Markdown exactly as the author wrote it (inline
//! code, emphasis, links and Bulgarian quotes kept), with soft line breaks
//! joined by one space. [`inline`] turns such text into plain text or styled
//! spans. Every item records the 1-based line of the file where it starts, so
//! warnings, errors and the UI can point back at the source.

mod blocks;
mod builder;
mod error;
pub mod inline;
mod key;
mod labels;
mod parse;
mod path;
mod plan;
mod quiz;
mod reader;
mod sections;
mod source;
mod terms;
mod tree;

use serde::Serialize;

pub use error::ParseError;
pub use key::normalize_key;
pub use parse::{MAX_LESSON_BYTES, parse, parse_file};
pub use terms::gloss;

/// One lesson file, parsed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lesson {
    /// Stable id: the file stem (`distillation.md` gives `distillation`).
    pub id: String,
    pub title: String,
    /// Warm-up questions from "Activate Prior Knowledge".
    pub prior_knowledge: Vec<Item>,
    /// Reading text from "Overview", preceded by any text between the title
    /// and the first section.
    pub overview: Vec<Block>,
    pub concepts: Vec<Concept>,
    pub path: Vec<PathStep>,
    pub examples: Vec<Example>,
    /// Pitfall cards from "Common Pitfalls"; the term is the pitfall's name.
    pub pitfalls: Vec<Concept>,
    pub quiz: Vec<QuizQuestion>,
    pub recap: Vec<Item>,
    /// Rows of "Spaced Review Plan", sorted by interval.
    pub review_plan: Vec<ReviewPrompt>,
    /// `##` sections with names the format does not define, kept as reading text.
    pub other_sections: Vec<Section>,
    /// Recoverable problems found while parsing, in line order.
    pub warnings: Vec<Diagnostic>,
}

/// The ladder used when a lesson has no review-plan table: 1, 3, 7 and 30 days.
pub const DEFAULT_LADDER_DAYS: [u32; 4] = [1, 3, 7, 30];

impl Lesson {
    /// Returns the lesson's review ladder in days: the review plan's intervals,
    /// ascending and without repeats, or [`DEFAULT_LADDER_DAYS`] without a plan.
    pub fn ladder_days(&self) -> Vec<u32> {
        let mut days: Vec<u32> = self.review_plan.iter().map(|p| p.days).collect();
        days.sort_unstable();
        days.dedup();
        if days.is_empty() {
            DEFAULT_LADDER_DAYS.to_vec()
        } else {
            days
        }
    }
}

/// A single line of inline text with its source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub text: String,
    pub line: usize,
}

/// A bold term and its text: a key concept or a common pitfall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concept {
    /// The whole bold text as written, gloss included.
    pub term: String,
    /// The parenthesized gloss at the end of the term, if any
    /// (`Knowledge Distillation` in `Дистилация на знания (Knowledge Distillation)`).
    pub gloss: Option<String>,
    pub definition: String,
    pub line: usize,
}

/// One numbered step of the learning path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub title: String,
    pub focus: Option<String>,
    pub task: Option<String>,
    /// Each question keeps its question mark.
    pub questions: Vec<String>,
    /// Nested bullets that are not focus, task or questions.
    pub notes: Vec<String>,
    pub line: usize,
}

/// A `###` subsection of "Examples".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub title: String,
    pub blocks: Vec<Block>,
    pub line: usize,
}

/// A question of the retrieval quiz, with the author's answer when given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuizQuestion {
    pub question: String,
    pub answer: Option<String>,
    pub line: usize,
}

/// One row of the review-plan table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewPrompt {
    pub days: u32,
    pub prompt: String,
    pub line: usize,
}

/// A section kept as reading text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
    pub line: usize,
}

/// A block of reading text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
        line: usize,
    },
    Heading {
        text: String,
        line: usize,
    },
    List {
        items: Vec<String>,
        ordered: bool,
        line: usize,
    },
    Code {
        language: Option<String>,
        code: String,
        line: usize,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        line: usize,
    },
    Quote {
        text: String,
        line: usize,
    },
}

/// A warning or error tied to a line of the source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub line: usize,
    pub message: String,
}
