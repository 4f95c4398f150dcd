//! Fund's grants in the API: the calls (public), and an organisation's applications for the
//! applicant (write, attach documents, submit, read) and for whoever else may read them.
//! Amounts are whole øre; totals are computed by the server, never taken from the request.

use super::Problem;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::input::{JsonBody, parse_query};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use chrono::DateTime;
use naboskab_app::grants::applications::{
    self as apps, ActivityDraft, ApplicationDraft, ApplicationView,
};
use naboskab_app::grants::documents::{self, Upload};
use naboskab_app::grants::{self, Amount};
use naboskab_domain::{Action, Resource};
use naboskab_store::grants::GrantCall;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A moment as RFC 3339 with Copenhagen's offset.
fn rfc3339(at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(naboskab_domain::schedule::rfc3339_local)
        .unwrap_or_default()
}

/// A grant call.
#[derive(Serialize, ToSchema)]
pub struct CallOut {
    /// Id.
    pub id: i64,
    /// The municipality's four-digit code.
    pub municipality_code: String,
    /// The municipality's name.
    pub municipality: String,
    /// Title.
    pub title: String,
    /// The year the money is for.
    pub year: i32,
    /// The whole pool, in øre.
    pub pool_ore: i64,
    /// When submitting opens (RFC 3339).
    pub opens_at: String,
    /// When submitting ends (RFC 3339; the moment itself is too late).
    pub deadline: String,
    /// The most one application may get, in øre.
    pub max_amount_ore: i64,
    /// What the call wants to fund.
    pub focus_areas: Vec<String>,
    /// The documents every application must attach before it can be submitted.
    pub required_documents: Vec<String>,
    /// The call's public page.
    pub url: String,
}

fn call_out(st: &AppState, c: &GrantCall) -> CallOut {
    CallOut {
        id: c.id,
        municipality_code: c.municipality_code.clone(),
        municipality: c.municipality_name.clone(),
        title: c.title.clone(),
        year: c.year,
        pool_ore: c.pool_ore,
        opens_at: rfc3339(c.opens_at),
        deadline: rfc3339(c.deadline_at),
        max_amount_ore: c.max_amount_ore,
        focus_areas: c.focus_areas.iter().map(|f| f.to_string()).collect(),
        required_documents: c.documents.clone(),
        url: format!("{}/grants/calls/{}", st.config.base_url, c.id),
    }
}

/// The calls.
#[derive(Serialize, ToSchema)]
pub struct CallList {
    /// Every call, newest deadline first.
    pub items: Vec<CallOut>,
}

/// Every grant call, newest deadline first.
#[utoipa::path(get, path = "/api/v1/grants/calls", tag = "grants",
    responses((status = 200, body = CallList)))]
pub async fn list_calls(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<CallList>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let items = grants::calls(&st.app)
        .await?
        .iter()
        .map(|c| call_out(&st, c))
        .collect();
    Ok(Json(CallList { items }))
}

/// An activity the money is for.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct ActivityIo {
    /// What it is.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// Who it is for.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub target_group: String,
    /// How many are expected.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 100_000)]
    pub expected_participants: i64,
    /// The offer on Naboskab it is, if there is one.
    #[serde(default)]
    pub offer_id: Option<i64>,
}

/// A budget or income line.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct LineIo {
    /// What for, or from where.
    #[schema(min_length = 1, max_length = 200)]
    pub text: String,
    /// Amount in øre, not negative.
    #[schema(minimum = 0, maximum = 10_000_000_000_i64)]
    pub amount_ore: i64,
}

/// A new application.
#[derive(Deserialize, ToSchema)]
pub struct ApplicationIn {
    /// The call applied to.
    pub call_id: i64,
    /// The applicant organisation (the caller must be its organiser, or its board for a
    /// department).
    pub organisation_id: i64,
    /// Title.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// What the money will do.
    #[serde(default)]
    #[schema(max_length = 10_000)]
    pub summary: String,
    /// Activities.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub activities: Vec<ActivityIo>,
    /// Budget lines.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub budget_lines: Vec<LineIo>,
    /// Income lines.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub income_lines: Vec<LineIo>,
    /// The amount asked for, in øre: more than 0, at most the call's maximum and the budget.
    #[schema(minimum = 1, maximum = 10_000_000_000_i64)]
    pub amount_applied_ore: i64,
    /// Answers to the call's questions, in order.
    #[serde(default)]
    #[schema(max_items = 50)]
    pub answers: Vec<String>,
    /// Submit now (before the deadline); otherwise a draft is saved.
    #[serde(default)]
    pub submit: bool,
}

/// An application.
#[derive(Serialize, ToSchema)]
pub struct ApplicationOut {
    /// Id.
    pub id: i64,
    /// The call.
    pub call_id: i64,
    /// The applicant organisation.
    pub organisation_id: i64,
    /// Title.
    pub title: String,
    /// Where it stands: draft, submitted, granted, refused or reported.
    pub status: String,
    /// Activities.
    pub activities: Vec<ActivityIo>,
    /// Budget lines.
    pub budget_lines: Vec<LineIo>,
    /// Income lines.
    pub income_lines: Vec<LineIo>,
    /// The sum of the budget lines, computed.
    pub budget_total_ore: i64,
    /// The sum of the income lines, computed.
    pub income_total_ore: i64,
    /// The amount asked for.
    pub amount_applied_ore: i64,
    /// The amount granted, once granted.
    pub amount_granted_ore: Option<i64>,
    /// The attached documents.
    pub documents: Vec<DocumentOut>,
    /// The call's required documents not attached yet (by name); submitting waits for them.
    pub missing_documents: Vec<String>,
    /// The application's page.
    pub url: String,
}

/// A document attached to an application.
#[derive(Serialize, ToSchema)]
pub struct DocumentOut {
    /// Id.
    pub id: i64,
    /// The call's required document it is, by name; absent for another document.
    pub requirement: Option<String>,
    /// The file's name.
    pub file_name: String,
    /// Its media type, told from its content.
    pub media_type: String,
    /// Its size in bytes.
    pub size_bytes: i64,
    /// SHA-256 of the content, hexadecimal.
    pub sha256: String,
    /// When it was attached (RFC 3339).
    pub uploaded_at: String,
    /// Where it is downloaded (with the session or token that read the application).
    pub url: String,
}

fn application_out(st: &AppState, v: ApplicationView) -> ApplicationOut {
    let missing_documents = documents::missing(&v.call.documents, &v.documents);
    let documents = v
        .documents
        .iter()
        .map(|d| DocumentOut {
            id: d.id,
            requirement: documents::requirement_of(&v.call, d).map(str::to_owned),
            file_name: d.fields.file_name.clone(),
            media_type: d.fields.media_type.clone(),
            size_bytes: d.fields.size_bytes,
            sha256: d.fields.sha256.clone(),
            uploaded_at: rfc3339(d.uploaded_at),
            url: format!(
                "{}/grants/applications/{}/documents/{}",
                st.config.base_url, d.application_id, d.id
            ),
        })
        .collect();
    let a = v.application;
    let lines = |lines: Vec<naboskab_store::grants::Line>| -> Vec<LineIo> {
        lines
            .into_iter()
            .map(|l| LineIo {
                text: l.text,
                amount_ore: l.amount_ore,
            })
            .collect()
    };
    ApplicationOut {
        url: format!("{}/grants/applications/{}", st.config.base_url, a.id),
        id: a.id,
        call_id: a.call_id,
        organisation_id: a.organisation_id,
        title: a.fields.title,
        status: a.status.to_string(),
        activities: a
            .fields
            .activities
            .into_iter()
            .map(|x| ActivityIo {
                title: x.title,
                target_group: x.target_group,
                expected_participants: x.expected_participants,
                offer_id: x.offer_id,
            })
            .collect(),
        budget_lines: lines(a.fields.budget),
        income_lines: lines(a.fields.income),
        budget_total_ore: v.budget_total_ore,
        income_total_ore: v.income_total_ore,
        amount_applied_ore: a.fields.amount_applied_ore,
        amount_granted_ore: a.amount_granted_ore,
        documents,
        missing_documents,
    }
}

fn draft_of(input: ApplicationIn) -> ApplicationDraft {
    let lines = |lines: Vec<LineIo>| {
        lines
            .into_iter()
            .map(|l| apps::LineDraft {
                text: l.text,
                amount: Amount::Ore(l.amount_ore),
            })
            .collect()
    };
    ApplicationDraft {
        title: input.title,
        summary: input.summary,
        activities: input
            .activities
            .into_iter()
            .map(|a| ActivityDraft {
                title: a.title,
                target_group: a.target_group,
                expected_participants: a.expected_participants.to_string(),
                offer_id: a.offer_id,
            })
            .collect(),
        budget_lines: lines(input.budget_lines),
        income_lines: lines(input.income_lines),
        amount_applied: Amount::Ore(input.amount_applied_ore),
        answers: input.answers,
    }
}

/// Writes a grant application as a draft, or submits it (`"submit": true`) before the
/// call's deadline. Totals are computed by the server.
#[utoipa::path(post, path = "/api/v1/grants/applications", tag = "grants", security(("bearer" = [])),
    request_body = ApplicationIn,
    responses((status = 201, body = ApplicationOut),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A field is missing or wrong: an amount over the call's maximum or the budget, a negative line, `submit` after the deadline (each named in `errors`)")))]
pub async fn create_application(
    State(st): State<AppState>,
    ctx: Ctx,
    JsonBody(input): JsonBody<ApplicationIn>,
) -> AppResult<(StatusCode, Json<ApplicationOut>)> {
    ctx.require_user()?;
    let (call_id, organisation_id, submit) = (input.call_id, input.organisation_id, input.submit);
    let draft = draft_of(input);
    let v = apps::apply(
        &st.app,
        &ctx.actor,
        call_id,
        organisation_id,
        &draft,
        submit,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(application_out(&st, v))))
}

/// One application: for its organisation, the call's municipality and the housing
/// organisations whose departments it names; 404 for everyone else.
#[utoipa::path(get, path = "/api/v1/grants/applications/{id}", tag = "grants", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, body = ApplicationOut)))]
pub async fn get_application(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<ApplicationOut>> {
    let v = apps::application(&st.app, &ctx.actor, id).await?;
    Ok(Json(application_out(&st, v)))
}

/// Where an API upload says what the file is.
#[derive(Debug, Deserialize)]
struct DocumentQuery {
    /// The file's name, with its extension ("Vedtægter.pdf").
    file_name: String,
    /// The call's required document it is, by position in `required_documents` (from 0);
    /// absent for another document.
    requirement: Option<usize>,
}

/// Attaches a document to an application its applicant may still change: the file's bytes
/// are the request body. A PDF, an image (JPEG, PNG, WebP) or an office document, at most
/// 10 MB, its content matching its name.
#[utoipa::path(post, path = "/api/v1/grants/applications/{id}/documents", tag = "grants", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id"),
        ("file_name" = String, Query, description = "The file's name, with its extension (`Vedtægter.pdf`)"),
        ("requirement" = Option<i64>, Query, minimum = 0, description = "The call's required document it is, by position in `required_documents` (from 0); absent for another document")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = DocumentOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The application can no longer be changed"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The file is empty, too large or of a kind not taken (`file`), or `requirement` names no required document")))]
pub async fn attach_document(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    RawQuery(raw): RawQuery,
    body: axum::body::Bytes,
) -> AppResult<(StatusCode, Json<DocumentOut>)> {
    ctx.require_user()?;
    // Who may comes first: a stranger learns nothing from how the request was read.
    documents::check_may_change(&st.app, &ctx.actor, id).await?;
    let q: DocumentQuery = parse_query(raw.as_deref())?;
    let upload = Upload {
        requirement: q.requirement,
        file_name: q.file_name,
        bytes: body.to_vec(),
    };
    let document = documents::attach(&st.app, &ctx.actor, id, upload).await?;
    let v = apps::application(&st.app, &ctx.actor, id).await?;
    let out = application_out(&st, v)
        .documents
        .into_iter()
        .find(|d| d.id == document)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(out)))
}

/// Removes a document from an application its applicant may still change.
#[utoipa::path(delete, path = "/api/v1/grants/applications/{id}/documents/{document}", tag = "grants", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id"), ("document" = i64, Path, description = "Document id")),
    responses((status = 204, description = "Removed, with its file"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The application can no longer be changed, or it is submitted and this is the only document of a requirement")))]
pub async fn remove_document(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, document)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    ctx.require_user()?;
    documents::detach(&st.app, &ctx.actor, id, document).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Submits an application as it is saved, once the call's required documents are attached
/// and before its deadline.
#[utoipa::path(post, path = "/api/v1/grants/applications/{id}/submit", tag = "grants", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, body = ApplicationOut),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already decided"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "`submit`: after the deadline, before the call opens, or a required document is missing")))]
pub async fn submit_application(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<ApplicationOut>> {
    ctx.require_user()?;
    let v = apps::submit(&st.app, &ctx.actor, id).await?;
    Ok(Json(application_out(&st, v)))
}
