//! The sync protocol between kiosks and the server: the JSON types both sides share.
//! `docs/sync.md` documents it with example requests and responses.
//!
//! Every request carries `protocol`: the version the kiosk speaks. A server takes every
//! version from [`MIN_PROTOCOL_VERSION`] to its own [`PROTOCOL_VERSION`] and answers others
//! with 400 and `"code": "unsupported_protocol"`; a kiosk told so by an older server speaks
//! [`MIN_PROTOCOL_VERSION`] to it. Push and status answers say the server's own version and
//! its minimum.

pub mod schema;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The protocol version this build speaks. 2: seat blocks are leases (`ActivityState.leases`,
/// the `block.released` op), and the server says its versions in push and status answers.
pub const PROTOCOL_VERSION: u32 = 2;
/// The first protocol version whose kiosks stop confirming from a seat block at its end:
/// only their leases get an end (`expires_ms`), and only those the server takes back by itself.
pub const LEASE_END_SINCE: u32 = 2;
/// The oldest protocol version this build's server takes from kiosks (and speaks to older
/// servers). Kiosks below it are refused and flagged "too old" in the admin web.
pub const MIN_PROTOCOL_VERSION: u32 = 1;
/// The schema version of operation payloads this build writes.
pub const OP_SCHEMA: u32 = 1;
/// Most operations in one push.
pub const MAX_PUSH_OPS: usize = 200;
/// Most changes in one pull page.
pub const MAX_PULL_CHANGES: u64 = 500;

/// `POST /api/v1/pair`: trade a one-time pairing code for a kiosk token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairRequest {
    pub protocol: u32,
    pub code: String,
    pub app_version: String,
    /// The next outbox index the kiosk will push (it may have worked offline before pairing).
    pub first_index: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PairResponse {
    /// The kiosk's secret; the server keeps only its hash.
    pub token: String,
    pub kiosk_id: String,
    pub name: String,
    pub site: String,
    /// The kiosk's range of short codes (see [`crate::codes`]); absent from older servers, or
    /// when the server has given out every range.
    #[serde(default)]
    pub code_range: Option<u32>,
}

/// One write made at a kiosk, applied there at once and pushed to the server later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Op {
    /// UUIDv7, unique across all kiosks.
    pub id: String,
    /// Dense per-kiosk index: 1, 2, 3, ... with no gaps.
    pub index: u64,
    pub kind: String,
    pub payload: serde_json::Value,
    /// The kiosk's clock when the op was made: for people to read, never for ordering.
    pub kiosk_time_ms: i64,
    pub schema: u32,
}

/// What a kiosk tells the server about itself with every push.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Heartbeat {
    pub app_version: String,
    /// Operations not yet accepted by the server.
    pub outbox_len: u64,
    /// Operations the server rejected, waiting in the kiosk's dead-letter list.
    pub dead_letters: u64,
    pub last_success_ms: Option<i64>,
    /// When the kiosk last painted a frame: proof the screen renders.
    pub last_frame_ms: Option<i64>,
    /// The kiosk's clock when it sent this, to measure skew (logged, never used for ordering).
    pub kiosk_time_ms: i64,
}

/// `POST /api/v1/push`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub protocol: u32,
    pub heartbeat: Heartbeat,
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum OpStatus {
    /// Stored and applied (now or by an earlier push of the same op).
    Accepted,
    /// Stored but not applied: goes to the kiosk's dead-letter list.
    Rejected { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OpResult {
    pub id: String,
    pub index: u64,
    #[serde(flatten)]
    pub status: OpStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PushResponse {
    /// One result per op the server took, in order. Ops after a gap get none.
    pub results: Vec<OpResult>,
    /// The index the server expects next from this kiosk.
    pub next_index: u64,
    pub server_time_ms: i64,
    /// The kiosk's range of short codes (see [`crate::codes`]): with every push, so a kiosk
    /// paired before ranges existed takes one soon after the server was updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_range: Option<u32>,
    /// The server's own protocol version (absent from servers speaking 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<u32>,
    /// The oldest kiosk protocol the server takes (absent from servers speaking 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_protocol: Option<u32>,
}

/// One change a kiosk must apply, in server order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// Server-assigned sequence: the pull cursor.
    pub seq: u64,
    pub kind: String,
    pub payload: serde_json::Value,
}

/// `GET /api/v1/changes?protocol=1&after=SEQ&limit=N`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PullResponse {
    pub changes: Vec<Change>,
    /// The newest sequence number for this kiosk's site: the head of the feed, NOT the end
    /// of this page (a client that stores it as its cursor skips the changes between).
    pub last_seq: u64,
    /// True when more changes wait after this page.
    pub more: bool,
    /// The cursor for the next pull: the `seq` of this page's last change, or the request's
    /// `after` when the page is empty (absent from servers speaking protocol 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_after: Option<u64>,
}

/// `GET /api/v1/status?protocol=1`: what the server knows of this kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusResponse {
    pub protocol: u32,
    pub kiosk_id: String,
    pub name: String,
    pub site: String,
    /// The index the server expects next from this kiosk.
    pub next_index: u64,
    /// The newest sequence number for this kiosk's site.
    pub last_seq: u64,
    pub server_time_ms: i64,
    /// The kiosk's range of short codes: a kiosk paired before ranges existed learns it here.
    #[serde(default)]
    pub code_range: Option<u32>,
    /// The oldest kiosk protocol the server takes (absent from servers speaking 1; `protocol`
    /// above is the server's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_protocol: Option<u32>,
    /// The kiosk release the server recommends (`MAJOR.MINOR.PATCH`: the server's own unless
    /// its admin set another). A kiosk older than this says so in admin mode. Absent from
    /// older servers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_version: Option<String>,
}

/// The body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorBody {
    /// A stable machine-readable code, e.g. `unauthorized`, `unsupported_protocol`.
    pub code: String,
    /// A sentence for people.
    pub error: String,
}

/// Operation and change kinds.
pub mod kinds {
    /// A resident asked for a volunteer. Payload: [`super::HelpRequested`].
    pub const HELP_REQUESTED: &str = "help.requested";
    /// A volunteer marked a help request handled. Payload: [`super::HelpHandled`].
    pub const HELP_HANDLED: &str = "help.handled";
    /// An anonymous visit to a screen or module. Payload: [`super::UsageVisit`].
    pub const USAGE_VISIT: &str = "usage.visit";
    /// "Continue later" in a lesson made a resume code. Payload: [`super::ResumeSaved`].
    pub const LESSON_RESUME: &str = "lesson.resume_saved";
    /// A lesson was opened or finished, or a volunteer gave an initiation. Payload:
    /// [`super::LessonEvent`].
    pub const LESSON_EVENT: &str = "lesson.event";
    /// An admin saved (created, edited or deleted) an activity. Op payload:
    /// [`super::ActivityRecord`]; change payload: [`super::ActivityState`].
    pub const ACTIVITY_SAVED: &str = "activity.saved";
    /// A resident signed up. Payload: [`super::SignupCreated`].
    pub const SIGNUP_CREATED: &str = "signup.created";
    /// A sign-up was cancelled. Payload: [`super::SignupCancelled`].
    pub const SIGNUP_CANCELLED: &str = "signup.cancelled";
    /// A kiosk gives the unused seats of its block back. Payload: [`super::BlockReleased`].
    pub const BLOCK_RELEASED: &str = "block.released";
    /// A volunteer checked someone in. Payload: [`super::SignupCheckedIn`].
    pub const SIGNUP_CHECKED_IN: &str = "signup.checked_in";
    /// Change only: where a sign-up stands. Payload: [`super::SignupStatus`].
    pub const SIGNUP_STATUS: &str = "signup.status";
    /// A resident posted an ask or an offer. Payload: [`super::PostRecord`].
    pub const POST_CREATED: &str = "post.created";
    /// A volunteer approved (perhaps edited) or rejected a post. Payload:
    /// [`super::PostModerated`].
    pub const POST_MODERATED: &str = "post.moderated";
    /// Someone reported a public post. Payload: [`super::PostReported`].
    pub const POST_REPORTED: &str = "post.reported";
    /// The code holder said "still needed". Payload: [`super::PostByCode`].
    pub const POST_RENEWED: &str = "post.renewed";
    /// The code holder ended the post. Payload: [`super::PostClosed`].
    pub const POST_CLOSED: &str = "post.closed";
    /// Someone replied to a post ("I can help", "I'm interested"). Op and change payload:
    /// [`super::PostReply`].
    pub const POST_REPLIED: &str = "post.replied";
    /// Change only: a post as the server sees it. Payload: [`super::PostState`].
    pub const POST_STATE: &str = "post.state";
    /// Change only: an admin saved (added, changed or removed) a local partner of the site.
    /// Payload: [`super::PartnerRecord`].
    pub const PARTNER_SAVED: &str = "partner.saved";
    /// A volunteer passed on a care signal to a local partner, with the resident's consent.
    /// Op only (it goes to that partner alone, never to other kiosks). Payload:
    /// [`super::SignalCreated`].
    pub const SIGNAL_CREATED: &str = "signal.created";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct HelpRequested {
    pub id: String,
    pub created_at_ms: i64,
    pub first_name: Option<String>,
    /// Set by the server on the change it sends out: which kiosk the resident is at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct HelpHandled {
    pub id: String,
    pub handled_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UsageVisit {
    /// What was visited: `home`, `help`, ... Never personal data.
    pub name: String,
    /// The kiosk's local day, `YYYY-MM-DD`.
    pub day: String,
}

/// A resume code: where to continue a lesson. No personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResumeSaved {
    /// Ten digits.
    pub code: String,
    pub lesson: String,
    /// Counted from 0.
    pub step: u32,
    /// `nl`, `fr` or `en`.
    pub lang: String,
}

/// What happened in lessons, counted per site, month and topic. No personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LessonEvent {
    /// `opened`, `finished` or `initiation` (a volunteer guided someone through it).
    pub event: String,
    /// A topic id (`government`, `email`, ...).
    pub topic: String,
    pub lesson: String,
    /// The kiosk's local day, `YYYY-MM-DD`.
    pub day: String,
}

/// The lesson events the server counts.
pub const LESSON_EVENTS: [&str; 3] = ["opened", "finished", "initiation"];

/// `GET /api/v1/resume/{code}`: where a resume code made at any kiosk continues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ResumeResponse {
    pub lesson: String,
    pub step: u32,
    pub lang: String,
}

/// An activity as an admin saved it (kiosk admin mode or the server CLI). Times are local
/// times in Europe/Brussels, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct ActivityRecord {
    /// UUID.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A picture key of the lessons' shared pictures (`calendar`, `computer`, ...).
    pub picture: String,
    pub place: String,
    pub start: String,
    pub end: String,
    /// Sign-ups close at this local time.
    pub deadline: String,
    pub capacity: u32,
    /// Most people in one sign-up.
    pub max_party: u32,
    /// Seats each kiosk of the site may confirm on its own while offline.
    pub block: u32,
    /// Language codes spoken at the activity.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub deleted: bool,
}

/// The server's view of an activity, sent to every kiosk of its site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct ActivityState {
    pub activity: ActivityRecord,
    /// Seats no one holds: not confirmed, not in any kiosk's unused block.
    pub free: u32,
    pub confirmed: u32,
    /// People (sign-ups) waiting.
    pub waitlisted: u32,
    /// Seats granted to each kiosk (by kiosk id) for offline confirmation: the lease's
    /// `granted` counter below (it only grows; seats given back lower it to what was used).
    pub blocks: Vec<(String, u32)>,
    /// Each kiosk's seat block as a lease (see `docs/sync.md`, "Seat blocks"). Absent from
    /// servers older than leases.
    #[serde(default)]
    pub leases: Vec<SeatLease>,
}

/// A kiosk's block of seats on an activity, lent by the server. Both counters only grow:
/// the kiosk may confirm on its own while `used + party <= granted`, its lease is not
/// released and its clock (corrected by the skew it measured) is before `expires_ms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct SeatLease {
    pub kiosk_id: String,
    /// The lease's number for this kiosk and activity: 1, 2, ... (a new one after the seats
    /// came back and the server lent new ones).
    pub lease: u32,
    /// Seats lent so far (all leases together).
    pub granted: u32,
    /// Block seats the server counted as used (all leases together).
    pub used: u32,
    /// When the lease ends, by the server's clock (Unix ms): no confirming from it after.
    pub expires_ms: i64,
    /// Someone waits: the server asks the kiosk to give its unused seats back
    /// (`block.released`).
    #[serde(default)]
    pub recalled: bool,
}

/// A kiosk gives the unused seats of its lease back (asked by the server, or on its own).
/// Every block sign-up it made under the lease precedes this op in its outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockReleased {
    pub activity_id: String,
    /// The lease given back; a release of an older lease changes nothing.
    pub lease: u32,
    /// The kiosk's count of block seats it used (all leases together).
    pub used: u32,
}

/// A resident signed up at a kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupCreated {
    /// UUID.
    pub id: String,
    pub activity_id: String,
    /// Eight digits, shown to the resident.
    pub code: String,
    pub first_name: String,
    pub phone: Option<String>,
    pub party: u32,
    /// The kiosk confirmed it from its own block of seats.
    pub from_block: bool,
    /// Added by a volunteer at the door: confirmed and checked in whatever the capacity.
    #[serde(default)]
    pub walk_in: bool,
    /// The phone link's secret (see [`crate::codes::phone_token`]): the server keeps only its
    /// hash. Kiosks one version older send none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// A volunteer checked someone in (by name or code). Repeats count once: the first time stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupCheckedIn {
    pub id: String,
    /// When, by the kiosk's clock.
    pub at_ms: i64,
}

/// A sign-up was cancelled (by its code, at any kiosk).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignupCancelled {
    pub id: String,
}

/// Where a sign-up stands, as the server decided. Sent to every kiosk of the site (volunteer
/// lists need the name; resident screens show only the code holder's own sign-up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct SignupStatus {
    pub id: String,
    pub activity_id: String,
    pub code: String,
    pub first_name: String,
    pub phone: Option<String>,
    pub party: u32,
    /// `confirmed`, `waitlisted` or `cancelled`.
    pub status: String,
    /// Arrival order at the server: the waitlist moves up in this order.
    pub seq: u64,
    /// When the person was checked in at the door (the first check-in).
    #[serde(default)]
    pub checked_in_ms: Option<i64>,
}

/// A post as its poster wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct PostRecord {
    /// UUID.
    pub id: String,
    /// Twelve digits: only the poster has it (status, replies, renew).
    pub code: String,
    /// `ask` or `offer`.
    pub kind: String,
    /// A category id (`paperwork`, `transport`, ...).
    pub category: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// Language codes the poster speaks.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The phone link's secret, only in the kiosk's `post.created` op (and its own copy): the
    /// server keeps only its hash and never sends it to kiosks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Set by the server only: the name of the local partner that posted it (its badge). A
    /// kiosk's op cannot set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// Only in the kiosk's `post.created` op of an ask: the resident chose to send it to this
    /// local partner (a `PartnerRecord` id of the site) too. The server keeps it apart and never
    /// sends it to kiosks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_to: Option<String>,
}

/// A post as the server decided, sent to every kiosk of its site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct PostState {
    pub post: PostRecord,
    /// `waiting`, `public`, `rejected`, `reported` or `closed`.
    pub status: String,
    /// Why a volunteer rejected it.
    #[serde(default)]
    pub reason: Option<String>,
    /// When the server first had it.
    pub created_ms: i64,
    /// When it leaves the board (set on approval and renewal).
    #[serde(default)]
    pub expires_ms: Option<i64>,
    #[serde(default)]
    pub reports: u32,
    /// The poster said the board helped (a match).
    #[serde(default)]
    pub helped: bool,
    /// When a volunteer last approved it (the paper board's "new this week").
    #[serde(default)]
    pub approved_ms: Option<i64>,
    /// When it was closed or rejected: its replies are forgotten some days later.
    #[serde(default)]
    pub ended_ms: Option<i64>,
}

/// A volunteer's decision on a waiting or reported post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostModerated {
    pub id: String,
    /// `approve` or `reject`.
    pub decision: String,
    /// Why, when rejected.
    #[serde(default)]
    pub reason: Option<String>,
    /// The volunteer's corrections, when approved with edits.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostReported {
    pub id: String,
}

/// An action only the code holder may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostByCode {
    pub id: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostClosed {
    pub id: String,
    pub code: String,
    /// The board helped: counted as a match.
    pub helped: bool,
}

/// A reply: a short message and, if the replier chose, how to reach them. Only the post's
/// code holder (and volunteers passing it on) ever see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct PostReply {
    /// UUID.
    pub id: String,
    pub post_id: String,
    pub message: String,
    #[serde(default)]
    pub contact: Option<String>,
    /// When the server had it (the kiosk's time until then).
    pub created_ms: i64,
}

/// A local partner organisation of a site (the OCMW, a care organisation, a housing company):
/// who can also help with a board category. Saved by an admin (admin web or CLI), sent to
/// every kiosk of its site as a `partner.saved` change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// Sent to kiosks: a newer server may add fields, and this release reads what it knows and
// ignores the rest (`tests/store.rs`), so a kiosk one version behind skips no change.
pub struct PartnerRecord {
    /// UUID.
    pub id: String,
    pub name: String,
    /// One or two sentences: what they do.
    #[serde(default)]
    pub description: String,
    /// Its logo: a key of the shared pictures (`assets/lessons/pictures`), or empty.
    #[serde(default)]
    pub picture: String,
    /// Board category ids they help with (`paperwork`, `transport`, ...).
    #[serde(default)]
    pub categories: Vec<String>,
    /// When they are open, Brussels local time.
    #[serde(default)]
    pub hours: Vec<OpenHours>,
    #[serde(default)]
    pub address: String,
    /// How to reach them: a phone number, a mail address, "walk in".
    #[serde(default)]
    pub contact: String,
    /// Removed by an admin: kiosks forget it.
    #[serde(default)]
    pub deleted: bool,
    /// Its posts go on the board without a volunteer's approval (the admin trusts it).
    #[serde(default)]
    pub trusted: bool,
    /// Its uploaded logo: the SHA-256 (64 lowercase hex digits) of the PNG the server made of
    /// it, fetched at `/partner-logo/{logo}`; empty without one (then `picture` shows). Left
    /// out of the JSON when empty; a kiosk of an older release ignores it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub logo: String,
}

/// One opening span on a weekday, Brussels local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct OpenHours {
    /// 0 = Monday ... 6 = Sunday.
    pub day: u8,
    /// `HH:MM`.
    pub from: String,
    /// `HH:MM`, after `from`.
    pub to: String,
}

/// A care signal a volunteer passes on to one local partner ("Mag De Ark je bellen?"): only
/// with the resident's consent, given on the kiosk's screen in their language. The server
/// keeps the personal part (`note`, `phone`) only for that partner, and forgets it when the
/// partner marks the signal handled, or after 30 days; the count per site, month and kind stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignalCreated {
    /// UUID.
    pub id: String,
    /// The partner (a `PartnerRecord` id of the kiosk's site).
    pub partner_id: String,
    /// `loneliness`, `debt` (debts or letters), `housing`, `health` or `other`.
    pub kind: String,
    /// The volunteer's short note.
    #[serde(default)]
    pub note: String,
    /// How the partner can call the resident (asked only after the consent).
    #[serde(default)]
    pub phone: Option<String>,
    /// The resident's language (the partner may need an interpreter).
    pub lang: String,
    /// The resident said yes on screen. A signal without it is refused.
    pub consent: bool,
}
