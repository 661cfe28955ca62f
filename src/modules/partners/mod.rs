//! "Wie kan helpen": the site's local partners (the OCMW, a care organisation, a housing
//! company), per board category, with whether they are open now or when they open, their
//! hours, address and how to reach them. The list comes from the server (`partner.saved`
//! changes, kept by the store); this module asks the store for it when its page opens.
//!
//! For the board's confirmation screen ("which partner can also help with this ask"):
//! [`Partners::covering`] and [`open_words`], on the list this module keeps (the kiosk finds
//! the module by [`ID`] and downcasts it with `as_any`).

mod screen;

use std::any::Any;

use super::{Ctx, Module, ModuleAction, Page, Tile};
use crate::store::worker::{Command, Event};
use crate::ui::picto::Picto;
use digidak_core::board::Category;
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;
use digidak_core::partners::{OpenState, open_in_words, open_state};
use digidak_protocol::PartnerRecord;

pub const ID: &str = "partners";
/// Every category with the partners that help with it.
pub const LIST: Page = Page::resident(ID, 0);

/// The module's state: the site's partners as the store last had them. Nothing of a
/// resident's session is kept here (the list is public information an admin entered).
#[derive(Debug, Default)]
pub struct Partners {
    /// By name.
    pub list: Vec<PartnerRecord>,
    /// The store answered at least once.
    pub loaded: bool,
    /// When the page was opened: the moment "open now" is computed for.
    pub now_ms: i64,
}

impl Partners {
    /// The partners that help with `category`, by name.
    pub fn covering(&self, category: Category) -> Vec<&PartnerRecord> {
        digidak_core::partners::covering(&self.list, category.id())
    }

    /// The categories that have at least one partner, in the board's order, with them.
    pub fn by_category(&self) -> Vec<(Category, Vec<&PartnerRecord>)> {
        Category::ALL
            .into_iter()
            .map(|c| (c, self.covering(c)))
            .filter(|(_, l)| !l.is_empty())
            .collect()
    }
}

/// Whether `p` is open at `now_ms`, in words ("Nu open, tot 17:00", "Morgen vanaf 9:00").
pub fn open_words(tr: &Translations, lang: Lang, p: &PartnerRecord, now_ms: i64) -> String {
    open_in_words(tr, lang, open_state(&p.hours, now_ms))
}

/// Whether `p` is open at `now_ms`.
pub fn is_open(p: &PartnerRecord, now_ms: i64) -> bool {
    matches!(open_state(&p.hours, now_ms), OpenState::OpenUntil(_))
}

impl Module for Partners {
    fn id(&self) -> &'static str {
        ID
    }

    fn tile(&self) -> Option<Tile> {
        Some(Tile {
            picto: Picto::People,
            label: "tile-partners",
            opens: LIST,
        })
    }

    fn is_clean(&self) -> bool {
        // Nothing typed or chosen: the list is the site's, not the resident's.
        true
    }

    fn wipe(&mut self) {}

    fn opened(&mut self, _page: Page, ctx: &mut Ctx<'_>) {
        self.now_ms = ctx.now_ms;
        ctx.send(Command::RefreshPartners);
    }

    fn handle(&mut self, _action: &ModuleAction, _ctx: &mut Ctx<'_>) {}

    fn on_event(&mut self, event: &Event, _ctx: &mut Ctx<'_>) -> bool {
        if let Event::Partners(list) = event {
            self.list = list.clone();
            self.loaded = true;
            return true;
        }
        false
    }

    fn on_failed(&mut self, command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        if let Command::RefreshPartners = command {
            self.loaded = true;
            return true;
        }
        false
    }

    fn show(&mut self, _page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        screen::list(ui, self, view);
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
