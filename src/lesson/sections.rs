//! Section names: matching `##` headings to the sections of the lesson
//! template, in English or Bulgarian.

use super::key::{is_alphanumeric, to_lowercase};

/// A section of the lesson template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum SectionKind {
    PriorKnowledge,
    Overview,
    KeyConcepts,
    LearningPath,
    Examples,
    Pitfalls,
    Quiz,
    Recap,
    ReviewPlan,
}

impl SectionKind {
    /// Returns the English name used in the lesson template.
    pub fn name(self) -> &'static str {
        match self {
            Self::PriorKnowledge => "Activate Prior Knowledge",
            Self::Overview => "Overview",
            Self::KeyConcepts => "Key Concepts",
            Self::LearningPath => "Step-by-step Learning Path",
            Self::Examples => "Examples",
            Self::Pitfalls => "Common Pitfalls",
            Self::Quiz => "Short Retrieval Quiz",
            Self::Recap => "Quick Recap",
            Self::ReviewPlan => "Spaced Review Plan",
        }
    }
}

/// Accepted heading names, already normalized by [`normalize_heading`].
const ALIASES: &[(&str, SectionKind)] = &[
    ("activate prior knowledge", SectionKind::PriorKnowledge),
    ("prior knowledge", SectionKind::PriorKnowledge),
    ("активиране на предишни знания", SectionKind::PriorKnowledge),
    (
        "активиране на предишните знания",
        SectionKind::PriorKnowledge,
    ),
    (
        "активиране на предварителни знания",
        SectionKind::PriorKnowledge,
    ),
    ("активирайте предишните знания", SectionKind::PriorKnowledge),
    ("предварителни знания", SectionKind::PriorKnowledge),
    ("предишни знания", SectionKind::PriorKnowledge),
    ("overview", SectionKind::Overview),
    ("общ преглед", SectionKind::Overview),
    ("кратък преглед", SectionKind::Overview),
    ("преглед", SectionKind::Overview),
    ("обзор", SectionKind::Overview),
    ("key concepts", SectionKind::KeyConcepts),
    ("concepts", SectionKind::KeyConcepts),
    ("ключови понятия", SectionKind::KeyConcepts),
    ("основни понятия", SectionKind::KeyConcepts),
    ("понятия", SectionKind::KeyConcepts),
    ("step-by-step learning path", SectionKind::LearningPath),
    ("step by step learning path", SectionKind::LearningPath),
    ("learning path", SectionKind::LearningPath),
    (
        "път на обучение стъпка по стъпка",
        SectionKind::LearningPath,
    ),
    ("учебен път стъпка по стъпка", SectionKind::LearningPath),
    ("път на обучение", SectionKind::LearningPath),
    ("учебен път", SectionKind::LearningPath),
    ("стъпка по стъпка", SectionKind::LearningPath),
    ("examples", SectionKind::Examples),
    ("примери", SectionKind::Examples),
    ("common pitfalls", SectionKind::Pitfalls),
    ("pitfalls", SectionKind::Pitfalls),
    ("чести грешки", SectionKind::Pitfalls),
    ("често срещани грешки", SectionKind::Pitfalls),
    ("типични грешки", SectionKind::Pitfalls),
    ("капани", SectionKind::Pitfalls),
    ("чести капани", SectionKind::Pitfalls),
    ("short retrieval quiz", SectionKind::Quiz),
    ("retrieval quiz", SectionKind::Quiz),
    ("quiz", SectionKind::Quiz),
    ("кратък тест", SectionKind::Quiz),
    ("тест за припомняне", SectionKind::Quiz),
    ("кратък тест за припомняне", SectionKind::Quiz),
    ("тест", SectionKind::Quiz),
    ("quick recap", SectionKind::Recap),
    ("recap", SectionKind::Recap),
    ("summary", SectionKind::Recap),
    ("кратко обобщение", SectionKind::Recap),
    ("бързо обобщение", SectionKind::Recap),
    ("обобщение", SectionKind::Recap),
    ("резюме", SectionKind::Recap),
    ("кратко резюме", SectionKind::Recap),
    ("spaced review plan", SectionKind::ReviewPlan),
    ("review plan", SectionKind::ReviewPlan),
    ("план за преговор", SectionKind::ReviewPlan),
    ("план за разпределен преговор", SectionKind::ReviewPlan),
    ("план за повторение", SectionKind::ReviewPlan),
    ("план за преговор през интервали", SectionKind::ReviewPlan),
];

/// Returns the template section a `##` heading names, if any.
pub(super) fn section_kind(heading: &str) -> Option<SectionKind> {
    let name = normalize_heading(heading);
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map(|&(_, kind)| kind)
}

/// Lowercases a heading, drops a leading section number (`3.`, `3)`,
/// `III.`), Markdown emphasis marks and surrounding punctuation, and
/// collapses whitespace.
fn normalize_heading(heading: &str) -> String {
    let lower = to_lowercase(heading);
    let mut joined = String::with_capacity(lower.len());
    let mut space_pending = false;
    for c in lower.chars() {
        if matches!(c, '*' | '_' | '`') {
            continue;
        }
        if c.is_whitespace() {
            space_pending = !joined.is_empty();
            continue;
        }
        if space_pending {
            joined.push(' ');
            space_pending = false;
        }
        joined.push(c);
    }
    let without_number = strip_section_number(&joined);
    without_number
        .trim_matches(|c: char| !is_alphanumeric(c))
        .to_owned()
}

/// Strips a leading `3.`, `3)`, `3 -`, `3:` or Roman `iv.` numbering.
fn strip_section_number(text: &str) -> &str {
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let after_digits = if digits.len() < text.len() {
        digits
    } else {
        strip_roman_numeral(text)
    };
    after_digits.trim_start_matches(|c: char| !is_alphanumeric(c))
}

/// Strips a lowercase Roman numeral followed by `.` or `)`, such as `iv.`.
fn strip_roman_numeral(text: &str) -> &str {
    let rest = text.trim_start_matches(['i', 'v', 'x']);
    if rest.len() < text.len() && (rest.starts_with('.') || rest.starts_with(')')) {
        rest
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_bare_headings_match() {
        let cases = [
            ("3. Key Concepts", Some(SectionKind::KeyConcepts)),
            ("Key Concepts", Some(SectionKind::KeyConcepts)),
            ("  7)  short RETRIEVAL quiz:", Some(SectionKind::Quiz)),
            ("IV. Examples", Some(SectionKind::Examples)),
            ("**9. Spaced Review Plan**", Some(SectionKind::ReviewPlan)),
            ("3. Ключови понятия", Some(SectionKind::KeyConcepts)),
            ("Тест за припомняне", Some(SectionKind::Quiz)),
            ("12 - План за преговор", Some(SectionKind::ReviewPlan)),
            ("Further reading", None),
            ("Key Concepts and more", None),
        ];
        for (heading, expected) in cases {
            assert_eq!(section_kind(heading), expected, "heading {heading:?}");
        }
    }
}
