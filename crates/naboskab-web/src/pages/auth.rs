//! Signing in and out, registration, e-mail verification and password reset.
//! Answers never reveal whether an e-mail address has an account (SEC-14).

use crate::accounts;
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::ratelimit::Device;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::accounts as account_use;
use naboskab_app::sessions;
use naboskab_domain::email::normalise_email;
use naboskab_store::users::TokenPurpose;
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
    let user = account_use::account_by_email(&st.app, &email).await?;
    let device_hash =
        accounts::device_of(&st, &headers, user.as_ref().map(|u| u.id), false).await?;
    let device = device_hash
        .as_deref()
        .map_or(Device::Unknown, Device::Known);
    if let Err(wait) = st.sign_in.check(&email, &ctx.client_ip, device, now) {
        tracing::warn!(ip = %ctx.client_ip, "login rate limit reached for account");
        return Err(AppError::TooManyRequests(wait));
    }
    let user = match account_use::check_password(user, f.password).await {
        Some(u) => u,
        None => {
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
    let mut cookies = vec![accounts::sign_in(&st, &ctx, &headers, user.id).await?];
    cookies.extend(accounts::remember_device(&st, &headers, user.id, false).await?);
    tracing::info!(user_id = user.id, ip = %ctx.client_ip, "login succeeded");
    Ok(redirect_with_cookies(&safe_next(Some(&f.next)), &cookies))
}

/// `POST /logout`
pub async fn logout(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if let Some(h) = &ctx.session_hash {
        sessions::end(&st.app, h).await?;
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
    let registration = match account_use::check_registration(&f.name, &f.email, &f.password) {
        Ok(r) => r,
        Err(naboskab_app::Error::Invalid(errors)) => {
            let p = RegisterPage {
                ctx: PageCtx::new(&st, &ctx),
                name: f.name,
                email: f.email,
                errors: FormErrors::new(ctx.locale, &errors),
            };
            return Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
        Err(other) => return Err(other.into()),
    };
    let now = st.now();
    if !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    account_use::register(&st.app, ctx.locale, registration).await?;
    let p = PageCtx::new(&st, &ctx);
    Ok(page(&MessagePage {
        title: p.t("register-sent-title"),
        body: p.t("register-sent-body"),
        ctx: p,
    }))
}

/// Whether a one-time token from a mail link can still be used (looking does not use it).
async fn token_is_live(st: &AppState, token: &str, purpose: TokenPurpose) -> AppResult<bool> {
    let holder = account_use::link_holder(&st.app, token, purpose).await?;
    Ok(holder.is_some())
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
    if account_use::verify_email(&st.app, &q.token).await? {
        let to = if ctx.user.is_some() {
            "/account?notice=notice-email-verified"
        } else {
            "/login?notice=notice-email-verified"
        };
        return Ok(Redirect::to(to).into_response());
    }
    Ok(page_with_status(
        StatusCode::GONE,
        &VerifyPage {
            ctx: PageCtx::new(&st, &ctx),
            token: String::new(),
            valid: false,
        },
    ))
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
    account_use::request_password_reset(&st.app, ctx.locale, &email).await?;
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
    let gone = match account_use::reset_password(&st.app, &f.token, f.password).await {
        Ok(done) => !done,
        Err(naboskab_app::Error::Invalid(errors)) => {
            return Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ResetPage {
                    ctx: PageCtx::new(&st, &ctx),
                    token: f.token,
                    valid: true,
                    errors: FormErrors::new(ctx.locale, &errors),
                },
            ));
        }
        Err(other) => return Err(other.into()),
    };
    if gone {
        return Ok(page_with_status(
            StatusCode::GONE,
            &ResetPage {
                ctx: PageCtx::new(&st, &ctx),
                token: String::new(),
                valid: false,
                errors: FormErrors::default(),
            },
        ));
    }
    Ok(redirect_with_cookies(
        "/login?notice=notice-password-reset",
        &[accounts::clear_session_cookie(&st)],
    ))
}
