//! Several `digidak-server serve` processes on one PostgreSQL database behave as one server
//! (README, "Running on PostgreSQL"; `docs/sync.md`, "Several server instances"): real child
//! processes on 127.0.0.1, real HTTP, real kiosks, a real PostgreSQL (`scripts/test` starts a
//! throwaway cluster).

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use digidak::sync::client::SyncClient;
use digidak_protocol::{Heartbeat, OP_SCHEMA, Op, OpStatus, PROTOCOL_VERSION, PushRequest, kinds};
use digidak_server::ServerStore;
use digidak_server::postgres::{PgServerStore, WRITE_LOCK};
use serde_json::json;

use crate::support::{self, ChildServer, SyncedKiosk};

/// `n` server processes on one new database; `None` (said) when the run has no PostgreSQL.
fn instances(n: usize) -> Option<(String, Vec<ChildServer>)> {
    let cluster = crate::pg::cluster()?;
    let url = crate::pg::fresh_db(&cluster);
    let servers = (0..n)
        .map(|_| ChildServer::start(Path::new(&url), "127.0.0.1:0"))
        .collect();
    Some((url, servers))
}

fn db(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

fn pair(url: &str, server: &ChildServer, name: &str, site: &str) -> (SyncClient, String) {
    let code = support::server_cli(Path::new(url), &["kiosk", "add", name, "--site", site]);
    let client = SyncClient::new(&server.url()).unwrap();
    let token = client.pair(code.trim(), 1).unwrap().token;
    (client, token)
}

fn op(index: u64, kind: &str, payload: serde_json::Value) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kind.into(),
        payload,
        kiosk_time_ms: support::now_ms(),
        schema: OP_SCHEMA,
    }
}

fn help(index: u64) -> Op {
    op(
        index,
        kinds::HELP_REQUESTED,
        json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": support::now_ms()}),
    )
}

fn page(ops: Vec<Op>) -> PushRequest {
    PushRequest {
        protocol: PROTOCOL_VERSION,
        heartbeat: Heartbeat {
            app_version: "test".into(),
            outbox_len: ops.len() as u64,
            kiosk_time_ms: support::now_ms(),
            ..Default::default()
        },
        ops,
    }
}

fn count(client: &mut postgres::Client, sql: &str) -> i64 {
    client.query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn the_same_page_pushed_to_two_instances_at_once_is_stored_once() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, servers)) = instances(2) else {
        return;
    };
    let (_, token) = pair(&url, &servers[0], "PC 1", "noord");
    for round in 0..10u64 {
        let ops: Vec<Op> = (1..=20).map(|i| help(round * 20 + i)).collect();
        let request = Arc::new(page(ops));
        let start = Arc::new(Barrier::new(2));
        let answers: Vec<_> = servers
            .iter()
            .map(|s| {
                let (client, token) = (SyncClient::new(&s.url()).unwrap(), token.clone());
                let (request, start) = (request.clone(), start.clone());
                thread::spawn(move || {
                    start.wait();
                    client.push(&token, &request).unwrap()
                })
            })
            .collect();
        for answer in answers {
            let answer = answer.join().unwrap();
            assert_eq!(answer.next_index, (round + 1) * 20 + 1);
            assert!(
                answer
                    .results
                    .iter()
                    .all(|r| matches!(r.status, OpStatus::Accepted)),
                "{answer:?}"
            );
        }
    }
    let mut c = db(&url);
    assert_eq!(count(&mut c, "SELECT COUNT(*) FROM ops"), 200);
    assert_eq!(count(&mut c, "SELECT COUNT(*) FROM help_requests"), 200);
    assert_eq!(
        count(
            &mut c,
            "SELECT COUNT(*) FROM changes WHERE kind = 'help.requested'"
        ),
        200
    );
}

#[test]
fn fifty_kiosks_race_for_twenty_seats_through_three_instances_and_twenty_are_confirmed() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, servers)) = instances(3) else {
        return;
    };
    let now = support::now_ms();
    let activity = crate::seats::activity(now, 20, 0, 3 * 24 * 3_600_000);
    PgServerStore::open(&url)
        .unwrap()
        .save_activity("noord", &activity, now)
        .unwrap();
    let kiosks: Vec<_> = (0..50)
        .map(|i| {
            let server = &servers[i % 3];
            let (client, token) = pair(&url, server, &format!("PC {i}"), "noord");
            (client, token)
        })
        .collect();
    let start = Arc::new(Barrier::new(kiosks.len()));
    let pushes: Vec<_> = kiosks
        .into_iter()
        .enumerate()
        .map(|(i, (client, token))| {
            let (start, activity) = (start.clone(), activity.id.clone());
            thread::spawn(move || {
                let signup = json!({
                    "id": uuid::Uuid::now_v7().to_string(),
                    "activity_id": activity,
                    "code": format!("{:08}", 30_000_000 + i),
                    "first_name": format!("Bewoner {i}"),
                    "party": 1,
                    "from_block": false,
                    "walk_in": false,
                });
                start.wait();
                let r = client
                    .push(&token, &page(vec![op(1, kinds::SIGNUP_CREATED, signup)]))
                    .unwrap();
                assert!(matches!(r.results[0].status, OpStatus::Accepted), "{r:?}");
            })
        })
        .collect();
    for p in pushes {
        p.join().unwrap();
    }
    let mut c = db(&url);
    assert_eq!(
        count(
            &mut c,
            "SELECT COUNT(*) FROM signups WHERE status = 'confirmed'"
        ),
        20
    );
    assert_eq!(
        count(
            &mut c,
            "SELECT COUNT(*) FROM signups WHERE status = 'waitlisted'"
        ),
        30
    );
    // Arrival order: the confirmed ones are the first twenty the database took.
    let confirmed_last: i64 = count(
        &mut c,
        "SELECT MAX(seq) FROM signups WHERE status = 'confirmed'",
    );
    let waiting_first: i64 = count(
        &mut c,
        "SELECT MIN(seq) FROM signups WHERE status = 'waitlisted'",
    );
    assert!(confirmed_last < waiting_first);
}

#[test]
fn a_help_call_made_through_one_instance_reaches_a_kiosk_pulling_from_another() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, servers)) = instances(2) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut caller = SyncedKiosk::start(&dir.path().join("a"));
    let volunteer = SyncedKiosk::start(&dir.path().join("b"));
    for (kiosk, server, name) in [
        (&caller, &servers[0], "PC A"),
        (&volunteer, &servers[1], "PC B"),
    ] {
        let code = support::server_cli(Path::new(&url), &["kiosk", "add", name, "--site", "noord"]);
        kiosk.pair(&server.url(), code.trim()).unwrap();
    }
    let call = caller
        .store
        .add_help_request(Some("Ann"), support::now_ms())
        .unwrap();
    caller.wait_synced(Duration::from_secs(20));
    let pushed = Instant::now();
    support::wait_until(
        Duration::from_secs(10),
        "the help call at the other instance's kiosk",
        || {
            volunteer.sync.nudge();
            volunteer
                .store
                .open_help_requests()
                .unwrap()
                .iter()
                .any(|h| h.id == call.id)
        },
    );
    eprintln!(
        "help call seen through the other instance {:?} after its push",
        pushed.elapsed()
    );
}

/// The change feed under concurrent writers: a pull cursor never passes a change that commits
/// later with a lower number. The test holds a write transaction open at the exact moment the
/// hazard needs (a change numbered, not committed) and checks what pulls see meanwhile; a
/// control writer that skips the lock shows the hazard is real.
#[test]
fn a_pull_cursor_never_skips_a_change_that_commits_out_of_order() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, servers)) = instances(2) else {
        return;
    };
    let (pusher, push_token) = pair(&url, &servers[0], "PC 1", "noord");
    let (puller, pull_token) = pair(&url, &servers[1], "PC 2", "noord");
    pusher.push(&push_token, &page(vec![help(1)])).unwrap();
    let start = puller.pull(&pull_token, 0, 1000).unwrap().last_seq;

    // A slow instance mid-push: it took the write lock and numbered a change, not committed.
    let mut slow = db(&url);
    let mut t = slow.transaction().unwrap();
    t.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .unwrap();
    let early: i64 = t
        .query_one(
            "INSERT INTO changes (site, kind, payload, created_ms)
             VALUES ('noord', 'help.requested', '{}', 0) RETURNING seq",
            &[],
        )
        .unwrap()
        .get(0);
    // Another instance takes a push now: it must wait for the lock, not number past `early`.
    let waiting = {
        let (url, token) = (servers[0].url(), push_token.clone());
        thread::spawn(move || {
            let client = SyncClient::new(&url).unwrap();
            client.push(&token, &page(vec![help(2)])).unwrap()
        })
    };
    thread::sleep(Duration::from_millis(700));
    assert!(!waiting.is_finished(), "a push passed the held write lock");
    let meanwhile = puller.pull(&pull_token, start, 1000).unwrap();
    assert!(meanwhile.changes.is_empty(), "{meanwhile:?}");
    assert_eq!(meanwhile.next_after, Some(start));
    t.commit().unwrap();
    let pushed = waiting.join().unwrap();
    assert_eq!(pushed.next_index, 3);
    let after = puller.pull(&pull_token, start, 1000).unwrap();
    let seqs: Vec<u64> = after.changes.iter().map(|c| c.seq).collect();
    assert_eq!(seqs.len(), 2, "{seqs:?}");
    assert_eq!(seqs[0], early as u64, "the held change first");
    assert!(seqs[1] > seqs[0]);

    // The control: a writer without the lock numbers a change and commits after a later one.
    let cursor = after.next_after.unwrap();
    let mut rogue = db(&url);
    let mut r = rogue.transaction().unwrap();
    let skipped: i64 = r
        .query_one(
            "INSERT INTO changes (site, kind, payload, created_ms)
             VALUES ('noord', 'help.requested', '{}', 0) RETURNING seq",
            &[],
        )
        .unwrap()
        .get(0);
    pusher.push(&push_token, &page(vec![help(3)])).unwrap();
    let seen = puller.pull(&pull_token, cursor, 1000).unwrap();
    let cursor = seen.next_after.unwrap();
    assert!(cursor > skipped as u64);
    r.commit().unwrap();
    let later = puller.pull(&pull_token, cursor, 1000).unwrap();
    assert!(
        later.changes.iter().all(|c| c.seq != skipped as u64),
        "without the lock the change numbered {skipped} is passed by the cursor: the hazard \
         the lock prevents"
    );
}

#[test]
fn killing_one_instance_in_a_push_storm_loses_nothing_and_doubles_nothing() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, mut servers)) = instances(2) else {
        return;
    };
    let kiosks: Vec<_> = (0..8)
        .map(|i| pair(&url, &servers[0], &format!("PC {i}"), "noord"))
        .collect();
    let (doomed, survivor) = (servers[0].url(), servers[1].url());
    let pages_each = 60u64;
    // Pages the doomed instance answered so far: the kill falls once some are in.
    let answered = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let storms: Vec<_> = kiosks
        .into_iter()
        .map(|(_, token)| {
            let (doomed, survivor) = (doomed.clone(), survivor.clone());
            let answered = answered.clone();
            thread::spawn(move || {
                // Each kiosk pushes its pages in turn: to the doomed instance while it lives,
                // then the same page again to the survivor (a load balancer's retry).
                let to_doomed = SyncClient::new(&doomed).unwrap();
                let to_survivor = SyncClient::new(&survivor).unwrap();
                let mut next = 1u64;
                let mut dead = false;
                let mut on_doomed = 0u64;
                for _ in 0..pages_each {
                    let request = page((next..next + 5).map(help).collect());
                    let answer = if dead {
                        None
                    } else {
                        to_doomed.push(&token, &request).ok()
                    };
                    let answer = match answer {
                        Some(a) => {
                            on_doomed += 1;
                            answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            a
                        }
                        None => {
                            dead = true;
                            to_survivor.push(&token, &request).unwrap()
                        }
                    };
                    assert_eq!(answer.next_index, next + 5, "{answer:?}");
                    next += 5;
                }
                (next - 1, on_doomed)
            })
        })
        .collect();
    support::wait_until(Duration::from_secs(60), "the storm under way", || {
        answered.load(std::sync::atomic::Ordering::SeqCst) >= 16
    });
    // SIGKILL: no graceful stop, in-flight transactions are cut.
    servers[0].kill();
    let mut split = Vec::new();
    for storm in storms {
        let (last, on_doomed) = storm.join().unwrap();
        assert_eq!(last, pages_each * 5);
        split.push(on_doomed);
    }
    eprintln!("pages answered by the killed instance, per kiosk: {split:?} of {pages_each}");
    assert!(
        split.iter().any(|&n| n > 0 && n < pages_each),
        "the kill did not fall in the storm: {split:?}"
    );
    let mut c = db(&url);
    let total = 8 * pages_each as i64 * 5;
    assert_eq!(count(&mut c, "SELECT COUNT(*) FROM ops"), total);
    assert_eq!(count(&mut c, "SELECT COUNT(*) FROM help_requests"), total);
    assert_eq!(
        count(
            &mut c,
            "SELECT COUNT(*) FROM ops WHERE rejected IS NOT NULL"
        ),
        0
    );
    let healthy = reqwest::blocking::get(format!("{survivor}/healthz")).unwrap();
    assert!(healthy.status().is_success());
}

/// Posts a login with a wrong password to `server` (its form fetched first); the status.
fn wrong_login(server: &ChildServer, name: &str) -> u16 {
    let http = support::admin::client();
    let form = http
        .get(format!("{}/admin/login", server.url()))
        .send()
        .unwrap();
    let (cookie, _) = support::admin::set_cookie(&form, "dd_login").unwrap();
    let token = support::admin::csrf(&form.text().unwrap());
    http.post(format!("{}/admin/login", server.url()))
        .header("cookie", format!("dd_login={cookie}"))
        .form(&[
            ("name", name),
            ("password", "not the password"),
            ("csrf", &token),
        ])
        .send()
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn login_limits_hold_across_instances() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((_url, servers)) = instances(2) else {
        return;
    };
    let limit = digidak_server::logins::MAX_FAILURES as usize;
    for i in 0..limit {
        assert_eq!(wrong_login(&servers[i % 2], "coord"), 401, "try {i}");
    }
    // The next try is refused at either instance: they count in one database.
    assert_eq!(wrong_login(&servers[0], "coord"), 429);
    assert_eq!(wrong_login(&servers[1], "coord"), 429);
}

/// Every table's rows, as text, in a stable order (SQLite side).
fn sqlite_rows(db: &Path, table: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
        .unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| match r.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => "NULL".to_string(),
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Real(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                // As PostgreSQL writes a bytea as text.
                rusqlite::types::ValueRef::Blob(b) => format!(
                    "\\x{}",
                    b.iter().map(|x| format!("{x:02x}")).collect::<String>()
                ),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The same on PostgreSQL, columns in SQLite's order and booleans as 0/1.
fn pg_rows(c: &mut postgres::Client, table: &str, columns: &[String]) -> Vec<String> {
    let list: Vec<String> = columns
        .iter()
        .map(|col| {
            format!(
                "CASE WHEN {col} IS NULL THEN 'NULL' ELSE \
                 (CASE pg_typeof({col})::text WHEN 'boolean' THEN ({col}::text = 'true')::int::text \
                  ELSE {col}::text END) END"
            )
        })
        .collect();
    let sql = format!(
        "SELECT concat_ws('|', {}) FROM {table} ORDER BY {}, {}",
        list.join(", "),
        columns[0],
        columns.get(1).unwrap_or(&columns[0])
    );
    c.query(&sql, &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

#[test]
fn migrate_copies_a_running_sqlite_installation_into_postgres() {
    if crate::support::once_per_run() {
        return;
    }
    let Some(cluster) = crate::pg::cluster() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("server.sqlite3");
    // A real installation: the demo content, a kiosk that pushed, and the server running.
    support::server_cli(&file, &["demo", "--admin", "coord"]);
    // A partner's uploaded logo (a PNG in the database).
    let logo = dir.path().join("logo.png");
    image::RgbImage::from_pixel(40, 30, image::Rgb([10, 80, 140]))
        .save(&logo)
        .unwrap();
    support::server_cli(
        &file,
        &[
            "partner",
            "logo",
            "--site",
            "demo-buurthuis",
            "OCMW (Voorbeeld)",
            logo.to_str().unwrap(),
        ],
    );
    // The same partner on a second site too (`partner_sites`).
    support::server_cli(
        &file,
        &[
            "partner",
            "sites",
            "--site",
            "demo-buurthuis",
            "OCMW (Voorbeeld)",
            "demo-buurthuis,demo-zuid",
        ],
    );
    let running = ChildServer::start(&file, "127.0.0.1:0");
    let (client, token) = {
        let code =
            support::server_cli(&file, &["kiosk", "add", "PC 9", "--site", "demo-buurthuis"]);
        let client = SyncClient::new(&running.url()).unwrap();
        let token = client.pair(code.trim(), 1).unwrap().token;
        (client, token)
    };
    let day = digidak_core::activities::local_now(support::now_ms())[..10].to_string();
    let mut ops: Vec<Op> = (1..=3).map(help).collect();
    ops.push(op(
        4,
        kinds::USAGE_VISIT,
        json!({"name": "lessons", "day": day}),
    ));
    ops.push(op(
        5,
        kinds::LESSON_EVENT,
        json!({"event": "opened", "topic": "email", "lesson": "email-basics", "day": day}),
    ));
    let r = client.push(&token, &page(ops)).unwrap();
    assert!(
        r.results
            .iter()
            .all(|r| matches!(r.status, OpStatus::Accepted)),
        "{r:?}"
    );
    let cursor = client.pull(&token, 0, 1000).unwrap().last_seq;

    let url = crate::pg::fresh_db(&cluster);
    let out = std::process::Command::new(support::server_bin())
        .args(["migrate", "--from"])
        .arg(&file)
        .args(["--to", &url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    eprintln!("{report}");

    // Every table: the same rows, value for value.
    let conn = rusqlite::Connection::open(&file).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut c = db(&url);
    let mut compared = 0;
    for table in &tables {
        let columns: Vec<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let ours = sqlite_rows(&file, table);
        let theirs = pg_rows(&mut c, table, &columns);
        assert_eq!(ours.len(), theirs.len(), "rows of {table}");
        let (mut a, mut b) = (ours.clone(), theirs.clone());
        a.sort();
        b.sort();
        assert_eq!(a, b, "{table}");
        assert!(
            report.contains(&format!("{table}\t{}", ours.len())),
            "{report}"
        );
        compared += ours.len();
    }
    assert!(compared > 30, "a real installation: {compared} rows");

    // The kiosk carries on against a server on the copy: same token, same place in the feed.
    drop(running);
    let moved = ChildServer::start(Path::new(&url), "127.0.0.1:0");
    let client = SyncClient::new(&moved.url()).unwrap();
    assert_eq!(client.status(&token).unwrap().next_index, 6);
    assert!(
        client
            .pull(&token, cursor, 1000)
            .unwrap()
            .changes
            .is_empty()
    );
    let r = client.push(&token, &page(vec![help(6)])).unwrap();
    assert_eq!(r.next_index, 7);
    let next = client.pull(&token, cursor, 1000).unwrap();
    assert_eq!(next.changes.len(), 1);
    assert!(next.changes[0].seq > cursor);

    // Into a database that holds data: refused, nothing written.
    let again = std::process::Command::new(support::server_bin())
        .args(["migrate", "--from"])
        .arg(&file)
        .args(["--to", &url])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("holds data already"));
}

#[test]
fn an_instance_whose_database_is_gone_says_so_at_start_and_at_healthz() {
    if crate::support::once_per_run() {
        return;
    }
    let Some((url, servers)) = instances(1) else {
        return;
    };
    let health = |s: &ChildServer| {
        let r = reqwest::blocking::get(format!("{}/healthz", s.url())).unwrap();
        (r.status().as_u16(), r.text().unwrap())
    };
    let (status, body) = health(&servers[0]);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"database\":\"reachable\""), "{body}");
    // The database goes away under the running instance.
    let (cluster, name) = url.rsplit_once('/').unwrap();
    let mut admin = db(&format!("{cluster}/postgres"));
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .unwrap();
    let (status, body) = health(&servers[0]);
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("unreachable"), "{body}");
    // Starting against a database that is not there: a plain sentence, exit code 1.
    let out = std::process::Command::new(support::server_bin())
        .args(["--db", &url, "kiosk", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("opening the PostgreSQL database"), "{err}");
    assert!(err.contains(name), "{err}");
}

#[test]
fn a_database_with_a_newer_schema_is_refused_and_left_as_it_is() {
    if crate::support::once_per_run() {
        return;
    }
    let Some(cluster) = crate::pg::cluster() else {
        return;
    };
    let url = crate::pg::fresh_db(&cluster);
    drop(PgServerStore::open(&url).unwrap());
    let mut c = db(&url);
    c.batch_execute("UPDATE schema_version SET version = 99")
        .unwrap();
    let refused = PgServerStore::open(&url);
    let Err(e) = refused else {
        panic!("a newer schema was opened");
    };
    assert!(
        e.to_string().contains("newer than this server knows"),
        "{e}"
    );
    assert_eq!(count(&mut c, "SELECT version FROM schema_version"), 99);
    // The CLI says the same and stops.
    let out = std::process::Command::new(support::server_bin())
        .args(["--db", &url, "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run a newer digidak-server"));
}

/// The database is named by `--db`, else `DIGIDAK_SERVER_DB`, else `DIGIDAK_DB` (the issue's
/// name), else the default file in the working folder.
#[test]
fn the_database_is_named_by_db_or_the_environment() {
    if crate::support::once_per_run() {
        return;
    }
    let Some(cluster) = crate::pg::cluster() else {
        return;
    };
    let url = crate::pg::fresh_db(&cluster);
    let store = PgServerStore::open(&url).unwrap();
    store.add_kiosk("PC by env", "noord", 0).unwrap();
    drop(store);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("other.sqlite3");
    let file = file.to_str().unwrap();
    let list = |args: &[&str], envs: &[(&str, &str)]| {
        let out = std::process::Command::new(support::server_bin())
            .args(args)
            .args(["kiosk", "list"])
            .env_remove("DIGIDAK_SERVER_DB")
            .env_remove("DIGIDAK_DB")
            .envs(envs.iter().copied())
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(list(&[], &[("DIGIDAK_DB", &url)]).contains("PC by env"));
    assert!(!list(&[], &[("DIGIDAK_DB", &url), ("DIGIDAK_SERVER_DB", file)]).contains("PC by env"));
    assert!(!list(&["--db", file], &[("DIGIDAK_DB", &url)]).contains("PC by env"));
    assert!(list(&["--db", &url], &[("DIGIDAK_SERVER_DB", file)]).contains("PC by env"));
    list(&[], &[]);
    assert!(dir.path().join("digidak-server.sqlite3").exists());
}
