//! Reading indicator files: CSV and other delimited text, XLSX/XLSM/XLSB/XLS/ODS workbooks.
//!
//! Two levels:
//! - [`read_grids`] reads any file, indicator table or not, into one [`Grid`] per sheet (a text
//!   file is one grid), with the decisions taken on the way (encoding, delimiter) and the number
//!   format the file suggests.
//! - [`load_path`] and [`load_bytes`] go on to find the indicator table of each grid and return
//!   the strategies the file holds, the warnings attached to cells that could not be read, and
//!   the decisions taken (encoding, delimiter, header row, number format).
//!
//! A file that cannot be read at all gives a [`LoadError`] that names the file and, where known,
//! the sheet, row and column.

pub mod delimited;
pub mod grid;
pub mod legacy;
pub mod limits;
pub mod preview;
pub mod table;
pub mod visibility;
pub mod workbook;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::model::{Indicator, Period, Sentence, Strategy, Warning};
use crate::parse::NumberFormat;
use crate::report::Language;

use grid::Grid;
use table::{Context, NoTable, TableRead};

/// Choices the user can impose instead of the detected ones. Saved with a file's shape in
/// [`preview::Mappings`] so files of the same shape open the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Read only this sheet of a workbook.
    pub sheet: Option<String>,
    /// The header's row, 1-based as the spreadsheet shows it (a CSV line number).
    pub header_row: Option<u32>,
    /// The decimal separator.
    pub number_format: Option<NumberFormat>,
    /// A text encoding label ("utf-8", "windows-1258", "utf-16le", "tcvn3", "vni" …) for
    /// delimited text.
    pub encoding: Option<String>,
    /// Column roles chosen in the import dialog, by column from the first (A); they replace
    /// the detected roles of every sheet read (choose a sheet with [`Self::sheet`]).
    pub columns: Option<Vec<Option<table::Role>>>,
    /// Read the rows and columns a workbook hides (XLSX and ODS; see [`visibility`]) instead
    /// of leaving them out with a warning.
    pub include_hidden: bool,
}

/// What a file gave.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The file name (no folder).
    pub file: String,
    /// Strategies in file order; the sheets of a workbook that share a strategy are merged.
    pub strategies: Vec<Strategy>,
    /// Cells that could not be read as they stood.
    pub warnings: Vec<Warning>,
    /// What was decided while reading, one sentence each.
    pub decisions: Vec<Sentence>,
    /// The change log of a workbook saved by chitieu; empty for other files.
    pub changes: Vec<crate::model::ChangeRecord>,
    /// Whether the file is a workbook saved by chitieu (`FORMAT.md`), which saving may replace;
    /// any other file is never overwritten by a save.
    pub saved_workbook: bool,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// Reading was cancelled ([`Progress::cancel`]).
    #[error("{file}: reading was cancelled")]
    Cancelled {
        /// File name.
        file: String,
    },
    /// The file could not be opened or read.
    #[error("{file}: cannot read the file: {source}")]
    Io {
        /// File name.
        file: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The file is a workbook calamine cannot open (corrupt, truncated, encrypted, not a workbook).
    #[error("{file}: not a readable workbook ({message})")]
    Workbook {
        /// File name.
        file: String,
        /// calamine's reason.
        message: String,
    },
    /// A sheet of a workbook could not be read.
    #[error("{file}, sheet \"{sheet}\": cannot read the sheet ({message})")]
    Sheet {
        /// File name.
        file: String,
        /// Sheet name.
        sheet: String,
        /// calamine's reason.
        message: String,
    },
    /// The sheet the user asked for does not exist.
    #[error("{file}: no sheet named \"{sheet}\"; the sheets are: {available}")]
    NoSuchSheet {
        /// File name.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets there are, quoted and comma-separated.
        available: String,
    },
    /// Delimited text that the CSV reader rejected.
    #[error("{file}, line {line}: {message}")]
    Csv {
        /// File name.
        file: String,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The text encoding named by the user is not known.
    #[error(
        "{file}: unknown text encoding \"{label}\" (try utf-8, utf-16le, windows-1258, tcvn3, vni)"
    )]
    Encoding {
        /// File name.
        file: String,
        /// The label given.
        label: String,
    },
    /// No sheet holds a table with indicator headers.
    #[error(
        "{file}{}: found no indicator table: no row in the first {searched} names both an indicator column (STT, Mã, Chỉ tiêu / Code, Indicator) and a target or actual column (Kế hoạch, Thực hiện / Target, Actual){}",
        in_sheet(.sheet.as_deref(), Language::En),
        part_of_year_hint(.part_of_year.as_deref(), Language::En)
    )]
    NoTable {
        /// File name.
        file: String,
        /// The sheet, for workbooks.
        sheet: Option<String>,
        /// Rows searched.
        searched: usize,
        /// A header for part of a year ("Thực hiện tháng 10"), which was not taken as a yearly
        /// target or result: why a table may not have been found.
        part_of_year: Option<String>,
    },
    /// A workbook saved by chitieu whose content is not as `FORMAT.md` says.
    #[error(transparent)]
    Saved(#[from] crate::store::StoreError),
    /// The table was found but holds no indicator rows.
    #[error(
        "{file}{}: the table under the header on row {row} holds no indicators",
        in_sheet(.sheet.as_deref(), Language::En)
    )]
    NoIndicators {
        /// File name.
        file: String,
        /// The sheet, for workbooks.
        sheet: Option<String>,
        /// The header's row.
        row: u32,
    },
    /// A part of a workbook's zip container would inflate past [`limits::MAX_PART_BYTES`] (or
    /// all parts together past [`limits::MAX_TOTAL_BYTES`]): a zip bomb, or a workbook too large
    /// to open.
    #[error(
        "{file}{}: too large to open: {} to {} MiB, over the limit of {} MiB",
        in_sheet(.sheet.as_deref(), Language::En),
        .part.as_ref().map_or_else(|| "all its parts together inflate".to_owned(), |part| format!("{part} inflates")),
        size >> 20,
        limit >> 20
    )]
    TooLarge {
        /// File name.
        file: String,
        /// The sheet, when the part is a sheet.
        sheet: Option<String>,
        /// The part of the container ("xl/worksheets/sheet1.xml"); `None` for all its parts
        /// together.
        part: Option<String>,
        /// Its uncompressed size in bytes, as the container declares it.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// ", sheet "Tổng hợp"" (", trang tính "Tổng hợp"" in Vietnamese) after a file's name in a
/// message, or nothing for a text file.
fn in_sheet(sheet: Option<&str>, language: Language) -> String {
    match (sheet, language) {
        (None, _) => String::new(),
        (Some(sheet), Language::En) => format!(", sheet \"{sheet}\""),
        (Some(sheet), Language::Vi) => format!(", trang tính \"{sheet}\""),
    }
}

/// Why no table may have been found: a header for part of a year, which is not read as a
/// yearly target or result ("; …"), or nothing.
fn part_of_year_hint(header: Option<&str>, language: Language) -> String {
    match (header, language) {
        (None, _) => String::new(),
        (Some(header), Language::En) => format!(
            "; a column for part of a year (\"{header}\") is not read as a yearly target or result"
        ),
        (Some(header), Language::Vi) => format!(
            "; cột của một phần năm (\"{header}\") không được đọc là kế hoạch hay thực hiện cả năm"
        ),
    }
}

impl LoadError {
    /// The message in `language`: `Display` gives it in English. A saved workbook's error
    /// ([`LoadError::Saved`]) and the system's own reasons stay as they are given.
    #[must_use]
    pub fn text(&self, language: Language) -> String {
        if language == Language::En {
            return self.to_string();
        }
        let vi = Language::Vi;
        match self {
            Self::Cancelled { file } => format!("{file}: đã huỷ việc đọc tệp"),
            Self::Io { file, source } => format!("{file}: không đọc được tệp: {source}"),
            Self::Empty { file } => format!("{file}: tệp trống"),
            Self::Workbook { file, message } => {
                format!("{file}: không đọc được sổ tính ({message})")
            }
            Self::Sheet {
                file,
                sheet,
                message,
            } => format!("{file}, trang tính \"{sheet}\": không đọc được trang tính ({message})"),
            Self::NoSuchSheet {
                file,
                sheet,
                available,
            } => format!(
                "{file}: không có trang tính tên \"{sheet}\"; các trang tính là: {available}"
            ),
            Self::Csv {
                file,
                line,
                message,
            } => format!("{file}, dòng {line}: {message}"),
            Self::Encoding { file, label } => format!(
                "{file}: không biết bảng mã \"{label}\" (hãy thử utf-8, utf-16le, windows-1258, tcvn3, vni)"
            ),
            Self::NoTable {
                file,
                sheet,
                searched,
                part_of_year,
            } => format!(
                "{file}{}: không tìm thấy bảng chỉ tiêu: trong {searched} dòng đầu, không dòng nào nêu cả cột chỉ tiêu (STT, Mã, Chỉ tiêu) và cột kế hoạch hoặc thực hiện (Kế hoạch, Thực hiện){}",
                in_sheet(sheet.as_deref(), vi),
                part_of_year_hint(part_of_year.as_deref(), vi)
            ),
            Self::Saved(error) => error.to_string(),
            Self::NoIndicators { file, sheet, row } => format!(
                "{file}{}: bảng dưới dòng tiêu đề {row} không có chỉ tiêu nào",
                in_sheet(sheet.as_deref(), vi)
            ),
            Self::TooLarge {
                file,
                sheet,
                part,
                size,
                limit,
            } => format!(
                "{file}{}: quá lớn để mở: {} giải nén thành {} MiB, vượt giới hạn {} MiB",
                in_sheet(sheet.as_deref(), vi),
                part.as_deref().unwrap_or("toàn bộ các phần"),
                size >> 20,
                limit >> 20
            ),
        }
    }

    /// The message in both languages (see [`Self::text`]).
    #[must_use]
    pub fn sentence(&self) -> Sentence {
        Sentence::new(self.text(Language::En), self.text(Language::Vi))
    }
}

/// Which reader a file needs, from its first bytes (not its name, which may lie).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A zip container: XLSX, XLSM, XLSB or ODS.
    Zip,
    /// An OLE compound file: XLS.
    Ole,
    /// Anything else: delimited text.
    Text,
}

impl FileKind {
    /// Recognises a file by its magic bytes.
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") {
            Self::Zip
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Self::Ole
        } else {
            Self::Text
        }
    }
}

/// Reads a file from disk.
pub fn load_path(path: &Path, options: &ImportOptions) -> Result<Loaded, LoadError> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    load_bytes(&file, &bytes, options)
}

/// Reads a workbook saved by chitieu exactly, with no detection (`FORMAT.md`); `None` for any
/// other file.
fn load_saved(file: &str, bytes: &[u8]) -> Result<Option<Loaded>, LoadError> {
    if FileKind::sniff(bytes) != FileKind::Zip {
        return Ok(None);
    }
    limits::check_zip(file, bytes)?;
    let Ok(workbook) = workbook::open(bytes) else {
        return Ok(None);
    };
    if !crate::store::is_chitieu_workbook(&workbook::sheet_names(&workbook)) {
        return Ok(None);
    }
    let document = crate::store::from_xlsx(file, bytes)?;
    Ok(Some(Loaded {
        file: file.to_owned(),
        strategies: document.strategies,
        warnings: document.warnings,
        decisions: vec![Sentence::new(
            "a workbook saved by chitieu (FORMAT.md), read as saved",
            "sổ tính do chitieu lưu (FORMAT.md), đọc như đã lưu",
        )],
        changes: document.changes,
        saved_workbook: true,
    }))
}

/// How far a reader has come, shared with whoever watches it (another thread), and a way to
/// stop it. Delimited text reports the share of its bytes read after each chunk of rows and
/// stops there when cancelled; a workbook reports once open and as each sheet is read (an XLSX
/// sheet chunk by chunk, against the rows it declares), and an XLSX sheet stops between chunks
/// of rows when cancelled.
#[derive(Debug, Default)]
pub struct Progress {
    /// Parts done and in all, in units the reader chooses (bytes, sheets); 0 in all when
    /// nothing is known yet.
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// The share read, from 0 to 1; `None` before the reader knows.
    #[must_use]
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0)
            .then(|| (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32)
    }

    /// Asks the reader to stop at its next step; it then returns [`LoadError::Cancelled`].
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Self::cancel`] was called.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn report(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }
}

/// Reads a file's bytes; `file` is its name, used in positions and for the strategy code.
pub fn load_bytes(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<Loaded, LoadError> {
    load_bytes_watched(file, bytes, options, &Progress::default())
}

/// [`load_bytes`], reporting to `progress` and stopping with [`LoadError::Cancelled`] when it
/// is cancelled.
pub fn load_bytes_watched(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    if let Some(loaded) = load_saved(file, bytes)? {
        return Ok(loaded);
    }
    if FileKind::sniff(bytes) == FileKind::Text {
        return load_text(file, bytes, options, progress);
    }
    load_workbook(file, bytes, options, progress, true)
}

/// Progress units in a step of reading a workbook (opening it, reading a sheet).
const PROGRESS_STEP: u64 = 1000;

/// Rows of an XLSX sheet in its first chunk, where its table's header and number format are
/// decided, and in each later chunk ([`workbook::stream_xlsx`]).
const SHEET_FIRST_ROWS: u32 = 256;
const SHEET_CHUNK_ROWS: u32 = 512;

/// Reads a workbook's sheets into indicators, sheet by sheet. An XLSX sheet's table is read a
/// chunk of rows at a time on this thread while calamine reads the next rows on another
/// ([`stream_sheet`]); when that could read it otherwise than whole, and for other kinds of
/// workbook, a sheet is read whole first ([`workbook::sheet_grid`]). `stream` false reads every
/// sheet whole (to check that both ways read the same).
fn load_workbook(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &Progress,
    stream: bool,
) -> Result<Loaded, LoadError> {
    check_not_blank(file, bytes)?;
    let (mut workbook, sheets) = open_sheets(file, bytes, options)?;
    let mut context = Context::for_file(file);
    context.number_format = options.number_format;
    context.fallback_format = options.number_format;
    context.roles.clone_from(&options.columns);
    let mut loaded = Loaded {
        file: file.to_owned(),
        ..Loaded::default()
    };
    // What is told of the sheets themselves (hidden content, legacy encoding) comes before
    // what their tables tell.
    let mut sheet_decisions = Vec::new();
    let mut sheet_warnings = Vec::new();
    let mut first_failure = None;
    // Opening the workbook is the first step; each sheet read is one more, reported in
    // thousandths as an XLSX sheet's chunks are read.
    let steps = (1 + sheets.len() as u64) * PROGRESS_STEP;
    progress.report(PROGRESS_STEP, steps);
    let sheets = &sheets;
    let cancelled = || LoadError::Cancelled {
        file: file.to_owned(),
    };
    std::thread::scope(|scope| -> Result<(), LoadError> {
        let hidden = HiddenSheets::start(scope, bytes, sheets);
        let hidden_of = |sheet: &str| hidden.of(bytes, sheets, sheet);
        for (step, sheet) in (1..).zip(sheets) {
            if progress.is_cancelled() {
                return Err(cancelled());
            }
            let before = step * PROGRESS_STEP;
            let read_share = |share: f64| {
                // Whole thousandths, short of the step's end until the sheet is read.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let done = (share.clamp(0.0, 1.0) * (PROGRESS_STEP - 1) as f64) as u64;
                progress.report(before + done, steps);
            };
            let streamed = match &mut workbook {
                calamine::Sheets::Xlsx(xlsx) if stream && options.header_row.is_none() => {
                    stream_sheet(
                        xlsx,
                        sheet,
                        file,
                        &hidden_of,
                        options,
                        &context,
                        progress,
                        &read_share,
                    )
                }
                _ => None,
            };
            if progress.is_cancelled() {
                return Err(cancelled());
            }
            let read = if let Some(streamed) = streamed {
                sheet_notes(
                    file,
                    sheet,
                    &streamed.hidden_content,
                    streamed.legacy,
                    options,
                    &mut sheet_decisions,
                    &mut sheet_warnings,
                );
                Ok(streamed.read)
            } else {
                let grid = whole_sheet(
                    &mut workbook,
                    file,
                    sheet,
                    || hidden_of(sheet),
                    options,
                    &mut sheet_decisions,
                    &mut sheet_warnings,
                )?;
                let header_row = forced_row(&grid, options.header_row);
                // The grid is let go as it is read.
                table::read_table_owned(grid, &context, header_row)
            };
            match read {
                Ok(read) => absorb(&mut loaded, read, Some(sheet)),
                Err(NoTable {
                    searched,
                    part_of_year,
                }) => {
                    loaded.decisions.push(Sentence::new(
                        format!("sheet \"{sheet}\": no indicator table, skipped"),
                        format!("trang tính \"{sheet}\": không có bảng chỉ tiêu, bỏ qua"),
                    ));
                    first_failure.get_or_insert(LoadError::NoTable {
                        file: file.to_owned(),
                        sheet: Some(sheet.clone()),
                        searched,
                        part_of_year,
                    });
                }
            }
            progress.report(before + PROGRESS_STEP, steps);
        }
        Ok(())
    })?;
    sheet_decisions.append(&mut loaded.decisions);
    loaded.decisions = sheet_decisions;
    sheet_warnings.append(&mut loaded.warnings);
    loaded.warnings = sheet_warnings;
    if loaded.strategies.is_empty() {
        return Err(first_failure.unwrap_or(LoadError::NoTable {
            file: file.to_owned(),
            sheet: None,
            searched: 0,
            part_of_year: None,
        }));
    }
    Ok(loaded)
}

/// An XLSX sheet's table read while the sheet is ([`stream_sheet`]).
struct StreamedSheet {
    read: TableRead,
    hidden_content: visibility::HiddenContent,
    legacy: Option<legacy::Legacy>,
}

/// Reads an XLSX sheet's table a chunk of rows at a time as calamine reads them on a second
/// thread ([`workbook::stream_xlsx`], [`table::read_table_streamed`]). `None` when the sheet
/// is to be read whole instead, to the same end as before: its chunks were not the whole
/// read's rows, the whole sheet's cells decide another number format than the first chunk's,
/// the first chunk has no table, the sheet has no cells, calamine failed (reading it whole
/// gives the error), no thread could be started, or the reading was cancelled.
///
/// `read_share` is told the share of the sheet's rows read so far (from 0 to 1, by the rows the
/// sheet declares it spans) as chunks are read.
#[allow(clippy::too_many_arguments)]
fn stream_sheet<'h>(
    xlsx: &mut calamine::Xlsx<std::io::Cursor<&[u8]>>,
    sheet: &str,
    file: &str,
    hidden_of: &(impl Fn(&str) -> Option<&'h visibility::Hidden> + Sync),
    options: &ImportOptions,
    context: &Context,
    progress: &Progress,
    read_share: &(impl Fn(f64) + Sync),
) -> Option<StreamedSheet> {
    std::thread::scope(|scope| {
        let (full, chunks) = std::sync::mpsc::sync_channel::<Grid>(2);
        let worker = std::thread::Builder::new()
            .name("chitieu-sheet".into())
            .spawn_scoped(scope, move || {
                workbook::stream_xlsx(
                    xlsx,
                    sheet,
                    file,
                    || hidden_of(sheet),
                    options.include_hidden,
                    SHEET_FIRST_ROWS,
                    SHEET_CHUNK_ROWS,
                    |grid, declared_rows| {
                        if let (Some(declared), Some(last)) =
                            (declared_rows, grid.row_numbers.last())
                        {
                            read_share(f64::from(*last) / f64::from(declared));
                        }
                        // The reader stops taking chunks when it is cancelled or finds no table.
                        full.send(grid).is_ok()
                    },
                )
            })
            .ok()?;
        let read = chunks.recv().ok().map(|mut grid| {
            table::read_table_streamed(&mut grid, context, |grid| {
                if progress.is_cancelled() {
                    return false;
                }
                match chunks.recv() {
                    Ok(next) => {
                        *grid = next;
                        true
                    }
                    Err(_) => false,
                }
            })
        });
        drop(chunks);
        let ended = worker.join().ok()?.ok()?;
        if !ended.same_as_whole || progress.is_cancelled() {
            return None;
        }
        Some(StreamedSheet {
            read: read?.ok()??,
            hidden_content: ended.hidden_content,
            legacy: ended.legacy,
        })
    })
}

/// A file read into grids, before any indicator table is looked for.
#[derive(Clone, Debug, Default)]
pub struct RawFile {
    /// The file name (no folder).
    pub file: String,
    /// One grid per sheet read, in workbook order; a text file gives one grid.
    pub grids: Vec<Grid>,
    /// For delimited text: how it was decoded and split.
    pub text: Option<TextLayout>,
    /// The number format the file itself suggests when its cells do not decide: a decimal
    /// comma for `;`-delimited text (Excel writes `;` where `,` is the decimal separator), or
    /// the one the user chose.
    pub number_format_hint: Option<NumberFormat>,
    /// What was decided while reading, one sentence each.
    pub decisions: Vec<Sentence>,
    /// Problems with the file as a whole (bytes not valid in its encoding, a legacy encoding
    /// converted).
    pub warnings: Vec<Warning>,
}

impl RawFile {
    /// The number format of grid `index`: the user's choice, else what its text cells imply,
    /// else the file's hint, else by its language (see [`Grid::number_format`]).
    #[must_use]
    pub fn number_format(&self, index: usize, options: &ImportOptions) -> NumberFormat {
        if let Some(format) = options.number_format {
            return format;
        }
        self.grids.get(index).map_or_else(
            || self.number_format_hint.unwrap_or_default(),
            |grid| grid.number_format(self.number_format_hint),
        )
    }
}

/// How delimited text was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextLayout {
    /// The encoding's name ("UTF-8", "UTF-16LE", "windows-1258", "TCVN3 (ABC)" …).
    pub encoding: &'static str,
    /// Whether the file starts with a byte order mark.
    pub bom: bool,
    /// The legacy Vietnamese encoding the text was converted from, if any.
    pub legacy: Option<legacy::Legacy>,
    /// The field delimiter.
    pub delimiter: u8,
    /// Whether the delimiter came from Excel's `sep=` first line (which is then not a row).
    pub sep_line: bool,
}

/// Reads any file into grids: a workbook gives one grid per sheet (only the sheet the user
/// chose, if any), delimited text one grid. Nothing here needs the file to be an indicator
/// table.
pub fn read_grids(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<RawFile, LoadError> {
    read_grids_head(file, bytes, options, usize::MAX)
}

/// [`read_grids`], but of delimited text only the first `rows` rows (a preview of a large
/// file); workbook sheets are read whole.
pub fn read_grids_head(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    rows: usize,
) -> Result<RawFile, LoadError> {
    check_not_blank(file, bytes)?;
    let mut raw = match FileKind::sniff(bytes) {
        FileKind::Zip | FileKind::Ole => read_workbook(file, bytes, options)?,
        FileKind::Text => read_text(file, bytes, options, rows)?,
    };
    if let Some(format) = options.number_format {
        raw.number_format_hint = Some(format);
    }
    Ok(raw)
}

fn check_not_blank(file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(())
}

/// The rows of a text file read before anything is decided: its header, title and number
/// format are found in them (the same rows a preview shows). The rest is read a chunk at a
/// time, so that a large file is never held as cells all at once.
pub const FIRST_ROWS: usize = 10_000;

/// Rows per chunk after the first ones.
const CHUNK_ROWS: usize = 4_096;

/// Reads delimited text into indicators, a chunk of rows at a time.
fn load_text(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    check_not_blank(file, bytes)?;
    let mut open = open_text(file, bytes, options)?;
    let mut context = Context::for_file(file);
    context.number_format = options.number_format;
    context.fallback_format = options.number_format.or(open.number_format_hint());
    context.roles.clone_from(&options.columns);
    let mut loaded = Loaded {
        file: file.to_owned(),
        warnings: std::mem::take(&mut open.warnings),
        decisions: std::mem::take(&mut open.decisions),
        ..Loaded::default()
    };
    let mut rows = open.rows();
    let mut grid = OpenText::grid(file);
    let more = rows
        .fill(&mut grid, FIRST_ROWS)
        .map_err(|error| open.csv_error(file, &error))?;
    let header_row = forced_row(&grid, options.header_row);
    // The rows are most of the work; totals of breakdowns and directions come after them.
    let total = open.body().len() as u64;
    let all = total + total / 20;
    progress.report(rows.bytes_read(), all);
    let mut failure = None;
    let threaded = if more {
        let failure = &mut failure;
        let rows = &mut rows;
        let grid = &mut grid;
        let context = &context;
        std::thread::scope(|scope| {
            // Splitting rows into cells and reading cells into indicators take about as long
            // as each other: a second thread splits the next chunks while this one reads.
            let (full, chunks) = std::sync::mpsc::sync_channel::<Result<Grid, csv::Error>>(2);
            let (spare, spares) = std::sync::mpsc::channel::<Grid>();
            let splitter = std::thread::Builder::new()
                .name("chitieu-split".into())
                .spawn_scoped(scope, move || {
                    loop {
                        let mut grid = spares.try_recv().unwrap_or_else(|_| OpenText::grid(file));
                        rows.recycle(&mut grid);
                        let filled = rows.fill(&mut grid, CHUNK_ROWS);
                        progress.report(rows.bytes_read(), all);
                        let last = !matches!(filled, Ok(true)) || progress.is_cancelled();
                        // The reader stops taking chunks when it is cancelled or done.
                        if full.send(filled.map(|_| grid)).is_err() || last {
                            break;
                        }
                    }
                });
            // Without a second thread, the chunks are split on this one (below).
            splitter.ok()?;
            Some(table::read_table_in_chunks(
                grid,
                context,
                header_row,
                move |grid| {
                    if progress.is_cancelled() {
                        return false;
                    }
                    match chunks.recv() {
                        Ok(Ok(next)) => {
                            let used = std::mem::replace(grid, next);
                            // The splitter reuses the rows' memory; it may have stopped.
                            let _ = spare.send(used);
                            !grid.rows.is_empty()
                        }
                        Ok(Err(error)) => {
                            *failure = Some(error);
                            false
                        }
                        Err(_) => false,
                    }
                },
            ))
        })
    } else {
        None
    };
    let read = match threaded {
        Some(read) => read,
        None => table::read_table_in_chunks(&mut grid, &context, header_row, |grid| {
            progress.report(rows.bytes_read(), all);
            rows.recycle(grid);
            if progress.is_cancelled() {
                return false;
            }
            match rows.fill(grid, CHUNK_ROWS) {
                Ok(_) => !grid.rows.is_empty(),
                Err(error) => {
                    failure = Some(error);
                    false
                }
            }
        }),
    };
    if let Some(error) = failure {
        return Err(open.csv_error(file, &error));
    }
    loaded.warnings.extend(cut_warning(file, rows.cut_lines()));
    if progress.is_cancelled() {
        return Err(LoadError::Cancelled {
            file: file.to_owned(),
        });
    }
    progress.report(all, all);
    match read {
        Ok(read) => {
            let header_row = read.header_row;
            absorb(&mut loaded, read, None);
            check_not_empty(&loaded, None, header_row)?;
            Ok(loaded)
        }
        Err(NoTable {
            searched,
            part_of_year,
        }) => Err(LoadError::NoTable {
            file: file.to_owned(),
            sheet: None,
            searched,
            part_of_year,
        }),
    }
}

/// Delimited text decoded, with its delimiter found, before its rows are split.
struct OpenText<'a> {
    decoded: delimited::Decoded<'a>,
    /// Where the rows start in the decoded text (after a `sep=` line).
    body_start: usize,
    delimiter: u8,
    /// The file's line of the first row.
    first_line: u32,
    sep_line: bool,
    decisions: Vec<Sentence>,
    warnings: Vec<Warning>,
}

impl OpenText<'_> {
    /// The text of the rows.
    fn body(&self) -> &str {
        &self.decoded.text[self.body_start..]
    }

    fn rows(&self) -> delimited::Rows<'_> {
        delimited::Rows::new(self.body(), self.delimiter, self.first_line)
    }

    fn grid(file: &str) -> Grid {
        Grid {
            file: file.into(),
            first_column: 1,
            ..Grid::default()
        }
    }

    /// A malformed record, with the file's line.
    fn csv_error(&self, file: &str, error: &csv::Error) -> LoadError {
        LoadError::Csv {
            file: file.to_owned(),
            line: error.position().map_or(0, |position| {
                delimited::line_at(self.body(), position.byte()) + u64::from(self.first_line) - 1
            }),
            message: error.to_string(),
        }
    }

    /// Excel writes ';' where ',' is the decimal separator.
    fn number_format_hint(&self) -> Option<NumberFormat> {
        (self.delimiter == b';').then_some(NumberFormat::DecimalComma)
    }

    fn layout(&self) -> TextLayout {
        TextLayout {
            encoding: self.decoded.encoding,
            bom: self.decoded.bom,
            legacy: self.decoded.legacy,
            delimiter: self.delimiter,
            sep_line: self.sep_line,
        }
    }
}

/// Reads up to `limit` rows of delimited text into one grid.
fn read_text(
    file: &str,
    bytes: &[u8],
    options: &ImportOptions,
    limit: usize,
) -> Result<RawFile, LoadError> {
    let open = open_text(file, bytes, options)?;
    let mut grid = OpenText::grid(file);
    let mut rows = open.rows();
    rows.fill(&mut grid, limit)
        .map_err(|error| open.csv_error(file, &error))?;
    let cut = cut_warning(file, rows.cut_lines());
    let mut warnings = open.warnings.clone();
    warnings.extend(cut);
    Ok(RawFile {
        file: file.to_owned(),
        grids: vec![grid],
        text: Some(open.layout()),
        number_format_hint: open.number_format_hint(),
        decisions: open.decisions.clone(),
        warnings,
    })
}

/// The warning for lines whose content past the last column a spreadsheet has was left out.
fn cut_warning(file: &str, lines: &[u32]) -> Option<Warning> {
    if lines.is_empty() {
        return None;
    }
    let (what, verb) = if lines.len() == 1 {
        ("line", "has")
    } else {
        ("lines", "have")
    };
    let spans = visibility::spans(lines, |line| line.to_string());
    Some(Warning {
        at: crate::model::CellRef::new(file, None, lines[0], 0),
        message: Sentence::new(
            format!(
                "{what} {spans} {verb} content past column XFD (16,384), the last a spreadsheet has; it was not read"
            ),
            format!(
                "dòng {spans} có nội dung sau cột XFD (16.384), cột cuối cùng của một bảng tính; phần đó không được đọc"
            ),
        ),
    })
}

fn open_text<'a>(
    file: &str,
    bytes: &'a [u8],
    options: &ImportOptions,
) -> Result<OpenText<'a>, LoadError> {
    let forced =
        match &options.encoding {
            Some(label) => Some(delimited::TextEncoding::for_label(label).ok_or_else(|| {
                LoadError::Encoding {
                    file: file.to_owned(),
                    label: label.clone(),
                }
            })?),
            None => None,
        };
    let decoded = delimited::decode(bytes, forced);
    let mut decisions = vec![Sentence::new(
        format!(
            "encoding: {}{}",
            decoded.encoding,
            if decoded.bom {
                " (byte order mark)"
            } else {
                ""
            }
        ),
        format!(
            "bảng mã: {}{}",
            decoded.encoding,
            if decoded.bom { " (có BOM)" } else { "" }
        ),
    )];
    let mut warnings = Vec::new();
    let whole_file = || crate::model::CellRef::new(file, None, 0, 0);
    if decoded.had_errors {
        warnings.push(Warning {
            at: whole_file(),
            message: Sentence::new(
                format!(
                    "some bytes are not valid {}; they show as \u{fffd}. Choose the file's encoding if the text looks wrong",
                    decoded.encoding
                ),
                format!(
                    "một số byte không hợp lệ theo {}; chúng hiện thành \u{fffd}. Hãy chọn bảng mã của tệp nếu chữ hiển thị sai",
                    decoded.encoding
                ),
            ),
        });
    }
    if let Some(legacy) = decoded.legacy {
        decisions.push(Sentence::new(
            format!(
                "text converted from the legacy Vietnamese encoding {} to Unicode",
                legacy.name()
            ),
            format!(
                "chữ được chuyển từ bảng mã tiếng Việt cũ {} sang Unicode",
                legacy.name()
            ),
        ));
        let (capitals, capitals_vi) = if legacy == legacy::Legacy::Tcvn3 {
            (
                "; TCVN3 has no capital letters with tone marks, so such letters (set in a capital font) read as small ones",
                "; TCVN3 không có chữ hoa mang dấu, nên những chữ ấy (gõ bằng phông chữ hoa) được đọc thành chữ thường",
            )
        } else {
            ("", "")
        };
        warnings.push(Warning {
            at: whole_file(),
            message: Sentence::new(
                format!(
                    "the file is in the legacy Vietnamese encoding {}; its text was converted to Unicode{capitals}. Choose another encoding if the text looks wrong",
                    legacy.name()
                ),
                format!(
                    "tệp dùng bảng mã tiếng Việt cũ {}; chữ đã được chuyển sang Unicode{capitals_vi}. Hãy chọn bảng mã khác nếu chữ hiển thị sai",
                    legacy.name()
                ),
            ),
        });
    }
    let sep_line = delimited::sep_line(&decoded.text);
    let (delimiter, body_start, first_line) = if let Some((delimiter, rest)) = sep_line {
        decisions.push(Sentence::new(
            format!(
                "delimiter {} (from the file's sep= line)",
                describe_delimiter(delimiter)
            ),
            format!(
                "dấu phân cách {} (theo dòng sep= của tệp)",
                describe_delimiter(delimiter)
            ),
        ));
        (delimiter, decoded.text.len() - rest.len(), 2)
    } else {
        let delimiter = delimited::sniff_delimiter(&decoded.text);
        decisions.push(Sentence::new(
            format!("delimiter {}", describe_delimiter(delimiter)),
            format!("dấu phân cách {}", describe_delimiter(delimiter)),
        ));
        (delimiter, 0, 1)
    };
    Ok(OpenText {
        body_start,
        delimiter,
        first_line,
        sep_line: sep_line.is_some(),
        decoded,
        decisions,
        warnings,
    })
}

/// A workbook open on its bytes.
type Workbook<'b> = calamine::Sheets<std::io::Cursor<&'b [u8]>>;

/// Opens a workbook after the checks on its size ([`limits`]) and lists the sheets to read:
/// all of them, or the one the options name (its name matched without case or diacritics).
fn open_sheets<'b>(
    file: &str,
    bytes: &'b [u8],
    options: &ImportOptions,
) -> Result<(Workbook<'b>, Vec<String>), LoadError> {
    limits::check_zip(file, bytes)?;
    limits::check_ole(file, bytes)?;
    let workbook = workbook::open(bytes).map_err(|error| LoadError::Workbook {
        file: file.to_owned(),
        message: error.to_string(),
    })?;
    let names = workbook::sheet_names(&workbook);
    let sheets: Vec<String> = match &options.sheet {
        Some(sheet) => {
            let found = names
                .iter()
                .find(|name| crate::text::fold(name) == crate::text::fold(sheet))
                .ok_or_else(|| LoadError::NoSuchSheet {
                    file: file.to_owned(),
                    sheet: sheet.clone(),
                    available: names
                        .iter()
                        .map(|name| format!("\"{name}\""))
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            vec![found.clone()]
        }
        None => names,
    };
    Ok((workbook, sheets))
}

/// The hidden rows and columns of a workbook's sheets, found by a pass of their own over the
/// sheets' XML on a second thread (started by [`HiddenSheets::start`]) while calamine reads
/// cells; asked for once a sheet's cells are read.
struct HiddenSheets<'scope> {
    found: std::sync::OnceLock<std::collections::HashMap<String, visibility::Hidden>>,
    pending: std::sync::Mutex<
        Option<
            std::thread::ScopedJoinHandle<
                'scope,
                std::collections::HashMap<String, visibility::Hidden>,
            >,
        >,
    >,
}

impl<'scope> HiddenSheets<'scope> {
    fn start<'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        bytes: &'env [u8],
        sheets: &'env [String],
    ) -> Self {
        let pending = std::thread::Builder::new()
            .name("chitieu-visibility".into())
            .spawn_scoped(scope, move || visibility::hidden_in_workbook(bytes, sheets))
            .ok();
        Self {
            found: std::sync::OnceLock::new(),
            pending: std::sync::Mutex::new(pending),
        }
    }

    /// What `sheet` hides, waiting for the pass if it is still running (or making it here if
    /// no thread could be started).
    fn of(&self, bytes: &[u8], sheets: &[String], sheet: &str) -> Option<&visibility::Hidden> {
        self.found
            .get_or_init(|| {
                let pending = self
                    .pending
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .take();
                match pending {
                    Some(thread) => thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    None => visibility::hidden_in_workbook(bytes, sheets),
                }
            })
            .get(sheet)
    }
}

fn read_workbook(file: &str, bytes: &[u8], options: &ImportOptions) -> Result<RawFile, LoadError> {
    let (mut workbook, sheets) = open_sheets(file, bytes, options)?;
    let mut grids = Vec::with_capacity(sheets.len());
    let mut decisions = Vec::new();
    let mut warnings = Vec::new();
    let sheets = &sheets;
    std::thread::scope(|scope| -> Result<(), LoadError> {
        let hidden = HiddenSheets::start(scope, bytes, sheets);
        for sheet in sheets {
            grids.push(whole_sheet(
                &mut workbook,
                file,
                sheet,
                || hidden.of(bytes, sheets, sheet),
                options,
                &mut decisions,
                &mut warnings,
            )?);
        }
        Ok(())
    })?;
    Ok(RawFile {
        file: file.to_owned(),
        grids,
        decisions,
        warnings,
        ..RawFile::default()
    })
}

/// Reads a whole sheet into a grid ([`workbook::sheet_grid`], `hidden` asked for what it
/// hides once its cells are read): text typed in a legacy Vietnamese encoding is converted,
/// and [`sheet_notes`] are made.
fn whole_sheet<'h>(
    workbook: &mut Workbook<'_>,
    file: &str,
    sheet: &str,
    hidden: impl FnOnce() -> Option<&'h visibility::Hidden>,
    options: &ImportOptions,
    decisions: &mut Vec<Sentence>,
    warnings: &mut Vec<Warning>,
) -> Result<Grid, LoadError> {
    let (mut grid, hidden_content) =
        workbook::sheet_grid(workbook, sheet, file, hidden, options.include_hidden).map_err(
            |error| LoadError::Sheet {
                file: file.to_owned(),
                sheet: sheet.to_owned(),
                message: error.to_string(),
            },
        )?;
    let legacy = workbook::convert_legacy_text(&mut grid);
    sheet_notes(
        file,
        sheet,
        &hidden_content,
        legacy,
        options,
        decisions,
        warnings,
    );
    Ok(grid)
}

/// What is told of a sheet itself: what it hid (a warning, or a decision when hidden cells
/// were read on request), and the legacy Vietnamese encoding its text was converted from.
fn sheet_notes(
    file: &str,
    sheet: &str,
    hidden_content: &visibility::HiddenContent,
    legacy: Option<legacy::Legacy>,
    options: &ImportOptions,
    decisions: &mut Vec<Sentence>,
    warnings: &mut Vec<Warning>,
) {
    if !hidden_content.is_empty() {
        let sentence = hidden_content.sentence(options.include_hidden);
        if options.include_hidden {
            decisions.push(Sentence::new(
                format!("sheet \"{sheet}\": {}", sentence.en),
                format!("trang tính \"{sheet}\": {}", sentence.vi),
            ));
        } else {
            warnings.push(Warning {
                at: crate::model::CellRef::new(file, Some(sheet.into()), 0, 0),
                message: sentence,
            });
        }
    }
    if let Some(legacy) = legacy {
        decisions.push(Sentence::new(
                format!(
                    "sheet \"{sheet}\": text converted from the legacy Vietnamese encoding {} to Unicode",
                    legacy.name()
                ),
                format!(
                    "trang tính \"{sheet}\": chữ được chuyển từ bảng mã tiếng Việt cũ {} sang Unicode",
                    legacy.name()
                ),
            ));
        warnings.push(Warning {
                at: crate::model::CellRef::new(file, Some(sheet.into()), 0, 0),
                message: Sentence::new(
                    format!(
                        "the sheet was typed in the legacy Vietnamese encoding {} (its text shows as \"ChØ tiªu\" without the font); it was converted to Unicode",
                        legacy.name()
                    ),
                    format!(
                        "trang tính được gõ bằng bảng mã tiếng Việt cũ {} (không có phông ấy thì chữ hiện thành \"ChØ tiªu\"); chữ đã được chuyển sang Unicode",
                        legacy.name()
                    ),
                ),
            });
    }
}

/// The grid index of a 1-based row chosen by the user.
fn forced_row(grid: &Grid, row: Option<u32>) -> Option<usize> {
    let row = row?;
    grid.row_numbers.iter().position(|number| *number >= row)
}

fn describe_delimiter(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".to_owned(),
        b';' => "\";\"".to_owned(),
        b',' => "\",\"".to_owned(),
        other => format!("\"{}\"", char::from(other)),
    }
}

/// A header with no indicator row under it is an error for a text file (whose one table is
/// all it has); `row` is the header's row in the file.
fn check_not_empty(loaded: &Loaded, sheet: Option<&str>, row: u32) -> Result<(), LoadError> {
    let any = loaded
        .strategies
        .iter()
        .any(|strategy| !strategy.indicators.is_empty() || !strategy.budget.is_empty());
    if any {
        return Ok(());
    }
    Err(LoadError::NoIndicators {
        file: loaded.file.clone(),
        sheet: sheet.map(str::to_owned),
        row,
    })
}

/// Adds one table's strategies to what a file gave: a strategy already there (same code, as
/// when a workbook's yearly sheet repeats its summary sheet's indicators) takes the new periods
/// of its indicators; a value given twice that disagrees is a warning and the first is kept.
fn absorb(loaded: &mut Loaded, read: TableRead, sheet: Option<&str>) {
    let (prefix, prefix_vi) = sheet
        .map(|sheet| {
            (
                format!("sheet \"{sheet}\": "),
                format!("trang tính \"{sheet}\": "),
            )
        })
        .unwrap_or_default();
    loaded
        .decisions
        .extend(read.decisions.into_iter().map(|decision| {
            Sentence::new(
                format!("{prefix}{}", decision.en),
                format!("{prefix_vi}{}", decision.vi),
            )
        }));
    loaded.warnings.extend(read.warnings);
    for strategy in read.strategies {
        match loaded
            .strategies
            .iter_mut()
            .find(|existing| existing.code == strategy.code)
        {
            Some(existing) => merge_strategy(existing, strategy, &mut loaded.warnings),
            None => loaded.strategies.push(strategy),
        }
    }
}

fn merge_strategy(into: &mut Strategy, from: Strategy, warnings: &mut Vec<Warning>) {
    if into.span.is_none() {
        into.span = from.span;
    }
    for goal in from.goals {
        if into.goal(&goal.code).is_none() {
            into.goals.push(goal);
        }
    }
    into.budget.extend(from.budget);
    for indicator in from.indicators {
        let existing = into.indicators.iter_mut().find(|candidate| {
            if indicator.code.is_empty() {
                candidate.name == indicator.name
            } else {
                candidate.code == indicator.code
            }
        });
        match existing {
            Some(existing) => merge_indicator(existing, indicator, warnings),
            None => into.indicators.push(indicator),
        }
    }
}

fn merge_indicator(into: &mut Indicator, from: Indicator, warnings: &mut Vec<Warning>) {
    into.cumulative |= from.cumulative;
    let code = into.code.clone();
    for value in from.values {
        let period = value.period;
        let existing_unit = into.unit.clone();
        let slot = into.value_mut(period);
        if let Some(target) = value.target {
            match &slot.target {
                None => slot.target = Some(target),
                Some(kept) if agrees(kept.value, target.value, &target.text) => {}
                Some(kept) => warnings.push(Warning {
                    at: target.origin.clone().unwrap_or_default(),
                    message: conflict(
                        Field::Target,
                        period,
                        &code,
                        &target.text,
                        kept.text.as_str(),
                        kept.origin.as_ref(),
                    ),
                }),
            }
        }
        if let Some(actual) = value.actual {
            match &slot.actual {
                None => slot.actual = Some(actual),
                Some(kept) => {
                    let (Some(a), Some(b)) =
                        (kept.value(&existing_unit), actual.value(&existing_unit))
                    else {
                        continue;
                    };
                    if !agrees(a, b, &actual.text) {
                        warnings.push(Warning {
                            at: actual.origin.clone().unwrap_or_default(),
                            message: conflict(
                                Field::Actual,
                                period,
                                &code,
                                &actual.text,
                                kept.text.as_str(),
                                kept.origin.as_ref(),
                            ),
                        });
                    }
                }
            }
        }
        if slot.assessment.is_none() {
            slot.assessment = value.assessment;
        }
    }
}

/// The figure a [`conflict`] is about.
#[derive(Clone, Copy)]
enum Field {
    Target,
    Actual,
}

/// The warning for a figure given twice with different values: `period`'s target or actual
/// result of indicator `code` reads `here` at the warning's position and `kept` at `kept_at`,
/// and the latter is kept.
fn conflict(
    field: Field,
    period: Period,
    code: &str,
    here: &str,
    kept: &str,
    kept_at: Option<&crate::model::CellRef>,
) -> Sentence {
    let kept_at = kept_at.cloned().unwrap_or_default();
    let (what, what_vi) = match field {
        Field::Target => ("target", "kế hoạch"),
        Field::Actual => ("actual", "thực hiện"),
    };
    Sentence::new(
        format!(
            "{what} {period} of indicator {code} is \"{here}\" here but \"{kept}\" at {kept_at}; the latter is kept"
        ),
        format!(
            "{what_vi} năm {period} của chỉ tiêu {code} ở đây là \"{here}\", còn ở {} là \"{kept}\"; giữ \"{kept}\"",
            kept_at.describe(crate::report::Language::Vi)
        ),
    )
}

/// Whether `kept` equals `value` at the precision `text` was written with ("52.4" agrees with
/// 76/145 = 52.41…).
fn agrees(kept: f64, value: f64, text: &str) -> bool {
    let decimals = text
        .rsplit_once(['.', ','])
        .map_or(0, |(_, fraction)| {
            fraction.chars().take_while(char::is_ascii_digit).count()
        })
        .min(6);
    let tolerance = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(6)) + 1e-9;
    (kept - value).abs() <= tolerance
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn load_errors_read_in_both_languages() {
        let no_table = LoadError::NoTable {
            file: "a.xlsx".into(),
            sheet: Some("Tổng hợp".into()),
            searched: 40,
            part_of_year: Some("Thực hiện tháng 10".into()),
        };
        assert_eq!(
            no_table.to_string(),
            "a.xlsx, sheet \"Tổng hợp\": found no indicator table: no row in the first 40 names both an indicator column (STT, Mã, Chỉ tiêu / Code, Indicator) and a target or actual column (Kế hoạch, Thực hiện / Target, Actual); a column for part of a year (\"Thực hiện tháng 10\") is not read as a yearly target or result"
        );
        assert_eq!(
            no_table.text(Language::Vi),
            "a.xlsx, trang tính \"Tổng hợp\": không tìm thấy bảng chỉ tiêu: trong 40 dòng đầu, không dòng nào nêu cả cột chỉ tiêu (STT, Mã, Chỉ tiêu) và cột kế hoạch hoặc thực hiện (Kế hoạch, Thực hiện); cột của một phần năm (\"Thực hiện tháng 10\") không được đọc là kế hoạch hay thực hiện cả năm"
        );
        let too_large = LoadError::TooLarge {
            file: "b.xlsx".into(),
            sheet: None,
            part: None,
            size: 2 << 30,
            limit: 1 << 30,
        };
        assert_eq!(
            too_large.sentence(),
            Sentence::new(
                "b.xlsx: too large to open: all its parts together inflate to 2048 MiB, over the limit of 1024 MiB",
                "b.xlsx: quá lớn để mở: toàn bộ các phần giải nén thành 2048 MiB, vượt giới hạn 1024 MiB"
            )
        );
    }

    /// A long table of `rows` rows: 20 indicators × communes × 2 sexes × 5 years, with an
    /// unreadable actual result near the end.
    fn long_csv(rows: usize) -> String {
        let mut text = String::from("Mã;Chỉ tiêu;Xã;Giới tính;Năm;Kế hoạch;Thực hiện\n");
        for row in 0..rows {
            let indicator = row % 20;
            let year = 2016 + (row / 20) % 5;
            let sex = if (row / 100) % 2 == 0 { "Nữ" } else { "Nam" };
            let commune = row / 200;
            let actual = if row == rows - 3 {
                "chưa có".to_owned()
            } else {
                format!("{},{}", row % 97, row % 10)
            };
            writeln!(
                text,
                "CT{indicator:02};Chỉ tiêu số {indicator};Xã {commune};{sex};{year};{};{actual}",
                row % 89 + 1
            )
            .unwrap();
        }
        text
    }

    /// A report table of `rows` indicators under goal rows, with a direction column, an
    /// unreadable target and a budget line among them.
    fn report_csv(rows: usize) -> String {
        let mut text =
            String::from("STT;Chỉ tiêu;Đơn vị tính;Chiều;Kế hoạch 2020;Thực hiện 2020\n");
        for row in 0..rows {
            if row % 300 == 0 {
                writeln!(
                    text,
                    "{};Mục tiêu {};;;;",
                    roman(row / 300 + 1),
                    row / 300 + 1
                )
                .unwrap();
            }
            let target = if row == rows - 5 {
                "chưa giao".to_owned()
            } else {
                format!("{}", 50 + row % 40)
            };
            let direction = if row % 7 == 0 { "giảm" } else { "" };
            writeln!(
                text,
                "{};Chỉ tiêu {row};%;{direction};{target};{},{}",
                row + 1,
                40 + row % 50,
                row % 10
            )
            .unwrap();
        }
        text.push_str(";Kinh phí thực hiện;triệu đồng;;1000;2750\n");
        text
    }

    fn roman(number: usize) -> &'static str {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][number - 1]
    }

    #[test]
    fn a_grid_read_and_let_go_a_block_at_a_time_reads_as_a_whole() {
        for (name, text) in [
            ("report.csv", report_csv(1_000)),
            ("long.csv", long_csv(2_345)),
        ] {
            let raw = read_grids(name, text.as_bytes(), &ImportOptions::default()).unwrap();
            let mut context = Context::for_file(name);
            context.fallback_format = raw.number_format_hint;
            let whole = table::read_table(&raw.grids[0], &context, None).unwrap();
            let owned = table::read_table_owned(raw.grids[0].clone(), &context, None).unwrap();
            assert_eq!(owned.strategies, whole.strategies, "{name}");
            assert_eq!(owned.warnings, whole.warnings, "{name}");
            assert_eq!(owned.decisions, whole.decisions, "{name}");
            assert_eq!(owned.header_row, whole.header_row, "{name}");
            assert!(!owned.warnings.is_empty(), "{name}");
        }
        let raw = read_grids(
            "report.csv",
            report_csv(1_000).as_bytes(),
            &ImportOptions::default(),
        )
        .unwrap();
        let read =
            table::read_table_owned(raw.grids[0].clone(), &Context::for_file("report.csv"), None)
                .unwrap();
        let strategy = &read.strategies[0];
        assert_eq!(strategy.indicators.len(), 1_000);
        assert_eq!(strategy.indicators.capacity(), 1_000);
        assert_eq!(strategy.goals.len(), 4);
        assert_eq!(strategy.indicators[999].goal.as_deref(), Some("IV"));
        assert_eq!(strategy.budget.len(), 1);
    }

    /// A workbook with an indicator sheet of `rows` rows (title, header, then indicators in
    /// columns B to F, with 20 blank rows after the 600th) and a notes sheet with no table.
    fn indicator_workbook(
        title: &str,
        header: [&str; 5],
        rows: u32,
        cells: impl Fn(u32) -> (String, String),
        change: impl FnOnce(&mut rust_xlsxwriter::Worksheet),
    ) -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Số liệu").unwrap();
        sheet
            .merge_range(0, 1, 0, 5, title, &rust_xlsxwriter::Format::new())
            .unwrap();
        for (column, text) in (1..).zip(header) {
            sheet.write_string(2, column, text).unwrap();
        }
        for index in (0..rows).filter(|index| !(600..620).contains(index)) {
            let row = index + 3;
            let (name, actual) = cells(index);
            sheet.write_number(row, 1, f64::from(index + 1)).unwrap();
            sheet.write_string(row, 2, name).unwrap();
            sheet.write_string(row, 3, "%").unwrap();
            sheet
                .write_number(row, 4, f64::from(50 + index % 40))
                .unwrap();
            sheet.write_string(row, 5, actual).unwrap();
        }
        change(sheet);
        let notes = workbook.add_worksheet();
        notes.set_name("Ghi chú").unwrap();
        notes.write_string(0, 0, "Số liệu sơ bộ").unwrap();
        notes.write_string(1, 0, "Nguồn: Sở Lao động").unwrap();
        workbook.save_to_buffer().unwrap()
    }

    fn vietnamese_workbook(
        rows: u32,
        change: impl FnOnce(&mut rust_xlsxwriter::Worksheet),
    ) -> Vec<u8> {
        indicator_workbook(
            "KẾ HOẠCH VÀ THỰC HIỆN NĂM 2020",
            ["STT", "Chỉ tiêu", "ĐVT", "KH 2020", "TH 2020"],
            rows,
            |index| {
                (
                    format!("Chỉ tiêu số {}", index + 1),
                    format!("{}", 45 + index % 50),
                )
            },
            change,
        )
    }

    /// Reads the workbook a chunk at a time and whole; both must give the same.
    fn read_both_ways(bytes: &[u8]) -> Result<Loaded, LoadError> {
        read_both_ways_with(bytes, &ImportOptions::default())
    }

    fn read_both_ways_with(bytes: &[u8], options: &ImportOptions) -> Result<Loaded, LoadError> {
        let progress = Progress::default();
        let streamed = load_workbook("chunks.xlsx", bytes, options, &progress, true);
        let whole = load_workbook("chunks.xlsx", bytes, options, &progress, false);
        assert_eq!(format!("{streamed:#?}"), format!("{whole:#?}"));
        streamed
    }

    /// How many chunks the indicator sheet is read in, and whether they are the whole read's.
    fn chunks_of(bytes: &[u8]) -> (usize, bool) {
        let calamine::Sheets::Xlsx(mut xlsx) = workbook::open(bytes).unwrap() else {
            panic!("not an XLSX workbook");
        };
        let sheet = "Số liệu";
        let hidden = visibility::hidden_in_workbook(bytes, &[sheet.to_owned()]);
        let mut count = 0;
        let ended = workbook::stream_xlsx(
            &mut xlsx,
            sheet,
            "chunks.xlsx",
            || hidden.get(sheet),
            false,
            SHEET_FIRST_ROWS,
            SHEET_CHUNK_ROWS,
            |grid, declared_rows| {
                count += 1;
                // The rows the sheet declares are given for progress.
                let declared = declared_rows.unwrap();
                assert!(grid.row_numbers.iter().all(|row| *row <= declared));
                true
            },
        )
        .unwrap();
        (count, ended.same_as_whole)
    }

    #[test]
    fn a_sheet_read_a_chunk_at_a_time_reads_as_a_whole() {
        let bytes = vietnamese_workbook(1500, |sheet| {
            for row in [10, 700, 1400] {
                sheet.set_row_hidden(row).unwrap();
            }
            sheet.set_column_hidden(3).unwrap();
        });
        assert_eq!(chunks_of(&bytes), (4, true));
        let loaded = read_both_ways(&bytes).unwrap();
        let indicators = &loaded.strategies[0].indicators;
        assert_eq!(indicators.len(), 1500 - 20 - 3);
        assert_eq!(indicators[0].unit, crate::model::Unit::default());
        assert!(
            loaded.warnings[0].message.en.contains("hidden"),
            "{:?}",
            loaded.warnings[0]
        );
        assert!(loaded.decisions.iter().any(|decision| {
            decision
                .en
                .starts_with("sheet \"Ghi chú\": no indicator table")
        }));
        // Hidden rows and columns read on request; one sheet chosen.
        let options = ImportOptions {
            include_hidden: true,
            ..ImportOptions::default()
        };
        let loaded = read_both_ways_with(&bytes, &options).unwrap();
        assert_eq!(loaded.strategies[0].indicators.len(), 1500 - 20);
        assert_eq!(loaded.strategies[0].indicators[0].unit.text, "%");
        let options = ImportOptions {
            sheet: Some("so lieu".into()),
            ..ImportOptions::default()
        };
        let loaded = read_both_ways_with(&bytes, &options).unwrap();
        assert!(
            loaded
                .decisions
                .iter()
                .all(|decision| !decision.en.contains("Ghi chú"))
        );
    }

    #[test]
    fn a_header_spread_by_merged_cells_is_read_the_same_a_chunk_at_a_time() {
        // "Năm 2020" merged over three columns, the third with nothing under it: only the
        // merged region gives that column its year.
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Số liệu").unwrap();
        let plain = rust_xlsxwriter::Format::new();
        for (column, text) in [(0, "STT"), (1, "Chỉ tiêu"), (2, "ĐVT")] {
            sheet
                .merge_range(0, column, 1, column, text, &plain)
                .unwrap();
        }
        sheet.merge_range(0, 3, 0, 5, "Năm 2020", &plain).unwrap();
        sheet.write_string(1, 3, "Kế hoạch").unwrap();
        sheet.write_string(1, 4, "Thực hiện").unwrap();
        for index in 0..1000u32 {
            let row = index + 2;
            sheet.write_number(row, 0, f64::from(index + 1)).unwrap();
            sheet
                .write_string(row, 1, format!("Chỉ tiêu số {}", index + 1))
                .unwrap();
            sheet.write_string(row, 2, "%").unwrap();
            sheet.write_number(row, 3, 60.0).unwrap();
            sheet
                .write_number(row, 4, f64::from(50 + index % 20))
                .unwrap();
            sheet
                .write_number(row, 5, f64::from(55 + index % 20))
                .unwrap();
        }
        let bytes = workbook.save_to_buffer().unwrap();
        assert!(chunks_of(&bytes).1);
        let loaded = read_both_ways(&bytes).unwrap();
        let header = loaded
            .decisions
            .iter()
            .find(|decision| decision.en.contains("header on row 1 (and 1 more)"))
            .unwrap();
        assert!(header.en.contains("\"Năm 2020\" = "), "{}", header.en);
    }

    #[test]
    fn a_sheet_read_a_chunk_at_a_time_reports_its_progress() {
        let bytes = vietnamese_workbook(1500, |_| {});
        let calamine::Sheets::Xlsx(mut xlsx) = workbook::open(&bytes).unwrap() else {
            panic!("not an XLSX workbook");
        };
        let sheets = ["Số liệu".to_owned()];
        let hidden = visibility::hidden_in_workbook(&bytes, &sheets);
        let shares = std::sync::Mutex::new(Vec::new());
        let read = stream_sheet(
            &mut xlsx,
            &sheets[0],
            "chunks.xlsx",
            &|sheet: &str| hidden.get(sheet),
            &ImportOptions::default(),
            &Context::for_file("chunks.xlsx"),
            &Progress::default(),
            &|share| shares.lock().unwrap().push(share),
        )
        .unwrap();
        assert_eq!(read.read.strategies[0].indicators.len(), 1480);
        let shares = shares.into_inner().unwrap();
        // A share a chunk (the first spans 256 rows, the others 512), rising to the whole.
        assert_eq!(shares.len(), 4, "{shares:?}");
        assert!(
            shares.windows(2).all(|pair| pair[0] < pair[1]),
            "{shares:?}"
        );
        assert!((shares[0] - 256.0 / 1503.0).abs() < 1e-9, "{shares:?}");
        assert!((shares[3] - 1.0).abs() < 1e-9, "{shares:?}");
    }

    #[test]
    fn a_sheet_whose_later_rows_would_read_otherwise_is_read_whole() {
        // A note left of the table, under it.
        let bytes = vietnamese_workbook(1000, |sheet| {
            sheet
                .write_string(1010, 0, "Ghi chú: số liệu sơ bộ")
                .unwrap();
        });
        assert!(!chunks_of(&bytes).1);
        let loaded = read_both_ways(&bytes).unwrap();
        assert_eq!(loaded.strategies[0].indicators.len(), 980);
        // A row wider than the table, far down.
        let bytes = vietnamese_workbook(1000, |sheet| {
            sheet.write_string(900, 9, "xem lại").unwrap();
        });
        assert!(!chunks_of(&bytes).1);
        read_both_ways(&bytes).unwrap();
        // Actual results typed as text, with decimal points at first and decimal commas after:
        // the commas, more of them, decide.
        let bytes = indicator_workbook(
            "KẾ HOẠCH VÀ THỰC HIỆN NĂM 2020",
            ["STT", "Chỉ tiêu", "ĐVT", "KH 2020", "TH 2020"],
            1000,
            |index| {
                let actual = if index < 200 { "45.5" } else { "45,5" };
                (format!("Chỉ tiêu số {}", index + 1), actual.to_owned())
            },
            |_| {},
        );
        assert!(chunks_of(&bytes).1);
        let loaded = read_both_ways(&bytes).unwrap();
        let comma = format!("numbers: {}", NumberFormat::DecimalComma.describe());
        assert!(
            loaded
                .decisions
                .iter()
                .any(|decision| decision.en.ends_with(&comma)),
            "{:#?}",
            loaded.decisions
        );
        // Names typed in TCVN3 after the first rows.
        let bytes = indicator_workbook(
            "TARGETS AND RESULTS 2020",
            ["No", "Indicator", "Unit", "Target 2020", "Actual 2020"],
            1000,
            |index| {
                let name = if index < 300 {
                    format!("Indicator {index}")
                } else {
                    format!("Ch\u{d8} ti\u{aa}u {index}: K\u{d5} ho\u{b9}ch, th\u{f9}c hi\u{d6}n")
                };
                (name, "45".to_owned())
            },
            |_| {},
        );
        assert!(!chunks_of(&bytes).1);
        let loaded = read_both_ways(&bytes).unwrap();
        assert_eq!(
            loaded.strategies[0].indicators[400].name,
            "Chỉ tiêu 400: Kế hoạch, thực hiện"
        );
    }

    #[test]
    fn a_long_text_file_read_in_chunks_reads_as_a_whole() {
        let rows = FIRST_ROWS + 2 * CHUNK_ROWS + 123;
        let bytes = long_csv(rows).into_bytes();
        let options = ImportOptions::default();
        let loaded = load_bytes("long.csv", &bytes, &options).unwrap();

        let raw = read_grids("long.csv", &bytes, &options).unwrap();
        assert_eq!(raw.grids[0].rows.len(), rows + 1);
        let mut context = Context::for_file("long.csv");
        context.fallback_format = raw.number_format_hint;
        let whole = table::read_table(&raw.grids[0], &context, None).unwrap();

        assert_eq!(loaded.strategies, whole.strategies);
        assert_eq!(loaded.strategies[0].indicators.len(), 20);
        let parts: usize = loaded.strategies[0]
            .indicators
            .iter()
            .map(|indicator| indicator.breakdown.len())
            .sum();
        // Each block of 100 rows is one commune and sex, for every indicator.
        assert_eq!(parts, rows / 100 * 20 + (rows % 100).min(20));
        // The bad cell late in the file is named by its line.
        let warning = loaded
            .warnings
            .iter()
            .find(|warning| warning.message.contains("chưa có"))
            .unwrap();
        assert_eq!(warning.at.row, (rows - 3 + 2) as u32);
        assert_eq!(warning.at.column, 7);
        // The totals made from the breakdown are said once an indicator, not once a period.
        let totals: Vec<&Sentence> = loaded
            .decisions
            .iter()
            .filter(|decision| decision.contains("breakdown rows"))
            .collect();
        assert_eq!(totals.len(), 20, "{totals:#?}");
        assert!(
            totals[0]
                .en
                .starts_with("indicator CT00, 2016 to 2020, 5 periods: total of "),
            "{}",
            totals[0].en
        );
        assert!(
            totals[0]
                .vi
                .starts_with("chỉ tiêu CT00, từ 2016 đến 2020, 5 kỳ: tổng của ")
        );
    }

    #[test]
    fn progress_is_reported_and_a_cancelled_read_stops() {
        let bytes = long_csv(FIRST_ROWS + 3 * CHUNK_ROWS).into_bytes();
        let options = ImportOptions::default();
        let progress = Progress::default();
        assert_eq!(progress.fraction(), None);
        load_bytes_watched("long.csv", &bytes, &options, &progress).unwrap();
        assert_eq!(progress.fraction(), Some(1.0));

        let cancelled = Progress::default();
        cancelled.cancel();
        let error = load_bytes_watched("long.csv", &bytes, &options, &cancelled).unwrap_err();
        assert!(matches!(error, LoadError::Cancelled { .. }), "{error}");
        assert!(cancelled.fraction().is_some_and(|done| done < 1.0));
    }
}
