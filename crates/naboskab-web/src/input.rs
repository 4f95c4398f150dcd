//! Request input into typed values, shared by pages and the API: a query string parsed
//! strictly (an unknown parameter is refused by name) and a JSON body whose problems name the
//! member at fault. Both answer a 422 [`AppError::Invalid`], never a 500.

use crate::error::{AppError, AppResult, FieldError};
use serde::de::DeserializeOwned;

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
    serde_json::from_slice(body).map_err(|e| {
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
    })
}
