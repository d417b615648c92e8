//! Property tests of the ladder rules, and of the review log as a complete
//! record of every card's state.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::collections::HashMap;

use distill::deck::CardId;
use distill::schedule::{CardState, Grade, Ladder, StudyDay, StudyTime, next_state};
use distill::store::{AnswerRequest, ExportedReview, Store, StoreError};
use proptest::prelude::*;
use store_support::{at, file, lesson, with_plan};

fn grade() -> impl Strategy<Value = Grade> {
    prop::sample::select(Grade::ALL.to_vec())
}

fn ladder() -> impl Strategy<Value = Ladder> {
    prop::collection::vec(1u32..400, 1..7).prop_map(|days| Ladder::new(days).unwrap())
}

fn day(offset: u32) -> StudyDay {
    let start: StudyDay = "2024-01-01".parse().unwrap();
    start.plus_days(offset)
}

/// Generates a reachable state on `ladder`: new, or on a rung with its dates.
fn state(ladder: &Ladder) -> impl Strategy<Value = CardState> + use<> {
    let top = ladder.top_rung();
    (any::<bool>(), 0..=top, 0u32..3000, 0u32..400).prop_map(|(new, rung, last, wait)| {
        if new {
            CardState::NEW
        } else {
            CardState {
                rung,
                due: Some(day(last + wait)),
                last_day: Some(day(last)),
            }
        }
    })
}

fn case() -> impl Strategy<Value = (Ladder, CardState, Grade, u32)> {
    ladder().prop_flat_map(|ladder| {
        let state = state(&ladder);
        (Just(ladder), state, grade(), 0u32..3500)
    })
}

proptest! {
    #[test]
    fn good_never_lowers_rung((ladder, state, _, today) in case()) {
        let next = next_state(&state, Grade::Good, &ladder, day(today));
        prop_assert!(next.rung >= state.rung);
        prop_assert!(next.rung <= ladder.top_rung());
    }

    #[test]
    fn easy_never_below_good((ladder, state, _, today) in case()) {
        let good = next_state(&state, Grade::Good, &ladder, day(today));
        let easy = next_state(&state, Grade::Easy, &ladder, day(today));
        prop_assert!(easy.rung >= good.rung);
        prop_assert!(easy.due >= good.due);
    }

    #[test]
    fn again_always_resets((ladder, state, _, today) in case()) {
        let next = next_state(&state, Grade::Again, &ladder, day(today));
        prop_assert_eq!(next.rung, 0);
        prop_assert_eq!(next.due, next.last_day);
    }

    #[test]
    fn due_never_before_review((ladder, state, grade, today) in case()) {
        let next = next_state(&state, grade, &ladder, day(today));
        let due = next.due.unwrap();
        prop_assert!(due >= day(today));
        if let Some(last) = state.last_day {
            prop_assert!(due >= last);
        }
        prop_assert!(!next.is_new());
    }

    #[test]
    fn wait_matches_new_rung((ladder, state, grade, today) in case()) {
        let next = next_state(&state, grade, &ladder, day(today));
        let review_day = next.last_day.unwrap();
        let wait = next.due.unwrap().days_since(review_day);
        prop_assert_eq!(wait, i64::from(ladder.interval(next.rung)));
    }
}

/// One step of a random study history.
#[derive(Debug, Clone)]
enum Step {
    /// Answer card `card` after moving the clock by `shift` days (negative
    /// shifts are a clock set back).
    Answer {
        card: usize,
        grade: Grade,
        shift: i8,
    },
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0usize..6, grade(), -2i8..6).prop_map(|(card, grade, shift)| Step::Answer { card, grade, shift }),
        1 => Just(Step::Undo),
    ]
}

fn history_store() -> (Store, Vec<CardId>) {
    let mut store = Store::open_in_memory().unwrap();
    let kd = with_plan(
        lesson("kd", &[("T", "t"), ("S", "s")], &["Q?"]),
        &[2, 9, 20],
    );
    let still = lesson("still", &[("Plate", "p")], &[]);
    store
        .import_lessons(&[file(kd), file(still)], at("2024-01-01T10:00:00Z"))
        .unwrap();
    let ids = store
        .due_queue(day(0), 100, None)
        .unwrap()
        .into_iter()
        .map(|card| card.id)
        .collect();
    (store, ids)
}

fn run_history(store: &mut Store, ids: &[CardId], steps: &[Step]) {
    let mut clock = at("2024-01-01T10:00:00+02:00");
    for step in steps {
        match step {
            Step::Answer { card, grade, shift } => {
                clock += chrono::TimeDelta::hours(i64::from(*shift) * 24 + 1);
                let request = AnswerRequest {
                    card: ids[card % ids.len()].clone(),
                    grade: *grade,
                    time: StudyTime::new(clock, 4).unwrap(),
                    duration: None,
                };
                store.record_answer(&request).unwrap();
            }
            Step::Undo => {
                store.undo_last().unwrap();
            }
        }
    }
}

fn review_log(store: &Store) -> Vec<ExportedReview> {
    let mut rows = Vec::new();
    store
        .visit_reviews(|row| -> Result<(), StoreError> {
            rows.push(row);
            Ok(())
        })
        .unwrap();
    rows
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn replaying_log_reproduces_cards(steps in prop::collection::vec(step(), 1..60)) {
        let (mut store, ids) = history_store();
        run_history(&mut store, &ids, &steps);

        let mut replayed: HashMap<CardId, CardState> = HashMap::new();
        for row in review_log(&store) {
            let ladder = store.card(&row.card).unwrap().unwrap().ladder;
            let before = replayed.get(&row.card).copied().unwrap_or(CardState::NEW);
            prop_assert_eq!(before.rung, row.rung_before);
            prop_assert_eq!(before.due, row.due_before);
            let after = next_state(&before, row.grade, &ladder, row.day);
            prop_assert_eq!(after.rung, row.rung_after);
            prop_assert_eq!(after.due, Some(row.due_after));
            replayed.insert(row.card.clone(), after);
        }
        for id in &ids {
            let stored = store.card(id).unwrap().unwrap().state;
            let expected = replayed.get(id).copied().unwrap_or(CardState::NEW);
            prop_assert_eq!(stored, expected);
        }
    }

    #[test]
    fn day_counts_match_log(steps in prop::collection::vec(step(), 1..60)) {
        let (mut store, ids) = history_store();
        run_history(&mut store, &ids, &steps);

        let rows = review_log(&store);
        let mut per_day: HashMap<StudyDay, u32> = HashMap::new();
        for row in &rows {
            *per_day.entry(row.day).or_default() += 1;
        }
        let activity = store.reviews_per_day(day(0).minus_days(1000), day(1000)).unwrap();
        prop_assert_eq!(activity.len(), per_day.len());
        for entry in activity {
            prop_assert_eq!(Some(&entry.answers), per_day.get(&entry.day));
        }
    }
}
