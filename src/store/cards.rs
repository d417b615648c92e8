//! Reading cards with their schedule: lookup by id and the due queue.

use std::collections::HashMap;

use rusqlite::Row;
use serde::Serialize;

use super::{Store, StoreError};
use crate::deck::{CardId, CardKind};
use crate::schedule::{CardState, Ladder, StudyDay};

/// A stored card: its text, its place on its lesson's ladder, and that
/// ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredCard {
    pub id: CardId,
    pub lesson_id: String,
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    /// Line of the lesson file the card comes from.
    pub line: u32,
    pub state: CardState,
    /// The ladder of the card's lesson, for previews of each grade's wait.
    pub ladder: Ladder,
    /// Whether the card's text left the lesson; a retired card keeps its
    /// history but is never scheduled.
    pub retired: bool,
}

/// Columns read by [`read_card`], in order, from `cards c join lessons l`.
const CARD_COLUMNS: &str = "c.id, c.lesson_id, c.kind, c.front, c.back, c.line, \
     c.rung, c.due, c.last_day, c.retired, l.ladder";

/// Reads one row of [`CARD_COLUMNS`], taking the ladder from `cache` so
/// that each lesson's ladder text is parsed once per query.
fn read_card(row: &Row<'_>, cache: &mut LadderCache) -> Result<StoredCard, StoreError> {
    let ladder = row.get_ref(10)?.as_str().map_err(|err| {
        StoreError::Corrupt(format!(
            "lesson ladder is not text ({err}); re-import the lesson"
        ))
    })?;
    Ok(StoredCard {
        id: row.get(0)?,
        lesson_id: row.get(1)?,
        kind: row.get(2)?,
        front: row.get(3)?,
        back: row.get(4)?,
        line: row.get(5)?,
        state: CardState {
            rung: row.get(6)?,
            due: row.get(7)?,
            last_day: row.get(8)?,
        },
        ladder: cache.ladder(ladder)?,
        retired: row.get(9)?,
    })
}

/// Parses ladders once per lesson while reading many cards.
#[derive(Default)]
struct LadderCache(HashMap<String, Ladder>);

impl LadderCache {
    /// Returns the parsed ladder for `text`, parsing each distinct text once.
    fn ladder(&mut self, text: &str) -> Result<Ladder, StoreError> {
        if let Some(parsed) = self.0.get(text) {
            return Ok(parsed.clone());
        }
        let parsed = Ladder::parse(text).map_err(|err| StoreError::Corrupt(err.to_string()))?;
        self.0.insert(text.to_owned(), parsed.clone());
        Ok(parsed)
    }
}

/// Returns the SQL condition that keeps one lesson's cards, bound to `?2`,
/// or nothing. Separate statements let SQLite pick the lesson index.
fn lesson_filter(lesson: Option<&str>) -> &'static str {
    match lesson {
        Some(_) => "and c.lesson_id = ?2",
        None => "",
    }
}

impl Store {
    /// Returns the card with exactly this id, if any.
    pub fn card(&self, id: &CardId) -> Result<Option<StoredCard>, StoreError> {
        let sql = format!(
            "select {CARD_COLUMNS} from cards c join lessons l on l.id = c.lesson_id \
             where c.id = ?1"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(read_card(row, &mut LadderCache::default())?)),
            None => Ok(None),
        }
    }

    /// Finds the card whose id is `prefix` or starts with it, as git does
    /// with commit ids; fails when none or several match.
    pub fn find_card(&self, prefix: &str) -> Result<StoredCard, StoreError> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.is_empty() {
            return Err(StoreError::CardNotFound(prefix));
        }
        // Ids are lowercase hex, so every id with this prefix sorts below
        // the prefix followed by '~'.
        let upper = format!("{prefix}~");
        let mut stmt = self.conn.prepare_cached(
            "select id from cards where id >= ?1 and id < ?2 order by id limit 2",
        )?;
        let ids: Vec<CardId> = stmt
            .query_map([&prefix, &upper], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.as_slice() {
            [] => Err(StoreError::CardNotFound(prefix)),
            [id] => self.card(id)?.ok_or(StoreError::CardNotFound(prefix)),
            [first, second, ..] => Err(StoreError::AmbiguousCard {
                prefix,
                first: first.clone(),
                second: second.clone(),
            }),
        }
    }

    /// Returns the cards to study on `today`: due reviews first (oldest due
    /// date first, then lesson and position), then new cards in lesson order
    /// up to what is left of today's `new_per_day` limit. `lesson` keeps only
    /// that lesson's cards; the new-card limit still counts every lesson.
    pub fn due_queue(
        &self,
        today: StudyDay,
        new_per_day: u32,
        lesson: Option<&str>,
    ) -> Result<Vec<StoredCard>, StoreError> {
        let mut cache = LadderCache::default();
        let mut cards = self.due_reviews(today, lesson, &mut cache)?;
        let new_left = self.new_left(today, new_per_day)?;
        cards.extend(self.new_cards(new_left, lesson, &mut cache)?);
        Ok(cards)
    }

    fn due_reviews(
        &self,
        today: StudyDay,
        lesson: Option<&str>,
        cache: &mut LadderCache,
    ) -> Result<Vec<StoredCard>, StoreError> {
        // The cards_queue index contains every card column read here, in this
        // order, so SQLite neither sorts nor reads the cards table.
        let sql = format!(
            "select {CARD_COLUMNS} from cards c join lessons l on l.id = c.lesson_id \
             where c.retired = 0 and c.due is not null and c.due <= ?1 {} \
             order by c.due, c.lesson_id, c.position",
            lesson_filter(lesson)
        );
        self.query_cards(&sql, &today, lesson, cache)
    }

    fn new_cards(
        &self,
        limit: u32,
        lesson: Option<&str>,
        cache: &mut LadderCache,
    ) -> Result<Vec<StoredCard>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let sql = format!(
            "select {CARD_COLUMNS} from cards c join lessons l on l.id = c.lesson_id \
             where c.retired = 0 and c.due is null {} \
             order by c.lesson_id, c.position limit ?1",
            lesson_filter(lesson)
        );
        self.query_cards(&sql, &limit, lesson, cache)
    }

    /// Runs a card query whose first parameter is `first` and whose second,
    /// present only when filtering by lesson, is the lesson id.
    fn query_cards(
        &self,
        sql: &str,
        first: &dyn rusqlite::ToSql,
        lesson: Option<&str>,
        cache: &mut LadderCache,
    ) -> Result<Vec<StoredCard>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = match lesson {
            Some(id) => stmt.query(rusqlite::params![first, id])?,
            None => stmt.query(rusqlite::params![first])?,
        };
        let mut cards = Vec::new();
        while let Some(row) = rows.next()? {
            cards.push(read_card(row, cache)?);
        }
        Ok(cards)
    }

    /// Returns how many more new cards may be introduced on `today`: the
    /// limit minus the new cards already answered that day.
    pub fn new_left(&self, today: StudyDay, new_per_day: u32) -> Result<u32, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("select coalesce(sum(new_cards), 0) from review_days where day = ?1")?;
        let introduced: u32 = stmt.query_row([today], |row| row.get(0))?;
        Ok(new_per_day.saturating_sub(introduced))
    }
}
