//! Lesson pictures as egui textures, made once from the pixels the lesson loader drew (off the
//! UI thread) and kept for the life of the window.

use std::collections::HashMap;

use crate::lessons::Pixels;

#[derive(Default)]
pub struct Pictures {
    textures: HashMap<String, egui::TextureHandle>,
}

impl Pictures {
    /// The texture of picture `key`, uploading it on first use.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        pixels: &std::collections::BTreeMap<String, Pixels>,
        key: &str,
    ) -> Option<egui::TextureId> {
        if let Some(t) = self.textures.get(key) {
            return Some(t.id());
        }
        let px = pixels.get(key)?;
        let image = egui::ColorImage::from_rgba_premultiplied(
            [px.width as usize, px.height as usize],
            &px.rgba,
        );
        let handle = ctx.load_texture(
            format!("lesson-picture-{key}"),
            image,
            egui::TextureOptions::LINEAR,
        );
        let id = handle.id();
        self.textures.insert(key.to_string(), handle);
        Some(id)
    }
}

/// Draws picture `key` in a `size` square (an empty frame while it is not drawn yet).
pub fn show(
    ui: &mut egui::Ui,
    pictures: &mut Pictures,
    pixels: &std::collections::BTreeMap<String, Pixels>,
    key: &str,
    size: f32,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    match pictures.get(ui.ctx(), pixels, key) {
        Some(id) => {
            let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            ui.painter().image(id, rect, uv, egui::Color32::WHITE);
        }
        None => {
            ui.painter().rect_stroke(
                rect,
                12.0,
                egui::Stroke::new(2.0, super::theme::SECONDARY),
                egui::StrokeKind::Inside,
            );
        }
    }
}
