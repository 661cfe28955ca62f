//! The kiosk's local store: one SQLite file in the data folder.
//!
//! - Versioned migrations (`PRAGMA user_version`), all pending ones in one transaction: an
//!   upgrade applies them all or leaves the file as it was.
//! - WAL with `synchronous=FULL`: a write the resident saw confirmed survives a power cut.
//! - A damaged file, or one written by a newer Digidak, is reported and never touched.
//!
//! Only the store worker thread ([`worker`]) owns a [`Store`]; the UI never does.

mod activities;
mod board;
mod lessons;
mod outbox;
mod partners;
pub mod worker;

pub use activities::{ActivityView, SignupState, SignupView};
pub use board::{BoardCommand, BoardEvent, MyPost};
pub use lessons::LessonCounts;
pub use outbox::{DeadLetter, OutboxCounts, Pairing};

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

/// The file name inside the data folder.
pub const DB_FILE: &str = "kiosk.sqlite3";

/// Migrations, in order. Migration `i` brings the schema from version `i` to `i + 1`.
/// Never edit a migration that has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: help requests ("I need help") and a small key-value table.
    "CREATE TABLE meta (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
     ) STRICT;
     CREATE TABLE help_requests (
         id            TEXT PRIMARY KEY,
         created_at_ms INTEGER NOT NULL,
         first_name    TEXT,
         handled_at_ms INTEGER
     ) STRICT;
     CREATE INDEX help_requests_open ON help_requests (created_at_ms) WHERE handled_at_ms IS NULL;",
    // 2: the outbox of operations for the server, and where each help request was made.
    "ALTER TABLE help_requests ADD COLUMN kiosk_name TEXT;
     CREATE TABLE outbox (
         idx           INTEGER PRIMARY KEY,
         id            TEXT NOT NULL UNIQUE,
         kind          TEXT NOT NULL,
         payload       TEXT NOT NULL,
         kiosk_time_ms INTEGER NOT NULL,
         schema        INTEGER NOT NULL,
         status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
         reason        TEXT,
         done_at_ms    INTEGER
     ) STRICT;
     CREATE INDEX outbox_pending ON outbox (idx) WHERE status = 'pending';",
    // 3: lessons: resume codes made here, and anonymous counts.
    "CREATE TABLE lesson_resume (
         code       TEXT PRIMARY KEY,
         lesson     TEXT NOT NULL,
         step       INTEGER NOT NULL,
         lang       TEXT NOT NULL,
         created_ms INTEGER NOT NULL,
         expires_ms INTEGER NOT NULL
     ) STRICT;
     CREATE TABLE lesson_counts (
         day    TEXT NOT NULL,
         event  TEXT NOT NULL,
         topic  TEXT NOT NULL,
         lesson TEXT NOT NULL,
         count  INTEGER NOT NULL,
         PRIMARY KEY (day, event, topic, lesson)
     ) STRICT;",
    // 4: activities as the server last told them, and the site's sign-ups (those made here
    // first, until the server decides). block_used only grows: seats of this kiosk's block.
    "CREATE TABLE activities (
         id         TEXT PRIMARY KEY,
         record     TEXT NOT NULL,
         start      TEXT NOT NULL,
         free       INTEGER NOT NULL DEFAULT 0,
         confirmed  INTEGER NOT NULL DEFAULT 0,
         waitlisted INTEGER NOT NULL DEFAULT 0,
         my_block   INTEGER NOT NULL DEFAULT 0,
         block_used INTEGER NOT NULL DEFAULT 0
     ) STRICT;
     CREATE TABLE signups (
         id          TEXT PRIMARY KEY,
         activity_id TEXT NOT NULL,
         code        TEXT NOT NULL,
         first_name  TEXT NOT NULL,
         phone       TEXT,
         party       INTEGER NOT NULL,
         from_block  INTEGER NOT NULL DEFAULT 0,
         made_here   INTEGER NOT NULL DEFAULT 0,
         status      TEXT NOT NULL,
         seq         INTEGER,
         created_ms  INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX signups_code ON signups (code);
     CREATE INDEX signups_activity ON signups (activity_id);",
    // 5: check-ins at the door (the first one stands).
    "ALTER TABLE signups ADD COLUMN checked_in_ms INTEGER;",
    // 6: the ask & offer board: the site's posts (the server's state as JSON) and replies.
    "CREATE TABLE posts (
         id         TEXT PRIMARY KEY,
         code       TEXT NOT NULL,
         state      TEXT NOT NULL,
         status     TEXT NOT NULL,
         created_ms INTEGER NOT NULL,
         expires_ms INTEGER
     ) STRICT;
     CREATE INDEX posts_code ON posts (code);
     CREATE INDEX posts_status ON posts (status, created_ms);
     CREATE TABLE post_replies (
         id         TEXT PRIMARY KEY,
         post_id    TEXT NOT NULL,
         message    TEXT NOT NULL,
         contact    TEXT,
         created_ms INTEGER NOT NULL
     ) STRICT;
     CREATE INDEX post_replies_post ON post_replies (post_id, created_ms);",
    // 7: this kiosk's seat block as a lease (`activities::seats`): its number, its end by the
    // server's clock and the last lease given back; changes of kinds this release does not
    // know (from a newer server), kept to apply once a release knows them.
    "ALTER TABLE activities ADD COLUMN lease INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE activities ADD COLUMN lease_expires_ms INTEGER;
     ALTER TABLE activities ADD COLUMN released_lease INTEGER NOT NULL DEFAULT 0;
     CREATE TABLE kept_changes (
         seq     INTEGER PRIMARY KEY,
         kind    TEXT NOT NULL,
         payload TEXT NOT NULL
     ) STRICT;",
    // 8: the site's local partners ("Wie kan helpen"), as the server sent them.
    "CREATE TABLE partners (
         id     TEXT PRIMARY KEY,
         record TEXT NOT NULL
     ) STRICT;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is damaged or is not a Digidak database ({detail}). It was left untouched: \
         move it aside (keep it for recovery) and restart the kiosk"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer Digidak (schema {found}; this version knows up to \
         {supported}). It was left untouched: update this kiosk's software"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path} could not be brought from schema {from} to {to} ({source}). It was left as it \
         was: the previous Digidak version still opens it"
    )]
    Migration {
        path: PathBuf,
        from: u32,
        to: u32,
        source: rusqlite::Error,
    },
    /// What was asked breaks a rule (a care signal without the resident's consent).
    #[error("refused: {0}")]
    Refused(String),
    #[error("database error in {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot write {path}: {source}")]
    Export {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<digidak_sqlite::OpenError> for StoreError {
    fn from(e: digidak_sqlite::OpenError) -> Self {
        use digidak_sqlite::OpenError as O;
        match e {
            O::Folder { path, source } => StoreError::CreateDir { path, source },
            O::Corrupt { path, detail } => StoreError::Corrupt { path, detail },
            O::TooNew {
                path,
                found,
                supported,
            } => StoreError::TooNew {
                path,
                found,
                supported,
            },
            O::Migration {
                path,
                from,
                to,
                source,
            } => StoreError::Migration {
                path,
                from,
                to,
                source,
            },
            O::Sqlite { path, source } => StoreError::Sqlite { path, source },
        }
    }
}

/// A [`StoreError`] as the store worker hands it on in its events (which are cloned): shared,
/// and compared by what it says. The app and the UI show it with `Display`; nothing turns it
/// into a string before it reaches them.
#[derive(Debug, Clone)]
pub struct StoreFault(std::sync::Arc<StoreError>);

impl StoreFault {
    /// The error itself.
    pub fn error(&self) -> &StoreError {
        &self.0
    }
}

impl From<StoreError> for StoreFault {
    fn from(e: StoreError) -> Self {
        Self(std::sync::Arc::new(e))
    }
}

impl std::fmt::Display for StoreFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for StoreFault {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.0.as_ref())
    }
}

impl PartialEq for StoreFault {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl Eq for StoreFault {}

/// A request for a volunteer made at this kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRequest {
    pub id: String,
    pub created_at_ms: i64,
    pub first_name: Option<String>,
    /// The kiosk it was made at, when it came from another kiosk through the server.
    pub kiosk_name: Option<String>,
}

/// Facts about the open store, for the admin screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreInfo {
    pub path: PathBuf,
    pub schema_version: u32,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Dates what the store writes on its own (a lease given back while applying a pull): the
    /// real clock, or the kiosk's (`set_clock`).
    clock: std::sync::Arc<dyn digidak_core::clock::Clock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the store in `data_dir`, checking it before changing anything.
    pub fn open_in(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Self::open(&data_dir.join(DB_FILE))
    }

    /// Opens (or creates) the store file at `path`: checked before anything is written, all
    /// pending migrations in one transaction (`digidak_sqlite::open`).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let opened = digidak_sqlite::open(path, MIGRATIONS)?;
        if opened.found < SCHEMA_VERSION {
            tracing::info!(from = opened.found, to = SCHEMA_VERSION, "store migrated");
        }
        let mut store = Store {
            conn: opened.conn,
            path: path.to_path_buf(),
            clock: std::sync::Arc::new(digidak_core::clock::SystemClock),
        };
        // Changes of kinds an older release of this kiosk kept: this one may know them now.
        store.apply_kept_changes()?;
        Ok(store)
    }

    /// Creates a store file at schema `version` (an older one), as a previous release wrote
    /// it: for upgrade tests only.
    #[doc(hidden)]
    pub fn create_at_schema(path: &Path, version: u32) -> Result<(), StoreError> {
        Ok(digidak_sqlite::create_at_schema(path, MIGRATIONS, version)?)
    }

    /// The kiosk's clock, for what the store dates on its own.
    pub fn set_clock(&mut self, clock: std::sync::Arc<dyn digidak_core::clock::Clock>) {
        self.clock = clock;
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    pub fn info(&self) -> Result<StoreInfo, StoreError> {
        let schema_version = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(StoreInfo {
            path: self.path.clone(),
            schema_version,
        })
    }

    /// The value of a PRAGMA, for tests and diagnostics.
    pub fn pragma(&self, name: &str) -> Result<String, StoreError> {
        self.conn
            .query_row(&format!("PRAGMA {name}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| match v {
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .map_err(|e| self.err(e))
    }

    /// Records "I need help" and queues it for the server, in one transaction. The first
    /// name is optional, trimmed and cut to a sane length.
    pub fn add_help_request(
        &mut self,
        first_name: Option<&str>,
        now_ms: i64,
    ) -> Result<HelpRequest, StoreError> {
        let first_name = first_name
            .map(digidak_core::text::clean_name)
            .filter(|n| !n.is_empty());
        let request = HelpRequest {
            id: uuid::Uuid::now_v7().to_string(),
            created_at_ms: now_ms,
            first_name,
            kiosk_name: None,
        };
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        tx.execute(
            "INSERT INTO help_requests (id, created_at_ms, first_name) VALUES (?1, ?2, ?3)",
            params![request.id, request.created_at_ms, request.first_name],
        )
        .map_err(sqlite)?;
        outbox::enqueue(
            &tx,
            digidak_protocol::kinds::HELP_REQUESTED,
            &digidak_protocol::HelpRequested {
                id: request.id.clone(),
                created_at_ms: now_ms,
                first_name: request.first_name.clone(),
                kiosk_name: None,
            },
            now_ms,
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        Ok(request)
    }

    /// Help requests nobody has handled yet, oldest first.
    pub fn open_help_requests(&self) -> Result<Vec<HelpRequest>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, created_at_ms, first_name, kiosk_name FROM help_requests
                 WHERE handled_at_ms IS NULL ORDER BY created_at_ms, id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(HelpRequest {
                    id: r.get(0)?,
                    created_at_ms: r.get(1)?,
                    first_name: r.get(2)?,
                    kiosk_name: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Marks a help request handled and queues that for the server. Handling one twice
    /// changes nothing and queues nothing.
    pub fn mark_help_handled(&mut self, id: &str, now_ms: i64) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let n = tx
            .execute(
                "UPDATE help_requests SET handled_at_ms = ?2 WHERE id = ?1 AND handled_at_ms IS NULL",
                params![id, now_ms],
            )
            .map_err(sqlite)?;
        if n == 1 {
            outbox::enqueue(
                &tx,
                digidak_protocol::kinds::HELP_HANDLED,
                &digidak_protocol::HelpHandled {
                    id: id.to_string(),
                    handled_at_ms: now_ms,
                },
                now_ms,
            )
            .map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)?;
        Ok(n == 1)
    }

    /// Reads one help request by id, handled or not.
    pub fn help_request(&self, id: &str) -> Result<Option<HelpRequest>, StoreError> {
        self.conn
            .query_row(
                "SELECT id, created_at_ms, first_name, kiosk_name FROM help_requests WHERE id = ?1",
                [id],
                |r| {
                    Ok(HelpRequest {
                        id: r.get(0)?,
                        created_at_ms: r.get(1)?,
                        first_name: r.get(2)?,
                        kiosk_name: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}
