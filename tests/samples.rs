//! The shared sample files read exactly as `shared/data/EXPECTED.md` says, value by value.
#![expect(
    clippy::float_cmp,
    reason = "parsed values are compared exactly: 96,245 must read as 96.245, not near it"
)]

use std::path::PathBuf;

use chitieu::analysis::{AchievementRule, Summary, summarize};
use chitieu::io::{ImportOptions, Loaded, load_path};
use chitieu::model::{Comparator, Direction, Measure, Status, Strategy, UnitScale};
use chitieu::report::{Format, Language, write_summaries};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")).join(name)
}

fn load(name: &str) -> Loaded {
    load_path(&sample(name), &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name} does not load: {error}"))
}

fn strategy<'a>(loaded: &'a Loaded, code: &str) -> &'a Strategy {
    loaded
        .strategies
        .iter()
        .find(|strategy| strategy.code == code)
        .unwrap_or_else(|| panic!("no strategy {code} in {}", loaded.file))
}

fn codes_with(summary: &Summary, status: Status) -> Vec<&str> {
    summary
        .rows
        .iter()
        .filter(|row| row.evaluation.status == status)
        .map(|row| row.code.as_str())
        .collect()
}

fn achieved_codes(summary: &Summary) -> Vec<&str> {
    summary
        .rows
        .iter()
        .filter(|row| row.evaluation.status.is_achieved())
        .map(|row| row.code.as_str())
        .collect()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn bvcste_workbook_summary() {
    let loaded = load("bvcste-2016-2020.xlsx");
    assert_eq!(loaded.strategies.len(), 1, "both sheets are one strategy");
    let bvcste = strategy(&loaded, "BVCSTE");
    assert_eq!(bvcste.span, Some((2016, 2020)));
    assert!(
        bvcste.name.contains("bảo vệ, chăm sóc trẻ em"),
        "{}",
        bvcste.name
    );
    assert_eq!(
        bvcste.indicators.len(),
        14,
        "the budget line is not an indicator"
    );
    let codes: Vec<&str> = bvcste.indicators.iter().map(|i| i.code.as_str()).collect();
    let expected: Vec<String> = (1..=14).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected);
    let goals: Vec<&str> = bvcste.goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(goals, ["I", "II", "III", "IV"]);

    let summary = summarize(bvcste, None);
    assert_eq!(summary.period, Some(2020));
    assert_eq!(summary.total, 14);
    assert_eq!(summary.achieved(), 12);
    assert_eq!(codes_with(&summary, Status::NotMet), ["4", "5"]);
    assert_eq!(summary.count(Status::NoData), 0);
    assert_eq!(
        summary.disagreements().count(),
        0,
        "the file's Đánh giá agrees"
    );

    assert_eq!(summary.budget.len(), 1);
    let budget = &summary.budget[0];
    assert_eq!(budget.name, "Kinh phí thực hiện Đề án");
    assert_eq!(budget.unit, "tỷ đồng");
    assert_eq!(budget.planned, Some(35.0));
    assert_eq!(budget.actual, Some(96.245));
    let percent = budget.percent_of_plan.expect("budget % of plan");
    assert!(close(percent, 274.99, 0.01), "{percent}");
    assert_eq!(Language::En.percent(percent), "275 %");
}

#[test]
fn bvcste_cells_written_as_text() {
    let loaded = load("bvcste-2016-2020.xlsx");
    let bvcste = strategy(&loaded, "BVCSTE");
    let by_code = |code: &str| {
        bvcste
            .indicators
            .iter()
            .find(|indicator| indicator.code == code)
            .unwrap_or_else(|| panic!("no indicator {code}"))
    };
    let target = |code: &str| {
        by_code(code)
            .value(2020)
            .and_then(|v| v.target.clone())
            .unwrap()
    };
    let actual = |code: &str| {
        by_code(code)
            .value(2020)
            .and_then(|v| v.actual.clone())
            .unwrap()
    };

    let stt2 = target("2");
    assert_eq!(
        (stt2.value, stt2.comparator),
        (10.0, Some(Comparator::LessThan))
    );
    assert_eq!(stt2.text, "dưới 10");
    assert_eq!(by_code("2").direction, Direction::Decrease);
    assert_eq!(target("3").comparator, Some(Comparator::AtLeast));
    assert_eq!(target("9").comparator, Some(Comparator::AtMost));
    assert_eq!(target("9").value, 600.0);
    assert_eq!(by_code("9").unit.scale, UnitScale::PerN(100_000.0));
    assert_eq!(target("10").comparator, Some(Comparator::LessThan));
    assert_eq!(target("11").value, 50_000.0);
    assert_eq!(target("11").text, "50.000");
    assert!(by_code("11").cumulative);

    let stt5 = actual("5");
    assert_eq!(stt5.text, "76/145");
    assert_eq!(
        stt5.measure,
        Measure::Ratio {
            numerator: 76.0,
            denominator: 145.0
        }
    );
    let evaluation = chitieu::analysis::evaluate(by_code("5"), 2020);
    assert!(close(evaluation.actual.unwrap(), 52.4138, 1e-4));
    assert!(close(
        evaluation.achievement.unwrap(),
        52.4138 / 60.0 * 100.0,
        1e-3
    ));
    assert_eq!(evaluation.status, Status::NotMet);
    assert_eq!(evaluation.rule, Some(AchievementRule::ActualOverTarget));

    assert_eq!(actual("11").measure, Measure::Number(66_000.0));
    let stt4 = chitieu::analysis::evaluate(by_code("4"), 2020);
    assert_eq!(stt4.actual, Some(89.6));
    assert_eq!(stt4.status, Status::NotMet);

    let baseline = by_code("2").baseline.clone().unwrap();
    assert_eq!((baseline.value, baseline.year), (11.2, Some(2015)));
    let origin = stt5.origin.unwrap();
    assert_eq!(origin.sheet(), Some("Tổng hợp"));
    assert_eq!(origin.column_letters(), "F");
    assert_eq!(by_code("4").source, "");
    assert!(by_code("4").note.starts_with("TTH.VN 20/01/2021"));
}

#[test]
fn bvcste_yearly_sheet_joins_the_same_indicators() {
    let loaded = load("bvcste-2016-2020.xlsx");
    let bvcste = strategy(&loaded, "BVCSTE");
    let stt11 = bvcste.indicators.iter().find(|i| i.code == "11").unwrap();
    let periods: Vec<i32> = stt11.values.iter().map(|v| v.period).collect();
    assert_eq!(periods, [2016, 2017, 2018, 2019, 2020]);
    assert_eq!(
        stt11.value(2016).unwrap().target.as_ref().unwrap().value,
        10_000.0
    );
    // The final target is the last period's running total, not the sum of the periods.
    let final_target = stt11.value(2020).unwrap().target.as_ref().unwrap().value;
    assert_eq!(final_target, 50_000.0);
    let stt5 = bvcste.indicators.iter().find(|i| i.code == "5").unwrap();
    // "Tổng hợp" (76/145) is kept; "Theo năm" (52.4) agrees, so there is no warning about it.
    assert_eq!(
        stt5.value(2020).unwrap().actual.as_ref().unwrap().text,
        "76/145"
    );
    assert!(
        loaded.warnings.is_empty(),
        "no warnings expected: {:?}",
        loaded.warnings
    );
    let summary_2016 = summarize(bvcste, Some(2016));
    assert_eq!(summary_2016.total, 4);
}

#[test]
fn gender_equality_csv_2020_and_2015() {
    let loaded = load("binh-dang-gioi-2011-2020.csv");
    let bdg = strategy(&loaded, "BDG");
    assert_eq!(bdg.span, Some((2011, 2020)));
    assert_eq!(bdg.indicators.len(), 12);
    assert!(loaded.decisions.iter().any(|d| d.contains("UTF-8")));
    assert!(loaded.decisions.iter().any(|d| d.contains("\";\"")));
    assert!(loaded.decisions.iter().any(|d| d.contains("decimal comma")));

    let summary = summarize(bdg, Some(2020));
    assert_eq!(summary.total, 12);
    assert_eq!(summary.achieved(), 6);
    assert_eq!(
        achieved_codes(&summary),
        ["MT2.1", "MT2.3", "MT2.4", "MT3.1", "MT4.1", "MT4.2"]
    );
    assert_eq!(
        codes_with(&summary, Status::NotMet),
        ["MT1.1", "MT1.2", "MT1.3", "MT2.2", "MT5.1", "MT6.1"]
    );

    let summary = summarize(bdg, Some(2015));
    assert_eq!(summary.total, 11);
    assert_eq!(summary.achieved(), 6);
    assert_eq!(
        achieved_codes(&summary),
        ["MT2.1", "MT2.3", "MT2.4", "MT3.1", "MT4.1", "MT4.2"]
    );
    assert!(summary.rows.iter().all(|row| row.code != "MT1.1"));
}

#[test]
fn gender_equality_comparators_and_units() {
    let loaded = load("binh-dang-gioi-2011-2020.csv");
    let bdg = strategy(&loaded, "BDG");
    let indicator = |code: &str| bdg.indicators.iter().find(|i| i.code == code).unwrap();
    let target = |code: &str| indicator(code).value(2020).unwrap().target.clone().unwrap();
    assert_eq!(target("MT1.1").comparator, Some(Comparator::AtLeast));
    assert_eq!(target("MT1.1").value, 25.0);
    assert_eq!(target("MT1.2").comparator, Some(Comparator::GreaterThan));
    assert_eq!(
        target("MT2.1").comparator,
        Some(Comparator::Range { max: 60.0 })
    );
    assert_eq!(indicator("MT2.1").direction, Direction::Range);
    assert_eq!(target("MT4.1").comparator, Some(Comparator::AtMost));
    assert_eq!(target("MT4.2").comparator, Some(Comparator::LessThan));
    assert_eq!(target("MT2.3").comparator, None);

    let mt41 = indicator("MT4.1");
    assert_eq!(mt41.direction, Direction::Decrease);
    assert_eq!(
        mt41.unit.scale,
        UnitScale::PerN(100.0),
        "boys per 100 girls, not %"
    );
    let evaluation = chitieu::analysis::evaluate(mt41, 2020);
    assert_eq!(evaluation.actual, Some(110.6));
    assert!(evaluation.status.is_achieved());
    let mt11 = chitieu::analysis::evaluate(indicator("MT1.1"), 2020);
    assert_eq!(mt11.actual, Some(19.7), "19,7 is 19.7 with a decimal comma");
    let goals: Vec<&str> = bdg.goals.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(goals, ["MT1", "MT2", "MT3", "MT4", "MT5", "MT6"]);
    assert_eq!(indicator("MT2.2").goal.as_deref(), Some("MT2"));
    assert!(indicator("MT1.1").source.starts_with("QĐ 2351/QĐ-TTg"));
}

#[test]
fn long_csv_gives_both_summaries() {
    let loaded = load("indicators-long.csv");
    assert_eq!(loaded.strategies.len(), 2);
    let bvcste = strategy(&loaded, "BVCSTE");
    let summary = summarize(bvcste, Some(2020));
    assert_eq!((summary.achieved(), summary.total), (12, 14));
    assert_eq!(codes_with(&summary, Status::NotMet), ["4", "5"]);
    assert_eq!(bvcste.span, Some((2016, 2020)));
    let bdg = strategy(&loaded, "BDG");
    let summary = summarize(bdg, Some(2020));
    assert_eq!((summary.achieved(), summary.total), (6, 12));
    let summary = summarize(bdg, Some(2015));
    assert_eq!((summary.achieved(), summary.total), (6, 11));
    assert!(loaded.decisions.iter().any(|d| d.contains("decimal point")));
    let stt2 = bvcste.indicators.iter().find(|i| i.code == "2").unwrap();
    assert_eq!(stt2.direction, Direction::Decrease);
    assert_eq!(
        stt2.baseline.as_ref().map(|b| (b.value, b.year)),
        Some((11.2, Some(2015)))
    );
}

#[test]
fn summary_command_output() {
    let loaded = load("bvcste-2016-2020.xlsx");
    let text = write_summaries(&loaded.strategies, None, Format::Text, Language::En);
    assert!(text.contains("12/14 indicators met or exceeded"), "{text}");
    assert!(text.contains("Not met: 4 "), "{text}");
    assert!(text.contains("275 % of plan"), "{text}");
    let vi = write_summaries(&loaded.strategies, None, Format::Text, Language::Vi);
    assert!(vi.contains("12/14 chỉ tiêu đạt và vượt"), "{vi}");
    assert!(vi.contains("96,245"), "{vi}");

    let csv = write_summaries(&loaded.strategies, None, Format::Csv, Language::En);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let status_at = headers.iter().position(|h| h == "status").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 14);
    let not_met = rows
        .iter()
        .filter(|row| &row[status_at] == "Not met")
        .count();
    assert_eq!(not_met, 2);

    let json = write_summaries(&loaded.strategies, None, Format::Json, Language::En);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["code"], "BVCSTE");
    assert_eq!(value[0]["met_or_exceeded"], 12);
    assert_eq!(value[0]["summary"]["total"], 14);
}

#[test]
fn summary_binary_on_the_samples() {
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_chitieu"))
            .args(args)
            .output()
            .expect("run chitieu");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let bdg = sample("binh-dang-gioi-2011-2020.csv");
    let bdg = bdg.to_str().unwrap();
    let (code, out, _) = run(&["summary", bdg, "--period", "2015"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("6/11 indicators met or exceeded"), "{out}");
    let (code, out, _) = run(&["summary", bdg]);
    assert_eq!(code, Some(0));
    assert!(out.contains("6/12 indicators met or exceeded"), "{out}");
    let (code, _, err) = run(&["summary", "no-such-file.csv"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no-such-file.csv"), "{err}");
    let (code, _, err) = run(&["summary", bdg, "--format", "xml"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown format"), "{err}");
}
