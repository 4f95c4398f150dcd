//! Measure's impact dashboard over HTTP, on every backend: the offers grid, participation and
//! room use agree with the database counted another way; the exports hold the same tables; and
//! only those who may read every department in a place open it.

use crate::helpers::{TestApp, xlsx_text};
use axum::http::StatusCode;
use naboskab_store::params;

const OFFICER: &str = "kommune@demo.naboskab.dk";
const BOARD: &str = "bestyrelse@demo.naboskab.dk";
const RESIDENT: &str = "beboer@demo.naboskab.dk";
const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const HOUSING_ADMIN: &str = "boligorganisation@demo.naboskab.dk";

/// The number in the dashboard's table for `group` (a row label) on the `day`th weekday.
fn cell(page: &crate::helpers::Resp, group: &str, day: usize) -> String {
    let html = page.html();
    let rows = scraper::Selector::parse("main table tbody tr").expect("selector");
    for row in html.select(&rows) {
        let texts: Vec<String> = row
            .text()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        if texts.first().map(String::as_str) == Some(group) && texts.len() == 8 {
            return texts[day].clone();
        }
    }
    panic!("no row {group}");
}

#[tokio::test]
async fn the_dashboard_counts_what_the_database_holds() {
    for app in TestApp::all().await {
        let housing = app.demo.org("org-taastrup").expect("housing organisation");
        let departments: Vec<i64> = ["dep-norreparken", "dep-sondergaarden", "dep-engbo"]
            .iter()
            .map(|k| app.demo.org(k).expect("department"))
            .collect();
        let mut officer = app.logged_in(OFFICER).await;
        let page = officer.get(&format!("/impact/{housing}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);

        // Elderly on Thursdays, counted straight from the tags.
        let mut thursday_elderly = 0;
        for d in &departments {
            thursday_elderly += app
                .db()
                .query(
                    "SELECT o.id FROM offer o WHERE o.status = 'published' AND o.department_id = $1
                     AND EXISTS (SELECT 1 FROM offer_tag t WHERE t.offer_id = o.id AND t.kind = 'target' AND t.code = 'elderly')
                     AND EXISTS (SELECT 1 FROM offer_tag t WHERE t.offer_id = o.id AND t.kind = 'weekday' AND t.code = '4')",
                    params![*d],
                )
                .await
                .expect("offers")
                .len();
        }
        assert!(
            thursday_elderly > 0,
            "the demo has something for the elderly on Thursdays"
        );
        assert_eq!(cell(&page, "Ældre 65+", 4), thursday_elderly.to_string());

        // Attendances of signed-up people in the last half year.
        let since = app.state.app.now() - 26 * 7 * 86_400;
        let mut present = 0;
        for d in &departments {
            present += app
                .db()
                .query(
                    "SELECT s.id FROM signup s JOIN occurrence o ON o.id = s.occurrence_id JOIN offer f ON f.id = o.offer_id
                     WHERE s.present = $1 AND f.department_id = $2 AND o.starts_at >= $3 AND o.starts_at < $4",
                    params![true, *d, since, app.state.app.now()],
                )
                .await
                .expect("sign-ups")
                .len();
        }
        let rows = page.select_text("main section[aria-labelledby=participation-heading] td");
        assert_eq!(rows[0].replace('.', ""), present.to_string());
        let people: i64 = rows[1].replace('.', "").parse().expect("people");
        assert!(
            people > 0 && people < present as i64,
            "regulars come back: {people} people, {present} visits"
        );

        // The exports hold the same grid.
        let csv = officer.get(&format!("/impact/{housing}/export.csv")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-disposition").contains("impact-"));
        let elderly = csv
            .text
            .lines()
            .find(|l| l.starts_with("Ældre 65+"))
            .expect("row");
        assert_eq!(
            elderly.split(',').nth(4),
            Some(thursday_elderly.to_string().as_str())
        );
        let xlsx = officer.get(&format!("/impact/{housing}/export.xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        let cells = xlsx_text(&xlsx.bytes);
        assert!(
            cells.contains("Ældre 65+") && cells.contains("Fremmøder"),
            "{cells}"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_place_opens_only_for_those_who_read_every_department_in_it() {
    let app = TestApp::sqlite().await;
    let north = app.demo.org("dep-norreparken").expect("department");
    let housing = app.demo.org("org-taastrup").expect("housing organisation");
    let kommune = app.demo.org("kommune").expect("municipality");
    for (who, place, want) in [
        (BOARD, north, StatusCode::OK),
        // The board reads Nørreparken, not the housing organisation's other departments.
        (BOARD, housing, StatusCode::FORBIDDEN),
        (HOUSING_ADMIN, housing, StatusCode::OK),
        (HOUSING_ADMIN, kommune, StatusCode::FORBIDDEN),
        (OFFICER, kommune, StatusCode::OK),
        (RESIDENT, north, StatusCode::FORBIDDEN),
        (ORGANISER, north, StatusCode::FORBIDDEN),
    ] {
        let mut c = app.logged_in(who).await;
        assert_eq!(
            c.get(&format!("/impact/{place}")).await.status,
            want,
            "{who} at {place}"
        );
        assert_eq!(
            c.get(&format!("/impact/{place}/export.csv")).await.status,
            want,
            "{who} CSV of {place}"
        );
    }
    // The board's list offers its department only; the officer's the municipality first.
    let mut board = app.logged_in(BOARD).await;
    let list = board.get("/impact").await;
    assert_eq!(
        list.select_text("main tbody td a"),
        vec!["Afd. 3 Nørreparken".to_owned()]
    );
    let mut officer = app.logged_in(OFFICER).await;
    let list = officer.get("/impact").await;
    assert_eq!(
        list.select_text("main tbody td a")
            .first()
            .map(String::as_str),
        Some("Høje-Taastrup")
    );
    // A place that is no place (an association) is not found.
    let club = app.demo.org("assoc-seniorklub").expect("club");
    assert_eq!(
        officer.get(&format!("/impact/{club}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.cleanup().await;
}
