//! The session rules, without SQLite, threads or a window: a [`Kiosk`] on detached workers,
//! with this test playing the store's part and moving a [`ManualClock`] by hand.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use digidak_core::clock::ManualClock;
use digidak_core::lang::Lang;

use super::*;
use crate::config;
use crate::modules::help::{self, Help};
use crate::store::worker::Event;

struct Session {
    kiosk: Kiosk,
    clock: ManualClock,
    store: StoreEnd,
}

fn session() -> Session {
    let config = config::parse("demo", config::DEMO_CONFIG, &[]).unwrap();
    let clock = ManualClock::new();
    let (workers, store) = Workers::detached();
    let kiosk = Kiosk::with_workers(
        config,
        "demo".into(),
        PathBuf::from("unused"),
        Arc::new(clock.clone()),
        workers,
    );
    Session {
        kiosk,
        clock,
        store,
    }
}

impl Session {
    /// What the kiosk asked the store for since the last call.
    fn asked(&self) -> Vec<Command> {
        self.store.commands.try_iter().collect()
    }

    fn answer(&mut self, event: Event) {
        self.store.events.send(event).unwrap();
        self.kiosk.poll();
    }

    fn pin(&mut self, pin: &str) {
        self.kiosk.handle(Action::Go(Screen::PinPad));
        for d in pin.chars() {
            self.kiosk.handle(Action::PinDigit(d));
        }
        self.kiosk.handle(Action::PinSubmit);
        self.kiosk.poll();
    }
}

#[test]
fn an_untouched_kiosk_is_never_warned_or_wiped() {
    let mut s = session();
    s.clock.advance(Duration::from_secs(24 * 3600));
    s.kiosk.poll();
    assert_eq!(s.kiosk.idle_phase(), IdlePhase::Paused);
    assert_eq!(
        s.kiosk.next_wake(),
        None,
        "a clean home screen schedules nothing"
    );
    assert_eq!(s.kiosk.wipes(), 0);
}

#[test]
fn the_idle_wipe_forgets_what_was_typed_the_language_and_the_way_back() {
    let mut s = session();
    s.kiosk.handle(Action::SetLanguage(Lang::Fr));
    s.kiosk.handle(Action::SetTextScale(TextScale::Largest));
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    s.kiosk.module_mut::<Help>().unwrap().name = "Fatima".into();
    let times = s.kiosk.config.idle_times();
    s.clock.advance(times.warn_after + Duration::from_millis(1));
    assert!(matches!(s.kiosk.idle_phase(), IdlePhase::Warning { .. }));
    // During the warning a tap elsewhere does not count; "still here" does.
    s.kiosk.handle(Action::Input);
    assert!(matches!(s.kiosk.idle_phase(), IdlePhase::Warning { .. }));
    s.kiosk.handle(Action::StillHere);
    assert!(matches!(s.kiosk.idle_phase(), IdlePhase::Active { .. }));
    s.clock.advance(times.wipe_after + Duration::from_millis(1));
    s.kiosk.poll();
    assert_eq!(s.kiosk.wipes(), 1);
    assert_eq!(s.kiosk.screen(), Screen::Home);
    assert!(!s.kiosk.can_go_back());
    assert_eq!(s.kiosk.lang, s.kiosk.config.languages.default);
    assert_eq!(s.kiosk.text_scale, TextScale::Normal);
    assert_eq!(s.kiosk.drafts, Drafts::default());
    assert!(s.kiosk.is_clean());
}

#[test]
fn back_never_leaves_home_and_skips_the_help_sent_page() {
    let mut s = session();
    s.kiosk.handle(Action::Back);
    assert_eq!(s.kiosk.screen(), Screen::Home);
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    s.kiosk.module_mut::<Help>().unwrap().name = "  Jan ".into();
    s.kiosk.handle(Action::Module(help::call()));
    let asked = s.asked();
    let saved = asked
        .iter()
        .find_map(|c| match c {
            Command::AddHelpRequest { first_name, .. } => Some(first_name.clone()),
            _ => None,
        })
        .expect("the help call goes to the store");
    assert_eq!(saved.as_deref(), Some("Jan"));
    assert_eq!(
        s.kiosk.screen(),
        Screen::Module(help::FORM),
        "not sent before it is saved"
    );
    s.answer(Event::HelpRequestSaved(crate::store::HelpRequest {
        id: "1".into(),
        created_at_ms: 0,
        first_name: Some("Jan".into()),
        kiosk_name: None,
    }));
    assert_eq!(s.kiosk.screen(), Screen::Module(help::SENT));
    s.kiosk.handle(Action::Back);
    assert_eq!(s.kiosk.screen(), Screen::Home);
}

#[test]
fn a_failed_help_call_says_so_and_keeps_the_resident_on_the_form() {
    let mut s = session();
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    s.kiosk.handle(Action::Module(help::call()));
    let command = s
        .asked()
        .into_iter()
        .find(|c| matches!(c, Command::AddHelpRequest { .. }))
        .unwrap();
    s.answer(Event::Failed {
        command,
        error: crate::store::StoreError::Export {
            path: PathBuf::from("help"),
            source: std::io::Error::other("disk full"),
        }
        .into(),
    });
    assert!(s.kiosk.module::<Help>().unwrap().failed);
    assert_eq!(s.kiosk.screen(), Screen::Module(help::FORM));
}

#[test]
fn staff_screens_need_a_pin_and_leaving_them_ends_staff_mode() {
    let mut s = session();
    s.kiosk.handle(Action::Go(Screen::Admin));
    assert_eq!(
        s.kiosk.screen(),
        Screen::Home,
        "no admin screen without a PIN"
    );
    s.pin("2468");
    assert_eq!(s.kiosk.screen(), Screen::Volunteer);
    assert_eq!(s.kiosk.staff(), Some(Role::Volunteer));
    s.kiosk.handle(Action::SetWipePaused(true));
    assert_eq!(s.kiosk.idle_phase(), IdlePhase::Paused);
    // A volunteer cannot close the kiosk; only an admin can, after confirming.
    s.kiosk.handle(Action::AskExit);
    s.kiosk.handle(Action::ConfirmExit);
    assert!(!s.kiosk.exit_requested());
    s.kiosk.handle(Action::Home);
    assert_eq!(s.kiosk.staff(), None);
    s.pin("1357");
    assert_eq!(s.kiosk.staff(), Some(Role::Admin));
    s.kiosk.handle(Action::AskExit);
    s.kiosk.handle(Action::ConfirmExit);
    assert!(s.kiosk.exit_requested());
}

#[test]
fn five_wrong_pins_lock_the_pad_for_a_minute_and_a_wipe_keeps_the_lock() {
    let mut s = session();
    for _ in 0..5 {
        s.pin("0000");
        assert_ne!(s.kiosk.staff(), Some(Role::Admin));
    }
    let locked = s
        .kiosk
        .pin_locked_for()
        .expect("locked after five wrong PINs");
    assert!(locked <= Duration::from_secs(60));
    s.pin("1357");
    assert_eq!(
        s.kiosk.staff(),
        None,
        "the right PIN is refused while locked"
    );
    assert_eq!(s.kiosk.pin_status, PinStatus::Locked);
    s.kiosk.wipe(WipeReason::Done);
    assert!(
        s.kiosk.pin_locked_for().is_some(),
        "a wipe does not lift the lock"
    );
    s.clock.advance(Duration::from_secs(61));
    s.pin("1357");
    assert_eq!(s.kiosk.staff(), Some(Role::Admin));
}

#[test]
fn one_resident_session_is_counted_once_until_the_wipe() {
    let mut s = session();
    let sessions = |asked: &[Command]| {
        asked
            .iter()
            .filter(|c| {
                matches!(
                    c,
                    Command::RecordVisit {
                        name: "session",
                        ..
                    }
                )
            })
            .count()
    };
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    s.kiosk.handle(Action::Home);
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    assert_eq!(sessions(&s.asked()), 1);
    s.kiosk.handle(Action::EndSession);
    assert_eq!(s.kiosk.goodbye(), Some(Lang::Nl));
    s.clock.advance(GOODBYE);
    assert_eq!(s.kiosk.goodbye(), None);
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    assert_eq!(sessions(&s.asked()), 1, "the next person is a new session");
}

/// A session with the test module `bench::Probe` added to the kiosk's modules.
fn with_probe() -> Session {
    let mut s = session();
    s.kiosk
        .modules
        .push(Box::new(crate::modules::bench::Probe::default()));
    s
}

fn probe(s: &Session) -> &crate::modules::bench::Probe {
    s.kiosk.module().unwrap()
}

#[test]
fn a_module_page_that_asks_for_it_gets_the_longer_idle_times() {
    use crate::modules::bench::READ;
    let mut s = with_probe();
    s.kiosk.handle(Action::Go(Screen::Module(READ)));
    // The demo config warns after 120 s, and after 480 s on the longer pages.
    s.clock.advance(Duration::from_secs(130));
    assert!(matches!(s.kiosk.idle_phase(), IdlePhase::Active { .. }));
    s.clock.advance(Duration::from_secs(360));
    assert!(matches!(s.kiosk.idle_phase(), IdlePhase::Warning { .. }));
    s.kiosk.handle(Action::StillHere);
    s.kiosk.handle(Action::Go(Screen::Module(help::FORM)));
    s.clock.advance(Duration::from_secs(130));
    assert!(
        matches!(s.kiosk.idle_phase(), IdlePhase::Warning { .. }),
        "other pages keep the normal times"
    );
}

#[test]
fn a_module_switches_the_language_and_every_module_hears_of_a_residents_choice() {
    use crate::modules::{ModuleAction, bench::PROBE};
    let mut s = with_probe();
    s.kiosk
        .handle(Action::Module(ModuleAction::new(PROBE, Lang::Fr)));
    assert_eq!(s.kiosk.lang, Lang::Fr, "a module's switch applies after it");
    assert!(probe(&s).langs.is_empty());
    s.kiosk.handle(Action::SetLanguage(Lang::Ar));
    assert_eq!(probe(&s).langs, vec![Lang::Ar]);
}

#[test]
fn a_modules_staff_page_needs_a_pin_and_only_resident_pages_count_a_visit() {
    use crate::modules::bench::{PROBE, READ, STAFF};
    let mut s = with_probe();
    let visits = |asked: Vec<Command>| {
        asked
            .into_iter()
            .filter(|c| matches!(c, Command::RecordVisit { name, .. } if *name == PROBE))
            .count()
    };
    s.kiosk.handle(Action::Go(Screen::Module(STAFF)));
    assert_eq!(
        s.kiosk.screen(),
        Screen::Home,
        "no staff page without a PIN"
    );
    assert!(probe(&s).opened.is_empty());
    s.kiosk.handle(Action::Go(Screen::Module(READ)));
    s.kiosk.handle(Action::Go(Screen::Module(READ)));
    assert_eq!(visits(s.asked()), 1, "one visit a way into the module");
    assert_eq!(probe(&s).opened, vec![READ, READ]);
    s.pin("2468");
    s.kiosk.handle(Action::Go(Screen::Module(STAFF)));
    assert_eq!(s.kiosk.screen(), Screen::Module(STAFF));
    assert_eq!(visits(s.asked()), 0, "staff pages are not counted");
    s.kiosk.handle(Action::Home);
    assert_eq!(
        s.kiosk.staff(),
        None,
        "leaving the staff pages ends staff mode"
    );
}
