//! Reading the data files users edit (`gazetteers/*.csv`): a header row,
//! `#` comment lines, rows that may leave trailing cells out, and errors
//! that name the file and line.

use std::path::Path;

use crate::error::{Error, Result};

/// The rows of a data file's text after its header, with their line
/// numbers, comment lines left out.
///
/// # Errors
/// Malformed CSV, as `file:line: problem`.
pub(crate) fn csv_rows(path: &Path, text: &str) -> Result<Vec<(u64, csv::StringRecord)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::Gazetteer {
            path: path.to_path_buf(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record
            .get(0)
            .is_some_and(|f| f.trim_start().starts_with('#'))
        {
            continue;
        }
        rows.push((line, record));
    }
    Ok(rows)
}
