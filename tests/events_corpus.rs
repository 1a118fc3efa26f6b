//! The event patterns' example corpus (tests/corpus/events.csv): a sentence
//! or short text, its publication date, and the events a reader expects,
//! written `[status ]kind date (actors|...) [states|...] @place`,
//! `;`-separated; empty for a negative example. `\\n` in a text is a line break.

use chrono::NaiveDate;
use eventline::extract::Status;
use eventline::gazetteer::Gazetteer;
use eventline::lexicon::Lexicon;
use eventline::pipeline::analyze;
use eventline::read::Article;

use crate::{assert_all_pass, corpus_rows, date};

fn describe(e: &eventline::extract::Event) -> String {
    let mut s = match e.status {
        Status::Happened => String::new(),
        other => format!("{} ", other.as_str()),
    };
    s.push_str(&format!("{} {}", e.kind.as_str(), e.period.iso()));
    if !e.actors.is_empty() {
        s.push_str(&format!(" ({})", e.actors.join("|")));
    }
    if !e.states.is_empty() {
        s.push_str(&format!(" [{}]", e.states.join("|")));
    }
    if !e.place.is_empty() {
        s.push_str(&format!(" @{}", e.place));
    }
    s
}

#[test]
fn event_corpus() {
    let gazetteer = Gazetteer::load(&[]).unwrap();
    let lexicon = Lexicon::load(&[]).unwrap();
    let rows = corpus_rows("events.csv");
    assert!(rows.len() >= 30, "only {} rows", rows.len());
    let mut failures = Vec::new();
    for (line, row) in &rows {
        let (published, text, expected) = (&row[0], &row[1], &row[2]);
        let published: NaiveDate = date(published);
        let article = Article {
            id: format!("line{line}"),
            path: String::new(),
            title: String::new(),
            published,
            body: text.replace("\\n", "\n"),
            lossy: false,
        };
        let analysis = analyze(&article, &gazetteer, &lexicon);
        let mut got: Vec<String> = analysis.events.iter().map(describe).collect();
        got.sort();
        let mut want: Vec<String> = expected
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        want.sort();
        if got != want {
            failures.push(format!(
                "events.csv:{line}: {text:?}\n    want {want:?}\n    got  {got:?}"
            ));
        }
    }
    assert_all_pass(&failures, rows.len());
}
