//! The municipality's review of a grant application as a form on the application's page:
//! a score per criterion of the call and a note (`naboskab_app::grants::reviews`).

use super::grant_applications::back_to_application;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
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
    let outcome = reviews::review(&st.app, &ctx.actor, id, &draft).await;
    let notice = "notice-grant-reviewed#review-heading";
    back_to_application(&st, &ctx, id, outcome, notice, Some(&draft)).await
}
