//! The date resolver's example corpus (tests/corpus/dates.csv) and negative
//! corpus (tests/corpus/dates-negative.csv), in the manner of Duckling.

use eventline::resolve::{resolve_article, Mode};
use eventline::segment::sentences;

use crate::{assert_all_pass, corpus_rows, date};

#[test]
fn positive_corpus() {
    check_positive("dates.csv", 100);
}

/// Relative expressions against many publication dates; written by
/// scripts/gen-date-corpus.py from an independent oracle.
#[test]
fn relative_corpus() {
    check_positive("dates-relative.csv", 150);
}

fn check_positive(name: &str, at_least: usize) {
    let rows = corpus_rows(name);
    assert!(rows.len() >= at_least, "only {} rows", rows.len());
    let mut failures = Vec::new();
    // `dates.csv` names each row's rule and the precision of its value, so
    // that a failing row says which rule broke; the generated relative
    // corpus gives the last day of a span in its fifth column.
    let named = name == "dates.csv";
    for (line, row) in &rows {
        let (published, text, expression, value) = (&row[0], &row[1], &row[2], &row[3]);
        let (precision, rule, last_day) = if named {
            (row.get(4), row.get(5), row.get(6))
        } else {
            (None, None, row.get(4))
        };
        let last_day = last_day.filter(|d| !d.is_empty());
        // As `eventline dates` reads a text: its dateline, if any, is the day of the report.
        let (_, exprs) = resolve_article(text, &sentences(text), date(published), Mode::News);
        let found: Vec<(String, String, &str, String, &str)> = exprs
            .iter()
            .map(|e| {
                let end = e.period().map(|p| p.end.to_string()).unwrap_or_default();
                let precision = e.period().map_or("", |p| p.precision.as_str());
                (
                    text[e.span.clone()].to_string(),
                    e.timex_value(),
                    e.rule,
                    end,
                    precision,
                )
            })
            .collect();
        let by_rule = rule.map_or(String::new(), |r| format!(" [rule {r:?}]"));
        let Some((_, _, fired, _, got_precision)) = found.iter().find(|(t, v, _, end, _)| {
            t == expression && v == value && last_day.is_none_or(|d| d == end)
        }) else {
            failures.push(format!(
                "{name}:{line}:{by_rule} {text:?} (published {published}) should give {expression:?} = {value}; got {found:?}"
            ));
            continue;
        };
        if rule.is_some_and(|r| r != *fired) || precision.is_some_and(|p| p != *got_precision) {
            failures.push(format!(
                "{name}:{line}:{by_rule} {text:?} gave {expression:?} = {value} by rule {fired:?} at precision {got_precision:?}; the row says rule {:?}, precision {:?}",
                rule.unwrap_or(""),
                precision.unwrap_or("")
            ));
        }
    }
    assert_all_pass(&failures, rows.len());
}

#[test]
fn negative_corpus() {
    let rows = corpus_rows("dates-negative.csv");
    let mut failures = Vec::new();
    for (line, row) in &rows {
        let (published, text) = (&row[0], &row[1]);
        // As `eventline dates` reads a text: its dateline, if any, is the day of the report.
        let (_, exprs) = resolve_article(text, &sentences(text), date(published), Mode::News);
        if !exprs.is_empty() {
            let found: Vec<String> = exprs
                .iter()
                .map(|e| format!("{:?}={}", &text[e.span.clone()], e.timex_value()))
                .collect();
            failures.push(format!(
                "dates-negative.csv:{line}: {text:?} gave {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
