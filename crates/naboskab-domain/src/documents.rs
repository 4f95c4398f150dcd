//! Documents people attach (a grant application's budget, statutes, accounts): which kinds
//! are accepted, told by their first bytes and their name together, never by what the
//! browser claims; how large they may be; and what of the typed file name is kept.

/// The largest document accepted, in bytes (10 MiB: a scanned set of accounts fits, a video
/// does not).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// The most documents one application carries.
pub const MAX_DOCUMENTS: usize = 20;

/// The longest file name kept, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// The extensions an upload field offers (its `accept` attribute), in the order people know
/// them.
pub const ACCEPTED_EXTENSIONS: &str =
    ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.jpg,.jpeg,.png,.webp";

/// Why a file is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentProblem {
    /// Nothing was chosen, or the file is empty.
    Empty,
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
    /// Not a PDF, an image or an office document, or its content does not match its name.
    Kind,
}

/// An accepted document's media type, from its content (and, for office documents, which
/// are all ZIP or OLE containers inside, its name's extension).
pub fn media_type(bytes: &[u8], file_name: &str) -> Result<&'static str, DocumentProblem> {
    if bytes.is_empty() {
        return Err(DocumentProblem::Empty);
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DocumentProblem::TooLarge);
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let kind = match extension.as_str() {
        "pdf" if bytes.starts_with(b"%PDF-") => "application/pdf",
        "png" if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => "image/png",
        "jpg" | "jpeg" if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) => "image/jpeg",
        "webp" if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" => {
            "image/webp"
        }
        "docx" if zip => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" if zip => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" if zip => {
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        }
        "odt" if zip => "application/vnd.oasis.opendocument.text",
        "ods" if zip => "application/vnd.oasis.opendocument.spreadsheet",
        "odp" if zip => "application/vnd.oasis.opendocument.presentation",
        "doc" if ole => "application/msword",
        "xls" if ole => "application/vnd.ms-excel",
        _ => return Err(DocumentProblem::Kind),
    };
    Ok(kind)
}

/// The file name as it is kept and offered back on download: the last path segment only
/// (browsers on Windows once sent the whole path), without control characters or quotes,
/// at most [`MAX_FILE_NAME_CHARS`] characters with the extension kept; `fallback` when
/// nothing is left.
pub fn clean_file_name(typed: &str, fallback: &str) -> String {
    let last = typed.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String = last
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    let kept = kept.trim().trim_start_matches('.').trim();
    if kept.is_empty() {
        return fallback.to_owned();
    }
    if kept.chars().count() <= MAX_FILE_NAME_CHARS {
        return kept.to_owned();
    }
    let (stem, extension) = match kept.rsplit_once('.') {
        Some((s, e)) if e.chars().count() <= 5 => (s, format!(".{e}")),
        _ => (kept, String::new()),
    };
    let room = MAX_FILE_NAME_CHARS - extension.chars().count();
    let mut out: String = stem.chars().take(room).collect();
    out.push_str(&extension);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_and_name_must_agree() {
        assert_eq!(
            media_type(b"%PDF-1.7\n", "Budget.PDF"),
            Ok("application/pdf")
        );
        assert_eq!(
            media_type(b"PK\x03\x04rest", "vedtaegter.docx"),
            Ok("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(
            media_type(&[0xFF, 0xD8, 0xFF, 0xE0], "foto.jpeg"),
            Ok("image/jpeg")
        );
        // A script renamed to .pdf, a PDF renamed to .exe, and a ZIP called .pdf.
        assert_eq!(media_type(b"<script>", "x.pdf"), Err(DocumentProblem::Kind));
        assert_eq!(media_type(b"%PDF-1.7", "x.exe"), Err(DocumentProblem::Kind));
        assert_eq!(
            media_type(b"PK\x03\x04", "x.pdf"),
            Err(DocumentProblem::Kind)
        );
        assert_eq!(
            media_type(b"%PDF-1.7", "no-extension"),
            Err(DocumentProblem::Kind)
        );
        assert_eq!(media_type(b"", "x.pdf"), Err(DocumentProblem::Empty));
        let big = vec![b'%'; MAX_DOCUMENT_BYTES + 1];
        assert_eq!(media_type(&big, "x.pdf"), Err(DocumentProblem::TooLarge));
    }

    #[test]
    fn file_names_keep_the_last_segment_and_the_extension() {
        assert_eq!(
            clean_file_name(r"C:\Users\Aisha\Budget 2027.pdf", "bilag"),
            "Budget 2027.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd", "bilag"), "passwd");
        assert_eq!(clean_file_name("a\"b\u{202E}fdp.exe", "bilag"), "abfdp.exe");
        assert_eq!(clean_file_name(" .. ", "bilag"), "bilag");
        let long = format!("{}.pdf", "å".repeat(300));
        let kept = clean_file_name(&long, "bilag");
        assert_eq!(kept.chars().count(), MAX_FILE_NAME_CHARS);
        assert!(kept.ends_with("å.pdf"));
    }
}
