//! Parse speed on a multi-megabyte lesson file, side by side with
//! pulldown-cmark's own pass over the same text.
//!
//! Run with `cargo bench --bench parse`. The input is the binary-search test
//! fixture repeated until it passes 4 MiB, with each copy's terms and
//! questions numbered so they are not duplicates.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pulldown_cmark::{Options, Parser};

const FIXTURE: &str = include_str!("../tests/fixtures/lessons/binary-search.md");
const TARGET_BYTES: usize = 4 * 1024 * 1024;

/// Concatenates numbered copies of the fixture up to [`TARGET_BYTES`].
fn many_lessons() -> String {
    let mut text = String::with_capacity(TARGET_BYTES + FIXTURE.len());
    let mut copy = 0;
    while text.len() < TARGET_BYTES {
        copy += 1;
        let numbered = FIXTURE
            .replace("- **", &format!("- **{copy} "))
            .replace("?\n", &format!(" {copy}?\n"));
        text.push_str(&numbered);
        text.push('\n');
    }
    text
}

fn bench_parse(c: &mut Criterion) {
    let text = many_lessons();
    let mut group = c.benchmark_group("parse_4mib");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("pulldown_cmark_events", |b| {
        b.iter(|| Parser::new_ext(black_box(&text), Options::ENABLE_TABLES).count())
    });
    group.bench_function("pulldown_cmark_offset_events", |b| {
        b.iter(|| {
            Parser::new_ext(black_box(&text), Options::ENABLE_TABLES)
                .into_offset_iter()
                .count()
        })
    });
    group.bench_function("distill_lesson_parse", |b| {
        b.iter(|| {
            distill::lesson::parse(Path::new("bench.md"), "bench", black_box(text.as_bytes()))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
