//! "Wie kan helpen": per category, a card for each partner: name, open now or when, what
//! they do, the week's hours, address and how to reach them. Read aloud reads it all.

use egui::RichText;

use super::{Partners, open_words};
use crate::modules::View;
use crate::ui::theme;
use crate::ui::widgets;
use digidak_core::partners::week_in_words;

pub(super) fn list(ui: &mut egui::Ui, partners: &Partners, view: &mut View<'_>) {
    let tr = view.tr;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("partners-title")).heading());
    crate::ui::bidi::label(ui, tr.tr("partners-explain"));
    ui.add_space(12.0);
    let groups = partners.by_category();
    if groups.is_empty() {
        if partners.loaded {
            widgets::message(ui, &tr.tr("partners-none"), theme::NOTICE, theme::TEXT);
        }
        return;
    }
    for (category, list) in groups {
        ui.add_space(8.0);
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr(&category.label_key()))
                .strong()
                .size(ui.style().text_styles[&egui::TextStyle::Heading].size * 0.85),
        );
        for p in list {
            ui.add_space(6.0);
            widgets::card(ui, |ui| {
                crate::ui::bidi::label(ui, RichText::new(&p.name).strong());
                let open = super::is_open(p, partners.now_ms);
                let words = open_words(tr.translations, tr.lang, p, partners.now_ms);
                crate::ui::bidi::label(
                    ui,
                    RichText::new(words).color(if open { theme::GO } else { theme::TEXT }),
                );
                if !p.description.is_empty() {
                    crate::ui::bidi::label(ui, &p.description);
                }
                let week = week_in_words(&p.hours, tr.lang);
                if !week.is_empty() {
                    crate::ui::bidi::label(
                        ui,
                        format!("{}:\n{}", tr.tr("partners-hours"), week.join("\n")),
                    );
                }
                for (key, v) in [
                    ("partners-address", &p.address),
                    ("partners-contact", &p.contact),
                ] {
                    if !v.is_empty() {
                        crate::ui::bidi::label(ui, format!("{}: {v}", tr.tr(key)));
                    }
                }
            });
        }
    }
}
