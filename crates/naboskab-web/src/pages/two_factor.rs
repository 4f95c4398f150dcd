//! Two-step sign-in (SEC-14): staff who reach outreach records enter a code from an
//! authenticator app (TOTP) after their password, once per session. Setting it up shows a QR
//! code and the key to type, asks for one code to prove it works, and hands out ten one-time
//! recovery codes. A code works once (the last time step used is stored); wrong codes count
//! against the same per-account budget as wrong passwords. A password reset ends every
//! session but keeps the second factor, so it never skips it.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::pages::auth::{redirect_with_cookies, safe_next};
use crate::ratelimit::Device;
use crate::security::hash_token;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use crate::totp;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_store::users::{self, TokenPurpose};
use serde::Deserialize;

use naboskab_app::accounts::TOTP_SECRET_COLUMN as SECRET_COLUMN;

/// Where to continue.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    next: Option<String>,
    /// The secret of the mailed link that opens setting up.
    token: Option<String>,
    /// "1" after the link was sent.
    sent: Option<String>,
}

#[derive(Template)]
#[template(path = "two_factor.html")]
struct TwoFactorPage {
    ctx: PageCtx,
    next: String,
    /// Setting up: the key (base32) and its QR code as SVG.
    setup: Option<(String, String)>,
    /// Setting up: the mailed link's secret, carried to the form.
    setup_token: String,
    /// No second factor yet and no link opened: offer to mail the link (`Some(true)` once
    /// sent).
    needs_link: Option<bool>,
    /// Demo only: the code the demo account's app would show now.
    demo_code: Option<String>,
    errors: FormErrors,
}

#[derive(Template)]
#[template(path = "two_factor_codes.html")]
struct RecoveryCodesPage {
    ctx: PageCtx,
    next: String,
    codes: Vec<String>,
}

/// The account's TOTP secret, opened.
async fn secret_of(st: &AppState, user_id: i64) -> AppResult<Option<Vec<u8>>> {
    let Some(sealed) = users::totp_secret(&st.db, user_id).await? else {
        return Ok(None);
    };
    let text = st.config.outreach_key.open(SECRET_COLUMN, &sealed)?;
    Ok(totp::from_base32(&text))
}

fn session_of(ctx: &Ctx) -> AppResult<&str> {
    // Bearer tokens have no session to raise; the second factor is for sign-ins in a browser.
    ctx.session_hash.as_deref().ok_or(AppError::Forbidden)
}

/// What the two-step page asks for.
enum Step {
    /// A code from the app (or a recovery code).
    Code,
    /// Setting up with this key, opened by the mailed link with this secret.
    SetUp { secret: Vec<u8>, token: String },
    /// No second factor yet: mail the link that opens setting up (`sent`: it went).
    AskForLink { sent: bool },
}

async fn render(
    st: &AppState,
    ctx: &Ctx,
    next: String,
    step: Step,
    errors: FormErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let (setup, setup_token, needs_link) = match step {
        Step::Code => (None, String::new(), None),
        Step::SetUp { secret, token } => (
            Some((
                totp::base32(&secret),
                crate::pages::calendar::qr_svg(&totp::otpauth_uri(&secret, &user.email)),
            )),
            token,
            None,
        ),
        Step::AskForLink { sent } => (None, String::new(), Some(sent)),
    };
    let demo_code = match secret_of(st, user.id).await? {
        Some(secret) if st.config.demo => {
            // The current code, or the next one when the current one was just used (a code
            // works once; one step of drift is accepted).
            let now = st.now();
            let used = users::totp_last_step(&st.db, user.id).await?;
            let step = now.div_euclid(totp::STEP_S);
            let at = if used.is_some_and(|u| u >= step) {
                now + totp::STEP_S
            } else {
                now
            };
            Some(totp::code_at(&secret, at))
        }
        _ => None,
    };
    Ok(page_with_status(
        status,
        &TwoFactorPage {
            ctx: PageCtx::new(st, ctx),
            next,
            setup,
            setup_token,
            needs_link,
            demo_code,
            errors,
        },
    ))
}

/// The form again (setting up: with the same key and link), naming the wrong code.
async fn wrong_code(st: &AppState, ctx: &Ctx, next: String, step: Step) -> AppResult<Response> {
    let errors = FormErrors::new(ctx.locale, &[FieldError::new("code", "two-factor-wrong")]);
    render(
        st,
        ctx,
        next,
        step,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Whether `token` is a live setup link of this account.
async fn setup_link_is_live(st: &AppState, user_id: i64, token: &str) -> AppResult<bool> {
    Ok(!token.is_empty()
        && users::peek_auth_token(
            &st.db,
            &hash_token(token),
            TokenPurpose::SetUpSecondFactor,
            st.now(),
        )
        .await?
            == Some(user_id))
}

/// `GET /two-factor[?token=]`: enter a code; without a second factor, ask for the setup link,
/// or (opened from that link) set it up.
pub async fn form(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    session_of(&ctx)?;
    let next = safe_next(q.next.as_deref());
    if ctx.actor.second_factor {
        return Ok(Redirect::to(&next).into_response());
    }
    let token = q.token.unwrap_or_default();
    let step = if secret_of(&st, user.id).await?.is_some() {
        Step::Code
    } else if setup_link_is_live(&st, user.id, &token).await? {
        Step::SetUp {
            secret: totp::new_secret(),
            token,
        }
    } else {
        Step::AskForLink {
            sent: q.sent.as_deref() == Some("1"),
        }
    };
    render(&st, &ctx, next, step, FormErrors::default(), StatusCode::OK).await
}

/// `POST /two-factor/setup-link`: mails the link that opens setting up two-step sign-in to
/// the account's address.
pub async fn send_setup_link(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require_user()?;
    session_of(&ctx)?;
    if secret_of(&st, user.id).await?.is_some() {
        return Err(AppError::Conflict("two-factor-already"));
    }
    let key = format!("two-factor-link:{}", user.id);
    if !st.signup_per_ip.try_acquire(&key, st.now()) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&key, st.now()),
        ));
    }
    crate::accounts::send_second_factor_setup(
        &st,
        ctx.locale,
        user.id,
        &user.email,
        &user.display_name,
    )
    .await?;
    tracing::info!(user_id = user.id, "second factor setup link sent");
    Ok(Redirect::to("/two-factor?sent=1").into_response())
}

/// A code typed (TOTP or a recovery code).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    code: String,
    next: String,
    /// Setting up: the key shown.
    secret: String,
    /// Setting up: the mailed link's secret.
    token: String,
}

/// `POST /two-factor`: checks a code from the app or a recovery code; the session then
/// reaches what needs the second factor.
pub async fn verify(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let session = session_of(&ctx)?.to_owned();
    let now = st.now();
    // Wrong codes are throttled like wrong passwords, per device the account knows (one
    // that passed two-step sign-in before) or per address and account.
    let budget = format!("second-factor:{}", user.id);
    let device_hash = crate::accounts::device_of(&st, &headers, Some(user.id), true).await?;
    let device = device_hash
        .as_deref()
        .map_or(Device::Unknown, Device::Known);
    st.sign_in
        .check(&budget, &ctx.client_ip, device, now)
        .map_err(AppError::TooManyRequests)?;
    let next = safe_next(Some(&f.next));
    let Some(secret) = secret_of(&st, user.id).await? else {
        return Ok(Redirect::to(&format!(
            "/two-factor?next={}",
            crate::layers::urlencode(&next)
        ))
        .into_response());
    };
    let accepted = match totp::matching_step(&secret, &f.code, now) {
        Some(step) => users::use_totp_step(&st.db, user.id, step).await?,
        None => {
            let typed = totp::normalise_recovery_code(&f.code);
            !typed.is_empty()
                && users::use_recovery_code(&st.db, user.id, &hash_token(&typed), now).await?
        }
    };
    if !accepted {
        st.sign_in.failed(&budget, &ctx.client_ip, device, now);
        tracing::info!(user_id = user.id, "second factor refused");
        return wrong_code(&st, &ctx, next, Step::Code).await;
    }
    let (cookie, _) = crate::accounts::rotate_session_with_second_factor(&st, &session).await?;
    let mut cookies = vec![cookie];
    cookies.extend(crate::accounts::remember_device(&st, &headers, user.id, true).await?);
    tracing::info!(user_id = user.id, "second factor passed");
    Ok(redirect_with_cookies(&next, &cookies))
}

/// `POST /two-factor/setup`: the first code proves the app has the key; the key is stored
/// sealed, ten recovery codes are shown once, and this session passes the second factor.
pub async fn setup(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<CodeForm>,
) -> AppResult<Response> {
    let user = ctx.require_user()?;
    let session = session_of(&ctx)?.to_owned();
    let now = st.now();
    let next = safe_next(Some(&f.next));
    if secret_of(&st, user.id).await?.is_some() {
        // Already set up (another tab): replacing it needs the old factor first.
        return Err(AppError::Conflict("two-factor-already"));
    }
    if !setup_link_is_live(&st, user.id, &f.token).await? {
        // Only through the mailed link: the password alone does not set the factor up.
        return Err(AppError::field("token", "two-factor-link-expired"));
    }
    let Some(secret) = totp::from_base32(&f.secret).filter(|s| s.len() >= 16) else {
        return Err(AppError::field("secret", "field-invalid"));
    };
    let Some(step) = totp::matching_step(&secret, &f.code, now) else {
        let token = f.token.clone();
        return wrong_code(&st, &ctx, next, Step::SetUp { secret, token }).await;
    };
    if users::consume_auth_token(
        &st.db,
        &hash_token(&f.token),
        TokenPurpose::SetUpSecondFactor,
        now,
    )
    .await?
        != Some(user.id)
    {
        return Err(AppError::field("token", "two-factor-link-expired"));
    }
    let codes = totp::new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| hash_token(&totp::normalise_recovery_code(c)))
        .collect();
    let sealed = st
        .config
        .outreach_key
        .seal(SECRET_COLUMN, &totp::base32(&secret))?;
    users::enrol_totp(&st.db, user.id, &sealed, step, &hashes).await?;
    let (cookie, csrf) = crate::accounts::rotate_session_with_second_factor(&st, &session).await?;
    tracing::info!(user_id = user.id, "second factor set up");
    let ctx = Ctx {
        csrf_token: csrf,
        ..ctx
    };
    let mut resp = page(&RecoveryCodesPage {
        ctx: PageCtx::new(&st, &ctx),
        next,
        codes,
    });
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}
