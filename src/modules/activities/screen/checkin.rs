//! Volunteer mode at the door: pick the activity, see who signed up (names and numbers of
//! people: volunteers only), tap a name or type a code to check someone in, add a walk-in.
//! Works offline; every check-in is an operation the server counts once.

use crate::ui::keyboard::{self, FieldKind};
use egui::RichText;

use super::super::{Activities, ActivityAction, action};
use crate::app::SignupState;
use crate::modules::View;
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::activities::when_in_words;
use digidak_core::i18n::{num, text};

pub fn show(ui: &mut egui::Ui, state: &mut Activities, view: &mut View<'_>) {
    let tr = view.tr;
    let actions = &mut *view.actions;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("checkin-title")).heading());
    let Activities {
        drafts,
        list,
        people_of,
        people,
        checked_by_code,
        walk_in_party,
        walk_in_problem,
        ..
    } = state;
    let code = &mut drafts.checkin_code;
    let walk_in = &mut drafts.walk_in_name;
    // Choose the activity (the next one first).
    crate::ui::widgets::row_wrapped(ui, |ui| {
        for v in list.iter() {
            let kind = if people_of.as_deref() == Some(v.record.id.as_str()) {
                Kind::Selected
            } else {
                Kind::Secondary
            };
            let label = format!(
                "{} — {}",
                v.record.title,
                when_in_words(&v.record.start, &v.record.end, view.lang)
            );
            act(
                ui,
                None,
                &label,
                kind,
                action(ActivityAction::People(v.record.id.clone())),
                actions,
            );
        }
    });
    if list.is_empty() {
        crate::ui::bidi::label(ui, tr.tr("activities-none"));
    }
    if people_of.is_none() {
        return;
    }
    let here: u32 = people
        .iter()
        .filter(|s| s.checked_in_ms.is_some())
        .map(|s| s.party)
        .sum();
    let expected: u32 = people
        .iter()
        .filter(|s| s.state == SignupState::Confirmed)
        .map(|s| s.party)
        .sum();
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr_args(
            "checkin-count",
            &[
                ("here", num(here as f64)),
                ("expected", num(expected as f64)),
            ],
        ))
        .strong(),
    );
    // Check in by code.
    crate::ui::widgets::row(ui, |ui| {
        let l = crate::ui::bidi::label(ui, tr.tr("checkin-code"));
        keyboard::field(ui, "checkin-code", code, FieldKind::Phone, 12, |code| {
            egui::TextEdit::singleline(code)
                .char_limit(12)
                .desired_width(200.0)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(12, 10))
        })
        .labelled_by(l.id);
        act(
            ui,
            Some(Picto::Done),
            &tr.tr("checkin-code-ok"),
            Kind::Primary,
            action(ActivityAction::CheckInCode),
            actions,
        );
    });
    if let Some(n) = *checked_by_code {
        let key = if n > 0 {
            "checkin-code-done"
        } else {
            "checkin-code-unknown"
        };
        widgets::message(ui, &tr.tr(key), theme::NOTICE, theme::TEXT);
    }
    // The people, in arrival order.
    for s in people.iter() {
        crate::ui::widgets::row(ui, |ui| {
            let state = match s.state {
                SignupState::Confirmed => tr.tr("checkin-state-confirmed"),
                SignupState::Pending => tr.tr("checkin-state-pending"),
                SignupState::Waitlisted(_) => tr.tr("checkin-state-waitlisted"),
                SignupState::Cancelled => tr.tr("checkin-state-cancelled"),
            };
            let name = if s.first_name.is_empty() {
                tr.tr("volunteer-help-noname")
            } else {
                s.first_name.clone()
            };
            crate::ui::bidi::label(ui, RichText::new(name).strong());
            crate::ui::bidi::label(
                ui,
                tr.tr_args(
                    "checkin-row",
                    &[("count", num(s.party as f64)), ("state", text(&state))],
                ),
            );
            if let Some(p) = &s.phone {
                crate::ui::bidi::label(ui, RichText::new(p).color(theme::MUTED));
            }
            if s.checked_in_ms.is_some() {
                crate::ui::bidi::label(ui, RichText::new(tr.tr("checkin-here")).color(theme::GO));
            } else if s.state != SignupState::Cancelled {
                let label = tr.tr_args("checkin-button", &[("name", text(&s.first_name))]);
                act(
                    ui,
                    Some(Picto::Done),
                    &label,
                    Kind::Go,
                    action(ActivityAction::CheckIn(s.id.clone())),
                    actions,
                );
            }
        });
    }
    // A walk-in at the door.
    ui.add_space(16.0);
    crate::ui::bidi::label(ui, RichText::new(tr.tr("checkin-walk-in")).strong());
    crate::ui::widgets::row_wrapped(ui, |ui| {
        let l = crate::ui::bidi::label(ui, tr.tr("signup-name"));
        let limit = digidak_core::text::MAX_NAME_CHARS;
        keyboard::field(ui, "walk-in", walk_in, FieldKind::Text, limit, |walk_in| {
            egui::TextEdit::singleline(walk_in)
                .char_limit(limit)
                .desired_width(260.0)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(12, 10))
        })
        .labelled_by(l.id);
        act(
            ui,
            Some(Picto::Minus),
            &tr.tr("signup-party-less"),
            Kind::Secondary,
            action(ActivityAction::WalkInLess),
            actions,
        );
        crate::ui::bidi::label(ui, RichText::new(walk_in_party.to_string()).heading());
        act(
            ui,
            Some(Picto::Plus),
            &tr.tr("signup-party-more"),
            Kind::Secondary,
            action(ActivityAction::WalkInMore),
            actions,
        );
        act(
            ui,
            Some(Picto::Done),
            &tr.tr("checkin-walk-in-add"),
            Kind::Go,
            action(ActivityAction::AddWalkIn),
            actions,
        );
    });
    if let Some(p) = *walk_in_problem {
        widgets::message(ui, &tr.tr(p.key()), theme::NOTICE, theme::TEXT);
    }
}
