//! Text normalisation: every string the readers take in is NFC, and header and keyword matching
//! works on a folded form without diacritics.

use std::borrow::Cow;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in NFC, borrowed when it already is (the quick check answers for most text without
/// building a new string).
fn to_nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// NFC, with runs of white space (including no-break spaces and line breaks) folded to one space
/// and the ends trimmed. "Hà  Tĩnh\n" (NFD) → "Hà Tĩnh" (NFC).
#[must_use]
pub fn clean(text: &str) -> String {
    let nfc = to_nfc(text);
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`clean`] without a copy when the text already is clean: NFC, trimmed, and its only white
/// space single ASCII spaces (as most cells are).
#[must_use]
pub fn clean_cow(text: &str) -> Cow<'_, str> {
    if is_spaced(text) && (text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean(text))
    }
}

/// [`clean_cow`] for text known to be NFC already (a [`crate::io::grid::Cell::Text`]): only
/// its white space is looked at.
#[must_use]
pub fn clean_nfc_cow(text: &str) -> Cow<'_, str> {
    if is_spaced(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean(text))
    }
}

/// Whether the text is trimmed and its only white space is single ASCII spaces. Bytes are
/// scanned; only text with a character that may be other white space (a UTF-8 sequence
/// starting C2, E1 9A, E2, E3 or EF) is looked at character by character.
fn is_spaced(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (at, byte) in bytes.iter().enumerate() {
        match byte {
            b' ' => {
                if after_space {
                    return false;
                }
                after_space = true;
            }
            0x09..=0x0d => return false,
            0xc2 | 0xe2 | 0xe3 | 0xef => return is_spaced_by_char(text),
            0xe1 if bytes.get(at + 1) == Some(&0x9a) => return is_spaced_by_char(text),
            _ => after_space = false,
        }
    }
    true
}

fn is_spaced_by_char(text: &str) -> bool {
    let mut after_space = false;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || c == '\u{feff}' {
            return false;
        } else {
            after_space = false;
        }
    }
    !text.starts_with(' ') && !text.ends_with(' ')
}

/// NFC only, keeping line breaks and spacing (for names and notes shown as written).
#[must_use]
pub fn nfc(text: &str) -> String {
    nfc_cow(text).into_owned()
}

/// [`nfc`], borrowed when the trimmed text already is NFC.
#[must_use]
pub fn nfc_cow(text: &str) -> Cow<'_, str> {
    // Most cells start and end with a visible ASCII character: nothing to trim.
    let visible = |byte: Option<&u8>| byte.is_some_and(u8::is_ascii_graphic);
    let bytes = text.as_bytes();
    let trimmed = if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
    };
    to_nfc(trimmed)
}

/// A key for matching headers and keywords: lower case, without diacritics ("đ" → "d"),
/// underscores as spaces, white space folded. "Đơn vị tính" → "don vi tinh",
/// `baseline_year` → "baseline year".
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, usize::MAX, &mut out);
    out
}

/// The opening of [`fold`]`(text)`: the whole of it when it is at most `bytes` bytes long,
/// otherwise a prefix of it at least `bytes` long. Enough for a check on how a text starts (a
/// keyword of up to `bytes - 1` bytes and whether anything follows it), without folding a long
/// name whole. Inline up to 24 bytes.
#[must_use]
pub fn fold_opening(text: &str, bytes: usize) -> compact_str::CompactString {
    let mut out = compact_str::CompactString::const_new("");
    fold_into(text, bytes, &mut out);
    out
}

/// Where a fold is written: a `String`, or a `CompactString` kept inline when short.
trait FoldOut {
    fn len(&self) -> usize;
    fn push(&mut self, c: char);
    /// Takes off a trailing space, if there is one.
    fn trim_space(&mut self);
}

/// `String` and `CompactString` have the same methods for this.
macro_rules! fold_out {
    ($($out:ty),*) => {$(
        impl FoldOut for $out {
            fn len(&self) -> usize {
                self.len()
            }
            fn push(&mut self, c: char) {
                self.push(c);
            }
            fn trim_space(&mut self) {
                if self.ends_with(' ') {
                    self.pop();
                }
            }
        }
    )*};
}

fold_out!(String, compact_str::CompactString);

/// [`fold`] into `out`, stopping once `out` is longer than `limit` bytes (a trailing space is
/// taken off either way, so that what is written is a prefix of the whole fold).
///
/// Each character is decomposed on its own (`decompose_canonical`) rather than through the
/// NFD iterator: NFD is those decompositions with combining marks put in canonical order, and
/// the marks are dropped here, so the result is the same without the reordering buffer.
fn fold_into(text: &str, limit: usize, out: &mut impl FoldOut) {
    let mut space = true;
    for c in text.chars() {
        if out.len() > limit {
            break;
        }
        if c.is_ascii() {
            fold_char(c, out, &mut space);
        } else {
            decompose_canonical(c, |part| fold_char(part, out, &mut space));
        }
    }
    out.trim_space();
}

/// One character of a decomposed text into a fold: marks dropped, "đ" as "d", white space
/// (and `_`) as one space, letters in lower case.
fn fold_char(c: char, out: &mut impl FoldOut, space: &mut bool) {
    let c = if c.is_ascii() {
        // No ASCII character is a mark or lower-cases to more than itself.
        if c == '_' {
            ' '
        } else {
            c.to_ascii_lowercase()
        }
    } else if is_combining_mark(c) {
        return;
    } else {
        match c {
            'đ' | 'Đ' => 'd',
            '\u{a0}' | '\u{feff}' => ' ',
            other => other,
        }
    };
    if c.is_whitespace() {
        if !*space {
            out.push(' ');
            *space = true;
        }
        return;
    }
    *space = false;
    if c.is_ascii() {
        out.push(c);
    } else {
        for lower in c.to_lowercase() {
            out.push(lower);
        }
    }
}

/// Whether a spreadsheet would run the text as a formula: it starts with `=`, `+`, `@`, tab or
/// carriage return, or with `-` not followed by a number ("-5" and a lone "-" are safe). CSV
/// exports prefix such text with `'` (`report::neutralise_formula`); [`strip_formula_guard`]
/// takes the prefix off again on reading.
#[must_use]
pub fn starts_like_formula(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => text.len() > 1 && text[1..].trim().parse::<f64>().is_err(),
        _ => false,
    }
}

/// Takes off the `'` a CSV export put before text that starts like a formula ("'=SUM(A1)" →
/// "=SUM(A1)"); any other text is returned as it is ("'tis", "'5").
#[must_use]
pub fn strip_formula_guard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if starts_like_formula(rest) => rest,
        _ => text,
    }
}

/// Whether the text is a Roman numeral from I to XXXIX (a goal row's number), with an
/// optional trailing dot.
#[must_use]
pub fn is_roman_numeral(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() || text.len() > 7 {
        return false;
    }
    let upper = text.to_ascii_uppercase();
    if !upper.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return false;
    }
    let mut n = 1;
    while n < 40 {
        if roman(n) == upper {
            return true;
        }
        n += 1;
    }
    false
}

fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Turns an all-capitals title into sentence case ("ĐẨY MẠNH BẢO VỆ" → "Đẩy mạnh bảo vệ");
/// text with lower-case letters is returned as is.
#[must_use]
pub fn sentence_case(text: &str) -> String {
    if text.chars().any(char::is_lowercase) {
        return text.to_owned();
    }
    let lower = text.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The four-digit years (1900-2099) in a text, in order. "giai đoạn 2016-2020" → [2016, 2020].
#[must_use]
pub fn years(text: &str) -> Vec<i32> {
    let mut found = Vec::new();
    each_year(text, |year| found.push(year));
    found
}

/// The last of [`years`], without collecting them.
#[must_use]
pub fn last_year(text: &str) -> Option<i32> {
    let mut last = None;
    each_year(text, |year| last = Some(year));
    last
}

fn each_year(text: &str, mut found: impl FnMut(i32)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after_ok = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit();
        if before_ok
            && after_ok
            && window.iter().all(u8::is_ascii_digit)
            && (window.starts_with(b"19") || window.starts_with(b"20"))
        {
            let year = window
                .iter()
                .fold(0, |acc, digit| acc * 10 + i32::from(digit - b'0'));
            found(year);
            i += 4;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_and_other_text_cleaned() {
        for clean_text in ["", "Xã số 001", "Số lượt người", "a b", "Phú Thượng · Nữ"]
        {
            assert!(
                matches!(clean_cow(clean_text), Cow::Borrowed(_)),
                "{clean_text:?}"
            );
        }
        for (text, cleaned) in [
            (" a", "a"),
            ("a ", "a"),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            ("a\u{a0}b", "a b"),
            ("Hà\u{2009}Nội", "Hà Nội"),
            ("a\u{3000}b", "a b"),
            ("a\u{1680}b", "a b"),
            ("x\u{feff}", "x"),
            ("Ha\u{300}", "Hà"),
        ] {
            assert_eq!(clean_cow(text), cleaned, "{text:?}");
            assert_eq!(clean(text), cleaned, "{text:?}");
        }
    }

    #[test]
    fn clean_makes_nfc_and_folds_space() {
        let nfd = "Ha\u{300} Ti\u{303}nh";
        assert_eq!(clean(&format!("  {nfd}\u{a0}\n")), "Hà Tĩnh");
        assert_eq!(clean(nfd), clean("Hà Tĩnh"));
    }

    #[test]
    fn fold_strips_diacritics() {
        assert_eq!(fold("Đơn vị tính"), "don vi tinh");
        assert_eq!(fold("  Kế   hoạch "), "ke hoach");
        assert_eq!(fold("baseline_year"), "baseline year");
        assert_eq!(fold("ĐVT"), "dvt");
    }

    /// [`fold`] as first written: through the NFD iterator.
    fn fold_through_nfd(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut space = true;
        for c in text.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            let c = match c {
                'đ' | 'Đ' => 'd',
                '_' | '\u{a0}' | '\u{feff}' => ' ',
                other => other,
            };
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                    space = true;
                }
                continue;
            }
            out.extend(c.to_lowercase());
            space = false;
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folding_character_by_character_is_folding_the_nfd(
            text in "[a-zA-Z0-9 _.\\-đĐơưăâêôÀ-ỹ\u{300}-\u{36f}\u{a0}\u{feff}\t\n]{0,40}",
            any in ".{0,40}",
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_through_nfd(&text));
            proptest::prop_assert_eq!(fold(&any), fold_through_nfd(&any));
        }
    }

    #[test]
    fn a_folded_opening_is_a_prefix_of_the_whole_fold() {
        let name = "Tổng   kinh phí thực hiện Chương trình  giai đoạn 2016-2020";
        let whole = fold(name);
        for bytes in 0..whole.len() + 2 {
            let opening = fold_opening(name, bytes);
            assert!(whole.starts_with(opening.as_str()), "{bytes}: {opening}");
            assert!(
                opening.len() >= bytes.min(whole.len()),
                "{bytes}: {opening}"
            );
        }
        assert_eq!(fold_opening("Tổng cộng ", 16), "tong cong");
        assert_eq!(fold_opening("Kinh phí", 16), "kinh phi");
    }

    #[test]
    fn formula_guard() {
        for text in ["=1+1", "+84 912", "@SUM(A1)", "\tx", "\rx", "-x", "-1-2"] {
            assert!(starts_like_formula(text), "{text:?}");
            assert_eq!(strip_formula_guard(&format!("'{text}")), text);
        }
        for text in ["-5", "-", "- 5", "abc", "", "'=1"] {
            assert!(!starts_like_formula(text), "{text:?}");
        }
        assert_eq!(strip_formula_guard("'tis"), "'tis");
        assert_eq!(strip_formula_guard("'-5"), "'-5");
    }

    #[test]
    fn roman_numerals() {
        assert!(is_roman_numeral("I"));
        assert!(is_roman_numeral("IV."));
        assert!(is_roman_numeral("xii"));
        assert!(!is_roman_numeral("IIII"));
        assert!(!is_roman_numeral("MT1"));
        assert!(!is_roman_numeral(""));
    }

    #[test]
    fn years_in_text() {
        assert_eq!(years("giai đoạn 2016-2020"), vec![2016, 2020]);
        assert_eq!(years("Năm 2015 (cơ sở)"), vec![2015]);
        assert_eq!(years("120165"), Vec::<i32>::new());
    }

    #[test]
    fn sentence_case_only_for_capitals() {
        assert_eq!(sentence_case("ĐẨY MẠNH BẢO VỆ"), "Đẩy mạnh bảo vệ");
        assert_eq!(sentence_case("Đề án X"), "Đề án X");
    }
}
