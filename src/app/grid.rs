//! Editing a strategy's table like a spreadsheet: the selected cell and range, the cell being
//! edited, typed values the document could not take (kept and shown with their reason), the
//! keyboard (arrows, Tab, Enter, F2, Esc, Delete, typing), copy and paste of ranges as
//! tab-separated text, and the view's sort, status filter and search.
//!
//! Nothing here changes the document: edits are [`Request`]s, which the app applies through
//! [`crate::edit::History`] in one place.

use std::cmp::Ordering;
use std::ops::RangeInclusive;

use eframe::egui::{self, Event, EventFilter, Key, Modifiers};

use crate::analysis::evaluate;
use crate::app::forms::Form;
use crate::app::{clipboard, i18n};
use crate::edit::{Edit, EditError, Field};
use crate::model::{Direction, Indicator, Measure, Period, Status, Strategy};
use crate::parse::{FormatVote, NumberFormat, parse_measure, parse_number, parse_target};
use crate::report::Language;

/// A column of the indicator table, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    /// STT / code.
    Code,
    /// The indicator's name.
    Name,
    /// Unit.
    Unit,
    /// Which way is good.
    Direction,
    /// Baseline value and year.
    Baseline,
    /// Target of the period shown.
    Target,
    /// Actual result of the period shown.
    Actual,
    /// Achievement (computed, read-only).
    Achievement,
    /// Status (computed, read-only).
    Status,
    /// The file's own assessment of the period shown.
    Assessment,
    /// Source.
    Source,
    /// Note.
    Note,
}

impl Col {
    /// Every column, left to right.
    pub const ALL: [Self; 12] = [
        Self::Code,
        Self::Name,
        Self::Unit,
        Self::Direction,
        Self::Baseline,
        Self::Target,
        Self::Actual,
        Self::Achievement,
        Self::Status,
        Self::Assessment,
        Self::Source,
        Self::Note,
    ];

    /// The column's position from the left.
    #[must_use]
    pub fn position(self) -> usize {
        Self::ALL
            .iter()
            .position(|col| *col == self)
            .unwrap_or_default()
    }

    /// The column at `position`, the last one beyond the end.
    #[must_use]
    pub fn at(position: usize) -> Self {
        Self::ALL[position.min(Self::ALL.len() - 1)]
    }

    /// The field the column edits for `period`; `None` for computed columns, and for the
    /// period's columns while the strategy has no period.
    #[must_use]
    pub fn field(self, period: Option<Period>) -> Option<Field> {
        match self {
            Self::Code => Some(Field::Code),
            Self::Name => Some(Field::Name),
            Self::Unit => Some(Field::Unit),
            Self::Direction => Some(Field::Direction),
            Self::Baseline => Some(Field::Baseline),
            Self::Target => period.map(Field::Target),
            Self::Actual => period.map(Field::Actual),
            Self::Assessment => period.map(Field::Assessment),
            Self::Source => Some(Field::Source),
            Self::Note => Some(Field::Note),
            Self::Achievement | Self::Status => None,
        }
    }
}

/// What the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Code, numbers in numeric order ("2" before "10", "MT1.2" before "MT1.10").
    Code,
    /// Achievement, lowest first; indicators without one last.
    Achievement,
    /// Status, the worst first: not met, no data, met, exceeded.
    Status,
}

/// How the table shows its indicators: sort, status filter and search. Goals head their
/// indicators only in file order with nothing filtered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The sort key and whether it is descending; `None` for file order.
    pub sort: Option<(SortKey, bool)>,
    /// Statuses whose indicators are hidden.
    pub hidden: Vec<Status>,
    /// Text an indicator must contain (code, name, unit, target, actual, source or note),
    /// ignoring case and diacritics.
    pub search: String,
}

impl View {
    /// Whether the table is sorted, filtered or searched, so that it shows a flat list.
    #[must_use]
    pub fn is_flat(&self) -> bool {
        self.sort.is_some() || !self.hidden.is_empty() || !self.search.trim().is_empty()
    }

    /// A click on a sortable header: ascending, then descending, then file order.
    pub fn click_sort(&mut self, key: SortKey) {
        self.sort = match self.sort {
            Some((current, false)) if current == key => Some((key, true)),
            Some((current, true)) if current == key => None,
            _ => Some((key, false)),
        };
    }

    /// Shows or hides the indicators of a status.
    pub fn toggle_status(&mut self, status: Status) {
        if let Some(at) = self.hidden.iter().position(|hidden| *hidden == status) {
            self.hidden.remove(at);
        } else {
            self.hidden.push(status);
        }
    }
}

/// A line of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// A goal's group row, by its index in the strategy's goals.
    Goal(usize),
    /// An indicator, by its index in the strategy.
    Indicator(usize),
}

/// The status an indicator shows for `period` (no data when there is no period).
fn status_of(indicator: &Indicator, period: Option<Period>) -> Status {
    period.map_or(Status::NoData, |period| evaluate(indicator, period).status)
}

/// The table's lines for `view`: in file order, each goal's row before its first indicator;
/// sorted, filtered or searched, the matching indicators only.
#[must_use]
pub fn lines(strategy: &Strategy, period: Option<Period>, view: &View) -> Vec<Line> {
    if !view.is_flat() {
        let mut lines = Vec::with_capacity(strategy.indicators.len() + strategy.goals.len());
        let mut current: Option<&str> = None;
        for (index, indicator) in strategy.indicators.iter().enumerate() {
            let goal = indicator.goal.as_deref();
            if goal.is_some() && goal != current {
                if let Some(found) = goal.and_then(|code| {
                    strategy
                        .goals
                        .iter()
                        .position(|candidate| candidate.code == code)
                }) {
                    lines.push(Line::Goal(found));
                }
                current = goal;
            }
            lines.push(Line::Indicator(index));
        }
        return lines;
    }
    let query = crate::text::fold(view.search.trim());
    let mut shown: Vec<usize> = strategy
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, indicator)| !view.hidden.contains(&status_of(indicator, period)))
        .filter(|(_, indicator)| query.is_empty() || matches_search(indicator, period, &query))
        .map(|(index, _)| index)
        .collect();
    if let Some((key, descending)) = view.sort {
        let indicators = &strategy.indicators;
        shown.sort_by(|a, b| {
            let (a, b) = (&indicators[*a], &indicators[*b]);
            let order = match key {
                SortKey::Code => natural(&a.code, &b.code),
                SortKey::Achievement => {
                    let achievement = |indicator: &Indicator| {
                        period.and_then(|period| evaluate(indicator, period).achievement)
                    };
                    return match (achievement(a), achievement(b)) {
                        (Some(a), Some(b)) if descending => b.total_cmp(&a),
                        (Some(a), Some(b)) => a.total_cmp(&b),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    };
                }
                SortKey::Status => {
                    status_rank(status_of(a, period)).cmp(&status_rank(status_of(b, period)))
                }
            };
            if descending { order.reverse() } else { order }
        });
    }
    shown.into_iter().map(Line::Indicator).collect()
}

/// Worst first: not met, no data, met, exceeded.
fn status_rank(status: Status) -> u8 {
    match status {
        Status::NotMet => 0,
        Status::NoData => 1,
        Status::Met => 2,
        Status::Exceeded => 3,
    }
}

/// Whether an indicator's texts contain the folded query.
fn matches_search(indicator: &Indicator, period: Option<Period>, query: &str) -> bool {
    let mut texts = vec![
        indicator.code.as_str(),
        indicator.name.as_str(),
        indicator.unit.text.as_str(),
        indicator.source.as_str(),
        indicator.note.as_str(),
    ];
    if let Some(value) = period.and_then(|period| indicator.value(period)) {
        texts.extend(value.target.as_ref().map(|target| target.text.as_str()));
        texts.extend(value.actual.as_ref().map(|actual| actual.text.as_str()));
        texts.extend(value.unread_target());
        texts.extend(value.unread_actual());
        texts.extend(value.assessment.as_ref().map(|a| a.text.as_str()));
    }
    texts
        .into_iter()
        .any(|text| crate::text::fold(text).contains(query))
}

/// Compares codes with their numbers in numeric order: "2" < "10", "MT1.2" < "MT1.10".
#[must_use]
pub fn natural(a: &str, b: &str) -> Ordering {
    let chunks = |text: &str| -> Vec<(bool, String)> {
        let mut chunks: Vec<(bool, String)> = Vec::new();
        for c in text.chars() {
            let digit = c.is_ascii_digit();
            match chunks.last_mut() {
                Some((last_digit, chunk)) if *last_digit == digit => chunk.push(c),
                _ => chunks.push((digit, c.to_string())),
            }
        }
        chunks
    };
    let (left, right) = (chunks(a), chunks(b));
    for ((a_digit, a), (b_digit, b)) in left.iter().zip(&right) {
        let order = if *a_digit && *b_digit {
            let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
            a.len().cmp(&b.len()).then_with(|| a.cmp(b))
        } else {
            crate::text::fold(a).cmp(&crate::text::fold(b))
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    left.len().cmp(&right.len())
}

/// A cell: an indicator (by index in its strategy) and a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellPos {
    /// The indicator's index in the strategy.
    pub indicator: usize,
    /// The column.
    pub col: Col,
}

/// The cell being edited and the text typed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editing {
    /// The strategy's index.
    pub strategy: usize,
    /// The cell.
    pub pos: CellPos,
    /// The period the cell belonged to when editing began.
    pub period: Option<Period>,
    /// The text in the editor.
    pub text: String,
    /// The cell's text when editing began; committing it unchanged changes nothing.
    pub original: String,
    /// Whether the editor still has to take the keyboard focus.
    pub focus: bool,
    /// Whether the editor was drawn this frame.
    pub drawn: bool,
    /// Frames the editor waited to be drawn for the first time (its row scrolling into view).
    pub waited: u8,
}

/// Typed text the document could not take (a direction that is none, a baseline that is not a
/// number): kept and shown in its cell with the reason until the cell is edited again or the
/// user discards it with Esc or Delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The strategy's index.
    pub strategy: usize,
    /// The indicator's index.
    pub indicator: usize,
    /// The indicator's code and name when the text was typed, to find it if rows move.
    pub identity: (String, String),
    /// The column.
    pub col: Col,
    /// The period, for the period's columns.
    pub period: Option<Period>,
    /// The text as typed.
    pub text: String,
    /// Why it was not taken, in the interface language.
    pub reason: String,
}

/// Text for a cell, typed or pasted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellWrite {
    /// The indicator's index.
    pub indicator: usize,
    /// The column.
    pub col: Col,
    /// The text.
    pub text: String,
}

/// What the table asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Apply an edit (insert, delete, move …).
    Edit(Edit),
    /// Put text in cells of one strategy, as one undo step; text a field cannot take is kept in
    /// its cell with the reason.
    Cells {
        /// The strategy's index.
        strategy: usize,
        /// The period of the period's columns.
        period: Option<Period>,
        /// The cells and their text.
        writes: Vec<CellWrite>,
        /// How numbers in the text are written.
        format: NumberFormat,
    },
    /// Show a form (new goal, new period, strategy details).
    Form(Form),
    /// Say something in the status bar.
    Notice(String),
}

/// The keyboard focus of the table when no cell is being edited.
#[must_use]
pub fn grid_id() -> egui::Id {
    egui::Id::unique("chitieu_indicator_grid")
}

/// The text editor of the cell being edited.
#[must_use]
pub fn editor_id() -> egui::Id {
    egui::Id::unique("chitieu_cell_editor")
}

/// Selection, editing and view state of the tables. One at a time shows, so one state serves
/// them all; the selection belongs to the strategy in [`Grid::strategy`].
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The strategy the selection belongs to.
    pub strategy: usize,
    /// The selected cell.
    pub cursor: Option<CellPos>,
    /// The other corner of the selected range (the cursor's own cell when one cell is selected).
    pub anchor: Option<CellPos>,
    /// The cell being edited.
    pub editing: Option<Editing>,
    /// Typed text the document could not take.
    pub rejected: Vec<Rejected>,
    /// Sort, filter and search.
    pub view: View,
    /// Whether the table should scroll to the cursor.
    pub scroll: bool,
    /// A cell to select and edit once it exists (after an indicator is inserted).
    pub pending_edit: Option<(usize, CellPos)>,
}

/// What the keyboard handler needs to know about the table shown.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    /// The strategy's index.
    pub index: usize,
    /// The strategy.
    pub strategy: &'a Strategy,
    /// Indicator indices in display order.
    pub order: &'a [usize],
    /// The period shown.
    pub period: Option<Period>,
    /// The interface language.
    pub language: Language,
    /// Whether the period's columns are read-only: the table shows a breakdown's figures
    /// (one commune, one sex …), which are not edited here.
    pub read_only_values: bool,
}

impl Shown<'_> {
    /// The field a column's cells edit in this table: [`Col::field`] for the period shown,
    /// and `None` for the period's columns while they are read-only.
    #[must_use]
    pub fn field(&self, col: Col) -> Option<Field> {
        if self.read_only_values && is_period_column(col) {
            return None;
        }
        col.field(self.period)
    }

    /// Whether a cell of `col` is read-only only because the table shows a breakdown.
    #[must_use]
    pub fn read_only_here(&self, col: Col) -> bool {
        self.read_only_values && is_period_column(col) && col.field(self.period).is_some()
    }
}

impl Grid {
    /// Selects one cell of a strategy's table and scrolls to it.
    pub fn select(&mut self, strategy: usize, pos: CellPos) {
        self.strategy = strategy;
        self.cursor = Some(pos);
        self.anchor = Some(pos);
        self.scroll = true;
    }

    /// Moves the cursor's corner of the range to `pos`, keeping the anchor.
    pub fn extend_to(&mut self, strategy: usize, pos: CellPos) {
        if self.strategy != strategy || self.anchor.is_none() {
            self.select(strategy, pos);
        } else {
            self.cursor = Some(pos);
        }
    }

    /// The selected range in display positions (rows of `order`, columns of [`Col::ALL`]).
    #[must_use]
    pub fn range(
        &self,
        strategy: usize,
        order: &[usize],
    ) -> Option<(RangeInclusive<usize>, RangeInclusive<usize>)> {
        if self.strategy != strategy {
            return None;
        }
        let cursor = self.cursor?;
        let row_of = |pos: CellPos| order.iter().position(|index| *index == pos.indicator);
        let cursor_row = row_of(cursor)?;
        let anchor = self
            .anchor
            .filter(|anchor| row_of(*anchor).is_some())
            .unwrap_or(cursor);
        let anchor_row = row_of(anchor).unwrap_or(cursor_row);
        let (c1, c2) = (cursor.col.position(), anchor.col.position());
        Some((
            cursor_row.min(anchor_row)..=cursor_row.max(anchor_row),
            c1.min(c2)..=c1.max(c2),
        ))
    }

    /// Whether a cell is inside the selected range.
    #[must_use]
    pub fn in_range(&self, strategy: usize, order: &[usize], row: usize, col: Col) -> bool {
        self.range(strategy, order)
            .is_some_and(|(rows, cols)| rows.contains(&row) && cols.contains(&col.position()))
    }

    /// The rejected text of a cell, if any; it follows its indicator when rows move.
    #[must_use]
    pub fn rejected_at(
        &self,
        strategy_index: usize,
        strategy: &Strategy,
        indicator: usize,
        col: Col,
        period: Option<Period>,
    ) -> Option<&Rejected> {
        self.rejected.iter().find(|rejected| {
            rejected.strategy == strategy_index
                && rejected.col == col
                && (rejected.period == period || !is_period_column(col))
                && located(strategy, rejected) == Some(indicator)
        })
    }

    /// Keeps typed text a field could not take.
    pub fn reject(&mut self, rejected: Rejected) {
        self.rejected.retain(|old| {
            !(old.strategy == rejected.strategy
                && old.indicator == rejected.indicator
                && old.col == rejected.col
                && old.period == rejected.period)
        });
        self.rejected.push(rejected);
    }

    /// Forgets the rejected text of a cell (it was replaced or discarded).
    pub fn forget(
        &mut self,
        strategy_index: usize,
        strategy: &Strategy,
        indicator: usize,
        col: Col,
        period: Option<Period>,
    ) {
        self.rejected.retain(|rejected| {
            !(rejected.strategy == strategy_index
                && rejected.col == col
                && (rejected.period == period || !is_period_column(col))
                && located(strategy, rejected) == Some(indicator))
        });
    }

    /// Starts editing a cell with `initial` text (a typed character), or with its own text.
    /// Computed columns are not edited.
    pub fn start_edit(&mut self, shown: &Shown<'_>, pos: CellPos, initial: Option<String>) {
        if shown.field(pos.col).is_none() {
            return;
        }
        let Some(indicator) = shown.strategy.indicators.get(pos.indicator) else {
            return;
        };
        let original = cell_text(indicator, pos.col, shown.period, shown.language);
        let rejected = self
            .rejected_at(
                shown.index,
                shown.strategy,
                pos.indicator,
                pos.col,
                shown.period,
            )
            .map(|rejected| rejected.text.clone());
        self.select(shown.index, pos);
        self.editing = Some(Editing {
            strategy: shown.index,
            pos,
            period: shown.period,
            text: initial.or(rejected).unwrap_or_else(|| original.clone()),
            original,
            focus: true,
            drawn: false,
            waited: 0,
        });
    }

    /// Ends editing and asks for the typed text to be put in the cell, unless it is unchanged.
    pub fn commit(&mut self, language: Language, requests: &mut Vec<Request>) {
        let Some(editing) = self.editing.take() else {
            return;
        };
        let had_rejected = self.rejected.iter().any(|rejected| {
            rejected.strategy == editing.strategy
                && rejected.indicator == editing.pos.indicator
                && rejected.col == editing.pos.col
        });
        if editing.text == editing.original {
            if had_rejected {
                // Back to what the document holds: the rejected text is given up.
                self.rejected.retain(|rejected| {
                    !(rejected.strategy == editing.strategy
                        && rejected.indicator == editing.pos.indicator
                        && rejected.col == editing.pos.col)
                });
            }
            return;
        }
        requests.push(Request::Cells {
            strategy: editing.strategy,
            period: editing.period,
            format: number_format([editing.text.as_str()], language),
            writes: vec![CellWrite {
                indicator: editing.pos.indicator,
                col: editing.pos.col,
                text: editing.text,
            }],
        });
    }

    /// Called before the tables draw.
    pub fn begin_frame(&mut self) {
        if let Some(editing) = &mut self.editing {
            editing.drawn = false;
        }
    }

    /// Called after the tables drew: an editor that was not drawn (its table is no longer
    /// shown, or its row scrolled away) commits what it holds. A new editor may wait a few
    /// frames for its row to scroll into view.
    pub fn end_frame(&mut self, language: Language, requests: &mut Vec<Request>) {
        let Some(editing) = &mut self.editing else {
            return;
        };
        if editing.drawn {
            return;
        }
        if editing.focus && editing.waited < 4 {
            editing.waited += 1;
            return;
        }
        self.commit(language, requests);
    }

    /// Reads the keyboard and the clipboard for the table shown: moves, edits, copies and
    /// pastes. Call it before the table draws, so that keys the editor must not see are taken.
    pub fn keyboard(
        &mut self,
        ctx: &egui::Context,
        shown: &Shown<'_>,
        requests: &mut Vec<Request>,
    ) {
        let focused = ctx.memory(egui::Memory::focused);
        if let Some(editing) = &self.editing
            && editing.strategy == shown.index
        {
            if !editing.focus && focused != Some(editor_id()) {
                // The editor lost the focus (a click elsewhere, a form): what was typed is kept.
                self.commit(shown.language, requests);
                return;
            }
            for (key, modifiers) in take_keys(
                ctx,
                &[
                    Key::Enter,
                    Key::Tab,
                    Key::Escape,
                    Key::ArrowUp,
                    Key::ArrowDown,
                ],
            ) {
                match key {
                    Key::Escape => self.editing = None,
                    Key::Enter => {
                        self.commit(shown.language, requests);
                        self.move_by(shown, 0, if modifiers.shift { -1 } else { 1 }, false);
                    }
                    Key::Tab => {
                        self.commit(shown.language, requests);
                        self.tab(shown, modifiers.shift);
                    }
                    Key::ArrowUp | Key::ArrowDown => {
                        self.commit(shown.language, requests);
                        self.move_by(shown, 0, if key == Key::ArrowUp { -1 } else { 1 }, false);
                    }
                    _ => {}
                }
                ctx.memory_mut(|memory| memory.request_focus(grid_id()));
                if self.editing.is_none() {
                    break;
                }
            }
            return;
        }
        // A question or a form in a modal window has the keyboard, not the table under it.
        let modal = ctx.memory(egui::Memory::top_modal_layer).is_some();
        if modal
            || self.strategy != shown.index
            || self.cursor.is_none()
            || focused != Some(grid_id())
        {
            return;
        }
        ctx.memory_mut(|memory| {
            memory.set_focus_lock_filter(
                grid_id(),
                EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
        let events = ctx.input_mut(|input| {
            let mut taken = Vec::new();
            input.events.retain(|event| {
                let wanted = match event {
                    Event::Copy | Event::Cut | Event::Paste(_) | Event::Text(_) => true,
                    Event::Key {
                        key, pressed: true, ..
                    } => GRID_KEYS.contains(key),
                    _ => false,
                };
                if wanted {
                    taken.push(event.clone());
                }
                !wanted
            });
            taken
        });
        for event in events {
            self.grid_event(ctx, shown, event, requests);
            if self.editing.is_some() {
                break;
            }
        }
    }

    /// One keyboard or clipboard event for the table (no cell being edited).
    fn grid_event(
        &mut self,
        ctx: &egui::Context,
        shown: &Shown<'_>,
        event: Event,
        requests: &mut Vec<Request>,
    ) {
        let Some(cursor) = self.cursor else {
            return;
        };
        match event {
            Event::Copy => ctx.copy_text(self.copy(shown)),
            Event::Cut => {
                ctx.copy_text(self.copy(shown));
                self.clear(shown, requests);
            }
            Event::Paste(text) => self.paste(shown, &text, requests),
            Event::Text(text) if !text.chars().all(char::is_control) => {
                self.start_edit(shown, cursor, Some(text));
            }
            Event::Key { key, modifiers, .. } => {
                // Ctrl+arrow goes to the edge, as in a spreadsheet.
                let jump = if modifiers.command { FAR } else { 1 };
                let page = 10;
                match key {
                    Key::ArrowUp => self.move_by(shown, 0, -jump, modifiers.shift),
                    Key::ArrowDown => self.move_by(shown, 0, jump, modifiers.shift),
                    Key::ArrowLeft => self.move_by(shown, -jump, 0, modifiers.shift),
                    Key::ArrowRight => self.move_by(shown, jump, 0, modifiers.shift),
                    Key::PageUp => self.move_by(shown, 0, -page, modifiers.shift),
                    Key::PageDown => self.move_by(shown, 0, page, modifiers.shift),
                    Key::Home => self.move_by(shown, -FAR, 0, false),
                    Key::End => self.move_by(shown, FAR, 0, false),
                    Key::Tab => self.tab(shown, modifiers.shift),
                    Key::Enter => {
                        if modifiers.alt || modifiers.command {
                            self.start_edit(shown, cursor, None);
                        } else {
                            self.move_by(shown, 0, if modifiers.shift { -1 } else { 1 }, false);
                        }
                    }
                    Key::F2 => self.start_edit(shown, cursor, None),
                    Key::Delete => self.clear(shown, requests),
                    Key::Backspace => self.start_edit(shown, cursor, Some(String::new())),
                    Key::Escape => {
                        self.anchor = Some(cursor);
                        self.forget(
                            shown.index,
                            shown.strategy,
                            cursor.indicator,
                            cursor.col,
                            shown.period,
                        );
                    }
                    _ => {}
                }
                ctx.memory_mut(|memory| memory.move_focus(egui::FocusDirection::None));
            }
            _ => {}
        }
    }

    /// Moves the cursor by columns and rows in display order (extending the range with Shift).
    pub fn move_by(&mut self, shown: &Shown<'_>, columns: isize, rows: isize, extend: bool) {
        let Some(cursor) = self.cursor else {
            return;
        };
        if shown.order.is_empty() {
            return;
        }
        let row = shown
            .order
            .iter()
            .position(|index| *index == cursor.indicator)
            .unwrap_or(0);
        let new_row = step(row, rows, shown.order.len());
        let new_col = step(cursor.col.position(), columns, Col::ALL.len());
        let pos = CellPos {
            indicator: shown.order[new_row],
            col: Col::at(new_col),
        };
        if extend {
            self.cursor = Some(pos);
            self.scroll = true;
        } else {
            self.select(shown.index, pos);
        }
    }

    /// Tab: the next column, or the first of the next row at the end of a row (Shift: back).
    fn tab(&mut self, shown: &Shown<'_>, back: bool) {
        let Some(cursor) = self.cursor else {
            return;
        };
        let position = cursor.col.position();
        match (back, position) {
            (false, p) if p + 1 >= Col::ALL.len() => self.move_by(shown, -FAR, 1, false),
            (true, 0) => self.move_by(shown, FAR, -1, false),
            (false, _) => self.move_by(shown, 1, 0, false),
            (true, _) => self.move_by(shown, -1, 0, false),
        }
    }

    /// The selected range as clipboard text.
    #[must_use]
    pub fn copy(&self, shown: &Shown<'_>) -> String {
        let Some((rows, cols)) = self.range(shown.index, shown.order) else {
            return String::new();
        };
        let table: Vec<Vec<String>> = rows
            .map(|row| {
                let indicator = &shown.strategy.indicators[shown.order[row]];
                cols.clone()
                    .map(|col| cell_text(indicator, Col::at(col), shown.period, shown.language))
                    .collect()
            })
            .collect();
        clipboard::to_tsv(&table)
    }

    /// Clears the editable cells of the selected range (a direction cannot be empty and stays).
    pub fn clear(&mut self, shown: &Shown<'_>, requests: &mut Vec<Request>) {
        let Some((rows, cols)) = self.range(shown.index, shown.order) else {
            return;
        };
        let mut writes = Vec::new();
        for row in rows {
            let indicator = shown.order[row];
            for col in cols.clone().map(Col::at) {
                self.forget(shown.index, shown.strategy, indicator, col, shown.period);
                let editable = shown.field(col).is_some() && col != Col::Direction;
                let has_text =
                    shown.strategy.indicators.get(indicator).is_some_and(|i| {
                        !cell_text(i, col, shown.period, shown.language).is_empty()
                    });
                if editable && has_text {
                    writes.push(CellWrite {
                        indicator,
                        col,
                        text: String::new(),
                    });
                }
            }
        }
        if !writes.is_empty() {
            requests.push(Request::Cells {
                strategy: shown.index,
                period: shown.period,
                writes,
                format: shown.language.number_format(),
            });
        }
    }

    /// Pastes clipboard text at the selection: a range from its top-left cell, one value into
    /// every selected cell. Computed columns and cells beyond the table are skipped, and said.
    pub fn paste(&mut self, shown: &Shown<'_>, text: &str, requests: &mut Vec<Request>) {
        let table = clipboard::parse_tsv(text);
        let Some((rows, cols)) = self.range(shown.index, shown.order) else {
            return;
        };
        if table.is_empty() {
            return;
        }
        let single = table.len() == 1 && table[0].len() == 1;
        let (top, left) = (*rows.start(), *cols.start());
        let mut writes = Vec::new();
        let mut skipped = 0;
        let mut place = |row: usize, col: usize, text: &str| {
            let (Some(indicator), true) = (shown.order.get(row), col < Col::ALL.len()) else {
                skipped += 1;
                return;
            };
            let col = Col::at(col);
            if shown.field(col).is_none() {
                skipped += 1;
                return;
            }
            writes.push(CellWrite {
                indicator: *indicator,
                col,
                text: text.to_owned(),
            });
        };
        let (bottom, right) = if single && (rows.clone().count() > 1 || cols.clone().count() > 1) {
            for row in rows.clone() {
                for col in cols.clone() {
                    place(row, col, &table[0][0]);
                }
            }
            (*rows.end(), *cols.end())
        } else {
            let width = table.iter().map(Vec::len).max().unwrap_or(1);
            for (r, cells) in table.iter().enumerate() {
                for (c, cell) in cells.iter().enumerate() {
                    place(top + r, left + c, cell);
                }
            }
            (
                (top + table.len() - 1).min(shown.order.len().saturating_sub(1)),
                (left + width - 1).min(Col::ALL.len() - 1),
            )
        };
        if let (Some(first), Some(last)) = (shown.order.get(top), shown.order.get(bottom)) {
            self.anchor = Some(CellPos {
                indicator: *first,
                col: Col::at(left),
            });
            self.cursor = Some(CellPos {
                indicator: *last,
                col: Col::at(right),
            });
        }
        let texts = i18n::texts(shown.language);
        if skipped > 0 {
            requests.push(Request::Notice(
                texts
                    .edit
                    .paste_skipped
                    .replace("{n}", &skipped.to_string()),
            ));
        }
        if writes.is_empty() {
            return;
        }
        let format = number_format(
            writes.iter().map(|write| write.text.as_str()),
            shown.language,
        );
        requests.push(Request::Cells {
            strategy: shown.index,
            period: shown.period,
            writes,
            format,
        });
    }
}

/// A move as far as the table goes (Ctrl+arrow, Home, End).
const FAR: isize = isize::MAX;

/// `position` moved by `by`, kept inside `0..len` (`len` > 0).
fn step(position: usize, by: isize, len: usize) -> usize {
    let moved = if by < 0 {
        position.saturating_sub(by.unsigned_abs())
    } else {
        position.saturating_add(by.unsigned_abs())
    };
    moved.min(len.saturating_sub(1))
}

/// Keys the table takes while it has the focus.
const GRID_KEYS: [Key; 14] = [
    Key::ArrowUp,
    Key::ArrowDown,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Tab,
    Key::Enter,
    Key::F2,
    Key::Delete,
    Key::Backspace,
    Key::Escape,
];

/// Takes the presses of `keys` out of this frame's input, with their modifiers.
fn take_keys(ctx: &egui::Context, keys: &[Key]) -> Vec<(Key, Modifiers)> {
    ctx.input_mut(|input| {
        let mut taken = Vec::new();
        input.events.retain(|event| match event {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if keys.contains(key) => {
                taken.push((*key, *modifiers));
                false
            }
            _ => true,
        });
        taken
    })
}

/// Whether a column belongs to the period shown.
fn is_period_column(col: Col) -> bool {
    matches!(col, Col::Target | Col::Actual | Col::Assessment)
}

/// Where a rejected text's indicator is now: at its index if the indicator there is the same,
/// else wherever an indicator with its code and name is.
fn located(strategy: &Strategy, rejected: &Rejected) -> Option<usize> {
    let same = |indicator: &Indicator| {
        indicator.code == rejected.identity.0 && indicator.name == rejected.identity.1
    };
    if strategy
        .indicators
        .get(rejected.indicator)
        .is_some_and(same)
    {
        return Some(rejected.indicator);
    }
    strategy.indicators.iter().position(same)
}

/// How numbers in typed or pasted text are written: as the text shows where it decides ("19,7"
/// has a decimal comma, "52.4" a decimal point), else as the interface language writes them.
#[must_use]
pub fn number_format<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    language: Language,
) -> NumberFormat {
    let mut vote = FormatVote::default();
    for text in texts {
        vote.add(text);
    }
    vote.decided().unwrap_or_else(|| language.number_format())
}

/// A cell's text as the editor starts with it and as it is copied: values as written (number
/// cells in the language's format), directions as a word, computed columns as shown.
#[must_use]
pub fn cell_text(
    indicator: &Indicator,
    col: Col,
    period: Option<Period>,
    language: Language,
) -> String {
    let value = period.and_then(|period| indicator.value(period));
    match col {
        Col::Direction => i18n::direction_word(language, indicator.direction).to_owned(),
        Col::Baseline => indicator
            .baseline
            .as_ref()
            .map(|baseline| {
                let number = language.number(baseline.value, 6);
                match baseline.year {
                    Some(year) => format!("{number} ({year})"),
                    None => number,
                }
            })
            .unwrap_or_default(),
        Col::Target => value
            .map(|value| match (&value.target, value.unread_target()) {
                (Some(target), _) if target.comparator.is_none() => {
                    i18n::as_written(language, &target.text, target.value)
                }
                (Some(target), _) => target.text.to_string(),
                (None, Some(unread)) => unread.to_owned(),
                (None, None) => String::new(),
            })
            .unwrap_or_default(),
        Col::Actual => value
            .map(|value| match (&value.actual, value.unread_actual()) {
                (Some(actual), _) => match actual.measure {
                    Measure::Number(number) => i18n::as_written(language, &actual.text, number),
                    Measure::Ratio { .. } => actual.text.to_string(),
                },
                (None, Some(unread)) => unread.to_owned(),
                (None, None) => String::new(),
            })
            .unwrap_or_default(),
        Col::Achievement => period
            .and_then(|period| evaluate(indicator, period).achievement)
            .map(|achievement| i18n::achievement(language, achievement))
            .unwrap_or_default(),
        Col::Status => match (period, value) {
            (Some(period), Some(_)) => language
                .status(evaluate(indicator, period).status)
                .to_owned(),
            _ => String::new(),
        },
        other => other
            .field(period)
            .map(|field| field.text(indicator))
            .unwrap_or_default(),
    }
}

/// The edits that put `write` in its cell: a baseline written "97,5 (2015)" sets its value and
/// year; a direction may start with its arrow.
#[must_use]
pub fn edits_for(
    strategy: usize,
    write: &CellWrite,
    period: Option<Period>,
    format: NumberFormat,
) -> Vec<Edit> {
    let Some(field) = write.col.field(period) else {
        return Vec::new();
    };
    let set = |field: Field, text: &str| Edit::SetField {
        strategy,
        indicator: write.indicator,
        field,
        text: text.trim().to_owned(),
        format,
    };
    let text = write.text.trim();
    match write.col {
        Col::Baseline => match split_baseline(text) {
            Some((value, year)) => {
                vec![set(Field::Baseline, value), set(Field::BaselineYear, year)]
            }
            None => vec![set(Field::Baseline, text)],
        },
        Col::Direction => vec![set(
            Field::Direction,
            text.trim_start_matches(['↑', '↓', '↔', ' ']),
        )],
        _ => vec![set(field, text)],
    }
}

/// "97,5 (2015)" → ("97,5", "2015"); `None` without a year in parentheses at the end.
fn split_baseline(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let (value, year) = inner.rsplit_once('(')?;
    Some((value.trim(), year.trim()))
}

/// Why typed text was not taken, in the interface language.
#[must_use]
pub fn reason(language: Language, col: Col, text: &str, error: &EditError) -> String {
    let texts = &i18n::texts(language).edit;
    let template = match col {
        Col::Direction => texts.not_a_direction,
        Col::Baseline if text.trim_end().ends_with(')') => texts.not_a_baseline_year,
        Col::Baseline => texts.not_a_number,
        _ => return error.0.clone(),
    };
    template.replace("{text}", text.trim())
}

/// What the app reads in text typed for a cell, as a short phrase ("≥ 95", "76/145 = 52,41 %",
/// "giảm là tốt"), and whether it can be read; `None` for columns of free text.
#[must_use]
pub fn reading(
    indicator: &Indicator,
    col: Col,
    text: &str,
    language: Language,
) -> Option<(String, bool)> {
    let texts = i18n::texts(language);
    let text = text.trim();
    if text.is_empty() {
        return matches!(col, Col::Target | Col::Actual | Col::Baseline)
            .then(|| (texts.edit.empty.to_owned(), true));
    }
    let format = number_format([text], language);
    let unreadable = |template: &str| (template.replace("{text}", text), false);
    match col {
        Col::Target => Some(match parse_target(text, format) {
            Some(parsed) => {
                let target = crate::model::Target {
                    value: parsed.value,
                    comparator: parsed.comparator,
                    text: text.to_owned().into(),
                    origin: None,
                };
                let applied = target.effective_comparator(indicator.direction);
                let shown = crate::model::Target {
                    comparator: Some(applied),
                    ..target
                };
                (language.target(&shown), true)
            }
            None => unreadable(texts.edit.not_a_target),
        }),
        Col::Actual => Some(match parse_measure(text, format) {
            Some(Measure::Number(number)) => (
                i18n::value_with_unit(language, number, &indicator.unit),
                true,
            ),
            Some(Measure::Ratio {
                numerator,
                denominator,
            }) if denominator != 0.0 => {
                let value = numerator / denominator * indicator.unit.ratio_factor();
                (
                    format!(
                        "{text} = {}",
                        i18n::value_with_unit(language, value, &indicator.unit)
                    ),
                    true,
                )
            }
            Some(Measure::Ratio { .. }) => (texts.edit.zero_ratio.to_owned(), true),
            None => unreadable(texts.edit.not_an_actual),
        }),
        Col::Baseline => {
            let value = split_baseline(text).map_or(text, |(value, _)| value);
            Some(match parse_number(value, format) {
                Some(number) => (language.number(number.value, 6), true),
                None => unreadable(texts.edit.not_a_number),
            })
        }
        Col::Direction => Some(
            match Direction::parse(text.trim_start_matches(['↑', '↓', '↔', ' '])) {
                Some(direction) => (i18n::direction(language, direction).to_owned(), true),
                None => unreadable(texts.edit.not_a_direction),
            },
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Unit};

    fn strategy() -> Strategy {
        let indicator = |code: &str, goal: &str, actual: &str| {
            let mut indicator = Indicator {
                code: code.into(),
                name: format!("Chỉ tiêu {code}"),
                goal: Some(goal.into()),
                unit: Unit::parse("%"),
                ..Indicator::default()
            };
            let mut document = crate::model::Document {
                strategies: vec![Strategy {
                    indicators: vec![indicator.clone()],
                    ..Strategy::default()
                }],
                ..crate::model::Document::default()
            };
            for (field, text) in [(Field::Target(2020), "90"), (Field::Actual(2020), actual)] {
                Edit::SetField {
                    strategy: 0,
                    indicator: 0,
                    field,
                    text: text.into(),
                    format: NumberFormat::DecimalComma,
                }
                .try_apply(&mut document)
                .unwrap();
            }
            indicator = document.strategies[0].indicators[0].clone();
            indicator
        };
        Strategy {
            goals: vec![
                Goal {
                    code: "I".into(),
                    name: "One".into(),
                },
                Goal {
                    code: "II".into(),
                    name: "Two".into(),
                },
                Goal {
                    code: "III".into(),
                    name: "Empty".into(),
                },
            ],
            indicators: vec![
                indicator("10", "I", "95"),
                indicator("2", "I", "80"),
                indicator("3", "II", ""),
            ],
            ..Strategy::default()
        }
    }

    #[test]
    fn goals_head_their_indicators_in_file_order() {
        assert_eq!(
            lines(&strategy(), Some(2020), &View::default()),
            [
                Line::Goal(0),
                Line::Indicator(0),
                Line::Indicator(1),
                Line::Goal(1),
                Line::Indicator(2),
            ]
        );
    }

    #[test]
    fn sort_filter_and_search_give_a_flat_list() {
        let strategy = strategy();
        let mut view = View::default();
        view.click_sort(SortKey::Code);
        let order = |view: &View| lines(&strategy, Some(2020), view);
        assert_eq!(
            order(&view),
            [Line::Indicator(1), Line::Indicator(2), Line::Indicator(0)]
        );
        view.click_sort(SortKey::Code);
        assert_eq!(
            order(&view),
            [Line::Indicator(0), Line::Indicator(2), Line::Indicator(1)]
        );
        view.click_sort(SortKey::Status);
        assert_eq!(
            order(&view),
            [Line::Indicator(1), Line::Indicator(2), Line::Indicator(0)],
            "not met, no data, exceeded"
        );
        view.click_sort(SortKey::Achievement);
        assert_eq!(
            order(&view),
            [Line::Indicator(1), Line::Indicator(0), Line::Indicator(2)],
            "88.9 %, 105.6 %, none last"
        );
        view.sort = None;
        view.toggle_status(Status::Exceeded);
        assert_eq!(order(&view), [Line::Indicator(1), Line::Indicator(2)]);
        view.toggle_status(Status::Exceeded);
        view.search = "chi tieu 3".into();
        assert_eq!(order(&view), [Line::Indicator(2)]);
        view.search.clear();
        assert!(!view.is_flat());
    }

    #[test]
    fn codes_sort_with_numbers_in_order() {
        assert_eq!(natural("2", "10"), Ordering::Less);
        assert_eq!(natural("MT1.10", "MT1.2"), Ordering::Greater);
        assert_eq!(natural("mt2", "MT10"), Ordering::Less);
        assert_eq!(natural("4a", "4"), Ordering::Greater);
    }

    #[test]
    fn baselines_and_directions_split_as_typed() {
        let write = |col: Col, text: &str| CellWrite {
            indicator: 0,
            col,
            text: text.into(),
        };
        let edits = edits_for(
            0,
            &write(Col::Baseline, " 97,5 (2015) "),
            Some(2020),
            NumberFormat::DecimalComma,
        );
        let texts: Vec<(Field, String)> = edits
            .into_iter()
            .filter_map(|edit| match edit {
                Edit::SetField { field, text, .. } => Some((field, text)),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                (Field::Baseline, "97,5".to_owned()),
                (Field::BaselineYear, "2015".to_owned())
            ]
        );
        let direction = edits_for(
            0,
            &write(Col::Direction, "↓ giảm"),
            None,
            NumberFormat::DecimalComma,
        );
        assert!(matches!(&direction[0], Edit::SetField { text, .. } if text == "giảm"));
        assert!(
            edits_for(
                0,
                &write(Col::Status, "Đạt"),
                Some(2020),
                NumberFormat::DecimalComma
            )
            .is_empty()
        );
        assert!(
            edits_for(
                0,
                &write(Col::Actual, "95"),
                None,
                NumberFormat::DecimalComma
            )
            .is_empty()
        );
    }

    #[test]
    fn typed_numbers_decide_their_format_where_they_can() {
        assert_eq!(
            number_format(["19,7"], Language::En),
            NumberFormat::DecimalComma
        );
        assert_eq!(
            number_format(["52.4"], Language::Vi),
            NumberFormat::DecimalPoint
        );
        assert_eq!(
            number_format(["96,245"], Language::Vi),
            NumberFormat::DecimalComma
        );
        assert_eq!(
            number_format(["96,245"], Language::En),
            NumberFormat::DecimalPoint
        );
    }

    #[test]
    fn cells_read_as_written_and_in_the_language() {
        let strategy = strategy();
        let indicator = &strategy.indicators[0];
        assert_eq!(
            cell_text(indicator, Col::Actual, Some(2020), Language::Vi),
            "95"
        );
        assert_eq!(
            cell_text(indicator, Col::Direction, None, Language::Vi),
            "tăng"
        );
        assert_eq!(
            cell_text(indicator, Col::Status, Some(2020), Language::En),
            "Exceeded"
        );
        assert_eq!(cell_text(indicator, Col::Target, None, Language::En), "");
        let (read, ok) = reading(indicator, Col::Target, "dưới 10", Language::Vi).unwrap();
        assert_eq!((read.as_str(), ok), ("< 10", true));
        let (read, ok) = reading(indicator, Col::Actual, "76/145", Language::Vi).unwrap();
        assert_eq!((read.as_str(), ok), ("76/145 = 52,41 %", true));
        let (read, ok) = reading(indicator, Col::Actual, "khoảng một nửa", Language::En).unwrap();
        assert!(!ok && read.contains("khoảng một nửa"), "{read}");
        assert!(reading(indicator, Col::Name, "x", Language::Vi).is_none());
    }

    /// The strategy's first table in Vietnamese for 2020, rows in `order`, values editable.
    fn shown<'a>(strategy: &'a Strategy, order: &'a [usize]) -> Shown<'a> {
        Shown {
            index: 0,
            strategy,
            order,
            period: Some(2020),
            language: Language::Vi,
            read_only_values: false,
        }
    }

    #[test]
    fn selection_moves_and_copies_a_range() {
        let strategy = strategy();
        let order = [0, 1, 2];
        let shown = shown(&strategy, &order);
        let mut grid = Grid::default();
        grid.select(
            0,
            CellPos {
                indicator: 0,
                col: Col::Target,
            },
        );
        grid.move_by(&shown, 1, 1, true);
        assert_eq!(grid.range(0, &order), Some((0..=1, 5..=6)));
        assert_eq!(grid.copy(&shown), "90\t95\r\n90\t80\r\n");
        grid.move_by(&shown, 0, 10, false);
        assert_eq!(
            grid.cursor,
            Some(CellPos {
                indicator: 2,
                col: Col::Actual
            })
        );
        grid.tab(&shown, false);
        assert_eq!(grid.cursor.map(|c| c.col), Some(Col::Achievement));
    }

    #[test]
    fn a_paste_fills_from_the_cursor_and_skips_computed_columns() {
        let strategy = strategy();
        let order = [0, 1, 2];
        let shown = shown(&strategy, &order);
        let mut grid = Grid::default();
        grid.select(
            0,
            CellPos {
                indicator: 1,
                col: Col::Actual,
            },
        );
        let mut requests = Vec::new();
        grid.paste(&shown, "81\tx\n82\ty\n83\tz\n", &mut requests);
        let [Request::Notice(notice), Request::Cells { writes, .. }] = requests.as_slice() else {
            panic!("{requests:?}");
        };
        assert!(notice.contains('4'), "{notice}");
        let cells: Vec<(usize, Col, &str)> = writes
            .iter()
            .map(|write| (write.indicator, write.col, write.text.as_str()))
            .collect();
        assert_eq!(cells, [(1, Col::Actual, "81"), (2, Col::Actual, "82")]);
        assert_eq!(grid.range(0, &order), Some((1..=2, 6..=7)));
    }
}
