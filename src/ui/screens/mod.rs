//! One module a screen. Each reads the kiosk and pushes actions.

mod admin;
mod admin_sync;
mod home;
pub(crate) mod pinpad;
mod volunteer;

use super::Tr;
use crate::app::{Action, Kiosk, Screen};
use crate::modules::{Module, StaffPlace, View};
use crate::ui::pictures::Pictures;

/// Runs `f` with the kiosk's modules and a [`View`] of the rest of the kiosk.
pub(crate) fn with_modules(
    kiosk: &mut Kiosk,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
    f: impl FnOnce(&mut [Box<dyn Module>], &mut View<'_>),
) {
    let online = kiosk
        .sync_status()
        .is_some_and(|s| s.state == crate::app::SyncState::Online);
    let phone_base_url = kiosk.phone_base_url();
    let now_ms = kiosk.unix_ms();
    let staff = kiosk.staff();
    let Kiosk {
        modules,
        store_status,
        text_scale,
        lang,
        content,
        config,
        ..
    } = kiosk;
    let mut view = View {
        tr,
        lang: *lang,
        text_scale: *text_scale,
        store_status,
        now_ms,
        staff,
        online,
        phone_base_url,
        site: &config.kiosk.site,
        offered: &config.languages.offered,
        library: content.library.as_ref(),
        drawn: &content.pictures,
        pics,
        actions,
    };
    f(modules, &mut view);
}

/// The parts the enabled modules add to a staff screen at `place`, in the modules' order.
pub(crate) fn staff_parts(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut Pictures,
    place: StaffPlace,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    let config = kiosk.config.clone();
    with_modules(kiosk, pics, tr, actions, |modules, view| {
        for m in modules.iter_mut() {
            if config.modules.enabled.iter().any(|e| e.id() == m.id()) {
                m.show_staff(place, ui, view);
            }
        }
    });
}

pub fn show(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut crate::ui::pictures::Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    match kiosk.screen() {
        Screen::Home => home::show(ui, kiosk, tr, actions),
        Screen::Module(page) => {
            // A module draws its page from its own state and a small view of the kiosk.
            with_modules(kiosk, pics, tr, actions, |modules, view| {
                if let Some(m) = modules.iter_mut().find(|m| m.id() == page.module) {
                    m.show(page, ui, view);
                }
            });
        }
        Screen::PinPad => pinpad::show(ui, kiosk, tr, actions),
        Screen::Volunteer => volunteer::show(ui, kiosk, pics, tr, actions),
        Screen::Admin => {
            admin::header(ui, kiosk, pics, tr, actions);
            let mut url = std::mem::take(&mut kiosk.drafts.server_url);
            let mut code = std::mem::take(&mut kiosk.drafts.pairing_code);
            // Side by side on a wide screen, so pairing needs no scrolling.
            if ui.available_width() >= 900.0 {
                // Columns are justified by default, which stretches wrapped text: not here.
                let plain = egui::Layout::top_down(egui::Align::LEFT);
                ui.columns(2, |cols| {
                    cols[0].with_layout(plain, |ui| admin::facts(ui, kiosk, tr));
                    cols[1].with_layout(plain, |ui| {
                        admin_sync::show(ui, kiosk, &mut url, &mut code, tr, actions)
                    });
                });
            } else {
                admin::facts(ui, kiosk, tr);
                ui.add_space(24.0);
                admin_sync::show(ui, kiosk, &mut url, &mut code, tr, actions);
            }
            kiosk.drafts.server_url = url;
            kiosk.drafts.pairing_code = code;
        }
    }
}

/// Parts of a screen pinned to the bottom of the window, drawn before the scrolling content:
/// the main action of a form stays in sight at every size, also above the on-screen keyboard.
pub fn pinned(
    ui: &mut egui::Ui,
    kiosk: &mut Kiosk,
    pics: &mut Pictures,
    tr: Tr<'_>,
    actions: &mut Vec<Action>,
) {
    use crate::ui::widgets::Kind;
    // A module may draw its own bar (a lesson's Back and Next).
    if let Screen::Module(page) = kiosk.screen() {
        let mut drawn = false;
        with_modules(kiosk, pics, tr, actions, |modules, view| {
            if let Some(m) = modules.iter_mut().find(|m| m.id() == page.module) {
                drawn = m.show_bar(page, ui, view);
            }
        });
        if drawn {
            return;
        }
    }
    let main = match kiosk.screen() {
        Screen::Module(page) => match kiosk
            .modules
            .iter()
            .find_map(|m| (m.id() == page.module).then(|| m.pinned(page)).flatten())
        {
            Some(p) => p,
            None => return,
        },
        _ => return,
    };
    if main.not_while_typing && crate::ui::keyboard::is_open(ui.ctx()) {
        return;
    }
    let crate::modules::Pinned {
        picto,
        label: key,
        action,
        beside,
        ..
    } = main;
    // A second way on (the board's "I have a code") stands beside the main action.
    let second = beside.map(|(p, key, action)| (p, tr.tr(key), action));
    let main_text = tr.tr(key);
    action_bar(ui, |ui| {
        // One row: with large text on a narrow screen the words step down before wrapping.
        let mut buttons = vec![(Some(picto), main_text.as_str())];
        if let Some((p, text, _)) = &second {
            buttons.push((Some(*p), text.as_str()));
        }
        let scale = ui.text_style_height(&egui::TextStyle::Button) / 30.0;
        let font = crate::ui::widgets::fitting_font(
            ui,
            &buttons,
            ui.available_width(),
            &[
                egui::TextStyle::Button.resolve(ui.style()),
                crate::ui::theme::chrome_font(scale),
                crate::ui::theme::chrome_font(1.0),
            ],
        );
        let go =
            crate::ui::widgets::button_sized(ui, Some(picto), &main_text, Kind::Go, font.clone());
        if go.clicked() {
            actions.push(action);
        }
        if let Some((p, text, action)) = second {
            let b = crate::ui::widgets::button_sized(ui, Some(p), &text, Kind::Secondary, font);
            if b.clicked() {
                actions.push(action);
            }
        }
    });
}

/// A bar at the bottom of the content for a screen's main action.
fn action_bar(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    egui::Panel::bottom("action-bar")
        .frame(
            egui::Frame::new()
                .fill(crate::ui::theme::BG)
                .inner_margin(egui::Margin::symmetric(32, 10))
                .stroke(egui::Stroke::new(1.0, crate::ui::theme::SECONDARY_HOVER)),
        )
        .show(ui, |ui| crate::ui::widgets::action_row(ui, add))
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Toolbar, true, ""));
}

/// The language names of `codes` in the message `key` (with `$list`), unknown codes as written.
pub(crate) fn spoken_as(key: &str, codes: &[String], tr: Tr<'_>) -> String {
    let names: Vec<String> = codes
        .iter()
        .map(|c| {
            let name_key = format!("spoken-{c}");
            let name = tr.tr(&name_key);
            if name == name_key {
                c.to_uppercase()
            } else {
                name
            }
        })
        .collect();
    tr.tr_args(key, &[("list", names.join(", ").into())])
}

/// A button that pushes `action` when tapped: the commonest thing a screen does.
pub(crate) fn act(
    ui: &mut egui::Ui,
    picto: Option<crate::ui::picto::Picto>,
    text: &str,
    kind: crate::ui::widgets::Kind,
    action: Action,
    actions: &mut Vec<Action>,
) {
    if crate::ui::widgets::button(ui, picto, text, kind).clicked() {
        actions.push(action);
    }
}
