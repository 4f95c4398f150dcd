//! What the OpenAPI document promises beyond each handler's own annotation, added in one
//! place so no operation forgets it:
//!
//! - the statuses every operation can answer: 401 for a bearer token that is unknown, expired
//!   or revoked (on every operation, signed-in or not), 403 where the operation needs a role,
//!   404 and 422 where the path carries an id (422 when it is not a whole number), 415 and 422
//!   where a JSON body is read;
//! - the closed sets a query parameter is checked against, from the same constants and tables
//!   the checks read: target groups, languages, weekdays, organisation kinds, the category
//!   taxonomy and the 98 municipalities (the last two are data, so the document is built per
//!   request from the database).
//!
//! What a schema cannot say (a window whose end must follow its start, a postal code that must
//! exist, the rules of a room) is in each operation's description and answered with 422.

use super::ApiDoc;
use naboskab_domain::OrgKind;
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS, WEEKDAYS};
use naboskab_domain::survey::{AGE_BANDS, GENDERS};
use serde_json::{Map, Value, json};
use utoipa::OpenApi;

/// The data-driven closed sets of the document.
pub struct Vocabulary {
    /// Category codes of the taxonomy.
    pub categories: Vec<String>,
    /// Four-digit municipality codes.
    pub municipalities: Vec<String>,
}

/// The OpenAPI document as served: the annotations plus the promises above.
pub fn document(vocabulary: &Vocabulary) -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return doc;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            if !matches!(method.as_str(), "get" | "post" | "put" | "patch" | "delete") {
                continue;
            }
            if let Some(op) = op.as_object_mut() {
                complete_operation(path, op, vocabulary);
            }
        }
    }
    survey_answer_scales(&mut doc);
    doc
}

/// The survey answer's scales and closed sets, which the annotations cannot state on a list's
/// items or an optional text: each T-ILS item 1–3, each WHO-5 item 0–5, the age bands and
/// the genders (or null).
fn survey_answer_scales(doc: &mut Value) {
    let Some(props) = doc
        .pointer_mut("/components/schemas/AnswerIn/properties")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let mut set = |name: &str, schema: Value| {
        let description = props
            .get(name)
            .and_then(|p| p.get("description"))
            .cloned()
            .unwrap_or(Value::Null);
        let mut schema = schema;
        if let Some(obj) = schema.as_object_mut()
            && !description.is_null()
        {
            obj.insert("description".into(), description);
        }
        props.insert(name.into(), schema);
    };
    let or_null = |values: &[&str]| {
        let mut all: Vec<Value> = values.iter().map(|v| json!(v)).collect();
        all.push(Value::Null);
        all
    };
    set(
        "tils",
        json!({"type": "array", "minItems": 3, "maxItems": 3, "items": {"type": "integer", "minimum": 1, "maximum": 3}}),
    );
    set(
        "who5",
        json!({"type": ["array", "null"], "minItems": 5, "maxItems": 5, "items": {"type": "integer", "minimum": 0, "maximum": 5}}),
    );
    set("age_band", json!({"enum": or_null(&AGE_BANDS)}));
    set("gender", json!({"enum": or_null(&GENDERS)}));
}

fn complete_operation(path: &str, op: &mut Map<String, Value>, vocabulary: &Vocabulary) {
    let has_id = path.contains('{');
    let has_body = op.contains_key("requestBody");
    let needs_role = op.contains_key("security");
    let responses = op
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut();
    if let Some(responses) = responses {
        problem(
            responses,
            "401",
            "The bearer token is unknown, expired or revoked, or the operation needs a signed-in caller",
        );
        if needs_role {
            problem(
                responses,
                "403",
                "The caller's roles do not allow this, or a second factor is needed",
            );
        }
        if has_id {
            problem(
                responses,
                "404",
                "Nothing with this id is there for the caller",
            );
        }
        if has_body {
            problem(responses, "415", "The body is not sent as application/json");
        }
        if has_id || has_body {
            problem(
                responses,
                "422",
                "An id is not a whole number, or the body or a parameter breaks a rule; `errors` names each field",
            );
        }
    }
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for p in params.iter_mut() {
            let (Some(name), Some(place)) = (
                p.get("name").and_then(Value::as_str).map(str::to_owned),
                p.get("in").and_then(Value::as_str),
            ) else {
                continue;
            };
            if place != "query" {
                continue;
            }
            if let Some(values) = closed_set(path, &name, vocabulary)
                && let Some(schema) = p.get_mut("schema").and_then(Value::as_object_mut)
            {
                schema.insert("enum".into(), json!(values));
            }
        }
    }
}

/// The values a query parameter is checked against, when they are a closed set. An empty
/// value means "no filter" where the handler treats it so.
fn closed_set(path: &str, name: &str, vocabulary: &Vocabulary) -> Option<Vec<String>> {
    let with_empty = |values: Vec<String>| {
        let mut all = vec![String::new()];
        all.extend(values);
        all
    };
    let owned = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect::<Vec<_>>();
    match (path, name) {
        ("/api/v1/offers", "target_group") => Some(with_empty(owned(&TARGET_GROUPS))),
        ("/api/v1/offers", "language") => Some(with_empty(owned(&LANGUAGES))),
        ("/api/v1/offers", "weekday") => Some(with_empty(owned(&WEEKDAYS))),
        ("/api/v1/offers", "category") => Some(with_empty(vocabulary.categories.clone())),
        ("/api/v1/offers", "municipality") => Some(with_empty(vocabulary.municipalities.clone())),
        ("/api/v1/organisations", "kind") => Some(with_empty(
            OrgKind::ALL
                .iter()
                .filter(|k| !matches!(k, OrgKind::Platform | OrgKind::Municipality))
                .map(|k| k.as_str().to_owned())
                .collect(),
        )),
        _ => None,
    }
}

/// Adds a problem-document response for `status` unless the annotation already lists one.
fn problem(responses: &mut Map<String, Value>, status: &str, description: &str) {
    responses.entry(status).or_insert_with(|| {
        json!({
            "description": description,
            "content": {
                "application/problem+json": {
                    "schema": { "$ref": "#/components/schemas/Problem" }
                }
            }
        })
    });
}
