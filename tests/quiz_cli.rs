//! `distill quiz --plain` and `distill path` through the real binary, on a
//! database file in a temporary folder.

mod quiz_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use distill::lesson::{self, Lesson};
use distill::quiz::{self, Attempt, ItemKind, Outcome, Question, Quiz};
use distill::schedule::Grade;
use distill::store::Store;

const SEED: &str = "7";
const DAY_0: &str = "2026-03-01T09:00:00+02:00";
const DAY_1: &str = "2026-03-02T09:00:00+02:00";

/// A temporary home for the binary, with the fixture lesson imported.
struct Sandbox {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("study.db");
        let sandbox = Sandbox { dir, db };
        let fixture = fixture_path();
        let output = sandbox
            .distill(DAY_0)
            .arg("import")
            .arg(&fixture)
            .output()
            .expect("distill runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        sandbox
    }

    fn distill(&self, now: &str) -> assert_cmd::Command {
        let mut command = assert_cmd::Command::cargo_bin("distill").expect("binary built");
        command
            .env_clear()
            .env("TZ", "Europe/Sofia")
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .arg("--db")
            .arg(&self.db)
            .arg("--now")
            .arg(now);
        command
    }

    fn store(&self) -> Store {
        Store::open(&self.db).expect("database opens")
    }
}

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolona.md")
}

fn fixture_lesson() -> Lesson {
    lesson::parse_file(&fixture_path()).expect("fixture parses")
}

/// The quiz the binary builds for the fixture with [`SEED`]: the fixture
/// has enough concepts that other stored lessons never change it.
fn expected_quiz() -> Quiz {
    quiz::generate(&fixture_lesson(), &[], SEED.parse().expect("seed"))
}

/// Returns the input lines of a run that answers right the items whose
/// index is in `right` and wrong the others. Free recall is graded good when
/// right and again when wrong. A right typed term loses its first letter
/// when its index is in `typos`.
fn script_with_typos(quiz: &Quiz, right: &[usize], typos: &[usize]) -> String {
    let mut lines = String::new();
    for (index, item) in quiz.items.iter().enumerate() {
        let is_right = right.contains(&index);
        let line = match (&item.question, is_right) {
            (Question::Typed(typed), true) if typos.contains(&index) => {
                let typo: String = typed.key.term.chars().skip(1).collect();
                format!("{typo}\n")
            }
            (Question::Choice(choice), true) => format!("{}\n", choice.answer + 1),
            (Question::Choice(choice), false) => {
                format!("{}\n", (choice.answer + 1) % choice.options.len() + 1)
            }
            (Question::Typed(typed), true) => format!("{}\n", typed.key.term.to_lowercase()),
            (Question::Typed(_), false) => "не знам\n".to_string(),
            (Question::Recall(_), true) => "спомням си\ngood\n".to_string(),
            (Question::Recall(_), false) => "\nagain\n".to_string(),
        };
        lines.push_str(&line);
    }
    lines
}

fn script(quiz: &Quiz, right: &[usize]) -> String {
    script_with_typos(quiz, right, &[])
}

#[test]
fn scripted_run_scores_and_stores_attempts() {
    let sandbox = Sandbox::new();
    let quiz = expected_quiz();
    assert_eq!(quiz.items.len(), 8);
    let right = [0, 2, 3, 5, 6];
    let output = sandbox
        .distill(DAY_1)
        .args(["quiz", "kolona", "--plain", "--seed", SEED])
        .write_stdin(script(&quiz, &right))
        .output()
        .expect("distill runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.lines().last(), Some("score: 5/8"));

    let attempts = sandbox.store().quiz_attempts("kolona").expect("attempts");
    assert_eq!(attempts.len(), 8);
    for (index, (stored, item)) in attempts.iter().zip(&quiz.items).enumerate() {
        assert_eq!(stored.subject, item.subject, "item {index}");
        assert_eq!(stored.kind, item.kind.as_str(), "item {index}");
        assert_eq!(stored.correct, right.contains(&index), "item {index}");
        assert_eq!(stored.day.to_string(), "2026-03-02", "item {index}");
        assert!(stored.card_id.is_some(), "item {index} has a card");
        assert_eq!(stored.review_log_id, None, "no card was due");
        let self_grade = match (item.kind, right.contains(&index)) {
            (ItemKind::FreeRecall, true) => Some(Grade::Good),
            (ItemKind::FreeRecall, false) => Some(Grade::Again),
            _ => None,
        };
        assert_eq!(stored.self_grade, self_grade, "item {index}");
    }
}

#[test]
fn almost_right_term_shows_spelling() {
    let sandbox = Sandbox::new();
    let quiz = expected_quiz();
    let typed = quiz
        .items
        .iter()
        .position(|item| item.kind == ItemKind::TypeTerm)
        .expect("a typed item");
    let output = sandbox
        .distill(DAY_1)
        .args(["quiz", "kolona", "--plain", "--seed", SEED])
        .write_stdin(script_with_typos(&quiz, &[typed], &[typed]))
        .output()
        .expect("distill runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let term = quiz.items[typed].expected().expect("a term");
    assert!(
        stdout.contains(&format!("almost: the exact spelling is {term}")),
        "{stdout}"
    );
    assert_eq!(stdout.lines().last(), Some("score: 1/8"));
    let attempts = sandbox.store().quiz_attempts("kolona").expect("attempts");
    assert!(attempts[typed].correct);
}

#[test]
fn plain_output_is_stable() {
    let sandbox = Sandbox::new();
    let quiz = expected_quiz();
    let output = sandbox
        .distill(DAY_1)
        .args(["quiz", "kolona", "--plain", "--seed", SEED])
        .write_stdin(script(&quiz, &[1, 4, 7]))
        .output()
        .expect("distill runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        !stdout.contains('\u{1b}'),
        "plain output holds no escape sequence"
    );
    insta::assert_snapshot!("plain_quiz_seed_7", stdout);
}

#[test]
fn answer_to_due_card_counts_as_review() {
    let sandbox = Sandbox::new();
    let quiz = expected_quiz();
    // Make the card of the first item due on day 1 by answering it Good on
    // day 0.
    let first = &quiz.items[0];
    let probe = Outcome::choose(first, 0)
        .or_else(|| Outcome::type_term(first, ""))
        .or_else(|| Outcome::recall(first, "", Grade::Good))
        .expect("an outcome for the first item");
    let card = Attempt::new(&quiz, 0, &probe, Duration::ZERO)
        .expect("attempt")
        .card_id();
    sandbox
        .distill(DAY_0)
        .args(["grade", card.as_str(), "good"])
        .assert()
        .success();

    let output = sandbox
        .distill(DAY_1)
        .args(["quiz", "kolona", "--plain", "--seed", SEED])
        .write_stdin(script(&quiz, &[]))
        .output()
        .expect("distill runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        stdout.contains(&format!("counted as the review of card {card} (again)")),
        "{stdout}"
    );
    assert_eq!(stdout.lines().last(), Some("score: 0/8"));

    let stored = sandbox
        .store()
        .card(&card)
        .expect("card readable")
        .expect("card");
    assert_eq!(stored.state.rung, 0, "Again drops the card to rung 0");
    let attempts = sandbox.store().quiz_attempts("kolona").expect("attempts");
    assert!(attempts[0].review_log_id.is_some());
    assert!(
        attempts[1..]
            .iter()
            .all(|attempt| attempt.review_log_id.is_none())
    );
}

#[test]
fn same_seed_same_questions() {
    let sandbox = Sandbox::new();
    let run = || {
        let output = sandbox
            .distill(DAY_1)
            .args(["quiz", "kolona", "--plain", "--seed", "99"])
            .write_stdin("")
            .output()
            .expect("distill runs");
        String::from_utf8(output.stdout).expect("UTF-8 output")
    };
    let first = run();
    assert!(
        first.contains("input ended after 0 of 8 questions"),
        "{first}"
    );
    assert_eq!(first, run());
}

#[test]
fn unknown_lesson_fails_with_fix() {
    let sandbox = Sandbox::new();
    sandbox
        .distill(DAY_1)
        .args(["quiz", "nothing", "--plain"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("lesson \"nothing\" not found"))
        .stderr(predicates::str::contains("distill import"));
}

#[test]
fn plain_without_lesson_fails() {
    let sandbox = Sandbox::new();
    sandbox
        .distill(DAY_1)
        .args(["quiz", "--plain"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("missing LESSON"));
}

#[test]
fn path_lists_lessons_as_json() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .distill(DAY_1)
        .args(["path", "--json"])
        .output()
        .expect("distill runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value["today"], "2026-03-02");
    let kolona = value["lessons"]
        .as_array()
        .expect("lessons")
        .iter()
        .find(|lesson| lesson["id"] == "kolona")
        .expect("the fixture is listed");
    assert_eq!(kolona["steps"], 3);
    assert_eq!(kolona["done"], 0);
    assert_eq!(kolona["studied_on"], serde_json::Value::Null);
    assert_eq!(value["due_prompts"], serde_json::json!([]));
}
