//! No input makes eventline panic: random texts built from the pieces real
//! articles are made of (names, dates, triggers, multi-byte characters,
//! glued words) go through every stage.

use chrono::NaiveDate;
use eventline::gazetteer::Gazetteer;
use eventline::lexicon::Lexicon;
use eventline::pipeline::analyze;
use eventline::read::{read_json_line, read_text, Article};

const PIECES: &[&str] = &[
    "Kim Jong Un",
    "ComradeKim Jong Uninvited",
    "Putin",
    "the DPRK",
    "Russia",
    "Russian",
    "south Korea",
    "Pyongyang",
    "Vostochny Spaceport",
    " met ",
    " received ",
    " visited ",
    " paid an official visit to ",
    " signed ",
    " was signed ",
    " treaty ",
    " agreement on ",
    " left here for ",
    " arrived here ",
    " led by ",
    " headed by ",
    "Present there were ",
    " on ",
    " in ",
    " at ",
    " and ",
    ", ",
    ". ",
    "\n",
    "- ",
    "June 19",
    "June 19 this year",
    "April 2019",
    "2002",
    "1990s",
    "twenty-three years ago",
    "the 51 st anniversary",
    "yesterday",
    "on Monday",
    "recently",
    "the same day",
    "mid-",
    "’",
    "'",
    "\u{fffd}",
    "é",
    "한국",
    "—",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "Pyongyang, May 3 (KCNA) -- ",
    "1,460",
    "3-1",
    "Unit 731",
    "the president",
    "foreign minister",
    " of the ",
    "Vice-",
    "BC",
    "a hundred and",
    "summer",
    "the third quarter",
    "–",
    "\t",
    "  ",
    "U.S.",
    "Aug.",
    "V. ",
    "The",
    "x",
];

/// A small deterministic generator (xorshift), so the test needs no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn random_articles_never_panic() {
    let gazetteer = Gazetteer::load(&[]).unwrap();
    let lexicon = Lexicon::load(&[]).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..1500 {
        let len = (rng.next() % 60) as usize;
        let body: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        let published =
            NaiveDate::from_ymd_opt(1990 + (i % 40), 1 + (i % 12) as u32, 1 + (i % 28) as u32)
                .unwrap();
        let article = Article {
            id: format!("r{i}"),
            path: String::new(),
            title: String::new(),
            published,
            body,
            lossy: false,
        };
        let analysis = analyze(&article, &gazetteer, &lexicon);
        for e in &analysis.events {
            assert!(e.span.end <= article.body.len());
        }
    }
}

#[test]
fn broken_bytes_never_panic_the_readers() {
    let mut rng = Rng(42);
    for _ in 0..500 {
        let len = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        let _ = read_text("x.txt", &bytes, None);
        let _ = read_text("x.txt", &bytes, NaiveDate::from_ymd_opt(2024, 1, 1));
        let _ = read_json_line("x.jsonl", 1, &bytes);
        let mut page = b"a\nb\nTitle\nDate: 01/02/2024 | Source: x\n".to_vec();
        page.extend(&bytes);
        let _ = read_text("p.txt", &page, None);
    }
}

/// Every "Kim Jong Un" a case-insensitive search finds in the bundled KCNA
/// articles, glued to its neighbours or not, is a mention.
#[test]
fn every_kim_jong_un_of_the_bundled_corpus_is_found() {
    let gazetteer = Gazetteer::load(&[]).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/kcna/kcna-kp-2024-first300.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut searched, mut found) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let article = read_json_line("corpus", i as u64 + 1, line.as_bytes()).unwrap();
        let lower = article.body.to_ascii_lowercase();
        let starts: Vec<usize> = lower
            .match_indices("kim jong un")
            .map(|(at, _)| at)
            .collect();
        let mentions = gazetteer.find_mentions(&article.body);
        searched += starts.len();
        found += starts
            .iter()
            .filter(|&&at| {
                mentions
                    .iter()
                    .any(|m| m.start == at && gazetteer.entity(m.entity).id == "kim-jong-un")
            })
            .count();
    }
    assert!(searched > 100);
    assert_eq!(found, searched);
}

/// Numbers of any size before any unit, forwards and back, on publication
/// dates at both ends of the accepted years: no panic, and every date
/// produced lies within the years 1 to 9999.
#[test]
fn date_arithmetic_never_overflows() {
    use eventline::resolve::{resolve_document, Mode, Value, YEARS};
    use eventline::segment::sentences;
    let fixed = [
        "It was 99999999 days ago.",
        "It was 99999999 weeks ago.",
        "It happened in 1950. 99999999 days later they met.",
        "4294965000 years ago.",
        "3000 years ago.",
        "2024 years ago.",
        "the 99999th anniversary of the victory",
        "999999999999999999999 months ago",
        "tomorrow",
        "February 29, 2023",
    ];
    let mut rng = Rng(7);
    let mut texts: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    let units = ["days", "weeks", "months", "years", "decades", "centuries"];
    for _ in 0..400 {
        let digits = 1 + (rng.next() % 22) as usize;
        let number: String = (0..digits)
            .map(|_| char::from(b'0' + (rng.next() % 10) as u8))
            .collect();
        let unit = units[(rng.next() % units.len() as u64) as usize];
        let direction = ["ago", "later", "earlier", "after the war"][(rng.next() % 4) as usize];
        texts.push(format!(
            "In 1953 it began. {number} {unit} {direction} they met."
        ));
        texts.push(format!("the {number}th anniversary of the founding"));
    }
    let nows = [
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 6, 19).unwrap(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
    ];
    for text in &texts {
        for now in nows {
            for mode in [Mode::News, Mode::Narrative] {
                for expr in resolve_document(text, &sentences(text), now, mode) {
                    if let Value::Period(p) = expr.value {
                        use chrono::Datelike;
                        assert!(
                            YEARS.contains(&p.start.year()) && YEARS.contains(&p.end.year()),
                            "{text:?} on {now} gave {p:?}"
                        );
                    }
                }
            }
        }
    }
}
