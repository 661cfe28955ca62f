//! Codes around a lesson: "continue later" (a resume code and its QR code), typing a resume
//! code on a number pad, and the lesson's phone page as a QR code ("take it home").

use egui::RichText;

use super::act;
use super::pinpad::{Keys, keyboard, keypad};
use crate::app::{Action, Kiosk, LessonAction, Lookup};
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use crate::ui::{Tr, qr};
use digidak_core::i18n::num;
use digidak_core::lessons::resume::{self, RESUME_DAYS};

/// How big QR codes are drawn.
const QR_SIZE: f32 = 260.0;

/// "Continue later": the code, big, and a QR code of the lesson's phone page at this step.
pub fn saved(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("lesson-saved-title")).heading());
    if kiosk.lessons.save_failed {
        widgets::message(
            ui,
            &tr.tr("lesson-save-failed"),
            theme::ERROR_BG,
            theme::ERROR_TEXT,
        );
    } else if let Some(code) = &kiosk.lessons.saved_code {
        crate::ui::bidi::label(ui, tr.tr("lesson-saved-text"));
        widgets::big_code(ui, &resume::display(code));
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr_args("lesson-saved-expires", &[("days", num(RESUME_DAYS as f64))]))
                .color(theme::MUTED),
        );
        let url = kiosk.lessons.player.as_ref().and_then(|p| {
            kiosk.lesson_url(
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

const RESUME_KEYS: Keys = Keys {
    digit: |d| Action::Lesson(LessonAction::ResumeDigit(d)),
    erase: Action::Lesson(LessonAction::ResumeErase),
    submit: Action::Lesson(LessonAction::ResumeSubmit),
    submit_label: "resume-ok",
};

/// Typing a resume code: the digits in groups as typed, a number pad, and what was found.
pub fn enter(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let looking = kiosk.lessons.lookup == Lookup::Looking;
    if !looking {
        keyboard(ui, &RESUME_KEYS, actions);
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
        let typed = &kiosk.drafts.resume_code;
        let shown = if typed.is_empty() {
            "_ _ _   _ _ _   _ _ _ _".to_string()
        } else {
            resume::display(typed)
        };
        widgets::typed_code(ui, &shown, typed);
        let status = match kiosk.lessons.lookup {
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
            keypad(ui, room, tr, &RESUME_KEYS, actions);
        });
    });
}

/// "Take it home": the lesson's phone page as a QR code.
pub fn take_home(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("takehome-title")).heading());
    let url = kiosk
        .lessons
        .player
        .as_ref()
        .and_then(|p| kiosk.lesson_url(&p.lesson.id, p.lang, None));
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
