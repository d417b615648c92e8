//! Retrieval quizzes and the study flows around them: quiz generation and
//! answer checking, the learning path's progress, and the dates of a lesson's
//! review prompts.
//!
//! Everything here is pure: the clock and the random seed are passed in, and
//! nothing reads a file, a database or the terminal.

pub mod answer;
mod generate;
pub mod path;
mod related;
pub mod review_prompt;
mod session;
mod text;

use serde::Serialize;

pub use answer::{AnswerKey, Verdict};
pub use generate::{MAX_OPTIONS, RELATED_SHOWN, generate};
pub use related::related_concepts;
pub use session::{Attempt, Outcome, Scorecard};
pub use text::match_key;

use crate::lesson::Concept;
use crate::lesson::inline::plain;

/// A generated quiz on one lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    /// Id of the lesson the items come from.
    pub lesson: String,
    /// Title of that lesson.
    pub title: String,
    /// Seed the quiz was generated with.
    pub seed: u64,
    pub items: Vec<QuizItem>,
}

/// One question of a quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizItem {
    pub kind: ItemKind,
    /// The lesson part the item was made from.
    pub source: Source,
    /// The concept's term or the quiz question, as written in the lesson;
    /// attempts are stored under it.
    pub subject: String,
    pub question: Question,
}

/// The kind of a quiz item, as stored with each attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A term is shown; the learner chooses its definition.
    ChooseDefinition,
    /// A definition is shown; the learner chooses its term.
    ChooseTerm,
    /// A definition is shown; the learner types its term.
    TypeTerm,
    /// A quiz question of the lesson; the learner recalls the answer and
    /// grades themself.
    FreeRecall,
}

impl ItemKind {
    /// Returns the name stored in the database and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::ChooseDefinition => "choose_definition",
            ItemKind::ChooseTerm => "choose_term",
            ItemKind::TypeTerm => "type_term",
            ItemKind::FreeRecall => "free_recall",
        }
    }
}

/// Position of an item's source in its lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Index into [`Lesson::concepts`](crate::lesson::Lesson::concepts).
    Concept(usize),
    /// Index into [`Lesson::quiz`](crate::lesson::Lesson::quiz).
    Question(usize),
}

/// What an item asks and how its answer is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    Choice(Choice),
    Typed(Typed),
    Recall(Recall),
}

/// A multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The term or definition shown, as inline Markdown.
    pub prompt: String,
    /// The options as inline Markdown, all with different match keys.
    pub options: Vec<String>,
    /// Index of the right option.
    pub answer: usize,
}

/// A definition whose term the learner types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The definition shown, as inline Markdown.
    pub prompt: String,
    pub key: AnswerKey,
}

/// A free-recall question from the lesson's quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recall {
    pub question: String,
    /// The lesson's answer, when the author gave one.
    pub answer: Option<String>,
    /// The concepts most related to the question, best first; filled only
    /// when the lesson gives no answer.
    pub related: Vec<Concept>,
}

impl QuizItem {
    /// Returns the item's prompt: the question, term or definition shown.
    pub fn prompt(&self) -> &str {
        match &self.question {
            Question::Choice(choice) => &choice.prompt,
            Question::Typed(typed) => &typed.prompt,
            Question::Recall(recall) => &recall.question,
        }
    }

    /// Returns the right answer as plain text: the right option, the term,
    /// or the lesson's answer of a free-recall question.
    pub fn expected(&self) -> Option<String> {
        match &self.question {
            Question::Choice(choice) => choice.options.get(choice.answer).map(|o| plain(o)),
            Question::Typed(typed) => Some(typed.key.term.clone()),
            Question::Recall(recall) => recall.answer.as_deref().map(plain),
        }
    }

    /// Returns what the learner should reread after missing the item, as
    /// plain text: "term: definition" for a concept, and the question with
    /// the lesson's answer, when it has one, for a free-recall item.
    pub fn summary(&self) -> String {
        match &self.question {
            Question::Choice(choice) => {
                let right = choice.options.get(choice.answer).map_or("", String::as_str);
                match self.kind {
                    ItemKind::ChooseDefinition => {
                        format!("{}: {}", plain(&choice.prompt), plain(right))
                    }
                    _ => format!("{}: {}", plain(right), plain(&choice.prompt)),
                }
            }
            Question::Typed(typed) => format!("{}: {}", typed.key.term, plain(&typed.prompt)),
            Question::Recall(recall) => match &recall.answer {
                Some(answer) => format!("{} {}", plain(&recall.question), plain(answer)),
                None => plain(&recall.question),
            },
        }
    }
}
