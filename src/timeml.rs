//! TimeML documents and TempEval-3 style scores for the date resolver
//! (`eval-timeml`).
//!
//! A `.tml` file gives the document creation time (the TIMEX3 with
//! `functionInDocument="CREATION_TIME"`) and the text inside `<TEXT>` with
//! TIMEX3 tags around the gold expressions. The tags are stripped, the
//! resolver runs on the plain text anchored on the creation time, and its
//! expressions are compared with the gold ones:
//!
//! - strict extent: same start and end;
//! - relaxed extent: overlapping;
//! - value: overlapping and the same TIMEX3 value.
//!
//! Precision is over the system's expressions, recall over the gold ones.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::eval::prf;
use crate::resolve::{resolve_document, Mode, TimeExpr, TimexRole};
use crate::segment::sentences;

/// A gold TIMEX3.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte range in the plain text.
    pub span: Range<usize>,
    /// TIMEX3 type.
    pub timex_type: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A TimeML document with its tags stripped.
#[derive(Clone, Debug)]
pub struct TimemlDocument {
    /// The creation time.
    pub creation: NaiveDate,
    /// The text of `<TEXT>` without tags.
    pub text: String,
    /// The gold expressions.
    pub gold: Vec<GoldTimex>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn decode_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses a TimeML document.
///
/// # Errors
/// When the creation time or the `<TEXT>` element is missing.
pub fn parse(path: &Path, xml: &str) -> Result<TimemlDocument> {
    let fail = |message: &str| Error::Gazetteer {
        path: path.to_path_buf(),
        line: 1,
        message: message.into(),
    };
    let creation = xml
        .match_indices("<TIMEX3")
        .filter_map(|(i, _)| xml[i..].find('>').map(|e| &xml[i..i + e]))
        .find(|tag| tag.contains("CREATION_TIME"))
        .and_then(|tag| attribute(tag, "value"))
        .and_then(|v| NaiveDate::parse_from_str(v.get(..10).unwrap_or(&v), "%Y-%m-%d").ok())
        .ok_or_else(|| fail("no CREATION_TIME TIMEX3 with a YYYY-MM-DD value"))?;
    let start = xml
        .find("<TEXT>")
        .ok_or_else(|| fail("no <TEXT> element"))?
        + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .map_or(xml.len(), |e| start + e);
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_xml(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3") && !tag.ends_with("/>") {
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            open = Some((text.len(), kind, value));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, timex_type, value)) = open.take() {
                gold.push(GoldTimex {
                    span: s..text.len(),
                    timex_type,
                    value,
                });
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&decode_xml(rest));
    Ok(TimemlDocument {
        creation,
        text,
        gold,
    })
}

/// Counts behind TempEval-3 scores.
#[derive(Clone, Debug, Default)]
pub struct TimexScores {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// System expressions with a gold one of the same extent.
    pub strict_system: usize,
    /// Gold expressions with a system one of the same extent.
    pub strict_gold: usize,
    /// System expressions overlapping a gold one.
    pub relaxed_system: usize,
    /// Gold expressions overlapping a system one.
    pub relaxed_gold: usize,
    /// System expressions overlapping a gold one of the same value.
    pub value_system: usize,
    /// Gold expressions overlapping a system one of the same value.
    pub value_gold: usize,
    /// (document, text, gold value, system value, rule) of overlapping pairs
    /// whose values differ.
    pub value_errors: Vec<(String, String, String, String, String)>,
    /// (document, text, gold value) of gold expressions nothing overlaps.
    pub missed: Vec<(String, String, String)>,
    /// (document, text, system value, rule) of system expressions that
    /// overlap no gold one.
    pub spurious: Vec<(String, String, String, String)>,
    /// (document, gold text, system text, rule) of overlapping pairs whose
    /// extents differ.
    pub extent_errors: Vec<(String, String, String, String)>,
}

impl TimexScores {
    /// (P, R, F1) of strict extents.
    pub fn strict(&self) -> (f64, f64, f64) {
        pr_f(self.strict_system, self.system, self.strict_gold, self.gold)
    }
    /// (P, R, F1) of relaxed extents.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        pr_f(
            self.relaxed_system,
            self.system,
            self.relaxed_gold,
            self.gold,
        )
    }
    /// (P, R, F1) of values.
    pub fn value(&self) -> (f64, f64, f64) {
        pr_f(self.value_system, self.system, self.value_gold, self.gold)
    }
}

fn pr_f(hit_system: usize, system: usize, hit_gold: usize, gold: usize) -> (f64, f64, f64) {
    let (p, _, _) = prf(hit_system, system, gold);
    let (_, r, _) = prf(hit_gold, system, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The expressions TimeML annotates: an anniversary's date is eventline's
/// reading, not a time expression of the text.
fn timeml_expressions(exprs: Vec<TimeExpr>) -> Vec<TimeExpr> {
    exprs
        .into_iter()
        .filter(|e| e.role != TimexRole::Anniversary)
        .collect()
}

/// Scores one document into `scores`.
pub fn score_document(name: &str, doc: &TimemlDocument, mode: Mode, scores: &mut TimexScores) {
    let spans = sentences(&doc.text);
    let system = timeml_expressions(resolve_document(&doc.text, &spans, doc.creation, mode));
    scores.gold += doc.gold.len();
    scores.system += system.len();
    for s in &system {
        let value = s.timex_value();
        scores.strict_system += doc.gold.iter().any(|g| g.span == s.span) as usize;
        let overlapping = doc.gold.iter().any(|g| overlaps(&g.span, &s.span));
        scores.relaxed_system += overlapping as usize;
        if !overlapping {
            scores.spurious.push((
                name.to_string(),
                doc.text[s.span.clone()].to_string(),
                value.clone(),
                s.rule.to_string(),
            ));
        }
        scores.value_system +=
            doc.gold
                .iter()
                .any(|g| overlaps(&g.span, &s.span) && g.value == value) as usize;
    }
    for g in &doc.gold {
        let overlapping: Vec<&TimeExpr> = system
            .iter()
            .filter(|s| overlaps(&g.span, &s.span))
            .collect();
        scores.strict_gold += system.iter().any(|s| s.span == g.span) as usize;
        scores.relaxed_gold += !overlapping.is_empty() as usize;
        let same_value = overlapping.iter().any(|s| s.timex_value() == g.value);
        scores.value_gold += same_value as usize;
        let text = doc.text[g.span.clone()].to_string();
        if let (Some(s), false) = (overlapping.first(), system.iter().any(|s| s.span == g.span)) {
            scores.extent_errors.push((
                name.to_string(),
                text.clone(),
                doc.text[s.span.clone()].to_string(),
                s.rule.to_string(),
            ));
        }
        match overlapping.first() {
            None => scores
                .missed
                .push((name.to_string(), text, g.value.clone())),
            Some(s) if !same_value => scores.value_errors.push((
                name.to_string(),
                text,
                g.value.clone(),
                s.timex_value(),
                s.rule.to_string(),
            )),
            Some(_) => {}
        }
    }
}

/// Scores every `.tml` file of `dir`, in name order.
///
/// # Errors
/// A folder or file that cannot be read, or a file that is not TimeML.
pub fn evaluate_dir(dir: &Path, mode: Mode) -> Result<TimexScores> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("tml"))
        .collect();
    files.sort();
    let mut scores = TimexScores::default();
    for path in files {
        let xml = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let doc = parse(&path, &xml)?;
        let name = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        score_document(&name, &doc, mode, &mut scores);
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2009-12-19">2009-12-19</TIMEX3></DCT>
<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1939-09-01">September 1, 1939</TIMEX3>, Germany &amp; Slovakia attacked. By <TIMEX3 tid="t2" type="DATE" value="1939-10">early October</TIMEX3>, it was over.</TEXT></TimeML>"#;

    #[test]
    fn tags_are_stripped_and_spans_kept() {
        let doc = parse(Path::new("x.tml"), DOC).unwrap();
        assert_eq!(doc.creation, NaiveDate::from_ymd_opt(2009, 12, 19).unwrap());
        assert!(doc
            .text
            .starts_with("On September 1, 1939, Germany & Slovakia attacked."));
        assert_eq!(&doc.text[doc.gold[0].span.clone()], "September 1, 1939");
        assert_eq!(&doc.text[doc.gold[1].span.clone()], "early October");
    }

    #[test]
    fn narrative_mode_scores_both() {
        let doc = parse(Path::new("x.tml"), DOC).unwrap();
        let mut scores = TimexScores::default();
        score_document("x", &doc, Mode::Narrative, &mut scores);
        assert_eq!(scores.gold, 2);
        assert_eq!(scores.value_gold, 2, "{scores:?}");
    }
}
