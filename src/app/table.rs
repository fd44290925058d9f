//! A strategy's table: one row per indicator with its code, name, unit, baseline, target and
//! actual result as written, achievement, status, the file's own assessment, source and note;
//! goals as group rows; budget lines below, never counted. Hovering a value shows where it was
//! read and how it was understood.

use eframe::egui::{self, RichText, text::LayoutJob};
use egui_extras::{Column, Size, StripBuilder, TableBuilder, TableRow};

use crate::analysis::{Evaluation, evaluate, summarize};
use crate::app::i18n::{self, Texts};
use crate::app::overview::{headline_ui, period_selector_ui};
use crate::app::{Periods, fonts, theme};
use crate::model::{CellRef, Indicator, Measure, Period, PeriodValue, Strategy};
use crate::report::Language;

/// An indicator the table should show: highlighted, and scrolled to once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    /// The strategy's index.
    pub strategy: usize,
    /// The indicator's index in the strategy.
    pub indicator: usize,
    /// Whether the table still has to scroll to it.
    pub scroll: bool,
}

/// Columns of the table: code, indicator, unit, baseline, target, actual, achievement, status,
/// the file's assessment, source and note.
const COLUMNS: usize = 10;

/// A line of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line<'a> {
    /// A goal's group row: code and name.
    Goal(&'a str, &'a str),
    /// An indicator, by index.
    Indicator(usize),
}

/// The table's lines: each goal's row before its first indicator, then the indicators in file
/// order.
fn lines(strategy: &Strategy) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(strategy.indicators.len() + strategy.goals.len());
    let mut current: Option<&str> = None;
    for (index, indicator) in strategy.indicators.iter().enumerate() {
        let goal = indicator.goal.as_deref();
        if goal.is_some() && goal != current {
            if let Some(found) = goal.and_then(|code| strategy.goal(code)) {
                lines.push(Line::Goal(&found.code, &found.name));
            }
            current = goal;
        }
        lines.push(Line::Indicator(index));
    }
    lines
}

/// Draws the table view of the strategy at `index`.
pub fn strategy_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    periods: &mut Periods,
    language: Language,
    focus: &mut Option<Focus>,
) {
    let texts = i18n::texts(language);
    let period = periods.get(strategy);
    let summary = summarize(strategy, period);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} — {}", strategy.code, strategy.name))
                .family(fonts::bold())
                .size(theme::HEADING),
        );
    });
    ui.horizontal(|ui| {
        let mut facts = Vec::new();
        if let Some(span) = strategy.span_text() {
            facts.push(span);
        }
        facts.push(strategy.source_file.clone());
        facts.push(format!(
            "{} {}",
            strategy.indicators.len(),
            texts.indicators
        ));
        ui.label(RichText::new(facts.join(" · ")).color(theme::MUTED));
        ui.add_space(12.0);
        period_selector_ui(ui, index, strategy, periods, language);
    });
    headline_ui(ui, &summary, language);
    ui.add_space(6.0);
    let Some(period) = period else {
        return;
    };
    let focus_here = focus.filter(|focus| focus.strategy == index);
    let budget_height = if strategy.budget.is_empty() {
        0.0
    } else {
        strategy.budget.len() as f32 * (theme::BODY + 14.0) + theme::SMALL + 24.0
    };
    StripBuilder::new(ui)
        .size(Size::remainder().at_least(theme::TABLE_ROW * 2.0))
        .size(Size::exact(budget_height))
        .vertical(|mut strip| {
            strip.cell(|ui| {
                indicator_table_ui(ui, index, strategy, period, language, focus_here);
            });
            strip.cell(|ui| {
                if !strategy.budget.is_empty() {
                    budget_ui(ui, strategy, language);
                }
            });
        });
    if let Some(current) = focus
        && current.strategy == index
    {
        current.scroll = false;
    }
}

/// The budget lines of a strategy, under its table.
fn budget_ui(ui: &mut egui::Ui, strategy: &Strategy, language: Language) {
    let texts = i18n::texts(language);
    ui.separator();
    for line in &strategy.budget {
        let summary = crate::analysis::BudgetSummary::from(line);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", texts.budget)).strong());
            let response = ui.label(language.budget(&summary));
            let mut hover = vec![texts.budget_not_counted.to_owned()];
            if !line.source.is_empty() {
                hover.push(format!("{}: {}", texts.col_source, line.source));
            }
            if let Some(origin) = &line.origin {
                hover.push(format!(
                    "{}: {}",
                    texts.read_from,
                    i18n::provenance(language, origin)
                ));
            }
            response.on_hover_text(hover.join("\n"));
        });
    }
    ui.label(
        RichText::new(texts.budget_not_counted)
            .small()
            .color(theme::MUTED),
    );
}

/// The indicator table for `period`.
fn indicator_table_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    period: Period,
    language: Language,
    focus: Option<Focus>,
) {
    let texts = i18n::texts(language);
    let lines = lines(strategy);
    let table_clip = ui.clip_rect();
    let mut table = TableBuilder::new(ui)
        .id_salt(("indicator_table", index, &strategy.code))
        .striped(true)
        .resizable(false)
        .vscroll(true)
        .auto_shrink([false, false])
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(62.0))
        .column(Column::remainder().at_least(220.0).clip(true))
        .column(Column::initial(95.0).at_least(50.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .column(Column::initial(125.0).at_least(60.0).clip(true))
        .column(Column::initial(100.0).at_least(60.0).clip(true))
        .column(Column::initial(82.0).at_least(60.0))
        .column(Column::initial(118.0).at_least(90.0))
        .column(Column::initial(125.0).at_least(70.0).clip(true))
        .column(Column::initial(210.0).at_least(80.0).clip(true));
    if let Some(focus) = focus.filter(|focus| focus.scroll)
        && let Some(line) = lines
            .iter()
            .position(|line| *line == Line::Indicator(focus.indicator))
    {
        table = table.scroll_to_row(line, Some(egui::Align::Center));
    }
    let headers: [(&str, &str); COLUMNS] = [
        (texts.col_code, ""),
        (texts.col_indicator, ""),
        (texts.col_unit, ""),
        (texts.col_baseline, ""),
        (texts.col_target, texts.col_target_hint),
        (texts.col_actual, texts.col_actual_hint),
        (texts.col_achievement, texts.col_achievement_hint),
        (texts.col_status, texts.col_status_hint),
        (texts.col_assessment, texts.col_assessment_hint),
        (texts.col_source_note, ""),
    ];
    table
        .header(theme::TABLE_HEADER, |mut header| {
            for (title, hint) in headers {
                header.col(|ui| {
                    let label = ui.add(
                        egui::Label::new(RichText::new(title).family(fonts::bold())).truncate(),
                    );
                    if !hint.is_empty() {
                        label.on_hover_text(hint);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW, lines.len(), |mut row| {
                match lines[row.index()] {
                    Line::Goal(code, name) => goal_row_ui(&mut row, code, name, table_clip, texts),
                    Line::Indicator(at) => {
                        let indicator = &strategy.indicators[at];
                        row.set_selected(focus.is_some_and(|focus| focus.indicator == at));
                        indicator_row_ui(&mut row, indicator, period, language);
                    }
                }
            });
        });
}

/// A goal's group row: its name runs across the columns to the right, which are empty. The
/// name is painted from the last cell, after every cell's background.
fn goal_row_ui(
    row: &mut TableRow<'_, '_>,
    code: &str,
    name: &str,
    table_clip: egui::Rect,
    texts: &Texts,
) {
    row.set_overline(true);
    row.col(|ui| {
        ui.label(RichText::new(code).family(fonts::bold()));
    });
    let (name_rect, name_response) = row.col(|ui| {
        ui.allocate_exact_size(ui.available_size(), egui::Sense::hover())
            .1
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    });
    name_response.on_hover_text(format!("{} {code}: {name}", texts.goal));
    for _ in 2..COLUMNS - 1 {
        row.col(|_| {});
    }
    row.col(|ui| {
        let font = egui::FontId::new(theme::BODY, fonts::bold());
        let color = ui.visuals().strong_text_color();
        let galley = ui.painter().layout_no_wrap(name.to_owned(), font, color);
        let top = name_rect.center().y - galley.size().y / 2.0;
        let clip = egui::Rect::from_x_y_ranges(table_clip.x_range(), ui.clip_rect().y_range());
        ui.ctx()
            .layer_painter(ui.layer_id())
            .with_clip_rect(clip)
            .galley(egui::pos2(name_rect.left(), top), galley, color);
    });
}

/// An indicator's row for `period`.
fn indicator_row_ui(
    row: &mut TableRow<'_, '_>,
    indicator: &Indicator,
    period: Period,
    language: Language,
) {
    let texts = i18n::texts(language);
    let value = indicator.value(period);
    let evaluation = evaluate(indicator, period);
    row.col(|ui| {
        let response = ui.label(&indicator.code);
        provenance_hover(response, indicator.origin.as_ref(), language);
    });
    row.col(|ui| {
        let response = two_lines_ui(ui, &indicator.name);
        response.on_hover_ui(|ui| {
            ui.set_max_width(480.0);
            ui.label(RichText::new(&indicator.name).family(fonts::bold()));
            ui.label(format!(
                "{}: {}",
                texts.direction,
                i18n::direction(language, indicator.direction)
            ));
            if let Some(origin) = &indicator.origin {
                ui.label(format!(
                    "{}: {}",
                    texts.read_from,
                    i18n::provenance(language, origin)
                ));
            }
        });
    });
    row.col(|ui| {
        ui.add(egui::Label::new(&indicator.unit.text).truncate())
            .on_hover_text(format!(
                "{}\n{}",
                indicator.unit.text,
                i18n::scale(language, &indicator.unit)
            ));
    });
    row.col(|ui| match &indicator.baseline {
        Some(baseline) => {
            let text = match baseline.year {
                Some(year) => format!("{} ({year})", language.number(baseline.value, 2)),
                None => language.number(baseline.value, 2),
            };
            let response = ui.label(text);
            provenance_hover(response, baseline.origin.as_ref(), language);
        }
        None => {
            ui.label(RichText::new(texts.none).color(theme::MUTED));
        }
    });
    row.col(|ui| target_cell_ui(ui, indicator, value, language));
    row.col(|ui| actual_cell_ui(ui, indicator, value, &evaluation, language));
    row.col(|ui| match (evaluation.achievement, evaluation.rule) {
        (Some(achievement), Some(rule)) => {
            ui.label(i18n::achievement(language, achievement))
                .on_hover_text(format!("{}: {}", texts.rule, i18n::rule(language, rule)));
        }
        _ => {
            ui.label(RichText::new(texts.none).color(theme::MUTED));
        }
    });
    row.col(|ui| {
        if value.is_none() {
            ui.label(RichText::new(texts.none).color(theme::MUTED));
            return;
        }
        theme::swatch_ui(ui, theme::status_color(evaluation.status));
        ui.label(language.status(evaluation.status));
    });
    row.col(|ui| assessment_cell_ui(ui, value, &evaluation, language));
    row.col(|ui| {
        let both: Vec<&str> = [indicator.source.as_str(), indicator.note.as_str()]
            .into_iter()
            .filter(|text| !text.trim().is_empty())
            .collect();
        if both.is_empty() {
            ui.label(RichText::new(texts.none).color(theme::MUTED));
            return;
        }
        let response = two_lines_ui(ui, &both.join(" · "));
        response.on_hover_ui(|ui| {
            ui.set_max_width(420.0);
            for (title, text) in [
                (texts.col_source, &indicator.source),
                (texts.col_note, &indicator.note),
            ] {
                if !text.trim().is_empty() {
                    ui.label(format!("{title}: {text}"));
                }
            }
        });
    });
}

/// The target as written (red when it could not be read), with its reading on hover.
fn target_cell_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    value: Option<&PeriodValue>,
    language: Language,
) {
    let texts = i18n::texts(language);
    if let Some(unread) = value.and_then(|value| value.unread_target.as_ref()) {
        unreadable_ui(ui, unread, indicator.origin.as_ref(), language);
        return;
    }
    let Some(target) = value.and_then(|value| value.target.as_ref()) else {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
        return;
    };
    let written = if target.comparator.is_none() {
        i18n::as_written(language, &target.text, target.value)
    } else {
        target.text.clone()
    };
    let response = ui.add(egui::Label::new(written).truncate());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(&target.text).strong());
        ui.label(format!("{}: {}", texts.parsed_target, target.formula()));
        let comparator = target.effective_comparator(indicator.direction);
        let applied = match comparator {
            crate::model::Comparator::Range { max } => format!(
                "{}–{}",
                language.number(target.value, 2),
                language.number(max, 2)
            ),
            other => format!("{} {}", other.symbol(), language.number(target.value, 2)),
        };
        ui.label(format!("{}: {applied}", texts.comparator));
        if indicator.cumulative {
            ui.label(texts.cumulative);
        }
        if let Some(origin) = &target.origin {
            ui.label(format!(
                "{}: {}",
                texts.read_from,
                i18n::provenance(language, origin)
            ));
        }
    });
}

/// The actual result as written (red when it could not be read), with its value in the unit on
/// hover.
fn actual_cell_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    value: Option<&PeriodValue>,
    evaluation: &Evaluation,
    language: Language,
) {
    let texts = i18n::texts(language);
    if let Some(unread) = value.and_then(|value| value.unread_actual.as_ref()) {
        unreadable_ui(ui, unread, indicator.origin.as_ref(), language);
        return;
    }
    let Some(actual) = value.and_then(|value| value.actual.as_ref()) else {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
        return;
    };
    let written = match actual.measure {
        Measure::Number(number) => i18n::as_written(language, &actual.text, number),
        Measure::Ratio { .. } => actual.text.clone(),
    };
    let shown = if actual.estimate {
        format!("{written} ({})", texts.estimate)
    } else {
        written
    };
    let response = ui.add(egui::Label::new(shown).truncate());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(&actual.text).strong());
        if let Some(value) = evaluation.actual {
            ui.label(format!(
                "{}: {} {}",
                texts.value_in_unit,
                language.number(value, 3),
                indicator.unit.text
            ));
        }
        if actual.estimate {
            ui.label(texts.estimate);
        }
        if let Some(origin) = &actual.origin {
            ui.label(format!(
                "{}: {}",
                texts.read_from,
                i18n::provenance(language, origin)
            ));
        }
    });
}

/// The file's assessment, flagged when it disagrees with the computed status.
fn assessment_cell_ui(
    ui: &mut egui::Ui,
    value: Option<&PeriodValue>,
    evaluation: &Evaluation,
    language: Language,
) {
    let texts = i18n::texts(language);
    let Some(assessment) = value.and_then(|value| value.assessment.as_ref()) else {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
        return;
    };
    let response = if evaluation.disagrees {
        ui.label(
            RichText::new(format!("≠ {}", assessment.text))
                .color(theme::DISAGREES)
                .strong(),
        )
    } else {
        ui.add(egui::Label::new(&assessment.text).truncate())
    };
    response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        if evaluation.disagrees {
            ui.label(
                RichText::new(texts.disagrees)
                    .color(theme::DISAGREES)
                    .strong(),
            );
        }
        let file_status = assessment
            .status
            .map_or(texts.assessment_unrecognised, |status| {
                language.status(status)
            });
        ui.label(format!(
            "{} \"{}\" ({file_status}); {} {}",
            texts.file_says,
            assessment.text,
            texts.computed,
            language.status(evaluation.status)
        ));
        if let Some(origin) = &assessment.origin {
            ui.label(format!(
                "{}: {}",
                texts.read_from,
                i18n::provenance(language, origin)
            ));
        }
    });
}

/// A cell that could not be read: its text in red, with why on hover.
fn unreadable_ui(ui: &mut egui::Ui, text: &str, origin: Option<&CellRef>, language: Language) {
    let texts = i18n::texts(language);
    let response = ui.add(egui::Label::new(RichText::new(text).color(theme::ERROR)).truncate());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(texts.unreadable).color(theme::ERROR));
        if let Some(origin) = origin {
            ui.label(format!(
                "{}: {}",
                texts.read_from,
                i18n::provenance(language, origin)
            ));
        }
    });
}

/// Adds "Read from: …" on hover when the position is known.
fn provenance_hover(response: egui::Response, origin: Option<&CellRef>, language: Language) {
    if let Some(origin) = origin {
        response.on_hover_text(format!(
            "{}: {}",
            i18n::texts(language).read_from,
            i18n::provenance(language, origin)
        ));
    }
}

/// Text wrapped to at most two lines, ending in "…" when cut.
fn two_lines_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mut job = LayoutJob::simple(text.to_owned(), font, color, ui.available_width());
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    ui.add(egui::Label::new(job).wrap().show_tooltip_when_elided(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;

    #[test]
    fn goals_head_their_indicators() {
        let indicator = |code: &str, goal: &str| Indicator {
            code: code.into(),
            goal: Some(goal.into()),
            ..Indicator::default()
        };
        let strategy = Strategy {
            goals: vec![
                Goal {
                    code: "I".into(),
                    name: "One".into(),
                },
                Goal {
                    code: "II".into(),
                    name: "Two".into(),
                },
                Goal {
                    code: "III".into(),
                    name: "Empty".into(),
                },
            ],
            indicators: vec![
                indicator("1", "I"),
                indicator("2", "I"),
                indicator("3", "II"),
            ],
            ..Strategy::default()
        };
        assert_eq!(
            lines(&strategy),
            [
                Line::Goal("I", "One"),
                Line::Indicator(0),
                Line::Indicator(1),
                Line::Goal("II", "Two"),
                Line::Indicator(2),
            ]
        );
    }
}
