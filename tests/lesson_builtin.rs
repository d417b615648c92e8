//! The shipped lessons in content/: they parse with no warnings and with
//! the counts taken by hand from the files.

use std::path::Path;

use distill::builtin::LESSONS;
use distill::lesson::{self, Lesson};

fn shipped() -> Vec<Lesson> {
    LESSONS
        .iter()
        .map(|shipped| {
            let path = Path::new("content").join(shipped.file_name);
            let id = shipped.file_name.trim_end_matches(".md");
            match lesson::parse(&path, id, shipped.text.as_bytes()) {
                Ok(lesson) => lesson,
                Err(err) => panic!("shipped lesson must parse: {err}"),
            }
        })
        .collect()
}

#[test]
fn shipped_lessons_have_no_warnings() {
    for lesson in shipped() {
        assert_eq!(lesson.warnings, vec![], "lesson {}", lesson.id);
    }
}

#[test]
fn shipped_lessons_match_hand_count() {
    let lessons = shipped();
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["distillation", "distillation.en"]);
    for lesson in &lessons {
        let id = &lesson.id;
        assert_eq!(lesson.prior_knowledge.len(), 5, "{id}");
        assert_eq!(lesson.concepts.len(), 14, "{id}");
        assert_eq!(lesson.path.len(), 7, "{id}");
        assert_eq!(lesson.examples.len(), 3, "{id}");
        assert_eq!(lesson.pitfalls.len(), 6, "{id}");
        assert_eq!(lesson.quiz.len(), 9, "{id}");
        assert_eq!(lesson.recap.len(), 5, "{id}");
        assert_eq!(lesson.review_plan.len(), 4, "{id}");
        assert!(lesson.other_sections.is_empty(), "{id}");
        assert_eq!(lesson.ladder_days(), vec![1, 3, 7, 30], "{id}");
    }
}

#[test]
fn shipped_quiz_questions_have_answers() {
    for lesson in shipped() {
        for question in &lesson.quiz {
            let answer = question.answer.as_deref().unwrap_or_default();
            assert!(
                !answer.is_empty(),
                "{}:{} has no answer",
                lesson.id,
                question.line
            );
        }
    }
}

#[test]
fn shipped_path_steps_are_complete() {
    for lesson in shipped() {
        for step in &lesson.path {
            let at = format!("{}:{}", lesson.id, step.line);
            assert!(!step.title.is_empty(), "{at} title");
            assert!(step.focus.is_some(), "{at} focus");
            assert!(step.task.is_some(), "{at} task");
            assert!(!step.questions.is_empty(), "{at} questions");
            assert!(
                step.questions.iter().all(|q| q.ends_with('?')),
                "{at} question marks"
            );
        }
    }
}
