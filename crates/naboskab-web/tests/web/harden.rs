//! The holes an outside probe of the demo found, each closed and kept closed here, on SQLite
//! and PostgreSQL: redirects that leave the site, session ids that survive two-step sign-in,
//! outreach ids that tell which records exist, secrets in the request log.

use crate::helpers::{Client, TestApp, record_of};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use naboskab_web::demo_reach::DEMO_TOTP_SECRET;
use naboskab_web::totp;
use std::sync::{Arc, Mutex};

const CARETAKER: &str = "vicevaert@demo.naboskab.dk";
const RESIDENT: &str = "beboer@demo.naboskab.dk";

fn demo_code(app: &TestApp) -> String {
    let secret = totp::from_base32(DEMO_TOTP_SECRET).expect("demo key");
    totp::code_at(&secret, app.state.now())
}

/// `next` values a browser would follow off the site, or that cannot stand in a header.
const HOSTILE_NEXT: &[&str] = &[
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "https://evil.example/",
    "/ /evil.example",
    "/account\r\nSet-Cookie: x=1",
    "/konto\u{7f}",
    "",
];

#[tokio::test]
async fn sign_in_follows_only_local_paths_and_never_fails_on_a_strange_next() {
    for app in TestApp::all().await {
        for next in HOSTILE_NEXT {
            // Two sign-ins each time: stay under the per-address limit of ten a minute.
            app.clock.advance(61);
            // The login form carries only a safe value along.
            let mut c = app.client();
            let q = naboskab_web::layers::urlencode(next);
            let form = c.get(&format!("/login?next={q}")).await;
            assert_eq!(form.status, StatusCode::OK, "{next:?}");
            assert_eq!(
                form.attr("input[name=next]", "value").as_deref(),
                Some("/account"),
                "{next:?}"
            );
            // Signing in with it goes to the account page.
            let r = c
                .post_form(
                    "/login",
                    &[
                        ("email", RESIDENT),
                        ("password", crate::helpers::PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{next:?}: {}", r.text);
            assert_eq!(r.location(), "/account", "{next:?}");
            // Two-step sign-in, already passed, redirects at once: also only locally.
            let mut staff = app.logged_in(CARETAKER).await;
            let r = staff.get(&format!("/two-factor?next={q}")).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{next:?}");
            assert_eq!(r.location(), "/account", "{next:?}");
        }
        // A local path is still followed, query and all.
        let mut c = app.client();
        let r = c
            .post_form(
                "/login",
                &[
                    ("email", RESIDENT),
                    ("password", crate::helpers::PASSWORD),
                    ("next", "/calendar?view=month"),
                ],
            )
            .await;
        assert_eq!(r.location(), "/calendar?view=month");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn passing_two_step_sign_in_gives_the_session_a_new_id() {
    for app in TestApp::all().await {
        let mut c = app.password_only(CARETAKER).await;
        let cookie_name = app.state.config.session_cookie();
        let before: Client = c.clone();
        let old = c.cookies.get(cookie_name).cloned().expect("session");
        let r = c
            .post_form(
                "/two-factor",
                &[("code", &demo_code(&app)), ("next", "/outreach")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let new = c.cookies.get(cookie_name).cloned().expect("session");
        assert_ne!(old, new, "a new session id after the second factor");
        assert_eq!(c.get("/outreach").await.status, StatusCode::OK);
        // The id known before the step (fixed by an attacker, or seen on the way) is dead.
        let mut stale = before;
        let r = stale.get("/account").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().starts_with("/login"), "{}", r.location());
        app.cleanup().await;
    }
}

#[tokio::test]
async fn another_organisations_outreach_record_answers_like_a_missing_one() {
    for app in TestApp::all().await {
        let other = record_of(&app, "org-vestegn").await;
        let missing = 999_999_999;
        let mut page = app.logged_in(CARETAKER).await;
        for path in [
            "/outreach/contacts/{}",
            "/outreach/contacts/{}/edit",
            "/outreach/contacts/{}/export.json",
            "/api/v1/outreach/contacts/{}",
        ] {
            let foreign = page.get(&path.replace("{}", &other.to_string())).await;
            let absent = page.get(&path.replace("{}", &missing.to_string())).await;
            assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{path}");
            assert_eq!(absent.status, StatusCode::NOT_FOUND, "{path}");
            assert!(!foreign.text.contains("(fiktiv)"), "{path}");
        }
        let r = page
            .post_form(
                &format!("/outreach/contacts/{other}/log"),
                &[("kind", "visit"), ("date", "2026-11-18")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "writes too");
        app.cleanup().await;
    }
}

/// A `tracing` writer into a shared buffer, to read what the request log says.
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test]
async fn a_refused_csrf_check_logs_the_route_but_no_secret_from_the_path_or_query() {
    for app in TestApp::all().await {
        let log = LogBuffer::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let secret = "S3cretSignupLinkToken0123456789abcdef";
        let mut c = app.client();
        c.get("/").await;
        let r = c
            .send(
                Request::post(format!("/signups/{secret}/cancel?code=QuerySecret42"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from("csrf_token=forged"))
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let text = String::from_utf8(log.0.lock().expect("log").clone()).expect("utf-8");
        assert!(text.contains("CSRF check failed"), "{text}");
        assert!(text.contains("/signups/{token}/cancel"), "{text}");
        assert!(
            !text.contains(secret),
            "the path's secret is logged: {text}"
        );
        assert!(
            !text.contains("QuerySecret42"),
            "the query is logged: {text}"
        );
        app.cleanup().await;
    }
}
