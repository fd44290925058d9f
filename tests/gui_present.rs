//! Presentation mode driven without a window (`egui_kittest`): F5 starts it on the sample,
//! the keys a clicker sends move between slides, E opens the slide's figures and an edit shows
//! on the headline at once, Esc leaves; the slide chooser hides an indicator (undoably) and the
//! deck exports as a PDF with a page per slide.

#![cfg(feature = "gui")]

use chitieu::app::{ChitieuApp, Command, Route};
use chitieu::deck;
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the built-in sample, in Vietnamese, in a full HD window.
fn harness() -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, ChitieuApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn f5_presents_the_slides_and_an_edit_updates_the_headline() {
    let mut harness = harness();
    press(&mut harness, Key::F5);
    assert_eq!(harness.state().route(), Route::Present);
    assert_eq!(harness.state().current_slide(), 0);
    harness.get_by_label("Kết quả thực hiện năm 2020");
    harness.get_by_label("1 / 16");

    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("Kết quả chung năm 2020");
    harness.get_by_label("12/14");
    harness.get_by_label("Kinh phí: 275 % kế hoạch");

    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().current_slide(), 2);
    harness.get_by_label("Mục tiêu I. Chăm sóc sức khỏe, giáo dục và quyền được khai sinh");
    harness.get_by_label("3 / 16");

    // E opens the slide's figures; STT 4's actual result becomes 95, which meets its target.
    press(&mut harness, Key::E);
    let field = harness.get_by_label("Thực hiện 4");
    assert_eq!(field.value().as_deref(), Some("89,6"));
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_all_by_role(Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("the focused field")
        .type_text("95");
    harness.run();
    press(&mut harness, Key::Escape);
    assert_eq!(
        harness.state().route(),
        Route::Present,
        "Esc closes the editor first"
    );
    let actual = harness.state().document().strategies[0].indicators[3]
        .value(2020)
        .and_then(|value| value.actual.as_ref())
        .map(|actual| actual.text.clone());
    assert_eq!(actual.as_deref(), Some("95"));

    // Back on the headline, the figures follow; Ctrl+Z undoes the edit.
    press(&mut harness, Key::PageUp);
    harness.get_by_label("13/14");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label("12/14");

    // A number and Enter jump; End and Home go to the ends.
    press(&mut harness, Key::Num6);
    harness.get_by_label_contains("» 6");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().current_slide(), 5);
    harness.get_by_label("Chỉ tiêu chưa đạt (2)");
    press(&mut harness, Key::End);
    harness.get_by_label("So sánh các chiến lược, đề án");
    harness.get_by_label("6/12");
    press(&mut harness, Key::Home);
    assert_eq!(harness.state().current_slide(), 0);
    press(&mut harness, Key::Space);
    press(&mut harness, Key::PageDown);
    assert_eq!(harness.state().current_slide(), 2);

    // The pointer leaves the window first: the overview's charts react to a hovered bar.
    harness.event(egui::Event::PointerGone);
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().route(), Route::Overview);
    harness.get_by_label("12/14 chỉ tiêu đạt và vượt");
}

#[test]
fn english_slides_and_the_present_button() {
    let mut harness = harness();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
    assert_eq!(harness.state().route(), Route::Present);
    harness.get_by_label("Results for 2020");
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("Overall results 2020");
    harness.get_by_label("indicators met or exceeded");
}

#[test]
fn the_chooser_hides_an_indicator_undoably() {
    let mut harness = harness();
    harness.state_mut().send(Command::ChooseSlides);
    harness.run();
    let header = {
        let strategy = &harness.state().document().strategies[0];
        format!("{}: {}", strategy.code, strategy.name)
    };
    harness.get_by_label(&header).click();
    harness.run();
    harness
        .get_by_label("4  Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh đúng hạn")
        .click();
    harness.run();
    let presentation = &harness.state().document().presentation;
    assert_eq!(presentation.hidden_indicators.len(), 1);
    assert_eq!(presentation.hidden_indicators[0].indicator, "4");

    press(&mut harness, Key::F5);
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("12/13");
    harness.get_by_label("Không tính 1 chỉ tiêu ẩn");
    press(&mut harness, Key::Escape);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .presentation
            .hidden_indicators
            .is_empty()
    );
}

#[test]
fn the_deck_exports_as_a_pdf_with_a_page_per_slide() {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("gui-present-export");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut harness = harness();
    harness.state_mut().export_slides_to(folder.clone());
    harness.state_mut().send(Command::ExportSlidesPdf);
    harness.run();
    // The notice shows in the status bar from the next frame.
    harness.run();
    let path = folder.join("bvcste-bdg-slides.pdf");
    let bytes = std::fs::read(&path).expect("the PDF is written");
    let slides = deck::build(harness.state().document(), &[]).len();
    assert_eq!(slides, 16);
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    assert_eq!(pdf.get_pages().len(), slides);
    harness.get_by_label_contains("Đã xuất 16 trang chiếu");

    harness.state_mut().send(Command::ExportSlidesPng);
    harness.run();
    assert!(folder.join("bvcste-bdg-slides-01.png").exists());
    assert!(folder.join("bvcste-bdg-slides-16.png").exists());
}
