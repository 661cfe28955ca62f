//! Admin mode: the site's coming activities with Change / Cancel / CSV, and the form to create
//! one (or a monthly series: "every second Wednesday") or change one. Saved here at once and
//! sent to the server, which tells every kiosk of the site.

use crate::ui::keyboard::{self, FieldKind};
use egui::RichText;

use super::super::{Activities, ActivityAction, action};
use crate::app::Action;
use crate::modules::View;
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::activities::{ActivityForm, when_in_words};
use digidak_core::i18n::{num, text};

pub fn show(ui: &mut egui::Ui, state: &mut Activities, view: &mut View<'_>) {
    let tr = view.tr;
    let lang = view.lang;
    let actions = &mut *view.actions;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("activity-admin-title")).heading());
    let Activities {
        drafts,
        form_problem,
        saved,
        exported,
        form_open,
        list,
        ..
    } = state;
    let form = &mut drafts.activity_form;
    if let Some(n) = *saved {
        widgets::message(
            ui,
            &tr.tr_args("activity-admin-saved", &[("count", num(n as f64))]),
            theme::NOTICE,
            theme::TEXT,
        );
    }
    match exported {
        Some(Ok(path)) => widgets::message(
            ui,
            &tr.tr_args(
                "activity-admin-exported",
                &[("path", text(&path.display().to_string()))],
            ),
            theme::NOTICE,
            theme::TEXT,
        ),
        Some(Err(e)) => widgets::message(ui, &e.to_string(), theme::ERROR_BG, theme::ERROR_TEXT),
        None => {}
    }
    if *form_open {
        edit_form(ui, form_problem, form, tr, actions);
        return;
    }
    act(
        ui,
        Some(Picto::Plus),
        &tr.tr("activity-admin-new"),
        Kind::Primary,
        action(ActivityAction::New),
        actions,
    );
    for v in list.iter() {
        let r = &v.record;
        crate::ui::widgets::row_wrapped(ui, |ui| {
            crate::ui::bidi::label(ui, RichText::new(&r.title).strong());
            crate::ui::bidi::label(ui, when_in_words(&r.start, &r.end, lang));
            let button =
                |ui: &mut egui::Ui, key: &str, what: ActivityAction, actions: &mut Vec<Action>| {
                    let label = tr.tr_args(
                        key,
                        &[("title", text(&r.title)), ("date", text(&r.start[..10]))],
                    );
                    act(ui, None, &label, Kind::Secondary, action(what), actions);
                };
            button(
                ui,
                "activity-admin-edit",
                ActivityAction::Edit(r.id.clone()),
                actions,
            );
            button(
                ui,
                "activity-admin-export",
                ActivityAction::Export(r.id.clone()),
                actions,
            );
            button(
                ui,
                "activity-admin-delete",
                ActivityAction::Delete(r.id.clone()),
                actions,
            );
        });
    }
}

fn edit_form(
    ui: &mut egui::Ui,
    form_problem: &Option<(&'static str, String)>,
    f: &mut ActivityForm,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let editing = f.id.is_some();
    egui::Grid::new("activity-form")
        .num_columns(2)
        .spacing(egui::vec2(16.0, 8.0))
        .show(ui, |ui| {
            let row = |ui: &mut egui::Ui, key: &str, value: &mut String, width: f32| {
                let l = crate::ui::bidi::label(ui, tr.tr(key));
                keyboard::field(ui, key, value, FieldKind::Text, 600, |value| {
                    egui::TextEdit::singleline(value)
                        .char_limit(600)
                        .desired_width(width)
                        .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                        .margin(egui::Margin::symmetric(10, 8))
                })
                .labelled_by(l.id);
                ui.end_row();
            };
            row(ui, "activity-form-title", &mut f.title, 520.0);
            row(ui, "activity-form-description", &mut f.description, 520.0);
            row(ui, "activity-form-place", &mut f.place, 520.0);
            row(ui, "activity-form-date", &mut f.date, 200.0);
            row(ui, "activity-form-start", &mut f.start, 120.0);
            row(ui, "activity-form-end", &mut f.end, 120.0);
            row(ui, "activity-form-capacity", &mut f.capacity, 120.0);
            row(ui, "activity-form-max-party", &mut f.max_party, 120.0);
            row(ui, "activity-form-block", &mut f.block, 120.0);
            row(ui, "activity-form-close-hours", &mut f.close_hours, 120.0);
            row(ui, "activity-form-languages", &mut f.languages, 200.0);
            if !editing {
                row(ui, "activity-form-months", &mut f.months, 120.0);
            }
        });
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("activity-form-help")).color(theme::MUTED),
    );
    if let Some((field, expected)) = form_problem {
        // The field by the label the admin sees.
        let label = digidak_core::activities::form_label_key(field)
            .map(|k| tr.tr(k))
            .unwrap_or_else(|| field.to_string());
        widgets::message(
            ui,
            &tr.tr_args(
                "activity-form-problem",
                &[("field", text(&label)), ("expected", text(expected))],
            ),
            theme::ERROR_BG,
            theme::ERROR_TEXT,
        );
    }
    crate::ui::widgets::row(ui, |ui| {
        act(
            ui,
            Some(Picto::Done),
            &tr.tr("activity-form-save"),
            Kind::Go,
            action(ActivityAction::Save),
            actions,
        );
        act(
            ui,
            Some(Picto::Back),
            &tr.tr("activity-form-close"),
            Kind::Secondary,
            action(ActivityAction::CloseForm),
            actions,
        );
    });
}
