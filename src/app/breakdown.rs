//! The breakdown filter of a strategy's table and charts: a combo box per dimension of its
//! indicators' breakdowns ("Xã", "Giới tính"), "All" first, and while a breakdown shows, which
//! one, why its figures are read-only and a button back to the totals. One choice per strategy
//! serves its table and its charts.
//!
//! Each strategy's breakdowns are indexed once ([`Index`]) and the strategy as the filter shows
//! it is made once per choice; both are kept until the document changes, so a frame only reads
//! them.

use std::collections::HashMap;

use eframe::egui::{self, RichText};

use crate::app::{i18n, theme};
use crate::breakdown::{Filter, Index, dimension_names};
use crate::model::Strategy;
use crate::report::Language;

/// The filter chosen for each strategy and what is made from it.
#[derive(Debug, Default)]
pub struct Breakdowns {
    /// The filter per strategy (by [`key`]); absent is the totals.
    filters: HashMap<String, Filter>,
    /// The names of each strategy's dimensions, made on first use.
    names: HashMap<String, Vec<String>>,
    /// Each strategy's breakdowns indexed, made when a filter or a list of values needs it.
    indexes: HashMap<String, Index>,
    /// Each strategy as its filter showed it, with that filter.
    views: HashMap<String, (Filter, Strategy)>,
}

/// Whether `strategy` has a breakdown to filter by: the filter shows only then.
#[must_use]
pub fn applies(strategy: &Strategy) -> bool {
    strategy
        .indicators
        .iter()
        .any(|indicator| !indicator.breakdown.is_empty())
}

/// A strategy's key: file and code, which stay the same when others close or move.
fn key(strategy: &Strategy) -> String {
    format!("{}\u{1f}{}", strategy.source_file, strategy.code)
}

impl Breakdowns {
    /// Forgets what was made from the document; call it after every change of the document.
    /// The filters chosen stay.
    pub fn document_changed(&mut self) {
        self.names.clear();
        self.indexes.clear();
        self.views.clear();
    }

    /// The filter chosen for `strategy`; the empty filter for its totals.
    #[must_use]
    pub fn filter(&self, strategy: &Strategy) -> Filter {
        self.filters
            .get(&key(strategy))
            .cloned()
            .unwrap_or_default()
    }

    /// Shows `strategy` as `filter` says from now on.
    pub fn set_filter(&mut self, strategy: &Strategy, filter: Filter) {
        if filter.is_all() {
            self.filters.remove(&key(strategy));
        } else {
            self.filters.insert(key(strategy), filter);
        }
    }

    /// The index of `strategy`'s breakdowns, made once.
    fn index_of(&mut self, strategy: &Strategy) -> &Index {
        self.indexes
            .entry(key(strategy))
            .or_insert_with(|| Index::new(strategy))
    }

    /// The names of the dimensions of `strategy`'s breakdowns (cheap: the values are only read
    /// when a list of them opens).
    fn names_of(&mut self, strategy: &Strategy) -> Vec<String> {
        self.names
            .entry(key(strategy))
            .or_insert_with(|| dimension_names(strategy))
            .clone()
    }

    /// Makes `strategy` as its filter shows it, unless it is made already for that filter.
    pub fn prepare(&mut self, strategy: &Strategy) {
        let key = key(strategy);
        let Some(filter) = self.filters.get(&key).filter(|filter| !filter.is_all()) else {
            return;
        };
        let fresh = self
            .views
            .get(&key)
            .is_some_and(|(made_for, _)| made_for == filter);
        if !fresh {
            let filter = filter.clone();
            let view = self.index_of(strategy).filtered(strategy, &filter);
            self.views.insert(key, (filter, view));
        }
    }

    /// `strategy` as its filter shows it, as [`Self::prepare`] made it: the filtered strategy,
    /// in which every indicator keeps its index; the strategy itself for the totals (and
    /// until the filtered one is made).
    #[must_use]
    pub fn view<'a>(&'a self, strategy: &'a Strategy) -> &'a Strategy {
        let key = key(strategy);
        match (self.filters.get(&key), self.views.get(&key)) {
            (Some(filter), Some((made_for, view))) if !filter.is_all() && made_for == filter => {
                view
            }
            _ => strategy,
        }
    }

    /// Whether `strategy` shows a breakdown rather than its totals (as [`Self::view`] gives it).
    #[must_use]
    pub fn filtering(&self, strategy: &Strategy) -> bool {
        !std::ptr::eq(self.view(strategy), strategy)
    }

    /// The filter's choices for `strategy`: a combo box per dimension with "All" first, and
    /// while a breakdown shows, which one (its figures are read-only, the tooltip says why) with
    /// a button back to the totals. Nothing when no indicator has a breakdown. `salt` tells
    /// apart the filters of views shown at once. Ends with [`Self::prepare`].
    pub fn filter_ui(
        &mut self,
        ui: &mut egui::Ui,
        strategy: &Strategy,
        language: Language,
        salt: &str,
    ) {
        let texts = i18n::breakdown(language);
        let mut filter = self.filter(strategy);
        let names = self.names_of(strategy);
        if names.is_empty() {
            return;
        }
        let before = filter.clone();
        let muted = theme::color(theme::palette(ui).muted);
        ui.label(RichText::new(texts.label).strong());
        for name in &names {
            let label = ui.label(format!("{name}:"));
            let mut chosen = filter.choice(name).map(str::to_owned);
            let shown = chosen.clone().unwrap_or_else(|| texts.all.to_owned());
            egui::ComboBox::from_id_salt(("breakdown", salt, &strategy.code, name))
                .selected_text(shown)
                .width(140.0)
                .height(360.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, texts.all);
                    let index = self.index_of(strategy);
                    let values = index
                        .dimensions()
                        .iter()
                        .find(|dimension| dimension.name == *name)
                        .map_or(&[][..], |dimension| dimension.values.as_slice());
                    for value in values {
                        ui.selectable_value(&mut chosen, Some(value.clone()), value);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(texts.choice_hint.replace("{dimension}", name));
            filter.choose(name, chosen.as_deref());
        }
        if !filter.is_all() {
            ui.label(
                RichText::new(texts.showing.replace("{breakdown}", &filter.label())).color(muted),
            )
            .on_hover_text(texts.read_only_hint);
            if ui.small_button(texts.show_totals).clicked() {
                filter = Filter::default();
            }
        }
        if filter != before {
            self.set_filter(strategy, filter);
        }
        self.prepare(strategy);
    }
}
