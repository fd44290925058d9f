//! The app's own words in Vietnamese and English. Statuses, headlines and numbers come from
//! [`crate::report::Language`], so the app and the `summary` command say the same thing.

use crate::analysis::AchievementRule;
use crate::model::{CellRef, Direction, Unit, UnitScale};
use crate::report::Language;

/// Every fixed text of the user interface, in one language.
#[derive(Debug)]
pub struct Texts {
    /// The "File" menu.
    pub menu_file: &'static str,
    /// The "Edit" menu.
    pub menu_edit: &'static str,
    /// The "View" menu.
    pub menu_view: &'static str,
    /// The overview tab.
    pub overview: &'static str,
    /// Period selector label.
    pub period: &'static str,
    /// "vs", between an actual result and its target.
    pub versus: &'static str,
    /// "Not met" list heading.
    pub not_met: &'static str,
    /// Shown instead of the not-met list when it is empty.
    pub all_met: &'static str,
    /// Budget heading.
    pub budget: &'static str,
    /// "of plan", after a budget percentage.
    pub of_plan: &'static str,
    /// Words of the budget detail line: actual, planned.
    pub budget_words: (&'static str, &'static str),
    /// Budget lines are not counted among the indicators.
    pub budget_not_counted: &'static str,
    /// A file's assessments that disagree with the computed status, before their count.
    pub disagreements: &'static str,
    /// The chart's title.
    pub chart_title: &'static str,
    /// At the foot of a bar's tooltip.
    pub open_in_table: &'static str,
    /// Table column: code.
    pub col_code: &'static str,
    /// Table column: indicator.
    pub col_indicator: &'static str,
    /// Table column: unit.
    pub col_unit: &'static str,
    /// Table column: baseline.
    pub col_baseline: &'static str,
    /// Table column: target.
    pub col_target: &'static str,
    /// Table column: actual.
    pub col_actual: &'static str,
    /// Table column: achievement.
    pub col_achievement: &'static str,
    /// Table column: status.
    pub col_status: &'static str,
    /// Table column: the file's assessment.
    pub col_assessment: &'static str,
    /// Table column: source.
    pub col_source: &'static str,
    /// Table column: note.
    pub col_note: &'static str,
    /// Table column: source and note together.
    pub col_source_note: &'static str,
    /// Header tooltip of the target column.
    pub col_target_hint: &'static str,
    /// Header tooltip of the actual column.
    pub col_actual_hint: &'static str,
    /// Header tooltip of the achievement column.
    pub col_achievement_hint: &'static str,
    /// Header tooltip of the status column.
    pub col_status_hint: &'static str,
    /// Header tooltip of the assessment column.
    pub col_assessment_hint: &'static str,
    /// Goal, before a goal's code.
    pub goal: &'static str,
    /// Provenance: "Read from".
    pub read_from: &'static str,
    /// The parsed target.
    pub parsed_target: &'static str,
    /// The comparator that applies.
    pub comparator: &'static str,
    /// The target is a running total.
    pub cumulative: &'static str,
    /// The value in the indicator's unit.
    pub value_in_unit: &'static str,
    /// The actual result is an estimate.
    pub estimate: &'static str,
    /// The rule that gave the achievement.
    pub rule: &'static str,
    /// A cell that could not be read.
    pub unreadable: &'static str,
    /// The file's assessment disagrees with the computed status.
    pub disagrees: &'static str,
    /// "computed", before the computed status.
    pub computed: &'static str,
    /// "the file says", before the file's status.
    pub file_says: &'static str,
    /// The file's assessment states no status the app recognises.
    pub assessment_unrecognised: &'static str,
    /// Direction, before its value.
    pub direction: &'static str,
    /// Directions: increase, decrease, range.
    pub directions: [&'static str; 3],
    /// Units: percent, per N (with `{n}`), plain.
    pub scales: [&'static str; 3],
    /// Nothing was given.
    pub none: &'static str,
    /// The warnings panel's title.
    pub warnings_title: &'static str,
    /// Decisions heading.
    pub decisions: &'static str,
    /// No warnings.
    pub no_warnings: &'static str,
    /// Warnings heading.
    pub warnings: &'static str,
    /// Load error heading.
    pub load_failed: &'static str,
    /// Dismiss a message.
    pub dismiss: &'static str,
    /// Dismiss every message.
    pub dismiss_all: &'static str,
    /// Close (a strategy, from its card).
    pub close: &'static str,
    /// Tooltip of a card's close button.
    pub close_hint: &'static str,
    /// Open a strategy's table from its card.
    pub show_table: &'static str,
    /// Nothing is open.
    pub empty_title: &'static str,
    /// What to do when nothing is open.
    pub empty_hint: &'static str,
    /// Shown while files hover over the window.
    pub drop_here: &'static str,
    /// Shown while the system's file dialog is open.
    pub waiting_for_dialog: &'static str,
    /// The in-app open dialog's title.
    pub open_path_title: &'static str,
    /// Why the in-app dialog shows instead of the system's.
    pub no_system_dialog: &'static str,
    /// Hint in the path field.
    pub path_hint: &'static str,
    /// How completion works.
    pub completion_hint: &'static str,
    /// No entry matches the typed path.
    pub no_match: &'static str,
    /// The open button of the in-app dialog.
    pub open_button: &'static str,
    /// The cancel button.
    pub cancel: &'static str,
    /// The path is not a file that can be opened.
    pub not_a_file: &'static str,
    /// Status bar: strategies open.
    pub strategies_open: &'static str,
    /// Tooltip of the status bar's warnings button.
    pub warnings_hint: &'static str,
    /// Indicators in a strategy's table.
    pub indicators: &'static str,
    /// The headline of a strategy with no period.
    pub no_period: &'static str,
    /// Command labels, in [`crate::app::command::Command`] order.
    pub commands: CommandTexts,
    /// The charts view.
    pub charts: ChartViewTexts,
    /// Editing, saving and recovery.
    pub edit: EditTexts,
}

/// The texts of editing, saving and recovery. `{…}` marks what is filled in.
#[derive(Debug)]
pub struct EditTexts {
    /// Directions as one short word each (increase, decrease, range), as typed and copied.
    pub direction_words: [&'static str; 3],
    /// Table column: direction.
    pub col_direction: &'static str,
    /// Header tooltip of the code column.
    pub col_code_hint: &'static str,
    /// Header tooltip of the direction column.
    pub col_direction_hint: &'static str,
    /// Header tooltip of the baseline column.
    pub col_baseline_hint: &'static str,
    /// Header tooltip of the columns of free text.
    pub col_text_hint: &'static str,
    /// Header tooltip line of sortable columns.
    pub click_to_sort: &'static str,
    /// Below the toolbar while no cell is selected.
    pub keyboard_hint: &'static str,
    /// "cells", after the size of a selected range.
    pub cells: &'static str,
    /// A typed value was not taken.
    pub not_taken: &'static str,
    /// Before how typed text is read.
    pub read_as: &'static str,
    /// An empty value.
    pub empty: &'static str,
    /// A target that cannot be read (`{text}`).
    pub not_a_target: &'static str,
    /// An actual result that cannot be read (`{text}`).
    pub not_an_actual: &'static str,
    /// A ratio over zero.
    pub zero_ratio: &'static str,
    /// Not a number (`{text}`).
    pub not_a_number: &'static str,
    /// A baseline whose year cannot be read (`{text}`).
    pub not_a_baseline_year: &'static str,
    /// Not a direction (`{text}`).
    pub not_a_direction: &'static str,
    /// Not a year (`{text}`).
    pub not_a_year: &'static str,
    /// Cells a paste could not fill (`{n}`).
    pub paste_skipped: &'static str,
    /// The strategy has unsaved changes (title tooltip).
    pub strategy_modified: &'static str,
    /// Button: edit the strategy's code, name and span.
    pub strategy_info: &'static str,
    /// Its tooltip.
    pub strategy_info_hint: &'static str,
    /// A strategy without indicators.
    pub no_indicators: &'static str,
    /// No indicator matches the search and filter.
    pub nothing_matches: &'static str,
    /// Hint in the search field.
    pub search_hint: &'static str,
    /// Tooltip of the search field.
    pub search_tooltip: &'static str,
    /// Tooltip of the status filter buttons.
    pub filter_tooltip: &'static str,
    /// "Sort", before the sort choice.
    pub sort: &'static str,
    /// Sort: file order.
    pub sort_file: &'static str,
    /// Sort: by code.
    pub sort_code: &'static str,
    /// Sort: by achievement.
    pub sort_achievement: &'static str,
    /// Sort: by status.
    pub sort_status: &'static str,
    /// Button: back to file order with nothing filtered.
    pub clear_view: &'static str,
    /// Button: add an indicator.
    pub add_indicator: &'static str,
    /// Its tooltip.
    pub add_indicator_hint: &'static str,
    /// Button: add a goal.
    pub add_goal: &'static str,
    /// Button: add a period.
    pub add_period: &'static str,
    /// Button: remove the period shown (`{period}`).
    pub remove_period: &'static str,
    /// Its tooltip.
    pub remove_period_hint: &'static str,
    /// Menu: edit the selected cell.
    pub edit_cell: &'static str,
    /// Menu: copy.
    pub copy: &'static str,
    /// Menu: paste.
    pub paste: &'static str,
    /// Menu: clear the selected cells.
    pub clear: &'static str,
    /// Menu: insert an indicator above.
    pub insert_above: &'static str,
    /// Menu: insert an indicator below.
    pub insert_below: &'static str,
    /// Menu: duplicate the indicator.
    pub duplicate: &'static str,
    /// Menu: move the indicator up.
    pub move_up: &'static str,
    /// Menu: move the indicator down.
    pub move_down: &'static str,
    /// Why moving is off while the table is sorted.
    pub move_sorted: &'static str,
    /// Menu: the goal the indicator belongs to.
    pub in_goal: &'static str,
    /// No goal.
    pub no_goal: &'static str,
    /// Menu: delete the indicator.
    pub delete_indicator: &'static str,
    /// Tooltip of a goal row.
    pub goal_menu_hint: &'static str,
    /// Menu: rename the goal.
    pub rename_goal: &'static str,
    /// Menu: add an indicator to the goal.
    pub add_to_goal: &'static str,
    /// Menu: move the goal up.
    pub move_goal_up: &'static str,
    /// Menu: move the goal down.
    pub move_goal_down: &'static str,
    /// Menu: delete the goal.
    pub delete_goal: &'static str,
    /// Its tooltip.
    pub delete_goal_hint: &'static str,
    /// Form title: new goal.
    pub goal_title_new: &'static str,
    /// Form title: rename a goal.
    pub goal_title_edit: &'static str,
    /// Form title: new period.
    pub period_title: &'static str,
    /// Under the period form.
    pub period_hint: &'static str,
    /// Form title: strategy details.
    pub strategy_title: &'static str,
    /// Field: code.
    pub code: &'static str,
    /// Field: name.
    pub name: &'static str,
    /// Field: year.
    pub year: &'static str,
    /// Field: first year.
    pub span_from: &'static str,
    /// Field: last year.
    pub span_to: &'static str,
    /// Button: confirm a form.
    pub ok: &'static str,
    /// A code is needed.
    pub code_needed: &'static str,
    /// Both years of a span, or neither.
    pub span_both: &'static str,
    /// A span that ends before it starts.
    pub span_order: &'static str,
    /// A goal with this code exists (`{code}`).
    pub goal_exists: &'static str,
    /// The period exists (`{period}`).
    pub period_exists: &'static str,
    /// Tab menu: move left.
    pub move_left: &'static str,
    /// Tab menu: move right.
    pub move_right: &'static str,
    /// Tab menu: duplicate the strategy.
    pub duplicate_strategy: &'static str,
    /// Button: a new strategy.
    pub new_strategy: &'static str,
    /// Its tooltip.
    pub new_strategy_hint: &'static str,
    /// A new strategy's code.
    pub new_strategy_code: &'static str,
    /// A new strategy's name.
    pub new_strategy_name: &'static str,
    /// "(copy)", after a duplicated strategy's name.
    pub copy_suffix: &'static str,
    /// Save dialog title.
    pub save_title: &'static str,
    /// Save button.
    pub save_button: &'static str,
    /// Export dialog title.
    pub export_title: &'static str,
    /// Export button.
    pub export_button: &'static str,
    /// The path is a folder.
    pub is_a_folder: &'static str,
    /// The folder does not exist.
    pub no_such_folder: &'static str,
    /// The file exists: choose again to replace it.
    pub exists_replace: &'static str,
    /// How the path field of the save dialog works (`{action}`: the button).
    pub save_path_hint: &'static str,
    /// Saved (`{file}`).
    pub saved: &'static str,
    /// Exported (`{file}`).
    pub exported: &'static str,
    /// Heading of a failed save.
    pub save_failed: &'static str,
    /// Heading of a failed export.
    pub export_failed: &'static str,
    /// Heading of a recovery problem.
    pub recovery_failed: &'static str,
    /// Unsaved-changes question: title.
    pub unsaved_title: &'static str,
    /// Unsaved-changes question when closing the app.
    pub unsaved_quit: &'static str,
    /// Unsaved-changes question when closing a strategy (`{code}`).
    pub unsaved_close: &'static str,
    /// Button: save, then go on.
    pub save_first: &'static str,
    /// Button: go on without saving.
    pub discard: &'static str,
    /// Recovery offer: title.
    pub recover_title: &'static str,
    /// Recovery offer (`{when}`, `{what}`).
    pub recover_body: &'static str,
    /// Button: restore.
    pub restore: &'static str,
    /// Button: delete the recovery file.
    pub discard_recovery: &'static str,
    /// What the recovery copy holds: its workbook (`{file}`).
    pub recover_workbook: &'static str,
    /// What the recovery copy holds: its strategies (`{codes}`).
    pub recover_strategies: &'static str,
}

/// Labels and tooltips of the commands.
#[derive(Debug)]
pub struct CommandTexts {
    /// Open files with the system's dialog.
    pub open: (&'static str, &'static str),
    /// Open a file by typing its path.
    pub open_path: (&'static str, &'static str),
    /// Open the built-in sample.
    pub open_sample: (&'static str, &'static str),
    /// Open a file through the import dialog.
    pub import_with_options: (&'static str, &'static str),
    /// Close the strategy shown.
    pub close_strategy: (&'static str, &'static str),
    /// Undo.
    pub undo: (&'static str, &'static str),
    /// Redo.
    pub redo: (&'static str, &'static str),
    /// Switch language.
    pub switch_language: (&'static str, &'static str),
    /// Show or hide the warnings panel.
    pub show_warnings: (&'static str, &'static str),
    /// Show the overview.
    pub show_overview: (&'static str, &'static str),
    /// Show a strategy's table (label with `{n}`).
    pub show_strategy: (&'static str, &'static str),
    /// Show a strategy's charts (label with `{n}`).
    pub show_charts: (&'static str, &'static str),
    /// Switch between the light and the dark theme.
    pub switch_theme: (&'static str, &'static str),
    /// Quit.
    pub quit: (&'static str, &'static str),
    /// Make the whole interface larger.
    pub zoom_in: (&'static str, &'static str),
    /// Make the whole interface smaller.
    pub zoom_out: (&'static str, &'static str),
    /// Back to the normal size.
    pub zoom_reset: (&'static str, &'static str),
    /// Save.
    pub save: (&'static str, &'static str),
    /// Save as.
    pub save_as: (&'static str, &'static str),
    /// Export the table shown as CSV.
    pub export_csv: (&'static str, &'static str),
    /// Start the presentation.
    pub present: (&'static str, &'static str),
    /// Choose the slides.
    pub choose_slides: (&'static str, &'static str),
    /// Export the slides as a PDF.
    pub export_slides_pdf: (&'static str, &'static str),
    /// Export the slides as PNG images.
    pub export_slides_png: (&'static str, &'static str),
}

/// The texts of the charts view. `{…}` marks what is filled in.
#[derive(Debug)]
pub struct ChartViewTexts {
    /// The switch to a strategy's charts.
    pub view: &'static str,
    /// The switch to a strategy's table.
    pub table: &'static str,
    /// Before the chart kinds.
    pub kind: &'static str,
    /// Tooltip of the kinds that compare every open strategy.
    pub compares: &'static str,
    /// Tooltip of the kinds of one strategy.
    pub one_strategy: &'static str,
    /// Before the bar order.
    pub order: &'static str,
    /// Bars by code.
    pub order_code: &'static str,
    /// Bars by achievement.
    pub order_achievement: &'static str,
    /// Before the indicator choice.
    pub indicator: &'static str,
    /// A running total shown per year.
    pub per_period: &'static str,
    /// One stack per milestone.
    pub every_milestone: &'static str,
    /// Its tooltip.
    pub every_milestone_hint: &'static str,
    /// Before the export size.
    pub size: &'static str,
    /// Tooltip of the width.
    pub width: &'static str,
    /// Tooltip of the height.
    pub height: &'static str,
    /// Tooltip of the scale.
    pub scale_hint: &'static str,
    /// Export as PNG.
    pub export_png: &'static str,
    /// Its tooltip.
    pub export_png_hint: &'static str,
    /// Export as SVG.
    pub export_svg: &'static str,
    /// Its tooltip.
    pub export_svg_hint: &'static str,
    /// Copy as an image.
    pub copy_image: &'static str,
    /// Its tooltip.
    pub copy_image_hint: &'static str,
    /// The save dialog's title.
    pub dialog_title: &'static str,
    /// While the save dialog is open.
    pub waiting: &'static str,
    /// Saved (`{path}`).
    pub saved: &'static str,
    /// Copied (`{w}`, `{h}`).
    pub copied: &'static str,
    /// Failed (`{error}`).
    pub failed: &'static str,
}

/// Vietnamese.
static VI: Texts = Texts {
    menu_file: "Tệp",
    menu_edit: "Sửa",
    menu_view: "Xem",
    overview: "Tổng quan",
    period: "Năm đánh giá",
    versus: "so với",
    not_met: "Chỉ tiêu chưa đạt",
    all_met: "Không có chỉ tiêu chưa đạt",
    budget: "Kinh phí",
    of_plan: "kế hoạch",
    budget_words: ("thực hiện", "kế hoạch"),
    budget_not_counted: "Kinh phí không tính vào số chỉ tiêu.",
    disagreements: "Đánh giá trong tệp khác kết quả tính",
    chart_title: "Mức đạt so với kế hoạch",
    open_in_table: "Bấm để xem chỉ tiêu này trong bảng",
    col_code: "Mã",
    col_indicator: "Chỉ tiêu",
    col_unit: "ĐVT",
    col_baseline: "Cơ sở",
    col_target: "Kế hoạch",
    col_actual: "Thực hiện",
    col_achievement: "% đạt",
    col_status: "Trạng thái",
    col_assessment: "Đánh giá (tệp)",
    col_source: "Nguồn",
    col_note: "Ghi chú",
    col_source_note: "Nguồn, ghi chú",
    col_target_hint: "Kế hoạch như ghi trong tệp; rê chuột lên ô để xem cách hiểu",
    col_actual_hint: "Thực hiện như ghi trong tệp; rê chuột lên ô để xem giá trị theo đơn vị",
    col_achievement_hint: "Mức đạt so với kế hoạch, theo chiều của chỉ tiêu; rê chuột lên ô để xem cách tính",
    col_status_hint: "Trạng thái tính từ kế hoạch và thực hiện",
    col_assessment_hint: "Cột \"Đánh giá\" của tệp; dấu ≠ khi khác trạng thái tính được",
    goal: "Mục tiêu",
    read_from: "Đọc từ",
    parsed_target: "Hiểu là",
    comparator: "Điều kiện áp dụng",
    cumulative: "Kế hoạch cộng dồn qua các năm",
    value_in_unit: "Giá trị theo đơn vị",
    estimate: "ước thực hiện",
    rule: "Cách tính",
    unreadable: "Không đọc được ô này; giữ nguyên chữ trong tệp.",
    disagrees: "Đánh giá trong tệp khác kết quả tính",
    computed: "tính được",
    file_says: "tệp ghi",
    assessment_unrecognised: "không nhận ra trạng thái",
    direction: "Chiều",
    directions: ["tăng là tốt", "giảm là tốt", "trong khoảng là tốt"],
    scales: ["phần trăm", "tỷ suất trên {n}", "số tuyệt đối"],
    none: "—",
    warnings_title: "Cảnh báo và cách đọc tệp",
    decisions: "Cách đọc tệp",
    no_warnings: "Không có cảnh báo.",
    warnings: "Cảnh báo",
    load_failed: "Không mở được tệp",
    dismiss: "Bỏ qua",
    dismiss_all: "Bỏ qua tất cả",
    close: "Đóng",
    close_hint: "Đóng chiến lược này (có thể hoàn tác)",
    show_table: "Xem bảng",
    empty_title: "Chưa mở chiến lược nào",
    empty_hint: "Mở tệp chỉ tiêu (CSV, XLSX, XLS, ODS) bằng menu Tệp, kéo thả tệp vào cửa sổ, hoặc mở dữ liệu mẫu.",
    drop_here: "Thả tệp vào đây để mở",
    waiting_for_dialog: "Đang chờ hộp thoại chọn tệp…",
    open_path_title: "Mở tệp theo đường dẫn",
    no_system_dialog: "Máy này không có hộp thoại chọn tệp của hệ thống (cổng XDG desktop portal); hãy nhập đường dẫn.",
    path_hint: "Đường dẫn tới tệp CSV, XLSX, XLS, ODS",
    completion_hint: "Tab: hoàn thành đường dẫn · Enter: mở · bấm vào một mục để chọn",
    no_match: "Không có tệp hay thư mục nào khớp.",
    open_button: "Mở",
    cancel: "Hủy",
    not_a_file: "không phải là tệp",
    strategies_open: "chiến lược đang mở",
    warnings_hint: "Xem cảnh báo và cách đọc từng tệp",
    indicators: "chỉ tiêu",
    no_period: "Không có năm nào có số liệu",
    charts: ChartViewTexts {
        view: "Biểu đồ",
        table: "Bảng",
        kind: "Biểu đồ:",
        compares: "So sánh mọi chiến lược đang mở, cạnh nhau",
        one_strategy: "Biểu đồ của chiến lược này",
        order: "Sắp xếp:",
        order_code: "theo mã",
        order_achievement: "theo mức đạt",
        indicator: "Chỉ tiêu:",
        per_period: "Từng năm",
        every_milestone: "Mọi năm mốc",
        every_milestone_hint: "Một cột cho mỗi năm mốc của từng chiến lược (năm có số liệu của ít nhất một nửa số chỉ tiêu, ví dụ 2015 và 2020)",
        size: "Cỡ ảnh:",
        width: "Chiều rộng ảnh (điểm ảnh)",
        height: "Chiều cao ảnh (điểm ảnh)",
        scale_hint: "Chữ và nét vẽ to gấp mấy lần: ảnh 1920 × 1080 với × 2 có chữ dễ đọc trên máy chiếu",
        export_png: "Xuất PNG…",
        export_png_hint: "Lưu biểu đồ thành ảnh PNG đúng cỡ đã chọn, để chèn vào trang chiếu",
        export_svg: "Xuất SVG…",
        export_svg_hint: "Lưu biểu đồ thành hình vẽ SVG, phóng to không vỡ nét",
        copy_image: "Sao chép ảnh",
        copy_image_hint: "Chép biểu đồ vào bộ nhớ tạm dưới dạng ảnh, để dán vào PowerPoint hoặc Word",
        dialog_title: "Xuất biểu đồ",
        waiting: "Đang chờ hộp thoại lưu tệp…",
        saved: "Đã lưu: {path}",
        copied: "Đã chép ảnh {w} × {h} vào bộ nhớ tạm: dán vào PowerPoint hoặc Word",
        failed: "Không xuất được biểu đồ: {error}",
    },
    commands: CommandTexts {
        open: ("Mở tệp…", "Mở một hay nhiều tệp chỉ tiêu"),
        open_path: (
            "Mở theo đường dẫn…",
            "Nhập đường dẫn tệp, có gợi ý hoàn thành",
        ),
        import_with_options: (
            "Nhập với tùy chọn…",
            "Chọn tệp, rồi chọn dòng tiêu đề, định dạng số và vai trò các cột",
        ),
        open_sample: (
            "Mở dữ liệu mẫu",
            "Mở hai chiến lược mẫu có sẵn trong ứng dụng",
        ),
        close_strategy: ("Đóng chiến lược", "Đóng chiến lược đang xem"),
        undo: ("Hoàn tác", "Hoàn tác thay đổi cuối"),
        redo: ("Làm lại", "Làm lại thay đổi vừa hoàn tác"),
        switch_language: ("English", "Switch the interface to English"),
        show_warnings: ("Cảnh báo", "Hiện hoặc ẩn bảng cảnh báo và cách đọc tệp"),
        show_overview: ("Tổng quan", "Tiêu đề và biểu đồ của mọi chiến lược"),
        show_strategy: ("Bảng chiến lược {n}", "Bảng chỉ tiêu của chiến lược"),
        show_charts: (
            "Biểu đồ chiến lược {n}",
            "Biểu đồ so sánh kế hoạch với thực hiện của chiến lược",
        ),
        switch_theme: (
            "Nền sáng / nền tối",
            "Chuyển giữa nền sáng (hợp với máy chiếu) và nền tối",
        ),
        quit: ("Thoát", "Đóng ứng dụng"),
        zoom_in: (
            "Phóng to",
            "Phóng to toàn bộ giao diện: chữ, bảng và biểu đồ",
        ),
        zoom_out: ("Thu nhỏ", "Thu nhỏ toàn bộ giao diện"),
        zoom_reset: ("Cỡ thường (100 %)", "Trở về cỡ giao diện thường"),
        save: (
            "Lưu",
            "Lưu vào sổ chitieu (XLSX); tệp gốc CSV hay XLSX khác không bị ghi đè",
        ),
        save_as: ("Lưu thành…", "Lưu vào một sổ chitieu (XLSX) mới"),
        export_csv: (
            "Xuất CSV…",
            "Xuất bảng chỉ tiêu của chiến lược đang xem ra CSV cho Excel",
        ),
        present: (
            "Trình chiếu",
            "Trình chiếu toàn màn hình cho cuộc họp; Esc để thoát",
        ),
        choose_slides: (
            "Chọn trang chiếu…",
            "Chọn, sắp xếp trang chiếu và ẩn chỉ tiêu; lưu cùng tài liệu",
        ),
        export_slides_pdf: (
            "Xuất trang chiếu ra PDF…",
            "Mỗi trang chiếu một trang PDF (vector, chữ chọn được)",
        ),
        export_slides_png: (
            "Xuất trang chiếu ra PNG…",
            "Mỗi trang chiếu một ảnh PNG 1920 × 1080, đánh số theo thứ tự",
        ),
    },
    edit: EditTexts {
        direction_words: ["tăng", "giảm", "khoảng"],
        col_direction: "Chiều",
        col_code_hint: "Mã (STT) của chỉ tiêu",
        col_direction_hint: "Chiều tốt của chỉ tiêu: tăng là tốt, giảm là tốt, hay trong khoảng là tốt; gõ tăng, giảm hay khoảng",
        col_baseline_hint: "Giá trị cơ sở và năm, gõ như \"38,5 (2015)\"",
        col_text_hint: "Chữ như ghi trong tệp",
        click_to_sort: "Bấm để sắp xếp theo cột này (bấm lần nữa để đảo chiều, lần thứ ba để bỏ)",
        keyboard_hint: "Bấm một ô để chọn · gõ để thay, F2 hay bấm đúp để sửa · Enter xuống dòng, Tab sang phải, Esc bỏ · Ctrl+C / Ctrl+V sao chép với Excel · chuột phải: thêm, nhân bản, chuyển, xóa",
        cells: "ô",
        not_taken: "Chưa nhận giá trị này",
        read_as: "đọc là",
        empty: "(trống)",
        not_a_target: "\"{text}\" không phải là số, điều kiện (≥ 95, dưới 10, từ 25% trở lên) hay khoảng (40-60); giữ nguyên chữ, chưa tính mức đạt",
        not_an_actual: "\"{text}\" không phải là số hay tỷ số (76/145); giữ nguyên chữ, chưa tính mức đạt",
        zero_ratio: "tỷ số trên 0: chưa có số liệu",
        not_a_number: "\"{text}\" không phải là số",
        not_a_baseline_year: "\"{text}\": cần một số và năm trong ngoặc, như 38,5 (2015)",
        not_a_direction: "\"{text}\" không phải là chiều: gõ tăng, giảm hay khoảng",
        not_a_year: "\"{text}\" không phải là năm",
        paste_skipped: "{n} ô dán không vào được (ngoài bảng hay là cột tính toán)",
        strategy_modified: "Có thay đổi chưa lưu",
        strategy_info: "Sửa thông tin…",
        strategy_info_hint: "Sửa mã, tên và giai đoạn của chiến lược",
        no_indicators: "Chiến lược chưa có chỉ tiêu nào: bấm \"+ Chỉ tiêu\".",
        nothing_matches: "Không có chỉ tiêu nào khớp với tìm kiếm và bộ lọc.",
        search_hint: "Tìm mã, tên, nguồn…",
        search_tooltip: "Chỉ hiện chỉ tiêu có chữ này (mã, tên, ĐVT, kế hoạch, thực hiện, nguồn, ghi chú), không phân biệt dấu",
        filter_tooltip: "Bấm để ẩn hoặc hiện các chỉ tiêu có trạng thái này",
        sort: "Sắp xếp",
        sort_file: "Thứ tự trong tệp",
        sort_code: "Theo mã",
        sort_achievement: "Theo mức đạt",
        sort_status: "Theo trạng thái",
        clear_view: "Bỏ lọc và sắp xếp",
        add_indicator: "+ Chỉ tiêu",
        add_indicator_hint: "Thêm một chỉ tiêu ở cuối bảng",
        add_goal: "+ Mục tiêu…",
        add_period: "+ Năm…",
        remove_period: "Xóa năm {period}",
        remove_period_hint: "Xóa kế hoạch, thực hiện và đánh giá của năm này ở mọi chỉ tiêu (có thể hoàn tác)",
        edit_cell: "Sửa ô",
        copy: "Sao chép",
        paste: "Dán",
        clear: "Xóa nội dung",
        insert_above: "Thêm chỉ tiêu phía trên",
        insert_below: "Thêm chỉ tiêu phía dưới",
        duplicate: "Nhân bản chỉ tiêu",
        move_up: "Chuyển lên",
        move_down: "Chuyển xuống",
        move_sorted: "Bỏ sắp xếp để đổi thứ tự chỉ tiêu",
        in_goal: "Thuộc mục tiêu",
        no_goal: "(không thuộc mục tiêu nào)",
        delete_indicator: "Xóa chỉ tiêu",
        goal_menu_hint: "Chuột phải: sửa, thêm chỉ tiêu, chuyển, xóa",
        rename_goal: "Sửa mục tiêu…",
        add_to_goal: "Thêm chỉ tiêu vào mục tiêu này",
        move_goal_up: "Chuyển mục tiêu lên",
        move_goal_down: "Chuyển mục tiêu xuống",
        delete_goal: "Xóa mục tiêu",
        delete_goal_hint: "Các chỉ tiêu của mục tiêu vẫn giữ, không thuộc mục tiêu nào",
        goal_title_new: "Thêm mục tiêu",
        goal_title_edit: "Sửa mục tiêu",
        period_title: "Thêm năm đánh giá",
        period_hint: "Mọi chỉ tiêu có thêm một năm trống để nhập kế hoạch và thực hiện.",
        strategy_title: "Thông tin chiến lược",
        code: "Mã",
        name: "Tên",
        year: "Năm",
        span_from: "Từ năm",
        span_to: "Đến năm",
        ok: "Đồng ý",
        code_needed: "Cần có mã.",
        span_both: "Nhập cả năm bắt đầu và năm kết thúc, hoặc để trống cả hai.",
        span_order: "Năm kết thúc phải từ năm bắt đầu trở đi.",
        goal_exists: "Đã có mục tiêu mã {code}.",
        period_exists: "Đã có năm {period}.",
        move_left: "Chuyển sang trái",
        move_right: "Chuyển sang phải",
        duplicate_strategy: "Nhân bản chiến lược",
        new_strategy: "+",
        new_strategy_hint: "Thêm một chiến lược mới, trống",
        new_strategy_code: "MOI",
        new_strategy_name: "Chiến lược mới",
        copy_suffix: "(bản sao)",
        save_title: "Lưu thành sổ chitieu (XLSX)",
        save_button: "Lưu",
        export_title: "Xuất bảng ra CSV",
        export_button: "Xuất",
        is_a_folder: "là thư mục; hãy nhập cả tên tệp",
        no_such_folder: "không có thư mục này",
        exists_replace: "đã có; bấm lần nữa để thay tệp này",
        save_path_hint: "Tab: hoàn thành đường dẫn · Enter: {action} · bấm vào một thư mục để vào",
        saved: "Đã lưu {file}",
        exported: "Đã xuất {file}",
        save_failed: "Không lưu được",
        export_failed: "Không xuất được",
        recovery_failed: "Bản khôi phục",
        unsaved_title: "Có thay đổi chưa lưu",
        unsaved_quit: "Tài liệu có thay đổi chưa lưu. Lưu trước khi thoát?",
        unsaved_close: "Chiến lược {code} có thay đổi chưa lưu. Lưu trước khi đóng?",
        save_first: "Lưu",
        discard: "Không lưu",
        recover_title: "Khôi phục công việc chưa lưu",
        recover_body: "Lần trước chitieu không đóng bình thường khi còn thay đổi chưa lưu. Bản khôi phục ghi lúc {when}: {what}. Khôi phục thì thay cho những gì đang mở (có thể hoàn tác).",
        restore: "Khôi phục",
        discard_recovery: "Bỏ bản khôi phục",
        recover_workbook: "sổ {file}",
        recover_strategies: "chiến lược {codes}",
    },
};

/// English.
static EN: Texts = Texts {
    menu_file: "File",
    menu_edit: "Edit",
    menu_view: "View",
    overview: "Overview",
    period: "Period",
    versus: "vs",
    not_met: "Not met",
    all_met: "No indicator is below its target",
    budget: "Budget",
    of_plan: "of plan",
    budget_words: ("actual", "planned"),
    budget_not_counted: "The budget is not counted as an indicator.",
    disagreements: "File's assessment differs from the computed status",
    chart_title: "Achievement against target",
    open_in_table: "Click to see this indicator in the table",
    col_code: "Code",
    col_indicator: "Indicator",
    col_unit: "Unit",
    col_baseline: "Baseline",
    col_target: "Target",
    col_actual: "Actual",
    col_achievement: "Achieved",
    col_status: "Status",
    col_assessment: "Assessment",
    col_source: "Source",
    col_note: "Note",
    col_source_note: "Source, note",
    col_target_hint: "The target as written in the file; hover a cell to see how it was read",
    col_actual_hint: "The actual result as written in the file; hover a cell for its value in the unit",
    col_achievement_hint: "Achievement against the target, direction-aware; hover a cell for the rule",
    col_status_hint: "The status computed from the target and the actual result",
    col_assessment_hint: "The file's own assessment (\"Đánh giá\"); marked ≠ where it differs from the computed status",
    goal: "Goal",
    read_from: "Read from",
    parsed_target: "Read as",
    comparator: "Condition applied",
    cumulative: "Cumulative target (a running total over the years)",
    value_in_unit: "Value in the unit",
    estimate: "estimate",
    rule: "Rule",
    unreadable: "This cell could not be read; its text is kept as written.",
    disagrees: "The file's assessment differs from the computed status",
    computed: "computed",
    file_says: "the file says",
    assessment_unrecognised: "no status recognised",
    direction: "Direction",
    directions: [
        "higher is better",
        "lower is better",
        "inside the range is good",
    ],
    scales: ["per cent", "rate per {n}", "count or amount"],
    none: "—",
    warnings_title: "Warnings and how files were read",
    decisions: "How the file was read",
    no_warnings: "No warnings.",
    warnings: "Warnings",
    load_failed: "Could not open a file",
    dismiss: "Dismiss",
    dismiss_all: "Dismiss all",
    close: "Close",
    close_hint: "Close this strategy (can be undone)",
    show_table: "Table",
    empty_title: "No strategy is open",
    empty_hint: "Open an indicator file (CSV, XLSX, XLS, ODS) from the File menu, drop files on the window, or open the sample.",
    drop_here: "Drop files here to open them",
    waiting_for_dialog: "Waiting for the file dialog…",
    open_path_title: "Open a file by path",
    no_system_dialog: "This system has no file dialog (no XDG desktop portal); type a path instead.",
    path_hint: "Path of a CSV, XLSX, XLS or ODS file",
    completion_hint: "Tab completes the path · Enter opens · click an entry to pick it",
    no_match: "No file or folder matches.",
    open_button: "Open",
    cancel: "Cancel",
    not_a_file: "is not a file",
    strategies_open: "strategies open",
    warnings_hint: "Show warnings and how each file was read",
    indicators: "indicators",
    no_period: "No period has figures",
    charts: ChartViewTexts {
        view: "Charts",
        table: "Table",
        kind: "Chart:",
        compares: "Compares every open strategy, side by side",
        one_strategy: "A chart of this strategy",
        order: "Order:",
        order_code: "by code",
        order_achievement: "by achievement",
        indicator: "Indicator:",
        per_period: "Per year",
        every_milestone: "Every milestone",
        every_milestone_hint: "One bar per milestone of each strategy (a period with figures for at least half of its indicators, e.g. 2015 and 2020)",
        size: "Image size:",
        width: "Image width (pixels)",
        height: "Image height (pixels)",
        scale_hint: "How many times larger text and lines are drawn: 1920 × 1080 at × 2 reads well on a projector",
        export_png: "Export PNG…",
        export_png_hint: "Save the chart as a PNG image of the chosen size, for a slide",
        export_svg: "Export SVG…",
        export_svg_hint: "Save the chart as an SVG drawing, sharp at any size",
        copy_image: "Copy image",
        copy_image_hint: "Copy the chart to the clipboard as an image, to paste into PowerPoint or Word",
        dialog_title: "Export chart",
        waiting: "Waiting for the save dialog…",
        saved: "Saved: {path}",
        copied: "Copied a {w} × {h} image: paste it into PowerPoint or Word",
        failed: "Could not export the chart: {error}",
    },
    commands: CommandTexts {
        open: ("Open…", "Open one or more indicator files"),
        open_path: ("Open path…", "Type a file's path, with completion"),
        import_with_options: (
            "Import with options…",
            "Choose a file, then its header row, number format and column roles",
        ),
        open_sample: (
            "Open the sample",
            "Open the two sample strategies built into the app",
        ),
        close_strategy: ("Close strategy", "Close the strategy shown"),
        undo: ("Undo", "Undo the last change"),
        redo: ("Redo", "Redo the change just undone"),
        switch_language: ("Tiếng Việt", "Chuyển giao diện sang tiếng Việt"),
        show_warnings: (
            "Warnings",
            "Show or hide the warnings and how files were read",
        ),
        show_overview: ("Overview", "Headlines and charts of every strategy"),
        show_strategy: ("Strategy {n} table", "The strategy's indicator table"),
        show_charts: (
            "Strategy {n} charts",
            "Charts that compare the strategy's targets with its actual results",
        ),
        switch_theme: (
            "Light / dark theme",
            "Switch between the light theme (best on a projector) and the dark one",
        ),
        quit: ("Quit", "Close the app"),
        zoom_in: (
            "Zoom in",
            "Make the whole interface larger: text, tables and charts",
        ),
        zoom_out: ("Zoom out", "Make the whole interface smaller"),
        zoom_reset: ("Actual size (100 %)", "Back to the normal size"),
        save: (
            "Save",
            "Save to a chitieu workbook (XLSX); an imported CSV or other workbook is never overwritten",
        ),
        save_as: ("Save as…", "Save to a new chitieu workbook (XLSX)"),
        export_csv: (
            "Export CSV…",
            "Export the indicator table of the strategy shown as CSV for Excel",
        ),
        present: (
            "Present",
            "Full-screen slides for the review meeting; Esc leaves",
        ),
        choose_slides: (
            "Choose slides…",
            "Choose and order the slides and hide indicators; saved with the document",
        ),
        export_slides_pdf: (
            "Export slides as PDF…",
            "One PDF page a slide (vector, selectable text)",
        ),
        export_slides_png: (
            "Export slides as PNG…",
            "One 1920 × 1080 PNG a slide, numbered in order",
        ),
    },
    edit: EditTexts {
        direction_words: ["up", "down", "range"],
        col_direction: "Dir.",
        col_code_hint: "The indicator's code (STT)",
        col_direction_hint: "Which way is good: higher, lower, or inside a range; type up, down or range",
        col_baseline_hint: "The baseline value and year, typed like \"38.5 (2015)\"",
        col_text_hint: "Text as written in the file",
        click_to_sort: "Click to sort by this column (again to reverse, a third time for file order)",
        keyboard_hint: "Click a cell to select it · type to replace, F2 or double-click to edit · Enter moves down, Tab right, Esc cancels · Ctrl+C / Ctrl+V copy with Excel · right-click: insert, duplicate, move, delete",
        cells: "cells",
        not_taken: "This value was not taken",
        read_as: "read as",
        empty: "(empty)",
        not_a_target: "\"{text}\" is not a number, a comparator (≥ 95, dưới 10, từ 25% trở lên) or a range (40-60); kept as written, no achievement computed",
        not_an_actual: "\"{text}\" is not a number or a ratio (76/145); kept as written, no achievement computed",
        zero_ratio: "a ratio over 0: no data",
        not_a_number: "\"{text}\" is not a number",
        not_a_baseline_year: "\"{text}\": a number and a year in parentheses are needed, like 38.5 (2015)",
        not_a_direction: "\"{text}\" is not a direction: type up, down or range (tăng, giảm, khoảng)",
        not_a_year: "\"{text}\" is not a year",
        paste_skipped: "{n} pasted cells had no place (outside the table or a computed column)",
        strategy_modified: "Has unsaved changes",
        strategy_info: "Edit details…",
        strategy_info_hint: "Edit the strategy's code, name and span",
        no_indicators: "The strategy has no indicator yet: click \"+ Indicator\".",
        nothing_matches: "No indicator matches the search and filter.",
        search_hint: "Search code, name, source…",
        search_tooltip: "Show only indicators with this text (code, name, unit, target, actual, source, note), ignoring diacritics",
        filter_tooltip: "Click to hide or show the indicators with this status",
        sort: "Sort",
        sort_file: "File order",
        sort_code: "By code",
        sort_achievement: "By achievement",
        sort_status: "By status",
        clear_view: "Clear filter and sort",
        add_indicator: "+ Indicator",
        add_indicator_hint: "Add an indicator at the end of the table",
        add_goal: "+ Goal…",
        add_period: "+ Period…",
        remove_period: "Remove {period}",
        remove_period_hint: "Remove this period's targets, actual results and assessments from every indicator (can be undone)",
        edit_cell: "Edit cell",
        copy: "Copy",
        paste: "Paste",
        clear: "Clear contents",
        insert_above: "Insert indicator above",
        insert_below: "Insert indicator below",
        duplicate: "Duplicate indicator",
        move_up: "Move up",
        move_down: "Move down",
        move_sorted: "Return to file order to move indicators",
        in_goal: "Goal",
        no_goal: "(no goal)",
        delete_indicator: "Delete indicator",
        goal_menu_hint: "Right-click: rename, add an indicator, move, delete",
        rename_goal: "Rename goal…",
        add_to_goal: "Add an indicator to this goal",
        move_goal_up: "Move goal up",
        move_goal_down: "Move goal down",
        delete_goal: "Delete goal",
        delete_goal_hint: "Its indicators stay, with no goal",
        goal_title_new: "New goal",
        goal_title_edit: "Rename goal",
        period_title: "New period",
        period_hint: "Every indicator gets an empty period for its target and actual result.",
        strategy_title: "Strategy details",
        code: "Code",
        name: "Name",
        year: "Year",
        span_from: "From",
        span_to: "To",
        ok: "OK",
        code_needed: "A code is needed.",
        span_both: "Type both the first and the last year, or neither.",
        span_order: "The last year cannot come before the first.",
        goal_exists: "A goal {code} exists already.",
        period_exists: "The period {period} exists already.",
        move_left: "Move left",
        move_right: "Move right",
        duplicate_strategy: "Duplicate strategy",
        new_strategy: "+",
        new_strategy_hint: "Add a new, empty strategy",
        new_strategy_code: "NEW",
        new_strategy_name: "New strategy",
        copy_suffix: "(copy)",
        save_title: "Save as a chitieu workbook (XLSX)",
        save_button: "Save",
        export_title: "Export the table as CSV",
        export_button: "Export",
        is_a_folder: "is a folder; type a file name too",
        no_such_folder: "does not exist",
        exists_replace: "exists; choose it again to replace it",
        save_path_hint: "Tab completes the path · Enter: {action} · click a folder to go into it",
        saved: "Saved {file}",
        exported: "Exported {file}",
        save_failed: "Could not save",
        export_failed: "Could not export",
        recovery_failed: "Recovery file",
        unsaved_title: "Unsaved changes",
        unsaved_quit: "The document has unsaved changes. Save before quitting?",
        unsaved_close: "Strategy {code} has unsaved changes. Save before closing it?",
        save_first: "Save",
        discard: "Don't save",
        recover_title: "Restore unsaved work",
        recover_body: "chitieu did not close normally last time, with changes unsaved. The recovery copy was written at {when}: {what}. Restoring replaces what is open (it can be undone).",
        restore: "Restore",
        discard_recovery: "Discard the recovery copy",
        recover_workbook: "workbook {file}",
        recover_strategies: "strategies {codes}",
    },
};

/// The texts of `language`.
#[must_use]
pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// The other language.
#[must_use]
pub fn other(language: Language) -> Language {
    match language {
        Language::Vi => Language::En,
        Language::En => Language::Vi,
    }
}

/// Where a value was read, e.g. "bvcste-2016-2020.xlsx, trang tính "Tổng hợp", dòng 14, cột F".
#[must_use]
pub fn provenance(language: Language, at: &CellRef) -> String {
    at.describe(language)
}

/// The achievement rule as a formula in `language`.
#[must_use]
pub fn rule(language: Language, rule: AchievementRule) -> &'static str {
    match language {
        Language::Vi => rule.formula_vi(),
        Language::En => rule.formula(),
    }
}

/// A direction in `language`.
#[must_use]
pub fn direction(language: Language, direction: Direction) -> &'static str {
    let words = texts(language).directions;
    match direction {
        Direction::Increase => words[0],
        Direction::Decrease => words[1],
        Direction::Range => words[2],
    }
}

/// A direction as one short word ("tăng", "down"), as the table shows, copies and reads it.
#[must_use]
pub fn direction_word(language: Language, direction: Direction) -> &'static str {
    let words = texts(language).edit.direction_words;
    match direction {
        Direction::Increase => words[0],
        Direction::Decrease => words[1],
        Direction::Range => words[2],
    }
}

/// What a unit means, e.g. "tỷ suất trên 100.000".
#[must_use]
pub fn scale(language: Language, unit: &Unit) -> String {
    let words = texts(language).scales;
    match unit.scale {
        UnitScale::Percent => words[0].to_owned(),
        UnitScale::PerN(n) => words[1].replace("{n}", &language.number(n, 0)),
        UnitScale::Plain => words[2].to_owned(),
    }
}

/// A value with its unit when the unit is short: "52,4 %", "540", "110,6".
#[must_use]
pub fn value_with_unit(language: Language, value: f64, unit: &Unit) -> String {
    let number = language.number(value, 2);
    if unit.is_percent() {
        format!("{number} %")
    } else {
        number
    }
}

/// A cell's text as written, except that a number cell (whose text the reader wrote itself,
/// e.g. "8.9" for the number 8,9 of a workbook) is shown in the language's number format.
#[must_use]
pub fn as_written(language: Language, text: &str, value: f64) -> String {
    if text == crate::parse::format_plain(value) {
        language.number(value, 6)
    } else {
        text.to_owned()
    }
}

/// An actual result for a tooltip: a ratio with its value ("76/145 = 52,41"), a number cell in
/// the language's format, other text as written.
#[must_use]
pub fn actual_with_value(language: Language, text: &str, value: Option<f64>) -> String {
    match value {
        Some(value) if text.contains('/') => format!("{text} = {}", language.number(value, 2)),
        Some(value) => as_written(language, text, value),
        None => text.to_owned(),
    }
}

/// An achievement percentage with one decimal: "94,3 %".
#[must_use]
pub fn achievement(language: Language, value: f64) -> String {
    format!("{} %", language.number(value, 1))
}

/// The texts of presentation mode, its figures editor and the slide chooser. `{…}` marks
/// what is filled in.
#[derive(Debug)]
pub struct PresentTexts {
    /// Shown when there is nothing to present.
    pub no_slides: &'static str,
    /// The keys, shown in the chooser.
    pub keys_help: &'static str,
    /// The figures editor's title (`{slide}`).
    pub editor_title: &'static str,
    /// Above the editor: changes count at once and can be undone.
    pub editor_hint: &'static str,
    /// Close the editor.
    pub editor_done: &'static str,
    /// Column heads of the editor: code, indicator, target, actual, status.
    pub editor_columns: [&'static str; 5],
    /// The chooser's title.
    pub chooser_title: &'static str,
    /// The slides heading.
    pub slides: &'static str,
    /// Move a slide up.
    pub move_up: &'static str,
    /// Move a slide down.
    pub move_down: &'static str,
    /// Show a slide (checkbox tooltip).
    pub shown_hint: &'static str,
    /// The hidden indicators heading.
    pub indicators: &'static str,
    /// Tooltip of an indicator's checkbox.
    pub indicator_hint: &'static str,
    /// Back to the usual slides, order and indicators.
    pub reset: &'static str,
    /// A slide that has nothing to show now.
    pub empty_slide: &'static str,
    /// Exporting in the background.
    pub exporting: &'static str,
    /// Exported (`{path}`, `{n}` slides).
    pub exported: &'static str,
    /// Failed (`{error}`).
    pub export_failed: &'static str,
    /// The save dialog's title for the PDF.
    pub pdf_dialog: &'static str,
    /// The folder dialog's title for the PNGs.
    pub png_dialog: &'static str,
}

static PRESENT_VI: PresentTexts = PresentTexts {
    no_slides: "Chưa có trang chiếu nào: hãy mở một tệp chỉ tiêu hoặc hiện lại trang chiếu.",
    keys_help: "Phím phải, Space, PgDn: trang sau · phím trái, PgUp: trang trước · Home/End: trang đầu/cuối · số + Enter: đến trang · E hoặc F2: sửa số liệu · Esc: thoát",
    editor_title: "Sửa số liệu: {slide}",
    editor_hint: "Thay đổi có hiệu lực ngay (hoàn tác bằng Ctrl+Z). Esc để quay lại trang chiếu.",
    editor_done: "Xong",
    editor_columns: ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá"],
    chooser_title: "Trang chiếu",
    slides: "Thứ tự trang chiếu",
    move_up: "Lên",
    move_down: "Xuống",
    shown_hint: "Bỏ chọn để không chiếu trang này",
    indicators: "Chỉ tiêu hiện trên trang chiếu",
    indicator_hint: "Bỏ chọn để ẩn chỉ tiêu này khỏi mọi trang chiếu (không tính vào số liệu chung)",
    reset: "Về mặc định",
    empty_slide: "(không có gì để chiếu)",
    exporting: "Đang xuất trang chiếu…",
    exported: "Đã xuất {n} trang chiếu: {path}",
    export_failed: "Không xuất được trang chiếu: {error}",
    pdf_dialog: "Lưu trang chiếu thành PDF",
    png_dialog: "Chọn thư mục lưu ảnh trang chiếu",
};

static PRESENT_EN: PresentTexts = PresentTexts {
    no_slides: "There are no slides: open an indicator file, or show some slides again.",
    keys_help: "Right, Space, PgDn: next · Left, PgUp: previous · Home/End: first/last · number + Enter: go to slide · E or F2: edit figures · Esc: leave",
    editor_title: "Edit figures: {slide}",
    editor_hint: "Changes apply at once (Ctrl+Z undoes them). Esc returns to the slide.",
    editor_done: "Done",
    editor_columns: ["Code", "Indicator", "Target", "Actual", "Status"],
    chooser_title: "Slides",
    slides: "Slide order",
    move_up: "Up",
    move_down: "Down",
    shown_hint: "Untick to leave this slide out",
    indicators: "Indicators shown on slides",
    indicator_hint: "Untick to hide this indicator from every slide (and from the counts)",
    reset: "Back to the usual slides",
    empty_slide: "(nothing to show)",
    exporting: "Exporting the slides…",
    exported: "Exported {n} slides: {path}",
    export_failed: "The slides could not be exported: {error}",
    pdf_dialog: "Save the slides as PDF",
    png_dialog: "Choose a folder for the slide images",
};

/// The presentation texts of `language`.
#[must_use]
pub fn present(language: Language) -> &'static PresentTexts {
    match language {
        Language::Vi => &PRESENT_VI,
        Language::En => &PRESENT_EN,
    }
}

/// The texts of the breakdown filter of the table and the charts. `{…}` marks what is filled
/// in.
#[derive(Debug)]
pub struct BreakdownTexts {
    /// Before the filter's choices.
    pub label: &'static str,
    /// The choice of every value of a dimension.
    pub all: &'static str,
    /// Tooltip of a dimension's choice (`{dimension}`).
    pub choice_hint: &'static str,
    /// Beside the filter while a breakdown shows (`{breakdown}`).
    pub showing: &'static str,
    /// Its tooltip: the breakdown's figures are read-only, and how totals are made.
    pub read_only_hint: &'static str,
    /// Tooltip of a period's cell that cannot be edited while a breakdown shows.
    pub cell_read_only: &'static str,
    /// Back to the totals.
    pub show_totals: &'static str,
}

static BREAKDOWN_VI: BreakdownTexts = BreakdownTexts {
    label: "Phân tổ:",
    all: "Tất cả",
    choice_hint: "{dimension}: chỉ xem số liệu của giá trị được chọn; \"Tất cả\" gộp mọi giá trị theo quy tắc tổng hợp",
    showing: "Đang xem: {breakdown}",
    read_only_hint: "Kế hoạch, thực hiện, mức đạt và đánh giá là của phân tổ đã chọn. Số lượng được cộng, tỷ lệ x/y được tính bằng tổng tử số trên tổng mẫu số, tỷ lệ phần trăm không bao giờ được cộng hay lấy trung bình. Số liệu của phân tổ chỉ để xem: chọn \"Tất cả\" để sửa số liệu tổng.",
    cell_read_only: "Chỉ xem: số liệu của phân tổ không sửa được ở đây",
    show_totals: "Xem số tổng",
};

static BREAKDOWN_EN: BreakdownTexts = BreakdownTexts {
    label: "Breakdown:",
    all: "All",
    choice_hint: "{dimension}: show the figures of the value chosen only; \"All\" totals every value by the aggregation rules",
    showing: "Showing: {breakdown}",
    read_only_hint: "Targets, actual results, achievement and status are those of the breakdown chosen. Counts are added up, x/y ratios are the sum of numerators over the sum of denominators, percentages are never added up or averaged. A breakdown's figures are read-only: choose \"All\" to edit the totals.",
    cell_read_only: "Read-only: a breakdown's figures cannot be edited here",
    show_totals: "Show totals",
};

/// The breakdown filter's texts of `language`.
#[must_use]
pub fn breakdown(language: Language) -> &'static BreakdownTexts {
    match language {
        Language::Vi => &BREAKDOWN_VI,
        Language::En => &BREAKDOWN_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_in_both_languages() {
        let at = CellRef::new("a.xlsx", Some("Tổng hợp".into()), 14, 6);
        assert_eq!(
            provenance(Language::Vi, &at),
            "a.xlsx, trang tính \"Tổng hợp\", dòng 14, cột F"
        );
        assert_eq!(
            provenance(Language::En, &at),
            "a.xlsx, sheet \"Tổng hợp\", row 14, column F"
        );
    }

    #[test]
    fn written_numbers_follow_the_language_and_texts_stay() {
        assert_eq!(as_written(Language::Vi, "8.9", 8.9), "8,9");
        assert_eq!(as_written(Language::Vi, "dưới 10", 10.0), "dưới 10");
        assert_eq!(
            actual_with_value(Language::Vi, "76/145", Some(52.413_793)),
            "76/145 = 52,41"
        );
        assert_eq!(
            actual_with_value(Language::En, "96,245", Some(96.245)),
            "96,245"
        );
    }

    #[test]
    fn direction_words_read_back() {
        for language in [Language::Vi, Language::En] {
            for direction in [Direction::Increase, Direction::Decrease, Direction::Range] {
                assert_eq!(
                    Direction::parse(direction_word(language, direction)),
                    Some(direction)
                );
            }
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        let percent = Unit::parse("%");
        assert_eq!(value_with_unit(Language::Vi, 52.413, &percent), "52,41 %");
        assert_eq!(achievement(Language::En, 94.315), "94.3 %");
        assert_eq!(
            scale(Language::Vi, &Unit::parse("trên 100.000 trẻ em")),
            "tỷ suất trên 100.000"
        );
    }
}
