//! Event extraction: meetings, visits and treaties from triggers, the
//! gazetteer mentions and the resolved dates around them.
//!
//! A trigger from the lexicon splits its sentence into a subject side (the
//! clause before it) and an object side (up to the next trigger). Roles say
//! what each side holds: parties, a visitor, a destination, a document. The
//! date is the nearest dated expression in the sentence; several dates
//! coordinated after the trigger ("in Vladivostok in April 2019, in
//! Vostochny Spaceport in September 2023") make one event each, each with
//! the place named beside it.

use std::ops::Range;

use crate::gazetteer::{Coordinates, EntityKind, Gazetteer, Mention};
use std::borrow::Cow;

use crate::lexicon::{
    EventKind, KnownDocument, Lexicon, Role, Trigger, TriggerAutomaton, WordList, Words,
};
use crate::resolve::{is_calendar_word, Dateline, Period, Precision, TimeExpr, TimexRole};
use crate::tense::{self, Marker};

/// Whether the text reports the event as having happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Reported as having happened.
    Happened,
    /// Planned, expected or hypothetical.
    Planned,
    /// Denied.
    Negated,
}

impl Status {
    /// The lower-case name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Negated => "negated",
        }
    }

    /// The status named by its CSV name.
    pub fn parse(s: &str) -> Option<Status> {
        [Status::Happened, Status::Planned, Status::Negated]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// Where an event's date came from. Steps after extraction (merging
/// reports, telling news from recollections) ask this, never a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// A time expression of the sentence, by the name of the rule that
    /// read it.
    Expression(Cow<'static, str>),
    /// The report's dateline: news of the report's day.
    Dateline,
    /// "Recently": the report's month.
    Recently,
    /// Years counted back from the report's day ("six years have passed
    /// since ...").
    Elapsed,
    /// The day `gazetteers/treaties.csv` gives a known document.
    KnownDocument,
}

impl DateSource {
    /// The name written in events.csv's `date_rule`.
    pub fn as_str(&self) -> &str {
        match self {
            DateSource::Expression(rule) => rule,
            DateSource::Dateline => "dateline",
            DateSource::Recently => "recently",
            DateSource::Elapsed => "elapsed since",
            DateSource::KnownDocument => "known document",
        }
    }

    /// The source named by an events.csv `date_rule`: the inverse of
    /// [`DateSource::as_str`].
    pub fn from_name(name: &str) -> DateSource {
        [
            DateSource::Dateline,
            DateSource::Recently,
            DateSource::Elapsed,
            DateSource::KnownDocument,
        ]
        .into_iter()
        .find(|source| source.as_str() == name)
        .unwrap_or_else(|| DateSource::Expression(Cow::Owned(name.to_string())))
    }
}

/// One event as one article tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Meeting, visit or treaty.
    pub kind: EventKind,
    /// Happened, planned or negated.
    pub status: Status,
    /// When.
    pub period: Period,
    /// The text of the date expression (or the dateline's date).
    pub date_text: String,
    /// Where the date came from (events.csv `date_rule`).
    pub date_rule: DateSource,
    /// People, canonical names, in order of mention.
    pub actors: Vec<String>,
    /// States, canonical names; for a visit the visitor's first and the
    /// destination last.
    pub states: Vec<String>,
    /// City or site, when the text names one.
    pub place: String,
    /// Where the place lies, when the gazetteer knows.
    pub coordinates: Option<Coordinates>,
    /// A treaty's name.
    pub title: String,
    /// The sentence that says so.
    pub evidence: String,
    /// Byte range of that sentence in the body.
    pub span: Range<usize>,
    /// The trigger phrase as written in the lexicon.
    pub trigger: String,
    /// The text says it happened again: not the same as an earlier telling.
    pub repeated: bool,
}

/// Everything the extractor reads for one article.
pub struct Document<'a> {
    /// The article body.
    pub body: &'a str,
    /// Sentence spans.
    pub sentences: &'a [Range<usize>],
    /// Gazetteer mentions, sorted by start.
    pub mentions: &'a [Mention],
    /// Resolved time expressions, sorted by start.
    pub dates: &'a [TimeExpr],
    /// The dateline, when the article has one.
    pub dateline: Option<&'a Dateline>,
    /// The report's day: the dateline's date, else the publication date.
    pub now: chrono::NaiveDate,
}

/// Prepositions that show a noun is not the trigger's direct object.
const PREPOSITIONS: &[&str] = &[
    "for", "with", "on", "of", "to", "about", "after", "before", "against", "under", "by",
];
/// Prepositions that put a place in a phrase of place or direction.
const LOCATIVES: &[&str] = &[
    "in", "at", "to", "from", "of", "near", "into", "on", "for", "across", "around", "via",
];

/// Relative pronouns: what follows them is another clause's business.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose"];
/// Irregular finite verbs that end a noun trigger's participants.
const FINITE_VERBS: &[&str] = &[
    "was", "were", "is", "are", "took", "made", "held", "began", "ended", "came", "went", "saw",
    "had", "will", "would", "shall",
];
/// Words that refer back to the people of the sentence before.
const BACK_REFERENCES: &[&str] = &[
    "they",
    "the two leaders",
    "both sides",
    "the two sides",
    "the leaders",
];
/// Words that refer back to one person of the sentence before.
const SINGULAR_BACK_REFERENCES: &[&str] = &["he", "she"];
/// Words that end a document's name after its noun.
const TITLE_STOPS: &[&str] = &[
    "on", "was", "were", "that", "which", "between", "with", "by", "at", "and", "is", "to", "as",
];
/// An undated event in one of the first sentences of a datelined report
/// is news of the day.
const NEWS_SENTENCES: usize = 5;
/// Verbs that, followed by a place or time, mean a gathering, not a
/// meeting with someone: "officials met at the site".
const INTRANSITIVE_VERBS: &[&str] = &["met"];
/// Prepositions of place and time.
const PLACE_OR_TIME_PREPOSITIONS: &[&str] = &["at", "in", "on", "to", "for", "here", "there"];
/// Expressions whose dates do not date an event in their sentence.
const NOT_EVENT_DATES: &[TimexRole] = &[TimexRole::Anniversary, TimexRole::Dateline];

#[derive(Clone, Copy)]
struct Hit<'t> {
    trigger: &'t Trigger,
    start: usize,
    end: usize,
}

/// Extracts every event of one article. `triggers` is the lexicon's
/// automaton or a copy of it ([`TriggerAutomaton::fresh_copy`]).
pub fn extract(
    doc: &Document,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    triggers: &TriggerAutomaton,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let all_hits = triggers_in(doc.body, doc.sentences, lexicon, triggers);
    // What the sentences read so far leave to the next.
    let mut carried = CarriedOver::default();
    // The state of the dateline's city: where the report is told from.
    let here_state: Option<&str> = doc.dateline.and_then(|d| {
        doc.mentions
            .iter()
            .find(|m| {
                m.start >= d.city.start
                    && m.end <= d.city.end
                    && gazetteer.entity(m.entity).kind == EntityKind::Place
            })
            .map(|m| gazetteer.entity(m.entity).country.as_str())
    });
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let first_hit = all_hits.partition_point(|h| h.start < sentence.start);
        let hits: Vec<Hit> = all_hits[first_hit..]
            .iter()
            .take_while(|h| h.start < sentence.end)
            .filter(|h| h.end <= sentence.end)
            .copied()
            .collect();
        if hits.is_empty() {
            // A sentence with no trigger tells no event: it is read only for
            // what it leaves to the sentences after it, with none of the
            // work on its parties.
            carried.read(doc, gazetteer, lexicon, sentence);
            continue;
        }
        let mentions: Vec<&Mention> = mentions_in(doc, sentence)
            // "1 billion U.S. dollars": a state that names a currency is no
            // party.
            .filter(|m| {
                gazetteer.entity(m.entity).kind != EntityKind::State
                    || !names_a_currency(&doc.body[m.end..])
            })
            // "the Pyongyang Metro": a town's name inside a site's name is
            // no place.
            .filter(|m| !place_after_a_place(doc, gazetteer, m))
            // "interviewed by the Thai newspaper": a state that names the
            // medium a report came from is no party either.
            .filter(|m| {
                gazetteer.entity(m.entity).kind != EntityKind::State
                    || !names_a_source(&doc.body[sentence.start..m.start], &doc.body[m.end..])
            })
            // "Kim Hak Chol, DPRK ambassador to Peru, ... in Bolivia": the
            // state an envoy is posted to is no party, unless it is the
            // state the report is told from.
            .filter(|m| {
                let e = gazetteer.entity(m.entity);
                e.kind != EntityKind::State
                    || Some(e.id.as_str()) == here_state
                    || !names_a_post(&doc.body[sentence.start..m.start])
            })
            .collect();
        let first_date = doc.dates.partition_point(|d| d.span.start < sentence.start);
        let dates: Vec<&TimeExpr> = doc.dates[first_date..]
            .iter()
            .take_while(|d| d.span.start < sentence.end)
            .filter(|d| d.span.end <= sentence.end)
            .filter(|d| d.period().is_some() && !NOT_EVENT_DATES.contains(&d.role))
            .filter(|d| {
                !(d.role == TimexRole::BareYear
                    && ends_a_name(&doc.body[sentence.start..d.span.start]))
            })
            .collect();
        let before = events.len();
        // The events each trigger of the sentence told, by trigger.
        let mut told: Vec<Range<usize>> = Vec::with_capacity(hits.len());
        for (i, hit) in hits.iter().enumerate() {
            let mut clause_start = clause_start(doc.body, sentence.start, hit.start);
            // "received X, minister of Russia, on a visit to the DPRK": the
            // qualified party is named after the trigger before it.
            if hit.trigger.subject == Role::Appositive {
                if let Some(previous) = hits[..i].last() {
                    let names_a_party = mentions.iter().any(|m| {
                        m.start >= previous.end && m.end <= hit.start && {
                            let kind = gazetteer.entity(m.entity).kind;
                            kind == EntityKind::Person || kind.is_party_body()
                        }
                    });
                    if names_a_party {
                        clause_start = clause_start.max(previous.end);
                    }
                }
            }
            // "He praised the north-south summit held in Pyongyang", "the
            // paper said that a summit took place": who tells of a summit
            // named by its noun did not hold it; its parties start after the
            // word of reporting.
            if EVENT_NOUNS.contains(&hit.trigger.pattern.split_whitespace().next().unwrap_or("")) {
                let subject = &doc.body[clause_start..hit.start];
                let reported = words(subject)
                    .filter(|w| lexicon.words.reporting.has(w))
                    .last()
                    .map(|w| w.as_ptr() as usize - subject.as_ptr() as usize + w.len());
                if let Some(after) = reported {
                    clause_start += after;
                }
            }
            // The next trigger ends the object side when it starts a new
            // predication; a noun trigger ("the visiting delegation") does not.
            // A return's object is where the visitor came back from, whatever
            // the triggers in it ("returned home after visiting Russia").
            let object_end = hits[i + 1..]
                .iter()
                .find(|next| {
                    next.trigger.subject != Role::None && hit.trigger.object != Role::Return
                })
                .map_or(sentence.end, |next| next.start);
            let object_end = clause_end(doc.body, hit.end, object_end);
            // The parties of a trigger are named near it: bounded sides keep
            // the time linear in a sentence's length, however long.
            let subject_start =
                clause_start.max(char_floor(doc.body, hit.start.saturating_sub(MAX_SIDE)));
            let object_end = object_end.min(char_floor(doc.body, hit.end + MAX_SIDE));
            let scope = Scope {
                doc,
                gazetteer,
                lexicon,
                sentence: sentence.clone(),
                subject: subject_start..hit.start,
                object: hit.end..object_end,
                mentions: &mentions,
                dates: &dates,
                previous_people: &carried.people,
            };
            let first = events.len();
            events.extend(scope.events(hit));
            told.push(first..events.len());
        }
        let mut gone = fold_relative_calls(doc.body, sentence, &hits, &told, &mut events);
        gone.extend(summits_named_beside_meetings(&hits, &told, &events));
        remove_at(&mut events, &gone);
        let follow_up = doc
            .sentences
            .get(index + 1..(index + 1 + FOLLOW_UP).min(doc.sentences.len()));
        // Signers first: who signed says more than who was present.
        add_follow_up_signers(
            doc,
            gazetteer,
            &lexicon.words,
            follow_up.unwrap_or(&[]),
            &mut events[before..],
        );
        add_follow_up_participants(
            doc,
            gazetteer,
            &lexicon.words,
            follow_up.unwrap_or(&[]),
            &mut events[before..],
        );
        // "The gift was conveyed ... by X who is leading the visiting
        // delegation": the visit told in the hand-over's own sentence, after
        // the "by". ("It was handed to an official of the DPRK who visited
        // Russia by X": the visitor received it.)
        let nameless_visit = events[before..]
            .iter()
            .any(|e| e.kind == EventKind::Visit && e.actors.is_empty());
        let giver = nameless_visit
            .then(|| giver_in(doc, gazetteer, &lexicon.words, sentence))
            .flatten()
            .filter(|(_, by)| {
                hits.iter()
                    .filter(|h| h.trigger.kind == EventKind::Visit)
                    .all(|h| h.start > *by)
            });
        if let Some((giver, _)) = giver {
            for event in events[before..]
                .iter_mut()
                .filter(|e| e.kind == EventKind::Visit && e.actors.is_empty())
            {
                event.actors.push(giver.clone());
            }
        }
        refer_back_to_delegations(&mut events, before, &lexicon.words);
        date_during_the_visit(doc.body, sentence, &mut events, before);
        // "The statement said: ... Kim Jong Un successfully visited China":
        // what a quotation tells is not the news of the report's day.
        if carried.quoting {
            drop_new(&mut events, before, |e| e.date_rule == DateSource::Dateline);
        }
        carried.read(doc, gazetteer, lexicon, sentence);
    }
    let mut events = merge_within_article(events);
    // "Kim Jong Il signed the declaration together with Kim Dae Jung" in a
    // 2015 article: when everyone named had died before the report's day
    // and only the dateline dates it, the event is an old one the text
    // does not date.
    events.retain(|event| {
        let all_dead = !event.actors.is_empty()
            && event
                .actors
                .iter()
                .all(|a| gazetteer.dead_before(a, event.period.start));
        // "It has signed joint venture contracts with ...": a present
        // perfect tells of a time before the report that it does not give.
        let perfect = event
            .trigger
            .split_whitespace()
            .next()
            .is_some_and(|first| {
                let lower = event.evidence.to_ascii_lowercase();
                ["has", "have"]
                    .iter()
                    .any(|aux| lower.contains(&format!(" {aux} {first} ")))
            });
        !((all_dead || perfect) && event.date_rule == DateSource::Dateline)
    });
    // Nobody takes part in an event after their death, however the name
    // came in (an attendance list, a reference back).
    for event in &mut events {
        let start = event.period.start;
        event.actors.retain(|a| !gazetteer.dead_before(a, start));
        // One person told twice, once with a word of office before the
        // name: "Principal Jiang Guo Fu" is "Jiang Guo Fu".
        let actors = event.actors.clone();
        event.actors.retain(|a| {
            !actors
                .iter()
                .any(|b| a.len() > b.len() && names_one_person(a, b))
        });
    }
    events
}

/// What the sentences read so far leave to the next, whether or not they
/// tell an event.
#[derive(Default)]
struct CarriedOver {
    /// Whether the sentences now read are a quotation a colon opened:
    /// what is quoted is not the news of the report's day.
    quoting: bool,
    /// The people of the last sentence that named any: those "he" or "the
    /// two leaders" refer back to.
    people: Vec<usize>,
}

impl CarriedOver {
    /// Takes in what `sentence` leaves: a quotation it opens, the people
    /// it names (a sentence that names nobody passes on those before it).
    fn read(
        &mut self,
        doc: &Document,
        gazetteer: &Gazetteer,
        lexicon: &Lexicon,
        sentence: &Range<usize>,
    ) {
        self.quoting =
            self.quoting || opens_a_quotation(&doc.body[sentence.clone()], &lexicon.words);
        let people = people_named_in(doc, gazetteer, sentence);
        if !people.is_empty() {
            self.people = people;
        }
    }
}

/// The people a sentence names (gazetteer entities, in order, as often as
/// named), outside the dateline. The tests that keep a mention from being
/// a party (a currency, a source, a post, a place in a place's name)
/// concern states and places only, so no person is lost to them.
fn people_named_in(doc: &Document, gazetteer: &Gazetteer, sentence: &Range<usize>) -> Vec<usize> {
    mentions_in(doc, sentence)
        .filter(|m| gazetteer.entity(m.entity).kind == EntityKind::Person)
        .map(|m| m.entity)
        .collect()
}

/// The mentions that lie whole within `sentence`, in order, but those of
/// the dateline ("Pyongyang, August 4 (KCNA) --"): the city a report is
/// told from takes no part in its events.
fn mentions_in<'d>(
    doc: &'d Document,
    sentence: &Range<usize>,
) -> impl Iterator<Item = &'d Mention> + use<'d> {
    let first = doc.mentions.partition_point(|m| m.start < sentence.start);
    let (end, dateline) = (sentence.end, doc.dateline.map(|d| d.span.clone()));
    doc.mentions[first..]
        .iter()
        .take_while(move |m| m.start < end)
        .filter(move |m| m.end <= end)
        .filter(move |m| {
            dateline
                .as_ref()
                .is_none_or(|d| !(m.start >= d.start && m.end <= d.end))
        })
}

/// Offices that, right before a guest trigger, name the guests' leader:
/// "X, head of the visiting delegation", "X, who is leading the visiting
/// delegation".
const GUEST_HEADS: &[&str] = &["head of", "leader of", "chief of", "leading", "heading"];

/// How far after an unknown guest's name the state it belongs to may be
/// named, in bytes (its office and body come between).
const GUEST_STATE_REACH: usize = 120;

/// How many words after a meeting trigger "separately" may stand
/// ("met and conversed separately with").
const SEPARATELY_REACH: usize = 4;

/// How many sentences after an event may name who was there.
const FOLLOW_UP: usize = 2;

/// The most words before a leader's lead-in in a sentence that names the
/// leader of the group told of just before ("The delegation is headed by").
const LEADER_OPENING_WORDS: usize = 4;

/// KCNA names the people of a meeting or visit in the sentences after it:
/// "Present at the talks on the Korean side were Jong Tong Uk, ... and on the
/// opposite side ... the delegation ... led by Juan Ignacio Castrillon."
/// Meetings take every name of such a sentence, visits the delegation's
/// leader.
fn add_follow_up_participants(
    doc: &Document,
    gazetteer: &Gazetteer,
    words: &Words,
    follow_up: &[Range<usize>],
    events: &mut [Event],
) {
    if events.is_empty() {
        return;
    }
    for (index, span) in follow_up.iter().enumerate() {
        let text = &doc.body[span.clone()];
        let lower = text.to_ascii_lowercase();
        let opens = |a: &String| lower.starts_with(a.as_str()) && lower[a.len()..].starts_with(' ');
        let attendance = words.attendance_openings.iter().any(opens)
            || words
                .attendance
                .searchers()
                .any(|(_, phrase)| phrase.find(lower.as_bytes()).is_some());
        // "It is headed by Hong In Hum, chairman of ...", "The delegation
        // was led by ...": a sentence that opens by naming the leader of
        // the group just told of.
        // The name follows the lead-in: "The head of the delegation said
        // that ..." names nobody.
        // "Members of the delegation led by its chairman Mikhail Lapshin":
        // a possessive and an office in lower case may come first.
        let names_the_leader = words
            .leader_lead_ins_spaced
            .searchers()
            .any(|(lead, finder)| {
                finder.find(lower.as_bytes()).is_some_and(|at| {
                    let name = self::words(&text[at + lead.len()..]).find(|w| {
                        let office =
                            w.starts_with(char::is_lowercase) && words.offices_after_names.has(w);
                        !(POSSESSIVES.contains(w) || office)
                    });
                    self::words(&lower[..at]).count() <= LEADER_OPENING_WORDS
                        && name.is_some_and(|w| w.starts_with(char::is_uppercase))
                })
            });
        // "The gift was handed to an official concerned by D. Michka, who
        // is heading the delegation": the guest whose gift was just told.
        // ("It was handed to an official of the DPRK who visited Russia by
        // X": the one on a visit received it.)
        let giver = giver_in(doc, gazetteer, words, span)
            .filter(|(_, by)| !lower[..by - span.start].contains("visit"))
            .map(|(name, _)| name);
        // "He was greeted at the theatre by Viktor Yeliseev, head of the
        // ensemble": a name before ", head of the" group just told of.
        let group_head = group_head_in(text, words);
        if !attendance && !names_the_leader && giver.is_none() && group_head.is_none() {
            continue;
        }
        let covered = |offset: usize| {
            let at = span.start + offset;
            doc.mentions
                .iter()
                .any(|m| m.start <= at && at < m.end && covers_name_words(doc, gazetteer, words, m))
        };
        let mut people: Vec<String> = name_runs(text, covered, words);
        // Gazetteer people keep their canonical names.
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
        {
            let e = gazetteer.entity(m.entity);
            if e.kind == EntityKind::Person {
                let found = &doc.body[m.start..m.end];
                people.retain(|p| !p.contains(found));
                if !stands_for(&doc.body[span.start..m.start], words) {
                    push_all(&mut people, std::iter::once(e.name.clone()));
                }
            }
        }
        let leaders: Vec<String> = words
            .leader_lead_ins_spaced
            .searchers()
            .flat_map(|(lead, finder)| {
                finder
                    .find_iter(lower.as_bytes())
                    .map(|at| at + lead.len())
                    .collect::<Vec<_>>()
            })
            .filter_map(|from| {
                let end = text[from..]
                    .find([',', ';', '.', '(', ')'])
                    .map_or(text.len(), |p| from + p);
                // "led by General Secretary X and vice-chairman of ... Y":
                // "and" before an office in lower case starts someone else.
                let end = text[from..end]
                    .match_indices(" and ")
                    .find(|(at, _)| {
                        text[from + at + 5..]
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                    })
                    .map_or(end, |(at, _)| from + at);
                let shifted = |offset: usize| covered(from + offset);
                last_name_run(&text[from..end], shifted, words)
            })
            .collect();
        let group_head: Option<String> = group_head.and_then(|comma| {
            let stretch_start = text[..comma]
                .rfind([',', ';', '(', ')'])
                .map_or(0, |p| p + 1);
            let shifted = |offset: usize| covered(stretch_start + offset);
            let known = doc.mentions.iter().find(|m| {
                m.start >= span.start + stretch_start
                    && m.end + 1 >= span.start + comma
                    && m.end <= span.start + comma
                    && gazetteer.entity(m.entity).kind == EntityKind::Person
            });
            match known {
                Some(m) => Some(gazetteer.entity(m.entity).name.clone()),
                None => last_name_run(&text[stretch_start..comma], shifted, words),
            }
        });
        // "The Lao delegation is headed by X": of several visits told
        // together, the leader joins the one of the state the sentence names.
        let named_states: Vec<&str> = doc
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
            .map(|m| gazetteer.entity(m.entity))
            .filter(|e| e.kind.is_party_body())
            .filter_map(|e| gazetteer.party_states(e).next())
            .map(|id| gazetteer.state_name(id))
            .collect();
        // Only a list of who attended the signing itself, not the talks;
        // and only when no sentence after it tells who signed ("X and Y
        // inked the agreement"), whose own telling names the signers.
        let says_signing = |lower: &str| {
            words
                .signing_verbs
                .iter()
                .any(|verb| lower.contains(verb.as_str()))
        };
        let signers_told_after = || {
            follow_up[index + 1..]
                .iter()
                .any(|later| !signers_in(doc, gazetteer, words, later).is_empty())
        };
        // "Present there on the DPRK side were ...", right after the
        // signing, is of the signing; "Present at the talks ..." is not.
        let of_another_occasion = || self::words(&lower).any(|w| EVENT_NOUNS.contains(&w));
        let at_a_signing = attendance
            && events
                .iter()
                .any(|e| e.kind == EventKind::Treaty && e.actors.is_empty())
            && (says_signing(&lower) || (index == 0 && !of_another_occasion()))
            && !signers_told_after();
        let visits = events.iter().filter(|e| e.kind == EventKind::Visit).count();
        // The states of the gazetteer people the sentence names: a host of
        // a visit ("Present there were Mun Jae Chol ...") is not its visitor.
        let state_of: Vec<(String, &str)> = doc
            .mentions
            .iter()
            .filter(|m| m.start >= span.start && m.end <= span.end)
            .map(|m| gazetteer.entity(m.entity))
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.name.clone(), gazetteer.state_name(&e.country)))
            .collect();
        for event in events.iter_mut() {
            let visitor = event.states.first().map(String::as_str);
            let its_state = visits < 2
                || named_states.is_empty()
                || visitor.is_some_and(|v| named_states.contains(&v));
            match event.kind {
                EventKind::Meeting if attendance => {
                    push_all(&mut event.actors, people.iter().cloned())
                }
                // "At the talks Colonel Ri Son Gwon, head of the delegation
                // of the north side, stated ...": who led a side.
                EventKind::Meeting if event.actors.is_empty() => {
                    push_all(&mut event.actors, group_head.iter().cloned())
                }
                // "Present at the signing ceremony from the DPRK side were
                // X ... and from the Romanian side Y": with no signer named,
                // those who represented each side.
                EventKind::Treaty if at_a_signing && event.actors.is_empty() => {
                    push_all(&mut event.actors, people.iter().cloned())
                }
                EventKind::Visit if event.actors.is_empty() && its_state => {
                    let destination = event.states.get(1).cloned();
                    let a_guest = |name: &String| {
                        !state_of.iter().any(|(known, state)| {
                            known == name && destination.as_deref() == Some(*state)
                        })
                    };
                    if names_the_leader || attendance {
                        push_all(
                            &mut event.actors,
                            leaders.iter().filter(|n| a_guest(n)).cloned(),
                        );
                    }
                    push_all(
                        &mut event.actors,
                        giver.iter().filter(|n| a_guest(n)).cloned(),
                    );
                    if event.actors.is_empty() {
                        push_all(
                            &mut event.actors,
                            group_head.iter().filter(|n| a_guest(n)).cloned(),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// The guest named after "by" in a sentence that tells a gift's hand-over
/// ([`Words::hand_overs`]): "The gift was handed to an official concerned by
/// D. Michka, who is heading the delegation".
fn giver_in(
    doc: &Document,
    gazetteer: &Gazetteer,
    words: &Words,
    span: &Range<usize>,
) -> Option<(String, usize)> {
    let text = &doc.body[span.clone()];
    let lower = text.to_ascii_lowercase();
    let from = words.hand_overs.searchers().find_map(|(phrase, finder)| {
        let after = finder.find(lower.as_bytes())? + phrase.len();
        let by = lower[after..].find(" by ")? + after + " by ".len();
        text[by..].starts_with(char::is_uppercase).then_some(by)
    })?;
    let stretch = &text[from..from + name_stretch_len(&text[from..])];
    let stretch = stretch.find(" who ").map_or(stretch, |p| &stretch[..p]);
    // A gazetteer person keeps the canonical name.
    let known = doc.mentions.iter().find(|m| {
        m.start >= span.start + from
            && m.end <= span.start + from + stretch.len()
            && gazetteer.entity(m.entity).kind == EntityKind::Person
    });
    let by = span.start + from;
    if let Some(m) = known {
        return Some((gazetteer.entity(m.entity).name.clone(), by));
    }
    let covered = |offset: usize| {
        let at = span.start + from + offset;
        doc.mentions
            .iter()
            .any(|m| m.start <= at && at < m.end && covers_name_words(doc, gazetteer, words, m))
    };
    name_runs(stretch, covered, words)
        .into_iter()
        .next()
        .map(|name| (name, by))
}

/// Where the comma stands in "X, head of the ensemble": a name, then an
/// office of [`GUEST_HEADS`] over a travelling group ("the visiting troupe",
/// "the delegation").
fn group_head_in(text: &str, words: &Words) -> Option<usize> {
    text.match_indices(", ").find_map(|(comma, _)| {
        let rest = text[comma + 2..].to_ascii_lowercase();
        let after_head = GUEST_HEADS
            .iter()
            .find_map(|head| rest.strip_prefix(head)?.strip_prefix(' '))?;
        let mut next =
            self::words(after_head).skip_while(|w| ARTICLES.contains(w) || *w == "visiting");
        let noun = next.next()?;
        words.group_nouns.has(noun).then_some(comma)
    })
}

/// KCNA names who signed a document in the sentence after the signing: "It
/// was inked by Song Ja Rip, president of ..., and Wael Mualla, president of
/// ...". A signing nobody is named for takes the names after the lead-in.
fn add_follow_up_signers(
    doc: &Document,
    gazetteer: &Gazetteer,
    words: &Words,
    follow_up: &[Range<usize>],
    events: &mut [Event],
) {
    if !events
        .iter()
        .any(|e| e.kind == EventKind::Treaty && e.actors.is_empty())
    {
        return;
    }
    let Some(signers) = follow_up
        .iter()
        .map(|span| signers_in(doc, gazetteer, words, span))
        .find(|signers| !signers.is_empty())
    else {
        return;
    };
    for event in events
        .iter_mut()
        .filter(|e| e.kind == EventKind::Treaty && e.actors.is_empty())
    {
        push_all(&mut event.actors, signers.iter().cloned());
    }
}

/// The signers a sentence names: "Sin Il Nam and Ibrahim Faiz Mousli signed
/// the agreement", "It was inked by Song Ja Rip, president of ...".
fn signers_in(
    doc: &Document,
    gazetteer: &Gazetteer,
    words: &Words,
    span: &Range<usize>,
) -> Vec<String> {
    let text = &doc.body[span.clone()];
    let lower = text.to_ascii_lowercase();
    // A sentence that opens with the names of its signers, each maybe
    // followed by an office: "Sin Il Nam and Ibrahim Faiz Mousli signed the
    // agreement", "X, rector of ..., and Y, rector of ..., inked it".
    let opening = words.signing_verbs.iter().find_map(|verb| {
        let at = lower.find(&format!(" {verb} "))?;
        Some(&text[..at])
    });
    if let Some(opening) = opening {
        let covered = |at: usize| {
            doc.mentions.iter().any(|m| {
                m.start <= at && at < m.end && gazetteer.entity(m.entity).kind != EntityKind::Person
            })
        };
        let mut signers = Vec::new();
        let mut all_named = true;
        for part in opening.split(" and ") {
            let part = part.trim_start_matches([',', ' ']);
            let head = part.split(',').next().unwrap_or("");
            let head_start = span.start + (head.as_ptr() as usize - text.as_ptr() as usize);
            let only_name = !head.is_empty()
                && head
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase));
            if !only_name {
                all_named = false;
                break;
            }
            let known = doc.mentions.iter().find(|m| {
                m.start >= head_start
                    && m.end <= head_start + head.len()
                    && gazetteer.entity(m.entity).kind == EntityKind::Person
            });
            match known {
                Some(m) => signers.push(gazetteer.entity(m.entity).name.clone()),
                None => signers.extend(name_runs(head, |o| covered(head_start + o), words)),
            }
        }
        if all_named && !signers.is_empty() {
            return signers;
        }
    }
    let Some(from) = words
        .signer_lead_ins
        .iter()
        .filter_map(|lead| {
            lower
                .find(&format!("{lead} "))
                .map(|at| at + lead.len() + 1)
        })
        .min()
    else {
        return Vec::new();
    };
    let covered = |offset: usize| {
        let at = span.start + from + offset;
        doc.mentions.iter().any(|m| m.start <= at && at < m.end)
    };
    let mut signers: Vec<String> = name_runs(&text[from..], covered, words);
    // Gazetteer people keep their canonical names; one that starts a
    // longer name ("Kim Il Sung University") signs nothing.
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.start >= span.start + from && m.end <= span.end)
    {
        let e = gazetteer.entity(m.entity);
        let in_a_name = doc.body[m.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        // An office ("president of the Syrian university") is not a name.
        let found = &doc.body[m.start..m.end];
        let by_name = found
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !words.titles.contains(w));
        if e.kind == EntityKind::Person && !in_a_name && by_name {
            push_all(&mut signers, std::iter::once(e.name.clone()));
        }
    }
    signers
}

/// "X met and conversed with Ambassador Y who paid a farewell call on him":
/// a meeting told again in a relative clause on the guest is the meeting
/// told before it in the sentence, not another one. Its people join that
/// meeting's; the indices of its own events are returned, to go.
fn fold_relative_calls(
    body: &str,
    sentence: &Range<usize>,
    hits: &[Hit],
    told: &[Range<usize>],
    events: &mut [Event],
) -> Vec<usize> {
    let mut folded = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        let relative = words(&body[sentence.start..hit.start])
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("who"));
        if hit.trigger.kind != EventKind::Meeting || !relative || told[i].is_empty() {
            continue;
        }
        let Some(main) = (0..i)
            .rev()
            .find(|&j| hits[j].trigger.kind == EventKind::Meeting && !told[j].is_empty())
        else {
            continue;
        };
        let target = told[main].end - 1;
        for k in told[i].clone() {
            let same_day = events[k].period == events[target].period;
            let shared_state = events[k]
                .states
                .iter()
                .any(|s| events[target].states.contains(s));
            if same_day && shared_state {
                let (actors, states) = (events[k].actors.clone(), events[k].states.clone());
                push_all(&mut events[target].actors, actors.into_iter());
                push_all(&mut events[target].states, states.into_iter());
                folded.push(k);
            }
        }
    }
    folded
}

/// Whether a sentence opens a quotation that runs on in the sentences
/// after it: a word of reporting, and a colon at its end ("The statement
/// said:", "He noted:").
fn opens_a_quotation(sentence: &str, lists: &Words) -> bool {
    sentence.trim_end().ends_with(':') && words(sentence).any(|w| lists.reporting.has(w))
}

/// "X separately met Y and Z participating in the NAM summit in Havana": a
/// meeting named by its noun beside meetings told by a verb on the same
/// day is where they met, not one more meeting of all of them.
fn summits_named_beside_meetings(
    hits: &[Hit],
    told: &[Range<usize>],
    events: &[Event],
) -> Vec<usize> {
    let is_noun = |hit: &Hit| {
        let first = hit.trigger.pattern.split_whitespace().next().unwrap_or("");
        hit.trigger.subject == Role::None || EVENT_NOUNS.contains(&first)
    };
    let verb_days: Vec<Period> = hits
        .iter()
        .zip(told)
        .filter(|(hit, _)| hit.trigger.kind == EventKind::Meeting && !is_noun(hit))
        .flat_map(|(_, range)| events[range.clone()].iter().map(|e| e.period))
        .collect();
    if verb_days.is_empty() {
        return Vec::new();
    }
    hits.iter()
        .zip(told)
        .filter(|(hit, _)| hit.trigger.kind == EventKind::Meeting && is_noun(hit))
        .flat_map(|(_, range)| range.clone())
        .filter(|&k| verb_days.contains(&events[k].period))
        .collect()
}

/// Openings of a sentence that set it during the visit told before:
/// "During the visit, he met ...", "During its stay, the delegation ...".
const DURING_A_VISIT: &[&str] = &[
    "during the visit",
    "during his visit",
    "during her visit",
    "during their visit",
    "during its visit",
    "during the stay",
    "during his stay",
    "during her stay",
    "during their stay",
    "during its stay",
];

/// "The unofficial visit of Kim Jong Il to China in April ... During the
/// visit, he met and had talks with Hu Jintao": what a sentence that opens
/// "during the visit" tells, and only the dateline dates, took place in
/// the days of the visit told before, not on the report's day.
fn date_during_the_visit(
    body: &str,
    sentence: &Range<usize>,
    events: &mut Vec<Event>,
    new_from: usize,
) {
    let own = body[sentence.clone()]
        .split("--")
        .last()
        .unwrap_or("")
        .trim_start()
        .as_bytes();
    // The openings are in lower case; the sentence may be in any.
    if !DURING_A_VISIT.iter().any(|opening| {
        own.get(..opening.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(opening.as_bytes()))
    }) {
        return;
    }
    let (earlier, new) = events.split_at_mut(new_from);
    let Some(visit) = earlier
        .iter()
        .rev()
        .find(|e| e.kind == EventKind::Visit && e.status == Status::Happened)
    else {
        // "Castro's visit in March 1986 marked an occasion, he said. During
        // his visit he met Kim Il Sung": with no visit told before as
        // news, the report's day does not date what happened during it.
        drop_new(events, new_from, |e| {
            e.kind != EventKind::Visit && e.date_rule == DateSource::Dateline
        });
        return;
    };
    for event in new
        .iter_mut()
        .filter(|e| e.kind != EventKind::Visit && e.date_rule == DateSource::Dateline)
    {
        event.period = visit.period;
        event.date_text = visit.date_text.clone();
        event.date_rule = visit.date_rule.clone();
    }
}

/// "Meanwhile, the WPK delegation left Hanoi ...": a visit by a delegation
/// nobody is named for is made by the people of the article's last visit
/// from the same state.
fn refer_back_to_delegations(events: &mut Vec<Event>, new_from: usize, lists: &Words) {
    let (earlier, new) = events.split_at_mut(new_from);
    // Visits told of a definite group or a pronoun that nothing before
    // names: "This day, the group arrived here" tells nobody's visit.
    let mut untold: Vec<usize> = Vec::new();
    for (position, event) in new.iter_mut().enumerate() {
        if event.kind != EventKind::Visit || !event.actors.is_empty() {
            continue;
        }
        // The telling's own words, after the dateline and an opening
        // phrase of time ("This day, the group ...").
        let own = event.evidence.split("--").last().unwrap_or("").trim_start();
        let of_time = |head: &str| {
            words(head).count() <= 3
                && words(head).any(|w| {
                    is_calendar_word(w)
                        || w.eq_ignore_ascii_case("day")
                        || w.eq_ignore_ascii_case("meanwhile")
                })
        };
        let own = match own.split_once(", ") {
            Some((head, rest)) if of_time(head) => rest,
            _ => own,
        };
        let opening: Vec<&str> = words(own).take(6).collect();
        let pronoun = opening.first().is_some_and(|w| {
            BACK_REFERENCES
                .iter()
                .chain(SINGULAR_BACK_REFERENCES)
                .any(|r| r.eq_ignore_ascii_case(w))
        });
        let group = words(own).any(|w| lists.group_nouns.has(w));
        if !group && !pronoun {
            continue;
        }
        let previous = earlier.iter().rev().find(|e| {
            e.kind == EventKind::Visit
                && e.states.first() == event.states.first()
                && !e.actors.is_empty()
        });
        if let Some(previous) = previous {
            event.actors = previous.actors.clone();
            // "The delegation was seen off at the airport ...": the
            // destination is the one told before.
            if event.states.len() < 2 && previous.states.len() >= 2 {
                event.states = previous.states.clone();
            }
            continue;
        }
        // "The delegation arrived here on Monday" after "A delegation of
        // the Agrarian Party of Russia led by X visited ...": the
        // delegation, of no state told, is the one told before, going to
        // the same place.
        // "The troupe was seen off ...", "He and his party were seen off
        // ...": a definite group or a pronoun.
        let definite = pronoun
            || (opening
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
                && opening[1..]
                    .iter()
                    .any(|w| lists.group_nouns.has(w) || *w == "visiting"));
        if event.states.len() >= 2 || !definite {
            continue;
        }
        let previous = earlier.iter().rev().find(|e| {
            e.kind == EventKind::Visit
                && e.states.len() >= 2
                && e.states.last() == event.states.last()
        });
        if let Some(previous) = previous {
            event.actors = previous.actors.clone();
            event.states = previous.states.clone();
        } else if event.trigger.contains("arriv") {
            // Of a departure, a return home or a send-off, the one state
            // told may be the visitor's own ("The DPRK players returned
            // home"); of an arrival here, it is only the host's.
            untold.push(new_from + position);
        }
    }
    remove_at(events, &untold);
}

/// Removes the events at `gone` (indices into `events`).
fn remove_at(events: &mut Vec<Event>, gone: &[usize]) {
    let mut index = 0;
    events.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
}

/// Removes the events from `from` on that `drop` picks; those before stay.
fn drop_new(events: &mut Vec<Event>, from: usize, drop: impl Fn(&Event) -> bool) {
    let mut new = events.split_off(from.min(events.len()));
    new.retain(|e| !drop(e));
    events.append(&mut new);
}

/// Trigger matches in the sentences of a body, leftmost and most specific
/// first, non-overlapping. Only sentences holding a trigger's anchor word
/// are searched.
fn triggers_in<'t>(
    body: &str,
    sentences: &[Range<usize>],
    lexicon: &'t Lexicon,
    automaton: &TriggerAutomaton,
) -> Vec<Hit<'t>> {
    let bytes = body.as_bytes();
    let mut candidates: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(m) = lexicon
        .anchors
        .find(aho_corasick::Input::new(body).span(at..body.len()))
    {
        let i = sentences.partition_point(|s| s.end <= m.start());
        let Some(sentence) = sentences.get(i) else {
            break;
        };
        if candidates.last() != Some(&i) {
            candidates.push(i);
        }
        // One anchor is enough: the search goes on after the sentence.
        // Where white space follows it, no anchor word (which has none)
        // runs across its end, and the search from there finds what a
        // search going on from this anchor would find after it.
        at = match bytes.get(sentence.end) {
            Some(b) if !b.is_ascii_whitespace() => m.end(),
            _ => sentence.end.max(m.end()),
        };
    }
    let mut hits: Vec<Hit> = Vec::new();
    for i in candidates {
        let span = &sentences[i];
        let sentence = &body[span.clone()];
        for m in automaton.for_sentence(sentence).find_iter(sentence) {
            let trigger = &lexicon.triggers[lexicon.order[m.pattern().as_usize()]];
            hits.push(Hit {
                trigger,
                start: span.start + m.start(),
                end: span.start + m.end(),
            });
        }
    }
    hits
}

/// The clause of a trigger starts after the last `;` or `:` before it.
fn clause_start(body: &str, sentence_start: usize, at: usize) -> usize {
    body[sentence_start..at]
        .rfind([';', ':'])
        .map_or(sentence_start, |p| sentence_start + p + 1)
}

/// The object side ends at the next `;` or at `limit`.
fn clause_end(body: &str, from: usize, limit: usize) -> usize {
    body[from..limit].find(';').map_or(limit, |p| from + p)
}

struct Scope<'a, 'd> {
    doc: &'a Document<'d>,
    gazetteer: &'a Gazetteer,
    lexicon: &'a Lexicon,
    sentence: Range<usize>,
    subject: Range<usize>,
    object: Range<usize>,
    mentions: &'a [&'a Mention],
    dates: &'a [&'a TimeExpr],
    previous_people: &'a [usize],
}

/// What the two sides of a trigger name: people, states (by id), places,
/// and leaders the gazetteers do not know.
struct Sides<'a> {
    subject_people: Vec<usize>,
    object_people: Vec<usize>,
    subject_states: Vec<String>,
    object_states: Vec<String>,
    subject_places: Vec<&'a Mention>,
    object_places: Vec<&'a Mention>,
    subject_leaders: Vec<String>,
    object_leaders: Vec<String>,
}

/// The roles of one event, filled, before it is dated.
#[derive(Default)]
struct Parties<'l> {
    /// Gazetteer people.
    actors: Vec<usize>,
    /// People the gazetteers do not know, named as leaders of delegations.
    named: Vec<String>,
    /// State ids; for a visit the visitor's first and the destination last.
    states: Vec<String>,
    /// Where it happened, when the roles say so.
    place: Option<usize>,
    /// A treaty's document.
    document: Option<Named<'l>>,
}

impl Parties<'_> {
    /// The people of both sides of a trigger (of the object side too when
    /// `object_people`), and the leaders named on either.
    fn of_both_sides(sides: &Sides, object_people: bool) -> Self {
        let mut parties = Parties::default();
        push_all(&mut parties.actors, sides.subject_people.iter().copied());
        if object_people {
            push_all(&mut parties.actors, sides.object_people.iter().copied());
        }
        push_all(&mut parties.named, sides.subject_leaders.iter().cloned());
        // "concluded an agreement on handing over X": who the document
        // names did not sign it.
        if object_people {
            push_all(&mut parties.named, sides.object_leaders.iter().cloned());
        }
        parties
    }
}

/// A signed document as the text names it.
struct Named<'l> {
    title: String,
    span: Range<usize>,
    /// The document of `treaties.csv` it is, if any.
    known: Option<&'l KnownDocument>,
}

/// One dated leg of an event: a date and the place named beside it.
struct Leg<'a> {
    date: Option<&'a TimeExpr>,
    place: Option<usize>,
    /// A date counted back from the report's day ("ten years have passed
    /// since ..."), with the words that say so.
    elapsed: Option<(Period, String)>,
}

impl<'a, 'd> Scope<'a, 'd> {
    fn in_range(&self, range: &Range<usize>, kind: EntityKind) -> Vec<&'a Mention> {
        self.mentions
            .iter()
            .copied()
            .filter(|m| m.start >= range.start && m.end <= range.end)
            .filter(|m| self.gazetteer.entity(m.entity).kind == kind)
            // "the Kim Il Sung Socialist Youth League" is not Kim Il Sung.
            .filter(|m| {
                kind != EntityKind::Person || !modifies_a_persons_name(&self.doc.body[m.end..])
            })
            // "special envoys of President Moon Jae In": who sends an envoy
            // is not there.
            .filter(|m| kind != EntityKind::Person || !self.represented(m))
            .collect()
    }

    /// The states of `range`: those named, and those of people named only
    /// as the ones an envoy stands for ("the envoys of President X" come
    /// from X's state).
    fn party_states(&self, range: &Range<usize>) -> Vec<String> {
        let mut states = self.state_ids(range);
        let represented = self
            .mentions
            .iter()
            .filter(|m| m.start >= range.start && m.end <= range.end)
            .filter(|m| self.gazetteer.entity(m.entity).kind == EntityKind::Person)
            .filter(|m| self.represented(m))
            .map(|m| self.person_country(m.entity));
        push_all(&mut states, represented);
        states
    }

    /// Whether a person is named only as the one an envoy, a message or a
    /// delegation stands for: "<proxy> of [titles] NAME".
    fn represented(&self, m: &Mention) -> bool {
        stands_for(self.text(self.sentence.start..m.start), &self.lexicon.words)
    }

    /// Places that say where something happened: not those that only
    /// name something else ("the Moscow Declaration", "Pyongyang Hotel").
    fn locations(&self, range: &Range<usize>) -> Vec<&'a Mention> {
        self.in_range(range, EntityKind::Place)
            .into_iter()
            .filter(|m| !modifies_a_name(&self.doc.body[m.end..]))
            .collect()
    }

    /// `from + len` within the object side, moved back to a character
    /// boundary.
    fn window_end(&self, from: usize, len: usize) -> usize {
        let mut end = self.object.end.min(from + len).max(from);
        while !self.doc.body.is_char_boundary(end) {
            end -= 1;
        }
        end
    }

    fn text(&self, range: Range<usize>) -> &'d str {
        &self.doc.body[range]
    }

    /// The events a trigger tells: its roles filled by the filler of its
    /// kind, then dated.
    fn events(&self, hit: &Hit) -> Vec<Event> {
        if self.cancelled(hit) {
            return Vec::new();
        }
        let sides = self.sides(hit);
        let parties = match hit.trigger.kind {
            EventKind::Meeting => self.meeting(&sides),
            EventKind::Visit => self.visit(hit, &sides),
            EventKind::Treaty => self.treaty(hit, &sides),
        };
        let Some(parties) = parties else {
            return Vec::new();
        };
        let status = self.status(hit);
        let out = self.tell(hit, status, &sides, &parties);
        if hit.trigger.kind == EventKind::Visit {
            if let Some(each) = self.each_delegation(hit, &out) {
                return each;
            }
        }
        if hit.trigger.kind == EventKind::Meeting && self.says_separately(hit) {
            let name = |&p: &usize| self.gazetteer.entity(p).name.clone();
            // The hosts: the subject's people, known or not ("Vice-President
            // of the DPRK Pak Song Chol ... met the heads of state of ...").
            let host_people: Vec<String> = sides
                .subject_people
                .iter()
                .map(name)
                .chain(sides.subject_leaders.iter().cloned())
                .collect();
            let mut guest_people: Vec<(String, String)> = sides
                .object_people
                .iter()
                .map(|&p| (self.gazetteer.entity(p).country.clone(), name(&p)))
                .collect();
            // A guest no gazetteer knows belongs to the state named just
            // after the name ("Hasanul Huq Inu, general secretary of the
            // National Socialist Party of Bangladesh").
            // "Malaysian Prime Minister X": a state named in the words
            // before the name, after the last "and" or comma, comes first.
            let object = self.text(self.object.clone());
            // The host's state: of the host's people, else the first named.
            let mut host_states: Vec<String> = sides
                .subject_people
                .iter()
                .map(|&p| self.person_country(p))
                .collect();
            if host_states.is_empty() {
                host_states.extend(sides.subject_states.first().cloned());
            }
            for leader in &sides.object_leaders {
                let Some(at) = object.find(leader.as_str()) else {
                    continue;
                };
                let head_start = [", ", " and "]
                    .iter()
                    .filter_map(|sep| object[..at].rfind(sep).map(|p| p + sep.len()))
                    .max()
                    .unwrap_or(0);
                let before = self.object.start + head_start..self.object.start + at;
                let from = self.object.start + at + leader.len();
                let rest = &object[at + leader.len()..];
                // After the name, up to the next guest ("..., and").
                let until = rest
                    .find(" and ")
                    .map_or(GUEST_STATE_REACH, |p| p.min(GUEST_STATE_REACH));
                let after = from..self.window_end(from, until);
                let (named_before, named_after) = (self.bodies_in(&before), self.bodies_in(&after));
                // "new Lao Ambassador to the DPRK X": the host's state is
                // where the guest is posted, not the guest's.
                let guest_state = |m: &Mention| !host_states.contains(&self.party_of(m));
                let state = named_before
                    .iter()
                    .rev()
                    .find(|m| guest_state(m))
                    .or_else(|| named_after.iter().find(|m| guest_state(m)))
                    .map(|m| self.party_of(m));
                if let Some(state) = state {
                    guest_people.push((state, leader.clone()));
                }
            }
            return out
                .into_iter()
                .flat_map(|e| self.separately(e, &host_people, &guest_people))
                .collect();
        }
        out
    }

    /// Whether a person after the trigger is named, after a comma, in an
    /// item of a list that calls them a diplomat posted in the country
    /// ("..., Chinese Ambassador to Korea X and ...").
    fn posted_here_in_a_later_item(&self, hit: &Hit, person: usize) -> bool {
        self.in_range(&self.object, EntityKind::Person)
            .into_iter()
            .filter(|m| m.entity == person)
            .any(|m| {
                let before = self.text(hit.end..m.start);
                let Some(comma) = before.rfind(',') else {
                    return false;
                };
                words(&before[comma..]).any(|w| self.lexicon.words.resident_diplomats.has(w))
            })
    }

    /// Whether a word of the trigger's `unless` list stands in it, right
    /// before it or just after it: "received a message", "telephone talks".
    fn cancelled(&self, hit: &Hit) -> bool {
        let after = self.text(hit.end..self.window_end(hit.end, 80));
        let trigger_text = self.text(hit.start..hit.end);
        // "the congratulatory message he received": the thing received
        // stands before the pronoun of a relative clause.
        let mut before = words(self.text(self.sentence.start..hit.start)).rev();
        let word_before = before.next();
        let relative_object = word_before
            .filter(|w| RELATIVE_SUBJECTS.iter().any(|p| p.eq_ignore_ascii_case(w)))
            .and_then(|_| before.next());
        // "unless their demands are met": a passive's subject is the thing
        // met.
        let passive_subject = word_before
            .filter(|w| {
                PASSIVE_AUXILIARIES
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(w))
            })
            .and_then(|_| {
                words(self.text(self.sentence.start..hit.start))
                    .rev()
                    .nth(1)
            });
        let near = words(after)
            .take(6)
            .chain(words(trigger_text))
            .chain(word_before)
            .chain(relative_object)
            .chain(passive_subject);
        let mut near: Vec<&str> = near.collect();
        // "the gift President Kim Dae Jung and his wife received from him":
        // the thing received stands before its receivers' names.
        let receivers = self
            .text(self.sentence.start..hit.start)
            .split([',', ';', ':'])
            .next_back()
            .unwrap_or("");
        let mut before_names = words(receivers).rev().skip_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || RECEIVER_LINKS.contains(w)
        });
        near.extend(before_names.next());
        // "in a signed commentary": a one-word trigger after an indefinite
        // article is an adjective, not a verb.
        let adjective = !trigger_text.contains(' ')
            && word_before
                .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
        // "had a friendly conversation with farmers", "met the press": the
        // other side is the public, before anyone is named.
        let with_the_public = hit.trigger.kind == EventKind::Meeting
            && words(after)
                .take(3)
                .take_while(|w| !w.starts_with(char::is_uppercase))
                .any(|w| {
                    self.lexicon
                        .words
                        .public
                        .has(w.trim_end_matches([',', '.', ';']))
                });
        // "the miserable end met by the dictators": "met by" after a noun,
        // with no "was" or "were", is a participle, not a meeting.
        let participle = trigger_text.eq_ignore_ascii_case("met")
            && words(after)
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("by"))
            && !word_before.is_some_and(|w| {
                PASSIVE_AUXILIARIES
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(w))
            });
        // "visited Norodom Sihanouk at the state guest house": a call on a
        // person, not a visit to the person's state.
        let calls_on_a_person = hit.trigger.kind == EventKind::Visit
            && trigger_text.eq_ignore_ascii_case("visited")
            && {
                let rest = self.text(hit.end..self.sentence.end);
                let stretch = &rest[..rest.find([',', ';', '(']).unwrap_or(rest.len())];
                let base = hit.end;
                let covered = |offset: usize| self.covered_at(base + offset);
                let known = self
                    .mentions
                    .iter()
                    .find(|m| m.start >= hit.end)
                    .is_some_and(|m| {
                        self.gazetteer.entity(m.entity).kind == EntityKind::Person
                            && words(self.text(hit.end..m.start)).count() <= 1
                    });
                let unknown = name_runs(stretch, covered, &self.lexicon.words)
                    .first()
                    .is_some_and(|name| {
                        stretch
                            .find(name.as_str())
                            .is_some_and(|at| words(&stretch[..at]).count() <= 1)
                    });
                known || unknown
            };
        adjective
            || participle
            || calls_on_a_person
            || with_the_public
            || hit
                .trigger
                .unless
                .iter()
                .any(|u| near.iter().any(|w| w.eq_ignore_ascii_case(u)))
    }

    /// What the two sides of a trigger name.
    fn sides(&self, hit: &Hit) -> Sides<'a> {
        // After a noun trigger ("talks on April 8 made public a statement
        // ... between AUKUS and Japan") the next verb starts another matter.
        let participants = if hit.trigger.subject == Role::None {
            self.object.start..self.next_verb(self.object.clone())
        } else {
            self.object.clone()
        };
        // "the summit held in the U.S. which pulled up the DPRK": a
        // relative clause names others.
        let participants = participants.start..self.relative_clause(participants.clone());
        // "Officials met at the battle site to hear ...": a verb trigger
        // followed by a place or time preposition has no object; its
        // parties, if any, follow a later "with".
        let participants = match self.intransitive(hit) {
            Some(with) => with.min(participants.end)..participants.end,
            None => participants,
        };
        // "Hasanul Huq Inu ... said this when he met the ambassador": "he"
        // is the one the subject names, known to the gazetteers or not.
        let subject_leaders = self.named_leaders(&self.subject);
        Sides {
            subject_people: self.subject_people(subject_leaders.is_empty()),
            object_people: self
                .in_range(&participants, EntityKind::Person)
                .iter()
                .map(|m| m.entity)
                .collect(),
            subject_states: self.party_states(&self.subject),
            object_states: self.party_states(&participants),
            subject_places: self.locations(&self.subject),
            object_places: self.locations(&self.object),
            subject_leaders,
            object_leaders: self.named_leaders(&self.object),
        }
    }

    fn person_country(&self, person: usize) -> String {
        self.gazetteer.entity(person).country.clone()
    }

    /// A meeting: the people and states of both sides. A diplomatic meeting
    /// is between states: a leader meeting his own officers is not one.
    fn meeting(&self, sides: &Sides) -> Option<Parties<'a>> {
        let mut parties = Parties::of_both_sides(sides, true);
        let countries: Vec<String> = parties
            .actors
            .iter()
            .map(|&p| self.person_country(p))
            .collect();
        push_all(&mut parties.states, countries.into_iter());
        push_all(&mut parties.states, sides.subject_states.iter().cloned());
        push_all(&mut parties.states, sides.object_states.iter().cloned());
        (parties.states.len() >= 2).then_some(parties)
    }

    /// A visit: who travelled (by the trigger's roles) and where to.
    fn visit(&self, hit: &Hit, sides: &Sides) -> Option<Parties<'a>> {
        let trigger = hit.trigger;
        let mut parties = Parties::default();
        // An ambassador or embassy staff "here" live here: their outings
        // are not visits to the state.
        let subject_text = self.text(self.subject.clone()).to_ascii_lowercase();
        // "the embassies here visited ...": who is "here" lives here; who
        // leaves, arrives or stays here does not ("before his departure
        // from here after visiting the DPRK").
        let mut last_words = words(&subject_text).rev();
        let resident_here = last_words.next() == Some("here")
            && !last_words
                .next()
                .is_some_and(|w| PASSING_THROUGH_HERE.contains(&w));
        if trigger.object != Role::Guest
            && (resident_here
                || words(&subject_text).any(|x| self.lexicon.words.resident_diplomats.has(x)))
        {
            return None;
        }
        // "Foreigners left here", "Delegations of different countries
        // arrived here": visitors from abroad nobody names are no one a row
        // can tell.
        let nobody_named = sides.subject_people.is_empty()
            && sides.subject_leaders.is_empty()
            && sides.subject_states.is_empty();
        // A word of the list counts before a lower-case word only: "Foreign
        // delegations", not "Minister of Foreign Affairs".
        let raw_subject: Vec<&str> = words(self.text(self.subject.clone())).collect();
        let from_abroad = raw_subject.iter().enumerate().any(|(i, w)| {
            self.lexicon.words.unnamed_foreigners.has(w)
                && raw_subject
                    .get(i + 1)
                    .is_none_or(|next| next.starts_with(char::is_lowercase))
        });
        if trigger.subject == Role::Visitor && nobody_named && from_abroad {
            return None;
        }
        // "The aircraft carrier Independence arrived in Pusan Port": a ship
        // or an aircraft, with no person or group aboard named, visits
        // nobody.
        let lists = &self.lexicon.words;
        let vessel = words(&subject_text).any(|w| lists.vessels.has(w))
            && !words(&subject_text).any(|w| lists.group_nouns.has(w))
            && self.in_range(&self.subject, EntityKind::Person).is_empty()
            && sides.subject_leaders.is_empty()
            && trigger.object != Role::Guest;
        if vessel {
            return None;
        }
        let here = self.doc.dateline.and_then(|d| self.place_at(&d.city));
        let here_country = here.map(|p| self.gazetteer.entity(p).country.clone());
        let guest = trigger.object == Role::Guest;
        // Visitors named in the phrase the trigger qualifies or governs,
        // rather than in the subject or object at large.
        let named_visitor = match (trigger.subject, trigger.object) {
            (Role::Appositive, _) => Some(self.appositive_visitor(hit.start)),
            (_, Role::Traveller) => Some(self.traveller(hit.end)),
            _ => None,
        };
        // "The visiting delegation, the Chinese ambassador to Korea X and
        // embassy officials were on hand": a diplomat posted here, named in
        // a later item of the list, is no guest.
        let guests: Vec<usize>;
        let visitor_people = match &named_visitor {
            Some((people, _)) => people,
            None if guest => {
                guests = sides
                    .object_people
                    .iter()
                    .copied()
                    .filter(|&p| !self.posted_here_in_a_later_item(hit, p))
                    .collect();
                &guests
            }
            None => &sides.subject_people,
        };
        push_all(&mut parties.actors, visitor_people.iter().copied());
        let leaders = if guest {
            &sides.object_leaders
        } else {
            &sides.subject_leaders
        };
        push_all(&mut parties.named, leaders.iter().cloned());
        // "X, head of the visiting delegation": the guests' leader is named
        // right before the trigger, by the office that heads them.
        let heads_the_guests = GUEST_HEADS
            .iter()
            .any(|head| subject_text.trim_end().ends_with(head));
        if guest && heads_the_guests {
            // The name stands right before the office: "received Zou Wei,
            // head of the visiting troupe" names the host earlier.
            let office_at = self
                .text(self.subject.clone())
                .rfind(", ")
                .map(|p| self.subject.start + p);
            let person = self
                .in_range(&self.subject, EntityKind::Person)
                .into_iter()
                .find(|m| Some(m.end) == office_at);
            let subject = self.text(self.subject.clone());
            let named = sides.subject_leaders.iter().find(|name| {
                office_at
                    .is_some_and(|at| subject[..at - self.subject.start].ends_with(name.as_str()))
            });
            match (person, named) {
                (Some(m), _) => push_all(&mut parties.actors, std::iter::once(m.entity)),
                (None, Some(name)) => push_all(&mut parties.named, std::iter::once(name.clone())),
                (None, None) => {}
            }
        }
        let named_state = named_visitor.as_ref().and_then(|(_, state)| state.clone());
        let visitor_state = named_state
            .or_else(|| visitor_people.first().map(|&p| self.person_country(p)))
            .or_else(|| {
                if guest {
                    sides
                        .object_states
                        .iter()
                        .find(|s| Some(*s) != here_country.as_ref())
                        .cloned()
                } else if matches!(trigger.object, Role::Departure | Role::Return)
                    || (trigger.object != Role::Here
                        && trigger.pattern.split_whitespace().any(|w| w == "here"))
                {
                    // A delegation of no named state that leaves here is from
                    // here; of a body of two states ("the DPRK-China Friendship
                    // Association ... left here to visit China"), from the one
                    // it does not go to.
                    let going_to: Vec<String> = self
                        .territories_in(&self.object)
                        .into_iter()
                        .map(|m| self.party_of(m))
                        .collect();
                    sides
                        .subject_states
                        .iter()
                        .rev()
                        .find(|s| !going_to.contains(s))
                        .or(sides.subject_states.last())
                        .cloned()
                        .or_else(|| here_country.clone())
                } else {
                    // "A delegation of the Communist Party of Cuba headed by
                    // X, head of a department of the CPC": the initials do
                    // not name another visitor.
                    let mut named_in_full: Vec<String> = Vec::new();
                    // "A delegation of Japan led by X, representative of the
                    // Association for Friendship between Japan and South
                    // Korea": the delegation's own state is named before its
                    // leader, when it is named there.
                    let lead_in_at = self
                        .lexicon
                        .words
                        .leader_lead_ins
                        .iter()
                        .filter_map(|lead| subject_text.find(&format!(" {lead} ")))
                        .min()
                        .map(|p| self.subject.start + p);
                    let bodies = self.bodies_in(&self.subject);
                    let before_leader: Vec<&Mention> = bodies
                        .iter()
                        .copied()
                        .filter(|m| lead_in_at.is_some_and(|at| m.end <= at))
                        .collect();
                    let bodies = if before_leader.is_empty() {
                        bodies
                    } else {
                        before_leader
                    };
                    for m in bodies {
                        if !self.initials_of_a_body(m) {
                            let e = self.gazetteer.entity(m.entity);
                            push_all(
                                &mut named_in_full,
                                self.gazetteer.party_states(e).map(str::to_string),
                            );
                        }
                    }
                    // Who arrives here is not from here.
                    if matches!(trigger.object, Role::Here | Role::Guest) {
                        named_in_full.retain(|s| Some(s) != here_country.as_ref());
                    }
                    named_in_full
                        .pop()
                        .or_else(|| sides.subject_states.last().cloned())
                }
            });
        // "A delegation of the International Alliance of ... arrived here":
        // a group of no state the gazetteers know is still a foreign visit
        // to here; only its destination is known.
        let unknown_group = visitor_state.is_none()
            && matches!(trigger.object, Role::Here | Role::Guest)
            && words(&subject_text).any(|w| self.lexicon.words.group_nouns.has(w));
        let visitor_state = visitor_state.or_else(|| unknown_group.then(String::new))?;
        let destination: Option<String> = match trigger.object {
            Role::Here | Role::Guest => {
                parties.place = here;
                here_country.clone()
            }
            // "left here ... for Russia": a foreign state or place after the
            // trigger is the destination, else it is "here".
            // The festival of a city is held there: "returned home after
            // the 11th Wuhan International Acrobatics Festival" was in China.
            Role::Departure | Role::Return => self
                .territories_in(&self.object)
                .into_iter()
                .chain(self.in_range(&self.object, EntityKind::Place))
                .map(|m| self.party_of(m))
                .find(|c| *c != visitor_state)
                .or_else(|| here_country.clone()),
            Role::Traveller => {
                let (to, place) = self.traveller_destination(hit);
                parties.place = place;
                to
            }
            _ => {
                let (to, place) = self.destination_in(&self.object);
                parties.place = place;
                to
            }
        };
        let states = &mut parties.states;
        match (&destination, trigger.object) {
            // A departure needs no destination: "left here to take part in ...".
            (None, Role::Departure | Role::Return) => states.push(visitor_state.clone()),
            (None, _) => return None,
            (Some(dest), _) if visitor_state.is_empty() => states.push(dest.clone()),
            (Some(dest), Role::Departure | Role::Return) => {
                states.push(visitor_state.clone());
                if *dest != visitor_state {
                    states.push(dest.clone());
                }
            }
            // Domestic travel is no visit in this sense.
            (Some(dest), _) if *dest == visitor_state => return None,
            (Some(dest), _) => {
                states.push(visitor_state.clone());
                states.push(dest.clone());
            }
        }
        // "left Hanoi after visiting Viet Nam": a place of the destination
        // named in the clause is where the visit was.
        if parties.place.is_none() {
            let destination = parties.states.last().cloned();
            parties.place = sides
                .subject_places
                .iter()
                .chain(sides.object_places.iter())
                .map(|m| m.entity)
                .find(|&p| {
                    Some(&self.gazetteer.entity(p).country) == destination.as_ref()
                        && destination.as_ref() != Some(&visitor_state)
                });
        }
        Some(parties)
    }

    /// A signing: the document, its name, and the parties named in it,
    /// "between" them, or on either side.
    fn treaty(&self, hit: &Hit, sides: &Sides) -> Option<Parties<'a>> {
        let trigger = hit.trigger;
        let noun = match (trigger.subject, trigger.object) {
            (Role::Document, _) => self.nearest_document_before(hit.start),
            (Role::DocumentHead, _) => self
                .document_qualified_by(hit.start)
                .filter(|noun| self.heads_its_phrase(noun)),
            // "the treaty on ... concluded at the summit": a participle after
            // its document.
            _ => self
                .nearest_document_after(hit.end)
                .or_else(|| self.document_qualified_by(hit.start)),
        }?;
        let span = self.title(noun.clone());
        let title = one_line(self.text(span.clone()));
        // The people after a document's noun are named in it, not signers.
        let object_signs = !matches!(trigger.object, Role::Document | Role::DocumentHead);
        let mut parties = Parties::of_both_sides(sides, object_signs);
        let states = &mut parties.states;
        push_all(states, self.state_ids(&noun).into_iter());
        push_all(states, self.between_states().into_iter());
        push_all(
            states,
            parties.actors.iter().map(|&p| self.person_country(p)),
        );
        // "The U.S., Japan and south Korea signed a contract on ... threats
        // from the DPRK": when the subject names the signers, the states
        // after the trigger are what the document is about.
        // "... in accordance with the Geneva agreement signed in 1949": the
        // words before a document that a participle qualifies did not sign
        // it.
        if states.len() < 2 && !self.participle_of_document(hit) {
            push_all(states, sides.subject_states.iter().cloned());
        }
        // "the DPRK-Japan Pyongyang Declaration": the states its name gives.
        push_all(states, self.state_ids(&span).into_iter());
        if states.len() < 2 {
            push_all(states, sides.object_states.iter().cloned());
        }
        // "the June 15 joint declaration": a document KCNA names by its date
        // has the day it was signed, whatever the article's year.
        let known = self.lexicon.known_document(&title, states);
        if let Some(known) = known {
            // Its parties are the document's: "the Denmark-DPRK Friendship
            // Association said the Japanese premier signed the Pyongyang
            // Declaration" keeps Denmark out.
            states.retain(|s| known.states.contains(s));
            push_all(states, known.states.iter().cloned());
        }
        // "An agreement on trade was signed here": a party of no name is the
        // dateline's state at least.
        let here = self.doc.dateline.and_then(|d| self.place_at(&d.city));
        let says_here =
            words(self.text(self.sentence.clone())).any(|w| w.eq_ignore_ascii_case("here"));
        if let (true, true, Some(city)) = (states.is_empty(), says_here, here) {
            states.push(self.gazetteer.entity(city).country.clone());
        }
        if parties.states.is_empty() && parties.actors.is_empty() {
            return None;
        }
        parties.document = Some(Named { title, span, known });
        Some(parties)
    }

    /// "signed a secret agreement with their junior ally in the 1960s": a
    /// sentence that dates by a decade tells of that time, and its events
    /// are not the day's news. (A century is more often an era's name: "the
    /// Orchestra of the 21st Century".)
    fn dated_only_vaguely(&self) -> bool {
        self.dates
            .iter()
            .any(|d| d.period().is_some_and(|p| p.precision == Precision::Decade))
    }

    /// Whether a mention is an organisation's initials ("CPC", "CPV"): they
    /// restate a body the text names in full, whatever else they may stand
    /// for. A state's initials ("UK", "ROK") stand for the state.
    fn initials_of_a_body(&self, m: &Mention) -> bool {
        let text = &self.doc.body[m.start..m.end];
        self.gazetteer.entity(m.entity).kind == EntityKind::Organisation
            && text.len() <= 6
            && !text.chars().any(char::is_lowercase)
    }

    /// "against Ro Su Hui who had visited Pyongyang": what had happened
    /// before the time the sentence tells of takes none of the sentence's
    /// dates before the trigger, nor the dateline.
    fn pluperfect(&self, hit: &Hit) -> bool {
        words(self.text(self.sentence.start..hit.start))
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("had"))
    }

    /// The events of filled roles, one a leg of dates: each dated by the
    /// sentence, a known document, "recently", or the dateline of a report
    /// of the day.
    fn tell(&self, hit: &Hit, status: Status, sides: &Sides, parties: &Parties) -> Vec<Event> {
        let trigger = hit.trigger;
        let title_span = parties.document.as_ref().map(|d| &d.span);
        let known_document = parties.document.as_ref().and_then(|d| d.known);
        // A date inside a document's name names it; it does not date the
        // signing ("the plan for 2024-2026", "the July 4 joint statement").
        // A document named by its day ("the May 1 agreement") is a past one:
        // the report's own day does not date it either. Years name plans
        // ("the 2024-2026 plan") without making them old.
        let named_by_date = title_span.is_some_and(|span| {
            self.dates.iter().any(|d| {
                d.span.start >= span.start
                    && d.span.end <= span.end
                    && d.period().is_some_and(|p| p.precision == Precision::Day)
            })
        });
        let legs = self.legs(
            hit,
            &sides.object_places,
            &sides.subject_places,
            trigger.kind,
            status,
            title_span,
        );
        let actors: Vec<String> = parties
            .actors
            .iter()
            .map(|&a| self.gazetteer.entity(a).name.clone())
            .chain(parties.named.iter().cloned())
            .collect();
        let states: Vec<String> = parties
            .states
            .iter()
            .map(|s| self.gazetteer.state_name(s).to_string())
            .collect();
        let mut out = Vec::new();
        for leg in legs {
            // A known document keeps its day unless the sentence gives one
            // that agrees with it ("signed ... on August 4, 2001").
            let agrees = |expr: &TimeExpr| {
                expr.period().is_some_and(|p| {
                    known_document.map_or(true, |k| periods_compatible(&p, &k.period))
                })
            };
            let (period, date_text, date_rule) = match (leg.date, known_document) {
                // A known document's day is more precise than the years
                // counted back to it.
                (_, Some(known)) if leg.elapsed.is_some() => {
                    (known.period, known.name.clone(), DateSource::KnownDocument)
                }
                _ if leg.elapsed.is_some() => match &leg.elapsed {
                    Some((period, text)) => (*period, text.clone(), DateSource::Elapsed),
                    None => continue,
                },
                (Some(expr), Some(known)) if !agrees(expr) => {
                    (known.period, known.name.clone(), DateSource::KnownDocument)
                }

                (None, Some(known)) => {
                    (known.period, known.name.clone(), DateSource::KnownDocument)
                }
                (Some(expr), _) => match expr.period() {
                    // "signed a north-south joint declaration on June 14":
                    // the known document of that noun and those parties,
                    // dated the next day.
                    Some(p)
                        if trigger.kind == EventKind::Treaty && p.precision == Precision::Day =>
                    {
                        let title = parties.document.as_ref().map_or("", |d| d.title.as_str());
                        let near = self.lexicon.known_document_near(
                            &title.to_lowercase(),
                            &parties.states,
                            p.start,
                        );
                        let text = self.text(expr.span.clone()).to_string();
                        (
                            near.map_or(p, |k| k.period),
                            text,
                            DateSource::Expression(Cow::Borrowed(expr.rule)),
                        )
                    }
                    Some(p) => (
                        p,
                        self.text(expr.span.clone()).to_string(),
                        DateSource::Expression(Cow::Borrowed(expr.rule)),
                    ),
                    None => continue,
                },
                (None, None) if self.says_recently() => {
                    // "recently held a summit": a reader dates it to the
                    // month of the report.
                    let now = self.doc.now;
                    match Period::month(chrono::Datelike::year(&now), chrono::Datelike::month(&now))
                    {
                        Some(p) => (p, "recently".to_string(), DateSource::Recently),
                        None => continue,
                    }
                }
                (None, None) => match (trigger.dateline_when_undated, self.doc.dateline) {
                    (true, Some(d))
                        if status == Status::Happened
                            && !self.dated_only_vaguely()
                            && self.reports_news()
                            && !named_by_date
                            && !self.reported_speech(hit)
                            && !self.in_relative_clause(hit)
                            && !self.pluperfect(hit)
                            && !self.named_in_passing(hit)
                            && !self.in_time_clause(hit) =>
                    {
                        let month = self.says_recent().then(|| {
                            Period::month(
                                chrono::Datelike::year(&d.date),
                                chrono::Datelike::month(&d.date),
                            )
                        });
                        match month.flatten() {
                            Some(p) => (p, "recent".to_string(), DateSource::Recently),
                            None => (
                                Period::day(d.date),
                                self.text(d.expr.span.clone()).to_string(),
                                DateSource::Dateline,
                            ),
                        }
                    }
                    _ => continue,
                },
            };
            // A known document's signing is recalled: the people of the
            // sentence that names it did not sign it then.
            let actors = if date_rule == DateSource::KnownDocument {
                Vec::new()
            } else {
                actors.clone()
            };
            let place = parties
                .place
                .or(leg.place)
                .or_else(|| self.dateline_venue(trigger.kind, &parties.states, &period))
                .map(|p| self.gazetteer.entity(p));
            out.push(Event {
                kind: trigger.kind,
                status,
                period,
                date_text,
                date_rule,
                actors,
                states: states.clone(),
                place: place.map(|p| p.name.clone()).unwrap_or_default(),
                coordinates: place.and_then(|p| p.coordinates),
                title: parties
                    .document
                    .as_ref()
                    .map(|d| d.title.clone())
                    .unwrap_or_default(),
                evidence: one_line(self.text(self.sentence.clone())),
                span: self.sentence.clone(),
                trigger: trigger.pattern.clone(),
                repeated: self.says_again(hit),
            });
        }
        out
    }

    /// "Delegations of Germany, Romania and China arrived here", "a
    /// delegation of A ... and a delegation of B left here": one visit per
    /// visiting state, each with the people named after its state.
    fn each_delegation(&self, hit: &Hit, told: &[Event]) -> Option<Vec<Event>> {
        let here_city = self.doc.dateline.and_then(|d| self.place_at(&d.city));
        let here = here_city.map(|p| self.gazetteer.entity(p).country.clone());
        // "The delegations of A and of B visited the Kumsusan Palace": stops
        // here of several visits.
        let visits_here = told.iter().all(|e| {
            here.as_ref().is_some_and(|h| {
                e.states.last().map(String::as_str) == Some(self.gazetteer.state_name(h))
            })
        });
        let side = match hit.trigger.object {
            Role::Guest => self.object.clone(),
            Role::Here | Role::Departure | Role::Return => self.subject.clone(),
            Role::Destination if hit.trigger.subject == Role::Visitor && visits_here => {
                self.subject.clone()
            }
            _ => return None,
        };
        let text = self.text(side.clone());
        let group_words = words(text)
            .filter(|w| self.lexicon.words.group_nouns.has(w))
            .count();
        let plural = words(text).any(|w| w.eq_ignore_ascii_case("delegations"));
        if !(plural || group_words >= 2) {
            return None;
        }
        // "the Communist Party of Cuba (CPC) ... of the CPC": initials
        // restate a body named in full, whatever else they may stand for
        // (the Communist Party of China).
        let bodies: Vec<(usize, String)> = self
            .bodies_in(&side)
            .into_iter()
            .filter(|m| !self.initials_of_a_body(m))
            .map(|m| (m.start, self.party_of(m)))
            .filter(|(_, s)| Some(s) != here.as_ref())
            .collect();
        let mut visitors: Vec<&String> = Vec::new();
        for (_, state) in &bodies {
            if !visitors.contains(&state) {
                visitors.push(state);
            }
        }
        if visitors.len() < 2 {
            return None;
        }
        // Each person belongs to the state named last before the name ("a
        // delegation of China led by X"), or, when an office follows the
        // name, the first one after it ("X, chairman of the Workers' Party
        // of Bangladesh").
        // The people of the side, once: gazetteer people (with their state)
        // and the names the tellings found, where the text has them.
        let mut people: Vec<(String, usize, usize, Option<String>)> = self
            .in_range(&side, EntityKind::Person)
            .iter()
            .map(|m| {
                let person = self.gazetteer.entity(m.entity);
                let country = visitors
                    .contains(&&person.country)
                    .then(|| person.country.clone());
                (person.name.clone(), m.start, m.end - m.start, country)
            })
            .collect();
        for name in told.iter().flat_map(|e| &e.actors) {
            if people.iter().any(|(n, ..)| n == name) {
                continue;
            }
            if let Some(at) = text.find(name.as_str()) {
                people.push((name.clone(), side.start + at, name.len(), None));
            }
        }
        let name_starts: Vec<usize> = people.iter().map(|(_, at, ..)| *at).collect();
        let state_of = |at: usize, len: usize| {
            let after = self.text(at + len..side.end);
            let office_follows = after.starts_with(", ")
                && words(after).take(4).any(|w| {
                    self.lexicon.words.offices_after_names.has(w)
                        || w.split('-')
                            .any(|p| self.lexicon.words.offices_after_names.has(p))
                });
            // Up to the next person of the list, or the next group of it
            // ("led by X, minister of State, and the delegation of China").
            let next_person = name_starts.iter().copied().filter(|&s| s > at).min();
            // The next group's item starts at the "and" or comma before its
            // word: "..., and the Mozambican military delegation".
            let next_group = words(after)
                .find(|w| NEXT_GROUP_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w)))
                .map(|w| {
                    let word_at = w.as_ptr() as usize - after.as_ptr() as usize;
                    let item_at = [" and ", ", "]
                        .iter()
                        .filter_map(|sep| after[..word_at].rfind(sep))
                        .max()
                        .unwrap_or(word_at);
                    item_at + at + len
                });
            let reach = (at + len + GUEST_STATE_REACH)
                .min(next_person.unwrap_or(usize::MAX))
                .min(next_group.unwrap_or(usize::MAX));
            let next = bodies
                .iter()
                .find(|(start, _)| *start > at && *start < reach)
                .filter(|_| office_follows);
            next.or_else(|| bodies.iter().rfind(|(start, _)| *start < at))
                .map(|(_, s)| s.clone())
        };
        let belongs: Vec<(String, Option<String>)> = people
            .iter()
            .map(|(name, at, len, country)| {
                let state = country.clone().or_else(|| state_of(*at, *len));
                (name.clone(), state)
            })
            .collect();
        // They came here: the dateline's state is where each visited.
        let here_name = here
            .as_ref()
            .map(|h| self.gazetteer.state_name(h).to_string());
        let mut out = Vec::new();
        for event in told {
            let visitor_name = event.states.first().cloned().unwrap_or_default();
            for state in &visitors {
                let name = self.gazetteer.state_name(state).to_string();
                let mut e = event.clone();
                let destination: Vec<String> = match &here_name {
                    Some(here) => vec![here.clone()],
                    None => event
                        .states
                        .iter()
                        .filter(|s| **s != visitor_name && **s != name)
                        .cloned()
                        .collect(),
                };
                e.states = std::iter::once(name.clone()).chain(destination).collect();
                if e.place.is_empty() && here_name.is_some() {
                    if let Some(city) = here_city.map(|p| self.gazetteer.entity(p)) {
                        e.place = city.name.clone();
                        e.coordinates = city.coordinates;
                    }
                }
                // Who belongs to no state of the list came on no one's
                // delegation among them.
                e.actors.retain(|a| {
                    belongs
                        .iter()
                        .find(|(person, _)| person == a)
                        .map_or(true, |(_, s)| s.as_ref() == Some(*state))
                });
                out.push(e);
            }
        }
        Some(out)
    }

    /// "met separately", "separately met and had talks with": the trigger
    /// tells one meeting per guest.
    fn says_separately(&self, hit: &Hit) -> bool {
        let before: Vec<&str> = words(self.text(self.subject.start..hit.start)).collect();
        let after = self.text(hit.end..self.window_end(hit.end, 40));
        // "met and conversed separately with", "had talks separately with":
        // up to the "with" that introduces the guests.
        let up_to_with = words(after)
            .take(SEPARATELY_REACH)
            .take_while(|w| !w.eq_ignore_ascii_case("with"));
        // "met the foreign ministers of Cuba, Belarus and Sweden": holders
        // of one office in several states are met one by one.
        let plural_office = words(after).take(4).any(|w| {
            w.strip_suffix('s')
                .is_some_and(|one| self.lexicon.words.offices_after_names.has(one))
        }) && after.contains(" of ");
        if plural_office && self.state_ids(&self.object).len() >= 2 {
            return true;
        }
        // "met and had talks with X and the former presidents of Tanzania
        // separately": the clause's last word.
        let at_the_end = words(self.text(self.object.clone()))
            .rev()
            .take(4)
            .any(|w| {
                w.eq_ignore_ascii_case("separately") || w.eq_ignore_ascii_case("respectively")
            });
        if at_the_end {
            return true;
        }
        // "separately met and had talks with": before a verb joined to the
        // trigger's.
        before
            .iter()
            .rev()
            .take(3)
            .copied()
            .chain(up_to_with)
            .chain(words(self.text(hit.start..hit.end)))
            .any(|w| w.eq_ignore_ascii_case("separately") || w.eq_ignore_ascii_case("respectively"))
    }

    /// One meeting for each guest state of `event`: the hosts (the subject's
    /// people and states) with that state and its people.
    fn separately(
        &self,
        event: Event,
        host_people: &[String],
        guest_people: &[(String, String)],
    ) -> Vec<Event> {
        // The hosts' states are their people's, when the subject names
        // people: "Pak Ui Chun, who is heading the DPRK delegation to the
        // forum in Bali of Indonesia," hosts for the DPRK, not Indonesia.
        let host_people_states: Vec<String> = self
            .in_range(&self.subject, EntityKind::Person)
            .iter()
            .map(|m| self.gazetteer.entity(m.entity).country.clone())
            .collect();
        let subject_states = if host_people_states.is_empty() {
            self.state_ids(&self.subject)
        } else {
            Vec::new()
        };
        let host_states: Vec<String> = subject_states
            .into_iter()
            .chain(host_people_states)
            .map(|id| self.gazetteer.state_name(&id).to_string())
            .fold(Vec::new(), |mut list, s| {
                push_all(&mut list, std::iter::once(s));
                list
            });
        // The guests are the states the object names.
        let object_states: Vec<String> = self
            .state_ids(&self.object)
            .iter()
            .map(|id| self.gazetteer.state_name(id).to_string())
            .collect();
        // "During the session he separately met ...": a host named by a
        // pronoun is of the states the event has besides the guests.
        let host_states = if host_states.is_empty() {
            event
                .states
                .iter()
                .filter(|s| !object_states.contains(s))
                .cloned()
                .collect()
        } else {
            host_states
        };
        let guests: Vec<&String> = event
            .states
            .iter()
            .filter(|s| !host_states.contains(s) && object_states.contains(s))
            .collect();
        if guests.len() < 2 || host_states.is_empty() {
            return vec![event];
        }
        guests
            .into_iter()
            .map(|guest| {
                let mut one = event.clone();
                one.states = host_states.clone();
                push_all(&mut one.states, std::iter::once(guest.clone()));
                one.actors = event
                    .actors
                    .iter()
                    .filter(|a| {
                        host_people.contains(a)
                            || guest_people.iter().any(|(c, n)| {
                                n == *a && self.gazetteer.state_name(c) == guest.as_str()
                            })
                    })
                    .cloned()
                    .collect();
                one
            })
            .collect()
    }

    /// Whether a gazetteer mention of the document covers byte `at`: such a
    /// word (a state, a place) is no part of an unknown name.
    fn covered_at(&self, at: usize) -> bool {
        self.doc.mentions.iter().any(|m| {
            m.start <= at
                && at < m.end
                && !self.place_in_a_name(m)
                && !self.place_as_a_given_name(m)
        })
    }

    fn place_as_a_given_name(&self, m: &Mention) -> bool {
        place_as_a_given_name(self.doc, self.gazetteer, &self.lexicon.words, m)
    }

    fn place_in_a_name(&self, m: &Mention) -> bool {
        place_in_a_name(self.doc, self.gazetteer, &self.lexicon.words, m)
    }

    /// The gazetteer people named in the sentence.
    fn people_named(&self) -> impl Iterator<Item = &&'a Mention> + '_ {
        self.mentions
            .iter()
            .filter(|m| self.gazetteer.entity(m.entity).kind == EntityKind::Person)
    }

    /// Whether a gazetteer person is named within `range`: the name there is
    /// already an actor.
    fn person_within(&self, range: Range<usize>) -> bool {
        self.people_named()
            .any(|m| m.start >= range.start && m.end <= range.end)
    }

    /// Whether a gazetteer person's mention shares a byte with `range`.
    /// (Callers widen a name by [`NAME_GAP`] to find the person it adjoins.)
    fn person_overlaps(&self, range: Range<usize>) -> bool {
        self.people_named()
            .any(|m| m.start < range.end && range.start < m.end)
    }

    /// Names the gazetteers do not know, given as the leader of a delegation:
    /// "led by Academician Valentine Sergiyenko, ...". The name is the last
    /// run of capitalised words before the next comma, without titles.
    fn named_leaders(&self, range: &Range<usize>) -> Vec<String> {
        let text = self.text(range.clone());
        let lower = text.to_ascii_lowercase();
        let mut names = Vec::new();
        for (lead, finder) in self.lexicon.words.leader_lead_ins_spaced.searchers() {
            for at in finder.find_iter(lower.as_bytes()) {
                let from = at + lead.len();
                let stretch_end = from + name_stretch_len(&text[from..]);
                let start = range.start + from;
                // A gazetteer person there is already an actor.
                let known = self.person_within(start..range.start + stretch_end);
                if known {
                    continue;
                }
                let covered = |offset: usize| self.covered_at(start + offset);
                if let Some(name) =
                    last_name_run(&text[from..stretch_end], covered, &self.lexicon.words)
                {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
        }
        // A subject that is an unknown name: "Minister of ... of Namibia
        // Netumbo Nandi-Ndaitwah who is a special envoy ... visited ...".
        for lead_out in name_lead_outs() {
            if let Some(at) = lead_out.find(text.as_bytes()) {
                let covered = |offset: usize| self.covered_at(range.start + offset);
                let known = self.person_within(range.start..range.start + at);
                if !known {
                    let stretch_start = text[..at].rfind([',', ';', '(', ')']).map_or(0, |p| p + 1);
                    let shifted = |offset: usize| covered(stretch_start + offset);
                    if let Some(name) =
                        last_name_run(&text[stretch_start..at], shifted, &self.lexicon.words)
                    {
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
            }
        }
        // A name after a title in the same stretch: "Cambodian King Norodom
        // Sihanouk", "Minister of Unification Pak Jae Gyu", "DPRK Ambassador
        // to Nepal Jang Yong Chol". The words between (the office's body or
        // state) are no part of the name.
        let mut stretch_start = 0;
        for stretch in text.split([',', ';', '(', ')']) {
            let here = stretch_start;
            stretch_start += stretch.len() + 1;
            let title_at = stretch
                .split_whitespace()
                .find(|w| self.lexicon.words.titles.contains(w))
                .map(|w| w.as_ptr() as usize - stretch.as_ptr() as usize + w.len());
            let Some(after_title) = title_at else {
                continue;
            };
            let from = here + after_title;
            let covered = |offset: usize| self.covered_at(range.start + from + offset);
            let tail = &text[from..here + stretch.len()];
            for name in name_runs(tail, covered, &self.lexicon.words) {
                // A gazetteer person's name, or part of one, is already an
                // actor; another person of the stretch is not ("handed to
                // Foreign Minister Paek Nam Sun by Sudanese Foreign Minister
                // Mustafa Osman Ismail").
                // Right beside one, it is the rest of that name ("Madeleine
                // K. Albright", "Hafez Al-Assad").
                // The run is joined by single spaces: "Kim  Jong Il" with two
                // is not found as it is, and is then judged by its stretch.
                let found = tail.find(&name).map(|p| range.start + from + p);
                let at = found.unwrap_or(range.start + from);
                if self.person_overlaps(at.saturating_sub(NAME_GAP)..at + name.len() + NAME_GAP) {
                    continue;
                }
                // "chief of staff of Prime Minister X": X is not there.
                if stands_for(
                    self.text(self.sentence.start.min(at)..at),
                    &self.lexicon.words,
                ) {
                    continue;
                }
                // "Minister of Unification Pak Jae Gyu": the word right after
                // "of" names the portfolio.
                let after_of = tail.find(&name).is_some_and(|at| {
                    [" of ", " for ", " of the "]
                        .iter()
                        .any(|link| tail[..at].ends_with(link))
                });
                let name = match name.split_once(' ') {
                    Some((_, rest)) if after_of && rest.contains(' ') => rest.to_string(),
                    _ => name,
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        // A name that ends the side, right before the trigger: "Belgian
        // woman lawyer Marie-Louise Moerens on a visit to ...".
        let last_stretch = text.rfind([',', ';', '(', ')', '"']).map_or(0, |p| p + 1);
        let tail = &text[last_stretch..];
        let known = self.person_within(range.start + last_stretch..range.end);
        if !known && tail.ends_with(|c: char| c.is_whitespace()) {
            let covered = |offset: usize| self.covered_at(range.start + last_stretch + offset);
            if let Some(name) = last_name_run(tail, covered, &self.lexicon.words) {
                let ends_the_side = tail.trim_end().ends_with(name.as_str());
                if ends_the_side && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        // A guest named before the office a comma introduces: "met with
        // Mimun Mehdi, newly appointed Ambassador of Morocco".
        // "Tit Shan Sandy Cheng,chairman of ...": a comma the space after
        // went missing from still parts the name from the office.
        for (comma, _) in text.match_indices(',') {
            let after = comma + 1 + usize::from(text[comma + 1..].starts_with(' '));
            // "X, under-secretary-general of ...": a part of a hyphened
            // office counts.
            let office_follows = words(&text[comma..]).take(4).any(|w| {
                self.lexicon.words.offices_after_names.has(w)
                    || w.split('-')
                        .any(|part| self.lexicon.words.offices_after_names.has(part))
            });
            let stretch_start = text[..comma]
                .rfind([',', ';', '(', ')'])
                .map_or(0, |p| p + 1);
            // "Miroslav Lazanski, a lawmaker from ...", "Peter Zuellig, chief
            // executive of ...": a bare name (no article or "of" before it)
            // that a lower-case description follows is a person's.
            let described = text[after..].chars().next().is_some_and(char::is_lowercase)
                && bare_name_before(&text[stretch_start..comma]);
            if !office_follows && !described {
                continue;
            }
            // The name before the comma is a gazetteer person's: already
            // an actor. (One earlier in the stretch is someone else.)
            let known = self.people_named().any(|m| {
                m.start >= range.start + stretch_start
                    && m.end <= range.start + comma
                    && m.end + 2 >= range.start + comma
            });
            if known {
                continue;
            }
            let covered = |offset: usize| self.covered_at(range.start + stretch_start + offset);
            // The comma stays with the stretch: a person's office follows
            // it, so the name is a person's whatever its last word
            // ("Maurice Strong, special envoy").
            let with_comma = if office_follows { comma + 1 } else { comma };
            let name = last_name_run(
                &text[stretch_start..with_comma],
                covered,
                &self.lexicon.words,
            );
            if let Some(name) = name {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// For a trigger that ends in a verb used without an object ("met at
    /// the site", "met in Pyongyang with ..."): where its parties may start,
    /// after a "with", or the object's end.
    fn intransitive(&self, hit: &Hit) -> Option<usize> {
        let last = hit.trigger.pattern.split_whitespace().last()?;
        if !INTRANSITIVE_VERBS.contains(&last) {
            return None;
        }
        let next = words(self.text(hit.end..self.object.end)).next()?;
        if !PLACE_OR_TIME_PREPOSITIONS.contains(&next.to_ascii_lowercase().as_str()) {
            return None;
        }
        let rest = self.text(hit.end..self.object.end);
        Some(
            rest.find(" with ")
                .map_or(self.object.end, |p| hit.end + p + " with ".len()),
        )
    }

    /// The party an appositive trigger qualifies: the state and the person
    /// named nearest before it. "received X, secretary of the Security
    /// Council of Russia, on a visit to": X, of Russia. "was presented with
    /// a gift by a delegation of ... of China on a visit to": China, and
    /// not the host named earlier, whose state differs.
    fn appositive_visitor(&self, before: usize) -> (Vec<usize>, Option<String>) {
        let range = self.subject.start..before;
        let person = self.in_range(&range, EntityKind::Person).pop();
        let state = self.bodies_in(&range).pop();
        let person_state = person.map(|p| self.gazetteer.entity(p.entity).country.clone());
        match (person, state) {
            (Some(p), Some(s)) if s.start > p.end => {
                let state = self.party_of(s);
                let people = if person_state.as_ref() == Some(&state) {
                    vec![p.entity]
                } else {
                    Vec::new()
                };
                (people, Some(state))
            }
            (Some(p), _) => (vec![p.entity], person_state),
            (None, Some(s)) => (Vec::new(), Some(self.party_of(s))),
            (None, None) => (Vec::new(), None),
        }
    }

    /// "N years have passed since <event>", "N years after <event>": the
    /// event's date counted back from the report's day, at the unit's
    /// precision. The event must follow the phrase with no other verb.
    fn elapsed_since(&self, hit: &Hit) -> Option<(Period, String)> {
        static PHRASE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let phrase = PHRASE.get_or_init(|| {
            regex::Regex::new(
                r"(?i)\b(?P<n>[a-z0-9-]+(?:[ -][a-z]+)?)\s+(?P<unit>years?|months?|decades?)\s+(?:(?:have|has|had)\s+passed\s+since|after|since)\s+$",
            )
            .expect("valid elapsed-time regex")
        });
        let before = self.text(self.sentence.start..hit.start);
        // The phrase ends where the event's noun phrase begins.
        let cut = before
            .rfind(" since ")
            .max(before.rfind(" after "))
            .map(|p| p + " since ".len())?;
        let (head, event_phrase) = before.split_at(cut);
        if words(event_phrase).count() > 8
            || event_phrase.contains([',', ';', '(', ')'])
            || self.next_verb(self.sentence.start + cut..hit.start) != hit.start
        {
            return None;
        }
        let caps = phrase.captures(head)?;
        // "the 95th year since the annexation treaty was signed": an
        // ordinal year counts back like a number of years.
        let ordinal = caps["unit"].eq_ignore_ascii_case("year")
            && head[..caps.get(0).map_or(0, |m| m.start())]
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("the");
        let n = if ordinal {
            crate::numbers::parse_ordinal(&caps["n"].replace('-', " "))?
        } else {
            crate::numbers::parse_cardinal(&caps["n"].replace('-', " ")).or_else(|| {
                matches!(caps["n"].to_ascii_lowercase().as_str(), "a" | "one").then_some(1)
            })?
        };
        let n = i32::try_from(n).ok().filter(|n| (1..=200).contains(n))?;
        let now = self.doc.now;
        let unit = caps["unit"].to_ascii_lowercase();
        let period = if unit.starts_with("month") {
            let months = chrono::Months::new(u32::try_from(n).ok()?);
            let then = now.checked_sub_months(months)?;
            Period::month(
                chrono::Datelike::year(&then),
                chrono::Datelike::month(&then),
            )?
        } else {
            let years = if unit.starts_with("decade") {
                n * 10
            } else {
                n
            };
            Period::year(chrono::Datelike::year(&now).checked_sub(years)?)?
        };
        Some((period, caps[0].trim().to_string()))
    }

    /// The anniversary whose "of" phrase holds the trigger: "the 50th
    /// anniversary of President Kim Il Sung's visit to", with no verb
    /// between.
    fn anniversary_of(&self, hit: &Hit) -> Option<&'d TimeExpr> {
        // "the 65th anniversary of the DPRK left here": a verb is no event
        // an anniversary is of; a noun is ("the anniversary of his visit").
        let first_word = hit.trigger.pattern.split_whitespace().next().unwrap_or("");
        let noun = EVENT_NOUNS.contains(&first_word)
            || first_word == "'s"
            || hit.trigger.subject == Role::None
            || hit.trigger.object == Role::Traveller
            || self.participle_of_document(hit);
        if !noun {
            return None;
        }
        // Dates are sorted by start: those of the sentence before the hit.
        let first = self
            .doc
            .dates
            .partition_point(|d| d.span.start < self.sentence.start);
        let last = self.doc.dates.partition_point(|d| d.span.start < hit.start);
        self.doc.dates[first..last.max(first)]
            .iter()
            .rfind(|d| {
                d.span.end <= hit.start && d.role == TimexRole::Anniversary && d.period().is_some()
            })
            .filter(|d| {
                let between = self.text(d.span.end..hit.start);
                between.starts_with(" of ")
                    && !between.contains([',', ';', ':', '(', ')'])
                    && words(between).count() <= 10
                    && self.next_verb(d.span.end..hit.start) == hit.start
            })
    }

    /// The visitor of a nominal visit, named after the trigger and before
    /// any "to": "the visit of X, premier of the DPRK, to ...".
    fn traveller(&self, from: usize) -> (Vec<usize>, Option<String>) {
        let end = self.destination_marker(from).unwrap_or(self.object.end);
        let range = from..end;
        let people: Vec<usize> = self
            .in_range(&range, EntityKind::Person)
            .iter()
            .map(|m| m.entity)
            .take(1)
            .collect();
        let state = people
            .first()
            .map(|&p| self.gazetteer.entity(p).country.clone())
            .or_else(|| self.state_ids(&range).into_iter().next());
        (people, state)
    }

    /// Where a nominal visit went: the state or place after "to", else a
    /// state of the words just before the trigger ("the DPRK visit of").
    fn traveller_destination(&self, hit: &Hit) -> (Option<String>, Option<usize>) {
        if let Some(to) = self.destination_marker(hit.end) {
            return self.destination_in(&(to..self.object.end));
        }
        let before = self.text(self.subject.clone());
        let words_before: Vec<(usize, &str)> = crate::segment::words(before);
        let from = words_before
            .len()
            .checked_sub(2)
            .and_then(|i| words_before.get(i))
            .or(words_before.first())
            .map_or(hit.start, |(offset, _)| self.subject.start + offset);
        (self.state_ids(&(from..hit.start)).pop(), None)
    }

    /// Where a visit went, from the first state or place of `range`: a
    /// state's, or a place's country and the place itself ("visited
    /// Russia", "arrived in Vientiane").
    fn destination_in(&self, range: &Range<usize>) -> (Option<String>, Option<usize>) {
        // "visited the police post of the Japanese imperialists": the
        // former occupier names a site here, not a state one travels to.
        let state = self
            .territories_in(range)
            .into_iter()
            .find(|m| !names_an_occupier(&self.doc.body[m.end..]));
        let place = self.locations(range).into_iter().next();
        match (state, place) {
            (Some(s), Some(p)) if s.start < p.start => (Some(self.party_of(s)), None),
            (_, Some(p)) => (
                Some(self.gazetteer.entity(p.entity).country.clone()),
                Some(p.entity),
            ),
            (Some(s), None) => (Some(self.party_of(s)), None),
            (None, None) => (None, None),
        }
    }

    /// The start of the " to " that names a nominal visit's destination.
    fn destination_marker(&self, from: usize) -> Option<usize> {
        self.text(from..self.object.end)
            .find(" to ")
            .map(|p| from + p + 4)
    }

    /// The start of the first relative pronoun in `range`, or its end.
    fn relative_clause(&self, range: Range<usize>) -> usize {
        crate::segment::words(self.text(range.clone()))
            .into_iter()
            .find(|(_, w)| RELATIVES.contains(&w.to_ascii_lowercase().as_str()))
            .map_or(range.end, |(offset, _)| range.start + offset)
    }

    /// The start of the first finite verb in `range`, or its end.
    fn next_verb(&self, range: Range<usize>) -> usize {
        let text = self.text(range.clone());
        crate::segment::words(text)
            .into_iter()
            .find(|(_, w)| {
                let lower = w.to_ascii_lowercase();
                FINITE_VERBS.contains(&lower.as_str())
                    || (lower.len() > 4
                        && lower.ends_with("ed")
                        && w.chars().next().is_some_and(char::is_lowercase))
            })
            .map_or(range.end, |(offset, _)| range.start + offset)
    }

    /// Whether a place is introduced as a venue: "in Pyongyang", "at the
    /// Mansudae Assembly Hall", "here in Moscow".
    fn locative(&self, m: &Mention) -> bool {
        let before = &self.doc.body[self.sentence.start..m.start];
        let before_words: Vec<&str> = words(before).collect();
        let mut previous = before_words.iter().rev().map(|w| w.to_ascii_lowercase());
        match previous.next().as_deref() {
            Some("in" | "at") => true,
            Some("the") => matches!(previous.next().as_deref(), Some("in" | "at")),
            _ => false,
        }
    }

    /// Where a report of the day happened when it names no place: a visit
    /// to the dateline's state took place in the dateline's city, and so did
    /// a meeting of the day with a visiting or "here" party of that state
    /// (its minister meeting a counterpart may have been abroad), and a
    /// signing of the day told "here".
    fn dateline_venue(&self, kind: EventKind, states: &[String], period: &Period) -> Option<usize> {
        let dateline = self.doc.dateline?;
        let city = self.place_at(&dateline.city)?;
        let country = &self.gazetteer.entity(city).country;
        let of_the_day = period.precision == Precision::Day
            && (period.start - dateline.date).num_days().abs() <= 1;
        let sentence = self.text(self.sentence.clone());
        let says = |word: &str| words(sentence).any(|w| w.eq_ignore_ascii_case(word));
        let here = match kind {
            EventKind::Visit => states.len() >= 2 && states.last() == Some(country),
            EventKind::Meeting => {
                of_the_day && states.contains(country) && (says("visiting") || says("here"))
            }
            // "An agreement ... was signed here".
            EventKind::Treaty => of_the_day && says("here"),
        };
        here.then_some(city)
    }

    /// Whether "recently" stands within a few words of the trigger.
    fn recently_beside(&self, hit: &Hit) -> bool {
        self.doc.dates.iter().any(|d| {
            let near = (d.span.end <= hit.start && hit.start - d.span.end <= 12)
                || (d.span.start >= hit.end && d.span.start - hit.end <= 12);
            near && d.timex_value() == "PAST_REF"
                && ["recently", "lately"]
                    .contains(&self.doc.body[d.span.clone()].to_ascii_lowercase().as_str())
        })
    }

    /// Whether the sentence says "recently" (a past reference).
    fn says_recently(&self) -> bool {
        self.doc.dates.iter().any(|d| {
            d.span.start >= self.sentence.start
                && d.span.end <= self.sentence.end
                && d.timex_value() == "PAST_REF"
                && ["recently", "lately"]
                    .contains(&self.doc.body[d.span.clone()].to_ascii_lowercase().as_str())
        })
    }

    /// "the recent DPRK visit of the ambassador", "during his recent tour":
    /// news of the day that the adjective dates to the report's month, not
    /// its day; "in recent years" is no time a reader can name.
    fn says_recent(&self) -> bool {
        let sentence: Vec<&str> = words(self.text(self.sentence.clone())).collect();
        sentence.windows(2).any(|pair| {
            pair[0].eq_ignore_ascii_case("recent")
                && !VAGUE_SPANS.iter().any(|s| s.eq_ignore_ascii_case(pair[1]))
        })
    }

    /// "met again", "visited Russia again": a new occurrence.
    fn says_again(&self, hit: &Hit) -> bool {
        let window = self.text(hit.start..self.window_end(hit.end, 40));
        words(window).any(|w| w.eq_ignore_ascii_case("again"))
    }

    fn place_at(&self, range: &Range<usize>) -> Option<usize> {
        self.doc
            .mentions
            .iter()
            .find(|m| {
                m.start >= range.start
                    && m.end <= range.end
                    && self.gazetteer.entity(m.entity).kind == EntityKind::Place
            })
            .map(|m| m.entity)
    }

    /// The people of the subject side; "he", "the two leaders" refer back
    /// to the people of the sentence before.
    fn subject_people(&self, back_reference: bool) -> Vec<usize> {
        let people: Vec<usize> = self
            .in_range(&self.subject, EntityKind::Person)
            .iter()
            .map(|m| m.entity)
            .collect();
        if !people.is_empty() || !back_reference {
            return people;
        }
        let subject = self.text(self.subject.clone()).to_ascii_lowercase();
        let refers_to = |list: &[&str]| {
            list.iter().any(|r| {
                subject
                    .match_indices(r)
                    .any(|(i, _)| is_word_at(&subject, i, r.len()))
            })
        };
        if refers_to(SINGULAR_BACK_REFERENCES) {
            // "he": the first person of the sentence before, its subject.
            self.previous_people.iter().take(1).copied().collect()
        } else if refers_to(BACK_REFERENCES) {
            self.previous_people.to_vec()
        } else {
            Vec::new()
        }
    }

    /// The states and organisations of `range`: the bodies that can be
    /// parties.
    fn bodies_in(&self, range: &Range<usize>) -> Vec<&'a Mention> {
        self.mentions
            .iter()
            .copied()
            .filter(|m| m.start >= range.start && m.end <= range.end)
            .filter(|m| self.gazetteer.entity(m.entity).kind.is_party_body())
            .collect()
    }

    /// The bodies of `range` one can travel to: states, and organs of a
    /// state, not international bodies ("the General Assembly of the Olympic
    /// Council of Asia" is no destination).
    fn territories_in(&self, range: &Range<usize>) -> Vec<&'a Mention> {
        self.bodies_in(range)
            .into_iter()
            .filter(|m| {
                let e = self.gazetteer.entity(m.entity);
                e.kind == EntityKind::State || e.country != e.id
            })
            .collect()
    }

    /// The party a state or organisation mention stands for as one side of
    /// a visit: the first of its states.
    fn party_of(&self, m: &Mention) -> String {
        let e = self.gazetteer.entity(m.entity);
        self.gazetteer
            .party_states(e)
            .next()
            .unwrap_or(&e.id)
            .to_string()
    }

    /// State ids of the states and organisations in `range`.
    fn state_ids(&self, range: &Range<usize>) -> Vec<String> {
        let mut ids = Vec::new();
        for m in self
            .mentions
            .iter()
            .filter(|m| m.start >= range.start && m.end <= range.end)
        {
            let e = self.gazetteer.entity(m.entity);
            if e.kind.is_party_body() {
                for id in self.gazetteer.party_states(e) {
                    if !ids.iter().any(|x| x == id) {
                        ids.push(id.to_string());
                    }
                }
            }
        }
        ids
    }

    /// States named in "between X and Y" after the trigger or before it.
    fn between_states(&self) -> Vec<String> {
        let text = self.text(self.sentence.clone());
        let Some(pos) = text.find(" between ") else {
            return Vec::new();
        };
        let from = self.sentence.start + pos;
        let to = self
            .text(from..self.sentence.end)
            .find([',', ';'])
            .map_or(self.sentence.end, |p| from + p);
        self.state_ids(&(from..to))
    }

    fn status(&self, hit: &Hit) -> Status {
        // "Pyongyang, May 4 (KCNA) -- Talks ...": the dateline's month is
        // no modal verb.
        let from = self.doc.dateline.map_or(self.subject.start, |d| {
            d.span.end.clamp(self.subject.start, hit.start)
        });
        let before = self.text(from..hit.start);
        // "Kim Jong Un, who is on a visit to Russia, met ...": a comma
        // closes what came before; its "to" plans nothing.
        let before = &before[before.rfind([',', ';']).map_or(0, |p| p + 1)..];
        let trigger = self.text(hit.start..hit.end);
        // A noun ("talks between ...") takes its modality from a verb
        // further back: "proposed having a working contact for talks".
        let reach = if hit.trigger.subject == Role::None {
            6
        } else {
            3
        };
        let lookback: Vec<String> = words(before)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .take(reach)
            .enumerate()
            // Beyond the nearest three words, an infinitive's "to" is
            // another verb's: "came to Pyongyang for talks".
            .filter(|(i, w)| *i < 3 || !w.eq_ignore_ascii_case("to"))
            .map(|(_, w)| w)
            .map(|w| w.to_ascii_lowercase())
            .collect();
        let in_trigger: Vec<String> = words(trigger).map(|w| w.to_ascii_lowercase()).collect();
        let any = |list: &WordList, ws: &[String]| ws.iter().any(|w| list.has(w));
        let lists = &self.lexicon.words;
        // A trigger that opens its clause ("talks between ...") takes its
        // modality from the verb after it ("... will be held").
        let ahead = if hit.trigger.subject == Role::None {
            words(self.text(hit.end..self.object.end))
                .take(12)
                .map(|w| w.to_ascii_lowercase())
                .collect()
        } else {
            Vec::new()
        };
        // "agreed to hold the 17th inter-Korean ministerial talks": an
        // infinitive of the words before the trigger plans it.
        // "decided to hold a north-south summit meeting": before an event's
        // noun, the infinitive may stand before its article and modifiers.
        let first_word = hit.trigger.pattern.split_whitespace().next().unwrap_or("");
        let noun = hit.trigger.subject == Role::None || EVENT_NOUNS.contains(&first_word);
        let planned_by_infinitive = words(before)
            .rev()
            .take(if noun { INFINITIVE_REACH } else { reach })
            .collect::<Vec<_>>()
            .windows(2)
            .any(|pair| {
                let phrase = format!("{} {}", pair[1], pair[0]).to_ascii_lowercase();
                lists.planned_infinitives.has(&phrase)
            });
        if any(&lists.negation, &lookback) || any(&lists.negation, &in_trigger) {
            Status::Negated
        } else if lookback
            .iter()
            .any(|w| tense::marker(w).is_some_and(Marker::plans))
            || planned_by_infinitive
            || tense::looks_ahead(&in_trigger)
            || tense::looks_ahead(&ahead)
        {
            Status::Planned
        } else {
            Status::Happened
        }
    }

    /// Whether the trigger stands in a clause that places something else in
    /// time: "the plan has been worked out since the U.S. secretary of
    /// Defense visited Japan". Undated, such a clause recalls; it is not
    /// the news of the report's day.
    fn in_time_clause(&self, hit: &Hit) -> bool {
        let before = self.text(self.sentence.start..hit.start);
        let clause = &before[before.rfind([',', ';']).map_or(0, |p| p + 1)..];
        words(clause).any(|w| {
            TIME_CLAUSE_OPENERS
                .iter()
                .any(|o| o.eq_ignore_ascii_case(w))
        })
    }

    /// Whether talks named by their noun ("the talks between the north and
    /// the south that proved abortive") are only mentioned: no verb after
    /// the noun says they were held, opened or took place. Undated, such a
    /// mention is no news of the day.
    fn named_in_passing(&self, hit: &Hit) -> bool {
        // "There were talks between ...": the talks took place.
        let mut before = words(self.text(self.sentence.start..hit.start)).rev();
        let (previous, second) = (before.next(), before.next());
        let existential = matches!(
            (previous, second),
            (Some(be), Some(there)) if ["were", "was"].iter().any(|w| be.eq_ignore_ascii_case(w))
                && there.eq_ignore_ascii_case("there")
        );
        // "was published after talks between ...", "at the talks between":
        // talks an event followed or hosted were held.
        let governing =
            if previous.is_some_and(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w))) {
                second
            } else {
                previous
            };
        let held_before = governing.is_some_and(|w| {
            ["after", "following", "at", "during", "through"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(w))
        });
        hit.trigger.kind == EventKind::Meeting
            && hit.trigger.subject == Role::None
            && !existential
            && !held_before
            && !words(self.text(hit.end..self.sentence.end))
                .take(25)
                .any(|w| HAPPENING_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)))
    }

    /// Whether a date before the trigger dates a report of the event, not
    /// the event: a reporting word stands beside it or between it and the
    /// trigger ("said on June 3 that the visit", "in a statement on Sept 18
    /// welcomed the visit").
    fn dates_a_report(&self, date: &TimeExpr, hit: &Hit) -> bool {
        if date.span.end > hit.start {
            return false;
        }
        let reporting = |w: &str| self.lexicon.words.reporting.has(w);
        let lead = self.text(self.sentence.start..date.span.start);
        words(self.text(date.span.end..hit.start)).any(reporting)
            || words(lead).rev().take(3).any(reporting)
    }

    /// Whether the trigger stands in what someone says: a reporting word
    /// before it in its sentence.
    fn reported_speech(&self, hit: &Hit) -> bool {
        words(self.text(self.sentence.start..hit.start))
            .any(|w| self.lexicon.words.reporting.has(w))
    }

    /// Whether the trigger tells of its subject in passing, in a relative
    /// clause: "a professor who visited the DPRK", "the agreements concluded
    /// during the last administration". Such a clause recalls; undated, it
    /// is not the day's news.
    fn in_relative_clause(&self, hit: &Hit) -> bool {
        let before = self.text(self.sentence.start..hit.start);
        let mut words = words(before).rev();
        let Some(last) = words.next() else {
            return false;
        };
        let last = last.to_ascii_lowercase();
        // Only a clause in the past recalls: "a professor who visited the
        // DPRK"; "Kim Jong Un, who is on a visit to Russia" is the news.
        let told_in_past = hit
            .trigger
            .pattern
            .split_whitespace()
            .any(|w| w.ends_with("ed") || PAST_FORMS.contains(&w));
        if !told_in_past {
            return false;
        }
        if matches!(last.as_str(), "who" | "which") {
            return true;
        }
        // "the hall where the armistice agreement was signed": a relative
        // word shortly before, with no comma closing its clause.
        let near = &before[char_floor(before, before.len().saturating_sub(RELATIVE_REACH))..];
        let near = &near[near.find(' ').map_or(0, |p| p + 1)..];
        let lower = near.to_ascii_lowercase();
        let opened = [" who ", " which ", " where "]
            .iter()
            .filter_map(|w| lower.rfind(w).map(|at| at + w.len()))
            .max();
        // Closed by a comma, or by a verb of its own ("who is a special
        // envoy of ... and her party visited"): the trigger is the main verb.
        let closed = |at: usize| {
            let clause = &lower[at..];
            clause.contains([',', ';', '('])
                || clause
                    .split_whitespace()
                    .any(|w| matches!(w, "is" | "are" | "was" | "were" | "has" | "have" | "had"))
        };
        if opened.is_some_and(|at| !closed(at)) {
            return true;
        }
        // "When he visited the library, the guide said ...": a clause of
        // time that opens the sentence sets the scene of what is told.
        let opening_when = before
            .trim_start()
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("when "))
            && !before.contains([',', ';']);
        if opening_when {
            return true;
        }
        self.participle_of_document(hit)
    }

    /// "the Moscow Declaration signed by the two sides": a participle right
    /// after a document's noun.
    fn participle_of_document(&self, hit: &Hit) -> bool {
        let before = self.text(self.sentence.start..hit.start);
        let Some(last) = words(before).next_back() else {
            return false;
        };
        let last = last.to_ascii_lowercase();
        let first_word = hit.trigger.pattern.split_whitespace().next().unwrap_or("");
        let participle = first_word.ends_with("ed") && !hit.trigger.pattern.starts_with("was ");
        let document = self
            .lexicon
            .documents
            .iter()
            .any(|d| last == *d || last.strip_suffix('s') == Some(d.as_str()));
        participle && document
    }

    /// An undated event is today's news when it is told in the past tense
    /// in the article's opening paragraph, not recalled from history.
    fn reports_news(&self) -> bool {
        let opening = self
            .doc
            .sentences
            .iter()
            .take(NEWS_SENTENCES)
            .any(|s| *s == self.sentence);
        // The items of a news round-up ("- A delegation ... left here") are
        // each news of the day.
        let line_start = self.doc.body[..self.sentence.start]
            .rfind('\n')
            .map_or(0, |p| p + 1);
        let list_item = self.doc.body[line_start..].trim_start().starts_with("- ");
        let opening = opening || list_item;
        let sentence = self.text(self.sentence.clone()).to_ascii_lowercase();
        let recalled = RECALLED_MARKERS.iter().any(|w| {
            sentence
                .match_indices(w)
                .any(|(at, _)| is_word_at(&sentence, at, w.len()))
        });
        // "The Moscow Declaration was published as a result of repeated
        // talks between the top leaders": a sentence that names a document
        // of another day tells of that time.
        let names_an_old_document = self
            .lexicon
            .known_document(&sentence, &[])
            .is_some_and(|k| {
                self.doc
                    .dateline
                    .is_some_and(|d| (d.date - k.period.end).num_days() > DATELINE_LAG_DAYS)
            });
        opening && !recalled && !names_an_old_document
    }

    /// The document an active trigger takes as object: "signed the historic
    /// DPRK-Russia Moscow Declaration", not "concluded the negotiations for
    /// signing the agreement" (a preposition comes first).
    fn nearest_document_after(&self, from: usize) -> Option<Range<usize>> {
        let window_end = self.window_end(from, 120);
        let m = self
            .lexicon
            .document_regex
            .find(self.text(from..window_end))?;
        let between = self.text(from..from + m.start());
        if words(between).any(|w| PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str())) {
            return None;
        }
        Some(from + m.start()..from + m.end())
    }

    /// The document a participle trigger qualifies: its noun and
    /// complement stand right before the trigger, with no verb between
    /// ("the DPRK-Russia treaty on comprehensive strategic partnership
    /// concluded at ...").
    fn document_qualified_by(&self, to: usize) -> Option<Range<usize>> {
        let noun = self.nearest_document_before(to)?;
        let between = self.text(noun.end..to);
        let qualified = words(between).count() <= 8
            && !between.contains([',', ';', '(', ')'])
            && self.next_verb(noun.end..to) == to;
        qualified.then_some(noun)
    }

    /// Whether a document noun heads its noun phrase rather than hanging
    /// from a preposition: "a joint declaration of the two sides", not "an
    /// article on the agreement".
    fn heads_its_phrase(&self, noun: &Range<usize>) -> bool {
        let before = self.text(self.subject.start..noun.start);
        let governed = words(before)
            .rev()
            .find(|w| {
                let lower = w.to_ascii_lowercase();
                !(["the", "a", "an", "joint"].contains(&lower.as_str())
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || w.contains('-'))
            })
            .is_some_and(|w| PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str()));
        !governed
    }

    fn nearest_document_before(&self, to: usize) -> Option<Range<usize>> {
        let start = self.subject.start;
        let m = self
            .lexicon
            .document_regex
            .find_iter(self.text(start..to))
            .last()?;
        Some(start + m.start()..start + m.end())
    }

    /// A document's name: the capitalised or hyphenated words before its
    /// noun and the complement after it, up to the next clause or
    /// prepositional phrase ("inter-state treaty on establishing a
    /// comprehensive and strategic partnership").
    fn title(&self, noun: Range<usize>) -> Range<usize> {
        if let Some(quoted) = self.quoted_around(&noun) {
            return quoted;
        }
        let before = self.text(self.sentence.start..noun.start);
        let mut start = noun.start;
        for (offset, word) in crate::segment::words(before).into_iter().rev() {
            let titled = word.chars().next().is_some_and(|c| c.is_uppercase())
                || word.contains('-')
                || word.chars().all(|c| c.is_ascii_digit());
            let lower = word.to_ascii_lowercase();
            let joint = lower == "joint";
            if !(titled || joint) || ["the", "a", "an", "on", "of"].contains(&lower.as_str()) {
                break;
            }
            start = self.sentence.start + offset;
        }
        let mut end = noun.end;
        let rest = self.text(noun.end..self.sentence.end);
        let rest_words = crate::segment::words(rest);
        if let Some((_, first)) = rest_words.first() {
            let opens = ["on", "of", "for"].contains(&first.to_ascii_lowercase().as_str())
                && rest[..rest_words[0].0].trim().is_empty();
            if opens {
                let mut taken = 0;
                for (i, (offset, word)) in rest_words.iter().enumerate() {
                    let lower = word.to_ascii_lowercase();
                    let gap = &rest[if i == 0 {
                        0
                    } else {
                        rest_words[i - 1].0 + rest_words[i - 1].1.len()
                    }..*offset];
                    let next_is_capital = rest_words.get(i + 1).is_some_and(|(_, w)| {
                        w.chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    });
                    // "and" joins words of the name unless a new name follows it.
                    let joins = lower == "and" && !next_is_capital && i + 1 < rest_words.len();
                    // "signed an agreement on March 23": a date, and the
                    // preposition before it, say when, not what.
                    let starts_date =
                        |at: usize| self.dates.iter().any(|d| d.span.start == noun.end + at);
                    let dated = starts_date(*offset)
                        || rest_words.get(i + 1).is_some_and(|(next, _)| {
                            starts_date(*next) && PREPOSITIONS.contains(&lower.as_str())
                        });
                    let stop = dated
                        || gap.contains([',', ';', '(', ')', '"', '\u{201c}'])
                        || (i > 0 && TITLE_STOPS.contains(&lower.as_str()) && !joins)
                        || (lower == "in" && next_is_capital)
                        || taken >= 12;
                    if stop {
                        break;
                    }
                    end = noun.end + offset + word.len();
                    taken += 1;
                }
            }
        }
        start..end
    }

    /// The quoted name a document noun stands in: `signed the "plan for
    /// cultural exchange for 2024-2026"`.
    fn quoted_around(&self, noun: &Range<usize>) -> Option<Range<usize>> {
        const OPEN: [char; 2] = ['"', '\u{201c}'];
        const CLOSE: [char; 2] = ['"', '\u{201d}'];
        let before = self.text(self.sentence.start..noun.start);
        let open = before.rfind(OPEN)?;
        // An even number of straight quotes before means the last one closed.
        let straight = before.matches('"').count();
        if before[open..].starts_with('"') && straight % 2 == 0 {
            return None;
        }
        let after = self.text(noun.end..self.sentence.end);
        let close = after.find(CLOSE)?;
        let start = self.sentence.start + open + before[open..].chars().next()?.len_utf8();
        Some(start..noun.end + close)
    }

    /// Whether a date is the first word of a document's name: "the June 15
    /// joint declaration", "the July 4 North-South Joint Statement".
    fn names_a_document(&self, date: &TimeExpr) -> bool {
        let after = self.text(date.span.end..self.window_end(date.span.end, 60));
        if !after.starts_with(' ') {
            return false;
        }
        for word in words(after).take(4) {
            let lower = word.to_ascii_lowercase();
            if self.lexicon.documents.contains(&lower) {
                return true;
            }
            let joins = matches!(
                lower.as_str(),
                "a" | "an"
                    | "the"
                    | "in"
                    | "on"
                    | "at"
                    | "and"
                    | "of"
                    | "to"
                    | "by"
                    | "with"
                    | "was"
                    | "were"
                    | "is"
                    | "for"
                    | "when"
                    | "that"
            );
            // "on March 23 signed trade agreements": a verb between tells
            // when something was done to the document.
            let verb = lower.ends_with("ed") || PAST_FORMS.contains(&lower.as_str());
            if joins
                || verb
                || word.ends_with([',', '.', ';', ':'])
                || word.chars().any(|c| c.is_ascii_digit())
            {
                return false;
            }
        }
        false
    }

    /// The dates of an event: several coordinated dates after the trigger
    /// make one leg each, with the place named in the same stretch.
    fn legs(
        &self,
        hit: &Hit,
        object_places: &[&Mention],
        subject_places: &[&Mention],
        kind: EventKind,
        status: Status,
        title: Option<&Range<usize>>,
    ) -> Vec<Leg<'a>> {
        // What happened happened by the report's day (and the dateline's
        // lag): a later date in the sentence dates something else; a date
        // in a document's name names it.
        let latest = self.doc.now + chrono::Days::new(1);
        // An event is dated to its year at least: "the 21st Century" dates
        // nothing a timeline can use.
        // "a plan of cooperation, exchange and training for 2006": a year
        // after "for" is the time a document covers, not its signing.
        let years_covered = |d: &TimeExpr| {
            kind == EventKind::Treaty
                && d.period().is_some_and(|p| p.precision == Precision::Year)
                && self
                    .text(self.sentence.start..d.span.start)
                    .ends_with("for ")
        };
        // "on the 64th anniversary of the July 23 revolution": the day
        // names what the anniversary is of.
        // "to celebrate February 16", "marking September 9": so does the day
        // of an occasion the event celebrates.
        // "The April 25 women's football team": a day between "the" and a
        // lower-case word names a thing.
        let names_an_anniversary = |d: &TimeExpr| {
            let before = self.text(self.sentence.start..d.span.start).trim_end();
            let after_the = before
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"));
            let next = crate::segment::next_word(self.text(d.span.end..self.sentence.end));
            // "the October 8 Revolutionary Movement" too.
            let attributive = after_the
                && d.period().is_some_and(|p| p.precision == Precision::Day)
                && next.is_some_and(|w| {
                    let lower = w.starts_with(char::is_lowercase)
                        && !PREPOSITIONS.contains(&w)
                        && !matches!(w, "and" | "or" | "was" | "were" | "is" | "are");
                    let name = w.starts_with(char::is_uppercase) && !is_calendar_word(w);
                    lower || name
                });
            let before = before
                .strip_suffix(" the")
                .unwrap_or(before)
                .to_ascii_lowercase();
            attributive || OCCASION_LEAD_INS.iter().any(|lead| before.ends_with(lead))
        };
        let possible = |d: &&TimeExpr| {
            !years_covered(d)
                && !names_an_anniversary(d)
                && d.period().map_or(true, |p| p.precision <= Precision::Year)
                && (status != Status::Happened || d.period().is_some_and(|p| p.start <= latest))
                && !title.is_some_and(|t| d.span.start >= t.start && d.span.end <= t.end)
                && !self.names_a_document(d)
        };
        let after: Vec<&TimeExpr> = self
            .dates
            .iter()
            .copied()
            .filter(possible)
            .filter(|d| d.span.start >= self.object.start && d.span.end <= self.object.end)
            .collect();
        let coordinated = after.len() >= 2
            && after.windows(2).all(|w| {
                let gap = self.text(w[0].span.end..w[1].span.start);
                gap_is_coordination(gap, w[1].span.start - w[0].span.end)
            });
        if coordinated {
            let mut legs = Vec::new();
            let mut from = self.object.start;
            for date in after {
                let place = object_places
                    .iter()
                    .filter(|m| m.start >= from && m.end <= date.span.end)
                    .next_back()
                    .map(|m| m.entity);
                legs.push(Leg {
                    date: Some(date),
                    place,
                    elapsed: None,
                });
                from = date.span.end;
            }
            return legs;
        }
        // "ten years have passed since Kim Jong Il visited China", "35
        // years after Kim Il Sung's visit to Indonesia": counted back from
        // the report's day.
        if let Some(elapsed) = self.elapsed_since(hit) {
            return vec![Leg {
                date: None,
                place: None,
                elapsed: Some(elapsed),
            }];
        }
        // "the 50th anniversary of Kim Il Sung's visit to Indonesia": the
        // anniversary dates what it is the anniversary of.
        if let Some(anniversary) = self.anniversary_of(hit) {
            return vec![Leg {
                date: Some(anniversary),
                place: None,
                elapsed: None,
            }];
        }
        // "was recently closeted with": "recently" beside the trigger dates
        // it, whatever other dates the sentence holds.
        if self.recently_beside(hit) {
            return vec![Leg {
                date: None,
                place: None,
                elapsed: None,
            }];
        }
        // One event: the date nearest the trigger in its sentence, but not
        // the day someone said so ("in a statement on Sept 18 welcomed the
        // visit").
        // "the parties, which signed the Pyongyang Declaration, visited the
        // embassy on April 15": a relative clause's event, like one that had
        // happened, takes no date of the clause it hangs on.
        let relative = self.in_relative_clause(hit);
        let pluperfect = self.pluperfect(hit) || relative;
        // "parties which signed the declaration called a press conference
        // on April 18": the relative clause ends at the main clause's verb.
        let clause_end = if relative {
            self.next_verb(hit.end..self.object.end)
        } else {
            self.object.end.max(self.sentence.end)
        };
        let nearest = self
            .dates
            .iter()
            .copied()
            .filter(possible)
            .filter(|d| !self.dates_a_report(d, hit))
            .filter(|d| !pluperfect || d.span.start >= hit.end)
            .filter(|d| d.span.end <= clause_end || d.span.start < hit.start)
            .min_by_key(|d| {
                if d.span.end <= hit.start {
                    hit.start - d.span.end
                } else {
                    d.span.start.saturating_sub(hit.end)
                }
            });
        // Where a meeting or signing took place is said with "in" or "at":
        // "between Manila and Tokyo" names no venue.
        let place = match kind {
            EventKind::Visit => None,
            _ => object_places
                .iter()
                .find(|m| self.locative(m))
                .or_else(|| subject_places.iter().rev().find(|m| self.locative(m)))
                .map(|m| m.entity),
        };
        vec![Leg {
            date: nearest,
            place,
            elapsed: None,
        }]
    }
}

/// What may stand between two coordinated dates: commas, "and", a
/// preposition and a place name.
/// Whether a place's name is a given name before a surname: "Vladimir
/// Isakov, first secretary of ...", "-- Sydney Harman who ...". The
/// surname is a capitalised word no list knows, and the name ends right
/// after it; no article or preposition puts the place in a phrase ("in
/// Moscow Tuesday", "the Wonsan Kalma area").
fn place_as_a_given_name(
    doc: &Document,
    gazetteer: &Gazetteer,
    words: &Words,
    m: &Mention,
) -> bool {
    if gazetteer.entity(m.entity).kind != EntityKind::Place {
        return false;
    }
    let before = doc.body[..m.start].trim_end();
    let previous = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if ARTICLES.contains(&previous.as_str()) || LOCATIVES.contains(&previous.as_str()) {
        return false;
    }
    let after = &doc.body[m.end..];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let surname_len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    let surname = &rest[..surname_len];
    let mut chars = surname.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase)
        && surname.chars().skip(1).all(char::is_lowercase)
        && surname.chars().count() > 1;
    let known = crate::gazetteer::is_common_word(&surname.to_lowercase())
        || words.titles.contains(surname)
        || words.body_endings.contains(surname)
        || is_calendar_word(surname)
        || doc.mentions.iter().any(|o| o.start == m.end + 1);
    let tail = &rest[surname_len..];
    let name_ends = tail.starts_with(',')
        || tail.starts_with(" who ")
        || tail
            .strip_prefix(' ')
            .is_some_and(|t| t.starts_with(char::is_lowercase));
    title_case && !known && name_ends
}

/// Whether a place's name is a surname after a given name: "Bill
/// Richardson", "Ruth Waco". The word before it is capitalised and is
/// neither a title nor a longer common word ("In Moscow", "Visiting
/// Tokyo").
/// Whether a place's name is a word of a site named after a city: "the
/// Pyongyang Metro" (Metro, a town of Indonesia), a place of another
/// country right after the city's name.
fn place_after_a_place(doc: &Document, gazetteer: &Gazetteer, m: &Mention) -> bool {
    let place = gazetteer.entity(m.entity);
    // Mentions are sorted by start and do not overlap: the one right
    // before is found by binary search, not a scan (this runs for every
    // mention of every sentence).
    let before = doc.mentions.partition_point(|o| o.start < m.start);
    place.kind == EntityKind::Place
        && before
            .checked_sub(1)
            .and_then(|i| doc.mentions.get(i))
            .is_some_and(|o| {
                let other = gazetteer.entity(o.entity);
                o.end + 1 == m.start
                    && doc.body[o.end..m.start] == *" "
                    && other.kind == EntityKind::Place
                    && other.country != place.country
            })
}

fn place_in_a_name(doc: &Document, gazetteer: &Gazetteer, words: &Words, m: &Mention) -> bool {
    if gazetteer.entity(m.entity).kind != EntityKind::Place {
        return false;
    }
    if place_after_a_place(doc, gazetteer, m) {
        return true;
    }
    let before = &doc.body[..m.start];
    let Some(stem) = before.strip_suffix(' ') else {
        return false;
    };
    let word = stem
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let whole_word =
        stem.len() == word.len() || stem[..stem.len() - word.len()].ends_with([' ', '\n']);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase);
    let lower = word.to_lowercase();
    let common = word.chars().count() > 4 && crate::gazetteer::is_common_word(&lower);
    whole_word
        && capitalised
        && word.len() > 1
        && !common
        && !words.titles.contains(word)
        && !NOT_NAME_WORDS.contains(&word)
        && !YEAR_PREPOSITIONS.contains(&word)
        && !doc.mentions.iter().any(|o| o.end + 1 == m.start)
}

/// Whether a gazetteer mention's words may be no part of an unknown
/// person's name: anything but a place that is a given name or a surname.
fn covers_name_words(doc: &Document, gazetteer: &Gazetteer, words: &Words, m: &Mention) -> bool {
    gazetteer.entity(m.entity).kind != EntityKind::Person
        && !place_in_a_name(doc, gazetteer, words, m)
        && !place_as_a_given_name(doc, gazetteer, words, m)
}

fn gap_is_coordination(gap: &str, len: usize) -> bool {
    if len > 60 {
        return false;
    }
    let allowed = [
        "and",
        "in",
        "at",
        "on",
        "respectively",
        "again",
        "then",
        "later",
        "also",
        "or",
    ];
    words(gap).all(|w| {
        let lower = w.to_ascii_lowercase();
        allowed.contains(&lower.as_str()) || w.chars().next().is_some_and(char::is_uppercase)
    }) && (gap.contains(',') || gap.contains(" and ") || gap.contains(" or "))
}

/// Whether the text before a name ends in "<proxy> of|to [the] [titles]":
/// the person is the one an envoy, a message, an adviser or a gift stands
/// for ("a verbal message of Chinese President Hu Jintao", "advisor to the
/// president of Mongolia").
fn stands_for(before: &str, lists: &Words) -> bool {
    // "the State Academy Beryozka Dancing Troupe Named after N. S.
    // Nadezhdina": a namesake is not there either.
    let mut last_two = words(before).rev();
    if last_two
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("after"))
        && last_two
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("named"))
    {
        return true;
    }
    // "the birthday of leader Kim Jong Il": an office in lower case may
    // stand between.
    let mut previous = words(before).rev().skip_while(|w| {
        lists.titles.contains(w)
            || w.eq_ignore_ascii_case("the")
            || w.chars().next().is_some_and(char::is_uppercase)
            || lists.offices_after_names.has(w)
            || lists.honorifics.has(w)
    });
    previous
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("to"))
        && previous.next().is_some_and(|w| lists.proxies.has(w))
}

/// The most bytes either side of a trigger that can name its parties.
const MAX_SIDE: usize = 1200;

/// `at`, moved back to a character boundary of `text` (and into it).
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Past forms of trigger verbs that do not end in "-ed".
const PAST_FORMS: &[&str] = &[
    "met", "held", "paid", "made", "left", "inked", "was", "were",
];

/// How far before a trigger a relative word may open its clause.
const RELATIVE_REACH: usize = 120;

/// Words that open a clause placing another event in time: "since the
/// secretary visited Japan". ("When he met X, he said ...", "interviewed
/// before leaving after visiting the DPRK" tell of the news itself.)
const TIME_CLAUSE_OPENERS: &[&str] = &["since", "until", "once"];

/// Words after which a day names an occasion, not the day of an event:
/// "the anniversary of the July 23 revolution", "to celebrate February 16".
const OCCASION_LEAD_INS: &[&str] = &[
    "anniversary of",
    "celebrate",
    "celebrating",
    "mark",
    "marking",
    "commemorate",
    "commemorating",
    "occasion of",
];

/// How many words before a trigger an infinitive that plans it may stand:
/// "to hold a north-south summit meeting".
const INFINITIVE_REACH: usize = 6;

/// Verbs that say talks named by their noun took place: "talks between
/// ... were held", "took place", "opened".
const HAPPENING_VERBS: &[&str] = &[
    "held",
    "took",
    "opened",
    "began",
    "started",
    "closed",
    "ended",
    "continued",
    "resumed",
    "convened",
    "underway",
    "concluded",
    "wound",
];

/// Nouns that name a meeting or a visit as a trigger's first word: "summit
/// held", "talks took place".
const EVENT_NOUNS: &[&str] = &["summit", "talks", "meeting", "contact", "contacts", "visit"];

/// Words that join an event's noun to its parties: "talks between".
const NOUN_LINKS: &[&str] = &["between", "with", "on", "of"];

/// Units after "recent" that make a span no reader can date: "in recent
/// years".
const VAGUE_SPANS: &[&str] = &[
    "years", "decades", "months", "weeks", "days", "times", "period",
];

/// Possessive determiners before an office: "led by its chairman X".
const POSSESSIVES: &[&str] = &["its", "his", "her", "their"];

/// Forms of "be" that make the trigger after them passive.
const PASSIVE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Pronouns that open a relative clause whose object stands before them:
/// "the message he received".
const RELATIVE_SUBJECTS: &[&str] = &["he", "she", "they", "we", "it"];

/// Words after which a name ends: "... Netumbo Nandi-Ndaitwah who is ...",
/// "... Enrico Letta and his party arrived".
/// The most bytes between two parts of one name: ". " of an initial, a
/// hyphen, a space.
const NAME_GAP: usize = 3;

const NAME_LEAD_OUTS: &[&str] = &[
    " who ",
    ", who ",
    " and his party",
    " and her party",
    " and party",
    " and his entourage",
    " and her entourage",
];

/// [`NAME_LEAD_OUTS`] as searchers, each built once: every side of every
/// trigger is searched for all of them, and building a searcher for a
/// search cost more than the search.
fn name_lead_outs() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        NAME_LEAD_OUTS
            .iter()
            .map(|lead_out| memchr::memmem::Finder::new(lead_out.as_bytes()).into_owned())
            .collect()
    })
}

/// Whether `stretch` ends in a run of capitalised words that no article,
/// preposition "of" or capitalised word introduces: "-- Miroslav Lazanski",
/// "by Peter Zuellig", not "the Korean Friendship Association" or "of
/// Science Kim".
fn bare_name_before(stretch: &str) -> bool {
    let words: Vec<&str> = stretch.split_whitespace().collect();
    let run = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !(2..=5).contains(&run) {
        return false;
    }
    match words.len().checked_sub(run + 1).map(|i| words[i]) {
        None => true,
        Some(before) => !matches!(
            before.to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "of" | "for" | "in" | "at"
        ),
    }
}

/// How far a name after a lead-in ("led by") may run: to the first comma,
/// semicolon, bracket or sentence end. The period of an initial ("D.
/// Idevkhten", "M. Y. Fradkov") does not end it.
fn name_stretch_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            ',' | ';' | '(' | ')' => return i,
            '.' => {
                // "D. Idevkhten", and "V.V. Grishkov", "R.B.L. Goswami",
                // initials run together.
                let mut after = i + 1;
                while bytes.get(after).is_some_and(u8::is_ascii_uppercase)
                    && bytes.get(after + 1) == Some(&b'.')
                {
                    after += 2;
                }
                let next_initial = after > i + 1
                    && bytes.get(after) == Some(&b' ')
                    && bytes.get(after + 1).is_some_and(u8::is_ascii_uppercase);
                let initial = i >= 1
                    && bytes[i - 1].is_ascii_uppercase()
                    && (i < 2 || !bytes[i - 2].is_ascii_alphanumeric() || bytes[i - 2] == b'.')
                    && ((bytes.get(i + 1) == Some(&b' ')
                        && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase))
                        || next_initial);
                if !initial {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The last run of at least two capitalised words that are not titles: the
/// name in "Chairman of its Central Committee Kamal Prasad Chaulagain".
/// Words `covered(offset)` by a gazetteer mention (a state, a place) are not
/// part of a name either.
fn last_name_run(stretch: &str, covered: impl Fn(usize) -> bool, words: &Words) -> Option<String> {
    name_runs(stretch, covered, words).pop()
}

/// Every run of two to five capitalised words that are not titles.
fn name_runs(stretch: &str, covered: impl Fn(usize) -> bool, lists: &Words) -> Vec<String> {
    let titles = &lists.titles;
    // Each run, and whether its start is sure: the stretch's first word or
    // the word after a title ("Minister Song Il Ho"). Elsewhere leading
    // common words belong to an office or a body: "Minister of ... Foreign
    // Trade Enrico Letta", "its Central Committee Kamal Prasad Chaulagain".
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    let mut anchored: Vec<bool> = vec![true];
    // The index in `words` of each run's first word.
    let mut firsts: Vec<usize> = vec![0];
    let base = stretch.as_ptr() as usize;
    let words: Vec<&str> = stretch.split_whitespace().collect();
    for (i, raw) in words.iter().enumerate() {
        let offset = raw.as_ptr() as usize - base;
        // "Affairs," ends a run; "Lieut." inside a stretch is an
        // abbreviation, not a name; the last word's period ends the sentence.
        let last = i + 1 == words.len();
        let word = raw.trim_end_matches([',', ';', ':']);
        let word = if last {
            word.trim_end_matches('.')
        } else {
            word
        };
        // "Liu Yunshan's visit": the name ends at its possessive.
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        let ends_run = word.len() < raw.len();
        // "V.V.", initials run together, are a name's; "Lieut." is not.
        let initials = word.len() >= 4
            && word
                .as_bytes()
                .chunks(2)
                .all(|pair| pair.len() == 2 && pair[0].is_ascii_uppercase() && pair[1] == b'.');
        let abbreviation = !initials
            && word.ends_with('.')
            && word.chars().filter(|c| c.is_alphabetic()).count() > 1;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // Acronyms (SPA, WPK) are organisations; a single capital is a name
        // syllable ("Ko Tok U").
        // A name is letters, hyphens, apostrophes and initials' periods:
        // "Assembly=" in a scraped list is none.
        let name_like = word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'));
        // "Abdullah al-Ahmar", "Ernesto de Zulueta": a particle inside a
        // name, between capitalised words or glued to one.
        let in_run = runs.last().is_some_and(|r| !r.is_empty());
        let next_capitalised = words
            .get(i + 1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let particle = in_run
            && name_like
            && (NAME_PARTICLES.contains(&word) && next_capitalised
                || NAME_PARTICLES.iter().any(|p| {
                    word.strip_prefix(p)
                        .and_then(|rest| rest.strip_prefix('-'))
                        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
                }));
        let capitalised = particle
            || word.chars().next().is_some_and(char::is_uppercase)
                && name_like
                && (letters == 1
                    || initials
                    || !word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()));
        // "Jun" in "Zhuang Jun" is a name; only a month or weekday written
        // out (or "May") is a calendar word here.
        let calendar = is_calendar_word(word) && (word.len() > 3 || word == "May");
        // "Vice-minister", "Co-Chairmen": a hyphened word with a title in it.
        // "headed by An Kuk Thae": "An" right before two words of a name
        // (capitalised, no title, no common word) is a surname, not the
        // article.
        // Inside a sentence the article is written "an", so a capital "An"
        // after a word ("Mayor An Sang Su") is a surname even when a
        // syllable of the name is also an English word.
        let mid_sentence = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(|prev| {
                prev.chars().any(char::is_alphanumeric)
                    && !prev.ends_with(['.', ':', '"', '\u{201c}'])
            });
        let surname_an = word == "An"
            && words.get(i + 1..i + 3).is_some_and(|next| {
                next.iter().all(|w| {
                    let w = w.trim_end_matches([',', ';', ':', '.']);
                    w.starts_with(char::is_uppercase)
                        && !titles.contains(w)
                        && (mid_sentence || !crate::gazetteer::is_common_word(&w.to_lowercase()))
                        && !is_calendar_word(w)
                })
            });
        // "led by Robert King, special envoy": a personal title that ends a
        // name's stretch right after its given names is a surname.
        let ends_stretch = last || raw.ends_with([',', ';', ':']);
        let surname_title = in_run
            && ends_stretch
            && !word.contains('-')
            && (lists.offices_after_names.has(word) || lists.honorifics.has(word));
        let title = !surname_an && !surname_title && titles.contains(word)
            || (word.contains('-')
                && word.split('-').any(|part| {
                    let mut chars = part.chars();
                    let capitalised: String = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                    titles.contains(&capitalised)
                }));
        if capitalised && !abbreviation && !title && !calendar && !covered(offset) {
            if let Some(run) = runs.last_mut() {
                if run.is_empty() {
                    if let Some(first) = firsts.last_mut() {
                        *first = i;
                    }
                }
                run.push(word);
            }
            if ends_run {
                runs.push(Vec::new());
                anchored.push(false);
                firsts.push(0);
            }
        } else {
            if runs.last().is_some_and(|r| !r.is_empty()) {
                runs.push(Vec::new());
                anchored.push(false);
                firsts.push(0);
            }
            // A person's office or honorific anchors the name after it,
            // in capitals or not ("Minister Song Il Ho", "its chairman
            // Frank Baude"); so does a dash that opens a stretch ("(KCNA)
            // -- Frank Engel"). A word of a body's name does not: "the
            // Association for International Friendly Contact Zhou Xinzheng".
            let personal = |w: &str| lists.offices_after_names.has(w) || lists.honorifics.has(w);
            let personal_office = personal(word) || word.split('-').any(personal);
            let punctuation = !word.chars().any(char::is_alphanumeric);
            if let Some(last) = anchored.last_mut() {
                *last = personal_office || punctuation;
            }
        }
    }
    // "the Palang Dharma Party", "the State Great Ikh Hural": a run after
    // an article, with only words of a body's name between, names the
    // body. A personal office before keeps the person: "the Foreign
    // Minister X", "Vice-Chairman of the Front Denis Polisi".
    let after_article = |first: usize| {
        // "the Supreme People's Assembly So Man Sul": the body's name has
        // ended at its last word; the run after it is someone's.
        let after_body = first
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| lists.body_endings.contains(w));
        if after_body {
            return false;
        }

        let mut saw_article = false;
        for raw in words[..first].iter().rev() {
            // "..., Andrei Baklanov": a comma starts a new item of a list.
            if raw.ends_with([',', ';', ':']) {
                return false;
            }
            let word = *raw;
            let personal = lists.offices_after_names.has(word)
                || lists.honorifics.has(word)
                || word
                    .split('-')
                    .any(|part| lists.offices_after_names.has(part));
            if personal {
                return false;
            }
            if ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word)) {
                saw_article = true;
            } else if !(titles.contains(word) || OFFICE_LINKS.contains(&word)) {
                break;
            }
        }
        saw_article
    };
    // "the Korean Taekwon-Do Committee": a run right before a body's word
    // is the start of the body's name; so is one before title words that
    // end in a body's word ("the Baath Arab Socialist Party").
    let before_body = |run: &Vec<&str>, first: usize| {
        let Some(last) = words.get(first + run.len().max(1) - 1) else {
            return false;
        };
        if run.is_empty() || last.ends_with([',', ';', ':']) {
            return false;
        }
        for next in words.iter().skip(first + run.len()) {
            let bare = next.trim_end_matches([',', ';', ':', '.']);
            if lists.body_endings.contains(bare) {
                return true;
            }
            if !titles.contains(bare) || bare.len() < next.len() {
                return false;
            }
        }
        false
    };
    // "the Federation of Korean Traders", "Chairman of Hyundai Asan": a
    // run after "of" or "for" that follows a body's word or a title goes on
    // with that name, unless a person's name follows the body's last words
    // ("Minister of Railways Kim Yong Sam").
    let linked = |first: usize| {
        first
            .checked_sub(2)
            .and_then(|i| words.get(i..first))
            .is_some_and(|pair| {
                let head = pair[0];
                matches!(pair[1], "of" | "for")
                    && head.starts_with(char::is_uppercase)
                    && (titles.contains(head) || lists.body_endings.contains(head))
            })
    };
    // "the embassy in Ulaan Baatar", "the troupe named after X": a run right
    // after "in" or "at" names a place; one after "named after", a namesake.
    let after_a_link = |first: usize| {
        let previous = first.checked_sub(1).and_then(|i| words.get(i));
        let in_or_at = previous.is_some_and(|w| *w == "in" || *w == "at");
        let namesake = previous.is_some_and(|w| w.eq_ignore_ascii_case("after"))
            && first
                .checked_sub(2)
                .and_then(|i| words.get(i))
                .is_some_and(|w| w.eq_ignore_ascii_case("named"));
        in_or_at || namesake
    };
    let body_names: Vec<bool> = runs
        .iter()
        .zip(&firsts)
        .map(|(run, &first)| {
            after_article(first)
                || before_body(run, first)
                || (!run.is_empty() && after_a_link(first))
        })
        .collect();
    let linked: Vec<bool> = firsts.iter().map(|&first| linked(first)).collect();
    // "Maurice Strong, special envoy of ...": a run that a comma and a
    // person's office follow is a person's name, whatever its last word.
    let appositive: Vec<bool> = runs
        .iter()
        .zip(&firsts)
        .map(|(run, &first)| {
            let last = first + run.len().max(1) - 1;
            words.get(last).is_some_and(|w| w.ends_with(','))
                && (last + 1 == words.len()
                    || words.iter().skip(last + 1).take(3).any(|w| {
                        let w = w.trim_end_matches([',', ';', ':', '.']);
                        lists.offices_after_names.has(w)
                            || w.split('-').any(|part| lists.offices_after_names.has(part))
                    }))
        })
        .collect();
    runs.into_iter()
        .zip(anchored)
        .zip(body_names)
        .zip(linked)
        .zip(appositive)
        .filter(|(((_, body_name), _), _)| !body_name)
        .map(|((((run, anchored), _), linked), appositive)| (run, anchored, linked, appositive))
        .map(|(run, anchored, linked, appositive)| {
            (
                appositive,
                (|| -> Vec<&str> {
                    // "the Daily Segye Ilbo Park Bo Hi": a name goes on after the
                    // last word of a body's name inside the run.
                    let after_body = run[..run.len().saturating_sub(1)]
                        .iter()
                        .rposition(|w| lists.body_endings.contains(w));
                    if let Some(at) = after_body {
                        return run[at + 1..].to_vec();
                    }
                    if linked {
                        let body_words = run
                            .iter()
                            .take_while(|w| {
                                let common = |w: &str| {
                                    w.chars().count() > 4
                                        && crate::gazetteer::is_common_word(&w.to_lowercase())
                                };
                                lists.office_words.contains(w)
                                    || lists.body_endings.contains(w)
                                    || common(w)
                                    || w.strip_suffix('s').is_some_and(common)
                            })
                            .count();
                        return if body_words > 0 {
                            run[body_words..].to_vec()
                        } else {
                            Vec::new()
                        };
                    }
                    // "Ministry of Public Security Le Hong Anh": a word of an
                    // office's name is never a person's, after a title or not.
                    if anchored {
                        let office = run
                            .iter()
                            .take_while(|w| {
                                lists.office_words.contains(w) || lists.body_endings.contains(w)
                            })
                            .count();
                        return run[office..].to_vec();
                    }
                    let leading_common = run
                        .iter()
                        .take_while(|w| {
                            lists.office_words.contains(w)
                                || lists.body_endings.contains(w)
                                || (w.chars().count() > 4
                                    && crate::gazetteer::is_common_word(&w.to_lowercase()))
                        })
                        .count();
                    run[leading_common..].to_vec()
                })(),
            )
        })
        // A run that ends in a common word names a body or an occasion:
        // "Asian Games", "Korean Writers"; so does one that ends in a
        // body's word: "Yonhap News". Short common words are also
        // syllables of names ("Ryu Chang Sun", "Pak Jong Song").
        .filter(|(appositive, r)| {
            r.last().is_some_and(|w| {
                let common_word = |w: &str| {
                    w.chars().count() > 4 && crate::gazetteer::is_common_word(&w.to_lowercase())
                };
                // "Young Korean Nationals", "Korean Journalists": a plural
                // of a common word names a group.
                let plural_of_common = w.strip_suffix('s').is_some_and(common_word);
                (*appositive || !common_word(w) && !plural_of_common)
                    && !lists.body_endings.contains(w)
            })
        })
        .map(|(_, r)| r)
        .filter(|r| r.len() >= 2 && r.len() <= 5)
        // "Ambassador E. P. to Korea": initials alone are no name.
        .filter(|r| {
            r.iter()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.ends_with('.'))
        })
        .map(|r| {
            r.join(" ")
                .trim_end_matches(['.', ',', ';', ':'])
                .to_string()
        })
        .collect()
}

/// Whether a place name is followed by a title-case word of a longer name.
fn modifies_a_name(after: &str) -> bool {
    let Some(word) = crate::segment::next_word(after) else {
        return false;
    };
    let mut chars = word.chars();
    let title_case = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    title_case && !NOT_NAME_WORDS.contains(&word) && !is_calendar_word(word)
}

/// Whether a person's name is only part of a longer name: "the Kim Il Sung
/// Socialist Youth League", "Kim Il Sung University". The capitalised words
/// after it name a body when they end in a common noun. A single word no
/// dictionary knows goes on with the person's name ("Fidel Castro Ruz"), and
/// a verb in a title-case headline follows its subject ("Kim Jong Il Meets
/// Chinese Delegation", "Kim Jong Un Praised").
fn modifies_a_persons_name(after: &str) -> bool {
    if !modifies_a_name(after) {
        return false;
    }
    let run: Vec<&str> = after
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .skip(1)
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let Some(first) = run.first() else {
        return false;
    };
    let common = |w: &str| crate::gazetteer::is_common_word(&w.to_lowercase());
    if headline_verb(first, common) {
        return false;
    }
    run.len() != 1 || common(first)
}

/// Whether a title-case word reads as a verb of a headline: "Meets",
/// "Receives", "Praised", a common word with the ending of the third person
/// or the past.
fn headline_verb(word: &str, common: impl Fn(&str) -> bool) -> bool {
    let lower = word.to_lowercase();
    let stems = [
        lower.strip_suffix('s'),
        lower.strip_suffix("es"),
        lower.strip_suffix("ed"),
        lower.strip_suffix('d'),
    ];
    let verb_ending = !(lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is"));
    verb_ending
        && stems
            .into_iter()
            .flatten()
            .any(|stem| stem.len() > 2 && common(stem))
}

/// Whether the text before a year ends in a capitalised word of a name:
/// "the Women's Championship 2024", "Expo 2010" name events, they do not
/// date them.
fn ends_a_name(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .next()
        .unwrap_or("");
    let sentence_start = rest[..rest.len() - word.len()].trim_end().is_empty();
    word.chars().next().is_some_and(char::is_uppercase)
        && !sentence_start
        && !NOT_NAME_WORDS.contains(&word)
        && !YEAR_PREPOSITIONS.contains(&word)
        && !is_calendar_word(word)
}

/// Capitalised words that introduce a year rather than name something.
const YEAR_PREPOSITIONS: &[&str] = &[
    "Since", "Until", "From", "By", "Of", "To", "For", "Before", "After",
];

/// Words that make a sentence tell of another time than the report's day,
/// or of many times: its undated events take no dateline. "had the honour
/// of being received by him several times", "photographs of the President
/// meeting with Ho Chi Minh".
const RECALLED_MARKERS: &[&str] = &[
    "anniversary",
    "occasion when",
    "years ago",
    "history",
    "has passed since",
    "have passed since",
    "several times",
    "many times",
    "on several occasions",
    "on many occasions",
    "whenever",
    "every time",
    "each time",
    "some time ago",
    "once",
    "photographs of",
    "photos of",
    "pictures of",
    "photographs showing",
    "photos showing",
    "a series of",
    "in recent years",
    "had the honor of",
    "had the honour of",
];

/// Words before "here" that say someone passes through, not lives here.
const PASSING_THROUGH_HERE: &[&str] = &[
    "from", "left", "leaving", "arrived", "arriving", "reached", "came", "staying", "stayed",
];

/// Words after a state's adjective that name its forces of another time:
/// "the Japanese imperialists", "the U.S. aggressors".
const OCCUPIER_WORDS: &[&str] = &[
    "imperialist",
    "imperialists",
    "aggressor",
    "aggressors",
    "colonialist",
    "colonialists",
    "militarists",
    "army",
    "troops",
    "forces",
];

/// Whether the text after a state's name starts with a word of its forces.
fn names_an_occupier(after: &str) -> bool {
    next_word_in(after, OCCUPIER_WORDS)
}

/// Whether the first word of `after` is one of `table`, in any case.
fn next_word_in(after: &str, table: &[&str]) -> bool {
    crate::segment::next_word(after)
        .is_some_and(|word| table.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// Words that open the next group of a list of visitors ("..., and the
/// delegation of China"); "party" is as often a body's name.
const NEXT_GROUP_WORDS: &[&str] = &["delegation", "delegations", "group", "troupe", "team"];

/// Words of money a state's name or adjective may stand before.
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "yen", "won", "yuan", "euro", "euros", "ruble", "rubles", "rouble",
    "roubles", "pound", "pounds", "rupee", "rupees", "currency",
];

/// Words of the media a report comes from: "the Thai newspaper".
const MEDIA_WORDS: &[&str] = &[
    "newspaper",
    "newspapers",
    "paper",
    "daily",
    "weekly",
    "magazine",
    "radio",
    "TV",
    "television",
    "media",
    "broadcaster",
    "website",
    "journal",
];

/// Words after which a medium is the source of what is told: "interviewed
/// by", "told", "according to".
const SOURCE_LINKS: &[&str] = &["by", "to", "told", "according"];

/// Whether a state's name after `before` is where an envoy is posted:
/// "ambassador to (the) X", "ambassador e. p. to X", "ambassador in X".
fn names_a_post(before: &str) -> bool {
    let mut previous = words(before).rev();
    let mut link = previous.next();
    if link.is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        link = previous.next();
    }
    let posted = link.is_some_and(|w| w.eq_ignore_ascii_case("to") || w.eq_ignore_ascii_case("in"));
    // "ambassador e. p. to", "ambassador extraordinary and plenipotentiary
    // to": the words of the rank stand between.
    let rank = |w: &&str| {
        w.chars().count() == 1
            || ["extraordinary", "and", "plenipotentiary"]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(w))
    };
    let office = previous.take(4).find(|w| !rank(w)).is_some_and(|w| {
        w.eq_ignore_ascii_case("ambassador") || w.eq_ignore_ascii_case("ambassadors")
    });
    posted && office
}

/// Whether a state's name, between `before` and `after`, names the medium a
/// report came from ("when interviewed by the Thai newspaper"), not a
/// medium that travels ("a delegation of the Vietnamese newspaper").
fn names_a_source(before: &str, after: &str) -> bool {
    next_word_in(after, MEDIA_WORDS)
        && words(before)
            .rev()
            .take(3)
            .any(|w| SOURCE_LINKS.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// Whether the text after a state's name starts with a word of money:
/// "U.S. dollars", "Japanese yen".
fn names_a_currency(after: &str) -> bool {
    next_word_in(after, CURRENCY_WORDS)
}

/// Lower-case words inside a person's name: "Abdullah al-Ahmar", "Ernesto
/// de Zulueta y Habsburgo", "Joost van der Berg".
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "ash", "bin", "ibn", "de", "da", "das", "dos", "del", "della", "di",
    "du", "y", "van", "von", "der", "den", "ter", "la", "le",
];

/// Small words inside the names of those who received something: "the gift
/// President X and his wife received".
const RECEIVER_LINKS: &[&str] = &["and", "his", "her", "their", "wife", "husband"];

/// Articles: a capitalised run right after one names a thing, not a person.
const ARTICLES: &[&str] = &["the", "a", "an"];

/// Words that join an office to the body it belongs to: "Vice-Chairman of
/// the Front".
const OFFICE_LINKS: &[&str] = &["of", "for", "and"];

/// Capitalised words that can follow a place without being part of its name.
const NOT_NAME_WORDS: &[&str] = &["On", "In", "At", "And", "The"];

fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

/// The sentence on one line, without a list item's leading dash.
fn one_line(text: &str) -> String {
    let text = text.trim_start();
    let text = text.strip_prefix("- ").unwrap_or(text);
    crate::segment::single_spaced(text)
}

fn push_all<T: PartialEq>(list: &mut Vec<T>, items: impl Iterator<Item = T>) {
    for item in items {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

/// Reports of one visit span its days: the arrival, the talks, the
/// stops, the departure are told on different days, and a long journey
/// (the 2001 train journey across Russia) goes a week or more between
/// reports.
pub(crate) const VISIT_DAYS: i64 = 14;
/// Days between the meetings of one summit with the same people.
pub(crate) const SUMMIT_DAYS: i64 = 1;
/// The longest a visit's row may span (the 2001 journey by train across
/// Russia took 24 days): days told further apart are another visit.
pub(crate) const LONGEST_VISIT_DAYS: i64 = 31;
/// News dated by its dateline may be told a day or two after the event
/// ("Press Review" items of the next morning's papers).
const DATELINE_LAG_DAYS: i64 = 2;
/// How long after an event an article may tell it without a date, by the
/// names of its principals.
pub(crate) const RECALLED_DAYS: i64 = 14;

/// The most days between two days of one event that any way of
/// [`dates_compatible`] allows: pairs further apart (nearly every pair a
/// merge holds side by side) are told apart before the names are compared.
const LONGEST_GAP_DAYS: i64 = longer(
    longer(DATELINE_LAG_DAYS, SUMMIT_DAYS),
    longer(RECALLED_DAYS, VISIT_DAYS),
);

const fn longer(a: i64, b: i64) -> i64 {
    if a > b {
        a
    } else {
        b
    }
}

/// Whether two reports' dates can be the same event's.
pub fn dates_compatible(a: &Event, b: &Event) -> bool {
    if periods_compatible(&a.period, &b.period) {
        return true;
    }
    // A journey from July 26 to August 18 is a visit "in August" too.
    let overlap = a.period.start <= b.period.end && b.period.start <= a.period.end;
    if a.kind == EventKind::Visit && a.period.precision != b.period.precision && overlap {
        return true;
    }
    if a.period.precision != Precision::Day || b.period.precision != Precision::Day {
        return false;
    }
    // Days between the periods: a visit's row spans its days.
    let gap = (a.period.start.max(b.period.start) - a.period.end.min(b.period.end))
        .num_days()
        .max(0);
    if gap > LONGEST_GAP_DAYS {
        return false;
    }
    let late_news = (a.date_rule == DateSource::Dateline || b.date_rule == DateSource::Dateline)
        && gap <= DATELINE_LAG_DAYS;
    // Days of one visit, when the same people are named in both reports.
    let span = (a.period.end.max(b.period.end) - a.period.start.min(b.period.start)).num_days();
    // The talks of one summit go on for days, with the same people.
    let same_talks = a.kind == EventKind::Meeting
        && gap <= SUMMIT_DAYS
        && !a.actors.is_empty()
        && a.actors.iter().any(|x| b.actors.contains(x));
    // An undated telling takes its article's day; an article days after an
    // event may still tell it so ("Kim Jong Il had talks with Koizumi and
    // signed the declaration"). Named by its principals, it joins the event.
    let (earlier, later) = if a.period.start <= b.period.start {
        (a, b)
    } else {
        (b, a)
    };
    let shared = a.actors.iter().filter(|x| b.actors.contains(x)).count();
    let recalled = later.date_rule == DateSource::Dateline
        && earlier.date_rule != DateSource::Dateline
        && gap <= RECALLED_DAYS
        && shared >= 2;
    // "on the basis of the successes of the historic meeting and talks
    // between the top leaders": a meeting named by its noun alone, days
    // later, with nobody named, is the one held before.
    let named_by_noun = a.kind == EventKind::Meeting
        && later.date_rule == DateSource::Dateline
        && earlier.date_rule != DateSource::Dateline
        && gap <= RECALLED_DAYS
        && later.actors.is_empty()
        && !earlier.actors.is_empty()
        && !later.trigger.is_empty()
        && later
            .trigger
            .split_whitespace()
            .all(|w| EVENT_NOUNS.contains(&w) || NOUN_LINKS.contains(&w));
    let same_trip = a.kind == EventKind::Visit
        && gap <= VISIT_DAYS
        && span <= LONGEST_VISIT_DAYS
        && !a.actors.is_empty()
        && a.actors.iter().any(|x| b.actors.contains(x));
    late_news || same_trip || same_talks || recalled || named_by_noun
}

/// Whether `told`, dated only by its article's day, is the later telling
/// of an event told exactly before: its day is when it was told, not when
/// it happened.
pub(crate) fn told_later_by_dateline(row: &Event, told: &Event) -> bool {
    told.date_rule == DateSource::Dateline
        && row.date_rule != DateSource::Dateline
        && (told.period.start - row.period.end).num_days() > DATELINE_LAG_DAYS
}

/// Whether two periods can be the same date told at two precisions.
pub fn periods_compatible(a: &Period, b: &Period) -> bool {
    a.contains(b) || b.contains(a)
}

/// The same event told twice in one article is one event: same kind and
/// status, compatible dates, shared participants.
fn merge_within_article(events: Vec<Event>) -> Vec<Event> {
    let mut merged: Vec<Event> = Vec::new();
    for event in events {
        let same = merged.iter_mut().find(|m| {
            !event.repeated
                && m.kind == event.kind
                && m.status == event.status
                && dates_compatible(m, &event)
                && participants_overlap(m, &event)
                && states_agree(m, &event)
                && (m.place.is_empty() || event.place.is_empty() || m.place == event.place)
        });
        match same {
            Some(m) => {
                if event.period.precision < m.period.precision {
                    m.period = event.period;
                    m.date_text = event.date_text.clone();
                    m.date_rule = event.date_rule.clone();
                }
                // The sentence that dates the event itself is the better
                // evidence than one dated only by what is known of it.
                if m.date_rule == DateSource::KnownDocument
                    && event.date_rule != DateSource::KnownDocument
                {
                    m.evidence = event.evidence.clone();
                    m.span = event.span.clone();
                    m.date_text = event.date_text.clone();
                    m.date_rule = event.date_rule.clone();
                }
                push_all(&mut m.actors, event.actors.into_iter());
                push_all(&mut m.states, event.states.into_iter());
                if m.place.is_empty() {
                    m.place = event.place;
                }
                if m.title.is_empty() {
                    m.title = event.title;
                }
            }
            None => merged.push(event),
        }
    }
    merged
}

/// A bilateral and a trilateral summit are two events: when both tellings
/// name at least two states, they must name the same ones.
pub fn states_agree(a: &Event, b: &Event) -> bool {
    // A visit has a direction: the visitor's state first, the destination last.
    if a.kind == EventKind::Visit
        && (a.states.first() != b.states.first() || a.states.last() != b.states.last())
    {
        return false;
    }
    if a.states.len() < 2 || b.states.len() < 2 {
        return true;
    }
    let mut x = a.states.clone();
    let mut y = b.states.clone();
    x.sort();
    y.sort();
    x == y
}

/// The most people a telling of a meeting names when it names only its
/// principals: a host, a guest and one more.
const PRINCIPALS: usize = 3;

/// Whether two names of tellings name one person: the same, or one with
/// words of office before the other ("Councilor Meng Jianzhu", "Meng
/// Jianzhu").
pub fn names_one_person(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long == short || (long.ends_with(short) && long[..long.len() - short.len()].ends_with(' '))
}

/// Shared people, or the same states when no people are named. Two
/// meetings that share one person and each name another are two meetings.
pub fn participants_overlap(a: &Event, b: &Event) -> bool {
    if !a.actors.is_empty() && !b.actors.is_empty() {
        let shared = a
            .actors
            .iter()
            .filter(|x| b.actors.iter().any(|y| names_one_person(x, y)))
            .count();
        // "Kim Yong Nam held talks with the president of Iran" and "Kim
        // Yong Nam met the Supreme Leader of Iran": one host, two guests,
        // two meetings. Tellings of one meeting name the same people, or
        // one of them more.
        let each_has_another = shared < a.actors.len() && shared < b.actors.len();
        // An attendance list names many more ("The summit was held; present
        // were ..."): only tellings of the principals alone tell them apart.
        let principals_only = a.actors.len().max(b.actors.len()) <= PRINCIPALS;
        let two_meetings =
            a.kind == EventKind::Meeting && each_has_another && shared <= 1 && principals_only;
        return shared > 0 && !two_meetings;
    }
    let shared = a.states.iter().filter(|s| b.states.contains(s)).count();
    shared >= a.states.len().min(b.states.len()).min(2) && shared > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences a search of every anchor in the body picks, as the
    /// reference for the search that moves on after a sentence's first.
    fn sentences_with_anchors(
        body: &str,
        sentences: &[Range<usize>],
        lexicon: &Lexicon,
    ) -> Vec<usize> {
        let mut picked: Vec<usize> = lexicon
            .anchors
            .find_iter(body)
            .map(|m| sentences.partition_point(|s| s.end <= m.start()))
            .filter(|&i| i < sentences.len())
            .collect();
        picked.dedup();
        picked
    }

    /// Triggers are looked for in the sentences a search of every anchor
    /// would pick: one that moves on after the first anchor of a sentence
    /// picks the same, also where a long sentence was cut inside a word.
    #[test]
    fn the_sentences_searched_for_triggers_are_those_with_an_anchor() {
        let lexicon = Lexicon::load(&[]).unwrap();
        let mut words = lexicon.trigger_words();
        // Words of one sentence longer than a sentence may be, which is cut
        // inside them, anchors and all.
        words.extend([
            "Kim".into(),
            "DPRK".into(),
            "x".repeat(5000),
            "visited".repeat(700),
        ]);
        use proptest::prelude::*;
        let word = proptest::sample::select(words);
        let gap = proptest::sample::select(vec![" ", ". ", "\n", ",", "", "-", "? "]);
        let body = proptest::collection::vec((word, gap), 0..16);
        proptest!(|(parts in body)| {
            let body: String = parts.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let sentences = crate::segment::sentences(&body);
            let hits = triggers_in(&body, &sentences, &lexicon, &lexicon.automaton);
            let searched: Vec<usize> = sentences_with_anchors(&body, &sentences, &lexicon);
            // Every hit lies in a searched sentence, and every trigger in a
            // searched sentence is a hit.
            let mut expected = Vec::new();
            for &i in &searched {
                let span = &sentences[i];
                for m in lexicon.automaton.any_text.find_iter(&body[span.clone()]) {
                    expected.push((lexicon.order[m.pattern().as_usize()], span.start + m.start(), span.start + m.end()));
                }
            }
            let found: Vec<(usize, usize, usize)> = hits
                .iter()
                .map(|h| {
                    let t = lexicon.triggers.iter().position(|t| std::ptr::eq(t, h.trigger)).unwrap();
                    (t, h.start, h.end)
                })
                .collect();
            prop_assert_eq!(found, expected);
        });
    }

    fn runs(text: &str) -> Vec<String> {
        let words = Lexicon::load(&[]).unwrap().words;
        name_runs(text, |_| false, &words)
    }

    #[test]
    fn names_are_runs_of_capitalised_words_without_titles() {
        assert_eq!(
            runs("Chairman of its Central Committee Kamal Prasad Chaulagain"),
            ["Kamal Prasad Chaulagain"]
        );
        assert_eq!(runs("Vice Editor-in-Chief Jon Jong Ho"), ["Jon Jong Ho"]);
        // A plural of a common word names a group, not a person.
        assert!(runs("the Federation of Young Korean Nationals in China").is_empty());
        assert_eq!(runs("Minister Jacques Santer"), ["Jacques Santer"]);
        // A possessive ends the name.
        assert_eq!(runs("Minister Ri Kwan Rin's speech"), ["Ri Kwan Rin"]);
        assert_eq!(
            runs("Ambassador Li Jinjun\u{2019}s Farewell Call"),
            ["Li Jinjun"]
        );
        // Scraped lists glue markup to words: "Assembly=" is no name.
        assert_eq!(
            runs("Supreme People's Assembly= Kim Yong Dae and Ryo Won Gu"),
            ["Kim Yong Dae", "Ryo Won Gu"]
        );
    }

    #[test]
    fn a_persons_name_inside_a_bodys_name_is_no_person() {
        // The words after the name end in a common noun: a body, a prize.
        for after in [
            " University.",
            " Socialist Youth League of Korea",
            " Prize Council",
            " Square on Monday",
            " Military University",
        ] {
            assert!(modifies_a_persons_name(after), "{after}");
        }
        // A last name no dictionary knows, a headline's verb, a weekday, a
        // lower-case word: the person himself.
        for after in [
            " Ruz, first secretary",
            " Meets Chinese Delegation",
            " Receives Credentials",
            " Praised by Foreigners",
            " Thursday met",
            " met the delegation",
            ", who",
        ] {
            assert!(!modifies_a_persons_name(after), "{after}");
        }
    }

    #[test]
    fn a_run_after_an_article_names_a_body() {
        assert!(runs("the delegations of the Palang Dharma").is_empty());
        assert!(runs("the delegation of the State Great Ikh Hural").is_empty());
        // A personal office between the article and the name keeps it.
        assert_eq!(
            runs("The Foreign Minister Bruno Rodriguez"),
            ["Bruno Rodriguez"]
        );
        assert_eq!(
            runs("led by Vice-Chairman of the Front Denis Polisi"),
            ["Denis Polisi"]
        );
        assert_eq!(
            runs("General Secretary of the Central Committee Michael Chant"),
            ["Michael Chant"]
        );
        // Particles inside a name.
        assert_eq!(runs("headed by Abdullah al-Ahmar"), ["Abdullah al-Ahmar"]);
        assert_eq!(
            runs("Director General Ernesto de Zulueta y Habsburgo-Lorena"),
            ["Ernesto de Zulueta y Habsburgo-Lorena"]
        );
        assert_eq!(runs("Kim Jong Un de facto"), ["Kim Jong Un"]);
        // A word of an office's name is no person's, after a title too.
        assert_eq!(
            runs("Minister of Public Security Le Hong Anh"),
            ["Le Hong Anh"]
        );
        // A run right before a body's word starts the body's name.
        assert_eq!(
            runs("chairman of the Korean Taekwon-Do Committee Kim Kyong Ho"),
            ["Kim Kyong Ho"]
        );
        // A comma starts another item of a list.
        assert_eq!(
            runs("director of the Secretariat of the Federation Council, Andrei Baklanov"),
            ["Andrei Baklanov"]
        );
        assert_eq!(
            runs("Vice-Chairwoman of its Central Committee Chae Chun Hui"),
            ["Chae Chun Hui"]
        );
    }

    #[test]
    fn a_personal_office_or_a_dash_anchors_the_name_after_it() {
        // A common word ("frank", "grant") that starts a name keeps its
        // place after an office in lower case or a dash.
        assert_eq!(runs("headed by its chairman Frank Baude"), ["Frank Baude"]);
        assert_eq!(
            runs("the party's general secretary Frank Hollis"),
            ["Frank Hollis"]
        );
        assert_eq!(runs("(KCNA) -- Frank Engel"), ["Frank Engel"]);
        assert_eq!(
            runs("Secretary-General of the Association for International Friendly Contact Zhou Xinzheng"),
            ["Zhou Xinzheng"]
        );
        // A people or a party's creed is no person.
        assert!(runs("(KCNA) -- Overseas Koreans").is_empty());
        assert!(runs("the Communist Party Marxist Leninist (R)").is_empty());
        // Elsewhere a leading common word still belongs to a body's name.
        assert!(runs("a visitor of Frank Baude").is_empty());
    }

    #[test]
    fn a_run_after_a_bodys_last_word_is_a_person() {
        assert_eq!(
            runs("Deputy to the Supreme People's Assembly So Man Sul"),
            ["So Man Sul"]
        );
        assert_eq!(
            runs("a member of the Central Committee Pak Pong Ju"),
            ["Pak Pong Ju"]
        );
        // The words before a body's last word are still its name.
        assert!(runs("the Palang Dharma Party").is_empty());
    }

    #[test]
    fn an_office_or_body_before_a_name_is_no_part_of_it() {
        assert_eq!(
            runs("Minister of Industry and Foreign Trade Enrico Letta"),
            ["Enrico Letta"]
        );
        // A name right after a title or at the start keeps its first word.
        assert_eq!(runs("Minister Song Il Ho"), ["Song Il Ho"]);
        assert_eq!(runs("Song Il Ho"), ["Song Il Ho"]);
        // Initials, hyphened titles, a month's abbreviation inside a name.
        assert_eq!(runs("Director M. Y. Fradkov"), ["M. Y. Fradkov"]);
        assert_eq!(runs("its President V.I. Yakunin"), ["V.I. Yakunin"]);
        assert_eq!(runs("Secretary A.B. Petrov"), ["A.B. Petrov"]);
        assert_eq!(runs("V.V. Grishkov"), ["V.V. Grishkov"]);
        assert_eq!(runs("Co-Chairmen Kwak Tong Ui"), ["Kwak Tong Ui"]);
        // A personal title that ends the stretch after a given name is a
        // surname; before a name it is the title.
        assert_eq!(runs("led by Robert King, special envoy"), ["Robert King"]);
        assert_eq!(runs("King Norodom Sihanouk"), ["Norodom Sihanouk"]);
        assert!(runs("the Mansudae Hall,").is_empty());
        // Initials alone are no name.
        assert!(runs("Ghanaian Ambassador E. P. to Korea").is_empty());
        assert_eq!(runs("Director M. Y. Fradkov"), ["M. Y. Fradkov"]);
        // "An" is a surname before a name, the article before a noun.
        assert_eq!(runs("headed by An Kuk Thae"), ["An Kuk Thae"]);
        assert!(runs("An International Conference").is_empty());
        assert!(runs("An Indian delegation").is_empty());
        assert_eq!(runs("general manager Zhuang Jun"), ["Zhuang Jun"]);
        // The last word of a body's name ends the body, not starts a name.
        assert_eq!(
            runs("director of the Ensemble Viktor Yeliseev"),
            ["Viktor Yeliseev"]
        );
        assert_eq!(runs("Mayor Aleksandr Sokolov"), ["Aleksandr Sokolov"]);
    }

    #[test]
    fn runs_that_end_in_a_common_word_or_a_body_name_no_person() {
        for body in [
            "the Hyundai Business Group",
            "the Yonhap News",
            "the Sankei Shimbun",
            "the Asian Games",
            "the Korean Social Democratic Party",
        ] {
            assert!(runs(body).is_empty(), "{body}: {:?}", runs(body));
        }
    }

    #[test]
    fn a_lead_in_stretch_runs_past_initials() {
        assert_eq!(
            name_stretch_len("D. Idevkhten arrived."),
            "D. Idevkhten arrived".len()
        );
        assert_eq!(name_stretch_len("Li Bin, ambassador"), "Li Bin".len());
        assert_eq!(name_stretch_len("the U.S. side"), "the U".len());
        assert_eq!(
            name_stretch_len("V.V. Grishkov, first secretary"),
            "V.V. Grishkov".len()
        );
        assert_eq!(
            name_stretch_len("R.B.L. Goswami, head"),
            "R.B.L. Goswami".len()
        );
    }
}
