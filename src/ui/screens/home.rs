//! Home: a welcome and one big tile per enabled module.
//!
//! Five or six tiles fit every screen of the layout matrix: the first arrangement that fits
//! the window without scrolling is drawn — pictograms above the words (all in one row, three a
//! row, two a row), then pictograms beside the words (two a row, an odd last tile across the
//! whole row; then a tile whose words would take two lines at half the width gets a row of its
//! own; then the same with a 64 px pictogram and less room around it; then one a row). When
//! none fits with the welcome above, the hint and then the welcome give way to the tiles.
//! Only when nothing fits at all (no screen of the matrix) does the page scroll, with the
//! arrangement that needs the least height.

use egui::RichText;

use crate::app::{Action, Kiosk, Screen};
use crate::ui::Tr;
use crate::ui::picto::Picto;
use crate::ui::theme;
use crate::ui::widgets;

/// How the tiles are laid out.
#[derive(Clone, Debug, PartialEq)]
enum Plan {
    /// Pictogram above the words, `cols` a row, each `width` wide and `height` high.
    Stacked {
        cols: usize,
        width: f32,
        height: f32,
    },
    /// Pictogram beside the words: the tiles of each row (one or two, by index), `pad` px
    /// around the pictogram and the words, the pictogram at most `icon` px.
    Beside {
        rows: Vec<Vec<usize>>,
        pad: f32,
        icon: f32,
    },
}

pub fn show(ui: &mut egui::Ui, kiosk: &Kiosk, tr: Tr<'_>, actions: &mut Vec<Action>) {
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
    let count = tiles.len().max(1);
    let gap = if count > 2 { 16.0 } else { 24.0 };
    let avail = ui.available_width() - 8.0;
    let font = egui::TextStyle::Heading.resolve(ui.style());
    let measure = |text: &str, font: &egui::FontId, wrap: f32| {
        let job = egui::text::LayoutJob::simple(text.into(), font.clone(), theme::TEXT, wrap);
        ui.painter().layout_job(job)
    };
    let longest = tiles
        .iter()
        .map(|(_, label, _)| widgets::longest_word(ui, label, &font))
        .fold(0.0, f32::max);

    // The words above the tiles, and what they take of the height.
    let spacing = ui.spacing().item_spacing.y;
    let welcome = tr.tr("home-welcome");
    let hint = tr.tr("home-hint");
    let welcome_height = measure(&welcome, &font, avail).size().y + spacing;
    let body = egui::TextStyle::Body.resolve(ui.style());
    // Large text on a small screen needs every line for the tiles: the hint gives way.
    let hint_wanted = scale < 2.0 || ui.available_width() >= 1200.0;
    let hint_height = measure(&hint, &body, avail).size().y + spacing;

    let per_row = |cols: usize| (avail - gap * (cols as f32 - 1.0)) / cols as f32;
    // Pictograms stay big at every text size (96 px at the least).
    let icon = (140.0 / scale).max(96.0);
    let mut plans = Vec::new();
    let mut stacked_cols = vec![count];
    if count > 2 {
        stacked_cols.extend([count.div_ceil(2), 2]);
    }
    stacked_cols.dedup();
    for cols in stacked_cols {
        let width = per_row(cols);
        // A label fits a width when it takes at most two lines and no word is broken.
        let fits = width >= 200.0
            && longest <= width - 32.0
            && tiles
                .iter()
                .all(|(_, label, _)| measure(label, &font, width - 32.0).rows.len() <= 2);
        if !fits && cols > 2 {
            continue;
        }
        let width = width.clamp(200.0, 300.0 * scale).min(avail);
        let label_height = tiles
            .iter()
            .map(|(_, label, _)| measure(label, &font, width - 32.0).size().y)
            .fold(0.0, f32::max);
        let height = 24.0 + icon + 16.0 + label_height + 24.0;
        plans.push(Plan::Stacked {
            cols,
            width,
            height,
        });
    }
    // Beside the words the pictogram takes what the longest word leaves (64 to `most` px).
    let half = (avail - gap) / 2.0;
    let beside_icon =
        |width: f32, pad: f32, most: f32| (width - 3.0 * pad - longest).clamp(64.0, most);
    let wrap_of =
        |width: f32, pad: f32, most: f32| width - beside_icon(width, pad, most) - 3.0 * pad;
    let lines = |i: usize, width: f32, pad: f32, most: f32| {
        measure(&tiles[i].1, &font, wrap_of(width, pad, most))
            .rows
            .len()
    };
    for (pad, most) in [(20.0, 96.0), (12.0, 64.0)] {
        // Two a row (when the longest word leaves the pictogram 64 px), an odd last one alone.
        if count > 1 && half - 3.0 * pad - longest >= 64.0 {
            let grid: Vec<Vec<usize>> = (0..tiles.len())
                .collect::<Vec<_>>()
                .chunks(2)
                .map(|c| c.to_vec())
                .collect();
            // Two a row while both keep their words on one line; else a row of its own.
            let mut paired = Vec::new();
            let mut i = 0;
            while i < tiles.len() {
                let one_line = |i: usize| lines(i, half, pad, most) == 1;
                if i + 1 < tiles.len() && one_line(i) && one_line(i + 1) {
                    paired.push(vec![i, i + 1]);
                    i += 2;
                } else {
                    paired.push(vec![i]);
                    i += 1;
                }
            }
            plans.push(Plan::Beside {
                rows: grid,
                pad,
                icon: most,
            });
            plans.push(Plan::Beside {
                rows: paired,
                pad,
                icon: most,
            });
        }
    }
    for (pad, most) in [(20.0, 96.0), (12.0, 64.0)] {
        plans.push(Plan::Beside {
            rows: (0..tiles.len()).map(|i| vec![i]).collect(),
            pad,
            icon: most,
        });
    }
    plans.dedup();
    let row_width = |row: &[usize]| if row.len() == 2 { half } else { avail };
    let beside_height = |i: usize, width: f32, pad: f32, most: f32| {
        let icon = beside_icon(width, pad, most);
        let text = measure(&tiles[i].1, &font, wrap_of(width, pad, most))
            .size()
            .y;
        (text.max(icon) + 2.0 * pad).max(theme::MIN_TARGET)
    };
    let height_of = |plan: &Plan| -> f32 {
        match plan {
            Plan::Stacked { cols, height, .. } => {
                let rows = count.div_ceil(*cols) as f32;
                rows * height + gap * (rows - 1.0)
            }
            Plan::Beside { rows, pad, icon } => {
                let heights: f32 = rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|&i| beside_height(i, row_width(row), *pad, *icon))
                            .fold(0.0, f32::max)
                    })
                    .sum();
                heights + gap * (rows.len() as f32 - 1.0).max(0.0)
            }
        }
    };
    let room = ui.available_height();
    // (welcome, hint, the space above the tiles)
    let tops = [
        (true, hint_wanted, 16.0),
        (true, false, 16.0),
        (true, false, 0.0),
        (false, false, 0.0),
    ];
    let chosen = tops.iter().find_map(|&(with_welcome, with_hint, space)| {
        let above = space
            + spacing
            + if with_welcome { welcome_height } else { 0.0 }
            + if with_hint { hint_height } else { 0.0 };
        plans
            .iter()
            .find(|p| above + height_of(p) <= room)
            .map(|p| (with_welcome, with_hint, space, p.clone()))
    });
    // Nothing fits: the welcome stays and the tiles scroll (a tile cut at the window's edge),
    // as few of them as can be.
    let (with_welcome, with_hint, space, plan) = chosen.unwrap_or_else(|| {
        let least = plans
            .iter()
            .min_by(|a, b| height_of(a).total_cmp(&height_of(b)))
            .expect("one a row is always a plan")
            .clone();
        (true, false, 16.0, least)
    });

    if with_welcome {
        crate::ui::bidi::label(ui, RichText::new(welcome).heading());
    }
    if with_hint {
        crate::ui::bidi::label(ui, RichText::new(hint).color(theme::MUTED));
    }
    ui.add_space(space);
    let rows: Vec<Vec<usize>> = match &plan {
        Plan::Stacked { cols, .. } => (0..tiles.len())
            .collect::<Vec<_>>()
            .chunks(*cols)
            .map(|c| c.to_vec())
            .collect(),
        Plan::Beside { rows, .. } => rows.clone(),
    };
    // One row of tiles at a time (from the right in Arabic).
    ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
    for row in &rows {
        widgets::row(ui, |ui| {
            for &i in row {
                let (picto, label, screen) = &tiles[i];
                let tile = match &plan {
                    Plan::Stacked { width, height, .. } => {
                        widgets::tile(ui, *picto, label, *width, icon, *height)
                    }
                    Plan::Beside { pad, icon, .. } => {
                        let width = row_width(row);
                        let icon = beside_icon(width, *pad, *icon);
                        widgets::tile_beside(ui, *picto, label, width, icon, *pad)
                    }
                };
                if tile.clicked() {
                    actions.push(Action::Go(*screen));
                }
            }
        });
    }
}
