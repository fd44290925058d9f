//! Choosing files: the system's file dialogs (rfd) run on a thread so the window keeps
//! painting, to open files, to save the workbook and to export CSV; and the in-app path dialog
//! with path completion, used where there is no system dialog (Linux with no XDG desktop
//! portal) or when the user asks for it.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use eframe::egui::{self, Key, Modifiers, RichText};

use crate::app::i18n;
use crate::app::theme;
use crate::report::Language;

/// The file types the app reads, for the dialog's filter and the completion list.
pub const EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];

/// A system dialog that returns nothing sooner than this was never shown: there is no dialog.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// Entries listed under the path field at most.
const MAX_ENTRIES: usize = 12;

/// What a file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open indicator files.
    Open,
    /// Save the document as chitieu's workbook (XLSX).
    Save,
    /// Export the table of the strategy at this index as CSV.
    ExportCsv(usize),
}

impl Purpose {
    /// The file type saved, for the dialog's filter and the name's extension; `None` for
    /// opening.
    #[must_use]
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Open => None,
            Self::Save => Some("xlsx"),
            Self::ExportCsv(_) => Some("csv"),
        }
    }
}

/// `path` with the extension `extension` (case ignored), added when it has another or none:
/// a workbook is never saved under a CSV's name.
#[must_use]
pub fn with_extension(path: &Path, extension: &str) -> PathBuf {
    let has = path
        .extension()
        .and_then(|found| found.to_str())
        .is_some_and(|found| found.eq_ignore_ascii_case(extension));
    if has {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

/// What the system's file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickOutcome {
    /// The user chose these files.
    Picked(Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown.
    Unavailable,
}

/// The system's file dialog, running on its own thread.
#[derive(Debug)]
pub struct Picker {
    receiver: Receiver<PickOutcome>,
    purpose: Purpose,
}

/// A system dialog that was started: running on its thread, or already answered (where the
/// dialog must run on the main thread, or cannot run at all).
#[derive(Debug)]
pub enum Started {
    /// The dialog is open; poll the picker.
    Running(Picker),
    /// The dialog's answer.
    Done(PickOutcome),
}

impl Picker {
    /// Shows the system's dialog for one or more indicator files, starting in `directory`.
    pub fn spawn(ctx: &egui::Context, directory: Option<PathBuf>, title: &str) -> Started {
        if !system_dialog_possible() {
            return Started::Done(PickOutcome::Unavailable);
        }
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter("CSV, XLSX, XLS, ODS", &EXTENSIONS);
        if let Some(directory) = directory {
            dialog = dialog.set_directory(directory);
        }
        if cfg!(target_os = "macos") {
            // AppKit shows dialogs from the main thread only, so there the window waits.
            let started = Instant::now();
            return Started::Done(outcome(dialog.pick_files(), started.elapsed()));
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let outcome = outcome(dialog.pick_files(), started.elapsed());
                // The app may have closed meanwhile; then nobody needs the answer.
                let _ = sender.send(outcome);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => Started::Running(Self {
                receiver,
                purpose: Purpose::Open,
            }),
            Err(_) => Started::Done(PickOutcome::Unavailable),
        }
    }

    /// Shows the system's save dialog for `purpose`, proposing `suggested` (folder and name).
    pub fn spawn_save(
        ctx: &egui::Context,
        suggested: &Path,
        title: &str,
        purpose: Purpose,
    ) -> Started {
        let Some(extension) = purpose.extension() else {
            return Started::Done(PickOutcome::Unavailable);
        };
        if !system_dialog_possible() {
            return Started::Done(PickOutcome::Unavailable);
        }
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(extension.to_uppercase(), &[extension]);
        if let Some(folder) = suggested.parent().filter(|folder| folder.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        let saved = |path: Option<PathBuf>, started: Instant| {
            outcome(path.map(|path| vec![path]), started.elapsed())
        };
        if cfg!(target_os = "macos") {
            let started = Instant::now();
            return Started::Done(saved(dialog.save_file(), started));
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("save dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let _ = sender.send(saved(dialog.save_file(), started));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => Started::Running(Self { receiver, purpose }),
            Err(_) => Started::Done(PickOutcome::Unavailable),
        }
    }

    /// What the dialog is for.
    #[must_use]
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The outcome, once the dialog has closed.
    pub fn poll(&self) -> Option<PickOutcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(PickOutcome::Unavailable),
        }
    }
}

/// Reads what the dialog returned: nothing, very soon, means no dialog was shown.
#[must_use]
pub fn outcome(picked: Option<Vec<PathBuf>>, elapsed: Duration) -> PickOutcome {
    match picked {
        Some(paths) if !paths.is_empty() => PickOutcome::Picked(paths),
        _ if elapsed < NO_DIALOG_WITHIN => PickOutcome::Unavailable,
        _ => PickOutcome::Cancelled,
    }
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

/// A folder entry that matches the typed path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The entry's full path.
    pub path: PathBuf,
    /// Its name.
    pub name: String,
    /// Whether it is a folder.
    pub is_dir: bool,
}

impl Entry {
    /// The text the path field takes when the entry is chosen (a folder ends with a separator).
    #[must_use]
    pub fn completed(&self) -> String {
        let mut text = self.path.display().to_string();
        if self.is_dir && !text.ends_with(MAIN_SEPARATOR) {
            text.push(MAIN_SEPARATOR);
        }
        text
    }
}

/// Expands a leading `~` to the home folder.
fn expand_home(text: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    if text == "~" {
        if let Some(home) = home() {
            return PathBuf::from(home);
        }
    } else if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = home()
    {
        return PathBuf::from(home).join(rest);
    }
    PathBuf::from(text)
}

/// The folder to list and the name prefix to match for a typed path.
fn split(text: &str) -> (PathBuf, String) {
    let path = expand_home(text);
    if text.is_empty() {
        return (PathBuf::from("."), String::new());
    }
    if text.ends_with(MAIN_SEPARATOR) || text.ends_with('/') || text == "~" {
        return (path, String::new());
    }
    let prefix = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (folder, prefix)
}

/// Whether a file name has one of `extensions`.
fn has_extension(name: &str, extensions: &[&str]) -> bool {
    Path::new(name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extensions
                .iter()
                .any(|known| known.eq_ignore_ascii_case(extension))
        })
}

/// The folders and readable files whose names start with the typed name (ignoring case),
/// folders first, each group by name. Hidden entries show only once a "." is typed.
#[must_use]
pub fn entries(text: &str) -> Vec<Entry> {
    entries_with(text, &EXTENSIONS)
}

/// The folders and the files with one of `extensions` whose names start with the typed name.
#[must_use]
pub fn entries_with(text: &str, extensions: &[&str]) -> Vec<Entry> {
    let (folder, prefix) = split(text);
    let Ok(read) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let prefix_lower = prefix.to_lowercase();
    let mut found: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && !prefix.starts_with('.') {
                return None;
            }
            if !name.to_lowercase().starts_with(&prefix_lower) {
                return None;
            }
            let is_dir = entry.path().is_dir();
            (is_dir || has_extension(&name, extensions)).then(|| Entry {
                path: if text.is_empty() {
                    PathBuf::from(&name)
                } else {
                    folder.join(&name)
                },
                name,
                is_dir,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    found
}

/// What Tab makes of the typed path: the only entry in full, or the longest start shared by
/// all entries when that is longer than what is typed. `None` when nothing can be added.
#[must_use]
pub fn complete(text: &str, entries: &[Entry]) -> Option<String> {
    match entries {
        [] => None,
        [only] => Some(only.completed()),
        [first, rest @ ..] => {
            let mut shared: Vec<char> = first.name.chars().collect();
            for entry in rest {
                let common = shared
                    .iter()
                    .zip(entry.name.chars())
                    .take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
                    .count();
                shared.truncate(common);
            }
            let (folder, prefix) = split(text);
            let shared: String = shared.into_iter().collect();
            (shared.chars().count() > prefix.chars().count()).then(|| {
                if text.is_empty() {
                    shared
                } else {
                    folder.join(shared).display().to_string()
                }
            })
        }
    }
}

/// The in-app path dialog: to open a file, or to choose where to save one.
#[derive(Debug)]
pub struct OpenDialog {
    open: bool,
    purpose: Purpose,
    text: String,
    no_system_dialog: bool,
    focus_pending: bool,
    problem: Option<String>,
    listed: Option<(String, Vec<Entry>)>,
    /// An existing file the user was warned about; choosing it again replaces it.
    replace: Option<PathBuf>,
}

impl Default for OpenDialog {
    fn default() -> Self {
        Self {
            open: false,
            purpose: Purpose::Open,
            text: String::new(),
            no_system_dialog: false,
            focus_pending: false,
            problem: None,
            listed: None,
            replace: None,
        }
    }
}

impl OpenDialog {
    /// Opens the dialog in `folder`; `no_system_dialog` says why it shows (the system has no
    /// dialog) rather than because the user asked for it.
    pub fn show(&mut self, folder: Option<&Path>, no_system_dialog: bool) {
        if self.purpose != Purpose::Open {
            self.text.clear();
        }
        self.purpose = Purpose::Open;
        self.open = true;
        self.no_system_dialog = no_system_dialog;
        self.focus_pending = true;
        self.problem = None;
        self.replace = None;
        if self.text.is_empty()
            && let Some(folder) = folder
        {
            self.text = Entry {
                path: folder.to_path_buf(),
                name: String::new(),
                is_dir: true,
            }
            .completed();
        }
    }

    /// Opens the dialog to choose where to save, with `suggested` (folder and name) typed in.
    pub fn show_save(&mut self, suggested: &Path, purpose: Purpose, no_system_dialog: bool) {
        self.purpose = purpose;
        self.open = true;
        self.no_system_dialog = no_system_dialog;
        self.focus_pending = true;
        self.problem = None;
        self.replace = None;
        self.text = suggested.display().to_string();
    }

    /// Whether the dialog is showing.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The entries for the typed path, read again only when the text changes.
    fn listed(&mut self) -> Vec<Entry> {
        match &self.listed {
            Some((text, listed)) if *text == self.text => listed.clone(),
            _ => {
                let listed = match self.purpose.extension() {
                    Some(extension) => entries_with(&self.text, &[extension]),
                    None => entries(&self.text),
                };
                self.listed = Some((self.text.clone(), listed.clone()));
                listed
            }
        }
    }

    /// Draws the dialog when it is open; returns what it is for and the file chosen, once the
    /// user confirms one.
    pub fn ui(&mut self, ctx: &egui::Context, language: Language) -> Option<(Purpose, PathBuf)> {
        if !self.open {
            return None;
        }
        let texts = i18n::texts(language);
        let (title, button) = match self.purpose {
            Purpose::Open => (texts.open_path_title, texts.open_button),
            Purpose::Save => (texts.edit.save_title, texts.edit.save_button),
            Purpose::ExportCsv(_) => (texts.edit.export_title, texts.edit.export_button),
        };
        let edit_id = egui::Id::unique("open_path_field");
        let mut chosen = None;
        let mut cancelled = false;
        let modal = egui::Modal::new(egui::Id::unique("open_path_dialog")).show(ctx, |ui| {
            ui.set_width(640.0);
            ui.heading(title);
            if self.no_system_dialog {
                ui.label(RichText::new(texts.no_system_dialog).color(theme::WARNING));
            }
            let listed = self.listed();
            let tab = ui.memory(|memory| memory.has_focus(edit_id))
                && ui.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Tab));
            if tab && let Some(completed) = complete(&self.text, &listed) {
                self.set_text(ctx, edit_id, completed);
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .id(edit_id)
                    .hint_text(texts.path_hint)
                    .desired_width(f32::INFINITY)
                    .lock_focus(true),
            );
            if self.focus_pending {
                field.request_focus();
                self.focus_pending = false;
            }
            if field.changed() {
                self.problem = None;
            }
            let enter = field.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
            let hint = if self.purpose == Purpose::Open {
                texts.completion_hint.to_owned()
            } else {
                texts.edit.save_path_hint.replace("{action}", button)
            };
            ui.label(RichText::new(hint).small().color(theme::MUTED));
            let listed = self.listed();
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    // A new file's name matches nothing, as it should.
                    if listed.is_empty() && self.purpose == Purpose::Open {
                        ui.label(RichText::new(texts.no_match).color(theme::MUTED));
                    }
                    for entry in listed.iter().take(MAX_ENTRIES) {
                        let label = if entry.is_dir {
                            format!("{}{MAIN_SEPARATOR}", entry.name)
                        } else {
                            entry.name.clone()
                        };
                        if ui.selectable_label(false, label).clicked() {
                            self.set_text(ctx, edit_id, entry.completed());
                            if !entry.is_dir && self.purpose == Purpose::Open {
                                chosen = Some(entry.path.clone());
                            }
                        }
                    }
                    if listed.len() > MAX_ENTRIES {
                        ui.label(
                            RichText::new(format!("… +{}", listed.len() - MAX_ENTRIES))
                                .color(theme::MUTED),
                        );
                    }
                });
            if let Some(problem) = &self.problem {
                ui.label(RichText::new(problem).color(theme::ERROR));
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(button).clicked() || enter {
                    let path = expand_home(self.text.trim());
                    match self.check(&path, language) {
                        Ok(path) => chosen = Some(path),
                        Err(problem) => {
                            self.problem = Some(problem);
                            self.focus_pending = true;
                        }
                    }
                }
                if ui.button(texts.cancel).clicked() {
                    cancelled = true;
                }
            });
        });
        if modal.should_close() || cancelled || chosen.is_some() {
            self.open = false;
            if chosen.is_some() {
                self.text.clear();
            }
        }
        chosen.map(|path| (self.purpose, path))
    }

    /// The file to open, or where to save: a file that exists to open; to save, a name in a
    /// folder that exists, with the purpose's extension, and an existing file only when the
    /// user chose it a second time after being warned.
    fn check(&mut self, path: &Path, language: Language) -> Result<PathBuf, String> {
        let texts = i18n::texts(language);
        let Some(extension) = self.purpose.extension() else {
            return if path.is_file() {
                Ok(path.to_path_buf())
            } else {
                Err(format!("{} {}", path.display(), texts.not_a_file))
            };
        };
        if path.as_os_str().is_empty()
            || path.is_dir()
            || self.text.trim_end().ends_with(MAIN_SEPARATOR)
        {
            return Err(format!("{} {}", path.display(), texts.edit.is_a_folder));
        }
        let path = with_extension(path, extension);
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
            && !folder.is_dir()
        {
            return Err(format!(
                "{} {}",
                folder.display(),
                texts.edit.no_such_folder
            ));
        }
        if path.exists() && self.replace.as_deref() != Some(path.as_path()) {
            self.replace = Some(path.clone());
            return Err(format!("{} {}", path.display(), texts.edit.exists_replace));
        }
        Ok(path)
    }

    /// Replaces the typed text and puts the cursor at its end.
    fn set_text(&mut self, ctx: &egui::Context, edit_id: egui::Id, text: String) {
        self.text = text;
        self.problem = None;
        self.focus_pending = true;
        if let Some(mut state) = egui::text_edit::TextEditState::load(ctx, edit_id) {
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(
                    egui::text::CCursor::end_of_str(&self.text),
                )));
            state.store(ctx, edit_id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> PathBuf {
        let folder = std::env::temp_dir().join(format!("chitieu-open-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(folder.join("samples")).unwrap();
        for name in ["bvcste.xlsx", "bdg.csv", "notes.pdf", ".hidden.csv"] {
            std::fs::write(folder.join(name), b"x").unwrap();
        }
        folder
    }

    #[test]
    fn lists_folders_and_readable_files() {
        let folder = folder();
        let text = format!("{}{MAIN_SEPARATOR}", folder.display());
        let names: Vec<String> = entries(&text).into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["samples", "bdg.csv", "bvcste.xlsx"]);
        let text = format!("{}{MAIN_SEPARATOR}B", folder.display());
        let found = entries(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(complete(&text, &found), None);
        let text = format!("{}{MAIN_SEPARATOR}bv", folder.display());
        let found = entries(&text);
        assert_eq!(
            complete(&text, &found),
            Some(folder.join("bvcste.xlsx").display().to_string())
        );
        let text = format!("{}{MAIN_SEPARATOR}sa", folder.display());
        assert!(complete(&text, &entries(&text)).is_some_and(|t| t.ends_with(MAIN_SEPARATOR)));
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn saved_files_get_their_extension() {
        assert_eq!(
            with_extension(Path::new("a/bvcste-chitieu"), "xlsx"),
            PathBuf::from("a/bvcste-chitieu.xlsx")
        );
        assert_eq!(
            with_extension(Path::new("b.XLSX"), "xlsx"),
            PathBuf::from("b.XLSX")
        );
        assert_eq!(
            with_extension(Path::new("bdg.csv"), "xlsx"),
            PathBuf::from("bdg.csv.xlsx"),
            "a workbook never takes a CSV's name"
        );
    }

    #[test]
    fn an_instant_empty_answer_means_no_dialog() {
        assert_eq!(
            outcome(None, Duration::from_millis(20)),
            PickOutcome::Unavailable
        );
        assert_eq!(
            outcome(None, Duration::from_secs(3)),
            PickOutcome::Cancelled
        );
        assert_eq!(
            outcome(Some(vec![PathBuf::from("a.csv")]), Duration::ZERO),
            PickOutcome::Picked(vec![PathBuf::from("a.csv")])
        );
    }
}
