//! The document: strategies, goals, indicators, their targets and actual results per period,
//! budget lines, and where every value came from.
//!
//! Terms follow `DESIGN.md` (strategy, goal, indicator, direction, comparator, baseline, target,
//! actual, period, cumulative, achievement, status, budget line, unit multiplier). Nothing here
//! knows about the GUI; every change to a [`Document`] goes through [`crate::edit`].

use serde::{Deserialize, Serialize};

/// A period: a calendar year, or a milestone year of a strategy (2015, 2020).
pub type Period = i32;

/// Everything the user has open: the strategies read from one or more files, and what the
/// readers noticed on the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Strategies in the order they were opened.
    pub strategies: Vec<Strategy>,
    /// Cells and rows the readers could not take as they stood, with their position.
    pub warnings: Vec<Warning>,
    /// Edits made to the figures, oldest first, for the saved workbook's change log.
    pub changes: Vec<ChangeRecord>,
    /// The presenter's choice of slides for a review meeting: their order, the slides left
    /// out and the indicators hidden. Saved with the document.
    #[serde(default)]
    pub presentation: Presentation,
}

/// What the presenter chose for the slides of a review meeting (`crate::deck` builds the
/// slides). Slides and indicators are named by strategy, goal and indicator codes, so the
/// choice holds while strategies are opened, closed and reordered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Presentation {
    /// Slides in the presenter's order, each shown or left out. Empty until the presenter
    /// changes something; slides of the document not listed follow in their usual order.
    pub slides: Vec<SlideChoice>,
    /// Indicators left out of every slide (charts, lists and figures).
    pub hidden_indicators: Vec<IndicatorRef>,
}

impl Presentation {
    /// Whether the indicator `code` of the strategy `strategy` is hidden from the slides.
    #[must_use]
    pub fn hides(&self, strategy: &str, code: &str) -> bool {
        self.hidden_indicators
            .iter()
            .any(|hidden| hidden.strategy == strategy && hidden.indicator == code)
    }
}

/// One slide in the presenter's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlideChoice {
    /// Which slide.
    pub slide: SlideRef,
    /// Whether it is shown; a slide left out keeps its place in the order.
    pub shown: bool,
}

/// The kinds of slide of a review meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideKind {
    /// A strategy's name and period.
    Title,
    /// A strategy's headline: met or exceeded of total, counts per status, budget.
    Headline,
    /// One goal of a strategy with the achievement chart of its indicators.
    Goal,
    /// The indicators of a strategy below target, with actual, target and gap.
    NotMet,
    /// Every open strategy side by side.
    Compare,
}

impl SlideKind {
    /// Every kind, in the order a strategy's slides come.
    pub const ALL: [Self; 5] = [
        Self::Title,
        Self::Headline,
        Self::Goal,
        Self::NotMet,
        Self::Compare,
    ];

    /// The name written in the saved workbook: `title`, `headline`, `goal`, `not_met`,
    /// `compare`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Headline => "headline",
            Self::Goal => "goal",
            Self::NotMet => "not_met",
            Self::Compare => "compare",
        }
    }

    /// Reads a name written by [`Self::as_str`].
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim())
    }
}

/// A slide, named by what it shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SlideRef {
    /// The kind of slide.
    pub kind: SlideKind,
    /// The strategy's code; empty for the comparison of all strategies.
    pub strategy: String,
    /// The goal's code for a goal slide (empty: the indicators that belong to no goal).
    pub goal: String,
}

/// An indicator, named by its strategy's code and its own code (its name when it has none).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IndicatorRef {
    /// The strategy's code.
    pub strategy: String,
    /// The indicator's code, or its name when it has no code.
    pub indicator: String,
}

/// One edit of a figure, as the change log shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeRecord {
    /// When, as ISO 8601 text in UTC ("2026-11-29T18:30:05Z").
    pub when: String,
    /// Strategy code.
    pub strategy: String,
    /// Indicator code (or name when it has no code); empty for a strategy-level change.
    pub indicator: String,
    /// What changed, e.g. "actual 2020".
    pub field: String,
    /// The value before, as text.
    pub old: String,
    /// The value after, as text.
    pub new: String,
}

/// A programme with a period (e.g. 2016-2020), its goals, indicators and budget lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    /// Short code, e.g. `BVCSTE` or `BDG`: from a strategy column, or made from the file name.
    pub code: String,
    /// Full name, e.g. "Đề án Đẩy mạnh bảo vệ, chăm sóc trẻ em … giai đoạn 2016-2020".
    pub name: String,
    /// First and last year of the strategy, when the file states them (title, name or file name).
    pub span: Option<(Period, Period)>,
    /// Goals (mục tiêu) in file order; indicators refer to them by [`Goal::code`].
    pub goals: Vec<Goal>,
    /// Indicators in file order.
    pub indicators: Vec<Indicator>,
    /// Money planned and spent; shown with the strategy, never counted as an indicator.
    pub budget: Vec<BudgetLine>,
    /// The file (and sheets) the strategy was read from.
    pub source_file: String,
}

impl Strategy {
    /// All periods that have a target or an actual result for any indicator, ascending.
    #[must_use]
    pub fn periods(&self) -> Vec<Period> {
        // A strategy has few periods and many indicators: each period is looked up in the short
        // sorted list rather than every value collected and sorted.
        let mut periods: Vec<Period> = Vec::new();
        for value in self
            .indicators
            .iter()
            .flat_map(|indicator| &indicator.values)
        {
            if let Err(at) = periods.binary_search(&value.period) {
                periods.insert(at, value.period);
            }
        }
        periods
    }

    /// The period a review looks at by default: the last one with data.
    #[must_use]
    pub fn final_period(&self) -> Option<Period> {
        self.periods().last().copied()
    }

    /// The goal with this code, if any.
    #[must_use]
    pub fn goal(&self, code: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.code == code)
    }

    /// The strategy's span as text, e.g. "2016-2020"; one year alone ("2020") when it starts
    /// and ends in the same year.
    #[must_use]
    pub fn span_text(&self) -> Option<String> {
        self.span.map(|(from, to)| {
            if from == to {
                from.to_string()
            } else {
                format!("{from}-{to}")
            }
        })
    }
}

/// A group of indicators inside a strategy (rows I, II, … or MT1, MT2, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// "I", "II", "MT1" …
    pub code: String,
    /// The goal's title as written.
    pub name: String,
}

/// Which way is good for an indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Higher is better (tăng).
    #[default]
    Increase,
    /// Lower is better (giảm).
    Decrease,
    /// Inside `[min, max]` is good (khoảng).
    Range,
}

impl Direction {
    /// Reads "tăng"/"increase", "giảm"/"decrease", "khoảng"/"range" (with or without diacritics).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        // Most cells of a direction column are empty (and every row of a known indicator asks).
        if text.trim().is_empty() {
            return None;
        }
        let key = crate::text::fold(text);
        match key.as_str() {
            "tang" | "increase" | "up" | "higher" | "higher is better" | "+" => {
                Some(Self::Increase)
            }
            "giam" | "decrease" | "down" | "lower" | "lower is better" | "-" => {
                Some(Self::Decrease)
            }
            "khoang" | "range" | "trong khoang" | "within" => Some(Self::Range),
            _ => None,
        }
    }

    /// The English term, as used in exports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Increase => "increase",
            Self::Decrease => "decrease",
            Self::Range => "range",
        }
    }
}

/// How a number relates to a whole: a percentage, a rate per N, or a plain count or amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum UnitScale {
    /// Per cent: a ratio x/y is shown as 100·x/y.
    Percent,
    /// A rate per N (per 100 girls, per 100,000 children): a ratio x/y is N·x/y. Never a percentage.
    PerN(f64),
    /// A count, an amount of money or anything else: a ratio x/y is x/y.
    #[default]
    Plain,
}

/// An indicator's unit (đơn vị tính) as written, and what it means for ratios.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// The unit as written, e.g. "%", "trên 100.000 trẻ em", "bé trai/100 bé gái".
    pub text: String,
    /// Percent, rate per N, or plain.
    pub scale: UnitScale,
}

impl Unit {
    /// Reads a unit's text. "%" and "phần trăm"/"percent" are percentages; "per 100,000",
    /// "trên 100.000 …", "…/100 …" are rates per N (the multiplier is read with either
    /// thousands separator); anything else is plain.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let text = crate::text::clean(text);
        let folded = crate::text::fold(&text);
        let scale = if folded == "%" || folded.contains("phan tram") || folded.contains("percent") {
            UnitScale::Percent
        } else if folded.contains('‰')
            || folded.contains("phan nghin")
            || folded.contains("per mille")
        {
            UnitScale::PerN(1000.0)
        } else if let Some(n) = per_n(&folded) {
            UnitScale::PerN(n)
        } else {
            UnitScale::Plain
        };
        Self { text, scale }
    }

    /// Whether the unit is a percentage.
    #[must_use]
    pub fn is_percent(&self) -> bool {
        self.scale == UnitScale::Percent
    }

    /// The factor a ratio x/y is multiplied by to be in this unit (100 for %, N for per N).
    #[must_use]
    pub fn ratio_factor(&self) -> f64 {
        match self.scale {
            UnitScale::Percent => 100.0,
            UnitScale::PerN(n) => n,
            UnitScale::Plain => 1.0,
        }
    }
}

/// Finds the N of "per N", "trên N", "/N" in a folded unit text.
fn per_n(folded: &str) -> Option<f64> {
    let after = ["per ", "tren ", "/"]
        .iter()
        .find_map(|marker| folded.find(marker).map(|at| &folded[at + marker.len()..]))?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == ' ')
        .filter(char::is_ascii_digit)
        .collect();
    let n: f64 = digits.parse().ok()?;
    (n >= 10.0).then_some(n)
}

/// One measured thing inside a strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// STT or code as written ("4", "MT2.1").
    pub code: String,
    /// The indicator's name as written.
    pub name: String,
    /// The code of the goal it belongs to, if the file groups indicators.
    pub goal: Option<String>,
    /// Unit and multiplier.
    pub unit: Unit,
    /// Which way is good. Read from a direction column, else inferred from the target's comparator.
    pub direction: Direction,
    /// Value at the start, with its year.
    pub baseline: Option<Baseline>,
    /// Whether a later period's target includes the earlier ones (a running total).
    pub cumulative: bool,
    /// Targets and actual results per period, ascending by period: the indicator as a whole
    /// (the total over its breakdown, as given or as aggregated by the reader).
    pub values: Vec<PeriodValue>,
    /// Values broken down by place, sex, age group … (disaggregation), when the file gives them.
    #[serde(default)]
    pub breakdown: Vec<Breakdown>,
    /// Where the figures come from (nguồn), as written.
    pub source: String,
    /// Notes (ghi chú), as written.
    pub note: String,
    /// The row the indicator was first read from.
    pub origin: Option<CellRef>,
}

impl Indicator {
    /// The values for one period, if the indicator has any.
    #[must_use]
    pub fn value(&self, period: Period) -> Option<&PeriodValue> {
        self.values.iter().find(|value| value.period == period)
    }

    /// The values for one period, created empty (in period order) when missing.
    pub fn value_mut(&mut self, period: Period) -> &mut PeriodValue {
        let at = match self
            .values
            .binary_search_by_key(&period, |value| value.period)
        {
            Ok(at) => at,
            Err(at) => {
                self.values.insert(at, PeriodValue::new(period));
                at
            }
        };
        &mut self.values[at]
    }
}

/// An indicator's values for one combination of disaggregation keys: a commune, a sex, or a
/// commune and a sex.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// (dimension, value) pairs in the file's column order, e.g. ("Xã", "Phú Thượng"),
    /// ("Giới tính", "Nữ").
    pub keys: Vec<(String, String)>,
    /// Targets and actual results per period, ascending.
    pub values: Vec<PeriodValue>,
}

impl Breakdown {
    /// The keys as one label: "Phú Thượng · Nữ".
    #[must_use]
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(|(_, value)| value.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The values for one period, created empty (in period order) when missing.
    pub fn value_mut(&mut self, period: Period) -> &mut PeriodValue {
        value_mut(&mut self.values, period)
    }
}

/// The value of `period` in a period-sorted list, inserted empty when missing.
pub fn period_value_mut(values: &mut Vec<PeriodValue>, period: Period) -> &mut PeriodValue {
    value_mut(values, period)
}

fn value_mut(values: &mut Vec<PeriodValue>, period: Period) -> &mut PeriodValue {
    let at = match values.binary_search_by_key(&period, |value| value.period) {
        Ok(at) => at,
        Err(at) => {
            values.insert(at, PeriodValue::new(period));
            at
        }
    };
    &mut values[at]
}

/// The value at the start of a strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The value, in the indicator's unit.
    pub value: f64,
    /// The year it was measured, if known.
    pub year: Option<Period>,
    /// Where it was read.
    pub origin: Option<CellRef>,
}

/// Target, actual result and manual assessment of one indicator for one period.
///
/// A long table holds one per row (hundreds of thousands), so the rare parts are boxed: the
/// manual assessment, and cells that could not be read ([`Self::unread_target`]). Serialized
/// with the unread texts as two fields, `unread_target` and `unread_actual`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "PeriodValueFields", into = "PeriodValueFields")]
pub struct PeriodValue {
    /// The year or milestone.
    pub period: Period,
    /// The target (kế hoạch), if set.
    pub target: Option<Target>,
    /// The actual result (thực hiện), if reported.
    pub actual: Option<Actual>,
    /// The file's own assessment (đánh giá), kept beside the computed status.
    pub assessment: Option<Box<Assessment>>,
    /// Target and actual-result cells that could not be read, kept as written; `None` when
    /// both were read. Change it through [`Self::set_unread_target`] and
    /// [`Self::set_unread_actual`], which never leave a box of two `None`s.
    pub unread: Option<Box<Unread>>,
}

/// The cells of a period's value that could not be read, kept as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unread {
    /// The target cell as written (a warning names the cell).
    pub target: Option<String>,
    /// The actual-result cell as written.
    pub actual: Option<String>,
}

/// [`PeriodValue`] as it is serialized: every field side by side.
#[derive(Serialize, Deserialize)]
struct PeriodValueFields {
    period: Period,
    target: Option<Target>,
    actual: Option<Actual>,
    assessment: Option<Box<Assessment>>,
    unread_target: Option<String>,
    unread_actual: Option<String>,
}

impl From<PeriodValueFields> for PeriodValue {
    fn from(fields: PeriodValueFields) -> Self {
        let mut value = Self {
            period: fields.period,
            target: fields.target,
            actual: fields.actual,
            assessment: fields.assessment,
            unread: None,
        };
        value.set_unread_target(fields.unread_target);
        value.set_unread_actual(fields.unread_actual);
        value
    }
}

impl From<PeriodValue> for PeriodValueFields {
    fn from(value: PeriodValue) -> Self {
        let unread = value.unread.map(|unread| *unread).unwrap_or_default();
        Self {
            period: value.period,
            target: value.target,
            actual: value.actual,
            assessment: value.assessment,
            unread_target: unread.target,
            unread_actual: unread.actual,
        }
    }
}

impl PeriodValue {
    /// An empty value for a period.
    #[must_use]
    pub fn new(period: Period) -> Self {
        Self {
            period,
            ..Self::default()
        }
    }

    /// A target cell that could not be read, kept as written (a warning names its cell).
    #[must_use]
    pub fn unread_target(&self) -> Option<&str> {
        self.unread.as_ref()?.target.as_deref()
    }

    /// An actual-result cell that could not be read, kept as written.
    #[must_use]
    pub fn unread_actual(&self) -> Option<&str> {
        self.unread.as_ref()?.actual.as_deref()
    }

    /// Keeps `text` as the target cell that could not be read; `None` clears it.
    pub fn set_unread_target(&mut self, text: Option<String>) {
        self.set_unread(|unread| unread.target = text);
    }

    /// Keeps `text` as the actual-result cell that could not be read; `None` clears it.
    pub fn set_unread_actual(&mut self, text: Option<String>) {
        self.set_unread(|unread| unread.actual = text);
    }

    /// Changes the unread texts, boxing them only while one is kept.
    fn set_unread(&mut self, change: impl FnOnce(&mut Unread)) {
        let mut unread = self.unread.take().unwrap_or_default();
        change(&mut unread);
        if unread.target.is_some() || unread.actual.is_some() {
            self.unread = Some(unread);
        }
    }
}

/// How a target is written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Comparator {
    /// ≥ ("từ … trở lên", "ít nhất", "tối thiểu", "at least").
    AtLeast,
    /// \> ("trên", "hơn", "more than").
    GreaterThan,
    /// ≤ ("không quá", "không vượt quá", "tối đa", "at most").
    AtMost,
    /// < ("dưới", "less than", "below").
    LessThan,
    /// ≈ ("khoảng", "about"): within [`crate::analysis::APPROX_TOLERANCE`] of the value.
    Approximately,
    /// Inside `[min, max]` ("40-60", "từ 40 đến 60").
    Range {
        /// The upper bound; the lower one is [`Target::value`].
        max: f64,
    },
    /// = (written "=" or "bằng").
    Equal,
}

impl Comparator {
    /// The mathematical symbol, e.g. "≥".
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Self::AtLeast => "≥",
            Self::GreaterThan => ">",
            Self::AtMost => "≤",
            Self::LessThan => "<",
            Self::Approximately => "≈",
            Self::Range { .. } => "–",
            Self::Equal => "=",
        }
    }
}

/// A target for a period: the parsed value and comparator beside the original text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The value (the lower bound of a range), in the indicator's unit.
    pub value: f64,
    /// The comparator as written; `None` for a plain number, whose meaning follows the direction
    /// (≥ when higher is better, ≤ when lower is better).
    pub comparator: Option<Comparator>,
    /// The text as written in the file, e.g. "từ 25% trở lên" (inline up to 24 bytes).
    pub text: compact_str::CompactString,
    /// Where it was read.
    pub origin: Option<CellRef>,
}

impl Target {
    /// The comparator that applies: the written one, or the one the direction implies for a
    /// plain number (increase → ≥, decrease → ≤, range → ≈).
    #[must_use]
    pub fn effective_comparator(&self, direction: Direction) -> Comparator {
        match (self.comparator, direction) {
            (Some(Comparator::Equal) | None, Direction::Increase) => Comparator::AtLeast,
            (Some(Comparator::Equal) | None, Direction::Decrease) => Comparator::AtMost,
            (None, Direction::Range) => Comparator::Approximately,
            (Some(comparator), _) => comparator,
        }
    }

    /// The target as a short formula, e.g. "≥ 25", "< 10", "40–60", "95".
    #[must_use]
    pub fn formula(&self) -> String {
        let value = crate::parse::format_plain(self.value);
        match self.comparator {
            None => value,
            Some(Comparator::Range { max }) => {
                format!("{value}–{}", crate::parse::format_plain(max))
            }
            Some(comparator) => format!("{} {value}", comparator.symbol()),
        }
    }
}

/// An actual result: a number, or a ratio x/y that keeps numerator and denominator.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Measure {
    /// A number in the indicator's unit.
    Number(f64),
    /// x of y, e.g. 76 of 145 communes.
    Ratio {
        /// x.
        numerator: f64,
        /// y.
        denominator: f64,
    },
}

impl Measure {
    /// The measure as plain text, as totals made by the app are written: "1234.5" (a point,
    /// no thousands separators), or "76/145" for a ratio.
    #[must_use]
    pub fn plain_text(self) -> String {
        match self {
            Self::Number(number) => crate::parse::format_plain(number),
            Self::Ratio {
                numerator,
                denominator,
            } => format!(
                "{}/{}",
                crate::parse::format_plain(numerator),
                crate::parse::format_plain(denominator)
            ),
        }
    }
}

/// An actual result for a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// The measured value.
    pub measure: Measure,
    /// Whether it is an estimate (ước thực hiện) rather than a final figure.
    pub estimate: bool,
    /// The text as written in the file, e.g. "76/145" or "96,245" (inline up to 24 bytes).
    pub text: compact_str::CompactString,
    /// Where it was read.
    pub origin: Option<CellRef>,
}

impl Actual {
    /// The value in the indicator's unit: a number as is; a ratio x/y times the unit's factor
    /// (100 for %, N for per N). `None` for 0/0 (no data) or any ratio over zero.
    #[must_use]
    pub fn value(&self, unit: &Unit) -> Option<f64> {
        match self.measure {
            Measure::Number(value) => Some(value),
            Measure::Ratio {
                numerator,
                denominator,
            } => (denominator != 0.0).then(|| numerator / denominator * unit.ratio_factor()),
        }
    }
}

/// A judgement of an actual result against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// Strictly beyond the target in the good direction (vượt).
    Exceeded,
    /// Meets the comparator exactly (đạt).
    Met,
    /// On the wrong side of the target (chưa đạt).
    NotMet,
    /// No target or no actual result.
    NoData,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Self; 4] = [Self::Exceeded, Self::Met, Self::NotMet, Self::NoData];

    /// Whether the status counts as "met or exceeded".
    #[must_use]
    pub fn is_achieved(self) -> bool {
        matches!(self, Self::Exceeded | Self::Met)
    }

    /// Reads an assessment text: "Vượt" / "Đạt" / "Chưa đạt" / "Không đạt" and their English
    /// equivalents; text after the word (e.g. "Vượt (275%)") is allowed.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let key = crate::text::fold(text);
        let starts = |words: &[&str]| words.iter().any(|word| key.starts_with(word));
        if starts(&["chua dat", "khong dat", "not met", "not achieved", "below"]) {
            Some(Self::NotMet)
        } else if starts(&["vuot", "exceed", "over", "above"]) {
            Some(Self::Exceeded)
        } else if starts(&["dat", "met", "achieved", "on track"]) {
            Some(Self::Met)
        } else if starts(&["khong co so lieu", "no data", "n/a", "chua co"]) {
            Some(Self::NoData)
        } else {
            None
        }
    }
}

/// The file's own assessment (đánh giá) of a result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// As written, e.g. "Vượt (275%)".
    pub text: String,
    /// The status the text states, if it states one.
    pub status: Option<Status>,
    /// Where it was read.
    pub origin: Option<CellRef>,
}

impl Assessment {
    /// An assessment from its text.
    #[must_use]
    pub fn from_text(text: &str, origin: Option<CellRef>) -> Self {
        Self {
            text: text.to_owned(),
            status: Status::parse(text),
            origin,
        }
    }
}

/// Money planned and spent for a strategy (kinh phí).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// The line's name as written.
    pub name: String,
    /// Unit as written, e.g. "tỷ đồng".
    pub unit: String,
    /// The planned amount.
    pub planned: Option<f64>,
    /// The amount spent.
    pub actual: Option<f64>,
    /// The planned amount as written.
    pub planned_text: String,
    /// The amount spent as written.
    pub actual_text: String,
    /// Source or note, as written.
    pub source: String,
    /// The row it was read from.
    pub origin: Option<CellRef>,
}

impl BudgetLine {
    /// Actual as a percentage of plan (96.245 of 35 → 274.99). `None` when either is missing
    /// or the plan is zero.
    #[must_use]
    pub fn percent_of_plan(&self) -> Option<f64> {
        match (self.planned, self.actual) {
            (Some(planned), Some(actual)) if planned != 0.0 => Some(actual / planned * 100.0),
            _ => None,
        }
    }
}

/// A cell's position: file, sheet (for workbooks), 1-based row and column.
///
/// 16 bytes: every value read from a long table keeps the positions of its target and actual
/// cells, so the file and sheet are one shared [`SheetRef`]. Serialized as the four fields
/// `file`, `sheet`, `row` and `column`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "CellRefFields", into = "CellRefFields")]
pub struct CellRef {
    /// The file and sheet, shared by every position read from the same sheet.
    pub sheet_ref: std::sync::Arc<SheetRef>,
    /// 1-based row.
    pub row: u32,
    /// 1-based column; 0 when the whole row is meant.
    pub column: u32,
}

/// The file and, for workbooks, the sheet a [`CellRef`] points into.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SheetRef {
    /// The file name as the user knows it (no folder).
    pub file: std::sync::Arc<str>,
    /// The sheet, for workbooks.
    pub sheet: Option<std::sync::Arc<str>>,
}

impl Default for CellRef {
    fn default() -> Self {
        Self::new("", None, 0, 0)
    }
}

/// [`CellRef`] as it is serialized.
#[derive(Serialize, Deserialize)]
struct CellRefFields {
    file: std::sync::Arc<str>,
    sheet: Option<std::sync::Arc<str>>,
    row: u32,
    column: u32,
}

impl From<CellRefFields> for CellRef {
    fn from(fields: CellRefFields) -> Self {
        Self {
            sheet_ref: std::sync::Arc::new(SheetRef {
                file: fields.file,
                sheet: fields.sheet,
            }),
            row: fields.row,
            column: fields.column,
        }
    }
}

impl From<CellRef> for CellRefFields {
    fn from(at: CellRef) -> Self {
        Self {
            file: at.sheet_ref.file.clone(),
            sheet: at.sheet_ref.sheet.clone(),
            row: at.row,
            column: at.column,
        }
    }
}

impl CellRef {
    /// The position of row `row`, column `column` (1-based; 0: the whole row) of `sheet` (for
    /// workbooks) in `file`. Positions read from one sheet share its [`SheetRef`] instead.
    #[must_use]
    pub fn new(
        file: impl Into<std::sync::Arc<str>>,
        sheet: Option<std::sync::Arc<str>>,
        row: u32,
        column: u32,
    ) -> Self {
        Self {
            sheet_ref: std::sync::Arc::new(SheetRef {
                file: file.into(),
                sheet,
            }),
            row,
            column,
        }
    }

    /// The position in `language`: "a.xlsx, sheet "Tổng hợp", row 14, column F" (as
    /// `Display` writes it), or "a.xlsx, trang tính "Tổng hợp", dòng 14, cột F".
    #[must_use]
    pub fn describe(&self, language: crate::report::Language) -> String {
        if language == crate::report::Language::En {
            return self.to_string();
        }
        let mut parts = vec![self.file().to_owned()];
        if let Some(sheet) = self.sheet() {
            parts.push(format!("trang tính \"{sheet}\""));
        }
        if self.row > 0 {
            parts.push(format!("dòng {}", self.row));
        }
        if self.column > 0 {
            parts.push(format!("cột {}", self.column_letters()));
        }
        parts.join(", ")
    }

    /// The file name as the user knows it (no folder).
    #[must_use]
    pub fn file(&self) -> &str {
        &self.sheet_ref.file
    }

    /// The sheet, for workbooks.
    #[must_use]
    pub fn sheet(&self) -> Option<&str> {
        self.sheet_ref.sheet.as_deref()
    }

    /// The column as spreadsheet letters (1 → "A", 28 → "AB"); empty for column 0.
    #[must_use]
    pub fn column_letters(&self) -> String {
        column_letters(self.column)
    }
}

/// Spreadsheet letters for a 1-based column (1 → "A", 27 → "AA"); empty for 0.
#[must_use]
pub fn column_letters(column: u32) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file())?;
        if let Some(sheet) = self.sheet() {
            write!(f, ", sheet \"{sheet}\"")?;
        }
        if self.row > 0 {
            write!(f, ", row {}", self.row)?;
        }
        if self.column > 0 {
            write!(f, ", column {}", self.column_letters())?;
        }
        Ok(())
    }
}

/// Something a reader noticed and did not take as it stood.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Where.
    pub at: CellRef,
    /// What, as a sentence the user can act on, in both languages.
    pub message: Sentence,
}

impl std::fmt::Display for Warning {
    /// The position and the message, in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// A sentence for the user in the two languages of the interface: what a reader decided or
/// could not take (see [`Warning`] and `io::Loaded::decisions`). It reads as its English text
/// (`Deref` to `str`, `Display`); [`Self::vi`] is shown where the interface is in Vietnamese.
///
/// Serialized as `{"en": …, "vi": …}`; a plain string (the form before both languages were
/// kept) reads as the same text in both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "SentenceForms")]
pub struct Sentence {
    /// In English.
    pub en: String,
    /// In Vietnamese.
    pub vi: String,
}

/// The forms a [`Sentence`] is read from.
#[derive(Deserialize)]
#[serde(untagged)]
enum SentenceForms {
    Both { en: String, vi: String },
    Plain(String),
}

impl From<SentenceForms> for Sentence {
    fn from(forms: SentenceForms) -> Self {
        match forms {
            SentenceForms::Both { en, vi } => Self { en, vi },
            SentenceForms::Plain(text) => Self::from(text),
        }
    }
}

impl Sentence {
    /// The sentence `en` in English and `vi` in Vietnamese.
    #[must_use]
    pub fn new(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            vi: vi.into(),
        }
    }

    /// The sentence in `language`.
    #[must_use]
    pub fn text(&self, language: crate::report::Language) -> &str {
        match language {
            crate::report::Language::En => &self.en,
            crate::report::Language::Vi => &self.vi,
        }
    }
}

impl From<String> for Sentence {
    /// The same text in both languages: text that needs no translation (a file's own words,
    /// a figure), or an English one that has none yet.
    fn from(text: String) -> Self {
        Self {
            vi: text.clone(),
            en: text,
        }
    }
}

impl From<&str> for Sentence {
    /// The same text in both languages (see `From<String>`).
    fn from(text: &str) -> Self {
        Self::from(text.to_owned())
    }
}

impl std::ops::Deref for Sentence {
    type Target = str;

    /// The English text.
    fn deref(&self) -> &str {
        &self.en
    }
}

impl std::fmt::Display for Sentence {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_one_year_reads_as_that_year() {
        let mut strategy = Strategy {
            span: Some((2016, 2020)),
            ..Strategy::default()
        };
        assert_eq!(strategy.span_text().as_deref(), Some("2016-2020"));
        strategy.span = Some((2020, 2020));
        assert_eq!(strategy.span_text().as_deref(), Some("2020"));
    }

    #[test]
    fn values_and_positions_stay_small_and_serialize_field_by_field() {
        // A long table keeps one value per row; see BENCHMARKS.md.
        assert!(std::mem::size_of::<PeriodValue>() <= 176);
        assert_eq!(std::mem::size_of::<CellRef>(), 16);
        let mut value = PeriodValue::new(2020);
        value.set_unread_actual(Some("khoảng 90".into()));
        value.actual = Some(Actual {
            measure: Measure::Number(90.0),
            estimate: false,
            text: "90".into(),
            origin: Some(CellRef::new("a.xlsx", Some("Tổng hợp".into()), 7, 4)),
        });
        let json = serde_json::to_value(&value).unwrap();
        assert_eq!(json["unread_actual"], "khoảng 90");
        assert_eq!(json["unread_target"], serde_json::Value::Null);
        assert_eq!(
            json["actual"]["origin"],
            serde_json::json!({"file": "a.xlsx", "sheet": "Tổng hợp", "row": 7, "column": 4})
        );
        let back: PeriodValue = serde_json::from_value(json).unwrap();
        assert_eq!(back, value);
        // Clearing the only unread text drops its box.
        value.set_unread_actual(None);
        assert!(value.unread.is_none());
        assert_eq!(
            value,
            PeriodValue {
                actual: value.actual.clone(),
                ..PeriodValue::new(2020)
            }
        );
    }

    #[test]
    fn units_know_percent_and_rates() {
        assert_eq!(Unit::parse("%").scale, UnitScale::Percent);
        assert_eq!(
            Unit::parse("trên 100.000 trẻ em").scale,
            UnitScale::PerN(100_000.0)
        );
        assert_eq!(
            Unit::parse("bé trai/100 bé gái").scale,
            UnitScale::PerN(100.0)
        );
        assert_eq!(
            Unit::parse("per 1,000 live births").scale,
            UnitScale::PerN(1000.0)
        );
        assert_eq!(Unit::parse("‰").scale, UnitScale::PerN(1000.0));
        assert_eq!(Unit::parse("tỷ đồng").scale, UnitScale::Plain);
        assert_eq!(Unit::parse("trẻ em").scale, UnitScale::Plain);
    }

    #[test]
    fn ratio_value_follows_the_unit() {
        let actual = Actual {
            measure: Measure::Ratio {
                numerator: 76.0,
                denominator: 145.0,
            },
            estimate: false,
            text: "76/145".into(),
            origin: None,
        };
        let percent = actual.value(&Unit::parse("%")).unwrap();
        assert!((percent - 52.413_793).abs() < 1e-5);
        let zero = Actual {
            measure: Measure::Ratio {
                numerator: 0.0,
                denominator: 0.0,
            },
            ..actual
        };
        assert_eq!(zero.value(&Unit::parse("%")), None);
    }

    #[test]
    fn column_letters_are_spreadsheet_style() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16_384), "XFD");
    }

    #[test]
    fn assessments_are_read_in_both_languages() {
        assert_eq!(Status::parse("Vượt (275%)"), Some(Status::Exceeded));
        assert_eq!(Status::parse("Đạt"), Some(Status::Met));
        assert_eq!(Status::parse("Chưa đạt"), Some(Status::NotMet));
        assert_eq!(Status::parse("Không đạt"), Some(Status::NotMet));
        assert_eq!(Status::parse("not met"), Some(Status::NotMet));
        assert_eq!(Status::parse("xem ghi chú"), None);
    }
}
