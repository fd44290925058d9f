//! Chart data and chart images of the two sample strategies, as `shared/data/EXPECTED.md` says
//! they read: the achievement of STT 5 is 52.4 / 60, MT4.1 (110.6 boys per 100 girls, ≤ 113)
//! is met or exceeded and never a percentage, the status counts per strategy and milestone,
//! the budget at 275 % of plan; and exported PNG images decode at exactly the size asked for.

use std::path::PathBuf;

use chitieu::chart::{
    BarOrder, Chart, ChartKind, achievement_chart, budget_chart, bullet, milestones, status_stacks,
    time_series,
};
use chitieu::chart_export::{ExportOptions, ExportSize, png, rgba, svg};
use chitieu::chart_text;
use chitieu::io::{ImportOptions, load_path};
use chitieu::model::{Comparator, Status, Strategy, UnitScale};
use chitieu::palette::{DARK, LIGHT, Theme};
use chitieu::report::Language;

fn sample(name: &str) -> Strategy {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("samples")
        .join(name);
    let loaded = load_path(&path, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name} does not load: {error}"));
    assert_eq!(loaded.strategies.len(), 1, "{name}");
    loaded.strategies.into_iter().next().unwrap()
}

fn bvcste() -> Strategy {
    sample("bvcste-2016-2020.xlsx")
}

fn bdg() -> Strategy {
    sample("binh-dang-gioi-2011-2020.csv")
}

fn index_of(strategy: &Strategy, code: &str) -> usize {
    strategy
        .indicators
        .iter()
        .position(|indicator| indicator.code == code)
        .unwrap_or_else(|| panic!("no indicator {code} in {}", strategy.code))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn achievement_bars_of_bvcste() {
    let strategy = bvcste();
    let chart = achievement_chart(&strategy, None, BarOrder::Code);
    assert_eq!(chart.period, Some(2020));
    assert_eq!(chart.bars.len(), 14, "the budget line is not a bar");
    let five = chart.bars.iter().find(|bar| bar.code == "5").unwrap();
    assert_eq!(five.actual_text, "76/145");
    assert!(close(five.actual.unwrap(), 76.0 / 145.0 * 100.0));
    assert!(close(
        five.achievement.unwrap(),
        76.0 / 145.0 * 100.0 / 60.0 * 100.0
    ));
    assert_eq!(five.status, Status::NotMet);
    assert_eq!(
        five.name,
        "Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em"
    );

    let sorted = achievement_chart(&strategy, None, BarOrder::Achievement);
    let codes: Vec<&str> = sorted.bars.iter().map(|bar| bar.code.as_str()).collect();
    assert_eq!(&codes[..2], ["5", "4"], "lowest achievement first");
    let not_met: Vec<&str> = sorted
        .bars
        .iter()
        .filter(|bar| bar.status == Status::NotMet)
        .map(|bar| bar.code.as_str())
        .collect();
    assert_eq!(not_met, ["5", "4"]);
    // STT 7 (5 % allowed, 1.6 % found, no baseline above the target) is at 312 %: its bar is
    // cut at 200 % and the note says so.
    let seven = chart.bars.iter().find(|bar| bar.code == "7").unwrap();
    assert!(close(seven.achievement.unwrap(), 5.0 / 1.6 * 100.0));
    assert!(chart.any_cut());
    let notes = chart_text::notes(Language::Vi, &Chart::Achievement(chart));
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("200 %"));
}

#[test]
fn mt4_1_is_a_rate_per_100_and_met() {
    let strategy = bdg();
    let index = index_of(&strategy, "MT4.1");
    let bullet = bullet(&strategy, index, 2020).unwrap();
    assert_eq!(bullet.unit.text, "bé trai/100 bé gái");
    assert_eq!(bullet.unit.scale, UnitScale::PerN(100.0));
    assert!(!bullet.unit.is_percent());
    assert!(close(bullet.actual.unwrap(), 110.6));
    assert!(close(bullet.target, 113.0));
    assert_eq!(bullet.comparator, Comparator::AtMost);
    assert!(bullet.status.is_achieved(), "{:?}", bullet.status);
    assert!(close(bullet.good_zone.1, 113.0));
    assert!(bullet.good_zone.0.is_infinite());
    assert!(bullet.axis.1 > 113.0);

    // Its figures are in its unit, never a percentage, in the language's number format.
    let chart = Chart::Bullet(bullet);
    let vi = chart_text::subtitle(Language::Vi, &chart).join(" ");
    assert!(vi.contains("bé trai/100 bé gái"), "{vi}");
    assert!(vi.contains("càng thấp càng tốt"), "{vi}");
    let options = ExportOptions {
        size: ExportSize::default(),
        theme: Theme::Light,
        language: Language::Vi,
    };
    let drawing = svg(&chart, &options);
    assert!(
        drawing.contains("110,6 bé trai/100 bé gái"),
        "Vietnamese decimals"
    );
    assert!(!drawing.contains("110,6 %"));
    assert!(
        drawing.contains("Giá trị (bé trai/100 bé gái)"),
        "the axis says the unit"
    );
    let english = svg(
        &chart,
        &ExportOptions {
            language: Language::En,
            ..options
        },
    );
    assert!(english.contains("110.6 bé trai/100 bé gái"));
}

#[test]
fn a_rate_per_100000_keeps_its_unit() {
    let strategy = bvcste();
    let index = index_of(&strategy, "9");
    let bullet = bullet(&strategy, index, 2020).unwrap();
    assert_eq!(bullet.unit.scale, UnitScale::PerN(100_000.0));
    assert_eq!(bullet.status, Status::Exceeded);
    let baseline = bullet.baseline.unwrap();
    assert!(close(baseline, 690.0));
    let drawing = svg(
        &Chart::Bullet(bullet),
        &ExportOptions {
            size: ExportSize::default(),
            theme: Theme::Light,
            language: Language::En,
        },
    );
    assert!(
        drawing.contains("540 trên 100.000 trẻ em"),
        "actual in its unit"
    );
    assert!(drawing.contains("Baseline 2015: 690 trên 100.000 trẻ em"));
}

#[test]
fn time_series_with_gap_and_running_totals() {
    let strategy = bvcste();
    let five = time_series(&strategy, index_of(&strategy, "5")).unwrap();
    let periods: Vec<i32> = five.targets.iter().map(|target| target.period).collect();
    assert_eq!(periods, [2016, 2017, 2018, 2019, 2020]);
    assert_eq!(five.actuals.len(), 5);
    assert_eq!(five.baseline, Some((2015, 38.0)));
    let gap = five.last_gap.as_ref().unwrap();
    assert_eq!(gap.period, 2020);
    assert!(close(gap.gap, 76.0 / 145.0 * 100.0 - 60.0));
    assert_eq!(gap.status, Some(Status::NotMet));
    assert_eq!(
        chart_text::gap_label(Language::Vi, gap, &five.unit),
        "Chênh lệch 2020: -7,586 điểm % (Chưa đạt)"
    );

    let eleven = time_series(&strategy, index_of(&strategy, "11")).unwrap();
    assert!(eleven.cumulative);
    let last = eleven.targets.last().unwrap();
    assert!(
        close(last.value, 50_000.0),
        "the final target is the last running total"
    );
    let per_year = eleven.per_period().unwrap();
    assert!(close(per_year.targets[1].value, 10_000.0));
    assert!(close(per_year.actuals[4].1, 66_000.0 - 52_700.0));

    let bdg = bdg();
    let range = time_series(&bdg, index_of(&bdg, "MT2.1")).unwrap();
    assert_eq!(range.targets[1].max, Some(60.0));
    assert!(
        close(range.last_gap.unwrap().gap, 0.0),
        "47 is inside 40-60"
    );
}

#[test]
fn status_summary_side_by_side() {
    let (bvcste, bdg) = (bvcste(), bdg());
    let stacks = status_stacks([&bvcste, &bdg], |_| Some(2020), false);
    let counts = |at: usize| -> Vec<usize> { stacks[at].counts.iter().map(|(_, n)| *n).collect() };
    assert_eq!(stacks[0].strategy, "BVCSTE");
    assert_eq!(counts(0), [9, 3, 2, 0]);
    assert_eq!((stacks[0].achieved(), stacks[0].total), (12, 14));
    assert_eq!(counts(1), [4, 2, 6, 0]);
    assert_eq!((stacks[1].achieved(), stacks[1].total), (6, 12));

    assert_eq!(milestones(&bdg), [2015, 2020]);
    assert_eq!(
        milestones(&bvcste),
        [2020],
        "2016-2019 follow 4 indicators of 14"
    );
    let every = status_stacks([&bvcste, &bdg], |_| None, true);
    let labels: Vec<String> = every
        .iter()
        .map(|stack| chart_text::stack_label(Language::Vi, &stack.strategy, stack.period))
        .collect();
    assert_eq!(labels, ["BVCSTE 2020", "BDG 2015", "BDG 2020"]);
    assert_eq!((every[1].achieved(), every[1].total), (6, 11));
}

#[test]
fn budget_at_275_percent_of_plan() {
    let (bvcste, bdg) = (bvcste(), bdg());
    let chart = budget_chart([&bvcste, &bdg]);
    assert_eq!(chart.unit.as_deref(), Some("tỷ đồng"));
    let line = &chart.groups[0].lines[0];
    assert!(close(line.planned.unwrap(), 35.0));
    assert!(close(line.actual.unwrap(), 96.245));
    assert_eq!(line.percent_of_plan.map(f64::round), Some(275.0));
    assert!(chart.groups[1].lines.is_empty(), "BDG has no budget line");
    let options = ExportOptions {
        size: ExportSize::default(),
        theme: Theme::Light,
        language: Language::Vi,
    };
    let drawing = svg(&Chart::Budget(chart.clone()), &options);
    assert!(drawing.contains("96,245"));
    assert!(drawing.contains("275 % kế hoạch"));
    assert!(drawing.contains("Kinh phí (tỷ đồng)"));
    assert!(drawing.contains("BDG: không có dòng kinh phí"));
    let english = svg(
        &Chart::Budget(chart),
        &ExportOptions {
            language: Language::En,
            ..options
        },
    );
    assert!(english.contains("96.245"));
    assert!(english.contains("275 % of plan"));
}

/// Every chart of the sample, one per kind.
fn every_chart() -> Vec<Chart> {
    let (bvcste, bdg) = (bvcste(), bdg());
    vec![
        Chart::Achievement(achievement_chart(&bdg, None, BarOrder::Achievement)),
        Chart::Bullet(bullet(&bdg, index_of(&bdg, "MT4.1"), 2020).unwrap()),
        Chart::TimeSeries(time_series(&bvcste, index_of(&bvcste, "5")).unwrap()),
        Chart::StatusSummary(status_stacks([&bvcste, &bdg], |_| Some(2020), false)),
        Chart::Budget(budget_chart([&bvcste, &bdg])),
    ]
}

#[test]
fn every_chart_writes_its_words_in_both_languages() {
    for chart in every_chart() {
        for language in [Language::Vi, Language::En] {
            let drawing = svg(
                &chart,
                &ExportOptions {
                    size: ExportSize::default(),
                    theme: Theme::Light,
                    language,
                },
            );
            assert!(drawing.starts_with("<svg "));
            assert!(drawing.contains(r#"width="1920" height="1080" viewBox="0 0 960 540""#));
            assert!(drawing.contains("font-family=\"Noto Sans"));
            let title = chart_text::title(language, &chart);
            assert!(drawing.contains(&title), "{title}");
            for entry in chart_text::legend(language, &LIGHT, &chart) {
                assert!(drawing.contains(&entry.label), "{}", entry.label);
            }
        }
    }
    let kinds: Vec<ChartKind> = every_chart().iter().map(Chart::kind).collect();
    assert_eq!(kinds, ChartKind::ALL);
}

#[test]
fn statuses_are_written_on_bars_and_segments() {
    let charts = every_chart();
    let options = ExportOptions {
        size: ExportSize::default(),
        theme: Theme::Light,
        language: Language::Vi,
    };
    let achievement = svg(&charts[0], &options);
    // The legend and the bars: "Chưa đạt" once in the legend and once per bar not met.
    assert!(achievement.matches(">Chưa đạt<").count() > 1);
    assert!(
        achievement.contains("url(#hatch)"),
        "bars not met are hatched"
    );
    let summary = svg(&charts[3], &options);
    assert!(summary.contains("Vượt: 9"));
    assert!(summary.contains("Chưa đạt: 6"));
    assert!(summary.contains("12/14 đạt và vượt"));
}

#[test]
fn png_export_has_the_size_asked_for() {
    for (chart, size) in every_chart().iter().zip([
        ExportSize::default(),
        ExportSize {
            width: 1280,
            height: 720,
            scale: 1.5,
        },
        ExportSize {
            width: 1600,
            height: 1200,
            scale: 2.0,
        },
        ExportSize {
            width: 800,
            height: 600,
            scale: 1.0,
        },
        ExportSize::default(),
    ]) {
        let bytes = png(
            chart,
            &ExportOptions {
                size,
                theme: Theme::Light,
                language: Language::Vi,
            },
        )
        .unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!(
            (info.width, info.height),
            (size.width, size.height),
            "{:?}",
            chart.kind()
        );
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), (size.width, size.height));
        // Not a blank image: the background is white and there is dark text on it.
        let channels = frame.color_type.samples();
        let pixel = |x: usize, y: usize| {
            let at = (y * frame.width as usize + x) * channels;
            &pixels[at..at + 3]
        };
        assert_eq!(pixel(2, 2), [255, 255, 255]);
        let dark = pixels[..frame.buffer_size()]
            .chunks(channels)
            .filter(|p| p[0] < 80 && p[1] < 80 && p[2] < 80)
            .count();
        assert!(dark > 1000, "{:?}: {dark} dark pixels", chart.kind());
    }
}

#[test]
fn dark_images_and_clipboard_pixels() {
    let chart = &every_chart()[3];
    let image = rgba(
        chart,
        &ExportOptions {
            size: ExportSize {
                width: 640,
                height: 360,
                scale: 0.5,
            },
            theme: Theme::Dark,
            language: Language::En,
        },
    )
    .unwrap();
    assert_eq!((image.width, image.height), (640, 360));
    assert_eq!(image.pixels.len(), 640 * 360 * 4);
    let background = DARK.background;
    assert_eq!(
        &image.pixels[..4],
        [background.r, background.g, background.b, 255]
    );
    // The status colours of the dark palette are on it.
    let exceeded = DARK.exceeded;
    assert!(
        image
            .pixels
            .chunks(4)
            .any(|p| p[..3] == [exceeded.r, exceeded.g, exceeded.b])
    );
    let too_small = ExportSize {
        width: 100,
        height: 100,
        scale: 1.0,
    };
    assert!(
        png(
            chart,
            &ExportOptions {
                size: too_small,
                theme: Theme::Light,
                language: Language::En,
            }
        )
        .is_err()
    );
}
