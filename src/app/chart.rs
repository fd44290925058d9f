//! The chart that compares actual results with targets: one bar per indicator, its height the
//! achievement in per cent, coloured by status, against the 100 % target line. The data comes
//! from [`crate::chart::achievement_bars`]; this module only draws it.

use eframe::egui::{self, Align2, Color32, RichText, Stroke};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, HLine, LineStyle, Plot, PlotPoint, Text,
};

use crate::app::command::Command;
use crate::app::i18n::{self, Texts};
use crate::app::theme;
use crate::chart::{AchievementBar, BarOrder, achievement_bars};
use crate::model::{Period, Status, Strategy};
use crate::report::Language;

/// Width of a bar, in indicator slots.
const BAR_WIDTH: f64 = 0.7;

/// Room kept under every chart for the note on cut bars, so that charts side by side line up.
const NOTE_HEIGHT: f32 = 24.0;

/// The label of the tick at `value` on the indicator axis: the code of the bar there.
#[must_use]
pub fn tick_label(codes: &[String], value: f64) -> String {
    let slot = value.round();
    if (value - slot).abs() > 1e-6 || slot < 0.0 {
        return String::new();
    }
    codes.get(slot as usize).cloned().unwrap_or_default()
}

/// The height a bar is drawn at, and whether it was cut at [`theme::CHART_CAP`].
#[must_use]
pub fn drawn_height(achievement: f64) -> (f64, bool) {
    if achievement > theme::CHART_CAP {
        (theme::CHART_CAP, true)
    } else {
        (achievement.max(0.0), false)
    }
}

/// The figure written above a bar: "94", or "312*" for a cut bar.
#[must_use]
pub fn value_label(language: Language, achievement: f64, cut: bool) -> String {
    let number = language.number(achievement, 0);
    if cut { format!("{number}*") } else { number }
}

/// Grid lines of the value axis: every 10 %, stronger every 50 % and 100 %.
#[must_use]
pub fn value_grid(input: &GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let first = (low / 10.0).ceil() as i64;
    let last = (high / 10.0).floor() as i64;
    (first..=last)
        .map(|tenth| {
            let step_size = if tenth % 10 == 0 {
                100.0
            } else if tenth % 5 == 0 {
                50.0
            } else {
                10.0
            };
            GridMark {
                value: tenth as f64 * 10.0,
                step_size,
            }
        })
        .collect()
}

/// The label of a value-axis tick: multiples of 50 only.
#[must_use]
pub fn value_tick_label(language: Language, value: f64) -> String {
    if (value / 50.0 - (value / 50.0).round()).abs() < 1e-9 {
        language.number(value, 0)
    } else {
        String::new()
    }
}

/// The top of the value axis: room above the tallest drawn bar and the 100 % line.
#[must_use]
pub fn value_axis_top(bars: &[AchievementBar]) -> f64 {
    let tallest = bars
        .iter()
        .filter_map(|bar| bar.achievement)
        .map(|achievement| drawn_height(achievement).0)
        .fold(100.0, f64::max);
    tallest * 1.15
}

/// The legend: one swatch per status and the dashed target line.
pub fn legend_ui(ui: &mut egui::Ui, language: Language) {
    let texts = i18n::texts(language);
    ui.horizontal_wrapped(|ui| {
        for status in Status::ALL {
            theme::swatch_ui(ui, theme::status_color(status));
            ui.label(language.status(status));
            ui.add_space(6.0);
        }
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(28.0, theme::SWATCH), egui::Sense::hover());
        let y = rect.center().y;
        let mut x = rect.left();
        while x < rect.right() {
            let end = (x + 6.0).min(rect.right());
            ui.painter().line_segment(
                [egui::pos2(x, y), egui::pos2(end, y)],
                Stroke::new(2.0, theme::TARGET),
            );
            x += 10.0;
        }
        ui.label(texts.target_line);
    });
}

/// Draws the achievement chart of `strategy` for `period`, filling the space given. Hovering a
/// bar shows its indicator's full name, figures and rule; clicking it opens the indicator in
/// the strategy's table.
pub fn achievement_chart_ui(
    ui: &mut egui::Ui,
    strategy_index: usize,
    strategy: &Strategy,
    period: Option<Period>,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    let bars = achievement_bars(strategy, period, BarOrder::Code);
    let codes: Vec<String> = bars.iter().map(|bar| bar.code.clone()).collect();
    let plot_id = ui
        .scope_id()
        .with(("achievement", strategy_index, &strategy.code));
    let hovered_before: Option<usize> = ui.data(|data| data.get_temp(plot_id));
    let slots = bars.len().max(1) as f64;
    let top = value_axis_top(&bars);
    let cut_any = bars
        .iter()
        .filter_map(|bar| bar.achievement)
        .any(|achievement| drawn_height(achievement).1);

    let long_codes = codes.iter().any(|code| code.chars().count() > 3);
    let tick_size = if long_codes {
        theme::SMALL
    } else {
        theme::BODY
    };
    let x_axis = AxisHints::new_x()
        .tick_label_font(egui::FontId::proportional(tick_size))
        .label(texts.axis_indicator)
        .formatter(move |mark: GridMark, _| tick_label(&codes, mark.value))
        .label_spacing(8.0..=9.0)
        .tick_label_color(theme::TARGET);
    let y_axis = AxisHints::new_y()
        .label(texts.axis_achievement)
        .formatter(move |mark: GridMark, _| value_tick_label(language, mark.value))
        .tick_label_color(theme::TARGET);
    let slot_count = bars.len();
    let plot = Plot::new(plot_id)
        .height(ui.available_height() - NOTE_HEIGHT)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            (0..slot_count)
                .map(|slot| GridMark {
                    value: slot as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(|input| value_grid(&input))
        .show_grid([false, true])
        .default_x_bounds(-0.6, slots - 0.4)
        .default_y_bounds(0.0, top)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false);

    let response = plot.show(ui, |plot_ui| {
        for status in Status::ALL {
            let color = theme::status_color(status);
            let chart_bars: Vec<Bar> = bars
                .iter()
                .enumerate()
                .filter(|(_, bar)| bar.status == status)
                .map(|(slot, bar)| {
                    let (height, _) = bar.achievement.map_or((0.0, false), drawn_height);
                    let stroke = if hovered_before == Some(slot) {
                        Stroke::new(3.0, theme::TARGET)
                    } else {
                        Stroke::new(1.0, color.gamma_multiply(0.8))
                    };
                    Bar::new(slot as f64, height)
                        .name(&bar.code)
                        .fill(color)
                        .stroke(stroke)
                        .width(BAR_WIDTH)
                })
                .collect();
            plot_ui.bar_chart(
                BarChart::new(language.status(status), chart_bars)
                    .id(("bars", status as u8))
                    .color(color)
                    .allow_hover(false),
            );
        }
        plot_ui.hline(
            HLine::new(texts.target_line, 100.0)
                .color(theme::TARGET)
                .width(2.0)
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
        for (slot, bar) in bars.iter().enumerate() {
            let (label, height) = match bar.achievement {
                Some(achievement) => {
                    let (height, cut) = drawn_height(achievement);
                    (value_label(language, achievement, cut), height)
                }
                None => (language.status(Status::NoData).to_owned(), 0.0),
            };
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(slot as f64, height),
                    RichText::new(label)
                        .size(theme::CHART_LABEL)
                        .color(theme::TARGET),
                )
                .anchor(Align2::CENTER_BOTTOM)
                .id(("value", slot))
                .allow_hover(false),
            );
        }
        let pointer = plot_ui.pointer_coordinate()?;
        if !plot_ui.response().hovered() {
            return None;
        }
        let slot = pointer.x.round();
        ((pointer.x - slot).abs() <= BAR_WIDTH / 2.0 + 0.1 && slot >= 0.0)
            .then_some(slot as usize)
            .filter(|slot| *slot < bars.len())
    });
    let hovered = response.inner;
    ui.data_mut(|data| data.insert_temp(plot_id, hovered));
    if hovered != hovered_before {
        ui.ctx().request_repaint();
    }
    let plot_response = response.response;
    if let Some(bar) = hovered.and_then(|slot| bars.get(slot)) {
        if plot_response.clicked() {
            commands.push(Command::ShowIndicator {
                strategy: strategy_index,
                indicator: bar.index,
            });
        }
        plot_response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_ui_at_pointer(|ui| bar_tooltip_ui(ui, bar, language));
    }
    if cut_any {
        ui.label(
            RichText::new(
                texts
                    .chart_cut
                    .replace("{cap}", &language.percent(theme::CHART_CAP)),
            )
            .small()
            .color(theme::MUTED),
        );
    }
}

/// The tooltip of a bar: the indicator's full name, status, target, actual result,
/// achievement and the rule that gave it.
fn bar_tooltip_ui(ui: &mut egui::Ui, bar: &AchievementBar, language: Language) {
    let texts = i18n::texts(language);
    ui.set_max_width(460.0);
    ui.label(
        RichText::new(format!("{}  {}", bar.code, bar.name)).family(crate::app::fonts::bold()),
    );
    ui.horizontal(|ui| {
        theme::swatch_ui(ui, theme::status_color(bar.status));
        ui.label(language.status(bar.status));
    });
    egui::Grid::new("bar_tooltip")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            tooltip_row_ui(
                ui,
                theme::TARGET,
                texts.col_target,
                &or_dash(&bar.target_text, texts),
            );
            let actual = or_dash(
                &i18n::actual_with_value(language, &bar.actual_text, bar.actual),
                texts,
            );
            tooltip_row_ui(ui, theme::ACTUAL, texts.col_actual, &actual);
            ui.label(texts.col_unit);
            ui.label(or_dash(&bar.unit, texts));
            ui.end_row();
            ui.label(texts.col_achievement);
            ui.label(
                bar.achievement
                    .map_or_else(|| texts.none.to_owned(), |a| i18n::achievement(language, a)),
            );
            ui.end_row();
            if let Some(rule) = bar.rule {
                ui.label(texts.rule);
                ui.label(i18n::rule(language, rule));
                ui.end_row();
            }
        });
    ui.label(
        RichText::new(texts.open_in_table)
            .small()
            .color(theme::MUTED),
    );
}

/// One row of the tooltip grid with a swatch before its name.
fn tooltip_row_ui(ui: &mut egui::Ui, color: Color32, name: &str, value: &str) {
    ui.horizontal(|ui| {
        theme::swatch_ui(ui, color);
        ui.label(name);
    });
    ui.label(value);
    ui.end_row();
}

/// `text`, or a dash when it is empty.
fn or_dash(text: &str, texts: &Texts) -> String {
    if text.trim().is_empty() {
        texts.none.to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_codes_at_whole_slots() {
        let codes = vec!["1".to_owned(), "MT1.1".to_owned()];
        assert_eq!(tick_label(&codes, 1.0), "MT1.1");
        assert_eq!(tick_label(&codes, 0.5), "");
        assert_eq!(tick_label(&codes, 2.0), "");
        assert_eq!(tick_label(&codes, -1.0), "");
    }

    #[test]
    fn tall_bars_are_cut_and_labelled_with_their_value() {
        assert_eq!(drawn_height(312.5), (theme::CHART_CAP, true));
        assert_eq!(drawn_height(94.3), (94.3, false));
        assert_eq!(value_label(Language::Vi, 312.4, true), "312*");
        assert_eq!(value_label(Language::En, 94.3, false), "94");
    }

    #[test]
    fn value_axis_is_labelled_every_fifty() {
        let marks = value_grid(&GridInput {
            bounds: (-5.0, 120.0),
            base_step_size: 1.0,
        });
        assert_eq!(marks.first().map(|mark| mark.value), Some(0.0));
        assert_eq!(marks.len(), 13);
        let steps: Vec<i64> = marks.iter().map(|mark| mark.step_size as i64).collect();
        assert_eq!(steps[5], 50);
        assert_eq!(steps[10], 100);
        assert_eq!(value_tick_label(Language::Vi, 150.0), "150");
        assert_eq!(value_tick_label(Language::Vi, 120.0), "");
    }
}
