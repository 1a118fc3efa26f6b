//! The whole pipeline: read -> segment -> match -> resolve -> extract ->
//! merge -> write.
//!
//! Documents stream from a reader thread through the workers to a writer
//! that keeps input order; each document's rows are written as it comes,
//! and its events wait in a file of the staging folder for the merge.
//! Output is therefore byte-identical at any thread count. What the reading
//! holds is bounded whatever the archive's size (the regex caches fill up to
//! their caps); the merge reads the events back one at a time and holds only
//! the timeline rows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{extract, Document as ExtractInput, Event};
use crate::gazetteer::{Gazetteer, Mention};
use crate::lexicon::{Lexicon, TriggerAutomaton};
use crate::merge::{Merger, Reported, TimelineRow};
use crate::read::{collect_inputs, Article, DocumentStream, Input, RawDocument, Rejected};
use crate::resolve::{resolve_article, Dateline, Mode, TimeExpr};
use crate::write::{unneutralised, Cell, CsvSink, FileRecord, OutputSet, RowBuffer, RunInfo};

/// Columns of `timeline.csv`.
pub const TIMELINE_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "precision",
    "date_start",
    "date_end",
    "event",
    "actors",
    "states",
    "place",
    "latitude",
    "longitude",
    "stops",
    "title",
    "sources",
    "first_reported",
    "doc_ids",
    "evidence",
];
/// Columns of `events.csv`.
pub const EVENTS_COLUMNS: &[&str] = &[
    "doc_id",
    "published",
    "date",
    "precision",
    "date_start",
    "date_end",
    "event",
    "status",
    "actors",
    "states",
    "place",
    "latitude",
    "longitude",
    "title",
    "evidence",
    "start",
    "end",
    "date_text",
    "date_rule",
    "trigger",
    "event_id",
];
/// Columns of `mentions.csv`.
pub const MENTIONS_COLUMNS: &[&str] = &[
    "doc_id",
    "start",
    "end",
    "text",
    "kind",
    "entity_id",
    "name",
    "country",
];
/// Columns of `dates.csv`.
pub const DATES_COLUMNS: &[&str] = &[
    "doc_id",
    "start",
    "end",
    "text",
    "type",
    "value",
    "precision",
    "date_start",
    "date_end",
    "rule",
];

/// The cells of a `dates.csv` row after `doc_id`: `start, end, text, type,
/// value, precision, date_start, date_end, rule`.
pub fn date_cells<'a>(text: &'a str, expr: &TimeExpr) -> [Cell<'a>; 9] {
    let period = expr.period();
    [
        Cell::number(expr.span.start),
        Cell::number(expr.span.end),
        Cell::Text(&text[expr.span.clone()]),
        Cell::Text(expr.timex_type.as_str()),
        Cell::display(expr.timex()),
        Cell::Text(period.map_or("", |p| p.precision.as_str())),
        period.map_or(Cell::Text(""), |p| Cell::day(p.start)),
        period.map_or(Cell::Text(""), |p| Cell::day(p.end)),
        Cell::Text(expr.rule),
    ]
}

/// Columns of `candidates.csv`.
pub const CANDIDATES_COLUMNS: &[&str] = &["name", "kind", "count", "documents", "example"];
/// Columns of `documents.csv`.
pub const DOCUMENTS_COLUMNS: &[&str] = &[
    "doc_id",
    "path",
    "title",
    "published",
    "status",
    "reason",
    "events",
];

/// The workbook `--format xlsx` writes beside the CSV files.
pub const WORKBOOK: &str = "eventline.xlsx";

/// The workbook's sheets, in order: the timeline first, the largest last.
pub const WORKBOOK_SHEETS: [&str; 6] = [
    "timeline.csv",
    "events.csv",
    "documents.csv",
    "candidates.csv",
    "dates.csv",
    "mentions.csv",
];

/// Settings of an `extract` run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Output folder (created when missing).
    pub out: PathBuf,
    /// Gazetteer folders layered over the bundled gazetteers.
    pub gazetteers: Vec<PathBuf>,
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
    /// Publication date of plain-text inputs.
    pub published: Option<NaiveDate>,
    /// Start each CSV with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Draw a progress bar (only shown on a terminal).
    pub progress: bool,
    /// Also write the CSV files as one workbook, `eventline.xlsx`.
    pub xlsx: bool,
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Documents read (accepted and rejected).
    pub documents: usize,
    /// Documents rejected.
    pub rejected: usize,
    /// Why the first rejected document was rejected (its `reason` in
    /// documents.csv).
    pub first_rejection: Option<String>,
    /// Events as articles tell them (events.csv rows).
    pub events: usize,
    /// Rows of the merged timeline.
    pub timeline: usize,
    /// Bytes of article text analysed.
    pub bytes: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The sheets of `eventline.xlsx`, when it was written.
    pub sheets: Vec<crate::xlsx::Sheet>,
}

/// Everything the pipeline finds in one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Sentence spans.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Gazetteer mentions.
    pub mentions: Vec<Mention>,
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
    /// Resolved time expressions, the dateline's date first when present.
    pub dates: Vec<TimeExpr>,
    /// Extracted events.
    pub events: Vec<Event>,
    /// How many times an over-long sentence was cut (see
    /// [`crate::segment::MAX_SENTENCE_BYTES`]).
    pub sentence_cuts: usize,
}

/// Runs the stages after reading on one article.
pub fn analyze(article: &Article, gazetteer: &Gazetteer, lexicon: &Lexicon) -> Analysis {
    analyze_with(article, gazetteer, lexicon, &lexicon.automaton)
}

/// [`analyze`] with a copy of the lexicon's trigger automaton, as a worker
/// that renews its copies keeps one (see [`RENEW_EVERY`]).
fn analyze_with(
    article: &Article,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    triggers: &TriggerAutomaton,
) -> Analysis {
    let body = article.body.as_str();
    let (sentences, sentence_cuts) = crate::segment::sentences_and_cuts(body);
    let mentions = gazetteer.with_offices(
        body,
        gazetteer.find_mentions(body),
        chrono::Datelike::year(&article.published),
    );
    let (dateline, dates) = resolve_article(body, &sentences, article.published, Mode::News);
    let now = dateline.as_ref().map_or(article.published, |d| d.date);
    let events = extract(
        &ExtractInput {
            body,
            sentences: &sentences,
            mentions: &mentions,
            dates: &dates,
            dateline: dateline.as_ref(),
            now,
        },
        gazetteer,
        lexicon,
        triggers,
    );
    Analysis {
        sentences,
        mentions,
        dateline,
        dates,
        events,
        sentence_cuts,
    }
}

struct DocOutput {
    document: [String; 7],
    mentions: Vec<u8>,
    mention_rows: usize,
    dates: Vec<u8>,
    date_rows: usize,
    /// The document's events, encoded for the run's report file.
    events: Vec<u8>,
    event_count: usize,
    /// Names the gazetteer does not know: name, kind, and the text of the
    /// sentence (see [`crate::candidates::Tally::add`]).
    candidates: Vec<(String, &'static str, String)>,
    bytes: usize,
}

fn process(
    raw: RawDocument,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    triggers: &TriggerAutomaton,
) -> DocOutput {
    let article = match raw.parse() {
        Err(rejected) => return DocOutput::rejected(rejected),
        Ok(article) => article,
    };
    // A panic in the analysis is a bug, but it costs one document, not the
    // run: the document is reported rejected with the panic's message.
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse_into_rows(&article, gazetteer, lexicon, triggers)
    }));
    analysed.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        DocOutput::rejected(Rejected {
            reason: format!("{}: internal error: {message}", article.path),
            id: article.id.clone(),
            path: article.path.clone(),
            title: article.title.clone(),
        })
    })
}

impl DocOutput {
    fn rejected(rejected: Rejected) -> DocOutput {
        DocOutput {
            document: [
                rejected.id,
                rejected.path,
                rejected.title,
                String::new(),
                "rejected".into(),
                rejected.reason,
                "0".into(),
            ],
            mentions: Vec::new(),
            mention_rows: 0,
            dates: Vec::new(),
            date_rows: 0,
            events: Vec::new(),
            event_count: 0,
            candidates: Vec::new(),
            bytes: 0,
        }
    }
}

/// The analysis of one article, formatted as the rows of each output file.
fn analyse_into_rows(
    article: &Article,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    triggers: &TriggerAutomaton,
) -> DocOutput {
    #[cfg(test)]
    if article.body.contains(PANIC_FOR_TESTS) {
        panic!("deliberate panic for a test");
    }
    let analysis = analyze_with(article, gazetteer, lexicon, triggers);
    let body = article.body.as_str();
    // Rows are formatted here, in the worker, into CSV bytes; the writer
    // only appends them in input order.
    // Rows of mentions.csv and dates.csv are some 75 and 95 bytes long.
    let mut mentions = RowBuffer::for_rows(analysis.mentions.len(), 96);
    for m in &analysis.mentions {
        let e = gazetteer.entity(m.entity);
        mentions.row([
            Cell::Text(&article.id),
            Cell::number(m.start),
            Cell::number(m.end),
            Cell::Text(&body[m.start..m.end]),
            Cell::Text(e.kind.as_str()),
            Cell::Text(&e.id),
            Cell::Text(&e.name),
            Cell::Text(gazetteer.country_names(m.entity)),
        ]);
    }
    let mut dates = RowBuffer::for_rows(analysis.dates.len(), 112);
    for d in &analysis.dates {
        dates.row(std::iter::once(Cell::Text(&article.id)).chain(date_cells(body, d)));
    }
    let candidates = crate::candidates::find(
        body,
        &analysis.sentences,
        &analysis.mentions,
        &analysis.dates,
        &lexicon.words.titles,
    )
    .into_iter()
    .map(|c| (c.name, c.kind, body[c.sentence].to_string()))
    .collect();
    let cut = if analysis.sentence_cuts > 0 {
        format!(
            "{} cuts of sentences longer than {} bytes, at clause boundaries",
            analysis.sentence_cuts,
            crate::segment::MAX_SENTENCE_BYTES
        )
    } else {
        String::new()
    };
    let (status, reason) = match (article.lossy, cut.is_empty()) {
        (true, true) => ("lossy", "invalid UTF-8, decoded lossily".to_string()),
        (true, false) => ("lossy", format!("invalid UTF-8, decoded lossily; {cut}")),
        (false, _) => ("ok", cut),
    };
    let mut events = Vec::new();
    let event_count = analysis.events.len();
    for event in analysis.events {
        let report = Reported {
            doc_id: article.id.clone(),
            published: article.published,
            event,
        };
        crate::merge::encode_report(&report, &mut events);
    }
    DocOutput {
        document: [
            article.id.clone(),
            article.path.clone(),
            article.title.clone(),
            article.published.to_string(),
            status.into(),
            reason,
            event_count.to_string(),
        ],
        mentions: mentions.take(),
        mention_rows: analysis.mentions.len(),
        dates: dates.take(),
        date_rows: analysis.dates.len(),
        events,
        event_count,
        candidates,
        bytes: body.len(),
    }
}

/// Documents `uncovered` analyses together; large enough to keep both
/// cores busy, small enough to bound memory. (`extract` streams instead:
/// see [`analyse_in_order`].)
const BATCH: usize = 256;

/// Documents handed to a worker at a time: few enough to keep the workers
/// even, enough that passing them costs little. Each hand-over may wake a
/// sleeping thread: with 16 documents a chunk, the kcna.co.jp archive made
/// about 40,000 thread switches and 3-5% more CPU time than with 64 (about
/// 11,000).
const CHUNK: usize = 64;

/// Chunks read ahead of the one written next, at most: bounds memory
/// however slow one document is (512 documents).
const IN_FLIGHT: usize = 8;

/// Documents a worker analyses with one copy of the trigger automaton
/// before it takes a fresh one ([`TriggerAutomaton::fresh_copy`]).
///
/// The copy's lazy DFA keeps every state and transition the text has led
/// it to. Kept all through the kcna.co.jp archive (122,047 documents), the
/// copies of two workers end 5 MB larger than after an eighth of it, and
/// a longer run grows on. Renewed this often, the peak for the whole
/// archive is about 10% above an eighth's, and twice the archive holds
/// little more. The price is working out each transition again after a
/// renewal: about 2% more work over the archive (1.5% at 32,768 documents,
/// 2.8% at 16,384, 6% at 4,096).
const RENEW_EVERY: usize = 24_576;

/// Analyses the documents of `stream` on `workers` threads and hands each
/// output to `write` in input order, as a stream: a reader thread reads
/// ahead, the workers take chunks of documents as they come free, and
/// chunks that finish early wait (at most [`IN_FLIGHT`]) for those before
/// them. The output is the same at any number of workers, and whatever
/// `renew_every` is (see [`RENEW_EVERY`]).
fn analyse_in_order(
    mut stream: DocumentStream,
    workers: usize,
    renew_every: usize,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    mut write: impl FnMut(DocOutput) -> Result<()>,
) -> Result<()> {
    use std::sync::mpsc::sync_channel;
    use std::sync::{Arc, Mutex};
    // A chunk is read only when a slot is free; writing one frees one.
    let (slot_tx, slot_rx) = sync_channel::<()>(IN_FLIGHT);
    for _ in 0..IN_FLIGHT {
        let _ = slot_tx.send(());
    }
    let (job_tx, job_rx) = sync_channel::<(usize, Vec<RawDocument>)>(workers);
    // Shared by the workers only: when the last one stops, the reader's
    // sends fail and it stops too.
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = sync_channel::<(usize, Vec<DocOutput>)>(workers);
    std::thread::scope(move |scope| {
        scope.spawn(move || {
            for number in 0.. {
                let chunk: Vec<RawDocument> = stream.by_ref().take(CHUNK).collect();
                if chunk.is_empty()
                    || slot_rx.recv().is_err()
                    || job_tx.send((number, chunk)).is_err()
                {
                    break;
                }
            }
        });
        for _ in 0..workers.max(1) {
            let (job_rx, out_tx) = (Arc::clone(&job_rx), out_tx.clone());
            scope.spawn(move || {
                let mut triggers = lexicon.automaton.fresh_copy();
                let mut analysed = 0;
                loop {
                    let job = match job_rx.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => return,
                    };
                    let Ok((number, chunk)) = job else { return };
                    if analysed >= renew_every {
                        triggers = lexicon.automaton.fresh_copy();
                        analysed = 0;
                    }
                    analysed += chunk.len();
                    let outputs = chunk
                        .into_iter()
                        .map(|raw| process(raw, gazetteer, lexicon, &triggers))
                        .collect();
                    if out_tx.send((number, outputs)).is_err() {
                        return;
                    }
                }
            });
        }
        drop((job_rx, out_tx));
        let mut waiting: BTreeMap<usize, Vec<DocOutput>> = BTreeMap::new();
        let mut next = 0;
        let mut written = || -> Result<()> {
            for (number, outputs) in out_rx.iter() {
                waiting.insert(number, outputs);
                while let Some(outputs) = waiting.remove(&next) {
                    for output in outputs {
                        write(output)?;
                    }
                    next += 1;
                    let _ = slot_tx.send(());
                }
            }
            Ok(())
        };
        // On an error the channels close here, so that every thread stops
        // before the scope waits for them.
        let result = written();
        drop(out_rx);
        drop(slot_tx);
        result
    })
}

/// Runs `extract` over `paths` and writes the five CSV files.
///
/// # Errors
/// A missing input path, a malformed gazetteer row, or an output folder that
/// cannot be written. Problems of single documents are not errors: they are
/// rows of `documents.csv`.
pub fn run_extract<P: AsRef<Path>>(paths: &[P], options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let inputs = collect_inputs(paths)?;
    // Loading runs the checks of `eventline gazetteer check`: a gazetteer
    // with problems stops the run before any output is written.
    let (gazetteer, lexicon) = load_stages(options)?;
    std::fs::create_dir_all(&options.out).map_err(|e| Error::io(&options.out, e))?;

    let total_bytes: u64 = inputs
        .iter()
        .map(|i| match i {
            Input::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
            Input::Stdin | Input::Special { .. } => 0,
        })
        .sum();
    let bar = progress_bar(options.progress, total_bytes);

    let set = OutputSet::begin(&options.out)?;
    let bom = options.bom;
    let mut documents = set.sink("documents.csv", DOCUMENTS_COLUMNS, bom)?;
    let mut mentions = set.sink("mentions.csv", MENTIONS_COLUMNS, bom)?;
    let mut dates = set.sink("dates.csv", DATES_COLUMNS, bom)?;
    // Events wait on disk for the merge: the reading does not hold them.
    let mut reports = crate::merge::ReportWriter::create(&set.staged(".reports"))?;
    let mut tally = crate::candidates::Tally::spilling_to(set.staged(""));
    let mut summary = Summary::default();

    let stream = DocumentStream::new(inputs, options.published);
    let workers = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    analyse_in_order(
        stream,
        workers,
        RENEW_EVERY,
        &gazetteer,
        &lexicon,
        |output| {
            tally.add(summary.documents, output.candidates)?;
            summary.documents += 1;
            if output.document[4] == "rejected" {
                summary.rejected += 1;
                if summary.first_rejection.is_none() {
                    summary.first_rejection = Some(output.document[5].clone());
                }
            }
            summary.bytes += output.bytes;
            documents.row(output.document.iter())?;
            mentions.raw(&output.mentions, output.mention_rows)?;
            dates.raw(&output.dates, output.date_rows)?;
            if let Some(bar) = &bar {
                bar.inc(output.bytes as u64);
            }
            reports.append(&output.events, output.event_count)
        },
    )?;
    // The gazetteer and the lexicon hold the largest tables; the merge needs
    // neither.
    drop((gazetteer, lexicon));
    // Three tasks that share nothing end the run side by side: closing the
    // files already complete (flushed to disk: the waiting is the system's),
    // ranking the candidates, and the merge with the files it writes.
    let mut files = std::thread::scope(|scope| {
        let set = &set;
        let closed = scope.spawn(move || -> Result<Vec<FileRecord>> {
            [documents, mentions, dates]
                .into_iter()
                .map(CsvSink::finish)
                .collect()
        });
        let ranked = scope.spawn(move || -> Result<FileRecord> {
            let mut candidates = set.sink("candidates.csv", CANDIDATES_COLUMNS, bom)?;
            tally.write_rows(|row| candidates.row(row.iter()))?;
            candidates.finish()
        });
        let merged = merge_reports(set, reports, bom, &mut summary);
        // The files in the order `run.json` lists them.
        let mut files = joined(closed)?;
        files.extend(merged?);
        files.push(joined(ranked)?);
        Ok::<_, Error>(files)
    })?;
    if options.xlsx {
        summary.sheets =
            crate::xlsx::write_workbook(&set.staged(""), &WORKBOOK_SHEETS, &set.staged(WORKBOOK))?;
        let rows = summary.sheets.iter().map(|s| s.rows).sum();
        files.push(set.record(WORKBOOK, rows)?);
    }
    let run = RunInfo {
        arguments: std::env::args().skip(1).collect(),
        inputs: summary.documents,
    };
    set.commit(&files, &run)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Loads the gazetteer and the lexicon and builds the date rules, side by
/// side: the three share nothing, and together they are most of a short
/// run (one article: 0.16 s one after the other, 0.08 s side by side on
/// two cores). When both lists have problems, the gazetteer's are
/// reported, as when they were loaded one after the other.
fn load_stages(options: &Options) -> Result<(Gazetteer, Lexicon)> {
    std::thread::scope(|scope| {
        let lexicon = scope.spawn(|| Lexicon::load(&options.gazetteers));
        let date_rules = scope.spawn(crate::resolve::prepare);
        let gazetteer = Gazetteer::load(&options.gazetteers);
        joined(date_rules);
        let lexicon = joined(lexicon);
        Ok((gazetteer?, lexicon?))
    })
}

/// What a scoped task returned; its panic goes on in the caller, as if the
/// task had run there.
fn joined<T>(task: std::thread::ScopedJoinHandle<'_, T>) -> T {
    task.join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Merges the events waiting in `reports` into timeline rows and writes
/// `events.csv` and `timeline.csv`. The merge holds its rows, not the
/// reports: they are read from disk once for it and once more for
/// `events.csv`.
fn merge_reports(
    set: &OutputSet,
    reports: crate::merge::ReportWriter,
    bom: bool,
    summary: &mut Summary,
) -> Result<Vec<FileRecord>> {
    let reports = reports.finish()?;
    let mut merger = Merger::default();
    for report in reports.reports()? {
        merger.add(&report?);
    }
    let timeline_rows = merger.finish();
    let mut row_of: Vec<Option<usize>> = vec![None; reports.len()];
    for (r, row) in timeline_rows.iter().enumerate() {
        for &i in &row.reports {
            row_of[i] = Some(r);
        }
    }
    let mut events = set.sink("events.csv", EVENTS_COLUMNS, bom)?;
    for (report, row) in reports.reports()?.zip(&row_of) {
        let event_id = row.map_or("", |r| timeline_rows[r].event_id.as_str());
        events.row(event_row(&report?, event_id))?;
    }
    let timeline = write_timeline(set, &timeline_rows, bom)?;
    summary.events = reports.len();
    summary.timeline = timeline_rows.len();
    Ok(vec![events.finish()?, timeline.finish()?])
}

/// Runs the stages of `extract` over `paths` without writing anything and
/// returns the groups of sentences that name two parties and a date but
/// yield no event, most frequent first (`eventline uncovered`).
///
/// # Errors
/// A missing input path or a malformed gazetteer row.
pub fn run_uncovered<P: AsRef<Path>>(
    paths: &[P],
    options: &Options,
) -> Result<Vec<crate::uncovered::Group>> {
    let inputs = collect_inputs(paths)?;
    let (gazetteer, lexicon) = load_stages(options)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} threads: {e}", options.jobs)))?;
    let mut stream = DocumentStream::new(inputs, options.published);
    let mut tally = crate::uncovered::Tally::default();
    loop {
        let batch: Vec<RawDocument> = stream.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let found: Vec<(String, Vec<crate::uncovered::Uncovered>)> = pool.install(|| {
            batch
                .into_par_iter()
                .filter_map(|raw| raw.parse().ok())
                .map(|article| {
                    let analysis = analyze(&article, &gazetteer, &lexicon);
                    let found = crate::uncovered::find(
                        &article.body,
                        &analysis,
                        &gazetteer,
                        &lexicon.words.titles,
                    );
                    (article.id, found)
                })
                .collect()
        });
        for (doc_id, uncovered) in found {
            tally.add(&doc_id, uncovered);
        }
    }
    Ok(tally.groups())
}

fn progress_bar(enabled: bool, total: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !enabled || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec})",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

fn join(items: &[String]) -> String {
    items.join("; ")
}

/// Starts `timeline.csv` with its rows written: the caller finishes it
/// with the run's other files.
fn write_timeline(set: &OutputSet, rows: &[TimelineRow], bom: bool) -> Result<CsvSink> {
    let mut timeline = set.sink("timeline.csv", TIMELINE_COLUMNS, bom)?;
    for row in rows {
        timeline.row(timeline_row(row))?;
    }
    Ok(timeline)
}

/// Rebuilds `timeline.csv` in `out` from the `events.csv` files of separate
/// runs, read in order (`eventline merge`): the reduce step of a run split
/// over machines, and the update of an archive's timeline with a day's
/// articles. The result is byte-for-byte the timeline of one run over all
/// the inputs in the same order. Returns the number of rows.
///
/// # Errors
/// A file that cannot be read or is not an `events.csv`, or an output
/// folder that cannot be written.
pub fn run_merge<P: AsRef<Path>>(events: &[P], out: &Path, bom: bool) -> Result<usize> {
    // One file's reports at a time: the merge holds only its rows.
    let mut merger = Merger::default();
    let mut inputs = 0;
    for path in events {
        for report in read_reports(path.as_ref())? {
            merger.add(&report);
            inputs += 1;
        }
    }
    let set = OutputSet::begin(out)?;
    let rows = merger.finish();
    let file = write_timeline(&set, &rows, bom)?.finish()?;
    let run = RunInfo {
        arguments: std::env::args().skip(1).collect(),
        inputs,
    };
    set.commit(&[file], &run)?;
    Ok(rows.len())
}

/// Reads an `events.csv` that eventline wrote back into reports, in file
/// order: the input of the [`Merger`] for `eventline merge`, so that the
/// timeline of separate runs is the timeline of one.
///
/// # Errors
/// A file that cannot be read, lacks a column, or holds a malformed cell, as
/// `file:line: problem`.
pub fn read_reports(path: &Path) -> Result<Vec<Reported>> {
    use crate::resolve::{Period, Precision};
    let mut table = crate::table::Table::open(path, false)?;
    let fail = |line: u64, message: String| Error::Gazetteer {
        path: path.into(),
        line,
        message,
    };
    // Every column an extract writes but the two derived ones.
    let mut at = std::collections::HashMap::new();
    // The coordinates come from the gazetteer and were added later: an
    // events.csv without them still merges.
    for &name in EVENTS_COLUMNS
        .iter()
        .filter(|c| !["date", "event_id", "latitude", "longitude"].contains(c))
    {
        at.insert(name, table.column(name, "an events.csv")?);
    }
    let latitude = table.find("latitude");
    let longitude = table.find("longitude");
    let mut reports = Vec::new();
    for row in table.rows() {
        let (line, record) = row?;
        let cell = |name: &str| unneutralised(record.get(at[name]).unwrap_or(""));
        let date = |name: &str| {
            chrono::NaiveDate::parse_from_str(cell(name), "%Y-%m-%d")
                .map_err(|_| fail(line, format!("{name} {:?} is not a date", cell(name))))
        };
        let list = |name: &str| -> Vec<String> {
            cell(name)
                .split("; ")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let number = |name: &str| {
            cell(name)
                .parse::<usize>()
                .map_err(|_| fail(line, format!("{name} {:?} is not a number", cell(name))))
        };
        let degrees = |index: Option<usize>, name: &str, range: f64| match index
            .and_then(|i| record.get(i))
            .unwrap_or("")
        {
            "" => Ok(None),
            text => match text.parse::<f64>() {
                Ok(v) if v.is_finite() && v.abs() <= range => Ok(Some(v)),
                _ => Err(fail(
                    line,
                    format!("{name} {text:?} is not a number from -{range} to {range}"),
                )),
            },
        };
        let coordinates = match (
            degrees(latitude, "latitude", 90.0)?,
            degrees(longitude, "longitude", 180.0)?,
        ) {
            (Some(latitude), Some(longitude)) => Some(crate::gazetteer::Coordinates {
                latitude,
                longitude,
            }),
            _ => None,
        };
        let precision = Precision::parse(cell("precision"))
            .ok_or_else(|| fail(line, format!("unknown precision {:?}", cell("precision"))))?;
        let kind = crate::lexicon::EventKind::parse(cell("event"))
            .ok_or_else(|| fail(line, format!("unknown event {:?}", cell("event"))))?;
        let status = crate::extract::Status::parse(cell("status"))
            .ok_or_else(|| fail(line, format!("unknown status {:?}", cell("status"))))?;
        reports.push(Reported {
            doc_id: cell("doc_id").to_string(),
            published: date("published")?,
            event: crate::extract::Event {
                kind,
                status,
                period: Period {
                    precision,
                    start: date("date_start")?,
                    end: date("date_end")?,
                },
                date_text: cell("date_text").to_string(),
                date_rule: crate::extract::DateSource::from_name(cell("date_rule")),
                actors: list("actors"),
                states: list("states"),
                place: cell("place").to_string(),
                coordinates,
                title: cell("title").to_string(),
                evidence: cell("evidence").to_string(),
                span: number("start")?..number("end")?,
                trigger: cell("trigger").to_string(),
                repeated: false,
            },
        });
    }
    Ok(reports)
}

/// The place's latitude as a cell; empty without a known place.
fn latitude(event: &crate::extract::Event) -> String {
    event
        .coordinates
        .map(|c| c.latitude.to_string())
        .unwrap_or_default()
}

/// The place's longitude as a cell; empty without a known place.
fn longitude(event: &crate::extract::Event) -> String {
    event
        .coordinates
        .map(|c| c.longitude.to_string())
        .unwrap_or_default()
}

fn event_row(report: &Reported, event_id: &str) -> Vec<String> {
    let e = &report.event;
    vec![
        report.doc_id.clone(),
        report.published.to_string(),
        e.period.iso(),
        e.period.precision.as_str().into(),
        e.period.start.to_string(),
        e.period.end.to_string(),
        e.kind.as_str().into(),
        e.status.as_str().into(),
        join(&e.actors),
        join(&e.states),
        e.place.clone(),
        latitude(e),
        longitude(e),
        e.title.clone(),
        e.evidence.clone(),
        e.span.start.to_string(),
        e.span.end.to_string(),
        e.date_text.clone(),
        e.date_rule.as_str().to_string(),
        e.trigger.clone(),
        event_id.to_string(),
    ]
}

fn timeline_row(row: &TimelineRow) -> Vec<String> {
    let e = &row.event;
    vec![
        row.event_id.clone(),
        e.period.iso(),
        e.period.precision.as_str().into(),
        e.period.start.to_string(),
        e.period.end.to_string(),
        e.kind.as_str().into(),
        join(&e.actors),
        join(&e.states),
        e.place.clone(),
        latitude(e),
        longitude(e),
        join(&row.stops),
        e.title.clone(),
        row.sources.to_string(),
        row.first_reported.to_string(),
        row.doc_ids.join("; "),
        e.evidence.clone(),
    ]
}

/// Text that makes the analysis panic in a test build, to prove that a
/// panic costs one document and not the run.
#[cfg(test)]
const PANIC_FOR_TESTS: &str = "eventline-test-panic-3f9c1e";

#[cfg(test)]
mod tests {
    use super::*;

    /// One thread, no byte-order mark, into `dir/out`.
    fn options_for(dir: &Path) -> Options {
        Options {
            out: dir.join("out"),
            gazetteers: Vec::new(),
            jobs: 1,
            published: None,
            bom: false,
            progress: false,
            xlsx: false,
        }
    }

    /// A fresh copy of the trigger automaton changes memory, never
    /// results: renewed before every chunk or never, the bundled corpus
    /// gives the same rows, in the same order.
    #[test]
    fn renewing_the_trigger_automaton_changes_no_output() {
        let gazetteer = Gazetteer::load(&[]).expect("bundled gazetteer");
        let lexicon = Lexicon::load(&[]).expect("bundled lexicon");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let rows_when_renewed_every = |renew_every| {
            let inputs = crate::read::collect_inputs(&[&corpus]).expect("corpus");
            let mut rows = Vec::new();
            analyse_in_order(
                DocumentStream::new(inputs, None),
                2,
                renew_every,
                &gazetteer,
                &lexicon,
                |output| {
                    rows.push((output.document, output.dates, output.events));
                    Ok(())
                },
            )
            .expect("analysis");
            rows
        };
        let kept = rows_when_renewed_every(usize::MAX);
        assert!(kept.len() > CHUNK, "more than one chunk");
        assert!(kept.iter().any(|(_, _, events)| !events.is_empty()));
        assert_eq!(rows_when_renewed_every(1), kept);
    }

    /// The lists load side by side, but their problems stop a run as
    /// before: the lexicon's when only it has some, the gazetteer's when
    /// both have, and no output folder either way.
    #[test]
    fn a_problem_in_the_lists_stops_the_run_before_any_output() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let input = dir.path().join("docs.jsonl");
        std::fs::write(
            &input,
            r#"{"id":"a","published":"2019-04-25","title":"","text":"Kim Jong Un met Putin."}"#,
        )
        .expect("write input");
        let lists = dir.path().join("lists");
        std::fs::create_dir(&lists).expect("lists folder");
        std::fs::write(
            lists.join("events.csv"),
            "kind,pattern,subject,object,undated,unless\nflying,flew to,visitor,destination,,\n",
        )
        .expect("write events.csv");
        let mut options = options_for(dir.path());
        options.gazetteers = vec![lists.clone()];
        let lexicon_only = run_extract(&[&input], &options).expect_err("a bad trigger row");
        assert!(
            lexicon_only.to_string().contains("events.csv:2"),
            "{lexicon_only}"
        );
        std::fs::write(
            lists.join("people.csv"),
            "id,name,aliases,country,role\nqq,Quux Blorg,,XYZ,minister\n",
        )
        .expect("write people.csv");
        let both = run_extract(&[&input], &options).expect_err("a bad person row");
        assert!(both.to_string().contains("people.csv:2"), "{both}");
        assert!(!options.out.exists());
    }

    #[test]
    fn a_panicking_document_is_rejected_and_the_run_goes_on() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let input = dir.path().join("docs.jsonl");
        let good = r#"{"id":"good","published":"2019-04-25","title":"","text":"Vladivostok, April 25 (KCNA) -- Kim Jong Un had talks with Vladimir Putin today."}"#;
        let bad = format!(
            r#"{{"id":"bad","published":"2019-04-25","title":"","text":"Pyongyang, April 25 (KCNA) -- {}"}}"#,
            PANIC_FOR_TESTS
        );
        std::fs::write(&input, format!("{bad}\n{good}\n")).expect("write input");
        let options = options_for(dir.path());
        let summary = run_extract(&[&input], &options).expect("the run goes on");
        assert_eq!(summary.documents, 2);
        assert_eq!(summary.rejected, 1);
        assert!(
            summary.events >= 1,
            "the good article still gives its talks"
        );
        let documents =
            std::fs::read_to_string(options.out.join("documents.csv")).expect("documents.csv");
        let bad_row = documents
            .lines()
            .find(|l| l.starts_with("bad,"))
            .expect("a row for the bad article");
        assert!(bad_row.contains("rejected"), "{bad_row}");
        assert!(
            bad_row.contains("internal error: deliberate panic"),
            "{bad_row}"
        );
    }

    #[test]
    fn publication_dates_outside_the_plausible_years_are_rejected() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let input = dir.path().join("docs.jsonl");
        std::fs::write(
            &input,
            concat!(
                r#"{"id":"zero","published":"0000-01-01","title":"","text":"It happened yesterday."}"#,
                "\n",
                r#"{"id":"far","published":"9999-12-31","title":"","text":"They met tomorrow."}"#,
                "\n"
            ),
        )
        .expect("write input");
        let options = options_for(dir.path());
        let summary = run_extract(&[&input], &options).expect("run");
        assert_eq!(summary.rejected, 2);
        let documents =
            std::fs::read_to_string(options.out.join("documents.csv")).expect("documents.csv");
        assert!(documents.contains("docs.jsonl:1: publication date 0000-01-01 is outside"));
        assert!(documents.contains("docs.jsonl:2: publication date 9999-12-31 is outside"));
    }
}
