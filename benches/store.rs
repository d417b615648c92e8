//! Storage benchmarks: importing 1,000 lessons, and the due queue, the
//! dashboard counts, the statistics and durable answers on a database of
//! 100,000 cards and about 1,000,000 answers.
//!
//! The database is built once by `support/store_data.rs` (about 1.5 minutes
//! in release) at `$DISTILL_BENCH_DB`, by default
//! `target/store-bench/100k.db`, and reused while it exists.

#[path = "support/store_data.rs"]
mod store_data;

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use distill::schedule::{Grade, StudyDay, StudyTime};
use distill::store::{AnswerRequest, Store};

/// Returns the benchmark database path, building the file if it is missing,
/// and the study day to query it on: the day after its last answer.
fn bench_db() -> (PathBuf, StudyDay) {
    let path = std::env::var_os("DISTILL_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/store-bench/100k.db"));
    if !path.exists() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the benchmark folder");
        }
        eprintln!("building {} (about 1.5 minutes in release)", path.display());
        store_data::build(&path).expect("build the benchmark database");
    }
    let store = Store::open(&path).expect("open the benchmark database");
    let last = store.last_answer().expect("read the review log");
    let today = last
        .expect("the benchmark database has answers")
        .day
        .plus_days(1);
    (path, today)
}

fn queries(c: &mut Criterion) {
    let (path, today) = bench_db();
    let store = Store::open(&path).expect("open the benchmark database");
    let mut group = c.benchmark_group("store_100k");
    group.bench_function("open", |b| {
        b.iter(|| Store::open(black_box(&path)).expect("open"));
    });
    group.bench_function("due_queue", |b| {
        b.iter(|| {
            store
                .due_queue(black_box(today), 20, None)
                .expect("due queue")
        });
    });
    group.bench_function("day_counts", |b| {
        b.iter(|| store.day_counts(black_box(today), 20).expect("day counts"));
    });
    group.bench_function("lesson_rows", |b| {
        b.iter(|| store.lesson_rows(black_box(today)).expect("lesson rows"));
    });
    group.bench_function("stats", |b| {
        b.iter(|| store.stats(black_box(today), 20).expect("stats"));
    });
    group.bench_function("heatmap_365_days", |b| {
        let from = today.minus_days(365);
        b.iter(|| {
            store
                .reviews_per_day(black_box(from), today)
                .expect("heatmap")
        });
    });
    group.finish();
}

fn answers(c: &mut Criterion) {
    let (path, today) = bench_db();
    // Answers change the file, so they go to a copy.
    let dir = tempfile::tempdir().expect("temp folder");
    let copy = dir.path().join("answers.db");
    std::fs::copy(&path, &copy).expect("copy the benchmark database");
    let mut store = Store::open(&copy).expect("open the copy");
    let cards: Vec<_> = store
        .due_queue(today.plus_days(30), 20, None)
        .expect("due queue")
        .into_iter()
        .map(|card| card.id)
        .collect();

    let noon = today
        .date()
        .and_hms_opt(12, 0, 0)
        .expect("valid time")
        .and_utc();
    let time = StudyTime::new(noon.fixed_offset(), 4).expect("valid day start");
    let mut next = 0;

    let mut group = c.benchmark_group("store_100k");
    group.bench_function("record_answer_fsync", |b| {
        b.iter(|| {
            let request = AnswerRequest {
                card: cards[next % cards.len()].clone(),
                grade: Grade::Good,
                time,
                duration: Some(Duration::from_secs(3)),
            };
            next += 1;
            store.record_answer(&request).expect("record answer")
        });
    });
    // The disk's own cost of one durable write, the floor for an answer.
    let mut file = std::fs::File::create(dir.path().join("fsync.bin")).expect("create file");
    let page = [7u8; 4096];
    group.bench_function("fsync_4k_baseline", |b| {
        b.iter(|| {
            file.write_all(&page).expect("write");
            file.sync_data().expect("fsync");
        });
    });
    group.finish();
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("parse_and_import_1000_lessons", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp folder");
                let store = Store::open(&dir.path().join("import.db")).expect("open");
                (dir, store)
            },
            |(dir, mut store)| {
                let files = store_data::lesson_files();
                let now = chrono::Utc::now().fixed_offset();
                store.import_lessons(&files, now).expect("import");
                (dir, store)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    targets = queries, answers, import
}
criterion_main!(benches);
