//! What only the server decides for activities: who gets a seat. Sign-ups are confirmed in
//! arrival order while seats are free, else waitlisted; a cancellation promotes the first of the
//! waitlist. Each kiosk of the site holds a small block of seats it may confirm on its own
//! while offline; seats in unused blocks are held back, so nobody is ever overbooked:
//!
//! `confirmed seats + unused block seats <= capacity`
//!
//! Block use is a counter that only grows, on both sides (the kiosk counts every block
//! sign-up it ever made), so a cancellation elsewhere can never let a kiosk reuse a seat.

use super::KioskAuth;
use super::apply::{Applied, Refusal, emit};
use crate::ServerError;
use crate::storage::{NewSignup, Tx};
use digidak_core::activities::check_activity;
use digidak_protocol::{
    ActivityRecord, ActivityState, SignupCancelled, SignupCreated, SignupStatus, kinds,
};

type Stored<T> = Result<T, ServerError>;

/// Seats not confirmed and not held in any kiosk's unused block (may be below 0 after an
/// admin lowered the capacity).
pub(super) fn free_seats(tx: &mut dyn Tx, activity_id: &str, capacity: u32) -> Stored<i64> {
    let confirmed = tx.seat_counts(activity_id)?.confirmed;
    let held = super::seats::held(tx, activity_id)?;
    Ok(i64::from(capacity) - confirmed - held)
}

pub(super) fn load(tx: &mut dyn Tx, id: &str) -> Stored<Option<(String, ActivityRecord)>> {
    tx.activity(id)
}

/// The activity as kiosks of its site see it.
pub fn state(tx: &mut dyn Tx, a: &ActivityRecord) -> Stored<ActivityState> {
    let counts = tx.seat_counts(&a.id)?;
    let leases = tx.leases(&a.id)?;
    let held: i64 = leases.iter().map(|l| l.unused()).sum();
    let free = i64::from(a.capacity) - counts.confirmed - held;
    Ok(ActivityState {
        activity: a.clone(),
        free: free.max(0) as u32,
        confirmed: counts.confirmed.clamp(0, i64::from(u32::MAX)) as u32,
        waitlisted: counts.waitlisted.clamp(0, i64::from(u32::MAX)) as u32,
        blocks: leases
            .iter()
            .map(|l| (l.kiosk_id.clone(), l.granted))
            .collect(),
        leases: leases.iter().map(|l| l.to_wire()).collect(),
    })
}

/// Saves an activity for `site` (from a kiosk's admin or the CLI), grants seat blocks to the
/// site's kiosks, promotes the waitlist if seats opened, and tells the site.
pub fn save(tx: &mut dyn Tx, site: &str, a: &ActivityRecord, now_ms: i64) -> Applied {
    // Free text is kept cleaned, whoever sent it (the shared rule, `digidak_core::text`).
    let a = &digidak_core::activities::cleaned(a);
    if let Err((field, problem)) = check_activity(a) {
        return Ok(Err(Refusal::invalid(format!("activity {field} {problem}"))));
    }
    if let Some((other_site, _)) = load(tx, &a.id)?
        && other_site != site
    {
        return Ok(Err(Refusal::other_site(
            "this activity belongs to another site",
        )));
    }
    tx.upsert_activity(site, a, now_ms)?;
    if !a.deleted {
        // Those waiting come before any block.
        promote(tx, site, a, now_ms)?;
        grant_blocks(tx, site, a, now_ms)?;
    }
    let st = state(tx, a)?;
    emit(tx, site, kinds::ACTIVITY_SAVED, &st, now_ms)?;
    Ok(Ok(()))
}

/// Lends every active kiosk of the site that holds no unused seats a block (a lease, see
/// [`super::seats`]), while seats are free and nobody waits. Blocks together hold at most
/// half of the capacity, so idle kiosks never starve the residents who sign up online.
pub fn grant_blocks(tx: &mut dyn Tx, site: &str, a: &ActivityRecord, now_ms: i64) -> Stored<()> {
    if a.block == 0 {
        return Ok(());
    }
    for (k, protocol) in tx.active_kiosks(site)? {
        super::seats::lend(tx, a, &k, super::seats::honours_end(protocol), now_ms)?;
    }
    Ok(())
}

fn status_of(tx: &mut dyn Tx, id: &str) -> Stored<SignupStatus> {
    tx.signup(id)?
        .map(|row| row.status)
        .ok_or_else(|| ServerError::NotFound(format!("no sign-up {id}")))
}

/// Confirms waitlisted sign-ups in arrival order while the first one fits; if someone still
/// waits, recalls the leases that hold unused seats.
pub(super) fn promote(tx: &mut dyn Tx, site: &str, a: &ActivityRecord, now_ms: i64) -> Stored<()> {
    loop {
        let Some((id, party)) = tx.first_waiting(&a.id)? else {
            return Ok(());
        };
        if free_seats(tx, &a.id, a.capacity)? < i64::from(party) {
            super::seats::recall(tx, &a.id)?;
            return Ok(());
        }
        tx.set_signup_status(&id, "confirmed", None)?;
        let st = status_of(tx, &id)?;
        emit(tx, site, kinds::SIGNUP_STATUS, &st, now_ms)?;
    }
}

pub fn signup_created(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    p: &SignupCreated,
    kiosk_time_ms: i64,
    now_ms: i64,
) -> Applied {
    if uuid::Uuid::parse_str(&p.id).is_err() {
        return Ok(Err(Refusal::invalid("sign-up id is not a UUID")));
    }
    if p.walk_in && p.from_block {
        return Ok(Err(Refusal::invalid(
            "a walk-in does not take a block seat",
        )));
    }
    if digidak_core::activities::normalize_code(&p.code).as_deref() != Some(p.code.as_str()) {
        return Ok(Err(Refusal::invalid(format!(
            "a sign-up code is {} digits",
            digidak_core::activities::CODE_DIGITS
        ))));
    }
    // One code, one resident: a code taken by another sign-up (any kiosk, any site) is
    // refused, never shared. Kiosks draw in their own range, so this is for kiosks one
    // version older or a hostile one.
    if let Some(other) = tx.signup_id_by_code(&p.code)? {
        return Ok(Err(if other == p.id {
            Refusal::duplicate(format!("sign-up {} exists already", p.id))
        } else {
            Refusal::taken("this sign-up code is taken by another sign-up")
        }));
    }
    let token_hash = match super::phone_token_hash(p.token.as_deref()) {
        Ok(h) => h,
        Err(reason) => return Ok(Err(Refusal::invalid(reason))),
    };
    if let Some(h) = &token_hash
        && tx.signup_id_by_token_hash(h)?.is_some()
    {
        return Ok(Err(Refusal::taken(
            "this phone token is taken by another sign-up",
        )));
    }
    let Some((site, a)) = load(tx, &p.activity_id)? else {
        return Ok(Err(Refusal::missing("no such activity")));
    };
    if site != kiosk.site {
        return Ok(Err(Refusal::other_site(
            "this activity belongs to another site",
        )));
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
        return Ok(Err(Refusal::invalid(format!(
            "sign-up refused: {}",
            problem.key()
        ))));
    }
    let name = digidak_core::text::clean_name(&p.first_name);
    let phone = p
        .phone
        .as_deref()
        .and_then(|ph| digidak_core::activities::clean_phone(ph).ok().flatten());
    let seq = tx.next_signup_seq()?;
    let status = if p.walk_in && !a.deleted {
        // At the door: the volunteer let them in.
        "confirmed"
    } else if a.deleted {
        // Signed up offline for an activity that was cancelled meanwhile: kept, and told.
        "cancelled"
    } else if p.from_block && super::seats::use_block(tx, &a.id, &kiosk.id, p.party)? {
        "confirmed"
    } else {
        let waiting = tx.seat_counts(&a.id)?.waitlisted;
        if waiting == 0 && free_seats(tx, &a.id, a.capacity)? >= i64::from(p.party) {
            "confirmed"
        } else {
            "waitlisted"
        }
    };
    let waits = status == "waitlisted";
    let inserted = tx.insert_signup(&NewSignup {
        id: &p.id,
        activity_id: &a.id,
        site: &site,
        kiosk_id: &kiosk.id,
        code: &p.code,
        first_name: &name,
        phone: phone.as_deref(),
        party: p.party,
        from_block: p.from_block,
        status,
        seq,
        created_ms: kiosk_time_ms,
        walk_in: p.walk_in,
        checked_in_ms: p.walk_in.then_some(kiosk_time_ms),
        token_hash: token_hash.as_deref(),
    })?;
    if !inserted {
        return Ok(Err(Refusal::duplicate(format!(
            "sign-up {} exists already",
            p.id
        ))));
    }
    if waits {
        // Seats held in kiosks' blocks come back for them (`super::seats`).
        super::seats::recall(tx, &a.id)?;
    }
    let st = status_of(tx, &p.id)?;
    emit(tx, &site, kinds::SIGNUP_STATUS, &st, now_ms)?;
    let st = state(tx, &a)?;
    emit(tx, &site, kinds::ACTIVITY_SAVED, &st, now_ms)?;
    Ok(Ok(()))
}

pub fn signup_cancelled(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    p: &SignupCancelled,
    now_ms: i64,
) -> Applied {
    let Some(row) = tx.signup(&p.id)? else {
        return Ok(Err(Refusal::missing("no such sign-up")));
    };
    if row.site != kiosk.site {
        return Ok(Err(Refusal::other_site(
            "this sign-up belongs to another site",
        )));
    }
    if row.status.status != "cancelled" {
        cancel(tx, &row.site, &row.status.activity_id, &p.id, now_ms)?;
    }
    // Cancelled twice (two kiosks, a phone, or a resend): the first one counts.
    Ok(Ok(()))
}

/// Cancels one sign-up, promotes the waitlist, and tells the site.
fn cancel(tx: &mut dyn Tx, site: &str, activity_id: &str, id: &str, now_ms: i64) -> Stored<()> {
    tx.set_signup_status(id, "cancelled", Some(now_ms))?;
    let st = status_of(tx, id)?;
    emit(tx, site, kinds::SIGNUP_STATUS, &st, now_ms)?;
    if let Some((_, a)) = load(tx, activity_id)? {
        if !a.deleted {
            promote(tx, site, &a, now_ms)?;
        }
        let st = state(tx, &a)?;
        emit(tx, site, kinds::ACTIVITY_SAVED, &st, now_ms)?;
    }
    Ok(())
}

/// The id of the sign-up whose phone token is `token`.
fn id_by_token(tx: &mut dyn Tx, token: &str) -> Stored<Option<String>> {
    if !digidak_core::codes::is_phone_token(token) {
        return Ok(None);
    }
    tx.signup_id_by_token_hash(&super::hash_secret(token))
}

/// The sign-up of a phone token (any site), with its activity: for the phone page. One
/// sign-up, never another resident's: the token is its own.
pub fn by_token(
    tx: &mut dyn Tx,
    token: &str,
) -> Stored<Option<(SignupStatus, Option<ActivityRecord>)>> {
    let Some(id) = id_by_token(tx, token)? else {
        return Ok(None);
    };
    let s = status_of(tx, &id)?;
    let a = load(tx, &s.activity_id)?.map(|(_, r)| r);
    Ok(Some((s, a)))
}

/// Cancels the sign-up of a phone token if it is not cancelled (the phone page's button).
pub fn cancel_by_token(tx: &mut dyn Tx, token: &str, now_ms: i64) -> Stored<usize> {
    let Some(id) = id_by_token(tx, token)? else {
        return Ok(0);
    };
    let Some(row) = tx.signup(&id)?.filter(|r| r.status.status != "cancelled") else {
        return Ok(0);
    };
    cancel(tx, &row.site, &row.status.activity_id, &id, now_ms)?;
    Ok(1)
}

/// A kiosk was paired: it gets a block of seats of every open activity of its site.
pub fn kiosk_joined(tx: &mut dyn Tx, site: &str, now_ms: i64) -> Stored<()> {
    for a in tx.activity_records(site)? {
        if a.deleted || a.block == 0 {
            continue;
        }
        grant_blocks(tx, site, &a, now_ms)?;
        let st = state(tx, &a)?;
        emit(tx, site, kinds::ACTIVITY_SAVED, &st, now_ms)?;
    }
    Ok(())
}

/// The activities of a site by start time, with their seats.
pub fn list(tx: &mut dyn Tx, site: &str) -> Stored<Vec<ActivityState>> {
    let records = tx.activity_records(site)?;
    records.iter().map(|a| state(tx, a)).collect()
}

/// An activity's sign-ups in arrival order.
pub fn signups(tx: &mut dyn Tx, activity_id: &str) -> Stored<Vec<SignupStatus>> {
    let ids = tx.signup_ids(activity_id)?;
    ids.iter().map(|id| status_of(tx, id)).collect()
}

/// A check-in at the door. The earliest check-in stands; repeats change nothing.
pub fn signup_checked_in(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    p: &digidak_protocol::SignupCheckedIn,
    now_ms: i64,
) -> Applied {
    let Some(row) = tx.signup(&p.id)? else {
        return Ok(Err(Refusal::missing("no such sign-up")));
    };
    if row.site != kiosk.site {
        return Ok(Err(Refusal::other_site(
            "this sign-up belongs to another site",
        )));
    }
    let earlier = row.status.checked_in_ms.is_some_and(|at| at <= p.at_ms);
    if !earlier {
        tx.set_checked_in(&p.id, p.at_ms)?;
        let st = status_of(tx, &p.id)?;
        emit(tx, &row.site, kinds::SIGNUP_STATUS, &st, now_ms)?;
    }
    Ok(Ok(()))
}

/// Removes names and phone numbers of sign-ups whose activity ended more than `days` days
/// before `now_ms`: in the sign-ups, in the stored operations and in the change feed. Counts
/// (how many, how many people, checked in) stay. Returns how many sign-ups were cleared.
pub fn forget_old_signups(tx: &mut dyn Tx, days: u32, now_ms: i64) -> Stored<usize> {
    let cutoff = digidak_core::activities::local_now(now_ms - i64::from(days) * 86_400_000);
    tx.forget_signups(&cutoff)
}
