//! `distill import` on real Markdown lesson files, and the shipped lessons'
//! sync on first use.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::fs;
use std::path::Path;

use distill::builtin::BuiltinLesson;
use distill::store::Store;
use predicates::str::contains;
use serde_json::Value;
use store_support::{Sandbox, at};

const NOW: &str = "2026-02-01T09:00:00Z";

/// Writes a lesson on heat exchange with these concepts (term, definition).
fn write_lesson(path: &Path, concepts: &[(&str, &str)]) {
    let mut text = String::from("# Heat exchange\n\n## 3. Key Concepts\n\n");
    for (term, definition) in concepts {
        text.push_str(&format!("- **{term}** – {definition}\n"));
    }
    text.push_str("\n## 7. Short Retrieval Quiz\n\n1. Which way does heat flow?\n");
    fs::write(path, text).unwrap();
}

const CONCEPTS: [(&str, &str); 3] = [
    ("Condenser", "cools vapour back into liquid."),
    ("Reboiler", "heats the bottom liquid into vapour."),
    ("Counterflow", "the two streams run in opposite directions."),
];

/// Runs `distill import --json PATH` and returns the lesson's entry.
fn import(sandbox: &Sandbox, path: &Path) -> Value {
    let output = sandbox
        .distill(NOW, "UTC")
        .args(["import", "--json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["lessons"][0].clone()
}

fn counts(entry: &Value) -> [u64; 5] {
    ["added", "updated", "restored", "retired", "unchanged"].map(|key| entry[key].as_u64().unwrap())
}

#[test]
fn import_twice_then_edit_remove_restore() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let path = sandbox.dir.path().join("heat.md");
    write_lesson(&path, &CONCEPTS);

    let first = import(&sandbox, &path);
    assert_eq!(first["lesson_id"], "heat");
    assert_eq!(first["title"], "Heat exchange");
    // Three concepts both ways and one quiz question.
    assert_eq!(counts(&first), [7, 0, 0, 0, 0]);
    assert_eq!(counts(&import(&sandbox, &path)), [0, 0, 0, 0, 7]);

    let mut edited = CONCEPTS;
    edited[0].1 = "turns vapour into liquid by cooling.";
    write_lesson(&path, &edited);
    assert_eq!(counts(&import(&sandbox, &path)), [0, 2, 0, 0, 5]);

    write_lesson(&path, &edited[1..]);
    assert_eq!(counts(&import(&sandbox, &path)), [0, 0, 0, 2, 5]);

    write_lesson(&path, &edited);
    assert_eq!(counts(&import(&sandbox, &path)), [0, 0, 2, 0, 5]);
}

#[test]
fn import_keeps_history_of_edited_card() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let path = sandbox.dir.path().join("heat.md");
    write_lesson(&path, &CONCEPTS);
    import(&sandbox, &path);
    let due = sandbox.json(NOW, "UTC", &["due", "--lesson", "heat", "--json"]);
    let condenser = due["cards"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(due["cards"][0]["front"], "Condenser");
    sandbox.grade(NOW, "UTC", &condenser, "easy");

    let mut edited = CONCEPTS;
    edited[0].1 = "a cooled heat exchanger at the top of the column.";
    write_lesson(&path, &edited);
    import(&sandbox, &path);

    let store = Store::open(&sandbox.db).unwrap();
    let card = store.find_card(&condenser).unwrap();
    assert_eq!(
        card.back,
        "a cooled heat exchanger at the top of the column."
    );
    assert_eq!(card.state.rung, 2);
    assert_eq!(card.state.due.unwrap().to_string(), "2026-02-04");
}

#[test]
fn import_text_output_and_folder() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let folder = sandbox.dir.path().join("lessons");
    fs::create_dir_all(folder.join("nested")).unwrap();
    write_lesson(&folder.join("heat.md"), &CONCEPTS);
    write_lesson(&folder.join("nested/cooling.md"), &CONCEPTS[..1]);
    fs::write(folder.join("notes.txt"), "not a lesson").unwrap();

    sandbox
        .distill(NOW, "UTC")
        .arg("import")
        .arg(&folder)
        .assert()
        .success()
        .stdout(contains(
            "heat: 7 added, 0 updated, 0 restored, 0 retired, 0 unchanged",
        ))
        .stdout(contains("cooling: 3 added"));
}

#[test]
fn import_with_one_bad_file_imports_nothing() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let good = sandbox.dir.path().join("heat.md");
    let bad = sandbox.dir.path().join("untitled.md");
    write_lesson(&good, &CONCEPTS);
    fs::write(&bad, "Some notes without any heading.\n").unwrap();
    let before = fs::read(&sandbox.db).unwrap();

    sandbox
        .distill(NOW, "UTC")
        .arg("import")
        .arg(&good)
        .arg(&bad)
        .assert()
        .failure()
        .stderr(contains("untitled.md"))
        .stderr(contains("nothing was imported"));

    assert_eq!(fs::read(&sandbox.db).unwrap(), before);
}

#[test]
fn import_rejects_same_id_twice() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let one = sandbox.dir.path().join("a/heat.md");
    let two = sandbox.dir.path().join("b/heat.md");
    fs::create_dir_all(one.parent().unwrap()).unwrap();
    fs::create_dir_all(two.parent().unwrap()).unwrap();
    write_lesson(&one, &CONCEPTS);
    write_lesson(&two, &CONCEPTS);
    sandbox
        .distill(NOW, "UTC")
        .arg("import")
        .arg(&one)
        .arg(&two)
        .assert()
        .failure()
        .stderr(contains("lesson id \"heat\""))
        .stderr(contains("rename one of the files"));
}

#[test]
fn first_use_syncs_shipped_lessons() {
    let sandbox = Sandbox::with_lessons(vec![]);
    sandbox.distill(NOW, "UTC").arg("stats").assert().success();
    let store = Store::open(&sandbox.db).unwrap();
    let rows = store.lesson_rows("2026-02-01".parse().unwrap()).unwrap();
    for shipped in distill::builtin::LESSONS {
        let id = shipped.file_name.trim_end_matches(".md");
        let row = rows.iter().find(|row| row.lesson_id == id);
        assert!(row.is_some_and(|row| row.cards > 0), "{id} has no cards");
    }
}

fn builtin(text: &'static str) -> BuiltinLesson {
    BuiltinLesson {
        file_name: "shipped.md",
        text,
    }
}

const SHIPPED_V1: &str = "# Shipped\n\n## Key Concepts\n\n- **Plate** – a tray.\n";
const SHIPPED_V2: &str = "# Shipped\n\n## Key Concepts\n\n- **Plate** – a tray of the column.\n";

#[test]
fn builtin_sync_updates_changed_text() {
    let mut store = Store::open_in_memory().unwrap();
    let now = at(NOW);
    assert!(
        store
            .sync_builtin(&[builtin(SHIPPED_V1)], now)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .sync_builtin(&[builtin(SHIPPED_V2)], now)
            .unwrap()
            .is_empty()
    );
    let card = store
        .due_queue("2026-02-01".parse().unwrap(), 20, Some("shipped"))
        .unwrap();
    assert_eq!(card.len(), 2);
    assert_eq!(card[0].back, "a tray of the column.");
}

#[test]
fn builtin_that_fails_to_parse_is_skipped() {
    let mut store = Store::open_in_memory().unwrap();
    let broken = BuiltinLesson {
        file_name: "broken.md",
        text: "no heading here\n",
    };
    let warnings = store
        .sync_builtin(&[broken, builtin(SHIPPED_V1)], at(NOW))
        .unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].file_name, "broken.md");
    let rows = store.lesson_rows("2026-02-01".parse().unwrap()).unwrap();
    let ids: Vec<&str> = rows.iter().map(|row| row.lesson_id.as_str()).collect();
    assert_eq!(ids, ["shipped"]);
}

#[test]
fn builtin_leaves_learner_file_alone() {
    let sandbox = Sandbox::with_lessons(vec![]);
    let path = sandbox.dir.path().join("shipped.md");
    write_lesson(&path, &CONCEPTS);
    import(&sandbox, &path);
    let mut store = Store::open(&sandbox.db).unwrap();
    store.sync_builtin(&[builtin(SHIPPED_V1)], at(NOW)).unwrap();
    let rows = store.lesson_rows("2026-02-01".parse().unwrap()).unwrap();
    let row = rows.iter().find(|row| row.lesson_id == "shipped").unwrap();
    assert_eq!(row.title, "Heat exchange");
    assert_eq!(row.cards, 7);
}
