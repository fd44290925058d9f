//! chitieu's own workbook: saving a [`Document`] to XLSX and reading it back exactly.
//!
//! The layout is documented in `FORMAT.md`: one sheet per table (Strategies, Goals, Indicators,
//! Values, Budget, Warnings, Change log, Presentation) and a sheet named `chitieu` that marks the file and its
//! format version. Every sheet has a header row; rows refer to their strategy and indicator by
//! number (`strategy_no`, `indicator_no`), so codes may repeat or be empty. Computed achievement
//! and status are written as values, with conditional colours, and ignored when reading.
//!
//! Saving is atomic: the workbook is written beside the destination and renamed over it, so a
//! failed write leaves the old file as it was.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, Workbook, Worksheet, XlsxError,
};

use crate::analysis::evaluate_value;
use crate::model::{
    Actual, Assessment, Baseline, Breakdown, BudgetLine, CellRef, ChangeRecord, Comparator,
    Direction, Document, Goal, Indicator, IndicatorRef, Measure, PeriodValue, Sentence,
    SlideChoice, SlideKind, SlideRef, Status, Strategy, Target, Unit, Warning,
};
use crate::report::Language;

/// The name of the sheet that marks a chitieu workbook.
pub const MARKER_SHEET: &str = "chitieu";

/// The format version written in the marker sheet.
pub const FORMAT_VERSION: f64 = 1.0;

/// Why a document could not be saved or read back.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The workbook could not be built.
    #[error("{file}: cannot write the workbook ({source})")]
    Xlsx {
        /// Destination file name.
        file: String,
        /// The writer's reason.
        source: XlsxError,
    },
    /// The file system refused (read-only, locked by another program, disk full …).
    #[error(
        "{file}: cannot save: {source}. Your edits are kept; save under another name or close the file in the other program"
    )]
    Io {
        /// Destination file name.
        file: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A chitieu workbook whose content is not as `FORMAT.md` says.
    #[error("{file}, sheet \"{sheet}\", row {row}: {message}")]
    Format {
        /// File name.
        file: String,
        /// Sheet name.
        sheet: String,
        /// 1-based row.
        row: u32,
        /// What is wrong.
        message: String,
    },
    /// Not a readable workbook at all.
    #[error("{file}: not a readable workbook ({message})")]
    Workbook {
        /// File name.
        file: String,
        /// calamine's reason.
        message: String,
    },
}

/// The columns of each sheet, in order. `FORMAT.md` describes each.
pub const STRATEGY_COLUMNS: &[&str] = &[
    "strategy_no",
    "code",
    "name",
    "span_from",
    "span_to",
    "source_file",
];
/// Columns of the Goals sheet.
pub const GOAL_COLUMNS: &[&str] = &["strategy_no", "strategy", "code", "name"];
/// Columns of the Indicators sheet.
pub const INDICATOR_COLUMNS: &[&str] = &[
    "strategy_no",
    "indicator_no",
    "strategy",
    "code",
    "name",
    "goal",
    "unit",
    "direction",
    "cumulative",
    "baseline",
    "baseline_year",
    "baseline_origin",
    "source",
    "note",
    "origin",
];
/// Columns of the Values sheet.
pub const VALUE_COLUMNS: &[&str] = &[
    "strategy_no",
    "indicator_no",
    "strategy",
    "code",
    "breakdown",
    "period",
    "target_text",
    "target",
    "comparator",
    "target_max",
    "target_origin",
    "actual_text",
    "actual",
    "actual_numerator",
    "actual_denominator",
    "estimate",
    "actual_origin",
    "assessment",
    "assessment_origin",
    "unread_target",
    "unread_actual",
    "achievement_percent",
    "status",
    "achievement_rule",
];
/// Columns of the Budget sheet.
pub const BUDGET_COLUMNS: &[&str] = &[
    "strategy_no",
    "strategy",
    "name",
    "unit",
    "planned",
    "actual",
    "planned_text",
    "actual_text",
    "source",
    "origin",
    "percent_of_plan",
];
/// Columns of the Warnings sheet.
pub const WARNING_COLUMNS: &[&str] = &["file", "sheet", "row", "column", "message", "message_vi"];
/// Columns of the Change log sheet.
pub const CHANGE_COLUMNS: &[&str] = &["when", "strategy", "indicator", "field", "old", "new"];
/// Columns of the Presentation sheet.
pub const PRESENTATION_COLUMNS: &[&str] = &["kind", "strategy", "goal", "indicator", "shown"];

/// The `kind` of a Presentation row that hides an indicator from the slides.
const HIDDEN_INDICATOR: &str = "indicator";

/// Writes the document as a chitieu workbook, in memory.
pub fn to_xlsx(document: &Document, file: &str) -> Result<Vec<u8>, StoreError> {
    let xlsx = |source| StoreError::Xlsx {
        file: file.to_owned(),
        source,
    };
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(MARKER_SHEET).map_err(xlsx)?;
        write_marker(sheet, &bold).map_err(xlsx)?;
    }
    let mut strategies = Table::new(STRATEGY_COLUMNS);
    let mut goals = Table::new(GOAL_COLUMNS);
    let mut indicators = Table::new(INDICATOR_COLUMNS);
    let mut values = Table::new(VALUE_COLUMNS);
    let mut budget = Table::new(BUDGET_COLUMNS);
    for (s, strategy) in document.strategies.iter().enumerate() {
        let strategy_no = Value::Number((s + 1) as f64);
        strategies.push(vec![
            strategy_no.clone(),
            text(&strategy.code),
            text(&strategy.name),
            opt_number(strategy.span.map(|(from, _)| f64::from(from))),
            opt_number(strategy.span.map(|(_, to)| f64::from(to))),
            text(&strategy.source_file),
        ]);
        for goal in &strategy.goals {
            goals.push(vec![
                strategy_no.clone(),
                text(&strategy.code),
                text(&goal.code),
                text(&goal.name),
            ]);
        }
        for (i, indicator) in strategy.indicators.iter().enumerate() {
            let indicator_no = Value::Number((i + 1) as f64);
            let baseline = indicator.baseline.as_ref();
            indicators.push(vec![
                strategy_no.clone(),
                indicator_no.clone(),
                text(&strategy.code),
                text(&indicator.code),
                text(&indicator.name),
                opt_text(indicator.goal.as_deref()),
                text(&indicator.unit.text),
                text(indicator.direction.as_str()),
                Value::Bool(indicator.cumulative),
                opt_number(baseline.map(|b| b.value)),
                opt_number(baseline.and_then(|b| b.year).map(f64::from)),
                origin(baseline.and_then(|b| b.origin.as_ref())),
                text(&indicator.source),
                text(&indicator.note),
                origin(indicator.origin.as_ref()),
            ]);
            for value in &indicator.values {
                values.push(value_row(
                    &strategy_no,
                    &indicator_no,
                    strategy,
                    indicator,
                    None,
                    value,
                ));
            }
            for part in &indicator.breakdown {
                for value in &part.values {
                    values.push(value_row(
                        &strategy_no,
                        &indicator_no,
                        strategy,
                        indicator,
                        Some(&part.keys),
                        value,
                    ));
                }
            }
        }
        for line in &strategy.budget {
            budget.push(vec![
                strategy_no.clone(),
                text(&strategy.code),
                text(&line.name),
                text(&line.unit),
                opt_number(line.planned),
                opt_number(line.actual),
                text(&line.planned_text),
                text(&line.actual_text),
                text(&line.source),
                origin(line.origin.as_ref()),
                opt_number(line.percent_of_plan()),
            ]);
        }
    }
    let mut warnings = Table::new(WARNING_COLUMNS);
    for warning in &document.warnings {
        warnings.push(vec![
            text(warning.at.file()),
            opt_text(warning.at.sheet()),
            Value::Number(f64::from(warning.at.row)),
            Value::Number(f64::from(warning.at.column)),
            text(&warning.message.en),
            text(&warning.message.vi),
        ]);
    }
    let mut changes = Table::new(CHANGE_COLUMNS);
    for change in &document.changes {
        changes.push(vec![
            text(&change.when),
            text(&change.strategy),
            text(&change.indicator),
            text(&change.field),
            text(&change.old),
            text(&change.new),
        ]);
    }
    let mut presentation = Table::new(PRESENTATION_COLUMNS);
    for choice in &document.presentation.slides {
        presentation.push(vec![
            text(choice.slide.kind.as_str()),
            text(&choice.slide.strategy),
            text(&choice.slide.goal),
            Value::Empty,
            Value::Bool(choice.shown),
        ]);
    }
    for hidden in &document.presentation.hidden_indicators {
        presentation.push(vec![
            text(HIDDEN_INDICATOR),
            text(&hidden.strategy),
            Value::Empty,
            text(&hidden.indicator),
            Value::Bool(false),
        ]);
    }
    for (name, table) in [
        ("Strategies", &strategies),
        ("Goals", &goals),
        ("Indicators", &indicators),
        ("Values", &values),
        ("Budget", &budget),
        ("Warnings", &warnings),
        ("Change log", &changes),
        ("Presentation", &presentation),
    ] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).map_err(xlsx)?;
        table.write(sheet, &bold).map_err(xlsx)?;
        if name == "Values" {
            colour_statuses(sheet, table).map_err(xlsx)?;
        }
    }
    workbook.save_to_buffer().map_err(xlsx)
}

/// Saves the document to `path` atomically: the workbook is written to a temporary file in the
/// same folder, flushed, then renamed over `path`. On any failure `path` is left as it was.
pub fn save(document: &Document, path: &Path) -> Result<(), StoreError> {
    let file = display_name(path);
    let bytes = to_xlsx(document, &file)?;
    let io = |source| StoreError::Io {
        file: file.clone(),
        source,
    };
    let temporary = temporary_path(path);
    let result = (|| {
        use std::io::Write as _;
        let mut out = std::fs::File::create(&temporary)?;
        out.write_all(&bytes)?;
        out.sync_all()?;
        drop(out);
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(io(error));
    }
    Ok(())
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// "report.xlsx" → ".report.xlsx.saving" in the same folder.
fn temporary_path(path: &Path) -> PathBuf {
    let name = display_name(path);
    path.with_file_name(format!(".{name}.saving"))
}

/// Whether a workbook (its sheet names) is a chitieu workbook.
#[must_use]
pub fn is_chitieu_workbook(sheet_names: &[String]) -> bool {
    sheet_names.iter().any(|name| name == MARKER_SHEET)
}

/// Reads a chitieu workbook back into a document.
pub fn from_xlsx(file: &str, bytes: &[u8]) -> Result<Document, StoreError> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|error| StoreError::Workbook {
            file: file.to_owned(),
            message: error.to_string(),
        })?;
    // Workbooks saved before presentations have no Presentation sheet.
    let has_presentation = workbook
        .sheet_names()
        .iter()
        .any(|name| name == "Presentation");
    let mut sheet = |name: &str| -> Result<Sheet, StoreError> {
        let range = workbook
            .worksheet_range(name)
            .map_err(|error| StoreError::Format {
                file: file.to_owned(),
                sheet: name.to_owned(),
                row: 0,
                message: format!("the sheet is missing or unreadable ({error})"),
            })?;
        Sheet::new(file, name, &range)
    };
    let strategies_sheet = sheet("Strategies")?;
    let goals_sheet = sheet("Goals")?;
    let indicators_sheet = sheet("Indicators")?;
    let values_sheet = sheet("Values")?;
    let budget_sheet = sheet("Budget")?;
    let warnings_sheet = sheet("Warnings")?;
    let changes_sheet = sheet("Change log")?;
    let presentation_sheet = if has_presentation {
        Some(sheet("Presentation")?)
    } else {
        None
    };

    let mut document = Document::default();
    for row in strategies_sheet.rows() {
        let from = row.opt_number("span_from")?;
        let to = row.opt_number("span_to")?;
        document.strategies.push(Strategy {
            code: row.text("code"),
            name: row.text("name"),
            span: from.zip(to).map(|(from, to)| (from as i32, to as i32)),
            source_file: row.text("source_file"),
            ..Strategy::default()
        });
    }
    for row in goals_sheet.rows() {
        let strategy = row.strategy(&mut document)?;
        strategy.goals.push(Goal {
            code: row.text("code"),
            name: row.text("name"),
        });
    }
    for row in indicators_sheet.rows() {
        let baseline = match row.opt_number("baseline")? {
            Some(value) => Some(Baseline {
                value,
                year: row.opt_number("baseline_year")?.map(|year| year as i32),
                origin: row.origin("baseline_origin")?,
            }),
            None => None,
        };
        let direction_text = row.text("direction");
        let direction = Direction::parse(&direction_text).ok_or_else(|| {
            row.error(format!(
                "direction \"{direction_text}\" is not increase, decrease or range"
            ))
        })?;
        let indicator = Indicator {
            code: row.text("code"),
            name: row.text("name"),
            goal: row.opt_text("goal"),
            unit: Unit::parse(&row.text("unit")),
            direction,
            baseline,
            cumulative: row.bool("cumulative"),
            values: Vec::new(),
            breakdown: Vec::new(),
            source: row.text("source"),
            note: row.text("note"),
            origin: row.origin("origin")?,
        };
        row.strategy(&mut document)?.indicators.push(indicator);
    }
    for row in values_sheet.rows() {
        let value = read_value(&row)?;
        let keys: Option<Vec<(String, String)>> = match row.opt_text("breakdown") {
            None => None,
            Some(text) => Some(serde_json::from_str(&text).map_err(|error| {
                row.error(format!(
                    "breakdown \"{text}\" is not a list of [dimension, value] pairs ({error})"
                ))
            })?),
        };
        let indicator = row.indicator(&mut document)?;
        match keys {
            None => indicator.values.push(value),
            Some(keys) => {
                let found = indicator
                    .breakdown
                    .iter()
                    .position(|part| part.keys == keys);
                let at = found.unwrap_or_else(|| {
                    indicator.breakdown.push(Breakdown {
                        keys,
                        values: Vec::new(),
                    });
                    indicator.breakdown.len() - 1
                });
                indicator.breakdown[at].values.push(value);
            }
        }
    }
    for row in budget_sheet.rows() {
        let line = BudgetLine {
            name: row.text("name"),
            unit: row.text("unit"),
            planned: row.opt_number("planned")?,
            actual: row.opt_number("actual")?,
            planned_text: row.text("planned_text"),
            actual_text: row.text("actual_text"),
            source: row.text("source"),
            origin: row.origin("origin")?,
        };
        row.strategy(&mut document)?.budget.push(line);
    }
    for row in warnings_sheet.rows() {
        document.warnings.push(Warning {
            at: CellRef::new(
                row.text("file"),
                row.opt_text("sheet").map(Into::into),
                row.opt_number("row")?.unwrap_or(0.0) as u32,
                row.opt_number("column")?.unwrap_or(0.0) as u32,
            ),
            message: {
                let message = row.text("message");
                match row.opt_text("message_vi") {
                    Some(vi) => Sentence::new(message, vi),
                    // Written before the Vietnamese text was kept.
                    None => Sentence::from(message),
                }
            },
        });
    }
    for row in changes_sheet.rows() {
        document.changes.push(ChangeRecord {
            when: row.text("when"),
            strategy: row.text("strategy"),
            indicator: row.text("indicator"),
            field: row.text("field"),
            old: row.text("old"),
            new: row.text("new"),
        });
    }
    for row in presentation_sheet.iter().flat_map(Sheet::rows) {
        let kind = row.text("kind");
        if kind == HIDDEN_INDICATOR {
            document.presentation.hidden_indicators.push(IndicatorRef {
                strategy: row.text("strategy"),
                indicator: row.text("indicator"),
            });
            continue;
        }
        let kind = SlideKind::parse(&kind).ok_or_else(|| {
            row.error(format!(
                "kind \"{kind}\" is not title, headline, goal, not_met, compare or indicator"
            ))
        })?;
        document.presentation.slides.push(SlideChoice {
            slide: SlideRef {
                kind,
                strategy: row.text("strategy"),
                goal: row.text("goal"),
            },
            shown: row.bool("shown"),
        });
    }
    Ok(document)
}

fn value_row(
    strategy_no: &Value,
    indicator_no: &Value,
    strategy: &Strategy,
    indicator: &Indicator,
    keys: Option<&[(String, String)]>,
    value: &PeriodValue,
) -> Vec<Value> {
    let target = value.target.as_ref();
    let actual = value.actual.as_ref();
    let (number, numerator, denominator) = match actual.map(|a| a.measure) {
        Some(Measure::Number(number)) => (Some(number), None, None),
        Some(Measure::Ratio {
            numerator,
            denominator,
        }) => (None, Some(numerator), Some(denominator)),
        None => (None, None, None),
    };
    let evaluation = evaluate_value(indicator, Some(value), value.period);
    vec![
        strategy_no.clone(),
        indicator_no.clone(),
        text(&strategy.code),
        text(&indicator.code),
        keys.map_or(Value::Empty, |keys| {
            Value::Text(serde_json::to_string(keys).unwrap_or_default())
        }),
        Value::Number(f64::from(value.period)),
        opt_text(target.map(|t| t.text.as_str())),
        opt_number(target.map(|t| t.value)),
        opt_text(target.and_then(|t| t.comparator).map(comparator_name)),
        opt_number(target.and_then(|t| match t.comparator {
            Some(Comparator::Range { max }) => Some(max),
            _ => None,
        })),
        origin(target.and_then(|t| t.origin.as_ref())),
        opt_text(actual.map(|a| a.text.as_str())),
        opt_number(number),
        opt_number(numerator),
        opt_number(denominator),
        Value::Bool(actual.is_some_and(|a| a.estimate)),
        origin(actual.and_then(|a| a.origin.as_ref())),
        opt_text(value.assessment.as_ref().map(|a| a.text.as_str())),
        origin(value.assessment.as_ref().and_then(|a| a.origin.as_ref())),
        opt_text(value.unread_target()),
        opt_text(value.unread_actual()),
        opt_number(evaluation.achievement),
        text(Language::En.status(evaluation.status)),
        opt_text(
            evaluation
                .rule
                .map(crate::analysis::AchievementRule::formula),
        ),
    ]
}

fn read_value(row: &Row<'_>) -> Result<PeriodValue, StoreError> {
    let period = row
        .opt_number("period")?
        .ok_or_else(|| row.error("no period".to_owned()))? as i32;
    let target = match row.opt_number("target")? {
        Some(value) => {
            let comparator = match row.opt_text("comparator") {
                None => None,
                Some(name) => Some(
                    parse_comparator(&name, row.opt_number("target_max")?).ok_or_else(|| {
                        row.error(format!(
                            "comparator \"{name}\" is not one of ≥ > ≤ < ≈ = range"
                        ))
                    })?,
                ),
            };
            Some(Target {
                value,
                comparator,
                text: row.text("target_text").into(),
                origin: row.origin("target_origin")?,
            })
        }
        None => None,
    };
    let measure = match (
        row.opt_number("actual")?,
        row.opt_number("actual_numerator")?,
        row.opt_number("actual_denominator")?,
    ) {
        (Some(number), _, _) => Some(Measure::Number(number)),
        (None, Some(numerator), Some(denominator)) => Some(Measure::Ratio {
            numerator,
            denominator,
        }),
        _ => None,
    };
    let actual = measure.map(|measure| -> Result<Actual, StoreError> {
        Ok(Actual {
            measure,
            estimate: row.bool("estimate"),
            text: row.text("actual_text").into(),
            origin: row.origin("actual_origin")?,
        })
    });
    let assessment = match row.opt_text("assessment") {
        Some(text) => Some(Assessment::from_text(
            &text,
            row.origin("assessment_origin")?,
        )),
        None => None,
    };
    let mut value = PeriodValue {
        period,
        target,
        actual: actual.transpose()?,
        assessment: assessment.map(Box::new),
        ..PeriodValue::default()
    };
    value.set_unread_target(row.opt_text("unread_target"));
    value.set_unread_actual(row.opt_text("unread_actual"));
    Ok(value)
}

/// The name written for a comparator.
fn comparator_name(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::Range { .. } => "range",
        other => other.symbol(),
    }
}

fn parse_comparator(name: &str, max: Option<f64>) -> Option<Comparator> {
    Some(match name {
        "≥" => Comparator::AtLeast,
        ">" => Comparator::GreaterThan,
        "≤" => Comparator::AtMost,
        "<" => Comparator::LessThan,
        "≈" => Comparator::Approximately,
        "=" => Comparator::Equal,
        "range" => Comparator::Range { max: max? },
        _ => return None,
    })
}

fn write_marker(sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "chitieu workbook", bold)?;
    sheet.write_string(1, 0, "format")?;
    sheet.write_number(1, 1, FORMAT_VERSION)?;
    let lines = [
        "This workbook was saved by chitieu. Its sheets are described in FORMAT.md.",
        "Strategies, Goals, Indicators, Values and Budget hold the document; Warnings lists cells that could not be read; Change log lists edits; Presentation holds the presenter's choice of slides.",
        "Rows refer to their strategy and indicator by strategy_no and indicator_no. Edit values freely in Excel; keep the header rows and the sheet names.",
        "achievement_percent, status and achievement_rule in Values are computed when saving and ignored when reading.",
    ];
    for (row, line) in lines.iter().enumerate() {
        sheet.write_string(3 + row as u32, 0, *line)?;
    }
    sheet.set_column_width(0, 24)?;
    Ok(())
}

/// Colours the status column of the Values sheet (Okabe–Ito palette, readable when printed).
fn colour_statuses(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let Some(column) = table.columns.iter().position(|name| *name == "status") else {
        return Ok(());
    };
    let last = table.rows.len() as u32;
    if last == 0 {
        return Ok(());
    }
    let column = column as u16;
    for (status, colour) in [
        (Status::NotMet, 0x00F4_C7A8),
        (Status::Exceeded, 0x00B3_D7EE),
        (Status::Met, 0x00B3_E6D9),
        (Status::NoData, 0x00E0_E0E0),
    ] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(
                Language::En.status(status).to_owned(),
            ))
            .set_format(Format::new().set_background_color(colour));
        sheet.add_conditional_format(1, column, last, column, &rule)?;
    }
    Ok(())
}

/// A cell value to write.
#[derive(Clone, Debug)]
enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

fn text(value: &str) -> Value {
    if value.is_empty() {
        Value::Empty
    } else {
        Value::Text(value.to_owned())
    }
}

fn opt_text(value: Option<&str>) -> Value {
    value.map_or(Value::Empty, text)
}

fn opt_number(value: Option<f64>) -> Value {
    value.map_or(Value::Empty, Value::Number)
}

/// "file|sheet|row|column": file names cannot hold `|` on Windows, so the first `|` ends it.
fn origin(at: Option<&CellRef>) -> Value {
    at.map_or(Value::Empty, |at| {
        Value::Text(format!(
            "{}|{}|{}|{}",
            at.file(),
            at.sheet().unwrap_or(""),
            at.row,
            at.column
        ))
    })
}

fn parse_origin(text: &str) -> Option<CellRef> {
    let (file, rest) = text.split_once('|')?;
    let mut parts = rest.rsplitn(3, '|');
    let column = parts.next()?.parse().ok()?;
    let row = parts.next()?.parse().ok()?;
    let sheet = parts.next()?;
    Some(CellRef::new(
        file,
        (!sheet.is_empty()).then(|| sheet.into()),
        row,
        column,
    ))
}

/// A sheet's rows before writing.
struct Table {
    columns: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn new(columns: &'static [&'static str]) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<Value>) {
        self.rows.push(row);
    }

    fn write(&self, sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
        for (column, name) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, *name, bold)?;
            let width = match *name {
                "name" | "message" | "indicator" => 60.0,
                "note" | "source" | "old" | "new" => 30.0,
                _ => (name.len() as f64 + 2.0).max(10.0),
            };
            sheet.set_column_width(column as u16, width)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                match value {
                    Value::Empty => {}
                    Value::Text(text) => {
                        sheet.write_string(r, c, text.as_str())?;
                    }
                    Value::Number(number) => {
                        sheet.write_number(r, c, *number)?;
                    }
                    Value::Bool(flag) => {
                        sheet.write_boolean(r, c, *flag)?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        if !self.rows.is_empty() {
            sheet.autofilter(0, 0, self.rows.len() as u32, self.columns.len() as u16 - 1)?;
        }
        Ok(())
    }
}

/// A sheet read back, with its header's column positions.
struct Sheet {
    file: String,
    name: String,
    header: Vec<String>,
    rows: Vec<Vec<Data>>,
    first_row: u32,
}

impl Sheet {
    fn new(file: &str, name: &str, range: &calamine::Range<Data>) -> Result<Self, StoreError> {
        let first_row = range.start().map_or(0, |(row, _)| row);
        let first_column = range.start().map_or(0, |(_, column)| column);
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        if first_column != 0 || first_row != 0 && !header.is_empty() {
            return Err(StoreError::Format {
                file: file.to_owned(),
                sheet: name.to_owned(),
                row: first_row + 1,
                message: "the header must be on row 1 from column A".to_owned(),
            });
        }
        Ok(Self {
            file: file.to_owned(),
            name: name.to_owned(),
            header,
            rows: rows.map(<[Data]>::to_vec).collect(),
            first_row,
        })
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, cells)| cells.iter().any(|cell| !matches!(cell, Data::Empty)))
            .map(move |(index, cells)| Row {
                sheet: self,
                cells,
                number: self.first_row + index as u32 + 2,
            })
    }
}

/// One row of a sheet read back.
struct Row<'a> {
    sheet: &'a Sheet,
    cells: &'a [Data],
    number: u32,
}

impl Row<'_> {
    fn cell(&self, column: &str) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.sheet
            .header
            .iter()
            .position(|name| name == column)
            .and_then(|at| self.cells.get(at))
            .unwrap_or(&EMPTY)
    }

    fn error(&self, message: String) -> StoreError {
        StoreError::Format {
            file: self.sheet.file.clone(),
            sheet: self.sheet.name.clone(),
            row: self.number,
            message,
        }
    }

    fn opt_text(&self, column: &str) -> Option<String> {
        match self.cell(column) {
            Data::Empty => None,
            Data::String(text) => Some(text.clone()),
            other => Some(other.to_string()),
        }
    }

    fn text(&self, column: &str) -> String {
        self.opt_text(column).unwrap_or_default()
    }

    fn opt_number(&self, column: &str) -> Result<Option<f64>, StoreError> {
        match self.cell(column) {
            Data::Empty => Ok(None),
            Data::Float(value) => Ok(Some(*value)),
            Data::Int(value) => Ok(Some(*value as f64)),
            Data::String(text) if text.trim().is_empty() => Ok(None),
            Data::String(text) => text
                .trim()
                .replace(',', ".")
                .parse()
                .map(Some)
                .map_err(|_| self.error(format!("{column} \"{text}\" is not a number"))),
            other => Err(self.error(format!("{column} \"{other}\" is not a number"))),
        }
    }

    fn bool(&self, column: &str) -> bool {
        match self.cell(column) {
            Data::Bool(flag) => *flag,
            Data::String(text) => matches!(
                crate::text::fold(text).as_str(),
                "true" | "yes" | "co" | "1" | "x"
            ),
            Data::Float(value) => *value != 0.0,
            Data::Int(value) => *value != 0,
            _ => false,
        }
    }

    fn origin(&self, column: &str) -> Result<Option<CellRef>, StoreError> {
        match self.opt_text(column) {
            None => Ok(None),
            Some(text) => parse_origin(&text).map(Some).ok_or_else(|| {
                self.error(format!("{column} \"{text}\" is not file|sheet|row|column"))
            }),
        }
    }

    fn index(&self, column: &str, len: usize) -> Result<usize, StoreError> {
        let number = self
            .opt_number(column)?
            .ok_or_else(|| self.error(format!("{column} is empty")))?;
        let index = number as usize;
        if number.fract() != 0.0 || index == 0 || index > len {
            return Err(self.error(format!("{column} {number} refers to nothing (1 to {len})")));
        }
        Ok(index - 1)
    }

    fn strategy<'d>(&self, document: &'d mut Document) -> Result<&'d mut Strategy, StoreError> {
        let at = self.index("strategy_no", document.strategies.len())?;
        Ok(&mut document.strategies[at])
    }

    fn indicator<'d>(&self, document: &'d mut Document) -> Result<&'d mut Indicator, StoreError> {
        let at = self.index("indicator_no", usize::MAX)?;
        let error = self.error(format!("indicator_no {} refers to no indicator", at + 1));
        let strategy = self.strategy(document)?;
        strategy.indicators.get_mut(at).ok_or(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_round_trip() {
        let at = CellRef::new("a, b.xlsx", Some("Tổng|hợp".into()), 14, 6);
        let Value::Text(written) = origin(Some(&at)) else {
            panic!("origin not written");
        };
        assert_eq!(parse_origin(&written), Some(at));
        assert_eq!(parse_origin("x|1|2"), None);
    }

    #[test]
    fn failed_save_leaves_the_old_file() {
        let folder = std::env::temp_dir().join(format!("chitieu-store-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("kept.xlsx");
        std::fs::write(&path, b"old").unwrap();
        // A destination whose temporary file cannot be created: a folder that does not exist.
        let missing = folder.join("no-such-folder").join("kept.xlsx");
        assert!(matches!(
            save(&Document::default(), &missing),
            Err(StoreError::Io { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        save(&Document::default(), &path).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
        let leftovers: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
