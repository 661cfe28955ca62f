//! Seat blocks as leases (`docs/sync.md`, "Seat blocks"): the real server rules on a real
//! SQLite file and real kiosk stores on their own files, synced by hand so a test controls
//! every clock and every schedule; a model-based test over random schedules; and a race of 50
//! kiosks with their real sync workers against a real server process on 127.0.0.1.
//!
//! The two invariants checked everywhere: **never more confirmed seats than capacity** (the
//! server even holds `confirmed + unused block seats <= capacity`), and **once every kiosk
//! has synced, nobody waits while a seat is free**. And a resident told a final "confirmed"
//! never loses the seat.

use crate::support;

use std::collections::BTreeMap;

use digidak::store::{Pairing, SignupState, Store};
use digidak_core::activities::local_now;
use digidak_core::activities::seats::{LEASE_GRACE_MS, LEASE_MS};
use digidak_protocol::{ActivityRecord, ActivityState, Heartbeat, PROTOCOL_VERSION, PushRequest};
use digidak_server::{KioskAuth, ServerStore};

const SITE: &str = "noord";
const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// An activity starting `start_in` after `now_ms`, sign-ups closing two hours before.
pub(crate) fn activity(now_ms: i64, capacity: u32, block: u32, start_in: i64) -> ActivityRecord {
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
    /// The protocol version it pushes with.
    protocol: u32,
}

/// A server store on a real file and kiosks on real files, synced by the test.
struct Fleet {
    _dir: tempfile::TempDir,
    server: std::sync::Arc<dyn ServerStore>,
    kiosks: Vec<Kiosk>,
    /// The server's clock.
    now: i64,
    activity: ActivityRecord,
}

impl Fleet {
    /// `skews.len()` kiosks paired in order, then the activity saved, then every kiosk synced.
    fn new(skews: &[i64], capacity: u32, block: u32) -> Self {
        let protocols = vec![PROTOCOL_VERSION; skews.len()];
        Self::new_with(skews, &protocols, capacity, block)
    }

    /// Like [`Fleet::new`], kiosk `i` pushing with `protocols[i]`.
    fn new_with(skews: &[i64], protocols: &[u32], capacity: u32, block: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let server = support::open_server_store(&dir.path().join("server.sqlite3"));
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
                protocol: protocols[i],
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
            protocol: kiosk.protocol,
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

/// The model-based test: random schedules against a simple reference model.
mod model {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

    /// One thing that happens in the room.
    #[derive(Debug, Clone)]
    enum Step {
        /// The kiosk loses its network.
        Offline(usize),
        /// The kiosk has its network again (it syncs at its next `Sync`).
        Online(usize),
        /// A resident signs up a party at the kiosk.
        SignUp { kiosk: usize, party: u32 },
        /// A resident cancels, at the kiosk where they signed up, the nth sign-up made there.
        Cancel { kiosk: usize, nth: usize },
        /// The kiosk's sync worker runs a round (if it is online).
        Sync(usize),
        /// Time passes (minutes): leases may end.
        Wait(i64),
    }

    #[derive(Debug, Clone)]
    struct Schedule {
        /// Each kiosk's clock minus the server's, in minutes.
        skews: Vec<i64>,
        capacity: u32,
        block: u32,
        steps: Vec<Step>,
    }

    fn schedule() -> impl Strategy<Value = Schedule> {
        (2usize..=20, 3u32..=16, 1u32..=3).prop_flat_map(|(n, capacity, block)| {
            let k = 0..n;
            let step = prop_oneof![
                2 => k.clone().prop_map(Step::Offline),
                2 => k.clone().prop_map(Step::Online),
                5 => (k.clone(), 1u32..=3).prop_map(|(kiosk, party)| Step::SignUp { kiosk, party }),
                1 => (k.clone(), 0usize..8).prop_map(|(kiosk, nth)| Step::Cancel { kiosk, nth }),
                5 => k.clone().prop_map(Step::Sync),
                1 => (1i64..=30 * 60).prop_map(Step::Wait),
            ];
            (
                prop::collection::vec(-10i64..=10, n),
                Just(capacity),
                Just(block),
                prop::collection::vec(step, 1..60),
            )
                .prop_map(|(skews, capacity, block, steps)| Schedule {
                    skews,
                    capacity,
                    block,
                    steps,
                })
        })
    }

    /// What the reference model knows of a sign-up.
    struct Made {
        kiosk: usize,
        code: String,
        /// The kiosk confirmed it from its block (told "confirmed, not yet final").
        provisional: bool,
        /// The resident cancelled it.
        cancelled: bool,
        /// The kiosk told the resident a final "confirmed" (the server's answer) at some point.
        told_final: bool,
        /// When the kiosk's lease ended (+ the grace), by the server, as it made the sign-up.
        lease_gone_at: i64,
        /// When the server first had it (server time).
        arrived: Option<i64>,
    }

    static SCHEDULES: AtomicU64 = AtomicU64::new(0);
    static STEPS: AtomicU64 = AtomicU64::new(0);
    static SIGNUPS: AtomicU64 = AtomicU64::new(0);
    static PROVISIONAL: AtomicU64 = AtomicU64::new(0);
    static PROVISIONAL_LOST: AtomicU64 = AtomicU64::new(0);
    static PROVISIONAL_LOST_IN_TIME: AtomicU64 = AtomicU64::new(0);
    static FINAL_LOST: AtomicU64 = AtomicU64::new(0);
    static HELD_WHILE_WAITING: AtomicU64 = AtomicU64::new(0);
    static ENDED_WITH_WAITERS: AtomicU64 = AtomicU64::new(0);

    /// Reads what each kiosk tells its residents now and checks that no final "confirmed"
    /// was taken back.
    fn observe(f: &Fleet, made: &mut BTreeMap<String, Made>, when: &str) {
        let status = f.server_status();
        for (k, kiosk) in f.kiosks.iter().enumerate() {
            for s in kiosk.store.signups_of(&f.activity.id).unwrap() {
                if let Some(m) = made.get_mut(&s.id)
                    && m.kiosk == k
                    && s.state == SignupState::Confirmed
                    && s.decided
                {
                    m.told_final = true;
                }
            }
        }
        for (id, m) in made.iter_mut() {
            if m.arrived.is_none() && status.contains_key(id) {
                m.arrived = Some(f.now);
            }
            if m.told_final
                && !m.cancelled
                && status.get(id).map(String::as_str) != Some("confirmed")
            {
                FINAL_LOST.fetch_add(1, Relaxed);
                panic!(
                    "{when}: sign-up {id} was told a final \"confirmed\" and is now {:?}",
                    status.get(id)
                );
            }
        }
    }

    fn run(s: &Schedule) {
        let skews: Vec<i64> = s.skews.iter().map(|m| m * MINUTE).collect();
        let mut f = Fleet::new(&skews, s.capacity, s.block);
        let n = skews.len();
        let mut made: BTreeMap<String, Made> = BTreeMap::new();
        let mut by_kiosk: Vec<Vec<String>> = vec![Vec::new(); n];
        for (i, step) in s.steps.iter().enumerate() {
            let when = format!("step {i} ({step:?})");
            match *step {
                Step::Offline(k) => f.kiosks[k].online = false,
                Step::Online(k) => f.kiosks[k].online = true,
                Step::SignUp { kiosk, party } => {
                    let now = f.kiosk_now(kiosk);
                    let id = f.activity.id.clone();
                    if let Ok(v) = f.kiosks[kiosk]
                        .store
                        .create_signup(&id, "Samira", None, party, now)
                        .unwrap()
                    {
                        let provisional = v.state == SignupState::Confirmed;
                        let me = &f.kiosks[kiosk].auth.id;
                        let lease_gone_at = f
                            .state()
                            .leases
                            .iter()
                            .find(|l| &l.kiosk_id == me)
                            .map_or(i64::MIN, |l| l.expires_ms + LEASE_GRACE_MS);
                        by_kiosk[kiosk].push(v.id.clone());
                        made.insert(
                            v.id,
                            Made {
                                kiosk,
                                code: v.code,
                                provisional,
                                cancelled: false,
                                told_final: false,
                                lease_gone_at,
                                arrived: None,
                            },
                        );
                    }
                }
                Step::Cancel { kiosk, nth } => {
                    let mine = &by_kiosk[kiosk];
                    if !mine.is_empty() {
                        let id = &mine[nth % mine.len()];
                        let m = made.get_mut(id).unwrap();
                        if !m.cancelled {
                            let now = f.kiosk_now(kiosk);
                            assert_eq!(
                                f.kiosks[kiosk].store.cancel_signups(&m.code, now).unwrap(),
                                1
                            );
                            m.cancelled = true;
                        }
                    }
                }
                Step::Sync(k) => f.sync(k),
                Step::Wait(minutes) => f.now += minutes * MINUTE,
            }
            f.assert_never_over_capacity(&when);
            observe(&f, &mut made, &when);
            STEPS.fetch_add(1, Relaxed);
        }
        // Everyone comes back and syncs until nothing moves.
        for k in &mut f.kiosks {
            k.online = true;
        }
        for _ in 0..4 {
            f.sync_all();
        }
        f.assert_never_over_capacity("after everyone synced");
        f.assert_nobody_waits_while_a_seat_is_free("after everyone synced");
        observe(&f, &mut made, "after everyone synced");
        // The reference model: every sign-up made is on the server once, the cancelled ones
        // cancelled, the others confirmed or waiting; each kiosk tells its residents what
        // the server decided.
        let status = f.server_status();
        assert_eq!(status.len(), made.len(), "nobody lost, nobody twice");
        for (id, m) in &made {
            let st = status.get(id).map(String::as_str);
            if m.cancelled {
                assert_eq!(st, Some("cancelled"), "{id}");
            } else {
                assert!(
                    matches!(st, Some("confirmed" | "waitlisted")),
                    "{id}: {st:?}"
                );
            }
            let view = f.kiosks[m.kiosk].store.signups_of(&f.activity.id).unwrap();
            let v = view.iter().find(|v| &v.id == id).unwrap();
            assert!(v.decided, "{id}: the kiosk has the server's answer");
            let agrees = matches!(
                (v.state, st),
                (SignupState::Confirmed, Some("confirmed"))
                    | (SignupState::Waitlisted(_), Some("waitlisted"))
                    | (SignupState::Cancelled, Some("cancelled"))
            );
            assert!(agrees, "{id}: kiosk says {:?}, server {st:?}", v.state);
            if m.provisional {
                PROVISIONAL.fetch_add(1, Relaxed);
                if !m.cancelled && st != Some("confirmed") {
                    PROVISIONAL_LOST.fetch_add(1, Relaxed);
                    // Only a kiosk away past its lease's end and grace can lose one.
                    if m.arrived.is_some_and(|t| t < m.lease_gone_at) {
                        PROVISIONAL_LOST_IN_TIME.fetch_add(1, Relaxed);
                    }
                }
            }
        }
        let state = f.state();
        if state.waitlisted > 0 {
            ENDED_WITH_WAITERS.fetch_add(1, Relaxed);
            HELD_WHILE_WAITING.fetch_add(u64::from(f.held()), Relaxed);
        }
        SIGNUPS.fetch_add(made.len() as u64, Relaxed);
        SCHEDULES.fetch_add(1, Relaxed);
    }

    /// Schedules to run; `DIGIDAK_MODEL_CASES` runs more.
    fn cases() -> u32 {
        std::env::var("DIGIDAK_MODEL_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100)
    }

    #[test]
    fn random_schedules_of_offline_and_online_kiosks_keep_both_seat_invariants() {
        let seed: u64 = std::env::var("DIGIDAK_TEST_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        println!("seat model: seed {seed} (DIGIDAK_TEST_SEED={seed} replays it)");
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let mut runner = TestRunner::new_with_rng(
            Config {
                cases: cases(),
                max_shrink_iters: 32,
                failure_persistence: None,
                ..Config::default()
            },
            TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
        );
        let outcome = runner.run(&schedule(), |s| {
            run(&s);
            Ok(())
        });
        println!(
            "seat model: {} schedules, {} steps, {} sign-ups; {} confirmed from a block \
             (not yet final), {} of them later without a seat ({} of those reached the server \
             before their lease ended + grace); told a final \"confirmed\" and later lost it: {}; schedules ending with \
             people waiting: {}, seats held in blocks then: {}",
            SCHEDULES.load(Relaxed),
            STEPS.load(Relaxed),
            SIGNUPS.load(Relaxed),
            PROVISIONAL.load(Relaxed),
            PROVISIONAL_LOST.load(Relaxed),
            PROVISIONAL_LOST_IN_TIME.load(Relaxed),
            FINAL_LOST.load(Relaxed),
            ENDED_WITH_WAITERS.load(Relaxed),
            HELD_WHILE_WAITING.load(Relaxed),
        );
        if let Err(e) = outcome {
            panic!("{e}");
        }
        assert_eq!(FINAL_LOST.load(Relaxed), 0);
        assert_eq!(PROVISIONAL_LOST_IN_TIME.load(Relaxed), 0);
        assert_eq!(HELD_WHILE_WAITING.load(Relaxed), 0);
    }
}

/// 50 kiosks with their real stores and sync workers race against a real `digidak-server`
/// process on 127.0.0.1: 40 places, blocks of 2 (ten kiosks hold one), ten kiosks offline
/// (five of them with a block), 110 people. Once all have synced: exactly 40 confirmed, no
/// seat held in a block, every block sign-up honoured, and every kiosk tells its residents
/// what the server decided.
#[test]
fn fifty_kiosks_with_blocks_race_a_server_process_and_end_with_exactly_capacity_confirmed() {
    use std::time::Duration;
    use support::{ChildServer, SyncedKiosk, now_ms, wait_until};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    // The test's own connection to the server's file (the admin's CLI would do the same).
    let admin = support::open_server_store(&db);
    let server = ChildServer::start(&db, "127.0.0.1:0");
    let n = 50;
    let dirs: Vec<_> = (0..n)
        .map(|i| dir.path().join(format!("k{i:02}")))
        .collect();
    let mut kiosks: Vec<Option<SyncedKiosk>> = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let code = admin
            .add_kiosk(&format!("PC {i:02}"), SITE, now_ms())
            .unwrap();
        let k = SyncedKiosk::start(d);
        k.pair(&server.url(), &code).unwrap();
        kiosks.push(Some(k));
    }
    let a = activity(now_ms(), 40, 2, 5 * DAY);
    admin.save_activity(SITE, &a, now_ms()).unwrap();
    let state = |admin: &dyn ServerStore| admin.activities(SITE).unwrap().remove(0);
    let held = |s: &ActivityState| -> u32 { s.leases.iter().map(|l| l.granted - l.used).sum() };
    assert_eq!(
        held(&state(&*admin)),
        20,
        "ten blocks of two: half the capacity"
    );
    for k in kiosks.iter().flatten() {
        k.sync.nudge();
        wait_until(Duration::from_secs(30), "activity pulled", || {
            !k.store.upcoming_activities(now_ms()).unwrap().is_empty()
        });
    }
    // Kiosks 0-4 (with a block) and 10-14 (without) lose their network and take three
    // sign-ups each.
    let offline: Vec<usize> = (0..5).chain(10..15).collect();
    for &i in &offline {
        kiosks[i].take();
    }
    let mut told: BTreeMap<String, SignupState> = BTreeMap::new();
    for &i in &offline {
        let mut store = Store::open_in(&dirs[i]).unwrap();
        for r in 0..3 {
            let s = store
                .create_signup(&a.id, &format!("Offline {i} {r}"), None, 1, now_ms())
                .unwrap()
                .unwrap();
            let want = if i < 5 && r < 2 {
                SignupState::Confirmed
            } else {
                SignupState::Pending
            };
            assert_eq!(s.state, want, "kiosk {i} sign-up {r}");
            told.insert(s.id, s.state);
        }
    }
    // The forty online kiosks take two sign-ups each, all at once (kiosks 5-9 confirm theirs
    // from their blocks).
    let online: Vec<(String, SignupState)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .filter(|i| !offline.contains(i))
            .map(|i| {
                let sync = &kiosks[i].as_ref().unwrap().sync;
                let d = &dirs[i];
                let id = &a.id;
                scope.spawn(move || {
                    let mut store = Store::open_in(d).unwrap();
                    let mut out = Vec::new();
                    for r in 0..2 {
                        let s = store
                            .create_signup(id, &format!("Online {i} {r}"), None, 1, now_ms())
                            .unwrap()
                            .unwrap();
                        sync.nudge();
                        out.push((s.id, s.state));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    told.extend(online);
    assert_eq!(told.len(), 110);
    // The offline kiosks come back; everyone syncs until the blocks have come back.
    for &i in &offline {
        kiosks[i] = Some(SyncedKiosk::start(&dirs[i]));
    }
    for k in kiosks.iter().flatten() {
        k.wait_synced(Duration::from_secs(60));
    }
    wait_until(Duration::from_secs(60), "every block given back", || {
        let s = state(&*admin);
        s.confirmed == 40 && held(&s) == 0
    });
    for k in kiosks.iter().flatten() {
        k.wait_synced(Duration::from_secs(60));
    }
    let s = state(&*admin);
    println!(
        "50 kiosks: {} confirmed of {}, {} waiting, {} seats held in blocks after quiescence",
        s.confirmed,
        s.activity.capacity,
        s.waitlisted,
        held(&s)
    );
    assert_eq!((s.confirmed, s.waitlisted, held(&s)), (40, 70, 0));
    let list = admin.signups(&a.id).unwrap();
    assert_eq!(list.len(), 110, "nobody lost, nobody twice");
    // Every sign-up a kiosk confirmed from its block kept its seat.
    let mut lost = 0;
    for (id, state) in &told {
        let server = &list.iter().find(|s| &s.id == id).unwrap().status;
        if *state == SignupState::Confirmed && server != "confirmed" {
            lost += 1;
        }
    }
    println!("50 kiosks: sign-ups told \"confirmed\" that lost their seat: {lost}");
    assert_eq!(lost, 0);
    // The waitlist is in arrival order and nobody fits: nobody waits while a seat is free.
    let first = list.iter().find(|s| s.status == "waitlisted").unwrap();
    assert!(first.party > s.activity.capacity - s.confirmed);
    // Each kiosk tells its residents what the server decided.
    for (i, k) in kiosks.iter().flatten().enumerate() {
        wait_until(Duration::from_secs(30), "decisions pulled", || {
            k.store.signups_of(&a.id).unwrap().iter().all(|v| {
                let st = &list.iter().find(|s| s.id == v.id).unwrap().status;
                v.decided
                    && matches!(
                        (v.state, st.as_str()),
                        (SignupState::Confirmed, "confirmed")
                            | (SignupState::Waitlisted(Some(_)), "waitlisted")
                    )
            })
        });
        let v = k.store.upcoming_activities(now_ms()).unwrap().remove(0);
        assert_eq!((v.places_left, v.mine), (0, 0), "kiosk {i} offers no place");
    }
}

/// A kiosk that gives back a lease with an absurd count of used seats (a bug, or a hostile
/// kiosk) changes nothing for anyone else: the activity's state still reads, nothing is
/// held for it, and the other kiosks sync on.
#[test]
fn a_release_with_an_absurd_count_hurts_nobody() {
    use digidak_protocol::{OP_SCHEMA, Op, OpStatus, kinds};
    let mut f = Fleet::new(&[0, 0], 8, 2);
    let index = f.kiosks[0].store.first_unsent_index().unwrap();
    let op = Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::BLOCK_RELEASED.into(),
        payload: serde_json::json!({"activity_id": f.activity.id, "lease": 1, "used": u32::MAX}),
        kiosk_time_ms: f.now,
        schema: OP_SCHEMA,
    };
    let mut request = support::page(vec![op]);
    request.heartbeat.outbox_len = 1;
    let resp = f.server.push(&f.kiosks[0].auth, request, f.now).unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);
    f.kiosks[0].online = false;
    // Its lease counted at most what was lent (2), and it got a new block of 2 as any kiosk
    // that syncs with nothing held.
    let me = f.kiosks[0].auth.id.clone();
    let lease = f
        .state()
        .leases
        .into_iter()
        .find(|l| l.kiosk_id == me)
        .unwrap();
    assert_eq!((lease.lease, lease.granted, lease.used), (2, 4, 2));
    assert_eq!(f.held(), 4);
    f.sign_up(1, 3).unwrap();
    f.sync(1);
    f.assert_never_over_capacity("after the absurd release");
    assert_eq!(f.state().confirmed, 3);
}

/// A kiosk older than lease ends (protocol 1) confirms from its block by its counters alone:
/// its lease gets no end, the server never takes it back by itself, and a block sign-up it
/// pushes days later keeps its seat (a v2 kiosk's ended lease comes back meanwhile).
#[test]
fn a_kiosk_older_than_lease_ends_keeps_its_block_and_its_block_sign_ups() {
    use digidak_protocol::{MIN_PROTOCOL_VERSION, OP_SCHEMA, Op, OpStatus, kinds};
    let mut f = Fleet::new_with(&[0, 0], &[PROTOCOL_VERSION, MIN_PROTOCOL_VERSION], 8, 2);
    let old = f.kiosks[1].auth.id.clone();
    let lease = |f: &Fleet, id: &str| {
        f.state()
            .leases
            .into_iter()
            .find(|l| l.kiosk_id == id)
            .unwrap()
    };
    assert_eq!(
        lease(&f, &old).expires_ms,
        0,
        "no end for a kiosk that does not honour one"
    );
    assert!(lease(&f, &f.kiosks[0].auth.id.clone()).expires_ms > f.now);
    f.kiosks[1].online = false;
    // Three days on: kiosk 0's lease ended and came back (and it got a new one); the old
    // kiosk's block is still held for it.
    f.now += 3 * DAY;
    f.sync(0);
    assert_eq!(lease(&f, &f.kiosks[0].auth.id.clone()).lease, 2);
    let l = lease(&f, &old);
    assert_eq!((l.granted, l.used), (2, 0));
    // The old kiosk's block sign-up (made offline, as that release does) keeps its seat.
    let index = f.kiosks[1].store.first_unsent_index().unwrap();
    let op = Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::SIGNUP_CREATED.into(),
        payload: serde_json::json!({
            "id": uuid::Uuid::now_v7().to_string(), "activity_id": f.activity.id,
            "code": "99912345", "first_name": "Ahmed", "phone": null, "party": 2,
            "from_block": true, "walk_in": false
        }),
        kiosk_time_ms: f.now - 2 * DAY,
        schema: OP_SCHEMA,
    };
    let id = op.payload["id"].as_str().unwrap().to_string();
    let mut request = support::page(vec![op]);
    request.protocol = MIN_PROTOCOL_VERSION;
    let resp = f.server.push(&f.kiosks[1].auth, request, f.now).unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);
    assert_eq!(f.server_status()[&id], "confirmed");
    f.assert_never_over_capacity("after the old kiosk's block sign-up");
}
