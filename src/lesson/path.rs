//! The "Step-by-step Learning Path" section: numbered steps, each a bold
//! title with nested `Фокус:` / `Задача:` / `Въпроси:` bullets.

use super::PathStep;
use super::labels::{Label, split_label, split_questions};
use super::reader::{Reader, item_inlines, list_items};
use super::terms::strip_separator;
use super::tree::{Kind, Node, Nodes};

/// Reads the steps of the learning path. Steps are the items of the
/// section's lists; a `###` heading also starts a step, whose bullets are
/// then read as its labelled parts.
pub(super) fn read_path(reader: &mut Reader<'_>, nodes: Nodes<'_>) -> Vec<PathStep> {
    let mut steps: Vec<PathStep> = Vec::new();
    let mut under_heading = false;
    for node in nodes {
        match node.kind() {
            Kind::Heading(_, inline) => {
                let title = reader.text(inline).into_owned();
                steps.push(empty_step(title, reader.line(node.start())));
                under_heading = true;
            }
            Kind::List { .. } => {
                let items = node.as_nodes();
                match steps.last_mut() {
                    Some(step) if under_heading => {
                        for item in list_items(items) {
                            read_part(reader, item, step);
                        }
                    }
                    _ => steps.extend(list_items(items).filter_map(|i| read_step(reader, i))),
                }
            }
            _ => {}
        }
    }
    steps
}

fn empty_step(title: String, line: usize) -> PathStep {
    PathStep {
        title,
        focus: None,
        task: None,
        questions: Vec::new(),
        notes: Vec::new(),
        line,
    }
}

/// Reads one numbered item as a step.
fn read_step(reader: &mut Reader<'_>, item: Node<'_>) -> Option<PathStep> {
    let line = reader.line(item.start());
    let mut inlines = item_inlines(item);
    let Some(head) = inlines.next() else {
        reader.warn(line, "empty learning-path step; expected `1. **Title**`");
        return None;
    };
    let mut step = empty_step(String::new(), line);
    match head.split_lead_strong() {
        Some((title, rest)) => {
            step.title = reader.text_in(head, title).into_owned();
            let rest = reader.text_in(head, rest);
            let rest = strip_separator(&rest).unwrap_or(&rest);
            if !rest.is_empty() {
                step.notes.push(rest.to_owned());
            }
        }
        None => step.title = reader.text(head).into_owned(),
    }
    for paragraph in inlines {
        let text = reader.text(paragraph);
        apply_part(&mut step, &text);
    }
    for nested in list_items(item.children()) {
        read_part(reader, nested, &mut step);
    }
    if step.title.is_empty() {
        reader.warn(
            line,
            "learning-path step has no title; expected `1. **Title**`",
        );
    }
    Some(step)
}

/// Reads one nested bullet of a step into its focus, task, questions or
/// notes.
fn read_part(reader: &mut Reader<'_>, item: Node<'_>, step: &mut PathStep) {
    let mut first_label = None;
    for (index, inline) in item_inlines(item).enumerate() {
        let text = reader.text(inline);
        let label = split_label(&text);
        if index == 0 {
            first_label = label.map(|(label, _)| label);
        }
        apply_label(step, &text, label);
    }
    if first_label == Some(Label::Questions) {
        for nested in list_items(item.children()) {
            for inline in item_inlines(nested) {
                step.questions.extend(split_questions(&reader.text(inline)));
            }
        }
    }
}

fn apply_part(step: &mut PathStep, text: &str) {
    apply_label(step, text, split_label(text));
}

/// Adds `text` to the step part that `label` names. `label` is the result
/// of [`split_label`] on `text`.
fn apply_label(step: &mut PathStep, text: &str, label: Option<(Label, &str)>) {
    match label {
        Some((Label::Focus, value)) => append(&mut step.focus, value),
        Some((Label::Task, value)) => append(&mut step.task, value),
        Some((Label::Questions, value)) => step.questions.extend(split_questions(value)),
        Some((Label::Answer, _)) | None => {
            if !text.is_empty() {
                step.notes.push(text.to_owned());
            }
        }
    }
}

/// Sets `field` to `value`, or appends it after a space when already set.
fn append(field: &mut Option<String>, value: &str) {
    if value.is_empty() {
        return;
    }
    match field {
        Some(existing) => {
            existing.push(' ');
            existing.push_str(value);
        }
        None => *field = Some(value.to_owned()),
    }
}
