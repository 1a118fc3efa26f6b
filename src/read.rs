//! Reading articles: KCNA Watch page text, plain text and JSON Lines.
//!
//! Every input document becomes either an [`Article`] or a [`Rejected`]
//! record; nothing is dropped silently. Readers clean the text they return
//! (HTML entities decoded, line ends normalised, page furniture removed), and
//! every byte offset later in the pipeline refers to that cleaned body.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::error::{Error, Result};

/// One article, ready for the later stages.
#[derive(Clone, Debug)]
pub struct Article {
    /// Stable identifier: the JSON `id`, or the file's stem for text files.
    pub id: String,
    /// Where it came from: a path, with `:line` for JSON Lines.
    pub path: String,
    /// The headline, when the input gives one.
    pub title: String,
    /// The publication date: the only "now" any later stage knows.
    pub published: NaiveDate,
    /// The article text without page furniture.
    pub body: String,
    /// True when the input was not valid UTF-8 and was decoded lossily.
    pub lossy: bool,
}

/// A document that could not be turned into an [`Article`].
#[derive(Clone, Debug)]
pub struct Rejected {
    /// Identifier, as far as it could be found.
    pub id: String,
    /// Where it came from.
    pub path: String,
    /// The headline, when known.
    pub title: String,
    /// Why it was rejected, naming file and line.
    pub reason: String,
}

/// What a reader yields for each input document.
pub type Document = std::result::Result<Article, Rejected>;

/// A document as read from its input, not yet parsed: the stream does only
/// the I/O, so that parsing runs in parallel with the rest of the pipeline.
#[derive(Clone, Debug)]
pub enum RawDocument {
    /// A whole text file.
    Text {
        /// File name.
        name: String,
        /// Its doc_id.
        id: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Publication date from the command line.
        published: Option<NaiveDate>,
    },
    /// One line of a JSON Lines file.
    JsonLine {
        /// File name.
        name: String,
        /// 1-based line number.
        line: u64,
        /// The line's bytes.
        bytes: Vec<u8>,
    },
    /// An input that could not be read at all.
    Failed(Rejected),
}

impl RawDocument {
    /// Parses the document. A publication date outside
    /// [`PUBLISHED_YEARS`] rejects it: "0000-01-01" is a typing error, and
    /// every relative date of the article would follow it.
    pub fn parse(self) -> Document {
        let (name, line) = match &self {
            RawDocument::Text { name, .. } => (name.clone(), None),
            RawDocument::JsonLine { name, line, .. } => (name.clone(), Some(*line)),
            RawDocument::Failed(_) => (String::new(), None),
        };
        let article = match self {
            RawDocument::Text {
                name,
                id,
                bytes,
                published,
            } => match read_text(&name, &bytes, published) {
                Ok(article) => Ok(Article { id, ..article }),
                Err(rejected) => Err(Rejected { id, ..rejected }),
            },
            RawDocument::JsonLine { name, line, bytes } => read_json_line(&name, line, &bytes),
            RawDocument::Failed(rejected) => Err(rejected),
        }?;
        match published_in_range(article.published) {
            Ok(_) => Ok(article),
            Err(why) => Err(Rejected {
                reason: match line {
                    Some(line) => format!("{name}:{line}: {why}"),
                    None => format!("{name}: {why}"),
                },
                id: article.id,
                path: article.path,
                title: article.title,
            }),
        }
    }
}

/// The years a publication date may fall in. Older or later dates are
/// almost always typing errors.
pub const PUBLISHED_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// `Ok(date)` when the publication date's year is within
/// [`PUBLISHED_YEARS`], else the reason it is not accepted.
pub fn published_in_range(date: NaiveDate) -> std::result::Result<NaiveDate, String> {
    use chrono::Datelike;
    if PUBLISHED_YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "publication date {date} is outside the years {}-{}",
            PUBLISHED_YEARS.start(),
            PUBLISHED_YEARS.end()
        ))
    }
}

/// One input: a file or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File {
        /// Where it is.
        path: PathBuf,
        /// The doc_id of a text file: see [`collect_inputs`].
        id: String,
    },
    /// Standard input (`-` on the command line).
    Stdin,
    /// An entry of a walked folder that is no regular file (a FIFO, a
    /// socket, a device): reported, never opened, since opening may block.
    Special {
        /// Where it is.
        path: PathBuf,
        /// Its doc_id in documents.csv.
        id: String,
    },
}

/// Expands command-line paths into inputs: files as given, folders walked
/// recursively for `.txt` and `.jsonl` files in sorted order, `-` for stdin.
///
/// A text file's doc_id is its name without the extension when given as a
/// file, and its path relative to the folder when found in one
/// ("seed/000_3a0c81bb4ec1f5d5"); ids that would repeat are made distinct
/// by the path as given. (Articles of JSON Lines files bring their own.)
///
/// # Errors
/// A path that does not exist or a folder that cannot be listed.
pub fn collect_inputs<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, path, &mut found)?;
            found.sort_by(|a, b| a.path().cmp(&b.path()));
            inputs.extend(found);
        } else {
            inputs.push(Input::File {
                path: path.to_path_buf(),
                id: stem_of(&path.display().to_string()),
            });
        }
    }
    distinct_ids(&mut inputs);
    Ok(inputs)
}

/// A text file's doc_id within a walked folder: its path relative to the
/// folder, without the extension, with `/` between folders
/// ("seed/000_3a0c81bb4ec1f5d5"), so that files of the same name in two
/// folders stay apart.
fn id_within(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.push(stem_of(&relative.display().to_string()));
    parts.join("/")
}

/// Two inputs with one doc_id (`a/x.txt b/x.txt` given as files): the
/// later ones are named by their path as given, without the extension.
fn distinct_ids(inputs: &mut [Input]) {
    let mut seen = std::collections::HashSet::new();
    for input in inputs {
        if let Input::File { path, id } | Input::Special { path, id } = input {
            if !seen.insert(id.clone()) {
                let mut whole = path.with_extension("").display().to_string();
                if std::path::MAIN_SEPARATOR != '/' {
                    whole = whole.replace(std::path::MAIN_SEPARATOR, "/");
                }
                *id = whole;
                seen.insert(id.clone());
            }
        }
    }
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<Input>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if file_type.is_dir() {
            walk(root, &path, found)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt") | Some("jsonl")
        ) {
            // A link is what it points to.
            let regular = if file_type.is_symlink() {
                std::fs::metadata(&path).is_ok_and(|m| m.is_file())
            } else {
                file_type.is_file()
            };
            let id = id_within(root, &path);
            found.push(if regular {
                Input::File { path, id }
            } else {
                Input::Special { path, id }
            });
        }
    }
    Ok(())
}

impl Input {
    /// The file's path; none for standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File { path, .. } | Input::Special { path, .. } => Some(path),
            Input::Stdin => None,
        }
    }
}

/// Streams the documents of a list of inputs, one at a time, so that memory
/// does not grow with the size of the archive.
pub struct DocumentStream {
    inputs: std::vec::IntoIter<Input>,
    published: Option<NaiveDate>,
    current: Option<JsonLines>,
}

struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: u64,
}

impl DocumentStream {
    /// A stream over `inputs`; `published` dates plain-text inputs.
    pub fn new(inputs: Vec<Input>, published: Option<NaiveDate>) -> DocumentStream {
        DocumentStream {
            inputs: inputs.into_iter(),
            published,
            current: None,
        }
    }

    fn open(&mut self, input: Input) -> Option<RawDocument> {
        if let Input::Special { path, id } = &input {
            let name = path.display().to_string();
            return Some(RawDocument::Failed(rejected_file(
                id,
                &name,
                "not a regular file (a FIFO, socket or device): not read",
            )));
        }
        let (name, mut reader): (String, Box<dyn BufRead + Send>) = match &input {
            Input::Special { .. } => return None,
            Input::Stdin => (
                "<stdin>".to_string(),
                Box::new(BufReader::new(std::io::stdin())),
            ),
            Input::File { path, id } => {
                let name = path.display().to_string();
                match File::open(path) {
                    Ok(f) => (name, Box::new(BufReader::with_capacity(1 << 16, f))),
                    Err(e) => {
                        return Some(RawDocument::Failed(rejected_file(
                            id,
                            &name,
                            &e.to_string(),
                        )))
                    }
                }
            }
        };
        let is_jsonl = match &input {
            Input::File { path, .. } | Input::Special { path, .. } => {
                path.extension().and_then(|e| e.to_str()) == Some("jsonl")
            }
            Input::Stdin => match reader.fill_buf() {
                Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
                Err(_) => false,
            },
        };
        if is_jsonl {
            self.current = Some(JsonLines {
                name,
                reader,
                line: 0,
            });
            return None;
        }
        let id = match &input {
            Input::File { id, .. } | Input::Special { id, .. } => id.clone(),
            Input::Stdin => stem_of(&name),
        };
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Some(RawDocument::Failed(Rejected {
                id,
                path: name.clone(),
                title: String::new(),
                reason: format!("{name}: {e}"),
            }));
        }
        Some(RawDocument::Text {
            name,
            id,
            bytes,
            published: self.published,
        })
    }
}

fn rejected_file(id: &str, name: &str, reason: &str) -> Rejected {
    Rejected {
        id: id.to_string(),
        path: name.to_string(),
        title: String::new(),
        reason: format!("{name}: {reason}"),
    }
}

impl Iterator for DocumentStream {
    type Item = RawDocument;

    fn next(&mut self) -> Option<RawDocument> {
        loop {
            if let Some(lines) = &mut self.current {
                let mut buf = Vec::new();
                match lines.reader.read_until(b'\n', &mut buf) {
                    Ok(0) => self.current = None,
                    Ok(_) => {
                        lines.line += 1;
                        if buf.iter().all(|b| b.is_ascii_whitespace()) {
                            continue;
                        }
                        return Some(RawDocument::JsonLine {
                            name: lines.name.clone(),
                            line: lines.line,
                            bytes: buf,
                        });
                    }
                    Err(e) => {
                        let reason = format!("{}:{}: {e}", lines.name, lines.line + 1);
                        let path = format!("{}:{}", lines.name, lines.line + 1);
                        self.current = None;
                        return Some(RawDocument::Failed(Rejected {
                            id: path.clone(),
                            path,
                            title: String::new(),
                            reason,
                        }));
                    }
                }
                continue;
            }
            let input = self.inputs.next()?;
            if let Some(doc) = self.open(input) {
                return Some(doc);
            }
        }
    }
}

fn stem_of(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

/// Text from bytes: UTF-8 (a byte-order mark skipped), or UTF-16 when a
/// byte-order mark says so; anything else is decoded lossily and flagged.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        let odd = bytes.len() % 2 == 1;
        match String::from_utf16(&units) {
            Ok(s) => (Cow::Owned(s), odd),
            Err(_) => (Cow::Owned(String::from_utf16_lossy(&units)), true),
        }
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // Valid text, nearly all of it, is checked by the fast validator; only
    // invalid text is walked piece by piece to be repaired.
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// Reads one text file: the KCNA Watch page layout when it has a `Date:`
/// line, otherwise plain text dated by `published`.
pub fn read_text(name: &str, bytes: &[u8], published: Option<NaiveDate>) -> Document {
    let (text, lossy) = decode(bytes);
    let text = clean_text(&text);
    let id = stem_of(name);
    if let Some(page) = parse_kcna_watch(&text) {
        return match page.published {
            Ok(published) => Ok(Article {
                id,
                path: name.to_string(),
                title: page.title,
                published,
                body: unwrapped(page.body),
                lossy,
            }),
            Err(reason) => Err(Rejected {
                id,
                path: name.to_string(),
                title: page.title,
                reason: format!("{name}:{}: {reason}", page.date_line),
            }),
        };
    }
    match published {
        Some(published) => Ok(Article {
            id,
            path: name.to_string(),
            title: String::new(),
            published,
            body: unwrapped(text),
            lossy,
        }),
        None => Err(Rejected {
            id,
            path: name.to_string(),
            title: String::new(),
            reason: format!("{name}: no publication date: plain text needs --published YYYY-MM-DD"),
        }),
    }
}

struct KcnaWatchPage {
    title: String,
    published: std::result::Result<NaiveDate, String>,
    date_line: usize,
    body: String,
}

fn date_line_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^Date:\s*([^|]*?)\s*\|\s*Source:").expect("valid date-line regex")
    })
}

/// Splits a KCNA Watch page into title, publication date and body.
///
/// Line 1 is the page's own date and line 2 the outlet: furniture. The
/// `Date: DD/MM/YYYY | Source: ...` line dates the article (day first); the
/// title is the last non-empty line before it. The body runs to the
/// "More From ..." list, whose teasers are other articles.
fn parse_kcna_watch(text: &str) -> Option<KcnaWatchPage> {
    let lines: Vec<&str> = text.split('\n').collect();
    let (date_index, raw_date) = lines.iter().take(12).enumerate().find_map(|(i, line)| {
        date_line_regex()
            .captures(line.trim())
            .and_then(|c| c.get(1))
            .map(|m| (i, m.as_str().to_string()))
    })?;
    let title = lines[..date_index]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string();
    let body_lines: Vec<&str> = lines[date_index + 1..]
        .iter()
        .take_while(|l| !l.trim_start().starts_with("More From "))
        .copied()
        .collect();
    let body = body_lines.join("\n").trim().to_string();
    let published = parse_day_first(&raw_date).ok_or_else(|| {
        format!("cannot parse the publication date {raw_date:?} (expected DD/MM/YYYY)")
    });
    Some(KcnaWatchPage {
        title,
        published,
        date_line: date_index + 1,
        body,
    })
}

fn parse_day_first(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().split('/');
    let day: u32 = parts.next()?.trim().parse().ok()?;
    let month: u32 = parts.next()?.trim().parse().ok()?;
    let year: i32 = parts.next()?.trim().parse().ok()?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Parses a publication date: `YYYY-MM-DD`, optionally followed by a time.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    // Nearly every date is written in full ("2001-08-04"): read so, it needs
    // no parser of formats. Anything else goes to the parser.
    match head.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(|b| b.is_ascii_digit()) =>
        {
            let digits =
                |bytes: &[&u8]| bytes.iter().fold(0, |n, &&b| n * 10 + u32::from(b - b'0'));
            let year = i32::try_from(digits(&[y0, y1, y2, y3])).ok()?;
            NaiveDate::from_ymd_opt(year, digits(&[m0, m1]), digits(&[d0, d1]))
        }
        _ => NaiveDate::parse_from_str(head, "%Y-%m-%d").ok(),
    }
}

/// Reads one JSON Lines record `{id, published, title, text}`.
pub fn read_json_line(name: &str, line: u64, bytes: &[u8]) -> Document {
    let (raw, lossy) = decode(bytes);
    let path = format!("{name}:{line}");
    let reject = |id: String, title: String, reason: String| {
        Err(Rejected {
            id,
            path: path.clone(),
            title,
            reason: format!("{name}:{line}: {reason}"),
        })
    };
    let record = match serde_json::from_str::<JsonLine>(raw.trim()) {
        Ok(JsonLine::Object(record)) => record,
        Ok(JsonLine::NotObject) => {
            return reject(
                path.clone(),
                String::new(),
                "a JSON line must be an object".into(),
            )
        }
        Err(e) => return reject(path.clone(), String::new(), format!("invalid JSON: {e}")),
    };
    let id = match &record.id {
        Some(JsonField::Text(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(JsonField::Number(n)) => n.to_string(),
        _ => path.clone(),
    };
    let title = record
        .title
        .as_ref()
        .and_then(JsonField::as_str)
        .map(clean_text)
        .unwrap_or_default();
    let title = title.trim().to_string();
    let published = match &record.published {
        Some(JsonField::Text(s)) => match parse_published(s) {
            Some(d) => d,
            None => {
                return reject(
                    id,
                    title,
                    format!("cannot parse published {s:?} (expected YYYY-MM-DD)"),
                )
            }
        },
        _ => return reject(id, title, "no \"published\" date".into()),
    };
    let Some(text) = record.text.as_ref().and_then(JsonField::as_str) else {
        return reject(id, title, "no \"text\" field".into());
    };
    let body = unwrapped(strip_leading_title(clean_text(text), &title));
    Ok(Article {
        id,
        path,
        title,
        published,
        body,
        lossy,
    })
}

/// A line of JSON Lines as [`read_json_line`] reads it: the four fields of
/// an article, their strings borrowed from the line unless they hold an
/// escape. A record read into a `serde_json::Value` would copy every key
/// and string into a map of its own first.
///
/// It accepts what a `Value` accepts and refuses what a `Value` refuses,
/// with the same errors: every other field is read as a `Value` (so that
/// a number out of range or a lone surrogate anywhere fails as before),
/// and of a field given twice the last counts.
enum JsonLine<'a> {
    Object(JsonRecord<'a>),
    /// Valid JSON that is not an object: an array, a string, a number.
    NotObject,
}

#[derive(Default)]
struct JsonRecord<'a> {
    id: Option<JsonField<'a>>,
    published: Option<JsonField<'a>>,
    title: Option<JsonField<'a>>,
    text: Option<JsonField<'a>>,
}

/// The value of one of the four fields.
enum JsonField<'a> {
    Text(Cow<'a, str>),
    Number(serde_json::Number),
    /// `null`, a boolean, an array or an object.
    Other,
}

impl JsonField<'_> {
    fn as_str(&self) -> Option<&str> {
        match self {
            JsonField::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for JsonLine<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(JsonLineVisitor)
    }
}

struct JsonLineVisitor;

impl<'de> serde::de::Visitor<'de> for JsonLineVisitor {
    type Value = JsonLine<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut record = JsonRecord::default();
        while let Some(JsonKey(key)) = map.next_key()? {
            let slot = match key {
                Some("id") => &mut record.id,
                Some("published") => &mut record.published,
                Some("title") => &mut record.title,
                Some("text") => &mut record.text,
                _ => {
                    map.next_value::<serde_json::Value>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(JsonLine::Object(record))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while seq.next_element::<serde_json::Value>()?.is_some() {}
        Ok(JsonLine::NotObject)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }

    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(JsonLine::NotObject)
    }
}

/// A key of a record: one of the four fields, or `None` for any other.
/// Compared where it lies, never copied.
struct JsonKey(Option<&'static str>);

impl<'de> serde::Deserialize<'de> for JsonKey {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_str(JsonKeyVisitor)
    }
}

struct JsonKeyVisitor;

impl serde::de::Visitor<'_> for JsonKeyVisitor {
    type Value = JsonKey;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> std::result::Result<Self::Value, E> {
        Ok(JsonKey(
            ["id", "published", "title", "text"]
                .into_iter()
                .find(|field| *field == key),
        ))
    }
}

impl<'de> serde::Deserialize<'de> for JsonField<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(JsonFieldVisitor)
    }
}

struct JsonFieldVisitor;

impl<'de> serde::de::Visitor<'de> for JsonFieldVisitor {
    type Value = JsonField<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Text(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Text(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Text(Cow::Owned(s)))
    }

    fn visit_i64<E>(self, n: i64) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> std::result::Result<Self::Value, E> {
        // JSON has no infinities or NaN: a number that parses is finite.
        Ok(serde_json::Number::from_f64(n).map_or(JsonField::Other, JsonField::Number))
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Other)
    }

    fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
        Ok(JsonField::Other)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while seq.next_element::<serde_json::Value>()?.is_some() {}
        Ok(JsonField::Other)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        while map
            .next_entry::<serde_json::Value, serde_json::Value>()?
            .is_some()
        {}
        Ok(JsonField::Other)
    }
}

/// Drops a first line that repeats the headline: headlines make no events
/// of their own.
fn strip_leading_title(body: String, title: &str) -> String {
    let trimmed = body.trim_start();
    if title.is_empty() {
        return trimmed.to_string();
    }
    if let Some((first, rest)) = trimmed.split_once('\n') {
        if first.trim().eq_ignore_ascii_case(title) {
            return rest.trim_start().to_string();
        }
    }
    trimmed.to_string()
}

/// The shortest line, in characters, that hard wrapping leaves before a
/// break: text wrapped at 60 to 80 columns breaks lines of 45 and more, a
/// headline or a signature may be shorter.
const MIN_WRAPPED_LINE_CHARS: usize = 40;

/// The widest text anyone hard-wraps (e-mail wraps at 72-80 columns, a
/// PDF's column is narrower): a longer line is a paragraph of its own.
const MAX_WRAP_WIDTH_CHARS: usize = 100;

/// How many columns short of the wrap width a wrapped line may end: a
/// justified or proportional-font copy (PDF) does not fill every line.
const WRAP_SLACK_CHARS: usize = 4;

/// Joins the lines of hard-wrapped text (e-mail, PDF copies, the KCNA
/// archive of 1997) into the paragraphs they were cut from, so that a
/// sentence is not cut at every line end.
///
/// A line break is a space when the line was full: its next word would
/// not have fitted within the text's wrap width (the width most lines
/// reach, the 90th percentile of line lengths, at most 100 columns), the line does not end a
/// sentence (`.`, `!`, `?`, closing quotes) or introduce something (`:`),
/// and the next line goes on (not blank, not indented as a paragraph's
/// first line, not a list item `- `, `* `, `• `). A headline is not
/// full, and text whose paragraphs are single lines has no full lines. A
/// line that ends with a hyphen inside a word joins without a space
/// ("DPRK-" + "Russia").
///
/// Text with no line to join comes back as it is, without a copy.
pub fn unwrap_lines(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return Cow::Borrowed(text);
    }
    // The lines are cut out once, for the width, the test and the joining.
    let lines = lines_of(text);
    let width = wrap_width(&lines);
    if !lines
        .windows(2)
        .any(|pair| continues_on(pair[0], pair[1], width))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = lines.into_iter().peekable();
    let mut joined = false;
    while let Some(line) = lines.next() {
        // A joined line's own leading space is the space already written.
        let line = if joined { line.trim_start() } else { line };
        let Some(next) = lines.peek() else {
            out.push_str(line);
            break;
        };
        joined = continues_on(line, next, width);
        if joined {
            let kept = line.trim_end();
            out.push_str(kept);
            let hyphenated = kept.ends_with('-')
                && kept[..kept.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if !hyphenated {
                out.push(' ');
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    Cow::Owned(out)
}

/// The lines of `text`, as `text.split('\n')` gives them.
fn lines_of(text: &str) -> Vec<&str> {
    let mut start = 0;
    let mut lines: Vec<&str> = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|end| {
            let line = &text[start..end];
            start = end + 1;
            line
        })
        .collect();
    lines.push(&text[start..]);
    lines
}

/// `text` with its wrapped lines joined ([`unwrap_lines`]), reusing it
/// when there is nothing to join.
fn unwrapped(text: String) -> String {
    let joined = match unwrap_lines(&text) {
        Cow::Owned(joined) => Some(joined),
        Cow::Borrowed(_) => None,
    };
    joined.unwrap_or(text)
}

/// The width the lines were wrapped at: the 90th percentile of the
/// lengths of the non-blank ones, in characters.
fn wrap_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    lengths.sort_unstable();
    lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)]
}

/// Whether the sentence of `line` goes on in `next` (see [`unwrap_lines`]).
fn continues_on(line: &str, next: &str, width: usize) -> bool {
    let kept = line.trim();
    // A character is one to four bytes: most lines are ruled out by their
    // length in bytes, before their characters are counted.
    let wrappable_bytes = MIN_WRAPPED_LINE_CHARS..=4 * MAX_WRAP_WIDTH_CHARS;
    if !wrappable_bytes.contains(&kept.len()) {
        return false;
    }
    let length = kept.chars().count();
    let next_word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    if next_word == 0
        || !(MIN_WRAPPED_LINE_CHARS..=MAX_WRAP_WIDTH_CHARS).contains(&length)
        || length + 1 + next_word + WRAP_SLACK_CHARS <= width
    {
        return false;
    }
    let closed = kept.trim_end_matches(['"', '\'', ')', ']', '\u{201d}', '\u{2019}']);
    if closed.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let indented = next.starts_with(char::is_whitespace);
    let item = ["- ", "* ", "\u{2022} "]
        .iter()
        .any(|m| next.starts_with(m));
    !indented && !item
}

/// Normalises scraped text: line ends to `\n`, HTML entities decoded,
/// no-break spaces to spaces.
pub fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // What may need cleaning starts with `&`, `\r` or 0xC2, the first byte
    // of a no-break space (and of other characters, which stay): one
    // `memchr3` finds the next, where decoding every character would cost
    // more than all the rest of the cleaning.
    let mut searched = 0;
    while let Some(found) = memchr::memchr3(b'&', b'\r', 0xC2, &rest.as_bytes()[searched..]) {
        let pos = searched + found;
        let tail = &rest[pos..];
        let (replacement, len) = if tail.starts_with("\r\n") {
            ('\n', 2)
        } else if tail.starts_with('\r') {
            ('\n', 1)
        } else if tail.starts_with('\u{a0}') {
            (' ', '\u{a0}'.len_utf8())
        } else if tail.starts_with('&') {
            html_entity(tail).unwrap_or(('&', 1))
        } else {
            // Another character of two bytes that starts with 0xC2 ("©").
            searched = pos + 2;
            continue;
        };
        out.push_str(&rest[..pos]);
        out.push(replacement);
        rest = &rest[pos + len..];
        searched = 0;
    }
    out.push_str(rest);
    out
}

/// The named entities scraped news actually carries, and numeric ones.
const ENTITIES: &[(&str, char)] = &[
    ("&nbsp;", ' '),
    ("&amp;", '&'),
    ("&quot;", '"'),
    ("&apos;", '\''),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&lsquo;", '\u{2018}'),
    ("&rsquo;", '\u{2019}'),
    ("&ldquo;", '\u{201c}'),
    ("&rdquo;", '\u{201d}'),
    ("&ndash;", '\u{2013}'),
    ("&mdash;", '\u{2014}'),
    ("&hellip;", '\u{2026}'),
    ("&middot;", '\u{b7}'),
];

fn html_entity(s: &str) -> Option<(char, usize)> {
    for (name, c) in ENTITIES {
        if s.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
        {
            return Some((*c, name.len()));
        }
    }
    let rest = s.strip_prefix("&#")?;
    let end = rest.find(';')?;
    if end == 0 || end > 8 {
        return None;
    }
    let digits = &rest[..end];
    let code = if let Some(hex) = digits.strip_prefix(['x', 'X']) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        digits.parse().ok()?
    };
    let c = char::from_u32(code)?;
    Some((if c == '\u{a0}' { ' ' } else { c }, end + 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph wrapped at 60 columns, as in the KCNA archive of 1997.
    const WRAPPED: &str = "Pyongyang, January 10 (KCNA) -- Robert Williams, general\nsecretary of the Good Green Guyana, visited the DPRK embassy in\nGeorgetown on New Year's Eve.";

    #[test]
    fn wrapped_lines_join_into_their_paragraph() {
        assert_eq!(
            unwrap_lines(WRAPPED),
            "Pyongyang, January 10 (KCNA) -- Robert Williams, general secretary of the Good Green Guyana, visited the DPRK embassy in Georgetown on New Year's Eve."
        );
        // Trailing spaces, and a hyphen inside a word.
        assert_eq!(
            unwrap_lines("The two sides signed the agreement on cooperation of the DPRK- \nRussia Friendship Society and the Korean Committee for Cultural\nRelations with Foreign Countries."),
            "The two sides signed the agreement on cooperation of the DPRK-Russia Friendship Society and the Korean Committee for Cultural Relations with Foreign Countries."
        );
    }

    #[test]
    fn lines_are_cut_as_split_cuts_them() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\na",
            "a\nb",
            "a\n\nb\n",
            "\u{e9}\n\u{e9}\r\n",
        ] {
            assert_eq!(
                lines_of(text),
                text.split('\n').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    /// Line lengths are counted in characters: text in letters of two or
    /// three bytes wraps at the same widths as ASCII.
    #[test]
    fn wrapped_lines_of_wide_letters_join_too() {
        for letter in ["é", "ж", "한"] {
            let word = letter.repeat(5);
            let line = |words: usize| vec![word.as_str(); words].join(" ");
            // Lines of 59 characters, the last one shorter.
            let text = format!("{}\n{}\n{}.", line(10), line(10), line(3));
            assert_eq!(
                unwrap_lines(&text),
                format!("{} {} {}.", line(10), line(10), line(3)),
                "{letter}"
            );
            // Lines of 23 characters (69 bytes of hangul) are too short.
            let short = format!("{}\n{}\n{}.", line(4), line(4), line(1));
            assert_eq!(unwrap_lines(&short), short, "{letter}");
        }
    }

    #[test]
    fn paragraph_ends_stay_line_breaks() {
        for text in [
            // A blank line.
            "Kim Jong Un met the delegation of the Chinese government in\n\nPyongyang today.",
            // A sentence ends the line.
            "Kim Jong Un met the delegation of the Chinese government today.\nThey had a talk.",
            // The next line is indented: a new paragraph.
            "Kim Jong Un met the delegation of the Chinese government in the\n   Pyongyang talks.",
            // A list item and a colon.
            "Present on the occasion were the officials of the ministries\n- Ri Son Gwon and others.",
            "The following officials of the ministry were present there:\nRi Son Gwon.",
            // A headline does not fill the line the text is wrapped at.
            "Kim Jong Un Meets Delegation of Chinese Government\nPyongyang, May 3 (KCNA) -- Kim Jong Un, general secretary of the Workers'\nParty of Korea, met the delegation of the Chinese government at the\nKumsusan Palace today, the agency reported in a bulletin.",
        ] {
            let unwrapped = unwrap_lines(text);
            let first_break = text.find('\n').unwrap();
            assert_eq!(&unwrapped[..=first_break], &text[..=first_break], "{text:?}");
        }
        // Short lines are no wrapped lines (a signature, an address).
        assert_eq!(
            unwrap_lines("Ri Son Gwon\nMinister"),
            "Ri Son Gwon\nMinister"
        );
        // One paragraph per line: nothing to join.
        let single = "Kim Jong Un met the delegation of the Chinese government at the Kumsusan Palace of the Sun in Pyongyang today\nThe two sides had a talk.";
        assert_eq!(unwrap_lines(single), single);
    }

    const PAGE: &str = "July 05, 2025Jul 05, 2025\nKCNA Ministry of Foreign Affairs (EN)\n\nA Title\n\nDate: 04/08/2024 | Source: Ministry of Foreign Affairs (EN) | Read original version at source\n\nFirst paragraph.\n\nSecond paragraph.\n\nMore From Ministry of Foreign Affairs (EN)\n\nTeaser headline\n\nJuly 04, 2025\n";

    #[test]
    fn kcna_watch_page_is_split_into_title_date_and_body() {
        let article = read_text("dir/seed.txt", PAGE.as_bytes(), None).unwrap();
        assert_eq!(article.id, "seed");
        assert_eq!(article.title, "A Title");
        assert_eq!(
            article.published,
            NaiveDate::from_ymd_opt(2024, 8, 4).unwrap()
        );
        assert_eq!(article.body, "First paragraph.\n\nSecond paragraph.");
        assert!(!article.body.contains("Teaser"));
    }

    #[test]
    fn kcna_watch_bad_date_is_rejected_with_line() {
        let page = PAGE.replace("04/08/2024", "31/02/2024");
        let rejected = read_text("p.txt", page.as_bytes(), None).unwrap_err();
        assert!(
            rejected.reason.starts_with("p.txt:6:"),
            "{}",
            rejected.reason
        );
    }

    #[test]
    fn published_dates_in_full_read_as_the_parser_reads_them() {
        let parser = |s: &str| {
            let s = s.trim();
            NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
        };
        for s in [
            "2001-08-04",
            " 2024-02-29T10:00:00Z",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "2001-13-01",
            "2001-00-10",
            "2001-8-4",
            "+2001-08-04",
            "2001/08/04",
            "",
        ] {
            assert_eq!(parse_published(s), parser(s), "{s:?}");
        }
        use proptest::prelude::*;
        let digit = proptest::sample::select(vec!['0', '1', '2', '3', '9']);
        proptest!(|(d in proptest::collection::vec(digit, 8))| {
            let s = format!("{}{}{}{}-{}{}-{}{}", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
            prop_assert_eq!(parse_published(&s), parser(&s));
        });
    }

    #[test]
    fn plain_text_needs_a_published_date() {
        let rejected = read_text("a.txt", b"Kim met Putin.", None).unwrap_err();
        assert!(rejected.reason.contains("--published"));
        let date = NaiveDate::from_ymd_opt(2024, 1, 2);
        let article = read_text("a.txt", b"Kim met Putin.", date).unwrap();
        assert_eq!(article.body, "Kim met Putin.");
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_and_flagged() {
        let date = NaiveDate::from_ymd_opt(2024, 1, 2);
        let article = read_text("a.txt", b"Caf\xe9 talks.", date).unwrap();
        assert!(article.lossy);
        assert!(article.body.contains('\u{fffd}'));
    }

    #[test]
    fn json_line_reads_fields_and_strips_repeated_title() {
        let line = br#"{"id":"x1","published":"2024-06-19","title":"Talks Held","text":"Talks Held\r\nPyongyang, June 19 (KCNA) -- Talks&nbsp;were held."}"#;
        let article = read_json_line("c.jsonl", 3, line).unwrap();
        assert_eq!(article.id, "x1");
        assert_eq!(article.path, "c.jsonl:3");
        assert_eq!(
            article.body,
            "Pyongyang, June 19 (KCNA) -- Talks were held."
        );
    }

    #[test]
    fn json_line_errors_name_file_and_line() {
        let bad = read_json_line("c.jsonl", 7, b"{not json").unwrap_err();
        assert!(
            bad.reason.starts_with("c.jsonl:7: invalid JSON"),
            "{}",
            bad.reason
        );
        let undated = read_json_line("c.jsonl", 8, br#"{"id":"a","text":"x"}"#).unwrap_err();
        assert_eq!(undated.id, "a");
        assert!(undated.reason.contains("published"));
        let bad_date = read_json_line(
            "c.jsonl",
            9,
            br#"{"id":"b","published":"19/06/2024","text":"x"}"#,
        )
        .unwrap_err();
        assert!(bad_date.reason.contains("19/06/2024"));
    }

    /// Records off the usual shape: the last of a repeated key counts, a
    /// number is an id, a title that is not a string is none, an array or
    /// a number out of range, even in a field eventline does not read, is
    /// rejected.
    #[test]
    fn json_lines_of_unusual_shape() {
        let twice =
            br#"{"id":"a","published":"2024-06-19","text":"first","text":"second","url":null}"#;
        let article = read_json_line("c.jsonl", 1, twice).unwrap();
        assert_eq!(article.body, "second");
        let numbered = br#"{"id":42,"published":"2024-06-19","title":7,"text":"x"}"#;
        let article = read_json_line("c.jsonl", 2, numbered).unwrap();
        assert_eq!((article.id.as_str(), article.title.as_str()), ("42", ""));
        let blank = br#"{"id":"  ","published":"2024-06-19","text":"x"}"#;
        assert_eq!(read_json_line("c.jsonl", 3, blank).unwrap().id, "c.jsonl:3");
        let escaped = br#"{"id":"e","published":"2024-06-19","text":"Caf\u00e9 \"talks\"."}"#;
        let article = read_json_line("c.jsonl", 4, escaped).unwrap();
        assert_eq!(article.body, "Caf\u{e9} \"talks\".");
        let array = br#"["a","2024-06-19","t","x"]"#;
        let rejected = read_json_line("c.jsonl", 5, array).unwrap_err();
        assert!(
            rejected.reason.contains("must be an object"),
            "{}",
            rejected.reason
        );
        let out_of_range = br#"{"id":"r","published":"2024-06-19","text":"x","url":1e400}"#;
        let rejected = read_json_line("c.jsonl", 7, out_of_range).unwrap_err();
        assert!(
            rejected.reason.contains("invalid JSON"),
            "{}",
            rejected.reason
        );
        let null_date = br#"{"id":"n","published":null,"text":"x"}"#;
        let rejected = read_json_line("c.jsonl", 6, null_date).unwrap_err();
        assert!(
            rejected.reason.contains("no \"published\""),
            "{}",
            rejected.reason
        );
    }

    /// What a record read into a `serde_json::Value` gives: an error, or
    /// the object's id, published, title and text as JSON.
    fn read_as_value(line: &str) -> std::result::Result<[Option<serde_json::Value>; 4], String> {
        let value: serde_json::Value =
            serde_json::from_str(line.trim()).map_err(|e| e.to_string())?;
        let object = value.as_object().ok_or("not an object")?;
        Ok(["id", "published", "title", "text"].map(|k| object.get(k).cloned()))
    }

    /// The same through [`JsonLine`], the fields turned back into JSON.
    fn read_as_record(line: &str) -> std::result::Result<[Option<serde_json::Value>; 4], String> {
        let record = match serde_json::from_str::<JsonLine>(line.trim()) {
            Ok(JsonLine::Object(record)) => record,
            Ok(JsonLine::NotObject) => return Err("not an object".into()),
            Err(e) => return Err(e.to_string()),
        };
        // `Other` stands for any value that is no string or number, as
        // `null` does in the reference below.
        let json = |field: &Option<JsonField>| {
            field.as_ref().map(|f| match f {
                JsonField::Text(s) => serde_json::Value::String(s.to_string()),
                JsonField::Number(n) => serde_json::Value::Number(n.clone()),
                JsonField::Other => serde_json::Value::Null,
            })
        };
        Ok([
            json(&record.id),
            json(&record.published),
            json(&record.title),
            json(&record.text),
        ])
    }

    /// A record is read as a `serde_json::Value` would read it: the same
    /// errors, the same fields, the last of a repeated key.
    #[test]
    fn records_are_read_as_a_json_value_reads_them() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let lines = [
            r#"{"id":"a","published":"2020-01-01","text":"x","url":1e400}"#.to_string(),
            r#"{"id":"b","published":"2020-01-01","text":"x","url":"\ud800"}"#.into(),
            r#"{"id":"c","published":"2020-01-01","te\u0078t":"x","id":"c2"}"#.into(),
            r#"{"id":7.50,"published":2020,"title":[1,{"a":1,"a":2}],"text":null}"#.into(),
            r#"{"id":18446744073709551616,"text":"T\u00e9st \"q\" \ud83d\ude00"}"#.into(),
            r#"{"id":-5,"published":"2020-01-01","text":"x",}"#.into(),
            r#"{"id":1e2} x"#.into(),
            r#"{"id":"k" "published":"2020-01-01"}"#.into(),
            format!(r#"{{"id":"d","deep":{deep}}}"#),
            format!(r#"{{"id":"d","text":{deep}}}"#),
            r#"  {"title":true,"n":-0.0,"m":1E-400}  "#.into(),
            r#"[1,[2,{"a":1e400}]]"#.into(),
            r#""x""#.into(),
            "5".into(),
            "null".into(),
            "{}".into(),
            "".into(),
        ];
        for line in &lines {
            let want = read_as_value(line).map(|fields| {
                fields.map(|f| {
                    f.map(|v| match v {
                        serde_json::Value::String(_) | serde_json::Value::Number(_) => v,
                        _ => serde_json::Value::Null,
                    })
                })
            });
            assert_eq!(read_as_record(line), want, "{line}");
        }
    }

    /// Cleaning as it reads, character by character: the search by bytes
    /// must give the same text for any input.
    fn cleaned_char_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            let (replacement, len) = match c {
                '\r' if rest.starts_with("\r\n") => ('\n', 2),
                '\r' => ('\n', 1),
                '\u{a0}' => (' ', c.len_utf8()),
                '&' => html_entity(rest).unwrap_or(('&', 1)),
                other => (other, other.len_utf8()),
            };
            out.push(replacement);
            rest = &rest[len..];
        }
        out
    }

    #[test]
    fn cleaning_by_bytes_is_cleaning_by_characters() {
        use proptest::prelude::*;
        let text = proptest::string::string_regex(
            "([a&#;x0-9\r\n \u{a0}\u{a9}\u{b7}\u{c0}\u{2019}]|&amp;|&nbsp;|&#x41;){0,12}",
        )
        .unwrap();
        proptest!(|(text in text)| {
            prop_assert_eq!(clean_text(&text), cleaned_char_by_char(&text));
        });
    }

    #[test]
    fn entities_and_line_ends_are_normalised() {
        for (scraped, clean) in [
            (
                "a&amp;b&#39;c&#x2019;d\r\ne&bogus;",
                "a&b'c\u{2019}d\ne&bogus;",
            ),
            ("one\rtwo\r\n\r\nthree\r", "one\ntwo\n\nthree\n"),
            // No-break spaces go; other characters of the same first byte
            // stay, wherever they stand.
            ("\u{a0}Kim\u{a0}Jong\u{a0}Un\u{a0}", " Kim Jong Un "),
            (
                "\u{a9} KCNA \u{b7} 2001\u{a9}",
                "\u{a9} KCNA \u{b7} 2001\u{a9}",
            ),
            ("\u{a9}\u{a0}&nbsp;&AMP;&", "\u{a9}  &&"),
            ("", ""),
            ("&#xffffffff; &#65; &#", "&#xffffffff; A &#"),
        ] {
            assert_eq!(clean_text(scraped), clean, "{scraped:?}");
        }
    }

    #[test]
    fn byte_order_marks_are_skipped_and_utf16_is_decoded() {
        let text = "Vladivostok, April 25 (KCNA) -- Kim Jong Un had talks with Vladimir Putin.";
        let day = NaiveDate::from_ymd_opt(2019, 4, 25);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend(text.as_bytes());
        let article = read_text("a.txt", &with_bom, day).expect("read");
        assert!(
            article.body.starts_with("Vladivostok"),
            "{:?}",
            article.body
        );
        assert!(!article.lossy);
        let mut line = vec![0xEF, 0xBB, 0xBF];
        line.extend(br#"{"id":"x","published":"2019-04-25","title":"","text":"t"}"#);
        assert!(read_json_line("a.jsonl", 1, &line).is_ok());
        for (bom, unit) in [
            ([0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            ([0xFE, 0xFF], u16::to_be_bytes),
        ] {
            let mut bytes = bom.to_vec();
            bytes.extend(text.encode_utf16().flat_map(unit));
            let article = read_text("u.txt", &bytes, day).expect("read");
            assert_eq!(article.body, text);
            assert!(!article.lossy);
        }
    }
}
