//! The document's life in the app: every change applied in one place ([`ChitieuApp::change`]),
//! the tables' requests and forms, saving to chitieu's workbook (Save, Save as) and exporting
//! CSV, the window title with its modified mark, the recovery journal written in the
//! background, and the questions asked before data would be lost.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::app::forms::{self, Answer, FormOutcome, Pending, Prompt};
use crate::app::grid::{self, Request};
use crate::app::messages::{Problem, ProblemKind};
use crate::app::open_dialog::{PickOutcome, Picker, Purpose, Started, with_extension};
use crate::app::{ChitieuApp, Route, i18n};
use crate::edit::{Edit, EditError};
use crate::model::{Document, Period, Strategy};
use crate::recovery::{Journal, Snapshot};

/// The journal is written at most this often.
const JOURNAL_EVERY: Duration = Duration::from_secs(1);

/// How long a notice stays in the status bar.
const NOTICE_FOR: Duration = Duration::from_secs(8);

/// How the app starts: the files it opens, where it keeps its recovery journal, and whether it
/// uses the system's file dialogs.
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// Files to open; the built-in sample when empty.
    pub files: Vec<PathBuf>,
    /// The recovery journal's path; `None` keeps no journal. The app itself uses the platform's
    /// data folder ([`Journal::in_data_dir`]); tests use a temporary folder.
    pub journal: Option<PathBuf>,
    /// Whether the system's file dialogs may be shown; without them the in-app path dialog
    /// asks where to open or save.
    pub system_dialogs: bool,
    /// Whether `files` are read on background threads once the window shows, as files opened
    /// later are (progress window, Cancel, the import dialog for a file whose columns are
    /// unsure); otherwise they are read before the first frame.
    pub open_in_background: bool,
}

impl Setup {
    /// What `chitieu` starts with: `files`, the journal in the data folder, system dialogs.
    #[must_use]
    pub fn for_files(files: &[PathBuf]) -> Self {
        Self {
            files: files.to_vec(),
            journal: Journal::in_data_dir().map(|journal| journal.path().to_path_buf()),
            system_dialogs: true,
            open_in_background: true,
        }
    }
}

/// A job for the journal's thread.
#[derive(Debug)]
enum Job {
    /// Write the document, with the workbook it belongs to.
    Write(Box<Document>, Option<PathBuf>),
    /// Remove the journal.
    Clear,
    /// Answer once every earlier job is done.
    Flush(Sender<()>),
}

/// Writes the recovery journal on its own thread, so a large document never stalls the window;
/// jobs queued faster than they are written collapse into the last one.
#[derive(Debug)]
pub struct JournalWriter {
    sender: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    errors: Receiver<String>,
}

impl JournalWriter {
    /// Starts the thread that writes `journal`.
    fn start(journal: Journal) -> Self {
        let (sender, jobs) = std::sync::mpsc::channel::<Job>();
        let (report, errors) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("recovery journal".to_owned())
            .spawn(move || {
                while let Ok(first) = jobs.recv() {
                    let mut batch = vec![first];
                    batch.extend(jobs.try_iter());
                    let mut acks = Vec::new();
                    let mut last = None;
                    for job in batch {
                        match job {
                            Job::Flush(ack) => acks.push(ack),
                            other => last = Some(other),
                        }
                    }
                    let result = match last {
                        Some(Job::Write(document, saved)) => {
                            journal.write(&document, saved.as_deref())
                        }
                        Some(Job::Clear) => journal.clear(),
                        Some(Job::Flush(_)) | None => Ok(()),
                    };
                    if let Err(error) = result {
                        let _ = report.send(error.to_string());
                    }
                    for ack in acks {
                        let _ = ack.send(());
                    }
                }
            })
            .ok();
        Self {
            sender: thread.as_ref().map(|_| sender),
            thread,
            errors,
        }
    }

    fn send(&self, job: Job) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(job);
        }
    }

    /// Waits until every job sent so far is done.
    fn flush(&self) {
        let (ack, done) = std::sync::mpsc::channel();
        self.send(Job::Flush(ack));
        let _ = done.recv_timeout(Duration::from_secs(10));
    }

    /// A write that failed, if any since the last call.
    fn error(&self) -> Option<String> {
        self.errors.try_recv().ok()
    }
}

impl Drop for JournalWriter {
    fn drop(&mut self) {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The recovery journal's state.
#[derive(Debug, Default)]
pub struct JournalState {
    /// The journal's writer; `None` keeps no journal.
    pub writer: Option<JournalWriter>,
    /// Whether the journal may be written: not while an offer to restore it is unanswered.
    pub owned: bool,
    /// Whether the document changed since the journal was last written.
    pub dirty: bool,
    /// When the journal was last written.
    pub last: Option<Instant>,
    /// Whether a journal error was shown (once is enough).
    pub error_shown: bool,
}

/// The document's state beside its content: where it is saved, what changed since, the
/// journal, and what waits for a save or an answer.
#[derive(Debug, Default)]
pub struct Session {
    /// The chitieu workbook the document is saved to (or was opened from).
    pub saved_path: Option<PathBuf>,
    /// Files opened from disk, first first: the suggested workbook sits beside the first.
    pub opened: Vec<PathBuf>,
    /// The strategies as last saved or opened: a strategy that is none of them has unsaved
    /// changes.
    pub baseline: Vec<Strategy>,
    /// Per strategy, whether it has unsaved changes.
    pub modified: Vec<bool>,
    /// The recovery journal.
    pub journal: JournalState,
    /// The window title last sent.
    pub title: String,
    /// Whether the window may close without asking (the user chose to discard).
    pub may_close: bool,
    /// What to do once a save asked for by the unsaved-changes question succeeds.
    pub after_save: Option<Pending>,
    /// A short message for the status bar, and when it was given.
    pub notice: Option<(String, Instant)>,
    /// Whether the system's file dialogs may be shown.
    pub system_dialogs: bool,
}

impl Session {
    /// A session with `setup`'s journal and dialogs.
    pub fn new(setup: &Setup) -> Self {
        Self {
            journal: JournalState {
                writer: setup
                    .journal
                    .clone()
                    .map(Journal::new)
                    .map(JournalWriter::start),
                owned: true,
                ..JournalState::default()
            },
            system_dialogs: setup.system_dialogs,
            ..Self::default()
        }
    }

    /// Takes the strategies as they are now as the saved state.
    pub fn set_baseline(&mut self, document: &Document) {
        self.baseline.clone_from(&document.strategies);
        self.refresh_modified(document);
    }

    /// Works out which strategies have unsaved changes.
    pub fn refresh_modified(&mut self, document: &Document) {
        self.modified = document
            .strategies
            .iter()
            .map(|strategy| !self.baseline.contains(strategy))
            .collect();
    }

    /// The notice to show, while it is fresh.
    pub fn notice(&self) -> Option<&str> {
        self.notice
            .as_ref()
            .filter(|(_, at)| at.elapsed() < NOTICE_FOR)
            .map(|(text, _)| text.as_str())
    }
}

/// The name of a path's file, for messages.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// "bvcste-2016-2020.xlsx" → "bvcste-2016-2020".
fn stem(file: &str) -> &str {
    Path::new(file)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .filter(|stem| !stem.is_empty())
        .unwrap_or("chitieu")
}

/// Writes `bytes` to `path` through a temporary file beside it, so a failed write leaves any
/// old file as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_file_name(format!(".{}.writing", file_name(path)));
    let result = (|| {
        use std::io::Write as _;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

impl ChitieuApp {
    /// The one place the document changes: `edit` goes through the history (so it can be
    /// undone), then the journal, the modified marks and what shows follow.
    pub(crate) fn change(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.try_apply(&mut self.document, edit)?;
        self.changed();
        Ok(())
    }

    /// Undoes the last change.
    pub(crate) fn undo(&mut self) {
        if self.history.undo(&mut self.document) {
            self.changed();
        }
    }

    /// Redoes the last undone change.
    pub(crate) fn redo(&mut self) {
        if self.history.redo(&mut self.document) {
            self.changed();
        }
    }

    /// What follows every change of the document.
    fn changed(&mut self) {
        self.revision += 1;
        self.breakdowns.document_changed();
        self.session.journal.dirty = true;
        self.session.refresh_modified(&self.document);
        self.keep_route_valid();
        let count = self.document.strategies.len();
        if let Some(editing) = &self.grid.editing
            && editing.strategy >= count
        {
            self.grid.editing = None;
        }
        if self.grid.strategy < count
            && let Some(cursor) = self.grid.cursor
        {
            let indicators = self.document.strategies[self.grid.strategy]
                .indicators
                .len();
            if cursor.indicator >= indicators {
                self.grid.cursor = indicators.checked_sub(1).map(|last| grid::CellPos {
                    indicator: last,
                    col: cursor.col,
                });
                self.grid.anchor = self.grid.cursor;
            }
        }
    }

    /// Says something in the status bar for a few seconds.
    pub(crate) fn notify(&mut self, ctx: &egui::Context, text: String) {
        self.session.notice = Some((text, Instant::now()));
        ctx.request_repaint_after(NOTICE_FOR);
    }

    /// Shows a problem in the banner: `message` in both languages, or one text for both
    /// (what the system or a library said).
    pub(crate) fn report(&mut self, kind: ProblemKind, message: impl Into<crate::model::Sentence>) {
        self.errors.push(Problem {
            kind,
            message: message.into(),
        });
        if self.errors.len() > super::MAX_ERRORS {
            self.errors.remove(0);
        }
    }

    /// Applies what the views asked for this frame, in order.
    pub(crate) fn apply_requests(&mut self, ctx: &egui::Context) {
        for request in std::mem::take(&mut self.requests) {
            match request {
                Request::Edit(edit) => {
                    let period = match &edit {
                        Edit::AddPeriod { strategy, period } => Some((*strategy, *period)),
                        _ => None,
                    };
                    match self.change(edit) {
                        Ok(()) => {
                            if let Some((strategy, period)) = period {
                                self.show_period(strategy, period);
                            }
                        }
                        Err(error) => self.notify(ctx, error.0),
                    }
                }
                Request::Cells {
                    strategy,
                    period,
                    writes,
                    format,
                } => self.write_cells(strategy, period, &writes, format),
                Request::Form(form) => {
                    ctx.memory_mut(|memory| {
                        if let Some(focused) = memory.focused() {
                            memory.surrender_focus(focused);
                        }
                    });
                    self.form = Some(form);
                }
                Request::Notice(text) => self.notify(ctx, text),
            }
        }
    }

    /// Judges `strategy` for `period` (a period just added).
    fn show_period(&mut self, strategy: usize, period: Period) {
        if let Some(found) = self.document.strategies.get(strategy) {
            self.periods.set(found, period);
        }
    }

    /// Puts typed or pasted text in cells as one undo step. Text a field cannot take is kept in
    /// its cell with the reason, and the rest still goes in.
    fn write_cells(
        &mut self,
        strategy: usize,
        period: Option<Period>,
        writes: &[grid::CellWrite],
        format: crate::parse::NumberFormat,
    ) {
        let language = self.state.language;
        let Some(owner) = self.document.strategies.get(strategy) else {
            return;
        };
        // Each cell is tried on a copy first, so that one refused cell does not stop the rest.
        let mut scratch = (writes.len() > 1).then(|| self.document.clone());
        let mut edits = Vec::new();
        let mut refused = Vec::new();
        let mut taken = Vec::new();
        for write in writes {
            let cell_edits = grid::edits_for(strategy, write, period, format);
            if cell_edits.is_empty() {
                continue;
            }
            let attempt = match &mut scratch {
                Some(scratch) => Edit::Batch(cell_edits.clone())
                    .try_apply(scratch)
                    .map(|_| ()),
                None => Ok(()),
            };
            match attempt {
                Ok(()) => {
                    edits.extend(cell_edits);
                    taken.push(write.clone());
                }
                Err(error) => refused.push((write.clone(), error)),
            }
        }
        let identities: Vec<(String, String)> = owner
            .indicators
            .iter()
            .map(|found| (found.code.clone(), found.name.clone()))
            .collect();
        let identity = |indicator: usize| identities.get(indicator).cloned().unwrap_or_default();
        let mut rejected: Vec<grid::Rejected> = refused
            .iter()
            .map(|(write, error)| grid::Rejected {
                strategy,
                indicator: write.indicator,
                identity: identity(write.indicator),
                col: write.col,
                period,
                text: write.text.clone(),
                reason: grid::reason(language, write.col, &write.text, error),
            })
            .collect();
        let edit = match edits.len() {
            0 => None,
            1 => edits.pop(),
            _ => Some(Edit::Batch(edits)),
        };
        if let Some(edit) = edit {
            match self.change(edit) {
                Ok(()) => {
                    if let Some(owner) = self.document.strategies.get(strategy) {
                        for write in &taken {
                            self.grid
                                .forget(strategy, owner, write.indicator, write.col, period);
                        }
                    }
                }
                Err(error) => {
                    // Only a single cell is not tried first; it is kept with the reason.
                    rejected.extend(taken.iter().map(|write| grid::Rejected {
                        strategy,
                        indicator: write.indicator,
                        identity: identity(write.indicator),
                        col: write.col,
                        period,
                        text: write.text.clone(),
                        reason: grid::reason(language, write.col, &write.text, &error),
                    }));
                }
            }
        }
        for rejected in rejected {
            self.grid.reject(rejected);
        }
    }

    /// Draws the form, if one is open, and applies it when confirmed.
    pub(crate) fn form_ui(&mut self, ctx: &egui::Context) {
        let Some(form) = &mut self.form else {
            return;
        };
        let strategy = self.document.strategies.get(form.strategy());
        match forms::form_ui(ctx, form, strategy, self.state.language) {
            FormOutcome::Open => {}
            FormOutcome::Cancelled => self.form = None,
            FormOutcome::Submit(edit) => {
                let texts = &i18n::texts(self.state.language).edit;
                let message = match &edit {
                    Edit::AddPeriod { period, .. } => {
                        texts.period_exists.replace("{period}", &period.to_string())
                    }
                    Edit::SetGoal { goal, .. } => texts.goal_exists.replace("{code}", &goal.code),
                    Edit::Batch(edits) => match edits.first() {
                        Some(Edit::InsertGoal { goal, .. }) => {
                            texts.goal_exists.replace("{code}", &goal.code)
                        }
                        _ => String::new(),
                    },
                    _ => String::new(),
                };
                let period = match &edit {
                    Edit::AddPeriod { strategy, period } => Some((*strategy, *period)),
                    _ => None,
                };
                match self.change(edit) {
                    Ok(()) => {
                        self.form = None;
                        if let Some((strategy, period)) = period {
                            self.show_period(strategy, period);
                        }
                    }
                    Err(error) => {
                        if let Some(form) = &mut self.form {
                            form.set_error(if message.is_empty() { error.0 } else { message });
                        }
                    }
                }
            }
        }
    }

    /// Draws the question being asked, if any, and acts on the answer.
    pub(crate) fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let code = match prompt {
            Prompt::Unsaved(Pending::CloseStrategy(index)) => self
                .document
                .strategies
                .get(*index)
                .map(|strategy| strategy.code.clone()),
            _ => None,
        };
        let answer = forms::prompt_ui(ctx, prompt, code.as_deref(), self.state.language);
        if answer == Answer::Open {
            return;
        }
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (Prompt::Unsaved(pending), Answer::Save) => {
                self.session.after_save = Some(pending);
                self.save(ctx, false);
            }
            (Prompt::Unsaved(pending), Answer::Discard) => self.go_on(ctx, pending),
            (Prompt::Recover(snapshot), Answer::Restore) => self.restore(*snapshot),
            (Prompt::Recover(_), Answer::DiscardRecovery) => {
                self.session.journal.owned = true;
                self.session.journal.dirty = true;
                if let Some(journal) = &self.session.journal.writer {
                    journal.send(Job::Clear);
                }
            }
            _ => {}
        }
    }

    /// Does what the unsaved-changes question stood in the way of.
    fn go_on(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.session.may_close = true;
                self.clear_journal_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::CloseStrategy(index) => self.close(index),
        }
    }

    /// Closes a strategy, first asking when it has unsaved changes.
    pub(crate) fn request_close(&mut self, index: usize) {
        if self.session.modified.get(index).copied().unwrap_or(false) {
            self.prompt = Some(Prompt::Unsaved(Pending::CloseStrategy(index)));
        } else {
            self.close(index);
        }
    }

    /// A close request of the window: with unsaved changes it is cancelled and the user is
    /// asked; otherwise the journal goes and the window closes.
    pub(crate) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        if self.session.may_close || !self.is_modified() {
            self.clear_journal_now();
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        if self.prompt.is_none() {
            self.prompt = Some(Prompt::Unsaved(Pending::Quit));
        }
    }

    /// Removes the journal and waits for it, unless an offer to restore it is unanswered.
    pub(crate) fn clear_journal_now(&mut self) {
        if !self.session.journal.owned {
            return;
        }
        if let Some(journal) = &self.session.journal.writer {
            journal.send(Job::Clear);
            journal.flush();
        }
        self.session.journal.dirty = false;
    }

    /// Writes the journal after a change, at most once a second, on its thread.
    pub(crate) fn journal_tick(&mut self, ctx: &egui::Context) {
        let error = self
            .session
            .journal
            .writer
            .as_ref()
            .and_then(JournalWriter::error);
        if let Some(error) = error
            && !self.session.journal.error_shown
        {
            self.session.journal.error_shown = true;
            self.report(ProblemKind::Recovery, error);
        }
        let unsaved = self.is_modified();
        let session = &mut self.session;
        if !session.journal.dirty || !session.journal.owned {
            return;
        }
        let Some(journal) = &session.journal.writer else {
            session.journal.dirty = false;
            return;
        };
        if let Some(last) = session.journal.last
            && last.elapsed() < JOURNAL_EVERY
        {
            ctx.request_repaint_after(JOURNAL_EVERY.saturating_sub(last.elapsed()));
            return;
        }
        if unsaved {
            journal.send(Job::Write(
                Box::new(self.document.clone()),
                session.saved_path.clone(),
            ));
        } else {
            journal.send(Job::Clear);
        }
        session.journal.last = Some(Instant::now());
        session.journal.dirty = false;
    }

    /// Waits until the journal holds the document as it is now (or is gone, when nothing is
    /// unsaved); for tests and before a planned exit.
    pub fn flush_journal(&mut self) {
        self.session.journal.last = None;
        self.journal_tick(&egui::Context::default());
        if let Some(journal) = &self.session.journal.writer {
            journal.flush();
        }
    }

    /// Offers to restore the journal left by a session that did not end cleanly.
    pub(crate) fn offer_recovery(&mut self, path: &Path) {
        match Journal::new(path.to_path_buf()).read() {
            Ok(Some(snapshot)) => {
                self.session.journal.owned = false;
                self.prompt = Some(Prompt::Recover(Box::new(snapshot)));
            }
            Ok(None) => {}
            Err(error) => self.report(ProblemKind::Recovery, error.to_string()),
        }
    }

    /// Replaces what is open with the journal's document, as one change that can be undone.
    fn restore(&mut self, snapshot: Snapshot) {
        let Snapshot {
            document,
            saved_path,
            ..
        } = snapshot;
        let edit = Edit::Batch(vec![
            Edit::Truncate {
                count: self.document.strategies.len(),
                warnings: self.document.warnings.len(),
            },
            Edit::TruncateChanges {
                count: self.document.changes.len(),
            },
            Edit::AddStrategies {
                strategies: document.strategies,
                warnings: document.warnings,
            },
            Edit::AppendChanges {
                changes: document.changes,
            },
        ]);
        self.session.journal.owned = true;
        if self.change(edit).is_ok() {
            self.session.saved_path = saved_path;
            self.session.baseline.clear();
            self.session.refresh_modified(&self.document);
            self.route = Route::Overview;
            self.grid = grid::Grid::default();
        }
    }

    /// The window's title: the workbook's name (or the files open), with "• " in front while
    /// there are unsaved changes.
    #[must_use]
    pub fn title(&self) -> String {
        let mark = if self.is_modified() { "• " } else { "" };
        if let Some(path) = &self.session.saved_path {
            return format!("{mark}{} — chitieu", file_name(path));
        }
        let mut files: Vec<&str> = Vec::new();
        for strategy in &self.document.strategies {
            if !files.contains(&strategy.source_file.as_str()) {
                files.push(&strategy.source_file);
            }
        }
        let name = match files.as_slice() {
            [] => return format!("{mark}chitieu"),
            [one] => (*one).to_owned(),
            [first, second] => format!("{first}, {second}"),
            [first, second, rest @ ..] => format!("{first}, {second} +{}", rest.len()),
        };
        format!("{mark}{name} — chitieu")
    }

    /// Sends the title to the window when it changed.
    pub(crate) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.session.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.session.title = title;
        }
    }

    /// The workbook the document is saved to, if any.
    #[must_use]
    pub fn saved_path(&self) -> Option<&Path> {
        self.session.saved_path.as_deref()
    }

    /// Whether closing would lose work: the document changed since it was saved (or opened)
    /// and some strategy open now differs from what was saved or read.
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.history.is_modified() && self.session.modified.iter().any(|modified| *modified)
    }

    /// Saves to the document's workbook; a document with none (opened from CSV or another
    /// workbook, or never saved) asks where, proposing "<file>-chitieu.xlsx".
    pub(crate) fn save(&mut self, ctx: &egui::Context, save_as: bool) {
        let language = self.state.language;
        self.grid.commit(language, &mut self.requests);
        self.apply_requests(ctx);
        match self.session.saved_path.clone().filter(|_| !save_as) {
            Some(path) => {
                self.save_to(ctx, &path);
            }
            None => self.ask_path(ctx, Purpose::Save),
        }
    }

    /// Saves the document to `path` (as chitieu's workbook, `.xlsx`). A failed save keeps the
    /// edits and says why.
    pub fn save_to(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        let path = with_extension(path, "xlsx");
        match crate::store::save(&self.document, &path) {
            Ok(()) => {
                self.history.mark_saved();
                self.session.saved_path = Some(path.clone());
                self.session.set_baseline(&self.document);
                self.session.journal.dirty = true;
                self.session.journal.last = None;
                if let Some(folder) = path
                    .parent()
                    .filter(|folder| !folder.as_os_str().is_empty())
                {
                    self.state.last_folder = Some(folder.to_path_buf());
                }
                let texts = &i18n::texts(self.state.language).edit;
                self.notify(
                    ctx,
                    texts.saved.replace("{file}", &path.display().to_string()),
                );
                if let Some(pending) = self.session.after_save.take() {
                    self.go_on(ctx, pending);
                }
                true
            }
            Err(error) => {
                self.session.after_save = None;
                self.report(ProblemKind::Save, error.to_string());
                false
            }
        }
    }

    /// Exports the table of the strategy shown as CSV, asking where.
    pub(crate) fn export(&mut self, ctx: &egui::Context) {
        let Route::Strategy(index) = self.route else {
            return;
        };
        if index < self.document.strategies.len() {
            self.ask_path(ctx, Purpose::ExportCsv(index));
        }
    }

    /// Exports strategy `index`'s table for its period to `path` (`.csv`, UTF-8 with BOM).
    pub fn export_to(&mut self, ctx: &egui::Context, index: usize, path: &Path) -> bool {
        let path = with_extension(path, "csv");
        let Some(strategy) = self.document.strategies.get(index) else {
            return false;
        };
        let bytes = crate::report::csv_for_excel(
            std::slice::from_ref(strategy),
            self.periods.get(strategy),
        );
        match write_atomically(&path, &bytes) {
            Ok(()) => {
                let texts = &i18n::texts(self.state.language).edit;
                self.notify(
                    ctx,
                    texts
                        .exported
                        .replace("{file}", &path.display().to_string()),
                );
                true
            }
            Err(error) => {
                self.report(
                    ProblemKind::Export,
                    format!("{}: {error}", file_name(&path)),
                );
                false
            }
        }
    }

    /// Where a save or an export is proposed to go.
    fn suggested(&self, purpose: Purpose) -> PathBuf {
        let folder = self
            .session
            .opened
            .first()
            .and_then(|path| path.parent())
            .filter(|folder| !folder.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| self.state.last_folder.clone())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        match purpose {
            Purpose::ExportCsv(index) => {
                let strategy = self.document.strategies.get(index);
                let code = strategy.map_or("chitieu", |strategy| strategy.code.as_str());
                let period = strategy
                    .and_then(|strategy| self.periods.get(strategy))
                    .map(|period| format!("-{period}"))
                    .unwrap_or_default();
                let folder = self
                    .session
                    .saved_path
                    .as_deref()
                    .and_then(Path::parent)
                    .map_or(folder, Path::to_path_buf);
                folder.join(format!("{code}{period}.csv"))
            }
            Purpose::Save | Purpose::Open => {
                if let Some(path) = &self.session.saved_path {
                    return path.clone();
                }
                let first = self
                    .document
                    .strategies
                    .first()
                    .map_or("chitieu", |strategy| stem(&strategy.source_file));
                folder.join(format!("{first}-chitieu.xlsx"))
            }
        }
    }

    /// Asks where to save or export: the system's dialog where there is one, else the in-app
    /// path dialog.
    fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        if self.picker.is_some() {
            return;
        }
        let suggested = self.suggested(purpose);
        if !self.session.system_dialogs {
            self.open_dialog.show_save(&suggested, purpose, false);
            return;
        }
        let texts = i18n::texts(self.state.language);
        let title = match purpose {
            Purpose::ExportCsv(_) => texts.edit.export_title,
            Purpose::Save | Purpose::Open => texts.edit.save_title,
        };
        match Picker::spawn_save(ctx, &suggested, title, purpose) {
            Started::Running(picker) => self.picker = Some(picker),
            Started::Done(outcome) => self.take_pick(ctx, purpose, outcome),
        }
    }

    /// Acts on what a file dialog gave; where there was no dialog, shows the in-app one.
    pub(crate) fn take_pick(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        outcome: PickOutcome,
    ) {
        match (purpose, outcome) {
            (Purpose::Open, PickOutcome::Picked(paths)) => self.open_paths(&paths),
            (Purpose::Open, PickOutcome::Unavailable) => self.show_open_dialog(true),
            (_, PickOutcome::Picked(paths)) => {
                if let Some(path) = paths.first() {
                    self.chosen(ctx, purpose, path);
                }
            }
            (_, PickOutcome::Unavailable) => {
                let suggested = self.suggested(purpose);
                self.open_dialog.show_save(&suggested, purpose, true);
            }
            (_, PickOutcome::Cancelled) => self.session.after_save = None,
        }
    }

    /// Acts on a file chosen in a dialog.
    pub(crate) fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_paths(&[path.to_path_buf()]),
            Purpose::Save => {
                self.save_to(ctx, path);
            }
            Purpose::ExportCsv(index) => {
                self.export_to(ctx, index, path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_thread_writes_the_last_job_and_clears() {
        let folder = std::env::temp_dir().join(format!("chitieu-writer-{}", std::process::id()));
        let path = folder.join("recovery.json");
        let writer = JournalWriter::start(Journal::new(path.clone()));
        let mut document = Document::default();
        for code in ["A", "B", "C"] {
            document.strategies = vec![Strategy {
                code: code.into(),
                ..Strategy::default()
            }];
            writer.send(Job::Write(Box::new(document.clone()), None));
        }
        writer.flush();
        let snapshot = Journal::new(path.clone()).read().unwrap().unwrap();
        assert_eq!(snapshot.document.strategies[0].code, "C");
        writer.send(Job::Clear);
        writer.flush();
        assert!(!path.exists());
        assert!(writer.error().is_none());
        drop(writer);
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn stems_name_the_suggested_workbook() {
        assert_eq!(stem("bvcste-2016-2020.xlsx"), "bvcste-2016-2020");
        assert_eq!(stem("binh-dang-gioi.csv"), "binh-dang-gioi");
        assert_eq!(stem(""), "chitieu");
    }
}
