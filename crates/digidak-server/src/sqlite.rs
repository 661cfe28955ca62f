//! The server's SQLite store: one file, WAL, `synchronous=FULL`, one writer connection.
//!
//! The rules run over [`SqliteTx`] (see [`crate::storage`]); this file opens and commits the
//! transactions around them, groups pushes into one commit, and answers the read-only
//! questions (lists, pulls, numbers, sessions).

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::schema::MIGRATIONS;
use super::{
    AdminSession, KioskAuth, KioskRow, LessonCountRow, ServerError, ServerStore,
    SignupWithActivity, hash_secret, kiosks,
};
use crate::sqlite_tx::SqliteTx;
use digidak_protocol::{
    ActivityRecord, ActivityState, Change, PROTOCOL_VERSION, PairResponse, PullResponse,
    PushRequest, PushResponse, ResumeResponse, SignupStatus, StatusResponse,
};

pub struct SqliteServerStore {
    /// The one writer: SQLite takes one write transaction at a time anyway.
    conn: Mutex<Connection>,
    /// Read-only connections for token checks, pulls and status (WAL lets them read while
    /// the writer writes), so a burst of kiosks does not queue its reads behind pushes.
    readers: Vec<Mutex<Connection>>,
    next_reader: std::sync::atomic::AtomicUsize,
    /// Pushes waiting to be committed together.
    group: crate::group_commit::GroupCommit,
}

/// How many read connections the server keeps.
const READERS: usize = 4;

impl SqliteServerStore {
    /// Opens (or creates) the server database. A damaged or newer file is refused, untouched.
    pub fn open(path: &Path) -> Result<Self, ServerError> {
        let open_err = |e: digidak_sqlite::OpenError| ServerError::Open {
            path: path.display().to_string(),
            detail: e.to_string(),
        };
        let opened = digidak_sqlite::open(path, MIGRATIONS).map_err(open_err)?;
        let conn = opened.conn;
        let readers = (0..READERS)
            .map(|_| digidak_sqlite::open_read_only(path).map(Mutex::new))
            .collect::<Result<_, _>>()
            .map_err(open_err)?;
        Ok(Self {
            conn: Mutex::new(conn),
            readers,
            next_reader: std::sync::atomic::AtomicUsize::new(0),
            group: Default::default(),
        })
    }

    /// A read connection, taken in turn.
    pub(super) fn reader(&self) -> std::sync::MutexGuard<'_, Connection> {
        let i = self
            .next_reader
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            % self.readers.len();
        self.readers[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction half-applied (SQLite rolls
        // back an unfinished transaction when it is dropped), so the connection stays usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs a forgetting step (`f` returns how many rows it emptied) in one write transaction;
    /// when it emptied any, checkpoints the WAL so old values do not linger there either.
    pub(super) fn forget(
        &self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<usize, ServerError>,
    ) -> Result<usize, ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = f(&mut SqliteTx(&tx))?;
        tx.commit()?;
        if n > 0 {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(n)
    }

    /// Runs a rule in one write transaction, committed if it returns `Ok`.
    pub(super) fn write<T>(
        &self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&mut SqliteTx(&tx))?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs a read on a read connection.
    pub(super) fn read<T>(
        &self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        f(&mut SqliteTx(&self.reader()))
    }

    fn last_seq(conn: &Connection, site: &str) -> rusqlite::Result<u64> {
        conn.prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE site = ?1")?
            .query_row([site], |r| r.get::<_, i64>(0))
            .map(|v| v as u64)
    }
}

impl ServerStore for SqliteServerStore {
    fn login_begin(&self, name: &str, network: &str, now_ms: i64) -> Result<bool, ServerError> {
        self.write(|tx| crate::logins::begin(tx, name, network, now_ms))
    }

    fn login_succeeded(&self, name: &str, network: &str) -> Result<(), ServerError> {
        self.write(|tx| crate::logins::succeeded(tx, name, network))
    }

    fn ping(&self) -> Result<(), ServerError> {
        Ok(self.reader().query_row("SELECT 1", [], |_| Ok(()))?)
    }

    fn add_kiosk(&self, name: &str, site: &str, now_ms: i64) -> Result<String, ServerError> {
        self.write(|tx| kiosks::add(tx, name, site, now_ms))
    }

    fn list_kiosks(&self) -> Result<Vec<KioskRow>, ServerError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT name, site, token_hash IS NOT NULL, revoked_ms IS NOT NULL, last_seen_ms,
                    app_version, outbox_len, dead_letters, last_frame_ms, skew_ms, protocol
             FROM kiosks ORDER BY site, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KioskRow {
                name: r.get(0)?,
                site: r.get(1)?,
                paired: r.get(2)?,
                revoked: r.get(3)?,
                last_seen_ms: r.get(4)?,
                app_version: r.get(5)?,
                outbox_len: r.get(6)?,
                dead_letters: r.get(7)?,
                last_frame_ms: r.get(8)?,
                skew_ms: r.get(9)?,
                protocol: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn revoke_kiosk(&self, name: &str, now_ms: i64) -> Result<bool, ServerError> {
        self.write(|tx| kiosks::revoke(tx, name, now_ms))
    }

    fn pair(
        &self,
        code: &str,
        _app_version: &str,
        first_index: u64,
        now_ms: i64,
    ) -> Result<PairResponse, ServerError> {
        self.write(|tx| kiosks::pair(tx, code, first_index, now_ms))
    }

    fn record_kiosk_version(
        &self,
        kiosk: &KioskAuth,
        protocol: u32,
        app_version: &str,
        now_ms: i64,
    ) -> Result<(), ServerError> {
        self.conn().execute(
            "UPDATE kiosks SET protocol = ?2, app_version = ?3, last_seen_ms = ?4 WHERE id = ?1",
            params![
                kiosk.id,
                protocol,
                app_version.chars().take(40).collect::<String>(),
                now_ms
            ],
        )?;
        Ok(())
    }

    fn authenticate(&self, token: &str) -> Result<Option<KioskAuth>, ServerError> {
        if token.len() != 64 {
            return Ok(None);
        }
        Ok(self
            .reader()
            .prepare_cached(
                "SELECT id, name, site FROM kiosks WHERE token_hash = ?1 AND revoked_ms IS NULL",
            )?
            .query_row([hash_secret(token)], |r| {
                Ok(KioskAuth {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    site: r.get(2)?,
                })
            })
            .optional()?)
    }

    fn push(
        &self,
        kiosk: &KioskAuth,
        request: PushRequest,
        now_ms: i64,
    ) -> Result<PushResponse, ServerError> {
        // Group commit (`group_commit.rs`): the writer connection's lock makes the writer.
        let who = crate::group_commit::Pusher::Kiosk(kiosk.clone());
        self.group
            .push(
                who,
                request,
                now_ms,
                || self.conn(),
                |mut conn, taken| {
                    let mut db_tx =
                        conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    let jobs = taken.take();
                    let mut answers = Vec::with_capacity(jobs.len());
                    for job in jobs {
                        let sp = db_tx.savepoint()?;
                        let mut tx = SqliteTx(&sp);
                        match kiosks::push_as(&mut tx, &job.who, &job.request, job.now_ms) {
                            Ok(answer) => {
                                sp.commit()?;
                                answers.push(Ok(answer));
                            }
                            // Dropping the savepoint rolls back this push only.
                            Err(e) => answers.push(Err(e)),
                        }
                    }
                    db_tx.commit()?;
                    Ok(answers)
                },
            )
            .map(|(_, resp)| resp)
    }

    fn pull(&self, kiosk: &KioskAuth, after: u64, limit: u64) -> Result<PullResponse, ServerError> {
        let limit = limit.clamp(1, digidak_protocol::MAX_PULL_CHANGES);
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT seq, kind, payload FROM changes WHERE site = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let mut changes = stmt
            .query_map(
                params![
                    kiosk.site,
                    after.min(i64::MAX as u64) as i64,
                    (limit + 1) as i64
                ],
                |r| {
                    let payload: String = r.get(2)?;
                    Ok(Change {
                        seq: r.get::<_, i64>(0)? as u64,
                        kind: r.get(1)?,
                        payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
                    })
                },
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let more = changes.len() as u64 > limit;
        changes.truncate(limit as usize);
        let last_seq = Self::last_seq(&conn, &kiosk.site)?;
        let next_after = changes.last().map_or(after, |c| c.seq);
        Ok(PullResponse {
            changes,
            last_seq,
            more,
            next_after: Some(next_after),
        })
    }

    fn status(&self, kiosk: &KioskAuth, now_ms: i64) -> Result<StatusResponse, ServerError> {
        let conn = self.reader();
        let (next, code_range): (i64, Option<u32>) = conn
            .prepare_cached("SELECT next_index, code_range FROM kiosks WHERE id = ?1")?
            .query_row([&kiosk.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(StatusResponse {
            protocol: PROTOCOL_VERSION,
            kiosk_id: kiosk.id.clone(),
            name: kiosk.name.clone(),
            site: kiosk.site.clone(),
            next_index: next as u64,
            last_seq: Self::last_seq(&conn, &kiosk.site)?,
            server_time_ms: now_ms,
            code_range,
            min_protocol: Some(digidak_protocol::MIN_PROTOCOL_VERSION),
            // The HTTP layer fills in what its admin configured.
            recommended_version: None,
        })
    }

    fn usage_counts(&self) -> Result<Vec<(String, String, String, i64)>, ServerError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT site, day, name, count FROM usage_counts ORDER BY site, day, name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn find_resume(&self, code: &str, now_ms: i64) -> Result<Option<ResumeResponse>, ServerError> {
        let conn = self.reader();
        let row = conn
            .prepare_cached(
                "SELECT lesson, step, lang FROM lesson_resume WHERE code = ?1 AND expires_ms > ?2",
            )?
            .query_row(params![code, now_ms], |r| {
                Ok(ResumeResponse {
                    lesson: r.get(0)?,
                    step: r.get(1)?,
                    lang: r.get(2)?,
                })
            })
            .optional()?;
        Ok(row)
    }

    fn save_activity(&self, site: &str, a: &ActivityRecord, now: i64) -> Result<(), ServerError> {
        self.write(|tx| super::activities::save(tx, site, a, now)?.map_err(ServerError::from))
    }

    fn activity_site(&self, id: &str) -> Result<Option<String>, ServerError> {
        let conn = self.reader();
        Ok(conn
            .query_row("SELECT site FROM activities WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn activities(&self, site: &str) -> Result<Vec<ActivityState>, ServerError> {
        self.read(|tx| super::activities::list(tx, site))
    }

    fn signups(&self, activity_id: &str) -> Result<Vec<SignupStatus>, ServerError> {
        self.read(|tx| super::activities::signups(tx, activity_id))
    }

    fn signup_by_token(&self, token: &str) -> Result<Option<SignupWithActivity>, ServerError> {
        self.read(|tx| super::activities::by_token(tx, token))
    }

    fn cancel_by_token(&self, token: &str, now_ms: i64) -> Result<usize, ServerError> {
        self.write(|tx| super::activities::cancel_by_token(tx, token, now_ms))
    }

    fn forget_old_signups(&self, days: u32, now_ms: i64) -> Result<usize, ServerError> {
        self.forget(|tx| super::activities::forget_old_signups(tx, days, now_ms))
    }

    fn sites(&self) -> Result<Vec<String>, ServerError> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare("SELECT site FROM kiosks UNION SELECT site FROM activities ORDER BY 1")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn numbers(&self) -> Result<Vec<super::numbers::NumberRow>, ServerError> {
        Ok(super::numbers::all(&self.reader())?)
    }

    fn backup(&self, to: &Path) -> Result<(), ServerError> {
        let conn = self.reader();
        let mut dest = Connection::open(to)?;
        // SQLite's online backup API: pages are copied in steps; writers go on meanwhile.
        let b = rusqlite::backup::Backup::new(&conn, &mut dest)?;
        b.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        Ok(())
    }

    fn set_admin(&self, name: &str, password_hash: &str, now_ms: i64) -> Result<(), ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO admins (name, hash, created_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET hash = ?2",
            params![name, password_hash, now_ms],
        )?;
        // A new password ends every session of the name.
        tx.execute("DELETE FROM admin_sessions WHERE admin = ?1", [name])?;
        Ok(tx.commit()?)
    }

    fn admin_password_hash(&self, name: &str) -> Result<Option<String>, ServerError> {
        Ok(self
            .reader()
            .query_row("SELECT hash FROM admins WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn create_session(&self, s: &AdminSession, token_hash: &str) -> Result<(), ServerError> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM admin_sessions WHERE expires_ms < ?1",
            [s.created_ms],
        )?;
        conn.execute(
            "INSERT INTO admin_sessions (token_hash, admin, csrf, created_ms, expires_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![token_hash, s.admin, s.csrf, s.created_ms, s.expires_ms],
        )?;
        Ok(())
    }

    fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<AdminSession>, ServerError> {
        Ok(self
            .reader()
            .query_row(
                "SELECT admin, csrf, created_ms, expires_ms FROM admin_sessions
                 WHERE token_hash = ?1 AND expires_ms > ?2",
                params![token_hash, now_ms],
                |r| {
                    Ok(AdminSession {
                        admin: r.get(0)?,
                        csrf: r.get(1)?,
                        created_ms: r.get(2)?,
                        expires_ms: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    fn end_session(&self, token_hash: &str) -> Result<(), ServerError> {
        self.conn().execute(
            "DELETE FROM admin_sessions WHERE token_hash = ?1",
            [token_hash],
        )?;
        Ok(())
    }

    fn lesson_counts(&self) -> Result<Vec<LessonCountRow>, ServerError> {
        let conn = self.reader();
        let mut stmt = conn.prepare(
            "SELECT site, substr(day, 1, 7) AS month, event, topic, SUM(count) FROM lesson_counts
             GROUP BY site, month, event, topic ORDER BY site, month, event, topic",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl crate::storage::Transactions for SqliteServerStore {
    fn write_tx<T>(
        &self,
        f: impl FnOnce(&mut dyn crate::storage::Tx) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        self.write(|tx| f(tx))
    }

    fn read_tx<T>(
        &self,
        f: impl FnOnce(&mut dyn crate::storage::Tx) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        self.read(|tx| f(tx))
    }

    fn forget_tx(
        &self,
        f: impl FnOnce(&mut dyn crate::storage::Tx) -> Result<usize, ServerError>,
    ) -> Result<usize, ServerError> {
        self.forget(|tx| f(tx))
    }
}
