//! `distill demo kd` as a whole process.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;
use serde_json::Value;

fn run_json(args: &[&str]) -> Value {
    let output = cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--json"])
        .args(args)
        .output()
        .expect("distill runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn json_has_documented_shape() {
    let json = run_json(&["--epochs", "1", "--temperature", "3", "--alpha", "0.5"]);
    assert_eq!(
        keys(&json),
        vec![
            "distilled",
            "omitted_class",
            "seconds",
            "seeds",
            "student_alone",
            "teacher"
        ]
    );

    assert_eq!(keys(&json["teacher"]), vec!["accuracy"]);
    assert_eq!(
        keys(&json["student_alone"]),
        vec!["accuracy_mean", "accuracy_sd"]
    );
    assert_eq!(
        keys(&json["omitted_class"]),
        vec!["after", "before", "class"]
    );

    let distilled = json["distilled"].as_array().unwrap();
    assert_eq!(distilled.len(), 1);
    assert_eq!(
        keys(&distilled[0]),
        vec!["accuracy_mean", "accuracy_sd", "alpha", "temperature"]
    );
    assert_eq!(distilled[0]["temperature"], 3.0);
    assert_eq!(distilled[0]["alpha"], 0.5);

    assert_eq!(json["omitted_class"]["class"], 3);
    assert_eq!(json["seeds"], serde_json::json!([1, 2, 3, 4, 5]));
}

#[test]
fn accuracies_are_shares_of_one() {
    let json = run_json(&["--epochs", "1", "--seed", "9"]);
    let teacher = json["teacher"]["accuracy"].as_f64().unwrap();
    assert!(teacher > 0.5, "{teacher}");
    assert!(teacher <= 1.0, "{teacher}");
    let student = json["student_alone"]["accuracy_mean"].as_f64().unwrap();
    assert!(student > 0.0, "{student}");
    assert!(student <= 1.0, "{student}");
    assert_eq!(json["seeds"], serde_json::json!([9, 10, 11, 12, 13]));
    assert!(json["seconds"].as_f64().unwrap() > 0.0);
}

#[test]
fn sweep_reports_six_temperatures() {
    let json = run_json(&["--epochs", "1", "--sweep", "--labels-per-class", "3"]);
    let temperatures: Vec<f64> = json["distilled"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["temperature"].as_f64().unwrap())
        .collect();
    assert_eq!(temperatures, vec![1.0, 2.0, 3.0, 4.0, 8.0, 20.0]);
}

#[test]
fn text_output_shows_table_and_soft_targets() {
    cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--epochs", "1"])
        .assert()
        .success()
        .stdout(contains("Teacher 64-256-256-10"))
        .stdout(contains("labels only"))
        .stdout(contains("distilled T=4 α=0.9"))
        .stdout(contains("T = 1"))
        .stdout(contains("Omitted class"));
}

#[test]
fn no_progress_bar_without_terminal() {
    cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--epochs", "1", "--json"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn alpha_above_one_is_rejected() {
    cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--alpha", "2"])
        .assert()
        .failure()
        .stderr(contains("invalid alpha 2"));
}

#[test]
fn label_budget_above_class_size_is_rejected() {
    cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--epochs", "1", "--labels-per-class", "200"])
        .assert()
        .failure()
        .stderr(contains("use at most"));
}

#[test]
fn zero_epochs_are_rejected() {
    cargo_bin_cmd!("distill")
        .args(["demo", "kd", "--epochs", "0"])
        .assert()
        .failure()
        .stderr(contains("invalid training length"));
}

#[test]
fn progress_bar_drawn_on_terminal() {
    use std::io::Read;

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(assert_cmd::cargo::cargo_bin!("distill"));
    command.args(["demo", "kd", "--epochs", "1", "--json"]);
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut screen = Vec::new();
    let mut chunk = [0_u8; 4096];
    // Linux returns an error instead of end-of-file once the child has
    // closed the terminal, so any error ends the read.
    while let Ok(count) = reader.read(&mut chunk) {
        if count == 0 {
            break;
        }
        screen.extend_from_slice(&chunk[..count]);
    }
    assert!(child.wait().unwrap().success());
    let screen = String::from_utf8_lossy(&screen);
    assert!(screen.contains("training ["), "{screen}");
    assert!(screen.contains("16/16 networks"), "{screen}");
    assert!(screen.contains("\"teacher\""), "{screen}");
}
