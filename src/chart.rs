//! Chart data, extracted from the document apart from drawing it: the GUI draws these with
//! `egui_plot`, and exports can draw them elsewhere. No egui types here.
//!
//! - [`achievement_bars`]: one bar per indicator (achievement %), against the 100 % line.
//! - [`bullet`]: one indicator in its own unit: actual, target, baseline and the good zone the
//!   comparator defines (≥, ≤, range).
//! - [`time_series`]: targets and actual results per period, with the gap at the last period.
//! - [`status_stack`]: counts per status of a strategy for a period.
//! - [`budget_bars`]: planned against actual money, with the % of plan.

use serde::Serialize;

use crate::analysis::{AchievementRule, BudgetSummary, evaluate, summarize};
use crate::model::{Comparator, Period, Status, Strategy, Unit};

/// How achievement bars are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum BarOrder {
    /// As in the file (by code).
    #[default]
    Code,
    /// Lowest achievement first; bars with no data last.
    Achievement,
}

/// One indicator's bar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AchievementBar {
    /// Index of the indicator in the strategy.
    pub index: usize,
    /// Indicator code: the bar's label.
    pub code: String,
    /// Full name, for the tooltip.
    pub name: String,
    /// Achievement in per cent; `None` when there is no data.
    pub achievement: Option<f64>,
    /// The computed status: the bar's colour and text.
    pub status: Status,
    /// The formula used.
    pub rule: Option<AchievementRule>,
    /// The target as written.
    pub target_text: String,
    /// The actual result as written.
    pub actual_text: String,
    /// The actual value in the indicator's unit.
    pub actual: Option<f64>,
    /// The indicator's unit as written.
    pub unit: String,
}

/// Achievement bars of a strategy's indicators for `period` (the final period when `None`).
#[must_use]
pub fn achievement_bars(
    strategy: &Strategy,
    period: Option<Period>,
    order: BarOrder,
) -> Vec<AchievementBar> {
    let summary = summarize(strategy, period);
    let mut bars: Vec<AchievementBar> = summary
        .rows
        .into_iter()
        .map(|row| {
            let indicator = &strategy.indicators[row.index];
            let value = indicator.value(row.evaluation.period);
            AchievementBar {
                index: row.index,
                code: row.code,
                name: row.name,
                achievement: row.evaluation.achievement,
                status: row.evaluation.status,
                rule: row.evaluation.rule,
                target_text: value
                    .and_then(|value| value.target.as_ref())
                    .map(|target| target.text.to_string())
                    .unwrap_or_default(),
                actual_text: value
                    .and_then(|value| value.actual.as_ref())
                    .map(|actual| actual.text.to_string())
                    .unwrap_or_default(),
                actual: row.evaluation.actual,
                unit: indicator.unit.text.clone(),
            }
        })
        .collect();
    if order == BarOrder::Achievement {
        bars.sort_by(|a, b| match (a.achievement, b.achievement) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    bars
}

/// Achievement bars taller than this (in %) are drawn cut at it, with their true value written
/// above, so that one indicator at 312 % does not flatten the others.
pub const ACHIEVEMENT_CAP: f64 = 200.0;

/// The height a bar is drawn at, and whether it was cut at [`ACHIEVEMENT_CAP`].
#[must_use]
pub fn drawn_height(achievement: f64) -> (f64, bool) {
    if achievement > ACHIEVEMENT_CAP {
        (ACHIEVEMENT_CAP, true)
    } else {
        (achievement.max(0.0), false)
    }
}

/// The top of the achievement axis: room above the tallest drawn bar and the 100 % line.
#[must_use]
pub fn achievement_axis_top(bars: &[AchievementBar]) -> f64 {
    let tallest = bars
        .iter()
        .filter_map(|bar| bar.achievement)
        .map(|achievement| drawn_height(achievement).0)
        .fold(100.0, f64::max);
    tallest * 1.15
}

/// The achievement chart of one strategy: its bars and what they are of.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AchievementChart {
    /// Strategy code.
    pub strategy: String,
    /// Strategy name.
    pub name: String,
    /// The period judged.
    pub period: Option<Period>,
    /// How the bars are ordered.
    pub order: BarOrder,
    /// One bar per indicator with a value row for the period.
    pub bars: Vec<AchievementBar>,
    /// The breakdown the figures are of ("Phú Thượng · Nữ", see [`crate::breakdown`]); empty
    /// for the totals.
    pub breakdown: String,
}

impl AchievementChart {
    /// Whether a bar is taller than [`ACHIEVEMENT_CAP`] and drawn cut.
    #[must_use]
    pub fn any_cut(&self) -> bool {
        self.bars
            .iter()
            .filter_map(|bar| bar.achievement)
            .any(|achievement| drawn_height(achievement).1)
    }
}

/// The achievement chart of `strategy` for `period` (the final period when `None`).
#[must_use]
pub fn achievement_chart(
    strategy: &Strategy,
    period: Option<Period>,
    order: BarOrder,
) -> AchievementChart {
    AchievementChart {
        strategy: strategy.code.clone(),
        name: strategy.name.clone(),
        period: period.or_else(|| strategy.final_period()),
        order,
        bars: achievement_bars(strategy, period, order),
        breakdown: String::new(),
    }
}

/// One indicator for one period in its own unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bullet {
    /// Strategy code.
    pub strategy: String,
    /// Indicator code.
    pub code: String,
    /// Indicator name.
    pub name: String,
    /// The period.
    pub period: Period,
    /// The unit: a rate per N stays a rate, never a percentage.
    pub unit: Unit,
    /// The actual value in the unit.
    pub actual: Option<f64>,
    /// The actual result as written ("76/145").
    pub actual_text: String,
    /// The target's value (a range's lower bound).
    pub target: f64,
    /// The target as written ("không vượt quá 113").
    pub target_text: String,
    /// The comparator that applies (written, or implied by the direction).
    pub comparator: Comparator,
    /// The baseline value.
    pub baseline: Option<f64>,
    /// The year of the baseline, if known.
    pub baseline_year: Option<Period>,
    /// The good zone: values in `[low, high]` meet the target; either end may be infinite.
    pub good_zone: (f64, f64),
    /// A value axis from 0 (or below, for negative values) to a little above the largest value.
    pub axis: (f64, f64),
    /// The computed status.
    pub status: Status,
    /// Achievement in per cent, direction-aware.
    pub achievement: Option<f64>,
    /// The formula that gave the achievement.
    pub rule: Option<AchievementRule>,
    /// The breakdown the figures are of; empty for the totals.
    pub breakdown: String,
}

/// The bullet chart of an indicator for a period; `None` without a target.
#[must_use]
pub fn bullet(strategy: &Strategy, index: usize, period: Period) -> Option<Bullet> {
    let indicator = strategy.indicators.get(index)?;
    let value = indicator.value(period)?;
    let target = value.target.as_ref()?;
    let comparator = target.effective_comparator(indicator.direction);
    let evaluation = evaluate(indicator, period);
    let good_zone = good_zone(comparator, target.value);
    let baseline = indicator.baseline.as_ref().map(|baseline| baseline.value);
    let values = [
        Some(target.value),
        evaluation.actual,
        baseline,
        good_zone.1.is_finite().then_some(good_zone.1),
    ];
    let high = values.iter().flatten().copied().fold(0.0_f64, f64::max);
    let low = values.iter().flatten().copied().fold(0.0_f64, f64::min);
    Some(Bullet {
        strategy: strategy.code.clone(),
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        period,
        unit: indicator.unit.clone(),
        actual: evaluation.actual,
        actual_text: value
            .actual
            .as_ref()
            .map(|actual| actual.text.to_string())
            .unwrap_or_default(),
        target: target.value,
        target_text: target.text.to_string(),
        comparator,
        baseline,
        baseline_year: indicator
            .baseline
            .as_ref()
            .and_then(|baseline| baseline.year),
        good_zone,
        axis: (low * 1.1, if high > 0.0 { high * 1.1 } else { 1.0 }),
        status: evaluation.status,
        achievement: evaluation.achievement,
        rule: evaluation.rule,
        breakdown: String::new(),
    })
}

/// The values that meet a target written with `comparator`: `[low, high]`, either end possibly
/// infinite.
#[must_use]
pub fn good_zone(comparator: Comparator, target: f64) -> (f64, f64) {
    match comparator {
        Comparator::AtLeast | Comparator::GreaterThan => (target, f64::INFINITY),
        Comparator::AtMost | Comparator::LessThan => (f64::NEG_INFINITY, target),
        Comparator::Range { max } => (target, max),
        Comparator::Approximately => {
            let spread = crate::analysis::APPROX_TOLERANCE * target.abs();
            (target - spread, target + spread)
        }
        Comparator::Equal => (target, target),
    }
}

/// A target of one period in a time series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetPoint {
    /// The period.
    pub period: Period,
    /// The value (a range's lower bound).
    pub value: f64,
    /// A range's upper bound.
    pub max: Option<f64>,
    /// The comparator that applies.
    pub comparator: Comparator,
    /// The target as written.
    pub text: String,
}

/// The gap between the actual result and the target at one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// The period.
    pub period: Period,
    /// The actual value.
    pub actual: f64,
    /// The target value it is compared with (for a range, the nearer bound).
    pub target: f64,
    /// `actual − target`; 0 inside a range.
    pub gap: f64,
    /// The status at that period, when the values are those the target was set for (not the
    /// per-period increments of a running total).
    pub status: Option<Status>,
}

/// Targets and actual results of an indicator over its periods.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeSeries {
    /// Strategy code.
    pub strategy: String,
    /// Indicator code.
    pub code: String,
    /// Indicator name.
    pub name: String,
    /// The unit.
    pub unit: Unit,
    /// Whether the targets are running totals.
    pub cumulative: bool,
    /// Whether a running total is shown as the increments of each period instead.
    pub per_period: bool,
    /// Targets, ascending by period.
    pub targets: Vec<TargetPoint>,
    /// (period, actual value), ascending.
    pub actuals: Vec<(Period, f64)>,
    /// (year, value) of the baseline, when its year is known.
    pub baseline: Option<(Period, f64)>,
    /// The gap at the last period with both a target and an actual result.
    pub last_gap: Option<Gap>,
    /// The breakdown the figures are of; empty for the totals.
    pub breakdown: String,
}

/// The time series of an indicator, as written (running totals stay running totals).
#[must_use]
pub fn time_series(strategy: &Strategy, index: usize) -> Option<TimeSeries> {
    let indicator = strategy.indicators.get(index)?;
    let targets: Vec<TargetPoint> = indicator
        .values
        .iter()
        .filter_map(|value| {
            value.target.as_ref().map(|target| {
                let comparator = target.effective_comparator(indicator.direction);
                TargetPoint {
                    period: value.period,
                    value: target.value,
                    max: match comparator {
                        Comparator::Range { max } => Some(max),
                        _ => None,
                    },
                    comparator,
                    text: target.text.to_string(),
                }
            })
        })
        .collect();
    let actuals: Vec<(Period, f64)> = indicator
        .values
        .iter()
        .filter_map(|value| {
            value
                .actual
                .as_ref()
                .and_then(|actual| actual.value(&indicator.unit))
                .map(|actual| (value.period, actual))
        })
        .collect();
    let mut series = TimeSeries {
        strategy: strategy.code.clone(),
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        cumulative: indicator.cumulative,
        per_period: false,
        targets,
        actuals,
        baseline: indicator
            .baseline
            .as_ref()
            .and_then(|baseline| baseline.year.map(|year| (year, baseline.value))),
        last_gap: None,
        breakdown: String::new(),
    };
    series.last_gap = series.gap().map(|gap| Gap {
        status: Some(evaluate(indicator, gap.period).status),
        ..gap
    });
    Some(series)
}

impl TimeSeries {
    /// A running total shown as what each period added: each value minus the one of the
    /// period before. `None` when the targets are not running totals (percentages and rates
    /// are never summed, so they have no increments).
    #[must_use]
    pub fn per_period(&self) -> Option<Self> {
        if !self.cumulative {
            return None;
        }
        let mut targets = self.targets.clone();
        for at in (1..targets.len()).rev() {
            targets[at].value -= targets[at - 1].value;
            targets[at].text.clear();
        }
        let mut actuals = self.actuals.clone();
        for at in (1..actuals.len()).rev() {
            actuals[at].1 -= actuals[at - 1].1;
        }
        let mut series = Self {
            per_period: true,
            targets,
            actuals,
            baseline: None,
            last_gap: None,
            ..self.clone()
        };
        series.last_gap = series.gap();
        Some(series)
    }

    /// The gap at the last period with both a target and an actual result; no status.
    fn gap(&self) -> Option<Gap> {
        self.actuals.iter().rev().find_map(|(period, actual)| {
            let target = self
                .targets
                .iter()
                .find(|target| target.period == *period)?;
            let (bound, gap) = match target.max {
                Some(max) if *actual > max => (max, actual - max),
                Some(_) if *actual >= target.value => (target.value, 0.0),
                _ => (target.value, actual - target.value),
            };
            Some(Gap {
                period: *period,
                actual: *actual,
                target: bound,
                gap,
                status: None,
            })
        })
    }

    /// The first and last period drawn (the baseline's year included).
    #[must_use]
    pub fn period_span(&self) -> Option<(Period, Period)> {
        let periods = self
            .targets
            .iter()
            .map(|target| target.period)
            .chain(self.actuals.iter().map(|(period, _)| *period))
            .chain(self.baseline.map(|(year, _)| year));
        periods.fold(None, |span, period| match span {
            None => Some((period, period)),
            Some((low, high)) => Some((low.min(period), high.max(period))),
        })
    }

    /// The value axis: every value with a margin; it starts at 0 unless the values sit far
    /// from 0 (a sex ratio of 110 to 113 would be a flat line on an axis from 0).
    #[must_use]
    pub fn value_axis(&self) -> (f64, f64) {
        let values: Vec<f64> = self
            .targets
            .iter()
            .flat_map(|target| std::iter::once(target.value).chain(target.max))
            .chain(self.actuals.iter().map(|(_, value)| *value))
            .chain(self.baseline.map(|(_, value)| value))
            .filter(|value| value.is_finite())
            .collect();
        value_axis(&values)
    }
}

/// An axis that holds `values` with a margin: from 0 when the values are positive and 0 is
/// not far below them, else from a little below the lowest value.
#[must_use]
pub fn value_axis(values: &[f64]) -> (f64, f64) {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    let span = (high - low).max(high.abs().max(low.abs()) * 0.05).max(1e-9);
    let top = high + span * 0.15;
    let bottom = if low >= 0.0 && low <= high * 0.6 {
        0.0
    } else {
        low - span * 0.15
    };
    (bottom, top)
}

/// Round tick values between `low` and `high`: steps of 1, 2 or 5 times a power of ten, about
/// `count` of them.
#[must_use]
pub fn nice_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    if !(low.is_finite() && high.is_finite()) || high <= low {
        return vec![low];
    }
    let step = nice_step((high - low) / count.max(1) as f64);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(|n| {
            let value = n as f64 * step;
            // Keep 0.30000000000000004 from reaching a label.
            (value / step).round() * step
        })
        .collect()
}

/// Whole-number ticks from 0 to `high` for counts: a round step (1, 2, 5, 10 …) giving about six
/// of them.
#[must_use]
pub fn count_ticks(high: f64) -> Vec<f64> {
    let step = nice_step(high / 6.0).max(1.0);
    (0..=(high / step).floor().max(0.0) as u32)
        .map(|n| f64::from(n) * step)
        .collect()
}

/// The round step (1, 2 or 5 × 10ⁿ) nearest above `raw`.
#[must_use]
pub fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let power = 10_f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Counts per status of one strategy for one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusStack {
    /// Strategy code.
    pub strategy: String,
    /// The period.
    pub period: Option<Period>,
    /// (status, count) in [`Status::ALL`] order.
    pub counts: Vec<(Status, usize)>,
    /// Indicators counted.
    pub total: usize,
}

impl StatusStack {
    /// Indicators that met or exceeded their target.
    #[must_use]
    pub fn achieved(&self) -> usize {
        self.counts
            .iter()
            .filter(|(status, _)| status.is_achieved())
            .map(|(_, count)| count)
            .sum()
    }
}

/// The status stack of a strategy for `period` (the final period when `None`).
#[must_use]
pub fn status_stack(strategy: &Strategy, period: Option<Period>) -> StatusStack {
    let summary = summarize(strategy, period);
    StatusStack {
        strategy: strategy.code.clone(),
        period: summary.period,
        counts: Status::ALL
            .iter()
            .map(|status| (*status, summary.count(*status)))
            .collect(),
        total: summary.total,
    }
}

/// A strategy's milestones: the periods for which at least half of its indicators have a
/// target or an actual result (2015 and 2020 for a strategy reviewed at mid-term and at the
/// end; not the years in which only a few indicators were followed).
#[must_use]
pub fn milestones(strategy: &Strategy) -> Vec<Period> {
    let indicators = strategy.indicators.len();
    strategy
        .periods()
        .into_iter()
        .filter(|period| {
            let with_values = strategy
                .indicators
                .iter()
                .filter(|indicator| indicator.value(*period).is_some())
                .count();
            with_values * 2 >= indicators
        })
        .collect()
}

/// The status stacks of several strategies side by side: each for the period `period_of`
/// gives it, or, with `every_milestone`, one stack per [`milestones`] period.
#[must_use]
pub fn status_stacks<'a>(
    strategies: impl IntoIterator<Item = &'a Strategy>,
    period_of: impl Fn(&Strategy) -> Option<Period>,
    every_milestone: bool,
) -> Vec<StatusStack> {
    strategies
        .into_iter()
        .flat_map(|strategy| {
            if every_milestone {
                milestones(strategy)
                    .into_iter()
                    .map(|period| status_stack(strategy, Some(period)))
                    .collect::<Vec<_>>()
            } else {
                vec![status_stack(strategy, period_of(strategy))]
            }
        })
        .collect()
}

/// Planned against actual money of a strategy's budget lines.
#[must_use]
pub fn budget_bars(strategy: &Strategy) -> Vec<BudgetSummary> {
    strategy.budget.iter().map(BudgetSummary::from).collect()
}

/// One strategy's budget lines in the budget chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetGroup {
    /// Strategy code.
    pub strategy: String,
    /// Its budget lines; empty when the file has none.
    pub lines: Vec<BudgetSummary>,
}

/// Planned against actual money of several strategies side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetChart {
    /// The money unit every line shares ("tỷ đồng"); `None` when they differ, and then bars
    /// are drawn as % of plan (the plan at 100 %), never on one money axis.
    pub unit: Option<String>,
    /// One group per strategy.
    pub groups: Vec<BudgetGroup>,
}

impl BudgetChart {
    /// The height of a bar: the amount in the shared unit, or the % of plan.
    #[must_use]
    pub fn height(&self, line: &BudgetSummary, actual: bool) -> Option<f64> {
        let amount = if actual { line.actual } else { line.planned };
        if self.unit.is_some() {
            amount
        } else if actual {
            line.percent_of_plan
        } else {
            line.planned
                .filter(|planned| *planned != 0.0)
                .map(|_| 100.0)
        }
    }

    /// One slot per budget line, and one per strategy without any, left to right: (group,
    /// line, x). A slot is 1 wide; its planned bar sits left of `x`, its actual bar right.
    #[must_use]
    pub fn slots(&self) -> Vec<(usize, Option<usize>, f64)> {
        let mut slots = Vec::new();
        for (group_index, group) in self.groups.iter().enumerate() {
            if group.lines.is_empty() {
                slots.push((group_index, None, slots.len() as f64));
            }
            for line_index in 0..group.lines.len() {
                slots.push((group_index, Some(line_index), slots.len() as f64));
            }
        }
        slots
    }
}

/// The budget chart of `strategies`.
#[must_use]
pub fn budget_chart<'a>(strategies: impl IntoIterator<Item = &'a Strategy>) -> BudgetChart {
    let groups: Vec<BudgetGroup> = strategies
        .into_iter()
        .map(|strategy| BudgetGroup {
            strategy: strategy.code.clone(),
            lines: budget_bars(strategy),
        })
        .collect();
    let mut units = groups
        .iter()
        .flat_map(|group| group.lines.iter())
        .map(|line| crate::text::fold(&line.unit));
    let first = units.next();
    let unit = match first {
        Some(first) if units.all(|unit| unit == first) => groups
            .iter()
            .filter_map(|group| group.lines.first())
            .map(|line| line.unit.clone())
            .next(),
        None => Some(String::new()),
        Some(_) => None,
    };
    BudgetChart { unit, groups }
}

/// The kinds of chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum ChartKind {
    /// One bar per indicator: achievement against the 100 % line.
    #[default]
    Achievement,
    /// One indicator in its own unit: actual, target, baseline, good zone.
    Bullet,
    /// One indicator over the periods: targets, actual results, baseline, gap.
    TimeSeries,
    /// Counts per status, the strategies side by side.
    StatusSummary,
    /// Planned against actual money, the strategies side by side.
    Budget,
}

impl ChartKind {
    /// Every kind, in the order the app lists them.
    pub const ALL: [Self; 5] = [
        Self::Achievement,
        Self::Bullet,
        Self::TimeSeries,
        Self::StatusSummary,
        Self::Budget,
    ];

    /// Whether the chart is of one indicator (the user picks which).
    #[must_use]
    pub fn per_indicator(self) -> bool {
        matches!(self, Self::Bullet | Self::TimeSeries)
    }

    /// Whether the chart puts every open strategy side by side.
    #[must_use]
    pub fn compares_strategies(self) -> bool {
        matches!(self, Self::StatusSummary | Self::Budget)
    }

    /// A short English name for file names: "achievement", "time-series".
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Self::Achievement => "achievement",
            Self::Bullet => "bullet",
            Self::TimeSeries => "time-series",
            Self::StatusSummary => "status",
            Self::Budget => "budget",
        }
    }
}

/// The data of one chart of any kind, as the app draws it and the exports write it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Chart {
    /// Achievement bars of one strategy.
    Achievement(AchievementChart),
    /// One indicator's bullet.
    Bullet(Bullet),
    /// One indicator's time series.
    TimeSeries(TimeSeries),
    /// Status stacks side by side.
    StatusSummary(Vec<StatusStack>),
    /// Budgets side by side.
    Budget(BudgetChart),
}

impl Chart {
    /// The kind of the chart.
    #[must_use]
    pub fn kind(&self) -> ChartKind {
        match self {
            Self::Achievement(_) => ChartKind::Achievement,
            Self::Bullet(_) => ChartKind::Bullet,
            Self::TimeSeries(_) => ChartKind::TimeSeries,
            Self::StatusSummary(_) => ChartKind::StatusSummary,
            Self::Budget(_) => ChartKind::Budget,
        }
    }

    /// The chart with its figures said to be those of `breakdown` ("Phú Thượng · Nữ"): the
    /// charts of one strategy made from [`crate::breakdown::filtered`] carry it in their title
    /// and file name. The charts that compare strategies show totals and are returned as they
    /// are.
    #[must_use]
    pub fn with_breakdown(mut self, breakdown: &str) -> Self {
        match &mut self {
            Self::Achievement(chart) => breakdown.clone_into(&mut chart.breakdown),
            Self::Bullet(bullet) => breakdown.clone_into(&mut bullet.breakdown),
            Self::TimeSeries(series) => breakdown.clone_into(&mut series.breakdown),
            Self::StatusSummary(_) | Self::Budget(_) => {}
        }
        self
    }

    /// The breakdown the chart's figures are of; empty for totals.
    #[must_use]
    pub fn breakdown(&self) -> &str {
        match self {
            Self::Achievement(chart) => &chart.breakdown,
            Self::Bullet(bullet) => &bullet.breakdown,
            Self::TimeSeries(series) => &series.breakdown,
            Self::StatusSummary(_) | Self::Budget(_) => "",
        }
    }

    /// A file name without extension that says what the chart shows, made of lower-case ASCII
    /// letters, digits and dashes only: "bvcste-achievement-2020", "bdg-mt4-1-time-series".
    #[must_use]
    pub fn file_stem(&self) -> String {
        let parts: Vec<String> = match self {
            Self::Achievement(chart) => vec![
                chart.strategy.clone(),
                chart.breakdown.clone(),
                self.kind().slug().to_owned(),
                chart.period.map(|p| p.to_string()).unwrap_or_default(),
            ],
            Self::Bullet(bullet) => vec![
                bullet.strategy.clone(),
                bullet.code.clone(),
                bullet.breakdown.clone(),
                self.kind().slug().to_owned(),
                bullet.period.to_string(),
            ],
            Self::TimeSeries(series) => vec![
                series.strategy.clone(),
                series.code.clone(),
                series.breakdown.clone(),
                self.kind().slug().to_owned(),
            ],
            Self::StatusSummary(stacks) => {
                let mut parts: Vec<String> =
                    stacks.iter().map(|stack| stack.strategy.clone()).collect();
                parts.dedup();
                parts.push(self.kind().slug().to_owned());
                parts
            }
            Self::Budget(chart) => {
                let mut parts: Vec<String> = chart
                    .groups
                    .iter()
                    .map(|group| group.strategy.clone())
                    .collect();
                parts.push(self.kind().slug().to_owned());
                parts
            }
        };
        let stem = parts
            .iter()
            .filter(|part| !part.is_empty())
            .map(|part| {
                let folded = crate::text::fold(part);
                let mut clean = String::new();
                for c in folded.chars() {
                    if c.is_ascii_alphanumeric() {
                        clean.push(c);
                    } else if !clean.ends_with('-') {
                        clean.push('-');
                    }
                }
                clean.trim_matches('-').to_owned()
            })
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if stem.is_empty() {
            "chart".to_owned()
        } else {
            stem
        }
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "the values compared are exact: sums and differences of whole numbers, round steps"
)]
mod tests {
    use super::*;
    use crate::model::{Actual, Baseline, Direction, Indicator, Measure, Target};

    fn strategy() -> Strategy {
        let mut ratio = Indicator {
            code: "5".into(),
            unit: Unit::parse("%"),
            ..Indicator::default()
        };
        let value = ratio.value_mut(2020);
        value.target = Some(Target {
            value: 60.0,
            comparator: None,
            text: "60".into(),
            origin: None,
        });
        value.actual = Some(Actual {
            measure: Measure::Ratio {
                numerator: 76.0,
                denominator: 145.0,
            },
            estimate: false,
            text: "76/145".into(),
            origin: None,
        });
        let mut sex_ratio = Indicator {
            code: "MT4.1".into(),
            unit: Unit::parse("bé trai/100 bé gái"),
            direction: Direction::Decrease,
            baseline: Some(Baseline {
                value: 111.2,
                year: Some(2015),
                origin: None,
            }),
            ..Indicator::default()
        };
        let value = sex_ratio.value_mut(2020);
        value.target = Some(Target {
            value: 113.0,
            comparator: Some(Comparator::AtMost),
            text: "không vượt quá 113".into(),
            origin: None,
        });
        value.actual = Some(Actual {
            measure: Measure::Number(110.6),
            estimate: false,
            text: "110,6".into(),
            origin: None,
        });
        Strategy {
            code: "S".into(),
            indicators: vec![ratio, sex_ratio],
            ..Strategy::default()
        }
    }

    #[test]
    fn bars_are_direction_aware() {
        let bars = achievement_bars(&strategy(), None, BarOrder::Achievement);
        assert_eq!(bars[0].code, "5");
        let expected = 76.0 / 145.0 * 100.0 / 60.0 * 100.0;
        assert!((bars[0].achievement.unwrap() - expected).abs() < 1e-9);
        assert_eq!(bars[0].status, Status::NotMet);
        assert!(bars[1].status.is_achieved());
        assert_eq!(bars[1].unit, "bé trai/100 bé gái");
    }

    #[test]
    fn bullet_keeps_the_unit_and_shades_the_good_zone() {
        let bullet = bullet(&strategy(), 1, 2020).unwrap();
        assert_eq!(bullet.actual, Some(110.6));
        assert_eq!(bullet.good_zone, (f64::NEG_INFINITY, 113.0));
        assert!(!bullet.unit.is_percent());
        assert!(bullet.axis.1 > 113.0);
        assert!(bullet.status.is_achieved());
    }

    #[test]
    fn series_gap_at_the_last_period() {
        let series = time_series(&strategy(), 1).unwrap();
        assert_eq!(series.baseline, Some((2015, 111.2)));
        let gap = series.last_gap.clone().unwrap();
        assert_eq!(gap.period, 2020);
        assert!((gap.gap + 2.4).abs() < 1e-9);
        assert!(gap.status.unwrap().is_achieved());
        assert_eq!(series.period_span(), Some((2015, 2020)));
        // 110.6 to 113 on an axis from 0 would be a flat line.
        let (low, high) = series.value_axis();
        assert!(low > 100.0 && high > 113.0, "{low} {high}");
        assert!(series.per_period().is_none(), "a rate has no increments");
    }

    #[test]
    fn a_range_gap_is_zero_inside_and_to_the_nearer_bound_outside() {
        let mut strategy = strategy();
        let value = strategy.indicators[0].value_mut(2020);
        value.target = Some(Target {
            value: 40.0,
            comparator: Some(Comparator::Range { max: 60.0 }),
            text: "40-60".into(),
            origin: None,
        });
        value.actual = Some(Actual {
            measure: Measure::Number(47.0),
            estimate: false,
            text: "47".into(),
            origin: None,
        });
        let series = time_series(&strategy, 0).unwrap();
        assert_eq!(series.targets[0].max, Some(60.0));
        assert_eq!(series.last_gap.as_ref().unwrap().gap, 0.0);
        strategy.indicators[0]
            .value_mut(2020)
            .actual
            .as_mut()
            .unwrap()
            .measure = Measure::Number(65.0);
        let gap = time_series(&strategy, 0).unwrap().last_gap.unwrap();
        assert_eq!((gap.target, gap.gap), (60.0, 5.0));
        assert_eq!(gap.status, Some(Status::NotMet));
    }

    #[test]
    fn running_totals_split_into_increments() {
        let mut strategy = strategy();
        let indicator = &mut strategy.indicators[0];
        indicator.cumulative = true;
        indicator.unit = Unit::parse("lượt trẻ em");
        for (year, target, actual) in [(2016, 10_000.0, 12_800.0), (2017, 20_000.0, 26_100.0)] {
            let value = indicator.value_mut(year);
            value.target = Some(Target {
                value: target,
                comparator: None,
                text: compact_str::CompactString::default(),
                origin: None,
            });
            value.actual = Some(Actual {
                measure: Measure::Number(actual),
                estimate: false,
                text: compact_str::CompactString::default(),
                origin: None,
            });
        }
        indicator.values.retain(|value| value.period < 2020);
        let series = time_series(&strategy, 0).unwrap();
        let increments = series.per_period().unwrap();
        assert_eq!(increments.targets[1].value, 10_000.0);
        assert_eq!(increments.actuals[1].1, 13_300.0);
        let gap = increments.last_gap.unwrap();
        assert_eq!((gap.gap, gap.status), (3_300.0, None));
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_step(0.23), 0.5);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(count_ticks(16.1), [0.0, 5.0, 10.0, 15.0]);
        assert_eq!(count_ticks(3.0), [0.0, 1.0, 2.0, 3.0]);
        let ticks = nice_ticks(0.0, 0.9, 3);
        assert_eq!(ticks, [0.0, 0.5]);
        assert!(value_axis(&[110.6, 113.0]).0 > 100.0);
        assert_eq!(value_axis(&[10.0, 60.0]).0, 0.0);
    }

    #[test]
    fn file_stems_are_plain() {
        let chart = Chart::TimeSeries(time_series(&strategy(), 1).unwrap());
        assert_eq!(chart.file_stem(), "s-mt4-1-time-series");
        let chart = Chart::Achievement(achievement_chart(&strategy(), None, BarOrder::Code));
        assert_eq!(chart.file_stem(), "s-achievement-2020");
    }

    #[test]
    fn a_breakdown_chart_is_of_the_parts_figures() {
        use crate::breakdown::{Filter, filtered};
        use crate::model::{Breakdown, PeriodValue};
        let mut whole = strategy();
        let indicator = &mut whole.indicators[0];
        let part = |commune: &str, numerator: f64, denominator: f64| Breakdown {
            keys: vec![("Xã".into(), commune.into())],
            values: vec![PeriodValue {
                actual: Some(Actual {
                    measure: Measure::Ratio {
                        numerator,
                        denominator,
                    },
                    estimate: false,
                    text: format!("{numerator}/{denominator}").into(),
                    origin: None,
                }),
                ..indicator.values[0].clone()
            }],
        };
        indicator.breakdown = vec![part("A", 36.0, 45.0), part("B", 40.0, 100.0)];
        let mut filter = Filter::default();
        filter.choose("Xã", Some("A"));
        let shown = filtered(&whole, &filter);
        // Commune A: 36/45 = 80 % of a 60 % target; the total (76/145) is not met.
        let chart = Chart::Achievement(achievement_chart(&shown, Some(2020), BarOrder::Code))
            .with_breakdown(&filter.label());
        let Chart::Achievement(bars) = &chart else {
            panic!("{chart:?}");
        };
        assert!((bars.bars[0].achievement.unwrap() - 80.0 / 60.0 * 100.0).abs() < 1e-9);
        assert_eq!(bars.bars[0].status, Status::Exceeded);
        assert_eq!(bars.bars[0].actual_text, "36/45");
        // The indicator without a breakdown has no bar under the filter.
        assert_eq!(bars.bars.len(), 1);
        assert_eq!(chart.breakdown(), "A");
        assert_eq!(chart.file_stem(), "s-a-achievement-2020");
        let series = time_series(&shown, 0).unwrap();
        assert_eq!(series.actuals, [(2020, 80.0)]);
        let total = time_series(&whole, 0).unwrap();
        assert!((total.actuals[0].1 - 76.0 / 145.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn stack_counts() {
        let stack = status_stack(&strategy(), Some(2020));
        assert_eq!(stack.total, 2);
        assert_eq!(stack.counts[2], (Status::NotMet, 1));
        assert_eq!(stack.achieved(), 1);
        assert_eq!(milestones(&strategy()), [2020]);
        let both = status_stacks([&strategy(), &strategy()], |_| Some(2020), false);
        assert_eq!(both.len(), 2);
    }

    #[test]
    fn budget_units_decide_the_axis() {
        let mut a = strategy();
        a.budget.push(crate::model::BudgetLine {
            name: "Kinh phí".into(),
            unit: "tỷ đồng".into(),
            planned: Some(35.0),
            actual: Some(96.245),
            ..crate::model::BudgetLine::default()
        });
        let b = strategy();
        let chart = budget_chart([&a, &b]);
        assert_eq!(chart.unit.as_deref(), Some("tỷ đồng"));
        assert_eq!(chart.slots(), [(0, Some(0), 0.0), (1, None, 1.0)]);
        let line = &chart.groups[0].lines[0];
        assert_eq!(chart.height(line, true), Some(96.245));
        let mut c = strategy();
        c.budget.push(crate::model::BudgetLine {
            unit: "triệu đồng".into(),
            planned: Some(200.0),
            actual: Some(150.0),
            ..crate::model::BudgetLine::default()
        });
        let mixed = budget_chart([&a, &c]);
        assert_eq!(mixed.unit, None);
        assert_eq!(mixed.height(&mixed.groups[1].lines[0], false), Some(100.0));
        assert_eq!(mixed.height(&mixed.groups[1].lines[0], true), Some(75.0));
    }
}
