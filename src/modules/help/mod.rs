//! "I need help": a resident leaves an optional first name and calls a volunteer to this kiosk.
//! The call is saved by the store worker and synced to the other kiosks of the site, whose
//! volunteer screens list it.

mod screen;

use std::any::Any;

use super::{Ctx, Module, ModuleAction, Page, Pinned, Tile};
use crate::store::worker::{Command, Event};
use crate::ui::picto::Picto;

pub const ID: &str = "help";
/// The form: an optional first name and "Call a volunteer".
pub const FORM: Page = Page::resident(ID, 0);
/// The call is saved: a volunteer will come.
pub const SENT: Page = Page::resident(ID, 1);
/// What its pages ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpAction {
    /// "Call a volunteer" with the name typed.
    Call,
}

/// "Call a volunteer", as the action its page sends.
pub fn call() -> ModuleAction {
    ModuleAction::new(ID, HelpAction::Call)
}

/// The module's state: what was typed, and where the call stands.
#[derive(Debug, Default)]
pub struct Help {
    /// The first name typed (optional).
    pub name: String,
    /// The call went to the store and is not saved yet.
    awaiting_save: bool,
    /// Saving the call failed.
    pub failed: bool,
}

impl Module for Help {
    fn id(&self) -> &'static str {
        ID
    }

    fn tile(&self) -> Option<Tile> {
        Some(Tile {
            picto: Picto::Help,
            label: "tile-help",
            opens: FORM,
        })
    }

    fn is_clean(&self) -> bool {
        self.name.is_empty() && !self.awaiting_save && !self.failed
    }

    fn wipe(&mut self) {
        *self = Self::default();
    }

    fn opened(&mut self, page: Page, _ctx: &mut Ctx<'_>) {
        if page == FORM {
            self.failed = false;
        }
    }

    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
        if let Some(HelpAction::Call) = action.get() {
            let name = std::mem::take(&mut self.name);
            let name = name.trim();
            self.awaiting_save = true;
            self.failed = false;
            ctx.send(Command::AddHelpRequest {
                first_name: (!name.is_empty()).then(|| name.to_string()),
                now_ms: ctx.now_ms,
            });
        }
    }

    fn on_event(&mut self, event: Event, ctx: &mut Ctx<'_>) -> Option<Event> {
        if let Event::HelpRequestSaved(_) = &event {
            // Only the person still on the form is taken to "a volunteer will come".
            if std::mem::take(&mut self.awaiting_save)
                && ctx.screen() == super::Screen::Module(FORM)
            {
                ctx.replace(SENT);
            }
        }
        // The volunteer screens take the saved call in too.
        Some(event)
    }

    fn on_failed(&mut self, command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        if let Command::AddHelpRequest { .. } = command {
            self.awaiting_save = false;
            self.failed = true;
            return true;
        }
        false
    }

    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        match page.page {
            1 => screen::sent(ui, view),
            _ => screen::form(ui, self, view),
        }
    }

    fn pinned(&self, page: Page) -> Option<Pinned> {
        (page == FORM).then_some(Pinned {
            picto: Picto::Call,
            label: "help-call",
            action: crate::app::Action::Module(call()),
            beside: None,
            not_while_typing: false,
        })
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
