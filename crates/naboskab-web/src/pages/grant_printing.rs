//! A grant application on paper: `GET /grants/applications/{id}/application.pdf` (the whole
//! application for the committee, in the reader's language) and
//! `GET /grants/applications/{id}/decision.pdf` (the decision letter, in Danish and the
//! applicant's language). Who may have which is `naboskab_app::grants::printing`'s to say.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::spreadsheet::download as file_download;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use naboskab_app::grants::printing::{self, Printed};

/// The PDF as a file to save (signed in, so the context layer marks it `no-store`).
fn pdf_download(printed: Printed) -> AppResult<Response> {
    file_download("application/pdf", &printed.file_name, printed.pdf.bytes)
}

/// `GET /grants/applications/{id}/application.pdf`: for whoever may read the application.
pub async fn application_pdf(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    pdf_download(printing::application_pdf(&st.app, &ctx.actor, id, ctx.locale).await?)
}

/// `GET /grants/applications/{id}/decision.pdf`: for the applicant and the municipality, once
/// decided.
pub async fn decision_pdf(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    pdf_download(printing::decision_letter_pdf(&st.app, &ctx.actor, id).await?)
}
