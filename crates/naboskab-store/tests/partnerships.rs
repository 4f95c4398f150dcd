//! Contract tests for partnerships, on SQLite always and PostgreSQL when configured: what is
//! written reads back whole, each party's and place's list finds it, a partner association
//! books a department's room earlier only while the partnership holds, and deleting leaves
//! nothing but the audit rows.

use chrono::{DateTime, NaiveDate, Utc};
use naboskab_domain::OrgKind;
use naboskab_domain::gather::{BookingKind, Breach, DailyWindow, KindRule};
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::schedule::{local_to_utc, parse_local};
use naboskab_store::audit::{self, Auditor};
use naboskab_store::gather::{self, BookingOutcome, NewBooking, RoomDetails};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::partnerships::{self, Links, PartnershipFields};
use naboskab_store::{Db, offers, on_every_backend};

/// 2027-01-01T00:00:00Z.
const NOW: i64 = 1_798_761_600;

fn t(local: &str) -> DateTime<Utc> {
    local_to_utc(parse_local(local).expect("local time"))
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

async fn org(db: &Db, kind: OrgKind, name: &str, parent_id: Option<i64>) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(kind),
            name: name.into(),
            parent_id,
            municipality_code: Some("0169".into()),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("organisation")
}

fn staff() -> Auditor {
    Auditor {
        user_id: None,
        role: "housing_org_admin".into(),
        purpose: "test".into(),
    }
}

fn fields(ends_on: Option<&str>) -> PartnershipFields {
    PartnershipFields {
        purpose: "Fællesskab og bevægelse i Gadehavegård".into(),
        description: "Fodbold, gåture og fællesspisning".into(),
        starts_on: date("2026-08-01"),
        ends_on: ends_on.map(date),
        contacts: "Mette Holm, boligsocial leder, 43 35 00 00".into(),
    }
}

fn association_booking(room_id: i64, organisation: i64, start: &str, end: &str) -> NewBooking {
    NewBooking {
        room_id,
        kind: BookingKind::Association,
        start: t(start),
        end: t(end),
        user_id: None,
        booker_name: "Træner".into(),
        booker_email: "traener@example.dk".into(),
        booker_phone: String::new(),
        locale: "da".into(),
        organisation_id: Some(organisation),
        offer_id: None,
        title: "Træning".into(),
        attendees: Some(20),
        note: String::new(),
        age_declared: true,
        displace: false,
        idempotency_key: None,
    }
}

#[tokio::test]
async fn partnerships_read_back_whole_and_partners_book_earlier_while_they_hold() {
    on_every_backend!(|db| {
        let housing = org(db, OrgKind::HousingOrganisation, "BO-VEST", None).await;
        let department = org(db, OrgKind::Department, "Gadehavegård", Some(housing)).await;
        let kommune = org(db, OrgKind::Municipality, "Høje-Taastrup Kommune", None).await;
        let club = org(db, OrgKind::SportsClub, "Taastrup Boldklub", None).await;
        let other = org(db, OrgKind::Association, "Strikkeklubben", None).await;
        let offer = offers::create_offer(
            db,
            &offers::Offer {
                organisation_id: club,
                department_id: Some(department),
                kind: "activity".into(),
                title: "Fodbold for unge".into(),
                status: OfferStatus::Published,
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("offer");
        let room = gather::create_room(
            db,
            &RoomDetails {
                department_id: department,
                name: "Fælleshuset".into(),
                room_type: "faelleshus".into(),
                description: String::new(),
                capacity: Some(60),
                facilities: String::new(),
                step_free: true,
                accessible_toilet: true,
                hearing_loop: false,
                house_rules: String::new(),
                key_method: "key_box".into(),
                key_instructions: String::new(),
                cleaning_checklist: String::new(),
                opening: DailyWindow {
                    from: 8 * 60,
                    until: 22 * 60,
                },
                price_weekday_ore: 0,
                price_weekend_ore: 0,
                price_per_day: true,
                deposit_ore: 0,
            },
            NOW,
        )
        .await
        .expect("room");
        gather::set_rules(
            db,
            room,
            &[KindRule {
                approval: naboskab_domain::gather::Approver::None,
                max_days_ahead: 30,
                partner_days_ahead: Some(90),
                ..KindRule::default_for(BookingKind::Association)
            }],
        )
        .await
        .expect("rules");

        let links = Links {
            parties: vec![housing, kommune, club],
            offers: vec![offer],
            rooms: vec![room],
            applications: vec![],
        };
        // The housing organisation's staff save it for themselves and the municipality; the
        // club is asked.
        let id = partnerships::create(
            db,
            &fields(None),
            &links,
            &[housing, kommune],
            &staff(),
            NOW,
        )
        .await
        .expect("create");
        let p = partnerships::partnership(db, id)
            .await
            .expect("read")
            .expect("partnership");
        assert_eq!(p.fields, fields(None));
        let names: Vec<&str> = p.parties.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(
            names,
            ["BO-VEST", "Høje-Taastrup Kommune", "Taastrup Boldklub"]
        );
        assert_eq!(p.parties[2].kind, OrgKind::SportsClub);
        assert_eq!(p.offers[0].title, "Fodbold for unge");
        assert_eq!(p.rooms[0].title, "Fælleshuset");
        assert!(p.is_current(date("2027-01-01")));
        assert!(!p.is_current(date("2026-07-31")));

        assert!(!p.is_confirmed(), "the club has not answered");
        let listed = |party| async move {
            partnerships::partnerships(db, party)
                .await
                .expect("list")
                .len()
        };
        assert_eq!(
            listed(None).await,
            0,
            "not shown before every party said yes"
        );
        assert_eq!(
            partnerships::awaiting(db, &[club])
                .await
                .expect("asked")
                .len(),
            1
        );
        assert!(
            partnerships::awaiting(db, &[housing])
                .await
                .expect("asked")
                .is_empty()
        );

        // 2027-03-06 is 64 days ahead: past everyone's 30 days, inside the partners' 90.
        let book = |who, day: &'static str| async move {
            gather::request_booking(
                db,
                &association_booking(room, who, &format!("{day}T10:00"), &format!("{day}T12:00")),
                &|_, _| vec![],
                NOW,
            )
            .await
            .expect("answer")
        };
        assert_eq!(
            book(club, "2027-03-05").await,
            BookingOutcome::Refused(vec![Breach::TooFarAhead(30)]),
            "a partner that has not said yes waits"
        );
        assert!(
            partnerships::confirm(db, id, club, &staff(), NOW)
                .await
                .expect("confirm")
        );
        assert!(
            !partnerships::confirm(db, id, club, &staff(), NOW)
                .await
                .expect("confirm again"),
            "an answer is given once"
        );
        assert_eq!(listed(None).await, 1);
        assert_eq!(listed(Some(club)).await, 1);
        assert_eq!(listed(Some(other)).await, 0);
        assert_eq!(
            partnerships::of_place(db, department)
                .await
                .expect("place")
                .len(),
            1,
            "the department's room is linked, so its page shows the partnership"
        );
        assert!(
            partnerships::of_place(db, other)
                .await
                .expect("place")
                .is_empty()
        );

        assert_eq!(
            book(other, "2027-03-06").await,
            BookingOutcome::Refused(vec![Breach::TooFarAhead(30)]),
            "an association that is no partner waits"
        );
        assert!(
            matches!(book(club, "2027-03-06").await, BookingOutcome::Booked(_)),
            "the partner books early"
        );

        // The partnership ended before today: the club waits like everyone else, and the
        // room no longer links it to the department.
        let ended = Links {
            rooms: vec![],
            ..links.clone()
        };
        assert!(
            partnerships::update(
                db,
                id,
                &fields(Some("2026-12-31")),
                &ended,
                &[],
                &staff(),
                NOW
            )
            .await
            .expect("update")
        );
        assert!(
            partnerships::partnership(db, id)
                .await
                .expect("read")
                .expect("partnership")
                .is_confirmed(),
            "the parties that stay keep their answers"
        );
        assert_eq!(
            gather::request_booking(
                db,
                &association_booking(room, club, "2027-03-13T10:00", "2027-03-13T12:00"),
                &|_, _| vec![],
                NOW,
            )
            .await
            .expect("answer"),
            BookingOutcome::Refused(vec![Breach::TooFarAhead(30)])
        );
        assert_eq!(
            partnerships::of_place(db, department)
                .await
                .expect("place")
                .len(),
            1,
            "the offer held in the department still links it"
        );

        assert!(
            partnerships::delete(db, id, &staff(), NOW)
                .await
                .expect("delete")
        );
        assert!(
            partnerships::partnership(db, id)
                .await
                .expect("read")
                .is_none()
        );
        assert_eq!(listed(Some(club)).await, 0);
        for table in ["partnership_party", "partnership_link"] {
            let sql: &'static str = match table {
                "partnership_party" => "SELECT COUNT(*) AS count FROM partnership_party",
                _ => "SELECT COUNT(*) AS count FROM partnership_link",
            };
            let left = db
                .query_one(sql, vec![])
                .await
                .expect("count")
                .i64("count")
                .expect("n");
            assert_eq!(left, 0, "{table} keeps nothing");
        }
        let actions: Vec<String> = audit::rows_about(db, "partnership", id)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.action)
            .collect();
        assert_eq!(actions, ["create", "confirm", "update", "delete"]);

        // Asked and declining: the party is out, and a partnership of one is none.
        let pair = Links {
            parties: vec![club, other],
            ..Links::default()
        };
        let id = partnerships::create(db, &fields(None), &pair, &[club], &staff(), NOW)
            .await
            .expect("create");
        assert!(
            !partnerships::decline(db, id, club, &staff(), NOW)
                .await
                .expect("decline"),
            "a party that said yes cannot decline; it ends the partnership instead"
        );
        assert!(
            partnerships::decline(db, id, other, &staff(), NOW)
                .await
                .expect("decline")
        );
        assert!(
            partnerships::partnership(db, id)
                .await
                .expect("read")
                .is_none(),
            "one party left: deleted"
        );
    });
}
