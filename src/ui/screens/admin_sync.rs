//! Admin mode, server part: sync state, pending and rejected operations, the alarm when the
//! server is behind, and pairing with a one-time code.

use crate::ui::keyboard::{self, FieldKind};
use egui::RichText;

use super::act;
use crate::app::{Action, Kiosk};
use crate::app::{PairError, SyncState, SyncStatus};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::{num, text};

pub fn show(
    ui: &mut egui::Ui,
    kiosk: &Kiosk,
    url: &mut String,
    code: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("admin-sync-title")).heading());
    let Some(status) = kiosk.sync_status() else {
        crate::ui::bidi::label(ui, tr.tr("admin-database-waiting"));
        return;
    };
    let state = match status.state {
        SyncState::NotPaired => tr.tr("admin-sync-not-paired"),
        SyncState::Online => tr.tr("admin-sync-online"),
        SyncState::Offline => tr.tr("admin-sync-offline"),
        SyncState::Revoked => tr.tr("admin-sync-revoked"),
        SyncState::ServerBehind => tr.tr("admin-sync-behind"),
    };
    match status.state {
        SyncState::Revoked | SyncState::ServerBehind => {
            widgets::message(ui, &state, theme::ERROR_BG, theme::ERROR_TEXT);
        }
        _ => {
            crate::ui::bidi::label(ui, RichText::new(state).strong());
        }
    }
    // The server recommends a newer release of the kiosk: the admin can plan the update.
    if let Some(recommended) = status
        .recommended_version
        .as_deref()
        .filter(|r| digidak_core::version::is_older(env!("CARGO_PKG_VERSION"), r))
    {
        widgets::message(
            ui,
            &tr.tr_args(
                "admin-sync-update",
                &[
                    ("recommended", text(recommended)),
                    ("version", text(env!("CARGO_PKG_VERSION"))),
                ],
            ),
            theme::NOTICE,
            theme::TEXT,
        );
    }
    if let Some(p) = &status.pairing {
        crate::ui::bidi::label(
            ui,
            tr.tr_args(
                "admin-sync-paired-as",
                &[
                    ("name", text(&p.name)),
                    ("site", text(&p.site)),
                    ("url", text(&p.server_url)),
                ],
            ),
        );
    }
    let needs_pairing = status.pairing.is_none()
        || matches!(status.state, SyncState::Revoked | SyncState::ServerBehind);
    if needs_pairing || kiosk.drafts.pairing_open {
        pairing_form(ui, url, code, tr, actions);
    }
    // Under the button that was tapped; after a success the form is gone and this moves up.
    pair_answer(ui, &status, tr);
    details(ui, kiosk, &status, tr);
    if !needs_pairing && !kiosk.drafts.pairing_open {
        ui.add_space(8.0);
        act(
            ui,
            None,
            &tr.tr("admin-pair-again"),
            Kind::Secondary,
            Action::OpenPairing,
            actions,
        );
    }
}

/// Server address and one-time code, label and field side by side (fits an 800-pixel screen).
fn pairing_form(
    ui: &mut egui::Ui,
    url: &mut String,
    code: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    ui.add_space(2.0);
    egui::Grid::new("pairing-form")
        .num_columns(2)
        .spacing(egui::vec2(16.0, 6.0))
        .show(ui, |ui| {
            let label = crate::ui::bidi::label(ui, tr.tr("admin-pair-url"));
            let width = ui.available_width().clamp(200.0, 420.0);
            keyboard::field(ui, "pair-url", url, FieldKind::Url, 300, |url| {
                egui::TextEdit::singleline(url)
                    .char_limit(300)
                    .desired_width(width)
                    .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                    .margin(egui::Margin::symmetric(12, 12))
            })
            .labelled_by(label.id);
            ui.end_row();
            let label = crate::ui::bidi::label(ui, tr.tr("admin-pair-code"));
            keyboard::field(ui, "pair-code", code, FieldKind::Text, 16, |code| {
                egui::TextEdit::singleline(code)
                    .char_limit(16)
                    .desired_width(200.0)
                    .min_size(egui::vec2(0.0, theme::MIN_TARGET))
                    .margin(egui::Margin::symmetric(12, 12))
            })
            .labelled_by(label.id);
            ui.end_row();
        });
    act(
        ui,
        Some(Picto::Done),
        &tr.tr("admin-pair-button"),
        Kind::Primary,
        Action::Pair,
        actions,
    );
}

/// What became of the last pairing attempt, in words that say what to do.
fn pair_answer(ui: &mut egui::Ui, status: &SyncStatus, tr: Tr<'_>) {
    if status.pairing_busy {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("admin-pair-busy")).strong());
    }
    match &status.pair_result {
        Some(Ok(name)) => widgets::message(
            ui,
            &tr.tr_args("admin-pair-ok", &[("name", text(name))]),
            theme::NOTICE,
            theme::TEXT,
        ),
        Some(Err(e)) => {
            let sentence = match e {
                PairError::WrongCode(_) => tr.tr("admin-pair-wrong-code"),
                PairError::Unreachable(_) => tr.tr("admin-pair-unreachable"),
                PairError::BadAddress(_) => tr.tr("admin-pair-bad-address"),
                PairError::Other(detail) => {
                    tr.tr_args("admin-pair-failed", &[("error", text(detail))])
                }
            };
            widgets::message(ui, &sentence, theme::ERROR_BG, theme::ERROR_TEXT);
        }
        None => {}
    }
}

/// Pending and rejected operations, last success, last error.
fn details(ui: &mut egui::Ui, kiosk: &Kiosk, status: &SyncStatus, tr: Tr<'_>) {
    ui.add_space(12.0);
    crate::ui::bidi::label(
        ui,
        tr.tr_args(
            "admin-sync-pending",
            &[("count", num(status.pending as f64))],
        ),
    );
    match status.last_success_ms {
        Some(ms) => {
            let seconds = ((kiosk.unix_ms() - ms).max(0) / 1000) as f64;
            crate::ui::bidi::label(
                ui,
                tr.tr_args("admin-sync-last-success", &[("seconds", num(seconds))]),
            );
        }
        None if status.pairing.is_some() => {
            crate::ui::bidi::label(ui, tr.tr("admin-sync-never"));
        }
        None => {}
    }
    if let Some(error) = &status.last_error {
        crate::ui::bidi::label(
            ui,
            RichText::new(tr.tr_args("admin-sync-last-error", &[("error", text(error))]))
                .color(theme::MUTED),
        );
    }
    if status.dead > 0 {
        crate::ui::bidi::label(
            ui,
            tr.tr_args("admin-sync-dead", &[("count", num(status.dead as f64))]),
        );
        for d in &status.dead_letters {
            crate::ui::bidi::label(
                ui,
                RichText::new(format!("#{} {}: {}", d.index, d.kind, d.reason)).color(theme::MUTED),
            );
        }
    }
    if !status.kept_changes.is_empty() {
        // A newer server sent kinds this release does not know: kept, never skipped.
        let total: u64 = status.kept_changes.iter().map(|(_, n)| n).sum();
        let kinds: Vec<&str> = status
            .kept_changes
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        widgets::message(
            ui,
            &tr.tr_args(
                "admin-sync-kept-changes",
                &[
                    ("count", num(total as f64)),
                    ("list", text(&kinds.join(", "))),
                ],
            ),
            theme::NOTICE,
            theme::TEXT,
        );
    }
}
