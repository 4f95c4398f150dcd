//! Organisers give an offer its schedules and change single occurrences: a form for a new
//! series (one-off, weekly, fortnightly, monthly on the first or last weekday, or an RFC 5545
//! rule typed as is, with an end date, places and sign-up), and on an occurrence a form to move
//! it, give it another place or cancel it with a reason that everyone signed up is told.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::pages::join::when_text;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::organising::{
    self, OccurrenceDraft, REPEATS, SeriesDraft, managed_occurrence, managed_offer,
};
use naboskab_app::{Error, Managed};
use naboskab_domain::schedule;
use naboskab_store::offers::Offer;

#[derive(Template)]
#[template(path = "schedule.html")]
struct SchedulePage {
    ctx: PageCtx,
    offer: Offer,
    /// Each series: (id, rule as stored, first start, length, places).
    series: Vec<(i64, String, String, i64, String)>,
    repeats: Vec<(&'static str, String)>,
    f: SeriesDraft,
    errors: FormErrors,
}

async fn schedule_page(
    st: &AppState,
    ctx: &Ctx,
    offer: Managed<Offer>,
    f: SeriesDraft,
    errors: FormErrors,
) -> AppResult<SchedulePage> {
    let p = PageCtx::new(st, ctx);
    let series = organising::series_of(&st.app, &offer)
        .await?
        .into_iter()
        .map(|s| {
            (
                s.id,
                s.series
                    .rrule
                    .clone()
                    .unwrap_or_else(|| p.t("schedule-once")),
                schedule::format_local(s.series.dtstart).replace('T', " "),
                s.series.duration_min,
                s.capacity
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| p.t("occurrence-no-limit")),
            )
        })
        .collect();
    Ok(SchedulePage {
        repeats: REPEATS
            .iter()
            .map(|r| (*r, p.t(&format!("schedule-repeat-{r}"))))
            .collect(),
        ctx: p,
        offer: offer.into_inner(),
        series,
        f,
        errors,
    })
}

/// `GET /offers/{id}/schedule`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let o = managed_offer(&st.app, &ctx.actor, id).await?;
    let f = SeriesDraft {
        duration_min: "120".into(),
        repeat: "weekly".into(),
        signup_required: if o.drop_in { String::new() } else { "1".into() },
        ..Default::default()
    };
    Ok(page(
        &schedule_page(&st, &ctx, o, f, FormErrors::default()).await?,
    ))
}

/// `POST /offers/{id}/schedule`: adds a series.
pub async fn add(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<SeriesDraft>,
) -> AppResult<Response> {
    let o = managed_offer(&st.app, &ctx.actor, id).await?;
    match organising::add_series(&st.app, &ctx.actor, &o, &f).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/offers/{}/schedule?notice=notice-settings-saved",
            o.id
        ))
        .into_response()),
        Err(Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &schedule_page(&st, &ctx, o, f, errors).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "occurrence_edit.html")]
struct EditPage {
    ctx: PageCtx,
    occurrence_id: i64,
    when: String,
    f: OccurrenceDraft,
    errors: FormErrors,
}

/// `GET /occurrences/{id}/edit`
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st.app, &ctx.actor, id).await?;
    Ok(page(&EditPage {
        ctx: PageCtx::new(&st, &ctx),
        occurrence_id: occ.id,
        when: when_text(ctx.locale, &occ),
        f: OccurrenceDraft {
            start: schedule::format_local(schedule::utc_to_local(occ.starts_at)),
            place: occ.place.clone(),
            ..Default::default()
        },
        errors: FormErrors::default(),
    }))
}

/// `POST /occurrences/{id}/edit`: moves, relocates or cancels one occurrence.
pub async fn edit(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<OccurrenceDraft>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st.app, &ctx.actor, id).await?;
    match organising::change_occurrence(&st.app, &ctx.actor, &occ, &f).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/occurrences/{}?notice=notice-settings-saved",
            occ.id
        ))
        .into_response()),
        Err(Error::Invalid(problems)) => {
            let p = EditPage {
                ctx: PageCtx::new(&st, &ctx),
                occurrence_id: occ.id,
                when: when_text(ctx.locale, &occ),
                errors: FormErrors::new(ctx.locale, &problems),
                f,
            };
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(e.into()),
    }
}
