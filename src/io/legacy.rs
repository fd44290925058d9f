//! The legacy Vietnamese 8-bit encodings that old government files still use: TCVN3 (ABC, the
//! VN3 subset of TCVN 5712:1993) and VNI-Windows. Neither is a registered character set, so text
//! in them opens as Windows-1252 or Windows-1258 mojibake ("Ch\u{d8} ti\u{aa}u" for "Chỉ tiêu" in
//! TCVN3, "Ch\u{e6} tie\u{e2}u" in VNI). [`detect`] recognises them by decoding the bytes each way
//! and counting which reading gives well-formed Vietnamese syllables; [`decode`] converts them
//! to Unicode (NFC).
//!
//! TCVN3 has no capital letters with tone marks: documents set them in a separate capital font
//! (`.VnTimeH`) that draws the small letters' codes as capitals, so such letters come out small.

use encoding_rs::{Encoding, WINDOWS_1252};
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN3 (ABC): one byte per letter, TCVN 5712:1993 VN3.
    Tcvn3,
    /// VNI-Windows: a base letter followed by Windows-1252 letters that stand for its marks.
    Vni,
}

impl Legacy {
    /// The encoding's usual name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC)",
            Self::Vni => "VNI-Windows",
        }
    }

    /// Recognises a user's label: "tcvn3", "tcvn", "abc", "vn3", "vni", "vni-windows" (any case,
    /// spaces, `-` or `_`).
    #[must_use]
    pub fn for_label(label: &str) -> Option<Self> {
        let key: String = label
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "tcvn3" | "tcvn" | "abc" | "vn3" | "tcvn5712" | "tcvn57121993" => Some(Self::Tcvn3),
            "vni" | "vniwindows" | "vniwin" => Some(Self::Vni),
            _ => None,
        }
    }
}

/// Bytes 0xA0 to 0xFF in TCVN 5712:1993. The small letters (and Ă Â Ê Ô Ơ Ư Đ) are VN3, the
/// set of the ABC fonts; the few capitals with tone marks in this range are VN1 positions that
/// VN3 leaves unused. 0xB0 to 0xB4 are the combining tone marks. Checked against glibc's
/// `TCVN5712-1` converter.
#[rustfmt::skip]
const TCVN3_HIGH: [char; 96] = [
    // 0xA0
    '\u{a0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ',
    // 0xB0
    '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ',
    // 0xC0
    'Ắ', 'Ầ', 'Ẩ', 'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ',
    // 0xD0
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò',
    // 0xE0
    'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // 0xF0
    'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', 'Ố',
];

/// Converts text in a legacy encoding to Unicode, NFC.
#[must_use]
pub fn decode(bytes: &[u8], legacy: Legacy) -> String {
    match legacy {
        Legacy::Tcvn3 => decode_tcvn3(bytes),
        Legacy::Vni => decode_vni(bytes),
    }
}

/// TCVN3: bytes below 0xA0 are read as Windows-1252 (ASCII, and the typographic quotes and
/// dashes the ABC fonts keep at 0x80 to 0x9F); the rest from [`TCVN3_HIGH`].
fn decode_tcvn3(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut low_run_start = None;
    for (at, byte) in bytes.iter().enumerate() {
        if *byte >= 0xA0 {
            if let Some(start) = low_run_start.take() {
                out.push_str(&windows_1252(&bytes[start..at]));
            }
            out.push(TCVN3_HIGH[usize::from(*byte - 0xA0)]);
        } else if low_run_start.is_none() {
            low_run_start = Some(at);
        }
    }
    if let Some(start) = low_run_start {
        out.push_str(&windows_1252(&bytes[start..]));
    }
    out.nfc().collect()
}

fn windows_1252(bytes: &[u8]) -> String {
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// The letters VNI-Windows writes as one Windows-1252 character.
fn vni_single(c: char) -> Option<char> {
    Some(match c {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

/// What a VNI mark character adds to the letter before it: a vowel mark (circumflex U+0302 or
/// breve U+0306) and a tone mark. The same marks come in small and capital forms.
fn vni_mark(c: char) -> Option<(Option<char>, Option<char>)> {
    const CIRCUMFLEX: Option<char> = Some('\u{302}');
    const BREVE: Option<char> = Some('\u{306}');
    let (acute, grave, hook, tilde, dot) = (
        Some('\u{301}'),
        Some('\u{300}'),
        Some('\u{309}'),
        Some('\u{303}'),
        Some('\u{323}'),
    );
    Some(match c {
        'ù' | 'Ù' => (None, acute),
        'ø' | 'Ø' => (None, grave),
        'û' | 'Û' => (None, hook),
        'õ' | 'Õ' => (None, tilde),
        'ï' | 'Ï' => (None, dot),
        'â' | 'Â' => (CIRCUMFLEX, None),
        'á' | 'Á' => (CIRCUMFLEX, acute),
        'à' | 'À' => (CIRCUMFLEX, grave),
        'å' | 'Å' => (CIRCUMFLEX, hook),
        'ã' | 'Ã' => (CIRCUMFLEX, tilde),
        'ä' | 'Ä' => (CIRCUMFLEX, dot),
        'ê' | 'Ê' => (BREVE, None),
        'é' | 'É' => (BREVE, acute),
        'è' | 'È' => (BREVE, grave),
        'ú' | 'Ú' => (BREVE, hook),
        'ü' | 'Ü' => (BREVE, tilde),
        'ë' | 'Ë' => (BREVE, dot),
        _ => return None,
    })
}

/// VNI-Windows: Windows-1252 text where a vowel is followed by the characters that stand for
/// its marks ("a\u{f9}" = á, "a\u{e1}" = ấ, "o\u{e2}" = ô, "\u{f4}" = ơ, "\u{f1}" = đ).
fn decode_vni(bytes: &[u8]) -> String {
    let text = windows_1252(bytes);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let letter = vni_single(c).unwrap_or(c);
        out.push(letter);
        let base = letter.to_lowercase().next().unwrap_or(letter);
        if !matches!(base, 'a' | 'e' | 'o' | 'u' | 'y' | 'ơ' | 'ư') {
            continue;
        }
        let Some((vowel_mark, tone)) = chars.peek().copied().and_then(vni_mark) else {
            continue;
        };
        let fits = match vowel_mark {
            Some('\u{302}') => matches!(base, 'a' | 'e' | 'o'),
            Some(_) => base == 'a',
            None => true,
        };
        if !fits {
            continue;
        }
        chars.next();
        out.extend(vowel_mark);
        out.extend(tone);
    }
    out.nfc().collect()
}

/// Vietnamese syllable onsets, longest first within each letter.
const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Syllable codas.
const FINALS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

/// Vowel clusters (without tone marks) a syllable can have between its onset and coda.
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo",
    "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

/// Whether a word (letters only) is a well-formed Vietnamese syllable: at most one tone mark,
/// only Vietnamese letters, and an onset, a vowel cluster and a coda that exist.
#[must_use]
pub fn is_vietnamese_syllable(word: &str) -> bool {
    let mut tones = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.nfd() {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tones += 1,
            other => base.extend(other.to_lowercase()),
        }
    }
    if tones > 1 {
        return false;
    }
    let base: String = base.nfc().collect();
    if !base
        .chars()
        .all(|c| c.is_ascii_lowercase() || "đăâêôơư".contains(c))
        || base.contains(['f', 'j', 'w', 'z'])
    {
        return false;
    }
    INITIALS
        .iter()
        .filter_map(|initial| base.strip_prefix(initial))
        .any(|rest| {
            FINALS
                .iter()
                .filter_map(|last| rest.strip_suffix(last))
                .any(|nucleus| NUCLEI.contains(&nucleus))
        })
}

/// How Vietnamese a text looks: +1 for each word with a non-ASCII letter that is a well-formed
/// syllable, −1 for each that is not, −1 for each replacement character or C1 control.
#[must_use]
pub fn vietnamese_score(text: &str) -> i64 {
    let mut score = 0;
    let is_letter =
        |c: char| c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c);
    for word in text.split(|c: char| !is_letter(c)) {
        if word.is_ascii() {
            continue;
        }
        score += if is_vietnamese_syllable(word) { 1 } else { -1 };
    }
    let bad = text
        .chars()
        .filter(|c| *c == '\u{fffd}' || ('\u{80}'..='\u{9f}').contains(c))
        .count();
    score - i64::try_from(bad).unwrap_or(i64::MAX)
}

/// Recognises legacy-encoded text inside a workbook: spreadsheets typed with TCVN3 or VNI fonts
/// store their bytes as Windows-1252 letters ("Ch\u{d8} ti\u{aa}u"). `texts` are the cells' texts;
/// all of them must be Windows-1252 text for a legacy reading to be considered.
#[must_use]
pub fn detect_in_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let mut sample = Sample::default();
    for text in texts {
        if !sample.add(text) {
            break;
        }
    }
    sample.decide()
}

/// [`detect_in_text`] a text at a time, for a sheet read a chunk of rows at a time: the same
/// texts in the same order give the same answer.
#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// The non-ASCII texts so far as Windows-1252 bytes, one per line.
    bytes: Vec<u8>,
    /// A text was not Windows-1252, so the sheet is not in a legacy encoding.
    unmappable: bool,
}

impl Sample {
    /// Adds a cell's text; returns whether more texts could change the answer (false once a
    /// text is not Windows-1252 or 64 KiB of text is gathered).
    pub fn add(&mut self, text: &str) -> bool {
        if !self.wants_more() {
            return false;
        }
        if text.is_ascii() {
            return true;
        }
        let (encoded, _, unmappable) = WINDOWS_1252.encode(text);
        if unmappable {
            self.unmappable = true;
            return false;
        }
        self.bytes.extend_from_slice(&encoded);
        self.bytes.push(b'\n');
        self.wants_more()
    }

    /// Whether more texts could change [`Self::decide`].
    #[must_use]
    pub fn wants_more(&self) -> bool {
        !self.unmappable && self.bytes.len() <= SAMPLE
    }

    /// The legacy encoding the texts added so far read as, if any.
    #[must_use]
    pub fn decide(&self) -> Option<Legacy> {
        if self.unmappable || self.bytes.is_empty() {
            return None;
        }
        detect(&self.bytes, WINDOWS_1252)
    }
}

/// Converts text that a workbook stored as Windows-1252 letters from a legacy encoding
/// (see [`detect_in_text`]); text that is not Windows-1252 is returned as it is.
#[must_use]
pub fn convert_text(text: &str, legacy: Legacy) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    match WINDOWS_1252.encode(text) {
        (bytes, _, false) => decode(&bytes, legacy),
        (_, _, true) => text.to_owned(),
    }
}

/// The most bytes looked at to recognise an encoding.
const SAMPLE: usize = 64 * 1024;

/// Recognises text in a legacy encoding: its TCVN3 or VNI reading must give more well-formed
/// Vietnamese syllables than the reading in `usual` (the encoding otherwise chosen, e.g.
/// Windows-1258) and than Windows-1258, and more well-formed words than malformed ones.
#[must_use]
pub fn detect(bytes: &[u8], usual: &'static Encoding) -> Option<Legacy> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let score_of = |encoding: &'static Encoding| {
        let (text, _) = encoding.decode_without_bom_handling(sample);
        vietnamese_score(&text.nfc().collect::<String>())
    };
    let usual_score = score_of(usual).max(score_of(encoding_rs::WINDOWS_1258));
    [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|legacy| (legacy, vietnamese_score(&decode(sample, legacy))))
        .filter(|(_, score)| *score > 0 && *score > usual_score)
        .max_by_key(|(_, score)| *score)
        .map(|(legacy, _)| legacy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_letters() {
        // "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đơn vị tính", "Tỷ lệ" in TCVN3 bytes.
        assert_eq!(decode(b"Ch\xd8 ti\xaau", Legacy::Tcvn3), "Chỉ tiêu");
        assert_eq!(decode(b"K\xd5 ho\xb9ch", Legacy::Tcvn3), "Kế hoạch");
        assert_eq!(decode(b"Th\xf9c hi\xd6n", Legacy::Tcvn3), "Thực hiện");
        assert_eq!(
            decode(b"\xa7\xacn v\xde t\xddnh", Legacy::Tcvn3),
            "Đơn vị tính"
        );
        assert_eq!(decode(b"T\xfb l\xd6", Legacy::Tcvn3), "Tỷ lệ");
        assert_eq!(decode(b"B\xb6o Th\xbeng", Legacy::Tcvn3), "Bảo Thắng");
        assert_eq!(decode(b"M\xad\xeang", Legacy::Tcvn3), "Mường");
        // A combining tone byte after a plain letter composes.
        assert_eq!(decode(b"a\xb3", Legacy::Tcvn3), "á");
    }

    #[test]
    fn vni_letters() {
        let vni = |text: &str| {
            let (bytes, _, _) = WINDOWS_1252.encode(text);
            decode(&bytes, Legacy::Vni)
        };
        assert_eq!(vni("Chæ tieâu"), "Chỉ tiêu");
        assert_eq!(vni("Keá hoaïch"), "Kế hoạch");
        assert_eq!(vni("Thöïc hieän"), "Thực hiện");
        assert_eq!(vni("Ñôn vò tính"), "Đơn vị tính");
        assert_eq!(vni("Tyû leä"), "Tỷ lệ");
        assert_eq!(vni("Xin chaøo caùc baïn"), "Xin chào các bạn");
        assert_eq!(vni("Möôøng Khöông"), "Mường Khương");
        assert_eq!(vni("naêm"), "năm");
        assert_eq!(vni("aét"), "ắt");
        assert_eq!(vni("THÖÏC HIEÄN"), "THỰC HIỆN");
        assert_eq!(vni("Kyø hoïp"), "Kỳ họp");
    }

    #[test]
    fn syllables() {
        for word in [
            "Chỉ",
            "tiêu",
            "Kế",
            "hoạch",
            "Thực",
            "hiện",
            "đường",
            "nguyễn",
            "quý",
            "gì",
        ] {
            assert!(is_vietnamese_syllable(word), "{word}");
        }
        for word in ["ChØ", "tiªu", "Kờỡ", "tieõu", "café", "Straße", "µg"] {
            assert!(!is_vietnamese_syllable(word), "{word}");
        }
    }

    #[test]
    fn detection() {
        let tcvn3 =
            b"STT;Ch\xd8 ti\xaau;\xa7\xacn v\xde t\xddnh;K\xd5 ho\xb9ch;Th\xf9c hi\xd6n\r\n";
        assert_eq!(
            detect(tcvn3, encoding_rs::WINDOWS_1258),
            Some(Legacy::Tcvn3)
        );
        let (vni, _, _) =
            WINDOWS_1252.encode("STT;Chæ tieâu;Ñôn vò tính;Keá hoaïch;Thöïc hieän\r\n");
        assert_eq!(detect(&vni, encoding_rs::WINDOWS_1258), Some(Legacy::Vni));
        let (cp1258, _, _) = encoding_rs::WINDOWS_1258.encode("Tỉnh;Kế hoạch;Thực hiện\r\n");
        assert_eq!(detect(&cp1258, encoding_rs::WINDOWS_1258), None);
        let (latin, _, _) = WINDOWS_1252.encode("Café;Straße;Größe\n");
        assert_eq!(detect(&latin, WINDOWS_1252), None);
    }

    #[test]
    fn workbook_text() {
        let cells = [
            "STT",
            "Ch\u{d8} ti\u{aa}u",
            "K\u{d5} ho\u{b9}ch 2020",
            "Th\u{f9}c hi\u{d6}n",
        ];
        assert_eq!(detect_in_text(cells), Some(Legacy::Tcvn3));
        assert_eq!(convert_text(cells[1], Legacy::Tcvn3), "Chỉ tiêu");
        assert_eq!(detect_in_text(["Chỉ tiêu", "Kế hoạch"]), None);
        assert_eq!(detect_in_text(["Café", "Größe"]), None);
        assert_eq!(detect_in_text(["STT", "Code"]), None);
    }

    #[test]
    fn labels() {
        assert_eq!(Legacy::for_label("TCVN3"), Some(Legacy::Tcvn3));
        assert_eq!(Legacy::for_label("abc"), Some(Legacy::Tcvn3));
        assert_eq!(Legacy::for_label("VNI-Windows"), Some(Legacy::Vni));
        assert_eq!(Legacy::for_label("utf-8"), None);
    }
}
