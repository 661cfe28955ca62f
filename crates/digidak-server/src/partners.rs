//! Local partners of a site: what the server decides before a partner is stored and sent to
//! the site's kiosks (the shared rules of [`digidak_core::partners`], run again here), free of
//! any storage type: the stores ([`super::partner_store`]) call these.

use digidak_core::partners::check_partner;
use digidak_protocol::PartnerRecord;

use super::ServerError;

/// Checks and cleans a partner an admin saved (a new one gets its UUID here).
pub fn prepare(p: &PartnerRecord) -> Result<PartnerRecord, ServerError> {
    let mut p = p.clone();
    if p.id.is_empty() {
        p.id = uuid::Uuid::now_v7().to_string();
    }
    check_partner(&p, digidak_core::lessons::is_lesson_id)
        .map_err(|e| ServerError::BadRequest(e.to_string()))
}

/// A site id as kiosks and activities have it.
pub fn check_site(site: &str) -> Result<(), ServerError> {
    let ok = (1..=40).contains(&site.len())
        && site
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ServerError::BadRequest(
            "a site id is 1 to 40 lowercase letters, digits and dashes".into(),
        ))
    }
}

/// The partners of a site by name, removed ones left out.
pub fn sorted(mut list: Vec<PartnerRecord>) -> Vec<PartnerRecord> {
    list.retain(|p| !p.deleted);
    list.sort_by_key(|p| p.name.to_lowercase());
    list
}
