//! A timeline to look at: `eventline plot`.
//!
//! Reads a `timeline.csv` and writes either one self-contained HTML page
//! (the rows as data, a canvas drawing of them, no network) or the CSV
//! that Knight Lab's TimelineJS 3 reads from a spreadsheet. The page puts
//! time on the horizontal axis and one lane per pair of states (or, with
//! a chosen state, per state it dealt with); meetings, visits and treaties
//! have marks of their own; a row's whole period is drawn behind its mark,
//! so a year-precise date shows as the year it is. The wheel zooms, a drag
//! pans, a mark shows its evidence and sources on hover and keeps them on
//! click, and the kinds and a text box filter the rows.

use std::path::Path;

use crate::error::{Error, Result};
use crate::write::{neutralise, unneutralised};

/// The page: the style, the drawing code and a slot for the data.
const PAGE: &str = include_str!("plot.html");
/// Where the rows go in [`PAGE`].
const DATA_SLOT: &str = "/*EVENTLINE-DATA*/null";
/// Where the page's title goes in [`PAGE`].
const TITLE_SLOT: &str = "EVENTLINE-TITLE";

/// The most lanes the page draws one by one; the rows of the smaller
/// lanes share a last lane, "other".
pub const MAX_LANES: usize = 60;

/// One timeline row, as the plot needs it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PlotRow {
    /// `date` of timeline.csv: ISO at the row's precision.
    pub date: String,
    /// First day of the period.
    pub start: String,
    /// Last day of the period.
    pub end: String,
    /// day, month or year.
    pub precision: String,
    /// meeting, visit or treaty.
    pub event: String,
    /// People, `; `-separated.
    pub actors: String,
    /// States, `; `-separated.
    pub states: String,
    /// Place, when known.
    pub place: String,
    /// A treaty's title.
    pub title: String,
    /// The sentence that says so.
    pub evidence: String,
    /// How many articles tell it.
    pub sources: String,
    /// Which articles.
    pub doc_ids: String,
    /// The lane it is drawn in.
    pub lane: String,
}

/// What `plot` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotFormat {
    /// One self-contained HTML page.
    Html,
    /// The spreadsheet CSV of TimelineJS 3.
    TimelineJs,
}

/// Reads the rows of a `timeline.csv`; with `state`, only the rows that
/// name it, laned by the other state.
///
/// # Errors
/// A file that cannot be read or lacks a column of timeline.csv.
pub fn read_timeline(path: &Path, state: Option<&str>) -> Result<Vec<PlotRow>> {
    let mut table = crate::table::Table::open(path, false)?;
    let names = [
        "date",
        "date_start",
        "date_end",
        "precision",
        "event",
        "actors",
        "states",
        "place",
        "title",
        "evidence",
        "sources",
        "doc_ids",
    ];
    let at: Vec<usize> = names
        .iter()
        .map(|n| table.column(n, "a timeline.csv"))
        .collect::<Result<_>>()?;
    let mut rows = Vec::new();
    for row in table.rows() {
        let (_, record) = row?;
        let cell = |i: usize| unneutralised(record.get(at[i]).unwrap_or("")).to_string();
        let states = cell(6);
        let Some(lane) = lane_of(&states, state) else {
            continue;
        };
        rows.push(PlotRow {
            date: cell(0),
            start: cell(1),
            end: cell(2),
            precision: cell(3),
            event: cell(4),
            actors: cell(5),
            states,
            place: cell(7),
            title: cell(8),
            evidence: cell(9),
            sources: cell(10),
            doc_ids: cell(11),
            lane,
        });
    }
    merge_small_lanes(&mut rows);
    Ok(rows)
}

/// A row's lane: its first two states in alphabetical order ("DPRK –
/// Russia"), or its one state; with a chosen state, the first other state
/// (none when the row does not name the chosen one).
fn lane_of(states: &str, chosen: Option<&str>) -> Option<String> {
    let list: Vec<&str> = states.split("; ").filter(|s| !s.is_empty()).collect();
    match chosen {
        Some(chosen) => {
            let named = list.iter().any(|s| s.eq_ignore_ascii_case(chosen));
            if !named {
                return None;
            }
            Some(
                list.iter()
                    .find(|s| !s.eq_ignore_ascii_case(chosen))
                    .map_or_else(|| format!("{chosen} alone"), |s| s.to_string()),
            )
        }
        None => {
            let mut pair: Vec<&str> = list.iter().take(2).copied().collect();
            pair.sort_unstable();
            Some(match pair.as_slice() {
                [] => "no state".to_string(),
                parts => parts.join(" \u{2013} "),
            })
        }
    }
}

/// Keeps the [`MAX_LANES`] - 1 fullest lanes and puts the rest in "other".
fn merge_small_lanes(rows: &mut [PlotRow]) {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for row in rows.iter() {
        *counts.entry(row.lane.clone()).or_default() += 1;
    }
    if counts.len() <= MAX_LANES {
        return;
    }
    let mut lanes: Vec<(String, usize)> = counts.into_iter().collect();
    lanes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let kept: std::collections::HashSet<String> = lanes
        .into_iter()
        .take(MAX_LANES - 1)
        .map(|(lane, _)| lane)
        .collect();
    for row in rows.iter_mut() {
        if !kept.contains(&row.lane) {
            row.lane = "other".to_string();
        }
    }
}

/// The page for `rows`, titled `title`.
pub fn html_page(rows: &[PlotRow], title: &str) -> String {
    let data = serde_json::to_string(rows).unwrap_or_else(|_| "[]".into());
    // Inside a <script> element, "</" could close it.
    let data = data.replace("</", "<\\/");
    PAGE.replacen(DATA_SLOT, &data, 1)
        .replace(TITLE_SLOT, &escape_html(title))
}

/// The columns of a TimelineJS 3 spreadsheet, in its order.
pub const TIMELINEJS_COLUMNS: &[&str] = &[
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// The TimelineJS row of a timeline row: the date at its precision (a
/// month-precise row has no day), an end for a span of days, a headline
/// of the kind and the people (or the treaty's title), the evidence and
/// sources as text, and the lane as the group.
pub fn timelinejs_row(row: &PlotRow) -> Vec<String> {
    let part = |date: &str, i: usize| {
        date.split('-')
            .nth(i)
            .map(|p| p.trim_start_matches('0').to_string())
            .unwrap_or_default()
    };
    let (year, month, day) = match row.precision.as_str() {
        "year" => (part(&row.start, 0), String::new(), String::new()),
        "month" => (part(&row.start, 0), part(&row.start, 1), String::new()),
        _ => (
            part(&row.start, 0),
            part(&row.start, 1),
            part(&row.start, 2),
        ),
    };
    let span = row.precision == "day" && row.end != row.start && !row.end.is_empty();
    let (end_year, end_month, end_day) = if span {
        (part(&row.end, 0), part(&row.end, 1), part(&row.end, 2))
    } else {
        Default::default()
    };
    let kind = match row.event.as_str() {
        "meeting" => "Meeting",
        "visit" => "Visit",
        "treaty" => "Treaty",
        other => other,
    };
    let who = if row.event == "treaty" && !row.title.is_empty() {
        row.title.clone()
    } else if !row.actors.is_empty() {
        row.actors.replace("; ", ", ")
    } else {
        row.states.replace("; ", ", ")
    };
    let headline = format!("{kind}: {who}");
    let mut text = escape_html(&row.evidence);
    if !row.place.is_empty() {
        text.push_str(&format!("<br>Place: {}", escape_html(&row.place)));
    }
    text.push_str(&format!(
        "<br>Sources ({}): {}",
        escape_html(&row.sources),
        escape_html(&row.doc_ids)
    ));
    let mut cells = vec![
        year,
        month,
        day,
        String::new(),
        end_year,
        end_month,
        end_day,
        String::new(),
        row.date.clone(),
        headline,
        text,
    ];
    cells.extend(std::iter::repeat_n(String::new(), 4));
    cells.push(String::new());
    cells.push(row.lane.clone());
    cells.push(String::new());
    cells
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `rows` to `dest` in `format`, through a temporary file renamed
/// into place.
///
/// # Errors
/// When the file cannot be written.
pub fn write_plot(rows: &[PlotRow], format: PlotFormat, title: &str, dest: &Path) -> Result<()> {
    let bytes = match format {
        PlotFormat::Html => html_page(rows, title).into_bytes(),
        PlotFormat::TimelineJs => {
            let mut out = csv::Writer::from_writer(Vec::new());
            let io = |e: csv::Error| Error::Csv {
                path: dest.into(),
                error: e,
            };
            out.write_record(TIMELINEJS_COLUMNS).map_err(io)?;
            for row in rows {
                out.write_record(timelinejs_row(row).iter().map(|c| neutralise(c)))
                    .map_err(io)?;
            }
            out.into_inner()
                .map_err(|e| Error::io(dest, std::io::Error::other(e.to_string())))?
        }
    };
    let temp = dest.with_extension("eventline-tmp");
    std::fs::write(&temp, bytes).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, dest).map_err(|e| Error::io(dest, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(date: &str, precision: &str, start: &str, end: &str, states: &str) -> PlotRow {
        PlotRow {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            precision: precision.into(),
            event: "visit".into(),
            actors: "Kim Jong Un; Xi Jinping".into(),
            states: states.into(),
            place: "Beijing".into(),
            title: String::new(),
            evidence: "Kim Jong Un paid an unofficial visit to China.".into(),
            sources: "3".into(),
            doc_ids: "a; b; c".into(),
            lane: lane_of(states, None).unwrap_or_default(),
        }
    }

    #[test]
    fn lanes_are_state_pairs_or_the_other_state() {
        assert_eq!(
            lane_of("Russia; DPRK", None).unwrap(),
            "DPRK \u{2013} Russia"
        );
        assert_eq!(
            lane_of("DPRK; Russia; China", None).unwrap(),
            "DPRK \u{2013} Russia"
        );
        assert_eq!(lane_of("", None).unwrap(), "no state");
        assert_eq!(lane_of("DPRK; Russia", Some("Russia")).unwrap(), "DPRK");
        assert_eq!(lane_of("DPRK; China", Some("Russia")), None);
        assert_eq!(lane_of("Russia", Some("russia")).unwrap(), "russia alone");
    }

    #[test]
    fn timelinejs_rows_keep_precision_and_spans() {
        let day = timelinejs_row(&row(
            "2018-03-25",
            "day",
            "2018-03-25",
            "2018-03-28",
            "DPRK; China",
        ));
        assert_eq!(day.len(), TIMELINEJS_COLUMNS.len());
        assert_eq!(&day[..7], ["2018", "3", "25", "", "2018", "3", "28"]);
        assert_eq!(day[9], "Visit: Kim Jong Un, Xi Jinping");
        assert_eq!(day[16], "China \u{2013} DPRK");
        let month = timelinejs_row(&row("2019-04", "month", "2019-04-01", "2019-04-30", "DPRK"));
        assert_eq!(&month[..7], ["2019", "4", "", "", "", "", ""]);
        let year = timelinejs_row(&row("2002", "year", "2002-01-01", "2002-12-31", "DPRK"));
        assert_eq!(&year[..3], ["2002", "", ""]);
    }

    #[test]
    fn the_page_holds_the_rows_and_cannot_be_closed_by_them() {
        let mut r = row(
            "2018-03-25",
            "day",
            "2018-03-25",
            "2018-03-25",
            "DPRK; China",
        );
        r.evidence = "</script><script>alert(1)</script>".into();
        let page = html_page(&[r], "a <b> title");
        assert!(!page.contains("</script><script>alert"));
        assert!(page.contains("a &lt;b&gt; title"));
        assert!(!page.contains(DATA_SLOT));
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "no network"
        );
    }
}
