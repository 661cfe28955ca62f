//! What is always on screen: home, back, "I'm done" and the discreet staff corner on top;
//! languages (in their own names) and text size at the bottom; the "Are you still there?"
//! overlay over everything.

use egui::{Align, Layout, RichText};

use super::Tr;
use super::picto::Picto;
use super::theme::{self, MIN_TARGET};
use super::widgets::{self, Kind};
use crate::app::{Action, Kiosk, Screen, TextScale, countdown_secs};
use crate::idle::IdlePhase;
use digidak_core::i18n::num;

pub fn top_bar(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    egui::Panel::top("top-bar")
        .frame(bar_frame())
        .show(ui, |ui| {
            let scale = kiosk.text_scale.factor();
            let mut nav_keys = vec![
                (
                    Picto::Home,
                    "nav-home",
                    kiosk.screen() != Screen::Home,
                    Action::Home,
                ),
                (Picto::Back, "nav-back", kiosk.can_go_back(), Action::Back),
            ];
            // Read aloud: on every screen, always in this place, when the kiosk can speak.
            if kiosk.speech.available() {
                // Without a voice for this language the key says so (and reads nothing).
                let voice = kiosk.speech.speaks(kiosk.lang);
                nav_keys.push((
                    Picto::Speaker,
                    if voice {
                        "lesson-read-aloud"
                    } else {
                        "read-aloud-no-voice"
                    },
                    voice,
                    Action::ReadScreen,
                ));
            }
            let small = theme::chrome_small_font(scale);
            ui.spacing_mut().item_spacing.x = 10.0;
            let gap = ui.spacing().item_spacing.x;
            // One row keeps the screen's room: with large text on a narrow screen the bar's
            // words come back to their 1x size before the row would wrap.
            let words: Vec<(Picto, String)> = nav_keys
                .iter()
                .map(|(p, key, _, _)| (*p, tr.tr(key)))
                .chain([(Picto::Done, tr.tr("nav-done"))])
                .collect();
            let buttons: Vec<(Option<Picto>, &str)> =
                words.iter().map(|(p, t)| (Some(*p), t.as_str())).collect();
            let font = widgets::fitting_font(
                ui,
                &buttons,
                ui.available_width() - MIN_TARGET - gap,
                &[theme::chrome_font(scale), theme::chrome_font(1.0)],
            );
            let left: f32 = nav_keys
                .iter()
                .map(|(p, key, _, _)| widgets::button_width(ui, Some(*p), &tr.tr(key), &font) + gap)
                .sum();
            let done_w = widgets::button_width(ui, Some(Picto::Done), &tr.tr("nav-done"), &font);
            let staff_w =
                widgets::button_width(ui, Some(Picto::Staff), &tr.tr("staff-open"), &small);
            // One row when everything fits; then the staff corner gives up its word (its
            // pictogram stays, and its name for screen readers); else "I'm done" and the staff
            // corner go to a second row, on the right, so no two buttons ever overlap.
            let avail = ui.available_width();
            let with_words = left + done_w + staff_w + gap <= avail;
            let one_row = with_words || left + done_w + MIN_TARGET + gap <= avail;
            let staff_words = with_words || !one_row;
            let nav = |ui: &mut egui::Ui, actions: &mut Vec<Action>| {
                for (picto, key, enabled, action) in nav_keys.iter().cloned() {
                    if enabled {
                        let b = widgets::button_sized(
                            ui,
                            Some(picto),
                            &tr.tr(key),
                            Kind::Secondary,
                            font.clone(),
                        );
                        if b.clicked() {
                            actions.push(action);
                        }
                    } else {
                        widgets::button_disabled(ui, Some(picto), &tr.tr(key), font.clone());
                    }
                }
            };
            let right_side = |ui: &mut egui::Ui, actions: &mut Vec<Action>| {
                // The far end of the row: the right, or the left when the screen reads from
                // the right.
                let far = if super::bidi::rtl_ui(ui.ctx()) {
                    Layout::left_to_right(Align::Center)
                } else {
                    Layout::right_to_left(Align::Center)
                };
                ui.with_layout(far, |ui| {
                    // The staff corner: small, plain, but still a full-size target.
                    let staff = if staff_words {
                        widgets::button_sized(
                            ui,
                            Some(Picto::Staff),
                            &tr.tr("staff-open"),
                            Kind::Secondary,
                            small.clone(),
                        )
                    } else {
                        widgets::icon_button(ui, Picto::Staff, &tr.tr("staff-open"))
                    };
                    if staff.clicked() {
                        actions.push(Action::Go(Screen::PinPad));
                    }
                    let done = tr.tr("nav-done");
                    if widgets::button_sized(
                        ui,
                        Some(Picto::Done),
                        &done,
                        Kind::Primary,
                        font.clone(),
                    )
                    .clicked()
                    {
                        actions.push(Action::EndSession);
                    }
                });
            };
            if one_row {
                widgets::bar_row(ui, |ui| {
                    nav(ui, actions);
                    right_side(ui, actions);
                });
            } else {
                widgets::bar_row(ui, |ui| nav(ui, actions));
                widgets::bar_row(ui, |ui| right_side(ui, actions));
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Navigation, true, ""));
    if kiosk.wipe_paused() {
        egui::Panel::top("paused-banner")
            .frame(
                egui::Frame::new()
                    .fill(theme::NOTICE)
                    .inner_margin(egui::Margin::symmetric(24, 8)),
            )
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    super::bidi::label(
                        ui,
                        RichText::new(tr.tr("volunteer-paused-banner")).color(theme::TEXT),
                    );
                    let font = theme::chrome_font(kiosk.text_scale.factor());
                    let resume = tr.tr("volunteer-resume");
                    if widgets::button_sized(ui, Some(Picto::Play), &resume, Kind::Secondary, font)
                        .clicked()
                    {
                        actions.push(Action::SetWipePaused(false));
                    }
                });
            });
    }
}

pub fn bottom_bar(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    egui::Panel::bottom("bottom-bar")
        .frame(bar_frame())
        .show(ui, |ui| {
            // Up to eight languages: their names come back to a smaller size before the row
            // would wrap and take the screen's room (each stays a full-size target).
            let names: Vec<String> = kiosk
                .config
                .languages
                .offered
                .iter()
                .map(|&l| tr.native_name(l))
                .collect();
            let buttons: Vec<(Option<Picto>, &str)> =
                names.iter().map(|n| (None, n.as_str())).collect();
            let sizes_w: f32 = [("A", 22.0), ("A+", 30.0), ("A++", 38.0)]
                .iter()
                .map(|(t, size)| {
                    widgets::button_width(ui, None, t, &egui::FontId::new(*size, theme::bold()))
                        + ui.spacing().item_spacing.x
                })
                .sum();
            let font = widgets::fitting_font(
                ui,
                &buttons,
                ui.available_width() - sizes_w - 24.0,
                &[
                    theme::chrome_font(kiosk.text_scale.factor()),
                    theme::chrome_font(1.0),
                    theme::chrome_small_font(1.0),
                ],
            );
            let gap = ui.spacing().item_spacing.x;
            let inline = buttons
                .iter()
                .map(|(_, n)| widgets::button_width(ui, None, n, &font) + gap)
                .sum::<f32>()
                <= ui.available_width() - sizes_w - 24.0;
            widgets::action_row(ui, |ui| {
                if inline {
                    language_buttons(ui, kiosk, tr, font.clone(), actions);
                } else {
                    // Too many to show in one row: one "Other language" key with a globe opens
                    // them all above the bar (the bar would otherwise take the screen's room).
                    let open = chooser_open(ui.ctx());
                    let kind = if open {
                        Kind::Selected
                    } else {
                        Kind::Secondary
                    };
                    let label = tr.tr("language-choose");
                    if widgets::button_sized(ui, Some(Picto::Globe), &label, kind, font.clone())
                        .clicked()
                    {
                        set_chooser_open(ui.ctx(), !open);
                    }
                }
                ui.add_space(24.0);
                // The three "A"s, each drawn at its own size, speak for themselves.
                for (scale, label, size) in [
                    (TextScale::Normal, "A", 22.0),
                    (TextScale::Large, "A+", 30.0),
                    (TextScale::Largest, "A++", 38.0),
                ] {
                    let kind = if scale == kiosk.text_scale {
                        Kind::Selected
                    } else {
                        Kind::Secondary
                    };
                    let font = egui::FontId::new(size, theme::bold());
                    if widgets::button_sized(ui, None, label, kind, font).clicked() {
                        actions.push(Action::SetTextScale(scale));
                    }
                }
            });
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Toolbar, true, ""));
}

fn language_buttons(
    ui: &mut egui::Ui,
    kiosk: &Kiosk,
    tr: Tr<'_>,
    font: egui::FontId,
    actions: &mut Vec<Action>,
) {
    for &lang in &kiosk.config.languages.offered {
        let kind = if lang == kiosk.lang {
            Kind::Selected
        } else {
            Kind::Secondary
        };
        let name = tr.native_name(lang);
        if widgets::button_sized(ui, None, &name, kind, font.clone()).clicked() {
            set_chooser_open(ui.ctx(), false);
            actions.push(Action::SetLanguage(lang));
        }
    }
}

fn chooser_id() -> egui::Id {
    egui::Id::unique("language-chooser")
}

/// Whether the language chooser is open (kept in egui's memory, so the wipe closes it).
fn chooser_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(chooser_id()).unwrap_or(false))
}

fn set_chooser_open(ctx: &egui::Context, open: bool) {
    ctx.data_mut(|d| d.insert_temp(chooser_id(), open));
}

/// The offered languages, each in its own name and script, in a panel just above the bottom
/// bar, when "Other language" opened it. Call after the bottom bar, before the content.
pub fn language_chooser(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    if !chooser_open(ui.ctx()) {
        return;
    }
    egui::Panel::bottom("language-chooser")
        .frame(bar_frame())
        .show(ui, |ui| {
            let font = theme::chrome_font(kiosk.text_scale.factor());
            widgets::row_wrapped(ui, |ui| {
                language_buttons(ui, kiosk, tr, font, actions);
            });
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Toolbar, true, ""));
}

fn bar_frame() -> egui::Frame {
    egui::Frame::new()
        .fill(theme::BAR)
        .inner_margin(egui::Margin::symmetric(16, 10))
        .stroke(egui::Stroke::new(1.0, theme::SECONDARY_HOVER))
}

/// The full-screen "Are you still there?" with a countdown and one big button.
pub fn idle_overlay(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let IdlePhase::Warning { wipe_in } = kiosk.idle_phase() else {
        return;
    };
    let screen = ui.ctx().content_rect();
    egui::Area::new(egui::Id::unique("idle-overlay"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen.min)
        .show(ui.ctx(), |ui| {
            let (rect, backdrop) = ui.allocate_exact_size(screen.size(), egui::Sense::click());
            ui.painter().rect_filled(rect, 0.0, theme::OVERLAY);
            if backdrop.clicked() {
                actions.push(Action::StillHere);
            }
            let inner = egui::Rect::from_center_size(
                rect.center(),
                egui::vec2(rect.width().min(900.0) - 64.0, rect.height() - 64.0),
            );
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(inner)
                    .layout(Layout::top_down(Align::Center)),
                |ui| {
                    ui.add_space((inner.height() * 0.15).min(120.0));
                    super::bidi::label(
                        ui,
                        RichText::new(tr.tr("idle-title"))
                            .heading()
                            .color(theme::ON_DARK),
                    );
                    ui.add_space(16.0);
                    let seconds = countdown_secs(wipe_in);
                    super::bidi::label(
                        ui,
                        RichText::new(
                            tr.tr_args("idle-countdown", &[("seconds", num(seconds as f64))]),
                        )
                        .color(theme::ON_DARK),
                    );
                    ui.add_space(32.0);
                    // The one thing to do here: the biggest button on any screen.
                    let stay = tr.tr("idle-stay");
                    let size = egui::vec2(420.0, 110.0);
                    if widgets::button_min(ui, Some(Picto::Done), &stay, Kind::Go, size).clicked() {
                        actions.push(Action::StillHere);
                    }
                },
            );
        });
}

/// After "I'm done": a calm "Everything is wiped" for a moment, in the language the person
/// used, so they see that nothing of theirs stays. Any tap ends it.
pub fn goodbye_overlay(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let Some(lang) = kiosk.goodbye() else {
        return;
    };
    let tr = Tr {
        translations: tr.translations,
        lang,
    };
    let screen = ui.ctx().content_rect();
    egui::Area::new(egui::Id::unique("goodbye-overlay"))
        .order(egui::Order::Foreground)
        .fixed_pos(screen.min)
        .show(ui.ctx(), |ui| {
            let (rect, backdrop) = ui.allocate_exact_size(screen.size(), egui::Sense::click());
            ui.painter().rect_filled(rect, 0.0, theme::GO_BG);
            // A tap anywhere, also on its words, ends it.
            if backdrop.clicked() || ui.input(|i| i.pointer.any_click()) {
                actions.push(Action::EndGoodbye);
            }
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(rect.shrink(32.0))
                    .layout(Layout::top_down(Align::Center)),
                |ui| {
                    ui.add_space((rect.height() * 0.2).min(160.0));
                    let (icon, _) =
                        ui.allocate_exact_size(egui::vec2(120.0, 120.0), egui::Sense::hover());
                    super::picto::paint(ui.painter(), icon, Picto::Done, theme::GO);
                    super::bidi::label(ui, RichText::new(tr.tr("goodbye-title")).heading());
                    super::bidi::label(ui, tr.tr("goodbye-explain"));
                },
            );
        });
}
