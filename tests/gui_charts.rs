//! The charts view driven without a window (`egui_kittest`): every kind of chart opens for
//! each sample strategy with its title, export writes a PNG of the chosen size, copying puts
//! an image on the clipboard, and the theme switch is remembered.

#![cfg(feature = "gui")]

use chitieu::app::{ChitieuApp, Command, Route, State};
use chitieu::chart::ChartKind;
use chitieu::chart_text;
use chitieu::palette::Theme;
use chitieu::report::Language;
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app as `chitieu` starts with no file: the built-in sample, in Vietnamese.
fn harness() -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    harness
}

/// Sends `command` as a view would: it is applied at the end of the next frame, and the frame
/// after shows its result.
fn send(harness: &mut Harness<'static, ChitieuApp>, command: Command) {
    harness.state_mut().send(command);
    harness.step();
    harness.run();
}

/// A fresh folder under the system's temporary folder.
fn temp_folder(name: &str) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("chitieu-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// The words every chart title carries, per kind, in Vietnamese.
fn title_words(kind: ChartKind) -> &'static str {
    let words = chart_text::words(Language::Vi);
    match kind {
        ChartKind::Achievement => words.achievement_title,
        ChartKind::Bullet => words.bullet_title,
        ChartKind::TimeSeries => words.series_title,
        ChartKind::StatusSummary => words.status_title,
        ChartKind::Budget => words.budget_title,
    }
}

#[test]
fn every_chart_opens_for_each_strategy() {
    let mut harness = harness();
    for (index, code) in ["BVCSTE", "BDG"].into_iter().enumerate() {
        harness.get_by_label(code).click();
        harness.run();
        assert_eq!(harness.state().route(), Route::Strategy(index));
        // The switch above the table.
        harness.get_by_label("Biểu đồ").click();
        harness.run();
        assert_eq!(harness.state().route(), Route::Charts(index));
        for kind in ChartKind::ALL {
            harness
                .get_by_label(chart_text::kind_name(Language::Vi, kind))
                .click();
            harness.run();
            let words = title_words(kind);
            harness.get_by_label_contains(words);
            if !kind.compares_strategies() {
                harness.get_by_label_contains(&format!("{code} "));
            }
        }
        // Back to the achievement chart, whose title names the strategy and the period.
        harness
            .get_by_label(chart_text::kind_name(Language::Vi, ChartKind::Achievement))
            .click();
        harness.run();
        harness.get_by_label(&format!("{code} · Mức đạt so với kế hoạch · 2020"));
        harness.get_by_label("Bảng").click();
        harness.run();
        assert_eq!(harness.state().route(), Route::Strategy(index));
    }
}

#[test]
fn the_overview_card_opens_the_charts_in_english_too() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert_eq!(harness.state().language(), Language::En);
    harness.get_all_by_label("Charts").nth(1).unwrap().click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Charts(1));
    harness.get_by_label("BDG · Achievement against target · 2020");
    harness.get_by_label("Status summary").click();
    harness.run();
    harness.get_by_label("Indicators by status");
    harness.get_by_label("Budget").click();
    harness.run();
    harness.get_by_label("Budget: planned and actual");
    harness.get_by_label_contains("BDG: no budget line");
}

#[test]
fn export_png_writes_the_chosen_size() {
    let folder = temp_folder("export");
    let mut harness = harness();
    harness.state_mut().export_charts_to(folder.clone());
    send(&mut harness, Command::ShowCharts(0));
    harness.get_by_label("Xuất PNG…").click();
    harness.run();
    let path = folder.join("bvcste-achievement-2020.png");
    let notice = harness
        .state()
        .chart_notice()
        .unwrap_or_default()
        .to_owned();
    assert!(notice.contains("bvcste-achievement-2020.png"), "{notice}");
    harness.get_by_label_contains("Đã lưu");
    let bytes = std::fs::read(&path).unwrap();
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1920, 1080));

    // A second export never overwrites the first; SVG goes beside it.
    harness.get_by_label("Xuất PNG…").click();
    harness.run();
    assert!(folder.join("bvcste-achievement-2020-2.png").exists());
    harness.get_by_label("Xuất SVG…").click();
    harness.run();
    let svg = std::fs::read_to_string(folder.join("bvcste-achievement-2020.svg")).unwrap();
    assert!(svg.contains("Mức đạt so với kế hoạch"));
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn copy_image_puts_the_chart_on_the_clipboard() {
    let mut harness = harness();
    send(&mut harness, Command::ShowCharts(1));
    harness.get_by_label("Sao chép ảnh").click();
    harness.step();
    let copied =
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|command| match command {
                egui::OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            });
    assert_eq!(copied, Some([1920, 1080]));
    harness.run();
    harness.get_by_label_contains("Đã chép ảnh 1920 × 1080");
}

#[test]
fn the_theme_switch_is_remembered() {
    let mut harness = harness();
    assert_eq!(harness.state().theme(), Theme::Light);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    harness.run();
    assert_eq!(harness.state().theme(), Theme::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    send(&mut harness, Command::ShowCharts(0));
    harness.get_by_label("BVCSTE · Mức đạt so với kế hoạch · 2020");

    let remembered: State = serde_json::from_str(r#"{"theme":"Dark"}"#).unwrap();
    assert_eq!(remembered.theme, Theme::Dark);
    assert_eq!(State::default().theme, Theme::Light);
}

#[test]
fn milestones_order_and_running_totals() {
    let mut harness = harness();
    send(&mut harness, Command::ShowCharts(0));
    harness.get_by_label("Tình hình đạt").click();
    harness.run();
    harness.get_by_label("BVCSTE 2020 · BDG 2020");
    harness.get_by_label("Mọi năm mốc").click();
    harness.run();
    harness.get_by_label("BVCSTE 2020 · BDG 2015 · BDG 2020");

    harness.get_by_label("Mức đạt").click();
    harness.run();
    harness.get_by_label("theo mức đạt").click();
    harness.run();
    harness.get_by_label("BVCSTE · Mức đạt so với kế hoạch · 2020");

    // STT 11 is a running total: its series can be shown per year.
    harness.get_by_label("Theo thời gian").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Chỉ tiêu:")
        .click();
    harness.run();
    // The list scrolls: bring the item into view before clicking it.
    harness
        .get_by_label_contains("11 — Số lượt trẻ em")
        .scroll_to_me();
    harness.run();
    harness.get_by_label_contains("11 — Số lượt trẻ em").click();
    harness.run();
    harness.get_by_label("BVCSTE 11 · Kế hoạch và thực hiện qua các năm");
    harness.get_by_label(chart_text::words(Language::Vi).cumulative);
    harness.get_by_label("Từng năm").click();
    harness.run();
    harness.get_by_label(chart_text::words(Language::Vi).per_period);
}
