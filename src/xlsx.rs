//! The run's CSV files as one Excel workbook (`eventline.xlsx`).
//!
//! A CSV opened by double-click is read in the machine's code page and its
//! cells guessed at: accented names garble, `2019-04` and `2002` sort apart
//! from days, and a neutralised formula shows its apostrophe. The workbook
//! says what each cell is: the day columns are real dates, `date` is text
//! (ISO, so it sorts as text), counts and coordinates are numbers, and
//! everything else is a string, never a formula. One sheet per CSV, the
//! timeline first, each with a bold frozen header, an autofilter and
//! widths fitted to what the column holds.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::error::{Error, Result};
use crate::write::unneutralised;

/// Columns that hold a day (`YYYY-MM-DD`): date cells in the workbook.
const DAY_COLUMNS: &[&str] = &["date_start", "date_end", "published", "first_reported"];

/// Columns that hold counts, offsets or coordinates: number cells.
const NUMBER_COLUMNS: &[&str] = &[
    "sources",
    "events",
    "start",
    "end",
    "count",
    "documents",
    "latitude",
    "longitude",
];

/// Column widths, in characters, of the columns that hold more than a
/// word; a column not listed is as wide as its header, at least 10.
const WIDTHS: &[(&str, f64)] = &[
    ("event_id", 17.0),
    ("date", 11.0),
    ("date_start", 11.0),
    ("date_end", 11.0),
    ("published", 11.0),
    ("first_reported", 12.0),
    ("actors", 32.0),
    ("states", 26.0),
    ("place", 16.0),
    ("stops", 20.0),
    ("title", 36.0),
    ("doc_ids", 30.0),
    ("doc_id", 28.0),
    ("path", 30.0),
    ("text", 24.0),
    ("name", 26.0),
    ("entity_id", 20.0),
    ("date_text", 20.0),
    ("date_rule", 16.0),
    ("trigger", 18.0),
    ("evidence", 90.0),
    ("example", 90.0),
    ("reason", 60.0),
];

/// Columns whose long text wraps inside the cell.
const WRAPPED_COLUMNS: &[&str] = &["evidence", "example", "reason", "title"];

/// The most data rows a worksheet holds (Excel's limit, less the header).
pub const MAX_SHEET_ROWS: usize = 1_048_575;

/// What went into one sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// Sheet name: the CSV's name without `.csv`.
    pub name: String,
    /// Data rows written.
    pub rows: usize,
    /// Rows of the CSV left out because a sheet holds no more.
    pub left_out: usize,
}

/// Writes `dest` with one sheet per CSV file of `dir` named in `csvs`, in
/// that order. Returns what each sheet holds.
///
/// # Errors
/// A CSV that cannot be read, or a workbook that cannot be written.
pub fn write_workbook(dir: &Path, csvs: &[&str], dest: &Path) -> Result<Vec<Sheet>> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let wrapped = Format::new().set_text_wrap();
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| Error::io(dest, std::io::Error::other(e));
    let mut sheets = Vec::new();
    for name in csvs {
        let path = dir.join(name);
        let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(std::io::BufReader::new(file));
        let csv_error = |e: csv::Error| Error::Csv {
            path: path.clone(),
            error: e,
        };
        let columns: Vec<String> = reader
            .headers()
            .map_err(csv_error)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_string())
            .collect();
        let sheet_name = name.trim_end_matches(".csv").to_string();
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(xlsx_error)?;
        sheet.set_name(&sheet_name).map_err(xlsx_error)?;
        for (col, column) in columns.iter().enumerate() {
            let width = WIDTHS
                .iter()
                .find(|(c, _)| c == column)
                .map_or((column.len() as f64 + 2.0).max(10.0), |(_, w)| *w);
            sheet
                .set_column_width(col as u16, width)
                .map_err(xlsx_error)?;
            sheet
                .write_string_with_format(0, col as u16, column, &header)
                .map_err(xlsx_error)?;
        }
        let kinds: Vec<CellKind> = columns.iter().map(|c| CellKind::of(c)).collect();
        let mut rows = 0;
        let mut left_out = 0;
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(csv_error)? {
            if rows == MAX_SHEET_ROWS {
                left_out += 1;
                continue;
            }
            rows += 1;
            for (col, cell) in record.iter().enumerate() {
                let kind = kinds.get(col).copied().unwrap_or(CellKind::Text);
                write_cell(sheet, rows as u32, col as u16, cell, kind, &day, &wrapped)
                    .map_err(xlsx_error)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        if !columns.is_empty() {
            sheet
                .autofilter(0, 0, rows as u32, columns.len() as u16 - 1)
                .map_err(xlsx_error)?;
        }
        sheets.push(Sheet {
            name: sheet_name,
            rows,
            left_out,
        });
    }
    workbook.save(dest).map_err(xlsx_error)?;
    Ok(sheets)
}

/// How a column's cells are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellKind {
    Day,
    Number,
    Wrapped,
    Text,
}

impl CellKind {
    fn of(column: &str) -> CellKind {
        if DAY_COLUMNS.contains(&column) {
            CellKind::Day
        } else if NUMBER_COLUMNS.contains(&column) {
            CellKind::Number
        } else if WRAPPED_COLUMNS.contains(&column) {
            CellKind::Wrapped
        } else {
            CellKind::Text
        }
    }
}

/// One cell: empty cells stay empty; a day or number that does not parse
/// is written as the text it is.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &str,
    kind: CellKind,
    day: &Format,
    wrapped: &Format,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    if cell.is_empty() {
        return Ok(());
    }
    match kind {
        CellKind::Day => {
            if let Some(date) = excel_day(cell) {
                sheet.write_datetime_with_format(row, col, &date, day)?;
                return Ok(());
            }
        }
        CellKind::Number => {
            if let Ok(n) = cell.parse::<f64>() {
                if n.is_finite() {
                    sheet.write_number(row, col, n)?;
                    return Ok(());
                }
            }
        }
        CellKind::Wrapped => {
            sheet.write_string_with_format(row, col, unneutralised(cell), wrapped)?;
            return Ok(());
        }
        CellKind::Text => {}
    }
    // A string cell is never evaluated: the CSV's apostrophe goes.
    sheet.write_string(row, col, unneutralised(cell))?;
    Ok(())
}

/// `YYYY-MM-DD` as an Excel date (Excel's calendar starts in 1900).
fn excel_day(cell: &str) -> Option<ExcelDateTime> {
    let date = chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_typed_by_name() {
        assert_eq!(CellKind::of("date_start"), CellKind::Day);
        assert_eq!(CellKind::of("date"), CellKind::Text);
        assert_eq!(CellKind::of("sources"), CellKind::Number);
        assert_eq!(CellKind::of("longitude"), CellKind::Number);
        assert_eq!(CellKind::of("evidence"), CellKind::Wrapped);
        assert_eq!(CellKind::of("actors"), CellKind::Text);
    }

    #[test]
    fn days_before_excels_calendar_stay_text() {
        assert!(excel_day("2001-08-04").is_some());
        assert!(excel_day("1899-12-31").is_none());
        assert!(excel_day("2019-04").is_none());
    }
}
