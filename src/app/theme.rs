//! Design tokens: every colour and size the app uses, in one place.
//!
//! Status colours are the Okabe–Ito palette, which stays distinguishable with the common kinds
//! of colour blindness; a status is always shown with its text as well. The theme is light,
//! which projectors show best.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::model::Status;

/// Exceeded (vượt): Okabe–Ito blue.
pub const EXCEEDED: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// Met (đạt): Okabe–Ito bluish green.
pub const MET: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
/// Not met (chưa đạt): Okabe–Ito vermillion.
pub const NOT_MET: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// No data: grey.
pub const NO_DATA: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
/// The target (the 100 % line, target swatches): near black, drawn dashed.
pub const TARGET: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
/// The actual result: Okabe–Ito sky blue.
pub const ACTUAL: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// A file's assessment that disagrees with the computed status: Okabe–Ito reddish purple.
pub const DISAGREES: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
/// Cells that could not be read and load errors: red.
pub const ERROR: Color32 = Color32::from_rgb(0xC0, 0x1C, 0x28);
/// Background of error messages.
pub const ERROR_FILL: Color32 = Color32::from_rgb(0xFD, 0xEC, 0xEA);
/// Warnings: Okabe–Ito orange, darkened for text on white.
pub const WARNING: Color32 = Color32::from_rgb(0xA8, 0x6A, 0x00);
/// Background of a strategy card.
pub const CARD_FILL: Color32 = Color32::from_rgb(0xF6, 0xF7, 0xF9);
/// Border of a strategy card.
pub const CARD_STROKE: Color32 = Color32::from_rgb(0xD0, 0xD4, 0xDA);
/// Secondary text (spans, provenance).
pub const MUTED: Color32 = Color32::from_rgb(0x5F, 0x63, 0x68);
/// Text on a dark chip.
pub const ON_DARK: Color32 = Color32::WHITE;
/// The veil over the window while files are dragged onto it.
pub const DROP_VEIL: Color32 = Color32::from_black_alpha(160);
/// Body text: darker than egui's grey, for contrast on a projector.
pub const TEXT: Color32 = Color32::from_rgb(0x1F, 0x23, 0x28);

/// Body text size, large enough for a projector.
pub const BODY: f32 = 17.0;
/// Small text size (provenance, secondary lines).
pub const SMALL: f32 = 14.5;
/// Heading size.
pub const HEADING: f32 = 23.0;
/// The headline ("12/14 chỉ tiêu đạt và vượt").
pub const HEADLINE: f32 = 30.0;
/// A big figure beside the headline (budget % of plan).
pub const FIGURE: f32 = 26.0;
/// Text drawn inside charts (value labels above bars).
pub const CHART_LABEL: f32 = 15.0;
/// Height of a table row: two lines of body text.
pub const TABLE_ROW: f32 = 48.0;
/// Height of the table header.
pub const TABLE_HEADER: f32 = 30.0;
/// Side of a status swatch.
pub const SWATCH: f32 = 14.0;
/// The narrowest an overview column gets before the overview scrolls sideways.
pub const MIN_COLUMN_WIDTH: f32 = 480.0;
/// Achievement bars taller than this (in %) are cut at it, with their true value written above.
pub const CHART_CAP: f64 = 200.0;

/// The colour of a status.
#[must_use]
pub fn status_color(status: Status) -> Color32 {
    match status {
        Status::Exceeded => EXCEEDED,
        Status::Met => MET,
        Status::NotMet => NOT_MET,
        Status::NoData => NO_DATA,
    }
}

/// Sets the light theme, dark text and projector-sized text.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::ThemePreference::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = TEXT;
        style.visuals.widgets.inactive.fg_stroke.color = TEXT;
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(SMALL, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(BODY, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(HEADING, crate::app::fonts::bold()),
            ),
            (
                TextStyle::Monospace,
                FontId::new(BODY - 1.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 26.0;
    });
}

/// A small square of `color`, for legends and status cells.
pub fn swatch_ui(ui: &mut egui::Ui, color: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(SWATCH, SWATCH), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
    response
}

/// The window icon: `assets/icon/chitieu-64.png`, made from `assets/icon/chitieu.svg` (three
/// bars in the status colours against the target line) by `scripts/make-icons.sh`.
#[must_use]
pub fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/chitieu-64.png"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes() {
        let icon = super::icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    }
}
