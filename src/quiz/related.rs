//! Finding the concepts of a lesson most related to a question, shown when
//! the lesson gives no answer to it.
//!
//! Two words count as the same when they share a long enough prefix (see
//! [`same_stem`]), which matches inflected forms in Bulgarian and English
//! well enough ("колоната" and "колона", "columns" and "column") with no
//! dictionary. Each shared word is weighted by its inverse document
//! frequency over the lesson's concepts, and a word found in a concept's
//! term counts twice as much as one found only in its definition.

use super::text::match_key;
use crate::lesson::Concept;

/// Number of leading characters two long words must share to count as the
/// same word.
pub const STEM_CHARS: usize = 5;

/// Minimum length in characters of a shared prefix. Words shorter than this
/// match only themselves.
const MIN_STEM_CHARS: usize = 4;

/// Minimum length in characters of a word that takes part in matching.
const MIN_WORD_CHARS: usize = 3;

/// Frequent words of English and Bulgarian questions that carry no topic.
const STOP_WORDS: &[&str] = &[
    "and",
    "are",
    "can",
    "does",
    "for",
    "from",
    "how",
    "into",
    "its",
    "not",
    "that",
    "the",
    "their",
    "then",
    "this",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "with",
    "you",
    "your",
    "във",
    "как",
    "какво",
    "каква",
    "какви",
    "кога",
    "кое",
    "кои",
    "кой",
    "коя",
    "към",
    "къде",
    "между",
    "при",
    "със",
    "така",
    "това",
    "тези",
    "защо",
    "като",
    "или",
    "един",
    "една",
    "едно",
    "има",
    "може",
    "сме",
    "сте",
    "без",
    "след",
    "преди",
    "най",
];

/// Returns up to `limit` concepts most related to `question`, best first,
/// ties in lesson order. Concepts that share no word with the question are
/// never returned, so the result may be empty.
pub fn related_concepts(question: &str, concepts: &[Concept], limit: usize) -> Vec<Concept> {
    let asked = content_words(question);
    let terms: Vec<Vec<String>> = concepts.iter().map(|c| content_words(&c.term)).collect();
    let definitions: Vec<Vec<String>> = concepts
        .iter()
        .map(|c| content_words(&c.definition))
        .collect();

    let mut scored: Vec<(f64, usize)> = Vec::new();
    for index in 0..concepts.len() {
        let mut score = 0.0;
        for word in &asked {
            let weight = if contains_stem(&terms[index], word) {
                2.0
            } else if contains_stem(&definitions[index], word) {
                1.0
            } else {
                continue;
            };
            score += weight * inverse_frequency(word, &terms, &definitions);
        }
        if score > 0.0 {
            scored.push((score, index));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, index)| concepts[index].clone())
        .collect()
}

/// Returns `ln(1 + n / df)`, where `n` is the number of concepts and `df`
/// the number of them whose term or definition contains `word`.
fn inverse_frequency(word: &str, terms: &[Vec<String>], definitions: &[Vec<String>]) -> f64 {
    let containing = terms
        .iter()
        .zip(definitions)
        .filter(|(term, definition)| contains_stem(term, word) || contains_stem(definition, word))
        .count();
    if containing == 0 {
        return 0.0;
    }
    (1.0 + terms.len() as f64 / containing as f64).ln()
}

fn contains_stem(words: &[String], word: &str) -> bool {
    words.iter().any(|candidate| same_stem(candidate, word))
}

/// Returns whether two words count as forms of one word: they are equal, or
/// they share a prefix of at least [`MIN_STEM_CHARS`] characters that covers
/// all of the shorter word but its last character, or [`STEM_CHARS`]
/// characters.
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= MIN_STEM_CHARS && common >= STEM_CHARS.min(shorter.saturating_sub(1))
}

/// Returns the content words of `text`, lowercase and without repeats.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = match_key(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= MIN_WORD_CHARS)
        .filter(|word| !STOP_WORDS.contains(word))
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(term: &str, definition: &str) -> Concept {
        Concept {
            term: term.to_string(),
            gloss: None,
            definition: definition.to_string(),
            line: 1,
        }
    }

    fn terms(concepts: &[Concept]) -> Vec<&str> {
        concepts.iter().map(|c| c.term.as_str()).collect()
    }

    #[test]
    fn content_words_skip_short_and_stop_words() {
        let found = content_words("Какво прави температурата при дистилация на знания?");
        assert_eq!(found, ["дистилация", "знания", "прави", "температурата"]);
    }

    #[test]
    fn same_stem_matches_inflected_forms() {
        assert!(same_stem("колоната", "колона"));
        assert!(same_stem("плата", "плато"));
        assert!(same_stem("model", "models"));
        assert!(same_stem("газ", "газ"));
        assert!(!same_stem("газ", "газове"));
        assert!(!same_stem("distillation", "distribution"));
        assert!(!same_stem("кип", "кит"));
        assert!(!same_stem("teacher", "tea"));
    }

    #[test]
    fn inflected_term_ranks_first() {
        let concepts = vec![
            concept("Кипене", "Преход на течност в пара при точката на кипене."),
            concept(
                "Температура (Temperature)",
                "Делител на логитите преди softmax.",
            ),
            concept(
                "Меки етикети",
                "Вероятностите на учителя, изгладени с температура.",
            ),
        ];
        let found = related_concepts("Защо температурата омекотява изхода?", &concepts, 3);
        assert_eq!(terms(&found), ["Температура (Temperature)", "Меки етикети"]);
    }

    #[test]
    fn unrelated_question_finds_nothing() {
        let concepts = vec![concept(
            "Reflux",
            "Condensed liquid returned to the column.",
        )];
        assert!(related_concepts("Who wrote the 2015 paper?", &concepts, 3).is_empty());
    }

    #[test]
    fn limit_caps_result() {
        let concepts = vec![
            concept("Column", "A vertical column of plates."),
            concept("Plate", "A tray inside the column."),
            concept("Reboiler", "Heats the column's bottom."),
        ];
        assert_eq!(
            related_concepts("What does the column do?", &concepts, 2).len(),
            2
        );
    }
}
