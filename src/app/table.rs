//! A strategy's table, edited like a spreadsheet: one row per indicator with its code, name,
//! unit, direction, baseline, target and actual result as written, achievement, status, the
//! file's own assessment, source and note; goals as group rows; budget lines below, never
//! counted. Hovering a value shows where it was read and how it was understood.
//!
//! A click selects a cell (Shift+click a range), a double click, F2 or typing edits it; a right
//! click opens the row's menu (insert, duplicate, move, delete). The toolbar searches, filters
//! by status, sorts, and adds indicators, goals and periods. Every change is a
//! [`Request`] the app applies through the document's history.

use std::ops::RangeInclusive;

use eframe::egui::{self, RichText, text::LayoutJob};
use egui_extras::{Column, Size, StripBuilder, TableBuilder, TableRow};

use crate::analysis::{Evaluation, evaluate, headline};
use crate::app::breakdown::Breakdowns;
use crate::app::command::Command;
use crate::app::forms::{Form, empty_indicator};
use crate::app::grid::{self, CellPos, Col, Editing, Grid, Line, Request, Shown, SortKey};
use crate::app::i18n::{self, Texts};
use crate::app::overview::{headline_ui, period_selector_ui};
use crate::app::{Periods, fonts, theme};
use crate::edit::{Edit, Field};
use crate::model::{CellRef, Indicator, Measure, Period, PeriodValue, Status, Strategy};
use crate::report::Language;

/// Draws the table view of the strategy at `index`.
#[expect(
    clippy::too_many_arguments,
    reason = "the view's inputs, each borrowed for the frame"
)]
pub fn strategy_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    periods: &mut Periods,
    breakdowns: &mut Breakdowns,
    language: Language,
    modified: bool,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    let period = periods.get(strategy);
    ui.horizontal_wrapped(|ui| {
        let mut title = format!("{} — {}", strategy.code, strategy.name);
        if modified {
            title.push_str(" •");
        }
        ui.label(
            RichText::new(title)
                .family(fonts::bold())
                .size(theme::HEADING),
        )
        .on_hover_text(if modified {
            texts.edit.strategy_modified
        } else {
            ""
        });
        if ui
            .small_button(texts.edit.strategy_info)
            .on_hover_text(texts.edit.strategy_info_hint)
            .clicked()
        {
            requests.push(Request::Form(Form::strategy_info(index, strategy)));
        }
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
    if crate::app::breakdown::applies(strategy) {
        let before = breakdowns.filter(strategy);
        ui.horizontal_wrapped(|ui| breakdowns.filter_ui(ui, strategy, language, "table"));
        // A cell being typed into belongs to the figures it was opened on: it is put in before
        // other figures show.
        if breakdowns.filter(strategy) != before
            && grid
                .editing
                .as_ref()
                .is_some_and(|editing| editing.strategy == index)
        {
            grid.commit(language, requests);
        }
    }
    // The figures shown: the totals, or those of the breakdown chosen (read-only).
    let read_only_values = breakdowns.filtering(strategy);
    let whole = strategy;
    let strategy = breakdowns.view(strategy);
    let summary = headline(strategy, period);
    headline_ui(ui, &summary, language);
    ui.add_space(4.0);
    // New indicators, goals and periods go into the whole strategy.
    toolbar_ui(ui, index, whole, period, language, grid, requests, commands);
    let lines = grid::lines(strategy, period, &grid.view);
    let order: Vec<usize> = lines
        .iter()
        .filter_map(|line| match line {
            Line::Indicator(at) => Some(*at),
            Line::Goal(_) => None,
        })
        .collect();
    let shown = Shown {
        index,
        strategy,
        order: &order,
        period,
        language,
        read_only_values,
    };
    if let Some((at, pos)) = grid.pending_edit
        && at == index
        && pos.indicator < strategy.indicators.len()
    {
        grid.pending_edit = None;
        grid.start_edit(&shown, pos, None);
    }
    grid.keyboard(ui.ctx(), &shown, requests);
    formula_bar_ui(ui, &shown, grid);
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
                if strategy.indicators.is_empty() {
                    ui.label(RichText::new(texts.edit.no_indicators).color(theme::MUTED));
                } else if lines.is_empty() {
                    ui.label(RichText::new(texts.edit.nothing_matches).color(theme::MUTED));
                } else {
                    indicator_table_ui(ui, &shown, &lines, grid, requests);
                }
            });
            strip.cell(|ui| {
                if !strategy.budget.is_empty() {
                    budget_ui(ui, strategy, language);
                }
            });
        });
}

/// Search, status filter, sort, and the buttons that add indicators, goals and periods.
#[expect(
    clippy::too_many_arguments,
    reason = "the view's inputs, each borrowed for the frame"
)]
fn toolbar_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    period: Option<Period>,
    language: Language,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    let edit = &texts.edit;
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut grid.view.search)
                .id(egui::Id::unique("chitieu_table_search"))
                .hint_text(edit.search_hint)
                .desired_width(200.0),
        )
        .on_hover_text(edit.search_tooltip);
        for status in Status::ALL {
            let visible = !grid.view.hidden.contains(&status);
            theme::swatch_ui(ui, theme::status_color(status));
            if ui
                .add(egui::Button::selectable(visible, language.status(status)))
                .on_hover_text(edit.filter_tooltip)
                .clicked()
            {
                grid.view.toggle_status(status);
            }
        }
        let sorts = [
            (None, edit.sort_file),
            (Some(SortKey::Code), edit.sort_code),
            (Some(SortKey::Achievement), edit.sort_achievement),
            (Some(SortKey::Status), edit.sort_status),
        ];
        let current = grid.view.sort.map(|(key, _)| key);
        let sort_label = ui.label(edit.sort);
        egui::ComboBox::from_id_salt("chitieu_table_sort")
            .selected_text(
                sorts
                    .iter()
                    .find(|(key, _)| *key == current)
                    .map_or(edit.sort_file, |(_, label)| *label),
            )
            .show_ui(ui, |ui| {
                for (key, label) in sorts {
                    if ui.selectable_label(current == key, label).clicked() {
                        grid.view.sort = key.map(|key| (key, false));
                    }
                }
            })
            .response
            .labelled_by(sort_label.id);
        if grid.view.is_flat() && ui.button(edit.clear_view).clicked() {
            grid.view = grid::View::default();
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(edit.add_indicator)
            .on_hover_text(edit.add_indicator_hint)
            .clicked()
        {
            let goal = strategy
                .indicators
                .last()
                .and_then(|last| last.goal.clone());
            let at = strategy.indicators.len();
            requests.push(Request::Edit(Edit::InsertIndicator {
                strategy: index,
                index: at,
                indicator: Box::new(empty_indicator(strategy, goal)),
            }));
            grid.pending_edit = Some((
                index,
                CellPos {
                    indicator: at,
                    col: Col::Name,
                },
            ));
        }
        if ui.button(edit.add_goal).clicked() {
            requests.push(Request::Form(Form::new_goal(index, strategy)));
        }
        if ui.button(edit.add_period).clicked() {
            requests.push(Request::Form(Form::new_period(index, strategy)));
        }
        if let Some(period) = period
            && ui
                .button(
                    edit.remove_period
                        .replace("{period}", &language.period(period)),
                )
                .on_hover_text(edit.remove_period_hint)
                .clicked()
        {
            requests.push(Request::Edit(Edit::RemovePeriod {
                strategy: index,
                period,
            }));
        }
        let export = Command::ExportCsv;
        if ui
            .button(export.label(texts))
            .on_hover_text(export.tooltip(texts))
            .clicked()
        {
            commands.push(export);
        }
    });
    ui.add_space(2.0);
}

/// The selected cell's reference, its whole text and how it is read; while a cell is edited,
/// the reading of what is typed, as it is typed.
fn formula_bar_ui(ui: &mut egui::Ui, shown: &Shown<'_>, grid: &Grid) {
    let texts = i18n::texts(shown.language);
    let cursor = grid.cursor.filter(|_| grid.strategy == shown.index);
    let Some(cursor) = cursor else {
        ui.label(
            RichText::new(texts.edit.keyboard_hint)
                .small()
                .color(theme::MUTED),
        );
        return;
    };
    let Some(indicator) = shown.strategy.indicators.get(cursor.indicator) else {
        return;
    };
    ui.horizontal(|ui| {
        let mut reference = format!(
            "{} · {}",
            if indicator.code.is_empty() {
                texts.none
            } else {
                &indicator.code
            },
            column_title(texts, cursor.col)
        );
        if matches!(cursor.col, Col::Target | Col::Actual | Col::Assessment)
            && let Some(period) = shown.period
        {
            reference.push(' ');
            reference.push_str(&shown.language.period(period));
        }
        if let Some((rows, cols)) = grid.range(shown.index, shown.order)
            && (rows.clone().count() > 1 || cols.clone().count() > 1)
        {
            let size = format!(
                " · {} × {} {}",
                rows.count(),
                cols.count(),
                texts.edit.cells
            );
            reference.push_str(&size);
        }
        ui.label(RichText::new(reference).family(fonts::bold()));
        let editing = grid
            .editing
            .as_ref()
            .filter(|editing| editing.strategy == shown.index);
        let rejected = grid.rejected_at(
            shown.index,
            shown.strategy,
            cursor.indicator,
            cursor.col,
            shown.period,
        );
        let text = match (editing, rejected) {
            (Some(editing), _) => editing.text.clone(),
            (None, Some(rejected)) => rejected.text.clone(),
            (None, None) => grid::cell_text(indicator, cursor.col, shown.period, shown.language),
        };
        // One label: the cell's whole text, then how it is read (or why it is not taken).
        let (note, color) = if let (None, Some(rejected)) = (editing, rejected) {
            (
                format!("{}: {}", texts.edit.not_taken, rejected.reason),
                theme::ERROR,
            )
        } else if editing.is_none() && shown.read_only_here(cursor.col) {
            (
                i18n::breakdown(shown.language).cell_read_only.to_owned(),
                theme::MUTED,
            )
        } else {
            match grid::reading(indicator, cursor.col, &text, shown.language) {
                Some((reading, true)) => {
                    (format!("{}: {reading}", texts.edit.read_as), theme::MUTED)
                }
                Some((reading, false)) => (reading, theme::ERROR),
                None => (String::new(), theme::MUTED),
            }
        };
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job = LayoutJob::default();
        if editing.is_none() {
            job.append(
                &text,
                0.0,
                egui::TextFormat::simple(font.clone(), ui.visuals().text_color()),
            );
        }
        if !note.is_empty() {
            job.append(&note, 16.0, egui::TextFormat::simple(font, color));
        }
        if !job.is_empty() {
            job.wrap.max_rows = 1;
            ui.add(egui::Label::new(job).truncate());
        }
    });
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

/// A column's title.
fn column_title(texts: &Texts, col: Col) -> &'static str {
    match col {
        Col::Code => texts.col_code,
        Col::Name => texts.col_indicator,
        Col::Unit => texts.col_unit,
        Col::Direction => texts.edit.col_direction,
        Col::Baseline => texts.col_baseline,
        Col::Target => texts.col_target,
        Col::Actual => texts.col_actual,
        Col::Achievement => texts.col_achievement,
        Col::Status => texts.col_status,
        Col::Assessment => texts.col_assessment,
        Col::Source => texts.col_source,
        Col::Note => texts.col_note,
    }
}

/// A column's header tooltip.
fn column_hint(texts: &Texts, col: Col) -> &'static str {
    match col {
        Col::Code => texts.edit.col_code_hint,
        Col::Direction => texts.edit.col_direction_hint,
        Col::Baseline => texts.edit.col_baseline_hint,
        Col::Target => texts.col_target_hint,
        Col::Actual => texts.col_actual_hint,
        Col::Achievement => texts.col_achievement_hint,
        Col::Status => texts.col_status_hint,
        Col::Assessment => texts.col_assessment_hint,
        Col::Name | Col::Unit | Col::Source | Col::Note => texts.edit.col_text_hint,
    }
}

/// The column's width rule.
fn column(col: Col) -> Column {
    match col {
        Col::Code => Column::exact(58.0).clip(true),
        Col::Name => Column::remainder().at_least(200.0).clip(true),
        Col::Unit => Column::initial(72.0).at_least(40.0).clip(true),
        Col::Direction => Column::initial(78.0).at_least(50.0).clip(true),
        Col::Baseline => Column::initial(100.0).at_least(60.0).clip(true),
        Col::Target => Column::initial(110.0).at_least(60.0).clip(true),
        Col::Actual => Column::initial(95.0).at_least(60.0).clip(true),
        Col::Achievement => Column::initial(78.0).at_least(60.0).clip(true),
        Col::Status => Column::initial(108.0).at_least(80.0).clip(true),
        Col::Assessment | Col::Source => Column::initial(105.0).at_least(60.0).clip(true),
        Col::Note => Column::initial(130.0).at_least(60.0).clip(true),
    }
}

/// The indicator table.
fn indicator_table_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    lines: &[Line],
    grid: &mut Grid,
    requests: &mut Vec<Request>,
) {
    let texts = i18n::texts(shown.language);
    let table_clip = ui.clip_rect();
    ui.style_mut().interaction.selectable_labels = false;
    // The focus of the table: a widget the keyboard belongs to when no cell is edited.
    ui.interact(
        ui.max_rect(),
        grid::grid_id(),
        egui::Sense::focusable_noninteractive(),
    );
    let mut positions = Vec::with_capacity(lines.len());
    let mut next = 0;
    for line in lines {
        match line {
            Line::Indicator(_) => {
                positions.push(Some(next));
                next += 1;
            }
            Line::Goal(_) => positions.push(None),
        }
    }
    let mut table = TableBuilder::new(ui)
        .id_salt(("indicator_table", shown.index))
        .striped(true)
        .resizable(false)
        .sense(egui::Sense::click())
        .vscroll(true)
        // A spreadsheet jumps to the cell the keyboard moved to.
        .animate_scrolling(false)
        .auto_shrink([false, false])
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for col in Col::ALL {
        table = table.column(column(col));
    }
    if grid.scroll
        && grid.strategy == shown.index
        && let Some(cursor) = grid.cursor
        && let Some(line) = lines
            .iter()
            .position(|line| *line == Line::Indicator(cursor.indicator))
    {
        table = table.scroll_to_row(line, None);
        grid.scroll = false;
    }
    let sorted = grid.view.sort;
    // The selected range in display positions, found once for the rows in view.
    let selection = grid.range(shown.index, shown.order);
    table
        .header(theme::TABLE_HEADER, |mut header| {
            for col in Col::ALL {
                header.col(|ui| {
                    let key = match col {
                        Col::Code => Some(SortKey::Code),
                        Col::Achievement => Some(SortKey::Achievement),
                        Col::Status => Some(SortKey::Status),
                        _ => None,
                    };
                    let text = RichText::new(column_title(texts, col)).family(fonts::bold());
                    match key {
                        Some(key) => {
                            if let Some((by, descending)) = sorted
                                && key == by
                            {
                                arrow_ui(ui, if descending { Arrow::Down } else { Arrow::Up });
                            }
                            let response = ui
                                .add(egui::Button::new(text).frame(false).truncate())
                                .on_hover_text(format!(
                                    "{}\n{}",
                                    column_hint(texts, col),
                                    texts.edit.click_to_sort
                                ));
                            if response.clicked() {
                                grid.view.click_sort(key);
                            }
                        }
                        None => {
                            ui.add(egui::Label::new(text).truncate())
                                .on_hover_text(column_hint(texts, col));
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW, lines.len(), |mut row| {
                let line = lines[row.index()];
                match (line, positions[row.index()]) {
                    (Line::Goal(goal), _) => {
                        goal_row_ui(&mut row, shown, goal, table_clip, grid, requests);
                    }
                    (Line::Indicator(at), Some(position)) => {
                        let selection = selection.as_ref();
                        indicator_row_ui(&mut row, shown, at, position, selection, grid, requests);
                    }
                    (Line::Indicator(_), None) => {}
                }
            });
        });
}

/// A goal's group row: its name runs across the columns to the right, which are empty. The
/// name is painted from the last cell, after every cell's background. A right click opens the
/// goal's menu.
fn goal_row_ui(
    row: &mut TableRow<'_, '_>,
    shown: &Shown<'_>,
    goal: usize,
    table_clip: egui::Rect,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
) {
    let texts = i18n::texts(shown.language);
    let Some(found) = shown.strategy.goals.get(goal) else {
        return;
    };
    let (code, name) = (found.code.as_str(), found.name.as_str());
    row.set_overline(true);
    let mut responses = Vec::with_capacity(Col::ALL.len());
    responses.push(
        row.col(|ui| {
            ui.label(RichText::new(code).family(fonts::bold()));
        })
        .1,
    );
    let (name_rect, name_response) = row.col(|ui| {
        ui.allocate_exact_size(ui.available_size(), egui::Sense::hover())
            .1
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    });
    responses.push(name_response.on_hover_text(format!(
        "{} {code}: {name}\n{}",
        texts.goal, texts.edit.goal_menu_hint
    )));
    for _ in 2..Col::ALL.len() - 1 {
        responses.push(row.col(|_| {}).1);
    }
    responses.push(
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
        })
        .1,
    );
    for response in responses {
        response.context_menu(|ui| goal_menu_ui(ui, shown, goal, grid, requests));
    }
}

/// The menu of a goal's row.
fn goal_menu_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    goal: usize,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
) {
    let edit = &i18n::texts(shown.language).edit;
    let strategy = shown.strategy;
    let Some(found) = strategy.goals.get(goal) else {
        return;
    };
    if ui.button(edit.rename_goal).clicked()
        && let Some(form) = Form::edit_goal(shown.index, strategy, goal)
    {
        requests.push(Request::Form(form));
    }
    if ui.button(edit.add_to_goal).clicked() {
        let at = strategy
            .indicators
            .iter()
            .rposition(|indicator| indicator.goal.as_deref() == Some(found.code.as_str()))
            .map_or(strategy.indicators.len(), |last| last + 1);
        requests.push(Request::Edit(Edit::InsertIndicator {
            strategy: shown.index,
            index: at,
            indicator: Box::new(empty_indicator(strategy, Some(found.code.clone()))),
        }));
        grid.pending_edit = Some((
            shown.index,
            CellPos {
                indicator: at,
                col: Col::Name,
            },
        ));
    }
    ui.separator();
    for (label, up) in [(edit.move_goal_up, true), (edit.move_goal_down, false)] {
        let moved = moved_goal(strategy, goal, up);
        if ui
            .add_enabled(moved.is_some(), egui::Button::new(label))
            .clicked()
            && let Some(moved) = moved
        {
            requests.push(Request::Edit(Edit::ReplaceStrategy {
                index: shown.index,
                strategy: Box::new(moved),
            }));
        }
    }
    ui.separator();
    if ui
        .button(edit.delete_goal)
        .on_hover_text(edit.delete_goal_hint)
        .clicked()
    {
        requests.push(Request::Edit(Edit::RemoveGoal {
            strategy: shown.index,
            index: goal,
        }));
    }
}

/// The strategy with goal `goal`'s block of indicators swapped with the block before it (`up`)
/// or after it, goals in the same order; `None` when there is no block to swap with.
fn moved_goal(strategy: &Strategy, goal: usize, up: bool) -> Option<Strategy> {
    let code = strategy.goals.get(goal)?.code.as_str();
    let mut blocks: Vec<(Option<&str>, Vec<&Indicator>)> = Vec::new();
    for indicator in &strategy.indicators {
        let key = indicator.goal.as_deref();
        match blocks.last_mut() {
            Some((last, members)) if *last == key => members.push(indicator),
            _ => blocks.push((key, vec![indicator])),
        }
    }
    let at = blocks.iter().position(|(key, _)| *key == Some(code))?;
    let other = if up { at.checked_sub(1)? } else { at + 1 };
    if other >= blocks.len() {
        return None;
    }
    blocks.swap(at, other);
    let mut moved = strategy.clone();
    moved.indicators = blocks
        .into_iter()
        .flat_map(|(_, members)| members.into_iter().cloned())
        .collect();
    // The goals list follows the order in which goals now head their indicators.
    let mut order: Vec<&str> = Vec::new();
    for indicator in &moved.indicators {
        if let Some(key) = indicator.goal.as_deref()
            && !order.contains(&key)
        {
            order.push(key);
        }
    }
    let mut goals = moved.goals.clone();
    goals.sort_by_key(|goal| {
        order
            .iter()
            .position(|key| *key == goal.code)
            .unwrap_or(usize::MAX)
    });
    moved.goals = goals;
    Some(moved)
}

/// An indicator's row: every cell selectable and, where it holds a field, editable.
fn indicator_row_ui(
    row: &mut TableRow<'_, '_>,
    shown: &Shown<'_>,
    at: usize,
    position: usize,
    selection: Option<&(RangeInclusive<usize>, RangeInclusive<usize>)>,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
) {
    let indicator = &shown.strategy.indicators[at];
    let value = shown.period.and_then(|period| indicator.value(period));
    let evaluation = shown.period.map(|period| evaluate(indicator, period));
    let cursor_here =
        grid.strategy == shown.index && grid.cursor.is_some_and(|cursor| cursor.indicator == at);
    row.set_hovered(cursor_here);
    for col in Col::ALL {
        let pos = CellPos { indicator: at, col };
        let in_range = selection
            .is_some_and(|(rows, cols)| rows.contains(&position) && cols.contains(&col.position()));
        let is_cursor = cursor_here && grid.cursor.is_some_and(|cursor| cursor.col == col);
        let (_, response) = row.col(|ui| {
            let rect = ui.max_rect();
            if in_range && !is_cursor {
                ui.painter()
                    .rect_filled(rect.expand(2.0), 0.0, theme::RANGE_FILL);
            }
            let editing = grid
                .editing
                .as_mut()
                .filter(|editing| editing.strategy == shown.index && editing.pos == pos);
            if let Some(editing) = editing {
                editor_ui(ui, editing, column_title(i18n::texts(shown.language), col));
            } else if let Some(rejected) =
                grid.rejected_at(shown.index, shown.strategy, at, col, shown.period)
            {
                ui.add(
                    egui::Label::new(RichText::new(&rejected.text).color(theme::ERROR)).truncate(),
                )
                .on_hover_ui(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(
                        RichText::new(i18n::texts(shown.language).edit.not_taken)
                            .color(theme::ERROR)
                            .strong(),
                    );
                    ui.label(&rejected.reason);
                });
            } else {
                cell_ui(ui, shown, indicator, col, value, evaluation.as_ref());
            }
            if is_cursor {
                ui.painter().rect_stroke(
                    rect,
                    2.0,
                    egui::Stroke::new(2.0, theme::CELL_CURSOR),
                    egui::StrokeKind::Inside,
                );
            }
        });
        cell_interaction(&response, shown, pos, position, grid);
        response.context_menu(|ui| indicator_menu_ui(ui, shown, at, grid, requests));
    }
}

/// Clicks on a cell: select, extend with Shift, edit with a double click; a right click
/// outside the range selects the cell for its menu.
fn cell_interaction(
    response: &egui::Response,
    shown: &Shown<'_>,
    pos: CellPos,
    position: usize,
    grid: &mut Grid,
) {
    let take_focus = |response: &egui::Response| {
        response
            .ctx
            .memory_mut(|memory| memory.request_focus(grid::grid_id()));
    };
    if response.double_clicked() {
        grid.start_edit(shown, pos, None);
    } else if response.clicked() {
        let shift = response.ctx.input(|input| input.modifiers.shift);
        if shift {
            grid.extend_to(shown.index, pos);
        } else if grid
            .editing
            .as_ref()
            .is_none_or(|editing| editing.pos != pos)
        {
            grid.select(shown.index, pos);
            grid.scroll = false;
        }
        take_focus(response);
    } else if response.secondary_clicked() {
        if !grid.in_range(shown.index, shown.order, position, pos.col) {
            grid.select(shown.index, pos);
            grid.scroll = false;
        }
        take_focus(response);
    }
}

/// The text editor of the cell being edited; `name` is the column's title, which screen
/// readers say and which shows while the editor is empty.
fn editor_ui(ui: &mut egui::Ui, editing: &mut Editing, name: &str) {
    editing.drawn = true;
    let id = grid::editor_id();
    if editing.focus {
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(
                egui::text::CCursor::end_of_str(&editing.text),
            )));
        state.store(ui.ctx(), id);
    }
    let response = ui.add(
        egui::TextEdit::singleline(&mut editing.text)
            .id(id)
            .hint_text(name)
            .desired_width(f32::INFINITY)
            .margin(egui::vec2(4.0, 2.0))
            .event_filter(egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            }),
    );
    if editing.focus {
        response.request_focus();
        editing.focus = false;
    }
}

/// The menu of an indicator's row: the selection's edits, then the row's.
fn indicator_menu_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    at: usize,
    grid: &mut Grid,
    requests: &mut Vec<Request>,
) {
    let texts = i18n::texts(shown.language);
    let edit = &texts.edit;
    let strategy = shown.strategy;
    let Some(indicator) = strategy.indicators.get(at) else {
        return;
    };
    let with_shortcut =
        |label: &str, shortcut: &str| egui::Button::new(label).shortcut_text(shortcut);
    if let Some(cursor) = grid.cursor
        && ui
            .add_enabled(
                shown.field(cursor.col).is_some(),
                with_shortcut(edit.edit_cell, "F2"),
            )
            .clicked()
    {
        grid.start_edit(shown, cursor, None);
    }
    if ui
        .add(with_shortcut(
            edit.copy,
            &ui.ctx().format_shortcut(&copy_shortcut()),
        ))
        .clicked()
    {
        ui.ctx().copy_text(grid.copy(shown));
    }
    if ui
        .add(with_shortcut(
            edit.paste,
            &ui.ctx().format_shortcut(&paste_shortcut()),
        ))
        .clicked()
    {
        ui.ctx()
            .memory_mut(|memory| memory.request_focus(grid::grid_id()));
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
    }
    if ui.add(with_shortcut(edit.clear, "Delete")).clicked() {
        grid.clear(shown, requests);
    }
    ui.separator();
    let insert =
        |index: usize, indicator: Indicator, grid: &mut Grid, requests: &mut Vec<Request>| {
            requests.push(Request::Edit(Edit::InsertIndicator {
                strategy: shown.index,
                index,
                indicator: Box::new(indicator),
            }));
            grid.pending_edit = Some((
                shown.index,
                CellPos {
                    indicator: index,
                    col: Col::Name,
                },
            ));
        };
    if ui.button(edit.insert_above).clicked() {
        insert(
            at,
            empty_indicator(strategy, indicator.goal.clone()),
            grid,
            requests,
        );
    }
    if ui.button(edit.insert_below).clicked() {
        insert(
            at + 1,
            empty_indicator(strategy, indicator.goal.clone()),
            grid,
            requests,
        );
    }
    if ui.button(edit.duplicate).clicked() {
        requests.push(Request::Edit(Edit::InsertIndicator {
            strategy: shown.index,
            index: at + 1,
            indicator: Box::new(duplicate(indicator)),
        }));
        grid.select(
            shown.index,
            CellPos {
                indicator: at + 1,
                col: Col::Name,
            },
        );
    }
    let sorted = grid.view.sort.is_some();
    for (label, target) in [
        (edit.move_up, at.checked_sub(1)),
        (
            edit.move_down,
            Some(at + 1).filter(|to| *to < strategy.indicators.len()),
        ),
    ] {
        let button = ui
            .add_enabled(!sorted && target.is_some(), egui::Button::new(label))
            .on_disabled_hover_text(if sorted { edit.move_sorted } else { "" });
        if button.clicked()
            && let Some(to) = target
        {
            requests.push(Request::Edit(Edit::MoveIndicator {
                strategy: shown.index,
                from: at,
                to,
            }));
            if let Some(cursor) = grid.cursor {
                grid.select(
                    shown.index,
                    CellPos {
                        indicator: to,
                        col: cursor.col,
                    },
                );
            }
        }
    }
    ui.menu_button(edit.in_goal, |ui| {
        let mut choices: Vec<(Option<&str>, String)> = strategy
            .goals
            .iter()
            .map(|goal| {
                (
                    Some(goal.code.as_str()),
                    format!("{} — {}", goal.code, goal.name),
                )
            })
            .collect();
        choices.push((None, edit.no_goal.to_owned()));
        for (code, label) in choices {
            let current = indicator.goal.as_deref() == code;
            if ui.selectable_label(current, label).clicked() && !current {
                requests.push(Request::Edit(Edit::SetField {
                    strategy: shown.index,
                    indicator: at,
                    field: Field::Goal,
                    text: code.unwrap_or_default().to_owned(),
                    format: shown.language.number_format(),
                }));
            }
        }
    });
    ui.separator();
    if ui.button(edit.delete_indicator).clicked() {
        requests.push(Request::Edit(Edit::RemoveIndicator {
            strategy: shown.index,
            index: at,
        }));
        grid.editing = None;
    }
}

/// Ctrl+C, as menus show it.
fn copy_shortcut() -> egui::KeyboardShortcut {
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::C)
}

/// Ctrl+V, as menus show it.
fn paste_shortcut() -> egui::KeyboardShortcut {
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::V)
}

/// A copy of an indicator for "Duplicate": the same figures, no longer tied to the file's cells.
fn duplicate(indicator: &Indicator) -> Indicator {
    let mut copy = indicator.clone();
    copy.origin = None;
    if let Some(baseline) = &mut copy.baseline {
        baseline.origin = None;
    }
    for value in &mut copy.values {
        if let Some(target) = &mut value.target {
            target.origin = None;
        }
        if let Some(actual) = &mut value.actual {
            actual.origin = None;
        }
        if let Some(assessment) = &mut value.assessment {
            assessment.origin = None;
        }
    }
    copy
}

/// A cell's content as it shows when it is not being edited.
fn cell_ui(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    indicator: &Indicator,
    col: Col,
    value: Option<&PeriodValue>,
    evaluation: Option<&Evaluation>,
) {
    let language = shown.language;
    let texts = i18n::texts(language);
    let none = |ui: &mut egui::Ui| {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
    };
    match col {
        Col::Code => {
            let response = ui.label(&indicator.code);
            provenance_hover(response, indicator.origin.as_ref(), language);
        }
        Col::Name => {
            let response = two_lines_ui(ui, &indicator.name);
            response.on_hover_ui(|ui| {
                ui.set_max_width(480.0);
                ui.label(RichText::new(&indicator.name).family(fonts::bold()));
                if let Some(origin) = &indicator.origin {
                    ui.label(format!(
                        "{}: {}",
                        texts.read_from,
                        i18n::provenance(language, origin)
                    ));
                }
            });
        }
        Col::Unit => {
            ui.add(egui::Label::new(&indicator.unit.text).truncate())
                .on_hover_text(format!(
                    "{}\n{}",
                    indicator.unit.text,
                    i18n::scale(language, &indicator.unit)
                ));
        }
        Col::Direction => {
            arrow_ui(
                ui,
                match indicator.direction {
                    crate::model::Direction::Increase => Arrow::Up,
                    crate::model::Direction::Decrease => Arrow::Down,
                    crate::model::Direction::Range => Arrow::Both,
                },
            );
            ui.add(
                egui::Label::new(i18n::direction_word(language, indicator.direction)).truncate(),
            )
            .on_hover_text(format!(
                "{}: {}",
                texts.direction,
                i18n::direction(language, indicator.direction)
            ));
        }
        Col::Baseline => match &indicator.baseline {
            Some(baseline) => {
                let text = match baseline.year {
                    Some(year) => format!("{} ({year})", language.number(baseline.value, 2)),
                    None => language.number(baseline.value, 2),
                };
                let response = ui.label(text);
                provenance_hover(response, baseline.origin.as_ref(), language);
            }
            None => none(ui),
        },
        Col::Target => target_cell_ui(ui, indicator, value, language),
        Col::Actual => actual_cell_ui(ui, indicator, value, evaluation, language),
        Col::Achievement => match evaluation.and_then(|e| e.achievement.zip(e.rule)) {
            Some((achievement, rule)) => {
                ui.label(i18n::achievement(language, achievement))
                    .on_hover_text(format!("{}: {}", texts.rule, i18n::rule(language, rule)));
            }
            None => none(ui),
        },
        Col::Status => match (value, evaluation) {
            (Some(_), Some(evaluation)) => {
                theme::swatch_ui(ui, theme::status_color(evaluation.status));
                ui.label(language.status(evaluation.status));
            }
            _ => none(ui),
        },
        Col::Assessment => assessment_cell_ui(ui, value, evaluation, language),
        Col::Source | Col::Note => {
            let text = if col == Col::Source {
                &indicator.source
            } else {
                &indicator.note
            };
            if text.trim().is_empty() {
                none(ui);
            } else {
                two_lines_ui(ui, text).on_hover_ui(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(text);
                });
            }
        }
    }
}

/// The target as written (red when it could not be read), with its reading on hover.
fn target_cell_ui(
    ui: &mut egui::Ui,
    indicator: &Indicator,
    value: Option<&PeriodValue>,
    language: Language,
) {
    let texts = i18n::texts(language);
    if let Some(unread) = value.and_then(PeriodValue::unread_target) {
        let reason = texts.edit.not_a_target.replace("{text}", unread);
        unreadable_ui(ui, unread, &reason, indicator.origin.as_ref(), language);
        return;
    }
    let Some(target) = value.and_then(|value| value.target.as_ref()) else {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
        return;
    };
    let written = if target.comparator.is_none() {
        i18n::as_written(language, &target.text, target.value)
    } else {
        target.text.to_string()
    };
    let response = ui.add(egui::Label::new(written).truncate());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(target.text.as_str()).strong());
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
    evaluation: Option<&Evaluation>,
    language: Language,
) {
    let texts = i18n::texts(language);
    if let Some(unread) = value.and_then(PeriodValue::unread_actual) {
        let reason = texts.edit.not_an_actual.replace("{text}", unread);
        unreadable_ui(ui, unread, &reason, indicator.origin.as_ref(), language);
        return;
    }
    let Some(actual) = value.and_then(|value| value.actual.as_ref()) else {
        ui.label(RichText::new(texts.none).color(theme::MUTED));
        return;
    };
    let written = match actual.measure {
        Measure::Number(number) => i18n::as_written(language, &actual.text, number),
        Measure::Ratio { .. } => actual.text.to_string(),
    };
    let shown = if actual.estimate {
        format!("{written} ({})", texts.estimate)
    } else {
        written
    };
    let response = ui.add(egui::Label::new(shown).truncate());
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(actual.text.as_str()).strong());
        if let Some(value) = evaluation.and_then(|evaluation| evaluation.actual) {
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
    evaluation: Option<&Evaluation>,
    language: Language,
) {
    let texts = i18n::texts(language);
    let (Some(assessment), Some(evaluation)) = (
        value.and_then(|value| value.assessment.as_ref()),
        evaluation,
    ) else {
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

/// Which way an arrow points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Arrow {
    /// Up: higher is better, or sorted ascending.
    Up,
    /// Down: lower is better, or sorted descending.
    Down,
    /// Both ways: inside a range is good.
    Both,
}

/// A small arrow drawn in the text colour (the fonts have no arrow glyphs).
fn arrow_ui(ui: &mut egui::Ui, arrow: Arrow) {
    let size = theme::SWATCH;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let stroke = egui::Stroke::new(1.6, ui.visuals().text_color());
    let painter = ui.painter();
    let center = rect.center();
    let half = size * 0.45;
    match arrow {
        Arrow::Up => painter.arrow(
            center + egui::vec2(0.0, half),
            egui::vec2(0.0, -2.0 * half),
            stroke,
        ),
        Arrow::Down => painter.arrow(
            center - egui::vec2(0.0, half),
            egui::vec2(0.0, 2.0 * half),
            stroke,
        ),
        Arrow::Both => {
            painter.arrow(center, egui::vec2(-half, 0.0), stroke);
            painter.arrow(center, egui::vec2(half, 0.0), stroke);
        }
    }
}

/// A value that could not be read: its text in red, with why on hover (and where it was read,
/// for a value from a file).
fn unreadable_ui(
    ui: &mut egui::Ui,
    text: &str,
    reason: &str,
    origin: Option<&CellRef>,
    language: Language,
) {
    let texts = i18n::texts(language);
    let response = ui.add(egui::Label::new(RichText::new(text).color(theme::ERROR)).truncate());
    response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(RichText::new(texts.unreadable).color(theme::ERROR));
        ui.label(reason);
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
    fn a_goal_moves_with_its_indicators() {
        let indicator = |code: &str, goal: &str| Indicator {
            code: code.into(),
            goal: Some(goal.into()),
            ..Indicator::default()
        };
        let goal = |code: &str| Goal {
            code: code.into(),
            name: code.into(),
        };
        let strategy = Strategy {
            goals: vec![goal("I"), goal("II")],
            indicators: vec![
                indicator("1", "I"),
                indicator("2", "I"),
                indicator("3", "II"),
            ],
            ..Strategy::default()
        };
        let moved = moved_goal(&strategy, 1, true).unwrap();
        let codes: Vec<&str> = moved.indicators.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["3", "1", "2"]);
        assert_eq!(moved.goals[0].code, "II");
        assert!(moved_goal(&strategy, 0, true).is_none());
        assert!(moved_goal(&strategy, 1, false).is_none());
    }
}
