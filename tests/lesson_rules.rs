//! One test per rule of the lesson format, each on a small lesson written
//! for it.

use std::path::Path;

use distill::lesson::{self, Diagnostic, Lesson, ParseError};

fn parse(text: &str) -> Lesson {
    match lesson::parse(Path::new("rule.md"), "rule", text.as_bytes()) {
        Ok(lesson) => lesson,
        Err(err) => panic!("expected a lesson, got error: {err}"),
    }
}

fn parse_error(bytes: &[u8]) -> ParseError {
    match lesson::parse(Path::new("rule.md"), "rule", bytes) {
        Ok(lesson) => panic!("expected an error, got {lesson:?}"),
        Err(err) => err,
    }
}

fn warning_lines(lesson: &Lesson) -> Vec<usize> {
    lesson.warnings.iter().map(|w| w.line).collect()
}

fn has_warning(lesson: &Lesson, line: usize, needle: &str) -> bool {
    lesson
        .warnings
        .iter()
        .any(|Diagnostic { line: at, message }| *at == line && message.contains(needle))
}

/// Wraps Key Concepts bullets in a minimal lesson; the first bullet is on
/// line 5.
fn concepts_lesson(bullets: &str) -> Lesson {
    parse(&format!("# T\n\n## Key Concepts\n\n{bullets}"))
}

#[test]
fn separators_every_variant() {
    let lesson = concepts_lesson(
        "- **En** – en dash\n\
         - **Em** — em dash\n\
         - **Hyphen** - hyphen\n\
         - **Inside:** colon inside\n\
         - **After**: colon after\n\
         - **Double** -- two hyphens\n\
         - **Tight**–no spaces\n",
    );
    let pairs: Vec<(&str, &str)> = lesson
        .concepts
        .iter()
        .map(|c| (c.term.as_str(), c.definition.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("En", "en dash"),
            ("Em", "em dash"),
            ("Hyphen", "hyphen"),
            ("Inside", "colon inside"),
            ("After", "colon after"),
            ("Double", "two hyphens"),
            ("Tight", "no spaces"),
        ]
    );
    assert_eq!(lesson.warnings, vec![]);
}

#[test]
fn separators_between_cyrillic_words() {
    let lesson = concepts_lesson(
        "- **Кипене** – преход от течност към пара.\n\
         - **Изпарение** — преход само от повърхността.\n\
         - **Кондензация** - обратният преход.\n\
         - **Флегма:** върнатият кондензат.\n\
         - **Колона**: вертикален съд с тарелки.\n\
         - **Азеотроп**—смес с постоянна точка на кипене.\n",
    );
    let pairs: Vec<(&str, &str)> = lesson
        .concepts
        .iter()
        .map(|c| (c.term.as_str(), c.definition.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Кипене", "преход от течност към пара."),
            ("Изпарение", "преход само от повърхността."),
            ("Кондензация", "обратният преход."),
            ("Флегма", "върнатият кондензат."),
            ("Колона", "вертикален съд с тарелки."),
            ("Азеотроп", "смес с постоянна точка на кипене."),
        ]
    );
    assert_eq!(lesson.warnings, vec![]);
}

#[test]
fn gloss_from_trailing_parentheses() {
    let lesson = concepts_lesson(
        "- **Дистилация на знания (Knowledge Distillation)** – обучение на малък модел.\n\
         - **Мека цел (soft target (p))** – вероятностите на учителя.\n\
         - **Температура** – параметър на softmax (обикновено T > 1).\n\
         - **(Само скоби)** – няма превод.\n",
    );
    let glosses: Vec<Option<&str>> = lesson.concepts.iter().map(|c| c.gloss.as_deref()).collect();
    assert_eq!(
        glosses,
        [
            Some("Knowledge Distillation"),
            Some("soft target (p)"),
            None,
            None
        ]
    );
    assert_eq!(
        lesson.concepts[0].term,
        "Дистилация на знания (Knowledge Distillation)"
    );
}

#[test]
fn definition_joins_soft_breaks_whole() {
    let lesson = concepts_lesson(
        "- **Reflux** – liquid that's returned to the column\n  \
         so the \\*top\\* stays rich;   it isn't wasted\n    \
         (see `reflux ratio`).\n",
    );
    assert_eq!(
        lesson.concepts[0].definition,
        "liquid that's returned to the column so the \\*top\\* stays rich;   it isn't wasted \
         (see `reflux ratio`)."
    );
}

#[test]
fn hard_breaks_join_like_soft_breaks() {
    let lesson = concepts_lesson("- **A** – one  \n  two\\\n  three\n");
    assert_eq!(lesson.concepts[0].definition, "one two three");
}

#[test]
fn inline_markup_kept_as_written() {
    let lesson = concepts_lesson(
        "- **Точка на кипене** – за етанол „78,37\u{a0}°C“, виж [таблица](https://example.org/t) и *бележката*.\n",
    );
    assert_eq!(
        lesson.concepts[0].definition,
        "за етанол „78,37\u{a0}°C“, виж [таблица](https://example.org/t) и *бележката*."
    );
}

#[test]
fn html_comment_inside_definition_dropped() {
    let lesson = concepts_lesson("- **A** – before <!-- hidden\n  note --> after\n");
    assert_eq!(lesson.concepts[0].definition, "before after");
}

#[test]
fn html_comment_between_bullets_keeps_all() {
    let lesson = concepts_lesson("- **A** – a\n<!-- between -->\n- **B** – b\n");
    let terms: Vec<&str> = lesson.concepts.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["A", "B"]);
}

#[test]
fn concept_without_separator_warns() {
    let lesson = concepts_lesson("- **Term** definition without a dash\n- **Ok** – fine\n");
    assert!(has_warning(&lesson, 5, "no separator after term `Term`"));
    assert_eq!(lesson.concepts.len(), 2);
    assert_eq!(lesson.concepts[0].definition, "definition without a dash");
}

#[test]
fn concept_unknown_separator_skipped() {
    let lesson = concepts_lesson("- **Term** ~ text\n- **Arrow** => text\n- **Ok** – fine\n");
    let terms: Vec<&str> = lesson.concepts.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["Ok"]);
    assert!(has_warning(
        &lesson,
        5,
        "unknown separator `~` after term `Term`, so the bullet is skipped"
    ));
    assert!(has_warning(
        &lesson,
        6,
        "unknown separator `=>` after term `Arrow`, so the bullet is skipped"
    ));
}

#[test]
fn concept_empty_bold_term_skipped() {
    let lesson = concepts_lesson("- **** – text\n- **:** text\n- **Ok** – fine\n");
    let terms: Vec<&str> = lesson.concepts.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(terms, ["Ok"]);
    assert!(has_warning(
        &lesson,
        5,
        "bullet has an empty term, so it is skipped"
    ));
    assert!(has_warning(
        &lesson,
        6,
        "bullet has an empty term, so it is skipped"
    ));
    assert_eq!(lesson.warnings.len(), 2, "{:?}", lesson.warnings);
}

#[test]
fn concept_without_bold_term_warns() {
    let lesson = concepts_lesson("- Plain term – its definition\n- no separator at all\n");
    assert!(has_warning(&lesson, 5, "term `Plain term` is not bold"));
    assert!(has_warning(&lesson, 6, "no bold term and no separator"));
    assert_eq!(lesson.concepts.len(), 1);
    assert_eq!(lesson.concepts[0].term, "Plain term");
}

#[test]
fn concept_without_definition_warns() {
    let lesson = concepts_lesson("- **Lonely**\n");
    assert!(has_warning(&lesson, 5, "term `Lonely` has no definition"));
    assert!(lesson.concepts.is_empty());
}

#[test]
fn duplicate_term_warns_and_keeps_first() {
    let lesson = concepts_lesson("- **Скала** – първо\n- **скала**  – второ\n");
    assert_eq!(lesson.concepts.len(), 1);
    assert_eq!(lesson.concepts[0].definition, "първо");
    assert!(has_warning(
        &lesson,
        6,
        "duplicate term `скала` (first on line 5)"
    ));
}

#[test]
fn heading_aliases_and_numbering() {
    let text = "# Урок\n\n\
                ## Ключови понятия\n\n- **A** – a\n\n\
                ## 7) Кратък тест\n\n1. Въпрос?\n\n\
                ## 2. ТЕСТ ЗА ПРИПОМНЯНЕ\n\n1. Още един?\n\n\
                ## План за преговор\n\n| Кога | Какво |\n|---|---|\n| 2 дни | x |\n\n\
                ## 3. common pitfalls:\n\n- **P** – p\n\n\
                ## Активиране на предишни знания\n\n- Какво знаете?\n";
    let lesson = parse(text);
    assert_eq!(lesson.concepts.len(), 1);
    assert_eq!(lesson.quiz.len(), 2);
    assert_eq!(lesson.ladder_days(), vec![2]);
    assert_eq!(lesson.pitfalls.len(), 1);
    assert_eq!(lesson.prior_knowledge.len(), 1);
    assert!(lesson.other_sections.is_empty());
    assert!(has_warning(
        &lesson,
        11,
        "section `Short Retrieval Quiz` appears again"
    ));
}

#[test]
fn unknown_section_kept_as_reading_text() {
    let lesson = parse("# T\n\n## Further Reading\n\nA paragraph.\n\n- one\n- two\n");
    assert_eq!(lesson.other_sections.len(), 1);
    let section = &lesson.other_sections[0];
    assert_eq!(section.title, "Further Reading");
    assert_eq!(section.line, 3);
    assert_eq!(
        section.blocks,
        vec![
            lesson::Block::Paragraph {
                text: "A paragraph.".to_owned(),
                line: 5
            },
            lesson::Block::List {
                items: vec!["one".to_owned(), "two".to_owned()],
                ordered: false,
                line: 7
            },
        ]
    );
    assert!(
        !lesson
            .warnings
            .iter()
            .any(|w| w.message.contains("Further"))
    );
}

#[test]
fn missing_sections_are_empty_with_default_ladder() {
    let lesson = concepts_lesson("- **A** – a\n");
    assert!(lesson.prior_knowledge.is_empty());
    assert!(lesson.overview.is_empty());
    assert!(lesson.path.is_empty());
    assert!(lesson.examples.is_empty());
    assert!(lesson.pitfalls.is_empty());
    assert!(lesson.quiz.is_empty());
    assert!(lesson.recap.is_empty());
    assert!(lesson.review_plan.is_empty());
    assert_eq!(lesson.ladder_days(), vec![1, 3, 7, 30]);
    assert_eq!(lesson.warnings, vec![]);
}

#[test]
fn nothing_to_review_warns() {
    let lesson = parse("# Само текст\n\n## Overview\n\nТекст.\n");
    assert_eq!(warning_lines(&lesson), [1]);
    assert!(has_warning(&lesson, 1, "nothing to review"));
}

#[test]
fn empty_section_warns() {
    let lesson = parse("# T\n\n## Key Concepts\n\n<!-- later -->\n\n## Quiz\n\n1. Q?\n");
    assert!(has_warning(&lesson, 3, "section `Key Concepts` is empty"));
    assert_eq!(lesson.quiz.len(), 1);
}

#[test]
fn quiz_answers_present_and_absent() {
    let lesson = parse(
        "# T\n\n## Short Retrieval Quiz\n\n\
         1. Първи?\n   - Отговор: с отговор\n\
         2. Втори?\n\
         3. Third?\n   - **Answer:** in English\n\
         4. Fourth?\n   - Hint: not an answer\n",
    );
    let pairs: Vec<(&str, Option<&str>)> = lesson
        .quiz
        .iter()
        .map(|q| (q.question.as_str(), q.answer.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Първи?", Some("с отговор")),
            ("Втори?", None),
            ("Third?", Some("in English")),
            ("Fourth?", None),
        ]
    );
    let lines: Vec<usize> = lesson.quiz.iter().map(|q| q.line).collect();
    assert_eq!(lines, [5, 7, 8, 10]);
}

#[test]
fn quiz_as_bullet_list() {
    let lesson = parse("# T\n\n## Quiz\n\n- Един?\n- Два?\n");
    assert_eq!(lesson.quiz.len(), 2);
}

#[test]
fn path_step_parts_and_questions() {
    let lesson = parse(
        "# T\n\n## Step-by-step Learning Path\n\n\
         1. **Стъпка**\n   \
            - **Focus:** idea\n   \
            - Task: do it\n   \
            - Questions: Why? How „so“? What about `a?b`?\n   \
            - Extra remark\n\
         2. Plain title\n   \
            - Въпроси:\n     - Първи?\n     - Втори? Трети?\n",
    );
    assert_eq!(lesson.path.len(), 2);
    let first = &lesson.path[0];
    assert_eq!(first.title, "Стъпка");
    assert_eq!(first.focus.as_deref(), Some("idea"));
    assert_eq!(first.task.as_deref(), Some("do it"));
    assert_eq!(first.questions, ["Why?", "How „so“?", "What about `a?b`?"]);
    assert_eq!(first.notes, ["Extra remark"]);
    let second = &lesson.path[1];
    assert_eq!(second.title, "Plain title");
    assert_eq!(second.questions, ["Първи?", "Втори?", "Трети?"]);
    assert_eq!(second.line, 10);
}

#[test]
fn path_steps_under_headings() {
    let lesson = parse(
        "# T\n\n## Learning Path\n\n### Първа стъпка\n\n- Фокус: a\n- Задача: b\n\n\
         ### Втора стъпка\n\n- Въпроси: c?\n",
    );
    let titles: Vec<&str> = lesson.path.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Първа стъпка", "Втора стъпка"]);
    assert_eq!(lesson.path[0].task.as_deref(), Some("b"));
    assert_eq!(lesson.path[1].questions, ["c?"]);
}

#[test]
fn review_plan_interval_words() {
    let lesson = parse(
        "# T\n\n## Spaced Review Plan\n\n| Interval | Prompt |\n|---|---|\n\
         | 1 месец | m |\n| 2 седмици | w2 |\n| 1 седмица | w |\n| 3 дни | d3 |\n\
         | 1 ден | d |\n| 1 day | e1 |\n| 3 days | e3 |\n| 1 week | e7 |\n| 1 month | e30 |\n",
    );
    let days: Vec<u32> = lesson.review_plan.iter().map(|p| p.days).collect();
    assert_eq!(days, [1, 1, 3, 3, 7, 7, 14, 30, 30]);
    assert_eq!(lesson.ladder_days(), vec![1, 3, 7, 14, 30]);
    assert_eq!(lesson.review_plan[0].prompt, "d");
    assert_eq!(lesson.review_plan[0].line, 11);
}

#[test]
fn review_plan_unreadable_interval_warns() {
    let lesson = parse(
        "# T\n\n## Spaced Review Plan\n\n| Кога | Какво |\n|---|---|\n\
         | скоро | x |\n| 3 дни | y |\n",
    );
    assert_eq!(lesson.review_plan.len(), 1);
    assert!(has_warning(
        &lesson,
        7,
        "cannot read review interval `скоро`"
    ));
}

#[test]
fn review_plan_negative_interval_warns() {
    let lesson = parse(
        "# T\n\n## Spaced Review Plan\n\n| Interval | Prompt |\n|---|---|\n\
         | -3 days | x |\n| 3 days | y |\n",
    );
    let days: Vec<u32> = lesson.review_plan.iter().map(|p| p.days).collect();
    assert_eq!(days, [3]);
    assert_eq!(lesson.review_plan[0].prompt, "y");
    assert!(has_warning(
        &lesson,
        7,
        "review interval `-3 days` is negative"
    ));
}

#[test]
fn table_followed_by_whitespace_line() {
    let plain =
        "# T\n\n## Spaced Review Plan\n\n| a | b |\n|---|---|\n| 1 ден | x |\n| 3 дни | y |\n";
    let expected = parse(plain);
    for tail in ["   \n", "\t\n", " \t \n\nText after.\n", "   "] {
        let lesson = parse(&format!("{plain}{tail}"));
        assert_eq!(lesson.review_plan, expected.review_plan, "tail {tail:?}");
        assert_eq!(lesson.ladder_days(), vec![1, 3], "tail {tail:?}");
    }
}

#[test]
fn bom_and_crlf_match_lf() {
    let lf = "# T\n\n## Key Concepts\n\n- **A** – a\n  continued\n\n## Quiz\n\n1. Q?\n   - Answer: yes\n";
    let expected = parse(lf);
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(parse(&crlf), expected);
    let cr = lf.replace('\n', "\r");
    assert_eq!(parse(&cr), expected);
    assert_eq!(parse(lf.trim_end()), expected);
}

#[test]
fn extra_title_read_as_section() {
    let lesson = parse("# Title\n\n# Key Concepts\n\n- **A** – a\n");
    assert_eq!(lesson.title, "Title");
    assert_eq!(lesson.concepts.len(), 1);
    assert!(has_warning(&lesson, 3, "extra `#` heading"));
}

#[test]
fn title_keeps_inline_markup() {
    let lesson = parse("Intro line.\n\n# The `int8` *format*\n\n## Overview\n\nText.\n");
    assert_eq!(lesson.title, "The `int8` *format*");
    assert_eq!(lesson.overview.len(), 2);
}

#[test]
fn error_not_utf8_names_offset_and_line() {
    let mut bytes = b"# T\n\nok\n".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    let err = parse_error(&bytes);
    assert!(
        matches!(
            err,
            ParseError::NotUtf8 {
                offset: 8,
                line: 4,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "rule.md:4: invalid UTF-8 at byte offset 8; save the file with UTF-8 encoding"
    );
}

#[test]
fn error_empty_file() {
    for bytes in [
        &b""[..],
        b"  \n\t\n",
        b"\xef\xbb\xbf",
        b"<!-- only a comment -->\n",
    ] {
        let err = parse_error(bytes);
        assert!(
            matches!(err, ParseError::Empty { .. }),
            "{bytes:?}: {err:?}"
        );
        assert!(err.to_string().starts_with("rule.md: file is empty"));
    }
}

#[test]
fn error_no_title() {
    let err = parse_error(b"## Key Concepts\n\n- **A** - a\n");
    assert!(matches!(err, ParseError::NoTitle { .. }));
    assert_eq!(
        err.to_string(),
        "rule.md: no `# Title` heading found; add one as the lesson's first line"
    );
}

#[test]
fn error_file_too_large() {
    let bytes = vec![b'a'; lesson::MAX_LESSON_BYTES + 1];
    let err = parse_error(&bytes);
    assert!(matches!(err, ParseError::TooLarge { .. }));
    assert!(
        err.to_string()
            .contains("over the limit of 16777216 bytes (16 MiB)")
    );
}

#[test]
fn error_missing_file_names_path() {
    let err = lesson::parse_file(Path::new("tests/fixtures/lessons/missing.md")).unwrap_err();
    assert!(matches!(err, ParseError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/lessons/missing.md: cannot read the file")
    );
}
