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
        Ok(Command::Open(files)) => open(files),
        Err(message) => {
            eprintln!("chitieu: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open(files: Vec<std::path::PathBuf>) -> ExitCode {
    match chitieu::app::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chitieu: the window could not be opened: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open(_files: Vec<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "chitieu: this build has no desktop app (feature \"gui\"); use `chitieu summary FILE...`"
    );
    ExitCode::from(2)
}
