//! Fund's volunteers as their users meet them, on every backend: a resident offers to help in
//! a role the activity asks for (the organisers hear of it), the organiser confirms, records
//! hours (bad hours and future days named) and sends thanks in the volunteer's language, and
//! the department's board sees which activities stand on one person, on the page and in the
//! API, while residents do not.

use crate::helpers::*;
use axum::http::StatusCode;

const RESIDENT: &str = "beboer@demo.naboskab.dk";
const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const BOARD: &str = "bestyrelse@demo.naboskab.dk";

async fn offer_titled(app: &TestApp, title: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT MIN(id) AS id FROM offer WHERE title = $1",
            naboskab_store::params![title],
        )
        .await
        .expect("demo offer")
        .i64("id")
        .expect("id")
}

fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn a_resident_helps_and_the_organiser_confirms_records_and_thanks() {
    for app in TestApp::all().await {
        let banko = offer_titled(&app, "Banko og kage").await;
        let mut anonymous = app.client();
        let page = anonymous.get(&format!("/offers/{banko}")).await;
        assert!(page.text.contains("Frivillige søges"));
        assert!(page.text.contains("Log ind for at tilbyde din hjælp"));

        let mut resident = app.logged_in(RESIDENT).await;
        let wrong = resident
            .post_form(&format!("/offers/{banko}/volunteer"), &[("role", "driver")])
            .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not asked for"
        );
        let r = resident
            .post_form(
                &format!("/offers/{banko}/volunteer"),
                &[("role", "co_host")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let (body, link) = last_mail(app.db(), ORGANISER).await;
        assert!(
            body.contains("Fatima Hassan har tilbudt at hjælpe som Medvært"),
            "{body}"
        );
        assert_eq!(local(&link), format!("/offers/{banko}/volunteers"));
        let page = resident.get(&format!("/offers/{banko}?lang=da")).await;
        assert!(plain(&page.text).contains("Du har tilbudt at hjælpe som Medvært."));

        // Only the activity's own organisers keep its roster.
        let mut board = app.logged_in(BOARD).await;
        let elsewhere = board.get(&format!("/offers/{banko}/volunteers")).await;
        assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
        let mut organiser = app.logged_in(ORGANISER).await;
        let roster = organiser.get(&format!("/offers/{banko}/volunteers")).await;
        assert_eq!(roster.status, StatusCode::OK);
        assert!(roster.text.contains("Fatima Hassan"));
        assert!(roster.text.contains("Har tilbudt at hjælpe"));
        let fatima = app
            .db()
            .query_one(
                "SELECT v.id FROM volunteer v JOIN app_user u ON u.id = v.user_id WHERE v.offer_id = $1 AND u.email = $2",
                naboskab_store::params![banko, RESIDENT],
            )
            .await
            .expect("volunteer")
            .i64("id")
            .expect("id");
        let path = format!("/offers/{banko}/volunteers/{fatima}");
        let early = organiser
            .post_form(
                &path,
                &[("action", "hours"), ("day", "2026-11-10"), ("hours", "2")],
            )
            .await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            early
                .text
                .contains("Bekræft den frivillige, før du registrerer timer.")
        );
        let r = organiser.post_form(&path, &[("action", "confirm")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let bad = organiser
            .post_form(
                &path,
                &[
                    ("action", "hours"),
                    ("day", "2030-01-01"),
                    ("hours", "to timer"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.text.contains("Datoen må ikke ligge i fremtiden."));
        assert!(bad.text.contains("Skriv timer som 2, 1,5 eller 2:30"));
        for (day, hours) in [("2026-11-10", "2,5"), ("2026-11-12", "1:30")] {
            let r = organiser
                .post_form(
                    &path,
                    &[("action", "hours"), ("day", day), ("hours", hours)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        }
        let roster = organiser.get(&format!("/offers/{banko}/volunteers")).await;
        assert!(
            roster.select_text("td").contains(&"4".to_owned()),
            "2,5 + 1,5 hours this year"
        );
        // She reads Arabic (the page remembered her choice).
        app.db()
            .execute(
                "UPDATE app_user SET preferred_locale = 'ar' WHERE email = $1",
                naboskab_store::params![RESIDENT],
            )
            .await
            .expect("language");
        let r = organiser.post_form(&path, &[("action", "thanks")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let (body, _) = last_mail(app.db(), RESIDENT).await;
        assert!(body.contains("بينغو وكعك"), "in her language: {body}");
        assert!(plain(&body).contains("4 ساعات"), "{body}");

        // She withdraws herself; her hours on it go with her.
        let r = resident
            .post_form(&path, &[("action", "remove"), ("own", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().starts_with(&format!("/offers/{banko}")));
        let roster = organiser.get(&format!("/offers/{banko}/volunteers")).await;
        assert!(!roster.text.contains("Fatima Hassan"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_board_sees_activities_that_stand_on_one_person() {
    for app in TestApp::all().await {
        let dep = app.demo.org("dep-norreparken").expect("department");
        let mut board = app.logged_in(BOARD).await;
        let page = board.get(&format!("/departments/{dep}")).await;
        assert!(
            page.text
                .contains("Frivillige: hvor står det på én person?")
        );
        let listed: Vec<String> = page
            .select_text("section[aria-labelledby=volunteering-heading] li")
            .iter()
            .map(|t| plain(t))
            .collect();
        assert_eq!(
            listed,
            ["Strikkeklub", "Jens Mikkelsen: 4 aktiviteter"],
            "the knitting club is hosted alone, the café has a co-host"
        );

        let mut api = bearer_from(&mut board, &app).await;
        let r = api
            .get(&format!("/api/v1/volunteering/alerts?department={dep}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let j = r.json();
        assert_eq!(j["limit"], 3);
        let titles: Vec<&str> = j["without_co_host"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|x| x["title"].as_str())
            .collect();
        assert_eq!(titles, ["Strikkeklub"]);
        assert_eq!(j["over_limit"][0]["name"], "Jens Mikkelsen");
        assert_eq!(j["over_limit"][0]["activities"], 4);
        let wider = api
            .get(&format!(
                "/api/v1/volunteering/alerts?department={dep}&limit=4"
            ))
            .await;
        assert_eq!(wider.json()["over_limit"].as_array().map(Vec::len), Some(0));
        let bad = api
            .get(&format!(
                "/api/v1/volunteering/alerts?department={dep}&limit=0"
            ))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["errors"][0]["field"], "limit");

        let mut resident = app.logged_in(RESIDENT).await;
        let page = resident.get(&format!("/departments/{dep}")).await;
        assert!(
            !page
                .text
                .contains("Frivillige: hvor står det på én person?")
        );
        let mut resident_api = bearer_from(&mut resident, &app).await;
        let r = resident_api
            .get(&format!("/api/v1/volunteering/alerts?department={dep}"))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = app
            .client()
            .get(&format!("/api/v1/volunteering/alerts?department={dep}"))
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        app.cleanup().await;
    }
}

/// Minutes as the Danish pages write hours: at most one decimal, "2,5".
fn danish_hours(minutes: i64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    match tenths % 10 {
        0 => format!("{}", tenths / 10),
        d => format!("{},{d}", tenths / 10),
    }
}

#[tokio::test]
async fn the_association_sees_its_year_of_volunteer_hours_per_person_and_activity() {
    for app in TestApp::all().await {
        let club = app.demo.org("assoc-seniorklub").expect("club");
        // The demo's month of hours, summed by the database itself.
        let recorded = app
            .db()
            .query_one(
                "SELECT SUM(h.minutes) AS minutes, MAX(h.day) AS last_day, \
                 COUNT(DISTINCT v.user_id) AS people \
                 FROM volunteer_hours h JOIN volunteer v ON v.id = h.volunteer_id \
                 JOIN offer o ON o.id = v.offer_id WHERE o.organisation_id = $1",
                naboskab_store::params![club],
            )
            .await
            .expect("hours");
        let minutes = recorded.i64("minutes").expect("minutes");
        let year = recorded.string("last_day").expect("day")[..4].to_owned();
        let people = recorded.i64("people").expect("people");
        assert!(minutes > 0 && people > 1, "the demo has hours");
        let names = app
            .db()
            .query(
                "SELECT DISTINCT u.display_name FROM volunteer v JOIN app_user u ON u.id = v.user_id \
                 JOIN volunteer_hours h ON h.volunteer_id = v.id JOIN offer o ON o.id = v.offer_id \
                 WHERE o.organisation_id = $1",
                naboskab_store::params![club],
            )
            .await
            .expect("names");

        let path = format!("/organisations/{club}/volunteers?year={year}");
        let mut organiser = app.logged_in(ORGANISER).await;
        let page = organiser.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let text = plain(&page.text);
        let total = format!(
            "{} timer i alt fra {people} frivillige.",
            danish_hours(minutes)
        );
        assert!(text.contains(&total), "{total} in the page");
        for row in &names {
            let name = row.string("display_name").expect("name");
            assert!(text.contains(&name), "{name} listed");
        }
        let csv = organiser
            .get(&format!("/organisations/{club}/volunteers.csv?year={year}"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let csv_text = String::from_utf8_lossy(&csv.bytes).into_owned();
        assert!(csv_text.contains("Navn"), "{csv_text}");
        assert_eq!(
            csv_text.lines().count(),
            usize::try_from(people).expect("count") + 1,
            "a header and a row per volunteer: {csv_text}"
        );

        // A year with nothing says so; a year that is not one is named.
        let earlier = year.parse::<i32>().expect("year") - 3;
        let empty = organiser
            .get(&format!("/organisations/{club}/volunteers?year={earlier}"))
            .await;
        assert!(plain(&empty.text).contains(&format!(
            "Der er ikke registreret frivillige timer i {earlier}."
        )));
        for bad in ["1999", "tjugo"] {
            let refused = organiser
                .get(&format!("/organisations/{club}/volunteers?year={bad}"))
                .await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            assert!(refused.text.contains("Skriv et årstal"), "{bad}: named");
        }

        // Names and hours are the association's: not a resident's, not the municipality's.
        for who in [RESIDENT, "kommune@demo.naboskab.dk"] {
            let mut c = app.logged_in(who).await;
            assert_eq!(c.get(&path).await.status, StatusCode::FORBIDDEN, "{who}");
        }
        let r = app.client().get(&path).await;
        assert!(
            r.location().starts_with("/login"),
            "anonymous signs in first"
        );
        app.cleanup().await;
    }
}
