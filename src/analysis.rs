//! Achievement and status of each indicator, and the per-strategy summary for a period.
//!
//! The rules are those of `DESIGN.md` ("Domain rules"):
//! - achievement, increase: actual / target; decrease with a baseline:
//!   (baseline − actual) / (baseline − target); decrease without one: target / actual;
//!   range: 100 % inside, else the nearer bound over the actual (or the actual over it);
//! - status: the comparator met exactly → met; strictly beyond it in the good direction →
//!   exceeded; the wrong side → not met; missing target or actual → no data;
//! - percentages and rates are never summed or averaged.

use serde::Serialize;

use crate::model::{
    Assessment, BudgetLine, Comparator, Direction, Indicator, Period, Status, Strategy,
};

/// How close an actual result must be to an "≈" (khoảng) target to meet it: 5 % of the target.
pub const APPROX_TOLERANCE: f64 = 0.05;

/// Which formula gave an achievement; shown in tooltips and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum AchievementRule {
    /// actual / target.
    ActualOverTarget,
    /// (baseline − actual) / (baseline − target): progress from the baseline to the target.
    ProgressFromBaseline,
    /// target / actual: lower is better, no baseline.
    TargetOverActual,
    /// Inside the range is 100 %; outside, the distance to the nearer bound.
    Range,
}

impl AchievementRule {
    /// The rule as a formula in English.
    #[must_use]
    pub fn formula(self) -> &'static str {
        match self {
            Self::ActualOverTarget => "actual / target",
            Self::ProgressFromBaseline => "(baseline − actual) / (baseline − target)",
            Self::TargetOverActual => "target / actual (lower is better, no baseline)",
            Self::Range => "inside the range = 100 %; outside: nearer bound vs actual",
        }
    }

    /// The rule as a formula in Vietnamese.
    #[must_use]
    pub fn formula_vi(self) -> &'static str {
        match self {
            Self::ActualOverTarget => "thực hiện / kế hoạch",
            Self::ProgressFromBaseline => "(cơ sở − thực hiện) / (cơ sở − kế hoạch)",
            Self::TargetOverActual => {
                "kế hoạch / thực hiện (càng thấp càng tốt, không có số cơ sở)"
            }
            Self::Range => "trong khoảng = 100 %; ngoài khoảng: so với cận gần nhất",
        }
    }
}

/// An indicator judged for one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// The period judged.
    pub period: Period,
    /// The actual value in the indicator's unit (a ratio x/y already turned into it).
    pub actual: Option<f64>,
    /// Achievement in per cent (100 = target reached), if it can be computed.
    pub achievement: Option<f64>,
    /// The formula used for [`Self::achievement`].
    pub rule: Option<AchievementRule>,
    /// The computed status.
    pub status: Status,
    /// The status the file's assessment states, if any.
    pub manual: Option<Status>,
    /// Whether the file's assessment states a different status from the computed one.
    pub disagrees: bool,
}

/// Whether `a` equals `b` up to rounding noise.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Judges one indicator for one period.
///
/// ```
/// use chitieu::analysis::evaluate;
/// use chitieu::model::{Indicator, Status, Unit};
/// # use chitieu::model::{Actual, Measure, PeriodValue, Target, Comparator};
/// let mut indicator = Indicator { unit: Unit::parse("%"), ..Indicator::default() };
/// let value = indicator.value_mut(2020);
/// value.target = Some(Target { value: 60.0, comparator: None, text: "60".into(), origin: None });
/// value.actual = Some(Actual {
///     measure: Measure::Ratio { numerator: 76.0, denominator: 145.0 },
///     estimate: false, text: "76/145".into(), origin: None,
/// });
/// let evaluation = evaluate(&indicator, 2020);
/// assert_eq!(evaluation.status, Status::NotMet);
/// assert!((evaluation.achievement.unwrap() - 87.356).abs() < 0.001);
/// ```
#[must_use]
pub fn evaluate(indicator: &Indicator, period: Period) -> Evaluation {
    evaluate_value(indicator, indicator.value(period), period)
}

/// Judges one breakdown (a commune, a sex …) of an indicator for one period, by the same rules
/// and against the breakdown's own target. `None` when there is no breakdown at `index`.
#[must_use]
pub fn evaluate_breakdown(
    indicator: &Indicator,
    index: usize,
    period: Period,
) -> Option<Evaluation> {
    let breakdown = indicator.breakdown.get(index)?;
    let value = breakdown.values.iter().find(|value| value.period == period);
    Some(evaluate_value(indicator, value, period))
}

/// Judges `value` (the indicator's own or a breakdown's) with the indicator's unit, direction
/// and baseline.
#[must_use]
pub fn evaluate_value(
    indicator: &Indicator,
    value: Option<&crate::model::PeriodValue>,
    period: Period,
) -> Evaluation {
    let manual = value
        .and_then(|value| value.assessment.as_deref())
        .and_then(|assessment: &Assessment| assessment.status);
    let mut evaluation = Evaluation {
        period,
        actual: None,
        achievement: None,
        rule: None,
        status: Status::NoData,
        manual,
        disagrees: false,
    };
    let Some(value) = value else {
        evaluation.disagrees = manual.is_some_and(|manual| manual != Status::NoData);
        return evaluation;
    };
    evaluation.actual = value
        .actual
        .as_ref()
        .and_then(|actual| actual.value(&indicator.unit));
    let (Some(target), Some(actual)) = (&value.target, evaluation.actual) else {
        evaluation.disagrees = manual.is_some_and(|manual| manual != Status::NoData);
        return evaluation;
    };
    let comparator = target.effective_comparator(indicator.direction);
    evaluation.status = status(comparator, target.value, actual, indicator.direction);
    let (achievement, rule) = achievement(indicator, comparator, target.value, actual);
    evaluation.achievement = achievement;
    evaluation.rule = Some(rule);
    evaluation.disagrees = manual.is_some_and(|manual| manual != evaluation.status);
    evaluation
}

/// Status of `actual` against `target` written with `comparator`.
#[must_use]
pub fn status(comparator: Comparator, target: f64, actual: f64, direction: Direction) -> Status {
    let beyond = |good: bool| {
        if good {
            if same(actual, target) {
                Status::Met
            } else {
                Status::Exceeded
            }
        } else {
            Status::NotMet
        }
    };
    match comparator {
        Comparator::AtLeast => beyond(actual >= target || same(actual, target)),
        Comparator::AtMost => beyond(actual <= target || same(actual, target)),
        Comparator::GreaterThan => {
            if actual > target && !same(actual, target) {
                Status::Exceeded
            } else {
                Status::NotMet
            }
        }
        Comparator::LessThan => {
            if actual < target && !same(actual, target) {
                Status::Exceeded
            } else {
                Status::NotMet
            }
        }
        Comparator::Range { max } => {
            let inside =
                (actual >= target || same(actual, target)) && (actual <= max || same(actual, max));
            if inside { Status::Met } else { Status::NotMet }
        }
        Comparator::Approximately => {
            if (actual - target).abs() <= APPROX_TOLERANCE * target.abs() {
                Status::Met
            } else {
                Status::NotMet
            }
        }
        Comparator::Equal => match direction {
            Direction::Increase => status(Comparator::AtLeast, target, actual, direction),
            Direction::Decrease => status(Comparator::AtMost, target, actual, direction),
            Direction::Range => {
                if same(actual, target) {
                    Status::Met
                } else {
                    Status::NotMet
                }
            }
        },
    }
}

/// Achievement in per cent and the rule that gave it.
fn achievement(
    indicator: &Indicator,
    comparator: Comparator,
    target: f64,
    actual: f64,
) -> (Option<f64>, AchievementRule) {
    let ratio = |numerator: f64, denominator: f64| {
        (denominator != 0.0 && (numerator / denominator).is_finite())
            .then(|| numerator / denominator * 100.0)
    };
    if let Comparator::Range { max } = comparator {
        let percent = if actual < target {
            ratio(actual, target)
        } else if actual > max {
            ratio(max, actual)
        } else {
            Some(100.0)
        };
        return (percent, AchievementRule::Range);
    }
    let lower_is_better = match comparator {
        Comparator::AtMost | Comparator::LessThan => true,
        Comparator::AtLeast | Comparator::GreaterThan => false,
        _ => indicator.direction == Direction::Decrease,
    };
    if !lower_is_better {
        return (ratio(actual, target), AchievementRule::ActualOverTarget);
    }
    match &indicator.baseline {
        Some(baseline) if !same(baseline.value, target) && baseline.value > target => (
            ratio(baseline.value - actual, baseline.value - target),
            AchievementRule::ProgressFromBaseline,
        ),
        _ => (ratio(target, actual), AchievementRule::TargetOverActual),
    }
}

/// How totals were made from a breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Aggregation {
    /// Counts and amounts: the sum.
    Sum,
    /// Ratios x/y: the sum of numerators over the sum of denominators.
    RatioOfSums,
    /// One target shared by every part (a rate or percentage to reach everywhere).
    SharedTarget,
}

/// Totals of a breakdown for one period, by the rules of `DESIGN.md`: counts and amounts add
/// up; ratios x/y add numerators and denominators (0/0 is no data); percentages and rates
/// given as plain numbers are never summed or averaged, so they have no total; a target is
/// summed for counts, and kept for percentages and rates only when every part shares it.
///
/// Returns the total target value and the total actual measure, each with how it was made.
#[must_use]
pub fn aggregate(indicator: &Indicator, period: Period) -> Totals {
    let values: Vec<&crate::model::PeriodValue> = indicator
        .breakdown
        .iter()
        .filter_map(|part| part.values.iter().find(|value| value.period == period))
        .collect();
    aggregate_values(indicator, &values)
}

/// Totals of some parts' values for one period (one value per part), by the rules of
/// [`aggregate`] with the indicator's unit: used for the parts a breakdown filter keeps (every
/// sex of one commune, every commune of one sex).
#[must_use]
pub fn aggregate_values(indicator: &Indicator, values: &[&crate::model::PeriodValue]) -> Totals {
    use crate::model::{Measure, UnitScale};
    let countable = indicator.unit.scale == UnitScale::Plain;
    let targets: Vec<f64> = values
        .iter()
        .filter_map(|value| value.target.as_ref().map(|target| target.value))
        .collect();
    let target = if targets.is_empty() || targets.len() != values.len() {
        None
    } else if countable {
        Some((targets.iter().sum(), Aggregation::Sum))
    } else if targets.iter().all(|target| same(*target, targets[0])) {
        Some((targets[0], Aggregation::SharedTarget))
    } else {
        None
    };
    let measures: Vec<Measure> = values
        .iter()
        .filter_map(|value| value.actual.as_ref().map(|actual| actual.measure))
        .collect();
    let actual = if measures.is_empty() {
        None
    } else if measures
        .iter()
        .all(|measure| matches!(measure, Measure::Ratio { .. }))
    {
        let (numerator, denominator) =
            measures
                .iter()
                .fold((0.0, 0.0), |(n, d), measure| match measure {
                    Measure::Ratio {
                        numerator,
                        denominator,
                    } => (n + numerator, d + denominator),
                    Measure::Number(_) => (n, d),
                });
        Some((
            Measure::Ratio {
                numerator,
                denominator,
            },
            Aggregation::RatioOfSums,
        ))
    } else if countable
        && measures
            .iter()
            .all(|measure| matches!(measure, Measure::Number(_)))
    {
        let sum = measures
            .iter()
            .map(|measure| match measure {
                Measure::Number(value) => *value,
                Measure::Ratio { .. } => 0.0,
            })
            .sum();
        Some((Measure::Number(sum), Aggregation::Sum))
    } else {
        None
    };
    Totals { target, actual }
}

/// Totals of a breakdown ([`aggregate`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// The total target's value and how it was made; `None` when the parts' targets give none.
    pub target: Option<(f64, Aggregation)>,
    /// The total actual result and how it was made; `None` when it cannot be made (percentages
    /// and rates given as plain numbers).
    pub actual: Option<(crate::model::Measure, Aggregation)>,
}

/// One indicator's line in a summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryRow {
    /// Index of the indicator in [`Strategy::indicators`].
    pub index: usize,
    /// Indicator code.
    pub code: String,
    /// Indicator name.
    pub name: String,
    /// The judgement.
    pub evaluation: Evaluation,
}

/// A budget line with its share of plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetSummary {
    /// Name as written.
    pub name: String,
    /// Unit as written.
    pub unit: String,
    /// Planned amount.
    pub planned: Option<f64>,
    /// Amount spent.
    pub actual: Option<f64>,
    /// Actual as per cent of plan.
    pub percent_of_plan: Option<f64>,
}

impl From<&BudgetLine> for BudgetSummary {
    fn from(line: &BudgetLine) -> Self {
        Self {
            name: line.name.clone(),
            unit: line.unit.clone(),
            planned: line.planned,
            actual: line.actual,
            percent_of_plan: line.percent_of_plan(),
        }
    }
}

/// The headline of a strategy for one period: "12/14 met or exceeded", counts per status, the
/// not-met list and the budget as per cent of plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Strategy code.
    pub strategy: String,
    /// Strategy name.
    pub name: String,
    /// The period summarised.
    pub period: Option<Period>,
    /// Indicators with a value row for the period.
    pub total: usize,
    /// Exceeded, met, not met, no data, in [`Status::ALL`] order.
    pub counts: [usize; 4],
    /// Rows of the indicators summarised, in file order.
    pub rows: Vec<SummaryRow>,
    /// Budget lines.
    pub budget: Vec<BudgetSummary>,
}

impl Summary {
    /// Indicators that met or exceeded their target.
    #[must_use]
    pub fn achieved(&self) -> usize {
        self.count(Status::Exceeded) + self.count(Status::Met)
    }

    /// How many indicators have this status.
    #[must_use]
    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|candidate| *candidate == status)
            .map_or(0, |at| self.counts[at])
    }

    /// The rows with status not met.
    pub fn not_met(&self) -> impl Iterator<Item = &SummaryRow> {
        self.rows
            .iter()
            .filter(|row| row.evaluation.status == Status::NotMet)
    }

    /// The rows whose file assessment disagrees with the computed status.
    pub fn disagreements(&self) -> impl Iterator<Item = &SummaryRow> {
        self.rows.iter().filter(|row| row.evaluation.disagrees)
    }
}

/// Summarises a strategy for `period`, or for its final period when `None`. The indicators
/// counted are those with a value row (target, actual or assessment) for that period.
#[must_use]
pub fn summarize(strategy: &Strategy, period: Option<Period>) -> Summary {
    summarize_rows(strategy, period, true)
}

/// The headline of [`summarize`] (period, counts per status, total, budget) without its rows,
/// so no indicator's code or name is copied: what a headline shows, cheap enough for every
/// frame of a strategy with thousands of indicators.
#[must_use]
pub fn headline(strategy: &Strategy, period: Option<Period>) -> Summary {
    summarize_rows(strategy, period, false)
}

/// [`summarize`], with its rows when `rows` is true.
fn summarize_rows(strategy: &Strategy, period: Option<Period>, with_rows: bool) -> Summary {
    let period = period.or_else(|| strategy.final_period());
    let mut counts = [0; 4];
    let mut total = 0;
    let mut rows = Vec::new();
    if let Some(period) = period {
        for (index, indicator) in strategy.indicators.iter().enumerate() {
            if indicator.value(period).is_none() {
                continue;
            }
            let evaluation = evaluate(indicator, period);
            if let Some(at) = Status::ALL.iter().position(|s| *s == evaluation.status) {
                counts[at] += 1;
            }
            total += 1;
            if !with_rows {
                continue;
            }
            rows.push(SummaryRow {
                index,
                code: indicator.code.clone(),
                name: indicator.name.clone(),
                evaluation,
            });
        }
    }
    Summary {
        strategy: strategy.code.clone(),
        name: strategy.name.clone(),
        period,
        total,
        counts,
        rows,
        budget: strategy.budget.iter().map(BudgetSummary::from).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Baseline, Measure, Target, Unit};

    fn indicator(
        direction: Direction,
        baseline: Option<f64>,
        target: &str,
        actual: f64,
    ) -> Indicator {
        let mut indicator = Indicator {
            code: "x".into(),
            unit: Unit::parse("%"),
            direction,
            baseline: baseline.map(|value| Baseline {
                value,
                year: Some(2015),
                origin: None,
            }),
            ..Indicator::default()
        };
        let parsed =
            crate::parse::parse_target(target, crate::parse::NumberFormat::DecimalComma).unwrap();
        let value = indicator.value_mut(2020);
        value.target = Some(Target {
            value: parsed.value,
            comparator: parsed.comparator,
            text: target.into(),
            origin: None,
        });
        value.actual = Some(Actual {
            measure: Measure::Number(actual),
            estimate: false,
            text: actual.to_string().into(),
            origin: None,
        });
        indicator
    }

    fn judge(direction: Direction, target: &str, actual: f64) -> Status {
        evaluate(&indicator(direction, None, target, actual), 2020).status
    }

    #[test]
    fn statuses_follow_the_comparator() {
        use Direction::*;
        assert_eq!(judge(Increase, "100", 100.0), Status::Met);
        assert_eq!(judge(Increase, "95", 99.2), Status::Exceeded);
        assert_eq!(judge(Increase, "95", 89.6), Status::NotMet);
        assert_eq!(judge(Decrease, "dưới 10", 8.9), Status::Exceeded);
        assert_eq!(judge(Decrease, "dưới 10", 10.0), Status::NotMet);
        assert_eq!(judge(Decrease, "không vượt quá 113", 113.0), Status::Met);
        assert_eq!(
            judge(Decrease, "không vượt quá 113", 110.6),
            Status::Exceeded
        );
        assert_eq!(judge(Increase, "trên 35%", 35.0), Status::NotMet);
        assert_eq!(judge(Range, "40-60", 47.0), Status::Met);
        assert_eq!(judge(Range, "40-60", 61.0), Status::NotMet);
        assert_eq!(judge(Increase, "khoảng 50", 52.0), Status::Met);
        assert_eq!(judge(Increase, "khoảng 50", 56.0), Status::NotMet);
    }

    #[test]
    fn achievement_rules() {
        let up = evaluate(&indicator(Direction::Increase, None, "95", 89.6), 2020);
        assert!((up.achievement.unwrap() - 94.315).abs() < 0.001);
        assert_eq!(up.rule, Some(AchievementRule::ActualOverTarget));
        let down = evaluate(
            &indicator(Direction::Decrease, Some(11.2), "dưới 10", 8.9),
            2020,
        );
        assert!((down.achievement.unwrap() - 191.667).abs() < 0.001);
        assert_eq!(down.rule, Some(AchievementRule::ProgressFromBaseline));
        let no_base = evaluate(
            &indicator(Direction::Decrease, None, "không vượt quá 113", 110.6),
            2020,
        );
        assert!((no_base.achievement.unwrap() - 102.170).abs() < 0.001);
        assert_eq!(no_base.rule, Some(AchievementRule::TargetOverActual));
        let range = evaluate(&indicator(Direction::Range, None, "40-60", 30.0), 2020);
        assert!((range.achievement.unwrap() - 75.0).abs() < 1e-9);
    }

    #[test]
    fn a_headline_counts_as_the_summary_does() {
        let strategy = Strategy {
            indicators: vec![
                indicator(Direction::Increase, None, "95", 89.6),
                indicator(Direction::Increase, None, "95", 99.2),
                indicator(Direction::Decrease, None, "dưới 10", 8.9),
            ],
            ..Strategy::default()
        };
        let full = summarize(&strategy, None);
        let short = headline(&strategy, None);
        assert_eq!(short.period, Some(2020));
        assert_eq!((short.total, short.counts), (full.total, full.counts));
        assert_eq!((short.achieved(), full.rows.len()), (2, 3));
        assert!(short.rows.is_empty());
        assert_eq!(strategy.periods(), [2020]);
    }

    #[test]
    fn missing_values_are_no_data() {
        let mut missing = indicator(Direction::Increase, None, "95", 1.0);
        missing.values[0].actual = None;
        assert_eq!(evaluate(&missing, 2020).status, Status::NoData);
        assert_eq!(evaluate(&missing, 2019).status, Status::NoData);
    }

    #[test]
    fn manual_assessment_disagreement_is_flagged() {
        let mut flagged = indicator(Direction::Increase, None, "95", 89.6);
        flagged.values[0].assessment = Some(Box::new(Assessment::from_text("Đạt", None)));
        let evaluation = evaluate(&flagged, 2020);
        assert_eq!(evaluation.manual, Some(Status::Met));
        assert!(evaluation.disagrees);
    }
}
