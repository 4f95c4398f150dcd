//! Login through OpenID Connect (a MitID broker): authorization code flow with PKCE (S256),
//! `state` and `nonce`. The ID token arrives directly from the token endpoint over TLS, so, as
//! OpenID Connect Core §3.1.3.7 allows for this flow, its issuer, audience, expiry and nonce
//! are checked and the TLS connection stands in for the signature check.
//!
//! The identity is linked to an account by issuer and subject; on first login an account
//! with the same verified e-mail is linked, otherwise a new account is created.

use crate::accounts;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::auth::redirect_with_cookies;
use crate::security::random_token;
use crate::state::{AppState, OidcConfig};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use naboskab_domain::email::normalise_email;
use naboskab_store::users::{self, NewUser};
use serde::Deserialize;
use sha2::{Digest, Sha256};

#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
}

async fn discover(st: &AppState, cfg: &OidcConfig) -> AppResult<Discovery> {
    let url = format!(
        "{}/.well-known/openid-configuration",
        cfg.issuer.trim_end_matches('/')
    );
    let d: Discovery = st
        .http
        .get(&url)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| AppError::Internal(format!("OIDC discovery: {e}")))?
        .json()
        .await
        .map_err(|e| AppError::Internal(format!("OIDC discovery document: {e}")))?;
    if d.issuer.trim_end_matches('/') != cfg.issuer.trim_end_matches('/') {
        return Err(AppError::Internal(
            "OIDC discovery names another issuer".into(),
        ));
    }
    Ok(d)
}

fn redirect_uri(st: &AppState) -> String {
    format!("{}/auth/oidc/callback", st.config.base_url)
}

/// `GET /auth/oidc/start`: sends the browser to the identity provider.
pub async fn start(State(st): State<AppState>) -> AppResult<Response> {
    let cfg = st.config.oidc.clone().ok_or(AppError::NotFound)?;
    let d = discover(&st, &cfg).await?;
    let state = random_token(24);
    let nonce = random_token(24);
    let verifier = random_token(48);
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(Sha256::digest(verifier.as_bytes()));
    users::save_oidc_login(&st.db, &state, &nonce, &verifier, st.now()).await?;
    let query = serde_urlencoded::to_string([
        ("response_type", "code"),
        ("client_id", cfg.client_id.as_str()),
        ("redirect_uri", redirect_uri(&st).as_str()),
        ("scope", "openid email profile"),
        ("state", state.as_str()),
        ("nonce", nonce.as_str()),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ])
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let sep = if d.authorization_endpoint.contains('?') {
        '&'
    } else {
        '?'
    };
    Ok(Redirect::to(&format!("{}{sep}{query}", d.authorization_endpoint)).into_response())
}

/// The provider's answer.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct CallbackQuery {
    code: String,
    state: String,
    error: String,
}

#[derive(Debug, Deserialize)]
struct TokenResponse {
    id_token: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    sub: String,
    aud: Audience,
    exp: i64,
    nonce: Option<String>,
    email: Option<String>,
    email_verified: Option<bool>,
    name: Option<String>,
}

/// Checks an ID token's claims; returns them when issuer, audience, expiry and nonce hold.
fn check_id_token(
    id_token: &str,
    cfg: &OidcConfig,
    nonce: &str,
    now: i64,
) -> Result<Claims, &'static str> {
    let payload = id_token.split('.').nth(1).ok_or("malformed ID token")?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| "ID token is not base64url")?;
    let claims: Claims =
        serde_json::from_slice(&bytes).map_err(|_| "ID token claims unreadable")?;
    if claims.iss.trim_end_matches('/') != cfg.issuer.trim_end_matches('/') {
        return Err("ID token from another issuer");
    }
    let aud_ok = match &claims.aud {
        Audience::One(a) => *a == cfg.client_id,
        Audience::Many(v) => v.contains(&cfg.client_id),
    };
    if !aud_ok {
        return Err("ID token for another client");
    }
    if claims.exp <= now {
        return Err("ID token expired");
    }
    if claims.nonce.as_deref() != Some(nonce) {
        return Err("ID token nonce mismatch");
    }
    Ok(claims)
}

/// `GET /auth/oidc/callback`: exchanges the code, checks the ID token, signs in.
pub async fn callback(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> AppResult<Response> {
    let cfg = st.config.oidc.clone().ok_or(AppError::NotFound)?;
    let now = st.now();
    if !q.error.is_empty() {
        tracing::info!(error = %q.error, "OIDC login cancelled or refused by the provider");
        return Ok(Redirect::to("/login?notice=notice-oidc-failed").into_response());
    }
    let Some((nonce, verifier)) = users::take_oidc_login(&st.db, &q.state, now).await? else {
        return Err(AppError::field("state", "field-oidc-state"));
    };
    let d = discover(&st, &cfg).await?;
    let redirect = redirect_uri(&st);
    let tokens: TokenResponse = st
        .http
        .post(&d.token_endpoint)
        .basic_auth(&cfg.client_id, Some(&cfg.client_secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", q.code.as_str()),
            ("redirect_uri", redirect.as_str()),
            ("code_verifier", verifier.as_str()),
        ])
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| AppError::Internal(format!("OIDC token exchange: {e}")))?
        .json()
        .await
        .map_err(|e| AppError::Internal(format!("OIDC token response: {e}")))?;
    let claims = check_id_token(&tokens.id_token, &cfg, &nonce, now).map_err(|why| {
        tracing::warn!(why, "OIDC ID token refused");
        AppError::Forbidden
    })?;

    let user = match users::user_by_oidc(&st.db, &claims.iss, &claims.sub).await? {
        Some(u) => u,
        None => {
            let verified_email = claims
                .email
                .as_deref()
                .filter(|_| claims.email_verified == Some(true))
                .and_then(|e| normalise_email(e).ok());
            let existing = match &verified_email {
                Some(e) => users::user_by_email(&st.db, e).await?,
                None => None,
            };
            let id = match existing {
                Some(u) => u.id,
                None => {
                    let email = verified_email.unwrap_or_else(|| {
                        format!(
                            "{}@oidc.invalid",
                            hex::encode(Sha256::digest(claims.sub.as_bytes()))
                        )
                    });
                    let name = claims
                        .name
                        .clone()
                        .unwrap_or_else(|| ctx.t("oidc-default-name"));
                    users::create_user(
                        &st.db,
                        &NewUser {
                            email: &email,
                            display_name: &name,
                            password_hash: None,
                            verified: claims.email_verified == Some(true),
                            locale: Some(ctx.locale.code()),
                        },
                        now,
                    )
                    .await?
                }
            };
            users::link_oidc(&st.db, id, &claims.iss, &claims.sub).await?;
            users::user_by_id(&st.db, id)
                .await?
                .ok_or(AppError::NotFound)?
        }
    };
    if user.disabled_at.is_some() {
        return Err(AppError::Forbidden);
    }
    if let Some(old) = &ctx.session_hash {
        users::delete_session(&st.db, old).await?;
    }
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let cookie = accounts::start_session(&st, user.id, ua).await?;
    tracing::info!(user_id = user.id, "login through OpenID Connect");
    Ok(redirect_with_cookies("/account", &[cookie]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> OidcConfig {
        OidcConfig {
            issuer: "https://idp.example".into(),
            client_id: "naboskab".into(),
            client_secret: "s".into(),
            label: "MitID".into(),
        }
    }

    fn token(claims: serde_json::Value) -> String {
        let enc = |v: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v);
        format!(
            "{}.{}.sig",
            enc(br#"{"alg":"RS256"}"#),
            enc(claims.to_string().as_bytes())
        )
    }

    #[test]
    fn id_token_checks() {
        let good = serde_json::json!({"iss": "https://idp.example", "sub": "u1", "aud": "naboskab", "exp": 2000, "nonce": "n"});
        assert!(check_id_token(&token(good.clone()), &cfg(), "n", 1000).is_ok());
        assert!(check_id_token(&token(good.clone()), &cfg(), "other", 1000).is_err());
        assert!(check_id_token(&token(good.clone()), &cfg(), "n", 2000).is_err());
        let mut wrong_aud = good.clone();
        wrong_aud["aud"] = serde_json::json!(["someone-else"]);
        assert!(check_id_token(&token(wrong_aud), &cfg(), "n", 1000).is_err());
        let mut wrong_iss = good;
        wrong_iss["iss"] = serde_json::json!("https://evil.example");
        assert!(check_id_token(&token(wrong_iss), &cfg(), "n", 1000).is_err());
        assert!(check_id_token("garbage", &cfg(), "n", 1000).is_err());
    }
}
