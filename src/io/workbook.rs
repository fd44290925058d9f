//! Workbooks (XLSX, XLSM, XLSB, XLS, ODS) through calamine: each sheet becomes a [`Grid`].
//! calamine's ranges start at the first non-empty cell; the grid keeps that offset so positions
//! are the ones Excel shows.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};

use super::grid::{Cell, Grid};

/// Opens a workbook from its bytes.
pub fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, calamine::Error> {
    open_workbook_auto_from_rs(Cursor::new(bytes))
}

/// The names of the workbook's worksheets, in workbook order.
#[must_use]
pub fn sheet_names(workbook: &Sheets<Cursor<&[u8]>>) -> Vec<String> {
    workbook.sheet_names()
}

/// Reads one sheet into a grid.
pub fn sheet_grid(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    sheet: &str,
    file: &str,
) -> Result<Grid, calamine::Error> {
    let range = workbook.worksheet_range(sheet)?;
    let styles = workbook.worksheet_style(sheet).ok();
    let Some((start_row, start_column)) = range.start() else {
        return Ok(Grid {
            file: file.to_owned(),
            sheet: Some(sheet.to_owned()),
            first_column: 1,
            ..Grid::default()
        });
    };
    let mut grid = Grid {
        file: file.to_owned(),
        sheet: Some(sheet.to_owned()),
        first_column: start_column + 1,
        ..Grid::default()
    };
    for (index, row) in range.rows().enumerate() {
        let absolute_row = start_row + index as u32;
        let cells = row
            .iter()
            .enumerate()
            .map(|(column, data)| {
                let percent = matches!(data, Data::Float(_) | Data::Int(_))
                    && styles.as_ref().is_some_and(|styles| {
                        is_percent(styles.get((absolute_row, start_column + column as u32)))
                    });
                cell(data, percent)
            })
            .collect();
        grid.rows.push(cells);
        grid.row_numbers.push(absolute_row + 1);
    }
    if let Sheets::Xlsx(xlsx) = workbook {
        // Merged regions help read headers spread over two rows; a sheet without them is fine.
        for dimensions in xlsx.merge_cells_by_sheet_name(sheet).unwrap_or_default() {
            let (top, left) = dimensions.start;
            let (bottom, right) = dimensions.end;
            if bottom < start_row || right < start_column {
                continue;
            }
            grid.merges.push((
                top.saturating_sub(start_row) as usize,
                left.saturating_sub(start_column) as usize,
                (bottom - start_row) as usize,
                (right - start_column) as usize,
            ));
        }
    }
    Ok(grid)
}

/// Whether a cell's number format shows a percentage (XLSX only; other formats report no
/// styles).
fn is_percent(style: Option<&calamine::Style>) -> bool {
    style
        .and_then(|style| style.number_format.as_ref())
        .is_some_and(|format| format.format_code.contains('%'))
}

/// Converts one calamine value, once: whole floats stay floats, percent-formatted numbers are
/// multiplied by 100, dates become ISO text.
fn cell(data: &Data, percent: bool) -> Cell {
    let number = |value: f64| Cell::Number {
        value: if percent { value * 100.0 } else { value },
        percent,
    };
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::text(text),
        Data::Float(value) => number(*value),
        Data::Int(value) => number(*value as f64),
        Data::Bool(value) => Cell::Text(value.to_string()),
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
