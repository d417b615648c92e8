//! The "Short Retrieval Quiz" section: numbered questions, each with an
//! optional nested `Отговор:` / `Answer:` bullet.

use super::QuizQuestion;
use super::labels::{Label, split_label};
use super::reader::{Reader, item_inlines, list_items};
use super::tree::{Node, Nodes};

/// Reads the quiz questions from the section's lists.
pub(super) fn read_quiz(reader: &mut Reader<'_>, nodes: Nodes<'_>) -> Vec<QuizQuestion> {
    list_items(nodes)
        .filter_map(|item| read_question(reader, item))
        .collect()
}

fn read_question(reader: &mut Reader<'_>, item: Node<'_>) -> Option<QuizQuestion> {
    let line = reader.line(item.start());
    let mut inlines = item_inlines(item);
    let Some(head) = inlines.next() else {
        reader.warn(line, "empty quiz question");
        return None;
    };
    let question = reader.text(head);
    if question.is_empty() {
        reader.warn(line, "empty quiz question");
        return None;
    }
    let mut answer = None;
    let nested = list_items(item.children()).flat_map(item_inlines);
    for inline in inlines.chain(nested) {
        let text = reader.text(inline);
        if let Some((Label::Answer, value)) = split_label(&text)
            && answer.is_none()
        {
            answer = Some(value.to_owned());
        }
    }
    if answer.as_deref() == Some("") {
        reader.warn(
            line,
            "quiz answer is empty; write the answer after `Отговор:`",
        );
        answer = None;
    }
    Some(QuizQuestion {
        question: question.into_owned(),
        answer,
        line,
    })
}
