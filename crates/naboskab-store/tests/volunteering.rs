//! Contract tests for volunteers, on SQLite always and PostgreSQL when configured: what an
//! activity asks for is replaced whole, offering twice is one offer, a confirmation happens
//! once, a day's hours are replaced rather than added, totals add up per volunteer and
//! activity, only confirmed hosts and co-hosts on published activities carry them, and a
//! volunteer's rows go with the account.

use naboskab_domain::OrgKind;
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::volunteering::{VolunteerRole, VolunteerStatus};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::users::{self, NewUser};
use naboskab_store::volunteering as store;
use naboskab_store::{Db, offers, on_every_backend};

const NOW: i64 = 1_798_761_600;

async fn offer(db: &Db, organisation_id: i64, title: &str, status: OfferStatus) -> i64 {
    offers::create_offer(
        db,
        &offers::Offer {
            organisation_id,
            kind: "activity".into(),
            title: title.into(),
            status,
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("offer")
}

async fn user(db: &Db, name: &str) -> i64 {
    users::create_user(
        db,
        &NewUser {
            email: &format!("{}@example.dk", name.to_lowercase()),
            display_name: name,
            password_hash: None,
            verified: true,
            locale: Some("ar"),
        },
        NOW,
    )
    .await
    .expect("user")
}

#[tokio::test]
async fn volunteers_hours_and_carriers_add_up() {
    on_every_backend!(|db| {
        let club = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(OrgKind::Association),
                name: "Seniorklubben".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("club");
        let cafe = offer(db, club, "Torsdagscafé", OfferStatus::Published).await;
        let draft = offer(db, club, "Ny idé", OfferStatus::Draft).await;
        let (jens, amira) = (user(db, "Jens").await, user(db, "Amira").await);

        store::set_wanted(
            db,
            cafe,
            &[(VolunteerRole::Cook, 2), (VolunteerRole::Host, 1)],
        )
        .await
        .expect("wanted");
        store::set_wanted(
            db,
            cafe,
            &[
                (VolunteerRole::Host, 1),
                (VolunteerRole::CoHost, 1),
                (VolunteerRole::Driver, 0),
            ],
        )
        .await
        .expect("wanted again");
        assert_eq!(
            store::wanted(db, cafe).await.expect("read"),
            vec![(VolunteerRole::Host, 1), (VolunteerRole::CoHost, 1)],
            "replaced whole, in the roles' order, zero asks for none"
        );

        let host = store::offer_help(db, cafe, VolunteerRole::Host, jens, NOW)
            .await
            .expect("offer");
        let again = store::offer_help(db, cafe, VolunteerRole::Host, jens, NOW + 5)
            .await
            .expect("offer again");
        assert_eq!(host, again, "offering twice is one offer");
        let co_host = store::offer_help(db, cafe, VolunteerRole::CoHost, amira, NOW)
            .await
            .expect("offer");
        let on_draft = store::offer_help(db, draft, VolunteerRole::Host, jens, NOW)
            .await
            .expect("offer");
        assert!(store::confirm(db, host, None, NOW).await.expect("confirm"));
        assert!(!store::confirm(db, host, None, NOW).await.expect("twice"));
        assert!(
            store::confirm(db, on_draft, None, NOW)
                .await
                .expect("confirm")
        );
        let listed = store::of_offer(db, cafe).await.expect("list");
        assert_eq!(listed.len(), 2);
        let amira_row = listed.iter().find(|v| v.id == co_host).expect("amira");
        assert_eq!(amira_row.status, VolunteerStatus::Offered);
        assert_eq!(amira_row.locale.as_deref(), Some("ar"));

        let carriers = store::carriers(db).await.expect("carriers");
        assert_eq!(
            carriers.len(),
            1,
            "an unconfirmed co-host and a draft's host carry nothing: {carriers:?}"
        );
        assert_eq!(carriers[0].carrier.user_id, jens);
        assert_eq!(
            (carriers[0].title.as_str(), carriers[0].name.as_str()),
            ("Torsdagscafé", "Jens")
        );

        store::record_hours(db, host, "2027-01-07", 120, None, NOW)
            .await
            .expect("hours");
        store::record_hours(db, host, "2027-01-07", 150, None, NOW)
            .await
            .expect("the same day again");
        store::record_hours(db, host, "2027-01-14", 90, None, NOW)
            .await
            .expect("hours");
        store::record_hours(db, co_host, "2026-12-31", 60, None, NOW)
            .await
            .expect("last year");
        let year = store::totals(db, "2027-01-01", "2027-12-31", &[club], None)
            .await
            .expect("totals");
        assert_eq!(year.len(), 1);
        assert_eq!(
            (
                year[0].user_id,
                year[0].minutes,
                year[0].offer_title.as_str()
            ),
            (jens, 240, "Torsdagscafé"),
            "a day's hours replaced, not added; last year's not counted"
        );
        assert_eq!(
            store::recorded(db, cafe, "2027-01-10", "2027-01-31")
                .await
                .expect("recorded"),
            vec![(host, "2027-01-14".to_owned(), 90)]
        );
        assert!(
            store::totals(db, "2027-01-01", "2027-12-31", &[club + 1000], None)
                .await
                .expect("other organisation")
                .is_empty()
        );

        assert!(store::remove(db, host).await.expect("remove"));
        assert!(
            store::totals(db, "2027-01-01", "2027-12-31", &[], Some(cafe))
                .await
                .expect("totals")
                .is_empty(),
            "the hours go with the volunteer"
        );
        db.execute(
            "DELETE FROM app_user WHERE id = $1",
            naboskab_store::params![amira],
        )
        .await
        .expect("erase account");
        assert!(
            store::of_offer(db, cafe).await.expect("list").is_empty(),
            "a volunteer's rows go with the account"
        );
    });
}
