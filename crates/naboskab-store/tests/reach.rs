//! Contract tests for Reach (outreach records) on SQLite always and PostgreSQL when
//! configured: consent decides what may be stored (GDPR-03), every read and write leaves one
//! audit row and a failing audit write fails the read (GDPR-05), sealed columns hold no plain
//! text, withdrawal and erasure, and the retention job with an injected clock (GDPR-04).

use chrono::NaiveDate;
use naboskab_domain::OrgKind;
use naboskab_domain::reach::{
    ConsentMethod, ConsentMissing, ConsentScope, ContactKind, Profile, SensitiveCategory,
};
use naboskab_store::audit::{self, Auditor};
use naboskab_store::offers::{self, ContactRequest};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::reach::{self, NewConsent, NewContact, NewLogEntry, Withdrawal};
use naboskab_store::seal::SealKey;
use naboskab_store::{Db, StoreError, on_every_backend};

/// 2027-01-01T00:00:00Z.
const NOW: i64 = 1_798_761_600;
const DAY: i64 = 86_400;

fn caretaker() -> Auditor {
    Auditor {
        user_id: None,
        role: "social_caretaker".into(),
        purpose: "follow-up".into(),
    }
}

fn consent(scope: ConsentScope) -> NewConsent {
    NewConsent {
        scope,
        method: ConsentMethod::Verbal,
        text: format!("Jeg siger ja til {}", scope.as_str()),
    }
}

fn profile(name: &str) -> Profile {
    Profile {
        name: name.into(),
        phone: "20 30 40 50".into(),
        languages: vec!["da".into(), "ar".into()],
        interests: vec!["madklub".into()],
        weekdays: vec![2, 4],
        sensitive: vec![SensitiveCategory::Loneliness],
        ..Profile::default()
    }
}

async fn housing_org(db: &Db) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::HousingOrganisation),
            name: "Boligselskabet".into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("housing organisation")
}

fn new_contact(org: i64, name: &str) -> NewContact {
    NewContact {
        housing_org_id: org,
        department_id: None,
        caretaker_id: None,
        user_id: None,
        contact_request_id: None,
        profile: profile(name),
        fictitious: false,
    }
}

async fn audit_count(db: &Db, action: &str, id: i64) -> usize {
    audit::rows_about(db, reach::SUBJECT, id)
        .await
        .expect("audit")
        .iter()
        .filter(|r| r.action == action)
        .count()
}

#[tokio::test]
async fn consent_decides_what_may_be_stored() {
    on_every_backend!(|db| {
        let key = SealKey::for_tests("reach");
        let org = housing_org(db).await;
        let who = caretaker();
        let c = new_contact(org, "Karen");
        assert_eq!(
            reach::create_contact(db, &key, &c, &[], &who, NOW)
                .await
                .expect("store"),
            Err(ConsentMissing::Registration)
        );
        assert_eq!(
            reach::create_contact(
                db,
                &key,
                &c,
                &[consent(ConsentScope::Registration)],
                &who,
                NOW
            )
            .await
            .expect("store"),
            Err(ConsentMissing::Sensitive),
            "loneliness needs the sensitive consent"
        );
        let n = db
            .query_one("SELECT COUNT(*) AS count FROM outreach_contact", vec![])
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(n, 0, "nothing stored when refused");
        let id = reach::create_contact(
            db,
            &key,
            &c,
            &[
                consent(ConsentScope::Registration),
                consent(ConsentScope::Sensitive),
            ],
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("created");
        let r = reach::record(db, &key, id, &who, NOW)
            .await
            .expect("read")
            .expect("record");
        assert_eq!(r.profile, profile("Karen"));
        assert_eq!(r.consents.len(), 2);
        assert_eq!(
            r.consents[0].text_hash.len(),
            64,
            "the text is kept as its hash"
        );

        // Withdrawing the sensitive consent removes the categories, once.
        assert_eq!(
            reach::withdraw_consent(db, &key, id, ConsentScope::Sensitive, &who, NOW + 10)
                .await
                .expect("withdraw"),
            Withdrawal::SensitiveRemoved
        );
        assert_eq!(
            reach::withdraw_consent(db, &key, id, ConsentScope::Sensitive, &who, NOW + 11)
                .await
                .expect("withdraw"),
            Withdrawal::NotActive
        );
        let r = reach::record(db, &key, id, &who, NOW + 12)
            .await
            .expect("read")
            .expect("record");
        assert!(r.profile.sensitive.is_empty());
        assert_eq!(
            reach::update_profile(db, &key, id, &profile("Karen"), None, &who, NOW + 13)
                .await
                .expect("store"),
            Err(ConsentMissing::Sensitive),
            "no sensitive categories after withdrawal"
        );

        // Withdrawing registration erases the record; its audit trail stays.
        assert_eq!(
            reach::withdraw_consent(db, &key, id, ConsentScope::Registration, &who, NOW + 20)
                .await
                .expect("withdraw"),
            Withdrawal::Erased
        );
        assert!(
            reach::record(db, &key, id, &who, NOW + 21)
                .await
                .expect("read")
                .is_none()
        );
        assert!(matches!(
            reach::add_log(
                db,
                &key,
                id,
                &NewLogEntry {
                    kind: ContactKind::Phone,
                    happened_on: NaiveDate::from_ymd_opt(2027, 1, 2).expect("date"),
                    minutes: Some(10),
                    note: "Ringede".into(),
                },
                &who,
                NOW + 22,
            )
            .await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(audit_count(db, "erase", id).await, 1);
    });
}

#[tokio::test]
async fn every_read_and_write_is_audited_and_sealed() {
    on_every_backend!(|db| {
        let key = SealKey::for_tests("reach");
        let org = housing_org(db).await;
        let who = caretaker();
        let id = reach::create_contact(
            db,
            &key,
            &new_contact(org, "Canary Kirsten"),
            &[
                consent(ConsentScope::Registration),
                consent(ConsentScope::Sensitive),
            ],
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("created");
        let day = NaiveDate::from_ymd_opt(2027, 1, 5).expect("date");
        reach::add_log(
            db,
            &key,
            id,
            &NewLogEntry {
                kind: ContactKind::DoorKnock,
                happened_on: day,
                minutes: Some(15),
                note: "Canary note: bor alene".into(),
            },
            &who,
            NOW + DAY,
        )
        .await
        .expect("store")
        .expect("logged");
        reach::add_followup(db, &key, id, day, "Canary follow-up", &who, NOW + DAY)
            .await
            .expect("store")
            .expect("added");
        for n in 1..=3 {
            reach::record(db, &key, id, &who, NOW + DAY + n)
                .await
                .expect("read")
                .expect("record");
        }
        assert_eq!(audit_count(db, "read", id).await, 3, "one row per read");
        assert_eq!(audit_count(db, "create", id).await, 1);
        assert_eq!(audit_count(db, "log", id).await, 1);
        assert_eq!(audit_count(db, "follow-up", id).await, 1);
        let rows = audit::rows_about(db, reach::SUBJECT, id)
            .await
            .expect("audit");
        assert!(
            rows.iter()
                .all(|r| r.actor_role == "social_caretaker" && r.purpose == "follow-up")
        );

        // No plain text in any sealed column.
        for sql in [
            "SELECT sealed FROM outreach_contact",
            "SELECT note_sealed AS sealed FROM outreach_log",
            "SELECT what_sealed AS sealed FROM outreach_followup",
        ] {
            for r in db.query(sql, vec![]).await.expect("raw") {
                let v = r.string("sealed").expect("text");
                assert!(v.starts_with("v1."), "{v}");
                assert!(!v.to_lowercase().contains("canary"), "{sql}: {v}");
            }
        }

        // A failing audit write fails the read: nothing is returned without its row.
        db.execute_unchecked("ALTER TABLE audit_log RENAME TO audit_log_away")
            .await
            .expect("rename");
        assert!(
            reach::record(db, &key, id, &who, NOW + 2 * DAY)
                .await
                .is_err()
        );
        assert!(
            reach::caseload(db, &key, &[org], &who, NOW + 2 * DAY)
                .await
                .is_err()
        );
        db.execute_unchecked("ALTER TABLE audit_log_away RENAME TO audit_log")
            .await
            .expect("rename back");
        // And the audit log cannot be rewritten.
        assert!(
            db.execute_unchecked("DELETE FROM audit_log").await.is_err(),
            "append-only"
        );
    });
}

#[tokio::test]
async fn the_caseload_lists_what_is_due_first_and_only_the_organisations_own() {
    on_every_backend!(|db| {
        let key = SealKey::for_tests("reach");
        let org = housing_org(db).await;
        let other = housing_org(db).await;
        let who = caretaker();
        let both = [
            consent(ConsentScope::Registration),
            consent(ConsentScope::Sensitive),
        ];
        let mut ids = Vec::new();
        for name in ["Åse", "Bent", "Carla"] {
            ids.push(
                reach::create_contact(db, &key, &new_contact(org, name), &both, &who, NOW)
                    .await
                    .expect("store")
                    .expect("created"),
            );
        }
        reach::create_contact(db, &key, &new_contact(other, "Elsewhere"), &both, &who, NOW)
            .await
            .expect("store")
            .expect("created");
        let date = |d| NaiveDate::from_ymd_opt(2027, 1, d).expect("date");
        reach::add_followup(db, &key, ids[2], date(3), "Ring", &who, NOW)
            .await
            .expect("store")
            .expect("added");
        let done = reach::add_followup(db, &key, ids[1], date(2), "Besøg", &who, NOW)
            .await
            .expect("store")
            .expect("added");
        reach::add_followup(db, &key, ids[1], date(9), "Følg op", &who, NOW)
            .await
            .expect("store")
            .expect("added");
        assert!(
            reach::complete_followup(db, ids[1], done, &who, NOW)
                .await
                .expect("done")
        );
        let list = reach::caseload(db, &key, &[org], &who, NOW)
            .await
            .expect("caseload");
        let names: Vec<_> = list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["Carla", "Bent", "Åse"],
            "earliest open follow-up first"
        );
        assert_eq!(list[1].next_due, Some(date(9)));
        assert_eq!(list[1].open_followups, 1);
        let rows = audit::rows_about(db, reach::CASELOAD, org)
            .await
            .expect("audit");
        assert_eq!(rows.len(), 1, "one row per listing");
    });
}

#[tokio::test]
async fn retention_erases_records_without_recent_contact_and_a_request_leaves_no_plain_copy() {
    on_every_backend!(|db| {
        let key = SealKey::for_tests("reach");
        let org = housing_org(db).await;
        let who = caretaker();
        let registration = [consent(ConsentScope::Registration)];
        let request = offers::create_contact_request(
            db,
            &key,
            &ContactRequest {
                name: "Canaryperson Ulla".into(),
                phone: "11223344".into(),
                message: "Canarymessage jeg er ensom".into(),
                consent_text: "Ja".into(),
                ..Default::default()
            },
            NOW - 400 * DAY,
        )
        .await
        .expect("request");
        let old = reach::create_contact(
            db,
            &key,
            &NewContact {
                contact_request_id: Some(request),
                profile: Profile {
                    name: "Canaryperson Ulla".into(),
                    ..Profile::default()
                },
                ..new_contact(org, "")
            },
            &registration,
            &who,
            NOW - 400 * DAY,
        )
        .await
        .expect("store")
        .expect("created");
        let recent = reach::create_contact(
            db,
            &key,
            &NewContact {
                profile: Profile {
                    name: "Recent".into(),
                    ..Profile::default()
                },
                ..new_contact(org, "")
            },
            &registration,
            &who,
            NOW - 400 * DAY,
        )
        .await
        .expect("store")
        .expect("created");
        reach::add_log(
            db,
            &key,
            recent,
            &NewLogEntry {
                kind: ContactKind::Visit,
                happened_on: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
                minutes: None,
                note: String::new(),
            },
            &who,
            NOW - 30 * DAY,
        )
        .await
        .expect("store")
        .expect("logged");
        let cutoff = NOW - 365 * DAY;
        assert_eq!(
            reach::purge_inactive(db, cutoff, NOW).await.expect("purge"),
            1
        );
        assert_eq!(
            reach::purge_inactive(db, cutoff, NOW).await.expect("purge"),
            0,
            "idempotent"
        );
        assert!(reach::owner_of(db, old).await.expect("read").is_none());
        assert!(reach::owner_of(db, recent).await.expect("read").is_some());
        let rows = audit::rows_about(db, reach::SUBJECT, old)
            .await
            .expect("audit");
        assert!(
            rows.iter().any(|r| r.action == "erase"
                && r.actor_role == "system"
                && r.purpose == "retention")
        );
        // The plain copy of the "contact me" request is gone from the file too.
        if let Some(path) = db.sqlite_path() {
            db.sqlite_maintenance("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .expect("checkpoint");
            let bytes = std::fs::read(path).expect("file");
            for canary in ["Canaryperson", "Canarymessage"] {
                assert!(
                    !bytes.windows(canary.len()).any(|w| w == canary.as_bytes()),
                    "{canary} left in the database file"
                );
            }
        }
    });
}

#[tokio::test]
async fn erasure_leaves_no_trace_in_the_database_file_or_a_dump() {
    use naboskab_domain::reach::ReferralStatus;
    use naboskab_domain::schedule::Series;
    use naboskab_store::join::{self, NewSeries, NewSignup, SignupResult};
    use naboskab_store::reach::NewReferral;
    use naboskab_store::testing::{POSTGRES_ENV, TestDb};

    let dbs = TestDb::all().await.expect("test databases");
    if std::env::var(POSTGRES_ENV).is_ok() {
        assert_eq!(dbs.len(), 2, "PostgreSQL was configured but not used");
    }
    const CANARIES: [&str; 5] = [
        "Canaryperson",
        "Canarynote",
        "Canaryfollowup",
        "Canarybuddy",
        "canary-mail",
    ];
    for t in dbs {
        let db = &t.db;
        let key = SealKey::for_tests("reach");
        let who = caretaker();
        let org = housing_org(db).await;
        let offer = offers::create_offer(
            db,
            &offers::Offer {
                organisation_id: org,
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
            offer,
            &NewSeries {
                series: Series::new("2027-01-05T14:00", 120, None, &[]).expect("series"),
                place: "Fælleshuset".into(),
                signup_required: true,
                capacity: Some(10),
            },
            NOW,
        )
        .await
        .expect("series");
        let occurrence = db
            .query_one(
                "SELECT id FROM occurrence WHERE offer_id = $1",
                naboskab_store::params![offer],
            )
            .await
            .expect("occurrence")
            .i64("id")
            .expect("id");
        let id = reach::create_contact(
            db,
            &key,
            &NewContact {
                profile: Profile {
                    name: "Canaryperson Ulla".into(),
                    email: "canary-mail@example.dk".into(),
                    ..profile("")
                },
                ..new_contact(org, "")
            },
            &[
                consent(ConsentScope::Registration),
                consent(ConsentScope::Sensitive),
            ],
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("created");
        reach::add_log(
            db,
            &key,
            id,
            &NewLogEntry {
                kind: ContactKind::Visit,
                happened_on: NaiveDate::from_ymd_opt(2026, 12, 30).expect("date"),
                minutes: Some(20),
                note: "Canarynote vil gerne strikke".into(),
            },
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("logged");
        reach::add_followup(
            db,
            &key,
            id,
            NaiveDate::from_ymd_opt(2027, 1, 8).expect("date"),
            "Canaryfollowup ring efter klubben",
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("added");
        // Signed up on the person's behalf, and checked in: the sign-up names them.
        let SignupResult::Confirmed { id: signup } = join::sign_up(
            db,
            &NewSignup {
                occurrence_id: occurrence,
                name: "Canaryperson Ulla".into(),
                email: "canary-mail@example.dk".into(),
                phone: "20 30 40 50".into(),
                locale: "da".into(),
                first_time: true,
                verified: true,
                token_hash: "canary-signup-token".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("sign up") else {
            panic!("not confirmed");
        };
        join::set_present(db, signup, true).await.expect("present");
        reach::refer(
            db,
            &key,
            id,
            &NewReferral {
                offer_id: offer,
                occurrence_id: Some(occurrence),
                signup_id: Some(signup),
                status: ReferralStatus::Accepted,
                buddy: "Canarybuddy Hanne".into(),
            },
            &who,
            NOW,
        )
        .await
        .expect("store")
        .expect("referred");
        let before = t.raw_contents().await.expect("contents");
        let found = |bytes: &[u8], canary: &str| {
            bytes.windows(canary.len()).any(|w| w == canary.as_bytes())
        };
        // Sealed values never hold the plain text, the sign-up made on the person's behalf
        // included; its sealed name and blind indexes go with the erasure.
        for sealed in [
            "Canaryperson",
            "Canarynote",
            "Canaryfollowup",
            "Canarybuddy",
        ] {
            assert!(!found(&before, sealed), "{sealed} is sealed");
        }
        let identifying = || async {
            db.query_one(
                "SELECT name || email || phone || name_index || email_index || phone_index AS identifying FROM signup WHERE id = $1",
                naboskab_store::params![signup],
            )
            .await
            .expect("sign-up")
            .string("identifying")
            .expect("text")
        };
        assert!(!identifying().await.is_empty());

        assert!(reach::erase(db, id, &who, NOW + DAY).await.expect("erase"));
        assert_eq!(
            identifying().await,
            "",
            "nothing left to identify the person by"
        );
        let after = t.raw_contents().await.expect("contents");
        for canary in CANARIES {
            assert!(!found(&after, canary), "{canary} left after erasure");
        }
        // Attendance stays, as an anonymous number.
        let present = db
            .query_one(
                "SELECT COUNT(*) AS count FROM signup WHERE occurrence_id = $1 AND present = $2",
                naboskab_store::params![occurrence, true],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(present, 1);
        t.cleanup().await;
    }
}

#[tokio::test]
async fn a_contact_request_is_sealed_at_rest_and_plain_ones_from_before_are_sealed_at_start() {
    use naboskab_store::testing::{POSTGRES_ENV, TestDb};
    let dbs = TestDb::all().await.expect("test databases");
    if std::env::var(POSTGRES_ENV).is_ok() {
        assert_eq!(dbs.len(), 2, "PostgreSQL was configured but not used");
    }
    for t in dbs {
        let db = &t.db;
        let key = SealKey::for_tests("reach");
        let org = housing_org(db).await;
        let dep = Some(
            orgs::create_organisation(
                db,
                &NewOrganisation {
                    kind: Some(OrgKind::Department),
                    name: "Afdeling".into(),
                    parent_id: Some(org),
                    ..Default::default()
                },
                NOW,
            )
            .await
            .expect("department"),
        );
        let request = ContactRequest {
            department_id: dep,
            name: "Canaryrequester Inge".into(),
            phone: "Canaryphone 20304050".into(),
            email: "canary-request@example.dk".into(),
            when_to_call: "Canarywhen formiddag".into(),
            message: "Canarylonely jeg er meget ensom".into(),
            consent_text: "Ja".into(),
            preferred_language: "da".into(),
            ..Default::default()
        };
        offers::create_contact_request(db, &key, &request, NOW)
            .await
            .expect("request");
        // A request stored in plain text by an earlier version.
        db.execute(
            "INSERT INTO contact_request (department_id, name, phone, email, preferred_language, when_to_call, message, consent_text, created_at)
             VALUES ($1, 'Canaryolder Bent', '11223344', '', 'da', '', 'Canaryoldmessage', 'Ja', $2)",
            naboskab_store::params![dep, NOW - 10],
        )
        .await
        .expect("plain row");
        assert_eq!(
            offers::seal_plain_contact_requests(db, &key)
                .await
                .expect("seal"),
            1
        );
        assert_eq!(
            offers::seal_plain_contact_requests(db, &key)
                .await
                .expect("again"),
            0,
            "a no-op once sealed"
        );
        let contents = t.raw_contents().await.expect("contents");
        for canary in [
            "Canaryrequester",
            "Canaryphone",
            "canary-request",
            "Canarywhen",
            "Canarylonely",
            "Canaryolder",
            "Canaryoldmessage",
        ] {
            assert!(
                !contents
                    .windows(canary.len())
                    .any(|w| w == canary.as_bytes()),
                "{canary} is stored in plain text"
            );
        }
        let open = reach::open_requests(db, &key, &[org], &caretaker(), NOW)
            .await
            .expect("open requests");
        assert_eq!(open.len(), 2);
        assert_eq!(open[0].message, request.message);
        assert_eq!(open[0].email, request.email);
        assert_eq!(open[1].name, "Canaryolder Bent");
        assert!(
            reach::open_requests(
                db,
                &SealKey::for_tests("another"),
                &[org],
                &caretaker(),
                NOW
            )
            .await
            .is_err(),
            "another key opens nothing"
        );
        t.cleanup().await;
    }
}
