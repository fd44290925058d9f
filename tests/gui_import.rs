//! Opening files in the desktop app (`egui_kittest`): they are read on a background thread that
//! can be cancelled; a file whose columns are unclear opens the import dialog, where the user
//! gives each column its role; choices remembered for files of a shape are used without asking.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chitieu::app::ChitieuApp;
use chitieu::io::ImportOptions;
use chitieu::io::preview::{Mappings, preview};
use chitieu::io::table::Role as ColumnRole;
use chitieu::model::{Indicator, Measure};
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A file whose header names no known column.
const UNSURE: &str = "Mục;Nội dung X;Số A;Số B\n1;Tỷ lệ trẻ em;95;96,5\n2;Tỷ lệ xã;60;52,4\n";
/// A file whose header names the code, the indicator and the target, but not the column of
/// results, which holds ratios ("76/145": 76 of 145 households).
const RATIOS: &str = "STT;Chỉ tiêu;Kế hoạch 2020;Số B\n1;Tỷ lệ hộ dùng nước sạch;50;76/145\n2;Tỷ lệ xã đạt chuẩn;60;30/50\n";
/// Next year's file of the same template.
const RATIOS_NEXT: &str = "STT;Chỉ tiêu;Kế hoạch 2021;Số B\n1;Tỷ lệ hộ dùng nước sạch;55;80/150\n2;Tỷ lệ xã đạt chuẩn;65;33/50\n";
const TITLE: &str = "Nhập tệp: chọn cách đọc";
const HEADLINE: &str = "1/2 chỉ tiêu đạt và vượt";

/// A temporary folder of its own for one test.
fn folder(test: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("chitieu-gui-import-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// The app on the built-in sample, remembering import choices in `mappings`.
fn harness(mappings: &Path) -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // Opening the dialog and its popups animates for a few frames.
        .with_max_steps(12)
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    harness
        .state_mut()
        .set_mappings_path(Some(mappings.to_path_buf()));
    harness
}

/// The app with remembered choices kept in `folder`, after `name` with `bytes` was opened and
/// the frames that followed ran.
fn opened(folder: &Path, name: &str, bytes: &[u8]) -> Harness<'static, ChitieuApp> {
    let mut harness = harness(&folder.join("mappings.json"));
    harness.state_mut().open_bytes(name, bytes);
    harness.run();
    harness
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("samples")
        .join(name)
}

#[test]
fn a_sure_file_opens_without_the_dialog() {
    let folder = folder("sure");
    let bytes = std::fs::read(sample("binh-dang-gioi-2011-2020.csv")).unwrap();
    let harness = opened(&folder, "binh-dang-gioi-2011-2020.csv", &bytes);
    assert!(!harness.state().is_asking());
    assert!(harness.query_by_label(TITLE).is_none());
    assert_eq!(harness.state().document().strategies.len(), 3);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn cancelling_the_dialog_adds_nothing() {
    let folder = folder("cancel");
    let mut harness = opened(&folder, "chi-tieu.csv", UNSURE.as_bytes());
    harness.get_by_label(TITLE);
    harness.get_by_label("Hủy").click();
    harness.run();
    assert!(!harness.state().is_asking());
    assert!(harness.query_by_label(TITLE).is_none());
    assert_eq!(harness.state().document().strategies.len(), 2);
    assert!(harness.state().errors().is_empty());
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_mapping_saved_before_is_used_without_the_dialog() {
    let folder = folder("saved");
    let path = folder.join("mappings.json");
    let shape = preview("chi-tieu.csv", UNSURE.as_bytes(), &ImportOptions::default())
        .unwrap()
        .shape;
    let mut mappings = Mappings::default();
    mappings.remember(
        &shape,
        ImportOptions {
            header_row: Some(1),
            columns: Some(vec![
                Some(ColumnRole::Code),
                Some(ColumnRole::Name),
                Some(ColumnRole::Target(Some(2020))),
                Some(ColumnRole::Actual {
                    period: Some(2020),
                    estimate: false,
                }),
            ]),
            ..ImportOptions::default()
        },
    );
    mappings.save(&path).unwrap();
    let mut harness = harness(&path);
    harness
        .state_mut()
        .open_bytes("chi-tieu.csv", UNSURE.as_bytes());
    harness.run();
    assert!(!harness.state().is_asking());
    assert_eq!(harness.state().document().strategies.len(), 3);
    harness.get_by_label(HEADLINE);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_file_being_read_shows_progress_and_can_be_cancelled() {
    let folder = folder("progress");
    let mut harness = harness(&folder.join("mappings.json"));
    let bytes = std::fs::read(sample("binh-dang-gioi-2011-2020.csv")).unwrap();
    harness.state_mut().hold_loading(true);
    harness
        .state_mut()
        .open_bytes("binh-dang-gioi-2011-2020.csv", &bytes);
    // The spinner keeps repainting, so the frames are stepped one by one.
    harness.step();
    harness.step();
    assert!(harness.state().is_loading());
    harness.get_by_label_contains("Đang đọc binh-dang-gioi-2011-2020.csv");
    harness.get_by_label("Hủy").click();
    harness.step();
    harness.step();
    assert!(!harness.state().is_loading());
    assert!(harness.query_by_label("Đang mở tệp").is_none());

    // The thread finishes on its own; what it read is dropped.
    harness.state_mut().hold_loading(false);
    std::thread::sleep(Duration::from_millis(300));
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 2);
    assert!(harness.state().errors().is_empty());

    // The window kept working: a file opened afterwards is added.
    harness
        .state_mut()
        .open_bytes("binh-dang-gioi-2011-2020.csv", &bytes);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 3);
    let _ = std::fs::remove_dir_all(&folder);
}

/// The indicator with `code` of the last strategy read.
fn last_indicator(harness: &Harness<'static, ChitieuApp>, code: &str) -> Indicator {
    let strategies = &harness.state().document().strategies;
    let strategy = strategies.last().expect("a strategy");
    strategy
        .indicators
        .iter()
        .find(|indicator| indicator.code == code)
        .unwrap_or_else(|| panic!("no indicator {code} in {:?}", strategy.name))
        .clone()
}

/// The actual result of an indicator's only period.
fn only_actual(indicator: &Indicator) -> Measure {
    let [value] = indicator.values.as_slice() else {
        panic!("{} periods", indicator.values.len());
    };
    value.actual.as_ref().expect("an actual result").measure
}

/// Opens the combo box of a column's role (labelled by the column's letters) and picks `role`
/// by the label the user sees in its list.
fn choose_role(harness: &mut Harness<'static, ChitieuApp>, column: &str, role: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, column)
        .click();
    harness.run();
    // The list of roles is longer than its popup: an option below the popup's edge is scrolled
    // into view first, as a user would (a click where it is hidden lands outside the list).
    harness
        .get_by_role(Role::ListBox)
        .get_by_label(role)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role(Role::ListBox)
        .get_by_label(role)
        .click();
    harness.run();
}

#[test]
fn a_role_chosen_in_the_dialog_is_what_the_column_is_read_as() {
    let folder = folder("role");
    let mut harness = opened(&folder, "nuoc-sach-2020.csv", RATIOS.as_bytes());
    harness.get_by_label(TITLE);
    // What detection is unsure of, in the app's language.
    harness.get_by_label("• không có cột thực hiện");
    harness.get_by_label("• chưa nhận ra các cột: Số B");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ComboBox, "D")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("không dùng"),
        "column D is not recognised"
    );

    choose_role(&mut harness, "D", "thực hiện");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ComboBox, "D")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("thực hiện"),
        "the combo box shows the role chosen"
    );
    harness.get_by_label("Nhập").click();
    harness.run();

    assert!(!harness.state().is_asking());
    assert!(
        harness.state().errors().is_empty(),
        "{:?}",
        harness.state().errors()
    );
    assert_eq!(harness.state().document().strategies.len(), 3);
    let water = last_indicator(&harness, "1");
    assert_eq!(
        only_actual(&water),
        Measure::Ratio {
            numerator: 76.0,
            denominator: 145.0
        }
    );
    let communes = last_indicator(&harness, "2");
    assert_eq!(
        only_actual(&communes),
        Measure::Ratio {
            numerator: 30.0,
            denominator: 50.0
        }
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_remembered_choice_reads_the_next_file_of_the_same_shape() {
    let folder = folder("remember");
    let path = folder.join("mappings.json");
    let mut harness = harness(&path);
    harness
        .state_mut()
        .open_bytes("nuoc-sach-2020.csv", RATIOS.as_bytes());
    harness.run();
    choose_role(&mut harness, "D", "thực hiện");
    harness
        .get_by_label("Ghi nhớ cho các tệp như thế này")
        .click();
    harness.run();
    harness.get_by_label("Nhập").click();
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 3);
    assert!(path.exists(), "the choice is saved");

    harness
        .state_mut()
        .open_bytes("nuoc-sach-2021.csv", RATIOS_NEXT.as_bytes());
    harness.run();
    assert!(
        !harness.state().is_asking(),
        "the saved choice is used without asking"
    );
    assert!(harness.query_by_label(TITLE).is_none());
    assert_eq!(harness.state().document().strategies.len(), 4);
    assert_eq!(
        only_actual(&last_indicator(&harness, "1")),
        Measure::Ratio {
            numerator: 80.0,
            denominator: 150.0
        }
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_click_outside_an_open_role_list_closes_the_list_not_the_dialog() {
    let folder = folder("outside");
    let mut harness = opened(&folder, "nuoc-sach-2020.csv", RATIOS.as_bytes());
    choose_role(&mut harness, "D", "thực hiện");
    harness.get_by_role_and_label(Role::ComboBox, "C").click();
    harness.run();
    assert!(harness.query_by_role(Role::ListBox).is_some());
    // A click on the shaded window around the dialog, as when a user dismisses the list.
    let outside = egui::pos2(8.0, 8.0);
    harness.event(egui::Event::PointerMoved(outside));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: outside,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
    assert!(harness.query_by_role(Role::ListBox).is_none());
    assert!(
        harness.state().is_asking(),
        "the dialog and its choices stay"
    );
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ComboBox, "D")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("thực hiện")
    );
    // With no list open, the same click cancels the dialog.
    harness.event(egui::Event::PointerMoved(outside));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: outside,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
    assert!(!harness.state().is_asking());
    let _ = std::fs::remove_dir_all(&folder);
}

/// A workbook whose first sheet holds only a note and whose second holds the [`RATIOS`] table;
/// its row 4 (indicator 3, with the actual 1/2) is hidden.
fn two_sheets() -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes.write(0, 0, "Số liệu ở trang sau.").unwrap();
    let data = workbook.add_worksheet();
    data.set_name("Số liệu").unwrap();
    let rows = [
        ["STT", "Chỉ tiêu", "Kế hoạch 2020", "Số B"],
        ["1", "Tỷ lệ hộ dùng nước sạch", "50", "76/145"],
        ["2", "Tỷ lệ xã đạt chuẩn", "60", "30/50"],
        ["3", "Tỷ lệ thôn có nhà văn hóa", "80", "1/2"],
    ];
    for (row, cells) in (0_u32..).zip(rows) {
        for (column, text) in (0_u16..).zip(cells) {
            match text.parse::<f64>() {
                Ok(number) => data.write(row, column, number).unwrap(),
                Err(_) => data.write(row, column, text).unwrap(),
            };
        }
    }
    data.set_row_hidden(3).unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn a_choice_on_a_workbooks_second_sheet_is_remembered_for_the_workbook() {
    let folder = folder("sheet");
    let path = folder.join("mappings.json");
    let mut harness = harness(&path);
    let bytes = two_sheets();
    harness
        .state_mut()
        .open_bytes("nuoc-sach-2020.xlsx", &bytes);
    harness.run();
    harness.get_by_label(TITLE);
    harness
        .get_by_role_and_label(Role::ComboBox, "Trang tính")
        .click();
    harness.run();
    harness
        .get_by_role(Role::ListBox)
        .get_by_label("Số liệu")
        .click();
    harness.run();
    choose_role(&mut harness, "D", "thực hiện");
    harness
        .get_by_label("Ghi nhớ cho các tệp như thế này")
        .click();
    harness.run();
    harness.get_by_label("Nhập").click();
    harness.run();
    assert!(
        harness.state().errors().is_empty(),
        "{:?}",
        harness.state().errors()
    );
    assert_eq!(harness.state().document().strategies.len(), 3);
    assert_eq!(
        only_actual(&last_indicator(&harness, "1")),
        Measure::Ratio {
            numerator: 76.0,
            denominator: 145.0
        }
    );
    let codes = |harness: &Harness<'static, ChitieuApp>| -> Vec<String> {
        let strategies = &harness.state().document().strategies;
        strategies
            .last()
            .unwrap()
            .indicators
            .iter()
            .map(|i| i.code.clone())
            .collect()
    };
    assert_eq!(codes(&harness), ["1", "2"], "row 4 is hidden");

    // The same template again: read with the remembered choice, without asking.
    harness
        .state_mut()
        .open_bytes("nuoc-sach-2021.xlsx", &bytes);
    harness.run();
    assert!(
        !harness.state().is_asking(),
        "the choice was remembered for this shape"
    );
    assert_eq!(harness.state().document().strategies.len(), 4);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_dialog_can_read_the_rows_a_workbook_hides() {
    let folder = folder("hidden");
    let mut harness = opened(&folder, "nuoc-sach-2020.xlsx", &two_sheets());
    harness
        .get_by_role_and_label(Role::ComboBox, "Trang tính")
        .click();
    harness.run();
    harness
        .get_by_role(Role::ListBox)
        .get_by_label("Số liệu")
        .click();
    harness.run();
    harness
        .get_by_label("Đọc cả các dòng và cột bị ẩn trong tệp")
        .click();
    harness.run();
    choose_role(&mut harness, "D", "thực hiện");
    harness.get_by_label("Nhập").click();
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 3);
    assert_eq!(
        only_actual(&last_indicator(&harness, "3")),
        Measure::Ratio {
            numerator: 1.0,
            denominator: 2.0
        },
        "the hidden row 4 is read"
    );
    let _ = std::fs::remove_dir_all(&folder);
}
