//! Contract tests for Join (schedules, occurrences, sign-ups, waitlist, attendance) on SQLite
//! always and PostgreSQL when configured, including the concurrency guarantees (DUR-01 b).

use naboskab_domain::OrgKind;
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::schedule::{Series, parse_local};
use naboskab_store::join::{
    self, NewSeries, NewSignup, OccurrenceEdit, OccurrenceQuery, OwnedMessage, Participant,
    SignupResult,
};
use naboskab_store::offers::{self, Offer};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::{Db, on_every_backend, outbox};

/// 2027-01-01T00:00:00Z: "now" for these tests.
const NOW: i64 = 1_798_761_600;

async fn offer(db: &Db) -> i64 {
    let org = orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::Association),
            name: "Forening".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("org");
    offers::create_offer(
        db,
        &Offer {
            organisation_id: org,
            kind: "activity".into(),
            status: naboskab_domain::offer::OfferStatus::Published,
            title: "Strikkeklub".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("offer")
}

fn weekly(start: &str, capacity: Option<i64>) -> NewSeries {
    NewSeries {
        series: Series::new(start, 120, Some("FREQ=WEEKLY;BYDAY=TU"), &[]).expect("series"),
        place: "Fælleshuset".into(),
        signup_required: true,
        capacity,
    }
}

async fn all_occurrences(db: &Db, offer_id: i64) -> Vec<join::Occurrence> {
    join::occurrences(
        db,
        &OccurrenceQuery {
            from: 0,
            to: i64::MAX,
            offer_id: Some(offer_id),
            limit: 10_000,
            ..Default::default()
        },
    )
    .await
    .expect("occurrences")
}

fn guest(occurrence_id: i64, n: usize) -> NewSignup {
    NewSignup {
        occurrence_id,
        name: format!("Gæst {n}"),
        email: format!("gaest{n}@example.dk"),
        locale: "da".into(),
        token_hash: format!("token-{occurrence_id}-{n}"),
        verified: true,
        ..Default::default()
    }
}

fn no_messages(_: &Participant, _: &join::Occurrence) -> Vec<OwnedMessage> {
    vec![]
}

fn tell(p: &Participant, occ: &join::Occurrence) -> Vec<OwnedMessage> {
    vec![OwnedMessage {
        channel: "email",
        recipient: p.email.clone(),
        subject: format!("Du har fået en plads: {}", occ.offer_title),
        body: String::new(),
    }]
}

#[tokio::test]
async fn a_weekly_series_is_expanded_for_a_year_and_edits_survive_re_expansion() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        let id = join::create_series(db, offer_id, &weekly("2027-01-05T14:00", Some(10)), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await;
        // Tuesdays from 5 January 2027 to the horizon of 400 days ahead.
        assert_eq!(occ.len(), 57, "one a week for the horizon");
        assert!(
            occ.iter()
                .all(|o| o.capacity == Some(10) && o.signup_required)
        );
        assert_eq!(occ[0].starts_at.to_rfc3339(), "2027-01-05T13:00:00+00:00");
        // Summer time: still 14:00 local, so 12:00 UTC.
        let june = occ
            .iter()
            .find(|o| o.recurrence_id == "2027-06-01T14:00")
            .expect("june");
        assert_eq!(june.starts_at.to_rfc3339(), "2027-06-01T12:00:00+00:00");

        // One occurrence moved by hand, another cancelled; someone signs up for a third.
        let moved = occ[1].id;
        join::edit_occurrence(
            db,
            moved,
            &OccurrenceEdit {
                new_start: parse_local("2027-01-12T15:00"),
                ..Default::default()
            },
            &no_messages,
            NOW,
        )
        .await
        .expect("move");
        let booked = occ[3].id;
        assert!(matches!(
            join::sign_up(db, &guest(booked, 1), NOW)
                .await
                .expect("sign up"),
            SignupResult::Confirmed { .. }
        ));

        // The series changes to Wednesdays: the moved occurrence stays, the booked Tuesday is
        // cancelled (someone holds a place there), other Tuesdays are gone.
        let mut wednesdays = weekly("2027-01-06T14:00", Some(10));
        wednesdays.series.rrule = Some("FREQ=WEEKLY;BYDAY=WE".into());
        join::update_series(db, id, &wednesdays, NOW)
            .await
            .expect("update");
        let after = all_occurrences(db, offer_id).await;
        let by_id = |id: i64| after.iter().find(|o| o.id == id);
        let kept = by_id(moved).expect("moved occurrence kept");
        assert_eq!(kept.starts_at.to_rfc3339(), "2027-01-12T14:00:00+00:00");
        assert!(by_id(booked).expect("booked kept").cancelled);
        assert!(
            after
                .iter()
                .filter(|o| !o.edited)
                .all(|o| o.recurrence_id.starts_with("2027") || o.recurrence_id.starts_with("2028"))
        );
        assert!(
            after
                .iter()
                .filter(|o| !o.edited)
                .all(|o| chrono::Datelike::weekday(
                    &naboskab_domain::schedule::utc_to_local(o.starts_at).date()
                ) == chrono::Weekday::Wed)
        );
        assert!(after.iter().all(|o| o.sequence >= 1), "SEQUENCE bumped");
    });
}

#[tokio::test]
async fn splitting_a_series_changes_it_from_a_date_onward() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        let id = join::create_series(db, offer_id, &weekly("2027-01-05T14:00", None), NOW)
            .await
            .expect("series");
        let later = weekly("2027-03-02T10:00", None);
        let new_id = join::split_series(
            db,
            id,
            parse_local("2027-03-02T00:00").expect("date"),
            &later,
            NOW,
        )
        .await
        .expect("split");
        let occ = all_occurrences(db, offer_id).await;
        let before: Vec<_> = occ.iter().filter(|o| o.series_id == id).collect();
        let after: Vec<_> = occ.iter().filter(|o| o.series_id == new_id).collect();
        assert_eq!(before.len(), 8, "January and February Tuesdays");
        assert!(before.iter().all(|o| o.recurrence_id.ends_with("T14:00")));
        assert!(after.iter().all(|o| o.recurrence_id.ends_with("T10:00")));
        assert_eq!(after[0].recurrence_id, "2027-03-02T10:00");
    });
}

#[tokio::test]
async fn two_hundred_simultaneous_sign_ups_for_twenty_places() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        join::create_series(db, offer_id, &weekly("2027-01-05T14:00", Some(20)), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await[0].id;
        let tasks: Vec<_> = (0..200)
            .map(|n| {
                let db = db.clone();
                tokio::spawn(async move { join::sign_up(&db, &guest(occ, n), NOW).await })
            })
            .collect();
        let mut confirmed = 0;
        let mut positions = vec![];
        for t in tasks {
            match t.await.expect("task").expect("sign up") {
                SignupResult::Confirmed { .. } => confirmed += 1,
                SignupResult::Waitlisted { position, .. } => positions.push(position),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(confirmed, 20);
        positions.sort_unstable();
        assert_eq!(
            positions,
            (1..=180).collect::<Vec<i64>>(),
            "each place in line once"
        );
        let people = join::participants(db, occ).await.expect("list");
        let (yes, wait): (Vec<_>, Vec<_>) = people
            .iter()
            .partition(|p| p.status == naboskab_domain::join::SignUpStatus::Confirmed);
        // Arrival order decides: the first twenty to arrive have the places.
        assert_eq!(
            yes.iter().map(|p| p.arrival).collect::<Vec<_>>(),
            (1..=20).collect::<Vec<i64>>()
        );
        assert_eq!(
            wait.iter().map(|p| p.arrival).collect::<Vec<_>>(),
            (21..=200).collect::<Vec<i64>>()
        );
        let o = join::occurrence(db, occ).await.expect("get").expect("occ");
        assert_eq!((o.confirmed_places, o.places_left()), (20, Some(0)));
    });
}

#[tokio::test]
async fn cancelling_promotes_the_first_on_the_waitlist_exactly_once() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        join::create_series(db, offer_id, &weekly("2027-01-05T14:00", Some(3)), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await[0].id;
        let mut ids = vec![];
        for n in 0..6 {
            let id = match join::sign_up(db, &guest(occ, n), NOW)
                .await
                .expect("sign up")
            {
                SignupResult::Confirmed { id } | SignupResult::Waitlisted { id, .. } => id,
                other => panic!("{other:?}"),
            };
            ids.push(id);
        }
        // The same cancellation ten times at once (a double-tapped link): one promotion.
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let db = db.clone();
                let id = ids[0];
                tokio::spawn(async move { join::cancel_signup(&db, id, &tell, NOW).await })
            })
            .collect();
        let mut promoted = vec![];
        for t in tasks {
            promoted.extend(t.await.expect("task").expect("cancel"));
        }
        assert_eq!(promoted.len(), 1);
        assert_eq!(promoted[0].id, ids[3], "the first in line");
        let mails = outbox::recent(db, 50).await.expect("outbox");
        assert_eq!(
            mails
                .iter()
                .filter(|m| m.subject.starts_with("Du har fået en plads"))
                .count(),
            1,
            "one message to the promoted person"
        );
        // Two different cancellations at once: the next two in line, in order.
        let tasks: Vec<_> = [ids[1], ids[2]]
            .into_iter()
            .map(|id| {
                let db = db.clone();
                tokio::spawn(async move { join::cancel_signup(&db, id, &no_messages, NOW).await })
            })
            .collect();
        for t in tasks {
            t.await.expect("task").expect("cancel");
        }
        let people = join::participants(db, occ).await.expect("list");
        let confirmed: Vec<i64> = people
            .iter()
            .filter(|p| p.status == naboskab_domain::join::SignUpStatus::Confirmed)
            .map(|p| p.id)
            .collect();
        assert_eq!(confirmed, vec![ids[3], ids[4], ids[5]]);
        let o = join::occurrence(db, occ).await.expect("get").expect("occ");
        assert_eq!(o.confirmed_places, 3);
    });
}

#[tokio::test]
async fn a_sign_up_queues_its_message_for_the_state_it_got_and_a_repeat_queues_none() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        join::create_series(db, offer_id, &weekly("2027-01-05T14:00", Some(1)), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await[0].id;
        let by_state = |status: SignUpStatus| {
            vec![OwnedMessage {
                channel: "email",
                recipient: "gaest@example.dk".into(),
                subject: format!("Tilmelding: {status}"),
                body: String::new(),
            }]
        };
        let subjects = || async {
            let mut list: Vec<String> = outbox::recent(db, 50)
                .await
                .expect("outbox")
                .into_iter()
                .map(|m| m.subject)
                .collect();
            list.sort();
            list
        };
        join::sign_up_telling(db, &guest(occ, 1), &by_state, NOW)
            .await
            .expect("first");
        join::sign_up_telling(db, &guest(occ, 2), &by_state, NOW)
            .await
            .expect("second");
        let repeat = NewSignup {
            token_hash: "again".into(),
            ..guest(occ, 2)
        };
        assert!(matches!(
            join::sign_up_telling(db, &repeat, &by_state, NOW)
                .await
                .expect("repeat"),
            SignupResult::AlreadySignedUp { .. }
        ));
        assert_eq!(
            subjects().await,
            ["Tilmelding: confirmed", "Tilmelding: waitlisted"],
            "one message per stored sign-up, for the state it got"
        );
    });
}

#[tokio::test]
async fn a_friend_takes_a_place_and_the_same_person_is_not_signed_up_twice() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        join::create_series(db, offer_id, &weekly("2027-01-05T14:00", Some(3)), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await[0].id;
        let with_friend = NewSignup {
            bring_friend: true,
            ..guest(occ, 1)
        };
        assert!(matches!(
            join::sign_up(db, &with_friend, NOW).await.expect("a"),
            SignupResult::Confirmed { .. }
        ));
        assert!(matches!(
            join::sign_up(
                db,
                &NewSignup {
                    token_hash: "again".into(),
                    ..guest(occ, 1)
                },
                NOW
            )
            .await
            .expect("again"),
            SignupResult::AlreadySignedUp { .. }
        ));
        let second = NewSignup {
            bring_friend: true,
            ..guest(occ, 2)
        };
        assert!(
            matches!(
                join::sign_up(db, &second, NOW).await.expect("b"),
                SignupResult::Waitlisted { position: 1, .. }
            ),
            "two places do not fit in the one left"
        );
        assert!(matches!(
            join::sign_up(db, &guest(occ, 3), NOW).await.expect("c"),
            SignupResult::Waitlisted { position: 2, .. }
        ));
        // Cancelled occurrences and past ones take no sign-ups.
        join::edit_occurrence(
            db,
            occ,
            &OccurrenceEdit {
                cancel_reason: Some("Sygdom".into()),
                ..Default::default()
            },
            &tell,
            NOW,
        )
        .await
        .expect("cancel");
        assert_eq!(
            join::sign_up(db, &guest(occ, 4), NOW).await.expect("d"),
            SignupResult::Closed
        );
        let told: Vec<String> = outbox::recent(db, 50)
            .await
            .expect("outbox")
            .into_iter()
            .map(|m| m.recipient)
            .collect();
        for n in [1, 2, 3] {
            assert!(
                told.contains(&format!("gaest{n}@example.dk")),
                "everyone signed up is told"
            );
        }
    });
}

#[tokio::test]
async fn attendance_counts_participants_unique_and_returning() {
    on_every_backend!(|db| {
        let offer_id = offer(db).await;
        join::create_series(db, offer_id, &weekly("2027-01-05T14:00", None), NOW)
            .await
            .expect("series");
        let occ = all_occurrences(db, offer_id).await;
        for (week, people) in [(0usize, vec![1, 2]), (1, vec![1, 3])] {
            for n in people {
                let id = match join::sign_up(
                    db,
                    &NewSignup {
                        token_hash: format!("{week}-{n}"),
                        ..guest(occ[week].id, n)
                    },
                    NOW,
                )
                .await
                .expect("sign up")
                {
                    SignupResult::Confirmed { id } => id,
                    other => panic!("{other:?}"),
                };
                join::set_present(db, id, true).await.expect("present");
            }
        }
        join::add_walk_in(db, occ[1].id, "Naboen", NOW)
            .await
            .expect("walk in");
        join::set_headcount(db, occ[2].id, Some(7))
            .await
            .expect("headcount");
        let s = join::attendance_summary(db, offer_id, 0, i64::MAX)
            .await
            .expect("summary");
        assert_eq!(s.participants, 4 + 1 + 7);
        assert_eq!(s.unique_participants, 3);
        assert_eq!(s.returning_participants, 1);
    });
}
