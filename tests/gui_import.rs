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
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A file whose header names no known column.
const UNSURE: &str = "Mục;Nội dung X;Số A;Số B\n1;Tỷ lệ trẻ em;95;96,5\n2;Tỷ lệ xã;60;52,4\n";
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
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    harness
        .state_mut()
        .set_mappings_path(Some(mappings.to_path_buf()));
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
    let mut harness = harness(&folder.join("mappings.json"));
    let bytes = std::fs::read(sample("binh-dang-gioi-2011-2020.csv")).unwrap();
    harness
        .state_mut()
        .open_bytes("binh-dang-gioi-2011-2020.csv", &bytes);
    harness.run();
    assert!(!harness.state().is_asking());
    assert!(harness.query_by_label(TITLE).is_none());
    assert_eq!(harness.state().document().strategies.len(), 3);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn cancelling_the_dialog_adds_nothing() {
    let folder = folder("cancel");
    let mut harness = harness(&folder.join("mappings.json"));
    harness
        .state_mut()
        .open_bytes("chi-tieu.csv", UNSURE.as_bytes());
    harness.run();
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
