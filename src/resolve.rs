//! Resolving time expressions against the publication date.
//!
//! The resolver is a table of named rules (in the manner of Duckling): each
//! rule is a regular expression and a function from its captures to a value.
//! Every candidate of every rule is collected; overlapping candidates are
//! settled leftmost-longest, ties going to the earlier rule of the table.
//!
//! Only one "now" exists: the article's publication date, or the date of its
//! dateline ("Pyongyang, June 19 (KCNA) --"), itself resolved against the
//! publication date. Nothing here reads the wall clock.
//!
//! Year-less dates ("on June 23", "in June") take the year of that "now",
//! moved back a year when the date lies after it and the sentence speaks in
//! the past, forward when it lies before it and the sentence speaks of the
//! future. Nothing defaults to the future.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, Days, Duration, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::numbers::{parse_cardinal, parse_ordinal};

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or period (`2001-08-04`, `2019-04`, `199`).
    Date,
    /// A length of time (`P23Y`).
    Duration,
    /// A recurring time (`every year`).
    Set,
    /// A time of day.
    Time,
}

impl TimexType {
    /// The TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
            TimexType::Time => "TIME",
        }
    }
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A single day.
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// A decade (`199` for the 1990s).
    Decade,
    /// A century (`19` for the 20th century).
    Century,
}

impl Precision {
    /// The lower-case name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
        }
    }

    /// The precision named by its CSV name.
    pub fn parse(s: &str) -> Option<Precision> {
        [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Year,
            Precision::Decade,
            Precision::Century,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// A calendar period: what a dated expression refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// The precision.
    pub precision: Precision,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// The years a resolved date may fall in: what ISO 8601's four digits and a
/// spreadsheet can hold. A value outside them is not a date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Period {
    /// `Some(self)` when both ends fall within [`YEARS`].
    pub fn in_calendar(self) -> Option<Period> {
        (YEARS.contains(&self.start.year()) && YEARS.contains(&self.end.year())).then_some(self)
    }

    /// A day.
    pub fn day(date: NaiveDate) -> Period {
        Period {
            precision: Precision::Day,
            start: date,
            end: date,
        }
    }

    /// A month; `None` for an invalid month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Period {
            precision: Precision::Month,
            start,
            end,
        })
    }

    /// A year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            precision: Precision::Year,
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The ISO week containing `date`.
    pub fn week(date: NaiveDate) -> Period {
        let back = Days::new(u64::from(date.weekday().num_days_from_monday()));
        // At the ends of chrono's range the week is cut short; such a week
        // is outside YEARS anyway and never written.
        let start = date.checked_sub_days(back).unwrap_or(date);
        Period {
            precision: Precision::Week,
            start,
            end: start.checked_add_days(Days::new(6)).unwrap_or(start),
        }
    }

    /// The decade starting at `first_year` (a multiple of ten).
    pub fn decade(first_year: i32) -> Option<Period> {
        Some(Period {
            precision: Precision::Decade,
            start: NaiveDate::from_ymd_opt(first_year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(first_year + 9, 12, 31)?,
        })
    }

    /// The century whose years start with `hundreds` (19 for 1900-1999).
    pub fn century(hundreds: i32) -> Option<Period> {
        Some(Period {
            precision: Precision::Century,
            start: NaiveDate::from_ymd_opt(hundreds * 100, 1, 1)?,
            end: NaiveDate::from_ymd_opt(hundreds * 100 + 99, 12, 31)?,
        })
    }

    /// The ISO 8601 form at this precision: `2001-08-04`, `2019-04`, `2002`,
    /// `199`, `19`, `2024-W31` (what [`Display`](std::fmt::Display) writes).
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Whether `other` lies within this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl std::fmt::Display for Period {
    /// The ISO 8601 form at this precision (see [`Period::iso`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.start;
        // chrono's `%Y` writes four digits within 0..=9999 and a sign
        // beyond; within, the digits are written directly.
        let iso = iso_day(s);
        let iso = iso
            .as_ref()
            .and_then(|bytes| std::str::from_utf8(bytes).ok());
        match (self.precision, iso) {
            (Precision::Day, Some(day)) => f.write_str(day),
            (Precision::Month, Some(day)) => f.write_str(&day[..7]),
            (Precision::Year, Some(day)) => f.write_str(&day[..4]),
            _ => self.fmt_in_general(f),
        }
    }
}

/// `YYYY-MM-DD`, as chrono writes a day of the years 0 to 9999, written
/// without the formatting machinery (dates are written on every row of
/// `dates.csv`); `None` for other years, which chrono writes with a sign.
pub fn iso_day(day: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(day.year()).ok().filter(|y| *y <= 9999)?;
    let mut bytes = *b"0000-00-00";
    for (at, value, width) in [(0, year, 4), (5, day.month(), 2), (8, day.day(), 2)] {
        let mut value = value;
        for slot in bytes[at..at + width].iter_mut().rev() {
            *slot = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    Some(bytes)
}

impl Period {
    /// The ISO form at any precision and of any year, by chrono and
    /// `write!`: for weeks, decades and centuries, and for years beyond
    /// 0 to 9999.
    fn fmt_in_general(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.start;
        match self.precision {
            Precision::Day => write!(f, "{}", s.format("%Y-%m-%d")),
            Precision::Week => {
                let w = s.iso_week();
                write!(f, "{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Month => write!(f, "{}", s.format("%Y-%m")),
            Precision::Year => write!(f, "{:04}", s.year()),
            Precision::Decade => write!(f, "{:03}", s.year() / 10),
            Precision::Century => write!(f, "{:02}", s.year() / 100),
        }
    }
}

/// What an expression means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A calendar period.
    Period(Period),
    /// A TIMEX3 value without calendar extent: `P23Y`, `PAST_REF`,
    /// `XXXX-06-19`.
    Other(String),
}

/// What part an expression plays beyond its value. The steps after
/// resolution (anniversaries, years counted back, the dating of events) ask
/// this, never a rule's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TimexRole {
    /// Nothing more than its value.
    #[default]
    Plain,
    /// A day of a month without a year ("June 19"): an anniversary named
    /// with it takes its day; years counted back move it.
    YearlessDay,
    /// A month without a year ("in June"): years counted back move it.
    YearlessMonth,
    /// A year standing alone ("1950"), which may end a name ("Class of 1950").
    BareYear,
    /// A day of the week ("Tuesday"); a date after it is the same day.
    Weekday,
    /// Years counted back from now ("six years ago").
    YearsAgo,
    /// "The 51st anniversary": the year of what is marked, not a time of
    /// the text. No event is dated by it.
    Anniversary,
    /// The date of a report's dateline: the report's day.
    Dateline,
}

/// One resolved time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// TIMEX3 type.
    pub timex_type: TimexType,
    /// The value.
    pub value: Value,
    /// The name of the rule that fired, for diagnostics and output.
    pub rule: &'static str,
    /// What part the expression plays.
    pub role: TimexRole,
    /// Whether the relative expressions after it count from it (explicit
    /// dates do; "two weeks later", "that year", "six years ago" and
    /// anniversaries count from another and do not).
    pub sets_reference: bool,
    /// A time of the day, as TIMEX3 writes it after the date: `TMO` for
    /// "Saturday morning", `T10:30` for "10:30 a.m.".
    pub time: Option<String>,
}

impl TimeExpr {
    /// The TIMEX3 value string.
    pub fn timex_value(&self) -> String {
        self.timex().to_string()
    }

    /// The TIMEX3 value, written when displayed: a row of `dates.csv`
    /// formats it in place.
    pub fn timex(&self) -> impl std::fmt::Display + '_ {
        TimexValue(self)
    }

    /// The calendar period, when the expression has one.
    pub fn period(&self) -> Option<Period> {
        match self.value {
            Value::Period(p) => Some(p),
            Value::Other(_) => None,
        }
    }
}

/// [`TimeExpr::timex`].
struct TimexValue<'a>(&'a TimeExpr);

impl std::fmt::Display for TimexValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.0.value, &self.0.time) {
            (Value::Period(p), Some(t)) if p.precision == Precision::Day => write!(f, "{p}{t}"),
            (Value::Period(p), _) => write!(f, "{p}"),
            (Value::Other(s), _) => f.write_str(s),
        }
    }
}

/// How relative expressions are anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// News: deictic expressions ("yesterday", "last year") anchor on the
    /// publication (or dateline) date.
    #[default]
    News,
    /// Narrative history: they anchor on the last date the text mentioned.
    Narrative,
}

pub use crate::tense::Tense;

/// A dateline: "Pyongyang, June 19 (KCNA) --".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// Byte range of the whole dateline.
    pub span: Range<usize>,
    /// Byte range of the city name.
    pub city: Range<usize>,
    /// The date it gives, resolved against the publication date.
    pub date: NaiveDate,
    /// The time expression of the date part.
    pub expr: TimeExpr,
}

/// What rules see while resolving.
pub struct Context<'t> {
    /// "Now": the dateline date, else the publication date.
    pub now: NaiveDate,
    /// The last absolute date mentioned, for anaphoric expressions
    /// ("the following year") and for narrative mode.
    pub reference: Option<Period>,
    /// Anchoring mode.
    pub mode: Mode,
    /// The tense of the sentence at the expression, once asked for.
    tense: std::cell::OnceCell<Tense>,
    /// How the tense is read. Most rules never ask (a date with its year
    /// needs none), and reading it is most of the work on a sentence's
    /// words, so it is read only for the rules that do.
    read_tense: &'t dyn Fn() -> Tense,
}

impl<'t> Context<'t> {
    /// The context of an expression whose tense `read_tense` reads.
    pub fn new(
        now: NaiveDate,
        reference: Option<Period>,
        mode: Mode,
        read_tense: &'t dyn Fn() -> Tense,
    ) -> Context<'t> {
        Context {
            now,
            reference,
            mode,
            tense: std::cell::OnceCell::new(),
            read_tense,
        }
    }

    /// The tense of the sentence at the expression.
    pub fn tense(&self) -> Tense {
        *self.tense.get_or_init(self.read_tense)
    }

    /// The tense, if a rule has asked for it.
    fn tense_read(&self) -> Option<Tense> {
        self.tense.get().copied()
    }

    /// The anchor of deictic expressions.
    fn deictic(&self) -> NaiveDate {
        match (self.mode, self.reference) {
            (Mode::Narrative, Some(p)) => p.start,
            _ => self.now,
        }
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Day words relative to "now", in days.
const DAY_WORDS: &[(&str, i64)] = &[
    ("today", 0),
    ("tonight", 0),
    ("this morning", 0),
    ("this afternoon", 0),
    ("this evening", 0),
    ("yesterday", -1),
    ("last night", -1),
    ("tomorrow", 1),
    ("the day before yesterday", -2),
    ("the day after tomorrow", 2),
];

/// Words that refer to the present or the past without a date.
const REF_WORDS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("at present", "PRESENT_REF"),
    ("at the moment", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("these days", "PRESENT_REF"),
    ("recently", "PAST_REF"),
    ("lately", "PAST_REF"),
    ("formerly", "PAST_REF"),
    ("the past", "PAST_REF"),
    ("right now", "PRESENT_REF"),
    ("in future", "FUTURE_REF"),
    ("the future", "FUTURE_REF"),
    ("the near future", "FUTURE_REF"),
    ("the distant future", "FUTURE_REF"),
    ("the near term", "FUTURE_REF"),
    ("the short term", "FUTURE_REF"),
    ("a later date", "FUTURE_REF"),
];

/// Duration units: TIMEX3 letter, and whether it follows `T`.
const UNITS: &[(&str, &str)] = &[
    ("second", "TS"),
    ("minute", "TM"),
    ("hour", "TH"),
    ("day", "D"),
    ("week", "W"),
    ("month", "M"),
    ("quarter", "Q"),
    ("year", "Y"),
    ("decade", "DE"),
    ("century", "CE"),
    ("centuries", "CE"),
];

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    // The tables are in lower case (a test checks it).
    let word = word.trim_end_matches('.');
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

fn month_of(word: &str) -> Option<u32> {
    lookup(MONTHS, word)
}

fn unit_of(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    let singular = if lower == "centuries" {
        "century".to_string()
    } else {
        lower.strip_suffix('s').unwrap_or(&lower).to_string()
    };
    lookup(UNITS, &singular)
}

const MONTH_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
/// Month names as old wire copy writes them, in lower case ("in august
/// last year"), where what follows makes them months: the relative year.
/// "may" is left out: "he may this year" is a verb.
const MONTH_LOWER: &str =
    "january|february|march|april|june|july|august|september|october|november|december";
/// A month's name, written out or cut short, with or without a period:
/// "January", "Jan.", "Jan", "Sept.". The forms of one month share their
/// first three letters, which no two months share, and are tried in the
/// same order as a flat list would try them (the whole name, then the
/// short one with its period, then without): the same matches, but the
/// engine that reads capture groups tries twelve branches, not
/// thirty-six.
const MONTH_ANY: &str = r"Jan(?:uary|\.|)|Feb(?:ruary|\.|)|Mar(?:ch|\.|)|Apr(?:il|\.|)|May|Jun(?:e|\.|)|Jul(?:y|\.|)|Aug(?:ust|\.|)|Sep(?:tember|t\.|\.|t|)|Oct(?:ober|\.|)|Nov(?:ember|\.|)|Dec(?:ember|\.|)";
const DAY: &str = r"[0-3]?\d(?:\s?(?:st|nd|rd|th))?";
const YEAR: &str = r"1\d{3}|20\d{2}";
/// Cardinal number words (without "a", "an", which only start a number).
const CARDINAL: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand";
/// Ordinal number words.
const ORDINAL: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth";

/// A cardinal in digits or words: "23", "twenty-three", "a hundred and five".
fn number_pattern() -> String {
    format!(
        r"\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{CARDINAL}|dozen|an|a)(?:[- ](?:and[- ])?(?:{CARDINAL}|dozen)){{0,5}}"
    )
}

/// An ordinal in digits or words: "51st", "51 st", "seventy-fifth".
fn ordinal_pattern() -> String {
    format!(r"\d+\s?(?:st|nd|rd|th)|(?:(?:{CARDINAL}|an|a)[- ](?:and[- ])?){{0,4}}(?:{ORDINAL})")
}

const YEAR_LEAD: &str = r"in|since|until|till|by|during|from|through|of|before|after|to|and|or|between|early|late|around|about|circa|year|the year|spring|summer|autumn|fall|winter";

type Resolve = fn(&Captures, &Context<'_>) -> Option<Value>;

/// A named rule: a pattern, the words without which it cannot match, what
/// its captures mean and what part its expressions play. Its examples are
/// the rows of `tests/corpus/dates*.csv` that name it.
struct Rule {
    name: &'static str,
    pattern: String,
    /// Words (lower case, matched at a word's start) of which a sentence
    /// must hold one before the pattern is tried. One Aho-Corasick pass
    /// over the text finds them all, so most sentences never meet a regex.
    anchors: &'static [&'static str],
    resolve: Resolve,
    /// The capture group whose span is the expression (0: the whole match).
    group: usize,
    timex_type: TimexType,
    role: TimexRole,
    /// Whether its dates become the reference of relative expressions
    /// after them (see [`TimeExpr::sets_reference`]).
    sets_reference: bool,
    /// Whether its number may count something instead ("2000 tons").
    may_count: bool,
    /// Whether "a" with its unit may be a rate after a quantity ("$5
    /// million a year", "four flights a week"): a rate is no duration.
    may_be_rate: bool,
}

impl Rule {
    fn anchored(mut self, anchors: &'static [&'static str]) -> Rule {
        self.anchors = anchors;
        self
    }

    fn role(mut self, role: TimexRole) -> Rule {
        self.role = role;
        self
    }

    /// Counts from another date, and so never becomes the reference.
    fn relative(mut self) -> Rule {
        self.sets_reference = false;
        self
    }

    fn may_count(mut self) -> Rule {
        self.may_count = true;
        self
    }

    fn may_be_rate(mut self) -> Rule {
        self.may_be_rate = true;
        self
    }
}

struct Compiled {
    name: &'static str,
    anchors: &'static [&'static str],
    regex: Regex,
    /// The indexes of the groups of a number in words, `n` (cardinal) and
    /// `ord` (ordinal), where the pattern has them: a group is found by its
    /// index without hashing its name, at every match.
    number_groups: [Option<usize>; 2],
    resolve: Resolve,
    group: usize,
    timex_type: TimexType,
    role: TimexRole,
    sets_reference: bool,
    may_count: bool,
    may_be_rate: bool,
}

fn rules() -> Vec<Rule> {
    use TimexType::*;
    let (num, ord) = (number_pattern(), ordinal_pattern());
    let rule = |name, pattern: String, resolve: Resolve, group, timex_type| Rule {
        name,
        pattern,
        anchors: &[],
        resolve,
        group,
        timex_type,
        role: TimexRole::Plain,
        sets_reference: true,
        may_count: false,
        may_be_rate: false,
    };
    vec![
        rule("day span", format!(r"\b(?:from\s+)?(?P<e>(?P<m>{MONTH_ANY})\s+(?P<d>{DAY})(?:\s*(?:-|–|to|till|until|through)\s*)(?:(?P<m2>{MONTH_ANY})\s+)?(?P<d2>{DAY})(?:\s*,\s*(?P<y>{YEAR})\b|\s*,?\s*Juche\s+\d{{1,3}}\s*\((?P<jy>{YEAR})\)|\b))"), day_span, 1, Date).anchored(MONTH_STEMS),
        rule("juche date", format!(r"\b(?:(?P<m>{MONTH_ANY})\s*,?\s+(?:(?P<d>{DAY})\s*,?\s+)?)?Juche\s+\d{{1,3}}\s*\((?P<y>{YEAR})\)"), juche_date, 0, Date).anchored(&["juche"]),
        rule("month day, year", format!(r"\b(?P<m>{MONTH_ANY})\s+(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEAR})\b"), full_date, 0, Date).anchored(MONTH_STEMS),
        rule("day month year", format!(r"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_ANY})\s*,?\s+(?P<y>{YEAR})\b"), full_date, 0, Date).anchored(MONTH_STEMS),
        rule("iso date", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_string(), full_date, 0, Date).anchored(DIGITS),
        rule("day/month/year", r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b".to_string(), full_date, 0, Date).anchored(DIGITS),
        rule("month day this|last|next year", format!(r"\b(?P<m>{MONTH_ANY})\s+(?P<d>{DAY})\s*,?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same)\s+year\b"), month_day_relative_year, 0, Date).anchored(MONTH_STEMS),
        rule("day month this|last|next year", format!(r"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_ANY})\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same)\s+year\b"), month_day_relative_year, 0, Date).anchored(MONTH_STEMS),
        rule("month day", format!(r"\b(?P<m>{MONTH_ANY})\s+(?P<d>{DAY})\b"), month_day, 0, Date).anchored(MONTH_STEMS).role(TimexRole::YearlessDay),
        rule("day month", format!(r"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_FULL})\b"), month_day, 0, Date).anchored(MONTH_STEMS).role(TimexRole::YearlessDay),
        rule("month year", format!(r"\b(?P<m>{MONTH_FULL}|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)\s*(?:,|of)?\s+(?P<y>{YEAR})\b"), month_year, 0, Date).anchored(MONTH_STEMS),
        rule("month this|last|next year", format!(r"\b(?P<m>{MONTH_FULL}|{MONTH_LOWER})\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same)\s+year\b"), month_relative_year, 0, Date).anchored(&["year"]),
        rule("this|last|next month-name", format!(r"\b(?P<rel>last|this|next|past)\s+(?P<m>{MONTH_FULL})\b"), relative_month_name, 0, Date).anchored(MONTH_STEMS),
        rule("month", format!(r"(?:\b(?:in|since|until|till|by|during|from|through|of|before|after|to|and|or|early|late|mid|end\s+of|beginning\s+of|middle\s+of)\s+|\b(?:mid|early|late)-)(?P<m>{MONTH_FULL})\b"), month_only, 1, Date).anchored(MONTH_STEMS).role(TimexRole::YearlessMonth),
        rule("year", format!(r"(?:\b(?:{YEAR_LEAD})\s+|\bmid-|\()(?P<y>{YEAR})\b"), year_only, 1, Date).anchored(DIGITS),
        rule("season of year", format!(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{YEAR})\b"), season, 0, Date).anchored(&["spring", "summer", "autumn", "fall", "winter"]),
        rule("season", r"(?:\b(?:in|during|by|until|till|since|through|from)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?|\b(?:early|late|mid)[\s-]+)(?P<s>spring|summer|autumn|winter)\b|\b(?P<rel>this\s+past|this|that|last|next)\s+(?P<s2>spring|summer|autumn|fall|winter)\b|\bthe\s+(?P<s3>spring|summer|autumn|winter)\b".to_string(), season, 1, Date).anchored(&["spring", "summer", "autumn", "fall", "winter"]),
        rule("year BC", r"\b(?P<y>\d{1,4})\s*(?P<era>BCE\b|BC\b|B\.C\.|AD\b|A\.D\.)".to_string(), era_year, 0, Date).anchored(DIGITS),
        rule("bare year", r"\b(?P<y>1[6-9]\d\d|20\d\d)\b".to_string(), year_only, 0, Date).anchored(DIGITS).role(TimexRole::BareYear).may_count(),
        rule("clock time", r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b".to_string(), clock_time, 0, Time).anchored(DIGITS),
        rule("decade", r"\b(?:the\s+)?(?:mid-|early\s+|late\s+)?(?P<dec>1\d\d|20\d)0'?s\b".to_string(), decade, 0, Date).anchored(DIGITS),
        rule("century", format!(r"\b(?:the\s+)?(?P<ord>{ord})[\s-]+century\b"), century, 0, Date).anchored(&["century"]),
        rule("the past N units", format!(r"\bthe\s+(?:past|last)\s+(?:(?P<n>{num})\s+)?(?P<unit>days?|weeks?|months?|quarters|years?|decades?|centuries)\b"), past_units, 0, Duration).anchored(&["past", "last"]),
        rule("this|last|next week|month|year", r"\b(?P<rel>this|last|next|previous|past|coming|current|the\s+previous|the\s+coming|the\s+current)\s+(?P<unit>week|month|year)\b".to_string(), relative_unit, 0, Date).anchored(&["week", "month", "year"]).relative(),
        rule("quarter", format!(r"\b(?:the\s+)?(?:(?P<y0>{YEAR})\s+|(?P<yrel>last|next|this)\s+year's\s+)?(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?P<h>first|second|last|latter)[\s-]+half)(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<yrel2>this|last|next|the)\s+year))?\b"), quarter, 0, Date).anchored(&["quarter", "half"]),
        rule("the latest quarter", format!(r"\b(?:(?:the\s+)(?:(?P<y>{YEAR})\s+)?(?:(?P<rel>latest|most\s+recent|current|previous|prior|comparable\s+year-ago|comparable\s+year-earlier|year-earlier|year-ago)\s+)?|(?P<this>this)\s+)quarter\b|\bthe\s+(?:latest|most\s+recent)\s+period\b|\b(?:the\s+)?(?P<ago>year-earlier|year-ago)(?P<period>\s+(?:quarter|period))?\b"), latest_quarter, 0, Date).anchored(&["quarter", "year-earlier", "year-ago", "period"]),
        rule("recent years", r"\b(?:in\s+)?(?P<e>recent\s+(?P<unit>years|months|weeks|days|decades))\b".to_string(), vague_duration, 1, Duration).anchored(&["recent"]),
        rule("that|the following year", r"\b(?P<rel>that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+(?P<unit>year|month|week|day)\b".to_string(), anaphoric_unit, 0, Date).anchored(&["year", "month", "week", "day"]).relative(),
        rule("N units later|earlier", format!(r"\b(?P<n>{num})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+(?P<dir>later|earlier|after|before)\b(?:\s+(?:the\s+)?(?P<year>{YEAR})\b|(?P<month>\s+(?:{MONTH_FULL})\b))?"), units_later, 0, Date).anchored(&["later", "earlier", "after", "before"]).relative(),
        rule("N units ago", format!(r"\b(?P<n>{num})\s+(?P<unit>days?|weeks?|months?|years?|decades?|centuries|century)\s+ago(?:\s+from\s+now)?\b"), units_ago, 0, Date).anchored(&["ago"]).role(TimexRole::YearsAgo).relative(),
        rule("day word", r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b".to_string(), day_word, 0, Date).anchored(&["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"]),
        rule("weekday", r"(?:\bon\s+)?(?P<e>\b(?:(?P<rel>last|this\s+coming|this|next|coming)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b".to_string(), weekday, 1, Date).anchored(&["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]).role(TimexRole::Weekday),
        rule("anniversary", format!(r"\b(?:the\s+)?(?P<ord>{ord})\s+(?:birth\s+)?anniversary\b"), anniversary, 0, Date).anchored(&["anniversar"]).role(TimexRole::Anniversary).relative(),
        rule("duration", format!(r"\b(?:the\s+(?:(?:first|next|last|latest|coming|final|previous|initial|remaining)\s+)?)?(?P<n>{num})(?P<half>\s+1/2|\s+and\s+a\s+half)?(?:\s+(?:more|additional|further|extra|trading|business|working))?[\s-]+(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centuries|century)(?P<half2>\s+and\s+a\s+half)?(?:-long\b|(?P<age>-old\b|\s+old\b))?\b"), duration, 0, Duration).anchored(&["second", "minute", "hour", "day", "week", "month", "year", "decade", "centur"]).may_be_rate(),
        rule("clock duration", r"\b(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)\b".to_string(), clock_duration, 0, Duration).anchored(DIGITS),
        rule("for units", r"\b(?:for|over|within)\s+(?P<unit>days|weeks|months|years|decades|centuries)\b".to_string(), vague_duration, 1, Duration).anchored(&["days", "weeks", "months", "years", "decades", "centuries"]),
        rule("a few units", r"\b(?:the\s+(?:past|last|next|coming|following)\s+|the\s+)?(?:a\s+few|several|(?:a\s+)?couple\s+of|many|few)\s+(?:more\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades)(?P<ago>\s+ago)?\b|\b(?:the\s+)?(?:coming|next\s+few)\s+(?P<unit2>days|weeks|months|years|decades)\b".to_string(), few_units, 0, Duration).anchored(&["few", "several", "couple", "many", "coming"]),
        rule("year in words", format!(r"\b(?:the\s+year\s+|(?P<m>{MONTH_FULL})\s+|(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+of\s+)?(?:(?P<hundreds>nineteen|eighteen|twenty)\s+(?P<rest>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|hundred\b)|two\s+thousand(?:\s+(?:and\s+)?(?P<ones>one|two|three|four|five|six|seven|eight|nine|ten)\b)?)"), year_in_words, 0, Date).anchored(&["nineteen", "eighteen", "twenty", "two thousand"]).may_count(),
        rule("present or past reference", r"\b(?:in\s+)?(?P<e>at\s+present|at\s+the\s+moment|these\s+days|the\s+past|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|a\s+later\s+date|nowadays|currently|recently|lately|formerly|(?:right\s+)?now)\b|\bin\s+future\b".to_string(), reference_word, 1, Date).anchored(&["now", "current", "present", "moment", "these days", "past", "future", "recent", "lately", "formerly", "term", "later date"]),
        rule("year end", r"\b(?:(?:around|at|by|before|until)\s+)?(?P<e>(?:the\s+)?(?:year-end|year's\s+end|year\s+end|end\s+of\s+the\s+year)|the\s+current\s+fiscal\s+year|the\s+full\s+year)\b".to_string(), this_year, 1, Date).anchored(&["year-end", "year's end", "year end", "end of the year", "full year", "fiscal year"]).relative(),
        rule("the year", r"\b(?P<lead>(?:for|of|in|during|throughout)\s+)?(?P<e>(?P<within>(?:earlier|later)\s+in\s+)?the\s+(?:fiscal\s+)?year)\b(?P<after>-|\s+(?:ended|ending)\b|\s+(?:before|after|earlier|later|ago|of|in\s+which|when|that|which|two|nineteen|eighteen|twenty|\d+)\b)?".to_string(), the_year, 2, Date).anchored(&["the year", "the fiscal year"]).relative(),
        rule("units ahead", r"\bthe\s+(?P<unit>days|weeks|months|years|decades)\s+ahead\b".to_string(), vague_duration, 0, Duration).anchored(&["ahead"]),
        rule("decade in words", r"\bthe\s+(?:nineteen\s+)?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".to_string(), decade_in_words, 0, Date).anchored(&["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "nineteen"]),
        rule("weekend", r"\b(?:(?P<rel>this|last|next|past|coming)\s+|the\s+)?weekend\b".to_string(), weekend, 0, Date).anchored(&["weekend"]),
        rule("holiday", r"\b(?P<lunar>lunar\s+|Lunar\s+)?(?:(?P<rel>this|last|next)\s+)?(?P<h>Christmas\s+Day|Christmas\s+Eve|Christmas|New\s+Year's\s+Day|New\s+Year's\s+Eve|Thanksgiving\s+Day|Thanksgiving)(?:,?\s+(?P<y>1\d{3}|20\d{2}))?(?P<of>\s+of\b)?\b".to_string(), holiday, 0, Date).anchored(&["christmas", "new year", "thanksgiving"]).relative(),
        rule("every unit", format!(r"\b(?:every|each)\s+(?:(?P<unit>day|week|month|quarter|year)|(?P<m>{MONTH_FULL}))\b|\b(?P<adv>annually|yearly|monthly|weekly|daily)\b"), set, 0, Set).anchored(&["every", "each", "annually", "yearly", "monthly", "weekly", "daily"]),
    ]
}

const DIGITS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const MONTH_STEMS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Builds the date rules' regexes and automata now, not in the first
/// article that needs them: a run builds them while it loads its lists.
pub fn prepare() {
    let _ = (compiled(), rule_set(), anchors(), dateline_regex());
}

/// The anchor automaton and, per anchor, the rules it admits.
fn anchors() -> &'static (aho_corasick::dfa::DFA, Vec<u64>, Vec<bool>) {
    static ANCHORS: OnceLock<(aho_corasick::dfa::DFA, Vec<u64>, Vec<bool>)> = OnceLock::new();
    ANCHORS.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut masks: Vec<u64> = Vec::new();
        for (order, rule) in compiled().iter().enumerate() {
            for word in rule.anchors {
                match words.iter().position(|w| w == word) {
                    Some(i) => masks[i] |= 1 << order,
                    None => {
                        words.push(word);
                        masks.push(1 << order);
                    }
                }
            }
        }
        // About a hundred short words: a full DFA is small and the fastest.
        // No prefilter: nearly every letter starts some anchor, and it
        // would make the start state special (see [`crate::scan`]).
        let automaton = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&words)
            .expect("anchor automaton");
        let capitalised = words
            .iter()
            .map(|w| MONTH_STEMS.contains(w) || lookup(WEEKDAYS, w).is_some())
            .collect();
        (automaton, masks, capitalised)
    })
}

/// Room for each rule's lazy DFA (and the set's): with the default the
/// cache fills on ordinary text, is cleared and rebuilt again and again.
const RULE_DFA_BYTES: usize = 32 << 20;

/// The rules that share their anchor words with two others or more (those
/// of month names, those of digits) in one set: one scan of a sentence
/// tells which of them match. The rest are tried one by one. A set of every
/// rule would answer for all at once, but its lazy DFA has far more states
/// to build and to hold: on 10 MB of KCNA it costs a tenth more work, and
/// on two cores 5 MB more memory at the end of the archive.
struct RuleSet {
    set: regex::RegexSet,
    /// The rule (its place in [`compiled`]) of each pattern of `set`.
    members: Vec<usize>,
    /// The same rules as bits.
    mask: u64,
}

impl RuleSet {
    /// Of the rules in `mask`, those of the set that match `sentence`.
    fn matching(&self, sentence: &str, mask: u64) -> u64 {
        let matched = self.set.matches(sentence);
        matched.iter().fold(0u64, |m, i| m | (1 << self.members[i])) & mask
    }
}

fn rule_set() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| {
        let rules = rules();
        let shares_anchors = |rule: &Rule| {
            rules
                .iter()
                .filter(|other| other.anchors == rule.anchors)
                .count()
                >= 3
        };
        let members: Vec<usize> = (0..rules.len())
            .filter(|&i| shares_anchors(&rules[i]))
            .collect();
        let set = regex::RegexSetBuilder::new(
            members
                .iter()
                .map(|&i| format!("(?i-u){}", rules[i].pattern)),
        )
        .dfa_size_limit(RULE_DFA_BYTES)
        .build()
        .expect("rule set compiles");
        RuleSet {
            mask: members.iter().fold(0, |m, &i| m | (1 << i)),
            members,
            set,
        }
    })
}

fn compiled() -> &'static [Compiled] {
    static RULES: OnceLock<Vec<Compiled>> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules = rules();
        assert!(rules.len() <= 64, "rule masks are 64 bits");
        rules
            .into_iter()
            .map(|r| {
                // ASCII classes and word boundaries: right for English date words,
                // and they keep the regex engine on its fast path.
                let regex = regex::RegexBuilder::new(&format!("(?i-u){}", r.pattern))
                    .dfa_size_limit(RULE_DFA_BYTES)
                    .build()
                    .unwrap_or_else(|e| panic!("rule {:?} does not compile: {e}", r.name));
                let group = |name: &str| regex.capture_names().position(|n| n == Some(name));
                let number_groups = [group("n"), group("ord")];
                Compiled {
                    name: r.name,
                    anchors: r.anchors,
                    regex,
                    number_groups,
                    resolve: r.resolve,
                    group: r.group,
                    timex_type: r.timex_type,
                    role: r.role,
                    sets_reference: r.sets_reference,
                    may_count: r.may_count,
                    may_be_rate: r.may_be_rate,
                }
            })
            .collect()
    })
}

fn number(c: &Captures, name: &str) -> Option<i64> {
    c.name(name)?.as_str().trim().parse().ok()
}

/// Whether a match gives a year, a month and a day that together name no
/// day of the calendar ("February 29, 2023", "31 April 2019").
fn names_no_calendar_day(c: &Captures) -> bool {
    let year = number(c, "y").and_then(|y| i32::try_from(y).ok());
    match (year, month_number(c), day_number(c)) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).is_none(),
        _ => false,
    }
}

fn day_number(c: &Captures) -> Option<u32> {
    let text = c.name("d")?.as_str();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    text[..digits].parse().ok()
}

fn month_number(c: &Captures) -> Option<u32> {
    let text = c.name("m")?.as_str();
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    month_of(text)
}

fn full_date(c: &Captures, _: &Context) -> Option<Value> {
    let date = NaiveDate::from_ymd_opt(number(c, "y")? as i32, month_number(c)?, day_number(c)?)?;
    Some(Value::Period(Period::day(date)))
}

fn relative_year(rel: &str, ctx: &Context) -> Option<i32> {
    let base = ctx.deictic().year();
    let rel = rel.to_ascii_lowercase();
    match rel.split_whitespace().last()? {
        "this" | "current" => Some(base),
        "last" | "previous" | "past" => Some(base - 1),
        "next" | "coming" => Some(base + 1),
        "same" => Some(ctx.reference.map_or(base, |p| p.start.year())),
        _ => None,
    }
}

fn month_day_relative_year(c: &Captures, ctx: &Context) -> Option<Value> {
    let year = relative_year(c.name("rel")?.as_str(), ctx)?;
    let date = NaiveDate::from_ymd_opt(year, month_number(c)?, day_number(c)?)?;
    Some(Value::Period(Period::day(date)))
}

/// The year of a year-less month (and day), by the tense of the sentence.
fn infer_year(month: u32, day: Option<u32>, ctx: &Context) -> i32 {
    if let (Mode::Narrative, Some(reference)) = (ctx.mode, ctx.reference) {
        // A narrative moves forward: a month before the one it has reached
        // belongs to the next year.
        let year = reference.start.year();
        let behind = reference.precision <= Precision::Month && month < reference.start.month();
        return if behind { year + 1 } else { year };
    }
    let now = ctx.now;
    let year = now.year();
    let key = (month, day.unwrap_or(0));
    // A report may be dated a day or two before what it says has happened
    // ("said in an editorial on Saturday, April 25", published on the 24th).
    let lag = now + Duration::days(PAST_LAG_DAYS);
    let now_key = (now.month(), if day.is_some() { now.day() } else { 0 });
    let past_key = if lag.year() == year {
        (lag.month(), if day.is_some() { lag.day() } else { 0 })
    } else {
        (12, 31)
    };
    match ctx.tense() {
        Tense::Past if key > past_key => year - 1,
        Tense::Future if key < now_key => year + 1,
        Tense::Unmarked | Tense::Present => nearest_year(month, day, now),
        _ => year,
    }
}

/// Days after "now" a day told in the past tense may still fall on.
const PAST_LAG_DAYS: i64 = 1;

/// The year that puts a month (and day) nearest to `now`: "expire Nov. 21"
/// on November 2 is this November, "payable Jan. 2" on November 2 next
/// January, "in October" on January 8 last October.
fn nearest_year(month: u32, day: Option<u32>, now: NaiveDate) -> i32 {
    let year = now.year();
    (year - 1..=year + 1)
        .filter_map(|y| {
            let date = NaiveDate::from_ymd_opt(y, month, day.unwrap_or(15))
                .or_else(|| NaiveDate::from_ymd_opt(y, month, 28))?;
            Some(((date - now).num_days().abs(), y))
        })
        .min()
        .map_or(year, |(_, y)| y)
}

fn month_day(c: &Captures, ctx: &Context) -> Option<Value> {
    let (month, day) = (month_number(c)?, day_number(c)?);
    let year = infer_year(month, Some(day), ctx);
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Value::Period(Period::day(date)))
}

/// "from August 22 to 24", "May 30-June 2, 2019": the days of a span,
/// first to last, at day precision. The second month defaults to the first;
/// a span that crosses the new year ends in the next one.
fn day_span(c: &Captures, ctx: &Context) -> Option<Value> {
    let (month, day) = (month_number(c)?, day_number(c)?);
    let end_month = match c.name("m2") {
        Some(m) => month_of(m.as_str())?,
        None => month,
    };
    let end_digits: String = c
        .name("d2")?
        .as_str()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let end_day: u32 = end_digits.parse().ok()?;
    let year = match number(c, "y").or_else(|| number(c, "jy")) {
        Some(y) => i32::try_from(y).ok()?,
        None => infer_year(month, Some(day), ctx),
    };
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let end_year = if end_month < month {
        year.checked_add(1)?
    } else {
        year
    };
    let end = NaiveDate::from_ymd_opt(end_year, end_month, end_day)?;
    // "June 25-30" is a span; "the June 25 to 30 ..." backwards is none.
    if end <= start || (end - start).num_days() > 62 {
        return None;
    }
    Some(Value::Period(Period {
        precision: Precision::Day,
        start,
        end,
    }))
}

fn month_year(c: &Captures, _: &Context) -> Option<Value> {
    Period::month(number(c, "y")? as i32, month_number(c)?).map(Value::Period)
}

fn month_relative_year(c: &Captures, ctx: &Context) -> Option<Value> {
    let year = relative_year(c.name("rel")?.as_str(), ctx)?;
    Period::month(year, month_number(c)?).map(Value::Period)
}

fn relative_month_name(c: &Captures, ctx: &Context) -> Option<Value> {
    let month = month_number(c)?;
    let now = ctx.deictic();
    let year = match c.name("rel")?.as_str().to_ascii_lowercase().as_str() {
        "this" => now.year(),
        "last" | "past" if month < now.month() => now.year(),
        "last" | "past" => now.year() - 1,
        "next" if month > now.month() => now.year(),
        "next" => now.year() + 1,
        _ => return None,
    };
    Period::month(year, month).map(Value::Period)
}

fn month_only(c: &Captures, ctx: &Context) -> Option<Value> {
    let month = month_number(c)?;
    Period::month(infer_year(month, None, ctx), month).map(Value::Period)
}

fn year_only(c: &Captures, _: &Context) -> Option<Value> {
    Period::year(number(c, "y")? as i32).map(Value::Period)
}

/// TIMEX3 season codes.
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("autumn", "FA"),
    ("fall", "FA"),
    ("winter", "WI"),
];

/// "the summer of 1943" (1943-SU); a season without a year takes the
/// reference year in a narrative, the year of "now" in news.
fn season(c: &Captures, ctx: &Context) -> Option<Value> {
    let code = lookup(
        SEASONS,
        c.name("s")
            .or_else(|| c.name("s2"))
            .or_else(|| c.name("s3"))?
            .as_str(),
    )?;
    let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
    let year = match (c.name("y"), rel.as_deref()) {
        (Some(y), _) => y.as_str().parse().ok()?,
        // "last fall", "next spring", "this past summer": counted from the
        // season the report is in (winter belongs to the year of its
        // December).
        (None, Some(rel)) if rel != "that" => {
            let order = |code: &str| SEASON_ORDER.iter().position(|s| *s == code).unwrap_or(0);
            let (now_year, now_season) = season_of(ctx.now);
            let (wanted, now) = (order(code), order(now_season));
            match rel.split_whitespace().next().unwrap_or("") {
                "last" if wanted >= now => now_year - 1,
                "next" if wanted <= now => now_year + 1,
                "this" if rel.contains("past") && wanted > now => now_year - 1,
                _ => now_year,
            }
        }
        _ => match (ctx.mode, ctx.reference) {
            (Mode::Narrative, Some(r)) => r.start.year(),
            _ => ctx.now.year(),
        },
    };
    Some(Value::Other(format!("{year:04}-{code}")))
}

/// The seasons in the order of a year that starts in March.
const SEASON_ORDER: &[&str] = &["SP", "SU", "FA", "WI"];

/// The season a day falls in, and its year (December's for a winter).
fn season_of(day: NaiveDate) -> (i32, &'static str) {
    match day.month() {
        3..=5 => (day.year(), "SP"),
        6..=8 => (day.year(), "SU"),
        9..=11 => (day.year(), "FA"),
        12 => (day.year(), "WI"),
        _ => (day.year() - 1, "WI"),
    }
}

/// "499 BC" is BC0499 in TIMEX3; "AD 9" is 0009.
fn era_year(c: &Captures, _: &Context) -> Option<Value> {
    let year: i32 = c.name("y")?.as_str().parse().ok()?;
    let era = c
        .name("era")?
        .as_str()
        .to_ascii_uppercase()
        .replace('.', "");
    if era.starts_with('B') {
        Some(Value::Other(format!("BC{year:04}")))
    } else {
        Period::year(year).map(Value::Period)
    }
}

/// "the past two years", "over the last week": a duration ending now.
fn past_units(c: &Captures, _: &Context) -> Option<Value> {
    let n = match c.name("n") {
        Some(m) => trailing_number(m.as_str())?.1,
        None => 1,
    };
    let unit = unit_of(c.name("unit")?.as_str())?;
    Some(Value::Other(duration_value(u64::from(n), unit)))
}

/// "the third quarter (of 2019)": `2019-Q3`, in the year of "now" when no
/// year is given, the year before for a past quarter not yet begun. "the
/// first half of 2019" is `2019-H1`; a half needs its year.
fn quarter(c: &Captures, ctx: &Context) -> Option<Value> {
    let year_rel = c
        .name("yrel")
        .or_else(|| c.name("yrel2"))
        .map(|m| m.as_str().to_ascii_lowercase());
    let named_year = match (c.name("y").or_else(|| c.name("y0")), year_rel.as_deref()) {
        (Some(y), _) => Some(y.as_str().parse().ok()?),
        (None, Some("last")) => Some(ctx.now.year() - 1),
        (None, Some("next")) => Some(ctx.now.year() + 1),
        (None, Some(_)) => Some(ctx.now.year()),
        (None, None) => None,
    };
    if let Some(half) = c.name("h") {
        // A half without its year may be a game's or a century's.
        let h = if half.as_str().eq_ignore_ascii_case("first") {
            1
        } else {
            2
        };
        return Some(Value::Other(format!("{:04}-H{h}", named_year?)));
    }
    let q: u32 = match c.name("q")?.as_str().to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let year = named_year.unwrap_or_else(|| {
        let current = (ctx.now.month() - 1) / 3 + 1;
        match ctx.tense() {
            // Business news reports a quarter once it is over.
            Tense::Past | Tense::Unmarked if q > current => ctx.now.year() - 1,
            _ => ctx.now.year(),
        }
    });
    Some(Value::Other(format!("{year:04}-Q{q}")))
}

/// "May 3, Juche 61 (1972)", "May Juche 61 (1972)", "Juche 38 (1949)": KCNA
/// gives the Juche year with the common era's in brackets.
fn juche_date(c: &Captures, _: &Context) -> Option<Value> {
    let year = number(c, "y").and_then(|y| i32::try_from(y).ok())?;
    let period = match (c.name("m"), c.name("d")) {
        (Some(_), Some(_)) => Period::day(NaiveDate::from_ymd_opt(
            year,
            month_number(c)?,
            day_number(c)?,
        )?),
        (Some(_), None) => Period::month(year, month_number(c)?)?,
        _ => Period::year(year)?,
    };
    Some(Value::Period(period))
}

/// "the quarter", "the latest quarter" (the last one completed by the
/// report's day), "this quarter", "the year-earlier quarter" (the same
/// quarter a year before), as TIMEX3 `1989-Q3`.
fn latest_quarter(c: &Captures, ctx: &Context) -> Option<Value> {
    let current = (ctx.now.month() - 1) / 3 + 1;
    let back = |year: i32, q: u32, by: u32| -> (i32, u32) {
        let index = year * 4 + q as i32 - 1 - by as i32;
        (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
    };
    // "year-earlier" alone ("from year-earlier levels") is last year.
    if c.name("ago").is_some() && c.name("period").is_none() {
        return Period::year(ctx.now.year() - 1).map(Value::Period);
    }
    let rel = c
        .name("rel")
        .or_else(|| c.name("ago"))
        .map(|m| m.as_str().to_ascii_lowercase());
    let (year, q) = match (rel.as_deref(), c.name("this")) {
        (_, Some(_)) | (Some("current"), _) => (ctx.now.year(), current),
        (Some("previous" | "prior"), _) => back(ctx.now.year(), current, 2),
        (Some(r), _) if r.ends_with("year-earlier") || r.ends_with("year-ago") => {
            back(ctx.now.year(), current, 5)
        }
        _ => back(ctx.now.year(), current, 1),
    };
    // "the 1988 quarter": the same quarter of the year named.
    let year = match c.name("y") {
        Some(y) => y.as_str().parse().ok()?,
        None => year,
    };
    Some(Value::Other(format!("{year:04}-Q{q}")))
}

/// "10:30 a.m.", "21:00": a time on the day last told (in news, the
/// report's day), as `2024-08-04T10:30`.
fn clock_time(c: &Captures, ctx: &Context) -> Option<Value> {
    let hour: u32 = c
        .name("h")
        .or_else(|| c.name("h2"))?
        .as_str()
        .parse()
        .ok()?;
    let minute: u32 = c
        .name("mi")
        .or_else(|| c.name("mi2"))
        .map_or(Some(0), |m| m.as_str().parse().ok())?;
    let pm = c
        .name("ap")
        .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with('p'));
    let am = c
        .name("ap")
        .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with('a'));
    if (am || pm) && !(1..=12).contains(&hour) {
        return None;
    }
    let hour = match (am, pm) {
        (_, true) if hour < 12 => hour + 12,
        (true, _) if hour == 12 => 0,
        _ => hour,
    };
    let day = match ctx.reference {
        Some(r) if r.precision == Precision::Day => r.start,
        _ => ctx.deictic(),
    };
    Some(Value::Other(format!(
        "{}T{hour:02}:{minute:02}",
        day.format("%Y-%m-%d")
    )))
}

fn decade(c: &Captures, _: &Context) -> Option<Value> {
    Period::decade(number(c, "dec")? as i32 * 10).map(Value::Period)
}

fn century(c: &Captures, _: &Context) -> Option<Value> {
    let (_, n) = trailing(c.name("ord")?.as_str(), parse_ordinal)?;
    let n = n as i32;
    if !(1..=21).contains(&n) {
        return None;
    }
    Period::century(n - 1).map(Value::Period)
}

/// `date` moved by `n` units, at the unit's precision; `None` when the
/// result would fall outside the calendar eventline writes (years 1 to 9999):
/// "99999999 days ago" is no date, and never an overflow.
fn shift(date: NaiveDate, unit: &str, n: i64) -> Option<Period> {
    let unit = unit.to_ascii_lowercase();
    let unit = unit.trim_end_matches('s');
    let years = |per_unit: i64| -> Option<i32> {
        let moved = i64::from(date.year()).checked_add(n.checked_mul(per_unit)?)?;
        i32::try_from(moved).ok().filter(|y| YEARS.contains(y))
    };
    let period = match unit {
        "day" => Period::day(date.checked_add_signed(Duration::try_days(n)?)?),
        "week" => Period::week(date.checked_add_signed(Duration::try_weeks(n)?)?),
        "month" => {
            let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
            let d = if n >= 0 {
                date.checked_add_months(months)?
            } else {
                date.checked_sub_months(months)?
            };
            Period::month(d.year(), d.month())?
        }
        "year" => Period::year(years(1)?)?,
        "decade" => Period::decade(years(10)? / 10 * 10)?,
        "centurie" | "century" => Period::century(years(100)? / 100)?,
        _ => return None,
    };
    period.in_calendar()
}

fn relative_unit(c: &Captures, ctx: &Context) -> Option<Value> {
    let rel = c.name("rel")?.as_str().to_ascii_lowercase();
    let n = match rel.split_whitespace().last()? {
        "this" | "current" => 0,
        "last" | "previous" | "past" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    shift(ctx.deictic(), c.name("unit")?.as_str(), n).map(Value::Period)
}

fn anaphoric_unit(c: &Captures, ctx: &Context) -> Option<Value> {
    let reference = ctx.reference?;
    let rel = c.name("rel")?.as_str().to_ascii_lowercase();
    let n = match rel.split_whitespace().last()? {
        "that" | "same" => 0,
        "following" | "next" => 1,
        "previous" | "preceding" => -1,
        _ => return None,
    };
    let unit = c.name("unit")?.as_str().to_ascii_lowercase();
    let needed = match unit.as_str() {
        "day" => Precision::Day,
        "week" => Precision::Week,
        "month" => Precision::Month,
        _ => Precision::Year,
    };
    // "the same day" after "in 2019" says nothing more precise.
    if reference.precision > needed {
        return None;
    }
    let unit = unit.as_str();
    shift(reference.start, unit, n).map(Value::Period)
}

/// A number written in words or digits at the end of a captured run of
/// words: "It was twenty-three" gives 23 from its last words.
fn trailing_number(text: &str) -> Option<(usize, u32)> {
    trailing(text, parse_cardinal)
}

/// The longest suffix of `text`, at a word boundary, that `parse` accepts.
fn trailing(text: &str, parse: fn(&str) -> Option<u32>) -> Option<(usize, u32)> {
    let mut best = None;
    let mut start = 0;
    loop {
        let candidate = &text[start..];
        if let Some(n) = parse(candidate) {
            best = Some((start, n));
            break;
        }
        match candidate.find([' ', '-']) {
            Some(p) => start += p + 1,
            None => break,
        }
    }
    best
}

fn units_ago(c: &Captures, ctx: &Context) -> Option<Value> {
    let (_, n) = trailing_number(c.name("n")?.as_str())?;
    shift(ctx.now, c.name("unit")?.as_str(), -(n as i64)).map(Value::Period)
}

/// "two years later", "a day earlier": counted from the last date told.
/// "Three years after 1950" counts from the year it names. "Ten days
/// before the murder" counts from an event, not a date: it is a duration
/// (the rule "duration" reads it), not a date of this rule.
fn units_later(c: &Captures, ctx: &Context) -> Option<Value> {
    let dir = c.name("dir")?.as_str().to_ascii_lowercase();
    let prepositional = matches!(dir.as_str(), "after" | "before");
    let named_year = number(c, "year").and_then(|y| i32::try_from(y).ok());
    if prepositional && named_year.is_none() && c.name("month").is_none() {
        return None;
    }
    let reference = match named_year {
        Some(year) => Period::year(year)?,
        None => ctx.reference?,
    };
    let (_, n) = trailing_number(c.name("n")?.as_str())?;
    let sign = match dir.as_str() {
        "later" | "after" => 1,
        _ => -1,
    };
    let unit = c.name("unit")?.as_str();
    let period = shift(reference.start, unit, sign * n as i64)?;
    // Never more precise than the reference: "two years later" than 1950 is 1952.
    Some(Value::Period(if period.precision < reference.precision {
        shift(period.start, reference_unit(reference.precision)?, 0)?
    } else {
        period
    }))
}

fn reference_unit(p: Precision) -> Option<&'static str> {
    Some(match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
    })
}

fn day_word(c: &Captures, ctx: &Context) -> Option<Value> {
    let text = c.get(0)?.as_str().to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let offset = lookup(DAY_WORDS, &words.join(" "))?;
    if ctx.mode == Mode::Narrative && offset == 0 && words == ["today"] {
        // A history's "today" is the time of writing, not of the story.
        return Some(Value::Other("PRESENT_REF".into()));
    }
    Some(Value::Period(Period::day(
        ctx.deictic() + Duration::days(offset),
    )))
}

fn weekday(c: &Captures, ctx: &Context) -> Option<Value> {
    let target = lookup(WEEKDAYS, c.name("w")?.as_str())?;
    let now = ctx.deictic();
    let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
    let back = (now.weekday().num_days_from_monday() as i64 - target.num_days_from_monday() as i64)
        .rem_euclid(7);
    let forward = (7 - back) % 7;
    let date = match (rel.as_deref(), ctx.tense()) {
        (Some("last"), _) => now - Duration::days(if back == 0 { 7 } else { back }),
        // "this coming Sunday" says "coming" last.
        (Some(r), _) if r == "next" || r.ends_with("coming") => {
            now + Duration::days(if forward == 0 { 7 } else { forward })
        }
        (_, Tense::Future) => now + Duration::days(forward),
        // No word says: the nearest such day.
        (_, Tense::Unmarked) if forward < back => now + Duration::days(forward),
        _ => now - Duration::days(back),
    };
    Some(Value::Period(Period::day(date)))
}

fn anniversary(c: &Captures, ctx: &Context) -> Option<Value> {
    let (_, n) = trailing(c.name("ord")?.as_str(), parse_ordinal)?;
    let n = n as i32;
    if n == 0 || n > 1000 {
        return None;
    }
    Period::year(ctx.now.year() - n).map(Value::Period)
}

/// "five years", "the first nine months": a length of time. An age ("a
/// 6-year-old", "52 years old") is none.
fn duration(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("age").is_some() {
        return None;
    }
    let (_, n) = trailing_number(c.name("n")?.as_str())?;
    let unit = unit_of(c.name("unit")?.as_str())?;
    let whole = duration_value(u64::from(n), unit);
    if c.name("half").or_else(|| c.name("half2")).is_none() {
        return Some(Value::Other(whole));
    }
    // "2 1/2 years", "a minute and a half": the half in the next unit down.
    let half = match unit {
        "Y" => "6M",
        "M" => "15D",
        "D" => "T12H",
        "TH" => "30M",
        "TM" => "30S",
        _ => return Some(Value::Other(whole)),
    };
    Some(Value::Other(format!("{whole}{half}")))
}

/// "year-end", "the end of the year", "the current fiscal year", "the full
/// year": the year of the report.
fn this_year(_: &Captures, ctx: &Context) -> Option<Value> {
    Period::year(ctx.deictic().year()).map(Value::Period)
}

/// "for the year", "the first nine months of the year", "earlier in the
/// year": the year of the report (in a history, of its reference). "the year ended June 30" and "the fiscal
/// year ending in March" are a twelve-month period, `P1Y`. Where other words
/// go on ("the year before", "the year-ago quarter", "the year 2000", "the
/// year when ...") or no preposition leads in, the phrase is left alone.
fn the_year(c: &Captures, ctx: &Context) -> Option<Value> {
    match c
        .name("after")
        .map(|m| m.as_str().trim().to_ascii_lowercase())
    {
        Some(word) if word == "ended" || word == "ending" => Some(Value::Other("P1Y".to_string())),
        Some(_) => None,
        None if c.name("lead").or_else(|| c.name("within")).is_some() => this_year(c, ctx),
        None => None,
    }
}

/// "the nineties": the decade of the 1900s it names.
fn decade_in_words(c: &Captures, _: &Context) -> Option<Value> {
    let tens = match c.name("dec")?.as_str().to_ascii_lowercase().as_str() {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        _ => 9,
    };
    Period::decade(1900 + tens * 10).map(Value::Period)
}

/// "the weekend", "last weekend", "this weekend": the Saturday and Sunday
/// of a week, as TIMEX3 `1989-W44-WE`.
fn weekend(c: &Captures, ctx: &Context) -> Option<Value> {
    let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
    let rel = match rel.as_deref() {
        Some("past") => Some("last"),
        Some("coming") => Some("next"),
        other => other,
    };
    let now = ctx.now;
    let saturday = |offset_weeks: i64| -> Option<NaiveDate> {
        let back = i64::from(now.weekday().num_days_from_monday()) - 5;
        now.checked_sub_signed(Duration::days(back))?
            .checked_add_signed(Duration::weeks(offset_weeks))
    };
    let this = saturday(0)?;
    let on_weekend = now >= this;
    let day = match (rel, ctx.tense()) {
        (Some("last"), _) | (None, Tense::Past) if !on_weekend => saturday(-1)?,
        // On a weekday, "next weekend" is the coming one.
        (Some("next"), _) if on_weekend => saturday(1)?,
        _ => this,
    };
    let week = day.iso_week();
    Some(Value::Other(format!(
        "{:04}-W{:02}-WE",
        week.year(),
        week.week()
    )))
}

/// Holidays of English-language news: Christmas, New Year's Day and Eve,
/// Thanksgiving (the fourth Thursday of November), in the year the tense
/// places them. A holiday never becomes the reference of what follows: in
/// a history it often names an offensive, not a day ("the Christmas
/// offensive").
fn holiday(c: &Captures, ctx: &Context) -> Option<Value> {
    // "the lunar New Year's Day", "the New Year's Day of Cambodia": another
    // calendar's day.
    if c.name("lunar").is_some() || c.name("of").is_some() {
        return None;
    }
    let name = crate::segment::single_spaced(&c.name("h")?.as_str().to_ascii_lowercase());
    let on = |year: i32| -> Option<NaiveDate> {
        match name.as_str() {
            "christmas" | "christmas day" => NaiveDate::from_ymd_opt(year, 12, 25),
            "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24),
            "new year's day" => NaiveDate::from_ymd_opt(year, 1, 1),
            "new year's eve" => NaiveDate::from_ymd_opt(year, 12, 31),
            _ => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4),
        }
    };
    // The year: the one named, else the one "last" or "next" says, else
    // the one the tense gives the holiday's month and day (Thanksgiving
    // read as late November).
    let year = match (
        number(c, "y"),
        c.name("rel").map(|m| m.as_str().to_ascii_lowercase()),
    ) {
        (Some(y), _) => i32::try_from(y).ok()?,
        (None, Some(rel)) => {
            let now = ctx.deictic();
            let this = on(now.year())?;
            match rel.as_str() {
                "last" if this >= now => now.year() - 1,
                "next" if this <= now => now.year() + 1,
                _ => now.year(),
            }
        }
        (None, None) => {
            let typical = on(ctx.deictic().year())?;
            infer_year(typical.month(), Some(typical.day()), ctx)
        }
    };
    on(year).map(|d| Value::Period(Period::day(d)))
}

/// "2:05:30" (a race's time): hours, minutes and seconds of a duration.
fn clock_duration(c: &Captures, _: &Context) -> Option<Value> {
    let (h, m, s) = (number(c, "h")?, number(c, "mi")?, number(c, "s")?);
    Some(Value::Other(format!("PT{h}H{m}M{s}S")))
}

/// A TIMEX3 duration of `n` units (as [`UNITS`] names them): `P5Y`,
/// `PT2H`. Decades and centuries are written in years, as TimeML's news
/// corpora write them ("two decades": `P20Y`).
fn duration_value(n: u64, unit: &str) -> String {
    match unit {
        "DE" => format!("P{}Y", n.saturating_mul(10)),
        "CE" => format!("P{}Y", n.saturating_mul(100)),
        _ => match unit.strip_prefix('T') {
            Some(u) => format!("PT{n}{u}"),
            None => format!("P{n}{unit}"),
        },
    }
}

/// "a few days", "several years", "the next few months", "coming weeks":
/// an unknown number of units; "a couple of years" is two. "Several years
/// ago" is the past, undated.
fn few_units(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("ago").is_some() {
        // "a few years ago": some time back, undated.
        return Some(Value::Other("PAST_REF".into()));
    }
    let unit = unit_of(c.name("unit").or_else(|| c.name("unit2"))?.as_str())?;
    let couple = c.get(0)?.as_str().to_ascii_lowercase().contains("couple");
    Some(Value::Other(count_of_units(
        if couple { "2" } else { "X" },
        unit,
    )))
}

/// A TIMEX3 duration of `count` (digits, or `X` for an unknown number)
/// units: `PXY`, `PTXH`, `P2Y`; decades and centuries in years.
fn count_of_units(count: &str, unit: &str) -> String {
    let unit = match unit {
        "DE" | "CE" => "Y",
        unit => unit,
    };
    match unit.strip_prefix('T') {
        Some(u) => format!("PT{count}{u}"),
        None => format!("P{count}{unit}"),
    }
}

/// "nineteen ninety-six", "the year two thousand": a year as it is spoken.
fn year_in_words(c: &Captures, _: &Context) -> Option<Value> {
    let year = match (c.name("hundreds"), c.name("rest")) {
        (Some(h), Some(rest)) => {
            let hundreds = parse_cardinal(h.as_str())?;
            let rest = rest.as_str().to_ascii_lowercase();
            let within = if rest == "hundred" {
                0
            } else {
                parse_cardinal(&rest)?
            };
            hundreds * 100 + within
        }
        _ => {
            2000 + c
                .name("ones")
                .map_or(Some(0), |m| parse_cardinal(m.as_str()))?
        }
    };
    let year = i32::try_from(year).ok()?;
    // "January nineteen ninety-seven", "the winter of nineteen ninety-four".
    if let Some(season) = c.name("s") {
        let code = lookup(SEASONS, season.as_str())?;
        return Some(Value::Other(format!("{year:04}-{code}")));
    }
    match month_number(c) {
        Some(month) => Period::month(year, month).map(Value::Period),
        None => Period::year(year).map(Value::Period),
    }
}

/// "for years", "recent months": a length of time of so many units.
fn vague_duration(c: &Captures, _: &Context) -> Option<Value> {
    let unit = unit_of(c.name("unit")?.as_str())?;
    Some(Value::Other(count_of_units("X", unit)))
}

fn reference_word(c: &Captures, _: &Context) -> Option<Value> {
    let text = c
        .name("e")
        .or_else(|| c.get(0))?
        .as_str()
        .to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    lookup(REF_WORDS, &words.join(" ")).map(|v| Value::Other(v.to_string()))
}

/// "every year", "weekly": once each unit (`P1Y`, `P1W`); "each July":
/// that month of every year (`XXXX-07`). ("Quarterly" and "hourly" are
/// mostly adjectives: "a quarterly dividend".)
fn set(c: &Captures, _: &Context) -> Option<Value> {
    if c.name("m").is_some() {
        return Some(Value::Other(format!("XXXX-{:02}", month_number(c)?)));
    }
    let value = match (c.name("unit"), c.name("adv")) {
        (Some(u), _) => duration_value(1, unit_of(u.as_str())?),
        (None, Some(a)) => match a.as_str().to_ascii_lowercase().as_str() {
            "annually" | "yearly" => "P1Y".into(),
            "monthly" => "P1M".into(),
            "weekly" => "P1W".into(),
            _ => "P1D".into(),
        },
        _ => return None,
    };
    Some(Value::Other(value))
}

/// Whether the words before an expression make it a deadline or a term
/// ("go home by Jan. 14", "payable Dec. 7"): it may lie either side of a
/// past-tense report, so the tense does not place it.
fn is_deadline(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    DEADLINE_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
}

/// Words right before a date that make it a limit or a term rather than
/// the time of the clause's verb: "by Jan. 14", "extended to Nov. 20",
/// "payable Dec. 7", "holders of record Nov. 15", "effective June 1".
const DEADLINE_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "before",
    "through",
    "to",
    "payable",
    "effective",
    "record",
    "expire",
    "expires",
    "expiring",
];

/// Whether an expression is a possessive ("Wednesday's ruling"): it names
/// a thing the report knows of, whatever the tense of the clause around it.
fn is_possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("\u{2019}s")
}

/// The dateline's pattern, and the indexes of its groups `city`, `date`,
/// `month` and `day`: read by index, a group's name is not hashed for every
/// article.
fn dateline_regex() -> &'static (regex_automata::meta::Regex, [usize; 4]) {
    static RE: OnceLock<(regex_automata::meta::Regex, [usize; 4])> = OnceLock::new();
    RE.get_or_init(|| {
        let regex = regex_automata::meta::Regex::new(&format!(
            // The forms of twenty years of KCNA: "Pyongyang, June 19 (KCNA)",
            // "Seoul, August 28 (KCNA Correspondent)", "(KNS-KCNA)",
            // "PYONGYANG, MARCH 3", "Pyongyang October 13", "June13",
            // "June 14, (KCNA)".
            r"(?m)^[ \t]*(?P<city>[A-Za-z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,3}})[ \t]*,?[ \t]*(?P<date>(?P<month>(?i:{MONTH_ANY}))[ \t]*(?P<day>\d{{1,2}}))[ \t]*,?[ \t]*(?:\d{{4}}[ \t]*)?\([ \t]*[A-Za-z]+(?:[ \t\-]+[A-Za-z]+)?[ \t]*\)"
        ))
        .expect("valid dateline regex");
        let group = |name: &str| {
            regex
                .group_info()
                .to_index(regex_automata::PatternID::ZERO, name)
                .expect("the dateline's groups")
        };
        let groups = [group("city"), group("date"), group("month"), group("day")];
        (regex, groups)
    })
}

/// How far into the body a dateline may stand, in characters.
const DATELINE_HEAD_CHARS: usize = 600;

/// The length in bytes of the first `chars` characters of `text`. Nearly
/// every article opens in ASCII, where the two are the same: one check of
/// the bytes says so, without decoding them one character at a time.
fn head_len(text: &str, chars: usize) -> usize {
    match text.get(..chars) {
        Some(head) if head.is_ascii() => chars,
        _ => text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i),
    }
}

/// Finds the dateline in the first lines of `body` and resolves its date to
/// the year nearest the publication date.
pub fn find_dateline(body: &str, published: NaiveDate) -> Option<Dateline> {
    use regex_automata::{Anchored, Input};
    let head = &body[..head_len(body, DATELINE_HEAD_CHARS)];
    let (regex, [city_group, date_group, month_group, day_group]) = dateline_regex();
    // The groups are read within the match only. Asked for over the whole
    // head, the engine that reads groups would be set up for all the text
    // after the match too, which costs more than finding the match.
    let whole = regex.find(head)?;
    let mut caps = regex.create_captures();
    regex.search_captures(
        &Input::new(head).span(whole.range()).anchored(Anchored::Yes),
        &mut caps,
    );
    let city = caps.get_group(*city_group)?;
    let date_match = caps.get_group(*date_group)?;
    let month = month_of(&head[caps.get_group(*month_group)?])?;
    let day: u32 = head[caps.get_group(*day_group)?].parse().ok()?;
    let date = (published.year() - 1..=published.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())?;
    // A report cannot be dated after its publication (beyond a day's lag):
    // when the two disagree, the publication date stands.
    let date = if date > published + chrono::Duration::days(1) {
        published
    } else {
        date
    };
    Some(Dateline {
        span: whole.range(),
        city: city.range(),
        date,
        expr: TimeExpr {
            span: date_match.range(),
            timex_type: TimexType::Date,
            value: Value::Period(Period::day(date)),
            rule: "dateline",
            role: TimexRole::Dateline,
            sets_reference: true,
            time: None,
        },
    })
}

#[cfg(test)]
mod context_tests {
    use super::*;

    /// A rule reads the tense only when the date depends on it (a day or a
    /// weekday without its year), and then once however often it asks.
    #[test]
    fn the_tense_is_read_by_the_rules_that_need_it_and_once() {
        let now = NaiveDate::from_ymd_opt(2024, 8, 4).expect("a day");
        let reads = std::cell::Cell::new(0);
        let read = || {
            reads.set(reads.get() + 1);
            Tense::Past
        };
        for (rule_name, text, needs_tense) in [
            ("month day, year", "on June 19, 2001", false),
            ("iso date", "on 2001-06-19", false),
            ("bare year", "in 2002", false),
            ("month year", "in June 2019", false),
            ("month day", "on June 19", true),
            ("weekday", "on Monday", true),
        ] {
            reads.set(0);
            let rule = compiled()
                .iter()
                .find(|r| r.name == rule_name)
                .expect("a rule of that name");
            let caps = rule.regex.captures(text).expect("the rule matches");
            let ctx = Context::new(now, None, Mode::News, &read);
            assert!((rule.resolve)(&caps, &ctx).is_some(), "{rule_name}");
            assert_eq!(reads.get(), usize::from(needs_tense), "{rule_name}");
            assert_eq!(ctx.tense(), Tense::Past);
            assert_eq!(ctx.tense(), Tense::Past);
            assert_eq!(reads.get(), 1, "{rule_name}: read once");
        }
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::*;

    /// The head is the first characters, whether or not they are ASCII.
    #[test]
    fn the_head_counts_characters_not_bytes() {
        let by_chars =
            |text: &str, n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        for text in [
            "",
            "abc",
            "Pyongyang, June 3",
            "Séoul — “KCNA”",
            "日本語のテキスト",
            "a\u{1F600}b",
        ] {
            for n in 0..=text.len() + 2 {
                assert_eq!(head_len(text, n), by_chars(text, n), "{text:?} {n}");
            }
        }
    }

    /// Days and months are written as chrono's `%Y-%m-%d` and `%Y-%m`
    /// write them, within the four-digit years and beyond them.
    #[test]
    fn days_months_and_years_are_written_as_chrono_writes_them() {
        for year in [
            -10000, -1, 0, 1, 9, 10, 99, 999, 1950, 2024, 9999, 10000, 262000,
        ] {
            for (month, day) in [(1, 1), (2, 29), (6, 19), (10, 10), (12, 31)] {
                let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                    continue;
                };
                struct InGeneral(Period);
                impl std::fmt::Display for InGeneral {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        self.0.fmt_in_general(f)
                    }
                }
                let in_general = |p: Period| Some(InGeneral(p).to_string());
                let day = Period::day(date);
                assert_eq!(day.to_string(), date.format("%Y-%m-%d").to_string());
                assert_eq!(in_general(day).unwrap(), day.to_string());
                let Some(whole_month) = Period::month(year, month) else {
                    continue;
                };
                assert_eq!(whole_month.to_string(), date.format("%Y-%m").to_string());
                assert_eq!(in_general(whole_month).unwrap(), whole_month.to_string());
                let Some(whole_year) = Period::year(year) else {
                    continue;
                };
                // (Beyond them a year is written by `{:04}`: "-001", "10000".)
                if (0..=9999).contains(&year) {
                    assert_eq!(whole_year.to_string(), date.format("%Y").to_string());
                }
                assert_eq!(in_general(whole_year).unwrap(), whole_year.to_string());
            }
        }
    }

    #[test]
    fn the_rule_set_answers_as_its_rules_do() {
        let set = rule_set();
        // Month and digit rules share their anchors; a rule of its own
        // anchors ("ago") is tried by itself.
        assert!(set.members.len() >= 6 && set.members.len() < compiled().len());
        let ago = compiled().iter().position(|r| r.anchors == ["ago"]);
        assert!(ago.is_some_and(|i| set.mask & (1 << i) == 0));
        for sentence in [
            "Pyongyang, June 19 (KCNA) -- Kim Jong Il met him on June 19, 2001.",
            "The talks were held from 12 to 14 August 2002 and on 2019-04-05.",
            "He arrived on 4/8/2001, twenty-three years ago, in Juche 90 (2001).",
            "Mar. 3 this year, May 1 last year and December 2.",
            "No date here at all.",
            "",
        ] {
            let by_set = set.matching(sentence, u64::MAX);
            assert_eq!(by_set == 0, !sentence.chars().any(|c| c.is_ascii_digit()));
            for &order in &set.members {
                assert_eq!(
                    by_set & (1 << order) != 0,
                    compiled()[order].regex.is_match(sentence),
                    "{} in {sentence:?}",
                    compiled()[order].name
                );
            }
        }
    }

    #[test]
    fn periods_are_written_at_their_precision() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = |precision, start| Period {
            precision,
            start,
            end: start,
        };
        for (period, written) in [
            (Period::day(day(2001, 8, 4)), "2001-08-04"),
            (at(Precision::Week, day(2024, 7, 29)), "2024-W31"),
            (at(Precision::Month, day(2019, 4, 1)), "2019-04"),
            (at(Precision::Year, day(2002, 1, 1)), "2002"),
            (at(Precision::Year, day(987, 1, 1)), "0987"),
            (at(Precision::Decade, day(1990, 1, 1)), "199"),
            (at(Precision::Century, day(1900, 1, 1)), "19"),
        ] {
            assert_eq!(period.iso(), written);
            assert_eq!(period.to_string(), written);
        }
        let evening = TimeExpr {
            span: 0..0,
            timex_type: TimexType::Time,
            value: Value::Period(Period::day(day(2001, 8, 4))),
            rule: "test",
            role: TimexRole::Plain,
            sets_reference: false,
            time: Some("TEV".into()),
        };
        assert_eq!(evening.timex_value(), "2001-08-04TEV");
        assert_eq!(evening.timex().to_string(), "2001-08-04TEV");
    }

    /// The month names as one flat list, in the order the grouped pattern
    /// keeps: every name written out, then the short ones with a period,
    /// then without.
    const MONTH_LIST: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    #[test]
    fn month_names_grouped_match_as_the_flat_list_does() {
        // As the rules use them: in a longer pattern, where what follows
        // decides which form of the name is taken.
        for tail in ["", r"\s+\d+", r"\.?\s+\d+", r"\b", "t"] {
            let grouped = Regex::new(&format!(r"(?i-u)\b(?P<m>{MONTH_ANY}){tail}")).unwrap();
            let flat = Regex::new(&format!(r"(?i-u)\b(?P<m>{MONTH_LIST}){tail}")).unwrap();
            for text in [
                "January 5",
                "Jan. 5",
                "Jan 5",
                "Janu 5",
                "JANUARY. 5",
                "Sept. 19",
                "Sept 19",
                "Sep. 19",
                "Sep 19",
                "September 19",
                "Septem 19",
                "Septt 1",
                "sept.5",
                "May 1, Mayday, May. 2",
                "on Mar. 3 and March 4 and Marc 5, Dec.1",
                "Jun, June, Jul, July. 4",
                "no month here: mandate, octopus, decade 1",
            ] {
                let spans = |re: &Regex| -> Vec<(usize, usize, usize, usize)> {
                    re.captures_iter(text)
                        .map(|c| {
                            let (w, m) = (c.get(0).unwrap(), c.name("m").unwrap());
                            (w.start(), w.end(), m.start(), m.end())
                        })
                        .collect()
                };
                assert_eq!(spans(&grouped), spans(&flat), "{text:?} with {tail:?}");
            }
        }
    }

    #[test]
    fn word_tables_are_in_lower_case() {
        fn lower<T>(table: &[(&str, T)]) -> bool {
            table.iter().all(|(w, _)| *w == w.to_ascii_lowercase())
        }
        assert!(lower(DAY_WORDS) && lower(MONTHS) && lower(REF_WORDS));
        assert!(lower(SEASONS) && lower(UNITS) && lower(WEEKDAYS));
    }

    #[test]
    fn datelines_in_the_forms_kcna_uses() {
        let published = NaiveDate::from_ymd_opt(2012, 8, 29).unwrap();
        for (text, city, date) in [
            (
                "Pyongyang, August 28 (KCNA) -- Talks.",
                "Pyongyang",
                (2012, 8, 28),
            ),
            (
                "Seoul, August 28 (KCNA Correspondent) -- A meeting.",
                "Seoul",
                (2012, 8, 28),
            ),
            (
                "Hanoi, August 7 (KCNA correspondent) -- A function.",
                "Hanoi",
                (2012, 8, 7),
            ),
            (
                "Tokyo, August 20 (KNS-KCNA) -- Chongryon.",
                "Tokyo",
                (2012, 8, 20),
            ),
            (
                "PYONGYANG, AUGUST 3 (KCNA) -- THE PUPPET.",
                "PYONGYANG",
                (2012, 8, 3),
            ),
            (
                "Pyongyang August 13 (KCNA) - Kim Jong Il.",
                "Pyongyang",
                (2012, 8, 13),
            ),
            (
                "Pyongyang, June13 (KCNA) -- The history.",
                "Pyongyang",
                (2012, 6, 13),
            ),
            (
                "Pyongyang, June 14, (KCNA) -- It hailed.",
                "Pyongyang",
                (2012, 6, 14),
            ),
            (
                "Title\r\n   Pyongyang, August 2 (KCNA ) -- Talks.",
                "Pyongyang",
                (2012, 8, 2),
            ),
        ] {
            let d = find_dateline(text, published).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(&text[d.city.clone()], city, "{text}");
            let want = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
            assert_eq!(d.date, want, "{text}");
        }
    }

    #[test]
    fn a_dateline_after_its_publication_gives_way_to_it() {
        let published = NaiveDate::from_ymd_opt(1997, 7, 4).unwrap();
        let d = find_dateline("Pyongyang, July 14 (KCNA) -- Talks.", published).unwrap();
        assert_eq!(d.date, published);
        let d = find_dateline("Pyongyang, July 5 (KCNA) -- Talks.", published).unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1997, 7, 5).unwrap());
    }

    #[test]
    fn a_sentence_with_a_date_is_no_dateline() {
        let published = NaiveDate::from_ymd_opt(2012, 8, 29).unwrap();
        for text in [
            "Kim Jong Un, August 28 marks the day.",
            "Pyongyang, February    (KCNA) -- Komdok.",
            "The talks were held in Pyongyang, August 28 (see above).",
        ] {
            assert!(find_dateline(text, published).is_none(), "{text}");
        }
    }
}

/// A word that must be capitalised to be read as a date: "may" and "march"
/// are verbs in lower case.
fn case_ok(expr: &str, all_caps: bool) -> bool {
    if all_caps {
        return true;
    }
    // "in august last year": a month name written out in lower case is a
    // month when the expression counts years from it (see MONTH_LOWER).
    let counts_years = expr
        .len()
        .checked_sub(" year".len())
        .is_some_and(|at| expr.as_bytes()[at..].eq_ignore_ascii_case(b" year"));
    for word in expr.split(|c: char| !c.is_alphabetic()) {
        let is_name = month_of(word).is_some() || lookup(WEEKDAYS, word).is_some();
        let lowercase_month = counts_years && MONTH_LOWER.split('|').any(|m| m == word);
        if is_name && word.chars().next().is_some_and(char::is_lowercase) && !lowercase_month {
            return false;
        }
    }
    true
}

/// Words after a number that make it a quantity, not a year: "2000 tons".
const MEASURE_WORDS: &[&str] = &[
    "people",
    "persons",
    "tons",
    "tonnes",
    "t",
    "metres",
    "meters",
    "m",
    "km",
    "kilometres",
    "kilometers",
    "kilograms",
    "kg",
    "grams",
    "dollars",
    "won",
    "yuan",
    "euros",
    "rubles",
    "hectares",
    "ha",
    "units",
    "times",
    "members",
    "workers",
    "soldiers",
    "troops",
    "men",
    "women",
    "children",
    "students",
    "copies",
    "pieces",
    "cases",
    "households",
    "families",
    "sq",
    "square",
    "percent",
    "per",
    "mm",
    "cm",
    "feet",
    "ft",
    "miles",
    "horsepower",
    "hp",
    "mw",
    "kw",
    "ships",
    "aircraft",
    "planes",
    "tanks",
    "guns",
    "rounds",
    "shells",
    "casualties",
    "dead",
    "killed",
    "wounded",
    "prisoners",
    "refugees",
    "votes",
    "seats",
    "books",
    "titles",
    "items",
    "kinds",
    "tonne",
    "litres",
    "liters",
    "barrels",
    "acres",
    "others",
    "more",
    "strong",
];

/// Whether a bare four-digit number counts something ("2000 tons") or is
/// part of a larger number ("$1950", "No. 1950").
fn counts_something(text: &str, start: usize, end: usize) -> bool {
    let next: String = text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let before = text[..start].trim_end();
    MEASURE_WORDS.contains(&next.as_str())
        || before.ends_with(['$', '#', '\u{20ac}', '\u{a3}'])
        || before.to_ascii_lowercase().ends_with("no.")
}

/// Words before "a year", "a day" that make it a rate: "$5 million a year",
/// "four flights a week", "twice a day".
const RATE_LEADS: &[&str] = &[
    "million", "billion", "thousand", "hundred", "dozen", "percent", "times", "once", "twice",
];

/// Whether "a"/"an" and a unit at `start..end` is a rate after a quantity.
fn is_rate(text: &str, start: usize, end: usize) -> bool {
    let expr = text[start..end].to_ascii_lowercase();
    if !(expr.starts_with("a ") || expr.starts_with("an ")) {
        return false;
    }
    let before = text[..start].trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_end_matches([',', ';'])
        .to_ascii_lowercase();
    previous.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || RATE_LEADS.contains(&previous.as_str())
        // "flights a week", "barrels a day": a plural noun counted per unit.
        || (previous.len() > 4
            && previous.ends_with('s')
            && !previous.ends_with("ss")
            && previous.chars().all(|c| c.is_ascii_lowercase()))
}

/// Right-hand context that makes a number something other than a date:
/// "the 1990s-style", "2,000", "2024%".
fn followed_by_non_date(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        // "the 1990s-style" is no date; "1955-1957" is two.
        Some('-') => chars.next().is_some_and(char::is_alphabetic),
        Some('%') | Some('$') => true,
        Some(',') | Some('.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// An expression a rule read in a sentence, before overlapping ones are
/// settled.
struct Candidate {
    /// The rule's place in [`compiled`].
    order: usize,
    /// Where the rule's match starts in the sentence.
    match_start: usize,
    /// Where the expression starts in the sentence, and the match ends: what
    /// its tense is read from.
    start: usize,
    match_end: usize,
    /// The tense at the expression, if the rule read it.
    tense: Option<Tense>,
    expr: TimeExpr,
}

/// Resolves one sentence with the rules whose bit is set in `rule_mask`.
fn resolve_rules(
    sentence: &str,
    offset: usize,
    now: NaiveDate,
    reference: Option<Period>,
    mode: Mode,
    rule_mask: u64,
) -> Vec<TimeExpr> {
    let all_caps = !sentence.chars().any(char::is_lowercase);
    let mut candidates: Vec<Candidate> = Vec::new();
    // Spans that read as a whole calendar date (year, month and day) but
    // name no day of the calendar: "February 29, 2023" is no date, and
    // neither is its "February 29".
    let mut impossible: Vec<Range<usize>> = Vec::new();
    let words: std::cell::OnceCell<Vec<(usize, &str)>> = std::cell::OnceCell::new();
    // The tense of an expression starting at `start` whose match ends at
    // `end`.
    let tense_at = |start: usize, end: usize| {
        if is_deadline(&sentence[..start]) || is_possessive(&sentence[end..]) {
            Tense::Unmarked
        } else {
            let words = words.get_or_init(|| crate::segment::words(sentence));
            crate::tense::tense_at(words, start)
        }
    };
    // With several rules of the set in question, one scan of it tells which
    // of them match; any other rule is tried by itself. A try is a search
    // for its captures straight away: where the rule matches, a test with
    // `is_match` first would read the sentence twice, and where it does
    // not, both read it once to the end and find nothing.
    let set = rule_set();
    let rule_mask = if (rule_mask & set.mask).count_ones() > 2 {
        (rule_mask & !set.mask) | set.matching(sentence, rule_mask)
    } else {
        rule_mask
    };
    for (order, rule) in compiled().iter().enumerate() {
        if rule_mask & (1 << order) == 0 {
            continue;
        }
        for caps in rule.regex.captures_iter(sentence) {
            let Some(m) = caps.get(rule.group).or_else(|| caps.get(0)) else {
                continue;
            };
            let whole = caps.get(0).map_or(m.end(), |w| w.end());
            if !case_ok(caps.get(0).map_or("", |w| w.as_str()), all_caps)
                || followed_by_non_date(sentence, whole)
                || (rule.may_count && counts_something(sentence, m.start(), whole))
                || (rule.may_be_rate && is_rate(sentence, m.start(), whole))
            {
                continue;
            }
            let mut start = m.start();
            let mut skip_candidate = false;
            // Drop the words a number-word group took before its number.
            let [cardinal, ordinal] = rule.number_groups;
            for (group, parse) in [
                (cardinal, parse_cardinal as fn(&str) -> Option<u32>),
                (ordinal, parse_ordinal),
            ] {
                let Some(n) = group.and_then(|g| caps.get(g)) else {
                    continue;
                };
                match trailing(n.as_str(), parse) {
                    Some((skip, _)) if n.start() <= start + 4 && skip > 0 => {
                        start = n.start() + skip;
                        // Keep a determiner: "the twentieth century".
                        if ends_with_pieces(&sentence[..start], &["the "]) {
                            start -= 4;
                        }
                    }
                    Some(_) => {}
                    None => skip_candidate = true,
                }
            }
            if skip_candidate {
                continue;
            }
            let read_tense = || tense_at(start, m.end());
            let ctx = Context::new(now, reference, mode, &read_tense);
            if let Some(value) = (rule.resolve)(&caps, &ctx) {
                let expr = TimeExpr {
                    span: offset + start..offset + m.end(),
                    timex_type: rule.timex_type,
                    value,
                    rule: rule.name,
                    role: rule.role,
                    sets_reference: rule.sets_reference,
                    time: None,
                };
                let match_start = caps.get(0).map_or(m.start(), |w| w.start());
                candidates.push(Candidate {
                    order,
                    match_start,
                    start,
                    match_end: m.end(),
                    tense: ctx.tense_read(),
                    expr,
                });
            } else if names_no_calendar_day(&caps) {
                impossible.push(offset + start..offset + whole);
            }
        }
    }
    candidates.retain(|c| {
        !impossible
            .iter()
            .any(|r| r.start <= c.expr.span.start && c.expr.span.end <= r.end)
    });
    candidates.sort_by(|a, b| {
        a.expr
            .span
            .start
            .cmp(&b.expr.span.start)
            .then(b.expr.span.end.cmp(&a.expr.span.end))
            .then(a.order.cmp(&b.order))
    });
    let mut chosen: Vec<TimeExpr> = Vec::new();
    let mut last_end = 0;
    // "On May 22, 1995, he was promoted, and the following year he left":
    // a relative expression counts from a date with its year told before
    // it in its own sentence too.
    let mut local_reference = reference;
    for Candidate {
        order,
        match_start,
        start,
        match_end,
        tense,
        mut expr,
    } in candidates
    {
        if expr.span.start < last_end {
            continue;
        }
        last_end = expr.span.end;
        if !expr.sets_reference && local_reference != reference {
            let rule = &compiled()[order];
            let read_tense = || tense.unwrap_or_else(|| tense_at(start, match_end));
            let ctx = Context::new(now, local_reference, mode, &read_tense);
            if let Some(value) = rule
                .regex
                .captures_at(sentence, match_start)
                .and_then(|caps| (rule.resolve)(&caps, &ctx))
            {
                expr.value = value;
            }
        }
        // Only a date that names its year: a year-less day may be a name
        // ("the 17th April Spring Festival", "celebrating February 16").
        let names_year = !matches!(
            expr.role,
            TimexRole::YearlessDay | TimexRole::YearlessMonth | TimexRole::Weekday
        );
        if let (Value::Period(p), true) = (&expr.value, expr.sets_reference && names_year) {
            local_reference = Some(*p);
        }
        chosen.push(expr);
    }
    join_day_parts(sentence, offset, &mut chosen);
    for expr in &mut chosen {
        expr.span.start = offset + with_modifier(sentence, expr.span.start - offset);
        add_time_of_day(sentence, offset, expr);
    }
    date_anniversaries(sentence, offset, &mut chosen);
    date_after_elapsed_years(sentence, offset, &mut chosen);
    chosen
}

/// Time zones a clock time may name before its day ("9 a.m. EST Tuesday").
const TIME_ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet",
];

/// The words between two expressions, when they join them into one: a
/// comma ("Saturday, April 25"), a time zone ("5 p.m. EST Nov. 9"), or
/// nothing but a space.
fn joins(between: &str, after_clock: bool) -> bool {
    let mut rest = between.trim();
    if after_clock {
        let zone = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if TIME_ZONES.contains(&zone.to_ascii_lowercase().as_str()) {
            rest = rest[zone.len()..].trim();
        }
    }
    rest.is_empty() || rest == ","
}

/// "Saturday, April 25", "10 p.m. Wednesday", "5 p.m. EST, Nov. 6": a
/// weekday with the date after it, or a clock time with its day, is one
/// expression. The date decides the day, the clock reading the time.
fn join_day_parts(sentence: &str, offset: usize, exprs: &mut Vec<TimeExpr>) {
    let mut i = 0;
    while i + 1 < exprs.len() {
        let (first, second) = (&exprs[i], &exprs[i + 1]);
        let between = &sentence[first.span.end - offset..second.span.start - offset];
        let day = match second.period() {
            Some(p) if p.precision == Precision::Day && second.time.is_none() => p.start,
            _ => {
                i += 1;
                continue;
            }
        };
        let clock = match (&first.value, first.timex_type) {
            (Value::Other(v), TimexType::Time) => v.find('T').map(|t| v[t..].to_string()),
            _ => None,
        };
        let weekday_first = first.role == TimexRole::Weekday
            && matches!(first.period(), Some(p) if p.precision == Precision::Day);
        let joined = match clock {
            Some(time) if joins(between, true) => Some(TimeExpr {
                span: first.span.start..second.span.end,
                timex_type: TimexType::Time,
                value: Value::Period(Period::day(day)),
                rule: first.rule,
                role: TimexRole::Plain,
                sets_reference: true,
                time: Some(time),
            }),
            None if weekday_first && second.role != TimexRole::Weekday && joins(between, false) => {
                Some(TimeExpr {
                    span: first.span.start..second.span.end,
                    ..second.clone()
                })
            }
            _ => None,
        };
        match joined {
            Some(expr) => {
                exprs[i] = expr;
                exprs.remove(i + 1);
            }
            None => i += 1,
        }
    }
}

/// The words after a day that say it is an anniversary: "June 24 is ...
/// the 51st anniversary", "July 27 marks the 60th anniversary".
const ANNIVERSARY_COPULAS: &[&str] = &["is ", "was ", "marks ", "marked ", "will be ", "falls "];

/// The words after "N years" that count them back from now: "six years
/// have passed since", "It has been six years since".
const ELAPSED_SINCE: &[&str] = &[
    "since",
    "have passed since",
    "has passed since",
    "have elapsed since",
    "has elapsed since",
    "have gone by since",
    "has gone by since",
    "ago",
];

/// "It has been six years since the declaration was adopted at the summit
/// held on October 4", "six years ago, on October 4": a day or month
/// without a year that follows years counted back from now is in that year,
/// not in this one. ("for six years since October 4" measures a stretch.)
fn date_after_elapsed_years(sentence: &str, offset: usize, exprs: &mut [TimeExpr]) {
    let elapsed = exprs.iter().find_map(|e| {
        let back = match (&e.value, e.timex_type) {
            (Value::Other(v), TimexType::Duration) => v
                .strip_prefix('P')
                .and_then(|v| v.strip_suffix('Y'))
                .and_then(|n| n.parse::<i32>().ok())
                .map(YearsBack::By)?,
            (Value::Period(p), _)
                if e.role == TimexRole::YearsAgo && p.precision == Precision::Year =>
            {
                return Some((e.span.end, YearsBack::To(p.start.year())));
            }
            _ => return None,
        };
        let before = sentence[..e.span.start - offset]
            .trim_end()
            .to_ascii_lowercase();
        if before.ends_with("for") || before.ends_with("over") {
            return None;
        }
        let after = sentence[e.span.end - offset..]
            .trim_start()
            .to_ascii_lowercase();
        let counts_back = ELAPSED_SINCE.iter().any(|phrase| {
            after
                .strip_prefix(phrase)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        });
        counts_back.then_some((e.span.end, back))
    });
    let Some((from, back)) = elapsed else { return };
    for expr in exprs.iter_mut().filter(|e| e.span.start >= from) {
        if !matches!(expr.role, TimexRole::YearlessDay | TimexRole::YearlessMonth) {
            continue;
        }
        let Value::Period(p) = expr.value else {
            continue;
        };
        let year = match back {
            YearsBack::By(years) => p.start.year().checked_sub(years),
            YearsBack::To(year) => Some(year),
        };
        let Some(year) = year else { continue };
        let moved = match p.precision {
            Precision::Day => p.start.with_year(year).map(Period::day),
            Precision::Month => Period::month(year, p.start.month()),
            _ => None,
        };
        if let Some(moved) = moved {
            expr.value = Value::Period(moved);
        }
    }
}

/// How years counted back from now place a date: by so many years from the
/// year it would otherwise have, or in a year already resolved.
#[derive(Clone, Copy)]
enum YearsBack {
    By(i32),
    To(i32),
}

/// Parts of the day and their TIMEX3 codes.
const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "TMO"),
    ("afternoon", "TAF"),
    ("evening", "TEV"),
    ("night", "TNI"),
    ("tonight", "TNI"),
];

/// Words for a time of the day before the day they fall on: "noon
/// Thursday", "midnight Friday".
const CLOCK_WORDS: &[(&str, &str)] = &[
    ("noon", "T12:00"),
    ("midday", "T12:00"),
    ("midnight", "T24:00"),
];

/// "Saturday evening", "the morning of April 19", "this afternoon": a day
/// with its part of the day is a TIME, and its extent takes the words in.
fn add_time_of_day(sentence: &str, offset: usize, expr: &mut TimeExpr) {
    let Some(period) = expr.period() else { return };
    if period.precision != Precision::Day {
        return;
    }
    let (start, end) = (expr.span.start - offset, expr.span.end - offset);
    if let Some(&(_, code)) = PARTS_OF_DAY.iter().find(|(w, _)| {
        sentence[start..end]
            .split_whitespace()
            .any(|x| x.eq_ignore_ascii_case(w))
    }) {
        expr.time = Some(code.into());
        expr.timex_type = TimexType::Time;
        return;
    }
    let after = &sentence[end..];
    for (word, code) in PARTS_OF_DAY {
        let len = word.len() + 1;
        if starts_with_pieces(after, &[" ", word])
            && !after[len..].starts_with(|c: char| c.is_alphanumeric())
        {
            expr.span.end += len;
            expr.time = Some((*code).into());
            expr.timex_type = TimexType::Time;
            return;
        }
    }
    let before = &sentence[..start];
    for (word, time) in CLOCK_WORDS {
        let len = word.len() + 1;
        let bounded = ends_with_pieces(before, &[word, " "])
            && !before[..before.len() - len].ends_with(|c: char| c.is_ascii_alphanumeric());
        if bounded {
            expr.span.start -= len;
            expr.time = Some((*time).into());
            expr.timex_type = TimexType::Time;
            return;
        }
    }
    for (word, code) in PARTS_OF_DAY {
        for lead in [&["the ", word, " of "][..], &[word, " of "][..]] {
            if ends_with_pieces(before, lead) {
                expr.span.start -= lead.iter().map(|p| p.len()).sum::<usize>();
                expr.time = Some((*code).into());
                expr.timex_type = TimexType::Time;
                return;
            }
        }
    }
}

/// Whether `text` starts with the pieces one after another, in any case
/// (ASCII): a comparison without building the phrase.
fn starts_with_pieces(text: &str, pieces: &[&str]) -> bool {
    let mut rest = text.as_bytes();
    for piece in pieces {
        match rest.get(..piece.len()) {
            Some(head) if head.eq_ignore_ascii_case(piece.as_bytes()) => {
                rest = &rest[piece.len()..]
            }
            _ => return false,
        }
    }
    true
}

/// Whether `text` ends with the pieces one after another, in any case
/// (ASCII).
fn ends_with_pieces(text: &str, pieces: &[&str]) -> bool {
    let mut rest = text.as_bytes();
    for piece in pieces.iter().rev() {
        let Some(at) = rest.len().checked_sub(piece.len()) else {
            return false;
        };
        if !rest[at..].eq_ignore_ascii_case(piece.as_bytes()) {
            return false;
        }
        rest = &rest[..at];
    }
    true
}

/// Words before an expression that say which part of it is meant; TIMEX3
/// extents include them ("earlier this year", "the end of May").
const MODIFIERS: &[&str] = &[
    "earlier",
    "later",
    "early",
    "late",
    "mid",
    "the end of",
    "the beginning of",
    "the middle of",
    "the start of",
    "the first half of",
    "the second half of",
];

/// Words before a quantity of time that say how exact it is; TIMEX3
/// extents include them ("nearly two years", "more than four decades ago",
/// "around 7:15 p.m.").
const APPROXIMATORS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "no more than",
    "no less than",
    "over",
    "under",
    "within",
];

/// Whether an expression starts with a quantity: digits, a number word,
/// "a" or "an".
fn starts_with_quantity(expr: &str) -> bool {
    let first = expr.split([' ', '-']).next().unwrap_or("");
    first.starts_with(|c: char| c.is_ascii_digit())
        || ["a", "an"].iter().any(|a| a.eq_ignore_ascii_case(first))
        || parse_cardinal(first).is_some()
}

/// The start of an expression with the modifier before it, if any.
fn with_modifier(sentence: &str, start: usize) -> usize {
    let before = &sentence[..start];
    let approximators: &[&str] = if starts_with_quantity(&sentence[start..]) {
        APPROXIMATORS
    } else {
        &[]
    };
    for modifier in MODIFIERS.iter().chain(approximators) {
        for gap in [" ", "-"] {
            if !ends_with_pieces(before, &[modifier, gap]) {
                continue;
            }
            let at = start - modifier.len() - gap.len();
            let bounded = at == 0 || !before.as_bytes()[at - 1].is_ascii_alphanumeric();
            if bounded {
                return at;
            }
        }
    }
    start
}

/// "June 24 is a meaningful day marking the 51st anniversary of ...": an
/// anniversary takes the day and month of the year-less date its sentence
/// says it is. The day something else took place on ("an exhibition opened
/// on August 30 on the occasion of the fifth anniversary") is not the
/// anniversary's, nor is the dateline's (see [`resolve_article`]).
fn date_anniversaries(sentence: &str, offset: usize, exprs: &mut [TimeExpr]) {
    let day = exprs.iter().find_map(|e| match (e.role, &e.value) {
        (TimexRole::YearlessDay, Value::Period(p)) => {
            let after = sentence[e.span.end - offset..].trim_start();
            ANNIVERSARY_COPULAS
                .iter()
                .any(|c| after.starts_with(c))
                .then_some(p.start)
        }
        _ => None,
    });
    let Some(day) = day else { return };
    for expr in exprs
        .iter_mut()
        .filter(|e| e.role == TimexRole::Anniversary)
    {
        if let Value::Period(p) = expr.value {
            let year = p.start.year() + (day.year() - day.year());
            if let Some(date) = NaiveDate::from_ymd_opt(year, day.month(), day.day()) {
                expr.value = Value::Period(Period::day(date));
            }
        }
    }
}

/// Resolves a whole article: finds its dateline, anchors relative
/// expressions on the dateline's date (else on `published`), and puts the
/// dateline's own date in place of whatever a general rule read there.
pub fn resolve_article(
    body: &str,
    sentences: &[Range<usize>],
    published: NaiveDate,
    mode: Mode,
) -> (Option<Dateline>, Vec<TimeExpr>) {
    let dateline = find_dateline(body, published);
    let now = dateline.as_ref().map_or(published, |d| d.date);
    let mut exprs = resolve_document(body, sentences, now, mode);
    if let Some(d) = &dateline {
        let in_dateline =
            |e: &TimeExpr| e.span.start < d.expr.span.end && e.span.end > d.expr.span.start;
        // "Pyongyang, August 7 (KCNA) -- A meeting was held to mark the 10th
        // anniversary of the visit": the report's day is not the
        // anniversary's, another day of the sentence is ("June 24 is the
        // 51st anniversary"); else the visit is dated to its year.
        let first_sentence = sentences
            .iter()
            .find(|s| s.contains(&d.expr.span.start))
            .cloned();
        let in_first = |e: &TimeExpr| {
            first_sentence
                .as_ref()
                .is_some_and(|s| s.contains(&e.span.start))
        };
        let other_day = exprs.iter().find_map(|e| match (&e.value, e.role) {
            (Value::Period(p), TimexRole::YearlessDay) if !in_dateline(e) && in_first(e) => {
                let after = body[e.span.end..].trim_start();
                ANNIVERSARY_COPULAS
                    .iter()
                    .any(|c| after.starts_with(c))
                    .then_some(p.start)
            }
            _ => None,
        });
        for expr in exprs.iter_mut() {
            let day = match &expr.value {
                Value::Period(p) if p.precision == Precision::Day => Some(p.start),
                _ => None,
            };
            let (Some(day), TimexRole::Anniversary, true) = (day, expr.role, in_first(expr)) else {
                continue;
            };
            let moved = match other_day {
                Some(other) => {
                    NaiveDate::from_ymd_opt(day.year(), other.month(), other.day()).map(Period::day)
                }
                None => Period::year(day.year()),
            };
            if let Some(moved) = moved {
                expr.value = Value::Period(moved);
            }
        }
        exprs.retain(|e| !in_dateline(e));
        exprs.push(d.expr.clone());
        exprs.sort_by_key(|e| (e.span.start, e.span.end));
    }
    (dateline, exprs)
}

/// Whether a word is a month's or a weekday's name ("May", "Sept", "Monday").
pub fn is_calendar_word(word: &str) -> bool {
    month_of(word).is_some() || lookup(WEEKDAYS, word).is_some()
}

/// A quarter as TIMEX3 writes it: `1989-Q3` gives (1989, 3).
fn quarter_of(value: &str) -> Option<(i32, u32)> {
    let (year, q) = value.split_once("-Q")?;
    let q: u32 = q.parse().ok()?;
    ((1..=4).contains(&q) && year.len() == 4)
        .then(|| year.parse().ok().map(|y| (y, q)))
        .flatten()
}

/// How many years "a year ago", "two years earlier" or "year-earlier" count
/// back, when that is all the expression says.
fn years_back(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.trim_start_matches("the ").trim();
    for approximator in APPROXIMATORS {
        if let Some(r) = rest
            .strip_prefix(approximator)
            .and_then(|r| r.strip_prefix(' '))
        {
            rest = r;
        }
    }
    if matches!(rest, "year-earlier" | "year-ago") {
        return Some(1);
    }
    let rest = rest
        .strip_suffix(" ago")
        .or_else(|| rest.strip_suffix(" earlier"))?;
    let number = rest
        .strip_suffix(" years")
        .or_else(|| rest.strip_suffix(" year"))?;
    parse_cardinal(number).or_else(|| matches!(number, "a" | "one").then_some(1))
}

/// Business news counts in quarters: once a report has named a quarter,
/// "a year ago" and "a year earlier" are that quarter a year before
/// ("third-quarter profit rose to $5 million from $4 million a year
/// earlier": `1988-Q3`), not the whole year.
fn in_quarter_terms(body: &str, expr: &mut TimeExpr, last_quarter: &mut Option<(i32, u32)>) {
    let text = body[expr.span.clone()].to_ascii_lowercase();
    if let Value::Other(v) = &expr.value {
        if let Some(q) = quarter_of(v) {
            // "the year-ago quarter" is counted from the quarter told.
            let counted_back = ["ago", "earlier", "prior", "previous"]
                .iter()
                .any(|w| text.contains(w));
            if !counted_back {
                *last_quarter = Some(q);
            }
            return;
        }
    }
    let Some((year, q)) = *last_quarter else {
        return;
    };
    let counted_in_years = matches!(expr.period(), Some(p) if p.precision == Precision::Year);
    if !counted_in_years {
        return;
    }
    if let Some(back) = years_back(&text) {
        expr.value = Value::Other(format!("{:04}-Q{q}", year - back as i32));
    }
}

/// Resolves every time expression of a document, sentence by sentence.
///
/// `now` is the dateline date or the publication date. In narrative mode,
/// and for anaphoric expressions in any mode, each absolute date becomes the
/// reference for the ones after it.
pub fn resolve_document(
    body: &str,
    sentences: &[Range<usize>],
    now: NaiveDate,
    mode: Mode,
) -> Vec<TimeExpr> {
    // One pass over the whole body finds the anchors of the rules; most
    // sentences have none and are never searched with a regex.
    let (automaton, anchor_masks, capitalised) = anchors();
    let mut masks = vec![0u64; sentences.len()];
    let bytes = body.as_bytes();
    crate::scan::each_overlapping(automaton, bytes, |pattern, start, _| {
        // Month and weekday names are capitalised ("May", not "may").
        if capitalised[pattern] && bytes[start].is_ascii_lowercase() {
            return;
        }
        // Anchors count at the start of a word only ("now", not "know").
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            let seam = bytes[start - 1].is_ascii_lowercase() && bytes[start].is_ascii_uppercase();
            if !seam {
                return;
            }
        }
        let i = sentences.partition_point(|s| s.end <= start);
        if let Some(mask) = masks.get_mut(i) {
            *mask |= anchor_masks[pattern];
        }
    });
    let mut out = Vec::new();
    // In news, "that day" before any other date is the report's day.
    let mut reference: Option<Period> = match mode {
        Mode::News => Some(Period::day(now)),
        Mode::Narrative => None,
    };
    let mut last_quarter: Option<(i32, u32)> = None;
    for (span, mask) in sentences.iter().zip(masks) {
        if mask == 0 {
            continue;
        }
        let mut exprs = resolve_rules(&body[span.clone()], span.start, now, reference, mode, mask);
        // What falls outside the calendar is no date ("3000 years ago" in
        // 2024, "tomorrow" on 9999-12-31).
        exprs.retain(|e| match e.value {
            Value::Period(p) => p.in_calendar().is_some(),
            _ => true,
        });
        for expr in &mut exprs {
            in_quarter_terms(body, expr, &mut last_quarter);
        }
        for expr in &exprs {
            if let (Value::Period(p), true) = (&expr.value, expr.sets_reference) {
                reference = Some(*p);
            }
        }
        out.extend(exprs);
    }
    out
}
