//! Candidate names: capitalised phrases no gazetteer knows, for users to
//! read when they extend the gazetteers (`candidates.csv`).
//!
//! A candidate is a run of two or more capitalised words (joined by "of",
//! "the" or "and" inside a name: "Academy of Sciences") that no gazetteer
//! mention or date covers and that is not made only of titles and stock
//! words ("Respected Comrade", "Party Central Committee"). Its kind is
//! guessed from its words: an event's, an organisation's or a place's
//! keyword, else a person when it is short.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

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
    titles: &std::collections::HashSet<String>,
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
    for sentence in sentences {
        let text = &body[sentence.clone()];
        // "Workers'" is the word "Workers" in a name.
        let words: Vec<(usize, &str)> = crate::segment::words(text)
            .into_iter()
            .map(|(at, w)| (at, w.trim_end_matches(['\'', '\u{2019}'])))
            .collect();
        let mut i = 0;
        while i < words.len() {
            if !is_capitalised(words[i].1) {
                i += 1;
                continue;
            }
            // Grow the run: capitalised words, and joiners followed by one.
            let mut j = i + 1;
            while j < words.len() {
                let w = words[j].1;
                let joins =
                    JOINERS.contains(&w) && words.get(j + 1).is_some_and(|n| is_capitalised(n.1));
                if is_capitalised(w) || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let run = &words[i..j];
            i = j;
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
                    || STOCK_WORDS.contains(w)
                    || titles.contains(*w)
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

fn guess_kind(tokens: &[&str]) -> &'static str {
    if tokens.iter().any(|w| EVENT_WORDS.contains(w)) {
        "event"
    } else if tokens.iter().any(|w| ORGANISATION_WORDS.contains(w)) {
        "organisation"
    } else if tokens.iter().any(|w| PLACE_WORDS.contains(w)) {
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

/// Candidates counted across a run.
#[derive(Debug, Default)]
pub struct Tally {
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    kind: &'static str,
    count: usize,
    documents: HashSet<usize>,
    example: String,
}

impl Tally {
    /// Adds the candidates of document number `doc`; `example` gives a
    /// candidate's sentence text.
    pub fn add(&mut self, doc: usize, candidates: Vec<(String, &'static str, String)>) {
        for (name, kind, example) in candidates {
            let entry = self.entries.entry(name).or_insert_with(|| Entry {
                kind,
                count: 0,
                documents: HashSet::new(),
                example,
            });
            entry.count += 1;
            entry.documents.insert(doc);
        }
    }

    /// Rows `name, kind, count, documents, example`, most frequent first.
    pub fn rows(&self) -> Vec<[String; 5]> {
        let mut rows: Vec<(&String, &Entry)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.documents.len() >= 2 || e.count >= 3)
            .collect();
        rows.sort_by(|a, b| {
            b.1.count
                .cmp(&a.1.count)
                .then(b.1.documents.len().cmp(&a.1.documents.len()))
                .then(a.0.cmp(b.0))
        });
        rows.into_iter()
            .map(|(name, e)| {
                [
                    name.clone(),
                    e.kind.to_string(),
                    e.count.to_string(),
                    e.documents.len().to_string(),
                    e.example.clone(),
                ]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let spans = crate::segment::sentences(text);
        let titles = crate::lexicon::Lexicon::load(&[]).unwrap().words.titles;
        find(text, &spans, &[], &[], &titles)
            .into_iter()
            .map(|c| (c.name, c.kind))
            .collect()
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
