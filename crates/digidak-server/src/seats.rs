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

use rusqlite::{Connection, OptionalExtension, params};

use super::KioskAuth;
use super::apply::{Reason, emit};
use digidak_core::activities::local_to_unix_ms;
use digidak_core::activities::seats::{LEASE_GRACE_MS, RENEW_BEFORE_MS, lease_end};
use digidak_protocol::{ActivityRecord, BlockReleased, LEASE_END_SINCE, SeatLease, kinds};

/// The leases of an activity, by kiosk id.
pub(super) fn leases(tx: &Connection, activity_id: &str) -> rusqlite::Result<Vec<SeatLease>> {
    tx.prepare_cached(
        "SELECT kiosk_id, lease, granted, used, COALESCE(expires_ms, 0), recalled
         FROM seat_blocks WHERE activity_id = ?1 ORDER BY kiosk_id",
    )?
    .query_map([activity_id], |r| {
        // Counters are kept as SQLite integers; a kiosk's own count (`block.released`) may be
        // anything a u32 holds, so they are read without failing on a huge one.
        let count = |i: usize| -> rusqlite::Result<u32> {
            Ok(r.get::<_, i64>(i)?.clamp(0, i64::from(u32::MAX)) as u32)
        };
        Ok(SeatLease {
            kiosk_id: r.get(0)?,
            lease: count(1)?,
            granted: count(2)?,
            used: count(3)?,
            expires_ms: r.get(4)?,
            recalled: r.get(5)?,
        })
    })?
    .collect()
}

/// Seats held in kiosks' blocks and not used.
pub(super) fn held(tx: &Connection, activity_id: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "SELECT COALESCE(SUM(MAX(granted - used, 0)), 0) FROM seat_blocks WHERE activity_id = ?1",
    )?
    .query_row([activity_id], |r| r.get(0))
}

fn waiting(tx: &Connection, activity_id: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "SELECT COUNT(*) FROM signups WHERE activity_id = ?1 AND status = 'waitlisted'",
    )?
    .query_row([activity_id], |r| r.get(0))
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
    tx: &Connection,
    a: &ActivityRecord,
    kiosk_id: &str,
    with_end: bool,
    now_ms: i64,
) -> rusqlite::Result<bool> {
    if a.block == 0 || a.deleted {
        return Ok(false);
    }
    let Some(deadline) = deadline_ms(a) else {
        return Ok(false);
    };
    if deadline <= now_ms || waiting(tx, &a.id)? > 0 {
        return Ok(false);
    }
    let row: Option<(i64, i64)> = tx
        .prepare_cached(
            "SELECT granted, used FROM seat_blocks WHERE activity_id = ?1 AND kiosk_id = ?2",
        )?
        .query_row(params![a.id, kiosk_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if row.is_some_and(|(granted, used)| granted > used) {
        // Seats of a lease are still out (live, recalled or ended within the grace).
        return Ok(false);
    }
    let free = super::activities::free_seats(tx, &a.id, a.capacity)?;
    let room = i64::from(a.capacity / 2) - held(tx, &a.id)?;
    let seats = i64::from(a.block).min(free).min(room);
    if seats <= 0 {
        return Ok(false);
    }
    let expires = with_end.then(|| lease_end(now_ms, Some(deadline)));
    tx.prepare_cached(
        "INSERT INTO seat_blocks (activity_id, kiosk_id, granted, used, lease, expires_ms, recalled)
         VALUES (?1, ?2, ?3, 0, 1, ?4, 0)
         ON CONFLICT (activity_id, kiosk_id) DO UPDATE SET
             granted = used + ?3, lease = lease + 1, expires_ms = ?4, recalled = 0",
    )?
    .execute(params![a.id, kiosk_id, seats, expires])?;
    Ok(true)
}

/// Renews the live, not recalled lease of `kiosk_id` on `a` if it ends within
/// [`RENEW_BEFORE_MS`] (never past the deadline), or gives it an end if it has none (a kiosk
/// that honours ends now). Returns whether it changed.
fn renew(
    tx: &Connection,
    a: &ActivityRecord,
    kiosk_id: &str,
    now_ms: i64,
) -> rusqlite::Result<bool> {
    let Some(deadline) = deadline_ms(a) else {
        return Ok(false);
    };
    let expires = lease_end(now_ms, Some(deadline));
    let n = tx
        .prepare_cached(
            "UPDATE seat_blocks SET expires_ms = ?3
             WHERE activity_id = ?1 AND kiosk_id = ?2 AND granted > used AND recalled = 0
               AND (expires_ms IS NULL OR (expires_ms > ?4 AND expires_ms - ?4 < ?5
                                           AND expires_ms < ?3))",
        )?
        .execute(params![a.id, kiosk_id, expires, now_ms, RENEW_BEFORE_MS])?;
    Ok(n > 0)
}

/// Someone waits: every lease with unused seats is recalled (its kiosk gives them back at
/// its next sync). Returns whether a lease was newly recalled.
pub(super) fn recall(tx: &Connection, activity_id: &str) -> rusqlite::Result<bool> {
    if waiting(tx, activity_id)? == 0 {
        return Ok(false);
    }
    let n = tx
        .prepare_cached(
            "UPDATE seat_blocks SET recalled = 1
             WHERE activity_id = ?1 AND granted > used AND recalled = 0",
        )?
        .execute([activity_id])?;
    Ok(n > 0)
}

/// Takes back the unused seats of leases that ended more than [`LEASE_GRACE_MS`] ago, on the
/// site's activities. Returns the activities whose seats came back.
fn reclaim_ended(tx: &Connection, site: &str, now_ms: i64) -> rusqlite::Result<Vec<String>> {
    let mut ids: Vec<String> = tx
        .prepare_cached(
            "UPDATE seat_blocks SET granted = used, recalled = 0
             WHERE granted > used AND expires_ms IS NOT NULL AND expires_ms + ?2 <= ?3
               AND activity_id IN (SELECT id FROM activities WHERE site = ?1)
             RETURNING activity_id",
        )?
        .query_map(params![site, LEASE_GRACE_MS, now_ms], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// After a push from `kiosk` (whose ops are all applied): ended leases of the site come
/// back; when the push carried the kiosk's whole outbox, it gets new leases where nobody
/// waits and its live leases are renewed. The waitlist moves up, leases are recalled while
/// someone waits, and the site hears of every activity that changed.
pub(super) fn tend(
    tx: &Connection,
    kiosk: &KioskAuth,
    whole_outbox: bool,
    protocol: u32,
    now_ms: i64,
) -> rusqlite::Result<()> {
    let with_end = honours_end(Some(protocol));
    let mut changed = reclaim_ended(tx, &kiosk.site, now_ms)?;
    if whole_outbox {
        let now_local = digidak_core::activities::local_now(now_ms);
        // Only activities where this kiosk might get or renew a lease.
        let candidates: Vec<String> = tx
            .prepare_cached(
                "SELECT a.record FROM activities a
                 LEFT JOIN seat_blocks b ON b.activity_id = a.id AND b.kiosk_id = ?2
                 WHERE a.site = ?1 AND a.deleted = 0
                   AND json_extract(a.record, '$.block') > 0
                   AND json_extract(a.record, '$.deadline') > ?3
                   AND (b.kiosk_id IS NULL OR b.granted <= b.used OR b.expires_ms IS NULL
                        OR b.expires_ms - ?4 < ?5)",
            )?
            .query_map(
                params![kiosk.site, kiosk.id, now_local, now_ms, RENEW_BEFORE_MS],
                |r| r.get(0),
            )?
            .collect::<Result<_, _>>()?;
        for json in candidates {
            let Ok(a) = serde_json::from_str::<ActivityRecord>(&json) else {
                continue;
            };
            let renewed = || -> rusqlite::Result<bool> {
                if with_end {
                    renew(tx, &a, &kiosk.id, now_ms)
                } else {
                    Ok(false)
                }
            };
            if lend(tx, &a, &kiosk.id, with_end, now_ms)? || renewed()? {
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
fn settle(tx: &Connection, site: &str, activity_id: &str, now_ms: i64) -> rusqlite::Result<()> {
    let Some((_, a)) = super::activities::load(tx, activity_id)? else {
        return Ok(());
    };
    if !a.deleted {
        super::activities::promote(tx, site, &a, now_ms)?;
    }
    emit(
        tx,
        site,
        kinds::ACTIVITY_SAVED,
        &super::activities::state(tx, &a)?,
        now_ms,
    )
}

/// `block.released`: the kiosk gives the unused seats of a lease back. A release of another
/// lease than the current one (a resend, or one the server already took back) changes
/// nothing.
pub(super) fn released(
    tx: &Connection,
    kiosk: &KioskAuth,
    p: &BlockReleased,
    now_ms: i64,
) -> rusqlite::Result<Result<(), Reason>> {
    let Some((site, _)) = super::activities::load(tx, &p.activity_id)? else {
        return Ok(Err("no such activity".into()));
    };
    if site != kiosk.site {
        return Ok(Err("this activity belongs to another site".into()));
    }
    // Both counters end at the larger count, the kiosk's own (every block sign-up it made
    // is in the server's hands now) or the server's, but never past what was lent: nothing
    // is held any more, and a wrong count cannot inflate the next lease.
    let n = tx
        .prepare_cached(
            "UPDATE seat_blocks SET used = MAX(used, MIN(?4, granted)), granted = MAX(used, MIN(?4, granted)),
                                    recalled = 0
             WHERE activity_id = ?1 AND kiosk_id = ?2 AND lease = ?3",
        )?
        .execute(params![p.activity_id, kiosk.id, p.lease, p.used])?;
    if n > 0 {
        settle(tx, &site, &p.activity_id, now_ms)?;
    }
    Ok(Ok(()))
}

/// A kiosk was revoked: its operations are refused from now on, so the unused seats of its
/// leases come back at once.
pub(super) fn kiosk_gone(tx: &Connection, kiosk_id: &str, now_ms: i64) -> rusqlite::Result<()> {
    let ids: Vec<String> = tx
        .prepare(
            "UPDATE seat_blocks SET granted = used, recalled = 0
             WHERE kiosk_id = ?1 AND granted > used RETURNING activity_id",
        )?
        .query_map([kiosk_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for activity in ids {
        if let Some((site, _)) = super::activities::load(tx, &activity)? {
            settle(tx, &site, &activity, now_ms)?;
        }
    }
    Ok(())
}
