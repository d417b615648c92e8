//! `distill quiz`: a retrieval quiz on one lesson, on screen or, with
//! `--plain`, line by line on standard input and output.
//!
//! Plain mode prints each question with its numbered options and reads one
//! line per answer. A multiple-choice answer is an option number or the
//! option's text, and a typed answer is the term. A free-recall question
//! reads an optional answer line, reveals the lesson's answer, then reads a
//! self-grade line (`again`, `hard`, `good` or `easy`). An invalid line is
//! explained and read again. The run ends with the missed items and a last
//! line `score: R/T`. When input ends early, the score counts the questions
//! answered so far.
//!
//! Every answer is stored as it is given. An answer to a card that is due
//! also counts as that card's review: a right choice or exact term is Good,
//! an almost-right term is Hard, a wrong answer is Again, and a free-recall
//! answer takes the learner's grade.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use super::Global;
use super::context::Context;
use crate::lesson::Lesson;
use crate::lesson::inline::plain;
use crate::quiz::{
    Attempt, Choice, ItemKind, Outcome, Question, Quiz, QuizItem, Recall, Scorecard, Verdict,
    generate, match_key,
};
use crate::schedule::Grade;
use crate::store::Store;
use crate::tui::Route;
use crate::tui::text::sanitize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Lesson id. Without it, the dashboard opens to choose one.
    #[arg(value_name = "LESSON")]
    pub lesson: Option<String>,
    /// Run line by line on standard input and output, with no terminal control.
    #[arg(long)]
    pub plain: bool,
    /// Seed for question order and options. The same seed gives the same quiz.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    if !args.plain {
        let route = match args.lesson {
            Some(lesson) => Route::Quiz { lesson },
            None => Route::Dashboard,
        };
        return super::review::launch(global, route);
    }
    let Some(lesson_id) = args.lesson else {
        anyhow::bail!("missing LESSON: --plain needs the id of the lesson to quiz on");
    };
    let context = Context::new(global)?;
    let mut store = context.open_store()?;
    let lesson = store.load_lesson(&lesson_id)?;
    let others = other_lessons(&store, &lesson_id)?;
    let seed = args.seed.unwrap_or_else(rand::random);
    let quiz = generate(&lesson, &others, seed);
    let stdin = std::io::stdin();
    run_plain(
        &quiz,
        stdin.lock(),
        std::io::stdout().lock(),
        |index, outcome, duration| {
            let attempt = Attempt::new(&quiz, index, outcome, duration)
                .with_context(|| format!("quiz item {index} not found"))?;
            let recorded = store.record_quiz_attempt(&attempt, &context.study_time()?)?;
            Ok(recorded.review.map(|review| {
                format!(
                    "counted as the review of card {} ({})",
                    review.card, review.grade
                )
            }))
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Loads every stored lesson but `lesson_id`, as the source of extra
/// distractors. A lesson that cannot be read is left out with a warning.
fn other_lessons(store: &Store, lesson_id: &str) -> anyhow::Result<Vec<Lesson>> {
    let mut lessons = Vec::new();
    for other in store.load_other_lessons(lesson_id)? {
        match other {
            Ok(lesson) => lessons.push(lesson),
            Err(err) => eprintln!("warning: {err}; it gives no quiz options"),
        }
    }
    Ok(lessons)
}

/// Runs `quiz` in plain mode, reading answers from `input` and writing to
/// `output`. `record` is called with each item's index, its answer and the
/// time taken to give it, before the next question is printed. A message it
/// returns is printed after the verdict, and an error from it stops the
/// quiz.
pub fn run_plain<R, W, F>(quiz: &Quiz, input: R, output: W, record: F) -> anyhow::Result<Scorecard>
where
    R: BufRead,
    W: Write,
    F: FnMut(usize, &Outcome, Duration) -> anyhow::Result<Option<String>>,
{
    let mut session = PlainSession {
        input,
        output,
        record,
        scorecard: Scorecard::default(),
    };
    session.run(quiz)?;
    Ok(session.scorecard)
}

struct PlainSession<R, W, F> {
    input: R,
    output: W,
    record: F,
    scorecard: Scorecard,
}

impl<R, W, F> PlainSession<R, W, F>
where
    R: BufRead,
    W: Write,
    F: FnMut(usize, &Outcome, Duration) -> anyhow::Result<Option<String>>,
{
    fn run(&mut self, quiz: &Quiz) -> anyhow::Result<()> {
        let total = quiz.items.len();
        writeln!(
            self.output,
            "quiz: {} ({total} questions, seed {})",
            printable(&quiz.title),
            quiz.seed
        )?;
        for (index, item) in quiz.items.iter().enumerate() {
            writeln!(self.output)?;
            let started = Instant::now();
            let Some(outcome) = self.ask(item, index, total)? else {
                writeln!(
                    self.output,
                    "input ended after {index} of {total} questions"
                )?;
                break;
            };
            let note = (self.record)(index, &outcome, started.elapsed()).with_context(|| {
                format!("failed to record the answer to question {}", index + 1)
            })?;
            if let Some(note) = note {
                writeln!(self.output, "{note}")?;
            }
            self.scorecard.record(index, outcome);
        }
        self.finish(quiz)
    }

    /// Asks one item, or returns `None` when input ended before an answer.
    fn ask(
        &mut self,
        item: &QuizItem,
        index: usize,
        total: usize,
    ) -> anyhow::Result<Option<Outcome>> {
        let number = index + 1;
        match &item.question {
            Question::Choice(choice) => self.ask_choice(item, choice, number, total),
            Question::Typed(typed) => {
                writeln!(
                    self.output,
                    "[{number}/{total}] Type the term for: {}",
                    printable(&typed.prompt)
                )?;
                self.ask_typed(item)
            }
            Question::Recall(recall) => self.ask_recall(item, recall, number, total),
        }
    }

    fn ask_choice(
        &mut self,
        item: &QuizItem,
        choice: &Choice,
        number: usize,
        total: usize,
    ) -> anyhow::Result<Option<Outcome>> {
        let heading = match item.kind {
            ItemKind::ChooseDefinition => "Choose the definition of",
            _ => "Choose the term for",
        };
        writeln!(
            self.output,
            "[{number}/{total}] {heading}: {}",
            printable(&choice.prompt)
        )?;
        for (option, text) in choice.options.iter().enumerate() {
            writeln!(self.output, "  {}) {}", option + 1, printable(text))?;
        }
        loop {
            writeln!(self.output, "option number:")?;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            match parse_option(&line, choice) {
                Some(option) => {
                    let outcome = Outcome::choose(item, option);
                    if let Some(outcome) = &outcome {
                        self.report_choice(choice, outcome)?;
                    }
                    return Ok(outcome);
                }
                None => writeln!(
                    self.output,
                    "invalid option {:?}: type a number from 1 to {}",
                    line.trim(),
                    choice.options.len()
                )?,
            }
        }
    }

    fn report_choice(&mut self, choice: &Choice, outcome: &Outcome) -> anyhow::Result<()> {
        if outcome.is_right() {
            writeln!(self.output, "right")?;
        } else {
            let right = choice.options.get(choice.answer).map_or("", String::as_str);
            writeln!(
                self.output,
                "wrong: the answer is {}) {}",
                choice.answer + 1,
                printable(right)
            )?;
        }
        Ok(())
    }

    fn ask_typed(&mut self, item: &QuizItem) -> anyhow::Result<Option<Outcome>> {
        writeln!(self.output, "term:")?;
        let Some(line) = self.read_line()? else {
            return Ok(None);
        };
        let outcome = Outcome::type_term(item, line.trim());
        if let Some(Outcome::Typed { verdict, .. }) = &outcome {
            let expected = item.expected().unwrap_or_default();
            match verdict {
                Verdict::Exact => writeln!(self.output, "right")?,
                Verdict::Almost { spelling } => writeln!(
                    self.output,
                    "almost: the exact spelling is {}",
                    printable(spelling)
                )?,
                Verdict::Wrong => {
                    writeln!(self.output, "wrong: the answer is {}", printable(&expected))?
                }
            }
        }
        Ok(outcome)
    }

    fn ask_recall(
        &mut self,
        item: &QuizItem,
        recall: &Recall,
        number: usize,
        total: usize,
    ) -> anyhow::Result<Option<Outcome>> {
        writeln!(
            self.output,
            "[{number}/{total}] Question: {}",
            printable(&recall.question)
        )?;
        writeln!(self.output, "your answer (optional, Enter to reveal):")?;
        let Some(response) = self.read_line()? else {
            return Ok(None);
        };
        self.reveal(recall)?;
        loop {
            writeln!(
                self.output,
                "grade yourself (again, hard, good, easy, or 1-4):"
            )?;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            match line.parse::<Grade>() {
                Ok(grade) => {
                    writeln!(self.output, "graded {grade}")?;
                    return Ok(Outcome::recall(item, response.trim(), grade));
                }
                Err(err) => writeln!(self.output, "{err}")?,
            }
        }
    }

    fn reveal(&mut self, recall: &Recall) -> anyhow::Result<()> {
        if let Some(answer) = &recall.answer {
            writeln!(self.output, "lesson answer: {}", printable(answer))?;
        } else if recall.related.is_empty() {
            writeln!(
                self.output,
                "the lesson gives no answer; reread its key concepts"
            )?;
        } else {
            writeln!(self.output, "the lesson gives no answer; related concepts:")?;
            for concept in &recall.related {
                writeln!(
                    self.output,
                    "  - {}: {}",
                    printable(&concept.term),
                    printable(&concept.definition)
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, quiz: &Quiz) -> anyhow::Result<()> {
        let missed = self.scorecard.missed();
        writeln!(self.output)?;
        if !missed.is_empty() {
            writeln!(self.output, "missed:")?;
        }
        for index in missed {
            let Some(item) = quiz.items.get(index) else {
                continue;
            };
            writeln!(self.output, "  - {}", printable(&item.summary()))?;
        }
        writeln!(
            self.output,
            "score: {}/{}",
            self.scorecard.right(),
            self.scorecard.total()
        )?;
        self.output.flush()?;
        Ok(())
    }

    /// Reads one line without its line end, or returns `None` at end of input.
    fn read_line(&mut self) -> anyhow::Result<Option<String>> {
        self.output.flush()?;
        let mut line = String::new();
        let read = self
            .input
            .read_line(&mut line)
            .context("failed to read an answer from standard input; answers must be UTF-8 text")?;
        if read == 0 {
            return Ok(None);
        }
        let trimmed = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(trimmed);
        Ok(Some(line))
    }
}

/// Returns the 0-based option that `line` names: its 1-based number, or text
/// with the same match key as one option.
fn parse_option(line: &str, choice: &Choice) -> Option<usize> {
    let line = line.trim();
    if let Ok(number) = line.parse::<usize>() {
        return (1..=choice.options.len())
            .contains(&number)
            .then(|| number - 1);
    }
    let key = match_key(line);
    if key.is_empty() {
        return None;
    }
    choice
        .options
        .iter()
        .position(|option| match_key(option) == key)
}

/// Returns lesson text as plain text without control characters or escape
/// sequences, so that nothing in a lesson can control the terminal.
fn printable(text: &str) -> String {
    plain(&sanitize(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{Concept, Lesson, QuizQuestion};

    fn concept(term: &str, definition: &str) -> Concept {
        Concept {
            term: term.to_string(),
            gloss: None,
            definition: definition.to_string(),
            line: 1,
        }
    }

    fn lesson() -> Lesson {
        Lesson {
            id: "column".to_string(),
            title: "Колона".to_string(),
            prior_knowledge: Vec::new(),
            overview: Vec::new(),
            concepts: vec![
                concept("Рефлукс", "Кондензат, върнат в колоната."),
                concept("Плато", "Преграда, на която парата среща течност."),
            ],
            path: Vec::new(),
            examples: Vec::new(),
            pitfalls: Vec::new(),
            quiz: vec![QuizQuestion {
                question: "Защо колоната има плата?".to_string(),
                answer: None,
                line: 1,
            }],
            recap: Vec::new(),
            review_plan: Vec::new(),
            other_sections: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Returns, for each item of `quiz`, the input lines that answer it right.
    fn right_answers(quiz: &Quiz) -> Vec<String> {
        quiz.items
            .iter()
            .map(|item| match &item.question {
                Question::Choice(choice) => format!("{}\n", choice.answer + 1),
                Question::Typed(typed) => format!("{}\n", typed.key.term),
                Question::Recall(_) => "\ngood\n".to_string(),
            })
            .collect()
    }

    fn run_script(quiz: &Quiz, script: &str) -> (Scorecard, String, usize) {
        let mut output = Vec::new();
        let mut recorded = 0;
        let scorecard = run_plain(quiz, script.as_bytes(), &mut output, |_, _, _| {
            recorded += 1;
            Ok(None)
        })
        .expect("plain run succeeds");
        (
            scorecard,
            String::from_utf8(output).expect("UTF-8 output"),
            recorded,
        )
    }

    #[test]
    fn all_right_scores_full() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let (scorecard, output, recorded) = run_script(&quiz, &right_answers(&quiz).concat());
        assert_eq!(scorecard.right(), 3);
        assert_eq!(recorded, 3);
        assert_eq!(output.lines().last(), Some("score: 3/3"));
        assert!(!output.contains("missed:"));
    }

    #[test]
    fn invalid_lines_are_read_again() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let script: String = right_answers(&quiz)
            .iter()
            .map(|answer| match answer.as_str() {
                "\ngood\n" => "\nsure\ngood\n".to_string(),
                other if other.starts_with(|c: char| c.is_ascii_digit()) => format!("9\n{other}"),
                other => other.to_string(),
            })
            .collect();
        let (scorecard, output, _) = run_script(&quiz, &script);
        assert_eq!(scorecard.right(), 3);
        assert!(output.contains("invalid grade \"sure\""), "{output}");
    }

    #[test]
    fn closed_input_scores_answered_only() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let first = right_answers(&quiz).remove(0);
        let (scorecard, output, recorded) = run_script(&quiz, &first);
        assert_eq!(scorecard.total(), 1);
        assert_eq!(recorded, 1);
        assert!(output.contains("input ended after 1 of 3 questions"));
        assert_eq!(output.lines().last(), Some("score: 1/1"));
    }

    #[test]
    fn wrong_answers_listed_as_missed() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let script: String = quiz
            .items
            .iter()
            .map(|item| match &item.question {
                Question::Choice(choice) => {
                    format!("{}\n", (choice.answer + 1) % choice.options.len() + 1)
                }
                Question::Typed(_) => "дестилат\n".to_string(),
                Question::Recall(_) => "не знам\nagain\n".to_string(),
            })
            .collect();
        let (scorecard, output, _) = run_script(&quiz, &script);
        assert_eq!(scorecard.right(), 0);
        assert!(output.contains("missed:\n"));
        assert!(output.contains("  - Защо колоната има плата?\n"));
        assert_eq!(output.lines().last(), Some("score: 0/3"));
    }

    #[test]
    fn option_text_accepted_as_answer() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let choice = quiz.items.iter().find_map(|item| match &item.question {
            Question::Choice(choice) => Some(choice),
            _ => None,
        });
        let choice = choice.expect("the quiz has a multiple-choice item");
        let right = &choice.options[choice.answer];
        assert_eq!(
            parse_option(&right.to_uppercase(), choice),
            Some(choice.answer)
        );
        assert_eq!(parse_option("0", choice), None);
        assert_eq!(parse_option("", choice), None);
    }

    #[test]
    fn invalid_utf8_answer_is_an_error() {
        let quiz = crate::quiz::generate(&lesson(), &[], 5);
        let mut output = Vec::new();
        let input: &[u8] = b"\xff\xfe\n";
        let err = run_plain(&quiz, input, &mut output, |_, _, _| Ok(None))
            .expect_err("the answer is not UTF-8");
        assert!(err.to_string().contains("must be UTF-8"), "{err}");
    }

    #[test]
    fn printable_strips_escape_characters() {
        assert_eq!(printable("a\u{1b}[2Jb `c`\u{202e}"), "ab c");
    }
}
