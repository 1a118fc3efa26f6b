//! eventline turns an archive of English news articles into timelines of
//! diplomatic events: who met whom, who visited where, which treaties were
//! signed, and when.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! read -> segment -> gazetteer (match) -> resolve -> extract -> merge -> write
//! ```
//!
//! [`xlsx`] renders the written CSV files as a workbook and [`plot`] a
//! timeline as a page to look at.
//!
//! [`pipeline::run_extract`] runs it all over files and folders and writes
//! the CSV outputs; [`pipeline::analyze`] runs the stages after reading on a
//! single article:
//!
//! ```
//! use eventline::{gazetteer::Gazetteer, lexicon::Lexicon, pipeline::analyze, read::Article};
//! use chrono::NaiveDate;
//!
//! let gazetteer = Gazetteer::load(&[]).unwrap();
//! let lexicon = Lexicon::load(&[]).unwrap();
//! let article = Article {
//!     id: "a1".into(),
//!     path: "a1.txt".into(),
//!     title: String::new(),
//!     published: NaiveDate::from_ymd_opt(2024, 8, 4).unwrap(),
//!     body: "Kim Jong Il visited Russia again in 2002 and 2011.".into(),
//!     lossy: false,
//! };
//! let analysis = analyze(&article, &gazetteer, &lexicon);
//! let years: Vec<String> = analysis.events.iter().map(|e| e.period.iso()).collect();
//! assert_eq!(years, ["2002", "2011"]);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod candidates;
mod data;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gazetteer;
mod hashing;
pub mod lexicon;
pub mod merge;
pub mod numbers;
pub mod pipeline;
pub mod plot;
pub mod read;
pub mod resolve;
mod scan;
pub mod segment;
mod spill;
pub mod table;
pub mod tense;
pub mod timeml;
pub mod uncovered;
pub mod write;
pub mod xlsx;

pub use error::{Error, Result};
