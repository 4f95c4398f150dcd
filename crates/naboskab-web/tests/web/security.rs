//! CSRF, cookies, security headers, rate limits and session fixation (SEC-08, SEC-09,
//! SEC-11, SEC-13).

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use naboskab_store::users;
use naboskab_web::WebConfig;

#[tokio::test]
async fn state_changing_requests_without_a_valid_csrf_token_are_refused_and_change_nothing() {
    for app in TestApp::all().await {
        // Login without a token: refused, no session.
        let mut c = app.client();
        c.get("/").await;
        let r = c
            .post_raw(
                "/login",
                &[("email", "beboer@demo.naboskab.dk"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.text.contains("Formularen er udløbet"));
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);

        // Signed in: password change with a wrong token changes nothing.
        let mut s = app.logged_in("beboer@demo.naboskab.dk").await;
        let r = s
            .post_raw(
                "/account/password",
                &[
                    ("csrf_token", "forged"),
                    ("current_password", PASSWORD),
                    ("new_password", "et helt nyt kodeord"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            app.client()
                .login("beboer@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );

        // A valid token but a foreign Origin, or a cross-site fetch: refused.
        let token = s.csrf("/account").await;
        for (name, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ] {
            let mut evil = s.clone();
            evil.headers.push((name.into(), value.into()));
            let r = evil
                .post_raw("/account/logout-everywhere", &[("csrf_token", &token)])
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{name}");
        }
        assert_eq!(
            s.get("/account").await.status,
            StatusCode::OK,
            "still signed in"
        );
        // Logout needs the token as well.
        assert_eq!(
            s.post_raw("/logout", &[]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(s.get("/account").await.status, StatusCode::OK);
        // The same-origin form works.
        let mut same = s.clone();
        same.headers
            .push(("origin".into(), "http://naboskab.test".into()));
        assert_eq!(
            same.post_raw("/logout", &[("csrf_token", &token)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn session_cookie_flags_and_a_new_token_at_login() {
    // SQLite only: it builds servers with https and http base addresses to compare cookie
    // flags; the store is not what it checks.
    let app = TestApp::sqlite().await;
    let mut c = app.client();
    c.get("/").await;
    let r = c.login("beboer@demo.naboskab.dk", PASSWORD).await;
    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|c| c.starts_with("naboskab_session="))
        .expect("session cookie");
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(flag), "{cookie} lacks {flag}");
    }
    assert!(!cookie.contains("Secure"), "plain http base URL");
    let first = c.cookies["naboskab_session"].clone();
    assert!(first.len() >= 43, "at least 256 bits");
    // Signing in again replaces the session: the old token stops working (no fixation).
    let mut attacker = app.client();
    attacker
        .cookies
        .insert("naboskab_session".into(), first.clone());
    c.login("beboer@demo.naboskab.dk", PASSWORD).await;
    assert_ne!(c.cookies["naboskab_session"], first);
    assert_eq!(attacker.get("/account").await.status, StatusCode::SEE_OTHER);

    let https = TestApp::with(
        naboskab_store::testing::TestDb::sqlite().await.expect("db"),
        WebConfig {
            base_url: "https://naboskab.example.dk".into(),
            ..WebConfig::default()
        },
    )
    .await;
    let mut c = https.client();
    c.headers
        .push(("origin".into(), "https://naboskab.example.dk".into()));
    let r = c.login("beboer@demo.naboskab.dk", PASSWORD).await;
    let cookie = r
        .set_cookies()
        .into_iter()
        .find(|c| c.contains("session"))
        .expect("cookie");
    assert!(cookie.starts_with("__Host-naboskab_session="), "{cookie}");
    assert!(cookie.contains("; Secure"));
}

#[tokio::test]
async fn security_headers_on_every_kind_of_response() {
    for app in TestApp::all().await {
        let mut c = app.client();
        for path in [
            "/",
            "/api/v1/municipalities",
            "/no/such/page",
            "/api/v1/nothing",
            "/static/app.css",
            "/healthz",
        ] {
            let r = c.get(path).await;
            let csp = r.header("content-security-policy");
            for part in [
                "default-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
            ] {
                assert!(csp.contains(part), "{path}: {csp}");
            }
            assert!(!csp.contains("unsafe-inline"), "{path}");
            assert_eq!(r.header("x-content-type-options"), "nosniff", "{path}");
            assert_eq!(r.header("referrer-policy"), "same-origin", "{path}");
            assert!(
                r.header("strict-transport-security")
                    .contains("max-age=31536000"),
                "{path}"
            );
            assert!(
                r.header("content-type").contains("charset=utf-8") || path == "/static/app.css",
                "{path}: {}",
                r.header("content-type")
            );
            assert!(r.header("server").is_empty());
        }
        app.cleanup().await;
    }
}

#[tokio::test]
async fn eleventh_login_in_a_minute_from_one_address_gets_429_then_recovers() {
    for app in TestApp::all().await {
        let mut c = app.client();
        for i in 0..10 {
            let r = c.login("beboer@demo.naboskab.dk", "wrong password!").await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
        }
        let r = c.login("beboer@demo.naboskab.dk", PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!r.header("retry-after").is_empty());
        assert!(r.text.contains("For mange forsøg"));
        app.clock.advance(61);
        // The address may try again after a minute: another account gets in at once…
        assert_eq!(
            c.login("bestyrelse@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        // …while the account it guessed at waits out its 15 minutes from this unknown device.
        let mut c = app.client();
        assert_eq!(
            c.login("beboer@demo.naboskab.dk", PASSWORD).await.status,
            StatusCode::TOO_MANY_REQUESTS
        );
        app.clock.advance(15 * 60);
        assert_eq!(
            c.login("beboer@demo.naboskab.dk", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_account_locks_softly_after_100_failures_in_an_hour() {
    for app in TestApp::all().await {
        for i in 0..100 {
            app.state.sign_in.failed(
                "beboer@demo.naboskab.dk",
                &format!("192.0.2.{}", i % 10),
                naboskab_web::ratelimit::Device::Unknown,
                app.clock_now() - 10 - i,
            );
        }
        let mut c = app.client();
        assert_eq!(
            c.login("beboer@demo.naboskab.dk", PASSWORD).await.status,
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            app.client()
                .login("bestyrelse@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        app.clock.advance(3600);
        assert_eq!(
            app.client()
                .login("beboer@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_at_once() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let id = app.demo.user("arrangoer@demo.naboskab.dk").expect("user");
        users::set_disabled(app.db(), id, true, app.clock_now())
            .await
            .expect("disable");
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.client()
                .login("arrangoer@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn no_get_route_changes_anything() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("admin@demo.naboskab.dk").await;
        let before = naboskab_store::outbox::recent(app.db(), 100)
            .await
            .expect("outbox")
            .len();
        let sessions = users::count_sessions_of_user(
            app.db(),
            app.demo.user("admin@demo.naboskab.dk").expect("u"),
        )
        .await
        .expect("n");
        for route in naboskab_web::routes::app_routes()
            .iter()
            .filter(|r| r.method == "GET")
        {
            let path = route.path.replace("{id}", "1").replace("{code}", "0169");
            c.get(&path).await;
        }
        assert_eq!(
            naboskab_store::outbox::recent(app.db(), 100)
                .await
                .expect("outbox")
                .len(),
            before
        );
        assert_eq!(
            users::count_sessions_of_user(
                app.db(),
                app.demo.user("admin@demo.naboskab.dk").expect("u")
            )
            .await
            .expect("n"),
            sessions
        );
        assert_eq!(c.get("/account").await.status, StatusCode::OK);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn json_api_calls_with_a_session_cookie_need_the_csrf_header() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("beboer@demo.naboskab.dk").await;
        let r = c
            .send(
                Request::post("/api/v1/me")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{}"))
                    .expect("req"),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            r.header("content-type"),
            "application/problem+json; charset=utf-8"
        );
        app.cleanup().await;
    }
}

impl TestApp {
    pub fn clock_now(&self) -> i64 {
        use naboskab_web::clock::Clock;
        self.clock.now()
    }
}
