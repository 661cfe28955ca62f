//! Volunteer mode: pause the idle wipe while guiding, and see who asked for help.

use egui::RichText;

use super::act;
use crate::app::{Action, Kiosk};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets::Kind;
use digidak_core::i18n::{num, text};

pub fn show(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut crate::ui::pictures::Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("volunteer-title")).heading());
    let paused = kiosk.wipe_paused();
    let (picto, label) = if paused {
        (Picto::Play, tr.tr("volunteer-resume"))
    } else {
        (Picto::Pause, tr.tr("volunteer-pause"))
    };
    act(
        ui,
        Some(picto),
        &label,
        Kind::Primary,
        Action::SetWipePaused(!paused),
        actions,
    );
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("volunteer-pause-explain")).color(theme::MUTED),
    );
    let place = crate::modules::StaffPlace::Volunteer;
    super::staff_parts(ui, kiosk, pics, place, tr, actions);
    ui.add_space(24.0);
    crate::ui::bidi::label(ui, RichText::new(tr.tr("volunteer-help-title")).heading());
    if kiosk.help_requests.is_empty() {
        crate::ui::bidi::label(ui, tr.tr("volunteer-help-none"));
    }
    let now_ms = kiosk.unix_ms();
    for request in &kiosk.help_requests {
        let minutes = ((now_ms - request.created_at_ms).max(0) / 60_000) as f64;
        let name = request
            .first_name
            .clone()
            .unwrap_or_else(|| tr.tr("volunteer-help-noname"));
        crate::ui::widgets::row(ui, |ui| {
            let mut line = tr.tr_args(
                "volunteer-help-item",
                &[("name", text(&name)), ("minutes", num(minutes))],
            );
            // Requests from other kiosks of the site say where the resident is.
            if let Some(kiosk_name) = &request.kiosk_name {
                line.push_str(" — ");
                line.push_str(&tr.tr_args("volunteer-help-at", &[("kiosk", text(kiosk_name))]));
            }
            crate::ui::bidi::label(ui, line);
            act(
                ui,
                Some(Picto::Done),
                &tr.tr("volunteer-help-done"),
                Kind::Go,
                Action::MarkHelpHandled(request.id.clone()),
                actions,
            );
        });
    }
    ui.add_space(24.0);
    act(
        ui,
        Some(Picto::Back),
        &tr.tr("staff-leave"),
        Kind::Secondary,
        Action::Home,
        actions,
    );
}
