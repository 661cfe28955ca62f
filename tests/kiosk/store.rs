//! The local store on real files: durability settings, migrations, refusal to touch damaged or
//! newer databases, and no loss when the writing process is killed.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use digidak::store::{DB_FILE, SCHEMA_VERSION, Store, StoreError};

#[test]
fn new_store_uses_wal_and_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    assert_eq!(store.pragma("synchronous").unwrap(), "2", "2 is FULL");
    assert_eq!(store.info().unwrap().schema_version, SCHEMA_VERSION);
    assert!(dir.path().join(DB_FILE).exists());
}

#[test]
fn data_survives_reopen_and_migrations_run_once() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut store = Store::open_in(dir.path()).unwrap();
        store.add_help_request(Some("Fatima"), 1_000).unwrap().id
    };
    let mut store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.info().unwrap().schema_version, SCHEMA_VERSION);
    let open = store.open_help_requests().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, id);
    assert_eq!(open[0].first_name.as_deref(), Some("Fatima"));
    assert!(store.mark_help_handled(&id, 2_000).unwrap());
    assert!(
        !store.mark_help_handled(&id, 3_000).unwrap(),
        "handling twice changes nothing"
    );
    assert!(store.open_help_requests().unwrap().is_empty());
    assert!(store.help_request(&id).unwrap().is_some());
}

#[test]
fn names_are_trimmed_and_empty_names_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let a = store.add_help_request(Some("   "), 1).unwrap();
    assert_eq!(a.first_name, None);
    let b = store
        .add_help_request(Some(&"é".repeat(10_000)), 2)
        .unwrap();
    assert_eq!(b.first_name.unwrap().chars().count(), 40);
}

#[test]
fn a_damaged_file_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    let junk = b"PK\x03\x04 this is a zip file someone saved here".repeat(100);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()));
    assert!(err.to_string().contains("left untouched"));
    assert_eq!(std::fs::read(&path).unwrap(), junk);
    assert!(!dir.path().join(format!("{DB_FILE}-wal")).exists());
}

#[test]
fn a_damaged_page_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let mut store = Store::open(&path).unwrap();
        for i in 0..500 {
            store.add_help_request(Some("x"), i).unwrap();
        }
    }
    // Scribble over a page in the middle of the file.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 3 * 4096);
    for b in &mut bytes[4096..2 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_newer_database_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!(*found, 99);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected TooNew, got {other}"),
    }
    assert!(err.to_string().contains("newer Digidak"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_impossible_data_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open_in(&file.join("data")).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err}");
}

#[test]
fn two_connections_write_at_once_without_busy_errors() {
    // The store worker and the sync worker each hold a connection to the same file.
    let dir = tempfile::tempdir().unwrap();
    Store::open_in(dir.path()).unwrap();
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = Store::open_in(&path).unwrap();
                for i in 0..200 {
                    let req = store.add_help_request(None, i).unwrap();
                    store.record_visit("home", i).unwrap();
                    store.mark_help_handled(&req.id, i).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("no writer failed");
    }
    let store = Store::open_in(dir.path()).unwrap();
    assert_eq!(store.outbox_counts().unwrap().pending, 2 * 200 * 3);
}

/// Run only as a child of `killed_writer_loses_nothing_it_committed`: writes help requests
/// forever, printing each id after its commit returned.
#[test]
fn child_writer() {
    let Ok(dir) = std::env::var("DIGIDAK_TEST_CHILD_DIR") else {
        return;
    };
    let mut store = Store::open_in(std::path::Path::new(&dir)).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let req = store.add_help_request(Some("Kid"), i).unwrap();
        writeln!(out, "committed {}", req.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn killed_writer_loses_nothing_it_committed() {
    let dir = tempfile::tempdir().unwrap();
    let mut committed: Vec<String> = Vec::new();
    for round in 0..12 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "store::child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("DIGIDAK_TEST_CHILD_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        // Kill at a different point each round, mid-stream of writes.
        let kill_after = 3 + round * 7;
        let mut seen = 0;
        while seen < kill_after {
            let line = lines.next().expect("child ended early").unwrap();
            if let Some(id) = line.strip_prefix("committed ") {
                committed.push(id.to_string());
                seen += 1;
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Anything it managed to print before dying was committed too.
        for line in lines.map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("committed ") {
                committed.push(id.to_string());
            }
        }

        let store = Store::open_in(dir.path()).expect("reopens after SIGKILL");
        assert_eq!(store.pragma("quick_check").unwrap(), "ok");
        for id in &committed {
            assert!(
                store.help_request(id).unwrap().is_some(),
                "round {round}: committed request {id} is lost"
            );
        }
    }
    assert!(committed.len() > 100);
}

/// A package upgrade: a file the previous release wrote (schema one below this build's), with
/// a resident's help request in it, is migrated on open and keeps its data.
#[test]
fn an_upgrade_migrates_a_file_of_the_previous_schema_and_keeps_its_data() {
    for old in [1, SCHEMA_VERSION - 1] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        Store::create_at_schema(&path, old).unwrap();
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute(
                "INSERT INTO help_requests (id, created_at_ms, first_name) VALUES ('h1', 5, 'Yusuf')",
                [],
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.info().unwrap().schema_version, SCHEMA_VERSION);
        let open = store.open_help_requests().unwrap();
        assert_eq!(open.len(), 1, "from schema {old}");
        assert_eq!(open[0].first_name.as_deref(), Some("Yusuf"));
        assert_eq!(store.pragma("journal_mode").unwrap(), "wal");
    }
}

/// A migration that fails (here: a table in its way) rolls back every migration of the
/// upgrade: the file is byte-for-byte what the previous release left, which still opens it.
#[test]
fn a_failed_migration_leaves_the_old_file_untouched() {
    // From schema 1, migration 6 creates `posts`, then `post_replies` (taken); from schema 6,
    // migration 7 adds three columns to `activities`, the third one taken; from the one before
    // last, the last migration creates `partners` (taken).
    for (old, fails_at) in [(1, 6), (6, 7), (SCHEMA_VERSION - 1, SCHEMA_VERSION)] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE);
        Store::create_at_schema(&path, old).unwrap();
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute(
                "INSERT INTO help_requests (id, created_at_ms, first_name) VALUES ('h1', 5, 'Yusuf')",
                [],
            )
            .unwrap();
            // Something in the upgrade's way, so that a migration fails.
            let in_the_way = match old {
                1 => "CREATE TABLE post_replies (x)",
                6 => "ALTER TABLE activities ADD COLUMN released_lease INTEGER",
                _ => "CREATE TABLE partners (x)",
            };
            conn.execute(in_the_way, []).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::Migration { from, to, .. }
                if from == old && to == fails_at),
            "{err}"
        );
        assert!(err.to_string().contains("left as it was"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "from schema {old}");
        let conn = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, old);
        let name: String = conn
            .query_row("SELECT first_name FROM help_requests", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Yusuf");
        // What the failed migration (or the ones before it in the upgrade) had done is gone.
        let half_done = match old {
            1 => "SELECT count(*) FROM sqlite_schema WHERE name = 'posts'",
            6 => "SELECT count(*) FROM pragma_table_info('activities') WHERE name = 'lease'",
            _ => "SELECT count(*) FROM pragma_table_info('partners') WHERE name = 'record'",
        };
        let left: i64 = conn.query_row(half_done, [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0, "the half-done migration was rolled back");
    }
}

/// A kiosk one version behind the server keeps every change: a newer server may add fields to
/// what it sends (here at the top and inside), and this release applies what it knows instead
/// of skipping the change.
#[test]
fn changes_with_fields_from_a_newer_server_are_applied_not_skipped() {
    use digidak_protocol::{Change, kinds};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let now = 1_900_000_000_000i64;
    let activity = serde_json::json!({
        "id": "0190b6f4-0000-7000-8000-00000000aaaa",
        "title": "Koffie en computer",
        "description": "", "picture": "calendar", "place": "Buurthuis",
        "start": "2099-12-09T14:00", "end": "2099-12-09T16:00", "deadline": "2099-12-09T12:00",
        "capacity": 10, "max_party": 3, "block": 0, "languages": ["nl"], "deleted": false,
        "accessible_by_wheelchair": true
    });
    let changes = vec![
        Change {
            seq: 1,
            kind: kinds::ACTIVITY_SAVED.into(),
            payload: serde_json::json!({
                "activity": activity, "free": 10, "confirmed": 0, "waitlisted": 0,
                "blocks": [], "lease_until_ms": now + 60_000
            }),
        },
        Change {
            seq: 2,
            kind: kinds::SIGNUP_STATUS.into(),
            payload: serde_json::json!({
                "id": "0190b6f4-0000-7000-8000-00000000bbbb",
                "activity_id": "0190b6f4-0000-7000-8000-00000000aaaa",
                "code": "00112233", "first_name": "Samira", "phone": null, "party": 1,
                "status": "confirmed", "seq": 1, "reminder_sent": false
            }),
        },
        Change {
            seq: 3,
            kind: kinds::POST_STATE.into(),
            payload: serde_json::json!({
                "post": {
                    "id": "0190b6f4-0000-7000-8000-00000000cccc", "code": "001122334455",
                    "kind": "ask", "category": "transport", "title": "Wie rijdt mee?",
                    "text": "", "languages": ["nl"], "partner": "OCMW"
                },
                "status": "public", "created_ms": now, "expires_ms": now + 86_400_000,
                "pinned": true
            }),
        },
        Change {
            seq: 4,
            kind: kinds::HELP_REQUESTED.into(),
            payload: serde_json::json!({
                "id": "0190b6f4-0000-7000-8000-00000000dddd", "created_at_ms": now,
                "first_name": "Omar", "kiosk_name": "PC 2", "urgent": true
            }),
        },
    ];
    store.apply_changes(&changes, 4).unwrap();
    let activities = store.upcoming_activities(now).unwrap();
    assert_eq!(activities.len(), 1, "activity.saved applied");
    let signups = store
        .signups_of("0190b6f4-0000-7000-8000-00000000aaaa")
        .unwrap();
    assert_eq!(signups.len(), 1, "signup.status applied");
    let posts = store.board_posts(now).unwrap();
    assert_eq!(posts.len(), 1, "post.state applied");
    assert_eq!(posts[0].post.title, "Wie rijdt mee?");
    let help = store.open_help_requests().unwrap();
    assert_eq!(help.len(), 1, "help.requested applied");
}

/// A change of a kind this release does not know (a newer server's) is kept, never skipped:
/// it is counted for admin mode, survives a restart, and a release that knows its kind
/// applies it when it opens the file.
#[test]
fn changes_of_an_unknown_kind_are_kept_and_applied_once_known() {
    use digidak_protocol::Change;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let now = 1_900_000_000_000i64;
    let changes = vec![
        Change {
            seq: 7,
            kind: "room.booked".into(),
            payload: serde_json::json!({"id": "r1", "room": "Zaal 2"}),
        },
        Change {
            seq: 8,
            kind: "room.booked".into(),
            payload: serde_json::json!({"id": "r2", "room": "Zaal 3"}),
        },
        // A known kind in a shape this release cannot read (a field became a list): kept too.
        Change {
            seq: 9,
            kind: "help.handled".into(),
            payload: serde_json::json!({"id": "h9", "handled_at_ms": [1, 2]}),
        },
    ];
    store.apply_changes(&changes, 9).unwrap();
    assert_eq!(store.cursor().unwrap(), 9, "the cursor moves on");
    let kept = vec![
        ("help.handled".to_string(), 1),
        ("room.booked".to_string(), 2),
    ];
    assert_eq!(store.kept_changes().unwrap(), kept);
    // Pulled again (a page retried): kept once.
    store.apply_changes(&changes, 9).unwrap();
    assert_eq!(store.kept_changes().unwrap(), kept);
    drop(store);
    // A change an older release kept, of a kind this release knows: applied at open.
    {
        let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
        let help = serde_json::json!({
            "id": "0190b6f4-0000-7000-8000-00000000dddd", "created_at_ms": now,
            "first_name": "Omar", "kiosk_name": "PC 2"
        });
        conn.execute(
            "INSERT INTO kept_changes (seq, kind, payload) VALUES (5, 'help.requested', ?1)",
            [help.to_string()],
        )
        .unwrap();
    }
    let store = Store::open_in(dir.path()).unwrap();
    let help = store.open_help_requests().unwrap();
    assert_eq!(help.len(), 1, "applied once known");
    assert_eq!(
        store.kept_changes().unwrap(),
        kept,
        "the unreadable ones stay kept"
    );
}
