//! Messages about files: problems (a file that could not be opened, saved or exported, a
//! recovery file that could not be written) as a dismissible banner, and the warnings panel with
//! the decisions taken while reading each file and the cells that could not be read.

use eframe::egui::{self, RichText};

use crate::app::{fonts, i18n, theme};
use crate::model::Document;
use crate::report::Language;

/// What reading one file decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDecisions {
    /// The file's name.
    pub file: String,
    /// One sentence per decision.
    pub decisions: Vec<crate::model::Sentence>,
}

/// What went wrong with a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A file could not be opened.
    Load,
    /// The document could not be saved; the edits are kept.
    Save,
    /// A table could not be exported.
    Export,
    /// The recovery file could not be written or read.
    Recovery,
}

/// A problem shown in the banner until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What went wrong.
    pub kind: ProblemKind,
    /// The message, naming the file (and sheet, row, column where known), in both languages.
    pub message: crate::model::Sentence,
}

/// The problems, each with a dismiss button. Returns the problems the user dismissed, by index
/// (all of them for "Dismiss all").
pub fn errors_ui(ui: &mut egui::Ui, errors: &[Problem], language: Language) -> Vec<usize> {
    let texts = i18n::texts(language);
    let mut dismissed = Vec::new();
    egui::Frame::new()
        .fill(theme::ERROR_FILL)
        .stroke(egui::Stroke::new(1.0, theme::ERROR))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for (index, error) in errors.iter().enumerate() {
                let heading = match error.kind {
                    ProblemKind::Load => texts.load_failed,
                    ProblemKind::Save => texts.edit.save_failed,
                    ProblemKind::Export => texts.edit.export_failed,
                    ProblemKind::Recovery => texts.edit.recovery_failed,
                };
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(format!("{heading}:"))
                            .color(theme::ERROR)
                            .family(fonts::bold()),
                    );
                    if ui.button(texts.dismiss).clicked() {
                        dismissed.push(index);
                    }
                    ui.add(
                        egui::Label::new(
                            RichText::new(error.message.text(language)).color(theme::ERROR),
                        )
                        .wrap(),
                    );
                });
            }
            if errors.len() > 1 && ui.button(texts.dismiss_all).clicked() {
                dismissed = (0..errors.len()).collect();
            }
        });
    dismissed
}

/// The warnings panel: per open file, how it was read and what could not be read.
pub fn warnings_ui(
    ui: &mut egui::Ui,
    document: &Document,
    decisions: &[FileDecisions],
    language: Language,
) {
    let texts = i18n::texts(language);
    ui.heading(texts.warnings_title);
    ui.separator();
    let mut files: Vec<&str> = Vec::new();
    for strategy in &document.strategies {
        if !files.contains(&strategy.source_file.as_str()) {
            files.push(&strategy.source_file);
        }
    }
    for warning in &document.warnings {
        if !files.contains(&warning.at.file()) {
            files.push(warning.at.file());
        }
    }
    egui::ScrollArea::vertical()
        .id_salt("warnings_panel")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if document.warnings.is_empty() {
                ui.label(RichText::new(texts.no_warnings).color(theme::MET));
            }
            for file in files {
                ui.add_space(6.0);
                ui.label(RichText::new(file).family(fonts::bold()));
                let warnings: Vec<_> = document
                    .warnings
                    .iter()
                    .filter(|warning| warning.at.file() == file)
                    .collect();
                if !warnings.is_empty() {
                    ui.label(
                        RichText::new(format!("{} ({})", texts.warnings, warnings.len()))
                            .color(theme::WARNING)
                            .strong(),
                    );
                    for warning in warnings {
                        ui.add(
                            egui::Label::new(format!(
                                "• {}: {}",
                                i18n::provenance(language, &warning.at),
                                warning.message.text(language)
                            ))
                            .wrap(),
                        );
                    }
                }
                if let Some(found) = decisions.iter().rev().find(|found| found.file == file) {
                    egui::CollapsingHeader::new(texts.decisions)
                        .id_salt(("decisions", file))
                        .default_open(true)
                        .show(ui, |ui| {
                            for decision in &found.decisions {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(format!("• {}", decision.text(language)))
                                            .small(),
                                    )
                                    .wrap(),
                                );
                            }
                        });
                }
            }
        });
}
