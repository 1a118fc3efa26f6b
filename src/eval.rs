//! Scoring against hand annotations: events (`eval-events`).
//!
//! Events match one-to-one within a document on (kind, date); among the
//! candidates the pair sharing most participants is taken. Precision is
//! over the system's events that happened, recall over the gold events.
//! On matched pairs, participants agree when the states are the same set and
//! every gold person is among the system's actors; places agree when equal
//! (both empty counts as equal).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::error::{Error, Result};

/// One event row, from either side.
#[derive(Clone, Debug, Default)]
pub struct EventRow {
    /// Document id.
    pub doc_id: String,
    /// ISO date at its precision.
    pub date: String,
    /// meeting, visit or treaty.
    pub kind: String,
    /// People.
    pub people: BTreeSet<String>,
    /// States.
    pub states: BTreeSet<String>,
    /// Place.
    pub place: String,
    /// Evidence, for reports.
    pub evidence: String,
}

/// Scores of a system against gold.
#[derive(Clone, Debug, Default)]
pub struct EventScores {
    /// Gold events.
    pub gold: usize,
    /// System events (in annotated documents).
    pub system: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Matched pairs whose participants agree.
    pub participants_agree: usize,
    /// Matched pairs whose states agree.
    pub states_agree: usize,
    /// Matched pairs whose places agree.
    pub places_agree: usize,
    /// Gold events without a match.
    pub missed: Vec<EventRow>,
    /// System events without a match.
    pub spurious: Vec<EventRow>,
    /// Matched pairs whose participants disagree.
    pub disagreements: Vec<(EventRow, EventRow)>,
}

impl EventScores {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.matched, self.system, self.gold)
    }
}

/// Precision, recall and F1 from counts.
pub fn prf(matched: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        matched as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        matched as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn read_rows(path: &Path, system: bool) -> Result<Vec<EventRow>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::Csv {
            path: path.into(),
            error: e,
        })?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).ok_or_else(|| Error::Gazetteer {
            path: path.into(),
            line: 1,
            message: format!("missing column {name:?}"),
        })
    };
    let (doc, date, kind) = (need("doc_id")?, need("date")?, need("event")?);
    let people = if system {
        need("actors")?
    } else {
        need("people")?
    };
    let states = need("states")?;
    let place = col("place");
    let evidence = col("evidence");
    let status = col("status");
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::Csv {
            path: path.into(),
            error: e,
        })?;
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        if let Some(s) = status {
            if get(s) != "happened" {
                continue;
            }
        }
        let list = |i: usize| -> BTreeSet<String> {
            get(i)
                .split(';')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        rows.push(EventRow {
            doc_id: get(doc),
            date: get(date),
            kind: get(kind),
            people: list(people),
            states: list(states),
            place: place.map(get).unwrap_or_default(),
            evidence: evidence.map(get).unwrap_or_default(),
        });
    }
    Ok(rows)
}

/// Scores `events_csv` (eventline's events.csv) against `gold_csv`.
/// The documents that count are those with gold events and `no_events`
/// (annotated documents without any event: every system event there is
/// spurious).
///
/// # Errors
/// A file that cannot be read or lacks a column.
pub fn evaluate_events(
    gold_csv: &Path,
    events_csv: &Path,
    no_events: &BTreeSet<String>,
) -> Result<EventScores> {
    let gold = read_rows(gold_csv, false)?;
    let system = read_rows(events_csv, true)?;
    let mut annotated: BTreeSet<String> = gold.iter().map(|g| g.doc_id.clone()).collect();
    annotated.extend(no_events.iter().cloned());
    let in_scope = |doc: &str| annotated.contains(doc);
    let mut by_doc: BTreeMap<String, (Vec<EventRow>, Vec<EventRow>)> = BTreeMap::new();
    for g in gold.into_iter().filter(|g| in_scope(&g.doc_id)) {
        by_doc.entry(g.doc_id.clone()).or_default().0.push(g);
    }
    for s in system.into_iter().filter(|s| in_scope(&s.doc_id)) {
        by_doc.entry(s.doc_id.clone()).or_default().1.push(s);
    }
    let mut scores = EventScores::default();
    for (_, (golds, systems)) in by_doc {
        scores.gold += golds.len();
        scores.system += systems.len();
        let mut used = vec![false; systems.len()];
        for g in &golds {
            let best = systems
                .iter()
                .enumerate()
                .filter(|(i, s)| !used[*i] && s.kind == g.kind && s.date == g.date)
                .max_by_key(|(_, s)| overlap(g, s));
            match best {
                Some((i, s)) => {
                    used[i] = true;
                    scores.matched += 1;
                    let states_agree = normalise(&g.states) == normalise(&s.states);
                    let people_agree = g
                        .people
                        .iter()
                        .all(|p| s.people.iter().any(|q| same_person(p, q)));
                    scores.states_agree += states_agree as usize;
                    scores.participants_agree += (states_agree && people_agree) as usize;
                    scores.places_agree += (g.place == s.place) as usize;
                    if !(states_agree && people_agree) {
                        scores.disagreements.push((g.clone(), s.clone()));
                    }
                }
                None => scores.missed.push(g.clone()),
            }
        }
        for (i, s) in systems.into_iter().enumerate() {
            if !used[i] {
                scores.spurious.push(s);
            }
        }
    }
    Ok(scores)
}

/// "Biden" and "Joe Biden" are the same person: one name's words are the
/// end of the other's.
fn same_person(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.ends_with(&short)
}

/// Reads a list of document ids, one a line (`no-events.txt`).
///
/// # Errors
/// When the file cannot be read.
pub fn read_ids(path: &Path) -> Result<BTreeSet<String>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

fn overlap(g: &EventRow, s: &EventRow) -> usize {
    g.people.intersection(&s.people).count() + g.states.intersection(&s.states).count()
}

/// State names as annotators and gazetteers may write them.
fn normalise(states: &BTreeSet<String>) -> BTreeSet<String> {
    let aliases: HashMap<&str, &str> = [
        ("Vietnam", "Viet Nam"),
        ("U.S.", "United States"),
        ("UK", "Britain"),
        ("United Kingdom", "Britain"),
    ]
    .into_iter()
    .collect();
    states
        .iter()
        .map(|s| aliases.get(s.as_str()).map_or(s.clone(), |a| a.to_string()))
        .collect()
}
