//! Accounts, memberships, sessions, API tokens and one-time tokens (e-mail verification,
//! password reset, OpenID Connect login state). Secrets are stored only as SHA-256 hashes.

use crate::audit::Auditor;
use crate::db::{Db, Row};
use crate::error::StoreError;
use crate::params;
use naboskab_domain::{Membership, OrgKind, Role};

/// An account.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    /// Id.
    pub id: i64,
    /// Lower-case e-mail address.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Argon2id PHC string; `None` for accounts that only sign in through OpenID Connect.
    pub password_hash: Option<String>,
    /// When the address was confirmed.
    pub email_verified_at: Option<i64>,
    /// Preferred language code.
    pub preferred_locale: Option<String>,
    /// When the account was disabled.
    pub disabled_at: Option<i64>,
    /// When the account was created.
    pub created_at: i64,
}

fn user_from(r: &Row) -> Result<User, StoreError> {
    Ok(User {
        id: r.i64("id")?,
        email: r.string("email")?,
        display_name: r.string("display_name")?,
        password_hash: r.opt_string("password_hash")?,
        email_verified_at: r.opt_i64("email_verified_at")?,
        preferred_locale: r.opt_string("preferred_locale")?,
        disabled_at: r.opt_i64("disabled_at")?,
        created_at: r.i64("created_at")?,
    })
}

/// What is needed to create an account.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Normalised e-mail address.
    pub email: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// Argon2id hash, if the account has a password.
    pub password_hash: Option<&'a str>,
    /// Whether the address counts as confirmed already (created by staff or the CLI).
    pub verified: bool,
    /// Preferred language.
    pub locale: Option<&'a str>,
}

/// Creates an account; [`StoreError::Conflict`] if the e-mail address is taken.
pub async fn create_user(db: &Db, u: &NewUser<'_>, now: i64) -> Result<i64, StoreError> {
    let verified = u.verified.then_some(now);
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO app_user (email, display_name, password_hash, email_verified_at, preferred_locale, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            params![u.email, u.display_name, u.password_hash, verified, u.locale, now],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// Finds an account by (normalised) e-mail address.
pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<User>, StoreError> {
    const SQL: &str = "SELECT id, email, display_name, password_hash, email_verified_at, preferred_locale, disabled_at, created_at FROM app_user WHERE email = $1";
    db.query_opt(SQL, params![email])
        .await?
        .as_ref()
        .map(user_from)
        .transpose()
}

/// Finds an account by id.
pub async fn user_by_id(db: &Db, id: i64) -> Result<Option<User>, StoreError> {
    db.query_opt(
        "SELECT id, email, display_name, password_hash, email_verified_at, preferred_locale, disabled_at, created_at FROM app_user WHERE id = $1",
        params![id],
    )
    .await?
    .as_ref()
    .map(user_from)
    .transpose()
}

/// Every account, by e-mail.
pub async fn list_users(db: &Db) -> Result<Vec<User>, StoreError> {
    db.query(
        "SELECT id, email, display_name, password_hash, email_verified_at, preferred_locale, disabled_at, created_at FROM app_user ORDER BY email",
        params![],
    )
    .await?
    .iter()
    .map(user_from)
    .collect()
}

/// Whether any account exists (the demo seeds only an empty database).
pub async fn has_users(db: &Db) -> Result<bool, StoreError> {
    Ok(db
        .query_opt("SELECT id FROM app_user LIMIT 1", params![])
        .await?
        .is_some())
}

/// Sets a new password hash and ends every session and API token of the account, as a
/// password change must (SEC-13).
pub async fn set_password(db: &Db, user_id: i64, hash: &str, now: i64) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "UPDATE app_user SET password_hash = $1 WHERE id = $2",
            params![hash, user_id],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    tx.execute(
        "DELETE FROM user_session WHERE user_id = $1",
        params![user_id],
    )
    .await?;
    tx.execute(
        "UPDATE api_token SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        params![now, user_id],
    )
    .await?;
    tx.commit().await
}

/// Marks the account's e-mail address as confirmed.
pub async fn mark_email_verified(db: &Db, user_id: i64, now: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE app_user SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
        params![now, user_id],
    )
    .await
    .map(|_| ())
}

/// Sets the preferred language.
pub async fn set_preferred_locale(db: &Db, user_id: i64, locale: &str) -> Result<(), StoreError> {
    db.execute(
        "UPDATE app_user SET preferred_locale = $1 WHERE id = $2",
        params![locale, user_id],
    )
    .await
    .map(|_| ())
}

/// Disables (or re-enables) an account; disabling ends its sessions and tokens at once.
pub async fn set_disabled(
    db: &Db,
    user_id: i64,
    disabled: bool,
    now: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "UPDATE app_user SET disabled_at = $1 WHERE id = $2",
        params![disabled.then_some(now), user_id],
    )
    .await?;
    if disabled {
        tx.execute(
            "DELETE FROM user_session WHERE user_id = $1",
            params![user_id],
        )
        .await?;
        tx.execute(
            "UPDATE api_token SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
            params![now, user_id],
        )
        .await?;
    }
    tx.commit().await
}

/// Finds the account linked to an OpenID Connect identity.
pub async fn user_by_oidc(
    db: &Db,
    issuer: &str,
    subject: &str,
) -> Result<Option<User>, StoreError> {
    db.query_opt(
        "SELECT id, email, display_name, password_hash, email_verified_at, preferred_locale, disabled_at, created_at
         FROM app_user WHERE oidc_issuer = $1 AND oidc_subject = $2",
        params![issuer, subject],
    )
    .await?
    .as_ref()
    .map(user_from)
    .transpose()
}

/// Links an account to an OpenID Connect identity.
pub async fn link_oidc(
    db: &Db,
    user_id: i64,
    issuer: &str,
    subject: &str,
) -> Result<(), StoreError> {
    db.execute(
        "UPDATE app_user SET oidc_issuer = $1, oidc_subject = $2 WHERE id = $3",
        params![issuer, subject, user_id],
    )
    .await
    .map(|_| ())
}

// ----- memberships -----

/// A membership with the organisation's name and kind, for display.
#[derive(Debug, Clone, PartialEq)]
pub struct MembershipView {
    /// The user.
    pub user_id: i64,
    /// The user's display name.
    pub user_name: String,
    /// The user's e-mail.
    pub user_email: String,
    /// The organisation.
    pub organisation_id: i64,
    /// Its name.
    pub organisation_name: String,
    /// Its kind.
    pub organisation_kind: Option<OrgKind>,
    /// The role.
    pub role: Role,
    /// Granted, but waiting for a second person to confirm it (it grants nothing yet).
    pub pending: bool,
    /// Who granted it, when known.
    pub granted_by: Option<i64>,
}

fn membership_view(r: &Row) -> Result<Option<MembershipView>, StoreError> {
    let Some(role) = Role::parse(&r.string("role")?) else {
        return Ok(None);
    };
    Ok(Some(MembershipView {
        user_id: r.i64("user_id")?,
        user_name: r.string("display_name")?,
        user_email: r.string("email")?,
        organisation_id: r.i64("organisation_id")?,
        organisation_name: r.string("organisation_name")?,
        organisation_kind: OrgKind::parse(&r.string("kind")?),
        role,
        pending: r.opt_i64("confirmed_at")?.is_none(),
        granted_by: r.opt_i64("granted_by")?,
    }))
}

/// Grants a role at once, with nobody to name as granter (the command line and the demo set
/// up an installation); granting a role already held is not an error.
pub async fn add_membership(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    role: Role,
    now: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO membership (user_id, organisation_id, role, created_at, confirmed_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (user_id, organisation_id, role) DO NOTHING",
        params![user_id, organisation_id, role.as_str(), now],
    )
    .await
    .map(|_| ())
}

/// The audit log's name for role grants; the subject id is the membership row.
pub const GRANT_SUBJECT: &str = "membership";

/// What became of a grant made on the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantOutcome {
    /// The role holds from now on.
    Granted,
    /// The role waits for a second person's confirmation and grants nothing until then.
    Pending,
    /// The person held (or was waiting for) the role already; nothing changed.
    Unchanged,
}

/// Grants a role on behalf of `by`, in effect at once or (`needs_confirmation`) pending until
/// a second person confirms it; one audit row (`grant` or `grant-pending`) in the same
/// transaction.
pub async fn grant_membership(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    role: Role,
    needs_confirmation: bool,
    by: &Auditor,
    now: i64,
) -> Result<GrantOutcome, StoreError> {
    let mut tx = db.begin().await?;
    let confirmed_at = (!needs_confirmation).then_some(now);
    let row = tx
        .query_opt(
            "INSERT INTO membership (user_id, organisation_id, role, created_at, granted_by, confirmed_at, confirmed_by)
             VALUES ($1, $2, $3, $4, $5, $6, NULL)
             ON CONFLICT (user_id, organisation_id, role) DO NOTHING RETURNING id",
            params![user_id, organisation_id, role.as_str(), now, by.user_id, confirmed_at],
        )
        .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Ok(GrantOutcome::Unchanged);
    };
    let action = if needs_confirmation {
        "grant-pending"
    } else {
        "grant"
    };
    crate::audit::record_in(
        &mut tx,
        by,
        action,
        GRANT_SUBJECT,
        Some(row.i64("id")?),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(if needs_confirmation {
        GrantOutcome::Pending
    } else {
        GrantOutcome::Granted
    })
}

/// Confirms a pending grant as `by`, who must be neither the person who granted it nor the
/// person who gets it (four eyes); one audit row (`grant-confirm`). Returns whether a pending
/// grant was confirmed.
pub async fn confirm_membership(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    role: Role,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let Some(confirmer) = by.user_id else {
        return Ok(false);
    };
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "UPDATE membership SET confirmed_at = $4, confirmed_by = $5
             WHERE user_id = $1 AND organisation_id = $2 AND role = $3 AND confirmed_at IS NULL
               AND user_id <> $5 AND (granted_by IS NULL OR granted_by <> $5)
             RETURNING id",
            params![user_id, organisation_id, role.as_str(), now, confirmer],
        )
        .await?;
    let Some(row) = row else {
        tx.commit().await?;
        return Ok(false);
    };
    crate::audit::record_in(
        &mut tx,
        by,
        "grant-confirm",
        GRANT_SUBJECT,
        Some(row.i64("id")?),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Removes a role (held or pending) on behalf of `by`, with one audit row (`revoke`); returns
/// whether it was there.
pub async fn revoke_membership(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    role: Role,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "DELETE FROM membership WHERE user_id = $1 AND organisation_id = $2 AND role = $3 RETURNING id",
            params![user_id, organisation_id, role.as_str()],
        )
        .await?;
    if let Some(row) = &row {
        crate::audit::record_in(
            &mut tx,
            by,
            "revoke",
            GRANT_SUBJECT,
            Some(row.i64("id")?),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(row.is_some())
}

/// Removes a role without an audit row (the command line); returns whether it was held.
pub async fn remove_membership(
    db: &Db,
    user_id: i64,
    organisation_id: i64,
    role: Role,
) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "DELETE FROM membership WHERE user_id = $1 AND organisation_id = $2 AND role = $3",
            params![user_id, organisation_id, role.as_str()],
        )
        .await?
        > 0)
}

/// The roles a user holds, for the permission policy. Unknown role names are ignored.
pub async fn memberships_of(db: &Db, user_id: i64) -> Result<Vec<Membership>, StoreError> {
    let rows = db
        .query(
            "SELECT organisation_id, role FROM membership WHERE user_id = $1 AND confirmed_at IS NOT NULL ORDER BY id",
            params![user_id],
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        if let Some(role) = Role::parse(&r.string("role")?) {
            out.push(Membership {
                organisation_id: r.i64("organisation_id")?,
                role,
            });
        }
    }
    Ok(out)
}

/// A user's memberships with organisation names.
pub async fn membership_views_of_user(
    db: &Db,
    user_id: i64,
) -> Result<Vec<MembershipView>, StoreError> {
    let rows = db
        .query(
            "SELECT u.id AS user_id, u.display_name, u.email, o.id AS organisation_id, o.name AS organisation_name, o.kind, m.role, m.confirmed_at, m.granted_by
             FROM membership m JOIN app_user u ON u.id = m.user_id JOIN organisation o ON o.id = m.organisation_id
             WHERE m.user_id = $1 ORDER BY o.name, m.role",
            params![user_id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(membership_view)
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect())
}

/// Everyone holding a role in an organisation.
pub async fn members_of_organisation(
    db: &Db,
    organisation_id: i64,
) -> Result<Vec<MembershipView>, StoreError> {
    let rows = db
        .query(
            "SELECT u.id AS user_id, u.display_name, u.email, o.id AS organisation_id, o.name AS organisation_name, o.kind, m.role, m.confirmed_at, m.granted_by
             FROM membership m JOIN app_user u ON u.id = m.user_id JOIN organisation o ON o.id = m.organisation_id
             WHERE m.organisation_id = $1 ORDER BY u.display_name, m.role",
            params![organisation_id],
        )
        .await?;
    Ok(rows
        .iter()
        .map(membership_view)
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect())
}

/// How to reach a member: e-mail address and preferred language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberContact {
    /// E-mail address.
    pub email: String,
    /// Preferred language code, when chosen.
    pub locale: Option<String>,
}

/// The active (not disabled) accounts holding `role` in an organisation, for messages such as
/// "a booking waits for your approval".
pub async fn contacts_with_role(
    db: &Db,
    organisation_id: i64,
    role: Role,
) -> Result<Vec<MemberContact>, StoreError> {
    db.query(
        "SELECT u.email, u.preferred_locale FROM membership m JOIN app_user u ON u.id = m.user_id
         WHERE m.organisation_id = $1 AND m.role = $2 AND m.confirmed_at IS NOT NULL AND u.disabled_at IS NULL ORDER BY u.id",
        params![organisation_id, role.as_str()],
    )
    .await?
    .iter()
    .map(|r| {
        Ok(MemberContact {
            email: r.string("email")?,
            locale: r.opt_string("preferred_locale")?,
        })
    })
    .collect()
}

// ----- second factor -----

/// The account's sealed TOTP secret, if it has one.
pub async fn totp_secret(db: &Db, user_id: i64) -> Result<Option<String>, StoreError> {
    Ok(db
        .query_opt(
            "SELECT totp_sealed FROM app_user WHERE id = $1",
            params![user_id],
        )
        .await?
        .map(|r| r.opt_string("totp_sealed"))
        .transpose()?
        .flatten())
}

/// The last TOTP time step the account used, if any.
pub async fn totp_last_step(db: &Db, user_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(db
        .query_opt(
            "SELECT totp_last_step FROM app_user WHERE id = $1",
            params![user_id],
        )
        .await?
        .map(|r| r.opt_i64("totp_last_step"))
        .transpose()?
        .flatten())
}

/// Enrols a TOTP secret (sealed by the caller) and replaces the recovery codes (hashes), in
/// one transaction; `step` is the time step of the code that confirmed it (used up).
pub async fn enrol_totp(
    db: &Db,
    user_id: i64,
    sealed_secret: &str,
    step: i64,
    recovery_hashes: &[String],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "UPDATE app_user SET totp_sealed = $2, totp_last_step = $3 WHERE id = $1",
        params![user_id, sealed_secret, step],
    )
    .await?;
    tx.execute(
        "DELETE FROM recovery_code WHERE user_id = $1",
        params![user_id],
    )
    .await?;
    for h in recovery_hashes {
        tx.execute(
            "INSERT INTO recovery_code (user_id, code_hash) VALUES ($1, $2)",
            params![user_id, h.as_str()],
        )
        .await?;
    }
    tx.commit().await
}

/// Uses up a TOTP time step: `true` when it is later than every step used before (so a code
/// works once, even under concurrent attempts).
pub async fn use_totp_step(db: &Db, user_id: i64, step: i64) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND totp_sealed IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)",
            params![user_id, step],
        )
        .await?
        == 1)
}

/// Uses up a recovery code by its hash: `true` when it was unused.
pub async fn use_recovery_code(
    db: &Db,
    user_id: i64,
    code_hash: &str,
    now: i64,
) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "UPDATE recovery_code SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
            params![user_id, code_hash, now],
        )
        .await?
        == 1)
}

/// Records that a session passed the second factor.
pub async fn mark_second_factor(db: &Db, token_hash: &str, now: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE user_session SET second_factor_at = $2 WHERE token_hash = $1",
        params![token_hash, now],
    )
    .await
    .map(|_| ())
}

/// Replaces a session's secret and CSRF token and records that it passed the second factor,
/// in one statement (SEC-10: a session id known before the step is worth nothing after it).
/// Returns the session's absolute end, or `None` when the old session is gone.
pub async fn rotate_session_with_second_factor(
    db: &Db,
    old_hash: &str,
    new_hash: &str,
    new_csrf: &str,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "UPDATE user_session SET token_hash = $2, csrf_token = $3, second_factor_at = $4, last_seen_at = $4
             WHERE token_hash = $1 RETURNING expires_at",
            params![old_hash, new_hash, new_csrf, now],
        )
        .await?;
    tx.commit().await?;
    row.map(|r| r.i64("expires_at")).transpose()
}

// ----- sessions -----

/// A server-side session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// SHA-256 of the cookie value.
    pub token_hash: String,
    /// The signed-in user.
    pub user_id: i64,
    /// The CSRF token bound to this session.
    pub csrf_token: String,
    /// When it started.
    pub created_at: i64,
    /// Last request seen.
    pub last_seen_at: i64,
    /// Idle limit in seconds.
    pub idle_timeout_s: i64,
    /// Absolute end.
    pub expires_at: i64,
    /// When this session passed the second factor, if it has.
    pub second_factor_at: Option<i64>,
}

/// Times a new session is given.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    /// Ends after this many seconds without a request.
    pub idle_s: i64,
    /// Ends this many seconds after sign-in, whatever happens.
    pub absolute_s: i64,
}

/// Starts a session.
pub async fn create_session(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    csrf_token: &str,
    limits: SessionLimits,
    user_agent: Option<&str>,
    now: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at, idle_timeout_s, expires_at, user_agent)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
        params![token_hash, user_id, csrf_token, now, limits.idle_s, now + limits.absolute_s, user_agent],
    )
    .await
    .map(|_| ())
}

/// A live session by its hash: `None` if unknown, idle too long, past its absolute end or
/// belonging to a disabled account.
pub async fn live_session(
    db: &Db,
    token_hash: &str,
    now: i64,
) -> Result<Option<Session>, StoreError> {
    let row = db
        .query_opt(
            "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_timeout_s, s.expires_at, s.second_factor_at
             FROM user_session s JOIN app_user u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND u.disabled_at IS NULL",
            params![token_hash],
        )
        .await?;
    let Some(r) = row else { return Ok(None) };
    let s = Session {
        token_hash: r.string("token_hash")?,
        user_id: r.i64("user_id")?,
        csrf_token: r.string("csrf_token")?,
        created_at: r.i64("created_at")?,
        last_seen_at: r.i64("last_seen_at")?,
        idle_timeout_s: r.i64("idle_timeout_s")?,
        expires_at: r.i64("expires_at")?,
        second_factor_at: r.opt_i64("second_factor_at")?,
    };
    if now >= s.expires_at || now - s.last_seen_at >= s.idle_timeout_s {
        db.execute(
            "DELETE FROM user_session WHERE token_hash = $1",
            params![token_hash],
        )
        .await?;
        return Ok(None);
    }
    Ok(Some(s))
}

/// Records activity on a session.
pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE user_session SET last_seen_at = $1 WHERE token_hash = $2",
        params![now, token_hash],
    )
    .await
    .map(|_| ())
}

/// Ends one session.
pub async fn delete_session(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    db.execute(
        "DELETE FROM user_session WHERE token_hash = $1",
        params![token_hash],
    )
    .await
    .map(|_| ())
}

/// Ends every session of a user (logout everywhere); returns how many ended.
pub async fn delete_sessions_of_user(db: &Db, user_id: i64) -> Result<u64, StoreError> {
    db.execute(
        "DELETE FROM user_session WHERE user_id = $1",
        params![user_id],
    )
    .await
}

/// Counts a user's sessions.
pub async fn count_sessions_of_user(db: &Db, user_id: i64) -> Result<i64, StoreError> {
    db.query_one(
        "SELECT COUNT(*) AS count FROM user_session WHERE user_id = $1",
        params![user_id],
    )
    .await?
    .i64("count")
}

/// Deletes sessions past their absolute end, one-time tokens past expiry, outbox messages
/// older than [`crate::outbox::KEEP_S`] (GDPR-04) and devices unused for [`KNOWN_DEVICE_S`].
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, StoreError> {
    let mut tx = db.begin().await?;
    let a = tx
        .execute(
            "DELETE FROM user_session WHERE expires_at <= $1",
            params![now],
        )
        .await?;
    let b = tx
        .execute(
            "DELETE FROM auth_token WHERE expires_at <= $1",
            params![now],
        )
        .await?;
    let c = tx
        .execute(
            "DELETE FROM oidc_login WHERE created_at <= $1",
            params![now - 900],
        )
        .await?;
    let d = tx
        .execute(
            "DELETE FROM outbox WHERE COALESCE(sent_at, created_at) <= $1",
            params![now - crate::outbox::KEEP_S],
        )
        .await?;
    let e = tx
        .execute(
            "DELETE FROM known_device WHERE last_used_at <= $1",
            params![now - KNOWN_DEVICE_S],
        )
        .await?;
    tx.commit().await?;
    Ok(a + b + c + d + e)
}

// ----- API tokens -----

/// An API token as listed to its owner (never the secret).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiToken {
    /// Id.
    pub id: i64,
    /// Name given by the owner.
    pub name: String,
    /// Created.
    pub created_at: i64,
    /// Last used.
    pub last_used_at: Option<i64>,
    /// When it stops working.
    pub expires_at: i64,
}

/// How long an API token works unless its maker chooses otherwise: 90 days.
pub const API_TOKEN_LIFETIME_S: i64 = 90 * 24 * 3600;

/// Stores a new API token's hash; it works until `expires_at`, and carries the second factor
/// until `second_factor_until` (never past `expires_at`).
pub async fn create_api_token(
    db: &Db,
    user_id: i64,
    name: &str,
    token_hash: &str,
    second_factor_until: Option<i64>,
    expires_at: i64,
    now: i64,
) -> Result<i64, StoreError> {
    let second_factor_until = second_factor_until.map(|t| t.min(expires_at));
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO api_token (user_id, name, token_hash, second_factor_until, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            params![user_id, name, token_hash, second_factor_until, now, expires_at],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// Who a live API token acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenHolder {
    /// The account.
    pub user_id: i64,
    /// The token was made in a session that passed the second factor, and that is still
    /// recent enough to count (SEC-14).
    pub second_factor: bool,
}

/// The user behind a live API token, recording its use.
pub async fn api_token_user(
    db: &Db,
    token_hash: &str,
    now: i64,
) -> Result<Option<TokenHolder>, StoreError> {
    let row = db
        .query_opt(
            "SELECT t.id, t.user_id, t.last_used_at, t.second_factor_until FROM api_token t JOIN app_user u ON u.id = t.user_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND u.disabled_at IS NULL",
            params![token_hash, now],
        )
        .await?;
    let Some(r) = row else { return Ok(None) };
    if r.opt_i64("last_used_at")?.is_none_or(|t| now - t >= 60) {
        db.execute(
            "UPDATE api_token SET last_used_at = $1 WHERE id = $2",
            params![now, r.i64("id")?],
        )
        .await?;
    }
    Ok(Some(TokenHolder {
        user_id: r.i64("user_id")?,
        second_factor: r
            .opt_i64("second_factor_until")?
            .is_some_and(|until| now < until),
    }))
}

/// A user's live API tokens (not revoked, not expired).
pub async fn api_tokens_of_user(
    db: &Db,
    user_id: i64,
    now: i64,
) -> Result<Vec<ApiToken>, StoreError> {
    db.query(
        "SELECT id, name, created_at, last_used_at, expires_at FROM api_token WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY id",
        params![user_id, now],
    )
    .await?
    .iter()
    .map(|r| Ok(ApiToken { id: r.i64("id")?, name: r.string("name")?, created_at: r.i64("created_at")?, last_used_at: r.opt_i64("last_used_at")?, expires_at: r.i64("expires_at")? }))
    .collect()
}

/// Revokes one of the user's tokens; returns whether it existed and was theirs.
pub async fn revoke_api_token(
    db: &Db,
    user_id: i64,
    token_id: i64,
    now: i64,
) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "UPDATE api_token SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
            params![now, token_id, user_id],
        )
        .await?
        > 0)
}

/// Revokes every live API token of a user ("log out everywhere" with tokens); returns how
/// many.
pub async fn revoke_api_tokens_of_user(db: &Db, user_id: i64, now: i64) -> Result<u64, StoreError> {
    db.execute(
        "UPDATE api_token SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        params![now, user_id],
    )
    .await
}

// ----- known devices -----

/// A device unused this long is forgotten (and its cookie lives as long): 180 days.
pub const KNOWN_DEVICE_S: i64 = 180 * 24 * 3600;

/// Remembers that the device holding the cookie whose hash is `token_hash` signed in to the
/// account (and, with `second_factor`, passed two-step sign-in there).
pub async fn remember_device(
    db: &Db,
    user_id: i64,
    token_hash: &str,
    second_factor: bool,
    now: i64,
) -> Result<(), StoreError> {
    let second_factor_at = second_factor.then_some(now);
    db.execute(
        "INSERT INTO known_device (user_id, token_hash, created_at, last_used_at, second_factor_at) VALUES ($1, $2, $3, $3, $4)
         ON CONFLICT (user_id, token_hash) DO UPDATE SET last_used_at = $3,
           second_factor_at = COALESCE($4, known_device.second_factor_at)",
        params![user_id, token_hash, now, second_factor_at],
    )
    .await
    .map(|_| ())
}

/// What the account knows of a device: signed in there before (`Some(false)`), and also
/// passed two-step sign-in there (`Some(true)`); `None` for a device it does not know or
/// has not seen for `max_age_s`.
pub async fn known_device(
    db: &Db,
    user_id: i64,
    token_hash: &str,
    max_age_s: i64,
    now: i64,
) -> Result<Option<bool>, StoreError> {
    db.query_opt(
        "SELECT second_factor_at FROM known_device WHERE user_id = $1 AND token_hash = $2 AND last_used_at > $3",
        params![user_id, token_hash, now - max_age_s],
    )
    .await?
    .map(|r| Ok(r.opt_i64("second_factor_at")?.is_some()))
    .transpose()
}

// ----- one-time tokens -----

/// What a one-time token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms an e-mail address.
    VerifyEmail,
    /// Lets the holder set a new password.
    ResetPassword,
    /// Lets the signed-in holder set up two-step sign-in (proof of the mailbox as well as the
    /// password).
    SetUpSecondFactor,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::VerifyEmail => "verify_email",
            TokenPurpose::ResetPassword => "reset_password",
            TokenPurpose::SetUpSecondFactor => "set_up_second_factor",
        }
    }
}

/// Stores a one-time token's hash.
pub async fn create_auth_token(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    purpose: TokenPurpose,
    expires_at: i64,
    now: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    // One live link per purpose: a new one ends the older ones still unused.
    tx.execute(
        "UPDATE auth_token SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        params![user_id, purpose.as_str(), now],
    )
    .await?;
    tx.execute(
        "INSERT INTO auth_token (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        params![token_hash, user_id, purpose.as_str(), now, expires_at],
    )
    .await?;
    tx.commit().await
}

/// How many links for `purpose` were made for the account since `since` (at most five reset
/// mails an hour).
pub async fn auth_tokens_made_since(
    db: &Db,
    user_id: i64,
    purpose: TokenPurpose,
    since: i64,
) -> Result<i64, StoreError> {
    db.query_one(
        "SELECT COUNT(*) AS count FROM auth_token WHERE user_id = $1 AND purpose = $2 AND created_at > $3",
        params![user_id, purpose.as_str(), since],
    )
    .await?
    .i64("count")
}

/// The user a one-time token belongs to, if it is unused and not expired (does not use it).
pub async fn peek_auth_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    db.query_opt(
        "SELECT user_id FROM auth_token WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        params![token_hash, purpose.as_str(), now],
    )
    .await?
    .map(|r| r.i64("user_id"))
    .transpose()
}

/// Uses a one-time token: exactly one caller gets the user id, every later one `None`; the
/// account's other unused links for the same purpose end with it.
pub async fn consume_auth_token(
    db: &Db,
    token_hash: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "UPDATE auth_token SET used_at = $1
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
            params![now, token_hash, purpose.as_str()],
        )
        .await?;
    if let Some(r) = &row {
        tx.execute(
            "UPDATE auth_token SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
            params![now, r.i64("user_id")?, purpose.as_str()],
        )
        .await?;
    }
    tx.commit().await?;
    row.map(|r| r.i64("user_id")).transpose()
}

// ----- OpenID Connect login state -----

/// Stores the state, nonce and PKCE verifier of a login that went to the identity provider.
pub async fn save_oidc_login(
    db: &Db,
    state: &str,
    nonce: &str,
    verifier: &str,
    now: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO oidc_login (state, nonce, pkce_verifier, created_at) VALUES ($1, $2, $3, $4)",
        params![state, nonce, verifier, now],
    )
    .await
    .map(|_| ())
}

/// Takes (and deletes) a pending login by its state: `(nonce, verifier)`, if younger than 15 min.
pub async fn take_oidc_login(
    db: &Db,
    state: &str,
    now: i64,
) -> Result<Option<(String, String)>, StoreError> {
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "DELETE FROM oidc_login WHERE state = $1 RETURNING nonce, pkce_verifier, created_at",
            params![state],
        )
        .await?;
    tx.commit().await?;
    match row {
        Some(r) if now - r.i64("created_at")? < 900 => {
            Ok(Some((r.string("nonce")?, r.string("pkce_verifier")?)))
        }
        _ => Ok(None),
    }
}
