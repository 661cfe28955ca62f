//! [`PartnerStore`] on the SQLite store: the `partners` table (migration 11).

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::apply::emit;
use super::partner_store::PartnerStore;
use super::sqlite::SqliteServerStore;
use super::{ServerError, partners};
use digidak_protocol::{PartnerRecord, kinds};

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
