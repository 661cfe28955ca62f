//! "Wie kan helpen": the site's local partners (the OCMW, a care organisation, a housing
//! company), per board category, with whether they are open now or when they open, their
//! hours, address and how to reach them. The list comes from the server (`partner.saved`
//! changes, kept by the store); this module asks the store for it when its page opens.
//!
//! In volunteer mode, "Signaal doorgeven" (pages from [`SIGNAL_PARTNER`] on): the volunteer
//! picks a partner, a kind and writes a short note; the resident is asked on screen, in the
//! kiosk's language, "Mag De Ark je bellen?"; only after "yes" is a phone number asked, and
//! only then is the signal queued (`signal.created`). "No" sends nothing. The wipe forgets
//! the draft.
//!
//! For the board's confirmation screen ("which partner can also help with this ask"):
//! [`Partners::covering`] and [`open_words`], on the list this module keeps (the kiosk finds
//! the module by [`ID`] and downcasts it with `as_any`).

mod logo;
mod screen;

pub use logo::Logos;
/// A partner's picture (its logo, or a pictogram), for the board's screens too.
pub(crate) use screen::picture;

use std::any::Any;

use super::{Ctx, Module, ModuleAction, Page, Pinned, StaffPlace, Tile, View};
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
/// "Wat onze buurt kan": per category the offers on the board and the partners, as tiles.
pub const STRENGTHS: Page = Page::resident(ID, 8);
/// Volunteer mode, "Signaal doorgeven": which partner.
pub const SIGNAL_PARTNER: Page = staff(1);
/// What kind of signal.
pub const SIGNAL_KIND: Page = staff(2);
/// A short note.
pub const SIGNAL_NOTE: Page = staff(3);
/// The resident's consent, in their language.
pub const SIGNAL_CONSENT: Page = staff(4);
/// Only after "yes": the phone number.
pub const SIGNAL_PHONE: Page = staff(5);
/// Sent.
pub const SIGNAL_SENT: Page = staff(6);
/// The resident said no: nothing was sent.
pub const SIGNAL_NOT_SENT: Page = staff(7);

const fn staff(page: u8) -> Page {
    Page {
        module: ID,
        page,
        staff: true,
    }
}

/// What the signal pages ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnersAction {
    ChoosePartner(String),
    ChooseKind(&'static str),
    /// The note is written: on to the resident's consent.
    NoteDone,
    /// The resident's answer.
    Consent(bool),
    /// Queue the signal (only after consent).
    Send,
}

/// A care signal being written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignalDraft {
    pub partner: Option<String>,
    pub kind: Option<&'static str>,
    pub note: String,
    pub phone: String,
    /// The resident said yes on screen.
    pub consent: bool,
    /// The language the consent screen was shown in: the resident's.
    pub lang: Option<Lang>,
}

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
    /// The partners' own offers on the board: (partner name, title).
    pub offers: Vec<(String, String)>,
    /// Per category the offers on the board and the partners ("Wat onze buurt kan").
    pub strengths: Vec<digidak_core::strengths::Strength>,
    /// The care signal being written (volunteer mode).
    pub signal: SignalDraft,
    /// The signal went to the store and is not saved yet.
    awaiting_save: bool,
    /// Saving it failed.
    pub failed: bool,
    /// The partner the last signal went to (for "sent to De Ark").
    pub sent_to: String,
    /// The partners' uploaded logos (read and drawn by the store worker, shown on the cards).
    pub logos: Logos,
}

impl Partners {
    /// The partners that help with `category`, by name.
    pub fn covering(&self, category: Category) -> Vec<&PartnerRecord> {
        digidak_core::partners::covering(&self.list, category.id())
    }

    /// The name of the partner the signal goes to.
    pub fn signal_partner_name(&self) -> String {
        self.signal
            .partner
            .as_ref()
            .and_then(|id| self.list.iter().find(|p| p.id == *id))
            .map(|p| p.name.clone())
            .unwrap_or_default()
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
        // The partners' list is the site's, not the resident's; a signal's draft is theirs.
        self.signal == SignalDraft::default()
            && !self.awaiting_save
            && !self.failed
            && self.sent_to.is_empty()
    }

    fn wipe(&mut self) {
        self.signal = SignalDraft::default();
        self.awaiting_save = false;
        self.failed = false;
        self.sent_to.clear();
    }

    fn opened(&mut self, page: Page, ctx: &mut Ctx<'_>) {
        self.now_ms = ctx.now_ms;
        if page == SIGNAL_PARTNER {
            self.wipe();
        }
        ctx.send(Command::RefreshPartners { now_ms: ctx.now_ms });
    }

    fn handle(&mut self, action: &ModuleAction, ctx: &mut Ctx<'_>) {
        let Some(action) = action.get::<PartnersAction>() else {
            return;
        };
        if !ctx.staff {
            return;
        }
        let go = |ctx: &mut Ctx<'_>, page: Page| ctx.nav.push(super::Screen::Module(page));
        match action {
            PartnersAction::ChoosePartner(id) => {
                if self.list.iter().any(|p| p.id == *id) {
                    self.signal.partner = Some(id.clone());
                    go(ctx, SIGNAL_KIND);
                }
            }
            PartnersAction::ChooseKind(kind) => {
                self.signal.kind = Some(kind);
                go(ctx, SIGNAL_NOTE);
            }
            PartnersAction::NoteDone => go(ctx, SIGNAL_CONSENT),
            PartnersAction::Consent(true) => {
                self.signal.consent = true;
                ctx.replace(SIGNAL_PHONE);
            }
            PartnersAction::Consent(false) => {
                // Nothing is sent, nothing is kept.
                self.signal = SignalDraft::default();
                ctx.replace(SIGNAL_NOT_SENT);
            }
            PartnersAction::Send => {
                let (Some(partner_id), Some(kind), true) = (
                    self.signal.partner.clone(),
                    self.signal.kind,
                    self.signal.consent,
                ) else {
                    return;
                };
                let phone = self.signal.phone.trim();
                let signal = digidak_protocol::SignalCreated {
                    id: uuid::Uuid::now_v7().to_string(),
                    partner_id,
                    kind: kind.to_string(),
                    note: self.signal.note.trim().to_string(),
                    phone: (!phone.is_empty()).then(|| phone.to_string()),
                    lang: self.signal.lang.unwrap_or(Lang::Nl).code().to_string(),
                    consent: true,
                };
                self.awaiting_save = true;
                self.failed = false;
                ctx.send(Command::CreateSignal {
                    signal,
                    now_ms: ctx.now_ms,
                });
            }
        }
    }

    fn on_event(&mut self, event: Event, ctx: &mut Ctx<'_>) -> Option<Event> {
        match event {
            Event::Partners {
                list,
                strengths,
                offers,
            } => {
                let ask = self.logos.to_ask(&list);
                if !ask.is_empty() {
                    ctx.send(Command::LoadPartnerLogos { hashes: ask });
                }
                self.list = list;
                self.strengths = strengths;
                self.offers = offers;
                self.loaded = true;
                None
            }
            Event::PartnerLogos(answers) => {
                self.logos.answered(&answers);
                None
            }
            Event::SignalSaved => {
                if std::mem::take(&mut self.awaiting_save) {
                    self.sent_to = self.signal_partner_name();
                    self.signal = SignalDraft::default();
                    if ctx.screen() == super::Screen::Module(SIGNAL_PHONE) {
                        ctx.replace(SIGNAL_SENT);
                    }
                }
                None
            }
            other => Some(other),
        }
    }

    fn on_failed(&mut self, command: &Command, _ctx: &mut Ctx<'_>) -> bool {
        match command {
            Command::RefreshPartners { .. } => {
                self.loaded = true;
                true
            }
            Command::LoadPartnerLogos { hashes } => {
                self.logos.failed(hashes);
                true
            }
            Command::CreateSignal { .. } => {
                self.awaiting_save = false;
                self.failed = true;
                true
            }
            _ => false,
        }
    }

    fn refresh(&self) -> super::Refresh {
        // After sync pulled changes or fetched logos: the list, and the logos it names.
        |now_ms, _| vec![Command::RefreshPartners { now_ms }]
    }

    fn show_staff(&mut self, place: StaffPlace, ui: &mut egui::Ui, view: &mut View<'_>) {
        screen::staff(place, ui, view);
    }

    fn show(&mut self, page: Page, ui: &mut egui::Ui, view: &mut super::View<'_>) {
        match page {
            SIGNAL_PARTNER => screen::signal_partner(ui, self, view),
            SIGNAL_KIND => screen::signal_kind(ui, self, view),
            SIGNAL_NOTE => screen::signal_note(ui, self, view),
            SIGNAL_CONSENT => screen::signal_consent(ui, self, view),
            SIGNAL_PHONE => screen::signal_phone(ui, self, view),
            SIGNAL_SENT | SIGNAL_NOT_SENT => screen::signal_done(ui, self, page, view),
            STRENGTHS => screen::strengths(ui, self, view),
            _ => screen::list(ui, self, view),
        }
    }

    fn pinned(&self, page: Page) -> Option<Pinned> {
        match page {
            SIGNAL_NOTE => Some(Pinned {
                picto: Picto::Next,
                label: "signal-next",
                action: crate::app::Action::Module(ModuleAction::new(ID, PartnersAction::NoteDone)),
                beside: None,
                not_while_typing: false,
            }),
            SIGNAL_PHONE => Some(Pinned {
                picto: Picto::Done,
                label: "signal-send",
                action: crate::app::Action::Module(ModuleAction::new(ID, PartnersAction::Send)),
                beside: None,
                not_while_typing: false,
            }),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
