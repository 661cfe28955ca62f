//! [`PartnerStore`] on the SQLite store: the `partners` table (migration 11).

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::apply::emit;
use super::partner_store::{
    Inbox, InboxPost, OpenSignal, PartnerAccounts, PartnerSession, PartnerStore,
};
use super::sqlite::SqliteServerStore;
use super::{ServerError, board, partners};
use digidak_protocol::{PartnerRecord, PostModerated, PostRecord, PostReply, PostState, kinds};

fn record(text: &str) -> Option<PartnerRecord> {
    serde_json::from_str(text).ok()
}

impl PartnerStore for SqliteServerStore {
    fn save_partner(
        &self,
        site: &str,
        p: &PartnerRecord,
        now_ms: i64,
    ) -> Result<PartnerRecord, ServerError> {
        partners::check_site(site)?;
        let p = partners::prepare(p)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let other: Option<String> = tx
            .query_row("SELECT site FROM partners WHERE id = ?1", [&p.id], |r| {
                r.get(0)
            })
            .optional()?;
        if other.is_some_and(|s| s != site) {
            return Err(ServerError::BadRequest(
                "this partner belongs to another site".into(),
            ));
        }
        let text = serde_json::to_string(&p).expect("records serialize");
        tx.execute(
            "INSERT INTO partners (id, site, record, deleted, created_ms, updated_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET record = ?3, deleted = ?4, updated_ms = ?5",
            params![p.id, site, text, p.deleted, now_ms],
        )?;
        emit(&tx, site, kinds::PARTNER_SAVED, &p, now_ms)?;
        tx.commit()?;
        Ok(p)
    }

    fn partners(&self, site: &str) -> Result<Vec<PartnerRecord>, ServerError> {
        let conn = self.reader();
        let mut stmt =
            conn.prepare_cached("SELECT record FROM partners WHERE site = ?1 AND deleted = 0")?;
        let rows = stmt.query_map([site], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for text in rows {
            out.extend(record(&text?));
        }
        Ok(partners::sorted(out))
    }

    fn partner(&self, id: &str) -> Result<Option<(String, PartnerRecord)>, ServerError> {
        let row: Option<(String, String)> = self
            .reader()
            .query_row(
                "SELECT site, record FROM partners WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(site, text)| Some((site, record(&text)?))))
    }

    fn remove_partner(&self, id: &str, now_ms: i64) -> Result<bool, ServerError> {
        match self.partner(id)? {
            Some((site, p)) if !p.deleted => {
                self.save_partner(&site, &PartnerRecord { deleted: true, ..p }, now_ms)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// Routes an ask to the partner its poster chose (`route_to` of `post.created`), inside the
/// push's transaction, after the post was created: only to a partner of the kiosk's site that
/// is not removed and helps with the ask's category. Otherwise (removed meanwhile) the post
/// stays, unrouted.
pub(super) fn routed(
    tx: &rusqlite::Connection,
    kiosk: &super::KioskAuth,
    r: &PostRecord,
) -> rusqlite::Result<()> {
    let Some(partner_id) = r.route_to.as_deref() else {
        return Ok(());
    };
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT site, record FROM partners WHERE id = ?1 AND deleted = 0",
            [partner_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let covers = row.as_ref().is_some_and(|(site, text)| {
        *site == kiosk.site && record(text).is_some_and(|p| p.categories.contains(&r.category))
    });
    if r.kind != "ask" || !covers {
        tracing::warn!("an ask was sent to a partner that cannot take it: not routed");
        return Ok(());
    }
    tx.execute(
        "INSERT INTO partner_posts (post_id, partner_id, role) VALUES (?1, ?2, 'routed')
         ON CONFLICT (post_id) DO NOTHING",
        params![r.id, partner_id],
    )?;
    Ok(())
}

/// A care signal from a kiosk (`signal.created`), inside the push's transaction: only with
/// the resident's consent, only for a partner of the kiosk's site that is not removed. Kept
/// for that partner alone (no change goes to kiosks).
pub(super) fn signal_created(
    tx: &rusqlite::Connection,
    kiosk: &super::KioskAuth,
    s: &digidak_protocol::SignalCreated,
    now_ms: i64,
) -> rusqlite::Result<Result<(), super::apply::Reason>> {
    let s = match digidak_core::partners::check_signal(s) {
        Ok(s) => s,
        Err(reason) => return Ok(Err(reason)),
    };
    let ours = tx
        .query_row(
            "SELECT 1 FROM partners WHERE id = ?1 AND site = ?2 AND deleted = 0",
            params![s.partner_id, kiosk.site],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !ours {
        return Ok(Err("no such partner at this site".into()));
    }
    let month: String = digidak_core::activities::local_now(now_ms)
        .chars()
        .take(7)
        .collect();
    let n = tx.execute(
        "INSERT INTO signals (id, site, partner_id, kind, lang, note, phone, created_ms, month)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
        params![
            s.id,
            kiosk.site,
            s.partner_id,
            s.kind,
            s.lang,
            s.note,
            s.phone,
            now_ms,
            month
        ],
    )?;
    if n == 0 {
        return Ok(Err(format!("signal {} exists already", s.id)));
    }
    Ok(Ok(()))
}

impl SqliteServerStore {
    fn live_partner(&self, partner_id: &str) -> Result<(String, PartnerRecord), ServerError> {
        match self.partner(partner_id)? {
            Some((site, p)) if !p.deleted => Ok((site, p)),
            _ => Err(ServerError::NotFound("no such partner".into())),
        }
    }

    fn inbox_posts(
        &self,
        partner_id: &str,
        site: &str,
        role: &str,
    ) -> Result<Vec<InboxPost>, ServerError> {
        let conn = self.reader();
        let ids: Vec<String> = conn
            .prepare_cached(
                "SELECT post_id FROM partner_posts WHERE partner_id = ?1 AND role = ?2",
            )?
            .query_map(params![partner_id, role], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mine: Vec<String> = conn
            .prepare_cached("SELECT reply_id FROM partner_replies WHERE partner_id = ?1")?
            .query_map([partner_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::new();
        for id in ids {
            let Some((s, post)) = board::load(&conn, &id)? else {
                continue;
            };
            if s != site || post.status == "rejected" {
                continue;
            }
            let mut replies = board::replies(&conn, &id)?;
            if role == "routed" {
                replies.retain(|r| mine.contains(&r.id));
            }
            out.push(InboxPost { post, replies });
        }
        out.sort_by_key(|p| std::cmp::Reverse(p.post.created_ms));
        Ok(out)
    }
}

impl PartnerAccounts for SqliteServerStore {
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
        self.live_partner(partner_id)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO partner_accounts (login, partner_id, hash, created_ms)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (login) DO UPDATE SET partner_id = ?2, hash = ?3",
            params![login, partner_id, password_hash, now_ms],
        )?;
        tx.execute("DELETE FROM partner_sessions WHERE login = ?1", [&login])?;
        Ok(tx.commit()?)
    }

    fn partner_account(&self, login: &str) -> Result<Option<(String, String)>, ServerError> {
        Ok(self
            .reader()
            .query_row(
                "SELECT a.hash, a.partner_id FROM partner_accounts a
                 JOIN partners p ON p.id = a.partner_id AND p.deleted = 0
                 WHERE a.login = ?1",
                [login],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    fn create_partner_session(
        &self,
        s: &PartnerSession,
        token_hash: &str,
    ) -> Result<(), ServerError> {
        let conn = self.conn();
        conn.execute(
            "DELETE FROM partner_sessions WHERE expires_ms < ?1",
            [s.created_ms],
        )?;
        conn.execute(
            "INSERT INTO partner_sessions (token_hash, login, partner_id, csrf, created_ms, expires_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                token_hash,
                s.login,
                s.partner_id,
                s.csrf,
                s.created_ms,
                s.expires_ms
            ],
        )?;
        Ok(())
    }

    fn use_partner_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<PartnerSession>, ServerError> {
        Ok(self
            .conn()
            .query_row(
                "UPDATE partner_sessions SET expires_ms = MIN(created_ms + ?3, ?2 + ?4)
                 WHERE token_hash = ?1 AND expires_ms > ?2
                   AND partner_id IN (SELECT id FROM partners WHERE deleted = 0)
                 RETURNING login, partner_id, csrf, created_ms, expires_ms",
                params![token_hash, now_ms, max_ms, idle_ms],
                |r| {
                    Ok(PartnerSession {
                        login: r.get(0)?,
                        partner_id: r.get(1)?,
                        csrf: r.get(2)?,
                        created_ms: r.get(3)?,
                        expires_ms: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    fn end_partner_session(&self, token_hash: &str) -> Result<(), ServerError> {
        self.conn().execute(
            "DELETE FROM partner_sessions WHERE token_hash = ?1",
            [token_hash],
        )?;
        Ok(())
    }

    fn post_partner_offer(
        &self,
        partner_id: &str,
        category: &str,
        title: &str,
        text: &str,
        now_ms: i64,
    ) -> Result<PostState, ServerError> {
        let (site, partner) = self.live_partner(partner_id)?;
        let poster = super::KioskAuth {
            id: format!("partner:{partner_id}"),
            name: partner.name.clone(),
            site: site.clone(),
        };
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut record = PostRecord {
            id: uuid::Uuid::now_v7().to_string(),
            code: String::new(),
            kind: "offer".into(),
            category: category.into(),
            title: title.into(),
            text: text.into(),
            languages: Vec::new(),
            token: None,
            partner: None,
            route_to: None,
        };
        // A code nobody has (the partner never needs it: its inbox shows the replies).
        let mut outcome = Err(String::new());
        for _ in 0..5 {
            record.code = digidak_core::board::new_code(0);
            outcome = board::created(&tx, &poster, &record, now_ms)?;
            if outcome
                .as_ref()
                .err()
                .is_none_or(|e| !e.contains("code is taken"))
            {
                break;
            }
        }
        outcome.map_err(ServerError::BadRequest)?;
        // Its badge: the partner's name on the record every kiosk of the site gets.
        let (_, mut state) = board::load(&tx, &record.id)?
            .ok_or_else(|| ServerError::Unavailable("the post was not stored".into()))?;
        state.post.partner = Some(partner.name.clone());
        tx.execute(
            "UPDATE posts SET record = ?2 WHERE id = ?1",
            params![
                record.id,
                serde_json::to_string(&state.post).expect("records serialize")
            ],
        )?;
        emit(&tx, &site, kinds::POST_STATE, &state, now_ms)?;
        tx.execute(
            "INSERT INTO partner_posts (post_id, partner_id, role) VALUES (?1, ?2, 'offer')",
            params![record.id, partner_id],
        )?;
        if partner.trusted {
            let approve = PostModerated {
                id: record.id.clone(),
                decision: "approve".into(),
                reason: None,
                title: None,
                text: None,
                category: None,
            };
            board::moderated(&tx, &site, &approve, now_ms)?.map_err(ServerError::BadRequest)?;
        }
        let (_, state) = board::load(&tx, &record.id)?
            .ok_or_else(|| ServerError::Unavailable("the post was not stored".into()))?;
        tx.commit()?;
        Ok(state)
    }

    fn partner_inbox(&self, partner_id: &str) -> Result<Option<Inbox>, ServerError> {
        let Ok((site, partner)) = self.live_partner(partner_id) else {
            return Ok(None);
        };
        Ok(Some(Inbox {
            offers: self.inbox_posts(partner_id, &site, "offer")?,
            asks: self.inbox_posts(partner_id, &site, "routed")?,
            site,
            partner,
        }))
    }

    fn answer_ask(
        &self,
        partner_id: &str,
        post_id: &str,
        message: &str,
        now_ms: i64,
    ) -> Result<(), ServerError> {
        let (site, partner) = self.live_partner(partner_id)?;
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let routed = tx
            .query_row(
                "SELECT 1 FROM partner_posts WHERE post_id = ?1 AND partner_id = ?2 AND role = 'routed'",
                params![post_id, partner_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !routed {
            return Err(ServerError::NotFound("this ask was not sent to you".into()));
        }
        let contact = [partner.name.as_str(), partner.contact.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let reply = PostReply {
            id: uuid::Uuid::now_v7().to_string(),
            post_id: post_id.into(),
            message: message.into(),
            contact: Some(contact),
            created_ms: now_ms,
        };
        board::replied(&tx, &site, &reply, now_ms)?.map_err(ServerError::BadRequest)?;
        tx.execute(
            "INSERT INTO partner_replies (reply_id, partner_id) VALUES (?1, ?2)",
            params![reply.id, partner_id],
        )?;
        Ok(tx.commit()?)
    }

    fn open_signals(&self, partner_id: &str) -> Result<Vec<OpenSignal>, ServerError> {
        let conn = self.reader();
        let mut stmt = conn.prepare_cached(
            "SELECT id, kind, lang, COALESCE(note, ''), phone, created_ms FROM signals
             WHERE partner_id = ?1 AND handled_ms IS NULL AND note IS NOT NULL
             ORDER BY created_ms, id",
        )?;
        let rows = stmt.query_map([partner_id], |r| {
            Ok(OpenSignal {
                id: r.get(0)?,
                kind: r.get(1)?,
                lang: r.get(2)?,
                note: r.get(3)?,
                phone: r.get(4)?,
                created_ms: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn handle_signal(
        &self,
        partner_id: &str,
        id: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool, ServerError> {
        if !["contact", "referred"].contains(&outcome) {
            return Err(ServerError::BadRequest(
                "a signal is handled with contact or referred".into(),
            ));
        }
        let n = self.forget(|tx| {
            tx.execute(
                "UPDATE signals SET note = NULL, phone = NULL, handled_ms = ?3, outcome = ?4
                 WHERE id = ?1 AND partner_id = ?2 AND handled_ms IS NULL",
                params![id, partner_id, now_ms, outcome],
            )
        })?;
        Ok(n > 0)
    }

    fn forget_old_signals(&self, days: u32, now_ms: i64) -> Result<usize, ServerError> {
        let before = now_ms - i64::from(days) * 24 * 60 * 60 * 1000;
        self.forget(|tx| {
            tx.execute(
                "UPDATE signals SET note = NULL, phone = NULL
                 WHERE created_ms < ?1 AND (note IS NOT NULL OR phone IS NOT NULL)",
                [before],
            )
        })
    }
}
