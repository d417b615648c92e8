//! Quiz attempts on a real database file: storage, and answers that count
//! as the review of a due card (right = Good, almost = Hard, wrong = Again,
//! free recall = the learner's grade).

#![allow(
    clippy::unwrap_used,
    reason = "the shared store_support helpers unwrap, which fails the test on error"
)]

mod store_support;

use std::path::Path;
use std::time::Duration;

use distill::deck::{CardId, CardKind};
use distill::lesson;
use distill::quiz::{self, Attempt, ItemKind, Outcome, Source};
use distill::schedule::Grade;
use distill::store::{AnswerRequest, LessonFile, Store, StudyError, source_sha256};
use store_support::{at, day_time};

const LESSON: &str = "kolona";

fn fixture_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolona.md")
}

/// Opens a fresh database in `dir` with the fixture lesson imported from
/// its file.
fn store_with_lesson(dir: &Path) -> Store {
    let path = fixture_path();
    let bytes = std::fs::read(&path).expect("fixture readable");
    let file = LessonFile {
        lesson: lesson::parse_file(&path).expect("fixture parses"),
        source: path.display().to_string(),
        sha256: source_sha256(&bytes),
    };
    let mut store = Store::open(&dir.join("study.db")).expect("database opens");
    store
        .import_lessons(&[file], at("2026-01-01T08:00:00Z"))
        .expect("import succeeds");
    store
}

fn attempt(kind: ItemKind, subject: &str, right: bool, card_grade: Grade) -> Attempt {
    Attempt {
        lesson: LESSON.to_string(),
        kind,
        source: Source::Concept(0),
        subject: subject.to_string(),
        response: "1".to_string(),
        right,
        self_grade: None,
        card_grade,
        duration: Duration::from_millis(2500),
    }
}

/// Answers `card` Good on day 0 so that it is due on day 1.
fn make_due(store: &mut Store, card: CardId) {
    store
        .record_answer(&AnswerRequest {
            card,
            grade: Grade::Good,
            time: day_time(0),
            duration: None,
        })
        .expect("first answer recorded");
}

#[test]
fn right_answer_reviews_due_card_good() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let attempt = attempt(ItemKind::TypeTerm, "Рефлукс", true, Grade::Good);
    make_due(&mut store, attempt.card_id());

    let recorded = store
        .record_quiz_attempt(&attempt, &day_time(1))
        .expect("recorded");
    let review = recorded.review.expect("the due card was reviewed");
    assert_eq!(
        review.card,
        CardId::derive(LESSON, CardKind::Reverse, "Рефлукс")
    );
    assert_eq!(review.grade, Grade::Good);
    assert_eq!(review.rung_before, 1);
    assert_eq!(review.rung_after, 2);
    assert_eq!(review.due_after, day_time(4).day);

    let stored = store.quiz_attempts(LESSON).expect("attempts readable");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].review_log_id, Some(review.log_id));
    assert_eq!(stored[0].card_id, Some(review.card));
    assert_eq!(stored[0].kind, "type_term");
    assert!(stored[0].correct);
    assert_eq!(stored[0].duration_ms, Some(2500));
    assert_eq!(stored[0].day, day_time(1).day);
}

#[test]
fn wrong_answer_reviews_due_card_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let attempt = attempt(ItemKind::ChooseDefinition, "Кипник", false, Grade::Again);
    make_due(&mut store, attempt.card_id());
    let review = store
        .record_quiz_attempt(&attempt, &day_time(2))
        .expect("recorded")
        .review
        .expect("the overdue card was reviewed");
    assert_eq!(
        review.card,
        CardId::derive(LESSON, CardKind::Concept, "Кипник")
    );
    assert_eq!(review.grade, Grade::Again);
    assert_eq!(review.rung_after, 0);
    assert_eq!(review.due_after, day_time(2).day);
}

#[test]
fn almost_right_reviews_due_card_hard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let lesson = lesson::parse_file(&fixture_path()).expect("fixture parses");
    let quiz = quiz::generate(&lesson, &[], 4);
    let index = quiz
        .items
        .iter()
        .position(|item| item.kind == ItemKind::TypeTerm)
        .expect("a typed item");
    let item = &quiz.items[index];
    let typo: String = item.expected().expect("a term").chars().skip(1).collect();
    let outcome = Outcome::type_term(item, &typo).expect("a typed item");
    let attempt = Attempt::new(&quiz, index, &outcome, Duration::from_secs(4)).expect("attempt");
    make_due(&mut store, attempt.card_id());
    let review = store
        .record_quiz_attempt(&attempt, &day_time(1))
        .expect("recorded")
        .review
        .expect("the due card was reviewed");
    assert_eq!(review.grade, Grade::Hard);
    assert_eq!(review.rung_after, 1);
    assert!(store.quiz_attempts(LESSON).expect("attempts")[0].correct);
}

#[test]
fn free_recall_reviews_quiz_card_with_own_grade() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let mut recall = attempt(
        ItemKind::FreeRecall,
        "Какво прави кондензаторът?",
        true,
        Grade::Easy,
    );
    recall.self_grade = Some(Grade::Easy);
    recall.source = Source::Question(0);
    make_due(&mut store, recall.card_id());
    let recorded = store
        .record_quiz_attempt(&recall, &day_time(1))
        .expect("recorded");
    let review = recorded.review.expect("the quiz card was reviewed");
    assert_eq!(
        review.card,
        CardId::derive(LESSON, CardKind::Quiz, "Какво прави кондензаторът?")
    );
    assert_eq!(review.grade, Grade::Easy);
    let stored = &store.quiz_attempts(LESSON).expect("attempts")[0];
    assert_eq!(stored.self_grade, Some(Grade::Easy));
}

#[test]
fn new_or_not_yet_due_card_not_reviewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let new_card = attempt(ItemKind::ChooseTerm, "Плато (Tray)", true, Grade::Good);
    let recorded = store
        .record_quiz_attempt(&new_card, &day_time(0))
        .expect("recorded");
    assert_eq!(recorded.review, None);

    let later = attempt(ItemKind::ChooseTerm, "Кипник", true, Grade::Good);
    make_due(&mut store, later.card_id());
    let recorded = store
        .record_quiz_attempt(&later, &day_time(0))
        .expect("recorded");
    assert_eq!(recorded.review, None, "the card is due tomorrow, not today");

    let stored = store.quiz_attempts(LESSON).expect("attempts");
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|attempt| attempt.review_log_id.is_none()));
    assert!(stored.iter().all(|attempt| attempt.card_id.is_some()));
}

#[test]
fn item_without_card_stored_without_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let unknown = attempt(
        ItemKind::TypeTerm,
        "Термин, който го няма",
        false,
        Grade::Again,
    );
    let recorded = store
        .record_quiz_attempt(&unknown, &day_time(0))
        .expect("recorded");
    assert_eq!(recorded.review, None);
    assert_eq!(
        store.quiz_attempts(LESSON).expect("attempts")[0].card_id,
        None
    );
}

#[test]
fn undo_of_quiz_review_keeps_attempt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let attempt = attempt(ItemKind::TypeTerm, "Рефлукс", true, Grade::Good);
    make_due(&mut store, attempt.card_id());
    store
        .record_quiz_attempt(&attempt, &day_time(1))
        .expect("recorded");
    let undone = store
        .undo_last()
        .expect("undo works")
        .expect("an answer to undo");
    assert_eq!(undone.rung_after, 2);
    let stored = store.quiz_attempts(LESSON).expect("attempts");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].review_log_id, None);
}

#[test]
fn load_lesson_reads_file_and_builtin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = store_with_lesson(dir.path());
    let lesson = store.load_lesson(LESSON).expect("fixture loads");
    assert_eq!(lesson.title, "Колоната за дестилация");
    assert_eq!(lesson.concepts.len(), 5);

    store
        .sync_builtin(distill::builtin::LESSONS, at("2026-01-01T08:00:00Z"))
        .expect("shipped lessons sync");
    let shipped = store
        .load_lesson("distillation")
        .expect("shipped lesson loads");
    assert_eq!(shipped.id, "distillation");
    assert_eq!(shipped.concepts.len(), 14);

    let titles = store.lesson_titles().expect("titles");
    assert_eq!(titles.len(), 3);
}

#[test]
fn unknown_lesson_names_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store_with_lesson(dir.path());
    let err = store.load_lesson("нищо").expect_err("no such lesson");
    assert!(matches!(err, StudyError::LessonNotFound(_)));
    assert!(err.to_string().contains("distill import"), "{err}");
}

#[test]
fn moved_lesson_file_names_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("kolona.md");
    std::fs::copy(fixture_path(), &copy).expect("fixture copied");
    let file = LessonFile {
        lesson: lesson::parse_file(&copy).expect("copy parses"),
        source: copy.display().to_string(),
        sha256: "0".repeat(64),
    };
    let mut store = Store::open(&dir.path().join("study.db")).expect("database opens");
    store
        .import_lessons(&[file], at("2026-01-01T08:00:00Z"))
        .expect("import");
    std::fs::remove_file(&copy).expect("copy removed");
    let err = store.load_lesson(LESSON).expect_err("the file is gone");
    let message = err.to_string();
    assert!(message.contains("kolona.md"), "{message}");
}
