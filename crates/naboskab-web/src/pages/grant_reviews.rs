//! The municipality's review of a grant application as a form on the application's page:
//! a score per criterion of the call and a note (`naboskab_app::grants::reviews`).

use super::grant_applications::application_page;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use crate::templates::{FormErrors, page_with_status};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::grants::reviews::{self, ReviewDraft};

/// `POST /grants/applications/{id}/review`: the municipality scores the criteria and adds a
/// note; a bad score answers the page again with it named and what was typed kept.
pub async fn review_application(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let mut draft = ReviewDraft::default();
    for (k, v) in pairs {
        if k == "review_note" {
            draft.note = v;
        } else if let Some(i) = k
            .strip_prefix("score[")
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .filter(|i| *i < 100)
        {
            draft
                .scores
                .resize(draft.scores.len().max(i + 1), String::new());
            draft.scores[i] = v;
        }
    }
    match reviews::review(&st.app, &ctx.actor, id, &draft).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/grants/applications/{id}?notice=notice-grant-reviewed#review-heading"
        ))
        .into_response()),
        Err(naboskab_app::Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            let p = application_page(&st, &ctx, id, Some(&draft), errors).await?;
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(e.into()),
    }
}
