//! Contact details and free text sealed at rest (SEC, GDPR-02), on both engines: every column
//! the personal-data registry marks "sealed" is filled with a marker text through the store's
//! own functions, and no marker is found in the SQLite file after a checkpoint or in a
//! PostgreSQL dump; rows an earlier version stored in plain text are sealed at start; the
//! store still finds the same person twice and counts returning people through blind indexes;
//! and a handle with another key reads nothing.

use chrono::{DateTime, Utc};
use naboskab_domain::OrgKind;
use naboskab_domain::gather::{BookingKind, DailyWindow};
use naboskab_domain::schedule::{Series, local_to_utc, parse_local};
use naboskab_store::gather::{
    self, Booking, BookingEvent, BookingOutcome, NewBooking, RoomDetails,
};
use naboskab_store::join::{
    self, NewSeries, NewSignup, OccurrenceQuery, OwnedMessage, SignupResult,
};
use naboskab_store::offers::{self, Offer};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::seal::SealKey;
use naboskab_store::testing::{POSTGRES_ENV, TestDb};
use naboskab_store::users::{self, NewUser};
use naboskab_store::{Db, StoreError, outbox, params};
use std::collections::BTreeSet;
use std::sync::Arc;

/// 2027-01-01T00:00:00Z: "now" for these tests.
const NOW: i64 = 1_798_761_600;

const REGISTRY: &str = include_str!("../pii-registry.txt");

/// Sealed columns whose markers are checked by other tests: outreach records and their
/// contact requests in `tests/reach.rs`, the authenticator key in the two-step tests.
const COVERED_ELSEWHERE: [&str; 10] = [
    "app_user.totp_sealed",
    "contact_request.email",
    "contact_request.message",
    "contact_request.name",
    "contact_request.phone",
    "contact_request.when_to_call",
    "outreach_contact.sealed",
    "outreach_followup.what_sealed",
    "outreach_log.note_sealed",
    "outreach_referral.buddy_sealed",
];

/// Every column this test fills, with the marker it writes there.
const MARKERS: [(&str, &str); 16] = [
    ("signup.name", "Canarysignupname"),
    ("signup.email", "canary-signupmail"),
    ("signup.phone", "Canarysignupphone"),
    ("walk_in.name", "Canarywalkin"),
    ("booking.booker_name", "Canarybookername"),
    ("booking.booker_email", "canary-bookermail"),
    ("booking.booker_phone", "Canarybookerphone"),
    ("booking.title", "Canarybookingtitle"),
    ("booking.note", "Canarybookingnote"),
    ("booking.reason", "Canarybookingreason"),
    ("booking.deposit_reason", "Canarydepositreason"),
    ("outbox.recipient", "canary-bookermail"),
    ("outbox.subject", "Canarysubject"),
    ("outbox.body", "Canarybody"),
    // Rows stored in plain text before sealing, sealed by `seal_plain_rows`.
    ("signup.name", "Canaryoldname"),
    ("booking.note", "Canaryoldnote"),
];

fn found(bytes: &[u8], marker: &str) -> bool {
    bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
}

fn t(local: &str) -> DateTime<Utc> {
    local_to_utc(parse_local(local).expect("local time"))
}

async fn department(db: &Db) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::Department),
            name: "Afdeling".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("department")
}

/// The occurrences of a weekly activity with room for everyone.
async fn occurrences(db: &Db, organisation_id: i64) -> Vec<join::Occurrence> {
    let offer_id = offers::create_offer(
        db,
        &Offer {
            organisation_id,
            kind: "activity".into(),
            status: naboskab_domain::offer::OfferStatus::Published,
            title: "Strikkeklub".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("offer");
    join::create_series(
        db,
        offer_id,
        &NewSeries {
            series: Series::new("2027-01-05T14:00", 120, Some("FREQ=WEEKLY;BYDAY=TU"), &[])
                .expect("series"),
            place: "Fælleshuset".into(),
            signup_required: true,
            capacity: None,
        },
        NOW,
    )
    .await
    .expect("series");
    join::occurrences(
        db,
        &OccurrenceQuery {
            from: 0,
            to: i64::MAX,
            offer_id: Some(offer_id),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .expect("occurrences")
}

/// A sign-up; its link secret is a counter, so no marker reaches the token column.
fn signup(occurrence_id: i64, name: &str, email: &str, phone: &str) -> NewSignup {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    NewSignup {
        occurrence_id,
        name: name.into(),
        email: email.into(),
        phone: phone.into(),
        locale: "da".into(),
        token_hash: format!("token-{n}"),
        verified: true,
        ..Default::default()
    }
}

async fn room(db: &Db, department_id: i64) -> i64 {
    gather::create_room(
        db,
        &RoomDetails {
            department_id,
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
                until: 60,
            },
            price_weekday_ore: 15_000,
            price_weekend_ore: 70_000,
            price_per_day: true,
            deposit_ore: 50_000,
        },
        NOW,
    )
    .await
    .expect("room")
}

fn tell(b: &Booking, _: BookingEvent) -> Vec<OwnedMessage> {
    vec![OwnedMessage {
        channel: "email",
        recipient: b.booker_email.clone(),
        subject: "Canarysubject".into(),
        body: format!("Canarybody {}", b.title),
    }]
}

async fn private_booking(db: &Db, room_id: i64, day: &str) -> Booking {
    let outcome = gather::request_booking(
        db,
        &NewBooking {
            room_id,
            kind: BookingKind::Private,
            start: t(&format!("{day}T12:00")),
            end: t(&format!("{day}T20:00")),
            user_id: None,
            booker_name: "Canarybookername Amira".into(),
            booker_email: "canary-bookermail@example.dk".into(),
            booker_phone: "Canarybookerphone 20304050".into(),
            locale: "da".into(),
            organisation_id: None,
            offer_id: None,
            title: "Canarybookingtitle: Amiras 40-års fødselsdag".into(),
            attendees: Some(30),
            note: "Canarybookingnote: vi har en kørestolsbruger med".into(),
            age_declared: true,
            displace: false,
            idempotency_key: None,
        },
        &tell,
        NOW,
    )
    .await
    .expect("book");
    match outcome {
        BookingOutcome::Booked(b) => b,
        other => panic!("not booked: {other:?}"),
    }
}

#[test]
fn the_registry_and_this_test_agree_on_which_columns_are_sealed() {
    let in_registry: BTreeSet<&str> = REGISTRY
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let column = parts.next()?;
            let _kind = parts.next()?;
            (parts.next()? == "sealed").then_some(column)
        })
        .collect();
    let tested: BTreeSet<&str> = MARKERS
        .iter()
        .map(|(column, _)| *column)
        .chain(COVERED_ELSEWHERE)
        .collect();
    assert_eq!(in_registry, tested);
}

#[tokio::test]
async fn contact_details_and_free_text_are_sealed_at_rest_and_still_work() {
    let dbs = TestDb::all().await.expect("test databases");
    if std::env::var(POSTGRES_ENV).is_ok() {
        assert_eq!(dbs.len(), 2, "PostgreSQL was configured but not used");
    }
    for t in dbs {
        let db = &t.db;
        let dep = department(db).await;
        let occ = occurrences(db, dep).await;

        // Sign-ups: a guest, and one a caretaker made on someone's behalf.
        let guest = signup(
            occ[0].id,
            "Canarysignupname Inge",
            "canary-signupmail@example.dk",
            "Canarysignupphone",
        );
        assert!(matches!(
            join::sign_up(db, &guest, NOW).await.expect("sign up"),
            SignupResult::Confirmed { .. }
        ));
        let assisted = NewSignup {
            assisted_by: None,
            consent_method: "verbal".into(),
            ..signup(occ[0].id, "Bent Hansen", "", "+45 20 30 40 50")
        };
        let SignupResult::Confirmed { id: bent } =
            join::sign_up(db, &assisted, NOW).await.expect("assisted")
        else {
            panic!("no place for Bent");
        };
        join::set_present(db, bent, true).await.expect("present");
        join::add_walk_in(db, occ[0].id, "Canarywalkin Naboen", NOW)
            .await
            .expect("walk in");

        // Bookings: one approved and its deposit partly kept, one rejected.
        let approver = users::create_user(
            db,
            &NewUser {
                email: "formand@example.dk",
                display_name: "Formanden",
                password_hash: None,
                verified: true,
                locale: Some("da"),
            },
            NOW,
        )
        .await
        .expect("approver");
        let room_id = room(db, dep).await;
        let kept = private_booking(db, room_id, "2027-01-16").await;
        gather::decide(db, kept.id, true, "", approver, &tell, NOW)
            .await
            .expect("approve");
        gather::settle_deposit(db, kept.id, 10_000, "Canarydepositreason: ovnen", NOW)
            .await
            .expect("settle");
        let refused = private_booking(db, room_id, "2027-01-23").await;
        gather::decide(
            db,
            refused.id,
            false,
            "Canarybookingreason: dobbelt",
            approver,
            &tell,
            NOW,
        )
        .await
        .expect("reject");

        // Rows written in plain text by a version before sealing.
        db.execute(
            "UPDATE signup SET name = 'Canaryoldname Karen', phone = '20112233', phone_index = '' WHERE id = $1",
            params![bent],
        )
        .await
        .expect("plain sign-up");
        db.execute(
            "UPDATE booking SET note = 'Canaryoldnote' WHERE id = $1",
            params![kept.id],
        )
        .await
        .expect("plain booking");
        assert_eq!(naboskab_store::seal_plain_rows(db).await.expect("seal"), 2);
        assert_eq!(
            naboskab_store::seal_plain_rows(db).await.expect("again"),
            0,
            "a no-op once sealed"
        );

        let contents = t.raw_contents().await.expect("contents");
        for (column, marker) in MARKERS {
            assert!(
                !found(&contents, marker),
                "{marker} ({column}) is stored in plain text"
            );
        }

        // Everything reads back as written.
        let people = join::participants(db, occ[0].id).await.expect("list");
        assert_eq!(people[0].name, guest.name);
        assert_eq!(people[0].email, guest.email);
        assert_eq!(people[0].phone, guest.phone);
        assert_eq!(
            (people[1].name.as_str(), people[1].phone.as_str()),
            ("Canaryoldname Karen", "20112233")
        );
        assert_eq!(
            join::walk_ins(db, occ[0].id).await.expect("walk-ins")[0].1,
            "Canarywalkin Naboen"
        );
        let kept = gather::booking(db, kept.id)
            .await
            .expect("read")
            .expect("booking");
        assert_eq!(kept.booker_email, "canary-bookermail@example.dk");
        assert_eq!(kept.note, "Canaryoldnote");
        assert_eq!(kept.deposit_reason, "Canarydepositreason: ovnen");
        let refused = gather::booking(db, refused.id)
            .await
            .expect("read")
            .expect("booking");
        assert_eq!(refused.reason, "Canarybookingreason: dobbelt");
        let mail = outbox::recent(db, 1).await.expect("outbox");
        assert_eq!(mail[0].recipient, "canary-bookermail@example.dk");
        assert!(mail[0].body.contains("Amiras 40-års fødselsdag"));

        // The same person is found through the blind index, however the number is written;
        // a plain row sealed at start is found too.
        for phone in ["20 11 22 33", "+4520112233"] {
            assert!(
                matches!(
                    join::sign_up(db, &signup(occ[0].id, "Karen", "", phone), NOW)
                        .await
                        .expect("again"),
                    SignupResult::AlreadySignedUp { id } if id == bent
                ),
                "{phone} is the same person"
            );
        }
        let other_week = signup(occ[1].id, "Karen", "", "20112233");
        let SignupResult::Confirmed { id } = join::sign_up(db, &other_week, NOW)
            .await
            .expect("next week")
        else {
            panic!("no place next week");
        };
        join::set_present(db, id, true).await.expect("present");
        let offer_id = occ[0].offer_id;
        let summary = join::attendance_summary(db, offer_id, 0, i64::MAX)
            .await
            .expect("summary");
        assert_eq!(
            (summary.unique_participants, summary.returning_participants),
            (1, 1),
            "Karen came twice"
        );

        // A handle with another key opens nothing.
        let stranger = db
            .clone()
            .with_sealing(Arc::new(SealKey::for_tests("another installation")));
        assert!(matches!(
            join::participants(&stranger, occ[0].id).await,
            Err(StoreError::Sealed)
        ));
        assert!(matches!(
            gather::booking(&stranger, kept.id).await,
            Err(StoreError::Sealed)
        ));
        assert!(matches!(
            outbox::recent(&stranger, 1).await,
            Err(StoreError::Sealed)
        ));
        t.cleanup().await;
    }
}
