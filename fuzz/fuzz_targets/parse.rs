//! Numbers, actual results and targets as typed: every parser must return, in both number
//! formats, and what it reads must format again.
#![no_main]

use chitieu::parse::{
    FormatVote, NumberFormat, format_number, format_plain, parse_measure, parse_number,
    parse_target,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut vote = FormatVote::default();
    vote.add(&text);
    let _ = vote.decided();
    for format in [NumberFormat::DecimalComma, NumberFormat::DecimalPoint] {
        if let Some(number) = parse_number(&text, format) {
            let _ = format_plain(number.value);
            let decimals = data.first().map_or(0, |byte| usize::from(byte % 8));
            let _ = format_number(number.value, decimals, format);
        }
        let _ = parse_measure(&text, format);
        if let Some(target) = parse_target(&text, format) {
            let _ = format_plain(target.value);
        }
    }
});
