//! Demo data for Gather: every demo department has a fælleshus with realistic rules (Nørreparken
//! also a meeting room), and a quarter of bookings of every kind around today: a weekly
//! association slot, weekly community dinners, private parties confirmed, waiting for the
//! board, cancelled late (advance forfeited), and past ones with the deposit returned or kept.

use crate::DemoIds;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use naboskab_domain::gather::{BookingKind, DailyWindow, KindRule, parse_minutes};
use naboskab_domain::schedule::{local_to_utc, utc_to_local};
use naboskab_store::gather::{
    self as store, Booking, BookingEvent, BookingOutcome, NewBooking, RoomDetails,
};
use naboskab_store::join::OwnedMessage;
use naboskab_store::{Db, StoreError};
use serde::Deserialize;

/// `data/rooms.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoomsFile {
    faelleshus: HouseTemplate,
    houses: Vec<House>,
    meeting_room: MeetingRoom,
    parties: Vec<Party>,
    resident_party: ResidentParty,
    standing: Vec<Standing>,
}

/// What every fælleshus shares.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HouseTemplate {
    description: String,
    facilities: Vec<String>,
    house_rules: Vec<String>,
    key_method: String,
    key_instructions: String,
    cleaning_checklist: Vec<String>,
    open_from: String,
    open_until: String,
    step_free: bool,
    price_weekday_kr: i64,
    price_weekend_kr: i64,
    deposit_kr: i64,
    private_advance_kr: i64,
    private_cancel_notice_days: i64,
    private_days_ahead: i64,
    days_ahead: i64,
    association_days_ahead: i64,
    partner_days_ahead: i64,
    blackout_in_days: i64,
    blackout_reason: String,
}

/// One department's fælleshus.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct House {
    department: String,
    name: String,
    capacity: i64,
    accessible_toilet: bool,
    hearing_loop: bool,
    private_min_age: i64,
    #[serde(default)]
    private_closed_weekdays: Vec<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingRoom {
    department: String,
    name: String,
    description: String,
    capacity: i64,
    facilities: Vec<String>,
    step_free: bool,
    accessible_toilet: bool,
    hearing_loop: bool,
    key_method: String,
    key_instructions: String,
    cleaning_checklist: Vec<String>,
    open_from: String,
    open_until: String,
}

/// A private party in every fælleshus.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Party {
    weeks: i64,
    guest: usize,
    title: String,
    outcome: String,
    #[serde(default)]
    withheld_kr: i64,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    friday: bool,
    from: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResidentParty {
    weeks: i64,
    title: String,
    attendees: i64,
    note: String,
}

/// A standing weekly or fortnightly use.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Standing {
    room: String,
    houses: String,
    kind: String,
    weekday: u32,
    from: String,
    until: String,
    every_weeks: i64,
    from_days: i64,
    until_days: i64,
    title: String,
    booker: String,
    in_account: bool,
    association: Option<String>,
    attendees: Option<i64>,
    approved_until_days: i64,
}

fn bad(what: &str) -> StoreError {
    StoreError::Other(format!("demo data rooms.toml: {what}"))
}

fn window(from: &str, until: &str) -> Result<DailyWindow, StoreError> {
    DailyWindow::parse(from, until).ok_or_else(|| bad(&format!("no time span {from}–{until}")))
}

/// `HH:MM` as (hour, minute).
fn clock(at: &str) -> Result<(u32, u32), StoreError> {
    let m = u32::from(parse_minutes(at).ok_or_else(|| bad(&format!("no time {at}")))?);
    Ok((m / 60, m % 60))
}

fn lines(list: &[String]) -> String {
    list.join("\n")
}

fn house_room(t: &HouseTemplate, department_id: i64, h: &House) -> Result<RoomDetails, StoreError> {
    Ok(RoomDetails {
        department_id,
        name: format!("Fælleshuset, {}", h.name),
        room_type: "faelleshus".into(),
        description: t.description.clone(),
        capacity: Some(h.capacity),
        facilities: lines(&t.facilities),
        step_free: t.step_free,
        accessible_toilet: h.accessible_toilet,
        hearing_loop: h.hearing_loop,
        house_rules: lines(&t.house_rules),
        key_method: t.key_method.clone(),
        key_instructions: t.key_instructions.clone(),
        cleaning_checklist: lines(&t.cleaning_checklist),
        opening: window(&t.open_from, &t.open_until)?,
        price_weekday_ore: t.price_weekday_kr * 100,
        price_weekend_ore: t.price_weekend_kr * 100,
        price_per_day: true,
        deposit_ore: t.deposit_kr * 100,
    })
}

fn meeting_room(m: &MeetingRoom, department_id: i64) -> Result<RoomDetails, StoreError> {
    Ok(RoomDetails {
        department_id,
        name: m.name.clone(),
        room_type: "meeting_room".into(),
        description: m.description.clone(),
        capacity: Some(m.capacity),
        facilities: lines(&m.facilities),
        step_free: m.step_free,
        accessible_toilet: m.accessible_toilet,
        hearing_loop: m.hearing_loop,
        house_rules: String::new(),
        key_method: m.key_method.clone(),
        key_instructions: m.key_instructions.clone(),
        cleaning_checklist: lines(&m.cleaning_checklist),
        opening: window(&m.open_from, &m.open_until)?,
        price_weekday_ore: 0,
        price_weekend_ore: 0,
        price_per_day: true,
        deposit_ore: 0,
    })
}

fn rooms_file() -> Result<RoomsFile, StoreError> {
    crate::data::read(crate::data::ROOMS)
}

fn no_messages(_: &Booking, _: BookingEvent) -> Vec<OwnedMessage> {
    vec![]
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    local_to_utc(day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)))
}

/// The next `weekday` on or after `day`.
fn next(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() as i64
        - day.weekday().num_days_from_monday() as i64)
        % 7;
    day + Duration::days(ahead)
}

struct Demo<'a> {
    db: &'a Db,
    now: i64,
}

impl Demo<'_> {
    /// Books as if requested a week before (so past bookings can be made), and approves it
    /// when `approve` says so.
    async fn book(
        &self,
        b: NewBooking,
        approver: Option<i64>,
    ) -> Result<Option<Booking>, StoreError> {
        let asked = b.start.timestamp().min(self.now) - 7 * 86_400;
        let booked = match store::request_booking(self.db, &b, &no_messages, asked).await? {
            BookingOutcome::Booked(bk) => bk,
            _ => return Ok(None),
        };
        match approver {
            Some(by) if booked.status == store::BookingStatus::Requested => Ok(Some(
                store::decide(self.db, booked.id, true, "", by, &no_messages, asked).await?,
            )),
            _ => Ok(Some(booked)),
        }
    }
}

fn booking(
    room_id: i64,
    kind: BookingKind,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    who: (&str, &str),
    title: &str,
) -> NewBooking {
    NewBooking {
        room_id,
        kind,
        start,
        end,
        user_id: None,
        booker_name: who.0.into(),
        booker_email: who.1.into(),
        booker_phone: String::new(),
        locale: "da".into(),
        organisation_id: None,
        offer_id: None,
        title: title.into(),
        attendees: None,
        note: String::new(),
        age_declared: true,
        displace: false,
        idempotency_key: None,
    }
}

/// Seeds rooms and bookings; `now` is the demo's today.
pub async fn seed(db: &Db, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let file = rooms_file()?;
    let people = crate::data::People::load()?;
    let d = Demo { db, now };
    let today = utc_to_local(DateTime::from_timestamp(now, 0).unwrap_or_default()).date();
    let board = ids.user("bestyrelse@demo.naboskab.dk");
    let resident = ids.user("beboer@demo.naboskab.dk");
    let t = &file.faelleshus;
    for (n, house) in file.houses.iter().enumerate() {
        let Some(dept) = ids.org(&house.department) else {
            continue;
        };
        let room = store::create_room(db, &house_room(t, dept, house)?, now).await?;
        let mut private = KindRule::default_for(BookingKind::Private);
        private.min_age = Some(house.private_min_age);
        private.advance_ore = t.private_advance_kr * 100;
        private.cancel_notice_days = t.private_cancel_notice_days;
        for day in &house.private_closed_weekdays {
            if let Some(closed) = private.closed_weekdays.get_mut(day.wrapping_sub(1)) {
                *closed = true;
            }
        }
        private.max_days_ahead = t.private_days_ahead;
        let mut association = KindRule::default_for(BookingKind::Association);
        association.max_days_ahead = t.association_days_ahead;
        association.partner_days_ahead = Some(t.partner_days_ahead);
        let mut community = KindRule::default_for(BookingKind::Community);
        community.max_days_ahead = t.days_ahead;
        store::set_rules(db, room, &[private, association, community]).await?;
        let blackout = today + Duration::days(t.blackout_in_days + n as i64);
        store::set_blackouts(
            db,
            room,
            &[store::Blackout {
                first: blackout,
                last: blackout + Duration::days(1),
                reason: t.blackout_reason.clone(),
            }],
        )
        .await?;
        let first_house = n == 0;
        for s in file.standing.iter().filter(|s| s.room == "faelleshus") {
            if s.houses == "all" || first_house {
                d.standing(ids, room, s, first_house, today).await?;
            }
        }
        // Private parties: past with the deposit settled, upcoming confirmed, and requests.
        for party in &file.parties {
            d.party(room, party, &people.guests, n, board, today)
                .await?;
        }
        if first_house {
            // The demo resident has one party waiting for the board.
            let r = &file.resident_party;
            let day = next(today, Weekday::Sat) + Duration::weeks(r.weeks);
            let mut mine = booking(
                room,
                BookingKind::Private,
                at(day, 12, 0),
                at(day + Duration::days(1), 1, 0),
                (
                    &crate::account_name("beboer@demo.naboskab.dk")?,
                    "beboer@demo.naboskab.dk",
                ),
                &r.title,
            );
            mine.user_id = resident;
            mine.attendees = Some(r.attendees);
            mine.note = r.note.clone();
            d.book(mine, None).await?;
        }
        let m = &file.meeting_room;
        if m.department == house.department {
            let meeting = store::create_room(db, &meeting_room(m, dept)?, now).await?;
            let mut rules = vec![
                KindRule::default_for(BookingKind::Community),
                KindRule::default_for(BookingKind::Association),
            ];
            rules[1].approval = naboskab_domain::gather::Approver::None;
            store::set_rules(db, meeting, &rules).await?;
            for s in file.standing.iter().filter(|s| s.room == "meeting_room") {
                d.standing(ids, meeting, s, true, today).await?;
            }
        }
    }
    Ok(())
}

impl Demo<'_> {
    /// One standing use from `rooms.toml`, every `every_weeks` weeks around today.
    async fn standing(
        &self,
        ids: &DemoIds,
        room: i64,
        s: &Standing,
        first_house: bool,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let kind =
            BookingKind::parse(&s.kind).ok_or_else(|| bad(&format!("no kind {}", s.kind)))?;
        let weekday = Weekday::try_from(u8::try_from(s.weekday.wrapping_sub(1)).unwrap_or(7))
            .map_err(|_| bad(&format!("no weekday {}", s.weekday)))?;
        let booker_name = crate::account_name(&s.booker)?;
        let (from, until) = (clock(&s.from)?, clock(&s.until)?);
        let approver = ids.user("bestyrelse@demo.naboskab.dk");
        let mut day = next(today - Duration::days(s.from_days), weekday);
        while day < today + Duration::days(s.until_days) {
            let mut b = booking(
                room,
                kind,
                at(day, from.0, from.1),
                at(day, until.0, until.1),
                (&booker_name, &s.booker),
                &s.title,
            );
            b.user_id = ids.user(&s.booker).filter(|_| s.in_account && first_house);
            b.organisation_id = s.association.as_deref().and_then(|a| ids.org(a));
            b.attendees = s.attendees;
            let approved = day < today + Duration::days(s.approved_until_days);
            self.book(b, approver.filter(|_| approved)).await?;
            day += Duration::weeks(s.every_weeks);
        }
        Ok(())
    }

    /// One private party from `rooms.toml` in the `n`th house, and what became of it.
    async fn party(
        &self,
        room: i64,
        p: &Party,
        guests: &[(String, String)],
        n: usize,
        board: Option<i64>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let saturday = next(today, Weekday::Sat) + Duration::weeks(p.weeks);
        let (from, until) = if p.friday {
            let from = clock(p.from.as_deref().unwrap_or("17:00"))?;
            let until = clock(p.until.as_deref().unwrap_or("23:30"))?;
            let friday = saturday - Duration::days(1);
            (at(friday, from.0, from.1), at(friday, until.0, until.1))
        } else {
            (at(saturday, 12, 0), at(saturday + Duration::days(1), 1, 0))
        };
        let (name, email) = &guests[(p.guest + n) % guests.len()];
        let b = booking(
            room,
            BookingKind::Private,
            from,
            until,
            (name, email),
            &p.title,
        );
        let approver = match p.outcome.as_str() {
            "waiting" => None,
            "approved" | "deposit-returned" | "deposit-withheld" | "cancelled" => board,
            other => return Err(bad(&format!("no party outcome {other}"))),
        };
        let Some(booked) = self.book(b, approver).await? else {
            return Ok(());
        };
        match p.outcome.as_str() {
            "deposit-returned" => {
                store::settle_deposit(self.db, booked.id, 0, "", self.now).await?;
            }
            "deposit-withheld" => {
                store::settle_deposit(self.db, booked.id, p.withheld_kr * 100, &p.reason, self.now)
                    .await?;
            }
            "cancelled" => {
                if let Some(by) = board {
                    store::cancel(self.db, booked.id, &p.reason, by, &no_messages, self.now)
                        .await?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Rooms added for the booking benchmarks.
pub const GENERATED_ROOMS: usize = 50;

/// Adds [`GENERATED_ROOMS`] practice rooms to Nørreparken (open 08–24, community use booked
/// at once by the board and staff up to 400 days ahead) and fills them with `count` two-hour
/// community bookings from tomorrow on, seven a day (08–22) per room, through the same store
/// path as every booking. Returns the department's id and the new rooms' ids.
pub async fn add_generated_bookings(
    db: &Db,
    count: usize,
    now: i64,
) -> Result<(i64, Vec<i64>), StoreError> {
    let dept =
        naboskab_store::orgs::organisations_of_kind(db, naboskab_domain::OrgKind::Department)
            .await?
            .into_iter()
            .find(|o| o.name.contains("Nørreparken"))
            .ok_or(StoreError::NotFound)?;
    let community = KindRule {
        min_minutes: 15,
        max_minutes: 12 * 60,
        max_days_ahead: 400,
        ..KindRule::default_for(BookingKind::Community)
    };
    let file = rooms_file()?;
    let mut rooms = Vec::with_capacity(GENERATED_ROOMS);
    for n in 0..GENERATED_ROOMS {
        let details = RoomDetails {
            name: format!("Øvelokale {}", n + 1),
            room_type: "workshop".into(),
            opening: DailyWindow {
                from: 8 * 60,
                until: 0,
            },
            ..meeting_room(&file.meeting_room, dept.id)?
        };
        let room = store::create_room(db, &details, now).await?;
        store::set_rules(db, room, std::slice::from_ref(&community)).await?;
        rooms.push(room);
    }
    let tomorrow = utc_to_local(DateTime::from_timestamp(now, 0).unwrap_or_default()).date()
        + Duration::days(1);
    let per_room = count.div_ceil(GENERATED_ROOMS);
    let mut left = count;
    for room in &rooms {
        for hour in (8..22).step_by(2) {
            let days = per_room.div_ceil(7).min(left);
            if days == 0 {
                break;
            }
            let dates: Vec<_> = (0..days as i64)
                .map(|d| {
                    let day = tomorrow + Duration::days(d);
                    (at(day, hour, 0), at(day, hour + 2, 0))
                })
                .collect();
            let first = booking(
                *room,
                BookingKind::Community,
                dates[0].0,
                dates[0].1,
                ("Beboerhusets planlægning", "planlaegning@example.dk"),
                "Fællesaktivitet",
            );
            let items = store::request_series(
                db,
                &first,
                &dates,
                &format!("bench-{room}-{hour}"),
                &|_| vec![],
                now,
            )
            .await?;
            left -= items
                .iter()
                .filter(|i| matches!(i.outcome, BookingOutcome::Booked(_)))
                .count()
                .min(left);
        }
    }
    Ok((dept.id, rooms))
}
