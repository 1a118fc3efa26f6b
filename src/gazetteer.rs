//! Gazetteers: people, states and places from plain CSV files, matched by
//! an index of their aliases' first bytes (offices by an Aho-Corasick
//! automaton).
//!
//! Files (`people.csv`, `states.csv`, `places.csv`) share the columns `id`,
//! `name` and `aliases` (`|`-separated) and add their own: `country` and
//! `role` for people, `iso3` for states, `country`, `kind`, `lat`, `lon` for
//! places. A folder given later overrides rows of an earlier one by `id`, so a
//! user's own folder layers over the bundled one.
//!
//! Scraped KCNA text glues names to their neighbours ("ComradeKim Jong
//! Uninvited"), so a match need not sit between word boundaries. It is
//! accepted when its edges are either boundaries or glue seams: a title-case
//! word starting right after a letter, a capital right after the name, or a
//! multi-word name running into an ordinary word. A seam is refused when the
//! tail is a suffix that derives a new word ("Russian", "Kim Il Sungism").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use aho_corasick::MatchKind;

use crate::error::{Error, Result};

/// The kind of a gazetteer entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person (`people.csv`).
    Person,
    /// A state or territory (`states.csv`).
    State,
    /// A city or site (`places.csv`).
    Place,
    /// A party, state organ or international body (`organisations.csv`):
    /// it fills a role where a state would, as the state it belongs to or,
    /// for international bodies, as itself.
    Organisation,
}

impl EntityKind {
    /// The lower-case name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::State => "state",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }

    /// Whether an entity of this kind can be a party where a state would:
    /// "talks between the DPRK and the IAEA".
    pub fn is_party_body(self) -> bool {
        matches!(self, EntityKind::State | EntityKind::Organisation)
    }

    fn file_name(self) -> &'static str {
        match self {
            EntityKind::Person => "people.csv",
            EntityKind::State => "states.csv",
            EntityKind::Place => "places.csv",
            EntityKind::Organisation => "organisations.csv",
        }
    }

    /// Columns a file of this kind must have.
    fn required_columns(self) -> &'static [&'static str] {
        match self {
            EntityKind::Person => &["id", "name", "aliases", "country", "role"],
            EntityKind::State => &["id", "name", "aliases", "iso3"],
            EntityKind::Place => &["id", "name", "aliases", "country", "kind", "lat", "lon"],
            EntityKind::Organisation => &["id", "name", "aliases", "country"],
        }
    }
}

/// One row of a gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable identifier (unique within its kind).
    pub id: String,
    /// Person, state or place.
    pub kind: EntityKind,
    /// The canonical name written in outputs.
    pub name: String,
    /// Other spellings; the name itself is always matched too.
    pub aliases: Vec<String>,
    /// The state (its `id` in `states.csv`) a person, place or organisation
    /// belongs to; a state's own id for states. An international body is
    /// its own party (its own id); a joint party ("inter-Korean") lists its
    /// states separated by `|`.
    pub country: String,
    /// A person's office, a place's kind (city, site ...); empty for states.
    pub role: String,
    /// Where the row came from, `file:line`.
    pub origin: String,
    /// The years a person held the role (`valid_from`/`valid_to`, several
    /// terms separated by `|`); empty when unknown.
    pub terms: Vec<(Option<i32>, Option<i32>)>,
    /// The day a person died (`died`), when the gazetteer knows it: nobody
    /// takes part in an event after it.
    pub died: Option<chrono::NaiveDate>,
    /// A place's latitude and longitude (`lat`, `lon`), when the gazetteer
    /// gives both: written beside the place so that a timeline drops into
    /// a map as it is.
    pub coordinates: Option<Coordinates>,
}

/// A point on the globe, in decimal degrees (WGS 84, as GeoNames gives it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coordinates {
    /// Degrees north (negative: south).
    pub latitude: f64,
    /// Degrees east (negative: west).
    pub longitude: f64,
}

impl Entity {
    /// Whether the person held the role in `year` (unknown terms: no).
    pub fn in_office(&self, year: i32) -> bool {
        self.terms
            .iter()
            .any(|(from, to)| from.map_or(true, |f| f <= year) && to.map_or(true, |t| year <= t))
    }
}

/// A gazetteer match in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Index of the entity in [`Gazetteer::entities`].
    pub entity: usize,
}

/// The bundled gazetteers, compiled into the binary so it runs anywhere.
pub const BUNDLED: &[(EntityKind, &str)] = &[
    (EntityKind::Person, include_str!("../gazetteers/people.csv")),
    (EntityKind::State, include_str!("../gazetteers/states.csv")),
    (EntityKind::Place, include_str!("../gazetteers/places.csv")),
    (
        EntityKind::Organisation,
        include_str!("../gazetteers/organisations.csv"),
    ),
];

/// All entities and the index that finds their aliases.
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// Per entity, the names of the states it belongs to, joined by `; `:
    /// a cell of every row of mentions.csv, so made once.
    country_names: Vec<String>,
    by_id: HashMap<(EntityKind, String), usize>,
    /// The aliases by their first bytes: where a name may start, a hash
    /// lookup tells which aliases to compare.
    aliases: AliasIndex,
    /// Which bytes can start a match, after a byte that is not an ASCII
    /// letter or digit (row 0) and after one that is (row 1): a capital
    /// anywhere (a name is never lower-cased, and "DPRKand" is glued), the
    /// first letter of an alias written in lower case ("south Korea") at a
    /// word start only, the first byte of any other alias anywhere. Never a
    /// byte inside a character.
    may_start: [[bool; 256]; 2],
    /// The first two bytes (the second lower-cased) of the aliases written
    /// with a lower-case first letter: where a word starts in lower case,
    /// only such an alias may be named there, as a name's capitals may be
    /// added but never removed. "the" and "south" start aliases; "and",
    /// "said" and "people" start none and are passed over without a lookup.
    lower_case_starts: BytePairs,
    /// Indexes of the people, for offices.
    people: Vec<usize>,
    /// Offices that name a person by rule, and their automaton.
    offices: Vec<Office>,
    /// People whose day of death is known: name and day.
    dead: Vec<(String, chrono::NaiveDate)>,
    office_automaton: aho_corasick::dfa::DFA,
    /// For each pattern (an alias up to ASCII case): its
    /// spellings as the gazetteers write them, and the entities.
    patterns: Vec<(Vec<String>, Vec<usize>)>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.entities.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

impl Gazetteer {
    /// The bundled gazetteers with each folder of `overlays` layered on top,
    /// in order: a row overrides an earlier one with the same kind and id.
    ///
    /// # Errors
    /// Every problem [`check`] finds, one `file:line: what` a line.
    pub fn load(overlays: &[PathBuf]) -> Result<Gazetteer> {
        let (entities, problems) = layer(overlays);
        if !problems.is_empty() {
            let list: Vec<String> = problems.iter().map(Problem::to_string).collect();
            return Err(Error::Usage(format!(
                "the gazetteers have problems:\n{}",
                list.join("\n")
            )));
        }
        let offices = load_offices(overlays)?;
        let mut gazetteer = Gazetteer::from_entities(entities)?;
        gazetteer.office_automaton = office_automaton(&offices)?;
        gazetteer.offices = offices;
        Ok(gazetteer)
    }

    /// Builds the alias index over the given entities.
    ///
    /// # Errors
    /// When the automaton of the bundled offices cannot be built.
    pub fn from_entities(entities: Vec<Entity>) -> Result<Gazetteer> {
        let mut alias_index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
        for (i, entity) in entities.iter().enumerate() {
            let names = std::iter::once(&entity.name).chain(entity.aliases.iter());
            for alias in names.flat_map(|a| apostrophe_variants(a)) {
                if alias.trim().is_empty() {
                    continue;
                }
                let slot = *alias_index
                    .entry(alias.to_ascii_lowercase())
                    .or_insert_with(|| {
                        patterns.push((Vec::new(), Vec::new()));
                        patterns.len() - 1
                    });
                if !patterns[slot].0.contains(&alias) {
                    patterns[slot].0.push(alias.clone());
                }
                if !patterns[slot].1.contains(&i) {
                    patterns[slot].1.push(i);
                }
            }
        }
        let aliases = AliasIndex::new(patterns.iter().map(|(spellings, _)| spellings[0].as_str()));
        let by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.kind, e.id.clone()), i))
            .collect();
        let mut starts = [Start::Never; 256];
        let mut lower_case_starts = BytePairs::default();
        for (spellings, _) in &patterns {
            for alias in spellings {
                let (first, second) = match alias.as_bytes() {
                    [first, second, ..] => (*first, Some(second.to_ascii_lowercase())),
                    [first] => (*first, None),
                    [] => continue,
                };
                starts[first.to_ascii_uppercase() as usize] = Start::Always;
                if !first.is_ascii_lowercase() {
                    continue;
                }
                starts[first as usize] = Start::WordStart;
                // An alias of one byte is named whatever follows it.
                let seconds = match second {
                    Some(second) => second..=second,
                    None => 0..=u8::MAX,
                };
                for second in seconds {
                    lower_case_starts.insert(first, second);
                }
            }
        }
        // A character's continuation bytes start nothing (no alias starts
        // with one, but the table says so by itself).
        for continuation in &mut starts[0x80..0xC0] {
            *continuation = Start::Never;
        }
        let people = (0..entities.len())
            .filter(|&i| entities[i].kind == EntityKind::Person)
            .collect();
        let offices = parse_offices(Path::new("<bundled>/offices.csv"), BUNDLED_OFFICES)?;
        let dead = entities
            .iter()
            .filter_map(|e| e.died.map(|d| (e.name.clone(), d)))
            .collect();
        let mut gazetteer = Gazetteer {
            entities,
            country_names: Vec::new(),
            by_id,
            aliases,
            patterns,
            may_start: [
                starts.map(|s| s != Start::Never),
                starts.map(|s| s == Start::Always),
            ],
            lower_case_starts,
            people,
            office_automaton: office_automaton(&offices)?,
            offices,
            dead,
        };
        gazetteer.country_names = gazetteer
            .entities
            .iter()
            .map(|entity| {
                gazetteer
                    .party_states(entity)
                    .map(|id| gazetteer.state_name(id))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .collect();
        Ok(gazetteer)
    }

    /// Whether the person of this canonical name had died before `day`.
    pub fn dead_before(&self, name: &str, day: chrono::NaiveDate) -> bool {
        self.dead.iter().any(|(n, died)| n == name && *died < day)
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at `index`.
    pub fn entity(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    /// Looks an entity up by kind and id.
    pub fn find(&self, kind: EntityKind, id: &str) -> Option<&Entity> {
        self.by_id
            .get(&(kind, id.to_string()))
            .map(|&i| &self.entities[i])
    }

    /// The canonical name of the state (or international body) with `id`,
    /// or `id` itself.
    pub fn state_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.find(EntityKind::State, id)
            .or_else(|| self.find(EntityKind::Organisation, id))
            .map_or(id, |e| e.name.as_str())
    }

    /// The names of the states the entity at `index` belongs to, joined
    /// by `; `.
    pub fn country_names(&self, index: usize) -> &str {
        &self.country_names[index]
    }

    /// The parties a state or organisation stands for: a state itself, an
    /// organ the state it belongs to, an international body itself, a joint
    /// party ("inter-Korean") each of its states.
    pub fn party_states<'a>(&self, entity: &'a Entity) -> impl Iterator<Item = &'a str> {
        entity.country.split('|').filter(|s| !s.is_empty())
    }

    /// Finds every alias in `text`: leftmost-longest, non-overlapping, with
    /// glue seams accepted as described in the module documentation.
    ///
    /// A match the case or edge rules refuse ("Russian") does not hide a
    /// match that starts inside it: the search resumes one character later.
    ///
    /// At each byte that may start a name, the aliases spelled there (up
    /// to ASCII case) come from a hash lookup of the next four bytes, the
    /// longest first; the rules then choose among them.
    pub fn find_mentions(&self, text: &str) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut mentions = Vec::new();
        let mut start = self.next_start(bytes, 0);
        let mut found = Vec::new();
        while start < bytes.len() {
            // When no alias is accepted here, the next start is tried: a
            // refused match does not hide one that starts inside it.
            let accepted = if self.may_be_named_at(bytes, start) {
                self.accepted_alias(text, start, &mut found)
            } else {
                None
            };
            let Some((pattern, end)) = accepted else {
                start = self.next_start(bytes, start + 1);
                continue;
            };
            let (_, entities) = &self.patterns[pattern];
            // "anti-Japanese", "pro-U.S.": a state that only qualifies a
            // stance is named in passing, never as a party.
            let stance = ["anti-", "Anti-", "pro-", "Pro-"]
                .iter()
                .any(|prefix| text[..start].ends_with(prefix))
                && entities
                    .iter()
                    .all(|&e| self.entities[e].kind == EntityKind::State);
            if !stance {
                mentions.extend(
                    entities
                        .iter()
                        .map(|&entity| Mention { start, end, entity }),
                );
            }
            start = self.next_start(bytes, end);
        }
        mentions
    }

    /// The longest alias at `start` that the case and edge rules accept, as
    /// its pattern and where it ends: "the Syrian Arab republic" is not the
    /// alias "Syrian Arab Republic", but it starts with "Syrian". `found`
    /// is room for the aliases spelled there.
    fn accepted_alias(
        &self,
        text: &str,
        start: usize,
        found: &mut Vec<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        found.clear();
        self.aliases.starting_at(text.as_bytes(), start, found);
        found.iter().copied().find(|&(pattern, end)| {
            let found = &text[start..end];
            self.patterns[pattern]
                .0
                .iter()
                .any(|alias| case_agrees(alias, found) && edges_ok(text, start, end, alias))
        })
    }

    /// Whether a word starting in lower case at `start` may be one of the
    /// aliases written so (see [`Gazetteer::lower_case_starts`]); any other
    /// place may start a name.
    fn may_be_named_at(&self, bytes: &[u8], start: usize) -> bool {
        match bytes.get(start..) {
            Some([first, rest @ ..]) if first.is_ascii_lowercase() => {
                let second = rest.first().map_or(0, u8::to_ascii_lowercase);
                self.lower_case_starts.contains(*first, second)
            }
            _ => true,
        }
    }

    /// The first byte at `from` or after it where a name may start (see
    /// [`Gazetteer::may_start`]), or the end of `bytes`.
    fn next_start(&self, bytes: &[u8], from: usize) -> usize {
        let mut after_word = from > 0 && bytes.get(from - 1).is_some_and(u8::is_ascii_alphanumeric);
        let mut pos = from;
        while let Some(&byte) = bytes.get(pos) {
            if self.may_start[usize::from(after_word)][usize::from(byte)] {
                break;
            }
            after_word = ASCII_ALPHANUMERIC[usize::from(byte)];
            pos += 1;
        }
        pos
    }
}

/// The aliases of a gazetteer by their first bytes, lower-cased (ASCII
/// only, as names are compared up to ASCII case): a hash lookup and a few
/// comparisons at each place a name may start, where an automaton over ten
/// thousand names would walk a table too large for the processor's caches.
/// The aliases of a bucket lie side by side, so a lookup touches little
/// memory.
struct AliasIndex {
    /// Every alias, lower-cased, one after another.
    bytes: Vec<u8>,
    /// Aliases of four bytes or more, bucket by bucket, each bucket
    /// longest first.
    entries: Vec<LongAlias>,
    /// Aliases of four bytes or more by their first four: a range of
    /// `entries`.
    long: crate::hashing::FastMap<u32, std::ops::Range<usize>>,
    /// Aliases of one, two and three bytes by their bytes: patterns.
    short: [crate::hashing::FastMap<u32, Vec<usize>>; 3],
    /// The first bytes of the short aliases, so that most places need no
    /// lookup of them.
    short_first: [bool; 256],
    /// The first two bytes of the short aliases of two and three bytes,
    /// lower-cased: "ROK", "IMF" and "EU" share their first letter with many
    /// capitalised words ("Republic", "In", "Envoy"), and the first two
    /// bytes turn those away without a lookup.
    short_pairs: BytePairs,
}

/// A set of pairs of bytes, one bit each: 8 KiB, which stay in the
/// processor's fastest cache, and one look tells whether a pair is in.
struct BytePairs(Box<[u64; 1 << 10]>);

impl Default for BytePairs {
    fn default() -> BytePairs {
        BytePairs(Box::new([0; 1 << 10]))
    }
}

impl BytePairs {
    fn insert(&mut self, first: u8, second: u8) {
        let bit = Self::bit(first, second);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn contains(&self, first: u8, second: u8) -> bool {
        let bit = Self::bit(first, second);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(first: u8, second: u8) -> usize {
        usize::from(first) << 8 | usize::from(second)
    }
}

/// An alias of [`AliasIndex::entries`]: its pattern and where its bytes lie
/// in [`AliasIndex::bytes`].
#[derive(Clone, Copy)]
struct LongAlias {
    pattern: usize,
    offset: usize,
    len: usize,
    /// Its bytes after the first four, up to four of them, as [`key`]
    /// makes them: a bucket holds dozens of aliases ("Republic of ...",
    /// "Port ..."), and one comparison of numbers turns away most of them.
    next: u32,
    /// The bytes of `next` that count.
    next_mask: u32,
}

impl AliasIndex {
    fn new<'a>(aliases: impl Iterator<Item = &'a str>) -> AliasIndex {
        let mut index = AliasIndex {
            bytes: Vec::new(),
            entries: Vec::new(),
            long: HashMap::default(),
            short: Default::default(),
            short_first: [false; 256],
            short_pairs: BytePairs::default(),
        };
        let mut buckets: HashMap<u32, Vec<LongAlias>> = HashMap::new();
        for (pattern, alias) in aliases.enumerate() {
            let lower = alias.as_bytes().to_ascii_lowercase();
            match lower.len() {
                0 => {}
                n @ 1..=3 => {
                    index.short_first[lower[0] as usize] = true;
                    if n >= 2 {
                        index.short_pairs.insert(lower[0], lower[1]);
                    }
                    index.short[n - 1]
                        .entry(key(&lower))
                        .or_default()
                        .push(pattern);
                }
                len => buckets
                    .entry(key(&lower[..4]))
                    .or_default()
                    .push(LongAlias {
                        pattern,
                        offset: index.bytes.len(),
                        len,
                        next: key(&lower[4..len.min(8)]),
                        next_mask: key_mask(len.min(8) - 4),
                    }),
            }
            index.bytes.extend_from_slice(&lower);
        }
        // Buckets in key order, so that the layout does not depend on the
        // hash map's.
        let mut buckets: Vec<(u32, Vec<LongAlias>)> = buckets.into_iter().collect();
        buckets.sort_unstable_by_key(|(key, _)| *key);
        for (key, mut bucket) in buckets {
            bucket.sort_by(|a, b| b.len.cmp(&a.len).then(a.pattern.cmp(&b.pattern)));
            let start = index.entries.len();
            index.entries.extend(bucket);
            index.long.insert(key, start..index.entries.len());
        }
        index
    }

    /// Every alias spelled at `start` (up to ASCII case), as its pattern
    /// and where it ends, the longest first.
    fn starting_at(&self, bytes: &[u8], start: usize, found: &mut Vec<(usize, usize)>) {
        let rest = &bytes[start..];
        if rest.len() >= 4 {
            if let Some(range) = self.long.get(&key(&rest[..4])) {
                let next = key(&rest[4..rest.len().min(8)]);
                for &LongAlias {
                    pattern,
                    offset,
                    len,
                    next: alias_next,
                    next_mask,
                } in &self.entries[range.clone()]
                {
                    if rest.len() >= len
                        && next & next_mask == alias_next
                        && rest[4..len].eq_ignore_ascii_case(&self.bytes[offset + 4..offset + len])
                    {
                        found.push((pattern, start + len));
                    }
                }
            }
        }
        if !rest
            .first()
            .is_some_and(|b| self.short_first[b.to_ascii_lowercase() as usize])
        {
            return;
        }
        let pair_starts_one = rest.len() >= 2
            && self
                .short_pairs
                .contains(rest[0].to_ascii_lowercase(), rest[1].to_ascii_lowercase());
        for len in (1..=3).rev() {
            if rest.len() < len || (len >= 2 && !pair_starts_one) {
                continue;
            }
            if let Some(bucket) = self.short[len - 1].get(&key(&rest[..len])) {
                found.extend(bucket.iter().map(|&pattern| (pattern, start + len)));
            }
        }
    }
}

/// Up to four bytes, lower-cased, as one number (each map holds keys of
/// one length).
fn key(bytes: &[u8]) -> u32 {
    let mut word = [0u8; 4];
    for (slot, byte) in word.iter_mut().zip(bytes) {
        *slot = byte.to_ascii_lowercase();
    }
    u32::from_le_bytes(word)
}

/// `u8::is_ascii_alphanumeric` as a table: [`Gazetteer::next_start`] asks
/// it of every byte of a text, and one load is cheaper than its three
/// range checks.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// The bits of the first `n` bytes (up to four) of a [`key`].
fn key_mask(n: usize) -> u32 {
    match n {
        0 => 0,
        1..=3 => (1u32 << (8 * n)) - 1,
        _ => u32::MAX,
    }
}

/// Whether a byte can start a gazetteer match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    Never,
    Always,
    WordStart,
}

/// Both apostrophes news uses, so that "People's" finds "People’s".
fn apostrophe_variants(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    if alias.contains('\'') {
        out.push(alias.replace('\'', "\u{2019}"));
    } else if alias.contains('\u{2019}') {
        out.push(alias.replace('\u{2019}', "'"));
    }
    out
}

/// Aliases are found up to ASCII case; this puts back the case rules a reader
/// applies: the text may capitalise what the alias writes in lower case
/// ("South Korea" for "south Korea", "Kim Jong UN", wire text of the 1990s
/// in capitals), but may not lower-case a name ("guinea pigs" is not Guinea).
fn case_agrees(alias: &str, found: &str) -> bool {
    if found == alias {
        return true;
    }
    if !found.chars().any(char::is_lowercase) {
        return true;
    }
    // Capitals may be added ("South Korea", "Kim Jong UN"), never removed.
    alias
        .chars()
        .zip(found.chars())
        .all(|(a, f)| a == f || (a.is_lowercase() && f.is_uppercase()))
}

/// Suffixes that turn a name into another word: a glued tail made of one of
/// these is part of a longer word, not a seam.
const DERIVING_SUFFIXES: &[&str] = &[
    "s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ia", "ic", "ics", "ism",
    "isms", "ist", "ists", "ite", "ites", "ization", "ized", "ern",
];

/// Suffixes that make a longer word of a person's full name.
const NAME_SUFFIXES: &[&str] = &[
    "s", "es", "ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians",
];

fn edges_ok(text: &str, start: usize, end: usize, alias: &str) -> bool {
    let found = &text[start..end];
    let before = text[..start].chars().next_back();
    let left_ok = match before {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        // A glue seam on the left: the name starts a title-case word.
        Some(_) => starts_title_case(found),
    };
    if !left_ok {
        return false;
    }
    let after = &text[end..];
    let Some(next) = after.chars().next() else {
        return true;
    };
    if !next.is_alphanumeric() {
        return true;
    }
    if next.is_ascii_digit() {
        return false;
    }
    // A title-case word glued on the right ("Kim Il SungSquare").
    if starts_title_case(after) {
        return true;
    }
    let last = found.chars().next_back().unwrap_or(' ');
    let tail: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    if !tail.chars().all(char::is_lowercase) {
        return false;
    }
    // "Kim Jong Uninvited", "Kim Jong Unis": a multi-word name running into
    // a word; only "Kim Il Sungism" and the like are longer words.
    if alias.contains(' ') {
        return !NAME_SUFFIXES.contains(&tail.as_str());
    }
    // "DPRKand": an acronym running into a lower-case word.
    let acronym = last.is_uppercase() && found.chars().filter(|c| c.is_alphabetic()).count() > 1;
    acronym && !DERIVING_SUFFIXES.contains(&tail.as_str())
}

fn starts_title_case(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// Lower-case words common in news: an alias spelled like one of them would
/// match ordinary text.
const COMMON_WORDS: &str = include_str!("../gazetteers/common-words.txt");

/// Whether `lower` (a lower-case word) is common in news: "trade",
/// "committee", "central". Such a word at the head of a run of capitalised
/// words belongs to an office or a body, not to a person's name.
pub fn is_common_word(lower: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            COMMON_WORDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::trim)
                .collect()
        })
        .contains(lower)
}

/// The shortest and longest names a gazetteer may hold: a one-letter alias
/// would match every "a"; a name of a page is a mistake.
const MIN_ALIAS_CHARS: usize = 2;
const MAX_ALIAS_CHARS: usize = 200;

/// A problem `eventline gazetteer check` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `file:line`.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Checks the bundled gazetteers with `overlays` layered on top: malformed
/// rows and duplicate ids (as [`parse_entities`] reports them), one alias
/// on two entities of the same kind, and aliases that are common words.
/// Returns every problem, not only the first.
pub fn check(overlays: &[PathBuf]) -> Vec<Problem> {
    let mut problems = layer(overlays).1;
    for dir in overlays {
        problems.extend(unknown_files(dir));
    }
    problems
}

/// The files a gazetteer folder may hold: the entity lists, the lexicon
/// (triggers, document names, treaties, word lists) and the lists bundled
/// with eventline (offices, common words).
pub const KNOWN_FILES: &[&str] = &[
    "people.csv",
    "states.csv",
    "places.csv",
    "organisations.csv",
    "events.csv",
    "documents.csv",
    "treaties.csv",
    "words.csv",
    "offices.csv",
    "common-words.txt",
];

/// The `.csv` and `.txt` files of a gazetteer folder that eventline does
/// not read: a misnamed list ("person.csv") would be silently ignored.
fn unknown_files(dir: &Path) -> Vec<Problem> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv") || n.ends_with(".txt"))
        .filter(|n| !KNOWN_FILES.contains(&n.as_str()))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| Problem {
            origin: dir.join(&name).display().to_string(),
            message: format!(
                "not a gazetteer file eventline reads (it reads {})",
                KNOWN_FILES.join(", ")
            ),
        })
        .collect()
}

/// The layered entities and every problem of the files and rows.
fn layer(overlays: &[PathBuf]) -> (Vec<Entity>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files: Vec<(EntityKind, PathBuf, Vec<u8>)> = BUNDLED
        .iter()
        .map(|(kind, text)| {
            (
                *kind,
                PathBuf::from(format!("<bundled>/{}", kind.file_name())),
                text.as_bytes().to_vec(),
            )
        })
        .collect();
    for dir in overlays {
        if !dir.is_dir() {
            problems.push(Problem {
                origin: dir.display().to_string(),
                message: "no such gazetteer folder".into(),
            });
            continue;
        }
        for kind in [
            EntityKind::Person,
            EntityKind::State,
            EntityKind::Place,
            EntityKind::Organisation,
        ] {
            let path = dir.join(kind.file_name());
            match std::fs::read(&path) {
                Ok(bytes) => files.push((kind, path, bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => problems.push(Problem {
                    origin: path.display().to_string(),
                    message: e.to_string(),
                }),
            }
        }
    }
    let mut layered: Vec<Entity> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (kind, path, bytes) in &files {
        match parse_entities(*kind, path, bytes) {
            Ok(rows) => {
                for row in rows {
                    match index.get(&(row.kind, row.id.clone())) {
                        Some(&i) => layered[i] = row,
                        None => {
                            index.insert((row.kind, row.id.clone()), layered.len());
                            layered.push(row);
                        }
                    }
                }
            }
            Err(Error::Gazetteer {
                path,
                line,
                message,
            }) => problems.push(Problem {
                origin: format!("{}:{line}", path.display()),
                message,
            }),
            Err(e) => problems.push(Problem {
                origin: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
    let common: std::collections::HashSet<&str> = COMMON_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::trim)
        .collect();
    let mut owner: HashMap<(EntityKind, String), usize> = HashMap::new();
    // A person's, place's or body's state is a state or a body the
    // gazetteers know ("UN" for the Secretary-General).
    let parties: std::collections::HashSet<&str> = layered
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::State | EntityKind::Organisation))
        .map(|e| e.id.as_str())
        .collect();
    // States and bodies are parties by their ids: one id on both would
    // make "the NAM summit" a summit of Namibia.
    let state_ids: std::collections::HashSet<&str> = layered
        .iter()
        .filter(|e| e.kind == EntityKind::State)
        .map(|e| e.id.as_str())
        .collect();
    for entity in layered
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation && state_ids.contains(e.id.as_str()))
    {
        problems.push(Problem {
            origin: entity.origin.clone(),
            message: format!(
                "id {:?} of an organisation is also a state's id in states.csv",
                entity.id
            ),
        });
    }
    for (i, entity) in layered.iter().enumerate() {
        if entity.kind != EntityKind::State {
            for code in entity.country.split('|').filter(|c| !c.is_empty()) {
                if !parties.contains(code) {
                    problems.push(Problem {
                        origin: entity.origin.clone(),
                        message: format!(
                            "country {code:?} of {:?} is no state or body of states.csv or organisations.csv",
                            entity.id
                        ),
                    });
                }
            }
        }
        for alias in std::iter::once(&entity.name).chain(&entity.aliases) {
            let length = alias.chars().count();
            if !(MIN_ALIAS_CHARS..=MAX_ALIAS_CHARS).contains(&length) {
                problems.push(Problem {
                    origin: entity.origin.clone(),
                    message: format!(
                        "alias {:?} of {:?} has {length} characters (a name has {MIN_ALIAS_CHARS} to {MAX_ALIAS_CHARS})",
                        alias.chars().take(40).collect::<String>(),
                        entity.id
                    ),
                });
                continue;
            }
            let key = alias.to_ascii_lowercase();
            if common.contains(key.as_str()) {
                problems.push(Problem {
                    origin: entity.origin.clone(),
                    message: format!("alias {alias:?} of {:?} is a common word", entity.id),
                });
            }
            match owner.get(&(entity.kind, key.clone())) {
                Some(&j) if j != i => problems.push(Problem {
                    origin: entity.origin.clone(),
                    message: format!(
                        "alias {alias:?} of {:?} is also an alias of {:?} ({})",
                        entity.id, layered[j].id, layered[j].origin
                    ),
                }),
                Some(_) => {}
                None => {
                    owner.insert((entity.kind, key), i);
                }
            }
        }
    }
    (layered, problems)
}

fn get_optional(record: &csv::StringRecord, index: Option<usize>) -> &str {
    index.and_then(|i| record.get(i)).unwrap_or("").trim()
}

/// Terms of office: `2000|2012` and `2008|` are 2000-2008 and 2012 on.
fn parse_terms(
    from: &str,
    to: &str,
) -> std::result::Result<Vec<(Option<i32>, Option<i32>)>, String> {
    if from.is_empty() && to.is_empty() {
        return Ok(Vec::new());
    }
    let year = |s: &str| -> std::result::Result<Option<i32>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.get(..4)
            .and_then(|y| y.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{s:?} is not a year (YYYY or YYYY-MM-DD)"))
    };
    let froms: Vec<&str> = from.split('|').collect();
    let tos: Vec<&str> = to.split('|').collect();
    if froms.len() != tos.len() && !(to.is_empty() && froms.len() == 1) {
        return Err(format!(
            "valid_from {from:?} and valid_to {to:?} list different numbers of terms"
        ));
    }
    froms
        .iter()
        .enumerate()
        .map(|(i, f)| Ok((year(f)?, year(tos.get(i).copied().unwrap_or(""))?)))
        .collect()
}

/// The bundled offices (`gazetteers/offices.csv`): offices named by rule
/// ("the Russian President", "the DPRK foreign minister", "President of
/// China"), each a phrase and the words one of which a person's `role` must
/// contain.
const BUNDLED_OFFICES: &str = include_str!("../gazetteers/offices.csv");

/// An office phrase and the roles that hold it.
#[derive(Clone, Debug)]
struct Office {
    phrase: String,
    roles: Vec<String>,
}

/// Reads `offices.csv` text: `phrase,roles`, roles separated by `|`.
fn parse_offices(path: &Path, text: &str) -> Result<Vec<Office>> {
    let mut offices = Vec::new();
    for (line, record) in crate::data::csv_rows(path, text)? {
        let phrase = record.get(0).unwrap_or("").trim().to_lowercase();
        let roles: Vec<String> = record
            .get(1)
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        if phrase.is_empty() || roles.is_empty() {
            return Err(Error::Gazetteer {
                path: path.to_path_buf(),
                line,
                message: "an office needs a phrase and at least one role".into(),
            });
        }
        offices.push(Office { phrase, roles });
    }
    Ok(offices)
}

/// The bundled offices with each folder's `offices.csv` layered on top: a
/// row replaces an earlier one with the same phrase.
fn load_offices(overlays: &[PathBuf]) -> Result<Vec<Office>> {
    let mut offices = parse_offices(Path::new("<bundled>/offices.csv"), BUNDLED_OFFICES)?;
    for dir in overlays {
        let path = dir.join("offices.csv");
        if !path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        for office in parse_offices(&path, &text)? {
            offices.retain(|o| o.phrase != office.phrase);
            offices.push(office);
        }
    }
    Ok(offices)
}

/// Whether a capitalised word follows, making what stands before it part
/// of a longer name: "South Korean| Hyundai Business Group".
fn qualifies_a_name(after: &str) -> bool {
    crate::segment::next_word(after).is_some_and(|word| {
        word.chars().next().is_some_and(char::is_uppercase)
            && !matches!(word, "On" | "In" | "At" | "And" | "The" | "For")
    })
}

/// The offices' phrases in any ASCII case, as a DFA that
/// [`crate::scan::each_overlapping`] reads.
fn office_automaton(offices: &[Office]) -> Result<aho_corasick::dfa::DFA> {
    aho_corasick::dfa::Builder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(offices.iter().map(|o| &o.phrase))
        .map_err(|e| Error::Usage(format!("office automaton: {e}")))
}

impl Gazetteer {
    /// People named by their office and state rather than their name: "the
    /// Russian President" in a 2002 article is the person who held the office
    /// in 2002 (`valid_from`/`valid_to`). `mentions` are the name mentions;
    /// the result holds them and the offices found, sorted by start. An
    /// office followed by a name ("Foreign Minister Choe Son Hui") is left
    /// to the name.
    pub fn with_offices(&self, text: &str, mentions: Vec<Mention>, year: i32) -> Vec<Mention> {
        let mut hits = Vec::new();
        for window in self.office_windows(text, &mentions) {
            let bytes = &text.as_bytes()[window.clone()];
            crate::scan::each_overlapping(&self.office_automaton, bytes, |pattern, start, end| {
                let span = window.start + start..window.start + end;
                hits.push(aho_corasick::Match::must(pattern, span));
            });
        }
        self.offices_among(text, mentions, year, hits)
    }

    /// Where an office can name a person: right after a state's name, or
    /// just before " of " or " of the " and one. An office elsewhere names
    /// nobody, so only these stretches are searched, not the whole text;
    /// they come in order and do not overlap.
    fn office_windows(&self, text: &str, mentions: &[Mention]) -> Vec<std::ops::Range<usize>> {
        let longest = self
            .offices
            .iter()
            .map(|o| o.phrase.len())
            .max()
            .unwrap_or(0);
        let mut stretches: Vec<std::ops::Range<usize>> = Vec::new();
        for m in mentions {
            if self.entities[m.entity].kind != EntityKind::State {
                continue;
            }
            // "President of (the) Russian Federation": the office ends 4 or
            // 8 bytes before the state.
            stretches.push(m.start.saturating_sub(8 + longest)..m.start.saturating_sub(4));
            // "the Russian President": white space, then the office.
            let rest = &text[m.end..];
            let space = rest.len() - rest.trim_start().len();
            stretches.push(m.end..(m.end + space + longest).min(text.len()));
        }
        stretches.sort_by_key(|w| w.start);
        let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
        for stretch in stretches {
            match windows.last_mut() {
                Some(last) if stretch.start <= last.end => last.end = last.end.max(stretch.end),
                _ => windows.push(stretch),
            }
        }
        windows
    }

    /// [`Gazetteer::with_offices`] with the office phrases found in `text`
    /// given, in the order of an overlapping search.
    fn offices_among(
        &self,
        text: &str,
        mentions: Vec<Mention>,
        year: i32,
        hits: Vec<aho_corasick::Match>,
    ) -> Vec<Mention> {
        let mut found = Vec::new();
        for hit in hits {
            let (at, end) = (hit.start(), hit.end());
            let roles = &self.offices[hit.pattern().as_usize()].roles;
            {
                let bounded = !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '-')
                    && !text[end..].starts_with(|c: char| c.is_alphanumeric());
                // Mentions are sorted and do not overlap: the ones around the
                // office are found by binary search.
                let next = mentions.partition_point(|m| m.start < end);
                let previous = mentions.partition_point(|m| m.end <= at);
                let overlapped = mentions.get(previous).is_some_and(|m| m.start < end);
                if !bounded || overlapped {
                    continue;
                }
                let state_of = |m: &Mention| {
                    let e = &self.entities[m.entity];
                    (e.kind == EntityKind::State).then(|| e.id.clone())
                };
                // "the DPRK foreign minister" / "the Russian President"
                let before = previous
                    .checked_sub(1)
                    .map(|i| &mentions[i])
                    .filter(|m| text[m.end..at].trim().is_empty());
                // "President of (the) Russian Federation"
                let rest = &text[end..];
                let starts_with = |s: &str| {
                    rest.get(..s.len())
                        .is_some_and(|r| r.eq_ignore_ascii_case(s))
                };
                let after = if starts_with(" of ") {
                    // The state's name may start with "the" ("the Russian Federation").
                    let skip = if starts_with(" of the ") { 8 } else { 4 };
                    mentions[next..]
                        .iter()
                        .take(2)
                        .find(|m| m.start == end + 4 || m.start == end + skip)
                        // "Honorary President of the South Korean Hyundai
                        // Business Group": a state that qualifies a body's
                        // name is not the office's.
                        .filter(|m| !qualifies_a_name(&text[m.end..]))
                } else {
                    None
                };
                let Some(state) = before
                    .and_then(state_of)
                    .or_else(|| after.and_then(state_of))
                else {
                    continue;
                };
                // A name right after the office is the person.
                let named = mentions.get(next).is_some_and(|m| {
                    text[end..m.start].trim().is_empty()
                        && self.entities[m.entity].kind == EntityKind::Person
                });
                // So is one no gazetteer knows: "Vietnamese President Nguyen
                // Van Minh", two capitalised words that are no common words.
                let unknown_name = {
                    let mut next_words = rest.split_whitespace().take(2);
                    let name_like = |w: Option<&str>| {
                        w.is_some_and(|w| {
                            let w = w.trim_end_matches([',', '.', ';', ':']);
                            w.starts_with(char::is_uppercase)
                                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                                && !(w.chars().count() > 4 && is_common_word(&w.to_lowercase()))
                                && !crate::resolve::is_calendar_word(w)
                        })
                    };
                    rest.starts_with(' ')
                        && name_like(next_words.next())
                        && name_like(next_words.next())
                };
                // "Jimmy Carter, former president of the U.S.": an office a
                // name's apposition gives, or a former one ("the then prime
                // minister"), is that name's, not its holder's of the
                // report's year.
                let office_start = before.map_or(at, |m| m.start.min(at));
                let former = text[..office_start]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| {
                        ["former", "ex", "then"]
                            .iter()
                            .any(|f| w.eq_ignore_ascii_case(f))
                    });
                let before = text[..at].trim_end();
                let appositive = before
                    .strip_suffix(',')
                    .and_then(|b| b.rsplit(char::is_whitespace).next())
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
                if named || unknown_name || former || appositive {
                    continue;
                }
                let holders: Vec<usize> = self
                    .people
                    .iter()
                    .map(|&i| (i, &self.entities[i]))
                    .filter(|(_, e)| e.country == state && e.in_office(year))
                    .filter(|(_, e)| roles.iter().any(|r| holds(&e.role, r)))
                    .map(|(i, _)| i)
                    .collect();
                if let [holder] = holders[..] {
                    found.push(Mention {
                        start: at,
                        end,
                        entity: holder,
                    });
                }
            }
        }
        // "minister of national defence" and "minister of defence" may both match.
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        found.dedup_by(|b, a| b.start < a.end);
        let mut all = mentions;
        all.extend(found);
        all.sort_by_key(|m| (m.start, m.end));
        all
    }
}

/// Whether a role names the office, not a deputy of it ("Vice-President").
fn holds(role: &str, office: &str) -> bool {
    let lower = role.to_ascii_lowercase();
    let office = office.to_ascii_lowercase();
    lower.match_indices(&office).any(|(at, _)| {
        let before = &lower[..at];
        !(before.ends_with("vice-") || before.ends_with("vice ") || before.ends_with("deputy "))
    })
}

/// Parses one gazetteer file of `kind`.
///
/// # Errors
/// `file:line: problem` for a missing column, an empty id or name, a
/// duplicate id, or a CSV syntax error.
pub fn parse_entities(kind: EntityKind, path: &Path, bytes: &[u8]) -> Result<Vec<Entity>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let fail = |line: u64, message: String| Error::Gazetteer {
        path: path.to_path_buf(),
        line,
        message,
    };
    // Lines starting with `#` are comments.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .comment(Some(b'#'))
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| fail(1, e.to_string()))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut columns = HashMap::new();
    for name in kind.required_columns() {
        match column(name) {
            Some(i) => {
                columns.insert(*name, i);
            }
            None => return Err(fail(1, format!("missing column {name:?}"))),
        }
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut entities = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(fail(line, e.to_string()));
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |name: &str| {
            columns
                .get(name)
                .and_then(|&i| record.get(i))
                .unwrap_or("")
                .trim()
        };
        let id = get("id").to_string();
        if id.starts_with('#') {
            continue;
        }
        let name = get("name").to_string();
        if id.is_empty() {
            return Err(fail(line, "empty id".into()));
        }
        if name.is_empty() {
            return Err(fail(line, format!("entity {id:?} has an empty name")));
        }
        if let Some(first) = seen.insert(id.clone(), line) {
            return Err(fail(
                line,
                format!("duplicate id {id:?} (first on line {first})"),
            ));
        }
        let aliases = get("aliases")
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        let (country, role) = match kind {
            EntityKind::Person => (get("country").to_string(), get("role").to_string()),
            EntityKind::State => (id.clone(), String::new()),
            EntityKind::Place => (get("country").to_string(), get("kind").to_string()),
            EntityKind::Organisation => match get("country") {
                "" => (id.clone(), String::new()),
                states => (states.to_string(), String::new()),
            },
        };
        let mut degrees = [None, None];
        if kind == EntityKind::Place {
            for (slot, (name, range)) in [("lat", 90.0), ("lon", 180.0)].into_iter().enumerate() {
                let text = get_optional(&record, column(name));
                if text.is_empty() {
                    continue;
                }
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() && v.abs() <= range => degrees[slot] = Some(v),
                    _ => {
                        return Err(fail(
                            line,
                            format!(
                            "{name} {text:?} of {id:?} is not a number from -{range} to {range}"
                        ),
                        ))
                    }
                }
            }
        }
        let terms = if kind == EntityKind::Person {
            parse_terms(
                get_optional(&record, column("valid_from")),
                get_optional(&record, column("valid_to")),
            )
            .map_err(|message| fail(line, message))?
        } else {
            Vec::new()
        };
        let died = match get_optional(&record, column("died")) {
            "" => None,
            text => Some(
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| fail(line, format!("died {text:?} is not YYYY-MM-DD")))?,
            ),
        };
        entities.push(Entity {
            id,
            kind,
            name,
            aliases,
            country,
            role,
            origin: format!("{}:{line}", path.display()),
            terms,
            died,
            coordinates: match degrees {
                [Some(latitude), Some(longitude)] => Some(Coordinates {
                    latitude,
                    longitude,
                }),
                _ => None,
            },
        });
    }
    Ok(entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index finds, at every byte, exactly the aliases spelled there up
    /// to ASCII case, the longest first: what a scan of every alias finds.
    #[test]
    fn the_alias_index_finds_what_a_scan_of_every_alias_finds() {
        let aliases = [
            "UN",
            "U.S.",
            "Kim",
            "Kim Jong",
            "Kim Jong Un",
            "Korea",
            "South Korea",
            "X",
            "Pyongyang\u{2019}s",
            "kimchi",
            "Sa",
            "San",
            "San Marino",
            // Short ones whose first two bytes start many other words.
            "ROK",
            "G-7",
            // One bucket, told apart by the bytes after the first four.
            "Repub",
            "Republic",
            "Republic of Cuba",
            "Republic of Korea",
            "Reputation",
        ];
        let index = AliasIndex::new(aliases.iter().copied());
        let text = "KIM JONG UN met the U.S. envoy in South Korea; un kimchi, X, \
                    Pyongyang\u{2019}s San Marino, Sa, KIM, kim jong, U.S, the \
                    Republic of Korea, REPUBLIC OF CUBA, Republican, Repu, Repub, \
                    Rok, ROK, Ro, Roma, G-7, g-7, G-8, G7";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            let mut found = Vec::new();
            index.starting_at(bytes, start, &mut found);
            let mut expected: Vec<(usize, usize)> = aliases
                .iter()
                .enumerate()
                .filter(|(_, a)| {
                    bytes.len() - start >= a.len()
                        && bytes[start..start + a.len()].eq_ignore_ascii_case(a.as_bytes())
                })
                .map(|(i, a)| (i, start + a.len()))
                .collect();
            expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            assert_eq!(found, expected, "at byte {start}");
        }
    }

    /// Where a word starts in lower case, only an alias written with that
    /// lower-case letter may be named, so the places whose first two bytes
    /// start none of those are passed over without a lookup; every other
    /// place is looked up as before.
    #[test]
    fn lower_case_words_are_looked_up_only_where_a_lower_case_alias_starts() {
        let gazetteer = Gazetteer::from_entities(vec![
            entity(EntityKind::State, "KOR", "south Korea", &["s. Korea"], ""),
            entity(EntityKind::Place, "kremlin", "the Kremlin", &["x"], "RUS"),
            entity(EntityKind::State, "SOM", "Somalia", &["Angola"], ""),
            entity(
                EntityKind::Place,
                "agr",
                "agreement on reconciliation",
                &[],
                "KOR",
            ),
        ])
        .unwrap();
        let text = "and said the Kremlin, THE KREMLIN and the kremlin; sOUTH Korea, s. Korea \
                    and somalia, Somalia, angola, Angola, ANGOLA; x, xylophone, the, so, \
                    agreement on reconciliation, s";
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut passed_over = Vec::new();
        for start in 0..bytes.len() {
            if gazetteer.next_start(bytes, start) != start {
                continue;
            }
            let accepted = gazetteer.accepted_alias(text, start, &mut found);
            if gazetteer.may_be_named_at(bytes, start) {
                continue;
            }
            assert_eq!(accepted, None, "an alias at byte {start} was passed over");
            passed_over.push(&text[start..(start + 3).min(text.len())]);
        }
        assert_eq!(passed_over, ["and", "sai", "and", "and", "ang", "s"]);
        let names: Vec<&str> = gazetteer
            .find_mentions(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            names,
            [
                "the Kremlin",
                "THE KREMLIN",
                "sOUTH Korea",
                "s. Korea",
                "Somalia",
                "Angola",
                "ANGOLA",
                "x",
                "agreement on reconciliation"
            ]
        );
    }

    /// A name starts at a capital or another first byte of an alias
    /// anywhere, at an alias's lower-case first letter only where a word
    /// starts, and never inside a character.
    #[test]
    fn names_are_looked_for_where_one_may_start() {
        let gazetteer = Gazetteer::from_entities(vec![
            entity(EntityKind::State, "KOR", "south Korea", &["(Korea)"], ""),
            entity(
                EntityKind::Place,
                "seoul",
                "Seoul",
                &["\u{c11c}\u{c6b8}"],
                "KOR",
            ),
        ])
        .unwrap();
        let text = "Seoul, southKorea and south Korea (Korea) sent \u{c11c}\u{c6b8}\u{c11c} \
                    its Southern envoys; sOUTH, 9s";
        let bytes = text.as_bytes();
        let may_start = |pos: usize| {
            let byte = bytes[pos];
            let after_word = pos > 0 && bytes[pos - 1].is_ascii_alphanumeric();
            match byte {
                b'S' | b'(' | 0xEC => true,
                b's' => !after_word,
                _ => false,
            }
        };
        let mut expected = Vec::new();
        let mut found = Vec::new();
        for from in 0..=bytes.len() {
            expected.push(
                (from..bytes.len())
                    .find(|&p| may_start(p))
                    .unwrap_or(bytes.len()),
            );
            found.push(gazetteer.next_start(bytes, from));
        }
        assert_eq!(found, expected);
    }

    fn entity(kind: EntityKind, id: &str, name: &str, aliases: &[&str], country: &str) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            country: country.into(),
            role: String::new(),
            origin: String::new(),
            terms: Vec::new(),
            died: None,
            coordinates: None,
        }
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_entities(vec![
            entity(EntityKind::Person, "kju", "Kim Jong Un", &[], "PRK"),
            entity(EntityKind::Person, "kji", "Kim Jong Il", &[], "PRK"),
            entity(EntityKind::Person, "kis", "Kim Il Sung", &[], "PRK"),
            entity(
                EntityKind::Person,
                "putin",
                "Vladimir Putin",
                &["Putin"],
                "RUS",
            ),
            entity(
                EntityKind::State,
                "RUS",
                "Russia",
                &["Russian Federation"],
                "RUS",
            ),
            entity(
                EntityKind::State,
                "KOR",
                "South Korea",
                &["south Korea"],
                "KOR",
            ),
            entity(EntityKind::State, "GIN", "Guinea", &[], "GIN"),
            entity(
                EntityKind::State,
                "PRK",
                "DPRK",
                &["Democratic People's Republic of Korea"],
                "PRK",
            ),
            entity(EntityKind::Place, "pyongyang", "Pyongyang", &[], "PRK"),
        ])
        .unwrap()
    }

    /// `(haystack, expected matched texts)`, in the manner of aho-corasick's tables.
    const CASES: &[(&str, &[&str])] = &[
        ("Kim Jong Un met Putin.", &["Kim Jong Un", "Putin"]),
        (
            "The respected ComradeKim Jong Uninvited labor innovators",
            &["Kim Jong Un"],
        ),
        ("wishedKim Jong Un good health", &["Kim Jong Un"]),
        ("SecretaryKim Jong Unis the most", &["Kim Jong Un"]),
        ("whenKim Jong Unis determined", &["Kim Jong Un"]),
        ("HEKim Jong Un", &["Kim Jong Un"]),
        (
            "respected Comrade Kim Jong UN, the DPRK",
            &["Kim Jong Un", "DPRK"],
        ),
        ("atKim Il SungSquare", &["Kim Il Sung"]),
        (
            "Kim Jong Iland Kim Jong Un",
            &["Kim Jong Il", "Kim Jong Un"],
        ),
        ("the DPRKand Russia", &["DPRK", "Russia"]),
        ("KIM JONG IL VISITED RUSSIA", &["Kim Jong Il", "Russia"]),
        ("the Russian Federation", &["Russian Federation"]),
        (
            "South Korea and south Korea",
            &["South Korea", "South Korea"],
        ),
        (
            "Democratic People’s Republic of Korea",
            &["Democratic People's Republic of Korea"],
        ),
        // Negative: derived words, lower-cased names, names inside words.
        ("Russian troops", &[]),
        ("the Kim Il Sungism of", &[]),
        ("guinea pigs", &[]),
        ("Pyongyangites", &[]),
        ("Computin", &[]),
        ("Putinka", &[]),
    ];

    #[test]
    fn alias_table() {
        let g = gazetteer();
        for (haystack, expected) in CASES {
            let found: Vec<String> = g
                .find_mentions(haystack)
                .iter()
                .map(|m| {
                    let e = g.entity(m.entity);
                    let text = &haystack[m.start..m.end];
                    // Report the alias matched, in the gazetteer's spelling.
                    std::iter::once(&e.name)
                        .chain(e.aliases.iter())
                        .find(|a| {
                            a.replace('\'', "\u{2019}")
                                .eq_ignore_ascii_case(&text.replace('\'', "\u{2019}"))
                        })
                        .cloned()
                        .unwrap_or_else(|| text.to_string())
                })
                .collect();
            assert_eq!(&found, expected, "haystack {haystack:?}");
        }
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let bad = "id,name,aliases,iso3\nRUS,Russia,,RUS\nRUS,Russia again,,RUS\n";
        let err =
            parse_entities(EntityKind::State, Path::new("s.csv"), bad.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "s.csv:3: duplicate id \"RUS\" (first on line 2)"
        );
        let missing = "id,name\nRUS,Russia\n";
        let err =
            parse_entities(EntityKind::State, Path::new("s.csv"), missing.as_bytes()).unwrap_err();
        assert!(
            err.to_string().starts_with("s.csv:1: missing column"),
            "{err}"
        );
        let empty = "id,name,aliases,iso3\nRUS,,,RUS\n";
        let err =
            parse_entities(EntityKind::State, Path::new("s.csv"), empty.as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("s.csv:2:"), "{err}");
    }

    #[test]
    fn check_catches_each_kind_of_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("people.csv"),
            "id,name,aliases,country,role\nx1,Ri Il,Comrade Ri,PRK,\nx1,Ri Il Again,,PRK,\n",
        )
        .unwrap();
        let problems = check(&[dir.path().to_path_buf()]);
        assert!(
            problems
                .iter()
                .any(|p| p.origin.ends_with("people.csv:3") && p.message.contains("duplicate id")),
            "{problems:?}"
        );
        std::fs::write(
            dir.path().join("people.csv"),
            "id,name,aliases,country,role\nx1,Ri Il,Putin|people,PRK,\n",
        )
        .unwrap();
        let problems = check(&[dir.path().to_path_buf()]);
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            text.iter().any(|p| p.contains(
                "people.csv:2: alias \"Putin\" of \"x1\" is also an alias of \"vladimir-putin\""
            )),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|p| p.contains("alias \"people\" of \"x1\" is a common word")),
            "{text:?}"
        );
        std::fs::write(
            dir.path().join("places.csv"),
            "id,name,aliases,country,kind,lat,lon\np1,Somewhere,,PRK,city,1,2\np2,broken\n",
        )
        .unwrap();
        let problems = check(&[dir.path().to_path_buf()]);
        assert!(
            problems
                .iter()
                .any(|p| p.origin.ends_with("places.csv:3") && p.message.contains("CSV error")),
            "{problems:?}"
        );
        std::fs::write(dir.path().join("states.csv"), "id,name\nXX,Nowhere\n").unwrap();
        let problems = check(&[dir.path().to_path_buf()]);
        assert!(problems.iter().any(|p| p.origin.ends_with("states.csv:1") && p.message.contains("missing column")), "{problems:?}");
    }

    #[test]
    fn terms_of_office() {
        let terms = parse_terms("2000|2012", "2008|").unwrap();
        assert_eq!(terms, vec![(Some(2000), Some(2008)), (Some(2012), None)]);
        let mut e = entity(EntityKind::Person, "p", "P", &[], "RUS");
        e.terms = terms;
        assert!(e.in_office(2002) && !e.in_office(2010) && e.in_office(2024));
        assert!(parse_terms("2000|2012", "2008").is_err());
        assert!(parse_terms("two thousand", "").is_err());
        assert_eq!(
            parse_terms("2019-04-01", "").unwrap(),
            vec![(Some(2019), None)]
        );
    }

    #[test]
    fn bundled_gazetteers_pass_the_check() {
        let problems = check(&[]);
        assert!(
            problems.is_empty(),
            "{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn bundled_gazetteers_load() {
        let g = Gazetteer::load(&[]).unwrap();
        assert!(g.find(EntityKind::State, "PRK").is_some());
        assert!(g.find(EntityKind::State, "RUS").is_some());
    }

    #[test]
    fn a_users_offices_name_people_by_rule() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("offices.csv"),
            "phrase,roles\nchancellor,Chancellor\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("people.csv"),
            "id,name,aliases,country,role,valid_from,valid_to\n\
             olaf-scholz,Olaf Scholz,,DEU,Chancellor of Germany,2021,2025\n",
        )
        .unwrap();
        let g = Gazetteer::load(&[dir.path().to_path_buf()]).unwrap();
        let text = "He met the German Chancellor in Berlin.";
        let found = g.with_offices(text, g.find_mentions(text), 2023);
        let names: Vec<&str> = found
            .iter()
            .map(|m| g.entity(m.entity).name.as_str())
            .collect();
        assert!(names.contains(&"Olaf Scholz"), "{names:?}");
        std::fs::write(
            dir.path().join("offices.csv"),
            "phrase,roles\nchancellor,\n",
        )
        .unwrap();
        let err = Gazetteer::load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("offices.csv:2"), "{err}");
    }

    /// Offices are looked for only near states' names: what a search of
    /// the whole text finds there, and nothing else, whatever the spacing,
    /// the case and the names around.
    #[test]
    fn offices_are_found_near_states_as_in_the_whole_text() {
        let g = Gazetteer::load(&[]).unwrap();
        // The library's own search, over the whole text.
        let whole_text_search = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(g.offices.iter().map(|o| &o.phrase))
            .unwrap();
        let same = |text: &str, year: i32| {
            let mentions = g.find_mentions(text);
            let everywhere: Vec<aho_corasick::Match> =
                whole_text_search.find_overlapping_iter(text).collect();
            let found = g.with_offices(text, mentions.clone(), year);
            assert_eq!(
                found,
                g.offices_among(text, mentions.clone(), year, everywhere),
                "{text}"
            );
            found.len() - mentions.len()
        };
        // The two forms that name a holder, at the edges of the stretches
        // searched: far after a state, the longest phrases before one.
        assert_eq!(same("the Russian  President met him", 2015), 1);
        let spaced = format!("the Russian{}President met him", " ".repeat(40));
        assert_eq!(same(&spaced, 2015), 1);
        assert_eq!(same("President of the Russian Federation", 2015), 1);
        assert_eq!(
            same("The minister of foreign affairs of the Russia said", 2015),
            1
        );
        use proptest::prelude::*;
        let state = proptest::sample::select(vec![
            "Russian",
            "Russia",
            "China",
            "Chinese",
            "the DPRK",
            "U.S.",
            "South Korean",
            "Russian Federation",
            "Cuba",
        ]);
        let office = proptest::sample::select(vec![
            "President",
            "president",
            "Vice-President",
            "vice president",
            "Foreign Minister",
            "minister of foreign affairs",
            "Prime Minister",
            "Defence Minister",
            "Premier",
            "Secretary of State",
        ]);
        let other = proptest::sample::select(vec![
            "Vladimir Putin",
            "Xi Jinping",
            "former",
            "met",
            ",",
            ".",
            "the",
            "\u{a0}",
            "\u{c9}",
        ]);
        let gap =
            proptest::sample::select(vec![" ", "  ", "\n", "", " \u{2003}", " of ", " of the "]);
        let unit = (state, gap.clone(), office, gap, other, 0..4usize);
        let text = proptest::collection::vec(unit, 0..8);
        let years = 1995..2025i32;
        proptest!(|(units in text, year in years)| {
            let text: String = units
                .iter()
                .map(|(state, g1, office, g2, other, order)| match order {
                    0 => format!("{state}{g1}{office}{g2}"),
                    1 => format!("{office}{g1}{state}{g2}"),
                    2 => format!("{other}{g1}{office}{g2}{state} "),
                    _ => format!("{other}{g2}"),
                })
                .collect();
            same(&text, year);
        });
    }

    /// The problems `check` finds with one file of `text` layered over the
    /// bundled gazetteers.
    fn problems_with(file: &str, text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file), text).unwrap();
        check(&[dir.path().to_path_buf()])
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn check_rejects_an_organisation_with_a_states_id() {
        let text = problems_with(
            "organisations.csv",
            "id,name,aliases,country\nRUS,Quux Movement,,\nQMX,Quux Mutual,,\n",
        );
        assert!(
            text.iter()
                .any(|p| p.contains("id \"RUS\" of an organisation is also a state's id")),
            "{text:?}"
        );
        assert!(!text.iter().any(|p| p.contains("QMX")), "{text:?}");
    }

    #[test]
    fn check_rejects_short_and_long_aliases_unknown_states_and_bad_coordinates() {
        let dir = tempfile::tempdir().unwrap();
        let long = "N".repeat(201);
        std::fs::write(
            dir.path().join("people.csv"),
            format!("id,name,aliases,country,role\nx1,Xavier Quux,a|{long},XXX,Envoy\nx2,Yolanda Quux,,UN,Envoy\n"),
        )
        .unwrap();
        let text: Vec<String> = check(&[dir.path().to_path_buf()])
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(
            text.iter()
                .any(|p| p.contains("alias \"a\" of \"x1\" has 1 characters")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|p| p.contains("has 201 characters")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|p| p.contains("country \"XXX\" of \"x1\"")),
            "{text:?}"
        );
        // A body of states is a party too.
        assert!(!text.iter().any(|p| p.contains("\"x2\"")), "{text:?}");
        std::fs::remove_file(dir.path().join("people.csv")).unwrap();
        for (lat, lon) in [("999", "10"), ("10", "abc"), ("10", "-180.5")] {
            std::fs::write(
                dir.path().join("places.csv"),
                format!(
                    "id,name,aliases,country,kind,lat,lon\np1,Quuxville,,PRK,city,{lat},{lon}\n"
                ),
            )
            .unwrap();
            let problems = check(&[dir.path().to_path_buf()]);
            assert!(
                problems.iter().any(|p| p.origin.ends_with("places.csv:2")),
                "{lat},{lon}: {problems:?}"
            );
        }
    }
}
