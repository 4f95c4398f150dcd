//! A year of an organisation's volunteering as a page and a CSV file:
//! `GET /organisations/{id}/volunteers?year=` (each volunteer's and each activity's hours, the
//! year's total) and `GET /organisations/{id}/volunteers.csv?year=`, for the people who record
//! the hours. The numbers are `naboskab_app::volunteering::year_of_hours`.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use fluent_bundle::FluentValue;
use naboskab_app::i18n;
use naboskab_app::volunteering::{self, YearOfHours};
use serde::Deserialize;

/// `?year=`: a year as typed (empty: this year).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearQuery {
    year: String,
}

/// The year asked for; anything that is not a number is refused naming `year`.
fn year_of(q: &YearQuery) -> Result<Option<i32>, AppError> {
    match q.year.trim() {
        "" => Ok(None),
        typed => typed
            .parse()
            .map(Some)
            .map_err(|_| AppError::field("year", "field-year-invalid")),
    }
}

#[derive(Template)]
#[template(path = "volunteer_hours.html")]
struct HoursPage {
    ctx: PageCtx,
    organisation_id: i64,
    hours: YearOfHours,
    /// (name, hours, activities)
    people: Vec<(String, String, String)>,
    /// (offer id, title, hours, volunteers)
    activities: Vec<(i64, String, String, usize)>,
    total: String,
    /// "12 hours from 3 volunteers".
    summary: String,
    /// The year, as text.
    year: String,
}

/// The year of hours asked for, for a signed-in person.
async fn hours_asked(st: &AppState, ctx: &Ctx, id: i64, q: &YearQuery) -> AppResult<YearOfHours> {
    ctx.require_user()?;
    Ok(volunteering::year_of_hours(&st.app, &ctx.actor, id, year_of(q)?).await?)
}

/// `GET /organisations/{id}/volunteers[?year=]`.
pub async fn year_page(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> AppResult<Response> {
    let hours = hours_asked(&st, &ctx, id, &q).await?;
    let l = ctx.locale;
    Ok(page(&HoursPage {
        ctx: PageCtx::new(&st, &ctx),
        organisation_id: id,
        people: hours
            .people
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    i18n::format_hours(l, p.minutes),
                    p.activities.join(", "),
                )
            })
            .collect(),
        activities: hours
            .activities
            .iter()
            .map(|a| {
                (
                    a.offer_id,
                    a.title.clone(),
                    i18n::format_hours(l, a.minutes),
                    a.people,
                )
            })
            .collect(),
        total: i18n::format_hours(l, hours.total_minutes),
        summary: i18n::t_args(
            l,
            "volunteer-hours-total",
            &[
                (
                    "hours",
                    FluentValue::from(i18n::format_hours(l, hours.total_minutes)),
                ),
                (
                    "people",
                    FluentValue::from(i64::try_from(hours.people.len()).unwrap_or(i64::MAX)),
                ),
            ],
        ),
        year: hours.year.to_string(),
        hours,
    }))
}

/// `GET /organisations/{id}/volunteers.csv[?year=]`: one row per volunteer, hours written as
/// the reader writes numbers (so a Danish spreadsheet reads "2,5" as a number).
pub async fn year_csv(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> AppResult<Response> {
    let hours = hours_asked(&st, &ctx, id, &q).await?;
    let mut rows = vec![vec![
        ctx.t("volunteers-name"),
        ctx.t("volunteer-hours-activities"),
        ctx.t("volunteers-hours"),
    ]];
    for p in &hours.people {
        rows.push(vec![
            p.name.clone(),
            p.activities.join(", "),
            i18n::format_hours(ctx.locale, p.minutes),
        ]);
    }
    crate::spreadsheet::csv_download(&format!("volunteer-hours-{id}-{}.csv", hours.year), &rows)
}
