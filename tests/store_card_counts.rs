//! The per-lesson card counts that triggers keep in `card_counts` must equal
//! a recount of the cards table after answers, undo and re-imports that
//! retire and restore cards. The lesson rows, rung counts and mastered count
//! read that table, so they are checked against the same recount.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod store_support;

use std::collections::BTreeMap;
use std::path::Path;

use distill::deck::{CardId, CardKind};
use distill::lesson::Lesson;
use distill::schedule::{Grade, StudyDay};
use distill::store::{AnswerRequest, Store};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;
use store_support::{at, day_time, file, lesson};

/// Card counts keyed by lesson, rung and whether the card is new.
type Counts = BTreeMap<(String, i64, i64), i64>;

const TERMS: [&str; 6] = ["One", "Two", "Three", "Four", "Five", "Six"];

/// Builds lesson `id` with the first `count` terms of [`TERMS`].
fn lesson_with(id: &str, count: usize) -> Lesson {
    let concepts: Vec<(&str, &str)> = TERMS[..count].iter().map(|term| (*term, "text")).collect();
    lesson(id, &concepts, &[])
}

fn import(store: &mut Store, lessons: Vec<Lesson>, day: u32) {
    let files: Vec<_> = lessons.into_iter().map(file).collect();
    let now = at("2026-01-01T09:00:00Z") + chrono::TimeDelta::days(i64::from(day));
    store.import_lessons(&files, now).unwrap();
}

fn read_counts(conn: &Connection, sql: &str) -> Counts {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |row| {
            Ok(((row.get(0)?, row.get(1)?, row.get(2)?), row.get(3)?))
        })
        .unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// Asserts that the trigger-kept counts equal a recount of the cards, and
/// that the lesson rows agree with that recount.
fn assert_counts_match(path: &Path, store: &Store, today: StudyDay) {
    let conn = Connection::open(path).unwrap();
    let trigger_counts = read_counts(
        &conn,
        "select lesson_id, rung, is_new, cards from card_counts order by 1, 2, 3",
    );
    let recount = read_counts(
        &conn,
        "select lesson_id, rung, due is null, count(*) from cards where retired = 0 \
         group by 1, 2, 3 order by 1, 2, 3",
    );
    assert_eq!(
        trigger_counts, recount,
        "card_counts differs from a recount"
    );

    for row in store.lesson_rows(today).unwrap() {
        let (cards, due, new, mastered): (u32, u32, u32, u32) = conn
            .query_row(
                "select count(*), coalesce(sum(c.due <= ?2), 0), \
                 coalesce(sum(c.due is null), 0), coalesce(sum(c.rung >= l.top_rung), 0) \
                 from cards c join lessons l on l.id = c.lesson_id \
                 where c.lesson_id = ?1 and c.retired = 0",
                rusqlite::params![row.lesson_id, today],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(row.cards, cards, "cards of {}", row.lesson_id);
        assert_eq!(row.due, due, "due cards of {}", row.lesson_id);
        assert_eq!(row.new, new, "new cards of {}", row.lesson_id);
        assert_eq!(
            row.mastered, mastered,
            "mastered cards of {}",
            row.lesson_id
        );
    }

    let mastered: u32 = conn
        .query_row(
            "select count(*) from cards c join lessons l on l.id = c.lesson_id \
             where c.retired = 0 and c.rung >= l.top_rung",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(store.mastered_count().unwrap(), mastered);
    let rungs: Vec<(u32, u32)> = store
        .rung_counts()
        .unwrap()
        .iter()
        .map(|count| (count.rung, count.cards))
        .collect();
    let mut stmt = conn
        .prepare(
            "select rung, count(*) from cards where retired = 0 and due is not null \
             group by rung order by rung",
        )
        .unwrap();
    let recount: Vec<(u32, u32)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(rungs, recount, "cards per rung");
}

fn random_grade(rng: &mut ChaCha8Rng) -> Grade {
    match rng.random_range(0..4) {
        0 => Grade::Again,
        1 => Grade::Hard,
        2 => Grade::Good,
        _ => Grade::Easy,
    }
}

#[test]
fn card_counts_match_recount_after_random_study() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("study.db");
    let mut store = Store::open(&path).unwrap();
    import(
        &mut store,
        vec![lesson_with("a", 6), lesson_with("b", 4)],
        0,
    );
    let mut rng = ChaCha8Rng::seed_from_u64(7);

    for day in 0..60 {
        let time = day_time(day);
        for card in store.due_queue(time.day, 3, None).unwrap() {
            let request = AnswerRequest {
                card: card.id,
                grade: random_grade(&mut rng),
                time,
                duration: None,
            };
            store.record_answer(&request).unwrap();
        }
        if rng.random_range(0..4) == 0 {
            store.undo_last().unwrap();
        }
        // Shrinking a lesson retires cards, and growing it back restores them.
        match day % 15 {
            5 => import(
                &mut store,
                vec![lesson_with("a", 3), lesson_with("b", 4)],
                day,
            ),
            10 => import(
                &mut store,
                vec![lesson_with("a", 6), lesson_with("b", 2)],
                day,
            ),
            14 => import(
                &mut store,
                vec![lesson_with("a", 6), lesson_with("b", 4)],
                day,
            ),
            _ => {}
        }
        assert_counts_match(&path, &store, time.day);
    }

    let retired = CardId::derive("a", CardKind::Concept, "Six");
    import(
        &mut store,
        vec![lesson_with("a", 5), lesson_with("b", 4)],
        60,
    );
    assert!(store.card(&retired).unwrap().unwrap().retired);
    assert_counts_match(&path, &store, day_time(60).day);
}

/// Schema version 2: the files before `card_counts` existed.
const SCHEMA_BEFORE_COUNTS: [&str; 2] = [
    include_str!("../migrations/0001_cards.sql"),
    include_str!("../migrations/0002_quiz_and_path.sql"),
];

#[test]
fn card_counts_filled_by_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = Connection::open(&path).unwrap();
    for sql in SCHEMA_BEFORE_COUNTS {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(
        "pragma user_version = 2;
         insert into lessons values ('a', 'A', 'a.md', '00', '1,3,7,30', 4, 0);
         insert into cards values
             ('c1', 'a', 'concept', 1, 'f', 'b', 1, 0, null, null, 0),
             ('c2', 'a', 'concept', 2, 'f', 'b', 2, 0, null, null, 0),
             ('c3', 'a', 'concept', 3, 'f', 'b', 3, 2, '2026-01-05', '2026-01-02', 0),
             ('c4', 'a', 'concept', 4, 'f', 'b', 4, 4, '2026-03-01', '2026-01-02', 0),
             ('c5', 'a', 'concept', 5, 'f', 'b', 5, 4, '2026-03-01', '2026-01-02', 1);",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let trigger_counts = read_counts(
        &conn,
        "select lesson_id, rung, is_new, cards from card_counts order by 1, 2, 3",
    );
    let expected: Counts = [
        (("a".to_owned(), 0, 1), 2),
        (("a".to_owned(), 2, 0), 1),
        (("a".to_owned(), 4, 0), 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(trigger_counts, expected);
    let today = day_time(10).day;
    assert_counts_match(&path, &store, today);
    let rows = store.lesson_rows(today).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cards, 4);
    assert_eq!(rows[0].due, 1);
    assert_eq!(rows[0].new, 2);
    assert_eq!(rows[0].mastered, 1);
}
