//! Who is asking: the caller behind an API token or a session cookie, sessions started,
//! raised by the second factor and ended, and the devices an account signed in from before.
//! The adapters carry the secrets (cookies, headers); only their SHA-256 reaches the store.

use crate::App;
use crate::error::{Error, Result};
use crate::secrets::{hash_token, random_token};
use naboskab_domain::Actor;
use naboskab_store::users::{self, SessionLimits, User};

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
/// A session's last use is written at most this often (seconds): reads stay reads.
const TOUCH_EVERY_S: i64 = 60;
/// A device is remembered this long after its last sign-in (180 days).
pub const DEVICE_S: i64 = users::KNOWN_DEVICE_S;

/// What a request presented to say who it is.
#[derive(Debug, Clone, Copy)]
pub enum Credential<'a> {
    /// An API token (`Authorization: Bearer …`).
    Bearer(&'a str),
    /// A browser's session cookie.
    Session(&'a str),
    /// Nothing.
    Anonymous,
}

/// The caller a credential stands for.
#[derive(Debug, Clone, Default)]
pub struct Caller {
    /// The account, when the credential is live and the account not disabled.
    pub user: Option<User>,
    /// Who the policy sees: the account's memberships and whether it passed the second factor.
    pub actor: Actor,
    /// The session's hash, when a live session cookie was presented.
    pub session_hash: Option<String>,
    /// The session's CSRF token, when a live session cookie was presented.
    pub csrf_token: Option<String>,
}

/// Finds the caller behind a credential. A session cookie that is no longer live is
/// anonymous (the browser just signs in again); an API token that is not live, or whose
/// account is disabled, is refused ([`Error::SignInRequired`]): a program should stop, not
/// carry on as nobody.
pub async fn identify(app: &App, credential: Credential<'_>) -> Result<Caller> {
    let now = app.now();
    let mut caller = Caller::default();
    let user_id = match credential {
        Credential::Bearer(token) => {
            let holder = users::api_token_user(&app.db, &hash_token(token.trim()), now)
                .await?
                .ok_or(Error::SignInRequired)?;
            caller.actor.second_factor = holder.second_factor;
            Some(holder.user_id)
        }
        Credential::Session(secret) => {
            let hash = hash_token(secret);
            match users::live_session(&app.db, &hash, now).await? {
                Some(s) => {
                    if now - s.last_seen_at >= TOUCH_EVERY_S {
                        users::touch_session(&app.db, &hash, now).await?;
                    }
                    caller.csrf_token = Some(s.csrf_token);
                    caller.session_hash = Some(hash);
                    caller.actor.second_factor = s.second_factor_at.is_some();
                    Some(s.user_id)
                }
                None => None,
            }
        }
        Credential::Anonymous => None,
    };
    let Some(id) = user_id else {
        return Ok(caller);
    };
    match users::user_by_id(&app.db, id)
        .await?
        .filter(|u| u.disabled_at.is_none())
    {
        Some(user) => {
            caller.actor = Actor {
                user_id: Some(user.id),
                memberships: users::memberships_of(&app.db, user.id).await?,
                second_factor: caller.actor.second_factor,
            };
            caller.user = Some(user);
            Ok(caller)
        }
        None if matches!(credential, Credential::Bearer(_)) => Err(Error::SignInRequired),
        None => Ok(caller),
    }
}

/// Remembers the language a signed-in person chose, for their pages and mails.
pub async fn remember_language(app: &App, user_id: i64, code: &str) -> Result<()> {
    Ok(users::set_preferred_locale(&app.db, user_id, code).await?)
}

/// A session just started: the secret for the cookie and how long the cookie may live.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The cookie's value (stored only hashed).
    pub secret: String,
    /// Seconds the cookie may live.
    pub max_age_s: i64,
}

/// Starts a session for an account (staff get the shorter limits), ending the session the
/// browser held before, if any, so a session id never survives a sign-in.
pub async fn start(
    app: &App,
    user_id: i64,
    replacing: Option<&str>,
    user_agent: Option<&str>,
) -> Result<NewSession> {
    if let Some(old) = replacing {
        users::delete_session(&app.db, old).await?;
    }
    let now = app.now();
    let actor = Actor {
        user_id: Some(user_id),
        memberships: users::memberships_of(&app.db, user_id).await?,
        second_factor: false,
    };
    let limits = if actor.is_staff() {
        STAFF_SESSION
    } else {
        RESIDENT_SESSION
    };
    let secret = random_token(32);
    let csrf = random_token(32);
    let ua: Option<String> = user_agent.map(|u| u.chars().take(200).collect());
    users::create_session(
        &app.db,
        &hash_token(&secret),
        user_id,
        &csrf,
        limits,
        ua.as_deref(),
        now,
    )
    .await?;
    Ok(NewSession {
        secret,
        max_age_s: limits.absolute_s,
    })
}

/// Gives a session that just passed the second factor a new secret and CSRF token (the old
/// cookie stops working); returns the new session and its CSRF token.
pub async fn raise_with_second_factor(app: &App, old_hash: &str) -> Result<(NewSession, String)> {
    let now = app.now();
    let secret = random_token(32);
    let csrf = random_token(32);
    let expires_at = users::rotate_session_with_second_factor(
        &app.db,
        old_hash,
        &hash_token(&secret),
        &csrf,
        now,
    )
    .await?
    .ok_or(Error::SignInRequired)?;
    Ok((
        NewSession {
            secret,
            max_age_s: expires_at - now,
        },
        csrf,
    ))
}

/// Ends one session (signing out).
pub async fn end(app: &App, session_hash: &str) -> Result<()> {
    Ok(users::delete_session(&app.db, session_hash).await?)
}

/// Whether the device (the hash of its cookie) signed in to the account before; with
/// `second_factor`, whether it passed two-step sign-in there before.
pub async fn device_is_known(
    app: &App,
    user_id: i64,
    device_hash: &str,
    second_factor: bool,
) -> Result<bool> {
    let known = users::known_device(&app.db, user_id, device_hash, DEVICE_S, app.now()).await?;
    Ok(known.is_some_and(|passed_second_factor| passed_second_factor || !second_factor))
}

/// Remembers the device after a successful sign-in (or two-step sign-in).
pub async fn remember_device(
    app: &App,
    user_id: i64,
    device_hash: &str,
    second_factor: bool,
) -> Result<()> {
    Ok(users::remember_device(&app.db, user_id, device_hash, second_factor, app.now()).await?)
}
