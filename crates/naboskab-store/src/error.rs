//! Store errors: the few cases callers act on (conflict, not found, unavailable) and the rest.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint was violated (an e-mail already registered, a slot already taken).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The database cannot be reached now; the caller answers 503 and tries again later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Configuration is wrong (a bad URL, an unsupported operation for this backend).
    #[error("configuration: {0}")]
    Config(String),
    /// A value could not be read back as the expected type.
    #[error("decode: {0}")]
    Decode(String),
    /// A sealed value did not open: altered, or sealed with another key (see [`crate::seal`]).
    #[error("a sealed value could not be opened")]
    Sealed,
    /// Anything else the database driver said, kept as the error's `source()`.
    #[error("database: {0}")]
    Database(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// Anything else the store itself found wrong.
    #[error("store: {0}")]
    Other(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg)
                if f.code == ErrorCode::ConstraintViolation
                    && (f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                        || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY) =>
            {
                StoreError::Conflict(msg.clone().unwrap_or_default())
            }
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(
                    f.code,
                    ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked | ErrorCode::CannotOpen
                ) =>
            {
                StoreError::Unavailable(e.to_string())
            }
            _ => StoreError::Database(Box::new(e)),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Conflict(db.message().to_owned())
            }
            sqlx::Error::Database(db) if db.code().as_deref() == Some("23P01") => {
                StoreError::Conflict(db.message().to_owned())
            }
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => StoreError::Unavailable(e.to_string()),
            sqlx::Error::RowNotFound => StoreError::NotFound,
            _ => StoreError::Database(Box::new(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn a_driver_error_keeps_its_cause() {
        let e = StoreError::from(rusqlite::Error::InvalidColumnName("nope".into()));
        assert!(matches!(e, StoreError::Database(_)));
        assert!(e.to_string().contains("nope"), "{e}");
        assert!(e.source().is_some(), "the driver's error is the source");
        let e = StoreError::from(sqlx::Error::ColumnNotFound("nix".into()));
        assert!(e.source().is_some_and(|s| s.to_string().contains("nix")));
    }
}
