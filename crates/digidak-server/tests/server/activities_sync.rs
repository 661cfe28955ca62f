//! Activity sign-ups across many kiosks, with real stores, real sync workers and a real server
//! on 127.0.0.1: the server decides who gets a seat, nobody is overbooked or lost, the
//! waitlist moves up in arrival order.

use crate::support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use digidak::store::{SignupState, Store};
use digidak_protocol::ActivityRecord;
use support::{InProcessServer, SyncedKiosk, now_ms, wait_until};

fn activity(capacity: u32, block: u32) -> ActivityRecord {
    ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie en computer".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "Buurthuis De Brug".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity,
        max_party: 4,
        block,
        languages: vec!["nl".into()],
        deleted: false,
    }
}

/// The server's sign-ups of an activity: (seq, id, status, from_block).
fn server_signups(db: &Path, activity: &str) -> Vec<(i64, String, String, bool)> {
    support::server_rows(
        db,
        &format!(
            "SELECT seq, id, status, from_block FROM signups WHERE activity_id = {} ORDER BY seq",
            support::sql_text(activity)
        ),
    )
    .into_iter()
    .map(|r| {
        let text = |i: usize| r[i].clone().unwrap_or_default();
        (text(0).parse().unwrap(), text(1), text(2), text(3) == "1")
    })
    .collect()
}

/// Waits until the kiosk's store knows the activity (pulled), and returns its places left.
fn wait_for_activity(store: &Store, id: &str) -> u32 {
    let mut left = 0;
    wait_until(Duration::from_secs(30), "activity pulled", || {
        match store
            .upcoming_activities(now_ms())
            .unwrap()
            .into_iter()
            .find(|a| a.record.id == id)
        {
            Some(a) => {
                left = a.places_left;
                true
            }
            None => false,
        }
    });
    left
}

#[test]
fn fifty_kiosks_race_for_twenty_places_and_the_waitlist_moves_up_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let n = 50;
    let offline = 10; // the first ten kiosks sign up while offline
    let dirs: Vec<_> = (0..n)
        .map(|i| dir.path().join(format!("k{i:02}")))
        .collect();
    let mut kiosks: Vec<Option<SyncedKiosk>> = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let code = server.add_kiosk(&format!("PC {i:02}"), "noord");
        let k = SyncedKiosk::start(d);
        k.pair(&server.url(), &code).unwrap();
        kiosks.push(Some(k));
    }
    // 20 places, blocks of 2: the first five kiosks paired get a block (half the capacity).
    let a = activity(20, 2);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    for k in kiosks.iter().flatten() {
        k.sync.nudge();
        wait_for_activity(&k.store, &a.id);
    }
    // The offline kiosks lose their network (their sync stops) ...
    for k in kiosks.iter_mut().take(offline) {
        k.take();
    }
    // ... and take three sign-ups each: the kiosks with a block confirm two of them on their
    // own, the third waits for the server.
    let mut local: BTreeMap<String, (usize, SignupState)> = BTreeMap::new();
    for (i, d) in dirs.iter().enumerate().take(offline) {
        let mut store = Store::open_in(d).unwrap();
        for r in 0..3 {
            let s = store
                .create_signup(&a.id, &format!("Offline {i} {r}"), None, 1, now_ms())
                .unwrap()
                .unwrap();
            let expected = if i < 5 && r < 2 {
                SignupState::Confirmed
            } else {
                SignupState::Pending
            };
            assert_eq!(s.state, expected, "kiosk {i} sign-up {r}");
            local.insert(s.id, (i, s.state));
        }
    }
    // The forty online kiosks sign one resident up each, all at once.
    let online: Vec<(String, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = kiosks
            .iter()
            .enumerate()
            .skip(offline)
            .map(|(i, k)| {
                let sync = &k.as_ref().unwrap().sync;
                let d = &dirs[i];
                let id = &a.id;
                scope.spawn(move || {
                    let mut store = Store::open_in(d).unwrap();
                    let s = store
                        .create_signup(
                            id,
                            &format!("Online {i}"),
                            Some("0470 12 34 56"),
                            1,
                            now_ms(),
                        )
                        .unwrap()
                        .unwrap();
                    assert_eq!(s.state, SignupState::Pending, "online kiosks have no block");
                    sync.nudge();
                    (s.id, i)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (id, i) in &online {
        local.insert(id.clone(), (*i, SignupState::Pending));
    }
    // The offline kiosks come back.
    for (i, slot) in kiosks.iter_mut().enumerate().take(offline) {
        *slot = Some(SyncedKiosk::start(&dirs[i]));
    }
    for k in kiosks.iter().flatten() {
        k.wait_synced(Duration::from_secs(60));
    }

    let rows = server_signups(&db, &a.id);
    // Nobody lost, nobody twice.
    let ids: BTreeSet<&String> = rows.iter().map(|r| &r.1).collect();
    assert_eq!(rows.len(), 70);
    assert_eq!(ids, local.keys().collect());
    // Exactly twenty confirmed: the ten block seats, then the first ten others by arrival.
    let confirmed: Vec<_> = rows.iter().filter(|r| r.2 == "confirmed").collect();
    assert_eq!(confirmed.len(), 20, "{rows:?}");
    let block: Vec<_> = rows.iter().filter(|r| r.3).collect();
    assert_eq!(block.len(), 10);
    assert!(block.iter().all(|r| r.2 == "confirmed"));
    let pool: Vec<_> = rows.iter().filter(|r| !r.3).collect();
    for (n, r) in pool.iter().enumerate() {
        let want = if n < 10 { "confirmed" } else { "waitlisted" };
        assert_eq!(r.2, want, "arrival {n} of the others: {r:?}");
    }
    // Every kiosk of the site learns the server's decision about its own sign-ups.
    for (id, (i, _)) in &local {
        let want = &rows.iter().find(|r| &r.1 == id).unwrap().2;
        let k = kiosks[*i].as_ref().unwrap();
        wait_until(Duration::from_secs(30), "status pulled", || {
            let code = k
                .store
                .signups_of(&a.id)
                .unwrap()
                .into_iter()
                .find(|s| &s.id == id)
                .map(|s| s.state);
            matches!(
                (code, want.as_str()),
                (Some(SignupState::Confirmed), "confirmed")
                    | (Some(SignupState::Waitlisted(Some(_))), "waitlisted")
            )
        });
    }
    // The server's count: no seat sold twice.
    let state = server.store.activities("noord").unwrap();
    assert_eq!(state[0].confirmed, 20);
    assert_eq!(state[0].free, 0);
    assert_eq!(state[0].waitlisted, 50);

    // Three confirmed residents cancel with their codes, at other kiosks: the first three of
    // the waitlist move up, in order.
    let waitlist: Vec<String> = pool[10..].iter().map(|r| r.1.clone()).collect();
    let cancel: Vec<String> = [0usize, 7, 19]
        .iter()
        .map(|n| confirmed[*n].1.clone())
        .collect();
    for (n, id) in cancel.iter().enumerate() {
        let owner = &kiosks[local[id].0].as_ref().unwrap().store;
        let code = owner
            .signups_of(&a.id)
            .unwrap()
            .into_iter()
            .find(|s| &s.id == id)
            .unwrap()
            .code;
        // Any kiosk of the site knows the code.
        let other = kiosks[(local[id].0 + 1 + n) % kiosks.len()]
            .as_ref()
            .unwrap();
        let mut store = Store::open_in(&other.dir).unwrap();
        wait_until(Duration::from_secs(30), "code known", || {
            !store.signups_by_code(&code).unwrap().is_empty()
        });
        assert_eq!(store.cancel_signups(&code, now_ms()).unwrap(), 1);
        other.wait_synced(Duration::from_secs(30));
    }
    let rows = server_signups(&db, &a.id);
    let status = |id: &String| rows.iter().find(|r| &r.1 == id).unwrap().2.clone();
    for id in &cancel {
        assert_eq!(status(id), "cancelled");
    }
    for id in &waitlist[..3] {
        assert_eq!(status(id), "confirmed", "promoted in arrival order");
    }
    for id in &waitlist[3..] {
        assert_eq!(status(id), "waitlisted");
    }
    assert_eq!(rows.iter().filter(|r| r.2 == "confirmed").count(), 20);
}

#[test]
fn check_ins_repeated_on_two_offline_kiosks_count_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let dirs = [dir.path().join("a"), dir.path().join("b")];
    let kiosks: Vec<SyncedKiosk> = dirs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let k = SyncedKiosk::start(d);
            k.pair(
                &server.url(),
                &server.add_kiosk(&format!("PC {i}"), "noord"),
            )
            .unwrap();
            k
        })
        .collect();
    let a = activity(10, 0);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    kiosks[0].sync.nudge();
    wait_for_activity(&kiosks[0].store, &a.id);
    let mut store = Store::open_in(&dirs[0]).unwrap();
    let ids: Vec<String> = ["Samira", "Lena", "Ahmed"]
        .iter()
        .map(|n| {
            store
                .create_signup(&a.id, n, None, 1, now_ms())
                .unwrap()
                .unwrap()
                .id
        })
        .collect();
    drop(store);
    for k in &kiosks {
        k.wait_synced(Duration::from_secs(30));
        wait_until(Duration::from_secs(30), "sign-ups pulled", || {
            k.store.signups_of(&a.id).unwrap().len() == 3
        });
    }
    // Both kiosks lose the network; volunteers at both doors check people in, some twice.
    drop(kiosks);
    let t0 = now_ms();
    let mut a_store = Store::open_in(&dirs[0]).unwrap();
    let mut b_store = Store::open_in(&dirs[1]).unwrap();
    assert!(a_store.check_in(&ids[0], t0 + 5_000).unwrap());
    assert!(
        !a_store.check_in(&ids[0], t0 + 6_000).unwrap(),
        "a second tap changes nothing"
    );
    assert!(a_store.check_in(&ids[1], t0 + 7_000).unwrap());
    assert!(b_store.check_in(&ids[0], t0 + 1_000).unwrap());
    assert!(b_store.check_in(&ids[1], t0 + 9_000).unwrap());
    assert!(b_store.check_in(&ids[2], t0 + 2_000).unwrap());
    drop((a_store, b_store));
    // Back online: each person counts once, at the first check-in.
    let kiosks: Vec<SyncedKiosk> = dirs.iter().map(|d| SyncedKiosk::start(d)).collect();
    for k in &kiosks {
        k.wait_synced(Duration::from_secs(30));
    }
    let list = server.store.signups(&a.id).unwrap();
    let at: Vec<Option<i64>> = ids
        .iter()
        .map(|id| list.iter().find(|s| &s.id == id).unwrap().checked_in_ms)
        .collect();
    assert_eq!(at, [Some(t0 + 1_000), Some(t0 + 7_000), Some(t0 + 2_000)]);
    // And both kiosks agree.
    for k in &kiosks {
        wait_until(Duration::from_secs(30), "check-ins pulled", || {
            let mine: Vec<Option<i64>> = ids
                .iter()
                .map(|id| {
                    k.store
                        .signups_of(&a.id)
                        .unwrap()
                        .into_iter()
                        .find(|s| &s.id == id)
                        .unwrap()
                        .checked_in_ms
                })
                .collect();
            mine == at
        });
    }
}

#[test]
fn personal_data_of_past_activities_is_forgotten_and_counts_stay() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let k = SyncedKiosk::start(&dir.path().join("k"));
    k.pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
        .unwrap();
    let mut a = activity(10, 0);
    // A month and a half from now it will be long past; sign up while it is open.
    a.start = digidak_core::activities::local_now(now_ms() + 3_600_000);
    a.end = digidak_core::activities::local_now(now_ms() + 7_200_000);
    a.deadline = a.start.clone();
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    k.sync.nudge();
    wait_for_activity(&k.store, &a.id);
    let mut store = Store::open_in(&k.dir).unwrap();
    store
        .create_signup(&a.id, "Samira", Some("0470 12 34 56"), 2, now_ms())
        .unwrap()
        .unwrap();
    k.wait_synced(Duration::from_secs(30));
    let later = now_ms() + 45 * 86_400_000;
    assert_eq!(
        server.store.forget_old_signups(60, later).unwrap(),
        0,
        "kept 60 days"
    );
    assert_eq!(server.store.forget_old_signups(30, later).unwrap(), 1);
    let s = &server.store.signups(&a.id).unwrap()[0];
    assert_eq!((s.first_name.as_str(), s.phone.as_deref()), ("", None));
    assert_eq!(
        (s.party, s.status.as_str()),
        (2, "confirmed"),
        "counts stay"
    );
    // Not left anywhere in the files: sign-ups, stored operations, change feed, log.
    let leaks = |base: &Path| {
        let files: Vec<Vec<u8>> = if base == db.as_path() {
            support::server_contents(base)
        } else {
            ["", "-wal"]
                .iter()
                .filter_map(|ext| std::fs::read(format!("{}{ext}", base.display())).ok())
                .collect()
        };
        files.into_iter().any(|raw| {
            raw.windows(6).any(|w| w == b"Samira") || raw.windows(10).any(|w| w == b"0470123456")
        })
    };
    assert!(
        !leaks(&db),
        "the server's files still hold the name or phone"
    );
    // The kiosk forgets too (its sent operations included).
    assert_eq!(store.forget_old_signups(30, later).unwrap(), 1);
    let mine = &store.signups_of(&a.id).unwrap()[0];
    assert_eq!(
        (mine.first_name.as_str(), mine.phone.as_deref()),
        ("", None)
    );
    drop(k);
    let kiosk_db = dir.path().join("k").join(digidak::store::DB_FILE);
    assert!(
        !leaks(&kiosk_db),
        "the kiosk's files still hold the name or phone"
    );
}
