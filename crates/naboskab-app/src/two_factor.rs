//! Two-step sign-in (SEC-14): staff who reach outreach records enter a code from an
//! authenticator app (TOTP, [`crate::totp`]) after their password, once per session. Setting
//! it up needs a link mailed to the account's address, proves the app has the key with one
//! code, stores the key sealed and hands out ten one-time recovery codes. A code works once
//! (the last time step used is stored). The adapters keep the throttle on wrong codes and
//! raise the session ([`crate::sessions::raise_with_second_factor`]) once a code passes.

use crate::accounts::{self, TOTP_SECRET_COLUMN};
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::secrets::hash_token;
use crate::{App, totp};
use naboskab_store::users::{self, TokenPurpose, User};

/// The account's authenticator key, opened; `None` before it is set up.
async fn key_of(app: &App, user_id: i64) -> Result<Option<Vec<u8>>> {
    let Some(sealed) = users::totp_secret(&app.db, user_id).await? else {
        return Ok(None);
    };
    let text = app.config.outreach_key.open(TOTP_SECRET_COLUMN, &sealed)?;
    Ok(totp::from_base32(&text))
}

/// Whether the account has set up two-step sign-in.
pub async fn is_set_up(app: &App, user_id: i64) -> Result<bool> {
    Ok(key_of(app, user_id).await?.is_some())
}

/// For the demo's accounts, whose keys are published: the code their app shows now, or the
/// next one when the current one was just used (a code works once; one step of drift is
/// accepted). `None` before the account has a key.
pub async fn demo_code(app: &App, user_id: i64) -> Result<Option<String>> {
    let Some(key) = key_of(app, user_id).await? else {
        return Ok(None);
    };
    let now = app.now();
    let used = users::totp_last_step(&app.db, user_id).await?;
    let at = if used.is_some_and(|u| u >= now.div_euclid(totp::STEP_S)) {
        now + totp::STEP_S
    } else {
        now
    };
    Ok(Some(totp::code_at(&key, at)))
}

/// Whether `token` is a live setup link of this account.
pub async fn setup_link_is_live(app: &App, user_id: i64, token: &str) -> Result<bool> {
    if token.is_empty() {
        return Ok(false);
    }
    let holder = accounts::link_holder(app, token, TokenPurpose::SetUpSecondFactor).await?;
    Ok(holder == Some(user_id))
}

/// Mails the link that opens setting up; refused once the account has a second factor
/// (replacing it needs the old factor first).
pub async fn send_setup_link(app: &App, locale: Locale, user: &User) -> Result<()> {
    if is_set_up(app, user.id).await? {
        return Err(Error::Conflict("two-factor-already"));
    }
    accounts::send_second_factor_setup(app, locale, user).await?;
    tracing::info!(user_id = user.id, "second factor setup link sent");
    Ok(())
}

/// What a typed code proved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeCheck {
    /// A code from the app, or an unused recovery code: the session may be raised.
    Accepted,
    /// Wrong, or used before.
    Refused,
    /// The account has no second factor yet.
    NotSetUp,
}

/// Checks a code from the authenticator app, or else a recovery code (used up by this).
pub async fn check_code(app: &App, user_id: i64, typed: &str) -> Result<CodeCheck> {
    let Some(key) = key_of(app, user_id).await? else {
        return Ok(CodeCheck::NotSetUp);
    };
    let now = app.now();
    let accepted = match totp::matching_step(&key, typed, now) {
        Some(step) => users::use_totp_step(&app.db, user_id, step).await?,
        None => {
            let code = totp::normalise_recovery_code(typed);
            !code.is_empty()
                && users::use_recovery_code(&app.db, user_id, &hash_token(&code), now).await?
        }
    };
    if accepted {
        tracing::info!(user_id, "second factor passed");
        Ok(CodeCheck::Accepted)
    } else {
        tracing::info!(user_id, "second factor refused");
        Ok(CodeCheck::Refused)
    }
}

/// What setting up came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Enrolment {
    /// Set up: the recovery codes, to show once.
    Done {
        /// Ten one-time codes.
        recovery_codes: Vec<String>,
    },
    /// The code did not match the key: show the same key and link again.
    WrongCode {
        /// The key shown.
        key: Vec<u8>,
    },
}

/// Sets up two-step sign-in with the key shown (`key_base32`), opened by the mailed link
/// (`token`), once a code from the app proves the app has the key. The link is used up, the
/// key stored sealed, and ten recovery codes are made.
pub async fn enrol(
    app: &App,
    user_id: i64,
    token: &str,
    key_base32: &str,
    code: &str,
) -> Result<Enrolment> {
    if is_set_up(app, user_id).await? {
        // Already set up (another tab): replacing it needs the old factor first.
        return Err(Error::Conflict("two-factor-already"));
    }
    if !setup_link_is_live(app, user_id, token).await? {
        // Only through the mailed link: the password alone does not set the factor up.
        return Err(Error::field("token", "two-factor-link-expired"));
    }
    let Some(key) = totp::from_base32(key_base32).filter(|k| k.len() >= 16) else {
        return Err(Error::field("secret", "field-invalid"));
    };
    let now = app.now();
    let Some(step) = totp::matching_step(&key, code, now) else {
        return Ok(Enrolment::WrongCode { key });
    };
    let used = users::consume_auth_token(
        &app.db,
        &hash_token(token),
        TokenPurpose::SetUpSecondFactor,
        now,
    )
    .await?;
    if used != Some(user_id) {
        return Err(Error::field("token", "two-factor-link-expired"));
    }
    let recovery_codes = totp::new_recovery_codes();
    let hashes: Vec<String> = recovery_codes
        .iter()
        .map(|c| hash_token(&totp::normalise_recovery_code(c)))
        .collect();
    let sealed = app
        .config
        .outreach_key
        .seal(TOTP_SECRET_COLUMN, &totp::base32(&key))?;
    users::enrol_totp(&app.db, user_id, &sealed, step, &hashes).await?;
    tracing::info!(user_id, "second factor set up");
    Ok(Enrolment::Done { recovery_codes })
}
