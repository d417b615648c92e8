//! The store queries behind the dashboard, review and statistics screens:
//! each function fills a view-model struct of [`super::model`] or writes one
//! change, and runs inside a [`super::StoreTask`] or a screen constructor.

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDate;

use super::model::{
    AnswerRecorded, DASHBOARD_FORECAST_DAYS, DashboardView, Grade, LessonRow, PromptRow,
    ReviewCard, StatsView,
};
use super::screen::{Context, TaskError};
use crate::deck::{CardId, CardKind};
use crate::schedule::{StudyDay, preview_label};
use crate::store::{self, AnswerRequest, StoredCard};

/// Error returned while the app has no store to read from.
#[derive(Debug, thiserror::Error)]
#[error("no database is open; start distill with --db PATH or DISTILL_DB")]
pub struct NoStore;

/// Days searched for the next day with cards due, after a session ends:
/// the longest default interval (30 days) with room for longer ladders.
const NEXT_DUE_SEARCH_DAYS: u32 = 400;

/// Highest rung the statistics screen lists. Ladders have one rung per
/// review-plan row, so real lessons stay far below it.
const MAX_RUNG_SHOWN: usize = 100;

/// Loads the dashboard for the current study day.
pub fn load_dashboard(ctx: &mut Context) -> Result<DashboardView, TaskError> {
    let today = ctx.study_time()?.day;
    let new_per_day = ctx.settings().new_per_day;
    let store = ctx.store()?;
    let counts = store.day_counts(today, new_per_day)?;
    let lessons: Vec<LessonRow> = store
        .lesson_rows(today)?
        .into_iter()
        .map(lesson_row)
        .collect();
    let forecast = store.forecast(today, days(DASHBOARD_FORECAST_DAYS))?;
    let prompts = prompt_rows(store, today)?;
    Ok(DashboardView {
        today: today.date(),
        due_today: counts.due_today,
        new_today: counts.new_today,
        reviewed_today: counts.reviewed_today,
        streak_days: counts.streak_days,
        lessons,
        prompts,
        forecast: forecast.iter().map(|day| day.due).collect(),
    })
}

/// Returns the lesson review prompts due on `today`, with their lesson titles.
fn prompt_rows(store: &store::Store, today: StudyDay) -> Result<Vec<PromptRow>, TaskError> {
    let titles: HashMap<String, String> = store.lesson_titles()?.into_iter().collect();
    let rows = store
        .due_review_prompts(today)?
        .into_iter()
        .map(|prompt| PromptRow {
            lesson_title: titles
                .get(&prompt.lesson_id)
                .cloned()
                .unwrap_or(prompt.lesson_id),
            days: prompt.days,
            prompt: prompt.prompt,
        })
        .collect();
    Ok(rows)
}

fn lesson_row(row: store::LessonRow) -> LessonRow {
    LessonRow {
        id: row.lesson_id,
        title: row.title,
        cards: row.cards,
        due: row.due,
        new: row.new,
        mastered: row.mastered,
    }
}

fn days(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Loads today's review queue: due cards first, then new cards within the
/// daily limit, of one lesson or of all.
pub fn load_session(ctx: &mut Context, lesson: Option<&str>) -> Result<Vec<ReviewCard>, TaskError> {
    let today = ctx.study_time()?.day;
    let new_per_day = ctx.settings().new_per_day;
    let store = ctx.store()?;
    let cards = store.due_queue(today, new_per_day, lesson)?;
    let titles: HashMap<String, String> = store
        .lesson_rows(today)?
        .into_iter()
        .map(|row| (row.lesson_id, row.title))
        .collect();
    let session = cards
        .into_iter()
        .map(|card| {
            let title = titles.get(&card.lesson_id).cloned().unwrap_or_default();
            review_card(card, title, today)
        })
        .collect();
    Ok(session)
}

fn review_card(card: StoredCard, lesson_title: String, today: StudyDay) -> ReviewCard {
    let waits = Grade::ALL.map(|grade| preview_label(&card.state, grade, &card.ladder, today));
    ReviewCard {
        id: card.id.as_str().to_string(),
        lesson_title,
        kind: kind_label(card.kind).to_string(),
        front: card.front,
        back: card.back,
        waits,
    }
}

fn kind_label(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Concept => "Concept",
        CardKind::Reverse => "Definition",
        CardKind::Pitfall => "Pitfall",
        CardKind::Quiz => "Quiz",
    }
}

/// Records one answer in a single transaction and returns the card's new
/// schedule. The card comes back in this session when it is due again today.
pub fn record_answer(
    ctx: &mut Context,
    card_id: &str,
    grade: Grade,
    duration: Duration,
) -> Result<AnswerRecorded, TaskError> {
    let time = ctx.study_time()?;
    let request = AnswerRequest {
        card: CardId::new(card_id),
        grade,
        time,
        duration: Some(duration),
    };
    let answer = ctx.store()?.record_answer(&request)?;
    tracing::debug!(card = card_id, %grade, log_id = answer.log_id, "answer recorded");
    Ok(AnswerRecorded {
        log_id: answer.log_id,
        requeue: answer.due_after <= answer.day,
        due: answer.due_after.date(),
    })
}

/// Takes back the answer logged as `log_id`, restoring the card's schedule.
pub fn undo_answer(ctx: &mut Context, log_id: i64) -> Result<(), TaskError> {
    let answer = ctx.store()?.undo(log_id)?;
    tracing::debug!(card = %answer.card, log_id, "answer taken back");
    Ok(())
}

/// Returns the first study day after today with cards due, looking up to
/// [`NEXT_DUE_SEARCH_DAYS`] ahead.
pub fn next_due_day(ctx: &mut Context) -> Result<Option<NaiveDate>, TaskError> {
    let today = ctx.study_time()?.day;
    let forecast = ctx.store()?.forecast(today, NEXT_DUE_SEARCH_DAYS)?;
    let next = forecast.iter().skip(1).find(|day| day.due > 0);
    Ok(next.map(|day| day.date.date()))
}

/// Loads the statistics screen's data.
pub fn load_stats(ctx: &mut Context) -> Result<StatsView, TaskError> {
    let today = ctx.study_time()?.day;
    let new_per_day = ctx.settings().new_per_day;
    let store = ctx.store()?;
    let stats = store.stats(today, new_per_day)?;
    let first_day = StudyDay::new(NaiveDate::MIN);
    let activity = store.reviews_per_day(first_day, today)?;
    let new_cards: u32 = store.lesson_rows(today)?.iter().map(|row| row.new).sum();
    let mut cards_per_rung = Vec::new();
    for count in &stats.rungs {
        let rung = usize::try_from(count.rung).unwrap_or(usize::MAX);
        if rung > MAX_RUNG_SHOWN {
            continue;
        }
        if cards_per_rung.len() <= rung {
            cards_per_rung.resize(rung + 1, 0);
        }
        cards_per_rung[rung] = count.cards;
    }
    Ok(StatsView {
        today: today.date(),
        total_reviews: activity.iter().map(|day| u64::from(day.answers)).sum(),
        reviews_per_day: activity
            .iter()
            .map(|day| (day.day.date(), day.answers))
            .collect(),
        retention: stats.retention_30d,
        new_cards,
        cards_per_rung,
        forecast: stats.forecast.iter().map(|day| day.due).collect(),
    })
}
