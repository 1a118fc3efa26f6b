//! Any bytes, read as a text file, a KCNA Watch page or a JSON line: no
//! panic, and an accepted article's publication date is plausible.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 19);
    let _ = eventline::read::read_text("f.txt", bytes, None);
    let _ = eventline::read::read_text("f.txt", bytes, published);
    let _ = eventline::read::read_json_line("f.jsonl", 1, bytes);
});
