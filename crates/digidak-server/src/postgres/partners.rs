//! [`PartnerStore`] and [`PartnerAccounts`] on PostgreSQL: the same rules as SQLite's
//! ([`crate::partners`], over `storage::Tx`); the accounts and sessions are rows of their own.

use super::PgServerStore;
use crate::partner_store::{
    Inbox, OpenSignal, PartnerAccounts, PartnerLogin, PartnerSession, logins_in_order,
};
use crate::storage::Tx;
use crate::{ServerError, partners};
use digidak_protocol::PostState;

fn session(r: &postgres::Row) -> PartnerSession {
    PartnerSession {
        login: r.get(0),
        partner_id: r.get(1),
        csrf: r.get(2),
        created_ms: r.get(3),
        expires_ms: r.get(4),
    }
}

impl PartnerAccounts for PgServerStore {
    fn set_partner_account(
        &self,
        login: &str,
        partner_id: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<(), ServerError> {
        let login = digidak_core::text::clean_line(login, usize::MAX);
        if login.is_empty() || login.chars().count() > 64 {
            return Err(ServerError::BadRequest(
                "a login is 1 to 64 characters".into(),
            ));
        }
        self.write(|tx| {
            partners::live(tx, partner_id)?;
            tx.t.execute(
                "INSERT INTO partner_accounts (login, partner_id, hash, created_ms)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (login) DO UPDATE SET partner_id = $2, hash = $3",
                &[&login, &partner_id, &password_hash, &now_ms],
            )?;
            tx.t.execute("DELETE FROM partner_sessions WHERE login = $1", &[&login])?;
            Ok(())
        })
    }

    fn partner_account(&self, login: &str) -> Result<Option<(String, String)>, ServerError> {
        self.query(|c| {
            Ok(c.query_opt(
                "SELECT a.hash, a.partner_id FROM partner_accounts a
                 JOIN partners p ON p.id = a.partner_id AND NOT p.deleted
                 WHERE a.login = $1",
                &[&login],
            )?
            .map(|r| (r.get(0), r.get(1))))
        })
    }

    fn create_partner_session(
        &self,
        s: &PartnerSession,
        token_hash: &str,
    ) -> Result<(), ServerError> {
        self.query(|c| {
            c.execute(
                "DELETE FROM partner_sessions WHERE expires_ms < $1",
                &[&s.created_ms],
            )?;
            c.execute(
                "INSERT INTO partner_sessions
                     (token_hash, login, partner_id, csrf, created_ms, expires_ms)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[
                    &token_hash,
                    &s.login,
                    &s.partner_id,
                    &s.csrf,
                    &s.created_ms,
                    &s.expires_ms,
                ],
            )?;
            c.execute(
                "UPDATE partner_accounts SET last_login_ms = $2 WHERE login = $1",
                &[&s.login, &s.created_ms],
            )
            .map(|_| ())
        })
    }

    fn use_partner_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<PartnerSession>, ServerError> {
        self.query(|c| {
            Ok(c.query_opt(
                "UPDATE partner_sessions SET expires_ms = LEAST(created_ms + $3, $2 + $4)
                 WHERE token_hash = $1 AND expires_ms > $2
                   AND partner_id IN (SELECT id FROM partners WHERE NOT deleted)
                 RETURNING login, partner_id, csrf, created_ms, expires_ms",
                &[&token_hash, &now_ms, &max_ms, &idle_ms],
            )?
            .as_ref()
            .map(session))
        })
    }

    fn end_partner_session(&self, token_hash: &str) -> Result<(), ServerError> {
        self.query(|c| {
            c.execute(
                "DELETE FROM partner_sessions WHERE token_hash = $1",
                &[&token_hash],
            )
            .map(|_| ())
        })
    }

    fn post_partner_offer(
        &self,
        partner_id: &str,
        site: Option<&str>,
        category: &str,
        title: &str,
        text: &str,
        now_ms: i64,
    ) -> Result<PostState, ServerError> {
        self.write(|tx| partners::post_offer(tx, partner_id, site, category, title, text, now_ms))
    }

    fn partner_inbox(&self, partner_id: &str) -> Result<Option<Inbox>, ServerError> {
        self.read(|tx| partners::inbox(tx, partner_id))
    }

    fn answer_ask(
        &self,
        partner_id: &str,
        post_id: &str,
        message: &str,
        now_ms: i64,
    ) -> Result<(), ServerError> {
        self.write(|tx| partners::answer_ask(tx, partner_id, post_id, message, now_ms))
    }

    fn open_signals(&self, partner_id: &str) -> Result<Vec<OpenSignal>, ServerError> {
        self.read(|tx| tx.open_signals(partner_id))
    }

    fn handle_signal(
        &self,
        partner_id: &str,
        id: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool, ServerError> {
        // The row's new version holds no note or phone; the old one is reclaimed by (auto)
        // vacuum (README, "Running on PostgreSQL").
        let n = self.write(|tx| partners::handle_signal(tx, partner_id, id, outcome, now_ms))?;
        Ok(n > 0)
    }

    fn forget_old_signals(&self, days: u32, now_ms: i64) -> Result<usize, ServerError> {
        self.write(|tx| partners::forget_old_signals(tx, days, now_ms))
    }

    fn partner_logins(&self, site: Option<&str>) -> Result<Vec<PartnerLogin>, ServerError> {
        let rows = self.query(|c| {
            c.query(
                "SELECT a.login, a.partner_id, p.site, p.record, a.created_ms, a.last_login_ms
                 FROM partner_accounts a JOIN partners p ON p.id = a.partner_id
                 WHERE $1::TEXT IS NULL OR EXISTS (SELECT 1 FROM partner_sites s
                                                   WHERE s.partner_id = a.partner_id AND s.site = $1)",
                &[&site],
            )
        })?;
        Ok(logins_in_order(
            rows.iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
                .collect(),
        ))
    }

    fn revoke_partner_login(&self, login: &str) -> Result<bool, ServerError> {
        self.write(|tx| {
            let n =
                tx.t.execute("DELETE FROM partner_accounts WHERE login = $1", &[&login])?;
            tx.t.execute("DELETE FROM partner_sessions WHERE login = $1", &[&login])?;
            Ok(n > 0)
        })
    }
}
