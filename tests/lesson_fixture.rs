//! The binary-search fixture: a complete lesson in the template's shape,
//! with hand-counted contents, and its CRLF + BOM copy.

use std::path::Path;

use distill::lesson::{self, Block, Lesson};

const FIXTURE: &str = "tests/fixtures/lessons/binary-search.md";
const CRLF_BOM_COPY: &str = "tests/fixtures/lessons/binary-search.crlf-bom.md";

fn fixture() -> Lesson {
    match lesson::parse_file(Path::new(FIXTURE)) {
        Ok(lesson) => lesson,
        Err(err) => panic!("fixture must parse: {err}"),
    }
}

#[test]
fn fixture_counts_match_hand_count() {
    let lesson = fixture();
    assert_eq!(lesson.id, "binary-search");
    assert_eq!(lesson.title, "Двоично търсене");
    assert_eq!(lesson.prior_knowledge.len(), 3);
    assert_eq!(lesson.overview.len(), 2);
    assert_eq!(lesson.concepts.len(), 5);
    assert_eq!(lesson.path.len(), 3);
    assert_eq!(lesson.examples.len(), 2);
    assert_eq!(lesson.pitfalls.len(), 2);
    assert_eq!(lesson.quiz.len(), 4);
    assert_eq!(lesson.recap.len(), 3);
    assert_eq!(lesson.review_plan.len(), 4);
    assert!(lesson.other_sections.is_empty());
    assert_eq!(lesson.warnings, vec![]);
}

#[test]
fn fixture_ladder_has_two_weeks() {
    assert_eq!(fixture().ladder_days(), vec![1, 3, 14, 30]);
}

#[test]
fn fixture_concepts_with_every_separator() {
    let lesson = fixture();
    let terms: Vec<&str> = lesson.concepts.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(
        terms,
        [
            "Подреден масив (Sorted array)",
            "Инвариант на цикъла (Loop invariant)",
            "Среден индекс",
            "Логаритмична сложност (Logarithmic time)",
            "Долна граница (Lower bound)",
        ]
    );
    let glosses: Vec<Option<&str>> = lesson.concepts.iter().map(|c| c.gloss.as_deref()).collect();
    assert_eq!(
        glosses,
        [
            Some("Sorted array"),
            Some("Loop invariant"),
            None,
            Some("Logarithmic time"),
            Some("Lower bound"),
        ]
    );
    // The em-dash definition continues on the next line.
    assert_eq!(
        lesson.concepts[1].definition,
        "твърдение за границите `lo` и `hi`, което остава вярно след всяка итерация."
    );
    assert_eq!(
        lesson.concepts[2].definition,
        "позицията `lo + (hi - lo) / 2`, която не препълва целочисления тип."
    );
    let lines: Vec<usize> = lesson.concepts.iter().map(|c| c.line).collect();
    assert_eq!(lines, [22, 23, 25, 26, 27]);
}

#[test]
fn fixture_path_steps() {
    let lesson = fixture();
    let first = &lesson.path[0];
    assert_eq!(first.title, "Ръчно търсене");
    assert_eq!(
        first.focus.as_deref(),
        Some("Проследете търсенето на 37 в масива 3, 8, 15, 23, 37, 41, 56.")
    );
    assert_eq!(
        first.task.as_deref(),
        Some("Запишете `lo`, `hi` и средния индекс на всяка стъпка.")
    );
    assert_eq!(
        first.questions,
        ["Колко сравнения бяха нужни?", "Кога търсенето спира?"]
    );
    assert!(first.notes.is_empty());
    assert_eq!(first.line, 31);
    let question_counts: Vec<usize> = lesson.path.iter().map(|s| s.questions.len()).collect();
    assert_eq!(question_counts, [2, 2, 1]);
    assert!(
        lesson
            .path
            .iter()
            .all(|s| s.focus.is_some() && s.task.is_some())
    );
}

#[test]
fn fixture_answer_on_first_question_only() {
    let lesson = fixture();
    let answers: Vec<Option<&str>> = lesson.quiz.iter().map(|q| q.answer.as_deref()).collect();
    assert_eq!(
        answers,
        [
            Some("Да е подреден по същото сравнение, с което търсим."),
            None,
            None,
            None
        ]
    );
    assert_eq!(
        lesson.quiz[2].question,
        "Защо средният индекс се пресмята като `lo + (hi - lo) / 2`?"
    );
}

#[test]
fn fixture_examples_keep_code() {
    let lesson = fixture();
    assert_eq!(lesson.examples[0].title, "Пример 1: Седем елемента");
    assert_eq!(lesson.examples[1].title, "Пример 2: Долна граница в Rust");
    let Block::Code { language, code, .. } = &lesson.examples[1].blocks[0] else {
        panic!("expected a code block, got {:?}", lesson.examples[1].blocks);
    };
    assert_eq!(language.as_deref(), Some("rust"));
    assert!(code.starts_with("fn lower_bound(items: &[i32], target: i32) -> usize {\n"));
    assert!(code.ends_with("    lo\n}"));
    // The HTML comment after the code block adds nothing.
    assert_eq!(lesson.examples[1].blocks.len(), 1);
}

#[test]
fn fixture_review_plan_sorted() {
    let lesson = fixture();
    let days: Vec<u32> = lesson.review_plan.iter().map(|p| p.days).collect();
    assert_eq!(days, [1, 3, 14, 30]);
    assert_eq!(
        lesson.review_plan[2].prompt,
        "Решете задача с долна граница."
    );
    assert_eq!(lesson.review_plan[0].line, 92);
}

#[test]
fn crlf_bom_copy_parses_identically() {
    let copy = std::fs::read(CRLF_BOM_COPY).unwrap();
    assert!(copy.starts_with(b"\xef\xbb\xbf"));
    assert!(copy.windows(2).any(|pair| pair == b"\r\n"));
    let parsed = lesson::parse(Path::new(CRLF_BOM_COPY), "binary-search", &copy).unwrap();
    assert_eq!(parsed, fixture());
}

#[test]
fn missing_final_newline_parses_identically() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let trimmed = text.trim_end_matches('\n');
    let parsed = lesson::parse(Path::new(FIXTURE), "binary-search", trimmed.as_bytes()).unwrap();
    assert_eq!(parsed, fixture());
}

#[test]
fn blanking_html_comments_changes_nothing() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    // Blank lines in place of the comments keep every line number.
    let blanked: String = text
        .lines()
        .map(|line| {
            if line.starts_with("<!--") {
                "\n".to_owned()
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    assert_ne!(blanked, text);
    let parsed = lesson::parse(Path::new(FIXTURE), "binary-search", blanked.as_bytes()).unwrap();
    assert_eq!(parsed, fixture());
}
