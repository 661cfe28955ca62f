//! [`Tx`] on SQLite: each method is one statement (or a few) on the connection of an open
//! transaction. No rule lives here; see [`crate::storage`].

use rusqlite::{Connection, OptionalExtension, params};

use crate::partner_store::OpenSignal;
use crate::storage::{
    EarlierOp, KioskCursor, KioskHeartbeat, Lease, LoginTries, NewOp, NewPost, NewSignal,
    NewSignup, PairingKiosk, SeatCounts, SignupRow, StoreResult, Tx,
};
use crate::{KioskAuth, ServerError};
use digidak_protocol::{
    ActivityRecord, PartnerRecord, PostRecord, PostReply, PostState, SignupStatus, kinds,
};

/// A connection inside a transaction (or a read-only connection for the read paths).
pub struct SqliteTx<'c>(pub &'c Connection);

impl From<rusqlite::Error> for ServerError {
    fn from(e: rusqlite::Error) -> Self {
        ServerError::Db(Box::new(e))
    }
}

/// SQLite keeps counters as 64-bit integers; a kiosk may have sent any u32, so they are read
/// without failing on a huge or negative one.
fn count(v: i64) -> u32 {
    v.clamp(0, i64::from(u32::MAX)) as u32
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value)
        .map_err(|e| ServerError::Unavailable(format!("a record could not be written: {e}")))
}

const POST_COLUMNS: &str = "site, record, status, reason, created_ms, expires_ms, reports, helped,
     approved_ms, ended_ms FROM posts";

fn post_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, Option<PostState>)> {
    let record: String = r.get(1)?;
    let post: Option<PostRecord> = serde_json::from_str(&record).ok();
    Ok((
        r.get(0)?,
        match post {
            Some(post) => Some(PostState {
                post,
                status: r.get(2)?,
                reason: r.get(3)?,
                created_ms: r.get(4)?,
                expires_ms: r.get(5)?,
                reports: r.get(6)?,
                helped: r.get(7)?,
                approved_ms: r.get(8)?,
                ended_ms: r.get(9)?,
            }),
            None => None,
        },
    ))
}

fn lease_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Lease> {
    Ok(Lease {
        kiosk_id: r.get(0)?,
        lease: count(r.get(1)?),
        granted: count(r.get(2)?),
        used: count(r.get(3)?),
        expires_ms: r.get(4)?,
        recalled: r.get(5)?,
    })
}

const LEASE_COLUMNS: &str = "kiosk_id, lease, granted, used, expires_ms, recalled FROM seat_blocks";

impl Tx for SqliteTx<'_> {
    fn kiosk_revoked_by_name(&mut self, name: &str) -> StoreResult<Option<Option<i64>>> {
        Ok(self
            .0
            .query_row(
                "SELECT revoked_ms FROM kiosks WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn rename_kiosk(&mut self, name: &str, new_name: &str) -> StoreResult<()> {
        self.0.execute(
            "UPDATE kiosks SET name = ?2 WHERE name = ?1",
            params![name, new_name],
        )?;
        Ok(())
    }

    fn insert_kiosk(
        &mut self,
        id: &str,
        name: &str,
        site: &str,
        pairing_hash: &str,
        pairing_expires_ms: i64,
        created_ms: i64,
    ) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO kiosks (id, name, site, pairing_hash, pairing_expires_ms, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, name, site, pairing_hash, pairing_expires_ms, created_ms],
        )?;
        Ok(())
    }

    fn revoke_kiosk(&mut self, name: &str, now_ms: i64) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .query_row(
                "UPDATE kiosks SET revoked_ms = ?2, pairing_hash = NULL
                 WHERE name = ?1 AND revoked_ms IS NULL RETURNING id",
                params![name, now_ms],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn kiosk_by_pairing_hash(&mut self, hash: &str) -> StoreResult<Option<PairingKiosk>> {
        Ok(self
            .0
            .query_row(
                "SELECT id, name, site, pairing_expires_ms FROM kiosks
                 WHERE pairing_hash = ?1 AND revoked_ms IS NULL",
                [hash],
                |r| {
                    Ok(PairingKiosk {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        site: r.get(2)?,
                        expires_ms: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    fn max_code_range(&mut self) -> StoreResult<i64> {
        Ok(self
            .0
            .query_row("SELECT COALESCE(MAX(code_range), 0) FROM kiosks", [], |r| {
                r.get(0)
            })?)
    }

    fn complete_pairing(
        &mut self,
        id: &str,
        token_hash: &str,
        next_index: u64,
        code_range: Option<u32>,
    ) -> StoreResult<()> {
        self.0.execute(
            "UPDATE kiosks SET pairing_hash = NULL, pairing_expires_ms = NULL, token_hash = ?2,
                    next_index = ?3, code_range = ?4
             WHERE id = ?1",
            params![
                id,
                token_hash,
                next_index.min(i64::MAX as u64) as i64,
                code_range
            ],
        )?;
        Ok(())
    }

    fn kiosk_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<KioskAuth>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id, name, site FROM kiosks WHERE token_hash = ?1 AND revoked_ms IS NULL",
            )?
            .query_row([hash], |r| {
                Ok(KioskAuth {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    site: r.get(2)?,
                })
            })
            .optional()?)
    }

    fn kiosk_cursor(&mut self, kiosk_id: &str) -> StoreResult<Option<KioskCursor>> {
        Ok(self
            .0
            .prepare_cached("SELECT next_index, code_range FROM kiosks WHERE id = ?1")?
            .query_row([kiosk_id], |r| {
                Ok(KioskCursor {
                    next_index: r.get::<_, i64>(0)?.max(0) as u64,
                    code_range: r.get(1)?,
                })
            })
            .optional()?)
    }

    fn save_heartbeat(&mut self, kiosk_id: &str, hb: &KioskHeartbeat) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "UPDATE kiosks SET next_index = ?2, last_seen_ms = ?3, app_version = ?4,
                        outbox_len = ?5, dead_letters = ?6, last_success_ms = ?7,
                        last_frame_ms = ?8, skew_ms = ?9, protocol = ?10
                 WHERE id = ?1",
            )?
            .execute(params![
                kiosk_id,
                hb.next_index.min(i64::MAX as u64) as i64,
                hb.last_seen_ms,
                hb.app_version,
                hb.outbox_len,
                hb.dead_letters,
                hb.last_success_ms,
                hb.last_frame_ms,
                hb.skew_ms,
                hb.protocol
            ])?;
        Ok(())
    }

    fn active_kiosks(&mut self, site: &str) -> StoreResult<Vec<(String, Option<u32>)>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id, protocol FROM kiosks
                 WHERE site = ?1 AND revoked_ms IS NULL AND token_hash IS NOT NULL
                 ORDER BY created_ms, id",
            )?
            .query_map([site], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }

    fn login_tries(&mut self, key: &str) -> StoreResult<Option<LoginTries>> {
        Ok(self
            .0
            .prepare_cached("SELECT count, since_ms FROM login_tries WHERE key = ?1")?
            .query_row([key], |r| {
                Ok(LoginTries {
                    count: count(r.get(0)?),
                    since_ms: r.get(1)?,
                })
            })
            .optional()?)
    }

    fn put_login_tries(&mut self, key: &str, t: &LoginTries) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "INSERT INTO login_tries (key, count, since_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET count = ?2, since_ms = ?3",
            )?
            .execute(params![key, t.count, t.since_ms])?;
        Ok(())
    }

    fn remove_login_tries(&mut self, key: &str) -> StoreResult<()> {
        self.0
            .prepare_cached("DELETE FROM login_tries WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }

    fn forget_login_tries(&mut self, started_by_ms: i64) -> StoreResult<()> {
        self.0
            .prepare_cached("DELETE FROM login_tries WHERE since_ms <= ?1")?
            .execute([started_by_ms])?;
        Ok(())
    }

    fn op_at(&mut self, kiosk_id: &str, index: u64) -> StoreResult<Option<EarlierOp>> {
        Ok(self
            .0
            .prepare_cached("SELECT id, rejected FROM ops WHERE kiosk_id = ?1 AND idx = ?2")?
            .query_row(params![kiosk_id, index.min(i64::MAX as u64) as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    fn insert_op(&mut self, op: &NewOp<'_>) -> StoreResult<bool> {
        let n = self
            .0
            .prepare_cached(
                "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![
                op.kiosk_id,
                op.index.min(i64::MAX as u64) as i64,
                op.id,
                op.kind,
                op.payload,
                op.kiosk_time_ms,
                op.received_ms
            ])?;
        Ok(n == 1)
    }

    fn reject_op(&mut self, kiosk_id: &str, index: u64, reason: &str) -> StoreResult<()> {
        self.0
            .prepare_cached("UPDATE ops SET rejected = ?3 WHERE kiosk_id = ?1 AND idx = ?2")?
            .execute(params![kiosk_id, index.min(i64::MAX as u64) as i64, reason])?;
        Ok(())
    }

    fn emit(&mut self, site: &str, kind: &str, payload: &str, now_ms: i64) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "INSERT INTO changes (site, kind, payload, created_ms) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![site, kind, payload, now_ms])?;
        Ok(())
    }

    fn insert_help_request(
        &mut self,
        id: &str,
        site: &str,
        kiosk_id: &str,
        first_name: Option<&str>,
        created_at_ms: i64,
    ) -> StoreResult<bool> {
        let n = self
            .0
            .prepare_cached(
                "INSERT INTO help_requests (id, site, kiosk_id, first_name, created_at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![id, site, kiosk_id, first_name, created_at_ms])?;
        Ok(n == 1)
    }

    fn help_handled_at(&mut self, id: &str, site: &str) -> StoreResult<Option<Option<i64>>> {
        Ok(self
            .0
            .query_row(
                "SELECT handled_at_ms FROM help_requests WHERE id = ?1 AND site = ?2",
                params![id, site],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn set_help_handled(&mut self, id: &str, at_ms: i64) -> StoreResult<()> {
        self.0.execute(
            "UPDATE help_requests SET handled_at_ms = ?2 WHERE id = ?1",
            params![id, at_ms],
        )?;
        Ok(())
    }

    fn count_usage(&mut self, site: &str, day: &str, name: &str) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "INSERT INTO usage_counts (site, day, name, count) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT (site, day, name) DO UPDATE SET count = count + 1",
            )?
            .execute(params![site, day, name])?;
        Ok(())
    }

    fn count_lesson(
        &mut self,
        site: &str,
        day: &str,
        event: &str,
        topic: &str,
        lesson: &str,
    ) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "INSERT INTO lesson_counts (site, day, event, topic, lesson, count)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1)
                 ON CONFLICT (site, day, event, topic, lesson) DO UPDATE SET count = count + 1",
            )?
            .execute(params![site, day, event, topic, lesson])?;
        Ok(())
    }

    fn insert_resume(
        &mut self,
        code: &str,
        lesson: &str,
        step: u32,
        lang: &str,
        created_ms: i64,
        expires_ms: i64,
    ) -> StoreResult<bool> {
        let n = self
            .0
            .prepare_cached(
                "INSERT INTO lesson_resume (code, lesson, step, lang, created_ms, expires_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING",
            )?
            .execute(params![code, lesson, step, lang, created_ms, expires_ms])?;
        Ok(n == 1)
    }

    fn activity(&mut self, id: &str) -> StoreResult<Option<(String, ActivityRecord)>> {
        let row: Option<(String, String)> = self
            .0
            .prepare_cached("SELECT site, record FROM activities WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(site, json)| Some((site, serde_json::from_str(&json).ok()?))))
    }

    fn activity_records(&mut self, site: &str) -> StoreResult<Vec<ActivityRecord>> {
        let records: Vec<String> = self
            .0
            .prepare_cached("SELECT record FROM activities WHERE site = ?1 ORDER BY start, id")?
            .query_map([site], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(records
            .iter()
            .filter_map(|json| serde_json::from_str(json).ok())
            .collect())
    }

    fn upsert_activity(&mut self, site: &str, a: &ActivityRecord, now_ms: i64) -> StoreResult<()> {
        let record = json(a)?;
        self.0.execute(
            "INSERT INTO activities (id, site, record, start, deleted, updated_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET record = ?3, start = ?4, deleted = ?5, updated_ms = ?6",
            params![a.id, site, record, a.start, a.deleted, now_ms],
        )?;
        Ok(())
    }

    fn signup(&mut self, id: &str) -> StoreResult<Option<SignupRow>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id, activity_id, code, COALESCE(first_name, ''), phone, party, status,
                        seq, checked_in_ms, site
                 FROM signups WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(SignupRow {
                    status: SignupStatus {
                        id: r.get(0)?,
                        activity_id: r.get(1)?,
                        code: r.get(2)?,
                        first_name: r.get(3)?,
                        phone: r.get(4)?,
                        party: r.get(5)?,
                        status: r.get(6)?,
                        seq: r.get::<_, i64>(7)?.max(0) as u64,
                        checked_in_ms: r.get(8)?,
                    },
                    site: r.get(9)?,
                })
            })
            .optional()?)
    }

    fn signup_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT id FROM signups WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?)
    }

    fn signup_id_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT id FROM signups WHERE token_hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?)
    }

    fn signup_ids(&mut self, activity_id: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT id FROM signups WHERE activity_id = ?1 ORDER BY seq")?
            .query_map([activity_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn next_signup_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .0
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM signups")?
            .query_row([], |r| r.get(0))?)
    }

    fn insert_signup(&mut self, s: &NewSignup<'_>) -> StoreResult<bool> {
        let n = self
            .0
            .prepare_cached(
                "INSERT INTO signups (id, activity_id, site, kiosk_id, code, first_name, phone,
                                      party, from_block, status, seq, created_ms, walk_in,
                                      checked_in_ms, token_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                 ON CONFLICT (id) DO NOTHING",
            )?
            .execute(params![
                s.id,
                s.activity_id,
                s.site,
                s.kiosk_id,
                s.code,
                s.first_name,
                s.phone,
                s.party,
                s.from_block,
                s.status,
                s.seq,
                s.created_ms,
                s.walk_in,
                s.checked_in_ms,
                s.token_hash
            ])?;
        Ok(n == 1)
    }

    fn set_signup_status(
        &mut self,
        id: &str,
        status: &str,
        cancelled_ms: Option<i64>,
    ) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "UPDATE signups SET status = ?2, cancelled_ms = COALESCE(?3, cancelled_ms)
                 WHERE id = ?1",
            )?
            .execute(params![id, status, cancelled_ms])?;
        Ok(())
    }

    fn set_checked_in(&mut self, id: &str, at_ms: i64) -> StoreResult<()> {
        self.0.execute(
            "UPDATE signups SET checked_in_ms = ?2 WHERE id = ?1",
            params![id, at_ms],
        )?;
        Ok(())
    }

    fn seat_counts(&mut self, activity_id: &str) -> StoreResult<SeatCounts> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN party END), 0),
                        COUNT(CASE WHEN status = 'waitlisted' THEN 1 END)
                 FROM signups WHERE activity_id = ?1",
            )?
            .query_row([activity_id], |r| {
                Ok(SeatCounts {
                    confirmed: r.get(0)?,
                    waitlisted: r.get(1)?,
                })
            })?)
    }

    fn first_waiting(&mut self, activity_id: &str) -> StoreResult<Option<(String, u32)>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id, party FROM signups WHERE activity_id = ?1 AND status = 'waitlisted'
                 ORDER BY seq LIMIT 1",
            )?
            .query_row([activity_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    fn forget_signups(&mut self, cutoff_local: &str) -> StoreResult<usize> {
        let ended = "SELECT id FROM activities WHERE json_extract(record, '$.end') < ?1";
        let n = self.0.execute(
            &format!(
                "UPDATE signups SET first_name = NULL, phone = NULL
                 WHERE (first_name IS NOT NULL OR phone IS NOT NULL) AND activity_id IN ({ended})"
            ),
            [cutoff_local],
        )?;
        if n > 0 {
            for (table, kind) in [
                ("ops", kinds::SIGNUP_CREATED),
                ("changes", kinds::SIGNUP_STATUS),
            ] {
                self.0.execute(
                    &format!(
                        "UPDATE {table} SET payload = json_set(payload, '$.first_name', '', '$.phone', NULL)
                         WHERE kind = ?2 AND json_extract(payload, '$.activity_id') IN ({ended})"
                    ),
                    params![cutoff_local, kind],
                )?;
            }
        }
        Ok(n)
    }

    fn leases(&mut self, activity_id: &str) -> StoreResult<Vec<Lease>> {
        Ok(self
            .0
            .prepare_cached(&format!(
                "SELECT {LEASE_COLUMNS} WHERE activity_id = ?1 ORDER BY kiosk_id"
            ))?
            .query_map([activity_id], lease_row)?
            .collect::<Result<_, _>>()?)
    }

    fn lease(&mut self, activity_id: &str, kiosk_id: &str) -> StoreResult<Option<Lease>> {
        Ok(self
            .0
            .prepare_cached(&format!(
                "SELECT {LEASE_COLUMNS} WHERE activity_id = ?1 AND kiosk_id = ?2"
            ))?
            .query_row([activity_id, kiosk_id], lease_row)
            .optional()?)
    }

    fn put_lease(&mut self, activity_id: &str, l: &Lease) -> StoreResult<()> {
        self.0
            .prepare_cached(
                "INSERT INTO seat_blocks (activity_id, kiosk_id, granted, used, lease, expires_ms,
                                          recalled)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (activity_id, kiosk_id) DO UPDATE SET
                     granted = ?3, used = ?4, lease = ?5, expires_ms = ?6, recalled = ?7",
            )?
            .execute(params![
                activity_id,
                l.kiosk_id,
                l.granted,
                l.used,
                l.lease,
                l.expires_ms,
                l.recalled
            ])?;
        Ok(())
    }

    fn lease_activities(
        &mut self,
        site: &str,
        now_local: &str,
    ) -> StoreResult<Vec<ActivityRecord>> {
        let records: Vec<String> = self
            .0
            .prepare_cached(
                "SELECT record FROM activities
                 WHERE site = ?1 AND deleted = 0 AND json_extract(record, '$.block') > 0
                   AND json_extract(record, '$.deadline') > ?2
                 ORDER BY id",
            )?
            .query_map(params![site, now_local], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(records
            .iter()
            .filter_map(|json| serde_json::from_str(json).ok())
            .collect())
    }

    fn ended_leases(&mut self, site: &str, ended_by_ms: i64) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT DISTINCT activity_id FROM seat_blocks
                 WHERE granted > used AND expires_ms IS NOT NULL AND expires_ms <= ?2
                   AND activity_id IN (SELECT id FROM activities WHERE site = ?1)
                 ORDER BY activity_id",
            )?
            .query_map(params![site, ended_by_ms], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn kiosk_lease_activities(&mut self, kiosk_id: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT activity_id FROM seat_blocks WHERE kiosk_id = ?1 AND granted > used
                 ORDER BY activity_id",
            )?
            .query_map([kiosk_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn post(&mut self, id: &str) -> StoreResult<Option<(String, PostState)>> {
        let row = self
            .0
            .prepare_cached(&format!("SELECT {POST_COLUMNS} WHERE id = ?1"))?
            .query_row([id], post_row)
            .optional()?;
        Ok(row.and_then(|(site, s)| Some((site, s?))))
    }

    fn post_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT id FROM posts WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?)
    }

    fn post_code_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT code FROM posts WHERE token_hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?)
    }

    fn insert_post(&mut self, p: &NewPost<'_>) -> StoreResult<()> {
        let record = json(p.post)?;
        self.0.execute(
            "INSERT INTO posts (id, site, code, kiosk_id, record, status, created_ms, month,
                                updated_ms, token_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, 'waiting', ?6, ?7, ?6, ?8)",
            params![
                p.post.id,
                p.site,
                p.post.code,
                p.kiosk_id,
                record,
                p.created_ms,
                p.month,
                p.token_hash
            ],
        )?;
        Ok(())
    }

    fn save_post_state(&mut self, p: &PostState, now_ms: i64) -> StoreResult<()> {
        let record = json(&p.post)?;
        self.0.execute(
            "UPDATE posts SET record = ?2, status = ?3, reason = ?4, expires_ms = ?5, reports = ?6,
                    helped = ?7, updated_ms = ?8, approved_ms = ?9, ended_ms = ?10 WHERE id = ?1",
            params![
                p.post.id,
                record,
                p.status,
                p.reason,
                p.expires_ms,
                p.reports,
                p.helped,
                now_ms,
                p.approved_ms,
                p.ended_ms
            ],
        )?;
        Ok(())
    }

    fn set_closed_month(&mut self, id: &str, month: &str) -> StoreResult<()> {
        self.0.execute(
            "UPDATE posts SET closed_month = ?2 WHERE id = ?1",
            params![id, month],
        )?;
        Ok(())
    }

    fn posts(&mut self, site: &str) -> StoreResult<Vec<PostState>> {
        let mut stmt = self.0.prepare_cached(&format!(
            "SELECT {POST_COLUMNS} WHERE site = ?1 ORDER BY created_ms DESC, id"
        ))?;
        let rows = stmt.query_map([site], post_row)?;
        let mut out = Vec::new();
        for row in rows {
            if let (_, Some(p)) = row? {
                out.push(p);
            }
        }
        Ok(out)
    }

    fn post_days(&mut self, site: &str) -> StoreResult<Option<u32>> {
        Ok(self
            .0
            .query_row(
                "SELECT post_days FROM site_settings WHERE site = ?1",
                [site],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn set_post_days(&mut self, site: &str, days: u32) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO site_settings (site, post_days) VALUES (?1, ?2)
             ON CONFLICT (site) DO UPDATE SET post_days = ?2",
            params![site, days],
        )?;
        Ok(())
    }

    fn insert_reply(&mut self, site: &str, r: &PostReply, month: &str) -> StoreResult<bool> {
        let n = self.0.execute(
            "INSERT INTO post_replies (id, post_id, site, message, contact, created_ms, month)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
            params![
                r.id,
                r.post_id,
                site,
                r.message,
                r.contact,
                r.created_ms,
                month
            ],
        )?;
        Ok(n == 1)
    }

    fn replies(&mut self, post_id: &str) -> StoreResult<Vec<PostReply>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT id, post_id, message, contact, created_ms FROM post_replies
             WHERE post_id = ?1 ORDER BY created_ms, id",
        )?;
        let rows = stmt.query_map([post_id], |r| {
            Ok(PostReply {
                id: r.get(0)?,
                post_id: r.get(1)?,
                message: r.get(2)?,
                contact: r.get(3)?,
                created_ms: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn forget_replies(&mut self, cutoff_ms: i64) -> StoreResult<usize> {
        let ended = "SELECT id FROM posts WHERE status != 'waiting'
                       AND COALESCE(ended_ms, expires_ms) < ?1";
        let n = self.0.execute(
            &format!(
                "UPDATE post_replies SET message = '', contact = NULL
                 WHERE (message != '' OR contact IS NOT NULL) AND post_id IN ({ended})"
            ),
            [cutoff_ms],
        )?;
        if n > 0 {
            for table in ["ops", "changes"] {
                self.0.execute(
                    &format!(
                        "UPDATE {table} SET payload = json_set(payload, '$.message', '', '$.contact', NULL)
                         WHERE kind = ?2 AND json_extract(payload, '$.post_id') IN ({ended})"
                    ),
                    params![cutoff_ms, kinds::POST_REPLIED],
                )?;
            }
        }
        Ok(n)
    }

    fn partner(&mut self, id: &str) -> StoreResult<Option<(String, PartnerRecord)>> {
        let row: Option<(String, String)> = self
            .0
            .prepare_cached("SELECT site, record FROM partners WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(site, text)| Some((site, serde_json::from_str(&text).ok()?))))
    }

    fn partner_records(&mut self, site: &str) -> StoreResult<Vec<PartnerRecord>> {
        let rows: Vec<String> = self
            .0
            .prepare_cached(
                "SELECT p.record FROM partner_sites s JOIN partners p ON p.id = s.partner_id
                 WHERE s.site = ?1 AND p.deleted = 0",
            )?
            .query_map([site], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect())
    }

    fn put_partner(&mut self, site: &str, p: &PartnerRecord, now_ms: i64) -> StoreResult<()> {
        let text = json(p)?;
        self.0.execute(
            "INSERT INTO partners (id, site, record, deleted, created_ms, updated_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET site = ?2, record = ?3, deleted = ?4, updated_ms = ?5",
            params![p.id, site, text, p.deleted, now_ms],
        )?;
        Ok(())
    }

    fn partner_sites(&mut self, id: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT site FROM partner_sites WHERE partner_id = ?1 ORDER BY site")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn set_partner_sites(&mut self, id: &str, sites: &[String]) -> StoreResult<()> {
        self.0
            .execute("DELETE FROM partner_sites WHERE partner_id = ?1", [id])?;
        for site in sites {
            self.0.execute(
                "INSERT INTO partner_sites (partner_id, site) VALUES (?1, ?2)",
                params![id, site],
            )?;
        }
        Ok(())
    }

    fn add_partner_post(&mut self, post_id: &str, partner_id: &str, role: &str) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO partner_posts (post_id, partner_id, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (post_id) DO NOTHING",
            params![post_id, partner_id, role],
        )?;
        Ok(())
    }

    fn partner_post_ids(&mut self, partner_id: &str, role: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT post_id FROM partner_posts WHERE partner_id = ?1 AND role = ?2",
            )?
            .query_map(params![partner_id, role], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn partner_post_role(
        &mut self,
        post_id: &str,
        partner_id: &str,
    ) -> StoreResult<Option<String>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT role FROM partner_posts WHERE post_id = ?1 AND partner_id = ?2",
            )?
            .query_row(params![post_id, partner_id], |r| r.get(0))
            .optional()?)
    }

    fn add_partner_reply(&mut self, reply_id: &str, partner_id: &str) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO partner_replies (reply_id, partner_id) VALUES (?1, ?2)",
            params![reply_id, partner_id],
        )?;
        Ok(())
    }

    fn partner_reply_ids(&mut self, partner_id: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .0
            .prepare_cached("SELECT reply_id FROM partner_replies WHERE partner_id = ?1")?
            .query_map([partner_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    fn insert_signal(&mut self, s: &NewSignal<'_>) -> StoreResult<bool> {
        let n = self.0.execute(
            "INSERT INTO signals (id, site, partner_id, kind, lang, note, phone, created_ms, month)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
            params![
                s.id,
                s.site,
                s.partner_id,
                s.kind,
                s.lang,
                s.note,
                s.phone,
                s.created_ms,
                s.month
            ],
        )?;
        Ok(n == 1)
    }

    fn open_signals(&mut self, partner_id: &str) -> StoreResult<Vec<OpenSignal>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id, kind, lang, COALESCE(note, ''), phone, created_ms FROM signals
                 WHERE partner_id = ?1 AND handled_ms IS NULL AND note IS NOT NULL
                 ORDER BY created_ms, id",
            )?
            .query_map([partner_id], |r| {
                Ok(OpenSignal {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    lang: r.get(2)?,
                    note: r.get(3)?,
                    phone: r.get(4)?,
                    created_ms: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?)
    }

    fn handle_signal(
        &mut self,
        id: &str,
        partner_id: &str,
        now_ms: i64,
        outcome: &str,
    ) -> StoreResult<bool> {
        let n = self.0.execute(
            "UPDATE signals SET note = NULL, phone = NULL, handled_ms = ?3, outcome = ?4
             WHERE id = ?1 AND partner_id = ?2 AND handled_ms IS NULL",
            params![id, partner_id, now_ms, outcome],
        )?;
        Ok(n > 0)
    }

    fn forget_signals(&mut self, before_ms: i64) -> StoreResult<usize> {
        Ok(self.0.execute(
            "UPDATE signals SET note = NULL, phone = NULL
             WHERE created_ms < ?1 AND (note IS NOT NULL OR phone IS NOT NULL)",
            [before_ms],
        )?)
    }

    fn put_logo(&mut self, hash: &str, png: &[u8], now_ms: i64) -> StoreResult<()> {
        self.0.execute(
            "INSERT INTO partner_logos (hash, png, created_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (hash) DO NOTHING",
            params![hash, png, now_ms],
        )?;
        Ok(())
    }

    fn logo(&mut self, hash: &str) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .0
            .query_row(
                "SELECT png FROM partner_logos WHERE hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?)
    }
}
