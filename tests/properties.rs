//! Properties that hold for any input (proptest): no panic, spans inside
//! the text, dates within the calendar, the same output at any thread count.

use chrono::{Datelike, NaiveDate};
use eventline::gazetteer::Gazetteer;
use eventline::lexicon::Lexicon;
use eventline::pipeline::analyze;
use eventline::read::Article;
use eventline::resolve::{resolve_article, Mode, Value, YEARS};
use eventline::segment::sentences;
use proptest::prelude::*;

/// Text made of the words articles are made of, and of anything at all.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kim Jong Un".to_string()),
        Just(" met ".to_string()),
        Just(" visited ".to_string()),
        Just(" signed an agreement ".to_string()),
        Just("Pyongyang, May 3 (KCNA) -- ".to_string()),
        Just(" Russia ".to_string()),
        Just(" on June 19 ".to_string()),
        Just(" 99999999 days ago ".to_string()),
        Just(" the 51st anniversary of ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[0-9]{1,12}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid day"))
}

fn stages() -> &'static (Gazetteer, Lexicon) {
    static STAGES: std::sync::OnceLock<(Gazetteer, Lexicon)> = std::sync::OnceLock::new();
    STAGES.get_or_init(|| (Gazetteer::load(&[]).unwrap(), Lexicon::load(&[]).unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dates_are_inside_the_text_and_the_calendar(text in article_text(), now in day()) {
        for mode in [Mode::News, Mode::Narrative] {
            let (_, exprs) = resolve_article(&text, &sentences(&text), now, mode);
            for e in exprs {
                prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len());
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                if let Value::Period(p) = e.value {
                    prop_assert!(YEARS.contains(&p.start.year()) && YEARS.contains(&p.end.year()));
                }
            }
        }
    }

    #[test]
    fn analysis_never_panics_and_events_are_inside_the_text(body in article_text(), published in day()) {
        let (gazetteer, lexicon) = stages();
        let article = Article {
            id: "p".into(),
            path: "p".into(),
            title: String::new(),
            published,
            body: body.clone(),
            lossy: false,
        };
        let analysis = analyze(&article, gazetteer, lexicon);
        for event in &analysis.events {
            prop_assert!(event.span.end <= body.len());
            prop_assert!(YEARS.contains(&event.period.start.year()));
        }
        for sentence in &analysis.sentences {
            prop_assert!(sentence.len() <= eventline::segment::MAX_SENTENCE_BYTES);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn output_is_the_same_at_any_thread_count(bodies in prop::collection::vec(article_text(), 1..20)) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("docs.jsonl");
        let lines: Vec<String> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| serde_json::json!({"id": format!("d{i}"), "published": "2019-04-25", "title": "", "text": b}).to_string())
            .collect();
        std::fs::write(&input, lines.join("\n")).unwrap();
        let mut outputs = Vec::new();
        for jobs in [1, 2] {
            let out = dir.path().join(format!("out{jobs}"));
            let options = eventline::pipeline::Options {
                out: out.clone(),
                gazetteers: Vec::new(),
                jobs,
                published: None,
                bom: true,
                progress: false,
                xlsx: false,
            };
            eventline::pipeline::run_extract(&[&input], &options).unwrap();
            let files: Vec<Vec<u8>> = ["timeline.csv", "events.csv", "documents.csv", "mentions.csv", "dates.csv"]
                .iter()
                .map(|f| std::fs::read(out.join(f)).unwrap())
                .collect();
            outputs.push(files);
        }
        prop_assert_eq!(&outputs[0], &outputs[1]);
    }
}
