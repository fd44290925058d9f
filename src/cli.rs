//! The command line: `chitieu [FILE…]` opens the app; `chitieu summary FILE… [options]` prints
//! each strategy's headline and indicator table.

use std::path::PathBuf;

use crate::io::{ImportOptions, load_path};
use crate::model::Period;
use crate::parse::NumberFormat;
use crate::report::{Format, Language, write_summaries};

/// The usage text.
pub const USAGE: &str = "\
chitieu: compare targets with actual results of programme indicators

Usage:
  chitieu [FILE...]                 open the app (with the built-in sample when no file is given)
  chitieu summary FILE... [OPTIONS] print each strategy's headline and indicator table

Options of summary:
  --format text|csv|json   output format (default text)
  --period YEAR            the period to judge (default: each strategy's last period)
  --lang vi|en             language of labels and numbers (default en)
  --sheet NAME             read only this sheet of a workbook
  --header-row N           the header is on row N (as the spreadsheet shows it)
  --decimal , | .          the file's decimal separator
  --encoding LABEL         the text encoding of a CSV file (utf-8, utf-16le, windows-1258 ...)
  --include-hidden         read the rows and columns a workbook hides (XLSX, ODS); by default
                           they are left out with a warning
  -h, --help               this text
";

/// A parsed command line.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Open the app with these files (none: the built-in sample).
    Open(Vec<PathBuf>),
    /// Print summaries.
    Summary(SummaryArgs),
    /// Print the usage.
    Help,
}

/// Arguments of `summary`.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryArgs {
    /// Files to read.
    pub files: Vec<PathBuf>,
    /// Output format.
    pub format: Format,
    /// The period to judge.
    pub period: Option<Period>,
    /// Language of labels.
    pub language: Language,
    /// Import overrides.
    pub options: ImportOptions,
}

/// Parses the arguments after the program name. Errors are sentences for the user.
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some(first) = args.first() else {
        return Ok(Command::Open(Vec::new()));
    };
    if first == "-h" || first == "--help" || first == "help" {
        return Ok(Command::Help);
    }
    if first != "summary" {
        return Ok(Command::Open(args.iter().map(PathBuf::from).collect()));
    }
    let mut summary = SummaryArgs {
        files: Vec::new(),
        format: Format::Text,
        period: None,
        language: Language::En,
        options: ImportOptions::default(),
    };
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--format" => {
                summary.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format \"{other}\" (text, csv or json)")),
                };
            }
            "--period" => {
                let text = value("--period")?;
                summary.period = Some(
                    text.parse()
                        .map_err(|_| format!("--period takes a year, not \"{text}\""))?,
                );
            }
            "--lang" => {
                let text = value("--lang")?;
                summary.language = Language::parse(&text)
                    .ok_or_else(|| format!("unknown language \"{text}\" (vi or en)"))?;
            }
            "--sheet" => summary.options.sheet = Some(value("--sheet")?),
            "--header-row" => {
                let text = value("--header-row")?;
                summary.options.header_row =
                    Some(text.parse().ok().filter(|row| *row > 0).ok_or_else(|| {
                        format!("--header-row takes a row number, not \"{text}\"")
                    })?);
            }
            "--decimal" => {
                summary.options.number_format = Some(match value("--decimal")?.as_str() {
                    "," | "comma" => NumberFormat::DecimalComma,
                    "." | "point" | "dot" => NumberFormat::DecimalPoint,
                    other => return Err(format!("--decimal takes , or ., not \"{other}\"")),
                });
            }
            "--encoding" => summary.options.encoding = Some(value("--encoding")?),
            "--include-hidden" => summary.options.include_hidden = true,
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            file => summary.files.push(PathBuf::from(file)),
        }
    }
    if summary.files.is_empty() {
        return Err("summary needs at least one file".to_owned());
    }
    Ok(Command::Summary(summary))
}

/// Runs `summary`: returns the output and the errors of files that could not be read (the
/// others are still summarised). Warnings go with the errors, one line each, in the language
/// asked for.
#[must_use]
pub fn run_summary(args: &SummaryArgs) -> (String, Vec<String>) {
    let mut strategies = Vec::new();
    let mut problems = Vec::new();
    for file in &args.files {
        match load_path(file, &args.options) {
            Ok(loaded) => {
                problems.extend(loaded.warnings.iter().map(|warning| {
                    format!(
                        "warning: {}: {}",
                        warning.at.describe(args.language),
                        warning.message.text(args.language)
                    )
                }));
                strategies.extend(loaded.strategies);
            }
            Err(error) => problems.push(format!("error: {}", error.text(args.language))),
        }
    }
    let output = if strategies.is_empty() {
        String::new()
    } else {
        write_summaries(&strategies, args.period, args.format, args.language)
    };
    (output, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn parses_summary_options() {
        let Ok(Command::Summary(summary)) = parse_args(&args(&[
            "summary",
            "a.csv",
            "--format",
            "json",
            "--period=2015",
            "--decimal",
            ",",
            "--lang",
            "vi",
            "--include-hidden",
        ])) else {
            panic!("not a summary");
        };
        assert_eq!(summary.files, vec![PathBuf::from("a.csv")]);
        assert_eq!(summary.format, Format::Json);
        assert_eq!(summary.period, Some(2015));
        assert_eq!(
            summary.options.number_format,
            Some(NumberFormat::DecimalComma)
        );
        assert_eq!(summary.language, Language::Vi);
        assert!(summary.options.include_hidden);
    }

    #[test]
    fn bad_arguments_are_explained() {
        assert!(parse_args(&args(&["summary"])).is_err());
        assert!(parse_args(&args(&["summary", "a", "--period", "x"])).is_err());
        assert!(parse_args(&args(&["summary", "a", "--bogus"])).is_err());
        assert_eq!(parse_args(&[]), Ok(Command::Open(Vec::new())));
    }
}
