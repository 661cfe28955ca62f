//! The server's SQLite store: one file, WAL, `synchronous=FULL`, one writer connection.
//!
//! Push is idempotent: each op is keyed by (kiosk, index) and by its UUID, so a retried page,
//! or the same op in two pages, is stored and applied once.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::schema::MIGRATIONS;
use super::{
    AdminSession, KioskAuth, KioskRow, LessonCountRow, ServerError, ServerStore,
    SignupWithActivity, apply, hash_secret, normalize_code,
};
use digidak_protocol::{
    ActivityRecord, ActivityState, Change, OpResult, OpStatus, PROTOCOL_VERSION, PairResponse,
    PullResponse, PushRequest, PushResponse, ResumeResponse, SignupStatus, StatusResponse,
};

/// How long a pairing code stays valid.
pub const PAIRING_VALID_MS: i64 = 24 * 60 * 60 * 1000;

pub struct SqliteServerStore {
    /// The one writer: SQLite takes one write transaction at a time anyway.
    conn: Mutex<Connection>,
    /// Read-only connections for token checks, pulls and status (WAL lets them read while
    /// the writer writes), so a burst of kiosks does not queue its reads behind pushes.
    readers: Vec<Mutex<Connection>>,
    next_reader: std::sync::atomic::AtomicUsize,
    /// Pushes waiting to be committed together.
    queue: Mutex<Vec<PushJob>>,
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
            queue: Mutex::new(Vec::new()),
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
        f: impl FnOnce(&Connection) -> rusqlite::Result<usize>,
    ) -> Result<usize, ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = f(&tx)?;
        tx.commit()?;
        if n > 0 {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(n)
    }

    fn last_seq(conn: &Connection, site: &str) -> rusqlite::Result<u64> {
        conn.prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE site = ?1")?
            .query_row([site], |r| r.get::<_, i64>(0))
            .map(|v| v as u64)
    }
}

impl ServerStore for SqliteServerStore {
    fn add_kiosk(&self, name: &str, site: &str, now_ms: i64) -> Result<String, ServerError> {
        let name = &digidak_core::text::clean_line(name, usize::MAX);
        if name.is_empty() || name.chars().count() > 60 {
            return Err(ServerError::BadRequest(
                "a kiosk name is 1 to 60 characters".into(),
            ));
        }
        let site_ok = (1..=40).contains(&site.len())
            && site
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !site_ok {
            return Err(ServerError::BadRequest(
                "a site id is 1 to 40 lowercase letters, digits and dashes".into(),
            ));
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<Option<i64>> = tx
            .query_row(
                "SELECT revoked_ms FROM kiosks WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(None) => {
                return Err(ServerError::Conflict(format!(
                    "a kiosk named {name:?} exists; revoke it first or choose another name"
                )));
            }
            // A revoked kiosk keeps its history under a new name; the name is free again.
            Some(Some(revoked)) => {
                tx.execute(
                    "UPDATE kiosks SET name = name || ' (revoked ' || ?2 || ')' WHERE name = ?1",
                    params![name, revoked],
                )?;
            }
            None => {}
        }
        let code = super::pairing_code();
        tx.execute(
            "INSERT INTO kiosks (id, name, site, pairing_hash, pairing_expires_ms, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                uuid::Uuid::now_v7().to_string(),
                name,
                site,
                hash_secret(&normalize_code(&code)),
                now_ms + PAIRING_VALID_MS,
                now_ms
            ],
        )?;
        tx.commit()?;
        Ok(code)
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
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id: Option<String> = tx
            .query_row(
                "UPDATE kiosks SET revoked_ms = ?2, pairing_hash = NULL
                 WHERE name = ?1 AND revoked_ms IS NULL RETURNING id",
                params![name, now_ms],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = &id {
            // Its operations are refused from now on: the seats it held come back.
            super::seats::kiosk_gone(&tx, id, now_ms)?;
        }
        tx.commit()?;
        Ok(id.is_some())
    }

    fn pair(
        &self,
        code: &str,
        _app_version: &str,
        first_index: u64,
        now_ms: i64,
    ) -> Result<PairResponse, ServerError> {
        let wrong =
            || ServerError::Unauthorized("this pairing code is unknown, used or expired".into());
        let code = normalize_code(code);
        if code.len() != 8 {
            return Err(wrong());
        }
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row: Option<(String, String, String, i64)> = tx
            .query_row(
                "SELECT id, name, site, pairing_expires_ms FROM kiosks
                 WHERE pairing_hash = ?1 AND revoked_ms IS NULL",
                [hash_secret(&code)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((id, name, site, expires)) = row else {
            return Err(wrong());
        };
        if expires < now_ms {
            return Err(wrong());
        }
        let token = super::random_hex(32);
        // Every pairing gets a range of short codes never given before (a kiosk paired again
        // may have lost its file, and with it the codes it made).
        let next_range: i64 = tx.query_row(
            "SELECT COALESCE(MAX(code_range), 0) + 1 FROM kiosks",
            [],
            |r| r.get(0),
        )?;
        let code_range = u32::try_from(next_range)
            .ok()
            .filter(|r| *r <= digidak_core::codes::MAX_RANGE);
        if code_range.is_none() {
            tracing::warn!("every range of short codes is given out: this kiosk gets none");
        }
        tx.execute(
            "UPDATE kiosks SET pairing_hash = NULL, pairing_expires_ms = NULL, token_hash = ?2,
                    next_index = ?3, code_range = ?4
             WHERE id = ?1",
            params![
                id,
                hash_secret(&token),
                first_index.clamp(1, i64::MAX as u64) as i64,
                code_range
            ],
        )?;
        super::activities::kiosk_joined(&tx, &site, now_ms)?;
        tx.commit()?;
        Ok(PairResponse {
            token,
            kiosk_id: id,
            name,
            site,
            code_range,
        })
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
        // Group commit: pushes that arrive while another commits wait in a queue; whoever gets
        // the writer next runs them all in one transaction (one fsync), each in a savepoint of
        // its own so one failing push cannot spoil the others.
        let (tx, rx) = std::sync::mpsc::channel();
        self.queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(PushJob {
                kiosk: kiosk.clone(),
                request,
                now_ms,
                reply: tx,
            });
        let mut conn = self.conn();
        if let Ok(answer) = rx.try_recv() {
            // An earlier writer already did ours.
            return answer;
        }
        let jobs = std::mem::take(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()));
        let outcome = (|| -> Result<Vec<Result<PushResponse, ServerError>>, ServerError> {
            let mut db_tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut answers = Vec::with_capacity(jobs.len());
            for job in &jobs {
                let sp = db_tx.savepoint()?;
                match push_in(&sp, &job.kiosk, &job.request, job.now_ms) {
                    Ok(resp) => {
                        sp.commit()?;
                        answers.push(Ok(resp));
                    }
                    // Dropping the savepoint rolls back this push only.
                    Err(e) => answers.push(Err(e)),
                }
            }
            db_tx.commit()?;
            Ok(answers)
        })();
        drop(conn);
        match outcome {
            Ok(answers) => {
                for (job, answer) in jobs.into_iter().zip(answers) {
                    let _ = job.reply.send(answer);
                }
            }
            Err(e) => {
                // Nothing was committed: every push in the group is told to try again.
                let message = e.to_string();
                for job in jobs {
                    let _ = job
                        .reply
                        .send(Err(ServerError::Unavailable(message.clone())));
                }
            }
        }
        rx.recv()
            .unwrap_or_else(|_| Err(ServerError::Unavailable("the push was not run".into())))
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
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        super::activities::save(&tx, site, a, now)?.map_err(ServerError::BadRequest)?;
        Ok(tx.commit()?)
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
        Ok(super::activities::list(&self.reader(), site)?)
    }

    fn signups(&self, activity_id: &str) -> Result<Vec<SignupStatus>, ServerError> {
        Ok(super::activities::signups(&self.reader(), activity_id)?)
    }

    fn signup_by_token(&self, token: &str) -> Result<Option<SignupWithActivity>, ServerError> {
        Ok(super::activities::by_token(&self.reader(), token)?)
    }

    fn cancel_by_token(&self, token: &str, now_ms: i64) -> Result<usize, ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = super::activities::cancel_by_token(&tx, token, now_ms)?;
        tx.commit()?;
        Ok(n)
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

/// A push waiting for the writer (see group commit in `push`).
struct PushJob {
    kiosk: KioskAuth,
    request: PushRequest,
    now_ms: i64,
    reply: std::sync::mpsc::Sender<Result<PushResponse, ServerError>>,
}

/// An op's payload as the op log keeps it: without the phone token of a sign-up or a post,
/// without the note and phone of a care signal (only the partner's inbox keeps those).
fn stored_payload(op: &digidak_protocol::Op) -> String {
    use digidak_protocol::kinds;
    if op.kind == kinds::SIGNAL_CREATED {
        let mut p = op.payload.clone();
        if let Some(o) = p.as_object_mut() {
            o.remove("note");
            o.remove("phone");
        }
        return p.to_string();
    }
    let has_token = matches!(
        op.kind.as_str(),
        kinds::SIGNUP_CREATED | kinds::POST_CREATED
    ) && op.payload.get("token").is_some();
    if !has_token {
        return op.payload.to_string();
    }
    let mut p = op.payload.clone();
    if let Some(o) = p.as_object_mut() {
        o.remove("token");
    }
    p.to_string()
}

/// One push inside the caller's transaction: stores and applies each new op once, answers
/// each op, and records the heartbeat.
fn push_in(
    tx: &Connection,
    kiosk: &KioskAuth,
    request: &PushRequest,
    now_ms: i64,
) -> Result<PushResponse, ServerError> {
    let (next, code_range): (i64, Option<u32>) = tx.query_row(
        "SELECT next_index, code_range FROM kiosks WHERE id = ?1",
        [&kiosk.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut next = next as u64;
    let mut results = Vec::with_capacity(request.ops.len());
    for op in &request.ops {
        if op.index > next {
            // A gap: the kiosk must send `next` first. Nothing after it is taken.
            break;
        }
        if op.index < next {
            // Seen before: the same op again is fine; a different op at that index is not.
            let earlier: Option<(String, Option<String>)> = tx
                .prepare_cached("SELECT id, rejected FROM ops WHERE kiosk_id = ?1 AND idx = ?2")?
                .query_row(params![kiosk.id, op.index as i64], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let status = match earlier {
                Some((id, None)) if id == op.id => OpStatus::Accepted,
                Some((id, Some(reason))) if id == op.id => OpStatus::Rejected { reason },
                Some(_) => OpStatus::Rejected {
                    reason: format!("index {} was used by another operation", op.index),
                },
                // Indexes before the kiosk's first pairing index were never pushed here.
                None => OpStatus::Rejected {
                    reason: format!("index {} is before this kiosk's first index", op.index),
                },
            };
            results.push(OpResult {
                id: op.id.clone(),
                index: op.index,
                status,
            });
            continue;
        }
        // The op log keeps no phone token (only the sign-up's or post's row keeps its hash).
        let stored = stored_payload(op);
        // The common path costs one insert and the op's effect. The op's UUID must be new:
        // the UNIQUE constraint says so without a query of its own.
        let inserted = tx
            .prepare_cached(
                "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![
                kiosk.id,
                op.index as i64,
                op.id,
                op.kind,
                stored,
                op.kiosk_time_ms,
                now_ms
            ])?;
        let outcome = if inserted == 0 {
            // Keep the log complete without breaking the UNIQUE id: store under a marker.
            tx.prepare_cached(
                "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                kiosk.id,
                op.index as i64,
                format!("{}#{}:{}", op.id, kiosk.id, op.index),
                op.kind,
                stored,
                op.kiosk_time_ms,
                now_ms
            ])?;
            Err(format!(
                "operation id {} was used by another operation",
                op.id
            ))
        } else if uuid::Uuid::parse_str(&op.id).is_err() {
            Err("operation id is not a UUID".to_string())
        } else {
            apply::apply(tx, kiosk, op, now_ms)?
        };
        if let Err(reason) = &outcome {
            tx.prepare_cached("UPDATE ops SET rejected = ?3 WHERE kiosk_id = ?1 AND idx = ?2")?
                .execute(params![kiosk.id, op.index as i64, reason])?;
        }
        next += 1;
        results.push(OpResult {
            id: op.id.clone(),
            index: op.index,
            status: match outcome {
                Ok(()) => OpStatus::Accepted,
                Err(reason) => OpStatus::Rejected { reason },
            },
        });
    }
    // Leases: ended ones come back, and a kiosk whose whole outbox is in gets new ones.
    let whole_outbox = results.len() == request.ops.len()
        && request.ops.len() as u64 >= request.heartbeat.outbox_len;
    super::seats::tend(tx, kiosk, whole_outbox, request.protocol, now_ms)?;
    let hb = &request.heartbeat;
    tx.execute(
        "UPDATE kiosks SET next_index = ?2, last_seen_ms = ?3, app_version = ?4, outbox_len = ?5,
                dead_letters = ?6, last_success_ms = ?7, last_frame_ms = ?8, skew_ms = ?9,
                protocol = ?10
         WHERE id = ?1",
        params![
            kiosk.id,
            next as i64,
            now_ms,
            hb.app_version.chars().take(40).collect::<String>(),
            hb.outbox_len.min(i64::MAX as u64) as i64,
            hb.dead_letters.min(i64::MAX as u64) as i64,
            hb.last_success_ms,
            hb.last_frame_ms,
            hb.kiosk_time_ms.saturating_sub(now_ms),
            request.protocol
        ],
    )?;
    Ok(PushResponse {
        results,
        next_index: next,
        server_time_ms: now_ms,
        code_range,
        protocol: Some(PROTOCOL_VERSION),
        min_protocol: Some(digidak_protocol::MIN_PROTOCOL_VERSION),
    })
}
