//! A bare eframe window with one label: the baseline the kiosk's start-up time and memory are
//! compared with (see `scripts/bench-startup`). Built with the same eframe features as the kiosk.

use digidak::ui::eframe_app::FirstFrameReporter;

struct Bare(FirstFrameReporter);

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
        self.0.frame(ui.ctx());
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1024.0, 768.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare",
        options,
        Box::new(|_| Ok(Box::new(Bare(FirstFrameReporter::default())))),
    )
}
