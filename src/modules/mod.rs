//! Kiosk features as modules. A module owns its home tile, its pages, its state (what was
//! typed included), its actions, the store events it answers and what a wipe forgets.
//!
//! A new module is a folder here (`mod.rs`: state and rules, no egui and no I/O; `screen.rs`:
//! its pages) and one line in [`all`]; its words go in the `.ftl` files and its name in
//! `kiosk.toml`'s `modules.enabled`. `app::Kiosk` keeps the session rules every module shares
//! (navigation, idle wipe, staff modes) and hands each module a [`Ctx`]; the UI draws a
//! module's page with a [`View`].

use std::any::Any;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::app::{Action, Nav, RemoteResume, Screen, StoreStatus, TextScale};
use crate::drawn::DrawnPictures;
use crate::pin::Role;
use crate::speech::Speech;
use crate::store::worker::{Command, Event, StoreHandle};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::pictures::Pictures;
use digidak_core::lang::Lang;
use digidak_core::lessons::Library;

pub mod activities;
pub mod board;
pub mod help;
pub mod lessons;
pub mod partners;

/// Every module, in the order of their parts on the staff screens. One line a module.
pub fn all() -> Vec<Box<dyn Module>> {
    vec![
        Box::new(lessons::Lessons::default()),
        Box::new(activities::Activities::default()),
        Box::new(board::Board::default()),
        Box::new(help::Help::default()),
        Box::new(partners::Partners::default()),
    ]
}

/// The names `modules.enabled` accepts for the modules of [`all`].
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|m| m.id()).collect()
}

/// A page of a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Page {
    /// The module's [`Module::id`].
    pub module: &'static str,
    /// Which of its pages (the module's own numbering).
    pub page: u8,
    /// Only volunteers and admins may open it.
    pub staff: bool,
}

impl Page {
    pub const fn resident(module: &'static str, page: u8) -> Self {
        Self {
            module,
            page,
            staff: false,
        }
    }

    /// A page only volunteers and admins may open.
    pub const fn staff(module: &'static str, page: u8) -> Self {
        Self {
            module,
            page,
            staff: true,
        }
    }
}

/// Where a code lookup stands (a sign-up code, a post code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeLookup {
    #[default]
    Idle,
    Looking,
    Invalid,
    NotFound,
    Found,
}

/// What a module asks the store for when its data may have changed: the store opened, or sync
/// pulled changes from the server (called on the sync thread, so a plain function of now and
/// of whether staff data is wanted too).
pub type Refresh = fn(now_ms: i64, staff: bool) -> Vec<Command>;

/// The parts of the staff screens a module may add to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffPlace {
    /// The volunteer screen's list of tasks.
    Volunteer,
    /// The admin screen's row of buttons.
    AdminRow,
    /// Under the admin screen's row of buttons.
    AdminBelow,
}

/// Something a module's page asked for: the module, and a value of the module's own action
/// type (an enum in its `mod.rs`). The kiosk hands it to that module's [`Module::handle`],
/// which takes its type back with [`ModuleAction::get`].
#[derive(Debug, Clone)]
pub struct ModuleAction {
    pub module: &'static str,
    what: std::sync::Arc<dyn Message>,
}

impl ModuleAction {
    pub fn new<T: Any + std::fmt::Debug + PartialEq + Send + Sync>(
        module: &'static str,
        what: T,
    ) -> Self {
        Self {
            module,
            what: std::sync::Arc::new(what),
        }
    }

    /// The action, if it is a `T`.
    pub fn get<T: Any>(&self) -> Option<&T> {
        self.what.as_any().downcast_ref()
    }
}

impl PartialEq for ModuleAction {
    fn eq(&self, other: &Self) -> bool {
        self.module == other.module && self.what.same(other.what.as_ref())
    }
}

impl Eq for ModuleAction {}

/// A module's action value, compared and downcast without knowing its type.
trait Message: Any + std::fmt::Debug + Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Message) -> bool;
}

impl<T: Any + std::fmt::Debug + PartialEq + Send + Sync> Message for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn same(&self, other: &dyn Message) -> bool {
        other.as_any().downcast_ref::<T>() == Some(self)
    }
}

/// A module's tile on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub picto: Picto,
    /// The Fluent key of its words.
    pub label: &'static str,
    /// The page it opens.
    pub opens: Page,
}

/// The main action of a page, pinned above the keyboard at the bottom of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    pub picto: Picto,
    /// The Fluent key of its words.
    pub label: &'static str,
    pub action: Action,
    /// A second way on beside it (pictogram, Fluent key, action).
    pub beside: Option<(Picto, &'static str, Action)>,
    /// Hidden while the on-screen keyboard is open (what is typed needs the room).
    pub not_while_typing: bool,
}

/// Asks the server about a resume code not made here: `None` when the kiosk is not paired.
pub type AskServer<'a> = &'a dyn Fn(String) -> Option<Receiver<RemoteResume>>;

/// What a module's rules may use: the store's channel, the time, and the way the person went.
pub struct Ctx<'a> {
    pub(crate) store: &'a StoreHandle,
    pub(crate) nav: &'a mut Nav,
    /// Now, on the kiosk's one clock (Unix ms).
    pub now_ms: i64,
    /// A volunteer or an admin unlocked staff mode.
    pub staff: bool,
    /// Which of them.
    pub role: Option<Role>,
    /// The language on screen.
    pub lang: Lang,
    /// The languages this kiosk offers.
    pub offered: &'a [Lang],
    /// The lessons, once loaded (`app::Content`).
    pub library: Option<&'a Arc<Library>>,
    /// Read aloud (to stop it when a page changes).
    pub speech: &'a Speech,
    pub(crate) ask_server: AskServer<'a>,
    /// The language a module asked to switch to (see [`Ctx::set_lang`]).
    pub(crate) new_lang: Option<Lang>,
}

impl Ctx<'_> {
    /// Queues a store command; never blocks.
    pub fn send(&self, command: Command) {
        self.store.send(command);
    }

    /// The screen on top.
    pub fn screen(&self) -> Screen {
        self.nav.current()
    }

    /// Replaces the page on top (a step nobody should go back to).
    pub fn replace(&mut self, page: Page) {
        self.nav.replace(Screen::Module(page));
    }

    /// Switches the kiosk to `lang` (one of [`Ctx::offered`]) after this call.
    pub fn set_lang(&mut self, lang: Lang) {
        if self.offered.contains(&lang) {
            self.lang = lang;
            self.new_lang = Some(lang);
        }
    }

    /// Asks the server about a resume code; the answer comes on the channel (`None`: the kiosk
    /// is not paired, so only codes made here work).
    pub fn ask_server_for_resume(&self, code: String) -> Option<Receiver<RemoteResume>> {
        (self.ask_server)(code)
    }

    /// Goes back one page.
    pub fn back(&mut self) {
        self.nav.pop();
    }

    /// There is a page to go back to.
    pub fn can_go_back(&self) -> bool {
        self.nav.can_go_back()
    }

    /// Opens `page` on top, unless it is already there.
    pub fn push(&mut self, page: Page) {
        if self.nav.current() != Screen::Module(page) {
            self.nav.push(Screen::Module(page));
        }
    }
}

/// What a module's pages may read and ask for while they are drawn.
pub struct View<'a> {
    pub tr: Tr<'a>,
    pub lang: Lang,
    pub text_scale: TextScale,
    pub store_status: &'a StoreStatus,
    /// Now, on the kiosk's one clock (Unix ms).
    pub now_ms: i64,
    /// The role unlocked by a PIN, while a staff screen is open.
    pub staff: Option<Role>,
    /// This kiosk reaches its server now.
    pub online: bool,
    /// The server's address for phone pages (QR codes), without a trailing `/`.
    pub phone_base_url: Option<String>,
    /// The site's name (`kiosk.site`).
    pub site: &'a str,
    /// The languages this kiosk offers.
    pub offered: &'a [Lang],
    /// The lessons, once loaded (`app::Content`).
    pub library: Option<&'a Arc<Library>>,
    /// The pictures of the lessons' folder, drawn on request, and the UI's textures of them.
    pub drawn: &'a DrawnPictures,
    pub pics: &'a mut Pictures,
    /// What the page asked for this frame (a [`ModuleAction`] goes back to the module).
    pub actions: &'a mut Vec<Action>,
}

impl View<'_> {
    /// Asks `module` for `what` after this frame.
    pub fn act<T: Any + std::fmt::Debug + PartialEq + Send + Sync>(
        &mut self,
        module: &'static str,
        what: T,
    ) {
        self.actions
            .push(Action::Module(ModuleAction::new(module, what)));
    }
}

/// A kiosk feature. See the module documentation.
pub trait Module: Any + Send {
    /// Its name in `kiosk.toml` (`modules.enabled`).
    fn id(&self) -> &'static str;
    /// Its home tile, if it has one.
    fn tile(&self) -> Option<Tile> {
        None
    }
    /// True when nothing of the session is kept (nothing typed, nothing chosen).
    fn is_clean(&self) -> bool;
    /// Forgets everything of the session: called by every wipe.
    fn wipe(&mut self);
    /// One of its pages is opened.
    fn opened(&mut self, _page: Page, _ctx: &mut Ctx<'_>) {}
    /// A PIN opened staff mode, or the admin screen is opened: what its parts there show is
    /// asked for again.
    fn staff_opened(&mut self, _ctx: &mut Ctx<'_>) {}
    /// An action of its pages (see [`ModuleAction::get`]).
    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>);
    /// A store event: the module takes it (`None`), or hands it on to the others and the app.
    fn on_event(&mut self, event: Event, _ctx: &mut Ctx<'_>) -> Option<Event> {
        Some(event)
    }
    /// A store command of this module failed; true if it was this module's.
    fn on_failed(&mut self, _command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        false
    }
    /// What to ask the store for when the store opens and when sync pulled changes.
    fn refresh(&self) -> Refresh {
        |_, _| Vec::new()
    }
    /// Takes in what its own workers answered, at the start of every frame.
    fn poll(&mut self, _ctx: &mut Ctx<'_>) {}
    /// Its `page` waits longer before the idle warning (`idle.lesson_*`).
    fn long_idle(&self, _page: Page) -> bool {
        false
    }
    /// The resident chose another language.
    fn lang_changed(&mut self, _lang: Lang) {}
    /// Which part of `page` shows (each opens at its top, like a page of its own).
    fn page_step(&self, _page: Page) -> usize {
        0
    }
    /// Draws its own bar at the bottom of `page` instead of a [`Pinned`] action; true if it
    /// did (in `screen.rs`).
    fn show_bar(&mut self, _page: Page, _ui: &mut egui::Ui, _view: &mut View<'_>) -> bool {
        false
    }
    /// Lines it adds to the admin screen's facts (label, value).
    fn staff_facts(&self, _tr: Tr<'_>) -> Vec<(String, String)> {
        Vec::new()
    }
    /// The page scrolls its own content (the kiosk puts no scroll area around it).
    fn scrolls_itself(&self, _page: Page) -> bool {
        false
    }
    /// Draws `page` (in `screen.rs`).
    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut View<'_>);
    /// Draws its part of a staff screen (in `screen.rs`), if it has one.
    fn show_staff(&mut self, _place: StaffPlace, _ui: &mut egui::Ui, _view: &mut View<'_>) {}
    /// The page's main action, pinned at the bottom.
    fn pinned(&self, _page: Page) -> Option<Pinned> {
        None
    }
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// A module's rules on their own: a detached store channel (this test plays the store), a
/// navigation stack and a fixed time. No SQLite, threads or window.
#[cfg(test)]
pub(crate) mod bench {
    use std::sync::mpsc::{Receiver, Sender};

    use super::{Ctx, Module, ModuleAction, Page};
    use crate::app::{Nav, Screen};
    use crate::pin::Role;
    use crate::store::worker::{Command, Event, StoreHandle};

    /// A module of the app's tests: a resident page that waits longer before the idle
    /// warning, a staff page, and an action that switches the kiosk's language.
    #[derive(Debug, Default)]
    pub struct Probe {
        /// The pages opened, in order.
        pub opened: Vec<Page>,
        /// The languages it was told of.
        pub langs: Vec<digidak_core::lang::Lang>,
    }

    pub const PROBE: &str = "probe";
    pub const READ: Page = Page::resident(PROBE, 0);
    pub const STAFF: Page = Page::staff(PROBE, 1);

    impl Module for Probe {
        fn id(&self) -> &'static str {
            PROBE
        }
        fn is_clean(&self) -> bool {
            true
        }
        fn wipe(&mut self) {}
        fn opened(&mut self, page: Page, _ctx: &mut Ctx<'_>) {
            self.opened.push(page);
        }
        fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
            if let Some(lang) = action.get::<digidak_core::lang::Lang>() {
                ctx.set_lang(*lang);
            }
        }
        fn long_idle(&self, page: Page) -> bool {
            page == READ
        }
        fn lang_changed(&mut self, lang: digidak_core::lang::Lang) {
            self.langs.push(lang);
        }
        fn show(&mut self, _page: Page, _ui: &mut egui::Ui, _view: &mut super::View<'_>) {}
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
        fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
            self
        }
    }

    pub struct Bench {
        store: StoreHandle,
        speech: crate::speech::Speech,
        pub library: Option<std::sync::Arc<digidak_core::lessons::Library>>,
        pub offered: Vec<digidak_core::lang::Lang>,
        pub lang: digidak_core::lang::Lang,
        commands: Receiver<Command>,
        _events: Sender<Event>,
        pub nav: Nav,
        pub now_ms: i64,
        pub role: Option<Role>,
    }

    impl Bench {
        pub fn new() -> Self {
            let (store, commands, events) = StoreHandle::detached();
            Self {
                store,
                speech: crate::speech::Speech::none(),
                library: None,
                offered: digidak_core::lang::Lang::BASE.to_vec(),
                lang: digidak_core::lang::Lang::Nl,
                commands,
                _events: events,
                nav: Nav::home(),
                now_ms: 1_700_000_000_000,
                role: None,
            }
        }

        pub fn ctx(&mut self) -> Ctx<'_> {
            Ctx {
                store: &self.store,
                nav: &mut self.nav,
                now_ms: self.now_ms,
                staff: self.role.is_some(),
                role: self.role,
                lang: self.lang,
                offered: &self.offered,
                library: self.library.as_ref(),
                speech: &self.speech,
                ask_server: &|_| None,
                new_lang: None,
            }
        }

        /// What the module asked the store for since the last call.
        pub fn asked(&self) -> Vec<Command> {
            self.commands.try_iter().collect()
        }

        /// The page on top.
        pub fn screen(&self) -> Screen {
            self.nav.current()
        }

        /// Opens `page` as the kiosk does: the module hears of it, then it is on top.
        pub fn open(&mut self, m: &mut dyn Module, page: Page) {
            m.opened(page, &mut self.ctx());
            self.nav.push(Screen::Module(page));
        }

        /// Runs `f` with a [`Ctx`]; a language it switched to applies after, as in the kiosk.
        pub fn run<R>(&mut self, f: impl FnOnce(&mut Ctx<'_>) -> R) -> R {
            let mut ctx = self.ctx();
            let result = f(&mut ctx);
            if let Some(lang) = ctx.new_lang {
                self.lang = lang;
            }
            result
        }

        pub fn act(&mut self, m: &mut dyn Module, action: ModuleAction) {
            self.run(|ctx| m.handle(&action, ctx));
        }

        /// Hands `event` to the module; `true` when it took it.
        pub fn answer(&mut self, m: &mut dyn Module, event: Event) -> bool {
            self.run(|ctx| m.on_event(event, ctx).is_none())
        }
    }
}
