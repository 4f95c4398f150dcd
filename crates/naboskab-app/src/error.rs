//! What a use case can answer besides its result. The adapters map each variant to their own
//! form (an HTTP status with a localized page or problem document) in one place.

use naboskab_store::StoreError;

/// One field's problem; `key` is a Fluent message id.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The form or JSON field name.
    pub field: String,
    /// Fluent key describing the problem.
    pub key: &'static str,
}

impl FieldError {
    /// A problem with `field`, described by the Fluent message `key`.
    pub fn new(field: &str, key: &'static str) -> FieldError {
        FieldError {
            field: field.to_owned(),
            key,
        }
    }
}

/// Every way a use case can refuse or fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist, or the actor may not know it exists.
    #[error("not found")]
    NotFound,
    /// Only a signed-in person may do this.
    #[error("sign-in required")]
    SignInRequired,
    /// The actor may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Allowed after a second factor.
    #[error("second factor needed")]
    SecondFactorNeeded,
    /// Input the use case cannot take; names the fields.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The request conflicts with stored data (a Fluent id naming why).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many attempts; try again after the given seconds.
    #[error("too many requests")]
    TooManyRequests(i64),
    /// Something failed that is neither the input nor the store (a password hash); the
    /// adapters answer with a server error and log the reason.
    #[error("internal: {0}")]
    Internal(String),
    /// The store failed; the cause is kept.
    #[error("store")]
    Store(#[from] StoreError),
}

impl Error {
    /// One invalid field.
    pub fn field(field: &str, key: &'static str) -> Error {
        Error::Invalid(vec![FieldError::new(field, key)])
    }
}

/// Result of a use case.
pub type Result<T> = std::result::Result<T, Error>;
