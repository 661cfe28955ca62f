//! Codes around a lesson: "continue later" (a resume code and its QR code), typing a resume
//! code on a number pad, and the lesson's phone page as a QR code ("take it home").

use egui::RichText;

use super::super::{LessonAction, Lookup, action};
use super::Cx;
use crate::app::Action;
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::screens::pinpad::{Keys, keyboard, keypad};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use crate::ui::{Tr, qr};
use digidak_core::i18n::num;
use digidak_core::lessons::resume::{self, RESUME_DAYS};

/// How big QR codes are drawn.
const QR_SIZE: f32 = 260.0;

/// "Continue later": the code, big, and a QR code of the lesson's phone page at this step.
pub fn saved(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>, actions: &mut Vec<Action>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("lesson-saved-title")).heading());
    if cx.lessons.save_failed {
        widgets::message(
            ui,
            &tr.tr("lesson-save-failed"),
            theme::ERROR_BG,
            theme::ERROR_TEXT,
        );
    } else if let Some(code) = &cx.lessons.saved_code {
        crate::ui::bidi::label(ui, tr.tr("lesson-saved-text"));
        widgets::big_code(ui, &resume::display(code));
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr_args("lesson-saved-expires", &[("days", num(RESUME_DAYS as f64))]))
                .color(theme::MUTED),
        );
        let url = cx.lessons.player.as_ref().and_then(|p| {
            cx.lesson_url(
                &p.lesson.id,
                p.lang,
                Some(p.step_index().min(p.step_count().saturating_sub(1))),
            )
        });
        if let Some(url) = url {
            crate::ui::widgets::row_wrapped(ui, |ui| {
                qr::show(ui, &url, QR_SIZE * 0.8, &tr.tr("qr-label"));
                crate::ui::bidi::label(ui, tr.tr("lesson-saved-qr"));
            });
        }
    } else {
        crate::ui::bidi::label(ui, tr.tr("lesson-saving"));
    }
    ui.add_space(16.0);
    // "I'm done" is always in the top bar; this screen offers the way back.
    act(
        ui,
        Some(Picto::Back),
        &tr.tr("lesson-back-to-lesson"),
        Kind::Secondary,
        Action::Back,
        actions,
    );
}

fn resume_keys() -> Keys {
    Keys {
        digit: |d| action(LessonAction::ResumeDigit(d)),
        erase: action(LessonAction::ResumeErase),
        submit: action(LessonAction::ResumeSubmit),
        submit_label: "resume-ok",
    }
}

/// Typing a resume code: the digits in groups as typed, a number pad, and what was found.
pub fn enter(ui: &mut egui::Ui, cx: &Cx<'_>, typed: &str, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let looking = cx.lessons.lookup == Lookup::Looking;
    let keys = resume_keys();
    if !looking {
        keyboard(ui, &keys, actions);
    }
    let compact = ui.available_height() < 500.0;
    ui.vertical_centered(|ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("resume-title")).heading());
        if !compact {
            crate::ui::bidi::label(
                ui,
                RichText::new(tr.tr("resume-explain")).color(theme::MUTED),
            );
        }
        let shown = if typed.is_empty() {
            "_ _ _   _ _ _   _ _ _ _".to_string()
        } else {
            resume::display(typed)
        };
        widgets::typed_code(ui, &shown, typed);
        let status = match cx.lessons.lookup {
            Lookup::Idle => None,
            Lookup::Looking => Some((tr.tr("resume-looking"), theme::NOTICE, theme::TEXT)),
            Lookup::Invalid => Some((tr.tr("resume-invalid"), theme::NOTICE, theme::TEXT)),
            Lookup::NotFound { offline: false } => {
                Some((tr.tr("resume-not-found"), theme::NOTICE, theme::TEXT))
            }
            Lookup::NotFound { offline: true } => {
                Some((tr.tr("resume-offline"), theme::NOTICE, theme::TEXT))
            }
            Lookup::MissingLesson => {
                Some((tr.tr("resume-missing-lesson"), theme::NOTICE, theme::TEXT))
            }
        };
        if let Some((text, bg, fg)) = status {
            widgets::message(ui, &text, bg, fg);
        }
        // (The way back is the top bar's Back.)
        let room = ui.available_height() - ui.spacing().item_spacing.y;
        ui.add_enabled_ui(!looking, |ui| {
            keypad(ui, room, tr, &keys, actions);
        });
    });
}

/// "Take it home": the lesson's phone page as a QR code.
pub fn take_home(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("takehome-title")).heading());
    let url = cx
        .lessons
        .player
        .as_ref()
        .and_then(|p| cx.lesson_url(&p.lesson.id, p.lang, None));
    match url {
        Some(url) => {
            crate::ui::bidi::label(ui, tr.tr("takehome-text"));
            qr::show(ui, &url, QR_SIZE, &tr.tr("qr-label"));
        }
        None => {
            crate::ui::bidi::label(ui, tr.tr("takehome-no-server"));
        }
    }
}
