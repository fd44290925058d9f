//! One fixture per import case (`tests/fixtures/import_cases`, written by `make_import_cases.py`),
//! each read to exact values.
#![expect(
    clippy::float_cmp,
    reason = "parsed values are compared exactly: 1.234,5 must read as 1234.5, not near it"
)]

use chitieu::analysis::{evaluate, summarize};
use chitieu::io::{ImportOptions, Loaded, load_bytes};
use chitieu::model::{Comparator, Direction, Indicator, Measure, Status, Strategy, UnitScale};

fn load(name: &str) -> Loaded {
    let path = format!(
        "{}/tests/fixtures/import_cases/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    load_bytes(name, &bytes, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name} does not load: {error}"))
}

fn only(loaded: &Loaded) -> &Strategy {
    assert_eq!(loaded.strategies.len(), 1, "{:?}", loaded.decisions);
    &loaded.strategies[0]
}

fn indicator<'a>(strategy: &'a Strategy, code: &str) -> &'a Indicator {
    strategy
        .indicators
        .iter()
        .find(|indicator| indicator.code == code)
        .unwrap_or_else(|| panic!("no indicator {code}"))
}

fn target(indicator: &Indicator, period: i32) -> (f64, Option<Comparator>) {
    let target = indicator.value(period).unwrap().target.as_ref().unwrap();
    (target.value, target.comparator)
}

fn actual(indicator: &Indicator, period: i32) -> Measure {
    indicator
        .value(period)
        .unwrap()
        .actual
        .as_ref()
        .unwrap()
        .measure
}

fn decided(loaded: &Loaded, part: &str) -> bool {
    loaded
        .decisions
        .iter()
        .any(|decision| decision.contains(part))
}

#[test]
fn pipe_delimiter_and_headers_without_diacritics() {
    let loaded = load("pipe_no_diacritics.txt");
    assert!(decided(&loaded, "\"|\""), "{:?}", loaded.decisions);
    let strategy = only(&loaded);
    let revenue = indicator(strategy, "1");
    assert_eq!(revenue.name, "Thu ngan sach tren dia ban");
    assert_eq!(target(revenue, 2022), (1234.5, None));
    assert_eq!(actual(revenue, 2022), Measure::Number(1300.25));
    let poverty = indicator(strategy, "2");
    assert_eq!(target(poverty, 2022), (3.0, Some(Comparator::LessThan)));
    assert_eq!(poverty.direction, Direction::Decrease);
    assert_eq!(poverty.note, "giam");
}

#[test]
fn tab_separated_wide_layout_in_english() {
    let loaded = load("tab_wide_en.tsv");
    assert!(decided(&loaded, "tab"));
    assert!(decided(&loaded, "decimal point"));
    let strategy = only(&loaded);
    assert_eq!(strategy.periods(), [2019, 2020]);
    let water = indicator(strategy, "A1");
    assert_eq!(target(water, 2019), (85.0, None));
    assert_eq!(actual(water, 2019), Measure::Number(84.2));
    assert_eq!(actual(water, 2020), Measure::Number(91.3));
    assert_eq!(water.baseline.as_ref().unwrap().value, 78.5);
    let mortality = indicator(strategy, "A2");
    assert_eq!(mortality.unit.scale, UnitScale::PerN(100_000.0));
    assert_eq!(target(mortality, 2020), (58.0, Some(Comparator::AtMost)));
    let evaluation = evaluate(mortality, 2020);
    assert_eq!(evaluation.status, Status::NotMet);
    // Lower is better with a baseline: (69 − 61) / (69 − 58).
    assert!((evaluation.achievement.unwrap() - 8.0 / 11.0 * 100.0).abs() < 1e-9);
    assert_eq!(evaluate(mortality, 2019).status, Status::Exceeded);
}

#[test]
fn utf16_big_endian_long_layout() {
    let loaded = load("utf16be_long.csv");
    assert!(decided(&loaded, "UTF-16BE"), "{:?}", loaded.decisions);
    let strategy = only(&loaded);
    let communes = indicator(strategy, "X1");
    assert_eq!(communes.name, "Tỷ lệ xã đạt chuẩn");
    assert_eq!(actual(communes, 2021), Measure::Number(48.5));
    assert_eq!(actual(communes, 2022), Measure::Number(61.25));
    assert_eq!(summarize(strategy, Some(2021)).count(Status::NotMet), 1);
}

#[test]
fn quoted_line_breaks_ragged_rows_goals_and_rows_that_are_not_indicators() {
    let loaded = load("quoted_ragged.csv");
    let strategy = only(&loaded);
    let codes: Vec<&str> = strategy
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["1", "2"],
        "goal, breakdown, totals and note rows are skipped"
    );
    let goals: Vec<(&str, &str)> = strategy
        .goals
        .iter()
        .map(|goal| (goal.code.as_str(), goal.name.as_str()))
        .collect();
    assert_eq!(goals, [("A", "Kinh tế"), ("B", "Xã hội")]);
    let growth = indicator(strategy, "1");
    assert_eq!(
        growth.name, "Tốc độ tăng trưởng GRDP (giá so sánh)",
        "a line break inside a name cell reads as a space"
    );
    assert_eq!(growth.goal.as_deref(), Some("A"));
    assert_eq!(target(growth, 2023), (7.5, None));
    assert_eq!(actual(growth, 2023), Measure::Number(7.8));
    let jobs = indicator(strategy, "2");
    assert_eq!(jobs.goal.as_deref(), Some("B"));
    assert_eq!(target(jobs, 2023), (20_000.0, None));
    assert_eq!(actual(jobs, 2023), Measure::Number(21_350.0));
    assert!(decided(&loaded, "\"Trong đó\" breakdown"));
    assert!(decided(&loaded, "totals row"));
    assert!(decided(&loaded, "note"));
    let origin = jobs.origin.as_ref().unwrap();
    assert_eq!(
        origin.row, 8,
        "line numbers count the line break inside a quoted cell"
    );
}

#[test]
fn metadata_lines_above_the_header() {
    let loaded = load("metadata_lines.csv");
    assert!(
        decided(&loaded, "header on row 5"),
        "{:?}",
        loaded.decisions
    );
    let strategy = only(&loaded);
    let exports = indicator(strategy, "KT01");
    assert_eq!(exports.name, "Kim ngạch xuất khẩu");
    assert_eq!(target(exports, 2023), (1250.0, None));
    let actual = exports.value(2023).unwrap().actual.as_ref().unwrap();
    assert_eq!(actual.measure, Measure::Number(1318.7));
    assert!(actual.estimate, "\"Ước thực hiện\" is an estimate");
}

#[test]
fn workbook_with_title_rows_three_row_header_percent_cells_formula_and_date() {
    let loaded = load("report_three_row_header.xlsx");
    assert!(
        decided(&loaded, "header on row 6 (and 1 more)"),
        "{:?}",
        loaded.decisions
    );
    assert!(decided(&loaded, "row 8: column numbers"));
    let strategy = only(&loaded);
    let codes: Vec<&str> = strategy
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(codes, ["1", "2", "3"]);
    let insurance = indicator(strategy, "1");
    assert_eq!(insurance.goal.as_deref(), Some("I"));
    assert!(
        (target(insurance, 2023).0 - 95.0).abs() < 1e-9,
        "0.95 formatted 0% is 95 %"
    );
    let Measure::Number(covered) = actual(insurance, 2023) else {
        panic!("not a number");
    };
    assert!((covered - 96.2).abs() < 1e-9);
    let doctors = indicator(strategy, "2");
    assert_eq!(
        actual(doctors, 2023),
        Measure::Number(9.5),
        "the formula's cached value"
    );
    assert_eq!(evaluate(doctors, 2023).status, Status::NotMet);
    assert_eq!(
        doctors
            .value(2023)
            .unwrap()
            .assessment
            .as_ref()
            .unwrap()
            .status,
        Some(Status::NotMet)
    );
    assert_eq!(
        strategy.periods(),
        [2023],
        "no stray period for the assessment"
    );
    let inventory = indicator(strategy, "3");
    let value = inventory.value(2023).unwrap();
    assert_eq!(value.unread_actual(), Some("2023-12-31"));
    let warning = loaded
        .warnings
        .iter()
        .find(|warning| warning.message.contains("2023-12-31"))
        .unwrap();
    assert_eq!(warning.at.sheet(), Some("Báo cáo"));
    assert_eq!(
        (warning.at.row, warning.at.column_letters().as_str()),
        (12, "E")
    );
}

#[test]
fn legacy_xls_workbook() {
    let loaded = load("report.xls");
    let strategy = only(&loaded);
    assert_eq!(strategy.span, Some((2021, 2025)));
    assert!(
        strategy
            .name
            .starts_with("Báo cáo chỉ tiêu chương trình giảm nghèo")
    );
    let poverty = indicator(strategy, "1");
    assert_eq!(target(poverty, 2025), (4.0, Some(Comparator::LessThan)));
    assert_eq!(actual(poverty, 2025), Measure::Number(3.6));
    let exits = indicator(strategy, "2");
    assert_eq!(actual(exits, 2025), Measure::Number(1420.0));
    let summary = summarize(strategy, None);
    assert_eq!((summary.achieved(), summary.total), (1, 2));
}

#[test]
fn ods_long_layout_on_its_second_sheet() {
    let loaded = load("long_two_sheets.ods");
    assert!(decided(
        &loaded,
        "sheet \"Ghi chú\": no indicator table, skipped"
    ));
    let strategy = only(&loaded);
    let ratio = indicator(strategy, "S1");
    assert_eq!(ratio.direction, Direction::Decrease);
    assert_eq!(ratio.unit.scale, UnitScale::PerN(100.0));
    assert_eq!(target(ratio, 2020), (112.0, Some(Comparator::AtMost)));
    assert_eq!(actual(ratio, 2021), Measure::Number(112.3));
    assert_eq!(evaluate(ratio, 2020).status, Status::Exceeded);
    assert_eq!(evaluate(ratio, 2021).status, Status::NotMet);
    assert_eq!(ratio.origin.as_ref().unwrap().sheet(), Some("Số liệu"));
}

#[test]
fn long_layout_with_disaggregation_columns() {
    let loaded = load("long_disaggregated.csv");
    let strategy = only(&loaded);
    let codes: Vec<&str> = strategy
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["C1", "C2", "C3", "C4"],
        "one indicator each, not one per commune"
    );

    // Counts add up: targets 120 + 130 + 80 + 95, actual results 122 + 127 + 82 + 92.
    let vaccinated = indicator(strategy, "C1");
    assert_eq!(vaccinated.breakdown.len(), 4);
    let labels: Vec<String> = vaccinated
        .breakdown
        .iter()
        .map(chitieu::model::Breakdown::label)
        .collect();
    assert_eq!(
        labels,
        [
            "Phú Thượng · Nữ",
            "Phú Thượng · Nam",
            "Phú Mậu · Nữ",
            "Phú Mậu · Nam"
        ]
    );
    assert_eq!(
        vaccinated.breakdown[0].keys,
        [
            ("Xã".to_owned(), "Phú Thượng".to_owned()),
            ("Giới tính".to_owned(), "Nữ".to_owned())
        ]
    );
    assert_eq!(target(vaccinated, 2023), (425.0, None));
    assert_eq!(actual(vaccinated, 2023), Measure::Number(423.0));
    assert_eq!(evaluate(vaccinated, 2023).status, Status::NotMet);
    let girls = chitieu::analysis::evaluate_breakdown(vaccinated, 0, 2023).unwrap();
    assert_eq!(girls.status, Status::Exceeded);

    // Ratios add numerators and denominators: (450 + 300) / (480 + 350).
    let water = indicator(strategy, "C2");
    assert_eq!(
        actual(water, 2023),
        Measure::Ratio {
            numerator: 750.0,
            denominator: 830.0
        }
    );
    assert_eq!(
        target(water, 2023),
        (90.0, None),
        "a target every commune shares"
    );
    assert_eq!(evaluate(water, 2023).status, Status::Exceeded);

    // Percentages given as numbers are never summed or averaged: no total actual.
    let women = indicator(strategy, "C3");
    assert_eq!(women.value(2023).unwrap().actual, None);
    assert_eq!(evaluate(women, 2023).status, Status::NoData);
    assert!(decided(&loaded, "percentages and rates are not summed"));

    // A "Toàn huyện" row is the total as given, not a breakdown part.
    let poor = indicator(strategy, "C4");
    assert_eq!(poor.breakdown.len(), 2);
    assert_eq!(target(poor, 2023), (400.0, Some(Comparator::LessThan)));
    assert_eq!(actual(poor, 2023), Measure::Number(385.0));
    assert!(
        poor.value(2023)
            .unwrap()
            .actual
            .as_ref()
            .unwrap()
            .origin
            .is_some()
    );

    // Saved and read back, the breakdown is kept exactly.
    let document = chitieu::model::Document {
        strategies: loaded.strategies.clone(),
        ..chitieu::model::Document::default()
    };
    let bytes = chitieu::store::to_xlsx(&document, "saved.xlsx").unwrap();
    assert_eq!(
        chitieu::store::from_xlsx("saved.xlsx", &bytes).unwrap(),
        document
    );
}

fn load_with(name: &str, options: &ImportOptions) -> Loaded {
    let path = format!(
        "{}/tests/fixtures/import_cases/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    load_bytes(name, &bytes, options)
        .unwrap_or_else(|error| panic!("{name} does not load: {error}"))
}

fn codes(strategy: &Strategy) -> Vec<&str> {
    strategy
        .indicators
        .iter()
        .map(|indicator| indicator.code.as_str())
        .collect()
}

fn warnings(loaded: &Loaded) -> Vec<String> {
    loaded.warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn xlsx_hidden_rows_and_columns_are_left_out_and_named() {
    let loaded = load("hidden_rows_columns.xlsx");
    let strategy = only(&loaded);
    assert_eq!(
        codes(strategy),
        ["1", "2", "3", "5"],
        "row 7 (indicator 4) is hidden"
    );
    let poverty = indicator(strategy, "1");
    assert_eq!(
        target(poverty, 2023),
        (4.0, None),
        "the hidden column D holds the superseded target 5"
    );
    assert_eq!(actual(poverty, 2023), Measure::Number(3.8));
    assert_eq!(target(indicator(strategy, "5"), 2023), (21000.0, None));
    assert_eq!(
        warnings(&loaded),
        [
            "hidden_rows_columns.xlsx, sheet \"Báo cáo\": rows 7, 9\u{2013}10 and column D are hidden in the file and were not read (include hidden rows and columns to read them)"
        ]
    );
}

#[test]
fn xlsx_hidden_rows_are_read_when_asked() {
    let options = ImportOptions {
        include_hidden: true,
        ..ImportOptions::default()
    };
    let loaded = load_with("hidden_rows_columns.xlsx", &options);
    let strategy = only(&loaded);
    // The helper rows 9 and 10, hidden for a reason, read as indicators without a code.
    assert_eq!(codes(strategy), ["1", "2", "3", "4", "5", "", ""]);
    // Read, the old target in column D comes first and is kept; the current one is a warning.
    assert_eq!(target(indicator(strategy, "1"), 2023), (5.0, None));
    assert!(warnings(&loaded).contains(
        &"hidden_rows_columns.xlsx, sheet \"Báo cáo\", row 4, column E: a second target \"4\" for 2023; the first, \"5\", is kept".to_owned()
    ));
    let training = indicator(strategy, "4");
    assert_eq!(training.name, "Tỷ lệ lao động qua đào tạo");
    assert_eq!(actual(training, 2023), Measure::Number(66.0));
    assert!(
        decided(
            &loaded,
            "sheet \"Báo cáo\": rows 7, 9\u{2013}10 and column D are hidden in the file and were read"
        ),
        "{:?}",
        loaded.decisions
    );
    assert!(
        !warnings(&loaded)
            .iter()
            .any(|warning| warning.contains("hidden in the file")),
        "{:?}",
        warnings(&loaded)
    );
}

#[test]
fn ods_collapsed_and_filtered_rows_and_columns_are_left_out_and_named() {
    let loaded = load("hidden_rows_columns.ods");
    let strategy = only(&loaded);
    assert_eq!(
        codes(strategy),
        ["A1", "A3", "A4"],
        "row 3 is collapsed and row 8 filtered out; row 7 follows a repeated pair of hidden rows"
    );
    assert_eq!(target(indicator(strategy, "A1"), 2023), (4.0, None));
    assert_eq!(
        actual(indicator(strategy, "A4"), 2023),
        Measure::Number(21350.0)
    );
    assert_eq!(
        warnings(&loaded),
        [
            "hidden_rows_columns.ods, sheet \"Chỉ tiêu\": rows 3, 8 and column D are hidden in the file and were not read (include hidden rows and columns to read them)"
        ]
    );
    let options = ImportOptions {
        include_hidden: true,
        ..ImportOptions::default()
    };
    let everything = load_with("hidden_rows_columns.ods", &options);
    assert_eq!(codes(only(&everything)), ["A1", "A2", "A3", "A4", "A5"]);
    assert_eq!(
        actual(indicator(only(&everything), "A5"), 2023),
        Measure::Number(91.0)
    );
}
