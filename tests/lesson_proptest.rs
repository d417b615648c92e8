//! Property tests: the parser and the inline helpers never panic, on any
//! bytes, any string, or text assembled from lesson-like Markdown pieces.

use std::path::Path;

use distill::lesson::{self, inline};
use proptest::prelude::*;

/// Markdown pieces that reach the parser's special cases when combined.
const PIECES: &[&str] = &[
    "# Урок\n",
    "# ",
    "## Key Concepts\n",
    "## 3. Ключови понятия\n",
    "## Step-by-step Learning Path\n",
    "## 7. Кратък тест\n",
    "## Spaced Review Plan\n",
    "## Examples\n",
    "## Common Pitfalls\n",
    "## Unknown\n",
    "### Пример\n",
    "- ",
    "1. ",
    "   - ",
    "  ",
    "**",
    "*",
    "`",
    "```rust\n",
    "```\n",
    "Термин",
    " (Gloss)",
    "(",
    ")",
    " – ",
    "—",
    " - ",
    ":",
    "Фокус: ",
    "Задача: ",
    "Въпроси: ",
    "Отговор: ",
    "Answer:",
    "?",
    "? ",
    "„текст“",
    "\u{a0}",
    "\\",
    "\\*",
    "it's",
    "[link](http://x?y)",
    "<!-- ",
    " -->",
    "<br>",
    "| 1 ден | prompt |\n",
    "| 2 седмици | x |\n",
    "|---|---|\n",
    "| a | b |\n",
    "   \n",
    "\t",
    "\n",
    "\n\n",
    "> ",
    "&amp;",
    "\u{1b}[31m",
    "999999999999 дни",
    "0 days",
];

fn lesson_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

fn parse(bytes: &[u8]) -> Result<lesson::Lesson, lesson::ParseError> {
    lesson::parse(Path::new("prop.md"), "prop", bytes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn parse_any_string_never_panics(text in any::<String>()) {
        let _ = parse(text.as_bytes());
    }

    #[test]
    fn parse_lesson_like_never_panics(text in lesson_like()) {
        if let Ok(lesson) = parse(text.as_bytes()) {
            for concept in &lesson.concepts {
                let _ = inline::spans(&concept.term);
                let _ = inline::plain(&concept.definition);
            }
            prop_assert!(lesson.warnings.windows(2).all(|pair| pair[0].line <= pair[1].line));
            prop_assert!(!lesson.ladder_days().is_empty());
        }
    }

    #[test]
    fn crlf_and_bom_never_change_result(text in lesson_like()) {
        let converted = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let lf = parse(text.as_bytes()).map_err(|err| err.message());
        let crlf = parse(converted.as_bytes()).map_err(|err| err.message());
        prop_assert_eq!(lf, crlf);
    }

    #[test]
    fn inline_helpers_never_panic(text in any::<String>()) {
        let plain = inline::plain(&text);
        prop_assert!(!plain.chars().any(char::is_control));
        let _ = inline::spans(&text);
        let key = lesson::normalize_key(&text);
        prop_assert_eq!(lesson::normalize_key(&key), key);
    }
}
