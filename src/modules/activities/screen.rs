//! Activities for residents: the coming activities (the next one first) with the date in
//! words and the places left; "I'll come" with a first name, an optional phone number and how
//! many people; the confirmation with its code; a code's status and cancelling it. Names and
//! phone numbers of other people never appear here.

use crate::ui::keyboard::{self as osk, FieldKind};
use egui::RichText;

pub(super) mod admin;
pub(super) mod checkin;

use super::{Activities, ActivityAction, CodeLookup, action};
use crate::app::{Action, Screen};
use crate::app::{ActivityView, SignupState, SignupView};
use crate::modules::{StaffPlace, View};
use crate::ui::picto::Picto;
use crate::ui::pictures;
use crate::ui::screens::act;
use crate::ui::screens::pinpad::{Keys, keyboard, keypad};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use crate::ui::{Tr, qr};
use digidak_core::activities::{SignupProblem, display_code, when_in_words};
use digidak_core::i18n::num;

/// The activities' buttons on the staff screens: check-in for volunteers, the activity form
/// for the admin.
pub(super) fn staff(place: StaffPlace, ui: &mut egui::Ui, view: &mut View<'_>) {
    let tr = view.tr;
    let (key, page) = match place {
        StaffPlace::Volunteer => ("volunteer-checkin", super::CHECK_IN),
        StaffPlace::AdminRow => ("activity-admin-open", super::ADMIN),
        StaffPlace::AdminBelow => return,
    };
    act(
        ui,
        Some(Picto::Calendar),
        &tr.tr(key),
        Kind::Secondary,
        Action::Go(Screen::Module(page)),
        view.actions,
    );
}

pub(super) fn list(ui: &mut egui::Ui, a: &Activities, view: &mut View<'_>) {
    let tr = view.tr;
    crate::ui::widgets::row_wrapped(ui, |ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("activities-title")).heading());
        ui.add_space(24.0);
        act(
            ui,
            Some(Picto::Code),
            &tr.tr("activities-have-code"),
            Kind::Secondary,
            Action::Go(Screen::Module(super::SIGNUP_CODE)),
            view.actions,
        );
    });
    let list = &a.list;
    if list.is_empty() {
        crate::ui::bidi::label(ui, tr.tr("activities-none"));
        return;
    }
    for (i, a) in list.iter().enumerate() {
        card(ui, a, i == 0, view);
        ui.add_space(8.0);
    }
}

fn places_text(a: &ActivityView, online: bool, tr: Tr<'_>) -> String {
    let count = |n: u32| [("count", num(n as f64))];
    match (online, a.places_left, a.mine) {
        (true, 0, _) => tr.tr("activities-full"),
        (true, n, _) => tr.tr_args("activities-places-left", &count(n)),
        // Offline: this kiosk's own block confirms (not yet final); beyond it, a guess.
        (false, _, mine) if mine > 0 => tr.tr_args("activities-places-mine", &count(mine)),
        (false, 0, _) => tr.tr("activities-full-offline"),
        (false, n, _) => tr.tr_args("activities-places-offline", &count(n)),
    }
}

/// One activity. Only when this kiosk reaches the server now are "places left" what a
/// sign-up gets; otherwise the card says so (`activities-places-offline`, ...).
fn card(ui: &mut egui::Ui, a: &ActivityView, first: bool, view: &mut View<'_>) {
    let tr = view.tr;
    let r = &a.record;
    egui::Frame::new()
        .fill(if first { theme::TILE } else { theme::BAR })
        .stroke(egui::Stroke::new(2.0, theme::PRIMARY))
        .corner_radius(16)
        .inner_margin(16)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            crate::ui::widgets::row(ui, |ui| {
                pictures::show(ui, view.pics, view.drawn, &r.picture, 96.0);
                crate::ui::widgets::column(ui, |ui| {
                    if first {
                        crate::ui::bidi::label(
                            ui,
                            RichText::new(tr.tr("activities-next")).color(theme::PRIMARY),
                        );
                    }
                    crate::ui::bidi::label(ui, RichText::new(&r.title).heading());
                    crate::ui::bidi::label(
                        ui,
                        RichText::new(when_in_words(&r.start, &r.end, view.lang)).strong(),
                    );
                    crate::ui::bidi::label(ui, &r.place);
                    if !r.description.is_empty() {
                        crate::ui::bidi::label(
                            ui,
                            RichText::new(&r.description).color(theme::MUTED),
                        );
                    }
                    if !r.languages.is_empty() {
                        crate::ui::bidi::label(ui, spoken(&r.languages, tr));
                    }
                    crate::ui::widgets::row_wrapped(ui, |ui| {
                        crate::ui::bidi::label(
                            ui,
                            RichText::new(places_text(a, view.online, tr)).strong(),
                        );
                        act(
                            ui,
                            Some(Picto::Done),
                            &tr.tr("activities-i-come"),
                            Kind::Go,
                            action(ActivityAction::Choose(r.id.clone())),
                            view.actions,
                        );
                    });
                });
            });
        });
}

/// "We spreken: Nederlands, Arabisch" in the kiosk's language (unknown codes as written).
fn spoken(codes: &[String], tr: Tr<'_>) -> String {
    crate::ui::screens::spoken_as("activities-spoken", codes, tr)
}

/// The sign-up form, with the resident's first name and phone.
pub(super) fn form(ui: &mut egui::Ui, state: &mut Activities, view: &mut View<'_>) {
    let tr = view.tr;
    let actions = &mut *view.actions;
    let Activities {
        drafts,
        problem,
        party,
        list,
        chosen,
        ..
    } = state;
    let (name, phone) = (&mut drafts.signup_name, &mut drafts.signup_phone);
    let (problem, party) = (*problem, *party);
    let chosen = chosen
        .as_ref()
        .and_then(|id| list.iter().find(|a| &a.record.id == id));
    let Some(a) = chosen else {
        crate::ui::bidi::label(ui, tr.tr("activities-none"));
        return;
    };
    let r = &a.record;
    crate::ui::bidi::label(ui, RichText::new(&r.title).heading());
    crate::ui::bidi::label(
        ui,
        RichText::new(when_in_words(&r.start, &r.end, view.lang)).strong(),
    );
    let field = |ui: &mut egui::Ui, label: &str, text: &mut String, kind, limit: usize| {
        let l = crate::ui::bidi::label(ui, label);
        let width = ui.available_width().min(420.0);
        osk::field(ui, label, text, kind, limit, |text| {
            egui::TextEdit::singleline(text)
                .char_limit(limit)
                .desired_width(width)
                .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                .margin(egui::Margin::symmetric(16, 12))
                .font(egui::TextStyle::Body)
        })
        .labelled_by(l.id);
    };
    field(
        ui,
        &tr.tr("signup-name"),
        name,
        FieldKind::Text,
        digidak_core::text::MAX_NAME_CHARS,
    );
    // A problem with the name is said under its field, and goes once a name is typed.
    let name_problem = matches!(
        problem,
        Some(SignupProblem::NoName | SignupProblem::NameTooLong)
    );
    let still = match problem {
        Some(SignupProblem::NoName) => digidak_core::text::clean_line(name, usize::MAX)
            .trim()
            .is_empty(),
        _ => true,
    };
    if name_problem && still {
        let problem = problem.map(|p| p.key()).unwrap_or_default();
        widgets::message(ui, &tr.tr(problem), theme::ERROR_BG, theme::ERROR_TEXT);
    }
    field(
        ui,
        &tr.tr("signup-phone"),
        phone,
        FieldKind::Phone,
        digidak_core::activities::MAX_PHONE + 6,
    );
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("signup-phone-why")).color(theme::MUTED),
    );
    if r.max_party > 1 {
        crate::ui::widgets::row_wrapped(ui, |ui| {
            crate::ui::bidi::label(ui, tr.tr("signup-party"));
            act(
                ui,
                Some(Picto::Minus),
                &tr.tr("signup-party-less"),
                Kind::Secondary,
                action(ActivityAction::PartyLess),
                actions,
            );
            crate::ui::bidi::label(ui, RichText::new(party.to_string()).heading().strong());
            act(
                ui,
                Some(Picto::Plus),
                &tr.tr("signup-party-more"),
                Kind::Secondary,
                action(ActivityAction::PartyMore),
                actions,
            );
        });
    }
    if party > a.places_left {
        widgets::message(
            ui,
            &tr.tr_args("signup-party-over", &[("count", num(a.places_left as f64))]),
            theme::NOTICE,
            theme::TEXT,
        );
    }
    if let Some(problem) = problem.filter(|_| !name_problem) {
        widgets::message(ui, &tr.tr(problem.key()), theme::NOTICE, theme::TEXT);
    }
}

/// What a sign-up's state means for the person holding the code.
fn state_text(s: &SignupView, tr: Tr<'_>) -> (String, egui::Color32) {
    match s.state {
        SignupState::Confirmed if s.decided => (tr.tr("signup-confirmed"), theme::GO_BG),
        // From this kiosk's block, the server has not answered yet.
        SignupState::Confirmed => (tr.tr("signup-confirmed-provisional"), theme::GO_BG),
        SignupState::Pending => (tr.tr("signup-pending"), theme::NOTICE),
        SignupState::Waitlisted(Some(n)) => (
            tr.tr_args("signup-waitlisted-at", &[("position", num(n as f64))]),
            theme::NOTICE,
        ),
        SignupState::Waitlisted(None) => (tr.tr("signup-waitlisted"), theme::NOTICE),
        SignupState::Cancelled => (tr.tr("signup-cancelled"), theme::SECONDARY),
    }
}

fn summary(ui: &mut egui::Ui, lang: digidak_core::lang::Lang, s: &SignupView, tr: Tr<'_>) {
    if let Some(a) = &s.activity {
        crate::ui::bidi::label(ui, RichText::new(&a.title).heading());
        crate::ui::bidi::label(
            ui,
            RichText::new(when_in_words(&a.start, &a.end, lang)).strong(),
        );
        crate::ui::bidi::label(ui, &a.place);
    }
    crate::ui::bidi::label(
        ui,
        tr.tr_args(
            "signup-for",
            &[
                ("name", s.first_name.clone().into()),
                ("count", num(s.party as f64)),
            ],
        ),
    );
    let (text, bg) = state_text(s, tr);
    widgets::message(ui, &text, bg, theme::TEXT);
}

/// After signing up: the code, big, its QR code, and the date once more.
pub(super) fn done(ui: &mut egui::Ui, a: &Activities, view: &mut View<'_>) {
    let tr = view.tr;
    let Some(s) = &a.receipt else {
        return;
    };
    summary(ui, view.lang, s, tr);
    crate::ui::bidi::label(ui, tr.tr("signup-code-explain"));
    crate::ui::widgets::row_wrapped(ui, |ui| {
        widgets::big_code(ui, &display_code(&s.code));
        if let (Some(base), Some(token)) = (&view.phone_base_url, &s.token) {
            qr::show(
                ui,
                &format!("{base}/signups/{token}?lang={}", view.lang.code()),
                200.0,
                &tr.tr("qr-label"),
            );
        }
    });
}

fn code_keys() -> Keys {
    Keys {
        digit: |d| action(ActivityAction::CodeDigit(d)),
        erase: action(ActivityAction::CodeErase),
        submit: action(ActivityAction::CodeSubmit),
        submit_label: "signup-code-ok",
    }
}

/// Typing a code; then its sign-up(s), with "cancel".
pub(super) fn code(ui: &mut egui::Ui, a: &Activities, view: &mut View<'_>) {
    let tr = view.tr;
    let actions = &mut *view.actions;
    if a.lookup == CodeLookup::Found {
        for s in &a.found {
            summary(ui, view.lang, s, tr);
        }
        if a.found.iter().any(|s| s.state != SignupState::Cancelled)
            && widgets::confirm(
                ui,
                Picto::Minus,
                &tr.tr("signup-cancel"),
                &tr.tr("page-signup-cancel-sure"),
                &tr.tr("page-signup-cancel-yes"),
                &tr.tr("page-signup-cancel-no"),
            )
        {
            actions.push(action(ActivityAction::Cancel));
        }
        return;
    }
    let keys = code_keys();
    keyboard(ui, &keys, actions);
    ui.vertical_centered(|ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("signup-code-title")).heading());
        let typed = &a.drafts.signup_code;
        let shown = if typed.is_empty() {
            "_ _ _ _   _ _ _ _".to_string()
        } else {
            display_code(typed)
        };
        widgets::typed_code(ui, &shown, typed);
        let status = match a.lookup {
            CodeLookup::Invalid => Some(tr.tr("signup-code-invalid")),
            CodeLookup::NotFound => Some(tr.tr("signup-code-unknown")),
            _ => None,
        };
        if let Some(text) = status {
            widgets::message(ui, &text, theme::NOTICE, theme::TEXT);
        }
        let room = ui.available_height() - ui.spacing().item_spacing.y;
        keypad(ui, room, tr, &keys, actions);
    });
}
