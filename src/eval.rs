//! Scoring against hand annotations: events (`eval-events`).
//!
//! Events match one-to-one within a document on (kind, date); among the
//! candidates the pair sharing most participants is taken. A gold date may
//! list alternatives separated by `|` ("2017-04|2017-04-24"): any one
//! matches. Gold rows marked `optional` are borderline events a reader might
//! or might not list: required rows are matched first, and a system event
//! that matches an optional row is neither credited nor counted as spurious.
//! Precision is over the system's events that happened, recall over the
//! required gold events.
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
    /// ISO date at its precision; in gold, alternatives joined by `|`.
    pub date: String,
    /// A borderline gold event: neither credit nor penalty.
    pub optional: bool,
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
    /// Required gold events.
    pub gold: usize,
    /// System events (in annotated documents), less those that matched an
    /// optional gold event.
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

    /// Adds another set's scores to these: the scores of both together.
    pub fn add(&mut self, other: EventScores) {
        self.gold += other.gold;
        self.system += other.system;
        self.matched += other.matched;
        self.participants_agree += other.participants_agree;
        self.states_agree += other.states_agree;
        self.places_agree += other.places_agree;
        self.missed.extend(other.missed);
        self.spurious.extend(other.spurious);
        self.disagreements.extend(other.disagreements);
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
    // Hand-written gold may leave trailing empty cells out.
    let mut table = crate::table::Table::open(path, true)?;
    let what = if system {
        "an events.csv"
    } else {
        "a gold events file"
    };
    let need = |name: &str| table.column(name, what);
    let (doc, date, kind) = (need("doc_id")?, need("date")?, need("event")?);
    let people = if system {
        need("actors")?
    } else {
        need("people")?
    };
    let states = need("states")?;
    let place = table.find("place");
    let evidence = table.find("evidence");
    let status = table.find("status");
    let optional = table.find("optional");
    let mut rows = Vec::new();
    for row in table.rows() {
        let (_, record) = row?;
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
            optional: optional.is_some_and(|i| {
                matches!(get(i).to_ascii_lowercase().as_str(), "yes" | "true" | "1")
            }),
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
        let mut used = vec![false; systems.len()];
        // Required rows first, so that an optional one never takes the
        // system event a required one needs.
        let (required, optional): (Vec<&EventRow>, Vec<&EventRow>) =
            golds.iter().partition(|g| !g.optional);
        scores.gold += required.len();
        for g in required {
            match best_match(g, &systems, &used) {
                Some(i) => {
                    used[i] = true;
                    let s = &systems[i];
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
        let mut excused = vec![false; systems.len()];
        for g in optional {
            if let Some(i) = best_match(g, &systems, &used) {
                used[i] = true;
                excused[i] = true;
            }
        }
        for (i, s) in systems.into_iter().enumerate() {
            if excused[i] {
                continue;
            }
            scores.system += 1;
            if !used[i] {
                scores.spurious.push(s);
            }
        }
    }
    Ok(scores)
}

/// The unused system event of the gold event's kind and one of its dates
/// that shares most participants with it.
fn best_match(gold: &EventRow, systems: &[EventRow], used: &[bool]) -> Option<usize> {
    systems
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            !used[*i] && s.kind == gold.kind && gold.date.split('|').any(|d| d.trim() == s.date)
        })
        .max_by_key(|(i, s)| (overlap(gold, s), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The file of annotated documents without events that goes with a gold
/// file: `no-events-dev2.txt` beside `events-dev2.csv`, else
/// `no-events.txt` beside it.
pub fn no_events_beside(gold_csv: &Path) -> Option<std::path::PathBuf> {
    let name = gold_csv.file_stem()?.to_str()?;
    let suffix = name.strip_prefix("events")?;
    [
        format!("no-events{suffix}.txt"),
        "no-events.txt".to_string(),
    ]
    .into_iter()
    .map(|n| gold_csv.with_file_name(n))
    .find(|p| p.exists())
}

/// "Biden" and "Joe Biden" are the same person: one name's words are the
/// end of the other's; so are "Vladimir Putin" and "Vladimir Vladimirovich
/// Putin".
fn same_person(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // "Vladimir Putin" and "Vladimir Vladimirovich Putin": a patronymic
    // between the same first and last names.
    let patronymic =
        short.len() >= 2 && short.first() == long.first() && short.last() == long.last();
    !short.is_empty() && (long.ends_with(&short) || patronymic)
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
        ("USSR", "Soviet Union"),
    ]
    .into_iter()
    .collect();
    states
        .iter()
        .map(|s| aliases.get(s.as_str()).map_or(s.clone(), |a| a.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const SYSTEM_HEADER: &str = "doc_id,date,event,status,actors,states,place,evidence\n";
    const GOLD_HEADER: &str =
        "doc_id,date,event,people,states,place,title,evidence,note,optional\n";

    #[test]
    fn optional_rows_neither_credit_nor_penalise() {
        let dir = tempfile::tempdir().unwrap();
        let gold = write(
            dir.path(),
            "events-x.csv",
            &format!(
                "{GOLD_HEADER}d1,2019-04,meeting,,DPRK; Russia,,,,\n\
                 d1,2019-04,visit,,DPRK; Russia,,,,,yes\n\
                 d1,2018,treaty,,DPRK; Russia,,,,,yes\n"
            ),
        );
        let system = write(
            dir.path(),
            "events.csv",
            &format!(
                "{SYSTEM_HEADER}d1,2019-04,meeting,happened,,DPRK; Russia,,\n\
                 d1,2019-04,visit,happened,,DPRK; Russia,,\n\
                 d1,2019-04,visit,planned,,DPRK; Russia,,\n"
            ),
        );
        let scores = evaluate_events(&gold, &system, &BTreeSet::new()).unwrap();
        assert_eq!((scores.gold, scores.system, scores.matched), (1, 1, 1));
        assert!(scores.spurious.is_empty());
    }

    #[test]
    fn names_agree_with_and_without_patronymics() {
        assert!(same_person(
            "Vladimir Putin",
            "Vladimir Vladimirovich Putin"
        ));
        assert!(same_person("Biden", "Joe Biden"));
        assert!(!same_person("Kim Jong Un", "Kim Jong Il"));
    }

    #[test]
    fn any_date_alternative_matches() {
        let dir = tempfile::tempdir().unwrap();
        let gold = write(
            dir.path(),
            "events-x.csv",
            &format!("{GOLD_HEADER}d1,2017-04|2017-04-24,visit,,DPRK; Iran,,,,\n"),
        );
        let system = write(
            dir.path(),
            "events.csv",
            &format!("{SYSTEM_HEADER}d1,2017-04-24,visit,happened,,DPRK; Iran,,\n"),
        );
        let scores = evaluate_events(&gold, &system, &BTreeSet::new()).unwrap();
        assert_eq!(scores.matched, 1);
    }

    #[test]
    fn no_events_file_follows_the_gold_file_name() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "no-events.txt", "");
        let dev2 = write(dir.path(), "no-events-dev2.txt", "");
        assert_eq!(
            no_events_beside(&dir.path().join("events-dev2.csv")),
            Some(dev2)
        );
        assert_eq!(
            no_events_beside(&dir.path().join("events-dev.csv")),
            Some(dir.path().join("no-events.txt"))
        );
    }
}
