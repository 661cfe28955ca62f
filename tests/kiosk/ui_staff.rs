//! Volunteer and admin modes behind the PIN pad, driven by visible labels.

use crate::common;

use std::time::Duration;

use common::*;
use digidak::app::Screen;
use digidak::pin::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn volunteer_pin_opens_volunteer_mode() {
    let mut k = start();
    k.click("Begeleiders");
    assert!(k.has("Code voor begeleiders"));
    k.enter_pin("2468", "OK");
    assert_eq!(k.harness.state().kiosk.staff(), Some(Role::Volunteer));
    assert!(k.has("Wie wil hulp?"));
    assert!(k.has("Niemand wacht op hulp."));
    // Leaving ends the mode.
    k.click("Sluiten");
    assert_eq!(k.harness.state().kiosk.staff(), None);
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
}

#[test]
fn admin_pin_shows_kiosk_info_without_secrets_and_can_exit() {
    let mut k = start();
    k.click("Begeleiders");
    k.enter_pin("1357", "OK");
    assert_eq!(k.harness.state().kiosk.staff(), Some(Role::Admin));
    assert!(k.has("Beheer"));
    assert!(k.has("Demo kiosk"));
    assert!(k.has("demo-buurthuis"));
    let dir = k.dir.path().display().to_string();
    assert!(k.has(&dir), "the data folder is shown");
    k.settle(|u| matches!(u.kiosk.store_status, digidak::app::StoreStatus::Ready(_)));
    assert!(k.has_containing(&format!(
        "in orde (schema {})",
        digidak::store::SCHEMA_VERSION
    )));
    for text in k.all_text() {
        assert!(!text.contains("argon2"), "a PIN hash is on screen: {text}");
    }
    k.click("Kiosk afsluiten");
    assert!(k.has("Wil je de kiosk echt afsluiten?"));
    k.click("Nee");
    assert!(!k.harness.state().kiosk.exit_requested());
    k.click("Kiosk afsluiten");
    k.click("Ja, afsluiten");
    assert!(k.harness.state().kiosk.exit_requested());
}

#[test]
fn wrong_pin_says_so_and_five_lock_the_pad_for_a_minute() {
    let mut k = start();
    k.click("Begeleiders");
    k.enter_pin("0000", "OK");
    assert!(k.has("Verkeerde code. Probeer opnieuw."));
    assert_eq!(k.harness.state().kiosk.staff(), None);
    for _ in 0..4 {
        k.enter_pin("1111", "OK");
    }
    assert!(k.has("Te veel verkeerde codes. Wacht 60 seconden."));
    // Even the right PIN does nothing while locked.
    k.enter_pin("1357", "OK");
    assert_eq!(k.harness.state().kiosk.staff(), None);
    // "I'm done" does not reset the lockout.
    k.click("Ik ben klaar");
    k.click("Begeleiders");
    assert!(k.has_containing("Te veel verkeerde codes"));
    k.advance(Duration::from_secs(30));
    assert!(k.has("Te veel verkeerde codes. Wacht 30 seconden."));
    k.advance(Duration::from_secs(30));
    assert!(!k.has_containing("Te veel verkeerde codes"));
    k.enter_pin("1357", "OK");
    assert_eq!(k.harness.state().kiosk.staff(), Some(Role::Admin));
}

#[test]
fn pin_pad_works_with_the_keyboard() {
    let mut k = start();
    k.click("Begeleiders");
    k.harness.event(egui::Event::Text("2468".into()));
    k.harness.run();
    k.harness.key_press(egui::Key::Enter);
    k.harness.run();
    k.settle(|u| u.kiosk.staff().is_some());
    assert_eq!(k.harness.state().kiosk.staff(), Some(Role::Volunteer));
}

#[test]
fn pin_digits_are_never_shown() {
    let mut k = start();
    k.click("Begeleiders");
    for d in ["1", "3", "5"] {
        k.click(d);
    }
    assert!(k.has("●●●"));
    assert!(!k.all_text().iter().any(|t| t.contains("135")));
}

#[test]
fn volunteer_pauses_the_wipe_while_guiding() {
    let mut k = start();
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.click("Niet automatisch wissen");
    assert!(k.has("Een begeleider helpt: automatisch wissen staat uit."));
    k.click("Start");
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Jan");
    k.advance(Duration::from_secs(3 * 3600));
    assert!(!k.has("Ben je er nog?"));
    assert_eq!(
        k.harness.state().kiosk.screen(),
        Screen::Module(digidak::modules::help::FORM)
    );
    assert_eq!(
        k.harness
            .state()
            .kiosk
            .module::<digidak::modules::help::Help>()
            .unwrap()
            .name,
        "Jan"
    );
    // The banner turns it back on; then the normal rule applies again.
    k.click("Weer automatisch wissen");
    k.advance(Duration::from_secs(120));
    assert!(k.has("Ben je er nog?"));
    k.advance(Duration::from_secs(30));
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
    assert!(!k.harness.state().kiosk.wipe_paused());
}

#[test]
fn idle_wipe_also_closes_staff_modes() {
    let mut k = start();
    k.click("Begeleiders");
    k.enter_pin("1357", "OK");
    k.advance(Duration::from_secs(150));
    assert_eq!(k.harness.state().kiosk.staff(), None);
    assert_eq!(k.harness.state().kiosk.screen(), Screen::Home);
}

#[test]
fn help_request_reaches_the_volunteer_who_marks_it_handled() {
    let mut k = start();
    k.click("Ik wil hulp");
    k.type_into("Je voornaam (als je wilt)", "Fatima");
    k.click("Roep een begeleider");
    k.settle(|u| u.kiosk.screen() == Screen::Module(digidak::modules::help::SENT));
    k.click("Ik ben klaar");
    // A request without a name, too.
    k.click("Ik wil hulp");
    k.click("Roep een begeleider");
    k.settle(|u| u.kiosk.screen() == Screen::Module(digidak::modules::help::SENT));
    k.click("Ik ben klaar");

    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    k.settle(|u| u.kiosk.help_requests.len() == 2);
    assert!(k.has("Fatima — wacht 0 min"));
    assert!(k.has("(geen naam) — wacht 0 min"));
    // (Under two minutes: a volunteer screen left alone is wiped like any other.)
    k.advance(Duration::from_secs(90));
    assert!(k.has("Fatima — wacht 1 min"));
    // (Scrolled into view first, as a person would.)
    k.harness
        .get_all_by_label("Geholpen")
        .next()
        .unwrap()
        .scroll_to_me();
    k.harness.run();
    k.harness
        .get_all_by_label("Geholpen")
        .next()
        .unwrap()
        .click();
    k.harness.run();
    k.settle(|u| u.kiosk.help_requests.len() == 1);
    assert!(!k.has_containing("Fatima"));
    assert!(k.has_containing("(geen naam)"));
}

#[test]
fn config_without_volunteer_pin_has_no_volunteer_mode() {
    let mut config = demo_config();
    config.pins.volunteer = None;
    let mut k = start_with(config, SCREEN);
    k.click("Begeleiders");
    k.enter_pin("2468", "OK");
    assert_eq!(k.harness.state().kiosk.staff(), None);
    assert!(k.has("Verkeerde code. Probeer opnieuw."));
}

fn close_the_window(k: &mut TestKiosk) -> Vec<egui::ViewportCommand> {
    k.harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    k.harness.step();
    k.harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .unwrap()
        .commands
        .clone()
}

#[test]
fn closing_the_window_is_refused_unless_an_admin_exits() {
    let mut k = start();
    let commands = close_the_window(&mut k);
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "{commands:?}"
    );
    assert!(!commands.contains(&egui::ViewportCommand::Close));

    k.click("Begeleiders");
    k.enter_pin("1357", "OK");
    k.click("Kiosk afsluiten");
    k.click("Ja, afsluiten");
    let commands = close_the_window(&mut k);
    assert!(
        commands.contains(&egui::ViewportCommand::Close),
        "{commands:?}"
    );
    assert!(!commands.contains(&egui::ViewportCommand::CancelClose));
}

#[test]
fn the_pin_pad_fits_a_1024x768_screen() {
    // The smallest screen we support: every key and "Stoppen" above the language bar, and
    // every key still at least 64 pixels high.
    let mut k = start_with(demo_config(), egui::vec2(1024.0, 768.0));
    k.click("Begeleiders");
    let rects = k.button_rects();
    let bar_top = rects
        .iter()
        // (the language bar's first key: the languages, or "Other language" when they are many)
        .find(|(label, _)| label == "Nederlands" || label == "Andere taal")
        .unwrap()
        .1
        .top();
    let pad = [
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "Wissen", "OK", "Stoppen",
    ];
    for label in pad {
        let (_, rect) = rects
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no {label} button"));
        assert!(
            rect.bottom() <= bar_top,
            "{label} is under the language bar: {rect:?}"
        );
        assert!(rect.height() >= 64.0, "{label} is too small: {rect:?}");
    }
}
