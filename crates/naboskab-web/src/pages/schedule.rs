//! Organisers give an offer its schedules and change single occurrences: a form for a new
//! series (one-off, weekly, fortnightly, monthly on the first or last weekday, or an RFC 5545
//! rule typed as is, with an end date, places and sign-up), and on an occurrence a form to move
//! it, give it another place or cancel it with a reason that everyone signed up is told.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::pages::join::{managed_occurrence, when_text};
use crate::pages::offers::require_manage;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use naboskab_app::join::cancellation_notice;
use naboskab_domain::schedule::{self, ScheduleError, Series};
use naboskab_store::join::{self, NewSeries, OccurrenceEdit};
use naboskab_store::offers::{self, Offer};
use serde::Deserialize;

/// How a new series repeats, as offered in the form.
pub const REPEATS: [&str; 6] = [
    "once",
    "weekly",
    "fortnightly",
    "monthly_first",
    "monthly_last",
    "rule",
];

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The new-series form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    start: String,
    duration_min: String,
    repeat: String,
    rule: String,
    until: String,
    capacity: String,
    signup_required: String,
    place: String,
    /// A series this one replaces from `from` onward (empty: added beside the others).
    replaces: String,
    /// The first day the replacement applies, `YYYY-MM-DD`.
    from: String,
}

impl SeriesForm {
    /// The checked series, or the problems by field.
    fn check(&self) -> Result<NewSeries, Vec<FieldError>> {
        let mut problems = Vec::new();
        let mut bad = |field: &str, key: &'static str| {
            problems.push(FieldError {
                field: field.into(),
                key,
            })
        };
        let start = schedule::parse_local(&self.start);
        if start.is_none() {
            bad("start", "field-datetime-invalid");
        }
        let duration = match self.duration_min.trim().parse::<i64>() {
            Ok(d) if (1..=schedule::MAX_DURATION_MIN).contains(&d) => d,
            _ => {
                bad("duration_min", "field-duration-invalid");
                0
            }
        };
        let day = start.map_or("MO", |s| BYDAY[s.weekday().num_days_from_monday() as usize]);
        let mut rule = match self.repeat.as_str() {
            "once" | "" => None,
            "weekly" => Some(format!("FREQ=WEEKLY;BYDAY={day}")),
            "fortnightly" => Some(format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day}")),
            "monthly_first" => Some(format!("FREQ=MONTHLY;BYDAY=1{day}")),
            "monthly_last" => Some(format!("FREQ=MONTHLY;BYDAY=-1{day}")),
            "rule" => Some(self.rule.trim().to_owned()),
            _ => {
                bad("repeat", "field-choose-from-list");
                None
            }
        };
        let until = self.until.trim();
        if !until.is_empty() {
            match chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d") {
                Ok(d) => {
                    if let Some(r) = &mut rule
                        && !r.contains("UNTIL=")
                        && !r.contains("COUNT=")
                    {
                        r.push_str(&format!(";UNTIL={}", d.format("%Y%m%d")));
                    }
                }
                Err(_) => bad("until", "field-date-invalid"),
            }
        }
        let capacity = match self.capacity.trim() {
            "" => None,
            c => match c.parse::<i64>() {
                Ok(n) if (1..=10_000).contains(&n) => Some(n),
                _ => {
                    bad("capacity", "field-number-invalid");
                    None
                }
            },
        };
        if self.place.chars().count() > 200 {
            bad("place", "field-too-long");
        }
        let series = match (start, problems.is_empty()) {
            (Some(s), true) => {
                match Series::new(&schedule::format_local(s), duration, rule.as_deref(), &[]) {
                    Ok(series) => Some(series),
                    Err(ScheduleError::Rule(_)) => {
                        problems.push(FieldError {
                            field: "rule".into(),
                            key: "field-rule-invalid",
                        });
                        None
                    }
                    Err(_) => {
                        problems.push(FieldError {
                            field: "start".into(),
                            key: "field-datetime-invalid",
                        });
                        None
                    }
                }
            }
            _ => None,
        };
        match series {
            Some(series) if problems.is_empty() => Ok(NewSeries {
                series,
                place: self.place.trim().to_owned(),
                signup_required: self.signup_required == "1",
                capacity,
            }),
            _ => Err(problems),
        }
    }
}

#[derive(Template)]
#[template(path = "schedule.html")]
struct SchedulePage {
    ctx: PageCtx,
    offer: Offer,
    /// Each series: (id, rule as stored, first start, length, places).
    series: Vec<(i64, String, String, i64, String)>,
    repeats: Vec<(&'static str, String)>,
    f: SeriesForm,
    errors: FormErrors,
}

async fn schedule_page(
    st: &AppState,
    ctx: &Ctx,
    offer: Offer,
    f: SeriesForm,
    errors: FormErrors,
) -> AppResult<SchedulePage> {
    let p = PageCtx::new(st, ctx);
    let series = join::series_of_offer(&st.db, offer.id)
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
        offer,
        series,
        f,
        errors,
    })
}

async fn managed_offer(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Offer> {
    ctx.require_user()?;
    let o = offers::offer(&st.db, id).await?.ok_or(AppError::NotFound)?;
    require_manage(st, ctx, &o).await?;
    Ok(o)
}

/// `GET /offers/{id}/schedule`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let o = managed_offer(&st, &ctx, id).await?;
    let f = SeriesForm {
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
    Form(f): Form<SeriesForm>,
) -> AppResult<Response> {
    let o = managed_offer(&st, &ctx, id).await?;
    let replaces = match f.replaces.trim() {
        "" => Ok(None),
        r => {
            let known = join::series_of_offer(&st.db, o.id).await?;
            let series = r
                .parse::<i64>()
                .ok()
                .filter(|r| known.iter().any(|s| s.id == *r));
            let from = chrono::NaiveDate::parse_from_str(f.from.trim(), "%Y-%m-%d").ok();
            match (series, from) {
                (Some(series), Some(from)) => Ok(Some((series, from))),
                (None, _) => Err(FieldError {
                    field: "replaces".into(),
                    key: "field-choose-from-list",
                }),
                (_, None) => Err(FieldError {
                    field: "from".into(),
                    key: "field-date-invalid",
                }),
            }
        }
    };
    let checked = match (f.check(), replaces) {
        (Ok(series), Ok(replaces)) => Ok((series, replaces)),
        (Err(mut problems), Err(p)) => {
            problems.push(p);
            Err(problems)
        }
        (Err(problems), _) => Err(problems),
        (_, Err(p)) => Err(vec![p]),
    };
    match checked {
        Ok((series, replaces)) => {
            match replaces {
                Some((old, from)) => {
                    let from = from.and_hms_opt(0, 0, 0).unwrap_or_default();
                    join::split_series(&st.db, old, from, &series, st.now()).await?;
                }
                None => {
                    join::create_series(&st.db, o.id, &series, st.now()).await?;
                }
            }
            tracing::info!(offer = o.id, by = ?ctx.actor.user_id, "series added");
            Ok(Redirect::to(&format!(
                "/offers/{}/schedule?notice=notice-settings-saved",
                o.id
            ))
            .into_response())
        }
        Err(problems) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &schedule_page(&st, &ctx, o, f, errors).await?,
            ))
        }
    }
}

/// A change to one occurrence as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OccurrenceForm {
    start: String,
    place: String,
    cancel_reason: String,
    /// "1" to cancel.
    cancel: String,
}

#[derive(Template)]
#[template(path = "occurrence_edit.html")]
struct EditPage {
    ctx: PageCtx,
    occurrence_id: i64,
    when: String,
    f: OccurrenceForm,
    errors: FormErrors,
}

/// `GET /occurrences/{id}/edit`
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st, &ctx, id).await?;
    Ok(page(&EditPage {
        ctx: PageCtx::new(&st, &ctx),
        occurrence_id: occ.id,
        when: when_text(ctx.locale, &occ),
        f: OccurrenceForm {
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
    Form(f): Form<OccurrenceForm>,
) -> AppResult<Response> {
    let occ = managed_occurrence(&st, &ctx, id).await?;
    let mut problems = Vec::new();
    let new_start = match schedule::parse_local(&f.start) {
        Some(s) if s != schedule::utc_to_local(occ.starts_at) => Some(s),
        Some(_) => None,
        None => {
            problems.push(FieldError {
                field: "start".into(),
                key: "field-datetime-invalid",
            });
            None
        }
    };
    let cancel = f.cancel == "1";
    if cancel && f.cancel_reason.trim().is_empty() {
        problems.push(FieldError {
            field: "cancel_reason".into(),
            key: "field-cancel-reason-required",
        });
    }
    if f.place.chars().count() > 200 || f.cancel_reason.chars().count() > 500 {
        problems.push(FieldError {
            field: "place".into(),
            key: "field-too-long",
        });
    }
    if !problems.is_empty() {
        let p = EditPage {
            ctx: PageCtx::new(&st, &ctx),
            occurrence_id: occ.id,
            when: when_text(ctx.locale, &occ),
            errors: FormErrors::new(ctx.locale, &problems),
            f,
        };
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    let place = f.place.trim();
    let edit = OccurrenceEdit {
        new_start,
        place: (place != occ.place).then(|| place.to_owned()),
        cancel_reason: cancel.then(|| f.cancel_reason.trim().to_owned()),
    };
    st.catalogue.refresh(&st.db).await?;
    let notify = cancellation_notice(&st.app);
    join::edit_occurrence(&st.db, occ.id, &edit, &notify, st.now()).await?;
    tracing::info!(occurrence = occ.id, cancel, by = ?ctx.actor.user_id, "occurrence changed");
    Ok(Redirect::to(&format!(
        "/occurrences/{}?notice=notice-settings-saved",
        occ.id
    ))
    .into_response())
}
