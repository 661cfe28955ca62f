//! The ask & offer board as residents and volunteers use it, found by visible labels: posting
//! in four screens, moderation in volunteer mode, browsing by category, searching without
//! accents, replying, the poster's code with the replies, reporting; hostile text and bad
//! codes. The kiosk works offline here (its own store decides what it shows).

use crate::common;

use common::*;
use digidak::app::Screen;
use digidak::modules::board::{self, Board};

fn quiet() -> digidak::config::KioskConfig {
    let mut c = demo_config();
    c.lessons.read_aloud = "off".into();
    c
}

fn screen(k: &TestKiosk) -> Screen {
    k.harness.state().kiosk.screen()
}

fn type_digits(k: &mut TestKiosk, code: &str) {
    for d in code.chars() {
        k.click(&d.to_string());
    }
}

/// Posts an ask in the four screens; returns its code.
fn post_ask(k: &mut TestKiosk, title: &str) -> String {
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    assert_eq!(screen(k), Screen::Module(board::NEW_KIND));
    assert!(k.has("Stap 1 van 4"));
    k.click("Ik heb iets nodig");
    assert!(k.has("Stap 2 van 4"));
    k.click("Vervoer");
    assert!(k.has("Stap 3 van 4"));
    k.type_into("Wat zoek je? (kort)", title);
    k.type_into(
        "Meer uitleg (mag leeg)",
        "Dinsdag om 9 uur, ik betaal de benzine.",
    );
    k.click("العربية");
    k.click("Plaatsen");
    k.settle(|u| u.kiosk.screen() == Screen::Module(board::POSTED));
    k.harness.run();
    assert!(k.has("Stap 4 van 4"));
    let code = k
        .harness
        .state()
        .kiosk
        .module::<Board>()
        .unwrap()
        .state
        .created
        .clone()
        .unwrap()
        .post
        .code;
    assert!(k.has(&format!("{} {} {}", &code[..4], &code[4..8], &code[8..])));
    code
}

fn open_volunteer(k: &mut TestKiosk) {
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
}

/// The poster's own view: the board, "I have a code", the code, "View".
fn open_mine(k: &mut TestKiosk, code: &str) {
    k.click("Prikbord");
    k.click("Ik heb een code");
    type_digits(k, code);
    k.click("Bekijken");
    k.settle(|u| u.kiosk.screen() == Screen::Module(board::MINE));
    k.harness.run();
}

/// Volunteer mode: opens the queue with its one post.
fn open_queue(k: &mut TestKiosk) {
    open_volunteer(k);
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.len() == 1);
    k.harness.run();
    k.click("Prikbord nakijken (1)");
}

/// Volunteer mode: approves the one waiting post as it is, and leaves.
fn approve_waiting(k: &mut TestKiosk) {
    open_queue(k);
    k.click("Goedkeuren");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.is_empty());
    k.click("Ik ben klaar");
}

#[test]
fn post_approve_browse_search_reply_read_replies_and_report() {
    let mut k = start_with(quiet(), SCREEN);
    let code = post_ask(&mut k, "Wie rijdt mee naar het ziekenhuis?");
    // Four screens, and "back" goes to the board, not into the form.
    k.click("Naar het prikbord");
    assert_eq!(screen(&k), Screen::Module(board::LIST));
    assert!(
        k.has_containing("Er staat nog niets op het prikbord"),
        "waiting, not public"
    );
    k.click("Ik ben klaar");

    // A volunteer approves it.
    open_queue(&mut k);
    assert!(k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.click("Goedkeuren");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.is_empty());
    k.harness.run();
    assert!(k.has("Er wacht niets. Goed zo!"));
    k.click("Ik ben klaar");

    // The next resident browses by category and searches without accents or capitals.
    k.click("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.harness.run();
    assert!(k.has("Wie rijdt mee naar het ziekenhuis?"));
    assert!(k.has("1 bericht"));
    k.click("Koken en eten");
    assert!(!k.has("Wie rijdt mee naar het ziekenhuis?"));
    assert!(k.has_containing("Niets gevonden"));
    k.click("Koken en eten");
    k.click("Vervoer");
    assert!(k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.click("Aanbod");
    assert!(!k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.click("Vragen");
    k.type_into("Zoeken", "ZIEKENHUÍS benzine");
    assert!(k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.retype_into("Zoeken", "fiets");
    assert!(!k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.retype_into("Zoeken", "");

    // "I can help": a message and a phone number, for the poster only.
    k.click("Wie rijdt mee naar het ziekenhuis?");
    assert_eq!(screen(&k), Screen::Module(board::POST));
    assert!(k.has("Spreekt: Nederlands, العربية"));
    k.click("Ik kan helpen");
    k.click("Versturen");
    assert!(k.has("Schrijf een kort bericht."));
    k.type_into("Je bericht", "Ik rijd je graag.");
    k.type_into(
        "Hoe kan de persoon je bereiken? (mag leeg)",
        "0470 11 22 33",
    );
    k.click("Versturen");
    assert_eq!(screen(&k), Screen::Module(board::POST));
    assert!(k.has_containing("Verstuurd!"));
    assert!(!k.all_text().iter().any(|t| t.contains("0470")));
    k.click("Ik ben klaar");

    // The poster, with the code: the status and the reply with its phone number.
    open_mine(&mut k, &code);
    assert!(k.has_containing("Staat op het prikbord tot"));
    assert!(k.has("Ik rijd je graag."));
    assert!(k.has("Bereikbaar via: 0470 11 22 33"));
    k.click("Ik ben klaar");

    // Someone reports it: it leaves the board at once, and the volunteer sees why.
    k.click("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.harness.run();
    k.click("Wie rijdt mee naar het ziekenhuis?");
    k.click("Melden");
    assert!(k.has("Wil je dit bericht melden?"));
    k.click("Ja, melden");
    assert_eq!(screen(&k), Screen::Module(board::LIST));
    assert!(k.has_containing("Bedankt."));
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.is_empty());
    k.harness.run();
    assert!(!k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.click("Ik ben klaar");
    open_queue(&mut k);
    assert!(k.has("1 keer gemeld"));
    // Rejected with a reason the poster will read.
    k.click("Weigeren");
    k.click("Weigeren");
    assert!(k.has("Schrijf waarom (de persoon leest dit)."));
    k.click("Dit is niet vriendelijk.");
    k.click("Weigeren");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.is_empty());
    k.click("Ik ben klaar");
    open_mine(&mut k, &code);
    assert!(k.has("Niet geplaatst: Dit is niet vriendelijk."));
}

#[test]
fn a_volunteer_corrects_a_post_and_hostile_text_stays_plain_text() {
    let mut k = start_with(quiet(), SCREEN);
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    k.click("Ik bied iets aan");
    k.click("Papieren en brieven");
    // Nothing but invisible characters is no title.
    k.type_into("Wat bied je aan? (kort)", "\u{200B}\u{202E} ");
    k.click("Plaatsen");
    assert!(k.has("Schrijf kort wat je zoekt of aanbiedt."));
    let hostile = format!("<script>x</script>\u{202E}{}", "é".repeat(10_000));
    k.retype_into("Wat bied je aan? (kort)", &hostile);
    k.click("Plaatsen");
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
    assert!(created.post.title.starts_with("<script>x</script>"));
    assert!(!created.post.title.contains('\u{202E}'));
    assert!(created.post.title.chars().count() <= digidak_core::board::TITLE_MAX);
    k.click("Ik ben klaar");
    open_queue(&mut k);
    assert!(k.has(&created.post.title), "markup shown as the text it is");
    k.click("Aanpassen");
    k.retype_into("Titel", "Ik help met brieven lezen");
    k.click("Opslaan en goedkeuren");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.queue.is_empty());
    k.click("Ik ben klaar");
    k.click("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.harness.run();
    assert!(k.has("Ik help met brieven lezen"));
    k.click("Ik help met brieven lezen");
    assert!(
        k.has("Ik heb interesse"),
        "an offer gets \"I'm interested\""
    );
}

#[test]
fn bad_and_unknown_codes_tell_nothing_and_a_wipe_forgets_the_draft() {
    let mut k = start_with(quiet(), SCREEN);
    k.click("Prikbord");
    k.click("Ik heb een code");
    type_digits(&mut k, "1234");
    k.click("Bekijken");
    assert!(k.has("Een code heeft 12 cijfers."));
    type_digits(&mut k, "56789012");
    k.click("Bekijken");
    k.settle(|u| {
        u.kiosk.module::<Board>().unwrap().state.lookup == digidak::app::CodeLookup::NotFound
    });
    k.harness.run();
    assert!(k.has("Deze code kennen we niet. Kijk de cijfers na."));
    // A half-written post is wiped with the session.
    k.click("Ik ben klaar");
    k.click("Prikbord");
    k.click("Iets vragen of aanbieden");
    k.click("Ik heb iets nodig");
    k.click("Kinderen");
    k.type_into("Wat zoek je? (kort)", "Oppas voor Yasmine");
    k.click("Ik ben klaar");
    assert_eq!(screen(&k), Screen::Home);
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Board>()
            .unwrap()
            .drafts
            .post_title
            .is_empty()
    );
    assert!(!k.all_text().iter().any(|t| t.contains("Yasmine")));
}

#[test]
fn an_ended_post_says_when_its_replies_go_and_an_admin_prints_the_board_or_this_weeks_posts() {
    let mut k = start_with(quiet(), SCREEN);
    let code = post_ask(&mut k, "Wie helpt met mijn belastingbrief?");
    k.click("Ik ben klaar");
    approve_waiting(&mut k);

    // Someone answers; the poster reads it and says it helped.
    k.click("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.harness.run();
    k.click("Wie helpt met mijn belastingbrief?");
    k.click("Ik kan helpen");
    k.type_into("Je bericht", "Kom dinsdag langs.");
    k.click("Versturen");
    k.click("Ik ben klaar");
    open_mine(&mut k, &code);
    assert!(k.has("Kom dinsdag langs."));
    assert!(!k.has_containing("worden gewist op"), "not while it runs");
    // Taking it away asks first; "no" keeps it.
    k.click("Haal weg");
    assert!(k.has_containing("Wil je je bericht echt weghalen?"));
    k.click("Nee, laat staan");
    assert!(!k.has_containing("Wil je je bericht echt weghalen?"));
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Board>()
            .unwrap()
            .state
            .mine
            .as_ref()
            .is_some_and(|m| m.post.status == "public")
    );
    k.click("Dit heeft geholpen");
    k.settle(|u| {
        u.kiosk
            .module::<Board>()
            .unwrap()
            .state
            .mine
            .as_ref()
            .is_some_and(|m| m.post.status == "closed")
    });
    k.harness.run();
    // Ended: the reply stays readable for a month, and the poster is told until when.
    assert!(k.has("Kom dinsdag langs."));
    assert!(k.has_containing("Deze antwoorden worden gewist op"));
    k.click("Ik ben klaar");

    // Admin mode: the whole board, or only this week's new posts, as PDF files.
    post_ask(&mut k, "Wie leert mij fietsen?");
    k.click("Ik ben klaar");
    approve_waiting(&mut k);
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    open_admin(&mut k);
    let mut files = Vec::new();
    for label in [
        "Prikbord afdrukken (PDF)",
        "Alleen nieuw van deze week (PDF)",
    ] {
        k.click(label);
        k.settle(|u| u.kiosk.module::<Board>().unwrap().state.printed.is_some());
        k.harness.run();
        let path = k
            .harness
            .state()
            .kiosk
            .module::<Board>()
            .unwrap()
            .state
            .printed
            .clone()
            .unwrap()
            .unwrap();
        assert!(path.starts_with(k.dir.path().join("exports")));
        assert!(k.has_containing(&path.display().to_string()));
        let pdf = std::fs::read(&path).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        files.push(path);
    }
    assert!(files[0].to_string_lossy().ends_with(".pdf"));
    assert!(files[1].to_string_lossy().ends_with("-new.pdf"));
    assert_ne!(files[0], files[1]);
}

#[test]
fn on_a_low_screen_the_filters_fold_so_posts_show_at_once() {
    let mut k = start_with(quiet(), egui::vec2(1024.0, 768.0));
    post_ask(&mut k, "Wie rijdt mee naar het ziekenhuis?");
    k.click("Ik ben klaar");
    approve_waiting(&mut k);
    k.click("Prikbord");
    k.settle(|u| u.kiosk.module::<Board>().unwrap().state.posts.len() == 1);
    k.harness.run();
    // The post shows on the first screen; the search box too; the pictures wait behind a button.
    let post = egui_kittest::kittest::Queryable::get_by_label(
        &k.harness,
        "Wie rijdt mee naar het ziekenhuis?",
    )
    .rect();
    assert!(post.bottom() < 680.0, "the post is in sight: {post:?}");
    assert!(k.has("Zoeken"));
    assert!(!k.has("Vervoer"));
    k.click("Kies wat je ziet");
    k.click("Koken en eten");
    assert!(!k.has("Wie rijdt mee naar het ziekenhuis?"));
    k.click("Klaar met kiezen");
    assert!(k.has("Kies wat je ziet (1 gekozen)"));
    assert!(!k.has("Koken en eten"));
}
