//! Fund's volunteers as pages: a resident offers to help on an activity, and its organisers
//! keep the roster (what the activity asks for, confirming, hours, thanks) at
//! `/offers/{id}/volunteers`. The rules are `naboskab_app::volunteering`; these handlers
//! parse, call one use case, and render or redirect.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::i18n;
use naboskab_app::volunteering::{self, Roster};
use naboskab_domain::volunteering::{VolunteerRole, VolunteerStatus};
use std::collections::BTreeMap;

/// A form body as single values (the first of each name).
fn fields(body: &str) -> BTreeMap<String, String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (k, v) in pairs {
        out.entry(k).or_insert(v);
    }
    out
}

/// `POST /offers/{id}/volunteer`: the signed-in reader offers to help in a role.
pub async fn offer_help(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    ctx.require_user()?;
    let f = fields(&body);
    let role = f.get("role").map(String::as_str).unwrap_or_default();
    volunteering::offer_help(&st.app, &ctx.actor, id, role).await?;
    Ok(Redirect::to(&format!("/offers/{id}?notice=notice-volunteer-offered")).into_response())
}

/// A volunteer on the roster.
struct VolunteerRow {
    id: i64,
    name: String,
    role: String,
    confirmed: bool,
    year_hours: String,
}

#[derive(Template)]
#[template(path = "volunteers.html")]
struct RosterPage {
    ctx: PageCtx,
    offer_id: i64,
    offer_title: String,
    /// The organisation whose year of hours the roster links to.
    organisation_id: i64,
    /// (role code, label, asked for, confirmed)
    wanted: Vec<(String, String, String, i64)>,
    volunteers: Vec<VolunteerRow>,
    /// (volunteer id, name, day, hours as typed)
    suggestions: Vec<(i64, String, String, String)>,
    /// (name, day, hours)
    recorded: Vec<(String, String, String)>,
    today: String,
    errors: FormErrors,
}

fn roster_page(st: &AppState, ctx: &Ctx, r: Roster, errors: FormErrors) -> RosterPage {
    let l = ctx.locale;
    let hours = |minutes: i64| i18n::format_hours(l, minutes);
    let name_of = |id: i64| {
        r.volunteers
            .iter()
            .find(|v| v.id == id)
            .map(|v| v.name.clone())
            .unwrap_or_default()
    };
    RosterPage {
        ctx: PageCtx::new(st, ctx),
        offer_id: r.offer.id,
        offer_title: r.offer.title.clone(),
        organisation_id: r.offer.organisation_id,
        wanted: VolunteerRole::ALL
            .iter()
            .map(|role| {
                let w = r.wanted.iter().find(|w| w.role == *role);
                (
                    role.to_string(),
                    ctx.t(&format!("volunteer-role-{role}")),
                    w.map(|w| w.wanted.to_string()).unwrap_or_default(),
                    w.map_or(0, |w| w.confirmed),
                )
            })
            .collect(),
        volunteers: r
            .volunteers
            .iter()
            .map(|v| VolunteerRow {
                id: v.id,
                name: v.name.clone(),
                role: ctx.t(&format!("volunteer-role-{}", v.role)),
                confirmed: v.status == VolunteerStatus::Confirmed,
                year_hours: hours(
                    r.year
                        .iter()
                        .filter(|t| t.user_id == v.user_id)
                        .map(|t| t.minutes)
                        .sum(),
                ),
            })
            .collect(),
        suggestions: r
            .suggestions
            .iter()
            .map(|s| {
                (
                    s.volunteer_id,
                    s.name.clone(),
                    s.day.to_string(),
                    hours(s.minutes).replace(',', "."),
                )
            })
            .collect(),
        recorded: r
            .recorded
            .iter()
            .map(|(id, day, m)| (name_of(*id), day.to_string(), hours(*m)))
            .collect(),
        today: naboskab_app::partnerships::today(&st.app).to_string(),
        errors,
    }
}

/// `GET /offers/{id}/volunteers`: the activity's roster, for its organisers.
pub async fn roster(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require_user()?;
    let r = volunteering::roster(&st.app, &ctx.actor, id).await?;
    Ok(page_with_status(
        StatusCode::OK,
        &roster_page(&st, &ctx, r, FormErrors::default()),
    ))
}

/// Back to the roster with a notice, or the roster again with the problems named (422).
async fn answer(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    result: naboskab_app::error::Result<()>,
    notice: &str,
) -> AppResult<Response> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/offers/{id}/volunteers?notice={notice}")).into_response())
        }
        Err(naboskab_app::Error::Invalid(problems)) => {
            let r = volunteering::roster(&st.app, &ctx.actor, id).await?;
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &roster_page(st, ctx, r, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /offers/{id}/volunteers/wanted`: what the activity asks for.
pub async fn set_wanted(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    ctx.require_user()?;
    let f = fields(&body);
    let typed: Vec<(VolunteerRole, String)> = VolunteerRole::ALL
        .iter()
        .map(|r| {
            (
                *r,
                f.get(&format!("wanted_{r}")).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let result = volunteering::set_wanted(&st.app, &ctx.actor, id, &typed).await;
    answer(&st, &ctx, id, result, "notice-volunteers-saved").await
}

/// `POST /offers/{id}/volunteers/{volunteer}`: the organisers confirm a volunteer, record
/// hours for a day, send thanks, or take them off the activity (`action` = confirm, hours,
/// thanks, remove); a volunteer withdraws themselves with `remove` and `own`.
pub async fn act(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, volunteer)): Path<(i64, i64)>,
    body: String,
) -> AppResult<Response> {
    ctx.require_user()?;
    let f = fields(&body);
    let v = |k: &str| f.get(k).cloned().unwrap_or_default();
    let app = &st.app;
    let action = v("action");
    let (result, notice) = match action.as_str() {
        "confirm" => (
            volunteering::confirm(app, &ctx.actor, id, volunteer).await,
            "notice-volunteer-confirmed",
        ),
        "remove" => (
            volunteering::remove(app, &ctx.actor, id, volunteer).await,
            "notice-volunteer-removed",
        ),
        "hours" => (
            volunteering::record_hours(app, &ctx.actor, id, volunteer, &v("day"), &v("hours"))
                .await,
            "notice-volunteer-hours",
        ),
        "thanks" => (
            volunteering::thank(app, &ctx.actor, id, volunteer).await,
            "notice-volunteer-thanked",
        ),
        _ => return Err(AppError::field("action", "field-invalid")),
    };
    if action == "remove" && result.is_ok() && f.contains_key("own") {
        return Ok(
            Redirect::to(&format!("/offers/{id}?notice=notice-volunteer-withdrawn"))
                .into_response(),
        );
    }
    answer(&st, &ctx, id, result, notice).await
}
