//! What each operation does on the server. Payloads are checked completely before anything is
//! written; a bad op is rejected with a reason (it goes to the kiosk's dead-letter list) and
//! never blocks the ops after it.

use super::KioskAuth;
use crate::ServerError;
use crate::storage::Tx;
use digidak_core::lessons::resume::{CODE_DIGITS, RESUME_MS};
use digidak_core::lessons::{Topic, is_lesson_id};
use digidak_protocol::{
    ActivityRecord, HelpHandled, HelpRequested, LESSON_EVENTS, LessonEvent, OP_SCHEMA, Op,
    ResumeSaved, SignupCancelled, SignupCreated, UsageVisit, kinds,
};

/// Why an op was refused: what kind of refusal (for the server's own handling) and the
/// sentence the kiosk keeps in its dead-letter list (the wire carries only the sentence).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Refusal {
    pub kind: RefusalKind,
    message: String,
}

/// The kinds of refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// The payload or a field is not what the protocol allows.
    Invalid,
    /// What it refers to does not exist (here).
    Missing,
    /// It refers to another site's activity, sign-up or post.
    OtherSite,
    /// A code or phone token of another sign-up or post.
    Taken,
    /// The same id again with other content (a true resend is accepted at its index).
    Duplicate,
    /// An op schema newer than this server.
    TooNew,
    /// An op kind this server does not know.
    UnknownKind,
}

impl Refusal {
    fn new(kind: RefusalKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::Invalid, message)
    }
    pub fn missing(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::Missing, message)
    }
    pub fn other_site(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::OtherSite, message)
    }
    pub fn taken(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::Taken, message)
    }
    pub fn duplicate(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::Duplicate, message)
    }
    pub fn too_new(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::TooNew, message)
    }
    pub fn unknown_kind(message: impl Into<String>) -> Self {
        Self::new(RefusalKind::UnknownKind, message)
    }
}

impl From<Refusal> for ServerError {
    /// An action of the admin web or the CLI that a rule refused: a 400 with its sentence.
    fn from(r: Refusal) -> Self {
        ServerError::BadRequest(r.message)
    }
}

/// What a rule says of an op: `Ok(Err(refusal))` refuses it; `Err` is a storage failure (the
/// whole push is tried again later).
pub type Applied = Result<Result<(), Refusal>, ServerError>;

/// Applies one op inside the push transaction. `Ok(Err(reason))` rejects it.
pub fn apply(tx: &mut dyn Tx, kiosk: &KioskAuth, op: &Op, now_ms: i64) -> Applied {
    if op.schema > OP_SCHEMA {
        return Ok(Err(Refusal::too_new(format!(
            "schema {} is newer than this server understands ({OP_SCHEMA})",
            op.schema
        ))));
    }
    match op.kind.as_str() {
        kinds::HELP_REQUESTED => help_requested(tx, kiosk, op, now_ms),
        kinds::HELP_HANDLED => help_handled(tx, kiosk, op, now_ms),
        kinds::USAGE_VISIT => usage_visit(tx, kiosk, op),
        kinds::LESSON_RESUME => lesson_resume(tx, op, now_ms),
        kinds::LESSON_EVENT => lesson_event(tx, kiosk, op),
        kinds::ACTIVITY_SAVED => match parse::<ActivityRecord>(op) {
            Ok(a) => super::activities::save(tx, &kiosk.site, &a, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::SIGNUP_CREATED => match parse::<SignupCreated>(op) {
            Ok(p) => super::activities::signup_created(tx, kiosk, &p, op.kiosk_time_ms, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::BLOCK_RELEASED => match parse::<digidak_protocol::BlockReleased>(op) {
            Ok(p) => super::seats::released(tx, kiosk, &p, now_ms),
            Err(reason) => Ok(Err(reason)),
        },
        kinds::SIGNUP_CHECKED_IN => match parse::<digidak_protocol::SignupCheckedIn>(op) {
            Ok(p) => super::activities::signup_checked_in(tx, kiosk, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::SIGNUP_CANCELLED => match parse::<SignupCancelled>(op) {
            Ok(p) => super::activities::signup_cancelled(tx, kiosk, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_CREATED => match parse(op) {
            // An ask the resident chose to send to a local partner too is routed after.
            Ok(p) => match super::board::created(tx, kiosk, &p, now_ms)? {
                Ok(()) => super::partners::routed(tx, kiosk, &p).map(Ok),
                refused => Ok(refused),
            },
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_MODERATED => match parse(op) {
            Ok(p) => super::board::moderated(tx, &kiosk.site, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_REPORTED => match parse::<digidak_protocol::PostReported>(op) {
            Ok(p) => super::board::reported(tx, &kiosk.site, &p.id, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_RENEWED => match parse(op) {
            Ok(p) => super::board::renewed(tx, &kiosk.site, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_CLOSED => match parse(op) {
            Ok(p) => super::board::closed(tx, &kiosk.site, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::POST_REPLIED => match parse(op) {
            Ok(p) => super::board::replied(tx, &kiosk.site, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        kinds::SIGNAL_CREATED => match parse(op) {
            Ok(p) => super::partners::signal_created(tx, kiosk, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        other => Ok(Err(Refusal::unknown_kind(format!(
            "unknown operation kind {other:?}"
        )))),
    }
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(op: &Op) -> Result<T, Refusal> {
    // Straight from the parsed JSON, without copying it first.
    T::deserialize(&op.payload)
        .map_err(|e| Refusal::invalid(format!("payload of {} is not valid: {e}", op.kind)))
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}

/// Tells a site's kiosks of a change.
pub(super) fn emit(
    tx: &mut dyn Tx,
    site: &str,
    kind: &str,
    payload: &impl serde::Serialize,
    now_ms: i64,
) -> Result<(), ServerError> {
    let payload = to_json(payload)?;
    tx.emit(site, kind, &payload, now_ms)
}

/// JSON text of a wire type (they are plain data: this does not fail in practice, and if it
/// did the push would be tried again rather than the kiosk panic).
pub(super) fn to_json(value: &impl serde::Serialize) -> Result<String, ServerError> {
    serde_json::to_string(value)
        .map_err(|e| ServerError::Unavailable(format!("a record could not be written: {e}")))
}

fn help_requested(tx: &mut dyn Tx, kiosk: &KioskAuth, op: &Op, now_ms: i64) -> Applied {
    let mut p: HelpRequested = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if !is_uuid(&p.id) {
        return Ok(Err(Refusal::invalid("help request id is not a UUID")));
    }
    p.first_name = p
        .first_name
        .map(|n| digidak_core::text::clean_name(&n))
        .filter(|n| !n.is_empty());
    p.kiosk_name = Some(kiosk.name.clone());
    let inserted = tx.insert_help_request(
        &p.id,
        &kiosk.site,
        &kiosk.id,
        p.first_name.as_deref(),
        p.created_at_ms,
    )?;
    if !inserted {
        return Ok(Err(Refusal::duplicate(format!(
            "help request {} exists already",
            p.id
        ))));
    }
    emit(tx, &kiosk.site, kinds::HELP_REQUESTED, &p, now_ms)?;
    Ok(Ok(()))
}

fn help_handled(tx: &mut dyn Tx, kiosk: &KioskAuth, op: &Op, now_ms: i64) -> Applied {
    let p: HelpHandled = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let handled = tx.help_handled_at(&p.id, &kiosk.site)?;
    match handled {
        None => Ok(Err(Refusal::missing(format!(
            "no help request {} at this site",
            p.id
        )))),
        // Two volunteers marked it at once: the first one counts, the second changes nothing.
        Some(Some(_)) => Ok(Ok(())),
        Some(None) => {
            tx.set_help_handled(&p.id, p.handled_at_ms)?;
            emit(tx, &kiosk.site, kinds::HELP_HANDLED, &p, now_ms)?;
            Ok(Ok(()))
        }
    }
}

fn usage_visit(tx: &mut dyn Tx, kiosk: &KioskAuth, op: &Op) -> Applied {
    let p: UsageVisit = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let name_ok = (1..=32).contains(&p.name.len())
        && p.name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !name_ok {
        return Ok(Err(Refusal::invalid(
            "usage name must be 1 to 32 of a-z, 0-9, _ and -",
        )));
    }
    if !is_day(&p.day) {
        return Ok(Err(Refusal::invalid("usage day must be YYYY-MM-DD")));
    }
    tx.count_usage(&kiosk.site, &p.day, &p.name)?;
    Ok(Ok(()))
}

fn lesson_resume(tx: &mut dyn Tx, op: &Op, now_ms: i64) -> Applied {
    let p: ResumeSaved = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if p.code.len() != CODE_DIGITS || !p.code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Err(Refusal::invalid(format!(
            "a resume code is {CODE_DIGITS} digits"
        ))));
    }
    if !is_lesson_id(&p.lesson) {
        return Ok(Err(Refusal::invalid(
            "lesson id must be 1-40 of a-z, 0-9 and -",
        )));
    }
    if p.step >= 1000 {
        return Ok(Err(Refusal::invalid("step must be below 1000")));
    }
    if digidak_core::lang::Lang::from_code(&p.lang).is_none() {
        return Ok(Err(Refusal::invalid("lang must be nl, fr or en")));
    }
    // The server's clock decides expiry: a kiosk's clock may be wrong.
    let inserted = tx.insert_resume(
        &p.code,
        &p.lesson,
        p.step,
        &p.lang,
        now_ms,
        now_ms.saturating_add(RESUME_MS),
    )?;
    if !inserted {
        return Ok(Err(Refusal::duplicate(format!(
            "resume code {} exists already (made at another kiosk); this one works only here",
            p.code
        ))));
    }
    Ok(Ok(()))
}

fn lesson_event(tx: &mut dyn Tx, kiosk: &KioskAuth, op: &Op) -> Applied {
    let p: LessonEvent = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if !LESSON_EVENTS.contains(&p.event.as_str()) {
        return Ok(Err(Refusal::invalid(format!(
            "lesson event must be one of {}",
            LESSON_EVENTS.join(", ")
        ))));
    }
    if Topic::from_id(&p.topic).is_none() {
        return Ok(Err(Refusal::invalid("unknown lesson topic")));
    }
    if !is_lesson_id(&p.lesson) {
        return Ok(Err(Refusal::invalid(
            "lesson id must be 1-40 of a-z, 0-9 and -",
        )));
    }
    if !is_day(&p.day) {
        return Ok(Err(Refusal::invalid("lesson day must be YYYY-MM-DD")));
    }
    tx.count_lesson(&kiosk.site, &p.day, &p.event, &p.topic, &p.lesson)?;
    Ok(Ok(()))
}

/// A real calendar day written `YYYY-MM-DD`.
fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return false;
    }
    // Only ASCII digits and dashes are left, so slicing by bytes is safe.
    let (Ok(y), Ok(m), Ok(d)) = (
        s[0..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days() {
        assert!(super::is_day("2026-11-23"));
        assert!(!super::is_day("2026-13-01"));
        assert!(!super::is_day("2026-02-29"));
        assert!(super::is_day("2028-02-29"));
        assert!(!super::is_day("2100-02-29"));
        assert!(!super::is_day("2026-04-31"));
        assert!(!super::is_day("2026-00-10"));
        assert!(!super::is_day("2026-1-01"));
        assert!(!super::is_day("<script>x"));
    }
}
