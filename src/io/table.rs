//! Finding the indicator table in a [`Grid`] and reading it into strategies.
//!
//! The table may start below title rows; its header may span up to four rows (a merged
//! "Năm 2020" over "Kế hoạch" | "Thực hiện"); columns are recognised by their Vietnamese or
//! English names, with or without diacritics. Three layouts are read (`DESIGN.md`, "Layouts"):
//! report (one row per indicator), long (one row per indicator and period, with a period column)
//! and wide (target and actual columns per year). Roman-numeral rows are goals; totals, notes and
//! "Trong đó" rows are not indicators; budget lines (kinh phí) are kept apart.

use crate::model::{
    Actual, Assessment, Baseline, Breakdown, BudgetLine, CellRef, Comparator, Direction, Goal,
    Indicator, Measure, Period, Sentence, Strategy, Target, Unit, Warning, period_value_mut,
};
use crate::parse::{FormatVote, NumberFormat, parse_measure, parse_number, parse_target};
use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::text::{clean, clean_cow, clean_nfc_cow, fold, fold_opening, is_roman_numeral, years};

use super::grid::{Cell, Grid};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// STT / mã / code.
    Code,
    /// Indicator name (chỉ tiêu).
    Name,
    /// Unit (đơn vị tính).
    Unit,
    /// Direction (chiều: tăng / giảm / khoảng).
    Direction,
    /// Period (năm / year) in a long layout.
    Period,
    /// Baseline value, with its year when the header gives one.
    Baseline(Option<Period>),
    /// The year of the baseline.
    BaselineYear,
    /// Target, for a year when the header gives one.
    Target(Option<Period>),
    /// Actual result, for a year when the header gives one; `estimate` for "ước thực hiện".
    Actual {
        /// The year, if the header gives one.
        period: Option<Period>,
        /// Whether the column holds estimates.
        estimate: bool,
    },
    /// The file's own assessment (đánh giá).
    Assessment,
    /// Notes (ghi chú).
    Note,
    /// Source of the figures (nguồn).
    Source,
    /// Strategy code.
    Strategy,
    /// Strategy name.
    StrategyName,
    /// Goal (mục tiêu), as "MT1. Name" or "I. Name".
    Goal,
    /// A ratio the file computed (tỷ lệ TH/KH); recomputed, not read.
    Computed,
    /// A disaggregation column: place (tỉnh, huyện, xã), sex (giới tính), age group …; rows
    /// with a value there are a breakdown of the indicator, rows with none (or "Tổng") its total.
    Dimension,
}

impl Role {
    /// The role's English name, for messages and the import dialog.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Code => "code".into(),
            Self::Name => "indicator".into(),
            Self::Unit => "unit".into(),
            Self::Direction => "direction".into(),
            Self::Period => "period".into(),
            Self::Baseline(year) => with_year("baseline", year),
            Self::BaselineYear => "baseline year".into(),
            Self::Target(year) => with_year("target", year),
            Self::Actual { period, estimate } => with_year(
                if estimate {
                    "actual (estimate)"
                } else {
                    "actual"
                },
                period,
            ),
            Self::Assessment => "assessment".into(),
            Self::Note => "note".into(),
            Self::Source => "source".into(),
            Self::Strategy => "strategy".into(),
            Self::StrategyName => "strategy name".into(),
            Self::Goal => "goal".into(),
            Self::Computed => "computed ratio (ignored)".into(),
            Self::Dimension => "breakdown (place, sex …)".into(),
        }
    }

    /// The role's name in Vietnamese, as the import dialog and the reader's decisions give it:
    /// "mã (STT)", "kế hoạch 2020", "ước thực hiện".
    #[must_use]
    pub fn label_vi(self) -> String {
        match self {
            Self::Code => "mã (STT)".into(),
            Self::Name => "chỉ tiêu".into(),
            Self::Unit => "đơn vị tính".into(),
            Self::Direction => "chiều (tăng, giảm, khoảng)".into(),
            Self::Period => "năm (kỳ)".into(),
            Self::Baseline(year) => with_year("giá trị cơ sở", year),
            Self::BaselineYear => "năm cơ sở".into(),
            Self::Target(year) => with_year("kế hoạch", year),
            Self::Actual { period, estimate } => with_year(
                if estimate {
                    "ước thực hiện"
                } else {
                    "thực hiện"
                },
                period,
            ),
            Self::Assessment => "đánh giá".into(),
            Self::Note => "ghi chú".into(),
            Self::Source => "nguồn".into(),
            Self::Strategy => "mã chiến lược".into(),
            Self::StrategyName => "tên chiến lược".into(),
            Self::Goal => "mục tiêu".into(),
            Self::Computed => "tỷ lệ đã tính (không đọc)".into(),
            Self::Dimension => "phân tổ (địa bàn, giới tính …)".into(),
        }
    }
}

fn with_year(name: &str, year: Option<Period>) -> String {
    match year {
        Some(year) => format!("{name} {year}"),
        None => name.to_owned(),
    }
}

/// Recognises a header text. Matching is on the folded text (no diacritics, lower case), whole
/// words, so "Nguồn lực" (a goal's title) is not "Nguồn" (source). A header not recognised as
/// written is tried without its parenthesised parts ("Chỉ tiêu (nghìn tỷ đồng)" is the
/// indicator). A target or actual column for part of a year ("Thực hiện tháng 10 năm 2024",
/// "Thực hiện 6 tháng", "Quý I") is not a yearly value and gets no role.
#[must_use]
pub fn classify(header: &str) -> Option<Role> {
    // A number that holds no year ("57", "45.3", "1,5") names no column: its words are digits,
    // which no role's words are. The header search meets one in most cells of the rows it
    // tries, so it is answered here without folding.
    if header
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b'.' || byte == b',')
        && crate::text::last_year(header).is_none()
    {
        return None;
    }
    let role = classify_words(header).or_else(|| {
        let plain = without_parentheses(header);
        if plain == header.trim() {
            None
        } else {
            classify_words(&plain)
        }
    });
    match role {
        Some(Role::Target(_) | Role::Actual { .. }) if names_part_of_year(&fold(header)) => None,
        other => other,
    }
}

/// The text without its parts in parentheses or brackets: "Kế hoạch (tỷ đồng)" → "Kế hoạch".
#[must_use]
pub fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    clean(&out)
}

/// Whether a folded header names a month or a quarter: "thang 10", "6 thang dau nam", "quy i",
/// "q3", "month" ("12 thang", the whole year, does not count).
fn names_part_of_year(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let is_number =
        |word: &&str| word.chars().all(|c| c.is_ascii_digit()) || is_roman_numeral(word);
    words.iter().enumerate().any(|(at, word)| match *word {
        "thang" | "month" | "months" => at == 0 || words[at - 1] != "12",
        "quy" => words.get(at + 1).is_some_and(is_number),
        "quarter" | "quarterly" | "monthly" | "q1" | "q2" | "q3" | "q4" => true,
        _ => false,
    })
}

fn classify_words(header: &str) -> Option<Role> {
    let folded = fold(header);
    let found_years = years(&folded);
    let year = found_years.last().copied();
    let mut words: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '#' || c == '/'))
        .filter(|word| !word.is_empty() && years(word).is_empty())
        .map(str::to_owned)
        .collect();
    if year.is_some() {
        words.retain(|word| !matches!(word.as_str(), "nam" | "year" | "fy" | "giai" | "doan"));
    }
    let rest = words.join(" ");
    let r = rest.as_str();
    let is = |options: &[&str]| options.contains(&r);
    let starts = |options: &[&str]| {
        options
            .iter()
            .any(|option| r == *option || r.starts_with(&format!("{option} ")))
    };
    if r.is_empty() {
        return year.map(|period| Role::Actual {
            period: Some(period),
            estimate: false,
        });
    }
    if is(&[
        "stt",
        "tt",
        "so tt",
        "so thu tu",
        "ma",
        "ma so",
        "ma chi tieu",
        "code",
        "id",
        "no",
        "#",
        "indicator code",
        "indicator id",
        "ma ct",
        "item",
    ]) {
        return Some(Role::Code);
    }
    if is(&[
        "chi tieu",
        "ten chi tieu",
        "noi dung",
        "noi dung chi tieu",
        "cac chi tieu",
        "indicator",
        "indicator name",
        "indicators",
        "name",
        "ten",
        "ten chi so",
        "chi so",
    ]) {
        return Some(Role::Name);
    }
    if is(&[
        "don vi tinh",
        "dvt",
        "don vi",
        "unit",
        "units",
        "unit of measure",
        "measure",
    ]) {
        return Some(Role::Unit);
    }
    if is(&[
        "tinh",
        "tinh/thanh pho",
        "tinh thanh",
        "huyen",
        "quan/huyen",
        "huyen/thi xa",
        "xa",
        "xa/phuong",
        "phuong/xa",
        "xa/phuong/thi tran",
        "dia ban",
        "dia phuong",
        "don vi hanh chinh",
        "khu vuc",
        "vung",
        "gioi tinh",
        "gioi",
        "nhom tuoi",
        "do tuoi",
        "dan toc",
        "thanh thi/nong thon",
        "place",
        "location",
        "province",
        "district",
        "commune",
        "ward",
        "region",
        "area",
        "sex",
        "gender",
        "age group",
        "age",
        "ethnicity",
        "urban/rural",
    ]) {
        return Some(Role::Dimension);
    }
    if is(&["chieu", "direction", "xu huong", "huong", "polarity"]) {
        return Some(Role::Direction);
    }
    if is(&[
        "baseline year",
        "nam co so",
        "nam goc",
        "year of baseline",
        "base year",
    ]) && year.is_none()
    {
        return Some(Role::BaselineYear);
    }
    if starts(&["co so", "baseline", "gia tri co so", "so lieu co so", "goc"]) {
        return Some(Role::Baseline(year));
    }
    if is(&[
        "nam",
        "year",
        "period",
        "ky",
        "ky bao cao",
        "time",
        "thoi gian",
        "moc",
    ]) {
        return Some(Role::Period);
    }
    if is(&[
        "danh gia",
        "assessment",
        "ket qua danh gia",
        "tinh trang",
        "status",
        "muc do dat",
        "muc do hoan thanh",
        "xep loai",
        "rating",
    ]) {
        return Some(Role::Assessment);
    }
    if is(&[
        "ghi chu", "note", "notes", "remarks", "remark", "comment", "comments",
    ]) {
        return Some(Role::Note);
    }
    if is(&[
        "nguon",
        "nguon so lieu",
        "nguon du lieu",
        "source",
        "data source",
        "sources",
        "nguon thong tin",
    ]) {
        return Some(Role::Source);
    }
    if is(&[
        "strategy",
        "chien luoc",
        "de an",
        "chuong trinh",
        "ma chien luoc",
        "strategy code",
        "programme",
        "program",
        "ma de an",
    ]) {
        return Some(Role::Strategy);
    }
    if is(&[
        "strategy name",
        "ten chien luoc",
        "ten de an",
        "programme name",
        "program name",
        "ten chuong trinh",
    ]) {
        return Some(Role::StrategyName);
    }
    if is(&[
        "muc tieu",
        "goal",
        "goals",
        "nhom",
        "nhom chi tieu",
        "linh vuc",
        "group",
        "objective",
        "muc tieu cu the",
    ]) {
        return Some(Role::Goal);
    }
    if starts(&[
        "ty le",
        "% dat",
        "% ke hoach",
        "% kh",
        "achievement",
        "% of target",
        "% of plan",
        "th/kh",
        "% th/kh",
        "so sanh",
    ]) {
        return Some(Role::Computed);
    }
    if starts(&[
        "uoc thuc hien",
        "uoc th",
        "uth",
        "estimate",
        "estimated",
        "uoc",
    ]) {
        return Some(Role::Actual {
            period: year,
            estimate: true,
        });
    }
    if starts(&[
        "kh",
        "ke hoach",
        "target",
        "targets",
        "plan",
        "planned",
        "chi tieu ke hoach",
        "muc tieu ke hoach",
        "chi tieu giao",
    ]) {
        return Some(Role::Target(year));
    }
    if starts(&[
        "th",
        "thuc hien",
        "actual",
        "actuals",
        "ket qua",
        "ket qua thuc hien",
        "achieved",
        "so lieu thuc hien",
        "value",
        "gia tri",
    ]) {
        return Some(Role::Actual {
            period: year,
            estimate: false,
        });
    }
    None
}

/// The header found in a grid.
#[derive(Clone, Debug)]
pub struct Header {
    /// Grid index of the first header row.
    pub first_row: usize,
    /// Number of header rows (1 to 4).
    pub rows: usize,
    /// The combined header text of each column.
    pub texts: Vec<String>,
    /// The role of each column, if recognised.
    pub roles: Vec<Option<Role>>,
}

impl Header {
    /// The first column with a role.
    #[must_use]
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles
            .iter()
            .position(|candidate| *candidate == Some(role))
    }

    fn score(roles: &[Option<Role>]) -> usize {
        let mut seen: Vec<Role> = Vec::new();
        for role in roles.iter().flatten() {
            if !seen.contains(role) {
                seen.push(*role);
            }
        }
        let has = |test: fn(&Role) -> bool| seen.iter().any(test);
        let identifies = has(|role| matches!(role, Role::Name | Role::Code));
        let measures = has(|role| matches!(role, Role::Target(_) | Role::Actual { .. }));
        if identifies && measures {
            seen.len()
        } else {
            0
        }
    }
}

/// How many rows from the top are searched for a header.
pub const HEADER_SEARCH_ROWS: usize = 40;

/// Finds the header: the row (with up to three rows below it that continue it) whose cells
/// name the most roles, among the first [`HEADER_SEARCH_ROWS`] rows. `forced_row` is a grid
/// index chosen by the user.
#[must_use]
pub fn find_header(grid: &Grid, forced_row: Option<usize>) -> Option<Header> {
    let candidates: Vec<usize> = match forced_row {
        Some(row) => vec![row],
        None => (0..grid.rows.len().min(HEADER_SEARCH_ROWS)).collect(),
    };
    let mut best: Option<(usize, Header)> = None;
    for row in candidates {
        if grid.row_is_empty(row) {
            continue;
        }
        let mut rows = 1;
        while rows < 4 && is_continuation(grid, row + rows) {
            rows += 1;
        }
        let header = combine(grid, row, rows);
        let score = Header::score(&header.roles);
        if score >= 2
            && best
                .as_ref()
                .is_none_or(|(best_score, _)| score > *best_score)
        {
            best = Some((score, header));
        }
    }
    if forced_row.is_some() && best.is_none() {
        let row = forced_row?;
        return Some(combine(grid, row, 1));
    }
    best.map(|(_, header)| header)
}

/// Whether a row continues the header above it: every cell is a header word (or a year), and
/// at least one names a target, an actual result, a baseline or a period on its own.
fn is_continuation(grid: &Grid, row: usize) -> bool {
    let Some(cells) = grid.rows.get(row) else {
        return false;
    };
    let mut named = false;
    for cell in cells {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(text) => String::from(&**text),
            Cell::Number {
                value,
                percent: false,
            } if value.fract() == 0.0 && (1900.0..2200.0).contains(value) => {
                crate::parse::format_plain(*value)
            }
            _ => return false,
        };
        match classify(&text) {
            Some(Role::Target(_) | Role::Actual { .. } | Role::Baseline(_) | Role::Period) => {
                named = true;
            }
            Some(_) => {}
            None => return false,
        }
    }
    named
}

/// Combines `rows` header rows from `first`: merged regions and spanning titles (a cell with
/// empty neighbours to its right above filled cells) are spread over the columns they cover.
fn combine(grid: &Grid, first: usize, rows: usize) -> Header {
    let width = grid.width();
    let mut parts: Vec<Vec<String>> = vec![Vec::new(); width];
    for row in first..first + rows {
        let mut spanning: Option<String> = None;
        for (column, part) in parts.iter_mut().enumerate() {
            let mut text = grid.cell(row, column).as_text();
            if text.is_empty() {
                text = merged_text(grid, row, column).unwrap_or_default();
            }
            let below_filled =
                (row + 1..first + rows).any(|below| !grid.cell(below, column).is_empty());
            if text.is_empty() && below_filled {
                if let Some(span) = &spanning {
                    text.clone_from(span);
                }
            } else if !text.is_empty() {
                spanning = Some(text.clone());
            } else {
                spanning = None;
            }
            let text = clean(&text);
            if !text.is_empty() && part.last() != Some(&text) {
                part.push(text);
            }
        }
    }
    let texts: Vec<String> = parts.iter().map(|part| part.join(" ")).collect();
    let roles = texts.iter().map(|text| classify(text)).collect();
    Header {
        first_row: first,
        rows,
        texts,
        roles,
    }
}

/// The text of the merged region covering (row, column), taken from its top-left cell.
fn merged_text(grid: &Grid, row: usize, column: usize) -> Option<String> {
    grid.merges
        .iter()
        .find(|(top, left, bottom, right)| {
            (*top..=*bottom).contains(&row) && (*left..=*right).contains(&column)
        })
        .map(|(top, left, _, _)| grid.cell(*top, *left).as_text())
        .filter(|text| !text.is_empty())
}

/// Names and spans found around the table, used when the table itself does not name its
/// strategy.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Strategy code made from the file name ("bvcste-2016-2020.xlsx" → "BVCSTE",
    /// "binh-dang-gioi-2011-2020.csv" → "BDG").
    pub code: String,
    /// The file name without its extension.
    pub stem: String,
    /// Years in the file name.
    pub span: Option<(Period, Period)>,
    /// Overrides chosen by the user.
    pub number_format: Option<NumberFormat>,
    /// The format to assume when the cells do not decide (from the delimiter or language).
    pub fallback_format: Option<NumberFormat>,
    /// Column roles chosen by the user in the import dialog, by column (grid index); they
    /// replace the detected ones. Columns past the end keep no role.
    pub roles: Option<Vec<Option<Role>>>,
}

impl Context {
    /// The context of a file name.
    #[must_use]
    pub fn for_file(file: &str) -> Self {
        let stem = file
            .rsplit_once('.')
            .map_or(file, |(stem, _)| stem)
            .to_owned();
        let found = years(&stem);
        let span = span_of(&found);
        let words: Vec<String> = stem
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty() && years(word).is_empty())
            .map(fold)
            .collect();
        let code = match words.as_slice() {
            [] => "S".to_owned(),
            [one] => one.to_uppercase(),
            many => many
                .iter()
                .filter_map(|word| word.chars().next())
                .collect::<String>()
                .to_uppercase(),
        };
        Self {
            code,
            stem,
            span,
            ..Self::default()
        }
    }
}

fn span_of(found: &[Period]) -> Option<(Period, Period)> {
    match found {
        [] => None,
        [one] => Some((*one, *one)),
        many => {
            let from = many.iter().min().copied()?;
            let to = many.iter().max().copied()?;
            Some((from, to))
        }
    }
}

/// What reading one table gave.
#[derive(Clone, Debug, Default)]
pub struct TableRead {
    /// Strategies, in order of first appearance.
    pub strategies: Vec<Strategy>,
    /// Cells that could not be read, with their position.
    pub warnings: Vec<Warning>,
    /// What was decided: header row, layout, number format, rows skipped.
    pub decisions: Vec<Sentence>,
    /// The number format used.
    pub number_format: NumberFormat,
    /// The header's (first) row in the file, 1-based.
    pub header_row: u32,
    /// (strategy, indicator) indices whose direction a direction column gave.
    explicit_directions: Vec<(usize, usize)>,
}

/// Why a grid holds no indicator table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoTable {
    /// Rows searched.
    pub searched: usize,
    /// A header that names a target or actual result for part of a year ("Thực hiện tháng 10
    /// năm 2024"), which is not read as a yearly value, if one was seen.
    pub part_of_year: Option<String>,
}

/// The first header-like text among the rows searched that names a target or an actual result
/// for a month or a quarter.
fn part_of_year_header(grid: &Grid) -> Option<String> {
    grid.rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .flatten()
        .find_map(|cell| match cell {
            Cell::Text(text)
                if matches!(
                    classify_words(text),
                    Some(Role::Target(_) | Role::Actual { .. })
                ) && names_part_of_year(&fold(text)) =>
            {
                Some(clean(text))
            }
            _ => None,
        })
}

/// Reads the indicator table of a grid.
pub fn read_table(
    grid: &Grid,
    context: &Context,
    forced_header_row: Option<usize>,
) -> Result<TableRead, NoTable> {
    Ok(start(grid, context, forced_header_row, usize::MAX)?.finish())
}

/// Rows read at a time by [`read_table_owned`] before their cells are let go.
const OWNED_BLOCK_ROWS: usize = 256;

/// Reads the indicator table of a grid it takes, as [`read_table`] does (the header, title and
/// number format are decided on the whole grid, so the result is the same), but lets go of
/// each block of rows' cells once they are read: a large sheet's cells and the indicators read
/// from them are not held at once.
pub fn read_table_owned(
    mut grid: Grid,
    context: &Context,
    forced_header_row: Option<usize>,
) -> Result<TableRead, NoTable> {
    let mut started = start(&grid, context, forced_header_row, OWNED_BLOCK_ROWS)?;
    let mut next = started.next_row;
    let mut freed = 0;
    while next < grid.rows.len() {
        for cells in &mut grid.rows[freed..next] {
            *cells = Vec::new();
        }
        freed = next;
        let end = next.saturating_add(OWNED_BLOCK_ROWS).min(grid.rows.len());
        started.more_rows(&grid, context, next..end);
        next = end;
    }
    drop(grid);
    Ok(started.finish())
}

/// Reads the indicator table of a grid that holds only the first rows of a long table: after
/// those, `refill` is called with the grid to replace its rows (and their line numbers) by the
/// next ones (no header), until it returns false. The header, title and number format are decided on the first
/// rows; the rows of all chunks are read as one table. Memory stays that of one chunk of
/// cells besides what is read.
pub fn read_table_in_chunks(
    grid: &mut Grid,
    context: &Context,
    forced_header_row: Option<usize>,
    mut refill: impl FnMut(&mut Grid) -> bool,
) -> Result<TableRead, NoTable> {
    let mut started = start(grid, context, forced_header_row, usize::MAX)?;
    while refill(grid) {
        started.more(grid, context);
    }
    Ok(started.finish())
}

/// [`read_table_in_chunks`] for a sheet whose number format is decided on all its rows, read a
/// chunk at a time ([`super::workbook::stream_xlsx`]): the format is decided on the first
/// chunk, and the later chunks' cells are counted too. `Ok(None)` when all the cells decide
/// another format than the first chunk's: the table is then to be read whole.
///
/// # Errors
/// [`NoTable`] when the first chunk has no header.
pub fn read_table_streamed(
    grid: &mut Grid,
    context: &Context,
    mut refill: impl FnMut(&mut Grid) -> bool,
) -> Result<Option<TableRead>, NoTable> {
    let mut started = start(grid, context, None, usize::MAX)?;
    while refill(grid) {
        let vote = format_vote(grid, &started.header, 0..grid.rows.len(), context);
        started.vote.add_counts(vote);
        started.more(grid, context);
    }
    let whole = decided_format(started.vote, &started.header, context);
    Ok((whole == started.format).then(|| started.finish()))
}

/// Finds the header and reads up to `rows` rows of `grid` below it
/// ([`Started::next_row`] is the first row not read).
fn start(
    grid: &Grid,
    context: &Context,
    forced_header_row: Option<usize>,
    rows: usize,
) -> Result<Started, NoTable> {
    let mut header = find_header(grid, forced_header_row).ok_or_else(|| NoTable {
        searched: grid.rows.len().min(HEADER_SEARCH_ROWS),
        part_of_year: part_of_year_header(grid),
    })?;
    if let Some(roles) = &context.roles {
        header.roles = (0..header.texts.len().max(roles.len()))
            .map(|column| roles.get(column).copied().flatten())
            .collect();
        header.texts.resize(header.roles.len(), String::new());
    }
    let mut read = TableRead::default();
    let header_at = grid.at(header.first_row, None);
    read.header_row = header_at.row;
    let columns = |vietnamese: bool| {
        header
            .texts
            .iter()
            .zip(&header.roles)
            .filter(|(text, _)| !text.is_empty())
            .map(|(text, role)| match (role, vietnamese) {
                (Some(role), false) => format!("\"{text}\" = {}", role.label()),
                (Some(role), true) => format!("\"{text}\" = {}", role.label_vi()),
                (None, false) => format!("\"{text}\" not used"),
                (None, true) => format!("\"{text}\" không dùng"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (more, more_vi) = if header.rows > 1 {
        (
            format!(" (and {} more)", header.rows - 1),
            format!(" (và {} dòng nữa)", header.rows - 1),
        )
    } else {
        (String::new(), String::new())
    };
    read.decisions.push(Sentence::new(
        format!("header on row {}{more}: {}", header_at.row, columns(false)),
        format!(
            "tiêu đề ở dòng {}{more_vi}: {}",
            header_at.row,
            columns(true)
        ),
    ));
    let data_start = header.first_row + header.rows;
    let (format, vote) = decide_format(grid, &header, data_start, context);
    read.number_format = format;
    read.decisions.push(Sentence::new(
        format!("numbers: {}", format.describe()),
        format!("số: {}", format.describe_vi()),
    ));
    let title = title_of(grid, header.first_row);
    let title_span = title.as_ref().and_then(|(_, span)| *span);
    let undated_columns = header.roles.iter().any(|role| {
        matches!(
            role,
            Some(Role::Target(None) | Role::Actual { period: None, .. })
        )
    });
    if undated_columns
        && header.column(Role::Period).is_none()
        && title_span.is_none()
        && context.span.is_none()
    {
        read.decisions.push(Sentence::new(
            format!(
                "no year in the header, the title or the file name: targets and actual results are read as undated (period {UNDATED})"
            ),
            format!(
                "tiêu đề, tên bảng và tên tệp không nêu năm: kế hoạch và thực hiện được đọc là không có năm (kỳ {UNDATED})"
            ),
        ));
    }
    let mut state = RowState {
        title_name: title.map(|(name, _)| name),
        dimension_columns: header
            .roles
            .iter()
            .enumerate()
            .filter(|(_, role)| **role == Some(Role::Dimension))
            .map(|(column, _)| column)
            .collect(),
        role_columns: SLOT_ROLES.map(|role| header.column(role)),
        ..RowState::default()
    };
    let mut reader = RowReader {
        grid,
        header: &header,
        context,
        format,
        title_span,
        read: &mut read,
        state: &mut state,
    };
    let next_row = data_start.saturating_add(rows).min(grid.rows.len());
    for row in data_start..next_row {
        if row < data_start + 2 && is_column_numbering(grid, row) {
            let line = grid.at(row, None).row;
            reader.read.decisions.push(Sentence::new(
                format!(
                    "row {line}: column numbers (A, B, 1, 2 …) under the header, not an indicator"
                ),
                format!(
                    "dòng {line}: số thứ tự cột (A, B, 1, 2 …) dưới tiêu đề, không phải chỉ tiêu"
                ),
            ));
            continue;
        }
        reader.row(row);
    }
    Ok(Started {
        read,
        header,
        format,
        vote,
        title_span,
        state,
        next_row: next_row.max(data_start),
    })
}

/// A table whose header and first rows are read, ready for more rows.
struct Started {
    read: TableRead,
    header: Header,
    format: NumberFormat,
    /// The number format evidence of the rows the format was decided on.
    vote: FormatVote,
    title_span: Option<(Period, Period)>,
    state: RowState,
    /// The first row of the grid given to [`start`] that was not read.
    next_row: usize,
}

impl Started {
    /// Reads every row of `grid` (a later chunk of the same table, with no header).
    fn more(&mut self, grid: &Grid, context: &Context) {
        self.more_rows(grid, context, 0..grid.rows.len());
    }

    /// Reads `rows` of `grid`, rows of the same table below those read before.
    fn more_rows(&mut self, grid: &Grid, context: &Context, rows: std::ops::Range<usize>) {
        let mut reader = RowReader {
            grid,
            header: &self.header,
            context,
            format: self.format,
            title_span: self.title_span,
            read: &mut self.read,
            state: &mut self.state,
        };
        for row in rows {
            reader.row(row);
        }
    }

    /// Directions inferred, totals of breakdowns added, spans set.
    fn finish(mut self) -> TableRead {
        let mut read = self.read;
        let explicit = std::mem::take(&mut read.explicit_directions);
        for (index, strategy) in read.strategies.iter_mut().enumerate() {
            finish(
                strategy,
                |indicator| explicit.contains(&(index, indicator)),
                &mut read.decisions,
            );
        }
        self.state = RowState::default();
        read
    }
}

/// The one year the header's target and actual columns name, if they name exactly one ("Năm
/// 2023 Kế hoạch" | "Năm 2023 Thực hiện"): the period of the row's other values (assessment).
fn header_year(header: &Header) -> Option<Period> {
    let mut years = header.roles.iter().flatten().filter_map(|role| match role {
        Role::Target(Some(year))
        | Role::Actual {
            period: Some(year), ..
        } => Some(*year),
        _ => None,
    });
    let first = years.next()?;
    years.all(|year| year == first).then_some(first)
}

/// Whether a row numbers the columns, as Vietnamese report templates do under the header
/// ("A | B | C | 1 | 2 | 3" or "(1) | (2) | (3)"): at least three cells, each a single letter or a
/// number (bare or in parentheses), the numbers rising one by one.
fn is_column_numbering(grid: &Grid, row: usize) -> bool {
    let Some(cells) = grid.rows.get(row) else {
        return false;
    };
    let mut count = 0;
    let mut last_number: Option<u32> = None;
    for cell in cells {
        let text = match cell {
            Cell::Empty => continue,
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number {
                value,
                percent: false,
            } if value.fract() == 0.0 && *value >= 0.0 => crate::parse::format_plain(*value),
            _ => return false,
        };
        count += 1;
        let inner = text.trim_start_matches('(').trim_end_matches(')');
        if let Ok(number) = inner.parse::<u32>() {
            if last_number.is_some_and(|last| number != last + 1) {
                return false;
            }
            last_number = Some(number);
        } else if !(inner.chars().count() == 1 && inner.chars().all(char::is_alphabetic)) {
            return false;
        }
    }
    count >= 3 && last_number.is_some()
}

/// The period of values whose column, title and file name give no year (a table of plans and
/// results for one unnamed period).
pub const UNDATED: Period = 0;

/// Decides the number format from the value columns' text cells, or the context.
fn decide_format(
    grid: &Grid,
    header: &Header,
    data_start: usize,
    context: &Context,
) -> (NumberFormat, FormatVote) {
    let vote = format_vote(grid, header, data_start..grid.rows.len(), context);
    (decided_format(vote, header, context), vote)
}

/// The number format evidence of `rows`: the text cells of the value columns (none when the
/// user chose the format).
fn format_vote(
    grid: &Grid,
    header: &Header,
    rows: std::ops::Range<usize>,
    context: &Context,
) -> FormatVote {
    let mut vote = FormatVote::default();
    if context.number_format.is_some() {
        return vote;
    }
    for (column, role) in header.roles.iter().enumerate() {
        if !matches!(
            role,
            Some(Role::Target(_) | Role::Actual { .. } | Role::Baseline(_) | Role::Computed)
        ) {
            continue;
        }
        for row in rows.clone() {
            if let Cell::Text(text) = grid.cell(row, column) {
                vote.add(text);
            }
        }
    }
    vote
}

/// The number format: the user's, else the one the cells' `vote` decides, else the file's
/// (a `;`-delimited text file's decimal comma), else a decimal comma for a Vietnamese header.
fn decided_format(vote: FormatVote, header: &Header, context: &Context) -> NumberFormat {
    if let Some(format) = context.number_format {
        return format;
    }
    if let Some(format) = vote.decided() {
        return format;
    }
    if let Some(format) = context.fallback_format {
        return format;
    }
    let vietnamese = header
        .texts
        .iter()
        .any(|text| fold(text) != text.to_lowercase());
    if vietnamese {
        NumberFormat::DecimalComma
    } else {
        NumberFormat::DecimalPoint
    }
}

/// The strategy's name and span from the title rows above the header: the text naming a
/// programme (đề án, chiến lược, chương trình, strategy …), its quoted part if any.
fn title_of(grid: &Grid, header_row: usize) -> Option<(String, Option<(Period, Period)>)> {
    let mut best: Option<String> = None;
    for row in 0..header_row {
        for cell in grid.rows.get(row).into_iter().flatten() {
            let Cell::Text(text) = cell else { continue };
            let folded = fold(text);
            let names_programme = [
                "de an",
                "chien luoc",
                "chuong trinh",
                "ke hoach hanh dong",
                "strategy",
                "programme",
                "program",
                "plan of action",
                "du an",
            ]
            .iter()
            .any(|word| folded.contains(word));
            if names_programme && best.as_ref().is_none_or(|b| b.len() < text.len()) {
                best = Some(clean(text));
            }
        }
    }
    let title = best?;
    let name = match (title.find(['"', '“']), title.rfind(['"', '”'])) {
        (Some(open), Some(close)) if close > open + 1 => {
            let inner = &title[open + 1..close];
            let inner = inner.trim_start_matches('“').trim();
            let before = fold(&title[..open]);
            let kind = if before.contains("de an") {
                "Đề án "
            } else if before.contains("chien luoc") {
                "Chiến lược "
            } else if before.contains("chuong trinh") {
                "Chương trình "
            } else {
                ""
            };
            let inner = crate::text::sentence_case(inner);
            if kind.is_empty() {
                inner
            } else {
                let mut chars = inner.chars();
                let lowered: String = chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                format!("{kind}“{lowered}”")
            }
        }
        _ => crate::text::sentence_case(&title),
    };
    let span = span_of(&years(&title));
    Some((name, span))
}

/// Reads data rows one at a time, from one grid (a whole sheet, or a chunk of a long text
/// file); what it learns from the rows is kept in a [`RowState`] that outlives the grid.
struct RowReader<'a> {
    grid: &'a Grid,
    header: &'a Header,
    context: &'a Context,
    format: NumberFormat,
    title_span: Option<(Period, Period)>,
    read: &'a mut TableRead,
    state: &'a mut RowState,
}

/// What reading rows has learnt so far: the current goal, and indexes of what was read.
#[derive(Default)]
struct RowState {
    title_name: Option<String>,
    current_goal: Option<String>,
    /// (strategy, indicator, interned key values) → position in the indicator's breakdown.
    breakdown_index: FxHashMap<BreakdownKey, usize>,
    /// Breakdown key values ("Xã số 001", "Nữ") → their number in `key_values`.
    key_ids: FxHashMap<String, u32>,
    /// Breakdown key values by number, and whether each means a total ("Tổng", "Toàn tỉnh").
    key_values: Vec<(String, bool)>,
    /// The interned keys of the row being read.
    key_scratch: KeyIds,
    /// Per strategy (by position): indicator position by code, and by name for rows without one.
    indicator_codes: Vec<FxHashMap<String, usize>>,
    indicator_names: Vec<FxHashMap<String, usize>>,
    /// The strategy of every row when the table has no strategy columns, once created.
    only_strategy: Option<usize>,
    /// Columns with the dimension role, in order.
    dimension_columns: Vec<usize>,
    /// A row's targets, actual results and unread cells before they are stored (kept to avoid
    /// allocations per row).
    targets: Vec<(Period, Target)>,
    actuals: Vec<(Period, Actual)>,
    unread: Vec<(Period, String, bool)>,
    /// The first column of each role without a year ([`role_slot`]).
    role_columns: [Option<usize>; ROLE_SLOTS],
    /// The code and name cells of the last row read as an indicator with values.
    last_indicator_cells: Option<(smol_str::SmolStr, smol_str::SmolStr)>,
    /// By column, the last text cell found clean: the cells of a long table that repeat a name
    /// share it, and are not looked at again.
    clean_cells: std::cell::RefCell<Vec<Option<smol_str::SmolStr>>>,
}

/// Roles without a year, which a row reads one column of.
const SLOT_ROLES: [Role; 13] = [
    Role::Code,
    Role::Name,
    Role::Unit,
    Role::Direction,
    Role::Period,
    Role::BaselineYear,
    Role::Assessment,
    Role::Note,
    Role::Source,
    Role::Strategy,
    Role::StrategyName,
    Role::Goal,
    Role::Dimension,
];
const ROLE_SLOTS: usize = SLOT_ROLES.len();

/// The place of a role in [`SLOT_ROLES`] (a `match`: asked several times for every row).
fn role_slot(role: Role) -> Option<usize> {
    Some(match role {
        Role::Code => 0,
        Role::Name => 1,
        Role::Unit => 2,
        Role::Direction => 3,
        Role::Period => 4,
        Role::BaselineYear => 5,
        Role::Assessment => 6,
        Role::Note => 7,
        Role::Source => 8,
        Role::Strategy => 9,
        Role::StrategyName => 10,
        Role::Goal => 11,
        Role::Dimension => 12,
        Role::Baseline(_) | Role::Target(_) | Role::Actual { .. } | Role::Computed => return None,
    })
}

/// A breakdown part of an indicator: (strategy, indicator, interned key values).
type BreakdownKey = (usize, usize, KeyIds);

/// A row's interned breakdown key values, one per dimension column: inline up to four columns
/// (place, sex, age group …), so that a long table's tens of thousands of parts are indexed
/// without an allocation each.
type KeyIds = smallvec::SmallVec<[u32; 4]>;

/// Folded words that make a breakdown value a total rather than a part.
const TOTAL_KEYS: &[&str] = &[
    "tong",
    "tong so",
    "tong cong",
    "toan tinh",
    "toan huyen",
    "toan xa",
    "chung",
    "ca nuoc",
    "total",
    "all",
    "both",
    "both sexes",
    "all ages",
];

/// Folded words that open a totals row's name.
const TOTAL_ROW_WORDS: &[&str] = &["tong", "cong", "total", "sum", "tong so", "tong cong"];

/// How much of a row's name and code is folded to look for the words that open them
/// ([`TOTAL_ROW_WORDS`], [`BUDGET_WORDS`], "trong đó"): more than the longest word, so that
/// what follows it is seen too.
const KEYWORD_OPENING: usize = 16;

/// Words that open a budget line's name.
const BUDGET_WORDS: &[&str] = &[
    "kinh phi",
    "ngan sach",
    "tong kinh phi",
    "nguon von",
    "budget",
    "funding",
    "expenditure",
    "spending",
];

impl<'a> RowReader<'a> {
    /// The cleaned text of the row's first column with `role`; borrowed from the grid when the
    /// cell is already clean text.
    fn text(&self, row: usize, role: Role) -> Cow<'a, str> {
        self.column(role)
            .map_or(Cow::Borrowed(""), |column| self.cell_text(row, column))
    }

    /// The header's first column with `role` ([`Header::column`], remembered for the roles
    /// every row reads).
    fn column(&self, role: Role) -> Option<usize> {
        match role_slot(role) {
            Some(slot) => self.state.role_columns[slot],
            None => self.header.column(role),
        }
    }

    fn cell_text(&self, row: usize, column: usize) -> Cow<'a, str> {
        let grid: &'a Grid = self.grid;
        match grid.cell(row, column) {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => {
                let mut known = self.state.clean_cells.borrow_mut();
                if known.len() <= column {
                    known.resize(column + 1, None);
                }
                if known[column].as_ref().is_some_and(|clean| clean == text) {
                    return Cow::Borrowed(text);
                }
                let cleaned = clean_nfc_cow(text);
                if matches!(cleaned, Cow::Borrowed(_)) {
                    known[column] = Some(text.clone());
                }
                cleaned
            }
            other => {
                // A number's or a date's text is clean already, as a rule.
                let text = other.as_text();
                Cow::Owned(if matches!(clean_cow(&text), Cow::Borrowed(_)) {
                    text
                } else {
                    clean(&text)
                })
            }
        }
    }

    fn warn(&mut self, at: CellRef, message: Sentence) {
        self.read.warnings.push(Warning { at, message });
    }

    fn row(&mut self, row: usize) {
        if self.grid.row_is_empty(row) {
            return;
        }
        let row_number = self.grid.row_numbers.get(row).copied().unwrap_or(0);
        let code = self.text(row, Role::Code);
        let name = self.text(row, Role::Name);
        let has_values = self.header.roles.iter().enumerate().any(|(column, role)| {
            matches!(role, Some(Role::Target(_) | Role::Actual { .. }))
                && !self.grid.cell(row, column).is_empty()
        });
        // A long table repeats an indicator's code and name on each of its rows (the same
        // shared cells): such a row is the indicator's again, as the row before was.
        let cells = self.code_and_name_cells(row);
        if has_values
            && let (Some((code_cell, name_cell)), Some((last_code, last_name))) =
                (cells, &self.state.last_indicator_cells)
            && code_cell == last_code
            && name_cell == last_name
        {
            self.indicator_row(row, &code, &name);
            return;
        }
        let folded_name = fold_opening(&name, KEYWORD_OPENING);
        if !has_values && (is_roman_numeral(&code) || is_goal_code(&code)) && !name.is_empty() {
            self.state.current_goal = Some(code.trim_end_matches('.').to_owned());
            let strategy = self.strategy_for(row);
            let goal_code = code.trim_end_matches('.').to_owned();
            if strategy.goal(&goal_code).is_none() {
                strategy.goals.push(Goal {
                    code: goal_code,
                    name: name.into_owned(),
                });
            }
            return;
        }
        let folded_code = fold_opening(&code, KEYWORD_OPENING);
        if ["trong do", "of which"]
            .iter()
            .any(|word| folded_name.starts_with(word) || folded_code.starts_with(word))
        {
            self.read.decisions.push(Sentence::new(
                format!("row {row_number}: \"Trong đó\" breakdown, not an indicator"),
                format!("dòng {row_number}: phần \"Trong đó\", không phải chỉ tiêu"),
            ));
            return;
        }
        if code.is_empty()
            && TOTAL_ROW_WORDS.iter().any(|word| {
                folded_name.strip_prefix(word).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(' ') || rest.starts_with(':')
                })
            })
        {
            self.read.decisions.push(Sentence::new(
                format!("row {row_number}: totals row \"{name}\", not an indicator"),
                format!("dòng {row_number}: dòng tổng \"{name}\", không phải chỉ tiêu"),
            ));
            return;
        }
        if name.is_empty() && code.is_empty() {
            self.read.decisions.push(Sentence::new(
                format!("row {row_number}: no code and no name, skipped"),
                format!("dòng {row_number}: không có mã và tên, bỏ qua"),
            ));
            return;
        }
        if !has_values && code.is_empty() {
            self.read.decisions.push(Sentence::new(
                format!("row {row_number}: note \"{name}\", not an indicator"),
                format!("dòng {row_number}: ghi chú \"{name}\", không phải chỉ tiêu"),
            ));
            return;
        }
        if !has_values && name.is_empty() && self.column(Role::Name).is_some() {
            // Text in the code column alone ("Ghi chú: số liệu sơ bộ" under the table).
            self.read.decisions.push(Sentence::new(
                format!("row {row_number}: note \"{code}\", not an indicator"),
                format!("dòng {row_number}: ghi chú \"{code}\", không phải chỉ tiêu"),
            ));
            return;
        }
        if BUDGET_WORDS
            .iter()
            .any(|word| folded_name.starts_with(word))
        {
            self.budget_row(row, name.into_owned());
            return;
        }
        if has_values {
            self.state.last_indicator_cells =
                cells.map(|(code, name)| (code.clone(), name.clone()));
        }
        self.indicator_row(row, &code, &name);
    }

    /// The text cells of the row's code and name, when both are text (borrowed: a long
    /// table's row compares them with the last indicator's without copying them).
    fn code_and_name_cells(
        &self,
        row: usize,
    ) -> Option<(&'a smol_str::SmolStr, &'a smol_str::SmolStr)> {
        let grid: &'a Grid = self.grid;
        let text = |role| match grid.cell(row, self.column(role)?) {
            Cell::Text(text) => Some(text),
            _ => None,
        };
        Some((text(Role::Code)?, text(Role::Name)?))
    }

    /// The position of the row's indicator if an earlier row already read it (a long table
    /// repeats its name, unit and direction on every row; they are read from the first). An
    /// indicator is known by its code, or by its name when the row has no code.
    fn indicator_at(&self, strategy: Option<usize>, code: &str, name: &str) -> Option<usize> {
        let strategy = strategy?;
        let index = if code.is_empty() {
            self.state.indicator_names.get(strategy)?.get(name)
        } else {
            self.state.indicator_codes.get(strategy)?.get(code)
        };
        index.copied()
    }

    /// The position of the strategy a row belongs to, if it exists yet.
    fn row_strategy(&self, row: usize) -> Option<usize> {
        if self.state.only_strategy.is_some() {
            return self.state.only_strategy;
        }
        let code = self.text(row, Role::Strategy);
        let code = if code.is_empty() {
            let name = self.text(row, Role::StrategyName);
            if name.is_empty() {
                Cow::Borrowed(self.context.code.as_str())
            } else {
                name
            }
        } else {
            code
        };
        self.read
            .strategies
            .iter()
            .position(|strategy| strategy.code == code)
    }

    /// The strategy a row belongs to, created on first use.
    fn strategy_for(&mut self, row: usize) -> &mut Strategy {
        let at = self.strategy_index_for(row);
        &mut self.read.strategies[at]
    }

    /// The position of the strategy a row belongs to, created on first use.
    fn strategy_index_for(&mut self, row: usize) -> usize {
        if let Some(at) = self.state.only_strategy {
            return at;
        }
        let code = self.text(row, Role::Strategy).into_owned();
        let name = self.text(row, Role::StrategyName).into_owned();
        let no_columns =
            self.column(Role::Strategy).is_none() && self.column(Role::StrategyName).is_none();
        let (code, name, span) = if code.is_empty() && name.is_empty() {
            let name = self
                .state
                .title_name
                .clone()
                .unwrap_or_else(|| self.context.stem.clone());
            let span = self.title_span.or(self.context.span);
            (self.context.code.clone(), name, span)
        } else {
            let span = span_of(&years(&name));
            let code = if code.is_empty() { name.clone() } else { code };
            let name = if name.is_empty() { code.clone() } else { name };
            (code, name, span)
        };
        let found = self.read.strategies.iter().position(|s| s.code == code);
        let at = found.unwrap_or_else(|| {
            self.read.strategies.push(Strategy {
                code,
                name,
                span,
                source_file: self.grid.file.to_string(),
                ..Strategy::default()
            });
            self.state.indicator_codes.push(FxHashMap::default());
            self.state.indicator_names.push(FxHashMap::default());
            self.read.strategies.len() - 1
        });
        if no_columns {
            self.state.only_strategy = Some(at);
            if found.is_none()
                && self.column(Role::Period).is_none()
                && self.state.dimension_columns.is_empty()
            {
                // One row per indicator (a report or wide table): room for the rows left
                // with content, rather than a list grown by doubling (given back at the end
                // when some were not indicators).
                let rows_left = (row..self.grid.rows.len())
                    .filter(|row| !self.grid.row_is_empty(*row))
                    .count();
                self.read.strategies[at].indicators.reserve_exact(rows_left);
            }
        }
        at
    }

    fn budget_row(&mut self, row: usize, name: String) {
        let unit = self.text(row, Role::Unit);
        let mut line = BudgetLine {
            name,
            unit: unit.into_owned(),
            source: join_nonempty(&[
                self.text(row, Role::Source).into_owned(),
                self.text(row, Role::Note).into_owned(),
            ]),
            origin: Some(self.grid.at(row, None)),
            ..BudgetLine::default()
        };
        for (column, role) in self.header.roles.iter().enumerate() {
            let cell = self.grid.cell(row, column);
            if cell.is_empty() {
                continue;
            }
            let (amount, text) = match role {
                Some(Role::Target(_)) => (&mut line.planned, &mut line.planned_text),
                Some(Role::Actual { .. }) => (&mut line.actual, &mut line.actual_text),
                _ => continue,
            };
            *text = cell.as_text();
            *amount = self.number(cell);
            if amount.is_none() {
                let at = self.grid.at(row, Some(column));
                self.warn(
                    at,
                    Sentence::new(
                        format!(
                            "budget amount \"{}\" is not a number; kept as text",
                            cell.as_text()
                        ),
                        format!(
                            "số tiền kinh phí \"{}\" không phải là số; giữ nguyên dạng chữ",
                            cell.as_text()
                        ),
                    ),
                );
            }
        }
        self.strategy_for(row).budget.push(line);
    }

    fn number(&self, cell: &Cell) -> Option<f64> {
        match cell {
            Cell::Number { value, .. } => Some(*value),
            Cell::Text(text) => parse_number(text, self.format).map(|number| number.value),
            _ => None,
        }
    }

    fn indicator_row(&mut self, row: usize, code: &str, name: &str) {
        let known_at = self.indicator_at(self.row_strategy(row), code, name);
        let known = known_at.is_some();
        let goal = match self.text(row, Role::Goal) {
            _ if known => None,
            text if text.is_empty() => self.state.current_goal.clone(),
            text => Some(self.goal_from_text(row, &text)),
        };
        let unit = if known {
            Unit::default()
        } else {
            Unit::parse(&self.text(row, Role::Unit))
        };
        let direction_text = if known {
            Cow::Borrowed("")
        } else {
            self.text(row, Role::Direction)
        };
        let direction = Direction::parse(&direction_text);
        if direction.is_none() && !direction_text.is_empty() {
            let at = self.grid.at(row, self.column(Role::Direction));
            self.warn(
                at,
                Sentence::new(
                    format!(
                        "direction \"{direction_text}\" is not one of tăng/giảm/khoảng (increase/decrease/range); inferred from the target instead"
                    ),
                    format!(
                        "chiều \"{direction_text}\" không phải tăng/giảm/khoảng; suy ra từ kế hoạch"
                    ),
                ),
            );
        }
        let period_column = self.column(Role::Period);
        let row_period = period_column.and_then(|column| self.period_of(row, column));
        if period_column.is_some() && row_period.is_none() {
            let at = self.grid.at(row, period_column);
            let text = self.grid.cell(row, period_column.unwrap_or(0)).as_text();
            self.warn(
                at,
                Sentence::new(
                    format!("period \"{text}\" is not a year; row skipped"),
                    format!("kỳ \"{text}\" không phải là năm; bỏ qua dòng"),
                ),
            );
            return;
        }
        let default_period = row_period
            .or_else(|| header_year(self.header))
            .or_else(|| self.title_span.map(|(_, to)| to))
            .or_else(|| self.context.span.map(|(_, to)| to))
            .unwrap_or(UNDATED);
        let has_keys = self.breakdown_keys(row);
        let baseline = self.baseline(row);
        let source = self.text(row, Role::Source);
        let note = self.text(row, Role::Note);
        let assessment_text = self.text(row, Role::Assessment);
        let format = self.format;
        let grid = self.grid;
        let header = self.header;

        // Values first, so warnings can be attached before the strategy is borrowed.
        let mut targets = std::mem::take(&mut self.state.targets);
        let mut actuals = std::mem::take(&mut self.state.actuals);
        let mut unread = std::mem::take(&mut self.state.unread);
        for (column, role) in header.roles.iter().enumerate() {
            let cell = grid.cell(row, column);
            if cell.is_empty() {
                continue;
            }
            let at = || grid.at(row, Some(column));
            match role {
                Some(Role::Target(year)) => {
                    let period = year.unwrap_or(default_period);
                    if let Some(parsed) = target_of(cell, format) {
                        targets.push((
                            period,
                            Target {
                                value: parsed.value,
                                comparator: parsed.comparator,
                                text: cell.as_compact_text(),
                                origin: Some(at()),
                            },
                        ));
                    } else {
                        unread.push((period, cell.as_text(), true));
                        self.warn(at(), Sentence::new(
                            format!("target \"{}\" is not a number, a comparator (≥ 95, dưới 10, từ 25% trở lên) or a range (40-60); kept as text", cell.as_text()),
                            format!("kế hoạch \"{}\" không phải là số, điều kiện (≥ 95, dưới 10, từ 25% trở lên) hay khoảng (40-60); giữ nguyên dạng chữ", cell.as_text()),
                        ));
                    }
                }
                Some(Role::Actual { period, estimate }) => {
                    let period = period.unwrap_or(default_period);
                    if let Some(measure) = measure_of(cell, format) {
                        actuals.push((
                            period,
                            Actual {
                                measure,
                                estimate: *estimate,
                                text: cell.as_compact_text(),
                                origin: Some(at()),
                            },
                        ));
                    } else {
                        unread.push((period, cell.as_text(), false));
                        self.warn(at(), Sentence::new(
                            format!("actual result \"{}\" is not a number or a ratio (76/145); kept as text", cell.as_text()),
                            format!("kết quả thực hiện \"{}\" không phải là số hay tỷ số (76/145); giữ nguyên dạng chữ", cell.as_text()),
                        ));
                    }
                }
                _ => {}
            }
        }
        let assessment_column = self.column(Role::Assessment);
        let goal_for_strategy = goal.clone();
        let strategy_index = self.strategy_index_for(row);
        let found = known_at.or_else(|| self.indicator_at(Some(strategy_index), code, name));
        let strategy = &mut self.read.strategies[strategy_index];
        let at = found.unwrap_or_else(|| {
            let at = strategy.indicators.len();
            if code.is_empty() {
                self.state.indicator_names[strategy_index].insert(name.to_owned(), at);
            } else {
                self.state.indicator_codes[strategy_index].insert(code.to_owned(), at);
            }
            self.state.indicator_names[strategy_index]
                .entry(name.to_owned())
                .or_insert(at);
            strategy.indicators.push(Indicator {
                code: code.to_owned(),
                name: name.to_owned(),
                goal: goal_for_strategy,
                cumulative: is_cumulative(name),
                unit,
                direction: direction.unwrap_or_default(),
                baseline: None,
                values: Vec::new(),
                breakdown: Vec::new(),
                source: String::new(),
                note: String::new(),
                origin: Some(grid.at(row, None)),
            });
            strategy.indicators.len() - 1
        });
        if direction.is_some() {
            self.read.explicit_directions.push((strategy_index, at));
        }
        let indicator = &mut self.read.strategies[strategy_index].indicators[at];
        if indicator.baseline.is_none() {
            indicator.baseline = baseline;
        }
        if indicator.source.is_empty() {
            indicator.source = source.into_owned();
        }
        if indicator.note.is_empty() {
            indicator.note = note.into_owned();
        }
        let values = if has_keys {
            let key = (
                strategy_index,
                at,
                std::mem::take(&mut self.state.key_scratch),
            );
            let part = if let Some(part) = self.state.breakdown_index.get(&key) {
                self.state.key_scratch = key.2;
                *part
            } else {
                let keys = key
                    .2
                    .iter()
                    .zip(&self.state.dimension_columns)
                    .filter(|(id, _)| !self.state.key_values[**id as usize].1)
                    .map(|(id, column)| {
                        (
                            self.header.texts[*column].clone(),
                            self.state.key_values[*id as usize].0.clone(),
                        )
                    })
                    .collect();
                // Parts of one indicator usually have the same periods: room for as many as
                // the first part has, so that values are not over-allocated by doubling.
                let periods = indicator
                    .breakdown
                    .first()
                    .map_or(0, |part| part.values.len());
                indicator.breakdown.push(Breakdown {
                    keys,
                    values: Vec::with_capacity(periods),
                });
                let part = indicator.breakdown.len() - 1;
                self.state.breakdown_index.insert(key, part);
                part
            };
            &mut indicator.breakdown[part].values
        } else {
            &mut indicator.values
        };
        if values.is_empty() {
            // A new indicator or part: room for exactly the periods of this row (a wide row
            // gives them all at once), rather than a list grown by doubling.
            let mut periods: smallvec::SmallVec<[Period; 16]> = targets
                .iter()
                .map(|(period, _)| *period)
                .chain(actuals.iter().map(|(period, _)| *period))
                .chain(unread.iter().map(|(period, _, _)| *period))
                .collect();
            periods.sort_unstable();
            periods.dedup();
            values.reserve_exact(periods.len());
        }
        let mut conflicts = Vec::new();
        for (period, target) in targets.drain(..) {
            let value = period_value_mut(values, period);
            match &value.target {
                Some(existing) if existing.text != target.text => conflicts.push((
                    target.origin.clone(),
                    Sentence::new(
                        format!(
                            "a second target \"{}\" for {period}; the first, \"{}\", is kept",
                            target.text, existing.text
                        ),
                        format!(
                            "kế hoạch thứ hai \"{}\" cho năm {period}; giữ kế hoạch thứ nhất, \"{}\"",
                            target.text, existing.text
                        ),
                    ),
                )),
                Some(_) => {}
                None => value.target = Some(target),
            }
        }
        for (period, actual) in actuals.drain(..) {
            let value = period_value_mut(values, period);
            match &value.actual {
                Some(existing) if existing.text != actual.text => conflicts.push((
                    actual.origin.clone(),
                    Sentence::new(
                        format!(
                            "a second actual result \"{}\" for {period}; the first, \"{}\", is kept",
                            actual.text, existing.text
                        ),
                        format!(
                            "kết quả thực hiện thứ hai \"{}\" cho năm {period}; giữ kết quả thứ nhất, \"{}\"",
                            actual.text, existing.text
                        ),
                    ),
                )),
                Some(_) => {}
                None => value.actual = Some(actual),
            }
        }
        for (period, text, is_target) in unread.drain(..) {
            let value = period_value_mut(values, period);
            if is_target {
                value.set_unread_target(Some(text));
            } else {
                value.set_unread_actual(Some(text));
            }
        }
        if !assessment_text.is_empty() {
            let value = period_value_mut(values, default_period);
            value.assessment = Some(Box::new(Assessment::from_text(
                &assessment_text,
                Some(grid.at(row, assessment_column)),
            )));
        }
        (self.state.targets, self.state.actuals, self.state.unread) = (targets, actuals, unread);
        for (at, message) in conflicts {
            self.warn(at.unwrap_or_default(), message);
        }
    }

    /// Reads the row's disaggregation keys into `key_scratch`, one interned value per
    /// dimension column, and says whether any is a part rather than a total: the row's
    /// breakdown is (dimension header, value) for each dimension column whose value is not a
    /// total ("Tổng", "Toàn tỉnh", "Total", "Chung") or empty.
    fn breakdown_keys(&mut self, row: usize) -> bool {
        self.state.key_scratch.clear();
        let mut any_part = false;
        for index in 0..self.state.dimension_columns.len() {
            let value = self.cell_text(row, self.state.dimension_columns[index]);
            let id = if let Some(id) = self.state.key_ids.get(value.as_ref()) {
                *id
            } else {
                let total = value.is_empty() || TOTAL_KEYS.contains(&fold(&value).as_str());
                let id = self.state.key_values.len() as u32;
                self.state.key_values.push((value.to_string(), total));
                self.state.key_ids.insert(value.into_owned(), id);
                id
            };
            any_part |= !self.state.key_values[id as usize].1;
            self.state.key_scratch.push(id);
        }
        any_part
    }

    fn goal_from_text(&mut self, row: usize, text: &str) -> String {
        let (code, name) = split_goal(text);
        let strategy = self.strategy_for(row);
        if strategy.goal(&code).is_none() {
            strategy.goals.push(Goal {
                code: code.clone(),
                name,
            });
        }
        code
    }

    fn period_of(&self, row: usize, column: usize) -> Option<Period> {
        match self.grid.cell(row, column) {
            Cell::Number { value, .. }
                if value.fract() == 0.0 && (1900.0..2200.0).contains(value) =>
            {
                Some(*value as Period)
            }
            Cell::Text(text) => crate::text::last_year(text),
            Cell::Date(text) => crate::text::last_year(text),
            _ => None,
        }
    }

    fn baseline(&mut self, row: usize) -> Option<Baseline> {
        let (column, year) = self
            .header
            .roles
            .iter()
            .enumerate()
            .find_map(|(column, role)| match role {
                Some(Role::Baseline(year)) => Some((column, *year)),
                _ => None,
            })?;
        let cell = self.grid.cell(row, column);
        if cell.is_empty() {
            return None;
        }
        let at = self.grid.at(row, Some(column));
        let Some(value) = self.number(cell) else {
            self.warn(
                at,
                Sentence::new(
                    format!("baseline \"{}\" is not a number; ignored", cell.as_text()),
                    format!(
                        "giá trị cơ sở \"{}\" không phải là số; bỏ qua",
                        cell.as_text()
                    ),
                ),
            );
            return None;
        };
        let year = year.or_else(|| {
            self.header
                .column(Role::BaselineYear)
                .and_then(|column| self.period_of(row, column))
        });
        Some(Baseline {
            value,
            year,
            origin: Some(at),
        })
    }
}

fn target_of(cell: &Cell, format: NumberFormat) -> Option<crate::parse::ParsedTarget> {
    match cell {
        Cell::Number { value, .. } => Some(crate::parse::ParsedTarget {
            value: *value,
            comparator: None,
        }),
        Cell::Text(text) => parse_target(text, format),
        _ => None,
    }
}

fn measure_of(cell: &Cell, format: NumberFormat) -> Option<Measure> {
    match cell {
        Cell::Number { value, .. } => Some(Measure::Number(*value)),
        Cell::Text(text) => parse_measure(text, format),
        _ => None,
    }
}

/// Whether a code looks like a goal's: "MT1", "A", "B." (not "MT1.1").
fn is_goal_code(code: &str) -> bool {
    let code = code.trim_end_matches('.');
    let folded = fold(code);
    if let Some(number) = folded.strip_prefix("mt") {
        return !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    }
    code.len() == 1 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Splits "MT1. Tăng cường …" into ("MT1", "Tăng cường …") and "I. Chăm sóc …" into ("I", …);
/// a text without a short code before ". " is both code and name.
fn split_goal(text: &str) -> (String, String) {
    if let Some((code, name)) = text.split_once(". ")
        && code.chars().count() <= 6
        && !code.contains(' ')
    {
        return (code.to_owned(), name.trim().to_owned());
    }
    (text.to_owned(), text.to_owned())
}

fn is_cumulative(name: &str) -> bool {
    let folded = fold(name);
    ["cong don", "luy ke", "cumulative", "cumulated"]
        .iter()
        .any(|word| folded.contains(word))
}

fn join_nonempty(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("; ")
}

/// Completes a strategy after its rows are read: totals are made from breakdowns; directions
/// not given by a column are then inferred from the indicator's own targets, totals included:
/// their comparator (≤, < → decrease; range → range), else a baseline above the first target
/// or targets falling over the periods; the span defaults to the periods.
fn finish(
    strategy: &mut Strategy,
    explicit: impl Fn(usize) -> bool,
    decisions: &mut Vec<Sentence>,
) {
    for (index, indicator) in strategy.indicators.iter_mut().enumerate() {
        // Totals first: an indicator given only by its parts has its direction inferred from
        // the totals made of them.
        add_totals(indicator, decisions);
        if !explicit(index) {
            indicator.direction = infer_direction(indicator);
        }
        indicator.values.shrink_to_fit();
        for part in &mut indicator.breakdown {
            part.values.shrink_to_fit();
        }
        indicator.breakdown.shrink_to_fit();
    }
    strategy.indicators.shrink_to_fit();
    if strategy.span.is_none() {
        let mut periods = strategy.periods();
        periods.retain(|period| *period != UNDATED);
        strategy.span = span_of(&periods);
    }
}

/// Gives an indicator with a breakdown its totals where the file has no total row, by the
/// aggregation rules ([`crate::analysis::aggregate`]), and says what was done.
fn add_totals(indicator: &mut Indicator, decisions: &mut Vec<Sentence>) {
    if indicator.breakdown.is_empty() {
        return;
    }
    let mut periods: Vec<Period> = indicator
        .breakdown
        .iter()
        .flat_map(|part| part.values.iter().map(|value| value.period))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let label = if indicator.code.is_empty() {
        indicator.name.clone()
    } else {
        indicator.code.clone()
    };
    let parts = indicator.breakdown.len();
    // What was made for each period; periods made alike are said in one sentence.
    let mut said: Vec<(Vec<Period>, String, String)> = Vec::new();
    for period in periods {
        let crate::analysis::Totals { target, actual } =
            crate::analysis::aggregate(indicator, period);
        let given = indicator.value(period).cloned().unwrap_or_default();
        let value = period_value_mut(&mut indicator.values, period);
        let mut made = Vec::new();
        let mut made_vi = Vec::new();
        if given.target.is_none()
            && given.unread_target().is_none()
            && let Some((total, how)) = target
        {
            value.target = Some(Target {
                value: total,
                comparator: None,
                text: crate::parse::format_plain(total).into(),
                origin: None,
            });
            made.push(format!("target {}", aggregation_words(how).0));
            made_vi.push(format!("kế hoạch {}", aggregation_words(how).1));
        }
        if given.actual.is_none() && given.unread_actual().is_none() {
            if let Some((measure, how)) = actual {
                value.actual = Some(Actual {
                    measure,
                    estimate: false,
                    text: measure.plain_text().into(),
                    origin: None,
                });
                made.push(format!("actual {}", aggregation_words(how).0));
                made_vi.push(format!("thực hiện {}", aggregation_words(how).1));
            } else {
                made.push(
                    "no total actual: percentages and rates are not summed or averaged (give a total row or x/y ratios)".to_owned(),
                );
                made_vi.push(
                    "không có tổng thực hiện: tỷ lệ phần trăm và tỷ suất không được cộng hay lấy trung bình (hãy cho dòng tổng hoặc tỷ số x/y)".to_owned(),
                );
            }
        }
        if !made.is_empty() {
            let (made, made_vi) = (made.join("; "), made_vi.join("; "));
            match said.last_mut() {
                Some((periods, en, _)) if *en == made => periods.push(period),
                _ => said.push((vec![period], made, made_vi)),
            }
        }
    }
    for (periods, made, made_vi) in said {
        let (when, when_vi) = periods_words(&periods);
        decisions.push(Sentence::new(
            format!("indicator {label}, {when}: total of {parts} breakdown rows: {made}"),
            format!("chỉ tiêu {label}, {when_vi}: tổng của {parts} dòng phân tổ: {made_vi}"),
        ));
    }
}

/// Periods in a sentence, in English and Vietnamese: "2020" ("năm 2020"); "2015, 2020"
/// ("năm 2015, 2020"); more than three as "2016 to 2025, 10 periods" ("từ 2016 đến 2025, 10 kỳ").
fn periods_words(periods: &[Period]) -> (String, String) {
    match periods {
        [first, .., last] if periods.len() > 3 => (
            format!("{first} to {last}, {} periods", periods.len()),
            format!("từ {first} đến {last}, {} kỳ", periods.len()),
        ),
        _ => {
            let list = periods
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            (list.clone(), format!("năm {list}"))
        }
    }
}

/// How a total was made, in English and Vietnamese.
fn aggregation_words(how: crate::analysis::Aggregation) -> (&'static str, &'static str) {
    match how {
        crate::analysis::Aggregation::Sum => ("summed", "cộng lại"),
        crate::analysis::Aggregation::RatioOfSums => (
            "as the sum of numerators over the sum of denominators",
            "bằng tổng tử số chia tổng mẫu số",
        ),
        crate::analysis::Aggregation::SharedTarget => {
            ("shared by every part", "chung cho mọi phần")
        }
    }
}

/// Infers an indicator's direction from what its targets say.
#[must_use]
pub fn infer_direction(indicator: &Indicator) -> Direction {
    let comparators = indicator
        .values
        .iter()
        .filter_map(|value| value.target.as_ref())
        .filter_map(|target| target.comparator);
    for comparator in comparators {
        match comparator {
            Comparator::AtMost | Comparator::LessThan => return Direction::Decrease,
            Comparator::AtLeast | Comparator::GreaterThan => return Direction::Increase,
            Comparator::Range { .. } => return Direction::Range,
            Comparator::Approximately | Comparator::Equal => {}
        }
    }
    let targets: Vec<f64> = indicator
        .values
        .iter()
        .filter_map(|value| value.target.as_ref().map(|target| target.value))
        .collect();
    if let (Some(baseline), Some(first)) = (&indicator.baseline, targets.first())
        && baseline.value > *first
    {
        return Direction::Decrease;
    }
    if targets.len() >= 2 && targets.windows(2).all(|pair| pair[1] < pair[0]) {
        return Direction::Decrease;
    }
    Direction::Increase
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_slots_follow_the_slot_list() {
        for (slot, role) in SLOT_ROLES.iter().enumerate() {
            assert_eq!(role_slot(*role), Some(slot), "{role:?}");
        }
        assert_eq!(role_slot(Role::Target(Some(2020))), None);
    }

    #[test]
    fn the_folded_opening_of_a_name_holds_every_opening_word_and_what_follows_it() {
        let words = TOTAL_ROW_WORDS
            .iter()
            .chain(BUDGET_WORDS)
            .chain(&["trong do", "of which"]);
        for word in words {
            assert!(word.len() < KEYWORD_OPENING, "{word}");
        }
    }

    #[test]
    fn numbers_without_a_year_name_no_column_and_years_still_do() {
        for text in ["57", "45.3", "1,5", "0", "", "199", "20201", "12.2020.5"] {
            assert_eq!(classify(text), None, "{text}");
            assert_eq!(classify_words(text), None, "{text}");
        }
        assert!(matches!(
            classify("2020"),
            Some(Role::Actual {
                period: Some(2020),
                ..
            })
        ));
    }

    #[test]
    fn headers_with_units_in_parentheses() {
        assert_eq!(classify("Chỉ tiêu (nghìn tỷ đồng)"), Some(Role::Name));
        assert_eq!(classify("Kế hoạch (tỷ đồng)"), Some(Role::Target(None)));
        assert_eq!(classify("Kế hoạch 2013"), Some(Role::Target(Some(2013))));
        // The parenthesis says what the column is: kept.
        assert_eq!(
            classify("Năm 2015 (cơ sở)"),
            Some(Role::Baseline(Some(2015)))
        );
        assert_eq!(classify("Tỷ lệ (%)"), Some(Role::Computed));
        assert_eq!(without_parentheses("Kế hoạch (tỷ đồng) [KH]"), "Kế hoạch");
    }

    #[test]
    fn columns_for_part_of_a_year_are_not_yearly_values() {
        for header in [
            "Thực hiện tháng 10 năm 2024",
            "Ước tính tháng 11 năm 2024",
            "Thực hiện 6 tháng đầu năm 2020",
            "Kế hoạch quý I",
            "Actual Q3 2020",
        ] {
            assert_eq!(classify(header), None, "{header}");
        }
        assert_eq!(
            classify("Thực hiện 12 tháng năm 2020"),
            Some(Role::Actual {
                period: Some(2020),
                estimate: false
            })
        );
        assert_eq!(
            classify("Ước thực hiện cả năm 2020"),
            Some(Role::Actual {
                period: Some(2020),
                estimate: true
            })
        );
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            file: "t.csv".into(),
            first_column: 1,
            rows: rows
                .iter()
                .map(|row| row.iter().map(|text| Cell::text(text)).collect())
                .collect(),
            row_numbers: (1..=rows.len() as u32).collect(),
            ..Grid::default()
        }
    }

    #[test]
    fn a_table_without_years_is_undated() {
        let grid = grid(&[
            &["Chỉ tiêu", "Kế hoạch", "Thực hiện"],
            &["Vốn đầu tư", "96,245", "101,3"],
        ]);
        let read = read_table(&grid, &Context::for_file("t.csv"), None).unwrap();
        let indicator = &read.strategies[0].indicators[0];
        let value = indicator.value(UNDATED).unwrap();
        assert!((value.target.as_ref().unwrap().value - 96.245).abs() < 1e-9);
        assert!(read.decisions.iter().any(|d| d.contains("undated")));
        assert_eq!(read.strategies[0].span, None);
        assert!(read.warnings.is_empty());
    }

    /// The header of a long table of indicators by commune and year.
    const BY_COMMUNE: [&str; 7] = [
        "Mã",
        "Chỉ tiêu",
        "ĐVT",
        "Xã",
        "Năm",
        "Kế hoạch",
        "Thực hiện",
    ];

    #[test]
    fn the_totals_made_are_the_totals_aggregate_makes() {
        // Parts with different periods, a ratio part among numbers, a part without targets.
        let rows: &[&[&str]] = &[
            &BY_COMMUNE,
            &["A1", "Số hộ", "hộ", "Xã A", "2019", "12", "11,5"],
            &["A1", "Số hộ", "hộ", "Xã B", "2020", "8", "9"],
            &["A1", "Số hộ", "hộ", "Xã A", "2020", "10", "7"],
            &["A1", "Số hộ", "hộ", "Xã C", "2019", "", "4"],
            &["A1", "Số hộ", "hộ", "Xã C", "2021", "3", "1"],
            &["A2", "Tỷ lệ hộ", "%", "Xã A", "2019", "80", "3/4"],
            &["A2", "Tỷ lệ hộ", "%", "Xã B", "2019", "80", "5/9"],
            &["A2", "Tỷ lệ hộ", "%", "Xã B", "2020", "85", "60"],
            &["A2", "Tỷ lệ hộ", "%", "Xã C", "2020", "85", "7/8"],
        ];
        let read = read_table(&grid(rows), &Context::for_file("hộ.csv"), None).unwrap();
        let indicators = &read.strategies[0].indicators;
        assert_eq!(indicators.len(), 2);
        let total = |at: usize, period| indicators[at].value(period).unwrap();
        assert_eq!(total(0, 2020).target.as_ref().unwrap().text, "18");
        assert_eq!(
            total(1, 2019).actual.as_ref().unwrap().measure,
            crate::model::Measure::Ratio {
                numerator: 8.0,
                denominator: 13.0
            }
        );
        for indicator in indicators {
            let mut parts_only = indicator.clone();
            parts_only.values.clear();
            for period in [2019, 2020, 2021] {
                let totals = crate::analysis::aggregate(&parts_only, period);
                let made = indicator.value(period);
                assert_eq!(
                    made.and_then(|value| value.target.as_ref())
                        .map(|target| target.value.to_bits()),
                    totals.target.map(|(total, _)| total.to_bits()),
                    "{} {period}",
                    indicator.code
                );
                assert_eq!(
                    made.and_then(|value| value.actual.as_ref())
                        .map(|actual| actual.measure),
                    totals.actual.map(|(measure, _)| measure),
                    "{} {period}",
                    indicator.code
                );
            }
        }
    }

    #[test]
    fn an_indicator_given_by_its_parts_takes_its_direction_from_their_totals() {
        // Cases of violence by commune: each commune's target falls, so the total does.
        let grid = grid(&[
            &BY_COMMUNE,
            &[
                "BL1",
                "Số vụ bạo lực gia đình",
                "vụ",
                "Xã A",
                "2019",
                "12",
                "11",
            ],
            &[
                "BL1",
                "Số vụ bạo lực gia đình",
                "vụ",
                "Xã B",
                "2019",
                "8",
                "9",
            ],
            &[
                "BL1",
                "Số vụ bạo lực gia đình",
                "vụ",
                "Xã A",
                "2020",
                "10",
                "7",
            ],
            &[
                "BL1",
                "Số vụ bạo lực gia đình",
                "vụ",
                "Xã B",
                "2020",
                "6",
                "6",
            ],
        ]);
        let read = read_table(&grid, &Context::for_file("t.csv"), None).unwrap();
        let indicator = &read.strategies[0].indicators[0];
        assert_eq!(indicator.breakdown.len(), 2);
        let total = indicator
            .value(2020)
            .unwrap()
            .target
            .as_ref()
            .unwrap()
            .value;
        assert!((total - 16.0).abs() < 1e-9);
        assert_eq!(indicator.direction, Direction::Decrease);
    }
}
