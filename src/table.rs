//! Reading back the CSV files eventline writes (and hand-made ones in the
//! same shape): the byte-order mark skipped, columns found by name, a
//! missing column reported with the file.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A CSV file opened for reading, with its header.
pub struct Table {
    path: PathBuf,
    headers: csv::StringRecord,
    reader: csv::Reader<std::io::Cursor<String>>,
}

impl Table {
    /// Opens `path`. `flexible`: rows may be shorter than the header
    /// (hand-written files leave trailing empty cells out).
    ///
    /// # Errors
    /// A file that cannot be read or has no header row.
    pub fn open(path: &Path, flexible: bool) -> Result<Table> {
        let mut text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(flexible)
            .from_reader(std::io::Cursor::new(text));
        let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
        Ok(Table {
            path: path.to_path_buf(),
            headers,
            reader,
        })
    }

    /// The column named `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// The column named `name`.
    ///
    /// # Errors
    /// `file:1: missing column "name"`, with what the file was expected to
    /// be (`what`, e.g. "an events.csv").
    pub fn column(&self, name: &str, what: &str) -> Result<usize> {
        self.find(name).ok_or_else(|| Error::Gazetteer {
            path: self.path.clone(),
            line: 1,
            message: format!("missing column {name:?}: not {what}"),
        })
    }

    /// The data rows, each with its line number.
    pub fn rows(&mut self) -> impl Iterator<Item = Result<(u64, csv::StringRecord)>> + '_ {
        let path = self.path.clone();
        self.reader.records().map(move |record| {
            let record = record.map_err(|e| csv_error(&path, e))?;
            let line = record.position().map_or(0, |p| p.line());
            Ok((line, record))
        })
    }
}

fn csv_error(path: &Path, error: csv::Error) -> Error {
    Error::Csv {
        path: path.into(),
        error,
    }
}
