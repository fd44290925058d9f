//! A sheet as the table reader sees it: rows of cells with their position in the source file.
//! CSV text and workbook sheets both become a [`Grid`]; conversions from the source's types
//! (calamine's floats, percent formats, dates) happen once, at that boundary.

use crate::model::CellRef;
use crate::parse::{FormatVote, NumberFormat, format_plain};

/// One cell's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing, or only white space.
    Empty,
    /// Text as written, NFC: inline up to 23 bytes, else shared by the cells of a long table
    /// that repeat it.
    Text(smol_str::SmolStr),
    /// A number stored as a number. A cell formatted as a percentage is already multiplied by
    /// 100 (Excel stores 85 % as 0.85) and has `percent` set.
    Number {
        /// The value.
        value: f64,
        /// Whether the cell's number format is a percentage.
        percent: bool,
    },
    /// A date or time, as ISO text.
    Date(String),
    /// A spreadsheet error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// A text cell, or [`Cell::Empty`] when the text is blank. The text is made NFC.
    #[must_use]
    pub fn text(text: &str) -> Self {
        let text = crate::text::nfc_cow(text);
        if text.trim().is_empty() {
            Self::Empty
        } else {
            Self::Text(smol_str::SmolStr::new(&*text))
        }
    }

    /// Whether the cell holds nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }

    /// The cell as text: text as is, numbers in plain form ("96.245", "1"), dates as ISO text.
    #[must_use]
    pub fn as_text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(text) => String::from(&**text),
            Self::Date(text) | Self::Error(text) => text.clone(),
            Self::Number { value, percent } => {
                if *percent {
                    format!("{}%", format_plain(*value))
                } else {
                    format_plain(*value)
                }
            }
        }
    }

    /// The cell as text, as [`Self::as_text`] gives it, without allocating for a text of up
    /// to 24 bytes (the text of a target or actual result).
    #[must_use]
    pub fn as_compact_text(&self) -> compact_str::CompactString {
        match self {
            Self::Text(text) => compact_str::CompactString::new(&**text),
            Self::Number {
                value,
                percent: false,
            } => crate::parse::with_plain(*value, |text| compact_str::CompactString::new(text)),
            _ => self.as_text().into(),
        }
    }
}

/// A rectangular view of one sheet or one CSV file.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The file name (no folder), for positions (shared with every [`CellRef`] made here).
    pub file: std::sync::Arc<str>,
    /// The sheet name, for workbooks.
    pub sheet: Option<std::sync::Arc<str>>,
    /// Rows of cells; rows may have different lengths.
    pub rows: Vec<Vec<Cell>>,
    /// The 1-based source row (or CSV line) of each entry of `rows`.
    pub row_numbers: Vec<u32>,
    /// The 1-based source column of column 0.
    pub first_column: u32,
    /// Merged regions, as (first row, first column, last row, last column), indices into `rows`.
    pub merges: Vec<(usize, usize, usize, usize)>,
    /// `file` and `sheet` as the positions made here share them, made on first use.
    pub sheet_ref: std::sync::OnceLock<std::sync::Arc<crate::model::SheetRef>>,
}

impl Grid {
    /// The cell at (row, column) of the grid; [`Cell::Empty`] outside it.
    #[must_use]
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&EMPTY)
    }

    /// The widest row's length.
    #[must_use]
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The source position of a grid cell; `column` `None` means the whole row.
    #[must_use]
    pub fn at(&self, row: usize, column: Option<usize>) -> CellRef {
        let sheet_ref = self.sheet_ref.get_or_init(|| {
            std::sync::Arc::new(crate::model::SheetRef {
                file: self.file.clone(),
                sheet: self.sheet.clone(),
            })
        });
        CellRef {
            sheet_ref: sheet_ref.clone(),
            row: self.row_numbers.get(row).copied().unwrap_or(0),
            column: column.map_or(0, |column| self.first_column + column as u32),
        }
    }

    /// Whether a row holds no cell with content.
    #[must_use]
    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|cells| cells.iter().all(Cell::is_empty))
    }

    /// Evidence for the number format from every text cell ("19,7" for a decimal comma,
    /// "52.4" for a decimal point; "96,245" counts as ambiguous).
    #[must_use]
    pub fn format_vote(&self) -> FormatVote {
        let mut vote = FormatVote::default();
        for cell in self.rows.iter().flatten() {
            if let Cell::Text(text) = cell {
                vote.add(text);
            }
        }
        vote
    }

    /// The number format the grid's text cells imply ([`Grid::format_vote`]); when they do not
    /// decide, `hint` (from the file: a `;` delimiter means a decimal comma), else a decimal
    /// comma if the text is Vietnamese (has letters with diacritics), else a decimal point.
    #[must_use]
    pub fn number_format(&self, hint: Option<NumberFormat>) -> NumberFormat {
        if let Some(format) = self.format_vote().decided().or(hint) {
            return format;
        }
        if self.is_vietnamese() {
            NumberFormat::DecimalComma
        } else {
            NumberFormat::DecimalPoint
        }
    }

    /// Whether any text cell has a letter with a diacritic or "đ" (Vietnamese text).
    #[must_use]
    pub fn is_vietnamese(&self) -> bool {
        self.rows.iter().flatten().any(|cell| match cell {
            Cell::Text(text) => !text.is_ascii() && crate::text::fold(text) != text.to_lowercase(),
            _ => false,
        })
    }

    /// The cell's text when it holds text, else `None` (for tests and previews).
    #[must_use]
    pub fn text_at(&self, row: usize, column: usize) -> Option<&str> {
        match self.cell(row, column) {
            Cell::Text(text) => Some(text),
            _ => None,
        }
    }
}
