//! Throughput of the page pipeline, in bytes per second of page text, on the bundled fixtures: the
//! whole pipeline, then each stage on its own (clean, blocks, classify, link, emit). Each benchmark
//! checks its own answer first, so it cannot time a wrong one.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsseg::blocks;
use newsseg::classify::{self, Role, Shape};
use newsseg::clean::{self, Line};
use newsseg::lang::Lang;
use newsseg::segment::Segments;
use newsseg::source::Source;
use newsseg::{detect, emit, link, process_page, Analysed, Config};
use std::hint::black_box;
use std::time::Duration;
use typed_index_collections::TiSlice;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}/page.txt", env!("CARGO_MANIFEST_DIR"))).expect("fixture exists")
}

/// The fixtures timed, with the number of articles each gives.
const CASES: [(&str, usize); 3] = [("zh-qingpu-sample", 7), ("en-wire-1987", 2), ("en-herald-1905", 2)];

fn pipeline(c: &mut Criterion) {
    let cfg = Config::default();
    let mut group = c.benchmark_group("process_page");
    for (name, articles) in CASES {
        let page = fixture(name);
        let got = process_page(&cfg, name, None, &page).expect("processes");
        assert_eq!(got.articles.len(), articles, "{name}");
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(name, |b| b.iter(|| process_page(&cfg, name, None, black_box(&page)).expect("processes")));
    }
    group.finish();
}

fn serialize(c: &mut Criterion) {
    let page = fixture("zh-qingpu-sample");
    let doc = process_page(&Config::default(), "s", None, &page).expect("processes");
    let json = newsseg::emit::to_json_line(&doc);
    let mut group = c.benchmark_group("emit");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("json_line", |b| b.iter(|| newsseg::emit::to_json_line(black_box(&doc))));
    group.finish();
}

/// One page taken through the stages the way `process_source` does (the library's own `Analysed`),
/// keeping every stage's output so each stage can be timed on its own input.
struct Staged<'a> {
    src: Source<'a>,
    lines: Vec<Line>,
    solo: Vec<bool>,
    line_roles: Vec<Option<Role>>,
    page: Analysed,
    seg: Segments,
}

fn stage(bytes: &[u8]) -> Staged<'_> {
    let src = Source::utf8(None, bytes);
    let lines = clean::lines(&src, Config::default().max_line_bytes, &mut Vec::new());
    let lang = Lang::get(detect(&lines));
    let line_roles = newsseg::furniture::line_roles(&lines, lang);
    let solo: Vec<bool> = line_roles.iter().map(Option::is_some).collect();
    let page = Analysed::of(&lines, lang);
    let seg = page.segments();
    Staged { src, lines, solo, line_roles, page, seg }
}

impl Staged<'_> {
    fn link(&self) -> (Segments, Vec<link::Plan>) {
        link::link(&self.seg, &self.page.ctx(&Config::default()))
    }

    fn emit(&self, seg: &Segments, plans: Vec<link::Plan>) -> newsseg::Page {
        emit::page::build(emit::page::Parts {
            src: &self.src,
            id: "bench".to_string(),
            lang: self.page.lang.code.as_str(),
            lines: &self.lines,
            layout: &self.page.layout,
            blocks: TiSlice::from_ref(&self.page.blocks),
            classes: TiSlice::from_ref(&self.page.classes),
            seg,
            plans,
            first_article: 0,
            geo: None,
            grams: &self.page.grams,
        })
    }
}

/// Each stage on its own, in bytes of page text per second (so stages compare with each other and
/// with the whole pipeline). The link stage gets a fresh context each time: its seam cache is part
/// of the work.
fn stages(c: &mut Criterion) {
    let cfg = Config::default();
    let mut group = c.benchmark_group("stage");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    for (name, articles) in CASES {
        let page = fixture(name);
        let st = stage(&page);
        let n_lines = st.lines.len();
        let n_blocks = st.page.blocks.len();
        let n_text = st.page.classes.iter().filter(|c| !matches!(c.shape, Shape::Furniture | Shape::Noise)).count();
        assert!(n_lines > 0 && n_blocks > 0 && n_text > 0, "{name}");
        let (seg, plans) = st.link();
        let n_plans = plans.len();
        assert!(n_plans >= articles, "{name}: {n_plans} plans");
        let json_len = emit::to_json_line(&st.emit(&seg, plans.clone())).len();
        let whole = process_page(&cfg, "bench", None, &page).expect("processes");
        assert_eq!(whole.articles.len(), articles, "{name}");
        group.throughput(Throughput::Bytes(page.len() as u64));

        group.bench_with_input(BenchmarkId::new("clean", name), &st, |b, st| {
            b.iter(|| {
                let lines = clean::lines(black_box(&st.src), cfg.max_line_bytes, &mut Vec::new());
                assert_eq!(lines.len(), n_lines);
                lines
            })
        });
        group.bench_with_input(BenchmarkId::new("blocks", name), &st, |b, st| {
            b.iter(|| {
                let layout = blocks::layout(black_box(&st.lines), st.page.lang);
                let blocks = blocks::build(&st.lines, &layout, st.page.lang, &st.solo);
                assert_eq!(blocks.len(), n_blocks);
                blocks
            })
        });
        group.bench_with_input(BenchmarkId::new("classify", name), &st, |b, st| {
            b.iter(|| {
                let roles = newsseg::furniture::line_roles(black_box(&st.lines), st.page.lang);
                let classes = classify::classify_all(&st.page.blocks, &roles, &st.page.layout, st.page.lang);
                assert_eq!(classes.len(), n_blocks);
                assert_eq!(roles, st.line_roles);
                classes
            })
        });
        group.bench_with_input(BenchmarkId::new("link", name), &st, |b, st| {
            b.iter(|| {
                let (seg, plans) = black_box(st).link();
                assert_eq!(plans.len(), n_plans);
                (seg, plans)
            })
        });
        group.bench_with_input(BenchmarkId::new("emit", name), &st, |b, st| {
            b.iter(|| {
                let doc = black_box(st).emit(&seg, plans.clone());
                let mut out = Vec::with_capacity(json_len + 1);
                emit::write_json(&doc, false, &mut out);
                assert_eq!(out.len(), json_len + 1);
                out
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline, serialize, stages);
criterion_main!(benches);
