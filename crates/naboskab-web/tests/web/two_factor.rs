//! Two-step sign-in (SEC-14): a caretaker with a password-only session reaches no outreach
//! route until a code from the authenticator app is typed; a code works once; wrong codes
//! are refused and counted; setting the second factor up needs a link mailed to the account
//! (the password alone is not enough) and shows ten recovery codes, each of
//! which works once; a password reset does not skip it. Platform administrators need it for
//! every administration page.

use crate::helpers::TestApp;
use axum::http::StatusCode;
use naboskab_app::totp;
use naboskab_demo::reach::DEMO_TOTP_SECRET;

const CARETAKER: &str = "vicevaert@demo.naboskab.dk";

fn demo_code(app: &TestApp) -> String {
    let secret = totp::from_base32(DEMO_TOTP_SECRET).expect("demo key");
    totp::code_at(&secret, app.state.now())
}

#[tokio::test]
async fn a_password_alone_reaches_no_outreach_record_and_a_code_works_once() {
    for app in TestApp::all().await {
        let record = app
            .db()
            .query_one("SELECT MIN(id) AS min FROM outreach_contact", vec![])
            .await
            .expect("record")
            .i64("min")
            .expect("id");
        let mut c = app.password_only(CARETAKER).await;
        for path in [
            "/outreach".to_owned(),
            format!("/outreach/contacts/{record}"),
            format!("/outreach/contacts/{record}/export.json"),
        ] {
            let r = c.get(&path).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
            assert!(r.location().starts_with("/two-factor?next="), "{path}");
        }
        let r = c
            .post_form(
                &format!("/outreach/contacts/{record}/log"),
                &[("kind", "visit"), ("date", "2026-11-18")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "no write either");
        assert!(r.location().starts_with("/two-factor"));

        let page = c.get("/two-factor?next=%2Foutreach").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("autocomplete=\"one-time-code\""));
        let r = c
            .post_form("/two-factor", &[("code", "000000"), ("next", "/outreach")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text.contains("Koden passer ikke"));
        let code = demo_code(&app);
        let r = c
            .post_form("/two-factor", &[("code", &code), ("next", "/outreach")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert_eq!(r.location(), "/outreach");
        assert_eq!(c.get("/outreach").await.status, StatusCode::OK);

        // The same code in another session is refused (replay), a fresh one works.
        let mut other = app.password_only(CARETAKER).await;
        let r = other
            .post_form("/two-factor", &[("code", &code), ("next", "/outreach")])
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a code works once"
        );
        app.clock.advance(30);
        let r = other
            .post_form(
                "/two-factor",
                &[("code", &demo_code(&app)), ("next", "/outreach")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn setting_up_gives_recovery_codes_that_work_once_and_a_reset_keeps_the_factor() {
    for app in TestApp::all().await {
        // The housing organisation's administrator has no second factor yet.
        let who = "boligorganisation@demo.naboskab.dk";
        let mut c = app.password_only(who).await;
        let page = c.get("/two-factor").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.attr("input[name=secret]", "value").is_none(),
            "the password alone does not open setting up"
        );
        // Whoever has the password alone cannot set the factor up with a key of their own.
        let own_key = totp::base32(&totp::new_secret());
        let own_code = totp::code_at(
            &totp::from_base32(&own_key).expect("base32"),
            app.state.now(),
        );
        let r = c
            .post_form(
                "/two-factor/setup",
                &[
                    ("secret", &own_key),
                    ("code", &own_code),
                    ("token", "guess"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert!(r.text.contains("brugt eller udløbet"));
        let r = c.post_form("/two-factor/setup-link", &[]).await;
        assert_eq!(r.location(), "/two-factor?sent=1");
        let (_, link) = crate::helpers::last_mail(app.db(), who).await;
        let page = c.get(&crate::helpers::local(&link)).await;
        assert_eq!(page.status, StatusCode::OK);
        let key = page
            .attr("input[name=secret]", "value")
            .expect("the key to type");
        let token = page.attr("input[name=token]", "value").expect("the link");
        assert!(page.text.contains("<svg"), "a QR code to scan");
        let secret = totp::from_base32(&key).expect("base32");
        let r = c
            .post_form(
                "/two-factor/setup",
                &[
                    ("secret", &key),
                    ("code", "123456"),
                    ("next", "/account"),
                    ("token", &token),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a wrong first code"
        );
        assert_eq!(
            r.attr("input[name=token]", "value").as_deref(),
            Some(token.as_str()),
            "the link is kept for the next try"
        );
        let code = totp::code_at(&secret, app.state.now());
        let r = c
            .post_form(
                "/two-factor/setup",
                &[
                    ("secret", &key),
                    ("code", &code),
                    ("next", "/account"),
                    ("token", &token),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let codes = r.select_text("ul.recovery-codes code");
        assert_eq!(codes.len(), 10);

        // A new sign-in: a recovery code works once.
        let mut again = app.password_only(who).await;
        let r = again
            .post_form("/two-factor", &[("code", &codes[0].to_lowercase())])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let mut third = app.password_only(who).await;
        let r = third.post_form("/two-factor", &[("code", &codes[0])]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "used up");

        // After a password reset the account still asks for the code.
        let mut caretaker = app.password_only(CARETAKER).await;
        let user = naboskab_store::users::user_by_email(app.db(), CARETAKER)
            .await
            .expect("user")
            .expect("caretaker");
        naboskab_store::users::set_password(
            app.db(),
            user.id,
            &user.password_hash.clone().expect("hash"),
            app.state.now(),
        )
        .await
        .expect("reset");
        let r = caretaker.get("/outreach").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(
            r.location().starts_with("/login"),
            "the old session ended: {}",
            r.location()
        );
        let mut fresh = app.password_only(CARETAKER).await;
        let r = fresh.get("/outreach").await;
        assert!(r.location().starts_with("/two-factor"), "{}", r.location());
        app.cleanup().await;
    }
}

#[tokio::test]
async fn a_platform_administrator_with_a_password_alone_reaches_no_admin_route() {
    for app in TestApp::all().await {
        let admin_routes: Vec<String> = naboskab_web::routes::app_routes()
            .iter()
            .filter(|r| r.method == "GET" && r.path.starts_with("/admin"))
            .map(|r| r.path.replace("{id}", "1"))
            .collect();
        assert!(admin_routes.len() >= 2, "{admin_routes:?}");
        let mut c = app.password_only("admin@demo.naboskab.dk").await;
        for path in &admin_routes {
            let r = c.get(path).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
            assert!(r.location().starts_with("/two-factor?next="), "{path}");
        }
        let secret =
            totp::from_base32(naboskab_demo::reach::DEMO_ADMIN_TOTP_SECRET).expect("demo key");
        let r = c
            .post_form(
                "/two-factor",
                &[
                    ("code", &totp::code_at(&secret, app.state.now())),
                    ("next", "/admin"),
                ],
            )
            .await;
        assert_eq!(r.location(), "/admin", "{}", r.text);
        assert_eq!(c.get("/admin").await.status, StatusCode::OK);
        app.cleanup().await;
    }
}
