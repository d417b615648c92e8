//! Parse speed on a multi-megabyte lesson file, side by side with
//! pulldown-cmark's own pass over the same text.
//!
//! Run with `cargo bench --bench parse`. The input is the binary-search test
//! fixture repeated until it passes 4 MiB, with each copy's terms and
//! questions numbered so they are not duplicates.
//!
//! With `PARSE_ONCE` set to one of the pass names below (`input`,
//! `pulldown_cmark_events`, `utf8_then_pulldown_cmark_events`,
//! `distill_lesson_parse`), the binary builds the input, runs that pass once
//! and exits without criterion. Run under `valgrind --tool=callgrind`, this
//! gives instruction counts, which stay the same from run to run even on a
//! busy machine. Subtract the `input` count to get the pass alone.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput};
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

/// pulldown-cmark's pass over text that is already a `&str`.
fn pulldown_cmark_events(text: &str) -> usize {
    Parser::new_ext(text, Options::ENABLE_TABLES).count()
}

/// UTF-8 validation and then pulldown-cmark's pass: the least work that
/// starts, as `distill::lesson::parse` does, from bytes.
fn utf8_then_pulldown_cmark_events(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or(0, pulldown_cmark_events)
}

fn distill_lesson_parse(bytes: &[u8]) -> bool {
    distill::lesson::parse(Path::new("bench.md"), "bench", bytes).is_ok()
}

fn bench_parse(c: &mut Criterion) {
    let text = many_lessons();
    let mut group = c.benchmark_group("parse_4mib");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("pulldown_cmark_events", |b| {
        b.iter(|| pulldown_cmark_events(black_box(&text)))
    });
    group.bench_function("pulldown_cmark_offset_events", |b| {
        b.iter(|| {
            Parser::new_ext(black_box(&text), Options::ENABLE_TABLES)
                .into_offset_iter()
                .count()
        })
    });
    group.bench_function("utf8_then_pulldown_cmark_events", |b| {
        b.iter(|| utf8_then_pulldown_cmark_events(black_box(text.as_bytes())))
    });
    group.bench_function("distill_lesson_parse", |b| {
        b.iter(|| {
            distill::lesson::parse(Path::new("bench.md"), "bench", black_box(text.as_bytes()))
        })
    });
    group.finish();
}

/// Runs the pass named `pass` once over the benchmark input.
fn run_once(pass: &str) {
    let text = many_lessons();
    let bytes = black_box(text.as_bytes());
    let result = match pass {
        "input" => true,
        "pulldown_cmark_events" => pulldown_cmark_events(black_box(&text)) > 0,
        "utf8_then_pulldown_cmark_events" => utf8_then_pulldown_cmark_events(bytes) > 0,
        "distill_lesson_parse" => distill_lesson_parse(bytes),
        _ => {
            eprintln!(
                "unknown PARSE_ONCE value `{pass}`; use input, pulldown_cmark_events, \
                 utf8_then_pulldown_cmark_events or distill_lesson_parse"
            );
            std::process::exit(2);
        }
    };
    black_box(result);
}

fn main() {
    if let Ok(pass) = std::env::var("PARSE_ONCE") {
        run_once(&pass);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    bench_parse(&mut criterion);
    criterion.final_summary();
}
