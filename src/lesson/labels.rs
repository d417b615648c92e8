//! Labelled bullets (`Фокус: …`, `**Task:** …`, `Отговор: …`) and the
//! splitting of a line of questions into single questions.

use super::key::lowercase_eq;

/// A label that starts a nested bullet of a path step or quiz question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    Focus,
    Task,
    Questions,
    Answer,
}

/// Accepted label words, lowercase.
const LABELS: &[(&str, Label)] = &[
    ("focus", Label::Focus),
    ("фокус", Label::Focus),
    ("task", Label::Task),
    ("задача", Label::Task),
    ("questions", Label::Questions),
    ("question", Label::Questions),
    ("въпроси", Label::Questions),
    ("въпрос", Label::Questions),
    ("answer", Label::Answer),
    ("отговор", Label::Answer),
];

/// Maximum length of a label before its colon, in bytes.
const MAX_LABEL_BYTES: usize = 40;

/// Splits `Label: value` (also `**Label:** value` and `**Label**: value`)
/// into the label and the value. Returns `None` when the text does not start
/// with a known label and a colon.
pub(super) fn split_label(text: &str) -> Option<(Label, &str)> {
    let unmarked = text.trim_start_matches(['*', '_']);
    let colon = unmarked.find(':')?;
    if colon > MAX_LABEL_BYTES {
        return None;
    }
    let name = unmarked[..colon].trim_end_matches(['*', '_']).trim();
    let label = LABELS
        .iter()
        .find(|(word, _)| lowercase_eq(name, word))
        .map(|&(_, label)| label)?;
    let value = unmarked[colon + 1..].trim_start_matches(['*', '_']).trim();
    Some((label, value))
}

/// Splits a line of questions after each `?`, keeping the question mark
/// (and any closing quote or bracket right after it) with its question.
/// A `?` inside inline code or a link target does not split. Text after the
/// last `?` is kept as a final item.
pub(super) fn split_questions(text: &str) -> Vec<String> {
    let mut questions = Vec::new();
    let mut start = 0;
    let mut scanner = Scanner::new(text);
    while let Some(end) = scanner.next_question_end() {
        push_trimmed(&mut questions, &text[start..end]);
        start = end;
    }
    push_trimmed(&mut questions, &text[start..]);
    questions
}

fn push_trimmed(questions: &mut Vec<String>, piece: &str) {
    let piece = piece.trim();
    if !piece.is_empty() {
        questions.push(piece.to_owned());
    }
}

/// Walks inline Markdown, skipping code spans and link targets.
struct Scanner<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, position: 0 }
    }

    /// Returns the byte offset just after the next question's end mark.
    fn next_question_end(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        while self.position < bytes.len() {
            match bytes[self.position] {
                b'\\' => self.position += 2,
                b'`' => self.skip_code_span(),
                b']' if bytes.get(self.position + 1) == Some(&b'(') => self.skip_link_target(),
                b'?' => {
                    let end = self.question_mark_end();
                    self.position = end;
                    if self.text[end..].is_empty()
                        || self.text[end..].starts_with(char::is_whitespace)
                    {
                        return Some(end);
                    }
                }
                _ => self.position += 1,
            }
        }
        None
    }

    /// Returns the end of a run of `?`, `!` and closing marks from here.
    fn question_mark_end(&self) -> usize {
        let rest = &self.text[self.position..];
        let run: usize = rest
            .chars()
            .take_while(|c| {
                matches!(
                    c,
                    '?' | '!' | '"' | '\'' | '“' | '”' | '»' | ')' | '*' | '_'
                )
            })
            .map(char::len_utf8)
            .sum();
        self.position + run
    }

    fn skip_code_span(&mut self) {
        let rest = &self.text[self.position..];
        let ticks = rest.bytes().take_while(|&byte| byte == b'`').count();
        let fence = &rest[..ticks];
        self.position += match rest[ticks..].find(fence) {
            Some(at) => ticks + at + ticks,
            None => ticks,
        };
    }

    fn skip_link_target(&mut self) {
        let rest = &self.text[self.position..];
        self.position += rest.find(')').map_or(2, |at| at + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_and_without_bold() {
        assert_eq!(split_label("Фокус: текст"), Some((Label::Focus, "текст")));
        assert_eq!(split_label("**Task:** do it"), Some((Label::Task, "do it")));
        assert_eq!(
            split_label("**Въпроси**: А? Б?"),
            Some((Label::Questions, "А? Б?"))
        );
        assert_eq!(split_label("ОТГОВОР:да"), Some((Label::Answer, "да")));
        assert_eq!(split_label("Note: something"), None);
        assert_eq!(split_label("no colon"), None);
    }

    #[test]
    fn questions_split_after_each_mark() {
        assert_eq!(
            split_questions("Кой? Защо `a?b` е „бърз?“ Виж [x](http://a?b=1)?"),
            vec!["Кой?", "Защо `a?b` е „бърз?“", "Виж [x](http://a?b=1)?"]
        );
        assert_eq!(
            split_questions("What?! And then"),
            vec!["What?!", "And then"]
        );
        assert_eq!(split_questions("  "), Vec::<String>::new());
        assert_eq!(split_questions("trailing \\"), vec!["trailing \\"]);
    }
}
