//! Volunteer mode's board work: new and reported posts, each to approve, correct and approve,
//! or reject with a reason the poster reads. Also the admin's paper board.

use egui::RichText;

use super::super::{BoardAction, action};
use super::Cx;
use crate::app::Action;
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::screens::act;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::board::pdf::PaperLabels;
use digidak_core::board::{Category, PostKind, PostStatus};
use digidak_core::i18n::num;

/// The texts a volunteer types while deciding, lent for this frame.
pub struct Decision<'a> {
    pub title: &'a mut String,
    pub text: &'a mut String,
    pub reason: &'a mut String,
}

pub fn show(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    d: Decision<'_>,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let b = &cx.board;
    crate::ui::bidi::label(ui, RichText::new(tr.tr("moderate-title")).heading());
    if b.queue.is_empty() {
        crate::ui::bidi::label(ui, tr.tr("moderate-none"));
        return;
    }
    crate::ui::bidi::label(
        ui,
        tr.tr_args("moderate-count", &[("count", num(b.queue.len() as f64))]),
    );
    for p in &b.queue {
        let id = &p.post.id;
        widgets::card(ui, |ui| {
            let kind = PostKind::from_id(&p.post.kind).map(|k| tr.tr(k.label_key()));
            let cat = Category::from_id(&p.post.category).map(|c| tr.tr(&c.label_key()));
            crate::ui::bidi::label(
                ui,
                RichText::new(format!(
                    "{} · {}",
                    kind.unwrap_or_default(),
                    cat.unwrap_or_default()
                ))
                .color(theme::PRIMARY),
            );
            if p.status == PostStatus::Reported.id() {
                let n = num(f64::from(p.reports));
                let text = tr.tr_args("moderate-reported", &[("count", n)]);
                widgets::message(ui, &text, theme::NOTICE, theme::TEXT);
            }
            if b.editing.as_ref() == Some(id) {
                edit(ui, cx, d.title, d.text, tr, actions);
                return;
            }
            crate::ui::bidi::label(ui, RichText::new(&p.post.title).heading());
            if !p.post.text.is_empty() {
                crate::ui::bidi::label(ui, &p.post.text);
            }
            if b.rejecting.as_ref() == Some(id) {
                reject(ui, cx, d.reason, tr, actions);
                return;
            }
            crate::ui::widgets::row_wrapped(ui, |ui| {
                let approve = action(BoardAction::Approve(id.clone()));
                act(
                    ui,
                    Some(Picto::Done),
                    &tr.tr("moderate-approve"),
                    Kind::Go,
                    approve,
                    actions,
                );
                let edit = action(BoardAction::Edit(id.clone()));
                act(
                    ui,
                    None,
                    &tr.tr("moderate-edit"),
                    Kind::Secondary,
                    edit,
                    actions,
                );
                let reject = action(BoardAction::Reject(id.clone()));
                act(
                    ui,
                    Some(Picto::Exit),
                    &tr.tr("moderate-reject"),
                    Kind::Secondary,
                    reject,
                    actions,
                );
            });
        });
        ui.add_space(8.0);
    }
}

fn field(ui: &mut egui::Ui, value: &mut String, label: &str, lines: bool, limit: usize) {
    widgets::text_field(ui, label, value, limit, lines);
}

fn edit(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    title: &mut String,
    text: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    field(
        ui,
        title,
        &tr.tr("moderate-edit-title"),
        false,
        digidak_core::board::TITLE_MAX,
    );
    field(
        ui,
        text,
        &tr.tr("moderate-edit-text"),
        true,
        digidak_core::board::TEXT_MAX,
    );
    super::problem(ui, cx, tr);
    let save = (
        Picto::Done,
        "moderate-save-approve",
        Kind::Go,
        BoardAction::SaveEdit,
    );
    confirm_or_cancel(ui, save, tr, actions);
}

fn reject(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    reason: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("moderate-reason-why")).color(theme::MUTED),
    );
    crate::ui::widgets::row_wrapped(ui, |ui| {
        for key in [
            "moderate-reason-contact",
            "moderate-reason-money",
            "moderate-reason-rude",
        ] {
            if widgets::button(ui, None, &tr.tr(key), Kind::Secondary).clicked() {
                *reason = tr.tr(key);
            }
        }
    });
    field(
        ui,
        reason,
        &tr.tr("moderate-reason"),
        false,
        digidak_core::board::REASON_MAX,
    );
    super::problem(ui, cx, tr);
    let confirm = (
        Picto::Exit,
        "moderate-reject-confirm",
        Kind::Primary,
        BoardAction::ConfirmReject,
    );
    confirm_or_cancel(ui, confirm, tr, actions);
}

/// A decision's button (picture, label key, kind, action) beside "Cancel".
fn confirm_or_cancel(
    ui: &mut egui::Ui,
    (picto, key, kind, what): (Picto, &str, Kind, BoardAction),
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::widgets::row_wrapped(ui, |ui| {
        act(ui, Some(picto), &tr.tr(key), kind, action(what), actions);
        let cancel = action(BoardAction::CancelDecision);
        act(
            ui,
            Some(Picto::Back),
            &tr.tr("moderate-cancel"),
            Kind::Secondary,
            cancel,
            actions,
        );
    });
}

/// The paper board's words in the kiosk's language.
pub fn paper_labels(tr: Tr<'_>) -> PaperLabels {
    PaperLabels {
        heading: tr.tr("paper-heading"),
        howto: tr.tr("paper-howto"),
        empty: tr.tr("paper-empty"),
        ask: tr.tr(PostKind::Ask.label_key()),
        offer: tr.tr(PostKind::Offer.label_key()),
        categories: Category::ALL
            .iter()
            .map(|c| tr.tr(&c.label_key()))
            .collect(),
        languages: tr.tr("paper-languages"),
    }
}

/// Admin mode: "print the board", all of it or only this week's new posts.
pub fn print_buttons(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>, actions: &mut Vec<Action>) {
    for (label, heading, new_only) in [
        ("admin-print-board", "paper-week", false),
        ("admin-print-board-new", "paper-week-new", true),
    ] {
        let subheading = tr.tr_args(
            heading,
            &[
                ("site", cx.site.to_string().into()),
                (
                    "date",
                    digidak_core::activities::day_in_words(cx.now_ms, cx.lang).into(),
                ),
            ],
        );
        let mut labels = paper_labels(tr);
        if new_only {
            labels.empty = tr.tr("paper-empty-new");
        }
        let action = action(BoardAction::Print {
            labels: Box::new(labels),
            subheading,
            new_only,
        });
        act(
            ui,
            Some(Picto::Board),
            &tr.tr(label),
            Kind::Secondary,
            action,
            actions,
        );
    }
}

/// Admin mode: where the paper board went, or why not.
pub fn printed(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>) {
    match &cx.board.printed {
        Some(Ok(path)) => {
            let text = tr.tr_args(
                "admin-printed",
                &[("path", path.display().to_string().into())],
            );
            widgets::message(ui, &text, theme::GO_BG, theme::TEXT);
        }
        Some(Err(e)) => widgets::message(ui, &e.to_string(), theme::ERROR_BG, theme::ERROR_TEXT),
        None => {}
    }
}
