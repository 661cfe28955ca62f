//! The site's local partners as the server sent them (`partner.saved` changes): what the
//! partners module shows under "Wie kan helpen". Checked again with the shared rules; a
//! removed partner is deleted here.

use rusqlite::{Transaction, params};

use super::{Store, StoreError, outbox};
use digidak_protocol::{Change, PartnerRecord, SignalCreated, kinds};

/// Applies a `partner.saved` change inside the pull's transaction.
pub(super) fn apply_change(tx: &Transaction<'_>, change: &Change) -> rusqlite::Result<usize> {
    let Ok(p) = serde_json::from_value::<PartnerRecord>(change.payload.clone()) else {
        return Ok(0);
    };
    // The server checked it; a kiosk shows only what passes its own rules too.
    let Ok(p) = digidak_core::partners::check_partner(&p, digidak_core::lessons::is_lesson_id)
    else {
        return Ok(0);
    };
    if p.deleted {
        return tx.execute("DELETE FROM partners WHERE id = ?1", [&p.id]);
    }
    tx.execute(
        "INSERT INTO partners (id, record) VALUES (?1, ?2)
         ON CONFLICT (id) DO UPDATE SET record = excluded.record",
        params![p.id, serde_json::to_string(&p).expect("records serialize")],
    )
}

/// Empties the note and phone of care signals the server has answered (taken or refused),
/// in the caller's transaction: the kiosk keeps nothing personal of a signal once it left.
pub(super) fn forget_sent_signals(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE outbox SET payload = json_remove(payload, '$.note', '$.phone')
         WHERE kind = ?1 AND status != 'pending'
           AND (json_extract(payload, '$.note') IS NOT NULL
                OR json_extract(payload, '$.phone') IS NOT NULL)",
        [kinds::SIGNAL_CREATED],
    )
}

impl Store {
    /// Queues a care signal for one partner (volunteer mode), checked by the shared rules: a
    /// signal without the resident's consent is refused here already.
    pub fn create_signal(&mut self, s: &SignalCreated, now_ms: i64) -> Result<(), StoreError> {
        let s = digidak_core::partners::check_signal(s).map_err(StoreError::Refused)?;
        let path = self.path.clone();
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sqlite)?;
        outbox::enqueue(&tx, kinds::SIGNAL_CREATED, &s, now_ms).map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }

    /// The site's partners, by name.
    pub fn partners(&self) -> Result<Vec<PartnerRecord>, StoreError> {
        let sqlite = self.sqlite();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT record FROM partners")
            .map_err(&sqlite)?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(&sqlite)?;
        let mut out = Vec::new();
        for text in rows {
            out.extend(serde_json::from_str::<PartnerRecord>(&text.map_err(&sqlite)?).ok());
        }
        out.sort_by_key(|p| p.name.to_lowercase());
        Ok(out)
    }
}
