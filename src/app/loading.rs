//! Files are read on a background thread, one per file, while the window shows what is being
//! read, for how long, and a Cancel button. A file whose columns detection is unsure of opens
//! the import dialog, unless choices were remembered for files of its shape.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};

use super::import_dialog::{self, Decision, ImportDialog};
use super::{ChitieuApp, ProblemKind, theme};
use crate::io::preview::{Mappings, Preview, preview};
use crate::io::{ImportOptions, LoadError, Loaded, Progress, load_bytes_watched};
use crate::report::Language;

/// How long the first look at a new job waits for it, so that a small file appears at once
/// instead of flashing the progress window.
const FIRST_WAIT: Duration = Duration::from_millis(250);

/// Where a file's bytes come from.
#[derive(Debug)]
enum Source {
    /// A file on disk, read on the job's thread.
    Path(PathBuf),
    /// Bytes already in memory.
    Bytes(Arc<Vec<u8>>),
    /// A file dropped on the window, read on the job's thread.
    Dropped(egui::DroppedFileHandle),
}

/// What a job does with the file.
#[derive(Debug)]
enum Task {
    /// Open it: ask when detection is unsure and nothing is remembered, or always when `ask`.
    Open {
        /// Show the import dialog whatever detection says.
        ask: bool,
    },
    /// Import it with the choices made in the dialog.
    Import(ImportOptions),
}

/// What a job gives back.
#[derive(Debug)]
enum Outcome {
    /// The file was read (or not); `remembered` when saved choices were used.
    Loaded {
        result: Box<Result<Loaded, LoadError>>,
        remembered: bool,
    },
    /// The import dialog should ask.
    Ask(Box<Question>),
}

/// What the import dialog starts from.
#[derive(Debug)]
struct Question {
    bytes: Arc<Vec<u8>>,
    preview: Preview,
    options: ImportOptions,
}

/// A file being read.
#[derive(Debug)]
struct Job {
    file: String,
    path: Option<PathBuf>,
    started: Instant,
    looked: bool,
    receiver: Receiver<Outcome>,
    /// How far the reader has come; cancelling it stops the thread at its next chunk.
    progress: Arc<Progress>,
    /// A file named when the app started: reading it is not a change that can be undone.
    at_start: bool,
}

/// The files being read, the import dialog and where remembered choices are kept.
#[derive(Debug)]
pub(crate) struct Loading {
    jobs: Vec<Job>,
    dialog: Option<ImportDialog>,
    mappings: Option<PathBuf>,
    /// The next file opened shows the import dialog ("Import with options…").
    pub(crate) ask_next: bool,
    hold: Arc<(Mutex<bool>, Condvar)>,
}

impl Default for Loading {
    fn default() -> Self {
        Self {
            jobs: Vec::new(),
            dialog: None,
            mappings: Mappings::default_path(),
            ask_next: false,
            hold: Arc::new((Mutex::new(false), Condvar::new())),
        }
    }
}

impl Loading {
    fn start(&mut self, file: String, path: Option<PathBuf>, source: Source, task: Task) {
        let (sender, receiver) = mpsc::channel();
        let mappings = self.mappings.clone();
        let hold = Arc::clone(&self.hold);
        let name = file.clone();
        let progress = Arc::new(Progress::default());
        let watched = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("chitieu-load".into())
            .spawn(move || {
                wait_while_held(&hold);
                // The app may have cancelled and dropped the receiver: the result is ignored.
                let _ = sender.send(work(name, source, task, mappings.as_deref(), &watched));
            });
        let receiver = match spawned {
            Ok(_) => receiver,
            Err(error) => {
                // No thread: report it the way a file that cannot be read is reported.
                let (sender, receiver) = mpsc::channel();
                let _ = sender.send(Outcome::Loaded {
                    result: Box::new(Err(LoadError::Io {
                        file: file.clone(),
                        source: error,
                    })),
                    remembered: false,
                });
                receiver
            }
        };
        self.jobs.push(Job {
            file,
            path,
            started: Instant::now(),
            looked: false,
            receiver,
            progress,
            at_start: false,
        });
    }
}

fn wait_while_held(hold: &(Mutex<bool>, Condvar)) {
    let (lock, condvar) = hold;
    let Ok(mut guard) = lock.lock() else {
        return;
    };
    while *guard {
        match condvar.wait(guard) {
            Ok(next) => guard = next,
            Err(_) => return,
        }
    }
}

/// Reads the file and decides: loaded, or ask.
fn work(
    file: String,
    source: Source,
    task: Task,
    mappings: Option<&std::path::Path>,
    progress: &Progress,
) -> Outcome {
    let loaded = |result: Result<Loaded, LoadError>, remembered: bool| Outcome::Loaded {
        result: Box::new(result),
        remembered,
    };
    let bytes = match source {
        Source::Bytes(bytes) => bytes,
        Source::Path(path) => match std::fs::read(&path) {
            Ok(bytes) => Arc::new(bytes),
            Err(source) => return loaded(Err(LoadError::Io { file, source }), false),
        },
        Source::Dropped(handle) => match handle.bytes() {
            Ok(bytes) => Arc::new(bytes),
            Err(message) => {
                let source = std::io::Error::other(message);
                return loaded(Err(LoadError::Io { file, source }), false);
            }
        },
    };
    let ask = match task {
        Task::Import(options) => {
            return loaded(load_bytes_watched(&file, &bytes, &options, progress), false);
        }
        Task::Open { ask } => ask,
    };
    let default = ImportOptions::default();
    let Ok(first) = preview(&file, &bytes, &default) else {
        // The loader names the file and what is wrong with it.
        return loaded(load_bytes_watched(&file, &bytes, &default, progress), false);
    };
    if !ask && !first.is_unsure() {
        return loaded(load_bytes_watched(&file, &bytes, &default, progress), false);
    }
    let saved = mappings
        .and_then(|path| Mappings::load(path).ok())
        .and_then(|mappings| mappings.find(&first.shape).cloned());
    if !ask {
        if let Some(options) = saved {
            return loaded(load_bytes_watched(&file, &bytes, &options, progress), true);
        }
        // chitieu's own workbooks are read as saved, whatever their sheets look like; a file
        // that cannot be read at all is an error, not a question about its columns. The whole
        // file is read for that, with the progress bar and Cancel.
        match load_bytes_watched(&file, &bytes, &default, progress) {
            Ok(own) if own.saved_workbook => return loaded(Ok(own), false),
            Err(error)
                if !matches!(
                    error,
                    LoadError::NoTable { .. } | LoadError::NoIndicators { .. }
                ) || !first.sheets.iter().any(|sheet| sheet.columns.len() >= 2) =>
            {
                return loaded(Err(error), false);
            }
            _ => {}
        }
    }
    let options = saved.unwrap_or_default();
    let preview = if options == default {
        first
    } else {
        // The dialog remembers choices under the shape of the whole file, as the next file's
        // is found, not of the sheet the saved choices narrow the preview to.
        let shape = first.shape.clone();
        preview(&file, &bytes, &options).map_or(first, |chosen| Preview { shape, ..chosen })
    };
    Outcome::Ask(Box::new(Question {
        bytes,
        preview,
        options,
    }))
}

/// The file name of a path, as messages name it.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

impl ChitieuApp {
    /// Reads files from disk on background threads; each is added when read (or asks first).
    pub(crate) fn load_paths(&mut self, paths: &[PathBuf]) {
        let ask = std::mem::take(&mut self.loading.ask_next);
        for path in paths {
            self.loading.start(
                file_name(path),
                Some(path.clone()),
                Source::Path(path.clone()),
                Task::Open { ask },
            );
        }
    }

    /// Reads the files named when the app started, as [`Self::load_paths`] does; what they
    /// give is where the document starts, not a change that can be undone (unless a change
    /// was made meanwhile).
    pub(crate) fn load_paths_at_start(&mut self, paths: &[PathBuf]) {
        let first = self.loading.jobs.len();
        self.load_paths(paths);
        for job in &mut self.loading.jobs[first..] {
            job.at_start = true;
        }
    }

    /// Reads a file's bytes on a background thread; `path` is where they came from, if known.
    pub(crate) fn load_bytes_later(&mut self, name: &str, path: Option<PathBuf>, bytes: Vec<u8>) {
        let ask = std::mem::take(&mut self.loading.ask_next);
        self.loading.start(
            name.to_owned(),
            path,
            Source::Bytes(Arc::new(bytes)),
            Task::Open { ask },
        );
    }

    /// Reads a file dropped on the window on a background thread.
    pub(crate) fn load_dropped(&mut self, handle: egui::DroppedFileHandle) {
        let path = handle.path();
        let name = file_name(path);
        let path = (!path.as_os_str().is_empty()).then(|| path.to_path_buf());
        let ask = std::mem::take(&mut self.loading.ask_next);
        self.loading
            .start(name, path, Source::Dropped(handle), Task::Open { ask });
    }

    /// Keeps remembered import choices in `path` instead of the platform's config folder (for
    /// tests and other hosts); `None` remembers nothing.
    pub fn set_mappings_path(&mut self, path: Option<PathBuf>) {
        self.loading.mappings = path;
    }

    /// Holds files being read before they are read (`true`) or lets them go (`false`): for
    /// tests of the progress window and its Cancel button.
    pub fn hold_loading(&mut self, held: bool) {
        let (lock, condvar) = &*self.loading.hold;
        if let Ok(mut guard) = lock.lock() {
            *guard = held;
        }
        condvar.notify_all();
    }

    /// Whether a file is being read.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        !self.loading.jobs.is_empty()
    }

    /// Whether the import dialog shows.
    #[must_use]
    pub fn is_asking(&self) -> bool {
        self.loading.dialog.is_some()
    }

    /// Takes the results of finished jobs: adds what was read, reports errors by file name,
    /// opens the import dialog when a file asks for it.
    pub(crate) fn poll_loading(&mut self, ctx: &egui::Context) {
        if self.loading.ask_next && self.picker.is_none() && !self.open_dialog.is_open() {
            // The file chooser was closed without a file.
            self.loading.ask_next = false;
        }
        let mut finished = Vec::new();
        self.loading.jobs.retain_mut(|job| {
            let received = if job.looked {
                job.receiver.try_recv()
            } else {
                job.looked = true;
                job.receiver
                    .recv_timeout(FIRST_WAIT)
                    .map_err(|error| match error {
                        mpsc::RecvTimeoutError::Timeout => TryRecvError::Empty,
                        mpsc::RecvTimeoutError::Disconnected => TryRecvError::Disconnected,
                    })
            };
            match received {
                Ok(outcome) => {
                    finished.push((
                        job.file.clone(),
                        job.path.clone(),
                        Some(outcome),
                        job.at_start,
                    ));
                    false
                }
                Err(TryRecvError::Empty) => true,
                Err(TryRecvError::Disconnected) => {
                    finished.push((job.file.clone(), job.path.clone(), None, job.at_start));
                    false
                }
            }
        });
        for (file, path, outcome, at_start) in finished {
            match outcome {
                Some(Outcome::Loaded { result, remembered }) => {
                    let mut result = *result;
                    if remembered && let Ok(loaded) = &mut result {
                        loaded.decisions.push(crate::model::Sentence::new(
                            import_dialog::texts(Language::En).used_saved,
                            import_dialog::texts(Language::Vi).used_saved,
                        ));
                    }
                    let untouched = !self.history.can_undo() && !self.history.can_redo();
                    self.add_loaded(vec![(path, result)]);
                    if at_start && untouched {
                        // The document starts with the file, as if it had been read before the
                        // window showed.
                        self.history = crate::edit::History::default();
                    }
                }
                Some(Outcome::Ask(question)) => {
                    let Question {
                        bytes,
                        preview,
                        options,
                    } = *question;
                    if self.loading.dialog.is_none() {
                        self.loading.dialog =
                            Some(ImportDialog::new(file, path, bytes, preview, options));
                    } else {
                        // One dialog at a time: this file asks once the other is answered.
                        self.loading.start(
                            file,
                            path,
                            Source::Bytes(bytes),
                            Task::Open { ask: true },
                        );
                    }
                }
                None => self.report(
                    ProblemKind::Load,
                    crate::model::Sentence::new(
                        format!("{file}: {}", import_dialog::texts(Language::En).stopped),
                        format!("{file}: {}", import_dialog::texts(Language::Vi).stopped),
                    ),
                ),
            }
        }
        if !self.loading.jobs.is_empty() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// The progress window while files are read, and the import dialog.
    pub(crate) fn loading_ui(&mut self, ctx: &egui::Context) {
        let language = self.state.language;
        let texts = import_dialog::texts(language);
        if let Some(dialog) = &mut self.loading.dialog
            && let Some(decision) = dialog.ui(ctx, language)
        {
            let dialog = self.loading.dialog.take();
            if let (Decision::Import { options, remember }, Some(dialog)) = (decision, dialog) {
                if remember {
                    self.remember_choices(dialog.shape(), &options);
                }
                let ImportDialog {
                    file, path, bytes, ..
                } = dialog;
                self.loading
                    .start(file, path, Source::Bytes(bytes), Task::Import(options));
            }
        }
        if self.loading.jobs.is_empty() {
            return;
        }
        let mut cancelled = false;
        egui::Window::new(texts.loading_title)
            .id(egui::Id::unique("loading_progress"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                for job in &self.loading.jobs {
                    ui.horizontal(|ui| {
                        ui.add(egui::Spinner::new());
                        let seconds = job.started.elapsed().as_secs();
                        ui.label(
                            texts
                                .reading
                                .replace("{file}", &job.file)
                                .replace("{s}", &seconds.to_string()),
                        );
                    });
                    if let Some(fraction) = job.progress.fraction() {
                        ui.add(
                            egui::ProgressBar::new(fraction)
                                .desired_width(360.0)
                                .show_percentage(),
                        );
                    }
                }
                ui.label(RichText::new(texts.cancel_hint).color(theme::MUTED));
                if ui.button(texts.cancel).clicked() {
                    cancelled = true;
                }
            });
        if cancelled {
            // Each reader stops at its next chunk; what it sends goes nowhere.
            for job in &self.loading.jobs {
                job.progress.cancel();
            }
            self.loading.jobs.clear();
        }
    }

    fn remember_choices(&mut self, shape: &str, options: &ImportOptions) {
        let Some(path) = self.loading.mappings.clone() else {
            return;
        };
        let saved = Mappings::load(&path).and_then(|mut mappings| {
            mappings.remember(shape, options.clone());
            mappings.save(&path)
        });
        if let Err(message) = saved {
            self.report(ProblemKind::Load, message);
        }
    }
}
