//! The storage seam under the server's rules.
//!
//! What the server decides (an op applied once, seats and the waitlist, moderation, expiry,
//! forgetting, pairing) is written once, in [`crate::apply`], [`crate::activities`],
//! [`crate::seats`], [`crate::board`] and [`crate::kiosks`], against [`Tx`]: one open
//! transaction of a backend, seen as typed reads and writes of rows. The methods decide
//! nothing: no rule, no clock, no check lives in them, only "read this row" and "write that
//! row". A backend (SQLite in [`crate::sqlite_tx`]) implements `Tx`, opens and commits the
//! transaction around a rule, and answers the read-only questions of
//! [`crate::ServerStore`] (lists, pulls, numbers, sessions).
//!
//! Every method takes `&mut self`: a PostgreSQL transaction needs it, SQLite does not mind.

use digidak_protocol::{
    ActivityRecord, PartnerRecord, PostRecord, PostReply, PostState, SeatLease, SignupStatus,
};

use crate::partner_store::OpenSignal;

use crate::{KioskAuth, ServerError};

pub type StoreResult<T> = Result<T, ServerError>;

/// A kiosk's place in its outbox and its range of short codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KioskCursor {
    pub next_index: u64,
    pub code_range: Option<u32>,
}

/// What a push records about its kiosk (`kiosks` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskHeartbeat {
    pub next_index: u64,
    pub last_seen_ms: i64,
    pub app_version: String,
    pub outbox_len: i64,
    pub dead_letters: i64,
    pub last_success_ms: Option<i64>,
    pub last_frame_ms: Option<i64>,
    pub skew_ms: i64,
    pub protocol: u32,
}

/// A kiosk found by its pairing code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingKiosk {
    pub id: String,
    pub name: String,
    pub site: String,
    pub expires_ms: i64,
}

/// One stored operation (the op log keeps every op a kiosk pushed, in its order).
#[derive(Debug, Clone, Copy)]
pub struct NewOp<'a> {
    pub kiosk_id: &'a str,
    pub index: u64,
    pub id: &'a str,
    pub kind: &'a str,
    /// The payload as kept: JSON text, without phone tokens.
    pub payload: &'a str,
    pub kiosk_time_ms: i64,
    pub received_ms: i64,
}

/// An op stored earlier at a kiosk's index: its id and why it was refused, if it was.
pub type EarlierOp = (String, Option<String>);

/// A new sign-up row, decided by [`crate::activities::signup_created`].
#[derive(Debug, Clone)]
pub struct NewSignup<'a> {
    pub id: &'a str,
    pub activity_id: &'a str,
    pub site: &'a str,
    pub kiosk_id: &'a str,
    pub code: &'a str,
    pub first_name: &'a str,
    pub phone: Option<&'a str>,
    pub party: u32,
    pub from_block: bool,
    pub status: &'a str,
    pub seq: i64,
    pub created_ms: i64,
    pub walk_in: bool,
    pub checked_in_ms: Option<i64>,
    pub token_hash: Option<&'a str>,
}

/// A sign-up and the site it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignupRow {
    pub site: String,
    pub status: SignupStatus,
}

/// Seats of an activity as sign-ups hold them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeatCounts {
    /// People in confirmed sign-ups.
    pub confirmed: i64,
    /// Sign-ups on the waitlist.
    pub waitlisted: i64,
}

/// A kiosk's lease of seats on an activity (`seat_blocks` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub kiosk_id: String,
    /// The lease's number: 1, 2, ...
    pub lease: u32,
    /// Seats lent so far (all leases together).
    pub granted: u32,
    /// Block seats counted as used (all leases together).
    pub used: u32,
    /// When the lease ends (Unix ms); `None` for a kiosk that does not honour ends.
    pub expires_ms: Option<i64>,
    pub recalled: bool,
}

impl Lease {
    /// Seats lent and not used: nobody else gets them while the lease holds them.
    pub fn unused(&self) -> i64 {
        (i64::from(self.granted) - i64::from(self.used)).max(0)
    }

    /// As kiosks see it (`0`: no end).
    pub fn to_wire(&self) -> SeatLease {
        SeatLease {
            kiosk_id: self.kiosk_id.clone(),
            lease: self.lease,
            granted: self.granted,
            used: self.used,
            expires_ms: self.expires_ms.unwrap_or(0),
            recalled: self.recalled,
        }
    }
}

/// Login attempts in a window (`login_tries` row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginTries {
    pub count: u32,
    /// When the window started (Unix ms).
    pub since_ms: i64,
}

/// A care signal for one partner (`signals` row), decided by
/// [`crate::partners::signal_created`].
#[derive(Debug, Clone)]
pub struct NewSignal<'a> {
    pub id: &'a str,
    pub site: &'a str,
    pub partner_id: &'a str,
    pub kind: &'a str,
    pub lang: &'a str,
    pub note: &'a str,
    pub phone: Option<&'a str>,
    pub created_ms: i64,
    pub month: &'a str,
}

/// A new post row, decided by [`crate::board::created`].
#[derive(Debug, Clone)]
pub struct NewPost<'a> {
    pub site: &'a str,
    pub kiosk_id: &'a str,
    pub post: &'a PostRecord,
    pub created_ms: i64,
    pub month: &'a str,
    pub token_hash: Option<&'a str>,
}

/// One open write (or read) transaction of a backend: the rules' only way to the data.
pub trait Tx {
    // --- Kiosks -------------------------------------------------------------------------
    /// Whether a kiosk of this name exists: `Some(None)` active, `Some(Some(ms))` revoked.
    fn kiosk_revoked_by_name(&mut self, name: &str) -> StoreResult<Option<Option<i64>>>;
    /// Renames a kiosk (a revoked one keeps its history under a new name).
    fn rename_kiosk(&mut self, name: &str, new_name: &str) -> StoreResult<()>;
    fn insert_kiosk(
        &mut self,
        id: &str,
        name: &str,
        site: &str,
        pairing_hash: &str,
        pairing_expires_ms: i64,
        created_ms: i64,
    ) -> StoreResult<()>;
    /// Revokes the active kiosk of this name (its token and pairing code stop working);
    /// returns its id.
    fn revoke_kiosk(&mut self, name: &str, now_ms: i64) -> StoreResult<Option<String>>;
    /// The active kiosk with this pairing code hash.
    fn kiosk_by_pairing_hash(&mut self, hash: &str) -> StoreResult<Option<PairingKiosk>>;
    /// The highest range of short codes ever given (0 for none).
    fn max_code_range(&mut self) -> StoreResult<i64>;
    /// Ends pairing: the code is gone, the token's hash is kept.
    fn complete_pairing(
        &mut self,
        id: &str,
        token_hash: &str,
        next_index: u64,
        code_range: Option<u32>,
    ) -> StoreResult<()>;
    /// The paired, unrevoked kiosk whose token has this hash.
    fn kiosk_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<KioskAuth>>;
    fn kiosk_cursor(&mut self, kiosk_id: &str) -> StoreResult<Option<KioskCursor>>;
    fn save_heartbeat(&mut self, kiosk_id: &str, hb: &KioskHeartbeat) -> StoreResult<()>;
    /// Paired, not revoked kiosks of a site with the protocol of their last push, oldest
    /// first.
    fn active_kiosks(&mut self, site: &str) -> StoreResult<Vec<(String, Option<u32>)>>;

    // --- Admin login attempts (keys are hashes) --------------------------------------------
    fn login_tries(&mut self, key: &str) -> StoreResult<Option<LoginTries>>;
    fn put_login_tries(&mut self, key: &str, tries: &LoginTries) -> StoreResult<()>;
    fn remove_login_tries(&mut self, key: &str) -> StoreResult<()>;
    /// Forgets windows that started at or before `started_by_ms`.
    fn forget_login_tries(&mut self, started_by_ms: i64) -> StoreResult<()>;

    // --- The op log and the change feed -------------------------------------------------
    fn op_at(&mut self, kiosk_id: &str, index: u64) -> StoreResult<Option<EarlierOp>>;
    /// Stores an op; false (and nothing stored) if its id is taken.
    fn insert_op(&mut self, op: &NewOp<'_>) -> StoreResult<bool>;
    /// Stores several ops (distinct ids) as [`Tx::insert_op`] would one by one, in order; for
    /// each, whether it was stored. A backend may do it in one statement.
    fn insert_ops(&mut self, ops: &[NewOp<'_>]) -> StoreResult<Vec<bool>> {
        ops.iter().map(|op| self.insert_op(op)).collect()
    }
    /// Writes what the backend kept back to write together (counts, heartbeats, new ops). The
    /// backend's own code calls it before a transaction or savepoint ends; rules need not.
    /// Nothing by default.
    fn flush(&mut self) -> StoreResult<()> {
        Ok(())
    }
    fn reject_op(&mut self, kiosk_id: &str, index: u64, reason: &str) -> StoreResult<()>;
    /// Appends a change to a site's feed (payload: JSON text).
    fn emit(&mut self, site: &str, kind: &str, payload: &str, now_ms: i64) -> StoreResult<()>;

    // --- Help calls, usage and lessons --------------------------------------------------
    /// False if the id exists.
    fn insert_help_request(
        &mut self,
        id: &str,
        site: &str,
        kiosk_id: &str,
        first_name: Option<&str>,
        created_at_ms: i64,
    ) -> StoreResult<bool>;
    /// `None`: no such call at this site; `Some(handled_at)` otherwise.
    fn help_handled_at(&mut self, id: &str, site: &str) -> StoreResult<Option<Option<i64>>>;
    fn set_help_handled(&mut self, id: &str, at_ms: i64) -> StoreResult<()>;
    fn count_usage(&mut self, site: &str, day: &str, name: &str) -> StoreResult<()>;
    fn count_lesson(
        &mut self,
        site: &str,
        day: &str,
        event: &str,
        topic: &str,
        lesson: &str,
    ) -> StoreResult<()>;
    /// False if the code exists.
    #[allow(clippy::too_many_arguments)]
    fn insert_resume(
        &mut self,
        code: &str,
        lesson: &str,
        step: u32,
        lang: &str,
        created_ms: i64,
        expires_ms: i64,
    ) -> StoreResult<bool>;

    // --- Activities and sign-ups --------------------------------------------------------
    /// An activity and its site (`None` also for a record this server cannot read).
    fn activity(&mut self, id: &str) -> StoreResult<Option<(String, ActivityRecord)>>;
    /// The activities of a site by start, then id.
    fn activity_records(&mut self, site: &str) -> StoreResult<Vec<ActivityRecord>>;
    fn upsert_activity(&mut self, site: &str, a: &ActivityRecord, now_ms: i64) -> StoreResult<()>;
    fn signup(&mut self, id: &str) -> StoreResult<Option<SignupRow>>;
    fn signup_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>>;
    fn signup_id_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>>;
    /// Sign-up ids of an activity in arrival order.
    fn signup_ids(&mut self, activity_id: &str) -> StoreResult<Vec<String>>;
    /// The arrival number the next sign-up gets.
    fn next_signup_seq(&mut self) -> StoreResult<i64>;
    /// False if the id exists.
    fn insert_signup(&mut self, s: &NewSignup<'_>) -> StoreResult<bool>;
    fn set_signup_status(
        &mut self,
        id: &str,
        status: &str,
        cancelled_ms: Option<i64>,
    ) -> StoreResult<()>;
    fn set_checked_in(&mut self, id: &str, at_ms: i64) -> StoreResult<()>;
    fn seat_counts(&mut self, activity_id: &str) -> StoreResult<SeatCounts>;
    /// The first sign-up on the waitlist: its id and party.
    fn first_waiting(&mut self, activity_id: &str) -> StoreResult<Option<(String, u32)>>;
    /// Empties names and phones of sign-ups of activities that ended before `cutoff_local`
    /// (`YYYY-MM-DDTHH:MM`), in the sign-ups, the op log and the change feed; returns how
    /// many sign-ups were emptied.
    fn forget_signups(&mut self, cutoff_local: &str) -> StoreResult<usize>;

    // --- Seat leases (`seat_blocks`) ----------------------------------------------------
    /// The leases of an activity, by kiosk id.
    fn leases(&mut self, activity_id: &str) -> StoreResult<Vec<Lease>>;
    fn lease(&mut self, activity_id: &str, kiosk_id: &str) -> StoreResult<Option<Lease>>;
    /// Writes a kiosk's lease on an activity (a new row, or over the old one).
    fn put_lease(&mut self, activity_id: &str, lease: &Lease) -> StoreResult<()>;
    /// Activities of a site that are not deleted, have blocks and a deadline after
    /// `now_local`: where a kiosk may get or renew a lease.
    fn lease_activities(&mut self, site: &str, now_local: &str)
    -> StoreResult<Vec<ActivityRecord>>;
    /// Activity ids of the site with a lease of unused seats that ended at or before
    /// `ended_by_ms`.
    fn ended_leases(&mut self, site: &str, ended_by_ms: i64) -> StoreResult<Vec<String>>;
    /// Activity ids where this kiosk holds unused seats.
    fn kiosk_lease_activities(&mut self, kiosk_id: &str) -> StoreResult<Vec<String>>;

    // --- The board ----------------------------------------------------------------------
    /// A post and its site (`None` also for a record this server cannot read).
    fn post(&mut self, id: &str) -> StoreResult<Option<(String, PostState)>>;
    fn post_id_by_code(&mut self, code: &str) -> StoreResult<Option<String>>;
    fn post_code_by_token_hash(&mut self, hash: &str) -> StoreResult<Option<String>>;
    fn insert_post(&mut self, p: &NewPost<'_>) -> StoreResult<()>;
    fn save_post_state(&mut self, p: &PostState, now_ms: i64) -> StoreResult<()>;
    /// The month a post was closed as helped (for the numbers).
    fn set_closed_month(&mut self, id: &str, month: &str) -> StoreResult<()>;
    /// Every post of a site, newest first.
    fn posts(&mut self, site: &str) -> StoreResult<Vec<PostState>>;
    /// The site's own post period, if set.
    fn post_days(&mut self, site: &str) -> StoreResult<Option<u32>>;
    fn set_post_days(&mut self, site: &str, days: u32) -> StoreResult<()>;
    /// False if the id exists.
    fn insert_reply(&mut self, site: &str, r: &PostReply, month: &str) -> StoreResult<bool>;
    /// A post's replies, oldest first.
    fn replies(&mut self, post_id: &str) -> StoreResult<Vec<PostReply>>;
    /// Empties messages and contacts of replies to posts that ended before `cutoff_ms`, in
    /// the replies, the op log and the change feed; returns how many replies were emptied.
    fn forget_replies(&mut self, cutoff_ms: i64) -> StoreResult<usize>;

    // --- Local partners -----------------------------------------------------------------
    /// A partner (also a removed one) and its site.
    fn partner(&mut self, id: &str) -> StoreResult<Option<(String, PartnerRecord)>>;
    /// The partners that serve a site and are not removed.
    fn partner_records(&mut self, site: &str) -> StoreResult<Vec<PartnerRecord>>;
    /// Stores a partner with its home site (`site`: the first it served, where the admin's
    /// lists show its logins); the sites it serves are [`Tx::partner_sites`].
    fn put_partner(&mut self, site: &str, p: &PartnerRecord, now_ms: i64) -> StoreResult<()>;
    /// The sites a partner serves (its kiosks show it), sorted.
    fn partner_sites(&mut self, id: &str) -> StoreResult<Vec<String>>;
    /// Sets the sites a partner serves (replacing the ones it had).
    fn set_partner_sites(&mut self, id: &str, sites: &[String]) -> StoreResult<()>;
    /// Marks a post as a partner's (`offer`: its own; `routed`: an ask sent to it); a post
    /// marked already keeps its mark.
    fn add_partner_post(&mut self, post_id: &str, partner_id: &str, role: &str) -> StoreResult<()>;
    fn partner_post_ids(&mut self, partner_id: &str, role: &str) -> StoreResult<Vec<String>>;
    /// How a post is this partner's (`offer`, `routed`), if it is.
    fn partner_post_role(&mut self, post_id: &str, partner_id: &str)
    -> StoreResult<Option<String>>;
    /// Marks a reply as the partner's own answer.
    fn add_partner_reply(&mut self, reply_id: &str, partner_id: &str) -> StoreResult<()>;
    fn partner_reply_ids(&mut self, partner_id: &str) -> StoreResult<Vec<String>>;
    /// False if the id exists.
    fn insert_signal(&mut self, s: &NewSignal<'_>) -> StoreResult<bool>;
    /// A partner's signals not handled and not forgotten, oldest first.
    fn open_signals(&mut self, partner_id: &str) -> StoreResult<Vec<OpenSignal>>;
    /// Empties an open signal's note and phone and records how it was handled; false if it is
    /// not this partner's open signal.
    fn handle_signal(
        &mut self,
        id: &str,
        partner_id: &str,
        now_ms: i64,
        outcome: &str,
    ) -> StoreResult<bool>;
    /// Empties note and phone of signals made before `before_ms`; returns how many.
    fn forget_signals(&mut self, before_ms: i64) -> StoreResult<usize>;
    /// Keeps a logo's PNG under its hash (one already there stays).
    fn put_logo(&mut self, hash: &str, png: &[u8], now_ms: i64) -> StoreResult<()>;
    /// A logo's PNG by its hash.
    fn logo(&mut self, hash: &str) -> StoreResult<Option<Vec<u8>>>;
}

/// A backend's transactions around the rules: what the stores' shared parts (the board's,
/// the partners') need, so one implementation serves every backend.
pub trait Transactions {
    /// Runs `f` in one write transaction, committed if it returns `Ok`.
    fn write_tx<T>(&self, f: impl FnOnce(&mut dyn Tx) -> StoreResult<T>) -> StoreResult<T>;
    /// Runs a read.
    fn read_tx<T>(&self, f: impl FnOnce(&mut dyn Tx) -> StoreResult<T>) -> StoreResult<T>;
    /// A write that empties personal data (`f` says how many rows): also out of the
    /// backend's log where it keeps one (SQLite's WAL).
    fn forget_tx(&self, f: impl FnOnce(&mut dyn Tx) -> StoreResult<usize>) -> StoreResult<usize>;
}
