//! `eventline extract --format csv,xlsx`: the workbook read back for cell
//! types and values, and opened by LibreOffice when it is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A seed run and two articles whose cells a spreadsheet would spoil: a
/// title that is a formula, and an accented name and a curly apostrophe.
fn workbook_run(dir: &Path) -> PathBuf {
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(
        repo("corpus/seed/000_3a0c81bb4ec1f5d5.txt"),
        inputs.join("seed.txt"),
    )
    .unwrap();
    std::fs::write(
        inputs.join("more.jsonl"),
        concat!(
            "{\"id\":\"cuba\",\"published\":\"2018-11-05\",\"title\":\"=HYPERLINK(\\\"x\\\")\",",
            "\"text\":\"Pyongyang, November 4 (KCNA) -- Kim Jong Un had talks with Miguel Díaz-Canel, president of Cuba, at the Workers\u{2019} Party headquarters today.\"}\n",
        ),
    )
    .unwrap();
    let out = dir.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_eventline"))
        .args([
            "extract",
            inputs.to_str().unwrap(),
            "--quiet",
            "--format",
            "csv,xlsx",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn column(range: &calamine::Range<Data>, name: &str) -> usize {
    (0..range.width())
        .find(|&c| range.get((0, c)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_workbook_has_typed_cells_and_no_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let out = workbook_run(dir.path());
    let path = out.join("eventline.xlsx");
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        [
            "timeline",
            "events",
            "documents",
            "candidates",
            "dates",
            "mentions"
        ]
    );
    let timeline = workbook.worksheet_range("timeline").unwrap();
    let csv_rows = std::fs::read_to_string(out.join("timeline.csv"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(timeline.height(), csv_rows, "one row per timeline row");
    let (date, start, sources, latitude, evidence, actors) = (
        column(&timeline, "date"),
        column(&timeline, "date_start"),
        column(&timeline, "sources"),
        column(&timeline, "latitude"),
        column(&timeline, "evidence"),
        column(&timeline, "actors"),
    );
    for row in 1..timeline.height() {
        assert!(
            matches!(timeline.get((row, date)), Some(Data::String(_))),
            "date is text"
        );
        assert!(
            matches!(timeline.get((row, start)), Some(Data::DateTime(_))),
            "date_start is a date: {:?}",
            timeline.get((row, start))
        );
        assert!(matches!(timeline.get((row, sources)), Some(Data::Float(_))));
    }
    assert!(
        (1..timeline.height()).any(|r| matches!(timeline.get((r, latitude)), Some(Data::Float(_))))
    );
    // The seed's treaty of August 4, 2001 is a real date.
    let seed_day = (1..timeline.height())
        .find(|&r| timeline.get((r, date)) == Some(&Data::String("2001-08-04".into())))
        .expect("the 2001 row");
    match timeline.get((seed_day, start)) {
        // Excel counts days from 1899-12-30.
        Some(Data::DateTime(d)) => {
            let day = chrono::NaiveDate::from_ymd_opt(2001, 8, 4).unwrap();
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            assert_eq!(d.as_f64(), (day - epoch).num_days() as f64);
        }
        other => panic!("{other:?}"),
    }
    // Accents and curly quotes survive; the formula-like title is text,
    // without the CSV's apostrophe.
    assert!((1..timeline.height()).any(|r| matches!(timeline.get((r, evidence)), Some(Data::String(s)) if s.contains("Díaz-Canel") && s.contains("Workers\u{2019} Party"))));
    assert!((1..timeline.height()).any(
        |r| matches!(timeline.get((r, actors)), Some(Data::String(s)) if s.contains("Diaz-Canel"))
    ));
    let documents = workbook.worksheet_range("documents").unwrap();
    let title = column(&documents, "title");
    assert!((1..documents.height())
        .any(|r| documents.get((r, title)) == Some(&Data::String("=HYPERLINK(\"x\")".into()))));
    for sheet in workbook.sheet_names() {
        let formulas = workbook.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has a formula"
        );
    }
}

#[test]
fn the_header_is_frozen_bold_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let out = workbook_run(dir.path());
    let file = std::fs::File::open(out.join("eventline.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains(r#"ySplit="1""#) && sheet.contains(r#"state="frozen""#),
        "frozen header"
    );
    assert!(sheet.contains("<autoFilter"), "autofilter");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("<b/>"), "a bold font");
    // run.json lists the workbook with the CSV files.
    let run = std::fs::read_to_string(out.join("run.json")).unwrap();
    assert!(run.contains("eventline.xlsx"));
}

/// LibreOffice opens the workbook (headless conversion to flat ODS): day
/// columns are dates, `date` is a string, there is no formula and the
/// accents are intact. Skipped, with a message, without LibreOffice.
#[test]
fn libreoffice_opens_the_workbook() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = workbook_run(dir.path());
    let converted = dir.path().join("converted");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let status = Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(&converted)
        .arg(out.join("eventline.xlsx"))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let fods = std::fs::read_to_string(converted.join("eventline.fods")).unwrap();
    assert!(fods.contains(r#"table:name="timeline""#));
    assert!(
        fods.contains(r#"office:value-type="date" office:date-value="2001-08-04""#),
        "a typed date"
    );
    assert!(fods.contains("<text:p>2001-08-04</text:p>"));
    assert!(!fods.contains("table:formula"), "no formula cell");
    assert!(
        fods.contains("Díaz-Canel") && !fods.contains("DÃ"),
        "no garbled characters"
    );
    assert!(
        fods.contains("table:display-filter-buttons=\"true\""),
        "autofilter"
    );
}
