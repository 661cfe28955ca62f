//! Partners' logos reach a kiosk (issue 21), with real parts: a real server in the test
//! process, partners saved and their logos stored through the server's store (as the admin
//! web and the CLI do), a real kiosk store syncing with its sync worker. The logo lands in
//! the kiosk's data folder under its SHA-256; answers that are not the logo they name (wrong
//! bytes, too big, not a PNG) are refused and sync goes on; a logo no partner names any more
//! is removed.

use std::path::Path;
use std::time::Duration;

use crate::support;

use digidak::sync::logos::{
    LOGO_DIR, LogoError, MAX_LOGO_BYTES, fetch_logo, kept_logos, logo_path,
};
use digidak::sync::worker::SyncState;
use digidak_core::logo::{Logo, logo_hash, prepare_logo};
use digidak_protocol::PartnerRecord;
use support::{InProcessServer, SyncedKiosk, now_ms, wait_until};

fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn partner(server: &InProcessServer, name: &str) -> String {
    server
        .store
        .save_partner(
            "noord",
            &PartnerRecord {
                id: String::new(),
                name: name.into(),
                description: String::new(),
                picture: String::new(),
                categories: vec!["paperwork".into()],
                hours: Vec::new(),
                address: String::new(),
                contact: String::new(),
                deleted: false,
                trusted: false,
                logo: String::new(),
            },
            now_ms(),
        )
        .unwrap()
        .id
}

/// Replaces the PNG the server keeps under `hash` (what a broken or hostile server answers).
fn tamper(db: &Path, hash: &str, bytes: &[u8]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let n = conn
        .execute(
            "UPDATE partner_logos SET png = ?1 WHERE hash = ?2",
            rusqlite::params![bytes, hash],
        )
        .unwrap();
    assert_eq!(n, 1, "the server keeps logo {hash}");
}

#[test]
fn a_partners_logo_is_fetched_checked_kept_and_removed_and_bad_answers_never_stop_sync() {
    if support::on_postgres() {
        // The bad answers are made by changing the server's SQLite file; the rest is the
        // same on both databases (the server's own tests run those).
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let ark = partner(&server, "De Ark");
    let wrong = partner(&server, "Verkeerd");
    let big = partner(&server, "Te groot");
    let not_png = partner(&server, "Geen PNG");
    let good = prepare_logo(&png(300, 200, [200, 40, 40])).unwrap();
    server
        .store
        .set_partner_logo(&ark, Some(&good), now_ms())
        .unwrap();
    // Three logos the server answers wrongly: other bytes than their name says, more than
    // the kiosk takes, and bytes named rightly that are not a PNG.
    let wrong_logo = prepare_logo(&png(40, 40, [0, 90, 0])).unwrap();
    let big_logo = prepare_logo(&png(40, 40, [0, 0, 90])).unwrap();
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let gif_logo = Logo {
        hash: logo_hash(&gif),
        png: gif,
    };
    for (id, logo) in [
        (&wrong, &wrong_logo),
        (&big, &big_logo),
        (&not_png, &gif_logo),
    ] {
        server
            .store
            .set_partner_logo(id, Some(logo), now_ms())
            .unwrap();
    }
    tamper(&server.db, &wrong_logo.hash, &png(41, 41, [1, 2, 3]));
    tamper(&server.db, &big_logo.hash, &vec![7u8; MAX_LOGO_BYTES + 1]);

    let kiosk_dir = dir.path().join("kiosk");
    let kiosk = SyncedKiosk::start(&kiosk_dir);
    kiosk
        .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
        .unwrap();

    // The good logo arrives under its name, byte for byte the server's PNG.
    let path = logo_path(&kiosk_dir, &good.hash).unwrap();
    wait_until(
        Duration::from_secs(20),
        "De Ark's logo on the kiosk",
        || path.exists(),
    );
    let kept = std::fs::read(&path).unwrap();
    assert_eq!(logo_hash(&kept), good.hash);
    assert_eq!(kept, good.png);
    // The store has every partner, each naming its logo, and sync goes on: more rounds
    // succeed after the refusals.
    assert_eq!(kiosk.store.partners().unwrap().len(), 4);
    let after = kiosk.status().last_success_ms.unwrap();
    wait_until(Duration::from_secs(20), "another sync round", || {
        let s = kiosk.status();
        s.state == SyncState::Online && s.last_success_ms.is_some_and(|t| t > after)
    });
    let s = kiosk.status();
    assert_eq!(s.last_error, None, "{s:?}");
    // Only the good one is kept; nothing half-written is left.
    assert_eq!(
        kept_logos(&kiosk_dir).into_iter().collect::<Vec<_>>(),
        vec![good.hash.clone()]
    );
    let files: Vec<_> = std::fs::read_dir(kiosk_dir.join(LOGO_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, vec![format!("{}.png", good.hash)], "{files:?}");

    // Each bad answer is refused for what it is, by the same fetch the worker uses.
    let client = digidak::sync::client::SyncClient::new(&server.url()).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    for (hash, why) in [
        (&wrong_logo.hash, "do not match"),
        (&big_logo.hash, "more than 1048576 bytes"),
        (&gif_logo.hash, "not a readable PNG"),
        (&"0".repeat(64), "no such logo"),
    ] {
        let e = fetch_logo(&client, scratch.path(), hash).unwrap_err();
        assert!(e.to_string().contains(why), "{why}: {e}");
        assert!(kept_logos(scratch.path()).is_empty());
    }
    assert!(matches!(
        fetch_logo(&client, scratch.path(), "../../etc/passwd"),
        Err(LogoError::BadName(_))
    ));

    // A new logo for De Ark: the new one comes, the old one (no partner names it) goes.
    let newer = prepare_logo(&png(64, 64, [10, 10, 200])).unwrap();
    server
        .store
        .set_partner_logo(&ark, Some(&newer), now_ms())
        .unwrap();
    kiosk.sync.nudge();
    let newer_path = logo_path(&kiosk_dir, &newer.hash).unwrap();
    wait_until(
        Duration::from_secs(20),
        "the new logo, the old gone",
        || newer_path.exists() && !path.exists(),
    );
    // No logo any more: removed from the data folder too.
    server.store.set_partner_logo(&ark, None, now_ms()).unwrap();
    kiosk.sync.nudge();
    wait_until(Duration::from_secs(20), "the logo removed", || {
        !newer_path.exists()
    });
    assert_eq!(kiosk.status().state, SyncState::Online);
}
