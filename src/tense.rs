//! Tense and modality: whether a clause reports what happened, speaks of
//! what is, looks ahead, or supposes.
//!
//! One table of marker words serves two readers. The date resolver asks
//! which way a year-less date lies ("will meet on June 19" is the next June
//! 19, "met on June 19" the last); event extraction asks whether an event
//! is planned rather than reported ("expected to visit", "if talks are
//! held"). Both read the same words here, so a word added for one is seen
//! by the other.

use std::sync::OnceLock;

/// The tense of the clause around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reported as having happened.
    Past,
    /// Neither past nor future ("June 24 is a meaningful day").
    Present,
    /// Planned or expected.
    Future,
    /// No word of the clause says: a date is read as the nearest one.
    Unmarked,
}

/// What a marker word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// Reports what happened ("was", "met", "rose"); see also
    /// `marker_of_form` for verbs in "-ed".
    Past,
    /// Speaks of what is ("is", "marks").
    Present,
    /// Looks ahead wherever it stands, before a date or an event's word or
    /// inside and after it ("will", "expected", "scheduled").
    Future,
    /// Looks ahead from before an event's word only ("plans", "the eve of",
    /// "resuming"); elsewhere it tells no tense ("vacation plans").
    Prospect,
    /// Supposes rather than reports ("may", "could", "if").
    Hypothetical,
    /// An infinitive's "to": an event's word shortly after it is planned
    /// ("agreed to hold talks").
    Infinitive,
}

impl Marker {
    /// Whether the marker, shortly before an event's word, makes the event
    /// planned or hypothetical rather than reported.
    pub fn plans(self) -> bool {
        matches!(
            self,
            Marker::Future | Marker::Prospect | Marker::Hypothetical | Marker::Infinitive
        )
    }

    /// The tense it gives a date, when it gives one.
    fn tense(self) -> Option<Tense> {
        match self {
            Marker::Past => Some(Tense::Past),
            Marker::Present => Some(Tense::Present),
            Marker::Future => Some(Tense::Future),
            Marker::Prospect | Marker::Hypothetical | Marker::Infinitive => None,
        }
    }
}

/// The marker words, lower case. Two-word entries are phrases read as one
/// ("expected to", "as soon as" by its last two words).
const MARKERS: &[(&str, Marker)] = &[
    // Looking ahead.
    ("will", Marker::Future),
    ("shall", Marker::Future),
    ("would", Marker::Future),
    ("must", Marker::Future),
    ("expected", Marker::Future),
    ("expects", Marker::Future),
    ("expect", Marker::Future),
    ("scheduled", Marker::Future),
    ("slated", Marker::Future),
    ("planned", Marker::Future),
    ("upcoming", Marker::Future),
    ("forthcoming", Marker::Future),
    ("to be", Marker::Future),
    ("is to", Marker::Future),
    ("are to", Marker::Future),
    ("going to", Marker::Future),
    ("expected to", Marker::Future),
    ("scheduled to", Marker::Future),
    ("plans to", Marker::Future),
    ("plan to", Marker::Future),
    ("planned to", Marker::Future),
    ("planning to", Marker::Future),
    ("intends to", Marker::Future),
    ("due to", Marker::Future),
    ("slated to", Marker::Future),
    ("set to", Marker::Future),
    ("soon as", Marker::Future),
    ("early as", Marker::Future),
    ("resuming", Marker::Prospect),
    ("resumption", Marker::Prospect),
    ("proposed", Marker::Prospect),
    ("proposing", Marker::Prospect),
    ("proposes", Marker::Prospect),
    ("propose", Marker::Prospect),
    ("plans", Marker::Prospect),
    ("going", Marker::Prospect),
    ("intends", Marker::Prospect),
    ("wants", Marker::Prospect),
    ("approach", Marker::Prospect),
    ("eve", Marker::Prospect),
    ("ahead", Marker::Prospect),
    ("coming", Marker::Prospect),
    // Supposing.
    ("may", Marker::Hypothetical),
    ("might", Marker::Hypothetical),
    ("can", Marker::Hypothetical),
    ("could", Marker::Hypothetical),
    ("should", Marker::Hypothetical),
    ("if", Marker::Hypothetical),
    ("unless", Marker::Hypothetical),
    ("to", Marker::Infinitive),
    // What is.
    ("is", Marker::Present),
    ("are", Marker::Present),
    ("am", Marker::Present),
    ("marks", Marker::Present),
    ("falls", Marker::Present),
    ("celebrate", Marker::Present),
    ("celebrates", Marker::Present),
    // What happened: irregular past forms and "ago" (verbs in "-ed" are
    // read by their form).
    ("was", Marker::Past),
    ("were", Marker::Past),
    ("had", Marker::Past),
    ("did", Marker::Past),
    ("met", Marker::Past),
    ("held", Marker::Past),
    ("made", Marker::Past),
    ("took", Marker::Past),
    ("paid", Marker::Past),
    ("left", Marker::Past),
    ("came", Marker::Past),
    ("went", Marker::Past),
    ("sent", Marker::Past),
    ("gave", Marker::Past),
    ("said", Marker::Past),
    ("saw", Marker::Past),
    ("began", Marker::Past),
    ("won", Marker::Past),
    ("fought", Marker::Past),
    ("led", Marker::Past),
    ("became", Marker::Past),
    ("ago", Marker::Past),
    // "since March", "since shortly after the Oct. 23 slaying": what
    // follows it has begun.
    ("since", Marker::Past),
    ("rose", Marker::Past),
    ("fell", Marker::Past),
    ("grew", Marker::Past),
    ("found", Marker::Past),
    ("told", Marker::Past),
    ("thought", Marker::Past),
    ("brought", Marker::Past),
    ("bought", Marker::Past),
    ("built", Marker::Past),
    ("kept", Marker::Past),
    ("lost", Marker::Past),
    ("spent", Marker::Past),
    ("struck", Marker::Past),
    ("stood", Marker::Past),
    ("sold", Marker::Past),
    ("wrote", Marker::Past),
    ("spoke", Marker::Past),
    ("broke", Marker::Past),
    ("chose", Marker::Past),
    ("drove", Marker::Past),
    ("fled", Marker::Past),
    ("flew", Marker::Past),
    ("ran", Marker::Past),
    ("sat", Marker::Past),
    ("taught", Marker::Past),
    ("threw", Marker::Past),
    ("understood", Marker::Past),
    ("heard", Marker::Past),
    ("felt", Marker::Past),
    ("drew", Marker::Past),
    ("sought", Marker::Past),
    ("caught", Marker::Past),
    ("knew", Marker::Past),
    ("got", Marker::Past),
    ("meant", Marker::Past),
    ("arose", Marker::Past),
    ("swore", Marker::Past),
    ("stole", Marker::Past),
    ("withdrew", Marker::Past),
    ("overtook", Marker::Past),
    ("shook", Marker::Past),
];

/// Words that end in "-ed" without being past tense.
const NOT_PAST: &[&str] = &[
    "united", "need", "speed", "red", "bed", "seed", "indeed", "proceed", "exceed", "succeed",
    "feed", "hundred", "breed", "creed", "shed", "wed", "led", "armed",
];

/// Whether lower-case words inside or after an event's word look ahead:
/// a word ("will", "scheduled") or a phrase ("are to be held") of
/// [`Marker::Future`].
pub fn looks_ahead(words: &[String]) -> bool {
    words.iter().any(|w| marker(w) == Some(Marker::Future))
        || words
            .windows(2)
            .any(|pair| marker(&format!("{} {}", pair[0], pair[1])) == Some(Marker::Future))
}

/// The marker a lower-case word or two-word phrase is in the table.
pub fn marker(lower: &str) -> Option<Marker> {
    marker_of_bytes(lower.as_bytes())
}

/// [`marker`] by the phrase's bytes, as [`lowered`] leaves them.
/// Every word of a sentence is looked up, and most are no marker: the
/// shapes of the keys turn those away before the table is.
fn marker_of_bytes(lower: &[u8]) -> Option<Marker> {
    let (shapes, table) = marker_table();
    if !shapes.may_hold(lower) {
        return None;
    }
    table.get(lower).copied()
}

/// The marker table by lower-case key, and the shapes of its keys.
fn marker_table() -> &'static (
    crate::hashing::ShapeSieve,
    crate::hashing::FastMap<&'static [u8], Marker>,
) {
    type Table = (
        crate::hashing::ShapeSieve,
        crate::hashing::FastMap<&'static [u8], Marker>,
    );
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = crate::hashing::FastMap::default();
        for &(word, m) in MARKERS {
            // The first entry of a word is its meaning.
            table.entry(word.as_bytes()).or_insert(m);
        }
        (crate::hashing::ShapeSieve::of(table.keys().copied()), table)
    })
}

/// The marker of `parts` (any case) joined by single spaces: what
/// [`lowered`] and [`marker_of_bytes`] give, with the shape of the phrase
/// told from its parts, so that most are turned away before any copy.
fn marker_of_parts(parts: &[&str]) -> Option<Marker> {
    let len = parts.iter().map(|p| p.len()).sum::<usize>() + parts.len().saturating_sub(1);
    let first = match parts {
        [] => return None,
        [only] => *only.as_bytes().first()?,
        [head, ..] => head.as_bytes().first().copied().unwrap_or(b' '),
    };
    if !marker_table().0.may_hold_shape(first, len) {
        return None;
    }
    let mut buf = [0; LONGEST_KEY];
    lowered(parts, &mut buf).and_then(marker_of_bytes)
}

/// The longest word or two-word phrase [`marker`] needs to look up; longer
/// ones are in no table.
const LONGEST_KEY: usize = 48;

/// Words joined by spaces and lower-cased into `buf`, without allocating;
/// None when they are longer than any key of the table. The bytes are
/// looked up as they are ([`marker_of_bytes`]): they need no check that
/// they are text.
fn lowered<'b>(parts: &[&str], buf: &'b mut [u8; LONGEST_KEY]) -> Option<&'b [u8]> {
    let len = parts.iter().map(|p| p.len()).sum::<usize>() + parts.len().saturating_sub(1);
    if len > LONGEST_KEY {
        return None;
    }
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            buf[at] = b' ';
            at += 1;
        }
        buf[at..at + part.len()].copy_from_slice(part.as_bytes());
        at += part.len();
    }
    buf[..at].make_ascii_lowercase();
    Some(&buf[..at])
}

/// The marker of a word (any case) by its table entry.
fn marker_of(word: &str) -> Option<Marker> {
    marker_of_parts(&[word])
}

/// Whether a word (any case) has the form of a verb in "-ed" that reports
/// the past ("signed", not "united").
fn past_by_form(word: &str) -> bool {
    word.len() > 4 && has_ed_ending(word) && !NOT_PAST.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn has_ed_ending(word: &str) -> bool {
    word.len() >= 2 && word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ed")
}

/// The marker of a word by its table entry, else by its form: a verb in
/// "-ed" reports the past ("signed", not "united").
fn marker_of_form(word: &str) -> Option<Marker> {
    marker_of(word).or_else(|| past_by_form(word).then_some(Marker::Past))
}

/// The tense at byte `at` of a sentence given as its words (byte offset,
/// word): the nearest marker before it, else the nearest after it, else
/// [`Tense::Unmarked`].
///
/// After the expression a marker is the clause's own verb: "On Friday, the
/// government planned to pay" is past. Before it, a plan's verb governs
/// the date: "protesters planned a rally on Saturday" looks ahead.
pub fn tense_at(words: &[(usize, &str)], at: usize) -> Tense {
    let split = words.partition_point(|(s, _)| *s < at);
    let tense_of = |i: usize| -> Option<Tense> {
        let word = words[i].1;
        // "must be returned by Jan. 14": a participle after "be" is
        // passive; the words before it tell the tense.
        let after_be = i > 0
            && ["be", "been", "being"]
                .iter()
                .any(|b| b.eq_ignore_ascii_case(words[i - 1].1));
        let participle = word.len() > 4 && has_ed_ending(word);
        if after_be && (participle || marker_of(word) == Some(Marker::Past)) {
            // "to be held", "was made": a participle, irregular or not.
            return None;
        }
        if i >= split && past_by_form(word) {
            return Some(Tense::Past);
        }
        if let Some((_, next)) = words.get(i + 1) {
            if let Some(m) = marker_of_parts(&[word, next]) {
                return m.tense();
            }
        }
        marker_of_form(word).and_then(Marker::tense)
    };
    (0..split)
        .rev()
        .find_map(tense_of)
        .or_else(|| (split..words.len()).find_map(tense_of))
        .unwrap_or(Tense::Unmarked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, expression: &str) -> Tense {
        let words = crate::segment::words(sentence);
        let at = sentence.find(expression).expect("expression in sentence");
        tense_at(&words, at)
    }

    #[test]
    fn markers_before_the_expression_decide() {
        for (sentence, expression, want) in [
            (
                "The delegation will arrive on June 19.",
                "June 19",
                Tense::Future,
            ),
            ("The delegation arrived on June 19.", "June 19", Tense::Past),
            ("June 24 is a meaningful day.", "June 24", Tense::Present),
            (
                "Talks are expected to open in April.",
                "April",
                Tense::Future,
            ),
            (
                "Protesters planned a rally on Saturday.",
                "Saturday",
                Tense::Future,
            ),
            ("They met Kim Il Sung in June.", "June", Tense::Past),
            ("Prices rose in the fourth quarter.", "fourth", Tense::Past),
            ("He may leave as soon as Tuesday.", "Tuesday", Tense::Future),
            (
                "Talks are to be held in Pyongyang in April.",
                "April",
                Tense::Future,
            ),
            (
                "The rules to be published in November will decide.",
                "November",
                Tense::Future,
            ),
        ] {
            assert_eq!(tense(sentence, expression), want, "{sentence}");
        }
    }

    #[test]
    fn a_marker_after_the_expression_is_the_clause_verb() {
        assert_eq!(
            tense(
                "On Friday, the government planned to pay the claims.",
                "Friday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense("On June 19 the delegation will leave.", "June 19"),
            Tense::Future
        );
    }

    #[test]
    fn a_passive_participle_is_no_past() {
        assert_eq!(
            tense("The boy must be returned by Jan. 14.", "Jan. 14"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "The rights, which expire Nov. 21, can be exercised.",
                "Nov. 21"
            ),
            Tense::Unmarked
        );
    }

    #[test]
    fn every_marker_fits_the_lookup_buffer() {
        assert!(MARKERS.iter().all(|(w, _)| w.len() <= LONGEST_KEY));
        assert_eq!(marker_of("Expected"), Some(Marker::Future));
        assert_eq!(marker_of(&"x".repeat(LONGEST_KEY + 1)), None);
    }

    /// Telling a phrase's shape from its parts turns away only what the
    /// table does not hold: every marker, split at its spaces and in any
    /// case, is found as a whole phrase is, and near misses are not.
    #[test]
    fn markers_by_their_parts_are_markers_by_their_bytes() {
        let by_bytes = |parts: &[&str]| {
            let mut buf = [0; LONGEST_KEY];
            lowered(parts, &mut buf).and_then(marker_of_bytes)
        };
        let mut phrases: Vec<String> = Vec::new();
        for &(key, _) in MARKERS {
            phrases.push(key.to_string());
            phrases.push(key.to_uppercase());
            phrases.push(format!("{key}s"));
            phrases.push(key[1..].to_string());
            phrases.push(format!("x{key}"));
        }
        phrases.extend(["", " ", "will be", "WILL  be", "é", "été held"].map(String::from));
        for phrase in &phrases {
            let parts: Vec<&str> = phrase.split(' ').collect();
            assert_eq!(marker_of_parts(&parts), by_bytes(&parts), "{phrase:?}");
            if let Some((first, rest)) = phrase.split_once(' ') {
                assert_eq!(
                    marker_of_parts(&[first, rest]),
                    by_bytes(&[first, rest]),
                    "{phrase:?}"
                );
            }
        }
        // Every key is found from its words.
        for &(key, _) in MARKERS {
            let parts: Vec<&str> = key.split(' ').collect();
            assert!(marker_of_parts(&parts).is_some(), "{key}");
        }
        assert_eq!(marker_of_parts(&[]), None);
        assert_eq!(marker_of_parts(&["", "will"]), by_bytes(&["", "will"]));
    }

    #[test]
    fn no_marker_leaves_the_tense_unmarked() {
        assert_eq!(
            tense("Congress reconvenes Jan. 24.", "Jan. 24"),
            Tense::Unmarked
        );
    }

    #[test]
    fn phrases_after_an_event_look_ahead() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(looks_ahead(&words("are to be held in pyongyang")));
        assert!(looks_ahead(&words("will open on monday")));
        assert!(!looks_ahead(&words("were held in pyongyang")));
        assert!(!looks_ahead(&words("came to pyongyang")));
    }

    #[test]
    fn planning_words_plan_events_and_reporting_words_do_not() {
        for word in ["will", "expected", "plans", "eve", "may", "if", "to"] {
            assert!(marker(word).is_some_and(Marker::plans), "{word}");
        }
        for word in ["was", "is", "met", "signed", "talks"] {
            assert!(!marker(word).is_some_and(Marker::plans), "{word}");
        }
    }
}
