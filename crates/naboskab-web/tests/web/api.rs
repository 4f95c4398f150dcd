//! The JSON API and its OpenAPI document.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[tokio::test]
async fn municipalities_lists_all_98_on_every_backend() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.get("/api/v1/municipalities").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.header("content-type"), "application/json; charset=utf-8");
        let j = r.json();
        assert_eq!(j["count"], 98);
        let items = j["items"].as_array().expect("items");
        assert_eq!(items.len(), 98);
        let htk = items.iter().find(|m| m["code"] == "0169").expect("0169");
        assert_eq!(htk["name"], "Høje-Taastrup");
        assert_eq!(htk["region_code"], "1084");
        assert_eq!(htk["url"], "http://naboskab.test/municipalities/0169");
        let one = c.get("/api/v1/municipalities/0101").await.json();
        assert_eq!(one["name"], "København");
        assert_eq!(
            c.get("/api/v1/municipalities/0411").await.status,
            StatusCode::NOT_FOUND,
            "Christiansø is not a municipality"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn organisations_filter_by_kind_and_municipality() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let deps = c.get("/api/v1/organisations?kind=department").await.json();
        assert_eq!(deps["count"], 5);
        assert!(deps["items"].as_array().expect("items").iter().all(|o| {
            o["lat"].is_number()
                && o["url"]
                    .as_str()
                    .is_some_and(|u| u.contains("/departments/"))
        }));
        let in_htk = c
            .get("/api/v1/organisations?municipality=0169&kind=association")
            .await
            .json();
        assert_eq!(in_htk["count"], 3);
        let id = app.demo.org("assoc-seniorklub").expect("org");
        let one = c.get(&format!("/api/v1/organisations/{id}")).await.json();
        assert_eq!(one["cvr"], "29384756");
        assert_eq!(one["kind"], "association");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn bad_query_parameters_are_named_in_a_localized_problem() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.get("/api/v1/organisations?kind=castle").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            r.header("content-type"),
            "application/problem+json; charset=utf-8"
        );
        let p = r.json();
        assert_eq!(p["status"], 422);
        assert_eq!(p["errors"][0]["field"], "kind");
        assert_eq!(p["detail"], "Ukendt type organisation.");
        c.headers.push(("accept-language".into(), "en".into()));
        let p = c
            .get("/api/v1/organisations?sort=password_hash")
            .await
            .json();
        assert_eq!(p["errors"][0]["field"], "sort");
        assert_eq!(p["errors"][0]["code"], "field-unknown");
        assert_eq!(p["title"], "Something in the request is wrong");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn me_needs_a_bearer_token_and_unknown_api_routes_are_problems() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.get("/api/v1/me").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.json()["code"], "unauthorized");
        assert_eq!(r.header("www-authenticate"), "Bearer");
        let user = app.demo.user("vicevaert@demo.naboskab.dk").expect("user");
        let secret = naboskab_app::accounts::issue_api_token(app.db(), user, "test", None, T0)
            .await
            .expect("token");
        c.headers
            .push(("authorization".into(), format!("Bearer {secret}")));
        let me = c.get("/api/v1/me").await.json();
        assert_eq!(me["display_name"], "Ahmed Yilmaz");
        assert_eq!(me["roles"][0]["role"], "social_caretaker");
        let mut bad = app.client();
        bad.headers
            .push(("authorization".into(), "Bearer nbk_not_a_token".into()));
        assert_eq!(
            bad.get("/api/v1/municipalities").await.status,
            StatusCode::UNAUTHORIZED,
            "a bad token is never anonymous"
        );
        let nf = app.client().get("/api/v1/nope").await;
        assert_eq!(nf.status, StatusCode::NOT_FOUND);
        assert_eq!(nf.json()["code"], "not_found");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn openapi_document_is_3_1_and_lists_every_api_route() {
    for app in TestApp::all().await {
        let doc = app.client().get("/api/v1/openapi.json").await.json();
        assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
        let paths = doc["paths"].as_object().expect("paths");
        for route in naboskab_web::routes::app_routes() {
            if route.path.starts_with("/api/v1/") && route.path != "/api/v1/openapi.json" {
                assert!(
                    paths.contains_key(route.path),
                    "{} missing from OpenAPI",
                    route.path
                );
            }
        }
        assert!(doc["components"]["schemas"]["MunicipalityOut"].is_object());
        assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_openapi_document_states_the_statuses_bounds_and_sets_the_server_checks() {
    for app in TestApp::all().await {
        let doc = app.client().get("/api/v1/openapi.json").await.json();
        let paths = doc["paths"].as_object().expect("paths");
        for (path, item) in paths {
            for (method, op) in item.as_object().expect("path item") {
                let responses = &op["responses"];
                assert!(
                    responses["401"].is_object(),
                    "{method} {path}: a bad bearer token answers 401 everywhere"
                );
                if path.contains('{') {
                    for status in ["404", "422"] {
                        assert!(responses[status].is_object(), "{method} {path}: {status}");
                    }
                }
                if op.get("requestBody").is_some() {
                    for status in ["415", "422"] {
                        assert!(responses[status].is_object(), "{method} {path}: {status}");
                    }
                }
            }
        }
        let offers = &doc["paths"]["/api/v1/offers"]["get"]["parameters"];
        let param = |name: &str| {
            offers
                .as_array()
                .expect("parameters")
                .iter()
                .find(|p| p["name"] == name)
                .unwrap_or_else(|| panic!("{name} documented"))
                .clone()
        };
        assert_eq!(param("limit")["schema"]["minimum"], 1);
        assert_eq!(param("limit")["schema"]["maximum"], 100);
        assert_eq!(param("radius_m")["schema"]["minimum"], 100);
        let groups = param("target_group")["schema"]["enum"].clone();
        for g in naboskab_domain::offer::TARGET_GROUPS {
            assert!(groups.as_array().expect("enum").contains(&g.into()), "{g}");
        }
        let categories = param("category")["schema"]["enum"].clone();
        let first = naboskab_store::offers::categories(app.db())
            .await
            .expect("categories")
            .into_iter()
            .next()
            .expect("a category");
        assert!(
            categories
                .as_array()
                .expect("enum")
                .contains(&first.code.clone().into()),
            "the taxonomy's categories are the enum: {categories}"
        );
        // What the document now says the server keeps: a flag is a flag.
        let r = app.client().get("/api/v1/offers?free=AAA").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(r.json()["errors"][0]["field"], "free");
        assert_eq!(
            app.client().get("/api/v1/offers?free=false").await.status,
            StatusCode::OK
        );
        // A JSON body that is not JSON is 415, named as such.
        let r = app
            .client()
            .send(
                Request::post("/api/v1/occurrences/1/signups")
                    .header(header::CONTENT_TYPE, "text/plain")
                    .body(Body::from("{}"))
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(r.json()["code"], "unsupported_media_type");
        app.cleanup().await;
    }
}
