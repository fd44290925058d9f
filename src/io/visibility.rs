//! Rows and columns a workbook hides, which calamine does not report.
//!
//! A hidden row or column is one the analyst does not see in Excel or Calc: often superseded
//! figures or helper columns. They are read here from the file itself:
//!
//! - XLSX and XLSM: `xl/workbook.xml` names each sheet's relationship, `xl/_rels/workbook.xml.rels`
//!   its part; in the part, `<col min max hidden="1">` hides columns and `<row r hidden="1">` a
//!   row. The part is streamed in blocks and only the tags around the word `hidden` are parsed,
//!   so a sheet of a hundred megabytes is never held whole.
//! - ODS: in `content.xml`, `table:visibility="collapse"` or `"filter"` on a `table:table-row`
//!   or `table:table-column`, counted with `table:number-rows-repeated` and
//!   `table:number-columns-repeated`. The part is streamed, and parsed only when it holds the
//!   word `visibility`.
//! - XLS (BIFF) and XLSB: visibility is not read; every row and column is read.
//!
//! A file whose visibility cannot be read (damaged parts) is read as if nothing were hidden.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

use memchr::memmem;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// The rows and columns one sheet hides, as 0-based inclusive ranges, sorted and merged; and,
/// for an XLSX sheet, its merged regions, read in the same pass over the sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    rows: Vec<(u32, u32)>,
    columns: Vec<(u32, u32)>,
    /// Merged regions as 0-based ((first row, first column), (last row, last column)), sorted;
    /// `None` when the sheet was not scanned for them (ODS).
    pub merges: Option<Vec<Region>>,
}

/// A merged region: 0-based ((first row, first column), (last row, last column)).
pub type Region = ((u32, u32), (u32, u32));

impl Hidden {
    /// Whether nothing is hidden.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty()
    }

    /// Whether the 0-based row is hidden.
    #[must_use]
    pub fn row(&self, row: u32) -> bool {
        contains(&self.rows, row)
    }

    /// Whether the 0-based column is hidden.
    #[must_use]
    pub fn column(&self, column: u32) -> bool {
        contains(&self.columns, column)
    }

    pub(crate) fn hide_rows(&mut self, first: u32, last: u32) {
        add(&mut self.rows, first, last);
    }

    fn hide_columns(&mut self, first: u32, last: u32) {
        add(&mut self.columns, first, last);
    }
}

fn contains(ranges: &[(u32, u32)], at: u32) -> bool {
    let index = ranges.partition_point(|(_, last)| *last < at);
    ranges.get(index).is_some_and(|(first, _)| *first <= at)
}

/// Adds a range, keeping the ranges sorted and merged (they mostly arrive in order).
fn add(ranges: &mut Vec<(u32, u32)>, first: u32, last: u32) {
    if let Some(previous) = ranges.last_mut()
        && previous.0 <= first
    {
        if first <= previous.1.saturating_add(1) {
            previous.1 = previous.1.max(last);
        } else {
            ranges.push((first, last));
        }
        return;
    }
    ranges.push((first, last));
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for &(first, last) in ranges.iter() {
        match merged.last_mut() {
            Some(previous) if first <= previous.1.saturating_add(1) => {
                previous.1 = previous.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    *ranges = merged;
}

/// The hidden rows and columns that held content, as the spreadsheet numbers them (1-based),
/// sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenContent {
    /// Rows with content that are hidden.
    pub rows: Vec<u32>,
    /// Columns with content that are hidden.
    pub columns: Vec<u32>,
}

impl HiddenContent {
    /// Whether no hidden row or column held content.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.columns.is_empty()
    }

    /// What was hidden and whether it was read, as a sentence in both languages: "rows 7,
    /// 9–12 and column F are hidden in the file and were not read (…)", "row 3 is hidden in
    /// the file and was read".
    #[must_use]
    pub fn sentence(&self, read: bool) -> crate::model::Sentence {
        let mut parts = Vec::new();
        let mut parts_vi = Vec::new();
        let rows = spans(&self.rows, |row| row.to_string());
        if !rows.is_empty() {
            let noun = if self.rows.len() == 1 { "row" } else { "rows" };
            parts.push(format!("{noun} {rows}"));
            parts_vi.push(format!("dòng {rows}"));
        }
        let columns = spans(&self.columns, crate::model::column_letters);
        if !columns.is_empty() {
            let noun = if self.columns.len() == 1 {
                "column"
            } else {
                "columns"
            };
            parts.push(format!("{noun} {columns}"));
            parts_vi.push(format!("cột {columns}"));
        }
        let (is, were) = if self.rows.len() + self.columns.len() == 1 {
            ("is", "was")
        } else {
            ("are", "were")
        };
        let what = parts.join(" and ");
        let what_vi = parts_vi.join(" và ");
        if read {
            crate::model::Sentence::new(
                format!("{what} {is} hidden in the file and {were} read"),
                format!("{what_vi} bị ẩn trong tệp và đã được đọc"),
            )
        } else {
            crate::model::Sentence::new(
                format!(
                    "{what} {is} hidden in the file and {were} not read (include hidden rows and columns to read them)"
                ),
                format!(
                    "{what_vi} bị ẩn trong tệp và không được đọc (chọn đọc cả dòng và cột ẩn để đọc chúng)"
                ),
            )
        }
    }
}

/// How many runs a description names before it counts the rest.
const NAMED_RUNS: usize = 12;

/// Sorted numbers as runs: "7, 9–12, 20"; past [`NAMED_RUNS`] runs, "…, 24 (and 40 more)".
pub(crate) fn spans(numbers: &[u32], name: impl Fn(u32) -> String) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &number in numbers {
        match runs.last_mut() {
            Some(run) if number == run.1 + 1 => run.1 = number,
            Some(run) if number == run.1 => {}
            _ => runs.push((number, number)),
        }
    }
    let words: Vec<String> = runs
        .iter()
        .take(NAMED_RUNS)
        .map(|&(first, last)| {
            if first == last {
                name(first)
            } else {
                format!("{}\u{2013}{}", name(first), name(last))
            }
        })
        .collect();
    if runs.len() > NAMED_RUNS {
        let rest: u32 = runs[NAMED_RUNS..]
            .iter()
            .map(|(first, last)| last - first + 1)
            .sum();
        return format!("{} (and {rest} more)", words.join(", "));
    }
    words.join(", ")
}

/// The hidden rows and columns of the named sheets of a workbook (XLSX, XLSM or ODS), by sheet
/// name; sheets that hide nothing, and workbooks of other kinds, give no entry.
#[must_use]
pub fn hidden_in_workbook(bytes: &[u8], sheets: &[String]) -> HashMap<String, Hidden> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return HashMap::new();
    };
    let found = if archive.index_for_name("xl/workbook.xml").is_some() {
        xlsx(&mut archive, sheets)
    } else if archive.index_for_name("content.xml").is_some() {
        ods(&mut archive, sheets)
    } else {
        None
    };
    let mut found = found.unwrap_or_default();
    found.retain(|_, hidden| !hidden.is_empty() || hidden.merges.is_some());
    found
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A part of the archive, whole (for the small ones: the workbook and its relationships).
fn part(archive: &mut Archive<'_>, name: &str) -> Option<Vec<u8>> {
    let mut file = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// An attribute's value by its local name (prefixes such as `r:` or `table:` ignored).
fn attribute(tag: &BytesStart<'_>, local: &str) -> Option<String> {
    tag.attributes().flatten().find_map(|attribute| {
        (attribute.key.local_name().as_ref() == local)
            .then(|| attribute.normalized_value(XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(std::borrow::Cow::into_owned)
    })
}

fn xlsx(archive: &mut Archive<'_>, sheets: &[String]) -> Option<HashMap<String, Hidden>> {
    let workbook = part(archive, "xl/workbook.xml")?;
    let relationships = part(archive, "xl/_rels/workbook.xml.rels")?;
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut reader = Reader::from_reader(workbook.as_slice());
    loop {
        match reader.read_event().ok()? {
            Event::Start(tag) | Event::Empty(tag) if tag.local_name().as_ref() == "sheet" => {
                if let (Some(name), Some(id)) = (attribute(&tag, "name"), attribute(&tag, "id"))
                    && sheets.contains(&name)
                {
                    ids.push((name, id));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut targets: HashMap<String, String> = HashMap::new();
    let mut reader = Reader::from_reader(relationships.as_slice());
    loop {
        match reader.read_event().ok()? {
            Event::Start(tag) | Event::Empty(tag)
                if tag.local_name().as_ref() == "Relationship" =>
            {
                if let (Some(id), Some(target)) = (attribute(&tag, "Id"), attribute(&tag, "Target"))
                {
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("xl/{target}"),
                    };
                    targets.insert(id, path);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut found = HashMap::new();
    for (name, id) in ids {
        let Some(path) = targets.get(&id) else {
            continue;
        };
        let Ok(file) = archive.by_name(path) else {
            continue;
        };
        if let Ok(hidden) = scan_xlsx_sheet(file, BLOCK) {
            found.insert(name, hidden);
        }
    }
    Some(found)
}

/// How much of a sheet part is decompressed at a time.
const BLOCK: usize = 256 * 1024;

/// Reads an XLSX sheet part's hidden rows and columns, and its merged regions, in blocks of
/// `block` bytes: only the tags that contain the word `hidden` or `mergeCell ` are parsed.
fn scan_xlsx_sheet(mut reader: impl Read, block: usize) -> std::io::Result<Hidden> {
    let finder = memmem::Finder::new("hidden");
    let merge_finder = memmem::Finder::new("mergeCell ");
    let mut hidden = Hidden::default();
    let mut merges = Vec::new();
    let mut buffer: Vec<u8> = Vec::with_capacity(block * 2);
    let mut chunk = vec![0; block];
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        buffer.extend_from_slice(&chunk[..read]);
        // A tag seen by one search may be seen again after the other's restart point: hiding
        // is idempotent, and merged regions are deduplicated below.
        let keep = scan_tags(&buffer, &finder, |tag| hide_tag(tag, &mut hidden)).min(scan_tags(
            &buffer,
            &merge_finder,
            |tag| merges.extend(merge_tag(tag)),
        ));
        buffer.drain(..keep);
    }
    merges.sort_unstable();
    merges.dedup();
    hidden.merges = Some(merges);
    Ok(hidden)
}

/// The region of a `<mergeCell ref="A1:B2"/>` tag, 0-based.
fn merge_tag(tag: &[u8]) -> Option<Region> {
    let mut reader = Reader::from_reader(tag);
    let Ok(Event::Start(tag) | Event::Empty(tag)) = reader.read_event() else {
        return None;
    };
    if tag.local_name().as_ref() != "mergeCell" {
        return None;
    }
    let reference = attribute(&tag, "ref")?;
    let (first, last) = reference.split_once(':')?;
    let (first, last) = (cell_position(first)?, cell_position(last)?);
    (first.0 <= last.0 && first.1 <= last.1).then_some((first, last))
}

/// A cell reference such as "AB12" as a 0-based (row, column).
fn cell_position(reference: &str) -> Option<(u32, u32)> {
    let reference = reference.trim().replace('$', "");
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, row) = reference.split_at(digits);
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let column = letters.bytes().fold(0u32, |column, letter| {
        column * 26 + u32::from(letter - b'A' + 1)
    });
    let row: u32 = row.parse().ok()?;
    (row > 0).then(|| (row - 1, column - 1))
}

/// Parses the complete tags of `buffer` that contain the finder's word, passing each to `tag`;
/// returns where the bytes still needed start (an unfinished tag, or the last few bytes, which
/// may begin the word).
fn scan_tags(buffer: &[u8], finder: &memmem::Finder<'_>, mut found: impl FnMut(&[u8])) -> usize {
    let mut done = 0;
    for at in finder.find_iter(buffer) {
        if at < done {
            continue;
        }
        // The word is in a tag when the last '<' before it is not closed before it; otherwise
        // it is text (a cell's inline string), which XML cannot hold a raw '<' in.
        let Some(open) = memchr::memrchr(b'<', &buffer[done..at]).map(|index| done + index) else {
            continue;
        };
        if memchr::memchr(b'>', &buffer[open..at]).is_some() {
            continue;
        }
        let Some(close) = memchr::memchr(b'>', &buffer[at..]).map(|index| at + index) else {
            return open;
        };
        found(&buffer[open..=close]);
        done = close + 1;
    }
    let tail = buffer
        .len()
        .saturating_sub(finder.needle().len() - 1)
        .max(done);
    match memchr::memrchr(b'<', &buffer[done..]).map(|index| done + index) {
        Some(open) if memchr::memchr(b'>', &buffer[open..]).is_none() => open.min(tail),
        _ => tail,
    }
}

/// Records the rows or columns one `<row>` or `<col>` tag hides.
fn hide_tag(tag: &[u8], hidden: &mut Hidden) {
    let mut reader = Reader::from_reader(tag);
    let Ok(Event::Start(tag) | Event::Empty(tag)) = reader.read_event() else {
        return;
    };
    let is_hidden = attribute(&tag, "hidden").is_some_and(|value| value == "1" || value == "true");
    if !is_hidden {
        return;
    }
    let number = |name: &str| {
        attribute(&tag, name)
            .and_then(|value| value.trim().parse::<u32>().ok())
            .filter(|number| *number > 0)
    };
    match tag.local_name().as_ref() {
        "row" => {
            if let Some(row) = number("r") {
                hidden.hide_rows(row - 1, row - 1);
            }
        }
        "col" => {
            if let (Some(min), Some(max)) = (number("min"), number("max"))
                && min <= max
            {
                hidden.hide_columns(min - 1, max - 1);
            }
        }
        _ => {}
    }
}

fn ods(archive: &mut Archive<'_>, sheets: &[String]) -> Option<HashMap<String, Hidden>> {
    let mut found = HashMap::new();
    // Most files hide nothing: one pass that only looks for the word, then, where it is there,
    // one that reads the rows and columns. Neither holds the whole part.
    if !holds_word(archive.by_name("content.xml").ok()?, b"visibility").ok()? {
        return Some(found);
    }
    let mut reader = Reader::from_reader(BufReader::new(archive.by_name("content.xml").ok()?));
    let mut buffer = Vec::new();
    // Tables nest (a cell may hold a sub-table): only the sheet's own rows and columns count.
    let mut depth = 0_usize;
    let mut name = String::new();
    let mut hidden = Hidden::default();
    let (mut row, mut column) = (0_u32, 0_u32);
    loop {
        buffer.clear();
        let event = reader.read_event_into(&mut buffer).ok()?;
        let (tag, empty) = match &event {
            Event::Start(tag) => (tag, false),
            Event::Empty(tag) => (tag, true),
            Event::End(end) => {
                if end.local_name().as_ref() == "table" {
                    depth = depth.saturating_sub(1);
                    if depth == 0 && sheets.contains(&name) {
                        found.insert(std::mem::take(&mut name), std::mem::take(&mut hidden));
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match tag.local_name().as_ref() {
            "table" if !empty => {
                depth += 1;
                if depth == 1 {
                    name = attribute(tag, "name").unwrap_or_default();
                    hidden = Hidden::default();
                    (row, column) = (0, 0);
                }
            }
            "table-row" if depth == 1 => {
                let repeated = repeat(tag, "number-rows-repeated");
                if is_collapsed(tag) {
                    hidden.hide_rows(row, row.saturating_add(repeated - 1));
                }
                row = row.saturating_add(repeated);
            }
            "table-column" if depth == 1 => {
                let repeated = repeat(tag, "number-columns-repeated");
                if is_collapsed(tag) {
                    hidden.hide_columns(column, column.saturating_add(repeated - 1));
                }
                column = column.saturating_add(repeated);
            }
            _ => {}
        }
    }
    Some(found)
}

/// Whether a stream holds `word`, read in blocks of [`BLOCK`] bytes.
fn holds_word(mut reader: impl Read, word: &[u8]) -> std::io::Result<bool> {
    let finder = memmem::Finder::new(word);
    let mut buffer: Vec<u8> = Vec::with_capacity(BLOCK + word.len());
    let mut chunk = vec![0; BLOCK];
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => return Ok(false),
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        buffer.extend_from_slice(&chunk[..read]);
        if finder.find(&buffer).is_some() {
            return Ok(true);
        }
        // Keep what may begin the word.
        let keep = buffer.len().saturating_sub(word.len() - 1);
        buffer.drain(..keep);
    }
}

fn repeat(tag: &BytesStart<'_>, name: &str) -> u32 {
    attribute(tag, name)
        .and_then(|value| value.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn is_collapsed(tag: &BytesStart<'_>) -> bool {
    attribute(tag, "visibility").is_some_and(|value| value == "collapse" || value == "filter")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str, block: usize) -> Hidden {
        scan_xlsx_sheet(xml.as_bytes(), block).unwrap()
    }

    const SHEET: &str = r#"<?xml version="1.0"?><worksheet><cols><col min="2" max="2" width="3"/><col min="6" max="7" hidden="1" width="0"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden &lt;row&gt; text mergeCell ref="A1:Z9"</t></is></c></row><row r="7" hidden="1" spans="1:3"><c r="A7"><v>1</v></c></row><row r="8" hidden="0"/><row r="9" hidden="true"/><x:row r="10" hidden="1"/></sheetData><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="$C$3:AB12"/></mergeCells></worksheet>"#;

    #[test]
    fn xlsx_rows_and_columns_in_any_block_size() {
        let whole = scan(SHEET, 1 << 20);
        assert_eq!(whole.rows, vec![(6, 6), (8, 9)]);
        assert_eq!(whole.columns, vec![(5, 6)]);
        assert_eq!(
            whole.merges,
            Some(vec![((0, 0), (1, 0)), ((2, 2), (11, 27))])
        );
        for block in 1..40 {
            assert_eq!(scan(SHEET, block), whole, "block of {block} bytes");
        }
    }

    #[test]
    fn a_word_split_between_blocks_is_found() {
        let text = vec![b'x'; BLOCK - 3]
            .into_iter()
            .chain(b"visibility".iter().copied())
            .collect::<Vec<u8>>();
        assert!(holds_word(text.as_slice(), b"visibility").unwrap());
        assert!(!holds_word(&text[..text.len() - 1], b"visibility").unwrap());
    }

    #[test]
    fn ranges_merge_and_answer() {
        let mut hidden = Hidden::default();
        hidden.hide_rows(10, 12);
        hidden.hide_rows(2, 3);
        hidden.hide_rows(4, 4);
        hidden.hide_rows(13, 20);
        assert_eq!(hidden.rows, vec![(2, 4), (10, 20)]);
        assert!(hidden.row(2) && hidden.row(15) && !hidden.row(5) && !hidden.row(21));
        assert!(!hidden.column(0));
    }

    #[test]
    fn descriptions_name_runs() {
        let content = HiddenContent {
            rows: vec![7, 9, 10, 11, 12],
            columns: vec![6],
        };
        assert_eq!(
            content.sentence(false).en,
            "rows 7, 9\u{2013}12 and column F are hidden in the file and were not read (include hidden rows and columns to read them)"
        );
        assert_eq!(
            content.sentence(false).vi,
            "dòng 7, 9\u{2013}12 và cột F bị ẩn trong tệp và không được đọc (chọn đọc cả dòng và cột ẩn để đọc chúng)"
        );
        let one = HiddenContent {
            rows: vec![3],
            columns: Vec::new(),
        };
        assert_eq!(
            one.sentence(true).en,
            "row 3 is hidden in the file and was read"
        );
        let many = HiddenContent {
            rows: (1..=40).map(|row| row * 2).collect(),
            columns: vec![1, 2],
        };
        assert_eq!(
            many.sentence(true).en,
            "rows 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24 (and 28 more) and columns A\u{2013}B are hidden in the file and were read"
        );
    }
}
