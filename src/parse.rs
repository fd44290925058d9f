//! Reading numbers, ratios and targets as people type them in Vietnamese and English files.
//!
//! Vietnamese files write `,` for decimals and `.` for thousands ("96,245" = 96.245,
//! "66.000" = 66000); English files the reverse (`DESIGN.md`, "Numbers"). A file's choice is a
//! [`NumberFormat`], decided from the evidence of its cells by [`FormatVote`].

use serde::{Deserialize, Serialize};

use crate::model::{Comparator, Measure};
use crate::text::fold;

/// Which character separates decimals in a file's numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberFormat {
    /// `,` decimals, `.` thousands: "1.234,5" (Vietnamese, most of Europe).
    #[default]
    DecimalComma,
    /// `.` decimals, `,` thousands: "1,234.5" (English).
    DecimalPoint,
}

impl NumberFormat {
    /// The decimal separator.
    #[must_use]
    pub fn decimal(self) -> char {
        match self {
            Self::DecimalComma => ',',
            Self::DecimalPoint => '.',
        }
    }

    /// The thousands separator.
    #[must_use]
    pub fn thousands(self) -> char {
        match self {
            Self::DecimalComma => '.',
            Self::DecimalPoint => ',',
        }
    }

    /// A short description, e.g. "decimal comma (96,245 = 96.245)".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::DecimalComma => "decimal comma (96,245 = 96.245; 66.000 = 66000)",
            Self::DecimalPoint => "decimal point (96.245 = 96.245; 66,000 = 66000)",
        }
    }

    /// The format in Vietnamese, as [`Self::describe`] gives it in English.
    #[must_use]
    pub fn describe_vi(self) -> &'static str {
        match self {
            Self::DecimalComma => {
                "dấu phẩy thập phân, dấu chấm ngăn cách hàng nghìn (96,245; 66.000)"
            }
            Self::DecimalPoint => {
                "dấu chấm thập phân, dấu phẩy ngăn cách hàng nghìn (96.245; 66,000)"
            }
        }
    }
}

/// A number read from text: its value and whether it carried a `%` sign.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    /// The value as written ("105,3%" → 105.3).
    pub value: f64,
    /// Whether the text ended with `%`.
    pub percent: bool,
}

/// Reads a number written in `format`. Accepts a sign, spaces or no-break spaces between digit
/// groups, thousands separators in groups of three, one decimal separator and a trailing `%`.
/// Where the thousands separator cannot be one (not followed by exactly three digits, as in
/// "52.4" in a decimal-comma file) it is read as the decimal separator, the only sensible reading.
///
/// ```
/// use chitieu::parse::{parse_number, NumberFormat::*};
/// assert_eq!(parse_number("96,245", DecimalComma).unwrap().value, 96.245);
/// assert_eq!(parse_number("66.000", DecimalComma).unwrap().value, 66000.0);
/// assert_eq!(parse_number("1,234.5", DecimalPoint).unwrap().value, 1234.5);
/// assert!(parse_number("105,3%", DecimalComma).unwrap().percent);
/// assert_eq!(parse_number("12/14", DecimalComma), None);
/// ```
#[must_use]
pub fn parse_number(text: &str, format: NumberFormat) -> Option<Number> {
    if let Some(value) = plain_number(text, format) {
        return Some(Number {
            value,
            percent: false,
        });
    }
    number_in_full(text, format)
}

/// [`parse_number`] without the shortcut for plain digits.
fn number_in_full(text: &str, format: NumberFormat) -> Option<Number> {
    let mut s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    let percent = s.ends_with('%');
    if percent {
        s.pop();
    }
    let (negative, digits) = match s.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let value = digits_value(digits, format)?;
    Some(Number {
        value: if negative { -value } else { value },
        percent,
    })
}

/// The value of the commonest number text, read without allocating: ASCII digits with an
/// optional leading `-` and at most one decimal separator of `format` between digits ("613",
/// "723,8" with a decimal comma). Anything else (thousands separators, signs, spaces, percent,
/// words) is `None`, for the full reading of [`parse_number`], which gives the same value for
/// these texts.
fn plain_number(text: &str, format: NumberFormat) -> Option<f64> {
    let bytes = text.as_bytes();
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    if unsigned.is_empty() || unsigned.len() > 30 {
        return None;
    }
    let decimal = format.decimal() as u8;
    let mut separator = None;
    let mut mantissa: u64 = 0;
    for (at, byte) in unsigned.iter().enumerate() {
        if *byte == decimal && separator.is_none() && at > 0 && at + 1 < unsigned.len() {
            separator = Some(at);
        } else if byte.is_ascii_digit() {
            mantissa = mantissa
                .wrapping_mul(10)
                .wrapping_add(u64::from(byte - b'0'));
        } else {
            return None;
        }
    }
    let digits = unsigned.len() - usize::from(separator.is_some());
    if digits <= 15 {
        // Up to 15 digits the integer is exact in an f64, and so is a power of ten up to 10^15:
        // one division rounds once, giving the same value as reading the decimal text.
        let decimals = separator.map_or(0, |at| unsigned.len() - at - 1);
        let value = mantissa as f64 / POWERS_OF_TEN[decimals];
        return Some(if unsigned.len() < bytes.len() {
            -value
        } else {
            value
        });
    }
    let mut buffer = [0u8; 32];
    buffer[..bytes.len()].copy_from_slice(bytes);
    if let Some(at) = separator {
        buffer[bytes.len() - unsigned.len() + at] = b'.';
    }
    std::str::from_utf8(&buffer[..bytes.len()])
        .ok()?
        .parse()
        .ok()
}

/// 10^0 to 10^15, exact in an f64.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of unsigned digits with separators, or `None` when they are not a number.
fn digits_value(digits: &str, format: NumberFormat) -> Option<f64> {
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !digits.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (decimal, thousands) = (format.decimal(), format.thousands());
    let decimals = digits.matches(decimal).count();
    if decimals > 1 {
        return None;
    }
    let (int_part, frac_part) = match digits.split_once(decimal) {
        Some((int_part, frac_part)) => (int_part, Some(frac_part)),
        None => (digits, None),
    };
    if frac_part.is_some_and(|frac| frac.contains(thousands)) {
        return None;
    }
    let groups: Vec<&str> = int_part.split(thousands).collect();
    let plain_int = if groups.len() == 1 {
        int_part.to_owned()
    } else if groups[0].len() <= 3
        && !groups[0].is_empty()
        && groups[1..].iter().all(|group| group.len() == 3)
    {
        groups.concat()
    } else if groups.len() == 2 && frac_part.is_none() {
        // "52.4" in a decimal-comma file: the separator can only be a decimal one.
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    } else {
        return None;
    };
    let number = match frac_part {
        Some(frac) => format!("{plain_int}.{frac}"),
        None => plain_int,
    };
    number.parse().ok()
}

/// Formats a number for exports and formulas: `.` decimals, no thousands separators, no
/// trailing zeros ("96.245", "66000", "52.4").
///
/// A spreadsheet's typed numbers are all written this way on import, so the common cases are
/// quick: a whole number is written as an integer, and a number under 10⁹ whose shortest
/// round-trip form has at most six decimals is that form (the same text as rounding to six
/// places: such a number is within 1.2 × 10⁻⁷ of it).
#[must_use]
pub fn format_plain(value: f64) -> String {
    with_plain(value, str::to_owned)
}

/// [`format_plain`]'s text handed to `write`, without allocating in the quick cases (a whole
/// number is written by `itoa`, the shortest round-trip form by `zmij`), so that a caller that
/// keeps the text inline (a cell's text as written) makes no temporary `String`.
pub fn with_plain<R>(value: f64, write: impl FnOnce(&str) -> R) -> R {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        if value == 0.0 && value.is_sign_negative() {
            return write("-0");
        }
        // Exact: whole numbers under 10¹⁵ fit an i64.
        #[allow(clippy::cast_possible_truncation)]
        return write(itoa::Buffer::new().format(value as i64));
    }
    if value.is_finite() && value.abs() < 1e9 {
        let mut buffer = zmij::Buffer::new();
        // `zmij` writes small numbers with an exponent ("1e-6"); those take the slow way.
        let shortest = buffer.format_finite(value);
        if !shortest.contains('e')
            && shortest
                .split_once('.')
                .is_some_and(|(_, decimals)| decimals.len() <= 6)
        {
            return write(shortest);
        }
    }
    write(&format_plain_slow(value))
}

/// [`format_plain`] by rounding to six places and dropping trailing zeros.
fn format_plain_slow(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Formats a number for people, with `decimals` places at most (trailing zeros dropped) and
/// thousands grouped in `format`'s style: 66000 → "66.000" (decimal comma) or "66,000".
#[must_use]
pub fn format_number(value: f64, decimals: usize, format: NumberFormat) -> String {
    if !value.is_finite() {
        return String::from("—");
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((int_part, frac)) => (int_part, frac.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut grouped = String::new();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(format.thousands());
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && (int_part != "0" || !frac_part.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac_part}", format.decimal())
    }
}

/// Reads an actual result: a number, or a ratio "x/y" (kept as numerator and denominator, never
/// a date). "76/145" → ratio 76 of 145; "96,245" → 96.245 in a decimal-comma file.
#[must_use]
pub fn parse_measure(text: &str, format: NumberFormat) -> Option<Measure> {
    if let Some(value) = plain_number(text, format) {
        return Some(Measure::Number(value));
    }
    let trimmed = text.trim();
    if let Some((numerator, denominator)) = trimmed.split_once('/') {
        // Two plain numbers ("54555/68285", a long table's every other row) need no more.
        if let (Some(numerator), Some(denominator)) = (
            plain_number(numerator, format),
            plain_number(denominator, format),
        ) {
            return Some(Measure::Ratio {
                numerator,
                denominator,
            });
        }
        let numerator = parse_number(numerator, format)?;
        let denominator = parse_number(denominator, format)?;
        if numerator.percent || denominator.percent {
            return None;
        }
        return Some(Measure::Ratio {
            numerator: numerator.value,
            denominator: denominator.value,
        });
    }
    parse_number(trimmed, format).map(|number| Measure::Number(number.value))
}

/// A target read from text: comparator (if written) and value(s).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParsedTarget {
    /// The value, or a range's lower bound.
    pub value: f64,
    /// The comparator as written; `None` for a plain number.
    pub comparator: Option<Comparator>,
}

/// Words and symbols that open a target, longest first, with their comparator.
/// Sources: Vietnamese planning documents ("từ … trở lên", "không vượt quá") and English reports.
const PREFIXES: &[(&str, Comparator)] = &[
    ("khong vuot qua", Comparator::AtMost),
    ("khong thap hon", Comparator::AtLeast),
    ("khong cao hon", Comparator::AtMost),
    ("khong duoi", Comparator::AtLeast),
    ("khong qua", Comparator::AtMost),
    ("khong tren", Comparator::AtMost),
    ("no more than", Comparator::AtMost),
    ("no less than", Comparator::AtLeast),
    ("not more than", Comparator::AtMost),
    ("not less than", Comparator::AtLeast),
    ("greater than", Comparator::GreaterThan),
    ("more than", Comparator::GreaterThan),
    ("fewer than", Comparator::LessThan),
    ("less than", Comparator::LessThan),
    ("toi thieu", Comparator::AtLeast),
    ("it nhat", Comparator::AtLeast),
    ("toi da", Comparator::AtMost),
    ("at least", Comparator::AtLeast),
    ("at most", Comparator::AtMost),
    ("up to", Comparator::AtMost),
    ("khoang", Comparator::Approximately),
    ("xap xi", Comparator::Approximately),
    ("around", Comparator::Approximately),
    ("about", Comparator::Approximately),
    ("approximately", Comparator::Approximately),
    ("duoi", Comparator::LessThan),
    ("tren", Comparator::GreaterThan),
    ("hon", Comparator::GreaterThan),
    ("below", Comparator::LessThan),
    ("under", Comparator::LessThan),
    ("above", Comparator::GreaterThan),
    ("over", Comparator::GreaterThan),
    ("bang", Comparator::Equal),
    (">=", Comparator::AtLeast),
    ("=>", Comparator::AtLeast),
    ("<=", Comparator::AtMost),
    ("=<", Comparator::AtMost),
    ("≥", Comparator::AtLeast),
    ("≤", Comparator::AtMost),
    (">", Comparator::GreaterThan),
    ("<", Comparator::LessThan),
    ("≈", Comparator::Approximately),
    ("~", Comparator::Approximately),
    ("=", Comparator::Equal),
];

/// Words after the number that make it "at least" or "at most": "từ 25% trở lên", "25 trở xuống",
/// "25 or more".
const SUFFIXES: &[(&str, Comparator)] = &[
    ("tro len", Comparator::AtLeast),
    ("tro xuong", Comparator::AtMost),
    ("or more", Comparator::AtLeast),
    ("or less", Comparator::AtMost),
    ("or fewer", Comparator::AtMost),
    ("or above", Comparator::AtLeast),
    ("or below", Comparator::AtMost),
];

/// Reads a target as written: a plain number ("95", "50%", "50.000"), a comparator in symbols or
/// words ("≥ 95", "dưới 10", "từ 25% trở lên", "trên 35%", "không vượt quá 113", "khoảng 50",
/// "at least 90"), or a range ("40-60", "từ 40 đến 60", "40–60%").
///
/// ```
/// use chitieu::model::Comparator;
/// use chitieu::parse::{parse_target, NumberFormat::DecimalComma};
/// let t = parse_target("từ 25% trở lên", DecimalComma).unwrap();
/// assert_eq!((t.value, t.comparator), (25.0, Some(Comparator::AtLeast)));
/// let t = parse_target("40-60", DecimalComma).unwrap();
/// assert_eq!(t.comparator, Some(Comparator::Range { max: 60.0 }));
/// assert_eq!(parse_target("50.000", DecimalComma).unwrap().value, 50000.0);
/// ```
#[must_use]
pub fn parse_target(text: &str, format: NumberFormat) -> Option<ParsedTarget> {
    if let Some(value) = plain_number(text, format) {
        return Some(ParsedTarget {
            value,
            comparator: None,
        });
    }
    let folded = fold(text);
    let mut rest = folded.as_str().trim();
    let mut comparator = None;
    // "từ X đến Y" / "từ X trở lên" / "from X to Y".
    let mut opened_with_from = false;
    for word in ["tu ", "from "] {
        if let Some(after) = rest.strip_prefix(word) {
            rest = after.trim_start();
            opened_with_from = true;
        }
    }
    if !opened_with_from {
        for (prefix, found) in PREFIXES {
            if let Some(after) = rest.strip_prefix(prefix) {
                rest = after.trim_start();
                comparator = Some(*found);
                break;
            }
        }
    }
    for (suffix, found) in SUFFIXES {
        if let Some(before) = rest.strip_suffix(suffix) {
            rest = before.trim_end();
            comparator = Some(*found);
            break;
        }
    }
    if let Some((low, high)) = split_range(rest) {
        let low = parse_number(low, format)?;
        let high = parse_number(high, format)?;
        if comparator.is_some() || high.value < low.value {
            return None;
        }
        return Some(ParsedTarget {
            value: low.value,
            comparator: Some(Comparator::Range { max: high.value }),
        });
    }
    let number = parse_number(rest, format)?;
    if opened_with_from && comparator.is_none() {
        // "từ 25%" alone reads as "from 25 % on".
        comparator = Some(Comparator::AtLeast);
    }
    Some(ParsedTarget {
        value: number.value,
        comparator,
    })
}

/// Splits "40-60", "40 – 60", "40 den 60", "40 to 60" into its bounds. A leading minus sign is
/// not a range.
fn split_range(text: &str) -> Option<(&str, &str)> {
    for word in [" den ", " to ", " toi "] {
        if let Some(found) = text.split_once(word) {
            return Some(found);
        }
    }
    let start = text
        .char_indices()
        .find(|(_, c)| !matches!(c, '-' | '−' | '–' | ' '))
        .map(|(at, _)| at)?;
    let (head, tail) = text.split_at(start);
    let at = tail.find(['-', '–', '—', '−'])?;
    let dash_len = tail[at..].chars().next().map_or(1, char::len_utf8);
    let low = &text[..head.len() + at];
    let high = &tail[at + dash_len..];
    (!low.trim().is_empty() && !high.trim().is_empty()).then(|| (low.trim(), high.trim()))
}

/// Evidence, cell by cell, for which [`NumberFormat`] a file uses.
///
/// "19,7" (a comma followed by other than three digits) or "1.234.567" are decimal-comma
/// evidence; "52.4" or "1,234,567" are decimal-point evidence; "96,245" and "66.000" could be
/// either and count for nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatVote {
    /// Cells that only make sense with a decimal comma.
    pub comma: usize,
    /// Cells that only make sense with a decimal point.
    pub point: usize,
    /// Cells with a separator that fit both.
    pub ambiguous: usize,
}

impl FormatVote {
    /// Adds another vote's counts (of more cells) to these.
    pub fn add_counts(&mut self, other: Self) {
        self.comma += other.comma;
        self.point += other.point;
        self.ambiguous += other.ambiguous;
    }

    /// Counts one cell's text.
    pub fn add(&mut self, text: &str) {
        for part in text.split('/') {
            self.add_number(part);
        }
    }

    fn add_number(&mut self, text: &str) {
        let s: String = text
            .trim()
            .trim_end_matches('%')
            .trim_start_matches(['-', '+'])
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}'))
            .collect();
        if s.is_empty()
            || !s
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            return;
        }
        let commas = s.matches(',').count();
        let points = s.matches('.').count();
        match (commas, points) {
            (0, 0) => {}
            (1, 0) => self.single(&s, ','),
            (0, 1) => self.single(&s, '.'),
            (0, _) => self.comma += 1,
            (_, 0) => self.point += 1,
            _ => {
                let last_comma = s.rfind(',').unwrap_or(0);
                let last_point = s.rfind('.').unwrap_or(0);
                if last_comma > last_point {
                    self.comma += 1;
                } else {
                    self.point += 1;
                }
            }
        }
    }

    fn single(&mut self, s: &str, separator: char) {
        let after = s.rsplit(separator).next().map_or(0, str::len);
        let before = s.split(separator).next().map_or(0, str::len);
        if after == 3 && (1..=3).contains(&before) && !s.starts_with('0') {
            self.ambiguous += 1;
        } else if separator == ',' {
            self.comma += 1;
        } else {
            self.point += 1;
        }
    }

    /// Adds another vote's counts.
    pub fn merge(&mut self, other: Self) {
        self.comma += other.comma;
        self.point += other.point;
        self.ambiguous += other.ambiguous;
    }

    /// The format the evidence points to, or `None` when it is even (then the file's language or
    /// delimiter decides).
    #[must_use]
    pub fn decided(&self) -> Option<NumberFormat> {
        match self.comma.cmp(&self.point) {
            std::cmp::Ordering::Greater => Some(NumberFormat::DecimalComma),
            std::cmp::Ordering::Less => Some(NumberFormat::DecimalPoint),
            std::cmp::Ordering::Equal => None,
        }
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn plain_numbers_are_written_as_rounding_to_six_places_writes_them(
            whole in -1_000_000_000_000_000i64..1_000_000_000_000_000,
            scaled in -2_000_000_000_000i64..2_000_000_000_000,
            places in 0u32..9,
            bits in proptest::num::f64::ANY,
        ) {
            #[allow(clippy::cast_precision_loss)]
            let (whole, decimal) = (whole as f64, scaled as f64 / 10f64.powi(places.cast_signed()));
            for value in [whole, decimal, bits, -decimal, decimal * 1e3] {
                proptest::prop_assert_eq!(format_plain(value), format_plain_slow(value), "{:e}", value);
            }
        }
    }

    #[test]
    fn plain_numbers_at_the_edges() {
        for value in [
            0.0,
            -0.0,
            1e15,
            -1e15,
            999_999_999.999_999,
            1e9,
            0.000_000_1,
            1e-7,
            0.1 + 0.2,
            f64::NAN,
            f64::INFINITY,
            96.245,
            723.8,
        ] {
            assert_eq!(format_plain(value), format_plain_slow(value), "{value:e}");
        }
        assert_eq!(format_plain(-0.0), "-0");
        assert_eq!(format_plain(66_000.0), "66000");
        assert_eq!(format_plain(0.1 + 0.2), "0.3");
    }

    use super::NumberFormat::{DecimalComma, DecimalPoint};
    use super::*;

    fn n(text: &str, format: NumberFormat) -> Option<f64> {
        parse_number(text, format).map(|number| number.value)
    }

    #[test]
    fn the_shortcut_for_plain_digits_reads_as_the_full_reading() {
        let texts = [
            "0",
            "7",
            "007",
            "613",
            "-5",
            "-0",
            "723,8",
            "723.8",
            "-723,8",
            "96,245",
            "96.245",
            "1,5,3",
            "1.5.3",
            ",5",
            "5,",
            ".5",
            "5.",
            "-",
            "--5",
            "1e5",
            "12/14",
            "66.000",
            "1,234.5",
            "52.4",
            "0,001",
            "0,1",
            "0,3",
            "2,675",
            "0,000000000000001",
            "123456789012345",
            "1234567890123456",
            "12345678901234,5",
            "9007199254740993",
            "99999999999999999999",
            "1 000",
            "25%",
        ];
        for format in [DecimalComma, DecimalPoint] {
            for text in texts {
                let full = number_in_full(text, format);
                assert_eq!(parse_number(text, format), full, "{text:?} {format:?}");
                if let Some(value) = plain_number(text, format) {
                    let full = full.map(|number| number.value);
                    assert_eq!(Some(value.to_bits()), full.map(f64::to_bits), "{text:?}");
                }
            }
        }
        // Every value with up to four decimals reads as the standard library reads it.
        for mantissa in (0..2_000_000u64).step_by(7) {
            for decimals in 0..5 {
                let digits = format!("{mantissa:0>5}");
                let (int_part, frac) = digits.split_at(digits.len() - decimals);
                let text = if decimals == 0 {
                    digits.clone()
                } else {
                    format!("{int_part},{frac}")
                };
                let expected: f64 = text.replace(',', ".").parse().unwrap();
                assert_eq!(
                    plain_number(&text, DecimalComma).map(f64::to_bits),
                    Some(expected.to_bits()),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(n("96,245", DecimalComma), Some(96.245));
        assert_eq!(n("66.000", DecimalComma), Some(66000.0));
        assert_eq!(n("59.400", DecimalComma), Some(59400.0));
        assert_eq!(n("101,3", DecimalComma), Some(101.3));
        assert_eq!(n("2,75", DecimalComma), Some(2.75));
        assert_eq!(n("1.234.567,8", DecimalComma), Some(1_234_567.8));
        assert_eq!(n("82 830", DecimalComma), Some(82830.0));
        assert_eq!(n("52.4", DecimalComma), Some(52.4));
        assert_eq!(n("-5", DecimalComma), Some(-5.0));
        assert_eq!(n("1.2.3", DecimalComma), None);
    }

    #[test]
    fn english_numbers() {
        assert_eq!(n("96.245", DecimalPoint), Some(96.245));
        assert_eq!(n("66,000", DecimalPoint), Some(66000.0));
        assert_eq!(n("92701100", DecimalPoint), Some(92_701_100.0));
        assert_eq!(n("1,234.5", DecimalPoint), Some(1234.5));
    }

    #[test]
    fn percent_sign_is_kept_apart() {
        let number = parse_number("105,3%", DecimalComma).unwrap();
        assert!((number.value - 105.3).abs() < 1e-12);
        assert!(number.percent);
        assert_eq!(n("275%", DecimalComma), Some(275.0));
    }

    #[test]
    fn not_numbers() {
        for text in ["", "-", "abc", "12/14", "1,2,3", "x5", "%"] {
            assert_eq!(n(text, DecimalComma), None, "{text}");
        }
    }

    #[test]
    fn ratios_are_not_dates() {
        assert_eq!(
            parse_measure("76/145", DecimalComma),
            Some(Measure::Ratio {
                numerator: 76.0,
                denominator: 145.0
            })
        );
        assert_eq!(
            parse_measure("12/14", DecimalPoint),
            Some(Measure::Ratio {
                numerator: 12.0,
                denominator: 14.0
            })
        );
        assert_eq!(
            parse_measure("96,245", DecimalComma),
            Some(Measure::Number(96.245))
        );
        assert_eq!(parse_measure("n/a", DecimalComma), None);
    }

    fn t(text: &str) -> (f64, Option<Comparator>) {
        let target = parse_target(text, DecimalComma).unwrap_or_else(|| panic!("{text}"));
        (target.value, target.comparator)
    }

    #[test]
    fn targets_in_vietnamese_words() {
        use Comparator::*;
        assert_eq!(t("dưới 10"), (10.0, Some(LessThan)));
        assert_eq!(t("từ 25% trở lên"), (25.0, Some(AtLeast)));
        assert_eq!(t("trên 35%"), (35.0, Some(GreaterThan)));
        assert_eq!(t("không vượt quá 113"), (113.0, Some(AtMost)));
        assert_eq!(t("không quá 600"), (600.0, Some(AtMost)));
        assert_eq!(t("dưới 450"), (450.0, Some(LessThan)));
        assert_eq!(t("khoảng 50"), (50.0, Some(Approximately)));
        assert_eq!(t("tối thiểu 90%"), (90.0, Some(AtLeast)));
        assert_eq!(t("40-60"), (40.0, Some(Range { max: 60.0 })));
        assert_eq!(t("từ 40 đến 60%"), (40.0, Some(Range { max: 60.0 })));
        assert_eq!(t("40 – 60"), (40.0, Some(Range { max: 60.0 })));
        assert_eq!(t("50%"), (50.0, None));
        assert_eq!(t("50.000"), (50000.0, None));
        assert_eq!(t("≥ 95"), (95.0, Some(AtLeast)));
        assert_eq!(t(">= 95"), (95.0, Some(AtLeast)));
        assert_eq!(t("at least 90"), (90.0, Some(AtLeast)));
        assert_eq!(t("-5"), (-5.0, None));
    }

    #[test]
    fn bad_targets() {
        for text in ["", "tăng", "60-40", "dưới", "xem ghi chú"] {
            assert_eq!(parse_target(text, DecimalComma), None, "{text}");
        }
    }

    #[test]
    fn formatting() {
        assert_eq!(format_number(66000.0, 1, DecimalComma), "66.000");
        assert_eq!(format_number(96.245, 3, DecimalComma), "96,245");
        assert_eq!(format_number(96.245, 3, DecimalPoint), "96.245");
        assert_eq!(format_number(-1234.5, 1, DecimalPoint), "-1,234.5");
        assert_eq!(format_number(274.99, 0, DecimalPoint), "275");
        assert_eq!(format_plain(96.245), "96.245");
        assert_eq!(format_plain(50000.0), "50000");
    }

    #[test]
    fn votes() {
        let mut vote = FormatVote::default();
        for text in ["19,7", "26,4", "96,245", "66.000", "76/145"] {
            vote.add(text);
        }
        assert_eq!(vote.decided(), Some(DecimalComma));
        let mut vote = FormatVote::default();
        for text in ["52.4", "10.8", "100"] {
            vote.add(text);
        }
        assert_eq!(vote.decided(), Some(DecimalPoint));
        let mut vote = FormatVote::default();
        vote.add("96,245");
        vote.add("66.000");
        assert_eq!(vote.decided(), None);
        assert_eq!(vote.ambiguous, 2);
    }
}
