//! Demo data for Gather: every demo department has a fælleshus with realistic rules (Nørreparken
//! also a meeting room), and a quarter of bookings of every kind around today: a weekly
//! association slot, weekly community dinners, private parties confirmed, waiting for the
//! board, cancelled late (advance forfeited), and past ones with the deposit returned or kept.

use crate::DemoIds;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use naboskab_domain::gather::{BookingKind, DailyWindow, KindRule};
use naboskab_domain::schedule::{local_to_utc, utc_to_local};
use naboskab_store::gather::{
    self as store, Booking, BookingEvent, BookingOutcome, NewBooking, RoomDetails,
};
use naboskab_store::join::OwnedMessage;
use naboskab_store::{Db, StoreError};

const DEPARTMENTS: [(&str, &str); 5] = [
    ("dep-norreparken", "Nørreparken"),
    ("dep-sondergaarden", "Søndergården"),
    ("dep-engbo", "Engbo"),
    ("dep-vestervang", "Vestervang"),
    ("dep-flong", "Fløng Hede"),
];

fn fælleshus(department_id: i64, name: &str, n: usize) -> RoomDetails {
    RoomDetails {
        department_id,
        name: format!("Fælleshuset, {name}"),
        room_type: "faelleshus".into(),
        description: "Lys sal med plads til fest og fællesspisning, køkken med opvaskemaskine og en lille legestue.".into(),
        capacity: Some(60 + 10 * n as i64),
        facilities: "Køkken med 2 ovne og opvaskemaskine\n60 stole og 10 borde\nProjektor og lærred\nHøjttaler".into(),
        step_free: true,
        accessible_toilet: n.is_multiple_of(2),
        hearing_loop: n == 0,
        house_rules: "Musik skal skrues ned kl. 24, og huset skal være tomt kl. 01.\nDøre og vinduer holdes lukkede, når der spilles musik.\nRygning er ikke tilladt indendørs.\nHuset er for afdelingens beboere; gæster er velkomne sammen med en beboer.".into(),
        key_method: "key_box".into(),
        key_instructions: "Nøgleboksen sidder til venstre for hoveddøren. Koden er 2580 (skiftes den 1. i måneden).".into(),
        cleaning_checklist: "Borde og stole tørret af og stillet på plads\nGulve fejet og vasket\nKøkken, ovne og køleskab gjort rent\nAffald båret ud og sorteret\nNøglen lagt tilbage i nøgleboksen".into(),
        opening: DailyWindow { from: 8 * 60, until: 60 },
        price_weekday_ore: 15_000,
        price_weekend_ore: 70_000,
        price_per_day: true,
        deposit_ore: 50_000,
    }
}

fn meeting_room(department_id: i64) -> RoomDetails {
    RoomDetails {
        name: "Mødelokalet, Nørreparken".into(),
        room_type: "meeting_room".into(),
        description: "Lille mødelokale ved ejendomskontoret til 12 personer.".into(),
        capacity: Some(12),
        facilities: "Skærm til bærbar computer\nKaffemaskine".into(),
        hearing_loop: true,
        accessible_toilet: true,
        house_rules: String::new(),
        key_method: "office".into(),
        key_instructions: "Nøglen hentes på ejendomskontoret i åbningstiden.".into(),
        cleaning_checklist: "Borde tørret af\nKaffemaskinen tømt".into(),
        opening: DailyWindow {
            from: 8 * 60,
            until: 22 * 60,
        },
        price_weekday_ore: 0,
        price_weekend_ore: 0,
        deposit_ore: 0,
        ..fælleshus(department_id, "", 0)
    }
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
    let d = Demo { db, now };
    let today = utc_to_local(DateTime::from_timestamp(now, 0).unwrap_or_default()).date();
    let board = ids.user("bestyrelse@demo.naboskab.dk");
    let resident = ids.user("beboer@demo.naboskab.dk");
    let organiser = ids.user("arrangoer@demo.naboskab.dk");
    let guests = [
        ("Hanne Sørensen", "hanne.sorensen@example.dk"),
        ("Omar Khalil", "omar.khalil@example.dk"),
        ("Kirsten Dahl", "kirsten.dahl@example.dk"),
        ("Yusuf Demir", "yusuf.demir@example.dk"),
        ("Maja Holm", "maja.holm@example.dk"),
    ];
    for (n, (key, name)) in DEPARTMENTS.iter().enumerate() {
        let Some(dept) = ids.org(key) else { continue };
        let room = store::create_room(db, &fælleshus(dept, name, n), now).await?;
        let mut private = KindRule::default_for(BookingKind::Private);
        private.min_age = Some(if n == 0 { 21 } else { 18 });
        private.advance_ore = 50_000;
        private.cancel_notice_days = 30;
        private.closed_weekdays[6] = n == 1; // Søndergården: no private parties on Sundays.
        private.max_days_ahead = 120;
        let mut association = KindRule::default_for(BookingKind::Association);
        association.max_days_ahead = 365;
        let mut community = KindRule::default_for(BookingKind::Community);
        community.max_days_ahead = 365;
        store::set_rules(db, room, &[private, association, community]).await?;
        store::set_blackouts(
            db,
            room,
            &[store::Blackout {
                first: today + Duration::days(40 + n as i64),
                last: today + Duration::days(41 + n as i64),
                reason: "Gulvet slibes".into(),
            }],
        )
        .await?;
        // Weekly community dinner on Thursdays, 17:30–20:00, from six weeks back to six ahead.
        let mut thursday = next(today - Duration::days(42), Weekday::Thu);
        while thursday < today + Duration::days(45) {
            let mut b = booking(
                room,
                BookingKind::Community,
                at(thursday, 17, 30),
                at(thursday, 20, 0),
                ("Birthe Olsen", "bestyrelse@demo.naboskab.dk"),
                "Fællesspisning",
            );
            b.user_id = board.filter(|_| n == 0);
            b.attendees = Some(40);
            d.book(b, board).await?;
            thursday += Duration::weeks(1);
        }
        // Private parties: past with the deposit settled, upcoming confirmed, and requests.
        let sat = |weeks: i64| next(today, Weekday::Sat) + Duration::weeks(weeks);
        let party = |w: i64, who: usize, title: &str| {
            booking(
                room,
                BookingKind::Private,
                at(sat(w), 12, 0),
                at(sat(w) + Duration::days(1), 1, 0),
                guests[(who + n) % guests.len()],
                title,
            )
        };
        if let Some(b) = d.book(party(-5, 0, "70-års fødselsdag"), board).await? {
            store::settle_deposit(db, b.id, 0, "", now).await?;
        }
        if let Some(b) = d.book(party(-3, 1, "Konfirmation"), board).await? {
            store::settle_deposit(
                db,
                b.id,
                50_000,
                "Køkkenet var ikke gjort rent, og der lå affald i gården.",
                now,
            )
            .await?;
        }
        d.book(party(2, 2, "Sølvbryllup"), board).await?;
        if let (Some(b), Some(by)) = (d.book(party(1, 3, "Barnedåb"), board).await?, board) {
            store::cancel(
                db,
                b.id,
                "Flyttet til familien i Odense",
                by,
                &no_messages,
                now,
            )
            .await?;
        }
        d.book(party(4, 4, "Fødselsdag"), None).await?;
        let mut friday = party(6, 0, "Familiefest");
        friday.start = at(sat(6) - Duration::days(1), 17, 0);
        friday.end = at(sat(6) - Duration::days(1), 23, 30);
        d.book(friday, None).await?;
        if n == 0 {
            // The demo resident has one party waiting for the board, in the month after.
            let mut mine = party(8, 0, "Fatimas fødselsdag");
            mine.user_id = resident;
            mine.booker_name = "Fatima Hassan".into();
            mine.booker_email = "beboer@demo.naboskab.dk".into();
            mine.attendees = Some(35);
            mine.note = "Vi er ca. 35, heraf 10 børn.".into();
            d.book(mine, None).await?;
            // The senior club's standing Tuesday slot, 14:00–16:00, for the quarter.
            let mut tuesday = next(today - Duration::days(42), Weekday::Tue);
            while tuesday < today + Duration::days(50) {
                let mut b = booking(
                    room,
                    BookingKind::Association,
                    at(tuesday, 14, 0),
                    at(tuesday, 16, 0),
                    ("Jens Mikkelsen", "arrangoer@demo.naboskab.dk"),
                    "Seniorklubben: kaffe og kortspil",
                );
                b.user_id = organiser;
                b.organisation_id = ids.org("assoc-seniorklub");
                b.attendees = Some(18);
                // The coming weeks were asked for lately and wait for the board.
                let approver = if tuesday < today + Duration::days(21) {
                    board
                } else {
                    None
                };
                d.book(b, approver).await?;
                tuesday += Duration::weeks(1);
            }
            let meeting = store::create_room(db, &meeting_room(dept), now).await?;
            let mut rules = vec![
                KindRule::default_for(BookingKind::Community),
                KindRule::default_for(BookingKind::Association),
            ];
            rules[1].approval = naboskab_domain::gather::Approver::None;
            store::set_rules(db, meeting, &rules).await?;
            let mut day = next(today - Duration::days(30), Weekday::Mon);
            while day < today + Duration::days(30) {
                let b = booking(
                    meeting,
                    BookingKind::Community,
                    at(day, 19, 0),
                    at(day, 21, 0),
                    ("Birthe Olsen", "bestyrelse@demo.naboskab.dk"),
                    "Bestyrelsesmøde",
                );
                d.book(b, board).await?;
                day += Duration::weeks(2);
            }
        }
    }
    Ok(())
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
    let mut rooms = Vec::with_capacity(GENERATED_ROOMS);
    for n in 0..GENERATED_ROOMS {
        let details = RoomDetails {
            name: format!("Øvelokale {}", n + 1),
            room_type: "workshop".into(),
            opening: DailyWindow {
                from: 8 * 60,
                until: 0,
            },
            ..meeting_room(dept.id)
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
