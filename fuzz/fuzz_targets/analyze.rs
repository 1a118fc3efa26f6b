//! A whole article through every stage: no panic, events inside the text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn stages() -> &'static (eventline::gazetteer::Gazetteer, eventline::lexicon::Lexicon) {
    static STAGES: OnceLock<(eventline::gazetteer::Gazetteer, eventline::lexicon::Lexicon)> =
        OnceLock::new();
    STAGES.get_or_init(|| {
        (
            eventline::gazetteer::Gazetteer::load(&[]).expect("bundled gazetteers"),
            eventline::lexicon::Lexicon::load(&[]).expect("bundled lexicon"),
        )
    })
}

fuzz_target!(|input: (u16, &str)| {
    let (days, body) = input;
    let Some(published) = chrono::NaiveDate::from_ymd_opt(1990, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days % 15_000))))
    else {
        return;
    };
    let article = eventline::read::Article {
        id: "f".into(),
        path: "f".into(),
        title: String::new(),
        published,
        body: body.to_string(),
        lossy: false,
    };
    let (gazetteer, lexicon) = stages();
    let analysis = eventline::pipeline::analyze(&article, gazetteer, lexicon);
    for event in &analysis.events {
        assert!(event.span.end <= body.len());
    }
});
