//! Shared helpers for the store, scheduler and study-command tests:
//! lessons built by hand and a clock that moves through study days.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use chrono::{DateTime, FixedOffset};
use distill::lesson::{Concept, Lesson, QuizQuestion, ReviewPrompt};
use distill::schedule::StudyTime;
use distill::store::{LessonFile, source_sha256};

/// A concept with no gloss.
pub fn concept(term: &str, definition: &str, line: usize) -> Concept {
    Concept {
        term: term.into(),
        gloss: None,
        definition: definition.into(),
        line,
    }
}

/// A lesson with the given concepts and quiz questions and no other content.
pub fn lesson(id: &str, concepts: &[(&str, &str)], quiz: &[&str]) -> Lesson {
    Lesson {
        id: id.into(),
        title: format!("Lesson {id}"),
        prior_knowledge: vec![],
        overview: vec![],
        concepts: concepts
            .iter()
            .enumerate()
            .map(|(i, (term, definition))| concept(term, definition, 10 + i))
            .collect(),
        path: vec![],
        examples: vec![],
        pitfalls: vec![],
        quiz: quiz
            .iter()
            .enumerate()
            .map(|(i, question)| QuizQuestion {
                question: (*question).into(),
                answer: None,
                line: 40 + i,
            })
            .collect(),
        recap: vec![],
        review_plan: vec![],
        other_sections: vec![],
        warnings: vec![],
    }
}

/// Gives `lesson` a review plan with these intervals in days.
pub fn with_plan(mut lesson: Lesson, days: &[u32]) -> Lesson {
    lesson.review_plan = days
        .iter()
        .enumerate()
        .map(|(i, days)| ReviewPrompt {
            days: *days,
            prompt: format!("Recall after {days} days."),
            line: 60 + i,
        })
        .collect();
    lesson
}

/// Wraps a lesson for import, hashing its debug form as the file bytes.
pub fn file(lesson: Lesson) -> LessonFile {
    let sha256 = source_sha256(format!("{lesson:?}").as_bytes());
    LessonFile {
        source: format!("{}.md", lesson.id),
        lesson,
        sha256,
    }
}

/// Parses an RFC 3339 time.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The study time of `text` with days starting at 04:00.
pub fn time(text: &str) -> StudyTime {
    StudyTime::new(at(text), 4).unwrap()
}

/// A time at 10:00 UTC, `days` days after 2026-01-01.
pub fn day_time(days: u32) -> StudyTime {
    let start = at("2026-01-01T10:00:00+00:00");
    StudyTime::new(start + chrono::TimeDelta::days(i64::from(days)), 4).unwrap()
}
