//! "Wie kan helpen": per category, a card for each partner: name, open now or when, what
//! they do, the week's hours, address and how to reach them. Read aloud reads it all.

use egui::RichText;

use super::{ID, Partners, PartnersAction, open_words};
use crate::app::{Action, StoreStatus};
use crate::modules::View;
use crate::ui::keyboard::{self, FieldKind};
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::partners::{MAX_PHONE, MAX_SIGNAL_NOTE, SIGNAL_KINDS, week_in_words};
use digidak_protocol::PartnerRecord;

pub(super) fn list(ui: &mut egui::Ui, partners: &mut Partners, view: &mut View<'_>) {
    let tr = view.tr;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("partners-title")).heading());
    crate::ui::bidi::label(ui, tr.tr("partners-explain"));
    ui.add_space(8.0);
    act(
        ui,
        None,
        &tr.tr("strengths-title"),
        Kind::Secondary,
        Action::Go(crate::app::Screen::Module(super::STRENGTHS)),
        view.actions,
    );
    ui.add_space(12.0);
    let groups = partners.by_category();
    if groups.is_empty() {
        if partners.loaded {
            widgets::message(ui, &tr.tr("partners-none"), theme::NOTICE, theme::TEXT);
        }
        return;
    }
    let groups: Vec<(digidak_core::board::Category, Vec<PartnerRecord>)> = groups
        .into_iter()
        .map(|(c, l)| (c, l.into_iter().cloned().collect()))
        .collect();
    for (category, list) in &groups {
        let category = *category;
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
                // Its logo (or a pictogram) beside its name: every card has a picture.
                ui.horizontal_top(|ui| {
                    picture(ui, tr, view.pics, view.drawn, &partners.logos, p, category);
                    // The name wraps beside the picture (a long name at big text).
                    let width = ui.available_width();
                    ui.vertical(|ui| {
                        ui.set_max_width(width);
                        crate::ui::bidi::label(ui, RichText::new(&p.name).strong());
                    });
                });
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
                // Its offers on the board now, with its badge.
                for (_, title) in partners.offers.iter().filter(|(n, _)| *n == p.name) {
                    crate::ui::bidi::label(
                        ui,
                        RichText::new(format!("{} · {title}", tr.tr("partners-on-board")))
                            .color(theme::GO),
                    );
                }
            });
        }
    }
}

/// The size of a partner's picture on its card.
const PICTURE: f32 = 64.0;

/// A partner's uploaded logo, once this kiosk has it; otherwise its own pictogram (a shared
/// picture an admin chose) or the category's. Labelled for screen readers and tests: "Logo De
/// Ark", or "Pictogram van De Ark".
pub(crate) fn picture(
    ui: &mut egui::Ui,
    tr: crate::ui::Tr<'_>,
    pics: &mut crate::ui::pictures::Pictures,
    drawn: &crate::drawn::DrawnPictures,
    logos: &super::Logos,
    p: &PartnerRecord,
    category: digidak_core::board::Category,
) {
    if logo(ui, tr, pics, logos, p, PICTURE) {
        return;
    }
    let name = [("partner", p.name.clone().into())];
    let size = egui::vec2(PICTURE, PICTURE);
    let key = if !p.picture.is_empty() && drawn.contains(&p.picture) {
        p.picture.as_str()
    } else {
        category.picture()
    };
    let label = tr.tr_args("partners-pictogram", &name);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if ui.is_rect_visible(rect)
        && !crate::ui::pictures::paint(ui.ctx(), ui.painter(), pics, drawn, key, rect)
    {
        // Not drawn yet (the loader wakes the UI when it is).
        ui.painter().rect_stroke(
            rect,
            12.0,
            egui::Stroke::new(2.0, theme::SECONDARY),
            egui::StrokeKind::Inside,
        );
    }
}

/// A partner's uploaded logo in a `side` square, labelled "Logo van De Ark", if this kiosk has
/// it (false, nothing drawn, otherwise).
fn logo(
    ui: &mut egui::Ui,
    tr: crate::ui::Tr<'_>,
    pics: &mut crate::ui::pictures::Pictures,
    logos: &super::Logos,
    p: &PartnerRecord,
    side: f32,
) -> bool {
    if p.logo.is_empty() || !logos.has(&p.logo) {
        return false;
    }
    let key = format!("partner-logo-{}", p.logo);
    let texture = pics.get_or_upload(ui.ctx(), &key, || logos.take(&p.logo));
    let label = tr.tr_args("partners-logo", &[("partner", p.name.clone().into())]);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if let Some(id) = texture {
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        ui.painter().image(id, rect, uv, egui::Color32::WHITE);
    }
    true
}

fn title(ui: &mut egui::Ui, text: &str) {
    crate::ui::bidi::label(ui, RichText::new(text).heading());
    ui.add_space(12.0);
}

fn choice(ui: &mut egui::Ui, text: &str) -> bool {
    let clicked = widgets::button(ui, None, text, Kind::Secondary).clicked();
    ui.add_space(8.0);
    clicked
}

/// "Signaal doorgeven": which partner.
pub(super) fn signal_partner(ui: &mut egui::Ui, partners: &Partners, view: &mut View<'_>) {
    let tr = view.tr;
    title(ui, &tr.tr("signal-partner-title"));
    if partners.loaded && partners.list.is_empty() {
        widgets::message(ui, &tr.tr("signal-no-partners"), theme::NOTICE, theme::TEXT);
    }
    for p in &partners.list {
        if choice(ui, &p.name) {
            view.act(ID, PartnersAction::ChoosePartner(p.id.clone()));
        }
    }
}

/// What kind of signal.
pub(super) fn signal_kind(ui: &mut egui::Ui, partners: &Partners, view: &mut View<'_>) {
    let tr = view.tr;
    crate::ui::bidi::label(ui, RichText::new(partners.signal_partner_name()).strong());
    title(ui, &tr.tr("signal-kind-title"));
    for kind in SIGNAL_KINDS {
        if choice(ui, &tr.tr(&format!("signal-kind-{kind}"))) {
            view.act(ID, PartnersAction::ChooseKind(kind));
        }
    }
}

/// A short note (no name needed).
pub(super) fn signal_note(ui: &mut egui::Ui, partners: &mut Partners, view: &mut View<'_>) {
    let tr = view.tr;
    title(ui, &tr.tr("signal-note-title"));
    let label_text = tr.tr("signal-note-label");
    let label = crate::ui::bidi::label(ui, &label_text);
    let width = ui.available_width().min(640.0);
    keyboard::field(
        ui,
        &label_text,
        &mut partners.signal.note,
        FieldKind::Text,
        MAX_SIGNAL_NOTE,
        |note| {
            egui::TextEdit::multiline(note)
                .char_limit(MAX_SIGNAL_NOTE)
                .desired_width(width)
                .desired_rows(3)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(16, 14))
                .font(egui::TextStyle::Body)
        },
    )
    .labelled_by(label.id);
}

/// The resident's consent, in the kiosk's language: "Mag De Ark je bellen?"
pub(super) fn signal_consent(ui: &mut egui::Ui, partners: &mut Partners, view: &mut View<'_>) {
    let tr = view.tr;
    partners.signal.lang = Some(tr.lang);
    let name = partners.signal_partner_name();
    let args = [("partner", name.clone().into())];
    title(ui, &tr.tr_args("signal-consent-title", &args));
    crate::ui::bidi::label(ui, tr.tr_args("signal-consent-explain", &args));
    ui.add_space(16.0);
    if widgets::button(
        ui,
        Some(Picto::Done),
        &tr.tr("signal-consent-yes"),
        Kind::Go,
    )
    .clicked()
    {
        view.act(ID, PartnersAction::Consent(true));
    }
    ui.add_space(12.0);
    if widgets::button(ui, None, &tr.tr("signal-consent-no"), Kind::Secondary).clicked() {
        view.act(ID, PartnersAction::Consent(false));
    }
}

/// Only after "yes": the phone number.
pub(super) fn signal_phone(ui: &mut egui::Ui, partners: &mut Partners, view: &mut View<'_>) {
    let tr = view.tr;
    let name = partners.signal_partner_name();
    title(
        ui,
        &tr.tr_args("signal-phone-title", &[("partner", name.clone().into())]),
    );
    let label_text = tr.tr("signal-phone-label");
    let label = crate::ui::bidi::label(ui, &label_text);
    let width = ui.available_width().min(420.0);
    keyboard::field(
        ui,
        &label_text,
        &mut partners.signal.phone,
        FieldKind::Phone,
        MAX_PHONE,
        |phone| {
            egui::TextEdit::singleline(phone)
                .char_limit(MAX_PHONE)
                .desired_width(width)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(16, 14))
                .font(egui::TextStyle::Body)
        },
    )
    .labelled_by(label.id);
    let unavailable = matches!(view.store_status, StoreStatus::Unavailable(_));
    if partners.failed || unavailable {
        ui.add_space(16.0);
        widgets::message(
            ui,
            &tr.tr("signal-failed"),
            theme::ERROR_BG,
            theme::ERROR_TEXT,
        );
    }
}

/// Sent, or nothing sent.
pub(super) fn signal_done(
    ui: &mut egui::Ui,
    partners: &Partners,
    page: crate::modules::Page,
    view: &mut View<'_>,
) {
    let tr = view.tr;
    ui.vertical_centered(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 120.0), egui::Sense::hover());
        crate::ui::picto::paint(ui.painter(), rect, Picto::Done, theme::GO);
        let text = if page == super::SIGNAL_SENT {
            tr.tr_args(
                "signal-sent",
                &[("partner", partners.sent_to.clone().into())],
            )
        } else {
            tr.tr("signal-not-sent")
        };
        crate::ui::bidi::label(ui, RichText::new(text).heading());
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

/// "Wat onze buurt kan": a tile a category with its number of offers in big figures and its
/// partners.
pub(super) fn strengths(ui: &mut egui::Ui, partners: &Partners, view: &mut View<'_>) {
    let tr = view.tr;
    title(ui, &tr.tr("strengths-title"));
    crate::ui::bidi::label(ui, tr.tr("strengths-explain"));
    ui.add_space(12.0);
    let big = ui.style().text_styles[&egui::TextStyle::Heading].size * 1.6;
    // As many columns of tiles as fit, row by row; a tile is at least twelve letters of body
    // text wide, so a category's words never break inside a word at big text.
    let gap = 12.0;
    let avail = ui.available_width();
    let min = ui.style().text_styles[&egui::TextStyle::Body].size * 12.0;
    let cols = (((avail + gap) / (min + gap)).floor() as usize).clamp(1, 4);
    let width = (avail - gap * (cols as f32 - 1.0)) / cols as f32 - 24.0;
    for row in partners.strengths.chunks(cols) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for s in row {
                let (offers, partner_count) =
                    digidak_core::strengths::tile_lines(tr.translations, tr.lang, s);
                egui::Frame::new()
                    .fill(theme::TILE)
                    .corner_radius(egui::CornerRadius::same(12))
                    .inner_margin(egui::Margin::same(12))
                    .show(ui, |ui| {
                        ui.set_width(width);
                        ui.vertical(|ui| {
                            crate::ui::bidi::label(
                                ui,
                                RichText::new(tr.tr(&s.category.label_key())).strong(),
                            );
                            // The category's picture beside its number: read without words.
                            ui.horizontal(|ui| {
                                crate::ui::pictures::show(
                                    ui,
                                    view.pics,
                                    view.drawn,
                                    s.category.picture(),
                                    64.0,
                                );
                                ui.label(RichText::new(s.offers.to_string()).size(big).strong());
                            });
                            crate::ui::bidi::label(ui, offers);
                            crate::ui::bidi::label(ui, partner_count);
                            if !s.partners.is_empty() {
                                crate::ui::bidi::label(
                                    ui,
                                    RichText::new(s.partners.join(", ")).color(theme::MUTED),
                                );
                                // The logos of those that have one (the tile's picture is
                                // the category's).
                                let with_logo: Vec<_> = partners
                                    .list
                                    .iter()
                                    .filter(|p| {
                                        s.partners.contains(&p.name)
                                            && !p.logo.is_empty()
                                            && partners.logos.has(&p.logo)
                                    })
                                    .collect();
                                if !with_logo.is_empty() {
                                    ui.horizontal_wrapped(|ui| {
                                        for p in with_logo {
                                            logo(ui, tr, view.pics, &partners.logos, p, 40.0);
                                        }
                                    });
                                }
                            }
                        });
                    });
            }
        });
        ui.add_space(gap);
    }
}

/// Volunteer mode's way to "Signaal doorgeven", among the volunteer's tasks.
pub(super) fn staff(place: crate::modules::StaffPlace, ui: &mut egui::Ui, view: &mut View<'_>) {
    if place == crate::modules::StaffPlace::Volunteer {
        act(
            ui,
            Some(Picto::People),
            &view.tr.tr("volunteer-signal"),
            Kind::Secondary,
            Action::Go(crate::app::Screen::Module(super::SIGNAL_PARTNER)),
            view.actions,
        );
    }
}
