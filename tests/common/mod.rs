//! Shared helpers for the UI tests: a real kiosk (real store on a temp folder, real
//! translations) driven through egui_kittest with a clock the test moves by hand.
#![allow(dead_code)]

pub mod render;

use std::sync::Arc;
use std::time::{Duration, Instant};

use digidak::app::Kiosk;
use digidak::config::{self, KioskConfig};
use digidak::ui::KioskUi;
use digidak_core::clock::ManualClock;
use digidak_core::i18n::Translations;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};

pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

pub struct TestKiosk {
    pub harness: Harness<'static, KioskUi>,
    /// The textures egui uploaded, for screenshots.
    pub textures: render::Textures,
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
    let textures = render::Textures::default();
    let mut harness = Harness::builder()
        .renderer(textures.clone())
        .with_size(size)
        // Workers answer while frames run (a store refresh after a write, the sync worker): a
        // page may take a few dozen frames to settle on a busy 2-core machine.
        .with_max_steps(128)
        .build_ui_state(|ui, state: &mut KioskUi| state.show(ui), ui);
    harness.run();
    let mut t = TestKiosk {
        harness,
        textures,
        clock,
        dir,
    };
    t.settle(|k| {
        !matches!(k.kiosk.store_status, digidak::app::StoreStatus::Opening)
            && !k.kiosk.content.is_loading()
    });
    t
}

/// A stand-in for espeak-ng that writes down what it was asked to say, one line a call:
/// the program's path and the file it writes.
pub fn fake_speech(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    fake_speech_with_voices(dir, "")
}

/// A stand-in for espeak-ng that lists `voices` when asked (`--voices`; an empty list means
/// it names none, and is trusted with every language) and writes down what it was asked to
/// say.
pub fn fake_speech_with_voices(
    dir: &std::path::Path,
    voices: &str,
) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let said = dir.join("said.txt");
    let program = dir.join("fake-espeak");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\nif [ \"$1\" = --voices ]; then echo '{voices}'; exit 0; fi\necho \"$@\" >> '{}'\n",
            said.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    (program, said)
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
        self.next_person();
        // (A widget may be inside the screen yet under a bar: always ask to see it.)
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.harness.get_by_label(label).click();
        self.harness.run();
    }

    /// Picks a language on the language bar by its own name, as a person does: when the bar
    /// has no room for every name it opens "Other language" (the globe) first.
    pub fn choose_language(&mut self, name: &str) {
        if self.harness.query_by_label(name).is_none() {
            let lang = self.harness.state().kiosk.lang;
            self.click(&translations().get(lang, "language-choose"));
        }
        self.click(name);
    }

    /// Saves what the window shows now as a PNG file (a software rendering of egui's output).
    pub fn screenshot(&mut self, path: &std::path::Path) {
        self.harness.run();
        let ctx = self.harness.ctx.clone();
        self.textures.save_png(&ctx, self.harness.output(), path);
    }

    /// After "I'm done" the goodbye shows until a few seconds pass or someone taps: the next
    /// person taps it away first. (`ui_shell` tests the goodbye itself.)
    pub fn next_person(&mut self) {
        if self.harness.state().kiosk.goodbye().is_some() {
            // The next person's first tap (here with a mouse) ends the goodbye.
            let pos = self.harness.ctx.content_rect().center();
            let button = |pressed| egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            };
            self.harness.event(egui::Event::PointerMoved(pos));
            self.harness.event(button(true));
            self.harness.step();
            self.harness.event(button(false));
            self.harness.event(egui::Event::PointerGone);
            self.harness.run();
        }
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

    /// Touches the screen at `pos` and lifts the finger, as egui-winit reports a tap on a
    /// touch screen (a touch event and the pointer events it stands for).
    pub fn touch_at(&mut self, pos: egui::Pos2) {
        let touch = |phase| egui::Event::Touch {
            device_id: egui::TouchDeviceId(1),
            id: egui::TouchId(0),
            phase,
            pos,
            force: None,
        };
        let button = |pressed| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        self.harness.event(touch(egui::TouchPhase::Start));
        self.harness.event(egui::Event::PointerMoved(pos));
        self.harness.event(button(true));
        self.harness.step();
        self.harness.event(touch(egui::TouchPhase::End));
        self.harness.event(button(false));
        self.harness.event(egui::Event::PointerGone);
        self.harness.run();
    }

    /// Drags a finger from `from` to `to` in small moves, as a person scrolls a list.
    pub fn swipe(&mut self, from: egui::Pos2, to: egui::Pos2) {
        let touch = |phase, pos| egui::Event::Touch {
            device_id: egui::TouchDeviceId(1),
            id: egui::TouchId(0),
            phase,
            pos,
            force: None,
        };
        let button = |pressed, pos| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        self.harness.event(touch(egui::TouchPhase::Start, from));
        self.harness.event(egui::Event::PointerMoved(from));
        self.harness.event(button(true, from));
        self.harness.step();
        for i in 1..=10 {
            let p = from + (to - from) * (i as f32 / 10.0);
            self.harness.event(touch(egui::TouchPhase::Move, p));
            self.harness.event(egui::Event::PointerMoved(p));
            self.harness.step();
        }
        self.harness.event(touch(egui::TouchPhase::End, to));
        self.harness.event(button(false, to));
        self.harness.event(egui::Event::PointerGone);
        self.harness.run();
    }

    /// The band of the window between the bars (and above the keyboard) where a screen's
    /// content shows.
    pub fn content_band(&self) -> (f32, f32) {
        let lang = self.harness.state().kiosk.lang;
        let tr = translations();
        let done = self.harness.get_by_label(&tr.get(lang, "nav-done")).rect();
        let keyboard = tr.get(lang, "keyboard-name");
        let languages: Vec<String> = digidak_core::lang::Lang::ALL
            .iter()
            .map(|&l| tr.get(l, "language-name"))
            .collect();
        let size = self.harness.ctx.content_rect();
        let mut bottom = size.max.y;
        for n in self.harness.query_all(By::new().predicate(|_| true)) {
            let label = n.accesskit_node().label().unwrap_or_default();
            let toolbar = n.accesskit_node().role() == egui::accesskit::Role::Toolbar;
            if toolbar || label == keyboard || languages.contains(&label) {
                bottom = bottom.min(n.rect().min.y);
            }
        }
        (done.max.y, bottom)
    }

    fn lang_index(&self) -> usize {
        match self.harness.state().kiosk.lang {
            digidak_core::lang::Lang::Nl => 0,
            digidak_core::lang::Lang::Fr => 1,
            digidak_core::lang::Lang::En => 2,
            other => panic!("tap_keys knows the keys of nl, fr and en, not {other}"),
        }
    }

    /// Taps the widget labelled `label` with a finger, swiping the screen first until it
    /// shows between the bars, as a person on a tablet does.
    pub fn tap(&mut self, label: &str) {
        self.tap_by(label, false)
    }

    /// Taps the button labelled `label` (where a text with the same words is on screen too).
    pub fn tap_button(&mut self, label: &str) {
        self.tap_by(label, true)
    }

    fn rect_of(&self, label: &str, button: bool) -> egui::Rect {
        if button {
            let by = By::new().label(label).role(egui::accesskit::Role::Button);
            self.harness.get(by).rect()
        } else {
            self.harness.get_by_label(label).rect()
        }
    }

    fn has_button(&self, label: &str) -> bool {
        let by = By::new().label(label).role(egui::accesskit::Role::Button);
        self.harness.query(by).is_some()
    }

    fn tap_by(&mut self, label: &str, button: bool) {
        self.next_person();
        // The bars and the keyboard are always on screen; content may need a swipe first.
        for _ in 0..40 {
            let rect = self.rect_of(label, button);
            let fixed = button || CHROME_LABELS.contains(&label) || self.in_fixed_bar(rect);
            let (top, bottom) = self.content_band();
            if fixed || (rect.min.y >= top - 1.0 && rect.max.y <= bottom + 1.0) {
                self.touch_at(rect.center());
                return;
            }
            // A finger swipes where nothing catches it: not on a button or a text field.
            let step = ((bottom - top) / 3.0).max(40.0);
            let up = rect.min.y >= top;
            let start = self
                .free_spot(top + step / 2.0 + 4.0, bottom - step / 2.0 - 4.0)
                .expect("no free spot to swipe on");
            let end = start + egui::vec2(0.0, if up { -step } else { step });
            let (from, to) = (start - (end - start) / 2.0, start + (end - start) / 2.0);
            self.swipe(from, to);
        }
        panic!("{label:?} never came into view by swiping");
    }

    /// Whether `rect` lies in a bar that does not scroll: a screen's action bar.
    fn in_fixed_bar(&self, rect: egui::Rect) -> bool {
        self.harness
            .query_all(By::new().role(egui::accesskit::Role::Toolbar))
            .any(|n| n.rect().contains_rect(rect))
    }

    /// A point between `top` and `bottom` on no button and no text field.
    fn free_spot(&self, top: f32, bottom: f32) -> Option<egui::Pos2> {
        use egui::accesskit::Role;
        let taken: Vec<egui::Rect> = self
            .harness
            .query_all(By::new().predicate(|n| {
                matches!(
                    n.role(),
                    Role::Button | Role::TextInput | Role::MultilineTextInput | Role::CheckBox
                )
            }))
            .map(|n| n.rect().expand(8.0))
            .collect();
        let width = self.harness.ctx.content_rect().width();
        let mut y = top;
        while y <= bottom {
            for x in [width / 2.0, 60.0, width - 60.0, width / 4.0, width * 0.75] {
                let p = egui::pos2(x, y);
                if !taken.iter().any(|r| r.contains(p)) {
                    return Some(p);
                }
            }
            y += 8.0;
        }
        None
    }

    /// Types `text` by tapping the on-screen keyboard's keys (capitals with its shift key,
    /// accents on its second layer), as a person without a keyboard does.
    pub fn tap_keys(&mut self, text: &str) {
        let names = &KEY_NAMES[self.lang_index()];
        for c in text.chars() {
            let key = c.to_string();
            let lower = c.to_lowercase().to_string();
            if c == ' ' {
                self.tap_button(names.space);
                continue;
            }
            if self.has_button(&key) {
                self.tap_button(&key);
                continue;
            }
            if c.is_uppercase() {
                if !self.has_button(&lower) {
                    self.tap_button(names.accents);
                }
                self.tap_button(names.upper);
                self.tap_button(&key);
                if self.has_button(names.letters) {
                    self.tap_button(names.letters);
                }
                continue;
            }
            // Accents and signs are on the second layer.
            self.tap_button(names.accents);
            assert!(self.has_button(&key), "no key {key:?} on the keyboard");
            self.tap_button(&key);
            self.tap_button(names.letters);
        }
    }
}

/// What the top and bottom bars hold, in nl, fr and en.
const CHROME_LABELS: &[&str] = &[
    "Ik ben klaar",
    "J'ai fini",
    "I'm done",
    "Begeleiders",
    "Bénévoles",
    "Volunteers",
    "Start",
    "Accueil",
    "Home",
    "Terug",
    "Retour",
    "Back",
    "Nederlands",
    "Français",
    "English",
    "A",
    "A+",
    "A++",
];

/// The translations, loaded once for every test of a binary ("I'm done" is the top bar's bottom
/// edge; the language names and "Keyboard" sit in the bottom bar or the keyboard).
pub fn translations() -> &'static digidak_core::i18n::Translations {
    static T: std::sync::OnceLock<digidak_core::i18n::Translations> = std::sync::OnceLock::new();
    T.get_or_init(|| digidak_core::i18n::Translations::load().unwrap())
}

pub struct KeyNames {
    pub space: &'static str,
    pub upper: &'static str,
    pub accents: &'static str,
    pub letters: &'static str,
    pub hide: &'static str,
}

pub const KEY_NAMES: [KeyNames; 3] = [
    KeyNames {
        space: "spatie",
        upper: "Hoofdletter",
        accents: "Letters met accent",
        letters: "Gewone letters",
        hide: "Toetsenbord weg",
    },
    KeyNames {
        space: "espace",
        upper: "Majuscule",
        accents: "Lettres avec accent",
        letters: "Lettres simples",
        hide: "Cacher le clavier",
    },
    KeyNames {
        space: "space",
        upper: "Capital letter",
        accents: "Letters with accents",
        letters: "Plain letters",
        hide: "Hide keyboard",
    },
];
