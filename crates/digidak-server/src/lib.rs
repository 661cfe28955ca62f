//! The central server: where kiosks of many sites meet.
//!
//! - [`ServerStore`]: everything the server keeps, behind a trait (SQLite now in [`sqlite`]).
//! - [`storage::Tx`]: the rows under the rules. The rules ([`kiosks`], [`apply`],
//!   [`activities`], [`seats`], [`board`]) are written once over it; a backend implements it
//!   (SQLite: `sqlite_tx.rs`) and opens the transactions around them.
//! - [`apply`]: what each operation kind does, validated before it touches anything.
//! - [`http`]: the axum routes, auth, limits and JSON errors.

pub mod activities;
mod admin_activities;
mod admin_board;
mod admin_front;
mod admin_page;
mod admin_partners;
mod admin_sheet;
mod admin_store;
pub mod admin_web;
pub mod apply;
pub mod board;
mod board_pages;
mod board_store;
pub mod demo;
mod group_commit;
pub mod http;
pub mod kiosks;
pub mod logins;
pub mod numbers;
pub mod pages;
mod partner_pages;
pub(crate) mod partner_sqlite;
mod partner_store;
mod partner_web;
pub mod partners;
pub mod phone_guard;
pub mod postgres;
mod schema;
pub mod seats;
pub mod sqlite;
mod sqlite_tx;
pub mod storage;

pub use admin_board::site_pdf as admin_board_pdf;
pub use admin_store::{AdminStore, SiteAttention};
pub use board_store::BoardStore;
pub use board_store::PostWithReplies;
pub use partner_pages::strengths_pdf;
pub use partner_store::{Inbox, InboxPost, PartnerAccounts, PartnerSession, PartnerStore};

use digidak_protocol::{
    ActivityRecord, ActivityState, PairResponse, PullResponse, PushRequest, PushResponse,
    ResumeResponse, SignupStatus, StatusResponse,
};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The backend failed (its own error inside).
    #[error("database error: {0}")]
    Db(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    /// The database could not do it now (a retry may work).
    #[error("{0}")]
    Unavailable(String),
    #[error("the database {path} cannot be used: {detail}")]
    Open { path: String, detail: String },
}

/// A paired, not revoked kiosk, as the server knows it after checking its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskAuth {
    pub id: String,
    pub name: String,
    pub site: String,
}

/// A row of `digidak-server kiosk list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskRow {
    pub name: String,
    pub site: String,
    pub paired: bool,
    pub revoked: bool,
    pub last_seen_ms: Option<i64>,
    pub app_version: Option<String>,
    pub outbox_len: Option<i64>,
    pub dead_letters: Option<i64>,
    pub last_frame_ms: Option<i64>,
    pub skew_ms: Option<i64>,
    /// The protocol version of its last push (`None` before one).
    pub protocol: Option<u32>,
}

/// Everything the server stores. Methods are blocking; the HTTP layer calls them on
/// blocking threads. Every write method is one transaction.
pub trait ServerStore:
    BoardStore + AdminStore + PartnerStore + PartnerAccounts + Send + Sync + 'static
{
    /// Registers a kiosk and returns its one-time pairing code (valid 24 hours).
    fn add_kiosk(&self, name: &str, site: &str, now_ms: i64) -> Result<String, ServerError>;
    fn list_kiosks(&self) -> Result<Vec<KioskRow>, ServerError>;
    /// Revokes a kiosk's token; its next request gets 401. False if no such kiosk.
    fn revoke_kiosk(&self, name: &str, now_ms: i64) -> Result<bool, ServerError>;
    /// Trades a pairing code for a token. `first_index` is the next outbox index the kiosk
    /// will push (it may have worked offline before pairing).
    fn pair(
        &self,
        code: &str,
        app_version: &str,
        first_index: u64,
        now_ms: i64,
    ) -> Result<PairResponse, ServerError>;
    /// Keeps the app and protocol version a kiosk pushed with when its push was refused for its
    /// protocol (an accepted push keeps them with its heartbeat).
    fn record_kiosk_version(
        &self,
        kiosk: &KioskAuth,
        protocol: u32,
        app_version: &str,
        now_ms: i64,
    ) -> Result<(), ServerError>;
    /// The kiosk a token belongs to, if it is valid and not revoked.
    fn authenticate(&self, token: &str) -> Result<Option<KioskAuth>, ServerError>;
    /// Stores and applies a page of operations, idempotently and all or nothing. (The SQLite
    /// store commits pushes that arrive together in one transaction, each in a savepoint.)
    fn push(
        &self,
        kiosk: &KioskAuth,
        request: PushRequest,
        now_ms: i64,
    ) -> Result<PushResponse, ServerError>;
    /// [`ServerStore::authenticate`] then [`ServerStore::push`]: `None` when the token is not a
    /// paired, unrevoked kiosk's, else the kiosk (for the log) and the answer. A backend may
    /// check the token inside the push's transaction.
    fn push_by_token(
        &self,
        token: &str,
        request: PushRequest,
        now_ms: i64,
    ) -> Result<Option<(KioskAuth, PushResponse)>, ServerError> {
        match self.authenticate(token)? {
            Some(kiosk) => {
                let resp = self.push(&kiosk, request, now_ms)?;
                Ok(Some((kiosk, resp)))
            }
            None => Ok(None),
        }
    }
    /// Changes for the kiosk's site after `after`, at most `limit`.
    fn pull(&self, kiosk: &KioskAuth, after: u64, limit: u64) -> Result<PullResponse, ServerError>;
    /// [`ServerStore::authenticate`] then [`ServerStore::pull`]: `None` when the token is not a
    /// paired, unrevoked kiosk's. A backend may answer both in one query (a kiosk's most
    /// frequent request).
    fn pull_by_token(
        &self,
        token: &str,
        after: u64,
        limit: u64,
    ) -> Result<Option<PullResponse>, ServerError> {
        match self.authenticate(token)? {
            Some(kiosk) => self.pull(&kiosk, after, limit).map(Some),
            None => Ok(None),
        }
    }
    fn status(&self, kiosk: &KioskAuth, now_ms: i64) -> Result<StatusResponse, ServerError>;
    /// Anonymous usage counts: (site, day, name, count).
    fn usage_counts(&self) -> Result<Vec<(String, String, String, i64)>, ServerError>;
    /// Where a resume code continues, if it exists and has not expired (any site).
    fn find_resume(&self, code: &str, now_ms: i64) -> Result<Option<ResumeResponse>, ServerError>;
    /// Saves an activity of `site` (the CLI; kiosks send `activity.saved` operations).
    fn save_activity(&self, site: &str, a: &ActivityRecord, now_ms: i64)
    -> Result<(), ServerError>;
    /// The site an activity belongs to.
    fn activity_site(&self, id: &str) -> Result<Option<String>, ServerError>;
    /// The activities of a site, by start time, with their seats.
    fn activities(&self, site: &str) -> Result<Vec<ActivityState>, ServerError>;
    /// The sign-ups of an activity in arrival order (names: for the admin's list only).
    fn signups(&self, activity_id: &str) -> Result<Vec<SignupStatus>, ServerError>;
    /// The sign-up a phone token belongs to, with its activity (the phone page).
    fn signup_by_token(&self, token: &str) -> Result<Option<SignupWithActivity>, ServerError>;
    /// Cancels the sign-up of a phone token (the phone page); returns how many (0 or 1).
    fn cancel_by_token(&self, token: &str, now_ms: i64) -> Result<usize, ServerError>;
    /// Forgets names and phones of sign-ups of activities that ended over `days` days ago.
    fn forget_old_signups(&self, days: u32, now_ms: i64) -> Result<usize, ServerError>;
    /// Creates (or replaces the password of) an admin of the admin web; a new password ends
    /// all sessions of that name.
    fn set_admin(&self, name: &str, password_hash: &str, now_ms: i64) -> Result<(), ServerError>;
    /// The argon2 hash of an admin's password.
    fn admin_password_hash(&self, name: &str) -> Result<Option<String>, ServerError>;
    /// Stores a new admin session (by the hash of its token).
    fn create_session(&self, s: &AdminSession, token_hash: &str) -> Result<(), ServerError>;
    /// The session of a token hash, if it has not expired.
    fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<AdminSession>, ServerError>;
    fn end_session(&self, token_hash: &str) -> Result<(), ServerError>;
    /// Every site the server knows (of kiosks and activities), sorted.
    fn sites(&self) -> Result<Vec<String>, ServerError>;
    /// The coordinator's figures per site and month (see [`numbers`]).
    fn numbers(&self) -> Result<Vec<numbers::NumberRow>, ServerError>;
    /// Copies the whole database to `to` while the server runs (a consistent snapshot).
    fn backup(&self, to: &std::path::Path) -> Result<(), ServerError>;
    /// Lesson counts per site and month: (site, `YYYY-MM`, event, topic, count).
    fn lesson_counts(&self) -> Result<Vec<LessonCountRow>, ServerError>;
    /// Whether the database answers (`/healthz`).
    fn ping(&self) -> Result<(), ServerError>;
    /// Counts an admin login attempt for `name` from `network` before its password is
    /// checked; false when a limit is reached ([`logins`]).
    fn login_begin(&self, name: &str, network: &str, now_ms: i64) -> Result<bool, ServerError>;
    /// The password was right: the attempt is given back ([`logins::succeeded`]).
    fn login_succeeded(&self, name: &str, network: &str) -> Result<(), ServerError>;
}

/// A logged-in admin of the admin web.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminSession {
    pub admin: String,
    /// The token every form of this session must carry.
    pub csrf: String,
    pub created_ms: i64,
    pub expires_ms: i64,
}

/// A sign-up and its activity (if it still exists).
pub type SignupWithActivity = (SignupStatus, Option<ActivityRecord>);

/// One line of lesson counts: site, month (`YYYY-MM`), event, topic, count.
pub type LessonCountRow = (String, String, String, String, i64);

/// SHA-256 of a secret, hex: tokens and pairing codes are stored only this way.
pub fn hash_secret(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The stored form of a phone token a kiosk sent with a sign-up or a post: its SHA-256, or
/// `None` when the kiosk (one version older) sent none. A token of the wrong shape is refused.
pub fn phone_token_hash(token: Option<&str>) -> Result<Option<String>, String> {
    match token {
        None => Ok(None),
        Some(t) if digidak_core::codes::is_phone_token(t) => Ok(Some(hash_secret(t))),
        Some(_) => Err(format!(
            "a phone token is {} lowercase hex characters",
            digidak_core::codes::TOKEN_CHARS
        )),
    }
}

/// A random secret from the OS: `bytes` random bytes, hex-encoded.
pub fn random_hex(bytes: usize) -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A pairing code an admin can read aloud and type: 8 characters without look-alikes
/// (no 0/O, 1/I/L), shown as `ABCD-EFGH`.
pub fn pairing_code() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut code = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        // Rejection sampling keeps every character equally likely.
        let c = loop {
            let b = (OsRng.next_u32() & 0xff) as usize;
            if b < 256 - 256 % ALPHABET.len() {
                break ALPHABET[b % ALPHABET.len()];
            }
        };
        code.push(c as char);
    }
    code
}

/// Normalises a typed pairing code: case and dashes and spaces do not matter.
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairing_codes_are_readable_and_normalise() {
        let code = pairing_code();
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(
            normalize_code(&code.to_lowercase().replace('-', " ")),
            normalize_code(&code)
        );
    }

    #[test]
    fn secrets_hash_stably() {
        assert_eq!(hash_secret("a"), hash_secret("a"));
        assert_ne!(hash_secret("a"), hash_secret("b"));
        assert_eq!(random_hex(32).len(), 64);
    }
}
