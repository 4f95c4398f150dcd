//! Fund: the documents attached to grant applications (`grant_document`). A row describes a
//! file (its name, media type, size, SHA-256 and key in the file store); the bytes are kept
//! in the file store by the application layer, never here. Adding and removing are audited;
//! who may is the application's.

use crate::audit::{self, Auditor};
use crate::db::{Db, Sql};
use crate::error::StoreError;
use crate::params;
use crate::row::Row;
use std::collections::HashSet;

/// A document as it is about to be recorded, its bytes already in the file store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDocument {
    /// The required document it is (position in the call's list), or `None` for another.
    pub requirement: Option<usize>,
    /// The file name, cleaned.
    pub file_name: String,
    /// The media type told from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Where the bytes are in the file store.
    pub storage_key: String,
}

/// A recorded document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Id.
    pub id: i64,
    /// The application it belongs to.
    pub application_id: i64,
    /// What it is and where its bytes are.
    pub fields: NewDocument,
    /// Who attached it, when the account still exists.
    pub uploaded_by: Option<String>,
    /// When (UTC seconds).
    pub uploaded_at: i64,
}

fn document_from(r: &Row) -> Result<Document, StoreError> {
    let requirement = r
        .opt_i64("requirement")?
        .map(|p| {
            usize::try_from(p)
                .map_err(|_| StoreError::Decode("column requirement: negative".into()))
        })
        .transpose()?;
    Ok(Document {
        id: r.i64("id")?,
        application_id: r.i64("application_id")?,
        fields: NewDocument {
            requirement,
            file_name: r.string("file_name")?,
            media_type: r.string("media_type")?,
            size_bytes: r.i64("size_bytes")?,
            sha256: r.string("sha256")?,
            storage_key: r.string("storage_key")?,
        },
        uploaded_by: r.opt_string("display_name")?,
        uploaded_at: r.i64("uploaded_at")?,
    })
}

/// The columns of a document, for `concat!` (queries are static text).
macro_rules! document_select {
    () => {
        "SELECT d.id, d.application_id, d.requirement, d.file_name, d.media_type, d.size_bytes, d.sha256, d.storage_key, d.uploaded_at, u.display_name FROM grant_document d LEFT JOIN app_user u ON u.id = d.uploaded_by"
    };
}

/// Records a document on an application while it has fewer than `max` (one transaction,
/// audited); returns its id, or `None` when the application already carries `max`.
pub async fn add(
    db: &Db,
    application_id: i64,
    d: &NewDocument,
    max: usize,
    by: &Auditor,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let mut tx = db.begin().await?;
    // Lock the application's row first, so two uploads at once count each other.
    tx.execute(
        "UPDATE grant_application SET updated_at = updated_at WHERE id = $1",
        params![application_id],
    )
    .await?;
    let carried = tx
        .query_one(
            "SELECT COUNT(*) AS n FROM grant_document WHERE application_id = $1",
            params![application_id],
        )
        .await?
        .i64("n")?;
    if usize::try_from(carried).unwrap_or(usize::MAX) >= max {
        return Ok(None);
    }
    let requirement = d.requirement.map(|p| i64::try_from(p).unwrap_or(i64::MAX));
    let id = tx
        .query_one(
            "INSERT INTO grant_document (application_id, requirement, file_name, media_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            params![
                application_id,
                requirement,
                d.file_name.as_str(),
                d.media_type.as_str(),
                d.size_bytes,
                d.sha256.as_str(),
                d.storage_key.as_str(),
                by.user_id,
                now
            ],
        )
        .await?
        .i64("id")?;
    audit::record_in(&mut tx, by, "attach", "grant_document", Some(id), now).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// An application's documents: the required ones in the call's order, then the others,
/// each group oldest first.
pub async fn of_application(db: &Db, application_id: i64) -> Result<Vec<Document>, StoreError> {
    db.query(
        concat!(
            document_select!(),
            " WHERE d.application_id = $1 ORDER BY CASE WHEN d.requirement IS NULL THEN 1 ELSE 0 END, d.requirement, d.uploaded_at, d.id"
        ),
        params![application_id],
    )
    .await?
    .iter()
    .map(document_from)
    .collect()
}

/// One document of an application; `None` when it does not exist or belongs to another.
pub async fn document(
    db: &Db,
    application_id: i64,
    id: i64,
) -> Result<Option<Document>, StoreError> {
    db.query(
        concat!(
            document_select!(),
            " WHERE d.id = $1 AND d.application_id = $2"
        ),
        params![id, application_id],
    )
    .await?
    .first()
    .map(document_from)
    .transpose()
}

/// Deletes a document's row (audited) and returns its storage key, for the caller to delete
/// the bytes; `None` when there was no such document on the application.
pub async fn remove(
    db: &Db,
    application_id: i64,
    id: i64,
    by: &Auditor,
    now: i64,
) -> Result<Option<String>, StoreError> {
    let mut tx = db.begin().await?;
    let key = tx
        .query_opt(
            "DELETE FROM grant_document WHERE id = $1 AND application_id = $2 RETURNING storage_key",
            params![id, application_id],
        )
        .await?
        .map(|r| r.string("storage_key"))
        .transpose()?;
    if key.is_some() {
        audit::record_in(&mut tx, by, "detach", "grant_document", Some(id), now).await?;
    }
    tx.commit().await?;
    Ok(key)
}

/// Which of `keys` a document row still refers to (the sweep deletes the others' files).
pub async fn known_keys(db: &Db, keys: &[String]) -> Result<HashSet<String>, StoreError> {
    let mut out = HashSet::new();
    for chunk in keys.chunks(500) {
        let mut sql = Sql::new("SELECT storage_key FROM grant_document WHERE storage_key IN (");
        sql.bind_list(chunk.iter().map(String::as_str)).push(")");
        for r in db.query_built(sql).await? {
            out.insert(r.string("storage_key")?);
        }
    }
    Ok(out)
}
