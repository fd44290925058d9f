//! Inputs made to break an importer: truncated and damaged workbooks, random bytes, zip bombs,
//! a sheet that declares a million rows, a 50 MB cell in a CSV and in an XLSX. Each must give
//! a clean error that names the file, or a sane result, never a panic, and stay under a bound
//! on the heap it takes. The heap is measured by a counting allocator over this test binary;
//! the tests take turns so that each peak is one input's own. No time is asserted.

use std::alloc::System;
use std::sync::{Mutex, PoisonError};

use chitieu::io::{ImportOptions, LoadError, Loaded, load_bytes, read_grids};
use crc32fast::Hasher as Crc;
use flate2::{Compress, Compression, FlushCompress};
use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};

#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Held by each test while it measures, so that tests take turns.
static TURN: Mutex<()> = Mutex::new(());

const MIB: usize = 1 << 20;
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

/// Runs `work` alone and gives its result with the most heap it held at once beyond what was
/// held before.
fn measured<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let _turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
    ALLOCATOR.reset_peak_memory();
    let result = work();
    (result, ALLOCATOR.get_peak_memory())
}

/// Reads `bytes` as the file `name` with the default options, under `limit` bytes of heap.
#[track_caller]
fn load_within(name: &str, bytes: &[u8], limit: usize) -> Result<Loaded, LoadError> {
    let (result, peak) = measured(|| load_bytes(name, bytes, &ImportOptions::default()));
    if bytes.len() > MIB || peak > 16 * MIB {
        // Shown with --nocapture.
        println!(
            "{name}: {} KiB in, {} KiB of heap at the peak",
            bytes.len() >> 10,
            peak >> 10
        );
    }
    assert!(
        peak < limit,
        "{name} ({} bytes): {} MiB of heap, over the bound of {} MiB",
        bytes.len(),
        peak / MIB,
        limit / MIB
    );
    check(name, &result);
    result
}

/// [`load_within`] for inputs that may read or fail.
#[track_caller]
fn survives(name: &str, bytes: &[u8], limit: usize) {
    let _ = load_within(name, bytes, limit);
}

/// A clean error names the file; a result holds indicators.
#[track_caller]
fn check(name: &str, result: &Result<Loaded, LoadError>) {
    match result {
        Ok(loaded) => assert!(
            loaded
                .strategies
                .iter()
                .any(|strategy| !strategy.indicators.is_empty() || !strategy.budget.is_empty()),
            "{name}: read without an error but with no indicators"
        ),
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.contains(name),
                "{name}: the error does not name the file: {message}"
            );
        }
    }
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// A small deterministic generator (xorshift64*), so random inputs are the same on every run.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn bytes(&mut self, length: usize) -> Vec<u8> {
        (0..length).map(|_| self.next() as u8).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Zip containers written by hand, so that a part can declare any size and hold any deflate
// stream.

/// One part of a zip container as stored: its bytes, how they are stored (0: as is,
/// 8: deflated), and the CRC-32 and uncompressed size it declares.
struct Part {
    name: String,
    data: Vec<u8>,
    method: u16,
    crc: u32,
    size: u32,
}

/// A part stored as is.
fn stored(name: &str, bytes: &[u8]) -> Part {
    let mut crc = Crc::new();
    crc.update(bytes);
    Part {
        name: name.to_owned(),
        data: bytes.to_vec(),
        method: 0,
        crc: crc.finalize(),
        size: u32::try_from(bytes.len()).expect("under 4 GiB"),
    }
}

/// Raw deflate of `bytes`, ending with a full flush (the stream goes on, independent of what
/// came before) or with the final block.
fn deflate(bytes: &[u8], last: bool) -> Vec<u8> {
    let mut compress = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(bytes.len() / 8 + 1024);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Full
    };
    loop {
        let consumed = compress.total_in() as usize;
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity());
        }
        let status = compress
            .compress_vec(&bytes[consumed..], &mut out, flush)
            .expect("deflate");
        let done = compress.total_in() as usize == bytes.len() && out.len() < out.capacity();
        if status == flate2::Status::StreamEnd || (!last && done) {
            return out;
        }
    }
}

/// A deflated part.
fn deflated(name: &str, bytes: &[u8]) -> Part {
    Part {
        data: deflate(bytes, true),
        method: 8,
        ..stored(name, bytes)
    }
}

/// A deflated part that inflates to `head`, then `chunk` 2^`doublings` times, then `tail`,
/// declaring `declared` bytes (its true size when `None`). The chunk is deflated once and its
/// compressed bytes repeated, so gigabytes cost a few megabytes here.
fn repeated(
    name: &str,
    (head, chunk, tail): (&[u8], &[u8], &[u8]),
    doublings: u32,
    declared: Option<u32>,
) -> Part {
    let one = deflate(chunk, false);
    let count = 1usize << doublings;
    let mut data = deflate(head, false);
    data.reserve(one.len() * count);
    for _ in 0..count {
        data.extend_from_slice(&one);
    }
    data.extend_from_slice(&deflate(tail, true));
    let mut crc = Crc::new();
    crc.update(head);
    let mut chunks = Crc::new();
    chunks.update(chunk);
    for _ in 0..doublings {
        let copy = chunks.clone();
        chunks.combine(&copy);
    }
    crc.combine(&chunks);
    let mut end = Crc::new();
    end.update(tail);
    crc.combine(&end);
    let size = (head.len() + (chunk.len() << doublings) + tail.len()) as u64;
    Part {
        name: name.to_owned(),
        data,
        method: 8,
        crc: crc.finalize(),
        size: declared.unwrap_or_else(|| u32::try_from(size).expect("under 4 GiB")),
    }
}

/// The zip container of `parts`: local headers and data, the central directory, its end.
fn zip(parts: &[Part]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, value: u16) {
        out.extend_from_slice(&value.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, value: u32) {
        out.extend_from_slice(&value.to_le_bytes());
    }
    // Version 2.0, no flags, the part's method, 1980-01-01 00:00, CRC and sizes, name length,
    // no extra field.
    fn common(out: &mut Vec<u8>, part: &Part) {
        u16le(out, 20);
        u16le(out, 0);
        u16le(out, part.method);
        u16le(out, 0);
        u16le(out, 0x21);
        u32le(out, part.crc);
        u32le(out, u32::try_from(part.data.len()).expect("under 4 GiB"));
        u32le(out, part.size);
        u16le(out, u16::try_from(part.name.len()).expect("short name"));
        u16le(out, 0);
    }
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for part in parts {
        offsets.push(u32::try_from(out.len()).expect("under 4 GiB"));
        u32le(&mut out, 0x0403_4b50);
        common(&mut out, part);
        out.extend_from_slice(part.name.as_bytes());
        out.extend_from_slice(&part.data);
    }
    let directory = u32::try_from(out.len()).expect("under 4 GiB");
    for (part, offset) in parts.iter().zip(offsets) {
        u32le(&mut out, 0x0201_4b50);
        u16le(&mut out, 20);
        common(&mut out, part);
        u16le(&mut out, 0); // comment
        u16le(&mut out, 0); // disk
        u16le(&mut out, 0); // internal attributes
        u32le(&mut out, 0); // external attributes
        u32le(&mut out, offset);
        out.extend_from_slice(part.name.as_bytes());
    }
    let directory_size = u32::try_from(out.len()).expect("under 4 GiB") - directory;
    let count = u16::try_from(parts.len()).expect("few parts");
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, directory_size);
    u32le(&mut out, directory);
    u16le(&mut out, 0);
    out
}

/// The parts of an XLSX workbook besides its sheet: one sheet named "Chỉ tiêu" in
/// `xl/worksheets/sheet1.xml`.
fn xlsx_frame() -> Vec<Part> {
    vec![
        deflated(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        deflated(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        deflated(
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                .as_bytes(),
        ),
        deflated(
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ]
}

/// A workbook whose one sheet is `sheet` (the XML of a worksheet), deflated.
fn xlsx(sheet: &str) -> Vec<u8> {
    let mut parts = xlsx_frame();
    parts.push(deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()));
    zip(&parts)
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// An inline text cell.
fn text_cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A number cell.
fn number_cell(reference: &str, value: f64) -> String {
    format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
}

/// The header and one indicator of a report table on rows 1 and 2, with `name` as the
/// indicator's name.
fn report_rows(name: &str) -> String {
    let header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"];
    let mut rows = String::from(r#"<row r="1">"#);
    for (column, title) in ["A", "B", "C", "D", "E"].iter().zip(header) {
        rows.push_str(&text_cell(&format!("{column}1"), title));
    }
    rows.push_str(r#"</row><row r="2">"#);
    rows.push_str(&number_cell("A2", 1.0));
    rows.push_str(&text_cell("B2", name));
    rows.push_str(&text_cell("C2", "%"));
    rows.push_str(&number_cell("D2", 90.0));
    rows.push_str(&number_cell("E2", 95.0));
    rows.push_str("</row>");
    rows
}

// ---------------------------------------------------------------------------------------------

/// The workbooks every truncation and damage starts from: the shared sample, the fixtures, and
/// a workbook saved by chitieu (read exactly, by another reader).
fn workbooks() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = [
        format!("{SAMPLES}bvcste-2016-2020.xlsx"),
        format!("{FIXTURES}tcvn3_sheet.xlsx"),
        format!("{FIXTURES}import_cases/report_three_row_header.xlsx"),
        format!("{FIXTURES}import_cases/report.xls"),
        format!("{FIXTURES}import_cases/long_two_sheets.ods"),
    ]
    .into_iter()
    .map(|path| {
        let name = path.rsplit('/').next().unwrap_or_default().to_owned();
        (name, read(&path))
    })
    .collect();
    let sample = load_bytes(
        "bvcste-2016-2020.xlsx",
        &files[0].1,
        &ImportOptions::default(),
    )
    .expect("the sample reads");
    let document = chitieu::model::Document {
        strategies: sample.strategies,
        ..chitieu::model::Document::default()
    };
    let saved = chitieu::store::to_xlsx(&document, "saved.xlsx").expect("saves");
    files.push(("saved.xlsx".to_owned(), saved));
    files
}

#[test]
fn truncated_workbooks_fail_cleanly() {
    for (name, bytes) in workbooks() {
        // Every prefix on a grid of about 150 lengths, and the last bytes one by one.
        let step = (bytes.len() / 150).max(1);
        let lengths = (0..bytes.len())
            .step_by(step)
            .chain(bytes.len().saturating_sub(24)..bytes.len());
        for length in lengths {
            let result = load_within(&name, &bytes[..length], 64 * MIB);
            if bytes.starts_with(b"PK") {
                // A zip container without its end (the central directory) cannot be opened.
                assert!(result.is_err(), "{name} cut at {length} bytes was read");
            }
        }
    }
}

#[test]
fn damaged_workbooks_fail_cleanly_or_read() {
    for (name, bytes) in workbooks() {
        let step = (bytes.len() / 120).max(1);
        for at in (0..bytes.len()).step_by(step) {
            for fill in [0x00, 0xFF] {
                let mut damaged = bytes.clone();
                let end = (at + 16).min(damaged.len());
                damaged[at..end].fill(fill);
                survives(&name, &damaged, 64 * MIB);
            }
        }
        // Random bit flips, a few at a time.
        for seed in 0..40 {
            let mut random = Random::new(seed);
            let mut damaged = bytes.clone();
            for _ in 0..=random.below(8) {
                let at = random.below(damaged.len());
                damaged[at] ^= 1 << random.below(8);
            }
            survives(&name, &damaged, 64 * MIB);
        }
    }
}

#[test]
fn random_bytes_fail_cleanly() {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    for seed in 0..48 {
        let mut random = Random::new(seed);
        let length = [0, 1, 7, 512, 4096, 65_536][random.below(6)] + random.below(64);
        let noise = random.bytes(length);
        for name in ["random.csv", "random.xlsx"] {
            survives(name, &noise, 64 * MIB);
        }
        for magic in [ZIP, OLE] {
            let bytes = [magic, &noise].concat();
            survives("random.xlsx", &bytes, 64 * MIB);
        }
        // Text that looks like a table: delimiters, quotes and digits among letters.
        let alphabet: Vec<char> = "STT;Chỉ tiêu,KH\tTH\"\n\r0123456789.,%/- ≥dưới"
            .chars()
            .collect();
        let text: String = (0..length)
            .map(|_| alphabet[random.below(alphabet.len())])
            .collect();
        let text = format!("STT;Chỉ tiêu;Kế hoạch;Thực hiện\n{text}");
        survives("random.csv", text.as_bytes(), 64 * MIB);
    }
}

/// The XML of rows that repeat without end: a row of three text cells.
const BOMB_ROW: &str = r#"<row><c t="inlineStr"><is><t>bom</t></is></c><c t="inlineStr"><is><t>bom</t></is></c><c><v>1</v></c></row>"#;

/// `BOMB_ROW` repeated to 1 MiB.
fn bomb_chunk() -> Vec<u8> {
    BOMB_ROW
        .as_bytes()
        .iter()
        .copied()
        .cycle()
        .take(MIB / BOMB_ROW.len() * BOMB_ROW.len())
        .collect()
}

#[test]
fn zip_bomb_sheet_is_refused() {
    // 2 GiB of sheet XML in about 2 MB.
    let head = format!(
        "{SHEET_HEAD}<sheetData>{}",
        report_rows("Tỷ lệ trẻ em được bảo vệ")
    );
    let tail = "</sheetData></worksheet>";
    let chunk = bomb_chunk();
    let mut parts = xlsx_frame();
    parts.push(repeated(
        "xl/worksheets/sheet1.xml",
        (head.as_bytes(), &chunk, tail.as_bytes()),
        11,
        None,
    ));
    let bomb = zip(&parts);
    assert!(bomb.len() < 8 * MIB, "the bomb is {} bytes", bomb.len());
    let error = load_within("bomb.xlsx", &bomb, 64 * MIB).expect_err("a bomb is refused");
    let message = error.to_string();
    assert!(
        matches!(error, LoadError::TooLarge { .. }),
        "not refused for its size: {message}"
    );
    assert!(
        message.contains("sheet \"Chỉ tiêu\"") && message.contains("xl/worksheets/sheet1.xml"),
        "{message}"
    );
    // The import dialog's reader refuses it too.
    let (result, peak) = measured(|| read_grids("bomb.xlsx", &bomb, &ImportOptions::default()));
    assert!(matches!(result, Err(LoadError::TooLarge { .. })));
    assert!(peak < 64 * MIB, "{} MiB", peak / MIB);
}

#[test]
fn zip_bomb_that_lies_about_its_size_stops_at_the_declared_size() {
    // The same 2 GiB of XML declaring 1 MiB: the zip reader stops at the declared size.
    let head = format!("{SHEET_HEAD}<sheetData>{}", report_rows("Tỷ lệ"));
    let chunk = bomb_chunk();
    let mut parts = xlsx_frame();
    parts.push(repeated(
        "xl/worksheets/sheet1.xml",
        (head.as_bytes(), &chunk, b"</sheetData></worksheet>"),
        11,
        Some(1 << 20),
    ));
    let bomb = zip(&parts);
    let error = load_within("liar.xlsx", &bomb, 256 * MIB).expect_err("a lying bomb fails");
    assert!(
        matches!(error, LoadError::Sheet { ref sheet, .. } if sheet == "Chỉ tiêu"),
        "{error}"
    );
}

#[test]
fn zip_bomb_shared_strings_and_ods_content_are_refused() {
    // Shared strings, which a reader takes into memory whole before any sheet.
    let mut parts = xlsx_frame();
    parts.push(deflated(
        "xl/worksheets/sheet1.xml",
        format!(
            "{SHEET_HEAD}<sheetData>{}</sheetData></worksheet>",
            report_rows("Tỷ lệ")
        )
        .as_bytes(),
    ));
    parts.push(repeated(
        "xl/sharedStrings.xml",
        (
            br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
            &b"<si><t>bom</t></si>".repeat(MIB / 19),
            b"</sst>",
        ),
        11,
        None,
    ));
    let error = load_within("strings.xlsx", &zip(&parts), 64 * MIB).expect_err("refused");
    let message = error.to_string();
    assert!(matches!(error, LoadError::TooLarge { .. }), "{message}");
    assert!(message.contains("xl/sharedStrings.xml"), "{message}");

    // An ODS file's content.
    let ods = zip(&[
        stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        deflated(
            "META-INF/manifest.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
        repeated(
            "content.xml",
            (
                br#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A">"#,
                &b"<table:table-row><table:table-cell><text:p>bom</text:p></table:table-cell></table:table-row>".repeat(MIB / 90),
                b"</table:table></office:spreadsheet></office:body></office:document-content>",
            ),
            11,
            None,
        ),
    ]);
    let error = load_within("bomb.ods", &ods, 64 * MIB).expect_err("refused");
    let message = error.to_string();
    assert!(matches!(error, LoadError::TooLarge { .. }), "{message}");
    assert!(message.contains("content.xml"), "{message}");
}

#[test]
fn a_sheet_declaring_a_million_rows_costs_its_content() {
    let sheet = format!(
        r#"{SHEET_HEAD}<dimension ref="A1:Z1000000"/><sheetData>{}<row r="1048576">{}{}</row></sheetData></worksheet>"#,
        report_rows("Tỷ lệ trẻ em được bảo vệ"),
        text_cell("A1048576", "Ghi chú: số liệu ước thực hiện"),
        text_cell("XFD1048576", "x"),
    );
    let bytes = xlsx(&sheet);
    let loaded = load_within("million.xlsx", &bytes, 256 * MIB).expect("reads");
    let indicator = loaded
        .strategies
        .iter()
        .flat_map(|strategy| &strategy.indicators)
        .find(|indicator| indicator.name == "Tỷ lệ trẻ em được bảo vệ")
        .expect("the indicator is read");
    assert_eq!(indicator.origin.as_ref().map(|origin| origin.row), Some(2));
    // The note in the last row is not an indicator.
    let indicators: usize = loaded
        .strategies
        .iter()
        .map(|strategy| strategy.indicators.len())
        .sum();
    assert_eq!(indicators, 1);
    assert!(
        loaded
            .decisions
            .iter()
            .any(|decision| decision.contains("row 1048576: note")),
        "{:?}",
        loaded.decisions
    );
}

/// About 50 MB of Vietnamese words.
fn fifty_megabytes() -> String {
    let words = "Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp ";
    words.repeat(50_000_000 / words.len())
}

#[test]
fn a_50_mb_cell_in_a_csv() {
    let huge = fifty_megabytes();
    // As the indicator's name, then as its actual result.
    let csv = format!(
        "STT;Chỉ tiêu;Đơn vị tính;Kế hoạch;Thực hiện\n1;\"{huge}\";%;90;95\n2;Tỷ lệ;%;90;95\n"
    );
    let result = load_within("huge-name.csv", csv.as_bytes(), 24 * csv.len());
    assert!(result.is_ok(), "{:?}", result.err());
    let digits = "9".repeat(50_000_000);
    let csv = format!(
        "STT;Chỉ tiêu;Đơn vị tính;Kế hoạch;Thực hiện\n1;Tỷ lệ;%;90;{digits}\n2;Số xã;xã;90;95\n"
    );
    let result = load_within("huge-number.csv", csv.as_bytes(), 24 * csv.len());
    assert!(result.is_ok(), "{:?}", result.err());
}

#[test]
fn a_50_mb_cell_in_an_xlsx() {
    let huge = fifty_megabytes();
    let sheet = format!(
        "{SHEET_HEAD}<sheetData>{}</sheetData></worksheet>",
        report_rows(&huge)
    );
    let bytes = xlsx(&sheet);
    let result = load_within("huge.xlsx", &bytes, 24 * huge.len());
    assert!(result.is_ok(), "{:?}", result.err());
}

/// An ODS workbook whose one sheet, named "Chỉ tiêu", holds `rows` (the XML of table rows).
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Chỉ tiêu">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip(&[
        stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        deflated(
            "META-INF/manifest.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
        deflated("content.xml", content.as_bytes()),
    ])
}

#[test]
fn ods_cells_repeated_to_a_hundred_million_are_bounded() {
    // Two cells a row, in the first and the last of 16,384 columns, on 6,000 rows: a reader that
    // lays the sheet out as a rectangle holds 98 million cells.
    let cell =
        r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;
    let rows = format!(
        r#"<table:table-row table:number-rows-repeated="6000">{cell}<table:table-cell table:number-columns-repeated="16382"/>{cell}</table:table-row>"#
    );
    let bytes = ods(&rows);
    let error = load_within("repeated.ods", &bytes, 64 * MIB).expect_err("refused");
    let message = error.to_string();
    assert!(
        matches!(error, LoadError::Sheet { ref sheet, .. } if sheet == "Chỉ tiêu"),
        "{message}"
    );
    assert!(message.contains("98304000 cells"), "{message}");

    // The same cells on 600 rows, 9.8 million cells, are read.
    let rows = rows.replace("\"6000\"", "\"600\"");
    let header = format!(
        "<table:table-row>{}</table:table-row>",
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]
            .map(|title| format!(r#"<table:table-cell office:value-type="string"><text:p>{title}</text:p></table:table-cell>"#))
            .concat()
    );
    let indicator = r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell office:value-type="string"><text:p>Tỷ lệ</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="90"/><table:table-cell office:value-type="float" office:value="95"/></table:table-row>"#;
    survives(
        "wide.ods",
        &ods(&format!("{header}{indicator}{rows}")),
        1 << 30,
    );
}

#[test]
fn a_csv_of_delimiters_costs_a_multiple_of_its_size() {
    // 10 MB of empty fields: on one line, then on 10,000 lines of 1,000. An empty field is one
    // byte of the file and, up to the 16,384th column, a cell of the grid.
    let one_line = format!(
        "STT;Chỉ tiêu;Kế hoạch;Thực hiện\n1;Tỷ lệ;90;95{}\n",
        ";".repeat(10_000_000)
    );
    survives("one-line.csv", one_line.as_bytes(), 40 * one_line.len());
    let lines = format!(
        "STT;Chỉ tiêu;Kế hoạch;Thực hiện\n1;Tỷ lệ;90;95\n{}",
        format!("{}\n", ";".repeat(1_000)).repeat(10_000)
    );
    survives("many-lines.csv", lines.as_bytes(), 40 * lines.len());
    // Ten million empty fields, then a value: what lies past column XFD is not read, and a
    // warning names the line.
    let far = format!(
        "STT;Chỉ tiêu;Kế hoạch;Thực hiện\n1;Tỷ lệ;90;95{}x\n2;Số xã;10;12\n",
        ";".repeat(10_000_000)
    );
    let loaded = load_within("far.csv", far.as_bytes(), 40 * far.len()).expect("reads");
    let warning = loaded
        .warnings
        .iter()
        .find(|warning| warning.message.contains("past column XFD"))
        .expect("a warning names the cut line");
    assert_eq!(warning.at.row, 2);
    assert_eq!(loaded.strategies[0].indicators.len(), 2);
}
