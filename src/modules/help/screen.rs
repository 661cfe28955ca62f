//! "I need help": an optional first name and one button; then a calm confirmation.

use crate::ui::keyboard::{self, FieldKind};
use egui::RichText;

use super::Help;
use crate::app::{Action, StoreStatus};
use crate::modules::View;
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::text::MAX_NAME_CHARS;

pub(super) fn form(ui: &mut egui::Ui, help: &mut Help, view: &mut View<'_>) {
    let tr = view.tr;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("help-title")).heading());
    crate::ui::bidi::label(ui, tr.tr("help-explain"));
    ui.add_space(16.0);
    let label_text = tr.tr("help-name-label");
    let label = crate::ui::bidi::label(ui, &label_text);
    let width = ui.available_width().min(520.0);
    keyboard::field(
        ui,
        &label_text,
        &mut help.name,
        FieldKind::Text,
        MAX_NAME_CHARS,
        |name| {
            egui::TextEdit::singleline(name)
                .char_limit(MAX_NAME_CHARS)
                .desired_width(width)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(16, 14))
                .font(egui::TextStyle::Body)
        },
    )
    .labelled_by(label.id);
    let unavailable = matches!(view.store_status, StoreStatus::Unavailable(_));
    if help.failed || unavailable {
        ui.add_space(16.0);
        widgets::message(
            ui,
            &tr.tr("help-failed"),
            theme::ERROR_BG,
            theme::ERROR_TEXT,
        );
    }
}

pub(super) fn sent(ui: &mut egui::Ui, view: &mut View<'_>) {
    let tr = view.tr;
    ui.vertical_centered(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 120.0), egui::Sense::hover());
        crate::ui::picto::paint(ui.painter(), rect, Picto::Done, theme::GO);
        crate::ui::bidi::label(ui, RichText::new(tr.tr("help-sent-title")).heading());
        crate::ui::bidi::label(ui, tr.tr("help-sent-explain"));
        ui.add_space(24.0);
        act(
            ui,
            Some(Picto::Home),
            &tr.tr("nav-home"),
            Kind::Primary,
            Action::Home,
            view.actions,
        );
    });
}
