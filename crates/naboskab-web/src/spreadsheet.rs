//! Spreadsheet exports for the administration: CSV through the `csv` crate (UTF-8 with a BOM,
//! so Danish Excel opens it with æøå intact) and XLSX through `rust_xlsxwriter` (a bold,
//! filterable header row and columns wide enough for their text). A CSV cell that starts
//! with `=`, `+`, `-` or `@` and is not a number is defused with a leading apostrophe so a
//! spreadsheet never runs it as a formula; XLSX cells are written as text, which a
//! spreadsheet never evaluates. [`download`] sends any file to be saved, as these are.

use crate::error::AppError;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::{Format, Workbook};

/// The rows (the first is the header) as a CSV file to download as `filename`.
pub fn csv_download(filename: &str, rows: &[Vec<String>]) -> Result<Response, AppError> {
    download("text/csv; charset=utf-8", filename, csv(rows)?)
}

/// The rows (the first is the header) as a one-sheet workbook to download as `filename`.
pub fn xlsx_download(
    sheet: &str,
    filename: &str,
    rows: &[Vec<String>],
) -> Result<Response, AppError> {
    download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename,
        xlsx(sheet, rows)?,
    )
}

/// `bytes` as a file to save (never shown in the browser) as `filename`: the name in ASCII
/// for old clients and in full UTF-8 (RFC 6266 `filename*`), so "Vedtægter.pdf" keeps its æ.
pub fn download(content_type: &str, filename: &str, bytes: Vec<u8>) -> Result<Response, AppError> {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c == ' ' || (c.is_ascii_graphic() && c != '"' && c != '\\') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A cell as it goes into a CSV file: a would-be formula gets a leading apostrophe.
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The rows (the first is the header) as a CSV file with CRLF line ends.
pub fn csv(rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        out.write_record(row.iter().map(|c| defused(c).into_owned()))
            .map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    }
    out.into_inner()
        .map_err(|e| AppError::Internal(format!("csv: {e}")))
}

/// The rows (the first is the header) as a one-sheet workbook named `sheet`.
pub fn xlsx(sheet: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Internal(format!("xlsx: {e}"));
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    // Sheet names are at most 31 characters and some characters are not allowed.
    let name: String = sheet
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    ws.set_name(if name.is_empty() { "Sheet1" } else { &name })
        .map_err(fail)?;
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r32, c16) = (
                u32::try_from(r).map_err(|_| AppError::Internal("too many rows".into()))?,
                u16::try_from(c).map_err(|_| AppError::Internal("too many columns".into()))?,
            );
            if r == 0 {
                ws.write_string_with_format(r32, c16, cell, &bold)
                    .map_err(fail)?;
            } else {
                ws.write_string(r32, c16, cell).map_err(fail)?;
            }
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(cell.chars().count());
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let c16 = u16::try_from(c).map_err(|_| AppError::Internal("too many columns".into()))?;
        ws.set_column_width(c16, (*w).clamp(8, 60) as f64 + 2.0)
            .map_err(fail)?;
    }
    if let Some(header) = rows.first()
        && !header.is_empty()
        && rows.len() > 1
    {
        let last_row = u32::try_from(rows.len() - 1).unwrap_or(u32::MAX);
        let last_col = u16::try_from(header.len() - 1).unwrap_or(u16::MAX);
        ws.autofilter(0, 0, last_row, last_col).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_defuses_formulas_and_keeps_numbers() {
        let rows = vec![
            vec!["Navn".to_owned(), "Beløb".to_owned()],
            vec!["=HYPERLINK(\"x\")".to_owned(), "-700.00".to_owned()],
            vec!["Dahl, Kirsten".to_owned(), "@SUM(A1)".to_owned()],
        ];
        let text = String::from_utf8(csv(&rows).expect("csv")).expect("utf-8");
        assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "Navn,Beløb\r\n\"'=HYPERLINK(\"\"x\"\")\",-700.00\r\n\"Dahl, Kirsten\",'@SUM(A1)\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let rows = vec![vec!["Navn".to_owned()], vec!["Kirsten Dahl".to_owned()]];
        let bytes = xlsx("Bookinger: december", &rows).expect("xlsx");
        assert_eq!(
            &bytes[..2],
            b"PK",
            "an Office Open XML package is a ZIP archive"
        );
        assert!(xlsx("", &rows).is_ok(), "an empty sheet name falls back");
    }
}
