//! Limits that keep a broken or hostile file from taking all the memory, checked before the
//! workbook reader (calamine) sees the file:
//!
//! - the parts of a zip container (XLSX, XLSM, XLSB, ODS) against their uncompressed sizes, as
//!   the container declares them, before any part is inflated. The zip reader stops with an
//!   error where a part inflates to more than it declares, so the declared sizes bound what is
//!   read. A few kilobytes of deflated XML can inflate to gigabytes (a "zip bomb"); a real
//!   indicator workbook is far below these limits (a 282,000-row table is an 88 MB sheet).
//! - the sheets of an ODS file against [`MAX_SHEET_CELLS`]: calamine lays each sheet out as a
//!   rectangle from its first to its last cell with content, repeats included, so a few hundred
//!   bytes that repeat a cell across 16,384 columns and thousands of rows ask for gigabytes.
//! - the sector chains of an OLE compound file (XLS), which must not loop: calamine follows a
//!   chain until it ends, appending each sector, so a chain that loops grows without end.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::LoadError;

/// The largest uncompressed size of one part of a workbook that is read (a sheet's XML, the
/// shared strings, an ODS file's content): 512 MiB, about 1.6 million rows of a nine-column
/// indicator table, more than the 1,048,576 rows a sheet can have in Excel.
pub const MAX_PART_BYTES: u64 = 512 << 20;

/// The largest uncompressed size of all the parts of a workbook together: 1 GiB.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// The most cells an ODS sheet may span, from its first to its last row and column with
/// content: 10 million, about 700 MB in calamine's layout (a 282,000-row, ten-column table is
/// 2.8 million).
pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// Checks a zip container's declared part sizes against [`MAX_PART_BYTES`] and
/// [`MAX_TOTAL_BYTES`]; the error names the file, the part and, for an XLSX sheet, the sheet.
/// Bytes that are not a readable zip container pass: the workbook reader reports them.
pub fn check_zip(file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total = 0u64;
    let mut over = None;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_data(index) else {
            continue;
        };
        let size = entry.size();
        total = total.saturating_add(size);
        if size > MAX_PART_BYTES {
            let part = entry.name().map_or_else(
                |_| format!("part {}", index + 1),
                std::borrow::Cow::into_owned,
            );
            over = Some((Some(part), size, MAX_PART_BYTES));
            break;
        }
    }
    if over.is_none() && total > MAX_TOTAL_BYTES {
        over = Some((None, total, MAX_TOTAL_BYTES));
    }
    let Some((part, size, limit)) = over else {
        return check_ods_cells(file, &mut archive);
    };
    let sheet = part
        .as_deref()
        .and_then(|part| sheet_of_part(&mut archive, part));
    Err(LoadError::TooLarge {
        file: file.to_owned(),
        sheet,
        part,
        size,
        limit,
    })
}

/// Checks that no sheet of an ODS file spans more than [`MAX_SHEET_CELLS`] cells as calamine
/// lays it out, reading `content.xml` as a stream; the error names the file and the sheet.
/// Other containers, and content that cannot be parsed (the workbook reader reports it), pass.
fn check_ods_cells<R: Read + std::io::Seek>(
    file: &str,
    archive: &mut zip::ZipArchive<R>,
) -> Result<(), LoadError> {
    // Excel's and calamine's bounds on rows and columns.
    const ROWS: u64 = 1_048_576;
    const COLUMNS: u64 = 16_384;
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buffer = Vec::new();
    let mut sheet = String::new();
    // The next row and column; the rows spanned by the current row element; the first and last
    // row and column with content.
    let (mut row, mut column, mut repeats) = (0_u64, 0_u64, 1_u64);
    let mut row_has_content = false;
    let mut span: Option<(u64, u64, u64, u64)> = None;
    loop {
        buffer.clear();
        let Ok(event) = reader.read_event_into(&mut buffer) else {
            return Ok(());
        };
        let (tag, empty) = match &event {
            Event::Start(tag) => (tag, false),
            Event::Empty(tag) => (tag, true),
            Event::End(end) => {
                match end.name().into_inner() {
                    "table:table-row" => {
                        if row_has_content {
                            let last = row + repeats - 1;
                            span = Some(
                                span.map_or((row, last, u64::MAX, 0), |(top, _, left, right)| {
                                    (top.min(row), last, left, right)
                                }),
                            );
                        }
                        row = (row + repeats).min(ROWS);
                    }
                    "table:table" => {
                        if let Some((top, bottom, left, right)) = span.take()
                            && left <= right
                        {
                            let cells = (bottom - top + 1) * (right - left + 1);
                            if cells > MAX_SHEET_CELLS {
                                return Err(LoadError::Sheet {
                                    file: file.to_owned(),
                                    sheet,
                                    message: format!(
                                        "its cells span rows {} to {} and columns {} to {}: {cells} cells with the repeated ones, over the limit of {MAX_SHEET_CELLS}",
                                        top + 1,
                                        bottom + 1,
                                        left + 1,
                                        right + 1
                                    ),
                                });
                            }
                        }
                        row = 0;
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => return Ok(()),
            _ => continue,
        };
        match tag.name().into_inner() {
            "table:table" if !empty => {
                sheet = attribute_value(tag, "table:name").unwrap_or_default();
                (row, span) = (0, None);
            }
            // As calamine reads them: only a row element with content is a row.
            "table:table-row" if !empty => {
                repeats = repeat_count(tag, "table:number-rows-repeated")
                    .min(ROWS - row)
                    .max(1);
                (column, row_has_content) = (0, false);
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let count =
                    repeat_count(tag, "table:number-columns-repeated").min(COLUMNS - column);
                let content = !empty || attribute_value(tag, "office:value-type").is_some();
                if content && count > 0 {
                    row_has_content = true;
                    let last = column + count - 1;
                    span = Some(span.map_or(
                        (row, row, column, last),
                        |(top, bottom, left, right)| {
                            (top, bottom, left.min(column), right.max(last))
                        },
                    ));
                }
                column += count;
            }
            _ => {}
        }
    }
}

/// A repeat count attribute (1 where there is none or it is not a number).
fn repeat_count(tag: &BytesStart<'_>, name: &str) -> u64 {
    attribute_value(tag, name)
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(1)
}

/// An attribute's value by its qualified name.
fn attribute_value(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    tag.attributes().flatten().find_map(|attribute| {
        (attribute.key.into_inner() == name).then(|| attribute.value.into_owned())
    })
}

/// Checks that no chain of sectors in an OLE compound file's allocation table (FAT) loops; the
/// error names the file. Bytes that are not a compound file, or whose header the workbook
/// reader will refuse anyway, pass.
pub fn check_ole(file: &str, bytes: &[u8]) -> Result<(), LoadError> {
    const SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    // Sector numbers from here up are markers (end of chain, free, FAT or DIFAT sector).
    const MARKERS: u32 = 0xFFFF_FFFA;
    if !bytes.starts_with(SIGNATURE) || bytes.len() < 512 {
        return Ok(());
    }
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at = |data: &[u8], at: usize| {
        data.get(at..at + 4)
            .map_or(MARKERS, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let sector_size = match u16_at(30) {
        9 => 512,
        12 => 4096,
        _ => return Ok(()),
    };
    // Sector `id` starts after the header, which takes one sector.
    let sector = |id: u32| {
        let start = (id as usize + 1).saturating_mul(sector_size);
        bytes.get(start.min(bytes.len())..start.saturating_add(sector_size).min(bytes.len()))
    };
    let sectors = bytes.len() / sector_size;
    // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors, each
    // ending with the number of the next.
    let mut fat_sectors: Vec<u32> = (0..109)
        .map(|index| u32_at(bytes, 76 + 4 * index))
        .collect();
    let mut difat = u32_at(bytes, 68);
    let mut seen = 0;
    while difat < MARKERS && seen <= sectors {
        seen += 1;
        let Some(data) = sector(difat) else { break };
        let entries = data.len() / 4;
        if entries == 0 {
            break;
        }
        fat_sectors.extend((0..entries - 1).map(|index| u32_at(data, 4 * index)));
        difat = u32_at(data, 4 * (entries - 1));
    }
    let mut fat = Vec::new();
    for id in fat_sectors.into_iter().filter(|id| *id < MARKERS) {
        if let Some(data) = sector(id) {
            fat.extend((0..data.len() / 4).map(|index| u32_at(data, 4 * index)));
        }
    }
    // Each sector has at most one successor, so following them from every sector in turn, and
    // marking where each walk went, finds any loop in one pass.
    let mut walk_of = vec![0u32; fat.len()];
    for start in 0..fat.len() {
        let walk = start as u32 + 1;
        let mut at = start;
        while walk_of[at] == 0 {
            walk_of[at] = walk;
            let next = fat[at];
            if next >= MARKERS || next as usize >= fat.len() {
                break;
            }
            at = next as usize;
        }
        if walk_of[at] == walk && fat[at] < MARKERS && (fat[at] as usize) < fat.len() {
            return Err(LoadError::Workbook {
                file: file.to_owned(),
                message: format!(
                    "damaged compound file: its chain of sectors through sector {at} loops"
                ),
            });
        }
    }
    Ok(())
}

/// The name of the XLSX sheet stored in `part` ("xl/worksheets/sheet1.xml"), from the
/// workbook's relationships and sheet list; `None` for any other part, or where those small
/// parts cannot be read.
fn sheet_of_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    part: &str,
) -> Option<String> {
    let file_name = part.strip_prefix("xl/")?;
    let relationships = small_part(archive, "xl/_rels/workbook.xml.rels")?;
    let id = tags(&relationships, "Relationship").find_map(|tag| {
        let target = attribute(tag, "Target")?;
        let target = target.strip_prefix("/xl/").unwrap_or(target);
        (target == file_name).then(|| attribute(tag, "Id").map(str::to_owned))?
    })?;
    let workbook = small_part(archive, "xl/workbook.xml")?;
    tags(&workbook, "sheet").find_map(|tag| {
        let sheet_id = tag.split_whitespace().find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            key.ends_with(":id")
                .then(|| value.trim_matches(['"', '\'', '/', '>']))
        })?;
        (sheet_id == id).then(|| attribute(tag, "name").map(unescape))?
    })
}

/// A part of at most 1 MiB as text.
fn small_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Option<String> {
    let entry = archive.by_name(name).ok()?;
    let mut text = String::new();
    entry.take(1 << 20).read_to_string(&mut text).ok()?;
    Some(text)
}

/// The opening tags named `name` (with or without a namespace prefix), each from its name to
/// its `>`.
fn tags<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    xml.split('<').filter_map(move |piece| {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let element = tag.split_whitespace().next()?;
        let local = element.rsplit(':').next()?;
        (local == name).then_some(tag)
    })
}

/// The value of attribute `name` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
}

/// Replaces XML's five predefined entities.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_tags() {
        let xml = r#"<sheets><sheet name="Báo cáo &amp; KH" sheetId="1" r:id="rId1"/><x:sheet name='B' r:id="rId2"/></sheets>"#;
        let found: Vec<_> = tags(xml, "sheet")
            .filter_map(|tag| attribute(tag, "name"))
            .collect();
        assert_eq!(found, ["Báo cáo &amp; KH", "B"]);
        assert_eq!(unescape(found[0]), "Báo cáo & KH");
        assert_eq!(attribute(r#"sheet sheetId="1" r:id="rId1""#, "id"), None);
        assert_eq!(
            attribute(
                r#"Relationship Id="rId3" Target="worksheets/sheet3.xml""#,
                "Id"
            ),
            Some("rId3")
        );
    }
}
