//! `distill demo still` run as a real process.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn demo_still() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("distill");
    command.args(["demo", "still"]);
    command
}

/// Runs the demo with `--json` and `args`, and parses its output.
fn json(args: &[&str]) -> TestResult<Value> {
    let output = demo_still().arg("--json").args(args).output()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    Ok(serde_json::from_slice(&output.stdout)?)
}

#[test]
fn json_has_documented_keys() -> TestResult {
    let value = json(&["--target", "0.8"])?;
    for key in [
        "feed",
        "plates",
        "reflux",
        "distillate",
        "bottoms",
        "plate_temperatures_c",
        "plates_needed",
        "simple",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    for entry in value["simple"].as_array().unwrap() {
        for key in ["fraction_distilled", "still", "distillate_average"] {
            assert!(entry.get(key).is_some(), "simple entry missing {key}");
        }
    }
    Ok(())
}

#[test]
fn json_echoes_inputs() -> TestResult {
    let value = json(&["--feed", "0.2", "--plates", "5", "--reflux", "2.5"])?;
    assert_eq!(value["feed"]["mole_fraction"], 0.2);
    assert_eq!(value["plates"], 5);
    assert_eq!(value["reflux"], 2.5);
    assert_eq!(value["plate_temperatures_c"].as_array().unwrap().len(), 5);
    assert!(value["plates_needed"].is_null());
    Ok(())
}

#[test]
fn json_total_reflux_is_string() -> TestResult {
    let value = json(&["--reflux", "total"])?;
    assert_eq!(value["reflux"], "total");
    Ok(())
}

#[test]
fn distillate_richer_than_feed_and_bottoms() -> TestResult {
    let value = json(&[])?;
    let distillate = value["distillate"]["mole_fraction"].as_f64().unwrap();
    let bottoms = value["bottoms"]["mole_fraction"].as_f64().unwrap();
    assert!(
        distillate > 0.1 && distillate < 0.8943,
        "distillate {distillate}"
    );
    assert!(bottoms < 0.1, "bottoms {bottoms}");
    Ok(())
}

#[test]
fn target_plates_counted() -> TestResult {
    let value = json(&["--target", "0.8", "--reflux", "5"])?;
    let needed = &value["plates_needed"];
    assert!(needed["plates"].as_u64().unwrap() > 0);
    assert!(needed["reason"].is_null());
    Ok(())
}

#[test]
fn target_past_azeotrope_reports_reason() -> TestResult {
    let value = json(&["--target", "0.95", "--reflux", "total"])?;
    let needed = &value["plates_needed"];
    assert!(needed["plates"].is_null());
    assert!(needed["reason"].as_str().unwrap().contains("azeotrope"));
    Ok(())
}

#[test]
fn mass_flag_converts_feed() -> TestResult {
    let value = json(&["--feed", "0.5", "--mass"])?;
    let feed = value["feed"]["mole_fraction"].as_f64().unwrap();
    assert!((feed - 0.2812).abs() < 1e-3, "feed {feed}");
    Ok(())
}

#[test]
fn azeotrope_mass_feed_rejected() {
    demo_still()
        .args(["--feed", "0.96", "--mass"])
        .assert()
        .failure()
        .stderr(contains("azeotrope"));
}

#[test]
fn invalid_reflux_names_value() {
    demo_still()
        .args(["--reflux", "-2"])
        .assert()
        .failure()
        .stderr(contains("reflux ratio -2 is invalid"));
}

#[test]
fn table_lists_every_stage() {
    demo_still()
        .args(["--plates", "3", "--target", "0.99"])
        .assert()
        .success()
        .stdout(contains("plate 3"))
        .stdout(contains("reboiler"))
        .stdout(contains("Simple distillation"))
        .stdout(contains("unreachable"));
}

#[test]
fn van_laar_model_runs() -> TestResult {
    let value = json(&["--model", "van-laar", "--plates", "2"])?;
    assert!(value["distillate"]["mole_fraction"].as_f64().unwrap() > 0.5);
    Ok(())
}

#[test]
fn closed_pipe_exits_quietly() -> TestResult {
    let program = demo_still();
    let mut child = std::process::Command::new(program.get_program())
        .args(program.get_args())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    // NOTE: the output fits in a pipe buffer, so the test relies on the
    // process starting up and running its model before this drop. If it
    // wrote first, the test would pass without covering the closed pipe.
    drop(child.stdout.take());
    let output = child.wait_with_output()?;

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(output.status.success(), "status: {:?}", output.status);
    Ok(())
}
