//! Fund's grants as their users meet them, on every backend: the calls in the API and on the
//! pages, an organiser applying (a draft, the totals computed, every bad field named, a
//! submit after the deadline refused with the draft kept), who reads an application (a draft
//! only its applicant; 404 for everyone else), and the municipality deciding once, with the decision letter sent.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const OFFICER: &str = "kommune@demo.naboskab.dk";

/// The demo's calls: (the open 2027 call, last year's closed one).
async fn calls(app: &TestApp) -> (i64, i64) {
    let rows = app
        .db()
        .query("SELECT id, year FROM grant_call ORDER BY year", vec![])
        .await
        .expect("calls");
    let id = |year: i64| {
        rows.iter()
            .find(|r| r.i64("year").ok() == Some(year))
            .and_then(|r| r.i64("id").ok())
            .expect("demo call")
    };
    (id(2027), id(2026))
}

/// The first demo application in `status` to the call `call`.
async fn demo_application(app: &TestApp, call: i64, status: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT MIN(id) AS id FROM grant_application WHERE call_id = $1 AND status = $2",
            naboskab_store::params![call, status],
        )
        .await
        .expect("demo application")
        .i64("id")
        .expect("id")
}

/// Lets `call` take applications without attachments, for tests about everything else.
async fn without_required_documents(app: &TestApp, call: i64) {
    app.db()
        .execute(
            "UPDATE grant_call SET documents = '' WHERE id = $1",
            naboskab_store::params![call],
        )
        .await
        .expect("call without required documents");
}

async fn bearer(app: &TestApp, email: &str) -> Client {
    let mut session = app.logged_in(email).await;
    bearer_from(&mut session, app).await
}

async fn post_json(c: &mut Client, path: &str, body: &Value) -> Resp {
    c.send(
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

fn application(call: i64, organisation: i64) -> Value {
    json!({
        "call_id": call,
        "organisation_id": organisation,
        "title": "Strikkecafé med kaffe",
        "activities": [{"title": "Strikkecafé", "target_group": "Ældre", "expected_participants": 12}],
        "budget_lines": [{"text": "Garn", "amount_ore": 1_250_050}, {"text": "Kaffe", "amount_ore": 349_950}],
        "income_lines": [{"text": "Egenbetaling", "amount_ore": 100_000}],
        "amount_applied_ore": 1_500_000,
        "answers": ["Opslag i opgangene", "Fire frivillige"]
    })
}

fn fields_named(r: &Resp) -> Vec<String> {
    r.json()["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|x| x["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_calls_are_public_in_the_api_and_on_the_pages() {
    for app in TestApp::all().await {
        let (open, closed) = calls(&app).await;
        let mut c = app.client();
        let list = c.get("/api/v1/grants/calls").await;
        assert_eq!(list.status, StatusCode::OK);
        let items = list.json()["items"].as_array().cloned().expect("items");
        assert_eq!(items.len(), 2);
        let call = items
            .iter()
            .find(|i| i["id"] == open)
            .expect("the open call");
        assert_eq!(call["municipality_code"], "0169");
        assert_eq!(call["year"], 2027);
        assert_eq!(call["pool_ore"], 250_000_000);
        assert_eq!(call["max_amount_ore"], 7_500_000);
        assert_eq!(call["focus_areas"][0], "loneliness");
        let deadline = call["deadline"].as_str().expect("deadline");
        assert!(
            chrono::DateTime::parse_from_rfc3339(deadline).is_ok()
                && (deadline.ends_with("+01:00") || deadline.ends_with("+02:00")),
            "RFC 3339 with Copenhagen's offset: {deadline}"
        );
        assert!(
            call["url"]
                .as_str()
                .is_some_and(|u| u.ends_with(&format!("/grants/calls/{open}")))
        );

        let page = c.get(&format!("/grants/calls/{open}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Fællesskab mod ensomhed"));
        assert!(page.text.contains("Åben for ansøgninger"));
        assert!(page.text.contains("75.000,00 kr."), "the maximum in kroner");
        assert!(
            !page.text.contains(&format!("/grants/calls/{open}/apply")),
            "nobody signed in is offered to apply"
        );
        let old = c.get(&format!("/grants/calls/{closed}")).await;
        assert!(old.text.contains("Lukket"));
        let kommune = c.get("/municipalities/0169").await;
        assert!(
            kommune.text.contains(&format!("/grants/calls/{open}")),
            "the municipality's page lists its calls"
        );
        let mut organiser = app.logged_in(ORGANISER).await;
        let page = organiser.get(&format!("/grants/calls/{open}")).await;
        assert!(page.text.contains(&format!("/grants/calls/{open}/apply")));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_organiser_applies_through_the_api_with_totals_computed_and_bad_fields_named() {
    for app in TestApp::all().await {
        let (open, closed) = calls(&app).await;
        let club = app.demo.org("assoc-seniorklub").expect("club");
        let mut api = bearer(&app, ORGANISER).await;

        let r = post_json(
            &mut api,
            "/api/v1/grants/applications",
            &application(open, club),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let made = r.json();
        assert_eq!(made["status"], "draft");
        assert_eq!(
            made["budget_total_ore"], 1_600_000,
            "12.500,50 + 3.499,50 kr."
        );
        assert_eq!(made["income_total_ore"], 100_000);
        let id = made["id"].as_i64().expect("id");

        let got = api.get(&format!("/api/v1/grants/applications/{id}")).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.json()["budget_lines"][1]["amount_ore"], 349_950);

        let mut too_much = application(open, club);
        too_much["amount_applied_ore"] = json!(7_500_001);
        let r = post_json(&mut api, "/api/v1/grants/applications", &too_much).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fields_named(&r).contains(&"amount_applied_ore".to_owned()),
            "{}",
            r.text
        );
        assert!(r.text.contains("puljens maksimum"), "{}", r.text);

        let mut negative = application(open, club);
        negative["budget_lines"][0]["amount_ore"] = json!(-5);
        let r = post_json(&mut api, "/api/v1/grants/applications", &negative).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fields_named(&r).contains(&"budget_lines[0].amount_ore".to_owned()),
            "{}",
            r.text
        );

        let mut late = application(closed, club);
        late["submit"] = json!(true);
        let r = post_json(&mut api, "/api/v1/grants/applications", &late).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(fields_named(&r), vec!["submit".to_owned()], "{}", r.text);
        assert!(r.text.contains("Fristen er overskredet"), "{}", r.text);

        let mut not_ours = application(open, app.demo.org("assoc-broen").expect("broen"));
        not_ours["submit"] = json!(true);
        let r = post_json(&mut api, "/api/v1/grants/applications", &not_ours).await;
        assert_eq!(
            r.status,
            StatusCode::FORBIDDEN,
            "an organiser applies only for their own association"
        );

        // Submitting just before the deadline works under the test clock; a second later not.
        let call_deadline = app
            .db()
            .query_one(
                "SELECT deadline_at FROM grant_call WHERE id = $1",
                naboskab_store::params![open],
            )
            .await
            .expect("call")
            .i64("deadline_at")
            .expect("deadline");
        app.clock.advance(call_deadline - app.state.now() - 1);
        let mut on_time = application(open, club);
        on_time["submit"] = json!(true);
        let r = post_json(&mut api, "/api/v1/grants/applications", &on_time).await;
        assert_eq!(
            fields_named(&r),
            ["submit"],
            "the call's documents are required first"
        );
        assert!(r.text.contains("vedhæft først de bilag"), "{}", r.text);
        // The rest is about the deadline (documents: tests/web/grant_documents.rs).
        without_required_documents(&app, open).await;
        let r = post_json(&mut api, "/api/v1/grants/applications", &on_time).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json()["status"], "submitted");
        app.clock.advance(1);
        let r = post_json(&mut api, "/api/v1/grants/applications", &on_time).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "at the deadline it is too late"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_application_exists_only_for_its_applicant_its_municipality_and_named_departments() {
    for app in TestApp::all().await {
        let (open, _) = calls(&app).await;
        let submitted = demo_application(&app, open, "submitted").await;
        let path = format!("/grants/applications/{submitted}");
        for (who, status) in [
            (ORGANISER, StatusCode::OK),
            (OFFICER, StatusCode::OK),
            ("boligorganisation@demo.naboskab.dk", StatusCode::OK),
            ("beboer@demo.naboskab.dk", StatusCode::NOT_FOUND),
            ("bestyrelse@demo.naboskab.dk", StatusCode::NOT_FOUND),
            ("vicevaert@demo.naboskab.dk", StatusCode::NOT_FOUND),
        ] {
            let mut c = app.logged_in(who).await;
            assert_eq!(c.get(&path).await.status, status, "{who}");
        }
        let mut housing = app.logged_in("boligorganisation@demo.naboskab.dk").await;
        let page = housing.get(&path).await;
        assert!(
            page.text.contains("Kun ansøgeren kan ændre den"),
            "read only"
        );
        assert_eq!(
            housing.get(&format!("{path}/edit")).await.status,
            StatusCode::FORBIDDEN
        );
        // A draft is the applicant's alone until it is submitted.
        let draft = demo_application(&app, open, "draft").await;
        let mut officer = app.logged_in(OFFICER).await;
        assert_eq!(
            officer
                .get(&format!("/grants/applications/{draft}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let list = officer
            .get(&format!("/grants/calls/{open}/applications"))
            .await;
        assert!(
            !list.text.contains("Lektiecafé og læseklub"),
            "no drafts listed"
        );
        let mut anonymous = app.client();
        assert_eq!(
            anonymous
                .get(&format!("/api/v1/grants/applications/{submitted}"))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_organiser_applies_on_the_page_and_the_municipality_decides_once() {
    for app in TestApp::all().await {
        let (open, closed) = calls(&app).await;
        without_required_documents(&app, open).await;
        let club = app.demo.org("assoc-seniorklub").expect("club").to_string();
        let mut organiser = app.logged_in(ORGANISER).await;
        let form = [
            ("organisation", club.as_str()),
            ("title", "Gåture med kaffe"),
            ("activities[0].title", "Gåhold"),
            ("activities[0].expected_participants", "15"),
            ("budget_lines[0].text", "Kaffe og boller"),
            ("budget_lines[0].amount_ore", "4.000"),
            ("budget_lines[1].text", "Regnslag"),
            ("budget_lines[1].amount_ore", "1500,50"),
            ("amount_applied_ore", "5.000"),
            ("answers[0]", "Vi banker på"),
            ("intent", "submit"),
        ];
        let r = organiser
            .post_form(&format!("/grants/calls/{open}/apply"), &form)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = organiser.get(&local(r.location())).await;
        assert!(page.text.contains("Ansøgningen er indsendt"));
        assert!(
            page.text.contains("5.500,50 kr."),
            "the budget's total, computed"
        );
        let id: i64 = r
            .location()
            .trim_start_matches("/grants/applications/")
            .split('?')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("id");

        // Too late for last year's call: refused, naming why, and the draft is kept.
        let r = organiser
            .post_form(&format!("/grants/calls/{closed}/apply"), &form)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Fristen er overskredet"));
        assert!(
            r.text.contains("Gåture med kaffe"),
            "what was typed is still in the form"
        );
        let kept = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS n FROM grant_application WHERE call_id = $1 AND title = $2 AND status = 'draft'",
                naboskab_store::params![closed, "Gåture med kaffe"],
            )
            .await
            .expect("count")
            .i64("n")
            .expect("n");
        assert_eq!(kept, 1, "the draft is saved");

        let mut officer = app.logged_in(OFFICER).await;
        let review = officer
            .get(&format!(
                "/grants/calls/{open}/applications?status=submitted"
            ))
            .await;
        assert_eq!(review.status, StatusCode::OK);
        assert!(review.text.contains("Gåture med kaffe"));
        assert!(
            !review.text.contains("Lektiecafé og læseklub"),
            "the draft is filtered out"
        );
        let over = officer
            .post_form(
                &format!("/grants/applications/{id}/decide"),
                &[("decision", "grant"), ("amount", "5.000,01")],
            )
            .await;
        assert_eq!(
            over.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "more than applied for"
        );
        let granted = officer
            .post_form(
                &format!("/grants/applications/{id}/decide"),
                &[
                    ("decision", "grant"),
                    ("amount", "4.000"),
                    ("note", "Godt initiativ"),
                ],
            )
            .await;
        assert_eq!(granted.status, StatusCode::SEE_OTHER, "{}", granted.text);
        let again = officer
            .post_form(
                &format!("/grants/applications/{id}/decide"),
                &[("decision", "refuse"), ("reason", "Fortrudt")],
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT, "decided once");
        let csv = officer
            .get(&format!("/grants/calls/{open}/applications.csv"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.text.contains("Gåture med kaffe"));
        assert!(
            csv.text.contains("\"5.500,50 kr.\""),
            "the export's amounts are the page's: {}",
            csv.text
        );
        assert!(
            csv.text.contains("Vi banker på"),
            "the answers to the questions"
        );
        let xlsx = officer
            .get(&format!(
                "/grants/calls/{open}/applications.xlsx?status=granted"
            ))
            .await;
        assert_eq!(xlsx.status, StatusCode::OK);
        let cells = xlsx_text(&xlsx.bytes);
        assert!(
            cells.contains("Gåture med kaffe") && cells.contains("4.000,00 kr."),
            "{cells}"
        );
        assert!(
            !cells.contains("Lektiecafé og læseklub"),
            "filtered to the granted"
        );
        assert_eq!(
            organiser
                .get(&format!("/grants/calls/{open}/applications.csv"))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "the committee's export is the municipality's"
        );
        let (letter, link) = last_mail(app.db(), ORGANISER).await;
        assert!(letter.contains("4.000,00 kr."), "{letter}");
        assert!(letter.contains("Godt initiativ"));
        assert!(link.ends_with(&format!("/grants/applications/{id}")));
        let page = organiser.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains("Bevilget"));
        assert!(
            !page
                .text
                .contains(&format!("/grants/applications/{id}/edit")),
            "a decided application is no longer the applicant's to change"
        );
        let audit = naboskab_store::audit::rows_about(app.db(), "grant_application", id)
            .await
            .expect("audit");
        assert_eq!(
            audit.last().map(|r| (r.action.as_str(), r.actor_user_id)),
            Some(("granted", app.demo.user(OFFICER)))
        );

        // After the year: the organiser reports what was spent; the rest is to be paid back.
        // The club's host recorded two and a half hours in the call's year.
        let host = app
            .db()
            .query_one(
                "SELECT MIN(v.id) AS id FROM volunteer v JOIN offer o ON o.id = v.offer_id WHERE o.title = 'Seniorklubbens torsdagscafé' AND v.role = 'host'",
                vec![],
            )
            .await
            .expect("demo volunteer")
            .i64("id")
            .expect("id");
        naboskab_store::volunteering::record_hours(app.db(), host, "2027-03-04", 150, None, T0)
            .await
            .expect("hours");
        let form = organiser
            .get(&format!("/grants/applications/{id}/report"))
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.text.contains("fremmøder"),
            "the attendance seen is suggested"
        );
        assert!(
            form.text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("1 frivillig gav 2,5 timer på aktiviteterne"),
            "the volunteers' hours in the call's year feed the report"
        );
        let path = format!("/grants/applications/{id}/report");
        let missing = organiser
            .post_form(
                &path,
                &[
                    ("spent[0]", "3.000"),
                    ("spent[1]", "500"),
                    ("participants", "12"),
                ],
            )
            .await;
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            missing.text.contains("field-narrative"),
            "the narrative is named"
        );
        assert!(
            missing.text.contains("value=\"3.000\""),
            "what was typed is kept"
        );
        let report = [
            ("spent[0]", "3.000"),
            ("spent[1]", "500"),
            ("participants", "12"),
            ("narrative", "Vi gik hver onsdag, også i regn."),
        ];
        let done = organiser.post_form(&path, &report).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
        let page = organiser.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains("Afrapporteret"));
        assert!(page.text.contains("3.500,00 kr."), "spent in all");
        assert!(
            page.text.contains("500,00 kr."),
            "granted 4.000, spent 3.500"
        );
        assert_eq!(
            organiser.post_form(&path, &report).await.status,
            StatusCode::CONFLICT,
            "a report is made once"
        );
        assert_eq!(
            officer.get(&path).await.status,
            StatusCode::FORBIDDEN,
            "the report is the applicant's"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_municipality_scores_the_criteria_and_keeps_notes_only_it_reads() {
    for app in TestApp::all().await {
        let (open, _) = calls(&app).await;
        let id = demo_application(&app, open, "submitted").await;
        let path = format!("/grants/applications/{id}/review");
        let mut officer = app.logged_in(OFFICER).await;
        let page = officer.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains("Kommunens vurdering"));
        assert!(
            page.text.contains("Realistisk budget (0–5)"),
            "the call's criteria"
        );
        let bad = officer
            .post_form(
                &path,
                &[
                    ("score[0]", "4"),
                    ("score[3]", "9"),
                    ("review_note", "Stærk forankring i afdelingen"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("Vælg et point fra 0 til 5."));
        assert!(
            bad.text.contains("Stærk forankring i afdelingen"),
            "the note typed is kept"
        );
        let empty = officer.post_form(&path, &[]).await;
        assert_eq!(
            empty.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing to save"
        );
        let ok = officer
            .post_form(
                &path,
                &[
                    ("score[0]", "4"),
                    ("score[1]", ""),
                    ("score[2]", "3"),
                    ("score[3]", "5"),
                    ("review_note", "Stærk forankring i afdelingen"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text);
        let page = officer.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains("<strong>12/20</strong>"));
        assert!(page.text.contains("Stærk forankring i afdelingen"));
        let list = officer
            .get(&format!("/grants/calls/{open}/applications"))
            .await;
        let cells = list.select_text("td.num");
        let at = cells
            .iter()
            .position(|c| c == "12/20")
            .expect("the points in the list");
        assert_eq!(
            cells[at + 1..at + 5],
            ["4", "–", "3", "5"],
            "each criterion's score follows, in the call's order"
        );
        assert!(
            list.text.contains("Realistisk budget"),
            "the criteria head their columns"
        );
        let csv = officer
            .get(&format!("/grants/calls/{open}/applications.csv"))
            .await;
        assert!(
            csv.text.contains("12/20,4,–,3,5"),
            "the committee's export has the points and each score: {}",
            csv.text
        );
        assert!(
            csv.text
                .lines()
                .next()
                .unwrap_or_default()
                .contains("Realistisk budget")
        );

        // The applicant and the housing organisation read the application, not the review.
        for email in [ORGANISER, "boligorganisation@demo.naboskab.dk"] {
            let mut reader = app.logged_in(email).await;
            let page = reader.get(&format!("/grants/applications/{id}")).await;
            assert_eq!(page.status, StatusCode::OK, "{email}");
            assert!(!page.text.contains("Stærk forankring"), "{email}");
            assert!(!page.text.contains("12/20"), "{email}");
            let r = reader.post_form(&path, &[("score[0]", "5")]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
        }
        let audit = naboskab_store::audit::rows_about(app.db(), "grant_application", id)
            .await
            .expect("audit");
        assert_eq!(
            audit.last().map(|r| (r.action.as_str(), r.actor_user_id)),
            Some(("review", app.demo.user(OFFICER)))
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_call_takes_only_the_applicants_it_is_open_to() {
    for app in TestApp::all().await {
        let (open, last_year) = calls(&app).await;
        let dep = app.demo.org("dep-norreparken").expect("department");
        let mut board = bearer(&app, "bestyrelse@demo.naboskab.dk").await;
        let r = post_json(
            &mut board,
            "/api/v1/grants/applications",
            &application(last_year, dep),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(fields_named(&r), ["organisation_id"]);
        assert!(r.text.contains("afdelingsbestyrelser"), "{}", r.text);
        let r = post_json(
            &mut board,
            "/api/v1/grants/applications",
            &application(open, dep),
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "this year's call is open to department boards: {}",
            r.text
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_large_grant_is_reported_with_certified_accounts_after_a_reminder() {
    for app in TestApp::all().await {
        let (open, _) = calls(&app).await;
        let id = demo_application(&app, open, "submitted").await;
        let mut officer = app.logged_in(OFFICER).await;
        let call_page = officer.get(&format!("/grants/calls/{open}")).await;
        assert!(call_page.text.contains("Frist for rapport"));
        let r = officer
            .post_form(
                &format!("/grants/applications/{id}/decide"),
                &[("decision", "grant"), ("amount", "50.000"), ("note", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);

        // Thirteen months on, the report is due within two weeks: one reminder, once.
        app.clock.advance(390 * 86_400);
        assert_eq!(
            naboskab_app::grants::reports::remind_due(&app.state.app)
                .await
                .expect("remind"),
            1
        );
        assert_eq!(
            naboskab_app::grants::reports::remind_due(&app.state.app)
                .await
                .expect("again"),
            0,
            "reminded once"
        );
        let (body, link) = last_mail(app.db(), ORGANISER).await;
        assert!(
            body.contains(
                "Rapporten om \"Fællesspisning hver tirsdag i Nørreparken\" skal være sendt senest"
            ),
            "{body}"
        );
        assert_eq!(local(&link), format!("/grants/applications/{id}/report"));

        let mut organiser = app.logged_in(ORGANISER).await;
        let path = format!("/grants/applications/{id}/report");
        let form = organiser.get(&path).await;
        assert!(form.text.contains("Regnskabet er revideret"));
        let report = [
            ("spent[0]", "30.000"),
            ("spent[1]", "20.000"),
            ("spent[2]", "0"),
            ("participants", "40"),
            ("narrative", "Fællesspisning hver tirsdag hele året."),
        ];
        let r = organiser.post_form(&path, &report).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Bevillingen kræver revideret regnskab"));
        let mut certified = report.to_vec();
        certified.push(("accounts_certified", "yes"));
        let r = organiser.post_form(&path, &certified).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = organiser.get(&format!("/grants/applications/{id}")).await;
        assert!(page.text.contains("Revideret regnskab"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn answers_are_text_a_number_or_one_of_the_options_as_the_call_asks() {
    for app in TestApp::all().await {
        let (open, _) = calls(&app).await;
        let mut anonymous = app.client();
        let call = anonymous.get(&format!("/grants/calls/{open}")).await;
        assert!(
            call.text
                .contains("Hvor mange deltagere forventer I i alt? (et tal)")
        );
        assert!(
            call.text
                .contains("(Ugentligt · Hver anden uge · Månedligt)")
        );
        let club = app.demo.org("assoc-seniorklub").expect("club");
        let mut api = bearer(&app, ORGANISER).await;
        let mut body = application(open, club);
        body["answers"] = json!(["Opslag", "Fire frivillige", "mange", "Dagligt"]);
        let r = post_json(&mut api, "/api/v1/grants/applications", &body).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(fields_named(&r), ["answers[2]", "answers[3]"]);
        body["answers"] = json!(["Opslag", "Fire frivillige", "1.200", "Månedligt"]);
        let r = post_json(&mut api, "/api/v1/grants/applications", &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = r.json()["id"].as_i64().expect("id");
        let form = app
            .logged_in(ORGANISER)
            .await
            .get(&format!("/grants/applications/{id}/edit"))
            .await;
        assert_eq!(
            form.attr("select[name=\"answers[3]\"] option[selected]", "value")
                .as_deref(),
            Some("Månedligt"),
            "a choice is chosen from a list"
        );
        assert_eq!(
            form.attr("input[name=\"answers[2]\"]", "value").as_deref(),
            Some("1200")
        );
        app.cleanup().await;
    }
}
