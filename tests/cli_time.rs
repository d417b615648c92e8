//! Study days across daylight-saving changes, a time-zone move and a clock
//! set back, through the real binary with `TZ` set.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use distill::deck::{CardId, CardKind};
use serde_json::Value;
use store_support::{Sandbox, lesson};

const SOFIA: &str = "Europe/Sofia";
const TOKYO: &str = "Asia/Tokyo";

fn sandbox() -> Sandbox {
    let concepts = [
        ("Plate", "A tray."),
        ("Reflux", "Liquid sent back."),
        ("Reboiler", "Heat."),
    ];
    Sandbox::with_lessons(vec![lesson("still", &concepts, &[])])
}

fn card(term: &str) -> String {
    CardId::derive("still", CardKind::Concept, term).to_string()
}

fn today(sandbox: &Sandbox, now: &str, tz: &str) -> String {
    sandbox.due(now, tz, "still").0
}

fn is_due(sandbox: &Sandbox, now: &str, tz: &str, id: &str) -> bool {
    let (_, cards) = sandbox.due(now, tz, "still");
    cards.iter().any(|(card, due)| card == id && due.is_some())
}

fn due_after(output: &Value) -> &str {
    output["due_after"].as_str().unwrap()
}

/// Returns the UTC offsets, in seconds, of every review in the log.
fn logged_offsets(sandbox: &Sandbox) -> Vec<i64> {
    let export = sandbox.json(
        "2030-01-01T00:00:00Z",
        "UTC",
        &["export", "--format", "json"],
    );
    export["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|review| review["utc_offset_s"].as_i64().unwrap())
        .collect()
}

#[test]
fn spring_forward_in_sofia() {
    // On 2024-03-31 Sofia moves from +02:00 to +03:00 at 01:00 UTC.
    let sandbox = sandbox();
    // 02:30 local (+02:00): before the 04:00 day start, so still March 30.
    assert_eq!(today(&sandbox, "2024-03-31T00:30:00Z", SOFIA), "2024-03-30");
    // 03:30 UTC is 06:30 local (+03:00).
    assert_eq!(today(&sandbox, "2024-03-31T03:30:00Z", SOFIA), "2024-03-31");
    // 04:00 local is 01:00 UTC after the change: the first minute of March 31.
    assert_eq!(today(&sandbox, "2024-03-31T00:59:00Z", SOFIA), "2024-03-30");
    assert_eq!(today(&sandbox, "2024-03-31T01:00:00Z", SOFIA), "2024-03-31");

    let plate = card("Plate");
    let first = sandbox.grade("2024-03-30T18:00:00Z", SOFIA, &plate, "good");
    assert_eq!(due_after(&first), "2024-03-31");
    assert!(!is_due(&sandbox, "2024-03-31T00:59:00Z", SOFIA, &plate));
    assert!(is_due(&sandbox, "2024-03-31T01:00:00Z", SOFIA, &plate));

    let second = sandbox.grade("2024-03-31T05:00:00Z", SOFIA, &plate, "good");
    assert_eq!(due_after(&second), "2024-04-03");
    assert_eq!(logged_offsets(&sandbox), [7200, 10800]);
}

#[test]
fn fall_back_in_sofia() {
    // On 2024-10-27 Sofia moves from +03:00 to +02:00 at 01:00 UTC, so the
    // hour from 03:00 to 04:00 local happens twice, both before day start.
    let sandbox = sandbox();
    assert_eq!(today(&sandbox, "2024-10-27T00:30:00Z", SOFIA), "2024-10-26");
    assert_eq!(today(&sandbox, "2024-10-27T01:30:00Z", SOFIA), "2024-10-26");
    assert_eq!(today(&sandbox, "2024-10-27T01:59:00Z", SOFIA), "2024-10-26");
    assert_eq!(today(&sandbox, "2024-10-27T02:00:00Z", SOFIA), "2024-10-27");

    let reflux = card("Reflux");
    // 03:30 local, the second time round (+02:00): still October 26.
    let first = sandbox.grade("2024-10-27T01:30:00Z", SOFIA, &reflux, "easy");
    assert_eq!(due_after(&first), "2024-10-29");
    assert!(!is_due(&sandbox, "2024-10-29T01:59:00Z", SOFIA, &reflux));
    assert!(is_due(&sandbox, "2024-10-29T02:00:00Z", SOFIA, &reflux));

    // A card graded the evening before the change keeps its calendar day.
    let plate = card("Plate");
    let evening = sandbox.grade("2024-10-26T19:00:00Z", SOFIA, &plate, "good");
    assert_eq!(due_after(&evening), "2024-10-27");
    assert_eq!(logged_offsets(&sandbox), [7200, 10800]);
}

#[test]
fn move_from_sofia_to_tokyo() {
    let sandbox = sandbox();
    let plate = card("Plate");
    // 22:00 in Sofia on March 1.
    let first = sandbox.grade("2026-03-01T20:00:00Z", SOFIA, &plate, "good");
    assert_eq!(due_after(&first), "2026-03-02");

    // Half an hour later the learner is in Tokyo, where it is 05:30 on
    // March 2: the card is due, and its date did not move.
    let now = "2026-03-01T20:30:00Z";
    assert_eq!(today(&sandbox, now, TOKYO), "2026-03-02");
    let (_, cards) = sandbox.due(now, TOKYO, "still");
    let listed = cards.iter().find(|(id, _)| *id == plate).unwrap();
    assert_eq!(listed.1.as_deref(), Some("2026-03-02"));

    let second = sandbox.grade(now, TOKYO, &plate, "good");
    assert_eq!(second["due_before"], "2026-03-02");
    assert_eq!(due_after(&second), "2026-03-05");
    assert_eq!(logged_offsets(&sandbox), [7200, 32400]);

    // Back in Sofia the same instant is still March 1 there; the card
    // stays due on March 5.
    assert_eq!(today(&sandbox, now, SOFIA), "2026-03-01");
    assert!(!is_due(&sandbox, "2026-03-04T12:00:00Z", SOFIA, &plate));
    assert!(is_due(&sandbox, "2026-03-05T12:00:00Z", SOFIA, &plate));
}

#[test]
fn clock_set_back_two_days() {
    let sandbox = sandbox();
    let plate = card("Plate");
    let reboiler = card("Reboiler");
    sandbox.grade("2026-03-10T10:00:00Z", SOFIA, &plate, "good");
    let on_11 = sandbox.grade("2026-03-11T10:00:00Z", SOFIA, &plate, "good");
    assert_eq!(due_after(&on_11), "2026-03-14");
    sandbox.grade("2026-03-11T10:00:00Z", SOFIA, &reboiler, "good");

    // The clock now reads March 9, two days before the last review.
    let back = "2026-03-09T10:00:00Z";
    assert_eq!(today(&sandbox, back, SOFIA), "2026-03-09");
    assert!(!is_due(&sandbox, back, SOFIA, &plate));

    // Graded anyway, the intervals count from March 11, the last review.
    let good = sandbox.grade(back, SOFIA, &plate, "good");
    assert_eq!(due_after(&good), "2026-03-18");
    let again = sandbox.grade(back, SOFIA, &reboiler, "again");
    assert_eq!(due_after(&again), "2026-03-11");

    // The review log keeps the day the clock showed.
    let export = sandbox.json(
        "2026-03-20T00:00:00Z",
        "UTC",
        &["export", "--format", "json"],
    );
    let days: Vec<&str> = export["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|review| review["day"].as_str().unwrap())
        .collect();
    assert_eq!(
        days,
        [
            "2026-03-10",
            "2026-03-11",
            "2026-03-11",
            "2026-03-09",
            "2026-03-09"
        ]
    );
}

#[test]
fn day_start_hour_flag_moves_boundary() {
    let sandbox = sandbox();
    let args = [
        "--day-start-hour",
        "0",
        "due",
        "--lesson",
        "still",
        "--json",
    ];
    // 01:00 local in Sofia: March 1 with a midnight start, February 28
    // with the default 04:00 start.
    let now = "2026-02-28T23:00:00Z";
    assert_eq!(sandbox.json(now, SOFIA, &args)["today"], "2026-03-01");
    assert_eq!(today(&sandbox, now, SOFIA), "2026-02-28");
}
