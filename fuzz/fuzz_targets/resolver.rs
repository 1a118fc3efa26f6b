//! Any text on any publication date: no panic, spans inside the text and on
//! character boundaries, every date within the years 1 to 9999.
#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, u8, u8, &str)| {
    let (year, month, day, text) = input;
    let Some(now) = chrono::NaiveDate::from_ymd_opt(
        1900 + i32::from(year % 201),
        1 + u32::from(month % 12),
        1 + u32::from(day % 28),
    ) else {
        return;
    };
    let sentences = eventline::segment::sentences(text);
    for mode in [eventline::resolve::Mode::News, eventline::resolve::Mode::Narrative] {
        let (_, exprs) = eventline::resolve::resolve_article(text, &sentences, now, mode);
        for e in exprs {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            if let eventline::resolve::Value::Period(p) = e.value {
                assert!(eventline::resolve::YEARS.contains(&p.start.year()));
                assert!(eventline::resolve::YEARS.contains(&p.end.year()));
            }
        }
    }
});
