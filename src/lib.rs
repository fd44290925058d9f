//! chitieu (*chỉ tiêu*, "indicator / target"): reads indicator spreadsheets of government
//! programmes, judges each actual result against its target, and summarises each strategy.
//!
//! - [`model`]: the document (strategies, goals, indicators, targets, actual results, budget).
//! - [`parse`]: numbers, ratios and targets as written in Vietnamese and English files.
//! - [`io`]: reading CSV and workbook files into the model.
//! - [`analysis`]: achievement, status and per-strategy summaries.
//! - [`breakdown`]: a strategy's figures for one commune, one sex … of its breakdowns.
//! - [`chart`]: the data of each chart, apart from drawing it; [`chart_text`]: their words
//!   and figures; [`chart_export`]: charts as SVG and PNG without a window; [`palette`]: the
//!   colours of both.
//! - [`deck`]: the slides of a review meeting, as SVG, PNG and PDF.
//! - [`edit`]: the one place the document changes, with undo and redo.
//! - [`report`]: the `summary` command's text, CSV and JSON output.
//! - `app` (feature `gui`): the desktop app.

pub mod analysis;
pub mod breakdown;
pub mod chart;
pub mod chart_export;
pub mod chart_text;
pub mod cli;
pub mod deck;
pub mod edit;
pub mod io;
pub mod model;
pub mod palette;
pub mod parse;
pub mod recovery;
pub mod report;
pub mod store;
pub mod text;

#[cfg(feature = "gui")]
pub mod app;
