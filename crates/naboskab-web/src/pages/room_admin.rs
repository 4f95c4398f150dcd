//! Gather for the department's board and the housing organisation's staff: adding rooms,
//! configuring each room's rules per kind of use (all of it data, edited in one form), the
//! export of private bookings for the administration (CSV and XLSX; payment is collected with
//! the rent), and the use statistics (hours per room and kind, share of community use, unused
//! prime time).

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate, NaiveTime};
use naboskab_app::gather::{find_room, room_chain};
use naboskab_domain::OrgKind;
use naboskab_domain::gather::{
    self, Approver, Bookers, BookingKind, DailyWindow, KindRule, format_minutes,
};
use naboskab_domain::offer::parse_price_kroner;
use naboskab_domain::schedule::local_to_utc;
use naboskab_domain::{Action, Resource};
use naboskab_store::gather::{
    self as store, Blackout, BookingStatus, KEY_METHODS, ROOM_TYPES, Room, RoomDetails,
};
use naboskab_store::orgs;
use std::collections::HashMap;

/// A department the actor manages rooms in, or 404/403.
async fn managed_department(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<orgs::Organisation> {
    let d = orgs::organisation(&st.db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Department)
        .ok_or(AppError::NotFound)?;
    let chain = orgs::chain(&st.db, d.id).await?;
    ctx.authorize(Action::ManageRooms, &Resource::Organisation { chain })?;
    Ok(d)
}

/// A room the actor manages.
async fn managed_room(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Room> {
    let room = find_room(&st.app, id).await?;
    let chain = room_chain(&st.app, &room).await?;
    ctx.authorize(Action::ManageRooms, &Resource::Organisation { chain })?;
    Ok(room)
}

fn kroner(ore: i64) -> String {
    if ore % 100 == 0 {
        (ore / 100).to_string()
    } else {
        format!("{},{:02}", ore / 100, ore % 100)
    }
}

/// The settings form's values as they are stored for this room.
fn values_of(room: &Room) -> HashMap<String, String> {
    let d = &room.details;
    let mut v: HashMap<String, String> = [
        ("name", d.name.clone()),
        ("room_type", d.room_type.clone()),
        ("description", d.description.clone()),
        (
            "capacity",
            d.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
        ("facilities", d.facilities.clone()),
        ("house_rules", d.house_rules.clone()),
        ("key_method", d.key_method.clone()),
        ("key_instructions", d.key_instructions.clone()),
        ("cleaning_checklist", d.cleaning_checklist.clone()),
        ("open_from", format_minutes(d.opening.from)),
        ("open_until", format_minutes(d.opening.until)),
        ("price_weekday", kroner(d.price_weekday_ore)),
        ("price_weekend", kroner(d.price_weekend_ore)),
        (
            "price_unit",
            if d.price_per_day { "day" } else { "hour" }.to_owned(),
        ),
        ("deposit", kroner(d.deposit_ore)),
        (
            "blackouts",
            room.blackouts
                .iter()
                .map(|b| {
                    format!("{} {} {}", b.first, b.last, b.reason)
                        .trim()
                        .to_owned()
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for (k, on) in [
        ("step_free", d.step_free),
        ("accessible_toilet", d.accessible_toilet),
        ("hearing_loop", d.hearing_loop),
    ] {
        if on {
            v.insert(k.into(), "1".into());
        }
    }
    for r in &room.rules {
        let k = r.kind.as_str();
        let mut put = |name: &str, value: String| {
            v.insert(format!("{k}_{name}"), value);
        };
        if r.enabled {
            put("enabled", "1".into());
        }
        for b in Bookers::NAMES {
            if r.bookers.contains(b) {
                put(&format!("bookers_{b}"), "1".into());
            }
        }
        put("min_minutes", r.min_minutes.to_string());
        put("max_hours", ((r.max_minutes + 59) / 60).to_string());
        put("days_ahead", r.max_days_ahead.to_string());
        if let Some(q) = r.quiet_hours {
            let (a, b) = q.format();
            put("quiet_from", a);
            put("quiet_until", b);
        }
        for (i, closed) in r.closed_weekdays.iter().enumerate() {
            if *closed {
                put(&format!("closed_{}", i + 1), "1".into());
            }
        }
        put(
            "per_month",
            r.max_per_month.map(|n| n.to_string()).unwrap_or_default(),
        );
        put(
            "min_age",
            r.min_age.map(|n| n.to_string()).unwrap_or_default(),
        );
        put("approval", r.approval.as_str().into());
        put("notice_days", r.cancel_notice_days.to_string());
        put("advance", kroner(r.advance_ore));
    }
    v
}

/// Reads the settings form; names every field it cannot use.
fn read_settings(
    department_id: i64,
    v: &HashMap<String, String>,
    problems: &mut Vec<FieldError>,
) -> (RoomDetails, Vec<KindRule>, Vec<Blackout>) {
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or("");
    let on = |k: &str| get(k) == "1";
    let found = std::cell::RefCell::new(Vec::new());
    let bad = |field: String, key: &'static str| found.borrow_mut().push(FieldError { field, key });
    let money = |field: &str| match parse_price_kroner(get(field)) {
        Ok(v) => v.unwrap_or(0),
        Err(_) => {
            bad(field.to_owned(), "field-price-invalid");
            0
        }
    };
    let price_weekday_ore = money("price_weekday");
    let price_weekend_ore = money("price_weekend");
    let deposit_ore = money("deposit");
    let mut advances = HashMap::new();
    for kind in BookingKind::ALL {
        let field = format!("{}_advance", kind.as_str());
        advances.insert(kind, money(&field));
    }
    let number = |field: String, min: i64, max: i64| -> Option<i64> {
        let raw = get(&field);
        if raw.is_empty() {
            return None;
        }
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                bad(field, "field-number-invalid");
                None
            }
        }
    };
    let capacity = number("capacity".into(), 1, 10_000);
    let mut rules = Vec::new();
    for kind in BookingKind::ALL {
        let k = kind.as_str();
        let f = |name: &str| format!("{k}_{name}");
        let default = KindRule::default_for(kind);
        let mut closed_weekdays = [false; 7];
        for (i, day) in closed_weekdays.iter_mut().enumerate() {
            *day = on(&f(&format!("closed_{}", i + 1)));
        }
        let bookers = Bookers::parse(
            &Bookers::NAMES
                .into_iter()
                .filter(|b| on(&f(&format!("bookers_{b}"))))
                .collect::<Vec<_>>()
                .join(","),
        );
        let quiet_hours = match (get(&f("quiet_from")), get(&f("quiet_until"))) {
            ("", "") => None,
            (a, b) => {
                let w = DailyWindow::parse(a, b);
                if w.is_none() {
                    bad(f("quiet_from"), "field-time-invalid");
                }
                w
            }
        };
        let approval = Approver::parse(get(&f("approval"))).unwrap_or(default.approval);
        rules.push(KindRule {
            kind,
            enabled: on(&f("enabled")),
            bookers,
            min_minutes: number(f("min_minutes"), 15, 24 * 60).unwrap_or(default.min_minutes),
            max_minutes: number(f("max_hours"), 1, gather::MAX_BOOKING_DAYS * 24)
                .map(|h| h * 60)
                .unwrap_or(default.max_minutes),
            max_days_ahead: number(f("days_ahead"), 1, 730).unwrap_or(default.max_days_ahead),
            quiet_hours,
            closed_weekdays,
            max_per_month: number(f("per_month"), 1, 100),
            min_age: number(f("min_age"), 1, 120),
            approval,
            cancel_notice_days: number(f("notice_days"), 0, 365).unwrap_or(0),
            advance_ore: advances.get(&kind).copied().unwrap_or(0),
        });
    }
    let opening = DailyWindow::parse(get("open_from"), get("open_until"));
    if opening.is_none() {
        bad("open_from".into(), "field-time-invalid");
    }
    let mut blackouts = Vec::new();
    for line in get("blackouts")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let mut parts = line.splitn(3, ' ');
        let first = parts
            .next()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let rest: Vec<&str> = parts.collect();
        let (last, reason) = match rest
            .first()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            Some(last) => (Some(last), rest.get(1).copied().unwrap_or("")),
            None => (first, line.split_once(' ').map_or("", |x| x.1)),
        };
        match (first, last) {
            (Some(first), Some(last)) if first <= last => blackouts.push(Blackout {
                first,
                last,
                reason: reason.trim().to_owned(),
            }),
            _ => {
                bad("blackouts".into(), "field-blackouts-invalid");
                break;
            }
        }
    }
    let name = get("name").to_owned();
    if name.is_empty() {
        bad("name".into(), "field-required");
    }
    let room_type = get("room_type");
    if !ROOM_TYPES.contains(&room_type) {
        bad("room_type".into(), "field-choose-from-list");
    }
    let key_method = get("key_method");
    if !KEY_METHODS.contains(&key_method) {
        bad("key_method".into(), "field-choose-from-list");
    }
    problems.extend(found.into_inner());
    let details = RoomDetails {
        department_id,
        name,
        room_type: room_type.to_owned(),
        description: get("description").to_owned(),
        capacity,
        facilities: get("facilities").to_owned(),
        step_free: on("step_free"),
        accessible_toilet: on("accessible_toilet"),
        hearing_loop: on("hearing_loop"),
        house_rules: get("house_rules").to_owned(),
        key_method: key_method.to_owned(),
        key_instructions: get("key_instructions").to_owned(),
        cleaning_checklist: get("cleaning_checklist").to_owned(),
        opening: opening.unwrap_or(DailyWindow {
            from: 480,
            until: 1440,
        }),
        price_weekday_ore,
        price_weekend_ore,
        price_per_day: get("price_unit") != "hour",
        deposit_ore,
    };
    (details, rules, blackouts)
}

struct KindForm {
    code: &'static str,
    label: String,
}

#[derive(Template)]
#[template(path = "room_settings.html")]
struct SettingsPage {
    ctx: PageCtx,
    room_id: i64,
    values: HashMap<String, String>,
    errors: FormErrors,
    kinds: Vec<KindForm>,
    room_types: Vec<(&'static str, String)>,
    key_methods: Vec<(&'static str, String)>,
    bookers: Vec<(&'static str, String)>,
    approvals: Vec<(&'static str, String)>,
    weekdays: Vec<(usize, String)>,
}

impl SettingsPage {
    /// The value of a field.
    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    /// The value of a field of a kind's rule.
    fn kv(&self, kind: &str, key: &str) -> String {
        self.v(&format!("{kind}_{key}"))
    }

    /// Whether a field is invalid.
    fn bad(&self, key: &str) -> bool {
        self.errors.get(key).is_some()
    }
}

fn settings_page(
    st: &AppState,
    ctx: &Ctx,
    room_id: i64,
    values: HashMap<String, String>,
    errors: FormErrors,
) -> SettingsPage {
    let p = PageCtx::new(st, ctx);
    SettingsPage {
        kinds: BookingKind::ALL
            .into_iter()
            .map(|k| KindForm {
                code: k.as_str(),
                label: p.t(&format!("booking-kind-{}", k.as_str())),
            })
            .collect(),
        room_types: ROOM_TYPES
            .iter()
            .map(|t| (*t, p.t(&format!("room-type-{t}"))))
            .collect(),
        key_methods: KEY_METHODS
            .iter()
            .map(|t| (*t, p.t(&format!("key-method-{t}"))))
            .collect(),
        bookers: Bookers::NAMES
            .iter()
            .map(|t| (*t, p.t(&format!("bookers-{t}"))))
            .collect(),
        approvals: Approver::ALL
            .iter()
            .map(|a| (a.as_str(), p.t(&format!("rule-approval-{}", a.as_str()))))
            .collect(),
        weekdays: (1..=7).map(|d| (d, p.t(&format!("weekday-{d}")))).collect(),
        ctx: p,
        room_id,
        values,
        errors,
    }
}

/// `GET /rooms/{id}/settings`
pub async fn settings_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let room = managed_room(&st, &ctx, id).await?;
    Ok(page(&settings_page(
        &st,
        &ctx,
        room.id,
        values_of(&room),
        FormErrors::default(),
    )))
}

/// `POST /rooms/{id}/settings`: details, rules of every kind and blackout dates together.
pub async fn save_settings(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let room = managed_room(&st, &ctx, id).await?;
    let values: HashMap<String, String> = pairs.into_iter().collect();
    let mut problems = Vec::new();
    let (details, rules, blackouts) =
        read_settings(room.details.department_id, &values, &mut problems);
    if !problems.is_empty() {
        let errors = FormErrors::new(ctx.locale, &problems);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &settings_page(&st, &ctx, room.id, values, errors),
        ));
    }
    store::update_room(&st.db, room.id, &details, st.now()).await?;
    store::set_rules(&st.db, room.id, &rules).await?;
    store::set_blackouts(&st.db, room.id, &blackouts).await?;
    tracing::info!(room = room.id, "room settings saved");
    Ok(Redirect::to(&format!("/rooms/{}?notice=notice-settings-saved", room.id)).into_response())
}

/// A new room's name and type.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewRoomForm {
    name: String,
    room_type: String,
}

/// `POST /departments/{id}/rooms`: adds a room with the default rules, then opens its settings.
pub async fn create_room(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<NewRoomForm>,
) -> AppResult<Response> {
    let d = managed_department(&st, &ctx, id).await?;
    let name = f.name.trim();
    if name.is_empty() {
        return Err(AppError::field("name", "field-required"));
    }
    if !ROOM_TYPES.contains(&f.room_type.as_str()) {
        return Err(AppError::field("room_type", "field-choose-from-list"));
    }
    let details = RoomDetails {
        department_id: d.id,
        name: name.to_owned(),
        room_type: f.room_type.clone(),
        description: String::new(),
        capacity: None,
        facilities: String::new(),
        step_free: false,
        accessible_toilet: false,
        hearing_loop: false,
        house_rules: String::new(),
        key_method: "office".into(),
        key_instructions: String::new(),
        cleaning_checklist: String::new(),
        opening: DailyWindow {
            from: 8 * 60,
            until: 1440,
        },
        price_weekday_ore: 0,
        price_weekend_ore: 0,
        price_per_day: true,
        deposit_ore: 0,
    };
    let room_id = store::create_room(&st.db, &details, st.now()).await?;
    Ok(Redirect::to(&format!("/rooms/{room_id}/settings")).into_response())
}

/// The month asked for (`YYYY-MM`), default this month, as local first day.
fn month_of(st: &AppState, q: &MonthQuery) -> AppResult<NaiveDate> {
    match q.month.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .map_err(|_| AppError::field("month", "field-month-invalid")),
        None => {
            let today =
                naboskab_domain::schedule::utc_to_local(crate::pages::calendar::now_utc(st)).date();
            Ok(today.with_day(1).unwrap_or(today))
        }
    }
}

/// `?month=YYYY-MM`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MonthQuery {
    month: Option<String>,
    lang: Option<String>,
}

/// The local month as instants.
fn month_window(first: NaiveDate) -> (i64, i64) {
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (
        local_to_utc(first.and_time(NaiveTime::MIN)).timestamp(),
        local_to_utc(next.and_time(NaiveTime::MIN)).timestamp(),
    )
}

/// One row of the administration's export.
struct ExportRow {
    cells: Vec<String>,
}

async fn export_rows(
    st: &AppState,
    ctx: &Ctx,
    department: i64,
    q: &MonthQuery,
) -> AppResult<(NaiveDate, Vec<String>, Vec<ExportRow>)> {
    let d = managed_department(st, ctx, department).await?;
    let first = month_of(st, q)?;
    let (from, to) = month_window(first);
    let rooms = store::rooms(&st.db, Some(&[d.id])).await?;
    let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
    let bookings = store::bookings_of_rooms(
        &st.db,
        &ids,
        from,
        to,
        &[BookingStatus::Confirmed, BookingStatus::Cancelled],
    )
    .await?;
    let t = |k: &str| i18n::t(ctx.locale, k);
    let header = [
        "export-booking",
        "export-room",
        "export-name",
        "export-email",
        "export-phone",
        "export-start",
        "export-end",
        "export-kind",
        "export-status",
        "export-price",
        "export-deposit",
        "export-forfeited",
        "export-deposit-status",
        "export-withheld",
        "export-withheld-reason",
    ]
    .iter()
    .map(|k| t(k))
    .collect();
    let kr = |ore: i64| format!("{}.{:02}", ore / 100, ore % 100);
    let rows = bookings
        .iter()
        .filter(|b| b.kind.is_paid())
        .filter(|b| b.status == BookingStatus::Confirmed || b.forfeited_ore > 0)
        .map(|b| ExportRow {
            cells: vec![
                b.id.to_string(),
                rooms
                    .iter()
                    .find(|r| r.id == b.room_id)
                    .map(|r| r.details.name.clone())
                    .unwrap_or_default(),
                b.booker_name.clone(),
                b.booker_email.clone(),
                b.booker_phone.clone(),
                naboskab_domain::schedule::format_local(naboskab_domain::schedule::utc_to_local(
                    b.start(),
                )),
                naboskab_domain::schedule::format_local(naboskab_domain::schedule::utc_to_local(
                    b.end(),
                )),
                b.kind.as_str().to_owned(),
                b.status.as_str().to_owned(),
                kr(if b.status == BookingStatus::Confirmed {
                    b.price_ore
                } else {
                    0
                }),
                kr(if b.status == BookingStatus::Confirmed {
                    b.deposit_ore
                } else {
                    0
                }),
                kr(b.forfeited_ore),
                b.deposit_status.to_string(),
                kr(b.deposit_withheld_ore),
                b.deposit_reason.clone(),
            ],
        })
        .collect();
    Ok((first, header, rows))
}

/// `GET /departments/{id}/bookings.csv?month=`: private bookings for the administration.
pub async fn export_csv(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<MonthQuery>,
) -> AppResult<Response> {
    let (first, header, rows) = export_rows(&st, &ctx, id, &q).await?;
    let mut sheet: Vec<Vec<String>> = vec![header];
    sheet.extend(rows.into_iter().map(|r| r.cells));
    let out = crate::spreadsheet::csv(&sheet)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"bookings-{id}-{}.csv\"",
                    first.format("%Y-%m")
                ),
            ),
        ],
        out,
    )
        .into_response())
}

/// `GET /departments/{id}/bookings.xlsx?month=`: the same rows as a spreadsheet.
pub async fn export_xlsx(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<MonthQuery>,
) -> AppResult<Response> {
    let (first, header, rows) = export_rows(&st, &ctx, id, &q).await?;
    let mut sheet: Vec<Vec<String>> = vec![header];
    sheet.extend(rows.into_iter().map(|r| r.cells));
    let bytes = crate::spreadsheet::xlsx(&i18n::t(ctx.locale, "export-sheet"), &sheet)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"bookings-{id}-{}.xlsx\"",
                    first.format("%Y-%m")
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}

struct UseRow {
    room: String,
    hours: Vec<String>,
    total: String,
    community_share: String,
    prime_unused: String,
}

#[derive(Template)]
#[template(path = "room_use.html")]
struct UsePage {
    ctx: PageCtx,
    department: String,
    department_id: i64,
    month_title: String,
    month: String,
    prev: String,
    next: String,
    kinds: Vec<String>,
    rows: Vec<UseRow>,
}

/// `GET /departments/{id}/room-use?month=`: hours per room and kind, community share and
/// unused prime time, for the board.
pub async fn room_use(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<MonthQuery>,
) -> AppResult<Response> {
    let d = managed_department(&st, &ctx, id).await?;
    let first = month_of(&st, &q)?;
    let (from, to) = month_window(first);
    let rooms = store::rooms(&st.db, Some(&[d.id])).await?;
    let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
    let bookings =
        store::bookings_of_rooms(&st.db, &ids, from, to, &[BookingStatus::Confirmed]).await?;
    let p = PageCtx::new(&st, &ctx);
    let hours = |minutes: i64| {
        let tenths = (minutes * 10 + 30) / 60;
        format!("{},{}", tenths / 10, tenths % 10).replace(
            ',',
            if p.locale == i18n::Locale::Da {
                ","
            } else {
                "."
            },
        )
    };
    let rows = rooms
        .iter()
        .map(|r| {
            let spans: Vec<(BookingKind, i64, i64)> = bookings
                .iter()
                .filter(|b| b.room_id == r.id)
                .map(|b| (b.kind, b.starts_at.max(from), b.ends_at.min(to)))
                .collect();
            let u = gather::usage(&spans, from, to);
            UseRow {
                room: r.details.name.clone(),
                hours: BookingKind::ALL
                    .iter()
                    .map(|k| hours(u.minutes_of(*k)))
                    .collect(),
                total: hours(u.total_minutes()),
                community_share: match u.community_share_percent() {
                    Some(pct) => format!("{pct} %"),
                    None => "–".into(),
                },
                prime_unused: format!(
                    "{} / {}",
                    hours(u.prime_unused_minutes),
                    hours(u.prime_minutes)
                ),
            }
        })
        .collect();
    let prev = first
        .checked_sub_months(chrono::Months::new(1))
        .unwrap_or(first);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    Ok(page(&UsePage {
        kinds: BookingKind::ALL
            .iter()
            .map(|k| p.t(&format!("booking-kind-{}", k.as_str())))
            .collect(),
        month_title: i18n::format_month(p.locale, first),
        month: first.format("%Y-%m").to_string(),
        prev: prev.format("%Y-%m").to_string(),
        next: next.format("%Y-%m").to_string(),
        department: d.name,
        department_id: d.id,
        ctx: p,
        rows,
    }))
}
