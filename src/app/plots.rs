//! The charts of the charts view besides the achievement bars ([`crate::app::chart`]): one
//! indicator's bullet and time series, the status summary and the budget of the strategies
//! side by side; and what every chart shares: the header with its legend, fixed bounds with
//! zoom and drag off, hatching and upright text. Each draws [`crate::chart`] data with
//! `egui_plot`, with the words of [`crate::chart_text`], like the exports.

use std::f32::consts::FRAC_PI_2;

use eframe::egui::{self, Align2, Color32, RichText, Stroke};
use egui_plot::{
    AxisHints, Bar, BarChart, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints,
    Points, Polygon, Text,
};

use crate::app::{fonts, theme};
use crate::chart::{BudgetChart, Bullet, StatusStack, TimeSeries, nice_ticks};
use crate::chart_text::{self as ct, LegendEntry, Mark};
use crate::model::{Period, Status};
use crate::palette::Palette;
use crate::report::Language;

/// The legend: each entry's mark and text, wrapped to the width.
pub fn legend_ui(ui: &mut egui::Ui, entries: &[LegendEntry]) {
    let palette = theme::palette(ui);
    ui.horizontal_wrapped(|ui| {
        for (number, entry) in entries.iter().enumerate() {
            if number > 0 {
                gap_ui(ui, LEGEND_GAP);
            }
            let color = theme::color(entry.color);
            let width = match entry.mark {
                Mark::Line | Mark::DashedLine => 30.0,
                _ => theme::SWATCH,
            };
            let (rect, _) = ui
                .allocate_exact_size(egui::vec2(width, theme::SWATCH + 4.0), egui::Sense::hover());
            let painter = ui.painter();
            let center = rect.center();
            let square = egui::Rect::from_center_size(center, egui::Vec2::splat(theme::SWATCH));
            match entry.mark {
                Mark::Swatch => {
                    painter.rect_filled(square, 2.0, color);
                }
                Mark::Hatched => {
                    painter.rect_filled(square, 2.0, color);
                    hatch(painter, square, theme::color(palette.not_met.text_on()));
                }
                Mark::Line | Mark::DashedLine => {
                    let from = egui::pos2(rect.left(), center.y);
                    let to = egui::pos2(rect.right(), center.y);
                    if entry.mark == Mark::DashedLine {
                        painter.extend(egui::Shape::dashed_line(
                            &[from, to],
                            Stroke::new(2.5, color),
                            7.0,
                            5.0,
                        ));
                    } else {
                        painter.line_segment([from, to], Stroke::new(3.0, color));
                    }
                }
                Mark::Diamond => diamond(painter, center, 7.0, color),
                Mark::Tick => {
                    painter.rect_filled(
                        egui::Rect::from_center_size(center, egui::vec2(4.0, theme::SWATCH + 4.0)),
                        0.0,
                        color,
                    );
                }
            }
            ui.label(entry.label.as_str());
        }
    });
}

/// The room between two legend entries, besides the item spacing.
const LEGEND_GAP: f32 = 10.0;

/// Room of `gap` points before the next item of a wrapping row, where the row has it. Spacing
/// widens the `Ui` it is added to when it goes past the right edge, and with it every `Ui`
/// around; at the end of a row the next item wraps anyway.
pub fn gap_ui(ui: &mut egui::Ui, gap: f32) {
    if ui.available_size_before_wrap().x >= gap {
        ui.add_space(gap);
    }
}

/// A chart's title, its subtitle lines (muted, cut to one line each) and its legend.
pub fn header_ui(ui: &mut egui::Ui, title: &str, subtitle: &[String], entries: &[LegendEntry]) {
    let palette = theme::palette(ui);
    ui.add(
        egui::Label::new(
            RichText::new(title)
                .family(fonts::bold())
                .size(theme::HEADING)
                .color(theme::color(palette.text)),
        )
        .truncate(),
    );
    for line in subtitle {
        ui.add(egui::Label::new(RichText::new(line).color(theme::color(palette.muted))).truncate());
    }
    legend_ui(ui, entries);
}

/// A plot for a slide: the given bounds, no zoom, drag, scroll or crosshair.
#[must_use]
pub fn fixed(plot: Plot<'_>, x: (f64, f64), y: (f64, f64)) -> Plot<'_> {
    plot.default_x_bounds(x.0, x.1)
        .default_y_bounds(y.0, y.1)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
}

/// Diagonal stripes over `rect`, for bars of indicators not met: a cue besides colour.
pub fn hatch(painter: &egui::Painter, rect: egui::Rect, color: Color32) {
    if rect.width() < 1.0 || rect.height() < 1.0 {
        return;
    }
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let stroke = Stroke::new(2.5, color.gamma_multiply(0.45));
    let mut offset = -rect.height();
    while offset < rect.width() {
        let from = egui::pos2(rect.left() + offset, rect.bottom());
        let to = egui::pos2(rect.left() + offset + rect.height(), rect.top());
        painter.line_segment([from, to], stroke);
        offset += 9.0;
    }
}

/// A diamond marker.
pub fn diamond(painter: &egui::Painter, center: egui::Pos2, radius: f32, color: Color32) {
    let points = vec![
        center + egui::vec2(0.0, -radius),
        center + egui::vec2(radius, 0.0),
        center + egui::vec2(0.0, radius),
        center + egui::vec2(-radius, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(points, color, Stroke::NONE));
}

/// Text reading upwards from `bottom` (centred on its x), written only when it fits in
/// `room` points of height and `width` of width.
pub fn vertical_text(
    painter: &egui::Painter,
    bottom: egui::Pos2,
    text: &str,
    size: f32,
    color: Color32,
    room: f32,
    width: f32,
) {
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        egui::FontId::new(size, fonts::bold()),
        color,
    );
    let (length, thickness) = (galley.size().x, galley.size().y);
    if length + 12.0 > room || thickness > width {
        return;
    }
    let pos = egui::pos2(bottom.x - thickness / 2.0, bottom.y - 6.0);
    painter.add(egui::epaint::TextShape::new(pos, galley, color).with_angle(-FRAC_PI_2));
}

/// Axis hints with the app's tick font and colour.
fn axis(x: bool, title: String, palette: &Palette) -> AxisHints<'static> {
    let hints = if x {
        AxisHints::new_x()
    } else {
        AxisHints::new_y()
    };
    hints
        .label(title)
        .tick_label_font(egui::FontId::proportional(theme::BODY))
        .tick_label_color(theme::color(palette.text))
}

/// Grid marks at `ticks`.
fn marks(ticks: &[f64]) -> Vec<GridMark> {
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    ticks
        .iter()
        .map(|value| GridMark {
            value: *value,
            step_size: step,
        })
        .collect()
}

/// Whether `value` is one of `ticks` (grid formatters label only those).
fn is_tick(ticks: &[f64], value: f64) -> bool {
    ticks
        .iter()
        .any(|tick| (tick - value).abs() <= 1e-9 * tick.abs().max(1.0))
}

/// A label in the plot.
fn label(
    position: PlotPoint,
    text: String,
    color: Color32,
    anchor: Align2,
    id: impl std::hash::Hash,
) -> Text {
    Text::new(
        "",
        position,
        RichText::new(text)
            .size(theme::BODY)
            .family(fonts::bold())
            .color(color),
    )
    .anchor(anchor)
    .id(id)
    .allow_hover(false)
}

/// Rows of a tooltip: a name and a value, each name after a swatch when it has a colour.
fn tooltip_ui(ui: &mut egui::Ui, heading: &str, rows: &[(Option<Color32>, String, String)]) {
    ui.set_max_width(480.0);
    ui.label(RichText::new(heading).family(fonts::bold()));
    egui::Grid::new("chart_tooltip")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (color, name, value) in rows {
                ui.horizontal(|ui| {
                    if let Some(color) = color {
                        theme::swatch_ui(ui, *color);
                    }
                    ui.label(name.as_str());
                });
                ui.label(value.as_str());
                ui.end_row();
            }
        });
}

/// The bullet chart: the good zone shaded, the actual bar (in its status colour, hatched when
/// not met), the target as a thick mark and the baseline as a diamond, on an axis in the
/// indicator's own unit.
pub fn bullet_ui(ui: &mut egui::Ui, bullet: &Bullet, language: Language) {
    let words = ct::words(language);
    let palette = theme::palette(ui);
    let text = theme::color(palette.text);
    let status_color = theme::color(palette.status(bullet.status));
    let unit = &bullet.unit;
    let ticks = nice_ticks(bullet.axis.0, bullet.axis.1, 6);
    let x_ticks = ticks.clone();
    let x_axis = axis(true, ct::value_axis_title(language, unit), palette).formatter(
        move |mark: GridMark, _| {
            if is_tick(&x_ticks, mark.value) {
                ct::number(language, mark.value)
            } else {
                String::new()
            }
        },
    );
    let id = ui
        .scope_id()
        .with(("bullet", &bullet.strategy, &bullet.code, bullet.period));
    let plot = Plot::new(id)
        .height(ui.available_height())
        .custom_x_axes(vec![x_axis])
        .show_axes([true, false])
        .x_grid_spacer(move |_| marks(&ticks))
        .show_grid([true, false]);
    let plot = fixed(plot, bullet.axis, (-1.0, 1.0));
    let zone = (
        bullet.good_zone.0.max(bullet.axis.0),
        bullet.good_zone.1.min(bullet.axis.1),
    );
    let response = plot.show(ui, |plot_ui| {
        if zone.1 > zone.0 {
            plot_ui.polygon(
                Polygon::new(
                    words.good_zone,
                    PlotPoints::new(vec![
                        [zone.0, -0.55],
                        [zone.1, -0.55],
                        [zone.1, 0.55],
                        [zone.0, 0.55],
                    ]),
                )
                .fill_color(theme::color(palette.good_zone))
                .stroke(Stroke::NONE)
                .allow_hover(false),
            );
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(zone.0, -0.5),
                    RichText::new(format!(
                        " {} ({})",
                        words.good_zone,
                        ct::condition(language, bullet.comparator, bullet.target)
                    ))
                    .size(theme::SMALL)
                    .color(text),
                )
                .anchor(Align2::LEFT_BOTTOM)
                .id("zone")
                .allow_hover(false),
            );
        }
        if let Some(actual) = bullet.actual {
            let origin = 0.0_f64.clamp(bullet.axis.0, bullet.axis.1);
            plot_ui.bar_chart(
                BarChart::new(
                    words.actual,
                    vec![
                        Bar::new(0.0, actual - origin)
                            .base_offset(origin)
                            .width(0.36)
                            .fill(status_color)
                            .stroke(Stroke::NONE)
                            .horizontal(),
                    ],
                )
                .color(status_color)
                .allow_hover(false),
            );
            let caption = format!(
                "{} {} · {}",
                words.actual,
                ct::value_with_unit(language, actual, unit),
                language.status(bullet.status)
            );
            let right_side = actual < bullet.axis.0 + 0.62 * (bullet.axis.1 - bullet.axis.0);
            let (anchor, pad) = if right_side {
                (Align2::LEFT_CENTER, 0.01)
            } else {
                (Align2::RIGHT_CENTER, -0.01)
            };
            let color = if right_side {
                text
            } else {
                theme::color(palette.status(bullet.status).text_on())
            };
            let span = bullet.axis.1 - bullet.axis.0;
            plot_ui.text(label(
                PlotPoint::new(actual + pad * span, 0.0),
                caption,
                color,
                anchor,
                "actual",
            ));
        }
        let target_label = format!(
            "{}: {}",
            words.target,
            if bullet.target_text.is_empty() {
                ct::condition(language, bullet.comparator, bullet.target)
            } else {
                bullet.target_text.clone()
            }
        );
        plot_ui.bar_chart(
            BarChart::new(
                words.target,
                vec![
                    Bar::new(bullet.target, 1.3)
                        .base_offset(-0.65)
                        .width((bullet.axis.1 - bullet.axis.0) * 0.006)
                        .fill(theme::color(palette.target))
                        .stroke(Stroke::NONE),
                ],
            )
            .color(theme::color(palette.target))
            .allow_hover(false),
        );
        plot_ui.text(label(
            PlotPoint::new(bullet.target, 0.68),
            target_label,
            text,
            Align2::CENTER_BOTTOM,
            "target",
        ));
        if let Some(baseline) = bullet.baseline {
            plot_ui.points(
                Points::new(words.baseline, vec![[baseline, -0.55]])
                    .shape(MarkerShape::Diamond)
                    .radius(9.0)
                    .filled(true)
                    .color(theme::color(palette.baseline))
                    .allow_hover(false),
            );
            let caption = match bullet.baseline_year {
                Some(year) => format!(
                    "{} {}: {}",
                    words.baseline,
                    language.period(year),
                    ct::value_with_unit(language, baseline, unit)
                ),
                None => format!(
                    "{}: {}",
                    words.baseline,
                    ct::value_with_unit(language, baseline, unit)
                ),
            };
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(baseline, -0.68),
                    RichText::new(caption).size(theme::BODY).color(text),
                )
                .anchor(Align2::CENTER_TOP)
                .id("baseline")
                .allow_hover(false),
            );
        }
        plot_ui.response().hovered()
    });
    if bullet.status == Status::NotMet
        && let Some(actual) = bullet.actual
    {
        let origin = 0.0_f64.clamp(bullet.axis.0, bullet.axis.1);
        let rect = response.transform.rect_from_values(
            &PlotPoint::new(origin, -0.18),
            &PlotPoint::new(actual, 0.18),
        );
        let painter = ui.painter().with_clip_rect(*response.transform.frame());
        hatch(
            &painter,
            rect,
            theme::color(palette.status(bullet.status).text_on()),
        );
    }
    if response.inner {
        let mut rows = vec![
            (
                Some(status_color),
                words.actual.to_owned(),
                ct::actual_text(language, &bullet.actual_text, bullet.actual, unit),
            ),
            (
                Some(theme::color(palette.target)),
                words.target.to_owned(),
                format!(
                    "{} ({})",
                    bullet.target_text,
                    ct::condition(language, bullet.comparator, bullet.target)
                ),
            ),
        ];
        if let Some(baseline) = bullet.baseline {
            rows.push((
                Some(theme::color(palette.baseline)),
                words.baseline.to_owned(),
                ct::value_with_unit(language, baseline, unit),
            ));
        }
        rows.push((None, words.unit.to_owned(), unit.text.clone()));
        rows.push((
            None,
            words.status.to_owned(),
            language.status(bullet.status).to_owned(),
        ));
        if let Some(achievement) = bullet.achievement {
            rows.push((
                None,
                words.achievement.to_owned(),
                ct::achievement_exact(language, achievement),
            ));
        }
        if let Some(rule) = bullet.rule {
            rows.push((
                None,
                words.rule.to_owned(),
                crate::app::i18n::rule(language, rule).to_owned(),
            ));
        }
        let heading = format!("{} {}", bullet.code, bullet.name);
        response
            .response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, &heading, &rows));
    }
}

/// The time series: targets dashed with square marks (a range shaded), actual results solid
/// with round marks, the baseline as a diamond, and the gap at the last period written beside
/// it. Hovering a period shows its exact figures.
pub fn time_series_ui(ui: &mut egui::Ui, series: &TimeSeries, language: Language) {
    let words = ct::words(language);
    let palette = theme::palette(ui);
    let text = theme::color(palette.text);
    let unit = series.unit.clone();
    let Some((first, last)) = series.period_span() else {
        ui.label(RichText::new(words.nothing).color(theme::color(palette.muted)));
        return;
    };
    let (low, high) = series.value_axis();
    let ticks = nice_ticks(low, high, 5);
    let y_ticks = ticks.clone();
    let y_axis = axis(false, ct::value_axis_title(language, &unit), palette).formatter(
        move |mark: GridMark, _| {
            if is_tick(&y_ticks, mark.value) {
                ct::number(language, mark.value)
            } else {
                String::new()
            }
        },
    );
    let x_axis =
        axis(true, words.axis_period.to_owned(), palette).formatter(move |mark: GridMark, _| {
            let period = mark.value.round();
            if (mark.value - period).abs() < 1e-6 {
                language.period(period as Period)
            } else {
                String::new()
            }
        });
    let id = ui
        .scope_id()
        .with(("series", &series.strategy, &series.code, series.per_period));
    let plot = Plot::new(id)
        .height(ui.available_height())
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            (first..=last)
                .map(|period| GridMark {
                    value: f64::from(period),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(move |_| marks(&ticks))
        .show_grid([false, true]);
    let plot = fixed(
        plot,
        // Room right of the last period for the gap.
        (f64::from(first) - 0.5, f64::from(last) + 1.1),
        (low, high),
    );
    let target_color = theme::color(palette.target);
    let actual_color = theme::color(palette.actual);
    let response = plot.show(ui, |plot_ui| {
        for target in &series.targets {
            if let Some(max) = target.max {
                let x = f64::from(target.period);
                plot_ui.polygon(
                    Polygon::new(
                        words.good_zone,
                        PlotPoints::new(vec![
                            [x - 0.3, target.value],
                            [x + 0.3, target.value],
                            [x + 0.3, max],
                            [x - 0.3, max],
                        ]),
                    )
                    .fill_color(theme::color(palette.good_zone))
                    .stroke(Stroke::NONE)
                    .allow_hover(false),
                );
            }
        }
        let targets: Vec<[f64; 2]> = series
            .targets
            .iter()
            .map(|target| [f64::from(target.period), target.value])
            .collect();
        plot_ui.line(
            Line::new(words.target, PlotPoints::new(targets.clone()))
                .color(target_color)
                .width(2.5)
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
        plot_ui.points(
            Points::new(words.target, targets)
                .shape(MarkerShape::Square)
                .radius(5.0)
                .filled(true)
                .color(target_color)
                .allow_hover(false),
        );
        let actuals: Vec<[f64; 2]> = series
            .actuals
            .iter()
            .map(|(period, value)| [f64::from(*period), *value])
            .collect();
        plot_ui.line(
            Line::new(words.actual, PlotPoints::new(actuals.clone()))
                .color(actual_color)
                .width(3.5)
                .allow_hover(false),
        );
        plot_ui.points(
            Points::new(words.actual, actuals)
                .shape(MarkerShape::Circle)
                .radius(6.0)
                .filled(true)
                .color(actual_color)
                .allow_hover(false),
        );
        if let Some((year, value)) = series.baseline {
            plot_ui.points(
                Points::new(words.baseline, vec![[f64::from(year), value]])
                    .shape(MarkerShape::Diamond)
                    .radius(8.0)
                    .filled(true)
                    .color(theme::color(palette.baseline))
                    .allow_hover(false),
            );
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(f64::from(year) + 0.08, value),
                    RichText::new(format!(
                        "{} {}",
                        words.baseline,
                        ct::number(language, value)
                    ))
                    .size(theme::BODY)
                    .color(text),
                )
                .anchor(Align2::LEFT_BOTTOM)
                .id("baseline")
                .allow_hover(false),
            );
        }
        if let Some(gap) = &series.last_gap {
            // The last values beside their points, the gap right of a bracket between them.
            let x = f64::from(gap.period);
            let below = gap.actual <= gap.target;
            let (actual_anchor, target_anchor) = if below {
                (Align2::RIGHT_TOP, Align2::RIGHT_BOTTOM)
            } else {
                (Align2::RIGHT_BOTTOM, Align2::RIGHT_TOP)
            };
            plot_ui.text(label(
                PlotPoint::new(x - 0.08, gap.actual),
                ct::number(language, gap.actual),
                text,
                actual_anchor,
                "last_actual",
            ));
            if (gap.actual - gap.target).abs() > f64::EPSILON {
                plot_ui.text(label(
                    PlotPoint::new(x - 0.08, gap.target),
                    ct::number(language, gap.target),
                    text,
                    target_anchor,
                    "last_target",
                ));
                plot_ui.line(
                    Line::new(
                        "gap",
                        PlotPoints::new(vec![
                            [x + 0.08, gap.actual],
                            [x + 0.14, gap.actual],
                            [x + 0.14, gap.target],
                            [x + 0.08, gap.target],
                        ]),
                    )
                    .color(theme::color(palette.muted))
                    .width(1.5)
                    .allow_hover(false),
                );
            }
            let mut caption = ct::difference(language, gap.gap, &unit);
            if let Some(status) = gap.status {
                caption = format!("{caption}\n{}", language.status(status));
            }
            plot_ui.text(label(
                PlotPoint::new(x + 0.2, f64::midpoint(gap.actual, gap.target)),
                caption,
                text,
                Align2::LEFT_CENTER,
                "gap",
            ));
        }
        let pointer = plot_ui.pointer_coordinate()?;
        plot_ui
            .response()
            .hovered()
            .then(|| pointer.x.round() as Period)
            .filter(|period| (first..=last).contains(period))
    });
    if let Some(period) = response.inner {
        let mut rows = Vec::new();
        if let Some(target) = series.targets.iter().find(|target| target.period == period) {
            let written = if target.text.is_empty() {
                String::new()
            } else {
                format!(" ({})", target.text)
            };
            rows.push((
                Some(target_color),
                words.target.to_owned(),
                format!(
                    "{}{written}",
                    ct::condition(language, target.comparator, target.value)
                ),
            ));
        }
        if let Some((_, value)) = series.actuals.iter().find(|(p, _)| *p == period) {
            rows.push((
                Some(actual_color),
                words.actual.to_owned(),
                ct::value_with_unit(language, *value, &unit),
            ));
        }
        if let Some((year, value)) = series.baseline.filter(|(year, _)| *year == period) {
            rows.push((
                Some(theme::color(palette.baseline)),
                format!("{} {}", words.baseline, language.period(year)),
                ct::value_with_unit(language, value, &unit),
            ));
        }
        if let Some(gap) = series.last_gap.as_ref().filter(|gap| gap.period == period) {
            rows.push((None, String::new(), ct::gap_label(language, gap, &unit)));
        }
        if !rows.is_empty() {
            let heading = format!(
                "{} {} · {}",
                series.code,
                series.name,
                language.period(period)
            );
            response
                .response
                .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, &heading, &rows));
        }
    }
}

/// Width of a status stack, in slots.
const STACK_WIDTH: f64 = 0.42;

/// The status summary: one stacked bar per strategy (and period), exceeded at the bottom, each
/// segment labelled with its status and count, the headline above.
pub fn status_summary_ui(ui: &mut egui::Ui, stacks: &[StatusStack], language: Language) {
    let words = ct::words(language);
    let palette = theme::palette(ui);
    let text = theme::color(palette.text);
    let most = stacks.iter().map(|stack| stack.total).max().unwrap_or(0);
    if most == 0 {
        ui.label(RichText::new(words.nothing).color(theme::color(palette.muted)));
        return;
    }
    let high = most as f64 * 1.15;
    let ticks = crate::chart::count_ticks(high);
    let y_ticks = ticks.clone();
    let y_axis =
        axis(false, words.axis_count.to_owned(), palette).formatter(move |mark: GridMark, _| {
            if is_tick(&y_ticks, mark.value) {
                language.number(mark.value, 0)
            } else {
                String::new()
            }
        });
    let names: Vec<String> = stacks
        .iter()
        .map(|stack| ct::stack_label(language, &stack.strategy, stack.period))
        .collect();
    let x_axis = axis(true, words.axis_strategy.to_owned(), palette)
        .formatter(move |mark: GridMark, _| crate::app::chart::tick_label(&names, mark.value));
    let count = stacks.len();
    let id = ui.scope_id().with(("status_summary", count));
    let plot = Plot::new(id)
        .height(ui.available_height())
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|slot| GridMark {
                    value: slot as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(move |_| marks(&ticks))
        .show_grid([false, true]);
    let plot = fixed(plot, (-0.6, count as f64 - 0.4), (0.0, high));
    let response = plot.show(ui, |plot_ui| {
        for (slot, stack) in stacks.iter().enumerate() {
            let x = slot as f64;
            let mut base = 0.0;
            for (status, segment) in &stack.counts {
                if *segment == 0 {
                    continue;
                }
                let color = theme::color(palette.status(*status));
                let height = *segment as f64;
                plot_ui.bar_chart(
                    BarChart::new(
                        language.status(*status),
                        vec![
                            Bar::new(x, height)
                                .base_offset(base)
                                .width(STACK_WIDTH)
                                .fill(color)
                                .stroke(Stroke::new(1.5, theme::color(palette.background))),
                        ],
                    )
                    .id(("stack", slot, *status as u8))
                    .color(color)
                    .allow_hover(false),
                );
                base += height;
            }
            plot_ui.text(label(
                PlotPoint::new(x, base + most as f64 * 0.02),
                ct::stack_headline(language, stack.achieved(), stack.total),
                text,
                Align2::CENTER_BOTTOM,
                ("headline", slot),
            ));
        }
        let pointer = plot_ui.pointer_coordinate()?;
        if !plot_ui.response().hovered() {
            return None;
        }
        let slot = pointer.x.round();
        ((pointer.x - slot).abs() <= STACK_WIDTH / 2.0 + 0.05 && slot >= 0.0)
            .then_some(slot as usize)
            .filter(|slot| *slot < stacks.len())
    });
    // Each segment's status and count, inside it when it fits, else to its right.
    let painter = ui.painter().with_clip_rect(*response.transform.frame());
    for (slot, stack) in stacks.iter().enumerate() {
        let x = slot as f64;
        let mut base = 0.0;
        for (status, segment) in &stack.counts {
            if *segment == 0 {
                continue;
            }
            let height = *segment as f64;
            let rect = response.transform.rect_from_values(
                &PlotPoint::new(x - STACK_WIDTH / 2.0, base),
                &PlotPoint::new(x + STACK_WIDTH / 2.0, base + height),
            );
            base += height;
            let fill = palette.status(*status);
            if *status == Status::NotMet {
                hatch(&painter, rect, theme::color(fill.text_on()));
            }
            let caption = ct::segment_label(language, *status, *segment);
            let font = egui::FontId::new(theme::BODY, fonts::bold());
            let galley = painter.layout_no_wrap(caption.clone(), font.clone(), text);
            if galley.size().x + 8.0 <= rect.width() && galley.size().y + 2.0 <= rect.height() {
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    caption,
                    font,
                    theme::color(fill.text_on()),
                );
            } else {
                painter.text(
                    egui::pos2(rect.right() + 8.0, rect.center().y),
                    Align2::LEFT_CENTER,
                    caption,
                    font,
                    text,
                );
            }
        }
    }
    if let Some(stack) = response.inner.and_then(|slot| stacks.get(slot)) {
        let rows: Vec<(Option<Color32>, String, String)> = stack
            .counts
            .iter()
            .map(|(status, count)| {
                (
                    Some(theme::color(palette.status(*status))),
                    language.status(*status).to_owned(),
                    count.to_string(),
                )
            })
            .chain(std::iter::once((
                None,
                words.axis_count.to_owned(),
                stack.total.to_string(),
            )))
            .collect();
        let heading = format!(
            "{} · {}",
            ct::stack_label(language, &stack.strategy, stack.period),
            ct::stack_headline(language, stack.achieved(), stack.total)
        );
        response
            .response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, &heading, &rows));
    }
}

/// Width of a budget bar, in slots.
const BUDGET_WIDTH: f64 = 0.3;

/// The budget chart: per strategy (and budget line), the planned and the actual amount side by
/// side, each labelled, with the % of plan above the actual bar.
pub fn budget_ui(ui: &mut egui::Ui, chart: &BudgetChart, language: Language) {
    let words = ct::words(language);
    let palette = theme::palette(ui);
    let text = theme::color(palette.text);
    let slots = chart.slots();
    let highest = slots
        .iter()
        .filter_map(|(group, line, _)| line.map(|line| &chart.groups[*group].lines[line]))
        .flat_map(|line| [chart.height(line, false), chart.height(line, true)])
        .flatten()
        .fold(0.0, f64::max);
    if slots.is_empty() {
        ui.label(RichText::new(words.nothing).color(theme::color(palette.muted)));
        return;
    }
    let high = if highest > 0.0 { highest * 1.3 } else { 1.0 };
    let ticks = nice_ticks(0.0, high, 5);
    let y_ticks = ticks.clone();
    let y_axis = axis(
        false,
        ct::money_axis_title(language, chart.unit.as_deref()),
        palette,
    )
    .formatter(move |mark: GridMark, _| {
        if is_tick(&y_ticks, mark.value) {
            ct::number(language, mark.value)
        } else {
            String::new()
        }
    });
    let names: Vec<String> = slots
        .iter()
        .map(|(group, line, _)| {
            let group = &chart.groups[*group];
            match line {
                Some(line) if group.lines.len() > 1 => {
                    format!("{} · {}", group.strategy, group.lines[*line].name)
                }
                _ => group.strategy.clone(),
            }
        })
        .collect();
    let x_axis = axis(true, words.axis_strategy.to_owned(), palette)
        .formatter(move |mark: GridMark, _| crate::app::chart::tick_label(&names, mark.value));
    let count = slots.len();
    let id = ui.scope_id().with(("budget", count));
    let plot = Plot::new(id)
        .height(ui.available_height())
        .custom_x_axes(vec![x_axis])
        .custom_y_axes(vec![y_axis])
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|slot| GridMark {
                    value: slot as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(move |_| marks(&ticks))
        .show_grid([false, true]);
    let plot = fixed(plot, (-0.6, count as f64 - 0.4), (0.0, high));
    let planned_color = theme::color(palette.planned);
    let actual_color = theme::color(palette.actual);
    let response = plot.show(ui, |plot_ui| {
        for (group_index, line_index, x) in &slots {
            let group = &chart.groups[*group_index];
            let Some(line) = line_index.map(|line| &group.lines[line]) else {
                plot_ui.text(
                    Text::new(
                        "",
                        PlotPoint::new(*x, high * 0.05),
                        RichText::new(format!("{}: {}", group.strategy, words.no_budget))
                            .size(theme::BODY)
                            .color(theme::color(palette.muted)),
                    )
                    .anchor(Align2::CENTER_BOTTOM)
                    .id(("no_budget", *group_index))
                    .allow_hover(false),
                );
                continue;
            };
            for (actual, offset, color, word) in [
                (false, -0.55, planned_color, words.planned),
                (true, 0.55, actual_color, words.spent),
            ] {
                let center = x + offset * BUDGET_WIDTH;
                let Some(height) = chart.height(line, actual) else {
                    continue;
                };
                plot_ui.bar_chart(
                    BarChart::new(
                        word,
                        vec![
                            Bar::new(center, height)
                                .width(BUDGET_WIDTH)
                                .fill(color)
                                .stroke(Stroke::NONE),
                        ],
                    )
                    .id(("budget_bar", *group_index, *line_index, actual))
                    .color(color)
                    .allow_hover(false),
                );
                let amount = if actual { line.actual } else { line.planned };
                let value = amount
                    .map(|amount| ct::number(language, amount))
                    .unwrap_or_default();
                plot_ui.text(label(
                    PlotPoint::new(center, height),
                    format!("{word}: {value}"),
                    text,
                    Align2::CENTER_BOTTOM,
                    ("budget_value", *group_index, *line_index, actual),
                ));
                if actual && let Some(percent) = line.percent_of_plan {
                    plot_ui.text(
                        Text::new(
                            "",
                            PlotPoint::new(center, height + high * 0.07),
                            RichText::new(ct::percent_of_plan(language, percent))
                                .size(theme::HEADING)
                                .family(fonts::bold())
                                .color(text),
                        )
                        .anchor(Align2::CENTER_BOTTOM)
                        .id(("percent", *group_index, *line_index))
                        .allow_hover(false),
                    );
                }
            }
        }
        let pointer = plot_ui.pointer_coordinate()?;
        if !plot_ui.response().hovered() {
            return None;
        }
        let slot = pointer.x.round();
        (slot >= 0.0)
            .then_some(slot as usize)
            .filter(|slot| *slot < slots.len())
    });
    let hovered = response
        .inner
        .and_then(|slot| slots.get(slot))
        .and_then(|(group, line, _)| {
            line.map(|line| (&chart.groups[*group], &chart.groups[*group].lines[line]))
        });
    if let Some((group, line)) = hovered {
        let amount = |value: Option<f64>| {
            value.map_or_else(
                || "—".to_owned(),
                |value| format!("{} {}", ct::number(language, value), line.unit),
            )
        };
        let mut rows = vec![
            (
                Some(planned_color),
                words.planned.to_owned(),
                amount(line.planned),
            ),
            (
                Some(actual_color),
                words.spent.to_owned(),
                amount(line.actual),
            ),
        ];
        if let Some(percent) = line.percent_of_plan {
            rows.push((
                None,
                words.of_plan.to_owned(),
                ct::achievement_exact(language, percent),
            ));
        }
        let heading = format!("{} · {}", group.strategy, line.name);
        response
            .response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, &heading, &rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_recognised_with_rounding_noise() {
        let ticks = nice_ticks(0.0, 1.0, 5);
        assert!(is_tick(&ticks, 0.2 * 3.0), "rounding noise: {}", 0.2 * 3.0);
        assert!(!is_tick(&ticks, 0.7));
        let marks = marks(&ticks);
        assert!((marks[1].step_size - 0.2).abs() < 1e-9);
    }
}
