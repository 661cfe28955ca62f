//! Home: a welcome and one big tile per enabled module.

use egui::RichText;

use crate::app::{Action, Kiosk, Screen};
use crate::config::Module;
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets;

pub fn show(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    ui.label(RichText::new(tr.tr("home-welcome")).heading());
    ui.label(RichText::new(tr.tr("home-hint")).color(theme::MUTED));
    ui.add_space(24.0);
    let tiles: Vec<(Picto, String, Screen)> = kiosk
        .config
        .modules
        .enabled
        .iter()
        .map(|m| match m {
            Module::Lessons => (Picto::Lessons, tr.tr("tile-lessons"), Screen::LessonList),
            Module::Activities => (
                Picto::Calendar,
                tr.tr("tile-activities"),
                Screen::Activities,
            ),
            Module::Board => (Picto::Board, tr.tr("tile-board"), Screen::Board),
            Module::Help => (Picto::Help, tr.tr("tile-help"), Screen::Help),
        })
        .collect();
    let scale = kiosk.text_scale.factor();
    // Side by side when they fit (two tiles stay on one row at 2x text on 1024 pixels).
    let n = tiles.len().max(1) as f32;
    let fit = (ui.available_width() - 8.0 - 24.0 * (n - 1.0)) / n;
    let width = fit.clamp(200.0, 300.0 * scale);
    // Larger text leaves less room: the pictogram gives way, the words do not.
    let icon = (140.0 / scale).max(72.0);
    let room = ui.available_height() - 8.0;
    // Tiles line up at the top, whatever the length of their words.
    let layout = egui::Layout::left_to_right(egui::Align::TOP).with_main_wrap(true);
    ui.with_layout(layout, |ui| {
        ui.spacing_mut().item_spacing = egui::vec2(24.0, 24.0);
        for (picto, label, screen) in tiles {
            if widgets::tile(ui, picto, &label, width, icon, room).clicked() {
                actions.push(Action::Go(screen));
            }
        }
    });
}
