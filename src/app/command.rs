//! Global actions as one enum: each command's label and tooltip in both languages, its
//! keyboard shortcut and its menu. Views send commands; the app applies them once, at the end
//! of the frame. Which screen shows is a [`Route`].

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::i18n::{CommandTexts, Texts};

/// Strategy tables that have a keyboard shortcut (Ctrl+2 … Ctrl+9).
pub const STRATEGY_SHORTCUTS: usize = 8;

/// A global action.
#[must_use = "a command does nothing until the app applies it"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Open files with the system's file dialog (the in-app dialog where there is none).
    Open,
    /// Open a file by typing its path.
    OpenPath,
    /// Open the built-in sample.
    OpenSample,
    /// Open a file through the import dialog, choosing its header row, number format and
    /// column roles, whatever detection says.
    ImportWithOptions,
    /// Close the strategy whose table is shown.
    CloseStrategy,
    /// Close the strategy at this index (from its card).
    CloseStrategyAt(usize),
    /// Undo the last change to the document.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Switch between Vietnamese and English.
    SwitchLanguage,
    /// Show or hide the warnings panel.
    ToggleWarnings,
    /// Show the overview.
    ShowOverview,
    /// Show the table of the strategy at this index.
    ShowStrategy(usize),
    /// Show the charts of the strategy at this index.
    ShowCharts(usize),
    /// Switch between the light and the dark theme.
    SwitchTheme,
    /// Show an indicator in its strategy's table.
    ShowIndicator {
        /// The strategy's index.
        strategy: usize,
        /// The indicator's index in the strategy.
        indicator: usize,
    },
    /// Make the whole interface larger (one zoom step).
    ZoomIn,
    /// Make the whole interface smaller (one zoom step).
    ZoomOut,
    /// Back to the normal size (100 %).
    ZoomReset,
    /// Save the document to its chitieu workbook (Save as for a document that has none).
    Save,
    /// Save the document to a new chitieu workbook.
    SaveAs,
    /// Export the table of the strategy shown as CSV for Excel.
    ExportCsv,
    /// Start the full-screen presentation of the slides (F5).
    Present,
    /// Show the slide chooser: order, slides left out, hidden indicators.
    ChooseSlides,
    /// Export the slides as one PDF, a page per slide.
    ExportSlidesPdf,
    /// Export the slides as numbered PNG images.
    ExportSlidesPng,
    /// Close the app.
    Quit,
}

/// Which screen shows in the central panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// Every strategy's headline and chart, side by side.
    #[default]
    Overview,
    /// The table of the strategy at this index.
    Strategy(usize),
    /// The charts of the strategy at this index.
    Charts(usize),
    /// The slides, full screen (see `present.rs`).
    Present,
}

impl Route {
    /// The strategy whose table or charts show.
    #[must_use]
    pub fn strategy(self) -> Option<usize> {
        match self {
            Self::Overview | Self::Present => None,
            Self::Strategy(index) | Self::Charts(index) => Some(index),
        }
    }
}

impl Command {
    /// The commands of the File menu, in order.
    pub const FILE_MENU: [Self; 11] = [
        Self::Open,
        Self::OpenPath,
        Self::ImportWithOptions,
        Self::OpenSample,
        Self::Save,
        Self::SaveAs,
        Self::ExportCsv,
        Self::ExportSlidesPdf,
        Self::ExportSlidesPng,
        Self::CloseStrategy,
        Self::Quit,
    ];

    /// The commands of the Edit menu, in order.
    pub const EDIT_MENU: [Self; 2] = [Self::Undo, Self::Redo];

    /// The commands of the View menu before the strategy tables, in order.
    pub const VIEW_MENU: [Self; 9] = [
        Self::ShowOverview,
        Self::ToggleWarnings,
        Self::SwitchLanguage,
        Self::SwitchTheme,
        Self::Present,
        Self::ChooseSlides,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
    ];

    /// Every command that has a shortcut, with its shortcuts; commands whose shortcut adds Shift
    /// come first, because egui matches a shortcut without Shift when Shift is also held.
    #[must_use]
    pub fn with_shortcuts() -> Vec<(Self, KeyboardShortcut)> {
        let mut list = Vec::new();
        let mut fixed = [
            Self::OpenPath,
            Self::SaveAs,
            Self::Save,
            Self::Redo,
            Self::Open,
            Self::CloseStrategy,
            Self::Undo,
            Self::SwitchLanguage,
            Self::SwitchTheme,
            Self::ToggleWarnings,
            Self::ShowOverview,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
            Self::Present,
            Self::Quit,
        ]
        .iter()
        .flat_map(|command| {
            command
                .shortcuts()
                .into_iter()
                .map(move |shortcut| (*command, shortcut))
        })
        .collect::<Vec<_>>();
        fixed.sort_by_key(|(_, shortcut)| !shortcut.modifiers.shift);
        list.extend(fixed);
        list.extend((0..STRATEGY_SHORTCUTS).flat_map(|index| {
            Self::ShowStrategy(index)
                .shortcuts()
                .into_iter()
                .map(move |shortcut| (Self::ShowStrategy(index), shortcut))
        }));
        list
    }

    /// The keyboard shortcuts of the command; the first is shown in menus.
    #[must_use]
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        match self {
            Self::Open => vec![command(Key::O)],
            Self::OpenPath => vec![command_shift(Key::O)],
            Self::CloseStrategy => vec![command(Key::W)],
            Self::Save => vec![command(Key::S)],
            Self::SaveAs => vec![command_shift(Key::S)],
            Self::Undo => vec![command(Key::Z)],
            Self::Redo => vec![command(Key::Y), command_shift(Key::Z)],
            Self::SwitchLanguage => vec![command(Key::L)],
            Self::SwitchTheme => vec![command_shift(Key::D)],
            Self::ToggleWarnings => vec![command_shift(Key::W)],
            Self::ShowOverview => vec![command(Key::Num1)],
            Self::ShowStrategy(index) => strategy_key(index).map(command).into_iter().collect(),
            // Ctrl+= too, so that zooming in needs no Shift on keyboards where + is Shift+=.
            Self::ZoomIn => vec![command(Key::Plus), command(Key::Equals)],
            Self::ZoomOut => vec![command(Key::Minus)],
            Self::ZoomReset => vec![command(Key::Num0)],
            Self::Quit => vec![command(Key::Q)],
            // F5, as presentation programs start a slide show.
            Self::Present => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F5)],
            Self::OpenSample
            | Self::ImportWithOptions
            | Self::CloseStrategyAt(_)
            | Self::ShowIndicator { .. }
            | Self::ShowCharts(_)
            | Self::ExportCsv
            | Self::ChooseSlides
            | Self::ExportSlidesPdf
            | Self::ExportSlidesPng => Vec::new(),
        }
    }

    /// Whether the command edits text-like state, so that a focused text field should get the
    /// key instead (Ctrl+Z in a text field undoes typing, not the document).
    #[must_use]
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Self::Undo | Self::Redo | Self::CloseStrategy)
    }

    /// The command's label in the language of `texts`.
    #[must_use]
    pub fn label(self, texts: &Texts) -> String {
        let (label, _) = self.texts(&texts.commands);
        match self {
            Self::ShowStrategy(index)
            | Self::ShowCharts(index)
            | Self::ShowIndicator {
                strategy: index, ..
            } => label.replace("{n}", &(index + 1).to_string()),
            _ => label.to_owned(),
        }
    }

    /// The command's tooltip in the language of `texts`.
    #[must_use]
    pub fn tooltip(self, texts: &Texts) -> &'static str {
        self.texts(&texts.commands).1
    }

    fn texts(self, commands: &CommandTexts) -> (&'static str, &'static str) {
        match self {
            Self::Open => commands.open,
            Self::OpenPath => commands.open_path,
            Self::OpenSample => commands.open_sample,
            Self::ImportWithOptions => commands.import_with_options,
            Self::CloseStrategy | Self::CloseStrategyAt(_) => commands.close_strategy,
            Self::Undo => commands.undo,
            Self::Redo => commands.redo,
            Self::SwitchLanguage => commands.switch_language,
            Self::ToggleWarnings => commands.show_warnings,
            Self::ShowOverview => commands.show_overview,
            Self::ShowStrategy(_) | Self::ShowIndicator { .. } => commands.show_strategy,
            Self::ShowCharts(_) => commands.show_charts,
            Self::SwitchTheme => commands.switch_theme,
            Self::ZoomIn => commands.zoom_in,
            Self::ZoomOut => commands.zoom_out,
            Self::ZoomReset => commands.zoom_reset,
            Self::Quit => commands.quit,
            Self::Save => commands.save,
            Self::SaveAs => commands.save_as,
            Self::ExportCsv => commands.export_csv,
            Self::Present => commands.present,
            Self::ChooseSlides => commands.choose_slides,
            Self::ExportSlidesPdf => commands.export_slides_pdf,
            Self::ExportSlidesPng => commands.export_slides_png,
        }
    }
}

/// The digit key of a strategy's table: Ctrl+2 for the first strategy … Ctrl+9 for the eighth
/// (Ctrl+1 is the overview, so the digits follow the tabs from the left).
fn strategy_key(index: usize) -> Option<Key> {
    const KEYS: [Key; STRATEGY_SHORTCUTS] = [
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    KEYS.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::texts;
    use crate::report::Language;

    #[test]
    fn shift_shortcuts_come_first() {
        let list = Command::with_shortcuts();
        let first_plain = list
            .iter()
            .position(|(_, shortcut)| !shortcut.modifiers.shift)
            .unwrap_or(list.len());
        assert!(
            list[first_plain..]
                .iter()
                .all(|(_, shortcut)| !shortcut.modifiers.shift)
        );
        assert!(list.contains(&(
            Command::ShowStrategy(0),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2)
        )));
    }

    #[test]
    fn charts_and_theme_commands() {
        assert_eq!(
            Command::ShowCharts(0).label(texts(Language::En)),
            "Strategy 1 charts"
        );
        assert!(Command::VIEW_MENU.contains(&Command::SwitchTheme));
        assert_eq!(Route::Charts(2).strategy(), Some(2));
        assert_eq!(Route::Overview.strategy(), None);
    }

    #[test]
    fn save_as_is_matched_before_save() {
        let list = Command::with_shortcuts();
        let at = |wanted: Command| list.iter().position(|(command, _)| *command == wanted);
        assert!(at(Command::SaveAs) < at(Command::Save));
        assert_eq!(Command::Save.label(texts(Language::Vi)), "Lưu");
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(Command::Undo.label(texts(Language::Vi)), "Hoàn tác");
        assert_eq!(Command::Undo.label(texts(Language::En)), "Undo");
        assert_eq!(
            Command::ShowStrategy(1).label(texts(Language::En)),
            "Strategy 2 table"
        );
    }
}
