//! The kiosk's egui UI. Screens read the [`Kiosk`] and push [`Action`]s; they never touch disk
//! or network. [`KioskUi::show`] is one frame: take in input, draw, apply actions, and ask egui
//! for the next repaint only when a timer needs one (idle screens use no CPU).

pub mod bidi;
mod chrome;
pub mod eframe_app;
pub mod keyboard;
pub mod picto;
pub mod pictures;
pub mod qr;
mod read_aloud;
pub(crate) mod screens;
pub mod theme;
pub mod widgets;

use std::sync::Arc;

use digidak_core::i18n::FluentValue;

use crate::app::{Action, Kiosk};
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;

/// A view of the translations in the current language.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub translations: &'a Translations,
    pub lang: Lang,
}

impl Tr<'_> {
    pub fn tr(&self, key: &str) -> String {
        self.translations.get(self.lang, key)
    }

    pub fn tr_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.translations.get_args(self.lang, key, args)
    }

    /// A language's own name ("Français"), whatever the current language.
    pub fn native_name(&self, lang: Lang) -> String {
        self.translations.get(lang, "language-name")
    }
}

/// The whole kiosk UI around a [`Kiosk`].
pub struct KioskUi {
    pub kiosk: Kiosk,
    translations: Translations,
    installed: bool,
    applied_scale: Option<f32>,
    seen_wipes: u64,
    close_sent: bool,
    pictures: pictures::Pictures,
    /// The screen drawn last frame: a new screen opens at its top, with no keyboard.
    last_page: Option<(crate::app::Screen, usize)>,
    /// The read-aloud's own egui context, made on first use.
    reader: Option<read_aloud::Reader>,
}

impl KioskUi {
    pub fn new(kiosk: Kiosk, translations: Translations) -> Self {
        let seen_wipes = kiosk.wipes();
        Self {
            kiosk,
            translations,
            installed: false,
            applied_scale: None,
            seen_wipes,
            close_sent: false,
            pictures: pictures::Pictures::default(),
            last_page: None,
            reader: None,
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.installed {
            self.installed = true;
            theme::install_fonts(&ctx);
            let waker_ctx = ctx.clone();
            self.kiosk
                .set_waker(Arc::new(move || waker_ctx.request_repaint()));
        }

        // The window closes only when an admin chose "Close the kiosk".
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && !self.kiosk.exit_requested() {
            tracing::info!("close request refused: only an admin can close the kiosk");
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        keyboard::note_input(&ctx, self.kiosk.config.input.keyboard);
        if ctx.input(|i| i.events.iter().any(is_person_input)) {
            self.kiosk.handle(Action::Input);
        }
        self.kiosk.poll();

        if self.kiosk.wipes() != self.seen_wipes {
            self.seen_wipes = self.kiosk.wipes();
            // egui keeps text-field undo history and focus in its memory: forget all of it
            // (but keep its options, which hold our style), and empty the clipboard, so
            // nothing typed reaches the next person.
            ctx.memory_mut(|m| {
                let options = m.options.clone();
                *m = Default::default();
                m.options = options;
            });
            ctx.copy_text(String::new());
            // Panels lost their remembered sizes: lay this frame out again before showing it,
            // because an idle home screen will not draw another one.
            ctx.request_discard("session wiped");
        }
        let scale = self.kiosk.text_scale.factor();
        if self.applied_scale != Some(scale) {
            self.applied_scale = Some(scale);
            theme::apply(&ctx, scale);
        }

        let tr = Tr {
            translations: &self.translations,
            lang: self.kiosk.lang,
        };
        let mut actions = Vec::new();
        // A page is a screen, or one step of a lesson: each opens at its top.
        let screen = self.kiosk.screen();
        let step = match screen {
            crate::app::Screen::Module(page) => self
                .kiosk
                .modules
                .iter()
                .find(|m| m.id() == page.module)
                .map_or(0, |m| m.page_step(page)),
            _ => 0,
        };
        let new_page = self.last_page != Some((screen, step));
        if new_page {
            if self.last_page.map(|(s, _)| s) != Some(screen) {
                keyboard::close(&ctx);
            }
            self.last_page = Some((screen, step));
        }
        draw(
            ui,
            &mut self.kiosk,
            &mut self.pictures,
            tr,
            new_page,
            &mut actions,
        );
        chrome::idle_overlay(ui, &self.kiosk, tr, &mut actions);
        chrome::goodbye_overlay(ui, &self.kiosk, tr, &mut actions);

        for action in actions {
            if action == Action::ReadScreen {
                // The screen's words, as a screen reader would find them, to the speech thread.
                let size = ctx.content_rect().size();
                let reader = self.reader.get_or_insert_with(read_aloud::Reader::new);
                let text = reader.read(&mut self.kiosk, &self.translations, size);
                self.kiosk.handle(Action::Speak(text));
                continue;
            }
            self.kiosk.handle(action);
        }
        if self.kiosk.exit_requested() && (!self.close_sent || close_requested) {
            self.close_sent = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.kiosk.frame_painted();
        if let Some(after) = self.kiosk.next_wake() {
            ctx.request_repaint_after(after);
        }
    }
}

/// Draws the bars and the current screen (the idle overlay aside): the real frame, and the
/// read-aloud's pass that finds the screen's words.
fn draw(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pictures: &mut pictures::Pictures,
    tr: Tr<'_>,
    new_page: bool,
    actions: &mut Vec<Action>,
) {
    let ctx = ui.ctx().clone();
    bidi::set_rtl_ui(&ctx, tr.lang.is_rtl());
    chrome::top_bar(ui, kiosk, tr, actions);
    // The on-screen keyboard takes the language bar's place while it is open.
    if keyboard::is_open(&ctx) {
        keyboard::panel(ui, kiosk.lang, tr);
    } else {
        chrome::bottom_bar(ui, kiosk, tr, actions);
        chrome::language_chooser(ui, kiosk, tr, actions);
    }
    screens::pinned(ui, kiosk, pictures, tr, actions);
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(theme::BG)
                .inner_margin(egui::Margin::symmetric(32, 24)),
        )
        .show(ui, |ui| {
            let scrolls_itself = match kiosk.screen() {
                crate::app::Screen::Module(page) => kiosk
                    .modules
                    .iter()
                    .any(|m| m.id() == page.module && m.scrolls_itself(page)),
                _ => false,
            };
            if scrolls_itself {
                // A page that scrolls its own content (the board draws only the rows on screen).
                if tr.lang.is_rtl() {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                        screens::show(ui, kiosk, pictures, tr, actions);
                    });
                } else {
                    screens::show(ui, kiosk, pictures, tr, actions);
                }
                return;
            }
            let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
            if new_page {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show(ui, |ui| {
                // Right to left: everything starts at the right edge (and rows run leftwards).
                if tr.lang.is_rtl() {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                        screens::show(ui, kiosk, pictures, tr, actions);
                    });
                } else {
                    screens::show(ui, kiosk, pictures, tr, actions);
                }
            });
        });
}

/// Input that means a person is at the kiosk.
fn is_person_input(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::PointerButton { .. }
            | egui::Event::PointerMoved(_)
            | egui::Event::Key { .. }
            | egui::Event::Text(_)
            | egui::Event::Touch { .. }
            | egui::Event::MouseWheel { .. }
    )
}
