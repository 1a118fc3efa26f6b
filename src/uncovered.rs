//! The phrasings eventline does not read yet: sentences that name two or
//! more parties and a date, and yield no event, grouped by the words that
//! stand between the first two parties ("sent a congratulatory message
//! to", "had a telephone conversation with"). The most frequent groups are
//! the list to read when extending `gazetteers/events.csv`, as
//! `candidates.csv` is for names: some are triggers not yet written down,
//! most are not events at all.

use std::collections::HashMap;

use crate::gazetteer::{EntityKind, Gazetteer};
use crate::pipeline::Analysis;

/// How many words of the stretch between two parties make its group.
const PHRASE_WORDS: usize = 4;

/// One sentence no trigger read: its phrase and the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncovered {
    /// The lower-case words between the first two parties, at most four
    /// of them.
    pub phrase: String,
    /// The sentence, on one line.
    pub sentence: String,
}

/// The uncovered sentences of one analysed article.
pub fn find(
    body: &str,
    analysis: &Analysis,
    gazetteer: &Gazetteer,
    titles: &crate::lexicon::WordSet,
) -> Vec<Uncovered> {
    let mut found = Vec::new();
    for sentence in &analysis.sentences {
        let told = analysis
            .events
            .iter()
            .any(|e| e.span.start < sentence.end && sentence.start < e.span.end);
        if told {
            continue;
        }
        let dated = analysis.dateline.is_some()
            || analysis.dates.iter().any(|d| {
                d.span.start >= sentence.start && d.span.end <= sentence.end && d.period().is_some()
            });
        if !dated {
            continue;
        }
        // The parties of the sentence, in order, outside the dateline.
        let parties: Vec<_> = analysis
            .mentions
            .iter()
            .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
            .filter(|m| {
                analysis
                    .dateline
                    .as_ref()
                    .map_or(true, |d| m.end <= d.span.start || m.start >= d.span.end)
            })
            .filter(|m| {
                let kind = gazetteer.entity(m.entity).kind;
                kind == EntityKind::Person || kind.is_party_body()
            })
            .collect();
        let Some(first) = parties.first() else {
            continue;
        };
        let Some(second) = parties
            .iter()
            .find(|m| m.entity != first.entity && m.start >= first.end)
        else {
            continue;
        };
        let phrase = phrase_between(&body[first.end..second.start]);
        if !predicates(&phrase, titles) {
            continue;
        }
        found.push(Uncovered {
            phrase,
            sentence: body[sentence.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    found
}

/// The first lower-case words of a stretch: names, titles and numbers
/// between the parties differ from sentence to sentence; the verb phrase
/// does not.
fn phrase_between(stretch: &str) -> String {
    stretch
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .filter(|w| w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\''))
        .take(PHRASE_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that join names without saying anything of them.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "with", "at", "by", "from", "as",
    "its", "his", "her", "their", "-", "'s",
];

/// Whether a phrase may say what one party did to another: it has a word
/// besides function words, and it does not open with a title ("president
/// of the", "ambassador to"): those phrases join a name to its office.
fn predicates(phrase: &str, titles: &crate::lexicon::WordSet) -> bool {
    let mut content = phrase
        .split(' ')
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w));
    match content.next() {
        None => false,
        Some(first) => {
            !(titles.iter().any(|t| t.eq_ignore_ascii_case(first)) || first.starts_with("vice-"))
        }
    }
}

/// One group of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The phrase.
    pub phrase: String,
    /// How many sentences have it.
    pub count: usize,
    /// The first document that has it.
    pub doc_id: String,
    /// Its first sentence.
    pub example: String,
}

/// Counts phrases over documents in input order.
#[derive(Default)]
pub struct Tally {
    groups: HashMap<String, Group>,
}

impl Tally {
    /// Adds one document's uncovered sentences.
    pub fn add(&mut self, doc_id: &str, found: Vec<Uncovered>) {
        for u in found {
            self.groups
                .entry(u.phrase.clone())
                .and_modify(|g| g.count += 1)
                .or_insert(Group {
                    phrase: u.phrase,
                    count: 1,
                    doc_id: doc_id.to_string(),
                    example: u.sentence,
                });
        }
    }

    /// The groups, most frequent first, then by phrase.
    pub fn groups(self) -> Vec<Group> {
        let mut groups: Vec<Group> = self.groups.into_values().collect();
        groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.phrase.cmp(&b.phrase)));
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrase_is_the_lower_case_words_between_the_parties() {
        assert_eq!(
            phrase_between(" sent a congratulatory message to President "),
            "sent a congratulatory message"
        );
        assert_eq!(
            phrase_between(", Premier of the Cabinet, and "),
            "of the and"
        );
        assert_eq!(phrase_between(" and "), "and");
        assert_eq!(phrase_between(" 2019 "), "");
    }

    #[test]
    fn phrases_that_join_a_name_to_its_office_say_nothing() {
        let titles = crate::lexicon::Lexicon::load(&[]).unwrap().words.titles;
        let predicates = |phrase: &str| predicates(phrase, &titles);
        assert!(predicates("sent a congratulatory message"));
        assert!(predicates("had a telephone conversation"));
        assert!(!predicates("and the"));
        assert!(!predicates("president of the of"));
        assert!(!predicates("vice-chairman of the of"));
        assert!(!predicates(""));
    }

    #[test]
    fn groups_are_counted_most_frequent_first() {
        let mut tally = Tally::default();
        let one = |p: &str| Uncovered {
            phrase: p.into(),
            sentence: format!("A sentence with {p}."),
        };
        tally.add(
            "d1",
            vec![one("sent a message to"), one("had a phone talk")],
        );
        tally.add("d2", vec![one("sent a message to")]);
        let groups = tally.groups();
        assert_eq!(groups[0].phrase, "sent a message to");
        assert_eq!((groups[0].count, groups[0].doc_id.as_str()), (2, "d1"));
        assert_eq!(groups[1].count, 1);
    }
}
