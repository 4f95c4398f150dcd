//! Errors, mapped to HTTP in one place.
//!
//! Handlers return [`AppError`]. Its `IntoResponse` only sets the status and attaches the
//! error to the response; the rendering layer ([`crate::layers::render_errors`]), which knows
//! the request's language and whether it came to the JSON API, then writes either a localized
//! HTML error page or an `application/problem+json` body naming the field at fault.
//! Bare error statuses from extractors and body limits (413, 415, 405, 404) are rendered the
//! same way. Internal errors are logged with their cause; the visitor only sees a generic text.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use naboskab_store::StoreError;

pub use naboskab_app::FieldError;

/// Every error a handler can return.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or the caller may not know it exists).
    #[error("not found")]
    NotFound,
    /// Signing in is required.
    #[error("not signed in")]
    Unauthorized,
    /// Signed in, not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Allowed after a second factor in this session (pages send the person to enter it).
    #[error("second factor needed")]
    SecondFactorNeeded,
    /// Missing or wrong CSRF token, or a cross-site request.
    #[error("csrf")]
    Csrf,
    /// Input that could not be understood; names the fields.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The request conflicts with stored data (key is a Fluent id).
    #[error("conflict")]
    Conflict(&'static str),
    /// The room is held by another booking at this time (the first one in the way).
    #[error("room taken")]
    Taken {
        /// Start of the booking in the way.
        start: chrono::DateTime<chrono::Utc>,
        /// End of the booking in the way.
        end: chrono::DateTime<chrono::Utc>,
    },
    /// Body too large.
    #[error("payload too large")]
    PayloadTooLarge,
    /// Body of a type the route does not take.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Method not allowed on this route.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Too many attempts; try again after the given seconds.
    #[error("too many requests")]
    TooManyRequests(i64),
    /// The database cannot be reached.
    #[error("service unavailable")]
    Unavailable,
    /// Anything else; logged, never shown.
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    /// One invalid field.
    pub fn field(field: &str, key: &'static str) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, key)])
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf | AppError::SecondFactorNeeded => {
                StatusCode::FORBIDDEN
            }
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) | AppError::Taken { .. } => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Fluent key of the page title / problem title.
    pub fn title_key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Unauthorized => "error-unauthorized",
            AppError::Forbidden => "error-forbidden",
            AppError::SecondFactorNeeded => "error-second-factor",
            AppError::Csrf => "error-csrf",
            AppError::Invalid(_) => "error-invalid",
            AppError::Conflict(k) => k,
            AppError::Taken { .. } => "booking-taken",
            AppError::PayloadTooLarge => "error-too-large",
            AppError::UnsupportedMediaType => "error-media-type",
            AppError::MethodNotAllowed => "error-method",
            AppError::TooManyRequests(_) => "error-too-many",
            AppError::Unavailable => "error-unavailable",
            AppError::Internal(_) => "error-internal",
        }
    }

    /// Stable snake_case code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::SecondFactorNeeded => "second_factor_needed",
            AppError::Csrf => "csrf",
            AppError::Invalid(_) => "invalid",
            AppError::Conflict(_) => "conflict",
            AppError::Taken { .. } => "room_taken",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::UnsupportedMediaType => "unsupported_media_type",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::TooManyRequests(_) => "too_many_requests",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// The error a bare status code stands for (from extractors, limits, the router).
    pub fn from_status(status: StatusCode) -> Option<AppError> {
        Some(match status {
            StatusCode::NOT_FOUND => AppError::NotFound,
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType,
            StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
            StatusCode::UNAUTHORIZED => AppError::Unauthorized,
            StatusCode::FORBIDDEN => AppError::Forbidden,
            StatusCode::SERVICE_UNAVAILABLE => AppError::Unavailable,
            StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => AppError::Invalid(vec![]),
            s if s.is_server_error() => AppError::Internal(format!("status {s}")),
            _ => return None,
        })
    }
}

/// The error as carried on a response, for the rendering layer.
#[derive(Debug, Clone)]
pub struct RenderableError {
    /// Status.
    pub status: StatusCode,
    /// Fluent key for the title.
    pub title_key: &'static str,
    /// API code.
    pub code: &'static str,
    /// Field problems.
    pub fields: Vec<FieldError>,
    /// Seconds to wait, for 429.
    pub retry_after: Option<i64>,
    /// The booking in the way, for a 409 on a room.
    pub taken: Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)>,
}

impl From<&AppError> for RenderableError {
    fn from(e: &AppError) -> Self {
        RenderableError {
            status: e.status(),
            title_key: e.title_key(),
            code: e.code(),
            fields: match e {
                AppError::Invalid(f) => f.clone(),
                _ => vec![],
            },
            retry_after: match e {
                AppError::TooManyRequests(s) => Some(*s),
                _ => None,
            },
            taken: match e {
                AppError::Taken { start, end } => Some((*start, *end)),
                _ => None,
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "internal error");
        }
        let mut resp = self.status().into_response();
        resp.extensions_mut().insert(RenderableError::from(&self));
        resp
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Unavailable(cause) => {
                tracing::warn!(%cause, "database unavailable");
                AppError::Unavailable
            }
            StoreError::Conflict(_) => AppError::Conflict("error-conflict"),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<naboskab_app::Error> for AppError {
    fn from(e: naboskab_app::Error) -> Self {
        match e {
            naboskab_app::Error::NotFound => AppError::NotFound,
            naboskab_app::Error::SignInRequired => AppError::Unauthorized,
            naboskab_app::Error::Forbidden => AppError::Forbidden,
            naboskab_app::Error::SecondFactorNeeded => AppError::SecondFactorNeeded,
            naboskab_app::Error::Invalid(fields) => AppError::Invalid(fields),
            naboskab_app::Error::Conflict(key) => AppError::Conflict(key),
            naboskab_app::Error::TooManyRequests(s) => AppError::TooManyRequests(s),
            naboskab_app::Error::Internal(why) => AppError::Internal(why),
            naboskab_app::Error::Store(e) => AppError::from(e),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

/// Result of a handler.
pub type AppResult<T> = Result<T, AppError>;
