//! Measure's impact dashboard: `GET /impact` lists the places the reader may open (their
//! municipality, housing organisation, areas and departments); `GET /impact/{id}` shows which
//! target groups have activities on which weekdays, who came and came back, and how the rooms
//! were used, each chart drawn on the server as SVG with the same numbers in a table beside
//! it; `GET /impact/{id}/export.csv` and `export.xlsx` export those tables. The numbers are
//! `naboskab_app::impact`.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::spreadsheet::{csv_download, xlsx_download};
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use naboskab_app::i18n::{self, Locale};
use naboskab_app::impact::{self, Dashboard, Scope};
use naboskab_domain::offer::{TARGET_GROUPS, WEEKDAYS};

#[derive(Template)]
#[template(path = "impact_places.html")]
struct PlacesPage {
    ctx: PageCtx,
    /// (id, name, kind label, departments)
    places: Vec<(i64, String, String, usize)>,
}

fn kind_label(locale: Locale, s: &Scope) -> String {
    i18n::t(locale, &format!("org-kind-{}", s.kind.as_str()))
}

/// `GET /impact`: the places the reader may open a dashboard for.
pub async fn places(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require_user()?;
    let places = impact::places(&st.app, &ctx.actor).await?;
    if places.is_empty() {
        return Err(crate::error::AppError::Forbidden);
    }
    let l = ctx.locale;
    Ok(page(&PlacesPage {
        ctx: PageCtx::new(&st, &ctx),
        places: places
            .iter()
            .map(|s| (s.id, s.name.clone(), kind_label(l, s), s.departments.len()))
            .collect(),
    }))
}

/// One cell of the offers grid: its place, its count and whether nothing is on.
struct Cell {
    x: i64,
    y: i64,
    count: u64,
}

/// One bar of the room chart.
struct Bar {
    /// The kind of use, short enough for the chart.
    label: String,
    hours: i64,
    width: f64,
    /// Where the number after the bar begins.
    end: f64,
    y: i64,
}

#[derive(Template)]
#[template(path = "impact.html")]
struct DashboardPage {
    ctx: PageCtx,
    d: Dashboard,
    kind: String,
    /// Weekday names, Monday first.
    days: Vec<String>,
    /// The grid's column heads: three letters and where they stand.
    day_heads: Vec<(String, i64)>,
    departments_count: i64,
    offers_count: i64,
    /// (target group label, counts per weekday)
    grid: Vec<(String, Vec<u64>)>,
    cells: Vec<Cell>,
    /// Row labels with their baseline.
    row_labels: Vec<(String, i64)>,
    grid_height: i64,
    /// "Groups with nothing on some day": (group, days).
    gaps: Vec<(String, String)>,
    /// (label, value) pairs of participation.
    participation: Vec<(String, String)>,
    bars: Vec<Bar>,
    rooms_height: i64,
    /// (kind label, bookings, hours)
    rooms: Vec<(String, i64, i64)>,
}

fn share(locale: Locale, part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".into();
    }
    let tenths = (part as f64 / whole as f64 * 1000.0).round() / 10.0;
    let text = format!("{tenths:.1} %");
    if locale == Locale::Da {
        text.replace('.', ",")
    } else {
        text
    }
}

fn days(locale: Locale) -> Vec<String> {
    WEEKDAYS
        .iter()
        .map(|d| i18n::t(locale, &format!("weekday-{d}")))
        .collect()
}

fn participation_rows(locale: Locale, d: &Dashboard) -> Vec<(String, String)> {
    let p = &d.participation;
    let n = |v: u64| i18n::format_integer(locale, v as i64);
    vec![
        (i18n::t(locale, "impact-attendances"), n(p.attendances)),
        (i18n::t(locale, "impact-people"), n(p.people)),
        (
            i18n::t(locale, "impact-returned-4"),
            format!(
                "{} / {} ({})",
                n(p.returned_4),
                n(p.could_return_4),
                share(locale, p.returned_4, p.could_return_4)
            ),
        ),
        (
            i18n::t(locale, "impact-returned-12"),
            format!(
                "{} / {} ({})",
                n(p.returned_12),
                n(p.could_return_12),
                share(locale, p.returned_12, p.could_return_12)
            ),
        ),
        (
            i18n::t(locale, "impact-anonymous"),
            i18n::format_integer(locale, p.anonymous),
        ),
    ]
}

fn room_rows(locale: Locale, d: &Dashboard) -> Vec<(String, i64, i64)> {
    d.rooms
        .iter()
        .map(|r| {
            (
                i18n::t(locale, &format!("booking-kind-{}", r.kind.as_str())),
                r.bookings,
                r.hours,
            )
        })
        .collect()
}

/// `GET /impact/{id}`: the dashboard of a department, housing organisation, area or
/// municipality.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require_user()?;
    let d = impact::dashboard(&st.app, &ctx.actor, id).await?;
    let l = ctx.locale;
    let day_names = days(l);
    let grid: Vec<(String, Vec<u64>)> = TARGET_GROUPS
        .iter()
        .zip(&d.offers_by_group_and_day)
        .map(|(g, row)| (i18n::t(l, &format!("target-{g}")), row.clone()))
        .collect();
    let cells = d
        .offers_by_group_and_day
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter().enumerate().map(move |(c, count)| Cell {
                x: 70 + 14 * c as i64,
                y: 12 + 10 * r as i64,
                count: *count,
            })
        })
        .collect();
    let row_labels = grid
        .iter()
        .enumerate()
        .map(|(r, (label, _))| (label.clone(), 18 + 10 * r as i64))
        .collect();
    let gaps = grid
        .iter()
        .filter(|(_, row)| row.contains(&0))
        .map(|(label, row)| {
            let empty: Vec<&str> = row
                .iter()
                .zip(&day_names)
                .filter(|(n, _)| **n == 0)
                .map(|(_, day)| day.as_str())
                .collect();
            let text = if empty.len() == WEEKDAYS.len() {
                i18n::t(l, "impact-no-day")
            } else {
                empty.join(", ")
            };
            (label.clone(), text)
        })
        .collect();
    let rooms = room_rows(l, &d);
    let most = rooms.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let bars = rooms
        .iter()
        .enumerate()
        .map(|(i, (label, _, hours))| {
            let width = (*hours as f64 / most as f64 * 80.0 * 10.0).round() / 10.0;
            Bar {
                label: label
                    .split(['(', ','])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                hours: *hours,
                width,
                end: 64.0 + width,
                y: 6 + 16 * i as i64,
            }
        })
        .collect();
    let day_heads = day_names
        .iter()
        .enumerate()
        .map(|(i, day)| (day.chars().take(3).collect(), 77 + 14 * i as i64))
        .collect();
    Ok(page(&DashboardPage {
        ctx: PageCtx::new(&st, &ctx),
        kind: kind_label(l, &d.scope),
        day_heads,
        departments_count: d.scope.departments.len() as i64,
        offers_count: d.offers as i64,
        days: day_names,
        grid_height: 16 + 10 * TARGET_GROUPS.len() as i64,
        grid,
        cells,
        row_labels,
        gaps,
        participation: participation_rows(l, &d),
        rooms_height: 8 + 16 * rooms.len() as i64,
        bars,
        rooms,
        d,
    }))
}

/// The dashboard's tables as rows (the first the header) for the exports.
async fn export_rows(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
) -> AppResult<(Dashboard, Vec<Vec<String>>)> {
    ctx.require_user()?;
    let d = impact::dashboard(&st.app, &ctx.actor, id).await?;
    let l = ctx.locale;
    let mut rows = vec![
        std::iter::once(i18n::t(l, "impact-target-group"))
            .chain(days(l))
            .collect::<Vec<_>>(),
    ];
    for (g, row) in TARGET_GROUPS.iter().zip(&d.offers_by_group_and_day) {
        rows.push(
            std::iter::once(i18n::t(l, &format!("target-{g}")))
                .chain(row.iter().map(u64::to_string))
                .collect(),
        );
    }
    rows.push(vec![]);
    rows.push(vec![i18n::t(l, "impact-participation-heading")]);
    let p = &d.participation;
    for (label, value) in [
        ("impact-attendances", p.attendances as i64),
        ("impact-people", p.people as i64),
        ("impact-could-return-4", p.could_return_4 as i64),
        ("impact-returned-4", p.returned_4 as i64),
        ("impact-could-return-12", p.could_return_12 as i64),
        ("impact-returned-12", p.returned_12 as i64),
        ("impact-anonymous", p.anonymous),
    ] {
        rows.push(vec![i18n::t(l, label), value.to_string()]);
    }
    rows.push(vec![]);
    rows.push(vec![
        i18n::t(l, "booking-kind"),
        i18n::t(l, "impact-bookings"),
        i18n::t(l, "impact-hours"),
    ]);
    for (label, bookings, hours) in room_rows(l, &d) {
        rows.push(vec![label, bookings.to_string(), hours.to_string()]);
    }
    // Every row as wide as the grid's: a CSV has one width.
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok((d, rows))
}

/// `GET /impact/{id}/export.csv`.
pub async fn csv(State(st): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let (_, rows) = export_rows(&st, &ctx, id).await?;
    csv_download(&format!("impact-{id}.csv"), &rows)
}

/// `GET /impact/{id}/export.xlsx`.
pub async fn xlsx(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (d, rows) = export_rows(&st, &ctx, id).await?;
    let sheet: String = d
        .scope
        .name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    xlsx_download(&sheet, &format!("impact-{id}.xlsx"), &rows)
}
