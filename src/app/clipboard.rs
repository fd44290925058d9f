//! Ranges of cells as tab-separated text, the way Excel and `LibreOffice` put them on the
//! clipboard: one line per row, cells separated by tabs, and a cell that holds a tab, a line
//! break or a leading quote written between quotes with inner quotes doubled.

/// Writes rows of cells as clipboard text. Lines end with `\r\n`, as Excel writes them, which
/// `LibreOffice` and text editors read as well.
#[must_use]
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| quote(cell)).collect();
        text.push_str(&cells.join("\t"));
        text.push_str("\r\n");
    }
    text
}

/// A cell as clipboard text: quoted when it holds a tab, a line break or starts with a quote.
fn quote(cell: &str) -> String {
    if cell.contains(['\t', '\n', '\r']) || cell.starts_with('"') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// Reads clipboard text into rows of cells. A final line break does not make an empty row;
/// `\r\n`, `\n` and `\r` all end a line; a quoted cell may hold tabs and line breaks.
#[must_use]
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        if at_cell_start && c == '"' {
            // A quoted cell runs to the quote that is not doubled.
            at_cell_start = false;
            while let Some(inner) = chars.next() {
                if inner == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        break;
                    }
                } else {
                    cell.push(inner);
                }
            }
            continue;
        }
        at_cell_start = false;
        match c {
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            other => cell.push(other),
        }
    }
    if !at_cell_start || !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| (*cell).to_owned()).collect())
            .collect()
    }

    #[test]
    fn excel_ranges_are_read() {
        assert_eq!(
            parse_tsv("95\t76/145\r\n96,245\tdưới 10\r\n"),
            grid(&[&["95", "76/145"], &["96,245", "dưới 10"]])
        );
        assert_eq!(parse_tsv("95"), grid(&[&["95"]]));
        assert_eq!(parse_tsv("95\n"), grid(&[&["95"]]));
        assert_eq!(parse_tsv("a\t\tc\n"), grid(&[&["a", "", "c"]]));
        assert_eq!(parse_tsv("\n"), grid(&[&[""]]));
        assert!(parse_tsv("").is_empty());
        assert_eq!(
            parse_tsv("\"hai\ndòng\"\t\"nói \"\"không\"\"\"\n"),
            grid(&[&["hai\ndòng", "nói \"không\""]])
        );
    }

    #[test]
    fn written_ranges_read_back() {
        let rows = grid(&[
            &["4", "Tỷ lệ trẻ em", "89,6"],
            &["5", "a\tb", "\"quoted\""],
            &["", "line\nbreak", ""],
        ]);
        let text = to_tsv(&rows);
        assert!(text.starts_with("4\tTỷ lệ trẻ em\t89,6\r\n"));
        assert_eq!(parse_tsv(&text), rows);
    }
}
