//! The window's chrome around the current screen: the menu bar, the tabs with undo, redo and
//! the language switch, the status bar, and the overlay shown while files are dragged in.

use eframe::egui::{self, RichText};

use crate::app::command::{Command, Route};
use crate::app::forms::Form;
use crate::app::grid::Request;
use crate::app::{fonts, i18n, theme};
use crate::edit::{Edit, History};
use crate::model::{Document, Strategy};
use crate::report::Language;

/// The menu bar: File, Edit and View, each entry with its shortcut.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    document: &Document,
    language: Language,
    enabled: &dyn Fn(Command) -> bool,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(texts.menu_file, |ui| {
            for command in Command::FILE_MENU {
                if command == Command::Quit {
                    ui.separator();
                }
                menu_entry_ui(
                    ui,
                    command,
                    &command.label(texts),
                    enabled(command),
                    language,
                    commands,
                );
            }
        });
        ui.menu_button(texts.menu_edit, |ui| {
            for command in Command::EDIT_MENU {
                menu_entry_ui(
                    ui,
                    command,
                    &command.label(texts),
                    enabled(command),
                    language,
                    commands,
                );
            }
        });
        ui.menu_button(texts.menu_view, |ui| {
            for command in Command::VIEW_MENU {
                if command == Command::ZoomIn {
                    ui.separator();
                }
                menu_entry_ui(
                    ui,
                    command,
                    &command.label(texts),
                    enabled(command),
                    language,
                    commands,
                );
            }
            if !document.strategies.is_empty() {
                ui.separator();
            }
            for (index, strategy) in document.strategies.iter().enumerate() {
                let command = Command::ShowStrategy(index);
                let label = format!("{} — {}", strategy.code, command.label(texts));
                menu_entry_ui(ui, command, &label, true, language, commands);
            }
        });
    });
}

/// One menu entry: the command's label, its shortcut and tooltip.
fn menu_entry_ui(
    ui: &mut egui::Ui,
    command: Command,
    label: &str,
    enabled: bool,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip(texts))
        .clicked()
    {
        commands.push(command);
    }
}

/// The tabs (overview and one per strategy, a dot on those with unsaved changes, a menu on a
/// right click, and "+" for a new strategy), with undo, redo and the language switch.
#[expect(
    clippy::too_many_arguments,
    reason = "the view's inputs, each borrowed for the frame"
)]
pub fn tabs_ui(
    ui: &mut egui::Ui,
    document: &Document,
    route: Route,
    history: &History,
    modified: &[bool],
    language: Language,
    commands: &mut Vec<Command>,
    requests: &mut Vec<Request>,
) {
    let texts = i18n::texts(language);
    let ctx = ui.ctx().clone();
    let shortcut_hint = |command: Command| {
        command
            .shortcuts()
            .first()
            .map(|shortcut| format!(" ({})", ctx.format_shortcut(shortcut)))
            .unwrap_or_default()
    };
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let tab = |ui: &mut egui::Ui, selected: bool, label: &str, hover: String| {
            ui.add(egui::Button::selectable(
                selected,
                RichText::new(label).family(fonts::bold()),
            ))
            .on_hover_text(hover)
        };
        let overview_hint = format!(
            "{}{}",
            Command::ShowOverview.tooltip(texts),
            shortcut_hint(Command::ShowOverview)
        );
        if tab(ui, route == Route::Overview, texts.overview, overview_hint).clicked() {
            commands.push(Command::ShowOverview);
        }
        for (index, strategy) in document.strategies.iter().enumerate() {
            let hint = format!(
                "{}{}",
                strategy.name,
                shortcut_hint(Command::ShowStrategy(index))
            );
            let response = tab(ui, route.strategy() == Some(index), &strategy.code, hint);
            if response.clicked() {
                commands.push(Command::ShowStrategy(index));
            }
            response.context_menu(|ui| {
                strategy_menu_ui(ui, document, index, language, commands, requests);
            });
            if modified.get(index).copied().unwrap_or(false) {
                ui.label(RichText::new("•").color(theme::WARNING).strong())
                    .on_hover_text(texts.edit.strategy_modified);
            }
        }
        if ui
            .button(texts.edit.new_strategy)
            .on_hover_text(texts.edit.new_strategy_hint)
            .clicked()
        {
            let index = document.strategies.len();
            let strategy = Strategy {
                code: texts.edit.new_strategy_code.to_owned(),
                name: texts.edit.new_strategy_name.to_owned(),
                // One empty indicator for this year, so that the table can be typed in at once.
                indicators: vec![crate::model::Indicator {
                    values: vec![crate::model::PeriodValue::new(chrono::Datelike::year(
                        &chrono::Local::now(),
                    ))],
                    ..crate::model::Indicator::default()
                }],
                ..Strategy::default()
            };
            requests.push(Request::Form(Form::strategy_info(index, &strategy)));
            requests.push(Request::Edit(Edit::AddStrategies {
                strategies: vec![strategy],
                warnings: Vec::new(),
            }));
            commands.push(Command::ShowStrategy(index));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let present = Command::Present;
            if ui
                .add_enabled(
                    !document.strategies.is_empty(),
                    egui::Button::new(present.label(texts)),
                )
                .on_hover_text(format!(
                    "{}{}",
                    present.tooltip(texts),
                    shortcut_hint(present)
                ))
                .clicked()
            {
                commands.push(present);
            }
            ui.separator();
            let switch = Command::SwitchLanguage;
            if ui
                .button(switch.label(texts))
                .on_hover_text(format!(
                    "{}{}",
                    switch.tooltip(texts),
                    shortcut_hint(switch)
                ))
                .clicked()
            {
                commands.push(switch);
            }
            ui.separator();
            for (command, enabled) in [
                (Command::Redo, history.can_redo()),
                (Command::Undo, history.can_undo()),
            ] {
                if ui
                    .add_enabled(enabled, egui::Button::new(command.label(texts)))
                    .on_hover_text(format!(
                        "{}{}",
                        command.tooltip(texts),
                        shortcut_hint(command)
                    ))
                    .clicked()
                {
                    commands.push(command);
                }
            }
        });
    });
    ui.add_space(2.0);
}

/// A strategy tab's menu: details, duplicate, move, close.
fn strategy_menu_ui(
    ui: &mut egui::Ui,
    document: &Document,
    index: usize,
    language: Language,
    commands: &mut Vec<Command>,
    requests: &mut Vec<Request>,
) {
    let texts = i18n::texts(language);
    let Some(strategy) = document.strategies.get(index) else {
        return;
    };
    if ui.button(texts.edit.strategy_info).clicked() {
        requests.push(Request::Form(Form::strategy_info(index, strategy)));
    }
    if ui.button(texts.edit.duplicate_strategy).clicked() {
        let mut copy = strategy.clone();
        copy.name = format!("{} {}", copy.name, texts.edit.copy_suffix);
        requests.push(Request::Edit(Edit::InsertStrategy {
            index: index + 1,
            strategy: Box::new(copy),
            warnings: Vec::new(),
        }));
        commands.push(Command::ShowStrategy(index + 1));
    }
    let last = document.strategies.len().saturating_sub(1);
    for (label, to) in [
        (texts.edit.move_left, index.checked_sub(1)),
        (texts.edit.move_right, (index < last).then_some(index + 1)),
    ] {
        if ui
            .add_enabled(to.is_some(), egui::Button::new(label))
            .clicked()
            && let Some(to) = to
        {
            requests.push(Request::Edit(Edit::MoveStrategy { from: index, to }));
            commands.push(Command::ShowStrategy(to));
        }
    }
    ui.separator();
    if ui.button(Command::CloseStrategy.label(texts)).clicked() {
        commands.push(Command::CloseStrategyAt(index));
    }
}

/// The status bar: what is open, the last notice (saved, exported …), the file dialog's state,
/// and the warnings button.
pub fn status_bar_ui(
    ui: &mut egui::Ui,
    document: &Document,
    notice: Option<&str>,
    waiting: bool,
    show_warnings: bool,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let texts = i18n::texts(language);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} {}",
                document.strategies.len(),
                texts.strategies_open
            ))
            .color(theme::MUTED),
        );
        if let Some(notice) = notice {
            ui.separator();
            ui.label(notice);
        }
        if waiting {
            ui.spinner();
            ui.label(texts.waiting_for_dialog);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let count = document.warnings.len();
            let label = format!("{}: {count}", texts.warnings);
            let text = if count > 0 {
                RichText::new(label).color(theme::WARNING)
            } else {
                RichText::new(label)
            };
            if ui
                .add(egui::Button::selectable(show_warnings, text))
                .on_hover_text(texts.warnings_hint)
                .clicked()
            {
                commands.push(Command::ToggleWarnings);
            }
        });
    });
}

/// While files are dragged over the window, says that dropping opens them.
pub fn drop_overlay_ui(ctx: &egui::Context, language: Language) {
    if ctx.input(|input| input.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, theme::DROP_VEIL);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        i18n::texts(language).drop_here,
        egui::FontId::new(theme::HEADLINE, fonts::bold()),
        theme::ON_DARK,
    );
}
