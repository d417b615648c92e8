//! Checking a typed term against the expected one.
//!
//! Two texts match when their [`match_key`]s are equal, so case, Unicode
//! normalization form, surrounding punctuation and extra spaces never matter.
//! A term with an English gloss (`Дистилация на знания (Knowledge
//! Distillation)`) accepts the whole term, the term without its gloss, and
//! the gloss alone. A response a few edits away from an accepted form is
//! "almost" right, with the number of edits allowed growing with the form's
//! length (see [`allowed_edits`]).

use super::text::match_key;
use crate::lesson::Concept;
use crate::lesson::inline::plain;

/// The result of checking a typed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The response matches an accepted form.
    Exact,
    /// The response is within [`allowed_edits`] of an accepted form;
    /// `spelling` is that form as the lesson writes it.
    Almost { spelling: String },
    /// The response matches no accepted form.
    Wrong,
}

impl Verdict {
    /// Returns whether the answer counts as right for the quiz score.
    pub fn is_right(&self) -> bool {
        !matches!(self, Verdict::Wrong)
    }
}

/// One accepted way to write the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Form {
    key: String,
    spelling: String,
}

/// The accepted forms of one term, and the terms of other concepts that a
/// near miss must not be confused with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerKey {
    /// The whole term as plain text, shown as the right answer.
    pub term: String,
    forms: Vec<Form>,
    rival_keys: Vec<String>,
}

impl AnswerKey {
    /// Builds the key for `concept`. `rivals` are the other concepts whose
    /// terms could be typed here. A response equal to one of their forms is
    /// [`Verdict::Wrong`], even when it is a few edits away from `concept`.
    pub fn new<'a>(concept: &Concept, rivals: impl IntoIterator<Item = &'a Concept>) -> Self {
        let forms = accepted_forms(concept);
        let own_keys: Vec<&str> = forms.iter().map(|f| f.key.as_str()).collect();
        let mut rival_keys: Vec<String> = rivals
            .into_iter()
            .flat_map(accepted_forms)
            .map(|f| f.key)
            .filter(|key| !own_keys.contains(&key.as_str()))
            .collect();
        rival_keys.sort();
        rival_keys.dedup();
        AnswerKey {
            term: plain(&concept.term),
            forms,
            rival_keys,
        }
    }

    /// Checks `response` against the accepted forms.
    pub fn check(&self, response: &str) -> Verdict {
        let key = match_key(response);
        if key.is_empty() {
            return Verdict::Wrong;
        }
        if self.forms.iter().any(|f| f.key == key) {
            return Verdict::Exact;
        }
        if self.rival_keys.contains(&key) {
            return Verdict::Wrong;
        }
        self.closest_near_miss(&key)
            .map_or(Verdict::Wrong, |form| Verdict::Almost {
                spelling: form.spelling.clone(),
            })
    }

    fn closest_near_miss(&self, key: &str) -> Option<&Form> {
        let response: Vec<char> = key.chars().collect();
        self.forms
            .iter()
            .filter_map(|form| {
                let expected: Vec<char> = form.key.chars().collect();
                let distance = edit_distance(&response, &expected);
                (distance <= allowed_edits(expected.len())).then_some((distance, form))
            })
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, form)| form)
    }
}

/// Returns the accepted forms of a term: the whole term, and with a gloss
/// also the term without it and the gloss alone.
fn accepted_forms(concept: &Concept) -> Vec<Form> {
    let whole = plain(&concept.term);
    let mut spellings = vec![whole.clone()];
    if let Some(gloss) = &concept.gloss {
        let gloss = plain(gloss);
        if let Some(base) = strip_gloss(&whole, &gloss) {
            spellings.push(base);
        }
        spellings.push(gloss);
    }
    let mut forms: Vec<Form> = Vec::new();
    for spelling in spellings {
        let spelling = spelling.trim().to_string();
        let key = match_key(&spelling);
        if !key.is_empty() && forms.iter().all(|f| f.key != key) {
            forms.push(Form { key, spelling });
        }
    }
    forms
}

/// Returns `term` without a trailing `(gloss)`, if it ends with one.
fn strip_gloss(term: &str, gloss: &str) -> Option<String> {
    let without_paren = term.trim_end().strip_suffix(')')?;
    let open = without_paren.rfind('(')?;
    if without_paren[open + 1..].trim() != gloss.trim() {
        return None;
    }
    let base = without_paren[..open].trim();
    (!base.is_empty()).then(|| base.to_string())
}

/// Returns how many edits a response may be away from an accepted form of
/// `length` characters and still count as almost right: none up to 3
/// characters, one up to 7, two up to 14, and three beyond.
///
/// Short words get no slack because one edit turns many of them into other
/// words.
pub fn allowed_edits(length: usize) -> usize {
    match length {
        0..=3 => 0,
        4..=7 => 1,
        8..=14 => 2,
        _ => 3,
    }
}

/// Returns the edit distance between `a` and `b`: the number of characters
/// inserted, deleted, substituted, or swapped with their neighbour (optimal
/// string alignment), so the common typo of two swapped letters costs one.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(term: &str, gloss: Option<&str>) -> Concept {
        Concept {
            term: term.to_string(),
            gloss: gloss.map(str::to_string),
            definition: String::new(),
            line: 1,
        }
    }

    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        edit_distance(&a, &b)
    }

    #[test]
    fn edit_distance_counts_each_kind_of_edit() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("reflux", "reflux"), 0);
        assert_eq!(distance("reflux", "refux"), 1);
        assert_eq!(distance("reflux", "refflux"), 1);
        assert_eq!(distance("reflux", "reflax"), 1);
        assert_eq!(distance("reflux", "rfelux"), 1);
        assert_eq!(distance("плато", "платно"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn allowed_edits_grow_with_length() {
        assert_eq!(allowed_edits(3), 0);
        assert_eq!(allowed_edits(4), 1);
        assert_eq!(allowed_edits(7), 1);
        assert_eq!(allowed_edits(8), 2);
        assert_eq!(allowed_edits(14), 2);
        assert_eq!(allowed_edits(15), 3);
    }

    #[test]
    fn strip_gloss_needs_matching_parentheses() {
        assert_eq!(
            strip_gloss("Учител (Teacher)", "Teacher").as_deref(),
            Some("Учител")
        );
        assert_eq!(strip_gloss("Учител (Teacher)", "Student"), None);
        assert_eq!(strip_gloss("(Teacher)", "Teacher"), None);
        assert_eq!(strip_gloss("Учител", "Teacher"), None);
    }

    #[test]
    fn verdicts_for_cyrillic_and_latin_answers() {
        let kd = concept(
            "Дистилация на знания (Knowledge Distillation)",
            Some("Knowledge Distillation"),
        );
        let reflux = concept("Рефлукс", None);
        let plate = concept("Плато", None);
        let soft = concept("`soft targets`", None);
        let temp = concept("Температура (Temperature)", Some("Temperature"));
        let t2 = concept("T²", None);
        let almost = |s: &str| Verdict::Almost {
            spelling: s.to_string(),
        };
        let cases: &[(&Concept, &str, Verdict)] = &[
            (
                &kd,
                "Дистилация на знания (Knowledge Distillation)",
                Verdict::Exact,
            ),
            (&kd, "дистилация на знания", Verdict::Exact),
            (&kd, "  ДИСТИЛАЦИЯ   НА ЗНАНИЯ. ", Verdict::Exact),
            (&kd, "knowledge distillation", Verdict::Exact),
            (
                &kd,
                "Knowledge-Distillation",
                almost("Knowledge Distillation"),
            ),
            (&kd, "дистилацйя на знания", almost("Дистилация на знания")),
            (
                &kd,
                "knowlege distilation",
                almost("Knowledge Distillation"),
            ),
            (&kd, "дестилиране", Verdict::Wrong),
            (&kd, "", Verdict::Wrong),
            (&kd, "   ", Verdict::Wrong),
            (&reflux, "рефлукс", Verdict::Exact),
            (&reflux, "„Рефлукс“", Verdict::Exact),
            (&reflux, "рефлук", almost("Рефлукс")),
            (&reflux, "рфелукс", almost("Рефлукс")),
            // A Latin "e" typed inside the Cyrillic word is one substitution.
            (&reflux, "р\u{0065}флукс", almost("Рефлукс")),
            (&reflux, "флукс", Verdict::Wrong),
            (&plate, "платно", almost("Плато")),
            (&plate, "ПЛАТО!", Verdict::Exact),
            (&soft, "soft targets", Verdict::Exact),
            (&soft, "Soft\u{00A0}Targets", Verdict::Exact),
            (&soft, "soft target", almost("soft targets")),
            (&temp, "temperature", Verdict::Exact),
            (&temp, "температура", Verdict::Exact),
            (&temp, "temprature", almost("Temperature")),
            (&t2, "t²", Verdict::Exact),
            (&t2, "t2", Verdict::Wrong),
        ];
        for (concept, response, expected) in cases {
            let key = AnswerKey::new(concept, []);
            assert_eq!(
                &key.check(response),
                expected,
                "{:?} for {response:?}",
                concept.term
            );
        }
    }

    #[test]
    fn decomposed_input_matches_composed_term() {
        let key = AnswerKey::new(&concept("Йонизация", None), []);
        assert_eq!(key.check("И\u{0306}онизация"), Verdict::Exact);
    }

    #[test]
    fn rival_term_is_wrong_not_almost() {
        let bottoms = concept("Bottoms", None);
        let bottom = concept("Bottom", None);
        let key = AnswerKey::new(&bottoms, [&bottom]);
        assert_eq!(key.check("bottom"), Verdict::Wrong);
        assert_eq!(
            key.check("botoms"),
            Verdict::Almost {
                spelling: "Bottoms".to_string()
            }
        );
    }

    #[test]
    fn rival_with_same_form_does_not_block_exact() {
        let a = concept("Учител (Teacher)", Some("Teacher"));
        let b = concept("Teacher", None);
        let key = AnswerKey::new(&a, [&b]);
        assert_eq!(key.check("teacher"), Verdict::Exact);
    }

    #[test]
    fn right_verdicts() {
        assert!(Verdict::Exact.is_right());
        assert!(
            Verdict::Almost {
                spelling: "x".into()
            }
            .is_right()
        );
        assert!(!Verdict::Wrong.is_right());
    }
}
