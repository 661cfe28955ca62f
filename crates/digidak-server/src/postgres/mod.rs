//! The server on PostgreSQL: for an organisation that runs several server instances on one
//! database its IT people already back up and replicate.
//!
//! - The rules are the same code as on SQLite (over [`crate::storage::Tx`], here [`PgTx`]).
//! - **One writer at a time, cluster-wide.** Every write transaction first takes one
//!   transaction-scoped advisory lock ([`WRITE_LOCK`]), so writes from every instance run one
//!   after the other, as on SQLite's single writer. That is what keeps the rules exact across
//!   instances (a seat decision reads, then writes), and it is what keeps the change feed
//!   safe: a change's `seq` is drawn under the lock and the lock is held until commit, so
//!   changes become visible in `seq` order and a pull cursor can never pass a change that
//!   commits later with a lower `seq` (`docs/sync.md`, "Several server instances").
//! - Reads (token checks, pulls, pages) run beside the writer, on their own connections.
//! - A pool of blocking connections (`r2d2` + `postgres`, the blocking client over
//!   `tokio-postgres`): the store trait is blocking and the HTTP layer calls it on blocking
//!   threads, as for SQLite, so both backends share one trait and one set of rules.

mod copy;
mod partners;
mod schema;
mod tx;

use std::time::Duration;

use postgres::NoTls;

pub use copy::{CopyReport, copy_from_sqlite};
pub use tx::PgTx;

use crate::group_commit::{Answer, Pusher};
use crate::{
    AdminSession, AdminStore, KioskAuth, KioskRow, LessonCountRow, ServerError, ServerStore,
    SignupWithActivity, SiteAttention, activities, kiosks, numbers,
};
use digidak_protocol::{
    ActivityRecord, ActivityState, Change, PROTOCOL_VERSION, PairResponse, PullResponse,
    PushRequest, PushResponse, ResumeResponse, SignupStatus, StatusResponse,
};

/// The advisory lock every write transaction holds (any number; this one spells "digidak").
pub const WRITE_LOCK: i64 = 0x0064_6967_6964_616b;
/// The advisory lock held while the schema is checked and migrated at start.
const MIGRATE_LOCK: i64 = 0x0064_6967_6964_616c;

/// A pooled connection and its prepared statements.
pub(super) struct Conn {
    client: postgres::Client,
    statements: tx::Statements,
}

impl Conn {
    /// Runs a read through this connection's prepared statement of `sql`.
    fn rows(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, postgres::Error> {
        let statement = match self.statements.get(sql) {
            Some(s) => s.clone(),
            None => {
                let s = self.client.prepare(sql)?;
                self.statements.insert(sql.to_string(), s.clone());
                s
            }
        };
        self.client.query(&statement, params)
    }

    fn last_seq(&mut self, site: &str) -> Result<u64, postgres::Error> {
        let rows = self.rows(
            "SELECT COALESCE(MAX(seq), 0) FROM changes WHERE site = $1",
            &[&site],
        )?;
        Ok(rows[0].get::<_, i64>(0).max(0) as u64)
    }
}

/// A transaction open on a pooled connection: begun in one round trip (`BEGIN` and, for a
/// write, the cluster-wide write lock), rolled back when dropped uncommitted (a failed rule,
/// an error, a panic), so a connection never goes back to the pool inside a transaction.
pub(super) struct Begun<'c> {
    client: &'c mut postgres::Client,
    open: bool,
}

impl<'c> Begun<'c> {
    /// `BEGIN` and the write lock ([`WRITE_LOCK`]) in one round trip.
    fn write(client: &'c mut postgres::Client) -> Result<Self, postgres::Error> {
        client.batch_execute(WRITE_BEGIN)?;
        Ok(Self { client, open: true })
    }

    /// A read-only transaction (one snapshot for every statement).
    fn read(client: &'c mut postgres::Client) -> Result<Self, postgres::Error> {
        client.batch_execute("BEGIN READ ONLY")?;
        Ok(Self { client, open: true })
    }

    fn client(&mut self) -> &mut postgres::Client {
        self.client
    }

    fn commit(mut self) -> Result<(), postgres::Error> {
        self.open = false;
        self.client.batch_execute("COMMIT")
    }
}

impl Drop for Begun<'_> {
    fn drop(&mut self) {
        if self.open && !self.client.is_closed() {
            // A failed rollback leaves a broken connection, which the pool then drops.
            let _ = self.client.batch_execute("ROLLBACK");
        }
    }
}

/// `BEGIN` and the write lock as one simple query (the lock's number spelled out).
const WRITE_BEGIN: &str = "BEGIN; SELECT pg_advisory_xact_lock(28263390541799787)";

#[cfg(test)]
#[test]
fn the_write_begin_takes_the_write_lock() {
    assert!(WRITE_BEGIN.ends_with(&format!("pg_advisory_xact_lock({WRITE_LOCK})")));
}

/// Opens connections for the pool (r2d2's `ManageConnection`, with a statement cache per
/// connection).
struct Manager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Conn;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Conn, postgres::Error> {
        Ok(Conn {
            client: self.config.connect(NoTls)?,
            statements: Default::default(),
        })
    }

    fn is_valid(&self, conn: &mut Conn) -> Result<(), postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        conn.client.is_closed()
    }
}

type Pool = r2d2::Pool<Manager>;

pub struct PgServerStore {
    pool: Pool,
    /// The address without its password, for messages.
    shown: String,
    /// Pushes of this instance waiting to be committed together.
    group: crate::group_commit::GroupCommit,
    /// Makes one thread of this instance the pushes' writer at a time.
    pusher: std::sync::Mutex<()>,
}

/// Whether `db` names a PostgreSQL database (`postgres://` or `postgresql://`).
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The address with any password replaced, for messages and logs.
pub fn shown_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((user, host)) => {
                let user = user.split(':').next().unwrap_or("");
                format!("{scheme}://{user}@{host}")
            }
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl PgServerStore {
    /// Connects, and checks and migrates the schema (under a lock, so instances starting
    /// together migrate once). A database whose schema is newer than this server is refused,
    /// untouched.
    pub fn open(url: &str) -> Result<Self, ServerError> {
        let shown = shown_url(url);
        let open_err = |detail: String| ServerError::Open {
            path: shown.clone(),
            detail,
        };
        let config: postgres::Config = url.parse().map_err(|e: postgres::Error| {
            open_err(format!("this is not a PostgreSQL address: {e}"))
        })?;
        let manager = Manager { config };
        // Connections open as they are needed (one at start); a connection is not pinged on
        // each checkout (a broken one fails its request once, which the kiosk retries, and is
        // then dropped).
        let pool = r2d2::Pool::builder()
            .max_size(16)
            .min_idle(Some(1))
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
            .map_err(|e| open_err(format!("cannot connect: {e}")))?;
        let store = Self {
            pool,
            shown: shown.clone(),
            group: Default::default(),
            pusher: std::sync::Mutex::new(()),
        };
        match store.migrate() {
            Ok(()) => Ok(store),
            Err(e @ ServerError::Open { .. }) => Err(e),
            Err(other) => Err(open_err(other.to_string())),
        }
    }

    fn conn(&self) -> Result<r2d2::PooledConnection<Manager>, ServerError> {
        self.pool
            .get()
            .map_err(|e| ServerError::Unavailable(format!("the database is not reachable: {e}")))
    }

    fn migrate(&self) -> Result<(), ServerError> {
        let mut conn = self.conn()?;
        let mut t = conn.client.transaction()?;
        t.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
        t.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let found: Option<i64> = t
            .query_opt("SELECT version FROM schema_version", &[])?
            .map(|r| r.get(0));
        let found = found.unwrap_or(0);
        let known = schema::MIGRATIONS.len() as i64;
        if found > known {
            return Err(ServerError::Open {
                path: self.shown.clone(),
                detail: format!(
                    "its schema is version {found}, newer than this server knows ({known}); \
                     run a newer digidak-server"
                ),
            });
        }
        for m in &schema::MIGRATIONS[found as usize..] {
            t.batch_execute(m)?;
        }
        if found == 0 {
            t.execute(
                "INSERT INTO schema_version (version) VALUES ($1)",
                &[&known],
            )?;
        } else {
            t.execute("UPDATE schema_version SET version = $1", &[&known])?;
        }
        t.commit()?;
        Ok(())
    }

    /// Runs a rule in one write transaction under the cluster-wide write lock, committed if it
    /// returns `Ok`.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut PgTx<'_>) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        let mut conn = self.conn()?;
        let Conn { client, statements } = &mut *conn;
        let mut t = Begun::write(client)?;
        let mut tx = PgTx::new(t.client(), statements);
        let out = f(&mut tx)?;
        crate::storage::Tx::flush(&mut tx)?;
        t.commit()?;
        Ok(out)
    }

    /// Runs a read in its own (read-only) transaction.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&mut PgTx<'_>) -> Result<T, ServerError>,
    ) -> Result<T, ServerError> {
        let mut conn = self.conn()?;
        let Conn { client, statements } = &mut *conn;
        let mut t = Begun::read(client)?;
        let mut tx = PgTx::new(t.client(), statements);
        let out = f(&mut tx)?;
        crate::storage::Tx::flush(&mut tx)?;
        t.commit()?;
        Ok(out)
    }

    /// Runs `f` on a pooled connection with its prepared statements (the hot reads).
    fn prepared<T>(
        &self,
        f: impl FnOnce(&mut Conn) -> Result<T, postgres::Error>,
    ) -> Result<T, ServerError> {
        let mut conn = self.conn()?;
        Ok(f(&mut conn)?)
    }

    /// Runs `f` on a pooled client (queries of the read-only answers).
    fn query<T>(
        &self,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error>,
    ) -> Result<T, ServerError> {
        let mut conn = self.conn()?;
        Ok(f(&mut conn.client)?)
    }
}

fn big(v: u64) -> i64 {
    v.min(i64::MAX as u64) as i64
}

/// A pull's answer from rows of (head, seq, kind, payload) starting at column `at`: the page's
/// changes (one more than `limit` was asked for, to know whether there are more).
fn pull_page(rows: &[postgres::Row], at: usize, after: u64, limit: u64) -> PullResponse {
    let head = rows
        .first()
        .map_or(0, |r| r.get::<_, i64>(at).max(0) as u64);
    let mut changes: Vec<Change> = rows
        .iter()
        .filter_map(|r| {
            let seq: Option<i64> = r.get(at + 1);
            let payload: String = r.get::<_, Option<String>>(at + 3)?;
            Some(Change {
                seq: seq? as u64,
                kind: r.get::<_, Option<String>>(at + 2)?,
                payload: serde_json::from_str(&payload).unwrap_or(serde_json::Value::Null),
            })
        })
        .collect();
    let more = changes.len() as u64 > limit;
    changes.truncate(usize_of(limit));
    let next_after = changes.last().map_or(after, |c| c.seq);
    PullResponse {
        changes,
        last_seq: head.max(next_after),
        more,
        next_after: Some(next_after),
    }
}

fn usize_of(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl PgServerStore {
    /// A push through this instance's group commit (`group_commit.rs`): one transaction, one
    /// lock and one WAL flush for the pushes that arrived together.
    fn push_as(&self, who: Pusher, request: PushRequest, now_ms: i64) -> Answer {
        let writer = || self.pusher.lock().unwrap_or_else(|e| e.into_inner());
        self.group
            .push(who, request, now_ms, writer, |_writer, taken| {
                let mut conn = self.conn()?;
                let Conn { client, statements } = &mut *conn;
                // First the whole group in one transaction, sharing one prefetch and one
                // flush: a handful of round trips for the group, whatever its size. The group
                // is taken once the lock is held: what arrived meanwhile comes along.
                {
                    let mut t = Begun::write(client)?;
                    let jobs = taken.take();
                    let mut tx = PgTx::new(t.client(), statements);
                    let (mut ids, mut hashes) = (Vec::new(), Vec::new());
                    for job in jobs {
                        match &job.who {
                            Pusher::Kiosk(k) => ids.push(k.id.as_str()),
                            Pusher::TokenHash(h) => hashes.push(h.as_str()),
                        }
                    }
                    let earliest = jobs.iter().map(|j| j.now_ms).min().unwrap_or(now_ms);
                    let earliest = digidak_core::activities::local_now(earliest);
                    tx.prefetch(&ids, &hashes, &earliest)?;
                    tx.assume_new_ops();
                    let mut answers = Vec::with_capacity(jobs.len());
                    for job in jobs {
                        match kiosks::push_as(&mut tx, &job.who, &job.request, job.now_ms) {
                            Ok(answer) => answers.push(Ok(answer)),
                            // An unknown token or kiosk is refused before anything is written:
                            // the rest of the group goes on.
                            Err(e @ ServerError::Unauthorized(_)) => answers.push(Err(e)),
                            Err(_) => break,
                        }
                    }
                    // The flush fails if an op taken as new was logged before (a kiosk that
                    // reused an id): then, as when a push failed, none of the group is kept
                    // (dropping `t` rolls back) and the pushes run again below, each in a
                    // savepoint of its own, with every op's id checked as it is stored.
                    if answers.len() == jobs.len() && crate::storage::Tx::flush(&mut tx).is_ok() {
                        t.commit()?;
                        return Ok(answers);
                    }
                }
                let mut t = Begun::write(client)?;
                let jobs = taken.take();
                let mut answers = Vec::with_capacity(jobs.len());
                for job in jobs {
                    t.client().batch_execute("SAVEPOINT push")?;
                    let mut tx = PgTx::new(t.client(), statements);
                    let answer = kiosks::push_as(&mut tx, &job.who, &job.request, job.now_ms)
                        .and_then(|answer| crate::storage::Tx::flush(&mut tx).map(|()| answer));
                    match answer {
                        Ok(resp) => {
                            t.client().batch_execute("RELEASE SAVEPOINT push")?;
                            answers.push(Ok(resp));
                        }
                        Err(e) => {
                            // This push only is undone.
                            t.client().batch_execute("ROLLBACK TO SAVEPOINT push")?;
                            answers.push(Err(e));
                        }
                    }
                }
                t.commit()?;
                Ok(answers)
            })
    }
}

impl ServerStore for PgServerStore {
    fn login_begin(&self, name: &str, network: &str, now_ms: i64) -> Result<bool, ServerError> {
        self.write(|tx| crate::logins::begin(tx, name, network, now_ms))
    }

    fn login_succeeded(&self, name: &str, network: &str) -> Result<(), ServerError> {
        self.write(|tx| crate::logins::succeeded(tx, name, network))
    }

    fn ping(&self) -> Result<(), ServerError> {
        // A health check answers within seconds: a load balancer does not wait long.
        let mut conn = self
            .pool
            .get_timeout(Duration::from_secs(2))
            .map_err(|e| ServerError::Unavailable(format!("the database is not reachable: {e}")))?;
        Ok(conn.client.batch_execute("SELECT 1")?)
    }

    fn add_kiosk(&self, name: &str, site: &str, now_ms: i64) -> Result<String, ServerError> {
        self.write(|tx| kiosks::add(tx, name, site, now_ms))
    }

    fn list_kiosks(&self) -> Result<Vec<KioskRow>, ServerError> {
        self.query(|c| {
            Ok(c.query(
                "SELECT name, site, token_hash IS NOT NULL, revoked_ms IS NOT NULL, last_seen_ms,
                        app_version, outbox_len, dead_letters, last_frame_ms, skew_ms, protocol
                 FROM kiosks ORDER BY site, name",
                &[],
            )?
            .iter()
            .map(|r| KioskRow {
                name: r.get(0),
                site: r.get(1),
                paired: r.get(2),
                revoked: r.get(3),
                last_seen_ms: r.get(4),
                app_version: r.get(5),
                outbox_len: r.get(6),
                dead_letters: r.get(7),
                last_frame_ms: r.get(8),
                skew_ms: r.get(9),
                protocol: r.get::<_, Option<i64>>(10).map(tx::count),
            })
            .collect())
        })
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
        let version: String = app_version.chars().take(40).collect();
        self.query(|c| {
            c.execute(
                "UPDATE kiosks SET protocol = $2, app_version = $3, last_seen_ms = $4
                 WHERE id = $1",
                &[&kiosk.id, &i64::from(protocol), &version, &now_ms],
            )
            .map(|_| ())
        })
    }

    fn authenticate(&self, token: &str) -> Result<Option<KioskAuth>, ServerError> {
        if token.len() != 64 {
            return Ok(None);
        }
        let hash = crate::hash_secret(token);
        self.prepared(|c| {
            Ok(c.rows(
                "SELECT id, name, site FROM kiosks WHERE token_hash = $1 AND revoked_ms IS NULL",
                &[&hash],
            )?
            .first()
            .map(|r| KioskAuth {
                id: r.get(0),
                name: r.get(1),
                site: r.get(2),
            }))
        })
    }

    fn push(
        &self,
        kiosk: &KioskAuth,
        request: PushRequest,
        now_ms: i64,
    ) -> Result<PushResponse, ServerError> {
        let who = crate::group_commit::Pusher::Kiosk(kiosk.clone());
        self.push_as(who, request, now_ms).map(|(_, resp)| resp)
    }

    fn push_by_token(
        &self,
        token: &str,
        request: PushRequest,
        now_ms: i64,
    ) -> Result<Option<(KioskAuth, PushResponse)>, ServerError> {
        if token.len() != 64 {
            return Ok(None);
        }
        // The token is checked by the writer, for the whole group in its prefetch.
        let who = crate::group_commit::Pusher::TokenHash(crate::hash_secret(token));
        match self.push_as(who, request, now_ms) {
            Ok(answer) => Ok(Some(answer)),
            Err(ServerError::Unauthorized(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
    fn pull(&self, kiosk: &KioskAuth, after: u64, limit: u64) -> Result<PullResponse, ServerError> {
        let limit = limit.clamp(1, digidak_protocol::MAX_PULL_CHANGES);
        self.prepared(|c| {
            // The page and the site's newest number in one statement (one snapshot, one
            // round trip): the head is never below the page's last change.
            let rows = c.rows(
                "SELECT h.last, p.seq, p.kind, p.payload
                 FROM (SELECT COALESCE(MAX(seq), 0) AS last FROM changes WHERE site = $1) h
                 LEFT JOIN LATERAL (
                     SELECT seq, kind, payload FROM changes WHERE site = $1 AND seq > $2
                     ORDER BY seq LIMIT $3
                 ) p ON TRUE
                 ORDER BY p.seq",
                &[&kiosk.site, &big(after), &((limit + 1) as i64)],
            )?;
            Ok(pull_page(&rows, 0, after, limit))
        })
    }

    fn pull_by_token(
        &self,
        token: &str,
        after: u64,
        limit: u64,
    ) -> Result<Option<PullResponse>, ServerError> {
        if token.len() != 64 {
            return Ok(None);
        }
        let hash = crate::hash_secret(token);
        let limit = limit.clamp(1, digidak_protocol::MAX_PULL_CHANGES);
        self.prepared(|c| {
            // The kiosk, its site's newest number and the page in one statement.
            let rows = c.rows(
                "SELECT k.id, h.last, p.seq, p.kind, p.payload
                 FROM kiosks k
                 CROSS JOIN LATERAL (
                     SELECT COALESCE(MAX(seq), 0) AS last FROM changes WHERE site = k.site
                 ) h
                 LEFT JOIN LATERAL (
                     SELECT seq, kind, payload FROM changes WHERE site = k.site AND seq > $2
                     ORDER BY seq LIMIT $3
                 ) p ON TRUE
                 WHERE k.token_hash = $1 AND k.revoked_ms IS NULL
                 ORDER BY p.seq",
                &[&hash, &big(after), &((limit + 1) as i64)],
            )?;
            Ok((!rows.is_empty()).then(|| pull_page(&rows, 1, after, limit)))
        })
    }

    fn status(&self, kiosk: &KioskAuth, now_ms: i64) -> Result<StatusResponse, ServerError> {
        let found = self.prepared(|c| {
            let rows = c.rows(
                "SELECT next_index, code_range FROM kiosks WHERE id = $1",
                &[&kiosk.id],
            )?;
            let Some(r) = rows.first() else {
                return Ok(None);
            };
            let next: i64 = r.get(0);
            let code_range = r.get::<_, Option<i64>>(1).map(tx::count);
            Ok(Some(StatusResponse {
                protocol: PROTOCOL_VERSION,
                kiosk_id: kiosk.id.clone(),
                name: kiosk.name.clone(),
                site: kiosk.site.clone(),
                next_index: next.max(0) as u64,
                last_seq: c.last_seq(&kiosk.site)?,
                server_time_ms: now_ms,
                code_range,
                min_protocol: Some(digidak_protocol::MIN_PROTOCOL_VERSION),
                recommended_version: None,
            }))
        })?;
        found.ok_or_else(|| ServerError::Unauthorized("this kiosk is not known here".into()))
    }

    fn usage_counts(&self) -> Result<Vec<(String, String, String, i64)>, ServerError> {
        self.query(|c| {
            Ok(c.query(
                "SELECT site, day, name, count FROM usage_counts ORDER BY site, day, name",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect())
        })
    }

    fn find_resume(&self, code: &str, now_ms: i64) -> Result<Option<ResumeResponse>, ServerError> {
        self.query(|c| {
            Ok(c.query_opt(
                "SELECT lesson, step, lang FROM lesson_resume WHERE code = $1 AND expires_ms > $2",
                &[&code, &now_ms],
            )?
            .map(|r| ResumeResponse {
                lesson: r.get(0),
                step: tx::count(r.get(1)),
                lang: r.get(2),
            }))
        })
    }

    fn save_activity(&self, site: &str, a: &ActivityRecord, now: i64) -> Result<(), ServerError> {
        self.write(|tx| activities::save(tx, site, a, now)?.map_err(ServerError::from))
    }

    fn activity_site(&self, id: &str) -> Result<Option<String>, ServerError> {
        self.query(|c| {
            Ok(
                c.query_opt("SELECT site FROM activities WHERE id = $1", &[&id])?
                    .map(|r| r.get(0)),
            )
        })
    }

    fn activities(&self, site: &str) -> Result<Vec<ActivityState>, ServerError> {
        self.read(|tx| activities::list(tx, site))
    }

    fn signups(&self, activity_id: &str) -> Result<Vec<SignupStatus>, ServerError> {
        self.read(|tx| activities::signups(tx, activity_id))
    }

    fn signup_by_token(&self, token: &str) -> Result<Option<SignupWithActivity>, ServerError> {
        self.read(|tx| activities::by_token(tx, token))
    }

    fn cancel_by_token(&self, token: &str, now_ms: i64) -> Result<usize, ServerError> {
        self.write(|tx| activities::cancel_by_token(tx, token, now_ms))
    }

    fn forget_old_signups(&self, days: u32, now_ms: i64) -> Result<usize, ServerError> {
        // PostgreSQL rewrites rows in new versions; VACUUM (autovacuum) reclaims the old ones.
        self.write(|tx| activities::forget_old_signups(tx, days, now_ms))
    }

    fn set_admin(&self, name: &str, password_hash: &str, now_ms: i64) -> Result<(), ServerError> {
        self.query(|c| {
            let mut t = c.transaction()?;
            t.execute(
                "INSERT INTO admins (name, hash, created_ms) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO UPDATE SET hash = $2",
                &[&name, &password_hash, &now_ms],
            )?;
            // A new password ends every session of the name.
            t.execute("DELETE FROM admin_sessions WHERE admin = $1", &[&name])?;
            t.commit()
        })
    }

    fn admin_password_hash(&self, name: &str) -> Result<Option<String>, ServerError> {
        self.query(|c| {
            Ok(
                c.query_opt("SELECT hash FROM admins WHERE name = $1", &[&name])?
                    .map(|r| r.get(0)),
            )
        })
    }

    fn create_session(&self, s: &AdminSession, token_hash: &str) -> Result<(), ServerError> {
        self.query(|c| {
            c.execute(
                "DELETE FROM admin_sessions WHERE expires_ms < $1",
                &[&s.created_ms],
            )?;
            c.execute(
                "INSERT INTO admin_sessions (token_hash, admin, csrf, created_ms, expires_ms)
                 VALUES ($1, $2, $3, $4, $5)",
                &[&token_hash, &s.admin, &s.csrf, &s.created_ms, &s.expires_ms],
            )
            .map(|_| ())
        })
    }

    fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<AdminSession>, ServerError> {
        self.query(|c| {
            Ok(c.query_opt(
                "SELECT admin, csrf, created_ms, expires_ms FROM admin_sessions
                 WHERE token_hash = $1 AND expires_ms > $2",
                &[&token_hash, &now_ms],
            )?
            .map(|r| AdminSession {
                admin: r.get(0),
                csrf: r.get(1),
                created_ms: r.get(2),
                expires_ms: r.get(3),
            }))
        })
    }

    fn end_session(&self, token_hash: &str) -> Result<(), ServerError> {
        self.query(|c| {
            c.execute(
                "DELETE FROM admin_sessions WHERE token_hash = $1",
                &[&token_hash],
            )
            .map(|_| ())
        })
    }

    fn sites(&self) -> Result<Vec<String>, ServerError> {
        self.query(|c| {
            Ok(c.query(
                "SELECT site FROM kiosks UNION SELECT site FROM activities ORDER BY 1",
                &[],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
        })
    }

    fn numbers(&self) -> Result<Vec<numbers::NumberRow>, ServerError> {
        self.query(|c| {
            Ok(c.query(numbers::POSTGRES_SQL, &[])?
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                .collect())
        })
    }

    fn backup(&self, _to: &std::path::Path) -> Result<(), ServerError> {
        Err(ServerError::BadRequest(
            "on PostgreSQL, back up with pg_dump (README, \"Running on PostgreSQL\")".into(),
        ))
    }

    fn lesson_counts(&self) -> Result<Vec<LessonCountRow>, ServerError> {
        self.query(|c| {
            Ok(c.query(
                "SELECT site, substr(day, 1, 7) AS month, event, topic, SUM(count)::BIGINT
                 FROM lesson_counts
                 GROUP BY site, month, event, topic ORDER BY site, month, event, topic",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
            .collect())
        })
    }
}

impl crate::storage::Transactions for PgServerStore {
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

    /// PostgreSQL writes a new row version; (auto)vacuum reclaims the old one.
    fn forget_tx(
        &self,
        f: impl FnOnce(&mut dyn crate::storage::Tx) -> Result<usize, ServerError>,
    ) -> Result<usize, ServerError> {
        self.write(|tx| f(tx))
    }
}

impl AdminStore for PgServerStore {
    fn attention(&self, day_start_ms: i64) -> Result<Vec<SiteAttention>, ServerError> {
        self.query(|c| {
            Ok(c.query(
                "SELECT site, SUM(help_today)::BIGINT, SUM(help_open)::BIGINT,
                        SUM(rejected)::BIGINT, SUM(waiting)::BIGINT, SUM(reported)::BIGINT
                 FROM (
                   SELECT site, (created_at_ms >= $1)::INT AS help_today,
                          (handled_at_ms IS NULL)::INT AS help_open,
                          0 AS rejected, 0 AS waiting, 0 AS reported
                     FROM help_requests
                   UNION ALL
                   SELECT k.site, 0, 0, 1, 0, 0 FROM ops o JOIN kiosks k ON k.id = o.kiosk_id
                     WHERE o.rejected IS NOT NULL
                   UNION ALL
                   SELECT site, 0, 0, 0, (status = 'waiting')::INT, (status = 'reported')::INT
                     FROM posts WHERE status IN ('waiting', 'reported')
                   UNION ALL
                   SELECT site, 0, 0, 0, 0, 0 FROM kiosks
                 ) AS a GROUP BY site ORDER BY site",
                &[&day_start_ms],
            )?
            .iter()
            .map(|r| SiteAttention {
                site: r.get(0),
                help_today: r.get(1),
                help_open: r.get(2),
                rejected_ops: r.get(3),
                posts_waiting: r.get(4),
                posts_reported: r.get(5),
            })
            .collect())
        })
    }

    fn remove_admin(&self, name: &str) -> Result<bool, ServerError> {
        self.query(|c| {
            let mut t = c.transaction()?;
            t.execute("DELETE FROM admin_sessions WHERE admin = $1", &[&name])?;
            let n = t.execute("DELETE FROM admins WHERE name = $1", &[&name])?;
            t.commit()?;
            Ok(n > 0)
        })
    }

    fn use_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<AdminSession>, ServerError> {
        self.query(|c| {
            Ok(c.query_opt(
                "UPDATE admin_sessions SET expires_ms = LEAST(created_ms + $3, $2 + $4)
                 WHERE token_hash = $1 AND expires_ms > $2
                 RETURNING admin, csrf, created_ms, expires_ms",
                &[&token_hash, &now_ms, &max_ms, &idle_ms],
            )?
            .map(|r| AdminSession {
                admin: r.get(0),
                csrf: r.get(1),
                created_ms: r.get(2),
                expires_ms: r.get(3),
            }))
        })
    }
}

/// For tests and tools: creates the database `name` (letters, digits and `_`) on the cluster
/// at `cluster` and returns its address.
pub fn create_database(cluster: &str, name: &str) -> Result<String, ServerError> {
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(ServerError::BadRequest(format!(
            "{name:?} is not a database name"
        )));
    }
    let mut admin = postgres::Client::connect(cluster, NoTls)?;
    admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
    match cluster.rsplit_once('/') {
        Some((base, _)) => Ok(format!("{base}/{name}")),
        None => Err(ServerError::BadRequest(format!(
            "{} has no database part",
            shown_url(cluster)
        ))),
    }
}

/// For tests and tools: the rows of a query, each value as PostgreSQL's text (`None` for
/// NULL).
pub fn query_text(url: &str, sql: &str) -> Result<Vec<Vec<Option<String>>>, ServerError> {
    let mut client = postgres::Client::connect(url, NoTls)?;
    let mut rows = Vec::new();
    for message in client.simple_query(sql)? {
        if let postgres::SimpleQueryMessage::Row(row) = message {
            rows.push(
                (0..row.len())
                    .map(|i| row.get(i).map(str::to_string))
                    .collect(),
            );
        }
    }
    Ok(rows)
}
