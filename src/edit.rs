//! The one place where the [`Document`] changes: every change is an [`Edit`], applied by
//! [`History::apply`], which records its inverse so it can be undone and redone.

use crate::model::{Document, Strategy, Warning};

/// A change to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Opens strategies (from a file) at the end of the list, with the file's warnings.
    AddStrategies {
        /// The strategies, in file order.
        strategies: Vec<Strategy>,
        /// What the reader noticed.
        warnings: Vec<Warning>,
    },
    /// Closes the strategy at `index`, with the warnings of its file.
    RemoveStrategy {
        /// Position in [`Document::strategies`].
        index: usize,
    },
    /// Puts a strategy back at `index` (the inverse of [`Edit::RemoveStrategy`]).
    InsertStrategy {
        /// Position in [`Document::strategies`].
        index: usize,
        /// The strategy.
        strategy: Box<Strategy>,
        /// The warnings that belonged to its file.
        warnings: Vec<Warning>,
    },
    /// Removes the last `count` strategies and `warnings` warnings (the inverse of
    /// [`Edit::AddStrategies`]).
    Truncate {
        /// How many strategies to remove from the end.
        count: usize,
        /// How many warnings to remove from the end.
        warnings: usize,
    },
}

impl Edit {
    /// Applies the edit and returns its inverse, or `None` when it does not apply (an index out
    /// of range), leaving the document unchanged.
    pub fn apply(self, document: &mut Document) -> Option<Edit> {
        match self {
            Edit::AddStrategies {
                strategies,
                warnings,
            } => {
                let inverse = Edit::Truncate {
                    count: strategies.len(),
                    warnings: warnings.len(),
                };
                document.strategies.extend(strategies);
                document.warnings.extend(warnings);
                Some(inverse)
            }
            Edit::Truncate { count, warnings } => {
                let keep = document.strategies.len().checked_sub(count)?;
                let keep_warnings = document.warnings.len().checked_sub(warnings)?;
                let strategies = document.strategies.split_off(keep);
                let warnings = document.warnings.split_off(keep_warnings);
                Some(Edit::AddStrategies {
                    strategies,
                    warnings,
                })
            }
            Edit::RemoveStrategy { index } => {
                if index >= document.strategies.len() {
                    return None;
                }
                let strategy = document.strategies.remove(index);
                let (warnings, kept): (Vec<Warning>, Vec<Warning>) =
                    std::mem::take(&mut document.warnings)
                        .into_iter()
                        .partition(|warning| {
                            warning.at.file == strategy.source_file
                                && !document
                                    .strategies
                                    .iter()
                                    .any(|other| other.source_file == strategy.source_file)
                        });
                document.warnings = kept;
                Some(Edit::InsertStrategy {
                    index,
                    strategy: Box::new(strategy),
                    warnings,
                })
            }
            Edit::InsertStrategy {
                index,
                strategy,
                warnings,
            } => {
                if index > document.strategies.len() {
                    return None;
                }
                document.strategies.insert(index, *strategy);
                document.warnings.extend(warnings);
                Some(Edit::RemoveStrategy { index })
            }
        }
    }
}

/// Undo and redo stacks over a document. History lives for the session and is never saved.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// Applies `edit` to `document`, records its inverse and clears the redo stack. Returns
    /// whether the edit applied.
    pub fn apply(&mut self, document: &mut Document, edit: Edit) -> bool {
        match edit.apply(document) {
            Some(inverse) => {
                self.undo.push(inverse);
                self.redo.clear();
                true
            }
            None => false,
        }
    }

    /// Undoes the last edit. Returns whether there was one.
    pub fn undo(&mut self, document: &mut Document) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        match edit.apply(document) {
            Some(inverse) => {
                self.redo.push(inverse);
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit. Returns whether there was one.
    pub fn redo(&mut self, document: &mut Document) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        match edit.apply(document) {
            Some(inverse) => {
                self.undo.push(inverse);
                true
            }
            None => false,
        }
    }

    /// Whether there is an edit to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an edit to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellRef;

    fn strategy(code: &str, file: &str) -> Strategy {
        Strategy {
            code: code.into(),
            source_file: file.into(),
            ..Strategy::default()
        }
    }

    #[test]
    fn open_and_close_undo_redo() {
        let mut document = Document::default();
        let mut history = History::default();
        let warning = Warning {
            at: CellRef {
                file: "a.csv".into(),
                ..CellRef::default()
            },
            message: "x".into(),
        };
        assert!(history.apply(
            &mut document,
            Edit::AddStrategies {
                strategies: vec![strategy("A", "a.csv"), strategy("B", "b.csv")],
                warnings: vec![warning],
            }
        ));
        let opened = document.clone();
        assert!(history.apply(&mut document, Edit::RemoveStrategy { index: 0 }));
        assert_eq!(document.strategies.len(), 1);
        assert!(document.warnings.is_empty());
        assert!(history.undo(&mut document));
        assert_eq!(document.strategies, opened.strategies);
        assert_eq!(document.warnings, opened.warnings);
        assert!(history.undo(&mut document));
        assert_eq!(document, Document::default());
        assert!(history.redo(&mut document));
        assert_eq!(document, opened);
        assert!(!history.apply(&mut document, Edit::RemoveStrategy { index: 9 }));
    }
}
