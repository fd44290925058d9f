//! The charts view of a strategy: the user picks a chart (achievement, one indicator against
//! its target, one indicator over time, the status summary and the budget of every open
//! strategy side by side), its period, indicator and order in [`ChartsView::show_controls`];
//! [`show_plot`] draws the chart alone, as a slide would. Any chart can be exported as PNG (at
//! the chosen size) or SVG, or copied to the clipboard as an image for slides and documents; the
//! image is drawn by [`crate::chart_export`] from the same data, words and colours.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};
use serde::{Deserialize, Serialize};

use crate::app::breakdown::{self, Breakdowns};
use crate::app::chart::{Scale, achievement_plot_ui};
use crate::app::command::{Command, Route};
use crate::app::i18n::{self, ChartViewTexts};
use crate::app::overview::period_selector_ui;
use crate::app::{Periods, fonts, plots, theme};
use crate::breakdown::Filter;
use crate::chart::{
    BarOrder, Chart, ChartKind, achievement_chart, budget_chart, bullet, status_stacks, time_series,
};
use crate::chart_export::{self, ExportOptions, ExportSize};
use crate::chart_text as ct;
use crate::model::{Document, Strategy};
use crate::palette::Theme;
use crate::report::Language;

/// A system dialog that answers sooner than this was never shown: there is no dialog.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// What the charts view remembers between runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartSettings {
    /// The chart shown.
    pub kind: ChartKind,
    /// How achievement bars are ordered.
    pub order: BarOrder,
    /// Whether a running total is shown per period.
    pub per_period: bool,
    /// Whether the status summary shows every milestone of each strategy.
    pub every_milestone: bool,
    /// The size of exported images.
    pub size: ExportSize,
}

impl Default for ChartSettings {
    fn default() -> Self {
        Self {
            kind: ChartKind::Achievement,
            order: BarOrder::Code,
            per_period: false,
            every_milestone: false,
            size: ExportSize::default(),
        }
    }
}

/// An export's file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A PNG image of the chosen size.
    Png,
    /// An SVG drawing.
    Svg,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// The export waiting for the system's save dialog.
#[derive(Debug)]
struct Pending {
    receiver: Receiver<Option<PathBuf>>,
    started: Instant,
    bytes: Vec<u8>,
    fallback: PathBuf,
}

/// What the last export or copy did, shown beside the buttons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Whether it worked.
    pub ok: bool,
    /// What to tell the user.
    pub text: String,
}

/// The runtime state of the charts view: the indicator chosen per strategy, an export waiting
/// for its dialog, and the last export's notice.
#[derive(Debug, Default)]
pub struct ChartsView {
    indicators: HashMap<String, usize>,
    pending: Option<Pending>,
    notice: Option<Notice>,
    /// Where exports go without asking (tests, and systems without a save dialog when set).
    folder: Option<PathBuf>,
    /// The chart last made and what it was made from: a frame draws it again unless the
    /// document or a choice changed (a chart of 5,000 indicators takes milliseconds to make).
    made: Option<(MadeFrom, Option<Arc<Chart>>)>,
}

/// What a chart is made from besides the document's contents (see [`build`]).
#[derive(Clone, Debug, PartialEq)]
struct MadeFrom {
    /// [`ChartScope::revision`] when it was made.
    revision: u64,
    index: usize,
    settings: ChartSettings,
    periods: Periods,
    indicator: usize,
    /// The breakdown shown: the empty filter while the totals show.
    filter: Filter,
}

/// What the charts view reads: the document, the strategy shown and the app's settings.
pub struct ChartScope<'a> {
    /// The open document.
    pub document: &'a Document,
    /// The strategy whose charts show.
    pub index: usize,
    /// The period each strategy is judged for.
    pub periods: &'a mut Periods,
    /// The interface language.
    pub language: Language,
    /// The theme shown (exports use it too).
    pub theme: Theme,
    /// The folder files were last opened from.
    pub last_folder: Option<&'a Path>,
    /// The breakdown filter of each strategy, shared with its table.
    pub breakdowns: &'a mut Breakdowns,
    /// The document's revision: a number that changes whenever the document does.
    pub revision: u64,
}

/// A strategy's key in the indicator choice: file and code, which stay when others close.
fn key(strategy: &Strategy) -> String {
    format!("{}\u{1f}{}", strategy.source_file, strategy.code)
}

/// The indicator a per-indicator chart starts on: the first one followed over several periods.
fn default_indicator(strategy: &Strategy) -> usize {
    strategy
        .indicators
        .iter()
        .position(|indicator| indicator.values.len() > 1)
        .unwrap_or(0)
}

/// The chart `settings` ask for, of the strategy at `index` as its breakdown filter shows it
/// (and, for the charts that compare, of every strategy's totals), with `indicator` for the
/// charts of one indicator. `None` when there is nothing to draw (no such strategy, no target
/// for the period).
#[must_use]
pub fn build(
    document: &Document,
    index: usize,
    settings: &ChartSettings,
    periods: &Periods,
    indicator: usize,
    breakdowns: &Breakdowns,
) -> Option<Chart> {
    let whole = document.strategies.get(index)?;
    let strategy = breakdowns.view(whole);
    let label = if breakdowns.filtering(whole) {
        breakdowns.filter(whole).label()
    } else {
        String::new()
    };
    let chart = match settings.kind {
        ChartKind::Achievement => Chart::Achievement(achievement_chart(
            strategy,
            periods.get(strategy),
            settings.order,
        )),
        ChartKind::Bullet => Chart::Bullet(bullet(strategy, indicator, periods.get(strategy)?)?),
        ChartKind::TimeSeries => {
            let series = time_series(strategy, indicator)?;
            let series = if settings.per_period {
                series.per_period().unwrap_or(series)
            } else {
                series
            };
            Chart::TimeSeries(series)
        }
        ChartKind::StatusSummary => Chart::StatusSummary(status_stacks(
            &document.strategies,
            |strategy| periods.get(strategy),
            settings.every_milestone,
        )),
        ChartKind::Budget => Chart::Budget(budget_chart(&document.strategies)),
    };
    Some(chart.with_breakdown(&label))
}

/// The switch between a strategy's table and its charts, above both.
pub fn switch_ui(
    ui: &mut egui::Ui,
    index: usize,
    route: Route,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = &i18n::texts(language).charts;
    ui.horizontal(|ui| {
        for (selected, label, hint, command) in [
            (
                route == Route::Strategy(index),
                texts.table,
                Command::ShowStrategy(index).tooltip(i18n::texts(language)),
                Command::ShowStrategy(index),
            ),
            (
                route == Route::Charts(index),
                texts.view,
                Command::ShowCharts(index).tooltip(i18n::texts(language)),
                Command::ShowCharts(index),
            ),
        ] {
            if ui
                .add(egui::Button::selectable(
                    selected,
                    RichText::new(label).family(fonts::bold()),
                ))
                .on_hover_text(hint)
                .clicked()
                && !selected
            {
                commands.push(command);
            }
        }
    });
    ui.add_space(2.0);
}

impl ChartsView {
    /// Sends exports to `folder` without asking, instead of the system's save dialog.
    pub fn export_to(&mut self, folder: PathBuf) {
        self.folder = Some(folder);
    }

    /// What the last export or copy did.
    #[must_use]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The charts view of the strategy in `scope`: controls above, the chart below.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut ChartSettings,
        mut scope: ChartScope<'_>,
        commands: &mut Vec<Command>,
    ) {
        self.poll(scope.language);
        let Some(strategy) = scope.document.strategies.get(scope.index) else {
            return;
        };
        let indicator = *self
            .indicators
            .entry(key(strategy))
            .or_insert_with(|| default_indicator(strategy));
        let palette = theme::palette(ui);
        // The chart is made once a frame, after the controls that decide it.
        let chart = egui::Frame::new()
            .fill(theme::color(palette.card))
            .stroke(egui::Stroke::new(1.0, theme::color(palette.grid)))
            .corner_radius(8.0)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                self.show_controls(ui, settings, &mut scope, indicator)
            })
            .inner;
        ui.add_space(8.0);
        if let Some(chart) = chart {
            show_plot(ui, &chart, scope.language, scope.index, commands);
        } else {
            let words = ct::words(scope.language);
            let text = if strategy.indicators.is_empty() {
                words.nothing
            } else {
                words.no_target
            };
            ui.label(RichText::new(text).color(theme::color(palette.muted)));
        }
    }

    /// The controls: the kind of chart, what it shows, and the export size and buttons.
    /// Returns the chart they ask for (see [`build`]), which the view draws below them.
    pub fn show_controls(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut ChartSettings,
        scope: &mut ChartScope<'_>,
        indicator: usize,
    ) -> Option<Arc<Chart>> {
        let language = scope.language;
        let texts = &i18n::texts(language).charts;
        let document = scope.document;
        let strategy = document.strategies.get(scope.index)?;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(texts.kind).strong());
            for kind in ChartKind::ALL {
                let selected = settings.kind == kind;
                let hint = if kind.compares_strategies() {
                    texts.compares
                } else {
                    texts.one_strategy
                };
                if ui
                    .add(egui::Button::selectable(
                        selected,
                        ct::kind_name(language, kind),
                    ))
                    .on_hover_text(hint)
                    .clicked()
                {
                    settings.kind = kind;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            self.choice_ui(ui, settings, scope, strategy, indicator);
        });
        if !settings.kind.compares_strategies() && breakdown::applies(strategy) {
            ui.horizontal_wrapped(|ui| {
                scope.breakdowns.filter_ui(ui, strategy, language, "charts");
            });
        }
        // The indicator chosen just now, if it changed.
        let indicator = self
            .indicators
            .get(&key(strategy))
            .copied()
            .unwrap_or(indicator);
        ui.horizontal_wrapped(|ui| self.export_ui(ui, settings, scope, indicator))
            .inner
    }

    /// The period, indicator and order choices of the chart shown.
    fn choice_ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut ChartSettings,
        scope: &mut ChartScope<'_>,
        strategy: &Strategy,
        indicator: usize,
    ) {
        let language = scope.language;
        let texts = &i18n::texts(language).charts;
        match settings.kind {
            ChartKind::Achievement => {
                period_selector_ui(ui, scope.index, strategy, scope.periods, language);
                ui.separator();
                ui.label(texts.order);
                ui.radio_value(&mut settings.order, BarOrder::Code, texts.order_code);
                ui.radio_value(
                    &mut settings.order,
                    BarOrder::Achievement,
                    texts.order_achievement,
                );
            }
            ChartKind::Bullet | ChartKind::TimeSeries => {
                let label = ui.label(texts.indicator);
                let mut chosen = indicator;
                let name = |index: usize| {
                    strategy
                        .indicators
                        .get(index)
                        .map_or_else(String::new, |indicator| {
                            format!("{} — {}", indicator.code, indicator.name)
                        })
                };
                egui::ComboBox::from_id_salt(("chart_indicator", &strategy.code))
                    .selected_text(chart_export::fit(
                        &name(chosen),
                        theme::BODY.into(),
                        false,
                        520.0,
                    ))
                    .width(560.0)
                    .show_ui(ui, |ui| {
                        for index in 0..strategy.indicators.len() {
                            ui.selectable_value(&mut chosen, index, name(index));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != indicator {
                    self.indicators.insert(key(strategy), chosen);
                }
                if settings.kind == ChartKind::Bullet {
                    ui.separator();
                    period_selector_ui(ui, scope.index, strategy, scope.periods, language);
                } else if strategy
                    .indicators
                    .get(chosen)
                    .is_some_and(|indicator| indicator.cumulative)
                {
                    ui.separator();
                    ui.checkbox(&mut settings.per_period, texts.per_period)
                        .on_hover_text(ct::words(language).per_period);
                }
            }
            ChartKind::StatusSummary => {
                if !settings.every_milestone {
                    let document = scope.document;
                    for (index, other) in document.strategies.iter().enumerate() {
                        ui.push_id(("summary_period", index), |ui| {
                            ui.label(RichText::new(&other.code).strong());
                            period_selector_ui(ui, index, other, scope.periods, language);
                        });
                        ui.add_space(8.0);
                    }
                    ui.separator();
                }
                ui.checkbox(&mut settings.every_milestone, texts.every_milestone)
                    .on_hover_text(texts.every_milestone_hint);
            }
            ChartKind::Budget => {
                ui.label(
                    RichText::new(texts.compares).color(theme::color(theme::palette(ui).muted)),
                );
            }
        }
    }

    /// The export size and the export and copy buttons, with the last export's notice.
    /// Returns the chart exported (the one shown).
    fn export_ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut ChartSettings,
        scope: &ChartScope<'_>,
        indicator: usize,
    ) -> Option<Arc<Chart>> {
        let language = scope.language;
        let texts = &i18n::texts(language).charts;
        let size = &mut settings.size;
        let label = ui.label(texts.size);
        egui::ComboBox::from_id_salt("export_size")
            .selected_text(size_text(language, size))
            .width(260.0)
            .show_ui(ui, |ui| {
                for preset in ExportSize::PRESETS {
                    ui.selectable_value(size, preset, size_text(language, &preset));
                }
            })
            .response
            .labelled_by(label.id);
        ui.add(
            egui::DragValue::new(&mut size.width)
                .range(chart_export::MIN_SIDE..=chart_export::MAX_SIDE)
                .suffix(" px"),
        )
        .on_hover_text(texts.width);
        ui.label("×");
        ui.add(
            egui::DragValue::new(&mut size.height)
                .range(chart_export::MIN_SIDE..=chart_export::MAX_SIDE)
                .suffix(" px"),
        )
        .on_hover_text(texts.height);
        ui.add(
            egui::DragValue::new(&mut size.scale)
                .range(0.5..=8.0)
                .speed(0.05)
                .fixed_decimals(2)
                .prefix("× "),
        )
        .on_hover_text(texts.scale_hint);
        ui.separator();
        let chart = self.chart(settings, scope, indicator);
        let options = ExportOptions {
            size: settings.size,
            theme: scope.theme,
            language,
        };
        let ready = chart.is_some() && self.pending.is_none();
        for (label, hint, format) in [
            (texts.export_png, texts.export_png_hint, Some(Format::Png)),
            (texts.export_svg, texts.export_svg_hint, Some(Format::Svg)),
            (texts.copy_image, texts.copy_image_hint, None),
        ] {
            let clicked = ui
                .add_enabled(ready, egui::Button::new(label))
                .on_hover_text(hint)
                .clicked();
            let Some(chart) = chart.as_ref().filter(|_| clicked) else {
                continue;
            };
            match format {
                Some(format) => self.export(ui.ctx(), chart, format, &options, scope.last_folder),
                None => self.copy(ui.ctx(), chart, &options),
            }
        }
        if self.pending.is_some() {
            ui.spinner();
            ui.label(texts.waiting);
        }
        if let Some(notice) = &self.notice {
            let palette = theme::palette(ui);
            let color = if notice.ok {
                palette.met
            } else {
                palette.error
            };
            ui.add(egui::Label::new(RichText::new(&notice.text).color(theme::color(color))).wrap());
        }
        chart
    }

    /// The chart `settings` ask for (see [`build`]): the one made last frame when nothing it is
    /// made from changed since, else made now and kept.
    fn chart(
        &mut self,
        settings: &ChartSettings,
        scope: &ChartScope<'_>,
        indicator: usize,
    ) -> Option<Arc<Chart>> {
        let filter = scope
            .document
            .strategies
            .get(scope.index)
            .filter(|strategy| scope.breakdowns.filtering(strategy))
            .map(|strategy| scope.breakdowns.filter(strategy))
            .unwrap_or_default();
        let from = MadeFrom {
            revision: scope.revision,
            index: scope.index,
            settings: settings.clone(),
            periods: scope.periods.clone(),
            indicator,
            filter,
        };
        if let Some((made_from, chart)) = &self.made
            && *made_from == from
        {
            return chart.clone();
        }
        let chart = build(
            scope.document,
            scope.index,
            settings,
            scope.periods,
            indicator,
            scope.breakdowns,
        )
        .map(Arc::new);
        self.made = Some((from, chart.clone()));
        chart
    }

    /// Writes the chart as `format` where the user says (the system's save dialog), or into the
    /// export folder where there is no dialog.
    fn export(
        &mut self,
        ctx: &egui::Context,
        chart: &Chart,
        format: Format,
        options: &ExportOptions,
        last_folder: Option<&Path>,
    ) {
        let texts = &i18n::texts(options.language).charts;
        let bytes = match format {
            Format::Png => match chart_export::png(chart, options) {
                Ok(bytes) => bytes,
                Err(error) => {
                    self.fail(texts, &error.to_string());
                    return;
                }
            },
            Format::Svg => {
                if let Err(error) = options.size.check() {
                    self.fail(texts, &error.to_string());
                    return;
                }
                chart_export::svg(chart, options).into_bytes()
            }
        };
        let name = chart_export::file_name(chart, format.extension());
        let folder = self
            .folder
            .clone()
            .or_else(|| last_folder.map(Path::to_path_buf))
            .or_else(export_folder)
            .unwrap_or_default();
        let fallback = free_path(&folder, &name);
        if self.folder.is_some() || !system_dialog_possible() {
            self.write(&fallback, &bytes, options.language);
            return;
        }
        let dialog = rfd::FileDialog::new()
            .set_title(texts.dialog_title)
            .set_directory(&folder)
            .set_file_name(&name)
            .add_filter(format.extension().to_uppercase(), &[format.extension()]);
        if cfg!(target_os = "macos") {
            // AppKit shows dialogs from the main thread only, so there the window waits.
            let started = Instant::now();
            let chosen = dialog.save_file();
            self.saved(
                chosen,
                started.elapsed(),
                &bytes,
                &fallback,
                options.language,
            );
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("save dialog".to_owned())
            .spawn(move || {
                // The app may have closed meanwhile; then nobody needs the answer.
                let _ = sender.send(dialog.save_file());
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(Pending {
                    receiver,
                    started: Instant::now(),
                    bytes,
                    fallback,
                });
            }
            Err(_) => self.write(&fallback, &bytes, options.language),
        }
    }

    /// Takes the save dialog's answer once it is there.
    fn poll(&mut self, language: Language) {
        let Some(pending) = &self.pending else {
            return;
        };
        let chosen = match pending.receiver.try_recv() {
            Ok(chosen) => chosen,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => None,
        };
        let Some(pending) = self.pending.take() else {
            return;
        };
        self.saved(
            chosen,
            pending.started.elapsed(),
            &pending.bytes,
            &pending.fallback,
            language,
        );
    }

    /// Writes where the dialog said; a dialog that answered nothing at once was never shown,
    /// so the export goes to the export folder.
    fn saved(
        &mut self,
        chosen: Option<PathBuf>,
        elapsed: Duration,
        bytes: &[u8],
        fallback: &Path,
        language: Language,
    ) {
        match chosen {
            Some(path) => self.write(&path, bytes, language),
            None if elapsed < NO_DIALOG_WITHIN => self.write(fallback, bytes, language),
            None => {}
        }
    }

    fn write(&mut self, path: &Path, bytes: &[u8], language: Language) {
        let texts = &i18n::texts(language).charts;
        match std::fs::write(path, bytes) {
            Ok(()) => {
                self.notice = Some(Notice {
                    ok: true,
                    text: texts.saved.replace("{path}", &path.display().to_string()),
                });
            }
            Err(error) => self.fail(texts, &format!("{}: {error}", path.display())),
        }
    }

    /// Copies the chart to the clipboard as an image of the chosen size.
    fn copy(&mut self, ctx: &egui::Context, chart: &Chart, options: &ExportOptions) {
        let texts = &i18n::texts(options.language).charts;
        match chart_export::rgba(chart, options) {
            Ok(image) => {
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                    [image.width as usize, image.height as usize],
                    &image.pixels,
                ));
                self.notice = Some(Notice {
                    ok: true,
                    text: texts
                        .copied
                        .replace("{w}", &image.width.to_string())
                        .replace("{h}", &image.height.to_string()),
                });
            }
            Err(error) => self.fail(texts, &error.to_string()),
        }
    }

    fn fail(&mut self, texts: &ChartViewTexts, error: &str) {
        self.notice = Some(Notice {
            ok: false,
            text: texts.failed.replace("{error}", error),
        });
    }
}

/// Draws `chart` alone, with its title, subtitle, legend and notes, as a slide shows it.
pub fn show_plot(
    ui: &mut egui::Ui,
    chart: &Chart,
    language: Language,
    strategy_index: usize,
    commands: &mut Vec<Command>,
) {
    let palette = theme::palette(ui);
    plots::header_ui(
        ui,
        &ct::title(language, chart),
        &ct::subtitle(language, chart),
        &ct::legend(language, palette, chart),
    );
    ui.add_space(4.0);
    let notes = match chart {
        // The achievement chart writes its own note on cut bars.
        Chart::Achievement(_) => Vec::new(),
        _ => ct::notes(language, chart),
    };
    let note_height = notes.len() as f32 * (theme::BODY + 10.0);
    let size = egui::vec2(
        ui.available_width(),
        (ui.available_height() - note_height).max(160.0),
    );
    ui.allocate_ui(size, |ui| match chart {
        Chart::Achievement(chart) => {
            achievement_plot_ui(ui, strategy_index, chart, language, commands, Scale::Slide);
        }
        Chart::Bullet(bullet) => plots::bullet_ui(ui, bullet, language),
        Chart::TimeSeries(series) => plots::time_series_ui(ui, series, language),
        Chart::StatusSummary(stacks) => plots::status_summary_ui(ui, stacks, language),
        Chart::Budget(budget) => plots::budget_ui(ui, budget, language),
    });
    for note in notes {
        ui.label(
            RichText::new(note)
                .family(fonts::bold())
                .color(theme::color(palette.text)),
        );
    }
}

/// The size's text: "1920 × 1080 px, × 2".
fn size_text(language: Language, size: &ExportSize) -> String {
    format!(
        "{} × {} px, × {}",
        size.width,
        size.height,
        language.number(size.scale, 2)
    )
}

/// Where exports go when there is no save dialog: the pictures folder, else the documents
/// folder, else home, else the current folder.
fn export_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    dirs.picture_dir()
        .or_else(|| dirs.document_dir())
        .map(Path::to_path_buf)
        .or_else(|| Some(dirs.home_dir().to_path_buf()))
}

/// `folder/name`, or `folder/name-2.ext` … when that file exists, so nothing is overwritten
/// without asking.
fn free_path(folder: &Path, name: &str) -> PathBuf {
    let first = folder.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..1000)
        .map(|n| folder.join(format!("{stem}-{n}.{extension}")))
        .find(|path| !path.exists())
        .unwrap_or(first)
}

/// Whether a system dialog can be shown: on Linux and the BSDs rfd asks the XDG desktop portal
/// over the session D-Bus, so without a session bus there is no dialog.
fn system_dialog_possible() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| Path::new(&dir).join("bus").exists())
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_fill_in_what_is_missing() {
        let settings: ChartSettings = serde_json::from_str(r#"{"kind":"Budget"}"#).unwrap();
        assert_eq!(settings.kind, ChartKind::Budget);
        assert_eq!(settings.size, ExportSize::default());
    }

    #[test]
    fn exports_never_overwrite() {
        let folder = std::env::temp_dir().join(format!("chitieu-free-path-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let first = free_path(&folder, "a.png");
        assert_eq!(first, folder.join("a.png"));
        std::fs::write(&first, b"x").unwrap();
        assert_eq!(free_path(&folder, "a.png"), folder.join("a-2.png"));
        std::fs::remove_dir_all(&folder).unwrap();
    }

    /// The chart of the first strategy the view gives for `revision` and `periods`.
    fn made(
        view: &mut ChartsView,
        document: &Document,
        revision: u64,
        periods: &mut Periods,
        breakdowns: &mut Breakdowns,
    ) -> Arc<Chart> {
        let scope = ChartScope {
            document,
            index: 0,
            periods,
            language: Language::Vi,
            theme: Theme::Light,
            last_folder: None,
            breakdowns,
            revision,
        };
        view.chart(&ChartSettings::default(), &scope, 0).unwrap()
    }

    #[test]
    fn a_chart_is_made_again_only_when_what_it_shows_changed() {
        let (name, bytes) = crate::app::SAMPLE[0];
        let mut document = Document {
            strategies: crate::io::load_bytes(name, bytes, &crate::io::ImportOptions::default())
                .unwrap()
                .strategies,
            ..Document::default()
        };
        let mut periods = Periods::default();
        let mut breakdowns = Breakdowns::default();
        let mut view = ChartsView::default();
        let bars = |chart: &Chart| match chart {
            Chart::Achievement(chart) => chart.bars.len(),
            _ => unreachable!("the default chart is the achievement chart"),
        };
        let first = made(&mut view, &document, 0, &mut periods, &mut breakdowns);
        assert_eq!(bars(&first), 14);
        // The next frame draws the same chart.
        assert!(Arc::ptr_eq(
            &first,
            &made(&mut view, &document, 0, &mut periods, &mut breakdowns)
        ));
        // A change of the document (a new revision) makes it again, with the change.
        document.strategies[0].indicators.truncate(10);
        let after_edit = made(&mut view, &document, 1, &mut periods, &mut breakdowns);
        assert_eq!(bars(&after_edit), 10);
        // So does another period chosen.
        let period = document.strategies[0].periods()[0];
        periods.set(&document.strategies[0], period);
        let other_period = made(&mut view, &document, 1, &mut periods, &mut breakdowns);
        assert!(!Arc::ptr_eq(&after_edit, &other_period));
        let Chart::Achievement(chart) = &*other_period else {
            unreachable!()
        };
        assert_eq!(chart.period, Some(period));
    }

    #[test]
    fn sizes_read_in_the_language() {
        assert_eq!(
            size_text(Language::Vi, &ExportSize::PRESETS[2]),
            "1280 × 720 px, × 1,5"
        );
    }
}
