//! Crash recovery: the open document is journaled to a recovery file after every change, so a
//! crash, a killed process or a power cut loses nothing; on the next start the app offers to
//! restore it. The file is removed when the user saves or closes cleanly.
//!
//! The journal is the whole document as JSON (`serde`), written atomically (a temporary file
//! beside it, then a rename), so a crash while writing leaves the previous journal intact.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Document;

/// What a journal holds: the document and the file it was saved to, if any.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The document as it was at the last change.
    pub document: Document,
    /// The workbook the document was last saved to or opened from, if any.
    pub saved_path: Option<PathBuf>,
    /// When the snapshot was written, ISO 8601 in UTC.
    pub written: String,
}

/// Why the journal could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecoveryError {
    /// The file system refused.
    #[error("recovery file {path}: {source}")]
    Io {
        /// The journal's path.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The journal is not valid JSON of a document (written by another version, or damaged).
    #[error("recovery file {path} cannot be read: {source}")]
    Json {
        /// The journal's path.
        path: PathBuf,
        /// The parser's reason.
        source: serde_json::Error,
    },
}

/// A recovery journal at a fixed path.
#[derive(Clone, Debug)]
pub struct Journal {
    path: PathBuf,
}

impl Journal {
    /// A journal at `path` (the folder is created when first written).
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    /// The journal in the platform's data folder: `%APPDATA%\chitieu\data\recovery.json` on
    /// Windows, `$XDG_DATA_HOME/chitieu/recovery.json` (usually `~/.local/share/chitieu`) on
    /// Linux. `None` when the platform names no home folder.
    #[must_use]
    pub fn in_data_dir() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "chitieu")?;
        Some(Self::new(dirs.data_dir().join("recovery.json")))
    }

    /// The journal's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes a snapshot atomically.
    pub fn write(
        &self,
        document: &Document,
        saved_path: Option<&Path>,
    ) -> Result<(), RecoveryError> {
        let snapshot = SnapshotRef {
            document,
            saved_path,
            written: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        };
        let io = |source| RecoveryError::Io {
            path: self.path.clone(),
            source,
        };
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        let json = serde_json::to_vec(&snapshot).map_err(|source| RecoveryError::Json {
            path: self.path.clone(),
            source,
        })?;
        let temporary = self.path.with_extension("json.writing");
        let result = (|| {
            use std::io::Write as _;
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(&json)?;
            file.sync_all()?;
            drop(file);
            std::fs::rename(&temporary, &self.path)
        })();
        if let Err(error) = result {
            let _ = std::fs::remove_file(&temporary);
            return Err(io(error));
        }
        Ok(())
    }

    /// Reads the snapshot left by a session that did not end cleanly; `Ok(None)` when there is
    /// none.
    pub fn read(&self) -> Result<Option<Snapshot>, RecoveryError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(RecoveryError::Io {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| RecoveryError::Json {
                path: self.path.clone(),
                source,
            })
    }

    /// Removes the journal (after a save, a clean close, or when the user declines to restore).
    pub fn clear(&self) -> Result<(), RecoveryError> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(RecoveryError::Io {
                path: self.path.clone(),
                source,
            }),
        }
    }
}

/// [`Snapshot`] by reference, so writing does not clone the document.
#[derive(Serialize)]
struct SnapshotRef<'a> {
    document: &'a Document,
    saved_path: Option<&'a Path>,
    written: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Strategy;

    #[test]
    fn write_read_clear() {
        let folder = std::env::temp_dir().join(format!("chitieu-journal-{}", std::process::id()));
        let journal = Journal::new(folder.join("nested").join("recovery.json"));
        assert_eq!(journal.read().unwrap(), None);
        let document = Document {
            strategies: vec![Strategy {
                code: "BVCSTE".into(),
                name: "Đề án".into(),
                ..Strategy::default()
            }],
            ..Document::default()
        };
        journal.write(&document, Some(Path::new("a.xlsx"))).unwrap();
        let snapshot = journal.read().unwrap().unwrap();
        assert_eq!(snapshot.document, document);
        assert_eq!(snapshot.saved_path.as_deref(), Some(Path::new("a.xlsx")));
        journal.clear().unwrap();
        assert_eq!(journal.read().unwrap(), None);
        std::fs::write(journal.path(), b"{ not json").unwrap();
        assert!(matches!(journal.read(), Err(RecoveryError::Json { .. })));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
