//! The `summary` command's output: each strategy's headline and indicator table as text, CSV or
//! JSON, in English or Vietnamese. The same labels serve the desktop app.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::analysis::{Summary, SummaryRow, summarize};
use crate::model::{Period, Status, Strategy};
use crate::parse::{NumberFormat, format_number};

/// The language of labels and the number format that goes with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Tiếng Việt: `,` decimals.
    #[default]
    Vi,
    /// English: `.` decimals.
    En,
}

impl Language {
    /// Reads "vi"/"en" (also "vn", "english", "tiếng việt").
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match crate::text::fold(text).as_str() {
            "vi" | "vn" | "vie" | "tieng viet" | "vietnamese" => Some(Self::Vi),
            "en" | "eng" | "english" => Some(Self::En),
            _ => None,
        }
    }

    /// Numbers are shown with the language's separators (96,245 in Vietnamese, 96.245 in English).
    #[must_use]
    pub fn number_format(self) -> NumberFormat {
        match self {
            Self::Vi => NumberFormat::DecimalComma,
            Self::En => NumberFormat::DecimalPoint,
        }
    }

    /// A status in this language.
    #[must_use]
    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Self::Vi, Status::Exceeded) => "Vượt",
            (Self::Vi, Status::Met) => "Đạt",
            (Self::Vi, Status::NotMet) => "Chưa đạt",
            (Self::Vi, Status::NoData) => "Chưa có số liệu",
            (Self::En, Status::Exceeded) => "Exceeded",
            (Self::En, Status::Met) => "Met",
            (Self::En, Status::NotMet) => "Not met",
            (Self::En, Status::NoData) => "No data",
        }
    }

    /// A number with at most `decimals` places in this language's format.
    #[must_use]
    pub fn number(self, value: f64, decimals: usize) -> String {
        format_number(value, decimals, self.number_format())
    }

    /// A percentage, rounded to a whole number: "275 %".
    #[must_use]
    pub fn percent(self, value: f64) -> String {
        format!("{} %", self.number(value, 0))
    }

    /// The headline: "12/14 met or exceeded" / "12/14 chỉ tiêu đạt và vượt".
    #[must_use]
    pub fn headline(self, summary: &Summary) -> String {
        match self {
            Self::Vi => format!(
                "{}/{} chỉ tiêu đạt và vượt",
                summary.achieved(),
                summary.total
            ),
            Self::En => format!(
                "{}/{} indicators met or exceeded",
                summary.achieved(),
                summary.total
            ),
        }
    }

    /// Counts per status: "exceeded 9, met 3, not met 2, no data 0".
    #[must_use]
    pub fn counts(self, summary: &Summary) -> String {
        Status::ALL
            .iter()
            .map(|status| {
                format!(
                    "{} {}",
                    self.status(*status).to_lowercase(),
                    summary.count(*status)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A period for people: the year, or "undated" for tables that name none.
    #[must_use]
    pub fn period(self, period: Period) -> String {
        if period == crate::io::table::UNDATED {
            match self {
                Self::Vi => "không ghi năm".to_owned(),
                Self::En => "undated".to_owned(),
            }
        } else {
            period.to_string()
        }
    }

    /// A target as a formula with numbers in this language: "≥ 25", "< 10", "40–60", "95".
    #[must_use]
    pub fn target(self, target: &crate::model::Target) -> String {
        let value = self.number(target.value, 3);
        match target.comparator {
            None => value,
            Some(crate::model::Comparator::Range { max }) => {
                format!("{value}–{}", self.number(max, 3))
            }
            Some(comparator) => format!("{} {value}", comparator.symbol()),
        }
    }

    /// "Period"/"Năm".
    #[must_use]
    pub fn period_word(self) -> &'static str {
        match self {
            Self::Vi => "Năm",
            Self::En => "Period",
        }
    }

    /// The budget line: "Kinh phí …: 96,245 / 35 tỷ đồng = 275 % kế hoạch".
    #[must_use]
    pub fn budget(self, budget: &crate::analysis::BudgetSummary) -> String {
        let amount = |value: Option<f64>| value.map_or("—".to_owned(), |v| self.number(v, 3));
        let share = budget
            .percent_of_plan
            .map_or(String::new(), |percent| match self {
                Self::Vi => format!(" = {} kế hoạch", self.percent(percent)),
                Self::En => format!(" = {} of plan", self.percent(percent)),
            });
        let (actual_word, plan_word) = match self {
            Self::Vi => ("thực hiện", "kế hoạch"),
            Self::En => ("actual", "planned"),
        };
        format!(
            "{}: {actual_word} {} / {plan_word} {} {}{share}",
            budget.name,
            amount(budget.actual),
            amount(budget.planned),
            budget.unit
        )
    }
}

/// Output formats of the `summary` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Headline and an aligned table, for people.
    Text,
    /// One row per indicator, UTF-8 with a header line, formula-like cells neutralised.
    Csv,
    /// The summaries as a JSON array.
    Json,
}

/// Writes the summary of each strategy for `period` (each strategy's final period when `None`).
#[must_use]
pub fn write_summaries(
    strategies: &[Strategy],
    period: Option<Period>,
    format: Format,
    language: Language,
) -> String {
    match format {
        Format::Text => strategies
            .iter()
            .map(|strategy| text_summary(strategy, period, language))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Csv => csv_summary(strategies, period),
        Format::Json => json_summary(strategies, period),
    }
}

fn text_summary(strategy: &Strategy, period: Option<Period>, language: Language) -> String {
    let summary = summarize(strategy, period);
    let mut out = String::new();
    let span = strategy
        .span_text()
        .map(|span| format!(" ({span})"))
        .unwrap_or_default();
    let _ = writeln!(out, "{}  {}{span}", strategy.code, strategy.name);
    let _ = writeln!(
        out,
        "{} {}: {} ({})",
        language.period_word(),
        summary
            .period
            .map_or_else(|| "—".to_owned(), |period| language.period(period)),
        language.headline(&summary),
        language.counts(&summary)
    );
    let not_met: Vec<String> = summary
        .not_met()
        .map(|row| not_met_item(row, strategy, language))
        .collect();
    if !not_met.is_empty() {
        let label = match language {
            Language::Vi => "Chưa đạt",
            Language::En => "Not met",
        };
        let _ = writeln!(out, "{label}: {}", not_met.join("; "));
    }
    for budget in &summary.budget {
        let label = match language {
            Language::Vi => "Kinh phí",
            Language::En => "Budget",
        };
        let line = language.budget(budget);
        if crate::text::fold(&budget.name).starts_with(&crate::text::fold(label)) {
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(out, "{label}: {line}");
        }
    }
    for row in summary.disagreements() {
        let manual = row
            .evaluation
            .manual
            .map_or("—", |status| language.status(status));
        let _ = writeln!(
            out,
            "! {}: {} {}, {} {}",
            row.code,
            match language {
                Language::Vi => "đánh giá trong tệp",
                Language::En => "file's assessment",
            },
            manual,
            match language {
                Language::Vi => "tính được",
                Language::En => "computed",
            },
            language.status(row.evaluation.status)
        );
    }
    out.push('\n');
    let headers: [&str; 7] = match language {
        Language::Vi => [
            "STT",
            "Trạng thái",
            "% đạt",
            "Kế hoạch",
            "Thực hiện",
            "ĐVT",
            "Chỉ tiêu",
        ],
        Language::En => [
            "Code",
            "Status",
            "Achieved",
            "Target",
            "Actual",
            "Unit",
            "Indicator",
        ],
    };
    let rows: Vec<[String; 7]> = summary
        .rows
        .iter()
        .map(|row| {
            let indicator = &strategy.indicators[row.index];
            let value = indicator.value(row.evaluation.period);
            [
                row.code.clone(),
                language.status(row.evaluation.status).to_owned(),
                row.evaluation.achievement.map_or_else(
                    || "—".to_owned(),
                    |a| format!("{} %", language.number(a, 1)),
                ),
                value
                    .and_then(|value| value.target.as_ref())
                    .map_or_else(|| "—".to_owned(), |target| target.text.to_string()),
                value
                    .and_then(|value| value.actual.as_ref())
                    .map_or_else(|| "—".to_owned(), |actual| actual.text.to_string()),
                indicator.unit.text.clone(),
                row.name.clone(),
            ]
        })
        .collect();
    let mut widths = headers.map(|header| header.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count()).min(28);
        }
    }
    let line = |cells: &[String]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let shown: String = cell.chars().take(widths[i]).collect();
                let pad = widths[i] - shown.chars().count();
                text.push_str(&shown);
                text.push_str(&" ".repeat(pad + 2));
            }
        }
        text.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(&headers.map(str::to_owned)));
    for row in &rows {
        let _ = writeln!(out, "{}", line(row));
    }
    out
}

fn not_met_item(row: &SummaryRow, strategy: &Strategy, language: Language) -> String {
    let indicator = &strategy.indicators[row.index];
    let target = indicator
        .value(row.evaluation.period)
        .and_then(|value| value.target.as_ref())
        .map_or_else(|| "—".to_owned(), |target| language.target(target));
    let actual = row
        .evaluation
        .actual
        .map_or_else(|| "—".to_owned(), |actual| language.number(actual, 1));
    let versus = match language {
        Language::Vi => "so với",
        Language::En => "vs",
    };
    format!("{} {} ({actual} {versus} {target})", row.code, row.name)
}

/// Prefixes `'` to text a spreadsheet would run as a formula: text starting with `=`, `+`, `@`,
/// tab or carriage return, or `-` not followed by a number. Numbers ("-5") and a lone "-" stay
/// as they are. (OWASP, "CSV Injection".)
#[must_use]
pub fn neutralise_formula(text: &str) -> String {
    if crate::text::starts_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The indicator table of `strategies` as a CSV file for Excel: UTF-8 with a byte order mark (so
/// Excel reads Vietnamese text right), one row per indicator, formula-like text neutralised
/// ([`neutralise_formula`]).
#[must_use]
pub fn csv_for_excel(strategies: &[Strategy], period: Option<Period>) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(csv_summary(strategies, period).as_bytes());
    bytes
}

fn csv_summary(strategies: &[Strategy], period: Option<Period>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "strategy",
        "period",
        "code",
        "indicator",
        "unit",
        "direction",
        "baseline",
        "target_text",
        "comparator",
        "target",
        "actual_text",
        "actual",
        "achievement_percent",
        "achievement_rule",
        "status",
        "assessment",
        "assessment_disagrees",
        "source",
    ]);
    let number = |value: Option<f64>| value.map(crate::parse::format_plain).unwrap_or_default();
    for strategy in strategies {
        let summary = summarize(strategy, period);
        for row in &summary.rows {
            let indicator = &strategy.indicators[row.index];
            let value = indicator.value(row.evaluation.period);
            let target = value.and_then(|value| value.target.as_ref());
            let actual = value.and_then(|value| value.actual.as_ref());
            let record = [
                strategy.code.clone(),
                row.evaluation.period.to_string(),
                row.code.clone(),
                row.name.clone(),
                indicator.unit.text.clone(),
                indicator.direction.as_str().to_owned(),
                number(indicator.baseline.as_ref().map(|b| b.value)),
                target.map(|t| t.text.to_string()).unwrap_or_default(),
                target
                    .map(|t| {
                        t.effective_comparator(indicator.direction)
                            .symbol()
                            .to_owned()
                    })
                    .unwrap_or_default(),
                number(target.map(|t| t.value)),
                actual.map(|a| a.text.to_string()).unwrap_or_default(),
                number(row.evaluation.actual),
                row.evaluation
                    .achievement
                    .map(|a| format!("{a:.1}"))
                    .unwrap_or_default(),
                row.evaluation
                    .rule
                    .map(|rule| rule.formula().to_owned())
                    .unwrap_or_default(),
                Language::En.status(row.evaluation.status).to_owned(),
                value
                    .and_then(|value| value.assessment.as_ref())
                    .map(|a| a.text.clone())
                    .unwrap_or_default(),
                row.evaluation.disagrees.to_string(),
                indicator.source.clone(),
            ];
            let _ = writer.write_record(record.iter().map(|cell| neutralise_formula(cell)));
        }
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

#[derive(Serialize)]
struct JsonStrategy<'a> {
    code: &'a str,
    name: &'a str,
    span: Option<(Period, Period)>,
    source_file: &'a str,
    met_or_exceeded: usize,
    summary: Summary,
}

fn json_summary(strategies: &[Strategy], period: Option<Period>) -> String {
    let list: Vec<JsonStrategy> = strategies
        .iter()
        .map(|strategy| {
            let summary = summarize(strategy, period);
            JsonStrategy {
                code: &strategy.code,
                name: &strategy.name,
                span: strategy.span,
                source_file: &strategy.source_file,
                met_or_exceeded: summary.achieved(),
                summary,
            }
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_injection_is_neutralised() {
        assert_eq!(neutralise_formula("=1+2"), "'=1+2");
        assert_eq!(neutralise_formula("+A1"), "'+A1");
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("-cmd"), "'-cmd");
        assert_eq!(neutralise_formula("-5"), "-5");
        assert_eq!(neutralise_formula("-"), "-");
        assert_eq!(neutralise_formula("Vượt"), "Vượt");
    }

    #[test]
    fn excel_csv_has_a_bom_and_neutralised_cells() {
        let mut strategy = Strategy {
            code: "S".into(),
            ..Strategy::default()
        };
        let mut indicator = crate::model::Indicator {
            code: "=cmd".into(),
            name: "Tỷ lệ".into(),
            ..crate::model::Indicator::default()
        };
        indicator.value_mut(2020);
        strategy.indicators.push(indicator);
        let bytes = csv_for_excel(&[strategy], None);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains(",'=cmd,Tỷ lệ,"), "{text}");
    }
}
