//! Calendars: this week as a list and the month as a grid, for everyone or for a department,
//! a housing area or a municipality, with the filters of Find; the iCalendar feeds per offer,
//! per department and per occurrence; and the printable weekly programme for the notice
//! board.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::i18n::{self, Locale, language_name};
use crate::pages::offers::choices;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use crate::views::{CalendarDay, CalendarEntry, CalendarView};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use naboskab_app::calendar;
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS};
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::{Action, Resource};
use naboskab_store::orgs;
use serde::Deserialize;
use std::collections::HashMap;

/// The calendar's query parameters (all optional).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CalendarInput {
    /// A day in the week (or month) to show, `YYYY-MM-DD`; today when empty.
    date: String,
    /// Only this department.
    department: String,
    /// Only this housing area's departments.
    area: String,
    /// Only this municipality.
    municipality: String,
    /// Category code.
    category: String,
    /// Target group code.
    target_group: String,
    /// Language code.
    language: String,
    /// Only free offers.
    free: String,
    /// Only step-free offers.
    accessible: String,
    /// Page language (handled by the request context).
    lang: String,
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

/// The place and filters of the input, and the parameters that links to other weeks keep.
/// Bad ids are ignored, as before the calendar had a place; a place that does not exist is
/// not found.
fn scope_input(input: &CalendarInput) -> (calendar::ScopeInput, Vec<(&'static str, String)>) {
    let mut scope = calendar::ScopeInput::default();
    let mut keep = Vec::new();
    if let Ok(id) = input.department.parse::<i64>() {
        scope.department = Some(id);
        keep.push(("department", id.to_string()));
    } else if let Ok(id) = input.area.parse::<i64>() {
        scope.area = Some(id);
        keep.push(("area", id.to_string()));
    } else if !input.municipality.is_empty() {
        scope.municipality = Some(input.municipality.clone());
    }
    let f = &mut scope.filters;
    for (name, value, slot) in [
        ("category", &input.category, &mut f.category),
        ("target_group", &input.target_group, &mut f.target_group),
        ("language", &input.language, &mut f.language),
    ] {
        if !value.is_empty() {
            *slot = Some(value.clone());
            keep.push((name, value.clone()));
        }
    }
    f.free = flag(&input.free);
    f.accessible = flag(&input.accessible);
    if f.free {
        keep.push(("free", "1".into()));
    }
    if f.accessible {
        keep.push(("accessible", "1".into()));
    }
    (scope, keep)
}

/// One calendar line per listing, with times and the "places left" label in `locale` (each
/// distinct label formatted once).
fn entries(locale: Locale, listings: Vec<calendar::Listing>) -> Vec<CalendarEntry> {
    let mut places_labels: HashMap<i64, String> = HashMap::new();
    listings
        .into_iter()
        .map(|l| {
            let places_left = if l.occ.signup_required {
                l.occ.places_left()
            } else {
                None
            };
            let places_label = places_left.map(|n| {
                places_labels
                    .entry(n)
                    .or_insert_with(|| {
                        i18n::t_args(
                            locale,
                            "occurrence-places-left",
                            &[("count", fluent_bundle::FluentValue::from(n))],
                        )
                    })
                    .clone()
            });
            CalendarEntry {
                time: format!(
                    "{}–{}",
                    i18n::format_time(locale, l.occ.starts_at),
                    i18n::format_time(locale, l.occ.ends_at)
                ),
                place: l.place(),
                title: l.card.title,
                places_left,
                places_label,
                occ: l.occ,
            }
        })
        .collect()
}

/// The days from `first` to `last` with their entries; `month` marks the days outside it.
fn days(
    locale: Locale,
    today: NaiveDate,
    entries: Vec<CalendarEntry>,
    first: NaiveDate,
    last: NaiveDate,
    month: Option<u32>,
) -> Vec<CalendarDay> {
    let mut by_day: HashMap<NaiveDate, Vec<CalendarEntry>> = HashMap::new();
    for e in entries {
        by_day
            .entry(utc_to_local(e.occ.starts_at).date())
            .or_default()
            .push(e);
    }
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        out.push(CalendarDay {
            iso: day.format("%Y-%m-%d").to_string(),
            label: i18n::format_day(locale, day),
            today: day == today,
            in_month: month.is_none_or(|m| day.month() == m),
            entries: by_day.remove(&day).unwrap_or_default(),
        });
        day += Duration::days(1);
    }
    out
}

/// What is still to come today (for the front page), soonest first; near the visitor's own
/// department when they are signed in as a member of one (the flag says so).
pub async fn today_entries(
    st: &AppState,
    ctx: &Ctx,
    departments: &[orgs::Organisation],
    limit: usize,
) -> AppResult<(Vec<CalendarEntry>, bool)> {
    let (listings, near) =
        calendar::rest_of_today(&st.app, &ctx.actor, departments, ctx.locale, limit).await?;
    Ok((entries(ctx.locale, listings), near))
}

fn chosen_date(st: &AppState, input: &CalendarInput) -> NaiveDate {
    NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .unwrap_or_else(|| calendar::today(&st.app))
}

fn query_string(keep: &[(&'static str, String)], date: NaiveDate) -> String {
    let mut parts: Vec<String> = keep
        .iter()
        .map(|(k, v)| {
            // Values are codes and ids; anything else is dropped rather than encoded.
            let safe: String = v
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            format!("{k}={safe}")
        })
        .collect();
    parts.push(format!("date={}", date.format("%Y-%m-%d")));
    parts.join("&amp;")
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    ctx: PageCtx,
    view: std::sync::Arc<CalendarView>,
}

async fn calendar(
    st: &AppState,
    ctx: &Ctx,
    raw: Option<&str>,
    month_view: bool,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: CalendarInput = crate::input::parse_query(raw)?;
    let today = calendar::today(&st.app);
    let key = format!(
        "{month_view}|{}|{today}|{}",
        ctx.locale.code(),
        raw.unwrap_or_default()
    );
    let commits = st.app.commits();
    let view = match st.calendar_cache.get(&key, commits) {
        Some(view) => view,
        None => {
            let view = std::sync::Arc::new(calendar_view(st, ctx, &input, month_view).await?);
            st.calendar_cache.put(key, commits, view.clone());
            view
        }
    };
    Ok(page(&CalendarPage {
        ctx: PageCtx::new(st, ctx),
        view,
    }))
}

async fn calendar_view(
    st: &AppState,
    ctx: &Ctx,
    input: &CalendarInput,
    month_view: bool,
) -> AppResult<CalendarView> {
    let (scope_input, mut keep) = scope_input(input);
    let sc = calendar::scope(&st.app, &scope_input).await?;
    if let Some(code) = &sc.municipality_code {
        keep.insert(0, ("municipality", code.clone()));
    }
    let date = chosen_date(st, input);
    let p = PageCtx::new(st, ctx);
    let (first, last, prev, next, span_label) = if month_view {
        let first_of_month = date.with_day(1).unwrap_or(date);
        let next_month = (first_of_month + Duration::days(32))
            .with_day(1)
            .unwrap_or(date);
        let prev_month = (first_of_month - Duration::days(1))
            .with_day(1)
            .unwrap_or(date);
        let last_of_month = next_month - Duration::days(1);
        let label = p.t1(
            "calendar-month-of",
            "month",
            &i18n::format_month(ctx.locale, first_of_month),
        );
        (
            calendar::monday_of(first_of_month),
            calendar::monday_of(last_of_month) + Duration::days(6),
            prev_month,
            next_month,
            label,
        )
    } else {
        let monday = calendar::monday_of(date);
        let label = p.t1(
            "calendar-week-of",
            "date",
            &i18n::format_day(ctx.locale, monday),
        );
        (
            monday,
            monday + Duration::days(6),
            monday - Duration::days(7),
            monday + Duration::days(7),
            label,
        )
    };
    let listings = calendar::listings(&st.app, sc.query.clone(), first, last, ctx.locale).await?;
    let days = days(
        ctx.locale,
        calendar::today(&st.app),
        entries(ctx.locale, listings),
        first,
        last,
        month_view.then(|| date.month()),
    );
    let base = if month_view {
        "/calendar/month"
    } else {
        "/calendar"
    };
    let other = if month_view {
        "/calendar"
    } else {
        "/calendar/month"
    };
    let heading = match &sc.title {
        Some(t) => format!("{t} · {span_label}"),
        None => span_label,
    };
    let cats = naboskab_app::find::categories(&st.app).await?;
    let opt = |v: &str| (!v.is_empty()).then(|| v.to_owned());
    let mut hidden: Vec<(&'static str, String)> = keep
        .iter()
        .filter(|(k, _)| matches!(*k, "department" | "area" | "municipality"))
        .cloned()
        .collect();
    hidden.push(("date", date.format("%Y-%m-%d").to_string()));
    Ok(CalendarView {
        categories: choices(
            cats.iter()
                .map(|c| (c.code.clone(), c.name(ctx.locale.code()).to_owned())),
            &opt(&input.category),
        ),
        targets: choices(
            TARGET_GROUPS
                .iter()
                .map(|t| (t.to_string(), p.t(&format!("target-{t}")))),
            &opt(&input.target_group),
        ),
        languages: choices(
            LANGUAGES
                .iter()
                .map(|l| (l.to_string(), language_name(l).to_owned())),
            &opt(&input.language),
        ),
        free: flag(&input.free),
        accessible: flag(&input.accessible),
        filtered: keep.iter().any(|(k, _)| {
            matches!(
                *k,
                "category" | "target_group" | "language" | "free" | "accessible"
            )
        }),
        hidden,
        weekday_names: (1..=7).map(|n| p.t(&format!("weekday-{n}"))).collect(),
        heading,
        month_view,
        days,
        prev_href: format!("{base}?{}", query_string(&keep, prev)),
        next_href: format!("{base}?{}", query_string(&keep, next)),
        other_view_href: format!("{other}?{}", query_string(&keep, date)),
        feed_href: sc
            .department
            .map(|d| format!("/departments/{d}/calendar.ics")),
        programme_href: sc.programme_of.map(|d| {
            format!(
                "/departments/{d}/programme?date={}",
                calendar::monday_of(date).format("%Y-%m-%d")
            )
        }),
    })
}

/// `GET /calendar`: this week (or the week of `date`) as a list.
pub async fn week(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    calendar(&st, &ctx, raw.as_deref(), false).await
}

/// `GET /calendar/month`: the month of `date` as a grid.
pub async fn month(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    calendar(&st, &ctx, raw.as_deref(), true).await
}

/// A calendar file as a response.
pub fn ics(feed: calendar::Feed) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", feed.filename),
            ),
        ],
        feed.body,
    )
        .into_response()
}

/// `GET /offers/{id}/calendar.ics`
pub async fn offer_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    Ok(ics(calendar::offer_feed(
        &st.app, &ctx.actor, id, ctx.locale,
    )
    .await?))
}

/// `GET /departments/{id}/calendar.ics`
pub async fn department_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    Ok(ics(calendar::department_feed(
        &st.app, &ctx.actor, id, ctx.locale,
    )
    .await?))
}

/// `GET /occurrences/{id}/event.ics`: one occurrence, for "add to calendar".
pub async fn occurrence_file(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    Ok(ics(calendar::occurrence_file(
        &st.app, &ctx.actor, id, ctx.locale,
    )
    .await?))
}

/// One line of the printed programme.
#[derive(Debug, Clone)]
pub struct ProgrammeLine {
    /// "tirsdag".
    pub day: String,
    /// "14.00–16.00".
    pub time: String,
    /// Danish title.
    pub title: String,
    /// Title in the second language, when chosen and translated.
    pub second_title: Option<String>,
    /// Where.
    pub place: String,
    /// Cancelled that week.
    pub cancelled: bool,
    /// QR code (SVG) for the activity's page.
    pub qr_svg: String,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    ctx: PageCtx,
    department: String,
    week_label: String,
    second: Option<(&'static str, &'static str)>,
    lines: Vec<ProgrammeLine>,
    choose_second: Vec<(&'static str, &'static str)>,
    date: String,
    footer_da: String,
    footer_second: String,
}

/// The programme's query.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProgrammeInput {
    date: String,
    /// A second language shown beside Danish (`en`, `ar`).
    second: String,
    lang: String,
}

/// A QR code as inline SVG, or nothing when the text cannot be encoded.
pub fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(96, 96)
                .quiet_zone(false)
                .build()
        })
        .map(|svg| {
            // Drop the XML declaration; the element is placed inside the page.
            svg.find("<svg")
                .map_or(svg.clone(), |i| svg[i..].to_owned())
        })
        .unwrap_or_default()
}

/// `GET /departments/{id}/programme`: the week's programme on one A4 page for the notice
/// board, in large type, Danish with an optional second language beside it, each activity
/// with a QR code to its page.
pub async fn programme(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let input: ProgrammeInput = crate::input::parse_query(raw.as_deref())?;
    let date = NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d").ok();
    let second = Locale::parse(&input.second).filter(|l| *l != Locale::Da);
    let programme = calendar::programme(&st.app, &ctx.actor, id, date, second).await?;
    let monday = programme.monday;
    let mut lines = Vec::new();
    for (l, second_title) in programme.lines {
        lines.push(ProgrammeLine {
            day: i18n::format_day(Locale::Da, utc_to_local(l.occ.starts_at).date())
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_owned(),
            time: format!(
                "{}–{}",
                i18n::format_time(Locale::Da, l.occ.starts_at),
                i18n::format_time(Locale::Da, l.occ.ends_at)
            ),
            qr_svg: qr_svg(&format!("{}/offers/{}", st.config.base_url, l.occ.offer_id)),
            place: l.place(),
            title: l.card.title,
            second_title,
            cancelled: l.occ.cancelled,
        });
    }
    Ok(page(&ProgrammePage {
        ctx: PageCtx::new(&st, &ctx),
        department: programme.name,
        week_label: i18n::t_args(
            Locale::Da,
            "calendar-week-of",
            &[(
                "date",
                fluent_bundle::FluentValue::from(i18n::format_day(Locale::Da, monday)),
            )],
        ),
        second: second.map(|l| (l.code(), l.dir())),
        lines,
        choose_second: vec![("en", "English"), ("ar", "العربية")],
        footer_da: i18n::t(Locale::Da, "programme-footer"),
        footer_second: second.map_or_else(String::new, |l| i18n::t(l, "programme-footer")),
        date: monday.format("%Y-%m-%d").to_string(),
    }))
}

#[derive(Template)]
#[template(path = "calendar_feed.html")]
struct PersonalFeedPage {
    ctx: PageCtx,
    feed_url: String,
    webcal_url: String,
}

/// `POST /account/calendar`: a new secret address for the signed-in person's own calendar
/// (every activity they are signed up for); shown once, like an API token.
pub async fn new_personal_feed(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let feed_url = calendar::new_personal_feed(&st.app, &ctx.actor).await?;
    let webcal_url =
        feed_url
            .replacen("https://", "webcal://", 1)
            .replacen("http://", "webcal://", 1);
    Ok(page(&PersonalFeedPage {
        ctx: PageCtx::new(&st, &ctx),
        feed_url,
        webcal_url,
    }))
}

/// `GET /calendar/feed/{secret}.ics`: a person's activities (the last month and ahead), found
/// by the secret in the address alone, since calendar programs do not sign in.
pub async fn personal_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let secret = file.strip_suffix(".ics").unwrap_or(&file);
    Ok(ics(calendar::personal_feed(
        &st.app, &ctx.actor, secret, ctx.locale,
    )
    .await?))
}
