//! Answers to quiz items: checking a response, the grade it gives the item's
//! card, and the score of a whole quiz.
//!
//! A quiz answer to a card that is due counts as that card's review, with
//! the grade from [`Outcome::card_grade`]. A right choice or an exact typed
//! term is Good, and a wrong answer is Again. A typed term that is almost
//! right is Hard, because the learner recalled the term but not its
//! spelling, so the card waits its current interval again. A free-recall
//! answer takes the learner's own grade.

use std::time::Duration;

use super::{ItemKind, Question, Quiz, QuizItem, Source, Verdict};
use crate::deck::{CardId, CardKind};
use crate::schedule::Grade;

/// The checked answer to one quiz item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A multiple-choice answer: the 0-based option chosen.
    Chosen { option: usize, right: bool },
    /// A typed term and its verdict.
    Typed { response: String, verdict: Verdict },
    /// A free-recall answer: what the learner typed, maybe nothing, and the
    /// grade they gave themself.
    Recalled { response: String, grade: Grade },
}

impl Outcome {
    /// Checks the choice of the 0-based `option`, or returns `None` when the
    /// item has no such option.
    pub fn choose(item: &QuizItem, option: usize) -> Option<Outcome> {
        match &item.question {
            Question::Choice(choice) if option < choice.options.len() => Some(Outcome::Chosen {
                option,
                right: option == choice.answer,
            }),
            _ => None,
        }
    }

    /// Checks a typed term, or returns `None` unless the item is a typed item.
    pub fn type_term(item: &QuizItem, response: &str) -> Option<Outcome> {
        match &item.question {
            Question::Typed(typed) => Some(Outcome::Typed {
                response: response.to_string(),
                verdict: typed.key.check(response),
            }),
            _ => None,
        }
    }

    /// Records a self-graded free-recall answer, or returns `None` unless the
    /// item is a free-recall question.
    pub fn recall(item: &QuizItem, response: &str, grade: Grade) -> Option<Outcome> {
        match &item.question {
            Question::Recall(_) => Some(Outcome::Recalled {
                response: response.to_string(),
                grade,
            }),
            _ => None,
        }
    }

    /// Returns whether the answer counts as right for the score. A
    /// free-recall answer is right unless graded Again.
    pub fn is_right(&self) -> bool {
        match self {
            Outcome::Chosen { right, .. } => *right,
            Outcome::Typed { verdict, .. } => verdict.is_right(),
            Outcome::Recalled { grade, .. } => *grade != Grade::Again,
        }
    }

    /// Returns the grade this answer gives the item's card when the card is
    /// due (see the module documentation).
    pub fn card_grade(&self) -> Grade {
        match self {
            Outcome::Chosen { right: true, .. } => Grade::Good,
            Outcome::Typed {
                verdict: Verdict::Exact,
                ..
            } => Grade::Good,
            Outcome::Typed {
                verdict: Verdict::Almost { .. },
                ..
            } => Grade::Hard,
            Outcome::Recalled { grade, .. } => *grade,
            Outcome::Chosen { right: false, .. }
            | Outcome::Typed {
                verdict: Verdict::Wrong,
                ..
            } => Grade::Again,
        }
    }

    /// Returns the response as stored: the 1-based option number, or the
    /// text the learner typed.
    pub fn response(&self) -> String {
        match self {
            Outcome::Chosen { option, .. } => (option + 1).to_string(),
            Outcome::Typed { response, .. } | Outcome::Recalled { response, .. } => {
                response.clone()
            }
        }
    }

    /// Returns the learner's own grade of a free-recall answer.
    pub fn self_grade(&self) -> Option<Grade> {
        match self {
            Outcome::Recalled { grade, .. } => Some(*grade),
            _ => None,
        }
    }
}

/// One answered quiz item, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// Id of the quiz's lesson.
    pub lesson: String,
    pub kind: ItemKind,
    pub source: Source,
    /// The concept's term or the quiz question, as written in the lesson.
    pub subject: String,
    /// The learner's response, as [`Outcome::response`] gives it.
    pub response: String,
    /// Whether the answer counts as right for the score.
    pub right: bool,
    /// The learner's own grade of a free-recall answer.
    pub self_grade: Option<Grade>,
    /// The grade the answer gives the item's card when the card is due.
    pub card_grade: Grade,
    /// Time from showing the item to the answer.
    pub duration: Duration,
}

impl Attempt {
    /// Builds the attempt for the answer `outcome` to item `index` of
    /// `quiz`, or returns `None` when the quiz has no such item.
    pub fn new(quiz: &Quiz, index: usize, outcome: &Outcome, duration: Duration) -> Option<Self> {
        let item = quiz.items.get(index)?;
        Some(Attempt {
            lesson: quiz.lesson.clone(),
            kind: item.kind,
            source: item.source,
            subject: item.subject.clone(),
            response: outcome.response(),
            right: outcome.is_right(),
            self_grade: outcome.self_grade(),
            card_grade: outcome.card_grade(),
            duration,
        })
    }

    /// Returns the id of the card the item asks about: the concept card
    /// when a term is shown, the reverse card when a definition is shown,
    /// and the quiz card for a lesson question.
    pub fn card_id(&self) -> CardId {
        let kind = match self.kind {
            ItemKind::ChooseDefinition => CardKind::Concept,
            ItemKind::ChooseTerm | ItemKind::TypeTerm => CardKind::Reverse,
            ItemKind::FreeRecall => CardKind::Quiz,
        };
        CardId::derive(&self.lesson, kind, &self.subject)
    }
}

/// The answers of one quiz run, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scorecard {
    answers: Vec<(usize, Outcome)>,
}

impl Scorecard {
    /// Records the answer to the item at `index` of the quiz.
    pub fn record(&mut self, index: usize, outcome: Outcome) {
        self.answers.push((index, outcome));
    }

    /// Returns the number of right answers.
    pub fn right(&self) -> usize {
        self.answers.iter().filter(|(_, o)| o.is_right()).count()
    }

    /// Returns the number of answers recorded.
    pub fn total(&self) -> usize {
        self.answers.len()
    }

    /// Returns the indexes of the items answered wrong, in answer order.
    pub fn missed(&self) -> Vec<usize> {
        self.answers
            .iter()
            .filter(|(_, outcome)| !outcome.is_right())
            .map(|(index, _)| *index)
            .collect()
    }

    /// Returns every recorded answer with its item index.
    pub fn answers(&self) -> &[(usize, Outcome)] {
        &self.answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_grade_for_each_outcome() {
        let chosen = |right| Outcome::Chosen { option: 0, right };
        let typed = |verdict| Outcome::Typed {
            response: String::new(),
            verdict,
        };
        let almost = Verdict::Almost {
            spelling: "x".to_string(),
        };
        assert_eq!(chosen(true).card_grade(), Grade::Good);
        assert_eq!(chosen(false).card_grade(), Grade::Again);
        assert_eq!(typed(Verdict::Exact).card_grade(), Grade::Good);
        assert_eq!(typed(almost).card_grade(), Grade::Hard);
        assert_eq!(typed(Verdict::Wrong).card_grade(), Grade::Again);
        for grade in Grade::ALL {
            let recalled = Outcome::Recalled {
                response: String::new(),
                grade,
            };
            assert_eq!(recalled.card_grade(), grade);
            assert_eq!(recalled.is_right(), grade != Grade::Again);
        }
    }

    #[test]
    fn scorecard_counts_right_and_missed() {
        let mut card = Scorecard::default();
        card.record(
            2,
            Outcome::Chosen {
                option: 1,
                right: true,
            },
        );
        card.record(
            0,
            Outcome::Chosen {
                option: 3,
                right: false,
            },
        );
        card.record(
            1,
            Outcome::Recalled {
                response: "x".to_string(),
                grade: Grade::Again,
            },
        );
        assert_eq!(card.right(), 1);
        assert_eq!(card.total(), 3);
        assert_eq!(card.missed(), vec![0, 1]);
    }
}
