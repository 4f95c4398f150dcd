//! The holes an outside probe of the demo found, each closed and kept closed here, on SQLite
//! and PostgreSQL: redirects that leave the site, session ids that survive two-step sign-in,
//! outreach ids that tell which records exist, secrets in the request log.

use crate::helpers::{Client, LogBuffer, TestApp, record_of};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use naboskab_app::totp;
use naboskab_demo::reach::DEMO_TOTP_SECRET;

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
        let r = second_step(&mut c, &demo_code(&app)).await;
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

#[tokio::test]
async fn a_refused_csrf_check_logs_the_route_but_no_secret_from_the_path_or_query() {
    for app in TestApp::all().await {
        let log = LogBuffer::default();
        let _guard = log.capture();
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
        let text = log.text();
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

const ADMIN: &str = "admin@demo.naboskab.dk";
const HOUSING_ADMIN: &str = "boligorganisation@demo.naboskab.dk";
const ORGANISER: &str = "arrangoer@demo.naboskab.dk";
const BOARD: &str = "bestyrelse@demo.naboskab.dk";

async fn grant_actions(app: &TestApp) -> Vec<String> {
    app.db()
        .query(
            "SELECT action FROM audit_log WHERE subject_type = $1 ORDER BY id",
            naboskab_store::params![naboskab_store::users::GRANT_SUBJECT],
        )
        .await
        .expect("audit")
        .iter()
        .map(|r| r.string("action").expect("text"))
        .collect()
}

#[tokio::test]
async fn the_caretakers_role_needs_a_second_person_and_nobody_grants_themselves_a_role() {
    for app in TestApp::all().await {
        let org = app.demo.org("org-taastrup").expect("org");
        let members = format!("/organisations/{org}/members");
        let mut hoa = app.logged_in(HOUSING_ADMIN).await;
        // To oneself: refused and named, whatever the role.
        for role in ["social_caretaker", "organiser"] {
            let r = hoa
                .post_form(&members, &[("email", HOUSING_ADMIN), ("role", role)])
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{role}");
            assert!(
                r.text.contains("Du kan ikke give dig selv en rolle"),
                "{role}"
            );
        }
        let hoa_id = app.demo.user(HOUSING_ADMIN).expect("user");
        let held: Vec<_> = naboskab_store::users::memberships_of(app.db(), hoa_id)
            .await
            .expect("memberships")
            .into_iter()
            .map(|m| m.role)
            .collect();
        assert_eq!(held, vec![naboskab_domain::Role::HousingOrgAdmin]);

        // To someone else: pending, grants nothing, and the other administrators are asked.
        let r = hoa
            .post_form(
                &members,
                &[("email", RESIDENT), ("role", "social_caretaker")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        assert!(r.location().ends_with("notice=notice-members-pending"));
        // The organisation has no other administrator: the platform administrators are asked.
        let (asked, link) = crate::helpers::last_mail(app.db(), ADMIN).await;
        assert!(asked.contains("Bekræft den her"), "{asked}");
        assert!(
            asked.contains("Fatima Hassan") && asked.contains("Social vicevært"),
            "{asked}"
        );
        assert!(link.ends_with(&members), "{link}");
        let resident_id = app.demo.user(RESIDENT).expect("user");
        assert!(
            !naboskab_store::users::memberships_of(app.db(), resident_id)
                .await
                .expect("m")
                .iter()
                .any(|m| m.role == naboskab_domain::Role::SocialCaretaker),
            "a pending grant grants nothing"
        );
        let mut resident = app.logged_in(RESIDENT).await;
        assert_eq!(
            resident.get("/outreach").await.status,
            StatusCode::FORBIDDEN
        );
        let page = hoa.get(&members).await;
        assert!(page.text.contains("venter på, at en anden bekræfter"));
        assert!(
            !page.text.contains("/members/confirm"),
            "the granter is offered no confirmation of their own grant"
        );
        // Confirming one's own grant is refused, also when posted by hand.
        let user_field = resident_id.to_string();
        let confirm = [("user", user_field.as_str()), ("role", "social_caretaker")];
        let r = hoa.post_form(&format!("{members}/confirm"), &confirm).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        // The platform administrator confirms; the resident is told and holds the role.
        let mut admin = app.logged_in(ADMIN).await;
        let page = admin.get(&members).await;
        assert!(page.text.contains("/members/confirm"), "{}", page.text);
        let r = admin
            .post_form(&format!("{members}/confirm"), &confirm)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        let (body, _) = crate::helpers::last_mail(app.db(), RESIDENT).await;
        assert!(body.contains("Social vicevært"), "{body}");
        assert!(
            naboskab_store::users::memberships_of(app.db(), resident_id)
                .await
                .expect("m")
                .iter()
                .any(|m| m.role == naboskab_domain::Role::SocialCaretaker)
        );
        let r = admin
            .post_form(&format!("{members}/confirm"), &confirm)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "nothing left to confirm");
        // Removal: one audit row too.
        let r = hoa
            .post_form(
                &members,
                &[
                    ("email", RESIDENT),
                    ("role", "social_caretaker"),
                    ("remove", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            grant_actions(&app).await,
            ["grant-pending", "grant-confirm", "revoke"]
        );
        // Any other role holds at once, and its holder is told.
        let r = hoa
            .post_form(&members, &[("email", RESIDENT), ("role", "organiser")])
            .await;
        assert!(r.location().ends_with("notice=notice-members-updated"));
        assert!(
            crate::helpers::last_mail(app.db(), RESIDENT)
                .await
                .0
                .contains("Arrangør")
        );
        assert_eq!(
            grant_actions(&app).await.last().map(String::as_str),
            Some("grant")
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_associations_offer_is_changed_only_by_the_association_not_by_the_department() {
    for app in TestApp::all().await {
        let broen = app.demo.org("assoc-broen").expect("association");
        let dep = app.demo.org("dep-norreparken").expect("department");
        let offer = app
            .db()
            .query_one(
                "SELECT MIN(id) AS min FROM offer WHERE organisation_id = $1 AND department_id = $2 AND status = 'published'",
                naboskab_store::params![broen, dep],
            )
            .await
            .expect("offer")
            .i64("min")
            .expect("an association's offer in Nørreparken");
        let occurrence = app
            .db()
            .query_one(
                "SELECT MIN(id) AS min FROM occurrence WHERE offer_id = $1 AND starts_at > $2",
                naboskab_store::params![offer, app.state.now()],
            )
            .await
            .expect("occurrence")
            .i64("min")
            .expect("a time to come");
        // The department's organiser (of another association) and its board member.
        for who in [ORGANISER, BOARD] {
            let mut c = app.logged_in(who).await;
            let r = c.post_form(&format!("/offers/{offer}/archive"), &[]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} archive");
            let r = c.get(&format!("/offers/{offer}/edit")).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} edit");
            let r = c
                .post_form(
                    &format!("/occurrences/{occurrence}/edit"),
                    &[("cancel", "1"), ("cancel_reason", "Aflyst af en anden")],
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} cancel");
            let r = c
                .get(&format!("/occurrences/{occurrence}/attendance"))
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} check-in list");
            let r = c.get(&format!("/offers/{offer}/schedule")).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} schedule");
        }
        let status = app
            .db()
            .query_one(
                "SELECT status FROM offer WHERE id = $1",
                naboskab_store::params![offer],
            )
            .await
            .expect("status")
            .string("status")
            .expect("text");
        assert_eq!(status, "published");
        let cancelled = app
            .db()
            .query_one(
                "SELECT cancelled FROM occurrence WHERE id = $1",
                naboskab_store::params![occurrence],
            )
            .await
            .expect("row")
            .i64("cancelled")
            .expect("flag");
        assert_eq!(cancelled, 0);
        // The platform administrator still may (and the board its own department's offers).
        let mut admin = app.logged_in(ADMIN).await;
        let r = admin
            .get(&format!("/occurrences/{occurrence}/attendance"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let own = app
            .db()
            .query_one(
                "SELECT MIN(id) AS min FROM offer WHERE organisation_id = $1",
                naboskab_store::params![dep],
            )
            .await
            .expect("own")
            .i64("min")
            .expect("the department's own offer");
        let mut board = app.logged_in(BOARD).await;
        assert_eq!(
            board.get(&format!("/offers/{own}/edit")).await.status,
            StatusCode::OK
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn tokens_are_made_in_a_browser_session_only_expire_and_carry_the_second_factor_no_longer_than_it()
 {
    for app in TestApp::all().await {
        let mut session = app.logged_in(CARETAKER).await;
        app.clock.advance(600);
        let mut api = crate::helpers::bearer_from(&mut session, &app).await;
        // A token cannot make a token.
        let r = api
            .post_raw("/account/tokens", &[("name", "forever")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let until = app
            .db()
            .query_one(
                "SELECT second_factor_until, expires_at, created_at FROM api_token ORDER BY id DESC LIMIT 1",
                vec![],
            )
            .await
            .expect("token");
        let (second_factor_until, expires_at, created_at) = (
            until
                .opt_i64("second_factor_until")
                .expect("until")
                .expect("carries the factor"),
            until.i64("expires_at").expect("expires"),
            until.i64("created_at").expect("created"),
        );
        let session_hash = naboskab_web::security::hash_token(
            session
                .cookies
                .get(app.state.config.session_cookie())
                .expect("cookie"),
        );
        let live = naboskab_store::users::live_session(app.db(), &session_hash, app.state.now())
            .await
            .expect("session")
            .expect("live");
        let passed = live.second_factor_at.expect("passed");
        assert_eq!(
            second_factor_until,
            (passed + naboskab_app::accounts::SECOND_FACTOR_TOKEN_S).min(live.expires_at),
            "counted from when the session passed it, never past the session"
        );
        assert!(second_factor_until <= live.expires_at);
        assert_eq!(expires_at - created_at, 90 * 24 * 3600);
        // The account page shows when it expires; "log out everywhere" offers to revoke it.
        let page = session.get("/account").await;
        assert!(page.text.contains("Udløber"));
        assert!(page.text.contains("name=\"revoke_tokens\""));
        // The factor lapses with it; the token itself runs 90 days.
        app.clock.advance(second_factor_until - app.state.now());
        let r = api.get("/api/v1/outreach/contacts").await;
        assert_eq!(r.json()["code"], "second_factor_needed");
        assert_eq!(api.get("/api/v1/me").await.status, StatusCode::OK);
        app.clock.advance(expires_at - app.state.now());
        assert_eq!(api.get("/api/v1/me").await.status, StatusCode::UNAUTHORIZED);

        // "Log out everywhere" with the box ticked revokes every token.
        let mut resident = app.logged_in(RESIDENT).await;
        let mut script = crate::helpers::bearer_from(&mut resident, &app).await;
        assert_eq!(script.get("/api/v1/me").await.status, StatusCode::OK);
        let r = resident
            .post_form("/account/logout-everywhere", &[("revoke_tokens", "1")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(
            script.get("/api/v1/me").await.status,
            StatusCode::UNAUTHORIZED
        );
        app.cleanup().await;
    }
}

/// Signs `email` in with the demo password, which must succeed.
async fn signs_in(c: &mut Client, email: &str) {
    let r = c.login(email, crate::helpers::PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}: {}", r.text);
}

/// Types a two-step code on the way to the caseload.
async fn second_step(c: &mut Client, code: &str) -> crate::helpers::Resp {
    c.post_form("/two-factor", &[("code", code), ("next", "/outreach")])
        .await
}

/// A client whose requests come from `address` (the app trusts the proxy's header).
fn from_address(app: &TestApp, address: &str) -> Client {
    let mut c = app.client();
    c.headers.push(("x-forwarded-for".into(), address.into()));
    c
}

fn trusting_proxy() -> naboskab_web::WebConfig {
    naboskab_web::WebConfig {
        trust_proxy: true,
        ..crate::helpers::demo_config()
    }
}

#[tokio::test]
async fn a_hundred_wrong_passwords_from_ten_addresses_do_not_lock_the_owner_out_of_their_device() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let app = TestApp::with(db, trusting_proxy()).await;
        // The owner signed in from this browser before.
        let mut owner = from_address(&app, "198.51.100.20");
        signs_in(&mut owner, RESIDENT).await;
        assert!(owner.cookies.contains_key(app.state.config.device_cookie()));
        owner.post_form("/logout", &[]).await;
        // Ten addresses, ten wrong guesses each.
        for a in 0..10 {
            let mut attacker = from_address(&app, &format!("203.0.113.{a}"));
            for _ in 0..10 {
                let r = attacker.login(RESIDENT, "gæt gæt gæt gæt").await;
                assert_eq!(r.status, StatusCode::UNAUTHORIZED);
            }
            let r = attacker.login(RESIDENT, "gæt gæt gæt gæt").await;
            assert_eq!(
                r.status,
                StatusCode::TOO_MANY_REQUESTS,
                "the address is slowed down"
            );
            app.clock.advance(61);
        }
        // Unknown devices now wait, even with the right password…
        let mut stranger = from_address(&app, "192.0.2.99");
        let r = stranger.login(RESIDENT, crate::helpers::PASSWORD).await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!r.header("retry-after").is_empty());
        // …but the owner's device gets in.
        let r = owner.login(RESIDENT, crate::helpers::PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn wrong_two_step_codes_do_not_lock_the_owner_out_of_their_device() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let app = TestApp::with(db, trusting_proxy()).await;
        let mut owner = from_address(&app, "198.51.100.20");
        signs_in(&mut owner, CARETAKER).await;
        let r = second_step(&mut owner, &demo_code(&app)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        owner.post_form("/logout", &[]).await;
        // Someone with the password guesses codes from ten addresses.
        for a in 0..10 {
            app.clock.advance(61);
            let mut attacker = from_address(&app, &format!("203.0.113.{a}"));
            signs_in(&mut attacker, CARETAKER).await;
            for _ in 0..10 {
                let r = second_step(&mut attacker, "000000").await;
                assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
        app.clock.advance(61);
        let mut stranger = from_address(&app, "192.0.2.99");
        signs_in(&mut stranger, CARETAKER).await;
        let r = second_step(&mut stranger, &demo_code(&app)).await;
        assert_eq!(
            r.status,
            StatusCode::TOO_MANY_REQUESTS,
            "unknown devices wait"
        );
        signs_in(&mut owner, CARETAKER).await;
        app.clock.advance(30);
        let r = second_step(&mut owner, &demo_code(&app)).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "the owner's device gets in: {}",
            r.text
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn the_current_password_on_change_password_is_throttled_like_sign_in() {
    for app in TestApp::all().await {
        let mut c = app.logged_in(RESIDENT).await;
        for i in 0..10 {
            let r = c
                .post_form(
                    "/account/password",
                    &[
                        ("current_password", "forkert gæt"),
                        ("new_password", "et helt nyt kodeord"),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "guess {i}");
        }
        let r = c
            .post_form(
                "/account/password",
                &[
                    ("current_password", crate::helpers::PASSWORD),
                    ("new_password", "et helt nyt kodeord"),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::TOO_MANY_REQUESTS,
            "the eleventh, even right, waits"
        );
        assert!(!r.header("retry-after").is_empty());
        app.clock.advance(3601);
        let r = c
            .post_form(
                "/account/password",
                &[
                    ("current_password", crate::helpers::PASSWORD),
                    ("new_password", "et helt nyt kodeord"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        app.cleanup().await;
    }
}

async fn reset_mails(app: &TestApp, to: &str) -> usize {
    naboskab_store::outbox::recent(app.db(), 100)
        .await
        .expect("outbox")
        .iter()
        .filter(|m| m.recipient == to && m.body.contains("/password/reset"))
        .count()
}

#[tokio::test]
async fn a_new_reset_link_ends_the_older_ones_and_at_most_five_are_mailed_an_hour() {
    for app in TestApp::all().await {
        let mut c = app.client();
        c.post_form("/password/forgot", &[("email", RESIDENT)])
            .await;
        let (_, first) = crate::helpers::last_mail(app.db(), RESIDENT).await;
        app.clock.advance(1);
        c.post_form("/password/forgot", &[("email", RESIDENT)])
            .await;
        let (_, second) = crate::helpers::last_mail(app.db(), RESIDENT).await;
        assert_ne!(first, second);
        let old = c.get(&crate::helpers::local(&first)).await;
        assert!(
            old.attr("input[name=token]", "value").is_none(),
            "the older link is dead"
        );
        let form = c.get(&crate::helpers::local(&second)).await;
        let token = form
            .attr("input[name=token]", "value")
            .expect("the newest works");
        let r = c
            .post_form(
                "/password/reset",
                &[("token", &token), ("password", "mit nye gode kodeord")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // At most five reset mails an hour, with the same answer each time.
        for _ in 0..6 {
            app.clock.advance(1);
            let r = c
                .post_form("/password/forgot", &[("email", RESIDENT)])
                .await;
            assert_eq!(r.status, StatusCode::OK);
        }
        assert_eq!(reset_mails(&app, RESIDENT).await, 5);
        app.clock.advance(3600);
        c.post_form("/password/forgot", &[("email", RESIDENT)])
            .await;
        assert_eq!(reset_mails(&app, RESIDENT).await, 6);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn metrics_are_private_by_default_and_open_only_to_the_configured_token_or_address() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let token = "prometheus-scraper-token-0123456789abcdef";
        let app = TestApp::with(
            db,
            naboskab_web::WebConfig {
                metrics_token: Some(token.into()),
                ..crate::helpers::demo_config()
            },
        )
        .await;
        let mut anyone = app.client();
        let r = anyone.get("/metrics").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(!r.text.contains("naboskab_"));
        let mut wrong = app.client();
        wrong
            .headers
            .push(("authorization".into(), "Bearer not-the-token".into()));
        assert_eq!(wrong.get("/metrics").await.status, StatusCode::UNAUTHORIZED);
        let mut scraper = app.client();
        scraper
            .headers
            .push(("authorization".into(), format!("Bearer {token}")));
        let r = scraper.get("/metrics").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text.contains("naboskab_outbox_pending"), "{}", r.text);

        // Without a token configured, the site's address has no /metrics at all…
        let default = TestApp {
            router: naboskab_web::app(naboskab_web::AppState::new(
                crate::helpers::demo_config(),
                app.db().clone(),
                app.clock.clone(),
                std::sync::Arc::new(naboskab_app::messaging::KeepInOutbox),
            )),
            state: app.state.clone(),
            clock: app.clock.clone(),
            demo: app.demo.clone(),
            db: None,
        };
        assert_eq!(
            default.client().get("/metrics").await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            default.client().get("/healthz").await.status,
            StatusCode::OK,
            "health checks stay open"
        );
        // …and the separate private address serves it without one.
        let private = TestApp {
            router: naboskab_web::metrics_app(app.state.clone()),
            state: app.state.clone(),
            clock: app.clock.clone(),
            demo: app.demo.clone(),
            db: None,
        };
        let r = private.client().get("/metrics").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text.contains("naboskab_outbox_pending"));
        assert_eq!(
            private.client().get("/account").await.status,
            StatusCode::NOT_FOUND
        );
        app.cleanup().await;
    }
}
