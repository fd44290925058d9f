//! Editing in the desktop app, driven without a window (`egui_kittest`): typing in a table
//! cell changes the headline at once and undoes; a range pasted from a spreadsheet fills the
//! table as one undo step; text a field cannot take stays in its cell with the reason; saving
//! and opening again gives the same document; the title carries a modified mark; closing with
//! unsaved changes asks; a recovery journal left by a crash is offered on start.
//!
//! Every test keeps its files in its own temporary folder and never touches the data folder.

#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use chitieu::app::{ChitieuApp, Route, Setup};
use chitieu::model::{Direction, Document, Measure};
use chitieu::recovery::Journal;
use eframe::egui::{self, Event, Key, Modifiers, ViewportCommand, ViewportId, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

const TWELVE: &str = "12/14 chỉ tiêu đạt và vượt";
const THIRTEEN: &str = "13/14 chỉ tiêu đạt và vượt";

/// A temporary folder of its own for one test.
fn folder(test: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("chitieu-gui-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

fn harness_with(setup: Setup) -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChitieuApp::with_setup(cc, &setup));
    harness.run();
    harness
}

/// The app on the built-in sample, with no journal and no system dialogs.
fn harness() -> Harness<'static, ChitieuApp> {
    harness_with(Setup::default())
}

/// Opens the BVCSTE table and selects the actual result of STT 4 (89,6 against 95).
fn select_actual_of_4(harness: &mut Harness<'_, ChitieuApp>) {
    harness.get_by_label("BVCSTE").click();
    harness.run();
    harness.get_by_label("89,6").click();
    harness.run();
}

/// Types `text` into the selected cell and commits it with Enter.
fn type_into_cell(harness: &mut Harness<'_, ChitieuApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The text field that has the keyboard focus (the cell editor, a form's field …).
fn focused_field<'a>(harness: &'a Harness<'_, ChitieuApp>) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_role(Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("a focused text field")
}

fn actual_of(document: &Document, strategy: usize, indicator: usize) -> Option<String> {
    document.strategies[strategy].indicators[indicator]
        .value(2020)
        .and_then(|value| value.actual.as_ref())
        .map(|actual| actual.text.to_string())
}

#[test]
fn typing_an_actual_changes_the_headline_and_undo_restores_it() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    harness.get_by_label(TWELVE);

    type_into_cell(&mut harness, "95");
    harness.get_by_label(THIRTEEN);
    assert!(harness.query_by_label(TWELVE).is_none());
    let document = harness.state().document();
    assert_eq!(actual_of(document, 0, 3).as_deref(), Some("95"));
    assert_eq!(document.changes.len(), 1);
    assert_eq!(document.changes[0].old, "89.6");
    assert_eq!(document.changes[0].new, "95");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label(TWELVE);
    assert_eq!(
        actual_of(harness.state().document(), 0, 3).as_deref(),
        Some("89.6")
    );
    assert!(harness.state().document().changes.is_empty());

    // The overview follows as well.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().route(), Route::Overview);
    harness.get_by_label(THIRTEEN);
}

#[test]
fn the_keyboard_moves_edits_and_cancels_like_a_spreadsheet() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    // Enter moves down without editing: STT 5's actual result.
    harness.key_press(Key::Enter);
    harness.run();
    // F2 edits with the cell's own text; Esc leaves it as it was.
    harness.key_press(Key::F2);
    harness.run();
    assert_eq!(focused_field(&harness).value().as_deref(), Some("76/145"));
    focused_field(&harness).type_text("9");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .get_all_by_role(Role::TextInput)
            .all(|field| !field.is_focused())
    );
    assert_eq!(
        actual_of(harness.state().document(), 0, 4).as_deref(),
        Some("76/145")
    );
    // Up goes back to STT 4; typing replaces its value, Tab commits and moves right.
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.event(Event::Text("9".into()));
    harness.run();
    focused_field(&harness).type_text("6");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        actual_of(harness.state().document(), 0, 3).as_deref(),
        Some("96")
    );
    harness.get_by_label(THIRTEEN);
}

#[test]
fn a_range_pasted_from_a_spreadsheet_is_one_undo_step() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    // From the actual result to the target of STT 4, then paste targets and actual results of
    // STT 4 and 5 as Excel puts them on the clipboard.
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.event(Event::Paste("90\t95\r\n50\t76/120\r\n".into()));
    harness.run();
    let document = harness.state().document();
    assert_eq!(actual_of(document, 0, 3).as_deref(), Some("95"));
    assert_eq!(actual_of(document, 0, 4).as_deref(), Some("76/120"));
    let target = document.strategies[0].indicators[4]
        .value(2020)
        .and_then(|value| value.target.clone())
        .unwrap();
    assert_eq!(target.text, "50");
    assert_eq!(document.changes.len(), 4);
    harness.get_by_label("14/14 chỉ tiêu đạt và vượt");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label(TWELVE);
    assert!(harness.state().document().changes.is_empty());
}

#[test]
fn copy_puts_the_selected_range_on_the_clipboard_as_tab_separated_text() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    harness.event(Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, ["95\t89,6\r\n60\t76/145\r\n"]);
}

#[test]
fn text_that_cannot_be_read_stays_in_its_cell_with_the_reason() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "khoảng chín mươi");
    let value = harness.state().document().strategies[0].indicators[3]
        .value(2020)
        .unwrap()
        .clone();
    assert_eq!(value.actual, None);
    assert_eq!(value.unread_actual(), Some("khoảng chín mươi"));
    harness.get_by_label("khoảng chín mươi");
    // STT 4 has no data now: still 12 met, out of 14.
    harness.get_by_label(TWELVE);
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.get_by_label_contains("không phải là số hay tỷ số (76/145)");

    // A direction that is none is not taken, but kept in the cell with why.
    for _ in 0..3 {
        harness.key_press(Key::ArrowLeft);
        harness.run();
    }
    type_into_cell(&mut harness, "lên");
    assert_eq!(
        harness.state().document().strategies[0].indicators[3].direction,
        Direction::Increase
    );
    harness.get_by_label("lên");
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.get_by_label_contains("\"lên\" không phải là chiều");
    // Typing a direction that is one replaces it.
    type_into_cell(&mut harness, "giảm");
    assert_eq!(
        harness.state().document().strategies[0].indicators[3].direction,
        Direction::Decrease
    );
    assert!(harness.query_by_label("lên").is_none());
}

#[test]
fn saving_and_opening_again_gives_the_same_document() {
    let folder = folder("save");
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "95");
    assert!(harness.state().is_modified());
    assert!(harness.state().title().starts_with("• "));

    // The sample was not read from a chitieu workbook: Save asks where, proposing a new one.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Lưu thành sổ chitieu (XLSX)");
    let proposed = focused_field(&harness).value().unwrap();
    assert!(
        proposed.ends_with("bvcste-2016-2020-chitieu.xlsx"),
        "{proposed}"
    );
    let path = folder.join("review");
    focused_field(&harness).focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    focused_field(&harness).type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let saved = folder.join("review.xlsx");
    assert!(saved.is_file(), "the workbook gets its extension");
    assert_eq!(harness.state().saved_path(), Some(saved.as_path()));
    assert!(!harness.state().is_modified());
    assert_eq!(harness.state().title(), "review.xlsx — chitieu");
    harness.get_by_label_contains("Đã lưu");

    // Opened again, it is the same document, and Save writes to it without asking.
    let document = harness.state().document().clone();
    let mut again = harness_with(Setup {
        files: vec![saved.clone()],
        ..Setup::default()
    });
    assert_eq!(again.state().document(), &document);
    assert_eq!(again.state().saved_path(), Some(saved.as_path()));
    again.get_by_label(THIRTEEN);
    again.get_by_label("BVCSTE").click();
    again.run();
    again.get_by_label("76/145").click();
    again.run();
    again.key_press(Key::ArrowUp);
    again.run();
    type_into_cell(&mut again, "96");
    again.key_press_modifiers(Modifiers::COMMAND, Key::S);
    again.run();
    assert!(
        again
            .query_by_label("Lưu thành sổ chitieu (XLSX)")
            .is_none()
    );
    assert!(!again.state().is_modified());
    let reread = chitieu::io::load_path(&saved, &chitieu::io::ImportOptions::default()).unwrap();
    assert_eq!(reread.strategies, again.state().document().strategies);
    assert_eq!(
        reread.changes.len(),
        2,
        "the change log is kept across saves"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn an_imported_file_is_never_overwritten_by_save() {
    let folder = folder("imported");
    let csv = folder.join("bdg.csv");
    std::fs::copy(sample("binh-dang-gioi-2011-2020.csv"), &csv).unwrap();
    let before = std::fs::read(&csv).unwrap();
    let mut harness = harness_with(Setup {
        files: vec![csv.clone()],
        ..Setup::default()
    });
    assert_eq!(harness.state().saved_path(), None);
    harness.get_by_label("BDG").click();
    harness.run();
    harness.get_by_label("19,7").click();
    harness.run();
    type_into_cell(&mut harness, "26");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let proposed = focused_field(&harness).value().unwrap();
    assert_eq!(
        PathBuf::from(&proposed),
        folder.join("bdg-chitieu.xlsx"),
        "a new workbook beside the CSV"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert!(folder.join("bdg-chitieu.xlsx").is_file());
    assert_eq!(std::fs::read(&csv).unwrap(), before, "the CSV is untouched");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_failed_save_keeps_the_edits_and_says_why() {
    let folder = folder("failed");
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "95");
    // A folder of that name stands where the workbook should go.
    let blocked = folder.join("blocked.xlsx");
    std::fs::create_dir_all(blocked.join("inside")).unwrap();
    let saved = harness
        .state_mut()
        .save_to(&egui::Context::default(), &blocked);
    assert!(!saved);
    harness.run();
    assert_eq!(harness.state().errors().len(), 1);
    harness.get_by_label_contains("Không lưu được");
    harness.get_by_label_contains("blocked.xlsx");
    assert!(harness.state().is_modified());
    assert_eq!(
        actual_of(harness.state().document(), 0, 3).as_deref(),
        Some("95")
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn the_title_carries_the_modified_mark() {
    let mut harness = harness();
    assert_eq!(
        harness.state().title(),
        "bvcste-2016-2020.xlsx, binh-dang-gioi-2011-2020.csv — chitieu"
    );
    select_actual_of_4(&mut harness);
    harness.event(Event::Text("95".into()));
    harness.run();
    // One frame at a time, to see the command the frame that takes the value sends.
    harness.key_down(Key::Enter);
    harness.step();
    let titles: Vec<String> = root_commands(&harness)
        .into_iter()
        .filter_map(|command| match command {
            ViewportCommand::Title(title) => Some(title),
            _ => None,
        })
        .collect();
    harness.key_up(Key::Enter);
    harness.run();
    assert_eq!(
        titles,
        ["• bvcste-2016-2020.xlsx, binh-dang-gioi-2011-2020.csv — chitieu"]
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().title().starts_with('•'));
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "95");
    request_close(&mut harness);
    harness.step();
    assert!(
        root_commands(&harness).contains(&ViewportCommand::CancelClose),
        "the window stays open"
    );
    harness.run();
    harness.get_by_label("Tài liệu có thay đổi chưa lưu. Lưu trước khi thoát?");
    harness.get_by_label("Hủy").click();
    harness.run();
    assert!(harness.query_by_label("Có thay đổi chưa lưu").is_none());

    // Closing a strategy with unsaved changes asks too; "Don't save" closes it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::W);
    harness.run();
    harness.get_by_label_contains("Chiến lược BVCSTE có thay đổi chưa lưu");
    harness.get_by_label("Không lưu").click();
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);

    // Nothing unsaved is left: the window closes without a question.
    request_close(&mut harness);
    harness.step();
    assert!(!root_commands(&harness).contains(&ViewportCommand::CancelClose));
}

fn request_close(harness: &mut Harness<'_, ChitieuApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

fn root_commands(harness: &Harness<'_, ChitieuApp>) -> Vec<ViewportCommand> {
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("samples")
        .join(name)
}

#[test]
fn edits_are_journaled_and_the_journal_goes_after_a_save() {
    let folder = folder("journal");
    let journal = folder.join("recovery.json");
    let mut harness = harness_with(Setup {
        journal: Some(journal.clone()),
        ..Setup::default()
    });
    assert!(!journal.exists(), "nothing unsaved, nothing journaled");
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "95");
    harness.state_mut().flush_journal();
    let snapshot = Journal::new(journal.clone()).read().unwrap().unwrap();
    assert_eq!(&snapshot.document, harness.state().document());

    let saved = folder.join("saved.xlsx");
    assert!(
        harness
            .state_mut()
            .save_to(&egui::Context::default(), &saved)
    );
    harness.run();
    harness.state_mut().flush_journal();
    assert!(!journal.exists(), "a save clears the journal");
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_journal_left_by_a_crash_is_offered_on_start() {
    let folder = folder("recover");
    let journal = folder.join("recovery.json");
    // What a crashed session left: the sample with STT 4 at 95.
    let mut crashed = harness_with(Setup {
        journal: Some(journal.clone()),
        ..Setup::default()
    });
    select_actual_of_4(&mut crashed);
    type_into_cell(&mut crashed, "95");
    crashed.state_mut().flush_journal();
    let lost = crashed.state().document().clone();
    drop(crashed);
    assert!(journal.is_file());

    let mut harness = harness_with(Setup {
        journal: Some(journal.clone()),
        ..Setup::default()
    });
    harness.get_by_label("Khôi phục công việc chưa lưu");
    harness.get_by_label_contains("BVCSTE, BDG");
    harness.get_by_label("Khôi phục").click();
    harness.run();
    assert_eq!(harness.state().document(), &lost);
    assert!(harness.state().is_modified());
    assert!(harness.state().title().starts_with("• "));
    harness.get_by_label(THIRTEEN);
    drop(harness);

    // Declining removes the journal.
    let mut declined = harness_with(Setup {
        journal: Some(journal.clone()),
        ..Setup::default()
    });
    declined.get_by_label("Bỏ bản khôi phục").click();
    declined.run();
    declined.state_mut().flush_journal();
    assert!(!journal.exists());
    declined.get_by_label(TWELVE);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn indicators_goals_and_periods_are_added_and_undone() {
    let mut harness = harness();
    harness.get_by_label("BVCSTE").click();
    harness.run();
    harness.get_by_label("+ Chỉ tiêu").click();
    harness.run();
    assert_eq!(
        harness.state().document().strategies[0].indicators.len(),
        15
    );
    // The new indicator's name is being edited.
    focused_field(&harness).type_text("Tỷ lệ mới");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().document().strategies[0].indicators[14].name,
        "Tỷ lệ mới"
    );

    let mut periods = harness.state().document().strategies[0].periods();
    harness.get_by_label("+ Năm…").click();
    harness.run();
    harness.get_by_label("Thêm năm đánh giá");
    harness.get_by_label("Đồng ý").click();
    harness.run();
    periods.push(2021);
    assert_eq!(harness.state().document().strategies[0].periods(), periods);
    // The table shows the new period, empty, ready to be typed in.
    harness.get_by_label_contains("Xóa năm 2021");

    harness.get_by_label("+ Mục tiêu…").click();
    harness.run();
    focused_field(&harness).type_text("Mục tiêu mới");
    harness.run();
    harness.get_by_label("Đồng ý").click();
    harness.run();
    let strategy = &harness.state().document().strategies[0];
    assert_eq!(
        strategy.goals.last().map(|goal| goal.code.as_str()),
        Some("V")
    );
    harness.get_by_label("Mục tiêu mới");

    for _ in 0..4 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(
        harness.state().document().strategies[0].indicators.len(),
        14
    );
    assert!(!harness.state().is_modified());
}

#[test]
fn a_measure_typed_as_a_ratio_keeps_both_numbers() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "96,245");
    let actual = harness.state().document().strategies[0].indicators[3]
        .value(2020)
        .and_then(|value| value.actual.clone())
        .unwrap();
    assert_eq!(actual.measure, Measure::Number(96.245));
    harness.key_press(Key::ArrowUp);
    harness.run();
    type_into_cell(&mut harness, "140/145");
    let actual = harness.state().document().strategies[0].indicators[3]
        .value(2020)
        .and_then(|value| value.actual.clone())
        .unwrap();
    assert_eq!(
        actual.measure,
        Measure::Ratio {
            numerator: 140.0,
            denominator: 145.0
        }
    );
}

#[test]
fn a_table_exports_as_csv_for_excel() {
    let folder = folder("export");
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    type_into_cell(&mut harness, "95");
    // Export CSV… (toolbar, or the File menu) asks where, proposing the code and period.
    harness.get_by_label("Xuất CSV…").click();
    harness.run();
    harness.get_by_label("Xuất bảng ra CSV");
    let proposed = focused_field(&harness).value().unwrap();
    assert!(proposed.ends_with("BVCSTE-2020.csv"), "{proposed}");
    harness.key_press(Key::Escape);
    harness.run();

    let path = folder.join("bvcste");
    assert!(
        harness
            .state_mut()
            .export_to(&egui::Context::default(), 0, &path)
    );
    let bytes = std::fs::read(folder.join("bvcste.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("strategy,period,code,indicator"), "{text}");
    assert!(text.contains("Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đúng hạn"));
    assert!(
        text.lines()
            .any(|line| line.starts_with("BVCSTE,2020,4,") && line.contains(",95,"))
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn a_click_on_another_cell_keeps_what_was_typed() {
    let mut harness = harness();
    select_actual_of_4(&mut harness);
    harness.event(Event::Text("95".into()));
    harness.run();
    harness.get_by_label("76/145").click();
    harness.run();
    assert_eq!(
        actual_of(harness.state().document(), 0, 3).as_deref(),
        Some("95")
    );
    harness.get_by_label(THIRTEEN);
    // The click selected STT 5's actual result: typing there edits it.
    type_into_cell(&mut harness, "90/145");
    assert_eq!(
        actual_of(harness.state().document(), 0, 4).as_deref(),
        Some("90/145")
    );
    harness.get_by_label("14/14 chỉ tiêu đạt và vượt");
}

#[test]
fn a_file_named_at_start_opens_in_the_background_and_cannot_be_undone() {
    let folder = folder("at-start");
    let csv = folder.join("bdg.csv");
    std::fs::copy(sample("binh-dang-gioi-2011-2020.csv"), &csv).unwrap();
    let setup = Setup {
        files: vec![csv],
        open_in_background: true,
        ..Setup::default()
    };
    // While the file is read the progress window's spinner keeps repainting, so frames are
    // stepped one by one (however long a busy machine takes to read it) before running.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChitieuApp::with_setup(cc, &setup));
    harness.step();
    let started = std::time::Instant::now();
    while harness.state().is_loading() && started.elapsed() < std::time::Duration::from_mins(1) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state().document().strategies.len(), 1);
    assert!(
        harness
            .get_by_label("Hoàn tác")
            .accesskit_node()
            .is_disabled(),
        "reading the file is where the document starts, not a change"
    );
    assert!(!harness.state().is_modified());
    let _ = std::fs::remove_dir_all(&folder);
}
