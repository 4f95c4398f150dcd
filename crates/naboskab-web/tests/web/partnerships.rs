//! Fund's partnerships as their users meet them, on every backend: who works together on
//! what in the API and on the pages (contact people and applications only for the parties),
//! a board starting, changing and ending one with every bad field named and nothing typed
//! lost, and a partner association booking the department's fælleshus earlier than others.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const BOARD: &str = "bestyrelse@demo.naboskab.dk";

/// The demo partnership of Nørreparken, the senior club and the health centre.
async fn seniors(app: &TestApp) -> i64 {
    app.db()
        .query_one(
            "SELECT id FROM partnership WHERE purpose LIKE 'Ældre i Nørreparken%'",
            vec![],
        )
        .await
        .expect("demo partnership")
        .i64("id")
        .expect("id")
}

fn org(app: &TestApp, key: &str) -> String {
    app.demo.org(key).expect("demo organisation").to_string()
}

#[tokio::test]
async fn partnerships_are_public_and_their_contacts_are_for_the_parties() {
    for app in TestApp::all().await {
        let id = seniors(&app).await;
        let mut anonymous = app.client();
        let list = anonymous.get("/api/v1/partnerships").await;
        assert_eq!(list.status, StatusCode::OK);
        let items = list.json()["items"].as_array().cloned().expect("items");
        assert_eq!(items.len(), 2);
        let p = items.iter().find(|i| i["id"] == id).expect("listed");
        assert_eq!(p["ends_on"], serde_json::Value::Null);
        assert_eq!(p["current"], true);
        let kinds: Vec<&str> = p["parties"]
            .as_array()
            .expect("parties")
            .iter()
            .filter_map(|x| x["kind"].as_str())
            .collect();
        assert!(kinds.contains(&"health_actor") && kinds.contains(&"department"));
        assert!(p.get("contacts").is_none(), "contact people stay private");
        assert!(!list.text.contains("22 33 44 55"));

        let club = org(&app, "club-motion");
        let theirs = anonymous
            .get(&format!("/api/v1/partnerships?organisation={club}"))
            .await;
        assert_eq!(theirs.json()["items"].as_array().map(Vec::len), Some(1));
        let bad = anonymous
            .get("/api/v1/partnerships?organisation=klubben")
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["errors"][0]["field"], "organisation");

        let page = anonymous.get(&format!("/partnerships/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Ældre i Nørreparken"));
        assert!(page.text.contains("Sundhedscenter Høje-Taastrup"));
        assert!(page.text.contains("Seniorklubbens torsdagscafé"));
        assert!(
            !page.text.contains("22 33 44 55"),
            "no contacts for the public"
        );
        assert!(!page.text.contains("Fællesspisning hver tirsdag"));
        let mut organiser = app.logged_in(ORGANISER).await;
        let inside = organiser.get(&format!("/partnerships/{id}")).await;
        assert!(
            inside
                .text
                .contains("Jens Mikkelsen, Seniorklubben Taastrup, 22 33 44 55")
        );
        assert!(
            inside
                .text
                .contains("Fællesspisning hver tirsdag i Nørreparken")
        );
        assert!(inside.text.contains(&format!("/partnerships/{id}/edit")));

        let dep = org(&app, "dep-norreparken");
        let department = anonymous.get(&format!("/departments/{dep}")).await;
        assert!(
            department
                .select_text("h2")
                .contains(&"Samarbejder".to_owned()),
            "the department's page has its partnerships"
        );
        assert!(department.text.contains("Ældre i Nørreparken"));
        let club_page = anonymous.get(&format!("/organisations/{club}")).await;
        assert!(
            club_page
                .text
                .contains("Bevægelse for alle i Taastrup Have")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_board_starts_changes_and_ends_a_partnership() {
    for app in TestApp::all().await {
        let mut board = app.logged_in(BOARD).await;
        let (dep, broen, kommune) = (
            org(&app, "dep-norreparken"),
            org(&app, "assoc-broen"),
            org(&app, "kommune"),
        );
        let form = board.get("/partnerships/new").await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.text.contains(&format!("value=\"{broen}\"")));

        let r = board
            .post_form(
                "/partnerships/new",
                &[
                    ("purpose", ""),
                    ("starts_on", "1. marts"),
                    ("party", &dep),
                    ("contacts", "Birthe, 11 22 33 44"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Skriv en dato som 2027-06-30."));
        assert!(r.text.contains("Vælg mindst to parter."));
        assert!(
            r.text.contains("Birthe, 11 22 33 44"),
            "what was typed stays"
        );
        let r = board
            .post_form(
                "/partnerships/new",
                &[
                    ("purpose", "Fester på tværs"),
                    ("starts_on", "2026-12-01"),
                    ("party", &broen),
                    ("party", &kommune),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.text
                .contains("Vælg mindst én part, som du selv er med til at drive.")
        );

        let r = board
            .post_form(
                "/partnerships/new",
                &[
                    ("purpose", "Fester på tværs af kulturer i Nørreparken"),
                    ("starts_on", "2026-12-01"),
                    ("ends_on", "2027-11-30"),
                    ("party", &dep),
                    ("party", &broen),
                    ("contacts", "Birthe Olsen, 11 22 33 44"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let page_path = r
            .location()
            .split('?')
            .next()
            .unwrap_or_default()
            .to_owned();
        let id: i64 = page_path
            .trim_start_matches("/partnerships/")
            .parse()
            .expect("id");
        let page = board.get(&page_path).await;
        assert!(
            page.text
                .contains("Fester på tværs af kulturer i Nørreparken")
        );
        assert!(page.text.contains("Birthe Olsen, 11 22 33 44"));

        // The edit form offers the parties' rooms; linking the fælleshus shows it on the page.
        let edit = board.get(&format!("/partnerships/{id}/edit")).await;
        let room = edit
            .attr("input[name=room]", "value")
            .expect("the department's rooms to link");
        let fields = |ends_on: &'static str| {
            vec![
                ("purpose", "Fester på tværs af kulturer i Nørreparken"),
                ("starts_on", "2026-12-01"),
                ("ends_on", ends_on),
                ("party", dep.as_str()),
                ("party", broen.as_str()),
                ("room", room.as_str()),
            ]
        };
        let wrong = board
            .post_form(&format!("/partnerships/{id}/edit"), &fields("2026-11-01"))
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            wrong
                .text
                .contains("Sidste dag skal ligge efter første dag.")
        );
        let ok = board
            .post_form(&format!("/partnerships/{id}/edit"), &fields("2027-11-30"))
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text);
        assert!(
            board
                .get(&page_path)
                .await
                .text
                .contains("Fælleshuset, Nørreparken")
        );
        let mut foreign = fields("2027-11-30");
        foreign.push(("room", "999999"));
        let refused = board
            .post_form(&format!("/partnerships/{id}/edit"), &foreign)
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "only the parties' rooms"
        );

        // Someone who runs no party may not change or end it.
        let mut officer = app.logged_in("kommune@demo.naboskab.dk").await;
        let r = officer
            .post_form(&format!("/partnerships/{id}/end"), &[("confirm", "yes")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let unticked = board
            .post_form(&format!("/partnerships/{id}/end"), &[])
            .await;
        assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(board.get(&page_path).await.status, StatusCode::OK);
        let ended = board
            .post_form(&format!("/partnerships/{id}/end"), &[("confirm", "yes")])
            .await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER);
        assert_eq!(board.get(&page_path).await.status, StatusCode::NOT_FOUND);
        let left = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM partnership_party WHERE partnership_id = $1",
                naboskab_store::params![id],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(left, 0);
        app.cleanup().await;
    }
}

/// The fælleshus of the department named like `name`.
async fn common_house(app: &TestApp, name: &str) -> i64 {
    app.db()
        .query_one(
            "SELECT id FROM room WHERE name = $1",
            naboskab_store::params![format!("Fælleshuset, {name}")],
        )
        .await
        .expect("room")
        .i64("id")
        .expect("id")
}

#[tokio::test]
async fn a_partner_association_books_the_common_house_earlier_than_others() {
    for app in TestApp::all().await {
        let club = app.demo.org("assoc-seniorklub").expect("club");
        let mut organiser = app.logged_in(ORGANISER).await;
        let token = organiser.csrf("/rooms").await;
        // About 200 days after the demo's today: past the associations' 90 days, inside the
        // partners' year.
        let book = |room: i64| {
            Request::post("/api/v1/bookings")
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-csrf-token", token.as_str())
                .body(Body::from(format!(
                    r#"{{"room_id":{room},"kind":"association","start":"2027-06-01T10:00","end":"2027-06-01T12:00","title":"Sommerfest","organisation_id":{club}}}"#
                )))
                .expect("request")
        };
        let partner = common_house(&app, "Nørreparken").await;
        let r = organiser.send(book(partner)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert_eq!(r.json()["status"], "requested", "the board still approves");
        let elsewhere = common_house(&app, "Vestervang").await;
        let r = organiser.send(book(elsewhere)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.json()["errors"][0]["field"], "start");
        let room_page = organiser.get(&format!("/rooms/{partner}")).await;
        assert!(
            room_page
                .text
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains("Samarbejdspartnere kan booke op til 365 dage frem."),
            "the room's rules name the partners' window"
        );
        app.cleanup().await;
    }
}

/// `who` answers for the party `org` of partnership `id`.
async fn answer(who: &mut Client, id: i64, org: &str, yes: &str) -> Resp {
    who.post_form(
        &format!("/partnerships/{id}/answer"),
        &[("organisation", org), ("answer", yes)],
    )
    .await
}

/// Starts a partnership of `parties` as `who`; its id.
async fn started(who: &mut Client, purpose: &str, parties: &[&str]) -> i64 {
    let mut fields = vec![("purpose", purpose), ("starts_on", "2026-12-01")];
    fields.extend(parties.iter().map(|p| ("party", *p)));
    let r = who.post_form("/partnerships/new", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
    r.location()
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches("/partnerships/")
        .parse()
        .expect("id")
}

#[tokio::test]
async fn every_party_says_yes_before_a_partnership_is_shown_or_counts() {
    for app in TestApp::all().await {
        let (club, housing, kommune) = (
            org(&app, "assoc-seniorklub"),
            org(&app, "org-taastrup"),
            org(&app, "kommune"),
        );
        let purpose = "Motion for seniorer i hele Taastrup";
        let mut organiser = app.logged_in(ORGANISER).await;
        let id = started(&mut organiser, purpose, &[&club, &housing]).await;
        let path = format!("/partnerships/{id}");
        let own = organiser.get(&path).await;
        assert!(
            own.text.contains("Venter på svar fra"),
            "the starter sees who is asked"
        );

        // Until the housing organisation says yes, nobody else learns of it.
        let mut anonymous = app.client();
        assert_eq!(anonymous.get(&path).await.status, StatusCode::NOT_FOUND);
        assert!(!anonymous.get("/partnerships").await.text.contains(purpose));
        assert!(
            !anonymous
                .get("/api/v1/partnerships")
                .await
                .text
                .contains(purpose)
        );
        // Neither the starter nor a resident answers for the housing organisation.
        assert_eq!(
            answer(&mut organiser, id, &housing, "yes").await.status,
            StatusCode::FORBIDDEN
        );
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            answer(&mut resident, id, &housing, "yes").await.status,
            StatusCode::FORBIDDEN
        );

        let mut staff = app.logged_in("boligorganisation@demo.naboskab.dk").await;
        let waiting = staff.get("/partnerships").await;
        assert!(
            waiting
                .text
                .contains("Samarbejder, der venter på jeres svar")
        );
        assert!(waiting.text.contains(purpose));
        let asked = staff.get(&path).await;
        assert!(asked.text.contains("Er I med i samarbejdet?"));
        assert_eq!(
            answer(&mut staff, id, &housing, "maybe").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let yes = answer(&mut staff, id, &housing, "yes").await;
        assert_eq!(yes.status, StatusCode::SEE_OTHER, "{}", yes.text);
        assert!(yes.location().contains("notice-partnership-confirmed"));
        assert_eq!(
            answer(&mut staff, id, &housing, "yes").await.status,
            StatusCode::NOT_FOUND,
            "answered once"
        );
        assert_eq!(anonymous.get(&path).await.status, StatusCode::OK);
        assert!(
            anonymous
                .get("/api/v1/partnerships")
                .await
                .text
                .contains(purpose)
        );

        // Declined by the only other party: there is no partnership left.
        let id = started(&mut organiser, "Seniorer og kommunen", &[&club, &kommune]).await;
        let mut officer = app.logged_in("kommune@demo.naboskab.dk").await;
        let no = answer(&mut officer, id, &kommune, "no").await;
        assert_eq!(no.status, StatusCode::SEE_OTHER, "{}", no.text);
        assert_eq!(
            organiser.get(&format!("/partnerships/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_party_picker_searches_by_name_and_keeps_what_was_typed() {
    for app in TestApp::all().await {
        let mut board = app.logged_in(BOARD).await;
        let health = org(&app, "health-center");
        let count = || async {
            app.db()
                .query_one("SELECT COUNT(*) AS n FROM partnership", vec![])
                .await
                .expect("count")
                .i64("n")
                .expect("n")
        };
        let before = count().await;
        let r = board
            .post_form(
                "/partnerships/new",
                &[
                    ("purpose", "Sund mad i fælleshuset"),
                    ("starts_on", "2027-01-01"),
                    ("party_search", "sundhed"),
                    ("intent", "search"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "a search saves nothing and refuses nothing"
        );
        let offered: Vec<String> = r
            .html()
            .select(&scraper::Selector::parse("input[name=party]").expect("selector"))
            .filter_map(|i| i.value().attr("value").map(str::to_owned))
            .collect();
        assert_eq!(offered, [health], "only what the search finds");
        assert!(
            r.text.contains("value=\"Sund mad i fælleshuset\""),
            "typed text kept"
        );
        assert_eq!(count().await, before);
        app.cleanup().await;
    }
}
