//! Seat blocks as leases (`docs/sync.md`, "Seat blocks"): the real server rules on a real
//! SQLite file and real kiosk stores on their own files, synced by hand so a test controls
//! every clock and every schedule; a model-based test over random schedules; and a race of 50
//! kiosks with their real sync workers against a real server process on 127.0.0.1.
//!
//! The two invariants checked everywhere: **never more confirmed seats than capacity** (the
//! server even holds `confirmed + unused block seats <= capacity`), and **once every kiosk
//! has synced, nobody waits while a seat is free**. And a resident told a final "confirmed"
//! never loses the seat.

mod support;

use std::collections::BTreeMap;

use digidak::activities::local_now;
use digidak::activities::seats::{LEASE_GRACE_MS, LEASE_MS};
use digidak::server::sqlite::SqliteServerStore;
use digidak::server::{KioskAuth, ServerStore};
use digidak::store::{Pairing, SignupState, Store};
use digidak::sync::protocol::{
    ActivityRecord, ActivityState, Heartbeat, PROTOCOL_VERSION, PushRequest,
};

const SITE: &str = "noord";
const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// An activity starting `start_in` after `now_ms`, sign-ups closing two hours before.
fn activity(now_ms: i64, capacity: u32, block: u32, start_in: i64) -> ActivityRecord {
    let start = now_ms + start_in;
    ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie en computer".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "Buurthuis De Brug".into(),
        start: local_now(start),
        end: local_now(start + 2 * HOUR),
        deadline: local_now(start - 2 * HOUR),
        capacity,
        max_party: 3,
        block,
        languages: vec!["nl".into()],
        deleted: false,
    }
}

/// One kiosk: its real store, what the server knows it as, its network and its clock.
struct Kiosk {
    store: Store,
    auth: KioskAuth,
    online: bool,
    /// Its clock minus the server's.
    skew: i64,
}

/// A server store on a real file and kiosks on real files, synced by the test.
struct Fleet {
    _dir: tempfile::TempDir,
    server: SqliteServerStore,
    kiosks: Vec<Kiosk>,
    /// The server's clock.
    now: i64,
    activity: ActivityRecord,
}

impl Fleet {
    /// `skews.len()` kiosks paired in order, then the activity saved, then every kiosk synced.
    fn new(skews: &[i64], capacity: u32, block: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let server = SqliteServerStore::open(&dir.path().join("server.sqlite3")).unwrap();
        let now = support::now_ms();
        let mut kiosks = Vec::new();
        for (i, skew) in skews.iter().enumerate() {
            let name = format!("PC {i:02}");
            let code = server.add_kiosk(&name, SITE, now).unwrap();
            let paired = server.pair(&code, "test", 1, now).unwrap();
            let auth = server.authenticate(&paired.token).unwrap().unwrap();
            let mut store = Store::open_in(&dir.path().join(format!("k{i:02}"))).unwrap();
            store
                .set_pairing(&Pairing {
                    server_url: "http://127.0.0.1:9".into(),
                    kiosk_id: paired.kiosk_id,
                    name,
                    site: SITE.into(),
                })
                .unwrap();
            store.set_code_range(paired.code_range.unwrap()).unwrap();
            kiosks.push(Kiosk {
                store,
                auth,
                online: true,
                skew: *skew,
            });
        }
        let a = activity(now, capacity, block, 5 * DAY);
        server.save_activity(SITE, &a, now).unwrap();
        let mut fleet = Self {
            _dir: dir,
            server,
            kiosks,
            now,
            activity: a,
        };
        fleet.sync_all();
        fleet
    }

    fn kiosk_now(&self, k: usize) -> i64 {
        self.now + self.kiosks[k].skew
    }

    /// One push of kiosk `k`'s outbox (with its heartbeat), as its sync worker does it.
    fn push(&mut self, k: usize) {
        let kiosk_now = self.kiosk_now(k);
        let kiosk = &mut self.kiosks[k];
        let ops = kiosk.store.pending_ops(200).unwrap();
        let counts = kiosk.store.outbox_counts().unwrap();
        let request = PushRequest {
            protocol: PROTOCOL_VERSION,
            heartbeat: Heartbeat {
                app_version: "test".into(),
                outbox_len: counts.pending,
                dead_letters: counts.dead,
                kiosk_time_ms: kiosk_now,
                ..Default::default()
            },
            ops,
        };
        let resp = self.server.push(&kiosk.auth, request, self.now).unwrap();
        kiosk
            .store
            .apply_push_results(&resp.results, kiosk_now)
            .unwrap();
        kiosk
            .store
            .set_skew_ms(kiosk_now - resp.server_time_ms)
            .unwrap();
    }

    /// Pulls every page after kiosk `k`'s cursor, as its sync worker does it.
    fn pull(&mut self, k: usize) {
        let kiosk = &mut self.kiosks[k];
        loop {
            let after = kiosk.store.cursor().unwrap();
            let page = self.server.pull(&kiosk.auth, after, 500).unwrap();
            let cursor = page.changes.last().map_or(after, |c| c.seq);
            kiosk.store.apply_changes(&page.changes, cursor).unwrap();
            if !page.more {
                return;
            }
        }
    }

    /// A sync round of kiosk `k` if it is online: push, pull, and push again what pulling
    /// queued (a block given back), as the sync worker does.
    fn sync(&mut self, k: usize) {
        if !self.kiosks[k].online {
            return;
        }
        for _ in 0..4 {
            self.push(k);
            self.pull(k);
            if self.kiosks[k].store.outbox_counts().unwrap().pending == 0 {
                return;
            }
        }
    }

    /// Every online kiosk syncs, twice over (what one kiosk gives back reaches the others).
    fn sync_all(&mut self) {
        for _ in 0..2 {
            for k in 0..self.kiosks.len() {
                self.sync(k);
            }
        }
    }

    fn state(&self) -> ActivityState {
        self.server
            .activities(SITE)
            .unwrap()
            .into_iter()
            .find(|s| s.activity.id == self.activity.id)
            .unwrap()
    }

    /// Seats held in kiosks' blocks and not used.
    fn held(&self) -> u32 {
        self.state()
            .leases
            .iter()
            .map(|l| l.granted.saturating_sub(l.used))
            .sum()
    }

    /// Signs `party` people up at kiosk `k`; returns the sign-up's id and what the kiosk told.
    fn sign_up(&mut self, k: usize, party: u32) -> Option<(String, SignupState)> {
        let now = self.kiosk_now(k);
        let id = self.activity.id.clone();
        let s = self.kiosks[k]
            .store
            .create_signup(&id, "Samira", None, party, now)
            .unwrap()
            .ok()?;
        Some((s.id, s.state))
    }

    /// The server's status of every sign-up.
    fn server_status(&self) -> BTreeMap<String, String> {
        self.server
            .signups(&self.activity.id)
            .unwrap()
            .into_iter()
            .map(|s| (s.id, s.status))
            .collect()
    }

    /// Checks the safety invariant on the server's file.
    fn assert_never_over_capacity(&self, when: &str) {
        let s = self.state();
        assert!(
            s.confirmed + self.held() <= s.activity.capacity,
            "{when}: {} confirmed + {} held in blocks > capacity {}",
            s.confirmed,
            self.held(),
            s.activity.capacity
        );
    }

    /// Checks the liveness invariant (call once every kiosk has synced): if anyone waits,
    /// no seat is held in a block and the first in line does not fit in what is free.
    fn assert_nobody_waits_while_a_seat_is_free(&self, when: &str) {
        let s = self.state();
        let list = self.server.signups(&self.activity.id).unwrap();
        if let Some(first) = list.iter().find(|s| s.status == "waitlisted") {
            assert_eq!(
                self.held(),
                0,
                "{when}: seats held in blocks while someone waits"
            );
            assert!(
                first.party > s.activity.capacity - s.confirmed,
                "{when}: {} seats free and the first in line ({} people) waits",
                s.activity.capacity - s.confirmed,
                first.party
            );
        }
    }
}

#[test]
fn unused_blocks_of_online_kiosks_come_back_to_whoever_waits() {
    // The case: 20 places, blocks of 2; ten seats sat in blocks while people waited.
    let mut f = Fleet::new(&[0; 12], 20, 2);
    assert_eq!(f.held(), 10, "half the capacity in blocks");
    // The kiosks without a block show what the next sign-up gets: the 10 free, not 20.
    let view = f.kiosks[11]
        .store
        .upcoming_activities(f.now)
        .unwrap()
        .remove(0);
    assert_eq!((view.places_left, view.mine), (10, 0));
    let with_block = f.kiosks[0]
        .store
        .upcoming_activities(f.now)
        .unwrap()
        .remove(0);
    assert_eq!((with_block.places_left, with_block.mine), (10, 2));
    // 30 residents sign up at the kiosks without a block, syncing as they go.
    for n in 0..30 {
        let k = 5 + n % 7;
        let (_, told) = f.sign_up(k, 1).unwrap();
        assert_eq!(told, SignupState::Pending);
        f.sync(k);
        f.assert_never_over_capacity("during the rush");
    }
    // Ten confirmed from the free seats, twenty wait: the blocks are recalled.
    assert_eq!(f.state().confirmed, 10);
    assert!(f.state().leases.iter().all(|l| l.recalled));
    f.sync_all();
    // The kiosks gave their blocks back: twenty confirmed, none held, ten wait.
    let s = f.state();
    assert_eq!((s.confirmed, f.held(), s.waitlisted), (20, 0, 10));
    f.assert_nobody_waits_while_a_seat_is_free("after everyone synced");
    // No kiosk offers a place it cannot give.
    for k in &f.kiosks {
        let v = k.store.upcoming_activities(f.now).unwrap().remove(0);
        assert_eq!((v.places_left, v.mine), (0, 0));
    }
}

#[test]
fn a_block_sign_up_made_before_the_kiosk_gave_its_block_back_keeps_its_seat() {
    // 8 places, blocks of 2: both kiosks hold two seats, four are free.
    let mut f = Fleet::new(&[0, 0], 8, 2);
    assert_eq!(f.held(), 4);
    // At kiosk 1: two from its block, then four people fill the free seats, then one waits.
    assert_eq!(f.sign_up(1, 2).unwrap().1, SignupState::Confirmed);
    f.sign_up(1, 3).unwrap();
    f.sign_up(1, 1).unwrap();
    let (waiter, told) = f.sign_up(1, 1).unwrap();
    assert_eq!(told, SignupState::Pending);
    f.sync(1);
    assert_eq!(f.server_status()[&waiter], "waitlisted");
    assert_eq!(f.state().confirmed, 6);
    // Kiosk 0 has not heard of the recall and confirms from its block meanwhile: told
    // "confirmed, not yet final".
    let (mine, told) = f.sign_up(0, 1).unwrap();
    assert_eq!(told, SignupState::Confirmed);
    let view = f.kiosks[0].store.signups_of(&f.activity.id).unwrap();
    assert!(!view.iter().find(|s| s.id == mine).unwrap().decided);
    // Its sync: the sign-up first (honoured), then the recall pulled and the block given
    // back, and the last seat goes to the one waiting.
    f.sync(0);
    let status = f.server_status();
    assert_eq!(status[&mine], "confirmed");
    assert_eq!(status[&waiter], "confirmed");
    assert_eq!((f.state().confirmed, f.held()), (8, 0));
    // The kiosk now says it is final.
    let view = f.kiosks[0].store.signups_of(&f.activity.id).unwrap();
    let s = view.iter().find(|s| s.id == mine).unwrap();
    assert!(s.decided && s.state == SignupState::Confirmed);
}

#[test]
fn a_lease_ends_by_the_servers_clock_and_the_seats_of_silent_kiosks_come_back() {
    // Kiosk 0's clock is an hour fast; kiosks 1 and 2 fall silent (kiosk 1's clock is half an
    // hour slow). 12 places, blocks of 2: six seats lent.
    let mut f = Fleet::new(&[HOUR, -30 * MINUTE, 0], 12, 2);
    let lent = f.now;
    assert_eq!(f.held(), 6);
    let ends = f.state().leases[0].expires_ms;
    assert_eq!(ends, lent + LEASE_MS);
    for k in 0..3 {
        f.kiosks[k].online = false;
    }
    // A minute before the end by the server's clock, kiosk 0 (whose own clock already says
    // 59 minutes past) still confirms from its block; a minute after, no more.
    f.now = ends - MINUTE;
    let (from_block, told) = f.sign_up(0, 1).unwrap();
    assert_eq!(told, SignupState::Confirmed);
    f.now = ends + MINUTE;
    assert_eq!(f.sign_up(0, 1).unwrap().1, SignupState::Pending);
    let v = f.kiosks[0]
        .store
        .upcoming_activities(f.kiosk_now(0))
        .unwrap();
    assert_eq!(v[0].mine, 0, "an ended lease offers nothing");
    // Kiosk 0 is back before the grace is over: its block sign-up is honoured, the other
    // one gets a free seat.
    f.kiosks[0].online = true;
    f.now = ends + LEASE_GRACE_MS - MINUTE;
    f.sync(0);
    assert_eq!(f.server_status()[&from_block], "confirmed");
    assert_eq!(f.state().confirmed, 2);
    // Eight more at kiosk 0: five fit in the free seats, three wait (the silent kiosks'
    // four seats are still lent; kiosk 0 gives its last one back when recalled).
    for _ in 0..8 {
        f.sign_up(0, 1).unwrap();
    }
    f.sync(0);
    f.assert_never_over_capacity("before the grace ended");
    let s = f.state();
    assert_eq!((s.confirmed, s.waitlisted, f.held()), (8, 2, 4));
    // The grace is over: at the next push of anyone the silent kiosks' seats come back, and
    // those waiting get them.
    f.now = ends + LEASE_GRACE_MS;
    f.sync(0);
    f.assert_never_over_capacity("after the grace");
    let s = f.state();
    assert_eq!((s.confirmed, s.waitlisted), (10, 0));
    f.assert_nobody_waits_while_a_seat_is_free("after the silent kiosks' leases came back");
}

#[test]
fn a_revoked_kiosk_s_block_comes_back_at_once() {
    let mut f = Fleet::new(&[0, 0], 8, 2);
    assert_eq!(f.held(), 4);
    // Kiosk 1 uses its block and the free seats; then a party of two waits for kiosk 0's.
    f.sign_up(1, 2).unwrap();
    f.sign_up(1, 3).unwrap();
    f.sign_up(1, 1).unwrap();
    let (waiter, _) = f.sign_up(1, 2).unwrap();
    f.sync(1);
    assert_eq!(f.server_status()[&waiter], "waitlisted");
    assert!(f.server.revoke_kiosk("PC 00", f.now).unwrap());
    assert_eq!(f.server_status()[&waiter], "confirmed");
    assert_eq!((f.state().confirmed, f.held()), (8, 0));
}
