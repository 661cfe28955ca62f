//! Kiosk features as modules. A module owns its home tile, its pages, its state (what was
//! typed included), its actions, the store events it answers and what a wipe forgets.
//!
//! A new module is a folder here (`mod.rs`: state and rules, no egui and no I/O; `screen.rs`:
//! its pages) and one line in [`all`]; its words go in the `.ftl` files and its name in
//! `kiosk.toml`'s `modules.enabled`. `app::Kiosk` keeps the session rules every module shares
//! (navigation, idle wipe, staff modes) and hands each module a [`Ctx`]; the UI draws a
//! module's page with a [`View`].

use std::any::Any;

use crate::app::{Action, Nav, Screen, StoreStatus, TextScale};
use crate::store::worker::{Command, Event, StoreHandle};
use crate::ui::Tr;
use crate::ui::picto::Picto;

pub mod help;
pub mod partners;

/// Every module, in the order of the home screen's tiles. One line a module.
pub fn all() -> Vec<Box<dyn Module>> {
    vec![
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
    pub action: ModuleAction,
}

/// What a module's rules may use: the store's channel, the time, and the way the person went.
pub struct Ctx<'a> {
    pub(crate) store: &'a StoreHandle,
    pub(crate) nav: &'a mut Nav,
    /// Now, on the kiosk's one clock (Unix ms).
    pub now_ms: i64,
    /// A volunteer or an admin unlocked staff mode.
    pub staff: bool,
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
}

/// What a module's pages may read and ask for while they are drawn.
pub struct View<'a> {
    pub tr: Tr<'a>,
    pub text_scale: TextScale,
    pub store_status: &'a StoreStatus,
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
    /// An action of its pages (see [`ModuleAction::get`]).
    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>);
    /// A store event; true if it was this module's.
    fn on_event(&mut self, _event: &Event, _ctx: &mut Ctx<'_>) -> bool {
        false
    }
    /// A store command of this module failed; true if it was this module's.
    fn on_failed(&mut self, _command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        false
    }
    /// Draws `page` (in `screen.rs`).
    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut View<'_>);
    /// The page's main action, pinned at the bottom.
    fn pinned(&self, _page: Page) -> Option<Pinned> {
        None
    }
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}
