//! Rooms and bookings in the API: `GET /api/v1/rooms`, a room's availability
//! (`GET /api/v1/rooms/{id}/availability`), and booking (`POST /api/v1/bookings`: 201, or 409
//! naming the time of the booking in the way, or 422 naming the rules broken). A repeated
//! request with the same `Idempotency-Key` books once and answers with that booking.

use super::Problem;
use super::occurrences::rfc3339_local;
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::input::JsonBody;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Duration, Utc};
use naboskab_app::gather::{
    self, bookable_kinds, breach_field, check_request, find_room, room_chain, visible_booking,
};
use naboskab_domain::schedule;
use naboskab_domain::{Action, Resource};
use naboskab_store::gather::{Booking, BookingOutcome, Room};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A room.
#[derive(Serialize, ToSchema)]
pub struct RoomOut {
    /// Id.
    pub id: i64,
    /// Department (organisation id).
    pub department_id: i64,
    /// Name.
    pub name: String,
    /// faelleshus, party_room, meeting_room, workshop, laundry_cafe or outdoor.
    pub room_type: String,
    /// Fire limit (people).
    pub capacity: Option<i64>,
    /// Step-free access.
    pub step_free: bool,
    /// Opening hours, local `HH:MM`.
    pub open_from: String,
    /// Opening hours end, local `HH:MM` (at or before `open_from`: past midnight).
    pub open_until: String,
    /// Kinds of use the caller may book here (empty when not signed in).
    pub bookable_kinds: Vec<String>,
    /// The room's page.
    pub url: String,
}

/// A list of rooms.
#[derive(Serialize, ToSchema)]
pub struct RoomList {
    /// Rooms, by department then name.
    pub items: Vec<RoomOut>,
}

fn room_out(st: &AppState, ctx: &Ctx, r: &Room, chain: &[i64]) -> RoomOut {
    let (open_from, open_until) = r.details.opening.format();
    RoomOut {
        id: r.id,
        department_id: r.details.department_id,
        name: r.details.name.clone(),
        room_type: r.details.room_type.clone(),
        capacity: r.details.capacity,
        step_free: r.details.step_free,
        open_from,
        open_until,
        bookable_kinds: bookable_kinds(&ctx.actor, r, chain)
            .into_iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        url: format!("{}/rooms/{}", st.config.base_url, r.id),
    }
}

/// Every room (rooms are public; booking them is not).
#[utoipa::path(get, path = "/api/v1/rooms", tag = "rooms",
    responses((status = 200, body = RoomList)))]
pub async fn list_rooms(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<RoomList>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let mut items = Vec::new();
    for r in gather::rooms(&st.app).await? {
        let chain = room_chain(&st.app, &r).await?;
        items.push(room_out(&st, &ctx, &r, &chain));
    }
    Ok(Json(RoomList { items }))
}

/// A time the room is held.
#[derive(Serialize, ToSchema)]
pub struct BusyOut {
    /// Start (RFC 3339 with the Copenhagen offset).
    pub start: String,
    /// End.
    pub end: String,
    /// `requested` (waiting for approval) or `confirmed`.
    pub status: String,
    /// Kind of use.
    pub kind: String,
    /// What it is for: only community and association use say.
    pub title: Option<String>,
}

/// Dates the room is closed.
#[derive(Serialize, ToSchema)]
pub struct BlackoutOut {
    /// First day (local date).
    pub first_day: String,
    /// Last day (inclusive).
    pub last_day: String,
    /// Why.
    pub reason: String,
}

/// A room's availability in a window.
#[derive(Serialize, ToSchema)]
pub struct AvailabilityOut {
    /// Room.
    pub room_id: i64,
    /// Window start.
    pub from: String,
    /// Window end.
    pub to: String,
    /// Opening hours, local.
    pub open_from: String,
    /// Opening hours end, local.
    pub open_until: String,
    /// Held times, by start.
    pub busy: Vec<BusyOut>,
    /// Closed dates.
    pub blackouts: Vec<BlackoutOut>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct AvailabilityInput {
    from: Option<String>,
    to: Option<String>,
    lang: Option<String>,
}

/// Reads RFC 3339, a local `YYYY-MM-DDTHH:MM` or a local date.
fn parse_time(field: &str, v: &str, problems: &mut Vec<FieldError>) -> Option<DateTime<Utc>> {
    let v = v.trim();
    let parsed = DateTime::parse_from_rfc3339(v)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| schedule::parse_local(v).map(schedule::local_to_utc))
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .ok()
                .map(|d| schedule::local_to_utc(d.and_time(chrono::NaiveTime::MIN)))
        });
    if parsed.is_none() {
        problems.push(FieldError {
            field: field.into(),
            key: "field-datetime-invalid",
        });
    }
    parsed
}

/// When the room is held between `from` and `to` (at most 62 days; default the next 7).
#[utoipa::path(get, path = "/api/v1/rooms/{id}/availability", tag = "rooms",
    params(("id" = i64, Path, description = "Room id"),
        ("from" = Option<String>, Query, description = "RFC 3339, or local date/time in Copenhagen; default now", pattern = "^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]((:[0-5][0-9](\\.[0-9]{1,9})?)(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?)?)?$"),
        ("to" = Option<String>, Query, description = "End (exclusive), written as from; default 7 days after from; it must follow from by at most 62 days (422 otherwise)", pattern = "^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9]((:[0-5][0-9](\\.[0-9]{1,9})?)(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?)?)?$")),
    responses((status = 200, body = AvailabilityOut), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn availability(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<AvailabilityOut>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: AvailabilityInput = super::parse_query(raw.as_deref())?;
    let room = find_room(&st.app, id).await?;
    let mut problems = Vec::new();
    let now = DateTime::from_timestamp(st.now(), 0).unwrap_or_default();
    let from = match input.from.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => parse_time("from", v, &mut problems),
        _ => Some(now),
    };
    let to = match input.to.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => parse_time("to", v, &mut problems),
        _ => from.map(|f| f + Duration::days(7)),
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::Invalid(problems));
    };
    if to <= from || to - from > Duration::days(62) {
        return Err(AppError::field("to", "field-window-invalid"));
    }
    let busy = gather::taken_times(&st.app, &room, from, to)
        .await?
        .into_iter()
        .map(|b| BusyOut {
            start: rfc3339_local(b.start()),
            end: rfc3339_local(b.end()),
            status: b.status.as_str().into(),
            kind: b.kind.as_str().into(),
            title: b.public_title,
        })
        .collect();
    let (open_from, open_until) = room.details.opening.format();
    Ok(Json(AvailabilityOut {
        room_id: room.id,
        from: rfc3339_local(from),
        to: rfc3339_local(to),
        open_from,
        open_until,
        busy,
        blackouts: room
            .blackouts
            .iter()
            .map(|b| BlackoutOut {
                first_day: b.first.to_string(),
                last_day: b.last.to_string(),
                reason: b.reason.clone(),
            })
            .collect(),
    }))
}

/// A booking request.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct BookingIn {
    /// Room.
    #[schema(required = true)]
    pub room_id: i64,
    /// community, association, private or external.
    #[schema(
        required = true,
        pattern = "^(community|association|private|external)$"
    )]
    pub kind: String,
    /// Start: RFC 3339 or local `YYYY-MM-DDTHH:MM` (15-minute steps).
    #[schema(required = true)]
    pub start: String,
    /// End.
    #[schema(required = true)]
    pub end: String,
    /// What it is for.
    pub title: String,
    /// Expected number of people.
    pub attendees: Option<i64>,
    /// Note to the approver.
    pub note: String,
    /// The association booking (kind association).
    pub organisation_id: Option<i64>,
    /// The booker declares the rule's minimum age.
    pub age_declared: bool,
    /// A community activity asks unapproved private requests to give way.
    pub displace: bool,
}

/// A booking.
#[derive(Serialize, ToSchema)]
pub struct BookingOut {
    /// Id.
    pub id: i64,
    /// Room.
    pub room_id: i64,
    /// Kind of use.
    pub kind: String,
    /// requested, confirmed, rejected, cancelled or displaced.
    pub status: String,
    /// Start.
    pub start: String,
    /// End.
    pub end: String,
    /// Price, øre.
    pub price_ore: i64,
    /// Deposit, øre.
    pub deposit_ore: i64,
    /// The booking's page.
    pub url: String,
}

fn booking_out(st: &AppState, b: &Booking) -> BookingOut {
    BookingOut {
        id: b.id,
        room_id: b.room_id,
        kind: b.kind.as_str().into(),
        status: b.status.as_str().into(),
        start: rfc3339_local(b.start()),
        end: rfc3339_local(b.end()),
        price_ore: b.price_ore,
        deposit_ore: b.deposit_ore,
        url: format!("{}/bookings/{}", st.config.base_url, b.id),
    }
}

/// Book a room. Send an `Idempotency-Key` header to make retries safe.
#[utoipa::path(post, path = "/api/v1/bookings", tag = "rooms", security(("bearer" = [])),
    request_body = BookingIn,
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string; a repeated request with the same key books once")),
    responses((status = 201, body = BookingOut), (status = 200, body = BookingOut, description = "Replayed: this key booked before"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "No such room"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The room is held then; `conflict` names the time"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "A field is missing or malformed, or the request breaks one of the room's rules (each named in `errors`)")))]
pub async fn create_booking(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    JsonBody(input): JsonBody<BookingIn>,
) -> AppResult<(StatusCode, Json<BookingOut>)> {
    ctx.require_user()?;
    let room = find_room(&st.app, input.room_id).await?;
    let mut problems = Vec::new();
    let start = parse_time("start", &input.start, &mut problems);
    let end = parse_time("end", &input.end, &mut problems);
    let checked = check_request(
        &st.app,
        &ctx.actor,
        ctx.user.as_ref(),
        ctx.locale,
        &room,
        &input.kind,
        start,
        end,
        input.organisation_id,
        &mut problems,
    )
    .await?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().chars().take(200).collect::<String>())
        .filter(|v| !v.is_empty());
    let (Some(mut b), true) = (checked, problems.is_empty()) else {
        return Err(AppError::Invalid(problems));
    };
    b.title = input.title.trim().chars().take(200).collect();
    b.attendees = input.attendees.filter(|n| *n > 0);
    b.note = input.note.trim().chars().take(2000).collect();
    b.age_declared = input.age_declared;
    b.displace = input.displace;
    b.idempotency_key = key;
    match gather::request_booking(&st.app, &room, &b).await? {
        BookingOutcome::Booked(bk) => Ok((StatusCode::CREATED, Json(booking_out(&st, &bk)))),
        BookingOutcome::Replayed(bk) => Ok((StatusCode::OK, Json(booking_out(&st, &bk)))),
        BookingOutcome::Refused(list) => Err(AppError::Invalid(
            list.iter()
                .map(|x| FieldError {
                    field: breach_field(x).into(),
                    key: breach_key(x),
                })
                .collect(),
        )),
        BookingOutcome::Taken { conflicts, .. } => {
            let first = conflicts
                .first()
                .ok_or(AppError::Conflict("booking-taken"))?;
            Err(AppError::Taken {
                start: first.start(),
                end: first.end(),
            })
        }
    }
}

/// The Fluent key of a rule breach without its numbers (the problem document's detail).
fn breach_key(b: &naboskab_domain::gather::Breach) -> &'static str {
    use naboskab_domain::gather::Breach;
    match b {
        Breach::BadTimes => "breach-bad-times",
        Breach::InThePast => "breach-in-the-past",
        Breach::KindClosed => "breach-kind-closed",
        Breach::TooShort(_) => "breach-too-short-plain",
        Breach::TooLong(_) => "breach-too-long-plain",
        Breach::TooFarAhead(_) => "breach-too-far-ahead-plain",
        Breach::OutsideOpeningHours(_) => "breach-opening-hours-plain",
        Breach::QuietHours(_) => "breach-quiet-hours-plain",
        Breach::ClosedWeekday(_) => "breach-closed-weekday-plain",
        Breach::Blackout(_) => "breach-blackout-plain",
        Breach::MonthlyLimit(_) => "breach-monthly-limit-plain",
        Breach::AgeNotDeclared(_) => "breach-age-plain",
    }
}

/// One booking (the booker, or the people who manage or approve in its room).
#[utoipa::path(get, path = "/api/v1/bookings/{id}", tag = "rooms", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Booking id")),
    responses((status = 200, body = BookingOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_booking(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<BookingOut>> {
    let (b, _, _) = visible_booking(&st.app, &ctx.actor, ctx.user.as_ref(), id).await?;
    Ok(Json(booking_out(&st, &b)))
}
