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

impl eframe::App for KioskApp {
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
