//! Lessons as a resident and a volunteer use them, found by their visible labels: open a
//! lesson, step through it, answer every kind of practice right and wrong, continue later with
//! a code (on this kiosk offline, and on another kiosk through a real server), read aloud,
//! guide mode, and the longer idle time.

use crate::common;
use crate::support;

use std::time::Duration;

use common::*;
use digidak::app::Screen;
use digidak::modules::lessons::{self, Lessons};
use digidak::sync::worker::SyncState;
use egui_kittest::kittest::Queryable;
use support::InProcessServer;

/// The demo config without read aloud (so the tests do not depend on the machine's speech).
fn quiet_config() -> digidak::config::KioskConfig {
    let mut c = demo_config();
    c.lessons.read_aloud = "off".into();
    c
}

fn start_quiet() -> TestKiosk {
    start_with(quiet_config(), SCREEN)
}

/// From home, opens the lesson with this title.
fn open_lesson(k: &mut TestKiosk, title: &str) {
    k.click("Leren");
    assert!(k.has("Leren met de computer"));
    k.click(title);
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(lessons::LESSON)
    );
}

fn next(k: &mut TestKiosk, times: usize) {
    for _ in 0..times {
        k.click("Volgende");
    }
}

/// The explanation shown after an answer.
fn verdict_says(k: &TestKiosk, words: &str) -> bool {
    k.has_containing(words)
}

#[test]
fn open_a_lesson_step_forward_and_back_and_filter_by_topic() {
    let mut k = start_quiet();
    k.click("Leren");
    // Sixteen lessons, each by its picture and title.
    for title in [
        "Inloggen en bevestigen met itsme",
        "Aanmelden zonder itsme",
        "Waar komen brieven van de overheid aan?",
        "Oplichting via telefoon en WhatsApp",
        "Je gezondheid online: Mijn Gezondheid en je ziekenfonds",
        "Bus, tram en trein: tickets, en betalen met een QR-code",
        "Mijn Burgerprofiel en de Jobbonus",
        "Je belastingen met Tax-on-web",
        "Een e-mail typen en versturen",
        "Een valse mail herkennen",
        "Een sterk wachtwoord",
        "Veilig bankieren en online kopen",
        "Je smartphone: de eerste stappen",
        "Foto’s maken en versturen",
        "Videobellen met familie en vrienden",
        "Werk zoeken op het internet",
    ] {
        assert!(k.has(title), "{title} is not listed");
    }
    k.click("Veilig online");
    assert!(k.has("Een valse mail herkennen"));
    assert!(k.has("Een sterk wachtwoord"));
    assert!(!k.has("Inloggen en bevestigen met itsme"));
    k.click("Alles");
    assert!(k.has("Inloggen en bevestigen met itsme"));

    k.click("Een valse mail herkennen");
    assert!(k.has("Stap 1 van 10"));
    assert!(k.has_containing("Oplichters sturen mails en sms’jes"));
    next(&mut k, 1);
    assert!(k.has("Stap 2 van 10"));
    assert!(
        k.has_containing("Haast is het eerste teken"),
        "the tip shows"
    );
    k.click("Vorige");
    assert!(k.has("Stap 1 van 10"));
    // The language follows the kiosk.
    k.choose_language("Français");
    assert!(k.has("Étape 1 sur 10"));
    assert!(k.has_containing("Les escrocs envoient des mails"));
    k.choose_language("Nederlands");
    // Through to the end.
    next(&mut k, 10);
    assert!(k.has("Goed gedaan!"));
    assert!(k.has_containing("Je hebt de les “Een valse mail herkennen” helemaal gedaan."));
    k.click("Nog een les");
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(lessons::LIST)
    );
}

#[test]
fn phishing_practice_explains_a_wrong_pick_and_praises_the_right_one() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een valse mail herkennen");
    next(&mut k, 4);
    assert!(k.has("Stap 5 van 10"));
    k.click("Je boek ligt klaar");
    assert!(verdict_says(&k, "Deze mail is echt"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("DRINGEND: je kaart wordt vandaag geblokkeerd");
    assert!(verdict_says(&k, "Goed gezien!"));
    assert!(!verdict_says(&k, "Probeer nog eens."));
}

#[test]
fn quiz_practice_right_and_wrong() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een valse mail herkennen");
    next(&mut k, 7);
    assert!(k.has("Stap 8 van 10"));
    k.click("Ik betaal snel, het is maar 1,99 euro.");
    assert!(verdict_says(&k, "de link gaat naar een valse website"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("Ik klik niet en ik wis de sms.");
    assert!(verdict_says(&k, "Juist! Wacht je geen pakje"));
    assert!(!verdict_says(&k, "Probeer nog eens."));
}

#[test]
fn email_practice_gives_friendly_hints() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een e-mail typen en versturen");
    next(&mut k, 3);
    assert!(k.has("Stap 4 van 7"));
    k.type_into("E-mailadres", "fatima demo@voorbeeld.be");
    k.click("Controleren");
    assert!(verdict_says(&k, "Er staat een spatie in."));
    k.retype_into("E-mailadres", "fatima.demo@voorbeeld,be");
    k.click("Controleren");
    assert!(verdict_says(&k, "Gebruik een punt (.)"));
    k.retype_into("E-mailadres", "fatima.demovoorbeeld.be");
    k.click("Controleren");
    assert!(verdict_says(&k, "Het teken @ ontbreekt."));
    k.retype_into("E-mailadres", "fatma.demo@voorbeeld.be");
    k.click("Controleren");
    assert!(verdict_says(&k, "vóór de @"));
    k.retype_into("E-mailadres", "Fatima.Demo@voorbeeld.be");
    k.click("Controleren");
    assert!(verdict_says(&k, "Juist!"));
    assert!(verdict_says(&k, "letter voor letter"));
    assert!(!verdict_says(&k, "Probeer nog eens."));
    // What was typed is gone on the next step.
    next(&mut k, 1);
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Lessons>()
            .unwrap()
            .drafts
            .lesson_email
            .is_empty()
    );
}

#[test]
fn itsme_practice_confirm_only_what_you_started_yourself_and_never_for_a_caller() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Inloggen en bevestigen met itsme");
    next(&mut k, 5);
    assert!(k.has("Stap 6 van 10"));
    // The pretend app shows who asks and what it is.
    assert!(k.has_containing("Ziekenfonds Voorbeeld"));
    assert!(k.has_containing("Wat: Inloggen"));
    // You started it, who and what are right: rejecting is wrong, and the kiosk says why.
    k.click("Weigeren");
    assert!(verdict_says(&k, "Dit was in orde"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    assert!(
        !verdict_says(&k, "Dan mag je bevestigen."),
        "no answer given away"
    );
    k.click("Bevestigen");
    assert!(verdict_says(&k, "Dan mag je bevestigen."));
    assert!(!verdict_says(&k, "Probeer nog eens."));
    // You did not start this: reject.
    next(&mut k, 1);
    k.click("Bevestigen");
    assert!(verdict_says(&k, "jij bent hier niet zelf mee begonnen"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("Weigeren");
    assert!(verdict_says(
        &k,
        "Iemand anders probeert met jouw naam in te loggen"
    ));
    assert!(!verdict_says(&k, "Probeer nog eens."));
    // Everything matches, but someone on the phone asks you to confirm: reject.
    next(&mut k, 1);
    assert!(k.has("Stap 8 van 10"));
    assert!(k.has_containing("Bank Voorbeeld"));
    k.click("Bevestigen");
    assert!(verdict_says(&k, "iemand aan de telefoon vraagt het"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("Weigeren");
    assert!(verdict_says(&k, "Bel zelf je bank"));
    assert!(!verdict_says(&k, "Probeer nog eens."));
}

#[test]
fn itsme_practice_rejects_a_payment_that_is_not_what_you_bought() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Veilig bankieren en online kopen");
    next(&mut k, 4);
    assert!(k.has_containing("Betaling van 250 euro"));
    k.click("Bevestigen");
    assert!(verdict_says(&k, "de app toont iets anders"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("Weigeren");
    assert!(verdict_says(&k, "250 euro in plaats van 25 euro"));
    assert!(!verdict_says(&k, "Probeer nog eens."));
}

#[test]
fn the_harder_fake_mail_comes_from_a_normal_address() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een valse mail herkennen");
    next(&mut k, 6);
    assert!(k.has("Stap 7 van 10"));
    k.click("Je rekeninguittreksel staat klaar");
    assert!(verdict_says(&k, "Deze mail is echt"));
    assert!(verdict_says(&k, "Probeer nog eens."));
    k.click("Activeer itsme opnieuw voor je rekening");
    assert!(verdict_says(&k, "Het gewone adres bewijst niets."));
    assert!(!verdict_says(&k, "Probeer nog eens."));
}

#[test]
fn volunteers_see_lessons_whose_facts_are_over_a_year_old() {
    // A lessons folder where one lesson was last checked long ago.
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lessons");
    for entry in std::fs::read_dir(&src).unwrap().flatten() {
        if !entry.path().is_dir() {
            continue;
        }
        let to = dir.path().join(entry.file_name());
        std::fs::create_dir_all(&to).unwrap();
        for f in std::fs::read_dir(entry.path()).unwrap().flatten() {
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    }
    let meta = dir.path().join("passwords/lesson.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    assert!(text.contains("checked = \"2026-11-27\""));
    std::fs::write(
        &meta,
        text.replace("checked = \"2026-11-27\"", "checked = \"2020-01-15\""),
    )
    .unwrap();
    let mut config = quiet_config();
    config.lessons.dir = Some(dir.path().to_path_buf());
    let mut k = start_with(config, SCREEN);
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    assert!(k.has("Lessen nakijken"));
    assert!(k.has("Een sterk wachtwoord — nagekeken op 2020-01-15"));
    // Only that one: the others were checked this year.
    assert!(!k.has_containing("Een valse mail herkennen — nagekeken"));

    // With the built-in lessons (all current) the list is not there.
    let mut k = start_quiet();
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    assert!(k.has("Wie wil hulp?"));
    assert!(!k.has("Lessen nakijken"));
}

#[test]
fn every_step_of_every_lesson_fits_1280x800_and_1024x768_screens() {
    for size in [SCREEN, egui::vec2(1024.0, 768.0)] {
        let mut k = start_with(quiet_config(), size);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        let lib = k.harness.state().kiosk.content.library.clone().unwrap();
        for lesson in &lib.lessons {
            let title = lesson
                .text(digidak_core::lang::Lang::Nl)
                .unwrap()
                .title
                .clone();
            k.click("Start");
            open_lesson(&mut k, &title);
            for step in 0..lesson.step_count() {
                // Every button (answers, mails, Next...) is on screen without scrolling.
                for (label, rect) in k.button_rects() {
                    assert!(
                        screen.contains_rect(rect),
                        "{size:?} {} step {}: {label:?} at {rect:?} is off screen",
                        lesson.id,
                        step + 1
                    );
                }
                k.click("Volgende");
            }
            assert!(k.has("Goed gedaan!"));
        }
    }
}

/// French and English texts run longer than Dutch: every step fits in them too.
#[test]
fn every_step_of_every_lesson_fits_in_french_and_english_too() {
    use digidak_core::lang::Lang;
    for (lang, language, learn, next, done, home) in [
        (
            Lang::Fr,
            "Français",
            "Apprendre",
            "Suivant",
            "Bravo !",
            "Accueil",
        ),
        (Lang::En, "English", "Learn", "Next", "Well done!", "Home"),
    ] {
        for size in [SCREEN, egui::vec2(1024.0, 768.0)] {
            let mut k = start_with(quiet_config(), size);
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
            k.choose_language(language);
            let lib = k.harness.state().kiosk.content.library.clone().unwrap();
            for lesson in &lib.lessons {
                let title = lesson.text(lang).unwrap().title.clone();
                k.click(home);
                k.click(learn);
                k.click(&title);
                for step in 0..lesson.step_count() {
                    for (label, rect) in k.button_rects() {
                        assert!(
                            screen.contains_rect(rect),
                            "{lang} {size:?} {} step {}: {label:?} at {rect:?} is off screen",
                            lesson.id,
                            step + 1
                        );
                    }
                    k.click(next);
                }
                assert!(k.has(done), "{lang} {}", lesson.id);
            }
        }
    }
}

#[test]
fn read_aloud_is_hidden_without_speech_and_speaks_with_it() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een valse mail herkennen");
    assert!(!k.has("Voorlezen"), "no speech program: no button");

    // A stand-in for espeak-ng that writes down what it was asked to say.
    let dir = tempfile::tempdir().unwrap();
    let (program, said) = fake_speech(dir.path());
    let mut config = demo_config();
    config.lessons.read_aloud = program.display().to_string();
    let mut k = start_with(config, SCREEN);
    k.settle(|u| u.kiosk.speech.available());
    open_lesson(&mut k, "Een valse mail herkennen");
    k.click("Voorlezen");
    support::wait_until(Duration::from_secs(10), "speech", || {
        std::fs::read_to_string(&said).is_ok_and(|s| s.contains("Oplichters sturen mails"))
    });
    let s = std::fs::read_to_string(&said).unwrap();
    assert!(s.starts_with("-v nl"), "{s}");
}

/// A machine with voices for Dutch and Arabic only: in Turkish the key says there is no voice
/// and reads nothing (never Turkish in a Dutch voice); in Arabic it reads in Arabic.
#[test]
fn read_aloud_says_when_a_language_has_no_voice() {
    use digidak_core::lang::Lang;
    let dir = tempfile::tempdir().unwrap();
    let (program, said) = fake_speech_with_voices(
        dir.path(),
        " 5  nl  --/M  Dutch  gmw/nl\n 5  ar  --/M  Arabic  sem/ar",
    );
    let mut config = demo_config();
    config.lessons.read_aloud = program.display().to_string();
    let mut k = start_with(config, SCREEN);
    k.settle(|u| u.kiosk.speech.available());
    let t = translations();
    assert!(k.harness.state().kiosk.speech.speaks(Lang::Nl));
    assert!(!k.harness.state().kiosk.speech.speaks(Lang::Tr));
    k.choose_language("Türkçe");
    assert!(!k.has(&t.get(Lang::Tr, "lesson-read-aloud")));
    assert!(k.has(&t.get(Lang::Tr, "read-aloud-no-voice")));
    k.click(&t.get(Lang::Tr, "read-aloud-no-voice"));
    k.harness.state().kiosk.speech.say("Merhaba", Lang::Tr);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!said.exists(), "nothing was read in Turkish");

    k.choose_language("العربية");
    k.settle(|_| true);
    assert!(k.harness.state().kiosk.speech.speaks(Lang::Ar));
    k.harness.state().kiosk.speech.say("مرحبا", Lang::Ar);
    support::wait_until(Duration::from_secs(10), "speech", || {
        std::fs::read_to_string(&said).is_ok_and(|s| s.contains("مرحبا"))
    });
    let s = std::fs::read_to_string(&said).unwrap();
    assert!(s.starts_with("-v ar"), "{s}");
}

/// Types a code on the number pad, digit by digit.
fn type_code(k: &mut TestKiosk, code: &str) {
    for d in code.chars() {
        k.click(&d.to_string());
    }
}

#[test]
fn continue_later_gives_a_code_that_resumes_here_offline() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een sterk wachtwoord");
    next(&mut k, 2);
    assert!(k.has("Stap 3 van 9"));
    k.click("Later verder");
    k.settle(|u| {
        u.kiosk
            .module::<Lessons>()
            .unwrap()
            .state
            .saved_code
            .is_some()
    });
    let code = k
        .harness
        .state()
        .kiosk
        .module::<Lessons>()
        .unwrap()
        .state
        .saved_code
        .clone()
        .unwrap();
    assert_eq!(code.len(), 10);
    let shown = format!("{} {} {}", &code[..3], &code[3..6], &code[6..]);
    assert!(k.has(&shown), "the code is shown in groups: {shown}");
    assert!(k.has_containing("De code werkt 60 dagen."));
    assert!(!k.has("QR-code"), "no server known: no QR code");
    // The resident leaves; the next person sees nothing of it.
    k.click("Ik ben klaar");
    assert!(!k.all_text().iter().any(|t| t.contains(&shown)));
    assert!(
        k.harness
            .state()
            .kiosk
            .module::<Lessons>()
            .unwrap()
            .state
            .player
            .is_none()
    );

    k.click("Leren");
    k.click("Ik heb een code");
    assert!(k.has("Verder met een les"));
    type_code(&mut k, "12345");
    k.click("Verder");
    assert!(k.has("Een code heeft 10 cijfers. Kijk nog eens."));
    for _ in 0..5 {
        k.click("Wissen");
    }
    type_code(&mut k, "0000000000");
    k.click("Verder");
    k.settle(|u| {
        u.kiosk.module::<Lessons>().unwrap().state.lookup
            != digidak::modules::lessons::Lookup::Looking
    });
    assert!(k.has_containing("Alleen codes van deze computer werken nu."));
    for _ in 0..10 {
        k.click("Wissen");
    }
    type_code(&mut k, &code);
    k.click("Verder");
    k.settle(|u| u.kiosk.screen() == Screen::Module(lessons::LESSON));
    assert!(k.has("Stap 3 van 9"));
    assert!(k.has("Een sterk wachtwoord"));
}

#[test]
fn a_code_made_at_one_kiosk_resumes_at_another_through_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code_a = server.add_kiosk("PC noord", "noord");
    let code_b = server.add_kiosk("PC zuid", "zuid");
    let mut a = start_quiet();
    let mut b = start_quiet();
    for (k, code) in [(&mut a, &code_a), (&mut b, &code_b)] {
        open_admin(k);
        pair(k, &server.url(), code);
        settle_state(k, SyncState::Online);
        k.click("Start");
    }

    // At kiosk A, in French, step 4 of the itsme lesson.
    a.choose_language("Français");
    open_lesson_fr(&mut a, "Se connecter et confirmer avec itsme");
    next_fr(&mut a, 3);
    assert!(a.has("Étape 4 sur 10"));
    a.click("Continuer plus tard");
    a.settle(|u| {
        u.kiosk
            .module::<Lessons>()
            .unwrap()
            .state
            .saved_code
            .is_some()
    });
    let code = a
        .harness
        .state()
        .kiosk
        .module::<Lessons>()
        .unwrap()
        .state
        .saved_code
        .clone()
        .unwrap();
    assert!(a.has("Code QR"), "a known server: the QR code shows");
    // Sent to the server.
    a.settle(|u| u.kiosk.sync_status().unwrap().pending == 0);

    // At kiosk B, another site, in Dutch.
    b.click("Leren");
    b.click("Ik heb een code");
    type_code(&mut b, &code);
    b.click("Verder");
    b.settle(|u| u.kiosk.screen() == Screen::Module(lessons::LESSON));
    assert!(b.has("Étape 4 sur 10"), "same lesson, step and language");
    assert_eq!(b.harness.state().kiosk.lang, digidak_core::lang::Lang::Fr);

    // An unknown code is told as unknown, not as offline.
    b.click("Accueil");
    b.click("Apprendre");
    b.click("J’ai un code");
    type_code(&mut b, "1111111111");
    b.click("Continuer");
    b.settle(|u| {
        u.kiosk.module::<Lessons>().unwrap().state.lookup
            != digidak::modules::lessons::Lookup::Looking
    });
    assert!(b.has_containing("Nous ne connaissons pas ce code"));

    // With the server gone, B says it cannot ask.
    drop(server);
    for _ in 0..10 {
        b.click("Effacer");
    }
    type_code(&mut b, "2222222222");
    b.click("Continuer");
    b.settle(|u| {
        u.kiosk.module::<Lessons>().unwrap().state.lookup
            != digidak::modules::lessons::Lookup::Looking
    });
    assert!(b.has_containing("ne peut pas joindre le serveur"));
}

fn open_lesson_fr(k: &mut TestKiosk, title: &str) {
    k.click("Apprendre");
    k.click(title);
}

fn next_fr(k: &mut TestKiosk, times: usize) {
    for _ in 0..times {
        k.click("Suivant");
    }
}

#[test]
fn a_volunteer_guides_a_lesson_and_notes_the_initiation() {
    let mut k = start_quiet();
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.click("Een les geven");
    k.click("Een sterk wachtwoord");
    assert!(k.has("Je begeleidt deze les."));
    k.click("Initiatie gegeven");
    assert!(k.has("Initiatie genoteerd: Veilig online"));
    // Twice counts once.
    assert!(!k.has("Initiatie gegeven"));
    k.settle(|u| {
        payloads(u.kiosk.data_dir.as_path(), "lesson.event")
            .iter()
            .any(|p| p.contains("\"initiation\""))
    });
    let events = payloads(k.dir.path(), "lesson.event");
    assert_eq!(events.len(), 2, "opened and initiation: {events:?}");
    assert!(events.iter().all(|p| p.contains("\"topic\":\"safety\"")));
    // No names in any of it.
    assert!(events.iter().all(|p| !p.contains("name")));

    // Admin mode shows this kiosk's counts.
    k.click("Start");
    k.click("Begeleiders");
    k.enter_pin("1357", "OK");
    k.settle(|u| u.kiosk.module::<Lessons>().unwrap().state.counts.is_some());
    assert!(k.has_containing("1 geopend, 0 afgewerkt"));
    assert!(k.has_containing("Initiaties: Veilig online 1"));
}

/// The payloads of the kiosk's queued operations of one kind.
fn payloads(dir: &std::path::Path, kind: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join(digidak::store::DB_FILE)).unwrap();
    let mut stmt = conn
        .prepare("SELECT payload FROM outbox WHERE kind = ?1 ORDER BY idx")
        .unwrap();
    stmt.query_map([kind], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_resident_is_not_guided_and_cannot_mark_initiations() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een sterk wachtwoord");
    assert!(!k.has("Je begeleidt deze les."));
    assert!(!k.has("Initiatie gegeven"));
}

#[test]
fn lessons_wait_longer_before_the_idle_warning_and_the_wipe_forgets_the_lesson() {
    let mut k = start_quiet();
    open_lesson(&mut k, "Een e-mail typen en versturen");
    next(&mut k, 3);
    k.type_into("E-mailadres", "fatima@");
    // Past the normal warning (120 s) and wipe (150 s): still in the lesson.
    k.advance(Duration::from_secs(200));
    assert!(!k.has("Ben je er nog?"));
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(lessons::LESSON)
    );
    // Past the lesson warning (480 s) and wipe (540 s): home, nothing left.
    k.advance(Duration::from_secs(290));
    assert!(k.has("Ben je er nog?"));
    k.advance(Duration::from_secs(60));
    let kiosk = &k.harness.state().kiosk;
    assert_eq!(kiosk.screen(), Screen::Home);
    assert!(kiosk.module::<Lessons>().unwrap().state.player.is_none());
    assert!(
        kiosk
            .module::<Lessons>()
            .unwrap()
            .drafts
            .lesson_email
            .is_empty()
    );
    assert!(!k.all_text().iter().any(|t| t.contains("fatima")));
}

#[test]
fn qr_codes_open_the_lesson_on_a_phone_at_the_right_step() {
    let mut config = quiet_config();
    config.server.url = Some("https://digidak.example.org/".into());
    let mut k = start_with(config, SCREEN);
    open_lesson(&mut k, "Een sterk wachtwoord");
    next(&mut k, 2);
    k.click("Later verder");
    k.settle(|u| {
        u.kiosk
            .module::<Lessons>()
            .unwrap()
            .state
            .saved_code
            .is_some()
    });
    let qr = k.harness.get_by_label("QR-code");
    assert_eq!(
        qr.value().as_deref(),
        Some("https://digidak.example.org/lessons/passwords?lang=nl&step=3#step-3")
    );
    k.click("Terug naar de les");
    next(&mut k, 7);
    assert!(k.has("Goed gedaan!"));
    k.click("Op je telefoon");
    assert!(k.has("Neem de les mee"));
    assert_eq!(
        k.harness.get_by_label("QR-code").value().as_deref(),
        Some("https://digidak.example.org/lessons/passwords?lang=nl")
    );
}

/// In Turkish the list shows the lessons written in Turkish, then the others in a language of
/// nl/fr/en the resident picks (Dutch first on a Dutch kiosk); one of those opens in that
/// language and says so.
#[test]
fn the_lesson_list_offers_the_other_lessons_in_dutch_french_or_english() {
    use digidak_core::lang::Lang;
    let t = translations();
    let mut k = start_quiet();
    k.choose_language("Türkçe");
    k.click(&t.get(Lang::Tr, "tile-lessons"));
    k.settle(|u| u.kiosk.content.library.is_some());
    for title in [
        "itsme ile giriş yapmak ve onaylamak",
        "Sahte bir e-postayı tanımak",
        "Mijn Burgerprofiel ve Jobbonus",
    ] {
        assert!(k.has(title), "{title} is listed in Turkish");
    }
    assert!(k.has(&t.get(Lang::Tr, "lessons-other-languages")));
    assert!(k.has("Een sterk wachtwoord"), "the others in Dutch");
    assert!(!k.has("Un mot de passe solide"));
    assert!(
        !k.has("Een valse mail herkennen"),
        "not twice: it is in Turkish"
    );
    k.click("Français");
    assert!(k.has("Un mot de passe solide"), "the others in French");
    assert!(!k.has("Een sterk wachtwoord"));
    k.click("Un mot de passe solide");
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(lessons::LESSON)
    );
    let player = k
        .harness
        .state()
        .kiosk
        .module::<Lessons>()
        .unwrap()
        .state
        .player
        .as_ref()
        .unwrap();
    assert_eq!(player.lang, Lang::Fr);
    assert!(
        k.has_containing("Français"),
        "the step says it is in French"
    );
    // A Turkish lesson opens in Turkish.
    k.click(&t.get(Lang::Tr, "nav-back"));
    k.click("Sahte bir e-postayı tanımak");
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<Lessons>()
            .unwrap()
            .state
            .player
            .as_ref()
            .unwrap()
            .lang,
        Lang::Tr
    );
}

/// Read aloud in Arabic says the screen's words in reading order (the screen shows them
/// reordered for display; the voice gets the sentence as written).
#[test]
fn read_aloud_in_arabic_reads_the_sentence_as_written() {
    use digidak_core::lang::Lang;
    let dir = tempfile::tempdir().unwrap();
    let (program, said) = fake_speech(dir.path());
    let mut config = demo_config();
    config.lessons.read_aloud = program.display().to_string();
    let mut k = start_with(config, SCREEN);
    k.settle(|u| u.kiosk.speech.available());
    let t = translations();
    k.choose_language("العربية");
    k.click(&t.get(Lang::Ar, "lesson-read-aloud"));
    support::wait_until(Duration::from_secs(10), "speech", || {
        std::fs::read_to_string(&said).is_ok_and(|s| !s.is_empty())
    });
    let s = std::fs::read_to_string(&said).unwrap();
    assert!(s.starts_with("-v ar "), "{s}");
    assert!(s.contains(&t.get(Lang::Ar, "home-welcome")), "{s}");
}
