//! The ask & offer board across kiosks, with real stores, real sync workers and a real server
//! on 127.0.0.1: a post made at one kiosk is approved at another and appears on both; replies,
//! renewals and the end of a post travel by code; reported and expired posts leave every board;
//! another site never sees any of it.

use crate::support;

use std::time::Duration;

use digidak::store::Store;
use digidak_core::board::{Category, DAY_MS, PostDraft, PostKind, check_post};
use digidak_protocol::PostModerated;
use support::{InProcessServer, SyncedKiosk, approve, now_ms, wait_until};

fn draft(title: &str) -> digidak_core::board::CheckedPost {
    check_post(&PostDraft {
        kind: Some(PostKind::Ask),
        category: Some(Category::Transport),
        title: title.into(),
        text: "Dinsdag om 9 uur naar het ziekenhuis.".into(),
        languages: vec!["nl".into(), "ar".into()],
    })
    .unwrap()
}

fn on_board(store: &Store, id: &str, at: i64) -> bool {
    store
        .board_posts(at)
        .unwrap()
        .iter()
        .any(|p| p.post.id == id)
}

/// Nudges both kiosks until `check` holds for each.
fn wait_both(a: &SyncedKiosk, b: &SyncedKiosk, what: &str, check: impl Fn(&Store) -> bool) {
    wait_until(Duration::from_secs(30), what, || {
        a.sync.nudge();
        b.sync.nudge();
        check(&a.store) && check(&b.store)
    });
}

#[test]
fn a_post_is_approved_elsewhere_answered_renewed_reported_and_ended_across_kiosks() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let kiosks: Vec<SyncedKiosk> = ["a", "b", "z"]
        .iter()
        .map(|n| {
            let k = SyncedKiosk::start(&dir.path().join(n));
            let site = if *n == "z" { "zuid" } else { "noord" };
            k.pair(&server.url(), &server.add_kiosk(&format!("PC {n}"), site))
                .unwrap();
            k
        })
        .collect();
    let (a, b, z) = (&kiosks[0], &kiosks[1], &kiosks[2]);
    // The coordinator keeps posts of this site up for 3 days.
    server.store.set_post_days("noord", 3).unwrap();

    // A resident posts at kiosk A: waiting for a volunteer, on no board yet.
    let mut store_a = Store::open_in(&a.dir).unwrap();
    let post = store_a
        .create_post(&draft("Wie rijdt mee?"), now_ms())
        .unwrap();
    let (id, code) = (post.post.id.clone(), post.post.code.clone());
    assert_eq!(post.status, "waiting");
    a.wait_synced(Duration::from_secs(20));
    // A volunteer at kiosk B sees it in the queue and approves it.
    wait_both(a, b, "post in both queues", |s| {
        s.moderation_queue()
            .unwrap()
            .iter()
            .any(|p| p.post.id == id)
    });
    let mut store_b = Store::open_in(&b.dir).unwrap();
    assert!(store_b.moderate_post(&approve(&id), now_ms()).unwrap());
    b.wait_synced(Duration::from_secs(20));
    wait_both(a, b, "approved post on both boards", |s| {
        on_board(s, &id, now_ms())
    });
    let (site, state, _) = server.store.post_by_code(&code).unwrap().unwrap();
    assert_eq!((site.as_str(), state.status.as_str()), ("noord", "public"));
    let expires = state.expires_ms.unwrap();
    assert!(
        (expires - now_ms() - 3 * DAY_MS).abs() < 60_000,
        "the site's 3 days"
    );

    // Someone at kiosk B answers, with a phone number; the poster reads it at kiosk A.
    store_b
        .reply_to_post(&id, "Ik kan rijden.", Some("0470 11 22 33"), now_ms())
        .unwrap();
    b.wait_synced(Duration::from_secs(20));
    wait_both(a, b, "reply on both kiosks", |s| {
        s.post_by_code(&code).unwrap().unwrap().replies.len() == 1
    });
    let mine = store_a.post_by_code(&code).unwrap().unwrap();
    assert_eq!(mine.replies[0].contact.as_deref(), Some("0470 11 22 33"));
    // The phone token stays where the post was made (its QR code again), through the server's
    // states; kiosk B never has it, and its phone page works.
    assert_eq!(mine.post.post.token, post.post.token);
    let token = post.post.token.clone().unwrap();
    assert_eq!(
        store_b
            .post_by_code(&code)
            .unwrap()
            .unwrap()
            .post
            .post
            .token,
        None
    );
    let page = reqwest::blocking::get(format!("{}/posts/{token}?lang=nl", server.url())).unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("Ik kan rijden."));
    // Its code is in kiosk A's own range.
    let range = store_a.code_range().unwrap();
    assert!(
        range > 0 && code.starts_with(&format!("{range:03}")),
        "{code}"
    );

    // Three days is within a week of the end: "still needed?" — renewed at kiosk B by code.
    assert!(digidak_core::board::renewable(&mine.post, now_ms()));
    std::thread::sleep(Duration::from_millis(5));
    assert!(store_b.renew_post(&code, now_ms()).unwrap());
    b.wait_synced(Duration::from_secs(20));
    wait_until(Duration::from_secs(20), "renewed on the server", || {
        let (_, p, _) = server.store.post_by_code(&code).unwrap().unwrap();
        p.expires_ms.unwrap() > expires
    });

    // Reported at kiosk A: off both boards until a volunteer decides; approved again at A.
    assert!(store_a.report_post(&id, now_ms()).unwrap());
    assert!(!on_board(&store_a, &id, now_ms()), "gone here at once");
    a.wait_synced(Duration::from_secs(20));
    wait_both(a, b, "reported post off both boards", |s| {
        !on_board(s, &id, now_ms())
            && s.moderation_queue()
                .unwrap()
                .iter()
                .any(|p| p.post.id == id && p.reports == 1)
    });
    assert!(store_a.moderate_post(&approve(&id), now_ms()).unwrap());
    a.wait_synced(Duration::from_secs(20));
    wait_both(a, b, "back on both boards", |s| on_board(s, &id, now_ms()));

    // Expired: after its days it is on no board, here or on the server.
    let later = now_ms() + 4 * DAY_MS;
    assert!(!on_board(&store_a, &id, later) && !on_board(&store_b, &id, later));
    let (_, p, _) = server.store.post_by_code(&code).unwrap().unwrap();
    assert!(!digidak_core::board::on_board(&p, later));

    // The poster ends it at kiosk A: it helped. Gone everywhere; counted as a match.
    assert!(store_a.close_post(&code, true, now_ms()).unwrap());
    a.wait_synced(Duration::from_secs(20));
    wait_both(a, b, "ended post off both boards", |s| {
        !on_board(s, &id, now_ms())
    });
    let numbers = server.store.numbers().unwrap();
    let figure = |what: &str| {
        numbers
            .iter()
            .filter(|(s, _, w, _)| s == "noord" && w == what)
            .map(|r| r.3)
            .sum::<i64>()
    };
    assert_eq!(
        (
            figure("board.posts"),
            figure("board.replies"),
            figure("board.matches")
        ),
        (1, 1, 1)
    );

    // Kiosk Z of another site never got the post, its code or the reply.
    z.sync.nudge();
    z.wait_synced(Duration::from_secs(20));
    let store_z = Store::open_in(&z.dir).unwrap();
    assert!(store_z.post_by_code(&code).unwrap().is_none());
    assert!(store_z.moderation_queue().unwrap().is_empty());
    // Every op reached the server exactly once.
    for k in [a, b] {
        assert_eq!(k.store.outbox_counts().unwrap().dead, 0);
    }
}

#[test]
fn a_rejected_post_tells_its_poster_why_and_a_post_made_offline_arrives_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let a_dir = dir.path().join("a");
    // Made before the kiosk was ever paired (or while offline): kept in the outbox.
    let mut store = Store::open_in(&a_dir).unwrap();
    let post = store
        .create_post(&draft("Verkoop mijn fiets"), now_ms())
        .unwrap();
    let a = SyncedKiosk::start(&a_dir);
    a.pair(&server.url(), &server.add_kiosk("PC a", "noord"))
        .unwrap();
    a.wait_synced(Duration::from_secs(20));
    a.wait_synced(Duration::from_secs(20));
    assert_eq!(server.store.posts("noord", &["waiting"]).unwrap().len(), 1);
    let m = PostModerated {
        decision: "reject".into(),
        reason: Some("Dit gaat over geld of verkoop.".into()),
        ..approve(&post.post.id)
    };
    server.store.moderate_post(&m, now_ms()).unwrap();
    wait_until(Duration::from_secs(20), "rejection pulled", || {
        a.sync.nudge();
        store
            .post_by_code(&post.post.code)
            .unwrap()
            .is_some_and(|p| p.post.status == "rejected")
    });
    let mine = store.post_by_code(&post.post.code).unwrap().unwrap();
    assert_eq!(
        mine.post.reason.as_deref(),
        Some("Dit gaat over geld of verkoop.")
    );
    // A reject without a reason is refused (the poster must learn why).
    let bare = PostModerated {
        reason: Some("  \u{200B} ".into()),
        ..m.clone()
    };
    assert!(server.store.moderate_post(&bare, now_ms()).is_err());
}

#[test]
fn replies_are_forgotten_a_month_after_their_post_ended_on_the_server_and_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let k = SyncedKiosk::start(&dir.path().join("k"));
    k.pair(&server.url(), &server.add_kiosk("PC k", "noord"))
        .unwrap();
    let mut store = Store::open_in(&k.dir).unwrap();
    let post = store
        .create_post(&draft("Wie rijdt mee?"), now_ms())
        .unwrap();
    let (id, code) = (post.post.id.clone(), post.post.code.clone());
    k.wait_synced(Duration::from_secs(20));
    server.store.moderate_post(&approve(&id), now_ms()).unwrap();
    wait_until(Duration::from_secs(20), "approval pulled", || {
        k.sync.nudge();
        on_board(&store, &id, now_ms())
    });
    store
        .reply_to_post(
            &id,
            "Ik rij graag, groetjes Fatima",
            Some("0470 99 88 77"),
            now_ms(),
        )
        .unwrap();
    k.wait_synced(Duration::from_secs(20));
    // The poster has read it and takes the post away: it ended today.
    assert!(store.close_post(&code, false, now_ms()).unwrap());
    k.wait_synced(Duration::from_secs(20));
    let (_, p, replies) = server.store.post_by_code(&code).unwrap().unwrap();
    assert_eq!((p.status.as_str(), replies.len()), ("closed", 1));
    assert!(p.ended_ms.is_some());
    // While it is fresh, the poster still reads the reply, and learns until when.
    let wiped_on = digidak_core::board::replies_wiped_on(&p, now_ms()).unwrap();
    assert!((wiped_on - now_ms() - 30 * DAY_MS).abs() < 60_000);

    // Both files hold the reply now (so the check below can fail).
    let leaks = |base: &std::path::Path| {
        let files: Vec<Vec<u8>> = if base == db.as_path() {
            support::server_contents(base)
        } else {
            ["", "-wal"]
                .iter()
                .filter_map(|ext| std::fs::read(format!("{}{ext}", base.display())).ok())
                .collect()
        };
        files.into_iter().any(|raw| {
            raw.windows(6).any(|w| w == b"Fatima") || raw.windows(13).any(|w| w == b"0470 99 88 77")
        })
    };
    let kiosk_db = dir.path().join("k").join(digidak::store::DB_FILE);
    assert!(leaks(&db) && leaks(&kiosk_db));

    let month_later = now_ms() + 31 * DAY_MS;
    assert_eq!(server.store.forget_old_replies(30, now_ms()).unwrap(), 0);
    assert_eq!(server.store.forget_old_replies(30, month_later).unwrap(), 1);
    let (_, _, replies) = server.store.post_by_code(&code).unwrap().unwrap();
    assert!(digidak_core::board::reply_forgotten(&replies[0]));
    let replied = server
        .store
        .numbers()
        .unwrap()
        .iter()
        .filter(|(s, _, w, _)| s == "noord" && w == "board.replies")
        .map(|r| r.3)
        .sum::<i64>();
    assert_eq!(replied, 1, "the count stays");
    // The kiosk learned that the post ended, and forgets by the same rule.
    wait_until(Duration::from_secs(20), "closed state pulled", || {
        k.sync.nudge();
        store
            .post_by_code(&code)
            .unwrap()
            .is_some_and(|m| m.post.ended_ms.is_some())
    });
    assert_eq!(store.forget_old_replies(30, now_ms()).unwrap(), 0);
    assert_eq!(store.forget_old_replies(30, month_later).unwrap(), 1);
    let mine = store.post_by_code(&code).unwrap().unwrap();
    assert!(digidak_core::board::reply_forgotten(&mine.replies[0]));

    // Nothing of it is left in either file: replies, operations, change feed, log.
    assert!(!leaks(&db), "the server's files still hold the reply");
    drop(store);
    drop(k);
    assert!(!leaks(&kiosk_db), "the kiosk's files still hold the reply");
}
