//! The municipality's review: a call's applications as a list with a status filter and each
//! criterion's score, the committee's export of the same rows as XLSX and CSV, and the
//! review form on an application's page (a score per criterion of the call and a note;
//! `naboskab_app::grants::reviews`).

use super::grant_applications::{back_to_application, points_text};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::grants::when;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use naboskab_app::grants::applications::{self as apps, Listed};
use naboskab_app::grants::reviews::{self, ReviewDraft};
use naboskab_app::i18n;
use naboskab_domain::grants::{ApplicationStatus, Question};
use naboskab_store::grants::GrantCall;
use serde::Deserialize;

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

/// One application in the municipality's list.
struct ReviewRow {
    id: i64,
    title: String,
    organisation: String,
    status: String,
    applied: String,
    budget: String,
    submitted: String,
    points: String,
    /// Each criterion's score, in the call's order ("–" before it is scored).
    scores: Vec<String>,
}

/// Each criterion's score as the list and the export show it: the number, or "–".
fn scores_text(x: &Listed) -> Vec<String> {
    x.scores
        .iter()
        .map(|s| s.map(|n| n.to_string()).unwrap_or_else(|| "–".into()))
        .collect()
}

#[derive(Template)]
#[template(path = "grant_applications.html")]
struct ReviewPage {
    ctx: PageCtx,
    call: GrantCall,
    rows: Vec<ReviewRow>,
    statuses: Vec<(&'static str, String)>,
    chosen: String,
    applied_total: String,
}

/// The review list's filter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReviewQuery {
    status: String,
}

impl ReviewQuery {
    fn status(&self) -> AppResult<Option<ApplicationStatus>> {
        match self.status.as_str() {
            "" => Ok(None),
            s => ApplicationStatus::parse(s)
                .map(Some)
                .ok_or(AppError::field("status", "field-invalid")),
        }
    }
}

/// `GET /grants/calls/{id}/applications[?status=]`: a call's applications for its
/// municipality's officers.
pub async fn review(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(call_id): Path<i64>,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Response> {
    let (call, list) =
        apps::applications_of_call(&st.app, &ctx.actor, call_id, q.status()?).await?;
    let l = ctx.locale;
    let applied: i64 = list
        .iter()
        .map(|x| x.application.fields.amount_applied_ore)
        .sum();
    let rows = list
        .into_iter()
        .map(|x| {
            let scores = scores_text(&x);
            let a = x.application;
            ReviewRow {
                scores,
                id: a.id,
                status: ctx.t(&format!("grant-status-{}", a.status)),
                applied: i18n::format_money(l, a.fields.amount_applied_ore),
                budget: i18n::format_money(l, x.budget_total_ore),
                submitted: a.submitted_at.map(|t| when(l, t)).unwrap_or_default(),
                points: points_text(x.points),
                title: a.fields.title,
                organisation: a.organisation_name,
            }
        })
        .collect();
    Ok(page(&ReviewPage {
        ctx: PageCtx::new(&st, &ctx),
        call,
        rows,
        statuses: ApplicationStatus::NAMES
            .iter()
            .filter(|s| **s != ApplicationStatus::Draft.as_str())
            .map(|s| (*s, ctx.t(&format!("grant-status-{s}"))))
            .collect(),
        chosen: q.status,
        applied_total: i18n::format_money(l, applied),
    }))
}

/// The committee's sheet of a call's applications: a header row, then one row per
/// application with the same words and amounts as the pages, each criterion's score, and
/// the answers to the call's questions.
async fn committee_sheet(
    st: &AppState,
    ctx: &Ctx,
    call_id: i64,
    q: &ReviewQuery,
) -> AppResult<Vec<Vec<String>>> {
    let (call, list) =
        apps::applications_of_call(&st.app, &ctx.actor, call_id, q.status()?).await?;
    let l = ctx.locale;
    let money = |ore: i64| i18n::format_money(l, ore);
    let mut sheet = vec![
        [
            "grant-number",
            "grant-organisation",
            "grant-application-title",
            "grant-status",
            "grant-submitted-at",
            "grant-activities",
            "grant-budget",
            "grant-income",
            "grant-amount-applied",
            "grant-amount-granted",
            "grant-decision",
            "grant-points",
        ]
        .iter()
        .map(|k| ctx.t(k))
        .collect::<Vec<_>>(),
    ];
    sheet[0].extend(call.criteria.iter().cloned());
    sheet[0].extend(call.questions.iter().map(|q| Question::parse(q).text));
    for x in list {
        let scores = scores_text(&x);
        let a = x.application;
        let mut row = vec![
            a.id.to_string(),
            a.organisation_name,
            a.fields.title,
            ctx.t(&format!("grant-status-{}", a.status)),
            a.submitted_at.map(|t| when(l, t)).unwrap_or_default(),
            a.fields
                .activities
                .iter()
                .map(|x| format!("{} ({})", x.title, x.expected_participants))
                .collect::<Vec<_>>()
                .join("; "),
            money(x.budget_total_ore),
            money(x.income_total_ore),
            money(a.fields.amount_applied_ore),
            a.amount_granted_ore.map(money).unwrap_or_default(),
            a.decision_reason,
            points_text(x.points),
        ];
        row.extend(scores);
        row.extend(
            (0..call.questions.len()).map(|i| a.fields.answers.get(i).cloned().unwrap_or_default()),
        );
        sheet.push(row);
    }
    Ok(sheet)
}

/// `GET /grants/calls/{id}/applications.csv[?status=]`: the committee's export.
pub async fn export_csv(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(call_id): Path<i64>,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Response> {
    let sheet = committee_sheet(&st, &ctx, call_id, &q).await?;
    crate::spreadsheet::csv_download(&format!("grant-applications-{call_id}.csv"), &sheet)
}

/// `GET /grants/calls/{id}/applications.xlsx[?status=]`: the same rows as a workbook.
pub async fn export_xlsx(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(call_id): Path<i64>,
    Query(q): Query<ReviewQuery>,
) -> AppResult<Response> {
    let sheet = committee_sheet(&st, &ctx, call_id, &q).await?;
    crate::spreadsheet::xlsx_download(
        &ctx.t("grant-applications"),
        &format!("grant-applications-{call_id}.xlsx"),
        &sheet,
    )
}
