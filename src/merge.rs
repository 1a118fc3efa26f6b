//! Merging the events of many articles into one timeline.
//!
//! Two reports are the same event when kind agrees, their dates are
//! compatible (one period contains the other: a day-precise report merges
//! with a month- or year-precise one), their participants overlap and their
//! places do not disagree. The merged row keeps the most precise date, the
//! union of participants, and counts its sources.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::extract::{participants_overlap, periods_compatible, Event, Status};
use crate::lexicon::EventKind;

/// An event as one article reports it, with its provenance.
#[derive(Clone, Debug)]
pub struct Reported {
    /// The article's id.
    pub doc_id: String,
    /// The article's publication date.
    pub published: NaiveDate,
    /// The event.
    pub event: Event,
}

/// One row of the timeline: an event and the articles that report it.
#[derive(Clone, Debug)]
pub struct TimelineRow {
    /// The merged event.
    pub event: Event,
    /// How many articles report it.
    pub sources: usize,
    /// The earliest publication date among them.
    pub first_reported: NaiveDate,
    /// Their ids, in input order.
    pub doc_ids: Vec<String>,
}

/// Merges reports (in input order) into timeline rows sorted by date.
/// Only events that happened enter the timeline.
pub fn merge(reports: &[Reported]) -> Vec<TimelineRow> {
    let mut rows: Vec<TimelineRow> = Vec::new();
    // Candidate rows by kind and year, so that merging stays near-linear.
    let mut index: HashMap<(EventKind, i32), Vec<usize>> = HashMap::new();
    for report in reports.iter().filter(|r| r.event.status == Status::Happened) {
        let event = &report.event;
        let years = event.period.start.year()..=event.period.end.year();
        let found = years
            .clone()
            .flat_map(|y| index.get(&(event.kind, y)).into_iter().flatten().copied())
            .find(|&i| same_event(&rows[i].event, event));
        match found {
            Some(i) => absorb(&mut rows[i], report),
            None => {
                let i = rows.len();
                rows.push(TimelineRow {
                    event: event.clone(),
                    sources: 1,
                    first_reported: report.published,
                    doc_ids: vec![report.doc_id.clone()],
                });
                for y in years.take(200) {
                    index.entry((event.kind, y)).or_default().push(i);
                }
            }
        }
    }
    rows.sort_by(|a, b| {
        let (x, y) = (&a.event, &b.event);
        (x.period.start, x.period.end, x.kind, &x.actors, &x.states, &x.place, a.first_reported)
            .cmp(&(y.period.start, y.period.end, y.kind, &y.actors, &y.states, &y.place, b.first_reported))
    });
    rows
}

fn same_event(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && periods_compatible(&a.period, &b.period)
        && participants_overlap(a, b)
        && (a.place.is_empty() || b.place.is_empty() || a.place == b.place)
        && (a.kind != EventKind::Visit || a.states.last() == b.states.last())
}

fn absorb(row: &mut TimelineRow, report: &Reported) {
    let event = &report.event;
    if !row.doc_ids.contains(&report.doc_id) {
        row.doc_ids.push(report.doc_id.clone());
        row.sources += 1;
    }
    row.first_reported = row.first_reported.min(report.published);
    if event.period.precision < row.event.period.precision {
        row.event.period = event.period;
        row.event.date_text = event.date_text.clone();
        row.event.date_rule = event.date_rule;
        row.event.evidence = event.evidence.clone();
    }
    for actor in &event.actors {
        if !row.event.actors.contains(actor) {
            row.event.actors.push(actor.clone());
        }
    }
    for state in &event.states {
        if !row.event.states.contains(state) {
            row.event.states.push(state.clone());
        }
    }
    if row.event.place.is_empty() {
        row.event.place = event.place.clone();
    }
    if row.event.title.is_empty() {
        row.event.title = event.title.clone();
    }
}
