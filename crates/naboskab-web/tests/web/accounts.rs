//! Accounts as a person uses them: sign in and out, register and confirm, reset and change the
//! password, API tokens.

use crate::helpers::*;
use axum::http::StatusCode;
use naboskab_store::users;

#[tokio::test]
async fn resident_signs_in_sees_account_and_signs_out() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c.login("beboer@demo.naboskab.dk", PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.location(), "/account");
        let account = c.get("/account").await;
        assert_eq!(account.status, StatusCode::OK);
        assert!(account.text.contains("Fatima Hassan"));
        assert!(
            account
                .select_text("main li")
                .iter()
                .any(|t| t.contains("Beboer") && t.contains("Nørreparken"))
        );
        assert_eq!(account.header("cache-control"), "no-store");

        let old_cookies = c.cookies.clone();
        let out = c.post_form("/logout", &[]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        // The old cookie no longer works: the session is gone on the server.
        let mut replay = app.client();
        replay.cookies = old_cookies;
        let r = replay.get("/account").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().starts_with("/login?next="));
        app.cleanup().await;
    }
}

#[tokio::test]
async fn wrong_password_gives_the_same_answer_for_known_and_unknown_addresses() {
    for app in TestApp::all().await {
        let mut a = app.client();
        let known = a
            .login("beboer@demo.naboskab.dk", "wrong password here")
            .await;
        let mut b = app.client();
        let unknown = b
            .login("nobody@demo.naboskab.dk", "wrong password here")
            .await;
        assert_eq!(known.status, StatusCode::UNAUTHORIZED);
        assert_eq!(unknown.status, known.status);
        assert_eq!(
            known.select_text(".error-summary li"),
            unknown.select_text(".error-summary li")
        );
        assert_eq!(
            known.select_text(".error-summary li"),
            vec!["E-mail eller adgangskode er forkert."]
        );
        // What the person typed is kept.
        assert_eq!(
            known.attr("input[name=email]", "value").as_deref(),
            Some("beboer@demo.naboskab.dk")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn registration_sends_a_confirmation_link_that_works_once() {
    for app in TestApp::all().await {
        let mut c = app.client();
        let r = c
            .post_form(
                "/register",
                &[
                    ("name", "Ny Nabo"),
                    ("email", "ny@example.dk"),
                    ("password", "en lang og god sætning"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        let (body, link) = last_mail(app.db(), "ny@example.dk").await;
        assert!(body.contains("Hej Ny Nabo"), "{body}");
        assert!(link.starts_with("http://naboskab.test/verify-email?token="));
        // The GET shows a button; nothing changes until it is pressed.
        let page = c.get(&local(&link)).await;
        assert_eq!(page.status, StatusCode::OK);
        let user = users::user_by_email(app.db(), "ny@example.dk")
            .await
            .expect("get")
            .expect("exists");
        assert!(user.email_verified_at.is_none());
        let token = page
            .attr("input[name=token]", "value")
            .expect("token field");
        let done = c.post_form("/verify-email", &[("token", &token)]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let user = users::user_by_email(app.db(), "ny@example.dk")
            .await
            .expect("get")
            .expect("exists");
        assert!(user.email_verified_at.is_some());
        let again = c.post_form("/verify-email", &[("token", &token)]).await;
        assert_eq!(again.status, StatusCode::GONE);
        // Now the new account can sign in.
        let login = app
            .client()
            .login("ny@example.dk", "en lang og god sætning")
            .await;
        assert_eq!(login.status, StatusCode::SEE_OTHER);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn registering_a_known_address_looks_the_same_and_tells_the_owner() {
    for app in TestApp::all().await {
        let known = app
            .client()
            .post_form(
                "/register",
                &[
                    ("name", "X"),
                    ("email", "beboer@demo.naboskab.dk"),
                    ("password", "en lang og god sætning"),
                ],
            )
            .await;
        let unknown = app
            .client()
            .post_form(
                "/register",
                &[
                    ("name", "X"),
                    ("email", "helt-ny@example.dk"),
                    ("password", "en lang og god sætning"),
                ],
            )
            .await;
        assert_eq!(known.status, unknown.status);
        assert_eq!(known.select_text("main"), unknown.select_text("main"));
        let (body, _) = last_mail(app.db(), "beboer@demo.naboskab.dk").await;
        assert!(body.contains("allerede en"), "{body}");
        app.cleanup().await;
    }
}

#[tokio::test]
async fn registration_names_every_bad_field_and_keeps_the_input() {
    for app in TestApp::all().await {
        let r = app
            .client()
            .post_form(
                "/register",
                &[
                    ("name", ""),
                    ("email", "not-an-address"),
                    ("password", "kort"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let problems = r.select_text(".error-summary li");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("12 tegn")));
        assert_eq!(
            r.attr("input[name=email]", "value").as_deref(),
            Some("not-an-address")
        );
        assert_eq!(
            r.attr("#field-email", "aria-invalid").as_deref(),
            Some("true")
        );
        // A common password is refused too.
        let r = app
            .client()
            .post_form(
                "/register",
                &[
                    ("name", "A"),
                    ("email", "a@example.dk"),
                    ("password", "passwordpassword"),
                ],
            )
            .await;
        assert!(
            r.select_text(".error-summary li")
                .iter()
                .any(|p| p.contains("almindelig"))
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn password_reset_works_once_within_30_minutes_and_ends_other_sessions() {
    for app in TestApp::all().await {
        let mut elsewhere = app.logged_in("beboer@demo.naboskab.dk").await;
        let mut c = app.client();
        let r = c
            .post_form("/password/forgot", &[("email", "beboer@demo.naboskab.dk")])
            .await;
        let unknown = app
            .client()
            .post_form("/password/forgot", &[("email", "nobody@example.dk")])
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            r.select_text("main"),
            unknown.select_text("main"),
            "same answer for unknown addresses"
        );
        let (_, link) = last_mail(app.db(), "beboer@demo.naboskab.dk").await;
        let form = c.get(&local(&link)).await;
        let token = form.attr("input[name=token]", "value").expect("token");
        let weak = c
            .post_form(
                "/password/reset",
                &[("token", &token), ("password", "kort")],
            )
            .await;
        assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
        let ok = c
            .post_form(
                "/password/reset",
                &[("token", &token), ("password", "mit nye gode kodeord")],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(ok.location(), "/login?notice=notice-password-reset");
        let reuse = c
            .post_form(
                "/password/reset",
                &[("token", &token), ("password", "endnu et nyt kodeord")],
            )
            .await;
        assert_eq!(reuse.status, StatusCode::GONE);
        assert_eq!(
            elsewhere.get("/account").await.status,
            StatusCode::SEE_OTHER,
            "other session ended"
        );
        assert_eq!(
            app.client()
                .login("beboer@demo.naboskab.dk", PASSWORD)
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.client()
                .login("beboer@demo.naboskab.dk", "mit nye gode kodeord")
                .await
                .status,
            StatusCode::SEE_OTHER
        );

        // A second link expires after 30 minutes.
        c.post_form("/password/forgot", &[("email", "beboer@demo.naboskab.dk")])
            .await;
        let (_, link) = last_mail(app.db(), "beboer@demo.naboskab.dk").await;
        app.clock.advance(30 * 60 + 1);
        let expired = c.get(&local(&link)).await;
        assert!(
            expired.attr("input[name=token]", "value").is_none(),
            "expired link shows no form"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    for app in TestApp::all().await {
        let mut phone = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let mut laptop = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let wrong = laptop
            .post_form(
                "/account/password",
                &[
                    ("current_password", "forkert"),
                    ("new_password", "et nyt og langt kodeord"),
                ],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text.contains("nuværende adgangskode er forkert"));
        let ok = laptop
            .post_form(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "et nyt og langt kodeord"),
                ],
            )
            .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(
            laptop.get("/account").await.status,
            StatusCode::OK,
            "this browser stays signed in"
        );
        assert_eq!(
            phone.get("/account").await.status,
            StatusCode::SEE_OTHER,
            "the other one is signed out"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn logout_everywhere_ends_every_session() {
    for app in TestApp::all().await {
        let mut a = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        let mut b = app.logged_in("bestyrelse@demo.naboskab.dk").await;
        let r = a.post_form("/account/logout-everywhere", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(a.get("/account").await.status, StatusCode::SEE_OTHER);
        assert_eq!(b.get("/account").await.status, StatusCode::SEE_OTHER);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn api_tokens_are_shown_once_work_and_can_be_revoked() {
    for app in TestApp::all().await {
        let mut c = app.logged_in("arrangoer@demo.naboskab.dk").await;
        let r = c
            .post_form("/account/tokens", &[("name", "Foreningens regneark")])
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let secret = r
            .select_text(".notice code")
            .first()
            .cloned()
            .expect("secret shown");
        assert!(secret.starts_with("nbk_"));
        let again = c.get("/account").await;
        assert!(
            !again.text.contains(&secret),
            "the secret is shown only once"
        );
        assert!(again.text.contains("Foreningens regneark"));

        let mut api = app.client();
        api.headers
            .push(("authorization".into(), format!("Bearer {secret}")));
        let me = api.get("/api/v1/me").await;
        assert_eq!(me.status, StatusCode::OK);
        assert_eq!(me.json()["email"], "arrangoer@demo.naboskab.dk");

        let id = users::api_tokens_of_user(
            app.db(),
            app.demo.user("arrangoer@demo.naboskab.dk").expect("user"),
            app.clock_now(),
        )
        .await
        .expect("tokens")[0]
            .id;
        let revoke = c
            .post_form(&format!("/account/tokens/{id}/revoke"), &[])
            .await;
        assert_eq!(revoke.status, StatusCode::SEE_OTHER);
        assert_eq!(api.get("/api/v1/me").await.status, StatusCode::UNAUTHORIZED);
        // Someone else's token id is not found.
        let mut other = app.logged_in("beboer@demo.naboskab.dk").await;
        assert_eq!(
            other
                .post_form(&format!("/account/tokens/{id}/revoke"), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn staff_sessions_end_after_30_idle_minutes_residents_do_not() {
    for app in TestApp::all().await {
        let mut staff = app.logged_in("vicevaert@demo.naboskab.dk").await;
        let mut resident = app.logged_in("beboer@demo.naboskab.dk").await;
        app.clock.advance(31 * 60);
        assert_eq!(staff.get("/account").await.status, StatusCode::SEE_OTHER);
        assert_eq!(resident.get("/account").await.status, StatusCode::OK);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn housing_org_admin_grants_roles_in_own_departments_only() {
    for app in TestApp::all().await {
        let mut admin = app.logged_in("boligorganisation@demo.naboskab.dk").await;
        let own = app.demo.org("dep-engbo").expect("org");
        let other = app.demo.org("dep-flong").expect("org");
        let r = admin
            .post_form(
                &format!("/organisations/{own}/members"),
                &[
                    ("email", "beboer@demo.naboskab.dk"),
                    ("role", "board_member"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let roles = users::memberships_of(
            app.db(),
            app.demo.user("beboer@demo.naboskab.dk").expect("u"),
        )
        .await
        .expect("m");
        assert!(
            roles
                .iter()
                .any(|m| m.organisation_id == own && m.role == naboskab_domain::Role::BoardMember)
        );
        let denied = admin
            .post_form(
                &format!("/organisations/{other}/members"),
                &[
                    ("email", "beboer@demo.naboskab.dk"),
                    ("role", "board_member"),
                ],
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
        let bad = admin
            .post_form(
                &format!("/organisations/{own}/members"),
                &[("email", "nobody@x.dk"), ("role", "platform_admin")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.select_text(".error-summary li").len(), 2);
        app.cleanup().await;
    }
}
