//! Writing CSV files that open cleanly in a spreadsheet, as one set.
//!
//! A run writes its files into a private folder inside the output folder
//! ([`OutputSet`]) and moves them into place only when every one is complete
//! and on disk; `run.json`, written last, lists each file's rows and SHA-256,
//! so a reader can tell a complete set from a mixed one. A crash, a full disk
//! or a signal never leaves half a CSV behind, and a lock keeps two runs from
//! writing to one folder. Files start with a UTF-8 byte-order mark by default
//! (Excel needs it to read UTF-8), and cells a spreadsheet would run as a
//! formula are neutralised.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// What `run.json` says of one file of the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// File name within the output folder.
    pub name: String,
    /// Data rows (the header not counted).
    pub rows: usize,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// Prefix of the private folders runs write into.
const STAGING_PREFIX: &str = ".eventline-tmp-";
/// The lock file of an output folder.
const LOCK_FILE: &str = ".eventline.lock";

/// The private folder of a running write, removed on a signal.
static STAGING: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Removes the staging folder of the running write, if any: called on
/// SIGINT or SIGTERM before the process exits.
pub fn remove_staging_on_signal() {
    if let Ok(mut staging) = STAGING.lock() {
        if let Some(dir) = staging.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The files of one run, written into a private folder and moved into the
/// output folder together by [`OutputSet::commit`]. Dropped uncommitted
/// (an error, a panic), it removes its folder and the output folder keeps
/// the previous set.
pub struct OutputSet {
    out: PathBuf,
    staging: PathBuf,
    // Held for the life of the set: the OS releases it if the process dies.
    _lock: File,
    committed: bool,
}

impl OutputSet {
    /// Locks `out` (created when missing) for this run, removes what killed
    /// runs left there, and starts a private folder.
    ///
    /// # Errors
    /// When `out` cannot be created or another run is writing to it.
    pub fn begin(out: &Path) -> Result<OutputSet> {
        std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        let lock_path = out.join(LOCK_FILE);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io(&lock_path, e))?;
        if lock.try_lock().is_err() {
            return Err(Error::Usage(format!(
                "another eventline run is writing to {} (it holds {}); wait for it or choose another --out",
                out.display(),
                lock_path.display()
            )));
        }
        // With the lock held, any staging folder is a killed run's.
        if let Ok(entries) = std::fs::read_dir(out) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                if name.to_string_lossy().starts_with(STAGING_PREFIX) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let staging = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        if let Ok(mut current) = STAGING.lock() {
            *current = Some(staging.clone());
        }
        Ok(OutputSet {
            out: out.to_path_buf(),
            staging,
            _lock: lock,
            committed: false,
        })
    }

    /// Starts a file of the set.
    ///
    /// # Errors
    /// When the file cannot be created.
    pub fn sink(&self, name: &str, header: &[&str], bom: bool) -> Result<CsvSink> {
        CsvSink::create(&self.staging, name, header, bom)
    }

    /// Where a file of the set is written before it is moved into place:
    /// for files written by other writers than [`CsvSink`].
    pub fn staged(&self, name: &str) -> PathBuf {
        self.staging.join(name)
    }

    /// The record of a file another writer has finished at
    /// [`staged`](OutputSet::staged)`(name)`, with its `rows`.
    ///
    /// # Errors
    /// When the file cannot be read.
    pub fn record(&self, name: &str, rows: usize) -> Result<FileRecord> {
        let path = self.staged(name);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        File::open(&path)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&path, e))?;
        Ok(FileRecord {
            name: name.to_string(),
            rows,
            bytes: bytes.len() as u64,
            sha256: Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
    }

    /// Moves the finished files into the output folder and writes
    /// `run.json` last: the old `run.json` goes first, so a set caught
    /// half-moved has none, or one whose hashes do not match.
    ///
    /// # Errors
    /// When a file cannot be moved or `run.json` written.
    pub fn commit(mut self, files: &[FileRecord], run: &RunInfo) -> Result<()> {
        let run_json = self.out.join("run.json");
        match std::fs::remove_file(&run_json) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&run_json, e)),
        }
        for file in files {
            let from = self.staging.join(&file.name);
            let to = self.out.join(&file.name);
            std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        }
        let staged = self.staging.join("run.json");
        let mut json = File::create(&staged).map_err(|e| Error::io(&staged, e))?;
        json.write_all(run.json(files).as_bytes())
            .and_then(|()| json.sync_all())
            .map_err(|e| Error::io(&staged, e))?;
        std::fs::rename(&staged, &run_json).map_err(|e| Error::io(&run_json, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.staging);
        if let Ok(mut current) = STAGING.lock() {
            *current = None;
        }
        let _ = self.committed;
    }
}

/// What a run records of itself in `run.json`.
#[derive(Clone, Debug, Default)]
pub struct RunInfo {
    /// The command line's arguments.
    pub arguments: Vec<String>,
    /// Documents read.
    pub inputs: usize,
}

impl RunInfo {
    fn json(&self, files: &[FileRecord]) -> String {
        let files: Vec<serde_json::Value> = files
            .iter()
            .map(|f| {
                serde_json::json!({
                    "name": f.name,
                    "rows": f.rows,
                    "bytes": f.bytes,
                    "sha256": f.sha256,
                })
            })
            .collect();
        let value = serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"),
            "arguments": self.arguments,
            "documents": self.inputs,
            "files": files,
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// A CSV file being written; it appears under its name on [`finish`].
///
/// [`finish`]: CsvSink::finish
pub struct CsvSink {
    path: PathBuf,
    temp: PathBuf,
    file: BufWriter<File>,
    scratch: RowBuffer,
    hash: Sha256,
    rows: usize,
    bytes: u64,
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
        let file = BufWriter::with_capacity(1 << 16, file);
        let mut sink = CsvSink {
            path,
            temp,
            file,
            scratch: RowBuffer::default(),
            hash: Sha256::new(),
            rows: 0,
            bytes: 0,
        };
        if bom {
            sink.write("\u{feff}".as_bytes())?;
        }
        sink.row(header.iter().copied())?;
        sink.rows = 0;
        Ok(sink)
    }

    /// Writes one row, neutralising formula-like cells.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn row<I, S>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        // The scratch buffer is lent out for the write and kept for the
        // next row.
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.row(cells);
        let written = self.raw(&scratch.bytes, 1);
        scratch.bytes.clear();
        self.scratch = scratch;
        written
    }

    /// Appends `rows` rows already formatted by a [`RowBuffer`].
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn raw(&mut self, bytes: &[u8], rows: usize) -> Result<()> {
        self.rows += rows;
        self.write(bytes)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.hash.update(bytes);
        self.bytes += bytes.len() as u64;
        self.file
            .write_all(bytes)
            .map_err(|e| Error::io(&self.temp, e))
    }

    /// Flushes the file and renames it into place.
    ///
    /// # Errors
    /// When flushing or renaming fails.
    pub fn finish(self) -> Result<FileRecord> {
        let CsvSink {
            path,
            temp,
            file,
            hash,
            rows,
            bytes,
            ..
        } = self;
        let file = file
            .into_inner()
            .map_err(|e| Error::io(&temp, std::io::Error::other(e.to_string())))?;
        file.sync_all().map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha256 = hash
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        Ok(FileRecord {
            name,
            rows,
            bytes,
            sha256,
        })
    }
}

/// One cell of a row: text borrowed from the article or the gazetteer, a
/// string made for it, or a short value (an offset, a date) formatted in
/// place. Most cells of `mentions.csv` and `dates.csv` are of the first and
/// last kinds, so a row of them costs no allocation.
#[derive(Clone, Debug)]
pub enum Cell<'a> {
    /// Borrowed text.
    Text(&'a str),
    /// Text made for this cell.
    Owned(String),
    /// A short value's text, held in the cell itself.
    Short(ShortText),
}

impl Cell<'_> {
    /// `value` as [`Display`](std::fmt::Display) writes it: in place when it
    /// is short (numbers, dates), in a new string otherwise.
    pub fn display(value: impl std::fmt::Display) -> Cell<'static> {
        let mut short = ShortText::default();
        if std::fmt::Write::write_fmt(&mut short, format_args!("{value}")).is_ok() {
            Cell::Short(short)
        } else {
            Cell::Owned(value.to_string())
        }
    }

    /// A count or a byte offset, as `Display` writes it. Every mention and
    /// date row has two: the digits are written directly, without the
    /// formatting machinery.
    pub fn number(n: usize) -> Cell<'static> {
        let mut short = ShortText::default();
        short.push_digits(n as u64);
        Cell::Short(short)
    }

    /// A day as chrono writes it (`2001-08-04`): within the years 0 to 9999
    /// without the formatting machinery ([`iso_day`](crate::resolve::iso_day)),
    /// beyond by chrono (`+10000-01-01`).
    pub fn day(day: chrono::NaiveDate) -> Cell<'static> {
        let mut short = ShortText::default();
        match crate::resolve::iso_day(day) {
            Some(bytes) => {
                for byte in bytes {
                    short.push_byte(byte);
                }
                Cell::Short(short)
            }
            None => Cell::display(day),
        }
    }
}

impl AsRef<str> for Cell<'_> {
    fn as_ref(&self) -> &str {
        match self {
            Cell::Text(text) => text,
            Cell::Owned(text) => text,
            Cell::Short(short) => short.as_str(),
        }
    }
}

impl AsRef<[u8]> for Cell<'_> {
    fn as_ref(&self) -> &[u8] {
        match self {
            Cell::Text(text) => text.as_bytes(),
            Cell::Owned(text) => text.as_bytes(),
            Cell::Short(short) => short.as_bytes(),
        }
    }
}

/// Up to [`ShortText::CAPACITY`] bytes of text held inline: room for any
/// `u64` or any date chrono writes. Writing more fails and leaves it as it
/// was, so that [`Cell::display`] can fall back to a string.
#[derive(Clone, Copy, Debug, Default)]
pub struct ShortText {
    bytes: [u8; ShortText::CAPACITY],
    len: u8,
}

impl ShortText {
    /// How many bytes it holds at most.
    pub const CAPACITY: usize = 24;

    /// Appends the decimal digits of `n` (at most 20, within the capacity).
    fn push_digits(&mut self, mut n: u64) {
        let mut digits = [b'0'; 20];
        let mut count = 0;
        while n > 0 || count == 0 {
            digits[digits.len() - 1 - count] = b'0' + (n % 10) as u8;
            n /= 10;
            count += 1;
        }
        for &digit in &digits[digits.len() - count..] {
            self.push_byte(digit);
        }
    }

    /// Appends one ASCII byte; past the capacity, nothing.
    fn push_byte(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// The bytes written so far: what a row is made of, with no check of
    /// their encoding (two of every mention's and date's cells are short).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in (`write_str`), so the bytes
        // are UTF-8; the fallback is never taken.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Write for ShortText {
    fn write_str(&mut self, piece: &str) -> std::fmt::Result {
        let start = usize::from(self.len);
        let end = start + piece.len();
        let slot = self.bytes.get_mut(start..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(piece.as_bytes());
        self.len = u8::try_from(end).map_err(|_| std::fmt::Error)?;
        Ok(())
    }
}

/// CSV rows formatted in memory, to be appended to a [`CsvSink`] later: lets
/// parallel workers do the formatting. The format is the `csv` crate's
/// default (RFC 4180 quoting where needed, `\n` after each row), written
/// directly into one buffer.
#[derive(Debug, Default)]
pub struct RowBuffer {
    bytes: Vec<u8>,
}

impl RowBuffer {
    /// An empty buffer with room for `rows` rows of about `row_bytes`
    /// bytes each, so that it need not grow row by row.
    pub fn for_rows(rows: usize, row_bytes: usize) -> RowBuffer {
        RowBuffer {
            bytes: Vec::with_capacity(rows.saturating_mul(row_bytes)),
        }
    }

    /// Adds one row, neutralising formula-like cells. The cells are text
    /// (`&str`, `String`, [`Cell`]), taken as their UTF-8 bytes.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        let start = self.bytes.len();
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.bytes.push(b',');
            }
            let cell = cell.as_ref();
            let prefix: &[u8] = if runs_as_formula(cell) { b"'" } else { b"" };
            put_field(&mut self.bytes, prefix, cell);
        }
        // A row of one empty cell is `""`: an empty line is no row at all.
        if self.bytes.len() == start {
            self.bytes.extend_from_slice(b"\"\"");
        }
        self.bytes.push(b'\n');
    }

    /// Takes the formatted rows, leaving the buffer empty.
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }
}

/// Appends one CSV field, `prefix` then `field` (the prefix has none of
/// the bytes below): as it is, or, when it holds a comma, a quote or a line
/// break, in quotes with its quotes doubled.
fn put_field(out: &mut Vec<u8>, prefix: &[u8], field: &[u8]) {
    if !field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        // Nearly every cell: most have no prefix, and the copy of an empty
        // one is a call for nothing.
        if !prefix.is_empty() {
            out.extend_from_slice(prefix);
        }
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    out.extend_from_slice(prefix);
    // The runs between quotes are copied whole; each quote is doubled.
    let mut rest = field;
    while let Some(quote) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=quote]);
        out.push(b'"');
        rest = &rest[quote + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// A cell as it was before [`neutralise`]: the apostrophe goes from a
/// cell that a spreadsheet would have run as a formula.
pub fn unneutralised(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Whether a spreadsheet would run `cell` as a formula: it opens with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (all ASCII, so the first
/// byte tells), and is not a negative decimal number.
fn runs_as_formula(cell: &[u8]) -> bool {
    match cell.first() {
        Some(b'-') => !is_negative_decimal(cell),
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        _ => false,
    }
}

/// `-77.0364`: a number a spreadsheet reads as a number, and nothing else
/// (a longitude west of Greenwich must stay a number for a map).
fn is_negative_decimal(cell: &[u8]) -> bool {
    let Some(digits) = cell.strip_prefix(b"-") else {
        return false;
    };
    let (whole, fraction): (&[u8], &[u8]) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], &digits[dot + 1..]),
        None => (digits, b"0"),
    };
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.iter().all(u8::is_ascii_digit)
        && fraction.iter().all(u8::is_ascii_digit)
}

/// Prefixes a cell that a spreadsheet would evaluate (`=`, `+`, `-`, `@`,
/// tab, carriage return) with an apostrophe, the OWASP-recommended defence
/// against CSV injection; a negative decimal number (`-77.0364`) is a
/// number, not a formula, and stays as it is. Other cells are unchanged.
pub fn neutralise(cell: &str) -> String {
    if runs_as_formula(cell.as_bytes()) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_days_are_written_as_display_writes_them() {
        let mut numbers = vec![0, 1, 9, 10, 99, 100, 12_345, usize::MAX, usize::MAX - 1];
        numbers.extend((0..64).map(|bit| 1usize << bit));
        numbers.extend((0..64).map(|bit| (1usize << bit) - 1));
        for n in numbers {
            assert_eq!(AsRef::<str>::as_ref(&Cell::number(n)), n.to_string());
        }
        let mut days = Vec::new();
        for year in [
            -262_000, -10_000, -1, 0, 1, 9, 10, 99, 999, 1000, 1876, 2024, 9999, 10_000, 262_000,
        ] {
            for (month, day) in [(1, 1), (2, 28), (8, 4), (10, 10), (12, 31)] {
                days.extend(chrono::NaiveDate::from_ymd_opt(year, month, day));
            }
        }
        days.extend([chrono::NaiveDate::MIN, chrono::NaiveDate::MAX]);
        for day in days {
            assert_eq!(AsRef::<str>::as_ref(&Cell::day(day)), day.to_string());
        }
    }

    #[test]
    fn short_values_are_held_in_the_cell_and_long_ones_in_a_string() {
        let date = chrono::NaiveDate::from_ymd_opt(2001, 8, 4).unwrap();
        let far = chrono::NaiveDate::from_ymd_opt(-262_000, 1, 1).unwrap();
        for (cell, expected) in [
            (Cell::display(0usize), "0"),
            (Cell::display(usize::MAX), usize::MAX.to_string().as_str()),
            (Cell::display(date), "2001-08-04"),
            (Cell::display(far), far.to_string().as_str()),
            (Cell::display(-7i64), "-7"),
        ] {
            assert!(matches!(cell, Cell::Short(_)), "{expected}");
            assert_eq!(AsRef::<str>::as_ref(&cell), expected);
        }
        let long = "a value longer than twenty-four bytes";
        let cell = Cell::display(long);
        assert!(matches!(cell, Cell::Owned(_)));
        assert_eq!(AsRef::<str>::as_ref(&cell), long);
        // Exactly at the capacity, and one byte over it.
        let fits = "x".repeat(ShortText::CAPACITY);
        assert!(matches!(Cell::display(&fits), Cell::Short(_)));
        let over = "x".repeat(ShortText::CAPACITY + 1);
        assert_eq!(AsRef::<str>::as_ref(&Cell::display(&over)), over);
        // The bytes of a row are those of its text.
        let mut rows = RowBuffer::default();
        rows.row([
            Cell::Text("KCNA-1"),
            Cell::display(12usize),
            Cell::Owned("a, b".to_string()),
        ]);
        assert_eq!(rows.take(), b"KCNA-1,12,\"a, b\"\n");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("-77.0364", "-77.0364"),
            ("-12", "-12"),
            ("-1.", "'-1."),
            ("-.5", "'-.5"),
            ("-1.2.3", "'-1.2.3"),
            ("-1e5", "'-1e5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Kim Jong Un", "Kim Jong Un"),
            ("2024-06-19", "2024-06-19"),
            ("", ""),
            ("\rx", "'\rx"),
            ("-", "'-"),
            ("\u{2212}1", "\u{2212}1"),
        ] {
            assert_eq!(neutralise(cell), expected);
            // A row neutralises its cells the same way, then quotes those
            // that need it, apostrophe included.
            let mut row = RowBuffer::default();
            row.row([cell, "x"]);
            let mut want = Vec::new();
            {
                let mut writer = csv::Writer::from_writer(&mut want);
                writer
                    .write_record([expected, "x"])
                    .expect("written to memory");
            }
            assert_eq!(row.take(), want, "{cell:?}");
        }
    }

    /// Rows come out as the `csv` crate writes them, whatever the cells.
    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        use proptest::prelude::*;
        let cell = proptest::string::string_regex("[a-c,\"\r\n =+@'.0-9-]{0,6}").unwrap();
        let rows = proptest::collection::vec(proptest::collection::vec(cell, 0..5), 0..4);
        proptest!(|(rows in rows)| {
            let mut ours = RowBuffer::default();
            let mut theirs = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            for row in &rows {
                ours.row(row);
                let cells: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
                theirs.write_record(&cells).unwrap();
            }
            prop_assert_eq!(ours.take(), theirs.into_inner().unwrap());
        });
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
