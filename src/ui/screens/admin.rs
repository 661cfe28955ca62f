//! Admin mode: what this kiosk is and how it is set up (never the PIN hashes), and the only
//! way to close the kiosk.

use egui::RichText;

use super::act;
use crate::app::{Action, Kiosk, StoreStatus};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::{num, text};

/// The title and the actions: first, so nobody has to scroll to close the kiosk.
pub fn header(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut crate::ui::pictures::Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("admin-title")).heading());
    actions_row(ui, kiosk, pics, tr, actions);
    ui.add_space(8.0);
}

/// What this kiosk is and how it is set up.
pub fn facts(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>) {
    let c = &kiosk.config;
    let langs = |list: &[digidak_core::lang::Lang]| {
        list.iter()
            .map(|l| tr.native_name(*l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let database = match &kiosk.store_status {
        StoreStatus::Opening => tr.tr("admin-database-waiting"),
        StoreStatus::Ready(info) => format!(
            "{} — {}",
            info.path.display(),
            tr.tr_args(
                "admin-database-ok",
                &[("version", num(info.schema_version))]
            )
        ),
        StoreStatus::Unavailable(e) => e.to_string(),
    };
    let modules = c
        .modules
        .enabled
        .iter()
        // Every module has `module-<id>` in the translations.
        .map(|m| tr.tr(&format!("module-{}", m.id())))
        .collect::<Vec<_>>()
        .join(", ");
    let volunteer_pin = if c.pins.volunteer.is_some() {
        tr.tr("admin-pin-set")
    } else {
        tr.tr("admin-pin-unset")
    };
    let rows = [
        (tr.tr("admin-kiosk"), c.kiosk.name.clone()),
        (tr.tr("admin-site"), c.kiosk.site.clone()),
        (
            tr.tr("admin-version"),
            env!("CARGO_PKG_VERSION").to_string(),
        ),
        (tr.tr("admin-config"), kiosk.config_origin.clone()),
        (
            tr.tr("admin-data-folder"),
            kiosk.data_dir.display().to_string(),
        ),
        (tr.tr("admin-database"), database),
        (tr.tr("admin-languages"), langs(&c.languages.offered)),
        (
            tr.tr("admin-default-language"),
            tr.native_name(c.languages.default),
        ),
        (tr.tr("admin-modules"), modules),
        (
            tr.tr("admin-idle"),
            tr.tr_args(
                "admin-idle-value",
                &[
                    ("warn", num(c.idle.warn_after_secs)),
                    ("wipe", num(c.idle.wipe_after_secs)),
                ],
            ),
        ),
        (
            tr.tr("admin-lesson-idle"),
            tr.tr_args(
                "admin-idle-value",
                &[
                    ("warn", num(c.idle.lesson_warn_after_secs)),
                    ("wipe", num(c.idle.lesson_wipe_after_secs)),
                ],
            ),
        ),
        (
            tr.tr("admin-server"),
            c.server
                .url
                .clone()
                .unwrap_or_else(|| tr.tr("admin-server-none")),
        ),
        (
            tr.tr("admin-pins"),
            tr.tr_args("admin-pins-value", &[("volunteer", text(&volunteer_pin))]),
        ),
        (tr.tr("admin-lessons"), lessons_fact(kiosk, tr)),
    ];
    // The modules' facts (the lessons' counts this month) come last.
    let facts: Vec<_> = kiosk
        .modules
        .iter()
        .flat_map(|m| m.staff_facts(tr))
        .collect();
    egui::Grid::new("admin-facts")
        .num_columns(2)
        .spacing(egui::vec2(24.0, 8.0))
        .show(ui, |ui| {
            for (k, v) in rows.into_iter().chain(facts) {
                crate::ui::bidi::label(ui, RichText::new(k).strong());
                ui.add(egui::Label::new(v).wrap());
                ui.end_row();
            }
        });
}

fn lessons_fact(kiosk: &Kiosk, tr: Tr<'_>) -> String {
    match &kiosk.content.library {
        None => tr.tr("lessons-loading"),
        Some(lib) => {
            let mut s = tr.tr_args(
                "admin-lessons-loaded",
                &[
                    ("count", num(lib.lessons.len() as f64)),
                    ("origin", text(&lib.origin)),
                ],
            );
            if !lib.problems.is_empty() {
                s.push('\n');
                s.push_str(&tr.tr_args(
                    "admin-lessons-problems",
                    &[("count", num(lib.problems.len() as f64))],
                ));
                for p in &lib.problems {
                    s.push_str("\n• ");
                    s.push_str(&p.to_string());
                }
            }
            s
        }
    }
}

fn actions_row(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut crate::ui::pictures::Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    if kiosk.exit_confirm {
        widgets::message(ui, &tr.tr("admin-exit-confirm"), theme::NOTICE, theme::TEXT);
        crate::ui::widgets::row_wrapped(ui, |ui| {
            act(
                ui,
                Some(Picto::Exit),
                &tr.tr("admin-exit-yes"),
                Kind::Primary,
                Action::ConfirmExit,
                actions,
            );
            act(
                ui,
                None,
                &tr.tr("admin-exit-no"),
                Kind::Secondary,
                Action::CancelExit,
                actions,
            );
        });
    } else {
        crate::ui::widgets::row_wrapped(ui, |ui| {
            act(
                ui,
                Some(Picto::Back),
                &tr.tr("staff-leave"),
                Kind::Secondary,
                Action::Home,
                actions,
            );
            let place = crate::modules::StaffPlace::AdminRow;
            super::staff_parts(ui, kiosk, pics, place, tr, actions);
            act(
                ui,
                Some(Picto::Exit),
                &tr.tr("admin-exit"),
                Kind::Secondary,
                Action::AskExit,
                actions,
            );
        });
        let place = crate::modules::StaffPlace::AdminBelow;
        super::staff_parts(ui, kiosk, pics, place, tr, actions);
    }
}
