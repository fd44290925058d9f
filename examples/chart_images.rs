//! Writes the README's chart images: every kind of chart of the two sample strategies as PNG,
//! drawn by the library's export (no window needed).
//!
//! `cargo run --example chart_images -- docs` writes `docs/chart-*.png`; a second argument
//! `dark` draws them in the dark theme and `en` in English.

use std::path::PathBuf;

use chitieu::chart::{
    BarOrder, Chart, achievement_chart, budget_chart, bullet, status_stacks, time_series,
};
use chitieu::chart_export::{ExportOptions, ExportSize, png};
use chitieu::io::{ImportOptions, load_bytes};
use chitieu::model::Strategy;
use chitieu::palette::Theme;
use chitieu::report::Language;

fn sample(name: &str, bytes: &[u8]) -> Result<Strategy, String> {
    let loaded =
        load_bytes(name, bytes, &ImportOptions::default()).map_err(|error| error.to_string())?;
    loaded
        .strategies
        .into_iter()
        .next()
        .ok_or_else(|| format!("{name}: no strategy"))
}

fn index(strategy: &Strategy, code: &str) -> Result<usize, String> {
    strategy
        .indicators
        .iter()
        .position(|indicator| indicator.code == code)
        .ok_or_else(|| format!("{}: no indicator {code}", strategy.code))
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().unwrap_or_else(|| "docs".to_owned()));
    let rest: Vec<String> = args.collect();
    let theme = if rest.iter().any(|arg| arg == "dark") {
        Theme::Dark
    } else {
        Theme::Light
    };
    let language = if rest.iter().any(|arg| arg == "en") {
        Language::En
    } else {
        Language::Vi
    };
    let bvcste = sample(
        "bvcste-2016-2020.xlsx",
        include_bytes!("../assets/samples/bvcste-2016-2020.xlsx"),
    )?;
    let bdg = sample(
        "binh-dang-gioi-2011-2020.csv",
        include_bytes!("../assets/samples/binh-dang-gioi-2011-2020.csv"),
    )?;
    let charts = [
        (
            "achievement-bvcste",
            Chart::Achievement(achievement_chart(&bvcste, None, BarOrder::Code)),
        ),
        (
            "achievement-bdg",
            Chart::Achievement(achievement_chart(&bdg, None, BarOrder::Achievement)),
        ),
        (
            "bullet-mt4-1",
            Chart::Bullet(
                bullet(&bdg, index(&bdg, "MT4.1")?, 2020).ok_or("MT4.1 has no 2020 target")?,
            ),
        ),
        (
            "time-series-stt5",
            Chart::TimeSeries(
                time_series(&bvcste, index(&bvcste, "5")?).ok_or("STT 5 has no series")?,
            ),
        ),
        (
            "status-summary",
            Chart::StatusSummary(status_stacks([&bvcste, &bdg], |_| None, true)),
        ),
        ("budget", Chart::Budget(budget_chart([&bvcste, &bdg]))),
    ];
    std::fs::create_dir_all(&folder).map_err(|error| error.to_string())?;
    let options = ExportOptions {
        size: ExportSize {
            width: 1280,
            height: 720,
            scale: 1.3,
        },
        theme,
        language,
    };
    for (name, chart) in &charts {
        let bytes = png(chart, &options).map_err(|error| error.to_string())?;
        let path = folder.join(format!("chart-{name}.png"));
        std::fs::write(&path, &bytes).map_err(|error| format!("{}: {error}", path.display()))?;
        println!("{} ({} KB)", path.display(), bytes.len() / 1024);
    }
    Ok(())
}
