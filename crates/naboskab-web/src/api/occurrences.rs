//! Occurrences in the API: the calendar as data (`GET /api/v1/occurrences`, times in RFC 3339
//! with the Copenhagen offset) and sign-up (`POST /api/v1/occurrences/{id}/signups`, 201 with
//! `confirmed` or `waitlisted` and the place in line).

use super::Problem;
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::input::JsonBody;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use naboskab_app::join as cases;
use naboskab_domain::schedule;
use naboskab_domain::{Action, Resource};
use naboskab_store::join::{self, Occurrence, OccurrenceQuery, SeriesRow, SignupResult};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use naboskab_domain::schedule::rfc3339_local;

/// One occurrence.
#[derive(Serialize, ToSchema)]
pub struct OccurrenceOut {
    /// Id.
    pub id: i64,
    /// The offer.
    pub offer_id: i64,
    /// The series it belongs to.
    pub series_id: i64,
    /// Offer title (Danish).
    pub title: String,
    /// Start, RFC 3339 with offset.
    pub start: String,
    /// End, RFC 3339 with offset.
    pub end: String,
    /// The original local start of this occurrence (iCalendar RECURRENCE-ID).
    pub recurrence_id: String,
    /// Where, when not the offer's own place.
    pub place: String,
    /// Cancelled.
    pub cancelled: bool,
    /// Why it was cancelled.
    pub cancel_reason: String,
    /// Sign-up needed (otherwise drop in).
    pub signup_required: bool,
    /// Places; null is no limit.
    pub capacity: Option<i64>,
    /// Free places, when limited.
    pub places_left: Option<i64>,
    /// Its page.
    pub url: String,
}

fn occurrence_out(st: &AppState, o: Occurrence) -> OccurrenceOut {
    OccurrenceOut {
        url: format!("{}/occurrences/{}", st.config.base_url, o.id),
        start: rfc3339_local(o.starts_at),
        end: rfc3339_local(o.ends_at),
        places_left: o.places_left(),
        id: o.id,
        offer_id: o.offer_id,
        series_id: o.series_id,
        title: o.offer_title,
        recurrence_id: o.recurrence_id,
        place: o.place,
        cancelled: o.cancelled,
        cancel_reason: o.cancel_reason,
        signup_required: o.signup_required,
        capacity: o.capacity,
    }
}

/// A series as the API shows it with an offer.
#[derive(Serialize, ToSchema)]
pub struct SeriesOut {
    /// Id.
    pub id: i64,
    /// First start in local wall-clock time, `YYYY-MM-DDTHH:MM`.
    pub dtstart: String,
    /// Always `Europe/Copenhagen`.
    pub tzid: String,
    /// Length in minutes.
    pub duration_min: i64,
    /// RFC 5545 RRULE value; null for a one-off event.
    pub rrule: Option<String>,
    /// Excluded local starts.
    pub exdates: Vec<String>,
    /// Where, when not the offer's own place.
    pub place: String,
    /// Sign-up needed.
    pub signup_required: bool,
    /// Places; null is no limit.
    pub capacity: Option<i64>,
}

/// The API form of a series.
pub fn series_out(s: SeriesRow) -> SeriesOut {
    SeriesOut {
        id: s.id,
        dtstart: schedule::format_local(s.series.dtstart),
        tzid: schedule::TZID.into(),
        duration_min: s.series.duration_min,
        rrule: s.series.rrule,
        exdates: s
            .series
            .exdates
            .iter()
            .map(|e| schedule::format_local(*e))
            .collect(),
        place: s.place,
        signup_required: s.signup_required,
        capacity: s.capacity,
    }
}

/// The occurrences query.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct OccurrencesInput {
    from: Option<String>,
    to: Option<String>,
    offer: Option<String>,
    department: Option<String>,
    limit: Option<String>,
    lang: Option<String>,
}

/// A page of occurrences.
#[derive(Serialize, ToSchema)]
pub struct OccurrenceList {
    /// In time order.
    pub items: Vec<OccurrenceOut>,
}

fn parse_time(field: &str, v: &str, problems: &mut Vec<FieldError>) -> Option<DateTime<Utc>> {
    let v = v.trim();
    let parsed = DateTime::parse_from_rfc3339(v)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| schedule::parse_local(v).map(schedule::local_to_utc))
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(schedule::local_to_utc)
        });
    if parsed.is_none() {
        problems.push(FieldError {
            field: field.into(),
            key: "field-datetime-invalid",
        });
    }
    parsed
}

/// Occurrences of published offers in a window.
#[utoipa::path(get, path = "/api/v1/occurrences", tag = "calendar",
    params(
        ("from" = Option<String>, Query, description = "Start of the window: RFC 3339, or a local date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM) in Copenhagen; default now", pattern = "^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]((:[0-5][0-9](\\.[0-9]{1,9})?)(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?)?)?$"),
        ("to" = Option<String>, Query, description = "End of the window (exclusive), written as from; default 7 days after from; it must follow from by at most 400 days (422 otherwise)", pattern = "^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]((:[0-5][0-9](\\.[0-9]{1,9})?)(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?)?)?$"),
        ("offer" = Option<i64>, Query, description = "Only this offer"),
        ("department" = Option<i64>, Query, description = "Only offers in this department"),
        ("limit" = Option<i64>, Query, description = "1–1000, default 200", minimum = 1, maximum = 1000)),
    responses((status = 200, body = OccurrenceList), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_occurrences(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<OccurrenceList>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: OccurrencesInput = super::parse_query(raw.as_deref())?;
    let mut problems = Vec::new();
    let now = DateTime::from_timestamp(st.now(), 0).unwrap_or_default();
    let from = match &input.from {
        Some(v) if !v.trim().is_empty() => parse_time("from", v, &mut problems),
        _ => Some(now),
    };
    let to = match &input.to {
        Some(v) if !v.trim().is_empty() => parse_time("to", v, &mut problems),
        _ => from.map(|f| f + chrono::Duration::days(7)),
    };
    if let (Some(f), Some(t)) = (from, to)
        && (t <= f || t - f > chrono::Duration::days(join::HORIZON_DAYS))
    {
        problems.push(FieldError {
            field: "to".into(),
            key: "field-window-invalid",
        });
    }
    let mut id_of = |field: &str, v: &Option<String>| match v.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push(FieldError {
                    field: field.into(),
                    key: "field-invalid",
                });
                None
            }
        },
    };
    let offer = id_of("offer", &input.offer);
    let department = id_of("department", &input.department);
    let limit = match input.limit.as_deref().map(str::trim) {
        None | Some("") => 200,
        Some(l) => match l.parse::<i64>() {
            Ok(n) if (1..=1000).contains(&n) => n,
            _ => {
                problems.push(FieldError {
                    field: "limit".into(),
                    key: "field-limit-1000-invalid",
                });
                200
            }
        },
    };
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::Invalid(vec![]));
    };
    let items = naboskab_app::calendar::published_occurrences(
        &st.app,
        OccurrenceQuery {
            from: from.timestamp(),
            to: to.timestamp(),
            offer_id: offer,
            department_ids: department.into_iter().collect(),
            limit,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .map(|o| occurrence_out(&st, o))
    .collect();
    Ok(Json(OccurrenceList { items }))
}

/// A sign-up through the API.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SignupIn {
    /// Name (not needed with a bearer token: the account's name is used).
    pub name: String,
    /// E-mail (a guest gives this or a phone); a confirmation link is sent to it.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Bringing a friend (+1 place).
    pub bring_friend: bool,
    /// First time: the organiser will greet them.
    pub first_time: bool,
}

/// The result of a sign-up.
#[derive(Serialize, ToSchema)]
pub struct SignupOut {
    /// `confirmed` or `waitlisted`.
    pub status: String,
    /// Place in line when waitlisted (1 is next).
    pub waitlist_position: Option<i64>,
    /// Whether a confirmation link was sent that must be opened (guests).
    pub needs_confirmation: bool,
}

/// Sign up for an occurrence.
#[utoipa::path(post, path = "/api/v1/occurrences/{id}/signups", tag = "calendar",
    params(("id" = i64, Path, description = "Occurrence id")),
    request_body = SignupIn,
    responses((status = 201, body = SignupOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already signed up, or sign-up is closed"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A guest gives a name and an e-mail address or phone number; each problem is named in `errors`"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many guest sign-ups from this address; `Retry-After` says when to try again")))]
pub async fn create_signup(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    JsonBody(input): JsonBody<SignupIn>,
) -> AppResult<(StatusCode, Json<SignupOut>)> {
    let input = cases::SignUp {
        occurrence_id: id,
        person: ctx.person(&input.name, &input.phone, &input.email, false),
        locale: ctx.locale,
        bring_friend: input.bring_friend,
        first_time: input.first_time,
        on_behalf: None,
    };
    let checked = cases::check_sign_up(&st.app, &ctx.actor, &input).await?;
    st.check_guest_limit(&ctx)?;
    let done = cases::sign_up(&st.app, checked).await?;
    let verified = done.verified;
    let (status, position) = match done.result {
        SignupResult::Confirmed { .. } => ("confirmed", None),
        SignupResult::Waitlisted { position, .. } => ("waitlisted", Some(position)),
        SignupResult::AlreadySignedUp { .. } => return Err(AppError::Conflict("signup-already")),
        SignupResult::Closed => return Err(AppError::Conflict("signup-closed")),
    };
    Ok((
        StatusCode::CREATED,
        Json(SignupOut {
            status: status.into(),
            waitlist_position: position,
            needs_confirmation: !verified,
        }),
    ))
}
