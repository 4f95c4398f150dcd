//! Contract tests for Gather (rooms, rules, bookings) on SQLite always and PostgreSQL when
//! configured, including the no-double-booking guarantees (DUR-01 a, c, d).

use chrono::{DateTime, NaiveDate, Utc};
use naboskab_domain::OrgKind;
use naboskab_domain::gather::{Approver, BookingKind, Breach, DailyWindow, KindRule};
use naboskab_domain::schedule::{local_to_utc, parse_local};
use naboskab_store::gather::{
    self, Blackout, Booking, BookingEvent, BookingOutcome, BookingStatus, NewBooking, RoomDetails,
};
use naboskab_store::join::OwnedMessage;
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::users::{self, NewUser};
use naboskab_store::{Db, on_every_backend, outbox};

/// 2027-01-01T00:00:00Z: "now" for these tests.
const NOW: i64 = 1_798_761_600;

fn t(local: &str) -> DateTime<Utc> {
    local_to_utc(parse_local(local).expect("local time"))
}

fn details(department_id: i64) -> RoomDetails {
    RoomDetails {
        department_id,
        name: "Fælleshuset".into(),
        room_type: "faelleshus".into(),
        description: "Stor sal med køkken".into(),
        capacity: Some(60),
        facilities: "Køkken\n60 stole".into(),
        step_free: true,
        accessible_toilet: true,
        hearing_loop: false,
        house_rules: "Musik skruet ned kl. 24".into(),
        key_method: "key_box".into(),
        key_instructions: "Nøgleboks ved døren, kode 4711".into(),
        cleaning_checklist: "Gulve fejet\nKøkken tørret af".into(),
        opening: DailyWindow {
            from: 8 * 60,
            until: 60,
        },
        price_weekday_ore: 15_000,
        price_weekend_ore: 70_000,
        price_per_day: true,
        deposit_ore: 50_000,
    }
}

async fn room(db: &Db) -> i64 {
    let dept = orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::Department),
            name: "Afdeling".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("department");
    gather::create_room(db, &details(dept), NOW)
        .await
        .expect("room")
}

async fn user(db: &Db, n: usize) -> i64 {
    users::create_user(
        db,
        &NewUser {
            email: &format!("beboer{n}@example.dk"),
            display_name: &format!("Beboer {n}"),
            password_hash: None,
            verified: true,
            locale: Some("da"),
        },
        NOW,
    )
    .await
    .expect("user")
}

fn request(
    room_id: i64,
    kind: BookingKind,
    start: &str,
    end: &str,
    user_id: Option<i64>,
) -> NewBooking {
    NewBooking {
        room_id,
        kind,
        start: t(start),
        end: t(end),
        user_id,
        booker_name: "Amira".into(),
        booker_email: "amira@example.dk".into(),
        booker_phone: String::new(),
        locale: "da".into(),
        organisation_id: None,
        offer_id: None,
        title: "Fødselsdag".into(),
        attendees: Some(30),
        note: String::new(),
        age_declared: true,
        displace: false,
        idempotency_key: None,
    }
}

fn tell(b: &Booking, e: BookingEvent) -> Vec<OwnedMessage> {
    vec![OwnedMessage {
        channel: "email",
        recipient: b.booker_email.clone(),
        subject: format!("{e:?}"),
        body: format!("booking {}", b.id),
    }]
}

fn booked(o: BookingOutcome) -> Booking {
    match o {
        BookingOutcome::Booked(b) => b,
        other => panic!("not booked: {other:?}"),
    }
}

async fn subjects(db: &Db) -> Vec<String> {
    let mut s: Vec<String> = outbox::recent(db, 100)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| m.subject)
        .collect();
    s.reverse();
    s
}

#[tokio::test]
async fn a_room_keeps_its_details_rules_and_blackouts() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let r = gather::room(db, id).await.expect("read").expect("room");
        assert_eq!(r.details, details(r.details.department_id));
        assert_eq!(r.rules.len(), 4, "a rule for every kind");
        assert!(
            !r.rule(BookingKind::External).enabled,
            "external letting is off by default"
        );
        let mut private = KindRule::default_for(BookingKind::Private);
        private.closed_weekdays[6] = true;
        private.quiet_hours = DailyWindow::parse("23:00", "07:00");
        private.approval = Approver::Staff;
        private.advance_ore = 50_000;
        gather::set_rules(db, id, std::slice::from_ref(&private))
            .await
            .expect("rules");
        let b = Blackout {
            first: NaiveDate::from_ymd_opt(2027, 3, 1).expect("date"),
            last: NaiveDate::from_ymd_opt(2027, 3, 2).expect("date"),
            reason: "Afdelingsmøde".into(),
        };
        gather::set_blackouts(db, id, std::slice::from_ref(&b))
            .await
            .expect("blackouts");
        let mut changed = details(r.details.department_id);
        changed.name = "Festsalen".into();
        changed.opening = DailyWindow {
            from: 0,
            until: 1440,
        };
        gather::update_room(db, id, &changed, NOW)
            .await
            .expect("update");
        let r = gather::room(db, id).await.expect("read").expect("room");
        assert_eq!(r.rule(BookingKind::Private), private);
        assert_eq!(r.blackouts, vec![b]);
        assert_eq!(r.details, changed);
        let all = gather::rooms(db, Some(&[r.details.department_id]))
            .await
            .expect("rooms");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0], r);
    });
}

#[tokio::test]
async fn community_use_is_confirmed_at_once_and_private_waits_for_approval() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let u = user(db, 1).await;
        let community = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Community,
                    "2027-01-12T14:00",
                    "2027-01-12T16:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        assert_eq!(community.status, BookingStatus::Confirmed);
        assert_eq!((community.price_ore, community.deposit_ore), (0, 0));
        // Saturday by the day: the weekend price, and the deposit.
        let private = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-01-16T12:00",
                    "2027-01-16T23:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        assert_eq!(private.status, BookingStatus::Requested);
        assert_eq!(
            (
                private.price_ore,
                private.deposit_ore,
                private.deposit_status.as_str()
            ),
            (70_000, 50_000, "none")
        );
        let approved = gather::decide(db, private.id, true, "", u, &tell, NOW)
            .await
            .expect("approve");
        assert_eq!(
            (approved.status, approved.deposit_status.as_str()),
            (BookingStatus::Confirmed, "held")
        );
        assert!(
            matches!(
                gather::decide(db, private.id, false, "for sent", u, &tell, NOW).await,
                Err(naboskab_store::StoreError::Conflict(_))
            ),
            "a decided request cannot be decided again"
        );
        assert_eq!(subjects(db).await, ["Confirmed", "Requested", "Approved"]);
        let pending = gather::pending(db, &[id]).await.expect("pending");
        assert!(pending.is_empty());
        // The public calendar names community use and hides what a private party is for.
        let busy = gather::busy(
            db,
            id,
            t("2027-01-12T00:00").timestamp(),
            t("2027-01-17T00:00").timestamp(),
            &BookingStatus::HOLDING,
        )
        .await
        .expect("busy");
        assert_eq!(
            busy.iter()
                .map(|b| (b.id, b.kind, b.public_title.as_deref()))
                .collect::<Vec<_>>(),
            [
                (community.id, BookingKind::Community, Some("Fødselsdag")),
                (private.id, BookingKind::Private, None)
            ]
        );
        assert_eq!(busy[1], gather::Busy::from(&approved));
    });
}

#[tokio::test]
async fn a_taken_time_is_refused_naming_the_booking_in_the_way() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let first = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Community,
                    "2027-01-12T14:00",
                    "2027-01-12T16:00",
                    None,
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        let again = gather::request_booking(
            db,
            &request(
                id,
                BookingKind::Community,
                "2027-01-12T15:45",
                "2027-01-12T17:00",
                None,
            ),
            &tell,
            NOW,
        )
        .await
        .expect("answer");
        match again {
            BookingOutcome::Taken {
                conflicts,
                displaceable,
            } => {
                assert_eq!(
                    conflicts.iter().map(|c| c.id).collect::<Vec<_>>(),
                    [first.id]
                );
                assert!(!displaceable, "a confirmed booking never gives way");
            }
            other => panic!("{other:?}"),
        }
        // Back to back is fine.
        booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Community,
                    "2027-01-12T16:00",
                    "2027-01-12T17:00",
                    None,
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        assert_eq!(gather::overlapping_pairs(db, id).await.expect("check"), 0);
        let busy = gather::busy(
            db,
            id,
            t("2027-01-12T00:00").timestamp(),
            t("2027-01-13T00:00").timestamp(),
            &BookingStatus::HOLDING,
        )
        .await
        .expect("busy");
        assert_eq!(busy.len(), 2);
    });
}

#[tokio::test]
async fn rules_are_checked_in_the_store_including_the_monthly_limit() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let u = user(db, 1).await;
        booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-01-16T12:00",
                    "2027-01-16T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        let second = gather::request_booking(
            db,
            &request(
                id,
                BookingKind::Private,
                "2027-01-23T12:00",
                "2027-01-23T20:00",
                Some(u),
            ),
            &tell,
            NOW,
        )
        .await
        .expect("answer");
        assert_eq!(
            second,
            BookingOutcome::Refused(vec![Breach::MonthlyLimit(1)])
        );
        // Next month is a new month.
        booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-02-06T12:00",
                    "2027-02-06T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        let external = gather::request_booking(
            db,
            &request(
                id,
                BookingKind::External,
                "2027-01-20T12:00",
                "2027-01-20T14:00",
                Some(u),
            ),
            &tell,
            NOW,
        )
        .await
        .expect("answer");
        assert_eq!(external, BookingOutcome::Refused(vec![Breach::KindClosed]));
    });
}

#[tokio::test]
async fn two_hundred_overlapping_requests_give_one_booking_twenty_times() {
    on_every_backend!(|db| {
        for round in 0..20 {
            let id = room(db).await;
            let tasks: Vec<_> = (0..200)
                .map(|n| {
                    let db = db.clone();
                    // Different lengths, all overlapping 14:00–15:00.
                    let end = format!("2027-01-12T{}:00", 15 + n % 3);
                    let r = request(id, BookingKind::Community, "2027-01-12T14:00", &end, None);
                    tokio::spawn(async move { gather::request_booking(&db, &r, &tell, NOW).await })
                })
                .collect();
            let (mut ok, mut taken) = (0, 0);
            for task in tasks {
                match task.await.expect("task").expect("no error") {
                    BookingOutcome::Booked(_) => ok += 1,
                    BookingOutcome::Taken { conflicts, .. } => {
                        assert_eq!(conflicts.len(), 1);
                        taken += 1;
                    }
                    other => panic!("{other:?}"),
                }
            }
            assert_eq!((ok, taken), (1, 199), "round {round}");
            assert_eq!(gather::overlapping_pairs(db, id).await.expect("check"), 0);
        }
    });
}

#[tokio::test]
async fn two_hundred_requests_for_different_slots_all_succeed() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let tasks: Vec<_> = (0..200i64)
            .map(|n| {
                let db = db.clone();
                // One-hour bookings, 09:00–23:00 over fifteen days (14 a day), none overlapping.
                let day = 11 + n / 14;
                let hour = 9 + n % 14;
                let start = format!("2027-01-{day:02}T{hour:02}:00");
                let end = format!("2027-01-{day:02}T{:02}:00", hour + 1);
                let r = request(id, BookingKind::Community, &start, &end, None);
                tokio::spawn(async move { gather::request_booking(&db, &r, &tell, NOW).await })
            })
            .collect();
        for task in tasks {
            booked(task.await.expect("task").expect("no error"));
        }
        assert_eq!(gather::overlapping_pairs(db, id).await.expect("check"), 0);
    });
}

#[tokio::test]
async fn a_repeated_idempotency_key_books_once() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let other_room = room(db).await;
        let u = user(db, 1).await;
        let tasks: Vec<_> = (0..20)
            .map(|n| {
                let db = db.clone();
                // The same request sent again, once even to another room by a confused client.
                let target = if n == 7 { other_room } else { id };
                let mut r = request(
                    target,
                    BookingKind::Community,
                    "2027-01-12T14:00",
                    "2027-01-12T16:00",
                    Some(u),
                );
                r.idempotency_key = Some("4f1c-retry".into());
                tokio::spawn(async move { gather::request_booking(&db, &r, &tell, NOW).await })
            })
            .collect();
        let mut ids = vec![];
        for task in tasks {
            match task.await.expect("task").expect("no error") {
                BookingOutcome::Booked(b) | BookingOutcome::Replayed(b) => ids.push(b.id),
                other => panic!("{other:?}"),
            }
        }
        ids.dedup();
        assert_eq!(ids.len(), 1, "one booking for one key: {ids:?}");
        assert_eq!(subjects(db).await.len(), 1, "one confirmation");
    });
}

#[tokio::test]
async fn rejecting_or_cancelling_gives_the_time_back_and_late_cancellation_forfeits_the_advance() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let u = user(db, 1).await;
        let mut rule = KindRule::default_for(BookingKind::Private);
        rule.advance_ore = 50_000;
        rule.cancel_notice_days = 30;
        rule.max_per_month = None;
        gather::set_rules(db, id, &[rule]).await.expect("rules");
        let r = request(
            id,
            BookingKind::Private,
            "2027-01-16T12:00",
            "2027-01-16T20:00",
            Some(u),
        );
        let first = booked(
            gather::request_booking(db, &r, &tell, NOW)
                .await
                .expect("book"),
        );
        let rejected = gather::decide(db, first.id, false, "Afdelingsmøde den dag", u, &tell, NOW)
            .await
            .expect("reject");
        assert_eq!(
            (rejected.status, rejected.reason.as_str()),
            (BookingStatus::Rejected, "Afdelingsmøde den dag")
        );
        let second = booked(
            gather::request_booking(db, &r, &tell, NOW)
                .await
                .expect("free again"),
        );
        gather::decide(db, second.id, true, "", u, &tell, NOW)
            .await
            .expect("approve");
        // Cancelled ten days before: inside the 30-day notice, the advance is forfeited.
        let cancelled = gather::cancel(db, second.id, "Syg", u, &tell, NOW + 86_400 * 5)
            .await
            .expect("cancel");
        assert_eq!(
            (
                cancelled.status,
                cancelled.forfeited_ore,
                cancelled.deposit_status.as_str()
            ),
            (BookingStatus::Cancelled, 50_000, "none")
        );
        booked(
            gather::request_booking(db, &r, &tell, NOW)
                .await
                .expect("free again"),
        );
        assert!(matches!(
            gather::cancel(db, second.id, "", u, &tell, NOW).await,
            Err(naboskab_store::StoreError::Conflict(_))
        ));
        // A far-ahead cancellation costs nothing.
        let later = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-03-13T12:00",
                    "2027-03-13T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        gather::decide(db, later.id, true, "", u, &tell, NOW)
            .await
            .expect("approve");
        let c = gather::cancel(db, later.id, "", u, &tell, NOW)
            .await
            .expect("cancel");
        assert_eq!(c.forfeited_ore, 0);
    });
}

#[tokio::test]
async fn a_deposit_is_returned_or_withheld_with_a_reason() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let u = user(db, 1).await;
        let b = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-01-16T12:00",
                    "2027-01-16T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        assert!(
            gather::settle_deposit(db, b.id, 0, "", NOW).await.is_err(),
            "nothing held before approval"
        );
        gather::decide(db, b.id, true, "", u, &tell, NOW)
            .await
            .expect("approve");
        let s = gather::settle_deposit(db, b.id, 99_999_999, "Køkkenet ikke gjort rent", NOW)
            .await
            .expect("settle");
        assert_eq!(
            (s.deposit_status.as_str(), s.deposit_withheld_ore),
            ("withheld", 50_000),
            "never more than the deposit"
        );
        assert!(
            gather::settle_deposit(db, b.id, 0, "", NOW).await.is_err(),
            "settled once"
        );
    });
}

#[tokio::test]
async fn a_community_activity_displaces_an_unapproved_private_request_never_a_confirmed_one() {
    on_every_backend!(|db| {
        let id = room(db).await;
        let u = user(db, 1).await;
        let private = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-01-16T12:00",
                    "2027-01-16T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        let mut community = request(
            id,
            BookingKind::Community,
            "2027-01-16T14:00",
            "2027-01-16T16:00",
            None,
        );
        community.title = "Fællesspisning".into();
        match gather::request_booking(db, &community, &tell, NOW)
            .await
            .expect("answer")
        {
            BookingOutcome::Taken { displaceable, .. } => assert!(displaceable),
            other => panic!("{other:?}"),
        }
        community.displace = true;
        let won = booked(
            gather::request_booking(db, &community, &tell, NOW)
                .await
                .expect("book"),
        );
        assert_eq!(won.status, BookingStatus::Confirmed);
        let gone = gather::booking(db, private.id)
            .await
            .expect("read")
            .expect("booking");
        assert_eq!(
            (gone.status, gone.reason.as_str()),
            (BookingStatus::Displaced, "Fællesspisning")
        );
        assert!(subjects(db).await.contains(&"Displaced".to_owned()));
        // A confirmed private booking stays, displace or not.
        let sunday = booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Private,
                    "2027-02-14T12:00",
                    "2027-02-14T20:00",
                    Some(u),
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        gather::decide(db, sunday.id, true, "", u, &tell, NOW)
            .await
            .expect("approve");
        let mut c2 = request(
            id,
            BookingKind::Community,
            "2027-02-14T14:00",
            "2027-02-14T16:00",
            None,
        );
        c2.displace = true;
        assert!(matches!(
            gather::request_booking(db, &c2, &tell, NOW)
                .await
                .expect("answer"),
            BookingOutcome::Taken {
                displaceable: false,
                ..
            }
        ));
    });
}

#[tokio::test]
async fn a_recurring_request_books_the_free_dates_and_lists_the_rest() {
    on_every_backend!(|db| {
        let id = room(db).await;
        booked(
            gather::request_booking(
                db,
                &request(
                    id,
                    BookingKind::Community,
                    "2027-01-26T15:00",
                    "2027-01-26T17:00",
                    None,
                ),
                &tell,
                NOW,
            )
            .await
            .expect("book"),
        );
        let dates = gather::weekly_dates(
            parse_local("2027-01-05T14:00").expect("start"),
            120,
            NaiveDate::from_ymd_opt(2027, 2, 23).expect("date"),
        );
        assert_eq!(
            dates.len(),
            8,
            "every Tuesday from 5 January to 23 February"
        );
        let mut r = request(
            id,
            BookingKind::Community,
            "2027-01-05T14:00",
            "2027-01-05T16:00",
            None,
        );
        r.title = "Strikkeklub".into();
        let summary = |items: &[gather::SeriesItem]| {
            vec![OwnedMessage {
                channel: "email",
                recipient: "x@example.dk".into(),
                subject: format!("{} dates", items.len()),
                body: String::new(),
            }]
        };
        let items = gather::request_series(db, &r, &dates, "series-1", &summary, NOW)
            .await
            .expect("series");
        let booked_n = items
            .iter()
            .filter(|i| matches!(i.outcome, BookingOutcome::Booked(_)))
            .count();
        let taken: Vec<_> = items
            .iter()
            .filter(|i| matches!(i.outcome, BookingOutcome::Taken { .. }))
            .map(|i| i.start)
            .collect();
        assert_eq!(booked_n, 7);
        assert_eq!(taken, [t("2027-01-26T14:00")]);
        assert_eq!(
            subjects(db).await,
            ["Confirmed", "8 dates"],
            "one message for the series"
        );
        let all =
            gather::bookings_of_rooms(db, &[id], 0, i64::MAX / 2, &[BookingStatus::Confirmed])
                .await
                .expect("list");
        assert_eq!(
            all.iter()
                .filter(|b| b.series_key.as_deref() == Some("series-1"))
                .count(),
            7
        );
    });
}
