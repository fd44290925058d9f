//! Charts as images for slides and documents, drawn from the chart data of [`crate::chart`]
//! without a window or a GPU: [`svg`] writes an SVG document, [`png`] rasterises it (resvg) at
//! exactly the size asked for, and [`rgba`] gives the pixels for the clipboard.
//!
//! The text is set in the embedded Noto Sans (every Vietnamese letter), with the same colours
//! ([`crate::palette`]) and words ([`crate::chart_text`]) as the charts on screen. A status is
//! always written as well as coloured, and the bars of indicators not met are hatched.
//!
//! The size is in pixels; the scale says how large text and lines are: at 1920 × 1080 and
//! scale 2 the chart is laid out on a 960 × 540 canvas and drawn twice as large, which reads
//! well on a projected slide.

use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};
use serde::{Deserialize, Serialize};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::chart::{
    AchievementChart, BudgetChart, Bullet, Chart, StatusStack, TimeSeries, drawn_height, nice_ticks,
};
use crate::chart_text::{self as ct, LegendEntry, Mark};
use crate::model::{Period, Status};
use crate::palette::{Palette, Rgb, Theme};
use crate::report::Language;

/// Noto Sans Regular (SIL OFL 1.1, `assets/fonts/OFL.txt`): the app's and the exports' text.
pub static FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");

/// Noto Sans Bold.
pub static FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");

/// The font family name written in exported SVG.
pub const FONT_FAMILY: &str = "Noto Sans";

/// The smallest side of an exported image, in pixels.
pub const MIN_SIDE: u32 = 160;

/// The largest side of an exported image, in pixels.
pub const MAX_SIDE: u32 = 8192;

/// The pixel size of an exported image and how large its text and lines are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportSize {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Text and lines are drawn this many times larger than on a canvas of the full size.
    pub scale: f64,
}

impl Default for ExportSize {
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            scale: 2.0,
        }
    }
}

// A size is never NaN: the app's fields clamp it and [`ExportSize::check`] refuses what cannot
// be drawn, so equality is total.
impl Eq for ExportSize {}

impl ExportSize {
    /// Sizes offered in the app: a 16:9 slide (full HD and 4K), a smaller 16:9 image and a
    /// 4:3 slide.
    pub const PRESETS: [Self; 4] = [
        Self {
            width: 1920,
            height: 1080,
            scale: 2.0,
        },
        Self {
            width: 3840,
            height: 2160,
            scale: 4.0,
        },
        Self {
            width: 1280,
            height: 720,
            scale: 1.5,
        },
        Self {
            width: 1600,
            height: 1200,
            scale: 2.0,
        },
    ];

    /// The canvas the chart is laid out on: the pixel size divided by the scale.
    #[must_use]
    pub fn canvas(&self) -> (f64, f64) {
        let scale = self.scale.max(0.25);
        (
            f64::from(self.width) / scale,
            f64::from(self.height) / scale,
        )
    }

    /// Whether the size can be drawn: sides within [`MIN_SIDE`]..=[`MAX_SIDE`], a scale from
    /// 0.5 to 8, and a canvas of at least 320 × 200 to lay the chart out on.
    pub fn check(&self) -> Result<(), ExportError> {
        let sides = (MIN_SIDE..=MAX_SIDE).contains(&self.width)
            && (MIN_SIDE..=MAX_SIDE).contains(&self.height);
        let (width, height) = self.canvas();
        if sides && (0.5..=8.0).contains(&self.scale) && width >= 320.0 && height >= 200.0 {
            Ok(())
        } else {
            Err(ExportError::Size {
                width: self.width,
                height: self.height,
                scale: self.scale,
            })
        }
    }
}

/// What an export looks like: its size, theme and language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// Pixel size and scale.
    pub size: ExportSize,
    /// Light or dark.
    pub theme: Theme,
    /// The language of words and numbers.
    pub language: Language,
}

/// Why an image could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The size cannot be drawn.
    #[error(
        "an image of {width} × {height} pixels at scale {scale} cannot be drawn: sides must be {MIN_SIDE} to {MAX_SIDE} pixels, the scale 0.5 to 8, and the size divided by the scale at least 320 × 200"
    )]
    Size {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
        /// Scale asked for.
        scale: f64,
    },
    /// The SVG could not be read back (a bug: the SVG is written here).
    #[error("the chart's SVG could not be drawn: {0}")]
    Svg(String),
    /// The PNG could not be encoded.
    #[error("the PNG could not be written: {0}")]
    Png(String),
}

/// An image as straight (not premultiplied) RGBA pixels, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// 4 bytes per pixel: red, green, blue, alpha.
    pub pixels: Vec<u8>,
}

/// The width of `text` in Noto Sans at `size` pixels (bold or regular), from the font's
/// advance widths.
#[must_use]
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let Ok(font) = FontRef::new(if bold { FONT_BOLD } else { FONT_REGULAR }) else {
        return text.chars().count() as f64 * size * 0.55;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size as f32), LocationRef::default());
    text.chars()
        .map(|c| {
            charmap
                .map(c)
                .and_then(|glyph| metrics.advance_width(glyph))
                .map_or(size * 0.55, f64::from)
        })
        .sum()
}

/// `text` cut to fit `width` at `size`, ending with "…" when cut.
#[must_use]
pub fn fit(text: &str, size: f64, bold: bool, width: f64) -> String {
    if text_width(text, size, bold) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() && text_width(&format!("{cut}…"), size, bold) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// `text` broken into at most `max_lines` lines of at most `width` at `size`, the last one
/// cut with "…" when the text does not fit.
#[must_use]
pub fn wrap(text: &str, size: f64, bold: bool, width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (at, word) in words.iter().enumerate() {
        let candidate = if current.is_empty() {
            (*word).to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size, bold) <= width || current.is_empty() {
            current = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            let rest = words[at..].join(" ");
            lines.push(fit(&format!("{current} {rest}"), size, bold, width));
            return lines;
        }
        lines.push(std::mem::take(&mut current));
        (*word).clone_into(&mut current);
    }
    if !current.is_empty() {
        lines.push(fit(&current, size, bold, width));
    }
    lines
}

/// The chart as an SVG document of `options.size` pixels.
#[must_use]
pub fn svg(chart: &Chart, options: &ExportOptions) -> String {
    let mut canvas = Canvas::new(options);
    let language = options.language;
    let legend = ct::legend(language, canvas.palette, chart);
    let top = canvas.header(
        &ct::title(language, chart),
        &ct::subtitle(language, chart),
        &legend,
    );
    let bottom = canvas.footer(&ct::notes(language, chart));
    let room = (top, bottom);
    match chart {
        Chart::Achievement(chart) => achievement(&mut canvas, chart, room),
        Chart::Bullet(bullet) => bullet_chart(&mut canvas, bullet, room),
        Chart::TimeSeries(series) => time_series(&mut canvas, series, room),
        Chart::StatusSummary(stacks) => status_summary(&mut canvas, stacks, room),
        Chart::Budget(budget) => budget_chart(&mut canvas, budget, room),
    }
    canvas.finish()
}

/// The fonts exports are drawn with: the embedded Noto Sans, regular and bold.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut database = usvg::fontdb::Database::new();
    for data in [FONT_REGULAR, FONT_BOLD] {
        database.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
    }
    database.set_sans_serif_family(FONT_FAMILY);
    Arc::new(database)
});

/// Draws an SVG document into a pixmap of its own size.
fn render(svg: &str) -> Result<tiny_skia::Pixmap, ExportError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::clone(&FONTS),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ExportError::Svg("empty image".to_owned()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The chart as RGBA pixels of exactly `options.size`.
pub fn rgba(chart: &Chart, options: &ExportOptions) -> Result<RgbaImage, ExportError> {
    options.size.check()?;
    let pixmap = render(&svg(chart, options))?;
    let pixels = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let color = pixel.demultiply();
            [color.red(), color.green(), color.blue(), color.alpha()]
        })
        .collect();
    Ok(RgbaImage {
        width: pixmap.width(),
        height: pixmap.height(),
        pixels,
    })
}

/// The chart as a PNG file of exactly `options.size`.
pub fn png(chart: &Chart, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    options.size.check()?;
    render(&svg(chart, options))?
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}

/// Outer margin of the canvas.
const PAD: f64 = 24.0;
/// Title size.
const TITLE: f64 = 24.0;
/// Subtitle size.
const SUBTITLE: f64 = 15.0;
/// Legend text size.
const LEGEND: f64 = 15.0;
/// Tick label size.
const TICK: f64 = 14.0;
/// Axis title size.
const AXIS: f64 = 15.0;
/// Value label size.
const LABEL: f64 = 14.0;
/// Note size.
const NOTE: f64 = 12.5;
/// Side of a legend swatch.
const SWATCH: f64 = 14.0;

/// How a piece of text is set.
#[derive(Clone, Copy)]
struct Style {
    size: f64,
    bold: bool,
    color: Rgb,
    anchor: Anchor,
    /// Rotated −90° (reading upwards) about its position.
    vertical: bool,
}

/// Where text sits relative to its position.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Style {
    fn new(size: f64, color: Rgb) -> Self {
        Self {
            size,
            bold: false,
            color,
            anchor: Anchor::Start,
            vertical: false,
        }
    }

    fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    fn middle(self) -> Self {
        Self {
            anchor: Anchor::Middle,
            ..self
        }
    }

    fn end(self) -> Self {
        Self {
            anchor: Anchor::End,
            ..self
        }
    }

    fn vertical(self) -> Self {
        Self {
            vertical: true,
            ..self
        }
    }
}

/// The plot area and the values at its edges.
struct Area {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    x: (f64, f64),
    y: (f64, f64),
}

impl Area {
    fn x(&self, value: f64) -> f64 {
        self.left + (value - self.x.0) / (self.x.1 - self.x.0) * (self.right - self.left)
    }

    fn y(&self, value: f64) -> f64 {
        self.bottom - (value - self.y.0) / (self.y.1 - self.y.0) * (self.bottom - self.top)
    }
}

/// An SVG document being written.
struct Canvas<'a> {
    out: String,
    width: f64,
    height: f64,
    palette: &'a Palette,
    language: Language,
}

impl Canvas<'_> {
    fn new(options: &ExportOptions) -> Self {
        let (width, height) = options.size.canvas();
        let palette = options.theme.palette();
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{FONT_FAMILY}, sans-serif">"#,
            options.size.width,
            options.size.height,
            num(width),
            num(height),
        );
        let hatch = palette.not_met.text_on();
        let _ = write!(
            out,
            r#"<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="{}"/><rect width="3" height="8" fill="{}" fill-opacity="0.35"/></pattern></defs>"#,
            palette.not_met.hex(),
            hatch.hex(),
        );
        let _ = write!(
            out,
            r#"<rect width="100%" height="100%" fill="{}"/>"#,
            palette.background.hex()
        );
        Canvas {
            out,
            width,
            height,
            palette,
            language: options.language,
        }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str) {
        let (y, height) = if height < 0.0 {
            (y + height, -height)
        } else {
            (y, height)
        };
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height)
        );
    }

    fn status_rect(&mut self, x: f64, y: f64, width: f64, height: f64, status: Status) {
        let fill = if status == Status::NotMet {
            "url(#hatch)".to_owned()
        } else {
            self.palette.status(status).hex()
        };
        self.rect(x, y, width, height, &fill);
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), color: Rgb, width: f64, dash: bool) {
        let dash = if dash {
            r#" stroke-dasharray="8 6""#
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{dash}/>"#,
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            color.hex(),
            num(width)
        );
    }

    fn polyline(&mut self, points: &[(f64, f64)], color: Rgb, width: f64, dash: bool) {
        if points.len() < 2 {
            return;
        }
        let dash = if dash {
            r#" stroke-dasharray="10 7""#
        } else {
            ""
        };
        let list: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"{dash}/>"#,
            list.join(" "),
            color.hex(),
            num(width)
        );
    }

    fn polygon(&mut self, points: &[(f64, f64)], fill: Rgb) {
        let list: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<polygon points="{}" fill="{}"/>"#,
            list.join(" "),
            fill.hex()
        );
    }

    fn circle(&mut self, center: (f64, f64), radius: f64, fill: Rgb, stroke: Rgb) {
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
            num(center.0),
            num(center.1),
            num(radius),
            fill.hex(),
            stroke.hex()
        );
    }

    fn square(&mut self, center: (f64, f64), side: f64, fill: Rgb) {
        self.rect(
            center.0 - side / 2.0,
            center.1 - side / 2.0,
            side,
            side,
            &fill.hex(),
        );
    }

    fn diamond(&mut self, center: (f64, f64), radius: f64, fill: Rgb) {
        let (x, y) = center;
        self.polygon(
            &[
                (x, y - radius),
                (x + radius, y),
                (x, y + radius),
                (x - radius, y),
            ],
            fill,
        );
    }

    fn text(&mut self, x: f64, y: f64, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        let anchor = match style.anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let weight = if style.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let rotate = if style.vertical {
            format!(r#" transform="rotate(-90 {} {})""#, num(x), num(y))
        } else {
            String::new()
        };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}"{anchor}{weight}{rotate}>{}</text>"#,
            num(x),
            num(y),
            num(style.size),
            style.color.hex(),
            escape(text)
        );
    }

    /// Starts a group with a tooltip (shown by SVG viewers on hover).
    fn group(&mut self, title: &str) {
        let _ = write!(self.out, "<g><title>{}</title>", escape(title));
    }

    fn end_group(&mut self) {
        self.out.push_str("</g>");
    }

    /// Title, subtitle lines and legend; returns the y where the plot may start.
    fn header(&mut self, title: &str, subtitle: &[String], keys: &[LegendEntry]) -> f64 {
        let text = self.palette.text;
        let muted = self.palette.muted;
        let width = self.width - 2.0 * PAD;
        let mut y = PAD + TITLE * 0.8;
        let title = fit(title, TITLE, true, width);
        self.text(PAD, y, &title, Style::new(TITLE, text).bold());
        for line in subtitle {
            y += SUBTITLE * 1.45;
            let line = fit(line, SUBTITLE, false, width);
            self.text(PAD, y, &line, Style::new(SUBTITLE, muted));
        }
        if keys.is_empty() {
            return y + 16.0;
        }
        y += LEGEND * 1.9;
        let mut x = PAD;
        for key in keys {
            let label = &key.label;
            let color = key.color;
            let mark = match key.mark {
                Mark::Line | Mark::DashedLine => 30.0,
                _ => SWATCH,
            };
            let item = mark + 6.0 + text_width(label, LEGEND, false);
            if x > PAD && x + item > self.width - PAD {
                x = PAD;
                y += LEGEND * 1.6;
            }
            let middle = y - LEGEND * 0.35;
            match key.mark {
                Mark::Swatch => self.rect(x, middle - SWATCH / 2.0, SWATCH, SWATCH, &color.hex()),
                Mark::Hatched => {
                    self.rect(x, middle - SWATCH / 2.0, SWATCH, SWATCH, "url(#hatch)");
                }
                Mark::Line | Mark::DashedLine => {
                    let dashed = key.mark == Mark::DashedLine;
                    self.line((x, middle), (x + mark, middle), color, 3.0, dashed);
                }
                Mark::Diamond => self.diamond((x + SWATCH / 2.0, middle), 7.0, color),
                Mark::Tick => {
                    self.rect(
                        x + SWATCH / 2.0 - 2.0,
                        middle - 9.0,
                        4.0,
                        18.0,
                        &color.hex(),
                    );
                }
            }
            self.text(x + mark + 6.0, y, label, Style::new(LEGEND, text));
            x += item + 22.0;
        }
        y + 18.0
    }

    /// Notes at the foot; returns the y above them.
    fn footer(&mut self, notes: &[String]) -> f64 {
        let muted = self.palette.muted;
        let mut y = self.height - PAD * 0.75;
        for note in notes.iter().rev() {
            let note = fit(note, NOTE, false, self.width - 2.0 * PAD);
            self.text(PAD, y, &note, Style::new(NOTE, muted));
            y -= NOTE * 1.5;
        }
        y - if notes.is_empty() { 0.0 } else { 4.0 }
    }

    /// The left edge of a plot whose y tick labels are `labels`, after the rotated y title.
    fn plot_left(labels: &[String]) -> f64 {
        let widest = labels
            .iter()
            .map(|label| text_width(label, TICK, false))
            .fold(0.0, f64::max);
        PAD + AXIS * 1.4 + widest + 10.0
    }

    /// The y axis: grid lines, tick labels and the rotated title.
    fn y_axis(&mut self, area: &Area, ticks: &[(f64, String)], title: &str) {
        let grid = self.palette.grid;
        let text = self.palette.text;
        for (value, label) in ticks {
            let y = area.y(*value);
            self.line((area.left, y), (area.right, y), grid, 1.0, false);
            self.text(
                area.left - 8.0,
                y + TICK * 0.35,
                label,
                Style::new(TICK, text).end(),
            );
        }
        let middle = f64::midpoint(area.top, area.bottom);
        let title = fit(title, AXIS, true, area.bottom - area.top + 40.0);
        self.text(
            PAD + AXIS * 0.85,
            middle,
            &title,
            Style::new(AXIS, text).bold().middle().vertical(),
        );
    }

    /// The x axis line and its title under the tick labels.
    fn x_axis(&mut self, area: &Area, title: &str, tick_rows: f64) {
        let text = self.palette.text;
        self.line(
            (area.left, area.bottom),
            (area.right, area.bottom),
            text,
            1.5,
            false,
        );
        let y = area.bottom + TICK * 1.4 * tick_rows + AXIS * 1.3;
        self.text(
            f64::midpoint(area.left, area.right),
            y,
            title,
            Style::new(AXIS, text).bold().middle(),
        );
    }

    /// Room under the plot for `tick_rows` rows of tick labels and the x axis title.
    fn x_axis_room(tick_rows: f64) -> f64 {
        TICK * 1.4 * tick_rows + AXIS * 1.3 + 10.0
    }

    /// A message in the middle of the canvas, for a chart with nothing to draw.
    fn message(&mut self, top: f64, text: &str) {
        let muted = self.palette.muted;
        self.text(
            self.width / 2.0,
            f64::midpoint(top, self.height),
            text,
            Style::new(SUBTITLE, muted).middle(),
        );
    }
}

/// A coordinate with at most two decimals.
pub(crate) fn num(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Whether Noto Sans has a glyph for every character of `text`.
#[must_use]
pub fn covered(text: &str) -> bool {
    let Ok(font) = FontRef::new(FONT_REGULAR) else {
        return false;
    };
    let charmap = font.charmap();
    text.chars()
        .all(|c| c.is_whitespace() || charmap.map(c).is_some())
}

/// Text made safe inside an XML element, with the mathematical signs Noto Sans lacks written
/// in ASCII (a target written "≥ 95" in a file reads ">= 95").
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '≤' => out.push_str("&lt;="),
            '≥' => out.push_str("&gt;="),
            '≈' => out.push('~'),
            '−' => out.push('-'),
            '≠' => out.push_str("!="),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes `label` inside a bar reading upwards when it fits, else nowhere; returns whether it
/// was written.
fn vertical_label(
    canvas: &mut Canvas<'_>,
    x: f64,
    bottom: f64,
    height: f64,
    label: &str,
    color: Rgb,
) -> bool {
    let size = LABEL - 1.0;
    let needed = text_width(label, size, true) + 10.0;
    if height < needed {
        return false;
    }
    canvas.text(
        x + size * 0.35,
        bottom - 6.0,
        label,
        Style::new(size, color).bold().vertical(),
    );
    true
}

fn achievement(canvas: &mut Canvas<'_>, chart: &AchievementChart, (top, bottom): (f64, f64)) {
    let language = canvas.language;
    let words = ct::words(language);
    let palette = canvas.palette;
    let bottom = bottom - Canvas::x_axis_room(1.0);
    if chart.bars.is_empty() {
        canvas.message(top, words.nothing);
        return;
    }
    let axis_top = crate::chart::achievement_axis_top(&chart.bars);
    let ticks: Vec<(f64, String)> = (0..=(axis_top / 50.0).floor() as u32)
        .map(|n| f64::from(n) * 50.0)
        .map(|value| (value, language.number(value, 0)))
        .collect();
    let labels: Vec<String> = ticks.iter().map(|(_, label)| label.clone()).collect();
    let slots = chart.bars.len() as f64;
    let area = Area {
        left: Canvas::plot_left(&labels),
        top: top + LABEL * 1.5,
        right: canvas.width - PAD,
        bottom,
        x: (-0.5, slots - 0.5),
        y: (0.0, axis_top),
    };
    canvas.y_axis(&area, &ticks, words.axis_achievement);
    let slot_width = (area.right - area.left) / slots;
    let bar_width = slot_width * 0.7;
    let codes_fit = chart
        .bars
        .iter()
        .all(|bar| text_width(&bar.code, TICK, false) <= slot_width - 4.0);
    for (slot, bar) in chart.bars.iter().enumerate() {
        let x = area.x(slot as f64);
        let (height, cut) = bar.achievement.map_or((0.0, false), drawn_height);
        let y = area.y(height);
        let tooltip = match bar.achievement {
            Some(achievement) => format!(
                "{} {}: {} ({})",
                bar.code,
                bar.name,
                ct::achievement_exact(language, achievement),
                language.status(bar.status)
            ),
            None => format!("{} {}: {}", bar.code, bar.name, language.status(bar.status)),
        };
        canvas.group(&tooltip);
        canvas.status_rect(
            x - bar_width / 2.0,
            y,
            bar_width,
            area.bottom - y,
            bar.status,
        );
        canvas.end_group();
        let status_word = language.status(bar.status);
        match bar.achievement {
            Some(achievement) => {
                canvas.text(
                    x,
                    y - 5.0,
                    &ct::achievement_label(language, achievement, cut),
                    Style::new(LABEL, palette.text).bold().middle(),
                );
                let on = palette.status(bar.status).text_on();
                vertical_label(canvas, x, area.bottom, area.bottom - y, status_word, on);
            }
            None => {
                canvas.text(
                    x + LABEL * 0.35,
                    area.bottom - 6.0,
                    status_word,
                    Style::new(LABEL - 1.0, palette.muted).vertical(),
                );
            }
        }
        let code = if codes_fit {
            bar.code.clone()
        } else {
            fit(&bar.code, TICK - 2.0, false, slot_width - 2.0)
        };
        let size = if codes_fit { TICK } else { TICK - 2.0 };
        canvas.text(
            x,
            area.bottom + TICK * 1.3,
            &code,
            Style::new(size, palette.text).middle(),
        );
    }
    let hundred = area.y(100.0);
    canvas.line(
        (area.left, hundred),
        (area.right, hundred),
        palette.target,
        2.5,
        true,
    );
    canvas.x_axis(&area, words.axis_indicator, 1.0);
}

fn bullet_chart(canvas: &mut Canvas<'_>, bullet: &Bullet, (top, bottom): (f64, f64)) {
    let language = canvas.language;
    let words = ct::words(language);
    let palette = canvas.palette;
    let unit = &bullet.unit;
    let status_color = palette.status(bullet.status);
    let bottom = bottom - Canvas::x_axis_room(1.0);
    let ticks: Vec<(f64, String)> = nice_ticks(bullet.axis.0, bullet.axis.1, 6)
        .into_iter()
        .map(|value| (value, ct::number(language, value)))
        .collect();
    let area = Area {
        left: PAD + 8.0,
        top,
        right: canvas.width - PAD - 8.0,
        bottom,
        x: bullet.axis,
        y: (0.0, 1.0),
    };
    for (value, label) in &ticks {
        let x = area.x(*value);
        canvas.line(
            (x, area.top + 30.0),
            (x, area.bottom),
            palette.grid,
            1.0,
            false,
        );
        canvas.text(
            x,
            area.bottom + TICK * 1.3,
            label,
            Style::new(TICK, palette.text).middle(),
        );
    }
    let band_height = ((area.bottom - area.top) * 0.42).clamp(60.0, 170.0);
    let band_top = f64::midpoint(area.top, area.bottom) - band_height / 2.0;
    let zone_low = bullet.good_zone.0.max(bullet.axis.0);
    let zone_high = bullet.good_zone.1.min(bullet.axis.1);
    if zone_high > zone_low {
        canvas.rect(
            area.x(zone_low),
            band_top,
            area.x(zone_high) - area.x(zone_low),
            band_height,
            &palette.good_zone.hex(),
        );
        let zone = ct::condition(language, bullet.comparator, bullet.target);
        canvas.text(
            area.x(zone_low) + 6.0,
            band_top + band_height - 8.0,
            &format!("{} ({zone})", words.good_zone),
            Style::new(NOTE, palette.text),
        );
    }
    let bar_height = band_height * 0.38;
    let bar_top = band_top + (band_height - bar_height) / 2.0;
    let origin = area.x(0.0_f64.clamp(bullet.axis.0, bullet.axis.1));
    if let Some(actual) = bullet.actual {
        let end = area.x(actual);
        let tooltip = format!(
            "{}: {}",
            words.actual,
            ct::value_with_unit(language, actual, unit)
        );
        canvas.group(&tooltip);
        canvas.status_rect(
            origin.min(end),
            bar_top,
            (end - origin).abs(),
            bar_height,
            bullet.status,
        );
        canvas.end_group();
        let label = format!(
            "{} {} · {}",
            words.actual,
            ct::value_with_unit(language, actual, unit),
            language.status(bullet.status)
        );
        let width = text_width(&label, LABEL, true);
        let style = Style::new(LABEL, palette.text).bold();
        let baseline = bar_top + bar_height / 2.0 + LABEL * 0.35;
        if end + 8.0 + width <= area.right {
            canvas.text(end + 8.0, baseline, &label, style);
        } else if end - 8.0 - width >= origin {
            let on = status_color.text_on();
            canvas.text(
                end - 8.0,
                baseline,
                &label,
                Style { color: on, ..style }.end(),
            );
        } else {
            canvas.text(area.right, bar_top - 6.0, &label, style.end());
        }
    }
    let target_x = area.x(bullet.target.clamp(bullet.axis.0, bullet.axis.1));
    canvas.rect(
        target_x - 2.5,
        band_top - 8.0,
        5.0,
        band_height + 16.0,
        &palette.target.hex(),
    );
    let target_label = format!(
        "{}: {}",
        words.target,
        if bullet.target_text.is_empty() {
            ct::condition(language, bullet.comparator, bullet.target)
        } else {
            bullet.target_text.clone()
        }
    );
    let anchored = |x: f64, label: &str, style: Style| {
        let width = text_width(label, style.size, style.bold);
        if x + width / 2.0 > area.right {
            (area.right, style.end())
        } else if x - width / 2.0 < area.left {
            (area.left, style)
        } else {
            (x, style.middle())
        }
    };
    let (x, style) = anchored(
        target_x,
        &target_label,
        Style::new(LABEL, palette.text).bold(),
    );
    canvas.text(x, band_top - 14.0, &target_label, style);
    if let (Some(baseline), true) = (bullet.baseline, bullet.axis.1 > bullet.axis.0) {
        let x = area.x(baseline.clamp(bullet.axis.0, bullet.axis.1));
        canvas.diamond((x, band_top + band_height), 9.0, palette.baseline);
        let label = match bullet.baseline_year {
            Some(year) => format!(
                "{} {}: {}",
                words.baseline,
                language.period(year),
                ct::value_with_unit(language, baseline, unit)
            ),
            None => format!(
                "{}: {}",
                words.baseline,
                ct::value_with_unit(language, baseline, unit)
            ),
        };
        let (x, style) = anchored(x, &label, Style::new(LABEL, palette.text));
        canvas.text(x, band_top + band_height + 12.0 + LABEL, &label, style);
    }
    canvas.x_axis(&area, &ct::value_axis_title(language, unit), 1.0);
}

fn time_series(canvas: &mut Canvas<'_>, series: &TimeSeries, (top, bottom): (f64, f64)) {
    let language = canvas.language;
    let words = ct::words(language);
    let palette = canvas.palette;
    let unit = &series.unit;
    let ranged = series.targets.iter().any(|target| target.max.is_some());
    let bottom = bottom - Canvas::x_axis_room(1.0);
    let Some((first, last)) = series.period_span() else {
        canvas.message(top, words.nothing);
        return;
    };
    let (low, high) = series.value_axis();
    let ticks: Vec<(f64, String)> = nice_ticks(low, high, 5)
        .into_iter()
        .map(|value| (value, ct::number(language, value)))
        .collect();
    let labels: Vec<String> = ticks.iter().map(|(_, label)| label.clone()).collect();
    let area = Area {
        left: Canvas::plot_left(&labels),
        top: top + LABEL,
        right: canvas.width - PAD - 16.0,
        bottom,
        // Room right of the last period for the gap.
        x: (f64::from(first) - 0.5, f64::from(last) + 1.1),
        y: (low, high),
    };
    canvas.y_axis(&area, &ticks, &ct::value_axis_title(language, unit));
    let step = period_step(first, last);
    let mut period = first;
    while period <= last {
        canvas.text(
            area.x(f64::from(period)),
            area.bottom + TICK * 1.3,
            &language.period(period),
            Style::new(TICK, palette.text).middle(),
        );
        period += step;
    }
    let at = |period: Period, value: f64| (area.x(f64::from(period)), area.y(value));
    if ranged {
        let bands: Vec<(Period, f64, f64)> = series
            .targets
            .iter()
            .filter_map(|target| target.max.map(|max| (target.period, target.value, max)))
            .collect();
        for (period, low, high) in &bands {
            let half = (area.x(1.0) - area.x(0.0)) * 0.3;
            let (x, top) = at(*period, *high);
            let bottom = area.y(*low);
            canvas.rect(
                x - half,
                top,
                2.0 * half,
                bottom - top,
                &palette.good_zone.hex(),
            );
        }
    }
    let target_points: Vec<(f64, f64)> = series
        .targets
        .iter()
        .map(|target| at(target.period, target.value))
        .collect();
    canvas.polyline(&target_points, palette.target, 2.5, true);
    for (target, point) in series.targets.iter().zip(&target_points) {
        canvas.group(&format!(
            "{} {}: {}",
            words.target,
            language.period(target.period),
            ct::condition(language, target.comparator, target.value)
        ));
        canvas.square(*point, 10.0, palette.target);
        canvas.end_group();
    }
    let actual_points: Vec<(f64, f64)> = series
        .actuals
        .iter()
        .map(|(period, value)| at(*period, *value))
        .collect();
    canvas.polyline(&actual_points, palette.actual, 3.5, false);
    for ((period, value), point) in series.actuals.iter().zip(&actual_points) {
        canvas.group(&format!(
            "{} {}: {}",
            words.actual,
            language.period(*period),
            ct::value_with_unit(language, *value, unit)
        ));
        canvas.circle(*point, 6.0, palette.actual, palette.background);
        canvas.end_group();
    }
    if let Some((year, value)) = series.baseline {
        let point = at(year, value);
        canvas.diamond(point, 8.0, palette.baseline);
        canvas.text(
            point.0 + 10.0,
            point.1 - 10.0,
            &format!("{} {}", words.baseline, ct::number(language, value)),
            Style::new(LABEL, palette.text),
        );
    }
    if let Some(gap) = &series.last_gap {
        let (x, actual_y) = at(gap.period, gap.actual);
        let target_y = area.y(gap.target);
        let style = Style::new(LABEL, palette.text).bold();
        let below = actual_y >= target_y;
        // The last values beside their points, the gap right of a bracket between them.
        canvas.text(
            x - 10.0,
            if below {
                actual_y + LABEL + 6.0
            } else {
                actual_y - 9.0
            },
            &ct::number(language, gap.actual),
            style.end(),
        );
        if (actual_y - target_y).abs() > 4.0 {
            canvas.text(
                x - 10.0,
                if below {
                    target_y - 9.0
                } else {
                    target_y + LABEL + 6.0
                },
                &ct::number(language, gap.target),
                style.end(),
            );
            canvas.line(
                (x + 12.0, actual_y),
                (x + 12.0, target_y),
                palette.muted,
                1.5,
                false,
            );
            canvas.line(
                (x + 8.0, target_y),
                (x + 16.0, target_y),
                palette.muted,
                1.5,
                false,
            );
            canvas.line(
                (x + 8.0, actual_y),
                (x + 16.0, actual_y),
                palette.muted,
                1.5,
                false,
            );
        }
        let middle = f64::midpoint(actual_y, target_y);
        canvas.text(
            x + 22.0,
            middle,
            &ct::difference(language, gap.gap, unit),
            style,
        );
        if let Some(status) = gap.status {
            canvas.text(
                x + 22.0,
                middle + LABEL * 1.3,
                language.status(status),
                Style::new(LABEL, palette.text),
            );
        }
    }
    canvas.x_axis(&area, words.axis_period, 1.0);
}

/// Years between period labels, so that labels do not crowd: every year up to 12 years.
fn period_step(first: Period, last: Period) -> Period {
    let span = (last - first).max(0);
    if span <= 12 { 1 } else { (span + 11) / 12 }
}

fn status_summary(canvas: &mut Canvas<'_>, stacks: &[StatusStack], (top, bottom): (f64, f64)) {
    let language = canvas.language;
    let words = ct::words(language);
    let palette = canvas.palette;
    let bottom = bottom - Canvas::x_axis_room(1.0);
    let most = stacks.iter().map(|stack| stack.total).max().unwrap_or(0);
    if most == 0 {
        canvas.message(top, words.nothing);
        return;
    }
    let high = most as f64 * 1.12;
    let ticks: Vec<(f64, String)> = crate::chart::count_ticks(high)
        .into_iter()
        .map(|value| (value, language.number(value, 0)))
        .collect();
    let labels: Vec<String> = ticks.iter().map(|(_, label)| label.clone()).collect();
    let slots = stacks.len() as f64;
    let area = Area {
        left: Canvas::plot_left(&labels),
        top: top + LABEL * 1.6,
        right: canvas.width - PAD,
        bottom,
        x: (-0.5, slots - 0.5),
        y: (0.0, high),
    };
    canvas.y_axis(&area, &ticks, words.axis_count);
    let slot_width = (area.right - area.left) / slots;
    let bar_width = (slot_width * 0.42).min(220.0);
    for (slot, stack) in stacks.iter().enumerate() {
        let x = area.x(slot as f64);
        let left = x - bar_width / 2.0;
        let mut base = 0.0;
        for (status, count) in &stack.counts {
            if *count == 0 {
                continue;
            }
            let y0 = area.y(base);
            base += *count as f64;
            let y1 = area.y(base);
            let label = ct::segment_label(language, *status, *count);
            canvas.group(&format!("{}: {label}", stack.strategy));
            canvas.status_rect(left, y1, bar_width, y0 - y1, *status);
            canvas.line(
                (left, y1),
                (left + bar_width, y1),
                palette.background,
                1.5,
                false,
            );
            canvas.end_group();
            let fits_inside =
                y0 - y1 >= LABEL * 1.4 && text_width(&label, LABEL, true) <= bar_width - 8.0;
            let middle = f64::midpoint(y0, y1) + LABEL * 0.35;
            if fits_inside {
                let color = palette.status(*status).text_on();
                canvas.text(x, middle, &label, Style::new(LABEL, color).bold().middle());
            } else {
                canvas.text(
                    left + bar_width + 8.0,
                    middle,
                    &label,
                    Style::new(LABEL, palette.text).bold(),
                );
            }
        }
        canvas.text(
            x,
            area.y(base) - 8.0,
            &ct::stack_headline(language, stack.achieved(), stack.total),
            Style::new(LABEL + 1.0, palette.text).bold().middle(),
        );
        canvas.text(
            x,
            area.bottom + TICK * 1.3,
            &ct::stack_label(language, &stack.strategy, stack.period),
            Style::new(TICK, palette.text).bold().middle(),
        );
    }
    canvas.x_axis(&area, words.axis_strategy, 1.0);
}

fn budget_chart(canvas: &mut Canvas<'_>, chart: &BudgetChart, (top, bottom): (f64, f64)) {
    let language = canvas.language;
    let words = ct::words(language);
    let palette = canvas.palette;
    let bottom = bottom - Canvas::x_axis_room(2.0);
    let slots = chart.slots();
    let highest = slots
        .iter()
        .filter_map(|(group, line, _)| line.map(|line| &chart.groups[*group].lines[line]))
        .flat_map(|line| [chart.height(line, false), chart.height(line, true)])
        .flatten()
        .fold(0.0, f64::max);
    if slots.is_empty() {
        canvas.message(top, words.nothing);
        return;
    }
    let high = if highest > 0.0 { highest * 1.25 } else { 1.0 };
    let ticks: Vec<(f64, String)> = nice_ticks(0.0, high, 5)
        .into_iter()
        .map(|value| (value, ct::number(language, value)))
        .collect();
    let labels: Vec<String> = ticks.iter().map(|(_, label)| label.clone()).collect();
    let area = Area {
        left: Canvas::plot_left(&labels),
        top: top + LABEL * 3.0,
        right: canvas.width - PAD,
        bottom,
        x: (-0.5, slots.len() as f64 - 0.5),
        y: (0.0, high),
    };
    canvas.y_axis(
        &area,
        &ticks,
        &ct::money_axis_title(language, chart.unit.as_deref()),
    );
    let slot_width = area.x(1.0) - area.x(0.0);
    let bar_width = (slot_width * 0.3).min(140.0);
    for (group_index, line_index, position) in slots {
        let group = &chart.groups[group_index];
        let x = area.x(position);
        let tick = match line_index {
            Some(line) if group.lines.len() > 1 => {
                format!("{} · {}", group.strategy, group.lines[line].name)
            }
            _ => group.strategy.clone(),
        };
        canvas.text(
            x,
            area.bottom + TICK * 2.7,
            &fit(&tick, TICK, true, slot_width - 6.0),
            Style::new(TICK, palette.text).bold().middle(),
        );
        let Some(line) = line_index.map(|line| &group.lines[line]) else {
            canvas.text(
                x,
                area.bottom - 12.0,
                &format!("{}: {}", group.strategy, words.no_budget),
                Style::new(LABEL, palette.muted).middle(),
            );
            continue;
        };
        for (actual, offset, color, word) in [
            (false, -0.55, palette.planned, words.planned),
            (true, 0.55, palette.actual, words.spent),
        ] {
            let center = x + offset * bar_width;
            canvas.text(
                center,
                area.bottom + TICK * 1.3,
                word,
                Style::new(TICK - 1.0, palette.text).middle(),
            );
            let Some(height) = chart.height(line, actual) else {
                continue;
            };
            let y = area.y(height);
            let amount = if actual { line.actual } else { line.planned };
            let value = amount
                .map(|amount| ct::number(language, amount))
                .unwrap_or_default();
            canvas.group(&format!("{} {word}: {value} {}", group.strategy, line.unit));
            canvas.rect(
                center - bar_width / 2.0,
                y,
                bar_width,
                area.bottom - y,
                &color.hex(),
            );
            canvas.end_group();
            canvas.text(
                center,
                y - 6.0,
                &value,
                Style::new(LABEL, palette.text).bold().middle(),
            );
            if actual && let Some(percent) = line.percent_of_plan {
                canvas.text(
                    center,
                    y - 8.0 - LABEL * 1.3,
                    &ct::percent_of_plan(language, percent),
                    Style::new(LABEL + 2.0, palette.text).bold().middle(),
                );
            }
        }
    }
    canvas.x_axis(&area, words.axis_strategy, 2.0);
}

/// The default file name of a chart's export: what it shows, with `extension`.
#[must_use]
pub fn file_name(chart: &Chart, extension: &str) -> String {
    format!("{}.{extension}", chart.file_stem())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_font() {
        let narrow = text_width("iiii", 14.0, false);
        let wide = text_width("MMMM", 14.0, false);
        assert!(wide > 2.0 * narrow, "{narrow} {wide}");
        assert!(text_width("Chưa đạt", 14.0, true) > text_width("Chưa đạt", 14.0, false));
        assert_eq!(fit("short", 14.0, false, 500.0), "short");
        let cut = fit(
            "Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế",
            14.0,
            false,
            120.0,
        );
        assert!(
            cut.ends_with('…') && text_width(&cut, 14.0, false) <= 120.0,
            "{cut}"
        );
        let lines = wrap(
            "một hai ba bốn năm sáu bảy tám chín mười",
            14.0,
            false,
            80.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }

    #[test]
    fn sizes_are_checked() {
        assert!(ExportSize::default().check().is_ok());
        assert_eq!(ExportSize::default().canvas(), (960.0, 540.0));
        let tiny = ExportSize {
            width: 100,
            height: 100,
            scale: 1.0,
        };
        assert!(matches!(tiny.check(), Err(ExportError::Size { .. })));
        let crowded = ExportSize {
            width: 800,
            height: 600,
            scale: 4.0,
        };
        assert!(crowded.check().is_err());
        for preset in ExportSize::PRESETS {
            assert!(preset.check().is_ok(), "{preset:?}");
        }
    }

    #[test]
    fn every_chart_word_has_a_glyph() {
        for words in [&ct::VI, &ct::EN] {
            let text = format!("{words:?}");
            let missing: String = text.chars().filter(|c| !covered(&c.to_string())).collect();
            assert!(missing.is_empty(), "no glyph for {missing:?}");
        }
        for language in [Language::Vi, Language::En] {
            for status in Status::ALL {
                assert!(covered(language.status(status)));
            }
            for comparator in [
                crate::model::Comparator::AtLeast,
                crate::model::Comparator::GreaterThan,
                crate::model::Comparator::AtMost,
                crate::model::Comparator::LessThan,
                crate::model::Comparator::Approximately,
                crate::model::Comparator::Equal,
                crate::model::Comparator::Range { max: 60.0 },
            ] {
                let condition = ct::condition(language, comparator, 40.0);
                assert!(covered(&condition), "{condition}");
            }
            let unit = crate::model::Unit::parse("%");
            assert!(covered(&ct::difference(language, -5.4, &unit)));
        }
    }

    #[test]
    fn svg_text_is_escaped_and_numbers_short() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(escape("≥ 95"), "&gt;= 95");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
    }
}
