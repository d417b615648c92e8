//! Every quiz, path, reader and review-prompt screen state renders at any
//! size from 0x0 to 200x60 without panicking.

mod quiz_support;

use chrono::NaiveDate;
use distill::quiz::path::PathProgress;
use distill::quiz::review_prompt::planned_prompts;
use distill::quiz::{self, Question};
use distill::schedule::StudyDay;
use distill::tui::path::PathScreen;
use distill::tui::quiz::QuizScreen;
use distill::tui::reader::ReaderScreen;
use distill::tui::review_prompt::{DuePrompt, ReviewPromptScreen};
use distill::tui::{Action, Reply, Screen, Theme};
use quiz_support::{builtin_lesson, char_key, key, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Answers a store task with success, as the app does after a commit.
fn confirm(screen: &mut dyn Screen, action: Action) {
    if let Action::Store(task) = action {
        screen.on_reply(task.label(), Ok(Reply::new(())));
    }
}

/// Returns screens in each state worth drawing, on the shipped lesson.
fn screens() -> Vec<Box<dyn Screen>> {
    let lesson = builtin_lesson();
    let today = StudyDay::new(NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date"));
    let mut screens: Vec<Box<dyn Screen>> = Vec::new();

    let quiz = quiz::generate(&lesson, &[], 3);
    for index in 0..quiz.items.len().min(6) {
        let mut single = quiz.clone();
        single.items = vec![quiz.items[index].clone()];
        let mut screen = QuizScreen::new(single.clone());
        if matches!(single.items[0].question, Question::Recall(_)) {
            type_text(&mut screen, "някакъв отговор");
            screen.handle_key(key(KeyCode::Enter));
        }
        screens.push(Box::new(screen));
        let mut answered = QuizScreen::new(single);
        let action = answered.handle_key(key(KeyCode::Tab));
        confirm(&mut answered, action);
        let action = answered.handle_key(char_key('1'));
        confirm(&mut answered, action);
        screens.push(Box::new(answered));
    }

    let mut path = PathScreen::new(lesson.clone(), PathProgress::default(), today);
    screens.push(Box::new(PathScreen::new(
        lesson.clone(),
        PathProgress::default(),
        today,
    )));
    path.handle_key(key(KeyCode::Right));
    path.handle_key(key(KeyCode::Tab));
    type_text(&mut path, "бележка");
    screens.push(Box::new(path));

    screens.push(Box::new(ReaderScreen::new(lesson.clone())));

    let prompts: Vec<DuePrompt> = planned_prompts(&lesson)
        .into_iter()
        .map(|planned| DuePrompt::new(&lesson, planned, today))
        .collect();
    let mut revealed = ReviewPromptScreen::new(prompts.clone());
    revealed.handle_key(key(KeyCode::Enter));
    screens.push(Box::new(ReviewPromptScreen::new(prompts)));
    screens.push(Box::new(revealed));
    screens
}

#[test]
fn screens_render_at_every_size() {
    let theme = Theme::colored();
    let screens = screens();
    let sizes = (0..=200)
        .step_by(9)
        .flat_map(|width| (0..=60).step_by(7).map(move |height| (width, height)))
        .chain([(1, 1), (200, 60), (40, 12), (39, 11)]);
    for (width, height) in sizes {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        for screen in &screens {
            terminal
                .draw(|frame| screen.render(frame, frame.area(), &theme))
                .expect("frame draws");
        }
    }
}
