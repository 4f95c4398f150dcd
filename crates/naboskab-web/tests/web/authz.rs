//! Every route × every role against the checked-in matrix (SEC-01). Routes come from the
//! router's own table, so a new route without a matrix line fails this test.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::collections::BTreeMap;

const ROLES: [&str; 8] = [
    "anonymous",
    "beboer@demo.naboskab.dk",
    "arrangoer@demo.naboskab.dk",
    "bestyrelse@demo.naboskab.dk",
    "vicevaert@demo.naboskab.dk",
    "boligorganisation@demo.naboskab.dk",
    "kommune@demo.naboskab.dk",
    "admin@demo.naboskab.dk",
];

fn matrix() -> BTreeMap<(String, String), Vec<String>> {
    include_str!("../authz_matrix.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(cols.len(), 2 + ROLES.len(), "bad matrix line: {l}");
            (
                (cols[0].to_owned(), cols[1].to_owned()),
                cols[2..].iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect()
}

fn outcome(path: &str, status: StatusCode, location: &str) -> &'static str {
    if status == StatusCode::FORBIDDEN {
        "deny"
    } else if (status == StatusCode::SEE_OTHER && location.starts_with("/login?next="))
        || (status == StatusCode::UNAUTHORIZED && path.starts_with("/api/"))
    {
        "login"
    } else {
        "allow"
    }
}

#[tokio::test]
async fn every_route_for_every_role_matches_the_matrix() {
    for app in TestApp::all().await {
        let expected = matrix();
        let routes: Vec<(String, String)> = naboskab_web::routes::app_routes()
            .iter()
            .map(|r| (r.method.to_owned(), r.path.to_owned()))
            .collect();
        for r in &routes {
            assert!(
                expected.contains_key(r),
                "route {} {} is not in tests/authz_matrix.txt",
                r.0,
                r.1
            );
        }
        for k in expected.keys() {
            assert!(
                routes.contains(k),
                "matrix names {} {}, which the router does not have",
                k.0,
                k.1
            );
        }
        let dep = app.demo.org("dep-norreparken").expect("dep").to_string();
        let dining = app
            .db()
            .query_one(
                "SELECT MIN(o.id) AS min FROM occurrence o JOIN offer f ON f.id = o.offer_id WHERE f.title = $1",
                naboskab_store::params!["Fællesspisning i fælleshuset"],
            )
            .await
            .expect("demo occurrence")
            .i64("min")
            .expect("id")
            .to_string();
        let room = app
            .db()
            .query_one(
                "SELECT MIN(id) AS min FROM room WHERE department_id = $1",
                naboskab_store::params![app.demo.org("dep-norreparken").expect("dep")],
            )
            .await
            .expect("demo room")
            .i64("min")
            .expect("id")
            .to_string();
        let every_room: Vec<i64> = app
            .db()
            .query("SELECT id FROM room", vec![])
            .await
            .expect("rooms")
            .iter()
            .map(|r| r.i64("id").expect("id"))
            .collect();
        let party = naboskab_store::gather::bookings_of_rooms(
            app.db(),
            &every_room,
            0,
            i64::MAX / 2,
            &[
                naboskab_store::gather::BookingStatus::Requested,
                naboskab_store::gather::BookingStatus::Confirmed,
            ],
        )
        .await
        .expect("demo bookings")
        .into_iter()
        .find(|b| b.title == "Fatimas fødselsdag")
        .expect("demo booking")
        .id
        .to_string();
        let taastrup = app.demo.org("org-taastrup").expect("housing organisation");
        let (contact, followup) = {
            let r = app
                .db()
                .query_one(
                    "SELECT c.id, MIN(f.id) AS min FROM outreach_contact c JOIN outreach_followup f ON f.contact_id = c.id WHERE c.housing_org_id = $1 GROUP BY c.id ORDER BY c.id LIMIT 1",
                    naboskab_store::params![taastrup],
                )
                .await
                .expect("demo outreach record");
            (
                r.i64("id").expect("id").to_string(),
                r.i64("min").expect("follow-up").to_string(),
            )
        };
        let open_call = app
            .db()
            .query_one("SELECT MAX(id) AS max FROM grant_call", vec![])
            .await
            .expect("demo grant call")
            .i64("max")
            .expect("id")
            .to_string();
        let application = app
            .db()
            .query_one(
                "SELECT MIN(a.id) AS min FROM grant_application a WHERE a.call_id = $1 AND a.status = 'submitted'",
                naboskab_store::params![open_call.parse::<i64>().expect("id")],
            )
            .await
            .expect("demo grant application")
            .i64("min")
            .expect("id")
            .to_string();
        let document = app
            .db()
            .query_one(
                "SELECT MIN(id) AS min FROM grant_document WHERE application_id = $1",
                naboskab_store::params![application.parse::<i64>().expect("id")],
            )
            .await
            .expect("demo grant document")
            .i64("min")
            .expect("id")
            .to_string();
        let partnership = app
            .db()
            .query_one(
                "SELECT MIN(p.id) AS min FROM partnership p JOIN partnership_party pp ON pp.partnership_id = p.id WHERE pp.organisation_id = $1",
                naboskab_store::params![dep.parse::<i64>().expect("id")],
            )
            .await
            .expect("demo partnership")
            .i64("min")
            .expect("id")
            .to_string();
        let survey_round = app
            .db()
            .query_one(
                "SELECT id FROM survey_round WHERE title = 'Trivselsundersøgelse 2026'",
                vec![],
            )
            .await
            .expect("demo survey round")
            .i64("id")
            .expect("id")
            .to_string();
        let mut surprises = Vec::new();
        let mut checked = 0;
        for ((method, pattern), outcomes) in &expected {
            let path = pattern
                .replace("{code}", "0169")
                .replace("{token}", "no-such-link")
                .replace("{followup}", &followup)
                .replace("{referral}", "999999")
                .replace("{volunteer}", "999999")
                .replace(
                    "{document}",
                    if method == "GET" { &document } else { "999999" },
                )
                .replace(
                    "{id}",
                    if pattern.contains("tokens") || method == "DELETE" {
                        // No such object: nothing is deleted while the matrix runs.
                        "999999"
                    } else if pattern.starts_with("/occurrences/") {
                        &dining
                    } else if pattern.starts_with("/rooms/")
                        || pattern.starts_with("/api/v1/rooms/")
                    {
                        &room
                    } else if pattern.starts_with("/outreach/contacts/")
                        || pattern.starts_with("/api/v1/outreach/contacts/")
                    {
                        &contact
                    } else if pattern.starts_with("/grants/calls/") {
                        &open_call
                    } else if pattern.starts_with("/partnerships/") {
                        &partnership
                    } else if pattern.starts_with("/surveys/")
                        || pattern.starts_with("/api/v1/surveys/")
                    {
                        &survey_round
                    } else if pattern.starts_with("/grants/applications/")
                        || pattern.starts_with("/api/v1/grants/applications/")
                    {
                        &application
                    } else if pattern.starts_with("/bookings/")
                        || pattern.starts_with("/api/v1/bookings/")
                    {
                        &party
                    } else {
                        &dep
                    },
                );
            for (role, want) in ROLES.iter().zip(outcomes) {
                let mut c = app.client();
                if *role != "anonymous" {
                    let user = app.demo.user(role).expect("demo user");
                    let cookie = naboskab_web::accounts::start_session(&app.state, user, None)
                        .await
                        .expect("session");
                    let (k, v) = cookie
                        .split(';')
                        .next()
                        .and_then(|kv| kv.split_once('='))
                        .expect("cookie");
                    c.cookies.insert(k.to_owned(), v.to_owned());
                    // The matrix is about roles; the second factor has its own tests.
                    naboskab_store::users::mark_second_factor(
                        app.db(),
                        &naboskab_web::security::hash_token(v),
                        0,
                    )
                    .await
                    .expect("second factor");
                }
                let token = c.csrf("/login").await;
                let req = match method.as_str() {
                    "GET" => Request::get(&path).body(Body::empty()),
                    "DELETE" => Request::delete(&path)
                        .header("x-csrf-token", &token)
                        .body(Body::empty()),
                    _ => Request::post(&path)
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .body(Body::from(format!("csrf_token={token}"))),
                }
                .expect("request");
                let r = c.send(req).await;
                assert!(
                    !r.status.is_server_error(),
                    "{method} {path} as {role}: {}",
                    r.status
                );
                let got = outcome(&path, r.status, r.location());
                if got != want {
                    surprises.push(format!(
                        "{method} {path} as {role}: expected {want}, got {got} ({})",
                        r.status
                    ));
                }
                checked += 1;
            }
        }
        assert!(
            surprises.is_empty(),
            "{} of {checked} checks differ:\n{}",
            surprises.len(),
            surprises.join("\n")
        );
        assert_eq!(checked, expected.len() * ROLES.len());
        app.cleanup().await;
    }
}
