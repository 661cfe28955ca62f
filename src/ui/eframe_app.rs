//! The real window: eframe around [`KioskUi`]. Covers the screen in kiosk mode, and can report when the first frame was painted (for benchmarks).

use std::time::{SystemTime, UNIX_EPOCH};

use super::KioskUi;

/// Prints `first-frame-unix-us=N` to stdout once the first frame has been painted, when the
/// environment variable `DIGIDAK_REPORT_FIRST_FRAME` is set. Used by the start-up benchmark,
/// for the kiosk and for the bare eframe window alike.
#[derive(Debug, Default)]
pub struct FirstFrameReporter {
    frames: u32,
    enabled: Option<bool>,
}

impl FirstFrameReporter {
    /// Call once per `App::ui`. The first call asks for one more frame; the second call
    /// happens after the first frame was painted and swapped, and reports.
    pub fn frame(&mut self, ctx: &egui::Context) {
        let enabled = *self
            .enabled
            .get_or_insert_with(|| std::env::var_os("DIGIDAK_REPORT_FIRST_FRAME").is_some());
        if !enabled || self.frames > 1 {
            return;
        }
        self.frames += 1;
        if self.frames == 1 {
            ctx.request_repaint();
        } else {
            let us = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_micros())
                .unwrap_or(0);
            println!("first-frame-unix-us={us}");
        }
    }
}

pub struct KioskApp {
    pub ui: KioskUi,
    kiosk_mode: bool,
    covered: bool,
    report: FirstFrameReporter,
}

impl KioskApp {
    pub fn new(ui: KioskUi, kiosk_mode: bool) -> Self {
        Self {
            ui,
            kiosk_mode,
            covered: false,
            report: FirstFrameReporter::default(),
        }
    }

    /// Window options: fullscreen and undecorated in kiosk mode, a normal window otherwise.
    pub fn native_options(kiosk_mode: bool) -> eframe::NativeOptions {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Digidak")
            .with_app_id("digidak");
        viewport = if kiosk_mode {
            // No window icon (there is no taskbar to show it): eframe would otherwise decode
            // its own 512x512 logo at start and keep its pixels (1 MiB).
            viewport
                .with_fullscreen(true)
                .with_decorations(false)
                .with_position([0.0, 0.0])
                .with_icon(egui::IconData::default())
        } else {
            viewport.with_inner_size([1280.0, 800.0])
        };
        eframe::NativeOptions {
            viewport,
            ..Default::default()
        }
    }
}

/// The widest texture egui is told it may make. The font atlas is as wide as this (and grows
/// in height as glyphs come): at the GL driver's own limit (16,384 on Mesa) the home screen's
/// glyphs took a 16,384 x 64 atlas, 4 MiB, kept twice (egui's pixels and the driver's
/// texture); 2,048 wide it is 2,048 x 128, 1 MiB. The kiosk's own textures are at most
/// `PICTURE_PX` (192) wide.
pub const MAX_TEXTURE_SIDE: usize = 2048;

/// Tells egui the driver's limit or [`MAX_TEXTURE_SIDE`], whichever is smaller.
pub fn limit_texture_side(raw_input: &mut egui::RawInput) {
    let side = raw_input.max_texture_side.unwrap_or(MAX_TEXTURE_SIDE);
    raw_input.max_texture_side = Some(side.min(MAX_TEXTURE_SIDE));
}

impl eframe::App for KioskApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        limit_texture_side(raw_input);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.kiosk_mode && !self.covered {
            // Fullscreen needs a window manager; without one, cover the monitor by hand.
            let (monitor, inner) =
                ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
            if let (Some(monitor), Some(inner)) = (monitor, inner) {
                self.covered = true;
                if (inner.size() - monitor).length() > 1.0 {
                    ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(
                        0.0, 0.0,
                    )));
                    ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(monitor));
                }
            }
        }
        self.ui.show(ui);
        self.report.frame(&ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textures_are_at_most_2048_wide_whatever_the_driver_allows() {
        for (driver, told) in [(Some(16_384), 2048), (Some(1024), 1024), (None, 2048)] {
            let mut input = egui::RawInput {
                max_texture_side: driver,
                ..Default::default()
            };
            limit_texture_side(&mut input);
            assert_eq!(input.max_texture_side, Some(told));
        }
        assert!(crate::app::PICTURE_PX as usize <= MAX_TEXTURE_SIDE);
    }
}
