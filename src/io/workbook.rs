//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) through calamine: each sheet becomes a [`Grid`].
//!
//! The grid spans the rows from the first to the last that hold something (blank text counts as
//! nothing), and each row is as long as its last cell with content, so positions are the ones
//! Excel shows and a sheet that declares, or touches, a far corner (`A1:XFD1048576`) costs no
//! more than its content. XLSX sheets are read cell by cell with calamine's cell reader, as
//! calamine's own ranges allocate the rectangle spanned by every cell present, empty or not.
//!
//! Rows and columns the file hides ([`super::visibility`]) are left out unless asked for: their
//! rows are missing from the grid (its row numbers skip them) and their columns are empty.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use super::grid::{Cell, Grid};
use super::legacy::{self, Legacy};
use super::visibility::{Hidden, HiddenContent};

/// Opens a workbook from its bytes.
pub fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, calamine::Error> {
    guarded(|| open_workbook_auto_from_rs(Cursor::new(bytes)))
}

/// The names of the workbook's worksheets, in workbook order.
#[must_use]
pub fn sheet_names(workbook: &Sheets<Cursor<&[u8]>>) -> Vec<String> {
    workbook.sheet_names()
}

/// Reads one sheet into a grid. The cells of the rows and columns `hidden` names are left out
/// unless `include_hidden`; either way, the hidden rows and columns that held content are
/// returned, so that the reader can say what it left out or read.
///
/// `hidden` is asked for the sheet's hidden rows and columns once its cells are read (they may
/// still be being found on another thread meanwhile).
pub fn sheet_grid<'h>(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    file: &str,
    hidden: impl FnOnce() -> Option<&'h Hidden>,
    include_hidden: bool,
) -> Result<(Grid, HiddenContent), calamine::Error> {
    let mut cells = if let Sheets::Xlsx(xlsx) = &mut *workbook {
        guarded(|| xlsx_cells(xlsx, sheet))?
    } else {
        guarded(|| range_cells(workbook, sheet))?
    };
    let hidden = hidden();
    let content = hidden.map_or_else(HiddenContent::default, |hidden| {
        hidden_content(&mut cells, hidden, include_hidden)
    });
    let mut grid = build(cells, file, sheet);
    if let Some(hidden) = hidden
        && !include_hidden
    {
        drop_rows(&mut grid, hidden);
    }
    if let Sheets::Xlsx(xlsx) = workbook {
        // Merged regions help read headers spread over two rows; a sheet without them is fine.
        // The pass that looked for hidden rows read them; calamine reads them otherwise (a
        // second pass over the whole sheet).
        let regions = match hidden.and_then(|hidden| hidden.merges.clone()) {
            Some(regions) => regions,
            None => xlsx
                .merge_cells_by_sheet_name(sheet)
                .unwrap_or_default()
                .iter()
                .map(|region| (region.start, region.end))
                .collect(),
        };
        add_merges(&mut grid, regions);
    }
    Ok((grid, content))
}

/// The hidden rows and columns among the cells, 1-based; their cells are removed unless
/// `keep`.
fn hidden_content(cells: &mut Vec<Placed>, hidden: &Hidden, keep: bool) -> HiddenContent {
    let mut content = HiddenContent::default();
    filter_hidden(cells, hidden, keep, &mut content);
    for numbers in [&mut content.rows, &mut content.columns] {
        numbers.sort_unstable();
        numbers.dedup();
    }
    content
}

/// [`hidden_content`] added to `content`, unsorted.
fn filter_hidden(
    cells: &mut Vec<Placed>,
    hidden: &Hidden,
    keep: bool,
    content: &mut HiddenContent,
) {
    if hidden.is_empty() {
        return;
    }
    cells.retain(|(row, column, _)| {
        let row_hidden = hidden.row(*row);
        let column_hidden = hidden.column(*column);
        if row_hidden {
            content.rows.push(row + 1);
        }
        if column_hidden {
            content.columns.push(column + 1);
        }
        keep || !(row_hidden || column_hidden)
    });
}

/// Runs a calamine call, turning a panic inside calamine into an error: calamine 0.38 indexes
/// out of bounds on some damaged XLS files (their compound file's sectors, their shared
/// strings), and no file may bring the app down. The workbook a call panicked on is not read
/// any further.
fn guarded<T>(read: impl FnOnce() -> Result<T, calamine::Error>) -> Result<T, calamine::Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|reason| (*reason).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(calamine::Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("damaged: the workbook reader stopped ({reason})"),
        )))
    })
}

/// A cell with content at its 0-based (row, column) in the sheet.
type Placed = (u32, u32, Cell);

/// Every XLSX cell with content, read as a stream; the percent number format comes from the
/// cell's style in the same pass.
fn xlsx_cells(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    sheet: &str,
) -> Result<Vec<Placed>, calamine::Error> {
    let mut cells = Vec::new();
    each_xlsx_cell(xlsx, sheet, &std::cell::Cell::new(None), |cell| {
        cells.push(cell);
        true
    })?;
    Ok(cells)
}

/// Hands each XLSX cell with content to `take`, in the file's order, until `take` returns
/// false. `declared_rows` is first set to the rows the sheet's XML declares it spans, when it
/// declares any (`<dimension ref="A1:W5003"/>`: 5,003).
fn each_xlsx_cell(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    declared_rows: &std::cell::Cell<Option<u32>>,
    mut take: impl FnMut(Placed) -> bool,
) -> Result<(), calamine::Error> {
    let mut reader = match xlsx.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        // A chart sheet or dialog sheet holds no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(()),
        Err(error) => return Err(calamine::Error::Xlsx(error)),
    };
    let last_row = reader.dimensions().end.0;
    declared_rows.set((last_row > 0).then(|| last_row.saturating_add(1)));
    // A shared string is converted once, however many cells show it (a long table repeats its
    // names, units and communes on every row): by its place in the shared strings table.
    let mut shared: rustc_hash::FxHashMap<(usize, usize), Cell> = rustc_hash::FxHashMap::default();
    while let Some((cell, style)) = reader
        .next_cell_with_style_id()
        .map_err(calamine::Error::Xlsx)?
    {
        let (row, column) = cell.get_position();
        let converted = if let calamine::DataRef::SharedString(text) = cell.get_value() {
            shared
                .entry((text.as_ptr() as usize, text.len()))
                .or_insert_with(|| Cell::text(text))
                .clone()
        } else {
            let data = Data::from(cell.get_value().clone());
            let percent = matches!(data, Data::Float(_) | Data::Int(_))
                && style > 0
                && is_percent(reader.styles().get(style));
            convert(&data, percent)
        };
        if !converted.is_empty() && !take((row, column, converted)) {
            break;
        }
    }
    Ok(())
}

/// How a sheet read a chunk at a time ([`stream_xlsx`]) ended.
#[derive(Debug, Default)]
pub struct Streamed {
    /// The hidden rows and columns that held content, as [`sheet_grid`] gives them.
    pub hidden_content: HiddenContent,
    /// The legacy encoding the sheet's text was converted from ([`convert_legacy_text`]).
    pub legacy: Option<Legacy>,
    /// Whether the chunks sent are the rows of the grid [`sheet_grid`] and
    /// [`convert_legacy_text`] make of the whole sheet, cut into pieces (the first chunk with
    /// the merged regions over its rows). Not so, and the sheet is to be read whole, when the
    /// sheet's merged regions were not found with its hidden rows, a later cell lies left of
    /// the first chunk's columns or before a cell already read, a later row is wider than
    /// every row of the first chunk, the first chunk is too short for the header search while
    /// more rows follow, or the legacy encoding the whole sheet reads as differs from the first
    /// chunk's.
    pub same_as_whole: bool,
}

/// The fewest rows the first chunk of [`stream_xlsx`] has when more follow: the header search
/// looks at the first [`super::table::HEADER_SEARCH_ROWS`] rows, headers of up to four rows and
/// the two rows under them.
const FIRST_CHUNK_LEAST_ROWS: usize = super::table::HEADER_SEARCH_ROWS + 8;

/// Reads an XLSX sheet as [`sheet_grid`] and [`convert_legacy_text`] do, but hands it to `send`
/// in chunks of rows as it is read: the first spanning `first_rows` sheet rows (where a
/// table's header and number format are decided), the others `chunk_rows`, so that a table can
/// be read while the rest of the sheet is. The chunks share the first chunk's first column and
/// legacy encoding; [`Streamed::same_as_whole`] says whether that made them the whole read's
/// rows. `send` is also given the rows the sheet declares it spans, if it does (for progress:
/// a chunk's last row number against them); it returns false to stop the reading.
///
/// # Errors
/// calamine's, as for [`sheet_grid`] (a panic inside calamine becomes an error).
#[allow(clippy::too_many_arguments)]
pub fn stream_xlsx<'h>(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    file: &str,
    hidden: impl FnOnce() -> Option<&'h Hidden>,
    include_hidden: bool,
    first_rows: u32,
    chunk_rows: u32,
    mut send: impl FnMut(Grid, Option<u32>) -> bool,
) -> Result<Streamed, calamine::Error> {
    let mut chunks = Chunks {
        file,
        sheet,
        include_hidden,
        hidden: None,
        first_column: None,
        width: 0,
        next_row: None,
        sample: legacy::Sample::default(),
        legacy: None,
        content: HiddenContent::default(),
        same: true,
        sent: false,
    };
    let mut hidden = Some(hidden);
    let declared_rows = std::cell::Cell::new(None);
    let mut pending: Vec<Placed> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    let mut stopped = false;
    guarded(|| {
        each_xlsx_cell(xlsx, sheet, &declared_rows, |cell| {
            let (row, column) = (cell.0, cell.1);
            if last.is_some_and(|last| (row, column) <= last) {
                chunks.same = false;
                return false;
            }
            last = Some((row, column));
            let limit = u64::from(if chunks.sent { chunk_rows } else { first_rows });
            if let Some((start, _, _)) = pending.first()
                && u64::from(row) >= u64::from(*start) + limit
            {
                if let Some(hidden) = hidden.take() {
                    chunks.hidden = hidden();
                }
                if !chunks.send(&mut pending, false, &mut |grid| {
                    send(grid, declared_rows.get())
                }) {
                    stopped = true;
                    return false;
                }
            }
            pending.push(cell);
            true
        })
    })?;
    if chunks.same && !stopped && !pending.is_empty() {
        if let Some(hidden) = hidden.take() {
            chunks.hidden = hidden();
        }
        chunks.send(&mut pending, true, &mut |grid| {
            send(grid, declared_rows.get())
        });
    }
    for numbers in [&mut chunks.content.rows, &mut chunks.content.columns] {
        numbers.sort_unstable();
        numbers.dedup();
    }
    let whole_legacy = chunks.sample.decide();
    Ok(Streamed {
        hidden_content: chunks.content,
        legacy: chunks.legacy,
        same_as_whole: chunks.same && whole_legacy == chunks.legacy,
    })
}

/// What [`stream_xlsx`] keeps from one chunk to the next.
struct Chunks<'a, 'h> {
    file: &'a str,
    sheet: &'a str,
    include_hidden: bool,
    hidden: Option<&'h Hidden>,
    /// The first chunk's first column with content (0-based).
    first_column: Option<u32>,
    /// The widest row of the first chunk.
    width: usize,
    /// The sheet row the next chunk starts at (0-based): the row after the last chunk's last.
    next_row: Option<u32>,
    sample: legacy::Sample,
    /// The first chunk's legacy encoding, which every chunk is converted from.
    legacy: Option<Legacy>,
    content: HiddenContent,
    same: bool,
    /// Whether a chunk was sent.
    sent: bool,
}

impl Chunks<'_, '_> {
    /// Lays out the pending cells as a chunk and sends it; returns whether to read on.
    fn send(
        &mut self,
        pending: &mut Vec<Placed>,
        last: bool,
        send: &mut impl FnMut(Grid) -> bool,
    ) -> bool {
        if let Some(hidden) = self.hidden {
            filter_hidden(pending, hidden, self.include_hidden, &mut self.content);
        }
        let (Some(first), Some(end), Some(left)) = (
            pending.first().map(|(row, _, _)| *row),
            pending.last().map(|(row, _, _)| *row),
            pending.iter().map(|(_, column, _)| *column).min(),
        ) else {
            // Nothing shown in these rows: the next chunk takes them in.
            return true;
        };
        let first_column = *self.first_column.get_or_insert(left);
        if left < first_column {
            self.same = false;
            return false;
        }
        let begin = self.next_row.unwrap_or(first);
        let mut grid = Grid {
            file: self.file.into(),
            sheet: Some(self.sheet.into()),
            first_column: first_column + 1,
            ..Grid::default()
        };
        lay_out(&mut grid, pending, begin, end, first_column);
        pending.clear();
        let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
        if self.sent && width > self.width {
            self.same = false;
            return false;
        }
        if let Some(hidden) = self.hidden
            && !self.include_hidden
        {
            drop_rows(&mut grid, hidden);
        }
        if !self.sent {
            if !last && grid.rows.len() < FIRST_CHUNK_LEAST_ROWS {
                self.same = false;
                return false;
            }
            self.width = width;
            // Merged regions help read a header spread over rows, which lies in the first
            // chunk (only the header search looks at them). The pass that found hidden rows
            // read them; without it calamine reads them in a pass of its own, and the sheet is
            // read whole that way.
            let Some(regions) = self.hidden.and_then(|hidden| hidden.merges.clone()) else {
                self.same = false;
                return false;
            };
            add_merges(&mut grid, regions);
        }
        if self.sample.wants_more() {
            for cell in grid.rows.iter().flatten() {
                if let Cell::Text(text) = cell
                    && !self.sample.add(text)
                {
                    break;
                }
            }
        }
        if !self.sent {
            self.legacy = self.sample.decide();
        }
        if let Some(found) = self.legacy {
            convert_grid(&mut grid, found);
        }
        self.next_row = Some(end + 1);
        self.sent = true;
        send(grid)
    }
}

/// Every cell with content of a sheet in another format, through calamine's range.
fn range_cells(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
) -> Result<Vec<Placed>, calamine::Error> {
    let range = workbook.worksheet_range(sheet)?;
    let styles = workbook.worksheet_style(sheet).ok();
    let Some((start_row, start_column)) = range.start() else {
        return Ok(Vec::new());
    };
    let mut cells = Vec::new();
    for (row, column, data) in range.used_cells() {
        let (row, column) = (start_row + row as u32, start_column + column as u32);
        let percent = matches!(data, Data::Float(_) | Data::Int(_))
            && styles
                .as_ref()
                .is_some_and(|styles| is_percent(styles.get((row, column))));
        let converted = convert(data, percent);
        if !converted.is_empty() {
            cells.push((row, column, converted));
        }
    }
    Ok(cells)
}

/// Takes the hidden rows out of a grid (before merged regions are added): the grid's row
/// numbers skip them, so the rows around them meet as they do on screen.
fn drop_rows(grid: &mut Grid, hidden: &Hidden) {
    let keep: Vec<bool> = grid
        .row_numbers
        .iter()
        .map(|number| !hidden.row(number - 1))
        .collect();
    if keep.iter().all(|keep| *keep) {
        return;
    }
    let mut keep_row = keep.iter();
    grid.rows
        .retain(|_| keep_row.next().copied().unwrap_or(true));
    let mut keep_number = keep.iter();
    grid.row_numbers
        .retain(|_| keep_number.next().copied().unwrap_or(true));
}

/// Lays cells out as a grid from the first row and column with content.
fn build(mut cells: Vec<Placed>, file: &str, sheet: &str) -> Grid {
    let mut grid = Grid {
        file: file.into(),
        sheet: Some(sheet.into()),
        first_column: 1,
        ..Grid::default()
    };
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    let (Some(first_row), Some(first_column)) = (
        cells.first().map(|(row, _, _)| *row),
        cells.iter().map(|(_, column, _)| *column).min(),
    ) else {
        return grid;
    };
    let last_row = cells.last().map_or(first_row, |(row, _, _)| *row);
    grid.first_column = first_column + 1;
    lay_out(&mut grid, &mut cells, first_row, last_row, first_column);
    grid
}

/// Lays sorted cells out as the rows `first_row..=last_row` (0-based sheet rows) of `grid`,
/// from column `first_column`: each row as wide as its last cell, and no wider (rows are most
/// of a sheet's memory). The cells are left empty.
fn lay_out(
    grid: &mut Grid,
    cells: &mut [Placed],
    first_row: u32,
    last_row: u32,
    first_column: u32,
) {
    grid.rows = vec![Vec::new(); (last_row - first_row + 1) as usize];
    grid.row_numbers = (first_row..=last_row).map(|row| row + 1).collect();
    // The cells are sorted, so a row's cells are one run whose last cell is its last column.
    let mut start = 0;
    while start < cells.len() {
        let row = cells[start].0;
        let end = start
            + cells[start..]
                .iter()
                .take_while(|(other, _, _)| *other == row)
                .count();
        let width = (cells[end - 1].1 - first_column) as usize + 1;
        let mut laid = vec![Cell::Empty; width];
        for (_, column, cell) in &mut cells[start..end] {
            laid[(*column - first_column) as usize] = std::mem::replace(cell, Cell::Empty);
        }
        grid.rows[(row - first_row) as usize] = laid;
        start = end;
    }
}

/// Converts a sheet's text typed with TCVN3 or VNI fonts to Unicode when its text cells read as
/// one of those encodings ([`legacy::detect_in_text`]); returns the encoding converted from.
pub fn convert_legacy_text(grid: &mut Grid) -> Option<Legacy> {
    let texts = grid.rows.iter().flatten().filter_map(|cell| match cell {
        Cell::Text(text) => Some(&**text),
        _ => None,
    });
    let found = legacy::detect_in_text(texts)?;
    convert_grid(grid, found);
    Some(found)
}

/// Converts every text cell of the grid from the legacy encoding `found`.
fn convert_grid(grid: &mut Grid, found: Legacy) {
    for cell in grid.rows.iter_mut().flatten() {
        if let Cell::Text(text) = cell {
            *cell = Cell::text(&legacy::convert_text(text, found));
        }
    }
}

/// Adds merged regions, given as 0-based sheet (row, column) corners, as grid indices; regions
/// wholly outside the grid (or within rows left out) are dropped, the others clipped to it.
fn add_merges(grid: &mut Grid, regions: Vec<((u32, u32), (u32, u32))>) {
    if grid.row_numbers.is_empty() {
        return;
    }
    let first_column = grid.first_column - 1;
    for ((top, left), (bottom, right)) in regions {
        // The grid rows from the first at or below `top` to the last at or above `bottom`.
        let first = grid.row_numbers.partition_point(|number| *number <= top);
        let end = grid
            .row_numbers
            .partition_point(|number| *number <= bottom + 1);
        if first >= end || right < first_column {
            continue;
        }
        grid.merges.push((
            first,
            (left.max(first_column) - first_column) as usize,
            end - 1,
            (right - first_column) as usize,
        ));
    }
}

/// Whether a cell's number format shows a percentage (XLSX, and ODS where calamine reports
/// styles).
fn is_percent(style: Option<&calamine::Style>) -> bool {
    style
        .and_then(|style| style.number_format.as_ref())
        .is_some_and(|format| format.format_code.contains('%'))
}

/// Converts one calamine value, once: whole floats stay floats, percent-formatted numbers are
/// multiplied by 100, dates become ISO text, blank text is empty.
fn convert(data: &Data, percent: bool) -> Cell {
    let number = |value: f64| Cell::Number {
        value: if percent { value * 100.0 } else { value },
        percent,
    };
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::text(text),
        Data::Float(value) => number(*value),
        Data::Int(value) => number(*value as f64),
        Data::Bool(value) => Cell::Text(value.to_string().into()),
        Data::DateTime(value) => value.as_datetime().map_or_else(
            || Cell::Number {
                value: value.as_f64(),
                percent: false,
            },
            |datetime| Cell::Date(datetime.date().to_string()),
        ),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Cell::Date(text.clone()),
        Data::Error(error) => Cell::Error(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_regions_read_with_hidden_rows_are_calamines() {
        for (name, bytes) in [
            (
                "bvcste",
                include_bytes!("../../assets/samples/bvcste-2016-2020.xlsx").as_slice(),
            ),
            (
                "three-row header",
                include_bytes!("../../tests/fixtures/import_cases/report_three_row_header.xlsx")
                    .as_slice(),
            ),
        ] {
            let mut workbook = open(bytes).unwrap();
            let sheets = sheet_names(&workbook);
            let scanned = crate::io::visibility::hidden_in_workbook(bytes, &sheets);
            let Sheets::Xlsx(xlsx) = &mut workbook else {
                panic!("{name}: not an XLSX");
            };
            let mut any = false;
            for sheet in &sheets {
                let mut expected: Vec<_> = xlsx
                    .merge_cells_by_sheet_name(sheet)
                    .unwrap()
                    .iter()
                    .map(|region| (region.start, region.end))
                    .collect();
                expected.sort_unstable();
                let merges = scanned[sheet].merges.clone().unwrap();
                any |= !merges.is_empty();
                assert_eq!(merges, expected, "{name}, sheet {sheet}");
            }
            assert!(any, "{name} has merged regions");
        }
    }

    #[test]
    fn grid_starts_at_content_and_rows_are_ragged() {
        let cells = vec![
            (1_048_575, 16_383, Cell::Empty),
            (2, 1, Cell::text("Chỉ tiêu")),
            (2, 2, Cell::text("Thực hiện")),
            (4, 1, Cell::text("A")),
        ];
        let cells = cells
            .into_iter()
            .filter(|(_, _, cell)| !cell.is_empty())
            .collect();
        let grid = build(cells, "f.xlsx", "S");
        assert_eq!(grid.row_numbers, vec![3, 4, 5]);
        assert_eq!(grid.first_column, 2);
        assert_eq!(grid.rows[0].len(), 2);
        assert!(grid.rows[1].is_empty());
        assert_eq!(grid.rows[2].len(), 1);
    }

    #[test]
    fn merges_are_clipped_to_the_grid() {
        let mut grid = build(
            vec![(6, 0, Cell::text("STT")), (7, 0, Cell::text("1"))],
            "f.xlsx",
            "S",
        );
        add_merges(
            &mut grid,
            vec![((6, 0), (7, 0)), ((0, 0), (0, 7)), ((3, 0), (20, 3))],
        );
        assert_eq!(grid.merges, vec![(0, 0, 1, 0), (0, 0, 1, 3)]);
    }

    #[test]
    fn merges_skip_rows_left_out() {
        // Sheet rows 3, 5 and 6 are kept (0-based 2, 4, 5); row 4 is hidden.
        let mut grid = build(
            vec![
                (2, 0, Cell::text("STT")),
                (4, 0, Cell::text("1")),
                (5, 0, Cell::text("2")),
            ],
            "f.xlsx",
            "S",
        );
        let mut hidden = Hidden::default();
        hidden.hide_rows(3, 3);
        drop_rows(&mut grid, &hidden);
        assert_eq!(grid.row_numbers, vec![3, 5, 6]);
        assert_eq!(grid.text_at(1, 0), Some("1"));
        add_merges(
            &mut grid,
            vec![((2, 0), (4, 1)), ((3, 0), (3, 2)), ((3, 0), (5, 0))],
        );
        assert_eq!(grid.merges, vec![(0, 0, 1, 1), (1, 0, 2, 0)]);
    }
}
