//! What the import dialog shows before a file is loaded: the first rows of each sheet, the
//! header row found, the layout, the number format and each column's role, with the doubts that
//! make detection unsure. The user's corrections are [`ImportOptions`]; [`Mappings`] keeps them
//! per file shape, so the next file of the same shape opens the same way without asking.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::grid::{Cell, Grid};
use super::table::{Role, find_header};
use super::{FIRST_ROWS, ImportOptions, LoadError, read_grids_head};
use crate::parse::NumberFormat;

/// How many rows of each sheet a preview holds.
pub const PREVIEW_ROWS: usize = 30;

/// How a table lays out periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// One row per indicator; target and actual columns for one period.
    Report,
    /// One row per indicator and period, with a period column.
    Long,
    /// Target and actual columns for several years.
    Wide,
}

impl Layout {
    /// The layout's name in English.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Report => "report (one row per indicator)",
            Self::Long => "long (one row per indicator and period)",
            Self::Wide => "wide (target and actual columns per year)",
        }
    }
}

/// One column as the dialog shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnPreview {
    /// The column's letters ("A", "B", …).
    pub letters: String,
    /// The header text (rows of a spread header joined).
    pub header: String,
    /// The role detected or chosen.
    pub role: Option<Role>,
}

/// Why detection is unsure of a sheet (the import dialog says it in the app's language; the
/// English sentence is its `Display`).
#[derive(Clone, Debug, PartialEq)]
pub enum Doubt {
    /// No row names both an indicator column and a target or actual column.
    NoHeader,
    /// The header has no target column.
    NoTarget,
    /// The header has no actual-result column.
    NoActual,
    /// Header texts of the columns given no role.
    Unrecognised(Vec<String>),
    /// The cells do not show which separator is decimal; this format was assumed.
    NumberFormat(NumberFormat),
}

impl std::fmt::Display for Doubt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoHeader => {
                f.write_str("no row names both an indicator column and a target or actual column")
            }
            Self::NoTarget => f.write_str("no target column"),
            Self::NoActual => f.write_str("no actual-result column"),
            Self::Unrecognised(headers) => {
                write!(f, "columns not recognised: {}", headers.join(", "))
            }
            Self::NumberFormat(format) => write!(
                f,
                "the cells do not show which separator is decimal; assumed {}",
                format.describe()
            ),
        }
    }
}

/// One sheet (or the text file) as the dialog shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetPreview {
    /// The sheet's name; `None` for a text file.
    pub sheet: Option<String>,
    /// The first rows, as text.
    pub rows: Vec<Vec<String>>,
    /// The source row number of each of [`Self::rows`].
    pub row_numbers: Vec<u32>,
    /// The header's first row (as the spreadsheet numbers it) and how many rows it spans.
    pub header: Option<(u32, usize)>,
    /// The columns with their roles.
    pub columns: Vec<ColumnPreview>,
    /// The layout the roles imply.
    pub layout: Option<Layout>,
    /// The number format that will be used.
    pub number_format: NumberFormat,
    /// Why detection is unsure, one sentence each; empty when it is sure.
    pub doubts: Vec<Doubt>,
}

/// A file as the dialog shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The file name.
    pub file: String,
    /// Its sheets (one for a text file).
    pub sheets: Vec<SheetPreview>,
    /// What was decided reading it (encoding, delimiter …), and the warnings with their
    /// positions.
    pub decisions: Vec<crate::model::Sentence>,
    /// The file's shape, the key of saved mappings.
    pub shape: String,
}

impl Preview {
    /// Whether the dialog should ask: some sheet has doubts, and no sheet reads as a sure table.
    #[must_use]
    pub fn is_unsure(&self) -> bool {
        !self
            .sheets
            .iter()
            .any(|sheet| sheet.header.is_some() && sheet.doubts.is_empty())
    }
}

/// Previews a file with `options` applied (of delimited text, the first [`FIRST_ROWS`] rows,
/// which are also the rows its header and number format are decided on).
pub fn preview(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Preview, LoadError> {
    let raw = read_grids_head(file, bytes, options, FIRST_ROWS)?;
    let mut sheets = Vec::new();
    for (index, grid) in raw.grids.iter().enumerate() {
        let format = raw.number_format(index, options);
        let decided_by_cells =
            options.number_format.is_some() || grid.format_vote().decided().is_some();
        sheets.push(sheet_preview(grid, options, format, decided_by_cells));
    }
    let shape = shape_of(file, &raw.grids);
    let mut decisions = raw.decisions;
    decisions.extend(raw.warnings.iter().map(|warning| {
        crate::model::Sentence::new(
            warning.to_string(),
            format!(
                "{}: {}",
                warning.at.describe(crate::report::Language::Vi),
                warning.message.vi
            ),
        )
    }));
    Ok(Preview {
        file: file.to_owned(),
        sheets,
        decisions,
        shape,
    })
}

fn sheet_preview(
    grid: &Grid,
    options: &ImportOptions,
    number_format: NumberFormat,
    decided_by_cells: bool,
) -> SheetPreview {
    let forced = options
        .header_row
        .and_then(|row| grid.row_numbers.iter().position(|number| *number >= row));
    let header = find_header(grid, forced);
    let width = grid.width();
    let roles: Vec<Option<Role>> = match (&options.columns, &header) {
        (Some(chosen), _) => (0..width)
            .map(|c| chosen.get(c).copied().flatten())
            .collect(),
        (None, Some(header)) => header.roles.clone(),
        (None, None) => vec![None; width],
    };
    let texts: Vec<String> = header
        .as_ref()
        .map(|header| header.texts.clone())
        .unwrap_or_default();
    let columns: Vec<ColumnPreview> = (0..width.max(roles.len()))
        .map(|column| ColumnPreview {
            letters: crate::model::column_letters(grid.first_column + column as u32),
            header: texts.get(column).cloned().unwrap_or_default(),
            role: roles.get(column).copied().flatten(),
        })
        .collect();
    let layout = layout_of(&roles);
    let mut doubts = Vec::new();
    if header.is_none() {
        doubts.push(Doubt::NoHeader);
    }
    let has = |test: fn(&Role) -> bool| roles.iter().flatten().any(test);
    if header.is_some() && !has(|role| matches!(role, Role::Target(_))) {
        doubts.push(Doubt::NoTarget);
    }
    if header.is_some() && !has(|role| matches!(role, Role::Actual { .. })) {
        doubts.push(Doubt::NoActual);
    }
    let unnamed: Vec<&str> = columns
        .iter()
        .filter(|column| column.role.is_none() && !column.header.is_empty())
        .map(|column| column.header.as_str())
        .collect();
    if !unnamed.is_empty() && options.columns.is_none() {
        doubts.push(Doubt::Unrecognised(
            unnamed.into_iter().map(str::to_owned).collect(),
        ));
    }
    let has_values = grid.rows.iter().flatten().any(|cell| match cell {
        Cell::Text(text) => text.contains([',', '.']) && text.chars().any(|c| c.is_ascii_digit()),
        _ => false,
    });
    if !decided_by_cells && has_values {
        doubts.push(Doubt::NumberFormat(number_format));
    }
    let shown = grid.rows.len().min(PREVIEW_ROWS);
    SheetPreview {
        sheet: grid.sheet.as_deref().map(str::to_owned),
        rows: grid.rows[..shown]
            .iter()
            .map(|row| row.iter().map(Cell::as_text).collect())
            .collect(),
        row_numbers: grid.row_numbers[..shown].to_vec(),
        header: header
            .as_ref()
            .map(|header| (grid.at(header.first_row, None).row, header.rows)),
        columns,
        layout,
        number_format,
        doubts,
    }
}

fn layout_of(roles: &[Option<Role>]) -> Option<Layout> {
    let roles: Vec<Role> = roles.iter().flatten().copied().collect();
    if roles.contains(&Role::Period) {
        return Some(Layout::Long);
    }
    let years: std::collections::BTreeSet<i32> = roles
        .iter()
        .filter_map(|role| match role {
            Role::Target(Some(year))
            | Role::Actual {
                period: Some(year), ..
            } => Some(*year),
            _ => None,
        })
        .collect();
    if years.len() > 1 {
        return Some(Layout::Wide);
    }
    roles
        .iter()
        .any(|role| matches!(role, Role::Target(_) | Role::Actual { .. }))
        .then_some(Layout::Report)
}

/// A file's shape: its kind and, per sheet, the folded texts of its first row with two or more
/// cells, years left out (so next year's report of the same template has the same shape).
#[must_use]
pub fn shape_of(file: &str, grids: &[Grid]) -> String {
    let extension = file
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    let mut shape = extension;
    for grid in grids {
        let header = find_header(grid, None)
            .map(|header| header.texts)
            .or_else(|| {
                grid.rows
                    .iter()
                    .find(|row| row.iter().filter(|cell| !cell.is_empty()).count() >= 2)
                    .map(|row| row.iter().map(Cell::as_text).collect())
            })
            .unwrap_or_default();
        shape.push('|');
        shape.push_str(grid.sheet.as_deref().unwrap_or(""));
        for text in header {
            let folded: String = crate::text::fold(&text)
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect();
            shape.push(';');
            shape.push_str(folded.trim());
        }
    }
    shape
}

/// Import choices saved per file shape, in a JSON file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mappings {
    /// Shape → the choices made for it.
    pub by_shape: BTreeMap<String, ImportOptions>,
}

impl Mappings {
    /// The platform's place for them: `%APPDATA%\chitieu\config\mappings.json` on Windows,
    /// `$XDG_CONFIG_HOME/chitieu/mappings.json` on Linux.
    #[must_use]
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "chitieu")?;
        Some(dirs.config_dir().join("mappings.json"))
    }

    /// Reads saved mappings; a missing file is no mappings, a damaged one an error naming it.
    pub fn load(path: &Path) -> Result<Self, String> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|error| format!("{}: {error}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    /// Writes the mappings (the folder is created).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let describe = |error: &dyn std::fmt::Display| format!("{}: {error}", path.display());
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| describe(&error))?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(|error| describe(&error))?;
        std::fs::write(path, json).map_err(|error| describe(&error))
    }

    /// The choices saved for a shape.
    #[must_use]
    pub fn find(&self, shape: &str) -> Option<&ImportOptions> {
        self.by_shape.get(shape)
    }

    /// Remembers the choices for a shape.
    pub fn remember(&mut self, shape: &str, options: ImportOptions) {
        self.by_shape.insert(shape.to_owned(), options);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_bytes;

    const SURE: &[u8] =
        "Mã;Chỉ tiêu;Đơn vị tính;Năm;Kế hoạch;Thực hiện\nA;Tỷ lệ;%;2020;50;51,5\n".as_bytes();
    const UNSURE: &[u8] =
        "Mục;Nội dung X;Số A;Số B\n1;Tỷ lệ trẻ em;95;96,5\n2;Tỷ lệ xã;60;52,4\n".as_bytes();

    #[test]
    fn a_clear_file_is_sure() {
        let preview = preview("a.csv", SURE, &ImportOptions::default()).unwrap();
        assert!(!preview.is_unsure(), "{:?}", preview.sheets[0].doubts);
        let sheet = &preview.sheets[0];
        assert_eq!(sheet.header, Some((1, 1)));
        assert_eq!(sheet.layout, Some(Layout::Long));
        assert_eq!(sheet.columns[4].role, Some(Role::Target(None)));
        assert_eq!(sheet.columns[0].letters, "A");
        assert_eq!(sheet.rows[1][5], "51,5");
    }

    #[test]
    fn an_unclear_file_asks_and_the_users_roles_load_it() {
        let options = ImportOptions::default();
        let preview = preview("b.csv", UNSURE, &options).unwrap();
        assert!(preview.is_unsure());
        assert!(load_bytes("b.csv", UNSURE, &options).is_err());
        let chosen = ImportOptions {
            header_row: Some(1),
            columns: Some(vec![
                Some(Role::Code),
                Some(Role::Name),
                Some(Role::Target(Some(2020))),
                Some(Role::Actual {
                    period: Some(2020),
                    estimate: false,
                }),
            ]),
            ..ImportOptions::default()
        };
        let again = super::preview("b.csv", UNSURE, &chosen).unwrap();
        assert_eq!(again.sheets[0].layout, Some(Layout::Report));
        let loaded = load_bytes("b.csv", UNSURE, &chosen).unwrap();
        let summary = crate::analysis::summarize(&loaded.strategies[0], Some(2020));
        assert_eq!((summary.achieved(), summary.total), (1, 2));
    }

    #[test]
    fn mappings_are_kept_per_shape() {
        let folder = std::env::temp_dir().join(format!("chitieu-mappings-{}", std::process::id()));
        let path = folder.join("mappings.json");
        let mut mappings = Mappings::load(&path).unwrap();
        let shape = preview("b.csv", UNSURE, &ImportOptions::default())
            .unwrap()
            .shape;
        let next_year = "Mục;Nội dung X;Số A;Số B\n1;Khác;1;2\n".as_bytes();
        let next_shape = preview("b-2021.csv", next_year, &ImportOptions::default())
            .unwrap()
            .shape;
        assert_eq!(shape, next_shape, "same template, same shape");
        let options = ImportOptions {
            header_row: Some(1),
            ..ImportOptions::default()
        };
        mappings.remember(&shape, options.clone());
        mappings.save(&path).unwrap();
        assert_eq!(Mappings::load(&path).unwrap().find(&shape), Some(&options));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
