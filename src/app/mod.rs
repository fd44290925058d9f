//! The desktop app (eframe/egui): the overview of every open strategy with its headline and
//! achievement chart, an editable table per strategy, the warnings panel, opening files
//! (dialog, typed path, drag and drop), saving to chitieu's workbook, undo/redo and crash
//! recovery, in Vietnamese or English.
//!
//! The app owns one [`Document`]; views read it and send [`Command`]s and edit requests, which
//! are applied once at the end of the frame; every change to the document is an [`Edit`]
//! applied through [`History`] in one place (`ChitieuApp::change`).

mod breakdown;
mod chart;
mod charts_view;
mod chrome;
mod clipboard;
mod command;
mod fonts;
mod forms;
mod grid;
mod i18n;
mod import_dialog;
mod loading;
mod messages;
mod open_dialog;
mod overview;
mod plots;
mod present;
mod session;
mod startup;
mod table;
mod theme;
mod zoom;

use std::collections::HashMap;
use std::path::PathBuf;

use eframe::egui;
use serde::{Deserialize, Serialize};

pub use charts_view::ChartSettings;
pub use command::{Command, Route};
pub use messages::{Problem, ProblemKind};
pub use session::Setup;
pub use zoom::Zoom;

use crate::edit::{Edit, History};
use crate::io::{ImportOptions, LoadError, Loaded, load_bytes, load_path};
use crate::model::{Document, Period, Strategy};
use crate::palette::Theme;
use crate::report::Language;
use messages::FileDecisions;
use open_dialog::{OpenDialog, Picker, Purpose, Started};

/// The sample the app starts with: two strategies of a province's review (see `EXPECTED.md`).
const SAMPLE: [(&str, &[u8]); 2] = [
    (
        "bvcste-2016-2020.xlsx",
        include_bytes!("../../assets/samples/bvcste-2016-2020.xlsx"),
    ),
    (
        "binh-dang-gioi-2011-2020.csv",
        include_bytes!("../../assets/samples/binh-dang-gioi-2011-2020.csv"),
    ),
];

/// Load errors kept on screen at most; older ones give way.
const MAX_ERRORS: usize = 8;

/// Opens the main window with `files` (the built-in sample when empty). When no renderer can
/// start, the error is explained on stderr and, on Windows, in a message box before it is
/// returned (see `app/startup.rs`).
///
/// eframe keeps what the app remembers (`app.ron`) in the platform's data folder for the app
/// id "chitieu": `~/.local/share/chitieu` (`$XDG_DATA_HOME`) on Linux,
/// `%APPDATA%\chitieu\data` on Windows; the recovery journal sits beside it.
pub fn run(files: &[PathBuf]) -> eframe::Result {
    let options = |renderer| eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("chitieu")
            .with_app_id("chitieu")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 560.0])
            .with_icon(theme::icon())
            .with_drag_and_drop(true),
        renderer,
        ..eframe::NativeOptions::default()
    };
    startup::run_with_fallback(options, |options| {
        let files = files.to_vec();
        eframe::run_native(
            "chitieu",
            options,
            Box::new(move |cc| {
                Ok(Box::new(ChitieuApp::with_setup(
                    cc,
                    &Setup::for_files(&files),
                )))
            }),
        )
    })
}

/// What the app remembers between runs. Runtime data (the document, its history) is not here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The interface language.
    pub language: Language,
    /// The folder files were last opened from.
    pub last_folder: Option<PathBuf>,
    /// Light or dark.
    pub theme: Theme,
    /// The chart shown in the charts view and the size of exported images.
    pub charts: ChartSettings,
    /// The zoom of the whole interface, on top of the system's scale.
    pub zoom: Zoom,
}

/// The period each strategy is judged for: the user's choice, else the strategy's final period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Periods(HashMap<String, Period>);

impl Periods {
    /// Strategies are told apart by file and code, which stay the same when others close.
    fn key(strategy: &Strategy) -> String {
        format!("{}\u{1f}{}", strategy.source_file, strategy.code)
    }

    /// The period `strategy` is judged for.
    #[must_use]
    pub fn get(&self, strategy: &Strategy) -> Option<Period> {
        self.0
            .get(&Self::key(strategy))
            .copied()
            .filter(|period| strategy.periods().contains(period))
            .or_else(|| strategy.final_period())
    }

    /// Judges `strategy` for `period` from now on.
    pub fn set(&mut self, strategy: &Strategy, period: Period) {
        self.0.insert(Self::key(strategy), period);
    }
}

/// The app: its remembered [`State`], the document with its history, and what shows.
#[derive(Debug)]
pub struct ChitieuApp {
    state: State,
    document: Document,
    history: History,
    route: Route,
    periods: Periods,
    decisions: Vec<FileDecisions>,
    errors: Vec<Problem>,
    show_warnings: bool,
    open_dialog: OpenDialog,
    picker: Option<Picker>,
    commands: Vec<Command>,
    charts: charts_view::ChartsView,
    breakdowns: breakdown::Breakdowns,
    grid: grid::Grid,
    requests: Vec<grid::Request>,
    form: Option<forms::Form>,
    prompt: Option<forms::Prompt>,
    session: session::Session,
    loading: loading::Loading,
    presenter: present::Presenter,
    /// Counts the changes of the document, so what is made from it knows when to make it again.
    revision: u64,
}

impl ChitieuApp {
    /// Creates the app in eframe: installs the font and theme, restores the remembered state
    /// and opens `files`, or the built-in sample when there are none. It keeps no recovery
    /// journal; [`run`] starts the app with [`Self::with_setup`] and the journal in the data
    /// folder.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, files: &[PathBuf]) -> Self {
        Self::with_setup(
            cc,
            &Setup {
                files: files.to_vec(),
                journal: None,
                system_dialogs: true,
                open_in_background: true,
            },
        )
    }

    /// Creates the app in eframe as `setup` says: the files it opens, where its recovery
    /// journal is (a journal left there by a session that did not end cleanly is offered for
    /// restoring), and whether the system's file dialogs are used.
    #[must_use]
    pub fn with_setup(cc: &eframe::CreationContext<'_>, setup: &Setup) -> Self {
        let state = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        Self::start(&cc.egui_ctx, state, setup)
    }

    /// The app as [`Self::new`] starts it with no files (the built-in sample) and nothing
    /// remembered, set up on `ctx`; for tests and other hosts without a window.
    #[must_use]
    pub fn new_with_sample(ctx: &egui::Context) -> Self {
        Self::start(ctx, State::default(), &Setup::default())
    }

    /// The app on `files` (name and bytes of each, read now rather than on a background
    /// thread) with `state` as if remembered, set up on `ctx`, with no recovery journal and no
    /// system dialogs; for benchmarks and other hosts without a window. Each frame is then
    /// [`eframe::App::logic`] and [`eframe::App::ui`] inside [`egui::Context::run_ui`].
    #[must_use]
    pub fn new_with_bytes(ctx: &egui::Context, state: State, files: &[(&str, &[u8])]) -> Self {
        let setup = Setup {
            files: Vec::new(),
            journal: None,
            system_dialogs: false,
            open_in_background: false,
        };
        let mut app = Self::blank(ctx, state, &setup);
        let results = files
            .iter()
            .map(|(name, bytes)| (None, load_bytes(name, bytes, &ImportOptions::default())))
            .collect();
        app.add_loaded(results);
        app.settle(&setup);
        app
    }

    fn start(ctx: &egui::Context, state: State, setup: &Setup) -> Self {
        let mut app = Self::blank(ctx, state, setup);
        if setup.files.is_empty() {
            app.open_sample();
        } else if !setup.open_in_background {
            app.open_paths_now(&setup.files);
        }
        app.settle(setup);
        if setup.open_in_background && !setup.files.is_empty() {
            app.load_paths_at_start(&setup.files);
            if let Some(folder) = setup.files.first().and_then(|path| path.parent())
                && !folder.as_os_str().is_empty()
            {
                app.state.last_folder = Some(folder.to_path_buf());
            }
        }
        app
    }

    /// The app with an empty document, its fonts and theme installed on `ctx`.
    fn blank(ctx: &egui::Context, state: State, setup: &Setup) -> Self {
        fonts::install(ctx);
        theme::apply(ctx);
        theme::set_theme(ctx, state.theme);
        // Zooming is a command (View menu, Ctrl+Plus/Minus/0) whose result is remembered, so
        // egui's own zoom keys are off.
        ctx.options_mut(|options| options.zoom_with_keyboard = false);
        ctx.set_zoom_factor(state.zoom.factor());
        Self {
            state,
            document: Document::default(),
            history: History::default(),
            route: Route::Overview,
            periods: Periods::default(),
            decisions: Vec::new(),
            errors: Vec::new(),
            show_warnings: false,
            open_dialog: OpenDialog::default(),
            picker: None,
            commands: Vec::new(),
            charts: charts_view::ChartsView::default(),
            breakdowns: breakdown::Breakdowns::default(),
            grid: grid::Grid::default(),
            requests: Vec::new(),
            form: None,
            prompt: None,
            session: session::Session::new(setup),
            loading: loading::Loading::default(),
            presenter: present::Presenter::default(),
            revision: 0,
        }
    }

    /// Makes what the app started with its unmodified, saved state, and offers the journal
    /// `setup` names for restoring.
    fn settle(&mut self, setup: &Setup) {
        // What the app starts with is not a change the user made, so it cannot be undone.
        self.history = History::default();
        self.session.set_baseline(&self.document);
        self.session.journal.dirty = false;
        if let Some(journal) = &setup.journal {
            self.offer_recovery(journal);
        }
    }

    /// The open document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The interface language.
    #[must_use]
    pub fn language(&self) -> Language {
        self.state.language
    }

    /// The zoom of the whole interface.
    #[must_use]
    pub fn zoom(&self) -> Zoom {
        self.state.zoom
    }

    /// Which screen shows.
    #[must_use]
    pub fn route(&self) -> Route {
        self.route
    }

    /// Light or dark.
    #[must_use]
    pub fn theme(&self) -> Theme {
        self.state.theme
    }

    /// Shows `kind` in the charts view from the next frame on, as its button in the view does.
    pub fn set_chart_kind(&mut self, kind: crate::chart::ChartKind) {
        self.state.charts.kind = kind;
    }

    /// Shows the strategy at `index` (its table and its charts) as `filter` says: one commune,
    /// one sex … of its breakdowns, or the totals with the empty filter; as the breakdown filter
    /// in those views does. Nothing happens without such a strategy.
    pub fn set_breakdown_filter(&mut self, index: usize, filter: crate::breakdown::Filter) {
        if let Some(strategy) = self.document.strategies.get(index) {
            self.breakdowns.set_filter(strategy, filter);
        }
    }

    /// Sends chart exports to `folder` without asking (for tests and scripted hosts).
    pub fn export_charts_to(&mut self, folder: PathBuf) {
        self.charts.export_to(folder);
    }

    /// What the last chart export or copy did, as the charts view says it.
    #[must_use]
    pub fn chart_notice(&self) -> Option<&str> {
        self.charts.notice().map(|notice| notice.text.as_str())
    }

    /// The problems on screen (files that could not be opened, saved or exported).
    #[must_use]
    pub fn errors(&self) -> &[Problem] {
        &self.errors
    }

    /// Queues `command`; it is applied at the end of the next frame.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Opens files from disk on background threads (the window shows the progress); each file
    /// is one change to the document, a file that cannot be read an error message.
    pub fn open_paths(&mut self, paths: &[PathBuf]) {
        self.load_paths(paths);
        if let Some(folder) = paths.first().and_then(|path| path.parent())
            && !folder.as_os_str().is_empty()
        {
            self.state.last_folder = Some(folder.to_path_buf());
        }
    }

    /// Opens files from disk now, as one change to the document (the files given at start).
    fn open_paths_now(&mut self, paths: &[PathBuf]) {
        let results = paths
            .iter()
            .map(|path| {
                (
                    Some(path.clone()),
                    load_path(path, &ImportOptions::default()),
                )
            })
            .collect();
        self.add_loaded(results);
        if let Some(folder) = paths.first().and_then(|path| path.parent())
            && !folder.as_os_str().is_empty()
        {
            self.state.last_folder = Some(folder.to_path_buf());
        }
    }

    /// Opens a file from its bytes on a background thread, as a dropped file is opened; `name`
    /// is its file name.
    pub fn open_bytes(&mut self, name: &str, bytes: &[u8]) {
        self.load_bytes_later(name, None, bytes.to_vec());
    }

    /// Opens the built-in sample.
    pub fn open_sample(&mut self) {
        let results = SAMPLE
            .iter()
            .map(|(name, bytes)| (None, load_bytes(name, bytes, &ImportOptions::default())))
            .collect();
        self.add_loaded(results);
    }

    /// Adds what the files gave as one edit (with the change log of a chitieu workbook), and
    /// their errors as messages. A chitieu workbook opened into an empty document becomes the
    /// workbook that Save writes to; any other file is never overwritten.
    fn add_loaded(&mut self, results: Vec<(Option<PathBuf>, Result<Loaded, LoadError>)>) {
        let mut strategies = Vec::new();
        let mut warnings = Vec::new();
        let mut changes = Vec::new();
        let mut workbooks = Vec::new();
        let was_empty = self.document.strategies.is_empty();
        let files = results.len();
        for (path, result) in results {
            match result {
                Ok(loaded) => {
                    self.decisions.push(FileDecisions {
                        file: loaded.file,
                        decisions: loaded.decisions,
                    });
                    strategies.extend(loaded.strategies);
                    warnings.extend(loaded.warnings);
                    changes.extend(loaded.changes);
                    if let Some(path) = path {
                        if loaded.saved_workbook {
                            workbooks.push(path.clone());
                        }
                        self.session.opened.push(path);
                    }
                }
                Err(error) => self.report(ProblemKind::Load, error.sentence()),
            }
        }
        if strategies.is_empty() {
            return;
        }
        let opened = strategies.clone();
        let mut edit = Edit::AddStrategies {
            strategies,
            warnings,
        };
        if !changes.is_empty() {
            edit = Edit::Batch(vec![edit, Edit::AppendChanges { changes }]);
        }
        if self.change(edit).is_ok() {
            self.route = Route::Overview;
            // What was just read from disk has nothing unsaved.
            self.session.baseline.extend(opened);
            self.session.refresh_modified(&self.document);
            if was_empty
                && files == 1
                && self.session.saved_path.is_none()
                && let [workbook] = workbooks.as_slice()
            {
                self.session.saved_path = Some(workbook.clone());
                self.history.mark_saved();
            }
        }
    }

    /// Applies one command.
    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let texts = i18n::texts(self.state.language);
        match command {
            Command::Open => {
                if self.picker.is_some() {
                    return;
                }
                if !self.session.system_dialogs {
                    self.show_open_dialog(false);
                    return;
                }
                match Picker::spawn(
                    ctx,
                    self.state.last_folder.clone(),
                    &Command::Open.label(texts),
                ) {
                    Started::Running(picker) => self.picker = Some(picker),
                    Started::Done(outcome) => self.take_pick(ctx, Purpose::Open, outcome),
                }
            }
            Command::OpenPath => self.show_open_dialog(false),
            Command::OpenSample => self.open_sample(),
            Command::ImportWithOptions => {
                self.loading.ask_next = true;
                self.apply(ctx, Command::Open);
            }
            Command::CloseStrategy => {
                if let Route::Strategy(index) = self.route {
                    self.request_close(index);
                }
            }
            Command::CloseStrategyAt(index) => self.request_close(index),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Save => self.save(ctx, false),
            Command::SaveAs => self.save(ctx, true),
            Command::ExportCsv => self.export(ctx),
            Command::SwitchLanguage => self.state.language = i18n::other(self.state.language),
            Command::SwitchTheme => {
                self.state.theme = self.state.theme.other();
                theme::set_theme(ctx, self.state.theme);
            }
            Command::ShowCharts(index) => {
                if index < self.document.strategies.len() {
                    self.route = Route::Charts(index);
                }
            }
            Command::ToggleWarnings => self.show_warnings = !self.show_warnings,
            Command::ShowOverview => self.route = Route::Overview,
            Command::ShowStrategy(index) => {
                if index < self.document.strategies.len() {
                    self.route = Route::Strategy(index);
                }
            }
            Command::ShowIndicator {
                strategy,
                indicator,
            } => {
                if strategy < self.document.strategies.len() {
                    self.route = Route::Strategy(strategy);
                    self.grid.select(
                        strategy,
                        grid::CellPos {
                            indicator,
                            col: grid::Col::Actual,
                        },
                    );
                }
            }
            Command::ZoomIn => self.set_zoom(ctx, self.state.zoom.zoomed_in()),
            Command::ZoomOut => self.set_zoom(ctx, self.state.zoom.zoomed_out()),
            Command::ZoomReset => self.set_zoom(ctx, Zoom::default()),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Present
            | Command::ChooseSlides
            | Command::ExportSlidesPdf
            | Command::ExportSlidesPng => self.present_command(ctx, command),
        }
    }

    fn set_zoom(&mut self, ctx: &egui::Context, zoom: Zoom) {
        self.state.zoom = zoom;
        ctx.set_zoom_factor(zoom.factor());
    }

    fn show_open_dialog(&mut self, no_system_dialog: bool) {
        let folder = self
            .state
            .last_folder
            .clone()
            .or_else(|| std::env::current_dir().ok());
        self.open_dialog.show(folder.as_deref(), no_system_dialog);
    }

    fn close(&mut self, index: usize) {
        if self.change(Edit::RemoveStrategy { index }).is_ok() {
            self.route = Route::Overview;
        }
    }

    fn keep_route_valid(&mut self) {
        if let Some(index) = self.route.strategy()
            && index >= self.document.strategies.len()
        {
            self.route = Route::Overview;
        }
    }

    /// Reads files dropped on the window, on background threads.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|input| input.raw.dropped_files.clone());
        for file in dropped {
            self.load_dropped(file);
        }
    }

    /// Takes the system dialog's answer once it is there.
    fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(picker) = &self.picker else {
            return;
        };
        let purpose = picker.purpose();
        let Some(outcome) = picker.poll() else {
            return;
        };
        self.picker = None;
        self.take_pick(ctx, purpose, outcome);
    }

    /// Queues the commands whose shortcut was pressed this frame.
    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        if self.open_dialog.is_open() || self.form.is_some() || self.prompt.is_some() {
            return;
        }
        // A text field keeps its own undo; the table's keyboard focus does not count as typing.
        let typing = ctx.text_edit_focused();
        for (command, shortcut) in Command::with_shortcuts() {
            if typing && command.yields_to_text_fields() {
                continue;
            }
            if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    /// Draws every panel; commands and edit requests go to their queues. Returns what the
    /// in-app path dialog is for and the file chosen in it, if any.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Option<(Purpose, PathBuf)> {
        let Self {
            state,
            document,
            history,
            route,
            periods,
            decisions,
            errors,
            show_warnings,
            open_dialog,
            picker,
            commands,
            charts,
            breakdowns,
            grid,
            requests,
            form: _,
            prompt: _,
            session,
            presenter: _,
            loading: _,
            revision,
        } = self;
        let language = state.language;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let enabled = |command: Command| match command {
                Command::Open => picker.is_none(),
                Command::CloseStrategy => matches!(route, Route::Strategy(_)),
                Command::Undo => history.can_undo(),
                Command::Redo => history.can_redo(),
                Command::Save | Command::SaveAs => {
                    picker.is_none() && !document.strategies.is_empty()
                }
                Command::ExportCsv => picker.is_none() && matches!(route, Route::Strategy(_)),
                _ => true,
            };
            chrome::menu_bar_ui(ui, document, language, &enabled, commands);
        });
        egui::Panel::top("tabs").show(ui, |ui| {
            chrome::tabs_ui(
                ui,
                document,
                *route,
                history,
                &session.modified,
                language,
                commands,
                requests,
            );
        });
        if !errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| {
                ui.add_space(4.0);
                let dismissed = messages::errors_ui(ui, errors, language);
                for index in dismissed.into_iter().rev() {
                    errors.remove(index);
                }
                ui.add_space(4.0);
            });
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            chrome::status_bar_ui(
                ui,
                document,
                session.notice(),
                picker.is_some(),
                *show_warnings,
                language,
                commands,
            );
        });
        if *show_warnings {
            egui::Panel::right("warnings")
                .default_size(440.0)
                .show(ui, |ui| {
                    messages::warnings_ui(ui, document, decisions, language);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| match *route {
            Route::Overview => overview::overview_ui(ui, document, periods, language, commands),
            Route::Charts(index) => {
                if index < document.strategies.len() {
                    charts_view::switch_ui(ui, index, *route, language, commands);
                    let scope = charts_view::ChartScope {
                        document,
                        index,
                        periods,
                        language,
                        theme: state.theme,
                        last_folder: state.last_folder.as_deref(),
                        breakdowns,
                        revision: *revision,
                    };
                    charts.ui(ui, &mut state.charts, scope, commands);
                } else {
                    *route = Route::Overview;
                }
            }
            Route::Strategy(index) => match document.strategies.get(index) {
                Some(strategy) => {
                    charts_view::switch_ui(ui, index, Route::Strategy(index), language, commands);
                    let modified = session.modified.get(index).copied().unwrap_or(false);
                    table::strategy_ui(
                        ui, index, strategy, periods, breakdowns, language, modified, grid,
                        requests, commands,
                    );
                }
                None => *route = Route::Overview,
            },
            // Presentation mode draws the whole window instead (present.rs).
            Route::Present => {}
        });
        let chosen = open_dialog.ui(ui.ctx(), language);
        chrome::drop_overlay_ui(ui.ctx(), language);
        chosen
    }
}

impl eframe::App for ChitieuApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_picker(ctx);
        self.take_dropped_files(ctx);
        self.handle_close_request(ctx);
        self.read_shortcuts(ctx);
        self.journal_tick(ctx);
        self.poll_loading(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.grid.begin_frame();
        let chosen = if self.route == Route::Present {
            self.presentation_ui(ui);
            None
        } else {
            self.panels_ui(ui)
        };
        self.grid.end_frame(self.state.language, &mut self.requests);
        self.form_ui(&ctx);
        self.prompt_ui(&ctx);
        self.loading_ui(&ctx);
        if let Some((purpose, path)) = chosen {
            self.chosen(&ctx, purpose, &path);
        }
        self.apply_requests(&ctx);
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.presentation_frame_end(&ctx);
        self.update_title(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.is_modified() && !self.session.may_close {
            // The window closed without the question being answered: the journal keeps the
            // work for the next start.
            self.flush_journal();
        } else {
            self.clear_journal_now();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_state_fills_in_what_is_missing() {
        let empty: State = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, State::default());
        assert_eq!(empty.language, Language::Vi);
        let english: State = serde_json::from_str(r#"{"language":"En","unknown":1}"#).unwrap();
        assert_eq!(english.language, Language::En);
        assert_eq!(english.last_folder, None);
    }

    #[test]
    fn the_sample_holds_both_strategies() {
        let app = ChitieuApp::new_with_sample(&egui::Context::default());
        let codes: Vec<&str> = app
            .document()
            .strategies
            .iter()
            .map(|strategy| strategy.code.as_str())
            .collect();
        assert_eq!(codes, ["BVCSTE", "BDG"]);
        assert!(app.errors().is_empty());
        assert!(!app.history.can_undo());
    }
}
