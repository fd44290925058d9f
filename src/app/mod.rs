//! The desktop app (eframe/egui).

use std::path::PathBuf;

use eframe::egui;

/// Opens the main window with `files` (the built-in sample when empty).
pub fn run(files: Vec<PathBuf>) -> eframe::Result {
    let _ = files;
    eframe::run_native(
        "chitieu",
        eframe::NativeOptions::default(),
        Box::new(|_cc| Ok(Box::new(App))),
    )
}

struct App;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.label("chitieu");
    }
}
