//! The quiz screen: key handling on bare state and snapshots at 100x30 and
//! 40x12 on the Bulgarian fixture lesson.

mod quiz_support;

use distill::quiz::{self, ItemKind, Outcome, Question, Quiz, Verdict};
use distill::schedule::Grade;
use distill::tui::quiz::QuizScreen;
use distill::tui::{Action, Screen};
use quiz_support::{
    SIZES, char_key, column_lesson, key, render, run_task, store_context, type_text,
};
use ratatui::crossterm::event::KeyCode;

/// Returns the fixture quiz with only the items of `kind`, optionally only
/// free-recall questions with (`Some(true)`) or without an answer.
fn quiz_of(kind: ItemKind, with_answer: Option<bool>) -> Quiz {
    let mut quiz = quiz::generate(&column_lesson(), &[], 1);
    quiz.items.retain(|item| {
        let answer_matches = match (&item.question, with_answer) {
            (Question::Recall(recall), Some(wanted)) => recall.answer.is_some() == wanted,
            _ => true,
        };
        item.kind == kind && answer_matches
    });
    assert!(
        !quiz.items.is_empty(),
        "the fixture quiz has a {kind:?} item"
    );
    quiz
}

fn right_option(screen: &QuizScreen) -> usize {
    match &screen.current().expect("an item on screen").question {
        Question::Choice(choice) => choice.answer,
        other => panic!("expected a choice item, got {other:?}"),
    }
}

fn snapshot_all(name: &str, screen: impl Fn() -> QuizScreen) {
    for (width, height) in SIZES {
        let text = render(Box::new(screen()), width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn number_key_answers_choice() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::ChooseTerm, None));
    let mut ctx = store_context();
    let right = right_option(&screen);
    let action = screen.handle_key(char_key(char::from(b'1' + right as u8)));
    assert!(screen.is_pending());
    assert!(matches!(
        screen.handle_key(key(KeyCode::Enter)),
        Action::None
    ));
    run_task(&mut ctx, &mut screen, action);
    assert!(!screen.is_pending());
    assert_eq!(screen.scorecard().right(), 1);
    assert_eq!(screen.scorecard().total(), 1);
}

#[test]
fn arrows_select_then_enter_chooses() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::ChooseDefinition, None));
    let mut ctx = store_context();
    let right = right_option(&screen);
    for _ in 0..right {
        screen.handle_key(key(KeyCode::Down));
    }
    let action = screen.handle_key(key(KeyCode::Enter));
    run_task(&mut ctx, &mut screen, action);
    assert_eq!(screen.scorecard().right(), 1);
}

#[test]
fn failed_write_keeps_answer_for_retry() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::ChooseTerm, None));
    let action = screen.handle_key(char_key('1'));
    let Action::Store(task) = action else {
        panic!("expected a store task");
    };
    let failed = screen.on_reply(task.label(), Err("disk full".into()));
    let Action::Notify(message) = failed else {
        panic!("expected a notice, got {failed:?}");
    };
    assert!(message.contains("disk full"), "{message}");
    assert_eq!(screen.scorecard().total(), 0);
    let retry = screen.handle_key(key(KeyCode::Enter));
    assert!(matches!(retry, Action::Store(_)), "{retry:?}");
}

#[test]
fn enter_after_saved_answer_shows_next_item() {
    let quiz = quiz_of(ItemKind::ChooseTerm, None);
    let count = quiz.items.len();
    let mut screen = QuizScreen::new(quiz);
    let mut ctx = store_context();
    for _ in 0..count {
        let action = screen.handle_key(char_key('1'));
        run_task(&mut ctx, &mut screen, action);
        screen.handle_key(key(KeyCode::Enter));
    }
    assert!(screen.is_finished());
    assert!(matches!(
        screen.handle_key(key(KeyCode::Enter)),
        Action::Back
    ));
}

#[test]
fn text_field_takes_q_and_question_mark() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
    assert!(matches!(screen.handle_key(char_key('q')), Action::None));
    assert!(matches!(screen.handle_key(char_key('?')), Action::None));
    assert!(matches!(
        screen.handle_key(key(KeyCode::Esc)),
        Action::Unhandled
    ));
}

#[test]
fn typed_term_checked_on_enter() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
    let mut ctx = store_context();
    let expected = screen
        .current()
        .and_then(|item| item.expected())
        .expect("a term");
    type_text(&mut screen, &expected.to_lowercase());
    let action = screen.handle_key(key(KeyCode::Enter));
    run_task(&mut ctx, &mut screen, action);
    let answers = screen.scorecard().answers();
    assert!(matches!(
        &answers[0].1,
        Outcome::Typed {
            verdict: Verdict::Exact,
            ..
        }
    ));
}

#[test]
fn pasted_text_is_typed_answer() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
    let mut ctx = store_context();
    let expected = screen
        .current()
        .and_then(|item| item.expected())
        .expect("a term");
    screen.handle_paste(&format!("{expected}\n"));
    let action = screen.handle_key(key(KeyCode::Enter));
    run_task(&mut ctx, &mut screen, action);
    assert_eq!(screen.scorecard().right(), 1);
}

#[test]
fn empty_typed_answer_asks_again() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
    let action = screen.handle_key(key(KeyCode::Enter));
    assert!(matches!(action, Action::Notify(_)), "{action:?}");
    assert!(!screen.is_pending());
}

#[test]
fn tab_gives_up_as_wrong() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
    let mut ctx = store_context();
    let action = screen.handle_key(key(KeyCode::Tab));
    run_task(&mut ctx, &mut screen, action);
    assert_eq!(screen.scorecard().right(), 0);
    assert_eq!(screen.scorecard().missed(), vec![0]);
}

#[test]
fn recall_reveals_then_takes_grade() {
    let mut screen = QuizScreen::new(quiz_of(ItemKind::FreeRecall, Some(true)));
    let mut ctx = store_context();
    type_text(&mut screen, "охлажда парата");
    assert!(matches!(
        screen.handle_key(key(KeyCode::Enter)),
        Action::None
    ));
    let action = screen.handle_key(char_key('3'));
    run_task(&mut ctx, &mut screen, action);
    let answers = screen.scorecard().answers();
    assert_eq!(
        answers[0].1,
        Outcome::Recalled {
            response: "охлажда парата".to_string(),
            grade: Grade::Good,
        }
    );
}

#[test]
fn snapshot_choice_selected() {
    snapshot_all("quiz_choice_selected", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::ChooseDefinition, None));
        screen.handle_key(key(KeyCode::Down));
        screen
    });
}

#[test]
fn snapshot_choice_wrong() {
    snapshot_all("quiz_choice_wrong", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::ChooseTerm, None));
        let mut ctx = store_context();
        let wrong = (right_option(&screen) + 1) % 4;
        let action = screen.handle_key(char_key(char::from(b'1' + wrong as u8)));
        run_task(&mut ctx, &mut screen, action);
        screen
    });
}

#[test]
fn snapshot_typed_input() {
    snapshot_all("quiz_typed_input", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
        type_text(&mut screen, "рефлу");
        screen
    });
}

#[test]
fn snapshot_typed_almost() {
    snapshot_all("quiz_typed_almost", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::TypeTerm, None));
        let mut ctx = store_context();
        let expected = screen
            .current()
            .and_then(|item| item.expected())
            .expect("a term");
        let typo: String = expected.chars().skip(1).collect();
        type_text(&mut screen, &typo);
        let action = screen.handle_key(key(KeyCode::Enter));
        run_task(&mut ctx, &mut screen, action);
        screen
    });
}

#[test]
fn snapshot_recall_answer() {
    snapshot_all("quiz_recall_answer", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::FreeRecall, Some(true)));
        type_text(&mut screen, "охлажда");
        screen.handle_key(key(KeyCode::Enter));
        screen
    });
}

#[test]
fn snapshot_recall_related() {
    snapshot_all("quiz_recall_related", || {
        let mut screen = QuizScreen::new(quiz_of(ItemKind::FreeRecall, Some(false)));
        screen.handle_key(key(KeyCode::Enter));
        screen
    });
}

#[test]
fn snapshot_summary() {
    snapshot_all("quiz_summary", || {
        let quiz = quiz::generate(&column_lesson(), &[], 1);
        let mut screen = QuizScreen::new(quiz);
        let mut ctx = store_context();
        while !screen.is_finished() {
            let action = match screen.current().map(|item| &item.question) {
                Some(Question::Choice(_)) => screen.handle_key(char_key('1')),
                Some(Question::Typed(_)) => screen.handle_key(key(KeyCode::Tab)),
                _ => {
                    screen.handle_key(key(KeyCode::Enter));
                    screen.handle_key(char_key('2'))
                }
            };
            run_task(&mut ctx, &mut screen, action);
            screen.handle_key(key(KeyCode::Enter));
        }
        screen
    });
}

#[test]
fn snapshot_summary_scrolled() {
    snapshot_all("quiz_summary_scrolled", || {
        let quiz = quiz::generate(&column_lesson(), &[], 1);
        let mut screen = QuizScreen::new(quiz);
        let mut ctx = store_context();
        while !screen.is_finished() {
            let action = match screen.current().map(|item| &item.question) {
                Some(Question::Choice(_)) => screen.handle_key(char_key('1')),
                Some(Question::Typed(_)) => screen.handle_key(key(KeyCode::Tab)),
                _ => {
                    screen.handle_key(key(KeyCode::Enter));
                    screen.handle_key(char_key('1'))
                }
            };
            run_task(&mut ctx, &mut screen, action);
            screen.handle_key(key(KeyCode::Enter));
        }
        for _ in 0..3 {
            screen.handle_key(char_key('j'));
        }
        screen
    });
}

#[test]
fn answer_to_due_card_says_it_counts() {
    let mut ctx = store_context();
    let quiz = quiz_of(ItemKind::ChooseTerm, None);
    let mut screen = QuizScreen::new(quiz.clone());
    let right = right_option(&screen);
    let outcome = Outcome::choose(&quiz.items[0], right).expect("a choice");
    let card = distill::quiz::Attempt::new(&quiz, 0, &outcome, std::time::Duration::ZERO)
        .expect("attempt")
        .card_id();
    let yesterday = distill::schedule::StudyTime::new(
        ctx.now() - chrono::TimeDelta::days(1),
        distill::schedule::DEFAULT_DAY_START_HOUR,
    )
    .expect("study time");
    ctx.store()
        .expect("a store")
        .record_answer(&distill::store::AnswerRequest {
            card,
            grade: Grade::Good,
            time: yesterday,
            duration: None,
        })
        .expect("card answered yesterday");

    let action = screen.handle_key(char_key(char::from(b'1' + right as u8)));
    let notice = run_task(&mut ctx, &mut screen, action);
    let Action::Notify(text) = notice else {
        panic!("expected a notice, got {notice:?}");
    };
    assert_eq!(
        text,
        "This card was due: the answer counts as its review (good)."
    );
    assert_eq!(screen.scorecard().right(), 1);
}

#[test]
fn empty_quiz_says_nothing_to_ask() {
    let mut quiz = quiz::generate(&column_lesson(), &[], 1);
    quiz.items.clear();
    let screen = QuizScreen::new(quiz);
    assert!(screen.is_finished());
    let text = render(Box::new(screen), 100, 30);
    assert!(text.contains("no key concepts or quiz questions"), "{text}");
}
