//! "Wie kan helpen" and the volunteer's "Signaal doorgeven" (issue 21), driven by visible
//! labels on a real kiosk (real store in a temp folder): the partners per category with their
//! hours; a care signal asks the resident first, sends nothing on "no", asks the phone number
//! only after "yes", and is queued with the consent; the store refuses one without consent.

use crate::common;

use common::*;
use digidak::app::{Action, Screen};
use digidak::modules::partners;
use digidak::store::Store;
use digidak_protocol::{Change, SignalCreated, kinds};

const ARK: &str = "0190b6f4-0000-7000-8000-900000000001";

/// A kiosk folder whose store has two partners of its site, as the server sent them.
fn with_partners() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let partner = |seq: u64, id: &str, name: &str, cats: &[&str]| Change {
        seq,
        kind: kinds::PARTNER_SAVED.into(),
        payload: serde_json::json!({
            "id": id, "name": name, "description": "Een luisterend oor en hulp aan huis.",
            "picture": "health", "categories": cats,
            "hours": digidak_core::partners::parse_week("mon-sun 0:00-23:59").unwrap(),
            "address": "Kerkstraat 1", "contact": "02 555 00 00", "deleted": false
        }),
    };
    store
        .apply_changes(
            &[
                partner(1, ARK, "De Ark", &["company", "cooking"]),
                partner(
                    2,
                    "0190b6f4-0000-7000-8000-900000000002",
                    "OCMW",
                    &["paperwork"],
                ),
                // An offer De Ark put on the board (its badge: `partner`).
                Change {
                    seq: 3,
                    kind: kinds::POST_STATE.into(),
                    payload: serde_json::json!({
                        "post": {"id": "0190b6f4-0000-7000-8000-900000000010",
                                 "code": "000123456789", "kind": "offer", "category": "company",
                                 "title": "Koffie en een babbel", "text": "", "languages": [],
                                 "partner": "De Ark"},
                        "status": "public", "created_ms": 0,
                        "expires_ms": 4_102_444_800_000i64, "approved_ms": 0
                    }),
                },
            ],
            3,
        )
        .unwrap();
    dir
}

fn signals(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT payload FROM outbox WHERE kind = 'signal.created'")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|p| serde_json::from_str(&p.unwrap()).unwrap())
        .collect()
}

#[test]
fn who_can_help_lists_the_partners_per_category_with_their_hours() {
    // The module is on by default (the demo config too).
    assert!(
        demo_config()
            .modules
            .enabled
            .contains(&digidak::config::Module::PARTNERS)
    );
    let mut k = start_in(demo_config(), SCREEN, with_partners());
    k.click("Wie kan helpen");
    k.settle(|u| {
        u.kiosk
            .module::<partners::Partners>()
            .is_some_and(|p| p.list.len() == 2)
    });
    k.harness.run();
    assert!(k.has("Wie kan helpen?"));
    assert!(k.has("Papieren en brieven"));
    assert!(k.has("Gezelschap en babbel"));
    // De Ark helps with two categories: under each.
    let texts = k.all_text();
    assert_eq!(texts.iter().filter(|t| *t == "De Ark").count(), 2);
    assert!(k.has("OCMW"));
    // Open every day all day: open now, until 23:59.
    assert!(texts.iter().any(|t| t == "Nu open, tot 23:59"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("maandag 0:00–23:59")));
    assert!(texts.iter().any(|t| t == "Adres: Kerkstraat 1"));
    // De Ark's offer on the board, under De Ark (once a category it helps with).
    assert_eq!(
        texts
            .iter()
            .filter(|t| *t == "Op het prikbord · Koffie en een babbel")
            .count(),
        2,
        "{texts:?}"
    );
    // "Wat onze buurt kan": a tile a category, with its offers and partners.
    k.click("Wat onze buurt kan");
    k.settle(|u| u.kiosk.screen() == Screen::Module(partners::STRENGTHS));
    k.harness.run();
    let texts = k.all_text();
    assert!(texts.iter().any(|t| t == "Gezelschap en babbel"));
    assert_eq!(texts.iter().filter(|t| *t == "0 aanbiedingen").count(), 9);
    assert!(texts.iter().any(|t| t == "1 aanbod"));
    assert_eq!(texts.iter().filter(|t| *t == "1 partner").count(), 3);
    assert!(texts.iter().any(|t| t == "De Ark"));
}

#[test]
fn a_signal_asks_the_resident_first_and_goes_only_after_yes() {
    let dir = with_partners();
    let path = dir.path().to_path_buf();
    let mut k = start_in(demo_config(), SCREEN, dir);
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    let open = |k: &mut TestKiosk| {
        k.harness
            .state_mut()
            .kiosk
            .handle(Action::Go(Screen::Module(partners::SIGNAL_PARTNER)));
        k.harness.run();
        k.settle(|u| {
            u.kiosk
                .module::<partners::Partners>()
                .is_some_and(|p| p.list.len() == 2)
        });
        k.harness.run();
    };
    let write = |k: &mut TestKiosk| {
        assert!(k.has("Aan wie geef je het signaal door?"));
        k.click("De Ark");
        assert!(k.has("Waarover gaat het?"));
        k.click("Eenzaamheid");
        k.type_into(
            "Briefje (een naam is niet nodig)",
            "Woont alleen sinds kort",
        );
        k.click("Verder");
        assert!(k.has("Mag De Ark je bellen?"), "{:?}", k.all_text());
        assert!(
            !k.has("Telefoonnummer"),
            "no phone number before the consent"
        );
    };
    // "No": nothing is sent, nothing kept.
    open(&mut k);
    write(&mut k);
    k.click("Nee, liever niet");
    assert!(k.has("Er is niets doorgegeven."));
    assert!(signals(&path).is_empty());
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<partners::Partners>()
            .unwrap()
            .signal
            .note
            .is_empty()
    );
    // "Yes": then the phone number, then it is queued with the consent.
    open(&mut k);
    write(&mut k);
    k.click("Ja, dat mag");
    assert!(k.has("Op welk nummer mag De Ark je bellen?"));
    k.type_into("Telefoonnummer", "0470123456");
    k.click("Verstuur");
    k.settle(|u| u.kiosk.screen() == Screen::Module(partners::SIGNAL_SENT));
    k.harness.run();
    assert!(k.has("Het signaal is doorgegeven aan De Ark."));
    let sent = signals(&path);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["partner_id"], ARK);
    assert_eq!(sent[0]["kind"], "loneliness");
    assert_eq!(sent[0]["consent"], true);
    assert_eq!(sent[0]["phone"], "0470123456");
    assert_eq!(sent[0]["note"], "Woont alleen sinds kort");
    assert_eq!(sent[0]["lang"], "nl");
}

#[test]
fn the_store_refuses_a_signal_without_consent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    let s = SignalCreated {
        id: uuid::Uuid::now_v7().to_string(),
        partner_id: ARK.into(),
        kind: "debt".into(),
        note: "Brieven".into(),
        phone: None,
        lang: "nl".into(),
        consent: false,
    };
    let err = store.create_signal(&s, 0).unwrap_err();
    assert!(err.to_string().contains("consent"), "{err}");
    assert!(signals(dir.path()).is_empty());
    store
        .create_signal(&SignalCreated { consent: true, ..s }, 0)
        .unwrap();
    assert_eq!(signals(dir.path()).len(), 1);
}

/// The `post.created` payloads the kiosk queued for the server.
fn posts_sent(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT payload FROM outbox WHERE kind = 'post.created' ORDER BY idx")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|p| serde_json::from_str(&p.unwrap()).unwrap())
        .collect()
}

/// Posts an ask in `category` with `title`, tapping "send it to OCMW too" when `to_ocmw`.
fn ask(k: &mut TestKiosk, category: &str, title: &str, to_ocmw: bool) {
    use digidak::modules::board::{self, Board};
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    k.click("Ik heb iets nodig");
    k.click(category);
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(board::NEW_TEXT)
    );
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.partners.len() == 2);
    k.harness.run();
    k.type_into("Wat zoek je? (kort)", title);
    if to_ocmw {
        k.click("Stuur mijn vraag ook naar OCMW");
    }
    k.click("Plaatsen");
    k.settle(|u| u.kiosk.screen() == Screen::Module(board::POSTED));
    k.harness.run();
    k.click("Ik ben klaar");
}

/// An ask in a category a partner covers: the last step says who can also help and when, and
/// one tap (no by default) sends it there too; a second tap takes it back; in a category no
/// partner covers, nothing is offered.
#[test]
fn an_ask_goes_to_a_partner_only_when_the_resident_taps_to_send_it() {
    use digidak::modules::board::Board;
    let dir = with_partners();
    let path = dir.path().to_path_buf();
    let mut k = start_in(demo_config(), SCREEN, dir);
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    k.click("Ik heb iets nodig");
    k.click("Papieren en brieven");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.partners.len() == 2);
    k.harness.run();
    assert!(k.has("OCMW kan ook helpen · Nu open, tot 23:59"));
    assert!(!k.has_containing("De Ark kan ook helpen"));
    // Tapped twice: not chosen.
    k.click("Stuur mijn vraag ook naar OCMW");
    k.click("Stuur mijn vraag ook naar OCMW");
    k.type_into("Wat zoek je? (kort)", "Een brief van het OCMW");
    k.click("Plaatsen");
    k.settle(|u| u.kiosk.screen() == Screen::Module(digidak::modules::board::POSTED));
    k.harness.run();
    k.click("Ik ben klaar");
    ask(
        &mut k,
        "Papieren en brieven",
        "Hulp met mijn huurcontract",
        true,
    );
    ask(&mut k, "Vervoer", "Wie rijdt mee naar de markt?", false);
    let sent = posts_sent(&path);
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0]["route_to"], serde_json::Value::Null);
    assert_eq!(sent[1]["route_to"], "0190b6f4-0000-7000-8000-900000000002");
    assert_eq!(sent[2]["route_to"], serde_json::Value::Null);
}

/// A volunteer finds "Signaal doorgeven" among the volunteer's tasks on a site that turned the
/// partners on, and nowhere on one that did not.
#[test]
fn the_volunteer_screen_offers_passing_on_a_signal_where_partners_are_on() {
    let mut k = start_in(demo_config(), SCREEN, with_partners());
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.click("Signaal doorgeven");
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(partners::SIGNAL_PARTNER)
    );
    k.settle(|u| {
        u.kiosk
            .module::<partners::Partners>()
            .is_some_and(|p| p.list.len() == 2)
    });
    k.harness.run();
    assert!(k.has("Aan wie geef je het signaal door?"));

    // A site that turned the partners off.
    let mut config = demo_config();
    config
        .modules
        .enabled
        .retain(|m| *m != digidak::config::Module::PARTNERS);
    let mut k = start_in(config, SCREEN, with_partners());
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    assert!(!k.has("Signaal doorgeven"));
}

/// A PNG as the server makes a logo of an upload, its name, and a kiosk folder whose store
/// has De Ark naming it (OCMW has none).
fn with_logo() -> (tempfile::TempDir, digidak_core::logo::Logo) {
    let dir = with_partners();
    let img = image::RgbImage::from_pixel(200, 120, image::Rgb([30, 90, 200]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let logo = digidak_core::logo::prepare_logo(&png.into_inner()).unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    store
        .apply_changes(
            &[Change {
                seq: 4,
                kind: kinds::PARTNER_SAVED.into(),
                payload: serde_json::json!({
                    "id": ARK, "name": "De Ark", "description": "Een luisterend oor en hulp aan huis.",
                    "picture": "health", "categories": ["company", "cooking"],
                    "hours": digidak_core::partners::parse_week("mon-sun 0:00-23:59").unwrap(),
                    "address": "Kerkstraat 1", "contact": "02 555 00 00", "deleted": false,
                    "logo": logo.hash
                }),
            }],
            4,
        )
        .unwrap();
    (dir, logo)
}

/// Puts `logo` in the kiosk's data folder where the sync worker keeps it.
fn keep_logo(dir: &std::path::Path, logo: &digidak_core::logo::Logo) {
    let path = digidak::sync::logos::logo_path(dir, &logo.hash).unwrap();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, &logo.png).unwrap();
}

fn count(k: &TestKiosk, label: &str) -> usize {
    k.all_text().iter().filter(|t| *t == label).count()
}

fn open_partners(k: &mut TestKiosk) {
    k.click("Wie kan helpen");
    k.settle(|u| {
        u.kiosk
            .module::<partners::Partners>()
            .is_some_and(|p| p.list.len() == 2)
    });
    k.harness.run();
}

#[test]
fn a_partner_card_shows_its_logo_once_the_kiosk_has_it_and_a_pictogram_until_then() {
    let (dir, logo) = with_logo();
    let path = dir.path().to_path_buf();
    let mut k = start_in(demo_config(), SCREEN, dir);
    // The logo is not on this kiosk yet (sync fetches it): De Ark's card has a pictogram,
    // like OCMW's, which has no logo at all. Every card has a picture.
    open_partners(&mut k);
    assert!(!k.has("Logo van De Ark"));
    assert_eq!(count(&k, "Pictogram van De Ark"), 2, "one card a category");
    assert!(k.has("Pictogram van OCMW"));
    // The sync worker kept it: the next time the page opens, the logo shows (read and drawn
    // by the store worker, off the UI thread).
    keep_logo(&path, &logo);
    k.click("Terug");
    k.harness.run();
    open_partners(&mut k);
    k.settle(|u| {
        u.kiosk
            .module::<partners::Partners>()
            .is_some_and(|p| p.logos.has(&logo.hash))
    });
    assert_eq!(count(&k, "Logo van De Ark"), 2, "{:?}", k.all_text());
    assert!(!k.has("Pictogram van De Ark"));
    assert!(k.has("Pictogram van OCMW"), "no logo: still a pictogram");
    assert!(!k.has("Logo van OCMW"));
    // "Wat onze buurt kan": De Ark's logo in the tiles of the two categories it helps with.
    k.click("Wat onze buurt kan");
    k.settle(|u| u.kiosk.screen() == Screen::Module(partners::STRENGTHS));
    assert_eq!(count(&k, "Logo van De Ark"), 2, "{:?}", k.all_text());
    assert!(!k.has("Logo van OCMW"));
}

/// The board's last step for an ask says which partner can also help: with its logo beside
/// it when the kiosk has one, its pictogram otherwise.
#[test]
fn the_routed_ask_hint_shows_the_partners_logo_or_pictogram() {
    use digidak::modules::board::Board;
    let (dir, logo) = with_logo();
    keep_logo(dir.path(), &logo);
    let mut k = start_in(demo_config(), SCREEN, dir);
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    k.click("Ik heb iets nodig");
    k.click("Gezelschap en babbel");
    k.settle(|u| {
        u.kiosk
            .module::<Board>()
            .is_some_and(|b| b.state.partner_logos.has(&logo.hash))
    });
    assert!(k.has("De Ark kan ook helpen · Nu open, tot 23:59"));
    assert!(k.has("Logo van De Ark"), "{:?}", k.all_text());
    assert!(!k.has("Pictogram van De Ark"));
    // Another category: OCMW, without a logo, has its pictogram.
    k.click("Terug");
    k.click("Papieren en brieven");
    k.harness.run();
    assert!(k.has("OCMW kan ook helpen · Nu open, tot 23:59"));
    assert!(k.has("Pictogram van OCMW"));
    assert!(!k.has("Logo van De Ark"));
}
