//! Keeping the lessons shipped in the binary imported and up to date.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rusqlite::OptionalExtension;

use super::{LessonFile, Store, StoreError, source_sha256};
use crate::builtin::BuiltinLesson;
use crate::lesson;

/// A shipped lesson that could not be synced; the rest are synced anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinWarning {
    pub file_name: &'static str,
    pub message: String,
}

impl Store {
    /// Imports each shipped lesson that is missing or whose text differs
    /// from the copy last imported. A lesson that fails to parse is skipped
    /// with a warning. A lesson whose id the learner imported from a file of
    /// their own is left alone.
    pub fn sync_builtin(
        &mut self,
        lessons: &[BuiltinLesson],
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<BuiltinWarning>, StoreError> {
        let mut warnings = Vec::new();
        let mut changed = Vec::new();
        for builtin in lessons {
            match self.builtin_update(builtin)? {
                Ok(Some(file)) => changed.push(file),
                Ok(None) => {}
                Err(message) => warnings.push(BuiltinWarning {
                    file_name: builtin.file_name,
                    message,
                }),
            }
        }
        if !changed.is_empty() {
            self.import_lessons(&changed, now)?;
        }
        Ok(warnings)
    }

    /// Returns the parsed lesson when `builtin` needs importing, `None` when
    /// it is current or overridden, and the parse error's message otherwise.
    fn builtin_update(
        &self,
        builtin: &BuiltinLesson,
    ) -> Result<Result<Option<LessonFile>, String>, StoreError> {
        let path = Path::new(builtin.file_name);
        let id = lesson_id(path);
        let source = format!("builtin:{}", builtin.file_name);
        let sha256 = source_sha256(builtin.text.as_bytes());
        let stored: Option<(String, String)> = self
            .conn
            .prepare_cached("select source, source_sha256 from lessons where id = ?1")?
            .query_row([&id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some((stored_source, stored_sha)) = stored
            && (!stored_source.starts_with("builtin:") || stored_sha == sha256)
        {
            return Ok(Ok(None));
        }
        Ok(match lesson::parse(path, &id, builtin.text.as_bytes()) {
            Ok(lesson) => Ok(Some(LessonFile {
                lesson,
                source,
                sha256,
            })),
            Err(err) => Err(err.to_string()),
        })
    }
}

/// Returns a lesson's id: its file name without the `.md` extension.
fn lesson_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}
