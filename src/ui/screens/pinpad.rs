//! The PIN pad for volunteers and admins: big digits, dots instead of numbers, and a clear
//! message on a wrong PIN or a lockout. Works with the keyboard too.

use egui::RichText;

use super::act;
use crate::app::{Action, Kiosk, PinStatus, countdown_secs};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets::{self, Kind};
use digidak_core::i18n::num;

pub fn show(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    let locked = kiosk.pin_locked_for();
    let checking = kiosk.pin_status == PinStatus::Checking;
    if locked.is_none() && !checking {
        keyboard(ui, &PIN_KEYS, actions);
    }
    // On a low screen (768 pixels) the hint under the title gives its room to the keys.
    let compact = ui.available_height() < 580.0;
    ui.vertical_centered(|ui| {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("pin-title")).heading());
        if !compact {
            crate::ui::bidi::label(ui, RichText::new(tr.tr("pin-explain")).color(theme::MUTED));
        }
        pin_dots(ui, kiosk.drafts.pin.len());
        let status = match (locked, kiosk.pin_status) {
            (Some(left), _) => Some(tr.tr_args(
                "pin-locked",
                &[("seconds", num(countdown_secs(left) as f64))],
            )),
            (None, PinStatus::Checking) => Some(tr.tr("pin-checking")),
            (None, PinStatus::Wrong) => Some(tr.tr("pin-wrong")),
            _ => None,
        };
        if let Some(status) = status {
            widgets::message(ui, &status, theme::ERROR_BG, theme::ERROR_TEXT);
        }
        // Leave room under the keys for "Stop", so a 768-pixel-high screen shows it too.
        let room = ui.available_height() - 16.0 - 64.0 - 2.0 * ui.spacing().item_spacing.y;
        ui.add_enabled_ui(locked.is_none() && !checking, |ui| {
            keypad(ui, room, tr, &PIN_KEYS, actions)
        });
        ui.add_space(16.0);
        act(
            ui,
            Some(Picto::Back),
            &tr.tr("pin-cancel"),
            Kind::Secondary,
            Action::Back,
            actions,
        );
    });
}

/// One painted dot per digit typed (the font has no dot glyph, and digits are never shown).
fn pin_dots(ui: &mut egui::Ui, n: usize) {
    let size = egui::vec2(crate::pin::PIN_LEN.end().to_owned() as f32 * 40.0, 48.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "●".repeat(n)));
    let left = rect.center().x - n as f32 * 20.0 + 20.0;
    for i in 0..n {
        let c = egui::pos2(left + i as f32 * 40.0, rect.center().y);
        ui.painter().circle_filled(c, 12.0, theme::TEXT);
    }
}

/// What the keys of a keypad do.
pub(crate) struct Keys {
    pub digit: fn(char) -> Action,
    pub erase: Action,
    pub submit: Action,
    /// Translation key of the submit key's label.
    pub submit_label: &'static str,
}

const PIN_KEYS: Keys = Keys {
    digit: Action::PinDigit,
    erase: Action::PinErase,
    submit: Action::PinSubmit,
    submit_label: "pin-ok",
};

/// Digits, Backspace and Enter typed on a keyboard, as keypad actions.
pub(crate) fn keyboard(ui: &egui::Ui, keys: &Keys, actions: &mut Vec<Action>) {
    ui.input(|i| {
        for event in &i.events {
            match event {
                egui::Event::Text(t) => {
                    actions.extend(t.chars().filter(char::is_ascii_digit).map(keys.digit));
                }
                egui::Event::Key {
                    key: egui::Key::Backspace,
                    pressed: true,
                    ..
                } => actions.push(keys.erase.clone()),
                egui::Event::Key {
                    key: egui::Key::Enter,
                    pressed: true,
                    ..
                } => actions.push(keys.submit.clone()),
                _ => {}
            }
        }
    });
}

/// Twelve keys of one size, centred: 1-9, then Erase, 0, OK. Keys shrink to fit `room`
/// (height), never below 64 pixels.
pub(crate) fn keypad(
    ui: &mut egui::Ui,
    room: f32,
    tr: Tr<'_>,
    keys: &Keys,
    actions: &mut Vec<Action>,
) {
    let digit = |d: char| -> Key { (None, d.to_string(), Kind::Secondary, (keys.digit)(d)) };
    let scale = ui.text_style_height(&egui::TextStyle::Button) / 30.0;
    let tight = room < 4.0 * 72.0 * scale.max(1.0) + 3.0 * 12.0;
    let gap = if tight { 8.0 } else { 12.0 };
    let height = ((room - 3.0 * gap) / 4.0).clamp(64.0, 72.0 * scale.max(1.0));
    let fit = ((ui.available_width() - 2.0 * gap) / 3.0).floor();
    let key = egui::vec2((150.0 * scale.max(1.0)).min(fit).max(64.0), height);
    let width = 3.0 * key.x + 2.0 * gap;
    // A submit word too long for a key (big text on a narrow screen) gets a row of its own.
    let submit = tr.tr(keys.submit_label);
    let font = egui::TextStyle::Button.resolve(ui.style());
    let own_row = widgets::longest_word(ui, &submit, &font) + 40.0 > key.x;
    let rows: [[Key; 3]; 4] = [
        ['1', '2', '3'].map(digit),
        ['4', '5', '6'].map(digit),
        ['7', '8', '9'].map(digit),
        [
            (
                Some(Picto::Erase),
                tr.tr("pin-erase"),
                Kind::Secondary,
                keys.erase.clone(),
            ),
            digit('0'),
            (
                Some(Picto::Done),
                tr.tr(keys.submit_label),
                Kind::Primary,
                keys.submit.clone(),
            ),
        ],
    ];
    for (i, row) in rows.into_iter().enumerate() {
        let last = i == 3;
        crate::ui::widgets::row(ui, |ui| {
            ui.spacing_mut().item_spacing.x = gap;
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for (j, (picto, label, kind, action)) in row.into_iter().enumerate() {
                if last && j == 2 && own_row {
                    continue;
                }
                if widgets::button_min(ui, picto, &label, kind, key).clicked() {
                    actions.push(action);
                }
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
    if own_row {
        crate::ui::widgets::row(ui, |ui| {
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            let size = egui::vec2(width, key.y);
            if widgets::button_min(ui, Some(Picto::Done), &submit, Kind::Primary, size).clicked() {
                actions.push(keys.submit.clone());
            }
        });
    }
}

/// A key: pictogram, label, look, and what it does.
type Key = (Option<Picto>, String, Kind, Action);
