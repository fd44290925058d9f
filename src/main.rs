//! chitieu: the desktop app, and the `summary` command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use chitieu::cli::{Command, USAGE, parse_args, run_summary};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Summary(summary)) => {
            let (output, problems) = run_summary(&summary);
            print!("{output}");
            for problem in &problems {
                eprintln!("{problem}");
            }
            if problems.iter().any(|problem| problem.starts_with("error")) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Ok(Command::Open(files)) => open(&files),
        Err(message) => {
            eprintln!("chitieu: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open(files: &[std::path::PathBuf]) -> ExitCode {
    // When the window cannot open, `app::run` has already said why and what to do.
    if chitieu::app::run(files).is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(not(feature = "gui"))]
fn open(_files: &[std::path::PathBuf]) -> ExitCode {
    eprintln!(
        "chitieu: this build has no desktop app (feature \"gui\"); use `chitieu summary FILE...`"
    );
    ExitCode::from(2)
}
