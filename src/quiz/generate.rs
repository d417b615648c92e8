//! Seeded quiz generation from a lesson's concepts and quiz questions.
//!
//! Each concept gives one item, and the kinds rotate over the shuffled
//! concepts: choose the definition for a term, choose the term for a
//! definition, type the term for a definition. Each quiz question of the
//! lesson gives one free-recall item. Multiple-choice distractors come from
//! the same lesson first and from the other lessons after that.

use rand::SeedableRng;
use rand::rand_core::Rng;
use rand_chacha::ChaCha8Rng;

use super::answer::AnswerKey;
use super::related::related_concepts;
use super::text::match_key;
use super::{Choice, ItemKind, Question, Quiz, QuizItem, Recall, Source, Typed};
use crate::lesson::inline::plain;
use crate::lesson::{Concept, Lesson};

/// Maximum number of options of a multiple-choice item, the right one
/// included.
pub const MAX_OPTIONS: usize = 4;

/// Number of related concepts shown after a free-recall question that has no
/// answer in the lesson.
pub const RELATED_SHOWN: usize = 3;

/// The order in which item kinds are given to the shuffled concepts.
const CONCEPT_KINDS: [ItemKind; 3] = [
    ItemKind::ChooseDefinition,
    ItemKind::ChooseTerm,
    ItemKind::TypeTerm,
];

/// Generates the quiz for `lesson`, drawing extra distractors from `others`
/// when the lesson has too few concepts. The same lesson, other lessons and
/// seed always give the same quiz. Concepts without a term or a definition
/// are left out.
///
/// A multiple-choice item has between two and [`MAX_OPTIONS`] options, all
/// with different match keys, and exactly one of them is right. When fewer
/// than two different options exist, the concept is asked as a typed item.
pub fn generate(lesson: &Lesson, others: &[Lesson], seed: u64) -> Quiz {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let pool = DistractorPool::new(lesson, others);

    let mut order: Vec<usize> = (0..lesson.concepts.len())
        .filter(|&index| is_quizzable(&lesson.concepts[index]))
        .collect();
    shuffle(&mut order, &mut rng);
    let mut items: Vec<QuizItem> = order
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let kind = CONCEPT_KINDS[position % CONCEPT_KINDS.len()];
            concept_item(lesson, index, kind, &pool, &mut rng)
        })
        .collect();
    items.extend((0..lesson.quiz.len()).map(|index| recall_item(lesson, index)));
    shuffle(&mut items, &mut rng);

    Quiz {
        lesson: lesson.id.clone(),
        title: lesson.title.clone(),
        seed,
        items,
    }
}

/// Returns whether a concept has both a term and a definition to ask about.
fn is_quizzable(concept: &Concept) -> bool {
    has_text(&concept.term) && has_text(&concept.definition)
}

fn has_text(text: &str) -> bool {
    !plain(text).trim().is_empty()
}

/// Shuffles `items` with Fisher-Yates on the generator's raw 64-bit output.
///
/// This depends only on the ChaCha8 stream, which is fixed by its
/// specification, so a seed keeps giving the same quiz after an upgrade of
/// `rand`, whose own shuffling may change between versions. The modulo bias
/// is below 2^-50 for the list lengths of a quiz.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let bound = u64::try_from(i + 1).unwrap_or(u64::MAX);
        let j = usize::try_from(rng.next_u64() % bound).unwrap_or(0);
        items.swap(i, j);
    }
}

fn concept_item(
    lesson: &Lesson,
    index: usize,
    kind: ItemKind,
    pool: &DistractorPool<'_>,
    rng: &mut ChaCha8Rng,
) -> QuizItem {
    let concept = &lesson.concepts[index];
    let source = Source::Concept(index);
    let choice = match kind {
        ItemKind::ChooseDefinition => choice(
            &concept.term,
            &concept.definition,
            pool.definitions(index),
            rng,
        ),
        ItemKind::ChooseTerm => choice(&concept.definition, &concept.term, pool.terms(index), rng),
        ItemKind::TypeTerm | ItemKind::FreeRecall => None,
    };
    match choice {
        Some(choice) => QuizItem {
            kind,
            source,
            subject: concept.term.clone(),
            question: Question::Choice(choice),
        },
        None => typed_item(lesson, index),
    }
}

fn typed_item(lesson: &Lesson, index: usize) -> QuizItem {
    let concept = &lesson.concepts[index];
    let rivals = lesson
        .concepts
        .iter()
        .enumerate()
        .filter(|(other, _)| *other != index)
        .map(|(_, rival)| rival);
    QuizItem {
        kind: ItemKind::TypeTerm,
        source: Source::Concept(index),
        subject: concept.term.clone(),
        question: Question::Typed(Typed {
            prompt: concept.definition.clone(),
            key: AnswerKey::new(concept, rivals),
        }),
    }
}

fn recall_item(lesson: &Lesson, index: usize) -> QuizItem {
    let question = &lesson.quiz[index];
    let related = match question.answer {
        Some(_) => Vec::new(),
        None => related_concepts(&question.question, &lesson.concepts, RELATED_SHOWN),
    };
    QuizItem {
        kind: ItemKind::FreeRecall,
        source: Source::Question(index),
        subject: question.question.clone(),
        question: Question::Recall(Recall {
            question: question.question.clone(),
            answer: question.answer.clone(),
            related,
        }),
    }
}

/// Builds a multiple-choice item, or returns `None` when no distractor with a
/// match key different from the answer's exists.
fn choice<'a>(
    prompt: &str,
    answer: &'a str,
    candidates: [Vec<&'a str>; 2],
    rng: &mut ChaCha8Rng,
) -> Option<Choice> {
    let mut keys = vec![match_key(answer)];
    let mut options = vec![answer.to_string()];
    for mut tier in candidates {
        // A tier that is not needed draws nothing from the generator, so a
        // lesson with enough concepts of its own gets the same quiz whatever
        // other lessons are stored.
        if options.len() == MAX_OPTIONS {
            break;
        }
        shuffle(&mut tier, rng);
        for candidate in tier {
            if options.len() == MAX_OPTIONS {
                break;
            }
            let key = match_key(candidate);
            if !keys.contains(&key) {
                keys.push(key);
                options.push(candidate.to_string());
            }
        }
    }
    if options.len() < 2 {
        return None;
    }
    shuffle(&mut options, rng);
    let answer = options.iter().position(|option| option == answer)?;
    Some(Choice {
        prompt: prompt.to_string(),
        options,
        answer,
    })
}

/// The concepts that distractors are drawn from: the quiz's own lesson first,
/// then every other lesson.
struct DistractorPool<'a> {
    own: &'a [Concept],
    others: Vec<&'a Concept>,
}

impl<'a> DistractorPool<'a> {
    fn new(lesson: &'a Lesson, others: &'a [Lesson]) -> Self {
        let others = others
            .iter()
            .filter(|other| other.id != lesson.id)
            .flat_map(|other| &other.concepts)
            .collect();
        DistractorPool {
            own: &lesson.concepts,
            others,
        }
    }

    /// Returns the candidate terms for the concept at `index`, in two tiers.
    fn terms(&self, index: usize) -> [Vec<&'a str>; 2] {
        self.tiers(index, |concept| concept.term.as_str())
    }

    /// Returns the candidate definitions for the concept at `index`, in two
    /// tiers.
    fn definitions(&self, index: usize) -> [Vec<&'a str>; 2] {
        self.tiers(index, |concept| concept.definition.as_str())
    }

    fn tiers(&self, index: usize, field: fn(&'a Concept) -> &'a str) -> [Vec<&'a str>; 2] {
        let own = self
            .own
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .map(|(_, concept)| field(concept))
            .filter(|text| has_text(text))
            .collect();
        let others = self
            .others
            .iter()
            .map(|concept| field(concept))
            .filter(|text| has_text(text))
            .collect();
        [own, others]
    }
}
