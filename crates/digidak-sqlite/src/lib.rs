//! The one way Digidak opens a SQLite file, for the kiosk's store and the server alike:
//!
//! 1. read-only checks first (`quick_check`, the schema version), so a damaged file or one
//!    written by a newer release is reported and never written to;
//! 2. WAL with `synchronous = FULL` (a write that was confirmed survives a power cut), foreign
//!    keys, a busy timeout, `secure_delete` (forgotten personal data is overwritten);
//! 3. every pending migration in ONE transaction: an upgrade applies all of them or leaves the
//!    file byte-for-byte as the previous release wrote it.
//!
//! Migration `i` of the list brings the schema (`PRAGMA user_version`) from `i` to `i + 1`.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot make the folder of {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is damaged or not a database ({detail}); it was left untouched")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer release (schema {found}, this one knows up to {supported}); it was left untouched"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "migration of {path} from schema {from} to {to} failed ({source}); the file was left as it was"
    )]
    Migration {
        path: PathBuf,
        from: u32,
        to: u32,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

/// An open, checked and migrated database.
#[derive(Debug)]
pub struct Opened {
    pub conn: Connection,
    /// The schema version the file had before this opening migrated it.
    pub found: u32,
}

/// Opens (or creates) the database at `path` for reading and writing: checks, pragmas, and
/// every pending one of `migrations` in one transaction. Transactions of the returned
/// connection take the write lock when they begin (`IMMEDIATE`), so two connections to one
/// file wait for each other (busy timeout) instead of failing when a read turns into a write.
pub fn open(path: &Path, migrations: &[&str]) -> Result<Opened, OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| OpenError::Folder {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    let found = check(&conn, path, migrations.len() as u32)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(sqlite)?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(%mode, "SQLite refused WAL mode");
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;
         PRAGMA secure_delete = ON;",
    )
    .map_err(sqlite)?;
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    migrate(&mut conn, path, migrations)?;
    Ok(Opened { conn, found })
}

/// A read-only connection to a database [`open`] made: for readers beside the one writer.
pub fn open_read_only(path: &Path) -> Result<Connection, OpenError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| c.execute_batch("PRAGMA busy_timeout = 5000;").map(|_| c))
    .map_err(|source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(conn)
}

/// The read-only checks: the file is whole, and not newer than `supported`. Returns its
/// schema version.
fn check(conn: &Connection, path: &Path, supported: u32) -> Result<u32, OpenError> {
    let corrupt = |detail: String| OpenError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    if check != "ok" {
        return Err(corrupt(check));
    }
    let found: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    if found > supported {
        return Err(OpenError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(found)
}

/// Every pending migration in ONE transaction.
fn migrate(conn: &mut Connection, path: &Path, migrations: &[&str]) -> Result<(), OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let latest = migrations.len() as u32;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    // Another connection may have migrated while this one waited for the write lock.
    let from: u32 = tx
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sqlite)?;
    if from >= latest {
        return Ok(());
    }
    for (i, sql) in migrations.iter().enumerate().skip(from as usize) {
        let to = i as u32 + 1;
        tx.execute_batch(sql)
            .map_err(|source| OpenError::Migration {
                path: path.to_path_buf(),
                from,
                to,
                source,
            })?;
        tx.pragma_update(None, "user_version", to).map_err(sqlite)?;
    }
    tx.commit().map_err(sqlite)?;
    tracing::info!(from, to = latest, "database migrated");
    Ok(())
}

/// Creates a database at schema `version` (an older one), as a previous release wrote it: for
/// upgrade tests.
#[doc(hidden)]
pub fn create_at_schema(path: &Path, migrations: &[&str], version: u32) -> Result<(), OpenError> {
    let sqlite = |source| OpenError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let version = version.min(migrations.len() as u32);
    let mut conn = Connection::open(path).map_err(sqlite)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(sqlite)?;
    let tx = conn.transaction().map_err(sqlite)?;
    for sql in &migrations[..version as usize] {
        tx.execute_batch(sql).map_err(sqlite)?;
    }
    tx.pragma_update(None, "user_version", version)
        .map_err(sqlite)?;
    tx.commit().map_err(sqlite)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIGRATIONS: &[&str] = &["CREATE TABLE a (x INTEGER);", "CREATE TABLE b (y INTEGER);"];

    #[test]
    fn a_new_file_gets_every_migration_and_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/db.sqlite3");
        let opened = open(&path, MIGRATIONS).unwrap();
        assert_eq!(opened.found, 0);
        let v: u32 = opened
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 2);
        let mode: String = opened
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_failing_migration_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite3");
        create_at_schema(&path, MIGRATIONS, 1).unwrap();
        let broken = [MIGRATIONS[0], MIGRATIONS[1], "CREATE TABLE a (x INTEGER);"];
        let err = open(&path, &broken).unwrap_err();
        assert!(
            matches!(err, OpenError::Migration { from: 1, to: 3, .. }),
            "{err}"
        );
        let v: u32 = Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 1, "neither of the two pending migrations applied");
    }

    #[test]
    fn a_newer_or_damaged_file_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite3");
        create_at_schema(&path, MIGRATIONS, 2).unwrap();
        assert!(matches!(
            open(&path, &MIGRATIONS[..1]),
            Err(OpenError::TooNew {
                found: 2,
                supported: 1,
                ..
            })
        ));
        let junk = dir.path().join("junk.sqlite3");
        std::fs::write(&junk, b"this is not a database, not at all, really").unwrap();
        let before = std::fs::read(&junk).unwrap();
        assert!(matches!(
            open(&junk, MIGRATIONS),
            Err(OpenError::Corrupt { .. })
        ));
        assert_eq!(std::fs::read(&junk).unwrap(), before);
    }
}
