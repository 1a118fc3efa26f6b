//! Sentence segmentation with byte offsets into the article body.
//!
//! News text is regular enough for a rule: a sentence ends at `.`, `!` or `?`
//! (with closing quotes) followed by white space, unless the word before the
//! period is an abbreviation or a single initial ("U.S.", "Aug.", "V. Putin").
//! Line breaks always end a sentence: scraped paragraphs are lines.

use std::ops::Range;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "lieut", "maj", "capt", "sgt", "adm",
    "brig", "cdr", "st", "jr", "sr", "no", "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun", "vs", "etc", "approx", "dept", "gov", "sen", "rep", "amb", "hon", "inc", "ltd",
    "co", "corp", "e.g", "i.e",
];

/// Splits `body` into sentence spans (byte ranges), trimmed of white space.
pub fn sentences(body: &str) -> Vec<Range<usize>> {
    sentences_and_cuts(body).0
}

/// The sentences of `body`, and how many times a sentence longer than
/// [`MAX_SENTENCE_BYTES`] was cut.
pub fn sentences_and_cuts(body: &str) -> (Vec<Range<usize>>, usize) {
    let bytes = body.as_bytes();
    let mut spans = Vec::new();
    let mut cuts = 0;
    let mut start = 0;
    let mut i = 0;
    let mut stops = Stops::new(bytes);
    while let Some(at) = stops.next_from(i) {
        i = at;
        let b = bytes[i];
        let end = if b == b'\n' {
            Some(i)
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // Closing quotes and brackets belong to the sentence.
            while j < bytes.len() {
                let rest = &body[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = j >= bytes.len() || bytes[j].is_ascii_whitespace();
            if followed_by_space && !(b == b'.' && is_abbreviation(body, i)) {
                Some(j)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(end) = end {
            cuts += push_trimmed(body, start, end, &mut spans);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    cuts += push_trimmed(body, start, bytes.len(), &mut spans);
    (spans, cuts)
}

/// The places where a sentence may end (a line break, `.`, `!`, `?`),
/// found by vector searches for the bytes rather than a look at every
/// byte: there is one in about a hundred.
struct Stops<'b> {
    bytes: &'b [u8],
    /// The next line break and the next `.`, `!` or `?` found so far, or
    /// the end of the text when there is none.
    line_break: usize,
    mark: usize,
}

impl<'b> Stops<'b> {
    fn new(bytes: &'b [u8]) -> Stops<'b> {
        Stops {
            bytes,
            line_break: memchr::memchr(b'\n', bytes).unwrap_or(bytes.len()),
            mark: memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len()),
        }
    }

    /// The first place at `from` or after it, if any.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..).unwrap_or_default();
        if self.line_break < from {
            self.line_break = memchr::memchr(b'\n', rest).map_or(self.bytes.len(), |p| from + p);
        }
        if self.mark < from {
            self.mark =
                memchr::memchr3(b'.', b'!', b'?', rest).map_or(self.bytes.len(), |p| from + p);
        }
        let next = self.line_break.min(self.mark);
        (next < self.bytes.len()).then_some(next)
    }
}

/// The longest sentence the later stages see. A longer one (a scraped
/// table, a run-on list, hostile input) is cut at clause boundaries, so that
/// no stage's work per sentence grows with the length of the text.
pub const MAX_SENTENCE_BYTES: usize = 4000;

/// Pushes the trimmed sentence `start..end`, cut to
/// [`MAX_SENTENCE_BYTES`]; returns how many cuts it took.
fn push_trimmed(body: &str, start: usize, end: usize, spans: &mut Vec<Range<usize>>) -> usize {
    let text = &body[start..end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if lead + trail >= text.len() {
        return 0;
    }
    let mut cuts = 0;
    let (mut start, end) = (start + lead, end - trail);
    while end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !body.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &body[start..limit];
        // The last clause boundary in the second half, else the last space.
        let half = window.len() / 2;
        let cut = [";", ",", " "]
            .iter()
            .find_map(|b| window.rfind(b).filter(|&p| p >= half).map(|p| p + b.len()))
            .unwrap_or(window.len());
        let piece = &body[start..start + cut];
        let piece_end = start + piece.trim_end().len();
        if piece_end > start {
            spans.push(start..piece_end);
        }
        start += cut;
        start += body[start..end].len() - body[start..end].trim_start().len();
        cuts += 1;
    }
    if end > start {
        spans.push(start..end);
    }
    cuts
}

/// The words of `text` with their byte offsets: runs of letters and digits,
/// with hyphens and apostrophes inside them ("inter-state", "People's").
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    words_into(text, &mut out);
    out
}

/// [`words`] appended to a buffer the caller reuses.
pub fn words_into<'t>(text: &'t str, out: &mut Vec<(usize, &'t str)>) {
    let mut from = 0;
    while let Some(span) = word_span(text, from) {
        from = span.end;
        out.push((span.start, &text[span]));
    }
}

/// The first word of `text` that starts at byte `from` or after it, as
/// [`words`] reads it; `from` is where a word starts or a word is not.
pub fn word_from(text: &str, from: usize) -> Option<(usize, &str)> {
    word_span(text, from).map(|span| (span.start, &text[span]))
}

/// Where the first word starting at `from` or after it starts and ends.
#[inline]
fn word_span(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    // Over the bytes between words, then over those of a word: ASCII in a
    // tight loop, any other character decoded where it starts.
    while let Some(&byte) = bytes.get(i) {
        match BYTE_KINDS[usize::from(byte)] {
            ByteKind::Other => i += 1,
            ByteKind::Word => break,
            ByteKind::Multibyte => match word_char_at(text, i) {
                (true, _) => break,
                (false, len) => i += len,
            },
        }
    }
    let start = i;
    while let Some(&byte) = bytes.get(i) {
        match BYTE_KINDS[usize::from(byte)] {
            ByteKind::Word => i += 1,
            ByteKind::Other => break,
            ByteKind::Multibyte => match word_char_at(text, i) {
                (true, len) => i += len,
                (false, _) => break,
            },
        }
    }
    (i > start).then_some(start..i)
}

/// Where the first word of `text` at `from` or after it that starts with a
/// capital letter starts; `from` is where a word starts or a word is not.
/// Only capitals and characters beyond ASCII are looked at: eight bytes at
/// a time are passed over until one of them is either.
pub fn next_capitalised_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        // A character boundary: only ASCII lies between `i` and `at`.
        let at = i + capital_or_wide(bytes.get(i..)?)?;
        let (capital, len) = match bytes[at] {
            byte if byte.is_ascii() => (true, 1),
            _ => {
                let c = text[at..].chars().next()?;
                (c.is_uppercase() && is_word_char(c), c.len_utf8())
            }
        };
        if capital && !word_char_before(text, at) {
            return Some(at);
        }
        i = at + len;
    }
}

/// The first byte of `bytes` that is an ASCII capital or starts a character
/// beyond ASCII.
fn capital_or_wide(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let mut i = 0;
    while let Some(chunk) = bytes[i..].first_chunk::<8>() {
        let x = u64::from_le_bytes(*chunk);
        // Of the low seven bits of each byte (no sum carries into the next
        // byte): the high bit is set from 'A' on, and from past 'Z' on.
        let low = x & !HIGH;
        let from_a = low + (0x80 - u64::from(b'A')) * ONES;
        let past_z = low + (0x80 - u64::from(b'Z') - 1) * ONES;
        let found = (x | (from_a & !past_z)) & HIGH;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b.is_ascii_uppercase() || !b.is_ascii())
        .map(|p| i + p)
}

/// Whether the character before byte `at` (a character boundary) belongs
/// to a word.
fn word_char_before(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        Some(&byte) if byte.is_ascii() => BYTE_KINDS[usize::from(byte)] == ByteKind::Word,
        Some(_) => text[..at].chars().next_back().is_some_and(is_word_char),
        None => false,
    }
}

/// Whether the character at byte `i` (a character boundary) belongs to a
/// word, and its length.
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    match text[i..].chars().next() {
        Some(c) => (is_word_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// Whether a character belongs to a word: a letter or digit, a hyphen or
/// either apostrophe. [`BYTE_KINDS`] holds the same for ASCII.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}')
}

/// What a byte tells of the character it starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// ASCII that is part of a word: letters, digits, `-` and `'`.
    Word,
    /// Any other ASCII.
    Other,
    /// A byte of a longer character, to be decoded.
    Multibyte,
}

/// [`ByteKind`] of every byte.
const BYTE_KINDS: [ByteKind; 256] = {
    let mut table = [ByteKind::Multibyte; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'\'' {
            ByteKind::Word
        } else {
            ByteKind::Other
        };
        b += 1;
    }
    table
};

/// The word right after one space at the start of `after`: what follows a
/// name ("Fidel Castro| Ruz", "U.S.| dollars"). None when no space comes
/// first.
pub fn next_word(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    rest.split(|c: char| !c.is_alphanumeric()).next()
}

/// `text` on one line: its words (as `str::split_whitespace` splits them)
/// joined by single spaces. An example sentence in a CSV cell reads so.
///
/// The bytes are copied in runs: a byte of ASCII is white space or not by
/// itself, and only a character beyond ASCII is decoded, where it starts.
pub fn single_spaced(text: &str) -> String {
    fn push_word(out: &mut String, word: &str) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Most sentences are single-spaced ASCII already: three quick scans
    // tell so, and the text is copied as it is.
    let bytes = text.as_bytes();
    let other_space = |b: &u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    if text.is_ascii()
        && !bytes.iter().any(other_space)
        && memchr::memmem::find(bytes, b"  ").is_none()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Where the word being copied started, if one is.
    let mut word_start: Option<usize> = None;
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            // `char::is_whitespace` for ASCII: these six, not `is_ascii_whitespace`'s five.
            (
                matches!(bytes[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'),
                1,
            )
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word_start) {
            (true, Some(start)) => {
                push_word(&mut out, &text[start..i]);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        push_word(&mut out, &text[start..]);
    }
    out
}

/// Whether the period at `dot` ends an abbreviation or an initial.
fn is_abbreviation(body: &str, dot: usize) -> bool {
    let before = &body[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // "U.S", "D.P.R.K": dotted initials.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // "Ambassador e. p. to the DPRK": a lower-case initial goes on
        // when the next word is in lower case too.
        let next_lower = body[dot + 1..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        return c.is_uppercase() || (c.is_lowercase() && next_lower);
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        sentences(body).into_iter().map(|r| &body[r]).collect()
    }

    /// Words as read one character at a time, as a reference.
    fn words_char_by_char(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}' {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    /// The look at every byte that [`next_capitalised_start`] passes over.
    fn next_capitalised_start_byte_by_byte(text: &str, from: usize) -> Option<usize> {
        let mut in_word = text[..from].chars().next_back().is_some_and(is_word_char);
        for (i, c) in text[from..].char_indices() {
            let word_char = is_word_char(c);
            if word_char && !in_word && c.is_uppercase() {
                return Some(from + i);
            }
            in_word = word_char;
        }
        None
    }

    #[test]
    fn capitals_are_found_as_a_look_at_every_character_finds_them() {
        use proptest::prelude::*;
        let text = proptest::string::string_regex(
            "([A-Za-z0-9]{1,9}|[ ,.@\\[`{\\-'\n]|\u{e9}|\u{c9}|\u{416}|\u{436}|\u{2019}|\u{a0}|\u{2014}|\u{1d400}|\u{10428}){0,40}",
        )
        .unwrap();
        proptest!(|(text in text, cut in 0usize..64)| {
            let from = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            prop_assert_eq!(
                next_capitalised_start(&text, from),
                next_capitalised_start_byte_by_byte(&text, from)
            );
        });
        // Capitals at every place of an eight-byte chunk, and the bytes
        // beside 'A' and 'Z'.
        for at in 0..20 {
            for capital in ["A", "Z", "\u{c9}"] {
                let text = format!("{}{capital}x", "@[".repeat(at).get(..at).unwrap_or(""));
                assert_eq!(next_capitalised_start(&text, 0), Some(at), "{text:?}");
            }
            let text = format!("{}@[`{{x", "a".repeat(at));
            assert_eq!(next_capitalised_start(&text, 0), None);
        }
    }

    #[test]
    fn words_are_runs_of_word_characters() {
        assert_eq!(
            words("Kim Jong Un's inter-Korean talks, 2018\u{2019}s \u{e9}t\u{e9}."),
            vec![
                (0, "Kim"),
                (4, "Jong"),
                (9, "Un's"),
                (14, "inter-Korean"),
                (27, "talks"),
                (34, "2018\u{2019}s"),
                (43, "\u{e9}t\u{e9}")
            ]
        );
        assert!(words("").is_empty());
        assert!(words(" , . \u{201c}\u{201d} ").is_empty());
        use proptest::prelude::*;
        let text = proptest::string::string_regex(
            "[a-zA-Z0-9 ,.'\\-\u{a0}\u{e9}\u{2019}\u{201c}\u{4e00}\u{1d400}]{0,16}",
        )
        .unwrap();
        proptest!(|(text in text)| {
            prop_assert_eq!(words(&text), words_char_by_char(&text));
        });
    }

    /// Sentences as found by a look at every byte, as a reference.
    fn sentences_byte_by_byte(body: &str) -> (Vec<Range<usize>>, usize) {
        let bytes = body.as_bytes();
        let (mut spans, mut cuts, mut start, mut i) = (Vec::new(), 0, 0, 0);
        while i < bytes.len() {
            let b = bytes[i];
            let mut end = None;
            if b == b'\n' {
                end = Some(i);
            } else if matches!(b, b'.' | b'!' | b'?') {
                let j = i + 1 + body[i + 1..].len()
                    - body[i + 1..]
                        .trim_start_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
                        .len();
                let spaced = j >= bytes.len() || bytes[j].is_ascii_whitespace();
                if spaced && !(b == b'.' && is_abbreviation(body, i)) {
                    end = Some(j);
                }
            }
            match end {
                Some(end) => {
                    cuts += push_trimmed(body, start, end, &mut spans);
                    start = end;
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        cuts += push_trimmed(body, start, bytes.len(), &mut spans);
        (spans, cuts)
    }

    #[test]
    fn sentences_are_found_as_a_look_at_every_byte_finds_them() {
        use proptest::prelude::*;
        let text = proptest::string::string_regex(
            "([A-Za-z]{1,3}|[ .!?\n\"')]|\u{201d}|\u{2019}|U\\.S\\.|Aug\\.|\u{e9}){0,40}",
        )
        .unwrap();
        proptest!(|(text in text)| {
            prop_assert_eq!(sentences_and_cuts(&text), sentences_byte_by_byte(&text));
        });
    }

    #[test]
    fn lower_case_initials_before_lower_case_words_go_on() {
        assert_eq!(
            texts("He met Ambassador e. p. to the DPRK Juan Perez. Plan b. Then."),
            vec![
                "He met Ambassador e. p. to the DPRK Juan Perez.",
                "Plan b.",
                "Then."
            ]
        );
    }

    #[test]
    fn splits_on_terminal_punctuation_and_lines() {
        assert_eq!(
            texts("Kim met Putin. They talked!\nA new line? Yes"),
            vec!["Kim met Putin.", "They talked!", "A new line?", "Yes"]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            texts("The U.S. Secretary met V. Putin on Aug. 4. Then he left."),
            vec![
                "The U.S. Secretary met V. Putin on Aug. 4.",
                "Then he left."
            ]
        );
        // Ranks before a name.
        assert_eq!(
            texts("It was led by Lieut. General Kim Chol and Adm. Ri Su. Then"),
            vec![
                "It was led by Lieut. General Kim Chol and Adm. Ri Su.",
                "Then"
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            texts("He said \"Go away.\" Then"),
            vec!["He said \"Go away.\"", "Then"]
        );
    }

    #[test]
    fn single_spaced_joins_the_words_as_split_whitespace_splits_them() {
        for (text, want) in [
            ("", ""),
            ("   ", ""),
            ("Kim  Jong Un\n met\tthem.", "Kim Jong Un met them."),
            // Single-spaced ASCII comes back as it is; a double space, or
            // a space at either end, does not.
            ("Kim Jong Un met them.", "Kim Jong Un met them."),
            ("Kim  Jong Un", "Kim Jong Un"),
            (" Kim Jong Un", "Kim Jong Un"),
            ("Kim Jong Un ", "Kim Jong Un"),
            ("  leading and trailing \r\n", "leading and trailing"),
            // Vertical tab and form feed are white space; so are the
            // no-break space and the ideographic space.
            ("a\x0bb\x0cc", "a b c"),
            ("Pyongyang,\u{a0}June\u{3000}19", "Pyongyang, June 19"),
            // Characters beyond ASCII that are no space stay in their word.
            (
                "Ch\u{f4}ngjin \u{2014} K\u{f6}ln\u{2019}s",
                "Ch\u{f4}ngjin \u{2014} K\u{f6}ln\u{2019}s",
            ),
            // U+200B (zero width) and U+FEFF are not white space in Rust.
            ("a\u{200b}b \u{feff}c", "a\u{200b}b \u{feff}c"),
        ] {
            assert_eq!(single_spaced(text), want, "{text:?}");
        }
    }

    #[test]
    fn single_spaced_is_split_whitespace_joined() {
        use proptest::prelude::*;
        let piece = proptest::sample::select(vec![
            "Kim", "met", " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\u{a0}", "\u{85}",
            "\u{2003}", "\u{2028}", "\u{3000}", "\u{200b}", "\u{f4}", "\u{2019}", ".", "",
        ]);
        proptest!(|(pieces in proptest::collection::vec(piece, 0..20))| {
            let text: String = pieces.concat();
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(single_spaced(&text), want);
        });
    }

    #[test]
    fn offsets_point_into_the_body() {
        let body = "  One. \n Two.";
        let spans = sentences(body);
        assert_eq!(spans, vec![2..6, 9..13]);
    }

    #[test]
    fn over_long_sentences_are_cut_at_clause_boundaries() {
        let body = "He met them, ".repeat(1000);
        let (spans, cuts) = sentences_and_cuts(&body);
        assert!(cuts >= 3, "{cuts}");
        assert_eq!(spans.len(), cuts + 1);
        for span in &spans {
            assert!(span.len() <= MAX_SENTENCE_BYTES);
            // Each piece ends at a clause boundary.
            assert!(
                body[span.clone()].ends_with(','),
                "{:?}",
                &body[span.clone()]
            );
        }
        // Nothing is lost but the white space between pieces.
        let letters: usize = spans.iter().map(|s| body[s.clone()].len()).sum();
        assert!(letters >= body.trim_end().len() - spans.len());
        // Ordinary sentences are never cut.
        let (_, cuts) = sentences_and_cuts("A delegation arrived here. It left on Monday.");
        assert_eq!(cuts, 0);
    }
}
