//! The zoom of the whole interface, as the user sets it (Ctrl+Plus, Ctrl+Minus, Ctrl+0, or the
//! View menu) and as it is remembered between runs.
//!
//! It multiplies the system's own scale, which egui takes from the window: 125 % or 150 % in
//! Windows' display settings, the desktop's scale factor on Linux. So 110 % on a 150 % screen
//! draws everything at 1.65 physical pixels per point.

use serde::{Deserialize, Serialize};

/// A zoom in per cent of the normal size; stored as that number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Zoom(u16);

impl Default for Zoom {
    fn default() -> Self {
        Self(100)
    }
}

impl Zoom {
    /// The smallest zoom, in per cent.
    pub const MIN: u16 = 50;
    /// The largest zoom, in per cent.
    pub const MAX: u16 = 300;
    /// One step of Ctrl+Plus or Ctrl+Minus, in per cent.
    pub const STEP: u16 = 10;

    /// A zoom of `percent`, kept between [`Self::MIN`] and [`Self::MAX`].
    #[must_use]
    pub fn from_percent(percent: u16) -> Self {
        Self(percent.clamp(Self::MIN, Self::MAX))
    }

    /// The zoom in per cent (a remembered value out of range counts as its nearest bound).
    #[must_use]
    pub fn percent(self) -> u16 {
        self.0.clamp(Self::MIN, Self::MAX)
    }

    /// The factor egui multiplies the system's scale by.
    #[must_use]
    pub fn factor(self) -> f32 {
        f32::from(self.percent()) / 100.0
    }

    /// One step larger.
    #[must_use]
    pub fn zoomed_in(self) -> Self {
        Self::from_percent(self.percent().saturating_add(Self::STEP))
    }

    /// One step smaller.
    #[must_use]
    pub fn zoomed_out(self) -> Self {
        Self::from_percent(self.percent().saturating_sub(Self::STEP))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_in_range() {
        let zoom = Zoom::default();
        assert_eq!(zoom.percent(), 100);
        assert_eq!(zoom.zoomed_in().percent(), 110);
        assert_eq!(zoom.zoomed_out().zoomed_out().percent(), 80);
        assert_eq!(Zoom::from_percent(300).zoomed_in().percent(), 300);
        assert_eq!(Zoom::from_percent(50).zoomed_out().percent(), 50);
        assert!((Zoom::from_percent(125).factor() - 1.25).abs() < f32::EPSILON);
    }

    #[test]
    fn remembered_as_a_number_and_clamped_when_read() {
        assert_eq!(
            serde_json::to_string(&Zoom::from_percent(120)).unwrap(),
            "120"
        );
        let odd: Zoom = serde_json::from_str("7").unwrap();
        assert_eq!(odd.percent(), Zoom::MIN);
    }
}
