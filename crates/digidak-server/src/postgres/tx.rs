//! [`Tx`] on PostgreSQL: each method is one statement (or a few) in an open transaction. The
//! same rows as SQLite's `sqlite_tx.rs`; no rule lives here (see [`crate::storage`]).

use std::collections::HashMap;

use postgres::types::ToSql;
use std::collections::HashSet;

use postgres::{Client, Statement};

use crate::partner_store::OpenSignal;
use crate::storage::{
    EarlierOp, KioskCursor, KioskHeartbeat, Lease, LoginTries, NewOp, NewPost, NewSignal,
    NewSignup, PairingKiosk, SeatCounts, SignupRow, StoreResult, Tx,
};
use crate::{KioskAuth, ServerError};
use digidak_protocol::{
    ActivityRecord, PartnerRecord, PostRecord, PostReply, PostState, SignupStatus, kinds,
};

/// A PostgreSQL transaction the rules run in: a connection inside `BEGIN` (see
/// [`super::Begun`]), with its prepared statements.
///
/// Round trips are what a push costs on PostgreSQL, so this keeps a few things back or ahead,
/// always inside the one transaction (under the write lock nobody else writes meanwhile):
/// - usage and lesson counts and kiosks' heartbeats are written together at [`Tx::flush`];
///   a statement that reads `kiosks` first writes the heartbeats kept back;
/// - [`PgTx::prefetch`] reads, for a group of pushes, the kiosks' cursors and which sites have
///   no seat leases to tend, in one statement; a write to `activities` or `seat_blocks` forgets
///   the latter.
pub struct PgTx<'a> {
    pub(super) t: &'a mut Client,
    pub(super) statements: &'a mut Statements,
    pub(super) counts: Counts,
    /// Heartbeats kept back, one per kiosk (the last).
    heartbeats: Vec<(String, KioskHeartbeat)>,
    /// Kiosks' cursors read (or prefetched) in this transaction, kept up to date by
    /// [`Tx::save_heartbeat`].
    cursors: HashMap<String, Option<KioskCursor>>,
    /// Sites known (from the prefetch) to have no lease to lend, renew or take back.
    quiet_sites: HashSet<String>,
    /// Kiosks found by their token hash (paired, not revoked) in the prefetch.
    tokens: HashMap<String, Option<KioskAuth>>,
    /// Set by [`PgTx::assume_new_ops`]: a new op's id is taken to be new to the op log (the
    /// flush checks it, and fails if one was not).
    assume_new: bool,
    /// The ids of the ops kept back in this transaction (so a second one is known).
    kept_ids: HashSet<String>,
    /// New ops kept back until the flush.
    pending_ops: Vec<PendingOp>,
}

/// An op kept back by [`PgTx`], with its refusal if it got one.
struct PendingOp {
    kiosk_id: String,
    index: i64,
    id: String,
    kind: String,
    payload: String,
    kiosk_time_ms: i64,
    received_ms: i64,
    rejected: Option<String>,
}

/// Whether `sql` names `table` as a word (so `ops` is not found in `posts`).
fn names_table(sql: &str, table: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    sql.match_indices(table).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        let after = sql[at + table.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// Counts kept back until [`Tx::flush`]: (site, day, name) and (site, day, event, topic,
/// lesson), each with how many to add.
#[derive(Default)]
pub(super) struct Counts {
    usage: HashMap<(String, String, String), i64>,
    lessons: HashMap<(String, String, String, String, String), i64>,
}

impl<'a> PgTx<'a> {
    pub(super) fn new(t: &'a mut Client, statements: &'a mut Statements) -> Self {
        Self {
            t,
            statements,
            counts: Counts::default(),
            heartbeats: Vec::new(),
            cursors: HashMap::new(),
            quiet_sites: HashSet::new(),
            tokens: HashMap::new(),
            assume_new: false,
            kept_ids: HashSet::new(),
            pending_ops: Vec::new(),
        }
    }

    /// Reads in one statement what the pushes of `kiosks` will ask first: each kiosk's cursor,
    /// and whether its site has seat leases to tend. A site counts as quiet only when no
    /// activity of it could lend seats at `earliest_local` (the group's earliest local time)
    /// and no lease of it holds unused seats at all, so a quiet site's lease queries would
    /// have found nothing.
    /// From now on a new op's id is taken to be new to the op log, and the op kept back for
    /// the flush, which fails (the caller then runs the pushes again the careful way) if the
    /// log held one already. A kiosk never reuses an op's id, so this is the common case.
    pub(super) fn assume_new_ops(&mut self) {
        self.assume_new = true;
    }

    pub(super) fn prefetch(
        &mut self,
        kiosks: &[&str],
        token_hashes: &[&str],
        earliest_local: &str,
    ) -> StoreResult<()> {
        let ids: Vec<&str> = kiosks.to_vec();
        let hashes: Vec<&str> = token_hashes.to_vec();
        let rows = self.rows(
            "SELECT k.id, k.next_index, k.code_range, k.site,
                    NOT EXISTS (
                        SELECT 1 FROM activities a
                        WHERE a.site = k.site AND NOT a.deleted
                          AND (a.record::jsonb ->> 'block')::BIGINT > 0
                          AND (a.record::jsonb ->> 'deadline') > $2)
                    AND NOT EXISTS (
                        SELECT 1 FROM seat_blocks b JOIN activities a ON a.id = b.activity_id
                        WHERE a.site = k.site AND b.granted > b.used),
                    k.name, k.token_hash, k.revoked_ms IS NULL
             FROM kiosks k
             WHERE k.id = ANY($1) OR (k.token_hash = ANY($3) AND k.revoked_ms IS NULL)",
            &[&ids, &earliest_local, &hashes],
        )?;
        for hash in &hashes {
            self.tokens.insert(hash.to_string(), None);
        }
        for r in rows {
            let id: String = r.get(0);
            let site: String = r.get(3);
            let hash: Option<String> = r.get(6);
            if let Some(hash) = hash.filter(|h| r.get::<_, bool>(7) && self.tokens.contains_key(h))
            {
                let auth = KioskAuth {
                    id: id.clone(),
                    name: r.get(5),
                    site: site.clone(),
                };
                self.tokens.insert(hash, Some(auth));
            }
            self.cursors.insert(
                id,
                Some(KioskCursor {
                    next_index: r.get::<_, i64>(1).max(0) as u64,
                    code_range: r.get::<_, Option<i64>>(2).map(count),
                }),
            );
            if r.get::<_, bool>(4) {
                self.quiet_sites.insert(site);
            }
        }
        Ok(())
    }
}

/// A connection's prepared statements by their text: each is parsed and planned once per
/// connection, not once per call.
pub(super) type Statements = HashMap<String, Statement>;

impl From<postgres::Error> for ServerError {
    fn from(e: postgres::Error) -> Self {
        use postgres::error::SqlState;
        // Text PostgreSQL cannot hold (a NUL character) came from outside: the request is
        // refused, not the server broken.
        if e.code() == Some(&SqlState::CHARACTER_NOT_IN_REPERTOIRE) {
            return ServerError::BadRequest("text with a NUL character cannot be stored".into());
        }
        ServerError::Db(Box::new(e))
    }
}

/// Counters are `BIGINT`s; a kiosk may have sent any u32, so they are read without failing.
pub(super) fn count(v: i64) -> u32 {
    v.clamp(0, i64::from(u32::MAX)) as u32
}

fn big(v: u64) -> i64 {
    v.min(i64::MAX as u64) as i64
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value)
        .map_err(|e| ServerError::Unavailable(format!("a record could not be written: {e}")))
}

pub(super) const POST_COLUMNS: &str =
    "site, record, status, reason, created_ms, expires_ms, reports,
     helped, approved_ms, ended_ms FROM posts";

pub(super) fn post_row(r: &postgres::Row) -> (String, Option<PostState>) {
    let record: String = r.get(1);
    let post: Option<PostRecord> = serde_json::from_str(&record).ok();
    (
        r.get(0),
        post.map(|post| PostState {
            post,
            status: r.get(2),
            reason: r.get(3),
            created_ms: r.get(4),
            expires_ms: r.get(5),
            reports: count(r.get(6)),
            helped: r.get(7),
            approved_ms: r.get(8),
            ended_ms: r.get(9),
        }),
    )
}

fn lease_row(r: &postgres::Row) -> Lease {
    Lease {
        kiosk_id: r.get(0),
        lease: count(r.get(1)),
        granted: count(r.get(2)),
        used: count(r.get(3)),
        expires_ms: r.get(4),
        recalled: r.get(5),
    }
}

const LEASE_COLUMNS: &str = "kiosk_id, lease, granted, used, expires_ms, recalled FROM seat_blocks";

impl PgTx<'_> {
    /// The op kept back at (kiosk, index), if any.
    fn pending(&self, kiosk_id: &str, index: u64) -> Option<&PendingOp> {
        let at = big(index);
        self.pending_ops
            .iter()
            .find(|op| op.kiosk_id == kiosk_id && op.index == at)
    }

    /// The prepared statement of `sql` (prepared now if this connection has not yet).
    fn statement(&mut self, sql: &str) -> StoreResult<Statement> {
        if (!self.heartbeats.is_empty() && names_table(sql, "kiosks"))
            || (!self.pending_ops.is_empty() && names_table(sql, "ops"))
        {
            // What was kept back is written before anything else reads or writes its table.
            crate::storage::Tx::flush(self)?;
        }
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.t.prepare(sql)?;
        self.statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn exec(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> StoreResult<u64> {
        let s = self.statement(sql)?;
        Ok(self.t.execute(&s, params)?)
    }

    fn opt(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> StoreResult<Option<postgres::Row>> {
        let s = self.statement(sql)?;
        Ok(self.t.query_opt(&s, params)?)
    }

    fn one(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> StoreResult<postgres::Row> {
        let s = self.statement(sql)?;
        Ok(self.t.query_one(&s, params)?)
    }

    fn rows(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> StoreResult<Vec<postgres::Row>> {
        let s = self.statement(sql)?;
        Ok(self.t.query(&s, params)?)
    }

    fn strings(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> StoreResult<Vec<String>> {
        Ok(self.rows(sql, params)?.iter().map(|r| r.get(0)).collect())
    }
}

fn records<T: serde::de::DeserializeOwned>(rows: &[String]) -> Vec<T> {
    rows.iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect()
}

impl Tx for PgTx<'_> {
    fn kiosk_revoked_by_name(&mut self, name: &str) -> StoreResult<Option<Option<i64>>> {
        Ok(self
            .opt("SELECT revoked_ms FROM kiosks WHERE name = $1", &[&name])?
            .map(|r| r.get(0)))
    }

    fn rename_kiosk(&mut self, name: &str, new_name: &str) -> StoreResult<()> {
        self.exec(
            "UPDATE kiosks SET name = $2 WHERE name = $1",
            &[&name, &new_name],
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
        self.exec(
            "INSERT INTO kiosks (id, name, site, pairing_hash, pairing_expires_ms, created_ms)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &id,
                &name,
                &site,
                &pairing_hash,
                &pairing_expires_ms,
                &created_ms,
            ],
        )?;
        Ok(())
    }

    fn revoke_kiosk(&mut self, name: &str, now_ms: i64) -> StoreResult<Option<String>> {
        Ok(self
            .opt(
                "UPDATE kiosks SET revoked_ms = $2, pairing_hash = NULL
                 WHERE name = $1 AND revoked_ms IS NULL RETURNING id",
                &[&name, &now_ms],
            )?
            .map(|r| r.get(0)))
    }

    fn kiosk_by_pairing_hash(&mut self, hash: &str) -> StoreResult<Option<PairingKiosk>> {
        Ok(self
            .opt(
                "SELECT id, name, site, pairing_expires_ms FROM kiosks
                 WHERE pairing_hash = $1 AND revoked_ms IS NULL",
                &[&hash],
            )?
            .map(|r| PairingKiosk {
                id: r.get(0),
                name: r.get(1),
                site: r.get(2),
                expires_ms: r.get::<_, Option<i64>>(3).unwrap_or(0),
            }))
    }

    fn max_code_range(&mut self) -> StoreResult<i64> {
        Ok(self
            .one("SELECT COALESCE(MAX(code_range), 0) FROM kiosks", &[])?
            .get(0))
    }

    fn complete_pairing(
        &mut self,
        id: &str,
        token_hash: &str,
        next_index: u64,
        code_range: Option<u32>,
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE kiosks SET pairing_hash = NULL, pairing_expires_ms = NULL, token_hash = $2,
                    next_index = $3, code_range = $4
             WHERE id = $1",
            &[
                &id,
                &token_hash,
                &big(next_index),
                &code_range.map(i64::from),
            ],
        )?;
        Ok(())
    }

    fn kiosk_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<KioskAuth>> {
        if let Some(known) = self.tokens.get(hash) {
            return Ok(known.clone());
        }
        Ok(self
            .opt(
                "SELECT id, name, site FROM kiosks WHERE token_hash = $1 AND revoked_ms IS NULL",
                &[&hash],
            )?
            .map(|r| KioskAuth {
                id: r.get(0),
                name: r.get(1),
                site: r.get(2),
            }))
    }

    fn kiosk_cursor(&mut self, kiosk_id: &str) -> StoreResult<Option<KioskCursor>> {
        if let Some(known) = self.cursors.get(kiosk_id) {
            return Ok(*known);
        }
        let cursor = self
            .opt(
                "SELECT next_index, code_range FROM kiosks WHERE id = $1",
                &[&kiosk_id],
            )?
            .map(|r| KioskCursor {
                next_index: r.get::<_, i64>(0).max(0) as u64,
                code_range: r.get::<_, Option<i64>>(1).map(count),
            });
        self.cursors.insert(kiosk_id.to_string(), cursor);
        Ok(cursor)
    }

    fn save_heartbeat(&mut self, kiosk_id: &str, hb: &KioskHeartbeat) -> StoreResult<()> {
        // Kept back until the flush (or until a statement needs `kiosks`).
        if let Some(Some(c)) = self.cursors.get_mut(kiosk_id) {
            c.next_index = hb.next_index;
        }
        self.heartbeats.retain(|(id, _)| id != kiosk_id);
        self.heartbeats.push((kiosk_id.to_string(), hb.clone()));
        Ok(())
    }

    fn active_kiosks(&mut self, site: &str) -> StoreResult<Vec<(String, Option<u32>)>> {
        Ok(self
            .rows(
                "SELECT id, protocol FROM kiosks
                 WHERE site = $1 AND revoked_ms IS NULL AND token_hash IS NOT NULL
                 ORDER BY created_ms, id",
                &[&site],
            )?
            .iter()
            .map(|r| (r.get(0), r.get::<_, Option<i64>>(1).map(count)))
            .collect())
    }

    fn login_tries(&mut self, key: &str) -> StoreResult<Option<LoginTries>> {
        Ok(self
            .opt(
                "SELECT count, since_ms FROM login_tries WHERE key = $1",
                &[&key],
            )?
            .map(|r| LoginTries {
                count: count(r.get(0)),
                since_ms: r.get(1),
            }))
    }

    fn put_login_tries(&mut self, key: &str, t: &LoginTries) -> StoreResult<()> {
        self.exec(
            "INSERT INTO login_tries (key, count, since_ms) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET count = $2, since_ms = $3",
            &[&key, &i64::from(t.count), &t.since_ms],
        )?;
        Ok(())
    }

    fn remove_login_tries(&mut self, key: &str) -> StoreResult<()> {
        self.exec("DELETE FROM login_tries WHERE key = $1", &[&key])?;
        Ok(())
    }

    fn forget_login_tries(&mut self, started_by_ms: i64) -> StoreResult<()> {
        self.exec(
            "DELETE FROM login_tries WHERE since_ms <= $1",
            &[&started_by_ms],
        )?;
        Ok(())
    }

    fn op_at(&mut self, kiosk_id: &str, index: u64) -> StoreResult<Option<EarlierOp>> {
        if let Some(op) = self.pending(kiosk_id, index) {
            return Ok(Some((op.id.clone(), op.rejected.clone())));
        }
        Ok(self
            .opt(
                "SELECT id, rejected FROM ops WHERE kiosk_id = $1 AND idx = $2",
                &[&kiosk_id, &big(index)],
            )?
            .map(|r| (r.get(0), r.get(1))))
    }

    fn insert_ops(&mut self, ops: &[NewOp<'_>]) -> StoreResult<Vec<bool>> {
        if self.assume_new {
            return ops.iter().map(|op| self.insert_op(op)).collect();
        }
        if ops.len() < 2 {
            return ops.iter().map(|op| self.insert_op(op)).collect();
        }
        let column = |f: &dyn Fn(&NewOp<'_>) -> String| ops.iter().map(f).collect::<Vec<_>>();
        let kiosks = column(&|o| o.kiosk_id.to_string());
        let ids = column(&|o| o.id.to_string());
        let kinds = column(&|o| o.kind.to_string());
        let payloads = column(&|o| o.payload.to_string());
        let idx: Vec<i64> = ops.iter().map(|o| big(o.index)).collect();
        let times: Vec<i64> = ops.iter().map(|o| o.kiosk_time_ms).collect();
        let received: Vec<i64> = ops.iter().map(|o| o.received_ms).collect();
        let stored: std::collections::HashSet<i64> = self
            .rows(
                "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
                 SELECT * FROM unnest($1::TEXT[], $2::BIGINT[], $3::TEXT[], $4::TEXT[],
                                      $5::TEXT[], $6::BIGINT[], $7::BIGINT[])
                 ON CONFLICT (id) DO NOTHING RETURNING idx",
                &[&kiosks, &idx, &ids, &kinds, &payloads, &times, &received],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        Ok(idx.iter().map(|i| stored.contains(i)).collect())
    }

    fn flush(&mut self) -> StoreResult<()> {
        // Counts and heartbeats in one statement (an empty array writes nothing).
        if self.counts.usage.is_empty()
            && self.counts.lessons.is_empty()
            && self.heartbeats.is_empty()
            && self.pending_ops.is_empty()
        {
            return Ok(());
        }
        let mut o_text: [Vec<String>; 4] = Default::default();
        let mut o_big: [Vec<i64>; 3] = Default::default();
        let mut o_rejected = Vec::new();
        for op in std::mem::take(&mut self.pending_ops) {
            for (c, v) in o_text
                .iter_mut()
                .zip([op.kiosk_id, op.id, op.kind, op.payload])
            {
                c.push(v);
            }
            for (c, v) in o_big
                .iter_mut()
                .zip([op.index, op.kiosk_time_ms, op.received_ms])
            {
                c.push(v);
            }
            o_rejected.push(op.rejected);
        }
        let [o_kiosks, o_ids, o_kinds, o_payloads] = o_text;
        let [o_idx, o_times, o_received] = o_big;
        let mut usage: [Vec<String>; 3] = Default::default();
        let mut usage_n = Vec::new();
        for ((site, day, name), n) in std::mem::take(&mut self.counts.usage) {
            for (c, v) in usage.iter_mut().zip([site, day, name]) {
                c.push(v);
            }
            usage_n.push(n);
        }
        let mut lessons: [Vec<String>; 5] = Default::default();
        let mut lessons_n = Vec::new();
        for ((site, day, event, topic, lesson), n) in std::mem::take(&mut self.counts.lessons) {
            for (c, v) in lessons.iter_mut().zip([site, day, event, topic, lesson]) {
                c.push(v);
            }
            lessons_n.push(n);
        }
        let beats = std::mem::take(&mut self.heartbeats);
        let mut ids = Vec::new();
        let (mut next, mut seen, mut version) = (Vec::new(), Vec::new(), Vec::new());
        let (mut outbox, mut dead, mut success) = (Vec::new(), Vec::new(), Vec::new());
        let (mut frame, mut skew, mut protocol) = (Vec::new(), Vec::new(), Vec::new());
        for (id, hb) in beats {
            ids.push(id);
            next.push(big(hb.next_index));
            seen.push(hb.last_seen_ms);
            version.push(hb.app_version);
            outbox.push(hb.outbox_len);
            dead.push(hb.dead_letters);
            success.push(hb.last_success_ms);
            frame.push(hb.last_frame_ms);
            skew.push(hb.skew_ms);
            protocol.push(i64::from(hb.protocol));
        }
        let [u_sites, u_days, u_names] = usage;
        let [l_sites, l_days, l_events, l_topics, l_ids] = lessons;
        let kept = o_ids.len() as i64;
        let logged: i64 = self
            .one(
                "WITH o AS (
                 INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms,
                                  rejected)
                 SELECT * FROM unnest($21::TEXT[], $22::BIGINT[], $23::TEXT[], $24::TEXT[],
                                      $25::TEXT[], $26::BIGINT[], $27::BIGINT[], $28::TEXT[])
                 ON CONFLICT (id) DO NOTHING RETURNING 1),
             u AS (
                 INSERT INTO usage_counts (site, day, name, count)
                 SELECT * FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::BIGINT[])
                 ON CONFLICT (site, day, name)
                 DO UPDATE SET count = usage_counts.count + EXCLUDED.count),
             l AS (
                 INSERT INTO lesson_counts (site, day, event, topic, lesson, count)
                 SELECT * FROM unnest($5::TEXT[], $6::TEXT[], $7::TEXT[], $8::TEXT[],
                                      $9::TEXT[], $10::BIGINT[])
                 ON CONFLICT (site, day, event, topic, lesson)
                 DO UPDATE SET count = lesson_counts.count + EXCLUDED.count),
             h AS (
             UPDATE kiosks k SET next_index = v.next_index, last_seen_ms = v.last_seen_ms,
                    app_version = v.app_version, outbox_len = v.outbox_len,
                    dead_letters = v.dead_letters, last_success_ms = v.last_success_ms,
                    last_frame_ms = v.last_frame_ms, skew_ms = v.skew_ms, protocol = v.protocol
             FROM unnest($11::TEXT[], $12::BIGINT[], $13::BIGINT[], $14::TEXT[], $15::BIGINT[],
                         $16::BIGINT[], $17::BIGINT[], $18::BIGINT[], $19::BIGINT[],
                         $20::BIGINT[])
                  AS v(id, next_index, last_seen_ms, app_version, outbox_len, dead_letters,
                       last_success_ms, last_frame_ms, skew_ms, protocol)
             WHERE k.id = v.id)
             SELECT COUNT(*) FROM o",
                &[
                    &u_sites,
                    &u_days,
                    &u_names,
                    &usage_n,
                    &l_sites,
                    &l_days,
                    &l_events,
                    &l_topics,
                    &l_ids,
                    &lessons_n,
                    &ids,
                    &next,
                    &seen,
                    &version,
                    &outbox,
                    &dead,
                    &success,
                    &frame,
                    &skew,
                    &protocol,
                    &o_kiosks,
                    &o_idx,
                    &o_ids,
                    &o_kinds,
                    &o_payloads,
                    &o_times,
                    &o_received,
                    &o_rejected,
                ],
            )?
            .get(0);
        if logged < kept {
            // An op kept back as new was in the log already: nothing of this transaction may
            // be kept (the caller runs it again without assuming).
            return Err(ServerError::Conflict(
                "an operation's id was in the op log already".into(),
            ));
        }
        Ok(())
    }

    fn insert_op(&mut self, op: &NewOp<'_>) -> StoreResult<bool> {
        if self.assume_new {
            // Kept back for the flush, which checks the op log did not hold the id.
            if !self.kept_ids.insert(op.id.to_string()) {
                return Ok(false);
            }
            self.pending_ops.push(PendingOp {
                kiosk_id: op.kiosk_id.to_string(),
                index: big(op.index),
                id: op.id.to_string(),
                kind: op.kind.to_string(),
                payload: op.payload.to_string(),
                kiosk_time_ms: op.kiosk_time_ms,
                received_ms: op.received_ms,
                rejected: None,
            });
            return Ok(true);
        }
        let n = self.exec(
            "INSERT INTO ops (kiosk_id, idx, id, kind, payload, kiosk_time_ms, received_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
            &[
                &op.kiosk_id,
                &big(op.index),
                &op.id,
                &op.kind,
                &op.payload,
                &op.kiosk_time_ms,
                &op.received_ms,
            ],
        )?;
        Ok(n == 1)
    }

    fn reject_op(&mut self, kiosk_id: &str, index: u64, reason: &str) -> StoreResult<()> {
        let at = big(index);
        if let Some(op) = self
            .pending_ops
            .iter_mut()
            .find(|op| op.kiosk_id == kiosk_id && op.index == at)
        {
            op.rejected = Some(reason.to_string());
            return Ok(());
        }
        self.exec(
            "UPDATE ops SET rejected = $3 WHERE kiosk_id = $1 AND idx = $2",
            &[&kiosk_id, &big(index), &reason],
        )?;
        Ok(())
    }

    fn emit(&mut self, site: &str, kind: &str, payload: &str, now_ms: i64) -> StoreResult<()> {
        self.exec(
            "INSERT INTO changes (site, kind, payload, created_ms) VALUES ($1, $2, $3, $4)",
            &[&site, &kind, &payload, &now_ms],
        )?;
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
        let n = self.exec(
            "INSERT INTO help_requests (id, site, kiosk_id, first_name, created_at_ms)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
            &[&id, &site, &kiosk_id, &first_name, &created_at_ms],
        )?;
        Ok(n == 1)
    }

    fn help_handled_at(&mut self, id: &str, site: &str) -> StoreResult<Option<Option<i64>>> {
        Ok(self
            .opt(
                "SELECT handled_at_ms FROM help_requests WHERE id = $1 AND site = $2",
                &[&id, &site],
            )?
            .map(|r| r.get(0)))
    }

    fn set_help_handled(&mut self, id: &str, at_ms: i64) -> StoreResult<()> {
        self.exec(
            "UPDATE help_requests SET handled_at_ms = $2 WHERE id = $1",
            &[&id, &at_ms],
        )?;
        Ok(())
    }

    fn count_usage(&mut self, site: &str, day: &str, name: &str) -> StoreResult<()> {
        *self
            .counts
            .usage
            .entry((site.into(), day.into(), name.into()))
            .or_default() += 1;
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
        let key = (
            site.into(),
            day.into(),
            event.into(),
            topic.into(),
            lesson.into(),
        );
        *self.counts.lessons.entry(key).or_default() += 1;
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
        let n = self.exec(
            "INSERT INTO lesson_resume (code, lesson, step, lang, created_ms, expires_ms)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING",
            &[
                &code,
                &lesson,
                &i64::from(step),
                &lang,
                &created_ms,
                &expires_ms,
            ],
        )?;
        Ok(n == 1)
    }

    fn activity(&mut self, id: &str) -> StoreResult<Option<(String, ActivityRecord)>> {
        let row = self.opt("SELECT site, record FROM activities WHERE id = $1", &[&id])?;
        Ok(row.and_then(|r| {
            let json: String = r.get(1);
            Some((r.get(0), serde_json::from_str(&json).ok()?))
        }))
    }

    fn activity_records(&mut self, site: &str) -> StoreResult<Vec<ActivityRecord>> {
        let rows = self.strings(
            "SELECT record FROM activities WHERE site = $1 ORDER BY start, id",
            &[&site],
        )?;
        Ok(records(&rows))
    }

    fn upsert_activity(&mut self, site: &str, a: &ActivityRecord, now_ms: i64) -> StoreResult<()> {
        self.quiet_sites.clear();
        let record = json(a)?;
        self.exec(
            "INSERT INTO activities (id, site, record, start, deleted, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET record = $3, start = $4, deleted = $5,
                                            updated_ms = $6",
            &[&a.id, &site, &record, &a.start, &a.deleted, &now_ms],
        )?;
        Ok(())
    }

    fn signup(&mut self, id: &str) -> StoreResult<Option<SignupRow>> {
        Ok(self
            .opt(
                "SELECT id, activity_id, code, COALESCE(first_name, ''), phone, party, status,
                        seq, checked_in_ms, site
                 FROM signups WHERE id = $1",
                &[&id],
            )?
            .map(|r| SignupRow {
                status: SignupStatus {
                    id: r.get(0),
                    activity_id: r.get(1),
                    code: r.get(2),
                    first_name: r.get(3),
                    phone: r.get(4),
                    party: count(r.get(5)),
                    status: r.get(6),
                    seq: r.get::<_, i64>(7).max(0) as u64,
                    checked_in_ms: r.get(8),
                },
                site: r.get(9),
            }))
    }

    fn signup_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>> {
        Ok(self
            .opt("SELECT id FROM signups WHERE code = $1 LIMIT 1", &[&code])?
            .map(|r| r.get(0)))
    }

    fn signup_id_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>> {
        Ok(self
            .opt("SELECT id FROM signups WHERE token_hash = $1", &[&hash])?
            .map(|r| r.get(0)))
    }

    fn signup_ids(&mut self, activity_id: &str) -> StoreResult<Vec<String>> {
        self.strings(
            "SELECT id FROM signups WHERE activity_id = $1 ORDER BY seq",
            &[&activity_id],
        )
    }

    fn next_signup_seq(&mut self) -> StoreResult<i64> {
        Ok(self
            .one("SELECT COALESCE(MAX(seq), 0) + 1 FROM signups", &[])?
            .get(0))
    }

    fn insert_signup(&mut self, s: &NewSignup<'_>) -> StoreResult<bool> {
        let n = self.exec(
            "INSERT INTO signups (id, activity_id, site, kiosk_id, code, first_name, phone, party,
                                  from_block, status, seq, created_ms, walk_in, checked_in_ms,
                                  token_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (id) DO NOTHING",
            &[
                &s.id,
                &s.activity_id,
                &s.site,
                &s.kiosk_id,
                &s.code,
                &s.first_name,
                &s.phone,
                &i64::from(s.party),
                &s.from_block,
                &s.status,
                &s.seq,
                &s.created_ms,
                &s.walk_in,
                &s.checked_in_ms,
                &s.token_hash,
            ],
        )?;
        Ok(n == 1)
    }

    fn set_signup_status(
        &mut self,
        id: &str,
        status: &str,
        cancelled_ms: Option<i64>,
    ) -> StoreResult<()> {
        self.exec(
            "UPDATE signups SET status = $2, cancelled_ms = COALESCE($3, cancelled_ms)
             WHERE id = $1",
            &[&id, &status, &cancelled_ms],
        )?;
        Ok(())
    }

    fn set_checked_in(&mut self, id: &str, at_ms: i64) -> StoreResult<()> {
        self.exec(
            "UPDATE signups SET checked_in_ms = $2 WHERE id = $1",
            &[&id, &at_ms],
        )?;
        Ok(())
    }

    fn seat_counts(&mut self, activity_id: &str) -> StoreResult<SeatCounts> {
        let r = self.one(
            "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN party END), 0)::BIGINT,
                    COUNT(CASE WHEN status = 'waitlisted' THEN 1 END)
             FROM signups WHERE activity_id = $1",
            &[&activity_id],
        )?;
        Ok(SeatCounts {
            confirmed: r.get(0),
            waitlisted: r.get(1),
        })
    }

    fn first_waiting(&mut self, activity_id: &str) -> StoreResult<Option<(String, u32)>> {
        Ok(self
            .opt(
                "SELECT id, party FROM signups WHERE activity_id = $1 AND status = 'waitlisted'
                 ORDER BY seq LIMIT 1",
                &[&activity_id],
            )?
            .map(|r| (r.get(0), count(r.get(1)))))
    }

    fn forget_signups(&mut self, cutoff_local: &str) -> StoreResult<usize> {
        let ended = "SELECT id FROM activities WHERE (record::jsonb ->> 'end') < $1";
        let n = self.exec(
            &format!(
                "UPDATE signups SET first_name = NULL, phone = NULL
                 WHERE (first_name IS NOT NULL OR phone IS NOT NULL) AND activity_id IN ({ended})"
            ),
            &[&cutoff_local],
        )?;
        if n > 0 {
            for (table, kind) in [
                ("ops", kinds::SIGNUP_CREATED),
                ("changes", kinds::SIGNUP_STATUS),
            ] {
                self.exec(
                    &format!(
                        "UPDATE {table} SET payload = (payload::jsonb
                             || '{{\"first_name\": \"\", \"phone\": null}}'::jsonb)::text
                         WHERE kind = $2 AND (payload::jsonb ->> 'activity_id') IN ({ended})"
                    ),
                    &[&cutoff_local, &kind],
                )?;
            }
        }
        Ok(n as usize)
    }

    fn leases(&mut self, activity_id: &str) -> StoreResult<Vec<Lease>> {
        Ok(self
            .rows(
                &format!("SELECT {LEASE_COLUMNS} WHERE activity_id = $1 ORDER BY kiosk_id"),
                &[&activity_id],
            )?
            .iter()
            .map(lease_row)
            .collect())
    }

    fn lease(&mut self, activity_id: &str, kiosk_id: &str) -> StoreResult<Option<Lease>> {
        Ok(self
            .opt(
                &format!("SELECT {LEASE_COLUMNS} WHERE activity_id = $1 AND kiosk_id = $2"),
                &[&activity_id, &kiosk_id],
            )?
            .as_ref()
            .map(lease_row))
    }

    fn put_lease(&mut self, activity_id: &str, l: &Lease) -> StoreResult<()> {
        self.quiet_sites.clear();
        self.exec(
            "INSERT INTO seat_blocks (activity_id, kiosk_id, granted, used, lease, expires_ms,
                                      recalled)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (activity_id, kiosk_id) DO UPDATE SET
                 granted = $3, used = $4, lease = $5, expires_ms = $6, recalled = $7",
            &[
                &activity_id,
                &l.kiosk_id,
                &i64::from(l.granted),
                &i64::from(l.used),
                &i64::from(l.lease),
                &l.expires_ms,
                &l.recalled,
            ],
        )?;
        Ok(())
    }

    fn lease_activities(
        &mut self,
        site: &str,
        now_local: &str,
    ) -> StoreResult<Vec<ActivityRecord>> {
        if self.quiet_sites.contains(site) {
            return Ok(Vec::new());
        }
        let rows = self.strings(
            "SELECT record FROM activities
             WHERE site = $1 AND NOT deleted AND (record::jsonb ->> 'block')::BIGINT > 0
               AND (record::jsonb ->> 'deadline') > $2
             ORDER BY id",
            &[&site, &now_local],
        )?;
        Ok(records(&rows))
    }

    fn ended_leases(&mut self, site: &str, ended_by_ms: i64) -> StoreResult<Vec<String>> {
        if self.quiet_sites.contains(site) {
            return Ok(Vec::new());
        }
        self.strings(
            "SELECT DISTINCT activity_id FROM seat_blocks
             WHERE granted > used AND expires_ms IS NOT NULL AND expires_ms <= $2
               AND activity_id IN (SELECT id FROM activities WHERE site = $1)
             ORDER BY activity_id",
            &[&site, &ended_by_ms],
        )
    }

    fn kiosk_lease_activities(&mut self, kiosk_id: &str) -> StoreResult<Vec<String>> {
        self.strings(
            "SELECT activity_id FROM seat_blocks WHERE kiosk_id = $1 AND granted > used
             ORDER BY activity_id",
            &[&kiosk_id],
        )
    }

    fn post(&mut self, id: &str) -> StoreResult<Option<(String, PostState)>> {
        let row = self.opt(&format!("SELECT {POST_COLUMNS} WHERE id = $1"), &[&id])?;
        Ok(row.and_then(|r| {
            let (site, s) = post_row(&r);
            Some((site, s?))
        }))
    }

    fn post_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>> {
        Ok(self
            .opt("SELECT id FROM posts WHERE code = $1", &[&code])?
            .map(|r| r.get(0)))
    }

    fn post_code_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>> {
        Ok(self
            .opt("SELECT code FROM posts WHERE token_hash = $1", &[&hash])?
            .map(|r| r.get(0)))
    }

    fn insert_post(&mut self, p: &NewPost<'_>) -> StoreResult<()> {
        let record = json(p.post)?;
        self.exec(
            "INSERT INTO posts (id, site, code, kiosk_id, record, status, created_ms, month,
                                updated_ms, token_hash)
             VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $6, $8)",
            &[
                &p.post.id,
                &p.site,
                &p.post.code,
                &p.kiosk_id,
                &record,
                &p.created_ms,
                &p.month,
                &p.token_hash,
            ],
        )?;
        Ok(())
    }

    fn save_post_state(&mut self, p: &PostState, now_ms: i64) -> StoreResult<()> {
        let record = json(&p.post)?;
        self.exec(
            "UPDATE posts SET record = $2, status = $3, reason = $4, expires_ms = $5,
                    reports = $6, helped = $7, updated_ms = $8, approved_ms = $9, ended_ms = $10
             WHERE id = $1",
            &[
                &p.post.id,
                &record,
                &p.status,
                &p.reason,
                &p.expires_ms,
                &i64::from(p.reports),
                &p.helped,
                &now_ms,
                &p.approved_ms,
                &p.ended_ms,
            ],
        )?;
        Ok(())
    }

    fn set_closed_month(&mut self, id: &str, month: &str) -> StoreResult<()> {
        self.exec(
            "UPDATE posts SET closed_month = $2 WHERE id = $1",
            &[&id, &month],
        )?;
        Ok(())
    }

    fn posts(&mut self, site: &str) -> StoreResult<Vec<PostState>> {
        Ok(self
            .rows(
                &format!("SELECT {POST_COLUMNS} WHERE site = $1 ORDER BY created_ms DESC, id"),
                &[&site],
            )?
            .iter()
            .filter_map(|r| post_row(r).1)
            .collect())
    }

    fn post_days(&mut self, site: &str) -> StoreResult<Option<u32>> {
        Ok(self
            .opt(
                "SELECT post_days FROM site_settings WHERE site = $1",
                &[&site],
            )?
            .map(|r| count(r.get(0))))
    }

    fn set_post_days(&mut self, site: &str, days: u32) -> StoreResult<()> {
        self.exec(
            "INSERT INTO site_settings (site, post_days) VALUES ($1, $2)
             ON CONFLICT (site) DO UPDATE SET post_days = $2",
            &[&site, &i64::from(days)],
        )?;
        Ok(())
    }

    fn insert_reply(&mut self, site: &str, r: &PostReply, month: &str) -> StoreResult<bool> {
        let n = self.exec(
            "INSERT INTO post_replies (id, post_id, site, message, contact, created_ms, month)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
            &[
                &r.id,
                &r.post_id,
                &site,
                &r.message,
                &r.contact,
                &r.created_ms,
                &month,
            ],
        )?;
        Ok(n == 1)
    }

    fn replies(&mut self, post_id: &str) -> StoreResult<Vec<PostReply>> {
        Ok(self
            .rows(
                "SELECT id, post_id, message, contact, created_ms FROM post_replies
                 WHERE post_id = $1 ORDER BY created_ms, id",
                &[&post_id],
            )?
            .iter()
            .map(|r| PostReply {
                id: r.get(0),
                post_id: r.get(1),
                message: r.get(2),
                contact: r.get(3),
                created_ms: r.get(4),
            })
            .collect())
    }

    fn forget_replies(&mut self, cutoff_ms: i64) -> StoreResult<usize> {
        let ended = "SELECT id FROM posts WHERE status != 'waiting'
                       AND COALESCE(ended_ms, expires_ms) < $1";
        let n = self.exec(
            &format!(
                "UPDATE post_replies SET message = '', contact = NULL
                 WHERE (message != '' OR contact IS NOT NULL) AND post_id IN ({ended})"
            ),
            &[&cutoff_ms],
        )?;
        if n > 0 {
            for table in ["ops", "changes"] {
                self.exec(
                    &format!(
                        "UPDATE {table} SET payload = (payload::jsonb
                             || '{{\"message\": \"\", \"contact\": null}}'::jsonb)::text
                         WHERE kind = $2 AND (payload::jsonb ->> 'post_id') IN ({ended})"
                    ),
                    &[&cutoff_ms, &kinds::POST_REPLIED],
                )?;
            }
        }
        Ok(n as usize)
    }

    fn partner(&mut self, id: &str) -> StoreResult<Option<(String, PartnerRecord)>> {
        let row = self.opt("SELECT site, record FROM partners WHERE id = $1", &[&id])?;
        Ok(row.and_then(|r| {
            let text: String = r.get(1);
            Some((r.get(0), serde_json::from_str(&text).ok()?))
        }))
    }

    fn partner_records(&mut self, site: &str) -> StoreResult<Vec<PartnerRecord>> {
        let rows = self.strings(
            "SELECT p.record FROM partner_sites s JOIN partners p ON p.id = s.partner_id
             WHERE s.site = $1 AND NOT p.deleted",
            &[&site],
        )?;
        Ok(records(&rows))
    }

    fn put_partner(&mut self, site: &str, p: &PartnerRecord, now_ms: i64) -> StoreResult<()> {
        let text = json(p)?;
        self.exec(
            "INSERT INTO partners (id, site, record, deleted, created_ms, updated_ms)
             VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT (id) DO UPDATE SET site = $2, record = $3, deleted = $4, updated_ms = $5",
            &[&p.id, &site, &text, &p.deleted, &now_ms],
        )?;
        Ok(())
    }

    fn partner_sites(&mut self, id: &str) -> StoreResult<Vec<String>> {
        self.strings(
            "SELECT site FROM partner_sites WHERE partner_id = $1 ORDER BY site",
            &[&id],
        )
    }

    fn set_partner_sites(&mut self, id: &str, sites: &[String]) -> StoreResult<()> {
        self.exec("DELETE FROM partner_sites WHERE partner_id = $1", &[&id])?;
        for site in sites {
            self.exec(
                "INSERT INTO partner_sites (partner_id, site) VALUES ($1, $2)",
                &[&id, site],
            )?;
        }
        Ok(())
    }

    fn add_partner_post(&mut self, post_id: &str, partner_id: &str, role: &str) -> StoreResult<()> {
        self.exec(
            "INSERT INTO partner_posts (post_id, partner_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (post_id) DO NOTHING",
            &[&post_id, &partner_id, &role],
        )?;
        Ok(())
    }

    fn partner_post_ids(&mut self, partner_id: &str, role: &str) -> StoreResult<Vec<String>> {
        self.strings(
            "SELECT post_id FROM partner_posts WHERE partner_id = $1 AND role = $2",
            &[&partner_id, &role],
        )
    }

    fn partner_post_role(
        &mut self,
        post_id: &str,
        partner_id: &str,
    ) -> StoreResult<Option<String>> {
        Ok(self
            .opt(
                "SELECT role FROM partner_posts WHERE post_id = $1 AND partner_id = $2",
                &[&post_id, &partner_id],
            )?
            .map(|r| r.get(0)))
    }

    fn add_partner_reply(&mut self, reply_id: &str, partner_id: &str) -> StoreResult<()> {
        self.exec(
            "INSERT INTO partner_replies (reply_id, partner_id) VALUES ($1, $2)",
            &[&reply_id, &partner_id],
        )?;
        Ok(())
    }

    fn partner_reply_ids(&mut self, partner_id: &str) -> StoreResult<Vec<String>> {
        self.strings(
            "SELECT reply_id FROM partner_replies WHERE partner_id = $1",
            &[&partner_id],
        )
    }

    fn insert_signal(&mut self, s: &NewSignal<'_>) -> StoreResult<bool> {
        let n = self.exec(
            "INSERT INTO signals (id, site, partner_id, kind, lang, note, phone, created_ms, month)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING",
            &[
                &s.id,
                &s.site,
                &s.partner_id,
                &s.kind,
                &s.lang,
                &s.note,
                &s.phone,
                &s.created_ms,
                &s.month,
            ],
        )?;
        Ok(n == 1)
    }

    fn open_signals(&mut self, partner_id: &str) -> StoreResult<Vec<OpenSignal>> {
        Ok(self
            .rows(
                "SELECT id, kind, lang, COALESCE(note, ''), phone, created_ms FROM signals
                 WHERE partner_id = $1 AND handled_ms IS NULL AND note IS NOT NULL
                 ORDER BY created_ms, id",
                &[&partner_id],
            )?
            .iter()
            .map(|r| OpenSignal {
                id: r.get(0),
                kind: r.get(1),
                lang: r.get(2),
                note: r.get(3),
                phone: r.get(4),
                created_ms: r.get(5),
            })
            .collect())
    }

    fn handle_signal(
        &mut self,
        id: &str,
        partner_id: &str,
        now_ms: i64,
        outcome: &str,
    ) -> StoreResult<bool> {
        let n = self.exec(
            "UPDATE signals SET note = NULL, phone = NULL, handled_ms = $3, outcome = $4
             WHERE id = $1 AND partner_id = $2 AND handled_ms IS NULL",
            &[&id, &partner_id, &now_ms, &outcome],
        )?;
        Ok(n > 0)
    }

    fn forget_signals(&mut self, before_ms: i64) -> StoreResult<usize> {
        let n = self.exec(
            "UPDATE signals SET note = NULL, phone = NULL
             WHERE created_ms < $1 AND (note IS NOT NULL OR phone IS NOT NULL)",
            &[&before_ms],
        )?;
        Ok(n as usize)
    }

    fn put_logo(&mut self, hash: &str, png: &[u8], now_ms: i64) -> StoreResult<()> {
        self.exec(
            "INSERT INTO partner_logos (hash, png, created_ms) VALUES ($1, $2, $3)
             ON CONFLICT (hash) DO NOTHING",
            &[&hash, &png, &now_ms],
        )?;
        Ok(())
    }

    fn logo(&mut self, hash: &str) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .opt("SELECT png FROM partner_logos WHERE hash = $1", &[&hash])?
            .map(|r| r.get(0)))
    }
}
