//! The practice steps: a quiz, spot the phishing mail, type an e-mail address, and a pretend
//! itsme confirmation. Answers are checked by the kiosk; a wrong answer explains and invites to
//! try again, in a calm colour (never red, never a score).

use crate::ui::keyboard::{self, FieldKind};
use egui::{RichText, Sense, Stroke, WidgetInfo, vec2};

use super::super::{LessonAction, action};
use crate::app::Action;
use crate::ui::Tr;
use crate::ui::picto::{self, Picto};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::text;
use digidak_core::lessons::player::{Answer, Player};
use digidak_core::lessons::{Mail, Practice, Step};

/// A calm green for right answers; wrong answers use the notice yellow.
const RIGHT_BG: egui::Color32 = theme::GO_BG;

pub fn show(
    ui: &mut egui::Ui,
    player: &Player,
    step: &Step,
    email: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let Some(practice) = &step.practice else {
        return;
    };
    match practice {
        Practice::Quiz { choices } => {
            crate::ui::widgets::row_wrapped(ui, |ui| {
                ui.spacing_mut().item_spacing = vec2(16.0, 12.0);
                for (i, c) in choices.iter().enumerate() {
                    let kind = if player.answer == Answer::Picked(i) {
                        Kind::Selected
                    } else {
                        Kind::Secondary
                    };
                    if widgets::button(ui, None, &c.text, kind).clicked() {
                        actions.push(action(LessonAction::Pick(i)));
                    }
                }
            });
        }
        Practice::Phishing { mails } => {
            crate::ui::widgets::row_wrapped(ui, |ui| {
                ui.spacing_mut().item_spacing = vec2(16.0, 16.0);
                let n = mails.len() as f32;
                let w = ((ui.available_width() - 1.0 - 16.0 * (n - 1.0)) / n).clamp(240.0, 400.0);
                for (i, m) in mails.iter().enumerate() {
                    let picked = player.answer == Answer::Picked(i);
                    if mail_card(ui, m, picked, w, tr).clicked() {
                        actions.push(action(LessonAction::Pick(i)));
                    }
                }
            });
        }
        Practice::Email { .. } => {
            let label = crate::ui::bidi::label(ui, tr.tr("practice-email-label"));
            let width = ui.available_width().min(520.0);
            let resp = keyboard::field(ui, "practice-email", email, FieldKind::Email, 120, |e| {
                egui::TextEdit::singleline(e)
                    .char_limit(120)
                    .desired_width(width)
                    .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                    .margin(egui::Margin::symmetric(16, 14))
                    .font(egui::TextStyle::Body)
            })
            .labelled_by(label.id);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if widgets::button(
                ui,
                Some(Picto::Done),
                &tr.tr("practice-email-check"),
                Kind::Go,
            )
            .clicked()
                || enter
            {
                actions.push(action(LessonAction::CheckEmail));
            }
        }
        Practice::Itsme { who, what, .. } => itsme(ui, player, who, what, tr, actions),
    }
}

/// What the kiosk says about the answer: shown above the Next button (pinned, so it is seen
/// without scrolling).
pub fn verdict(ui: &mut egui::Ui, player: &Player, tr: Tr<'_>) {
    let Some(verdict) = player.verdict() else {
        return;
    };
    let hint = verdict.hint.map(|key| tr.tr(key));
    let mut text = String::new();
    for part in [hint, verdict.why.clone()].into_iter().flatten() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&part);
    }
    if !verdict.right {
        text.push(' ');
        text.push_str(&tr.tr("practice-try-again"));
    }
    let bg = if verdict.right {
        RIGHT_BG
    } else {
        theme::NOTICE
    };
    widgets::message(ui, text.trim(), bg, theme::TEXT);
}

/// A mail as a card to tap: sender, subject, text. Its accessible name is its subject.
fn mail_card(ui: &mut egui::Ui, m: &Mail, picked: bool, width: f32, tr: Tr<'_>) -> egui::Response {
    let inner = width - 32.0;
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let bold = egui::FontId::new(body_font.size, theme::bold());
    let simple = egui::text::LayoutJob::simple;
    let from = crate::ui::bidi::galley(
        ui,
        simple(
            format!("{}: {}", tr.tr("practice-from"), m.from),
            small,
            theme::MUTED,
            inner,
        ),
    );
    let subject = crate::ui::bidi::galley(ui, simple(m.subject.clone(), bold, theme::TEXT, inner));
    let body = crate::ui::bidi::galley(ui, simple(m.body.clone(), body_font, theme::TEXT, inner));
    let h = 16.0 + from.size().y + 8.0 + subject.size().y + 8.0 + body.size().y + 16.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width, h), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &m.subject));
    if ui.is_rect_visible(rect) {
        let hovered = response.hovered() || response.is_pointer_button_down_on();
        let p = ui.painter();
        p.rect_filled(
            rect,
            12.0,
            if hovered {
                theme::TILE_HOVER
            } else {
                egui::Color32::WHITE
            },
        );
        let stroke = if picked {
            Stroke::new(5.0, theme::PRIMARY)
        } else {
            Stroke::new(2.0, theme::MUTED)
        };
        p.rect_stroke(rect, 12.0, stroke, egui::StrokeKind::Inside);
        if response.has_focus() {
            p.rect_stroke(
                rect.expand(3.0),
                14.0,
                Stroke::new(4.0, theme::FOCUS),
                egui::StrokeKind::Outside,
            );
        }
        let mut y = rect.top() + 16.0;
        let x = rect.left() + 16.0;
        let (fh, sh) = (from.size().y, subject.size().y);
        p.galley(egui::pos2(x, y), from, theme::MUTED);
        y += fh + 8.0;
        p.galley(egui::pos2(x, y), subject, theme::TEXT);
        y += sh + 8.0;
        p.galley(egui::pos2(x, y), body, theme::TEXT);
    }
    response
}

/// The pretend itsme: the phone with who asks, what it is, and the two buttons.
fn itsme(
    ui: &mut egui::Ui,
    player: &Player,
    who: &str,
    what: &str,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    // What to confirm stands out in bold, at body size, so the phone and its two buttons fit
    // under the step's text without scrolling.
    let what_font = egui::FontId::new(
        ui.text_style_height(&egui::TextStyle::Body) * 1.15,
        theme::bold(),
    );
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = vec2(24.0, 12.0);
        egui::Frame::new()
            .fill(theme::TILE)
            .stroke(Stroke::new(4.0, theme::TEXT))
            .corner_radius(24)
            .inner_margin(egui::Margin::symmetric(20, 12))
            .show(ui, |ui| {
                // Who and what, with the two buttons beside them where they fit (so they
                // show without scrolling), else under them.
                let who_line = tr.tr_args("practice-itsme-who", &[("who", text(who))]);
                let what_line = tr.tr_args("practice-itsme-what", &[("what", text(what))]);
                let (yes, no) = (
                    tr.tr("practice-itsme-confirm-button"),
                    tr.tr("practice-itsme-reject-button"),
                );
                let body = egui::TextStyle::Body.resolve(ui.style());
                let button = egui::TextStyle::Button.resolve(ui.style());
                let wide = |t: &str, f: &egui::FontId| {
                    ui.painter()
                        .layout_no_wrap(t.to_string(), f.clone(), theme::TEXT)
                        .size()
                        .x
                };
                let column = wide(&who_line, &body).max(wide(&what_line, &what_font)) + 48.0;
                let buttons = widgets::button_width(ui, None, &yes, &button)
                    + widgets::button_width(ui, None, &no, &button)
                    + 3.0 * 24.0;
                let beside = column + buttons <= ui.available_width();
                let layout = if beside {
                    egui::Layout::left_to_right(egui::Align::Center)
                } else {
                    egui::Layout::top_down(egui::Align::LEFT)
                };
                ui.with_layout(layout, |ui| {
                    crate::ui::widgets::column(ui, |ui| {
                        ui.spacing_mut().item_spacing.y = 8.0;
                        crate::ui::widgets::row(ui, |ui| {
                            let (r, _) = ui.allocate_exact_size(vec2(32.0, 32.0), Sense::hover());
                            picto::paint(ui.painter(), r, Picto::Phone, theme::TEXT);
                            crate::ui::bidi::label(
                                ui,
                                RichText::new(tr.tr("practice-itsme-title")).strong(),
                            );
                        });
                        crate::ui::bidi::label(ui, who_line);
                        crate::ui::bidi::label(ui, RichText::new(what_line).font(what_font));
                    });
                    // Wraps on a narrow screen: the buttons go under each other.
                    crate::ui::widgets::row_wrapped(ui, |ui| {
                        let confirm_kind = if player.answer == Answer::Itsme(true) {
                            Kind::Selected
                        } else {
                            Kind::Go
                        };
                        if widgets::button(ui, None, &yes, confirm_kind).clicked() {
                            actions.push(action(LessonAction::Itsme(true)));
                        }
                        let reject_kind = if player.answer == Answer::Itsme(false) {
                            Kind::Selected
                        } else {
                            Kind::Secondary
                        };
                        if widgets::button(ui, None, &no, reject_kind).clicked() {
                            actions.push(action(LessonAction::Itsme(false)));
                        }
                    });
                });
            });
    });
}
