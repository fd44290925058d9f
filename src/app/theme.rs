//! Design tokens: every colour and size the app uses, in one place.
//!
//! Status colours are the Okabe–Ito palette, which stays distinguishable with the common kinds
//! of colour blindness; a status is always shown with its text as well. The colours come from
//! [`crate::palette`], which the chart exports share; the constants here are the light theme
//! (projectors show it best), and [`palette`] gives the theme on screen, light or dark.

use eframe::egui::{self, Color32, FontFamily, FontId, TextStyle};

use crate::model::Status;
use crate::palette::{DARK, LIGHT, Palette, Rgb, Theme};

/// Exceeded (vượt): Okabe–Ito blue.
pub const EXCEEDED: Color32 = color(LIGHT.exceeded);
/// Met (đạt): Okabe–Ito bluish green.
pub const MET: Color32 = color(LIGHT.met);
/// Not met (chưa đạt): Okabe–Ito vermillion.
pub const NOT_MET: Color32 = color(LIGHT.not_met);
/// No data: grey.
pub const NO_DATA: Color32 = color(LIGHT.no_data);
/// A file's assessment that disagrees with the computed status: Okabe–Ito reddish purple.
pub const DISAGREES: Color32 = color(LIGHT.disagrees);
/// Cells that could not be read and load errors: red.
pub const ERROR: Color32 = color(LIGHT.error);
/// Background of error messages.
pub const ERROR_FILL: Color32 = color(LIGHT.error_fill);
/// Warnings: Okabe–Ito orange, darkened for text on white.
pub const WARNING: Color32 = color(LIGHT.warning);
/// Secondary text (spans, provenance).
pub const MUTED: Color32 = color(LIGHT.muted);
/// Text on a dark chip.
pub const ON_DARK: Color32 = Color32::WHITE;
/// The veil over the window while files are dragged onto it.
pub const DROP_VEIL: Color32 = Color32::from_black_alpha(160);
/// The outline of the selected table cell.
pub const CELL_CURSOR: Color32 = Color32::from_rgb(0x1A, 0x5F, 0xB4);
/// The background of a selected range of table cells.
pub const RANGE_FILL: Color32 = Color32::from_rgba_unmultiplied_const(0x1A, 0x5F, 0xB4, 0x30);
/// Body text: darker than egui's grey, for contrast on a projector.
pub const TEXT: Color32 = color(LIGHT.text);

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

/// A palette colour as an egui colour.
#[must_use]
pub const fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
}

/// The palette of the theme `ui` is drawn in.
#[must_use]
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    if ui.visuals().dark_mode {
        &DARK
    } else {
        &LIGHT
    }
}

/// Shows the app in `theme` from the next frame on.
pub fn set_theme(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    });
}

/// Sets the light theme, dark text and projector-sized text.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::ThemePreference::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = TEXT;
        style.visuals.widgets.inactive.fg_stroke.color = TEXT;
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = color(DARK.text);
        style.visuals.widgets.inactive.fg_stroke.color = color(DARK.text);
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
