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
    match language {
        Language::En => at.to_string(),
        Language::Vi => {
            let mut parts = vec![at.file.clone()];
            if let Some(sheet) = &at.sheet {
                parts.push(format!("trang tính \"{sheet}\""));
            }
            if at.row > 0 {
                parts.push(format!("dòng {}", at.row));
            }
            if at.column > 0 {
                parts.push(format!("cột {}", at.column_letters()));
            }
            parts.join(", ")
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provenance_in_both_languages() {
        let at = CellRef {
            file: "a.xlsx".into(),
            sheet: Some("Tổng hợp".into()),
            row: 14,
            column: 6,
        };
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
