//! OpenID Connect login against a mock provider running inside the test.

use crate::helpers::*;
use crate::helpers::{Client, Resp};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine;
use naboskab_web::{OidcConfig, WebConfig};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The provider's keys: `a` before rotation, `b` after, and `wrong`, never published.
const KEYS: [(&str, &[u8]); 3] = [
    ("key-a", include_bytes!("../fixtures/oidc-test-key-a.der")),
    ("key-b", include_bytes!("../fixtures/oidc-test-key-b.der")),
    (
        "key-wrong",
        include_bytes!("../fixtures/oidc-test-key-wrong.der"),
    ),
];

fn key_pair(index: usize) -> ring::signature::RsaKeyPair {
    ring::signature::RsaKeyPair::from_der(KEYS[index].1).expect("test key")
}

/// A MitID broker stand-in: discovery, a JWKS with the keys it publishes, and a token
/// endpoint that signs ID tokens (RS256) with the key it signs with now.
#[derive(Clone, Default)]
struct Mock {
    issuer: String,
    /// code -> (nonce, code_challenge)
    codes: Arc<Mutex<HashMap<String, (String, String)>>>,
    email: Arc<Mutex<String>>,
    /// Indexes into [`KEYS`]: the keys in the JWKS, and the one tokens are signed with.
    published: Arc<Mutex<Vec<usize>>>,
    signing: Arc<Mutex<usize>>,
}

impl Mock {
    /// Publishes `keys` and signs with `signing` from now on.
    fn keys(&self, published: &[usize], signing: usize) {
        *self.published.lock().expect("lock") = published.to_vec();
        *self.signing.lock().expect("lock") = signing;
    }
}

fn b64(v: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v)
}

async fn discovery(State(m): State<Mock>) -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "issuer": m.issuer,
        "authorization_endpoint": format!("{}/authorize", m.issuer),
        "token_endpoint": format!("{}/token", m.issuer),
        "jwks_uri": format!("{}/jwks", m.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn jwks(State(m): State<Mock>) -> Json<serde_json::Value> {
    let keys: Vec<serde_json::Value> = m
        .published
        .lock()
        .expect("lock")
        .iter()
        .map(|i| {
            let pair = key_pair(*i);
            let public: ring::rsa::PublicKeyComponents<Vec<u8>> = pair.public().into();
            serde_json::json!({
                "kty": "RSA", "use": "sig", "alg": "RS256", "kid": KEYS[*i].0,
                "n": b64(&public.n),
                "e": b64(&public.e),
            })
        })
        .collect();
    Json(serde_json::json!({ "keys": keys }))
}

async fn token(
    State(m): State<Mock>,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Json<serde_json::Value>, StatusCode> {
    let (nonce, challenge) = m
        .codes
        .lock()
        .expect("lock")
        .remove(f.get("code").ok_or(StatusCode::BAD_REQUEST)?)
        .ok_or(StatusCode::BAD_REQUEST)?;
    // PKCE: the verifier must hash to the challenge sent at the start.
    use sha2::Digest;
    let verifier = f.get("code_verifier").ok_or(StatusCode::BAD_REQUEST)?;
    if b64(&sha2::Sha256::digest(verifier.as_bytes())) != challenge {
        return Err(StatusCode::BAD_REQUEST);
    }
    let claims = serde_json::json!({
        "iss": m.issuer, "sub": "mitid-person-42", "aud": "naboskab-test", "exp": T0 + 300, "iat": T0,
        "nonce": nonce, "email": m.email.lock().expect("lock").clone(), "email_verified": true, "name": "Karen MitID",
    });
    let signing = *m.signing.lock().expect("lock");
    let header = serde_json::json!({ "alg": "RS256", "typ": "JWT", "kid": KEYS[signing].0 });
    let signed = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let pair = key_pair(signing);
    let mut signature = vec![0; pair.public().modulus_len()];
    pair.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        signed.as_bytes(),
        &mut signature,
    )
    .expect("sign");
    let id_token = format!("{signed}.{}", b64(&signature));
    Ok(Json(
        serde_json::json!({ "access_token": "at", "token_type": "Bearer", "id_token": id_token }),
    ))
}

async fn start_mock() -> Mock {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let issuer = format!("http://{}", listener.local_addr().expect("addr"));
    let mock = Mock {
        issuer,
        ..Default::default()
    };
    mock.keys(&[0], 0);
    let router = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(mock.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });
    mock
}

fn query_of(location: &str) -> HashMap<String, String> {
    let q = location.split_once('?').map(|(_, q)| q).unwrap_or_default();
    serde_urlencoded::from_str(q).expect("query")
}

#[tokio::test]
async fn login_through_the_mitid_broker_creates_or_links_an_account() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let mock = start_mock().await;
        *mock.email.lock().expect("lock") = "karen@example.dk".into();
        let app = TestApp::with(db, config_for(&mock)).await;
        let mut c = app.client();
        let login_page = c.get("/login").await;
        assert!(
            login_page
                .select_text("a.button")
                .iter()
                .any(|t| t.replace(['\u{2068}', '\u{2069}'], "") == "Log ind med MitID")
        );

        for round in 0..2 {
            let start = c.get("/auth/oidc/start").await;
            assert_eq!(start.status, StatusCode::SEE_OTHER);
            assert!(
                start
                    .location()
                    .starts_with(&format!("{}/authorize?", mock.issuer))
            );
            let q = query_of(start.location());
            assert_eq!(q["client_id"], "naboskab-test");
            assert_eq!(q["code_challenge_method"], "S256");
            assert_eq!(q["redirect_uri"], "http://naboskab.test/auth/oidc/callback");
            // The person authenticates at the broker, which sends them back with a code.
            let code = format!("code-{round}");
            mock.codes.lock().expect("lock").insert(
                code.clone(),
                (q["nonce"].clone(), q["code_challenge"].clone()),
            );
            let back = c
                .get(&format!(
                    "/auth/oidc/callback?code={code}&state={}",
                    q["state"]
                ))
                .await;
            assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.text);
            assert_eq!(back.location(), "/account");
            let account = c.get("/account").await;
            assert!(account.text.contains("Karen MitID"));
            assert!(account.text.contains("karen@example.dk"));
            c.post_form("/logout", &[]).await;
        }
        let karen = naboskab_store::users::user_by_oidc(app.db(), &mock.issuer, "mitid-person-42")
            .await
            .expect("get")
            .expect("linked");
        assert_eq!(karen.email, "karen@example.dk");
        assert_eq!(
            naboskab_store::users::list_users(app.db())
                .await
                .expect("list")
                .iter()
                .filter(|u| u.email == "karen@example.dk")
                .count(),
            1
        );

        // A replayed or forged state is refused.
        let replay = c.get("/auth/oidc/callback?code=code-0&state=made-up").await;
        assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);

        // A nonce mismatch (token for another login) is refused.
        let start = c.get("/auth/oidc/start").await;
        let q = query_of(start.location());
        mock.codes.lock().expect("lock").insert(
            "code-x".into(),
            ("someone-elses-nonce".into(), q["code_challenge"].clone()),
        );
        let r = c
            .get(&format!(
                "/auth/oidc/callback?code=code-x&state={}",
                q["state"]
            ))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
        app.cleanup().await;
    }
}

fn config_for(mock: &Mock) -> WebConfig {
    WebConfig {
        oidc: Some(OidcConfig {
            issuer: mock.issuer.clone(),
            client_id: "naboskab-test".into(),
            client_secret: "hemmelig".into(),
            label: "MitID".into(),
        }),
        ..demo_config()
    }
}

/// Starts a login, lets the person authenticate at the mock, and returns to the callback.
async fn log_in_through(c: &mut Client, mock: &Mock, code: &str) -> Resp {
    let q = query_of(c.get("/auth/oidc/start").await.location());
    mock.codes.lock().expect("lock").insert(
        code.to_owned(),
        (q["nonce"].clone(), q["code_challenge"].clone()),
    );
    c.get(&format!(
        "/auth/oidc/callback?code={code}&state={}",
        q["state"]
    ))
    .await
}

#[tokio::test]
async fn id_tokens_are_verified_against_the_providers_keys_and_a_key_rotation_is_followed() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let mock = start_mock().await;
        *mock.email.lock().expect("lock") = "karen@example.dk".into();
        let app = TestApp::with(db, config_for(&mock)).await;
        let mut c = app.client();
        let r = log_in_through(&mut c, &mock, "signed-with-a").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text);
        c.post_form("/logout", &[]).await;

        // The provider rotates: only key b is published and signs from now on.
        mock.keys(&[1], 1);
        let r = log_in_through(&mut c, &mock, "signed-with-b").await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "after rotation: {}",
            r.text
        );
        c.post_form("/logout", &[]).await;

        // A token signed with a key the provider does not publish is refused…
        mock.keys(&[1], 2);
        let r = log_in_through(&mut c, &mock, "signed-with-wrong").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
        // …and so is one signed with the key withdrawn at the rotation.
        mock.keys(&[1], 0);
        let r = log_in_through(&mut c, &mock, "signed-with-old").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
        app.cleanup().await;
    }
}

#[tokio::test]
async fn an_existing_account_with_the_same_verified_email_is_linked() {
    for db in naboskab_store::testing::TestDb::all()
        .await
        .expect("databases")
    {
        let mock = start_mock().await;
        *mock.email.lock().expect("lock") = "beboer@demo.naboskab.dk".into();
        let app = TestApp::with(db, config_for(&mock)).await;
        let mut c = app.client();
        let q = query_of(c.get("/auth/oidc/start").await.location());
        mock.codes.lock().expect("lock").insert(
            "c".into(),
            (q["nonce"].clone(), q["code_challenge"].clone()),
        );
        c.get(&format!("/auth/oidc/callback?code=c&state={}", q["state"]))
            .await;
        let account = c.get("/account").await;
        assert!(
            account.text.contains("Fatima Hassan"),
            "linked to the demo resident"
        );
        app.cleanup().await;
    }
}

#[tokio::test]
async fn without_oidc_configured_the_routes_do_not_exist() {
    for app in TestApp::all().await {
        assert_eq!(
            app.client().get("/auth/oidc/start").await.status,
            StatusCode::NOT_FOUND
        );
        assert!(
            app.client()
                .get("/login")
                .await
                .select_text("a.button")
                .is_empty()
        );
        app.cleanup().await;
    }
}
