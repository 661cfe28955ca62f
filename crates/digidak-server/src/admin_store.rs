//! The admin web's part of the server store beyond creating admins and sessions: removing an
//! admin, sessions that end when idle, and ending every session of a name; what the front
//! page counts (help calls, rejected operations, posts to look at).

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::sqlite::SqliteServerStore;
use super::{AdminSession, ServerError};

/// What needs a coordinator's eye on one site (the admin front page). Counts only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteAttention {
    pub site: String,
    /// Help calls made since the start of the day.
    pub help_today: i64,
    /// Help calls not yet marked handled.
    pub help_open: i64,
    /// Operations from the site's kiosks the server refused (dead letters), ever.
    pub rejected_ops: i64,
    pub posts_waiting: i64,
    pub posts_reported: i64,
}

pub trait AdminStore {
    /// Per site with anything in it: help calls since `day_start_ms`, open help calls,
    /// refused operations, posts waiting for review and reported posts.
    fn attention(&self, day_start_ms: i64) -> Result<Vec<SiteAttention>, ServerError>;
    /// Removes an admin and ends all its sessions. False if there is no such admin.
    fn remove_admin(&self, name: &str) -> Result<bool, ServerError>;
    /// The session of a token hash if it has not expired, its expiry moved to `now_ms +
    /// idle_ms` but never past `created_ms + max_ms`: a session ends after `idle_ms` without
    /// use, and after `max_ms` at the latest.
    fn use_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<AdminSession>, ServerError>;
}

impl AdminStore for SqliteServerStore {
    fn attention(&self, day_start_ms: i64) -> Result<Vec<SiteAttention>, ServerError> {
        let conn = self.reader();
        let mut stmt = conn.prepare(
            "SELECT site,
                    SUM(help_today), SUM(help_open), SUM(rejected), SUM(waiting), SUM(reported)
             FROM (
               SELECT site, (created_at_ms >= ?1) AS help_today, (handled_at_ms IS NULL) AS help_open,
                      0 AS rejected, 0 AS waiting, 0 AS reported
                 FROM help_requests
               UNION ALL
               SELECT k.site, 0, 0, 1, 0, 0 FROM ops o JOIN kiosks k ON k.id = o.kiosk_id
                 WHERE o.rejected IS NOT NULL
               UNION ALL
               SELECT site, 0, 0, 0, status = 'waiting', status = 'reported' FROM posts
                 WHERE status IN ('waiting', 'reported')
               UNION ALL
               SELECT site, 0, 0, 0, 0, 0 FROM kiosks
             ) GROUP BY site ORDER BY site",
        )?;
        let rows = stmt.query_map([day_start_ms], |r| {
            Ok(SiteAttention {
                site: r.get(0)?,
                help_today: r.get(1)?,
                help_open: r.get(2)?,
                rejected_ops: r.get(3)?,
                posts_waiting: r.get(4)?,
                posts_reported: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn remove_admin(&self, name: &str) -> Result<bool, ServerError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM admin_sessions WHERE admin = ?1", [name])?;
        let n = tx.execute("DELETE FROM admins WHERE name = ?1", [name])?;
        tx.commit()?;
        Ok(n > 0)
    }

    fn use_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<AdminSession>, ServerError> {
        Ok(self
            .conn()
            .query_row(
                "UPDATE admin_sessions SET expires_ms = MIN(created_ms + ?3, ?2 + ?4)
                 WHERE token_hash = ?1 AND expires_ms > ?2
                 RETURNING admin, csrf, created_ms, expires_ms",
                params![token_hash, now_ms, max_ms, idle_ms],
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
}
