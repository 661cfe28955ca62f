//! The server's deployment as the packages install it: the nightly backup script
//! (`deploy/server/digidak-server-backup`, what `digidak-server-backup.service` runs) against a
//! real server process with a real kiosk syncing, its rotation, and a restore by the README's
//! steps onto which a new server starts and serves the same data.
//! (`scripts/test-install` checks the installed packages and units as root.)

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use support::{ChildServer, child_server_and_kiosk, server_bin, server_cli, server_help_ids};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../deploy/server/digidak-server-backup"
);

fn backup(db: &Path, dir: &Path, keep: &str) -> Output {
    Command::new(SCRIPT)
        .env("DIGIDAK_SERVER_BIN", server_bin())
        .env("DIGIDAK_SERVER_DB", db)
        .env("DIGIDAK_BACKUP_DIR", dir)
        .env("DIGIDAK_BACKUP_KEEP", keep)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn nightly_backups_rotate_and_a_restored_backup_serves_the_same_data() {
    if crate::support::sqlite_only(
        "backups and restores of the SQLite file (PostgreSQL: pg_dump, README)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut setup = child_server_and_kiosk(dir.path());
    let mut help = Vec::new();
    let backup_dir = dir.path().join("backups");
    // Someone else's file in the backup folder is never touched by the rotation.
    std::fs::create_dir_all(&backup_dir).unwrap();
    std::fs::write(backup_dir.join("notes.txt"), "keep me").unwrap();
    let mut store = digidak::store::Store::open_in(&setup.kiosk_dir).unwrap();
    for night in 0..3 {
        help.push(
            store
                .add_help_request(None, support::now_ms() + night)
                .unwrap()
                .id,
        );
        setup.kiosk.wait_synced(Duration::from_secs(30));
        let out = backup(&setup.db, &backup_dir, "2");
        assert!(
            out.status.success(),
            "backup failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Backup names carry the second they were made.
        std::thread::sleep(Duration::from_millis(1_100));
    }
    let kept = backups(&backup_dir);
    let names: Vec<String> = kept
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "two backups and notes.txt: {names:?}");
    assert_eq!(names[0], "notes.txt");
    assert!(
        names[1..]
            .iter()
            .all(|n| n.starts_with("server-") && n.ends_with("Z.sqlite3"))
    );
    let newest = kept[2].clone();
    let held = server_help_ids(&newest, "noord");
    help.sort();
    assert_eq!(
        held, help,
        "the newest backup holds all three help requests"
    );
    let older = server_help_ids(&kept[1], "noord");
    assert_eq!(older.len(), 2, "the one before holds two");

    // Restore as the README says: stop the server, copy the backup over the database, delete
    // its -wal and -shm files, start the server.
    setup.server.kill();
    std::fs::copy(&newest, &setup.db).unwrap();
    for ext in ["-wal", "-shm"] {
        let mut p = setup.db.clone().into_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(p);
    }
    let server = ChildServer::start(&setup.db, "127.0.0.1:0");
    assert_eq!(server_help_ids(&setup.db, "noord"), help);
    let list = server_cli(&setup.db, &["kiosk", "list"]);
    assert!(list.contains("PC 1"), "{list}");
    // It serves: the phone pages answer, and the kiosk's token is still known.
    let page = reqwest::blocking::get(format!("{}/lessons", server.url())).unwrap();
    assert_eq!(page.status(), 200);
    let token = std::fs::read_to_string(setup.kiosk_dir.join("server-token")).unwrap();
    let status = reqwest::blocking::Client::new()
        .get(format!(
            "{}/api/v1/status?protocol={}",
            server.url(),
            digidak_protocol::PROTOCOL_VERSION
        ))
        .bearer_auth(token.trim())
        .send()
        .unwrap();
    assert_eq!(status.status(), 200, "the restored server knows the kiosk");
}

#[test]
fn a_bad_keep_count_or_a_missing_database_is_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    server_cli(&db, &["usage"]);
    for keep in ["0", "x", "-1"] {
        let out = backup(&db, &dir.path().join("b"), keep);
        assert_eq!(out.status.code(), Some(2), "keep {keep:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("DIGIDAK_BACKUP_KEEP"));
    }
    let out = backup(
        &dir.path().join("nothing.sqlite3"),
        &dir.path().join("b"),
        "3",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
    assert!(
        !dir.path().join("nothing.sqlite3").exists(),
        "no empty database made"
    );
}
