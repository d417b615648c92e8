//! Schema migrations: numbered SQL files applied in order, tracked by
//! SQLite's `user_version`.

use rusqlite::Connection;

use super::{Store, StoreError};

/// One schema change, from `migrations/NNNN_name.sql`.
struct Migration {
    /// The schema version after this migration: the file's number.
    version: u32,
    sql: &'static str,
}

/// Every migration in order. A committed file is never edited: a change
/// to the schema is a new file with the next number, added here.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("../../migrations/0001_cards.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("../../migrations/0002_quiz_and_path.sql"),
    },
    Migration {
        version: 3,
        sql: include_str!("../../migrations/0003_queue_and_lesson_counts.sql"),
    },
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads the schema version stored in the database header.
pub(super) fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the migrations the database has not seen, all in one
/// transaction, so a failure leaves the schema as it was.
pub(super) fn apply(store: &mut Store) -> Result<(), StoreError> {
    if schema_version(&store.conn)? >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = store.write()?;
    // Another process may have migrated between the check and the lock.
    let current = schema_version(&tx)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(migration.sql)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version as usize, index + 1);
        }
    }
}
