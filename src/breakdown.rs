//! Breakdown filters: a strategy's figures for one commune, one sex, or a commune and a sex,
//! made from its indicators' breakdowns (disaggregation) by the aggregation rules of
//! `DESIGN.md` (counts summed, x/y ratios as the sum of numerators over the sum of
//! denominators, percentages and rates never summed or averaged).
//!
//! A [`Filter`] chooses a value per dimension ("Xã" → "Phú Thượng"); a dimension it does not
//! choose counts all its values. [`filtered`] gives the strategy as the filter shows it, so the
//! summaries, tables and charts made from a strategy work on it unchanged.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::analysis::{Aggregation, aggregate_values};
use crate::model::{
    Actual, Breakdown, Comparator, Indicator, Period, PeriodValue, Strategy, Target,
};

/// One dimension of a strategy's breakdowns and the values it takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dimension {
    /// The dimension as its column is headed in the file: "Xã", "Giới tính".
    pub name: String,
    /// Its values in the order they are first met: "Phú Thượng", "Phú Mậu" …
    pub values: Vec<String>,
}

/// The dimensions of the breakdowns of `strategy`'s indicators, each with its values, in the
/// order they are first met. Empty when no indicator has a breakdown.
///
/// ```
/// use chitieu::breakdown::dimensions;
/// use chitieu::model::{Breakdown, Indicator, Strategy};
/// let part = |commune: &str, sex: &str| Breakdown {
///     keys: vec![("Xã".into(), commune.into()), ("Giới tính".into(), sex.into())],
///     values: Vec::new(),
/// };
/// let indicator = Indicator {
///     breakdown: vec![part("A", "Nữ"), part("A", "Nam"), part("B", "Nữ")],
///     ..Indicator::default()
/// };
/// let strategy = Strategy { indicators: vec![indicator], ..Strategy::default() };
/// let found = dimensions(&strategy);
/// assert_eq!(found[0].name, "Xã");
/// assert_eq!(found[0].values, ["A", "B"]);
/// assert_eq!(found[1].values, ["Nữ", "Nam"]);
/// ```
#[must_use]
pub fn dimensions(strategy: &Strategy) -> Vec<Dimension> {
    let mut found: Vec<Dimension> = Vec::new();
    let mut seen: Vec<HashSet<&str>> = Vec::new();
    for part in strategy
        .indicators
        .iter()
        .flat_map(|indicator| &indicator.breakdown)
    {
        for (name, value) in &part.keys {
            let at = if let Some(at) = found.iter().position(|d| d.name == *name) {
                at
            } else {
                found.push(Dimension {
                    name: name.clone(),
                    values: Vec::new(),
                });
                seen.push(HashSet::new());
                found.len() - 1
            };
            if seen[at].insert(value.as_str()) {
                found[at].values.push(value.clone());
            }
        }
    }
    found
}

/// The names of the dimensions of `strategy`'s breakdowns, in the order first met, read from
/// the first part of each indicator's breakdown only (the parts of one indicator share their
/// dimensions): cheap where [`dimensions`] reads every part.
#[must_use]
pub fn dimension_names(strategy: &Strategy) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in strategy
        .indicators
        .iter()
        .filter_map(|indicator| indicator.breakdown.first())
    {
        for (name, _) in &part.keys {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// Which parts of the breakdowns show: a value chosen per dimension, in the order chosen. A
/// dimension not chosen counts all its values; the empty filter shows the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Filter {
    choices: Vec<(String, String)>,
}

impl Filter {
    /// Whether the filter chooses nothing, so the totals show.
    #[must_use]
    pub fn is_all(&self) -> bool {
        self.choices.is_empty()
    }

    /// The (dimension, value) pairs chosen.
    #[must_use]
    pub fn choices(&self) -> &[(String, String)] {
        &self.choices
    }

    /// The value chosen for `dimension`; `None` when all its values count.
    #[must_use]
    pub fn choice(&self, dimension: &str) -> Option<&str> {
        self.choices
            .iter()
            .find(|(name, _)| name == dimension)
            .map(|(_, value)| value.as_str())
    }

    /// Chooses `value` for `dimension`, or all its values with `None`.
    pub fn choose(&mut self, dimension: &str, value: Option<&str>) {
        match (
            self.choices.iter().position(|(name, _)| name == dimension),
            value,
        ) {
            (Some(at), Some(value)) => value.clone_into(&mut self.choices[at].1),
            (Some(at), None) => {
                self.choices.remove(at);
            }
            (None, Some(value)) => self.choices.push((dimension.to_owned(), value.to_owned())),
            (None, None) => {}
        }
    }

    /// The values chosen as one label, "Phú Thượng · Nữ"; empty for the totals.
    #[must_use]
    pub fn label(&self) -> String {
        self.choices
            .iter()
            .map(|(_, value)| value.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Whether `part` is one the filter keeps: it has every chosen value.
    #[must_use]
    pub fn keeps(&self, part: &Breakdown) -> bool {
        self.choices
            .iter()
            .all(|choice| part.keys.iter().any(|key| key == choice))
    }
}

/// An indicator's values as `filter` shows them, ascending by period:
/// - the indicator's own values (its totals) when the filter chooses nothing;
/// - the values of the one part kept, as written, when only one is;
/// - else, per period, the totals of the parts kept by the rules of
///   [`crate::analysis::aggregate`]: a target or actual result that cannot be totalled
///   (percentages given as plain numbers, parts without a target) stays empty;
/// - nothing when no part is kept (an indicator without such a breakdown).
#[must_use]
pub fn filtered_values(indicator: &Indicator, filter: &Filter) -> Vec<PeriodValue> {
    if filter.is_all() {
        return indicator.values.clone();
    }
    let kept: Vec<&Breakdown> = indicator
        .breakdown
        .iter()
        .filter(|part| filter.keeps(part))
        .collect();
    values_of(indicator, &kept)
}

/// The values of the parts `kept` of an indicator's breakdown: one part's as written, several
/// parts' totals per period, nothing for none.
fn values_of(indicator: &Indicator, kept: &[&Breakdown]) -> Vec<PeriodValue> {
    match kept {
        [] => Vec::new(),
        [one] => one.values.clone(),
        parts => {
            let mut periods: Vec<Period> = parts
                .iter()
                .flat_map(|part| part.values.iter().map(|value| value.period))
                .collect();
            periods.sort_unstable();
            periods.dedup();
            periods
                .into_iter()
                .map(|period| {
                    let values: Vec<&PeriodValue> = parts
                        .iter()
                        .filter_map(|part| part.values.iter().find(|value| value.period == period))
                        .collect();
                    total_value(indicator, period, &values)
                })
                .collect()
        }
    }
}

/// The total of some parts' values for one period (one value per part, at least two).
fn total_value(indicator: &Indicator, period: Period, values: &[&PeriodValue]) -> PeriodValue {
    let totals = aggregate_values(indicator, values);
    let targets: Vec<&Target> = values
        .iter()
        .filter_map(|value| value.target.as_ref())
        .collect();
    let target = totals.target.map(|(total, how)| {
        let comparator = common_comparator(&targets, how);
        let mut target = Target {
            value: total,
            comparator,
            text: compact_str::CompactString::default(),
            origin: None,
        };
        target.text = match (how, targets.first()) {
            (Aggregation::SharedTarget, Some(first)) => first.text.clone(),
            _ => target.formula().into(),
        };
        target
    });
    let actual = totals.actual.map(|(measure, _)| Actual {
        measure,
        estimate: values
            .iter()
            .filter_map(|value| value.actual.as_ref())
            .any(|actual| actual.estimate),
        text: measure.plain_text().into(),
        origin: None,
    });
    PeriodValue {
        target,
        actual,
        ..PeriodValue::new(period)
    }
}

/// The comparator of a total target: the one every part shares (a range's upper bounds summed
/// with the lower ones for counts); `None` when they differ.
fn common_comparator(targets: &[&Target], how: Aggregation) -> Option<Comparator> {
    let first = targets.first()?.comparator?;
    match first {
        Comparator::Range { .. } if how == Aggregation::Sum => {
            let mut max = 0.0;
            for target in targets {
                let Some(Comparator::Range { max: part }) = target.comparator else {
                    return None;
                };
                max += part;
            }
            Some(Comparator::Range { max })
        }
        _ => targets
            .iter()
            .all(|target| target.comparator == Some(first))
            .then_some(first),
    }
}

/// `strategy` as `filter` shows it: every indicator with its [`filtered_values`] and no
/// breakdown; code, name, goals, budget lines and everything else as they are, so indicators
/// keep their places (an indicator's index is the same in both).
#[must_use]
pub fn filtered(strategy: &Strategy, filter: &Filter) -> Strategy {
    with_values(strategy, |_, indicator| filtered_values(indicator, filter))
}

/// `strategy` with each indicator's values given by `values` (from its index and itself), and
/// no breakdown.
fn with_values(
    strategy: &Strategy,
    mut values: impl FnMut(usize, &Indicator) -> Vec<PeriodValue>,
) -> Strategy {
    let Strategy {
        code,
        name,
        span,
        goals,
        indicators,
        budget,
        source_file,
    } = strategy;
    Strategy {
        code: code.clone(),
        name: name.clone(),
        span: *span,
        goals: goals.clone(),
        indicators: indicators
            .iter()
            .enumerate()
            .map(|(at, indicator)| without_breakdown(indicator, values(at, indicator)))
            .collect(),
        budget: budget.clone(),
        source_file: source_file.clone(),
    }
}

/// An indicator with `values` and no breakdown.
fn without_breakdown(indicator: &Indicator, values: Vec<PeriodValue>) -> Indicator {
    let Indicator {
        code,
        name,
        goal,
        unit,
        direction,
        baseline,
        cumulative,
        values: _,
        breakdown: _,
        source,
        note,
        origin,
    } = indicator;
    Indicator {
        code: code.clone(),
        name: name.clone(),
        goal: goal.clone(),
        unit: unit.clone(),
        direction: *direction,
        baseline: baseline.clone(),
        cumulative: *cumulative,
        values,
        breakdown: Vec::new(),
        source: source.clone(),
        note: note.clone(),
        origin: origin.clone(),
    }
}

/// A strategy's breakdowns indexed for filtering: its [`dimensions`], and each part's value
/// in each dimension as a number, so a filter finds its parts without reading their texts.
/// Made once (it reads every part's keys); [`Index::filtered`] then costs about what the parts
/// it keeps cost.
#[derive(Clone, Debug, Default)]
pub struct Index {
    dimensions: Vec<Dimension>,
    /// Per indicator, per part, per dimension (`parts × dimensions`, row by row): the index of
    /// the part's value in the dimension's values, [`NOT_IN`] when it has none there.
    codes: Vec<Vec<u32>>,
}

/// A part's code in a dimension it does not have.
const NOT_IN: u32 = u32::MAX;

impl Index {
    /// Indexes the breakdowns of `strategy`'s indicators.
    #[must_use]
    pub fn new(strategy: &Strategy) -> Self {
        let mut dimensions: Vec<Dimension> = Vec::new();
        let mut lookup: Vec<rustc_hash::FxHashMap<&str, u32>> = Vec::new();
        // Every part's (dimension, code) pairs one after another, and how many each part has:
        // two growing lists rather than a list per part.
        let mut keys: Vec<(usize, u32)> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        for part in strategy
            .indicators
            .iter()
            .flat_map(|indicator| &indicator.breakdown)
        {
            for (place, (name, value)) in part.keys.iter().enumerate() {
                // Parts name their dimensions in the same order: try that place first.
                let same_place = dimensions
                    .get(place)
                    .is_some_and(|dimension| dimension.name == *name);
                let at = if same_place {
                    place
                } else if let Some(at) = dimensions.iter().position(|d| d.name == *name) {
                    at
                } else {
                    dimensions.push(Dimension {
                        name: name.clone(),
                        values: Vec::new(),
                    });
                    lookup.push(rustc_hash::FxHashMap::default());
                    dimensions.len() - 1
                };
                let next = dimensions[at].values.len() as u32;
                let code = *lookup[at].entry(value.as_str()).or_insert(next);
                if code == next {
                    dimensions[at].values.push(value.clone());
                }
                keys.push((at, code));
            }
            counts.push(part.keys.len());
        }
        let width = dimensions.len();
        let mut keys = keys.into_iter();
        let mut counts = counts.into_iter();
        let codes = strategy
            .indicators
            .iter()
            .map(|indicator| {
                let mut codes = vec![NOT_IN; indicator.breakdown.len() * width];
                for (row, count) in counts.by_ref().take(indicator.breakdown.len()).enumerate() {
                    for (dimension, code) in keys.by_ref().take(count) {
                        codes[row * width + dimension] = code;
                    }
                }
                codes
            })
            .collect();
        Self { dimensions, codes }
    }

    /// The dimensions and their values, as [`dimensions`] gives them.
    #[must_use]
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }

    /// `strategy` (the one indexed) as `filter` shows it: the same as [`filtered`].
    #[must_use]
    pub fn filtered(&self, strategy: &Strategy, filter: &Filter) -> Strategy {
        // The code wanted in each dimension; a value no part has keeps no part.
        let wanted: Vec<(usize, u32)> = filter
            .choices()
            .iter()
            .map(|(name, value)| {
                self.dimensions
                    .iter()
                    .position(|dimension| dimension.name == *name)
                    .and_then(|at| {
                        let code = self.dimensions[at].values.iter().position(|v| v == value)?;
                        Some((at, code as u32))
                    })
                    .unwrap_or((usize::MAX, NOT_IN))
            })
            .collect();
        let width = self.dimensions.len();
        with_values(strategy, |at, indicator| {
            if filter.is_all() {
                return indicator.values.clone();
            }
            let Some(codes) = self.codes.get(at) else {
                return filtered_values(indicator, filter);
            };
            let kept: Vec<&Breakdown> = indicator
                .breakdown
                .iter()
                .enumerate()
                .filter(|(row, _)| {
                    wanted.iter().all(|(dimension, code)| {
                        *code != NOT_IN && codes.get(row * width + dimension) == Some(code)
                    })
                })
                .map(|(_, part)| part)
                .collect();
            values_of(indicator, &kept)
        })
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "the values compared are sums of whole numbers, exact in f64"
)]
mod tests {
    use super::*;
    use crate::analysis::evaluate;
    use crate::model::Measure;
    use crate::model::{Status, Unit};

    fn target(value: f64) -> Target {
        Target {
            value,
            comparator: None,
            text: crate::parse::format_plain(value).into(),
            origin: None,
        }
    }

    fn actual(measure: Measure, text: &str) -> Actual {
        Actual {
            measure,
            estimate: false,
            text: text.into(),
            origin: None,
        }
    }

    /// A part for `commune` and `sex` with one value in 2020.
    fn part(commune: &str, sex: &str, target_value: f64, measure: Measure) -> Breakdown {
        let text = measure.plain_text();
        Breakdown {
            keys: vec![
                ("Xã".into(), commune.into()),
                ("Giới tính".into(), sex.into()),
            ],
            values: vec![PeriodValue {
                target: Some(target(target_value)),
                actual: Some(actual(measure, &text)),
                ..PeriodValue::new(2020)
            }],
        }
    }

    /// Served people (a count) in two communes, by sex, with the reader's totals.
    fn counts() -> Indicator {
        Indicator {
            code: "1".into(),
            unit: Unit::parse("người"),
            values: vec![PeriodValue {
                target: Some(target(400.0)),
                actual: Some(actual(Measure::Number(350.0), "350")),
                ..PeriodValue::new(2020)
            }],
            breakdown: vec![
                part("A", "Nữ", 100.0, Measure::Number(120.0)),
                part("A", "Nam", 100.0, Measure::Number(80.0)),
                part("B", "Nữ", 100.0, Measure::Number(90.0)),
                part("B", "Nam", 100.0, Measure::Number(60.0)),
            ],
            ..Indicator::default()
        }
    }

    fn ratio(numerator: f64, denominator: f64) -> Measure {
        Measure::Ratio {
            numerator,
            denominator,
        }
    }

    fn choose(pairs: &[(&str, &str)]) -> Filter {
        let mut filter = Filter::default();
        for (dimension, value) in pairs {
            filter.choose(dimension, Some(value));
        }
        filter
    }

    #[test]
    fn all_shows_the_totals() {
        let indicator = counts();
        assert_eq!(
            filtered_values(&indicator, &Filter::default()),
            indicator.values
        );
    }

    #[test]
    fn one_part_shows_as_written() {
        let indicator = counts();
        let values = filtered_values(&indicator, &choose(&[("Xã", "A"), ("Giới tính", "Nữ")]));
        assert_eq!(values, indicator.breakdown[0].values);
    }

    #[test]
    fn counts_of_a_commune_add_up_over_sexes() {
        let values = filtered_values(&counts(), &choose(&[("Xã", "A")]));
        let [value] = values.as_slice() else {
            panic!("one period: {values:?}");
        };
        assert_eq!(value.target.as_ref().unwrap().value, 200.0);
        let actual = value.actual.as_ref().unwrap();
        assert_eq!(actual.measure, Measure::Number(200.0));
        assert_eq!(actual.text, "200");
        let women = filtered_values(&counts(), &choose(&[("Giới tính", "Nữ")]));
        assert_eq!(
            women[0].actual.as_ref().unwrap().measure,
            Measure::Number(210.0)
        );
    }

    #[test]
    fn ratios_add_numerators_and_denominators() {
        let indicator = Indicator {
            unit: Unit::parse("%"),
            breakdown: vec![
                part("A", "Nữ", 80.0, ratio(30.0, 40.0)),
                part("A", "Nam", 80.0, ratio(50.0, 60.0)),
                part("B", "Nữ", 90.0, ratio(1.0, 2.0)),
            ],
            ..Indicator::default()
        };
        let values = filtered_values(&indicator, &choose(&[("Xã", "A")]));
        let value = &values[0];
        assert_eq!(
            value.actual.as_ref().unwrap().measure,
            ratio(80.0, 100.0),
            "never the mean of 75 % and 83 %"
        );
        assert_eq!(value.actual.as_ref().unwrap().text, "80/100");
        // A percentage target every part shares stays; different ones give no total.
        assert_eq!(value.target.as_ref().unwrap().value, 80.0);
        let women = filtered_values(&indicator, &choose(&[("Giới tính", "Nữ")]));
        assert_eq!(women[0].target, None);
        assert_eq!(women[0].actual.as_ref().unwrap().measure, ratio(31.0, 42.0));
    }

    #[test]
    fn plain_percentages_are_never_summed() {
        let indicator = Indicator {
            unit: Unit::parse("%"),
            breakdown: vec![
                part("A", "Nữ", 80.0, Measure::Number(75.0)),
                part("A", "Nam", 80.0, Measure::Number(85.0)),
            ],
            ..Indicator::default()
        };
        let values = filtered_values(&indicator, &choose(&[("Xã", "A")]));
        assert_eq!(values[0].actual, None);
        assert_eq!(values[0].target.as_ref().unwrap().value, 80.0);
    }

    #[test]
    fn a_filter_keeps_places_and_judges_the_part() {
        let plain = Indicator {
            code: "2".into(),
            values: counts().values,
            ..Indicator::default()
        };
        let strategy = Strategy {
            code: "S".into(),
            indicators: vec![counts(), plain],
            ..Strategy::default()
        };
        let filter = choose(&[("Xã", "B"), ("Giới tính", "Nam")]);
        assert_eq!(filter.label(), "B · Nam");
        let shown = filtered(&strategy, &filter);
        assert_eq!(shown.code, "S");
        assert_eq!(shown.indicators.len(), 2);
        assert!(shown.indicators[0].breakdown.is_empty());
        // 60 of a target of 100: not met, where the total (350 of 400) is not met either but
        // commune A's women (120 of 100) exceed it.
        assert_eq!(evaluate(&shown.indicators[0], 2020).status, Status::NotMet);
        let women_a = filtered(&strategy, &choose(&[("Xã", "A"), ("Giới tính", "Nữ")]));
        assert_eq!(
            evaluate(&women_a.indicators[0], 2020).status,
            Status::Exceeded
        );
        // An indicator without that breakdown has no figures under the filter.
        assert!(shown.indicators[1].values.is_empty());
    }

    #[test]
    fn the_index_filters_as_the_texts_do() {
        let mut other = counts();
        other.code = "3".into();
        other.breakdown.truncate(3);
        other.breakdown.push(Breakdown {
            keys: vec![("Xã".into(), "C".into())],
            values: other.breakdown[0].values.clone(),
        });
        let strategy = Strategy {
            indicators: vec![counts(), Indicator::default(), other],
            ..Strategy::default()
        };
        let index = Index::new(&strategy);
        assert_eq!(index.dimensions(), dimensions(&strategy).as_slice());
        assert_eq!(dimension_names(&strategy), ["Xã", "Giới tính"]);
        for filter in [
            Filter::default(),
            choose(&[("Xã", "A")]),
            choose(&[("Xã", "B")]),
            choose(&[("Xã", "C")]),
            choose(&[("Giới tính", "Nam")]),
            choose(&[("Xã", "B"), ("Giới tính", "Nữ")]),
            choose(&[("Xã", "nowhere")]),
            choose(&[("Tuổi", "0-5")]),
        ] {
            assert_eq!(
                index.filtered(&strategy, &filter),
                filtered(&strategy, &filter),
                "{filter:?}"
            );
        }
    }

    #[test]
    fn choosing_all_again_clears_the_choice() {
        let mut filter = choose(&[("Xã", "A"), ("Giới tính", "Nữ")]);
        filter.choose("Xã", Some("B"));
        assert_eq!(filter.choice("Xã"), Some("B"));
        filter.choose("Xã", None);
        assert_eq!(filter.choice("Xã"), None);
        assert_eq!(filter.label(), "Nữ");
        filter.choose("Giới tính", None);
        assert!(filter.is_all());
    }

    #[test]
    fn summed_ranges_sum_both_bounds() {
        let range = |low: f64, high: f64| Target {
            value: low,
            comparator: Some(Comparator::Range { max: high }),
            text: format!("{low}-{high}").into(),
            origin: None,
        };
        let (a, b) = (range(10.0, 20.0), range(5.0, 8.0));
        assert_eq!(
            common_comparator(&[&a, &b], Aggregation::Sum),
            Some(Comparator::Range { max: 28.0 })
        );
        assert_eq!(
            common_comparator(&[&a, &b], Aggregation::SharedTarget),
            None
        );
    }
}
