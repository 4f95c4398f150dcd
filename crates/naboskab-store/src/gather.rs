//! Gather: rooms, their rules per kind of use, and bookings that never overlap.
//!
//! A booking that is requested or confirmed *holds* its room: it has one `booking_slot` row
//! per 15-minute step, and the slot table's primary key `(room_id, slot_start)` makes two
//! holding bookings of one room impossible on every engine. Requests for one room are also
//! decided one after another under the room's row lock (`room.bookings_seq`), so the rules
//! that count ("one private party per month") and the conflict answer ("taken 14:00–16:00 by
//! …") see every earlier request; the slot key is the guarantee underneath.
//!
//! Rejected, cancelled and displaced bookings give their slots back in the same transaction.
//! Every message (confirmation, request received, approval, rejection, displacement,
//! cancellation) is written to the outbox in the transaction that makes the change.

use crate::db::{Db, Reader, Row, Sql, Tx};
use crate::error::StoreError;
use crate::join::{OwnedMessage, send_all};
use crate::params;
use crate::partnerships;
use crate::seal::SealKey;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use naboskab_domain::gather::{
    self, Approver, Bookers, BookingKind, Breach, DailyWindow, DepositStatus, KindRule,
    MAX_BOOKING_DAYS, RoomRules,
};
use naboskab_domain::schedule::{local_to_utc, utc_to_local};

mod busy;
pub use busy::{Busy, busy};

/// Room types, as stored in `room.room_type` (Fluent keys `room-type-…`).
pub const ROOM_TYPES: [&str; 6] = [
    "faelleshus",
    "party_room",
    "meeting_room",
    "workshop",
    "laundry_cafe",
    "outdoor",
];

/// Key handover methods (Fluent keys `key-method-…`).
pub const KEY_METHODS: [&str; 3] = ["office", "key_box", "electronic_lock"];

/// Dates (local, inclusive) on which a room cannot be booked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blackout {
    /// First day.
    pub first: NaiveDate,
    /// Last day.
    pub last: NaiveDate,
    /// Why (shown in the availability view).
    pub reason: String,
}

/// What a room's settings form edits (everything but the rules per kind and the blackouts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomDetails {
    /// The department.
    pub department_id: i64,
    /// Name ("Fælleshuset, Agerhøj").
    pub name: String,
    /// One of [`ROOM_TYPES`].
    pub room_type: String,
    /// Description.
    pub description: String,
    /// Fire limit (people).
    pub capacity: Option<i64>,
    /// Facilities, one per line (kitchen, projector, 60 chairs).
    pub facilities: String,
    /// Step-free access.
    pub step_free: bool,
    /// Accessible toilet.
    pub accessible_toilet: bool,
    /// Hearing loop.
    pub hearing_loop: bool,
    /// House rules.
    pub house_rules: String,
    /// One of [`KEY_METHODS`].
    pub key_method: String,
    /// Sent to the booker once confirmed; never public.
    pub key_instructions: String,
    /// Cleaning checklist, one item per line.
    pub cleaning_checklist: String,
    /// Opening hours.
    pub opening: DailyWindow,
    /// Price per unit Monday–Friday, øre.
    pub price_weekday_ore: i64,
    /// Price per unit Saturday–Sunday, øre.
    pub price_weekend_ore: i64,
    /// Price per day (else per hour).
    pub price_per_day: bool,
    /// Deposit for private and external use, øre.
    pub deposit_ore: i64,
}

/// A room with its rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    /// Id.
    pub id: i64,
    /// Everything the settings form edits.
    pub details: RoomDetails,
    /// The rule of every kind, in [`BookingKind::ALL`] order.
    pub rules: Vec<KindRule>,
    /// Blackout dates.
    pub blackouts: Vec<Blackout>,
    /// Bumped by every booking change (caches, iCal SEQUENCE of the feed).
    pub bookings_seq: i64,
}

impl Room {
    /// The rules that hold for every kind.
    pub fn room_rules(&self) -> RoomRules {
        let d = &self.details;
        RoomRules {
            opening: d.opening,
            blackout: self.blackouts.iter().map(|b| (b.first, b.last)).collect(),
            price_weekday_ore: d.price_weekday_ore,
            price_weekend_ore: d.price_weekend_ore,
            price_per_day: d.price_per_day,
            deposit_ore: d.deposit_ore,
        }
    }

    /// The rule of one kind.
    pub fn rule(&self, kind: BookingKind) -> KindRule {
        self.rules
            .iter()
            .find(|r| r.kind == kind)
            .cloned()
            .unwrap_or_else(|| KindRule::default_for(kind))
    }
}

const ROOM_COLUMNS: &str = "SELECT id, department_id, name, room_type, description, capacity, facilities, step_free, accessible_toilet, hearing_loop, house_rules, key_method, key_instructions, cleaning_checklist, open_from, open_until, price_weekday_ore, price_weekend_ore, price_per_day, deposit_ore, bookings_seq FROM room";

fn minutes(v: i64) -> u16 {
    u16::try_from(v.clamp(0, 1440)).unwrap_or(0)
}

fn room_from(r: &Row) -> Result<Room, StoreError> {
    Ok(Room {
        id: r.i64("id")?,
        details: RoomDetails {
            department_id: r.i64("department_id")?,
            name: r.string("name")?,
            room_type: r.string("room_type")?,
            description: r.string("description")?,
            capacity: r.opt_i64("capacity")?,
            facilities: r.string("facilities")?,
            step_free: r.bool("step_free")?,
            accessible_toilet: r.bool("accessible_toilet")?,
            hearing_loop: r.bool("hearing_loop")?,
            house_rules: r.string("house_rules")?,
            key_method: r.string("key_method")?,
            key_instructions: r.string("key_instructions")?,
            cleaning_checklist: r.string("cleaning_checklist")?,
            opening: DailyWindow {
                from: minutes(r.i64("open_from")?),
                until: minutes(r.i64("open_until")?),
            },
            price_weekday_ore: r.i64("price_weekday_ore")?,
            price_weekend_ore: r.i64("price_weekend_ore")?,
            price_per_day: r.bool("price_per_day")?,
            deposit_ore: r.i64("deposit_ore")?,
        },
        rules: vec![],
        blackouts: vec![],
        bookings_seq: r.i64("bookings_seq")?,
    })
}

fn rule_from(r: &Row) -> Result<(i64, KindRule), StoreError> {
    let kind = r.string("kind")?;
    let kind = BookingKind::parse(&kind)
        .ok_or_else(|| StoreError::Decode(format!("booking kind {kind}")))?;
    let closed = r.string("closed_weekdays")?;
    let mut closed_weekdays = [false; 7];
    for (i, day) in closed_weekdays.iter_mut().enumerate() {
        *day = closed.contains(char::from(b'1' + i as u8));
    }
    let quiet = match (r.opt_i64("quiet_from")?, r.opt_i64("quiet_until")?) {
        (Some(from), Some(until)) => Some(DailyWindow {
            from: minutes(from),
            until: minutes(until),
        }),
        _ => None,
    };
    Ok((
        r.i64("room_id")?,
        KindRule {
            kind,
            enabled: r.bool("enabled")?,
            bookers: Bookers::parse(&r.string("bookers")?),
            min_minutes: r.i64("min_minutes")?,
            max_minutes: r.i64("max_minutes")?,
            max_days_ahead: r.i64("max_days_ahead")?,
            partner_days_ahead: r.opt_i64("partner_days_ahead")?,
            quiet_hours: quiet,
            closed_weekdays,
            max_per_month: r.opt_i64("max_per_month")?,
            min_age: r.opt_i64("min_age")?,
            approval: Approver::parse(&r.string("approval")?).unwrap_or(Approver::Board),
            cancel_notice_days: r.i64("cancel_notice_days")?,
            advance_ore: r.i64("advance_ore")?,
        },
    ))
}

fn blackout_from(r: &Row) -> Result<(i64, Blackout), StoreError> {
    let day = |s: String| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| StoreError::Decode(e.to_string()))
    };
    Ok((
        r.i64("room_id")?,
        Blackout {
            first: day(r.string("first_day")?)?,
            last: day(r.string("last_day")?)?,
            reason: r.string("reason")?,
        },
    ))
}

/// Reads the rules and blackouts of these rooms into them.
async fn complete(db: &mut Reader<'_>, rooms: &mut [Room]) -> Result<(), StoreError> {
    if rooms.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = rooms.iter().map(|r| r.id).collect();
    let mut sql = Sql::new(
        "SELECT room_id, kind, enabled, bookers, min_minutes, max_minutes, max_days_ahead, partner_days_ahead, quiet_from, quiet_until, closed_weekdays, max_per_month, min_age, approval, cancel_notice_days, advance_ore FROM room_rule WHERE room_id IN (",
    );
    sql.bind_list(ids.iter().copied()).push(")");
    for row in db.query_built(sql).await? {
        let (room_id, rule) = rule_from(&row)?;
        if let Some(room) = rooms.iter_mut().find(|r| r.id == room_id) {
            room.rules.push(rule);
        }
    }
    let mut sql = Sql::new(
        "SELECT room_id, first_day, last_day, reason FROM room_blackout WHERE room_id IN (",
    );
    sql.bind_list(ids.iter().copied())
        .push(") ORDER BY first_day");
    for row in db.query_built(sql).await? {
        let (room_id, b) = blackout_from(&row)?;
        if let Some(room) = rooms.iter_mut().find(|r| r.id == room_id) {
            room.blackouts.push(b);
        }
    }
    for room in rooms.iter_mut() {
        room.rules.sort_by_key(|r| r.kind);
    }
    Ok(())
}

/// One room with its rules.
pub async fn room(db: &Db, id: i64) -> Result<Option<Room>, StoreError> {
    room_via(&mut Reader::Pool(db), id).await
}

async fn room_via(conn: &mut Reader<'_>, id: i64) -> Result<Option<Room>, StoreError> {
    let mut sql = Sql::new(ROOM_COLUMNS);
    sql.push(" WHERE id = ").bind(id);
    let Some(row) = conn.query_built(sql).await?.into_iter().next() else {
        return Ok(None);
    };
    let mut rooms = [room_from(&row)?];
    complete(conn, &mut rooms).await?;
    let [room] = rooms;
    Ok(Some(room))
}

/// The rooms of these departments (every room when `None`), by department then name.
pub async fn rooms(db: &Db, departments: Option<&[i64]>) -> Result<Vec<Room>, StoreError> {
    let mut sql = Sql::new(
        "SELECT id, department_id, name, room_type, description, capacity, facilities, step_free, accessible_toilet, hearing_loop, house_rules, key_method, key_instructions, cleaning_checklist, open_from, open_until, price_weekday_ore, price_weekend_ore, price_per_day, deposit_ore, bookings_seq FROM room",
    );
    debug_assert!(sql.text().starts_with(ROOM_COLUMNS));
    if let Some(ids) = departments {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        sql.push(" WHERE department_id IN (")
            .bind_list(ids.iter().copied())
            .push(")");
    }
    sql.push(" ORDER BY department_id, name, id");
    let mut rooms = db
        .query_built(sql)
        .await?
        .iter()
        .map(room_from)
        .collect::<Result<Vec<_>, _>>()?;
    complete(&mut Reader::Pool(db), &mut rooms).await?;
    Ok(rooms)
}

fn detail_params(d: &RoomDetails) -> Vec<crate::db::Value> {
    params![
        d.department_id,
        d.name.as_str(),
        d.room_type.as_str(),
        d.description.as_str(),
        d.capacity,
        d.facilities.as_str(),
        d.step_free,
        d.accessible_toilet,
        d.hearing_loop,
        d.house_rules.as_str(),
        d.key_method.as_str(),
        d.key_instructions.as_str(),
        d.cleaning_checklist.as_str(),
        i64::from(d.opening.from),
        i64::from(d.opening.until),
        d.price_weekday_ore,
        d.price_weekend_ore,
        d.price_per_day,
        d.deposit_ore
    ]
}

/// Creates a room with the default rule of every kind ([`KindRule::default_for`]).
pub async fn create_room(db: &Db, d: &RoomDetails, now: i64) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let mut p = detail_params(d);
    p.push(now.into());
    let id = tx
        .query_one(
            "INSERT INTO room (department_id, name, room_type, description, capacity, facilities, step_free, accessible_toilet, hearing_loop, house_rules, key_method, key_instructions, cleaning_checklist, open_from, open_until, price_weekday_ore, price_weekend_ore, price_per_day, deposit_ore, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20) RETURNING id",
            p,
        )
        .await?
        .i64("id")?;
    for kind in BookingKind::ALL {
        put_rule(&mut tx, id, &KindRule::default_for(kind)).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Changes a room's details (its department stays).
pub async fn update_room(db: &Db, id: i64, d: &RoomDetails, now: i64) -> Result<(), StoreError> {
    let mut p = detail_params(d);
    p.push(now.into());
    p.push(id.into());
    let n = db
        .execute(
            "UPDATE room SET department_id = $1, name = $2, room_type = $3, description = $4, capacity = $5, facilities = $6, step_free = $7, accessible_toilet = $8, hearing_loop = $9, house_rules = $10, key_method = $11, key_instructions = $12, cleaning_checklist = $13, open_from = $14, open_until = $15, price_weekday_ore = $16, price_weekend_ore = $17, price_per_day = $18, deposit_ore = $19, updated_at = $20, bookings_seq = bookings_seq + 1 WHERE id = $21",
            p,
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

async fn put_rule(tx: &mut Tx, room_id: i64, r: &KindRule) -> Result<(), StoreError> {
    let closed: String = (0..7)
        .filter(|i| r.closed_weekdays[*i])
        .map(|i| char::from(b'1' + i as u8))
        .collect();
    tx.execute(
        "DELETE FROM room_rule WHERE room_id = $1 AND kind = $2",
        params![room_id, r.kind.as_str()],
    )
    .await?;
    tx.execute(
        "INSERT INTO room_rule (room_id, kind, enabled, bookers, min_minutes, max_minutes, max_days_ahead, quiet_from, quiet_until, closed_weekdays, max_per_month, min_age, approval, cancel_notice_days, advance_ore, partner_days_ahead)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        params![
            room_id,
            r.kind.as_str(),
            r.enabled,
            r.bookers.to_stored(),
            r.min_minutes,
            r.max_minutes,
            r.max_days_ahead,
            r.quiet_hours.map(|q| i64::from(q.from)),
            r.quiet_hours.map(|q| i64::from(q.until)),
            closed,
            r.max_per_month,
            r.min_age,
            r.approval.as_str(),
            r.cancel_notice_days,
            r.advance_ore,
            r.partner_days_ahead
        ],
    )
    .await?;
    Ok(())
}

/// Replaces the rules of these kinds in a room.
pub async fn set_rules(db: &Db, room_id: i64, rules: &[KindRule]) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    for r in rules {
        put_rule(&mut tx, room_id, r).await?;
    }
    tx.execute(
        "UPDATE room SET bookings_seq = bookings_seq + 1 WHERE id = $1",
        params![room_id],
    )
    .await?;
    tx.commit().await
}

/// Replaces a room's blackout dates.
pub async fn set_blackouts(db: &Db, room_id: i64, list: &[Blackout]) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "DELETE FROM room_blackout WHERE room_id = $1",
        params![room_id],
    )
    .await?;
    for b in list {
        tx.execute(
            "INSERT INTO room_blackout (room_id, first_day, last_day, reason) VALUES ($1, $2, $3, $4)",
            params![
                room_id,
                b.first.format("%Y-%m-%d").to_string(),
                b.last.format("%Y-%m-%d").to_string(),
                b.reason.as_str()
            ],
        )
        .await?;
    }
    tx.execute(
        "UPDATE room SET bookings_seq = bookings_seq + 1 WHERE id = $1",
        params![room_id],
    )
    .await?;
    tx.commit().await
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingStatus {
    /// Waiting for approval; holds the room.
    Requested,
    /// Confirmed; holds the room.
    Confirmed,
    /// Refused by the approver, with a reason.
    Rejected,
    /// Cancelled by the booker or staff.
    Cancelled,
    /// Gave way to a community activity before it was approved.
    Displaced,
}

impl BookingStatus {
    /// Every status.
    pub const ALL: [BookingStatus; 5] = [
        BookingStatus::Requested,
        BookingStatus::Confirmed,
        BookingStatus::Rejected,
        BookingStatus::Cancelled,
        BookingStatus::Displaced,
    ];

    /// The statuses that hold a room (see [`BookingStatus::holds`]).
    pub const HOLDING: [BookingStatus; 2] = [BookingStatus::Requested, BookingStatus::Confirmed];

    /// Stable name (database, API, Fluent keys `booking-status-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Requested => "requested",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Rejected => "rejected",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Displaced => "displaced",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<BookingStatus> {
        BookingStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the booking holds its room.
    pub fn holds(self) -> bool {
        BookingStatus::HOLDING.contains(&self)
    }
}

/// A stored booking.
#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    /// Id.
    pub id: i64,
    /// Room.
    pub room_id: i64,
    /// Kind of use.
    pub kind: BookingKind,
    /// Status.
    pub status: BookingStatus,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
    /// The account that booked.
    pub user_id: Option<i64>,
    /// Booker's name.
    pub booker_name: String,
    /// Booker's e-mail.
    pub booker_email: String,
    /// Booker's phone.
    pub booker_phone: String,
    /// Language for messages.
    pub locale: String,
    /// Association booking.
    pub organisation_id: Option<i64>,
    /// The activity held.
    pub offer_id: Option<i64>,
    /// What it is for (shown publicly only for community and association use).
    pub title: String,
    /// Expected number of people.
    pub attendees: Option<i64>,
    /// Note to the approver.
    pub note: String,
    /// Price, øre.
    pub price_ore: i64,
    /// Deposit, øre.
    pub deposit_ore: i64,
    /// Advance forfeited by a late cancellation, øre.
    pub forfeited_ore: i64,
    /// none | held | returned | withheld.
    pub deposit_status: DepositStatus,
    /// Deposit withheld, øre.
    pub deposit_withheld_ore: i64,
    /// Why the deposit was withheld.
    pub deposit_reason: String,
    /// Why it was rejected, cancelled or displaced.
    pub reason: String,
    /// Who decided.
    pub decided_by: Option<i64>,
    /// Bookings of one recurring request share this key.
    pub series_key: Option<String>,
    /// iCalendar SEQUENCE.
    pub sequence: i64,
    /// Created.
    pub created_at: i64,
}

impl Booking {
    /// Start as a time.
    pub fn start(&self) -> DateTime<Utc> {
        at(self.starts_at)
    }

    /// End as a time.
    pub fn end(&self) -> DateTime<Utc> {
        at(self.ends_at)
    }

    /// Whether the public may see what it is for (community and association use).
    pub fn title_is_public(&self) -> bool {
        matches!(self.kind, BookingKind::Community | BookingKind::Association)
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

const BOOKING_COLUMNS: &str = "SELECT id, room_id, kind, status, starts_at, ends_at, user_id, booker_name, booker_email, booker_phone, locale, organisation_id, offer_id, title, attendees, note, price_ore, deposit_ore, forfeited_ore, deposit_status, deposit_withheld_ore, deposit_reason, reason, decided_by, series_key, sequence, created_at FROM booking";

/// Booking columns sealed at rest: who booked and how to reach them, and every free text
/// (a private party's title names the person; notes and reasons may say anything).
const SEALED_BOOKING_COLUMNS: [&str; 7] = [
    "booker_name",
    "booker_email",
    "booker_phone",
    "title",
    "note",
    "reason",
    "deposit_reason",
];

fn seal_booking(key: &SealKey, column: &str, text: &str) -> Result<String, StoreError> {
    debug_assert!(SEALED_BOOKING_COLUMNS.contains(&column));
    key.seal_optional(&format!("booking.{column}"), text)
}

fn open_booking(key: &SealKey, column: &str, stored: &str) -> Result<String, StoreError> {
    key.open_optional(&format!("booking.{column}"), stored)
}

fn booking_from(key: &SealKey, r: &Row) -> Result<Booking, StoreError> {
    let kind = r.string("kind")?;
    let status = r.string("status")?;
    Ok(Booking {
        id: r.i64("id")?,
        room_id: r.i64("room_id")?,
        kind: BookingKind::parse(&kind)
            .ok_or_else(|| StoreError::Decode(format!("booking kind {kind}")))?,
        status: BookingStatus::parse(&status)
            .ok_or_else(|| StoreError::Decode(format!("booking status {status}")))?,
        starts_at: r.i64("starts_at")?,
        ends_at: r.i64("ends_at")?,
        user_id: r.opt_i64("user_id")?,
        booker_name: open_booking(key, "booker_name", &r.string("booker_name")?)?,
        booker_email: open_booking(key, "booker_email", &r.string("booker_email")?)?,
        booker_phone: open_booking(key, "booker_phone", &r.string("booker_phone")?)?,
        locale: r.string("locale")?,
        organisation_id: r.opt_i64("organisation_id")?,
        offer_id: r.opt_i64("offer_id")?,
        title: open_booking(key, "title", &r.string("title")?)?,
        attendees: r.opt_i64("attendees")?,
        note: open_booking(key, "note", &r.string("note")?)?,
        price_ore: r.i64("price_ore")?,
        deposit_ore: r.i64("deposit_ore")?,
        forfeited_ore: r.i64("forfeited_ore")?,
        deposit_status: r.parsed("deposit_status", DepositStatus::parse)?,
        deposit_withheld_ore: r.i64("deposit_withheld_ore")?,
        deposit_reason: open_booking(key, "deposit_reason", &r.string("deposit_reason")?)?,
        reason: open_booking(key, "reason", &r.string("reason")?)?,
        decided_by: r.opt_i64("decided_by")?,
        series_key: r.opt_string("series_key")?,
        sequence: r.i64("sequence")?,
        created_at: r.i64("created_at")?,
    })
}

fn bookings_from(key: &SealKey, rows: Vec<Row>) -> Result<Vec<Booking>, StoreError> {
    rows.iter().map(|r| booking_from(key, r)).collect()
}

/// One booking.
pub async fn booking(db: &Db, id: i64) -> Result<Option<Booking>, StoreError> {
    let mut sql = Sql::new(BOOKING_COLUMNS);
    sql.push(" WHERE id = ").bind(id);
    Ok(bookings_from(db.sealing()?, db.query_built(sql).await?)?
        .into_iter()
        .next())
}

async fn booking_in(tx: &mut Tx, id: i64) -> Result<Booking, StoreError> {
    let mut sql = Sql::new(BOOKING_COLUMNS);
    sql.push(" WHERE id = ").bind(id);
    let rows = tx.query_built(sql).await?;
    bookings_from(tx.sealing()?, rows)?
        .into_iter()
        .next()
        .ok_or(StoreError::NotFound)
}

/// `WHERE` for the bookings of `rooms` in `statuses` that overlap `[from, to)`. The lower
/// bound on `starts_at` (no booking is longer than [`MAX_BOOKING_DAYS`]) lets the index
/// answer. Both lists must hold something.
fn push_overlap(sql: &mut Sql, rooms: &[i64], from: i64, to: i64, statuses: &[BookingStatus]) {
    sql.push(" WHERE room_id IN (")
        .bind_list(rooms.iter().copied())
        .push(") AND starts_at >= ")
        .bind(from - MAX_BOOKING_DAYS * 86_400)
        .push(" AND starts_at < ")
        .bind(to)
        .push(" AND ends_at > ")
        .bind(from)
        .push(" AND status IN (")
        .bind_list(statuses.iter().map(|s| s.as_str()))
        .push(")");
}

/// The bookings of a room (all statuses) overlapping `[from, to)`, for the room's feed and
/// the statistics.
pub async fn bookings_of_rooms(
    db: &Db,
    room_ids: &[i64],
    from: i64,
    to: i64,
    statuses: &[BookingStatus],
) -> Result<Vec<Booking>, StoreError> {
    if room_ids.is_empty() || statuses.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = Sql::new(BOOKING_COLUMNS);
    push_overlap(&mut sql, room_ids, from, to, statuses);
    sql.push(" ORDER BY starts_at, id");
    bookings_from(db.sealing()?, db.query_built(sql).await?)
}

/// A person's bookings ending after `since`, soonest first.
pub async fn bookings_of_user(
    db: &Db,
    user_id: i64,
    since: i64,
) -> Result<Vec<Booking>, StoreError> {
    let mut sql = Sql::new(BOOKING_COLUMNS);
    sql.push(" WHERE user_id = ")
        .bind(user_id)
        .push(" AND ends_at > ")
        .bind(since)
        .push(" ORDER BY starts_at, id");
    bookings_from(db.sealing()?, db.query_built(sql).await?)
}

/// Requests waiting for approval in these rooms, oldest request first.
pub async fn pending(db: &Db, room_ids: &[i64]) -> Result<Vec<Booking>, StoreError> {
    if room_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = Sql::new(BOOKING_COLUMNS);
    sql.push(" WHERE status = 'requested' AND room_id IN (")
        .bind_list(room_ids.iter().copied())
        .push(") ORDER BY created_at, id");
    bookings_from(db.sealing()?, db.query_built(sql).await?)
}

/// Something that happened to a booking, for the message the caller writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingEvent {
    /// Booked and confirmed at once.
    Confirmed,
    /// Requested; waiting for approval.
    Requested,
    /// Approved.
    Approved,
    /// Rejected (reason in the booking).
    Rejected,
    /// Cancelled (reason in the booking).
    Cancelled,
    /// Gave way to a community activity.
    Displaced,
}

/// Writes the messages for a booking event, in the booker's language; called inside the
/// transaction that makes the change.
pub type BookingNotify<'a> =
    &'a (dyn Fn(&Booking, BookingEvent) -> Vec<OwnedMessage> + Send + Sync);

/// A booking request.
#[derive(Debug, Clone)]
pub struct NewBooking {
    /// Room.
    pub room_id: i64,
    /// Kind of use.
    pub kind: BookingKind,
    /// Start.
    pub start: DateTime<Utc>,
    /// End.
    pub end: DateTime<Utc>,
    /// The account booking.
    pub user_id: Option<i64>,
    /// Booker's name.
    pub booker_name: String,
    /// Booker's e-mail.
    pub booker_email: String,
    /// Booker's phone.
    pub booker_phone: String,
    /// Language for messages.
    pub locale: String,
    /// Association booking.
    pub organisation_id: Option<i64>,
    /// The activity held.
    pub offer_id: Option<i64>,
    /// What it is for.
    pub title: String,
    /// Expected number of people.
    pub attendees: Option<i64>,
    /// Note to the approver.
    pub note: String,
    /// The booker declared the rule's minimum age.
    pub age_declared: bool,
    /// A community activity asks to displace requests of private events that are not yet
    /// approved.
    pub displace: bool,
    /// The client's Idempotency-Key.
    pub idempotency_key: Option<String>,
}

/// What a request got.
#[derive(Debug, Clone, PartialEq)]
pub enum BookingOutcome {
    /// Booked: confirmed, or requested and holding the room until decided.
    Booked(Booking),
    /// The same Idempotency-Key was used before: that booking, unchanged.
    Replayed(Booking),
    /// The request breaks these rules; nothing stored.
    Refused(Vec<Breach>),
    /// The room is held by these bookings at that time; nothing stored. `displaceable` when a
    /// community activity could ask them to give way (all are unapproved private requests).
    Taken {
        /// The bookings in the way.
        conflicts: Vec<Booking>,
        /// Whether asking to displace them would succeed.
        displaceable: bool,
    },
}

/// Requests a booking: checks the room's rules, refuses a taken time (naming the booking in
/// the way), and otherwise books it, confirmed at once or waiting for approval as the rule says.
pub async fn request_booking(
    db: &Db,
    b: &NewBooking,
    notify: BookingNotify<'_>,
    now: i64,
) -> Result<BookingOutcome, StoreError> {
    let mut tx = db.begin().await?;
    lock_room(&mut tx, b.room_id).await?;
    if let (Some(user), Some(key)) = (b.user_id, &b.idempotency_key)
        && let Some(existing) = by_key(&mut Reader::Tx(&mut tx), user, key).await?
    {
        return Ok(BookingOutcome::Replayed(existing));
    }
    let room = room_via(&mut Reader::Tx(&mut tx), b.room_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    match book_in(&mut tx, &room, b, None, Some(notify), now).await {
        Ok(outcome) => {
            if matches!(outcome, BookingOutcome::Booked(_)) {
                tx.commit().await?;
            }
            Ok(outcome)
        }
        // The same key used for another room at the same moment: answer with that booking.
        Err(StoreError::Conflict(e)) => {
            drop(tx);
            match (b.user_id, &b.idempotency_key) {
                (Some(user), Some(key)) => by_idempotency_key(db, user, key)
                    .await?
                    .map(BookingOutcome::Replayed)
                    .ok_or(StoreError::Conflict(e)),
                _ => Err(StoreError::Conflict(e)),
            }
        }
        Err(e) => Err(e),
    }
}

/// The booking a person made with this Idempotency-Key, if any.
pub async fn by_idempotency_key(
    db: &Db,
    user_id: i64,
    key: &str,
) -> Result<Option<Booking>, StoreError> {
    by_key(&mut Reader::Pool(db), user_id, key).await
}

async fn by_key(
    conn: &mut Reader<'_>,
    user_id: i64,
    key: &str,
) -> Result<Option<Booking>, StoreError> {
    let mut sql = Sql::new(BOOKING_COLUMNS);
    sql.push(" WHERE user_id = ")
        .bind(user_id)
        .push(" AND idempotency_key = ")
        .bind(key);
    let rows = conn.query_built(sql).await?;
    Ok(bookings_from(conn.sealing()?, rows)?.into_iter().next())
}

/// One date of a recurring request and what it got.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesItem {
    /// Start.
    pub start: DateTime<Utc>,
    /// End.
    pub end: DateTime<Utc>,
    /// What it got.
    pub outcome: BookingOutcome,
}

/// Books every free date of a recurring request ("every Tuesday 14–16 until June") and lists
/// the others with why, for the person to resolve. `summary` (one message for the whole
/// series) is written to the outbox when anything was booked.
pub async fn request_series(
    db: &Db,
    b: &NewBooking,
    dates: &[(DateTime<Utc>, DateTime<Utc>)],
    series_key: &str,
    summary: &(dyn Fn(&[SeriesItem]) -> Vec<OwnedMessage> + Send + Sync),
    now: i64,
) -> Result<Vec<SeriesItem>, StoreError> {
    let mut tx = db.begin().await?;
    lock_room(&mut tx, b.room_id).await?;
    let room = room_via(&mut Reader::Tx(&mut tx), b.room_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let mut items = Vec::with_capacity(dates.len());
    for (start, end) in dates {
        let one = NewBooking {
            start: *start,
            end: *end,
            idempotency_key: None,
            ..b.clone()
        };
        let outcome = book_in(&mut tx, &room, &one, Some(series_key), None, now).await?;
        items.push(SeriesItem {
            start: *start,
            end: *end,
            outcome,
        });
    }
    if items
        .iter()
        .any(|i| matches!(i.outcome, BookingOutcome::Booked(_)))
    {
        send_all(&mut tx, summary(&items), b.user_id, now).await?;
        tx.commit().await?;
    }
    Ok(items)
}

/// Takes the room's row lock (and marks a change for caches).
async fn lock_room(tx: &mut Tx, room_id: i64) -> Result<(), StoreError> {
    let n = tx
        .execute(
            "UPDATE room SET bookings_seq = bookings_seq + 1 WHERE id = $1",
            params![room_id],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The first and last instant of the local calendar month holding `t`.
pub fn local_month(t: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let local = utc_to_local(t).date();
    let first = local.with_day(1).unwrap_or(local);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (
        local_to_utc(first.and_time(chrono::NaiveTime::MIN)),
        local_to_utc(next.and_time(chrono::NaiveTime::MIN)),
    )
}

async fn book_in(
    tx: &mut Tx,
    room: &Room,
    b: &NewBooking,
    series_key: Option<&str>,
    notify: Option<BookingNotify<'_>>,
    now: i64,
) -> Result<BookingOutcome, StoreError> {
    let rule = room.rule(b.kind);
    let (month_start, month_end) = local_month(b.start);
    let booked_this_month = match b.user_id {
        Some(user) => tx
            .query_one(
                "SELECT COUNT(*) AS count FROM booking WHERE room_id = $1 AND user_id = $2 AND kind = $3 AND status IN ('requested', 'confirmed') AND starts_at >= $4 AND starts_at < $5",
                params![room.id, user, b.kind.as_str(), month_start.timestamp(), month_end.timestamp()],
            )
            .await?
            .i64("count")?,
        None => 0,
    };
    let breaches = gather::check(
        &room.room_rules(),
        &rule,
        &gather::Request {
            start: b.start,
            end: b.end,
            now: at(now),
            booked_this_month,
            age_declared: b.age_declared,
            partner: partnerships::books_as_partner(tx, b, room, &rule, at(now)).await?,
        },
    );
    if !breaches.is_empty() {
        return Ok(BookingOutcome::Refused(breaches));
    }
    let (from, to) = (b.start.timestamp(), b.end.timestamp());
    let mut sql = Sql::new(BOOKING_COLUMNS);
    push_overlap(&mut sql, &[room.id], from, to, &BookingStatus::HOLDING);
    sql.push(" ORDER BY starts_at");
    let rows = tx.query_built(sql).await?;
    let conflicts = bookings_from(tx.sealing()?, rows)?;
    if !conflicts.is_empty() {
        let displaceable = b.kind == BookingKind::Community
            && conflicts
                .iter()
                .all(|c| c.status == BookingStatus::Requested && c.kind.is_paid());
        if !(displaceable && b.displace) {
            return Ok(BookingOutcome::Taken {
                conflicts,
                displaceable,
            });
        }
        for c in conflicts {
            let gone = close_in(tx, c.id, BookingStatus::Displaced, &b.title, None, 0, now).await?;
            if let Some(notify) = notify {
                send_all(
                    tx,
                    notify(&gone, BookingEvent::Displaced),
                    gone.user_id,
                    now,
                )
                .await?;
            }
        }
    }
    let (price_ore, deposit_ore) = gather::price(&room.room_rules(), b.kind, b.start, b.end);
    let status = if rule.approval == Approver::None {
        BookingStatus::Confirmed
    } else {
        BookingStatus::Requested
    };
    let deposit_status = if deposit_ore > 0 && status == BookingStatus::Confirmed {
        DepositStatus::Held
    } else {
        DepositStatus::None
    };
    let key = tx.sealing()?;
    let [name, email, phone, title, note] = [
        ("booker_name", &b.booker_name),
        ("booker_email", &b.booker_email),
        ("booker_phone", &b.booker_phone),
        ("title", &b.title),
        ("note", &b.note),
    ]
    .map(|(column, text)| seal_booking(key, column, text));
    let id = tx
        .query_one(
            "INSERT INTO booking (room_id, kind, status, starts_at, ends_at, user_id, booker_name, booker_email, booker_phone, locale, organisation_id, offer_id, title, attendees, note, price_ore, deposit_ore, deposit_status, series_key, idempotency_key, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21) RETURNING id",
            params![
                room.id, b.kind.as_str(), status.as_str(), from, to, b.user_id, name?,
                email?, phone?, b.locale.as_str(), b.organisation_id,
                b.offer_id, title?, b.attendees, note?, price_ore, deposit_ore,
                deposit_status.as_str(), series_key, b.idempotency_key.as_deref(), now
            ],
        )
        .await?
        .i64("id")?;
    hold_slots(tx, room.id, id, from, to).await?;
    let booking = booking_in(tx, id).await?;
    if let Some(notify) = notify {
        let event = if status == BookingStatus::Confirmed {
            BookingEvent::Confirmed
        } else {
            BookingEvent::Requested
        };
        send_all(tx, notify(&booking, event), booking.user_id, now).await?;
    }
    Ok(BookingOutcome::Booked(booking))
}

/// Inserts the slot rows of a booking in one statement. A slot already held fails the insert
/// with a unique violation ([`StoreError::Conflict`]), whatever happened before.
async fn hold_slots(
    tx: &mut Tx,
    room_id: i64,
    booking_id: i64,
    from: i64,
    to: i64,
) -> Result<(), StoreError> {
    let step = gather::SLOT_MINUTES * 60;
    let first = from.div_euclid(step) * step;
    tx.execute(
        "INSERT INTO booking_slot (room_id, slot_start, booking_id)
         WITH RECURSIVE s(t) AS (SELECT CAST($2 AS BIGINT) UNION ALL SELECT t + $4 FROM s WHERE t + $4 < $3)
         SELECT $1, t, $5 FROM s",
        params![room_id, first, to, step, booking_id],
    )
    .await?;
    Ok(())
}

/// Ends a holding booking (rejected, cancelled or displaced) and gives its slots back.
async fn close_in(
    tx: &mut Tx,
    id: i64,
    status: BookingStatus,
    reason: &str,
    by: Option<i64>,
    forfeited_ore: i64,
    now: i64,
) -> Result<Booking, StoreError> {
    tx.execute(
        "DELETE FROM booking_slot WHERE booking_id = $1",
        params![id],
    )
    .await?;
    let reason = seal_booking(tx.sealing()?, "reason", reason)?;
    tx.execute(
        "UPDATE booking SET status = $2, reason = $3, decided_by = $4, decided_at = $5, forfeited_ore = $6, deposit_status = 'none', sequence = sequence + 1, updated_at = $5 WHERE id = $1",
        params![id, status.as_str(), reason, by, now, forfeited_ore],
    )
    .await?;
    booking_in(tx, id).await
}

/// Opens a transaction holding the booking's room lock and reads the booking under it; a
/// booking whose status `may_change` refuses is a [`StoreError::Conflict`] (someone else
/// decided or cancelled first).
async fn locked_booking(
    db: &Db,
    id: i64,
    may_change: impl Fn(BookingStatus) -> bool,
) -> Result<(Tx, Booking), StoreError> {
    let mut tx = db.begin().await?;
    let before_lock = booking_in(&mut tx, id).await?;
    lock_room(&mut tx, before_lock.room_id).await?;
    let current = booking_in(&mut tx, id).await?;
    if !may_change(current.status) {
        return Err(StoreError::Conflict(format!(
            "booking {id} is {}",
            current.status.as_str()
        )));
    }
    Ok((tx, current))
}

/// Approves or rejects a request. Only a request can be decided; anything else is a
/// [`StoreError::Conflict`] (someone else decided first, or the booker cancelled).
pub async fn decide(
    db: &Db,
    id: i64,
    approve: bool,
    reason: &str,
    by: i64,
    notify: BookingNotify<'_>,
    now: i64,
) -> Result<Booking, StoreError> {
    let (mut tx, current) = locked_booking(db, id, |s| s == BookingStatus::Requested).await?;
    let (booking, event) = if approve {
        let deposit_status = if current.deposit_ore > 0 {
            DepositStatus::Held
        } else {
            DepositStatus::None
        };
        let reason = seal_booking(tx.sealing()?, "reason", reason)?;
        tx.execute(
            "UPDATE booking SET status = 'confirmed', reason = $2, decided_by = $3, decided_at = $4, deposit_status = $5, sequence = sequence + 1, updated_at = $4 WHERE id = $1",
            params![id, reason, by, now, deposit_status.as_str()],
        )
        .await?;
        (booking_in(&mut tx, id).await?, BookingEvent::Approved)
    } else {
        (
            close_in(
                &mut tx,
                id,
                BookingStatus::Rejected,
                reason,
                Some(by),
                0,
                now,
            )
            .await?,
            BookingEvent::Rejected,
        )
    };
    send_all(&mut tx, notify(&booking, event), booking.user_id, now).await?;
    tx.commit().await?;
    Ok(booking)
}

/// Cancels a holding booking. Inside the rule's notice period the advance is forfeited
/// (recorded for the administration's export).
pub async fn cancel(
    db: &Db,
    id: i64,
    reason: &str,
    by: i64,
    notify: BookingNotify<'_>,
    now: i64,
) -> Result<Booking, StoreError> {
    let (mut tx, current) = locked_booking(db, id, BookingStatus::holds).await?;
    let forfeited = match room_via(&mut Reader::Tx(&mut tx), current.room_id).await? {
        Some(room) if current.status == BookingStatus::Confirmed => gather::forfeited_on_cancel(
            &room.rule(current.kind),
            current.start(),
            at(now),
            current.price_ore,
        ),
        _ => 0,
    };
    let booking = close_in(
        &mut tx,
        id,
        BookingStatus::Cancelled,
        reason,
        Some(by),
        forfeited,
        now,
    )
    .await?;
    send_all(
        &mut tx,
        notify(&booking, BookingEvent::Cancelled),
        booking.user_id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(booking)
}

/// Settles the deposit of a confirmed booking after the cleaning check: returned in full
/// (`withheld_ore` 0) or partly or wholly withheld with a reason.
pub async fn settle_deposit(
    db: &Db,
    id: i64,
    withheld_ore: i64,
    reason: &str,
    now: i64,
) -> Result<Booking, StoreError> {
    let mut tx = db.begin().await?;
    let current = booking_in(&mut tx, id).await?;
    if current.deposit_status != DepositStatus::Held {
        return Err(StoreError::Conflict(format!(
            "deposit of booking {id} is {}",
            current.deposit_status.as_str()
        )));
    }
    let withheld = withheld_ore.clamp(0, current.deposit_ore);
    let status = if withheld == 0 {
        DepositStatus::Returned
    } else {
        DepositStatus::Withheld
    };
    let reason = seal_booking(tx.sealing()?, "deposit_reason", reason)?;
    tx.execute(
        "UPDATE booking SET deposit_status = $2, deposit_withheld_ore = $3, deposit_reason = $4, updated_at = $5 WHERE id = $1",
        params![id, status.as_str(), withheld, reason, now],
    )
    .await?;
    let booking = booking_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(booking)
}

/// Seals the bookings an earlier version stored in plain text; returns how many it sealed (0
/// once all are sealed). A row is replaced only while it still holds what was read.
pub async fn seal_plain_rows(db: &Db) -> Result<u64, StoreError> {
    let key = db.sealing()?;
    let rows = db
        .query(
            "SELECT id, booker_name, booker_email, booker_phone, title, note, reason, deposit_reason FROM booking
             WHERE (booker_name <> '' AND booker_name NOT LIKE 'v1.%') OR (booker_email <> '' AND booker_email NOT LIKE 'v1.%')
                OR (booker_phone <> '' AND booker_phone NOT LIKE 'v1.%') OR (title <> '' AND title NOT LIKE 'v1.%')
                OR (note <> '' AND note NOT LIKE 'v1.%') OR (reason <> '' AND reason NOT LIKE 'v1.%')
                OR (deposit_reason <> '' AND deposit_reason NOT LIKE 'v1.%')",
            vec![],
        )
        .await?;
    let mut sealed = 0;
    for r in &rows {
        let mut stored = Vec::with_capacity(SEALED_BOOKING_COLUMNS.len());
        let mut new = Vec::with_capacity(SEALED_BOOKING_COLUMNS.len());
        for column in SEALED_BOOKING_COLUMNS {
            let value = r.string(column)?;
            new.push(if value.starts_with("v1.") {
                value.clone()
            } else {
                seal_booking(key, column, &value)?
            });
            stored.push(value);
        }
        let mut tx = db.begin().await?;
        sealed += tx
            .execute(
                "UPDATE booking SET booker_name = $2, booker_email = $3, booker_phone = $4, title = $5, note = $6, reason = $7, deposit_reason = $8
                 WHERE id = $1 AND booker_name = $9 AND booker_email = $10 AND booker_phone = $11 AND title = $12 AND note = $13
                   AND reason = $14 AND deposit_reason = $15",
                params![
                    r.i64("id")?, new[0].as_str(), new[1].as_str(), new[2].as_str(), new[3].as_str(),
                    new[4].as_str(), new[5].as_str(), new[6].as_str(), stored[0].as_str(),
                    stored[1].as_str(), stored[2].as_str(), stored[3].as_str(), stored[4].as_str(),
                    stored[5].as_str(), stored[6].as_str()
                ],
            )
            .await?;
        tx.commit().await?;
    }
    Ok(sealed)
}

/// Counts the slot rows of a room that overlap `[from, to)`, held by more than one booking:
/// always zero (the primary key); used by tests and the benchmark as an independent check.
pub async fn overlapping_pairs(db: &Db, room_id: i64) -> Result<i64, StoreError> {
    db
        .query_one(
            "SELECT COUNT(*) AS count FROM booking a JOIN booking b ON a.room_id = b.room_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE a.room_id = $1 AND a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')",
            params![room_id],
        )
        .await?
        .i64("count")
}

/// Dates for a weekly recurring request: the same local times every week from `first_start`
/// until `last_day` (inclusive), at most a year of them.
pub fn weekly_dates(
    first_start: chrono::NaiveDateTime,
    minutes: i64,
    last_day: NaiveDate,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut start = first_start;
    while start.date() <= last_day && out.len() < 53 {
        let s = local_to_utc(start);
        let e = local_to_utc(start + Duration::minutes(minutes));
        out.push((s, e));
        start += Duration::weeks(1);
    }
    out
}
