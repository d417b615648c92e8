//! A one-line text field for typed answers and notes, drawn on one row or
//! word-wrapped over several.
//!
//! The cursor moves and deletes by grapheme cluster, so a Cyrillic letter, a
//! letter with a combining accent or an emoji sequence is one step. Pasted
//! text arrives through [`TextInput::paste`] and is inserted as text: line
//! breaks and tabs become spaces and other control characters are dropped,
//! so nothing pasted can act as a key command or reach the terminal as an
//! escape sequence.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap::wrap_line;

/// The effect of a key on a [`TextInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputAction {
    /// The text changed.
    Edited,
    /// Only the cursor moved.
    Moved,
    /// Enter was pressed.
    Submit,
    /// Esc was pressed.
    Cancel,
    /// The field does not use the key, so the screen may handle it.
    Ignored,
}

/// The text of a field word-wrapped to a width, with the cursor's row and
/// column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedText {
    /// The wrapped rows. Spaces at a break are dropped, as
    /// [`wrap_line`] does.
    pub rows: Vec<String>,
    /// Row of the cursor. It is one past the last row when the cursor
    /// follows a row that fills the whole width.
    pub cursor_row: usize,
    /// Column of the cursor in its row, in terminal cells.
    pub cursor_column: usize,
}

/// The text and cursor of a one-line field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte offset of the cursor, always on a grapheme boundary.
    cursor: usize,
}

impl TextInput {
    /// Creates a field holding `text`, with the cursor at its end. The text
    /// is cleaned as pasted text is.
    pub fn with_text(text: &str) -> Self {
        let mut input = TextInput::default();
        input.paste(text);
        input
    }

    /// Returns the text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns the cursor's byte offset into [`TextInput::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Returns whether the field is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Empties the field and returns what it held.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        std::mem::take(&mut self.text)
    }

    /// Inserts one typed character at the cursor. Control characters are
    /// ignored.
    pub fn insert_char(&mut self, ch: char) -> InputAction {
        if ch.is_control() {
            return InputAction::Ignored;
        }
        self.text.insert(self.cursor, ch);
        self.cursor += ch.len_utf8();
        self.snap_cursor_forward();
        InputAction::Edited
    }

    /// Inserts pasted text at the cursor: line breaks and tabs become spaces,
    /// and other control characters are dropped.
    pub fn paste(&mut self, pasted: &str) -> InputAction {
        let clean = clean_pasted(pasted);
        if clean.is_empty() {
            return InputAction::Ignored;
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        self.snap_cursor_forward();
        InputAction::Edited
    }

    /// Moves the cursor one grapheme to the left.
    pub fn move_left(&mut self) -> InputAction {
        self.move_to(self.previous_boundary(self.cursor))
    }

    /// Moves the cursor one grapheme to the right.
    pub fn move_right(&mut self) -> InputAction {
        self.move_to(self.next_boundary(self.cursor))
    }

    /// Moves the cursor to the start of the word before it.
    pub fn move_word_left(&mut self) -> InputAction {
        self.move_to(self.word_start_before(self.cursor))
    }

    /// Moves the cursor past the end of the word after it.
    pub fn move_word_right(&mut self) -> InputAction {
        let end = self.text[self.cursor..]
            .split_word_bound_indices()
            .find(|(_, word)| word.chars().any(char::is_alphanumeric))
            .map_or(self.text.len(), |(offset, word)| {
                self.cursor + offset + word.len()
            });
        self.move_to(end)
    }

    /// Moves the cursor to the start of the text.
    pub fn home(&mut self) -> InputAction {
        self.move_to(0)
    }

    /// Moves the cursor to the end of the text.
    pub fn end(&mut self) -> InputAction {
        self.move_to(self.text.len())
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) -> InputAction {
        self.delete_range(self.previous_boundary(self.cursor), self.cursor)
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete(&mut self) -> InputAction {
        self.delete_range(self.cursor, self.next_boundary(self.cursor))
    }

    /// Deletes from the start of the word before the cursor to the cursor.
    pub fn delete_word_before(&mut self) -> InputAction {
        self.delete_range(self.word_start_before(self.cursor), self.cursor)
    }

    /// Deletes everything before the cursor.
    pub fn delete_to_start(&mut self) -> InputAction {
        self.delete_range(0, self.cursor)
    }

    /// Deletes everything after the cursor.
    pub fn delete_to_end(&mut self) -> InputAction {
        self.delete_range(self.cursor, self.text.len())
    }

    /// Applies a key press. Key releases are ignored, so terminals that
    /// report them never type a character twice.
    pub fn handle_key(&mut self, key: KeyEvent) -> InputAction {
        if key.kind == KeyEventKind::Release {
            return InputAction::Ignored;
        }
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter => InputAction::Submit,
            KeyCode::Esc => InputAction::Cancel,
            KeyCode::Left if control || alt => self.move_word_left(),
            KeyCode::Right if control || alt => self.move_word_right(),
            KeyCode::Left => self.move_left(),
            KeyCode::Right => self.move_right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            KeyCode::Backspace if control || alt => self.delete_word_before(),
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            // AltGr arrives as Control+Alt on Windows and types a character.
            KeyCode::Char(ch) if control && alt => self.insert_char(ch),
            KeyCode::Char(ch) if control => self.control_key(ch),
            KeyCode::Char(ch) if alt => self.alt_key(ch),
            KeyCode::Char(ch) => self.insert_char(ch),
            _ => InputAction::Ignored,
        }
    }

    /// Applies the Emacs-style control keys that shells and readline use.
    fn control_key(&mut self, ch: char) -> InputAction {
        match ch {
            'a' => self.home(),
            'e' => self.end(),
            'b' => self.move_left(),
            'f' => self.move_right(),
            'w' => self.delete_word_before(),
            'u' => self.delete_to_start(),
            'k' => self.delete_to_end(),
            'd' => self.delete(),
            _ => InputAction::Ignored,
        }
    }

    fn alt_key(&mut self, ch: char) -> InputAction {
        match ch {
            'b' => self.move_word_left(),
            'f' => self.move_word_right(),
            _ => InputAction::Ignored,
        }
    }

    /// Returns the part of the text that fits in `width` columns with the
    /// cursor visible, and the cursor's column inside it. When the text
    /// before the cursor is wider than the field, the view ends at the
    /// cursor.
    pub fn view(&self, width: u16) -> (&str, u16) {
        let width = usize::from(width);
        let before_cursor = &self.text[..self.cursor];
        // The view starts at the first grapheme from which the text up to
        // the cursor leaves one column free for the cursor itself.
        let start = before_cursor
            .grapheme_indices(true)
            .map(|(offset, _)| offset)
            .find(|&offset| before_cursor[offset..].width() < width)
            .unwrap_or_else(|| self.previous_boundary(self.cursor));
        let column = before_cursor[start..].width();
        let mut end = self.cursor;
        let mut used = column;
        for grapheme in self.text[self.cursor..].graphemes(true) {
            used += grapheme.width();
            if used > width {
                break;
            }
            end += grapheme.len();
        }
        (
            &self.text[start..end],
            u16::try_from(column).unwrap_or(u16::MAX),
        )
    }

    /// Word-wraps the text to `width` cells and finds the cursor's row and
    /// column in the result. The text itself stays one line.
    pub fn wrap(&self, width: u16) -> WrappedText {
        let rows: Vec<String> = wrap_line(&Line::from(self.text.as_str()), width)
            .iter()
            .map(Line::to_string)
            .collect();
        // Each row is a slice of the text in order, and only break spaces
        // lie between rows, so searching forward finds each row's start.
        let mut cursor_row = 0;
        let mut cursor_column = 0;
        let mut position = 0;
        for (index, row) in rows.iter().enumerate() {
            let start = self.text[position..]
                .find(row.as_str())
                .map_or(position, |offset| position + offset);
            if start > self.cursor && index > 0 {
                break;
            }
            cursor_row = index;
            cursor_column = self.text[start..self.cursor.max(start)].width();
            position = start + row.len();
        }
        if cursor_column >= usize::from(width) {
            cursor_row += 1;
            cursor_column = 0;
        }
        WrappedText {
            rows,
            cursor_row,
            cursor_column,
        }
    }

    /// Draws the text word-wrapped over `area`'s rows. When the text has
    /// more rows than `area`, the view starts at the first row while not
    /// `focused` and ends at the cursor's row while `focused`, and then the
    /// terminal cursor is placed on it.
    pub fn render_wrapped(&self, frame: &mut Frame<'_>, area: Rect, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let wrapped = self.wrap(area.width);
        let height = usize::from(area.height);
        let first = match focused {
            true => (wrapped.cursor_row + 1).saturating_sub(height),
            false => 0,
        };
        let lines: Vec<Line<'_>> = wrapped
            .rows
            .iter()
            .skip(first)
            .take(height)
            .map(|row| Line::styled(row.as_str(), style))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        if focused {
            let row = u16::try_from(wrapped.cursor_row - first).unwrap_or(u16::MAX);
            let column = u16::try_from(wrapped.cursor_column).unwrap_or(u16::MAX);
            frame.set_cursor_position(Position::new(
                area.x.saturating_add(column.min(area.width - 1)),
                area.y.saturating_add(row.min(area.height - 1)),
            ));
        }
    }

    /// Draws the field into `area`'s first row and, when `focused`, places
    /// the terminal cursor in it.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let row = Rect { height: 1, ..area };
        let (visible, column) = self.view(area.width);
        frame.render_widget(Span::styled(visible, style), row);
        if focused {
            let x = area
                .x
                .saturating_add(column.min(area.width.saturating_sub(1)));
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }

    fn move_to(&mut self, offset: usize) -> InputAction {
        if offset == self.cursor {
            return InputAction::Ignored;
        }
        self.cursor = offset;
        InputAction::Moved
    }

    fn delete_range(&mut self, start: usize, end: usize) -> InputAction {
        if start >= end {
            return InputAction::Ignored;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        InputAction::Edited
    }

    fn previous_boundary(&self, offset: usize) -> usize {
        self.text[..offset]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(start, _)| start)
    }

    fn next_boundary(&self, offset: usize) -> usize {
        self.text[offset..]
            .graphemes(true)
            .next()
            .map_or(offset, |grapheme| offset + grapheme.len())
    }

    fn word_start_before(&self, offset: usize) -> usize {
        self.text[..offset]
            .split_word_bound_indices()
            .rev()
            .find(|(_, word)| word.chars().any(char::is_alphanumeric))
            .map_or(0, |(start, _)| start)
    }

    /// Moves the cursor forward to a grapheme boundary after an insertion
    /// joined the inserted text with what follows (a letter typed before a
    /// combining mark, for example).
    fn snap_cursor_forward(&mut self) {
        let inside = self
            .text
            .grapheme_indices(true)
            .map(|(start, grapheme)| (start, start + grapheme.len()))
            .find(|&(start, end)| start < self.cursor && self.cursor < end);
        if let Some((_, end)) = inside {
            self.cursor = end;
        }
    }
}

/// Returns pasted text with line breaks and tabs as spaces and other control
/// characters removed. A CR LF pair becomes one space.
fn clean_pasted(pasted: &str) -> String {
    pasted
        .replace("\r\n", " ")
        .chars()
        .filter_map(|ch| match ch {
            '\n' | '\r' | '\t' => Some(' '),
            ch if ch.is_control() => None,
            ch => Some(ch),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn control(ch: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(ch), KeyModifiers::CONTROL)
    }

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        for ch in text.chars() {
            input.handle_key(press(KeyCode::Char(ch)));
        }
        input
    }

    #[test]
    fn typing_cyrillic_places_cursor_at_end() {
        let input = typed("рефлукс");
        assert_eq!(input.text(), "рефлукс");
        assert_eq!(input.cursor(), "рефлукс".len());
    }

    #[test]
    fn backspace_removes_whole_grapheme() {
        // "й" written as "и" plus a combining breve is one grapheme.
        let mut input = TextInput::with_text("ма\u{0438}\u{0306}");
        assert_eq!(input.backspace(), InputAction::Edited);
        assert_eq!(input.text(), "ма");
        let mut flag = TextInput::with_text("a\u{1F1E7}\u{1F1EC}");
        flag.backspace();
        assert_eq!(flag.text(), "a");
    }

    #[test]
    fn letter_typed_before_combining_mark_joins_it() {
        let mut input = TextInput::with_text("\u{0301}");
        input.home();
        input.insert_char('е');
        assert_eq!(input.text(), "е\u{0301}");
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn arrows_move_by_grapheme() {
        let mut input = TextInput::with_text("бе\u{0301}х");
        input.move_left();
        assert_eq!(&input.text()[input.cursor()..], "х");
        input.move_left();
        assert_eq!(&input.text()[input.cursor()..], "е\u{0301}х");
        input.handle_key(press(KeyCode::Delete));
        assert_eq!(input.text(), "бх");
        input.handle_key(press(KeyCode::Char('ю')));
        assert_eq!(input.text(), "бюх");
    }

    #[test]
    fn insert_in_middle_and_home_end() {
        let mut input = TextInput::with_text("плто");
        input.home();
        input.move_right();
        input.move_right();
        input.insert_char('а');
        assert_eq!(input.text(), "плато");
        input.end();
        assert_eq!(input.move_right(), InputAction::Ignored);
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn word_keys_move_and_delete() {
        let mut input = TextInput::with_text("меки етикети, softmax");
        assert_eq!(input.handle_key(control('w')), InputAction::Edited);
        assert_eq!(input.text(), "меки етикети, ");
        input.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
        assert_eq!(&input.text()[input.cursor()..], "етикети, ");
        input.handle_key(KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL));
        assert_eq!(&input.text()[input.cursor()..], ", ");
        input.handle_key(control('u'));
        assert_eq!(input.text(), ", ");
        input.handle_key(control('k'));
        assert_eq!(input.text(), "");
    }

    #[test]
    fn paste_is_text_not_commands() {
        let mut input = TextInput::default();
        let action = input.paste("ред 1\r\nред 2\n\tq\u{1b}[2J\u{7}");
        assert_eq!(action, InputAction::Edited);
        assert_eq!(input.text(), "ред 1 ред 2  q[2J");
        assert_eq!(input.paste("\u{1b}"), InputAction::Ignored);
    }

    #[test]
    fn enter_submits_and_esc_cancels() {
        let mut input = typed("x");
        assert_eq!(input.handle_key(press(KeyCode::Enter)), InputAction::Submit);
        assert_eq!(input.handle_key(press(KeyCode::Esc)), InputAction::Cancel);
        assert_eq!(input.handle_key(press(KeyCode::Tab)), InputAction::Ignored);
        assert_eq!(input.handle_key(control('x')), InputAction::Ignored);
        assert_eq!(input.text(), "x");
    }

    #[test]
    fn key_release_types_nothing() {
        let mut input = TextInput::default();
        let mut release = press(KeyCode::Char('a'));
        release.kind = KeyEventKind::Release;
        assert_eq!(input.handle_key(release), InputAction::Ignored);
        assert!(input.is_empty());
    }

    #[test]
    fn view_scrolls_to_keep_cursor_visible() {
        let input = TextInput::with_text("дестилационна колона");
        assert_eq!(input.view(8), (" колона", 7));
        let mut start = input.clone();
        start.home();
        assert_eq!(start.view(8), ("дестилац", 0));
    }

    #[test]
    fn view_counts_wide_characters_as_two_columns() {
        let input = TextInput::with_text("蒸馏");
        assert_eq!(input.view(10), ("蒸馏", 4));
        assert_eq!(input.view(3), ("馏", 2));
    }

    #[test]
    fn take_empties_field() {
        let mut input = TextInput::with_text("отговор");
        assert_eq!(input.take(), "отговор");
        assert!(input.is_empty());
        assert_eq!(input.cursor(), 0);
    }

    fn cursor_place(wrapped: &WrappedText) -> (usize, usize) {
        (wrapped.cursor_row, wrapped.cursor_column)
    }

    #[test]
    fn wrap_breaks_at_spaces_by_width() {
        let input = TextInput::with_text("кипникът е най-горещ");
        let wrapped = input.wrap(10);
        assert_eq!(wrapped.rows, ["кипникът е", "най-горещ"]);
        assert_eq!(cursor_place(&wrapped), (1, 9));
    }

    #[test]
    fn wrap_places_cursor_on_its_row() {
        let mut input = TextInput::with_text("кипникът е най-горещ");
        input.home();
        assert_eq!(cursor_place(&input.wrap(10)), (0, 0));
        for _ in 0.."кипникът е ".chars().count() {
            input.move_right();
        }
        assert_eq!(cursor_place(&input.wrap(10)), (1, 0));
        input.move_left();
        assert_eq!(cursor_place(&input.wrap(10)), (1, 0));
        input.move_left();
        assert_eq!(cursor_place(&input.wrap(10)), (0, 9));
    }

    #[test]
    fn wrap_moves_cursor_past_full_row() {
        let input = TextInput::with_text("плато");
        let wrapped = input.wrap(5);
        assert_eq!(wrapped.rows, ["плато"]);
        assert_eq!(cursor_place(&wrapped), (1, 0));
    }

    #[test]
    fn wrap_counts_wide_characters() {
        let input = TextInput::with_text("蒸馏塔 柱");
        let wrapped = input.wrap(4);
        assert_eq!(wrapped.rows, ["蒸馏", "塔", "柱"]);
        assert_eq!(cursor_place(&wrapped), (2, 2));
    }

    #[test]
    fn wrap_of_empty_text() {
        let wrapped = TextInput::default().wrap(10);
        assert_eq!(wrapped.rows, [""]);
        assert_eq!(cursor_place(&wrapped), (0, 0));
    }
}
