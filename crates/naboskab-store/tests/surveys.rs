//! Contract tests for survey rounds, on SQLite always and PostgreSQL when configured: a
//! department has one round at a time, a code is used once also when fifty people send it at
//! the same moment, a round takes answers only in its period, and once an answer is stored
//! neither the code nor its hash is anywhere in the database.

use naboskab_domain::OrgKind;
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::surveys::{self as store, Answer, NewRound, Submitted};
use naboskab_store::testing::{POSTGRES_ENV, TestDb};
use naboskab_store::{Db, StoreError};
use sha2::{Digest, Sha256};

const NOW: i64 = 1_798_761_600;

async fn department(db: &Db, name: &str) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(OrgKind::Department),
            name: name.into(),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("department")
}

fn round(departments: &[i64], opens_on: &str, closes_on: &str) -> NewRound {
    NewRound {
        title: "Trivsel".into(),
        organisation_id: departments[0],
        opens_on: opens_on.into(),
        closes_on: closes_on.into(),
        languages: vec!["da".into(), "ar".into()],
        who5: true,
        department_ids: departments.to_vec(),
    }
}

fn answer(tils: [u8; 3]) -> Answer {
    Answer {
        department_id: 0,
        tils,
        who5: Some([3, 3, 2, 1, 0]),
        age_band: Some("65-74".into()),
        gender: None,
    }
}

fn hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}

fn found(bytes: &[u8], marker: &str) -> bool {
    bytes.windows(marker.len()).any(|w| w == marker.as_bytes())
}

#[tokio::test]
async fn a_code_is_used_once_and_leaves_no_trace() {
    let dbs = TestDb::all().await.expect("test databases");
    if std::env::var(POSTGRES_ENV).is_ok() {
        assert_eq!(dbs.len(), 2, "PostgreSQL was configured but not used");
    }
    for t in dbs {
        let db = &t.db;
        let (north, south) = (
            department(db, "Nørreparken").await,
            department(db, "Søndergården").await,
        );
        let id = store::create_round(
            db,
            &round(&[north, south], "2026-09-01", "2026-09-30"),
            None,
            NOW,
        )
        .await
        .expect("round");
        // One round at a time per department: a period that touches it is refused, the next
        // month is not.
        assert!(matches!(
            store::create_round(db, &round(&[south], "2026-09-30", "2026-10-15"), None, NOW).await,
            Err(StoreError::Conflict(_))
        ));
        store::create_round(db, &round(&[south], "2026-10-01", "2026-10-15"), None, NOW)
            .await
            .expect("next month");

        let codes = ["CANARYCODE0001", "CANARYCODE0002"];
        store::add_codes(db, id, north, &codes.map(hash))
            .await
            .expect("codes");
        assert!(matches!(
            store::add_codes(db, id, 999_999, &[hash("X")]).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            store::code(db, &hash(codes[0])).await.expect("code"),
            Some((id, north))
        );

        // Before the round opens the code is refused and kept.
        assert_eq!(
            store::submit(db, &hash(codes[0]), &answer([1, 1, 2]), "2026-08-31")
                .await
                .expect("early"),
            Submitted::NotOpen
        );

        // Fifty simultaneous submissions of one code, each on its own connection.
        let mut handles = Vec::new();
        for _ in 0..50 {
            let other = t.another_handle().await.expect("handle");
            let h = hash(codes[0]);
            handles.push(tokio::spawn(async move {
                let outcome = store::submit(&other, &h, &answer([3, 3, 2]), "2026-09-10").await;
                other.close().await;
                outcome
            }));
        }
        let mut stored = 0;
        for h in handles {
            match h.await.expect("task").expect("submit") {
                Submitted::Stored => stored += 1,
                Submitted::UnknownCode => {}
                Submitted::NotOpen => panic!("the round is open"),
            }
        }
        assert_eq!(stored, 1, "exactly one of fifty submissions is stored");
        let answers = store::answers(db, id).await.expect("answers");
        assert_eq!(answers.len(), 1);
        assert_eq!(
            answers[0].department_id, north,
            "the department comes from the code"
        );
        assert_eq!(answers[0].tils, [3, 3, 2]);
        assert_eq!(answers[0].who5, Some([3, 3, 2, 1, 0]));
        assert_eq!(
            store::submit(db, &hash(codes[0]), &answer([1, 1, 1]), "2026-09-11")
                .await
                .expect("again"),
            Submitted::UnknownCode
        );
        assert_eq!(
            store::submit(db, &hash("NEVERISSUED"), &answer([1, 1, 1]), "2026-09-11")
                .await
                .expect("unknown"),
            Submitted::UnknownCode
        );
        let stored_round = store::round(db, id).await.expect("round").expect("found");
        assert_eq!(stored_round.fields.department_ids, vec![north, south]);
        assert_eq!(stored_round.codes_issued, vec![2, 0]);
        assert_eq!(store::rounds(db).await.expect("rounds").len(), 2);

        // The used code and its hash are gone from every table, the index and the file or
        // dump; the unused one is there as a hash only.
        let contents = t.raw_contents().await.expect("contents");
        assert!(!found(&contents, codes[0]));
        assert!(!found(&contents, &hash(codes[0])));
        assert!(!found(&contents, codes[1]));
        assert!(found(&contents, &hash(codes[1])));
        t.cleanup().await;
    }
}
