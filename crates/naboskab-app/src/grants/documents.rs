//! Documents attached to grant applications: the applicant attaches what the call requires
//! (and anything else) while the application is theirs to change; whoever may read the
//! application may download them. A file's kind is told from its content, its bytes go to
//! the [`FileStore`](crate::files::FileStore) under a random key and its row to the
//! database; removing deletes both, and [`sweep`] deletes any file left without a row.

use super::applications::{ApplicationView, Reader, application};
use super::auditor;
use crate::App;
use crate::error::{Error, Result};
use naboskab_domain::Actor;
use naboskab_domain::Role;
use naboskab_domain::documents::{self as rules, DocumentProblem};
use naboskab_domain::grants::ApplicationStatus;
use naboskab_store::grant_documents::{self as store, Document, NewDocument};
use naboskab_store::grants::GrantCall;
use sha2::{Digest, Sha256};

/// Where attached documents live in the file store.
const PREFIX: &str = "grant";

/// A file as it arrived from a form or the API.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// The required document it is (position in the call's list), or `None` for another.
    pub requirement: Option<usize>,
    /// The name the browser gave.
    pub file_name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Which of the call's required documents `document` is, by name; `None` for another.
pub fn requirement_of<'a>(call: &'a GrantCall, document: &Document) -> Option<&'a str> {
    document
        .fields
        .requirement
        .and_then(|r| call.documents.get(r))
        .map(String::as_str)
}

/// The names of the call's required documents that none of `documents` is, in the call's
/// order.
pub fn missing(required: &[String], documents: &[Document]) -> Vec<String> {
    required
        .iter()
        .enumerate()
        .filter(|(i, _)| !documents.iter().any(|d| d.fields.requirement == Some(*i)))
        .map(|(_, name)| name.clone())
        .collect()
}

/// Whether the actor may change the application's documents now: refused as
/// [`attach`] and [`detach`] would be, before any file is read.
pub async fn check_may_change(app: &App, actor: &Actor, application_id: i64) -> Result<()> {
    changeable(app, actor, application_id).await.map(|_| ())
}

/// Whether `document` may leave the application `v` as it stands: not when `v` is submitted
/// and it is the only document of one of the call's requirements.
pub fn may_remove(v: &ApplicationView, document: &Document) -> bool {
    let Some(requirement) = document.fields.requirement else {
        return true;
    };
    v.application.status != ApplicationStatus::Submitted
        || v.documents
            .iter()
            .filter(|d| d.fields.requirement == Some(requirement))
            .count()
            > 1
}

/// The application, when the actor may change its documents now.
async fn changeable(app: &App, actor: &Actor, application_id: i64) -> Result<ApplicationView> {
    let v = application(app, actor, application_id).await?;
    if v.reader != Reader::Applicant {
        return Err(Error::Forbidden);
    }
    if !v.changeable {
        return Err(Error::Conflict("grant-documents-closed"));
    }
    Ok(v)
}

/// Attaches a document to an application the actor may change; returns its id. The file is
/// refused, naming `file`, when it is empty, too large or not a PDF, an image or an office
/// document; naming `requirement` when the call has no such required document.
pub async fn attach(app: &App, actor: &Actor, application_id: i64, upload: Upload) -> Result<i64> {
    let v = changeable(app, actor, application_id).await?;
    if upload
        .requirement
        .is_some_and(|r| r >= v.call.documents.len())
    {
        return Err(Error::field("requirement", "field-invalid"));
    }
    let fallback = crate::i18n::t(crate::i18n::Locale::Da, "grant-document-fallback-name");
    let file_name = rules::clean_file_name(&upload.file_name, &fallback);
    // The kind is told by the name that is kept, so a download's name always matches it.
    let media_type = rules::media_type(&upload.bytes, &file_name).map_err(|p| {
        Error::field(
            "file",
            match p {
                DocumentProblem::Empty => "field-file-empty",
                DocumentProblem::TooLarge => "field-file-too-large",
                DocumentProblem::Kind => "field-file-kind",
            },
        )
    })?;
    if v.documents.len() >= rules::MAX_DOCUMENTS {
        return Err(Error::field("file", "field-file-too-many"));
    }
    let key = format!(
        "{PREFIX}/{application_id}/{}",
        crate::secrets::random_token(24)
    );
    let fields = NewDocument {
        requirement: upload.requirement,
        file_name,
        media_type: media_type.to_owned(),
        size_bytes: i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX),
        sha256: hex::encode(Sha256::digest(&upload.bytes)),
        storage_key: key.clone(),
    };
    // Bytes first, row second: a crash between the two leaves a file without a row, which
    // the sweep deletes; never a row without its file.
    app.config.files.put(&key, upload.bytes).await?;
    let by = auditor(actor, Role::Organiser, "grant application");
    let recorded = store::add(
        &app.db,
        application_id,
        &fields,
        rules::MAX_DOCUMENTS,
        &by,
        app.now(),
    )
    .await;
    match recorded {
        Ok(Some(id)) => {
            tracing::info!(
                application = application_id,
                document = id,
                "grant document attached"
            );
            Ok(id)
        }
        Ok(None) => {
            app.config.files.delete(&key).await?;
            Err(Error::field("file", "field-file-too-many"))
        }
        Err(e) => {
            app.config.files.delete(&key).await?;
            Err(e.into())
        }
    }
}

/// Removes a document from an application the actor may change (row and file). A submitted
/// application keeps at least one document per requirement: removing the last one is
/// refused until another is attached or the application is saved as a draft.
pub async fn detach(app: &App, actor: &Actor, application_id: i64, document_id: i64) -> Result<()> {
    let v = changeable(app, actor, application_id).await?;
    let document = v
        .documents
        .iter()
        .find(|d| d.id == document_id)
        .ok_or(Error::NotFound)?;
    if !may_remove(&v, document) {
        return Err(Error::Conflict("grant-document-still-required"));
    }
    let by = auditor(actor, Role::Organiser, "grant application");
    if let Some(key) = store::remove(&app.db, application_id, document_id, &by, app.now()).await? {
        app.config.files.delete(&key).await?;
    }
    Ok(())
}

/// A document and its bytes, for whoever may read the application (a download by anyone but
/// the applicant is logged, like reading the application).
pub async fn download(
    app: &App,
    actor: &Actor,
    application_id: i64,
    document_id: i64,
) -> Result<(Document, Vec<u8>)> {
    let v = application(app, actor, application_id).await?;
    let document = v
        .documents
        .into_iter()
        .find(|d| d.id == document_id)
        .ok_or(Error::NotFound)?;
    if v.reader != Reader::Applicant {
        tracing::info!(application = application_id, document = document_id, by = ?actor.user_id, reader = ?v.reader, "grant document read");
    }
    let bytes = app.config.files.get(&document.fields.storage_key).await?;
    Ok((document, bytes))
}

/// Deletes the files no document row refers to any more (an application erased with its
/// organisation), when they were written more than an hour before `now` (so an upload
/// between its file and its row is left alone). Returns how many were deleted.
pub async fn sweep(app: &App) -> Result<usize> {
    let keys = app
        .config
        .files
        .keys_written_before(PREFIX, app.now() - 3600)
        .await?;
    let known = store::known_keys(&app.db, &keys).await?;
    let mut deleted = 0;
    for key in keys.iter().filter(|k| !known.contains(*k)) {
        app.config.files.delete(key).await?;
        deleted += 1;
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(requirement: Option<usize>) -> Document {
        Document {
            id: 1,
            application_id: 1,
            fields: NewDocument {
                requirement,
                file_name: "x.pdf".into(),
                media_type: "application/pdf".into(),
                size_bytes: 1,
                sha256: String::new(),
                storage_key: String::new(),
            },
            uploaded_by: None,
            uploaded_at: 0,
        }
    }

    #[test]
    fn a_requirement_is_met_by_a_document_that_says_it_is_that_one() {
        let required = vec!["Vedtægter".to_owned(), "Budget".into(), "Regnskab".into()];
        assert_eq!(missing(&required, &[]), required);
        assert_eq!(
            missing(&required, &[document(Some(1)), document(None)]),
            ["Vedtægter", "Regnskab"],
            "another document meets no requirement"
        );
        assert!(missing(&[], &[document(None)]).is_empty());
    }
}
