//! Calendars: this week as a list and the month as a grid, for everyone or for a department,
//! a housing area or a municipality, with the filters of Find; the iCalendar feeds per offer,
//! per department and per occurrence; and the printable weekly programme for the notice
//! board.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, Locale, language_name};
use crate::ical::{Calendar, EventInfo};
use crate::pages::join::when_text;
use crate::pages::offers::choices;
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use crate::views::{CalendarDay, CalendarEntry, CalendarView};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS};
use naboskab_domain::schedule::{local_to_utc, utc_to_local};
use naboskab_domain::{Action, OrgKind, Resource};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::join::{self, Occurrence, OccurrenceQuery};
use naboskab_store::{offers, orgs};
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

/// What is being shown: everyone, or one place.
struct Scope {
    query: OccurrenceQuery,
    title: Option<String>,
    department: Option<i64>,
    /// The department or housing area whose printed programme fits this calendar.
    programme_of: Option<i64>,
    keep: Vec<(&'static str, String)>,
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "on" | "yes")
}

async fn scope(st: &AppState, input: &CalendarInput) -> AppResult<Scope> {
    let mut q = OccurrenceQuery {
        published_only: true,
        limit: 5_000,
        ..Default::default()
    };
    let mut filters = OfferQuery::default();
    let mut keep = Vec::new();
    let mut title = None;
    let mut department = None;
    if let Ok(id) = input.department.parse::<i64>() {
        let d = orgs::organisation(&st.db, id)
            .await?
            .filter(|o| o.kind == OrgKind::Department)
            .ok_or(AppError::NotFound)?;
        q.department_ids = vec![d.id];
        title = Some(d.name);
        department = Some(d.id);
        keep.push(("department", id.to_string()));
    } else if let Ok(id) = input.area.parse::<i64>() {
        let a = orgs::organisation(&st.db, id)
            .await?
            .filter(|o| o.kind == OrgKind::HousingArea)
            .ok_or(AppError::NotFound)?;
        q.department_ids = orgs::area_departments(&st.db, id)
            .await?
            .iter()
            .map(|d| d.id)
            .collect();
        q.department_ids.push(-1); // an area without departments shows nothing
        title = Some(a.name);
        keep.push(("area", id.to_string()));
    } else if !input.municipality.is_empty() {
        let m = orgs::municipality(&st.db, &format!("{:0>4}", input.municipality))
            .await?
            .ok_or(AppError::NotFound)?;
        filters.municipality_code = Some(m.code.clone());
        title = Some(m.name);
        keep.push(("municipality", m.code));
    }
    for (name, value, slot) in [
        ("category", &input.category, &mut filters.category),
        (
            "target_group",
            &input.target_group,
            &mut filters.target_group,
        ),
        ("language", &input.language, &mut filters.language),
    ] {
        if !value.is_empty() {
            *slot = Some(value.clone());
            keep.push((name, value.clone()));
        }
    }
    filters.free = flag(&input.free);
    filters.accessible = flag(&input.accessible);
    if filters.free {
        keep.push(("free", "1".into()));
    }
    if filters.accessible {
        keep.push(("accessible", "1".into()));
    }
    let any_filter = filters.municipality_code.is_some()
        || filters.category.is_some()
        || filters.target_group.is_some()
        || filters.language.is_some()
        || filters.free
        || filters.accessible;
    if any_filter {
        q.offer_ids = Some(st.catalogue.matching_ids(&st.db, &filters).await?);
    }
    let programme_of = department.or_else(|| input.area.parse::<i64>().ok());
    Ok(Scope {
        query: q,
        title,
        department,
        programme_of,
        keep,
    })
}

/// Loads the occurrences between two local dates, grouped by day, titles in `locale`.
async fn days(
    st: &AppState,
    locale: Locale,
    mut q: OccurrenceQuery,
    first: NaiveDate,
    last: NaiveDate,
    month: Option<u32>,
) -> AppResult<Vec<CalendarDay>> {
    let midnight = |d: NaiveDate| local_to_utc(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    q.from = midnight(first).timestamp();
    q.to = midnight(last + Duration::days(1)).timestamp();
    let list = join::occurrences(&st.db, &q).await?;
    let mut offer_ids: Vec<i64> = list.iter().map(|o| o.offer_id).collect();
    offer_ids.sort_unstable();
    offer_ids.dedup();
    st.catalogue.refresh(&st.db).await?;
    let cards: HashMap<i64, offers::OfferCard> = st
        .catalogue
        .cards(&offer_ids, locale.code())?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let today = utc_to_local(now_utc(st)).date();
    // Each occurrence lands in its local day once; labels that repeat are formatted once.
    let mut by_day: HashMap<NaiveDate, Vec<CalendarEntry>> = HashMap::new();
    let mut places_labels: HashMap<i64, String> = HashMap::new();
    for o in list {
        let Some(card) = cards.get(&o.offer_id) else {
            continue;
        };
        let places_left = if o.signup_required {
            o.places_left()
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
        by_day
            .entry(utc_to_local(o.starts_at).date())
            .or_default()
            .push(CalendarEntry {
                title: card.title.clone(),
                time: format!(
                    "{}–{}",
                    i18n::format_time(locale, o.starts_at),
                    i18n::format_time(locale, o.ends_at)
                ),
                place: if o.place.is_empty() {
                    card.department_name
                        .clone()
                        .unwrap_or_else(|| card.city.clone())
                } else {
                    o.place.clone()
                },
                places_left,
                places_label,
                occ: o,
            });
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
    Ok(out)
}

/// How far "near you" reaches on the front page.
const NEAR_M: f64 = 3_000.0;

/// What is still to come today (for the front page), soonest first; near the visitor's own
/// department when they are signed in as a member of one (the flag says so).
pub async fn today_entries(
    st: &AppState,
    ctx: &Ctx,
    departments: &[orgs::Organisation],
    limit: usize,
) -> AppResult<(Vec<CalendarEntry>, bool)> {
    let today = utc_to_local(now_utc(st)).date();
    let mut q = OccurrenceQuery {
        published_only: true,
        limit: 200,
        ..Default::default()
    };
    let home = ctx.actor.memberships.iter().find_map(|m| {
        departments
            .iter()
            .find(|d| d.id == m.organisation_id)
            .and_then(|d| d.lat.zip(d.lon))
    });
    if let Some((lat, lon)) = home {
        q.department_ids = departments
            .iter()
            .filter(|d| {
                d.lat.zip(d.lon).is_some_and(|(dlat, dlon)| {
                    naboskab_domain::geo::distance_m(lat, lon, dlat, dlon) <= NEAR_M
                })
            })
            .map(|d| d.id)
            .collect();
    }
    let now = st.now();
    let entries = days(st, ctx.locale, q, today, today, None)
        .await?
        .into_iter()
        .flat_map(|d| d.entries)
        .filter(|e| e.occ.ends_at.timestamp() > now && !e.occ.cancelled)
        .take(limit)
        .collect();
    Ok((entries, home.is_some()))
}

fn chosen_date(st: &AppState, input: &CalendarInput) -> NaiveDate {
    NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .unwrap_or_else(|| utc_to_local(now_utc(st)).date())
}

pub fn now_utc(st: &AppState) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(st.now(), 0).unwrap_or_default()
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
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
    let today = utc_to_local(now_utc(st)).date();
    let key = format!(
        "{month_view}|{}|{today}|{}",
        ctx.locale.code(),
        raw.unwrap_or_default()
    );
    let commits = st.db.commits();
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
    let sc = scope(st, input).await?;
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
            monday_of(first_of_month),
            monday_of(last_of_month) + Duration::days(6),
            prev_month,
            next_month,
            label,
        )
    } else {
        let monday = monday_of(date);
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
    let days = days(
        st,
        ctx.locale,
        sc.query.clone(),
        first,
        last,
        month_view.then(|| date.month()),
    )
    .await?;
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
    let cats = offers::categories(&st.db).await?;
    let opt = |v: &str| (!v.is_empty()).then(|| v.to_owned());
    let mut hidden: Vec<(&'static str, String)> = sc
        .keep
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
        filtered: sc.keep.iter().any(|(k, _)| {
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
        prev_href: format!("{base}?{}", query_string(&sc.keep, prev)),
        next_href: format!("{base}?{}", query_string(&sc.keep, next)),
        other_view_href: format!("{other}?{}", query_string(&sc.keep, date)),
        feed_href: sc
            .department
            .map(|d| format!("/departments/{d}/calendar.ics")),
        programme_href: sc.programme_of.map(|d| {
            format!(
                "/departments/{d}/programme?date={}",
                monday_of(date).format("%Y-%m-%d")
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

pub fn ics(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

pub fn host_of(base_url: &str) -> String {
    base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split('/')
        .next()
        .unwrap_or("naboskab")
        .to_owned()
}

/// Street and city of an offer, for calendar programs.
fn offer_location(o: &offers::Offer) -> String {
    [o.street.as_str(), o.city.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The feed of published offers' series, with their changed occurrences.
async fn feed_of_offers(
    st: &AppState,
    ctx: &Ctx,
    name: &str,
    offer_ids: &[i64],
) -> AppResult<String> {
    let series = join::series_of_offers(&st.db, offer_ids).await?;
    let series_ids: Vec<i64> = series.iter().map(|s| s.id).collect();
    let edited = join::edited_occurrences(&st.db, &series_ids).await?;
    let edited_refs: Vec<&Occurrence> = edited.iter().collect();
    let mut cal = Calendar::new(name, &host_of(&st.config.base_url), now_utc(st));
    // Series come ordered by offer: each offer is read once.
    let mut current: Option<offers::Offer> = None;
    for s in &series {
        if current.as_ref().is_none_or(|o| o.id != s.offer_id) {
            current = offers::offer(&st.db, s.offer_id).await?;
        }
        let Some(o) = current.as_ref().filter(|o| o.id == s.offer_id) else {
            continue;
        };
        if o.status != OfferStatus::Published {
            continue;
        }
        let (title, description) = o.localized(ctx.locale.code());
        let info = EventInfo {
            summary: title.to_owned(),
            location: offer_location(o),
            url: format!("{}/offers/{}", st.config.base_url, o.id),
            description: offers::html_text(description).trim().to_owned(),
        };
        cal.series(s, &info, &edited_refs);
    }
    Ok(cal.finish())
}

/// `GET /offers/{id}/calendar.ics`
pub async fn offer_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let o = offers::offer(&st.db, id)
        .await?
        .filter(|o| o.status == OfferStatus::Published)
        .ok_or(AppError::NotFound)?;
    let body = feed_of_offers(&st, &ctx, o.localized(ctx.locale.code()).0, &[o.id]).await?;
    Ok(ics(body, &format!("naboskab-offer-{id}.ics")))
}

/// `GET /departments/{id}/calendar.ics`
pub async fn department_feed(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let d = orgs::organisation(&st.db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Department)
        .ok_or(AppError::NotFound)?;
    let ids = st
        .catalogue
        .matching_ids(
            &st.db,
            &OfferQuery {
                department_id: Some(d.id),
                ..Default::default()
            },
        )
        .await?;
    let body = feed_of_offers(&st, &ctx, &d.name, &ids).await?;
    Ok(ics(body, &format!("naboskab-department-{id}.ics")))
}

/// `GET /occurrences/{id}/event.ics`: one occurrence, for "add to calendar".
pub async fn occurrence_file(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let occ = join::occurrence(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let o = offers::offer(&st.db, occ.offer_id)
        .await?
        .filter(|o| o.status == OfferStatus::Published)
        .ok_or(AppError::NotFound)?;
    let (title, _) = o.localized(ctx.locale.code());
    let mut cal = Calendar::new(title, &host_of(&st.config.base_url), now_utc(&st));
    cal.occurrence(
        &occ,
        &EventInfo {
            summary: title.to_owned(),
            location: offer_location(&o),
            url: format!("{}/occurrences/{}", st.config.base_url, occ.id),
            description: when_text(ctx.locale, &occ),
        },
    );
    Ok(ics(cal.finish(), &format!("naboskab-{id}.ics")))
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
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let input: ProgrammeInput = crate::input::parse_query(raw.as_deref())?;
    // A department, or a housing area with all its departments.
    let d = orgs::organisation(&st.db, id)
        .await?
        .filter(|o| matches!(o.kind, OrgKind::Department | OrgKind::HousingArea))
        .ok_or(AppError::NotFound)?;
    let department_ids = if d.kind == OrgKind::HousingArea {
        let mut ids: Vec<i64> = orgs::area_departments(&st.db, d.id)
            .await?
            .iter()
            .map(|o| o.id)
            .collect();
        ids.push(-1); // an area without departments shows nothing
        ids
    } else {
        vec![d.id]
    };
    let date = NaiveDate::parse_from_str(input.date.trim(), "%Y-%m-%d")
        .ok()
        .unwrap_or_else(|| utc_to_local(now_utc(&st)).date());
    let monday = monday_of(date);
    let second = Locale::parse(&input.second).filter(|l| *l != Locale::Da);
    let q = OccurrenceQuery {
        department_ids,
        published_only: true,
        limit: 500,
        ..Default::default()
    };
    let days = days(&st, Locale::Da, q, monday, monday + Duration::days(6), None).await?;
    let mut lines = Vec::new();
    for day in days {
        let weekday = day.label.split(' ').next().unwrap_or_default().to_owned();
        for e in day.entries {
            let second_title = match second {
                Some(l) => st
                    .catalogue
                    .cards(&[e.occ.offer_id], l.code())?
                    .into_iter()
                    .next()
                    .map(|c| c.title)
                    .filter(|t| *t != e.title),
                None => None,
            };
            lines.push(ProgrammeLine {
                day: weekday.clone(),
                time: e.time,
                qr_svg: qr_svg(&format!("{}/offers/{}", st.config.base_url, e.occ.offer_id)),
                title: e.title,
                second_title,
                place: e.place,
                cancelled: e.occ.cancelled,
            });
        }
    }
    Ok(page(&ProgrammePage {
        ctx: PageCtx::new(&st, &ctx),
        department: d.name,
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
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?;
    let secret = crate::security::random_token(32);
    join::set_calendar_feed(
        &st.db,
        user.id,
        &crate::security::hash_token(&secret),
        st.now(),
    )
    .await?;
    let feed_url = format!("{}/calendar/feed/{secret}.ics", st.config.base_url);
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
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let secret = file.strip_suffix(".ics").unwrap_or(&file);
    let user_id = join::calendar_feed_owner(&st.db, &crate::security::hash_token(secret))
        .await?
        .ok_or(AppError::NotFound)?;
    let mut cal = Calendar::new("Naboskab", &host_of(&st.config.base_url), now_utc(&st));
    for (_, occ) in join::signups_of_user(&st.db, user_id, st.now() - 30 * 86_400).await? {
        let Some(o) = offers::offer(&st.db, occ.offer_id).await? else {
            continue;
        };
        let (title, _) = o.localized(ctx.locale.code());
        cal.occurrence(
            &occ,
            &EventInfo {
                summary: title.to_owned(),
                location: offer_location(&o),
                url: format!("{}/occurrences/{}", st.config.base_url, occ.id),
                description: String::new(),
            },
        );
    }
    Ok(ics(cal.finish(), "naboskab.ics"))
}
