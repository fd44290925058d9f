//! The overview: every open strategy side by side, each with its headline card (name, span,
//! period, "12/14 met or exceeded", counts per status, budget, the not-met list) above its
//! achievement chart.

use eframe::egui::{self, Align, Layout, RichText};

use crate::analysis::{Summary, SummaryRow, summarize};
use crate::app::command::Command;
use crate::app::i18n::{self, Texts};
use crate::app::{Periods, chart, fonts, plots, theme};
use crate::model::{Document, Status, Strategy};
use crate::report::Language;

/// Draws the overview of `document`.
pub fn overview_ui(
    ui: &mut egui::Ui,
    document: &Document,
    periods: &mut Periods,
    language: Language,
    commands: &mut Vec<Command>,
) {
    if document.strategies.is_empty() {
        empty_ui(ui, language, commands);
        return;
    }
    let count = document.strategies.len() as f32;
    let spacing = 16.0;
    let available = ui.available_size();
    let width = ((available.x - spacing * (count - 1.0)) / count).max(theme::MIN_COLUMN_WIDTH);
    let height = available.y;
    let card_height = (height * 0.5).clamp(300.0, 470.0);
    egui::ScrollArea::horizontal()
        .id_salt("overview_columns")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = spacing;
                for (index, strategy) in document.strategies.iter().enumerate() {
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, height),
                        Layout::top_down(Align::Min),
                        |ui| {
                            ui.set_width(width);
                            ui.push_id(("strategy_column", index), |ui| {
                                column_ui(
                                    ui,
                                    index,
                                    strategy,
                                    periods,
                                    language,
                                    commands,
                                    card_height,
                                );
                            });
                        },
                    );
                }
            });
        });
}

/// One strategy's column: its card, then its chart.
fn column_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    periods: &mut Periods,
    language: Language,
    commands: &mut Vec<Command>,
    card_height: f32,
) {
    let texts = i18n::texts(language);
    let summary = summarize(strategy, periods.get(strategy));
    let palette = theme::palette(ui);
    egui::Frame::new()
        .fill(theme::color(palette.card))
        .stroke(egui::Stroke::new(1.0, theme::color(palette.grid)))
        .corner_radius(8.0)
        .inner_margin(14.0)
        .show(ui, |ui| {
            let inner_height = card_height - 28.0;
            ui.set_width(ui.available_width());
            ui.set_height(inner_height);
            // A card keeps its height, so that the charts beside each other line up; what does
            // not fit scrolls.
            egui::ScrollArea::vertical()
                .id_salt("card")
                .max_height(inner_height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    card_ui(ui, index, strategy, &summary, periods, language, commands);
                });
        });
    ui.add_space(8.0);
    let title = match summary.period {
        Some(period) => format!("{} · {period}", texts.chart_title),
        None => texts.chart_title.to_owned(),
    };
    ui.label(
        RichText::new(title)
            .family(fonts::bold())
            .size(theme::BODY + 1.0),
    );
    chart::legend_ui(ui, language);
    if summary.rows.is_empty() {
        ui.label(RichText::new(texts.no_period).color(theme::color(theme::palette(ui).muted)));
        return;
    }
    chart::achievement_chart_ui(ui, index, strategy, summary.period, language, commands);
}

/// The headline card of a strategy.
fn card_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    summary: &Summary,
    periods: &mut Periods,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    ui.horizontal_top(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
            if ui
                .button(texts.close)
                .on_hover_text(texts.close_hint)
                .clicked()
            {
                commands.push(Command::CloseStrategyAt(index));
            }
            if ui
                .button(texts.charts.view)
                .on_hover_text(Command::ShowCharts(index).tooltip(texts))
                .clicked()
            {
                commands.push(Command::ShowCharts(index));
            }
            if ui
                .button(texts.show_table)
                .on_hover_text(Command::ShowStrategy(index).tooltip(texts))
                .clicked()
            {
                commands.push(Command::ShowStrategy(index));
            }
            ui.with_layout(Layout::left_to_right(Align::Min), |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{} — {}", strategy.code, strategy.name))
                            .family(fonts::bold())
                            .size(theme::BODY + 2.0),
                    )
                    .wrap(),
                );
            });
        });
    });
    // Rows of a card wrap: a row wider than the column would widen the card, the column and
    // the columns after it, past the window.
    ui.horizontal_wrapped(|ui| {
        let mut facts = Vec::new();
        if let Some(span) = strategy.span_text() {
            facts.push(span);
        }
        facts.push(strategy.source_file.clone());
        ui.label(RichText::new(facts.join(" · ")).color(theme::color(theme::palette(ui).muted)));
        plots::gap_ui(ui, 12.0);
        period_selector_ui(ui, index, strategy, periods, language);
    });
    ui.add_space(4.0);
    headline_ui(ui, summary, language);
    for budget in &summary.budget {
        budget_ui(ui, budget, language);
    }
    let disagreements = summary.disagreements().count();
    if disagreements > 0 {
        ui.label(
            RichText::new(format!("≠ {}: {disagreements}", texts.disagreements))
                .color(theme::DISAGREES),
        );
    }
    ui.add_space(4.0);
    not_met_ui(ui, index, strategy, summary, language, commands);
}

/// The period selector of a strategy; a strategy with one period shows it as text.
pub fn period_selector_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    periods: &mut Periods,
    language: Language,
) {
    let texts = i18n::texts(language);
    let all = strategy.periods();
    let Some(mut selected) = periods.get(strategy) else {
        return;
    };
    let label = ui.label(texts.period);
    if all.len() < 2 {
        ui.label(RichText::new(selected.to_string()).strong());
        return;
    }
    let before = selected;
    egui::ComboBox::from_id_salt(("period", index, &strategy.code))
        .selected_text(RichText::new(selected.to_string()).strong())
        .width(90.0)
        .show_ui(ui, |ui| {
            for period in all.iter().rev() {
                ui.selectable_value(&mut selected, *period, period.to_string());
            }
        })
        .response
        .labelled_by(label.id);
    if selected != before {
        periods.set(strategy, selected);
    }
}

/// The headline ("12/14 chỉ tiêu đạt và vượt") and the counts per status.
pub fn headline_ui(ui: &mut egui::Ui, summary: &Summary, language: Language) {
    let texts = i18n::texts(language);
    if summary.period.is_none() {
        ui.label(RichText::new(texts.no_period).color(theme::color(theme::palette(ui).muted)));
        return;
    }
    ui.label(
        RichText::new(language.headline(summary))
            .family(fonts::bold())
            .size(theme::HEADLINE),
    );
    ui.horizontal_wrapped(|ui| {
        for (number, status) in Status::ALL.into_iter().enumerate() {
            if number > 0 {
                plots::gap_ui(ui, 8.0);
            }
            theme::swatch_ui(ui, theme::status_color(status));
            ui.label(format!(
                "{} {}",
                language.status(status),
                summary.count(status)
            ));
        }
    });
}

/// A budget line: the share of plan as a big figure, the amounts beside it.
fn budget_ui(ui: &mut egui::Ui, budget: &crate::analysis::BudgetSummary, language: Language) {
    let texts = i18n::texts(language);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", texts.budget)).strong());
        if let Some(percent) = budget.percent_of_plan {
            ui.label(
                RichText::new(language.percent(percent))
                    .family(fonts::bold())
                    .size(theme::FIGURE),
            );
            ui.label(texts.of_plan);
        }
        let amount =
            |value: Option<f64>| value.map_or(texts.none.to_owned(), |v| language.number(v, 3));
        let (actual_word, plan_word) = texts.budget_words;
        ui.label(
            RichText::new(format!(
                "({actual_word} {} / {plan_word} {} {})",
                amount(budget.actual),
                amount(budget.planned),
                budget.unit
            ))
            .color(theme::color(theme::palette(ui).muted)),
        )
        .on_hover_text(format!("{}\n{}", budget.name, texts.budget_not_counted));
    });
}

/// The indicators not met, each with its actual result against its target; clicking one opens
/// it in the strategy's table.
fn not_met_ui(
    ui: &mut egui::Ui,
    index: usize,
    strategy: &Strategy,
    summary: &Summary,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    let not_met: Vec<&SummaryRow> = summary.not_met().collect();
    if not_met.is_empty() {
        ui.label(RichText::new(texts.all_met).color(theme::MET));
        return;
    }
    ui.label(
        RichText::new(format!("{} ({})", texts.not_met, not_met.len()))
            .family(fonts::bold())
            .color(theme::NOT_MET),
    );
    ui.scope(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        for row in not_met {
            let (name, values) = not_met_parts(strategy, row, language, texts);
            let line = ui.horizontal(|ui| {
                let code = ui.label(RichText::new(&row.code).family(fonts::bold()));
                ui.add_space((48.0 - code.rect.width()).max(0.0));
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new(&values).color(theme::NOT_MET).strong());
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        ui.add(
                            egui::Label::new(&name)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        );
                    });
                });
            });
            let response = ui
                .interact(
                    line.response.rect,
                    ui.make_persistent_id(("not_met_row", row.index)),
                    egui::Sense::click(),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(format!("{}  {name}\n{values}", row.code));
            if response.clicked() {
                commands.push(Command::ShowIndicator {
                    strategy: index,
                    indicator: row.index,
                });
            }
        }
    });
}

/// The name of a not-met indicator, and its actual result against its target:
/// "89,6 % so với 95", "76/145 = 52,41 % so với 60".
fn not_met_parts(
    strategy: &Strategy,
    row: &SummaryRow,
    language: Language,
    texts: &Texts,
) -> (String, String) {
    let indicator = &strategy.indicators[row.index];
    let value = indicator.value(row.evaluation.period);
    // A plain number in the language's format, as the actual result beside it (a total made
    // from a breakdown has no text of its own); a comparator or range as written.
    let target = value.and_then(|value| value.target.as_ref()).map_or_else(
        || texts.none.to_owned(),
        |target| match target.comparator {
            None => i18n::as_written(language, &target.text, target.value),
            Some(_) => target.text.to_string(),
        },
    );
    let actual_text = value
        .and_then(|value| value.actual.as_ref())
        .map(|actual| actual.text.clone())
        .unwrap_or_default();
    let actual = match row.evaluation.actual {
        Some(actual) => {
            let shown = i18n::value_with_unit(language, actual, &indicator.unit);
            if actual_text.contains('/') {
                format!("{actual_text} = {shown}")
            } else {
                shown
            }
        }
        None => texts.none.to_owned(),
    };
    (
        row.name.clone(),
        format!("{actual} {} {target}", texts.versus),
    )
}

/// Shown when no strategy is open.
fn empty_ui(ui: &mut egui::Ui, language: Language, commands: &mut Vec<Command>) {
    let texts = i18n::texts(language);
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.label(
            RichText::new(texts.empty_title)
                .family(fonts::bold())
                .size(theme::HEADLINE),
        );
        ui.add_space(8.0);
        ui.label(texts.empty_hint);
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let width = 3.0 * 200.0;
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for command in [Command::Open, Command::OpenPath, Command::OpenSample] {
                if ui
                    .button(command.label(texts))
                    .on_hover_text(command.tooltip(texts))
                    .clicked()
                {
                    commands.push(command);
                }
            }
        });
    });
}
