//! Gather for the department's board and the housing organisation's staff: adding rooms,
//! configuring each room's rules per kind of use (all of it data, edited in one form), the
//! export of private bookings for the administration (CSV and XLSX; payment is collected with
//! the rent), and the use statistics (hours per room and kind, share of community use, unused
//! prime time).

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate};
use naboskab_app::Error;
use naboskab_app::room_admin::{self, managed_department, managed_room, settings_of};
use naboskab_domain::gather::{Approver, Bookers, BookingKind};
use naboskab_store::gather::{BookingStatus, KEY_METHODS, ROOM_TYPES};
use std::collections::HashMap;

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
    let room = managed_room(&st.app, &ctx.actor, id).await?;
    Ok(page(&settings_page(
        &st,
        &ctx,
        room.id,
        settings_of(&room),
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
    let room = managed_room(&st.app, &ctx.actor, id).await?;
    let values: HashMap<String, String> = pairs.into_iter().collect();
    match room_admin::save_settings(&st.app, &room, &values).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/rooms/{}?notice=notice-settings-saved", room.id))
                .into_response(),
        ),
        Err(Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &settings_page(&st, &ctx, room.id, values, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
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
    let d = managed_department(&st.app, &ctx.actor, id).await?;
    let room_id = room_admin::create_room(&st.app, &d, &f.name, &f.room_type).await?;
    Ok(Redirect::to(&format!("/rooms/{room_id}/settings")).into_response())
}

/// The month asked for (`YYYY-MM`), default this month, as local first day.
fn month_of(st: &AppState, q: &MonthQuery) -> AppResult<NaiveDate> {
    match q.month.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .map_err(|_| AppError::field("month", "field-month-invalid")),
        None => {
            let today = naboskab_app::calendar::today(&st.app);
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
    let d = managed_department(&st.app, &ctx.actor, department).await?;
    let first = month_of(st, q)?;
    let (rooms, bookings) = room_admin::paid_bookings(&st.app, &d, first).await?;
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
    let filename = format!("bookings-{id}-{}.csv", first.format("%Y-%m"));
    crate::spreadsheet::csv_download(&filename, &sheet)
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
    let filename = format!("bookings-{id}-{}.xlsx", first.format("%Y-%m"));
    crate::spreadsheet::xlsx_download(&i18n::t(ctx.locale, "export-sheet"), &filename, &sheet)
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
    let d = managed_department(&st.app, &ctx.actor, id).await?;
    let first = month_of(&st, &q)?;
    let usage = room_admin::room_use(&st.app, &d, first).await?;
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
    let rows = usage
        .iter()
        .map(|(r, u)| UseRow {
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
        department: d.name.clone(),
        department_id: d.id,
        ctx: p,
        rows,
    }))
}
