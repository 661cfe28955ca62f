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
    /// A partner (also a removed one) and its home site.
    fn partner(&self, id: &str) -> Result<Option<(String, PartnerRecord)>, ServerError>;
    /// The sites a partner serves, sorted.
    fn partner_sites(&self, id: &str) -> Result<Vec<String>, ServerError>;
    /// Sets the sites a partner serves ([`super::partners::set_sites`]): the kiosks of a new
    /// one get it, those of one taken away forget it. Returns the sites as stored.
    fn set_partner_sites(
        &self,
        id: &str,
        sites: &[String],
        now_ms: i64,
    ) -> Result<Vec<String>, ServerError>;
    /// Removes a partner: kiosks forget it (`partner.saved` with `deleted`). False if there
    /// is no such partner, or it was removed already.
    fn remove_partner(&self, id: &str, now_ms: i64) -> Result<bool, ServerError>;
    /// Stores a partner's logo (made of an upload by [`digidak_core::logo::prepare_logo`]
    /// before: the writer waits for no picture) and names it in the partner's record, which
    /// goes to the site's kiosks again (`None`: no logo any more).
    fn set_partner_logo(
        &self,
        id: &str,
        logo: Option<&digidak_core::logo::Logo>,
        now_ms: i64,
    ) -> Result<PartnerRecord, ServerError>;
    /// A stored logo's PNG by its hash.
    fn partner_logo(&self, hash: &str) -> Result<Option<Vec<u8>>, ServerError>;
}

/// The partners' part of every backend, over its transactions.
impl<S: super::storage::Transactions> PartnerStore for S {
    fn save_partner(
        &self,
        site: &str,
        p: &PartnerRecord,
        now_ms: i64,
    ) -> Result<PartnerRecord, ServerError> {
        self.write_tx(|tx| super::partners::save(tx, site, p, now_ms))
    }

    fn partners(&self, site: &str) -> Result<Vec<PartnerRecord>, ServerError> {
        Ok(super::partners::sorted(
            self.read_tx(|tx| tx.partner_records(site))?,
        ))
    }

    fn partner(&self, id: &str) -> Result<Option<(String, PartnerRecord)>, ServerError> {
        self.read_tx(|tx| tx.partner(id))
    }

    fn partner_sites(&self, id: &str) -> Result<Vec<String>, ServerError> {
        self.read_tx(|tx| tx.partner_sites(id))
    }

    fn set_partner_sites(
        &self,
        id: &str,
        sites: &[String],
        now_ms: i64,
    ) -> Result<Vec<String>, ServerError> {
        self.write_tx(|tx| super::partners::set_sites(tx, id, sites, now_ms))
    }

    fn remove_partner(&self, id: &str, now_ms: i64) -> Result<bool, ServerError> {
        self.write_tx(|tx| super::partners::remove(tx, id, now_ms))
    }

    fn set_partner_logo(
        &self,
        id: &str,
        logo: Option<&digidak_core::logo::Logo>,
        now_ms: i64,
    ) -> Result<PartnerRecord, ServerError> {
        self.write_tx(|tx| super::partners::set_logo(tx, id, logo, now_ms))
    }

    fn partner_logo(&self, hash: &str) -> Result<Option<Vec<u8>>, ServerError> {
        if !digidak_core::logo::is_logo_hash(hash) {
            return Ok(None);
        }
        self.read_tx(|tx| tx.logo(hash))
    }
}

/// A partner logged in to the admin web (`/admin/p`): it sees only its own part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerSession {
    pub login: String,
    pub partner_id: String,
    /// The token every form of this session must carry.
    pub csrf: String,
    pub created_ms: i64,
    pub expires_ms: i64,
}

/// One post in a partner's inbox with the replies it may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxPost {
    /// The site whose board it is on.
    pub site: String,
    pub post: digidak_protocol::PostState,
    /// Of its own offers: every reply (residents wrote them to it). Of an ask sent to it: only
    /// its own answers.
    pub replies: Vec<digidak_protocol::PostReply>,
}

/// What a partner sees: its record and sites, its offers, the asks residents sent to it (on
/// every site it serves).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbox {
    /// Its home site (where an offer goes unless it chooses another).
    pub site: String,
    /// Every site it serves, sorted.
    pub sites: Vec<String>,
    pub partner: PartnerRecord,
    pub offers: Vec<InboxPost>,
    pub asks: Vec<InboxPost>,
}

/// The partner accounts' part of the store (a supertrait of `ServerStore` too).
pub trait PartnerAccounts {
    /// Creates a login for a partner (or gives it a new password: its sessions end).
    fn set_partner_account(
        &self,
        login: &str,
        partner_id: &str,
        password_hash: &str,
        now_ms: i64,
    ) -> Result<(), ServerError>;
    /// The password hash and partner of a login, if the partner is not removed.
    fn partner_account(&self, login: &str) -> Result<Option<(String, String)>, ServerError>;
    fn create_partner_session(
        &self,
        s: &PartnerSession,
        token_hash: &str,
    ) -> Result<(), ServerError>;
    /// The session of a token hash if it has not expired and its partner is not removed, its
    /// expiry moved to `now_ms + idle_ms` but never past `created_ms + max_ms`.
    fn use_partner_session(
        &self,
        token_hash: &str,
        now_ms: i64,
        idle_ms: i64,
        max_ms: i64,
    ) -> Result<Option<PartnerSession>, ServerError>;
    fn end_partner_session(&self, token_hash: &str) -> Result<(), ServerError>;
    /// The partner posts an offer on the board of one of its sites (`None`: its home site),
    /// with its badge; it waits for a volunteer like a resident's post unless the partner is
    /// trusted.
    fn post_partner_offer(
        &self,
        partner_id: &str,
        site: Option<&str>,
        category: &str,
        title: &str,
        text: &str,
        now_ms: i64,
    ) -> Result<digidak_protocol::PostState, ServerError>;
    /// The partner's inbox (`None` for an unknown or removed partner).
    fn partner_inbox(&self, partner_id: &str) -> Result<Option<Inbox>, ServerError>;
    /// The partner answers an ask sent to it: a reply the resident reads behind the post's
    /// code (at a kiosk or on the phone page), signed with the partner's name and contact.
    fn answer_ask(
        &self,
        partner_id: &str,
        post_id: &str,
        message: &str,
        now_ms: i64,
    ) -> Result<(), ServerError>;
    /// The partner's open care signals, oldest first (only its own).
    fn open_signals(&self, partner_id: &str) -> Result<Vec<OpenSignal>, ServerError>;
    /// The partner marks a signal handled (`contact`: contact made, `referred`: passed on):
    /// its note and phone are emptied at once, also from the WAL. False if it is not this
    /// partner's open signal.
    fn handle_signal(
        &self,
        partner_id: &str,
        id: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool, ServerError>;
    /// Empties the note and phone of signals older than `days`; returns how many.
    fn forget_old_signals(&self, days: u32, now_ms: i64) -> Result<usize, ServerError>;
    /// The partner logins of the partners serving `site` (or of every site), by partner and
    /// login: who, for which partner (and its home site), when last logged in. Never a
    /// password or its hash.
    fn partner_logins(&self, site: Option<&str>) -> Result<Vec<PartnerLogin>, ServerError>;
    /// Removes a login: it cannot log in any more and its sessions end at once. False if
    /// there is no such login.
    fn revoke_partner_login(&self, login: &str) -> Result<bool, ServerError>;
}

/// A partner login as the admin sees it (no password, no hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerLogin {
    pub login: String,
    pub partner_id: String,
    pub partner_name: String,
    pub site: String,
    pub created_ms: i64,
    /// Its last login (a session made), if it ever logged in.
    pub last_login_ms: Option<i64>,
}

/// The logins of `rows` (login, partner id, site, partner record JSON, created, last login)
/// in the order the admin reads them: by site, partner name, login.
pub(crate) fn logins_in_order(
    rows: Vec<(String, String, String, String, i64, Option<i64>)>,
) -> Vec<PartnerLogin> {
    let mut out: Vec<PartnerLogin> = rows
        .into_iter()
        .map(
            |(login, partner_id, site, record, created_ms, last_login_ms)| {
                let partner_name = serde_json::from_str::<PartnerRecord>(&record)
                    .map(|p| p.name)
                    .unwrap_or_default();
                PartnerLogin {
                    login,
                    partner_id,
                    partner_name,
                    site,
                    created_ms,
                    last_login_ms,
                }
            },
        )
        .collect();
    out.sort_by(|a, b| {
        (&a.site, a.partner_name.to_lowercase(), &a.login).cmp(&(
            &b.site,
            b.partner_name.to_lowercase(),
            &b.login,
        ))
    });
    out
}

/// A care signal as its partner's inbox shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSignal {
    pub id: String,
    pub kind: String,
    pub lang: String,
    pub note: String,
    pub phone: Option<String>,
    pub created_ms: i64,
}
