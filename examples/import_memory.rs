//! Time and peak heap of importing one file, three times: the figures of `BENCHMARKS.md`'s
//! memory table.
//!
//! ```sh
//! cargo run --release --no-default-features --example generate
//! cargo run --release --no-default-features --example import_memory -- target/bench-data/long.csv
//! ```
//!
//! The heap is counted by a wrapper around the system allocator; the file's bytes, held while
//! reading, are printed beside it.

use std::alloc::System;
use std::time::Instant;

use peakmem_alloc::{INSTRUMENTED_SYSTEM, PeakMemAlloc, PeakMemAllocTrait};

#[global_allocator]
static ALLOCATOR: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: import_memory FILE");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{}: {error}", path.display());
            std::process::exit(1);
        }
    };
    let options = chitieu::io::ImportOptions::default();
    for _ in 0..3 {
        ALLOCATOR.reset_peak_memory();
        let started = Instant::now();
        let loaded = match chitieu::io::load_bytes(&name, &bytes, &options) {
            Ok(loaded) => loaded,
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(1);
            }
        };
        let took = started.elapsed();
        let peak = ALLOCATOR.get_peak_memory();
        drop(loaded);
        println!(
            "{name}: read in {:.0} ms; heap at the peak {:.1} MB, besides the file's {:.1} MB",
            took.as_secs_f64() * 1000.0,
            peak as f64 / 1e6,
            bytes.len() as f64 / 1e6
        );
    }
}
