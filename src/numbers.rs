//! Number words: "twenty-three", "a hundred and five", "seventy-fifth".

/// Cardinal words and their values.
const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("a", 1),
    ("an", 1),
];

/// Ordinal words whose cardinal is not the word minus "th".
const ORDINALS: &[(&str, &str)] = &[
    ("first", "one"),
    ("second", "two"),
    ("third", "three"),
    ("fifth", "five"),
    ("eighth", "eight"),
    ("ninth", "nine"),
    ("twelfth", "twelve"),
];

/// Scales that multiply what precedes them, or one when nothing does:
/// "two dozen" is 24, "a dozen" and "dozen" are 12.
const SCALES: &[(&str, u32)] = &[("dozen", 12), ("hundred", 100), ("thousand", 1000)];

/// Parses a cardinal written in digits or words ("23", "twenty-three",
/// "a hundred and five"). `None` unless every word is a number word.
pub fn parse_cardinal(text: &str) -> Option<u32> {
    let text = text.trim();
    if !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && !text.starts_with(',')
    {
        // "1,460"
        return text.replace(',', "").parse().ok();
    }
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    let mut any = false;
    // Words are compared up to ASCII case, as if the text were lower-cased.
    let is = |word: &str, number_word: &str| word.eq_ignore_ascii_case(number_word);
    let mut words = text
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(word) = words.next() {
        if is(word, "and") {
            continue;
        }
        // "a hundred", "a year": "a" is one only alone or before a scale.
        if is(word, "a") || is(word, "an") {
            let next = words.peek();
            if next.is_some_and(|n| !SCALES.iter().any(|(s, _)| is(n, s))) {
                return None;
            }
        }
        if let Some(&(_, v)) = UNITS.iter().find(|(w, _)| is(word, w)) {
            current = current.checked_add(v)?;
        } else if let Some(&(_, scale)) = SCALES.iter().find(|(w, _)| is(word, w)) {
            let base = if current == 0 { 1 } else { current };
            if scale >= 1000 {
                total = total.checked_add(base.checked_mul(scale)?)?;
                current = 0;
            } else {
                current = base.checked_mul(scale)?;
            }
        } else {
            return None;
        }
        any = true;
    }
    if any {
        total.checked_add(current)
    } else {
        None
    }
}

/// Parses an ordinal: "9th", "9 th", "51 st", "first", "seventy-fifth".
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let lower = text.trim().to_ascii_lowercase();
    let digits: String = lower.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let suffix = lower[digits.len()..].trim_start();
        return matches!(suffix, "st" | "nd" | "rd" | "th")
            .then(|| digits.parse().ok())
            .flatten();
    }
    // The last word carries the ordinal form: "seventy-fifth" -> "seventy-five".
    let split = lower.rfind(['-', ' ']).map_or(0, |p| p + 1);
    let (head, last) = lower.split_at(split);
    let cardinal = if let Some(&(_, c)) = ORDINALS.iter().find(|(o, _)| *o == last) {
        c.to_string()
    } else if let Some(stem) = last.strip_suffix("ieth") {
        format!("{stem}y")
    } else if let Some(stem) = last.strip_suffix("th") {
        stem.to_string()
    } else {
        return None;
    };
    parse_cardinal(&format!("{head}{cardinal}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        for (text, value) in [
            ("23", 23),
            ("twenty-three", 23),
            ("Twenty three", 23),
            ("a hundred and five", 105),
            ("one hundred", 100),
            ("two thousand and one", 2001),
            ("a", 1),
            ("ninety-nine", 99),
            // Case does not matter, as in a headline in capitals.
            ("TWENTY-THREE", 23),
            ("A Hundred and Twenty-One", 121),
            ("An Hundred", 100),
            // "dozen" multiplies like "hundred".
            ("dozen", 12),
            ("a dozen", 12),
            ("two dozen", 24),
            ("Three Dozen", 36),
        ] {
            assert_eq!(parse_cardinal(text), Some(value), "{text}");
        }
        for text in [
            "",
            "many",
            "twenty-odd",
            "it was twenty",
            "a year",
            "A Year",
            "an era",
        ] {
            assert_eq!(parse_cardinal(text), None, "{text}");
        }
    }

    #[test]
    fn ordinals() {
        for (text, value) in [
            ("9th", 9),
            ("9 th", 9),
            ("51 st", 51),
            ("first", 1),
            ("seventy-fifth", 75),
            ("twentieth", 20),
            ("hundredth", 100),
            ("one hundred and tenth", 110),
            ("twelfth", 12),
        ] {
            assert_eq!(parse_ordinal(text), Some(value), "{text}");
        }
        for text in ["9", "month", "51 xx", "fourthly"] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
    }
}
