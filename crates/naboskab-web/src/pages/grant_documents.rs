//! The documents of a grant application as pages: the list on the application's page (each
//! required document attached or missing), the applicant's upload form (a plain
//! `multipart/form-data` form, no JavaScript), removing, and downloading for whoever may
//! read the application. The rules are `naboskab_app::grants::documents`.

use super::grant_applications::back_to_application;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::grants::when;
use crate::spreadsheet::download as file_download;
use crate::state::AppState;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_app::grants::applications::ApplicationView;
use naboskab_app::grants::documents::{self, Upload};
use naboskab_app::i18n;
use naboskab_domain::documents::ACCEPTED_EXTENSIONS;

/// One attached document as the application's page lists it.
pub(super) struct DocumentRow {
    pub id: i64,
    /// The required document it is, or "Other document".
    pub what: String,
    pub file_name: String,
    pub size: String,
    pub uploaded: String,
    /// The applicant may remove it now (not the only document of a requirement once the
    /// application is submitted).
    pub removable: bool,
}

/// The documents part of the application's page.
pub(super) struct DocumentsView {
    pub rows: Vec<DocumentRow>,
    /// The call's required documents not attached yet.
    pub missing: Vec<String>,
    /// The upload form's choices: (value, label); the required ones, then "other".
    pub choices: Vec<(String, String)>,
    /// The upload field's `accept` list.
    pub accept: &'static str,
}

/// The documents part of the page for `v`, in the reader's language.
pub(super) fn documents_view(ctx: &Ctx, v: &ApplicationView) -> DocumentsView {
    let other = ctx.t("grant-document-other");
    let required = &v.call.documents;
    let rows = v
        .documents
        .iter()
        .map(|d| DocumentRow {
            id: d.id,
            what: documents::requirement_of(&v.call, d)
                .map_or_else(|| other.clone(), str::to_owned),
            file_name: d.fields.file_name.clone(),
            size: i18n::format_size(ctx.locale, d.fields.size_bytes),
            uploaded: when(ctx.locale, d.uploaded_at),
            removable: v.changeable && documents::may_remove(v, d),
        })
        .collect();
    let missing = documents::missing(required, &v.documents);
    let mut choices: Vec<(String, String)> = required
        .iter()
        .enumerate()
        .map(|(i, name)| (i.to_string(), name.clone()))
        .collect();
    choices.push((String::new(), other));
    DocumentsView {
        rows,
        missing,
        choices,
        accept: ACCEPTED_EXTENSIONS,
    }
}

/// Reads the upload form's fields; the file's bytes as sent (the use case checks them).
async fn read_upload(mut form: Multipart) -> AppResult<Upload> {
    let mut upload = Upload::default();
    let bad_form = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::PayloadTooLarge
        } else {
            AppError::field("file", "field-file-unreadable")
        }
    };
    while let Some(field) = form.next_field().await.map_err(bad_form)? {
        match field.name().unwrap_or_default() {
            "requirement" => {
                let typed = field.text().await.map_err(bad_form)?;
                upload.requirement = match typed.trim() {
                    "" => None,
                    n => Some(
                        n.parse()
                            .map_err(|_| AppError::field("requirement", "field-invalid"))?,
                    ),
                };
            }
            "file" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                upload.bytes = field.bytes().await.map_err(bad_form)?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// `POST /grants/applications/{id}/documents`: the applicant attaches a file; a refused one
/// answers the page again with the problem named.
pub async fn attach(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    form: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    // Who may comes first: a stranger learns nothing from how their form was read.
    documents::check_may_change(&st.app, &ctx.actor, id).await?;
    let form = form.map_err(|_| AppError::field("file", "field-file-unreadable"))?;
    let upload = read_upload(form).await?;
    let outcome = documents::attach(&st.app, &ctx.actor, id, upload).await;
    let notice = "notice-grant-document-attached#documents-heading";
    back_to_application(&st, &ctx, id, outcome, notice, None).await
}

/// `POST /grants/applications/{id}/documents/{document}/remove`: the applicant removes one.
pub async fn remove(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, document)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let outcome = documents::detach(&st.app, &ctx.actor, id, document).await;
    let notice = "notice-grant-document-removed#documents-heading";
    back_to_application(&st, &ctx, id, outcome, notice, None).await
}

/// `GET /grants/applications/{id}/documents/{document}`: the file, saved under its name, for
/// whoever may read the application; 404 for anyone else.
pub async fn download(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, document)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (d, bytes) = documents::download(&st.app, &ctx.actor, id, document).await?;
    // Signed in, so the context layer marks it `Cache-Control: no-store`.
    file_download(&d.fields.media_type, &d.fields.file_name, bytes)
}
