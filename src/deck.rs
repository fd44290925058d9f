//! The slides of a review meeting, built from the document without a window: for each strategy
//! a title slide (name, period), its headline (met or exceeded of total, counts per status,
//! budget as % of plan), one slide per goal with the achievement chart of its indicators, and
//! the indicators not met with actual, target and gap; then every open strategy side by side.
//!
//! The presenter's choice ([`crate::model::Presentation`]: order, slides left out, hidden
//! indicators) is applied by [`build`]. The desktop app draws the [`Slide`]s on screen; here
//! each slide is also written as SVG ([`svg`]) on a 1920 × 1080 canvas, rasterised to PNG
//! ([`png`], resvg) and put one slide a page into a vector PDF ([`pdf`], svg2pdf), with the text
//! in the embedded Noto Sans and the colours of the light palette, which projectors show best.

use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};

use crate::analysis::{BudgetSummary, evaluate};
use crate::chart::{AchievementChart, BarOrder, Chart, achievement_chart};
use crate::chart_export::{
    self, ExportOptions, ExportSize, FONT_BOLD, FONT_FAMILY, FONT_REGULAR, escape, num,
};
use crate::model::{
    Comparator, Document, Indicator, Period, Presentation, SlideChoice, SlideKind, SlideRef,
    Status, Strategy, Unit, UnitScale,
};
use crate::palette::{Palette, Rgb, Theme};
use crate::report::Language;

/// The width of a slide's canvas; SVG user units, and pixels of a full HD PNG.
pub const WIDTH: f64 = 1920.0;
/// The height of a slide's canvas.
pub const HEIGHT: f64 = 1080.0;

/// The slides of every strategy in their usual order: each strategy's title, headline, goals
/// (those with indicators, then the indicators of no goal) and not-met list; then the
/// comparison of all strategies when more than one is open.
#[must_use]
pub fn usual_slides(document: &Document) -> Vec<SlideRef> {
    let mut slides = Vec::new();
    for strategy in &document.strategies {
        let slide = |kind, goal: &str| SlideRef {
            kind,
            strategy: strategy.code.clone(),
            goal: goal.to_owned(),
        };
        slides.push(slide(SlideKind::Title, ""));
        slides.push(slide(SlideKind::Headline, ""));
        for goal in &strategy.goals {
            if strategy
                .indicators
                .iter()
                .any(|indicator| indicator.goal.as_deref() == Some(goal.code.as_str()))
            {
                slides.push(slide(SlideKind::Goal, &goal.code));
            }
        }
        if strategy
            .indicators
            .iter()
            .any(|indicator| goal_of(strategy, indicator).is_empty())
        {
            slides.push(slide(SlideKind::Goal, ""));
        }
        slides.push(slide(SlideKind::NotMet, ""));
    }
    if document.strategies.len() > 1 {
        slides.push(SlideRef {
            kind: SlideKind::Compare,
            strategy: String::new(),
            goal: String::new(),
        });
    }
    slides
}

/// The code of an indicator's goal as slides group it: empty when it has none or names a goal
/// the strategy does not have.
fn goal_of<'a>(strategy: &Strategy, indicator: &'a Indicator) -> &'a str {
    match indicator.goal.as_deref() {
        Some(code) if strategy.goal(code).is_some() => code,
        _ => "",
    }
}

/// Every slide of the document in the presenter's order, each shown or left out: the slides the
/// presenter listed (those that still exist), then the others in their usual order, shown.
#[must_use]
pub fn choices(document: &Document) -> Vec<SlideChoice> {
    let usual = usual_slides(document);
    let mut list: Vec<SlideChoice> = Vec::new();
    for choice in &document.presentation.slides {
        if usual.contains(&choice.slide) && !list.iter().any(|c| c.slide == choice.slide) {
            list.push(choice.clone());
        }
    }
    for slide in usual {
        if !list.iter().any(|choice| choice.slide == slide) {
            list.push(SlideChoice { slide, shown: true });
        }
    }
    list
}

/// The key of an indicator in [`crate::model::IndicatorRef`]: its code, or its name when it has
/// none.
#[must_use]
pub fn indicator_key(indicator: &Indicator) -> &str {
    if indicator.code.is_empty() {
        &indicator.name
    } else {
        &indicator.code
    }
}

/// Whether the presentation hides this indicator of `strategy`.
#[must_use]
pub fn hidden(presentation: &Presentation, strategy: &Strategy, indicator: &Indicator) -> bool {
    presentation.hides(&strategy.code, indicator_key(indicator))
}

/// One indicator as a slide lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Index of the strategy in the document.
    pub strategy: usize,
    /// Index of the indicator in its strategy.
    pub indicator: usize,
    /// Code (STT).
    pub code: String,
    /// Name as written.
    pub name: String,
    /// The period its figures are for.
    pub period: Period,
    /// Achievement in per cent, when it can be computed.
    pub achievement: Option<f64>,
    /// The computed status.
    pub status: Status,
}

/// A strategy's results as the headline and the comparison show them.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Index of the strategy in the document.
    pub strategy: usize,
    /// Strategy code.
    pub code: String,
    /// Strategy name.
    pub name: String,
    /// The strategy's span ("2016-2020").
    pub span: Option<String>,
    /// The period judged.
    pub period: Option<Period>,
    /// Indicators met or exceeded.
    pub achieved: usize,
    /// Indicators judged (with a value row for the period), hidden ones left out.
    pub total: usize,
    /// Exceeded, met, not met, no data, in [`Status::ALL`] order.
    pub counts: [usize; 4],
    /// Budget lines with their % of plan.
    pub budget: Vec<BudgetSummary>,
    /// Indicators hidden by the presenter, left out of the counts.
    pub hidden: usize,
}

impl Results {
    /// How many indicators have this status.
    #[must_use]
    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|candidate| *candidate == status)
            .map_or(0, |at| self.counts[at])
    }
}

/// What a slide shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// A strategy's name, span, the period judged and its file.
    Title {
        /// The strategy's results (for its code, name, span and period).
        results: Results,
        /// The file it was read from.
        source_file: String,
    },
    /// A strategy's headline.
    Headline(Results),
    /// A goal's indicators with their achievement chart.
    Goal {
        /// The strategy's results (for its code, name and period).
        results: Results,
        /// The goal's code; empty for the indicators of no goal.
        code: String,
        /// The goal's name; empty for the indicators of no goal.
        name: String,
        /// Whether the slide shows all the strategy's indicators (it has no goals).
        all: bool,
        /// Achievement bars of the goal's indicators.
        chart: AchievementChart,
        /// The goal's indicators.
        lines: Vec<Line>,
    },
    /// A strategy's indicators not met.
    NotMet {
        /// The strategy's results.
        results: Results,
        /// The indicators not met.
        lines: Vec<Line>,
    },
    /// Every open strategy side by side.
    Compare(Vec<Results>),
}

/// One slide: what it is and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// Which slide.
    pub key: SlideRef,
    /// What it shows.
    pub content: Content,
}

impl Slide {
    /// The indicators whose figures the slide shows, as (strategy, indicator) indices: a goal's
    /// or the not-met list's; every shown indicator of the strategy on its title and headline;
    /// every shown indicator of every strategy on the comparison.
    #[must_use]
    pub fn figures(&self, document: &Document) -> Vec<(usize, usize)> {
        let all = |strategy: usize| -> Vec<(usize, usize)> {
            document
                .strategies
                .get(strategy)
                .map(|s| {
                    s.indicators
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| !hidden(&document.presentation, s, i))
                        .map(|(at, _)| (strategy, at))
                        .collect()
                })
                .unwrap_or_default()
        };
        match &self.content {
            Content::Title { results, .. } | Content::Headline(results) => all(results.strategy),
            Content::Goal { lines, .. } | Content::NotMet { lines, .. } => lines
                .iter()
                .map(|line| (line.strategy, line.indicator))
                .collect(),
            Content::Compare(columns) => columns
                .iter()
                .flat_map(|results| all(results.strategy))
                .collect(),
        }
    }

    /// The strategy the slide is about, if it is about one.
    #[must_use]
    pub fn strategy(&self) -> Option<usize> {
        match &self.content {
            Content::Title { results, .. }
            | Content::Headline(results)
            | Content::Goal { results, .. }
            | Content::NotMet { results, .. } => Some(results.strategy),
            Content::Compare(_) => None,
        }
    }
}

/// The slides to show, in order: the presenter's choice applied to the document. `periods`
/// gives the period each strategy is judged for, by index (its final period where `None` or
/// missing). A goal slide whose indicators are all hidden is left out.
#[must_use]
pub fn build(document: &Document, periods: &[Option<Period>]) -> Vec<Slide> {
    choices(document)
        .into_iter()
        .filter(|choice| choice.shown)
        .filter_map(|choice| slide(document, periods, choice.slide))
        .collect()
}

/// Builds one slide; `None` when the document has nothing for it.
fn slide(document: &Document, periods: &[Option<Period>], key: SlideRef) -> Option<Slide> {
    let period_of = |index: usize| periods.get(index).copied().flatten();
    if key.kind == SlideKind::Compare {
        let columns = (0..document.strategies.len())
            .map(|index| results(document, index, period_of(index)))
            .collect();
        return Some(Slide {
            key,
            content: Content::Compare(columns),
        });
    }
    let index = document
        .strategies
        .iter()
        .position(|strategy| strategy.code == key.strategy)?;
    let strategy = &document.strategies[index];
    let results = results(document, index, period_of(index));
    let content = match key.kind {
        SlideKind::Title => Content::Title {
            results,
            source_file: strategy.source_file.clone(),
        },
        SlideKind::Headline => Content::Headline(results),
        SlideKind::Goal => {
            let lines: Vec<Line> = shown_lines(document, index, results.period)
                .into_iter()
                .filter(|line| goal_of(strategy, &strategy.indicators[line.indicator]) == key.goal)
                .collect();
            if lines.is_empty() {
                return None;
            }
            let mut chart = achievement_chart(strategy, results.period, BarOrder::Code);
            chart
                .bars
                .retain(|bar| lines.iter().any(|line| line.indicator == bar.index));
            let name = strategy
                .goal(&key.goal)
                .map(|goal| goal.name.clone())
                .unwrap_or_default();
            chart.name.clone_from(&name);
            Content::Goal {
                results,
                code: key.goal.clone(),
                name,
                all: strategy.goals.is_empty(),
                chart,
                lines,
            }
        }
        SlideKind::NotMet => {
            let lines = shown_lines(document, index, results.period)
                .into_iter()
                .filter(|line| line.status == Status::NotMet)
                .collect();
            Content::NotMet { results, lines }
        }
        SlideKind::Compare => return None,
    };
    Some(Slide { key, content })
}

/// The strategy's shown indicators with a value row for `period`, in file order.
fn shown_lines(document: &Document, index: usize, period: Option<Period>) -> Vec<Line> {
    let Some(strategy) = document.strategies.get(index) else {
        return Vec::new();
    };
    let Some(period) = period else {
        return Vec::new();
    };
    strategy
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, indicator)| {
            indicator.value(period).is_some()
                && !hidden(&document.presentation, strategy, indicator)
        })
        .map(|(at, indicator)| line(index, at, indicator, period))
        .collect()
}

/// One indicator's line for `period` (its figures are written by [`figures_text`]).
fn line(strategy: usize, at: usize, indicator: &Indicator, period: Period) -> Line {
    let evaluation = evaluate(indicator, period);
    Line {
        strategy,
        indicator: at,
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        period,
        achievement: evaluation.achievement,
        status: evaluation.status,
    }
}

impl Line {
    /// The line's indicator in `document`.
    #[must_use]
    pub fn indicator<'d>(&self, document: &'d Document) -> Option<&'d Indicator> {
        document
            .strategies
            .get(self.strategy)
            .and_then(|strategy| strategy.indicators.get(self.indicator))
    }
}

/// A value in an indicator's unit, as a slide writes it: percentages and rates with one
/// decimal, other values as exact as files write them ("89,6 %", "96,245 tỷ đồng", "66.000").
#[must_use]
pub fn figure(language: Language, value: f64, unit: &Unit) -> String {
    let number = match unit.scale {
        UnitScale::Percent | UnitScale::PerN(_) if value.abs() < 1000.0 => {
            language.number(value, 1)
        }
        _ => crate::chart_text::number(language, value),
    };
    match unit.scale {
        UnitScale::Percent => format!("{number} %"),
        _ if unit.text.trim().is_empty() => number,
        _ => format!("{number} {}", unit.text.trim()),
    }
}

/// The texts of one indicator's figures for `period`: actual, target and gap.
#[must_use]
pub fn figures_text(language: Language, indicator: &Indicator, period: Period) -> [String; 3] {
    let value = indicator.value(period);
    let evaluation = evaluate(indicator, period);
    let unit = &indicator.unit;
    let actual = match (value.and_then(|v| v.actual.as_ref()), evaluation.actual) {
        (Some(actual), Some(number)) if actual.text.contains('/') => {
            format!(
                "{} = {}",
                actual.text.trim(),
                figure(language, number, unit)
            )
        }
        (_, Some(number)) => figure(language, number, unit),
        (_, None) => value
            .and_then(|v| v.unread_actual().map(str::to_owned))
            .unwrap_or_else(|| "—".to_owned()),
    };
    let target_value = value.and_then(|v| v.target.as_ref());
    let target = match target_value {
        Some(target) => target_words(language, target, unit),
        None => value
            .and_then(|v| v.unread_target().map(str::to_owned))
            .unwrap_or_else(|| "—".to_owned()),
    };
    let gap = match (target_value, evaluation.actual) {
        (Some(target), Some(actual)) => {
            let comparator = target.effective_comparator(indicator.direction);
            let gap = match comparator {
                Comparator::Range { max } if actual > max => actual - max,
                _ => actual - target.value,
            };
            crate::chart_text::difference(language, round_for(gap, unit), unit)
        }
        _ => "—".to_owned(),
    };
    [actual, target, gap]
}

/// A target in words with its unit, as people say it: "từ 95 % trở lên", "dưới 10 %",
/// "không quá 600 trẻ em", "40–60 %" ("at least 95 %", "below 10 %" in English). Words
/// rather than ≥ and ≤, which read better from the back of a room (and which the embedded
/// font does not have).
#[must_use]
pub fn target_words(language: Language, target: &crate::model::Target, unit: &Unit) -> String {
    let with_unit = |number: String| match unit.scale {
        UnitScale::Percent => format!("{number} %"),
        _ if unit.text.trim().is_empty() => number,
        _ => format!("{number} {}", unit.text.trim()),
    };
    let value = with_unit(language.number(target.value, 3));
    let Some(comparator) = target.comparator else {
        return value;
    };
    match (language, comparator) {
        (_, Comparator::Range { max }) => with_unit(format!(
            "{}–{}",
            language.number(target.value, 3),
            language.number(max, 3)
        )),
        (_, Comparator::Equal) => value,
        (Language::Vi, Comparator::AtLeast) => format!("từ {value} trở lên"),
        (Language::Vi, Comparator::GreaterThan) => format!("trên {value}"),
        (Language::Vi, Comparator::AtMost) => format!("không quá {value}"),
        (Language::Vi, Comparator::LessThan) => format!("dưới {value}"),
        (Language::Vi, Comparator::Approximately) => format!("khoảng {value}"),
        (Language::En, Comparator::AtLeast) => format!("at least {value}"),
        (Language::En, Comparator::GreaterThan) => format!("above {value}"),
        (Language::En, Comparator::AtMost) => format!("at most {value}"),
        (Language::En, Comparator::LessThan) => format!("below {value}"),
        (Language::En, Comparator::Approximately) => format!("about {value}"),
    }
}

/// A gap rounded as its figures are written (one decimal for percentages and rates).
fn round_for(value: f64, unit: &Unit) -> f64 {
    match unit.scale {
        UnitScale::Percent | UnitScale::PerN(_) => (value * 10.0).round() / 10.0,
        UnitScale::Plain => (value * 1000.0).round() / 1000.0,
    }
}

/// A strategy's results for `period` (its final period when `None`), hidden indicators left out.
fn results(document: &Document, index: usize, period: Option<Period>) -> Results {
    let strategy = &document.strategies[index];
    let period = period
        .filter(|period| strategy.periods().contains(period))
        .or_else(|| strategy.final_period());
    let mut counts = [0; 4];
    let mut hidden_count = 0;
    if let Some(period) = period {
        for indicator in &strategy.indicators {
            if indicator.value(period).is_none() {
                continue;
            }
            if hidden(&document.presentation, strategy, indicator) {
                hidden_count += 1;
                continue;
            }
            let status = evaluate(indicator, period).status;
            if let Some(at) = Status::ALL.iter().position(|s| *s == status) {
                counts[at] += 1;
            }
        }
    }
    Results {
        strategy: index,
        code: strategy.code.clone(),
        name: strategy.name.clone(),
        span: strategy.span_text(),
        period,
        achieved: counts[0] + counts[1],
        total: counts.iter().sum(),
        counts,
        budget: strategy.budget.iter().map(BudgetSummary::from).collect(),
        hidden: hidden_count,
    }
}

/// The words of slides in one language.
#[derive(Debug)]
pub struct Words {
    /// "Results {period}" on a title slide.
    pub results_for: &'static str,
    /// "Source:" before the file name.
    pub source: &'static str,
    /// The headline slide's title: "Overall results {period}".
    pub headline_title: &'static str,
    /// After "12/14".
    pub achieved: &'static str,
    /// The budget heading.
    pub budget: &'static str,
    /// "of plan" after a budget percentage.
    pub of_plan: &'static str,
    /// Actual and planned, in the budget line.
    pub spent_planned: (&'static str, &'static str),
    /// No budget given.
    pub no_budget: &'static str,
    /// Goal, before its code.
    pub goal: &'static str,
    /// The slide of the indicators of no goal.
    pub other_indicators: &'static str,
    /// The slide of all indicators, when a strategy has no goals.
    pub all_indicators: &'static str,
    /// The not-met slide's title.
    pub not_met_title: &'static str,
    /// Shown when every indicator met its target.
    pub all_met: &'static str,
    /// Column heads of the not-met list: code, indicator, actual, target, gap.
    pub columns: [&'static str; 5],
    /// Short words before figures on goal slides: actual, target.
    pub actual_target: (&'static str, &'static str),
    /// The comparison slide's title.
    pub compare_title: &'static str,
    /// "{n} indicators hidden, not counted".
    pub hidden_note: &'static str,
    /// "{n} more not shown" under a cut list.
    pub more: &'static str,
    /// The period: "year".
    pub year: &'static str,
}

/// Slide words in Vietnamese.
pub static VI: Words = Words {
    results_for: "Kết quả thực hiện năm {period}",
    source: "Số liệu:",
    headline_title: "Kết quả chung năm {period}",
    achieved: "chỉ tiêu đạt và vượt",
    budget: "Kinh phí",
    of_plan: "kế hoạch",
    spent_planned: ("thực hiện", "kế hoạch"),
    no_budget: "Không có số liệu kinh phí",
    goal: "Mục tiêu",
    other_indicators: "Các chỉ tiêu khác",
    all_indicators: "Các chỉ tiêu",
    not_met_title: "Chỉ tiêu chưa đạt",
    all_met: "Tất cả chỉ tiêu đã đạt hoặc vượt kế hoạch.",
    columns: ["STT", "Chỉ tiêu", "Thực hiện", "Kế hoạch", "Chênh lệch"],
    actual_target: ("TH", "KH"),
    compare_title: "So sánh các chiến lược, đề án",
    hidden_note: "Không tính {n} chỉ tiêu ẩn",
    more: "… và {n} chỉ tiêu khác",
    year: "năm",
};

/// Slide words in English.
pub static EN: Words = Words {
    results_for: "Results for {period}",
    source: "Data:",
    headline_title: "Overall results {period}",
    achieved: "indicators met or exceeded",
    budget: "Budget",
    of_plan: "of plan",
    spent_planned: ("spent", "planned"),
    no_budget: "No budget figures",
    goal: "Goal",
    other_indicators: "Other indicators",
    all_indicators: "Indicators",
    not_met_title: "Indicators not met",
    all_met: "Every indicator met or exceeded its target.",
    columns: ["Code", "Indicator", "Actual", "Target", "Gap"],
    actual_target: ("Actual", "Target"),
    compare_title: "Strategies side by side",
    hidden_note: "{n} hidden indicators not counted",
    more: "… and {n} more",
    year: "year",
};

/// The slide words of `language`.
#[must_use]
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// A period for slides ("2020"); "—" when there is none.
fn period_text(language: Language, period: Option<Period>) -> String {
    period.map_or_else(|| "—".to_owned(), |period| language.period(period))
}

/// The slide's title as the presenter sees it in lists and on the slide.
#[must_use]
pub fn title(language: Language, slide: &Slide) -> String {
    let words = words(language);
    match &slide.content {
        Content::Title { results, .. } => results.name.clone(),
        Content::Headline(results) => words
            .headline_title
            .replace("{period}", &period_text(language, results.period)),
        Content::Goal {
            code, name, all, ..
        } => goal_title(language, code, name, *all),
        Content::NotMet { lines, .. } => format!("{} ({})", words.not_met_title, lines.len()),
        Content::Compare(_) => words.compare_title.to_owned(),
    }
}

/// "Mục tiêu I. …", or the slide of the indicators of no goal ("Các chỉ tiêu" when the strategy
/// has no goals at all).
fn goal_title(language: Language, code: &str, name: &str, all: bool) -> String {
    let words = words(language);
    if code.is_empty() {
        return if all {
            words.all_indicators
        } else {
            words.other_indicators
        }
        .to_owned();
    }
    let name = name.trim();
    let starts_with_code = name.starts_with(code);
    if name.is_empty() {
        format!("{} {code}", words.goal)
    } else if starts_with_code {
        name.to_owned()
    } else {
        format!("{} {code}. {name}", words.goal)
    }
}

/// The line above a slide's title: the strategy's code and the period judged.
#[must_use]
pub fn kicker(language: Language, slide: &Slide) -> String {
    let words = words(language);
    match &slide.content {
        Content::Title { results, .. } => results.code.clone(),
        Content::Headline(results)
        | Content::Goal { results, .. }
        | Content::NotMet { results, .. } => format!(
            "{} · {} {}",
            results.code,
            words.year,
            period_text(language, results.period)
        ),
        Content::Compare(columns) => columns
            .iter()
            .map(|results| format!("{} {}", results.code, period_text(language, results.period)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// The budget of a strategy in one line: "Kinh phí: 275 % kế hoạch".
#[must_use]
pub fn budget_headline(language: Language, budget: &BudgetSummary) -> String {
    let words = words(language);
    match budget.percent_of_plan {
        Some(percent) => format!(
            "{}: {} {}",
            words.budget,
            language.percent(percent),
            words.of_plan
        ),
        None => format!("{}: —", words.budget),
    }
}

/// The figures of a budget line: "thực hiện 96,245 / kế hoạch 35 tỷ đồng".
#[must_use]
pub fn budget_detail(language: Language, budget: &BudgetSummary) -> String {
    let words = words(language);
    let amount = |value: Option<f64>| {
        value.map_or_else(
            || "—".to_owned(),
            |v| crate::chart_text::number(language, v),
        )
    };
    format!(
        "{} {} / {} {} {}",
        words.spent_planned.0,
        amount(budget.actual),
        words.spent_planned.1,
        amount(budget.planned),
        budget.unit
    )
    .trim_end()
    .to_owned()
}

/// The note under counts that leave hidden indicators out; empty when none is hidden.
#[must_use]
pub fn hidden_note(language: Language, results: &Results) -> String {
    if results.hidden == 0 {
        String::new()
    } else {
        words(language)
            .hidden_note
            .replace("{n}", &results.hidden.to_string())
    }
}

/// Why a deck could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DeckError {
    /// A slide's SVG could not be read back (a bug: the SVG is written here).
    #[error("slide {slide}: the drawing could not be read ({message})")]
    Svg {
        /// 1-based slide number.
        slide: usize,
        /// The reader's reason.
        message: String,
    },
    /// The PNG could not be encoded.
    #[error("slide {slide}: the PNG could not be written ({message})")]
    Png {
        /// 1-based slide number.
        slide: usize,
        /// The encoder's reason.
        message: String,
    },
    /// The PDF could not be made.
    #[error("slide {slide}: the PDF page could not be made ({message})")]
    Pdf {
        /// 1-based slide number.
        slide: usize,
        /// The converter's reason.
        message: String,
    },
    /// There are no slides to export.
    #[error("there are no slides: open a strategy, or show some slides")]
    Empty,
    /// The file system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The system's reason.
        source: std::io::Error,
    },
}

/// A deck ready to draw: the slides, the document they show and the language.
#[derive(Clone, Copy, Debug)]
pub struct Deck<'a> {
    /// The slides, in order.
    pub slides: &'a [Slide],
    /// The document (for the figures of each line).
    pub document: &'a Document,
    /// The language of words and numbers.
    pub language: Language,
}

/// Slide `at` (0-based) of the deck as an SVG document on a [`WIDTH`] × [`HEIGHT`] canvas,
/// drawn `pixels` wide (its height follows).
#[must_use]
pub fn svg(deck: &Deck<'_>, at: usize, pixels: u32) -> String {
    let mut canvas = Canvas::new(pixels);
    if let Some(slide) = deck.slides.get(at) {
        canvas.slide(deck, slide, at, deck.slides.len());
    }
    canvas.finish()
}

/// The fonts slides are drawn with: the embedded Noto Sans.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut database = usvg::fontdb::Database::new();
    for data in [FONT_REGULAR, FONT_BOLD] {
        database.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
    }
    database.set_sans_serif_family(FONT_FAMILY);
    Arc::new(database)
});

/// Slide `at` of the deck as a PNG `pixels` wide (1920 for full HD; the height keeps 16:9).
pub fn png(deck: &Deck<'_>, at: usize, pixels: u32) -> Result<Vec<u8>, DeckError> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::clone(&FONTS),
        ..usvg::Options::default()
    };
    let svg_error = |message: String| DeckError::Svg {
        slide: at + 1,
        message,
    };
    let tree = usvg::Tree::from_str(&svg(deck, at, pixels), &options)
        .map_err(|error| svg_error(error.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| svg_error("empty image".to_owned()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|error| DeckError::Png {
        slide: at + 1,
        message: error.to_string(),
    })
}

/// The fonts of the PDF converter (its own copy of usvg): the embedded Noto Sans.
static PDF_FONTS: LazyLock<Arc<svg2pdf::usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut database = svg2pdf::usvg::fontdb::Database::new();
    for data in [FONT_REGULAR, FONT_BOLD] {
        database.load_font_source(svg2pdf::usvg::fontdb::Source::Binary(Arc::new(data)));
    }
    database.set_sans_serif_family(FONT_FAMILY);
    Arc::new(database)
});

/// The page of a PDF slide: 16:9 at 13.33 × 7.5 inches, the size of a presentation program's
/// wide slide, in points.
const PAGE: (f32, f32) = (960.0, 540.0);

/// The whole deck as a PDF, one slide a page, drawn as vectors with the text embedded (it can
/// be searched and copied).
pub fn pdf(deck: &Deck<'_>) -> Result<Vec<u8>, DeckError> {
    use pdf_writer::{Content as Stream, Finish, Name, Pdf, Rect, Ref, TextStr};
    if deck.slides.is_empty() {
        return Err(DeckError::Empty);
    }
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut pages = Vec::with_capacity(deck.slides.len());
    let options = svg2pdf::usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::clone(&PDF_FONTS),
        ..svg2pdf::usvg::Options::default()
    };
    for at in 0..deck.slides.len() {
        let failed = |message: String| DeckError::Pdf {
            slide: at + 1,
            message,
        };
        let tree = svg2pdf::usvg::Tree::from_str(&svg(deck, at, WIDTH as u32), &options)
            .map_err(|error| failed(error.to_string()))?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|error| failed(error.to_string()))?;
        let mut renumbered = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let root = *renumbered
            .get(&root)
            .ok_or_else(|| failed("the drawing has no root".to_owned()))?;
        let page = alloc.bump();
        let content = alloc.bump();
        let name = Name(b"S1");
        let mut stream = Stream::new();
        stream
            .transform([PAGE.0, 0.0, 0.0, PAGE.1, 0.0, 0.0])
            .x_object(name);
        pdf.stream(content, &stream.finish());
        let mut writer = pdf.page(page);
        writer
            .media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1))
            .parent(tree_ref)
            .contents(content);
        writer.resources().x_objects().pair(name, root);
        writer.finish();
        pdf.extend(&chunk);
        pages.push(page);
    }
    pdf.catalog(catalog).pages(tree_ref);
    let count = i32::try_from(pages.len()).unwrap_or(i32::MAX);
    pdf.pages(tree_ref).kids(pages).count(count);
    pdf.document_info(info)
        .producer(TextStr("chitieu"))
        .title(TextStr(&title(deck.language, &deck.slides[0])));
    Ok(pdf.finish())
}

/// Writes the deck as numbered PNGs `stem-01.png`, `stem-02.png` … into `folder`, `pixels`
/// wide. Returns the files written.
pub fn write_pngs(
    deck: &Deck<'_>,
    folder: &std::path::Path,
    stem: &str,
    pixels: u32,
) -> Result<Vec<std::path::PathBuf>, DeckError> {
    if deck.slides.is_empty() {
        return Err(DeckError::Empty);
    }
    let digits = deck.slides.len().to_string().len().max(2);
    let mut written = Vec::new();
    for at in 0..deck.slides.len() {
        let bytes = png(deck, at, pixels)?;
        let path = folder.join(format!("{stem}-{:0digits$}.png", at + 1));
        std::fs::write(&path, bytes).map_err(|source| DeckError::Io {
            path: path.display().to_string(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Outer margin of a slide.
const MARGIN: f64 = 96.0;
/// Size of the line above a title.
const KICKER: f64 = 30.0;
/// Size of a slide's title.
const TITLE: f64 = 56.0;
/// Size of body text.
const BODY: f64 = 34.0;
/// Size of small text (notes, footer).
const SMALL: f64 = 26.0;
/// Where the content starts below the title.
const CONTENT_TOP: f64 = 300.0;
/// Where the content ends above the footer.
const CONTENT_BOTTOM: f64 = 990.0;

/// An SVG slide being written.
struct Canvas {
    out: String,
    palette: &'static Palette,
}

/// How a text is set: size, weight, colour and where it is anchored.
#[derive(Clone, Copy)]
struct Font {
    size: f64,
    bold: bool,
    color: Rgb,
    anchor: &'static str,
}

impl Font {
    fn new(size: f64, color: Rgb) -> Self {
        Self {
            size,
            bold: false,
            color,
            anchor: "start",
        }
    }

    fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    fn middle(self) -> Self {
        Self {
            anchor: "middle",
            ..self
        }
    }

    fn end(self) -> Self {
        Self {
            anchor: "end",
            ..self
        }
    }
}

impl Canvas {
    fn new(pixels: u32) -> Self {
        let palette = Theme::Light.palette();
        let height = (f64::from(pixels) * HEIGHT / WIDTH).round();
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{pixels}" height="{}" viewBox="0 0 {} {}" font-family="{FONT_FAMILY}, sans-serif">"#,
            num(height),
            num(WIDTH),
            num(HEIGHT)
        );
        let _ = write!(
            out,
            r#"<rect width="{}" height="{}" fill="{}"/>"#,
            num(WIDTH),
            num(HEIGHT),
            palette.background.hex()
        );
        Self { out, palette }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    fn text(&mut self, x: f64, y: f64, text: &str, font: Font) {
        let weight = if font.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}"{weight} fill="{}" text-anchor="{}">{}</text>"#,
            num(x),
            num(y),
            num(font.size),
            font.color.hex(),
            font.anchor,
            escape(text)
        );
    }

    /// Writes `text` wrapped into at most `lines` lines of `width` from the baseline `y`;
    /// returns the baseline after the last line.
    fn paragraph(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        font: Font,
        width: f64,
        lines: usize,
    ) -> f64 {
        let mut baseline = y;
        for line in chart_export::wrap(text, font.size, font.bold, width, lines) {
            self.text(x, baseline, &line, font);
            baseline += font.size * 1.25;
        }
        baseline
    }

    fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: Rgb, radius: f64) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"/>"#,
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height.max(0.0)),
            num(radius),
            fill.hex()
        );
    }

    fn line(&mut self, from: (f64, f64), to: (f64, f64), color: Rgb, width: f64) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            color.hex(),
            num(width)
        );
    }

    /// The frame every slide shares: the kicker and title at the top, the slide number at the
    /// bottom right.
    fn frame(&mut self, language: Language, slide: &Slide, number: usize, total: usize) {
        let palette = self.palette;
        if !matches!(slide.content, Content::Title { .. }) {
            let kicker =
                chart_export::fit(&kicker(language, slide), KICKER, true, WIDTH - 2.0 * MARGIN);
            self.text(
                MARGIN,
                96.0,
                &kicker,
                Font::new(KICKER, palette.muted).bold(),
            );
            let lines = chart_export::wrap(
                &title(language, slide),
                TITLE,
                true,
                WIDTH - 2.0 * MARGIN,
                2,
            );
            let size = if lines.len() > 1 { TITLE * 0.8 } else { TITLE };
            let lines =
                chart_export::wrap(&title(language, slide), size, true, WIDTH - 2.0 * MARGIN, 2);
            let mut y = 96.0 + size * 1.45;
            for line in &lines {
                self.text(MARGIN, y, line, Font::new(size, palette.text).bold());
                y += size * 1.2;
            }
            self.line((MARGIN, 268.0), (WIDTH - MARGIN, 268.0), palette.grid, 2.0);
        }
        self.text(
            WIDTH - 48.0,
            HEIGHT - 36.0,
            &format!("{number} / {total}"),
            Font::new(SMALL, palette.muted).end(),
        );
    }

    fn slide(&mut self, deck: &Deck<'_>, slide: &Slide, at: usize, total: usize) {
        let language = deck.language;
        self.frame(language, slide, at + 1, total);
        match &slide.content {
            Content::Title {
                results,
                source_file,
            } => self.title_slide(language, results, source_file),
            Content::Headline(results) => self.headline_slide(language, results),
            Content::Goal { chart, lines, .. } => self.goal_slide(deck, chart, lines),
            Content::NotMet { lines, .. } => self.not_met_slide(deck, lines),
            Content::Compare(columns) => self.compare_slide(language, columns),
        }
    }

    fn title_slide(&mut self, language: Language, results: &Results, source_file: &str) {
        let palette = self.palette;
        let words = words(language);
        let center = WIDTH / 2.0;
        let width = WIDTH - 2.0 * MARGIN - 80.0;
        self.rect(0.0, 0.0, WIDTH, 24.0, palette.exceeded, 0.0);
        self.text(
            center,
            300.0,
            &results.code,
            Font::new(44.0, palette.muted).bold().middle(),
        );
        let lines = chart_export::wrap(&results.name, 68.0, true, width, 3);
        let mut y = 420.0;
        for line in &lines {
            self.text(
                center,
                y,
                line,
                Font::new(68.0, palette.text).bold().middle(),
            );
            y += 68.0 * 1.25;
        }
        y += 30.0;
        if let Some(span) = &results.span {
            self.text(center, y, span, Font::new(48.0, palette.text).middle());
            y += 80.0;
        }
        let period = words
            .results_for
            .replace("{period}", &period_text(language, results.period));
        self.text(
            center,
            y,
            &period,
            Font::new(40.0, palette.exceeded).bold().middle(),
        );
        if !source_file.is_empty() {
            let source = chart_export::fit(
                &format!("{} {source_file}", words.source),
                SMALL,
                false,
                width,
            );
            self.text(
                center,
                HEIGHT - 90.0,
                &source,
                Font::new(SMALL, palette.muted).middle(),
            );
        }
    }

    fn headline_slide(&mut self, language: Language, results: &Results) {
        let palette = self.palette;
        let words = words(language);
        // The big figure and what it counts.
        let figure = format!("{}/{}", results.achieved, results.total);
        let figure_size = 190.0;
        self.text(
            MARGIN,
            CONTENT_TOP + 170.0,
            &figure,
            Font::new(figure_size, palette.text).bold(),
        );
        let figure_width = chart_export::text_width(&figure, figure_size, true);
        let left = MARGIN + figure_width + 48.0;
        self.paragraph(
            left,
            CONTENT_TOP + 90.0,
            words.achieved,
            Font::new(52.0, palette.text),
            WIDTH - MARGIN - left,
            2,
        );
        // Counts per status, one box each.
        let top = CONTENT_TOP + 250.0;
        let gap = 32.0;
        let width = (WIDTH - 2.0 * MARGIN - 3.0 * gap) / 4.0;
        let height = 200.0;
        for (slot, status) in Status::ALL.iter().enumerate() {
            let x = MARGIN + slot as f64 * (width + gap);
            let fill = palette.status(*status);
            let ink = fill.text_on();
            self.rect(x, top, width, height, fill, 12.0);
            self.text(
                x + width / 2.0,
                top + 112.0,
                &results.count(*status).to_string(),
                Font::new(96.0, ink).bold().middle(),
            );
            let label = chart_export::fit(language.status(*status), 36.0, true, width - 24.0);
            self.text(
                x + width / 2.0,
                top + 170.0,
                &label,
                Font::new(36.0, ink).bold().middle(),
            );
        }
        // The budget.
        let mut y = top + height + 90.0;
        if results.budget.is_empty() {
            self.text(MARGIN, y, words.no_budget, Font::new(BODY, palette.muted));
        }
        for budget in results.budget.iter().take(2) {
            let head = budget_headline(language, budget);
            self.text(MARGIN, y, &head, Font::new(48.0, palette.text).bold());
            let head_width = chart_export::text_width(&head, 48.0, true);
            let detail = chart_export::fit(
                &format!("{} · {}", budget_detail(language, budget), budget.name),
                BODY,
                false,
                WIDTH - 2.0 * MARGIN - head_width - 40.0,
            );
            self.text(
                MARGIN + head_width + 40.0,
                y,
                &detail,
                Font::new(BODY, palette.muted),
            );
            y += 70.0;
        }
        let note = hidden_note(language, results);
        if !note.is_empty() {
            self.text(
                MARGIN,
                HEIGHT - 36.0,
                &note,
                Font::new(SMALL, palette.muted),
            );
        }
    }

    fn goal_slide(&mut self, deck: &Deck<'_>, chart: &AchievementChart, lines: &[Line]) {
        let language = deck.language;
        let palette = self.palette;
        let words = words(language);
        // The chart on the left, drawn by the chart exporter and placed as a nested SVG.
        let chart_width = 1060.0;
        let chart_height = CONTENT_BOTTOM - CONTENT_TOP;
        let options = ExportOptions {
            size: ExportSize {
                width: chart_width as u32,
                height: chart_height as u32,
                scale: 1.6,
            },
            theme: Theme::Light,
            language,
        };
        let mut chart = chart.clone();
        chart.name = String::new();
        let nested = chart_export::svg(&Chart::Achievement(chart), &options);
        let nested = nested.trim().replacen(
            "<svg ",
            &format!(
                r#"<svg x="{}" y="{}" "#,
                num(MARGIN - 24.0),
                num(CONTENT_TOP)
            ),
            1,
        );
        self.out.push_str(&nested);
        // The indicators on the right: status, code, name and figures.
        let left = MARGIN + chart_width + 8.0;
        let width = WIDTH - MARGIN - left;
        let shown = lines.len().min(7);
        let height = CONTENT_BOTTOM - CONTENT_TOP;
        let figures: Vec<String> = lines
            .iter()
            .take(shown)
            .map(|line| {
                let [actual, target, _] = line
                    .indicator(deck.document)
                    .map(|indicator| figures_text(language, indicator, line.period))
                    .unwrap_or_default();
                format!(
                    "{} {actual} · {} {target} · {}",
                    words.actual_target.0,
                    words.actual_target.1,
                    language.status(line.status)
                )
            })
            .collect();
        // The largest text at which every item fits: its name on up to two lines, its figures
        // on up to two.
        let layout = |size: f64, most: usize| -> (Vec<(usize, usize)>, f64) {
            let counts: Vec<(usize, usize)> = lines
                .iter()
                .zip(&figures)
                .map(|(line, figures)| {
                    let code_width = chart_export::text_width(&line.code, size, true);
                    let room = width - 30.0 - code_width - 14.0;
                    let name = chart_export::wrap(&line.name, size, false, room, most).len();
                    let figures =
                        chart_export::wrap(figures, size * 0.92, false, width - 30.0, most).len();
                    (name.max(1), figures.max(1))
                })
                .collect();
            let used = counts
                .iter()
                .map(|(name, figures)| size * 1.25 * (*name + *figures) as f64)
                .sum::<f64>();
            (counts, used)
        };
        let (size, most, counts) = [(28.0, 2), (26.0, 2), (24.0, 1), (21.0, 1)]
            .into_iter()
            .find_map(|(size, most)| {
                let (counts, used) = layout(size, most);
                (used + 16.0 * (shown as f64 - 1.0) <= height).then_some((size, most, counts))
            })
            .unwrap_or_else(|| (21.0, 1, layout(21.0, 1).0));
        let used: f64 = counts
            .iter()
            .map(|(name, figures)| size * 1.25 * (*name + *figures) as f64)
            .sum();
        let gap = ((height - used) / (shown.max(2) as f64 - 1.0)).clamp(16.0, 44.0);
        let mut y = CONTENT_TOP + size;
        for ((line, (name_count, figure_count)), figures) in
            lines.iter().take(shown).zip(counts).zip(&figures)
        {
            let color = palette.status(line.status);
            let item = size * 1.25 * (name_count + figure_count) as f64;
            self.rect(left, y - size, 12.0, item, color, 3.0);
            let x = left + 30.0;
            let code_width = chart_export::text_width(&line.code, size, true);
            self.text(x, y, &line.code, Font::new(size, palette.text).bold());
            let after = self.paragraph(
                x + code_width + 14.0,
                y,
                &line.name,
                Font::new(size, palette.text),
                width - 30.0 - code_width - 14.0,
                most,
            );
            self.paragraph(
                x,
                after,
                figures,
                Font::new(size * 0.92, status_ink(palette, line.status)),
                width - 30.0,
                most,
            );
            y += item + gap;
        }
        if lines.len() > shown {
            let more = words
                .more
                .replace("{n}", &(lines.len() - shown).to_string());
            self.text(
                left,
                CONTENT_BOTTOM + 10.0,
                &more,
                Font::new(SMALL, palette.muted),
            );
        }
    }

    fn not_met_slide(&mut self, deck: &Deck<'_>, lines: &[Line]) {
        let language = deck.language;
        let palette = self.palette;
        let words = words(language);
        if lines.is_empty() {
            self.text(
                MARGIN,
                CONTENT_TOP + 120.0,
                words.all_met,
                Font::new(48.0, palette.met).bold(),
            );
            return;
        }
        // Columns: code, indicator, actual, target, gap.
        let x = [MARGIN, MARGIN + 100.0, 880.0, 1210.0, 1480.0];
        let right = WIDTH - MARGIN;
        let head = Font::new(SMALL, palette.muted).bold();
        for (column, word) in words.columns.iter().enumerate() {
            self.text(x[column], CONTENT_TOP + 10.0, word, head);
        }
        let shown = lines.len().min(6);
        let room = (CONTENT_BOTTOM - CONTENT_TOP - 40.0) / shown as f64;
        let size = if room >= 120.0 { BODY } else { 28.0 };
        let name_lines = if room >= size * 2.9 { 2 } else { 1 };
        let row = room.min(size * 1.25 * name_lines as f64 + 56.0);
        let mut y = CONTENT_TOP + 40.0;
        for line in lines.iter().take(shown) {
            let Some(indicator) = line.indicator(deck.document) else {
                continue;
            };
            self.line((MARGIN, y), (right, y), palette.grid, 2.0);
            let baseline = y + size * 1.45;
            let [actual, target, gap] = figures_text(language, indicator, line.period);
            self.text(
                x[0],
                baseline,
                &line.code,
                Font::new(size, palette.text).bold(),
            );
            self.paragraph(
                x[1],
                baseline,
                &line.name,
                Font::new(size, palette.text),
                x[2] - x[1] - 36.0,
                name_lines,
            );
            // Figures wrap onto a second line rather than being cut; the target is in the
            // regular face, which has the comparator signs (≥, ≤).
            let cell = |column: usize| {
                x.get(column + 1).copied().unwrap_or(right + 20.0) - x[column] - 28.0
            };
            self.paragraph(
                x[2],
                baseline,
                &actual,
                Font::new(size, palette.text).bold(),
                cell(2),
                name_lines,
            );
            self.paragraph(
                x[3],
                baseline,
                &target,
                Font::new(size, palette.text),
                cell(3),
                name_lines,
            );
            self.paragraph(
                x[4],
                baseline,
                &gap,
                Font::new(size, status_ink(palette, Status::NotMet)).bold(),
                cell(4),
                name_lines,
            );
            y += row;
        }
        self.line((MARGIN, y), (right, y), palette.grid, 2.0);
        if lines.len() > shown {
            let more = words
                .more
                .replace("{n}", &(lines.len() - shown).to_string());
            self.text(
                MARGIN,
                CONTENT_BOTTOM + 20.0,
                &more,
                Font::new(SMALL, palette.muted),
            );
        }
    }

    fn compare_slide(&mut self, language: Language, columns: &[Results]) {
        let palette = self.palette;
        let words = words(language);
        let count = columns.len().max(1) as f64;
        let gap = 48.0;
        let width = (WIDTH - 2.0 * MARGIN - gap * (count - 1.0)) / count;
        for (slot, results) in columns.iter().enumerate() {
            let x = MARGIN + slot as f64 * (width + gap);
            self.rect(
                x,
                CONTENT_TOP - 10.0,
                width,
                CONTENT_BOTTOM - CONTENT_TOP + 10.0,
                palette.card,
                16.0,
            );
            let inner = x + 32.0;
            let inner_width = width - 64.0;
            let code = format!(
                "{} · {}",
                results.code,
                period_text(language, results.period)
            );
            self.text(
                inner,
                CONTENT_TOP + 50.0,
                &chart_export::fit(&code, 40.0, true, inner_width),
                Font::new(40.0, palette.text).bold(),
            );
            self.paragraph(
                inner,
                CONTENT_TOP + 100.0,
                &results.name,
                Font::new(SMALL, palette.muted),
                inner_width,
                2,
            );
            let figure = format!("{}/{}", results.achieved, results.total);
            self.text(
                inner,
                CONTENT_TOP + 250.0,
                &figure,
                Font::new(130.0, palette.text).bold(),
            );
            self.paragraph(
                inner,
                CONTENT_TOP + 305.0,
                words.achieved,
                Font::new(BODY, palette.text),
                inner_width,
                2,
            );
            // The counts as one bar split by status, with each count written below.
            let top = CONTENT_TOP + 370.0;
            let total = results.total.max(1) as f64;
            let mut left = inner;
            for status in Status::ALL {
                let share = results.count(status) as f64 / total * inner_width;
                if share > 0.0 {
                    self.rect(left, top, share, 56.0, palette.status(status), 0.0);
                    left += share;
                }
            }
            let mut y = top + 100.0;
            for pair in Status::ALL.chunks(2) {
                let mut item_x = inner;
                for status in pair {
                    self.rect(item_x, y - 24.0, 24.0, 24.0, palette.status(*status), 3.0);
                    let label = format!("{}: {}", language.status(*status), results.count(*status));
                    self.text(
                        item_x + 36.0,
                        y,
                        &chart_export::fit(&label, 30.0, false, inner_width / 2.0 - 48.0),
                        Font::new(30.0, palette.text),
                    );
                    item_x += inner_width / 2.0;
                }
                y += 48.0;
            }
            y += 30.0;
            for budget in results.budget.iter().take(1) {
                self.text(
                    inner,
                    y,
                    &chart_export::fit(&budget_headline(language, budget), 40.0, true, inner_width),
                    Font::new(40.0, palette.text).bold(),
                );
                y += 46.0;
                self.text(
                    inner,
                    y,
                    &chart_export::fit(&budget_detail(language, budget), SMALL, false, inner_width),
                    Font::new(SMALL, palette.muted),
                );
            }
            if results.budget.is_empty() {
                self.text(inner, y, words.no_budget, Font::new(SMALL, palette.muted));
            }
            let note = hidden_note(language, results);
            if !note.is_empty() {
                self.text(
                    inner,
                    CONTENT_BOTTOM - 20.0,
                    &note,
                    Font::new(SMALL * 0.9, palette.muted),
                );
            }
        }
    }
}

/// A status colour dark enough for text on white (met and exceeded are already).
#[must_use]
pub fn status_ink(palette: &Palette, status: Status) -> Rgb {
    match status {
        Status::NotMet => palette.not_met.mix(palette.text, 0.25),
        Status::NoData => palette.muted,
        other => palette.status(other),
    }
}
