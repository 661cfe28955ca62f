//! `PartnerStore`: the local partners' part of the server store (admin web, CLI, phone pages).
//! No storage types here: the SQLite implementation is in [`super::partner_sqlite`].

use digidak_protocol::PartnerRecord;

use super::ServerError;

pub trait PartnerStore {
    /// Adds or changes a partner of `site` (checked by [`super::partners::prepare`]) and
    /// sends it to the site's kiosks (`partner.saved`). A partner of another site with the
    /// same id is refused. Returns the partner as stored.
    fn save_partner(
        &self,
        site: &str,
        p: &PartnerRecord,
        now_ms: i64,
    ) -> Result<PartnerRecord, ServerError>;
    /// The partners of a site (not removed), by name.
    fn partners(&self, site: &str) -> Result<Vec<PartnerRecord>, ServerError>;
    /// A partner (also a removed one) and its site.
    fn partner(&self, id: &str) -> Result<Option<(String, PartnerRecord)>, ServerError>;
    /// Removes a partner: kiosks forget it (`partner.saved` with `deleted`). False if there
    /// is no such partner, or it was removed already.
    fn remove_partner(&self, id: &str, now_ms: i64) -> Result<bool, ServerError>;
}
