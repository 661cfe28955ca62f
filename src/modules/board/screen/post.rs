//! Posting on the board in four screens (ask or offer → category → words → the code), and the
//! poster's own view: typing the post code, then its status, "still needed?", the replies, and
//! ending it. Replies (with how to reach the replier) appear only here, behind the code.

use egui::RichText;

use super::super::{BoardAction, BoardState, CodeLookup, action};
use super::{Cx, picture_button};
use crate::app::Action;
use crate::ui::picto::Picto;
use crate::ui::pictures::Pictures;
use crate::ui::screens::act;
use crate::ui::screens::pinpad::{Keys, keyboard, keypad};
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use crate::ui::{Tr, qr};
use digidak_core::activities::day_in_words;
use digidak_core::board::{Category, PostKind, PostStatus, display_code};

/// Languages a poster can tick, besides the kiosk's own.
const SPOKEN: [&str; 12] = [
    "nl", "fr", "en", "ar", "tr", "es", "pl", "ro", "ru", "uk", "so", "fa",
];

fn step(ui: &mut egui::Ui, n: u32, title: &str, tr: Tr<'_>) {
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr_args(
            "board-step",
            &[("n", digidak_core::i18n::num(f64::from(n)))],
        ))
        .color(theme::MUTED),
    );
    crate::ui::bidi::label(ui, RichText::new(title).heading());
}

/// Step 1: ask or offer.
pub fn kind(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    step(ui, 1, &tr.tr("board-new-kind"), tr);
    ui.add_space(16.0);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = egui::vec2(24.0, 24.0);
        for (k, picture, key) in [
            (PostKind::Ask, "question", "board-i-ask"),
            (PostKind::Offer, "volunteer", "board-i-offer"),
        ] {
            let selected = cx.board.kind == Some(k);
            if picture_button(ui, cx, pics, picture, &tr.tr(key), 280.0, 120.0, selected).clicked()
            {
                actions.push(action(BoardAction::ChooseKind(k)));
            }
        }
    });
}

/// Step 2: the category, by pictogram.
pub fn category(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    step(ui, 2, &tr.tr("board-new-category"), tr);
    ui.add_space(8.0);
    crate::ui::widgets::row_wrapped(ui, |ui| {
        ui.spacing_mut().item_spacing = egui::vec2(12.0, 12.0);
        for c in Category::ALL {
            let selected = cx.board.category == Some(c);
            let label = tr.tr(&c.label_key());
            if picture_button(ui, cx, pics, c.picture(), &label, 200.0, 72.0, selected).clicked() {
                actions.push(action(BoardAction::ChooseCategory(c)));
            }
        }
    });
}

/// Step 3: a short title, a few words more, the languages the poster speaks.
pub fn words(
    ui: &mut egui::Ui,
    cx: &Cx<'_>,
    pics: &mut Pictures,
    title: &mut String,
    text: &mut String,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    step(ui, 3, &tr.tr("board-new-words"), tr);
    let title_key = match cx.board.kind {
        Some(PostKind::Offer) => "board-title-offer",
        _ => "board-title-ask",
    };
    widgets::text_field(
        ui,
        &tr.tr(title_key),
        title,
        digidak_core::board::TITLE_MAX,
        false,
    );
    // A missing title is said right under its field, and goes once something is typed.
    if cx.board.problem != Some(digidak_core::board::PostProblem::NoTitle)
        || digidak_core::text::clean_line(title, usize::MAX)
            .trim()
            .is_empty()
    {
        super::problem(ui, cx, tr);
    }
    widgets::text_field(
        ui,
        &tr.tr("board-text"),
        text,
        digidak_core::board::TEXT_MAX,
        true,
    );
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("board-no-contact")).color(theme::MUTED),
    );
    // An ask a local partner helps with: who, when, and one tap to send it there too.
    for p in cx.board.partners_for_new_ask() {
        let name = || {
            [(
                "partner",
                digidak_core::i18n::FluentValue::from(p.name.clone()),
            )]
        };
        let open = crate::modules::partners::open_words(tr.translations, tr.lang, p, cx.now_ms);
        // Its logo (or a pictogram) beside who can help.
        ui.horizontal_top(|ui| {
            if let Some(category) = cx.board.category {
                crate::modules::partners::picture(
                    ui,
                    tr,
                    pics,
                    cx.drawn,
                    &cx.board.partner_logos,
                    p,
                    category,
                );
            }
            let width = ui.available_width();
            ui.vertical(|ui| {
                ui.set_max_width(width);
                crate::ui::bidi::label(
                    ui,
                    RichText::new(format!(
                        "{} · {open}",
                        tr.tr_args("board-partner-also", &name())
                    ))
                    .strong(),
                );
            });
        });
        let chosen = cx.board.send_to.as_deref() == Some(p.id.as_str());
        act(
            ui,
            Some(crate::ui::picto::Picto::People),
            &tr.tr_args("board-partner-send", &name()),
            if chosen {
                Kind::Selected
            } else {
                Kind::Secondary
            },
            action(BoardAction::ToggleSendTo(p.id.clone())),
            actions,
        );
    }
    crate::ui::bidi::label(ui, tr.tr("board-languages"));
    crate::ui::widgets::row_wrapped(ui, |ui| {
        for code in SPOKEN {
            let on = cx.board.languages.iter().any(|l| l == code);
            let name = tr.tr(&format!("spoken-{code}"));
            act(
                ui,
                None,
                &name,
                if on { Kind::Selected } else { Kind::Secondary },
                action(BoardAction::ToggleLanguage(code.to_string())),
                actions,
            );
        }
    });
}

fn phone_page(cx: &Cx<'_>, token: Option<&str>) -> Option<String> {
    let (base, token) = (cx.phone_base_url?, token?);
    Some(format!("{base}/posts/{token}?lang={}", cx.lang.code()))
}

/// Step 4: the post is saved; its code, big, and its QR code.
pub fn posted(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let Some(p) = &cx.board.created else {
        return;
    };
    step(ui, 4, &tr.tr("board-posted"), tr);
    crate::ui::bidi::label(ui, tr.tr("board-posted-explain"));
    crate::ui::widgets::row_wrapped(ui, |ui| {
        widgets::big_code(ui, &display_code(&p.post.code));
        if let Some(url) = phone_page(cx, p.post.token.as_deref()) {
            qr::show(ui, &url, 200.0, &tr.tr("qr-label"));
        }
    });
    crate::ui::bidi::label(
        ui,
        RichText::new(tr.tr("board-posted-keep")).color(theme::MUTED),
    );
    act(
        ui,
        Some(Picto::Board),
        &tr.tr("board-to-board"),
        Kind::Secondary,
        Action::Back,
        actions,
    );
}

fn code_keys() -> Keys {
    Keys {
        digit: |d| action(BoardAction::CodeDigit(d)),
        erase: action(BoardAction::CodeErase),
        submit: action(BoardAction::CodeSubmit),
        submit_label: "board-code-ok",
    }
}

/// Typing a post code on a number pad.
pub fn code(ui: &mut egui::Ui, cx: &Cx<'_>, typed: &str, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let keys = code_keys();
    keyboard(ui, &keys, actions);
    ui.vertical_centered(|ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("board-code-title")).heading());
        let shown = if typed.is_empty() {
            "_ _ _ _   _ _ _ _   _ _ _ _".to_string()
        } else {
            display_code(typed)
        };
        widgets::typed_code(ui, &shown, typed);
        let status = match cx.board.lookup {
            CodeLookup::Invalid => Some(tr.tr("board-code-invalid")),
            CodeLookup::NotFound => Some(tr.tr("board-code-unknown")),
            _ => None,
        };
        if let Some(text) = status {
            widgets::message(ui, &text, theme::NOTICE, theme::TEXT);
        }
        let room = ui.available_height() - ui.spacing().item_spacing.y;
        keypad(ui, room, tr, &keys, actions);
    });
}

/// The poster's own post: where it stands, "still needed?", the replies, ending it.
pub fn mine(ui: &mut egui::Ui, cx: &Cx<'_>, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let Some(m) = &cx.board.mine else {
        return;
    };
    let p = &m.post;
    crate::ui::bidi::label(ui, RichText::new(&p.post.title).heading());
    let status = BoardState::status(p);
    let (text, bg) = match status {
        Some(PostStatus::Waiting) => (tr.tr("board-status-waiting"), theme::NOTICE),
        Some(PostStatus::Public) if digidak_core::board::on_board(p, cx.now_ms) => {
            let until = day_in_words(p.expires_ms.unwrap_or(0), cx.lang);
            let text = tr.tr_args("board-status-public", &[("date", until.into())]);
            (text, theme::GO_BG)
        }
        Some(PostStatus::Public) => (tr.tr("board-status-expired"), theme::NOTICE),
        Some(PostStatus::Rejected) => {
            let reason = p.reason.clone().unwrap_or_default();
            let text = tr.tr_args("board-status-rejected", &[("reason", reason.into())]);
            (text, theme::NOTICE)
        }
        Some(PostStatus::Reported) => (tr.tr("board-status-reported"), theme::NOTICE),
        Some(PostStatus::Closed) | None => (tr.tr("board-status-closed"), theme::SECONDARY),
    };
    widgets::message(ui, &text, bg, theme::TEXT);
    if cx.board.renewable(cx.now_ms) {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("board-still-needed")).strong());
        act(
            ui,
            Some(Picto::Done),
            &tr.tr("board-renew"),
            Kind::Go,
            action(BoardAction::Renew),
            actions,
        );
    }
    ui.add_space(8.0);
    crate::ui::bidi::label(ui, RichText::new(tr.tr("board-replies")).heading());
    let wiped = m.replies.iter().any(digidak_core::board::reply_forgotten);
    let kept: Vec<_> = m
        .replies
        .iter()
        .filter(|r| !digidak_core::board::reply_forgotten(r))
        .collect();
    if wiped {
        crate::ui::bidi::label(ui, tr.tr("board-replies-wiped"));
    } else if kept.is_empty() {
        crate::ui::bidi::label(ui, tr.tr("board-no-replies"));
    } else if let Some(on) = cx.board.replies_wiped_on(cx.now_ms) {
        let date = day_in_words(on, cx.lang);
        crate::ui::bidi::label(
            ui,
            tr.tr_args("board-replies-wiped-on", &[("date", date.into())]),
        );
    }
    for r in kept {
        widgets::card(ui, |ui| {
            crate::ui::bidi::label(ui, &r.message);
            if let Some(c) = &r.contact {
                let reach = tr.tr_args("board-reach", &[("contact", c.clone().into())]);
                crate::ui::bidi::label(ui, RichText::new(reach).strong());
            }
        });
    }
    let open = matches!(
        status,
        Some(PostStatus::Waiting | PostStatus::Public | PostStatus::Reported)
    );
    if open {
        ui.add_space(8.0);
        crate::ui::widgets::row_wrapped(ui, |ui| {
            act(
                ui,
                Some(Picto::Done),
                &tr.tr("board-helped"),
                Kind::Go,
                action(BoardAction::Close { helped: true }),
                actions,
            );
        });
        if widgets::confirm(
            ui,
            Picto::Minus,
            &tr.tr("board-remove"),
            &tr.tr("board-remove-sure"),
            &tr.tr("board-remove-yes"),
            &tr.tr("board-remove-no"),
        ) {
            actions.push(action(BoardAction::Close { helped: false }));
        }
    }
    if let Some(url) = phone_page(cx, p.post.token.as_deref()) {
        crate::ui::widgets::row_wrapped(ui, |ui| {
            qr::show(ui, &url, 160.0, &tr.tr("qr-label"));
            crate::ui::bidi::label(ui, tr.tr("board-mine-qr"));
        });
    }
}
