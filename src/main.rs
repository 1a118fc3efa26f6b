//! The `eventline` command: a thin shell over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use eventline::pipeline::{date_cells, DATES_COLUMNS};
use eventline::pipeline::{run_extract, Options};
use eventline::read::parse_published;
use eventline::resolve::{resolve_article, resolve_document, Mode};
use eventline::segment::sentences;

/// Timelines of diplomatic events (meetings, visits, treaties) from news archives.
#[derive(Parser)]
#[command(name = "eventline", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `extract` and `uncovered` read, and with which gazetteers.
#[derive(clap::Args)]
struct Inputs {
    /// Files (.txt, .jsonl), folders (walked recursively) or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// A gazetteer folder layered over the bundled one (repeatable).
    /// Without it, ./gazetteers is used when it exists.
    #[arg(long)]
    gazetteers: Vec<PathBuf>,
    /// Worker threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Publication date of plain-text inputs, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
}

impl Inputs {
    /// The pipeline's options for these inputs; ./gazetteers is layered
    /// when no folder is given and it exists, so that a user's edits there
    /// take effect at once.
    fn options(
        mut self,
        out: PathBuf,
        bom: bool,
        progress: bool,
        xlsx: bool,
    ) -> (Vec<PathBuf>, Options) {
        if self.gazetteers.is_empty() && PathBuf::from("gazetteers").is_dir() {
            self.gazetteers.push(PathBuf::from("gazetteers"));
        }
        let options = Options {
            out,
            gazetteers: self.gazetteers,
            jobs: self.jobs,
            published: self.published,
            bom,
            progress,
            xlsx,
        };
        (self.paths, options)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles and write the timeline and its tables.
    ///
    /// Writes, in the output folder, timeline.csv (one row per event),
    /// events.csv (one per telling),
    /// documents.csv, mentions.csv, dates.csv, candidates.csv (names no
    /// gazetteer knows), run.json and, with --format csv,xlsx,
    /// eventline.xlsx.
    #[command(after_help = "Examples:
  eventline extract corpus --out output --format csv,xlsx
  eventline extract articles.jsonl --gazetteers my-names --out /tmp/run
  eventline extract mail.txt --published 2019-04-25

Exit codes: 0 at least one document read, 1 none could be read (see documents.csv), 2 the run could not start or finish.")]
    Extract {
        #[command(flatten)]
        inputs: Inputs,
        /// Output folder.
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Write CSV without the UTF-8 byte-order mark.
        #[arg(long)]
        no_bom: bool,
        /// Do not draw a progress bar.
        #[arg(long)]
        quiet: bool,
        /// What to write: csv (always), xlsx (also eventline.xlsx, one
        /// sheet per CSV), comma-separated.
        #[arg(long, value_enum, value_delimiter = ',', default_value = "csv")]
        format: Vec<OutputFormat>,
        /// Also write eventline.xlsx (as --format csv,xlsx).
        #[arg(long)]
        xlsx: bool,
    },
    /// Rebuild timeline.csv from the events.csv files of separate runs (in
    /// the order given): the same timeline as one run over all their inputs.
    #[command(after_help = "Examples:
  eventline merge yesterday/events.csv today/events.csv --out output
  eventline merge part-*/events.csv --out all")]
    Merge {
        /// events.csv files written by `eventline extract`.
        #[arg(required = true)]
        events: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Write CSV without the UTF-8 byte-order mark.
        #[arg(long)]
        no_bom: bool,
    },
    /// List the sentences that name two parties and a date but yield no
    /// event, grouped by the words between the parties, most frequent first
    /// (CSV on standard output: phrase, count, doc_id, example).
    #[command(after_help = "Examples:
  eventline uncovered corpus --top 30
  eventline uncovered archive.jsonl --top 0 > uncovered.csv")]
    Uncovered {
        #[command(flatten)]
        inputs: Inputs,
        /// How many groups to print (0: all).
        #[arg(long, default_value_t = 100)]
        top: usize,
    },
    /// Measure the date resolver alone: resolve every article text of the
    /// JSON Lines files `repeat` times and report MB/s.
    #[command(hide = true)]
    BenchDates {
        /// JSON Lines files of articles.
        files: Vec<PathBuf>,
        /// How many passes over the texts.
        #[arg(long, default_value_t = 10)]
        repeat: usize,
    },
    /// Score the date resolver on a folder of TimeML (.tml) files: TempEval-3
    /// strict and relaxed extent P/R/F1 and value F1.
    #[command(after_help = "Examples:
  eventline eval-timeml ../shared/data/tbaq-timex3
  eventline eval-timeml ../shared/data/wikiwars-timex3 --mode narrative --verbose")]
    EvalTimeml {
        /// Folder of .tml files.
        dir: PathBuf,
        /// news: anchor on the creation time; narrative: on the last date mentioned.
        #[arg(long, value_enum, default_value_t = ModeArg::News)]
        mode: ModeArg,
        /// Also list value errors and misses.
        #[arg(long)]
        verbose: bool,
    },
    /// Score an events.csv against hand-annotated gold events.
    #[command(after_help = "Examples:
  eventline extract gold/docs-dev.jsonl --out /tmp/g --quiet
  eventline eval-events gold/events-dev.csv /tmp/g/events.csv --verbose
  eventline eval-events gold/events-dev.csv /tmp/g/events.csv gold/events-dev2.csv /tmp/g2/events.csv")]
    EvalEvents {
        /// Pairs of files: a gold CSV (doc_id, date, event, people, states,
        /// place ..., optional) and the events.csv eventline wrote for its
        /// documents. Several pairs are scored each and together.
        #[arg(required = true, num_args = 2.., value_names = ["GOLD_CSV", "EVENTS_CSV"])]
        pairs: Vec<PathBuf>,
        /// Ids of annotated documents without events, for a single pair
        /// (default: no-events-X.txt beside events-X.csv, else no-events.txt).
        #[arg(long)]
        no_events: Option<PathBuf>,
        /// Also list misses, spurious events and disagreements.
        #[arg(long)]
        verbose: bool,
    },
    /// Draw a timeline.csv: one self-contained HTML page (time across, a
    /// lane per pair of states, zoom, pan, filter, the evidence on hover),
    /// or the spreadsheet CSV of TimelineJS 3.
    #[command(after_help = "Examples:
  eventline plot                                   output/timeline.csv -> output/timeline.html
  eventline plot output/timeline.csv --state Russia --out russia.html
  eventline plot --format timelinejs               -> output/timelinejs.csv")]
    Plot {
        /// The timeline.csv to draw.
        #[arg(default_value = "output/timeline.csv")]
        timeline: PathBuf,
        /// Where to write (default: timeline.html or timelinejs.csv beside
        /// the timeline).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only the rows that name this state, a lane per state it dealt with.
        #[arg(long)]
        state: Option<String>,
        /// html: the page; timelinejs: the CSV TimelineJS 3 reads.
        #[arg(long, value_enum, default_value_t = PlotFormatArg::Html)]
        format: PlotFormatArg,
        /// The page's title.
        #[arg(long, default_value = "eventline timeline")]
        title: String,
    },
    /// Work with the gazetteers.
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
    /// Print every time expression of a text with its resolved value.
    #[command(after_help = "Examples:
  eventline dates --published 2024-08-04 article.txt
  echo 'It was twenty-three years ago, on August 4, 2001.' | eventline dates --published 2024-08-04
  eventline dates --published 1945-05-08 --mode narrative --format jsonl history.txt")]
    Dates {
        /// Publication date, YYYY-MM-DD: the "now" of relative expressions.
        #[arg(long, value_parser = parse_date)]
        published: NaiveDate,
        /// news: anchor on the publication date; narrative: on the last date mentioned.
        #[arg(long, value_enum, default_value_t = ModeArg::News)]
        mode: ModeArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// The text file, or - for stdin.
        #[arg(default_value = "-")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Validate the gazetteers: malformed rows, duplicate ids, one alias on two
    /// entities of the same kind, aliases that are common words. Prints
    /// `file:line: problem` and exits 1 when there is any.
    #[command(after_help = "Examples:
  eventline gazetteer check
  eventline gazetteer check --gazetteers my-names")]
    Check {
        /// A gazetteer folder layered over the bundled one (repeatable).
        #[arg(long)]
        gazetteers: Vec<PathBuf>,
    },
}

/// Output formats of `plot`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlotFormatArg {
    /// A self-contained HTML page.
    Html,
    /// The CSV of a TimelineJS 3 spreadsheet.
    Timelinejs,
}

/// Output formats of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// The CSV files (always written: `merge` and the other tools read them).
    Csv,
    /// eventline.xlsx beside them.
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    News,
    Narrative,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Jsonl,
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    let date =
        parse_published(s).ok_or_else(|| format!("{s:?} is not a date of the form YYYY-MM-DD"))?;
    eventline::read::published_in_range(date)
}

/// Exit status of a run that finished but read no document: every input
/// was rejected, or there was none. (0: at least one document was read;
/// 2: the run could not start or finish, see the message.)
const EXIT_NOTHING_READ: i32 = 1;

/// jemalloc serves the command's memory. The analysis makes and frees many
/// small blocks for every document, on every worker at once; jemalloc's
/// per-thread caches and size classes do that with about an eighth less
/// CPU time over the kcna.co.jp archive than glibc's allocator (the README
/// gives the figures), for a few MB more at the peak.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts. Pages freed stay with the
/// process for 300 ms (not jemalloc's 10 s) and then go straight back to
/// the system: the lazy DFAs of the regexes grow their tables by doubling
/// all through a run, and with pages kept for seconds every table they
/// outgrew would still count in the peak, which would then grow with the
/// length of the run. A user's `_RJEM_MALLOC_CONF` still overrides these.
#[cfg(not(target_env = "msvc"))]
#[export_name = "_rjem_malloc_conf"]
static ALLOCATOR_SETTINGS: Option<&'static std::ffi::c_char> = {
    const SETTINGS: &std::ffi::CStr = c"dirty_decay_ms:300,muzzy_decay_ms:0";
    // SAFETY: the pointer is that of a string constant, valid and
    // unchanged for the whole run; jemalloc only reads it.
    Some(unsafe { &*SETTINGS.as_ptr() })
};

fn main() -> ExitCode {
    // Ctrl-C or a kill: the output folder keeps its last complete set, and
    // the half-written one goes.
    let _ = ctrlc::set_handler(|| {
        eventline::write::remove_staging_on_signal();
        std::process::exit(130);
    });
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The reader went away (`eventline dates FILE | head`): stop
            // quietly, as a Unix filter does. The error may come wrapped in
            // a CSV writer's.
            let broken_pipe = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(broken_pipe)
                    || c.downcast_ref::<csv::Error>().is_some_and(
                        |e| matches!(e.kind(), csv::ErrorKind::Io(io) if broken_pipe(io)),
                    )
                    || c.downcast_ref::<eventline::Error>().is_some_and(|e| {
                        std::error::Error::source(e)
                            .and_then(|s| s.downcast_ref::<std::io::Error>())
                            .is_some_and(broken_pipe)
                    })
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("eventline: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Gazetteer {
            command: GazetteerCommand::Check { mut gazetteers },
        } => {
            if gazetteers.is_empty() && PathBuf::from("gazetteers").is_dir() {
                gazetteers.push(PathBuf::from("gazetteers"));
            }
            let mut problems: Vec<String> = eventline::gazetteer::check(&gazetteers)
                .iter()
                .map(ToString::to_string)
                .collect();
            // The triggers, word lists and documents are read by `extract`
            // too: a file it would refuse is a problem here.
            if let Err(e) = eventline::lexicon::Lexicon::load(&gazetteers) {
                problems.push(e.to_string());
            }
            if let Err(e) = eventline::gazetteer::Gazetteer::load(&gazetteers) {
                let message = e.to_string();
                if !problems.iter().any(|p| message.contains(p.as_str())) {
                    problems.push(message);
                }
            }
            for problem in &problems {
                println!("{problem}");
            }
            if problems.is_empty() {
                eprintln!("eventline: gazetteers are fine");
                Ok(())
            } else {
                let noun = if problems.len() == 1 {
                    "problem"
                } else {
                    "problems"
                };
                eprintln!("eventline: {} {noun} in the gazetteers", problems.len());
                std::process::exit(1);
            }
        }
        Command::Extract {
            inputs,
            out,
            no_bom,
            quiet,
            format,
            xlsx,
        } => {
            let xlsx = xlsx || format.contains(&OutputFormat::Xlsx);
            let (paths, options) = inputs.options(out.clone(), !no_bom, !quiet, xlsx);
            let summary = run_extract(&paths, &options)?;
            let mb = summary.bytes as f64 / 1e6;
            let peak = peak_memory_mb()
                .map(|m| format!(", peak memory {m:.0} MB"))
                .unwrap_or_default();
            eprintln!(
                "eventline: {} documents ({} rejected), {} events, {} timeline rows, {:.1} MB in {:.2} s ({:.1} MB/s){peak}",
                summary.documents,
                summary.rejected,
                summary.events,
                summary.timeline,
                mb,
                summary.seconds,
                mb / summary.seconds.max(1e-9)
            );
            for sheet in summary.sheets.iter().filter(|s| s.left_out > 0) {
                eprintln!(
                    "eventline: the {} sheet of eventline.xlsx holds the first {} rows (a sheet holds no more); all {} are in {}.csv",
                    sheet.name,
                    sheet.rows,
                    sheet.rows + sheet.left_out,
                    sheet.name
                );
            }
            if let Some(reason) = &summary.first_rejection {
                let noun = if summary.rejected == 1 {
                    "document was"
                } else {
                    "documents were"
                };
                eprintln!(
                    "eventline: {} {noun} rejected (see {}); the first: {reason}",
                    summary.rejected,
                    out.join("documents.csv").display()
                );
            }
            if summary.documents == summary.rejected {
                eprintln!("eventline: no document could be read");
                std::process::exit(EXIT_NOTHING_READ);
            }
            Ok(())
        }
        Command::Plot {
            timeline,
            out,
            state,
            format,
            title,
        } => {
            let (format, default_name) = match format {
                PlotFormatArg::Html => (eventline::plot::PlotFormat::Html, "timeline.html"),
                PlotFormatArg::Timelinejs => {
                    (eventline::plot::PlotFormat::TimelineJs, "timelinejs.csv")
                }
            };
            let out = out.unwrap_or_else(|| {
                timeline
                    .parent()
                    .unwrap_or(std::path::Path::new(""))
                    .join(default_name)
            });
            let rows = eventline::plot::read_timeline(&timeline, state.as_deref())?;
            eventline::plot::write_plot(&rows, format, &title, &out)?;
            eprintln!("eventline: {} rows drawn in {}", rows.len(), out.display());
            Ok(())
        }
        Command::Merge {
            events,
            out,
            no_bom,
        } => {
            let rows = eventline::pipeline::run_merge(&events, &out, !no_bom)?;
            eprintln!(
                "eventline: {} events files, {rows} timeline rows in {}",
                events.len(),
                out.join("timeline.csv").display()
            );
            Ok(())
        }
        Command::Uncovered { inputs, top } => {
            let (paths, options) = inputs.options(PathBuf::new(), false, false, false);
            let groups = eventline::pipeline::run_uncovered(&paths, &options)?;
            let limit = if top == 0 { groups.len() } else { top };
            let mut out = csv::Writer::from_writer(std::io::stdout().lock());
            out.write_record(["phrase", "count", "doc_id", "example"])?;
            for g in groups.iter().take(limit) {
                out.write_record([&g.phrase, &g.count.to_string(), &g.doc_id, &g.example])?;
            }
            out.flush()?;
            Ok(())
        }
        Command::BenchDates { files, repeat } => {
            let mut texts = Vec::new();
            for file in &files {
                let data =
                    std::fs::read_to_string(file).with_context(|| file.display().to_string())?;
                for line in data.lines() {
                    let value: serde_json::Value =
                        serde_json::from_str(line).context("a JSON line")?;
                    let published = value["published"].as_str().and_then(parse_published);
                    if let (Some(text), Some(published)) = (value["text"].as_str(), published) {
                        texts.push((eventline::read::clean_text(text), published));
                    }
                }
            }
            let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum::<usize>() * repeat;
            let started = std::time::Instant::now();
            let mut found = 0;
            for _ in 0..repeat {
                for (text, published) in &texts {
                    found += resolve_document(text, &sentences(text), *published, Mode::News).len();
                }
            }
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "resolver: {:.1} MB in {seconds:.2} s = {:.1} MB/s (one thread), {} expressions per pass",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / seconds.max(1e-9),
                found / repeat.max(1)
            );
            Ok(())
        }
        Command::EvalTimeml { dir, mode, verbose } => {
            let mode = match mode {
                ModeArg::News => Mode::News,
                ModeArg::Narrative => Mode::Narrative,
            };
            let scores = eventline::timeml::evaluate_dir(&dir, mode)?;
            println!("gold {}  system {}", scores.gold, scores.system);
            for (name, (p, r, f)) in [
                ("strict", scores.strict()),
                ("relaxed", scores.relaxed()),
                ("value", scores.value()),
            ] {
                println!("{name:8} P {p:.3}  R {r:.3}  F1 {f:.3}");
            }
            if verbose {
                for (doc, text, gold, system, rule) in &scores.value_errors {
                    println!("VALUE  {doc}: {text:?} gold {gold} system {system} ({rule})");
                }
                for (doc, text, gold) in &scores.missed {
                    println!("MISSED {doc}: {text:?} gold {gold}");
                }
                for (doc, gold, system, rule) in &scores.extent_errors {
                    println!("EXTENT {doc}: gold {gold:?} system {system:?} ({rule})");
                }
                for (doc, text, system, rule) in &scores.spurious {
                    println!("EXTRA  {doc}: {text:?} system {system} ({rule})");
                }
            }
            Ok(())
        }
        Command::EvalEvents {
            pairs,
            no_events,
            verbose,
        } => {
            if pairs.len() % 2 != 0 {
                anyhow::bail!("eval-events takes pairs of files: GOLD_CSV EVENTS_CSV ...");
            }
            if no_events.is_some() && pairs.len() > 2 {
                anyhow::bail!("--no-events goes with a single GOLD_CSV EVENTS_CSV pair");
            }
            let mut total = eventline::eval::EventScores::default();
            for pair in pairs.chunks(2) {
                let (gold, events) = (&pair[0], &pair[1]);
                let no_events = match no_events
                    .clone()
                    .or_else(|| eventline::eval::no_events_beside(gold))
                {
                    Some(path) => eventline::eval::read_ids(&path)?,
                    None => Default::default(),
                };
                let scores = eventline::eval::evaluate_events(gold, events, &no_events)?;
                if pairs.len() > 2 {
                    println!("== {}", gold.display());
                }
                print_event_scores(&scores, verbose);
                total.add(scores);
            }
            if pairs.len() > 2 {
                println!("== together");
                print_event_scores(&total, false);
            }
            Ok(())
        }
        Command::Dates {
            published,
            mode,
            format,
            file,
        } => {
            let bytes = if file == PathBuf::from("-") {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("<stdin>")?;
                buf
            } else {
                std::fs::read(&file).with_context(|| file.display().to_string())?
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mode = match mode {
                ModeArg::News => Mode::News,
                ModeArg::Narrative => Mode::Narrative,
            };
            print_dates(&text, published, mode, format)
        }
    }
}

/// The process's peak resident memory, where the system tells it (Linux).
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn print_dates(text: &str, published: NaiveDate, mode: Mode, format: Format) -> Result<()> {
    let (_, exprs) = resolve_article(text, &sentences(text), published, mode);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            // The columns of dates.csv, without doc_id.
            w.write_record(&DATES_COLUMNS[1..])?;
            for e in &exprs {
                w.write_record(date_cells(text, e))?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for e in &exprs {
                let p = e.period();
                let value = serde_json::json!({
                    "start": e.span.start,
                    "end": e.span.end,
                    "text": &text[e.span.clone()],
                    "type": e.timex_type.as_str(),
                    "value": e.timex_value(),
                    "precision": p.map(|p| p.precision.as_str()),
                    "date_start": p.map(|p| p.start.to_string()),
                    "date_end": p.map(|p| p.end.to_string()),
                    "rule": e.rule,
                });
                writeln!(out, "{value}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn print_event_scores(scores: &eventline::eval::EventScores, verbose: bool) {
    let (p, r, f) = scores.prf();
    let pct = |n: usize| {
        if scores.matched == 0 {
            0.0
        } else {
            100.0 * n as f64 / scores.matched as f64
        }
    };
    println!(
        "gold {}  system {}  matched {}",
        scores.gold, scores.system, scores.matched
    );
    println!("kind+date  P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!(
        "on matched pairs: participants agree {:.1}%  states agree {:.1}%  places agree {:.1}%",
        pct(scores.participants_agree),
        pct(scores.states_agree),
        pct(scores.places_agree)
    );
    if verbose {
        for g in &scores.missed {
            println!(
                "MISSED   {} {} {} {:?} {:?} @{} | {}",
                g.doc_id, g.date, g.kind, g.people, g.states, g.place, g.evidence
            );
        }
        for s in &scores.spurious {
            println!(
                "SPURIOUS {} {} {} {:?} {:?} @{} | {}",
                s.doc_id, s.date, s.kind, s.people, s.states, s.place, s.evidence
            );
        }
        for (g, s) in &scores.disagreements {
            println!(
                "DISAGREE {} {} {}: gold {:?} {:?}, system {:?} {:?}",
                g.doc_id, g.date, g.kind, g.people, g.states, s.people, s.states
            );
        }
    }
}
