//! Fund's volunteers in the API: the alerts a department's board and its housing
//! organisation's staff follow (activities that stand on one person, volunteers who carry
//! too many).

use super::Problem;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::input::parse_query;
use crate::state::AppState;
use axum::Json;
use axum::extract::{RawQuery, State};
use naboskab_app::volunteering;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An activity whose host has no co-host.
#[derive(Serialize, ToSchema)]
pub struct OnePersonOut {
    /// The offer.
    pub offer_id: i64,
    /// Its title.
    pub title: String,
    /// Its page.
    pub url: String,
}

/// A volunteer who carries more activities than the limit.
#[derive(Serialize, ToSchema)]
pub struct LoadOut {
    /// The volunteer's name.
    pub name: String,
    /// How many activities they carry (host or co-host).
    pub activities: usize,
}

/// The alerts of a department (or of a housing organisation's or area's departments).
#[derive(Serialize, ToSchema)]
pub struct AlertsOut {
    /// The place asked about.
    pub department_id: i64,
    /// How many activities one volunteer may carry before being named.
    pub limit: usize,
    /// Activities with a host and no co-host.
    pub without_co_host: Vec<OnePersonOut>,
    /// Volunteers over the limit.
    pub over_limit: Vec<LoadOut>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlertsQuery {
    department: Option<String>,
    limit: Option<String>,
}

/// Which activities stand on one volunteer and which volunteers carry too many, for the
/// department's board and its housing organisation's administrators and social caretakers.
#[utoipa::path(get, path = "/api/v1/volunteering/alerts", tag = "volunteering", security(("bearer" = [])),
    params(
        ("department" = i64, Query, description = "A department, housing organisation or housing area"),
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 50, description = "How many activities one volunteer may carry before being named (default 3)")),
    responses((status = 200, body = AlertsOut), (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn alerts(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<AlertsOut>> {
    if ctx.actor.user_id.is_none() {
        return Err(AppError::Unauthorized);
    }
    let q: AlertsQuery = parse_query(raw.as_deref())?;
    let department = q
        .department
        .as_deref()
        .map(str::trim)
        .and_then(|d| d.parse::<i64>().ok())
        .ok_or_else(|| AppError::field("department", "field-required"))?;
    let limit = match q.limit.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => Some(
            n.parse::<usize>()
                .ok()
                .filter(|n| (1..=50).contains(n))
                .ok_or_else(|| AppError::field("limit", "field-volunteer-limit"))?,
        ),
    };
    let a = volunteering::alerts(&st.app, &ctx.actor, department, limit).await?;
    Ok(Json(AlertsOut {
        department_id: department,
        limit: a.limit,
        without_co_host: a
            .without_co_host
            .into_iter()
            .map(|(offer_id, title)| OnePersonOut {
                offer_id,
                title,
                url: format!("{}/offers/{offer_id}", st.config.base_url),
            })
            .collect(),
        over_limit: a
            .over_limit
            .into_iter()
            .map(|(name, activities)| LoadOut { name, activities })
            .collect(),
    }))
}
