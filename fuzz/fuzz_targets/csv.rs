//! Delimited text: any bytes named `.csv`, read with the default options, must give a clean
//! `Result`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // The library turns a panic inside calamine into an error (`io::workbook`), which the
        // fuzzer's own hook would abort on first; a panic anywhere else still reaches the
        // fuzzer and is a crash.
        drop(std::panic::take_hook());
    },
    |data: &[u8]| {
        let _ = chitieu::io::load_bytes("fuzz.csv", data, &chitieu::io::ImportOptions::default());
    }
);
