//! What each operation does on the server. Payloads are checked completely before anything is
//! written; a bad op is rejected with a reason (it goes to the kiosk's dead-letter list) and
//! never blocks the ops after it.

use rusqlite::{Connection, OptionalExtension, params};

use super::KioskAuth;
use digidak_core::lessons::resume::{CODE_DIGITS, RESUME_MS};
use digidak_core::lessons::{Topic, is_lesson_id};
use digidak_protocol::{
    ActivityRecord, HelpHandled, HelpRequested, LESSON_EVENTS, LessonEvent, OP_SCHEMA, Op,
    ResumeSaved, SignupCancelled, SignupCreated, UsageVisit, kinds,
};

/// Why an op was rejected, for the kiosk's dead-letter list.
pub type Reason = String;

/// Applies one op inside the push transaction. `Ok(Err(reason))` rejects it.
pub fn apply(
    tx: &Connection,
    kiosk: &KioskAuth,
    op: &Op,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    if op.schema > OP_SCHEMA {
        return Ok(Err(format!(
            "schema {} is newer than this server understands ({OP_SCHEMA})",
            op.schema
        )));
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
                Ok(()) => super::partner_sqlite::routed(tx, kiosk, &p).map(Ok),
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
            Ok(p) => super::partner_sqlite::signal_created(tx, kiosk, &p, now_ms),
            Err(r) => Ok(Err(r)),
        },
        other => Ok(Err(format!("unknown operation kind {other:?}"))),
    }
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(op: &Op) -> Result<T, Reason> {
    // Straight from the parsed JSON, without copying it first.
    T::deserialize(&op.payload).map_err(|e| format!("payload of {} is not valid: {e}", op.kind))
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}

pub(super) fn emit(
    tx: &Connection,
    site: &str,
    kind: &str,
    payload: &impl serde::Serialize,
    now_ms: i64,
) -> rusqlite::Result<()> {
    let payload = serde_json::to_string(payload).expect("payload types serialize");
    tx.prepare_cached(
        "INSERT INTO changes (site, kind, payload, created_ms) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![site, kind, payload, now_ms])?;
    Ok(())
}

fn help_requested(
    tx: &Connection,
    kiosk: &KioskAuth,
    op: &Op,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    let mut p: HelpRequested = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if !is_uuid(&p.id) {
        return Ok(Err("help request id is not a UUID".into()));
    }
    p.first_name = p
        .first_name
        .map(|n| digidak_core::text::clean_name(&n))
        .filter(|n| !n.is_empty());
    p.kiosk_name = Some(kiosk.name.clone());
    let inserted = tx
        .prepare_cached(
            "INSERT INTO help_requests (id, site, kiosk_id, first_name, created_at_ms)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            p.id,
            kiosk.site,
            kiosk.id,
            p.first_name,
            p.created_at_ms
        ])?;
    if inserted == 0 {
        return Ok(Err(format!("help request {} exists already", p.id)));
    }
    emit(tx, &kiosk.site, kinds::HELP_REQUESTED, &p, now_ms)?;
    Ok(Ok(()))
}

fn help_handled(
    tx: &Connection,
    kiosk: &KioskAuth,
    op: &Op,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    let p: HelpHandled = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let handled: Option<Option<i64>> = tx
        .query_row(
            "SELECT handled_at_ms FROM help_requests WHERE id = ?1 AND site = ?2",
            params![p.id, kiosk.site],
            |r| r.get(0),
        )
        .optional()?;
    match handled {
        None => Ok(Err(format!("no help request {} at this site", p.id))),
        // Two volunteers marked it at once: the first one counts, the second changes nothing.
        Some(Some(_)) => Ok(Ok(())),
        Some(None) => {
            tx.execute(
                "UPDATE help_requests SET handled_at_ms = ?2 WHERE id = ?1",
                params![p.id, p.handled_at_ms],
            )?;
            emit(tx, &kiosk.site, kinds::HELP_HANDLED, &p, now_ms)?;
            Ok(Ok(()))
        }
    }
}

fn usage_visit(
    tx: &Connection,
    kiosk: &KioskAuth,
    op: &Op,
) -> rusqlite::Result<Result<(), Reason>> {
    let p: UsageVisit = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let name_ok = (1..=32).contains(&p.name.len())
        && p.name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !name_ok {
        return Ok(Err("usage name must be 1 to 32 of a-z, 0-9, _ and -".into()));
    }
    if !is_day(&p.day) {
        return Ok(Err("usage day must be YYYY-MM-DD".into()));
    }
    tx.prepare_cached(
        "INSERT INTO usage_counts (site, day, name, count) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (site, day, name) DO UPDATE SET count = count + 1",
    )?
    .execute(params![kiosk.site, p.day, p.name])?;
    Ok(Ok(()))
}

fn lesson_resume(tx: &Connection, op: &Op, now_ms: i64) -> rusqlite::Result<Result<(), Reason>> {
    let p: ResumeSaved = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if p.code.len() != CODE_DIGITS || !p.code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Err(format!("a resume code is {CODE_DIGITS} digits")));
    }
    if !is_lesson_id(&p.lesson) {
        return Ok(Err("lesson id must be 1-40 of a-z, 0-9 and -".into()));
    }
    if p.step >= 1000 {
        return Ok(Err("step must be below 1000".into()));
    }
    if digidak_core::lang::Lang::from_code(&p.lang).is_none() {
        return Ok(Err("lang must be nl, fr or en".into()));
    }
    // The server's clock decides expiry: a kiosk's clock may be wrong.
    let inserted = tx
        .prepare_cached(
            "INSERT INTO lesson_resume (code, lesson, step, lang, created_ms, expires_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING",
        )?
        .execute(params![
            p.code,
            p.lesson,
            p.step,
            p.lang,
            now_ms,
            now_ms.saturating_add(RESUME_MS)
        ])?;
    if inserted == 0 {
        return Ok(Err(format!(
            "resume code {} exists already (made at another kiosk); this one works only here",
            p.code
        )));
    }
    Ok(Ok(()))
}

fn lesson_event(
    tx: &Connection,
    kiosk: &KioskAuth,
    op: &Op,
) -> rusqlite::Result<Result<(), Reason>> {
    let p: LessonEvent = match parse(op) {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    if !LESSON_EVENTS.contains(&p.event.as_str()) {
        return Ok(Err(format!(
            "lesson event must be one of {}",
            LESSON_EVENTS.join(", ")
        )));
    }
    if Topic::from_id(&p.topic).is_none() {
        return Ok(Err("unknown lesson topic".into()));
    }
    if !is_lesson_id(&p.lesson) {
        return Ok(Err("lesson id must be 1-40 of a-z, 0-9 and -".into()));
    }
    if !is_day(&p.day) {
        return Ok(Err("lesson day must be YYYY-MM-DD".into()));
    }
    tx.prepare_cached(
        "INSERT INTO lesson_counts (site, day, event, topic, lesson, count)
         VALUES (?1, ?2, ?3, ?4, ?5, 1)
         ON CONFLICT (site, day, event, topic, lesson) DO UPDATE SET count = count + 1",
    )?
    .execute(params![kiosk.site, p.day, p.event, p.topic, p.lesson])?;
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
