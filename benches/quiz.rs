//! Quiz generation and answer checking on the shipped Bulgarian lesson, and
//! the durable writes of the quiz, the learning path and review prompts
//! side by side with the store's own answer write.
//!
//! Run with `cargo bench --bench quiz`. The writes go to a database file in
//! a temporary folder (WAL, `synchronous=FULL`), so each one includes an
//! fsync of the write-ahead log.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use distill::builtin;
use distill::lesson::{self, Lesson};
use distill::quiz::path::PathProgress;
use distill::quiz::review_prompt::planned_prompts;
use distill::quiz::{self, AnswerKey, Attempt, ItemKind, Source};
use distill::schedule::{Grade, StudyTime};
use distill::store::{AnswerRequest, Store};

fn shipped(index: usize) -> Lesson {
    let shipped = &builtin::LESSONS[index];
    let id = shipped.file_name.trim_end_matches(".md");
    lesson::parse(Path::new(shipped.file_name), id, shipped.text.as_bytes())
        .expect("shipped lesson parses")
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("valid time")
}

fn bench_generate_and_check(c: &mut Criterion) {
    let lesson = shipped(0);
    let others = [shipped(1)];
    let mut group = c.benchmark_group("quiz");
    group.bench_function("generate_shipped_lesson", |b| {
        b.iter(|| quiz::generate(black_box(&lesson), black_box(&others), 7))
    });
    let concept = &lesson.concepts[8];
    let key = AnswerKey::new(concept, &lesson.concepts);
    let typo: String = concept.term.chars().skip(1).collect();
    group.bench_function("check_typed_answer_with_typo", |b| {
        b.iter(|| key.check(black_box(&typo)))
    });
    group.finish();
}

fn bench_durable_writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("database opens");
    store
        .sync_builtin(builtin::LESSONS, at("2026-03-01T08:00:00+02:00"))
        .expect("shipped lessons import");
    let lesson = shipped(0);
    let time = StudyTime::new(at("2026-03-02T09:00:00+02:00"), 4).expect("study time");
    // Answered Again, a card stays due today, so every iteration of both
    // write benchmarks reviews a due card.
    let attempt = Attempt {
        lesson: lesson.id.clone(),
        kind: ItemKind::TypeTerm,
        source: Source::Concept(0),
        subject: lesson.concepts[0].term.clone(),
        response: "грешка".to_string(),
        right: false,
        self_grade: None,
        card_grade: Grade::Again,
        duration: Duration::from_secs(3),
    };
    let request = AnswerRequest {
        card: attempt.card_id(),
        grade: Grade::Again,
        time,
        duration: Some(Duration::from_secs(3)),
    };
    store.record_answer(&request).expect("card answered once");

    let mut group = c.benchmark_group("durable_write");
    group.sample_size(30);
    group.bench_function("store_record_answer", |b| {
        b.iter(|| {
            store
                .record_answer(black_box(&request))
                .expect("answer recorded")
        })
    });
    group.bench_function("record_quiz_attempt_with_review", |b| {
        b.iter(|| {
            store
                .record_quiz_attempt(black_box(&attempt), &time)
                .expect("attempt recorded")
        })
    });
    let prompts = planned_prompts(&lesson);
    let mut progress = PathProgress {
        current: Some("step:1".to_string()),
        ..PathProgress::default()
    };
    for step in 0..7 {
        progress
            .notes
            .insert(format!("step:{step}"), "бележка за стъпката ".repeat(4));
    }
    group.bench_function("save_path_progress_per_keystroke", |b| {
        b.iter(|| {
            store
                .save_path_progress(&lesson.id, black_box(&progress), &prompts, time.at)
                .expect("progress saved")
        })
    });
    group.finish();
}

criterion_group!(benches, bench_generate_and_check, bench_durable_writes);
criterion_main!(benches);
