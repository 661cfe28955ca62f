//! The kiosk's application state and rules, with no egui and no I/O of its own.
//!
//! The UI reads a [`Kiosk`] and sends it [`Action`]s; the kiosk turns them into state changes
//! and store [`Command`]s for the worker thread. [`Kiosk::poll`] takes in what the worker and
//! the PIN checker have answered, and applies the idle rule.

mod answers;
mod content;
mod nav;
mod state;
#[cfg(test)]
mod tests;

pub use crate::modules::CodeLookup;
/// What the store and the sync worker report, as the screens show it. The UI sees these through
/// `app` only: it never names the store or the sync worker (ARCHITECTURE.md).
pub use crate::store::{ActivityView, SignupState, SignupView, StoreFault};
pub use crate::sync::worker::{PairError, RemoteResume, SyncState, SyncStatus};
pub use content::{Content, PICTURE_PX};
pub use nav::Nav;
pub use state::{Drafts, PinStatus, Screen, StoreStatus, TextScale, WipeReason};

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::config::KioskConfig;
use crate::idle::{IdlePhase, IdleTimer};
use crate::modules::{Ctx, Module};
use crate::pin::{PinGuard, PinHashes, Role};
use crate::store::HelpRequest;
use crate::store::worker::{Command, Event, StoreHandle, Waker};
use crate::sync::worker::{SyncCommand, SyncContext, SyncHandle};
use digidak_core::clock::Clock;
use digidak_core::lang::Lang;

/// How long "Everything is wiped" shows after "I'm done".
pub const GOODBYE: Duration = Duration::from_secs(3);

/// Everything the UI can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Someone touched, clicked, typed or scrolled.
    Input,
    Go(Screen),
    Back,
    Home,
    SetLanguage(Lang),
    SetTextScale(TextScale),
    /// "I'm done": wipe now.
    EndSession,
    /// "Yes, I am still here".
    StillHere,
    PinDigit(char),
    PinErase,
    PinSubmit,
    /// An action of a module's page, for that module.
    Module(crate::modules::ModuleAction),
    MarkHelpHandled(String),
    SetWipePaused(bool),
    /// Admin mode: pair with the server at `drafts.server_url` using `drafts.pairing_code`.
    Pair,
    /// Admin mode: show the pairing form of a kiosk that is already paired.
    OpenPairing,
    AskExit,
    CancelExit,
    ConfirmExit,
    /// "Read aloud": the UI finds the screen's words and answers with [`Action::Speak`].
    ReadScreen,
    /// Say these words in the kiosk's language (on the speech thread).
    Speak(String),
    /// A tap on "Everything is wiped": the home screen at once.
    EndGoodbye,
}

/// The kiosk: configuration, session state and the handles to its workers.
pub struct Kiosk {
    pub config: Arc<KioskConfig>,
    /// Where the config came from (a path, or the built-in demo).
    pub config_origin: String,
    pub data_dir: PathBuf,
    clock: Arc<dyn Clock>,
    store: StoreHandle,
    waker: Arc<OnceLock<Waker>>,
    sync: Option<SyncHandle>,
    /// The sync channel, until the store is ready and the sync worker starts.
    sync_channel: Option<(Sender<SyncCommand>, Receiver<SyncCommand>)>,
    /// When the UI last painted a frame (Unix ms), for the heartbeat.
    last_frame_ms: Arc<AtomicI64>,

    nav: Nav,
    pub lang: Lang,
    pub text_scale: TextScale,
    pub drafts: Drafts,
    staff: Option<Role>,
    idle: IdleTimer,
    pin_guard: PinGuard,
    pin_job: Option<Receiver<Option<Role>>>,
    check_pin: CheckPin,
    pub pin_status: PinStatus,
    /// This resident session was counted (anonymously) in the usage figures.
    session_counted: bool,
    pub exit_confirm: bool,
    exit_requested: bool,
    wipes: u64,
    /// After "I'm done": the language of the person who left, and until when "Everything is
    /// wiped" shows.
    goodbye: Option<(Lang, std::time::Instant)>,

    pub help_requests: Vec<HelpRequest>,
    /// The kiosk's modules (`crate::modules::all`), each with its own state.
    pub(crate) modules: Vec<Box<dyn Module>>,
    pub store_status: StoreStatus,
    /// The lessons and the pictures every module shows.
    pub content: Content,
    /// Read aloud, on every page.
    pub speech: crate::speech::Speech,
}

impl std::fmt::Debug for Kiosk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kiosk")
            .field("nav", &self.nav)
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl Drop for Kiosk {
    /// Stops sync before the store worker: the sync worker holds a sender to the store worker
    /// (to ask for a refresh), and the store worker finishes only when every sender is gone.
    fn drop(&mut self) {
        self.sync.take();
    }
}

/// Checks a PIN against the config's hashes and answers on the channel (off the UI thread:
/// argon2 takes tens of milliseconds by design).
pub type CheckPin = fn(PinHashes, String, Arc<OnceLock<Waker>>) -> Receiver<Option<Role>>;

/// What the kiosk's rules talk to: channels to its workers, never the workers themselves.
pub struct Workers {
    store: StoreHandle,
    content: Content,
    speech: crate::speech::Speech,
    /// The sync worker's channel; it starts once the store is open (`None`: no sync).
    sync_channel: Option<(Sender<SyncCommand>, Receiver<SyncCommand>)>,
    waker: Arc<OnceLock<Waker>>,
    check_pin: CheckPin,
}

/// The other end of [`Workers::detached`]'s store channel: what the kiosk asked for, and
/// where to answer.
pub struct StoreEnd {
    pub commands: Receiver<Command>,
    pub events: Sender<crate::store::worker::Event>,
}

impl Workers {
    /// The real workers: the store worker on `data_dir`, the lessons loader and speech thread.
    pub fn start(config: &KioskConfig, data_dir: PathBuf, clock: Arc<dyn Clock>) -> Self {
        let waker: Arc<OnceLock<Waker>> = Arc::new(OnceLock::new());
        let cell = waker.clone();
        let (sync_tx, sync_rx) = std::sync::mpsc::channel();
        let nudge = sync_tx.clone();
        let store = StoreHandle::spawn(
            data_dir,
            clock,
            Arc::new(move || {
                if let Some(wake) = cell.get() {
                    wake();
                }
            }),
            Arc::new(move || {
                let _ = nudge.send(SyncCommand::Nudge);
            }),
        );
        let content = Content::start(config.lessons.source(), waker.clone());
        let read_aloud = &config.lessons.read_aloud;
        let speech = if read_aloud == "off" {
            crate::speech::Speech::none()
        } else {
            let cell = waker.clone();
            crate::speech::Speech::spawn(
                read_aloud.to_string(),
                Arc::new(move || {
                    if let Some(w) = cell.get() {
                        w();
                    }
                }),
            )
        };
        Self {
            store,
            content,
            speech,
            sync_channel: Some((sync_tx, sync_rx)),
            waker,
            check_pin: check_pin_on_a_thread,
        }
    }

    /// No threads and no files: the store's part is played on the returned [`StoreEnd`], no
    /// lessons are loaded, nothing is spoken, sync never starts, and PINs are checked at once.
    /// For tests of the session rules.
    pub fn detached() -> (Self, StoreEnd) {
        let (store, commands, events) = StoreHandle::detached();
        let workers = Self {
            store,
            content: Content::idle(),
            speech: crate::speech::Speech::none(),
            sync_channel: None,
            waker: Arc::new(OnceLock::new()),
            check_pin: |hashes, pin, _| {
                let (tx, rx) = std::sync::mpsc::channel();
                let _ = tx.send(hashes.verify(&pin));
                rx
            },
        };
        (workers, StoreEnd { commands, events })
    }
}

fn check_pin_on_a_thread(
    hashes: PinHashes,
    pin: String,
    waker: Arc<OnceLock<Waker>>,
) -> Receiver<Option<Role>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(hashes.verify(&pin));
        if let Some(w) = waker.get() {
            w();
        }
    });
    rx
}

impl Kiosk {
    /// Starts the kiosk's workers (the store on `data_dir`, the lessons loader, speech; sync
    /// once the store is open) and returns at once.
    pub fn new(
        config: KioskConfig,
        config_origin: String,
        data_dir: PathBuf,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let workers = Workers::start(&config, data_dir.clone(), clock.clone());
        Self::with_workers(config, config_origin, data_dir, clock, workers)
    }

    /// A kiosk that talks to the given workers: the real ones ([`Workers::start`]), or
    /// channels a test answers itself ([`Workers::detached`]).
    pub fn with_workers(
        config: KioskConfig,
        config_origin: String,
        data_dir: PathBuf,
        clock: Arc<dyn Clock>,
        workers: Workers,
    ) -> Self {
        let Workers {
            store,
            content,
            speech,
            sync_channel,
            waker,
            check_pin,
        } = workers;
        let now = clock.now();
        Self {
            content,
            speech,
            lang: config.languages.default,
            config: Arc::new(config),
            config_origin,
            data_dir,
            clock,
            store,
            waker,
            sync: None,
            sync_channel,
            check_pin,
            last_frame_ms: Arc::new(AtomicI64::new(0)),
            nav: Nav::home(),
            text_scale: TextScale::Normal,
            drafts: Drafts::default(),
            staff: None,
            idle: IdleTimer::new(now),
            pin_guard: PinGuard::default(),
            pin_job: None,
            pin_status: PinStatus::Ready,
            session_counted: false,
            exit_confirm: false,
            exit_requested: false,
            wipes: 0,
            goodbye: None,
            help_requests: Vec::new(),
            modules: crate::modules::all(),
            store_status: StoreStatus::Opening,
        }
    }

    /// Lets background workers wake the UI (egui's `request_repaint`). Set once.
    pub fn set_waker(&self, waker: Waker) {
        let _ = self.waker.set(waker);
    }

    fn wake(&self) {
        if let Some(w) = self.waker.get() {
            w();
        }
    }

    pub fn now(&self) -> Instant {
        self.clock.now()
    }

    pub fn unix_ms(&self) -> i64 {
        self.clock.unix_ms()
    }

    /// Records that a frame was painted now (for the heartbeat's proof that the screen renders).
    pub fn frame_painted(&self) {
        self.last_frame_ms
            .store(self.clock.unix_ms(), Ordering::Relaxed);
    }

    /// What sync is doing, once the store is open.
    pub fn sync_status(&self) -> Option<SyncStatus> {
        self.sync.as_ref().map(SyncHandle::status)
    }

    fn start_sync(&mut self) {
        let Some((tx, rx)) = self.sync_channel.take() else {
            return;
        };
        let refresh = self.store.sender();
        let waker = self.waker.clone();
        let ctx = SyncContext {
            data_dir: self.data_dir.clone(),
            clock: self.clock.clone(),
            last_frame_ms: self.last_frame_ms.clone(),
            on_data: {
                let clock = self.clock.clone();
                let modules: Vec<crate::modules::Refresh> =
                    self.modules.iter().map(|m| m.refresh()).collect();
                Arc::new(move || {
                    if let Some(tx) = &refresh {
                        let _ = tx.send(Command::RefreshHelpRequests);
                        let now_ms = clock.unix_ms();
                        for command in modules.iter().flat_map(|refresh| refresh(now_ms, true)) {
                            let _ = tx.send(command);
                        }
                    }
                })
            },
            on_status: Arc::new(move || {
                if let Some(w) = waker.get() {
                    w();
                }
            }),
        };
        self.sync = Some(SyncHandle::spawn(ctx, tx, rx));
    }

    pub fn screen(&self) -> Screen {
        self.nav.current()
    }

    pub fn can_go_back(&self) -> bool {
        self.nav.can_go_back()
    }

    /// The role unlocked by a PIN, while a staff screen is open.
    pub fn staff(&self) -> Option<Role> {
        self.staff
    }

    pub fn wipe_paused(&self) -> bool {
        self.idle.is_paused()
    }

    /// The language to say goodbye in, while "Everything is wiped" shows after "I'm done".
    pub fn goodbye(&self) -> Option<Lang> {
        self.goodbye
            .filter(|(_, until)| self.clock.now() < *until)
            .map(|(lang, _)| lang)
    }

    /// How many sessions have been wiped; the UI clears its own memory when this changes.
    pub fn wipes(&self) -> u64 {
        self.wipes
    }

    pub fn exit_requested(&self) -> bool {
        self.exit_requested
    }

    /// Time left on a PIN lockout.
    pub fn pin_locked_for(&self) -> Option<Duration> {
        self.pin_guard.locked_for(self.clock.now())
    }

    /// True when there is nothing to protect: home screen, defaults, nothing typed.
    pub fn is_clean(&self) -> bool {
        self.nav.is_home()
            && self.lang == self.config.languages.default
            && self.text_scale == TextScale::Normal
            && self.staff.is_none()
            && self.drafts == Drafts::default()
            && !self.idle.is_paused()
            && self.modules.iter().all(|m| m.is_clean())
    }

    /// The idle phase now. A clean session is never warned or wiped.
    pub fn idle_phase(&self) -> IdlePhase {
        if self.is_clean() {
            return IdlePhase::Paused;
        }
        let times = if self.long_idle() {
            self.config.lesson_idle_times()
        } else {
            self.config.idle_times()
        };
        self.idle.phase(self.clock.now(), times)
    }

    /// When the UI must look again even without input (`None`: only on input).
    pub fn next_wake(&self) -> Option<Duration> {
        let lock = self
            .pin_locked_for()
            .filter(|_| self.screen() == Screen::PinPad)
            .map(until_next_second);
        // Admin mode shows live sync figures: refresh them once a second while it is open.
        let admin = (self.screen() == Screen::Admin).then_some(Duration::from_secs(1));
        let lock = match (lock, admin) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let idle = match self.idle_phase() {
            IdlePhase::Active { warn_in } => Some(warn_in),
            IdlePhase::Warning { wipe_in } => Some(until_next_second(wipe_in)),
            IdlePhase::Expired => Some(Duration::ZERO),
            IdlePhase::Paused => None,
        };
        let goodbye = self
            .goodbye
            .map(|(_, until)| until.saturating_duration_since(self.clock.now()))
            .filter(|left| !left.is_zero());
        [lock, idle, goodbye].into_iter().flatten().min()
    }

    /// Takes in answers from the workers and applies the idle rule.
    pub fn poll(&mut self) {
        while let Some(event) = self.store.try_recv() {
            self.on_store_event(event);
        }
        self.content.poll();
        self.in_modules(|modules, ctx| {
            for m in modules {
                m.poll(ctx);
            }
        });
        if let Some(rx) = &self.pin_job {
            match rx.try_recv() {
                Ok(result) => {
                    self.pin_job = None;
                    self.on_pin_checked(result);
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.pin_job = None;
                    self.pin_status = PinStatus::Ready;
                }
            }
        }
        let now = self.clock.now();
        if self.is_clean() {
            self.idle.input(now);
        }
        if self.idle_phase() == IdlePhase::Expired {
            self.wipe(WipeReason::Idle);
        }
    }

    pub fn handle(&mut self, action: Action) {
        let now = self.clock.now();
        match action {
            Action::Input => {
                // During the warning only "Yes, I am still here" (or any tap on it) counts.
                if !matches!(self.idle_phase(), IdlePhase::Warning { .. }) {
                    self.idle.input(now);
                }
            }
            Action::StillHere => self.idle.input(now),
            Action::Go(screen) => {
                self.idle.input(now);
                if screen == Screen::PinPad {
                    self.drafts.pin.clear();
                    self.pin_status = if self.pin_locked_for().is_some() {
                        PinStatus::Locked
                    } else {
                        PinStatus::Ready
                    };
                }
                let resident_screen = !screen.is_staff() && screen != Screen::PinPad;
                if resident_screen && !std::mem::replace(&mut self.session_counted, true) {
                    // One anonymous count per resident session (until the next wipe).
                    self.record_visit("session");
                }
                if let Screen::Module(page) = screen {
                    let entering =
                        !matches!(self.screen(), Screen::Module(p) if p.module == page.module);
                    // A visit is a resident's: staff pages are not counted.
                    if entering && !page.staff {
                        self.record_visit(page.module);
                    }
                    if !page.staff || self.staff.is_some() {
                        self.with_module(page.module, |m, ctx| m.opened(page, ctx));
                    }
                }
                if screen == Screen::Admin {
                    self.staff_opened();
                }
                if screen.is_staff() && self.staff.is_none() {
                    return;
                }
                if self.screen() != screen {
                    self.nav.push(screen);
                }
            }
            Action::Back => {
                self.idle.input(now);
                self.nav.pop();
                // A page that says "done" is not gone back to.
                if self.screen() == Screen::Module(crate::modules::help::SENT) {
                    self.nav.pop();
                }
                self.leave_staff_if_gone();
            }
            Action::Home => {
                self.idle.input(now);
                self.nav = Nav::home();
                self.leave_staff_if_gone();
            }
            Action::SetLanguage(lang) => {
                self.idle.input(now);
                if self.config.languages.offered.contains(&lang) {
                    self.lang = lang;
                    for m in &mut self.modules {
                        m.lang_changed(lang);
                    }
                }
            }
            Action::SetTextScale(scale) => {
                self.idle.input(now);
                self.text_scale = scale;
            }
            Action::EndSession => {
                let lang = self.lang;
                self.wipe(WipeReason::Done);
                self.goodbye = Some((lang, now + GOODBYE));
            }
            Action::PinDigit(d) => {
                if d.is_ascii_digit() && self.drafts.pin.len() < *crate::pin::PIN_LEN.end() {
                    self.drafts.pin.push(d);
                    if self.pin_status == PinStatus::Wrong {
                        self.pin_status = PinStatus::Ready;
                    }
                }
            }
            Action::PinErase => {
                self.drafts.pin.pop();
            }
            Action::PinSubmit => self.submit_pin(),
            Action::Module(action) => {
                self.idle.input(now);
                self.with_module(action.module, |m, ctx| m.handle(&action, ctx));
            }
            Action::MarkHelpHandled(id) => {
                if self.staff.is_some() {
                    self.store.send(Command::MarkHelpHandled {
                        id,
                        now_ms: self.clock.unix_ms(),
                    });
                }
            }
            Action::SetWipePaused(paused) => {
                if self.staff.is_some() || !paused {
                    self.idle.set_paused(paused, now);
                    tracing::info!(paused, "idle wipe pause changed by a volunteer");
                }
            }
            Action::OpenPairing => {
                self.drafts.pairing_open = self.staff == Some(Role::Admin);
            }
            Action::Pair => {
                if self.staff == Some(Role::Admin)
                    && let Some(sync) = &self.sync
                {
                    let code = std::mem::take(&mut self.drafts.pairing_code);
                    self.drafts.pairing_open = false;
                    sync.pair(
                        self.drafts.server_url.trim().to_string(),
                        code.trim().to_string(),
                    );
                }
            }
            Action::AskExit => self.exit_confirm = self.staff == Some(Role::Admin),
            Action::CancelExit => self.exit_confirm = false,
            Action::ReadScreen => {}
            Action::EndGoodbye => self.goodbye = None,
            Action::Speak(text) => self.speech.say(&text, self.lang),
            Action::ConfirmExit => {
                if self.staff == Some(Role::Admin) && self.exit_confirm {
                    tracing::info!("admin closed the kiosk");
                    self.exit_requested = true;
                }
            }
        }
    }

    /// Runs `f` on the kiosk's modules with a [`Ctx`] of this kiosk; a language a module
    /// switched to applies after it.
    fn in_modules<R>(&mut self, f: impl FnOnce(&mut [Box<dyn Module>], &mut Ctx<'_>) -> R) -> R {
        let now_ms = self.clock.unix_ms();
        let sync = self.sync.as_ref();
        // Only a paired kiosk asks its server about a resume code.
        let ask = move |code: String| {
            let sync = sync.filter(|s| s.status().pairing.is_some())?;
            let (tx, rx) = std::sync::mpsc::channel();
            sync.lookup_resume(code, tx);
            Some(rx)
        };
        let mut ctx = Ctx {
            store: &self.store,
            nav: &mut self.nav,
            now_ms,
            staff: self.staff.is_some(),
            role: self.staff,
            lang: self.lang,
            offered: &self.config.languages.offered,
            library: self.content.library.as_ref(),
            speech: &self.speech,
            ask_server: &ask,
            new_lang: None,
        };
        let result = f(&mut self.modules, &mut ctx);
        if let Some(lang) = ctx.new_lang {
            self.lang = lang;
        }
        result
    }

    /// Runs `f` on the module `id` with a [`Ctx`] of this kiosk.
    fn with_module(&mut self, id: &str, f: impl FnOnce(&mut dyn Module, &mut Ctx<'_>)) {
        self.in_modules(|modules, ctx| {
            if let Some(m) = modules.iter_mut().find(|m| m.id() == id) {
                f(m.as_mut(), ctx);
            }
        });
    }

    /// Asks the store for every module's data (the store opened).
    pub(super) fn refresh_modules(&self) {
        let now_ms = self.clock.unix_ms();
        for m in &self.modules {
            for command in m.refresh()(now_ms, self.staff.is_some()) {
                self.store.send(command);
            }
        }
    }

    /// Staff mode opened (or the admin screen): every module asks again for what its parts of
    /// the staff screens show.
    pub(super) fn staff_opened(&mut self) {
        self.in_modules(|modules, ctx| {
            for m in modules {
                m.staff_opened(ctx);
            }
        });
    }

    /// Offers a store event, or a failed command, to every module in turn; what none of them
    /// took comes back (a failed command comes back too, to be logged, with `true`).
    pub(super) fn offer_to_modules(&mut self, event: Event) -> (Option<Event>, bool) {
        self.in_modules(|modules, ctx| {
            if let Event::Failed { command, .. } = &event {
                let taken = modules.iter_mut().any(|m| m.on_failed(command, ctx));
                return (Some(event), taken);
            }
            let mut event = Some(event);
            for m in modules.iter_mut() {
                match event.take() {
                    Some(e) => event = m.on_event(e, ctx),
                    None => break,
                }
            }
            (event, false)
        })
    }

    /// The address of the phone pages, when the kiosk knows its server.
    pub fn phone_base_url(&self) -> Option<String> {
        self.sync_status()
            .and_then(|s| s.pairing.map(|p| p.server_url))
            .or_else(|| self.config.server.url.clone())
            .map(|u| u.trim_end_matches('/').to_string())
    }

    /// The page on top waits longer before the idle warning (a lesson).
    fn long_idle(&self) -> bool {
        match self.screen() {
            Screen::Module(page) => self
                .modules
                .iter()
                .any(|m| m.id() == page.module && m.long_idle(page)),
            _ => false,
        }
    }

    /// A module's state, by its type (its screens' tests read it).
    pub fn module<M: Module>(&self) -> Option<&M> {
        self.modules.iter().find_map(|m| m.as_any().downcast_ref())
    }

    /// A module's state, to change, by its type.
    pub fn module_mut<M: Module>(&mut self) -> Option<&mut M> {
        self.modules
            .iter_mut()
            .find_map(|m| m.as_any_mut().downcast_mut())
    }

    fn leave_staff_if_gone(&mut self) {
        if !self.nav.any(|s| s.is_staff()) {
            self.staff = None;
            self.exit_confirm = false;
        }
    }

    /// Counts an anonymous visit (a name from the code, never anything a person typed).
    fn record_visit(&self, name: &'static str) {
        self.store.send(Command::RecordVisit {
            name,
            now_ms: self.clock.unix_ms(),
        });
    }

    /// Ends the session: everything typed, all navigation, language and text size go back to
    /// the start. PIN lockouts and saved data stay.
    pub fn wipe(&mut self, reason: WipeReason) {
        tracing::info!(?reason, "session wiped");
        let now = self.clock.now();
        self.goodbye = None;
        self.nav = Nav::home();
        self.lang = self.config.languages.default;
        self.text_scale = TextScale::Normal;
        self.drafts = Drafts::default();
        self.staff = None;
        self.idle = IdleTimer::new(now);
        self.pin_job = None;
        self.pin_status = PinStatus::Ready;
        self.session_counted = false;
        self.exit_confirm = false;
        self.speech.stop();
        for m in &mut self.modules {
            m.wipe();
        }
        self.wipes += 1;
    }
}

fn until_next_second(d: Duration) -> Duration {
    let frac = Duration::from_nanos(u64::from(d.subsec_nanos()));
    if frac.is_zero() {
        Duration::from_secs(1).min(d.max(Duration::from_millis(1)))
    } else {
        frac
    }
}

/// Whole seconds to show in a countdown (rounded up, so it never shows 0 before the end).
pub fn countdown_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}
