//! A person's own account: registering, confirming the address, forgetting and changing the
//! password, API tokens, signing out everywhere, signing in through an identity provider, and
//! the one-time links mailed for each. Answers never reveal whether an address has an account
//! (SEC-14). Also the accounts the command line and the demo create.

use crate::error::{Error, FieldError, Result};
use crate::i18n::Locale;
use crate::secrets::{hash_password, hash_token, random_token, verify_password};
use crate::{App, authorize, messaging};
use naboskab_domain::email::normalise_email;
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::password::{PasswordError, check_new_password};
use naboskab_domain::{Action, Actor, Resource};
use naboskab_store::join::Occurrence;
use naboskab_store::seal::SealKey;
use naboskab_store::users::{self, ApiToken, MembershipView, NewUser, TokenPurpose, User};
use naboskab_store::{Db, StoreError};

/// The column an account's authenticator secret is sealed for.
pub const TOTP_SECRET_COLUMN: &str = "app_user.totp_sealed";
/// An API token made in a session that passed the second factor carries it this long (a
/// staff working day, like the staff session), then reaches outreach no more.
pub const SECOND_FACTOR_TOKEN_S: i64 = 12 * 3600;
/// E-mail verification links live 48 hours.
pub const VERIFY_TTL_S: i64 = 48 * 3600;
/// Password reset links and the link that opens setting up two-step sign-in live 30 minutes.
pub const RESET_TTL_S: i64 = 30 * 60;
/// At most this many password-reset mails per account and hour; further requests get the
/// same answer and send nothing (a mailbox cannot be flooded through the form).
pub const RESETS_PER_HOUR: i64 = 5;
/// Longest display name.
const NAME_MAX_CHARS: usize = 100;
/// Longest API token name.
const TOKEN_NAME_MAX_CHARS: usize = 80;

/// The Fluent key for a password problem.
pub fn password_error_key(e: PasswordError) -> &'static str {
    match e {
        PasswordError::TooShort => "field-password-too-short",
        PasswordError::TooLong => "field-password-too-long",
        PasswordError::TooCommon => "field-password-too-common",
    }
}

/// The signed-in account the actor may manage as their own.
fn own_account(actor: &Actor, action: Action) -> Result<i64> {
    authorize(actor, action, &Resource::OwnAccount)?;
    actor.user_id.ok_or(Error::SignInRequired)
}

/// The account of `actor`, read fresh.
async fn own_user(app: &App, actor: &Actor, action: Action) -> Result<User> {
    let user_id = own_account(actor, action)?;
    users::user_by_id(&app.db, user_id)
        .await?
        .ok_or(Error::SignInRequired)
}

// ----- signing in -----

/// The account at a normalised address, if any (the empty address names none).
pub async fn account_by_email(app: &App, email: &str) -> Result<Option<User>> {
    if email.is_empty() {
        return Ok(None);
    }
    Ok(users::user_by_email(&app.db, email).await?)
}

/// The account when the password is its own and the account is not disabled. The password
/// is hashed even without an account, so an unknown address takes as long as a known one.
pub async fn check_password(user: Option<User>, password: String) -> Option<User> {
    let ok = verify_password(
        password,
        user.as_ref().and_then(|u| u.password_hash.clone()),
    )
    .await;
    user.filter(|u| ok && u.disabled_at.is_none())
}

// ----- registering -----

/// A registration whose fields were checked.
#[derive(Debug, Clone)]
pub struct Registration {
    name: String,
    email: String,
    password: String,
}

/// Checks a registration form: a name (at most 100 characters), an address, a password the
/// policy takes; every problem is named.
pub fn check_registration(name: &str, email: &str, password: &str) -> Result<Registration> {
    let mut errors = Vec::new();
    let name = name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new("name", "field-required"));
    } else if name.chars().count() > NAME_MAX_CHARS {
        errors.push(FieldError::new("name", "field-too-long"));
    }
    let email = normalise_email(email).unwrap_or_else(|_| {
        errors.push(FieldError::new("email", "field-email-invalid"));
        String::new()
    });
    if let Err(e) = check_new_password(password, &email) {
        errors.push(FieldError::new("password", password_error_key(e)));
    }
    if errors.is_empty() {
        Ok(Registration {
            name,
            email,
            password: password.to_owned(),
        })
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Registers an account and mails the link that confirms its address; for an address that
/// has an account already, mails its holder instead (the answer is the same either way).
pub async fn register(app: &App, locale: Locale, r: Registration) -> Result<()> {
    match users::user_by_email(&app.db, &r.email).await? {
        Some(existing) => {
            // Hash anyway, so a known address takes as long as a new one.
            let _ = hash_password(r.password).await;
            let link = format!("{}/password/forgot", app.config.base_url);
            messaging::queue_mail(
                app,
                locale,
                &existing.email,
                Some(existing.id),
                ("mail-exists-subject", "mail-exists-body"),
                &[("name", existing.display_name.clone()), ("link", link)],
            )
            .await
        }
        None => {
            let hash = hash_password(r.password).await.map_err(internal)?;
            let id = users::create_user(
                &app.db,
                &NewUser {
                    email: &r.email,
                    display_name: &r.name,
                    password_hash: Some(&hash),
                    verified: false,
                    locale: Some(locale.code()),
                },
                app.now(),
            )
            .await?;
            tracing::info!(user_id = id, "account registered");
            send_link(app, locale, id, &r.email, &r.name, VERIFY_EMAIL).await
        }
    }
}

/// A password could not be hashed (nobody's input is wrong).
fn internal(why: String) -> Error {
    Error::Internal(why)
}

// ----- one-time links -----

/// A one-time link sent by mail: what it is for, how long it lives, where it leads.
struct LinkMail {
    purpose: TokenPurpose,
    ttl_s: i64,
    path: &'static str,
    subject_key: &'static str,
    body_key: &'static str,
}

const VERIFY_EMAIL: LinkMail = LinkMail {
    purpose: TokenPurpose::VerifyEmail,
    ttl_s: VERIFY_TTL_S,
    path: "/verify-email",
    subject_key: "mail-verify-subject",
    body_key: "mail-verify-body",
};

const RESET_PASSWORD: LinkMail = LinkMail {
    purpose: TokenPurpose::ResetPassword,
    ttl_s: RESET_TTL_S,
    path: "/password/reset",
    subject_key: "mail-reset-subject",
    body_key: "mail-reset-body",
};

const SET_UP_SECOND_FACTOR: LinkMail = LinkMail {
    purpose: TokenPurpose::SetUpSecondFactor,
    ttl_s: RESET_TTL_S,
    path: "/two-factor",
    subject_key: "mail-two-factor-subject",
    body_key: "mail-two-factor-body",
};

/// Creates a one-time token and queues the mail carrying its link.
async fn send_link(
    app: &App,
    locale: Locale,
    user_id: i64,
    email: &str,
    name: &str,
    m: LinkMail,
) -> Result<()> {
    let token = random_token(32);
    let now = app.now();
    users::create_auth_token(
        &app.db,
        &hash_token(&token),
        user_id,
        m.purpose,
        now + m.ttl_s,
        now,
    )
    .await?;
    let link = format!("{}{}?token={token}", app.config.base_url, m.path);
    messaging::queue_mail(
        app,
        locale,
        email,
        Some(user_id),
        (m.subject_key, m.body_key),
        &[("name", name.to_owned()), ("link", link)],
    )
    .await
}

/// The account a mailed link's secret opens, while it is unused and not expired (looking
/// does not use it).
pub async fn link_holder(app: &App, token: &str, purpose: TokenPurpose) -> Result<Option<i64>> {
    Ok(users::peek_auth_token(&app.db, &hash_token(token), purpose, app.now()).await?)
}

/// Confirms an address with its mailed link; `false` when the link is used or expired.
pub async fn verify_email(app: &App, token: &str) -> Result<bool> {
    let now = app.now();
    let holder =
        users::consume_auth_token(&app.db, &hash_token(token), TokenPurpose::VerifyEmail, now)
            .await?;
    if let Some(user_id) = holder {
        users::mark_email_verified(&app.db, user_id, now).await?;
    }
    Ok(holder.is_some())
}

/// Sends the signed-in person a new link that confirms their address (nothing when it is
/// confirmed already).
pub async fn resend_verification(app: &App, actor: &Actor, locale: Locale) -> Result<()> {
    let user = own_user(app, actor, Action::ManageOwnAccount).await?;
    if user.email_verified_at.is_some() {
        return Ok(());
    }
    send_link(
        app,
        locale,
        user.id,
        &user.email,
        &user.display_name,
        VERIFY_EMAIL,
    )
    .await
}

/// Mails a password-reset link to the account at `email` (normalised), if there is one and it
/// is not disabled, and at most [`RESETS_PER_HOUR`] an hour; the caller's answer is the same
/// in every case.
pub async fn request_password_reset(app: &App, locale: Locale, email: &str) -> Result<()> {
    let Some(user) = users::user_by_email(&app.db, email)
        .await?
        .filter(|u| u.disabled_at.is_none())
    else {
        return Ok(());
    };
    let since = app.now() - 3600;
    let sent =
        users::auth_tokens_made_since(&app.db, user.id, TokenPurpose::ResetPassword, since).await?;
    if sent >= RESETS_PER_HOUR {
        tracing::warn!(
            user_id = user.id,
            "password reset mail not sent: hourly limit reached"
        );
        return Ok(());
    }
    send_link(
        app,
        locale,
        user.id,
        &user.email,
        &user.display_name,
        RESET_PASSWORD,
    )
    .await
}

/// Sets a new password with a mailed reset link; every session and API token of the account
/// ends, and the address counts as confirmed (the link reached it). `Ok(false)` when the link
/// is used or expired; a password the policy refuses is [`Error::Invalid`] (the link stays
/// usable).
pub async fn reset_password(app: &App, token: &str, password: String) -> Result<bool> {
    let now = app.now();
    let hash = hash_token(token);
    let Some(user_id) =
        users::peek_auth_token(&app.db, &hash, TokenPurpose::ResetPassword, now).await?
    else {
        return Ok(false);
    };
    let user = users::user_by_id(&app.db, user_id)
        .await?
        .ok_or(Error::NotFound)?;
    if let Err(e) = check_new_password(&password, &user.email) {
        return Err(Error::field("password", password_error_key(e)));
    }
    if users::consume_auth_token(&app.db, &hash, TokenPurpose::ResetPassword, now)
        .await?
        .is_none()
    {
        return Err(Error::Conflict("error-token-used"));
    }
    let new_hash = hash_password(password).await.map_err(internal)?;
    users::set_password(&app.db, user_id, &new_hash, now).await?;
    users::mark_email_verified(&app.db, user_id, now).await?;
    tracing::info!(user_id, "password reset");
    Ok(true)
}

/// The field that names a wrong current password in [`change_password`]'s refusal.
pub const CURRENT_PASSWORD_FIELD: &str = "current_password";

/// Changes the signed-in person's password: the current one must match and the new one pass
/// the policy (both are named when wrong). Every session and API token of the account ends;
/// the caller starts a new session.
pub async fn change_password(app: &App, actor: &Actor, current: String, new: String) -> Result<()> {
    let user = own_user(app, actor, Action::ManageOwnAccount).await?;
    let mut errors = Vec::new();
    if !verify_password(current, user.password_hash.clone()).await {
        errors.push(FieldError::new(
            CURRENT_PASSWORD_FIELD,
            "field-current-password-wrong",
        ));
    }
    if let Err(e) = check_new_password(&new, &user.email) {
        errors.push(FieldError::new("new_password", password_error_key(e)));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let hash = hash_password(new).await.map_err(internal)?;
    users::set_password(&app.db, user.id, &hash, app.now()).await?;
    tracing::info!(user_id = user.id, "password changed");
    Ok(())
}

// ----- the account page -----

/// A coming activity the person signed up for.
#[derive(Debug, Clone)]
pub struct OwnSignUp {
    /// The occurrence.
    pub occurrence: Occurrence,
    /// The offer's title in the reader's language (or Danish).
    pub title: String,
    /// On the waitlist rather than in.
    pub waitlisted: bool,
}

/// What the account page shows of a person's own account.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The account.
    pub user: User,
    /// Roles in organisations (pending grants included).
    pub memberships: Vec<MembershipView>,
    /// Coming activities signed up for, soonest first.
    pub signups: Vec<OwnSignUp>,
    /// Live API tokens (never their secrets).
    pub tokens: Vec<ApiToken>,
    /// Live sessions.
    pub session_count: i64,
}

/// The signed-in person's own account, with titles in `locale`.
pub async fn overview(app: &App, actor: &Actor, locale: Locale) -> Result<Overview> {
    let user = own_user(app, actor, Action::ReadOwnAccount).await?;
    let now = app.now();
    let mut signups = Vec::new();
    for (p, occurrence) in naboskab_store::join::signups_of_user(&app.db, user.id, now).await? {
        let title = match naboskab_store::offers::offer(&app.db, occurrence.offer_id).await? {
            Some(o) => o.localized(locale.code()).0.to_owned(),
            None => occurrence.offer_title.clone(),
        };
        signups.push(OwnSignUp {
            title,
            waitlisted: p.status == SignUpStatus::Waitlisted,
            occurrence,
        });
    }
    Ok(Overview {
        memberships: users::membership_views_of_user(&app.db, user.id).await?,
        signups,
        tokens: users::api_tokens_of_user(&app.db, user.id, now).await?,
        session_count: users::count_sessions_of_user(&app.db, user.id).await?,
        user,
    })
}

/// Ends every session of the signed-in person and, with `revoke_tokens`, revokes every API
/// token; returns how many of each ended.
pub async fn sign_out_everywhere(
    app: &App,
    actor: &Actor,
    revoke_tokens: bool,
) -> Result<(u64, u64)> {
    let user_id = own_account(actor, Action::ManageOwnAccount)?;
    let sessions = users::delete_sessions_of_user(&app.db, user_id).await?;
    let tokens = if revoke_tokens {
        users::revoke_api_tokens_of_user(&app.db, user_id, app.now()).await?
    } else {
        0
    };
    tracing::info!(user_id, sessions, tokens, "logout everywhere");
    Ok((sessions, tokens))
}

// ----- API tokens -----

/// Issues an API token for a user that works for [`users::API_TOKEN_LIFETIME_S`] and carries
/// the second factor until `second_factor_until` (never past the token's own end); returns
/// the secret (shown once, stored only hashed).
pub async fn issue_api_token(
    db: &Db,
    user_id: i64,
    name: &str,
    second_factor_until: Option<i64>,
    now: i64,
) -> std::result::Result<String, StoreError> {
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

/// Makes an API token named `name` (1–80 characters) in the browser session `session_hash`;
/// the token carries the session's second factor for [`SECOND_FACTOR_TOKEN_S`]. Returns the
/// secret, shown once.
pub async fn create_api_token(
    app: &App,
    actor: &Actor,
    session_hash: &str,
    name: &str,
) -> Result<String> {
    let user_id = own_account(actor, Action::ManageOwnAccount)?;
    let now = app.now();
    let session = users::live_session(&app.db, session_hash, now)
        .await?
        .filter(|s| s.user_id == user_id)
        .ok_or(Error::SignInRequired)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "field-required"));
    }
    if name.chars().count() > TOKEN_NAME_MAX_CHARS {
        return Err(Error::field("name", "field-too-long"));
    }
    let until = second_factor_until(&session);
    let secret = issue_api_token(&app.db, user_id, name, until, now).await?;
    tracing::info!(user_id, "API token created");
    Ok(secret)
}

/// Revokes one of the signed-in person's API tokens ([`Error::NotFound`] for anyone else's).
pub async fn revoke_api_token(app: &App, actor: &Actor, token_id: i64) -> Result<()> {
    let user_id = own_account(actor, Action::ManageOwnAccount)?;
    if users::revoke_api_token(&app.db, user_id, token_id, app.now()).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

// ----- two-step sign-in's setup link -----

/// Mails the link that opens setting up two-step sign-in: whoever sets it up must hold the
/// mailbox as well as the password.
pub(crate) async fn send_second_factor_setup(app: &App, locale: Locale, user: &User) -> Result<()> {
    send_link(
        app,
        locale,
        user.id,
        &user.email,
        &user.display_name,
        SET_UP_SECOND_FACTOR,
    )
    .await
}

// ----- signing in through an identity provider (OpenID Connect) -----

/// Keeps the state, nonce and PKCE verifier of a sign-in sent to the identity provider.
pub async fn begin_provider_sign_in(
    app: &App,
    state: &str,
    nonce: &str,
    verifier: &str,
) -> Result<()> {
    Ok(users::save_oidc_login(&app.db, state, nonce, verifier, app.now()).await?)
}

/// Takes the pending sign-in `state` names, once: `(nonce, verifier)`, if it is younger than
/// 15 minutes.
pub async fn take_provider_sign_in(app: &App, state: &str) -> Result<Option<(String, String)>> {
    Ok(users::take_oidc_login(&app.db, state, app.now()).await?)
}

/// What the application takes from an identity provider's verified ID token.
#[derive(Debug, Clone)]
pub struct ProviderIdentity {
    /// The provider.
    pub issuer: String,
    /// The person at the provider.
    pub subject: String,
    /// Their address, as the provider gives it.
    pub email: Option<String>,
    /// Whether the provider confirmed the address.
    pub email_verified: bool,
    /// Their name, as the provider gives it.
    pub name: Option<String>,
}

/// The account a provider's identity signs in to: the one linked to it before; else the
/// account with the same confirmed address, now linked; else a new account (named
/// `default_name` when the provider gives no name). A disabled account is refused.
pub async fn account_for_provider_identity(
    app: &App,
    identity: &ProviderIdentity,
    default_name: &str,
    locale: Locale,
) -> Result<User> {
    let user = match users::user_by_oidc(&app.db, &identity.issuer, &identity.subject).await? {
        Some(u) => u,
        None => {
            let verified_email = identity
                .email
                .as_deref()
                .filter(|_| identity.email_verified)
                .and_then(|e| normalise_email(e).ok());
            let existing = match &verified_email {
                Some(e) => users::user_by_email(&app.db, e).await?,
                None => None,
            };
            let id = match existing {
                Some(u) => u.id,
                None => {
                    let email = verified_email.unwrap_or_else(|| {
                        format!("{}@oidc.invalid", hash_token(&identity.subject))
                    });
                    let name = identity.name.as_deref().unwrap_or(default_name);
                    users::create_user(
                        &app.db,
                        &NewUser {
                            email: &email,
                            display_name: name,
                            password_hash: None,
                            verified: identity.email_verified,
                            locale: Some(locale.code()),
                        },
                        app.now(),
                    )
                    .await?
                }
            };
            users::link_oidc(&app.db, id, &identity.issuer, &identity.subject).await?;
            users::user_by_id(&app.db, id)
                .await?
                .ok_or(Error::NotFound)?
        }
    };
    if user.disabled_at.is_some() {
        return Err(Error::Forbidden);
    }
    Ok(user)
}

// ----- accounts made outside a request -----

/// Creates an account with a checked password; for the CLI and the demo seed.
pub async fn create_account(
    db: &Db,
    email: &str,
    display_name: &str,
    password: &str,
    verified: bool,
    now: i64,
) -> std::result::Result<i64, String> {
    let email =
        normalise_email(email).map_err(|_| format!("'{email}' is not an e-mail address"))?;
    check_new_password(password, &email).map_err(|e| format!("password refused: {e}"))?;
    let hash = hash_password(password.to_owned()).await?;
    users::create_user(
        db,
        &NewUser {
            email: &email,
            display_name,
            password_hash: Some(&hash),
            verified,
            locale: None,
        },
        now,
    )
    .await
    .map_err(|e| match e {
        StoreError::Conflict(_) => format!("an account with {email} exists already"),
        other => other.to_string(),
    })
}

/// Sets up a known authenticator secret (base32) for an account, sealed like any other
/// (the demo shows the current code of its accounts).
pub async fn enrol_known_totp(
    db: &Db,
    key: &SealKey,
    user_id: i64,
    secret_base32: &str,
) -> std::result::Result<(), StoreError> {
    let sealed = key.seal(TOTP_SECRET_COLUMN, secret_base32)?;
    users::enrol_totp(db, user_id, &sealed, 0, &[]).await
}
