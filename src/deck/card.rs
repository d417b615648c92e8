//! The card model and the derivation of a lesson's cards.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::lesson::{Diagnostic, Lesson, normalize_key};

/// The kind of prompt on a card's front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    /// Term on the front, definition on the back.
    Concept,
    /// Definition on the front, term on the back.
    Reverse,
    /// Pitfall name on the front, explanation on the back.
    Pitfall,
    /// Quiz question on the front, the author's answer (if any) on the back.
    Quiz,
}

impl CardKind {
    /// All kinds, in the order a lesson's new cards are introduced.
    pub const ALL: [CardKind; 4] = [
        CardKind::Concept,
        CardKind::Pitfall,
        CardKind::Quiz,
        CardKind::Reverse,
    ];

    /// Returns the stored name: `concept`, `reverse`, `pitfall` or `quiz`.
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Concept => "concept",
            CardKind::Reverse => "reverse",
            CardKind::Pitfall => "pitfall",
            CardKind::Quiz => "quiz",
        }
    }
}

impl fmt::Display for CardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A card kind name that is not one of the four kinds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid card kind {0:?}: expected concept, reverse, pitfall or quiz")]
pub struct ParseCardKindError(pub String);

impl FromStr for CardKind {
    type Err = ParseCardKindError;

    fn from_str(text: &str) -> Result<CardKind, ParseCardKindError> {
        CardKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| ParseCardKindError(text.to_owned()))
    }
}

impl ToSql for CardKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for CardKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<CardKind> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|err| FromSqlError::Other(Box::new(err)))
    }
}

/// A card's stable id: 16 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(String);

impl CardId {
    /// Derives the id from the lesson id, the kind and the key text (term,
    /// pitfall name or question), the key normalized first.
    pub fn derive(lesson_id: &str, kind: CardKind, key: &str) -> CardId {
        let mut hasher = Sha256::new();
        for part in [lesson_id, kind.as_str(), &normalize_key(key)] {
            hasher.update(part.as_bytes());
            // A separator byte that cannot occur in UTF-8 text keeps
            // ("ab", "c") and ("a", "bc") apart.
            hasher.update([0xff]);
        }
        let digest = hasher.finalize();
        let hex: String = digest[..8]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        CardId(hex)
    }

    /// Wraps an id read from input or the database, without checking it.
    pub fn new(id: impl Into<String>) -> CardId {
        CardId(id.into())
    }

    /// Returns the id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ToSql for CardId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.as_str()))
    }
}

impl FromSql for CardId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<CardId> {
        Ok(CardId(value.as_str()?.to_owned()))
    }
}

/// One card as derived from a lesson, without any schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Card {
    pub id: CardId,
    pub lesson_id: String,
    pub kind: CardKind,
    /// Order among the lesson's cards, in which new cards are introduced.
    pub position: u32,
    /// Inline Markdown shown first.
    pub front: String,
    /// Inline Markdown shown on reveal; empty for a quiz question without an
    /// answer, which the learner grades by recall alone.
    pub back: String,
    /// Line of the lesson file the card comes from.
    pub line: u32,
}

/// A review prompt from the lesson's review plan, due `days` after the
/// learner finishes the lesson's learning path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedReview {
    pub lesson_id: String,
    pub days: u32,
    pub prompt: String,
    pub line: usize,
}

/// Everything a lesson yields for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deck {
    pub cards: Vec<Card>,
    pub planned_reviews: Vec<PlannedReview>,
    /// Cards left out because an earlier card of the same kind has the same
    /// key after normalization, and so the same id.
    pub warnings: Vec<Diagnostic>,
}

/// Derives the cards and planned reviews of `lesson`: forward concept cards,
/// pitfall cards, quiz cards, then reverse concept cards, each group in
/// lesson order.
pub fn build(lesson: &Lesson) -> Deck {
    let mut builder = Builder::new(&lesson.id);
    for concept in &lesson.concepts {
        builder.push(
            CardKind::Concept,
            &concept.term,
            &concept.term,
            &concept.definition,
            concept.line,
        );
    }
    for pitfall in &lesson.pitfalls {
        builder.push(
            CardKind::Pitfall,
            &pitfall.term,
            &pitfall.term,
            &pitfall.definition,
            pitfall.line,
        );
    }
    for question in &lesson.quiz {
        let answer = question.answer.as_deref().unwrap_or_default();
        builder.push(
            CardKind::Quiz,
            &question.question,
            &question.question,
            answer,
            question.line,
        );
    }
    for concept in &lesson.concepts {
        builder.push(
            CardKind::Reverse,
            &concept.term,
            &concept.definition,
            &concept.term,
            concept.line,
        );
    }
    let planned_reviews = lesson
        .review_plan
        .iter()
        .map(|row| PlannedReview {
            lesson_id: lesson.id.clone(),
            days: row.days,
            prompt: row.prompt.clone(),
            line: row.line,
        })
        .collect();
    Deck {
        cards: builder.cards,
        planned_reviews,
        warnings: builder.warnings,
    }
}

struct Builder<'a> {
    lesson_id: &'a str,
    seen: HashSet<CardId>,
    cards: Vec<Card>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn new(lesson_id: &'a str) -> Builder<'a> {
        Builder {
            lesson_id,
            seen: HashSet::new(),
            cards: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn push(&mut self, kind: CardKind, key: &str, front: &str, back: &str, line: usize) {
        let id = CardId::derive(self.lesson_id, kind, key);
        if !self.seen.insert(id.clone()) {
            if kind == CardKind::Reverse {
                // The forward card of the same concept already warned.
                return;
            }
            self.warnings.push(Diagnostic {
                line,
                message: format!(
                    "duplicate {kind} card {key:?} skipped: an earlier one has the same text"
                ),
            });
            return;
        }
        self.cards.push(Card {
            id,
            lesson_id: self.lesson_id.to_owned(),
            kind,
            position: u32::try_from(self.cards.len()).unwrap_or(u32::MAX),
            front: front.to_owned(),
            back: back.to_owned(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Concept, QuizQuestion, ReviewPrompt};

    fn concept(term: &str, definition: &str, line: usize) -> Concept {
        Concept {
            term: term.into(),
            gloss: None,
            definition: definition.into(),
            line,
        }
    }

    fn lesson() -> Lesson {
        Lesson {
            id: "kd".into(),
            title: "Knowledge distillation".into(),
            prior_knowledge: vec![],
            overview: vec![],
            concepts: vec![
                concept("Teacher", "The large trained model.", 5),
                concept("Student", "The small model trained to imitate.", 6),
            ],
            path: vec![],
            examples: vec![],
            pitfalls: vec![concept("Too high temperature", "Flattens every class.", 10)],
            quiz: vec![QuizQuestion {
                question: "Why soften the targets?".into(),
                answer: None,
                line: 14,
            }],
            recap: vec![],
            review_plan: vec![ReviewPrompt {
                days: 3,
                prompt: "Explain soft targets.".into(),
                line: 20,
            }],
            other_sections: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn cards_in_introduction_order() {
        let deck = build(&lesson());
        let kinds: Vec<CardKind> = deck.cards.iter().map(|card| card.kind).collect();
        use CardKind::*;
        assert_eq!(
            kinds,
            vec![Concept, Concept, Pitfall, Quiz, Reverse, Reverse]
        );
        let positions: Vec<u32> = deck.cards.iter().map(|card| card.position).collect();
        assert_eq!(positions, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn reverse_card_swaps_sides() {
        let deck = build(&lesson());
        let reverse = &deck.cards[4];
        assert_eq!(reverse.front, "The large trained model.");
        assert_eq!(reverse.back, "Teacher");
        assert_eq!(reverse.line, 5);
    }

    #[test]
    fn quiz_without_answer_has_empty_back() {
        let deck = build(&lesson());
        assert_eq!(deck.cards[3].front, "Why soften the targets?");
        assert_eq!(deck.cards[3].back, "");
    }

    #[test]
    fn definition_edit_keeps_ids() {
        let before = build(&lesson());
        let mut edited = lesson();
        edited.concepts[0].definition = "The big model.".into();
        let after = build(&edited);
        let ids = |deck: &Deck| deck.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&before), ids(&after));
    }

    #[test]
    fn term_edit_changes_both_concept_ids() {
        let before = build(&lesson());
        let mut edited = lesson();
        edited.concepts[0].term = "Teacher model".into();
        let after = build(&edited);
        assert_ne!(before.cards[0].id, after.cards[0].id);
        assert_ne!(before.cards[4].id, after.cards[4].id);
        assert_eq!(before.cards[1].id, after.cards[1].id);
    }

    #[test]
    fn whitespace_and_case_keep_ids() {
        let plain = CardId::derive("kd", CardKind::Concept, "Soft targets");
        let spaced = CardId::derive("kd", CardKind::Concept, "  soft   TARGETS ");
        assert_eq!(plain, spaced);
        assert_eq!(plain.as_str().len(), 16);
    }

    #[test]
    fn kind_and_lesson_separate_ids() {
        let concept = CardId::derive("kd", CardKind::Concept, "Teacher");
        let reverse = CardId::derive("kd", CardKind::Reverse, "Teacher");
        let other = CardId::derive("kd2", CardKind::Concept, "Teacher");
        assert_ne!(concept, reverse);
        assert_ne!(concept, other);
    }

    #[test]
    fn duplicate_term_is_skipped_with_warning() {
        let mut dup = lesson();
        dup.concepts.push(concept("teacher ", "Again.", 7));
        let deck = build(&dup);
        assert_eq!(deck.cards.len(), 6);
        assert_eq!(deck.warnings.len(), 1);
        assert_eq!(deck.warnings[0].line, 7);
    }

    #[test]
    fn planned_reviews_follow_plan() {
        let deck = build(&lesson());
        assert_eq!(deck.planned_reviews.len(), 1);
        assert_eq!(deck.planned_reviews[0].days, 3);
        assert_eq!(deck.planned_reviews[0].lesson_id, "kd");
    }
}
