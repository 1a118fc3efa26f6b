//! `eventline plot`: the page in a real headless browser (Chromium), its
//! screenshot, and the TimelineJS spreadsheet. The browser tests are
//! skipped, with a message, where no Chromium is installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

const SEED_TIMELINE: &str = "tests/golden/seed-timeline.csv";

fn plot(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .arg("plot")
        .args(args)
        .output()
        .expect("run eventline");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Chromium's path: $CHROMIUM, else the first of the usual names on PATH.
fn chromium() -> Option<String> {
    let candidates = std::env::var("CHROMIUM")
        .ok()
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from));
    for candidate in candidates {
        let works = Command::new(&candidate)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        if works {
            return Some(candidate);
        }
    }
    eprintln!("skipped: no Chromium (install Debian's chromium, or set CHROMIUM)");
    None
}

/// Runs headless Chromium on `page` with `args`; a fresh profile, and no
/// background traffic, since the page needs no network.
fn browse(browser: &str, profile: &Path, page: &Path, args: &[&str]) -> Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium")
}

/// The `data-*` attributes of the page's status element after it ran.
fn status(dom: &str) -> std::collections::HashMap<String, String> {
    let start = dom
        .find("<output id=\"status\"")
        .expect("the status element");
    let end = start + dom[start..].find('>').expect("its end");
    let tag = &dom[start..end];
    let mut values = std::collections::HashMap::new();
    for part in tag.split(" data-").skip(1) {
        if let Some((name, rest)) = part.split_once("=\"") {
            values.insert(
                name.to_string(),
                rest.split('"').next().unwrap_or("").to_string(),
            );
        }
    }
    values
}

/// Draws the seed's timeline into `page`; the browser to open it with,
/// if there is one.
fn seed_page_and_browser(page: &Path) -> Option<String> {
    plot(&[
        repo(SEED_TIMELINE).to_str().unwrap(),
        "--out",
        page.to_str().unwrap(),
    ]);
    chromium()
}

#[test]
fn the_page_loads_in_chromium_and_draws_one_mark_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("seed.html");
    let Some(browser) = seed_page_and_browser(&page) else {
        return;
    };
    let output = browse(
        &browser,
        &dir.path().join("profile"),
        &page,
        &["--virtual-time-budget=5000", "--dump-dom"],
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    let values = status(&dom);
    assert_eq!(
        values.get("ready").map(String::as_str),
        Some("true"),
        "{dom}"
    );
    assert_eq!(values["rows"], "8");
    assert_eq!(values["marks"], "8", "one mark per timeline row");
    assert!(
        !values.contains_key("errors"),
        "page errors: {:?}",
        values.get("errors")
    );
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        !log.contains("Uncaught") && !log.contains("CONSOLE"),
        "console output: {log}"
    );
    // A chosen state keeps its rows; an unknown one draws none.
    for (state, marks) in [("Russia", "8"), ("Atlantis", "0")] {
        let page = dir.path().join(format!("{state}.html"));
        plot(&[
            repo(SEED_TIMELINE).to_str().unwrap(),
            "--state",
            state,
            "--out",
            page.to_str().unwrap(),
        ]);
        let output = browse(
            &browser,
            &dir.path().join("profile"),
            &page,
            &["--virtual-time-budget=5000", "--dump-dom"],
        );
        let values = status(&String::from_utf8_lossy(&output.stdout));
        assert_eq!(values["marks"], marks, "{state}");
        assert!(!values.contains_key("errors"), "{state}");
    }
}

/// The screenshot of the seed's eight events shows a mark of each kind, in
/// its colour: meetings blue, visits orange, treaties green.
#[test]
fn a_screenshot_of_the_seed_shows_each_kind_of_mark() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("seed.html");
    let Some(browser) = seed_page_and_browser(&page) else {
        return;
    };
    let shot = dir.path().join("seed.png");
    browse(
        &browser,
        &dir.path().join("profile"),
        &page,
        &[
            "--window-size=1200,500",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&shot).expect("a screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (1200, 500));
    let channels = info.color_type.samples();
    let count = |rgb: [u8; 3]| {
        pixels[..info.buffer_size()]
            .chunks(channels)
            .filter(|p| p[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 6))
            .count()
    };
    // The kind's colour in the legend, and more of it where the marks are.
    for (kind, rgb) in [
        ("meeting", [0x1f, 0x6f, 0xb4]),
        ("visit", [0xd9, 0x5f, 0x02]),
        ("treaty", [0x1b, 0x9e, 0x77]),
    ] {
        let legend_only = count_in_legend(&pixels, info.width as usize, channels, rgb);
        assert!(count(rgb) > legend_only + 20, "no {kind} mark drawn");
    }
}

/// Pixels of `rgb` in the page's header (the legend), above the chart.
fn count_in_legend(pixels: &[u8], width: usize, channels: usize, rgb: [u8; 3]) -> usize {
    pixels[..width * channels * 60]
        .chunks(channels)
        .filter(|p| p[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 6))
        .count()
}

#[test]
fn timelinejs_gets_its_columns_and_one_slide_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timelinejs.csv");
    plot(&[
        repo(SEED_TIMELINE).to_str().unwrap(),
        "--format",
        "timelinejs",
        "--out",
        out.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, eventline::plot::TIMELINEJS_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    // The 2001 treaty: a day; the 2002 visit: a year without month or day.
    let treaty = rows
        .iter()
        .find(|r| &r[8] == "2001-08-04" && r[9].starts_with("Treaty"))
        .unwrap();
    assert_eq!((&treaty[0], &treaty[1], &treaty[2]), ("2001", "8", "4"));
    assert_eq!(&treaty[16], "DPRK \u{2013} Russia");
    let year = rows.iter().find(|r| &r[8] == "2002").unwrap();
    assert_eq!((&year[0], &year[1], &year[2]), ("2002", "", ""));
}
