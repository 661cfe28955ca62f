//! The lesson player: one step a screen, a progress bar, big Back and Next, read aloud,
//! "continue later"; the practice of a step below its text; "well done" at the end.

use egui::RichText;

use super::super::{LIST, LessonAction, TAKE_HOME, action};
use super::{Cx, practice};
use crate::app::{Action, Screen};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::pictures::Pictures;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::lessons::player::Player;

pub fn show(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    email: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let Some(player) = &cx.lessons.player else {
        // Nothing to play (e.g. after a wipe): back to the list.
        act(
            ui,
            Some(Picto::Lessons),
            &tr.tr("lesson-another"),
            Kind::Primary,
            Action::Go(Screen::Module(LIST)),
            actions,
        );
        return;
    };
    header(ui, player, tr);
    if player.lang != cx.lang {
        widgets::message(
            ui,
            &tr.tr_args(
                "lesson-other-language",
                &[("language", tr.native_name(player.lang).into())],
            ),
            theme::NOTICE,
            theme::TEXT,
        );
    }
    let Some(step) = player.step().filter(|_| !player.is_finished()) else {
        finished(ui, cx, player, tr, actions);
        return;
    };
    let tr_step = Tr {
        translations: tr.translations,
        lang: player.lang,
    };
    // Practice needs the room: its picture is smaller.
    let wide = ui.available_width() >= 700.0 && step.practice.is_none();
    let pic = if wide { 176.0 } else { 112.0 };
    crate::ui::widgets::row(ui, |ui| {
        super::picture(ui, cx, pics, &step.picture, pic);
        ui.add_space(8.0);
        crate::ui::widgets::column(ui, |ui| {
            ui.set_max_width(ui.available_width().min(820.0));
            let size = ui.text_style_height(&egui::TextStyle::Body);
            let size = if step.practice.is_some() {
                size
            } else {
                size * 1.1
            };
            crate::ui::bidi::label(ui, RichText::new(&step.text).size(size));
            if let Some(tip) = &step.tip {
                widgets::message(
                    ui,
                    &format!("{}: {tip}", tr_step.tr("lesson-tip")),
                    theme::NOTICE,
                    theme::TEXT,
                );
            }
        });
    });
    if step.practice.is_some() {
        ui.add_space(8.0);
        practice::show(ui, player, step, email, tr_step, actions);
    }
}

/// Back, read aloud, continue later and Next, pinned above the language bar: always in the
/// same place, whatever the length of the step (see `KioskUi::show`).
pub fn nav_panel(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let Some(player) = &cx.lessons.player else {
        return;
    };
    if player.is_finished() {
        return;
    }
    egui::Panel::bottom("lesson-nav")
        .frame(
            egui::Frame::new()
                .fill(theme::BG)
                .inner_margin(egui::Margin::symmetric(32, 12)),
        )
        .show(ui, |ui| {
            let tr_step = Tr {
                translations: tr.translations,
                lang: player.lang,
            };
            practice::verdict(ui, player, tr_step);
            nav_row(ui, player, tr, actions);
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Toolbar, true, ""));
}

fn header(ui: &mut egui::Ui, player: &Player, tr: Tr<'_>) {
    let total = player.step_count();
    let now = (player.step_index() + 1).min(total);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        crate::ui::bidi::label(ui, RichText::new(&player.text().title).strong());
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr_args(
                "lesson-step-of",
                &[("step", now.into()), ("total", total.into())],
            ))
            .color(theme::MUTED),
        );
        if player.guided {
            crate::ui::bidi::label(
                ui,
                RichText::new(tr.tr("lesson-guided")).color(theme::PRIMARY),
            );
        }
    });
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(900.0), 14.0),
        egui::Sense::hover(),
    );
    let p = ui.painter();
    p.rect_filled(rect, 7.0, theme::SECONDARY);
    let mut done = rect;
    done.set_width(rect.width() * player.progress());
    // Right to left, the bar fills from the right.
    if crate::ui::bidi::rtl_ui(ui.ctx()) {
        done = done.translate(egui::vec2(rect.width() - done.width(), 0.0));
    }
    p.rect_filled(done, 7.0, theme::GO);
}

fn nav_row(ui: &mut egui::Ui, player: &Player, tr: Tr<'_>, actions: &mut Vec<Action>) {
    crate::ui::widgets::action_row(ui, |ui| {
        ui.spacing_mut().item_spacing = egui::vec2(16.0, 12.0);
        // One row, so the step keeps its room: the words get smaller before the row wraps.
        let (back, later, next) = (
            tr.tr("lesson-back"),
            tr.tr("lesson-later"),
            tr.tr("lesson-next"),
        );
        let scale = ui.text_style_height(&egui::TextStyle::Button) / 30.0;
        let font = widgets::fitting_font(
            ui,
            &[
                (Some(Picto::Back), &back),
                (Some(Picto::Bookmark), &later),
                (Some(Picto::Next), &next),
            ],
            ui.available_width(),
            &[
                egui::TextStyle::Button.resolve(ui.style()),
                theme::chrome_font(scale),
                theme::chrome_font(1.0),
            ],
        );
        let button = |ui: &mut egui::Ui, picto, text: &str, kind| {
            widgets::button_sized(ui, Some(picto), text, kind, font.clone()).clicked()
        };
        // Always in its place (greyed on the first step), so Next never moves under a finger.
        if player.step_index() > 0 {
            if button(ui, Picto::Back, &back, Kind::Secondary) {
                actions.push(action(LessonAction::Back));
            }
        } else {
            widgets::button_disabled(ui, Some(Picto::Back), &back, font.clone());
        }
        if button(ui, Picto::Bookmark, &later, Kind::Secondary) {
            actions.push(action(LessonAction::ContinueLater));
        }
        if player.guided {
            initiation(ui, player, tr, actions);
        }
        if button(ui, Picto::Next, &next, Kind::Primary) {
            actions.push(action(LessonAction::Next));
        }
    });
}

fn initiation(ui: &mut egui::Ui, player: &Player, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let topic = tr.tr(&super::topic_key(player.lesson.topic));
    if player.initiation_noted {
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr_args("lesson-initiation-done", &[("topic", topic.into())]))
                .color(theme::GO),
        );
    } else {
        act(
            ui,
            Some(Picto::Done),
            &tr.tr("lesson-initiation"),
            Kind::Go,
            action(LessonAction::MarkInitiation),
            actions,
        );
    }
}

fn finished(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    player: &Player,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    ui.vertical_centered(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(120.0, 120.0), egui::Sense::hover());
        crate::ui::picto::paint(ui.painter(), rect, Picto::Done, theme::GO);
        crate::ui::bidi::label(ui, RichText::new(tr.tr("lesson-done-title")).heading());
        crate::ui::bidi::label(
            ui,
            tr.tr_args(
                "lesson-done-text",
                &[("title", player.text().title.clone().into())],
            ),
        );
        ui.add_space(16.0);
        crate::ui::widgets::row_wrapped(ui, |ui| {
            ui.spacing_mut().item_spacing = egui::vec2(16.0, 12.0);
            act(
                ui,
                Some(Picto::Back),
                &tr.tr("lesson-back"),
                Kind::Secondary,
                action(LessonAction::Back),
                actions,
            );
            if cx.phone_base_url.is_some() {
                act(
                    ui,
                    Some(Picto::Phone),
                    &tr.tr("lesson-take-home"),
                    Kind::Secondary,
                    Action::Go(Screen::Module(TAKE_HOME)),
                    actions,
                );
            }
            if player.guided {
                initiation(ui, player, tr, actions);
            }
            act(
                ui,
                Some(Picto::Lessons),
                &tr.tr("lesson-another"),
                Kind::Primary,
                Action::Back,
                actions,
            );
        });
    });
}
