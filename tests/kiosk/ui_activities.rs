//! Activities as residents use them, found by their visible labels: the list with places left,
//! signing up, the confirmation with its code, the status by code and cancelling, offline
//! sign-ups beyond the kiosk's block, and clear messages for bad input. With a real server on
//! 127.0.0.1 where the server decides.

use crate::common;
use crate::support;

use common::*;
use digidak::app::Screen;
use digidak::modules::activities::{self, Activities};
use digidak::store::{Pairing, Store};
use digidak::sync::worker::SyncState;
use digidak_protocol::{ActivityRecord, ActivityState, Change, kinds};
use support::{InProcessServer, now_ms};

fn activity(capacity: u32, block: u32) -> ActivityRecord {
    ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Koffie en computer".into(),
        description: "We helpen met je gsm en drinken koffie.".into(),
        picture: "calendar".into(),
        place: "Buurthuis De Brug, zaal 2".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity,
        max_party: 3,
        block,
        languages: vec!["nl".into()],
        deleted: false,
    }
}

fn quiet() -> digidak::config::KioskConfig {
    let mut c = demo_config();
    c.lessons.read_aloud = "off".into();
    c
}

fn type_digits(k: &mut TestKiosk, code: &str) {
    for d in code.chars() {
        k.click(&d.to_string());
    }
}

fn open_activities(k: &mut TestKiosk) {
    k.click("Activiteiten");
    k.settle(|u| !u.kiosk.module::<Activities>().unwrap().list.is_empty());
    k.harness.run();
}

#[test]
fn a_resident_signs_up_sees_the_code_and_cancels_it_later() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start_with(quiet(), SCREEN);
    open_admin(&mut k);
    pair(&mut k, &server.url(), &code);
    settle_state(&mut k, SyncState::Online);
    k.click("Start");
    let a = activity(3, 0);
    server.store.save_activity("noord", &a, now_ms()).unwrap();

    open_activities(&mut k);
    assert!(k.has("Koffie en computer"));
    assert!(k.has("woensdag 9 december, 14:00 – 16:00"));
    assert!(k.has("Nog 3 plaatsen"));
    assert!(k.has("We spreken: Nederlands"));
    k.click("Ik kom");
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(activities::SIGNUP_FORM)
    );
    k.type_into("Je voornaam", "Samira");
    k.type_into("Je telefoonnummer (niet verplicht)", "0470 12 34 56");
    k.click("Meer");
    assert!(!k.has_containing("Met meer personen kom je op de wachtlijst."));
    k.click("Meer");
    assert!(
        !k.has_containing("kom je op de wachtlijst"),
        "3 people fit in 3 places"
    );
    k.click("Minder");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    // The server confirms within moments; the screen follows.
    k.settle(|u| {
        u.kiosk
            .module::<Activities>()
            .unwrap()
            .receipt
            .as_ref()
            .map(|r| r.state)
            == Some(digidak::store::SignupState::Confirmed)
    });
    k.harness.run();
    assert!(k.has("Je bent ingeschreven. Tot dan!"));
    assert!(k.has("Voor Samira, 2 personen"));
    let code = k
        .harness
        .state()
        .kiosk
        .module::<Activities>()
        .unwrap()
        .receipt
        .clone()
        .unwrap()
        .code;
    assert!(k.has(&format!("{} {}", &code[..4], &code[4..])));
    assert!(k.has("QR-code"));
    // The code is in this paired kiosk's own range; the QR code carries the phone token
    // (kept on the receipt while the server's answers replace the rest).
    assert!(!code.starts_with("000"), "{code}");
    let token = k
        .harness
        .state()
        .kiosk
        .module::<Activities>()
        .unwrap()
        .receipt
        .clone()
        .unwrap()
        .token;
    assert!(
        token
            .as_deref()
            .is_some_and(digidak_core::codes::is_phone_token)
    );
    // The phone number is never shown back.
    assert!(!k.all_text().iter().any(|t| t.contains("0470")));

    // The next person sees one place left, and nobody's name.
    k.click("Ik ben klaar");
    open_activities(&mut k);
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().list[0].places_left == 1);
    k.harness.run();
    assert!(k.has("Nog 1 plaats"));
    assert!(!k.all_text().iter().any(|t| t.contains("Samira")));

    // Later: the code shows the sign-up, and cancels it.
    k.click("Ik heb een code");
    type_digits(&mut k, &code);
    k.click("Kijken");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().lookup == digidak::app::CodeLookup::Found);
    k.harness.run();
    assert!(k.has("Voor Samira, 2 personen"));
    assert!(k.has("Je bent ingeschreven. Tot dan!"));
    // Cancelling asks first: "no" keeps the place, "yes" gives it up.
    k.click("Uitschrijven");
    assert!(k.has("Wil je je echt uitschrijven?"));
    k.click("Nee, ik kom toch");
    assert!(!k.has("Wil je je echt uitschrijven?"));
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<Activities>()
            .unwrap()
            .found
            .first()
            .map(|s| s.state),
        Some(digidak::store::SignupState::Confirmed)
    );
    k.click("Uitschrijven");
    k.click("Ja, schrijf me uit");
    k.settle(|u| {
        u.kiosk
            .module::<Activities>()
            .unwrap()
            .found
            .first()
            .map(|s| s.state)
            == Some(digidak::store::SignupState::Cancelled)
    });
    k.harness.run();
    assert!(k.has("Deze inschrijving is geannuleerd."));
    support::wait_until(
        std::time::Duration::from_secs(20),
        "cancel reached the server",
        || server.store.signups(&a.id).unwrap()[0].status == "cancelled",
    );
}

/// A kiosk store that was paired and pulled an activity with a block of seats for it.
fn offline_kiosk_with(a: &ActivityRecord, block: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(dir.path()).unwrap();
    store
        .set_pairing(&Pairing {
            server_url: "http://127.0.0.1:9".into(),
            kiosk_id: "kiosk-1".into(),
            name: "PC 1".into(),
            site: "noord".into(),
        })
        .unwrap();
    let state = ActivityState {
        activity: a.clone(),
        free: a.capacity - block,
        confirmed: 0,
        waitlisted: 0,
        blocks: vec![("kiosk-1".into(), block)],
        leases: vec![],
    };
    let change = Change {
        seq: 1,
        kind: kinds::ACTIVITY_SAVED.into(),
        payload: serde_json::to_value(state).unwrap(),
    };
    store.apply_changes(&[change], 1).unwrap();
    dir
}

#[test]
fn offline_the_block_confirms_and_beyond_it_the_kiosk_says_not_yet_confirmed() {
    let a = activity(10, 1);
    let dir = offline_kiosk_with(&a, 1);
    let mut k = start_in(quiet(), SCREEN, dir);
    open_activities(&mut k);
    // Offline, the list says what this kiosk can give itself, and that it is not final
    // (nine free at the site besides this kiosk's one, but no server to ask).
    assert!(
        k.has("Deze computer heeft nog 1 plaats voor je (geen verbinding: nog niet definitief)")
    );
    assert!(!k.has_containing("Nog 10 plaatsen"));
    k.click("Ik kom");
    k.type_into("Je voornaam", "Ahmed");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    // Confirmed from the block, and told it is not final until the server has it.
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<Activities>()
            .unwrap()
            .receipt
            .as_ref()
            .map(|r| r.state),
        Some(digidak::store::SignupState::Confirmed),
        "confirmed from the block"
    );
    assert!(k.has_containing("Je hebt een plaats, maar nog niet definitief"));
    assert!(!k.has("Je bent ingeschreven. Tot dan!"));
    k.click("Ik ben klaar");
    open_activities(&mut k);
    // The block is used: beyond it only a guess.
    assert!(k.has("Waarschijnlijk nog 9 plaatsen (geen verbinding: nog niet bevestigd)"));
    k.click("Ik kom");
    // Nine places at the site: ten people would not fit, and the form says so.
    for _ in 0..2 {
        k.click("Meer");
    }
    assert!(!k.has_containing("kom je op de wachtlijst"), "3 people fit");
    k.click("Minder");
    k.click("Minder");
    k.type_into("Je voornaam", "Lena");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    assert!(k.has_containing("Nog niet bevestigd."));
    assert!(k.has_containing("kijk op je telefoon"));
}

#[test]
fn bad_input_gets_a_clear_message_and_nothing_is_saved() {
    let a = activity(10, 0);
    let dir = offline_kiosk_with(&a, 0);
    let mut k = start_in(quiet(), SCREEN, dir);
    open_activities(&mut k);
    k.click("Ik kom");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().problem.is_some());
    assert!(k.has("Typ je voornaam."));
    // Only invisible characters: still no name.
    k.type_into("Je voornaam", "\u{202e}\u{200b}");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().problem.is_some());
    assert!(k.has("Typ je voornaam."));
    k.retype_into("Je voornaam", "Samira");
    k.type_into("Je telefoonnummer (niet verplicht)", "bel me maar");
    k.click("Inschrijven");
    k.settle(|u| {
        u.kiosk.module::<Activities>().unwrap().problem
            == Some(digidak_core::activities::SignupProblem::BadPhone)
    });
    assert!(k.has_containing("Dat telefoonnummer klopt niet."));
    // More people than allowed: the counter stops at the maximum (3).
    for _ in 0..5 {
        k.click("Meer");
    }
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<Activities>()
            .unwrap()
            .party,
        3
    );
    // A 10,000-character name is cut at the field's limit, never stored whole.
    k.retype_into("Je voornaam", &"a".repeat(10_000));
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Activities>()
            .unwrap()
            .drafts
            .signup_name
            .chars()
            .count()
            <= 40
    );
    let store = Store::open_in(k.dir.path()).unwrap();
    assert!(store.signups_of(&a.id).unwrap().is_empty(), "nothing saved");
}

#[test]
fn more_people_than_places_are_told_they_go_on_the_waiting_list() {
    let mut a = activity(2, 0);
    a.max_party = 3;
    let dir = offline_kiosk_with(&a, 0);
    let mut k = start_in(quiet(), SCREEN, dir);
    open_activities(&mut k);
    // Offline: a guess, and said to be one.
    assert!(k.has("Waarschijnlijk nog 2 plaatsen (geen verbinding: nog niet bevestigd)"));
    k.click("Ik kom");
    k.click("Meer");
    k.click("Meer");
    assert!(k.has("Er zijn nog 2 plaatsen. Met meer personen kom je op de wachtlijst."));
}

#[test]
fn a_closed_sign_up_says_so() {
    let mut a = activity(10, 0);
    a.deadline = "2000-01-01T12:00".into();
    let dir = offline_kiosk_with(&a, 0);
    let mut k = start_in(quiet(), SCREEN, dir);
    open_activities(&mut k);
    k.click("Ik kom");
    k.type_into("Je voornaam", "Samira");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().problem.is_some());
    assert!(k.has("De inschrijving is gesloten. Vraag een begeleider."));
}

#[test]
fn a_volunteer_checks_people_in_by_name_and_code_and_adds_a_walk_in() {
    let a = activity(10, 0);
    let dir = offline_kiosk_with(&a, 0);
    // Two sign-ups of the site, as pulled from the server.
    let mut store = Store::open_in(dir.path()).unwrap();
    let changes: Vec<Change> = [("Samira", "11112222", 2), ("Lena", "33334444", 1)]
        .iter()
        .enumerate()
        .map(|(i, (name, code, party))| Change {
            seq: i as u64 + 2,
            kind: kinds::SIGNUP_STATUS.into(),
            payload: serde_json::json!({
                "id": uuid::Uuid::now_v7().to_string(), "activity_id": a.id, "code": code,
                "first_name": name, "phone": "0470123456", "party": party,
                "status": "confirmed", "seq": i + 1
            }),
        })
        .collect();
    store.apply_changes(&changes, 3).unwrap();
    drop(store);
    let mut k = start_in(quiet(), SCREEN, dir);

    // Residents never see the names.
    open_activities(&mut k);
    assert!(
        !k.all_text()
            .iter()
            .any(|t| t.contains("Samira") || t.contains("Lena"))
    );
    k.click("Start");

    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.click("Aanwezigheden");
    k.settle(|u| !u.kiosk.module::<Activities>().unwrap().list.is_empty());
    k.harness.run();
    k.click("Koffie en computer — woensdag 9 december, 14:00 – 16:00");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().people.len() == 2);
    k.harness.run();
    assert!(k.has("Samira"));
    assert!(k.has("0 van de 3 personen zijn er."));
    k.click("Samira is er");
    k.settle(|u| {
        u.kiosk.module::<Activities>().unwrap().people[0]
            .checked_in_ms
            .is_some()
    });
    k.harness.run();
    assert!(k.has("2 van de 3 personen zijn er."));
    // By code.
    k.type_into("Code", "3333 4444");
    k.click("Aanmelden");
    k.settle(|u| {
        u.kiosk
            .module::<Activities>()
            .unwrap()
            .checked_by_code
            .is_some()
    });
    k.harness.run();
    assert!(k.has("Aangemeld."));
    assert!(k.has("3 van de 3 personen zijn er."));
    // A walk-in at the door.
    k.type_into("Je voornaam", "Jan");
    k.click("Toevoegen");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().people.len() == 3);
    k.harness.run();
    assert!(k.has("Jan"));
    assert!(k.has("4 van de 4 personen zijn er."));
    // Operations for the server: two check-ins, the walk-in and its check-in.
    let conn = rusqlite::Connection::open(k.dir.path().join(digidak::store::DB_FILE)).unwrap();
    let kinds_queued: Vec<String> = conn
        .prepare("SELECT kind FROM outbox ORDER BY idx")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let n = |k: &str| kinds_queued.iter().filter(|x| *x == k).count();
    assert_eq!(n(kinds::SIGNUP_CHECKED_IN), 3);
    assert_eq!(n(kinds::SIGNUP_CREATED), 1);
}

#[test]
fn an_admin_creates_a_monthly_series_changes_one_and_exports_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start_with(quiet(), SCREEN);
    open_admin(&mut k);
    pair(&mut k, &server.url(), &code);
    settle_state(&mut k, SyncState::Online);
    k.click("Activiteiten");
    assert!(k.has("Activiteiten beheren"));
    k.click("Nieuwe activiteit");
    k.type_into("Titel", "Koffie en computer");
    k.type_into("Plaats", "De Brug");
    k.type_into("Datum (jjjj-mm-dd)", "9 december");
    k.click("Opslaan");
    assert!(k.has_containing("Kijk “Datum (jjjj-mm-dd)” na"));
    k.retype_into("Datum (jjjj-mm-dd)", "2099-12-09");
    k.retype_into("Elke maand herhalen, zoveel maanden", "3");
    k.click("Opslaan");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().saved == Some(3));
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().list.len() == 3);
    k.harness.run();
    // Every second Wednesday.
    assert!(k.has("woensdag 9 december, 14:00 – 16:00"));
    assert!(k.has("woensdag 13 januari, 14:00 – 16:00"));
    assert!(k.has("woensdag 10 februari, 14:00 – 16:00"));
    // The server has them, for every kiosk of the site.
    support::wait_until(
        std::time::Duration::from_secs(20),
        "series on the server",
        || server.store.activities("noord").unwrap().len() == 3,
    );
    // Change the first: 8 places.
    k.click("Wijzigen: Koffie en computer (2099-12-09)");
    k.retype_into("Aantal plaatsen", "8");
    k.click("Opslaan");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().saved == Some(1));
    k.harness.run();
    support::wait_until(
        std::time::Duration::from_secs(20),
        "change on the server",
        || {
            server.store.activities("noord").unwrap()[0]
                .activity
                .capacity
                == 8
        },
    );
    // One does not take place.
    k.click("Gaat niet door: Koffie en computer (2100-02-10)");
    support::wait_until(
        std::time::Duration::from_secs(20),
        "deleted on the server",
        || {
            server.store.activities("noord").unwrap()[2]
                .activity
                .deleted
        },
    );
    // The list as CSV, in the data folder.
    k.click("Lijst (CSV): Koffie en computer (2099-12-09)");
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().exported.is_some());
    let path = k
        .harness
        .state()
        .kiosk
        .module::<Activities>()
        .unwrap()
        .exported
        .clone()
        .unwrap()
        .unwrap();
    assert!(path.starts_with(k.dir.path().join("exports")));
    let csv = std::fs::read_to_string(path).unwrap();
    assert!(csv.starts_with("arrival,code,first name,phone,people,status,checked in"));
}

#[test]
fn the_sign_up_screens_fit_a_1024x768_screen() {
    let a = activity(10, 1);
    let dir = offline_kiosk_with(&a, 1);
    let size = egui::vec2(1024.0, 768.0);
    let mut k = start_in(quiet(), size, dir);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let fits = |k: &TestKiosk, what: &str| {
        for (label, rect) in k.button_rects() {
            assert!(screen.contains_rect(rect), "{what}: {label:?} at {rect:?}");
        }
    };
    open_activities(&mut k);
    k.click("Ik kom");
    k.type_into("Je voornaam", "Samira");
    fits(&k, "form");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    fits(&k, "receipt");
    k.click("Start");
    open_activities(&mut k);
    k.click("Ik heb een code");
    fits(&k, "code pad");
}

/// Online, with a block: the list says what the next sign-up gets (the seats nobody holds,
/// not the ones in other kiosks' blocks); a sign-up from the block is "not yet final" until
/// the server answers, then final.
#[test]
fn a_block_sign_up_online_turns_final_when_the_server_answers() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let mut k = start_with(quiet(), SCREEN);
    open_admin(&mut k);
    pair(&mut k, &server.url(), &code);
    settle_state(&mut k, SyncState::Online);
    k.click("Start");
    // 4 places, blocks of 1: this kiosk holds one.
    let a = activity(4, 1);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    open_activities(&mut k);
    k.settle(|u| u.kiosk.module::<Activities>().unwrap().list[0].mine == 1);
    assert!(k.has("Nog 3 plaatsen"));
    k.click("Ik kom");
    k.type_into("Je voornaam", "Samira");
    k.click("Inschrijven");
    k.settle(|u| u.kiosk.screen() == Screen::Module(activities::SIGNUP_DONE));
    let receipt = k
        .harness
        .state()
        .kiosk
        .module::<Activities>()
        .unwrap()
        .receipt
        .clone()
        .unwrap();
    assert_eq!(receipt.state, digidak::store::SignupState::Confirmed);
    if !receipt.decided {
        assert!(k.has_containing("Je hebt een plaats, maar nog niet definitief"));
    }
    k.settle(|u| {
        u.kiosk
            .module::<Activities>()
            .unwrap()
            .receipt
            .as_ref()
            .is_some_and(|r| r.decided)
    });
    assert!(k.has("Je bent ingeschreven. Tot dan!"));
    let list = server.store.signups(&a.id).unwrap();
    assert_eq!(list[0].status, "confirmed");
}
