//! Find as a resident uses it: search and filters on the page and in the API, the offer page,
//! feeds, the "Føler du dig ensom?" page and its contact form.

use crate::helpers::*;
use axum::http::StatusCode;
use naboskab_store::offers::{self, Offer, Translation};

#[tokio::test]
async fn a_resident_finds_offers_by_words_and_filters_on_every_backend() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.get("/offers?q=strikkeklubber").await;
        assert_eq!(r.status, StatusCode::OK);
        let titles = r.select_text(".offer-card .card__title");
        assert!(titles.iter().any(|t| t == "Strikkeklub"), "{titles:?}");
        // Foreign keyboard and a typo.
        let r = c.get("/offers?q=faellesspisnign").await;
        assert!(
            r.select_text(".offer-card .card__title")
                .iter()
                .any(|t| t.starts_with("Fællesspisning")),
            "{}",
            r.text
        );
        // Tuesday, for the elderly, in Arabic: the journey the browser test also walks.
        let r = c
            .get("/offers?target_group=elderly&weekday=2&lang=ar")
            .await;
        let titles = r.select_text(".offer-card .card__title");
        assert!(
            titles.iter().any(|t| t == "تمارين على الكرسي"),
            "translated title: {titles:?}"
        );
        assert_eq!(r.attr("html", "dir").as_deref(), Some("rtl"));
        // Distance from a department, nearest first.
        let dep = app.demo.org("dep-engbo").expect("dep");
        let r = c
            .get(&format!("/offers?department={dep}&radius_m=1000&lang=da"))
            .await;
        let metas: Vec<String> = r
            .select_text(".offer-card .card__meta")
            .iter()
            .map(|m| m.replace(['\u{2068}', '\u{2069}'], ""))
            .collect();
        assert!(metas.iter().any(|m| m.contains(" m væk")), "{metas:?}");
        assert!(
            r.select_text("#results-heading")
                .iter()
                .any(|h| h.contains("Afd. 11 Engbo"))
        );
        // Bad filters are named and the form stays.
        let r = c.get("/offers?weekday=9&radius_m=5").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.select_text(".error-summary li").len(), 2);
        // Paging.
        let first = c.get("/offers").await;
        let next = first
            .attr("a.button--secondary[href*=cursor]", "href")
            .expect("next page link");
        let second = c.get(&next).await;
        let a = first.select_text(".offer-card .card__title");
        let b = second.select_text(".offer-card .card__title");
        assert_eq!(a.len(), 20);
        assert!(b.iter().all(|t| !a.contains(t)), "pages do not overlap");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_api_returns_the_same_offers_as_the_page() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let page = c
            .get("/offers?q=lektier&lang=da")
            .await
            .select_text(".offer-card .card__title");
        let api = c.get("/api/v1/offers?q=lektier").await.json();
        let titles: Vec<String> = api["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|o| o["title"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(page, titles);
        let first = &api["items"][0];
        assert!(
            first["url"]
                .as_str()
                .expect("url")
                .starts_with("http://naboskab.test/offers/")
        );
        let id = first["id"].as_i64().expect("id");
        let full = c.get(&format!("/api/v1/offers/{id}")).await.json();
        assert_eq!(full["id"], id);
        assert!(full["translations"].is_array());
        let bad = c.get("/api/v1/offers?near=north&colour=red").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["errors"][0]["field"], "colour");
        let bad = c.get("/api/v1/offers?near=95,12").await.json();
        assert_eq!(bad["errors"][0]["field"], "near");
        let near = c
            .get("/api/v1/offers?near=55.6517,12.2995&radius_m=2000&limit=5")
            .await
            .json();
        let d: Vec<i64> = near["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|o| o["distance_m"].as_i64().expect("distance"))
            .collect();
        assert!(d.windows(2).all(|w| w[0] <= w[1]), "nearest first: {d:?}");
        assert!(d.iter().all(|m| *m <= 2000));
        assert_eq!(
            c.get("/api/v1/offers/999999").await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_offer_page_answers_what_when_where_and_describes_itself() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let id = c.get("/api/v1/offers?q=fællesspisning").await.json()["items"][0]["id"]
            .as_i64()
            .expect("id");
        let r = c.get(&format!("/offers/{id}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.select_text("h1"), vec!["Fællesspisning i fælleshuset"]);
        let facts = r.select_text("dl.facts dd").join(" | ");
        assert!(facts.contains("Tirsdage kl. 17.30–19.30"), "{facts}");
        assert!(facts.contains("25,00 kr."), "{facts}");
        assert!(facts.contains("العربية"), "{facts}");
        assert!(r.text.contains("openstreetmap.org"));
        assert_eq!(
            r.attr("meta[property='og:title']", "content").as_deref(),
            Some("Fællesspisning i fælleshuset")
        );
        let sel = scraper::Selector::parse("script[type='application/ld+json']").expect("sel");
        let ld: serde_json::Value =
            serde_json::from_str(&r.html().select(&sel).next().expect("json-ld").inner_html())
                .expect("valid JSON-LD");
        assert_eq!(ld["@type"], "Service");
        assert_eq!(ld["offers"]["price"], "25.00");
        let ar = c.get(&format!("/offers/{id}?lang=ar")).await;
        assert_eq!(ar.select_text("h1"), vec!["وجبة مشتركة في البيت المشترك"]);
        assert_eq!(c.get("/offers/999999").await.status, StatusCode::NOT_FOUND);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn drafts_are_not_public() {
    for app in TestApp::all().await {
        let org = app.demo.org("assoc-broen").expect("org");
        let id = offers::create_offer(
            app.db(),
            &Offer {
                organisation_id: org,
                kind: "activity".into(),
                status: naboskab_domain::offer::OfferStatus::Draft,
                title: "Hemmelig kladde".into(),
                ..Default::default()
            },
            T0,
        )
        .await
        .expect("draft");
        let mut anon = app.client();
        assert_eq!(
            anon.get(&format!("/offers/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            anon.get(&format!("/api/v1/offers/{id}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert!(
            !anon
                .get("/offers?q=hemmelig")
                .await
                .text
                .contains("Hemmelig kladde")
        );
        app.cleanup().await;
    }
}

const XSS: [&str; 8] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "<iframe src=//evil.example>",
    "{{7*7}}",
];

#[tokio::test]
async fn text_in_every_offer_field_is_escaped_everywhere_it_shows() {
    for app in TestApp::all().await {
        let org = app.demo.org("assoc-broen").expect("org");
        let dep = app.demo.org("dep-vestervang").expect("dep");
        for (i, payload) in XSS.iter().enumerate() {
            let o = Offer {
                organisation_id: org,
                department_id: Some(dep),
                kind: "activity".into(),
                status: naboskab_domain::offer::OfferStatus::Published,
                title: format!("Angreb {i} {payload}"),
                when_text: payload.to_string(),
                street: payload.to_string(),
                city: payload.to_string(),
                contact_name: payload.to_string(),
                contact_phone: payload.to_string(),
                contact_email: payload.to_string(),
                what_to_bring: payload.to_string(),
                first_time: payload.to_string(),
                translations: vec![Translation {
                    locale: "ar".into(),
                    title: format!("هجوم {payload}"),
                    description_html: String::new(),
                }],
                ..Default::default()
            };
            let id = offers::create_offer(app.db(), &o, T0)
                .await
                .expect("create");
            let mut c = app.client();
            for path in [
                format!("/offers/{id}"),
                format!("/offers/{id}?lang=ar"),
                "/offers?q=angreb".into(),
                format!("/departments/{dep}"),
                format!("/departments/{dep}/feed.atom"),
            ] {
                let r = c.get(&path).await;
                assert_eq!(r.status, StatusCode::OK, "{path}");
                // The JSON-LD block holds the text as JSON data; it is checked on its own below.
                let body = match (
                    r.text.find("<script type=\"application/ld+json\">"),
                    r.text.find("</script>"),
                ) {
                    (Some(a), Some(b)) if b > a => {
                        let block = &r.text[a + 35..b];
                        assert!(
                            !block.contains('<') && !block.contains("-->"),
                            "JSON-LD can close its script: {block}"
                        );
                        format!("{}{}", &r.text[..a], &r.text[b..])
                    }
                    _ => r.text.clone(),
                }
                .to_lowercase();
                for sink in [
                    "<script>alert",
                    "<img src=x",
                    "\"><img",
                    "<svg onload",
                    "<iframe",
                    "' onmouseover='",
                    "</script><script>",
                ] {
                    assert!(
                        !body.contains(sink),
                        "{path} renders {sink:?} from {payload:?}"
                    );
                }
            }
            let api = c.get(&format!("/api/v1/offers/{id}")).await.json();
            assert_eq!(
                api["when"], *payload,
                "the API returns the text as data, unchanged"
            );
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn feeds_list_new_offers_and_are_announced() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let page = c.get(&format!("/departments/{dep}")).await;
        let href = page
            .attr("link[rel=alternate][type='application/atom+xml']", "href")
            .expect("announced");
        let feed = c.get(&href).await;
        assert_eq!(
            feed.header("content-type"),
            "application/atom+xml; charset=utf-8"
        );
        assert!(feed.text.starts_with("<?xml"));
        assert!(feed.text.matches("<entry>").count() >= 5, "{}", feed.text);
        assert!(feed.text.contains("Fællesspisning i fælleshuset"));
        let m = c.get("/municipalities/0169/feed.atom").await;
        assert!(m.text.matches("<entry>").count() >= 20);
        assert!(
            page.select_text(".offer-card .card__title").len() >= 5,
            "the department page lists its offers"
        );
        assert!(
            page.text.contains("Ahmed Yilmaz"),
            "and its social caretaker"
        );
        let partners = page.select_text("#partners-heading + ul li a");
        assert!(
            partners.contains(&"Seniorklubben Taastrup".to_owned()),
            "and the associations active there: {partners:?}"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_lonely_page_shows_help_and_stores_a_contact_request() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let home = c.get("/").await;
        assert_eq!(
            home.attr("a.lonely-link", "href").as_deref(),
            Some("/ensom"),
            "one click from every page"
        );
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let page = c.get(&format!("/ensom?department={dep}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.select_text(".helpline-phone a").len() >= 3);
        assert!(
            page.text.contains("nummeret er ikke rigtigt"),
            "examples are marked"
        );
        assert!(
            page.text.contains("Ahmed Yilmaz") && page.text.contains("20 11 22 33"),
            "the local caretaker"
        );
        assert!(
            !page
                .select_text("#welcome-heading ~ ul .card__title")
                .is_empty(),
            "offers where newcomers are welcome"
        );
        let r = c
            .post_form(
                "/ensom",
                &[
                    ("department", &dep.to_string()),
                    ("name", "Karin"),
                    ("phone", "20 30 40 50"),
                    ("preferred_language", "da"),
                    ("when_to_call", "Formiddag"),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert!(r.select_text("h1")[0].contains("Tak"));
        let stored = offers::contact_requests_for(app.db(), &app.state.config.outreach_key, dep)
            .await
            .expect("requests");
        assert!(stored.iter().any(|s| s.name == "Karin"
            && s.phone == "20 30 40 50"
            && s.consent_text.contains("giver lov")));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_contact_form_names_problems_and_keeps_what_was_typed() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c
            .post_form(
                "/ensom",
                &[
                    ("name", "Karin"),
                    ("message", "Jeg vil gerne i strikkeklub"),
                    ("consent", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let problems = r.select_text(".error-summary li");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(r.attr("#field-name", "value").as_deref(), Some("Karin"));
        assert!(
            r.select_text("#field-message")
                .contains(&"Jeg vil gerne i strikkeklub".to_owned())
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn when_storing_fails_the_visitor_is_told_and_keeps_the_form() {
    for app in TestApp::all().await {
        let drop = match app.db().backend() {
            naboskab_store::Backend::Sqlite => "DROP TABLE contact_request",
            // PostgreSQL refuses while outreach records refer to it.
            naboskab_store::Backend::Postgres => "DROP TABLE contact_request CASCADE",
        };
        app.db()
            .execute_unchecked(drop)
            .await
            .expect("break the table");
        let dep = app.demo.org("dep-engbo").expect("dep").to_string();
        let r = app
            .client()
            .post_form(
                "/ensom",
                &[
                    ("department", &dep),
                    ("name", "Karin"),
                    ("phone", "20304050"),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(r.text.contains("kunne ikke gemme"));
        assert_eq!(r.attr("#field-name", "value").as_deref(), Some("Karin"));
        assert_eq!(r.attr("#field-phone", "value").as_deref(), Some("20304050"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_contact_request_survives_a_restart() {
    // SQLite only: it closes and reopens the database file, which is what a restart means
    // for the embedded engine (PostgreSQL keeps its data in the server).
    let app = TestApp::sqlite().await;
    let dep = app.demo.org("dep-engbo").expect("dep");
    app.client()
        .post_form(
            "/ensom",
            &[
                ("department", &dep.to_string()),
                ("name", "Bent"),
                ("email", "bent@example.dk"),
                ("consent", "yes"),
            ],
        )
        .await;
    let path = app.db().sqlite_path().expect("sqlite").to_path_buf();
    drop(app.router.clone());
    let reopened = naboskab_store::Db::open_sqlite(&path)
        .await
        .expect("reopen");
    let stored = offers::contact_requests_for(&reopened, &app.state.config.outreach_key, dep)
        .await
        .expect("requests");
    assert!(
        stored
            .iter()
            .any(|r| r.name == "Bent" && r.email == "bent@example.dk")
    );
}

#[tokio::test]
async fn the_demo_has_sixty_offers_covering_every_category_target_group_and_kind() {
    for app in TestApp::all().await {
        let n = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM offer WHERE status = 'published'",
                vec![],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert!(n >= 60, "{n} offers");
        let translated = app
            .db()
            .query_one(
                "SELECT COUNT(DISTINCT offer_id) AS count FROM offer_translation",
                vec![],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert!(
            translated * 3 >= n,
            "a third translated: {translated} of {n}"
        );
        for (kind, all) in [
            (
                "category",
                naboskab_store::migrate::CATEGORIES
                    .iter()
                    .map(|c| c.0)
                    .collect::<Vec<_>>(),
            ),
            ("target", naboskab_domain::offer::TARGET_GROUPS.to_vec()),
        ] {
            for code in all {
                let found = app
                    .db()
                    .query_one(
                        "SELECT COUNT(*) AS count FROM offer_tag WHERE kind = $1 AND code = $2",
                        naboskab_store::params![kind, code],
                    )
                    .await
                    .expect("count")
                    .i64("count")
                    .expect("n");
                assert!(found > 0, "no demo offer with {kind} {code}");
            }
        }
        for kind in naboskab_domain::offer::KINDS {
            let found = app
                .db()
                .query_one(
                    "SELECT COUNT(*) AS count FROM offer WHERE kind = $1",
                    naboskab_store::params![kind],
                )
                .await
                .expect("count")
                .i64("count")
                .expect("n");
            assert!(found > 0, "no demo offer of kind {kind}");
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_hsds_api_serves_the_same_offers_as_open_referral_services() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let root = c.get("/api/hsds/").await.json();
        assert_eq!(root["version"], "3.0");
        let list = c.get("/api/hsds/services?per_page=10").await.json();
        let total = app
            .db()
            .query_one(
                "SELECT COUNT(*) AS count FROM offer WHERE status = 'published'",
                vec![],
            )
            .await
            .expect("count")
            .i64("count")
            .expect("n");
        assert_eq!(list["total_items"], total);
        assert_eq!(list["size"], 10);
        assert_eq!(list["first_page"], true);
        let first = &list["contents"][0];
        for field in ["id", "name", "status"] {
            assert!(!first[field].is_null(), "service lacks {field}");
        }
        let id = first["id"].as_str().expect("id");
        assert_eq!(id.len(), 36);
        let full = c.get(&format!("/api/hsds/services/{id}")).await.json();
        assert_eq!(full["name"], first["name"]);
        let sal = &full["service_at_locations"][0];
        let loc = &sal["location"];
        assert_eq!(loc["location_type"], "physical");
        for field in [
            "id",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ] {
            assert!(
                !loc["addresses"][0][field].is_null(),
                "address lacks {field}"
            );
        }
        assert!(full["organization"]["name"].is_string());
        let loc_id = loc["id"].as_str().expect("location id");
        assert_eq!(
            c.get(&format!("/api/hsds/locations/{loc_id}")).await.json()["id"],
            loc_id
        );
        let sal_id = sal["id"].as_str().expect("sal id");
        assert_eq!(
            c.get(&format!("/api/hsds/service_at_locations/{sal_id}"))
                .await
                .json()["location_id"],
            loc_id
        );
        let orgs = c.get("/api/hsds/organizations").await.json();
        let with_cvr = orgs["contents"]
            .as_array()
            .expect("orgs")
            .iter()
            .find(|o| o["name"] == "Seniorklubben Taastrup")
            .expect("association");
        assert_eq!(
            with_cvr["organization_identifiers"][0]["identifier"],
            "29384756"
        );
        // The open-data API and the Naboskab API list the same offers.
        let ours = c.get("/api/v1/offers?limit=100").await.json();
        let page2 = c.get("/api/v1/offers?limit=100&cursor=").await.json();
        assert_eq!(
            ours["items"].as_array().expect("items").len() as i64,
            total.min(100)
        );
        assert_eq!(page2["items"], ours["items"]);
        assert_eq!(
            c.get(&format!("/api/hsds/locations/{id}")).await.status,
            StatusCode::NOT_FOUND,
            "a service id is no location id"
        );
        let too_few = c.get("/api/hsds/services?per_page=0").await;
        assert_eq!(too_few.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            too_few.text.contains("mellem 1 og 500"),
            "the message names the page size's bounds: {}",
            too_few.text
        );
        app.cleanup().await;
    }
}
