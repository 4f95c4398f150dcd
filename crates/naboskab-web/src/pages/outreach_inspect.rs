//! A platform administrator's look into one outreach record (`/outreach/inspect`), for the
//! rare case its holders cannot act: a complaint, a data-subject request, a support case.
//!
//! Administrators are otherwise kept out of outreach records. Here they must have passed the
//! second factor and state a reason for every look ([`Action::InspectOutreachRecord`]); the
//! record is read through [`naboskab_store::reach::inspect`], which writes the audit row with
//! the reason in the same transaction, so the person sees who looked and why in their export.
//! The page is read-only.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::outreach_export::export_view;
use crate::pages::outreach::readable_export;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_domain::{Action, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::{orgs, reach};
use serde::Deserialize;

/// A reason shorter than this says too little to be checked later.
const REASON_MIN_CHARS: usize = 20;
/// Longest reason kept.
const REASON_MAX_CHARS: usize = 500;

/// The request to look, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InspectForm {
    record: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "outreach_inspect.html")]
struct InspectPage {
    ctx: PageCtx,
    f: InspectForm,
    errors: FormErrors,
}

fn authorize_any(ctx: &Ctx) -> AppResult<()> {
    ctx.authorize(
        Action::InspectOutreachRecord,
        &Resource::Organisation { chain: vec![] },
    )
}

/// `GET /outreach/inspect`: the form asking which record and why.
pub async fn form(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    authorize_any(&ctx)?;
    Ok(page(&InspectPage {
        ctx: PageCtx::new(&st, &ctx),
        f: InspectForm::default(),
        errors: FormErrors::default(),
    }))
}

/// `POST /outreach/inspect`: shows the record read-only, the reason logged with the read.
pub async fn inspect(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<InspectForm>,
) -> AppResult<Response> {
    authorize_any(&ctx)?;
    let mut problems = Vec::new();
    let reason = f.reason.trim();
    match reason.chars().count() {
        0 => problems.push(FieldError::new("reason", "field-required")),
        n if n < REASON_MIN_CHARS => {
            problems.push(FieldError::new("reason", "outreach-inspect-reason-short"))
        }
        n if n > REASON_MAX_CHARS => problems.push(FieldError::new("reason", "field-too-long")),
        _ => {}
    }
    let holder = match f.record.trim().parse::<i64>() {
        Ok(id) => reach::owner_of(&st.db, id).await?.map(|h| (id, h)),
        Err(_) => None,
    };
    if holder.is_none() {
        problems.push(FieldError::new("record", "outreach-inspect-no-record"));
    }
    let Some((id, holder)) = holder.filter(|_| problems.is_empty()) else {
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &InspectPage {
                ctx: PageCtx::new(&st, &ctx),
                errors: FormErrors::new(ctx.locale, &problems),
                f,
            },
        ));
    };
    let chain = orgs::chain(&st.db, holder.housing_org_id).await?;
    ctx.authorize(
        Action::InspectOutreachRecord,
        &Resource::Organisation { chain },
    )?;
    let who = Auditor {
        user_id: ctx.actor.user_id,
        role: Role::PlatformAdmin.as_str().into(),
        purpose: format!("inspection: {reason}"),
    };
    let (record, trail) = reach::inspect(&st.db, &st.config.outreach_key, id, &who, st.now())
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::warn!(user = ?ctx.actor.user_id, record = id, "outreach record inspected by a platform administrator");
    let e = export_view(&st, record, trail).await?;
    Ok(page(
        &readable_export(&st, &ctx, id, e, Some(reason.to_owned())).await?,
    ))
}
