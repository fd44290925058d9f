//! The desktop app driven without a window (`egui_kittest`): it starts on the built-in sample,
//! shows each strategy's headline, opens a strategy's table, switches language, closes a
//! strategy and undoes it, reports a bad file by name and keeps working, and lays the overview's
//! columns out within the window.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use chitieu::app::{ChitieuApp, Route};
use chitieu::report::Language;
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app as `chitieu` starts with no file: the built-in sample, in Vietnamese.
fn harness() -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
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
fn starts_on_the_sample_with_both_headlines() {
    let harness = harness();
    assert_eq!(harness.state().language(), Language::Vi);
    assert_eq!(harness.state().document().strategies.len(), 2);
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");
    harness.get_by_label("6/12 chỉ tiêu đạt và vượt");
    harness.get_by_label_contains("275 %");
    assert_eq!(harness.state().route(), Route::Overview);
}

#[test]
fn a_strategy_tab_opens_its_table() {
    let mut harness = harness();
    harness.get_by_label("BVCSTE").click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Strategy(0));
    harness.get_by_label("76/145");
    harness.get_by_label("dưới 10");
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");

    harness.get_by_label("BDG").click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Strategy(1));
    harness.get_by_label("từ 25% trở lên");
}

#[test]
fn strategy_shortcuts_follow_the_tabs() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert_eq!(harness.state().route(), Route::Strategy(1));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().route(), Route::Overview);
}

#[test]
fn switching_language_changes_headlines_and_labels() {
    let mut harness = harness();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().language(), Language::En);
    harness.get_by_label("12/14 indicators met or exceeded");
    harness.get_by_label("6/12 indicators met or exceeded");
    harness.get_by_label("Overview");
    assert!(
        harness
            .query_by_label("12/14 chỉ tiêu đạt và vượt")
            .is_none()
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert_eq!(harness.state().language(), Language::Vi);
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");
}

#[test]
fn closing_a_strategy_can_be_undone_and_redone() {
    let mut harness = harness();
    harness.get_by_label("BVCSTE").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
    assert_eq!(harness.state().route(), Route::Overview);
    assert!(
        harness
            .query_by_label("12/14 chỉ tiêu đạt và vượt")
            .is_none()
    );
    harness.get_by_label("6/12 chỉ tiêu đạt và vượt");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 2);
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");

    harness.get_by_label("Làm lại").click();
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
    harness.get_by_label("Hoàn tác").click();
    harness.run();
    assert_eq!(harness.state().document().strategies[0].code, "BVCSTE");

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
}

#[test]
fn a_card_closes_its_strategy() {
    let mut harness = harness();
    harness.get_all_by_label("Đóng").next().unwrap().click();
    harness.run();
    let codes: Vec<&str> = harness
        .state()
        .document()
        .strategies
        .iter()
        .map(|strategy| strategy.code.as_str())
        .collect();
    assert_eq!(codes, ["BDG"]);
}

#[test]
fn a_bad_file_is_reported_by_name_and_the_app_keeps_working() {
    let mut harness = harness();
    harness
        .state_mut()
        .open_bytes("bad.xlsx", b"\x00\x01 this is not a spreadsheet \xff\xfe");
    harness.run();
    assert_eq!(harness.state().errors().len(), 1);
    harness.get_by_label_contains("bad.xlsx");
    harness.get_by_label_contains("Không mở được tệp");
    // Why, in the interface's language.
    harness.get_by_label_contains("bad.xlsx: không tìm thấy bảng chỉ tiêu");
    assert_eq!(harness.state().document().strategies.len(), 2);

    harness.get_by_label("BVCSTE").click();
    harness.run();
    harness.get_by_label("76/145");

    harness.get_by_label("Bỏ qua").click();
    harness.run();
    assert!(harness.state().errors().is_empty());
    assert!(harness.query_by_label_contains("bad.xlsx").is_none());
}

#[test]
fn a_missing_file_on_the_command_line_is_reported() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[PathBuf::from("no-such-file.csv")]));
    harness.run();
    assert!(harness.state().document().strategies.is_empty());
    harness.get_by_label_contains("no-such-file.csv");
    harness.get_by_label("Mở dữ liệu mẫu").click();
    harness.run();
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");
}

#[test]
fn the_open_path_dialog_completes_with_tab_and_opens() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    harness.run();
    harness.get_by_label("Mở tệp theo đường dẫn");
    let typed = sample("binh-dang").display().to_string();
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role(Role::TextInput).type_text(&typed);
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let completed = sample("binh-dang-gioi-2011-2020.csv").display().to_string();
    assert_eq!(
        harness.get_by_role(Role::TextInput).value().as_deref(),
        Some(completed.as_str())
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 3);
    assert!(harness.query_by_label("Mở tệp theo đường dẫn").is_none());
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn dropped_files_open_as_one_undoable_change() {
    let mut harness = harness();
    drop_sample(&mut harness);
    assert_eq!(harness.state().document().strategies.len(), 3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 2);
}

#[test]
fn a_not_met_indicator_opens_in_its_table() {
    let mut harness = harness();
    harness
        .get_by_label("Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn phù hợp với trẻ em")
        .click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Strategy(0));
    harness.get_by_label("76/145");
}

#[test]
fn choosing_a_period_changes_the_headline() {
    let mut harness = harness();
    let boxes: Vec<_> = harness.get_all_by_role(Role::ComboBox).collect();
    assert_eq!(boxes.len(), 2);
    boxes[1].click();
    harness.run();
    harness.get_by_label("2015").click();
    harness.run();
    harness.get_by_label("6/11 chỉ tiêu đạt và vượt");
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");
}

#[test]
fn unreadable_cells_and_disagreements_are_shown_with_their_warning() {
    let mut harness = harness();
    harness.state_mut().open_bytes(
        "unread.csv",
        "Mã;Chỉ tiêu;Đơn vị tính;Năm;Kế hoạch;Thực hiện;Đánh giá\n\
         A1;Tỷ lệ thử;%;2020;90;khoảng một nửa;Đạt\n\
         A2;Tỷ lệ khác;%;2020;80;85;Chưa đạt\n"
            .as_bytes(),
    );
    harness.run();
    assert_eq!(harness.state().document().warnings.len(), 1);
    harness.get_by_label("UNREAD").click();
    harness.run();
    harness.get_by_label("khoảng một nửa");
    harness.get_by_label("≠ Chưa đạt");
    harness.get_by_label("Cảnh báo: 1").click();
    harness.run();
    // The warning speaks the interface's language, position and all.
    harness.get_by_label_contains(
        "unread.csv, dòng 2, cột F: kết quả thực hiện \"khoảng một nửa\" không phải là số",
    );
    assert!(
        harness
            .query_by_label_contains("\" is not a number")
            .is_none()
    );
    // So do the decisions taken reading the file (another open file may say the same).
    shows_somewhere(&harness, "tiêu đề ở dòng 1: \"Mã\" = mã (STT)");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label_contains(
        "unread.csv, row 2, column F: actual result \"khoảng một nửa\" is not a number",
    );
    shows_somewhere(&harness, "header on row 1: \"Mã\" = code");
    assert!(
        harness
            .query_by_label_contains("tiêu đề ở dòng 1")
            .is_none()
    );
}

/// Drops `bvcste-2016-2020.xlsx` on the window, as from a file manager, and lets it open.
fn drop_sample(harness: &mut Harness<'static, ChitieuApp>) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(sample(
            "bvcste-2016-2020.xlsx",
        ))));
    harness.run();
}

/// Fails unless some label contains `text` (several may: another open file may say the same).
fn shows_somewhere(harness: &Harness<'_, ChitieuApp>, text: &str) {
    let _ = harness.get_all_by_label_contains(text);
}

/// The app on the built-in sample in a window `width` points wide, with `bvcste-2016-2020.xlsx`
/// dropped on it `extra` times.
fn harness_of_width(width: f32, extra: usize) -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, 900.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    for _ in 0..extra {
        drop_sample(&mut harness);
    }
    harness
}

/// The right edges of the strategies' close buttons, left to right.
fn close_button_edges(harness: &Harness<'_, ChitieuApp>) -> Vec<f32> {
    harness
        .get_all_by_label("Đóng")
        .map(|node| node.rect().right())
        .collect()
}

/// The overview's columns share the window: nothing on it reaches past the window's right
/// edge, and the last card's content keeps as far from that edge as the first card's keeps from
/// the left one.
fn assert_columns_fit(harness: &Harness<'_, ChitieuApp>, width: f32) {
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        // Harness nodes are in points: the harness draws at one pixel per point.
        let Some(rect) = node.bounding_box() else {
            continue;
        };
        assert!(
            rect.x1 as f32 <= width + 0.5,
            "{:?} {:?} reaches {} in a window {width} wide",
            node.role(),
            node.label(),
            rect.x1,
        );
    }
    let left_margin = harness
        .get_all_by_label_contains(" — ")
        .next()
        .expect("a card title")
        .rect()
        .left();
    let last_close = *close_button_edges(harness).last().expect("a close button");
    assert!(
        width - last_close >= left_margin - 0.5,
        "the last card's close button ends {} from the right edge, the first card's title starts \
         {left_margin} from the left one",
        width - last_close,
    );
}

#[test]
fn overview_columns_fit_the_window() {
    let harness = harness();
    assert_columns_fit(&harness, 1400.0);
    for extra in 0..2 {
        let harness = harness_of_width(1920.0, extra);
        assert_eq!(harness.state().document().strategies.len(), 2 + extra);
        assert_columns_fit(&harness, 1920.0);
    }
    let mut harness = harness_of_width(1400.0, 0);
    harness.get_all_by_label("Đóng").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
    assert_columns_fit(&harness, 1400.0);
}

#[test]
fn overview_columns_too_narrow_for_the_window_scroll_at_even_steps() {
    // Three columns of at least the narrowest column width do not fit 1400 points: the overview
    // scrolls sideways, and every column still takes its width and no more.
    let harness = harness_of_width(1400.0, 1);
    let edges = close_button_edges(&harness);
    assert_eq!(edges.len(), 3);
    assert!(
        (edges[2] - edges[1] - (edges[1] - edges[0])).abs() < 0.5,
        "columns of unequal width: close buttons at {edges:?}"
    );
}
