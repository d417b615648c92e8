//! `distill check` run as a real process on real lesson files.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/lessons/binary-search.md";

fn distill() -> Command {
    let mut command = match Command::cargo_bin("distill") {
        Ok(command) => command,
        Err(err) => panic!("the distill binary must be built: {err}"),
    };
    // Keep the user's database and config out of the test.
    command
        .env_remove("DISTILL_DB")
        .env_remove("DISTILL_CONFIG");
    command
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    if let Err(err) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {err}", path.display());
    }
    path.display().to_string()
}

#[test]
fn check_clean_fixture_prints_counts() {
    distill()
        .args(["check", FIXTURE])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{FIXTURE}: Двоично търсене (id binary-search)\n  prior_knowledge 3, concepts 5, \
             path_steps 3, examples 2, pitfalls 2, quiz 4, recap 3, review_plan 4\n  \
             review ladder (days): 1, 3, 14, 30\n"
        )))
        .stdout(predicate::str::contains(
            "checked 1 file(s): 0 with errors, 0 warning(s)",
        ));
}

#[test]
fn check_warnings_keep_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "warn.md",
        "# W\n\n## Key Concepts\n\n- **A** no dash here\n".as_bytes(),
    );
    distill()
        .args(["check", &file])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{file}:5: warning: no separator after term `A`"
        )));
}

#[test]
fn check_errors_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.md", b"# T\n\n\xff\n");
    let missing = dir.path().join("missing.md").display().to_string();
    distill()
        .args(["check", FIXTURE, &bad, &missing])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{bad}:3: error: invalid UTF-8 at byte offset 5"
        )))
        .stdout(predicate::str::contains(format!(
            "{missing}: error: cannot read the file"
        )))
        .stdout(predicate::str::contains("checked 3 file(s): 2 with errors"));
}

#[test]
fn check_folder_reads_md_files() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("nested");
    std::fs::create_dir(&nested).unwrap();
    let top = write(
        dir.path(),
        "top.md",
        b"# Top\n\n## Key Concepts\n\n- **A** - a\n",
    );
    let inner = write(
        &nested,
        "inner.md",
        b"# Inner\n\n## Key Concepts\n\n- **B** - b\n",
    );
    write(dir.path(), "notes.txt", b"not a lesson");
    let folder = dir.path().display().to_string();

    let assert = distill().args(["check", &folder]).assert().success();

    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(!stdout.contains("Is a directory"), "{stdout}");
    assert!(
        stdout.contains(&format!("{inner}: Inner (id inner)")),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("{top}: Top (id top)")), "{stdout}");
    assert!(!stdout.contains("notes.txt"), "{stdout}");
    assert!(
        stdout.contains("checked 2 file(s): 0 with errors"),
        "{stdout}"
    );
}

#[test]
fn check_without_files_is_usage_error() {
    distill()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<FILE>"));
}

#[test]
fn check_escapes_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "esc.md",
        b"# Red \x1b[31m title\n\n## Quiz\n\n1. Q?\n",
    );
    let output = distill().args(["check", &file]).output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(stdout.contains("Red \\u{1b}[31m title"), "{stdout:?}");
}

#[test]
fn check_json_has_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "empty.md", b"");
    let output = distill()
        .args(["check", "--json", FIXTURE, &bad])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let lessons = json["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 2);

    let good = &lessons[0];
    assert_eq!(good["file"], FIXTURE);
    assert_eq!(good["id"], "binary-search");
    assert_eq!(good["title"], "Двоично търсене");
    let counts = &good["counts"];
    let expected_counts = [
        ("prior_knowledge", 3),
        ("concepts", 5),
        ("path_steps", 3),
        ("examples", 2),
        ("pitfalls", 2),
        ("quiz", 4),
        ("recap", 3),
        ("review_plan", 4),
    ];
    for (name, count) in expected_counts {
        assert_eq!(counts[name], count, "count of {name}");
    }
    assert_eq!(good["ladder_days"], serde_json::json!([1, 3, 14, 30]));
    assert_eq!(good["concepts"][0]["term"], "Подреден масив (Sorted array)");
    assert_eq!(good["concepts"][0]["gloss"], "Sorted array");
    assert_eq!(good["concepts"][2]["gloss"], Value::Null);
    assert_eq!(good["concepts"][0]["line"], 22);
    assert!(
        good["concepts"][0]["definition"]
            .as_str()
            .unwrap()
            .starts_with("масив")
    );
    assert_eq!(
        good["quiz"][0]["answer"],
        "Да е подреден по същото сравнение, с което търсим."
    );
    assert_eq!(good["quiz"][1]["answer"], Value::Null);
    assert_eq!(good["quiz"][1]["line"], 78);
    assert_eq!(good["path_steps"][0]["title"], "Ръчно търсене");
    assert_eq!(
        good["path_steps"][0]["questions"].as_array().unwrap().len(),
        2
    );
    assert!(good["path_steps"][0]["focus"].is_string());
    assert!(good["path_steps"][0]["task"].is_string());
    assert_eq!(good["warnings"], serde_json::json!([]));
    assert_eq!(good["errors"], serde_json::json!([]));

    let failed = &lessons[1];
    assert_eq!(failed["id"], "empty");
    assert_eq!(failed["title"], Value::Null);
    assert_eq!(failed["errors"][0]["line"], Value::Null);
    assert!(
        failed["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("file is empty")
    );
}

#[test]
fn check_json_warning_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "plan.md",
        "# P\n\n## Quiz\n\n1. Q?\n\n## Review plan\n\n| a | b |\n|---|---|\n| someday | x |\n"
            .as_bytes(),
    );
    let output = distill().args(["check", "--json", &file]).output().unwrap();
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings = &json["lessons"][0]["warnings"];
    assert_eq!(warnings[0]["line"], 11);
    assert!(
        warnings[0]["message"]
            .as_str()
            .unwrap()
            .contains("cannot read review interval `someday`")
    );
    assert_eq!(
        json["lessons"][0]["ladder_days"],
        serde_json::json!([1, 3, 7, 30])
    );
}

#[test]
fn check_builtin_lessons_clean() {
    distill()
        .args(["check", "--builtin"])
        .assert()
        .success()
        .stdout(predicate::str::contains("content/distillation.md: "))
        .stdout(predicate::str::contains("content/distillation.en.md: "))
        .stdout(predicate::str::contains(
            "checked 2 file(s): 0 with errors, 0 warning(s)",
        ));
}

#[test]
fn check_json_closed_pipe_exits_quietly() {
    // 60 copies of the fixture give about 270 KB of JSON, more than a pipe
    // buffers, so the binary is still writing when the reader goes away.
    let program = distill();
    let mut command = std::process::Command::new(program.get_program());
    command
        .arg("check")
        .arg("--json")
        .args(std::iter::repeat_n(FIXTURE, 60))
        .env_remove("DISTILL_DB")
        .env_remove("DISTILL_CONFIG")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());

    let mut child = command.spawn().unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(output.status.success(), "status: {:?}", output.status);
}
