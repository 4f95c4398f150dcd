//! What every printed document shares: typesetting with `naboskab_pdf` off the async
//! workers, the file it makes with the name to offer it under, and messages written for print
//! (without the isolation marks the web pages need; the typesetter orders mixed directions
//! itself).

use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use fluent_bundle::FluentValue;
use naboskab_pdf::Document;

/// A typeset file and the name to offer it under.
#[derive(Debug, Clone)]
pub struct Printed {
    /// A file name without folders (ASCII).
    pub file_name: String,
    /// The PDF and the text on its pages.
    pub pdf: naboskab_pdf::Pdf,
}

/// Typesets `document` on the blocking pool.
pub(crate) async fn typeset(document: Document, file_name: String) -> Result<Printed> {
    let pdf = tokio::task::spawn_blocking(move || naboskab_pdf::render(&document))
        .await
        .map_err(|e| Error::Internal(format!("typesetting task: {e}")))?
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(Printed { file_name, pdf })
}

/// A Fluent message with string arguments, for print.
pub(crate) fn plain(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
        .collect();
    i18n::strip_isolation(&i18n::t_args(locale, key, &args))
}
