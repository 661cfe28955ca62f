//! Seat blocks as leases, the server's side (the shared rules are in
//! [`digidak_core::activities::seats`]; the proof is in `docs/sync.md`, "Seat blocks").
//!
//! The server lends a kiosk a block of seats on an activity for a time (`expires_ms`). While
//! lent, the block's unused seats are held: nobody else gets them. They come back:
//!
//! - when the kiosk gives them back (`block.released`): it does so when the server recalls
//!   the lease because someone waits, and every block sign-up it made under the lease comes
//!   before the release in its outbox, so none of them is ever refused;
//! - [`LEASE_GRACE_MS`] after the lease ended (the kiosk stopped confirming from it at the end
//!   by its own clock corrected by the skew it measured);
//! - when the kiosk is revoked (its operations are refused from then on).
//!
//! A kiosk that syncs with its whole outbox gets a new lease when nobody waits and seats are
//! free, and its live lease renewed when it would end within [`RENEW_BEFORE_MS`].

use super::KioskAuth;
use super::apply::{Applied, Refusal, emit};
use crate::ServerError;
use crate::storage::{Lease, Tx};
use digidak_core::activities::local_to_unix_ms;
use digidak_core::activities::seats::{LEASE_GRACE_MS, RENEW_BEFORE_MS, lease_end};
use digidak_protocol::{ActivityRecord, BlockReleased, LEASE_END_SINCE, kinds};

type Stored<T> = Result<T, ServerError>;

/// Seats held in kiosks' blocks and not used.
pub(super) fn held(tx: &mut dyn Tx, activity_id: &str) -> Stored<i64> {
    Ok(tx.leases(activity_id)?.iter().map(Lease::unused).sum())
}

fn waiting(tx: &mut dyn Tx, activity_id: &str) -> Stored<i64> {
    Ok(tx.seat_counts(activity_id)?.waitlisted)
}

/// The end of sign-ups as Unix ms (`None` for a deadline that is not a local time).
fn deadline_ms(a: &ActivityRecord) -> Option<i64> {
    local_to_unix_ms(&a.deadline)
}

/// Whether a kiosk honours a lease's end (it speaks [`LEASE_END_SINCE`] or later, by its last
/// push). A kiosk that does not (older, or not heard from yet) gets leases without an end:
/// the server never takes those back by itself, so none of its block sign-ups is refused.
pub(super) fn honours_end(protocol: Option<u32>) -> bool {
    protocol.is_some_and(|p| p >= LEASE_END_SINCE)
}

/// Lends `kiosk_id` a block of `a` if it holds no unused seats, nobody waits, sign-ups are
/// open and seats are free; blocks together hold at most half the capacity. The lease gets
/// an end if the kiosk honours one (`with_end`). Returns whether a lease was lent.
pub(super) fn lend(
    tx: &mut dyn Tx,
    a: &ActivityRecord,
    kiosk_id: &str,
    with_end: bool,
    now_ms: i64,
) -> Stored<bool> {
    if a.block == 0 || a.deleted {
        return Ok(false);
    }
    let Some(deadline) = deadline_ms(a) else {
        return Ok(false);
    };
    if deadline <= now_ms || waiting(tx, &a.id)? > 0 {
        return Ok(false);
    }
    let old = tx.lease(&a.id, kiosk_id)?;
    if old.as_ref().is_some_and(|l| l.unused() > 0) {
        // Seats of a lease are still out (live, recalled or ended within the grace).
        return Ok(false);
    }
    let free = super::activities::free_seats(tx, &a.id, a.capacity)?;
    let room = i64::from(a.capacity / 2) - held(tx, &a.id)?;
    let seats = i64::from(a.block).min(free).min(room);
    if seats <= 0 {
        return Ok(false);
    }
    let seats = seats.min(i64::from(u32::MAX)) as u32;
    let expires_ms = with_end.then(|| lease_end(now_ms, Some(deadline)));
    let lease = match old {
        None => Lease {
            kiosk_id: kiosk_id.to_string(),
            lease: 1,
            granted: seats,
            used: 0,
            expires_ms,
            recalled: false,
        },
        Some(old) => Lease {
            lease: old.lease.saturating_add(1),
            granted: old.used.saturating_add(seats),
            expires_ms,
            recalled: false,
            ..old
        },
    };
    tx.put_lease(&a.id, &lease)?;
    Ok(true)
}

/// Renews the live, not recalled lease of `kiosk_id` on `a` if it ends within
/// [`RENEW_BEFORE_MS`] (never past the deadline), or gives it an end if it has none (a kiosk
/// that honours ends now). Returns whether it changed.
fn renew(tx: &mut dyn Tx, a: &ActivityRecord, kiosk_id: &str, now_ms: i64) -> Stored<bool> {
    let Some(deadline) = deadline_ms(a) else {
        return Ok(false);
    };
    let Some(mut lease) = tx.lease(&a.id, kiosk_id)? else {
        return Ok(false);
    };
    let expires = lease_end(now_ms, Some(deadline));
    let due = match lease.expires_ms {
        None => true,
        Some(end) => end > now_ms && end - now_ms < RENEW_BEFORE_MS && end < expires,
    };
    if lease.unused() == 0 || lease.recalled || !due {
        return Ok(false);
    }
    lease.expires_ms = Some(expires);
    tx.put_lease(&a.id, &lease)?;
    Ok(true)
}

/// Someone waits: every lease with unused seats is recalled (its kiosk gives them back at
/// its next sync). Returns whether a lease was newly recalled.
pub(super) fn recall(tx: &mut dyn Tx, activity_id: &str) -> Stored<bool> {
    if waiting(tx, activity_id)? == 0 {
        return Ok(false);
    }
    let mut any = false;
    for mut lease in tx.leases(activity_id)? {
        if lease.unused() > 0 && !lease.recalled {
            lease.recalled = true;
            tx.put_lease(activity_id, &lease)?;
            any = true;
        }
    }
    Ok(any)
}

/// Takes `party` seats of the kiosk's block, if they are there.
pub(super) fn use_block(
    tx: &mut dyn Tx,
    activity_id: &str,
    kiosk_id: &str,
    party: u32,
) -> Stored<bool> {
    let Some(mut lease) = tx.lease(activity_id, kiosk_id)? else {
        return Ok(false);
    };
    if lease.unused() < i64::from(party) {
        return Ok(false);
    }
    lease.used = lease.used.saturating_add(party);
    tx.put_lease(activity_id, &lease)?;
    Ok(true)
}

/// Every unused seat of a lease comes back: nothing is held any more.
fn take_back(tx: &mut dyn Tx, activity_id: &str, kiosk_id: &str) -> Stored<()> {
    if let Some(mut lease) = tx.lease(activity_id, kiosk_id)? {
        lease.granted = lease.used;
        lease.recalled = false;
        tx.put_lease(activity_id, &lease)?;
    }
    Ok(())
}

/// Takes back the unused seats of leases that ended more than [`LEASE_GRACE_MS`] ago, on the
/// site's activities. Returns the activities whose seats came back.
fn reclaim_ended(tx: &mut dyn Tx, site: &str, now_ms: i64) -> Stored<Vec<String>> {
    let mut ids = tx.ended_leases(site, now_ms - LEASE_GRACE_MS)?;
    ids.sort();
    ids.dedup();
    let mut changed = Vec::with_capacity(ids.len());
    for id in ids {
        for lease in tx.leases(&id)? {
            let ended = lease
                .expires_ms
                .is_some_and(|end| end.saturating_add(LEASE_GRACE_MS) <= now_ms);
            if ended && lease.unused() > 0 {
                take_back(tx, &id, &lease.kiosk_id)?;
            }
        }
        changed.push(id);
    }
    Ok(changed)
}

/// After a push from `kiosk` (whose ops are all applied): ended leases of the site come
/// back; when the push carried the kiosk's whole outbox, it gets new leases where nobody
/// waits and its live leases are renewed. The waitlist moves up, leases are recalled while
/// someone waits, and the site hears of every activity that changed.
pub(super) fn tend(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    whole_outbox: bool,
    protocol: u32,
    now_ms: i64,
) -> Stored<()> {
    let with_end = honours_end(Some(protocol));
    let mut changed = reclaim_ended(tx, &kiosk.site, now_ms)?;
    if whole_outbox {
        let now_local = digidak_core::activities::local_now(now_ms);
        for a in tx.lease_activities(&kiosk.site, &now_local)? {
            // Only where this kiosk might get or renew a lease.
            let candidate = match tx.lease(&a.id, &kiosk.id)? {
                None => true,
                Some(l) => {
                    l.unused() == 0
                        || l.expires_ms
                            .is_none_or(|end| end - now_ms < RENEW_BEFORE_MS)
                }
            };
            if !candidate {
                continue;
            }
            if lend(tx, &a, &kiosk.id, with_end, now_ms)?
                || (with_end && renew(tx, &a, &kiosk.id, now_ms)?)
            {
                changed.push(a.id.clone());
            }
        }
    }
    changed.sort();
    changed.dedup();
    for id in changed {
        settle(tx, &kiosk.site, &id, now_ms)?;
    }
    Ok(())
}

/// Seats came back or leases changed on one activity: promote the waitlist (which recalls
/// leases if someone still waits) and tell the site.
fn settle(tx: &mut dyn Tx, site: &str, activity_id: &str, now_ms: i64) -> Stored<()> {
    let Some((_, a)) = super::activities::load(tx, activity_id)? else {
        return Ok(());
    };
    if !a.deleted {
        super::activities::promote(tx, site, &a, now_ms)?;
    }
    let st = super::activities::state(tx, &a)?;
    emit(tx, site, kinds::ACTIVITY_SAVED, &st, now_ms)
}

/// `block.released`: the kiosk gives the unused seats of a lease back. A release of another
/// lease than the current one (a resend, or one the server already took back) changes
/// nothing.
pub(super) fn released(
    tx: &mut dyn Tx,
    kiosk: &KioskAuth,
    p: &BlockReleased,
    now_ms: i64,
) -> Applied {
    let Some((site, _)) = super::activities::load(tx, &p.activity_id)? else {
        return Ok(Err(Refusal::missing("no such activity")));
    };
    if site != kiosk.site {
        return Ok(Err(Refusal::other_site(
            "this activity belongs to another site",
        )));
    }
    let Some(mut lease) = tx
        .lease(&p.activity_id, &kiosk.id)?
        .filter(|l| l.lease == p.lease)
    else {
        return Ok(Ok(()));
    };
    // Both counters end at the larger count, the kiosk's own (every block sign-up it made
    // is in the server's hands now) or the server's, but never past what was lent: nothing
    // is held any more, and a wrong count cannot inflate the next lease.
    let count = lease.used.max(p.used.min(lease.granted));
    lease.used = count;
    lease.granted = count;
    lease.recalled = false;
    tx.put_lease(&p.activity_id, &lease)?;
    settle(tx, &site, &p.activity_id, now_ms)?;
    Ok(Ok(()))
}

/// A kiosk was revoked: its operations are refused from now on, so the unused seats of its
/// leases come back at once.
pub(super) fn kiosk_gone(tx: &mut dyn Tx, kiosk_id: &str, now_ms: i64) -> Stored<()> {
    for activity in tx.kiosk_lease_activities(kiosk_id)? {
        take_back(tx, &activity, kiosk_id)?;
        if let Some((site, _)) = super::activities::load(tx, &activity)? {
            settle(tx, &site, &activity, now_ms)?;
        }
    }
    Ok(())
}
