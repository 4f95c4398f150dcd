//! The browser's side of signing in: session and device cookies over
//! [`naboskab_app::sessions`]. Which account, which limits and what the store keeps are the
//! application's; the cookies' names, flags and lifetimes are decided here.

use crate::context::Ctx;
use crate::error::AppError;
use crate::security::{hash_token, random_token};
use crate::state::AppState;
use axum::http::{HeaderMap, header};
use naboskab_app::sessions::{self, DEVICE_S, NewSession};

/// The `Set-Cookie` value carrying a session.
fn session_cookie(st: &AppState, session: &NewSession) -> String {
    st.config.cookie(
        st.config.session_cookie(),
        &session.secret,
        Some(session.max_age_s),
    )
}

/// Starts a session for a user; returns the `Set-Cookie` value.
pub async fn start_session(
    st: &AppState,
    user_id: i64,
    user_agent: Option<&str>,
) -> Result<String, AppError> {
    let session = sessions::start(&st.app, user_id, None, user_agent).await?;
    Ok(session_cookie(st, &session))
}

/// Signs the browser in to `user_id`: ends the session it held (a session id never survives
/// a sign-in) and starts a new one, named after the browser; returns the `Set-Cookie` value.
pub async fn sign_in(
    st: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    user_id: i64,
) -> Result<String, AppError> {
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let session =
        sessions::start(&st.app, user_id, ctx.session_hash.as_deref(), user_agent).await?;
    Ok(session_cookie(st, &session))
}

/// Gives a session that just passed the second factor a new secret and CSRF token (the old
/// cookie stops working) and returns the `Set-Cookie` value and the new CSRF token.
pub async fn rotate_session_with_second_factor(
    st: &AppState,
    old_hash: &str,
) -> Result<(String, String), AppError> {
    let (session, csrf) = sessions::raise_with_second_factor(&st.app, old_hash).await?;
    Ok((session_cookie(st, &session), csrf))
}

/// The SHA-256 of the request's device cookie, if it carries one.
fn device_hash(st: &AppState, headers: &HeaderMap) -> Option<String> {
    crate::layers::cookies(headers)
        .get(st.config.device_cookie())
        .filter(|v| v.len() >= 32)
        .map(|v| hash_token(v))
}

/// The request's device, as the account `user_id` knows it: known when it signed in there
/// before (with `second_factor`: passed two-step sign-in there before).
pub async fn device_of(
    st: &AppState,
    headers: &HeaderMap,
    user_id: Option<i64>,
    second_factor: bool,
) -> Result<Option<String>, AppError> {
    let (Some(user_id), Some(hash)) = (user_id, device_hash(st, headers)) else {
        return Ok(None);
    };
    let known = sessions::device_is_known(&st.app, user_id, &hash, second_factor).await?;
    Ok(known.then_some(hash))
}

/// Remembers the request's device for the account after a successful sign-in (or two-step
/// sign-in); returns the `Set-Cookie` value when the browser had no device cookie yet.
pub async fn remember_device(
    st: &AppState,
    headers: &HeaderMap,
    user_id: i64,
    second_factor: bool,
) -> Result<Option<String>, AppError> {
    let (hash, cookie) = match device_hash(st, headers) {
        Some(hash) => (hash, None),
        None => {
            let token = random_token(32);
            let cookie = st
                .config
                .cookie(st.config.device_cookie(), &token, Some(DEVICE_S));
            (hash_token(&token), Some(cookie))
        }
    };
    sessions::remember_device(&st.app, user_id, &hash, second_factor).await?;
    Ok(cookie)
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(st: &AppState) -> String {
    st.config.cookie(st.config.session_cookie(), "", Some(0))
}
