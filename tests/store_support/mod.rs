//! Shared helpers for the store, scheduler and study-command tests:
//! lessons built by hand and a clock that moves through study days.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use chrono::{DateTime, FixedOffset};
use distill::lesson::{Concept, Lesson, QuizQuestion, ReviewPrompt};
use distill::schedule::StudyTime;
use distill::store::{LessonFile, source_sha256};

/// Builds a concept without a gloss.
pub fn concept(term: &str, definition: &str, line: usize) -> Concept {
    Concept {
        term: term.into(),
        gloss: None,
        definition: definition.into(),
        line,
    }
}

/// Builds a lesson with these concepts and quiz questions and nothing else.
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

/// Returns the study time of `text`, with days starting at 04:00.
pub fn time(text: &str) -> StudyTime {
    StudyTime::new(at(text), 4).unwrap()
}

/// Returns 10:00 UTC, `days` days after 2026-01-01, as a study time.
pub fn day_time(days: u32) -> StudyTime {
    let start = at("2026-01-01T10:00:00+00:00");
    StudyTime::new(start + chrono::TimeDelta::days(i64::from(days)), 4).unwrap()
}

/// A temporary home for the binary: a database path and empty config and
/// data folders, so no test reads or writes the real ones.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
}

impl Sandbox {
    /// Creates the folder and a database holding `lessons`.
    pub fn with_lessons(lessons: Vec<Lesson>) -> Sandbox {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("study.db");
        let mut store = distill::store::Store::open(&db).unwrap();
        let files: Vec<LessonFile> = lessons.into_iter().map(file).collect();
        store
            .import_lessons(&files, at("2020-01-01T00:00:00Z"))
            .unwrap();
        Sandbox { dir, db }
    }

    /// Returns a `distill` command on this database with the clock at
    /// `now`, in time zone `tz`.
    pub fn distill(&self, now: &str, tz: &str) -> assert_cmd::Command {
        let mut command = assert_cmd::Command::cargo_bin("distill").unwrap();
        command
            .env_clear()
            .env("TZ", tz)
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .arg("--db")
            .arg(&self.db)
            .arg("--now")
            .arg(now);
        command
    }

    /// Runs `distill` with `args`, asserts success and parses its JSON.
    pub fn json(&self, now: &str, tz: &str, args: &[&str]) -> serde_json::Value {
        let output = self.distill(now, tz).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "distill {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    /// Returns the ids and due dates from `distill due --lesson LESSON --json`.
    pub fn due(
        &self,
        now: &str,
        tz: &str,
        lesson: &str,
    ) -> (String, Vec<(String, Option<String>)>) {
        let value = self.json(now, tz, &["due", "--lesson", lesson, "--json"]);
        let today = value["today"].as_str().unwrap().to_owned();
        let cards = value["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|card| {
                let id = card["id"].as_str().unwrap().to_owned();
                (id, card["due"].as_str().map(str::to_owned))
            })
            .collect();
        (today, cards)
    }

    /// Grades `card` and returns `grade --json`'s output.
    pub fn grade(&self, now: &str, tz: &str, card: &str, grade: &str) -> serde_json::Value {
        self.json(now, tz, &["grade", card, grade, "--json"])
    }
}
