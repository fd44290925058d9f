//! The colours of charts and of the app, light and dark, in one place. The desktop app's
//! `theme` module turns these into egui colours and the chart exports write them into SVG, so a
//! chart on screen and its exported image agree.
//!
//! Status colours are the Okabe–Ito palette, which stays distinguishable with the common kinds
//! of colour blindness; charts also write each status as text (and hatch the bars of indicators
//! not met), so colour is never the only cue. The dark palette lightens the same hues so that
//! bars keep a 3:1 contrast against the dark background.

use serde::{Deserialize, Serialize};

use crate::model::Status;

/// An opaque colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// A colour from its channels.
    #[must_use]
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// The colour as CSS/SVG hex, e.g. `#0072b2`.
    #[must_use]
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// Relative luminance (WCAG 2), from 0 (black) to 1 (white).
    #[must_use]
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// The WCAG contrast ratio between two colours (1 to 21).
    #[must_use]
    pub fn contrast(self, other: Self) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    #[must_use]
    pub fn text_on(self) -> Self {
        let black = Self::new(0x11, 0x11, 0x11);
        let white = Self::new(0xFF, 0xFF, 0xFF);
        if self.contrast(white) >= self.contrast(black) {
            white
        } else {
            black
        }
    }

    /// This colour mixed with `other`: `amount` 0 keeps it, 1 gives `other`.
    #[must_use]
    pub fn mix(self, other: Self, amount: f64) -> Self {
        let mix = |a: u8, b: u8| {
            (f64::from(a) + (f64::from(b) - f64::from(a)) * amount.clamp(0.0, 1.0)).round() as u8
        };
        Self::new(
            mix(self.r, other.r),
            mix(self.g, other.g),
            mix(self.b, other.b),
        )
    }
}

/// Light (for projectors and print) or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on near black.
    Dark,
}

impl Theme {
    /// The other theme.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }

    /// The palette of the theme.
    #[must_use]
    pub fn palette(self) -> &'static Palette {
        match self {
            Self::Light => &LIGHT,
            Self::Dark => &DARK,
        }
    }
}

/// Every colour a chart (and the app around it) uses, for one theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Behind everything.
    pub background: Rgb,
    /// Text, axes and titles.
    pub text: Rgb,
    /// Secondary text: subtitles, notes, provenance.
    pub muted: Rgb,
    /// Grid lines and card borders.
    pub grid: Rgb,
    /// Behind a card or a panel that stands out from the background.
    pub card: Rgb,
    /// The target: the 100 % line, target markers and the target line (drawn dashed).
    pub target: Rgb,
    /// The actual result: its line and points, the actual budget bar.
    pub actual: Rgb,
    /// The baseline marker.
    pub baseline: Rgb,
    /// The shaded zone where a value meets its target.
    pub good_zone: Rgb,
    /// The planned budget bar.
    pub planned: Rgb,
    /// Exceeded (vượt).
    pub exceeded: Rgb,
    /// Met (đạt).
    pub met: Rgb,
    /// Not met (chưa đạt).
    pub not_met: Rgb,
    /// No data.
    pub no_data: Rgb,
    /// A file's assessment that disagrees with the computed status.
    pub disagrees: Rgb,
    /// Errors and cells that could not be read.
    pub error: Rgb,
    /// Behind error messages.
    pub error_fill: Rgb,
    /// Warnings.
    pub warning: Rgb,
}

impl Palette {
    /// The colour of a status.
    #[must_use]
    pub fn status(&self, status: Status) -> Rgb {
        match status {
            Status::Exceeded => self.exceeded,
            Status::Met => self.met,
            Status::NotMet => self.not_met,
            Status::NoData => self.no_data,
        }
    }
}

/// The light palette: dark text on white, for projectors.
pub const LIGHT: Palette = Palette {
    background: Rgb::new(0xFF, 0xFF, 0xFF),
    text: Rgb::new(0x1F, 0x23, 0x28),
    muted: Rgb::new(0x5F, 0x63, 0x68),
    grid: Rgb::new(0xD0, 0xD4, 0xDA),
    card: Rgb::new(0xF6, 0xF7, 0xF9),
    target: Rgb::new(0x1A, 0x1A, 0x1A),
    actual: Rgb::new(0x56, 0xB4, 0xE9),
    baseline: Rgb::new(0xCC, 0x79, 0xA7),
    good_zone: Rgb::new(0xD4, 0xEE, 0xE5),
    planned: Rgb::new(0xBD, 0xC1, 0xC6),
    exceeded: Rgb::new(0x00, 0x72, 0xB2),
    met: Rgb::new(0x00, 0x9E, 0x73),
    not_met: Rgb::new(0xD5, 0x5E, 0x00),
    no_data: Rgb::new(0x99, 0x99, 0x99),
    disagrees: Rgb::new(0xCC, 0x79, 0xA7),
    error: Rgb::new(0xC0, 0x1C, 0x28),
    error_fill: Rgb::new(0xFD, 0xEC, 0xEA),
    warning: Rgb::new(0xA8, 0x6A, 0x00),
};

/// The dark palette: the same hues, lightened, on near black.
pub const DARK: Palette = Palette {
    background: Rgb::new(0x1B, 0x1B, 0x1B),
    text: Rgb::new(0xE8, 0xEA, 0xED),
    muted: Rgb::new(0xA8, 0xAD, 0xB4),
    grid: Rgb::new(0x44, 0x48, 0x4E),
    card: Rgb::new(0x26, 0x28, 0x2B),
    target: Rgb::new(0xF2, 0xF2, 0xF2),
    actual: Rgb::new(0x56, 0xB4, 0xE9),
    baseline: Rgb::new(0xE0, 0x96, 0xC0),
    good_zone: Rgb::new(0x1D, 0x3D, 0x33),
    planned: Rgb::new(0x6B, 0x70, 0x77),
    exceeded: Rgb::new(0x3A, 0x9B, 0xDC),
    met: Rgb::new(0x1F, 0xB8, 0x8A),
    not_met: Rgb::new(0xE8, 0x7A, 0x2E),
    no_data: Rgb::new(0x8A, 0x8A, 0x8A),
    disagrees: Rgb::new(0xE0, 0x96, 0xC0),
    error: Rgb::new(0xFF, 0x7B, 0x72),
    error_fill: Rgb::new(0x3D, 0x1F, 0x1F),
    warning: Rgb::new(0xE3, 0xB3, 0x41),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_contrast() {
        assert_eq!(LIGHT.exceeded.hex(), "#0072b2");
        let white = Rgb::new(255, 255, 255);
        let black = Rgb::new(0, 0, 0);
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        assert_eq!(LIGHT.exceeded.text_on(), white);
        assert_eq!(Rgb::new(0xF0, 0xF0, 0xF0).text_on().r, 0x11);
        assert_eq!(white.mix(black, 0.5), Rgb::new(128, 128, 128));
    }

    #[test]
    fn text_and_bars_stand_out_in_both_themes() {
        for palette in [&LIGHT, &DARK] {
            assert!(palette.text.contrast(palette.background) >= 7.0);
            assert!(palette.muted.contrast(palette.background) >= 4.5);
            assert!(palette.target.contrast(palette.background) >= 7.0);
            for status in Status::ALL {
                assert!(
                    palette.status(status).contrast(palette.background) >= 2.5,
                    "{status:?}"
                );
            }
            // The good zone is a tint: text stays readable on it.
            assert!(palette.text.contrast(palette.good_zone) >= 7.0);
        }
    }
}
