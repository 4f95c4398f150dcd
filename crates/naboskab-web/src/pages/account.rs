//! The signed-in person's own account: profile and roles, password change, signing out
//! everywhere, API tokens, and a new verification mail.

use crate::accounts::{self, password_error_key};
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::pages::auth::redirect_with_cookies;
use crate::ratelimit::Device;
use crate::security::verify_password;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::password::check_new_password;
use naboskab_domain::{Action, Resource};
use naboskab_store::users::{self, ApiToken, MembershipView, User};
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
    ctx.authorize(Action::ReadOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?.clone();
    let page_ctx = PageCtx::new(st, ctx);
    let memberships = users::membership_views_of_user(&st.db, user.id)
        .await?
        .into_iter()
        .map(|m: MembershipView| {
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
    let mut signups = Vec::new();
    for (p, occ) in naboskab_store::join::signups_of_user(&st.db, user.id, st.now()).await? {
        let title = match naboskab_store::offers::offer(&st.db, occ.offer_id).await? {
            Some(o) => o.localized(ctx.locale.code()).0.to_owned(),
            None => occ.offer_title.clone(),
        };
        signups.push((
            occ.id,
            crate::pages::join::when_text(ctx.locale, &occ),
            title,
            p.status == SignUpStatus::Waitlisted,
        ));
    }
    Ok(AccountPage {
        signups,
        tokens: users::api_tokens_of_user(&st.db, user.id, st.now()).await?,
        session_count: users::count_sessions_of_user(&st.db, user.id).await?,
        memberships,
        user,
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
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?.clone();
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
    let mut errors = Vec::new();
    if !verify_password(f.current_password, user.password_hash.clone()).await {
        st.sign_in.failed(&user.email, &ctx.client_ip, device, now);
        errors.push(FieldError {
            field: "current_password".into(),
            key: "field-current-password-wrong",
        });
    }
    if let Err(e) = check_new_password(&f.new_password, &user.email) {
        errors.push(FieldError {
            field: "new_password".into(),
            key: password_error_key(e),
        });
    }
    if !errors.is_empty() {
        let p = account_page(
            &st,
            &ctx,
            None,
            FormErrors::new(ctx.locale, &errors),
            FormErrors::default(),
        )
        .await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    let hash = crate::security::hash_password(f.new_password)
        .await
        .map_err(AppError::Internal)?;
    users::set_password(&st.db, user.id, &hash, st.now()).await?;
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let cookie = accounts::start_session(&st, user.id, ua).await?;
    tracing::info!(user_id = user.id, "password changed");
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
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?;
    let n = users::delete_sessions_of_user(&st.db, user.id).await?;
    let revoked = if f.revoke_tokens == "1" {
        users::revoke_api_tokens_of_user(&st.db, user.id, st.now()).await?
    } else {
        0
    };
    tracing::info!(
        user_id = user.id,
        sessions = n,
        tokens = revoked,
        "logout everywhere"
    );
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
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?;
    // Tokens are made in a browser session only: a token cannot make tokens, so its second
    // factor cannot be renewed past the session that proved it.
    let Some(session_hash) = ctx.session_hash.as_deref().filter(|_| !ctx.via_bearer) else {
        return Err(AppError::Forbidden);
    };
    let session = users::live_session(&st.db, session_hash, st.now())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        let key = if name.is_empty() {
            "field-required"
        } else {
            "field-too-long"
        };
        let errors = FormErrors::new(
            ctx.locale,
            &[FieldError {
                field: "name".into(),
                key,
            }],
        );
        let p = account_page(&st, &ctx, None, FormErrors::default(), errors).await?;
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    let until = accounts::second_factor_until(&session);
    let secret = accounts::issue_api_token(&st.db, user.id, name, until, st.now()).await?;
    tracing::info!(user_id = user.id, "API token created");
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
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?;
    if !users::revoke_api_token(&st.db, user.id, id, st.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/account?notice=notice-token-revoked").into_response())
}

/// `POST /account/verify-email`: sends a new verification link.
pub async fn resend_verification(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user = ctx.require_user()?;
    if user.email_verified_at.is_none() {
        if !st.signup_per_ip.try_acquire(&ctx.client_ip, st.now()) {
            return Err(AppError::TooManyRequests(
                st.signup_per_ip.retry_after(&ctx.client_ip, st.now()),
            ));
        }
        accounts::send_verification(&st, ctx.locale, user.id, &user.email, &user.display_name)
            .await?;
    }
    Ok(Redirect::to("/account?notice=notice-verification-sent").into_response())
}
