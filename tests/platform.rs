//! What the desktop platforms bring to the app, driven without a window (`egui_kittest`):
//! Vietnamese typed through input methods (IBus/Fcitx preedit and commit on Linux, Unikey-style
//! Backspace-and-retype on Windows), zooming the whole interface with Ctrl+Plus, Ctrl+Minus and
//! Ctrl+0 on top of the system's scale (125 %, 150 %), remembered between runs.
//!
//! What these tests cannot cover: a real input method's own Backspace handling and timing
//! (IBus, Fcitx, Unikey, EVKey each decide when to send which events); the tests replay the
//! event sequences those input methods are known to send.

#![cfg(feature = "gui")]

use chitieu::app::{ChitieuApp, State, Zoom};
use eframe::egui::{self, Event, ImeEvent, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app as `chitieu` starts with no file, on a screen scaled by `pixels_per_point`.
fn harness_at(pixels_per_point: f32) -> Harness<'static, ChitieuApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(pixels_per_point)
        .build_eframe(|cc| ChitieuApp::new(cc, &[]));
    harness.run();
    harness
}

/// The open-path dialog's field, focused and emptied.
fn focused_empty_field(harness: &mut Harness<'static, ChitieuApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    harness.run();
    harness.get_by_role(Role::TextInput).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(field_text(harness), "");
}

fn field_text(harness: &Harness<'static, ChitieuApp>) -> String {
    harness
        .get_by_role(Role::TextInput)
        .value()
        .unwrap_or_default()
}

fn preedit(harness: &mut Harness<'static, ChitieuApp>, text: &str) {
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    }));
    harness.run();
}

fn commit(harness: &mut Harness<'static, ChitieuApp>, text: &str) {
    harness.event(Event::Ime(ImeEvent::Commit(text.to_owned())));
    harness.run();
}

/// IBus or Fcitx with Telex (Linux): the word being typed is shown as a preedit that the input
/// method rewrites at each key ("Vieetj" → "Việt"), then committed; the space between words is
/// plain text.
#[test]
fn telex_through_a_linux_input_method_lands_once() {
    let mut harness = harness_at(1.0);
    focused_empty_field(&mut harness);
    for text in ["V", "Vi", "Vie", "Viê", "Viêt", "Việt"] {
        preedit(&mut harness, text);
        assert_eq!(field_text(&harness), text, "the preedit is shown in place");
    }
    commit(&mut harness, "Việt");
    harness.event(Event::Text(" ".to_owned()));
    harness.run();
    for text in ["N", "Na", "Nam"] {
        preedit(&mut harness, text);
    }
    commit(&mut harness, "Nam");
    assert_eq!(field_text(&harness), "Việt Nam");

    // An input method that dismisses its preedit (Escape) leaves the committed text alone.
    preedit(&mut harness, "x");
    preedit(&mut harness, "");
    assert_eq!(field_text(&harness), "Việt Nam");
}

/// Unikey or EVKey with Telex or VNI (Windows): no composition; the input method lets the
/// letters through, then sends Backspace and the letter with its mark.
#[test]
fn unikey_backspace_and_retype_lands_once() {
    let mut harness = harness_at(1.0);
    focused_empty_field(&mut harness);
    let typed = |harness: &mut Harness<'static, ChitieuApp>, text: &str| {
        harness.event(Event::Text(text.to_owned()));
        harness.run();
    };
    let backspace = |harness: &mut Harness<'static, ChitieuApp>, times: usize| {
        for _ in 0..times {
            harness.key_press(Key::Backspace);
        }
        harness.run();
    };
    // V i e e → "Viê": the second e becomes Backspace + "ê".
    for letter in ["V", "i", "e"] {
        typed(&mut harness, letter);
    }
    backspace(&mut harness, 1);
    typed(&mut harness, "ê");
    // t j → "ệt": the tone mark rewrites the last two letters.
    typed(&mut harness, "t");
    backspace(&mut harness, 2);
    typed(&mut harness, "ệt");
    typed(&mut harness, " ");
    for letter in ["N", "a", "m"] {
        typed(&mut harness, letter);
    }
    assert_eq!(field_text(&harness), "Việt Nam");
}

/// Text committed by an input method is normalised nowhere in egui: NFC "ệ" (one code point)
/// and NFD "ệ" (e + two marks) both land as sent; the app normalises when it reads a file.
#[test]
fn a_commit_in_decomposed_form_lands_as_sent() {
    let mut harness = harness_at(1.0);
    focused_empty_field(&mut harness);
    commit(&mut harness, "Vie\u{323}\u{302}t");
    assert_eq!(field_text(&harness), "Vie\u{323}\u{302}t");
}

#[test]
fn zoom_commands_scale_the_whole_interface_on_top_of_the_system_scale() {
    for system in [1.0, 1.25, 1.5] {
        let mut harness = harness_at(system);
        assert_eq!(harness.state().zoom(), Zoom::default());
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
        harness.run();
        assert_eq!(harness.state().zoom().percent(), 120);
        let pixels_per_point = harness.ctx.pixels_per_point();
        assert!(
            (pixels_per_point - system * 1.2).abs() < 1e-4,
            "{pixels_per_point} at system scale {system}"
        );
        harness.get_by_label("12/14 chỉ tiêu đạt và vượt");

        harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
        harness.run();
        assert_eq!(harness.state().zoom().percent(), 110);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
        harness.run();
        assert_eq!(harness.state().zoom(), Zoom::default());
        assert!((harness.ctx.pixels_per_point() - system).abs() < 1e-4);
    }
}

#[test]
fn the_view_menu_zooms_too() {
    let mut harness = harness_at(1.0);
    harness.get_by_label("Xem").click();
    harness.run();
    harness.get_by_label("Phóng to Ctrl+Plus").click();
    harness.run();
    assert_eq!(harness.state().zoom().percent(), 110);
}

#[test]
fn the_zoom_is_remembered_between_runs() {
    let mut harness = harness_at(1.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let remembered: State = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert_eq!(remembered.zoom.percent(), 110);

    let mut next = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            cc.storage = Some(Box::leak(Box::new(storage)));
            ChitieuApp::new(cc, &[])
        });
    next.run();
    assert_eq!(next.state().zoom().percent(), 110);
    assert!((next.ctx.zoom_factor() - 1.1).abs() < 1e-4);
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}
