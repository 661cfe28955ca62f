//! Lesson pictures as egui textures, made once from the pixels the lesson loader drew on
//! request (off the UI thread; `lessons::DrawnPictures`) and kept for the life of the window.
//! The pixels are handed over, not copied: once a picture is a texture, no pixels stay behind.

use std::collections::HashMap;

use crate::drawn::DrawnPictures;

#[derive(Default)]
pub struct Pictures {
    textures: HashMap<String, egui::TextureHandle>,
    /// Lay out without pictures (the read-aloud's pass): never take the loader's pixels, which
    /// are handed over once and belong to the window's textures.
    words_only: bool,
}

impl Pictures {
    /// Pictures for a pass that only wants the screen's words: every picture stays a frame.
    pub fn words_only() -> Self {
        Self {
            words_only: true,
            ..Self::default()
        }
    }

    /// The texture of picture `key`, uploading it once it is drawn (the first call asks for
    /// it; the loader wakes the UI when it is ready).
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        pixels: &DrawnPictures,
        key: &str,
    ) -> Option<egui::TextureId> {
        if let Some(t) = self.textures.get(key) {
            return Some(t.id());
        }
        if self.words_only {
            return None;
        }
        let px = pixels.take(key)?;
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

impl Pictures {
    /// The texture of a picture that is not one of the lessons' folder (a partner's logo,
    /// drawn off the UI thread by its owner): the one made before under `key`, or one made
    /// now from the pixels `take` hands over (never called in a words-only pass).
    pub fn get_or_upload(
        &mut self,
        ctx: &egui::Context,
        key: &str,
        take: impl FnOnce() -> Option<digidak_core::lessons::Pixels>,
    ) -> Option<egui::TextureId> {
        if let Some(t) = self.textures.get(key) {
            return Some(t.id());
        }
        if self.words_only {
            return None;
        }
        let px = take()?;
        let image = egui::ColorImage::from_rgba_premultiplied(
            [px.width as usize, px.height as usize],
            &px.rgba,
        );
        let handle = ctx.load_texture(key.to_string(), image, egui::TextureOptions::LINEAR);
        let id = handle.id();
        self.textures.insert(key.to_string(), handle);
        Some(id)
    }
}

/// Paints picture `key` into `rect` with `painter`; false while it is not drawn yet.
pub fn paint(
    ctx: &egui::Context,
    painter: &egui::Painter,
    pictures: &mut Pictures,
    pixels: &DrawnPictures,
    key: &str,
    rect: egui::Rect,
) -> bool {
    let Some(id) = pictures.get(ctx, pixels, key) else {
        return false;
    };
    let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    painter.image(id, rect, uv, egui::Color32::WHITE);
    true
}

/// Draws picture `key` in a `size` square (an empty frame while it is not drawn yet).
pub fn show(
    ui: &mut egui::Ui,
    pictures: &mut Pictures,
    pixels: &DrawnPictures,
    key: &str,
    size: f32,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    if !paint(ui.ctx(), ui.painter(), pictures, pixels, key, rect) {
        ui.painter().rect_stroke(
            rect,
            12.0,
            egui::Stroke::new(2.0, super::theme::SECONDARY),
            egui::StrokeKind::Inside,
        );
    }
}
