//! The event lexicon: trigger phrases per event kind, as data.
//!
//! `gazetteers/events.csv` has one row per phrasing: `kind` (meeting, visit,
//! treaty), `pattern` (words; `*` stands for up to three words), the roles of
//! the words before (`subject`) and after (`object`) the trigger, `undated`
//! (`dateline` when an undated report of the day takes the dateline's date)
//! and `unless` (`|`-separated words that, right after the trigger, show it
//! means something else: "received a message" is no meeting).
//! `gazetteers/documents.csv` lists the document nouns a treaty needs.

use std::path::{Path, PathBuf};

use regex::Regex;

use crate::data::csv_rows;
use crate::error::{Error, Result};
use crate::resolve::Period;

/// The kinds of event eventline extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// Two or more parties met in person.
    Meeting,
    /// A person or delegation travelled to another state or place.
    Visit,
    /// A document was signed or concluded.
    Treaty,
}

impl EventKind {
    /// The lower-case name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Treaty => "treaty",
        }
    }

    /// The kind named by its CSV name.
    pub fn parse(s: &str) -> Option<EventKind> {
        match s {
            "meeting" => Some(EventKind::Meeting),
            "visit" => Some(EventKind::Visit),
            "treaty" => Some(EventKind::Treaty),
            _ => None,
        }
    }
}

/// What the words on one side of a trigger are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A participant of a meeting or treaty.
    Party,
    /// The traveller of a visit.
    Visitor,
    /// Where a visit goes.
    Destination,
    /// The dateline's city is the destination ("arrived here").
    Here,
    /// The dateline's city is where the visitor left from ("left here").
    Departure,
    /// The visitor came home from where the words after name ("returned
    /// home after attending the conference held in Tehran").
    Return,
    /// The visitor is the party named just before the trigger, in the
    /// phrase it qualifies ("received X, foreign minister of Russia, on a
    /// visit to the DPRK").
    Appositive,
    /// The visitor is named after the trigger and the destination after
    /// "to" or just before the trigger: "the first visit of X to the USSR",
    /// "the DPRK visit of X".
    Traveller,
    /// The visitor follows the trigger and the destination is the dateline's
    /// city ("the visiting delegation of ...").
    Guest,
    /// The signed document.
    Document,
    /// The signed document, as the phrase right before the trigger with no
    /// verb between: "a joint declaration of the two sides was published"
    /// (and not "an article on the agreement was published").
    DocumentHead,
    /// Nothing in particular.
    None,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "party" => Role::Party,
            "visitor" => Role::Visitor,
            "destination" => Role::Destination,
            "here" => Role::Here,
            "departure" => Role::Departure,
            "return" => Role::Return,
            "appositive" => Role::Appositive,
            "traveller" => Role::Traveller,
            "guest" => Role::Guest,
            "document" => Role::Document,
            "document-head" => Role::DocumentHead,
            "" => Role::None,
            _ => return None,
        })
    }
}

/// One trigger phrasing.
#[derive(Clone, Debug)]
pub struct Trigger {
    /// The event kind it signals.
    pub kind: EventKind,
    /// The phrase as written in the lexicon.
    pub pattern: String,
    /// Role of the words before it.
    pub subject: Role,
    /// Role of the words after it.
    pub object: Role,
    /// Whether an undated report takes the dateline's date.
    pub dateline_when_undated: bool,
    /// Words that, right after the trigger, cancel it.
    pub unless: Vec<String>,
}

/// The bundled lexicon files.
const BUNDLED_EVENTS: &str = include_str!("../gazetteers/events.csv");
const BUNDLED_DOCUMENTS: &str = include_str!("../gazetteers/documents.csv");
const BUNDLED_TREATIES: &str = include_str!("../gazetteers/treaties.csv");
const BUNDLED_WORDS: &str = include_str!("../gazetteers/words.csv");

/// The word lists the extractor reads its sentences with
/// (`gazetteers/words.csv`, one `list,words` row a list, words separated by
/// `|`): data a user extends like the names, not code.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// Capitalised words that are titles or parts of organisations' names,
    /// not of a person's name.
    pub titles: WordSet,
    /// Infinitives before a trigger noun that make it planned: "agreed to
    /// hold the ministerial talks".
    pub planned_infinitives: WordList,
    /// Words shortly before a trigger that deny it.
    pub negation: WordList,
    /// Phrases of a sentence that lists who attended what was just told.
    pub attendance: WordList,
    /// How such a sentence may begin.
    pub attendance_openings: WordList,
    /// Phrases after which a delegation's leader is named.
    pub leader_lead_ins: WordList,
    /// The same, each with the space that follows it before the name.
    pub leader_lead_ins_spaced: WordList,
    /// Words that make the subject of a visit diplomats posted here.
    pub resident_diplomats: WordList,
    /// Words that make the subject of an arrival a travelling group.
    pub group_nouns: WordList,
    /// Groups of the public ("farmers", "reporters"): talks with them are
    /// no meeting of parties.
    pub public: WordList,
    /// Words that make a visitor nobody names someone from abroad:
    /// "Foreigners left here".
    pub unnamed_foreigners: WordList,
    /// Ships and aircraft: what arrives or calls at a port is no visitor.
    pub vessels: WordList,
    /// Words of reporting: a date beside them is the day something was
    /// said, and an event told in what is said is not today's news.
    pub reporting: WordList,
    /// Who stands for someone absent: "envoys of President X".
    pub proxies: WordList,
    /// Offices after a name and a comma that make the name a person's:
    /// "Mimun Mehdi, newly appointed Ambassador of Morocco".
    pub offices_after_names: WordList,
    /// Honorifics and ranks before a name: "Mr", "Comrade", "Marshal".
    pub honorifics: WordList,
    /// Words of offices' and bodies' names, never of a person's:
    /// "Minister of Finance Kim Wan Su".
    pub office_words: WordSet,
    /// Phrases after which the signers of a document are named.
    pub signer_lead_ins: WordList,
    /// Verbs after which a sentence that opens with names has told who
    /// signed: "X and Y signed the agreement".
    pub signing_verbs: WordList,
    /// Phrases that tell a gift's hand-over; the name after the next "by"
    /// is the giver's.
    pub hand_overs: WordList,
    /// Words that end the name of a body, not of a person: "Yonhap News".
    pub body_endings: WordSet,
    /// Every list by name, for `@name` in the `unless` column of
    /// `events.csv`.
    pub named: std::collections::HashMap<String, Vec<String>>,
}

impl Words {
    /// Reads `words.csv` text, adding its words to the lists already read.
    ///
    /// # Errors
    /// A malformed row, as `file:line: problem`.
    fn add(&mut self, path: &Path, text: &str) -> Result<()> {
        for (line, record) in csv_rows(path, text)? {
            let name = record.get(0).unwrap_or("").trim();
            if name.is_empty() {
                return Err(Error::Gazetteer {
                    path: path.to_path_buf(),
                    line,
                    message: "empty list name".into(),
                });
            }
            let list = self.named.entry(name.to_string()).or_default();
            for word in record.get(1).unwrap_or("").split('|').map(str::trim) {
                if !word.is_empty() && !list.iter().any(|w| w == word) {
                    list.push(word.to_string());
                }
            }
        }
        Ok(())
    }

    /// Fills the typed lists from the named ones.
    ///
    /// # Errors
    /// A list the extractor needs that no file gives.
    fn resolve(mut self, path: &Path) -> Result<Words> {
        let take = |name: &str, lower: bool| -> Result<Vec<String>> {
            let list = self.named.get(name).ok_or_else(|| Error::Gazetteer {
                path: path.to_path_buf(),
                line: 0,
                message: format!("the word list {name:?} is missing"),
            })?;
            Ok(list
                .iter()
                .map(|w| if lower { w.to_lowercase() } else { w.clone() })
                .collect())
        };
        self.titles = WordSet(take("titles", false)?.into_iter().collect());
        self.planned_infinitives = WordList::new(take("planned-infinitives", true)?);
        self.negation = WordList::new(take("negation", true)?);
        self.attendance = WordList::new(take("attendance", true)?);
        self.attendance_openings = WordList::new(take("attendance-openings", true)?);
        self.leader_lead_ins = WordList::new(take("leader-lead-ins", true)?);
        self.leader_lead_ins_spaced = WordList::new(
            self.leader_lead_ins
                .iter()
                .map(|lead| format!("{lead} "))
                .collect(),
        );
        self.resident_diplomats = WordList::new(take("resident-diplomats", true)?);
        self.group_nouns = WordList::new(take("group-nouns", true)?);
        self.public = WordList::new(take("public", true)?);
        self.unnamed_foreigners = WordList::new(take("unnamed-foreigners", true)?);
        self.vessels = WordList::new(take("vessels", true)?);
        self.proxies = WordList::new(take("proxies", true)?);
        self.reporting = WordList::new(take("reporting", true)?);
        self.offices_after_names = WordList::new(take("offices-after-names", true)?);
        self.honorifics = WordList::new(take("honorifics", true)?);
        self.body_endings = WordSet(take("body-endings", false)?.into_iter().collect());
        self.signer_lead_ins = WordList::new(take("signer-lead-ins", true)?);
        self.signing_verbs = WordList::new(take("signing-verbs", true)?);
        self.hand_overs = WordList::new(take("hand-overs", true)?);
        self.office_words = WordSet(take("office-words", false)?.into_iter().collect());
        Ok(self)
    }
}

/// A list of lower-case words and phrases, with the shapes of its entries
/// (first letter and length): most words looked up have none of them and
/// are answered without a compare. It reads as a slice of its words.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    words: Vec<String>,
    /// A searcher for each entry, built once: phrases are looked for in
    /// every sentence that may hold them.
    searchers: Vec<memchr::memmem::Finder<'static>>,
    /// The shapes of its entries.
    shapes: crate::hashing::ShapeSieve,
}

impl WordList {
    fn new(words: Vec<String>) -> WordList {
        let shapes = crate::hashing::ShapeSieve::of(words.iter().map(|w| w.as_bytes()));
        let searchers = words
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect();
        WordList {
            words,
            searchers,
            shapes,
        }
    }

    /// Each entry with its searcher: where it stands in a text, as
    /// `str::find` (`find`) and `str::match_indices` (`find_iter`) say.
    pub fn searchers(&self) -> impl Iterator<Item = (&str, &memchr::memmem::Finder<'static>)> {
        self.words.iter().map(String::as_str).zip(&self.searchers)
    }

    /// Whether `word` is in the list, in any ASCII case.
    pub fn has(&self, word: &str) -> bool {
        self.shapes.may_hold(word.as_bytes())
            && self.words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// A set of words, looked up as they are written (case counts). Its
/// words are the project's lists, not the input: it is hashed with the
/// quick hash of short keys, not one that guards against chosen keys.
#[derive(Clone, Debug, Default)]
pub struct WordSet(crate::hashing::FastSet<String>);

impl WordSet {
    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The words, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

impl std::ops::Deref for WordList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}

/// A document whose day the lexicon knows (`gazetteers/treaties.csv`):
/// KCNA names many by their date alone ("the June 15 joint declaration"),
/// and a later article that recalls one dates it here, not by its own year.
#[derive(Clone, Debug)]
pub struct KnownDocument {
    /// The canonical name.
    pub name: String,
    /// The name and aliases, lower case.
    pub names: Vec<String>,
    /// When it was signed or adopted.
    pub period: Period,
    /// The state ids of its parties.
    pub states: Vec<String>,
}

/// All triggers in one multi-pattern regex, longest phrasings first,
/// pattern `i` for trigger `order[i]` of the [`Lexicon`]: one pass over a
/// text finds them all, and the pattern of a match says which trigger it is
/// without a capture engine. Leftmost-first over the patterns in order is
/// the alternation of them in order.
#[derive(Clone, Debug)]
pub struct TriggerAutomaton {
    /// The automaton for any text.
    pub any_text: regex_automata::meta::Regex,
    /// `any_text` with ASCII classes and case rules, for sentences that
    /// are all ASCII (nearly every one): on those it finds what `any_text`
    /// finds, and its automaton is a fraction of the size, quicker to
    /// build as the search goes. `None` when a trigger phrase is not all
    /// ASCII: under Unicode's case rules such a phrase may match ASCII
    /// text ("K", the Kelvin sign, is "k").
    pub ascii_text: Option<regex_automata::meta::Regex>,
}

impl TriggerAutomaton {
    /// The automaton that searches `sentence`: the ASCII one where it
    /// finds the same.
    pub fn for_sentence(&self, sentence: &str) -> &regex_automata::meta::Regex {
        match &self.ascii_text {
            Some(ascii) if sentence.is_ascii() => ascii,
            _ => &self.any_text,
        }
    }

    /// The same automaton with search caches of its own, empty.
    ///
    /// The compiled program is shared, not built again. What is new is
    /// the memory of the lazy DFAs, which build the states the text leads
    /// them to as they search and keep them: over a long run they hold
    /// more and more of them. A reader of many documents that takes a
    /// fresh copy now and then keeps the memory of a short run.
    pub fn fresh_copy(&self) -> TriggerAutomaton {
        // A clone of a regex has a pool of caches of its own.
        self.clone()
    }
}

/// All triggers and document nouns.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Trigger phrasings, in file order.
    pub triggers: Vec<Trigger>,
    /// Nouns that name a signed document, lower case.
    pub documents: Vec<String>,
    /// Documents whose day is known.
    pub known_documents: Vec<KnownDocument>,
    /// The extractor's word lists.
    pub words: Words,
    /// Matches any document noun.
    pub document_regex: Regex,
    /// All triggers in one automaton, shared by whoever has no copy of
    /// its own (see [`TriggerAutomaton::fresh_copy`]).
    pub automaton: TriggerAutomaton,
    /// Trigger indexes in the order of the automaton's patterns.
    pub order: Vec<usize>,
    /// The longest word of each trigger: a sentence without any of them
    /// holds no trigger and is not searched.
    pub anchors: aho_corasick::AhoCorasick,
    /// Every name of every known document, lower case, in one automaton:
    /// one pass over a sentence finds which of them it names.
    document_names: aho_corasick::AhoCorasick,
    /// The known document (its place in `known_documents`) of each pattern
    /// of `document_names`.
    document_of_name: Vec<usize>,
}

impl Lexicon {
    /// The bundled lexicon, with rows of `events.csv` and `documents.csv` in
    /// each overlay folder added after it.
    ///
    /// # Errors
    /// A malformed row, as `file:line: problem`.
    pub fn load(overlays: &[PathBuf]) -> Result<Lexicon> {
        let mut words = Words::default();
        words.add(Path::new("<bundled>/words.csv"), BUNDLED_WORDS)?;
        for dir in overlays {
            let path = dir.join("words.csv");
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                words.add(&path, &text)?;
            }
        }
        let words = words.resolve(Path::new("words.csv"))?;
        let mut triggers =
            parse_triggers(Path::new("<bundled>/events.csv"), BUNDLED_EVENTS, &words)?;
        let mut documents =
            parse_documents(Path::new("<bundled>/documents.csv"), BUNDLED_DOCUMENTS)?;
        let mut known_documents =
            parse_known_documents(Path::new("<bundled>/treaties.csv"), BUNDLED_TREATIES)?;
        for dir in overlays {
            let events = dir.join("events.csv");
            if events.exists() {
                let text = std::fs::read_to_string(&events).map_err(|e| Error::io(&events, e))?;
                for t in parse_triggers(&events, &text, &words)? {
                    if !triggers
                        .iter()
                        .any(|old| old.kind == t.kind && old.pattern == t.pattern)
                    {
                        triggers.push(t);
                    }
                }
            }
            let treaties = dir.join("treaties.csv");
            if treaties.exists() {
                let text =
                    std::fs::read_to_string(&treaties).map_err(|e| Error::io(&treaties, e))?;
                for known in parse_known_documents(&treaties, &text)? {
                    known_documents.retain(|k| k.name != known.name);
                    known_documents.push(known);
                }
            }
            let docs = dir.join("documents.csv");
            if docs.exists() {
                let text = std::fs::read_to_string(&docs).map_err(|e| Error::io(&docs, e))?;
                for noun in parse_documents(&docs, &text)? {
                    if !documents.contains(&noun) {
                        documents.push(noun);
                    }
                }
            }
        }
        let alternatives: Vec<String> = documents.iter().map(|d| phrase_regex(d)).collect();
        let document_regex = Regex::new(&format!(
            r"(?i)(?-u:\b)(?:{})(?-u:\b)",
            alternatives.join("|")
        ))
        .map_err(|e| Error::Usage(format!("document nouns: {e}")))?;
        // Longer phrasings first, so that at one position the most specific
        // trigger wins ("left here by air for" over "left here").
        let mut order: Vec<usize> = (0..triggers.len()).collect();
        order.sort_by_key(|&i| {
            let p = &triggers[i].pattern;
            (
                std::cmp::Reverse(p.split_whitespace().filter(|w| *w != "*").count()),
                std::cmp::Reverse(p.len()),
                i,
            )
        });
        // Every trigger in one automaton, with `flags` and each phrase as
        // `phrase` writes it: its lazy DFA must have room for the whole
        // lexicon, or matching falls back to a slower engine as users add
        // rows.
        let build = |flags: &str, phrase: fn(&str) -> String| {
            let patterns: Vec<String> = order
                .iter()
                .map(|&i| {
                    format!(
                        r"(?{flags})(?-u:\b)(?:{})(?-u:\b)",
                        phrase(&triggers[i].pattern)
                    )
                })
                .collect();
            regex_automata::meta::Regex::builder()
                .configure(
                    regex_automata::meta::Config::new().hybrid_cache_capacity(TRIGGER_DFA_BYTES),
                )
                .build_many(&patterns)
                .map_err(|e| Error::Usage(format!("event triggers: {e}")))
        };
        let any_text = build("i", phrase_regex)?;
        let ascii_text = if triggers.iter().all(|t| t.pattern.is_ascii()) {
            Some(build("i-u", ascii_phrase_regex)?)
        } else {
            None
        };
        let mut anchor_words: Vec<String> = Vec::new();
        for t in &triggers {
            let word = t
                .pattern
                .split_whitespace()
                .filter(|w| *w != "*")
                .max_by_key(|w| w.len());
            if let Some(word) = word {
                let word = word.to_ascii_lowercase();
                if !anchor_words.contains(&word) {
                    anchor_words.push(word);
                }
            }
        }
        let anchors = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&anchor_words)
            .map_err(|e| Error::Usage(format!("trigger anchors: {e}")))?;
        let (document_of_name, names): (Vec<usize>, Vec<&str>) = known_documents
            .iter()
            .enumerate()
            .flat_map(|(k, known)| known.names.iter().map(move |n| (k, n.as_str())))
            .unzip();
        let document_names = aho_corasick::AhoCorasick::new(&names)
            .map_err(|e| Error::Usage(format!("treaty names: {e}")))?;
        Ok(Lexicon {
            triggers,
            documents,
            known_documents,
            document_names,
            document_of_name,
            words,
            document_regex,
            automaton: TriggerAutomaton {
                any_text,
                ascii_text,
            },
            order,
            anchors,
        })
    }
}

/// Cache of the trigger automaton's lazy DFA.
const TRIGGER_DFA_BYTES: usize = 64 << 20;

/// Turns a lexicon phrase into a regex: words separated by any white space,
/// `*` as up to three arbitrary words.
fn phrase_regex(phrase: &str) -> String {
    phrase_regex_with(phrase, r"[\w'’\-]")
}

/// [`phrase_regex`] for text that is all ASCII: a word of a `*` has no
/// typographic apostrophe.
fn ascii_phrase_regex(phrase: &str) -> String {
    phrase_regex_with(phrase, r"[\w'\-]")
}

/// [`phrase_regex`] with `word_char` as a character of a word of a `*`.
fn phrase_regex_with(phrase: &str, word_char: &str) -> String {
    let parts: Vec<String> = phrase
        .split_whitespace()
        .map(|w| {
            if w == "*" {
                None
            } else {
                Some(regex::escape(w))
            }
        })
        .enumerate()
        .map(|(i, w)| match (i, w) {
            (0, Some(w)) => w,
            (_, Some(w)) => format!(r"\s+{w}"),
            (_, None) => format!(r"(?:\s+{word_char}+){{0,3}}?"),
        })
        .collect();
    parts.join("")
}

fn parse_triggers(path: &Path, text: &str, words: &Words) -> Result<Vec<Trigger>> {
    let fail = |line: u64, message: String| Error::Gazetteer {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut triggers = Vec::new();
    for (line, record) in csv_rows(path, text)? {
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let kind = EventKind::parse(field(0))
            .ok_or_else(|| fail(line, format!("unknown event kind {:?}", field(0))))?;
        let pattern = field(1).to_string();
        if pattern.is_empty() || pattern.split_whitespace().all(|w| w == "*") {
            return Err(fail(line, "empty pattern".into()));
        }
        let subject = Role::parse(field(2))
            .ok_or_else(|| fail(line, format!("unknown subject role {:?}", field(2))))?;
        let object = Role::parse(field(3))
            .ok_or_else(|| fail(line, format!("unknown object role {:?}", field(3))))?;
        let dateline_when_undated = match field(4) {
            "dateline" => true,
            "" => false,
            other => {
                return Err(fail(
                    line,
                    format!("undated must be 'dateline' or empty, not {other:?}"),
                ))
            }
        };
        // "@remote" stands for the list of that name in words.csv.
        let mut unless: Vec<String> = Vec::new();
        for item in field(5).split('|').map(str::trim).filter(|w| !w.is_empty()) {
            match item.strip_prefix('@') {
                Some(name) => {
                    let list = words
                        .named
                        .get(name)
                        .ok_or_else(|| fail(line, format!("no word list {name:?} in words.csv")))?;
                    unless.extend(list.iter().map(|w| w.to_ascii_lowercase()));
                }
                None => unless.push(item.to_ascii_lowercase()),
            }
        }
        triggers.push(Trigger {
            kind,
            pattern,
            subject,
            object,
            dateline_when_undated,
            unless,
        });
    }
    Ok(triggers)
}

impl Lexicon {
    /// The known document a title names: the one with the longest name
    /// found in the title, among those whose parties include the states the
    /// text gives (two of them at least, when it gives more: "the Danish
    /// association said Japan signed the Pyongyang Declaration").
    pub fn known_document(&self, title: &str, states: &[String]) -> Option<&KnownDocument> {
        let title = title.to_lowercase();
        let has_parties = |k: &KnownDocument| {
            let parties = states.iter().filter(|s| k.states.contains(s)).count();
            parties >= states.len().min(2)
        };
        // The longest name wins; of two documents named as long, the later
        // in the list (so a user's row over a bundled one).
        self.document_names
            .find_overlapping_iter(&title)
            .filter(|m| is_whole_phrase(&title, m.range()))
            .map(|m| (m.len(), self.document_of_name[m.pattern().as_usize()]))
            .filter(|&(_, k)| has_parties(&self.known_documents[k]))
            .max()
            .map(|(_, k)| &self.known_documents[k])
    }
}

impl Lexicon {
    /// The known document a signing told by a general name ("a north-south
    /// joint declaration") on a day is: one of the same noun and parties
    /// signed that day or the day after. A document signed late at night
    /// is dated to its eve by the first report.
    pub fn known_document_near(
        &self,
        title: &str,
        states: &[String],
        day: chrono::NaiveDate,
    ) -> Option<&KnownDocument> {
        let noun = document_noun(title)?;
        if states.len() < 2 {
            return None;
        }
        self.known_documents.iter().find(|k| {
            let days = (k.period.start - day).num_days();
            (0..=1).contains(&days)
                && states.iter().all(|s| k.states.contains(s))
                && k.names.iter().any(|n| document_noun(n) == Some(noun))
        })
    }
}

/// A document name's noun: "declaration" in "north-south joint declaration
/// on reunification".
fn document_noun(title: &str) -> Option<&str> {
    let head = [" on ", " of ", " for ", " between "]
        .iter()
        .filter_map(|p| title.find(p))
        .min()
        .map_or(title, |at| &title[..at]);
    head.split_whitespace()
        .last()
        .filter(|w| w.chars().all(char::is_lowercase))
}

/// Whether the phrase at `span` of `text` stands between word boundaries.
fn is_whole_phrase(text: &str, span: std::ops::Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn parse_known_documents(path: &Path, text: &str) -> Result<Vec<KnownDocument>> {
    let mut known = Vec::new();
    for (line, record) in csv_rows(path, text)? {
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let fail = |message: String| Error::Gazetteer {
            path: path.to_path_buf(),
            line,
            message,
        };
        let name = field(0).to_string();
        if name.is_empty() {
            return Err(fail("empty name".into()));
        }
        let period = parse_iso_period(field(2)).ok_or_else(|| {
            fail(format!(
                "date {:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
                field(2)
            ))
        })?;
        let mut names = vec![name.to_lowercase()];
        names.extend(
            field(1)
                .split('|')
                .map(|a| a.trim().to_lowercase())
                .filter(|a| !a.is_empty()),
        );
        let states = field(3)
            .split('|')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        known.push(KnownDocument {
            name,
            names,
            period,
            states,
        });
    }
    Ok(known)
}

/// `2000-06-15`, `2019-04` or `2002` as a period at its precision.
fn parse_iso_period(text: &str) -> Option<Period> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = i32::try_from(number(0)?).ok()?;
    match parts.len() {
        1 => Period::year(year),
        2 => Period::month(year, number(1)?),
        3 => chrono::NaiveDate::from_ymd_opt(year, number(1)?, number(2)?).map(Period::day),
        _ => None,
    }
}

fn parse_documents(path: &Path, text: &str) -> Result<Vec<String>> {
    Ok(csv_rows(path, text)?
        .into_iter()
        .filter_map(|(_, r)| r.get(0).map(|s| s.trim().to_ascii_lowercase()))
        .filter(|s| !s.is_empty())
        .collect())
}

#[cfg(test)]
impl Lexicon {
    /// The words of the trigger phrases, each once: the stuff of test
    /// sentences.
    pub(crate) fn trigger_words(&self) -> Vec<String> {
        let mut words: Vec<String> = self
            .triggers
            .iter()
            .flat_map(|t| t.pattern.split_whitespace().map(str::to_string))
            .filter(|w| w != "*")
            .collect();
        words.sort();
        words.dedup();
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_loads() {
        let lexicon = Lexicon::load(&[]).unwrap();
        assert!(lexicon.triggers.iter().any(|t| t.kind == EventKind::Visit));
        assert!(lexicon.documents.contains(&"treaty".to_string()));
    }

    /// Trigger matches, as (pattern, start, end), of an automaton.
    fn trigger_matches(
        automaton: &regex_automata::meta::Regex,
        sentence: &str,
    ) -> Vec<(usize, usize, usize)> {
        automaton
            .find_iter(sentence)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    /// On ASCII text the ASCII automaton finds what the Unicode one finds:
    /// the same triggers at the same places, in any case and spacing.
    #[test]
    fn the_ascii_triggers_find_what_the_unicode_ones_find() {
        let lexicon = Lexicon::load(&[]).unwrap();
        let ascii = lexicon.automaton.ascii_text.as_ref().unwrap();
        let mut words = lexicon.trigger_words();
        words.extend(["the", "K", "s", "DPRK's", "co-operation", "2024", "_x"].map(String::from));
        // The example sentences of the event patterns.
        for line in include_str!("../tests/corpus/events.csv").lines() {
            if line.is_ascii() {
                assert_eq!(
                    trigger_matches(ascii, line),
                    trigger_matches(&lexicon.automaton.any_text, line)
                );
            }
        }
        use proptest::prelude::*;
        let word = proptest::sample::select(words);
        let gap = proptest::sample::select(vec![" ", "  ", "\t", "\n", ", ", " - ", ". "]);
        let sentence = proptest::collection::vec((word, gap, any::<bool>()), 1..12);
        proptest!(|(parts in sentence)| {
            let text: String = parts
                .iter()
                .map(|(w, g, upper)| format!("{}{g}", if *upper { w.to_uppercase() } else { w.clone() }))
                .collect();
            prop_assert_eq!(trigger_matches(ascii, &text), trigger_matches(&lexicon.automaton.any_text, &text));
        });
    }

    /// A phrase that is not all ASCII may match ASCII text under Unicode's
    /// case rules: then every sentence goes to the Unicode automaton.
    #[test]
    fn a_phrase_beyond_ascii_leaves_one_automaton() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("events.csv"),
            "kind,pattern,subject,object,undated,unless\nvisit,pa\u{17f}\u{17f}ed through,visitor,destination,,\n",
        )
        .unwrap();
        let lexicon = Lexicon::load(&[dir.path().to_path_buf()]).unwrap();
        assert!(lexicon.automaton.ascii_text.is_none());
        // "ſ" (long s) is "s" to a case-insensitive Unicode regex.
        let found = trigger_matches(&lexicon.automaton.any_text, "They passed through Moscow.");
        assert!(!found.is_empty());
    }

    #[test]
    fn star_stands_for_up_to_three_words() {
        let re = Regex::new(&format!("(?i){}", phrase_regex("had * talks with"))).unwrap();
        assert!(re.is_match("had talks with"));
        assert!(re.is_match("had open and frank talks with"));
        assert!(!re.is_match("had a long and frank talks with"));
    }

    #[test]
    fn a_word_list_finds_what_a_compare_of_every_entry_finds() {
        let long = "a".repeat(70);
        let entries = [
            "premier",
            "ambassador",
            "vice-premier",
            "\u{e9}lu",
            "@home",
            "[x]",
            &long,
        ];
        let list = WordList::new(entries.iter().map(|w| w.to_string()).collect());
        let longer = "A".repeat(80);
        for word in [
            "premier",
            "Premier",
            "PREMIER",
            "premie",
            "premiers",
            "ambassador",
            "Ambassador,",
            "vice-Premier",
            "\u{e9}lu",
            "\u{c9}lu",
            "\u{e9}LU",
            "@HOME",
            "`home",
            "[X]",
            "{x]",
            "",
            "p",
            &long,
            &long.to_uppercase(),
            &longer,
            "\u{e9}",
        ] {
            let compared = entries.iter().any(|w| w.eq_ignore_ascii_case(word));
            assert_eq!(list.has(word), compared, "{word:?}");
        }
        assert_eq!(list.len(), entries.len());
    }

    #[test]
    fn a_word_lists_searchers_find_what_str_finds() {
        let entries = ["led by ", "aa a", "headed by", "\u{e9}t\u{e9}"];
        let list = WordList::new(entries.iter().map(|w| w.to_string()).collect());
        for text in [
            "the delegation led by led by x",
            "aa aa aa a",
            "aaa a aa a",
            "headed byheaded by",
            "\u{e9}t\u{e9}t\u{e9}",
            "",
        ] {
            for (entry, searcher) in list.searchers() {
                assert_eq!(searcher.find(text.as_bytes()), text.find(entry), "{text:?}");
                let every: Vec<usize> = searcher.find_iter(text.as_bytes()).collect();
                let by_str: Vec<usize> = text.match_indices(entry).map(|(at, _)| at).collect();
                assert_eq!(every, by_str, "{text:?} {entry:?}");
            }
        }
    }

    #[test]
    fn documents_named_by_their_date_are_known() {
        let lexicon = Lexicon::load(&[]).unwrap();
        let june15 = lexicon
            .known_document("June 15 joint declaration", &[])
            .unwrap();
        assert_eq!(june15.period.iso(), "2000-06-15");
        let pyongyang = |states: &[&str]| {
            let states: Vec<String> = states.iter().map(|s| s.to_string()).collect();
            lexicon
                .known_document("DPRK-Japan Pyongyang Declaration", &states)
                .map(|k| k.period.iso())
        };
        assert_eq!(pyongyang(&["PRK", "JPN"]).as_deref(), Some("2002-09-17"));
        // The parties the text names must be the document's.
        assert_eq!(pyongyang(&["PRK", "RUS"]), None);
        assert_eq!(pyongyang(&["NGA"]), None);
        assert!(lexicon.known_document("declaration", &[]).is_none());
    }

    #[test]
    fn a_sentence_names_the_document_of_its_longest_whole_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("treaties.csv"),
            "name,aliases,date,states\n\
             Seoul Accord,,1990-01-02,PRK|KOR\n\
             Seoul Accord on Fisheries,Fisheries Accord,1991-03-04,PRK|KOR\n\
             Tumen Accord,Seoul Accord,1992-05-06,PRK|RUS\n",
        )
        .unwrap();
        let lexicon = Lexicon::load(&[dir.path().to_path_buf()]).unwrap();
        let day = |sentence: &str, states: &[&str]| {
            let states: Vec<String> = states.iter().map(|s| s.to_string()).collect();
            lexicon
                .known_document(sentence, &states)
                .map(|k| k.period.iso())
        };
        // The longest name the sentence holds decides, whatever its case.
        let fisheries = Some("1991-03-04".to_string());
        assert_eq!(
            day("They recalled the SEOUL ACCORD ON FISHERIES.", &[]),
            fisheries
        );
        assert_eq!(
            day("the fisheries accord and the Seoul Accord", &[]),
            fisheries
        );
        // Of two documents with the same name, the later row.
        assert_eq!(day("the Seoul Accord", &[]).as_deref(), Some("1992-05-06"));
        // ... unless its parties are not those the text names.
        assert_eq!(
            day("the Seoul Accord", &["PRK", "KOR"]).as_deref(),
            Some("1990-01-02")
        );
        // A name counts only as whole words, wherever it stands whole.
        assert_eq!(day("the Seoul Accordance", &[]), None);
        assert_eq!(day("NeoSeoul Accord", &[]), None);
        assert_eq!(
            day(
                "NeoSeoul Accord, and later the Seoul Accord",
                &["PRK", "KOR"]
            )
            .as_deref(),
            Some("1990-01-02")
        );
        assert_eq!(day("the Tumen Accords", &[]), None);
    }

    #[test]
    fn malformed_rows_name_the_line() {
        let words = Lexicon::load(&[]).unwrap().words;
        let err = parse_triggers(
            Path::new("e.csv"),
            "kind,pattern,subject,object\nparty,met,party,party\n",
            &words,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "e.csv:2: unknown event kind \"party\"");
        let err = parse_triggers(
            Path::new("e.csv"),
            "kind,pattern,subject,object,undated,unless\nmeeting,met,party,party,,@nowhere\n",
            &words,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "e.csv:2: no word list \"nowhere\" in words.csv"
        );
        let err = parse_triggers(
            Path::new("e.csv"),
            "kind,pattern,subject,object\nparty,met,party,party\n",
            &words,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "e.csv:2: unknown event kind \"party\"");
    }
}
