//! Languages and pages as a visitor sees them.

use crate::helpers::*;
use axum::http::StatusCode;

#[tokio::test]
async fn pages_carry_lang_and_dir_and_the_choice_is_remembered() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let da = c.get("/").await;
        assert_eq!(da.attr("html", "lang").as_deref(), Some("da"));
        assert_eq!(da.attr("html", "dir").as_deref(), Some("ltr"));
        let ar = c.get("/?lang=ar").await;
        assert_eq!(ar.attr("html", "lang").as_deref(), Some("ar"));
        assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
        let later = c.get("/municipalities").await;
        assert_eq!(
            later.attr("html", "dir").as_deref(),
            Some("rtl"),
            "remembered in a cookie"
        );
        assert_eq!(later.select_text("h1"), vec!["البلديات"]);
        let en = c.get("/municipalities?lang=en").await;
        assert_eq!(en.select_text("h1"), vec!["Municipalities"]);
        // The switcher names each language in itself and links to the same page.
        let names = en.select_text("nav.lang-switcher a");
        assert_eq!(names, vec!["Dansk", "English", "العربية"]);
        assert_eq!(
            en.attr("nav.lang-switcher a[hreflang=ar]", "href")
                .as_deref(),
            Some("/municipalities?lang=ar")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn accept_language_is_used_when_nothing_was_chosen() {
    for app in TestApp::all().await {
        let mut c = app.client();
        c.headers
            .push(("accept-language".into(), "ar-SA,ar;q=0.9,en;q=0.5".into()));
        assert_eq!(c.get("/").await.attr("html", "lang").as_deref(), Some("ar"));
        let mut d = app.client();
        d.headers
            .push(("accept-language".into(), "de-DE,fr;q=0.9".into()));
        assert_eq!(
            d.get("/").await.attr("html", "lang").as_deref(),
            Some("da"),
            "Danish is the default"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn signed_in_language_choice_is_stored_on_the_account() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("beboer@demo.naboskab.dk").await;
        c.get("/?lang=en").await;
        let mut fresh = app.logged_in("beboer@demo.naboskab.dk").await;
        fresh.cookies.remove("naboskab_lang");
        assert_eq!(
            fresh.get("/account").await.attr("html", "lang").as_deref(),
            Some("en")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn unknown_pages_give_a_localized_404() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.get("/findes/ikke").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.select_text("h1"), vec!["Siden findes ikke"]);
        let r = c.get("/findes/ikke?lang=ar").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.attr("html", "dir").as_deref(), Some("rtl"));
        assert_ne!(r.select_text("h1"), vec!["Siden findes ikke"]);
        assert_eq!(
            c.get("/departments/999999").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            c.get("/municipalities/9999").await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn public_pages_show_the_demo_organisations() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let home = c.get("/").await;
        assert!(
            home.select_text(".card__title")
                .iter()
                .any(|t| t == "Afd. 3 Nørreparken")
        );
        let list = c.get("/municipalities").await;
        assert_eq!(list.select_text("main li a").len(), 98);
        assert_eq!(list.select_text("main h2").len(), 5, "five regions");
        let htk = c.get("/municipalities/0169").await;
        assert_eq!(htk.select_text("h1"), vec!["Høje-Taastrup"]);
        assert_eq!(htk.select_text("#deps-heading + ul .card__title").len(), 5);
        assert!(
            htk.select_text(".card__title")
                .iter()
                .any(|t| t == "Seniorklubben Taastrup")
        );
        assert_eq!(
            c.get("/municipalities/169").await.location(),
            "/municipalities/0169"
        );
        let dep = app.demo.org("dep-norreparken").expect("dep");
        let page = c.get(&format!("/departments/{dep}")).await;
        assert_eq!(page.select_text("h1"), vec!["Afd. 3 Nørreparken"]);
        assert!(page.text.contains("Parkvej 14, 2630 Taastrup"));
        assert!(page.text.contains("Boligselskabet Taastrup Have"));
        assert!(page.text.contains("Boligområdet Taastrup Øst"));
        let area = app.demo.org("area-taastrup-ost").expect("area");
        let area_page = c.get(&format!("/organisations/{area}")).await;
        assert_eq!(
            area_page
                .select_text("#children-heading + ul .card__title")
                .len(),
            3
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn dates_on_pages_are_local_time_in_the_chosen_language() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("arrangoer@demo.naboskab.dk").await;
        c.post_form("/account/tokens", &[("name", "t")]).await;
        // T0 = 2026-11-18 11:06:40 UTC = 12.06 in Copenhagen (winter time, UTC+1).
        let da = c.get("/account?lang=da").await;
        assert!(
            da.text.contains("18. november 2026 kl. 12.06"),
            "{}",
            da.text
        );
        let en = c.get("/account?lang=en").await;
        assert!(en.text.contains("18 November 2026, 12:06"));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn demo_outbox_exists_only_in_demo_mode() {
    // SQLite only: it builds a second server from the same state with another configuration;
    // what it checks (a route that exists only in demo mode) does not touch the store.
    let app = TestApp::sqlite().await;
    assert_eq!(
        app.client().get("/demo/outbox").await.status,
        StatusCode::OK
    );
    let prod = TestApp::with(
        naboskab_store::testing::TestDb::sqlite().await.expect("db"),
        naboskab_web::WebConfig::default(),
    )
    .await;
    assert_eq!(
        prod.client().get("/demo/outbox").await.status,
        StatusCode::NOT_FOUND
    );
}
