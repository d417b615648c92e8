//! Builds the benchmark database: 1,000 lessons of 100 cards each and a
//! simulated study history of about 1,000,000 answers, written through the
//! real import and answer code.
//!
//! Shared by `benches/store.rs` and `examples/store_bench_db.rs`.

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeDelta};
use distill::lesson::{self, Lesson};
use distill::schedule::{Grade, StudyDay, StudyTime};
use distill::store::{AnswerRequest, LessonFile, Store, StoreError, source_sha256};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Lessons in the benchmark database.
pub const LESSONS: usize = 1_000;

/// Concepts per lesson; each gives a forward and a reverse card.
pub const CONCEPTS_PER_LESSON: usize = 50;

/// Answers the simulated history stops at.
pub const TARGET_ANSWERS: usize = 1_000_000;

/// New cards introduced per simulated day: 100,000 cards in 500 days.
const NEW_PER_DAY: u32 = 200;

/// First simulated day, at 10:00 UTC.
const START: &str = "2024-01-01T10:00:00+00:00";

/// Returns the Markdown text of generated lesson `index`.
pub fn lesson_text(index: usize) -> String {
    let mut text = format!("# Generated lesson {index}\n\n## 3. Key Concepts\n\n");
    for concept in 0..CONCEPTS_PER_LESSON {
        text.push_str(&format!(
            "- **Term {index}.{concept}** – the definition of term {concept} in lesson \
             {index}, long enough to look like a real sentence of a lesson.\n"
        ));
    }
    text
}

/// Parses generated lesson `index` as an import would.
pub fn lesson_file(index: usize) -> LessonFile {
    let text = lesson_text(index);
    let id = format!("gen-{index:04}");
    let path = format!("{id}.md");
    let lesson: Lesson = match lesson::parse(Path::new(&path), &id, text.as_bytes()) {
        Ok(lesson) => lesson,
        Err(err) => panic!("generated lesson {index} failed to parse: {err}"),
    };
    LessonFile {
        lesson,
        source: path,
        sha256: source_sha256(text.as_bytes()),
    }
}

/// Returns every generated lesson, parsed.
pub fn lesson_files() -> Vec<LessonFile> {
    (0..LESSONS).map(lesson_file).collect()
}

/// Returns the start time plus `day` days.
fn day_time(day: u32) -> StudyTime {
    let start: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(START).expect("valid start");
    let at = start + TimeDelta::days(i64::from(day));
    StudyTime::new(at, 4).expect("valid day start")
}

/// Builds the database at `path` (which must not exist yet) and returns
/// the study day after the last simulated one, the day benchmarks query.
pub fn build(path: &Path) -> Result<StudyDay, StoreError> {
    let mut store = Store::open(path)?;
    store.import_lessons(&lesson_files(), day_time(0).at)?;
    let mut rng = ChaCha8Rng::seed_from_u64(20_240_101);
    let mut answers = 0;
    let mut day = 0;
    while answers < TARGET_ANSWERS {
        answers += study_day(&mut store, day_time(day), &mut rng)?;
        day += 1;
    }
    Ok(day_time(day).day)
}

/// Answers every card due on one day: first pass with random grades
/// (10% again, 10% hard, 70% good, 10% easy), then the cards answered
/// Again once more with Good. Returns the number of answers.
fn study_day(
    store: &mut Store,
    time: StudyTime,
    rng: &mut ChaCha8Rng,
) -> Result<usize, StoreError> {
    let mut total = 0;
    for pass in 0..2 {
        let queue = store.due_queue(time.day, NEW_PER_DAY, None)?;
        let requests: Vec<AnswerRequest> = queue
            .into_iter()
            .map(|card| AnswerRequest {
                card: card.id,
                grade: if pass == 0 {
                    random_grade(rng)
                } else {
                    Grade::Good
                },
                time,
                duration: None,
            })
            .collect();
        total += requests.len();
        store.record_answers(&requests)?;
    }
    Ok(total)
}

fn random_grade(rng: &mut ChaCha8Rng) -> Grade {
    match rng.random_range(0..10) {
        0 => Grade::Again,
        1 => Grade::Hard,
        9 => Grade::Easy,
        _ => Grade::Good,
    }
}
