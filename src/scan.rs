//! Overlapping matches of a word automaton, read by one loop over the bytes.
//!
//! The date anchors (every month name, digit and time word of a body) and
//! the offices near states' names are looked for with every occurrence of
//! every word, overlapping ones too. The library's overlapping iterator
//! returns from its search at each match and resumes from a saved state;
//! on these automatons, small and matching often, that costs about twice
//! what a plain loop of one transition a byte costs.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;

/// Calls `found(pattern, start, end)` for every occurrence of every word of
/// `dfa` in `text`, in the order of `AhoCorasick::find_overlapping_iter`:
/// by where they end, then as the automaton's state lists them.
#[inline]
pub(crate) fn each_overlapping(dfa: &DFA, text: &[u8], mut found: impl FnMut(usize, usize, usize)) {
    let anchored = aho_corasick::Anchored::No;
    let Ok(mut state) = dfa.start_state(anchored) else {
        return;
    };
    for (at, &byte) in text.iter().enumerate() {
        state = dfa.next_state(anchored, state, byte);
        // The other special states need nothing here: the dead one, which
        // an unanchored search never reaches, and the start states where
        // a prefilter would make them special.
        if dfa.is_special(state) && dfa.is_match(state) {
            for i in 0..dfa.match_len(state) {
                let pattern = dfa.match_pattern(state, i);
                found(
                    pattern.as_usize(),
                    at + 1 - dfa.pattern_len(pattern),
                    at + 1,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loop_finds_what_the_overlapping_iterator_finds() {
        let words = [
            "the year", "year", "ye", "may", "mayor", "day", "1", "now", "know", "s",
        ];
        for prefilter in [false, true] {
            let dfa = aho_corasick::dfa::Builder::new()
                .ascii_case_insensitive(true)
                .prefilter(prefilter)
                .build(words)
                .unwrap();
            let searcher = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(words)
                .unwrap();
            let check = |text: &str| {
                let mut looped = Vec::new();
                each_overlapping(&dfa, text.as_bytes(), |pattern, start, end| {
                    looped.push((pattern, start, end))
                });
                let searched: Vec<(usize, usize, usize)> = searcher
                    .find_overlapping_iter(text)
                    .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                    .collect();
                assert_eq!(looped, searched, "{text:?}");
            };
            for text in [
                "",
                "The Year: the mayor knows now, on May 1, 1991 (THE YEAR).",
                "yesterday\u{2019}s daydream, 11 days",
            ] {
                check(text);
            }
            use proptest::prelude::*;
            let piece = proptest::sample::select(vec![
                "the", " ", "year", "YEAR", "ye", "May", "mayor", "day", "1", "19", "now", "kn",
                "s", ".", "\u{e9}", "\n",
            ]);
            proptest!(|(pieces in proptest::collection::vec(piece, 0..24))| {
                check(&pieces.concat());
            });
        }
    }
}
