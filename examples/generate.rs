//! Writes the benchmarks' large inputs into a folder: `cargo run --release --example generate
//! -- OUT_DIR` gives long.csv (282,000 rows), long.xlsx and wide.xlsx (5,000 indicators).

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

/// Makes one file's bytes.
type Maker = Box<dyn Fn() -> Result<Vec<u8>, String>>;

fn main() -> ExitCode {
    let out = std::env::args_os()
        .nth(1)
        .map_or_else(common::data_dir, PathBuf::from);
    let files: [(&str, Maker); 3] = [
        ("long.csv", Box::new(|| Ok(common::long_csv()))),
        (
            "long.xlsx",
            Box::new(|| common::long_xlsx().map_err(|error| error.to_string())),
        ),
        (
            "wide.xlsx",
            Box::new(|| common::wide_xlsx().map_err(|error| error.to_string())),
        ),
    ];
    if let Err(error) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    for (name, make) in files {
        let path = out.join(name);
        match make()
            .and_then(|bytes| std::fs::write(&path, bytes).map_err(|error| error.to_string()))
        {
            Ok(()) => println!("wrote {}", path.display()),
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
