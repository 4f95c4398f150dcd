//! Signing in and out, registration, e-mail verification and password reset.
//! Answers never reveal whether an e-mail address has an account (SEC-14).

use crate::accounts::{self, password_error_key};
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::ratelimit::Device;
use crate::security::{hash_token, verify_password};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_domain::email::normalise_email;
use naboskab_domain::password::check_new_password;
use naboskab_store::users::{self, NewUser, TokenPurpose};
use serde::Deserialize;

/// A redirect that also sets cookies.
pub fn redirect_with_cookies(to: &str, cookies: &[String]) -> Response {
    let mut r = Redirect::to(to).into_response();
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

/// A local path to continue to after signing in (anything else goes to the account page).
///
/// Only a path that starts with a single `/` followed by a character that is not `/`, `\`,
/// white space or a control character is followed, and only when the whole of it is visible
/// ASCII: browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` would
/// otherwise leave the site, and a control character cannot stand in a `Location` header.
pub fn safe_next(next: Option<&str>) -> String {
    const DEFAULT: &str = "/account";
    let Some(n) = next else {
        return DEFAULT.to_owned();
    };
    let mut chars = n.chars();
    let starts_locally = chars.next() == Some('/')
        && chars
            .next()
            .is_none_or(|c| c != '/' && c != '\\' && c.is_ascii_graphic());
    let all_visible = n.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if starts_locally && all_visible {
        n.to_owned()
    } else {
        DEFAULT.to_owned()
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    next: String,
    errors: FormErrors,
    oidc_label: Option<String>,
}

/// Query of the login page.
#[derive(Debug, Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

fn login_page(
    st: &AppState,
    ctx: &Ctx,
    email: String,
    next: String,
    errors: FormErrors,
) -> LoginPage {
    LoginPage {
        ctx: PageCtx::new(st, ctx),
        email,
        next,
        errors,
        oidc_label: st.config.oidc.as_ref().map(|o| o.label.clone()),
    }
}

/// `GET /login`
pub async fn login_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Response {
    page(&login_page(
        &st,
        &ctx,
        String::new(),
        safe_next(q.next.as_deref()),
        FormErrors::default(),
    ))
}

/// The login form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

/// `POST /login`
pub async fn login_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> AppResult<Response> {
    let now = st.now();
    if !st.login_per_ip.try_acquire(&ctx.client_ip, now) {
        tracing::warn!(ip = %ctx.client_ip, "login rate limit reached for address");
        return Err(AppError::TooManyRequests(
            st.login_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    let email = normalise_email(&f.email).unwrap_or_default();
    let user = if email.is_empty() {
        None
    } else {
        users::user_by_email(&st.db, &email).await?
    };
    let device_hash =
        accounts::device_of(&st, &headers, user.as_ref().map(|u| u.id), false).await?;
    let device = device_hash
        .as_deref()
        .map_or(Device::Unknown, Device::Known);
    if let Err(wait) = st.sign_in.check(&email, &ctx.client_ip, device, now) {
        tracing::warn!(ip = %ctx.client_ip, "login rate limit reached for account");
        return Err(AppError::TooManyRequests(wait));
    }
    let ok = verify_password(
        f.password,
        user.as_ref().and_then(|u| u.password_hash.clone()),
    )
    .await;
    let user = match user {
        Some(u) if ok && u.disabled_at.is_none() => u,
        _ => {
            st.sign_in.failed(&email, &ctx.client_ip, device, now);
            tracing::info!(ip = %ctx.client_ip, "login failed");
            let errors = FormErrors::new(
                ctx.locale,
                &[FieldError {
                    field: "email".into(),
                    key: "login-failed",
                }],
            );
            return Ok(page_with_status(
                StatusCode::UNAUTHORIZED,
                &login_page(&st, &ctx, f.email, safe_next(Some(&f.next)), errors),
            ));
        }
    };
    if let Some(old) = &ctx.session_hash {
        users::delete_session(&st.db, old).await?;
    }
    let ua = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let mut cookies = vec![accounts::start_session(&st, user.id, ua).await?];
    cookies.extend(accounts::remember_device(&st, &headers, user.id, false).await?);
    tracing::info!(user_id = user.id, ip = %ctx.client_ip, "login succeeded");
    Ok(redirect_with_cookies(&safe_next(Some(&f.next)), &cookies))
}

/// `POST /logout`
pub async fn logout(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if let Some(h) = &ctx.session_hash {
        users::delete_session(&st.db, h).await?;
        tracing::info!(user_id = ?ctx.actor.user_id, "logout");
    }
    Ok(redirect_with_cookies(
        "/?notice=notice-logged-out",
        &[accounts::clear_session_cookie(&st)],
    ))
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    ctx: PageCtx,
    name: String,
    email: String,
    errors: FormErrors,
}

/// `GET /register`
pub async fn register_form(State(st): State<AppState>, ctx: Ctx) -> Response {
    page(&RegisterPage {
        ctx: PageCtx::new(&st, &ctx),
        name: String::new(),
        email: String::new(),
        errors: FormErrors::default(),
    })
}

/// The registration form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct RegisterForm {
    name: String,
    email: String,
    password: String,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    ctx: PageCtx,
    title: String,
    body: String,
}

/// `POST /register`
pub async fn register_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<RegisterForm>,
) -> AppResult<Response> {
    let now = st.now();
    let mut errors = Vec::new();
    let name = f.name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError {
            field: "name".into(),
            key: "field-required",
        });
    } else if name.chars().count() > 100 {
        errors.push(FieldError {
            field: "name".into(),
            key: "field-too-long",
        });
    }
    let email = match normalise_email(&f.email) {
        Ok(e) => e,
        Err(_) => {
            errors.push(FieldError {
                field: "email".into(),
                key: "field-email-invalid",
            });
            String::new()
        }
    };
    if let Err(e) = check_new_password(&f.password, &email) {
        errors.push(FieldError {
            field: "password".into(),
            key: password_error_key(e),
        });
    }
    if !errors.is_empty() {
        let p = RegisterPage {
            ctx: PageCtx::new(&st, &ctx),
            name: f.name,
            email: f.email,
            errors: FormErrors::new(ctx.locale, &errors),
        };
        return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    }
    if !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    match users::user_by_email(&st.db, &email).await? {
        Some(existing) => {
            // Hash anyway, so a known address takes as long as a new one.
            let _ = crate::security::hash_password(f.password).await;
            accounts::queue_mail(
                &st,
                ctx.locale,
                &existing.email,
                Some(existing.id),
                "mail-exists-subject",
                "mail-exists-body",
                &[
                    ("name", existing.display_name.clone()),
                    ("link", format!("{}/password/forgot", st.config.base_url)),
                ],
            )
            .await?;
        }
        None => {
            let hash = crate::security::hash_password(f.password)
                .await
                .map_err(AppError::Internal)?;
            let id = users::create_user(
                &st.db,
                &NewUser {
                    email: &email,
                    display_name: &name,
                    password_hash: Some(&hash),
                    verified: false,
                    locale: Some(ctx.locale.code()),
                },
                now,
            )
            .await?;
            accounts::send_verification(&st, ctx.locale, id, &email, &name).await?;
            tracing::info!(user_id = id, "account registered");
        }
    }
    let p = PageCtx::new(&st, &ctx);
    Ok(page(&MessagePage {
        title: p.t("register-sent-title"),
        body: p.t("register-sent-body"),
        ctx: p,
    }))
}

/// Whether a one-time token from a mail link can still be used (looking does not use it).
async fn token_is_live(st: &AppState, token: &str, purpose: TokenPurpose) -> AppResult<bool> {
    Ok(
        users::peek_auth_token(&st.db, &hash_token(token), purpose, st.now())
            .await?
            .is_some(),
    )
}

/// A query carrying a one-time token.
#[derive(Debug, Deserialize, Default)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    ctx: PageCtx,
    token: String,
    valid: bool,
}

/// `GET /verify-email?token=` shows a confirm button (a GET never changes anything).
pub async fn verify_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    let valid = token_is_live(&st, &q.token, TokenPurpose::VerifyEmail).await?;
    Ok(page(&VerifyPage {
        ctx: PageCtx::new(&st, &ctx),
        token: q.token,
        valid,
    }))
}

/// `POST /verify-email`
pub async fn verify_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(q): Form<TokenQuery>,
) -> AppResult<Response> {
    let now = st.now();
    match users::consume_auth_token(
        &st.db,
        &hash_token(&q.token),
        TokenPurpose::VerifyEmail,
        now,
    )
    .await?
    {
        Some(user_id) => {
            users::mark_email_verified(&st.db, user_id, now).await?;
            let to = if ctx.user.is_some() {
                "/account?notice=notice-email-verified"
            } else {
                "/login?notice=notice-email-verified"
            };
            Ok(Redirect::to(to).into_response())
        }
        None => Ok(page_with_status(
            StatusCode::GONE,
            &VerifyPage {
                ctx: PageCtx::new(&st, &ctx),
                token: String::new(),
                valid: false,
            },
        )),
    }
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage {
    ctx: PageCtx,
    email: String,
    errors: FormErrors,
}

/// `GET /password/forgot`
pub async fn forgot_form(State(st): State<AppState>, ctx: Ctx) -> Response {
    page(&ForgotPage {
        ctx: PageCtx::new(&st, &ctx),
        email: String::new(),
        errors: FormErrors::default(),
    })
}

/// The forgotten-password form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

/// `POST /password/forgot`: the same answer whether or not the address has an account.
pub async fn forgot_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<ForgotForm>,
) -> AppResult<Response> {
    let now = st.now();
    let Ok(email) = normalise_email(&f.email) else {
        let errors = FormErrors::new(
            ctx.locale,
            &[FieldError {
                field: "email".into(),
                key: "field-email-invalid",
            }],
        );
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                ctx: PageCtx::new(&st, &ctx),
                email: f.email,
                errors,
            },
        ));
    };
    if !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    if let Some(u) = users::user_by_email(&st.db, &email)
        .await?
        .filter(|u| u.disabled_at.is_none())
    {
        accounts::send_reset(&st, ctx.locale, u.id, &u.email, &u.display_name).await?;
    }
    let p = PageCtx::new(&st, &ctx);
    Ok(page(&MessagePage {
        title: p.t("forgot-sent-title"),
        body: p.t("forgot-sent-body"),
        ctx: p,
    }))
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage {
    ctx: PageCtx,
    token: String,
    valid: bool,
    errors: FormErrors,
}

/// `GET /password/reset?token=`
pub async fn reset_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> AppResult<Response> {
    let valid = token_is_live(&st, &q.token, TokenPurpose::ResetPassword).await?;
    Ok(page(&ResetPage {
        ctx: PageCtx::new(&st, &ctx),
        token: q.token,
        valid,
        errors: FormErrors::default(),
    }))
}

/// The new-password form.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    token: String,
    password: String,
}

/// `POST /password/reset`: sets the password and ends every session and API token.
pub async fn reset_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<ResetForm>,
) -> AppResult<Response> {
    let now = st.now();
    let hash = hash_token(&f.token);
    let Some(user_id) =
        users::peek_auth_token(&st.db, &hash, TokenPurpose::ResetPassword, now).await?
    else {
        return Ok(page_with_status(
            StatusCode::GONE,
            &ResetPage {
                ctx: PageCtx::new(&st, &ctx),
                token: String::new(),
                valid: false,
                errors: FormErrors::default(),
            },
        ));
    };
    let user = users::user_by_id(&st.db, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Err(e) = check_new_password(&f.password, &user.email) {
        let errors = FormErrors::new(
            ctx.locale,
            &[FieldError {
                field: "password".into(),
                key: password_error_key(e),
            }],
        );
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                ctx: PageCtx::new(&st, &ctx),
                token: f.token,
                valid: true,
                errors,
            },
        ));
    }
    if users::consume_auth_token(&st.db, &hash, TokenPurpose::ResetPassword, now)
        .await?
        .is_none()
    {
        return Err(AppError::Conflict("error-token-used"));
    }
    let new_hash = crate::security::hash_password(f.password)
        .await
        .map_err(AppError::Internal)?;
    users::set_password(&st.db, user_id, &new_hash, now).await?;
    users::mark_email_verified(&st.db, user_id, now).await?;
    tracing::info!(user_id, "password reset");
    Ok(redirect_with_cookies(
        "/login?notice=notice-password-reset",
        &[accounts::clear_session_cookie(&st)],
    ))
}
