//! The import dialog: when detection is unsure (or the user asks for it), a preview of the
//! file's first rows with the header row, layout, number format and each column's role, all of
//! which the user can change; every change previews the file again so its effect shows.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::io::ImportOptions;
use crate::io::preview::{Doubt, Layout, Preview, SheetPreview, preview};
use crate::io::table::Role;
use crate::parse::NumberFormat;
use crate::report::Language;

/// The dialog's texts in one language.
#[derive(Debug)]
pub struct ImportTexts {
    /// The language of these texts (for role names and doubts).
    pub language: Language,
    /// The dialog's title.
    pub title: &'static str,
    /// Label of the sheet picker.
    pub sheet: &'static str,
    /// Label of the header row field.
    pub header_row: &'static str,
    /// Label of the layout.
    pub layout: &'static str,
    /// No layout follows from the roles.
    pub no_layout: &'static str,
    /// The report, long and wide layouts.
    pub layouts: [&'static str; 3],
    /// Label of the number format choice.
    pub number_format: &'static str,
    /// Decimal comma ("1.234,5").
    pub decimal_comma: &'static str,
    /// Decimal point ("1,234.5").
    pub decimal_point: &'static str,
    /// Heading of the column roles.
    pub columns: &'static str,
    /// A column that is not read.
    pub not_used: &'static str,
    /// Label of a role's year field.
    pub year: &'static str,
    /// Heading of the doubts.
    pub doubts: &'static str,
    /// The checkbox that reads the rows and columns a workbook hides.
    pub include_hidden: &'static str,
    /// The remember checkbox.
    pub remember: &'static str,
    /// The import button.
    pub import: &'static str,
    /// The cancel button.
    pub cancel: &'static str,
    /// Heading of the preview grid's row numbers.
    pub row: &'static str,
    /// A file being read ("{file}") and for how long ("{s}" seconds).
    pub reading: &'static str,
    /// Said in the decisions panel when saved choices were used.
    pub used_saved: &'static str,
    /// The progress window's title.
    pub loading_title: &'static str,
    /// What Cancel does while files are read.
    pub cancel_hint: &'static str,
    /// A reading thread that stopped without a result.
    pub stopped: &'static str,
}

static VI: ImportTexts = ImportTexts {
    language: Language::Vi,
    title: "Nhập tệp: chọn cách đọc",
    sheet: "Trang tính",
    header_row: "Dòng tiêu đề",
    layout: "Bố cục",
    no_layout: "chưa rõ (chưa có cột kế hoạch hoặc thực hiện)",
    layouts: [
        "báo cáo (mỗi chỉ tiêu một dòng)",
        "dọc (mỗi chỉ tiêu, mỗi kỳ một dòng)",
        "ngang (cột kế hoạch và thực hiện theo từng năm)",
    ],
    number_format: "Định dạng số",
    decimal_comma: "dấu phẩy thập phân (1.234,5)",
    decimal_point: "dấu chấm thập phân (1,234.5)",
    columns: "Vai trò của các cột",
    not_used: "không dùng",
    year: "năm",
    doubts: "Điều chưa chắc",
    include_hidden: "Đọc cả các dòng và cột bị ẩn trong tệp",
    remember: "Ghi nhớ cho các tệp như thế này",
    import: "Nhập",
    cancel: "Hủy",
    row: "Dòng",
    reading: "Đang đọc {file} … {s} giây",
    used_saved: "đã dùng cách đọc được ghi nhớ cho các tệp như thế này",
    loading_title: "Đang mở tệp",
    cancel_hint: "Hủy thì không thêm gì từ các tệp đang đọc.",
    stopped: "việc đọc tệp dừng giữa chừng, không có kết quả",
};

static EN: ImportTexts = ImportTexts {
    language: Language::En,
    title: "Import a file: how to read it",
    sheet: "Sheet",
    header_row: "Header row",
    layout: "Layout",
    no_layout: "unknown (no target or actual column yet)",
    layouts: [
        "report (one row per indicator)",
        "long (one row per indicator and period)",
        "wide (target and actual columns per year)",
    ],
    number_format: "Number format",
    decimal_comma: "decimal comma (1.234,5)",
    decimal_point: "decimal point (1,234.5)",
    columns: "Column roles",
    not_used: "not used",
    year: "year",
    doubts: "Doubts",
    include_hidden: "Read the rows and columns hidden in the file",
    remember: "Remember for files like this",
    import: "Import",
    cancel: "Cancel",
    row: "Row",
    reading: "Reading {file} … {s} s",
    used_saved: "the import choices remembered for files like this were used",
    loading_title: "Opening files",
    cancel_hint: "Cancel adds nothing from the files being read.",
    stopped: "reading the file stopped without a result",
};

/// A role's name in `language`, with its year: "thực hiện 2020", "actual 2020".
#[must_use]
pub fn role_label(role: Role, language: Language) -> String {
    match language {
        Language::En => role.label(),
        Language::Vi => role.label_vi(),
    }
}

/// Why detection is unsure, in `language`.
#[must_use]
pub fn doubt_text(doubt: &Doubt, language: Language) -> String {
    if language == Language::En {
        return doubt.to_string();
    }
    match doubt {
        Doubt::NoHeader => {
            "không dòng nào nêu cả cột chỉ tiêu và cột kế hoạch hoặc thực hiện".to_owned()
        }
        Doubt::NoTarget => "không có cột kế hoạch".to_owned(),
        Doubt::NoActual => "không có cột thực hiện".to_owned(),
        Doubt::Unrecognised(headers) => format!("chưa nhận ra các cột: {}", headers.join(", ")),
        Doubt::NumberFormat(format) => format!(
            "các ô không cho thấy dấu nào là dấu thập phân; đã coi là {}",
            match format {
                NumberFormat::DecimalComma => VI.decimal_comma,
                NumberFormat::DecimalPoint => VI.decimal_point,
            }
        ),
    }
}

/// The dialog's texts in `language`.
#[must_use]
pub fn texts(language: Language) -> &'static ImportTexts {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// What the user decided in the dialog.
#[derive(Debug)]
pub enum Decision {
    /// Import with these choices; remember them for the file's shape when `remember`.
    Import {
        /// The choices.
        options: ImportOptions,
        /// Whether to remember them.
        remember: bool,
    },
    /// Import nothing.
    Cancel,
}

/// The roles a column can be given; a role with a year starts from a default year the user changes.
const ROLES: [Role; 18] = [
    Role::Code,
    Role::Name,
    Role::Unit,
    Role::Direction,
    Role::Period,
    Role::Baseline(None),
    Role::BaselineYear,
    Role::Target(None),
    Role::Actual {
        period: None,
        estimate: false,
    },
    Role::Actual {
        period: None,
        estimate: true,
    },
    Role::Assessment,
    Role::Note,
    Role::Source,
    Role::Strategy,
    Role::StrategyName,
    Role::Goal,
    Role::Computed,
    Role::Dimension,
];

/// Whether a role carries a year.
fn has_year(role: Role) -> bool {
    matches!(
        role,
        Role::Baseline(_) | Role::Target(_) | Role::Actual { .. }
    )
}

/// The year a role carries, if any.
fn year_of(role: Role) -> Option<i32> {
    match role {
        Role::Baseline(year) | Role::Target(year) | Role::Actual { period: year, .. } => year,
        _ => None,
    }
}

/// The role with another year.
fn with_year(role: Role, year: Option<i32>) -> Role {
    match role {
        Role::Baseline(_) => Role::Baseline(year),
        Role::Target(_) => Role::Target(year),
        Role::Actual { estimate, .. } => Role::Actual {
            period: year,
            estimate,
        },
        other => other,
    }
}

/// Whether two roles are the same kind (years aside).
fn same_kind(a: Role, b: Role) -> bool {
    with_year(a, None) == with_year(b, None)
}

/// The import dialog for one file.
#[derive(Debug)]
pub struct ImportDialog {
    /// The file's name.
    pub file: String,
    /// Its path, when it was opened from disk.
    pub path: Option<PathBuf>,
    /// Its bytes, read once.
    pub bytes: Arc<Vec<u8>>,
    options: ImportOptions,
    preview: Preview,
    shape: String,
    years: Vec<String>,
    remember: bool,
    problem: Option<String>,
}

impl ImportDialog {
    /// The dialog on a file previewed with `options`.
    #[must_use]
    pub fn new(
        file: String,
        path: Option<PathBuf>,
        bytes: Arc<Vec<u8>>,
        preview: Preview,
        options: ImportOptions,
    ) -> Self {
        let shape = preview.shape.clone();
        let mut dialog = Self {
            file,
            path,
            bytes,
            options,
            preview,
            shape,
            years: Vec::new(),
            remember: false,
            problem: None,
        };
        dialog.sync_years();
        dialog
    }

    /// The file's shape, the key of remembered choices: the shape of the preview the dialog
    /// opened with (`preview` of [`Self::new`]), which the caller gives as the whole file's
    /// shape, found as the next file's will be. Choosing a sheet narrows later previews, and
    /// their shapes, to that sheet.
    #[must_use]
    pub fn shape(&self) -> &str {
        &self.shape
    }

    fn sheet(&self) -> Option<&SheetPreview> {
        let sheets = &self.preview.sheets;
        self.options
            .sheet
            .as_ref()
            .and_then(|name| sheets.iter().find(|s| s.sheet.as_ref() == Some(name)))
            .or_else(|| sheets.first())
    }

    fn sync_years(&mut self) {
        self.years = self
            .sheet()
            .map(|sheet| {
                sheet
                    .columns
                    .iter()
                    .map(|column| {
                        column
                            .role
                            .and_then(year_of)
                            .map(|year| year.to_string())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
    }

    /// The roles shown now, one per column.
    fn roles(&self) -> Vec<Option<Role>> {
        self.sheet()
            .map(|sheet| sheet.columns.iter().map(|column| column.role).collect())
            .unwrap_or_default()
    }

    /// Previews the file again with the current choices.
    fn refresh(&mut self) {
        match preview(&self.file, &self.bytes, &self.options) {
            Ok(preview) => {
                self.preview = preview;
                self.problem = None;
            }
            Err(error) => self.problem = Some(error.to_string()),
        }
        self.sync_years();
    }

    /// Shows the dialog; returns the user's decision once there is one.
    pub fn ui(&mut self, ctx: &egui::Context, language: Language) -> Option<Decision> {
        let texts = texts(language);
        let mut decision = None;
        let modal = egui::Modal::new(egui::Id::unique("import_dialog")).show(ctx, |ui| {
            ui.set_max_width((ctx.content_rect().width() - 80.0).max(400.0));
            ui.heading(texts.title);
            ui.label(RichText::new(&self.file).color(theme::MUTED));
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height((ctx.content_rect().height() - 220.0).max(200.0))
                .show(ui, |ui| self.choices_ui(ui, texts));
            ui.separator();
            ui.checkbox(&mut self.remember, texts.remember);
            ui.horizontal(|ui| {
                if ui.button(texts.import).clicked() {
                    decision = Some(Decision::Import {
                        options: self.chosen_options(),
                        remember: self.remember,
                    });
                }
                if ui.button(texts.cancel).clicked() {
                    decision = Some(Decision::Cancel);
                }
            });
        });
        // A click on the shade around the dialog while a list (a column's role, the sheet) is
        // open only closes the list, as Escape does: it must not cancel the dialog and lose the
        // choices made in it.
        if decision.is_none() && !modal.any_popup_open && modal.should_close() {
            decision = Some(Decision::Cancel);
        }
        decision
    }

    /// The choices to import with: what was changed, with the roles and header shown.
    fn chosen_options(&self) -> ImportOptions {
        let mut options = self.options.clone();
        if let Some(sheet) = self.sheet() {
            if options.header_row.is_none() {
                options.header_row = sheet.header.map(|(row, _)| row);
            }
            if options.columns.is_none() {
                options.columns = Some(self.roles());
            }
            if options.sheet.is_none() {
                options.sheet.clone_from(&sheet.sheet);
            }
        }
        options
    }

    fn choices_ui(&mut self, ui: &mut egui::Ui, texts: &ImportTexts) {
        let mut changed = false;
        let names: Vec<String> = self
            .preview
            .sheets
            .iter()
            .filter_map(|sheet| sheet.sheet.clone())
            .collect();
        let Some(sheet) = self.sheet().cloned() else {
            return;
        };
        egui::Grid::new("import_choices")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                if names.len() > 1 {
                    let label = ui.label(texts.sheet);
                    let current = sheet.sheet.clone().unwrap_or_default();
                    egui::ComboBox::from_id_salt("import_sheet")
                        .selected_text(&current)
                        .show_ui(ui, |ui| {
                            for name in &names {
                                if ui.selectable_label(*name == current, name).clicked()
                                    && *name != current
                                {
                                    self.options = ImportOptions {
                                        sheet: Some(name.clone()),
                                        number_format: self.options.number_format,
                                        encoding: self.options.encoding.clone(),
                                        include_hidden: self.options.include_hidden,
                                        ..ImportOptions::default()
                                    };
                                    changed = true;
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
                let label = ui.label(texts.header_row);
                let mut row = sheet.header.map_or(1, |(row, _)| row);
                if ui
                    .add(egui::DragValue::new(&mut row).range(1..=u32::MAX))
                    .labelled_by(label.id)
                    .changed()
                {
                    self.options.header_row = Some(row);
                    changed = true;
                }
                ui.end_row();
                ui.label(texts.layout);
                ui.label(sheet.layout.map_or(texts.no_layout, |layout| match layout {
                    Layout::Report => texts.layouts[0],
                    Layout::Long => texts.layouts[1],
                    Layout::Wide => texts.layouts[2],
                }));
                ui.end_row();
                ui.label(texts.number_format);
                ui.horizontal(|ui| {
                    for (format, label) in [
                        (NumberFormat::DecimalComma, texts.decimal_comma),
                        (NumberFormat::DecimalPoint, texts.decimal_point),
                    ] {
                        if ui.radio(sheet.number_format == format, label).clicked() {
                            self.options.number_format = Some(format);
                            changed = true;
                        }
                    }
                });
                ui.end_row();
            });
        if sheet.sheet.is_some()
            && ui
                .checkbox(&mut self.options.include_hidden, texts.include_hidden)
                .changed()
        {
            changed = true;
        }
        ui.add_space(8.0);
        ui.strong(texts.columns);
        changed |= self.roles_ui(ui, &sheet, texts);
        if !sheet.doubts.is_empty() {
            ui.add_space(8.0);
            ui.strong(texts.doubts);
            for doubt in &sheet.doubts {
                ui.label(
                    RichText::new(format!("• {}", doubt_text(doubt, texts.language)))
                        .color(theme::WARNING),
                );
            }
        }
        if let Some(problem) = &self.problem {
            ui.label(RichText::new(problem).color(theme::ERROR));
        }
        ui.add_space(8.0);
        preview_grid_ui(ui, &sheet, texts);
        if changed {
            self.refresh();
        }
    }

    /// One row per column: letters, header, role and year. Returns whether a role changed.
    fn roles_ui(&mut self, ui: &mut egui::Ui, sheet: &SheetPreview, texts: &ImportTexts) -> bool {
        let mut roles = self.roles();
        let mut changed = false;
        egui::Grid::new("import_roles")
            .num_columns(4)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (index, column) in sheet.columns.iter().enumerate() {
                    let letters = ui.label(&column.letters);
                    ui.label(&column.header);
                    let current = roles.get(index).copied().flatten();
                    let shown = current.map_or_else(
                        || texts.not_used.to_owned(),
                        |role| role_label(role, texts.language),
                    );
                    egui::ComboBox::from_id_salt(("import_role", index))
                        .selected_text(shown)
                        .width(220.0)
                        .show_ui(ui, |ui| {
                            if ui
                                .selectable_label(current.is_none(), texts.not_used)
                                .clicked()
                                && current.is_some()
                            {
                                roles[index] = None;
                                changed = true;
                            }
                            for role in ROLES {
                                let selected = current.is_some_and(|now| same_kind(now, role));
                                if ui
                                    .selectable_label(selected, role_label(role, texts.language))
                                    .clicked()
                                    && !selected
                                {
                                    let year = current.and_then(year_of);
                                    roles[index] = Some(with_year(role, year));
                                    changed = true;
                                }
                            }
                        })
                        .response
                        .labelled_by(letters.id);
                    if let Some(role) = current
                        && has_year(role)
                        && let Some(text) = self.years.get_mut(index)
                    {
                        ui.horizontal(|ui| {
                            let label = ui.label(texts.year);
                            let field = ui
                                .add(
                                    egui::TextEdit::singleline(text)
                                        .desired_width(56.0)
                                        .char_limit(4),
                                )
                                .labelled_by(label.id);
                            if field.changed() {
                                let year = text.trim().parse::<i32>().ok();
                                if year.is_some() || text.trim().is_empty() {
                                    roles[index] = Some(with_year(role, year));
                                    changed = true;
                                }
                            }
                        });
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
        if changed {
            if self.options.header_row.is_none() {
                self.options.header_row = sheet.header.map(|(row, _)| row);
            }
            self.options.columns = Some(roles);
        }
        changed
    }
}

/// The first rows in a grid, the header rows highlighted.
fn preview_grid_ui(ui: &mut egui::Ui, sheet: &SheetPreview, texts: &ImportTexts) {
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let header = sheet.header.map(|(first, rows)| first..first + rows as u32);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::horizontal()
        .id_salt("import_preview_scroll")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("import_preview")
                .striped(true)
                .max_scroll_height(260.0)
                .column(Column::auto().at_least(40.0))
                .columns(Column::auto().at_least(60.0).clip(true), width)
                .header(row_height, |mut row| {
                    row.col(|ui| {
                        ui.strong(texts.row);
                    });
                    for column in 0..width {
                        row.col(|ui| {
                            let letters = sheet
                                .columns
                                .get(column)
                                .map_or("", |column| column.letters.as_str());
                            ui.strong(letters);
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, sheet.rows.len(), |mut row| {
                        let index = row.index();
                        let number = sheet.row_numbers.get(index).copied().unwrap_or(0);
                        let is_header = header.as_ref().is_some_and(|rows| rows.contains(&number));
                        row.set_selected(is_header);
                        row.col(|ui| {
                            ui.label(RichText::new(number.to_string()).color(theme::MUTED));
                        });
                        for column in 0..width {
                            row.col(|ui| {
                                let text = sheet.rows[index].get(column).map_or("", String::as_str);
                                if is_header {
                                    ui.strong(text);
                                } else {
                                    ui.label(text);
                                }
                            });
                        }
                    });
                });
        });
}
