//! Writing CSV files that open cleanly in a spreadsheet.
//!
//! Each file is written under a temporary name in the output folder and
//! renamed when complete, so a crash never leaves half a CSV behind. Files
//! start with a UTF-8 byte-order mark by default (Excel needs it to read
//! UTF-8), and cells a spreadsheet would run as a formula are neutralised.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A CSV file being written; it appears under its name on [`finish`].
///
/// [`finish`]: CsvSink::finish
pub struct CsvSink {
    path: PathBuf,
    temp: PathBuf,
    file: BufWriter<File>,
    scratch: RowBuffer,
}

impl CsvSink {
    /// Starts `dir/name` with the given header row.
    ///
    /// # Errors
    /// When the temporary file cannot be created or written.
    pub fn create(dir: &Path, name: &str, header: &[&str], bom: bool) -> Result<CsvSink> {
        let path = dir.join(name);
        let temp = dir.join(format!(".{name}.tmp"));
        let file = File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        let mut file = BufWriter::with_capacity(1 << 16, file);
        if bom {
            file.write_all("\u{feff}".as_bytes())
                .map_err(|e| Error::io(&temp, e))?;
        }
        let mut sink = CsvSink {
            path,
            temp,
            file,
            scratch: RowBuffer::default(),
        };
        sink.row(header.iter().copied())?;
        Ok(sink)
    }

    /// Writes one row, neutralising formula-like cells.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn row<I, S>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<S> = cells.into_iter().collect();
        let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
        self.scratch.row(&cells);
        let bytes = self.scratch.take();
        self.raw(&bytes)
    }

    /// Appends rows already formatted by a [`RowBuffer`].
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.file
            .write_all(bytes)
            .map_err(|e| Error::io(&self.temp, e))
    }

    /// Flushes the file and renames it into place.
    ///
    /// # Errors
    /// When flushing or renaming fails.
    pub fn finish(self) -> Result<()> {
        let CsvSink {
            path, temp, file, ..
        } = self;
        let file = file
            .into_inner()
            .map_err(|e| Error::io(&temp, std::io::Error::other(e.to_string())))?;
        file.sync_all().map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, e))
    }
}

/// CSV rows formatted in memory, to be appended to a [`CsvSink`] later: lets
/// parallel workers do the formatting.
#[derive(Debug)]
pub struct RowBuffer {
    writer: csv::Writer<Vec<u8>>,
}

impl Default for RowBuffer {
    fn default() -> RowBuffer {
        RowBuffer {
            writer: csv::WriterBuilder::new()
                .buffer_capacity(1024)
                .from_writer(Vec::new()),
        }
    }
}

impl RowBuffer {
    /// Adds one row, neutralising formula-like cells.
    pub fn row(&mut self, cells: &[&str]) {
        let cells: Vec<std::borrow::Cow<str>> = cells.iter().map(|c| neutralised(c)).collect();
        // Writing into a Vec<u8> cannot fail.
        let _ = self.writer.write_record(cells.iter().map(|c| c.as_bytes()));
    }

    /// Takes the formatted rows, leaving the buffer empty.
    pub fn take(&mut self) -> Vec<u8> {
        let writer = std::mem::take(self).writer;
        writer.into_inner().unwrap_or_default()
    }
}

/// [`neutralise`] without allocating for the common, harmless cell.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{cell}")),
        _ => std::borrow::Cow::Borrowed(cell),
    }
}

/// Prefixes a cell that a spreadsheet would evaluate (`=`, `+`, `-`, `@`,
/// tab, carriage return) with an apostrophe, the OWASP-recommended defence
/// against CSV injection. Other cells are unchanged.
pub fn neutralise(cell: &str) -> String {
    neutralised(cell).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Kim Jong Un", "Kim Jong Un"),
            ("2024-06-19", "2024-06-19"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), expected);
        }
    }

    #[test]
    fn file_appears_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let mut sink = CsvSink::create(dir.path(), "t.csv", &["a", "b"], true).unwrap();
        sink.row(["1", "x,y"]).unwrap();
        assert!(!dir.path().join("t.csv").exists());
        sink.finish().unwrap();
        let text = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
        assert_eq!(text, "\u{feff}a,b\n1,\"x,y\"\n");
        assert!(!dir.path().join(".t.csv.tmp").exists());
    }
}
