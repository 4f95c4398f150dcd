//! Contract tests for grant calls and applications, on SQLite always and PostgreSQL when
//! configured: what is written reads back whole, a decided application is no longer the
//! applicant's to change, two officers deciding at once decide once, and every change leaves
//! an audit row.

use naboskab_domain::OrgKind;
use naboskab_domain::grants::{Applicant, ApplicationStatus, FocusArea};
use naboskab_store::audit::{self, Auditor};
use naboskab_store::grant_documents::{self, NewDocument};
use naboskab_store::grant_reviews;
use naboskab_store::grants::{self, Activity, ApplicationFields, CallFields, Line};
use naboskab_store::on_every_backend;
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::{Db, offers};

const NOW: i64 = 1_790_000_000;

async fn org(db: &Db, kind: OrgKind, name: &str) -> i64 {
    orgs::create_organisation(
        db,
        &NewOrganisation {
            kind: Some(kind),
            name: name.into(),
            municipality_code: Some("0169".into()),
            ..Default::default()
        },
        NOW,
    )
    .await
    .expect("organisation")
}

fn officer() -> Auditor {
    Auditor {
        user_id: None,
        role: "municipal_officer".into(),
        purpose: "test".into(),
    }
}

fn call_fields() -> CallFields {
    CallFields {
        title: "§18-puljen 2027".into(),
        description: "Frivilligt socialt arbejde".into(),
        year: 2027,
        pool_ore: 250_000_000,
        max_amount_ore: 5_000_000,
        opens_at: NOW,
        deadline_at: NOW + 30 * 86_400,
        focus_areas: vec![FocusArea::Loneliness, FocusArea::Elderly],
        applicants: vec![Applicant::AssociationWithCvr, Applicant::SelfHelpGroup],
        target_groups: "Ensomme ældre".into(),
        certified_accounts_above_ore: Some(10_000_000),
        questions: vec![
            "Hvordan når I de ensomme?".into(),
            "Hvem er frivillige?".into(),
        ],
        criteria: vec!["Når de ensomme".into(), "Frivillige bærer det".into()],
        report_due_at: Some(NOW + 400 * 86_400),
        documents: vec!["Vedtægter".into(), "Budget".into()],
    }
}

/// The call `id` as the store reads it back.
async fn read_call(db: &Db, id: i64) -> grants::GrantCall {
    grants::call(db, id).await.expect("read").expect("call")
}

/// A municipality's call with `fields` and one submitted application from an association:
/// `(call id, application id)`.
async fn call_with_application(db: &Db, fields: &CallFields) -> (i64, i64) {
    let kommune = org(db, OrgKind::Municipality, "Høje-Taastrup Kommune").await;
    let forening = org(db, OrgKind::Association, "Seniorklubben").await;
    let call_id = grants::create_call(db, kommune, fields, &officer(), NOW)
        .await
        .expect("call");
    let id = grants::create_application(
        db,
        call_id,
        forening,
        &application(None, None),
        ApplicationStatus::Submitted,
        &officer(),
        NOW,
    )
    .await
    .expect("application");
    (call_id, id)
}

fn application(offer_id: Option<i64>, department_id: Option<i64>) -> ApplicationFields {
    ApplicationFields {
        title: "Fællesspisning hver tirsdag".into(),
        summary: "Mad og selskab".into(),
        activities: vec![Activity {
            title: "Fællesspisning".into(),
            target_group: "Ældre".into(),
            expected_participants: 30,
            offer_id,
            department_id,
        }],
        budget: vec![
            Line {
                text: "Råvarer".into(),
                amount_ore: 1_200_000,
                spent_ore: None,
            },
            Line {
                text: "Husleje".into(),
                amount_ore: 300_050,
                spent_ore: None,
            },
        ],
        income: vec![Line {
            text: "Egenbetaling".into(),
            amount_ore: 200_000,
            spent_ore: None,
        }],
        amount_applied_ore: 1_300_050,
        answers: vec!["Opsøgende vicevært".into(), "Seks pensionister".into()],
    }
}

fn report_of<'a>(
    spent_ore: &'a [i64],
    participants: i64,
    narrative: &'a str,
    accounts_certified: bool,
) -> grants::ReportFields<'a> {
    grants::ReportFields {
        spent_ore,
        participants,
        narrative,
        accounts_certified,
    }
}

#[tokio::test]
async fn calls_and_applications_read_back_whole_and_decisions_happen_once() {
    on_every_backend!(|db| {
        let kommune = org(db, OrgKind::Municipality, "Høje-Taastrup Kommune").await;
        let forening = org(db, OrgKind::Association, "Seniorklubben").await;
        let department = org(db, OrgKind::Department, "Nørreparken").await;
        let offer = offers::create_offer(
            db,
            &offers::Offer {
                organisation_id: forening,
                department_id: Some(department),
                kind: "activity".into(),
                title: "Fællesspisning".into(),
                ..Default::default()
            },
            NOW,
        )
        .await
        .expect("offer");

        let call_id = grants::create_call(db, kommune, &call_fields(), &officer(), NOW)
            .await
            .expect("call");
        let call = read_call(db, call_id).await;
        assert_eq!(call.municipality_name, "Høje-Taastrup Kommune");
        assert_eq!(call.municipality_code, "0169");
        assert_eq!(call.focus_areas, call_fields().focus_areas);
        assert_eq!(call.applicants, call_fields().applicants);
        assert_eq!(call.questions, call_fields().questions);
        assert_eq!(call.certified_accounts_above_ore, Some(10_000_000));
        assert_eq!(
            grants::calls(db, Some(kommune)).await.expect("list").len(),
            1
        );
        let renamed = CallFields {
            title: "§ 18-puljen 2027 (ændret)".into(),
            ..call_fields()
        };
        assert!(
            grants::update_call(db, call_id, &renamed, &officer(), NOW)
                .await
                .expect("update")
        );
        assert_eq!(
            read_call(db, call_id).await.title,
            "§ 18-puljen 2027 (ændret)"
        );
        assert!(
            !grants::update_call(db, call_id + 1000, &renamed, &officer(), NOW)
                .await
                .expect("no such call")
        );
        assert!(
            grants::calls(db, Some(forening))
                .await
                .expect("list")
                .is_empty()
        );

        let fields = application(Some(offer), Some(department));
        let id = grants::create_application(
            db,
            call_id,
            forening,
            &fields,
            ApplicationStatus::Draft,
            &officer(),
            NOW,
        )
        .await
        .expect("application");
        let a = grants::application(db, id)
            .await
            .expect("read")
            .expect("app");
        assert_eq!(a.status, ApplicationStatus::Draft);
        assert_eq!(
            a.fields, fields,
            "activities, lines and answers read back in order"
        );
        assert_eq!(a.organisation_name, "Seniorklubben");
        assert_eq!(a.submitted_at, None);

        let mut changed = fields.clone();
        changed.budget.pop();
        changed.amount_applied_ore = 1_000_000;
        assert!(
            grants::update_application(
                db,
                id,
                &changed,
                ApplicationStatus::Submitted,
                &officer(),
                NOW + 60
            )
            .await
            .expect("submit")
        );
        let a = grants::application(db, id)
            .await
            .expect("read")
            .expect("app");
        assert_eq!(a.status, ApplicationStatus::Submitted);
        assert_eq!(a.fields.budget.len(), 1, "the removed line is gone");
        assert_eq!(a.submitted_at, Some(NOW + 60));

        let by = officer();
        let (first, second) = tokio::join!(
            grants::decide(db, id, Some(900_000), "God idé", &by, NOW + 120),
            grants::decide(db, id, None, "Ingen penge", &by, NOW + 120),
        );
        let decided = [first.expect("first"), second.expect("second")];
        assert_eq!(
            decided.iter().filter(|d| **d).count(),
            1,
            "two officers deciding at once decide once"
        );
        let a = grants::application(db, id)
            .await
            .expect("read")
            .expect("app");
        assert!(a.status.is_decided());
        assert!(
            !grants::update_application(
                db,
                id,
                &fields,
                ApplicationStatus::Draft,
                &officer(),
                NOW + 180
            )
            .await
            .expect("refused"),
            "a decided application is not the applicant's to change"
        );
        assert_eq!(
            grants::application(db, id)
                .await
                .expect("read")
                .expect("app")
                .fields,
            a.fields,
            "and nothing changed"
        );

        let trail = audit::rows_about(db, "grant_application", id)
            .await
            .expect("audit");
        let actions: Vec<&str> = trail.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(actions.len(), 3, "{actions:?}");
        assert_eq!(&actions[..2], ["draft", "submitted"]);
        assert!(matches!(actions[2], "granted" | "refused"));

        // A granted application is reported on once, line by line.
        let second = grants::create_application(
            db,
            call_id,
            forening,
            &fields,
            ApplicationStatus::Submitted,
            &officer(),
            NOW,
        )
        .await
        .expect("second");
        assert!(
            !grants::report(
                db,
                second,
                &report_of(&[1, 2], 5, "Før tid", false),
                &officer(),
                NOW
            )
            .await
            .expect("not granted"),
            "only a granted application is reported on"
        );
        assert!(
            grants::decide(db, second, Some(1_300_050), "", &officer(), NOW)
                .await
                .expect("grant")
        );
        assert!(
            grants::report(
                db,
                second,
                &report_of(&[1_000_000, 250_000], 28, "Det gik godt", true),
                &officer(),
                NOW + 9
            )
            .await
            .expect("report")
        );
        let reported = grants::application(db, second)
            .await
            .expect("read")
            .expect("app");
        assert_eq!(reported.status, ApplicationStatus::Reported);
        assert!(
            reported
                .report
                .as_ref()
                .is_some_and(|r| r.accounts_certified)
        );
        assert_eq!(
            reported
                .fields
                .budget
                .iter()
                .map(|l| l.spent_ore)
                .collect::<Vec<_>>(),
            vec![Some(1_000_000), Some(250_000)]
        );
        let report = reported.report.expect("the report");
        assert_eq!((report.participants, report.reported_at), (28, NOW + 9));
        assert_eq!(report.narrative, "Det gik godt");
        assert!(
            !grants::report(
                db,
                second,
                &report_of(&[0, 0], 1, "Igen", false),
                &officer(),
                NOW + 10
            )
            .await
            .expect("twice"),
            "a report is made once"
        );

        let listed = grants::applications_of_call(db, call_id, None)
            .await
            .expect("list");
        assert_eq!(listed.len(), 2);
        assert_eq!(
            listed[0].fields.activities[0].department_id,
            Some(department)
        );
        assert!(
            grants::applications_of_call(db, call_id, Some(ApplicationStatus::Draft))
                .await
                .expect("filtered")
                .is_empty()
        );
        assert_eq!(
            grants::applications_of_organisations(db, &[forening])
                .await
                .expect("own")
                .len(),
            2
        );
    });
}

#[tokio::test]
async fn scores_replace_per_criterion_and_notes_accumulate_with_an_audit_row() {
    on_every_backend!(|db| {
        let (call_id, id) = call_with_application(db, &call_fields()).await;
        assert_eq!(
            read_call(db, call_id).await.criteria,
            call_fields().criteria
        );
        grant_reviews::review(db, id, &[(0, 4), (1, 2)], "Godt forankret", &officer(), NOW)
            .await
            .expect("review");
        grant_reviews::review(db, id, &[(1, 5)], "", &officer(), NOW + 60)
            .await
            .expect("second review");
        let scores = grant_reviews::scores(db, &[id, id + 1000])
            .await
            .expect("scores");
        assert_eq!(
            scores
                .get(&id)
                .map(|s| s.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>()),
            Some(vec![(0, 4), (1, 5)]),
            "the second score of a criterion replaces the first"
        );
        assert!(!scores.contains_key(&(id + 1000)));
        let notes = grant_reviews::notes(db, id).await.expect("notes");
        assert_eq!(notes.len(), 1, "an empty note is no note");
        assert_eq!(notes[0].body, "Godt forankret");
        let actions: Vec<String> = audit::rows_about(db, "grant_application", id)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.action)
            .collect();
        assert_eq!(actions, ["submitted", "review", "review"]);
    });
}

#[tokio::test]
async fn a_report_reminder_is_claimed_once() {
    on_every_backend!(|db| {
        let due = NOW + 10 * 86_400;
        let fields = CallFields {
            report_due_at: Some(due),
            ..call_fields()
        };
        let (call_id, id) = call_with_application(db, &fields).await;
        let fortnight = 14 * 86_400;
        assert!(
            grants::due_for_report_reminder(db, NOW, fortnight)
                .await
                .expect("due")
                .is_empty(),
            "only granted applications report"
        );
        assert!(
            grants::decide(db, id, Some(100_000), "", &officer(), NOW)
                .await
                .expect("grant")
        );
        assert!(
            grants::due_for_report_reminder(db, NOW - 5 * 86_400, fortnight)
                .await
                .expect("due")
                .is_empty(),
            "not yet within two weeks"
        );
        let due_now = grants::due_for_report_reminder(db, NOW, fortnight)
            .await
            .expect("due");
        assert_eq!(due_now.iter().map(|d| d.0).collect::<Vec<_>>(), [id]);
        let (a, b) = tokio::join!(
            grants::claim_report_reminder(db, id, NOW),
            grants::claim_report_reminder(db, id, NOW),
        );
        assert_eq!(
            [a.expect("a"), b.expect("b")]
                .iter()
                .filter(|c| **c)
                .count(),
            1,
            "two instances remind once"
        );
        assert!(
            grants::due_for_report_reminder(db, NOW, fortnight)
                .await
                .expect("due")
                .is_empty()
        );
        assert_eq!(read_call(db, call_id).await.report_due_at, Some(due));
    });
}

fn document(requirement: Option<usize>, key: &str) -> NewDocument {
    NewDocument {
        requirement,
        file_name: format!("{key}.pdf"),
        media_type: "application/pdf".into(),
        size_bytes: 1234,
        sha256: "ab".repeat(32),
        storage_key: format!("grant/{key}"),
    }
}

#[tokio::test]
async fn documents_read_back_in_the_calls_order_stop_at_the_limit_and_leave_when_removed() {
    on_every_backend!(|db| {
        let (call_id, id) = call_with_application(db, &call_fields()).await;
        assert_eq!(
            read_call(db, call_id).await.documents,
            ["Vedtægter", "Budget"]
        );
        let other = grant_documents::add(db, id, &document(None, "other"), 3, &officer(), NOW)
            .await
            .expect("add")
            .expect("room");
        let budget = grant_documents::add(db, id, &document(Some(1), "budget"), 3, &officer(), NOW)
            .await
            .expect("add")
            .expect("room");
        // Two uploads at once with room for one more: exactly one is recorded.
        let (first, second, by) = (document(Some(0), "v1"), document(Some(0), "v2"), officer());
        let (a, b) = tokio::join!(
            grant_documents::add(db, id, &first, 3, &by, NOW),
            grant_documents::add(db, id, &second, 3, &by, NOW),
        );
        let added = [a.expect("first"), b.expect("second")];
        assert_eq!(added.iter().filter(|x| x.is_some()).count(), 1, "{added:?}");
        let listed = grant_documents::of_application(db, id).await.expect("list");
        assert_eq!(
            listed
                .iter()
                .map(|d| d.fields.requirement)
                .collect::<Vec<_>>(),
            [Some(0), Some(1), None],
            "required documents first, in the call's order"
        );
        assert_eq!(listed[1].fields, document(Some(1), "budget"));
        assert!(
            grant_documents::document(db, id + 1, budget)
                .await
                .expect("read")
                .is_none(),
            "a document is only found under its own application"
        );
        assert_eq!(
            grant_documents::remove(db, id, other, &officer(), NOW)
                .await
                .expect("remove"),
            Some("grant/other".to_owned())
        );
        assert_eq!(
            grant_documents::remove(db, id, other, &officer(), NOW)
                .await
                .expect("remove twice"),
            None
        );
        let known = grant_documents::known_keys(
            db,
            &[
                "grant/other".into(),
                "grant/budget".into(),
                "grant/never".into(),
            ],
        )
        .await
        .expect("keys");
        assert_eq!(known.into_iter().collect::<Vec<_>>(), ["grant/budget"]);
        let actions: Vec<String> = audit::rows_about(db, "grant_document", other)
            .await
            .expect("audit")
            .into_iter()
            .map(|r| r.action)
            .collect();
        assert_eq!(actions, ["attach", "detach"]);
    });
}
