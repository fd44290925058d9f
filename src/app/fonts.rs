//! The embedded Noto Sans font, which covers every Vietnamese letter (ỷ ệ ạ ố ị ữ …) that egui's
//! bundled fonts lack. Its licence (SIL OFL 1.1) is `assets/fonts/OFL.txt`. The font files are
//! embedded once, in the library, which the chart exports draw with too.

use std::sync::Arc;

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};

/// Name of the regular face in the font definitions.
const REGULAR: &str = "NotoSans-Regular";

/// Name of the bold face, and of the font family that uses it.
const BOLD: &str = "NotoSans-Bold";

/// The bold family, for headlines and headings.
#[must_use]
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD.into())
}

/// egui's default fonts with Noto Sans first for proportional text, as a fallback for monospace
/// text, and a bold family whose fallbacks are the proportional fonts.
#[must_use]
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        REGULAR.to_owned(),
        Arc::new(FontData::from_static(crate::chart_export::FONT_REGULAR)),
    );
    fonts.font_data.insert(
        BOLD.to_owned(),
        Arc::new(FontData::from_static(crate::chart_export::FONT_BOLD)),
    );
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    proportional.insert(0, REGULAR.to_owned());
    let mut bold_chain = vec![BOLD.to_owned()];
    bold_chain.extend(proportional.iter().cloned());
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(REGULAR.to_owned());
    fonts.families.insert(bold(), bold_chain);
    fonts
}

/// Installs [`definitions`] in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noto_sans_comes_first_and_bold_falls_back() {
        let fonts = definitions();
        assert_eq!(fonts.families[&FontFamily::Proportional][0], REGULAR);
        assert!(fonts.families[&FontFamily::Monospace].contains(&REGULAR.to_owned()));
        assert_eq!(fonts.families[&bold()][..2], [BOLD, REGULAR]);
    }
}
