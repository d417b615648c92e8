//! Learning-path progress and review-prompt dates on hand-built lessons.

use chrono::NaiveDate;
use distill::lesson::{Item, Lesson, PathStep, ReviewPrompt};
use distill::quiz::path::{Completion, LearningPath, Page, PathProgress};
use distill::quiz::review_prompt::{GENERAL_PROMPT, due_after_answer, planned_prompts};
use distill::schedule::{Grade, StudyDay};

fn step(title: &str) -> PathStep {
    PathStep {
        title: title.to_string(),
        focus: Some(format!("Фокус на {title}")),
        task: Some("Задача".to_string()),
        questions: vec!["Защо?".to_string()],
        notes: Vec::new(),
        line: 1,
    }
}

fn item(text: &str) -> Item {
    Item {
        text: text.to_string(),
        line: 1,
    }
}

fn prompt(days: u32, text: &str) -> ReviewPrompt {
    ReviewPrompt {
        days,
        prompt: text.to_string(),
        line: 1,
    }
}

fn lesson(warm_up: &[&str], steps: &[&str], plan: Vec<ReviewPrompt>) -> Lesson {
    Lesson {
        id: "still".to_string(),
        title: "Дестилация".to_string(),
        prior_knowledge: warm_up.iter().map(|text| item(text)).collect(),
        overview: Vec::new(),
        concepts: Vec::new(),
        path: steps.iter().map(|title| step(title)).collect(),
        examples: Vec::new(),
        pitfalls: Vec::new(),
        quiz: Vec::new(),
        recap: vec![item("Колоната разделя по летливост.")],
        review_plan: plan,
        other_sections: Vec::new(),
        warnings: Vec::new(),
    }
}

fn day(text: &str) -> StudyDay {
    text.parse().expect("valid test date")
}

#[test]
fn pages_are_warm_up_steps_then_recap() {
    let path = LearningPath::new(&lesson(&["Какво е кипене?"], &["Кипене", "Колона"], vec![]));
    assert_eq!(path.len(), 4);
    assert_eq!(path.page(0), Some(Page::WarmUp));
    assert_eq!(path.page(1), Some(Page::Step(0)));
    assert_eq!(path.page(2), Some(Page::Step(1)));
    assert_eq!(path.page(3), Some(Page::Recap));
    assert_eq!(path.page(4), None);
    assert_eq!(path.slot(0), Some("warm-up"));
    assert_eq!(path.slot(1), Some("step:кипене"));
    assert_eq!(path.step_count(), 2);
}

#[test]
fn no_warm_up_page_without_questions() {
    let path = LearningPath::new(&lesson(&[], &["Кипене"], vec![]));
    assert_eq!(path.page(0), Some(Page::Step(0)));
    assert_eq!(path.len(), 2);
}

#[test]
fn duplicate_step_titles_get_distinct_slots() {
    let path = LearningPath::new(&lesson(&[], &["Опит", "опит"], vec![]));
    assert_eq!(path.slot(0), Some("step:опит"));
    assert_eq!(path.slot(1), Some("step:опит#2"));
}

#[test]
fn walking_every_step_marks_studied() {
    let path = LearningPath::new(&lesson(&["Защо?"], &["Кипене", "Колона"], vec![]));
    let mut progress = PathProgress::default();
    let today = day("2026-03-02");
    assert_eq!(progress.page(&path), 0);
    assert_eq!(progress.complete(&path, today), Completion::Moved);
    assert_eq!(progress.page(&path), 1);
    assert_eq!(progress.complete(&path, today), Completion::Moved);
    assert!(progress.is_done(&path, 1));
    assert_eq!(progress.studied_on, None);
    assert_eq!(progress.complete(&path, today), Completion::Studied(today));
    assert_eq!(progress.studied_on, Some(today));
    assert_eq!(progress.page(&path), 3);
    assert_eq!(
        progress.complete(&path, day("2026-03-05")),
        Completion::AlreadyStudied
    );
    assert_eq!(progress.studied_on, Some(today));
}

#[test]
fn last_step_with_steps_left_sends_back() {
    let path = LearningPath::new(&lesson(&[], &["Кипене", "Колона", "Азеотроп"], vec![]));
    let mut progress = PathProgress::default();
    progress.go_to(&path, 2);
    let completion = progress.complete(&path, day("2026-03-02"));
    assert_eq!(completion, Completion::StepsLeft { remaining: 2 });
    assert_eq!(progress.page(&path), 0);
    assert_eq!(progress.studied_on, None);
}

#[test]
fn recap_with_steps_left_sends_back() {
    let path = LearningPath::new(&lesson(&[], &["Кипене", "Колона"], vec![]));
    let mut progress = PathProgress::default();
    progress.complete(&path, day("2026-03-02"));
    progress.go_to(&path, 2);
    let completion = progress.complete(&path, day("2026-03-02"));
    assert_eq!(completion, Completion::StepsLeft { remaining: 1 });
    assert_eq!(progress.page(&path), 1);
}

#[test]
fn lesson_without_steps_finishes_on_recap() {
    let path = LearningPath::new(&lesson(&[], &[], vec![]));
    let mut progress = PathProgress::default();
    let today = day("2026-03-02");
    assert_eq!(progress.complete(&path, today), Completion::Studied(today));
    assert_eq!(progress.page(&path), 0);
}

#[test]
fn navigation_clamps_at_both_ends() {
    let path = LearningPath::new(&lesson(&["Защо?"], &["Кипене"], vec![]));
    let mut progress = PathProgress::default();
    assert!(!progress.previous(&path));
    assert!(progress.next(&path));
    assert!(progress.next(&path));
    assert!(!progress.next(&path));
    assert_eq!(progress.page(&path), 2);
    progress.go_to(&path, 99);
    assert_eq!(progress.current.as_deref(), Some("recap"));
}

#[test]
fn notes_follow_their_step_when_step_inserted() {
    let before = LearningPath::new(&lesson(&[], &["Кипене", "Колона"], vec![]));
    let mut progress = PathProgress::default();
    progress.set_note(&before, 1, "плата и рефлукс");
    progress.go_to(&before, 1);
    progress.complete(&before, day("2026-03-02"));

    let after = LearningPath::new(&lesson(&[], &["Кипене", "Налягане", "Колона"], vec![]));
    assert_eq!(progress.note(&after, 2), "плата и рефлукс");
    assert_eq!(progress.note(&after, 1), "");
    assert!(progress.is_done(&after, 2));
    assert!(!progress.is_done(&after, 1));
}

#[test]
fn resume_at_stored_slot_or_start() {
    let path = LearningPath::new(&lesson(&["Защо?"], &["Кипене", "Колона"], vec![]));
    let stored = PathProgress {
        current: Some("step:колона".to_string()),
        ..PathProgress::default()
    };
    assert_eq!(stored.page(&path), 2);
    let gone = PathProgress {
        current: Some("step:изтрита".to_string()),
        ..PathProgress::default()
    };
    assert_eq!(gone.page(&path), 0);
}

#[test]
fn empty_note_removes_it() {
    let path = LearningPath::new(&lesson(&[], &["Кипене"], vec![]));
    let mut progress = PathProgress::default();
    progress.set_note(&path, 0, "x");
    progress.set_note(&path, 0, "");
    assert!(progress.notes.is_empty());
}

#[test]
fn prompts_due_at_plan_offsets() {
    let plan = vec![
        prompt(7, "Обясни азеотропа."),
        prompt(1, "Начертай колоната."),
        prompt(30, "Сравни двата вида дестилация."),
        prompt(3, "Кога рефлуксът помага?"),
    ];
    let studied = day("2026-03-30");
    let due: Vec<(u32, StudyDay)> = planned_prompts(&lesson(&[], &[], plan))
        .iter()
        .map(|p| (p.days, p.due_on(studied)))
        .collect();
    assert_eq!(
        due,
        [
            (1, day("2026-03-31")),
            (3, day("2026-04-02")),
            (7, day("2026-04-06")),
            (30, day("2026-04-29")),
        ]
    );
}

#[test]
fn prompts_keep_plan_text_and_positions() {
    let plan = vec![prompt(3, "Второ."), prompt(1, "Първо.")];
    let prompts = planned_prompts(&lesson(&[], &[], plan));
    assert_eq!(prompts[0].position, 0);
    assert_eq!(prompts[0].prompt, "Първо.");
    assert_eq!(prompts[1].position, 1);
    assert_eq!(prompts[1].prompt, "Второ.");
}

#[test]
fn lesson_without_plan_gets_general_prompts() {
    let prompts = planned_prompts(&lesson(&[], &[], vec![]));
    let days: Vec<u32> = prompts.iter().map(|p| p.days).collect();
    assert_eq!(days, [1, 3, 7, 30]);
    assert!(prompts.iter().all(|p| p.prompt == GENERAL_PROMPT));
}

#[test]
fn prompt_dates_cross_year_and_leap_day() {
    let prompts = planned_prompts(&lesson(&[], &[], vec![prompt(1, "x"), prompt(30, "y")]));
    assert_eq!(prompts[0].due_on(day("2027-12-31")), day("2028-01-01"));
    assert_eq!(prompts[0].due_on(day("2028-02-28")), day("2028-02-29"));
    assert_eq!(prompts[1].due_on(day("2028-02-15")), day("2028-03-16"));
}

#[test]
fn again_makes_prompt_due_next_day() {
    let today = day("2026-03-31");
    assert_eq!(
        due_after_answer(Grade::Again, today),
        Some(day("2026-04-01"))
    );
    assert_eq!(due_after_answer(Grade::Hard, today), None);
    assert_eq!(due_after_answer(Grade::Good, today), None);
    assert_eq!(due_after_answer(Grade::Easy, today), None);
}

#[test]
fn huge_offset_saturates() {
    let prompts = planned_prompts(&lesson(&[], &[], vec![prompt(u32::MAX, "x")]));
    assert_eq!(
        prompts[0].due_on(day("2026-01-01")),
        StudyDay::new(NaiveDate::MAX)
    );
}
