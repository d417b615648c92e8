//! Cards derived from a lesson, with ids that survive edits.
//!
//! A card's id hashes the lesson id, the card kind and the card's key text
//! after [`crate::lesson::normalize_key`]. The key is the concept term, the pitfall name or
//! the quiz question; for a reverse concept card it is still the term, so
//! editing a definition or an answer keeps every card and its history,
//! while editing a term or a question makes a new card.

mod card;

pub use card::{Card, CardId, CardKind, Deck, ParseCardKindError, PlannedReview, build};
