//! Login through OpenID Connect (a MitID broker) with the `openidconnect` crate: discovery,
//! the authorization code flow with PKCE (S256), `state` and `nonce`, and the ID token's
//! signature checked against the provider's published keys (JWKS) as well as its issuer,
//! audience, expiry and nonce. Discovery and the keys are fetched anew for every login, so a
//! provider that rotates its signing keys is followed at once; a token signed with any other
//! key is refused.
//!
//! The identity is linked to an account by issuer and subject; on first login an account
//! with the same verified e-mail is linked, otherwise a new account is created.

use crate::accounts;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::auth::redirect_with_cookies;
use crate::state::{AppState, OidcConfig};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::accounts::{self as account_use, ProviderIdentity};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use serde::Deserialize;

/// A client configured from the provider's discovery document.
type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Why talking to the provider failed.
#[derive(Debug, thiserror::Error)]
pub enum ProviderHttpError {
    /// The request did not go through.
    #[error(transparent)]
    Request(#[from] reqwest::Error),
    /// The answer could not be read.
    #[error(transparent)]
    Response(#[from] http::Error),
}

/// The application's HTTP client (no redirects followed, ten-second timeout) as the
/// `openidconnect` crate's client.
struct ProviderHttp<'a>(&'a reqwest::Client);

impl<'c> openidconnect::AsyncHttpClient<'c> for ProviderHttp<'_> {
    type Error = ProviderHttpError;
    type Future = std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<openidconnect::HttpResponse, Self::Error>>
                + Send
                + 'c,
        >,
    >;

    fn call(&'c self, request: openidconnect::HttpRequest) -> Self::Future {
        Box::pin(send(self.0, request))
    }
}

/// Sends one request through `client`.
async fn send(
    client: &reqwest::Client,
    request: openidconnect::HttpRequest,
) -> Result<openidconnect::HttpResponse, ProviderHttpError> {
    let (parts, body) = request.into_parts();
    let answer = client
        .request(parts.method, parts.uri.to_string())
        .headers(parts.headers)
        .body(body)
        .send()
        .await?;
    let mut response = http::Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        response = response.header(name, value);
    }
    let bytes = answer.bytes().await?;
    Ok(response.body(bytes.to_vec())?)
}

fn internal(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("OIDC {what}: {e}"))
}

fn redirect_uri(st: &AppState) -> String {
    format!("{}/auth/oidc/callback", st.config.base_url)
}

/// Discovers the provider (metadata and signing keys) and builds the client.
async fn client(st: &AppState, cfg: &OidcConfig) -> AppResult<Client> {
    let http = ProviderHttp(&st.http);
    let issuer = IssuerUrl::new(cfg.issuer.clone()).map_err(|e| internal("issuer", e))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, &http)
        .await
        .map_err(|e| internal("discovery", e))?;
    let redirect = RedirectUrl::new(redirect_uri(st)).map_err(|e| internal("redirect", e))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(cfg.client_id.clone()),
        Some(ClientSecret::new(cfg.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// `GET /auth/oidc/start`: sends the browser to the identity provider.
pub async fn start(State(st): State<AppState>) -> AppResult<Response> {
    let cfg = st.config.oidc.clone().ok_or(AppError::NotFound)?;
    let client = client(&st, &cfg).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    account_use::begin_provider_sign_in(&st.app, state.secret(), nonce.secret(), verifier.secret())
        .await?;
    Ok(Redirect::to(url.as_str()).into_response())
}

/// The provider's answer.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct CallbackQuery {
    code: String,
    state: String,
    error: String,
}

/// Exchanges the code and verifies the ID token: signature (against the provider's keys),
/// issuer, audience, expiry (by the application's clock) and nonce.
async fn verified_identity(
    st: &AppState,
    cfg: &OidcConfig,
    code: &str,
    nonce: &str,
    verifier: &str,
) -> AppResult<ProviderIdentity> {
    let client = client(st, cfg).await?;
    let http = ProviderHttp(&st.http);
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| internal("token endpoint", e))?
        .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_owned()))
        .request_async(&http)
        .await
        .map_err(|e| internal("token exchange", e))?;
    let id_token = tokens.id_token().ok_or_else(|| {
        tracing::warn!("OIDC token response without an ID token");
        AppError::Forbidden
    })?;
    let now = st.now();
    let id_verifier = client
        .id_token_verifier()
        .set_time_fn(move || chrono::DateTime::from_timestamp(now, 0).unwrap_or_default());
    let claims = id_token
        .claims(&id_verifier, &Nonce::new(nonce.to_owned()))
        .map_err(|why| {
            tracing::warn!(%why, "OIDC ID token refused");
            AppError::Forbidden
        })?;
    Ok(ProviderIdentity {
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified() == Some(true),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.to_string()),
    })
}

/// `GET /auth/oidc/callback`: exchanges the code, checks the ID token, signs in.
pub async fn callback(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
) -> AppResult<Response> {
    let cfg = st.config.oidc.clone().ok_or(AppError::NotFound)?;
    if !q.error.is_empty() {
        tracing::info!(error = %q.error, "OIDC login cancelled or refused by the provider");
        return Ok(Redirect::to("/login?notice=notice-oidc-failed").into_response());
    }
    let Some((nonce, verifier)) = account_use::take_provider_sign_in(&st.app, &q.state).await?
    else {
        return Err(AppError::field("state", "field-oidc-state"));
    };
    let identity = verified_identity(&st, &cfg, &q.code, &nonce, &verifier).await?;
    let user = account_use::account_for_provider_identity(
        &st.app,
        &identity,
        &ctx.t("oidc-default-name"),
        ctx.locale,
    )
    .await?;
    let cookie = accounts::sign_in(&st, &ctx, &headers, user.id).await?;
    tracing::info!(user_id = user.id, "login through OpenID Connect");
    Ok(redirect_with_cookies("/account", &[cookie]))
}
