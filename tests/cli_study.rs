//! The study commands end to end: the real binary on a real database file.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use distill::deck::{CardId, CardKind};
use distill::schedule::StudyDay;
use distill::store::Store;
use predicates::str::contains;
use store_support::{Sandbox, lesson};

const UTC: &str = "UTC";

fn sim_lesson() -> distill::lesson::Lesson {
    lesson(
        "sim",
        &[
            ("Teacher", "The large model."),
            ("Student", "The small model."),
            ("Temperature", "Softens the distribution."),
            ("Soft targets", "The teacher's probabilities."),
        ],
        &["Why distill?", "What does the temperature change?"],
    )
}

/// The expected schedule of one card, computed here from the ladder rules
/// (1, 3, 7 and 30 days) independently of the scheduler's code.
#[derive(Debug, Clone, Copy, Default)]
struct Model {
    rung: u32,
    due: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

const LADDER: [u64; 5] = [0, 1, 3, 7, 30];

impl Model {
    fn answer(&mut self, grade: &str, today: NaiveDate) {
        let review = self.last.map_or(today, |last| last.max(today));
        self.rung = match grade {
            "again" => 0,
            "hard" => self.rung.max(1),
            "good" => (self.rung + 1).min(4),
            _ => (self.rung + 2).min(4),
        };
        self.due = Some(review + Days::new(LADDER[self.rung as usize]));
        self.last = Some(review);
    }
}

/// Picks a grade from the card, the day and the attempt, so the run covers
/// every grade: mostly good, with again, hard and easy mixed in.
fn pick_grade(card: &str, day: u32, attempt: u32) -> &'static str {
    if attempt > 0 {
        return "good";
    }
    let seed = card.bytes().map(u32::from).sum::<u32>() + day * 7;
    match seed % 11 {
        0 | 1 => "again",
        2 => "hard",
        3 => "easy",
        _ => "good",
    }
}

#[test]
fn ninety_days_of_study() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut models: HashMap<String, Model> = HashMap::new();
    let mut answers = 0;
    for day in 0..90u32 {
        let date = start + Days::new(u64::from(day));
        let now = format!("{date}T09:00:00Z");
        let mut attempt = HashMap::<String, u32>::new();
        let mut introduced = 0;
        loop {
            let (today, cards) = due_with_limit(&sandbox, &now);
            assert_eq!(today, date.to_string());
            check_due_list(&models, &cards, date, answers);
            let new_expected = (NEW_PER_DAY - introduced).min(CARDS - models.len());
            let new_listed = cards.iter().filter(|(_, due)| due.is_none()).count();
            assert_eq!(new_listed, new_expected, "new cards listed on {date}");
            let Some((id, _)) = cards.first() else { break };
            let tries = attempt.entry(id.clone()).or_default();
            let grade = pick_grade(id, day, *tries);
            *tries += 1;
            let output = sandbox.grade(&now, UTC, id, grade);
            if !models.contains_key(id) {
                introduced += 1;
            }
            let model = models.entry(id.clone()).or_default();
            model.answer(grade, date);
            assert_eq!(output["rung_after"], model.rung, "card {id} on {date}");
            assert_eq!(
                output["due_after"],
                model.due.unwrap().to_string(),
                "card {id} on {date}"
            );
            answers += 1;
        }
    }
    assert_eq!(models.len(), CARDS, "every card was introduced");
    assert!(answers > 60, "only {answers} answers in 90 days");
}

/// Checks that `due` lists exactly the cards the model expects: due
/// reviews with their dates.
fn check_due_list(
    models: &HashMap<String, Model>,
    cards: &[(String, Option<String>)],
    date: NaiveDate,
    answers: u32,
) {
    let mut expected: Vec<String> = models
        .iter()
        .filter(|(_, model)| model.due.is_some_and(|due| due <= date))
        .map(|(id, _)| id.clone())
        .collect();
    expected.sort();
    let mut listed: Vec<String> = cards
        .iter()
        .filter(|(_, due)| due.is_some())
        .map(|(id, _)| id.clone())
        .collect();
    listed.sort();
    assert_eq!(
        listed, expected,
        "due reviews on {date} after {answers} answers"
    );
    for (id, due) in cards.iter().filter(|(_, due)| due.is_some()) {
        let model_due = models[id].due.unwrap().to_string();
        assert_eq!(
            due.as_deref(),
            Some(model_due.as_str()),
            "due date of {id} on {date}"
        );
    }
}

/// Cards in the lesson: four concepts both ways and two quiz questions.
const CARDS: usize = 10;

/// New cards per day in the simulation, low enough that the limit matters.
const NEW_PER_DAY: usize = 4;

fn due_with_limit(sandbox: &Sandbox, now: &str) -> (String, Vec<(String, Option<String>)>) {
    let limit = NEW_PER_DAY.to_string();
    let args = ["--new-per-day", &limit, "due", "--lesson", "sim", "--json"];
    let value = sandbox.json(now, UTC, &args);
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

#[test]
fn good_every_time_follows_ladder() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let id = CardId::derive("sim", CardKind::Concept, "Teacher");
    let mut dues = Vec::new();
    for date in [
        "2026-01-01",
        "2026-01-02",
        "2026-01-05",
        "2026-01-12",
        "2026-02-11",
    ] {
        let output = sandbox.grade(&format!("{date}T12:00:00Z"), UTC, id.as_str(), "good");
        dues.push(output["due_after"].as_str().unwrap().to_owned());
    }
    let expected = [
        "2026-01-02",
        "2026-01-05",
        "2026-01-12",
        "2026-02-11",
        "2026-03-13",
    ];
    assert_eq!(dues, expected);
}

#[test]
fn new_per_day_flag_limits_new_cards() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let now = "2026-01-01T12:00:00Z";
    let value = sandbox.json(
        now,
        UTC,
        &["--new-per-day", "3", "due", "--lesson", "sim", "--json"],
    );
    let cards = value["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 3);
    assert_eq!(cards[0]["new"], true);
    assert_eq!(cards[0]["kind"], "concept");
    assert_eq!(cards[0]["front"], "Teacher");
    assert_eq!(cards[0]["back"], "The large model.");
    assert_eq!(cards[0]["lesson"], "sim");
    assert_eq!(cards[0]["rung"], 0);
    assert!(cards[0]["due"].is_null());
}

#[test]
fn config_file_sets_limit_and_flag_wins() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let config = sandbox.dir.path().join("config/distill");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "new_per_day = 2\n").unwrap();
    let now = "2026-01-01T12:00:00Z";
    let from_file = sandbox.json(now, UTC, &["due", "--lesson", "sim", "--json"]);
    assert_eq!(from_file["cards"].as_array().unwrap().len(), 2);
    let from_flag = sandbox.json(
        now,
        UTC,
        &["--new-per-day", "5", "due", "--lesson", "sim", "--json"],
    );
    assert_eq!(from_flag["cards"].as_array().unwrap().len(), 5);
}

#[test]
fn invalid_config_is_reported() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let config = sandbox.dir.path().join("bad.toml");
    std::fs::write(&config, "day_start_hour = 30\n").unwrap();
    sandbox
        .distill("2026-01-01T12:00:00Z", UTC)
        .arg("--config")
        .arg(&config)
        .arg("due")
        .assert()
        .failure()
        .stderr(contains("bad.toml"))
        .stderr(contains("day_start_hour = 30"));
}

#[test]
fn missing_config_error_names_cause_once() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let config = sandbox.dir.path().join("absent.toml");
    let output = sandbox
        .distill("2026-01-01T12:00:00Z", UTC)
        .arg("--config")
        .arg(&config)
        .arg("due")
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(stderr.contains("absent.toml"), "stderr: {stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "stderr: {stderr}");
    assert!(stderr.contains("--config"), "stderr: {stderr}");
}

#[test]
fn grade_accepts_id_prefix_and_prints_text() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let id = CardId::derive("sim", CardKind::Concept, "Student");
    sandbox
        .distill("2026-01-01T12:00:00Z", UTC)
        .args(["grade", &id.as_str()[..8], "easy"])
        .assert()
        .success()
        .stdout(contains(format!("{id} easy: rung 0 -> 2, due 2026-01-04")));
}

#[test]
fn grade_rejects_unknown_card_and_grade() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let now = "2026-01-01T12:00:00Z";
    sandbox
        .distill(now, UTC)
        .args(["grade", "0123456789abcdef", "good"])
        .assert()
        .failure()
        .stderr(contains("card 0123456789abcdef not found"));
    let id = CardId::derive("sim", CardKind::Concept, "Student");
    sandbox
        .distill(now, UTC)
        .args(["grade", id.as_str(), "perfect"])
        .assert()
        .failure()
        .stderr(contains("invalid grade \"perfect\""));
}

#[test]
fn undo_takes_back_last_answer() {
    let sandbox = Sandbox::with_lessons(vec![sim_lesson()]);
    let now = "2026-01-01T12:00:00Z";
    let id = CardId::derive("sim", CardKind::Concept, "Teacher");
    sandbox.grade(now, UTC, id.as_str(), "good");
    sandbox.grade("2026-01-02T12:00:00Z", UTC, id.as_str(), "good");

    let undone = sandbox.json("2026-01-02T12:00:00Z", UTC, &["undo", "--json"]);
    assert_eq!(undone["card"], id.as_str());
    assert_eq!(undone["rung_after"], 2);

    let store = Store::open(&sandbox.db).unwrap();
    let card = store.card(&id).unwrap().unwrap();
    assert_eq!(card.state.rung, 1);
    assert_eq!(
        card.state.due,
        Some("2026-01-02".parse::<StudyDay>().unwrap())
    );
    drop(store);

    sandbox
        .distill(now, UTC)
        .arg("undo")
        .assert()
        .success()
        .stdout(contains("took back"))
        .stdout(contains("is back on rung 0, new"));
    sandbox
        .distill(now, UTC)
        .arg("undo")
        .assert()
        .success()
        .stdout(contains("nothing to undo"));
}

#[test]
fn due_closed_pipe_exits_quietly() {
    // About 200 KB of `due` output, more than a pipe buffers, so the binary
    // is still writing when the reader goes away.
    let terms: Vec<(String, String)> = (0..2000)
        .map(|i| {
            (
                format!("Term {i:04} {}", "x".repeat(60)),
                format!("Definition {i}"),
            )
        })
        .collect();
    let concepts: Vec<(&str, &str)> = terms
        .iter()
        .map(|(term, definition)| (term.as_str(), definition.as_str()))
        .collect();
    let sandbox = Sandbox::with_lessons(vec![lesson("big", &concepts, &[])]);

    let program = sandbox.distill("2026-01-01T12:00:00Z", UTC);
    let mut command = std::process::Command::new(program.get_program());
    command
        .args(program.get_args())
        .args(["--new-per-day", "5000", "due"])
        .env_clear()
        .env("TZ", UTC)
        .env("HOME", sandbox.dir.path())
        .env("XDG_CONFIG_HOME", sandbox.dir.path().join("config"))
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());

    let mut child = command.spawn().unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(output.status.success(), "status: {:?}", output.status);
}
