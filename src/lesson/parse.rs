//! Markdown to [`Lesson`], on pulldown-cmark.

use std::path::{Path, PathBuf};

use super::Lesson;

/// Largest lesson file accepted, in bytes.
pub const MAX_LESSON_BYTES: usize = 16 * 1024 * 1024;

/// A problem that stops a file from being read as a lesson.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("{file}: not implemented")]
    Unimplemented { file: PathBuf },
}

/// Parses lesson text whose id is `id`; `file` is used in messages only.
pub fn parse(_file: &Path, _id: &str, _bytes: &[u8]) -> Result<Lesson, ParseError> {
    Err(ParseError::Unimplemented {
        file: _file.to_path_buf(),
    })
}

/// Reads and parses the lesson at `path`; the id is the file stem.
pub fn parse_file(path: &Path) -> Result<Lesson, ParseError> {
    Err(ParseError::Unimplemented {
        file: path.to_path_buf(),
    })
}
