//! Every input a fuzz target (`fuzz/`, see BENCHMARKS.md) found to crash, hang or exhaust
//! memory, fed again to the function it broke: `fixtures/fuzz/csv/` and `fixtures/fuzz/workbook/`
//! to [`load_bytes`] under the name the target uses, `fixtures/fuzz/parse/` to the number, measure
//! and target parsers. Each must give a clean result; an error names the file.

use chitieu::io::{ImportOptions, load_bytes};
use chitieu::parse::{FormatVote, NumberFormat, parse_measure, parse_number, parse_target};

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz/");

/// The inputs kept for one target, by file name; none where the target has found nothing.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(format!("{FUZZ}{target}")) else {
        return Vec::new();
    };
    let mut inputs: Vec<_> = entries
        .map(|entry| {
            let path = entry.expect("a folder entry").path();
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

/// Reads each input of `target` as the file `as_file`, as the fuzz target does.
fn loads_cleanly(target: &str, as_file: &str) {
    for (name, bytes) in inputs(target) {
        match load_bytes(as_file, &bytes, &ImportOptions::default()) {
            Ok(loaded) => assert!(
                loaded
                    .strategies
                    .iter()
                    .all(|strategy| !strategy.code.is_empty()),
                "{name}: a strategy without a code"
            ),
            Err(error) => assert!(
                error.to_string().contains(as_file),
                "{name}: the error does not name the file: {error}"
            ),
        }
    }
}

#[test]
fn workbook_inputs_load_or_fail_cleanly() {
    loads_cleanly("workbook", "fuzz.xlsx");
}

#[test]
fn an_xls_whose_sector_chain_loops_is_refused() {
    // calamine followed the loop, appending sectors until memory ran out.
    let bytes = std::fs::read(format!("{FUZZ}workbook/xls-fat-chain-loops.xlsx")).expect("read");
    let error = load_bytes("loops.xls", &bytes, &ImportOptions::default())
        .expect_err("a looping chain is refused");
    let message = error.to_string();
    assert!(
        message.starts_with("loops.xls: ") && message.contains("loops"),
        "{message}"
    );
}

#[test]
fn csv_inputs_load_or_fail_cleanly() {
    loads_cleanly("csv", "fuzz.csv");
}

#[test]
fn parse_inputs_are_read_or_refused() {
    for (_, bytes) in inputs("parse") {
        let text = String::from_utf8_lossy(&bytes);
        let mut vote = FormatVote::default();
        vote.add(&text);
        for format in [NumberFormat::DecimalComma, NumberFormat::DecimalPoint] {
            let _ = parse_number(&text, format);
            let _ = parse_measure(&text, format);
            let _ = parse_target(&text, format);
        }
    }
}
