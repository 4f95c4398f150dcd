//! Account operations shared by the web pages, the API and the command line: creating
//! accounts, issuing API tokens, starting sessions, and the mails that go with them.

use crate::error::AppError;
use crate::i18n::Locale;
use crate::security::{hash_token, random_token};
use crate::state::AppState;
use axum::http::HeaderMap;
use naboskab_domain::Actor;
use naboskab_domain::password::PasswordError;
use naboskab_store::users::{self, SessionLimits, TokenPurpose};
use naboskab_store::{Db, StoreError};

/// Staff sessions: 30 minutes idle, 12 hours at most (ASVS L2).
pub const STAFF_SESSION: SessionLimits = SessionLimits {
    idle_s: 30 * 60,
    absolute_s: 12 * 3600,
};
/// Residents' and organisers' sessions: 7 days idle, 30 days at most (a documented deviation:
/// residents hold no one else's data, and frequent sign-ins shut out the people we serve).
pub const RESIDENT_SESSION: SessionLimits = SessionLimits {
    idle_s: 7 * 24 * 3600,
    absolute_s: 30 * 24 * 3600,
};
/// An API token made in a session that passed the second factor carries it this long (a
/// staff working day, like the staff session), then reaches outreach no more.
pub const SECOND_FACTOR_TOKEN_S: i64 = 12 * 3600;
/// E-mail verification links live 48 hours.
pub const VERIFY_TTL_S: i64 = 48 * 3600;
/// Password reset links live 30 minutes.
pub const RESET_TTL_S: i64 = 30 * 60;
/// At most this many password-reset mails per account and hour; further requests get the
/// same answer and send nothing (a mailbox cannot be flooded through the form).
pub const RESETS_PER_HOUR: i64 = 5;

/// The Fluent key for a password problem.
pub fn password_error_key(e: PasswordError) -> &'static str {
    match e {
        PasswordError::TooShort => "field-password-too-short",
        PasswordError::TooLong => "field-password-too-long",
        PasswordError::TooCommon => "field-password-too-common",
    }
}

/// Issues an API token for a user that works for [`users::API_TOKEN_LIFETIME_S`] and carries
/// the second factor until `second_factor_until` (never past the token's own end); returns
/// the secret (shown once, stored only hashed).
pub async fn issue_api_token(
    db: &Db,
    user_id: i64,
    name: &str,
    second_factor_until: Option<i64>,
    now: i64,
) -> Result<String, StoreError> {
    let secret = format!("nbk_{}", random_token(32));
    let expires_at = now + users::API_TOKEN_LIFETIME_S;
    users::create_api_token(
        db,
        user_id,
        name,
        &hash_token(&secret),
        second_factor_until,
        expires_at,
        now,
    )
    .await?;
    Ok(secret)
}

/// How long a token made in `session` carries the second factor: 12 hours from when the
/// session passed it, and never past the session's own end; `None` when it has not passed.
pub fn second_factor_until(session: &users::Session) -> Option<i64> {
    session
        .second_factor_at
        .map(|at| (at + SECOND_FACTOR_TOKEN_S).min(session.expires_at))
}

/// Starts a session for a user; returns the `Set-Cookie` value.
pub async fn start_session(
    st: &AppState,
    user_id: i64,
    user_agent: Option<&str>,
) -> Result<String, AppError> {
    let now = st.now();
    let memberships = users::memberships_of(&st.db, user_id).await?;
    let actor = Actor {
        user_id: Some(user_id),
        memberships,
        second_factor: false,
    };
    let limits = if actor.is_staff() {
        STAFF_SESSION
    } else {
        RESIDENT_SESSION
    };
    let token = random_token(32);
    let csrf = random_token(32);
    let ua: Option<String> = user_agent.map(|u| u.chars().take(200).collect());
    users::create_session(
        &st.db,
        &hash_token(&token),
        user_id,
        &csrf,
        limits,
        ua.as_deref(),
        now,
    )
    .await?;
    Ok(st
        .config
        .cookie(st.config.session_cookie(), &token, Some(limits.absolute_s)))
}

/// Gives a session that just passed the second factor a new secret and CSRF token (the old
/// cookie stops working) and returns the `Set-Cookie` value and the new CSRF token.
pub async fn rotate_session_with_second_factor(
    st: &AppState,
    old_hash: &str,
) -> Result<(String, String), AppError> {
    let now = st.now();
    let token = random_token(32);
    let csrf = random_token(32);
    let expires_at =
        users::rotate_session_with_second_factor(&st.db, old_hash, &hash_token(&token), &csrf, now)
            .await?
            .ok_or(AppError::Unauthorized)?;
    let cookie = st
        .config
        .cookie(st.config.session_cookie(), &token, Some(expires_at - now));
    Ok((cookie, csrf))
}

/// A device cookie lives as long as an unused device is remembered (180 days).
pub const DEVICE_S: i64 = users::KNOWN_DEVICE_S;

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
    let known = users::known_device(&st.db, user_id, &hash, DEVICE_S, st.now()).await?;
    Ok(known
        .filter(|passed_second_factor| *passed_second_factor || !second_factor)
        .map(|_| hash))
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
    users::remember_device(&st.db, user_id, &hash, second_factor, st.now()).await?;
    Ok(cookie)
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(st: &AppState) -> String {
    st.config.cookie(st.config.session_cookie(), "", Some(0))
}

/// Stores a mail in the outbox, written in `locale`; `args` fill the body.
pub async fn queue_mail(
    st: &AppState,
    locale: Locale,
    to: &str,
    user_id: Option<i64>,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
) -> Result<(), AppError> {
    Ok(naboskab_app::members::queue_mail(
        &st.app,
        locale,
        to,
        user_id,
        (subject_key, body_key),
        args,
    )
    .await?)
}

/// A one-time link sent by mail: what it is for, how long it lives, where it leads.
struct LinkMail {
    purpose: TokenPurpose,
    ttl_s: i64,
    path: &'static str,
    subject_key: &'static str,
    body_key: &'static str,
}

/// Creates a one-time token and queues the mail carrying its link.
async fn send_link(
    st: &AppState,
    locale: Locale,
    user_id: i64,
    email: &str,
    name: &str,
    m: LinkMail,
) -> Result<(), AppError> {
    let token = random_token(32);
    let now = st.now();
    users::create_auth_token(
        &st.db,
        &hash_token(&token),
        user_id,
        m.purpose,
        now + m.ttl_s,
        now,
    )
    .await?;
    let link = format!("{}{}?token={token}", st.config.base_url, m.path);
    queue_mail(
        st,
        locale,
        email,
        Some(user_id),
        m.subject_key,
        m.body_key,
        &[("name", name.to_owned()), ("link", link)],
    )
    .await
}

/// Sends (queues) a verification link to a user.
pub async fn send_verification(
    st: &AppState,
    locale: Locale,
    user_id: i64,
    email: &str,
    name: &str,
) -> Result<(), AppError> {
    let m = LinkMail {
        purpose: TokenPurpose::VerifyEmail,
        ttl_s: VERIFY_TTL_S,
        path: "/verify-email",
        subject_key: "mail-verify-subject",
        body_key: "mail-verify-body",
    };
    send_link(st, locale, user_id, email, name, m).await
}

/// Sends (queues) a password-reset link.
pub async fn send_reset(
    st: &AppState,
    locale: Locale,
    user_id: i64,
    email: &str,
    name: &str,
) -> Result<(), AppError> {
    let now = st.now();
    let sent =
        users::auth_tokens_made_since(&st.db, user_id, TokenPurpose::ResetPassword, now - 3600)
            .await?;
    if sent >= RESETS_PER_HOUR {
        tracing::warn!(
            user_id,
            "password reset mail not sent: hourly limit reached"
        );
        return Ok(());
    }
    let m = LinkMail {
        purpose: TokenPurpose::ResetPassword,
        ttl_s: RESET_TTL_S,
        path: "/password/reset",
        subject_key: "mail-reset-subject",
        body_key: "mail-reset-body",
    };
    send_link(st, locale, user_id, email, name, m).await
}

/// Sends (queues) the link that opens setting up two-step sign-in: whoever sets it up must
/// hold the mailbox as well as the password.
pub async fn send_second_factor_setup(
    st: &AppState,
    locale: Locale,
    user_id: i64,
    email: &str,
    name: &str,
) -> Result<(), AppError> {
    let m = LinkMail {
        purpose: TokenPurpose::SetUpSecondFactor,
        ttl_s: RESET_TTL_S,
        path: "/two-factor",
        subject_key: "mail-two-factor-subject",
        body_key: "mail-two-factor-body",
    };
    send_link(st, locale, user_id, email, name, m).await
}
