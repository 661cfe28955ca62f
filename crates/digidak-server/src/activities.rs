//! What only the server decides for activities: who gets a seat. Sign-ups are confirmed in
//! arrival order while seats are free, else waitlisted; a cancellation promotes the first of the
//! waitlist. Each kiosk of the site holds a small block of seats it may confirm on its own
//! while offline; seats in unused blocks are held back, so nobody is ever overbooked:
//!
//! `confirmed seats + unused block seats <= capacity`
//!
//! Block use is a counter that only grows, on both sides (the kiosk counts every block
//! sign-up it ever made), so a cancellation elsewhere can never let a kiosk reuse a seat.

use rusqlite::{Connection, OptionalExtension, params};

use super::KioskAuth;
use super::apply::{Reason, emit};
use digidak_core::activities::check_activity;
use digidak_protocol::{
    ActivityRecord, ActivityState, SignupCancelled, SignupCreated, SignupStatus, kinds,
};

/// Seats not confirmed and not held in any kiosk's unused block (may be below 0 after an
/// admin lowered the capacity).
pub(super) fn free_seats(
    tx: &Connection,
    activity_id: &str,
    capacity: u32,
) -> rusqlite::Result<i64> {
    let confirmed: i64 = tx.query_row(
        "SELECT COALESCE(SUM(party), 0) FROM signups WHERE activity_id = ?1 AND status = 'confirmed'",
        [activity_id],
        |r| r.get(0),
    )?;
    let held = super::seats::held(tx, activity_id)?;
    Ok(i64::from(capacity) - confirmed - held)
}

pub(super) fn load(
    tx: &Connection,
    id: &str,
) -> rusqlite::Result<Option<(String, ActivityRecord)>> {
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT site, record FROM activities WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(site, json)| Some((site, serde_json::from_str(&json).ok()?))))
}

/// The activity as kiosks of its site see it.
pub fn state(tx: &Connection, a: &ActivityRecord) -> rusqlite::Result<ActivityState> {
    let free = free_seats(tx, &a.id, a.capacity)?;
    let (confirmed, waitlisted): (i64, i64) = tx.query_row(
        "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN party END), 0),
                COUNT(CASE WHEN status = 'waitlisted' THEN 1 END)
         FROM signups WHERE activity_id = ?1",
        [&a.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt = tx.prepare_cached(
        "SELECT kiosk_id, granted FROM seat_blocks WHERE activity_id = ?1 ORDER BY kiosk_id",
    )?;
    let blocks = stmt
        .query_map([&a.id], |r| {
            let granted = r.get::<_, i64>(1)?.clamp(0, i64::from(u32::MAX)) as u32;
            Ok((r.get::<_, String>(0)?, granted))
        })?
        .collect::<Result<_, _>>()?;
    Ok(ActivityState {
        activity: a.clone(),
        free: free.max(0) as u32,
        confirmed: confirmed as u32,
        waitlisted: waitlisted as u32,
        blocks,
        leases: super::seats::leases(tx, &a.id)?,
    })
}

/// Saves an activity for `site` (from a kiosk's admin or the CLI), grants seat blocks to the
/// site's kiosks, promotes the waitlist if seats opened, and tells the site.
pub fn save(
    tx: &Connection,
    site: &str,
    a: &ActivityRecord,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    // Free text is kept cleaned, whoever sent it (the shared rule, `digidak_core::text`).
    let a = &digidak_core::activities::cleaned(a);
    if let Err((field, problem)) = check_activity(a) {
        return Ok(Err(format!("activity {field} {problem}")));
    }
    if let Some((other_site, _)) = load(tx, &a.id)?
        && other_site != site
    {
        return Ok(Err("this activity belongs to another site".into()));
    }
    let record = serde_json::to_string(a).expect("records serialize");
    tx.execute(
        "INSERT INTO activities (id, site, record, start, deleted, updated_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET record = ?3, start = ?4, deleted = ?5, updated_ms = ?6",
        params![a.id, site, record, a.start, a.deleted, now_ms],
    )?;
    if !a.deleted {
        // Those waiting come before any block.
        promote(tx, site, a, now_ms)?;
        grant_blocks(tx, site, a, now_ms)?;
    }
    emit(tx, site, kinds::ACTIVITY_SAVED, &state(tx, a)?, now_ms)?;
    Ok(Ok(()))
}

/// Lends every active kiosk of the site that holds no unused seats a block (a lease, see
/// [`super::seats`]), while seats are free and nobody waits. Blocks together hold at most
/// half of the capacity, so idle kiosks never starve the residents who sign up online.
pub fn grant_blocks(
    tx: &Connection,
    site: &str,
    a: &ActivityRecord,
    now_ms: i64,
) -> rusqlite::Result<()> {
    if a.block == 0 {
        return Ok(());
    }
    let kiosks: Vec<(String, Option<u32>)> = tx
        .prepare_cached(
            "SELECT id, protocol FROM kiosks
             WHERE site = ?1 AND revoked_ms IS NULL AND token_hash IS NOT NULL
             ORDER BY created_ms, id",
        )?
        .query_map(params![site], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (k, protocol) in kiosks {
        super::seats::lend(tx, a, &k, super::seats::honours_end(protocol), now_ms)?;
    }
    Ok(())
}

fn status_of(tx: &Connection, id: &str) -> rusqlite::Result<SignupStatus> {
    tx.query_row(
        "SELECT id, activity_id, code, COALESCE(first_name, ''), phone, party, status, seq,
                checked_in_ms
         FROM signups WHERE id = ?1",
        [id],
        |r| {
            Ok(SignupStatus {
                id: r.get(0)?,
                activity_id: r.get(1)?,
                code: r.get(2)?,
                first_name: r.get(3)?,
                phone: r.get(4)?,
                party: r.get(5)?,
                status: r.get(6)?,
                seq: r.get::<_, i64>(7)?.max(0) as u64,
                checked_in_ms: r.get(8)?,
            })
        },
    )
}

/// Confirms waitlisted sign-ups in arrival order while the first one fits; if someone still
/// waits, recalls the leases that hold unused seats.
pub(super) fn promote(
    tx: &Connection,
    site: &str,
    a: &ActivityRecord,
    now_ms: i64,
) -> rusqlite::Result<()> {
    loop {
        let first: Option<(String, i64)> = tx
            .query_row(
                "SELECT id, party FROM signups WHERE activity_id = ?1 AND status = 'waitlisted'
                 ORDER BY seq LIMIT 1",
                [&a.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, party)) = first else {
            return Ok(());
        };
        if free_seats(tx, &a.id, a.capacity)? < party {
            super::seats::recall(tx, &a.id)?;
            return Ok(());
        }
        tx.execute(
            "UPDATE signups SET status = 'confirmed' WHERE id = ?1",
            [&id],
        )?;
        emit(tx, site, kinds::SIGNUP_STATUS, &status_of(tx, &id)?, now_ms)?;
    }
}

pub fn signup_created(
    tx: &Connection,
    kiosk: &KioskAuth,
    p: &SignupCreated,
    kiosk_time_ms: i64,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    if uuid::Uuid::parse_str(&p.id).is_err() {
        return Ok(Err("sign-up id is not a UUID".into()));
    }
    if p.walk_in && p.from_block {
        return Ok(Err("a walk-in does not take a block seat".into()));
    }
    if digidak_core::activities::normalize_code(&p.code).as_deref() != Some(p.code.as_str()) {
        return Ok(Err(format!(
            "a sign-up code is {} digits",
            digidak_core::activities::CODE_DIGITS
        )));
    }
    // One code, one resident: a code taken by another sign-up (any kiosk, any site) is
    // refused, never shared. Kiosks draw in their own range, so this is for kiosks one
    // version older or a hostile one.
    let taken: Option<String> = tx
        .prepare_cached("SELECT id FROM signups WHERE code = ?1")?
        .query_row([&p.code], |r| r.get(0))
        .optional()?;
    if let Some(other) = taken {
        return Ok(Err(if other == p.id {
            format!("sign-up {} exists already", p.id)
        } else {
            "this sign-up code is taken by another sign-up".into()
        }));
    }
    let token_hash = match super::phone_token_hash(p.token.as_deref()) {
        Ok(h) => h,
        Err(reason) => return Ok(Err(reason)),
    };
    if let Some(h) = &token_hash
        && tx
            .prepare_cached("SELECT 1 FROM signups WHERE token_hash = ?1")?
            .query_row([h], |_| Ok(()))
            .optional()?
            .is_some()
    {
        return Ok(Err("this phone token is taken by another sign-up".into()));
    }
    let Some((site, a)) = load(tx, &p.activity_id)? else {
        return Ok(Err("no such activity".into()));
    };
    if site != kiosk.site {
        return Ok(Err("this activity belongs to another site".into()));
    }
    // The kiosk's clock at sign-up decides the deadline: an offline kiosk syncs later. A
    // walk-in comes after it by nature.
    let at = if p.walk_in {
        String::new()
    } else {
        digidak_core::activities::local_now(kiosk_time_ms)
    };
    let mut checked = a.clone();
    checked.deleted = false;
    if let Err(problem) = digidak_core::activities::check_signup(
        &checked,
        &p.first_name,
        p.phone.as_deref(),
        p.party,
        &at,
    ) {
        return Ok(Err(format!("sign-up refused: {}", problem.key())));
    }
    let name = digidak_core::text::clean_name(&p.first_name);
    let phone = p
        .phone
        .as_deref()
        .and_then(|ph| digidak_core::activities::clean_phone(ph).ok().flatten());
    let seq: i64 = tx.query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM signups", [], |r| {
        r.get(0)
    })?;
    let status = if p.walk_in && !a.deleted {
        // At the door: the volunteer let them in.
        "confirmed"
    } else if a.deleted {
        // Signed up offline for an activity that was cancelled meanwhile: kept, and told.
        "cancelled"
    } else if p.from_block && use_block(tx, &a.id, &kiosk.id, p.party)? {
        "confirmed"
    } else {
        let waiting: i64 = tx.query_row(
            "SELECT COUNT(*) FROM signups WHERE activity_id = ?1 AND status = 'waitlisted'",
            [&a.id],
            |r| r.get(0),
        )?;
        if waiting == 0 && free_seats(tx, &a.id, a.capacity)? >= i64::from(p.party) {
            "confirmed"
        } else {
            "waitlisted"
        }
    };
    let waits = status == "waitlisted";
    let inserted = tx.execute(
        "INSERT INTO signups (id, activity_id, site, kiosk_id, code, first_name, phone, party,
                              from_block, status, seq, created_ms, walk_in, checked_in_ms,
                              token_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
                 CASE WHEN ?13 THEN ?12 END, ?14) ON CONFLICT (id) DO NOTHING",
        params![
            p.id,
            a.id,
            site,
            kiosk.id,
            p.code,
            name,
            phone,
            p.party,
            p.from_block,
            status,
            seq,
            kiosk_time_ms,
            p.walk_in,
            token_hash
        ],
    )?;
    if inserted == 0 {
        return Ok(Err(format!("sign-up {} exists already", p.id)));
    }
    if waits {
        // Seats held in kiosks' blocks come back for them (`super::seats`).
        super::seats::recall(tx, &a.id)?;
    }
    emit(
        tx,
        &site,
        kinds::SIGNUP_STATUS,
        &status_of(tx, &p.id)?,
        now_ms,
    )?;
    emit(tx, &site, kinds::ACTIVITY_SAVED, &state(tx, &a)?, now_ms)?;
    Ok(Ok(()))
}

/// Takes `party` seats of the kiosk's block, if they are there.
fn use_block(tx: &Connection, activity: &str, kiosk: &str, party: u32) -> rusqlite::Result<bool> {
    let changed = tx.execute(
        "UPDATE seat_blocks SET used = used + ?3
         WHERE activity_id = ?1 AND kiosk_id = ?2 AND used + ?3 <= granted",
        params![activity, kiosk, party],
    )?;
    Ok(changed == 1)
}

pub fn signup_cancelled(
    tx: &Connection,
    kiosk: &KioskAuth,
    p: &SignupCancelled,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    let row: Option<(String, String, String)> = tx
        .query_row(
            "SELECT activity_id, site, status FROM signups WHERE id = ?1",
            [&p.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((activity_id, site, status)) = row else {
        return Ok(Err("no such sign-up".into()));
    };
    if site != kiosk.site {
        return Ok(Err("this sign-up belongs to another site".into()));
    }
    if status != "cancelled" {
        cancel(tx, &site, &activity_id, &p.id, now_ms)?;
    }
    // Cancelled twice (two kiosks, a phone, or a resend): the first one counts.
    Ok(Ok(()))
}

/// Cancels one sign-up, promotes the waitlist, and tells the site.
fn cancel(
    tx: &Connection,
    site: &str,
    activity_id: &str,
    id: &str,
    now_ms: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE signups SET status = 'cancelled', cancelled_ms = ?2 WHERE id = ?1",
        params![id, now_ms],
    )?;
    emit(tx, site, kinds::SIGNUP_STATUS, &status_of(tx, id)?, now_ms)?;
    if let Some((_, a)) = load(tx, activity_id)? {
        if !a.deleted {
            promote(tx, site, &a, now_ms)?;
        }
        emit(tx, site, kinds::ACTIVITY_SAVED, &state(tx, &a)?, now_ms)?;
    }
    Ok(())
}

/// The id of the sign-up whose phone token is `token`.
fn id_by_token(tx: &Connection, token: &str) -> rusqlite::Result<Option<String>> {
    if !digidak_core::codes::is_phone_token(token) {
        return Ok(None);
    }
    tx.prepare_cached("SELECT id FROM signups WHERE token_hash = ?1")?
        .query_row([super::hash_secret(token)], |r| r.get(0))
        .optional()
}

/// The sign-up of a phone token (any site), with its activity: for the phone page. One
/// sign-up, never another resident's: the token is its own.
pub fn by_token(
    tx: &Connection,
    token: &str,
) -> rusqlite::Result<Option<(SignupStatus, Option<ActivityRecord>)>> {
    let Some(id) = id_by_token(tx, token)? else {
        return Ok(None);
    };
    let s = status_of(tx, &id)?;
    let a = load(tx, &s.activity_id)?.map(|(_, r)| r);
    Ok(Some((s, a)))
}

/// Cancels the sign-up of a phone token if it is not cancelled (the phone page's button).
pub fn cancel_by_token(tx: &Connection, token: &str, now_ms: i64) -> rusqlite::Result<usize> {
    let Some(id) = id_by_token(tx, token)? else {
        return Ok(0);
    };
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT activity_id, site FROM signups WHERE id = ?1 AND status != 'cancelled'",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((activity, site)) = row else {
        return Ok(0);
    };
    cancel(tx, &site, &activity, &id, now_ms)?;
    Ok(1)
}

/// A kiosk was paired: it gets a block of seats of every open activity of its site.
pub fn kiosk_joined(tx: &Connection, site: &str, now_ms: i64) -> rusqlite::Result<()> {
    for a in list(tx, site)? {
        let a = a.activity;
        if a.deleted || a.block == 0 {
            continue;
        }
        grant_blocks(tx, site, &a, now_ms)?;
        emit(tx, site, kinds::ACTIVITY_SAVED, &state(tx, &a)?, now_ms)?;
    }
    Ok(())
}

/// The activities of a site by start time, with their seats.
pub fn list(tx: &Connection, site: &str) -> rusqlite::Result<Vec<ActivityState>> {
    let records: Vec<String> = tx
        .prepare_cached("SELECT record FROM activities WHERE site = ?1 ORDER BY start, id")?
        .query_map([site], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    records
        .iter()
        .filter_map(|json| serde_json::from_str::<ActivityRecord>(json).ok())
        .map(|a| state(tx, &a))
        .collect()
}

/// An activity's sign-ups in arrival order.
pub fn signups(tx: &Connection, activity_id: &str) -> rusqlite::Result<Vec<SignupStatus>> {
    let ids: Vec<String> = tx
        .prepare_cached("SELECT id FROM signups WHERE activity_id = ?1 ORDER BY seq")?
        .query_map([activity_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| status_of(tx, id)).collect()
}

/// A check-in at the door. The earliest check-in stands; repeats change nothing.
pub fn signup_checked_in(
    tx: &Connection,
    kiosk: &KioskAuth,
    p: &digidak_protocol::SignupCheckedIn,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    let site: Option<String> = tx
        .query_row("SELECT site FROM signups WHERE id = ?1", [&p.id], |r| {
            r.get(0)
        })
        .optional()?;
    match site {
        None => Ok(Err("no such sign-up".into())),
        Some(s) if s != kiosk.site => Ok(Err("this sign-up belongs to another site".into())),
        Some(site) => {
            let changed = tx.execute(
                "UPDATE signups SET checked_in_ms = ?2
                 WHERE id = ?1 AND (checked_in_ms IS NULL OR checked_in_ms > ?2)",
                params![p.id, p.at_ms],
            )?;
            if changed > 0 {
                emit(
                    tx,
                    &site,
                    kinds::SIGNUP_STATUS,
                    &status_of(tx, &p.id)?,
                    now_ms,
                )?;
            }
            Ok(Ok(()))
        }
    }
}

/// Removes names and phone numbers of sign-ups whose activity ended more than `days` days
/// before `now_ms`: in the sign-ups, in the stored operations and in the change feed. Counts
/// (how many, how many people, checked in) stay. Returns how many sign-ups were cleared.
/// (The connection has `secure_delete` on, so old values are overwritten in the file.)
pub fn forget_old_signups(tx: &Connection, days: u32, now_ms: i64) -> rusqlite::Result<usize> {
    let cutoff = digidak_core::activities::local_now(now_ms - i64::from(days) * 86_400_000);
    let ended = "SELECT id FROM activities WHERE json_extract(record, '$.end') < ?1";
    let n = tx.execute(
        &format!(
            "UPDATE signups SET first_name = NULL, phone = NULL
             WHERE (first_name IS NOT NULL OR phone IS NOT NULL) AND activity_id IN ({ended})"
        ),
        [&cutoff],
    )?;
    if n > 0 {
        for (table, kind) in [
            ("ops", kinds::SIGNUP_CREATED),
            ("changes", kinds::SIGNUP_STATUS),
        ] {
            tx.execute(
                &format!(
                    "UPDATE {table} SET payload = json_set(payload, '$.first_name', '', '$.phone', NULL)
                     WHERE kind = ?2 AND json_extract(payload, '$.activity_id') IN ({ended})"
                ),
                params![cutoff, kind],
            )?;
        }
    }
    Ok(n)
}
