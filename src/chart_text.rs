//! The words and figures charts show, in Vietnamese and English: titles, axis titles with their
//! units, legend entries, value labels and tooltips. The desktop app and the exports both take
//! them from here, so a chart on screen and its exported image say the same thing, with numbers
//! in the language's format (96,245 in Vietnamese, 96.245 in English).

use crate::chart::{Chart, ChartKind, Gap};
use crate::model::{Period, Status, Unit, UnitScale};
use crate::palette::{Palette, Rgb};
use crate::report::Language;

/// The fixed words of charts in one language.
#[derive(Debug)]
pub struct ChartWords {
    /// Names of the chart kinds, in [`ChartKind::ALL`] order.
    pub kinds: [&'static str; 5],
    /// Title of the achievement chart.
    pub achievement_title: &'static str,
    /// Title of the bullet chart.
    pub bullet_title: &'static str,
    /// Title of the time series.
    pub series_title: &'static str,
    /// Title of the status summary.
    pub status_title: &'static str,
    /// Title of the budget chart.
    pub budget_title: &'static str,
    /// The achievement axis.
    pub axis_achievement: &'static str,
    /// The indicator axis of the achievement chart.
    pub axis_indicator: &'static str,
    /// A value axis; `{unit}` is the unit.
    pub axis_value: &'static str,
    /// A value axis of an indicator without a unit.
    pub axis_value_plain: &'static str,
    /// The period axis.
    pub axis_period: &'static str,
    /// The count axis of the status summary.
    pub axis_count: &'static str,
    /// The strategy axis.
    pub axis_strategy: &'static str,
    /// The money axis; `{unit}` is the unit.
    pub axis_money: &'static str,
    /// The budget axis when units differ.
    pub axis_percent_of_plan: &'static str,
    /// The 100 % line in the legend.
    pub target_line: &'static str,
    /// Target.
    pub target: &'static str,
    /// Actual result.
    pub actual: &'static str,
    /// Baseline.
    pub baseline: &'static str,
    /// The zone where a value meets its target.
    pub good_zone: &'static str,
    /// Planned money.
    pub planned: &'static str,
    /// Money spent.
    pub spent: &'static str,
    /// After a percentage of plan: "275 % kế hoạch".
    pub of_plan: &'static str,
    /// Achievement.
    pub achievement: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Status.
    pub status: &'static str,
    /// Rule.
    pub rule: &'static str,
    /// Indicators counted.
    pub indicators: &'static str,
    /// Difference at the last period; `{period}` is the period.
    pub gap: &'static str,
    /// Percentage points, for differences of percentages.
    pub points: &'static str,
    /// A running total's note.
    pub cumulative: &'static str,
    /// A running total shown per period.
    pub per_period: &'static str,
    /// Note under an achievement chart whose tall bars are cut; `{cap}` is the cap.
    pub cut_note: &'static str,
    /// A strategy without budget lines.
    pub no_budget: &'static str,
    /// No target for the period.
    pub no_target: &'static str,
    /// Nothing to show.
    pub nothing: &'static str,
    /// Met or exceeded, after a count: "12/14 đạt và vượt".
    pub achieved: &'static str,
    /// Lower is better.
    pub lower_is_better: &'static str,
    /// Higher is better.
    pub higher_is_better: &'static str,
    /// Inside the range is good.
    pub inside_is_better: &'static str,
    /// "vs", between an actual result and its target.
    pub versus: &'static str,
}

/// Vietnamese.
pub static VI: ChartWords = ChartWords {
    kinds: [
        "Mức đạt",
        "Chỉ tiêu so với kế hoạch",
        "Theo thời gian",
        "Tình hình đạt",
        "Kinh phí",
    ],
    achievement_title: "Mức đạt so với kế hoạch",
    bullet_title: "Thực hiện so với kế hoạch",
    series_title: "Kế hoạch và thực hiện qua các năm",
    status_title: "Số chỉ tiêu theo mức đạt",
    budget_title: "Kinh phí: kế hoạch và thực hiện",
    axis_achievement: "Mức đạt (%)",
    axis_indicator: "Chỉ tiêu (mã)",
    axis_value: "Giá trị ({unit})",
    axis_value_plain: "Giá trị",
    axis_period: "Năm",
    axis_count: "Số chỉ tiêu",
    axis_strategy: "Chiến lược",
    axis_money: "Kinh phí ({unit})",
    axis_percent_of_plan: "Kinh phí (% kế hoạch)",
    target_line: "Kế hoạch = 100 %",
    target: "Kế hoạch",
    actual: "Thực hiện",
    baseline: "Cơ sở",
    good_zone: "Vùng đạt kế hoạch",
    planned: "Kế hoạch",
    spent: "Thực hiện",
    of_plan: "kế hoạch",
    achievement: "Mức đạt",
    unit: "Đơn vị",
    status: "Trạng thái",
    rule: "Cách tính",
    indicators: "chỉ tiêu",
    gap: "Chênh lệch {period}",
    points: "điểm %",
    cumulative: "Kế hoạch cộng dồn qua các năm",
    per_period: "Từng năm (phần tăng thêm của số cộng dồn)",
    cut_note: "* Cột cao hơn {cap} được cắt bớt; số trên cột là giá trị thật.",
    no_budget: "không có dòng kinh phí",
    no_target: "Không có kế hoạch cho năm này",
    nothing: "Không có số liệu để vẽ",
    achieved: "đạt và vượt",
    lower_is_better: "càng thấp càng tốt",
    higher_is_better: "càng cao càng tốt",
    inside_is_better: "trong khoảng là đạt",
    versus: "so với",
};

/// English.
pub static EN: ChartWords = ChartWords {
    kinds: [
        "Achievement",
        "Indicator vs target",
        "Over time",
        "Status summary",
        "Budget",
    ],
    achievement_title: "Achievement against target",
    bullet_title: "Actual result against target",
    series_title: "Targets and actual results over time",
    status_title: "Indicators by status",
    budget_title: "Budget: planned and actual",
    axis_achievement: "Achievement (%)",
    axis_indicator: "Indicator (code)",
    axis_value: "Value ({unit})",
    axis_value_plain: "Value",
    axis_period: "Year",
    axis_count: "Indicators",
    axis_strategy: "Strategy",
    axis_money: "Budget ({unit})",
    axis_percent_of_plan: "Budget (% of plan)",
    target_line: "Target = 100 %",
    target: "Target",
    actual: "Actual",
    baseline: "Baseline",
    good_zone: "Meets the target",
    planned: "Planned",
    spent: "Actual",
    of_plan: "of plan",
    achievement: "Achievement",
    unit: "Unit",
    status: "Status",
    rule: "Rule",
    indicators: "indicators",
    gap: "Gap {period}",
    points: "percentage points",
    cumulative: "Cumulative target (a running total over the years)",
    per_period: "Per year (what each year added to the running total)",
    cut_note: "* Bars above {cap} are cut short; the figure above a bar is its true value.",
    no_budget: "no budget line",
    no_target: "No target for this period",
    nothing: "No figures to draw",
    achieved: "met or exceeded",
    lower_is_better: "lower is better",
    higher_is_better: "higher is better",
    inside_is_better: "inside the range is good",
    versus: "vs",
};

/// The chart words of `language`.
#[must_use]
pub fn words(language: Language) -> &'static ChartWords {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// The name of a chart kind.
#[must_use]
pub fn kind_name(language: Language, kind: ChartKind) -> &'static str {
    let at = ChartKind::ALL
        .iter()
        .position(|candidate| *candidate == kind)
        .unwrap_or(0);
    words(language).kinds[at]
}

/// A number as exact as files write it (three decimals at most, none from 100 000 up), in the
/// language's format: "66.000", "96,245", "52,414", "0,05".
#[must_use]
pub fn number(language: Language, value: f64) -> String {
    let decimals = if value.abs() >= 100_000.0 { 0 } else { 3 };
    language.number(value, decimals)
}

/// A value with its unit: "52,414 %", "110,6 bé trai/100 bé gái", "66.000 lượt trẻ em".
#[must_use]
pub fn value_with_unit(language: Language, value: f64, unit: &Unit) -> String {
    let number = number(language, value);
    match unit.scale {
        UnitScale::Percent => format!("{number} %"),
        _ if unit.text.is_empty() => number,
        _ => format!("{number} {}", unit.text),
    }
}

/// A signed difference with its unit: "+16.000 lượt trẻ em", "-5,4 điểm %", "0". A
/// difference of percentages is in percentage points, never in per cent.
#[must_use]
pub fn difference(language: Language, value: f64, unit: &Unit) -> String {
    let number = number(language, value.abs());
    let sign = if number.chars().all(|c| c == '0' || c == ',' || c == '.') {
        ""
    } else if value < 0.0 {
        "-"
    } else {
        "+"
    };
    let unit = match unit.scale {
        UnitScale::Percent => words(language).points.to_owned(),
        _ => unit.text.clone(),
    };
    if unit.is_empty() || sign.is_empty() {
        format!("{sign}{number}")
    } else {
        format!("{sign}{number} {unit}")
    }
}

/// The gap label at the last period: "Chênh lệch 2020: -5,4 điểm % (Chưa đạt)".
#[must_use]
pub fn gap_label(language: Language, gap: &Gap, unit: &Unit) -> String {
    let words = words(language);
    let head = words.gap.replace("{period}", &language.period(gap.period));
    let difference = difference(language, gap.gap, unit);
    match gap.status {
        Some(status) => format!("{head}: {difference} ({})", language.status(status)),
        None => format!("{head}: {difference}"),
    }
}

/// The title of a value axis: "Giá trị (%)", "Giá trị (bé trai/100 bé gái)", "Giá trị".
#[must_use]
pub fn value_axis_title(language: Language, unit: &Unit) -> String {
    let words = words(language);
    if unit.text.trim().is_empty() {
        words.axis_value_plain.to_owned()
    } else {
        words.axis_value.replace("{unit}", &unit.text)
    }
}

/// The title of the money axis: "Kinh phí (tỷ đồng)"; "Kinh phí (% kế hoạch)" when the
/// strategies' units differ.
#[must_use]
pub fn money_axis_title(language: Language, unit: Option<&str>) -> String {
    let words = words(language);
    match unit {
        Some(unit) if !unit.trim().is_empty() => words.axis_money.replace("{unit}", unit),
        Some(_) => words.axis_money.replace(" ({unit})", ""),
        None => words.axis_percent_of_plan.to_owned(),
    }
}

/// The figure above an achievement bar: "94", or "312*" for a bar cut at the cap.
#[must_use]
pub fn achievement_label(language: Language, achievement: f64, cut: bool) -> String {
    let number = language.number(achievement, 0);
    if cut { format!("{number}*") } else { number }
}

/// An achievement with one decimal: "94,3 %".
#[must_use]
pub fn achievement_exact(language: Language, achievement: f64) -> String {
    format!("{} %", language.number(achievement, 1))
}

/// The note under an achievement chart with cut bars.
#[must_use]
pub fn cut_note(language: Language) -> String {
    words(language)
        .cut_note
        .replace("{cap}", &language.percent(crate::chart::ACHIEVEMENT_CAP))
}

/// The % of plan: "275 % kế hoạch".
#[must_use]
pub fn percent_of_plan(language: Language, percent: f64) -> String {
    format!("{} {}", language.percent(percent), words(language).of_plan)
}

/// A status segment's label: "Vượt: 9".
#[must_use]
pub fn segment_label(language: Language, status: Status, count: usize) -> String {
    format!("{}: {count}", language.status(status))
}

/// The label under a status stack: "BDG 2015".
#[must_use]
pub fn stack_label(language: Language, strategy: &str, period: Option<Period>) -> String {
    match period {
        Some(period) => format!("{strategy} {}", language.period(period)),
        None => strategy.to_owned(),
    }
}

/// The headline above a status stack: "12/14 đạt và vượt".
#[must_use]
pub fn stack_headline(language: Language, achieved: usize, total: usize) -> String {
    format!("{achieved}/{total} {}", words(language).achieved)
}

/// What a comparator asks, in words (which read better on a slide than ≤ and ≥, and which
/// every font has): "không quá 113", "at least 95", "40–60".
#[must_use]
pub fn condition(language: Language, comparator: crate::model::Comparator, target: f64) -> String {
    use crate::model::Comparator;
    let value = number(language, target);
    if let Comparator::Range { max } = comparator {
        return format!("{value}–{}", number(language, max));
    }
    let words = match (language, comparator) {
        (Language::Vi, Comparator::AtLeast) => return format!("từ {value} trở lên"),
        (Language::Vi, Comparator::GreaterThan) => "trên",
        (Language::Vi, Comparator::AtMost) => "không quá",
        (Language::Vi, Comparator::LessThan) => "dưới",
        (Language::Vi, Comparator::Approximately) => "khoảng",
        (Language::Vi, _) => "bằng",
        (Language::En, Comparator::AtLeast) => "at least",
        (Language::En, Comparator::GreaterThan) => "more than",
        (Language::En, Comparator::AtMost) => "at most",
        (Language::En, Comparator::LessThan) => "less than",
        (Language::En, Comparator::Approximately) => "about",
        (Language::En, _) => "equal to",
    };
    format!("{words} {value}")
}

/// The direction of a comparator in words, for subtitles: "càng thấp càng tốt".
#[must_use]
pub fn direction_words(language: Language, comparator: crate::model::Comparator) -> &'static str {
    use crate::model::Comparator;
    let words = words(language);
    match comparator {
        Comparator::AtMost | Comparator::LessThan => words.lower_is_better,
        Comparator::Range { .. } | Comparator::Approximately => words.inside_is_better,
        Comparator::AtLeast | Comparator::GreaterThan | Comparator::Equal => words.higher_is_better,
    }
}

/// An actual result for a tooltip: a ratio with its value ("76/145 = 52,414 %"), else the value
/// with its unit; the text as written when it has no value.
#[must_use]
pub fn actual_text(language: Language, written: &str, value: Option<f64>, unit: &Unit) -> String {
    match value {
        Some(value) if written.contains('/') => {
            format!("{written} = {}", value_with_unit(language, value, unit))
        }
        Some(value) => value_with_unit(language, value, unit),
        None if written.trim().is_empty() => "—".to_owned(),
        None => written.to_owned(),
    }
}

/// How a legend entry is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A filled square.
    Swatch,
    /// A filled square with diagonal stripes (not met).
    Hatched,
    /// A solid line.
    Line,
    /// A dashed line.
    DashedLine,
    /// A diamond.
    Diamond,
    /// A thick upright bar (a target marker).
    Tick,
}

/// One entry of a chart's legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    /// The mark.
    pub mark: Mark,
    /// Its colour.
    pub color: Rgb,
    /// Its text.
    pub label: String,
}

impl LegendEntry {
    fn new(mark: Mark, color: Rgb, label: impl Into<String>) -> Self {
        Self {
            mark,
            color,
            label: label.into(),
        }
    }
}

/// The legend entries of the four statuses.
#[must_use]
pub fn status_legend(language: Language, palette: &Palette) -> Vec<LegendEntry> {
    Status::ALL
        .iter()
        .map(|status| {
            let mark = if *status == Status::NotMet {
                Mark::Hatched
            } else {
                Mark::Swatch
            };
            LegendEntry::new(mark, palette.status(*status), language.status(*status))
        })
        .collect()
}

/// A chart's title: "BVCSTE · Mức đạt so với kế hoạch · 2020", "BDG MT4.1 · Thực hiện so với
/// kế hoạch · 2020"; a breakdown's chart names it after the strategy: "CT · Phú Thượng · Nữ ·
/// Mức đạt so với kế hoạch · 2020".
#[must_use]
pub fn title(language: Language, chart: &Chart) -> String {
    let words = words(language);
    let mut parts: Vec<String> = match chart {
        Chart::Achievement(chart) => vec![
            chart.strategy.clone(),
            words.achievement_title.to_owned(),
            chart
                .period
                .map(|period| language.period(period))
                .unwrap_or_default(),
        ],
        Chart::Bullet(bullet) => vec![
            format!("{} {}", bullet.strategy, bullet.code),
            words.bullet_title.to_owned(),
            language.period(bullet.period),
        ],
        Chart::TimeSeries(series) => vec![
            format!("{} {}", series.strategy, series.code),
            words.series_title.to_owned(),
        ],
        Chart::StatusSummary(_) => vec![words.status_title.to_owned()],
        Chart::Budget(_) => vec![words.budget_title.to_owned()],
    };
    // A breakdown's figures say whose they are, after the strategy.
    if !chart.breakdown().is_empty() {
        parts.insert(1, chart.breakdown().to_owned());
    }
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The lines under a chart's title: the strategy's or indicator's name, the unit and
/// direction, what a running total shows, the strategies and periods compared.
#[must_use]
pub fn subtitle(language: Language, chart: &Chart) -> Vec<String> {
    let words = words(language);
    match chart {
        Chart::Achievement(chart) => vec![chart.name.clone()],
        Chart::Bullet(bullet) => {
            let unit = if bullet.unit.text.is_empty() {
                "—"
            } else {
                &bullet.unit.text
            };
            let mut facts = vec![
                format!("{}: {unit}", words.unit),
                direction_words(language, bullet.comparator).to_owned(),
            ];
            if let Some(achievement) = bullet.achievement {
                facts.push(format!(
                    "{}: {}",
                    words.achievement,
                    achievement_exact(language, achievement)
                ));
            }
            vec![bullet.name.clone(), facts.join(" · ")]
        }
        Chart::TimeSeries(series) => {
            let mut lines = vec![series.name.clone()];
            if series.per_period {
                lines.push(words.per_period.to_owned());
            } else if series.cumulative {
                lines.push(words.cumulative.to_owned());
            }
            lines
        }
        Chart::StatusSummary(stacks) => vec![
            stacks
                .iter()
                .map(|stack| stack_label(language, &stack.strategy, stack.period))
                .collect::<Vec<_>>()
                .join(" · "),
        ],
        Chart::Budget(budget) => vec![
            budget
                .groups
                .iter()
                .flat_map(|group| {
                    let strategy = &group.strategy;
                    let lines: Vec<String> = if group.lines.is_empty() {
                        vec![format!("{strategy}: {}", words.no_budget)]
                    } else {
                        group
                            .lines
                            .iter()
                            .map(|line| format!("{strategy}: {}", line.name))
                            .collect()
                    };
                    lines
                })
                .collect::<Vec<_>>()
                .join(" · "),
        ],
    }
}

/// A chart's legend.
#[must_use]
pub fn legend(language: Language, palette: &Palette, chart: &Chart) -> Vec<LegendEntry> {
    let words = words(language);
    match chart {
        Chart::Achievement(_) => {
            let mut entries = status_legend(language, palette);
            entries.push(LegendEntry::new(
                Mark::DashedLine,
                palette.target,
                words.target_line,
            ));
            entries
        }
        Chart::Bullet(bullet) => {
            let mark = if bullet.status == Status::NotMet {
                Mark::Hatched
            } else {
                Mark::Swatch
            };
            let mut entries = vec![
                LegendEntry::new(
                    mark,
                    palette.status(bullet.status),
                    format!("{} ({})", words.actual, language.status(bullet.status)),
                ),
                LegendEntry::new(Mark::Tick, palette.target, words.target),
            ];
            if bullet.baseline.is_some() {
                entries.push(LegendEntry::new(
                    Mark::Diamond,
                    palette.baseline,
                    words.baseline,
                ));
            }
            entries.push(LegendEntry::new(
                Mark::Swatch,
                palette.good_zone,
                words.good_zone,
            ));
            entries
        }
        Chart::TimeSeries(series) => {
            let mut entries = vec![
                LegendEntry::new(Mark::DashedLine, palette.target, words.target),
                LegendEntry::new(Mark::Line, palette.actual, words.actual),
            ];
            if series.baseline.is_some() {
                entries.push(LegendEntry::new(
                    Mark::Diamond,
                    palette.baseline,
                    words.baseline,
                ));
            }
            if series.targets.iter().any(|target| target.max.is_some()) {
                entries.push(LegendEntry::new(
                    Mark::Swatch,
                    palette.good_zone,
                    words.good_zone,
                ));
            }
            entries
        }
        Chart::StatusSummary(_) => status_legend(language, palette),
        Chart::Budget(_) => vec![
            LegendEntry::new(Mark::Swatch, palette.planned, words.planned),
            LegendEntry::new(Mark::Swatch, palette.actual, words.spent),
        ],
    }
}

/// Notes at a chart's foot: the cut bars of an achievement chart, the gap of a time series.
#[must_use]
pub fn notes(language: Language, chart: &Chart) -> Vec<String> {
    match chart {
        Chart::Achievement(chart) if chart.any_cut() => vec![cut_note(language)],
        Chart::TimeSeries(series) => series
            .last_gap
            .iter()
            .map(|gap| gap_label(language, gap, &series.unit))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Comparator;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(Language::Vi, 96.245), "96,245");
        assert_eq!(number(Language::En, 96.245), "96.245");
        assert_eq!(number(Language::Vi, 66_000.0), "66.000");
        assert_eq!(number(Language::En, 52.413_793), "52.414");
        let sex_ratio = Unit::parse("bé trai/100 bé gái");
        assert_eq!(
            value_with_unit(Language::Vi, 110.6, &sex_ratio),
            "110,6 bé trai/100 bé gái"
        );
        assert_eq!(
            value_with_unit(Language::En, 52.413_793, &Unit::parse("%")),
            "52.414 %"
        );
    }

    #[test]
    fn differences_of_percentages_are_points() {
        let percent = Unit::parse("%");
        assert_eq!(difference(Language::Vi, -5.4, &percent), "-5,4 điểm %");
        assert_eq!(
            difference(Language::En, 16_000.0, &Unit::parse("lượt trẻ em")),
            "+16,000 lượt trẻ em"
        );
        assert_eq!(difference(Language::En, 0.0, &percent), "0");
        let gap = Gap {
            period: 2020,
            actual: 110.6,
            target: 113.0,
            gap: -2.4,
            status: Some(Status::Exceeded),
        };
        assert_eq!(
            gap_label(Language::Vi, &gap, &Unit::parse("bé trai/100 bé gái")),
            "Chênh lệch 2020: -2,4 bé trai/100 bé gái (Vượt)"
        );
    }

    #[test]
    fn axis_titles_carry_units() {
        assert_eq!(
            value_axis_title(Language::Vi, &Unit::parse("trên 100.000 trẻ em")),
            "Giá trị (trên 100.000 trẻ em)"
        );
        assert_eq!(value_axis_title(Language::En, &Unit::parse("")), "Value");
        assert_eq!(
            money_axis_title(Language::Vi, Some("tỷ đồng")),
            "Kinh phí (tỷ đồng)"
        );
        assert_eq!(money_axis_title(Language::En, None), "Budget (% of plan)");
        assert_eq!(money_axis_title(Language::En, Some("")), "Budget");
    }

    #[test]
    fn labels() {
        assert_eq!(achievement_label(Language::Vi, 312.4, true), "312*");
        assert_eq!(achievement_exact(Language::Vi, 87.356), "87,4 %");
        assert_eq!(percent_of_plan(Language::Vi, 274.99), "275 % kế hoạch");
        assert_eq!(segment_label(Language::En, Status::NotMet, 2), "Not met: 2");
        assert_eq!(stack_label(Language::Vi, "BDG", Some(2015)), "BDG 2015");
        assert_eq!(stack_headline(Language::Vi, 12, 14), "12/14 đạt và vượt");
        assert_eq!(
            condition(Language::Vi, Comparator::Range { max: 60.0 }, 40.0),
            "40–60"
        );
        assert_eq!(
            condition(Language::En, Comparator::AtMost, 113.0),
            "at most 113"
        );
        assert_eq!(
            condition(Language::Vi, Comparator::AtLeast, 95.0),
            "từ 95 trở lên"
        );
        assert_eq!(kind_name(Language::En, ChartKind::Budget), "Budget");
        assert!(cut_note(Language::Vi).contains("200 %"));
    }
}
