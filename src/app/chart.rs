//! The chart that compares actual results with targets: one bar per indicator, its height the
//! achievement in per cent, coloured by status (and hatched when not met), its status written
//! inside it, against the 100 % target line. The overview shows it per strategy; the charts
//! view shows it larger, sorted by code or by achievement. The data comes from
//! [`crate::chart::achievement_chart`]; this module only draws it.

use eframe::egui::{self, Align2, Color32, RichText, Stroke};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, HLine, LineStyle, Plot, PlotPoint, Text,
};

use crate::app::command::Command;
use crate::app::i18n::{self, Texts};
use crate::app::{plots, theme};
use crate::chart::{AchievementBar, AchievementChart, BarOrder, achievement_chart, drawn_height};
use crate::chart_text as ct;
use crate::model::{Period, Status, Strategy};
use crate::report::Language;

/// Width of a bar, in indicator slots.
const BAR_WIDTH: f64 = 0.7;

/// Room kept under every chart for the note on cut bars, so that charts side by side line up.
const NOTE_HEIGHT: f32 = 24.0;

/// The narrowest slot, in points, whose bar carries its own texts (value above where it fits,
/// status inside); codes are written under as many bars as their width lets.
const MIN_LABELLED_SLOT: f32 = 12.0;

/// The room, in points, kept between the codes written under the bars.
const CODE_GAP: f32 = 8.0;

/// How large the chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// In an overview column.
    Card,
    /// Alone in the charts view, for a projector.
    Slide,
}

/// The label of the tick at `value` on the indicator axis: the code of the bar there.
#[must_use]
pub fn tick_label(codes: &[String], value: f64) -> String {
    let slot = value.round();
    if (value - slot).abs() > 1e-6 || slot < 0.0 {
        return String::new();
    }
    codes.get(slot as usize).cloned().unwrap_or_default()
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

/// The legend: one swatch per status and the dashed target line.
pub fn legend_ui(ui: &mut egui::Ui, language: Language) {
    let palette = theme::palette(ui);
    let mut entries = ct::status_legend(language, palette);
    entries.push(ct::LegendEntry {
        mark: ct::Mark::DashedLine,
        color: palette.target,
        label: ct::words(language).target_line.to_owned(),
    });
    plots::legend_ui(ui, &entries);
}

/// Draws the achievement chart of `strategy` for `period` in an overview column, filling the
/// space given.
pub fn achievement_chart_ui(
    ui: &mut egui::Ui,
    strategy_index: usize,
    strategy: &Strategy,
    period: Option<Period>,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let chart = achievement_chart(strategy, period, BarOrder::Code);
    achievement_plot_ui(ui, strategy_index, &chart, language, commands, Scale::Card);
}

/// Draws achievement bars, filling the space given. Hovering a bar shows its indicator's full
/// name, figures and rule; clicking it opens the indicator in the strategy's table.
pub fn achievement_plot_ui(
    ui: &mut egui::Ui,
    strategy_index: usize,
    chart: &AchievementChart,
    language: Language,
    commands: &mut Vec<Command>,
    scale: Scale,
) {
    let words = ct::words(language);
    let palette = theme::palette(ui);
    let text_color = theme::color(palette.text);
    let bars = &chart.bars;
    let codes: Vec<String> = bars.iter().map(|bar| bar.code.clone()).collect();
    let plot_id = ui
        .scope_id()
        .with(("achievement", strategy_index, &chart.strategy, chart.order));
    let hovered_before: Option<usize> = ui.data(|data| data.get_temp(plot_id));
    let slots = bars.len().max(1) as f64;
    let top = crate::chart::achievement_axis_top(bars);
    let cut_any = chart.any_cut();

    let long_codes = codes.iter().any(|code| code.chars().count() > 3);
    let (tick_size, label_size) = match scale {
        Scale::Card if long_codes => (theme::SMALL, theme::CHART_LABEL),
        Scale::Card => (theme::BODY, theme::CHART_LABEL),
        Scale::Slide => (theme::BODY, theme::BODY),
    };
    // The room a code takes under its bar: the widest code and a gap.
    let code_room = codes
        .iter()
        .max_by_key(|code| code.chars().count())
        .map_or(0.0, |code| {
            let font = egui::FontId::proportional(tick_size);
            ui.painter()
                .layout_no_wrap(code.clone(), font, text_color)
                .size()
                .x
        })
        + CODE_GAP;
    let x_axis = AxisHints::new_x()
        .tick_label_font(egui::FontId::proportional(tick_size))
        .label(words.axis_indicator)
        .formatter(move |mark: GridMark, _| tick_label(&codes, mark.value))
        .label_spacing(8.0..=9.0)
        .tick_label_color(text_color);
    let y_axis = AxisHints::new_y()
        .label(words.axis_achievement)
        .tick_label_font(egui::FontId::proportional(tick_size))
        .formatter(move |mark: GridMark, _| value_tick_label(language, mark.value))
        .tick_label_color(text_color);
    let slot_count = bars.len();
    // Every bar is written on while there is room, else no texts on the bars, which would be
    // laid out by the thousand and overlap; every code is written under its bar while the
    // widest fits its slot, else every `label_every`-th.
    let slot_width = ui.available_width() / slots as f32;
    let bar_texts = slot_width >= MIN_LABELLED_SLOT;
    let label_every = ((code_room / slot_width.max(f32::EPSILON)).ceil() as usize).max(1);
    // A value is written above its bar only where the widest one fits its slot ("100" takes
    // about 22 points), so that a hundred bars in an overview column do not run together.
    let value_texts = bar_texts && {
        let widest = bars
            .iter()
            .filter_map(|bar| {
                let achievement = bar.achievement?;
                Some(ct::achievement_label(
                    language,
                    achievement,
                    drawn_height(achievement).1,
                ))
            })
            .max_by_key(|text| text.chars().count());
        widest.is_none_or(|text| {
            let font = egui::FontId::proportional(label_size);
            ui.painter().layout_no_wrap(text, font, text_color).size().x + 2.0 <= slot_width
        })
    };
    let plot = Plot::new(plot_id)
        .height(ui.available_height() - NOTE_HEIGHT)
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            (0..slot_count)
                .step_by(label_every)
                .map(|slot| GridMark {
                    value: slot as f64,
                    step_size: label_every as f64,
                })
                .collect()
        })
        .y_grid_spacer(|input| value_grid(&input))
        .show_grid([false, true]);
    let plot = plots::fixed(plot, (-0.6, slots - 0.4), (0.0, top));

    let response = plot.show(ui, |plot_ui| {
        for status in Status::ALL {
            let color = theme::color(palette.status(status));
            let chart_bars: Vec<Bar> = bars
                .iter()
                .enumerate()
                .filter(|(_, bar)| bar.status == status)
                .map(|(slot, bar)| {
                    let (height, _) = bar.achievement.map_or((0.0, false), drawn_height);
                    let stroke = if hovered_before == Some(slot) {
                        Stroke::new(3.0, text_color)
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
            HLine::new(words.target_line, 100.0)
                .color(theme::color(palette.target))
                .width(2.0)
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
        for (slot, bar) in bars.iter().enumerate().filter(|_| value_texts) {
            let Some(achievement) = bar.achievement else {
                continue;
            };
            let (height, cut) = drawn_height(achievement);
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(slot as f64, height),
                    RichText::new(ct::achievement_label(language, achievement, cut))
                        .size(label_size)
                        .strong()
                        .color(text_color),
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
    // Hatching and the status written inside each bar, over what the plot drew.
    let painter = ui.painter().with_clip_rect(*response.transform.frame());
    for (slot, bar) in bars.iter().enumerate() {
        let (height, _) = bar.achievement.map_or((0.0, false), drawn_height);
        let rect = response.transform.rect_from_values(
            &PlotPoint::new(slot as f64 - BAR_WIDTH / 2.0, 0.0),
            &PlotPoint::new(slot as f64 + BAR_WIDTH / 2.0, height),
        );
        let fill = palette.status(bar.status);
        if bar.status == Status::NotMet {
            plots::hatch(&painter, rect, theme::color(fill.text_on()));
        }
        if !bar_texts {
            continue;
        }
        let (color, size) = if bar.achievement.is_some() {
            (theme::color(fill.text_on()), label_size - 1.0)
        } else {
            (theme::color(palette.muted), label_size - 1.0)
        };
        let bottom = egui::pos2(rect.center().x, rect.bottom());
        let room = if bar.achievement.is_some() {
            rect.height()
        } else {
            f32::INFINITY
        };
        plots::vertical_text(
            &painter,
            bottom,
            language.status(bar.status),
            size,
            color,
            room,
            rect.width(),
        );
    }
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
            RichText::new(ct::cut_note(language))
                .small()
                .color(theme::color(palette.muted)),
        );
    }
}

/// The tooltip of a bar: the indicator's full name, status, target, actual result,
/// achievement and the rule that gave it.
fn bar_tooltip_ui(ui: &mut egui::Ui, bar: &AchievementBar, language: Language) {
    let texts = i18n::texts(language);
    let palette = theme::palette(ui);
    ui.set_max_width(460.0);
    ui.label(
        RichText::new(format!("{}  {}", bar.code, bar.name)).family(crate::app::fonts::bold()),
    );
    ui.horizontal(|ui| {
        theme::swatch_ui(ui, theme::color(palette.status(bar.status)));
        ui.label(language.status(bar.status));
    });
    egui::Grid::new("bar_tooltip")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            tooltip_row_ui(
                ui,
                theme::color(palette.target),
                texts.col_target,
                &or_dash(&bar.target_text, texts),
            );
            let actual = or_dash(
                &i18n::actual_with_value(language, &bar.actual_text, bar.actual),
                texts,
            );
            tooltip_row_ui(ui, theme::color(palette.actual), texts.col_actual, &actual);
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
            .color(theme::color(palette.muted)),
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
