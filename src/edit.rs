//! The one place where the [`Document`] changes: every change is an [`Edit`], applied by
//! [`History::apply`] (or [`History::try_apply`]), which records its inverse so it can be undone
//! and redone, and adds edits of figures to the document's change log.
//!
//! Typed values are parsed exactly as on import ([`crate::parse`]): "dưới 10", "76/145",
//! "96,245". Text that cannot be read as a target or an actual result is kept as written
//! ([`PeriodValue::unread_target`], [`PeriodValue::unread_actual`]), never thrown away.

use std::time::{Duration, Instant};

use crate::model::{
    Actual, Assessment, Baseline, ChangeRecord, Direction, Document, Goal, Indicator, Period,
    PeriodValue, Presentation, Strategy, Target, Unit, Warning,
};
use crate::parse::{NumberFormat, format_plain, parse_measure, parse_number, parse_target};

/// An editable field of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// STT / code.
    Code,
    /// Name.
    Name,
    /// Unit as written.
    Unit,
    /// Direction: tăng/giảm/khoảng or increase/decrease/range.
    Direction,
    /// Baseline value.
    Baseline,
    /// Baseline year.
    BaselineYear,
    /// The goal's code (empty for none).
    Goal,
    /// Whether targets are running totals ("true"/"false", "có"/"không").
    Cumulative,
    /// Target for a period.
    Target(Period),
    /// Actual result for a period.
    Actual(Period),
    /// The manual assessment (đánh giá) for a period.
    Assessment(Period),
    /// Note.
    Note,
    /// Source.
    Source,
}

impl Field {
    /// The field's name in the change log, e.g. "actual 2020".
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Code => "code".into(),
            Self::Name => "name".into(),
            Self::Unit => "unit".into(),
            Self::Direction => "direction".into(),
            Self::Baseline => "baseline".into(),
            Self::BaselineYear => "baseline year".into(),
            Self::Goal => "goal".into(),
            Self::Cumulative => "cumulative".into(),
            Self::Target(period) => format!("target {period}"),
            Self::Actual(period) => format!("actual {period}"),
            Self::Assessment(period) => format!("assessment {period}"),
            Self::Note => "note".into(),
            Self::Source => "source".into(),
        }
    }

    /// The field's current value as text: what the table shows and the editor starts from.
    #[must_use]
    pub fn text(self, indicator: &Indicator) -> String {
        let value = |period: Period| indicator.value(period);
        match self {
            Self::Code => indicator.code.clone(),
            Self::Name => indicator.name.clone(),
            Self::Unit => indicator.unit.text.clone(),
            Self::Direction => indicator.direction.as_str().to_owned(),
            Self::Baseline => indicator
                .baseline
                .as_ref()
                .map(|b| format_plain(b.value))
                .unwrap_or_default(),
            Self::BaselineYear => indicator
                .baseline
                .as_ref()
                .and_then(|b| b.year)
                .map(|year| year.to_string())
                .unwrap_or_default(),
            Self::Goal => indicator.goal.clone().unwrap_or_default(),
            Self::Cumulative => indicator.cumulative.to_string(),
            Self::Target(period) => value(period)
                .and_then(|v| {
                    v.target
                        .as_ref()
                        .map(|t| t.text.to_string())
                        .or_else(|| v.unread_target().map(str::to_owned))
                })
                .unwrap_or_default(),
            Self::Actual(period) => value(period)
                .and_then(|v| {
                    v.actual
                        .as_ref()
                        .map(|a| a.text.to_string())
                        .or_else(|| v.unread_actual().map(str::to_owned))
                })
                .unwrap_or_default(),
            Self::Assessment(period) => value(period)
                .and_then(|v| v.assessment.as_ref().map(|a| a.text.clone()))
                .unwrap_or_default(),
            Self::Note => indicator.note.clone(),
            Self::Source => indicator.source.clone(),
        }
    }
}

/// Why an edit could not be applied. The document is unchanged; the typed text is the caller's
/// to keep showing beside this reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EditError(pub String);

/// A change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Opens strategies (from a file) at the end of the list, with the file's warnings.
    AddStrategies {
        /// The strategies, in file order.
        strategies: Vec<Strategy>,
        /// What the reader noticed.
        warnings: Vec<Warning>,
    },
    /// Closes the strategy at `index`, with the warnings of its file.
    RemoveStrategy {
        /// Position in [`Document::strategies`].
        index: usize,
    },
    /// Puts a strategy back at `index` (the inverse of [`Edit::RemoveStrategy`]).
    InsertStrategy {
        /// Position in [`Document::strategies`].
        index: usize,
        /// The strategy.
        strategy: Box<Strategy>,
        /// The warnings that belonged to its file.
        warnings: Vec<Warning>,
    },
    /// Removes the last `count` strategies and `warnings` warnings (the inverse of
    /// [`Edit::AddStrategies`]).
    Truncate {
        /// How many strategies to remove from the end.
        count: usize,
        /// How many warnings to remove from the end.
        warnings: usize,
    },
    /// Moves a strategy from one position to another.
    MoveStrategy {
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Sets a strategy's code, name and span.
    SetStrategyInfo {
        /// Position in [`Document::strategies`].
        index: usize,
        /// New code.
        code: String,
        /// New name.
        name: String,
        /// New span.
        span: Option<(Period, Period)>,
    },
    /// Replaces a whole strategy (the inverse of structural edits inside it).
    ReplaceStrategy {
        /// Position in [`Document::strategies`].
        index: usize,
        /// The strategy to put there.
        strategy: Box<Strategy>,
    },
    /// Sets one field of an indicator from typed text, parsed as on import.
    SetField {
        /// Strategy position.
        strategy: usize,
        /// Indicator position in the strategy.
        indicator: usize,
        /// Which field.
        field: Field,
        /// The text as typed.
        text: String,
        /// How numbers in the text are written.
        format: NumberFormat,
    },
    /// Replaces a whole indicator (the inverse of field edits).
    ReplaceIndicator {
        /// Strategy position.
        strategy: usize,
        /// Indicator position.
        index: usize,
        /// The indicator to put there.
        indicator: Box<Indicator>,
    },
    /// Inserts an indicator (add or duplicate).
    InsertIndicator {
        /// Strategy position.
        strategy: usize,
        /// Where it goes.
        index: usize,
        /// The indicator.
        indicator: Box<Indicator>,
    },
    /// Deletes an indicator.
    RemoveIndicator {
        /// Strategy position.
        strategy: usize,
        /// Indicator position.
        index: usize,
    },
    /// Moves an indicator inside its strategy.
    MoveIndicator {
        /// Strategy position.
        strategy: usize,
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Inserts a goal.
    InsertGoal {
        /// Strategy position.
        strategy: usize,
        /// Where it goes.
        index: usize,
        /// The goal.
        goal: Goal,
    },
    /// Renames a goal (its indicators follow a new code).
    SetGoal {
        /// Strategy position.
        strategy: usize,
        /// Goal position.
        index: usize,
        /// The new code and name.
        goal: Goal,
    },
    /// Deletes a goal; its indicators keep their place and belong to no goal.
    RemoveGoal {
        /// Strategy position.
        strategy: usize,
        /// Goal position.
        index: usize,
    },
    /// Moves a goal among the strategy's goals.
    MoveGoal {
        /// Strategy position.
        strategy: usize,
        /// Current position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// Adds an empty period to every indicator of a strategy.
    AddPeriod {
        /// Strategy position.
        strategy: usize,
        /// The period.
        period: Period,
    },
    /// Deletes a period's targets, actual results and assessments from every indicator.
    RemovePeriod {
        /// Strategy position.
        strategy: usize,
        /// The period.
        period: Period,
    },
    /// Adds records to the end of the change log (the log of a saved workbook being opened).
    AppendChanges {
        /// The records, oldest first.
        changes: Vec<ChangeRecord>,
    },
    /// Removes the last `count` records of the change log (the inverse of
    /// [`Edit::AppendChanges`]).
    TruncateChanges {
        /// How many records to remove from the end.
        count: usize,
    },
    /// Sets the presenter's choice of slides and hidden indicators (its inverse sets the
    /// choice before).
    SetPresentation(Box<Presentation>),
    /// Several edits as one step (a paste of a range, a cleared selection): applied in order,
    /// all or none; undone together.
    Batch(Vec<Edit>),
}

fn out_of_range(what: &str, index: usize) -> EditError {
    EditError(format!("there is no {what} number {}", index + 1))
}

impl Edit {
    /// Applies the edit and returns its inverse, or `None` when it does not apply (an index out
    /// of range, or typed text that cannot be taken), leaving the document unchanged.
    pub fn apply(self, document: &mut Document) -> Option<Edit> {
        self.try_apply(document).ok()
    }

    /// Applies the edit and returns its inverse, or why it cannot be applied (the document is
    /// then unchanged).
    pub fn try_apply(self, document: &mut Document) -> Result<Edit, EditError> {
        match self {
            Edit::AddStrategies {
                strategies,
                warnings,
            } => {
                let inverse = Edit::Truncate {
                    count: strategies.len(),
                    warnings: warnings.len(),
                };
                document.strategies.extend(strategies);
                document.warnings.extend(warnings);
                Ok(inverse)
            }
            Edit::Truncate { count, warnings } => {
                let keep = document
                    .strategies
                    .len()
                    .checked_sub(count)
                    .ok_or_else(|| out_of_range("strategy", count))?;
                let keep_warnings = document
                    .warnings
                    .len()
                    .checked_sub(warnings)
                    .ok_or_else(|| out_of_range("warning", warnings))?;
                let strategies = document.strategies.split_off(keep);
                let warnings = document.warnings.split_off(keep_warnings);
                Ok(Edit::AddStrategies {
                    strategies,
                    warnings,
                })
            }
            Edit::RemoveStrategy { index } => {
                if index >= document.strategies.len() {
                    return Err(out_of_range("strategy", index));
                }
                let strategy = document.strategies.remove(index);
                let file_still_open = document
                    .strategies
                    .iter()
                    .any(|other| other.source_file == strategy.source_file);
                let (warnings, kept): (Vec<Warning>, Vec<Warning>) =
                    std::mem::take(&mut document.warnings)
                        .into_iter()
                        .partition(|warning| {
                            warning.at.file() == strategy.source_file && !file_still_open
                        });
                document.warnings = kept;
                Ok(Edit::InsertStrategy {
                    index,
                    strategy: Box::new(strategy),
                    warnings,
                })
            }
            Edit::InsertStrategy {
                index,
                strategy,
                warnings,
            } => {
                if index > document.strategies.len() {
                    return Err(out_of_range("strategy", index));
                }
                document.strategies.insert(index, *strategy);
                document.warnings.extend(warnings);
                Ok(Edit::RemoveStrategy { index })
            }
            Edit::MoveStrategy { from, to } => {
                move_item(&mut document.strategies, from, to, "strategy")?;
                Ok(Edit::MoveStrategy { from: to, to: from })
            }
            Edit::SetStrategyInfo {
                index,
                code,
                name,
                span,
            } => {
                let strategy = document
                    .strategies
                    .get_mut(index)
                    .ok_or_else(|| out_of_range("strategy", index))?;
                if let Some((from, to)) = span
                    && from > to
                {
                    return Err(EditError(format!(
                        "the span {from}-{to} ends before it starts"
                    )));
                }
                let inverse = Edit::SetStrategyInfo {
                    index,
                    code: std::mem::replace(&mut strategy.code, crate::text::clean(&code)),
                    name: std::mem::replace(&mut strategy.name, crate::text::nfc(&name)),
                    span: std::mem::replace(&mut strategy.span, span),
                };
                Ok(inverse)
            }
            Edit::ReplaceStrategy { index, strategy } => {
                let slot = document
                    .strategies
                    .get_mut(index)
                    .ok_or_else(|| out_of_range("strategy", index))?;
                let old = std::mem::replace(slot, *strategy);
                Ok(Edit::ReplaceStrategy {
                    index,
                    strategy: Box::new(old),
                })
            }
            Edit::SetField {
                strategy,
                indicator,
                field,
                text,
                format,
            } => {
                let slot = indicator_mut(document, strategy, indicator)?;
                let mut changed = slot.clone();
                set_field(&mut changed, field, &text, format)?;
                let old = std::mem::replace(slot, changed);
                Ok(Edit::ReplaceIndicator {
                    strategy,
                    index: indicator,
                    indicator: Box::new(old),
                })
            }
            Edit::ReplaceIndicator {
                strategy,
                index,
                indicator,
            } => {
                let slot = indicator_mut(document, strategy, index)?;
                let old = std::mem::replace(slot, *indicator);
                Ok(Edit::ReplaceIndicator {
                    strategy,
                    index,
                    indicator: Box::new(old),
                })
            }
            Edit::InsertIndicator {
                strategy,
                index,
                indicator,
            } => {
                let list = &mut strategy_mut(document, strategy)?.indicators;
                if index > list.len() {
                    return Err(out_of_range("indicator", index));
                }
                list.insert(index, *indicator);
                Ok(Edit::RemoveIndicator { strategy, index })
            }
            Edit::RemoveIndicator { strategy, index } => {
                let list = &mut strategy_mut(document, strategy)?.indicators;
                if index >= list.len() {
                    return Err(out_of_range("indicator", index));
                }
                let indicator = list.remove(index);
                Ok(Edit::InsertIndicator {
                    strategy,
                    index,
                    indicator: Box::new(indicator),
                })
            }
            Edit::MoveIndicator { strategy, from, to } => {
                move_item(
                    &mut strategy_mut(document, strategy)?.indicators,
                    from,
                    to,
                    "indicator",
                )?;
                Ok(Edit::MoveIndicator {
                    strategy,
                    from: to,
                    to: from,
                })
            }
            Edit::InsertGoal {
                strategy,
                index,
                goal,
            } => structural(document, strategy, |s| {
                if index > s.goals.len() {
                    return Err(out_of_range("goal", index));
                }
                if s.goal(&goal.code).is_some() {
                    return Err(EditError(format!("a goal {} exists already", goal.code)));
                }
                s.goals.insert(index, goal);
                Ok(())
            }),
            Edit::SetGoal {
                strategy,
                index,
                goal,
            } => structural(document, strategy, |s| {
                let old = s
                    .goals
                    .get(index)
                    .cloned()
                    .ok_or_else(|| out_of_range("goal", index))?;
                if old.code != goal.code && s.goal(&goal.code).is_some() {
                    return Err(EditError(format!("a goal {} exists already", goal.code)));
                }
                for indicator in &mut s.indicators {
                    if indicator.goal.as_deref() == Some(old.code.as_str()) {
                        indicator.goal = Some(goal.code.clone());
                    }
                }
                s.goals[index] = goal;
                Ok(())
            }),
            Edit::RemoveGoal { strategy, index } => structural(document, strategy, |s| {
                if index >= s.goals.len() {
                    return Err(out_of_range("goal", index));
                }
                let goal = s.goals.remove(index);
                for indicator in &mut s.indicators {
                    if indicator.goal.as_deref() == Some(goal.code.as_str()) {
                        indicator.goal = None;
                    }
                }
                Ok(())
            }),
            Edit::MoveGoal { strategy, from, to } => {
                move_item(
                    &mut strategy_mut(document, strategy)?.goals,
                    from,
                    to,
                    "goal",
                )?;
                Ok(Edit::MoveGoal {
                    strategy,
                    from: to,
                    to: from,
                })
            }
            Edit::AddPeriod { strategy, period } => structural(document, strategy, |s| {
                if s.periods().contains(&period) {
                    return Err(EditError(format!("the period {period} exists already")));
                }
                for indicator in &mut s.indicators {
                    indicator.value_mut(period);
                }
                Ok(())
            }),
            Edit::RemovePeriod { strategy, period } => structural(document, strategy, |s| {
                if !s.periods().contains(&period) {
                    return Err(EditError(format!("there is no period {period}")));
                }
                for indicator in &mut s.indicators {
                    indicator.values.retain(|value| value.period != period);
                }
                Ok(())
            }),
            Edit::AppendChanges { changes } => {
                let count = changes.len();
                document.changes.extend(changes);
                Ok(Edit::TruncateChanges { count })
            }
            Edit::TruncateChanges { count } => {
                let keep = document
                    .changes
                    .len()
                    .checked_sub(count)
                    .ok_or_else(|| out_of_range("change", count))?;
                Ok(Edit::AppendChanges {
                    changes: document.changes.split_off(keep),
                })
            }
            Edit::SetPresentation(presentation) => Ok(Edit::SetPresentation(Box::new(
                std::mem::replace(&mut document.presentation, *presentation),
            ))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.try_apply(document) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Put back what the batch did so far, newest first.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.try_apply(document);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// The change-log records of this edit, described against the document before it applies:
    /// one for a field edit, one per field edit of a batch, none for other edits.
    #[must_use]
    pub fn records(&self, document: &Document) -> Vec<ChangeRecord> {
        match self {
            Edit::Batch(edits) => edits
                .iter()
                .flat_map(|edit| edit.records(document))
                .collect(),
            edit => edit.record(document).into_iter().collect(),
        }
    }

    /// The change-log record of this edit, described against the document before it applies;
    /// `None` for edits that are not edits of figures (opening, closing, reordering).
    #[must_use]
    pub fn record(&self, document: &Document) -> Option<ChangeRecord> {
        let Edit::SetField {
            strategy,
            indicator,
            field,
            text,
            ..
        } = self
        else {
            return None;
        };
        let owner = document.strategies.get(*strategy)?;
        let target = owner.indicators.get(*indicator)?;
        Some(ChangeRecord {
            when: now(),
            strategy: owner.code.clone(),
            indicator: if target.code.is_empty() {
                target.name.clone()
            } else {
                target.code.clone()
            },
            field: field.label(),
            old: field.text(target),
            new: text.clone(),
        })
    }

    /// Edits that merge into one undo step when they follow each other quickly: typing in the
    /// same cell.
    fn merge_key(&self) -> Option<(usize, usize, Field)> {
        match self {
            Edit::SetField {
                strategy,
                indicator,
                field,
                ..
            } => Some((*strategy, *indicator, *field)),
            _ => None,
        }
    }
}

/// The current time as ISO 8601 in UTC, to the second.
fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn strategy_mut(document: &mut Document, index: usize) -> Result<&mut Strategy, EditError> {
    document
        .strategies
        .get_mut(index)
        .ok_or_else(|| out_of_range("strategy", index))
}

fn indicator_mut(
    document: &mut Document,
    strategy: usize,
    index: usize,
) -> Result<&mut Indicator, EditError> {
    strategy_mut(document, strategy)?
        .indicators
        .get_mut(index)
        .ok_or_else(|| out_of_range("indicator", index))
}

/// Applies a change inside a strategy; the inverse restores the strategy as it was.
fn structural(
    document: &mut Document,
    index: usize,
    change: impl FnOnce(&mut Strategy) -> Result<(), EditError>,
) -> Result<Edit, EditError> {
    let strategy = strategy_mut(document, index)?;
    let mut changed = strategy.clone();
    change(&mut changed)?;
    let old = std::mem::replace(strategy, changed);
    Ok(Edit::ReplaceStrategy {
        index,
        strategy: Box::new(old),
    })
}

fn move_item<T>(list: &mut Vec<T>, from: usize, to: usize, what: &str) -> Result<(), EditError> {
    if from >= list.len() {
        return Err(out_of_range(what, from));
    }
    if to >= list.len() {
        return Err(out_of_range(what, to));
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(())
}

/// Sets a field from typed text, parsed as on import.
fn set_field(
    indicator: &mut Indicator,
    field: Field,
    typed: &str,
    format: NumberFormat,
) -> Result<(), EditError> {
    let text = crate::text::nfc(typed);
    match field {
        Field::Code => indicator.code = crate::text::clean(&text),
        Field::Name => indicator.name = text,
        Field::Unit => indicator.unit = Unit::parse(&text),
        Field::Direction => {
            indicator.direction = Direction::parse(&text).ok_or_else(|| {
                EditError(format!(
                    "\"{text}\" is not a direction: tăng/giảm/khoảng or increase/decrease/range"
                ))
            })?;
        }
        Field::Baseline => {
            if text.is_empty() {
                indicator.baseline = None;
            } else {
                let number = parse_number(&text, format)
                    .ok_or_else(|| EditError(format!("\"{text}\" is not a number")))?;
                let year = indicator.baseline.as_ref().and_then(|b| b.year);
                indicator.baseline = Some(Baseline {
                    value: number.value,
                    year,
                    origin: None,
                });
            }
        }
        Field::BaselineYear => {
            let year = if text.is_empty() {
                None
            } else {
                Some(
                    text.parse::<Period>()
                        .ok()
                        .filter(|year| (1900..2200).contains(year))
                        .ok_or_else(|| EditError(format!("\"{text}\" is not a year")))?,
                )
            };
            let baseline = indicator
                .baseline
                .as_mut()
                .ok_or_else(|| EditError("enter the baseline value before its year".to_owned()))?;
            baseline.year = year;
        }
        Field::Goal => indicator.goal = (!text.is_empty()).then(|| crate::text::clean(&text)),
        Field::Cumulative => {
            indicator.cumulative = match crate::text::fold(&text).as_str() {
                "true" | "yes" | "co" | "x" | "1" | "cong don" | "luy ke" => true,
                "false" | "no" | "khong" | "" | "0" => false,
                _ => {
                    return Err(EditError(format!(
                        "\"{text}\" is neither yes (có) nor no (không)"
                    )));
                }
            };
        }
        Field::Target(period) => {
            let value = indicator.value_mut(period);
            value.target = None;
            value.set_unread_target(None);
            if !text.is_empty() {
                match parse_target(&text, format) {
                    Some(parsed) => {
                        value.target = Some(Target {
                            value: parsed.value,
                            comparator: parsed.comparator,
                            text: text.into(),
                            origin: None,
                        });
                    }
                    None => value.set_unread_target(Some(text)),
                }
            }
        }
        Field::Actual(period) => {
            let value = indicator.value_mut(period);
            let estimate = value.actual.as_ref().is_some_and(|a| a.estimate);
            value.actual = None;
            value.set_unread_actual(None);
            if !text.is_empty() {
                match parse_measure(&text, format) {
                    Some(measure) => {
                        value.actual = Some(Actual {
                            measure,
                            estimate,
                            text: text.into(),
                            origin: None,
                        });
                    }
                    None => value.set_unread_actual(Some(text)),
                }
            }
        }
        Field::Assessment(period) => {
            let value = indicator.value_mut(period);
            value.assessment =
                (!text.is_empty()).then(|| Box::new(Assessment::from_text(&text, None)));
        }
        Field::Note => indicator.note = text,
        Field::Source => indicator.source = text,
    }
    Ok(())
}

/// Why a typed value was kept as text, for the cell's tooltip; `None` when it was read.
#[must_use]
pub fn unread_reason(value: &PeriodValue, field: Field) -> Option<String> {
    match field {
        Field::Target(_) => value.unread_target().map(|text| {
            format!("\"{text}\" is not a number, a comparator (≥ 95, dưới 10, từ 25% trở lên) or a range (40-60)")
        }),
        Field::Actual(_) => value
            .unread_actual()
            .map(|text| format!("\"{text}\" is not a number or a ratio (76/145)")),
        _ => None,
    }
}

/// One undo step: the edit that reverts it, and the change-log records it added.
#[derive(Clone, Debug)]
struct Step {
    inverse: Edit,
    records: Vec<ChangeRecord>,
    /// Identifies the document state this step leads to, for the modified mark.
    id: u64,
}

/// How long after a field edit another edit of the same field joins the same undo step.
pub const MERGE_WINDOW: Duration = Duration::from_secs(2);

/// Undo and redo stacks over a document. History lives for the session and is never saved.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    last: Option<((usize, usize, Field), Instant)>,
    next_id: u64,
    /// The state last saved: the id of the step on top of the undo stack then (`None`: empty).
    saved: Option<u64>,
}

impl History {
    /// Applies `edit` to `document`, records its inverse and clears the redo stack. Returns
    /// whether the edit applied.
    pub fn apply(&mut self, document: &mut Document, edit: Edit) -> bool {
        self.try_apply(document, edit).is_ok()
    }

    /// Applies `edit`, or says why it cannot be applied (the document is then unchanged). Field
    /// edits of the same cell within [`MERGE_WINDOW`] of each other form one undo step.
    pub fn try_apply(&mut self, document: &mut Document, edit: Edit) -> Result<(), EditError> {
        let records = edit.records(document);
        let key = edit.merge_key();
        let inverse = edit.try_apply(document)?;
        let now = Instant::now();
        let merges = match (key, self.last, self.undo.last()) {
            (Some(key), Some((last_key, at)), Some(_)) => {
                key == last_key && now.duration_since(at) <= MERGE_WINDOW && self.redo.is_empty()
            }
            _ => false,
        };
        self.last = key.map(|key| (key, now));
        self.redo.clear();
        if merges && let Some(step) = self.undo.last_mut() {
            // The older inverse already restores the state before the burst; only the log's
            // last record follows the newest text.
            if let (Some(record), Some(last)) =
                (records.into_iter().next(), step.records.last_mut())
                && let Some(logged) = document.changes.last_mut()
            {
                last.new.clone_from(&record.new);
                logged.new = record.new;
            }
            if self.saved == Some(step.id) {
                self.next_id += 1;
                step.id = self.next_id;
            }
            return Ok(());
        }
        document.changes.extend(records.iter().cloned());
        self.next_id += 1;
        self.undo.push(Step {
            inverse,
            records,
            id: self.next_id,
        });
        Ok(())
    }

    /// Undoes the last step. Returns whether there was one.
    pub fn undo(&mut self, document: &mut Document) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        self.last = None;
        match step.inverse.try_apply(document) {
            Ok(inverse) => {
                let keep = document.changes.len().saturating_sub(step.records.len());
                document.changes.truncate(keep);
                self.redo.push(Step {
                    inverse,
                    records: step.records,
                    id: step.id,
                });
                true
            }
            Err(_) => false,
        }
    }

    /// Redoes the last undone step. Returns whether there was one.
    pub fn redo(&mut self, document: &mut Document) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        self.last = None;
        match step.inverse.try_apply(document) {
            Ok(inverse) => {
                document.changes.extend(step.records.iter().cloned());
                self.undo.push(Step {
                    inverse,
                    records: step.records,
                    id: step.id,
                });
                true
            }
            Err(_) => false,
        }
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Marks the document as saved in its current state.
    pub fn mark_saved(&mut self) {
        self.saved = self.undo.last().map(|step| step.id);
        self.last = None;
    }

    /// Whether the document differs from its last saved state (for a history never saved: from
    /// its state when the history began). The title's modified mark and the unsaved-changes
    /// prompt use it.
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.undo.last().map(|step| step.id) != self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellRef, Comparator, Measure, Status};

    fn strategy(code: &str, file: &str) -> Strategy {
        Strategy {
            code: code.into(),
            source_file: file.into(),
            ..Strategy::default()
        }
    }

    fn sample() -> Document {
        let mut indicator = Indicator {
            code: "5".into(),
            name: "Tỷ lệ xã phù hợp với trẻ em".into(),
            unit: Unit::parse("%"),
            ..Indicator::default()
        };
        set_field(
            &mut indicator,
            Field::Target(2020),
            "60",
            NumberFormat::DecimalComma,
        )
        .unwrap();
        set_field(
            &mut indicator,
            Field::Actual(2020),
            "76/145",
            NumberFormat::DecimalComma,
        )
        .unwrap();
        Document {
            strategies: vec![Strategy {
                code: "BVCSTE".into(),
                indicators: vec![indicator],
                goals: vec![Goal {
                    code: "I".into(),
                    name: "Goal".into(),
                }],
                ..Strategy::default()
            }],
            ..Document::default()
        }
    }

    fn set(field: Field, text: &str) -> Edit {
        Edit::SetField {
            strategy: 0,
            indicator: 0,
            field,
            text: text.into(),
            format: NumberFormat::DecimalComma,
        }
    }

    #[test]
    fn open_and_close_undo_redo() {
        let mut document = Document::default();
        let mut history = History::default();
        let warning = Warning {
            at: CellRef::new("a.csv", None, 0, 0),
            message: "x".into(),
        };
        assert!(history.apply(
            &mut document,
            Edit::AddStrategies {
                strategies: vec![strategy("A", "a.csv"), strategy("B", "b.csv")],
                warnings: vec![warning],
            }
        ));
        let opened = document.clone();
        assert!(history.apply(&mut document, Edit::RemoveStrategy { index: 0 }));
        assert_eq!(document.strategies.len(), 1);
        assert!(document.warnings.is_empty());
        assert!(history.undo(&mut document));
        assert_eq!(document, opened);
        assert!(history.undo(&mut document));
        assert_eq!(document, Document::default());
        assert!(history.redo(&mut document));
        assert_eq!(document, opened);
        assert!(history.apply(&mut document, Edit::MoveStrategy { from: 0, to: 1 }));
        assert_eq!(document.strategies[0].code, "B");
        assert!(history.undo(&mut document));
        assert_eq!(document, opened);
        assert!(!history.apply(&mut document, Edit::RemoveStrategy { index: 9 }));
    }

    #[test]
    fn typed_values_parse_as_on_import() {
        let mut document = sample();
        let mut history = History::default();
        history
            .try_apply(&mut document, set(Field::Actual(2020), "96,245"))
            .unwrap();
        let value = document.strategies[0].indicators[0]
            .value(2020)
            .unwrap()
            .clone();
        assert_eq!(value.actual.unwrap().measure, Measure::Number(96.245));
        history
            .try_apply(&mut document, set(Field::Target(2021), "dưới 10"))
            .unwrap();
        let target = document.strategies[0].indicators[0]
            .value(2021)
            .unwrap()
            .target
            .clone()
            .unwrap();
        assert_eq!(
            (target.value, target.comparator),
            (10.0, Some(Comparator::LessThan))
        );
    }

    #[test]
    fn unreadable_text_is_kept_with_a_reason() {
        let mut document = sample();
        let mut history = History::default();
        history
            .try_apply(&mut document, set(Field::Actual(2020), "khoảng bảy mươi"))
            .unwrap();
        let indicator = &document.strategies[0].indicators[0];
        let value = indicator.value(2020).unwrap();
        assert_eq!(value.actual, None);
        assert_eq!(value.unread_actual(), Some("khoảng bảy mươi"));
        assert!(
            unread_reason(value, Field::Actual(2020))
                .unwrap()
                .contains("76/145")
        );
        assert_eq!(Field::Actual(2020).text(indicator), "khoảng bảy mươi");
        assert_eq!(
            crate::analysis::evaluate(indicator, 2020).status,
            Status::NoData
        );
        // A direction that is not one stays the caller's to show; nothing changes.
        let before = document.clone();
        let error = history
            .try_apply(&mut document, set(Field::Direction, "lên"))
            .unwrap_err();
        assert!(error.0.contains("lên"));
        assert_eq!(document, before);
    }

    #[test]
    fn every_edit_kind_undoes_and_redoes() {
        let edits = vec![
            set(Field::Code, "5a"),
            set(Field::Name, "Tên mới"),
            set(Field::Unit, "trên 100.000 trẻ em"),
            set(Field::Direction, "giảm"),
            set(Field::Baseline, "38,5"),
            set(Field::Goal, "I"),
            set(Field::Cumulative, "có"),
            set(Field::Target(2020), "≥ 65"),
            set(Field::Actual(2020), "80/145"),
            set(Field::Assessment(2020), "Đạt"),
            set(Field::Note, "ghi chú"),
            set(Field::Source, "TTH.VN"),
            Edit::SetStrategyInfo {
                index: 0,
                code: "X".into(),
                name: "Đề án X".into(),
                span: Some((2016, 2020)),
            },
            Edit::InsertIndicator {
                strategy: 0,
                index: 1,
                indicator: Box::new(Indicator::default()),
            },
            Edit::InsertGoal {
                strategy: 0,
                index: 1,
                goal: Goal {
                    code: "II".into(),
                    name: "Hai".into(),
                },
            },
            Edit::SetGoal {
                strategy: 0,
                index: 0,
                goal: Goal {
                    code: "I*".into(),
                    name: "Một".into(),
                },
            },
            Edit::AddPeriod {
                strategy: 0,
                period: 2021,
            },
            Edit::RemovePeriod {
                strategy: 0,
                period: 2020,
            },
            Edit::AddStrategies {
                strategies: vec![strategy("B", "b.csv")],
                warnings: Vec::new(),
            },
        ];
        for edit in edits {
            let mut document = sample();
            let original = document.clone();
            let mut history = History::default();
            history
                .try_apply(&mut document, edit.clone())
                .unwrap_or_else(|error| panic!("{edit:?}: {error}"));
            assert_ne!(
                document.strategies, original.strategies,
                "{edit:?} changed nothing"
            );
            let changed = document.clone();
            assert!(history.undo(&mut document));
            assert_eq!(document, original, "undo of {edit:?}");
            assert!(history.redo(&mut document));
            assert_eq!(document.strategies, changed.strategies, "redo of {edit:?}");
        }
    }

    #[test]
    fn structure_edits_undo() {
        let mut document = sample();
        let mut history = History::default();
        let original = document.clone();
        let duplicate = document.strategies[0].indicators[0].clone();
        history
            .try_apply(
                &mut document,
                Edit::InsertIndicator {
                    strategy: 0,
                    index: 1,
                    indicator: Box::new(duplicate),
                },
            )
            .unwrap();
        history
            .try_apply(
                &mut document,
                Edit::MoveIndicator {
                    strategy: 0,
                    from: 1,
                    to: 0,
                },
            )
            .unwrap();
        history
            .try_apply(
                &mut document,
                Edit::RemoveIndicator {
                    strategy: 0,
                    index: 0,
                },
            )
            .unwrap();
        history
            .try_apply(
                &mut document,
                Edit::RemoveGoal {
                    strategy: 0,
                    index: 0,
                },
            )
            .unwrap();
        while history.undo(&mut document) {}
        assert_eq!(document, original);
    }

    #[test]
    fn typing_bursts_are_one_step_and_logged_once() {
        let mut document = sample();
        let original = document.clone();
        let mut history = History::default();
        for text in ["8", "80", "80/", "80/145"] {
            history
                .try_apply(&mut document, set(Field::Actual(2020), text))
                .unwrap();
        }
        assert_eq!(document.changes.len(), 1);
        assert_eq!(document.changes[0].old, "76/145");
        assert_eq!(document.changes[0].new, "80/145");
        assert_eq!(document.changes[0].field, "actual 2020");
        assert!(history.undo(&mut document));
        assert_eq!(document, original);
        assert!(!history.can_undo());
    }

    #[test]
    fn a_batch_is_one_step_logged_per_field_and_all_or_nothing() {
        let mut document = sample();
        let original = document.clone();
        let mut history = History::default();
        history
            .try_apply(
                &mut document,
                Edit::Batch(vec![
                    set(Field::Actual(2020), "80/145"),
                    set(Field::Note, "dán từ Excel"),
                ]),
            )
            .unwrap();
        assert_eq!(document.changes.len(), 2);
        assert_eq!(document.changes[1].field, "note");
        assert!(history.undo(&mut document));
        assert_eq!(document, original);
        assert!(!history.can_undo());
        assert!(history.redo(&mut document));
        assert_eq!(document.strategies[0].indicators[0].note, "dán từ Excel");
        assert_eq!(document.changes.len(), 2);

        // A batch with an edit that cannot apply changes nothing.
        let before = document.clone();
        let error = history
            .try_apply(
                &mut document,
                Edit::Batch(vec![set(Field::Note, "x"), set(Field::Direction, "lên")]),
            )
            .unwrap_err();
        assert!(error.0.contains("lên"));
        assert_eq!(document, before);
    }

    #[test]
    fn an_opened_change_log_is_appended_and_undone() {
        let mut document = sample();
        let mut history = History::default();
        let logged = ChangeRecord {
            strategy: "BVCSTE".into(),
            field: "actual 2020".into(),
            ..ChangeRecord::default()
        };
        history
            .try_apply(
                &mut document,
                Edit::Batch(vec![
                    Edit::AddStrategies {
                        strategies: vec![strategy("B", "b.xlsx")],
                        warnings: Vec::new(),
                    },
                    Edit::AppendChanges {
                        changes: vec![logged.clone()],
                    },
                ]),
            )
            .unwrap();
        assert_eq!(document.changes, [logged]);
        assert!(history.undo(&mut document));
        assert_eq!(document, sample());
        assert!(history.redo(&mut document));
        assert_eq!(document.strategies.len(), 2);
        assert_eq!(document.changes.len(), 1);
    }

    #[test]
    fn the_presentation_changes_through_history() {
        use crate::model::{IndicatorRef, SlideChoice, SlideKind, SlideRef};
        let mut document = sample();
        let original = document.clone();
        let mut history = History::default();
        let chosen = Presentation {
            slides: vec![SlideChoice {
                slide: SlideRef {
                    kind: SlideKind::NotMet,
                    strategy: "BVCSTE".into(),
                    goal: String::new(),
                },
                shown: false,
            }],
            hidden_indicators: vec![IndicatorRef {
                strategy: "BVCSTE".into(),
                indicator: "5".into(),
            }],
        };
        history
            .try_apply(
                &mut document,
                Edit::SetPresentation(Box::new(chosen.clone())),
            )
            .unwrap();
        assert_eq!(document.presentation, chosen);
        assert!(document.presentation.hides("BVCSTE", "5"));
        assert!(document.changes.is_empty(), "not a change of figures");
        assert!(history.is_modified());
        assert!(history.undo(&mut document));
        assert_eq!(document, original);
        assert!(history.redo(&mut document));
        assert_eq!(document.presentation, chosen);
    }

    #[test]
    fn modified_mark() {
        let mut document = sample();
        let mut history = History::default();
        assert!(!history.is_modified());
        history
            .try_apply(&mut document, set(Field::Note, "a"))
            .unwrap();
        assert!(history.is_modified());
        history.mark_saved();
        assert!(!history.is_modified());
        history
            .try_apply(&mut document, set(Field::Source, "b"))
            .unwrap();
        assert!(history.is_modified());
        history.undo(&mut document);
        assert!(!history.is_modified(), "back to the saved state");
    }
}
