//! The admin web's part of the server store beyond creating admins and sessions: removing an
//! admin, sessions that end when idle, and ending every session of a name.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::sqlite::SqliteServerStore;
use super::{AdminSession, ServerError};

pub trait AdminStore {
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
