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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
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
        .iter()
        .map(|row| {
            let indicator = &strategy.indicators[row.index];
            let value = indicator.value(row.evaluation.period);
            AchievementBar {
                index: row.index,
                code: row.code.clone(),
                name: row.name.clone(),
                achievement: row.evaluation.achievement,
                status: row.evaluation.status,
                rule: row.evaluation.rule,
                target_text: value
                    .and_then(|value| value.target.as_ref())
                    .map(|target| target.text.clone())
                    .unwrap_or_default(),
                actual_text: value
                    .and_then(|value| value.actual.as_ref())
                    .map(|actual| actual.text.clone())
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

/// One indicator for one period in its own unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bullet {
    /// Indicator code.
    pub code: String,
    /// Indicator name.
    pub name: String,
    /// The unit: a rate per N stays a rate, never a percentage.
    pub unit: Unit,
    /// The actual value in the unit.
    pub actual: Option<f64>,
    /// The target's value (a range's lower bound).
    pub target: f64,
    /// The comparator that applies (written, or implied by the direction).
    pub comparator: Comparator,
    /// The baseline value.
    pub baseline: Option<f64>,
    /// The good zone: values in `[low, high]` meet the target; either end may be infinite.
    pub good_zone: (f64, f64),
    /// A value axis from 0 (or below, for negative values) to a little above the largest value.
    pub axis: (f64, f64),
    /// The computed status.
    pub status: Status,
}

/// The bullet chart of an indicator for a period; `None` without a target.
#[must_use]
pub fn bullet(strategy: &Strategy, index: usize, period: Period) -> Option<Bullet> {
    let indicator = strategy.indicators.get(index)?;
    let target = indicator.value(period)?.target.as_ref()?;
    let comparator = target.effective_comparator(indicator.direction);
    let evaluation = evaluate(indicator, period);
    let good_zone = match comparator {
        Comparator::AtLeast | Comparator::GreaterThan => (target.value, f64::INFINITY),
        Comparator::AtMost | Comparator::LessThan => (f64::NEG_INFINITY, target.value),
        Comparator::Range { max } => (target.value, max),
        Comparator::Approximately => {
            let spread = crate::analysis::APPROX_TOLERANCE * target.value.abs();
            (target.value - spread, target.value + spread)
        }
        Comparator::Equal => (target.value, target.value),
    };
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
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        actual: evaluation.actual,
        target: target.value,
        comparator,
        baseline,
        good_zone,
        axis: (low * 1.1, if high > 0.0 { high * 1.1 } else { 1.0 }),
        status: evaluation.status,
    })
}

/// Targets and actual results of an indicator over its periods.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeSeries {
    /// Indicator code.
    pub code: String,
    /// Indicator name.
    pub name: String,
    /// Unit as written.
    pub unit: String,
    /// Whether the targets are running totals.
    pub cumulative: bool,
    /// (period, target value), ascending.
    pub targets: Vec<(Period, f64)>,
    /// (period, actual value), ascending.
    pub actuals: Vec<(Period, f64)>,
    /// (year, value) of the baseline, when its year is known.
    pub baseline: Option<(Period, f64)>,
    /// The last period with both target and actual, and actual − target there.
    pub last_gap: Option<(Period, f64)>,
}

/// The time series of an indicator.
#[must_use]
pub fn time_series(strategy: &Strategy, index: usize) -> Option<TimeSeries> {
    let indicator = strategy.indicators.get(index)?;
    let targets: Vec<(Period, f64)> = indicator
        .values
        .iter()
        .filter_map(|value| {
            value
                .target
                .as_ref()
                .map(|target| (value.period, target.value))
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
    let last_gap = actuals.iter().rev().find_map(|(period, actual)| {
        targets
            .iter()
            .find(|(target_period, _)| target_period == period)
            .map(|(_, target)| (*period, actual - target))
    });
    Some(TimeSeries {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.text.clone(),
        cumulative: indicator.cumulative,
        targets,
        actuals,
        baseline: indicator
            .baseline
            .as_ref()
            .and_then(|baseline| baseline.year.map(|year| (year, baseline.value))),
        last_gap,
    })
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

/// Planned against actual money of a strategy's budget lines.
#[must_use]
pub fn budget_bars(strategy: &Strategy) -> Vec<BudgetSummary> {
    strategy.budget.iter().map(BudgetSummary::from).collect()
}

#[cfg(test)]
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
        let (period, gap) = series.last_gap.unwrap();
        assert_eq!(period, 2020);
        assert!((gap + 2.4).abs() < 1e-9);
    }

    #[test]
    fn stack_counts() {
        let stack = status_stack(&strategy(), Some(2020));
        assert_eq!(stack.total, 2);
        assert_eq!(stack.counts[2], (Status::NotMet, 1));
    }
}
