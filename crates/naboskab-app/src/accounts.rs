//! Accounts as the application creates them outside a request: an account with a checked
//! address and password (the command line and the demo), and a known authenticator secret for
//! a demo account.

use crate::secrets::hash_password;
use naboskab_domain::email::normalise_email;
use naboskab_domain::password::check_new_password;
use naboskab_store::seal::SealKey;
use naboskab_store::users::{self, NewUser};
use naboskab_store::{Db, StoreError};

/// The column an account's authenticator secret is sealed for.
pub const TOTP_SECRET_COLUMN: &str = "app_user.totp_sealed";

/// Creates an account with a checked password; for the CLI and the demo seed.
pub async fn create_account(
    db: &Db,
    email: &str,
    display_name: &str,
    password: &str,
    verified: bool,
    now: i64,
) -> Result<i64, String> {
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
) -> Result<(), StoreError> {
    let sealed = key.seal(TOTP_SECRET_COLUMN, secret_base32)?;
    users::enrol_totp(db, user_id, &sealed, 0, &[]).await
}
