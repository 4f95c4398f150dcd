//! Gather: rooms and their bookings as residents, boards and staff see them.
//!
//! A room's page shows what it is, its rules and prices, and its availability as a list per
//! day (a week) or a month table — both read well on a phone and with a screen reader — with a
//! booking form offering the kinds of use the visitor may book there. A booking's page shows
//! its status and, once confirmed, the key instructions (only to the booker and the people who
//! manage the room); approvers approve or reject with a reason there, and bookers cancel under
//! the room's rules. Every message goes through the outbox in the booker's language.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{self, Locale};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use naboskab_app::gather::{
    self as gather_cases, bookable_kinds, check_request, feed_bookings, find_room, may_approve,
    may_manage, own_associations, room_chain, span_text, taken_times, visible_booking,
};
use naboskab_domain::gather::DepositStatus;
use naboskab_domain::gather::{self, BookingKind, Breach, DailyWindow};
use naboskab_domain::schedule::local_to_utc;
use naboskab_domain::{Action, Resource};
use naboskab_store::gather::{Booking, BookingOutcome, BookingStatus, Busy, ROOM_TYPES, Room};
use serde::Deserialize;

/// One breach of a room's rules as a sentence in `locale`.
pub fn breach_text(locale: Locale, b: &Breach) -> String {
    let n = |key: &str, name: &str, v: i64| {
        i18n::strip_isolation(&i18n::t_args(
            locale,
            key,
            &[(name, fluent_bundle::FluentValue::from(v))],
        ))
    };
    let s = |key: &str, name: &str, v: String| {
        i18n::strip_isolation(&i18n::t_args(
            locale,
            key,
            &[(name, fluent_bundle::FluentValue::from(v))],
        ))
    };
    let window = |w: &DailyWindow| {
        let (a, b) = w.format();
        format!("{a}–{b}")
    };
    match b {
        Breach::BadTimes => i18n::t(locale, "breach-bad-times"),
        Breach::InThePast => i18n::t(locale, "breach-in-the-past"),
        Breach::KindClosed => i18n::t(locale, "breach-kind-closed"),
        Breach::TooShort(m) => n("breach-too-short", "minutes", *m),
        Breach::TooLong(m) => n("breach-too-long", "hours", (*m + 59) / 60),
        Breach::TooFarAhead(d) => n("breach-too-far-ahead", "days", *d),
        Breach::OutsideOpeningHours(w) => s("breach-opening-hours", "hours", window(w)),
        Breach::QuietHours(w) => s("breach-quiet-hours", "hours", window(w)),
        Breach::ClosedWeekday(d) => s(
            "breach-closed-weekday",
            "day",
            i18n::t(locale, &format!("weekday-{}", d.number_from_monday())),
        ),
        Breach::Blackout(d) => s("breach-blackout", "date", i18n::format_day(locale, *d)),
        Breach::MonthlyLimit(n_) => n("breach-monthly-limit", "count", *n_),
        Breach::AgeNotDeclared(a) => n("breach-age", "age", *a),
    }
}

struct RoomCard {
    id: i64,
    name: String,
    room_type: String,
    department: String,
    capacity: Option<i64>,
    step_free: bool,
}

#[derive(Template)]
#[template(path = "rooms.html")]
struct RoomsPage {
    ctx: PageCtx,
    rooms: Vec<RoomCard>,
}

/// `GET /rooms`: every room, by department.
pub async fn list(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let rooms = gather_cases::rooms_with_departments(&st.app).await?;
    let p = PageCtx::new(&st, &ctx);
    let cards = rooms
        .into_iter()
        .map(|(r, department)| RoomCard {
            department,
            room_type: p.t(&format!("room-type-{}", r.details.room_type)),
            id: r.id,
            name: r.details.name,
            capacity: r.details.capacity,
            step_free: r.details.step_free,
        })
        .collect();
    Ok(page(&RoomsPage {
        ctx: p,
        rooms: cards,
    }))
}

/// One day of the availability list.
pub struct DayView {
    /// "Tuesday 12 January".
    pub label: String,
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// Taken intervals: (from, to, what).
    pub taken: Vec<(String, String, String)>,
    /// Free intervals inside the opening hours: (from, to).
    pub free: Vec<(String, String)>,
    /// Why the room is closed that day, if it is.
    pub closed: Option<String>,
}

/// What a taken interval says publicly: the title of community and association use, else
/// only "booked" or "requested".
fn taken_label(p: &PageCtx, b: &Busy) -> String {
    match &b.public_title {
        Some(title) => title.clone(),
        None => p.t(&format!("booking-status-{}", b.status.as_str())),
    }
}

/// Builds the availability of `days` local days from `first`.
pub fn day_views(
    p: &PageCtx,
    room: &Room,
    bookings: &[Busy],
    first: NaiveDate,
    days: i64,
) -> Vec<DayView> {
    let opening = room.details.opening;
    (0..days)
        .map(|i| {
            let day = first + Duration::days(i);
            let midnight = day.and_time(NaiveTime::MIN);
            let open = local_to_utc(midnight + Duration::minutes(i64::from(opening.from)));
            let until_min = if opening.until > opening.from {
                i64::from(opening.until)
            } else {
                1440 + i64::from(opening.until)
            };
            let close = local_to_utc(midnight + Duration::minutes(until_min));
            let closed = room
                .blackouts
                .iter()
                .find(|b| b.first <= day && day <= b.last)
                .map(|b| b.reason.clone());
            let mut taken = Vec::new();
            let mut free = Vec::new();
            let mut cursor = open;
            let day_start = local_to_utc(midnight);
            let day_end = local_to_utc(midnight + Duration::days(1));
            for b in bookings
                .iter()
                .filter(|b| b.start() < day_end.max(close) && b.end() > day_start)
            {
                if b.start() < day_end {
                    taken.push((
                        i18n::format_time(p.locale, b.start().max(day_start)),
                        i18n::format_time(p.locale, b.end()),
                        taken_label(p, b),
                    ));
                }
                if b.start() > cursor && cursor < close {
                    free.push((
                        i18n::format_time(p.locale, cursor),
                        i18n::format_time(p.locale, b.start().min(close)),
                    ));
                }
                cursor = cursor.max(b.end());
            }
            if cursor < close && closed.is_none() {
                free.push((
                    i18n::format_time(p.locale, cursor),
                    i18n::format_time(p.locale, close),
                ));
            }
            DayView {
                label: i18n::format_day(p.locale, day),
                iso: day.format("%Y-%m-%d").to_string(),
                taken,
                free: if closed.is_some() { vec![] } else { free },
                closed,
            }
        })
        .collect()
}

/// Query of the room page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoomQuery {
    /// Any day of the week to show (`YYYY-MM-DD`).
    week: Option<String>,
    /// Month to show (`YYYY-MM`), instead of a week.
    month: Option<String>,
    /// Ignored (language).
    lang: Option<String>,
    /// Ignored (notice).
    notice: Option<String>,
}

/// What the booking form holds.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BookingForm {
    kind: String,
    date: String,
    from: String,
    to: String,
    title: String,
    attendees: String,
    note: String,
    organisation: String,
    phone: String,
    repeat_until: String,
    age_declared: String,
    rules_accepted: String,
    displace: String,
}

struct RuleView {
    kind: String,
    lines: Vec<String>,
}

struct MonthCell {
    iso: String,
    day: u32,
    /// free | partly | full | closed
    state: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "room.html")]
struct RoomPage {
    ctx: PageCtx,
    room: Room,
    department: String,
    room_type: String,
    key_method: String,
    prices: Vec<String>,
    rules: Vec<RuleView>,
    days: Vec<DayView>,
    month: Option<(String, Vec<Vec<Option<MonthCell>>>)>,
    week_of: String,
    prev_week: String,
    next_week: String,
    month_param: String,
    kinds: Vec<(&'static str, String)>,
    associations: Vec<(i64, String)>,
    min_age: Option<i64>,
    can_manage: bool,
    signed_in: bool,
    f: BookingForm,
    errors: FormErrors,
    problems: Vec<String>,
    conflicts: Vec<String>,
    displaceable: bool,
}

#[allow(clippy::too_many_arguments)]
async fn room_page(
    st: &AppState,
    ctx: &Ctx,
    room: Room,
    q: &RoomQuery,
    f: BookingForm,
    errors: FormErrors,
    problems: Vec<String>,
    taken: Option<(Vec<Booking>, bool)>,
) -> AppResult<RoomPage> {
    let p = PageCtx::new(st, ctx);
    let chain = room_chain(&st.app, &room).await?;
    let department = gather_cases::department_name(&st.app, &room).await?;
    let week_day = q
        .week
        .as_deref()
        .and_then(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok())
        .unwrap_or_else(|| naboskab_app::calendar::today(&st.app));
    let monday = naboskab_app::calendar::monday_of(week_day);
    let month_first = q
        .month
        .as_deref()
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok());
    let (first, days) = match month_first {
        Some(m) => {
            let next = m.checked_add_months(chrono::Months::new(1)).unwrap_or(m);
            (m, (next - m).num_days())
        }
        None => (monday, 7),
    };
    let from = local_to_utc(first.and_time(NaiveTime::MIN));
    let to = local_to_utc((first + Duration::days(days + 1)).and_time(NaiveTime::MIN));
    let bookings = taken_times(&st.app, &room, from, to).await?;
    let day_list = day_views(&p, &room, &bookings, first, days);
    let month = month_first.map(|m| {
        let mut weeks: Vec<Vec<Option<MonthCell>>> = Vec::new();
        let mut week: Vec<Option<MonthCell>> = (0..m.weekday().num_days_from_monday())
            .map(|_| None)
            .collect();
        for d in &day_list {
            let date = NaiveDate::parse_from_str(&d.iso, "%Y-%m-%d").unwrap_or(m);
            let state = if d.closed.is_some() {
                "closed"
            } else if d.taken.is_empty() {
                "free"
            } else if d.free.is_empty() {
                "full"
            } else {
                "partly"
            };
            week.push(Some(MonthCell {
                label: format!("{}: {}", d.label, p.t(&format!("room-day-{state}"))),
                iso: d.iso.clone(),
                day: date.day(),
                state,
            }));
            if week.len() == 7 {
                weeks.push(std::mem::take(&mut week));
            }
        }
        if !week.is_empty() {
            while week.len() < 7 {
                week.push(None);
            }
            weeks.push(week);
        }
        (i18n::format_month(p.locale, m), weeks)
    });
    let kinds: Vec<(&'static str, String)> = bookable_kinds(&ctx.actor, &room, &chain)
        .into_iter()
        .map(|k| (k.as_str(), p.t(&format!("booking-kind-{}", k.as_str()))))
        .collect();
    let min_age = kinds
        .iter()
        .filter_map(|(k, _)| BookingKind::parse(k))
        .filter_map(|k| room.rule(k).min_age)
        .max();
    let d = &room.details;
    let unit = if d.price_per_day {
        "room-price-per-day"
    } else {
        "room-price-per-hour"
    };
    let prices = if d.price_weekday_ore > 0 || d.price_weekend_ore > 0 {
        vec![
            format!(
                "{}: {} {}",
                p.t("room-price-weekday"),
                i18n::format_money(p.locale, d.price_weekday_ore),
                p.t(unit)
            ),
            format!(
                "{}: {} {}",
                p.t("room-price-weekend"),
                i18n::format_money(p.locale, d.price_weekend_ore),
                p.t(unit)
            ),
            format!(
                "{}: {}",
                p.t("room-deposit"),
                i18n::format_money(p.locale, d.deposit_ore)
            ),
        ]
    } else {
        vec![]
    };
    let rules = room
        .rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| RuleView {
            kind: p.t(&format!("booking-kind-{}", r.kind.as_str())),
            lines: rule_lines(&p, r),
        })
        .collect();
    let conflicts = taken
        .as_ref()
        .map(|(list, _)| {
            list.iter()
                .map(|b| {
                    format!(
                        "{} ({})",
                        span_text(p.locale, b.start(), b.end()),
                        taken_label(&p, &Busy::from(b))
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(RoomPage {
        department,
        room_type: p.t(&format!("room-type-{}", d.room_type)),
        key_method: p.t(&format!("key-method-{}", d.key_method)),
        prices,
        rules,
        days: day_list,
        month,
        week_of: i18n::format_day(p.locale, monday),
        prev_week: (monday - Duration::days(7)).format("%Y-%m-%d").to_string(),
        next_week: (monday + Duration::days(7)).format("%Y-%m-%d").to_string(),
        month_param: first.format("%Y-%m").to_string(),
        associations: own_associations(&st.app, &ctx.actor).await?,
        min_age,
        can_manage: may_manage(&ctx.actor, &chain),
        signed_in: ctx.user.is_some(),
        displaceable: taken.as_ref().is_some_and(|(_, d)| *d),
        kinds,
        ctx: p,
        room,
        f,
        errors,
        problems,
        conflicts,
    })
}

/// The rules of a kind as short lines for the room page.
fn rule_lines(p: &PageCtx, r: &gather::KindRule) -> Vec<String> {
    let who: Vec<String> = gather::Bookers::NAMES
        .into_iter()
        .filter(|n| r.bookers.contains(n))
        .map(|n| p.t(&format!("bookers-{n}")))
        .collect();
    let mut lines = vec![
        format!("{}: {}", p.t("rule-who"), who.join(", ")),
        p.tn("rule-duration", "hours", &((r.max_minutes + 59) / 60)),
        p.tn("rule-ahead", "days", &r.max_days_ahead),
        p.t(&format!("rule-approval-{}", r.approval.as_str())),
    ];
    if let Some(q) = r.quiet_hours {
        let (a, b) = q.format();
        lines.push(p.t1("rule-quiet", "hours", &format!("{a}–{b}")));
    }
    if let Some(days) = r.partner_days_ahead.filter(|d| *d > r.max_days_ahead) {
        lines.push(p.tn("rule-partner-ahead", "days", &days));
    }
    if let Some(n) = r.max_per_month {
        lines.push(p.tn("rule-per-month", "count", &n));
    }
    if let Some(a) = r.min_age {
        lines.push(p.tn("rule-min-age", "age", &a));
    }
    let closed: Vec<String> = (0..7)
        .filter(|i| r.closed_weekdays[*i])
        .map(|i| p.t(&format!("weekday-{}", i + 1)))
        .collect();
    if !closed.is_empty() {
        lines.push(p.t1("rule-closed-days", "days", &closed.join(", ")));
    }
    if r.advance_ore > 0 {
        lines.push(format!(
            "{} {}",
            p.t1(
                "rule-advance",
                "amount",
                &i18n::format_money(p.locale, r.advance_ore)
            ),
            p.tn("rule-cancel-notice", "days", &r.cancel_notice_days)
        ));
    }
    lines
}

/// `GET /rooms/{id}`: the room, its rules, its availability and the booking form.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<RoomQuery>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let room = find_room(&st.app, id).await?;
    let f = BookingForm {
        date: q.week.clone().unwrap_or_default(),
        ..BookingForm::default()
    };
    Ok(page(
        &room_page(&st, &ctx, room, &q, f, FormErrors::default(), vec![], None).await?,
    ))
}

fn parse_form_times(
    f: &BookingForm,
    problems: &mut Vec<FieldError>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let date = NaiveDate::parse_from_str(f.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        problems.push(FieldError {
            field: "date".into(),
            key: "field-date-invalid",
        });
    }
    let from = gather::parse_minutes(&f.from);
    if from.is_none() {
        problems.push(FieldError {
            field: "from".into(),
            key: "field-time-invalid",
        });
    }
    let to = gather::parse_minutes(&f.to);
    if to.is_none() {
        problems.push(FieldError {
            field: "to".into(),
            key: "field-time-invalid",
        });
    }
    match (date, from, to) {
        (Some(d), Some(a), Some(b)) => {
            let midnight = d.and_time(NaiveTime::MIN);
            let end_min = if b > a {
                i64::from(b)
            } else {
                1440 + i64::from(b)
            };
            (
                Some(local_to_utc(midnight + Duration::minutes(i64::from(a)))),
                Some(local_to_utc(midnight + Duration::minutes(end_min))),
            )
        }
        _ => (None, None),
    }
}

#[derive(Template)]
#[template(path = "booking_series_done.html")]
struct SeriesDone {
    ctx: PageCtx,
    room: Room,
    booked: Vec<(i64, String)>,
    problems: Vec<(String, String)>,
}

/// `POST /rooms/{id}/book`: a booking, or a weekly series of them.
pub async fn book(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<BookingForm>,
) -> AppResult<Response> {
    ctx.require_user()?;
    let room = find_room(&st.app, id).await?;
    if bookable_kinds(&ctx.actor, &room, &room_chain(&st.app, &room).await?).is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut problems = Vec::new();
    let (start, end) = parse_form_times(&f, &mut problems);
    let checked = check_request(
        &st.app,
        &ctx.actor,
        ctx.user.as_ref(),
        ctx.locale,
        &room,
        &f.kind,
        start,
        end,
        f.organisation.trim().parse().ok(),
        &mut problems,
    )
    .await?;
    let attendees = match f.attendees.trim() {
        "" => None,
        a => match a.parse::<i64>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                problems.push(FieldError {
                    field: "attendees".into(),
                    key: "field-number-invalid",
                });
                None
            }
        },
    };
    if f.rules_accepted != "1" && !room.details.house_rules.is_empty() {
        problems.push(FieldError {
            field: "rules_accepted".into(),
            key: "field-booking-rules-required",
        });
    }
    let repeat_until = match f.repeat_until.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(FieldError {
                    field: "repeat_until".into(),
                    key: "field-date-invalid",
                });
                None
            }
        },
    };
    let phone = f.phone.trim().to_owned();
    let q = RoomQuery {
        week: Some(f.date.clone()),
        ..RoomQuery::default()
    };
    let (Some(mut b), true) = (checked, problems.is_empty()) else {
        let errors = FormErrors::new(ctx.locale, &problems);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &room_page(&st, &ctx, room, &q, f, errors, vec![], None).await?,
        ));
    };
    b.title = f.title.trim().chars().take(200).collect();
    b.attendees = attendees;
    b.note = f.note.trim().chars().take(2000).collect();
    b.booker_phone = phone;
    b.age_declared = f.age_declared == "1";
    b.displace = f.displace == "1";
    if let Some(last) = repeat_until.filter(|_| !b.kind.is_paid()) {
        let items = gather_cases::request_weekly(&st.app, &room, &b, last).await?;
        let p = PageCtx::new(&st, &ctx);
        let mut booked = Vec::new();
        let mut refused = Vec::new();
        for i in items {
            let when = span_text(p.locale, i.start, i.end);
            match i.outcome {
                BookingOutcome::Booked(bk) => booked.push((bk.id, when)),
                BookingOutcome::Refused(list) => refused.push((
                    when,
                    list.iter()
                        .map(|x| breach_text(p.locale, x))
                        .collect::<Vec<_>>()
                        .join(" "),
                )),
                BookingOutcome::Taken { conflicts, .. } => refused.push((
                    when,
                    conflicts
                        .iter()
                        .map(|c| {
                            p.t1(
                                "booking-taken-by",
                                "when",
                                &span_text(p.locale, c.start(), c.end()),
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                )),
                BookingOutcome::Replayed(_) => {}
            }
        }
        return Ok(page(&SeriesDone {
            ctx: p,
            room,
            booked,
            problems: refused,
        }));
    }
    match gather_cases::request_booking(&st.app, &room, &b).await? {
        BookingOutcome::Booked(bk) | BookingOutcome::Replayed(bk) => Ok(Redirect::to(&format!(
            "/bookings/{}?notice=notice-booking-{}",
            bk.id,
            bk.status.as_str()
        ))
        .into_response()),
        BookingOutcome::Refused(list) => {
            let texts = list.iter().map(|x| breach_text(ctx.locale, x)).collect();
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &room_page(&st, &ctx, room, &q, f, FormErrors::default(), texts, None).await?,
            ))
        }
        BookingOutcome::Taken {
            conflicts,
            displaceable,
        } => Ok(page_with_status(
            StatusCode::CONFLICT,
            &room_page(
                &st,
                &ctx,
                room,
                &q,
                f,
                FormErrors::default(),
                vec![],
                Some((conflicts, displaceable)),
            )
            .await?,
        )),
    }
}

#[derive(Template)]
#[template(path = "booking.html")]
struct BookingPage {
    ctx: PageCtx,
    b: Booking,
    room: Room,
    when: String,
    kind: String,
    status: String,
    can_decide: bool,
    can_manage: bool,
    can_cancel: bool,
    show_keys: bool,
    price: String,
    deposit: String,
    forfeited: String,
    withheld: String,
    organisation: String,
    checklist: Vec<String>,
    deposit_state: String,
    key_method: String,
}

/// `GET /bookings/{id}`
pub async fn booking_page(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (b, room, chain) = visible_booking(&st.app, &ctx.actor, ctx.user.as_ref(), id).await?;
    let p = PageCtx::new(&st, &ctx);
    let is_booker = ctx.user.as_ref().is_some_and(|u| Some(u.id) == b.user_id);
    let can_manage = may_manage(&ctx.actor, &chain);
    let organisation = gather_cases::association_name(&st.app, &b).await?;
    Ok(page(&BookingPage {
        when: span_text(p.locale, b.start(), b.end()),
        kind: p.t(&format!("booking-kind-{}", b.kind.as_str())),
        status: p.t(&format!("booking-status-{}", b.status.as_str())),
        can_decide: b.status == BookingStatus::Requested
            && may_approve(&ctx.actor, &room, b.kind, &chain),
        can_cancel: b.status.holds() && b.ends_at > st.now() && (is_booker || can_manage),
        show_keys: b.status == BookingStatus::Confirmed && (is_booker || can_manage),
        price: i18n::format_money(p.locale, b.price_ore),
        deposit: i18n::format_money(p.locale, b.deposit_ore),
        forfeited: i18n::format_money(p.locale, b.forfeited_ore),
        withheld: i18n::format_money(p.locale, b.deposit_withheld_ore),
        checklist: room
            .details
            .cleaning_checklist
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        organisation,
        deposit_state: p.t(&format!("deposit-{}", b.deposit_status)),
        key_method: p.t(&format!("key-method-{}", room.details.key_method)),
        can_manage,
        ctx: p,
        b,
        room,
    }))
}

/// The approver's decision.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `approve` or `reject`.
    decision: String,
    /// Reason (required to reject).
    reason: String,
}

/// `POST /bookings/{id}/decide`
pub async fn decide_request(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<DecisionForm>,
) -> AppResult<Response> {
    let done = gather_cases::decide_request(
        &st.app,
        &ctx.actor,
        ctx.user.as_ref(),
        id,
        &f.decision,
        &f.reason,
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/bookings/{}?notice=notice-booking-{}",
        id,
        done.status.as_str()
    ))
    .into_response())
}

/// A cancellation.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    reason: String,
}

/// `POST /bookings/{id}/cancel`: by the booker or the room's managers, under the room's rule.
pub async fn cancel(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<CancelForm>,
) -> AppResult<Response> {
    gather_cases::cancel(&st.app, &ctx.actor, ctx.user.as_ref(), id, &f.reason).await?;
    Ok(Redirect::to(&format!("/bookings/{id}?notice=notice-booking-cancelled")).into_response())
}

/// The deposit settlement after the cleaning check.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DepositForm {
    /// Kroner withheld; empty or 0 returns all of it.
    withheld: String,
    reason: String,
}

/// `POST /bookings/{id}/deposit`
pub async fn settle_deposit(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<DepositForm>,
) -> AppResult<Response> {
    gather_cases::settle_deposit(
        &st.app,
        &ctx.actor,
        ctx.user.as_ref(),
        id,
        &f.withheld,
        &f.reason,
    )
    .await?;
    Ok(Redirect::to(&format!("/bookings/{id}?notice=notice-deposit-settled")).into_response())
}

struct BookingRow {
    id: i64,
    room: String,
    when: String,
    kind: String,
    status: String,
    booker: String,
    title: String,
}

#[derive(Template)]
#[template(path = "manage_bookings.html")]
struct ManageBookings {
    ctx: PageCtx,
    pending: Vec<BookingRow>,
    mine: Vec<BookingRow>,
    rooms: Vec<(i64, String, i64)>,
    departments: Vec<(i64, String)>,
    room_types: Vec<(&'static str, String)>,
}

fn booking_row(p: &PageCtx, rooms: &[Room], b: &Booking) -> BookingRow {
    BookingRow {
        id: b.id,
        room: rooms
            .iter()
            .find(|r| r.id == b.room_id)
            .map(|r| r.details.name.clone())
            .unwrap_or_default(),
        when: span_text(p.locale, b.start(), b.end()),
        kind: p.t(&format!("booking-kind-{}", b.kind.as_str())),
        status: p.t(&format!("booking-status-{}", b.status.as_str())),
        booker: b.booker_name.clone(),
        title: b.title.clone(),
    }
}

/// `GET /manage/bookings`: requests waiting for the actor's decision, the rooms they manage,
/// and their own bookings.
pub async fn overview(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let o = gather_cases::overview(&st.app, &ctx.actor, user).await?;
    let p = PageCtx::new(&st, &ctx);
    let pending = o
        .pending
        .iter()
        .map(|b| booking_row(&p, &o.rooms, b))
        .collect();
    let mine = o
        .mine
        .iter()
        .map(|b| booking_row(&p, &o.rooms, b))
        .collect();
    let managed = o
        .managed
        .iter()
        .map(|r| (r.id, r.details.name.clone(), r.details.department_id))
        .collect();
    let departments = o.departments;
    let room_types = ROOM_TYPES
        .iter()
        .map(|t| (*t, p.t(&format!("room-type-{t}"))))
        .collect();
    Ok(page(&ManageBookings {
        ctx: p,
        pending,
        mine,
        rooms: managed,
        departments,
        room_types,
    }))
}

/// `GET /rooms/{id}/calendar.ics`: the room's bookings from a month back to a year ahead.
/// Community and association use carry their title; private use only says "booked".
pub async fn feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let room = find_room(&st.app, id).await?;
    let bookings = feed_bookings(&st.app, &room).await?;
    let p = PageCtx::new(&st, &ctx);
    let mut cal = naboskab_app::calendar::new_calendar(&st.app, &room.details.name);
    let url = format!("{}/rooms/{}", st.config.base_url, room.id);
    for b in &bookings {
        cal.booking(
            b,
            &naboskab_app::ical::EventInfo {
                summary: taken_label(&p, b),
                location: room.details.name.clone(),
                url: url.clone(),
                description: String::new(),
            },
        );
    }
    Ok(crate::pages::calendar::ics(naboskab_app::calendar::Feed {
        filename: format!("naboskab-room-{id}.ics"),
        body: cal.finish(),
    }))
}
