//! `digidak-server` as an admin uses it: kiosk add / list / revoke, usage, clear errors, and a
//! graceful stop (SIGTERM) that finishes what is under way.

use crate::support;

use std::process::Command;
use std::time::Duration;

use digidak::sync::worker::SyncState;
use support::{ChildServer, SyncedKiosk, assert_exactly_once, server_bin, server_cli, wait_until};

fn run(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(server_bin())
        .arg("--db")
        .arg(support::server_db(db))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn kiosk_add_list_revoke_and_usage() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let code = server_cli(&db, &["kiosk", "add", "PC 1", "--site", "noord"]);
    let code = code.trim();
    assert_eq!(code.len(), 9, "{code}");
    let listed = server_cli(&db, &["kiosk", "list"]);
    assert!(
        listed.contains("PC 1\tnoord\twaiting for pairing\tnever"),
        "{listed}"
    );

    // Refusals are exit code 2 with a sentence.
    let again = run(&db, &["kiosk", "add", "PC 1", "--site", "noord"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));
    let bad_site = run(&db, &["kiosk", "add", "PC 9", "--site", "Buurthuis Noord!"]);
    assert_eq!(bad_site.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_site.stderr).contains("lowercase"));
    let nobody = run(&db, &["kiosk", "revoke", "PC 404"]);
    assert_eq!(nobody.status.code(), Some(2));

    // A kiosk pairs and syncs: list shows when, which version, its outbox.
    let server = ChildServer::start(&db, "127.0.0.1:0");
    let mut kiosk = SyncedKiosk::start(&dir.path().join("kiosk"));
    kiosk.pair(&server.url(), code).unwrap();
    for _ in 0..3 {
        kiosk.store.record_visit("help", support::now_ms()).unwrap();
    }
    kiosk.wait_synced(Duration::from_secs(20));
    let listed = server_cli(&db, &["kiosk", "list"]);
    let row = listed.lines().find(|l| l.starts_with("PC 1\t")).unwrap();
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols[2], "paired");
    assert!(cols[3].ends_with("UTC"), "{row}");
    assert_eq!(cols[4], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        cols[9],
        digidak_protocol::PROTOCOL_VERSION.to_string(),
        "{row}"
    );

    let usage = server_cli(&db, &["usage"]);
    assert!(
        usage.contains("noord\t") && usage.contains("\thelp\t3"),
        "{usage}"
    );

    assert!(server_cli(&db, &["kiosk", "revoke", "PC 1"]).contains("revoked"));
    kiosk.store.record_visit("home", support::now_ms()).unwrap();
    kiosk.sync.nudge();
    wait_until(Duration::from_secs(20), "revoked", || {
        kiosk.status().state == SyncState::Revoked
    });
    let listed = server_cli(&db, &["kiosk", "list"]);
    assert!(listed.contains("\trevoked\t"), "{listed}");
    // The name is free again for a new pairing.
    server_cli(&db, &["kiosk", "add", "PC 1", "--site", "noord"]);
}

#[test]
fn a_damaged_database_or_a_busy_port_is_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    // (A damaged file is SQLite's; PostgreSQL's unreachable database: `instances.rs`.)
    if !support::on_postgres() {
        std::fs::write(&db, b"not a database, someone's notes").unwrap();
        let out = run(&db, &["kiosk", "list"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&db.display().to_string()), "{err}");
        assert!(err.contains("left untouched"), "{err}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            b"not a database, someone's notes"
        );
    }

    // A recommended kiosk release must be a release number.
    let out = run(&db, &["serve", "--recommend-kiosk", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"soon\" is not a release number like 0.2.0"),
        "{err}"
    );

    let db = dir.path().join("ok.sqlite3");
    let first = ChildServer::start(&db, "127.0.0.1:0");
    let out = run(&db, &["serve", "--listen", &first.addr.to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot listen on {}", first.addr)),
        "{err}"
    );
}

#[test]
fn sigterm_finishes_what_is_under_way_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let support::ChildSetup {
        db,
        mut server,
        kiosk_dir,
        mut kiosk,
    } = support::child_server_and_kiosk(dir.path());
    let addr = server.addr;
    for round in 0..5 {
        for _ in 0..200 {
            kiosk.store.record_visit("home", support::now_ms()).unwrap();
        }
        kiosk.sync.nudge();
        std::thread::sleep(Duration::from_millis(5 + round * 20));
        let pid = server.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = server.child.wait().unwrap();
        assert!(status.success(), "a stop by SIGTERM exits 0: {status:?}");
        server = ChildServer::start(&db, &addr.to_string());
    }
    kiosk.wait_synced(Duration::from_secs(60));
    drop(kiosk);
    assert_exactly_once(&kiosk_dir, &db, "PC 1", "noord");
}

/// A backup taken while kiosks push is a consistent database that holds what was committed.
#[test]
fn a_backup_while_serving_is_a_consistent_copy() {
    if crate::support::sqlite_only("SQLite's online backup API") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let code = server_cli(&db, &["kiosk", "add", "PC 1", "--site", "noord"]);
    let server = ChildServer::start(&db, "127.0.0.1:0");
    let kiosk = SyncedKiosk::start(&dir.path().join("k"));
    kiosk.pair(&server.url(), code.trim()).unwrap();
    let mut store = digidak::store::Store::open_in(&kiosk.dir).unwrap();
    for i in 0..200 {
        store
            .record_visit("session", 1_795_000_000_000 + i)
            .unwrap();
        if i % 20 == 0 {
            kiosk.sync.nudge();
        }
    }
    // While the kiosk is still pushing.
    let backup = dir.path().join("backup.sqlite3");
    let out = run(&db, &["backup", "--to", backup.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copy = rusqlite::Connection::open(&backup).unwrap();
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let kiosks: i64 = copy
        .query_row("SELECT COUNT(*) FROM kiosks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kiosks, 1);
    let ops: i64 = copy
        .query_row("SELECT COUNT(*) FROM ops", [], |r| r.get(0))
        .unwrap();
    assert!(ops <= 200);
    // It opens as a server database, and refuses to overwrite an existing file.
    assert!(run(&backup, &["kiosk", "list"]).status.success());
    let again = run(&db, &["backup", "--to", backup.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    kiosk.wait_synced(Duration::from_secs(30));
}
