//! The resident's shell, driven as a person would: by visible labels.

use crate::common;

use std::time::Duration;

use common::*;
use digidak::app::Screen;
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;
use egui_kittest::kittest::Queryable;

/// Home and chrome labels in one language.
fn home_labels(t: &Translations, lang: Lang) -> Vec<String> {
    [
        "nav-home",
        "nav-back",
        "nav-done",
        "staff-open",
        "home-welcome",
        "home-hint",
        "tile-lessons",
        "tile-activities",
        "tile-board",
        "tile-help",
        "tile-partners",
    ]
    .iter()
    .map(|k| t.get(lang, k))
    .collect()
}

#[test]
fn language_switch_changes_every_label() {
    let t = Translations::load().unwrap();
    let mut k = start();
    let native: Vec<String> = Lang::ALL
        .iter()
        .map(|l| t.get(*l, "language-name"))
        .collect();
    for lang in [
        Lang::Fr,
        Lang::En,
        Lang::Tr,
        Lang::Pl,
        Lang::Uk,
        Lang::Ro,
        Lang::Ar,
        Lang::Nl,
    ] {
        k.choose_language(&t.get(lang, "language-name"));
        assert_eq!(k.harness.state().kiosk.lang, lang);
        let expected = home_labels(&t, lang);
        for label in &expected {
            assert!(k.has(label), "{lang}: {label:?} is not on screen");
        }
        // Every text on screen is in this language: its own labels, the language names, or
        // the text-size buttons.
        for text in k.all_text() {
            // ("Read aloud" shows where the machine can speak.)
            let ok = expected.contains(&text)
                || text == t.get(lang, "lesson-read-aloud")
                || text == t.get(lang, "language-choose")
                || native.contains(&text)
                || ["A", "A+", "A++"].contains(&text.as_str());
            assert!(ok, "{lang}: {text:?} is not a {lang} label");
        }
    }
}

#[test]
fn text_size_2x_keeps_everything_inside_the_screen() {
    let t = Translations::load().unwrap();
    for (size, lang) in [egui::vec2(1024.0, 768.0), SCREEN]
        .into_iter()
        .flat_map(|s| Lang::ALL.map(|l| (s, l)))
    {
        let mut k = start_with(demo_config(), size);
        k.choose_language(&t.get(lang, "language-name"));
        k.click("A++");
        assert_eq!(k.harness.state().kiosk.text_scale.factor(), 2.0);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        let rects = k.button_rects();
        let tile = t.get(lang, "tile-help");
        assert!(rects.iter().any(|(l, _)| *l == tile), "{lang}: no {tile:?}");
        for (label, rect) in rects {
            assert!(
                screen.contains_rect(rect),
                "{lang}: {label:?} at {rect:?} is outside the {size:?} screen"
            );
            assert!(
                rect.width() >= 64.0 && rect.height() >= 64.0,
                "{label:?} is smaller than 64 px: {rect:?}"
            );
        }
    }
}

#[test]
fn every_target_is_at_least_64_px() {
    let mut k = start();
    for screen in ["Ik wil hulp", "Begeleiders"] {
        k.click(screen);
        for (label, rect) in k.button_rects() {
            assert!(
                rect.width() >= 64.0 && rect.height() >= 64.0,
                "{label:?} is smaller than 64 px: {rect:?}"
            );
        }
        k.click("Start");
    }
}

#[test]
fn idle_warning_then_wipe_forgets_everything() {
    let mut k = start();
    k.choose_language("English");
    k.click("A+");
    k.click("I need help");
    k.type_into("Your first name (if you want)", "Fatima");
    assert!(k.all_text().iter().any(|t| t.contains("Fatima")));

    k.advance(Duration::from_secs(119));
    assert!(!k.has("Are you still there?"));
    k.advance(Duration::from_secs(1));
    assert!(k.has("Are you still there?"));
    assert!(k.has_containing("In 30 seconds"));
    k.advance(Duration::from_secs(10));
    assert!(k.has_containing("In 20 seconds"));

    k.advance(Duration::from_secs(20));
    let kiosk = &k.harness.state().kiosk;
    assert_eq!(kiosk.screen(), Screen::Home);
    assert_eq!(kiosk.lang, Lang::Nl, "language goes back to the default");
    assert_eq!(kiosk.text_scale.factor(), 1.0);
    assert!(k.has("Welkom! Wat wil je doen?"));
    assert!(!k.has("Ben je er nog?"));
    assert!(
        !k.all_text().iter().any(|t| t.contains("Fatima")),
        "the name must be gone"
    );
    // And it is not waiting in the field for the next person either.
    k.click("Ik wil hulp");
    assert_eq!(
        k.harness
            .get_by_label("Je voornaam (als je wilt)")
            .value()
            .unwrap_or_default(),
        ""
    );
}

#[test]
fn still_here_keeps_the_session() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Jan");
    k.advance(Duration::from_secs(125));
    assert!(k.has("Ben je er nog?"));
    // Moving the mouse is not an answer; the button is.
    k.harness.hover_at(egui::pos2(10.0, 400.0));
    k.harness.run();
    assert!(k.has("Ben je er nog?"));
    k.click("Ja, ik ben er nog");
    assert!(!k.has("Ben je er nog?"));
    k.advance(Duration::from_secs(100));
    let kiosk = &k.harness.state().kiosk;
    assert_eq!(kiosk.screen(), Screen::Module(digidak::modules::help::FORM));
    assert_eq!(
        kiosk.module::<digidak::modules::help::Help>().unwrap().name,
        "Jan"
    );
}

#[test]
fn the_screen_is_laid_out_right_after_a_wipe() {
    let mut k = start();
    // (Read aloud shows once the speech thread knows its voices: wait for that first.)
    k.settle(|u| u.kiosk.speech.detected());
    let before: Vec<_> = k.button_rects();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Jan");
    k.advance(Duration::from_secs(150));
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
    // No extra frame is coming on an idle home screen: what is drawn now must be right.
    assert_eq!(k.repaint_delay(), Duration::MAX);
    assert_eq!(k.button_rects(), before);
}

#[test]
fn im_done_wipes_at_once() {
    let mut k = start();
    k.choose_language("Français");
    k.click("J'ai besoin d'aide");
    k.type_into("Votre prénom (si vous voulez)", "Amina");
    k.click("J'ai fini");
    let kiosk = &k.harness.state().kiosk;
    assert_eq!(kiosk.screen(), Screen::Home);
    assert_eq!(kiosk.lang, Lang::Nl);
    assert!(!k.all_text().iter().any(|t| t.contains("Amina")));
    // A short goodbye in the language the person used, then the home screen, by itself.
    assert!(k.has("Tout est effacé"));
    assert!(k.repaint_delay() <= Duration::from_secs(3));
    k.advance(Duration::from_secs(3));
    assert!(!k.has("Tout est effacé"));
    assert_eq!(
        k.repaint_delay(),
        Duration::MAX,
        "then nothing is scheduled"
    );
}

#[test]
fn the_goodbye_ends_at_the_next_tap() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.click("Ik ben klaar");
    assert!(k.has("Alles is gewist"));
    let centre = k.harness.ctx.content_rect().center();
    k.touch_at(centre);
    assert!(!k.has("Alles is gewist"));
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
}

#[test]
fn untouched_home_screen_asks_for_no_repaint() {
    let mut k = start();
    k.harness.run();
    assert_eq!(
        k.repaint_delay(),
        Duration::MAX,
        "an idle home screen must not schedule frames"
    );
    // An untouched home screen is never warned or wiped: there is nothing to protect.
    k.advance(Duration::from_secs(3600));
    assert!(!k.has("Ben je er nog?"));
    // Once someone uses it, a timer runs until the warning.
    k.click("Ik wil hulp");
    assert!(k.repaint_delay() <= Duration::from_secs(120));
}

#[test]
fn back_and_home() {
    let mut k = start();
    k.click("Ik wil hulp");
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(digidak::modules::help::FORM)
    );
    k.click("Terug");
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
    k.click("Ik wil hulp");
    k.click("Start");
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
}

#[test]
fn calling_a_volunteer_is_saved_and_confirmed() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Fatima");
    k.click("Roep een begeleider");
    k.settle(|u| u.kiosk.screen() == Screen::Module(digidak::modules::help::SENT));
    assert!(k.has("Een begeleider weet het"));
    assert!(
        !k.all_text().iter().any(|t| t.contains("Fatima")),
        "the name is not shown back on the resident screen"
    );
    k.settle(|u| u.kiosk.help_requests.len() == 1);
    assert_eq!(
        k.harness.state().kiosk.help_requests[0]
            .first_name
            .as_deref(),
        Some("Fatima")
    );
}

#[test]
fn a_broken_store_is_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(digidak::store::DB_FILE),
        b"this is not a database, but someone's file",
    )
    .unwrap();
    let mut k = start_in(demo_config(), SCREEN, dir);
    k.click("Ik wil hulp");
    assert!(k.has("Dat lukte niet. Vraag het aan iemand in de zaal."));
    let before = std::fs::read(k.dir.path().join(digidak::store::DB_FILE)).unwrap();
    assert_eq!(before, b"this is not a database, but someone's file");
}

/// egui's text fields cannot edit right-to-left text: typed Arabic letters are refused there
/// (rather than shown in the wrong order); Latin letters and digits are typed as ever.
#[test]
fn arabic_letters_are_kept_out_of_text_fields() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "سلام");
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<digidak::modules::help::Help>()
            .unwrap()
            .name,
        ""
    );
    k.type_into("Je voornaam (als je wilt)", "Jan 2");
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<digidak::modules::help::Help>()
            .unwrap()
            .name,
        "Jan 2"
    );
}
