//! Gather through HTTP: a resident books the fælleshus for a Saturday and the board approves it
//! (key instructions reach the resident), authorization across departments (SEC-02, SEC-03),
//! the rooms API (201, 409 naming the time, 422 naming the rule, Idempotency-Key), the room's
//! iCalendar feed read back with an independent parser, the administration's export (CSV and an
//! XLSX checked by Python's own zip and XML readers), room settings and use statistics.

use crate::helpers::{TestApp, last_mail, xlsx_text};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_domain::Role;
use naboskab_store::users;

async fn fælleshus(app: &TestApp) -> i64 {
    app.db()
        .query_one(
            "SELECT MIN(id) AS min FROM room WHERE department_id = $1",
            naboskab_store::params![app.demo.org("dep-norreparken").expect("dep")],
        )
        .await
        .expect("room")
        .i64("min")
        .expect("id")
}

async fn status_of(app: &TestApp, id: i64) -> String {
    app.db()
        .query_one(
            "SELECT status FROM booking WHERE id = $1",
            naboskab_store::params![id],
        )
        .await
        .expect("booking")
        .string("status")
        .expect("status")
}

fn booking_id(location: &str) -> i64 {
    location
        .trim_start_matches("/bookings/")
        .split('?')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a booking page: {location}"))
}

#[tokio::test]
async fn a_resident_books_the_party_room_and_the_board_approves() {
    for app in TestApp::all().await {
        let room = fælleshus(&app).await;
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        let page = resident
            .get(&format!("/rooms/{room}?week=2026-11-28"))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.text.contains("Fællesspisning"),
            "community use is shown by title"
        );
        // Missing the house rules and the age: both named, input kept.
        let form = [
            ("kind", "private"),
            ("date", "2026-11-28"),
            ("from", "12:00"),
            ("to", "01:00"),
            ("title", "Min fødselsdag"),
            ("attendees", "30"),
        ];
        let r = resident
            .post_form(&format!("/rooms/{room}/book"), &form)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("husordenen"), "{}", r.text);
        assert!(
            r.text.contains("value=\"Min fødselsdag\""),
            "the input is kept"
        );
        let mut full = form.to_vec();
        full.push(("rules_accepted", "1"));
        let r = resident
            .post_form(&format!("/rooms/{room}/book"), &full)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text.contains("mindst 21 år"),
            "the room's age rule is named: {}",
            r.text
        );
        full.push(("age_declared", "1"));
        let r = resident
            .post_form(&format!("/rooms/{room}/book"), &full)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let id = booking_id(r.location());
        assert_eq!(status_of(&app, id).await, "requested");
        let (body, link) = last_mail(app.db(), "beboer@demo.naboskab.dk").await;
        assert!(body.contains("Vi har modtaget din anmodning"), "{body}");
        assert!(link.ends_with(&format!("/bookings/{id}")), "{link}");
        // The department's board is told a request waits for it, with a link to decide.
        let (body, link) = last_mail(app.db(), "bestyrelse@demo.naboskab.dk").await;
        assert!(body.contains("beder om"), "{body}");
        assert!(body.contains("Min fødselsdag"), "{body}");
        assert!(link.ends_with(&format!("/bookings/{id}")), "{link}");
        // Another party the same month breaks the room's one-a-month rule.
        let r = resident
            .post_form(&format!("/rooms/{room}/book"), &full)
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("Du har allerede 1 booking"),
            "{}",
            r.text
        );

        // Others who do not manage the room do not even learn the booking exists.
        let mut organiser = app.logged_in("arrangoer@demo.naboskab.dk").await;
        assert_eq!(
            organiser.get(&format!("/bookings/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        // The resident cannot approve their own request (SEC-02).
        let r = resident
            .post_form(
                &format!("/bookings/{id}/decide"),
                &[("decision", "approve")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // A board member of another department cannot approve either (SEC-03).
        let other_board = users::user_by_email(app.db(), "bestyrelse@demo.naboskab.dk")
            .await
            .expect("user")
            .expect("board");
        let elsewhere = app.demo.org("dep-sondergaarden").expect("dep");
        let stranger = app.db();
        let u = users::create_user(
            stranger,
            &users::NewUser {
                email: "bestyrelse2@example.dk",
                display_name: "Anden bestyrelse",
                password_hash: other_board.password_hash.as_deref(),
                verified: true,
                locale: Some("da"),
            },
            crate::helpers::T0,
        )
        .await
        .expect("user");
        users::add_membership(
            stranger,
            u,
            elsewhere,
            Role::BoardMember,
            crate::helpers::T0,
        )
        .await
        .expect("membership");
        let mut board_b = app.logged_in("bestyrelse2@example.dk").await;
        let r = board_b
            .post_form(
                &format!("/bookings/{id}/decide"),
                &[("decision", "approve")],
            )
            .await;
        assert!(
            matches!(r.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{}",
            r.status
        );
        assert_eq!(status_of(&app, id).await, "requested");

        // The board of the room's department sees the request and approves it.
        let mut board = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        // A community activity at the same time is told the time is held, and may ask the
        // unapproved private request to give way (it does not here).
        let r = board
            .post_form(
                &format!("/rooms/{room}/book"),
                &[
                    ("kind", "community"),
                    ("date", "2026-11-28"),
                    ("from", "14:00"),
                    ("to", "16:00"),
                    ("rules_accepted", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(
            r.text.contains("En fællesaktivitet går forud"),
            "{}",
            r.text
        );
        let queue = board.get("/manage/bookings").await;
        assert!(
            queue.text.contains(&format!("/bookings/{id}")),
            "waiting for the board"
        );
        let r = board
            .post_form(&format!("/bookings/{id}/decide"), &[("decision", "reject")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a rejection needs a reason"
        );
        let r = board
            .post_form(
                &format!("/bookings/{id}/decide"),
                &[("decision", "approve")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(status_of(&app, id).await, "confirmed");
        let (body, _) = last_mail(app.db(), "beboer@demo.naboskab.dk").await;
        assert!(body.contains("er bekræftet"), "{body}");
        assert!(
            body.contains("2580"),
            "the key-box code is in the confirmation: {body}"
        );
        let mine = resident.get(&format!("/bookings/{id}")).await;
        assert!(
            mine.text.contains("2580") && mine.text.contains("Gulve fejet og vasket"),
            "key and cleaning list shown"
        );
        assert!(mine.text.contains("700,00"), "weekend price shown");
        // Deciding twice is a clean 409.
        let r = board
            .post_form(
                &format!("/bookings/{id}/decide"),
                &[("decision", "approve")],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        // After the party the board keeps part of the deposit, with a reason.
        let r = board
            .post_form(
                &format!("/bookings/{id}/deposit"),
                &[("withheld", "200"), ("reason", "Ovnen ikke rengjort")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = resident.get(&format!("/bookings/{id}")).await;
        assert!(page.text.contains("Ovnen ikke rengjort"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_rooms_api_books_answers_409_with_the_time_and_replays_a_key() {
    for app in TestApp::all().await {
        let room = fælleshus(&app).await;
        let mut c = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        let token = c.csrf("/manage/bookings").await;
        let post = |body: String, key: Option<&str>| {
            let mut r = Request::post("/api/v1/bookings")
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-csrf-token", token.as_str());
            if let Some(k) = key {
                r = r.header("idempotency-key", k);
            }
            r.body(Body::from(body)).expect("request")
        };
        let body = format!(
            r#"{{"room_id":{room},"kind":"community","start":"2026-11-30T10:00","end":"2026-11-30T12:00","title":"Kaffe og kage"}}"#
        );
        let r = c.send(post(body.clone(), Some("abc-1"))).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        let id = r.json()["id"].as_i64().expect("id");
        assert_eq!(r.json()["status"], "confirmed");
        assert_eq!(r.json()["start"], "2026-11-30T10:00:00+01:00");
        let again = c.send(post(body.clone(), Some("abc-1"))).await;
        assert_eq!(
            (again.status, again.json()["id"].as_i64()),
            (StatusCode::OK, Some(id)),
            "booked once"
        );
        let clash = c
            .send(post(
                body.replace("10:00", "11:00").replace("12:00", "13:00"),
                None,
            ))
            .await;
        assert_eq!(clash.status, StatusCode::CONFLICT, "{}", clash.text);
        assert_eq!(
            clash.json()["conflict"]["start"],
            "2026-11-30T10:00:00+01:00"
        );
        assert!(
            clash.json()["detail"]
                .as_str()
                .unwrap_or("")
                .contains("10.00"),
            "{}",
            clash.text
        );
        let early = c
            .send(post(
                body.replace("10:00", "06:00").replace("12:00", "07:00"),
                None,
            ))
            .await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            early.json()["errors"][0]["code"],
            "breach-opening-hours-plain"
        );
        let avail = c
            .get(&format!(
                "/api/v1/rooms/{room}/availability?from=2026-11-30&to=2026-12-01"
            ))
            .await;
        assert_eq!(avail.status, StatusCode::OK);
        let busy = avail.json()["busy"].as_array().cloned().unwrap_or_default();
        assert!(
            busy.iter().any(|b| b["title"] == "Kaffe og kage"),
            "{}",
            avail.text
        );
        let rooms = c.get("/api/v1/rooms").await;
        assert_eq!(rooms.json()["items"].as_array().map(Vec::len), Some(6));
        let mut anon = app.client();
        let r = anon
            .send(
                Request::post("/api/v1/bookings")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body))
                    .expect("req"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_room_feed_parses_and_keeps_private_bookers_private() {
    for app in TestApp::all().await {
        let room = fælleshus(&app).await;
        let r = app
            .client()
            .get(&format!("/rooms/{room}/calendar.ics"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.header("content-type").starts_with("text/calendar"));
        let cal = ical::IcalParser::new(std::io::BufReader::new(r.text.as_bytes()))
            .next()
            .expect("a calendar")
            .expect("parses");
        let summaries: Vec<String> = cal
            .events
            .iter()
            .filter_map(|e| {
                e.properties
                    .iter()
                    .find(|p| p.name == "SUMMARY")
                    .and_then(|p| p.value.clone())
            })
            .collect();
        assert!(summaries.iter().any(|s| s == "Fællesspisning"));
        assert!(
            summaries.iter().any(|s| s == "Bekræftet"),
            "private use only says booked"
        );
        assert!(
            !r.text.contains("Sølvbryllup") && !r.text.contains("Hanne"),
            "no private titles or names"
        );
        assert!(cal.events.iter().any(|e| {
            e.properties
                .iter()
                .any(|p| p.name == "STATUS" && p.value.as_deref() == Some("CANCELLED"))
        }));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_board_exports_private_bookings_and_configures_the_room() {
    for app in TestApp::all().await {
        let room = fælleshus(&app).await;
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            resident
                .get(&format!("/departments/{dep}/bookings.csv"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut board = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        let csv = board
            .get(&format!("/departments/{dep}/bookings.csv?month=2026-12"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.text.contains("Kirsten Dahl") && csv.text.contains("700.00"),
            "{}",
            csv.text
        );
        assert!(
            !csv.text.contains("Fællesspisning"),
            "only private use is exported"
        );
        let xlsx = board
            .get(&format!("/departments/{dep}/bookings.xlsx?month=2026-12"))
            .await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx_text(&xlsx.bytes).contains("Kirsten Dahl"));

        let use_page = board
            .get(&format!("/departments/{dep}/room-use?month=2026-11"))
            .await;
        assert_eq!(use_page.status, StatusCode::OK);
        assert!(use_page.text.contains(" %"), "community share shown");

        let settings = board.get(&format!("/rooms/{room}/settings")).await;
        assert_eq!(settings.status, StatusCode::OK);
        let r = board
            .post_form(
                &format!("/rooms/{room}/settings"),
                &[
                    ("name", "Festsalen"),
                    ("room_type", "party_room"),
                    ("key_method", "office"),
                    ("open_from", "08:00"),
                    ("open_until", "24:00"),
                    ("price_weekday", "abc"),
                    ("private_enabled", "1"),
                    ("private_bookers_residents", "1"),
                    ("private_max_hours", "6"),
                    ("private_approval", "staff"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a bad price is named"
        );
        assert!(r.text.contains("value=\"Festsalen\""), "input kept");
        let r = board
            .post_form(
                &format!("/rooms/{room}/settings"),
                &[
                    ("name", "Festsalen"),
                    ("room_type", "party_room"),
                    ("key_method", "office"),
                    ("open_from", "08:00"),
                    ("open_until", "24:00"),
                    ("price_weekday", "200"),
                    ("private_enabled", "1"),
                    ("private_bookers_residents", "1"),
                    ("private_max_hours", "6"),
                    ("private_approval", "staff"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let room_now = naboskab_store::gather::room(app.db(), room)
            .await
            .expect("read")
            .expect("room");
        let rule = room_now.rule(naboskab_domain::gather::BookingKind::Private);
        assert_eq!(
            (
                room_now.details.name.as_str(),
                room_now.details.price_weekday_ore,
                rule.max_minutes,
                rule.approval.as_str()
            ),
            ("Festsalen", 20_000, 360, "staff")
        );
        assert!(
            !room_now
                .rule(naboskab_domain::gather::BookingKind::Community)
                .enabled,
            "unticked kinds are closed"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_weekly_request_books_the_free_dates_and_lists_the_rest() {
    for app in TestApp::all().await {
        let room = fælleshus(&app).await;
        let mut board = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        // Thursdays 17:00–18:00 clash with the weekly community dinner from 17:30.
        let r = board
            .post_form(
                &format!("/rooms/{room}/book"),
                &[
                    ("kind", "community"),
                    ("date", "2026-11-23"),
                    ("from", "17:00"),
                    ("to", "18:00"),
                    ("title", "Lektiecafé"),
                    ("rules_accepted", "1"),
                    ("repeat_until", "2026-12-21"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{}",
            r.text
                .split("notice--error")
                .nth(1)
                .unwrap_or(r.text.split("error-summary").nth(1).unwrap_or(""))
        );
        assert!(
            r.text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("5 datoer er booket"),
            "{}",
            r.text
        );
        let r = board
            .post_form(
                &format!("/rooms/{room}/book"),
                &[
                    ("kind", "community"),
                    ("date", "2026-11-26"),
                    ("from", "17:00"),
                    ("to", "18:00"),
                    ("title", "Lektiecafé"),
                    ("rules_accepted", "1"),
                    ("repeat_until", "2026-12-10"),
                ],
            )
            .await;
        assert!(
            r.text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("3 datoer kunne ikke bookes"),
            "{}",
            r.text
        );
        app.cleanup().await;
    }
}
