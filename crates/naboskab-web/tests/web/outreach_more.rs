//! Reach beyond the caretaker's pages: the outreach API under the same policy and audit, the
//! platform administrator's logged look with a reason, referral counts for the housing
//! organisation, its boards and the municipality (small cells suppressed), and erasure that
//! takes the sign-ups a referral made with it.

use crate::helpers::{Client, TestApp, bearer_from, record_of};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_store::audit;
use naboskab_store::reach;

const CARETAKER: &str = "vicevaert@demo.naboskab.dk";
const ADMIN: &str = "admin@demo.naboskab.dk";

async fn audit_rows(app: &TestApp, id: i64) -> Vec<audit::AuditRow> {
    audit::rows_about(app.db(), reach::SUBJECT, id)
        .await
        .expect("audit")
}

async fn send_json(
    c: &mut Client,
    method: &str,
    path: &str,
    body: serde_json::Value,
) -> crate::helpers::Resp {
    c.send(
        Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

async fn signups_named(app: &TestApp, name: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT COUNT(*) AS count FROM signup WHERE name_index = $1",
            naboskab_store::params![
                naboskab_store::testing::test_sealing_key().blind_index("signup.name", name)
            ],
        )
        .await
        .expect("count")
        .i64("count")
        .expect("n")
}

#[tokio::test]
async fn the_outreach_api_does_what_the_pages_do_under_the_same_policy_and_audit() {
    for app in TestApp::all().await {
        // A token made in a session without the second factor does not reach outreach.
        let mut weak_session = app.password_only(CARETAKER).await;
        let mut weak = bearer_from(&mut weak_session, &app).await;
        let r = weak.get("/api/v1/outreach/contacts").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(r.json()["code"], "second_factor_needed");
        assert_eq!(weak.get("/api/v1/me").await.status, StatusCode::OK);

        let mut session = app.logged_in(CARETAKER).await;
        let mut api = bearer_from(&mut session, &app).await;
        let list = api.get("/api/v1/outreach/contacts").await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.text);
        let items = list.json()["items"].as_array().cloned().expect("items");
        assert!(items.len() >= 25, "the demo caseload: {}", items.len());
        assert!(items.iter().all(|i| i["fictitious"] == true));

        // Another housing organisation's record: refused as if missing, and not audited.
        let other = record_of(&app, "org-vestegn").await;
        let before = audit_rows(&app, other).await.len();
        let r = api.get(&format!("/api/v1/outreach/contacts/{other}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(audit_rows(&app, other).await.len(), before);

        // A sensitive category without its consent: 422 naming it; nothing stored.
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let mut person = serde_json::json!({
            "name": "Api Kanariefugl",
            "department_id": dep,
            "phone": "20 11 22 33",
            "languages": ["ar", "da"],
            "interests": ["crafts"],
            "weekdays": [2, 4],
            "sensitive": ["loneliness"],
            "consents": ["registration"],
            "consent_method": "verbal",
        });
        let r = send_json(
            &mut api,
            "POST",
            "/api/v1/outreach/contacts",
            person.clone(),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.json()["errors"][0]["field"], "sensitive");
        person["consents"] = serde_json::json!(["registration", "sensitive"]);
        let r = send_json(&mut api, "POST", "/api/v1/outreach/contacts", person).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let made = r.json();
        let id = made["id"].as_i64().expect("id");
        assert_eq!(made["profile"]["sensitive"][0], "loneliness");
        assert_eq!(made["consents"].as_array().map(Vec::len), Some(2));

        let r = api.get(&format!("/api/v1/outreach/contacts/{id}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["profile"]["name"], "Api Kanariefugl");

        let r = api
            .get(&format!("/api/v1/outreach/contacts/{id}/suggestions"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let suggestions = r.json()["items"].as_array().cloned().expect("items");
        assert!(!suggestions.is_empty());
        assert!(
            suggestions[0]["reasons"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "each suggestion says why"
        );

        let offer = crate::helpers::activity_with_room(&app).await.0;
        let r = send_json(
            &mut api,
            "POST",
            &format!("/api/v1/outreach/contacts/{id}/referrals"),
            serde_json::json!({ "offer_id": offer, "sign_up": true, "buddy": "Naboen Hanne" }),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let referral = r.json();
        assert_eq!(referral["outcome"], "signed_up");
        assert_eq!(referral["buddy"], "Naboen Hanne");
        let r = api
            .get(&format!("/api/v1/outreach/contacts/{id}/referrals"))
            .await;
        assert_eq!(r.json()["items"][0]["id"], referral["id"]);

        let r = api
            .get(&format!("/api/v1/outreach/contacts/{id}/export"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let export = r.json();
        assert_eq!(export["record"]["profile"]["name"], "Api Kanariefugl");
        assert_eq!(
            export["record"]["referrals"][0]["buddy"], "Naboen Hanne",
            "who goes along is the person's data too"
        );
        assert!(!export.to_string().contains("Inger"), "nobody else's data");

        // Every call above that touched the record wrote exactly one row.
        let actions: Vec<String> = audit_rows(&app, id)
            .await
            .into_iter()
            .map(|a| a.action)
            .collect();
        assert_eq!(
            actions,
            [
                "create", "read", "read", "read", "read", "refer", "read", "read", "export"
            ],
            "create+read back, get, suggestions, referral (read, refer, read back), list, export"
        );

        // Erasure: 204, the record is gone, and so is the person's sign-up.
        assert_eq!(signups_named(&app, "Api Kanariefugl").await, 1);
        let r = api
            .send(
                Request::delete(format!("/api/v1/outreach/contacts/{id}"))
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text);
        assert_eq!(
            api.get(&format!("/api/v1/outreach/contacts/{id}"))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            signups_named(&app, "Api Kanariefugl").await,
            0,
            "the referral's sign-up went too"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_platform_administrator_sees_a_record_only_with_a_reason_that_is_logged() {
    for app in TestApp::all().await {
        let id = record_of(&app, "org-taastrup").await;
        let mut weak = app.password_only(ADMIN).await;
        let r = weak.get("/outreach/inspect").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().starts_with("/two-factor"), "{}", r.location());

        let mut admin = app.logged_in(ADMIN).await;
        assert_eq!(
            admin.get(&format!("/outreach/contacts/{id}")).await.status,
            StatusCode::FORBIDDEN,
            "not through the caretakers' pages"
        );
        let before = audit_rows(&app, id).await.len();
        let r = admin
            .post_form(
                "/outreach/inspect",
                &[("record", &id.to_string()), ("reason", "klage")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("mindst 20 tegn"), "the problem is named");
        assert_eq!(audit_rows(&app, id).await.len(), before, "nothing read");

        let reason = "Klage fra personen over registreringen, sag 2026-114";
        let r = admin
            .post_form(
                "/outreach/inspect",
                &[("record", &id.to_string()), ("reason", reason)],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert!(r.text.contains("(fiktiv)"), "the record is shown");
        assert!(r.text.contains(reason));
        assert!(
            !r.text.contains("/outreach/contacts/"),
            "read-only: no links into the caretakers' pages"
        );
        let rows = audit_rows(&app, id).await;
        assert_eq!(rows.len(), before + 1, "one audit row");
        let last = rows.last().expect("row");
        assert_eq!(last.action, "inspect");
        assert_eq!(last.actor_role, "platform_admin");
        assert_eq!(last.purpose, format!("inspection: {reason}"));

        // The person sees it in their export.
        let mut caretaker = app.logged_in(CARETAKER).await;
        let export = caretaker
            .get(&format!("/outreach/contacts/{id}/export.json"))
            .await
            .json();
        assert!(
            export["access_log"]
                .as_array()
                .expect("log")
                .iter()
                .any(|a| a["role"] == "platform_admin" && a["purpose"] == last.purpose)
        );
        // Caretakers cannot use the administrator's door.
        assert_eq!(
            caretaker.get("/outreach/inspect").await.status,
            StatusCode::FORBIDDEN
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn referral_counts_are_exact_for_the_organisation_and_suppressed_for_board_and_municipality()
{
    for app in TestApp::all().await {
        let taastrup = app.demo.org("org-taastrup").expect("org");
        let all = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM outreach_referral r JOIN outreach_contact c ON c.id = r.contact_id WHERE c.housing_org_id = $1",
                naboskab_store::params![taastrup],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert!(all >= 5);

        let mut hoa = app.logged_in("boligorganisation@demo.naboskab.dk").await;
        let page = hoa.get("/outreach/funnel").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let foot = page.select_text("tfoot td");
        assert_eq!(
            foot.last().map(String::as_str),
            Some(all.to_string().as_str()),
            "exact totals for the housing organisation: {foot:?}"
        );
        assert!(
            page.text.contains("Ahmed Yilmaz"),
            "per caretaker for the organisation"
        );

        let mut board = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        let page = board.get("/outreach/funnel").await;
        assert_eq!(page.status, StatusCode::OK);
        let cells = page.select_text("tbody td");
        assert!(!cells.is_empty());
        for c in &cells {
            let shown_small = c
                .parse::<i64>()
                .is_ok_and(|n| (1..reach_small_cell()).contains(&n));
            assert!(!shown_small, "no count from 1 to 4 is shown: {cells:?}");
        }
        assert!(!page.text.contains("Ahmed Yilmaz"), "no caretaker row");
        assert!(page.text.contains("under 5"));

        let mut municipality = app.logged_in("kommune@demo.naboskab.dk").await;
        let page = municipality.get("/outreach/funnel").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.select_text("tbody tr").len() <= 1, "one row at most");

        for who in ["beboer@demo.naboskab.dk", ADMIN] {
            let mut c = app.logged_in(who).await;
            assert_eq!(
                c.get("/outreach/funnel").await.status,
                StatusCode::FORBIDDEN,
                "{who}"
            );
        }
        assert_eq!(
            counts_audited(&app, "board_member").await,
            1,
            "the board's count is audited"
        );
        let by_administrator = counts_audited(&app, "housing_org_admin").await;
        assert_eq!(by_administrator, 1, "in the role that granted it");
        app.cleanup().await;
    }
}

/// Audit rows of referral counts written in `role`.
async fn counts_audited(app: &TestApp, role: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT COUNT(*) AS count FROM audit_log WHERE subject_type = $1 AND actor_role = $2",
            naboskab_store::params![reach::FUNNEL, role],
        )
        .await
        .expect("audit")
        .i64("count")
        .expect("n")
}

fn reach_small_cell() -> i64 {
    naboskab_domain::reach::SMALL_CELL
}

#[tokio::test]
async fn the_demo_shows_referrals_in_every_state_to_its_caretaker() {
    for app in TestApp::all().await {
        let taastrup = app.demo.org("org-taastrup").expect("org");
        let rows = reach::funnel(
            app.db(),
            &app.state.config.outreach_key,
            reach::CountScope::HousingOrgs(&[taastrup]),
            &audit::Auditor::system("test"),
            app.state.now(),
        )
        .await
        .expect("funnel");
        let mut counts = [0; 8];
        for r in rows {
            for (t, c) in counts.iter_mut().zip(r.counts) {
                *t += c;
            }
        }
        for (outcome, n) in naboskab_domain::reach::Outcome::ALL.iter().zip(counts) {
            if *outcome == naboskab_domain::reach::Outcome::SignedUp {
                continue; // only real time makes a sign-up wait for its day
            }
            assert!(n > 0, "no demo referral is {outcome:?}: {counts:?}");
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn suggestions_keep_to_a_hearing_loop_and_say_when_the_time_of_day_fits() {
    for app in TestApp::all().await {
        let mut session = app.logged_in(CARETAKER).await;
        let mut api = bearer_from(&mut session, &app).await;
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let r = send_json(
            &mut api,
            "POST",
            "/api/v1/outreach/contacts",
            serde_json::json!({
                "name": "Høreapparat (fiktiv)",
                "department_id": dep,
                "languages": ["da"],
                "interests": ["food", "crafts", "games", "culture", "music"],
                "day_parts": ["evening"],
                "needs": ["hearing_loop"],
                "consents": ["registration"],
                "consent_method": "verbal",
            }),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = r.json()["id"].as_i64().expect("id");
        let found = api
            .get(&format!("/api/v1/outreach/contacts/{id}/suggestions"))
            .await
            .json();
        let items = found["items"].as_array().cloned().expect("items");
        assert!(!items.is_empty(), "the demo has places with a hearing loop");
        for s in &items {
            let offer =
                naboskab_store::offers::offer(app.db(), s["offer_id"].as_i64().expect("id"))
                    .await
                    .expect("offer")
                    .expect("exists");
            assert!(offer.hearing_loop, "{} has no hearing loop", offer.title);
            let reasons = s["reasons"].to_string();
            assert!(reasons.contains("Teleslynge"), "{reasons}");
            let evening = naboskab_domain::reach::DayPart::of_when_text(&offer.when_text)
                == Some(naboskab_domain::reach::DayPart::Evening);
            assert_eq!(
                reasons.contains("om aftenen"),
                evening,
                "{}: {reasons}",
                offer.when_text
            );
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_referred_person_who_did_not_come_gets_a_follow_up_to_ask_why_once() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        let offer = crate::helpers::activity_with_room(&app).await.0;
        let mut c = app.logged_in(CARETAKER).await;
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/referrals"),
                &[("offer_id", offer.to_string().as_str()), ("sign_up", "1")],
            )
            .await;
        assert!(
            r.location().contains("referred-signed-up"),
            "{}",
            r.location()
        );
        let starts = app
            .db()
            .query_one(
                "SELECT o.starts_at FROM outreach_referral r JOIN occurrence o ON o.id = r.occurrence_id WHERE r.contact_id = $1 ORDER BY r.id DESC LIMIT 1",
                naboskab_store::params![own],
            )
            .await
            .expect("the time")
            .i64("starts_at")
            .expect("start");
        // Before the time has passed: nothing to ask.
        naboskab_app::jobs::follow_up_no_shows(&app.state.app)
            .await
            .expect("job");
        let asks = |page: &crate::helpers::Resp| {
            page.text
                .matches("Spørg, hvorfor det ikke blev til noget")
                .count()
        };
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        assert_eq!(asks(&page), 0);
        // A day after the time, without a check-in: one follow-up, and only one.
        app.clock.advance(starts - crate::helpers::T0 + 86_400 + 60);
        let mut c = app.logged_in(CARETAKER).await;
        let added = naboskab_app::jobs::follow_up_no_shows(&app.state.app)
            .await
            .expect("job");
        assert!(added >= 1, "{added}");
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        assert_eq!(asks(&page), 1, "the follow-up is on the record");
        let referrals = page.select_text("section[aria-labelledby=referrals-heading] li");
        assert!(referrals[0].contains("kom ikke"), "{referrals:?}");
        naboskab_app::jobs::follow_up_no_shows(&app.state.app)
            .await
            .expect("job");
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        assert_eq!(asks(&page), 1, "asked once");
        assert!(
            audit_rows(&app, own)
                .await
                .iter()
                .any(|a| a.actor_role == "system" && a.purpose == "no-show follow-up"),
            "the job's write is audited"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_caseload_lists_referrals_waiting_for_an_outcome_until_the_person_came() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        let (offer, starts) = crate::helpers::activity_with_room(&app).await;
        let mut c = app.logged_in(CARETAKER).await;
        let name = c
            .get(&format!("/outreach/contacts/{own}"))
            .await
            .select_text("main h1 bdi")
            .first()
            .cloned()
            .expect("the name");
        let waiting_for = |page: &crate::helpers::Resp| {
            page.select_text("section[aria-labelledby=waiting-heading] li")
                .into_iter()
                .filter(|l| l.contains(&name) && l.contains("tilmeldt"))
                .count()
        };
        assert_eq!(waiting_for(&c.get("/outreach").await), 0);
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/referrals"),
                &[("offer_id", offer.to_string().as_str()), ("sign_up", "1")],
            )
            .await;
        assert!(
            r.location().contains("referred-signed-up"),
            "{}",
            r.location()
        );
        let page = c.get("/outreach").await;
        assert_eq!(waiting_for(&page), 1, "signed up, waiting for the day");
        let signup = app
            .db()
            .query_one(
                "SELECT signup_id FROM outreach_referral WHERE contact_id = $1 AND signup_id IS NOT NULL",
                naboskab_store::params![own],
            )
            .await
            .expect("sign-up")
            .i64("signup_id")
            .expect("id");
        naboskab_store::join::set_present(app.db(), signup, true)
            .await
            .expect("check-in");
        app.clock.advance(starts - crate::helpers::T0 + 3_600);
        let mut c = app.logged_in(CARETAKER).await;
        assert_eq!(waiting_for(&c.get("/outreach").await), 0, "she came");
        app.cleanup().await;
    }
}
