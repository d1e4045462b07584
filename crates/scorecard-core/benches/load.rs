//! Native parse + validate time (criterion), the figure `cargo xtask bench` reports next to the
//! browser's. Feeds come from `SCORECARD_BENCH_FEEDS` (a folder of `<size>.json` files, written by
//! `cargo xtask synth`); the bundled default feed is always measured as `1k`.
//!
//!   SCORECARD_BENCH_FEEDS=bench/tmp/feeds cargo bench -p scorecard-core --bench load

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use scorecard_core::feed::load_json;
use scorecard_core::filter::{self, FilterSpec};
use scorecard_core::states::State;

fn feeds() -> Vec<(String, PathBuf)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut feeds = vec![("1k".to_string(), repo.join("feeds/endorsements-2020.json"))];
    if let Some(dir) = std::env::var_os("SCORECARD_BENCH_FEEDS") {
        for size in ["10k", "100k", "500k"] {
            let path = repo.join(&dir).join(format!("{size}.json"));
            if path.exists() {
                feeds.push((size.to_string(), path));
            }
        }
    }
    feeds
}

fn parse_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse+validate");
    for (size, path) in feeds() {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("bench: cannot read {}; skipped", path.display());
            continue;
        };
        // Big feeds take seconds per run: fewer samples keep the whole bench within minutes.
        let big = bytes.len() > 20_000_000;
        group.sample_size(if big { 10 } else { 20 });
        group.measurement_time(Duration::from_secs(if big { 20 } else { 5 }));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&size), &bytes, |b, bytes| {
            b.iter(|| {
                let loaded = load_json(bytes);
                assert!(loaded.feed.is_some(), "the {size} feed loads");
                loaded
            })
        });
    }
    group.finish();
}

/// One filter run (matches, sort and every facet count) for typing a name and for picking a
/// state: what each keystroke or click costs before rendering.
fn filter_run(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    for (size, path) in feeds().into_iter().filter(|(size, _)| size != "500k") {
        let Some(feed) = std::fs::read(&path).ok().and_then(|bytes| load_json(&bytes).feed) else { continue };
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(3));
        let typing = FilterSpec { name: "smith".into(), ..FilterSpec::default() };
        let mut state = FilterSpec::default();
        state.states.insert(State::parse("VT").expect("VT is a state"));
        for (what, spec) in [("name", typing), ("state", state)] {
            group.bench_with_input(BenchmarkId::new(what, &size), &spec, |b, spec| b.iter(|| filter::run(&feed, spec)));
        }
    }
    group.finish();
}

criterion_group!(benches, parse_and_validate, filter_run);
criterion_main!(benches);
