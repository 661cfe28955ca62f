//! The sync protocol against a real server on 127.0.0.1 (in this process): pairing, idempotent
//! pushes, site-scoped pulls, the status check, usage counts, and "I need help" between kiosks.

use crate::support;

use std::time::Duration;

use digidak::sync::client::{SyncClient, SyncError};
use digidak::sync::worker::{SyncState, TOKEN_FILE};
use digidak_protocol::{OP_SCHEMA, Op, OpStatus, kinds};
use serde_json::json;
use support::{InProcessServer, SyncedKiosk, page, paired_client, server_ops, wait_until};

fn visit(index: u64, name: &str) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::USAGE_VISIT.into(),
        payload: json!({ "name": name, "day": "2026-11-23" }),
        kiosk_time_ms: 1_795_000_000_000,
        schema: OP_SCHEMA,
    }
}

fn accepted(results: &[digidak_protocol::OpResult]) -> usize {
    results
        .iter()
        .filter(|r| r.status == OpStatus::Accepted)
        .count()
}

#[test]
fn the_same_page_twice_and_the_same_op_in_two_pages_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");

    let ops: Vec<Op> = (1..=5).map(|i| visit(i, "home")).collect();
    let first = client.push(&token, &page(ops.clone())).unwrap();
    assert_eq!(accepted(&first.results), 5);
    assert_eq!(first.next_index, 6);

    // The answer was lost, the kiosk sends the same page again: nothing changes.
    let again = client.push(&token, &page(ops.clone())).unwrap();
    assert_eq!(again.results, first.results, "the same answer");
    assert_eq!(again.next_index, 6);

    // A page that overlaps the last one: ops 4 and 5 again, then 6 and 7.
    let mut overlap = ops[3..].to_vec();
    overlap.extend((6..=7).map(|i| visit(i, "help")));
    let third = client.push(&token, &page(overlap)).unwrap();
    assert_eq!(accepted(&third.results), 4);
    assert_eq!(third.next_index, 8);

    let stored = server_ops(&db, "PC 1");
    assert_eq!(stored.len(), 7, "each op stored once");
    assert_eq!(
        stored.iter().map(|o| o.0).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    assert_eq!(
        support::server_usage_total(&db, "noord"),
        7,
        "each effect applied once"
    );
    let counts = server.store.usage_counts().unwrap();
    assert!(counts.contains(&("noord".into(), "2026-11-23".into(), "home".into(), 5)));
    assert!(counts.contains(&("noord".into(), "2026-11-23".into(), "help".into(), 2)));
}

#[test]
fn gaps_reuse_and_bad_ops_are_answered_per_op_and_never_block_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");

    // A page that starts after a gap: nothing is taken, the server says what it expects.
    let resp = client.push(&token, &page(vec![visit(3, "home")])).unwrap();
    assert!(resp.results.is_empty());
    assert_eq!(resp.next_index, 1);

    // Bad ops are rejected with a reason, the good ones around them accepted.
    let mut bad_kind = visit(2, "home");
    bad_kind.kind = "rocket.launch".into();
    let mut bad_payload = visit(3, "home");
    bad_payload.payload = json!({ "name": "<script>", "day": "yesterday" });
    let mut newer_schema = visit(4, "home");
    newer_schema.schema = OP_SCHEMA + 1;
    let ops = vec![
        visit(1, "home"),
        bad_kind,
        bad_payload,
        newer_schema,
        visit(5, "home"),
    ];
    let resp = client.push(&token, &page(ops.clone())).unwrap();
    let statuses: Vec<bool> = resp
        .results
        .iter()
        .map(|r| r.status == OpStatus::Accepted)
        .collect();
    assert_eq!(statuses, [true, false, false, false, true]);
    for r in &resp.results[1..4] {
        let OpStatus::Rejected { reason } = &r.status else {
            unreachable!()
        };
        assert!(!reason.is_empty());
    }
    // Asked again, a rejected op gets the same rejection: it is stored, not re-applied.
    let again = client.push(&token, &page(ops)).unwrap();
    assert_eq!(again.results, resp.results);

    // Another op claiming an index that is taken is refused, as is a reused id.
    let taken = client.push(&token, &page(vec![visit(5, "other")])).unwrap();
    assert!(matches!(taken.results[0].status, OpStatus::Rejected { .. }));
    let mut reused = visit(6, "home");
    reused.id = server_ops(&db, "PC 1")[0].1.clone();
    let resp = client.push(&token, &page(vec![reused])).unwrap();
    assert!(matches!(resp.results[0].status, OpStatus::Rejected { .. }));
    assert_eq!(resp.next_index, 7, "a rejected op still takes its index");
    assert_eq!(support::server_usage_total(&db, "noord"), 2);
}

#[test]
fn pairing_keeps_the_token_private_and_revoking_says_so_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let kiosk_dir = dir.path().join("kiosk");
    let kiosk = SyncedKiosk::start(&kiosk_dir);
    assert_eq!(kiosk.status().state, SyncState::NotPaired);

    // A wrong code is refused with a sentence, not a crash.
    let wrong = kiosk.pair(&server.url(), "ABCD-EFGH").unwrap_err();
    assert!(wrong.contains("pairing code"), "{wrong}");
    let nowhere = kiosk.pair("http://127.0.0.1:9", "ABCD-EFGH").unwrap_err();
    assert!(nowhere.contains("cannot reach the server"), "{nowhere}");
    let not_a_url = kiosk.pair("digidak.example.org", "ABCD-EFGH").unwrap_err();
    assert!(not_a_url.contains("web address"), "{not_a_url}");

    let code = server.add_kiosk("PC 1", "noord");
    // Typed in lower case with a space instead of the dash: still fine.
    let typed = code.to_lowercase().replace('-', " ");
    assert_eq!(kiosk.pair(&server.url(), &typed), Ok("PC 1".to_string()));
    wait_until(Duration::from_secs(10), "online", || {
        kiosk.status().state == SyncState::Online
    });

    // The token is in the data folder, readable by the kiosk's user only.
    use std::os::unix::fs::PermissionsExt;
    let token_path = kiosk_dir.join(TOKEN_FILE);
    let token = std::fs::read_to_string(&token_path).unwrap();
    assert_eq!(token.len(), 64);
    let mode = std::fs::metadata(&token_path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // The server keeps only a hash of it.
    drop(server);
    for bytes in &support::server_contents(&db) {
        assert!(
            !bytes.windows(64).any(|w| w == token.as_bytes()),
            "the token is not stored on the server"
        );
    }

    // The code cannot be used twice.
    let server = InProcessServer::start(&db);
    let other = SyncedKiosk::start(&dir.path().join("other"));
    let used = other.pair(&server.url(), &code).unwrap_err();
    assert!(used.contains("unknown, used or expired"), "{used}");

    // Revoked: its token no longer works, and the answer says what to do.
    assert!(server.store.list_kiosks().unwrap()[0].paired);
    assert!(
        server
            .store
            .revoke_kiosk("PC 1", support::now_ms())
            .unwrap()
    );
    let client = SyncClient::new(&server.url()).unwrap();
    match client.status(&token) {
        Err(SyncError::Unauthorized(m)) => assert!(m.contains("revoked"), "{m}"),
        other => panic!("expected 401, got {other:?}"),
    }
}

#[test]
fn a_revoked_kiosk_shows_revoked_with_the_servers_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let kiosk = SyncedKiosk::start(&dir.path().join("kiosk"));
    let code = server.add_kiosk("PC 1", "noord");
    kiosk.pair(&server.url(), &code).unwrap();
    wait_until(Duration::from_secs(10), "online", || {
        kiosk.status().state == SyncState::Online
    });
    assert!(
        server
            .store
            .revoke_kiosk("PC 1", support::now_ms())
            .unwrap()
    );
    // A local write nudges sync, which learns it was revoked.
    let mut store = digidak::store::Store::open_in(&kiosk.dir).unwrap();
    store.record_visit("home", support::now_ms()).unwrap();
    kiosk.sync.nudge();
    wait_until(Duration::from_secs(10), "revoked", || {
        kiosk.status().state == SyncState::Revoked
    });
    let status = kiosk.status();
    assert!(
        status
            .last_error
            .as_deref()
            .unwrap()
            .contains("pair it again"),
        "{status:?}"
    );
    assert_eq!(status.pending, 1, "the write waits, it is not lost");
}

#[test]
fn help_requests_reach_every_kiosk_of_the_site_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let mut kiosks = Vec::new();
    for (name, site) in [("PC 1", "noord"), ("PC 2", "noord"), ("Tablet", "zuid")] {
        let k = SyncedKiosk::start(&dir.path().join(name));
        k.pair(&server.url(), &server.add_kiosk(name, site))
            .unwrap();
        kiosks.push(k);
    }
    let [a, b, c] = &mut kiosks[..] else {
        unreachable!()
    };

    let started = std::time::Instant::now();
    let req = a
        .store
        .add_help_request(Some("Samira"), support::now_ms())
        .unwrap();
    a.sync.nudge();
    wait_until(Duration::from_secs(10), "PC 2 sees the request", || {
        b.store
            .open_help_requests()
            .unwrap()
            .iter()
            .any(|r| r.id == req.id)
    });
    let seen_after = started.elapsed();
    let on_b = b.store.help_request(&req.id).unwrap().unwrap();
    assert_eq!(on_b.kiosk_name.as_deref(), Some("PC 1"), "which kiosk");
    assert_eq!(on_b.first_name.as_deref(), Some("Samira"));
    assert!(
        seen_after < Duration::from_secs(5),
        "within seconds: {seen_after:?}"
    );

    // A volunteer at PC 2 marks it handled; PC 1 sees that too.
    assert!(
        b.store
            .mark_help_handled(&req.id, support::now_ms())
            .unwrap()
    );
    b.sync.nudge();
    wait_until(Duration::from_secs(10), "PC 1 sees it handled", || {
        a.store.open_help_requests().unwrap().is_empty()
    });

    // The other site's kiosk synced after all this and never saw it.
    c.store.record_visit("home", support::now_ms()).unwrap();
    c.wait_synced(Duration::from_secs(10));
    let c_synced_at = c.status().last_success_ms.unwrap();
    wait_until(Duration::from_secs(10), "zuid polled again", || {
        c.status().last_success_ms.unwrap() > c_synced_at
    });
    assert!(c.store.help_request(&req.id).unwrap().is_none());
    assert!(c.store.open_help_requests().unwrap().is_empty());
}

#[test]
fn a_server_restored_from_an_old_backup_raises_an_alarm() {
    if crate::support::sqlite_only("it restores a SQLite backup file") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let backup = dir.path().join("backup.sqlite3");
    let server = InProcessServer::start(&db);
    let kiosk_dir = dir.path().join("kiosk");
    let mut kiosk = SyncedKiosk::start(&kiosk_dir);
    let code = server.add_kiosk("PC 1", "noord");
    kiosk.pair(&server.url(), &code).unwrap();
    kiosk.wait_synced(Duration::from_secs(10));
    // The admin takes a backup now...
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("VACUUM INTO ?1", [backup.to_str().unwrap()])
            .unwrap();
    }
    // ...the kiosk goes on working and syncing...
    for _ in 0..3 {
        kiosk.store.record_visit("home", support::now_ms()).unwrap();
    }
    kiosk.wait_synced(Duration::from_secs(10));
    drop(kiosk);
    let addr = server.addr;
    drop(server);
    // ...and the server is restored from the old backup, on the same address.
    std::fs::copy(&backup, &db).unwrap();
    let _ = std::fs::remove_file(db.with_extension("sqlite3-wal"));
    let _ = std::fs::remove_file(db.with_extension("sqlite3-shm"));
    let _server = InProcessServer::start_at(&db, addr);
    kiosk = SyncedKiosk::start(&kiosk_dir);
    wait_until(Duration::from_secs(10), "alarm", || {
        kiosk.status().state == SyncState::ServerBehind
    });
    let alarm = kiosk.status().alarm.unwrap();
    assert!(alarm.contains("old backup"), "{alarm}");
    // Nothing more was pushed to the restored server.
    assert_eq!(server_ops(&db, "PC 1").len(), 0);
}

#[test]
fn many_kiosks_pushing_at_once_each_land_exactly_once() {
    // Concurrent pushes are committed together (group commit); each must still be whole,
    // answered to its own kiosk, and applied once, also when a page is sent twice.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let kiosks: Vec<(SyncClient, String)> = (0..16)
        .map(|i| paired_client(&server, &format!("PC {i}"), "noord"))
        .collect();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(kiosks.len()));
    let threads: Vec<_> = kiosks
        .into_iter()
        .map(|(client, token)| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                for p in 0..10u64 {
                    let ops: Vec<Op> = (1..=20).map(|i| visit(p * 20 + i, "home")).collect();
                    let first = client.push(&token, &page(ops.clone())).unwrap();
                    assert_eq!(accepted(&first.results), 20);
                    assert_eq!(first.next_index, (p + 1) * 20 + 1, "its own answer");
                    let again = client.push(&token, &page(ops)).unwrap();
                    assert_eq!(again.results, first.results);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for i in 0..16 {
        let ops = server_ops(&db, &format!("PC {i}"));
        assert_eq!(
            ops.iter().map(|o| o.0).collect::<Vec<_>>(),
            (1..=200).collect::<Vec<_>>()
        );
    }
    assert_eq!(support::server_usage_total(&db, "noord"), 16 * 200);
}

/// A server updated under kiosks paired before code ranges existed: each paired kiosk gets a
/// range at once and learns it at its next status call; codes two sign-ups already shared are
/// marked and refused to newcomers, and a kiosk shows and cancels none of them.
#[test]
fn kiosks_paired_before_code_ranges_get_one_at_their_next_sync() {
    if crate::support::sqlite_only("it rewinds the SQLite schema to an older migration") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let addr = server.addr;
    let mut kiosk = SyncedKiosk::start(&dir.path().join("k1"));
    let code = server.add_kiosk("PC 1", "noord");
    kiosk.pair(&server.url(), &code).unwrap();
    kiosk.wait_synced(Duration::from_secs(20));
    assert_eq!(kiosk.store.code_range().unwrap(), 1);
    drop(server);

    // Back to the schema before ranges (as an older server left it), with a code two sign-ups
    // share, and a kiosk that never heard of ranges. (What later migrations added goes too.)
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TABLE partner_sites; DROP TABLE partner_logos; DROP TABLE signals; DROP TABLE partner_replies; DROP TABLE partner_posts;
         DROP TABLE partner_sessions; DROP TABLE partner_accounts; DROP TABLE partners;
         ALTER TABLE kiosks DROP COLUMN protocol;
         DROP INDEX seat_blocks_kiosk; ALTER TABLE seat_blocks DROP COLUMN lease;
         ALTER TABLE seat_blocks DROP COLUMN expires_ms; ALTER TABLE seat_blocks DROP COLUMN recalled;
         DROP INDEX kiosks_code_range; ALTER TABLE kiosks DROP COLUMN code_range;
         DROP INDEX signups_code_once; ALTER TABLE signups DROP COLUMN shared_code;
         DROP INDEX signups_token; ALTER TABLE signups DROP COLUMN token_hash;
         DROP INDEX posts_token; ALTER TABLE posts DROP COLUMN token_hash;
         DROP TABLE login_tries;
         PRAGMA user_version = 7;
         INSERT INTO signups (id, activity_id, site, code, first_name, party, from_block, status,
                              seq, created_ms)
         VALUES ('s1', 'a1', 'noord', '12345678', 'Samira', 1, 0, 'confirmed', 1, 0),
                ('s2', 'a1', 'zuid', '12345678', 'Jan', 1, 0, 'confirmed', 2, 0);",
    )
    .unwrap();
    drop(conn);
    kiosk.store.set_code_range(0).unwrap();

    let server = InProcessServer::start_at(&db, addr);
    let shared: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM signups WHERE shared_code = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(shared, 2);
    // The kiosk's next push answer (or status check) brings its range.
    kiosk.store.record_visit("home", support::now_ms()).unwrap();
    kiosk.sync.nudge();
    wait_until(Duration::from_secs(20), "the range from the status", || {
        kiosk.store.code_range().unwrap() == 1
    });
    // A newcomer with the shared code is refused.
    let (client, token) = paired_client(&server, "PC 2", "noord");
    let a = digidak_protocol::ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "De Brug".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity: 10,
        max_party: 2,
        block: 0,
        languages: vec![],
        deleted: false,
    };
    server
        .store
        .save_activity("noord", &a, support::now_ms())
        .unwrap();
    let op = Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: 1,
        kind: kinds::SIGNUP_CREATED.into(),
        payload: json!({"id": uuid::Uuid::now_v7().to_string(), "activity_id": a.id,
            "code": "12345678", "first_name": "Omar", "phone": null, "party": 1,
            "from_block": false}),
        kiosk_time_ms: support::now_ms(),
        schema: OP_SCHEMA,
    };
    let resp = client.push(&token, &page(vec![op])).unwrap();
    assert!(
        matches!(&resp.results[0].status, OpStatus::Rejected { reason } if reason.contains("taken"))
    );
    // The second pairing got the next range.
    assert_eq!(client.status(&token).unwrap().code_range, Some(2));

    // On a kiosk, a code two sign-ups share shows nobody and cancels nothing.
    let local =
        rusqlite::Connection::open(dir.path().join("k1").join(digidak::store::DB_FILE)).unwrap();
    local
        .execute_batch(
            "INSERT INTO signups (id, activity_id, code, first_name, party, status, created_ms)
             VALUES ('x1', 'a1', '87654321', 'Samira', 1, 'confirmed', 0),
                    ('x2', 'a1', '87654321', 'Jan', 1, 'confirmed', 0);",
        )
        .unwrap();
    assert!(kiosk.store.signups_by_code("87654321").unwrap().is_empty());
    assert_eq!(
        kiosk
            .store
            .cancel_signups("87654321", support::now_ms())
            .unwrap(),
        0
    );
}

/// Golden fixtures of every op and change kind (`tests/fixtures/protocol/v<N>/`): the wire
/// format is pinned, so a change to it shows up here as a failing fixture, not in the field.
mod fixtures {
    use super::*;
    use digidak_protocol::*;
    use serde_json::Value;

    pub fn load(version: &str, what: &str) -> Vec<Value> {
        let path = format!(
            "{}/../../tests/fixtures/protocol/{version}/{what}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
    }

    fn rt<T: serde::de::DeserializeOwned + serde::Serialize>(v: &Value) -> Value {
        let typed: T = serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("today's code cannot read {v}: {e}"));
        serde_json::to_value(typed).unwrap()
    }

    /// An op's payload read by today's types and written again.
    pub fn op(kind: &str, p: &Value) -> Value {
        match kind {
            kinds::HELP_REQUESTED => rt::<HelpRequested>(p),
            kinds::HELP_HANDLED => rt::<HelpHandled>(p),
            kinds::USAGE_VISIT => rt::<UsageVisit>(p),
            kinds::LESSON_RESUME => rt::<ResumeSaved>(p),
            kinds::LESSON_EVENT => rt::<LessonEvent>(p),
            kinds::ACTIVITY_SAVED => rt::<ActivityRecord>(p),
            kinds::SIGNUP_CREATED => rt::<SignupCreated>(p),
            kinds::SIGNUP_CANCELLED => rt::<SignupCancelled>(p),
            kinds::SIGNUP_CHECKED_IN => rt::<SignupCheckedIn>(p),
            kinds::BLOCK_RELEASED => rt::<BlockReleased>(p),
            kinds::POST_CREATED => rt::<PostRecord>(p),
            kinds::POST_MODERATED => rt::<PostModerated>(p),
            kinds::POST_REPORTED => rt::<PostReported>(p),
            kinds::POST_RENEWED => rt::<PostByCode>(p),
            kinds::POST_CLOSED => rt::<PostClosed>(p),
            kinds::POST_REPLIED => rt::<PostReply>(p),
            kinds::SIGNAL_CREATED => rt::<SignalCreated>(p),
            other => panic!("an op kind without a type in this test: {other}"),
        }
    }

    /// A change's payload read by today's types and written again.
    pub fn change(kind: &str, p: &Value) -> Value {
        match kind {
            kinds::HELP_REQUESTED => rt::<HelpRequested>(p),
            kinds::HELP_HANDLED => rt::<HelpHandled>(p),
            kinds::ACTIVITY_SAVED => rt::<ActivityState>(p),
            kinds::SIGNUP_STATUS => rt::<SignupStatus>(p),
            kinds::POST_STATE => rt::<PostState>(p),
            kinds::POST_REPLIED => rt::<PostReply>(p),
            kinds::PARTNER_SAVED => rt::<PartnerRecord>(p),
            other => panic!("a change kind without a type in this test: {other}"),
        }
    }

    /// Every field of `old` is in `new` with the same value (objects all the way down).
    pub fn contains(new: &Value, old: &Value, at: &str) {
        match (new, old) {
            (Value::Object(n), Value::Object(o)) => {
                for (k, v) in o {
                    let Some(nv) = n.get(k) else {
                        panic!("{at}.{k} is gone");
                    };
                    contains(nv, v, &format!("{at}.{k}"));
                }
            }
            _ => assert_eq!(new, old, "{at}"),
        }
    }

    /// Pushes a fixture's ops in order as a kiosk speaking `protocol`; every one accepted.
    pub fn push_all(server: &InProcessServer, name: &str, protocol: u32, ops: &[Value]) -> String {
        let (client, token) = paired_client(server, name, "noord");
        let ops: Vec<Op> = ops
            .iter()
            .enumerate()
            .map(|(i, o)| Op {
                id: uuid::Uuid::now_v7().to_string(),
                index: i as u64 + 1,
                kind: o["kind"].as_str().unwrap().into(),
                payload: o["payload"].clone(),
                kiosk_time_ms: support::now_ms(),
                schema: OP_SCHEMA,
            })
            .collect();
        let mut req = page(ops);
        req.protocol = protocol;
        let resp = client.push(&token, &req).unwrap();
        for (r, o) in resp.results.iter().zip(&req.ops) {
            assert_eq!(
                r.status,
                OpStatus::Accepted,
                "{} (protocol {protocol})",
                o.kind
            );
        }
        assert_eq!(resp.results.len(), req.ops.len());
        token
    }
}

#[test]
fn todays_code_reads_the_current_fixtures_unchanged_and_writes_the_same_json() {
    use digidak_protocol::kinds::*;
    let ops = fixtures::load("v2", "ops");
    let changes = fixtures::load("v2", "changes");
    let has = |list: &[serde_json::Value], kind: &str| list.iter().any(|o| o["kind"] == kind);
    for kind in [
        HELP_REQUESTED,
        HELP_HANDLED,
        USAGE_VISIT,
        LESSON_RESUME,
        LESSON_EVENT,
        ACTIVITY_SAVED,
        SIGNUP_CREATED,
        SIGNUP_CANCELLED,
        SIGNUP_CHECKED_IN,
        BLOCK_RELEASED,
        POST_CREATED,
        POST_MODERATED,
        POST_REPORTED,
        POST_RENEWED,
        POST_CLOSED,
        POST_REPLIED,
        SIGNAL_CREATED,
    ] {
        assert!(has(&ops, kind), "no op fixture of {kind}");
    }
    for kind in [
        HELP_REQUESTED,
        HELP_HANDLED,
        ACTIVITY_SAVED,
        SIGNUP_STATUS,
        POST_STATE,
        POST_REPLIED,
        PARTNER_SAVED,
    ] {
        assert!(has(&changes, kind), "no change fixture of {kind}");
    }
    for o in &ops {
        let kind = o["kind"].as_str().unwrap();
        assert_eq!(fixtures::op(kind, &o["payload"]), o["payload"], "op {kind}");
    }
    for c in &changes {
        let kind = c["kind"].as_str().unwrap();
        assert_eq!(
            fixtures::change(kind, &c["payload"]),
            c["payload"],
            "change {kind}"
        );
    }
}

/// A kiosk of the previous protocol keeps syncing with today's server and vice versa: its ops
/// (fixtures v1) are read unchanged and accepted; today's changes carry every field a v1 kiosk
/// reads (it ignores the others); today's kiosk's ops are accepted too.
#[test]
fn a_kiosk_on_the_previous_protocol_keeps_syncing_with_todays_server_and_vice_versa() {
    use digidak_protocol::{MIN_PROTOCOL_VERSION, PROTOCOL_VERSION};
    let (v1_ops, v1_changes) = (fixtures::load("v1", "ops"), fixtures::load("v1", "changes"));
    let v2_changes = fixtures::load("v2", "changes");
    for o in &v1_ops {
        let kind = o["kind"].as_str().unwrap();
        fixtures::contains(&fixtures::op(kind, &o["payload"]), &o["payload"], kind);
    }
    for c in &v1_changes {
        let kind = c["kind"].as_str().unwrap();
        fixtures::contains(&fixtures::change(kind, &c["payload"]), &c["payload"], kind);
        // Today's change of the same kind has every field the previous one had.
        let now = v2_changes.iter().find(|n| n["kind"] == c["kind"]).unwrap();
        fixtures::contains(&now["payload"], &c["payload"], kind);
    }
    // Against a real server: a v1 kiosk's ops, then today's kiosk's, each on its own server
    // (the fixtures share ids).
    let dir = tempfile::tempdir().unwrap();
    let old = InProcessServer::start(&dir.path().join("v1.sqlite3"));
    let token = fixtures::push_all(&old, "PC v1", MIN_PROTOCOL_VERSION, &v1_ops);
    // It pulls as a v1 kiosk does; every change kind it reads is there with its v1 fields.
    let pulled: serde_json::Value = reqwest::blocking::Client::new()
        .get(format!(
            "{}/api/v1/changes?protocol={MIN_PROTOCOL_VERSION}&after=0",
            old.url()
        ))
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json()
        .unwrap();
    for c in &v1_changes {
        let got = pulled["changes"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|g| g["kind"] == c["kind"])
            .unwrap_or_else(|| panic!("no {} pulled", c["kind"]));
        for field in c["payload"].as_object().unwrap().keys() {
            assert!(
                got["payload"].get(field).is_some(),
                "{} lacks {field}",
                c["kind"]
            );
        }
    }
    let new = InProcessServer::start(&dir.path().join("v2.sqlite3"));
    // The partner the fixture's care signal goes to (the change fixture's partner).
    {
        let changes = fixtures::load("v2", "changes");
        let partner = changes
            .iter()
            .find(|c| c["kind"] == kinds::PARTNER_SAVED)
            .unwrap();
        new.store
            .save_partner(
                "noord",
                &serde_json::from_value(partner["payload"].clone()).unwrap(),
                support::now_ms(),
            )
            .unwrap();
    }
    fixtures::push_all(
        &new,
        "PC v2",
        PROTOCOL_VERSION,
        &fixtures::load("v2", "ops"),
    );
}

/// The cursor rule, as an outside client follows it: `last_seq` is the head of the site's
/// feed, not the end of the page; `next_after` is where the next page starts. Paging with
/// `next_after` gets every change once; storing `last_seq` as the cursor would skip some.
#[test]
fn pull_pages_follow_next_after_and_last_seq_is_the_head() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (a, token_a) = paired_client(&server, "PC A", "noord");
    let (z, token_z) = paired_client(&server, "PC Z", "zuid");
    let help = |index: u64| Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::HELP_REQUESTED.into(),
        payload: json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": 1_795_000_000_000i64, "first_name": null}),
        kiosk_time_ms: 1_795_000_000_000,
        schema: OP_SCHEMA,
    };
    // Changes of two sites, interleaved: gaps in this site's seqs.
    for i in 1..=5 {
        a.push(&token_a, &page(vec![help(i)])).unwrap();
        z.push(&token_z, &page(vec![help(i)])).unwrap();
    }
    let mut after = 0;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let p = a.pull(&token_a, after, 2).unwrap();
        pages += 1;
        let head = p.last_seq;
        seen.extend(p.changes.iter().map(|c| c.seq));
        let next = p.next_after.expect("today's server says where to go on");
        assert_eq!(next, p.changes.last().map_or(after, |c| c.seq));
        if p.more {
            assert!(head > next, "last_seq is the head, past this page");
        }
        after = next;
        if !p.more {
            assert_eq!(after, head);
            break;
        }
    }
    assert_eq!(seen.len(), 5, "every change of the site once: {seen:?}");
    assert_eq!(pages, 3);
    // `limit=0` acts as 1.
    let one = a.pull(&token_a, 0, 0).unwrap();
    assert_eq!(one.changes.len(), 1);
}

#[test]
fn status_recommends_the_servers_own_release_unless_its_admin_names_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let status = client.status(&token).unwrap();
    assert_eq!(
        status.recommended_version.as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    let addr = server.addr;
    drop(server);
    let server = InProcessServer::start_with(&db, addr, |state| {
        state.with_recommended_kiosk_version("0.9.1")
    });
    let status = client.status(&token).unwrap();
    assert_eq!(status.recommended_version.as_deref(), Some("0.9.1"));
    drop(server);
}

/// A fleet's server is not always updated first: a kiosk of this release pairs with the
/// previous release's server (protocol 1 only; `scripts/previous-server` builds it from the
/// git history, `scripts/test` passes it in `PREVIOUS_DIGIDAK_SERVER`), falls back to
/// protocol 1, and its operations arrive exactly once; what the server sends back is applied.
#[test]
fn a_kiosk_of_this_release_syncs_with_the_previous_releases_server() {
    if crate::support::sqlite_only("the previous release has only SQLite") {
        return;
    }
    let Some(previous) = std::env::var_os("PREVIOUS_DIGIDAK_SERVER") else {
        panic!(
            "PREVIOUS_DIGIDAK_SERVER is not set: run the tests with scripts/test, which builds \
             the previous release's server (scripts/previous-server)"
        );
    };
    if previous == "unavailable" {
        // scripts/test could not build it (no git history) and said so in its output.
        eprintln!("SKIPPED: the previous release's server is not available");
        return;
    }
    let previous = std::path::PathBuf::from(previous);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let add = std::process::Command::new(&previous)
        .args(["kiosk", "add", "PC 1", "--site", "noord", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(add.status.success(), "{add:?}");
    let code = String::from_utf8(add.stdout).unwrap().trim().to_string();
    let mut server = support::ChildServer::start_bin(&previous, &db, "127.0.0.1:0");

    let kiosk_dir = dir.path().join("kiosk");
    let kiosk = SyncedKiosk::start(&kiosk_dir);
    assert_eq!(kiosk.pair(&server.url(), &code).as_deref(), Ok("PC 1"));
    let mut store = digidak::store::Store::open_in(&kiosk_dir).unwrap();
    let help = store
        .add_help_request(Some("Amina"), support::now_ms())
        .unwrap();
    store.record_visit("session", support::now_ms()).unwrap();
    kiosk.wait_synced(Duration::from_secs(30));
    // Exactly once, nothing refused.
    let ops = server_ops(&db, "PC 1");
    assert_eq!(ops.len(), 2, "{ops:?}");
    assert!(ops.iter().all(|(_, _, _, rejected)| !rejected), "{ops:?}");
    assert_eq!(
        support::server_help_ids(&db, "noord"),
        vec![help.id.clone()]
    );
    // The server's change feed reaches the kiosk: the help call comes back with the name the
    // server knows this kiosk by.
    wait_until(Duration::from_secs(20), "the change pulled back", || {
        store
            .open_help_requests()
            .unwrap()
            .iter()
            .any(|h| h.id == help.id && h.kiosk_name.as_deref() == Some("PC 1"))
    });
    let status = kiosk.status();
    assert_eq!(status.state, SyncState::Online);
    assert_eq!(status.dead, 0);
    server.kill();
}
