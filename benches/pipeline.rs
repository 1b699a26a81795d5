//! Throughput of the whole page pipeline, in bytes per second, on the bundled fixtures. Each
//! benchmark checks its own answer first, so it cannot time a wrong one.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsseg::{process_page, Config};
use std::hint::black_box;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}/page.txt", env!("CARGO_MANIFEST_DIR"))).expect("fixture exists")
}

fn pipeline(c: &mut Criterion) {
    let cfg = Config::default();
    let mut group = c.benchmark_group("process_page");
    for (name, articles) in [("zh-qingpu-sample", 7), ("en-wire-1987", 2), ("en-herald-1905", 2)] {
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

criterion_group!(benches, pipeline, serialize);
criterion_main!(benches);
