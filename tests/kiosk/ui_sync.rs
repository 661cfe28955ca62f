//! Admin mode pairs the kiosk with a real server on 127.0.0.1, as an admin would: by typing
//! the address and the code into the labelled fields. Wrong codes, dead addresses and a revoked
//! kiosk are told in plain words.

use crate::common;
use crate::support;

use common::{open_admin, pair, settle_state, start};
use digidak::sync::worker::SyncState;
use egui_kittest::kittest::Queryable;
use support::InProcessServer;

#[test]
fn an_admin_pairs_the_kiosk_by_typing_address_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start();
    open_admin(&mut k);

    pair(&mut k, "http://127.0.0.1:9", &code);
    assert!(k.has("De server antwoordt niet. Kijk het adres en de internetverbinding na."));
    pair(&mut k, "digidak punt be", &code);
    assert!(k.has("Dat is geen webadres. Een webadres begint met https:// ."));
    pair(&mut k, &server.url(), "ABCD-EFGH");
    let wrong = "Deze koppelcode klopt niet, is al gebruikt of is verlopen. Maak een nieuwe code op de server.";
    assert!(k.has(wrong));
    // Form, button and answer fit on a 1280x800 screen above the language bar: no scrolling.
    for label in ["Adres van de server", "Koppelcode", "Koppelen", wrong] {
        let rect = k.harness.get_by_label(label).rect();
        assert!(rect.bottom() < 700.0, "{label} is below the fold: {rect:?}");
    }

    pair(&mut k, &server.url(), &code);
    assert!(k.has("Gekoppeld als PC 1."), "{:?}", k.all_text());
    assert!(k.has_containing("Gekoppeld als PC 1 (plaats noord)"));
    settle_state(&mut k, SyncState::Online);
    assert!(k.has("Verbonden met de server."));
    assert!(k.has("Wacht op verzending: 0"));
    // The code is not left on screen for the next person.
    assert!(!k.all_text().iter().any(|t| t.contains(&code)));
    // Nor is the token, anywhere.
    let token = std::fs::read_to_string(k.dir.path().join("server-token")).unwrap();
    assert!(!k.all_text().iter().any(|t| t.contains(token.trim())));
}

#[test]
fn a_revoked_kiosk_says_so_in_admin_mode() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start();
    open_admin(&mut k);
    pair(&mut k, &server.url(), &code);
    settle_state(&mut k, SyncState::Online);
    assert!(
        server
            .store
            .revoke_kiosk("PC 1", support::now_ms())
            .unwrap()
    );
    // The next poll (every few seconds) learns it.
    settle_state(&mut k, SyncState::Revoked);
    k.harness.run();
    assert!(k.has("De server weigert deze computer. Koppel opnieuw met een nieuwe code."));
    assert!(k.has_containing("pair it again in admin mode"));
}

#[test]
fn a_help_call_at_another_kiosk_of_the_site_shows_on_this_volunteer_screen() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let mut k = start();
    open_admin(&mut k);
    pair(&mut k, &server.url(), &server.add_kiosk("Balie", "noord"));
    k.click("Sluiten");

    // A resident at another computer of the same room asks for help.
    let mut other = support::SyncedKiosk::start(&dir.path().join("pc2"));
    other
        .pair(&server.url(), &server.add_kiosk("PC 2", "noord"))
        .unwrap();
    let request = other
        .store
        .add_help_request(Some("Yusuf"), support::now_ms())
        .unwrap();
    other.sync.nudge();

    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.settle(|u| !u.kiosk.help_requests.is_empty());
    assert!(
        k.has("Yusuf — wacht 0 min — bij PC 2"),
        "{:?}",
        k.all_text()
    );
    // Handled here, and the other computer learns it.
    k.click("Geholpen");
    support::wait_until(
        std::time::Duration::from_secs(15),
        "PC 2 sees it handled",
        || {
            !other
                .store
                .open_help_requests()
                .unwrap()
                .iter()
                .any(|r| r.id == request.id)
        },
    );
}

#[test]
fn usage_counts_sessions_and_module_visits_and_nothing_personal() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Fatima");
    k.click("Roep een begeleider");
    k.settle(|u| u.kiosk.screen() == digidak::app::Screen::Module(digidak::modules::help::SENT));
    k.click("Ik ben klaar");
    k.click("Ik wil hulp");
    k.click("Start");
    k.click("Ik wil hulp");
    let dir = k.dir.path().to_path_buf();
    let visits = || {
        let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
        let mut stmt = conn
            .prepare("SELECT payload FROM outbox WHERE kind = 'usage.visit' ORDER BY idx")
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    support::wait_until(std::time::Duration::from_secs(10), "visits saved", || {
        visits().len() == 5
    });
    let names: Vec<String> = visits()
        .iter()
        .map(|p| {
            serde_json::from_str::<serde_json::Value>(p).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    // Two sessions (split by "I'm done"); three visits to the help module.
    assert_eq!(names, ["session", "help", "session", "help", "help"]);
    for p in visits() {
        assert!(!p.contains("Fatima"), "{p}");
        let v: serde_json::Value = serde_json::from_str(&p).unwrap();
        assert_eq!(
            v.as_object().unwrap().len(),
            2,
            "only a name and a day: {p}"
        );
    }
}

/// A newer server sends a change of a kind this kiosk does not know: admin mode says so and
/// which kind (kept until an update applies it), instead of skipping it silently.
#[test]
fn admin_mode_warns_of_changes_from_a_newer_server_it_keeps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start();
    open_admin(&mut k);
    pair(&mut k, &server.url(), &code);
    settle_state(&mut k, SyncState::Online);
    // What a newer server would write into its change feed.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO changes (site, kind, payload, created_ms)
             VALUES ('noord', 'room.booked', '{\"id\": \"r1\"}', 0)",
            [],
        )
        .unwrap();
    k.settle(|u| {
        u.kiosk
            .sync_status()
            .is_some_and(|s| !s.kept_changes.is_empty())
    });
    assert!(
        k.has_containing(
            "1 wijziging(en) van een nieuwere server die hij nog niet kent (room.booked)"
        ),
        "{:?}",
        k.all_text()
    );
}

#[test]
fn admin_mode_says_when_the_server_recommends_a_newer_release() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    // The server's own release (the kiosk's too): nothing to say.
    let same = InProcessServer::start(&db);
    let code = same.add_kiosk("PC 1", "noord");
    let mut k = start();
    open_admin(&mut k);
    pair(&mut k, &same.url(), &code);
    settle_state(&mut k, SyncState::Online);
    let recommended = |k: &common::TestKiosk| {
        k.harness
            .state()
            .kiosk
            .sync_status()
            .and_then(|s| s.recommended_version)
    };
    k.settle(|u| {
        u.kiosk
            .sync_status()
            .is_some_and(|s| s.recommended_version.is_some())
    });
    assert_eq!(recommended(&k).as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert!(!k.has_containing("nieuwere versie"));
    let addr = same.addr;
    drop(same);
    // The server is updated: down for a moment, then back recommending a newer release, which
    // the kiosk hears when it reconnects (and every ten minutes while all goes well).
    settle_state(&mut k, SyncState::Offline);
    let newer = InProcessServer::start_with(&db, addr, |state| {
        state.with_recommended_kiosk_version("99.0.0")
    });
    k.settle(|u| {
        u.kiosk
            .sync_status()
            .is_some_and(|s| s.recommended_version.as_deref() == Some("99.0.0"))
    });
    assert!(k.has_containing(&format!(
        "Er is een nieuwere versie van Digidak voor deze computer: 99.0.0 (deze computer heeft {})",
        env!("CARGO_PKG_VERSION")
    )));
    drop(newer);
}
