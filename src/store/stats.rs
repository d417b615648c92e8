//! Counts for the dashboard, the statistics screen and `distill stats`.
//!
//! Per-day figures come from `review_days`, which triggers keep in step with
//! the review log, so none of these queries reads the log itself.

use rusqlite::params;
use serde::Serialize;

use super::{Store, StoreError};
use crate::schedule::{Rung, StudyDay};

/// The dashboard's headline counts for one study day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCounts {
    /// Reviews due on or before the day, learning cards included.
    pub due_today: u32,
    /// New cards that may still be introduced that day.
    pub new_today: u32,
    /// Answers recorded that day.
    pub reviewed_today: u32,
    /// Consecutive days with at least one answer, ending with the day or,
    /// while the day has no answer yet, with the day before.
    pub streak_days: u32,
}

/// One lesson's row on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonRow {
    pub lesson_id: String,
    pub title: String,
    /// Cards still in the lesson (retired ones excluded).
    pub cards: u32,
    /// Cards due on or before the day.
    pub due: u32,
    /// Cards never answered.
    pub new: u32,
    /// Cards on the lesson's top rung.
    pub mastered: u32,
}

impl LessonRow {
    /// Returns the share of the lesson's cards that are mastered, 0 to 1.
    pub fn mastered_share(&self) -> f64 {
        if self.cards == 0 {
            return 0.0;
        }
        f64::from(self.mastered) / f64::from(self.cards)
    }
}

/// Answers recorded on one study day, for the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayActivity {
    pub day: StudyDay,
    pub answers: u32,
}

/// Number of scheduled cards on one rung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RungCount {
    pub rung: Rung,
    pub cards: u32,
}

/// Reviews falling due on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ForecastDay {
    pub date: StudyDay,
    pub due: u32,
}

/// Everything `distill stats` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub today: StudyDay,
    #[serde(flatten)]
    pub counts: DayCounts,
    /// Share of reviews of cards on rung 1 or above not graded Again over
    /// the last 30 days; `None` without such reviews.
    pub retention_30d: Option<f64>,
    /// Scheduled (not new, not retired) cards per rung, lowest rung first.
    pub rungs: Vec<RungCount>,
    pub mastered: u32,
    /// Reviews due on each of the next 30 days, overdue ones on the first.
    pub forecast: Vec<ForecastDay>,
}

impl Store {
    /// Returns the dashboard's counts for `today`.
    pub fn day_counts(&self, today: StudyDay, new_per_day: u32) -> Result<DayCounts, StoreError> {
        Ok(DayCounts {
            due_today: self.due_count(today)?,
            new_today: self.new_available(today, new_per_day)?,
            reviewed_today: self.answers_on(today)?,
            streak_days: self.streak(today)?,
        })
    }

    /// Returns every statistic `distill stats` prints.
    pub fn stats(&self, today: StudyDay, new_per_day: u32) -> Result<Stats, StoreError> {
        Ok(Stats {
            today,
            counts: self.day_counts(today, new_per_day)?,
            retention_30d: self.retention(today, 30)?,
            rungs: self.rung_counts()?,
            mastered: self.mastered_count()?,
            forecast: self.forecast(today, 30)?,
        })
    }

    fn due_count(&self, today: StudyDay) -> Result<u32, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "select count(*) from cards where retired = 0 and due is not null and due <= ?1",
        )?;
        Ok(stmt.query_row([today], |row| row.get(0))?)
    }

    fn new_available(&self, today: StudyDay, new_per_day: u32) -> Result<u32, StoreError> {
        let left = self.new_left(today, new_per_day)?;
        // Ordering as the cards_new index does makes SQLite walk that index,
        // and the limit stops the walk early when many cards are new.
        let mut stmt = self.conn.prepare_cached(
            "select count(*) from (select 1 from cards \
             where retired = 0 and due is null order by lesson_id, position limit ?1)",
        )?;
        Ok(stmt.query_row([left], |row| row.get(0))?)
    }

    fn answers_on(&self, day: StudyDay) -> Result<u32, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("select coalesce(sum(answers), 0) from review_days where day = ?1")?;
        Ok(stmt.query_row([day], |row| row.get(0))?)
    }

    /// Returns the first day after `today` on which a review falls due.
    pub fn next_due_day(&self, today: StudyDay) -> Result<Option<StudyDay>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "select min(due) from cards where retired = 0 and due is not null and due > ?1",
        )?;
        Ok(stmt.query_row([today], |row| row.get(0))?)
    }

    /// Returns the number of consecutive days with answers ending on
    /// `today`, or on the day before while `today` has none yet.
    pub fn streak(&self, today: StudyDay) -> Result<u32, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "select day from review_days where day <= ?1 and answers > 0 order by day desc",
        )?;
        let mut rows = stmt.query([today])?;
        let mut expected = today;
        let mut streak = 0;
        while let Some(row) = rows.next()? {
            let day: StudyDay = row.get(0)?;
            if streak == 0 && day == today.minus_days(1) {
                expected = day;
            }
            if day != expected {
                break;
            }
            streak += 1;
            expected = day.minus_days(1);
        }
        Ok(streak)
    }

    /// Returns the answers recorded on each day from `from` to `to`
    /// inclusive, days without answers left out.
    pub fn reviews_per_day(
        &self,
        from: StudyDay,
        to: StudyDay,
    ) -> Result<Vec<DayActivity>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "select day, answers from review_days where day between ?1 and ?2 order by day",
        )?;
        let rows = stmt.query_map([from, to], |row| {
            Ok(DayActivity {
                day: row.get(0)?,
                answers: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Returns the share of reviews of cards on rung 1 or above that were
    /// not graded Again, over the `days` days ending with `today`; `None`
    /// when there were no such reviews.
    pub fn retention(&self, today: StudyDay, days: u32) -> Result<Option<f64>, StoreError> {
        let from = today.minus_days(days.saturating_sub(1));
        let mut stmt = self.conn.prepare_cached(
            "select coalesce(sum(reviews), 0), coalesce(sum(lapses), 0) from review_days \
             where day between ?1 and ?2",
        )?;
        let (reviews, lapses): (u32, u32) =
            stmt.query_row([from, today], |row| Ok((row.get(0)?, row.get(1)?)))?;
        if reviews == 0 {
            return Ok(None);
        }
        Ok(Some(f64::from(reviews - lapses) / f64::from(reviews)))
    }

    /// Returns how many scheduled cards sit on each rung, lowest first;
    /// rungs without cards are left out.
    pub fn rung_counts(&self) -> Result<Vec<RungCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "select rung, sum(cards) from card_counts where is_new = 0 \
             group by rung order by rung",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(RungCount {
                rung: row.get(0)?,
                cards: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Returns the number of cards on their lesson's top rung.
    pub fn mastered_count(&self) -> Result<u32, StoreError> {
        // card_counts holds a few rows per lesson, so no card is read. New
        // cards sit on rung 0, below every top rung.
        let mut stmt = self.conn.prepare_cached(
            "select coalesce(sum(k.cards), 0) from card_counts k \
             join lessons l on l.id = k.lesson_id where k.rung >= l.top_rung",
        )?;
        Ok(stmt.query_row([], |row| row.get(0))?)
    }

    /// Returns the reviews due on each of the `days` days starting with
    /// `today`, overdue reviews counted on `today`; every day is listed.
    pub fn forecast(&self, today: StudyDay, days: u32) -> Result<Vec<ForecastDay>, StoreError> {
        let mut forecast: Vec<ForecastDay> = (0..days)
            .map(|offset| ForecastDay {
                date: today.plus_days(offset),
                due: 0,
            })
            .collect();
        let end = today.plus_days(days);
        let mut overdue = self.conn.prepare_cached(
            "select count(*) from cards where retired = 0 and due is not null and due < ?1",
        )?;
        let overdue: u32 = overdue.query_row([today], |row| row.get(0))?;
        // Grouping by the due date itself follows the index order, so no
        // temporary sort is needed.
        let mut stmt = self.conn.prepare_cached(
            "select due, count(*) from cards \
             where retired = 0 and due is not null and due >= ?1 and due < ?2 group by due",
        )?;
        let rows = stmt.query_map(params![today, end], |row| {
            Ok((row.get::<_, StudyDay>(0)?, row.get::<_, u32>(1)?))
        })?;
        for row in rows {
            let (date, due) = row?;
            let offset = usize::try_from(date.days_since(today)).unwrap_or(usize::MAX);
            if let Some(day) = forecast.get_mut(offset) {
                day.due = due;
            }
        }
        if let Some(first) = forecast.first_mut() {
            first.due += overdue;
        }
        Ok(forecast)
    }

    /// Returns one row per lesson, in id order, with its card counts on
    /// `today`.
    pub fn lesson_rows(&self, today: StudyDay) -> Result<Vec<LessonRow>, StoreError> {
        // Card, new and mastered counts come from the few card_counts rows
        // per lesson. The due counts are one grouped read of the due range
        // of the cards_queue index, which contains lesson_id.
        let mut stmt = self.conn.prepare_cached(
            "select l.id, l.title, coalesce(k.cards, 0), coalesce(d.due, 0), \
             coalesce(k.new, 0), coalesce(k.mastered, 0) \
             from lessons l \
             left join (select k.lesson_id, sum(k.cards) as cards, \
                 sum(k.cards * k.is_new) as new, \
                 sum(k.cards * (k.rung >= t.top_rung)) as mastered \
                 from card_counts k join lessons t on t.id = k.lesson_id \
                 group by k.lesson_id) k on k.lesson_id = l.id \
             left join (select lesson_id, count(*) as due from cards \
                 where retired = 0 and due is not null and due <= ?1 \
                 group by lesson_id) d on d.lesson_id = l.id \
             order by l.id",
        )?;
        let rows = stmt.query_map([today], |row| {
            Ok(LessonRow {
                lesson_id: row.get(0)?,
                title: row.get(1)?,
                cards: row.get(2)?,
                due: row.get(3)?,
                new: row.get(4)?,
                mastered: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
