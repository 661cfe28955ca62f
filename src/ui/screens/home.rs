//! Home: a welcome and one big tile per enabled module.

use egui::RichText;

use crate::app::{Action, Kiosk, Screen};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets;

pub fn show(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
    crate::ui::bidi::label(ui, RichText::new(tr.tr("home-welcome")).heading());
    // Large text on a small screen needs every line for the tiles: the hint gives way.
    if kiosk.text_scale.factor() < 2.0 || ui.available_width() >= 1200.0 {
        crate::ui::bidi::label(ui, RichText::new(tr.tr("home-hint")).color(theme::MUTED));
    }
    ui.add_space(16.0);
    let tiles: Vec<(Picto, String, Screen)> = kiosk
        .config
        .modules
        .enabled
        .iter()
        // Every module brings its own tile.
        .filter_map(|enabled| {
            kiosk
                .modules
                .iter()
                .find(|m| m.id() == enabled.id())
                .and_then(|m| m.tile())
                .map(|t| (t.picto, tr.tr(t.label), Screen::Module(t.opens)))
        })
        .collect();
    let scale = kiosk.text_scale.factor();
    // All side by side when every label fits on two lines; else two a row, which leaves the
    // words more room (large text on a 1024-pixel screen).
    let count = tiles.len().max(1);
    let gap = if count > 2 { 16.0 } else { 24.0 };
    let avail = ui.available_width() - 8.0;
    let font = egui::TextStyle::Heading.resolve(ui.style());
    // A label fits a width when it takes at most two lines and no word is broken.
    let fits = |width: f32| {
        let wide = |text: &str, wrap: f32| {
            let job = egui::text::LayoutJob::simple(text.into(), font.clone(), theme::TEXT, wrap);
            ui.painter().layout_job(job)
        };
        tiles.iter().all(|(_, label, _)| {
            wide(label, width - 32.0).rows.len() <= 2
                && label
                    .split_whitespace()
                    .all(|w| wide(w, f32::INFINITY).size().x <= width - 32.0)
        })
    };
    let per_row = |cols: usize| (avail - gap * (cols as f32 - 1.0)) / cols as f32;
    let cols = if count <= 2 || fits(per_row(count)) {
        count
    } else {
        2
    };
    let width = per_row(cols).clamp(200.0, 300.0 * scale);
    let rows = count.div_ceil(cols) as f32;
    // Pictograms stay big at every text size (96 px at the least): the tallest label decides
    // whether the tiles fit with the pictogram above the words; on a low screen with large
    // text the pictogram goes beside the words instead, two tiles a row.
    let icon = (140.0 / scale).max(96.0);
    let label_height = tiles
        .iter()
        .map(|(_, label, _)| {
            let job = egui::text::LayoutJob::simple(
                label.clone(),
                font.clone(),
                theme::TEXT,
                width - 32.0,
            );
            ui.painter().layout_job(job).size().y
        })
        .fold(0.0, f32::max);
    let stacked = 24.0 + icon + 16.0 + label_height + 24.0;
    let fits_stacked = rows * stacked + gap * (rows - 1.0) <= ui.available_height();
    // Tiles line up at the top, whatever the length of their words.
    let layout = egui::Layout::left_to_right(egui::Align::TOP).with_main_wrap(true);
    ui.with_layout(layout, |ui| {
        ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
        // Beside the words the pictogram takes what the longest word leaves (64 to 96 px);
        // when not even 64 px are left, one tile a row.
        let longest = tiles
            .iter()
            .map(|(_, label, _)| widgets::longest_word(ui, label, &font))
            .fold(0.0, f32::max);
        let half = (avail - gap) / 2.0;
        let two = half - 60.0 - longest >= 64.0;
        let beside_width = if two { half } else { avail };
        let beside_icon = (beside_width - 60.0 - longest).clamp(64.0, 96.0);
        for (picto, label, screen) in tiles {
            let tile = if fits_stacked {
                widgets::tile(ui, picto, &label, width, icon, stacked)
            } else {
                widgets::tile_beside(ui, picto, &label, beside_width, beside_icon)
            };
            if tile.clicked() {
                actions.push(Action::Go(screen));
            }
        }
    });
}
