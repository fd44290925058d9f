//! Import and analysis benchmarks on the generated large inputs (see `benches/common`), each
//! import beside its raw floor on the same bytes: the `csv` crate reading every record, or
//! calamine reading the whole sheet. `BENCHMARKS.md` has the figures and how to reproduce them.
//!
//! An import is timed until the document is ready; dropping it afterwards (about 8 ms for the
//! long table) is not part of opening a file and is left out of the time (`iter_batched`, one
//! import a batch, so each import's memory is given back before the next, as in `iter`).

mod common;

use std::hint::black_box;
use std::io::Cursor;

use calamine::Reader as _;
use chitieu::analysis::summarize;
use chitieu::io::{ImportOptions, load_bytes};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn csv_floor(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut fields = 0;
    while reader.read_record(&mut record).unwrap_or(false) {
        fields += record.len();
    }
    fields
}

fn calamine_floor(bytes: &[u8]) -> usize {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).expect("workbook");
    let names = workbook.sheet_names();
    names
        .iter()
        .map(|name| {
            workbook
                .worksheet_range(name)
                .map_or(0, |range| range.get_size().0)
        })
        .sum()
}

fn import(c: &mut Criterion) {
    let options = ImportOptions::default();
    let long_csv = common::cached("long.csv", common::long_csv);
    let long_xlsx = common::cached("long.xlsx", || common::long_xlsx().expect("long.xlsx"));
    let wide_xlsx = common::cached("wide.xlsx", || common::wide_xlsx().expect("wide.xlsx"));

    let mut group = c.benchmark_group("long 282,000 rows, CSV");
    group.sample_size(10);
    group.bench_function("floor: csv crate, all records", |b| {
        b.iter(|| csv_floor(black_box(&long_csv)));
    });
    group.bench_function("chitieu import", |b| {
        b.iter_batched(
            || (),
            |()| load_bytes("long.csv", black_box(&long_csv), &options).expect("loads"),
            BatchSize::PerIteration,
        );
    });
    group.finish();

    let mut group = c.benchmark_group("long 282,000 rows, XLSX");
    group.sample_size(10);
    group.bench_function("floor: calamine, whole sheet", |b| {
        b.iter(|| calamine_floor(black_box(&long_xlsx)));
    });
    group.bench_function("chitieu import", |b| {
        b.iter_batched(
            || (),
            |()| load_bytes("long.xlsx", black_box(&long_xlsx), &options).expect("loads"),
            BatchSize::PerIteration,
        );
    });
    group.finish();

    let mut group = c.benchmark_group("wide 5,000 rows, XLSX");
    group.sample_size(10);
    group.bench_function("floor: calamine, whole sheet", |b| {
        b.iter(|| calamine_floor(black_box(&wide_xlsx)));
    });
    group.bench_function("chitieu import", |b| {
        b.iter_batched(
            || (),
            |()| load_bytes("wide.xlsx", black_box(&wide_xlsx), &options).expect("loads"),
            BatchSize::PerIteration,
        );
    });
    group.finish();

    let loaded = load_bytes("long.csv", &long_csv, &options).expect("loads");
    c.bench_function(
        "analysis: summaries of the 282,000-row document, every period",
        |b| {
            b.iter(|| {
                for strategy in &loaded.strategies {
                    for period in strategy.periods() {
                        black_box(summarize(strategy, Some(period)));
                    }
                }
            });
        },
    );
}

criterion_group!(benches, import);
criterion_main!(benches);
