//! Delimited text (CSV, TSV, Excel "Unicode text"): decoding the bytes to Unicode, Excel's
//! `sep=` line, sniffing the delimiter, and splitting into a [`Grid`].

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::grid::{Cell, Grid};
use super::legacy::{self, Legacy};

/// A text encoding the user can choose: any WHATWG one, or a legacy Vietnamese one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// An encoding `encoding_rs` knows (UTF-8, UTF-16LE, Windows-1258 …).
    Standard(&'static Encoding),
    /// TCVN3 (ABC) or VNI-Windows.
    Legacy(Legacy),
}

impl TextEncoding {
    /// Recognises a label: a WHATWG label ("utf-8", "utf-16le", "windows-1258", "cp1258") or a
    /// legacy Vietnamese one ("tcvn3", "abc", "vni").
    #[must_use]
    pub fn for_label(label: &str) -> Option<Self> {
        let label = label.trim();
        Legacy::for_label(label).map(Self::Legacy).or_else(|| {
            Encoding::for_label(label.as_bytes())
                .or_else(|| match label.to_ascii_lowercase().as_str() {
                    "cp1258" | "1258" | "vietnamese" => Some(encoding_rs::WINDOWS_1258),
                    "cp1252" | "1252" => Some(encoding_rs::WINDOWS_1252),
                    _ => None,
                })
                .map(Self::Standard)
        })
    }
}

/// Text decoded from a file, with what was decided on the way.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    /// The text, without a byte order mark: borrowed from the bytes when they are UTF-8.
    pub text: std::borrow::Cow<'a, str>,
    /// The encoding's name, e.g. "UTF-8", "UTF-16LE", "windows-1258", "TCVN3 (ABC)".
    pub encoding: &'static str,
    /// Whether a byte order mark was found.
    pub bom: bool,
    /// Whether bytes that do not belong to the encoding were replaced.
    pub had_errors: bool,
    /// The legacy Vietnamese encoding the text was converted from, if any.
    pub legacy: Option<Legacy>,
}

impl<'a> Decoded<'a> {
    fn new(
        text: std::borrow::Cow<'a, str>,
        encoding: &'static Encoding,
        bom: bool,
        had_errors: bool,
    ) -> Self {
        Self {
            text,
            encoding: encoding.name(),
            bom,
            had_errors,
            legacy: None,
        }
    }

    fn from_legacy(bytes: &[u8], legacy: Legacy) -> Self {
        Self {
            text: legacy::decode(bytes, legacy).into(),
            encoding: legacy.name(),
            bom: false,
            had_errors: false,
            legacy: Some(legacy),
        }
    }
}

/// Decodes a text file: a byte order mark decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 is
/// recognised by its zero bytes, valid UTF-8 is UTF-8, and anything else is guessed by
/// `chardetng` for Vietnamese text (usually Windows-1258) unless its TCVN3 or VNI reading gives
/// clearly more Vietnamese words (see [`legacy::detect`]). `forced` names an encoding to use
/// instead.
#[must_use]
pub fn decode(bytes: &[u8], forced: Option<TextEncoding>) -> Decoded<'_> {
    match forced {
        Some(TextEncoding::Standard(encoding)) => {
            let (text, _, had_errors) = encoding.decode(bytes);
            return Decoded::new(text, encoding, false, had_errors);
        }
        Some(TextEncoding::Legacy(legacy)) => return Decoded::from_legacy(bytes, legacy),
        None => {}
    }
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return Decoded::new(text, encoding, true, had_errors);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        return Decoded::new(text, encoding, false, had_errors);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::new(text.into(), UTF_8, false, false);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"vn"), chardetng::Utf8Detection::Allow);
    if let Some(legacy) = legacy::detect(bytes, encoding) {
        return Decoded::from_legacy(bytes, legacy);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded::new(text, encoding, false, had_errors)
}

/// UTF-16 without a byte order mark: most ASCII characters have a zero high byte, so one of the
/// two byte positions is mostly zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if zero_odd * 10 > pairs * 6 && zero_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 > pairs * 6 && zero_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The delimiters tried, in order of preference on a tie.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads Excel's `sep=X` first line: returns the delimiter and the text after that line.
#[must_use]
pub fn sep_line(text: &str) -> Option<(u8, &str)> {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end_matches('\r');
    let rest = text.get(first_end + 1..).unwrap_or("");
    let value = first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))?;
    let delimiter = match value.trim_matches('"') {
        "\\t" | "\t" => b'\t',
        single if single.len() == 1 => single.as_bytes()[0],
        _ => return None,
    };
    Some((delimiter, rest))
}

/// Picks the delimiter that splits the header line and the rows after it most consistently.
///
/// For each candidate the first 50 non-blank records are split quote-aware (trailing empty fields
/// do not count); the candidate whose most common field count (above one) is shared by the most
/// records wins, then the one with more columns, then the earlier in [`DELIMITERS`]. The header
/// is one of those records: decimal commas in data rows ("545,5;567,4") that split the rows
/// consistently still lose to the semicolons that split the header as well.
#[must_use]
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        let counts = field_counts(text, delimiter, 50);
        let Some((mode, share)) = mode_above_one(&counts) else {
            continue;
        };
        // Prefer more consistent rows, then more columns.
        if (share, mode) > (best.1, best.2) {
            best = (delimiter, share, mode);
        }
    }
    best.0
}

fn field_counts(text: &str, delimiter: u8, limit: usize) -> Vec<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .take(limit)
        .filter_map(Result::ok)
        .filter(|record| record.iter().any(|field| !field.trim().is_empty()))
        .map(|record| {
            // Trailing empty fields (as in World Bank exports) do not count.
            let mut len = record.len();
            while len > 1 && record.get(len - 1).is_some_and(|f| f.trim().is_empty()) {
                len -= 1;
            }
            len
        })
        .collect()
}

fn mode_above_one(counts: &[usize]) -> Option<(usize, usize)> {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for count in counts.iter().copied().filter(|count| *count > 1) {
        match tally.iter_mut().find(|(value, _)| *value == count) {
            Some(entry) => entry.1 += 1,
            None => tally.push((count, 1)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|(value, share)| (*share, *value))
}

/// The 1-based line of a byte offset of `text` (for CSV errors: the csv reader's own line count
/// leaves out blank lines).
#[must_use]
pub fn line_at(text: &str, byte: u64) -> u64 {
    let end = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    u64::from(newlines(&text.as_bytes()[..end])) + 1
}

fn newlines(bytes: &[u8]) -> u32 {
    u32::try_from(memchr::memchr_iter(b'\n', bytes).count()).unwrap_or(u32::MAX)
}

/// Splits delimited text into a grid. Cells are NFC; line numbers are those of the file (the
/// `sep=` line counts). The `'` a CSV export puts before text that starts like a formula is
/// taken off ([`crate::text::strip_formula_guard`]), so exported files read back the same.
pub fn to_grid(text: &str, delimiter: u8, first_line: u32, file: &str) -> Result<Grid, csv::Error> {
    let mut grid = Grid {
        file: file.into(),
        first_column: 1,
        ..Grid::default()
    };
    Rows::new(text, delimiter, first_line).fill(&mut grid, usize::MAX)?;
    Ok(grid)
}

/// Delimited text read into grids a number of rows at a time, so that a large file never has to
/// be held as cells all at once.
pub struct Rows<'t> {
    reader: csv::Reader<&'t [u8]>,
    bytes: &'t [u8],
    /// The record read last, as bytes: a field equal to the cell above it is taken without
    /// being checked as UTF-8 again (the text as a whole is valid UTF-8, and fields split at
    /// ASCII delimiters and quotes stay so).
    record: csv::ByteRecord,
    /// The byte up to which lines have been counted, and the line there.
    counted_to: usize,
    line: u32,
    /// The file's line before the text's first: the `csv` reader counts lines from 1.
    lines_before: u32,
    done: bool,
    /// Emptied rows of earlier chunks, whose memory the next rows reuse.
    pool: Vec<Vec<Cell>>,
    /// Lines with content past column [`MAX_COLUMNS`], which was not read.
    cut_lines: Vec<u32>,
}

/// The columns a spreadsheet has (A to XFD): fields past them are not read.
pub const MAX_COLUMNS: usize = 16_384;

impl<'t> Rows<'t> {
    /// Rows of `text`, whose first line is line `first_line` of the file.
    #[must_use]
    pub fn new(text: &'t str, delimiter: u8, first_line: u32) -> Self {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        Self {
            reader,
            bytes: text.as_bytes(),
            record: csv::ByteRecord::new(),
            counted_to: 0,
            line: first_line.max(1),
            lines_before: first_line.max(1) - 1,
            done: false,
            pool: Vec::new(),
            cut_lines: Vec::new(),
        }
    }

    /// The lines whose content past column [`MAX_COLUMNS`] (XFD) was left out.
    #[must_use]
    pub fn cut_lines(&self) -> &[u32] {
        &self.cut_lines
    }

    /// Empties `grid` (rows, line numbers, merges), keeping its rows' memory for the next
    /// [`Self::fill`].
    pub fn recycle(&mut self, grid: &mut Grid) {
        self.pool.extend(grid.rows.drain(..).map(|mut row| {
            row.clear();
            row
        }));
        grid.row_numbers.clear();
        grid.merges.clear();
    }

    /// How far the reader has come, in bytes of the text (for progress).
    #[must_use]
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// Appends up to `limit` rows to `grid` (its cells, and their line numbers to
    /// `row_numbers`); returns whether the text may have more rows.
    pub fn fill(&mut self, grid: &mut Grid, limit: usize) -> Result<bool, csv::Error> {
        let mut added = 0;
        while added < limit {
            if self.done || !self.reader.read_byte_record(&mut self.record)? {
                self.done = true;
                return Ok(false);
            }
            let bytes = self.bytes;
            let position = self.record.position();
            let read_from = position
                .map_or(self.counted_to, |position| {
                    usize::try_from(position.byte()).unwrap_or(usize::MAX)
                })
                .clamp(self.counted_to, bytes.len());
            // The record's position is before the blank lines the reader skipped, which are
            // counted here; the reader counts every line break before it (in quoted fields
            // too).
            let mut start = read_from;
            while bytes
                .get(start)
                .is_some_and(|byte| matches!(byte, b'\r' | b'\n'))
            {
                start += 1;
            }
            self.line = match position.map(csv::Position::line) {
                Some(line) => self
                    .lines_before
                    .saturating_add(u32::try_from(line).unwrap_or(u32::MAX))
                    .saturating_add(newlines(&bytes[read_from..start])),
                None => self
                    .line
                    .saturating_add(newlines(&bytes[self.counted_to..start])),
            };
            self.counted_to = start;
            // Long tables repeat names, communes and units row after row: a field equal to the
            // one above it reuses that cell instead of being normalised again.
            let above = grid.rows.last();
            let mut row = self.pool.pop().unwrap_or_default();
            // Fields past the last column a spreadsheet has (XFD, 16,384) are left out: a line
            // of ten million delimiters costs no more than a spreadsheet's row. A line that had
            // content there is remembered, to be named in a warning.
            let mut width = self.record.len();
            if width > MAX_COLUMNS {
                if self
                    .record
                    .iter()
                    .skip(MAX_COLUMNS)
                    .any(|field| !String::from_utf8_lossy(field).trim().is_empty())
                {
                    self.cut_lines.push(self.line);
                }
                width = MAX_COLUMNS;
            }
            row.extend(
                self.record
                    .iter()
                    .take(width)
                    .enumerate()
                    .map(
                        |(column, field)| match above.and_then(|cells| cells.get(column)) {
                            Some(cell @ Cell::Text(text)) if text.as_bytes() == field => {
                                cell.clone()
                            }
                            _ => {
                                // Checked as UTF-8 (quickly, as a whole: it always is); the
                                // lossy reading is only a fallback.
                                let field = std::str::from_utf8(field).map_or_else(
                                    |_| String::from_utf8_lossy(field),
                                    std::borrow::Cow::Borrowed,
                                );
                                Cell::text(crate::text::strip_formula_guard(&field))
                            }
                        },
                    ),
            );
            grid.rows.push(row);
            grid.row_numbers.push(self.line);
            added += 1;
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_utf16() {
        let decoded = decode(b"\xef\xbb\xbfM\xc3\xa3;x", None);
        assert_eq!(decoded.text, "Mã;x");
        assert!(decoded.bom);
        let utf16: Vec<u8> = "a\tb\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode(&utf16, None);
        assert_eq!(decoded.text, "a\tb\r\n");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn sep_line_is_a_hint() {
        let (delimiter, rest) = sep_line("sep=;\r\na;b\r\n").unwrap();
        assert_eq!(delimiter, b';');
        assert_eq!(rest, "a;b\r\n");
        assert!(sep_line("a;b").is_none());
    }

    #[test]
    fn sniffing_is_not_fooled_by_decimal_commas() {
        let text = "Chỉ tiêu;Kế hoạch;Thực hiện;Tỷ lệ\n\"Thu nội địa, không kể dầu thô\";545,5;560,1;102,7\nThu a;1,5;2,25;150\n";
        assert_eq!(sniff_delimiter(text), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\n1,5\t2,5\n"), b'\t');
    }

    #[test]
    fn grid_keeps_line_numbers() {
        let grid = to_grid("a,b\n\"x\ny\",2\nz,3\n", b',', 1, "f.csv").unwrap();
        assert_eq!(grid.row_numbers, vec![1, 2, 4]);
        assert_eq!(grid.cell(1, 0), &Cell::Text("x\ny".into()));
        // Blank lines are not rows but count; a sep= line before the text counts too.
        let grid = to_grid("a,b\n\nc,d\r\n\r\ne,f", b',', 2, "f.csv").unwrap();
        assert_eq!(grid.row_numbers, vec![2, 4, 6]);
        assert_eq!(line_at("a\n\nb", 3), 3);
        // Windows line ends, blank lines first and between, a quoted field over two lines.
        let text = "\r\n\r\nMã;Tên\r\n1;\"dòng\r\nhai\"\r\n\r\n2;b\r\n";
        let grid = to_grid(text, b';', 1, "f.csv").unwrap();
        assert_eq!(grid.row_numbers, vec![3, 4, 7]);
        assert_eq!(grid.cell(1, 1), &Cell::Text("dòng\r\nhai".into()));
        // Read in chunks, the lines go on from chunk to chunk.
        let mut rows = Rows::new(text, b';', 1);
        let mut chunk = Grid::default();
        let mut numbers = Vec::new();
        while rows.fill(&mut chunk, 1).unwrap() {
            numbers.append(&mut chunk.row_numbers);
            rows.recycle(&mut chunk);
        }
        numbers.append(&mut chunk.row_numbers);
        assert_eq!(numbers, vec![3, 4, 7]);
    }
}
