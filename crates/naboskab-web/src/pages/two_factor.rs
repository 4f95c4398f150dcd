//! The pages of two-step sign-in ([`naboskab_app::two_factor`] has the rules): a code from
//! the authenticator app after the password, once per session; setting it up shows a QR code
//! and the key to type, asks for one code to prove it works, and shows ten one-time recovery
//! codes. Wrong codes count against the same per-account budget as wrong passwords. A
//! password reset ends every session but keeps the second factor, so it never skips it.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::pages::auth::{redirect_with_cookies, safe_next};
use crate::ratelimit::Device;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::totp;
use naboskab_app::two_factor::{self, CodeCheck, Enrolment};
use serde::Deserialize;

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
    let demo_code = if st.config.demo {
        two_factor::demo_code(&st.app, user.id).await?
    } else {
        None
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
    let step = if two_factor::is_set_up(&st.app, user.id).await? {
        Step::Code
    } else if two_factor::setup_link_is_live(&st.app, user.id, &token).await? {
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
    let key = format!("two-factor-link:{}", user.id);
    if !st.signup_per_ip.try_acquire(&key, st.now()) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&key, st.now()),
        ));
    }
    two_factor::send_setup_link(&st.app, ctx.locale, user).await?;
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
    match two_factor::check_code(&st.app, user.id, &f.code).await? {
        CodeCheck::Accepted => {}
        CodeCheck::NotSetUp => {
            return Ok(Redirect::to(&format!(
                "/two-factor?next={}",
                crate::layers::urlencode(&next)
            ))
            .into_response());
        }
        CodeCheck::Refused => {
            st.sign_in.failed(&budget, &ctx.client_ip, device, now);
            return wrong_code(&st, &ctx, next, Step::Code).await;
        }
    }
    let (cookie, _) = crate::accounts::rotate_session_with_second_factor(&st, &session).await?;
    let mut cookies = vec![cookie];
    cookies.extend(crate::accounts::remember_device(&st, &headers, user.id, true).await?);
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
    let next = safe_next(Some(&f.next));
    let codes = match two_factor::enrol(&st.app, user.id, &f.token, &f.secret, &f.code).await? {
        Enrolment::Done { recovery_codes } => recovery_codes,
        Enrolment::WrongCode { key } => {
            let token = f.token.clone();
            return wrong_code(&st, &ctx, next, Step::SetUp { secret: key, token }).await;
        }
    };
    let (cookie, csrf) = crate::accounts::rotate_session_with_second_factor(&st, &session).await?;
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
