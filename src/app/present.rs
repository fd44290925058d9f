//! Presentation mode for review meetings: the slides of [`crate::deck`] full screen, in large
//! type on the light theme, in the app's language.
//!
//! F5 (or the Present button) starts it and Esc leaves it. Right, Space and `PageDown` go on,
//! Left and `PageUp` go back (presentation clickers send these), Home and End go to the first
//! and last slide, and a number followed by Enter jumps to that slide. The slide number and
//! the count sit in a corner; the pointer hides after two seconds without movement.
//!
//! E or F2 opens the current slide's figures in a compact editor over the slide: each change is
//! an [`Edit::SetField`] through the history (so Ctrl+Z undoes it), and the slides follow at
//! once. The slide chooser orders the slides, leaves some out and hides indicators, through
//! [`Edit::SetPresentation`]: the choice is saved with the document. The deck exports as one
//! PDF (a page per slide) and as numbered PNGs, drawn by [`crate::deck`] off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use eframe::egui::{self, Align, Color32, Key, Modifiers, Pos2, Rect, RichText, Stroke, vec2};

use crate::app::command::{Command, Route};
use crate::app::{ChitieuApp, fonts, grid, i18n, theme};
use crate::deck::{self, Content, Deck, Line, Results, Slide};
use crate::edit::{Edit, Field};
use crate::model::{Document, IndicatorRef, Period, Presentation, SlideChoice, SlideKind, Status};
use crate::palette::{Palette, Theme};
use crate::report::Language;

/// How long the pointer stays still before it hides.
const HIDE_POINTER_AFTER: f64 = 2.0;

/// The keys of the digits, 0 to 9, for jumping to a slide.
const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// How much larger the figures editor's text is than the app's.
const EDITOR_TEXT: f32 = 1.3;

/// The width of PNG slides exported: full HD.
const PNG_WIDTH: u32 = 1920;

/// The state of presentation mode and of the slide chooser; the document holds what the
/// presenter chose, this holds where the presenter is.
#[derive(Debug, Default)]
pub struct Presenter {
    /// The slide shown, counted from 0 among the slides shown.
    slide: usize,
    /// Digits typed for a jump ("1", "12"), until Enter.
    typed: String,
    /// When the pointer last moved (egui's clock, seconds).
    pointer_moved: f64,
    /// Where the pointer was last frame.
    last_pointer: Option<Pos2>,
    /// The figures editor over the slide, when open.
    editor: Option<Editor>,
    /// Whether the slide chooser is open.
    chooser: bool,
    /// Whether presentation mode was on last frame (to leave full screen when another command
    /// changed the route).
    active: bool,
    /// Where exports go without asking (tests and hosts without a save dialog).
    export_folder: Option<PathBuf>,
    /// An export running in the background: its result as a sentence.
    export: Option<Receiver<Result<String, String>>>,
    /// When the presentation started (egui's clock, seconds).
    started: f64,
    /// Where the window was and how large, when it was made to cover the screen because full
    /// screen was refused (X11 without a window manager, some kiosk set-ups).
    covered: Option<(Pos2, egui::Vec2)>,
}

/// The figures editor: the slide's indicators with their target and actual fields.
#[derive(Debug)]
struct Editor {
    /// The slide's title, for the editor's title.
    title: String,
    /// One row per indicator.
    rows: Vec<EditorRow>,
    /// Whether the first field still needs the keyboard focus.
    focus_first: bool,
}

/// One indicator in the editor.
#[derive(Debug)]
struct EditorRow {
    strategy: usize,
    indicator: usize,
    period: Period,
    /// The target as typed.
    target: String,
    /// The actual result as typed.
    actual: String,
    /// Why the last typed text was refused, if it was.
    error: Option<String>,
}

impl ChitieuApp {
    /// The period each strategy is judged for, by index.
    fn judged_periods(&self) -> Vec<Option<Period>> {
        self.document
            .strategies
            .iter()
            .map(|strategy| self.periods.get(strategy))
            .collect()
    }

    /// The slides shown now, in order.
    fn slides(&self) -> Vec<Slide> {
        deck::build(&self.document, &self.judged_periods())
    }

    /// Applies a presentation command.
    pub(crate) fn present_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Present if self.route != Route::Present => self.start_presenting(ctx),
            Command::ChooseSlides => self.presenter.chooser = true,
            Command::ExportSlidesPdf => self.export_slides(ctx, true),
            Command::ExportSlidesPng => self.export_slides(ctx, false),
            _ => {}
        }
    }

    /// Starts the presentation at the first slide, full screen, on the light theme.
    fn start_presenting(&mut self, ctx: &egui::Context) {
        self.route = Route::Present;
        self.presenter.slide = 0;
        self.presenter.typed.clear();
        self.presenter.editor = None;
        self.presenter.chooser = false;
        self.presenter.active = true;
        self.presenter.pointer_moved = ctx.input(|input| input.time);
        self.presenter.started = self.presenter.pointer_moved;
        theme::set_theme(ctx, Theme::Light);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leaves full screen and gives back the user's theme.
    fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presenter.active = false;
        self.presenter.editor = None;
        theme::set_theme(ctx, self.state.theme);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        ctx.set_cursor_icon(egui::CursorIcon::Default);
        if let Some((position, size)) = self.presenter.covered.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Decorations(true));
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(position));
        }
    }

    /// Covers the monitor with the window when full screen was asked for and the window is
    /// still smaller than the monitor a second later (X11 without a window manager does not do
    /// full screen).
    fn cover_screen(&mut self, ctx: &egui::Context) {
        let (time, info) = ctx.input(|input| (input.time, input.viewport().clone()));
        if self.presenter.covered.is_some() {
            return;
        }
        // winit may report full screen when the window manager, or the lack of one, did not
        // make it so: the window's size tells.
        let waited = time - self.presenter.started;
        if waited < 1.0 {
            ctx.request_repaint_after(Duration::from_secs_f64(1.05 - waited));
            return;
        }
        let (Some(monitor), Some(outer), Some(inner)) =
            (info.monitor_size, info.outer_rect, info.inner_rect)
        else {
            return;
        };
        if inner.width() >= monitor.x && inner.height() >= monitor.y {
            return;
        }
        self.presenter.covered = Some((outer.min, inner.size()));
        ctx.send_viewport_cmd(egui::ViewportCommand::Decorations(false));
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(Pos2::ZERO));
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(monitor));
    }

    /// Sends slide exports to `folder` without asking (for tests and scripted hosts); they are
    /// then written before the command returns.
    pub fn export_slides_to(&mut self, folder: PathBuf) {
        self.presenter.export_folder = Some(folder);
    }

    /// The slide shown in presentation mode, counted from 0.
    #[must_use]
    pub fn current_slide(&self) -> usize {
        self.presenter.slide
    }

    /// Draws presentation mode over the whole window and reads its keys.
    pub(crate) fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let slides = self.slides();
        let count = slides.len();
        self.presenter.slide = self.presenter.slide.min(count.saturating_sub(1));
        if self.presenter.editor.is_none() {
            self.slide_keys(&ctx, &slides);
        } else if ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Escape)) {
            self.presenter.editor = None;
        }
        if self.route != Route::Present {
            return;
        }
        self.hide_still_pointer(&ctx);
        self.cover_screen(&ctx);
        let language = self.state.language;
        let palette = theme::palette(ui);
        let frame = egui::Frame::NONE.fill(theme::color(palette.background));
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            let area = ui.max_rect();
            match slides.get(self.presenter.slide) {
                Some(slide) => {
                    let mut stage = Stage::new(ui, area, palette);
                    slide_ui(&mut stage, &self.document, slide, language);
                    stage.corner(
                        &format!("{} / {count}", self.presenter.slide + 1),
                        &self.presenter.typed,
                    );
                }
                None => {
                    ui.centered_and_justified(|ui| {
                        ui.label(
                            RichText::new(i18n::present(language).no_slides)
                                .size(28.0)
                                .color(theme::color(palette.muted)),
                        );
                    });
                }
            }
        });
        self.editor_ui(&ctx);
    }

    /// Moves between slides, jumps, opens the editor, leaves.
    fn slide_keys(&mut self, ctx: &egui::Context, slides: &[Slide]) {
        let count = slides.len();
        let last = count.saturating_sub(1);
        let pressed = |key: Key| ctx.input_mut(|input| input.consume_key(Modifiers::NONE, key));
        let presenter = &mut self.presenter;
        if [
            Key::ArrowRight,
            Key::Space,
            Key::PageDown,
            Key::ArrowDown,
            Key::N,
        ]
        .into_iter()
        .any(pressed)
        {
            presenter.slide = (presenter.slide + 1).min(last);
            presenter.typed.clear();
        }
        // Backspace takes back a typed digit first.
        if !presenter.typed.is_empty() && pressed(Key::Backspace) {
            presenter.typed.pop();
        }
        if [
            Key::ArrowLeft,
            Key::PageUp,
            Key::ArrowUp,
            Key::Backspace,
            Key::P,
        ]
        .into_iter()
        .any(pressed)
        {
            presenter.slide = presenter.slide.saturating_sub(1);
            presenter.typed.clear();
        }
        if pressed(Key::Home) {
            presenter.slide = 0;
        }
        if pressed(Key::End) {
            presenter.slide = last;
        }
        for (digit, key) in DIGITS.into_iter().enumerate() {
            if pressed(key) && presenter.typed.len() < 4 {
                presenter.typed.push(char::from(b'0' + digit as u8));
            }
        }
        if pressed(Key::Enter) {
            if let Ok(number) = presenter.typed.parse::<usize>()
                && (1..=count).contains(&number)
            {
                presenter.slide = number - 1;
            }
            presenter.typed.clear();
        }
        if pressed(Key::E) || pressed(Key::F2) {
            if let Some(slide) = slides.get(presenter.slide) {
                presenter.editor = Some(Editor::new(&self.document, slide, self.state.language));
            }
            return;
        }
        if pressed(Key::Escape) {
            if presenter.typed.is_empty() {
                self.route = Route::Overview;
                self.stop_presenting(ctx);
            } else {
                presenter.typed.clear();
            }
        }
    }

    /// Hides the pointer when it has not moved for [`HIDE_POINTER_AFTER`] seconds.
    fn hide_still_pointer(&mut self, ctx: &egui::Context) {
        let (time, position, pressed) = ctx.input(|input| {
            (
                input.time,
                input.pointer.latest_pos(),
                input.pointer.any_pressed(),
            )
        });
        if position != self.presenter.last_pointer || pressed {
            self.presenter.pointer_moved = time;
            self.presenter.last_pointer = position;
        }
        let still = time - self.presenter.pointer_moved;
        if still >= HIDE_POINTER_AFTER && self.presenter.editor.is_none() {
            ctx.set_cursor_icon(egui::CursorIcon::None);
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(
                (HIDE_POINTER_AFTER - still).max(0.0) + 0.05,
            ));
        }
    }

    /// The figures editor over the slide; every change goes through the history.
    fn editor_ui(&mut self, ctx: &egui::Context) {
        let language = self.state.language;
        let texts = i18n::present(language);
        let Some(editor) = &mut self.presenter.editor else {
            return;
        };
        let mut edits = Vec::new();
        let mut close = false;
        let size = ctx.content_rect().size();
        egui::Window::new(texts.editor_title.replace("{slide}", &editor.title))
            .id(egui::Id::unique("present_editor"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_BOTTOM, vec2(0.0, -40.0))
            .min_width((size.x * 0.8).min(1200.0))
            .max_width((size.x * 0.9).min(1400.0))
            .show(ctx, |ui| {
                // Larger than the app's text: the room sees the editor too.
                for font in ui.style_mut().text_styles.values_mut() {
                    font.size *= EDITOR_TEXT;
                }
                ui.label(
                    RichText::new(texts.editor_hint).color(theme::color(theme::palette(ui).muted)),
                );
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .max_height(size.y * 0.55)
                    .show(ui, |ui| {
                        egui::Grid::new("present_editor_grid")
                            .striped(true)
                            .num_columns(5)
                            .spacing(vec2(16.0, 8.0))
                            .show(ui, |ui| {
                                for head in texts.editor_columns {
                                    ui.label(RichText::new(head).family(fonts::bold()));
                                }
                                ui.end_row();
                                let focus_first = std::mem::take(&mut editor.focus_first);
                                for (at, row) in editor.rows.iter_mut().enumerate() {
                                    editor_row_ui(
                                        ui,
                                        &self.document,
                                        (at, row),
                                        language,
                                        focus_first && at == 0,
                                        &mut edits,
                                    );
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(6.0);
                if ui.button(texts.editor_done).clicked() {
                    close = true;
                }
            });
        for (at, edit) in edits {
            let outcome = self.change(edit);
            if let Some(editor) = &mut self.presenter.editor
                && let Some(row) = editor.rows.get_mut(at)
            {
                row.error = outcome.err().map(|error| error.0);
            }
        }
        if close {
            self.presenter.editor = None;
        }
    }

    /// What follows each frame whatever shows: leaving full screen when another command took
    /// the route away, the slide chooser, and the result of a background export.
    pub(crate) fn presentation_frame_end(&mut self, ctx: &egui::Context) {
        if self.presenter.active && self.route != Route::Present {
            self.stop_presenting(ctx);
        }
        if self.presenter.chooser && self.route != Route::Present {
            self.chooser_ui(ctx);
        }
        if let Some(receiver) = &self.presenter.export {
            match receiver.try_recv() {
                Ok(outcome) => {
                    self.presenter.export = None;
                    self.export_done(ctx, outcome);
                }
                Err(TryRecvError::Disconnected) => self.presenter.export = None,
                Err(TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(200)),
            }
        }
    }

    /// The slide chooser: the slides in order with a tick to show each and buttons to move it,
    /// then each strategy's indicators with a tick to show each.
    fn chooser_ui(&mut self, ctx: &egui::Context) {
        let language = self.state.language;
        let texts = i18n::texts(language);
        let present = i18n::present(language);
        let mut open = true;
        let mut choices = deck::choices(&self.document);
        let mut hidden = self.document.presentation.hidden_indicators.clone();
        let periods = self.judged_periods();
        let mut changed = false;
        let mut reset = false;
        let mut commands = Vec::new();
        egui::Window::new(present.chooser_title)
            .id(egui::Id::unique("slide_chooser"))
            .open(&mut open)
            .default_width(1100.0)
            .default_height(640.0)
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for command in [
                        Command::Present,
                        Command::ExportSlidesPdf,
                        Command::ExportSlidesPng,
                    ] {
                        if ui
                            .button(command.label(texts))
                            .on_hover_text(command.tooltip(texts))
                            .clicked()
                        {
                            commands.push(command);
                        }
                    }
                    if ui.button(present.reset).clicked() {
                        reset = true;
                    }
                });
                ui.label(
                    RichText::new(present.keys_help)
                        .small()
                        .color(theme::color(theme::palette(ui).muted)),
                );
                ui.separator();
                ui.columns(2, |columns| {
                    let [slides_ui, indicators_ui] = columns else {
                        return;
                    };
                    egui::ScrollArea::vertical()
                        .id_salt("chooser_slides")
                        .show(slides_ui, |ui| {
                            ui.label(RichText::new(present.slides).family(fonts::bold()));
                            let last = choices.len().saturating_sub(1);
                            let mut moved = None;
                            for (at, choice) in choices.iter_mut().enumerate() {
                                ui.horizontal(|ui| {
                                    let label =
                                        choice_label(&self.document, &periods, choice, language);
                                    changed |= ui
                                        .checkbox(&mut choice.shown, label)
                                        .on_hover_text(present.shown_hint)
                                        .changed();
                                    ui.with_layout(
                                        egui::Layout::right_to_left(Align::Center),
                                        |ui| {
                                            if ui
                                                .add_enabled(
                                                    at < last,
                                                    egui::Button::new(present.move_down),
                                                )
                                                .clicked()
                                            {
                                                moved = Some((at, at + 1));
                                            }
                                            if ui
                                                .add_enabled(
                                                    at > 0,
                                                    egui::Button::new(present.move_up),
                                                )
                                                .clicked()
                                            {
                                                moved = Some((at, at - 1));
                                            }
                                        },
                                    );
                                });
                            }
                            if let Some((from, to)) = moved {
                                choices.swap(from, to);
                                changed = true;
                            }
                        });
                    egui::ScrollArea::vertical()
                        .id_salt("chooser_indicators")
                        .show(indicators_ui, |ui| {
                            ui.label(RichText::new(present.indicators).family(fonts::bold()));
                            for strategy in &self.document.strategies {
                                egui::CollapsingHeader::new(format!(
                                    "{}: {}",
                                    strategy.code, strategy.name
                                ))
                                .id_salt((
                                    "chooser_indicators",
                                    &strategy.source_file,
                                    &strategy.code,
                                ))
                                .show(ui, |ui| {
                                    for indicator in &strategy.indicators {
                                        let key = IndicatorRef {
                                            strategy: strategy.code.clone(),
                                            indicator: deck::indicator_key(indicator).to_owned(),
                                        };
                                        let mut shown = !hidden.contains(&key);
                                        let label =
                                            format!("{}  {}", indicator.code, indicator.name);
                                        if ui
                                            .checkbox(&mut shown, label)
                                            .on_hover_text(present.indicator_hint)
                                            .changed()
                                        {
                                            changed = true;
                                            if shown {
                                                hidden.retain(|other| *other != key);
                                            } else {
                                                hidden.push(key);
                                            }
                                        }
                                    }
                                });
                            }
                        });
                });
            });
        self.presenter.chooser = open;
        let wanted = if reset {
            Some(Presentation::default())
        } else if changed {
            Some(Presentation {
                slides: choices,
                hidden_indicators: hidden,
            })
        } else {
            None
        };
        if let Some(wanted) = wanted
            && wanted != self.document.presentation
            && let Err(error) = self.change(Edit::SetPresentation(Box::new(wanted)))
        {
            self.notify(ctx, error.0);
        }
        self.commands.extend(commands);
    }

    /// Writes the slides as a PDF (`pdf`) or as numbered PNGs, where the user says: a save
    /// dialog (PDF) or a folder dialog (PNGs); without dialogs, into the export folder.
    fn export_slides(&mut self, ctx: &egui::Context, pdf: bool) {
        let language = self.state.language;
        let texts = i18n::present(language);
        if self.presenter.export.is_some() {
            return;
        }
        let slides = self.slides();
        if slides.is_empty() {
            self.notify(ctx, texts.no_slides.to_owned());
            return;
        }
        let document = self.document.clone();
        let stem = slides_stem(&document);
        let folder = self
            .presenter
            .export_folder
            .clone()
            .or_else(|| self.state.last_folder.clone())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        if self.presenter.export_folder.is_some() || !self.session.system_dialogs {
            let outcome = write_deck(&slides, &document, language, &folder, &stem, pdf, None);
            self.export_done(ctx, outcome);
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("slides export".to_owned())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_directory(&folder);
                let chosen = if pdf {
                    dialog
                        .set_title(texts.pdf_dialog)
                        .set_file_name(format!("{stem}.pdf"))
                        .add_filter("PDF", &["pdf"])
                        .save_file()
                } else {
                    dialog.set_title(texts.png_dialog).pick_folder()
                };
                if let Some(chosen) = chosen {
                    let outcome = write_deck(
                        &slides,
                        &document,
                        language,
                        &folder,
                        &stem,
                        pdf,
                        Some(&chosen),
                    );
                    let _ = sender.send(outcome);
                }
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.presenter.export = Some(receiver);
                self.notify(ctx, texts.exporting.to_owned());
            }
            Err(error) => self.export_done(ctx, Err(error.to_string())),
        }
    }

    /// Says how an export went.
    fn export_done(&mut self, ctx: &egui::Context, outcome: Result<String, String>) {
        let texts = i18n::present(self.state.language);
        match outcome {
            Ok(message) => self.notify(ctx, message),
            Err(error) => {
                let message = texts.export_failed.replace("{error}", &error);
                self.report(crate::app::ProblemKind::Export, message);
            }
        }
    }
}

/// The file name of exported slides without extension: the strategies' codes and "slides",
/// lower-case ASCII letters, digits and dashes ("bvcste-bdg-slides").
fn slides_stem(document: &Document) -> String {
    let mut stem: String = document
        .strategies
        .iter()
        .map(|strategy| crate::text::fold(&strategy.code))
        .chain(std::iter::once("slides".to_owned()))
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    stem.trim_matches('-').to_owned()
}

/// Writes the deck: a PDF to `chosen` (or `folder/stem.pdf`), or PNGs into `chosen` (or
/// `folder`). Returns what to tell the user.
fn write_deck(
    slides: &[Slide],
    document: &Document,
    language: Language,
    folder: &Path,
    stem: &str,
    pdf: bool,
    chosen: Option<&Path>,
) -> Result<String, String> {
    let texts = i18n::present(language);
    let deck = Deck {
        slides,
        document,
        language,
    };
    let path = if pdf {
        let path = chosen.map_or_else(|| folder.join(format!("{stem}.pdf")), Path::to_path_buf);
        let bytes = deck::pdf(&deck).map_err(|error| error.to_string())?;
        std::fs::write(&path, bytes).map_err(|error| format!("{}: {error}", path.display()))?;
        path
    } else {
        let folder = chosen.unwrap_or(folder);
        deck::write_pngs(&deck, folder, stem, PNG_WIDTH).map_err(|error| error.to_string())?;
        folder.to_path_buf()
    };
    Ok(texts
        .exported
        .replace("{n}", &slides.len().to_string())
        .replace("{path}", &path.display().to_string()))
}

/// A slide's line in the chooser: "BVCSTE · Mục tiêu I. …".
fn choice_label(
    document: &Document,
    periods: &[Option<Period>],
    choice: &SlideChoice,
    language: Language,
) -> String {
    let mut shown = document.clone();
    shown.presentation = Presentation {
        slides: vec![SlideChoice {
            slide: choice.slide.clone(),
            shown: true,
        }],
        hidden_indicators: document.presentation.hidden_indicators.clone(),
    };
    let built = deck::build(&shown, periods)
        .into_iter()
        .find(|slide| slide.key == choice.slide);
    let prefix = if choice.slide.kind == SlideKind::Compare {
        String::new()
    } else {
        format!("{} · ", choice.slide.strategy)
    };
    match built {
        Some(slide) => format!("{prefix}{}", deck::title(language, &slide)),
        None => format!("{prefix}{}", i18n::present(language).empty_slide),
    }
}

impl Editor {
    /// The editor of `slide`'s figures.
    fn new(document: &Document, slide: &Slide, language: Language) -> Self {
        let period_of = |strategy: usize| match &slide.content {
            Content::Title { results, .. }
            | Content::Headline(results)
            | Content::Goal { results, .. }
            | Content::NotMet { results, .. } => results.period,
            Content::Compare(columns) => columns
                .iter()
                .find(|results| results.strategy == strategy)
                .and_then(|results| results.period),
        };
        let rows = slide
            .figures(document)
            .into_iter()
            .filter_map(|(strategy, indicator)| {
                let period = period_of(strategy)?;
                let item = document
                    .strategies
                    .get(strategy)?
                    .indicators
                    .get(indicator)?;
                Some(EditorRow {
                    strategy,
                    indicator,
                    period,
                    target: grid::cell_text(item, grid::Col::Target, Some(period), language),
                    actual: grid::cell_text(item, grid::Col::Actual, Some(period), language),
                    error: None,
                })
            })
            .collect();
        Self {
            title: deck::title(language, slide),
            rows,
            focus_first: true,
        }
    }
}

/// One indicator's row in the editor: code, name, target and actual fields, status. A changed
/// field becomes an edit of the document (row index, edit).
fn editor_row_ui(
    ui: &mut egui::Ui,
    document: &Document,
    (index, row): (usize, &mut EditorRow),
    language: Language,
    focus: bool,
    edits: &mut Vec<(usize, Edit)>,
) {
    let Some(indicator) = document
        .strategies
        .get(row.strategy)
        .and_then(|strategy| strategy.indicators.get(row.indicator))
    else {
        return;
    };
    let palette = theme::palette(ui);
    ui.label(RichText::new(&indicator.code).family(fonts::bold()));
    let name_width = (ui.ctx().content_rect().width() * 0.35).clamp(240.0, 620.0);
    ui.allocate_ui_with_layout(
        vec2(name_width, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_width(name_width);
            ui.add(egui::Label::new(&indicator.name).truncate())
                .on_hover_text(&indicator.name);
        },
    );
    let columns = i18n::present(language).editor_columns;
    for (field, text, column) in [
        (Field::Target(row.period), &mut row.target, columns[2]),
        (Field::Actual(row.period), &mut row.actual, columns[3]),
    ] {
        let response = ui
            .add(egui::TextEdit::singleline(text).desired_width(190.0))
            .accessible_name(format!("{column} {}", indicator.code));
        if focus && field == Field::Actual(row.period) {
            response.request_focus();
        }
        if response.changed() {
            edits.push((
                index,
                Edit::SetField {
                    strategy: row.strategy,
                    indicator: row.indicator,
                    field,
                    text: text.clone(),
                    format: crate::app::grid::number_format([text.as_str()], language),
                },
            ));
        }
    }
    let status = crate::analysis::evaluate(indicator, row.period).status;
    let mut status_text = RichText::new(language.status(status))
        .family(fonts::bold())
        .color(theme::color(palette.status(status)));
    if status == Status::NoData {
        status_text = status_text.color(theme::color(palette.muted));
    }
    let response = ui.label(status_text);
    if let Some(error) = &row.error {
        response.on_hover_text(error);
    }
}

/// The slide being drawn: its rectangle (16:9, centred in the window) and the scale from the
/// deck's 1920 × 1080 canvas to points.
struct Stage<'u> {
    ui: &'u mut egui::Ui,
    slide: Rect,
    scale: f32,
    palette: &'static Palette,
}

/// Where a text sits horizontally in its box.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Left,
    Center,
}

impl<'u> Stage<'u> {
    fn new(ui: &'u mut egui::Ui, area: Rect, palette: &'static Palette) -> Self {
        let scale = (area.width() / deck::WIDTH as f32).min(area.height() / deck::HEIGHT as f32);
        let size = vec2(deck::WIDTH as f32, deck::HEIGHT as f32) * scale;
        let slide = Rect::from_center_size(area.center(), size);
        Self {
            ui,
            slide,
            scale,
            palette,
        }
    }

    /// A rectangle in deck units as a rectangle on screen.
    fn rect(&self, x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect::from_min_size(
            self.slide.min + vec2(x as f32, y as f32) * self.scale,
            vec2(width as f32, height as f32) * self.scale,
        )
    }

    /// How many lines `text` takes at `size` in `width` deck units.
    fn rows(&self, text: &str, size: f64, bold: bool, width: f64) -> usize {
        let family = if bold {
            fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        self.ui.fonts_mut(|fonts| {
            fonts
                .layout(
                    text.to_owned(),
                    egui::FontId::new(size as f32 * self.scale, family),
                    Color32::PLACEHOLDER,
                    width as f32 * self.scale,
                )
                .rows
                .len()
        })
    }

    /// The width of `text` at `size`, in deck units.
    fn width_of(&self, text: &str, size: f64, bold: bool) -> f64 {
        let family = if bold {
            fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        let width = self.ui.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(
                    text.to_owned(),
                    egui::FontId::new(size as f32 * self.scale, family),
                    Color32::PLACEHOLDER,
                )
                .size()
                .x
        });
        f64::from(width / self.scale)
    }

    /// The largest size up to `size` (down to 60 % of it) at which `text` fits `width` deck
    /// units in `lines` lines.
    fn fitting_size(&self, text: &str, size: f64, bold: bool, width: f64, lines: usize) -> f64 {
        let family = if bold {
            fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        let mut candidate = size;
        while candidate > size * 0.6 {
            let rows = self.ui.fonts_mut(|fonts| {
                fonts
                    .layout(
                        text.to_owned(),
                        egui::FontId::new(candidate as f32 * self.scale, family.clone()),
                        Color32::PLACEHOLDER,
                        width as f32 * self.scale,
                    )
                    .rows
                    .len()
            });
            if rows <= lines {
                break;
            }
            candidate *= 0.92;
        }
        candidate
    }

    /// Writes `text` from the top-left corner (`x`, `y`) in a box `width` wide, wrapped (its
    /// size shrinks so that it takes at most `lines` lines); returns the bottom in deck units.
    #[expect(clippy::too_many_arguments, reason = "a text's box and its look")]
    fn text(
        &mut self,
        (x, y): (f64, f64),
        width: f64,
        text: &str,
        size: f64,
        bold: bool,
        color: Color32,
        (place, lines): (Place, usize),
    ) -> f64 {
        let size = self.fitting_size(text, size, bold, width, lines);
        let rect = self.rect(x, y, width, deck::HEIGHT - y);
        let mut rich = RichText::new(text)
            .size(size as f32 * self.scale)
            .color(color);
        if bold {
            rich = rich.family(fonts::bold());
        }
        let align = match place {
            Place::Left => Align::Min,
            Place::Center => Align::Center,
        };
        let response = self
            .ui
            .scope_builder(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .layout(egui::Layout::top_down(align)),
                |ui| {
                    ui.spacing_mut().item_spacing = egui::Vec2::ZERO;
                    ui.add(egui::Label::new(rich).wrap().selectable(false))
                },
            )
            .inner;
        f64::from((response.rect.bottom() - self.slide.top()) / self.scale)
    }

    fn fill(&self, rect: Rect, color: Color32, radius: f32) {
        self.ui
            .painter()
            .rect_filled(rect, radius * self.scale, color);
    }

    fn rule(&self, y: f64) {
        let left = self.rect(MARGIN, y, 0.0, 0.0).min;
        let right = self.rect(deck::WIDTH - MARGIN, y, 0.0, 0.0).min;
        self.ui.painter().line_segment(
            [left, right],
            Stroke::new(2.0 * self.scale, theme::color(self.palette.grid)),
        );
    }

    /// The slide number and count in the bottom-right corner, with the number being typed.
    fn corner(&mut self, number: &str, typed: &str) {
        let muted = theme::color(self.palette.muted);
        let text = if typed.is_empty() {
            number.to_owned()
        } else {
            format!("» {typed}   {number}")
        };
        let rect = self.rect(deck::WIDTH - 520.0, deck::HEIGHT - 64.0, 480.0, 50.0);
        self.ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::right_to_left(Align::Center)),
            |ui| {
                ui.add(
                    egui::Label::new(RichText::new(text).size(26.0 * self.scale).color(muted))
                        .selectable(false),
                );
            },
        );
    }
}

/// Outer margin of a slide, in deck units.
const MARGIN: f64 = 96.0;
/// Where the content starts below the title.
const CONTENT_TOP: f64 = 290.0;
/// Where the content ends above the footer.
const CONTENT_BOTTOM: f64 = 990.0;

/// Draws one slide.
fn slide_ui(stage: &mut Stage<'_>, document: &Document, slide: &Slide, language: Language) {
    let palette = stage.palette;
    let text = theme::color(palette.text);
    let muted = theme::color(palette.muted);
    if !matches!(slide.content, Content::Title { .. }) {
        let width = deck::WIDTH - 2.0 * MARGIN;
        stage.text(
            (MARGIN, 56.0),
            width,
            &deck::kicker(language, slide),
            30.0,
            true,
            muted,
            (Place::Left, 1),
        );
        stage.text(
            (MARGIN, 104.0),
            width,
            &deck::title(language, slide),
            56.0,
            true,
            text,
            (Place::Left, 1),
        );
        stage.rule(262.0);
    }
    match &slide.content {
        Content::Title {
            results,
            source_file,
        } => title_ui(stage, language, results, source_file),
        Content::Headline(results) => headline_ui(stage, language, results),
        Content::Goal { chart, lines, .. } => goal_ui(stage, document, language, chart, lines),
        Content::NotMet { lines, .. } => not_met_ui(stage, document, language, lines),
        Content::Compare(columns) => compare_ui(stage, language, columns),
    }
}

fn title_ui(stage: &mut Stage<'_>, language: Language, results: &Results, source_file: &str) {
    let palette = stage.palette;
    let words = deck::words(language);
    let width = deck::WIDTH - 2.0 * MARGIN - 80.0;
    let left = MARGIN + 40.0;
    let center = (Place::Center, 1);
    stage.fill(
        stage.rect(0.0, 0.0, deck::WIDTH, 24.0),
        theme::color(palette.exceeded),
        0.0,
    );
    let mut y = stage.text(
        (left, 240.0),
        width,
        &results.code,
        44.0,
        true,
        theme::color(palette.muted),
        center,
    );
    y = stage.text(
        (left, y + 40.0),
        width,
        &results.name,
        68.0,
        true,
        theme::color(palette.text),
        (Place::Center, 3),
    );
    if let Some(span) = &results.span {
        y = stage.text(
            (left, y + 40.0),
            width,
            span,
            48.0,
            false,
            theme::color(palette.text),
            center,
        );
    }
    let period = results
        .period
        .map_or_else(|| "—".to_owned(), |period| language.period(period));
    stage.text(
        (left, y + 24.0),
        width,
        &words.results_for.replace("{period}", &period),
        40.0,
        true,
        theme::color(palette.exceeded),
        center,
    );
    if !source_file.is_empty() {
        stage.text(
            (left, deck::HEIGHT - 120.0),
            width,
            &format!("{} {source_file}", words.source),
            26.0,
            false,
            theme::color(palette.muted),
            center,
        );
    }
}

fn headline_ui(stage: &mut Stage<'_>, language: Language, results: &Results) {
    let palette = stage.palette;
    let words = deck::words(language);
    let text = theme::color(palette.text);
    let figure = format!("{}/{}", results.achieved, results.total);
    stage.text(
        (MARGIN, CONTENT_TOP - 10.0),
        760.0,
        &figure,
        190.0,
        true,
        text,
        (Place::Left, 1),
    );
    let after = MARGIN + stage.width_of(&figure, 190.0, true) + 56.0;
    stage.text(
        (after, CONTENT_TOP + 70.0),
        deck::WIDTH - MARGIN - after,
        words.achieved,
        52.0,
        false,
        text,
        (Place::Left, 2),
    );
    let top = CONTENT_TOP + 270.0;
    let gap = 32.0;
    let width = (deck::WIDTH - 2.0 * MARGIN - 3.0 * gap) / 4.0;
    for (slot, status) in Status::ALL.iter().enumerate() {
        let x = MARGIN + slot as f64 * (width + gap);
        let fill = palette.status(*status);
        let ink = theme::color(fill.text_on());
        stage.fill(stage.rect(x, top, width, 200.0), theme::color(fill), 12.0);
        stage.text(
            (x, top + 12.0),
            width,
            &results.count(*status).to_string(),
            96.0,
            true,
            ink,
            (Place::Center, 1),
        );
        stage.text(
            (x + 12.0, top + 136.0),
            width - 24.0,
            language.status(*status),
            36.0,
            true,
            ink,
            (Place::Center, 1),
        );
    }
    let mut y = top + 240.0;
    if results.budget.is_empty() {
        stage.text(
            (MARGIN, y),
            deck::WIDTH - 2.0 * MARGIN,
            words.no_budget,
            34.0,
            false,
            theme::color(palette.muted),
            (Place::Left, 1),
        );
    }
    for budget in results.budget.iter().take(2) {
        stage.text(
            (MARGIN, y),
            deck::WIDTH - 2.0 * MARGIN,
            &deck::budget_headline(language, budget),
            48.0,
            true,
            text,
            (Place::Left, 1),
        );
        y = stage.text(
            (MARGIN, y + 66.0),
            deck::WIDTH - 2.0 * MARGIN,
            &format!(
                "{} · {}",
                deck::budget_detail(language, budget),
                budget.name
            ),
            32.0,
            false,
            theme::color(palette.muted),
            (Place::Left, 1),
        ) + 20.0;
    }
    let note = deck::hidden_note(language, results);
    if !note.is_empty() {
        stage.text(
            (MARGIN, deck::HEIGHT - 64.0),
            1200.0,
            &note,
            26.0,
            false,
            theme::color(palette.muted),
            (Place::Left, 1),
        );
    }
}

fn goal_ui(
    stage: &mut Stage<'_>,
    document: &Document,
    language: Language,
    achievement: &crate::chart::AchievementChart,
    lines: &[Line],
) {
    let palette = stage.palette;
    let words = deck::words(language);
    bars_ui(
        stage,
        language,
        achievement,
        stage.rect(MARGIN, CONTENT_TOP, 1020.0, CONTENT_BOTTOM - CONTENT_TOP),
    );
    // The indicators on the right: status, code, name, figures.
    let left = MARGIN + 1080.0;
    let width = deck::WIDTH - MARGIN - left;
    let shown = lines.len().min(7);
    let figures: Vec<String> = lines
        .iter()
        .take(shown)
        .map(|line| {
            let [actual, target, _] = line
                .indicator(document)
                .map(|indicator| deck::figures_text(language, indicator, line.period))
                .unwrap_or_default();
            format!(
                "{} {actual} · {} {target} · {}",
                words.actual_target.0,
                words.actual_target.1,
                language.status(line.status)
            )
        })
        .collect();
    // The largest text at which every item fits, names and figures on up to two lines each.
    let text_width = width - 28.0;
    let height_at = |stage: &Stage<'_>, size: f64| -> f64 {
        lines
            .iter()
            .zip(&figures)
            .map(|(line, figures)| {
                let name = stage
                    .rows(
                        &format!("{}  {}", line.code, line.name),
                        size,
                        false,
                        text_width,
                    )
                    .min(2);
                let figures = stage.rows(figures, size * 0.92, false, text_width).min(2);
                size * 1.3 * (name + figures) as f64 + 18.0
            })
            .sum()
    };
    let size = [34.0, 31.0, 28.0, 25.0, 22.0]
        .into_iter()
        .find(|size| height_at(stage, *size) <= CONTENT_BOTTOM - CONTENT_TOP)
        .unwrap_or(22.0);
    let name_lines = 2;
    // The items share the height left over evenly.
    let used = height_at(stage, size) - 18.0 * shown as f64;
    let gap = ((CONTENT_BOTTOM - CONTENT_TOP - used) / (shown.max(2) - 1) as f64).clamp(14.0, 40.0);
    let mut y = CONTENT_TOP;
    for (line, figures) in lines.iter().take(shown).zip(&figures) {
        let top = y;
        let after_name = stage.text(
            (left + 28.0, y),
            width - 28.0,
            &format!("{}  {}", line.code, line.name),
            size,
            false,
            theme::color(palette.text),
            (Place::Left, name_lines),
        );
        let bottom = stage.text(
            (left + 28.0, after_name + 2.0),
            width - 28.0,
            figures,
            size * 0.92,
            false,
            theme::color(deck::status_ink(palette, line.status)),
            (Place::Left, 2),
        );
        stage.fill(
            stage.rect(left, top + 4.0, 12.0, bottom - top - 4.0),
            theme::color(palette.status(line.status)),
            3.0,
        );
        y = bottom + gap;
    }
    if lines.len() > shown {
        stage.text(
            (left, CONTENT_BOTTOM),
            width,
            &words
                .more
                .replace("{n}", &(lines.len() - shown).to_string()),
            26.0,
            false,
            theme::color(palette.muted),
            (Place::Left, 1),
        );
    }
}

/// The achievement bars of a goal's indicators in `area` (screen), drawn at the slide's scale
/// with fixed bounds: nothing zooms or drags. Each bar is coloured by status (indicators not met
/// are hatched too) with its achievement above and its code below, against the 100 % line.
fn bars_ui(
    stage: &mut Stage<'_>,
    language: Language,
    achievement: &crate::chart::AchievementChart,
    area: Rect,
) {
    use crate::chart::{achievement_axis_top, drawn_height, nice_ticks};
    use crate::chart_text as ct;
    let palette = stage.palette;
    let scale = stage.scale;
    let words = ct::words(language);
    let muted = theme::color(palette.muted);
    let text = theme::color(palette.text);
    // Deck units of the area, for the stage's text boxes.
    let unit = |point: Pos2| {
        (
            f64::from((point.x - stage.slide.left()) / scale),
            f64::from((point.y - stage.slide.top()) / scale),
        )
    };
    let (left, top) = unit(area.min);
    let (right, bottom) = unit(area.max);
    // The legend: each status, then the target line.
    let mut x = left;
    for entry in ct::status_legend(language, palette) {
        stage.fill(
            stage.rect(x, top + 6.0, 24.0, 24.0),
            theme::color(entry.color),
            3.0,
        );
        let label_width = f64::from(
            stage.ui.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap(
                        entry.label.clone(),
                        egui::FontId::proportional(24.0 * scale),
                        text,
                    )
                    .size()
                    .x
            }) / scale,
        );
        stage.text(
            (x + 32.0, top),
            label_width + 8.0,
            &entry.label,
            24.0,
            false,
            text,
            (Place::Left, 1),
        );
        x += 32.0 + label_width + 30.0;
    }
    let line_y = top + 18.0;
    let target = theme::color(palette.target);
    stage.ui.painter().extend(egui::Shape::dashed_line(
        &[
            stage.rect(x, line_y, 0.0, 0.0).min,
            stage.rect(x + 44.0, line_y, 0.0, 0.0).min,
        ],
        Stroke::new(3.0 * scale, target),
        10.0 * scale,
        6.0 * scale,
    ));
    stage.text(
        (x + 52.0, top),
        right - x - 52.0,
        words.target_line,
        24.0,
        false,
        text,
        (Place::Left, 1),
    );

    // The plot: value axis on the left, codes below.
    let bars = &achievement.bars;
    let plot_left = left + 90.0;
    let plot_top = top + 110.0;
    let plot_bottom = bottom - 80.0;
    let plot_right = right - 10.0;
    let axis_top = achievement_axis_top(bars);
    let y_of = |value: f64| plot_bottom - value / axis_top * (plot_bottom - plot_top);
    stage.text(
        (left, top + 56.0),
        600.0,
        words.axis_achievement,
        24.0,
        true,
        muted,
        (Place::Left, 1),
    );
    let grid = theme::color(palette.grid);
    for tick in nice_ticks(0.0, axis_top, 5) {
        let y = y_of(tick);
        stage.ui.painter().line_segment(
            [
                stage.rect(plot_left, y, 0.0, 0.0).min,
                stage.rect(plot_right, y, 0.0, 0.0).min,
            ],
            Stroke::new(1.5 * scale, grid),
        );
        stage.text(
            (left, y - 17.0),
            76.0,
            &language.number(tick, 0),
            24.0,
            false,
            muted,
            (Place::Left, 1),
        );
    }
    let slots = bars.len().max(1) as f64;
    let slot = (plot_right - plot_left) / slots;
    let width = (slot * 0.62).min(150.0);
    let mut labels: Vec<(f64, f64, String)> = Vec::new();
    for (at, bar) in bars.iter().enumerate() {
        let center = plot_left + slot * (at as f64 + 0.5);
        let fill = palette.status(bar.status);
        if let Some(achievement) = bar.achievement {
            let (height, cut) = drawn_height(achievement);
            let rect = stage.rect(
                center - width / 2.0,
                y_of(height),
                width,
                y_of(0.0) - y_of(height),
            );
            stage.fill(rect, theme::color(fill), 2.0);
            if bar.status == Status::NotMet {
                hatch(
                    stage.ui.painter(),
                    rect,
                    theme::color(fill.text_on()),
                    scale,
                );
            }
            // Value labels go on a chip of the background, so the 100 % line never runs
            // through them; they are drawn after the line below.
            labels.push((
                center,
                y_of(height) - 44.0,
                ct::achievement_label(language, achievement, cut),
            ));
        } else {
            stage.text(
                (center - slot / 2.0, y_of(0.0) - 44.0),
                slot,
                language.status(bar.status),
                24.0,
                false,
                muted,
                (Place::Center, 2),
            );
        }
        stage.text(
            (center - slot / 2.0, plot_bottom + 12.0),
            slot,
            &bar.code,
            30.0,
            true,
            text,
            (Place::Center, 1),
        );
    }
    stage.ui.painter().line_segment(
        [
            stage.rect(plot_left, y_of(0.0), 0.0, 0.0).min,
            stage.rect(plot_right, y_of(0.0), 0.0, 0.0).min,
        ],
        Stroke::new(2.0 * scale, text),
    );
    let hundred = y_of(100.0);
    stage.ui.painter().extend(egui::Shape::dashed_line(
        &[
            stage.rect(plot_left, hundred, 0.0, 0.0).min,
            stage.rect(plot_right, hundred, 0.0, 0.0).min,
        ],
        Stroke::new(3.0 * scale, target),
        12.0 * scale,
        8.0 * scale,
    ));
    let background = theme::color(palette.background);
    for (center, y, label) in labels {
        let chip = stage.width_of(&label, 32.0, true) + 16.0;
        stage.fill(
            stage.rect(center - chip / 2.0, y + 4.0, chip, 40.0),
            background,
            4.0,
        );
        stage.text(
            (center - slot / 2.0, y),
            slot,
            &label,
            32.0,
            true,
            text,
            (Place::Center, 1),
        );
    }
    if achievement.any_cut() {
        stage.text(
            (left, bottom - 30.0),
            right - left,
            &ct::cut_note(language),
            22.0,
            false,
            muted,
            (Place::Left, 1),
        );
    }
}

/// Diagonal stripes over `rect`, as charts mark the bars of indicators not met.
fn hatch(painter: &egui::Painter, rect: Rect, color: Color32, scale: f32) {
    let painter = painter.with_clip_rect(rect);
    let step = 14.0 * scale;
    let stroke = Stroke::new(2.0 * scale, color.gamma_multiply(0.6));
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        painter.line_segment(
            [
                egui::pos2(x, rect.bottom()),
                egui::pos2(x + rect.height(), rect.top()),
            ],
            stroke,
        );
        x += step;
    }
}

fn not_met_ui(stage: &mut Stage<'_>, document: &Document, language: Language, lines: &[Line]) {
    let palette = stage.palette;
    let words = deck::words(language);
    if lines.is_empty() {
        stage.text(
            (MARGIN, CONTENT_TOP + 80.0),
            deck::WIDTH - 2.0 * MARGIN,
            words.all_met,
            48.0,
            true,
            theme::color(palette.met),
            (Place::Left, 2),
        );
        return;
    }
    let x = [
        MARGIN,
        MARGIN + 140.0,
        900.0,
        1220.0,
        1480.0,
        deck::WIDTH - MARGIN,
    ];
    for (column, word) in words.columns.iter().enumerate() {
        stage.text(
            (x[column], CONTENT_TOP),
            x[column + 1] - x[column] - 20.0,
            word,
            26.0,
            true,
            theme::color(palette.muted),
            (Place::Left, 1),
        );
    }
    let shown = lines.len().min(6);
    let room = (CONTENT_BOTTOM - CONTENT_TOP - 60.0) / shown as f64;
    // One size for the whole table: the largest at which two lines a row fit.
    let most = 2;
    let size = [34.0, 30.0, 27.0, 24.0]
        .into_iter()
        .find(|size| size * 1.45 * 2.0 + 30.0 <= room)
        .unwrap_or(24.0);
    let mut y = CONTENT_TOP + 50.0;
    for line in lines.iter().take(shown) {
        let Some(indicator) = line.indicator(document) else {
            continue;
        };
        stage.rule(y);
        let [actual, target, gap] = deck::figures_text(language, indicator, line.period);
        let cells = [
            (line.code.as_str(), true, palette.text),
            (line.name.as_str(), false, palette.text),
            (actual.as_str(), true, palette.text),
            (target.as_str(), false, palette.text),
            (
                gap.as_str(),
                true,
                deck::status_ink(palette, Status::NotMet),
            ),
        ];
        let mut bottom = y;
        for (column, (content, bold, color)) in cells.into_iter().enumerate() {
            bottom = bottom.max(stage.text(
                (x[column], y + 14.0),
                x[column + 1] - x[column] - 28.0,
                content,
                size,
                bold,
                theme::color(color),
                (Place::Left, most),
            ));
        }
        y = (bottom + 12.0).max(y + room.min(size * 1.45 * most as f64 + 40.0));
    }
    stage.rule(y);
    if lines.len() > shown {
        stage.text(
            (MARGIN, CONTENT_BOTTOM),
            1200.0,
            &words
                .more
                .replace("{n}", &(lines.len() - shown).to_string()),
            26.0,
            false,
            theme::color(palette.muted),
            (Place::Left, 1),
        );
    }
}

fn compare_ui(stage: &mut Stage<'_>, language: Language, columns: &[Results]) {
    let palette = stage.palette;
    let words = deck::words(language);
    let count = columns.len().max(1) as f64;
    let gap = 48.0;
    let width = (deck::WIDTH - 2.0 * MARGIN - gap * (count - 1.0)) / count;
    for (slot, results) in columns.iter().enumerate() {
        let x = MARGIN + slot as f64 * (width + gap);
        stage.fill(
            stage.rect(x, CONTENT_TOP, width, CONTENT_BOTTOM - CONTENT_TOP),
            theme::color(palette.card),
            16.0,
        );
        let inner = x + 32.0;
        let inner_width = width - 64.0;
        let text = theme::color(palette.text);
        let muted = theme::color(palette.muted);
        let period = results
            .period
            .map_or_else(|| "—".to_owned(), |period| language.period(period));
        let mut y = stage.text(
            (inner, CONTENT_TOP + 20.0),
            inner_width,
            &format!("{} · {period}", results.code),
            40.0,
            true,
            text,
            (Place::Left, 1),
        );
        stage.text(
            (inner, y + 4.0),
            inner_width,
            &results.name,
            26.0,
            false,
            muted,
            (Place::Left, 2),
        );
        y = stage.text(
            (inner, CONTENT_TOP + 150.0),
            inner_width,
            &format!("{}/{}", results.achieved, results.total),
            120.0,
            true,
            text,
            (Place::Left, 1),
        );
        y = stage.text(
            (inner, y),
            inner_width,
            words.achieved,
            34.0,
            false,
            text,
            (Place::Left, 2),
        ) + 24.0;
        let total = results.total.max(1) as f64;
        let mut left = inner;
        for status in Status::ALL {
            let share = results.count(status) as f64 / total * inner_width;
            if share > 0.0 {
                stage.fill(
                    stage.rect(left, y, share, 56.0),
                    theme::color(palette.status(status)),
                    0.0,
                );
                left += share;
            }
        }
        y += 76.0;
        for pair in Status::ALL.chunks(2) {
            let mut item = inner;
            let mut bottom = y;
            for status in pair {
                stage.fill(
                    stage.rect(item, y + 8.0, 24.0, 24.0),
                    theme::color(palette.status(*status)),
                    3.0,
                );
                bottom = bottom.max(stage.text(
                    (item + 36.0, y),
                    inner_width / 2.0 - 48.0,
                    &format!("{}: {}", language.status(*status), results.count(*status)),
                    30.0,
                    false,
                    text,
                    (Place::Left, 1),
                ));
                item += inner_width / 2.0;
            }
            y = bottom + 8.0;
        }
        y += 20.0;
        if results.budget.is_empty() {
            stage.text(
                (inner, y),
                inner_width,
                words.no_budget,
                26.0,
                false,
                muted,
                (Place::Left, 1),
            );
        }
        for budget in results.budget.iter().take(1) {
            y = stage.text(
                (inner, y),
                inner_width,
                &deck::budget_headline(language, budget),
                40.0,
                true,
                text,
                (Place::Left, 1),
            );
            stage.text(
                (inner, y + 4.0),
                inner_width,
                &deck::budget_detail(language, budget),
                26.0,
                false,
                muted,
                (Place::Left, 1),
            );
        }
        let note = deck::hidden_note(language, results);
        if !note.is_empty() {
            stage.text(
                (inner, CONTENT_BOTTOM - 44.0),
                inner_width,
                &note,
                24.0,
                false,
                muted,
                (Place::Left, 1),
            );
        }
    }
}
