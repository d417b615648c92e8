//! `stats`, `export` and `import` through the real binary, and database
//! files the binary must refuse without changing them.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::fs;

use distill::deck::{CardId, CardKind};
use predicates::str::contains;
use rusqlite::Connection;
use store_support::{Sandbox, lesson};

const UTC: &str = "UTC";

fn sandbox() -> Sandbox {
    let concepts = [
        ("Teacher", "Large, \"trained\" model."),
        ("Student", "Small model."),
    ];
    Sandbox::with_lessons(vec![lesson("kd", &concepts, &["Why distill?"])])
}

fn id(kind: CardKind, key: &str) -> String {
    CardId::derive("kd", kind, key).to_string()
}

#[test]
fn stats_json_after_a_few_days() {
    let sandbox = sandbox();
    let teacher = id(CardKind::Concept, "Teacher");
    let student = id(CardKind::Concept, "Student");
    sandbox.grade("2026-05-01T10:00:00Z", UTC, &teacher, "good");
    sandbox.grade("2026-05-01T10:00:00Z", UTC, &student, "easy");
    sandbox.grade("2026-05-02T10:00:00Z", UTC, &teacher, "again");
    sandbox.grade("2026-05-02T10:05:00Z", UTC, &teacher, "good");

    let stats = sandbox.json("2026-05-02T20:00:00Z", UTC, &["stats", "--json"]);

    assert_eq!(stats["due_today"], 0);
    // The shipped lessons' cards are new as well; the daily limit is 20.
    let store = distill::store::Store::open(&sandbox.db).unwrap();
    let today = "2026-05-02".parse().unwrap();
    let rows = store.lesson_rows(today).unwrap();
    let never_answered: u32 = rows.iter().map(|row| row.new).sum();
    assert_eq!(
        rows.iter().find(|row| row.lesson_id == "kd").unwrap().new,
        3
    );
    assert_eq!(stats["new_today"], never_answered.min(20));
    assert_eq!(stats["reviewed_today"], 2);
    assert_eq!(stats["streak_days"], 2);
    // One review from rung 1 (Again); the Good that followed was from rung 0.
    assert_eq!(stats["retention_30d"], 0.0);
    assert_eq!(stats["mastered"], 0);
    let rungs = stats["rungs"].as_array().unwrap();
    assert_eq!(rungs.len(), 2);
    assert_eq!(rungs[0]["rung"], 1);
    assert_eq!(rungs[0]["cards"], 1);
    assert_eq!(rungs[1]["rung"], 2);
    let forecast = stats["forecast"].as_array().unwrap();
    assert_eq!(forecast.len(), 30);
    assert_eq!(forecast[0]["date"], "2026-05-02");
    assert_eq!(forecast[1]["due"], 1);
    assert_eq!(forecast[2]["due"], 1);
}

#[test]
fn stats_text_names_each_figure() {
    let sandbox = sandbox();
    let assert = sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .arg("stats")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for label in [
        "due today",
        "new today",
        "reviewed today",
        "streak",
        "retention",
        "forecast",
    ] {
        assert!(text.contains(label), "missing {label:?} in:\n{text}");
    }
}

#[test]
fn export_csv_for_anki() {
    let sandbox = sandbox();
    let out = sandbox.dir.path().join("cards.csv");
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        ["#separator:comma", "#html:false", "#tags column:3"]
    );
    // The shipped lessons are exported too; keep this lesson's rows.
    let kd: Vec<&str> = lines
        .into_iter()
        .filter(|line| line.contains("lesson::kd "))
        .collect();
    assert_eq!(
        kd[0],
        r#"Teacher,"Large, ""trained"" model.",distill lesson::kd kind::concept"#
    );
    // Two forward, one quiz and two reverse cards.
    assert_eq!(kd.len(), 5);
    assert!(kd.contains(&"Why distill?,,distill lesson::kd kind::quiz"));
}

#[test]
fn export_review_log_csv() {
    let sandbox = sandbox();
    let teacher = id(CardKind::Concept, "Teacher");
    sandbox.grade("2026-05-01T10:00:00+03:00", UTC, &teacher, "hard");
    let assert = sandbox
        .distill("2026-05-02T10:00:00Z", UTC)
        .args(["export", "--format", "csv", "--table", "reviews"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,card,reviewed_at_ms,utc_offset_s,day,grade,rung_before,rung_after,\
         due_before,due_after,duration_ms"
    );
    let ms = chrono::DateTime::parse_from_rfc3339("2026-05-01T07:00:00Z")
        .unwrap()
        .timestamp_millis();
    assert_eq!(
        lines[1],
        format!("1,{teacher},{ms},0,2026-05-01,hard,0,1,,2026-05-02,")
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn export_json_holds_cards_and_reviews() {
    let sandbox = sandbox();
    let teacher = id(CardKind::Concept, "Teacher");
    sandbox.grade("2026-05-01T10:00:00Z", UTC, &teacher, "good");
    let export = sandbox.json("2026-05-01T11:00:00Z", UTC, &["export", "--format", "json"]);
    let cards: Vec<&serde_json::Value> = export["cards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|card| card["lesson"] == "kd")
        .collect();
    assert_eq!(cards.len(), 5);
    assert_eq!(cards[0]["id"], teacher);
    assert_eq!(cards[0]["rung"], 1);
    assert_eq!(cards[0]["due"], "2026-05-02");
    assert_eq!(cards[0]["retired"], false);
    let reviews = export["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["grade"], "good");
    assert_eq!(reviews[0]["due_after"], "2026-05-02");
}

#[test]
fn export_rejects_unknown_format() {
    let sandbox = sandbox();
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .args(["export", "--format", "xml"])
        .assert()
        .failure()
        .stderr(contains("xml"));
}

#[test]
fn import_of_bad_file_changes_nothing() {
    let sandbox = sandbox();
    let before = fs::read(&sandbox.db).unwrap();
    let lesson = sandbox.dir.path().join("broken.md");
    fs::write(&lesson, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .arg("import")
        .arg(&lesson)
        .assert()
        .failure()
        .stderr(contains("broken.md"))
        .stderr(contains("nothing was imported"));
    assert_eq!(fs::read(&sandbox.db).unwrap(), before);
}

#[test]
fn import_of_missing_path_fails() {
    let sandbox = sandbox();
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .args(["import", "no/such/lesson.md"])
        .assert()
        .failure()
        .stderr(contains("no/such/lesson.md not found"));
}

#[test]
fn newer_database_refused_untouched() {
    let mut sandbox = sandbox();
    let path = sandbox.dir.path().join("newer.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("create table t (x integer); pragma user_version = 42;")
        .unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();
    sandbox.db = path.clone();
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .arg("stats")
        .assert()
        .failure()
        .stderr(contains("schema version 42"))
        .stderr(contains("upgrade distill"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn non_database_refused_untouched() {
    let mut sandbox = sandbox();
    let path = sandbox.dir.path().join("photo.jpg");
    let bytes: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    fs::write(&path, &bytes).unwrap();
    sandbox.db = path.clone();
    sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .arg("due")
        .assert()
        .failure()
        .stderr(contains("photo.jpg is not a distill database"));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn database_folder_error_names_cause_once() {
    let mut sandbox = sandbox();
    sandbox.db = sandbox.dir.path().to_owned();
    let output = sandbox
        .distill("2026-05-01T10:00:00Z", UTC)
        .arg("due")
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(stderr.contains("cannot read"), "stderr: {stderr}");
    assert_eq!(stderr.matches("os error").count(), 1, "stderr: {stderr}");
    assert!(stderr.contains("--db"), "stderr: {stderr}");
}

#[test]
fn default_database_in_data_dir() {
    let sandbox = sandbox();
    assert_cmd::Command::cargo_bin("distill")
        .unwrap()
        .env_clear()
        .env("HOME", sandbox.dir.path())
        .env("XDG_DATA_HOME", sandbox.dir.path().join("data"))
        .args(["--now", "2026-05-01T10:00:00Z", "stats"])
        .assert()
        .success();
    assert!(sandbox.dir.path().join("data/distill/distill.db").exists());
}

#[test]
fn distill_db_variable_sets_database() {
    let sandbox = sandbox();
    let other = sandbox.dir.path().join("env.db");
    assert_cmd::Command::cargo_bin("distill")
        .unwrap()
        .env_clear()
        .env("HOME", sandbox.dir.path())
        .env("DISTILL_DB", &other)
        .args(["--now", "2026-05-01T10:00:00Z", "stats"])
        .assert()
        .success();
    assert!(other.exists());
}

#[test]
fn stats_streak_singular_and_plural() {
    let sandbox = sandbox();
    let teacher = id(CardKind::Concept, "Teacher");
    let stats_text = |now: &str| {
        let assert = sandbox.distill(now, UTC).arg("stats").assert().success();
        String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
    };

    let no_days = stats_text("2026-05-01T09:00:00Z");
    assert!(no_days.contains("streak          0 days\n"), "{no_days}");

    sandbox.grade("2026-05-01T10:00:00Z", UTC, &teacher, "good");
    let one_day = stats_text("2026-05-01T11:00:00Z");
    assert!(one_day.contains("streak          1 day\n"), "{one_day}");

    sandbox.grade("2026-05-02T10:00:00Z", UTC, &teacher, "good");
    let two_days = stats_text("2026-05-02T11:00:00Z");
    assert!(two_days.contains("streak          2 days\n"), "{two_days}");
}

#[test]
fn export_csv_closed_pipe_exits_quietly() {
    // About 200 KB of CSV, more than a pipe buffers, so the binary is still
    // writing when the reader goes away.
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

    let program = sandbox.distill("2026-05-01T10:00:00Z", UTC);
    let mut command = std::process::Command::new(program.get_program());
    command
        .args(program.get_args())
        .args(["export", "--format", "csv"])
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
    assert!(!stderr.contains("Broken pipe"), "stderr: {stderr}");
    assert!(output.status.success(), "status: {:?}", output.status);
}
