//! Merging the events of many articles into one timeline.
//!
//! Two reports are the same event when kind agrees, their dates are
//! compatible (one period contains the other: a day-precise report merges
//! with a month- or year-precise one), their participants overlap and their
//! places do not disagree. Day-precise dates may differ for a visit (its
//! reports span its days) and for news dated only by its dateline. The
//! merged row keeps the most precise date (a visit's first day), the union of
//! participants, and counts its sources.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::extract::{
    dates_compatible, names_one_person, participants_overlap, states_agree, told_later_by_dateline,
    DateSource, Event, Status, RECALLED_DAYS, VISIT_DAYS,
};
use crate::lexicon::EventKind;
use crate::resolve::{Period, Precision};

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
    /// A stable id, derived from the report that founded the row: the same
    /// for the same inputs at any thread count, and unchanged when later
    /// articles are merged in.
    pub event_id: String,
    /// Indexes (into the merged reports) of the tellings it holds.
    pub reports: Vec<usize>,
    /// The merged event.
    pub event: Event,
    /// How many articles report it.
    pub sources: usize,
    /// The earliest publication date among them.
    pub first_reported: NaiveDate,
    /// Their ids, in input order.
    pub doc_ids: Vec<String>,
    /// For a visit: the other places its tellings name, in order (the
    /// stops of a journey: "the delegation today visited Mangyongdae").
    pub stops: Vec<String>,
}

/// Merges reports (in input order) into timeline rows sorted by date.
/// Only events that happened enter the timeline.
pub fn merge(reports: &[Reported]) -> Vec<TimelineRow> {
    let mut merger = Merger::default();
    for report in reports {
        merger.add(report);
    }
    merger.finish()
}

/// A merge fed one report at a time, in input order: it holds the rows it
/// has made, never the reports, so that a run can stream its reports from
/// disk. [`merge`] is the same over a slice.
#[derive(Debug, Default)]
pub struct Merger {
    rows: Vec<TimelineRow>,
    /// Candidate rows by kind and year, so that merging stays near-linear.
    index: HashMap<(EventKind, i32), Vec<usize>>,
    /// The number of the next report (its place in the input).
    next: usize,
}

impl Merger {
    /// Adds the next report: it joins the row of the same event, or starts
    /// one. Only events that happened enter the timeline; every report
    /// counts toward the numbers in [`TimelineRow::reports`].
    pub fn add(&mut self, report: &Reported) {
        let number = self.next;
        self.next += 1;
        if report.event.status != Status::Happened {
            return;
        }
        let (rows, index) = (&mut self.rows, &mut self.index);
        let event = &report.event;
        let years = event.period.start.year()..=event.period.end.year();
        let window = chrono::Duration::days(VISIT_DAYS);
        let lookup = (event.period.start - window).year()..=(event.period.end + window).year();
        let found = lookup
            .flat_map(|y| index.get(&(event.kind, y)).into_iter().flatten().copied())
            .find(|&i| same_event(&rows[i].event, event) && holds(&rows[i], report));
        // A meeting told by month at a place joins the one dated meeting
        // there, rather than the other undated tellings.
        let named_meeting = {
            let mut candidates = lookup_rows(index, event).filter(|&i| {
                the_meeting_it_names(&rows[i].event, event) && holds(&rows[i], report)
            });
            candidates
                .next()
                .filter(|&first| candidates.all(|i| i == first))
        };
        let found = named_meeting.or(found);
        match found {
            Some(i) => {
                absorb(&mut rows[i], report);
                rows[i].reports.push(number);
            }
            None => {
                let i = rows.len();
                rows.push(TimelineRow {
                    event_id: event_id(report),
                    reports: vec![number],
                    event: event.clone(),
                    sources: 1,
                    first_reported: report.published,
                    doc_ids: vec![report.doc_id.clone()],
                    stops: Vec::new(),
                });
                for y in years.take(200) {
                    index.entry((event.kind, y)).or_default().push(i);
                }
            }
        }
    }

    /// The timeline rows, sorted by date.
    pub fn finish(self) -> Vec<TimelineRow> {
        let mut rows = fold_vague_rows(self.rows);
        rows.sort_by(|a, b| {
            let (x, y) = (&a.event, &b.event);
            (
                x.period.start,
                x.period.end,
                x.kind,
                &x.actors,
                &x.states,
                &x.place,
                a.first_reported,
            )
                .cmp(&(
                    y.period.start,
                    y.period.end,
                    y.kind,
                    &y.actors,
                    &y.states,
                    &y.place,
                    b.first_reported,
                ))
        });
        rows
    }
}

/// How many times the sources of the next candidate the event a vague
/// row folds into must have: a telling with no date but the month and no
/// people ("the historic Pyongyang summit held in June") is the event the
/// press of that month told, not one of the minor ones beside it.
const DOMINANT_SOURCES: usize = 3;

/// Folds each row told only by month or year and naming nobody into the
/// day-precise row of the same kind and states (a visit's direction, a
/// document's name not differing) within its period, when that row is
/// widely told: by three articles at least and [`DOMINANT_SOURCES`] times
/// as many as any other such row. A lone or minor dated event is not
/// enough: "a delegation visited in May" may be another visit than the
/// one told once on May 4. Run on the whole
/// set of rows, so that a row's fate depends on all tellings, not on the
/// order they came in.
fn fold_vague_rows(rows: Vec<TimelineRow>) -> Vec<TimelineRow> {
    let vague = |row: &TimelineRow| {
        row.event.period.precision > Precision::Day
            && row.event.actors.is_empty()
            && row.event.states.len() >= 2
    };
    let mut by_kind: HashMap<EventKind, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if row.event.period.precision == Precision::Day && !row.event.actors.is_empty() {
            by_kind.entry(row.event.kind).or_default().push(i);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; rows.len()];
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| vague(r)) {
        let told = &row.event;
        let mut candidates: Vec<usize> = by_kind
            .get(&told.kind)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| {
                let day = &rows[j];
                told.period.contains(&day.event.period)
                    && same_states(&day.event, told)
                    && states_agree(&day.event, told)
                    && !(told.kind == EventKind::Treaty
                        && titles_differ(&day.event.title, &told.title))
                    && (told.place.is_empty()
                        || places_agree(&day.event, told)
                        || day.stops.contains(&told.place))
                    && day.event.period.start
                        <= row.first_reported.min(day.first_reported) + chrono::Duration::days(1)
            })
            .collect();
        candidates.sort_by(|&a, &b| rows[b].sources.cmp(&rows[a].sources).then(a.cmp(&b)));
        let chosen = match candidates.as_slice() {
            [only] if rows[*only].sources >= DOMINANT_SOURCES => Some(*only),
            [first, second, ..]
                if rows[*first].sources >= DOMINANT_SOURCES
                    && rows[*first].sources >= DOMINANT_SOURCES * rows[*second].sources =>
            {
                Some(*first)
            }
            _ => None,
        };
        into[i] = chosen;
    }
    if into.iter().all(Option::is_none) {
        return rows;
    }
    let mut folded: Vec<Option<TimelineRow>> = rows.into_iter().map(Some).collect();
    for i in 0..folded.len() {
        let Some(j) = into[i] else {
            continue;
        };
        let Some(vague_row) = folded[i].take() else {
            continue;
        };
        if let Some(day_row) = folded[j].as_mut() {
            for doc in &vague_row.doc_ids {
                if !day_row.doc_ids.contains(doc) {
                    day_row.doc_ids.push(doc.clone());
                    day_row.sources += 1;
                }
            }
            day_row.first_reported = day_row.first_reported.min(vague_row.first_reported);
            day_row.reports.extend(vague_row.reports);
            day_row.reports.sort_unstable();
            for state in vague_row.event.states {
                if !day_row.event.states.contains(&state) {
                    day_row.event.states.push(state);
                }
            }
            if day_row.event.title.is_empty() {
                day_row.event.title = vague_row.event.title;
            }
        }
    }
    folded.into_iter().flatten().collect()
}

/// The same set of states (in any order).
fn same_states(a: &Event, b: &Event) -> bool {
    a.states.len() == b.states.len() && a.states.iter().all(|s| b.states.contains(s))
}

/// How far apart two named places may lie and be one place: a hall, a
/// palace or a guest house of a city is in the city ("Mansudae Assembly
/// Hall" and "Pyongyang").
const SAME_PLACE_KM: f64 = 25.0;

/// Whether two events' places do not disagree: either is unnamed, they are
/// the same, or they lie within [`SAME_PLACE_KM`] of each other.
fn places_agree(a: &Event, b: &Event) -> bool {
    if a.place.is_empty() || b.place.is_empty() || a.place == b.place {
        return true;
    }
    match (a.coordinates, b.coordinates) {
        (Some(x), Some(y)) => kilometres_between(x, y) <= SAME_PLACE_KM,
        _ => false,
    }
}

/// Great-circle distance (haversine, mean Earth radius 6371 km).
fn kilometres_between(a: crate::gazetteer::Coordinates, b: crate::gazetteer::Coordinates) -> f64 {
    let (la1, la2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let dla = la2 - la1;
    let dlo = (b.longitude - a.longitude).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// A row's id: FNV-1a (64 bits, stable across platforms and versions, unlike
/// the standard library's hasher) of the founding telling's article, place
/// in it, kind and date.
fn event_id(report: &Reported) -> String {
    let e = &report.event;
    // One sentence may tell several events of a kind and day ("met
    // separately with", "delegations of A and B arrived"): their states and
    // people tell them apart.
    let text = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        report.doc_id,
        e.span.start,
        e.span.end,
        e.kind.as_str(),
        e.period.iso(),
        e.trigger,
        e.states.join("\u{1e}"),
        e.actors.join("\u{1e}")
    );
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Whether a row can take a report without being dated after an article
/// that reports it (a day's lag aside): an event is no later than its
/// earliest report.
fn holds(row: &TimelineRow, report: &Reported) -> bool {
    let (period, _) = merged_period(&row.event, &report.event);
    period.start <= row.first_reported.min(report.published) + chrono::Duration::days(1)
}

/// A row's period once a telling joins it, and whether the telling's date
/// (and evidence) becomes the row's: a more precise date wins; the rows of
/// visits and meetings span the days of their tellings (a journey, the
/// talks of a summit); an exact date wins over the dateline's day.
fn merged_period(row: &Event, told: &Event) -> (Period, bool) {
    let (kept, new) = (row.period, told.period);
    if new.precision < kept.precision {
        return (new, true);
    }
    // A later article's day is not a day of the event it recalls; an exact
    // date told later replaces the day of a first, undated report.
    if told_later_by_dateline(row, told) {
        return (kept, false);
    }
    if told_later_by_dateline(told, row) {
        return (new, true);
    }
    if new.precision > kept.precision {
        return (kept, false);
    }
    if matches!(told.kind, EventKind::Visit | EventKind::Meeting) && new.precision == Precision::Day
    {
        let span = Period {
            precision: Precision::Day,
            start: kept.start.min(new.start),
            end: kept.end.max(new.end),
        };
        let told_exactly =
            row.date_rule == DateSource::Dateline && told.date_rule != DateSource::Dateline;
        return (span, new.start < kept.start || told_exactly);
    }
    let told_exactly =
        row.date_rule == DateSource::Dateline && told.date_rule != DateSource::Dateline;
    if told_exactly {
        (new, true)
    } else {
        (kept, false)
    }
}

/// The rows that may hold a telling: those of its kind in the years around
/// its date.
fn lookup_rows<'i>(
    index: &'i HashMap<(EventKind, i32), Vec<usize>>,
    event: &Event,
) -> impl Iterator<Item = usize> + 'i {
    let window = chrono::Duration::days(VISIT_DAYS);
    let years = (event.period.start - window).year()..=(event.period.end + window).year();
    let kind = event.kind;
    years.flat_map(move |y| index.get(&(kind, y)).into_iter().flatten().copied())
}

/// Whether a meeting told by month or year with nobody named ("the summit
/// held in Pyongyang in June 2000") can be the meeting of a dated row: the
/// same place and states, within the telling's period. It joins the row only
/// when no other row fits.
fn the_meeting_it_names(row: &Event, told: &Event) -> bool {
    told.kind == EventKind::Meeting
        && row.kind == EventKind::Meeting
        && told.actors.is_empty()
        && told.period.precision > row.period.precision
        && told.period.contains(&row.period)
        && !told.place.is_empty()
        && told.place == row.place
        && states_agree(row, told)
        && row.states.len() >= 2
        && told.states.len() >= 2
}

fn same_event(a: &Event, b: &Event) -> bool {
    // Every test below is a plain function of the two events, so their
    // order changes no answer; the cheap ones come first, as nearly every
    // pair a telling is held against is another event.
    if a.kind != b.kind {
        return false;
    }
    let treaty = a.kind == EventKind::Treaty;
    // A document named again days later, in an article dated only by its
    // dateline ("Koizumi visited and the Pyongyang declaration was
    // signed"), is the signing told before.
    let may_be_recalled = treaty && {
        let (earlier, later) = if a.period.start <= b.period.start {
            (a, b)
        } else {
            (b, a)
        };
        later.date_rule == DateSource::Dateline
            && earlier.date_rule != DateSource::Dateline
            && earlier.period.precision == Precision::Day
            && (later.period.start - earlier.period.end).num_days() <= RECALLED_DAYS
    };
    let dates_fit = dates_compatible(a, b);
    if !dates_fit && !may_be_recalled {
        return false;
    }
    // The places of one visit are its stops, not another visit.
    let places_fit = a.kind == EventKind::Visit || places_agree(a, b);
    if !places_fit || !states_agree(a, b) {
        return false;
    }
    // Tellings of one document by its name agree on who signed it, whoever
    // else their sentences name.
    let same_document = treaty && same_title(&a.title, &b.title);
    // Two documents named apart are two signings, whoever signed them;
    // a bare noun ("the agreement") may name either.
    if treaty && !same_document && titles_differ(&a.title, &b.title) {
        return false;
    }
    // The recollection may name it by its noun alone ("the historic
    // declaration was published"), with the same states. (Names that
    // differ were turned away above.)
    let may_be_it = same_document
        || (treaty && !a.title.is_empty() && !b.title.is_empty() && same_states(a, b));
    if !dates_fit && !may_be_it {
        return false;
    }
    // A telling of a month or a year joins a row of a day only when the
    // people agree: an unnamed delegation's visit of "May" is not the
    // president's visit of May 4.
    let coarse = a.period.precision != b.period.precision;
    let people_agree = a.actors.is_empty() == b.actors.is_empty();
    (same_document || participants_overlap(a, b)) && (!coarse || people_agree || same_document)
}

/// Whether two document names name one document: the same words, or one
/// the other with more words of its own ("the north-south joint
/// declaration" and "the June 15 north-south joint declaration").
fn same_title(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    // A whole document's name within the other, word for word, and more
    // than a bare noun ("agreement" names no document).
    short.contains(' ')
        && long
            .match_indices(short.as_str())
            .any(|(at, _)| is_whole_words(long, at, short.len()))
}

/// Whether two document names cannot name one document: neither is within
/// the other, and a one-word name ("agreement") is not the other's noun.
fn titles_differ(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() || same_title(a, b) {
        return false;
    }
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (a_noun, a_about) = head_and_complement(&a);
    let (b_noun, b_about) = head_and_complement(&b);
    let about_differs = !a_about.is_empty()
        && !b_about.is_empty()
        && !a_about.contains(b_about)
        && !b_about.contains(a_about);
    a_noun != b_noun || about_differs
}

/// A document name's noun and what it is about: "agreement on fisheries"
/// gives ("agreement", "fisheries"), "June 15 joint declaration" gives
/// ("declaration", "").
fn head_and_complement(title: &str) -> (&str, &str) {
    let cut = [" on ", " for ", " of ", " between ", " concerning "]
        .iter()
        .filter_map(|p| title.find(p).map(|at| (at, p.len())))
        .min();
    let (head, about) = match cut {
        Some((at, len)) => (&title[..at], &title[at + len..]),
        None => (title, ""),
    };
    (head.split_whitespace().last().unwrap_or(""), about)
}

fn is_whole_words(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn absorb(row: &mut TimelineRow, report: &Reported) {
    let event = &report.event;
    if !row.doc_ids.contains(&report.doc_id) {
        row.doc_ids.push(report.doc_id.clone());
        row.sources += 1;
    }
    row.first_reported = row.first_reported.min(report.published);
    if event.kind == EventKind::Visit
        && !event.place.is_empty()
        && !row.event.place.is_empty()
        && event.place != row.event.place
        && !row.stops.contains(&event.place)
    {
        row.stops.push(event.place.clone());
    }
    let (period, told) = merged_period(&row.event, event);
    row.event.period = period;
    if told {
        row.event.date_text = event.date_text.clone();
        row.event.date_rule = event.date_rule.clone();
        row.event.evidence = event.evidence.clone();
    }
    for actor in &event.actors {
        // "Councilor Meng Jianzhu" in one telling is "Meng Jianzhu" of another.
        if let Some(longer) = row
            .event
            .actors
            .iter()
            .position(|a| a.len() > actor.len() && names_one_person(a, actor))
        {
            row.event.actors[longer] = actor.clone();
        } else if !row.event.actors.iter().any(|a| names_one_person(actor, a)) {
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
        row.event.coordinates = event.coordinates;
    }
    if row.event.title.is_empty() {
        row.event.title = event.title.clone();
    }
}

/// Reports kept on disk while a run reads its articles, so that the reading
/// does not hold them: [`ReportWriter::append`] adds them as documents
/// finish, and [`ReportWriter::finish`] gives the [`ReportFile`] that a run
/// reads, one report at a time, for the [`Merger`] and again for
/// `events.csv`. Every field round-trips exactly, unlike a spreadsheet cell:
/// the staging folder's encoding, with dates as days.
pub struct ReportWriter {
    path: std::path::PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    count: usize,
}

impl ReportWriter {
    /// Starts the file at `path`.
    ///
    /// # Errors
    /// When the file cannot be created.
    pub fn create(path: &std::path::Path) -> crate::error::Result<ReportWriter> {
        let file = std::fs::File::create(path).map_err(|e| crate::error::Error::io(path, e))?;
        Ok(ReportWriter {
            path: path.to_path_buf(),
            out: std::io::BufWriter::with_capacity(1 << 16, file),
            count: 0,
        })
    }

    /// Appends reports already encoded by [`encode_report`].
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn append(&mut self, encoded: &[u8], reports: usize) -> crate::error::Result<()> {
        use std::io::Write as _;
        self.count += reports;
        self.out
            .write_all(encoded)
            .map_err(|e| crate::error::Error::io(&self.path, e))
    }

    /// Flushes and closes the file, for reading back.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn finish(self) -> crate::error::Result<ReportFile> {
        use std::io::Write as _;
        let ReportWriter {
            path,
            mut out,
            count,
        } = self;
        out.flush().map_err(|e| crate::error::Error::io(&path, e))?;
        Ok(ReportFile { path, count })
    }
}

/// A finished file of reports, read as often as needed.
pub struct ReportFile {
    path: std::path::PathBuf,
    count: usize,
}

impl ReportFile {
    /// How many reports it holds.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Its reports, in the order written.
    ///
    /// # Errors
    /// When the file cannot be opened; a report that cannot be read is an
    /// error of the iterator, after which it ends.
    pub fn reports(&self) -> crate::error::Result<ReportReader<'_>> {
        let file =
            std::fs::File::open(&self.path).map_err(|e| crate::error::Error::io(&self.path, e))?;
        Ok(ReportReader {
            path: &self.path,
            input: std::io::BufReader::with_capacity(1 << 16, file),
            left: self.count,
        })
    }
}

/// The reports of a [`ReportFile`], one at a time.
pub struct ReportReader<'f> {
    path: &'f std::path::Path,
    input: std::io::BufReader<std::fs::File>,
    left: usize,
}

impl Iterator for ReportReader<'_> {
    type Item = crate::error::Result<Reported>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let report = decode_report(&mut self.input);
        if report.is_err() {
            self.left = 0;
        }
        Some(report.map_err(|e| crate::error::Error::io(self.path, e)))
    }
}

/// Appends `report` to `out` in the encoding [`ReportWriter`] reads back.
pub fn encode_report(report: &Reported, out: &mut Vec<u8>) {
    use crate::spill::{put_number as number, put_text as text};
    let e = &report.event;
    let day = |out: &mut Vec<u8>, d: NaiveDate| {
        out.extend_from_slice(&d.num_days_from_ce().to_le_bytes());
    };
    text(out, &report.doc_id);
    day(out, report.published);
    text(out, e.kind.as_str());
    text(out, e.status.as_str());
    text(out, e.period.precision.as_str());
    day(out, e.period.start);
    day(out, e.period.end);
    text(out, &e.date_text);
    let (source, rule) = match &e.date_rule {
        DateSource::Expression(rule) => (0, rule.as_ref()),
        DateSource::Dateline => (1, ""),
        DateSource::Recently => (2, ""),
        DateSource::Elapsed => (3, ""),
        DateSource::KnownDocument => (4, ""),
    };
    out.push(source);
    text(out, rule);
    for list in [&e.actors, &e.states] {
        number(out, list.len() as u64);
        for item in list {
            text(out, item);
        }
    }
    text(out, &e.place);
    match e.coordinates {
        Some(c) => {
            out.push(1);
            number(out, c.latitude.to_bits());
            number(out, c.longitude.to_bits());
        }
        None => out.push(0),
    }
    text(out, &e.title);
    text(out, &e.evidence);
    number(out, e.span.start as u64);
    number(out, e.span.end as u64);
    text(out, &e.trigger);
    out.push(u8::from(e.repeated));
}

/// Reads one report that [`encode_report`] wrote.
fn decode_report(input: &mut impl std::io::Read) -> std::io::Result<Reported> {
    use crate::spill::{read_number as number, read_text as text};
    fn bad(what: &str) -> std::io::Error {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("damaged report file: {what}"),
        )
    }
    fn byte(input: &mut impl std::io::Read) -> std::io::Result<u8> {
        let mut b = [0u8; 1];
        input.read_exact(&mut b)?;
        Ok(b[0])
    }
    fn day(input: &mut impl std::io::Read) -> std::io::Result<NaiveDate> {
        let mut b = [0u8; 4];
        input.read_exact(&mut b)?;
        NaiveDate::from_num_days_from_ce_opt(i32::from_le_bytes(b)).ok_or_else(|| bad("a date"))
    }
    fn list(input: &mut impl std::io::Read) -> std::io::Result<Vec<String>> {
        let len = number(input)?;
        (0..len).map(|_| text(input)).collect()
    }
    let doc_id = text(input)?;
    let published = day(input)?;
    let kind = EventKind::parse(&text(input)?).ok_or_else(|| bad("an event kind"))?;
    let status = Status::parse(&text(input)?).ok_or_else(|| bad("a status"))?;
    let precision = Precision::parse(&text(input)?).ok_or_else(|| bad("a precision"))?;
    let period = Period {
        precision,
        start: day(input)?,
        end: day(input)?,
    };
    let date_text = text(input)?;
    let source = byte(input)?;
    let rule = text(input)?;
    let date_rule = match source {
        0 => DateSource::Expression(std::borrow::Cow::Owned(rule)),
        1 => DateSource::Dateline,
        2 => DateSource::Recently,
        3 => DateSource::Elapsed,
        4 => DateSource::KnownDocument,
        _ => return Err(bad("a date source")),
    };
    let actors = list(input)?;
    let states = list(input)?;
    let place = text(input)?;
    let coordinates = match byte(input)? {
        0 => None,
        _ => Some(crate::gazetteer::Coordinates {
            latitude: f64::from_bits(number(input)?),
            longitude: f64::from_bits(number(input)?),
        }),
    };
    let title = text(input)?;
    let evidence = text(input)?;
    let start = usize::try_from(number(input)?).map_err(|_| bad("a span"))?;
    let end = usize::try_from(number(input)?).map_err(|_| bad("a span"))?;
    let trigger = text(input)?;
    let repeated = byte(input)? != 0;
    Ok(Reported {
        doc_id,
        published,
        event: Event {
            kind,
            status,
            period,
            date_text,
            date_rule,
            actors,
            states,
            place,
            coordinates,
            title,
            evidence,
            span: start..end,
            trigger,
            repeated,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(
        doc: &str,
        kind: EventKind,
        period: Period,
        actors: &[&str],
        states: &[&str],
        rule: &'static str,
    ) -> Reported {
        Reported {
            doc_id: doc.into(),
            published: NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
            event: Event {
                kind,
                status: Status::Happened,
                period,
                date_text: String::new(),
                date_rule: DateSource::from_name(rule),
                actors: actors.iter().map(|s| s.to_string()).collect(),
                states: states.iter().map(|s| s.to_string()).collect(),
                place: String::new(),
                coordinates: None,
                title: String::new(),
                evidence: String::new(),
                span: 0..0,
                trigger: String::new(),
                repeated: false,
            },
        }
    }

    /// Every field comes back as it went in, including those a spreadsheet
    /// cell would change: a leading "=" or "'-", a "; " inside a name, a
    /// rule named like a date source, coordinates to the last bit.
    #[test]
    fn the_report_file_gives_back_every_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = report(
            "a-1",
            EventKind::Treaty,
            Period {
                precision: Precision::Month,
                start: NaiveDate::from_ymd_opt(1998, 2, 1).unwrap(),
                end: NaiveDate::from_ymd_opt(1998, 2, 28).unwrap(),
            },
            &["Kim; Jong Il", ""],
            &["=DPRK"],
            "dateline",
        );
        first.event.date_rule = DateSource::Expression(std::borrow::Cow::Borrowed("dateline"));
        first.event.evidence = "'-signed \"here\",\nin Pyongyang".into();
        first.event.coordinates = Some(crate::gazetteer::Coordinates {
            latitude: 39.019_444_000_000_1,
            longitude: -125.738_052_777_777_8,
        });
        first.event.span = 12..345;
        first.event.repeated = true;
        first.event.status = Status::Planned;
        let mut second = report("b-2", EventKind::Visit, day(5, 4), &[], &[], "dateline");
        second.event.place = "Pyongyang".into();
        second.event.trigger = "arrived".into();
        let path = dir.path().join(".reports");
        let mut writer = ReportWriter::create(&path).unwrap();
        for report in [&first, &second] {
            let mut bytes = Vec::new();
            encode_report(report, &mut bytes);
            writer.append(&bytes, 1).unwrap();
        }
        let file = writer.finish().unwrap();
        assert_eq!(file.len(), 2);
        let back: Vec<Reported> = file.reports().unwrap().map(Result::unwrap).collect();
        let again: Vec<Reported> = file.reports().unwrap().map(Result::unwrap).collect();
        assert_eq!(back.len(), 2);
        assert_eq!(again.len(), 2);
        assert_eq!(again[1].event, second.event);
        assert_eq!(back.len(), 2);
        for (got, want) in back.iter().zip([&first, &second]) {
            assert_eq!(got.doc_id, want.doc_id);
            assert_eq!(got.published, want.published);
            assert_eq!(got.event, want.event);
        }
        assert_eq!(back[1].event.date_rule, DateSource::Dateline);
        assert!(matches!(back[0].event.date_rule, DateSource::Expression(_)));
    }

    /// A file cut short is an error naming it, not a panic.
    #[test]
    fn a_damaged_report_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".reports");
        let mut bytes = Vec::new();
        encode_report(
            &report("a", EventKind::Meeting, day(1, 2), &["X"], &[], "r"),
            &mut bytes,
        );
        let mut writer = ReportWriter::create(&path).unwrap();
        writer.append(&bytes[..bytes.len() / 2], 1).unwrap();
        let file = writer.finish().unwrap();
        let mut reports = file.reports().unwrap();
        let error = reports.next().unwrap().unwrap_err().to_string();
        assert!(error.contains(".reports"), "{error}");
        assert!(reports.next().is_none(), "reading stops at the damage");
    }

    fn day(m: u32, d: u32) -> Period {
        Period::day(NaiveDate::from_ymd_opt(2024, m, d).unwrap())
    }

    /// Two days of one event are at most two weeks apart, whatever joins
    /// them: the days of one journey, the same principals recalled, a
    /// meeting named by its noun, late news. One day more, and no way
    /// joins them, in either order.
    #[test]
    fn days_more_than_two_weeks_apart_are_two_events() {
        let principals = ["Kim Jong Un", "Vladimir Putin"];
        for kind in [EventKind::Meeting, EventKind::Visit, EventKind::Treaty] {
            for (rules, earlier_actors, later_actors, trigger) in [
                (
                    ("expression", "dateline"),
                    &principals[..],
                    &principals[..],
                    "",
                ),
                (
                    ("expression", "dateline"),
                    &principals[..],
                    &[][..],
                    "talks",
                ),
                (
                    ("dateline", "dateline"),
                    &principals[..1],
                    &principals[..1],
                    "",
                ),
                (
                    ("expression", "expression"),
                    &principals[..],
                    &principals[..],
                    "",
                ),
            ] {
                let pair = |apart: u32| {
                    let first = report("a", kind, day(3, 1), earlier_actors, &[], rules.0).event;
                    let mut second =
                        report("b", kind, day(3, 1 + apart), later_actors, &[], rules.1).event;
                    second.trigger = trigger.into();
                    (first, second)
                };
                for apart in [15, 16, 20, 27] {
                    let (first, second) = pair(apart);
                    assert!(
                        !dates_compatible(&first, &second),
                        "{kind:?} {apart} {rules:?}"
                    );
                    assert!(
                        !dates_compatible(&second, &first),
                        "{kind:?} {apart} {rules:?}"
                    );
                }
            }
        }
        // Two weeks apart, some ways still join.
        let visit = |d| {
            report(
                "v",
                EventKind::Visit,
                day(3, d),
                &principals,
                &[],
                "expression",
            )
        };
        assert!(dates_compatible(&visit(1).event, &visit(15).event));
        let recalled = report(
            "r",
            EventKind::Meeting,
            day(3, 15),
            &principals,
            &[],
            "dateline",
        );
        let exact = report(
            "e",
            EventKind::Meeting,
            day(3, 1),
            &principals,
            &[],
            "expression",
        );
        assert!(dates_compatible(&exact.event, &recalled.event));
    }

    /// `count` tellings of one event, each from its own article.
    fn told(count: usize, prefix: &str, template: &Reported) -> Vec<Reported> {
        (0..count)
            .map(|i| Reported {
                doc_id: format!("{prefix}{i}"),
                ..template.clone()
            })
            .collect()
    }

    fn at(mut report: Reported, place: &str, latitude: f64, longitude: f64) -> Reported {
        report.event.place = place.into();
        report.event.coordinates = Some(crate::gazetteer::Coordinates {
            latitude,
            longitude,
        });
        report
    }

    #[test]
    fn a_vague_telling_folds_into_the_event_the_month_was_told_of() {
        let summit = report(
            "s",
            EventKind::Meeting,
            day(6, 13),
            &["Kim Jong Un", "Moon Jae In"],
            &["DPRK", "South Korea"],
            "month day",
        );
        let minor = report(
            "m",
            EventKind::Meeting,
            day(6, 22),
            &["Kim Yong Chol", "Chung Eui Yong"],
            &["DPRK", "South Korea"],
            "month day",
        );
        // "The historic summit was held in June": nobody named.
        let vague = report(
            "v",
            EventKind::Meeting,
            Period::month(2024, 6).unwrap(),
            &[],
            &["South Korea", "DPRK"],
            "month",
        );
        let mut reports = told(4, "s", &summit);
        reports.push(minor.clone());
        reports.push(vague.clone());
        let rows = merge(&reports);
        assert_eq!(rows.len(), 2, "the month's telling joins the summit");
        let row = rows
            .iter()
            .find(|r| r.doc_ids.contains(&"v".to_string()))
            .unwrap();
        assert_eq!(row.event.period.iso(), "2024-06-13");
        assert_eq!(row.sources, 5);

        // Two events told as much as each other: the vague one stays apart.
        let mut reports = told(2, "s", &summit);
        reports.extend(told(2, "m", &minor));
        reports.push(vague.clone());
        assert_eq!(merge(&reports).len(), 3);

        // Other states, or a month that does not hold the day: no fold.
        let mut other = vague.clone();
        other.event.states = vec!["DPRK".into(), "Japan".into()];
        let mut reports = told(4, "s", &summit);
        reports.push(other);
        assert_eq!(merge(&reports).len(), 2);
        let mut may = vague;
        may.event.period = Period::month(2024, 5).unwrap();
        let mut reports = told(4, "s", &summit);
        reports.push(may);
        assert_eq!(merge(&reports).len(), 2);
    }

    #[test]
    fn a_hall_of_the_city_is_the_city() {
        let talks = report(
            "a",
            EventKind::Meeting,
            day(6, 14),
            &["Kim Yong Nam", "Kim Dae Jung"],
            &["DPRK", "South Korea"],
            "month day",
        );
        let city = at(talks.clone(), "Pyongyang", 39.0339, 125.7543);
        let hall = at(
            Reported {
                doc_id: "b".into(),
                ..talks.clone()
            },
            "Mansudae Assembly Hall",
            39.0308,
            125.7466,
        );
        assert_eq!(merge(&[city.clone(), hall]).len(), 1);
        // Wonsan is 150 km away: another meeting.
        let far = at(
            Reported {
                doc_id: "c".into(),
                ..talks
            },
            "Wonsan",
            39.1528,
            127.4436,
        );
        assert_eq!(merge(&[city, far]).len(), 2);
    }

    #[test]
    fn a_declaration_recalled_by_its_noun_days_later_is_the_signing() {
        let mut signed = report(
            "a",
            EventKind::Treaty,
            day(9, 17),
            &[],
            &["DPRK", "Japan"],
            "dateline",
        );
        signed.event.title = "DPRK-Japan Pyongyang declaration".into();
        signed.event.date_rule = DateSource::from_name("month day");
        // "Koizumi visited the DPRK and the historic declaration was
        // published", told on September 28 with no date of its own.
        let mut recalled = report(
            "b",
            EventKind::Treaty,
            day(9, 28),
            &["Junichiro Koizumi", "Kim Jong Il"],
            &["Japan", "DPRK"],
            "dateline",
        );
        recalled.event.title = "declaration".into();
        let rows = merge(&[signed.clone(), recalled.clone()]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].event.period.iso(), "2024-09-17");
        // An agreement is another document; a month later is another signing.
        let mut agreement = recalled.clone();
        agreement.event.title = "agreement".into();
        assert_eq!(merge(&[signed.clone(), agreement]).len(), 2);
        let mut late = recalled;
        late.event.period = day(10, 28);
        assert_eq!(merge(&[signed, late]).len(), 2);
    }

    #[test]
    fn a_day_merges_with_its_month_and_keeps_the_day() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Meeting,
                Period::month(2024, 6).unwrap(),
                &["Kim Jong Un"],
                &["DPRK", "Russia"],
                "month",
            ),
            report(
                "b",
                EventKind::Meeting,
                day(6, 19),
                &["Kim Jong Un", "Vladimir Putin"],
                &["DPRK", "Russia"],
                "month day",
            ),
        ]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sources, 2);
        assert_eq!(rows[0].event.period.iso(), "2024-06-19");
        assert_eq!(rows[0].doc_ids, ["a", "b"]);
    }

    #[test]
    fn the_days_of_one_visit_merge_only_with_the_same_people() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Visit,
                day(10, 28),
                &["Choe Son Hui"],
                &["DPRK", "Russia"],
                "month day",
            ),
            report(
                "b",
                EventKind::Visit,
                day(11, 1),
                &["Choe Son Hui"],
                &["DPRK", "Russia"],
                "month day",
            ),
            report(
                "c",
                EventKind::Visit,
                day(10, 22),
                &[],
                &["DPRK", "Russia"],
                "month day",
            ),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].event.period.iso(), "2024-10-28");
        assert_eq!(rows[1].sources, 2);
    }

    #[test]
    fn visits_in_opposite_directions_stay_apart() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Visit,
                day(10, 29),
                &[],
                &["DPRK", "Russia"],
                "dateline",
            ),
            report(
                "b",
                EventKind::Visit,
                day(10, 29),
                &[],
                &["Russia", "DPRK"],
                "dateline",
            ),
        ]);
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn news_dated_by_its_dateline_may_lag_two_days() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Meeting,
                day(9, 13),
                &["Kim Jong Un", "Sergei Shoigu"],
                &["DPRK", "Russia"],
                "month day",
            ),
            report(
                "b",
                EventKind::Meeting,
                day(9, 14),
                &["Kim Jong Un", "Sergei Shoigu"],
                &["DPRK", "Russia"],
                "dateline",
            ),
            // Told with a day of its own a week later: another meeting.
            report(
                "c",
                EventKind::Meeting,
                day(9, 20),
                &["Kim Jong Un", "Sergei Shoigu"],
                &["DPRK", "Russia"],
                "weekday",
            ),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].event.period.iso(), "2024-09-13");
    }

    #[test]
    fn an_article_days_later_that_tells_the_talks_undated_joins_them() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Meeting,
                day(9, 17),
                &["Kim Jong Il", "Junichiro Koizumi"],
                &["DPRK", "Japan"],
                "month day",
            ),
            report(
                "b",
                EventKind::Meeting,
                day(9, 27),
                &["Kim Jong Il", "Junichiro Koizumi"],
                &["DPRK", "Japan"],
                "dateline",
            ),
            // One principal in common is not enough.
            report(
                "c",
                EventKind::Meeting,
                day(9, 25),
                &["Kim Jong Il", "Kim Yong Nam"],
                &["DPRK", "Japan"],
                "dateline",
            ),
        ]);
        assert_eq!(rows.len(), 2);
        let talks = rows
            .iter()
            .find(|r| r.sources == 2)
            .expect("the talks told twice");
        assert_eq!(talks.event.period.iso(), "2024-09-17");
    }

    #[test]
    fn planned_events_stay_out_of_the_timeline() {
        let mut planned = report(
            "a",
            EventKind::Visit,
            day(10, 1),
            &["Vladimir Putin"],
            &["Russia", "DPRK"],
            "month day",
        );
        planned.event.status = Status::Planned;
        assert!(merge(&[planned]).is_empty());
    }

    /// A merger fed one report at a time numbers every report it is given,
    /// those left out of the timeline too, so that a row's reports point at
    /// their lines of events.csv.
    #[test]
    fn a_merger_numbers_every_report_it_is_given() {
        let told = |doc: &str, status: Status| {
            let mut r = report(
                doc,
                EventKind::Meeting,
                day(3, 9),
                &["Kim Jong Un"],
                &["DPRK", "China"],
                "month day",
            );
            r.event.status = status;
            r
        };
        let mut merger = Merger::default();
        for r in [
            told("a", Status::Planned),
            told("b", Status::Happened),
            told("c", Status::Negated),
            told("d", Status::Happened),
        ] {
            merger.add(&r);
        }
        let rows = merger.finish();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].reports, vec![1, 3]);
        assert_eq!(rows[0].doc_ids, vec!["b", "d"]);
    }

    #[test]
    fn a_visit_spans_its_days_and_lists_its_stops() {
        let mut arrival = report(
            "a",
            EventKind::Visit,
            day(8, 22),
            &["Kim Jong Il"],
            &["DPRK", "Russia"],
            "month day",
        );
        arrival.event.place = "Khabarovsk".into();
        let mut stop = report(
            "b",
            EventKind::Visit,
            day(8, 23),
            &["Kim Jong Il"],
            &["DPRK", "Russia"],
            "month day",
        );
        stop.event.place = "Vladivostok".into();
        let departure = report(
            "c",
            EventKind::Visit,
            day(8, 24),
            &["Kim Jong Il"],
            &["DPRK", "Russia"],
            "month day",
        );
        let rows = merge(&[arrival, stop, departure]);
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(
            (row.event.period.start, row.event.period.end),
            (day(8, 22).start, day(8, 24).start)
        );
        assert_eq!(row.event.place, "Khabarovsk");
        assert_eq!(row.stops, ["Vladivostok"]);
        assert_eq!(row.reports, [0, 1, 2]);
    }

    #[test]
    fn a_month_joins_a_day_only_when_the_people_agree() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Visit,
                day(5, 4),
                &["Kim Jong Il"],
                &["DPRK", "China"],
                "month day",
            ),
            report(
                "b",
                EventKind::Visit,
                Period::month(2024, 5).unwrap(),
                &[],
                &["DPRK", "China"],
                "month",
            ),
            report(
                "c",
                EventKind::Visit,
                Period::month(2024, 5).unwrap(),
                &["Kim Jong Il"],
                &["DPRK", "China"],
                "month",
            ),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.iter().map(|r| r.sources).sum::<usize>(), 3);
        let with_kim = rows
            .iter()
            .find(|r| r.event.period.precision == crate::resolve::Precision::Day)
            .unwrap();
        assert_eq!(with_kim.doc_ids, ["a", "c"]);
    }

    #[test]
    fn event_ids_are_stable_and_distinct() {
        let reports = [
            report(
                "a",
                EventKind::Meeting,
                day(6, 19),
                &["Kim Jong Un"],
                &["DPRK", "Russia"],
                "month day",
            ),
            report(
                "b",
                EventKind::Treaty,
                day(6, 19),
                &[],
                &["DPRK", "Russia"],
                "month day",
            ),
        ];
        let first: Vec<String> = merge(&reports).into_iter().map(|r| r.event_id).collect();
        let again: Vec<String> = merge(&reports).into_iter().map(|r| r.event_id).collect();
        assert_eq!(first, again);
        assert_ne!(first[0], first[1]);
        // One sentence, two visits: "delegations of Laos and Iran arrived".
        let visit = |state: &str| {
            report(
                "c",
                EventKind::Visit,
                day(6, 19),
                &[],
                &[state, "DPRK"],
                "month day",
            )
        };
        let rows = merge(&[visit("Laos"), visit("Iran")]);
        assert_eq!(rows.len(), 2);
        assert_ne!(rows[0].event_id, rows[1].event_id);
        assert!(first.iter().all(|id| id.len() == 16));
    }

    #[test]
    fn a_row_is_never_dated_after_a_report_of_it() {
        let mut early = report(
            "a",
            EventKind::Meeting,
            Period::month(2024, 6).unwrap(),
            &["Kim Jong Un"],
            &["DPRK", "Russia"],
            "month",
        );
        early.published = NaiveDate::from_ymd_opt(2024, 6, 2).unwrap();
        let mut late = report(
            "b",
            EventKind::Meeting,
            day(6, 19),
            &["Kim Jong Un"],
            &["DPRK", "Russia"],
            "month day",
        );
        late.published = NaiveDate::from_ymd_opt(2024, 6, 20).unwrap();
        let rows = merge(&[early, late]);
        assert_eq!(rows.len(), 2, "a report of June 2 cannot tell of June 19");
    }

    #[test]
    fn the_talks_of_one_summit_are_one_row_and_other_people_another() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Meeting,
                day(6, 13),
                &["Kim Jong Il", "Kim Dae Jung"],
                &["DPRK", "South Korea"],
                "month day",
            ),
            report(
                "b",
                EventKind::Meeting,
                day(6, 14),
                &["Kim Jong Il", "Kim Dae Jung"],
                &["DPRK", "South Korea"],
                "month day",
            ),
            report(
                "c",
                EventKind::Meeting,
                day(6, 15),
                &["Kim Dae Jung"],
                &["DPRK", "South Korea"],
                "month day",
            ),
            report(
                "d",
                EventKind::Meeting,
                day(6, 14),
                &["Kim Yong Nam", "Jong Ju Yong"],
                &["DPRK", "South Korea"],
                "month day",
            ),
        ]);
        assert_eq!(rows.len(), 2);
        let summit = rows.iter().find(|r| r.sources == 3).unwrap();
        assert_eq!(
            (summit.event.period.start, summit.event.period.end),
            (day(6, 13).start, day(6, 15).start)
        );
    }

    #[test]
    fn tellings_of_one_document_merge_whoever_their_sentences_name() {
        let mut signed = report(
            "a",
            EventKind::Treaty,
            day(6, 15),
            &["Kim Jong Il", "Kim Dae Jung"],
            &["DPRK", "South Korea"],
            "month day",
        );
        signed.event.title = "June 15 joint declaration".into();
        let mut recalled = report(
            "b",
            EventKind::Treaty,
            day(6, 15),
            &["Saber Ballul"],
            &["DPRK", "South Korea"],
            "month day",
        );
        recalled.event.title = "June 15 joint declaration".into();
        let rows = merge(&[signed, recalled]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sources, 2);
    }

    #[test]
    fn a_month_joins_the_day_of_a_document_of_the_same_name() {
        let mut signed = report(
            "a",
            EventKind::Treaty,
            day(6, 15),
            &["Kim Jong Il", "Kim Dae Jung"],
            &["DPRK", "South Korea"],
            "month day",
        );
        signed.event.title = "June 15 north-south joint declaration".into();
        let mut recalled = report(
            "b",
            EventKind::Treaty,
            Period::month(2024, 6).unwrap(),
            &[],
            &["DPRK", "South Korea"],
            "month",
        );
        recalled.event.title = "north-south joint declaration".into();
        // Another document of that month, and a bare noun, stay apart.
        let mut other = recalled.clone();
        other.doc_id = "c".into();
        other.event.title = "agreement on fisheries".into();
        let mut bare = recalled.clone();
        bare.doc_id = "d".into();
        bare.event.title = "declaration".into();
        let rows = merge(&[signed, recalled, other, bare]);
        assert_eq!(rows.len(), 3);
        let day_row = rows
            .iter()
            .find(|r| r.event.period.iso() == "2024-06-15")
            .expect("the day's row");
        assert_eq!(day_row.sources, 2);
    }

    #[test]
    fn talks_named_by_their_noun_days_later_are_the_talks_held_before() {
        let summit = report(
            "a",
            EventKind::Meeting,
            day(9, 17),
            &["Kim Jong Il", "Junichiro Koizumi"],
            &["DPRK", "Japan"],
            "month day",
        );
        let mut recalled = report(
            "b",
            EventKind::Meeting,
            day(9, 25),
            &[],
            &["DPRK", "Japan"],
            "dateline",
        );
        recalled.event.trigger = "talks between".into();
        let mut held = recalled.clone();
        held.doc_id = "c".into();
        held.event.trigger = "talks were held".into();
        let rows = merge(&[summit, recalled, held]);
        // "talks were held here today" is news of its own day.
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].sources, 2);
        assert_eq!(rows[0].event.period, day(9, 17));
    }

    #[test]
    fn one_host_meeting_two_guests_the_same_day_is_two_meetings() {
        let told = |doc: &str, people: &[&str]| {
            report(
                doc,
                EventKind::Meeting,
                day(9, 1),
                people,
                &["DPRK", "Iran"],
                "month day",
            )
        };
        let rows = merge(&[
            told("a", &["Kim Yong Nam", "Mahmoud Ahmadinejad"]),
            told("b", &["Kim Yong Nam", "Ali Khamenei"]),
            // The talks told again with one more name, or with fewer.
            told(
                "c",
                &["Kim Yong Nam", "Mahmoud Ahmadinejad", "Ali Akbar Salehi"],
            ),
            told("d", &["Mahmoud Ahmadinejad"]),
        ]);
        assert_eq!(rows.len(), 2);
        let sources: Vec<usize> = rows.iter().map(|r| r.sources).collect();
        assert!(sources.contains(&3) && sources.contains(&1), "{sources:?}");
        // A telling with its attendance list is the same talks, whoever of
        // the principals it leaves out.
        let list = told(
            "e",
            &["Ali Khamenei", "Pak Ui Chun", "Kim Yong Il", "Ri Su Yong"],
        );
        let rows = merge(&[told("b", &["Kim Yong Nam", "Ali Khamenei"]), list]);
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn a_person_told_with_and_without_a_title_is_one_actor() {
        let rows = merge(&[
            report(
                "a",
                EventKind::Meeting,
                day(2, 14),
                &["Kim Jong Il", "Councilor Meng Jianzhu"],
                &["DPRK", "China"],
                "weekday",
            ),
            report(
                "b",
                EventKind::Meeting,
                day(2, 14),
                &["Meng Jianzhu", "Kim Jong Il"],
                &["DPRK", "China"],
                "dateline",
            ),
        ]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].event.actors, ["Kim Jong Il", "Meng Jianzhu"]);
    }

    #[test]
    fn a_summit_told_by_month_at_its_place_joins_the_one_dated_summit() {
        let mut talks = report(
            "a",
            EventKind::Meeting,
            day(6, 14),
            &["Kim Jong Il", "Kim Dae Jung"],
            &["DPRK", "South Korea"],
            "month day",
        );
        talks.event.place = "Pyongyang".into();
        let mut elsewhere = report(
            "b",
            EventKind::Meeting,
            day(6, 29),
            &["Kim Jong Il", "Jong Ju Yong"],
            &["DPRK", "South Korea"],
            "month day",
        );
        elsewhere.event.place = "Wonsan".into();
        let mut recalled = report(
            "c",
            EventKind::Meeting,
            Period::month(2024, 6).unwrap(),
            &[],
            &["South Korea", "DPRK"],
            "month year",
        );
        recalled.event.place = "Pyongyang".into();
        // With two dated meetings at that place, a month's telling is neither.
        let mut second = talks.clone();
        second.doc_id = "d".into();
        second.event.period = day(6, 2);
        second.event.actors = vec!["Kim Yong Nam".into(), "Lim Dong Won".into()];
        let rows = merge(&[talks.clone(), elsewhere.clone(), recalled.clone()]);
        assert_eq!(rows.len(), 2);
        assert!(rows
            .iter()
            .any(|r| r.event.period.iso() == "2024-06-14" && r.sources == 2));
        let rows = merge(&[talks, elsewhere, second, recalled]);
        assert_eq!(rows.len(), 4);
    }
}
