//! Shared helpers for the UI tests: a real kiosk (real store on a temp folder, real
//! translations) driven through egui_kittest with a clock the test moves by hand.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use digidak::app::Kiosk;
use digidak::clock::ManualClock;
use digidak::config::{self, KioskConfig};
use digidak::i18n::Translations;
use digidak::ui::KioskUi;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

pub struct TestKiosk {
    pub harness: Harness<'static, KioskUi>,
    pub clock: ManualClock,
    pub dir: tempfile::TempDir,
}

/// The demo config, as a newcomer runs it.
pub fn demo_config() -> KioskConfig {
    config::parse("demo", config::DEMO_CONFIG, &[]).unwrap()
}

pub fn start() -> TestKiosk {
    start_with(demo_config(), SCREEN)
}

pub fn start_with(config: KioskConfig, size: egui::Vec2) -> TestKiosk {
    let dir = tempfile::tempdir().unwrap();
    start_in(config, size, dir)
}

pub fn start_in(config: KioskConfig, size: egui::Vec2, dir: tempfile::TempDir) -> TestKiosk {
    let clock = ManualClock::new();
    let kiosk = Kiosk::new(
        config,
        "demo".into(),
        dir.path().to_path_buf(),
        Arc::new(clock.clone()),
    );
    let ui = KioskUi::new(kiosk, Translations::load().unwrap());
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(32)
        .build_ui_state(|ui, state: &mut KioskUi| state.show(ui), ui);
    harness.run();
    let mut t = TestKiosk {
        harness,
        clock,
        dir,
    };
    t.settle(|k| {
        !matches!(k.kiosk.store_status, digidak::app::StoreStatus::Opening)
            && !k.kiosk.lessons.is_loading()
    });
    t
}

/// Opens admin mode with the demo PIN; the kiosk is not paired yet.
pub fn open_admin(k: &mut TestKiosk) {
    k.click("Begeleiders");
    k.enter_pin("1357", "OK");
    assert!(k.has("Beheer"));
    k.settle(|u| u.kiosk.sync_status().is_some());
    assert!(k.has("Niet gekoppeld: deze computer werkt alleen."));
}

/// Pairs in admin mode by typing the address and the code, as an admin does.
pub fn pair(k: &mut TestKiosk, url: &str, code: &str) {
    k.retype_into("Adres van de server", url);
    k.retype_into("Koppelcode", code);
    let answered = k.harness.state().kiosk.sync_status().unwrap().pair_answers;
    k.click("Koppelen");
    k.settle(|u| u.kiosk.sync_status().unwrap().pair_answers > answered);
    k.harness.run();
}

/// Runs frames until the sync worker reaches `state`.
pub fn settle_state(k: &mut TestKiosk, state: digidak::sync::worker::SyncState) {
    k.settle(|u| u.kiosk.sync_status().unwrap().state == state);
}

impl TestKiosk {
    /// Runs frames until `done` holds (background workers answer asynchronously), then one
    /// more: a worker may answer between a frame and the check, and the screen must show it.
    pub fn settle(&mut self, done: impl Fn(&KioskUi) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.harness.run();
            if done(self.harness.state()) {
                self.harness.run();
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for the kiosk");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Taps the widget labelled `label`, scrolling it into view first as a person would.
    pub fn click(&mut self, label: &str) {
        // (A widget may be inside the screen yet under a bar: always ask to see it.)
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    pub fn has(&self, label: &str) -> bool {
        self.harness.query_by_label(label).is_some()
    }

    pub fn has_containing(&self, text: &str) -> bool {
        self.harness.query_by_label_contains(text).is_some()
    }

    /// Moves the kiosk's clock and lets it react.
    pub fn advance(&mut self, by: Duration) {
        self.clock.advance(by);
        self.harness.step();
        self.harness.run();
    }

    /// Types into the text field that carries `label`.
    pub fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    /// Replaces what the text field that carries `label` holds (select all, delete, type).
    pub fn retype_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run();
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.harness.run();
        self.harness.key_press(egui::Key::Backspace);
        self.harness.run();
        self.harness.get_by_label(label).type_text(text);
        self.harness.run();
    }

    /// Every label and value on screen, for "nothing of X is shown" checks.
    pub fn all_text(&self) -> Vec<String> {
        self.harness
            .query_all(By::new().predicate(|_| true))
            .flat_map(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
            })
            .flatten()
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The rectangles of every button.
    pub fn button_rects(&self) -> Vec<(String, egui::Rect)> {
        self.harness
            .query_all(By::new().role(egui::accesskit::Role::Button))
            .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
            .collect()
    }

    /// Enters a PIN on the pad by tapping its digits, then OK.
    pub fn enter_pin(&mut self, pin: &str, ok_label: &str) {
        for d in pin.chars() {
            self.click(&d.to_string());
        }
        self.click(ok_label);
        self.settle(|k| k.kiosk.pin_status != digidak::app::PinStatus::Checking);
    }

    pub fn repaint_delay(&self) -> Duration {
        self.harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .unwrap()
            .repaint_delay
    }
}
