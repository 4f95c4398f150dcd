//! Measure's anonymous survey in the API: staff start rounds and list those they may read;
//! anyone with a one-time code sends an answer (no login, and nothing in the answer's reply
//! identifies it); staff and the municipality read a round's report, which withholds every
//! figure of fewer than five respondents.

use super::Problem;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::input::{JsonBody, parse_query};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use naboskab_app::surveys::{self, AnswerForm, RoundForm, RoundView, report};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A new round.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundIn {
    /// The departments asked (the caller must run surveys in each).
    #[schema(min_items = 1, max_items = 200)]
    pub department_ids: Vec<i64>,
    /// First day answers are taken (YYYY-MM-DD).
    #[schema(example = "2026-09-01")]
    pub opens_on: String,
    /// Last day answers are taken (YYYY-MM-DD), not before `opens_on`.
    #[schema(example = "2026-09-30")]
    pub closes_on: String,
    /// Languages of the letters and the form besides Danish, which is always included
    /// (`en`, `ar`).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub languages: Vec<String>,
    /// Ask WHO-5 too.
    #[serde(default)]
    pub who5: bool,
    /// A name for the round; by default "Trivselsundersøgelse" and the opening day.
    #[serde(default)]
    #[schema(max_length = 120)]
    pub title: Option<String>,
}

/// A round.
#[derive(Serialize, ToSchema)]
pub struct RoundOut {
    /// Id.
    pub id: i64,
    /// Its name.
    pub title: String,
    /// First day.
    pub opens_on: String,
    /// Last day.
    pub closes_on: String,
    /// Languages, Danish first.
    pub languages: Vec<String>,
    /// Whether WHO-5 is asked.
    pub who5: bool,
    /// The departments asked.
    pub department_ids: Vec<i64>,
    /// Codes issued so far.
    pub codes_issued: i64,
    /// Its report in the API.
    pub report_url: String,
}

/// The rounds the caller may read.
#[derive(Serialize, ToSchema)]
pub struct RoundList {
    /// Newest first.
    pub items: Vec<RoundOut>,
}

fn round_out(st: &AppState, r: RoundView) -> RoundOut {
    RoundOut {
        id: r.id,
        title: r.title,
        opens_on: r.opens_on.to_string(),
        closes_on: r.closes_on.to_string(),
        languages: r.languages.iter().map(|l| l.code().to_owned()).collect(),
        who5: r.who5,
        department_ids: r.departments.iter().map(|(id, _)| *id).collect(),
        codes_issued: r.codes_issued,
        report_url: format!(
            "{}/api/v1/surveys/rounds/{}/report",
            st.config.base_url, r.id
        ),
    }
}

/// Starts a survey round in departments the caller runs surveys in (a housing
/// organisation's administrators and social caretakers, the municipality's officers). A
/// department already asked in an overlapping period is refused: one round at a time.
#[utoipa::path(post, path = "/api/v1/surveys/rounds", tag = "surveys", security(("bearer" = [])),
    request_body = RoundIn,
    responses((status = 201, body = RoundOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A date is missing or wrong, the period overlaps another round, a department is unknown")))]
pub async fn create_round(
    State(st): State<AppState>,
    ctx: Ctx,
    JsonBody(input): JsonBody<RoundIn>,
) -> AppResult<(StatusCode, Json<RoundOut>)> {
    ctx.require_user()?;
    let title = input
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| format!("Trivselsundersøgelse {}", input.opens_on.trim()));
    let form = RoundForm {
        title,
        opens_on: input.opens_on,
        closes_on: input.closes_on,
        languages: input.languages,
        who5: input.who5,
        department_ids: input.department_ids,
    };
    let id = surveys::create_round(&st.app, &ctx.actor, &form).await?;
    let view = surveys::round(&st.app, &ctx.actor, id).await?;
    Ok((StatusCode::CREATED, Json(round_out(&st, view))))
}

/// The rounds the caller may read (every department of the round), newest first.
#[utoipa::path(get, path = "/api/v1/surveys/rounds", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = RoundList), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn list_rounds(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<RoundList>> {
    ctx.require_user()?;
    let items = surveys::rounds(&st.app, &ctx.actor)
        .await?
        .into_iter()
        .map(|r| round_out(&st, r))
        .collect();
    Ok(Json(RoundList { items }))
}

/// An answer sent with a one-time code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    /// The one-time code from the letter (spaces and dashes are ignored).
    #[schema(max_length = 40)]
    pub code: String,
    /// The three T-ILS items in order, each 1 (hardly ever) to 3 (often).
    #[schema(min_items = 3, max_items = 3)]
    pub tils: Vec<i64>,
    /// The five WHO-5 items, each 0–5, when the round asks them.
    #[serde(default)]
    #[schema(min_items = 5, max_items = 5)]
    pub who5: Option<Vec<i64>>,
    /// `16-24`, `25-34`, `35-44`, `45-54`, `55-64`, `65-74`, `75+`, or none.
    #[serde(default)]
    pub age_band: Option<String>,
    /// `woman`, `man`, `other`, or none.
    #[serde(default)]
    pub gender: Option<String>,
}

/// The reply to an answer: nothing that identifies it.
#[derive(Serialize, ToSchema)]
pub struct AnswerOut {
    /// Always `stored`.
    pub status: String,
}

fn items<const N: usize>(values: &[i64]) -> [Option<i64>; N] {
    let mut out = [None; N];
    if values.len() == N {
        for (slot, v) in out.iter_mut().zip(values) {
            *slot = Some(*v);
        }
    }
    out
}

/// Sends an answer with a one-time code; no login. The reply carries no identifier. A used
/// or unknown code is the same 409; an item out of range is 422 naming it; a round that
/// takes no answers today is 409 and the code stays usable.
#[utoipa::path(post, path = "/api/v1/surveys/answers", tag = "surveys",
    request_body = AnswerIn,
    responses((status = 201, body = AnswerOut),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The code is unknown or used already (one answer for both), or the round is closed"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "An item is missing or out of range (each named in `errors`)")))]
pub async fn submit_answer(
    State(st): State<AppState>,
    JsonBody(input): JsonBody<AnswerIn>,
) -> AppResult<(StatusCode, Json<AnswerOut>)> {
    let form = AnswerForm {
        code: input.code,
        tils: items(&input.tils),
        who5: input.who5.as_deref().map(items),
        age_band: input.age_band,
        gender: input.gender,
    };
    surveys::submit(&st.app, &form).await?;
    Ok((
        StatusCode::CREATED,
        Json(AnswerOut {
            status: "stored".into(),
        }),
    ))
}

/// The national reference lines.
#[derive(Serialize, ToSchema)]
pub struct ReferenceOut {
    /// Adults in Denmark with severe loneliness (Den Nationale Sundhedsprofil 2021).
    pub national: f64,
    /// Adults in social housing (the same survey).
    pub social_housing: f64,
}

/// A round's report (or one department's). Shares are unweighted, from a self-selected
/// sample: not directly comparable with the weighted national figures.
#[derive(Serialize, ToSchema)]
pub struct ReportOut {
    /// The round.
    pub round_id: i64,
    /// The department asked for, when one was.
    pub department_id: Option<i64>,
    /// How many answered.
    pub respondents: u64,
    /// True when fewer than 5 answered: no share, interval or mean is given.
    pub suppressed: bool,
    /// Share with severe loneliness (T-ILS ≥ 7), 0–1.
    pub severe_share: Option<f64>,
    /// Its Wilson 95 % interval, `[low, high]`.
    pub severe_ci95: Option<[f64; 2]>,
    /// Mean T-ILS score (3–9).
    pub mean_score: Option<f64>,
    /// Share with poor wellbeing (WHO-5 ≤ 50) among those who answered WHO-5, when 5 or more did.
    pub who5_poor_share: Option<f64>,
    /// The reference lines.
    pub reference: ReferenceOut,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportQuery {
    department: Option<String>,
}

/// A round's report for those who may read every department of it (404 for others). With
/// `department`, that department's figures, refused (422) when they would describe fewer
/// than five people, alone or by subtraction from the round's.
#[utoipa::path(get, path = "/api/v1/surveys/rounds/{id}/report", tag = "surveys", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Round id"),
        ("department" = Option<i64>, Query, description = "One department of the round")),
    responses((status = 200, body = ReportOut),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "The department's figures would describe fewer than five people")))]
pub async fn get_report(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<ReportOut>> {
    ctx.require_user()?;
    let q: ReportQuery = parse_query(raw.as_deref())?;
    let department = match q.department.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            d.parse::<i64>()
                .map_err(|_| AppError::field("department", "field-survey-too-narrow"))?,
        ),
    };
    let r = report::report(&st.app, &ctx.actor, id, department).await?;
    let f = &r.figures;
    Ok(Json(ReportOut {
        round_id: r.round.id,
        department_id: r.department.map(|(id, _)| id),
        respondents: f.respondents,
        suppressed: f.suppressed(),
        severe_share: f.severe.map(|s| s.share),
        severe_ci95: f.severe.map(|s| [s.low, s.high]),
        mean_score: f.mean_score,
        who5_poor_share: f.who5_poor.map(|s| s.share),
        reference: ReferenceOut {
            national: r.national,
            social_housing: r.social_housing,
        },
    }))
}
