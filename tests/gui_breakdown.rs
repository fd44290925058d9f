//! The breakdown filter driven without a window (`egui_kittest`): a long file with commune and
//! sex columns shows its totals, a commune or a commune and a sex chosen in the filter shows
//! that breakdown's figures in the table and the charts (read-only), and "All" shows the
//! totals again.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use chitieu::app::{ChitieuApp, Command, Route};
use chitieu::model::Measure;
use eframe::egui::{self, Key, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Two indicators (a count and a ratio x/y) for two communes and both sexes, 2020.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("breakdown_communes.csv")
}

/// The app on the fixture, in Vietnamese, showing the strategy's table.
fn harness() -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[fixture()]));
    harness.run();
    assert!(harness.state().errors().is_empty());
    harness.state_mut().send(Command::ShowStrategy(0));
    harness.step();
    harness.run();
    assert_eq!(harness.state().route(), Route::Strategy(0));
    harness
}

/// Opens the combo box of `dimension` in the filter and picks `value` by its label.
fn choose(harness: &mut Harness<'static, ChitieuApp>, dimension: &str, value: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, &format!("{dimension}:"))
        .click();
    harness.run();
    harness
        .get_all_by_label(value)
        .last()
        .expect("the value is listed")
        .click();
    harness.run();
}

/// The actual result of CT01 (a count) for 2020 in the document.
fn total_actual(harness: &Harness<'static, ChitieuApp>) -> Option<Measure> {
    harness.state().document().strategies[0].indicators[0]
        .value(2020)
        .and_then(|value| value.actual.as_ref())
        .map(|actual| actual.measure)
}

#[test]
fn a_commune_chosen_in_the_filter_shows_its_figures_and_all_the_totals() {
    let mut harness = harness();
    // Totals made by the reader: 120 + 80 + 90 + 65 people; (30+50+45+20)/(40+60+50+40).
    harness.get_by_label("355");
    harness.get_by_label("145/190");
    harness.get_by_label("0/2 chỉ tiêu đạt và vượt");

    choose(&mut harness, "Xã", "Phú Mậu");
    // Phú Mậu, both sexes: 90 + 65 people, 65/90 households.
    harness.get_by_label("155");
    harness.get_by_label("65/90");
    assert!(harness.query_by_label("355").is_none());
    harness.get_by_label("Đang xem: Phú Mậu");

    choose(&mut harness, "Giới tính", "Nữ");
    // One part as written: the women of Phú Mậu, 90 of a target of 100, 45/50 (90 % of 80 %).
    harness.get_by_label("90");
    harness.get_by_label("45/50");
    harness.get_by_label("1/2 chỉ tiêu đạt và vượt");
    harness.get_by_label("Đang xem: Phú Mậu · Nữ");

    // A breakdown's figures are read-only: F2 and typing open no editor (the search field
    // stays the only text field), and the bar above the table says why.
    let fields = harness.get_all_by_role(Role::TextInput).count();
    harness.get_by_label("90").click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    assert_eq!(harness.get_all_by_role(Role::TextInput).count(), fields);
    harness.get_by_label("90").click();
    harness.run();
    harness.event(egui::Event::Text("5".to_owned()));
    harness.run();
    assert_eq!(harness.get_all_by_role(Role::TextInput).count(), fields);
    harness.get_by_label_contains("Chỉ xem: số liệu của phân tổ");

    // The charts show the same breakdown, named in the title.
    harness.get_by_label("Biểu đồ").click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Charts(0));
    harness.get_by_label_contains("Phú Mậu · Nữ · Mức đạt so với kế hoạch · 2020");

    // "All" for the commune: the women of both communes, 120 + 90.
    choose(&mut harness, "Xã", "Tất cả");
    harness.get_by_label_contains("Nữ · Mức đạt so với kế hoạch · 2020");
    harness.get_by_label("Bảng").click();
    harness.run();
    harness.get_by_label("210");

    // "All" for the sex too: the totals again, as the file gave them.
    choose(&mut harness, "Giới tính", "Tất cả");
    harness.get_by_label("355");
    harness.get_by_label("145/190");
    assert!(harness.query_by_label_contains("Đang xem").is_none());
    assert_eq!(total_actual(&harness), Some(Measure::Number(355.0)));
}

#[test]
fn a_total_being_typed_is_kept_when_a_commune_is_chosen() {
    let mut harness = harness();
    harness.get_by_label("355").click();
    harness.run();
    harness.event(egui::Event::Text("360".to_owned()));
    harness.run();
    choose(&mut harness, "Xã", "Phú Mậu");
    harness.get_by_label("155");
    assert_eq!(total_actual(&harness), Some(Measure::Number(360.0)));
}

#[test]
fn the_filter_speaks_english_and_goes_back_to_totals() {
    let mut harness = harness();
    harness.state_mut().send(Command::SwitchLanguage);
    harness.step();
    harness.run();
    harness.get_by_label("Breakdown:");
    choose(&mut harness, "Xã", "Phú Thượng");
    // Phú Thượng: 120 + 80 people of a target of 200, met; 80/100 households, met.
    assert_eq!(
        harness.get_all_by_label("200").count(),
        2,
        "target and actual"
    );
    harness.get_by_label("80/100");
    harness.get_by_label("2/2 indicators met or exceeded");
    harness.get_by_label("Showing: Phú Thượng");
    harness.get_by_label("Show totals").click();
    harness.run();
    harness.get_by_label("355");
    assert!(harness.query_by_label_contains("Showing").is_none());
}
