//! The learning path of a lesson and the learner's progress through it.
//!
//! The path is a sequence of pages: the warm-up questions (when the lesson
//! has any), one page per step, and the recap. Progress refers to pages by
//! slot names derived from the lesson text ("warm-up", "step:<title>",
//! "recap") rather than by position, so inserting a step into a lesson keeps
//! every note and done mark with the step it was written for.

use std::collections::{BTreeMap, BTreeSet};

use super::text::match_key;
use crate::lesson::Lesson;
use crate::schedule::StudyDay;

/// Slot name of the warm-up page.
pub const WARM_UP_SLOT: &str = "warm-up";

/// Slot name of the recap page.
pub const RECAP_SLOT: &str = "recap";

/// One page of a learning path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The lesson's "Activate Prior Knowledge" questions.
    WarmUp,
    /// The step at this index of [`Lesson::path`].
    Step(usize),
    /// The lesson's recap, shown after the last step.
    Recap,
}

/// The pages of one lesson's path and their slot names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningPath {
    pages: Vec<(Page, String)>,
}

impl LearningPath {
    /// Lays out the pages of `lesson`'s path. The recap page is always
    /// present, even when the lesson has no recap, because finishing the
    /// path happens there.
    pub fn new(lesson: &Lesson) -> Self {
        let mut pages = Vec::with_capacity(lesson.path.len() + 2);
        if !lesson.prior_knowledge.is_empty() {
            pages.push((Page::WarmUp, WARM_UP_SLOT.to_string()));
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (index, step) in lesson.path.iter().enumerate() {
            let base = format!("step:{}", match_key(&step.title));
            let count = seen.entry(base.clone()).or_insert(0);
            *count += 1;
            let slot = if *count == 1 {
                base
            } else {
                format!("{base}#{count}")
            };
            pages.push((Page::Step(index), slot));
        }
        pages.push((Page::Recap, RECAP_SLOT.to_string()));
        LearningPath { pages }
    }

    /// Returns the number of pages.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Returns whether the path has no pages, which is never the case
    /// because the recap page is always present.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Returns the page at `index`.
    pub fn page(&self, index: usize) -> Option<Page> {
        self.pages.get(index).map(|(page, _)| *page)
    }

    /// Returns the slot name of the page at `index`.
    pub fn slot(&self, index: usize) -> Option<&str> {
        self.pages.get(index).map(|(_, slot)| slot.as_str())
    }

    /// Returns the index of the page with slot name `slot`.
    pub fn index_of(&self, slot: &str) -> Option<usize> {
        self.pages.iter().position(|(_, s)| s == slot)
    }

    /// Returns the number of steps.
    pub fn step_count(&self) -> usize {
        self.step_slots().count()
    }

    fn step_slots(&self) -> impl Iterator<Item = (usize, &str)> {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, (page, _))| matches!(page, Page::Step(_)))
            .map(|(index, (_, slot))| (index, slot.as_str()))
    }
}

/// The result of [`PathProgress::complete`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Moved on to the next page.
    Moved,
    /// Every step is done now, and the lesson was marked studied on this
    /// day. Its review prompts count from it.
    Studied(StudyDay),
    /// The learner is on the recap and the lesson was studied before.
    AlreadyStudied,
    /// The path cannot finish because `remaining` steps are not done, so the
    /// learner was moved to the first of them.
    StepsLeft { remaining: usize },
}

/// The learner's progress through one lesson's path, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathProgress {
    /// Slot of the page the learner is on, or `None` before the first visit.
    pub current: Option<String>,
    /// The learner's note per slot.
    pub notes: BTreeMap<String, String>,
    /// Slots of the steps marked done.
    pub done: BTreeSet<String>,
    /// Day the lesson was first studied to the end of its path.
    pub studied_on: Option<StudyDay>,
}

impl PathProgress {
    /// Returns the index of the current page: the stored slot's page, or the
    /// first page when nothing is stored or the slot left the lesson.
    pub fn page(&self, path: &LearningPath) -> usize {
        self.current
            .as_deref()
            .and_then(|slot| path.index_of(slot))
            .unwrap_or(0)
    }

    /// Moves to the page at `index`, clamped to the path.
    pub fn go_to(&mut self, path: &LearningPath, index: usize) {
        let last = path.len().saturating_sub(1);
        self.current = path.slot(index.min(last)).map(str::to_string);
    }

    /// Moves to the next page and returns whether the page changed.
    pub fn next(&mut self, path: &LearningPath) -> bool {
        let page = self.page(path);
        self.go_to(path, page + 1);
        self.page(path) != page
    }

    /// Moves to the previous page and returns whether the page changed.
    pub fn previous(&mut self, path: &LearningPath) -> bool {
        let page = self.page(path);
        self.go_to(path, page.saturating_sub(1));
        self.page(path) != page
    }

    /// Returns whether the step on page `index` is marked done.
    pub fn is_done(&self, path: &LearningPath, index: usize) -> bool {
        path.slot(index)
            .is_some_and(|slot| self.done.contains(slot))
    }

    /// Returns the number of the path's steps marked done.
    pub fn done_count(&self, path: &LearningPath) -> usize {
        path.step_slots()
            .filter(|(_, slot)| self.done.contains(*slot))
            .count()
    }

    /// Returns the note of the page at `index`, or "" without one.
    pub fn note(&self, path: &LearningPath, index: usize) -> &str {
        path.slot(index)
            .and_then(|slot| self.notes.get(slot))
            .map_or("", String::as_str)
    }

    /// Sets the note of the page at `index`. An empty note removes it.
    pub fn set_note(&mut self, path: &LearningPath, index: usize, note: &str) {
        let Some(slot) = path.slot(index) else {
            return;
        };
        if note.is_empty() {
            self.notes.remove(slot);
        } else {
            self.notes.insert(slot.to_string(), note.to_string());
        }
    }

    /// Completes the current page on `today`: a step is marked done, then
    /// the learner moves on. When the last step not yet done is marked, the
    /// lesson becomes studied on `today`. Only the first time counts, so
    /// studying it again later keeps the first day. Completing the last step
    /// or the recap while steps are left sends the learner to the first of
    /// them.
    pub fn complete(&mut self, path: &LearningPath, today: StudyDay) -> Completion {
        let page = self.page(path);
        self.go_to(path, page);
        let is_step = matches!(path.page(page), Some(Page::Step(_)));
        if is_step && let Some(slot) = path.slot(page) {
            self.done.insert(slot.to_string());
        }
        let first_left = path
            .step_slots()
            .find(|(_, slot)| !self.done.contains(*slot))
            .map(|(index, _)| index);
        match (first_left, path.page(page)) {
            (None, Some(Page::Step(_) | Page::Recap)) if self.studied_on.is_none() => {
                self.studied_on = Some(today);
                self.next(path);
                Completion::Studied(today)
            }
            (None, Some(Page::Recap)) => Completion::AlreadyStudied,
            (Some(first), Some(Page::Recap)) => self.send_back(path, first),
            (Some(first), Some(Page::Step(_))) if page + 2 == path.len() => {
                self.send_back(path, first)
            }
            _ => {
                self.next(path);
                Completion::Moved
            }
        }
    }

    fn send_back(&mut self, path: &LearningPath, first_left: usize) -> Completion {
        let remaining = path.step_count() - self.done_count(path);
        self.go_to(path, first_left);
        Completion::StepsLeft { remaining }
    }
}
