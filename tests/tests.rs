//! End-to-end and corpus tests. One test binary, one module per topic.

mod cli;
mod dates_corpus;
mod events_corpus;
mod plot;
mod properties;
mod robustness;
mod xlsx;

/// Reads a corpus CSV of this folder, skipping `#` comment rows; each row
/// comes with its line number.
pub fn corpus_rows(name: &str) -> Vec<(u64, csv::StringRecord)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if record.get(0).is_some_and(|f| f.starts_with('#')) {
            continue;
        }
        rows.push((record.position().map_or(0, |p| p.line()), record));
    }
    rows
}

/// Parses `YYYY-MM-DD`.
pub fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Fails with every failing corpus row listed, not only the first.
pub fn assert_all_pass(failures: &[String], rows: usize) {
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
