//! Gather for the department's board and the housing organisation's staff: adding rooms,
//! each room's settings and its rules per kind of use (all of it data, read from one form of
//! named fields), the month's paid bookings for the administration's export, and the month's
//! room use (hours per room and kind).

use crate::error::{Error, FieldError, Result};
use crate::gather::{find_room, room_chain};
use crate::{App, Managed, authorize};
use chrono::{NaiveDate, NaiveTime};
use naboskab_domain::gather::{
    self, Approver, Bookers, BookingKind, DailyWindow, KindRule, Usage, format_minutes,
};
use naboskab_domain::offer::parse_price_kroner;
use naboskab_domain::schedule::local_to_utc;
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::gather::{
    self as store, Blackout, Booking, BookingStatus, KEY_METHODS, ROOM_TYPES, Room, RoomDetails,
};
use naboskab_store::orgs::{self, Organisation};
use std::collections::HashMap;

/// A department the actor manages rooms in.
pub async fn managed_department(
    app: &App,
    actor: &Actor,
    id: i64,
) -> Result<Managed<Organisation>> {
    let d = orgs::organisation(&app.db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Department)
        .ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, d.id).await?;
    authorize(
        actor,
        Action::ManageRooms,
        &Resource::Organisation { chain },
    )?;
    Ok(Managed::checked(d))
}

/// A room the actor manages.
pub async fn managed_room(app: &App, actor: &Actor, id: i64) -> Result<Managed<Room>> {
    let room = find_room(app, id).await?;
    let chain = room_chain(app, &room).await?;
    authorize(
        actor,
        Action::ManageRooms,
        &Resource::Organisation { chain },
    )?;
    Ok(Managed::checked(room))
}

fn kroner(ore: i64) -> String {
    if ore % 100 == 0 {
        (ore / 100).to_string()
    } else {
        format!("{},{:02}", ore / 100, ore % 100)
    }
}

/// The settings form's values (by field name) as they are stored for this room.
pub fn settings_of(room: &Room) -> HashMap<String, String> {
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
        put(
            "partner_days",
            r.partner_days_ahead
                .map(|n| n.to_string())
                .unwrap_or_default(),
        );
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
            partner_days_ahead: number(f("partner_days"), 1, 730),
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

/// Saves a room's details, its rules of every kind and its blackout dates together, from the
/// settings form's fields; nothing is saved when a field is at fault, and every such field is
/// named.
pub async fn save_settings(
    app: &App,
    room: &Managed<Room>,
    values: &HashMap<String, String>,
) -> Result<()> {
    let mut problems = Vec::new();
    let (details, rules, blackouts) =
        read_settings(room.details.department_id, values, &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    store::update_room(&app.db, room.id, &details, app.now()).await?;
    store::set_rules(&app.db, room.id, &rules).await?;
    store::set_blackouts(&app.db, room.id, &blackouts).await?;
    tracing::info!(room = room.id, "room settings saved");
    Ok(())
}

/// Adds a room with the default rules (open 08–24, free, collected at the office) to a
/// department the actor manages; returns its id.
pub async fn create_room(
    app: &App,
    department: &Managed<Organisation>,
    name: &str,
    room_type: &str,
) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "field-required"));
    }
    if !ROOM_TYPES.contains(&room_type) {
        return Err(Error::field("room_type", "field-choose-from-list"));
    }
    let details = RoomDetails {
        department_id: department.id,
        name: name.to_owned(),
        room_type: room_type.to_owned(),
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
    Ok(store::create_room(&app.db, &details, app.now()).await?)
}

/// The local month from its first day, as instants.
pub fn month_window(first: NaiveDate) -> (i64, i64) {
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (
        local_to_utc(first.and_time(NaiveTime::MIN)).timestamp(),
        local_to_utc(next.and_time(NaiveTime::MIN)).timestamp(),
    )
}

/// The department's rooms and the paid bookings of the month that the administration
/// collects with the rent: confirmed ones, and cancelled ones that forfeited their advance.
pub async fn paid_bookings(
    app: &App,
    department: &Managed<Organisation>,
    first: NaiveDate,
) -> Result<(Vec<Room>, Vec<Booking>)> {
    let (from, to) = month_window(first);
    let rooms = store::rooms(&app.db, Some(&[department.id])).await?;
    let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
    let bookings = store::bookings_of_rooms(
        &app.db,
        &ids,
        from,
        to,
        &[BookingStatus::Confirmed, BookingStatus::Cancelled],
    )
    .await?
    .into_iter()
    .filter(|b| b.kind.is_paid())
    .filter(|b| b.status == BookingStatus::Confirmed || b.forfeited_ore > 0)
    .collect();
    Ok((rooms, bookings))
}

/// How each of the department's rooms was used in the month (confirmed bookings only).
pub async fn room_use(
    app: &App,
    department: &Managed<Organisation>,
    first: NaiveDate,
) -> Result<Vec<(Room, Usage)>> {
    let (from, to) = month_window(first);
    let rooms = store::rooms(&app.db, Some(&[department.id])).await?;
    let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
    let bookings =
        store::bookings_of_rooms(&app.db, &ids, from, to, &[BookingStatus::Confirmed]).await?;
    Ok(rooms
        .into_iter()
        .map(|r| {
            let spans: Vec<(BookingKind, i64, i64)> = bookings
                .iter()
                .filter(|b| b.room_id == r.id)
                .map(|b| (b.kind, b.starts_at.max(from), b.ends_at.min(to)))
                .collect();
            let usage = gather::usage(&spans, from, to);
            (r, usage)
        })
        .collect())
}
