//! Naboskab's printable documents typeset as PDF with typst.
//!
//! A caller describes a [`Document`] (what it says, already translated and formatted for the
//! reader: labels, amounts, dates) as one or more [`Part`]s, each a [`Sheet`] (an application
//! for the committee, a report) or a [`Letter`] (a decision), each in its own language and
//! starting on its own page. [`render`] lays it out with the one template in
//! `templates/document.typ` and the embedded DejaVu Sans (Latin, Cyrillic and Arabic script;
//! Arabic, Persian and Urdu parts are set right to left by their language) and returns the
//! PDF with the text it laid out, so callers' tests read what a reader would see.
//!
//! What a caller passes is data, never markup: the template receives the document as JSON
//! (`sys.inputs.data`) and prints its strings as text, so `*`, `#` or `=` typed by a user is
//! printed as typed and cannot run typst code.
//!
//! typst and its ~300 crates live in this crate alone, so they compile once and a change
//! anywhere else in the workspace never rebuilds them.

use std::sync::LazyLock;

use serde::Serialize;
use typst::foundations::{Bytes, Dict, IntoValue};
use typst::layout::{Frame, FrameItem};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

/// The one template every document is laid out with.
const TEMPLATE: &str = include_str!("../templates/document.typ");
const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const MAIN: &str = "document.typ";

/// Built once: parsing the fonts is the slow part of a first document.
static ENGINE: LazyLock<TypstEngine> = LazyLock::new(|| {
    TypstEngine::builder()
        .fonts([REGULAR, BOLD])
        .with_static_source_file_resolver([(MAIN, TEMPLATE)])
        .build()
});

/// A whole PDF file: its title (shown by PDF readers) and its parts, in order.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Document {
    /// The document's title, kept in the PDF's metadata.
    pub title: String,
    /// What it holds; each part begins on a new page.
    pub parts: Vec<Part>,
}

/// One part of a document, in one language.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Part {
    /// Headed facts and sections: an application, a report.
    Sheet(Sheet),
    /// A letter from an organisation to a person.
    Letter(Letter),
    /// An invitation to answer a survey: one page with a one-time code and its link as a QR
    /// code, in Danish and one more language.
    Invitation(Invitation),
}

/// A sheet: a heading, a few facts, then sections.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sheet {
    /// BCP 47 language of the text ("da", "ar"); sets hyphenation and quotes.
    pub lang: String,
    /// The language is written right to left: the layout mirrors (text that begins in the
    /// other direction keeps its own, as HTML's `dir="auto"`).
    pub rtl: bool,
    /// The big heading.
    pub heading: String,
    /// The line under it.
    pub subheading: String,
    /// Label and value pairs under the heading.
    pub facts: Vec<Fact>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Printed at the foot of each page, beside the page number.
    pub footer: String,
}

/// A label and its value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fact {
    /// What it is ("Ansøgt beløb").
    pub label: String,
    /// Its value ("25.000,00 kr.").
    pub value: String,
}

/// A headed section of a sheet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// What a section holds.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph; line breaks in it are kept.
    Text {
        /// The text.
        text: String,
    },
    /// Label and value pairs.
    Facts {
        /// The pairs.
        facts: Vec<Fact>,
    },
    /// A table with a header row and, optionally, a total row.
    Table(Table),
}

/// A table of text cells.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    /// The header row.
    pub columns: Vec<String>,
    /// Which columns hold numbers (set flush to the end of the cell); as long as `columns`.
    pub numeric: Vec<bool>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
    /// A last row in bold (the sums), as long as `columns`.
    pub total: Option<Vec<String>>,
}

/// A letter: who sends it, to whom, when, about what, and what it says.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Letter {
    /// BCP 47 language of the text.
    pub lang: String,
    /// The language is written right to left.
    pub rtl: bool,
    /// The sender's lines (name, unit).
    pub sender: Vec<String>,
    /// The recipient's lines (name, organisation).
    pub recipient: Vec<String>,
    /// The date line.
    pub date: String,
    /// The subject, in bold.
    pub subject: String,
    /// The paragraphs of the letter.
    pub paragraphs: Vec<String>,
    /// The lines under the text (greeting, sender).
    pub closing: Vec<String>,
    /// Printed at the foot of each page, beside the page number.
    pub footer: String,
}

/// An invitation to answer a survey, one page per address: who sends it, to whom, the texts
/// in their languages (Danish first), and in the middle the code, the link and the link as a
/// QR code to scan.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Invitation {
    /// The sender's lines.
    pub sender: Vec<String>,
    /// The recipient's lines ("Til beboerne i …").
    pub recipient: Vec<String>,
    /// The one-time code, as printed.
    pub code: String,
    /// The address that opens the questionnaire with the code; printed and drawn as a QR code.
    pub link: String,
    /// The text in each language, in order.
    pub texts: Vec<InvitationText>,
    /// Printed at the foot of the page.
    pub footer: String,
}

/// An invitation's text in one language.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InvitationText {
    /// BCP 47 language.
    pub lang: String,
    /// Written right to left.
    pub rtl: bool,
    /// Its heading.
    pub heading: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
    /// The label before the code ("Din kode").
    pub code_label: String,
}

/// A typeset document.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// The text laid out on its pages, in reading order of the layout, one line per run.
    pub text: String,
    /// How many images (QR codes) are drawn on its pages.
    pub images: usize,
}

/// Why a document could not be typeset: a bug in the template or the fonts, never the input.
#[derive(Debug, thiserror::Error)]
#[error("typesetting failed: {0}")]
pub struct PdfError(String);

/// Lays `document` out and writes it as PDF. CPU-bound (tens of milliseconds a page); call
/// it off the async workers.
pub fn render(document: &Document) -> Result<Pdf, PdfError> {
    let mut value = serde_json::to_value(document).map_err(|e| PdfError(e.to_string()))?;
    // Each invitation's link drawn as a QR code (SVG), for the template's `image`.
    if let Some(parts) = value.get_mut("parts").and_then(|p| p.as_array_mut()) {
        for part in parts.iter_mut().filter(|p| p["kind"] == "invitation") {
            let link = part["link"].as_str().unwrap_or_default().to_owned();
            part["qr"] = qr_svg(&link)?.into();
        }
    }
    let json = serde_json::to_vec(&value).map_err(|e| PdfError(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("data".into(), Bytes::new(json).into_value());
    let paged: PagedDocument = ENGINE
        .compile_with_input(MAIN, inputs)
        .output
        .map_err(|e| PdfError(format!("{e:?}")))?;
    let bytes = typst_pdf::pdf(&paged, &typst_pdf::PdfOptions::default())
        .map_err(|e| PdfError(format!("{e:?}")))?;
    let mut text = String::new();
    let mut images = 0;
    for page in paged.pages() {
        text_of(&page.frame, &mut text, &mut images);
    }
    Ok(Pdf {
        bytes,
        pages: paged.pages().len(),
        text,
        images,
    })
}

/// `text` as a QR code in SVG, black on white with its quiet zone, medium error correction (a
/// folded or smudged letter still scans).
fn qr_svg(text: &str) -> Result<String, PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| PdfError(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// Appends the text runs of `frame` and the frames inside it, one per line, and counts its
/// images.
fn text_of(frame: &Frame, out: &mut String, images: &mut usize) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => text_of(&group.frame, out, images),
            FrameItem::Text(run) => {
                out.push_str(run.text.as_str());
                out.push('\n');
            }
            FrameItem::Image(..) => *images += 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
