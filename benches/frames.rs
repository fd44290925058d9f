//! Frame-time benchmarks of the app's views on the generated 282,000-row long table (see
//! `benches/common`): one frame of the strategy's table and of each chart, with its totals and
//! filtered by a commune and a sex, and the frame in which another commune is chosen; run
//! headless in `egui::Context::run_ui` at a 1920 × 1080 screen, without painting or
//! tessellation; and the table and the achievement chart of the 5,000-indicator wide workbook,
//! whose table has 5,000 rows (the chart's steady frame, and the frame that makes it). `BENCHMARKS.md` has the figures and how to reproduce them.

mod common;

use std::hint::black_box;

use chitieu::app::{ChitieuApp, Command, Route, State};
use chitieu::breakdown::{Filter, Index, filtered};
use chitieu::chart::ChartKind;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use eframe::egui;

/// The screen every frame is laid out on.
const SCREEN: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// One frame's input: the screen, and the time moving on by a 60 Hz frame.
fn input(frame: u32) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
        time: Some(f64::from(frame) / 60.0),
        ..egui::RawInput::default()
    }
}

/// The app, its context and the frame it is drawn in, counting frames.
struct Headless {
    ctx: egui::Context,
    app: ChitieuApp,
    frame: eframe::Frame,
    count: u32,
}

impl Headless {
    /// The app on the file `name` with these bytes.
    fn new(name: &str, bytes: &[u8]) -> Self {
        let ctx = egui::Context::default();
        let app = ChitieuApp::new_with_bytes(&ctx, State::default(), &[(name, bytes)]);
        assert!(app.errors().is_empty(), "{:?}", app.errors());
        assert_eq!(app.document().strategies.len(), 1);
        Self {
            ctx,
            app,
            // eframe's own stand-in for a window's frame, as egui_kittest uses.
            frame: eframe::Frame::_new_kittest(),
            count: 0,
        }
    }

    /// One frame, as eframe runs it: the app's logic, then its ui.
    fn frame(&mut self) {
        self.count += 1;
        let Self {
            ctx, app, frame, ..
        } = self;
        let output = ctx.run_ui(input(self.count), |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        });
        black_box(&output.shapes);
        output.drop_without_applying_deltas();
    }

    /// Shows `command`'s view and lets it settle (fonts, layout caches, scroll areas).
    fn show(&mut self, command: Command, route: Route) {
        self.app.send(command);
        for _ in 0..5 {
            self.frame();
        }
        assert_eq!(self.app.route(), route);
    }
}

/// The filter of one commune (`number`, 1 to 141) and one sex.
fn commune(number: usize, sex: &str) -> Filter {
    let mut filter = Filter::default();
    filter.choose("Xã", Some(&format!("Xã số {number:03}")));
    filter.choose("Giới tính", Some(sex));
    filter
}

fn frames(c: &mut Criterion) {
    let bytes = common::cached("long.csv", common::long_csv);
    let mut headless = Headless::new("long.csv", &bytes);
    let mut group = c.benchmark_group("one frame, 282,000-row long table, 1920x1080");
    group.sample_size(50);
    let table = (Command::ShowStrategy(0), Route::Strategy(0));
    let charts = (Command::ShowCharts(0), Route::Charts(0));
    headless.show(table.0, table.1);
    group.bench_function("table", |b| {
        b.iter(|| headless.frame());
    });
    for kind in ChartKind::ALL {
        headless.app.set_chart_kind(kind);
        headless.show(charts.0, charts.1);
        group.bench_function(format!("chart: {}", kind.slug()), |b| {
            b.iter(|| headless.frame());
        });
    }

    // One commune and one sex of the breakdown: 1 of its 282 parts per indicator.
    let strategy = &headless.app.document().strategies[0];
    let one = commune(71, "Nữ");
    assert_eq!(filtered(strategy, &one).indicators[0].values.len(), 10);
    let mut two = Filter::default();
    two.choose("Xã", Some("Xã số 072"));
    // What the filter costs in the library: the index of the breakdowns, made once after
    // every change of the document, and the strategy as one commune shows it, made once per
    // choice (the app keeps both).
    group.bench_function("library: index of the breakdowns", |b| {
        b.iter(|| Index::new(black_box(strategy)));
    });
    let index = Index::new(strategy);
    group.bench_function(
        "library: filtered strategy, one commune (both sexes)",
        |b| {
            b.iter(|| index.filtered(black_box(strategy), &two));
        },
    );
    headless.app.set_breakdown_filter(0, one);
    headless.show(table.0, table.1);
    group.bench_function("table, Xã số 071 · Nữ", |b| {
        b.iter(|| headless.frame());
    });
    for kind in [ChartKind::Achievement, ChartKind::TimeSeries] {
        headless.app.set_chart_kind(kind);
        headless.show(charts.0, charts.1);
        group.bench_function(
            format!("chart: {}, Xã số 071 · Nữ", kind.slug()),
            |b| {
                b.iter(|| headless.frame());
            },
        );
    }
    // The frame in which another commune is chosen: the filtered strategy is made anew (every
    // sex of the commune totalled per indicator and year), then the table is drawn.
    headless.show(table.0, table.1);
    let mut next = 0;
    group.bench_function("table, frame choosing another commune", |b| {
        b.iter(|| {
            next = next % 141 + 1;
            let mut filter = Filter::default();
            filter.choose("Xã", Some(&format!("Xã số {next:03}")));
            headless.app.set_breakdown_filter(0, filter);
            headless.frame();
        });
    });
    group.finish();

    // Many rows in the table itself: the wide workbook's 5,000 indicators.
    let bytes = common::cached("wide.xlsx", || common::wide_xlsx().expect("wide.xlsx"));
    let mut headless = Headless::new("wide.xlsx", &bytes);
    assert_eq!(
        headless.app.document().strategies[0].indicators.len(),
        5_000
    );
    let mut group = c.benchmark_group("one frame, 5,000-indicator wide workbook, 1920x1080");
    group.sample_size(50);
    headless.show(Command::ShowStrategy(0), Route::Strategy(0));
    group.bench_function("table", |b| {
        b.iter(|| headless.frame());
    });
    headless.app.set_chart_kind(ChartKind::Achievement);
    headless.show(Command::ShowCharts(0), Route::Charts(0));
    group.bench_function("chart: achievement", |b| {
        b.iter(|| headless.frame());
    });
    // The frame that makes the chart (the first after a change of the document or of a
    // choice): another kind of chart is shown in between, untimed.
    group.bench_function("chart: achievement, the frame that makes it", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                headless.app.set_chart_kind(ChartKind::Budget);
                headless.frame();
                headless.app.set_chart_kind(ChartKind::Achievement);
                let start = std::time::Instant::now();
                headless.frame();
                spent += start.elapsed();
            }
            spent
        });
    });
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
