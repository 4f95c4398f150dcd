//! Join through HTTP: the calendar pages, a guest signing up and cancelling through the link,
//! the waitlist moving up with a message, the organiser's check-in list, the occurrences API
//! and the iCalendar feeds (read back with an independent parser).

use crate::helpers::{T0, TestApp, last_mail, local};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_domain::schedule::Series;
use naboskab_store::join::{self, NewSeries, OccurrenceEdit, OccurrenceQuery};
use naboskab_store::offers::{self, Offer};

/// A published offer in Nørreparken with a weekly Tuesday 14:00 series of `capacity` places.
async fn weekly_offer(
    app: &TestApp,
    title: &str,
    capacity: Option<i64>,
) -> (i64, Vec<join::Occurrence>) {
    let dep = app.demo.org("dep-norreparken").expect("dep");
    let offer_id = offers::create_offer(
        app.db(),
        &Offer {
            organisation_id: dep,
            department_id: Some(dep),
            kind: "activity".into(),
            status: naboskab_domain::offer::OfferStatus::Published,
            title: title.into(),
            ..Default::default()
        },
        T0,
    )
    .await
    .expect("offer");
    join::create_series(
        app.db(),
        offer_id,
        &NewSeries {
            series: Series::new(
                "2026-11-03T14:00",
                120,
                Some("FREQ=WEEKLY;BYDAY=TU"),
                &["2026-12-29T14:00"],
            )
            .expect("series"),
            place: "Fælleshuset".into(),
            signup_required: capacity.is_some(),
            capacity,
        },
        T0,
    )
    .await
    .expect("series");
    let occ = join::occurrences(
        app.db(),
        &OccurrenceQuery {
            from: T0,
            to: T0 + 86_400 * 400,
            offer_id: Some(offer_id),
            limit: 100,
            ..Default::default()
        },
    )
    .await
    .expect("occurrences");
    (offer_id, occ)
}

#[tokio::test]
async fn a_guest_signs_up_confirms_and_cancels_and_the_waitlist_moves_up() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Brætspil", Some(1)).await;
        let path = format!("/occurrences/{}", occ[0].id);
        let mut guest = app.client();
        let page = guest.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("1 ledig plads"), "{}", page.text);

        // Nothing filled in: the problems are named, nothing is stored.
        let r = guest.post_form(&format!("{path}/signup"), &[]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text.contains("Udfyld feltet") && r.text.contains("telefonnummer eller en e-mail")
        );
        let r = guest
            .post_form(
                &format!("{path}/signup"),
                &[
                    ("name", "Karin"),
                    ("email", "karin@example.dk"),
                    ("first_time", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text.contains("Du er tilmeldt"), "{}", r.text);
        assert!(
            r.text.contains("karin@example.dk"),
            "told where the link went"
        );
        let (body, link) = last_mail(app.db(), "karin@example.dk").await;
        assert!(body.contains("Brætspil"), "{body}");
        let manage = local(&link);
        assert!(manage.starts_with("/signups/"));

        // The place is taken: the next person goes on the waitlist.
        let mut second = app.client();
        let r = second
            .post_form(
                &format!("{path}/signup"),
                &[("name", "Ali"), ("phone", "20 30 40 50")],
            )
            .await;
        assert!(r.text.contains("nummer 1 på ventelisten"), "{}", r.text);
        assert!(
            second
                .get(&path)
                .await
                .text
                .contains("Skriv dig på ventelisten")
        );

        // The guest confirms through the link, then cancels: Ali moves up and gets a text.
        let page = guest.get(&manage).await;
        assert!(page.text.contains("Bekræft min tilmelding"));
        let r = guest.post_form(&format!("{manage}/confirm"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            !guest
                .get(&manage)
                .await
                .text
                .contains("Bekræft min tilmelding")
        );
        let r = guest.post_form(&format!("{manage}/cancel"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(guest.get(&manage).await.text.contains("Afmeldt"));
        let sms = naboskab_store::outbox::recent(app.db(), 20)
            .await
            .expect("outbox")
            .into_iter()
            .find(|m| {
                m.channel == "sms" && m.recipient == "20 30 40 50" && m.subject.contains("plads")
            })
            .expect("a text to the promoted person");
        assert!(sms.body.contains("Brætspil"));
        let people = join::participants(app.db(), occ[0].id).await.expect("list");
        assert_eq!(people.len(), 1);
        assert_eq!(
            (people[0].name.as_str(), people[0].status.as_str()),
            ("Ali", "confirmed")
        );
        // A link that does not exist is a plain 404.
        assert_eq!(
            guest.get("/signups/no-such-link").await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn staff_sign_up_a_resident_and_record_consent_and_the_organiser_checks_people_in() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Kortspil", Some(10)).await;
        let path = format!("/occurrences/{}", occ[0].id);
        let mut caretaker = app.logged_in("vicevaert@demo.naboskab.dk").await;
        assert!(
            caretaker
                .get(&path)
                .await
                .text
                .contains("Tilmeld en beboer")
        );
        let r = caretaker
            .post_form(
                &format!("{path}/signup"),
                &[
                    ("on_behalf", "1"),
                    ("name", "Inger"),
                    ("phone", "20 11 11 11"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent must be recorded"
        );
        assert!(r.text.contains("samtykke"));
        let r = caretaker
            .post_form(
                &format!("{path}/signup"),
                &[
                    ("on_behalf", "1"),
                    ("name", "Inger"),
                    ("phone", "20 11 11 11"),
                    ("consent_method", "by_phone"),
                    ("first_time", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let people = join::participants(app.db(), occ[0].id).await.expect("list");
        let inger = people
            .iter()
            .find(|p| p.name == "Inger")
            .expect("signed up");
        assert_eq!(inger.consent_method, "by_phone");
        assert!(inger.assisted_by.is_some() && inger.verified && inger.first_time);

        // A resident may not sign others up, nor see the check-in list.
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            resident
                .post_form(
                    &format!("{path}/signup"),
                    &[
                        ("on_behalf", "1"),
                        ("name", "X"),
                        ("phone", "20 11 11 12"),
                        ("consent_method", "by_phone")
                    ]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            resident.get(&format!("{path}/attendance")).await.status,
            StatusCode::FORBIDDEN
        );

        // The department's organiser taps Inger present and adds a walk-in.
        let mut organiser = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let list = organiser.get(&format!("{path}/attendance")).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.text.contains("Inger") && list.text.contains("første gang"));
        let id = inger.id.to_string();
        let r = organiser
            .post_form(
                &format!("{path}/attendance"),
                &[("present", &id), ("value", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        organiser
            .post_form(&format!("{path}/attendance"), &[("walk_in", "Naboen Bent")])
            .await;
        let list = organiser.get(&format!("{path}/attendance")).await;
        let text = list.text.replace(['\u{2068}', '\u{2069}'], "");
        assert!(text.contains("2 er mødt op"), "{text}");
        assert!(list.text.contains("Naboen Bent"));
        let bad = organiser
            .post_form(&format!("{path}/attendance"), &[("headcount", "mange")])
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_occurrences_api_speaks_rfc_3339_and_signs_up_with_201() {
    for app in TestApp::all().await {
        let (offer_id, occ) = weekly_offer(&app, "Sangkor", Some(1)).await;
        let mut c = app.client();
        let r = c
            .get(&format!(
                "/api/v1/occurrences?offer={offer_id}&from=2026-11-17&to=2027-07-01"
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let items = r.json()["items"].as_array().cloned().expect("items");
        assert!(
            items
                .iter()
                .any(|i| i["start"] == "2026-11-17T14:00:00+01:00"),
            "winter time"
        );
        assert!(
            items
                .iter()
                .any(|i| i["start"] == "2027-06-01T14:00:00+02:00"),
            "summer time"
        );
        assert!(
            !items.iter().any(|i| i["start"]
                .as_str()
                .is_some_and(|s| s.starts_with("2026-12-29"))),
            "EXDATE"
        );
        let offer = c.get(&format!("/api/v1/offers/{offer_id}")).await.json();
        assert_eq!(offer["series"][0]["rrule"], "FREQ=WEEKLY;BYDAY=TU");
        assert_eq!(offer["series"][0]["dtstart"], "2026-11-03T14:00");
        assert_eq!(offer["series"][0]["tzid"], "Europe/Copenhagen");
        assert_eq!(offer["series"][0]["exdates"][0], "2026-12-29T14:00");

        let bad = c.get("/api/v1/occurrences?from=tomorrow&limit=0").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.text.contains("\"from\"") && bad.text.contains("\"limit\""),
            "{}",
            bad.text
        );
        assert!(
            bad.text.contains("mellem 1 og 1000"),
            "the message names the occurrences' own bounds: {}",
            bad.text
        );

        let post = |body: &'static str| {
            Request::post(format!("/api/v1/occurrences/{}/signups", occ[0].id))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .expect("request")
        };
        let r = c
            .send(post(r#"{"name":"Hanne","email":"hanne@example.dk"}"#))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json()["status"], "confirmed");
        assert_eq!(r.json()["needs_confirmation"], true);
        let r = c
            .send(post(
                r#"{"name":"Jens","phone":"+45 20 00 00 01","bring_friend":true}"#,
            ))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        assert_eq!(
            (
                r.json()["status"].clone(),
                r.json()["waitlist_position"].clone()
            ),
            ("waitlisted".into(), 1.into())
        );
        let r = c.send(post(r#"{"name":""}"#)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = c
            .send(post(r#"{"name":"Hanne","email":"hanne@example.dk"}"#))
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "the same person twice");
        app.cleanup().await;
    }
}

fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    parser.next().expect("a calendar").expect("valid iCalendar")
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[tokio::test]
async fn calendar_feeds_are_valid_icalendar_with_stable_uids_and_cancellations() {
    for app in TestApp::all().await {
        let (offer_id, occ) = weekly_offer(&app, "Yoga", None).await;
        let mut c = app.client();
        let r = c.get(&format!("/offers/{offer_id}/calendar.ics")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.header("content-type").starts_with("text/calendar"));
        assert!(r.text.contains("\r\n"), "CRLF line ends");
        let cal = parse_ics(&r.text);
        assert_eq!(cal.timezones.len(), 1, "VTIMEZONE for Europe/Copenhagen");
        assert_eq!(cal.events.len(), 1);
        let e = &cal.events[0].properties;
        assert_eq!(prop(e, "RRULE"), Some("FREQ=WEEKLY;BYDAY=TU"));
        assert_eq!(prop(e, "DTSTART"), Some("20261103T140000"));
        assert_eq!(prop(e, "EXDATE"), Some("20261229T140000"));
        let uid = prop(e, "UID").expect("uid").to_owned();
        assert_eq!(prop(e, "SEQUENCE"), Some("0"));

        // One occurrence is cancelled: the feed says so with the same UID and a RECURRENCE-ID.
        let notify = naboskab_app::join::cancellation_notice(&app.state.app);
        join::edit_occurrence(
            app.db(),
            occ[1].id,
            &OccurrenceEdit {
                cancel_reason: Some("Fælleshuset males".into()),
                ..Default::default()
            },
            &notify,
            T0,
        )
        .await
        .expect("cancel");
        let cal = parse_ics(
            &c.get(&format!("/offers/{offer_id}/calendar.ics"))
                .await
                .text,
        );
        assert_eq!(cal.events.len(), 2);
        let ex = &cal.events[1].properties;
        assert_eq!(prop(ex, "UID"), Some(uid.as_str()), "stable UID");
        assert_eq!(prop(ex, "STATUS"), Some("CANCELLED"));
        let recurrence = format!("{}00", occ[1].recurrence_id.replace(['-', ':'], ""));
        assert_eq!(prop(ex, "RECURRENCE-ID"), Some(recurrence.as_str()));
        assert_eq!(prop(ex, "SEQUENCE"), Some("1"));

        // The department feed and the single-occurrence file parse too.
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let cal = parse_ics(
            &c.get(&format!("/departments/{dep}/calendar.ics"))
                .await
                .text,
        );
        assert!(
            cal.events
                .iter()
                .any(|e| prop(&e.properties, "UID") == Some(uid.as_str()))
        );
        let one = parse_ics(
            &c.get(&format!("/occurrences/{}/event.ics", occ[0].id))
                .await
                .text,
        );
        let first = format!("{}00", occ[0].recurrence_id.replace(['-', ':'], ""));
        assert_eq!(
            prop(&one.events[0].properties, "DTSTART"),
            Some(first.as_str())
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_calendar_shows_the_week_and_the_month() {
    for app in TestApp::all().await {
        let (_, _) = weekly_offer(&app, "Spilleklub", Some(8)).await;
        let mut c = app.client();
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let week = c
            .get(&format!("/calendar?department={dep}&date=2026-11-17"))
            .await;
        assert_eq!(week.status, StatusCode::OK);
        let week_text = week.text.replace(['\u{2068}', '\u{2069}'], "");
        assert!(week.text.contains("Spilleklub"), "{}", week.text);
        assert!(week_text.contains("tirsdag 17. november 2026"));
        assert!(week_text.contains("8 ledige pladser"));
        assert!(
            week.text
                .contains(&format!("/departments/{dep}/calendar.ics"))
        );
        let month = c.get("/calendar/month?date=2026-12-01").await;
        assert_eq!(month.status, StatusCode::OK);
        assert!(
            month
                .text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("december 2026")
        );
        assert_eq!(
            month.text.matches("Spilleklub").count(),
            4,
            "Tuesdays of December except the 29th"
        );
        // Arabic.
        let ar = c.get("/calendar?date=2026-11-17&lang=ar").await;
        assert!(ar.text.contains("dir=\"rtl\""));
        assert_eq!(
            c.get("/calendar?department=999999").await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn reminders_go_out_once_the_day_before_with_a_working_link() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Madklub", Some(2)).await;
        let start = occ[0].starts_at.timestamp();
        let mut c = app.client();
        for (name, email) in [
            ("Anna", "anna@example.dk"),
            ("Bo", "bo@example.dk"),
            ("Cai", "cai@example.dk"),
        ] {
            c.post_form(
                &format!("/occurrences/{}/signup", occ[0].id),
                &[("name", name), ("email", email)],
            )
            .await;
        }
        let base = &app.state.config.base_url;
        let db = app.db().clone();
        let reminders_to = |who: &'static str| {
            let db = db.clone();
            async move {
                naboskab_store::outbox::recent(&db, 500)
                    .await
                    .expect("outbox")
                    .iter()
                    .filter(|m| m.recipient == who && m.subject.starts_with("I morgen"))
                    .count()
            }
        };
        // Two days before: not yet (demo activities of that day may get theirs).
        naboskab_app::jobs::queue_reminders(app.db(), base, start - 2 * 86_400)
            .await
            .expect("run");
        assert_eq!(reminders_to("anna@example.dk").await, 0);
        // The day before: the two with a place get one reminder each; the waitlisted one none.
        naboskab_app::jobs::queue_reminders(app.db(), base, start - 20 * 3_600)
            .await
            .expect("run");
        naboskab_app::jobs::queue_reminders(app.db(), base, start - 19 * 3_600)
            .await
            .expect("run");
        assert_eq!(reminders_to("anna@example.dk").await, 1, "exactly once");
        assert_eq!(reminders_to("bo@example.dk").await, 1);
        assert_eq!(reminders_to("cai@example.dk").await, 0, "waitlisted");
        let (body, link) = last_mail(app.db(), "anna@example.dk").await;
        assert!(body.contains("Husk Madklub"), "{body}");
        let page = c.get(&local(&link)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Meld mig fra"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_organiser_schedules_an_offer_and_cancels_one_time_with_a_reason() {
    for app in TestApp::all().await {
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let offer_id = offers::create_offer(
            app.db(),
            &Offer {
                organisation_id: dep,
                department_id: Some(dep),
                kind: "activity".into(),
                status: naboskab_domain::offer::OfferStatus::Published,
                title: "Cykelværksted".into(),
                ..Default::default()
            },
            T0,
        )
        .await
        .expect("offer");
        let mut organiser = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let path = format!("/offers/{offer_id}/schedule");
        assert!(organiser.get(&path).await.text.contains("ingen tidsplan"));
        let r = organiser
            .post_form(
                &path,
                &[
                    ("start", "i morgen"),
                    ("duration_min", "0"),
                    ("repeat", "rule"),
                    ("rule", "FREQ=HOURLY"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text.contains("Skriv et tidspunkt") && r.text.contains("Skriv varigheden"),
            "{}",
            r.text
        );
        assert!(
            r.text.contains("value=\"FREQ=HOURLY\""),
            "what was typed is kept"
        );
        let r = organiser
            .post_form(
                &path,
                &[
                    ("start", "2026-11-26T16:00"),
                    ("duration_min", "90"),
                    ("repeat", "fortnightly"),
                    ("until", "2027-01-31"),
                    ("signup_required", "1"),
                    ("capacity", "5"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let series = join::series_of_offer(app.db(), offer_id)
            .await
            .expect("series");
        assert_eq!(
            series[0].series.rrule.as_deref(),
            Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270131T225959Z")
        );
        let occ = join::occurrences(
            app.db(),
            &OccurrenceQuery {
                from: 0,
                to: i64::MAX,
                offer_id: Some(offer_id),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("occurrences");
        assert_eq!(occ.len(), 5, "26/11, 10/12, 24/12, 7/1, 21/1");
        // A resident signs up; the organiser cancels that time; the resident is told why.
        let mut guest = app.client();
        guest
            .post_form(
                &format!("/occurrences/{}/signup", occ[0].id),
                &[("name", "Lis"), ("email", "lis@example.dk")],
            )
            .await;
        let edit = format!("/occurrences/{}/edit", occ[0].id);
        let r = organiser
            .post_form(&edit, &[("start", "2026-11-26T16:00"), ("cancel", "1")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a reason is needed"
        );
        let r = organiser
            .post_form(
                &edit,
                &[
                    ("start", "2026-11-26T16:00"),
                    ("cancel", "1"),
                    ("cancel_reason", "Værkstedet er oversvømmet"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (body, _) = last_mail(app.db(), "lis@example.dk").await;
        assert!(
            body.contains("aflyst") && body.contains("oversvømmet"),
            "{body}"
        );
        assert!(
            app.client()
                .get(&format!("/occurrences/{}", occ[0].id))
                .await
                .text
                .contains("Aflyst")
        );
        // Someone else's offer: no.
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(resident.get(&path).await.status, StatusCode::FORBIDDEN);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_printed_programme_has_large_type_two_languages_and_qr_codes() {
    for app in TestApp::all().await {
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let mut c = app.client();
        let r = c
            .get(&format!(
                "/departments/{dep}/programme?date=2026-11-16&second=ar"
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let html = r.html();
        let rows = html
            .select(&scraper::Selector::parse(".programme__table tr").expect("css"))
            .count();
        assert!(rows >= 5, "the demo department's week: {rows} activities");
        assert!(
            r.text.contains("وجبة مشتركة في البيت المشترك"),
            "Arabic title beside the Danish one"
        );
        assert!(r.text.contains("lang=\"ar\" dir=\"rtl\""));
        assert_eq!(
            html.select(&scraper::Selector::parse(".programme__qr svg").expect("css"))
                .count(),
            rows,
            "a QR code per activity"
        );
        assert!(
            r.text.contains("Alle er velkomne"),
            "the footer is in Danish for the notice board"
        );
        // A housing area's programme gathers its departments.
        let area = app.demo.org("area-taastrup-ost").expect("area");
        let a = c
            .get(&format!("/departments/{area}/programme?date=2026-11-16"))
            .await;
        assert_eq!(a.status, StatusCode::OK);
        let area_rows = a
            .html()
            .select(&scraper::Selector::parse(".programme__table tr").expect("css"))
            .count();
        assert!(
            area_rows > rows,
            "{area_rows} in the area, {rows} in the department"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_resident_sees_their_sign_ups_and_gets_a_private_calendar_address() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Petanque", Some(5)).await;
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        let r = resident
            .post_form(&format!("/occurrences/{}/signup", occ[2].id), &[])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let account = resident.get("/account").await;
        assert!(
            account.text.contains("Petanque"),
            "the account lists the sign-up"
        );
        let r = resident.post_form("/account/calendar", &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        let feed_url = r.attr("#feed-url", "value").expect("address shown");
        let feed = app.client().get(&local(&feed_url)).await;
        assert_eq!(feed.status, StatusCode::OK);
        let cal = parse_ics(&feed.text);
        assert!(
            cal.events
                .iter()
                .any(|e| prop(&e.properties, "SUMMARY") == Some("Petanque"))
        );
        // A new address ends the old one.
        resident.post_form("/account/calendar", &[]).await;
        assert_eq!(
            app.client().get(&local(&feed_url)).await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_calendar_filters_like_find_and_a_schedule_changes_from_a_date() {
    for app in TestApp::all().await {
        let (offer_id, _) = weekly_offer(&app, "Aftenskak", Some(5)).await;
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let mut c = app.client();
        let all = c
            .get(&format!("/calendar?department={dep}&date=2026-11-24"))
            .await;
        assert!(all.text.contains("Aftenskak") && all.text.contains("Fællesspisning"));
        assert!(
            all.text.contains("name=\"category\""),
            "the filter form is there"
        );
        let food = c
            .get(&format!(
                "/calendar?department={dep}&date=2026-11-24&category=food"
            ))
            .await;
        assert!(food.text.contains("Fællesspisning") && !food.text.contains("Aftenskak"));

        // From 5 January the chess evening moves to Thursdays 19:00.
        let mut organiser = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let old = join::series_of_offer(app.db(), offer_id)
            .await
            .expect("series")[0]
            .id
            .to_string();
        let r = organiser
            .post_form(
                &format!("/offers/{offer_id}/schedule"),
                &[
                    ("start", "2027-01-07T19:00"),
                    ("duration_min", "120"),
                    ("repeat", "weekly"),
                    ("signup_required", "1"),
                    ("capacity", "5"),
                    ("replaces", &old),
                    ("from", "2027-01-05"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let occ = join::occurrences(
            app.db(),
            &OccurrenceQuery {
                from: T0,
                to: T0 + 86_400 * 120,
                offer_id: Some(offer_id),
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .expect("occurrences");
        assert!(
            occ.iter()
                .filter(|o| o.recurrence_id.as_str() < "2027-01-05")
                .all(|o| o.recurrence_id.ends_with("T14:00"))
        );
        assert!(
            occ.iter()
                .filter(|o| o.recurrence_id.as_str() > "2027-01-05")
                .all(|o| o.recurrence_id.ends_with("T19:00"))
        );
        assert!(occ.iter().any(|o| o.recurrence_id == "2027-01-07T19:00"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_front_page_shows_what_happens_today_near_a_signed_in_resident() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Formiddagskaffe", None).await;
        // The clock starts on Wednesday 18 November 2026; move it to an hour before the first time.
        app.clock.advance(occ[0].starts_at.timestamp() - 3_600 - T0);
        let anonymous = app.client().get("/").await;
        assert!(anonymous.text.contains("Sker i dag"));
        assert!(
            anonymous.text.contains("Formiddagskaffe"),
            "{}",
            anonymous.text
        );
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        let home = resident.get("/").await;
        assert!(home.text.contains("Sker i dag nær dig"));
        assert!(
            home.text.contains("Formiddagskaffe"),
            "Nørreparken is the resident's own department"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_guest_who_does_not_confirm_within_a_day_gives_the_place_to_the_next_in_line() {
    for app in TestApp::all().await {
        let (_, occ) = weekly_offer(&app, "Syklub", Some(1)).await;
        let path = format!("/occurrences/{}/signup", occ[3].id);
        app.client()
            .post_form(&path, &[("name", "Ulla"), ("email", "ulla@example.dk")])
            .await;
        app.client()
            .post_form(&path, &[("name", "Vera"), ("email", "vera@example.dk")])
            .await;
        // Vera confirms her address; Ulla does not.
        let (_, link) = last_mail(app.db(), "vera@example.dk").await;
        let r = app
            .client()
            .post_form(&format!("{}/confirm", local(&link)), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Within the day: nothing happens.
        app.clock.advance(23 * 3_600);
        assert_eq!(
            naboskab_app::join::release_unconfirmed(&app.state.app)
                .await
                .expect("run"),
            0
        );
        // After it: Ulla's unconfirmed place goes to Vera, who is told.
        app.clock.advance(2 * 3_600);
        assert_eq!(
            naboskab_app::join::release_unconfirmed(&app.state.app)
                .await
                .expect("run"),
            1
        );
        let people = join::participants(app.db(), occ[3].id).await.expect("list");
        assert_eq!(people.len(), 1);
        assert_eq!(
            (people[0].name.as_str(), people[0].status.as_str()),
            ("Vera", "confirmed")
        );
        let (body, _) = last_mail(app.db(), "vera@example.dk").await;
        assert!(body.contains("plads"), "{body}");
        app.cleanup().await;
    }
}
