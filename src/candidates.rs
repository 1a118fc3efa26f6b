//! Candidate names: capitalised phrases no gazetteer knows, for users to
//! read when they extend the gazetteers (`candidates.csv`).
//!
//! A candidate is a run of two or more capitalised words (joined by "of",
//! "the" or "and" inside a name: "Academy of Sciences") that no gazetteer
//! mention or date covers and that is not made only of titles and stock
//! words ("Respected Comrade", "Party Central Committee"). Its kind is
//! guessed from its words: an event's, an organisation's or a place's
//! keyword, else a person when it is short.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::error::{Error, Result};

use crate::gazetteer::Mention;
use crate::resolve::{is_calendar_word, TimeExpr};

/// Words that make a phrase an organisation.
const ORGANISATION_WORDS: &[&str] = &[
    "Party",
    "Committee",
    "Association",
    "Ministry",
    "University",
    "Union",
    "Council",
    "Front",
    "Army",
    "Agency",
    "Society",
    "Federation",
    "League",
    "Institute",
    "Academy",
    "Assembly",
    "Commission",
    "Department",
    "Bureau",
    "Embassy",
    "Organization",
    "Organisation",
    "Company",
    "Corporation",
    "Group",
    "Troupe",
    "Ensemble",
    "Band",
    "Orchestra",
    "Newspaper",
    "Sinmun",
    "News",
    "Service",
    "Forces",
    "Navy",
    "Command",
    "Office",
    "Centre",
    "Center",
    "School",
    "College",
    "Foundation",
    "Movement",
    "Conference",
    "Congress",
    "Parliament",
    "Government",
    "Staff",
    "Force",
    "Brigade",
    "Division",
    "Corps",
    "Board",
    "Club",
    "Team",
    "Institute",
];
/// Words that make a phrase an event or period, not a name to add.
const EVENT_WORDS: &[&str] = &[
    "War",
    "Day",
    "Days",
    "Cup",
    "Year",
    "Games",
    "Festival",
    "Olympics",
    "Championship",
    "Championships",
    "Anniversary",
    "Revolution",
    "Plenary",
    "Meeting",
    "Session",
    "Summit",
    "Exercise",
    "Exercises",
    "Campaign",
    "Era",
    "Age",
    "Period",
];
/// Words that make a phrase a place.
const PLACE_WORDS: &[&str] = &[
    "Province",
    "City",
    "County",
    "Mountain",
    "Mt",
    "River",
    "Island",
    "Islands",
    "Street",
    "Square",
    "Hall",
    "Palace",
    "Farm",
    "Factory",
    "Mine",
    "Complex",
    "Park",
    "Bridge",
    "Port",
    "Station",
    "Airport",
    "Sea",
    "Strait",
    "Peninsula",
    "Region",
    "District",
    "Village",
    "Works",
    "Plant",
    "Site",
    "Base",
    "Zone",
    "Museum",
    "Theatre",
    "Stadium",
    "Tower",
    "Monument",
    "East",
    "West",
    "Strip",
    "Hill",
    "Hills",
    "Lake",
    "Bay",
    "Gulf",
    "Ocean",
    "Valley",
];
/// Capitalised words that are KCNA's stock phrases, not names.
const STOCK_WORDS: &[&str] = &[
    "Juche",
    "Korea",
    "Korean",
    "Comrade",
    "Respected",
    "Great",
    "Leader",
    "Supreme",
    "Marshal",
    "Generalissimo",
    "Eternal",
    "Sun",
    "Songun",
    "Party",
    "Central",
    "Committee",
    "Following",
    "Pyongyang",
    "KCNA",
    "Rodong",
    "Sinmun",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "With",
    "From",
    "To",
    "And",
    "But",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Also",
    "Under",
    "Over",
    "All",
    "Such",
    "Meanwhile",
];
/// The next run of words that may be a name in `text`, at `from` or after
/// it, into `run` (offset, word): a capitalised word, then capitalised
/// words and joiners followed by one. Returns where the search goes on.
/// The words before a run's first are passed over, not read: a run
/// starts only at a word with a capital.
fn next_run<'t>(text: &'t str, mut from: usize, run: &mut Vec<(usize, &'t str)>) -> Option<usize> {
    loop {
        let start = crate::segment::next_capitalised_start(text, from)?;
        let (_, first) = crate::segment::word_from(text, start)?;
        from = start + first.len();
        if is_capitalised(name_word(first)) {
            run.clear();
            run.push((start, name_word(first)));
            break;
        }
    }
    while let Some((at, word)) = crate::segment::word_from(text, from) {
        let w = name_word(word);
        let joins = JOINERS.contains(&w)
            && crate::segment::word_from(text, at + word.len())
                .is_some_and(|(_, next)| is_capitalised(name_word(next)));
        if !(is_capitalised(w) || joins) {
            break;
        }
        run.push((at, w));
        from = at + word.len();
    }
    Some(from)
}

/// A word as a name reads it: "Workers'" is the word "Workers".
fn name_word(word: &str) -> &str {
    word.trim_end_matches(['\'', '\u{2019}'])
}

/// Small words allowed inside a name.
const JOINERS: &[&str] = &["of", "the", "and", "for"];

/// One candidate occurrence in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The phrase.
    pub name: String,
    /// person, place or organisation.
    pub kind: &'static str,
    /// Byte range of its sentence.
    pub sentence: Range<usize>,
}

/// Candidates of one document.
pub fn find(
    body: &str,
    sentences: &[Range<usize>],
    mentions: &[Mention],
    dates: &[TimeExpr],
    titles: &crate::lexicon::WordSet,
) -> Vec<Candidate> {
    // Both lists are sorted and do not overlap: a binary search finds the
    // first one that could cover a range.
    let covered = |start: usize, end: usize| {
        let m = mentions.partition_point(|m| m.end <= start);
        let d = dates.partition_point(|d| d.span.end <= start);
        mentions.get(m).is_some_and(|m| m.start < end)
            || dates.get(d).is_some_and(|d| d.span.start < end)
    };
    let mut out = Vec::new();
    let mut run: Vec<(usize, &str)> = Vec::new();
    for sentence in sentences {
        let text = &body[sentence.clone()];
        let mut from = 0;
        while let Some(next) = next_run(text, from, &mut run) {
            from = next;
            let capitals = run.iter().filter(|(_, w)| is_capitalised(w)).count();
            if capitals < 2 {
                continue;
            }
            let last = run[run.len() - 1];
            let (start, end) = (
                sentence.start + run[0].0,
                sentence.start + last.0 + last.1.len(),
            );
            if covered(start, end) {
                continue;
            }
            let tokens: Vec<&str> = run.iter().map(|(_, w)| *w).collect();
            let stock = tokens.iter().all(|w| {
                JOINERS.contains(w)
                    || lists().stock.has(w)
                    || titles.contains(w)
                    || is_calendar_word(w)
            });
            if stock {
                continue;
            }
            out.push(Candidate {
                name: tokens.join(" "),
                kind: guess_kind(&tokens),
                sentence: sentence.clone(),
            });
        }
    }
    out
}

/// The kinds [`guess_kind`] gives.
const KINDS: &[&str] = &["event", "organisation", "place", "person"];

/// A kind read back from a run file.
fn kind_named(name: &str) -> &'static str {
    KINDS
        .iter()
        .find(|k| **k == name)
        .copied()
        .unwrap_or("organisation")
}

/// One of the word lists of this module with the shapes of its words (see
/// [`ShapeSieve`](crate::hashing::ShapeSieve)): most words of a text are
/// turned away before any compare.
struct Listed {
    words: &'static [&'static str],
    shapes: crate::hashing::ShapeSieve,
}

impl Listed {
    fn new(words: &'static [&'static str]) -> Listed {
        let shapes = crate::hashing::ShapeSieve::of(words.iter().map(|w| w.as_bytes()));
        Listed { words, shapes }
    }

    fn has(&self, word: &str) -> bool {
        self.shapes.may_hold(word.as_bytes()) && self.words.contains(&word)
    }
}

/// The lists a run's words are looked up in.
struct Lists {
    stock: Listed,
    events: Listed,
    organisations: Listed,
    places: Listed,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        stock: Listed::new(STOCK_WORDS),
        events: Listed::new(EVENT_WORDS),
        organisations: Listed::new(ORGANISATION_WORDS),
        places: Listed::new(PLACE_WORDS),
    })
}

fn guess_kind(tokens: &[&str]) -> &'static str {
    let lists = lists();
    if tokens.iter().any(|w| lists.events.has(w)) {
        "event"
    } else if tokens.iter().any(|w| lists.organisations.has(w)) {
        "organisation"
    } else if tokens.iter().any(|w| lists.places.has(w)) {
        "place"
    } else if tokens.len() <= 4 && !tokens.iter().any(|w| JOINERS.contains(w)) {
        "person"
    } else {
        "organisation"
    }
}

fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase)
}

/// Candidates counted across a run, in memory that does not grow with it.
///
/// Names are counted in a map of at most [`TALLY_LIMIT`] entries; when it
/// fills, its entries are written sorted by name to a run file in the spill
/// folder and the map is emptied. The map's table is made at its full size
/// once and kept across spills, so that a short run and a long one hold the
/// same table and a spill copies no entry. [`Tally::write_rows`] merges the runs by
/// name, so the list is the one a single map would give, whatever the size
/// of the archive. Without a spill folder the map just grows.
#[derive(Debug, Default)]
pub struct Tally {
    entries: HashMap<String, Entry>,
    spill: Option<PathBuf>,
    runs: Vec<PathBuf>,
    /// Distinct names held before a spill ([`TALLY_LIMIT`] unless a test
    /// sets it).
    limit: usize,
}

/// Distinct names a tally holds in memory before it spills them. An entry
/// keeps an example sentence, a few hundred bytes: 4,096 of them hold about
/// a megabyte, where four times as many held 5 MB more at the end of the
/// whole archive than at an eighth of it. The merge of the runs at the end
/// is a small part of a run either way.
const TALLY_LIMIT: usize = 1 << 12;

#[derive(Debug)]
struct Entry {
    kind: &'static str,
    count: usize,
    /// Distinct documents: documents come in order, so a name is in a new
    /// one when the last it was seen in is another.
    documents: usize,
    last_document: usize,
    example: String,
}

impl Tally {
    /// A tally that spills to run files in `dir` (which must exist and is
    /// the caller's to remove).
    pub fn spilling_to(dir: PathBuf) -> Tally {
        Tally {
            entries: HashMap::with_capacity(TALLY_LIMIT),
            spill: Some(dir),
            limit: TALLY_LIMIT,
            ..Tally::default()
        }
    }

    /// Adds the candidates of document number `doc` (numbers never go
    /// back), each with the text of its sentence.
    ///
    /// A name's example is the sentence it was first seen in, its white
    /// space made single spaces. Most names recur, so that is done only
    /// when a name is new.
    pub fn add(
        &mut self,
        doc: usize,
        candidates: Vec<(String, &'static str, String)>,
    ) -> Result<()> {
        for (name, kind, sentence) in candidates {
            let entry = self.entries.entry(name).or_insert_with(|| Entry {
                kind,
                count: 0,
                documents: 0,
                last_document: usize::MAX,
                example: crate::segment::single_spaced(&sentence),
            });
            entry.count += 1;
            if entry.last_document != doc {
                entry.last_document = doc;
                entry.documents += 1;
            }
        }
        // Between documents, so that no document's names straddle two runs.
        if self.entries.len() >= self.limit {
            if let Some(dir) = &self.spill {
                let path = dir.join(format!(".candidates-{}.run", self.runs.len()));
                let mut by_name: Vec<(&String, &Entry)> = self.entries.iter().collect();
                by_name.sort_unstable_by(|a, b| a.0.cmp(b.0));
                write_run(&path, by_name)?;
                self.entries.clear();
                self.runs.push(path);
            }
        }
        Ok(())
    }

    /// Hands the rows `name, kind, count, documents, example` to `row`,
    /// most frequent first.
    ///
    /// The runs are merged by name; the names that recur are ranked in
    /// chunks of the map's size, each sorted and spilled to a run of its
    /// own, and those runs merged by rank. So the list is never held whole
    /// (an archive of a few hundred thousand articles recurs in tens of
    /// thousands of names, each with its example sentence).
    ///
    /// # Errors
    /// A run file that cannot be written or read back.
    pub fn write_rows(self, row: impl FnMut([String; 5]) -> Result<()>) -> Result<()> {
        let mut spilled = self.runs.clone();
        let result = self.rank(&mut spilled, row);
        for path in &spilled {
            let _ = std::fs::remove_file(path);
        }
        result
    }

    /// The work of [`Tally::write_rows`]; `spilled` gathers the run files
    /// to remove, whatever the outcome.
    fn rank(
        self,
        spilled: &mut Vec<PathBuf>,
        mut row: impl FnMut([String; 5]) -> Result<()>,
    ) -> Result<()> {
        // The map is the last run; in a run of a run file, names are sorted.
        let mut last: Vec<(String, Entry)> = self.entries.into_iter().collect();
        last.sort_by(|a, b| a.0.cmp(&b.0));
        let mut runs = Runs::open(&self.runs, last)?;
        let mut chunk: Vec<(String, Entry)> = Vec::new();
        let mut ranked: Vec<PathBuf> = Vec::new();
        // The least name at the head of a run, and every later run's entry
        // of it: the first run's kind and example are the first seen.
        while let Some(first) = runs.first_by(|a, b| a.0.cmp(&b.0)) {
            let Some((name, mut entry)) = runs.take(first)? else {
                break;
            };
            for i in first + 1..runs.heads.len() {
                if runs.heads[i].as_ref().is_some_and(|(n, _)| *n == name) {
                    if let Some((_, more)) = runs.take(i)? {
                        entry.count += more.count;
                        entry.documents += more.documents;
                    }
                }
            }
            if entry.documents < 2 && entry.count < 3 {
                continue;
            }
            chunk.push((name, entry));
            if let Some(dir) = self.spill.as_ref().filter(|_| chunk.len() >= self.limit) {
                chunk.sort_unstable_by(by_rank);
                let path = dir.join(format!(".candidates-ranked-{}.run", ranked.len()));
                spilled.push(path.clone());
                write_run(&path, chunk.iter().map(|(n, e)| (n, e)))?;
                ranked.push(path);
                chunk.clear();
            }
        }
        drop(runs);
        // The ranked runs and the last chunk, merged by rank: names are
        // distinct, so the order is total.
        chunk.sort_unstable_by(by_rank);
        let mut runs = Runs::open(&ranked, chunk)?;
        while let Some(first) = runs.first_by(by_rank) {
            let Some((name, e)) = runs.take(first)? else {
                break;
            };
            row([
                name,
                e.kind.to_string(),
                e.count.to_string(),
                e.documents.to_string(),
                e.example,
            ])?;
        }
        Ok(())
    }
}

/// Sorted runs being merged: those in run files, then one in memory, each
/// with its next entry at hand.
struct Runs {
    readers: Vec<RunReader>,
    last: std::vec::IntoIter<(String, Entry)>,
    heads: Vec<Option<(String, Entry)>>,
}

impl Runs {
    fn open(paths: &[PathBuf], last: Vec<(String, Entry)>) -> Result<Runs> {
        let mut readers = Vec::new();
        let mut heads = Vec::new();
        for path in paths {
            let mut reader = RunReader::open(path)?;
            heads.push(reader.next()?);
            readers.push(reader);
        }
        let mut last = last.into_iter();
        heads.push(last.next());
        Ok(Runs {
            readers,
            last,
            heads,
        })
    }

    /// The run whose head comes first in `order` (the earliest run of
    /// equal heads).
    fn first_by(
        &self,
        order: impl Fn(&(String, Entry), &(String, Entry)) -> std::cmp::Ordering,
    ) -> Option<usize> {
        self.heads
            .iter()
            .enumerate()
            .filter_map(|(i, head)| head.as_ref().map(|head| (i, head)))
            .min_by(|a, b| order(a.1, b.1))
            .map(|(i, _)| i)
    }

    /// Takes the head of run `i` and moves the run on.
    fn take(&mut self, i: usize) -> Result<Option<(String, Entry)>> {
        let next = match self.readers.get_mut(i) {
            Some(reader) => reader.next()?,
            None => self.last.next(),
        };
        Ok(std::mem::replace(&mut self.heads[i], next))
    }
}

/// The list's order: most frequent first, then in most documents, then by
/// name.
fn by_rank(a: &(String, Entry), b: &(String, Entry)) -> std::cmp::Ordering {
    b.1.count
        .cmp(&a.1.count)
        .then(b.1.documents.cmp(&a.1.documents))
        .then(a.0.cmp(&b.0))
}

/// Writes `entries` in the order given: per entry its name, kind, count,
/// documents and example, strings as a length and bytes.
fn write_run<'e>(
    path: &Path,
    entries: impl IntoIterator<Item = (&'e String, &'e Entry)>,
) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut out = std::io::BufWriter::new(file);
    let write = || -> std::io::Result<()> {
        let mut record = Vec::new();
        for (name, e) in entries {
            record.clear();
            for text in [name.as_str(), e.kind, e.example.as_str()] {
                crate::spill::put_text(&mut record, text);
            }
            crate::spill::put_number(&mut record, e.count as u64);
            crate::spill::put_number(&mut record, e.documents as u64);
            out.write_all(&record)?;
        }
        out.flush()
    };
    write().map_err(|e| Error::io(path, e))
}

/// Reads back the entries of a run file in order.
struct RunReader {
    path: PathBuf,
    input: std::io::BufReader<std::fs::File>,
}

impl RunReader {
    fn open(path: &Path) -> Result<RunReader> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Ok(RunReader {
            path: path.to_path_buf(),
            input: std::io::BufReader::new(file),
        })
    }

    fn next(&mut self) -> Result<Option<(String, Entry)>> {
        read_entry(&mut self.input).map_err(|e| Error::io(&self.path, e))
    }
}

fn read_entry(input: &mut impl Read) -> std::io::Result<Option<(String, Entry)>> {
    use crate::spill::{read_number, read_text, read_text_of};
    // The end of the file comes where the next name would.
    let len = match read_number(input) {
        Ok(len) => len,
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    };
    let name = read_text_of(input, len)?;
    let kind = read_text(input)?;
    let example = read_text(input)?;
    let count = read_number(input)? as usize;
    let documents = read_number(input)? as usize;
    Ok(Some((
        name,
        Entry {
            kind: kind_named(&kind),
            count,
            documents,
            last_document: usize::MAX,
            example,
        },
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs as a reading of every word finds them, as the reference.
    fn runs_of_every_word(text: &str) -> Vec<Vec<(usize, &str)>> {
        let words: Vec<(usize, &str)> = crate::segment::words(text)
            .into_iter()
            .map(|(at, w)| (at, name_word(w)))
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !is_capitalised(words[i].1) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() {
                let w = words[j].1;
                let joins =
                    JOINERS.contains(&w) && words.get(j + 1).is_some_and(|n| is_capitalised(n.1));
                if !(is_capitalised(w) || joins) {
                    break;
                }
                j += 1;
            }
            runs.push(words[i..j].to_vec());
            i = j;
        }
        runs
    }

    /// Passing over the words before a capital finds the runs a reading
    /// of every word finds.
    #[test]
    fn runs_are_found_as_a_reading_of_every_word_finds_them() {
        use proptest::prelude::*;
        let word = proptest::sample::select(vec![
            "Kim",
            "Jong",
            "Un",
            "of",
            "the",
            "and",
            "for",
            "DPRK",
            "U.S",
            "met",
            "Workers'",
            "Party\u{2019}s",
            "\u{c9}lys\u{e9}e",
            "\u{e9}t\u{e9}",
            "caf\u{e9}",
            "Anti-Japanese",
            "non-Korean",
            "x2",
            "2024",
            "McCoy",
            "Ivanov",
            "\u{2019}",
            "'",
            "-",
        ]);
        let gap = proptest::sample::select(vec![
            " ", "  ", ", ", "-", "'", "\u{2019}", "", ". ", "\u{a0}",
        ]);
        let text = proptest::collection::vec((word, gap), 0..14);
        proptest!(|(parts in text)| {
            let text: String = parts.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let mut found = Vec::new();
            let mut run = Vec::new();
            let mut from = 0;
            while let Some(next) = next_run(&text, from, &mut run) {
                from = next;
                found.push(run.clone());
            }
            prop_assert_eq!(found, runs_of_every_word(&text));
        });
    }

    #[test]
    fn a_spilling_tally_lists_what_one_map_would() {
        let dir = std::env::temp_dir().join(format!("eventline-tally-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut spilling = Tally::spilling_to(dir.clone());
        spilling.limit = 3;
        let mut whole = Tally::default();
        let names = [
            "Kim Yong Nam",
            "Ri Su Yong",
            "Pak Pong Ju",
            "Choe Ryong Hae",
        ];
        for doc in 0..40 {
            // Names recur at different rates; some documents repeat one.
            let mut found = Vec::new();
            for (i, name) in names.iter().enumerate() {
                if doc % (i + 1) == 0 {
                    found.push((
                        name.to_string(),
                        "person",
                        format!("Sentence {doc} of {name}."),
                    ));
                }
            }
            if doc % 7 == 0 {
                found.push(("Ri Su Yong".to_string(), "person", format!("Again {doc}.")));
            }
            found.push((format!("Once Only {doc}"), "person", "Alone.".to_string()));
            // Names of two documents each: ties of count and documents,
            // ranked by name across the spilled chunks.
            found.push((
                format!("Pair {}", 19 - doc / 2),
                "person",
                "Two.".to_string(),
            ));
            spilling.add(doc, found.clone()).unwrap();
            whole.add(doc, found).unwrap();
        }
        assert!(spilling.runs.len() > 3, "the test spills");
        let (spilled, kept) = (rows(spilling), rows(whole));
        assert_eq!(spilled, kept);
        assert_eq!(kept[0][0], "Kim Yong Nam");
        assert_eq!(kept[0][4], "Sentence 0 of Kim Yong Nam.");
        // Most frequent first, ties by documents, then by name.
        let rank = |r: &[String; 5]| {
            let number = |i: usize| r[i].parse::<usize>().unwrap();
            (
                std::cmp::Reverse(number(2)),
                std::cmp::Reverse(number(3)),
                r[0].clone(),
            )
        };
        assert!(kept.windows(2).all(|w| rank(&w[0]) < rank(&w[1])));
        assert_eq!(
            kept.iter().filter(|r| r[0].starts_with("Pair ")).count(),
            20
        );
        assert!(kept.iter().all(|r| !r[0].starts_with("Once Only")));
        assert!(
            std::fs::read_dir(&dir).unwrap().next().is_none(),
            "run files removed"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn rows(tally: Tally) -> Vec<[String; 5]> {
        let mut rows = Vec::new();
        tally
            .write_rows(|row| {
                rows.push(row);
                Ok(())
            })
            .unwrap();
        rows
    }

    #[test]
    fn a_name_is_exemplified_by_its_first_sentence_single_spaced() {
        let mut tally = Tally::default();
        let found = |name: &str, sentence: &str| (name.to_string(), "person", sentence.to_string());
        tally
            .add(
                0,
                vec![
                    found("Kamal Chaulagain", "Kamal  Chaulagain\r\n arrived\there."),
                    found("Kamal Chaulagain", "Kamal Chaulagain left."),
                ],
            )
            .unwrap();
        tally
            .add(
                1,
                vec![found("Kamal Chaulagain", "Kamal Chaulagain returned.")],
            )
            .unwrap();
        assert_eq!(
            rows(tally),
            vec![[
                "Kamal Chaulagain".to_string(),
                "person".to_string(),
                "3".to_string(),
                "2".to_string(),
                "Kamal Chaulagain arrived here.".to_string(),
            ]]
        );
    }

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let spans = crate::segment::sentences(text);
        let titles = crate::lexicon::Lexicon::load(&[]).unwrap().words.titles;
        find(text, &spans, &[], &[], &titles)
            .into_iter()
            .map(|c| (c.name, c.kind))
            .collect()
    }

    #[test]
    fn listed_words_are_found_as_the_lists_hold_them() {
        let lists = lists();
        for (listed, words) in [
            (&lists.stock, STOCK_WORDS),
            (&lists.events, EVENT_WORDS),
            (&lists.organisations, ORGANISATION_WORDS),
            (&lists.places, PLACE_WORDS),
        ] {
            for word in words {
                assert!(listed.has(word), "{word}");
                // Case counts: a list holds a word as it is written.
                for other in [
                    word.to_uppercase(),
                    word.to_lowercase(),
                    format!("{word}s"),
                    word[1..].to_string(),
                ] {
                    assert_eq!(
                        listed.has(&other),
                        words.contains(&other.as_str()),
                        "{other}"
                    );
                }
            }
            assert!(!listed.has(""));
        }
    }

    #[test]
    fn capitalised_runs_are_candidates_with_a_kind() {
        assert_eq!(
            names("The delegation led by Kamal Prasad Chaulagain visited the Mansudae Art Troupe."),
            vec![
                ("Kamal Prasad Chaulagain".to_string(), "person"),
                ("Mansudae Art Troupe".to_string(), "organisation")
            ]
        );
        assert_eq!(
            names("They toured the Ryongsin Farm in Hamhung City."),
            vec![
                ("Ryongsin Farm".to_string(), "place"),
                ("Hamhung City".to_string(), "place"),
            ]
        );
        assert_eq!(
            names("A delegation of the Academy of Sciences arrived."),
            vec![("Academy of Sciences".to_string(), "organisation")]
        );
    }

    #[test]
    fn stock_phrases_are_not_candidates() {
        assert!(names(
            "The respected Comrade praised Juche Korea and the Party Central Committee."
        )
        .is_empty());
        assert!(names("In Pyongyang the General Secretary spoke.").is_empty());
    }
}
