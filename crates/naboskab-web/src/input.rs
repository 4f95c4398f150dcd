//! Request input into typed values, shared by pages and the API: a query string parsed
//! strictly (an unknown parameter is refused by name) and a JSON body whose problems name the
//! member at fault. Both answer a 422 [`AppError::Invalid`], never a 500.

use crate::error::{AppError, AppResult, FieldError};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON request body: sent as `application/json` (or a `+json` type), else 415; read whole
/// within the body limit (else 413) and parsed by [`parse_json`].
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let is_json = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase())
            .is_some_and(|m| m == "application/json" || m.ends_with("+json"));
        if !is_json {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            AppError::from_status(e.into_response().status()).unwrap_or(AppError::PayloadTooLarge)
        })?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// A form body as its fields in order, a repeated name kept each time (ticked boxes, rows of
/// lines). A body that is not form-encoded reads as no fields, so the handler names the
/// fields it misses as for an empty form.
pub fn form_pairs(body: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(body).unwrap_or_default()
}

/// Parses a query string strictly: unknown parameters are refused by name.
pub fn parse_query<T: DeserializeOwned>(raw: Option<&str>) -> AppResult<T> {
    serde_urlencoded::from_str(raw.unwrap_or_default()).map_err(|e| {
        let msg = e.to_string();
        let field = msg.split('`').nth(1).unwrap_or("query").to_owned();
        let key = if msg.starts_with("unknown field") {
            "field-unknown"
        } else {
            "field-invalid"
        };
        AppError::Invalid(vec![FieldError { field, key }])
    })
}

/// Parses a JSON request body after the handler has asked the policy (so callers who may not
/// act learn nothing from validation). A body that is not the expected JSON is a 422 naming
/// the member, or `body` when the JSON itself is broken.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> AppResult<T> {
    let problem = |e: serde_json::Error| {
        let msg = e.to_string();
        let field = msg
            .split('`')
            .nth(1)
            .filter(|_| e.is_data())
            .unwrap_or("body")
            .to_owned();
        let key = if msg.starts_with("unknown field") {
            "field-unknown"
        } else {
            "field-invalid"
        };
        AppError::Invalid(vec![FieldError { field, key }])
    };
    let mut value: Value = serde_json::from_slice(body).map_err(problem)?;
    whole_numbers_as_integers(&mut value);
    serde_json::from_value(value).map_err(problem)
}

/// JSON has one number type: `5.0` is the integer 5 to JSON Schema and to every client that
/// writes numbers as doubles, so a whole number in an integer's range is read as one.
fn whole_numbers_as_integers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| !n.is_i64() && !n.is_u64())
                && f.fract() == 0.0
                && f >= i64::MIN as f64
                && f < i64::MAX as f64
            {
                *n = serde_json::Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(members) => members.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}
