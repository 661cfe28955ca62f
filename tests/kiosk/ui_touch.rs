//! A tablet with no keyboard: every step by finger only (touch events, never a key or text
//! event from a keyboard), with the kiosk's own on-screen keyboard. A resident signs up for an
//! activity with a first name and a phone number, posts an ask with accents, replies to a post
//! and searches the board; the idle wipe forgets a half-typed word. The only input these
//! tests send is `TestKiosk::tap`/`swipe`/`tap_keys`: touch events and the pointer events a
//! touch screen reports with them.

use crate::common;
use crate::support;

use std::time::Duration;

use common::*;
use digidak::app::Screen;
use digidak::modules::activities::{self, Activities};
use digidak::modules::board::{self, Board};
use digidak::sync::worker::SyncState;
use digidak_protocol::ActivityRecord;
use support::{InProcessServer, now_ms};

fn quiet() -> digidak::config::KioskConfig {
    let mut c = demo_config();
    c.lessons.read_aloud = "off".into();
    c
}

fn screen(k: &TestKiosk) -> Screen {
    k.harness.state().kiosk.screen()
}

/// Taps the PIN on the pad, then OK.
fn tap_pin(k: &mut TestKiosk, pin: &str) {
    for d in pin.chars() {
        k.tap_button(&d.to_string());
    }
    k.tap("OK");
    k.settle(|u| u.kiosk.pin_status != digidak::app::PinStatus::Checking);
}

#[test]
fn a_resident_signs_up_by_touch_with_the_on_screen_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let pairing = server.add_kiosk("Tablet 1", "noord");
    let mut k = start_with(quiet(), egui::vec2(1024.0, 768.0));
    let mut taps = Counter::default();

    // The admin pairs the tablet by touch: the keyboard offers ':' '/' '.' for the address.
    k.tap("Begeleiders");
    tap_pin(&mut k, "1357");
    k.settle(|u| u.kiosk.sync_status().is_some());
    k.tap("Adres van de server");
    assert!(k.has("Toetsenbord weg"), "the keyboard opens on a tap");
    assert!(k.has(":") && k.has("/"), "an address needs ':' and '/'");
    k.tap_keys(&server.url());
    k.tap("Koppelcode");
    k.tap_keys(&pairing);
    k.tap("Koppelen");
    settle_state(&mut k, SyncState::Online);
    k.tap("Start");
    let a = ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie en computer".into(),
        description: "We helpen met je gsm.".into(),
        picture: "calendar".into(),
        place: "Buurthuis De Brug".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity: 10,
        max_party: 3,
        block: 0,
        languages: vec!["nl".into()],
        deleted: false,
    };
    server.store.save_activity("noord", &a, now_ms()).unwrap();

    // The resident, finger only.
    taps.tap(&mut k, "Activiteiten");
    k.settle(|u| !u.kiosk.module::<Activities>().unwrap().list.is_empty());
    taps.tap(&mut k, "Ik kom");
    assert_eq!(screen(&k), Screen::Module(activities::SIGNUP_FORM));
    taps.tap(&mut k, "Je voornaam");
    assert!(k.has("Toetsenbord weg"));
    // The field and the form's main button stay in sight above the keys, without a swipe.
    let (top, bottom) = k.content_band();
    let field = egui_kittest::kittest::Queryable::get_by_label(&k.harness, "Je voornaam").rect();
    assert!(
        field.top() >= top && field.bottom() <= bottom,
        "{field:?} in {top}..{bottom}"
    );
    let keys_top = egui_kittest::kittest::Queryable::get_by_label(&k.harness, "Toetsenbord")
        .rect()
        .top();
    let main = egui_kittest::kittest::Queryable::get_by_label(&k.harness, "Inschrijven").rect();
    assert!(
        main.bottom() <= keys_top + 1.0 && main.top() >= top,
        "{main:?}"
    );
    assert!(k.has("a") && k.has("z"), "Belgian AZERTY in Dutch");
    taps.keys(&mut k, "Samira");
    taps.tap(&mut k, "Je telefoonnummer (niet verplicht)");
    assert!(k.has("+"), "a number pad for the phone");
    assert!(!k.has("a"), "no letters on the number pad");
    taps.keys(&mut k, "0470 12 34 56");
    taps.tap(&mut k, "Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    let state = &k.harness.state().kiosk.module::<Activities>().unwrap();
    let signup = state.receipt.as_ref().expect("a receipt");
    assert_eq!(signup.first_name, "Samira");
    assert_eq!(signup.phone.as_deref(), Some("0470123456"));
    println!(
        "taps to sign up by touch (name 6 letters, phone 13 signs): {}",
        taps.0
    );
}

#[derive(Default)]
struct Counter(usize);

impl Counter {
    fn tap(&mut self, k: &mut TestKiosk, label: &str) {
        self.0 += 1;
        k.tap(label);
    }

    fn keys(&mut self, k: &mut TestKiosk, text: &str) {
        let n = key_taps(k, text);
        self.0 += n;
        k.tap_keys(text);
    }
}

/// How many taps `text` takes on the keyboard (capitals and accents need a second tap, and a
/// way back).
fn key_taps(_k: &TestKiosk, text: &str) -> usize {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() || c == ' ' || c.is_ascii_lowercase() || ",.-'?".contains(c) {
                1
            } else if c.is_ascii_uppercase() {
                2
            } else {
                3
            }
        })
        .sum()
}

#[test]
fn a_resident_posts_replies_and_searches_by_touch_and_the_wipe_forgets_half_a_word() {
    let mut k = start_with(quiet(), egui::vec2(1024.0, 768.0));
    let mut taps = Counter::default();
    taps.tap(&mut k, "Prikbord");
    taps.tap(&mut k, "Iets vragen of aanbieden");
    taps.tap(&mut k, "Ik heb iets nodig");
    taps.tap(&mut k, "Papieren en brieven");
    taps.tap(&mut k, "Wat zoek je? (kort)");
    taps.keys(&mut k, "Brief van het OCMW");
    taps.tap(&mut k, "Meer uitleg (mag leeg)");
    taps.keys(&mut k, "Hulp bij een brief van het OCMW, dringend ééntje");
    taps.tap(&mut k, "Plaatsen");
    k.settle(|u| u.kiosk.screen() == Screen::Module(board::POSTED));
    let created = k
        .harness
        .state()
        .kiosk
        .module::<Board>()
        .unwrap()
        .state
        .created
        .clone()
        .unwrap();
    assert_eq!(created.post.title, "Brief van het OCMW");
    assert_eq!(
        created.post.text,
        "Hulp bij een brief van het OCMW, dringend ééntje"
    );
    println!("taps to post an ask by touch: {}", taps.0);
    k.tap("Ik ben klaar");
    k.advance(Duration::from_secs(3));
    k.harness.run();

    // A volunteer approves it, by touch.
    k.tap("Begeleiders");
    tap_pin(&mut k, "2468");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.len() == 1);
    k.tap("Prikbord nakijken (1)");
    k.tap("Goedkeuren");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.is_empty());
    k.tap("Ik ben klaar");
    k.advance(Duration::from_secs(3));
    k.harness.run();

    // The next resident searches the board and replies.
    k.tap("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.tap("Zoeken");
    k.tap_keys("ocmw");
    assert!(k.has("Brief van het OCMW"));
    // Done typing: the keyboard goes and the whole list shows.
    k.tap_button("Toetsenbord weg");
    assert!(!k.has("Toetsenbord weg"));
    k.tap("Brief van het OCMW");
    assert_eq!(screen(&k), Screen::Module(board::POST));
    k.tap("Ik kan helpen");
    k.tap("Je bericht");
    k.tap_keys("Ik help je graag.");
    k.tap("Versturen");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.replied);
    assert!(k.has_containing("Verstuurd!"));

    // A half-typed word is forgotten by the idle wipe, keyboard and all.
    k.tap("Ik kan helpen");
    k.tap("Je bericht");
    k.tap_keys("Geheim");
    assert!(k.has("Toetsenbord weg"));
    k.advance(Duration::from_secs(200));
    k.harness.run();
    assert_eq!(screen(&k), Screen::Home);
    assert!(!k.has("Toetsenbord weg"), "the keyboard is gone");
    assert!(!k.all_text().iter().any(|t| t.contains("Geheim")));
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Board>()
            .unwrap()
            .drafts
            .reply_message
            .is_empty()
    );
}

/// Screenshots of the keyboard for review (`scripts/screens` makes them too): the sign-up
/// form with the letters, the phone number with the number pad, at 1024x768.
#[test]
#[ignore = "makes screenshots for review: scripts/screens"]
fn keyboard_screenshots() {
    let dir = std::env::var("DIGIDAK_SCREENS_DIR").unwrap_or_else(|_| "target/screens".into());
    std::fs::create_dir_all(&dir).unwrap();
    for (size, scale) in [
        ((1024.0, 768.0), "1x"),
        ((800.0, 1280.0), "1x"),
        ((1024.0, 768.0), "2x"),
    ] {
        let size = egui::vec2(size.0, size.1);
        let mut k = start_with(quiet(), size);
        if scale == "2x" {
            k.tap("A++");
        }
        k.tap("Ik wil hulp");
        k.tap("Je voornaam (als je wilt)");
        k.tap_keys("Fatima");
        let shot = |k: &mut TestKiosk, name: &str| {
            let file = format!("{dir}/nl-keyboard-{name}-{}x{}-{scale}.png", size.x, size.y);
            k.screenshot(std::path::Path::new(&file));
        };
        shot(&mut k, "letters");
        k.tap_button("Letters met accent");
        shot(&mut k, "accents");
    }
}
