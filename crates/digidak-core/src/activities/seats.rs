//! Seat blocks as leases: the rules the kiosk and the server both apply. No SQL, no HTTP.
//!
//! A kiosk holds, per activity, a block of seats lent by the server. It may confirm a
//! sign-up on its own (also offline) only while all of these hold:
//!
//! - the seats are there: `used + party <= granted` (both counters only grow);
//! - the lease is not given back: the kiosk gives a lease back (`block.released`) when the
//!   server recalls it because someone waits, and never confirms from it afterwards;
//! - its clock, corrected by the skew it measured against the server, is before the lease's
//!   end (`expires_ms`, set by the server).
//!
//! The server holds the unused seats of a lease until the kiosk gives them back, or until
//! [`LEASE_GRACE_MS`] after the lease ended (then it takes them back itself). See
//! `docs/sync.md`, "Seat blocks", for the proof that nobody is overbooked and that nobody
//! waits while a seat is free once every kiosk has synced.

/// How long a lease runs from the moment the server lends (or renews) it, at most.
pub const LEASE_MS: i64 = 24 * 60 * 60 * 1000;
/// A lease that ends within this time is renewed when its kiosk syncs.
pub const RENEW_BEFORE_MS: i64 = LEASE_MS / 2;
/// The server takes unused seats of an ended lease back only this long after its end: room
/// for the error of a kiosk's measured clock skew (a kiosk stops confirming at the end by its
/// corrected clock).
pub const LEASE_GRACE_MS: i64 = 15 * 60 * 1000;

/// When a lease lent at `now_ms` ends: [`LEASE_MS`] later, or when sign-ups close
/// (`deadline_ms`) if that is earlier.
pub fn lease_end(now_ms: i64, deadline_ms: Option<i64>) -> i64 {
    let end = now_ms.saturating_add(LEASE_MS);
    deadline_ms.map_or(end, |d| d.min(end))
}

/// The server's time as a kiosk best knows it: its own clock less the skew it measured
/// (`skew_ms` = kiosk clock - server clock, from the last push answer).
pub fn server_now(kiosk_now_ms: i64, skew_ms: Option<i64>) -> i64 {
    kiosk_now_ms.saturating_sub(skew_ms.unwrap_or(0))
}

/// A kiosk's view of its own lease on one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KioskLease {
    /// Seats lent (all leases together), as the server last said.
    pub granted: u32,
    /// Block seats this kiosk used (it counts every block sign-up it ever made).
    pub used: u32,
    /// The lease's number; 0 from a server older than leases.
    pub lease: u32,
    /// The last lease this kiosk gave back (0: none).
    pub released: u32,
    /// The lease's end by the server's clock; `None` from a server older than leases.
    pub expires_ms: Option<i64>,
}

impl KioskLease {
    /// Seats this kiosk may still confirm on its own at `server_now_ms` (0 once the lease is
    /// given back or ended).
    pub fn left(&self, server_now_ms: i64) -> u32 {
        let given_back = self.lease > 0 && self.released >= self.lease;
        let ended = self.expires_ms.is_some_and(|end| server_now_ms >= end);
        if given_back || ended {
            0
        } else {
            self.granted.saturating_sub(self.used)
        }
    }

    /// Whether a sign-up of `party` people is confirmed here from the block.
    pub fn may_confirm(&self, party: u32, server_now_ms: i64) -> bool {
        party > 0 && party <= self.left(server_now_ms)
    }
}

/// What a kiosk shows as "places left": the largest party the next sign-up would get
/// confirmed for while the kiosk is online. A party fits either in this kiosk's own block
/// (`mine`) or, decided by the server, in the seats nobody holds (`free`: not confirmed, not
/// in any kiosk's block) when nobody waits. `pending_here` are people signed up here whose
/// decision has not come back yet (they come before the next one).
pub fn places_left(mine: u32, free: u32, waitlisted: u32, pending_here: u32) -> u32 {
    let pool = if waitlisted == 0 {
        free.saturating_sub(pending_here)
    } else {
        0
    };
    mine.max(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lease_ends_a_day_later_or_when_sign_ups_close() {
        assert_eq!(lease_end(1_000, None), 1_000 + LEASE_MS);
        assert_eq!(lease_end(1_000, Some(5_000)), 5_000);
        assert_eq!(lease_end(1_000, Some(i64::MAX)), 1_000 + LEASE_MS);
    }

    #[test]
    fn a_kiosk_confirms_only_within_a_live_lease() {
        let l = KioskLease {
            granted: 4,
            used: 2,
            lease: 2,
            released: 1,
            expires_ms: Some(10_000),
        };
        assert!(l.may_confirm(2, 9_999));
        assert!(!l.may_confirm(3, 9_999), "only the seats left");
        assert!(!l.may_confirm(1, 10_000), "ended by the corrected clock");
        assert!(
            !KioskLease { released: 2, ..l }.may_confirm(1, 0),
            "given back"
        );
        assert!(!l.may_confirm(0, 0));
        // A server older than leases: the counters alone.
        let old = KioskLease {
            granted: 2,
            used: 0,
            ..Default::default()
        };
        assert!(old.may_confirm(2, i64::MAX));
    }

    #[test]
    fn the_skew_corrects_the_kiosk_clock() {
        assert_eq!(server_now(10_000, Some(3_000)), 7_000);
        assert_eq!(server_now(10_000, Some(-3_000)), 13_000);
        assert_eq!(server_now(10_000, None), 10_000);
    }

    #[test]
    fn places_left_is_what_the_next_party_gets() {
        // The case: free 1, the rest in other kiosks' blocks, none here: a party of
        // 2 would wait, so the kiosk says 1, not 2.
        assert_eq!(places_left(0, 1, 0, 0), 1);
        // Own block of 2, free 1: a party of 2 is confirmed from the block.
        assert_eq!(places_left(2, 1, 0, 0), 2);
        // Someone waits: only the own block confirms.
        assert_eq!(places_left(0, 5, 1, 0), 0);
        assert_eq!(places_left(1, 5, 1, 0), 1);
        // Sign-ups made here and not yet decided come first.
        assert_eq!(places_left(0, 3, 0, 2), 1);
        assert_eq!(places_left(0, 3, 0, 5), 0);
    }
}
