//! The `eventline` command end to end: outputs, determinism, error paths.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_eventline"))
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn extract(args: &[&str], out: &Path) -> Output {
    let output = bin()
        .arg("extract")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .output()
        .expect("run eventline");
    output
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Rows of a CSV file as maps from column to cell.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = read(path);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

const SEED: &str = "corpus/seed/000_3a0c81bb4ec1f5d5.txt";

#[test]
fn seed_timeline_matches_golden() {
    let dir = tempfile::tempdir().unwrap();
    let output = extract(&[repo(SEED).to_str().unwrap(), "--no-bom"], dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let got = read(&dir.path().join("timeline.csv"));
    let want = read(&repo("tests/golden/seed-timeline.csv"));
    assert_eq!(
        got, want,
        "timeline.csv differs from tests/golden/seed-timeline.csv"
    );
}

#[test]
fn seed_teasers_make_no_events_and_columns_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let output = extract(&[repo(SEED).to_str().unwrap()], dir.path());
    assert!(output.status.success());
    for (file, columns) in [
        ("timeline.csv", eventline::pipeline::TIMELINE_COLUMNS),
        ("events.csv", eventline::pipeline::EVENTS_COLUMNS),
        ("mentions.csv", eventline::pipeline::MENTIONS_COLUMNS),
        ("dates.csv", eventline::pipeline::DATES_COLUMNS),
        ("documents.csv", eventline::pipeline::DOCUMENTS_COLUMNS),
        ("candidates.csv", eventline::pipeline::CANDIDATES_COLUMNS),
    ] {
        let text = read(&dir.path().join(file));
        assert!(text.starts_with('\u{feff}'), "{file} has no BOM");
        let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
        assert_eq!(header, columns.join(","), "{file}");
    }
    let events = rows(&dir.path().join("events.csv"));
    let body_len = read(&repo(SEED)).find("More From").unwrap();
    for e in &events {
        assert!(
            !e["evidence"].contains("Spokesperson"),
            "event from a teaser: {e:?}"
        );
        assert!(e["start"].parse::<usize>().unwrap() < body_len);
    }
    let dates = rows(&dir.path().join("dates.csv"));
    assert!(
        !dates.iter().any(|d| d["value"].starts_with("2025")),
        "a teaser's date was read"
    );
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let eight = tempfile::tempdir().unwrap();
    let corpus = repo("corpus");
    assert!(
        extract(&[corpus.to_str().unwrap(), "--jobs", "1"], one.path())
            .status
            .success()
    );
    assert!(
        extract(&[corpus.to_str().unwrap(), "--jobs", "8"], eight.path())
            .status
            .success()
    );
    for file in [
        "timeline.csv",
        "events.csv",
        "mentions.csv",
        "dates.csv",
        "documents.csv",
        "candidates.csv",
    ] {
        let (a, b) = (read(&one.path().join(file)), read(&eight.path().join(file)));
        assert!(a == b, "{file} differs between --jobs 1 and --jobs 8");
    }
    let documents = rows(&one.path().join("documents.csv"));
    assert!(documents.len() > 200);
    assert!(documents.iter().all(|d| d["status"] == "ok"));
}

#[test]
fn missing_path_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = extract(&["no/such/file.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
}

#[test]
fn a_run_that_reads_no_document_exits_1_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plain.txt");
    std::fs::write(&input, "Kim Jong Un met Putin on Monday.").unwrap();
    let out = dir.path().join("out");
    let output = extract(&[input.to_str().unwrap()], &out);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 document was rejected")
            && stderr.contains("--published")
            && stderr.contains("no document could be read"),
        "{stderr}"
    );
    // documents.csv still says so.
    assert_eq!(rows(&out.join("documents.csv"))[0]["status"], "rejected");
    // An empty folder reads nothing either.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let output = extract(&[empty.to_str().unwrap()], &out);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn broken_documents_are_rejected_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.jsonl"),
        concat!(
            "{\"id\":\"good\",\"published\":\"2024-06-20\",\"title\":\"=cmd|' /C calc'!A0\",\"text\":\"Vladimir Putin paid a state visit to the DPRK on June 19.\"}\n",
            "{this is not json\n",
            "\n",
            "{\"id\":\"undated\",\"title\":\"t\",\"text\":\"x\"}\n",
            "{\"id\":\"baddate\",\"published\":\"June 2024\",\"text\":\"x\"}\n",
        ),
    )
    .unwrap();
    std::fs::write(input.join("plain.txt"), "Kim Jong Un met Putin on Monday.").unwrap();
    std::fs::write(input.join("latin1.txt"), b"Caf\xe9 talks were held.").unwrap();
    let out = dir.path().join("out");
    let output = extract(&[input.to_str().unwrap()], &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The run ends by saying how many were rejected and why the first was.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("5 documents were rejected") && stderr.contains("the first: "),
        "{stderr}"
    );
    let documents = rows(&out.join("documents.csv"));
    let by_id = |id: &str| {
        documents
            .iter()
            .find(|d| d["doc_id"] == id)
            .unwrap_or_else(|| panic!("{id}: {documents:?}"))
    };
    assert_eq!(by_id("good")["status"], "ok");
    assert_eq!(by_id("good")["events"], "1");
    // The title would run as a formula in a spreadsheet.
    assert_eq!(by_id("good")["title"], "'=cmd|' /C calc'!A0");
    let bad_json = documents
        .iter()
        .find(|d| d["reason"].contains("invalid JSON"))
        .unwrap();
    assert_eq!(bad_json["status"], "rejected");
    assert!(bad_json["reason"].contains("a.jsonl:2:"), "{bad_json:?}");
    assert!(by_id("undated")["reason"].contains("a.jsonl:4:"));
    assert!(by_id("baddate")["reason"].contains("June 2024"));
    assert!(by_id("plain")["reason"].contains("--published"));
    assert_eq!(by_id("plain")["status"], "rejected");
    assert_eq!(by_id("latin1")["status"], "rejected");
    assert_eq!(documents.len(), 6);
    let timeline = rows(&out.join("timeline.csv"));
    assert_eq!(timeline.len(), 1);

    // With a publication date the plain text files are read; the lossy one is flagged.
    let out2 = dir.path().join("out2");
    let output = extract(
        &[input.to_str().unwrap(), "--published", "2024-08-04"],
        &out2,
    );
    assert!(output.status.success());
    let documents = rows(&out2.join("documents.csv"));
    let latin1 = documents.iter().find(|d| d["doc_id"] == "latin1").unwrap();
    assert_eq!(latin1["status"], "lossy");
    assert!(latin1["reason"].contains("UTF-8"));
}

#[test]
fn stdin_and_no_bom() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .args([
            "extract",
            "-",
            "--published",
            "2024-08-04",
            "--no-bom",
            "--quiet",
            "--out",
        ])
        .arg(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Great Comrade Kim Jong Il visited Russia again in 2002 and 2011 respectively.")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = read(&dir.path().join("timeline.csv"));
    assert!(
        text.starts_with("event_id,"),
        "BOM written despite --no-bom"
    );
    let timeline = rows(&dir.path().join("timeline.csv"));
    let years: Vec<&str> = timeline.iter().map(|r| r["date"].as_str()).collect();
    assert_eq!(years, ["2002", "2011"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 documents"),
        "summary line missing: {stderr}"
    );
}

#[test]
fn a_users_gazetteer_folder_adds_names() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = dir.path().join("gaz");
    std::fs::create_dir(&gaz).unwrap();
    std::fs::write(
        gaz.join("people.csv"),
        "id,name,aliases,country,role,valid_from,valid_to\nkhamla,Khamla Sengdara,Khamla,LAO,Minister of Foreign Affairs of Laos,,\n",
    )
    .unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(
        &text,
        "Kim Jong Un received Khamla Sengdara in Pyongyang on June 3.",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = extract(
        &[
            text.to_str().unwrap(),
            "--published",
            "2024-08-04",
            "--gazetteers",
            gaz.to_str().unwrap(),
        ],
        &out,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mentions = rows(&out.join("mentions.csv"));
    assert!(mentions
        .iter()
        .any(|m| m["name"] == "Khamla Sengdara" && m["country"] == "Laos"));
    let timeline = rows(&out.join("timeline.csv"));
    assert_eq!(timeline[0]["actors"], "Kim Jong Un; Khamla Sengdara");

    std::fs::write(gaz.join("states.csv"), "id,name,aliases,iso3\nLAO,,,LAO\n").unwrap();
    let output = extract(
        &[
            text.to_str().unwrap(),
            "--published",
            "2024-08-04",
            "--gazetteers",
            gaz.to_str().unwrap(),
        ],
        &out,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("states.csv:2:"), "{stderr}");
}

#[test]
fn dates_command_prints_the_seed_dates() {
    let seed = read(&repo(SEED));
    let start = seed.find("With the traditional").unwrap();
    let end = seed.find("More From").unwrap();
    let mut child = bin()
        .args([
            "dates",
            "--published",
            "2024-08-04",
            "--format",
            "jsonl",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(seed[start..end].as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let value_of = |text: &str| {
        lines
            .iter()
            .find(|l| l["text"] == text)
            .map(|l| l["value"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{text} not found in {lines:?}"))
    };
    assert_eq!(value_of("twenty-three years ago from now"), "2001");
    assert_eq!(value_of("August 4, 2001"), "2001-08-04");
    assert_eq!(value_of("2002"), "2002");
    assert_eq!(value_of("2011"), "2011");
    assert_eq!(value_of("April 2019"), "2019-04");
    assert_eq!(value_of("September 2023"), "2023-09");
    assert_eq!(value_of("June this year"), "2024-06");
    assert_eq!(value_of("June 19 this year"), "2024-06-19");
    for line in &lines {
        let (s, e) = (
            line["start"].as_u64().unwrap() as usize,
            line["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&seed[start..end][s..e], line["text"].as_str().unwrap());
    }
}

#[test]
fn uncovered_groups_dated_sentences_with_two_parties_and_no_event() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    let article = |id: &str, text: &str| {
        format!(
            "{{\"id\":\"{id}\",\"published\":\"2024-08-04\",\"title\":\"t\",\"text\":\"{text}\"}}\n"
        )
    };
    let text = [
        article(
            "a1",
            "Kim Jong Un sent a congratulatory message to Vladimir Putin on June 12.",
        ),
        article(
            "a2",
            "Choe Son Hui sent a congratulatory message to Sergei Lavrov on July 3.",
        ),
        article(
            "a3",
            "Kim Jong Un had a telephone conversation with Vladimir Putin on March 3.",
        ),
        // An event is covered; an undated sentence without a dateline is not listed.
        article(
            "a4",
            "Kim Jong Un met Vladimir Putin in Pyongyang on June 19.",
        ),
        article("a5", "Kim Jong Un praised Vladimir Putin."),
    ]
    .concat();
    std::fs::write(&input, text).unwrap();
    let output = bin().arg("uncovered").arg(&input).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let groups: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string(), r[2].to_string())
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "sent a congratulatory message".into(),
                "2".into(),
                "a1".into()
            ),
            (
                "had a telephone conversation".into(),
                "1".into(),
                "a3".into()
            ),
        ]
    );
}

#[test]
fn eval_events_scores_several_sets_each_and_together() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let gold_header = "doc_id,date,event,people,states,place,title,evidence,note,optional\n";
    let system_header = "doc_id,date,event,status,actors,states,place,evidence\n";
    let gold1 = write(
        "events-a.csv",
        &format!("{gold_header}d1,2019-04,meeting,,DPRK; Russia,,,,,\n"),
    );
    let sys1 = write(
        "sys-a.csv",
        &format!("{system_header}d1,2019-04,meeting,happened,,DPRK; Russia,,\n"),
    );
    let gold2 = write(
        "events-b.csv",
        &format!("{gold_header}d2,2017-04|2017-04-24,visit,,DPRK; Iran,,,,,\nd2,2017,treaty,,DPRK; Iran,,,,,yes\n"),
    );
    let sys2 = write(
        "sys-b.csv",
        &format!("{system_header}d2,2017-04-24,visit,happened,,DPRK; Iran,,\nd2,2017,treaty,happened,,DPRK; Iran,,\nd2,2016,visit,happened,,DPRK; Iran,,\n"),
    );
    let output = bin()
        .arg("eval-events")
        .args([&gold1, &sys1, &gold2, &sys2])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let together = stdout
        .split("== together")
        .nth(1)
        .expect("a combined score");
    assert!(together.contains("gold 2  system 3  matched 2"), "{stdout}");
}

#[test]
fn merge_of_two_halves_is_the_timeline_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let articles = read(&repo("corpus/kcna/kcna-kp-2024-first300.jsonl"));
    let lines: Vec<&str> = articles.lines().collect();
    let (first, second) = lines.split_at(lines.len() / 2);
    std::fs::write(inputs.join("a.jsonl"), first.join("\n") + "\n").unwrap();
    std::fs::write(inputs.join("b.jsonl"), second.join("\n") + "\n").unwrap();
    for (input, out) in [("in", "all"), ("in/a.jsonl", "a"), ("in/b.jsonl", "b")] {
        let output = extract(
            &[dir.path().join(input).to_str().unwrap()],
            &dir.path().join(out),
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = bin()
        .arg("merge")
        .arg(dir.path().join("a/events.csv"))
        .arg(dir.path().join("b/events.csv"))
        .arg("--out")
        .arg(dir.path().join("merged"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let one_run = read(&dir.path().join("all/timeline.csv"));
    assert!(one_run.lines().count() > 10, "too small a test: {one_run}");
    assert_eq!(read(&dir.path().join("merged/timeline.csv")), one_run);
    // events.csv names the timeline row each telling went into.
    let ids: std::collections::HashSet<String> = rows(&dir.path().join("all/timeline.csv"))
        .into_iter()
        .map(|r| r["event_id"].clone())
        .collect();
    for event in rows(&dir.path().join("all/events.csv")) {
        if event["status"] == "happened" {
            assert!(ids.contains(&event["event_id"]), "{event:?}");
        } else {
            assert_eq!(event["event_id"], "");
        }
    }
}

#[test]
fn merge_names_a_broken_events_file() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.csv");
    std::fs::write(&events, "doc_id,published\na,2024-01-01\n").unwrap();
    let output = bin()
        .arg("merge")
        .arg(&events)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("events.csv:1: missing column"), "{stderr}");
}

/// `eventline dates FILE | head`: when the reader goes away, eventline
/// stops quietly with exit code 0.
#[test]
fn a_reader_that_goes_away_is_no_error() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("many.txt");
    std::fs::write(&text, "He met Putin on May 4, 2001. ".repeat(20_000)).unwrap();
    let mut child = bin()
        .args(["dates", text.to_str().unwrap(), "--published", "2024-01-01"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run eventline");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    assert!(first.starts_with("start,end"));
    // The reader is dropped here: the pipe closes.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A FIFO in a walked folder is reported, never opened (opening one blocks
/// until a writer comes); the other files are read.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_reported_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("a.txt"),
        "Vladivostok, April 25 (KCNA) -- Kim Jong Un had talks with Vladimir Putin today.",
    )
    .unwrap();
    let made = Command::new("mkfifo").arg(docs.join("f.txt")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let out = dir.path().join("out");
    let output = extract(&[docs.to_str().unwrap(), "--published", "2019-04-25"], &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let documents = rows(&out.join("documents.csv"));
    let fifo = documents
        .iter()
        .find(|d| d["doc_id"] == "f")
        .expect("a row for the FIFO");
    assert_eq!(fifo["status"], "rejected");
    assert!(fifo["reason"].contains("not a regular file"));
    assert!(documents
        .iter()
        .any(|d| d["doc_id"] == "a" && d["status"] == "ok"));
}

/// `eventline gazetteer check --gazetteers DIR`.
fn gazetteer_check(dir: &Path) -> Output {
    bin()
        .args(["gazetteer", "check", "--gazetteers"])
        .arg(dir)
        .output()
        .expect("run eventline")
}

/// `gazetteer check` reads every file `extract` reads: a broken
/// events.csv is a problem there, not only when extracting.
#[test]
fn gazetteer_check_covers_the_trigger_lists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("events.csv"),
        "kind,pattern,subject,object,undated,unless\nmeeting,had talks with,party,bogus,dateline,\n",
    )
    .unwrap();
    let output = gazetteer_check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("events.csv:2: unknown object role \"bogus\""),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 problem in"));
}

/// A misnamed list and a person of an unknown state are reported with
/// their file; the bundled gazetteers themselves are fine.
#[test]
fn gazetteer_check_reports_unknown_files_and_country_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("person.csv"),
        "id,name,aliases,country,role\nx,Ri Son Gwon,,PRK,minister\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.md"), "my notes").unwrap();
    std::fs::write(
        dir.path().join("people.csv"),
        "id,name,aliases,country,role\nqq,Quux Blorg,,XYZ,minister\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("places.csv"),
        "id,name,aliases,country,kind,lat,lon\nqv,Quuxville,,ZZZ,city,1,2\n",
    )
    .unwrap();
    let output = gazetteer_check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("person.csv: not a gazetteer file"),
        "{stdout}"
    );
    assert!(!stdout.contains("notes.md"), "{stdout}");
    assert!(stdout.contains("people.csv:2: country \"XYZ\""), "{stdout}");
    assert!(stdout.contains("places.csv:2: country \"ZZZ\""), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("3 problems in"));

    let bundled = gazetteer_check(&repo("gazetteers"));
    assert!(
        bundled.status.success(),
        "{}",
        String::from_utf8_lossy(&bundled.stdout)
    );
}

/// Whether every file `run.json` lists is there with its SHA-256.
fn set_is_complete(out: &Path) -> bool {
    use sha2::{Digest, Sha256};
    let Ok(text) = std::fs::read_to_string(out.join("run.json")) else {
        return false;
    };
    let run: serde_json::Value = serde_json::from_str(&text).expect("run.json is JSON");
    let files = run["files"].as_array().expect("files");
    !files.is_empty()
        && files.iter().all(|f| {
            let name = f["name"].as_str().unwrap_or("");
            std::fs::read(out.join(name)).is_ok_and(|bytes| {
                let hash: String = Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                Some(hash.as_str()) == f["sha256"].as_str()
            })
        })
}

/// Forty copies of `corpus` with distinct ids in `dir/big.jsonl`: a run
/// long enough to be caught writing.
fn long_run_input(dir: &Path, corpus: &Path) -> PathBuf {
    let big = dir.join("big.jsonl");
    let lines = read(corpus);
    let text: String = (0..40)
        .map(|copy| lines.replace("{\"id\": \"", &format!("{{\"id\": \"c{copy}-")))
        .collect();
    std::fs::write(&big, text).unwrap();
    big
}

/// Starts `extract` of `input` into `out` and returns once it writes (its
/// staging folder is there), or after 20 seconds.
fn start_long_run(input: &Path, out: &Path) -> std::process::Child {
    let child = bin()
        .arg("extract")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .spawn()
        .expect("run eventline");
    let started = std::time::Instant::now();
    while staging_folders(out) == 0 && started.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child
}

fn staging_folders(out: &Path) -> usize {
    std::fs::read_dir(out)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with(".eventline-tmp-")
                })
                .count()
        })
        .unwrap_or(0)
}

/// `kill -9` at any moment leaves the previous complete set; the next run
/// clears what the killed one left; a second run on the same folder is
/// refused while the first writes.
#[cfg(unix)]
#[test]
fn a_killed_run_leaves_the_previous_complete_set() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = repo("corpus/kcna/kcna-kp-2024-first300.jsonl");
    let output = extract(&[corpus.to_str().unwrap()], &out);
    assert!(output.status.success());
    assert!(set_is_complete(&out));
    let before = read(&out.join("timeline.csv"));

    let big = long_run_input(dir.path(), &corpus);
    let mut child = start_long_run(&big, &out);
    // While it writes, another run is refused with a clear message.
    let refused = extract(&[corpus.to_str().unwrap()], &out);
    let still_running = child.try_wait().expect("wait").is_none();
    child.kill().expect("kill -9");
    child.wait().expect("reap");
    if still_running {
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("another eventline run"));
    }
    assert!(set_is_complete(&out), "a killed run mixed the set");
    let after = read(&out.join("timeline.csv"));
    assert!(after == before || !still_running);

    let output = extract(&[corpus.to_str().unwrap()], &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(staging_folders(&out), 0);
    assert!(set_is_complete(&out));
}

/// A full disk fails the run (exit 2) and leaves the previous complete set
/// and no temporary files. Needs a small tmpfs: runs as root where mount
/// works, and is skipped with a message elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_previous_complete_set() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&disk)
        .stderr(Stdio::null())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(disk.clone());
    let out = disk.join("out");
    let small = dir.path().join("small.txt");
    std::fs::write(
        &small,
        "Vladivostok, April 25 (KCNA) -- Kim Jong Un had talks with Vladimir Putin today.",
    )
    .unwrap();
    let output = extract(
        &[small.to_str().unwrap(), "--published", "2019-04-25"],
        &out,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(set_is_complete(&out));
    let before = read(&out.join("timeline.csv"));
    // The bundled corpus writes far more than the disk holds.
    let corpus = repo("corpus/kcna/kcna-kp-2024-first300.jsonl");
    let output = extract(&[corpus.to_str().unwrap()], &out);
    assert_eq!(output.status.code(), Some(2), "a full disk is an error");
    assert!(String::from_utf8_lossy(&output.stderr).contains("No space left"));
    assert!(set_is_complete(&out), "the previous set is intact");
    assert_eq!(read(&out.join("timeline.csv")), before);
    assert_eq!(staging_folders(&out), 0, "no temporary files left");
}

/// Ctrl-C (SIGINT) during a run: exit 130, the previous complete set, no
/// temporary folder.
#[cfg(unix)]
#[test]
fn an_interrupted_run_removes_its_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = repo("corpus/kcna/kcna-kp-2024-first300.jsonl");
    assert!(extract(&[corpus.to_str().unwrap()], &out).status.success());
    let big = long_run_input(dir.path(), &corpus);
    let child = start_long_run(&big, &out);
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .is_ok_and(|s| s.success());
    let output = child.wait_with_output().expect("wait");
    if interrupted && output.status.code() == Some(130) {
        assert_eq!(staging_folders(&out), 0);
    }
    assert!(set_is_complete(&out));
}

/// Inputs that once panicked the extractor give events or none, never a
/// crash.
#[test]
fn inputs_that_once_panicked_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("m.txt");
    std::fs::write(&text, "signed treaty China 3 days later 5 days later").unwrap();
    let output = extract(
        &[text.to_str().unwrap(), "--published", "2024-08-12"],
        &dir.path().join("o"),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = bin()
        .args(["dates", "--published", "2024-06-19", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"It was 99999999 days ago. 99999999 weeks ago. It happened in 1950. 99999999 days later they met.")?;
            child.wait_with_output()
        })
        .expect("run eventline dates");
    assert!(output.status.success());
}

/// Greedy hard wrapping at `width` columns, as a mail client does it.
fn hard_wrap(paragraph: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// The events of an extract run, without the byte offsets (which move when
/// line breaks become spaces).
fn told_events(out: &Path) -> Vec<Vec<String>> {
    rows(&out.join("events.csv"))
        .into_iter()
        .map(|r| {
            [
                "doc_id", "event", "date", "status", "actors", "states", "place", "title",
                "evidence",
            ]
            .iter()
            .map(|c| r[*c].clone())
            .collect()
        })
        .collect()
}

#[test]
fn hard_wrapped_text_gives_the_events_of_unwrapped_text() {
    let dir = tempfile::tempdir().unwrap();
    let articles = read(&repo("corpus/kcna/kcna-kp-2024-first300.jsonl"));
    let mut wrapped = String::new();
    for line in articles.lines() {
        let mut article: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = article["text"].as_str().unwrap().to_string();
        let paragraphs: Vec<String> = text
            .split('\n')
            .filter(|p| !p.trim().is_empty())
            .map(|p| hard_wrap(p, 72))
            .collect();
        article["text"] = serde_json::Value::String(paragraphs.join("\n\n"));
        wrapped.push_str(&serde_json::to_string(&article).unwrap());
        wrapped.push('\n');
    }
    assert!(wrapped.matches("\\n").count() > 5 * articles.lines().count());
    std::fs::write(dir.path().join("wrapped.jsonl"), wrapped).unwrap();
    let plain = dir.path().join("plain");
    let folded = dir.path().join("folded");
    for (input, out) in [
        (repo("corpus/kcna/kcna-kp-2024-first300.jsonl"), &plain),
        (dir.path().join("wrapped.jsonl"), &folded),
    ] {
        let output = extract(&[input.to_str().unwrap()], out);
        assert!(output.status.success());
    }
    let want = told_events(&plain);
    assert!(want.len() > 10, "too small a test");
    assert_eq!(told_events(&folded), want);
}

#[test]
fn a_wrapped_plain_text_paragraph_is_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mail.txt");
    std::fs::write(
        &input,
        "Putin meets Kim\n\nVladivostok, April 25 (KCNA) -- Kim Jong Un, chairman of the State\nAffairs Commission of the DPRK, had talks with Vladimir Putin, president\nof the Russian Federation, at the Far Eastern Federal University today.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = extract(
        &[input.to_str().unwrap(), "--published", "2019-04-25"],
        &out,
    );
    assert!(output.status.success());
    let events = rows(&out.join("events.csv"));
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["event"], "meeting");
    assert_eq!(events[0]["date"], "2019-04-25");
    assert_eq!(events[0]["actors"], "Kim Jong Un; Vladimir Putin");
}

#[test]
fn files_of_one_name_in_two_folders_get_distinct_doc_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Pyongyang, May 3 (KCNA) -- Kim Jong Un met Xi Jinping today.";
    for folder in ["in/a", "in/b/c"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("report.txt"), text).unwrap();
    }
    let ids = |args: &[&str]| -> Vec<String> {
        let out = dir.path().join("out");
        let mut all = args.to_vec();
        all.extend(["--published", "2019-05-03"]);
        assert!(extract(&all, &out).status.success());
        rows(&out.join("documents.csv"))
            .into_iter()
            .map(|r| r["doc_id"].clone())
            .collect()
    };
    // A folder: the path relative to it.
    let folder = dir.path().join("in");
    assert_eq!(ids(&[folder.to_str().unwrap()]), ["a/report", "b/c/report"]);
    // Files given one by one: the name, then the path as given.
    let a = dir.path().join("in/a/report.txt");
    let b = dir.path().join("in/b/c/report.txt");
    let got = ids(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(got[0], "report");
    assert_eq!(got[1], b.with_extension("").to_str().unwrap());
}
