//! One benchmark per pipeline stage over a fixed slice (the bundled
//! `corpus/kcna` articles), so that a change in speed shows which stage it
//! came from. `make bench` measures the whole run; this measures its parts:
//!
//! ```text
//! cargo bench --bench stages
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use eventline::extract::{extract, Document};
use eventline::gazetteer::Gazetteer;
use eventline::lexicon::Lexicon;
use eventline::pipeline::date_cells;
use eventline::read::{collect_inputs, Article, DocumentStream};
use eventline::resolve::{resolve_article, Mode};
use eventline::segment::{sentences_and_cuts, words};
use eventline::write::{Cell, RowBuffer};

/// The bundled articles, read and cleaned once.
fn articles() -> Vec<Article> {
    let inputs = collect_inputs(&["corpus/kcna"]).expect("the bundled corpus");
    DocumentStream::new(inputs, None)
        .filter_map(|raw| raw.parse().ok())
        .collect()
}

fn stages(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let gazetteer = Gazetteer::load(&[]).expect("gazetteers");
    let lexicon = Lexicon::load(&[]).expect("word lists");
    let year = |a: &Article| chrono::Datelike::year(&a.published);

    // What each stage reads, computed once so that a stage is timed alone.
    let sentences: Vec<_> = articles
        .iter()
        .map(|a| sentences_and_cuts(&a.body).0)
        .collect();
    let mentions: Vec<_> = articles
        .iter()
        .map(|a| gazetteer.with_offices(&a.body, gazetteer.find_mentions(&a.body), year(a)))
        .collect();
    let dates: Vec<_> = articles
        .iter()
        .zip(&sentences)
        .map(|(a, s)| resolve_article(&a.body, s, a.published, Mode::News))
        .collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("tokenise", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &articles {
                let (spans, _) = sentences_and_cuts(&a.body);
                n += spans
                    .iter()
                    .map(|s| words(&a.body[s.clone()]).len())
                    .sum::<usize>();
            }
            n
        })
    });
    group.bench_function("gazetteer", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    gazetteer
                        .with_offices(&a.body, gazetteer.find_mentions(&a.body), year(a))
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            articles
                .iter()
                .zip(&sentences)
                .map(|(a, s)| resolve_article(&a.body, s, a.published, Mode::News).1.len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, a) in articles.iter().enumerate() {
                let (dateline, exprs) = &dates[i];
                let doc = Document {
                    body: &a.body,
                    sentences: &sentences[i],
                    mentions: &mentions[i],
                    dates: exprs,
                    dateline: dateline.as_ref(),
                    now: dateline.as_ref().map_or(a.published, |d| d.date),
                };
                n += extract(&doc, &gazetteer, &lexicon, &lexicon.automaton).len();
            }
            n
        })
    });
    group.bench_function("write", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, a) in articles.iter().enumerate() {
                let mut rows = RowBuffer::default();
                for m in &mentions[i] {
                    let e = gazetteer.entity(m.entity);
                    rows.row([
                        Cell::Text(&a.id),
                        Cell::display(m.start),
                        Cell::display(m.end),
                        Cell::Text(&a.body[m.start..m.end]),
                        Cell::Text(&e.id),
                        Cell::Text(&e.name),
                    ]);
                }
                for d in &dates[i].1 {
                    rows.row(std::iter::once(Cell::Text(&a.id)).chain(date_cells(&a.body, d)));
                }
                n += rows.take().len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
