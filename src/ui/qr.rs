//! QR codes drawn with egui's painter (dark squares on a white field with a quiet zone), so a
//! phone camera reads them from the screen.

use qrcode::{Color, EcLevel, QrCode};

/// Draws `data` as a QR code in a `size` square. Its accessible name is `label` and its value
/// the address it holds (tests and screen readers find it by those).
pub fn show(ui: &mut egui::Ui, data: &str, size: f32, label: &str) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::Image, true, label);
        info.current_text_value = Some(data.to_string());
        info
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let p = ui.painter();
    p.rect_filled(rect, 8.0, egui::Color32::WHITE);
    let Ok(code) = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) else {
        return;
    };
    let n = code.width();
    let quiet = 4;
    let module = (size / (n + 2 * quiet) as f32).floor().max(1.0);
    let origin = rect.center() - egui::vec2(module * n as f32, module * n as f32) / 2.0;
    let colors = code.to_colors();
    for y in 0..n {
        // Runs of dark modules in a row are one rectangle: fewer shapes to draw.
        let mut x = 0;
        while x < n {
            if colors[y * n + x] == Color::Dark {
                let start = x;
                while x < n && colors[y * n + x] == Color::Dark {
                    x += 1;
                }
                let min = origin + egui::vec2(start as f32 * module, y as f32 * module);
                let r =
                    egui::Rect::from_min_size(min, egui::vec2((x - start) as f32 * module, module));
                p.rect_filled(r, 0.0, egui::Color32::BLACK);
            } else {
                x += 1;
            }
        }
    }
}
