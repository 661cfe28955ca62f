//! The conformance suite of the server's storage seam: what every backend must do, checked
//! through [`ServerStore`] on a real database, with the server's own rules over
//! `digidak_server::storage::Tx`. Each test runs on every backend in [`backends`]; a new
//! backend adds one line there and must pass all of them.
//!
//! The HTTP tests elsewhere in this binary cover the same rules end to end on SQLite; these
//! pin each rule to the storage trait, with the server's clock in the test's hands.

use std::path::Path;

use digidak_core::board::Category;
use digidak_protocol::{
    ActivityRecord, Heartbeat, Op, OpStatus, PROTOCOL_VERSION, PostModerated, PushRequest,
    PushResponse, kinds,
};
use digidak_server::postgres::PgServerStore;
use digidak_server::sqlite::SqliteServerStore;
use digidak_server::{AdminSession, KioskAuth, ServerError, ServerStore};
use serde_json::json;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

type Open = Box<dyn Fn(&Path) -> Box<dyn ServerStore>>;

/// Every backend the suite runs on: a name and how to open a fresh, empty store (in a folder
/// for SQLite; a new database on the test cluster for PostgreSQL).
pub fn backends() -> Vec<(&'static str, Open)> {
    let mut all: Vec<(&'static str, Open)> = vec![(
        "sqlite",
        Box::new(|dir: &Path| -> Box<dyn ServerStore> {
            Box::new(SqliteServerStore::open(&dir.join("server.sqlite3")).expect("open SQLite"))
        }),
    )];
    if let Some(cluster) = crate::pg::cluster() {
        all.push((
            "postgres",
            Box::new(move |_: &Path| -> Box<dyn ServerStore> {
                let url = crate::pg::fresh_db(&cluster);
                Box::new(PgServerStore::open(&url).expect("open PostgreSQL"))
            }),
        ));
    }
    all
}

/// Runs `test` on a fresh store of every backend; a failure names the backend.
fn each(test: impl Fn(&dyn ServerStore)) {
    for (name, open) in backends() {
        let dir = tempfile::tempdir().unwrap();
        let store = open(dir.path());
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| test(&*store)));
        if let Err(e) = outcome {
            eprintln!("conformance failed on the {name} backend");
            std::panic::resume_unwind(e);
        }
    }
}

/// A fixed server clock: 1 March 2027, 10:00 in Brussels.
fn t0() -> i64 {
    digidak_core::activities::local_to_unix_ms("2027-03-01T10:00").unwrap()
}

fn kiosk(store: &dyn ServerStore, name: &str, site: &str, now: i64) -> KioskAuth {
    let code = store.add_kiosk(name, site, now).unwrap();
    let paired = store.pair(&code, "test", 1, now).unwrap();
    store.authenticate(&paired.token).unwrap().unwrap()
}

fn op(index: u64, kind: &str, payload: serde_json::Value, now: i64) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kind.into(),
        payload,
        kiosk_time_ms: now,
        schema: digidak_protocol::OP_SCHEMA,
    }
}

fn page(ops: Vec<Op>, outbox_len: u64, now: i64) -> PushRequest {
    PushRequest {
        protocol: PROTOCOL_VERSION,
        heartbeat: Heartbeat {
            app_version: "test".into(),
            outbox_len,
            kiosk_time_ms: now,
            ..Default::default()
        },
        ops,
    }
}

fn push(store: &dyn ServerStore, k: &KioskAuth, ops: Vec<Op>, now: i64) -> PushResponse {
    let n = ops.len() as u64;
    store.push(k, page(ops, n, now), now).unwrap()
}

fn rejected(r: &PushResponse) -> Vec<String> {
    r.results
        .iter()
        .filter_map(|o| match &o.status {
            OpStatus::Rejected { reason } => Some(reason.clone()),
            OpStatus::Accepted => None,
        })
        .collect()
}

/// An activity in three days (sign-ups close two hours before it starts).
fn activity(now: i64, capacity: u32, block: u32) -> ActivityRecord {
    crate::seats::activity(now, capacity, block, 3 * DAY)
}

fn signup(activity: &str, code: u32, name: &str, party: u32) -> serde_json::Value {
    json!({
        "id": uuid::Uuid::now_v7().to_string(),
        "activity_id": activity,
        "code": format!("{code:08}"),
        "first_name": name,
        "phone": "0470 12 34 56",
        "party": party,
        "from_block": false,
        "walk_in": false,
    })
}

fn statuses(store: &dyn ServerStore, activity: &str) -> Vec<(String, String)> {
    store
        .signups(activity)
        .unwrap()
        .into_iter()
        .map(|s| (s.first_name, s.status))
        .collect()
}

fn post(code: u64) -> serde_json::Value {
    json!({
        "id": uuid::Uuid::now_v7().to_string(),
        "code": format!("{code:012}"),
        "kind": "ask",
        "category": Category::Computer.id(),
        "title": "Hulp met een mail",
        "text": "Wie kan mij tonen hoe ik een foto mail?",
        "languages": ["nl"],
    })
}

#[test]
fn a_push_is_stored_and_applied_once_by_index_and_by_uuid() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let help = |i| {
            op(
                i,
                kinds::HELP_REQUESTED,
                json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": now}),
                now,
            )
        };
        let (a, b) = (help(1), help(2));
        let first = push(store, &k, vec![a.clone(), b.clone()], now);
        assert_eq!(first.next_index, 3);
        assert!(rejected(&first).is_empty(), "{:?}", rejected(&first));
        // The same page again (a lost answer): accepted, nothing new.
        let again = push(store, &k, vec![a.clone(), b.clone()], now);
        assert_eq!(again.next_index, 3);
        assert!(rejected(&again).is_empty());
        let pulled = store.pull(&k, 0, 100).unwrap();
        let helps = pulled
            .changes
            .iter()
            .filter(|c| c.kind == kinds::HELP_REQUESTED)
            .count();
        assert_eq!(helps, 2, "each help call once in the feed");
        // Another op at a used index is refused; a used UUID at a new index is refused.
        let mut other = help(2);
        other.id = uuid::Uuid::now_v7().to_string();
        let r = push(store, &k, vec![other], now);
        assert_eq!(rejected(&r), ["index 2 was used by another operation"]);
        let mut reused = a.clone();
        reused.index = 3;
        let r = push(store, &k, vec![reused], now);
        assert_eq!(r.next_index, 4);
        assert!(rejected(&r)[0].contains("was used by another operation"));
        // A gap: nothing after it is taken.
        let r = push(store, &k, vec![help(9)], now);
        assert!(r.results.is_empty());
        assert_eq!(r.next_index, 4);
        // A bad op is refused with a reason and does not block the next one.
        let bad = op(4, kinds::HELP_REQUESTED, json!({"id": "not a uuid"}), now);
        let r = push(store, &k, vec![bad, help(5)], now);
        assert_eq!(r.results.len(), 2);
        assert_eq!(rejected(&r).len(), 1);
        assert_eq!(r.next_index, 6);
    });
}

#[test]
fn pairing_codes_work_once_expire_and_give_each_kiosk_its_own_code_range() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let code = store.add_kiosk("Kiosk 1", "noord", now).unwrap();
        let first = store.pair(&code.to_lowercase(), "test", 7, now).unwrap();
        assert_eq!(first.site, "noord");
        let again = store.pair(&code, "test", 1, now);
        assert!(matches!(again, Err(ServerError::Unauthorized(_))));
        let k1 = store.authenticate(&first.token).unwrap().unwrap();
        assert_eq!(store.status(&k1, now).unwrap().next_index, 7);

        let late = store.add_kiosk("Kiosk 2", "noord", now).unwrap();
        let expired = store.pair(&late, "test", 1, now + 25 * HOUR);
        assert!(matches!(expired, Err(ServerError::Unauthorized(_))));

        let third = store.add_kiosk("Kiosk 3", "zuid", now).unwrap();
        let paired = store.pair(&third, "test", 1, now).unwrap();
        assert_ne!(paired.code_range, first.code_range);
        assert!(paired.code_range.is_some());

        // A name in use is refused; a revoked kiosk's name is free again.
        assert!(matches!(
            store.add_kiosk("Kiosk 1", "noord", now),
            Err(ServerError::Conflict(_))
        ));
        assert!(store.revoke_kiosk("Kiosk 1", now).unwrap());
        assert!(store.authenticate(&first.token).unwrap().is_none());
        store.add_kiosk("Kiosk 1", "noord", now).unwrap();
        assert!(!store.revoke_kiosk("nobody", now).unwrap());
        assert!(matches!(
            store.add_kiosk("", "noord", now),
            Err(ServerError::BadRequest(_))
        ));
        assert!(matches!(
            store.add_kiosk("Kiosk 9", "Noord Site!", now),
            Err(ServerError::BadRequest(_))
        ));
    });
}

#[test]
fn seats_go_in_arrival_order_and_a_cancellation_promotes_the_waitlist() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let a = activity(now, 3, 0);
        store.save_activity("noord", &a, now).unwrap();
        let ann = signup(&a.id, 10_000_001, "Ann", 2);
        let ops = vec![
            op(1, kinds::SIGNUP_CREATED, ann.clone(), now),
            op(
                2,
                kinds::SIGNUP_CREATED,
                signup(&a.id, 10_000_002, "Bert", 2),
                now,
            ),
            op(
                3,
                kinds::SIGNUP_CREATED,
                signup(&a.id, 10_000_003, "Cas", 1),
                now,
            ),
        ];
        let r = push(store, &k, ops, now);
        assert!(rejected(&r).is_empty(), "{:?}", rejected(&r));
        // Bert does not fit, and Cas, who would, does not pass him.
        assert_eq!(
            statuses(store, &a.id),
            [
                ("Ann".into(), "confirmed".into()),
                ("Bert".into(), "waitlisted".into()),
                ("Cas".into(), "waitlisted".into())
            ]
        );
        let cancel = json!({"id": ann["id"]});
        push(
            store,
            &k,
            vec![op(4, kinds::SIGNUP_CANCELLED, cancel.clone(), now)],
            now,
        );
        assert_eq!(
            statuses(store, &a.id),
            [
                ("Ann".into(), "cancelled".into()),
                ("Bert".into(), "confirmed".into()),
                ("Cas".into(), "confirmed".into())
            ]
        );
        // Cancelled twice: the first one counts.
        let r = push(
            store,
            &k,
            vec![op(5, kinds::SIGNUP_CANCELLED, cancel, now)],
            now,
        );
        assert!(rejected(&r).is_empty());
        let state = &store.activities("noord").unwrap()[0];
        assert_eq!((state.confirmed, state.waitlisted, state.free), (3, 0, 0));
        // A code is one resident's: the same code for another sign-up is refused.
        let twin = signup(&a.id, 10_000_002, "Dirk", 1);
        let r = push(
            store,
            &k,
            vec![op(6, kinds::SIGNUP_CREATED, twin, now)],
            now,
        );
        assert_eq!(
            rejected(&r),
            ["this sign-up code is taken by another sign-up"]
        );
        // Another site's kiosk cannot sign up for this activity.
        let z = kiosk(store, "Kiosk Z", "zuid", now);
        let r = push(
            store,
            &z,
            vec![op(
                1,
                kinds::SIGNUP_CREATED,
                signup(&a.id, 20_000_001, "Eva", 1),
                now,
            )],
            now,
        );
        assert_eq!(rejected(&r), ["this activity belongs to another site"]);
    });
}

#[test]
fn seat_leases_are_lent_used_released_recalled_and_taken_back() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k1 = kiosk(store, "Kiosk 1", "noord", now);
        let k2 = kiosk(store, "Kiosk 2", "noord", now);
        let a = activity(now, 10, 2);
        store.save_activity("noord", &a, now).unwrap();
        // Both kiosks push with the current protocol: each gets a lease with an end.
        push(store, &k1, vec![], now);
        push(store, &k2, vec![], now);
        let st = &store.activities("noord").unwrap()[0];
        assert_eq!(st.leases.len(), 2);
        assert!(
            st.leases
                .iter()
                .all(|l| l.granted == 2 && l.expires_ms > now)
        );
        assert_eq!(st.free, 6, "held seats are not free");
        // Kiosk 1 confirms one from its block.
        let mut s = signup(&a.id, 10_000_011, "Ann", 1);
        s["from_block"] = json!(true);
        let r = push(store, &k1, vec![op(1, kinds::SIGNUP_CREATED, s, now)], now);
        assert!(rejected(&r).is_empty(), "{:?}", rejected(&r));
        let st = &store.activities("noord").unwrap()[0];
        let l1 = st.leases.iter().find(|l| l.kiosk_id == k1.id).unwrap();
        assert_eq!((l1.granted, l1.used), (2, 1));
        // It gives the rest back.
        let first_lease = l1.lease;
        let release = json!({"activity_id": a.id, "lease": first_lease, "used": 1});
        push(
            store,
            &k1,
            vec![op(2, kinds::BLOCK_RELEASED, release.clone(), now)],
            now,
        );
        // Nobody waits, so the same push lends it a new lease of two seats.
        let st = &store.activities("noord").unwrap()[0];
        let l1 = st.leases.iter().find(|l| l.kiosk_id == k1.id).unwrap();
        assert_eq!((l1.lease, l1.granted, l1.used), (first_lease + 1, 3, 1));
        // The old release again (a resend) changes nothing.
        push(
            store,
            &k1,
            vec![op(3, kinds::BLOCK_RELEASED, release, now)],
            now,
        );
        let st = &store.activities("noord").unwrap()[0];
        let again = st.leases.iter().find(|l| l.kiosk_id == k1.id).unwrap();
        assert_eq!(again, l1);
        // Kiosk 2 is revoked: its seats come back at once.
        assert!(store.revoke_kiosk("Kiosk 2", now).unwrap());
        let st = &store.activities("noord").unwrap()[0];
        let l2 = st.leases.iter().find(|l| l.kiosk_id == k2.id).unwrap();
        assert_eq!(l2.granted, l2.used);
        assert!(u64::from(st.free) + u64::from(st.confirmed) <= 10);
        // Seats run out: online sign-ups fill the rest, the next waits, leases are recalled.
        let k3 = kiosk(store, "Kiosk 3", "noord", now);
        push(store, &k3, vec![], now);
        let mut ops = Vec::new();
        for i in 0..10u32 {
            let s = signup(&a.id, 10_000_100 + i, &format!("P{i}"), 1);
            ops.push(op(u64::from(i) + 1, kinds::SIGNUP_CREATED, s, now));
        }
        let z = kiosk(store, "Kiosk 4", "noord", now);
        push(store, &z, ops, now);
        let st = &store.activities("noord").unwrap()[0];
        assert!(st.confirmed <= 10);
        assert!(st.waitlisted > 0);
        let l3 = st.leases.iter().find(|l| l.kiosk_id == k3.id).unwrap();
        assert!(l3.recalled || l3.granted == l3.used, "{l3:?}");
        // A lease that ended comes back after the grace, at the next push of the site.
        let later = now + 2 * DAY;
        push(store, &z, vec![], later);
        let st = &store.activities("noord").unwrap()[0];
        for l in &st.leases {
            assert!(l.granted == l.used || l.recalled, "{l:?}");
        }
        let confirmed: u32 = store
            .signups(&a.id)
            .unwrap()
            .iter()
            .filter(|s| s.status == "confirmed")
            .map(|s| s.party)
            .sum();
        assert!(confirmed <= 10, "never more than capacity");
    });
}

#[test]
fn posts_are_moderated_reported_renewed_closed_and_counted() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let p = post(123_456_789_012);
        let id = p["id"].as_str().unwrap().to_string();
        let r = push(
            store,
            &k,
            vec![op(1, kinds::POST_CREATED, p.clone(), now)],
            now,
        );
        assert!(rejected(&r).is_empty(), "{:?}", rejected(&r));
        assert_eq!(store.posts("noord", &["waiting"]).unwrap().len(), 1);
        // The same code for another post is refused.
        let mut twin = post(123_456_789_012);
        twin["title"] = json!("Iets anders");
        let r = push(store, &k, vec![op(2, kinds::POST_CREATED, twin, now)], now);
        assert_eq!(rejected(&r), ["this post code is taken by another post"]);
        // Approved by the admin web: public, for the site's period from now.
        store.set_post_days("noord", 14).unwrap();
        let approve = PostModerated {
            id: id.clone(),
            decision: "approve".into(),
            reason: None,
            title: None,
            text: None,
            category: None,
        };
        store.moderate_post(&approve, now).unwrap();
        let public = &store.posts("noord", &["public"]).unwrap()[0];
        assert_eq!(public.expires_ms, Some(now + 14 * DAY));
        // Another site's kiosk cannot report it; this site's can.
        let z = kiosk(store, "Kiosk Z", "zuid", now);
        let r = push(
            store,
            &z,
            vec![op(1, kinds::POST_REPORTED, json!({"id": id}), now)],
            now,
        );
        assert_eq!(rejected(&r).len(), 1);
        push(
            store,
            &k,
            vec![op(3, kinds::POST_REPORTED, json!({"id": id}), now)],
            now,
        );
        let reported = &store.posts("noord", &["reported"]).unwrap()[0];
        assert_eq!(reported.reports, 1);
        store.moderate_post(&approve, now + HOUR).unwrap();
        // Renewed and closed by its code; a reply is kept once.
        store.renew_post("123456789012", now + 10 * DAY).unwrap();
        let renewed = &store.posts("noord", &["public"]).unwrap()[0];
        assert_eq!(renewed.expires_ms, Some(now + 24 * DAY));
        let reply = json!({"id": uuid::Uuid::now_v7().to_string(), "post_id": id,
                           "message": "Ik help graag", "contact": "Mia 0470 11 22 33",
                           "created_ms": now});
        let r = push(
            store,
            &k,
            vec![
                op(4, kinds::POST_REPLIED, reply.clone(), now),
                op(5, kinds::POST_REPLIED, reply, now),
            ],
            now,
        );
        assert_eq!(rejected(&r).len(), 1, "the same reply twice is kept once");
        store
            .close_post("123456789012", true, now + 11 * DAY)
            .unwrap();
        let (_, closed, replies) = store.post_by_code("123456789012").unwrap().unwrap();
        assert_eq!(closed.status, "closed");
        assert!(closed.helped);
        assert_eq!(replies.len(), 1);
        let numbers = store.numbers().unwrap();
        let n = |what: &str| {
            numbers
                .iter()
                .filter(|(site, _, w, _)| site == "noord" && w == what)
                .map(|(_, _, _, n)| n)
                .sum::<i64>()
        };
        assert_eq!(
            (n("board.posts"), n("board.replies"), n("board.matches")),
            (1, 1, 1)
        );
    });
}

#[test]
fn names_phones_and_replies_are_forgotten_after_their_time_everywhere() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let a = activity(now, 5, 0);
        store.save_activity("noord", &a, now).unwrap();
        let p = post(999_888_777_666);
        let post_id = p["id"].as_str().unwrap().to_string();
        let reply = json!({"id": uuid::Uuid::now_v7().to_string(), "post_id": post_id,
                           "message": "Bel me", "contact": "Mia 0470 11 22 33",
                           "created_ms": now});
        let ops = vec![
            op(
                1,
                kinds::SIGNUP_CREATED,
                signup(&a.id, 10_000_021, "Ann", 1),
                now,
            ),
            op(2, kinds::POST_CREATED, p, now),
            op(3, kinds::POST_REPLIED, reply, now),
        ];
        let r = push(store, &k, ops, now);
        assert!(rejected(&r).is_empty(), "{:?}", rejected(&r));
        store.close_post("999888777666", false, now).unwrap();
        // Too early: nothing is forgotten.
        assert_eq!(store.forget_old_signups(30, now + 10 * DAY).unwrap(), 0);
        assert_eq!(store.forget_old_replies(30, now + 10 * DAY).unwrap(), 0);
        let later = now + 40 * DAY;
        assert_eq!(store.forget_old_signups(30, later).unwrap(), 1);
        assert_eq!(store.forget_old_replies(30, later).unwrap(), 1);
        let s = &store.signups(&a.id).unwrap()[0];
        assert_eq!((s.first_name.as_str(), s.phone.as_deref()), ("", None));
        let (_, _, replies) = store.post_by_code("999888777666").unwrap().unwrap();
        assert_eq!(replies[0].message, "");
        assert_eq!(replies[0].contact, None);
        let feed = serde_json::to_string(&store.pull(&k, 0, 1000).unwrap().changes).unwrap();
        assert!(!feed.contains("Ann") && !feed.contains("0470"), "{feed}");
        // Counts stay.
        let numbers = store.numbers().unwrap();
        assert!(numbers.iter().any(|(_, _, w, n)| w == "signups" && *n == 1));
    });
}

#[test]
fn help_calls_are_kept_once_and_the_first_handling_counts() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let id = uuid::Uuid::now_v7().to_string();
        let call = json!({"id": id, "created_at_ms": now, "first_name": " Ann\u{202e} "});
        push(
            store,
            &k,
            vec![op(1, kinds::HELP_REQUESTED, call, now)],
            now,
        );
        let handled = |at: i64| json!({"id": id, "handled_at_ms": at});
        let r = push(
            store,
            &k,
            vec![
                op(2, kinds::HELP_HANDLED, handled(now + 1000), now),
                op(3, kinds::HELP_HANDLED, handled(now + 2000), now),
            ],
            now,
        );
        assert!(rejected(&r).is_empty());
        let changes = store.pull(&k, 0, 100).unwrap().changes;
        let kinds_seen: Vec<&str> = changes.iter().map(|c| c.kind.as_str()).collect();
        assert_eq!(kinds_seen, [kinds::HELP_REQUESTED, kinds::HELP_HANDLED]);
        assert_eq!(changes[0].payload["first_name"], "Ann", "names are cleaned");
        assert_eq!(changes[0].payload["kiosk_name"], "Kiosk 1");
        assert_eq!(changes[1].payload["handled_at_ms"], now + 1000);
        let attention = store.attention(now - HOUR).unwrap();
        assert_eq!((attention[0].help_today, attention[0].help_open), (1, 0));
    });
}

#[test]
fn the_change_feed_is_per_site_in_order_and_pages_without_skipping() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let n = kiosk(store, "Kiosk N", "noord", now);
        let z = kiosk(store, "Kiosk Z", "zuid", now);
        let help = |i| {
            op(
                i,
                kinds::HELP_REQUESTED,
                json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": now}),
                now,
            )
        };
        for i in 1..=7 {
            push(store, &n, vec![help(i)], now);
            if i % 2 == 0 {
                push(store, &z, vec![help(i / 2)], now);
            }
        }
        let mut after = 0;
        let mut seen = Vec::new();
        loop {
            let page = store.pull(&n, after, 3).unwrap();
            assert!(page.changes.len() <= 3);
            seen.extend(page.changes.iter().map(|c| c.seq));
            after = page.next_after.unwrap();
            if !page.more {
                assert_eq!(after, page.last_seq);
                break;
            }
        }
        assert_eq!(seen.len(), 7, "every change of the site, none of the other");
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(store.pull(&z, 0, 100).unwrap().changes.len(), 3);
        assert_eq!(store.status(&n, now).unwrap().last_seq, after);

        // By token in one go (a backend may use one query): the same pages as the kiosk's
        // own; nothing for an unknown or a revoked token.
        let code = store.add_kiosk("Kiosk T", "noord", now).unwrap();
        let token = store.pair(&code, "test", 1, now).unwrap().token;
        let as_json = |p: &digidak_protocol::PullResponse| serde_json::to_value(p).unwrap();
        for (from, limit) in [(0, 3), (2, 100), (after, 5), (0, 0)] {
            let by_token = store.pull_by_token(&token, from, limit).unwrap().unwrap();
            assert_eq!(
                as_json(&by_token),
                as_json(&store.pull(&n, from, limit).unwrap())
            );
        }
        assert!(
            store
                .pull_by_token(&"0".repeat(64), 0, 10)
                .unwrap()
                .is_none()
        );
        assert!(store.revoke_kiosk("Kiosk T", now).unwrap());
        assert!(store.pull_by_token(&token, 0, 10).unwrap().is_none());
    });
}

#[test]
fn admins_and_sessions_end_when_they_should() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        store.set_admin("coord", "hash-1", now).unwrap();
        assert_eq!(
            store.admin_password_hash("coord").unwrap().as_deref(),
            Some("hash-1")
        );
        let session = AdminSession {
            admin: "coord".into(),
            csrf: "c".repeat(64),
            created_ms: now,
            expires_ms: now + HOUR,
        };
        store.create_session(&session, "tok1").unwrap();
        assert_eq!(store.session("tok1", now).unwrap().as_ref(), Some(&session));
        // Used: its idle end moves on, never past the hard end.
        let used = store.use_session("tok1", now + 50 * MINUTE, HOUR, 90 * MINUTE);
        assert_eq!(used.unwrap().unwrap().expires_ms, now + 90 * MINUTE);
        assert!(store.session("tok1", now + 91 * MINUTE).unwrap().is_none());
        // A new password ends every session of the name.
        store.create_session(&session, "tok2").unwrap();
        store.set_admin("coord", "hash-2", now).unwrap();
        assert!(store.session("tok2", now).unwrap().is_none());
        store.create_session(&session, "tok3").unwrap();
        store.end_session("tok3").unwrap();
        assert!(store.session("tok3", now).unwrap().is_none());
        assert!(store.remove_admin("coord").unwrap());
        assert!(store.admin_password_hash("coord").unwrap().is_none());
    });
}

#[test]
fn resume_codes_expire_by_the_servers_clock_and_are_never_shared() {
    if crate::support::once_per_run() {
        return;
    }
    each(|store| {
        let now = t0();
        let k = kiosk(store, "Kiosk 1", "noord", now);
        let saved =
            json!({"code": "1234567890", "lesson": "email-basics", "step": 3, "lang": "fr"});
        let r = push(
            store,
            &k,
            vec![op(1, kinds::LESSON_RESUME, saved.clone(), now)],
            now,
        );
        assert!(rejected(&r).is_empty(), "{:?}", rejected(&r));
        let found = store.find_resume("1234567890", now + DAY).unwrap().unwrap();
        assert_eq!((found.lesson.as_str(), found.step), ("email-basics", 3));
        let r = push(
            store,
            &k,
            vec![op(2, kinds::LESSON_RESUME, saved, now)],
            now,
        );
        assert_eq!(rejected(&r).len(), 1, "a code made twice is refused");
        assert!(
            store
                .find_resume("1234567890", now + 400 * DAY)
                .unwrap()
                .is_none()
        );
    });
}

#[test]
fn login_attempts_are_limited_per_name_and_address_and_a_success_gives_one_back() {
    if crate::support::once_per_run() {
        return;
    }
    use digidak_server::logins::{MAX_ADDRESS_FAILURES, MAX_FAILURES, WINDOW_MS};
    each(|store| {
        let now = t0();
        for _ in 0..MAX_FAILURES {
            assert!(store.login_begin("coord", "192.0.2.7", now).unwrap());
        }
        assert!(!store.login_begin("coord", "192.0.2.7", now).unwrap());
        // Only there: the same name from another address, another name from this one.
        assert!(store.login_begin("coord", "198.51.100.1", now).unwrap());
        assert!(store.login_begin("other", "192.0.2.7", now).unwrap());
        // The window ends.
        assert!(
            store
                .login_begin("coord", "192.0.2.7", now + WINDOW_MS)
                .unwrap()
        );
        // A success forgets the name's tries from its address.
        store.login_succeeded("coord", "192.0.2.7").unwrap();
        for _ in 0..MAX_FAILURES {
            assert!(
                store
                    .login_begin("coord", "192.0.2.7", now + WINDOW_MS)
                    .unwrap()
            );
        }
        // One address, many names: the address's own limit.
        let later = now + 3 * WINDOW_MS;
        let mut allowed = 0;
        for i in 0..MAX_ADDRESS_FAILURES + 5 {
            if store
                .login_begin(&format!("n{i}"), "203.0.113.9", later)
                .unwrap()
            {
                allowed += 1;
            }
        }
        assert_eq!(allowed, MAX_ADDRESS_FAILURES);
    });
}
