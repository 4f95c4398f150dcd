//! A platform administrator's look into one outreach record (`/outreach/inspect`), for the
//! rare case its holders cannot act: a complaint, a data-subject request, a support case.
//!
//! Administrators are otherwise kept out of outreach records. Here they must have passed the
//! second factor and state a reason for every look ([`Action::InspectOutreachRecord`]); the
//! record is read through [`naboskab_app::reach::inspect`], which writes the audit row with
//! the reason in the same transaction, so the person sees who looked and why in their export.
//! The page is read-only.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::outreach_export::export_view;
use crate::pages::outreach::readable_export;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_domain::{Action, Resource};
use serde::Deserialize;

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
    let (id, record, trail) =
        match naboskab_app::reach::inspect(&st.app, &ctx.actor, &f.record, &f.reason).await {
            Ok(found) => found,
            Err(naboskab_app::Error::Invalid(problems)) => {
                return Ok(page_with_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &InspectPage {
                        ctx: PageCtx::new(&st, &ctx),
                        errors: FormErrors::new(ctx.locale, &problems),
                        f,
                    },
                ));
            }
            Err(e) => return Err(e.into()),
        };
    let e = export_view(&st, record, trail).await?;
    Ok(page(
        &readable_export(&st, &ctx, id, e, Some(f.reason.trim().to_owned())).await?,
    ))
}
