//! Quiz generation on hand-built lessons: seeding, options and item mix.

use std::collections::BTreeSet;

use distill::lesson::{Concept, Lesson, QuizQuestion};
use distill::quiz::{self, ItemKind, MAX_OPTIONS, Question, Quiz, Source, match_key};

fn concept(term: &str, definition: &str) -> Concept {
    Concept {
        term: term.to_string(),
        gloss: None,
        definition: definition.to_string(),
        line: 1,
    }
}

fn question(text: &str, answer: Option<&str>) -> QuizQuestion {
    QuizQuestion {
        question: text.to_string(),
        answer: answer.map(str::to_string),
        line: 1,
    }
}

fn lesson(id: &str, concepts: Vec<Concept>, quiz: Vec<QuizQuestion>) -> Lesson {
    Lesson {
        id: id.to_string(),
        title: format!("Lesson {id}"),
        prior_knowledge: Vec::new(),
        overview: Vec::new(),
        concepts,
        path: Vec::new(),
        examples: Vec::new(),
        pitfalls: Vec::new(),
        quiz,
        recap: Vec::new(),
        review_plan: Vec::new(),
        other_sections: Vec::new(),
        warnings: Vec::new(),
    }
}

fn column_lesson() -> Lesson {
    lesson(
        "column",
        vec![
            concept("Кипене", "Преход на течност в пара в целия ѝ обем."),
            concept("Кондензация", "Превръщане на парата обратно в течност."),
            concept(
                "Рефлукс (Reflux)",
                "Част от кондензата, върната в колоната.",
            ),
            concept(
                "Плато",
                "Преграда в колоната, на която парата среща течност.",
            ),
            concept(
                "Азеотроп",
                "Смес, чиято пара има същия състав като течността.",
            ),
            concept(
                "Кубов остатък",
                "Течността, която остава в дъното на колоната.",
            ),
        ],
        vec![
            question("Защо колоната с плата разделя сместа по-добре?", None),
            question("При колко °C кипи етанолът?", Some("78,37 °C")),
        ],
    )
}

fn kd_lesson() -> Lesson {
    lesson(
        "kd",
        vec![
            concept("Teacher", "The large model whose outputs are imitated."),
            concept("Student", "The small model trained to imitate."),
            concept(
                "Soft targets",
                "Class probabilities of the teacher at a high temperature.",
            ),
            concept(
                "Temperature",
                "The divisor of the logits before the softmax.",
            ),
        ],
        Vec::new(),
    )
}

/// Checks the invariants every generated quiz must hold.
fn assert_well_formed(lesson: &Lesson, quiz: &Quiz) {
    for item in &quiz.items {
        let Question::Choice(choice) = &item.question else {
            continue;
        };
        let Source::Concept(index) = item.source else {
            panic!("choice item not made from a concept: {item:?}");
        };
        let concept = &lesson.concepts[index];
        let right = match item.kind {
            ItemKind::ChooseDefinition => &concept.definition,
            ItemKind::ChooseTerm => &concept.term,
            other => panic!("choice item of kind {other:?}"),
        };
        assert!(
            (2..=MAX_OPTIONS).contains(&choice.options.len()),
            "{choice:?}"
        );
        assert_eq!(&choice.options[choice.answer], right, "{choice:?}");
        let keys: BTreeSet<String> = choice.options.iter().map(|o| match_key(o)).collect();
        assert_eq!(
            keys.len(),
            choice.options.len(),
            "duplicate option in {choice:?}"
        );
    }
}

fn subjects(quiz: &Quiz) -> Vec<&str> {
    quiz.items
        .iter()
        .map(|item| item.subject.as_str())
        .collect()
}

#[test]
fn same_seed_gives_same_quiz() {
    let lesson = column_lesson();
    let others = [kd_lesson()];
    let first = quiz::generate(&lesson, &others, 7);
    let second = quiz::generate(&lesson, &others, 7);
    assert_eq!(first, second);
}

#[test]
fn different_seeds_change_order() {
    let lesson = column_lesson();
    let orders: BTreeSet<Vec<String>> = (0..20)
        .map(|seed| {
            let quiz = quiz::generate(&lesson, &[], seed);
            subjects(&quiz).iter().map(|s| s.to_string()).collect()
        })
        .collect();
    assert!(
        orders.len() > 10,
        "only {} orders from 20 seeds",
        orders.len()
    );
}

#[test]
fn every_concept_and_question_asked_once() {
    let lesson = column_lesson();
    for seed in 0..50 {
        let quiz = quiz::generate(&lesson, &[], seed);
        assert_eq!(quiz.items.len(), 8);
        let concepts: BTreeSet<usize> = quiz
            .items
            .iter()
            .filter_map(|item| match item.source {
                Source::Concept(index) => Some(index),
                Source::Question(_) => None,
            })
            .collect();
        assert_eq!(concepts, (0..6).collect());
        let recalls = quiz
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::FreeRecall)
            .count();
        assert_eq!(recalls, 2);
    }
}

#[test]
fn kinds_rotate_over_concepts() {
    let quiz = quiz::generate(&column_lesson(), &[], 3);
    let count = |kind| quiz.items.iter().filter(|item| item.kind == kind).count();
    assert_eq!(count(ItemKind::ChooseDefinition), 2);
    assert_eq!(count(ItemKind::ChooseTerm), 2);
    assert_eq!(count(ItemKind::TypeTerm), 2);
}

#[test]
fn options_well_formed_over_many_seeds() {
    let lessons = [column_lesson(), kd_lesson()];
    for seed in 0..200 {
        for (index, lesson) in lessons.iter().enumerate() {
            let others = &lessons[1 - index..2 - index];
            let quiz = quiz::generate(lesson, others, seed);
            assert_well_formed(lesson, &quiz);
        }
    }
}

#[test]
fn distractors_come_from_own_lesson_first() {
    let lesson = column_lesson();
    let own_terms: BTreeSet<&str> = lesson.concepts.iter().map(|c| c.term.as_str()).collect();
    let own_definitions: BTreeSet<&str> = lesson
        .concepts
        .iter()
        .map(|c| c.definition.as_str())
        .collect();
    for seed in 0..50 {
        let quiz = quiz::generate(&lesson, &[kd_lesson()], seed);
        for item in &quiz.items {
            let Question::Choice(choice) = &item.question else {
                continue;
            };
            assert_eq!(choice.options.len(), MAX_OPTIONS);
            for option in &choice.options {
                let own = match item.kind {
                    ItemKind::ChooseTerm => own_terms.contains(option.as_str()),
                    _ => own_definitions.contains(option.as_str()),
                };
                assert!(own, "option {option:?} is not from the quiz's lesson");
            }
        }
    }
}

#[test]
fn small_lesson_borrows_distractors() {
    let small = lesson(
        "small",
        vec![
            concept("Дестилат", "Кондензираната пара, събрана след колоната."),
            concept("Дефлегматор", "Кондензаторът, който връща рефлукса."),
        ],
        Vec::new(),
    );
    let other_terms: BTreeSet<String> = kd_lesson()
        .concepts
        .iter()
        .map(|c| c.term.clone())
        .collect();
    for seed in 0..50 {
        let quiz = quiz::generate(&small, &[kd_lesson()], seed);
        assert_well_formed(&small, &quiz);
        for item in &quiz.items {
            let Question::Choice(choice) = &item.question else {
                continue;
            };
            assert_eq!(choice.options.len(), MAX_OPTIONS);
            let Source::Concept(index) = item.source else {
                panic!("choice item not made from a concept");
            };
            let own_other = &small.concepts[1 - index];
            let own_option = match item.kind {
                ItemKind::ChooseTerm => &own_other.term,
                _ => &own_other.definition,
            };
            assert!(
                choice.options.contains(own_option),
                "own distractor missing"
            );
            if item.kind == ItemKind::ChooseTerm {
                let borrowed = choice.options.iter().filter(|o| other_terms.contains(*o));
                assert_eq!(borrowed.count(), 2);
            }
        }
    }
}

#[test]
fn single_concept_lesson_gets_typed_item() {
    let single = lesson(
        "single",
        vec![concept(
            "Азеотроп",
            "Смес, която кипи без промяна на състава си.",
        )],
        vec![question("Какво ограничава азеотропът?", None)],
    );
    for seed in 0..20 {
        let quiz = quiz::generate(&single, &[], seed);
        assert_eq!(quiz.items.len(), 2);
        let typed = quiz.items.iter().find(|i| i.kind == ItemKind::TypeTerm);
        let typed = typed.expect("the single concept is asked as a typed item");
        assert_eq!(typed.expected().as_deref(), Some("Азеотроп"));
    }
}

#[test]
fn single_concept_lesson_with_others_gets_choices() {
    let single = lesson(
        "single",
        vec![concept(
            "Азеотроп",
            "Смес, която кипи без промяна на състава си.",
        )],
        Vec::new(),
    );
    let quiz = quiz::generate(&single, &[kd_lesson()], 0);
    assert_well_formed(&single, &quiz);
    let Question::Choice(choice) = &quiz.items[0].question else {
        panic!("expected a choice item, got {:?}", quiz.items[0]);
    };
    assert_eq!(choice.options.len(), MAX_OPTIONS);
}

#[test]
fn duplicate_definitions_never_both_options() {
    let twins = lesson(
        "twins",
        vec![
            concept("Дестилат", "Събраната течност."),
            concept("Продукт", "събраната   течност"),
            concept("Остатък", "Течността в куба."),
        ],
        Vec::new(),
    );
    for seed in 0..100 {
        let quiz = quiz::generate(&twins, &[], seed);
        assert_well_formed(&twins, &quiz);
    }
}

#[test]
fn empty_lesson_gives_empty_quiz() {
    let empty = lesson("empty", Vec::new(), Vec::new());
    assert!(quiz::generate(&empty, &[kd_lesson()], 1).items.is_empty());
}

#[test]
fn concept_without_definition_left_out() {
    let partial = lesson(
        "partial",
        vec![concept("Кипене", "Преход в пара."), concept("Плато", "  ")],
        Vec::new(),
    );
    let quiz = quiz::generate(&partial, &[], 0);
    assert_eq!(subjects(&quiz), ["Кипене"]);
}

#[test]
fn recall_without_answer_lists_related_concepts() {
    let lesson = column_lesson();
    let quiz = quiz::generate(&lesson, &[], 0);
    for item in &quiz.items {
        let Question::Recall(recall) = &item.question else {
            continue;
        };
        match recall.answer {
            Some(_) => assert!(recall.related.is_empty()),
            None => {
                let terms: Vec<&str> = recall.related.iter().map(|c| c.term.as_str()).collect();
                assert_eq!(terms, ["Плато", "Азеотроп", "Рефлукс (Reflux)"]);
            }
        }
    }
}

#[test]
fn other_lessons_unused_when_own_suffice() {
    let lesson = column_lesson();
    for seed in 0..20 {
        let alone = quiz::generate(&lesson, &[], seed);
        let with_others = quiz::generate(&lesson, &[kd_lesson()], seed);
        assert_eq!(alone, with_others, "seed {seed}");
    }
}
