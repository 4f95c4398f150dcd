//! A read-only Open Referral HSDS 3.0 compatible API under `/api/hsds/`, so directories and
//! link workers elsewhere can use Naboskab's offers. Each published offer is a `service`
//! delivered at one `location` (its place), joined by one `service_at_location`; owners are
//! `organizations`. HSDS ids are UUIDs: each kind of object has a fixed prefix derived from
//! its kind, and the last group carries Naboskab's numeric id, so ids are stable and
//! reversible. Lists are paginated with `page` and `per_page` as HSDS prescribes.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use naboskab_app::open_data;
use naboskab_domain::{Action, Resource};
use naboskab_store::offers::{self, Offer};
use naboskab_store::orgs;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The HSDS version served.
pub const HSDS_VERSION: &str = "3.0";

/// A stable UUID for object `id` of `kind`.
pub fn uuid_for(kind: &str, id: i64) -> String {
    let h = Sha256::digest(format!("naboskab:hsds:{kind}").as_bytes());
    format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-8{:01x}{:02x}-8{:01x}{:02x}-{:012x}",
        h[0],
        h[1],
        h[2],
        h[3],
        h[4],
        h[5],
        h[6] & 0xf,
        h[7],
        h[8] & 0x3,
        h[9],
        id
    )
}

/// The numeric id inside a UUID made by [`uuid_for`] for `kind`.
pub fn id_from(kind: &str, uuid: &str) -> Option<i64> {
    let (prefix, last) = uuid.rsplit_once('-')?;
    let expected = uuid_for(kind, 0);
    if !expected.starts_with(prefix) || last.len() != 12 {
        return None;
    }
    i64::from_str_radix(last, 16).ok()
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct PageQuery {
    page: Option<String>,
    per_page: Option<String>,
}

fn paging(raw: Option<&str>) -> AppResult<(i64, i64)> {
    let q: PageQuery = super::parse_query(raw)?;
    let page = match q.page.as_deref() {
        None | Some("") => 1,
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|p| *p >= 1)
            .ok_or_else(|| AppError::field("page", "field-invalid"))?,
    };
    let per_page = match q.per_page.as_deref() {
        None | Some("") => 50,
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=500).contains(p))
            .ok_or_else(|| AppError::field("per_page", "field-per-page-invalid"))?,
    };
    Ok((page, per_page))
}

fn page_json(contents: Vec<Value>, total: i64, page: i64, per_page: i64) -> Value {
    let total_pages = ((total + per_page - 1) / per_page).max(1);
    json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": contents.len(),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

fn text(html: &str) -> String {
    offers::html_text(html)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn location(st: &AppState, o: &Offer) -> Value {
    let loc = uuid_for("location", o.id);
    json!({
        "id": loc,
        "location_type": "physical",
        "organization_id": uuid_for("organization", o.organisation_id),
        "name": o.title,
        "latitude": o.lat,
        "longitude": o.lon,
        "url": format!("{}/offers/{}", st.config.base_url, o.id),
        "addresses": [{
            "id": uuid_for("address", o.id),
            "location_id": loc,
            "address_1": o.street,
            "city": o.city,
            "state_province": "",
            "postal_code": o.postal_code,
            "country": "DK",
            "address_type": "physical",
        }],
        "accessibility": if o.step_free { json!([{ "id": uuid_for("accessibility", o.id), "location_id": loc, "description": "Step-free access" }]) } else { json!([]) },
    })
}

fn service(st: &AppState, o: &Offer, full: bool) -> Value {
    let mut v = json!({
        "id": uuid_for("service", o.id),
        "organization_id": uuid_for("organization", o.organisation_id),
        "name": o.title,
        "description": text(&o.description_html),
        "url": format!("{}/offers/{}", st.config.base_url, o.id),
        "email": o.contact_email,
        "status": "active",
        "fees_description": match o.price_ore { None => "Free".to_owned(), Some(p) => format!("DKK {}.{:02}", p / 100, p % 100) },
        "last_modified": chrono::DateTime::from_timestamp(o.updated_at, 0).map(|d| d.to_rfc3339()),
    });
    if full {
        v["languages"] = Value::Array(
            o.languages
                .iter()
                .enumerate()
                .map(|(i, l)| json!({ "id": uuid_for("language", o.id * 100 + i as i64), "service_id": uuid_for("service", o.id), "language": l, "code": l }))
                .collect(),
        );
        v["phones"] = if o.contact_phone.is_empty() {
            json!([])
        } else {
            json!([{ "id": uuid_for("phone", o.id), "service_id": uuid_for("service", o.id), "number": o.contact_phone }])
        };
        v["service_at_locations"] = json!([{
            "id": uuid_for("service_at_location", o.id),
            "service_id": uuid_for("service", o.id),
            "location_id": uuid_for("location", o.id),
            "location": location(st, o),
        }]);
        v["attributes"] = Value::Array(
            o.categories
                .iter()
                .map(|c| json!({ "id": uuid_for("attribute", o.id), "link_id": uuid_for("service", o.id), "link_type": "service", "value": c, "taxonomy_term": { "id": uuid_for("taxonomy_term", 0), "code": c, "name": c } }))
                .collect(),
        );
    }
    v
}

/// One page of published offers, each shown as `show` makes it, in the HSDS page envelope.
async fn published_listing(
    st: &AppState,
    raw: Option<&str>,
    show: impl Fn(&Offer) -> Value,
) -> AppResult<Json<Value>> {
    let (page, per_page) = paging(raw)?;
    let listed = open_data::offers_page(&st.app, page, per_page).await?;
    Ok(Json(page_json(
        listed.items.iter().map(show).collect(),
        listed.total,
        page,
        per_page,
    )))
}

/// The published offer behind an HSDS id of `kind`.
async fn published(st: &AppState, uuid: &str, kind: &str) -> AppResult<Offer> {
    let id = id_from(kind, uuid).ok_or(AppError::NotFound)?;
    Ok(naboskab_app::offers::published(&st.app, id).await?)
}

/// `GET /api/hsds/`: what this API is.
pub async fn root(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    Ok(Json(json!({
        "version": HSDS_VERSION,
        "profile": "https://openreferral.org/",
        "openapi_url": format!("{}/api/v1/openapi.json", st.config.base_url),
    })))
}

/// `GET /api/hsds/services`
pub async fn services(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    published_listing(&st, raw.as_deref(), |o| service(&st, o, false)).await
}

/// `GET /api/hsds/services/{id}`
pub async fn service_by_id(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let id = id_from("service", &id).ok_or(AppError::NotFound)?;
    let (o, org) = open_data::offer(&st.app, id).await?;
    let mut v = service(&st, &o, true);
    if let Some(org) = org {
        v["organization"] = organization(&st, &org);
    }
    Ok(Json(v))
}

fn organization(st: &AppState, o: &orgs::Organisation) -> Value {
    let mut v = json!({
        "id": uuid_for("organization", o.id),
        "name": o.name,
        "description": o.description,
        "website": o.website.clone().unwrap_or_else(|| format!("{}/organisations/{}", st.config.base_url, o.id)),
        "email": o.email,
    });
    if let Some(cvr) = &o.cvr {
        v["organization_identifiers"] = json!([{ "id": uuid_for("organization_identifier", o.id), "organization_id": uuid_for("organization", o.id), "identifier_scheme": "DK-CVR", "identifier_type": "CVR", "identifier": cvr }]);
    }
    v
}

/// `GET /api/hsds/organizations`: organisations that own published offers.
pub async fn organizations(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let (page, per_page) = paging(raw.as_deref())?;
    let listed = open_data::organisations_page(&st.app, page, per_page).await?;
    let contents = listed.items.iter().map(|o| organization(&st, o)).collect();
    Ok(Json(page_json(contents, listed.total, page, per_page)))
}

/// `GET /api/hsds/organizations/{id}`
pub async fn organization_by_id(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let oid = id_from("organization", &id).ok_or(AppError::NotFound)?;
    let (o, services) = open_data::organisation(&st.app, oid).await?;
    let mut v = organization(&st, &o);
    let services: Vec<Value> = services
        .into_iter()
        .map(|(sid, name)| json!({ "id": uuid_for("service", sid), "name": name, "status": "active" }))
        .collect();
    v["services"] = Value::Array(services);
    Ok(Json(v))
}

/// `GET /api/hsds/locations`
pub async fn locations(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    published_listing(&st, raw.as_deref(), |o| location(&st, o)).await
}

/// `GET /api/hsds/locations/{id}`
pub async fn location_by_id(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    Ok(Json(location(&st, &published(&st, &id, "location").await?)))
}

/// `GET /api/hsds/service_at_locations`
pub async fn service_at_locations(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    published_listing(&st, raw.as_deref(), |o| {
        json!({ "id": uuid_for("service_at_location", o.id), "service_id": uuid_for("service", o.id), "location_id": uuid_for("location", o.id) })
    })
    .await
}

/// `GET /api/hsds/service_at_locations/{id}`
pub async fn service_at_location_by_id(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Json<Value>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let o = published(&st, &id, "service_at_location").await?;
    Ok(Json(json!({
        "id": uuid_for("service_at_location", o.id),
        "service_id": uuid_for("service", o.id),
        "location_id": uuid_for("location", o.id),
        "location": location(&st, &o),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuids_stable_and_reversible_per_kind() {
        let u = uuid_for("service", 42);
        assert_eq!(u.len(), 36);
        assert_eq!(u.chars().filter(|c| *c == '-').count(), 4);
        assert_eq!(u, uuid_for("service", 42));
        assert_eq!(id_from("service", &u), Some(42));
        assert_eq!(
            id_from("location", &u),
            None,
            "a service id is not a location id"
        );
        assert_eq!(id_from("service", "not-a-uuid"), None);
    }
}
