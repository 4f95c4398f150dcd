//! The signed-in person's own account: profile and roles, password change, signing out
//! everywhere, API tokens, and a new verification mail.

use crate::accounts;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::auth::redirect_with_cookies;
use crate::ratelimit::Device;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::accounts::{self as account_use, CURRENT_PASSWORD_FIELD};
use naboskab_store::users::{ApiToken, User};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: PageCtx,
    user: User,
    memberships: Vec<(String, String, i64)>,
    tokens: Vec<ApiToken>,
    session_count: i64,
    new_token: Option<String>,
    password_errors: FormErrors,
    token_errors: FormErrors,
    /// Coming activities signed up for: (occurrence id, when, title, waitlisted).
    signups: Vec<(i64, String, String, bool)>,
}

async fn account_page(
    st: &AppState,
    ctx: &Ctx,
    new_token: Option<String>,
    password_errors: FormErrors,
    token_errors: FormErrors,
) -> AppResult<AccountPage> {
    let own = account_use::overview(&st.app, &ctx.actor, ctx.locale).await?;
    let page_ctx = PageCtx::new(st, ctx);
    let memberships = own
        .memberships
        .into_iter()
        .map(|m| {
            let role = page_ctx.t(&format!("role-{}", m.role.as_str()));
            (
                if m.pending {
                    format!("{role} ({})", page_ctx.t("members-pending"))
                } else {
                    role
                },
                m.organisation_name,
                m.organisation_id,
            )
        })
        .collect();
    let signups = own
        .signups
        .into_iter()
        .map(|s| {
            (
                s.occurrence.id,
                crate::pages::join::when_text(ctx.locale, &s.occurrence),
                s.title,
                s.waitlisted,
            )
        })
        .collect();
    Ok(AccountPage {
        signups,
        tokens: own.tokens,
        session_count: own.session_count,
        memberships,
        user: own.user,
        new_token,
        password_errors,
        token_errors,
        ctx: page_ctx,
    })
}

/// `GET /account`
pub async fn show(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let p = account_page(
        &st,
        &ctx,
        None,
        FormErrors::default(),
        FormErrors::default(),
    )
    .await?;
    Ok(page_with_status(StatusCode::OK, &p))
}

/// The password-change form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

/// `POST /account/password`: needs the current password; ends every other session.
pub async fn change_password(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<PasswordForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    // The current password is guessed no faster here than at sign-in: the same throttle,
    // under the same account key.
    let now = st.now();
    let device_hash = accounts::device_of(&st, &headers, Some(user.id), false).await?;
    let device = device_hash
        .as_deref()
        .map_or(Device::Unknown, Device::Known);
    st.sign_in
        .check(&user.email, &ctx.client_ip, device, now)
        .map_err(AppError::TooManyRequests)?;
    let changed =
        account_use::change_password(&st.app, &ctx.actor, f.current_password, f.new_password).await;
    if let Err(naboskab_app::Error::Invalid(errors)) = &changed {
        if errors.iter().any(|e| e.field == CURRENT_PASSWORD_FIELD) {
            st.sign_in.failed(&user.email, &ctx.client_ip, device, now);
        }
        let p = account_page(
            &st,
            &ctx,
            None,
            FormErrors::new(ctx.locale, errors),
            FormErrors::default(),
        )
        .await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    changed?;
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let cookie = accounts::start_session(&st, user.id, ua).await?;
    Ok(redirect_with_cookies(
        "/account?notice=notice-password-changed",
        &[cookie],
    ))
}

/// The "log out everywhere" form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LogoutEverywhereForm {
    /// `1`: revoke every API token too.
    revoke_tokens: String,
}

/// `POST /account/logout-everywhere`: ends every session, and (when ticked) revokes every
/// API token.
pub async fn logout_everywhere(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<LogoutEverywhereForm>,
) -> AppResult<Response> {
    account_use::sign_out_everywhere(&st.app, &ctx.actor, f.revoke_tokens == "1").await?;
    Ok(redirect_with_cookies(
        "/login?notice=notice-logged-out-everywhere",
        &[accounts::clear_session_cookie(&st)],
    ))
}

/// The new-token form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

/// `POST /account/tokens`: shows the new secret once.
pub async fn create_token(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<TokenForm>,
) -> AppResult<Response> {
    ctx.require_user()?;
    // Tokens are made in a browser session only: a token cannot make tokens, so its second
    // factor cannot be renewed past the session that proved it.
    let Some(session_hash) = ctx.session_hash.as_deref().filter(|_| !ctx.via_bearer) else {
        return Err(AppError::Forbidden);
    };
    let secret =
        match account_use::create_api_token(&st.app, &ctx.actor, session_hash, &f.name).await {
            Ok(secret) => secret,
            Err(naboskab_app::Error::Invalid(errors)) => {
                let errors = FormErrors::new(ctx.locale, &errors);
                let p = account_page(&st, &ctx, None, FormErrors::default(), errors).await?;
                return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
            }
            Err(other) => return Err(other.into()),
        };
    let p = account_page(
        &st,
        &ctx,
        Some(secret),
        FormErrors::default(),
        FormErrors::default(),
    )
    .await?;
    Ok(page_with_status(StatusCode::CREATED, &p))
}

/// `POST /account/tokens/{id}/revoke`
pub async fn revoke_token(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    account_use::revoke_api_token(&st.app, &ctx.actor, id).await?;
    Ok(Redirect::to("/account?notice=notice-token-revoked").into_response())
}

/// `POST /account/verify-email`: sends a new verification link.
pub async fn resend_verification(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require_user()?;
    if user.email_verified_at.is_none() {
        if !st.signup_per_ip.try_acquire(&ctx.client_ip, st.now()) {
            return Err(AppError::TooManyRequests(
                st.signup_per_ip.retry_after(&ctx.client_ip, st.now()),
            ));
        }
        account_use::resend_verification(&st.app, &ctx.actor, ctx.locale).await?;
    }
    Ok(Redirect::to("/account?notice=notice-verification-sent").into_response())
}
