//! Reach through HTTP: a social caretaker takes a "contact me" request, records consent, logs
//! contacts and follow-ups, withdraws consent and erases the record; nobody else reaches a
//! record (also not the caretaker of another housing organisation, nor a platform
//! administrator: SEC-02, SEC-03); every page that shows a record writes exactly one audit row,
//! and a failing audit write means the page shows nothing of the record (GDPR-05).

use crate::helpers::{TestApp, record_of};
use axum::http::StatusCode;
use naboskab_store::audit;
use naboskab_store::reach;

const CARETAKER: &str = "vicevaert@demo.naboskab.dk";

async fn reads_of(app: &TestApp, id: i64) -> usize {
    audit::rows_about(app.db(), reach::SUBJECT, id)
        .await
        .expect("audit")
        .iter()
        .filter(|r| r.action == "read")
        .count()
}

fn record_id(location: &str) -> i64 {
    location
        .trim_start_matches("/outreach/contacts/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a record page: {location}"))
}

#[tokio::test]
async fn a_caretaker_turns_a_request_into_a_record_under_consent_and_erases_it_on_request() {
    for app in TestApp::all().await {
        let mut c = app.logged_in(CARETAKER).await;
        let home = c.get("/outreach").await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(
            home.text.contains("Inger (fiktiv)"),
            "the demo request is listed"
        );
        assert!(home.text.contains("Forfaldne opfølgninger"));
        let take = home
            .attr("a[href^='/outreach/contacts/new?request=']", "href")
            .expect("take the request");
        let form = c.get(&take).await;
        assert_eq!(form.status, StatusCode::OK);
        assert_eq!(
            form.attr("#field-name", "value").as_deref(),
            Some("Inger (fiktiv)"),
            "filled in from the request"
        );
        let request = form
            .attr("input[name=request]", "value")
            .expect("request id");
        let dep = app.demo.org("dep-norreparken").expect("dep").to_string();
        let mut fields = vec![
            ("name", "Inger (fiktiv)"),
            ("department", dep.as_str()),
            ("phone", "20 00 99 99"),
            ("language", "da"),
            ("interest", "crafts"),
            ("weekday", "2"),
            ("sensitive", "loneliness"),
            ("method", "verbal"),
            ("request", request.as_str()),
        ];
        // No consent: refused, named, and what was typed is kept.
        let r = c.post_form("/outreach/contacts", &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("samtykke til registrering"), "{}", r.text);
        assert_eq!(
            r.attr("#field-phone", "value").as_deref(),
            Some("20 00 99 99")
        );
        // Registration only: the sensitive category is refused.
        fields.push(("consent", "registration"));
        let r = c.post_form("/outreach/contacts", &fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Følsomme oplysninger kræver"), "{}", r.text);
        assert!(
            r.html()
                .select(&scraper::Selector::parse("#sensitive-loneliness[checked]").expect("css"))
                .next()
                .is_some(),
            "the ticked box stays ticked"
        );
        fields.push(("consent", "sensitive"));
        let r = c.post_form("/outreach/contacts", &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let id = record_id(r.location());
        // The request's plain copy is gone from the caseload.
        let home = c.get("/outreach").await;
        assert!(!home.text.contains(&take), "the request is taken");
        let plain = app
            .db()
            .query_one(
                "SELECT name, phone, handled_at FROM contact_request WHERE id = $1",
                naboskab_store::params![request.parse::<i64>().expect("id")],
            )
            .await
            .expect("request row");
        assert_eq!(
            plain.string("name").expect("name"),
            "",
            "no plain copy of the name"
        );
        assert_eq!(plain.string("phone").expect("phone"), "");

        let before = reads_of(&app, id).await;
        let page = c.get(&format!("/outreach/contacts/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Ensomhed eller isolation"));
        assert_eq!(
            reads_of(&app, id).await,
            before + 1,
            "one audit row per read"
        );

        let r = c
            .post_form(
                &format!("/outreach/contacts/{id}/log"),
                &[
                    ("kind", "visit"),
                    ("date", "2026-11-17"),
                    ("minutes", "30"),
                    ("note", "Vil gerne med i strikkeklubben"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let r = c
            .post_form(
                &format!("/outreach/contacts/{id}/log"),
                &[("kind", "visit"), ("date", "2031-01-01")],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a date ahead is refused"
        );
        let r = c
            .post_form(
                &format!("/outreach/contacts/{id}/followups"),
                &[
                    ("due", "2026-11-20"),
                    ("what", "Følg hende til strikkeklubben"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = c.get(&format!("/outreach/contacts/{id}")).await;
        assert!(page.text.contains("Vil gerne med i strikkeklubben"));
        assert!(page.text.contains("Følg hende til strikkeklubben"));
        let done = page
            .attr("form[action$='/done']", "action")
            .expect("a follow-up to tick off");
        assert_eq!(c.post_form(&done, &[]).await.status, StatusCode::SEE_OTHER);

        // Withdrawing the sensitive consent removes the category.
        let r = c
            .post_form(
                &format!("/outreach/contacts/{id}/consents/withdraw"),
                &[("scope", "sensitive")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = c.get(&format!("/outreach/contacts/{id}")).await;
        assert!(!page.text.contains("Ensomhed eller isolation"));

        // Erasure on request: gone, and only the fact stays in the audit log.
        let r = c
            .post_form(&format!("/outreach/contacts/{id}/erase"), &[])
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "erasure must be confirmed"
        );
        let r = c
            .post_form(
                &format!("/outreach/contacts/{id}/erase"),
                &[("confirm", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            c.get(&format!("/outreach/contacts/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        let trail = audit::rows_about(app.db(), reach::SUBJECT, id)
            .await
            .expect("audit");
        assert!(trail.iter().any(|r| r.action == "erase"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn nobody_but_the_holding_organisations_caretakers_reaches_a_record() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        let other = record_of(&app, "org-vestegn").await;
        let mut c = app.logged_in(CARETAKER).await;
        assert_eq!(
            c.get(&format!("/outreach/contacts/{other}")).await.status,
            StatusCode::NOT_FOUND,
            "another housing organisation's record (SEC-03), answered as a missing one"
        );
        let home = c.get("/outreach").await;
        let vestegn_name = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM outreach_contact WHERE housing_org_id = $1",
                naboskab_store::params![app.demo.org("org-vestegn").expect("org")],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert!(vestegn_name > 0, "the demo has records elsewhere");
        let listed = home.select_text("table.data tbody tr").len() as i64;
        let own_count = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM outreach_contact WHERE housing_org_id = $1",
                naboskab_store::params![app.demo.org("org-taastrup").expect("org")],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(
            listed, own_count,
            "the caseload lists only the own organisation's"
        );
        let before = reads_of(&app, own).await;
        for who in [
            "beboer@demo.naboskab.dk",
            "bestyrelse@demo.naboskab.dk",
            "boligorganisation@demo.naboskab.dk",
            "kommune@demo.naboskab.dk",
            "admin@demo.naboskab.dk",
        ] {
            let mut c = app.logged_in(who).await;
            for path in [
                "/outreach".to_owned(),
                format!("/outreach/contacts/{own}"),
                format!("/outreach/contacts/{own}/edit"),
            ] {
                let r = c.get(&path).await;
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} {path}");
                assert!(!r.text.contains("(fiktiv)"), "{who} {path}");
            }
        }
        assert_eq!(
            reads_of(&app, own).await,
            before,
            "refused requests read nothing"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_failing_audit_write_shows_nothing_of_the_record() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        let mut c = app.logged_in(CARETAKER).await;
        let page = c.get(&format!("/outreach/contacts/{own}/edit")).await;
        assert_eq!(page.status, StatusCode::OK);
        let name = page.attr("#field-name", "value").expect("name");
        app.db()
            .execute_unchecked("ALTER TABLE audit_log RENAME TO audit_log_away")
            .await
            .expect("rename");
        for path in [
            "/outreach".to_owned(),
            format!("/outreach/contacts/{own}"),
            format!("/outreach/contacts/{own}/edit"),
        ] {
            let r = c.get(&path).await;
            assert!(r.status.is_server_error(), "{path}: {}", r.status);
            assert!(!r.text.contains(&name), "{path} showed the record");
        }
        app.db()
            .execute_unchecked("ALTER TABLE audit_log_away RENAME TO audit_log")
            .await
            .expect("rename back");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_record_suggests_offers_that_fit_with_reasons_and_never_ones_for_another_age() {
    for app in TestApp::all().await {
        let mut c = app.logged_in(CARETAKER).await;
        let dep = app.demo.org("dep-sondergaarden").expect("dep").to_string();
        let r = c
            .post_form(
                "/outreach/contacts",
                &[
                    ("name", "Ayşe (fiktiv)"),
                    ("department", dep.as_str()),
                    ("language", "tr"),
                    ("interest", "language"),
                    ("weekday", "4"),
                    ("age_group", "elderly"),
                    ("need", "step_free"),
                    ("consent", "registration"),
                    ("method", "verbal"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = c.get(r.location()).await;
        let items = page.select_text("section[aria-labelledby=suggestions-heading] li");
        assert!(!items.is_empty(), "{}", page.text);
        let first = items[0].replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            first.contains("Sprogcafé"),
            "the shared interest nearby first: {first}"
        );
        assert!(first.contains("foregår på Türkçe"), "{first}");
        assert!(first.contains("torsdag"), "{first}");
        assert!(first.contains("Uden trapper"), "{first}");
        for i in &items {
            assert!(
                !i.contains("Ungeklub") && !i.contains("Fodbold for unge"),
                "an offer for the young suggested to someone of 65+: {i}"
            );
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_export_holds_all_of_the_persons_data_and_who_looked_and_nothing_of_others() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        let mut c = app.logged_in(CARETAKER).await;
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let name = page.select_text("h1 bdi").join("");
        let other = app
            .db()
            .query_one(
                "SELECT MAX(id) AS max FROM outreach_contact WHERE housing_org_id = $1",
                naboskab_store::params![app.demo.org("org-taastrup").expect("org")],
            )
            .await
            .expect("another")
            .i64("max")
            .expect("id");
        let other_name = c
            .get(&format!("/outreach/contacts/{other}"))
            .await
            .select_text("h1 bdi")
            .join("");
        assert_ne!(name, other_name);
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/log"),
                &[
                    ("kind", "phone"),
                    ("date", "2026-11-18"),
                    ("note", "Eksportkanariefugl"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let exports_before = audit::rows_about(app.db(), reach::SUBJECT, own)
            .await
            .expect("audit")
            .len();
        let r = c
            .get(&format!("/outreach/contacts/{own}/export.json"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.header("content-disposition").contains("attachment"));
        let json = r.json();
        assert_eq!(json["record"]["profile"]["name"], name.as_str());
        assert!(
            r.text.contains("Eksportkanariefugl"),
            "the contact log is in it"
        );
        assert!(!r.text.contains(&other_name), "nothing of anyone else");
        let access = json["access_log"].as_array().expect("access log");
        assert!(access.iter().any(|a| a["action"] == "read"
            && a["role"] == "social_caretaker"
            && a["purpose"] == "follow-up"));
        assert_eq!(
            access.last().map(|a| a["action"].clone()),
            Some(serde_json::json!("export")),
            "the export itself is logged"
        );
        assert_eq!(
            audit::rows_about(app.db(), reach::SUBJECT, own)
                .await
                .expect("audit")
                .len(),
            exports_before + 1,
            "one audit row for the export"
        );
        let page = c.get(&format!("/outreach/contacts/{own}/export")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Eksportkanariefugl"));
        assert!(
            page.text
                .contains("Hvem har set eller ændret oplysningerne")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_referral_is_followed_from_sign_up_to_attendance_and_a_no_gets_a_follow_up() {
    for app in TestApp::all().await {
        let own = record_of(&app, "org-taastrup").await;
        // An activity whose next time takes sign-ups (with room for one more).
        let (offer, starts) = crate::helpers::activity_with_room(&app).await;
        let mut c = app.logged_in(CARETAKER).await;
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/referrals"),
                &[("offer_id", offer.to_string().as_str()), ("sign_up", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert!(
            r.location().contains("referred-signed-up"),
            "{}",
            r.location()
        );
        let signup = app
            .db()
            .query_one(
                "SELECT r.signup_id, s.first_time, s.assisted_by FROM outreach_referral r JOIN signup s ON s.id = r.signup_id WHERE r.contact_id = $1",
                naboskab_store::params![own],
            )
            .await
            .expect("the sign-up");
        assert!(
            signup.bool("first_time").expect("first"),
            "\"please welcome me\" is set"
        );
        assert!(
            signup.opt_i64("assisted_by").expect("by").is_some(),
            "signed up on their behalf"
        );
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        let referrals = page.select_text("section[aria-labelledby=referrals-heading] li");
        assert!(referrals[0].contains("tilmeldt"), "{referrals:?}");

        // The organiser checks the person in; after the time the referral says they came.
        naboskab_store::join::set_present(app.db(), signup.i64("signup_id").expect("id"), true)
            .await
            .expect("check-in");
        app.clock.advance(starts - crate::helpers::T0 + 86_400);
        let mut c = app.logged_in(CARETAKER).await;
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        let referrals = page.select_text("section[aria-labelledby=referrals-heading] li");
        assert!(referrals[0].contains("kom"), "{referrals:?}");
        assert!(!referrals[0].contains("kom ikke"), "{referrals:?}");

        // A suggestion the person turns down gets a follow-up to ask why.
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/referrals"),
                &[("offer_id", offer.to_string().as_str())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let referral = app
            .db()
            .query_one(
                "SELECT MAX(id) AS max FROM outreach_referral WHERE contact_id = $1",
                naboskab_store::params![own],
            )
            .await
            .expect("referral")
            .i64("max")
            .expect("id");
        let r = c
            .post_form(
                &format!("/outreach/contacts/{own}/referrals/{referral}/answer"),
                &[("status", "declined")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page = c.get(&format!("/outreach/contacts/{own}")).await;
        assert!(page.text.contains("sagde nej"));
        assert!(
            page.text
                .contains("Spørg, hvorfor aktiviteten ikke passede")
        );

        // The numbers: every referral of the organisation's records counted once.
        let funnel = c.get("/outreach/funnel").await;
        assert_eq!(funnel.status, StatusCode::OK);
        assert!(funnel.text.contains("Ahmed Yilmaz"), "per caretaker");
        let mut foot: Vec<i64> = funnel
            .select_text("tfoot td")
            .iter()
            .map(|t| t.trim().parse::<i64>().expect("a count"))
            .collect();
        let totals = foot.pop().expect("the grand total");
        assert_eq!(foot.iter().sum::<i64>(), totals, "the outcomes add up");
        let referrals = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM outreach_referral r JOIN outreach_contact c ON c.id = r.contact_id WHERE c.housing_org_id = $1",
                naboskab_store::params![app.demo.org("org-taastrup").expect("org")],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(totals, referrals);
        app.cleanup().await;
    }
}
