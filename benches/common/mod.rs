//! Deterministic large inputs for the benchmarks (and `cargo run --example generate`):
//! - a long table of 282,000 rows: 100 indicators × 141 communes × 10 years × 2 sexes, as
//!   `;`-delimited Vietnamese CSV (decimal commas) and as XLSX;
//! - a wide workbook of 5,000 indicators with "KH 2016" … "TH 2025" columns.
//!
//! Values come from a fixed linear congruential sequence, so every run writes the same bytes.

#![allow(dead_code, reason = "each benchmark uses part of the generator")]

use std::path::{Path, PathBuf};

/// Indicators in the long table.
pub const INDICATORS: usize = 100;
/// Communes (xã) per indicator.
pub const COMMUNES: usize = 141;
/// Years per commune.
pub const YEARS: usize = 10;
/// Sexes per year.
pub const SEXES: usize = 2;
/// Rows of the long table (without its header).
pub const LONG_ROWS: usize = INDICATORS * COMMUNES * YEARS * SEXES;
/// Indicators of the wide workbook.
pub const WIDE_ROWS: usize = 5_000;

/// A fixed pseudo-random sequence (Knuth's MMIX constants).
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// One row of the long table.
struct LongRow {
    code: String,
    name: String,
    unit: &'static str,
    commune: String,
    sex: &'static str,
    year: usize,
    target: String,
    actual: String,
}

fn long_rows() -> impl Iterator<Item = LongRow> {
    let mut sequence = Sequence(2016);
    (0..INDICATORS).flat_map(move |indicator| {
        let ratio = indicator % 2 == 1;
        let mut rows = Vec::with_capacity(COMMUNES * YEARS * SEXES);
        for commune in 0..COMMUNES {
            for year in 0..YEARS {
                for sex in 0..SEXES {
                    let (target, actual) = if ratio {
                        let denominator = 50 + sequence.below(400);
                        let numerator = denominator * (60 + sequence.below(40)) / 100;
                        (format!("{}", 80), format!("{numerator}/{denominator}"))
                    } else {
                        let target = 100 + sequence.below(900);
                        let actual = target * (80 + sequence.below(40)) / 100;
                        let cents = sequence.below(10);
                        (format!("{target}"), format!("{actual},{cents}"))
                    };
                    rows.push(LongRow {
                        code: format!("CT{:03}", indicator + 1),
                        name: if ratio {
                            format!("Tỷ lệ hộ được hỗ trợ theo chỉ tiêu số {}", indicator + 1)
                        } else {
                            format!(
                                "Số lượt người được phục vụ theo chỉ tiêu số {}",
                                indicator + 1
                            )
                        },
                        unit: if ratio { "%" } else { "lượt người" },
                        commune: format!("Xã số {:03}", commune + 1),
                        sex: if sex == 0 { "Nữ" } else { "Nam" },
                        year: 2016 + year,
                        target,
                        actual,
                    });
                }
            }
        }
        rows
    })
}

const LONG_HEADER: [&str; 8] = [
    "Mã",
    "Chỉ tiêu",
    "ĐVT",
    "Xã",
    "Giới tính",
    "Năm",
    "Kế hoạch",
    "Thực hiện",
];

/// The long table as `;`-delimited UTF-8 CSV with a byte order mark.
#[must_use]
pub fn long_csv() -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(LONG_HEADER.join(";").as_bytes());
    out.extend_from_slice(b"\r\n");
    for row in long_rows() {
        let line = format!(
            "{};{};{};{};{};{};{};{}\r\n",
            row.code, row.name, row.unit, row.commune, row.sex, row.year, row.target, row.actual
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}

/// The long table as an XLSX workbook (numbers as text, as typed in Vietnamese Excel).
pub fn long_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Số liệu")?;
    for (column, title) in LONG_HEADER.iter().enumerate() {
        sheet.write_string(0, column as u16, *title)?;
    }
    for (index, row) in long_rows().enumerate() {
        let r = index as u32 + 1;
        sheet.write_string(r, 0, &row.code)?;
        sheet.write_string(r, 1, &row.name)?;
        sheet.write_string(r, 2, row.unit)?;
        sheet.write_string(r, 3, &row.commune)?;
        sheet.write_string(r, 4, row.sex)?;
        sheet.write_number(r, 5, row.year as f64)?;
        sheet.write_string(r, 6, &row.target)?;
        sheet.write_string(r, 7, &row.actual)?;
    }
    workbook.save_to_buffer()
}

/// The wide workbook: 5,000 indicators with a target and an actual column for each of ten years.
pub fn wide_xlsx() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut sequence = Sequence(2025);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Theo năm")?;
    sheet.write_string(0, 0, "KẾ HOẠCH VÀ THỰC HIỆN THEO NĂM")?;
    let mut header = vec!["STT".to_owned(), "Chỉ tiêu".to_owned(), "ĐVT".to_owned()];
    for year in 2016..2026 {
        header.push(format!("KH {year}"));
        header.push(format!("TH {year}"));
    }
    for (column, title) in header.iter().enumerate() {
        sheet.write_string(2, column as u16, title)?;
    }
    for index in 0..WIDE_ROWS {
        let r = index as u32 + 3;
        sheet.write_number(r, 0, (index + 1) as f64)?;
        sheet.write_string(r, 1, format!("Chỉ tiêu tổng hợp số {}", index + 1))?;
        sheet.write_string(r, 2, "%")?;
        for year in 0..10u16 {
            let target = 50 + sequence.below(50);
            let actual = target as f64 * (0.8 + sequence.below(40) as f64 / 100.0);
            sheet.write_number(r, 3 + 2 * year, target as f64)?;
            sheet.write_number(r, 4 + 2 * year, (actual * 10.0).round() / 10.0)?;
        }
    }
    workbook.save_to_buffer()
}

/// Where generated files are kept between benchmark runs: `target/bench-data`.
#[must_use]
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data")
}

/// The bytes of a generated file, written once and reused.
pub fn cached(name: &str, make: impl FnOnce() -> Vec<u8>) -> Vec<u8> {
    let path = data_dir().join(name);
    if let Ok(bytes) = std::fs::read(&path) {
        return bytes;
    }
    let bytes = make();
    if std::fs::create_dir_all(data_dir()).is_ok() {
        let _ = std::fs::write(&path, &bytes);
    }
    bytes
}
