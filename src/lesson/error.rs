//! Fatal parse errors: problems that stop a file from being read as a lesson.

use std::fmt;
use std::path::PathBuf;

use super::parse::MAX_LESSON_BYTES;

/// A problem that stops a file from being read as a lesson.
///
/// Every variant names the file; [`ParseError::line`] gives the line where
/// one applies. Recoverable problems are [`super::Diagnostic`] warnings on the
/// parsed lesson instead.
#[derive(Debug)]
pub enum ParseError {
    /// The file could not be read.
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_LESSON_BYTES`].
    TooLarge { file: PathBuf, bytes: u64 },
    /// The file has no text, or only whitespace and HTML comments.
    Empty { file: PathBuf },
    /// The bytes at `offset` are not valid UTF-8.
    NotUtf8 {
        file: PathBuf,
        offset: usize,
        line: usize,
    },
    /// No `# Title` heading was found.
    NoTitle { file: PathBuf },
}

impl ParseError {
    /// Returns the file the error is about.
    pub fn file(&self) -> &std::path::Path {
        match self {
            Self::Io { file, .. }
            | Self::TooLarge { file, .. }
            | Self::Empty { file }
            | Self::NotUtf8 { file, .. }
            | Self::NoTitle { file } => file,
        }
    }

    /// Returns the 1-based line the error points at, when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::NotUtf8 { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// Returns the message without the file and line prefix, for reports
    /// that print those separately.
    pub fn message(&self) -> String {
        match self {
            Self::Io { source, .. } => {
                format!("cannot read the file: {source}; check the path and permissions")
            }
            Self::TooLarge { bytes, .. } => format!(
                "file is {bytes} bytes, over the limit of {MAX_LESSON_BYTES} bytes (16 MiB); \
                 split it into several lesson files"
            ),
            Self::Empty { .. } => {
                "file is empty; a lesson needs at least a `# Title` line".to_owned()
            }
            Self::NotUtf8 { offset, .. } => {
                format!("invalid UTF-8 at byte offset {offset}; save the file with UTF-8 encoding")
            }
            Self::NoTitle { .. } => {
                "no `# Title` heading found; add one as the lesson's first line".to_owned()
            }
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file().display();
        match self.line() {
            Some(line) => write!(f, "{file}:{line}: {}", self.message()),
            None => write!(f, "{file}: {}", self.message()),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
