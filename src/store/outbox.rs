//! The kiosk's outbox and pull cursor: what sync reads and writes in the local store.
//!
//! Every local write queues its operation in the same transaction as the write itself, with a
//! dense index (1, 2, 3, ...). The sync worker pushes pending ops in index order, marks them
//! sent or dead (with the server's reason), and applies pulled changes together with the new
//! cursor in one transaction.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Store, StoreError};
use digidak_protocol::{
    Change, HelpHandled, HelpRequested, OP_SCHEMA, Op, OpResult, OpStatus, UsageVisit, kinds,
};

/// Queues one operation inside the caller's transaction.
pub(super) fn enqueue(
    tx: &Transaction<'_>,
    kind: &str,
    payload: &impl serde::Serialize,
    now_ms: i64,
) -> rusqlite::Result<u64> {
    let idx: i64 = tx.query_row("SELECT COALESCE(MAX(idx), 0) + 1 FROM outbox", [], |r| {
        r.get(0)
    })?;
    tx.execute(
        "INSERT INTO outbox (idx, id, kind, payload, kiosk_time_ms, schema) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            idx,
            uuid::Uuid::now_v7().to_string(),
            kind,
            serde_json::to_string(payload).expect("payload types serialize"),
            now_ms,
            OP_SCHEMA
        ],
    )?;
    Ok(idx as u64)
}

/// How many operations wait, and how many the server rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: u64,
    pub dead: u64,
}

/// An operation the server rejected, with its reason: shown in admin mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadLetter {
    pub index: u64,
    pub kind: String,
    pub reason: String,
}

/// The kiosk's range of short codes, inside a caller's transaction (0 when it has none).
/// The measured clock skew (see [`Store::skew_ms`]), inside any connection or transaction.
pub(super) fn skew_in(conn: &rusqlite::Connection) -> rusqlite::Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'sync.skew_ms'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok()))
}

pub(super) fn code_range_in(conn: &rusqlite::Connection) -> rusqlite::Result<u32> {
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'codes.range'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// What the kiosk knows of its pairing (the token itself lives in its own file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing {
    pub server_url: String,
    pub kiosk_id: String,
    pub name: String,
    pub site: String,
}

/// Whether this release can read a change's payload (a kind it knows, in a shape it reads).
fn readable(change: &Change) -> bool {
    use digidak_protocol::{ActivityState, PostReply, PostState, SignupStatus};
    fn reads<T: serde::de::DeserializeOwned>(v: &serde_json::Value) -> bool {
        T::deserialize(v).is_ok()
    }
    let p = &change.payload;
    match change.kind.as_str() {
        kinds::HELP_REQUESTED => reads::<HelpRequested>(p),
        kinds::HELP_HANDLED => reads::<HelpHandled>(p),
        kinds::ACTIVITY_SAVED => reads::<ActivityState>(p),
        kinds::SIGNUP_STATUS => reads::<SignupStatus>(p),
        kinds::POST_STATE => reads::<PostState>(p),
        kinds::POST_REPLIED => reads::<PostReply>(p),
        kinds::PARTNER_SAVED => reads::<digidak_protocol::PartnerRecord>(p),
        _ => false,
    }
}

/// Applies one pulled change inside the caller's transaction: `Some(rows)` for a change this
/// release reads, `None` for one it does not (an unknown kind, or a payload it cannot read:
/// the caller keeps it).
fn apply_change(
    tx: &Transaction<'_>,
    change: &Change,
    now_ms: i64,
) -> rusqlite::Result<Option<usize>> {
    if !readable(change) {
        return Ok(None);
    }
    Ok(Some(match change.kind.as_str() {
        kinds::HELP_REQUESTED => {
            match serde_json::from_value::<HelpRequested>(change.payload.clone()) {
                Ok(p) => {
                    let first_name = p.first_name.as_deref().map(digidak_core::text::clean_name);
                    tx.execute(
                        "INSERT INTO help_requests (id, created_at_ms, first_name, kiosk_name)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT (id) DO UPDATE SET kiosk_name = excluded.kiosk_name",
                        params![p.id, p.created_at_ms, first_name, p.kiosk_name],
                    )?
                }
                Err(_) => 0,
            }
        }
        kinds::HELP_HANDLED => match serde_json::from_value::<HelpHandled>(change.payload.clone()) {
            Ok(p) => tx.execute(
                "UPDATE help_requests SET handled_at_ms = ?2 WHERE id = ?1 AND handled_at_ms IS NULL",
                params![p.id, p.handled_at_ms],
            )?,
            Err(_) => 0,
        },
        kinds::POST_STATE | kinds::POST_REPLIED => super::board::apply_change(tx, change)?,
        kinds::PARTNER_SAVED => super::partners::apply_change(tx, change)?,
        kinds::ACTIVITY_SAVED | kinds::SIGNUP_STATUS => {
            super::activities::apply_change(tx, change, now_ms)?
        }
        _ => return Ok(None),
    }))
}

impl Store {
    pub(super) fn sqlite(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Records an anonymous visit to a screen or module (never personal data).
    pub fn record_visit(&mut self, name: &str, now_ms: i64) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let visit = UsageVisit {
            name: name.to_string(),
            day: digidak_core::time::day_string(now_ms),
        };
        enqueue(&tx, kinds::USAGE_VISIT, &visit, now_ms).map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    /// The oldest pending operations, in index order.
    pub fn pending_ops(&self, limit: usize) -> Result<Vec<Op>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT idx, id, kind, payload, kiosk_time_ms, schema FROM outbox
                 WHERE status = 'pending' ORDER BY idx LIMIT ?1",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                let payload: String = r.get(3)?;
                Ok(Op {
                    index: r.get::<_, i64>(0)? as u64,
                    id: r.get(1)?,
                    kind: r.get(2)?,
                    payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
                    kiosk_time_ms: r.get(4)?,
                    schema: r.get(5)?,
                })
            })
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    /// Records the server's answer for pushed operations, in one transaction.
    pub fn apply_push_results(
        &mut self,
        results: &[OpResult],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        for r in results {
            let (status, reason) = match &r.status {
                OpStatus::Accepted => ("sent", None),
                OpStatus::Rejected { reason } => ("dead", Some(reason.as_str())),
            };
            tx.execute(
                "UPDATE outbox SET status = ?3, reason = ?4, done_at_ms = ?5
                 WHERE idx = ?1 AND id = ?2 AND status = 'pending'",
                params![r.index as i64, r.id, status, reason, now_ms],
            )
            .map_err(sqlite)?;
        }
        // A care signal's note and phone leave the kiosk with its push.
        super::partners::forget_sent_signals(&tx).map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        self.conn
            .query_row(
                "SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'dead'), 0) FROM outbox",
                [],
                |r| {
                    Ok(OutboxCounts {
                        pending: r.get::<_, i64>(0)? as u64,
                        dead: r.get::<_, i64>(1)? as u64,
                    })
                },
            )
            .map_err(self.sqlite())
    }

    /// The newest rejected operations.
    pub fn dead_letters(&self, limit: usize) -> Result<Vec<DeadLetter>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT idx, kind, COALESCE(reason, '') FROM outbox WHERE status = 'dead'
                 ORDER BY idx DESC LIMIT ?1",
            )
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(DeadLetter {
                    index: r.get::<_, i64>(0)? as u64,
                    kind: r.get(1)?,
                    reason: r.get(2)?,
                })
            })
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    /// The highest index the server has answered for (accepted or rejected).
    pub fn acked_index(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(idx), 0) FROM outbox WHERE status != 'pending'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|v| v as u64)
            .map_err(self.sqlite())
    }

    /// The first index not yet answered by a server: where a new pairing starts.
    pub fn first_unsent_index(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row(
                "SELECT COALESCE((SELECT MIN(idx) FROM outbox WHERE status = 'pending'),
                                 (SELECT COALESCE(MAX(idx), 0) + 1 FROM outbox))",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map(|v| v as u64)
            .map_err(self.sqlite())
    }

    fn meta_get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(self.sqlite())
    }

    /// The pull cursor: the last server sequence applied here.
    pub fn cursor(&self) -> Result<u64, StoreError> {
        Ok(self
            .meta_get("sync.cursor")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// Applies a page of pulled changes and the new cursor in one transaction, so a crash
    /// never leaves the cursor ahead of the data (or behind it).
    pub fn apply_changes(&mut self, changes: &[Change], cursor: u64) -> Result<usize, StoreError> {
        let now_ms = self.clock.unix_ms();
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        let mut applied = 0;
        for change in changes {
            match apply_change(&tx, change, now_ms).map_err(sqlite)? {
                Some(n) => applied += n,
                None => {
                    // A kind (or a shape) from a newer server: kept, never skipped silently,
                    // applied by the release that reads it, counted in admin mode until then.
                    tracing::warn!(
                        kind = %change.kind,
                        "keeping a change this kiosk cannot read yet"
                    );
                    tx.execute(
                        "INSERT INTO kept_changes (seq, kind, payload) VALUES (?1, ?2, ?3)
                         ON CONFLICT (seq) DO NOTHING",
                        params![
                            change.seq.min(i64::MAX as u64) as i64,
                            change.kind,
                            change.payload.to_string()
                        ],
                    )
                    .map_err(sqlite)?;
                }
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('sync.cursor', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [cursor.to_string()],
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        Ok(applied)
    }

    /// Changes kept because this release did not know their kind, by kind: (kind, count).
    pub fn kept_changes(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, COUNT(*) FROM kept_changes GROUP BY kind ORDER BY kind")
            .map_err(self.sqlite())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)))
            .map_err(self.sqlite())?;
        rows.collect::<Result<_, _>>().map_err(self.sqlite())
    }

    /// Applies the kept changes whose kind this release knows, in server order, and forgets
    /// them; the others stay kept. Returns how many were applied.
    pub fn apply_kept_changes(&mut self) -> Result<usize, StoreError> {
        let now_ms = self.clock.unix_ms();
        let sqlite = self.sqlite_owned();
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM kept_changes)", [], |r| {
                r.get(0)
            })
            .map_err(&sqlite)?;
        if !any {
            return Ok(0);
        }
        let tx = self.conn.transaction().map_err(&sqlite)?;
        let kept: Vec<Change> = tx
            .prepare("SELECT seq, kind, payload FROM kept_changes ORDER BY seq")
            .and_then(|mut stmt| {
                stmt.query_map([], |r| {
                    let payload: String = r.get(2)?;
                    Ok(Change {
                        seq: r.get::<_, i64>(0)?.max(0) as u64,
                        kind: r.get(1)?,
                        payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
                    })
                })?
                .collect()
            })
            .map_err(&sqlite)?;
        let mut applied = 0;
        for change in &kept {
            if apply_change(&tx, change, now_ms)
                .map_err(&sqlite)?
                .is_some()
            {
                tx.execute(
                    "DELETE FROM kept_changes WHERE seq = ?1",
                    [change.seq.min(i64::MAX as u64) as i64],
                )
                .map_err(&sqlite)?;
                applied += 1;
            }
        }
        tx.commit().map_err(&sqlite)?;
        Ok(applied)
    }

    pub fn pairing(&self) -> Result<Option<Pairing>, StoreError> {
        let get = |k: &str| self.meta_get(&format!("pairing.{k}"));
        match (
            get("server_url")?,
            get("kiosk_id")?,
            get("name")?,
            get("site")?,
        ) {
            (Some(server_url), Some(kiosk_id), Some(name), Some(site)) => Ok(Some(Pairing {
                server_url,
                kiosk_id,
                name,
                site,
            })),
            _ => Ok(None),
        }
    }

    /// This kiosk's clock less the server's, as last measured by a push (`None` before).
    pub fn skew_ms(&self) -> Result<Option<i64>, StoreError> {
        skew_in(&self.conn).map_err(self.sqlite())
    }

    /// Saves the clock skew measured by a push (kiosk clock - server clock): leases end by
    /// the server's clock (`activities::seats`).
    pub fn set_skew_ms(&mut self, skew_ms: i64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('sync.skew_ms', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [skew_ms.to_string()],
            )
            .map(|_| ())
            .map_err(self.sqlite())
    }

    /// The range of short codes the server gave this kiosk (0 before it has one).
    pub fn code_range(&self) -> Result<u32, StoreError> {
        code_range_in(&self.conn).map_err(self.sqlite())
    }

    /// Saves the range of short codes the server gave this kiosk (at pairing, or in a status
    /// answer to a kiosk paired before ranges existed).
    pub fn set_code_range(&mut self, range: u32) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES ('codes.range', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [range.min(digidak_core::codes::MAX_RANGE).to_string()],
            )
            .map(|_| ())
            .map_err(self.sqlite())
    }

    /// Saves a new pairing. A pairing with another server starts its pull cursor over.
    pub fn set_pairing(&mut self, pairing: &Pairing) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        for (k, v) in [
            ("pairing.server_url", &pairing.server_url),
            ("pairing.kiosk_id", &pairing.kiosk_id),
            ("pairing.name", &pairing.name),
            ("pairing.site", &pairing.site),
            ("sync.cursor", &"0".to_string()),
            // A new pairing gets its own range (set by the caller from the answer).
            ("codes.range", &"0".to_string()),
        ] {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![k, v],
            )
            .map_err(sqlite)?;
        }
        // Seat leases belong to the kiosk id the server knew: a new pairing starts them over.
        tx.execute(
            "UPDATE activities SET my_block = 0, block_used = 0, lease = 0, released_lease = 0,
                                   lease_expires_ms = NULL",
            [],
        )
        .map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }
}
