//! Municipalities and organisations in the API.

use super::{Problem, parse_query};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::links::org_href;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use naboskab_app::places;
use naboskab_domain::{Action, OrgKind, Resource};
use naboskab_store::orgs::{Municipality, Organisation};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A list.
#[derive(Serialize, ToSchema)]
pub struct ListOut<T> {
    /// Number of items.
    pub count: usize,
    /// The items.
    pub items: Vec<T>,
}

/// A municipality (kommune).
#[derive(Serialize, ToSchema)]
pub struct MunicipalityOut {
    /// Four-digit code, e.g. "0169".
    pub code: String,
    /// Name.
    pub name: String,
    /// Region code (1081–1085).
    pub region_code: String,
    /// Region name.
    pub region_name: String,
    /// Its public page.
    pub url: String,
}

fn municipality_out(st: &AppState, m: Municipality) -> MunicipalityOut {
    MunicipalityOut {
        url: format!("{}/municipalities/{}", st.config.base_url, m.code),
        code: m.code,
        name: m.name,
        region_code: m.region_code,
        region_name: m.region_name,
    }
}

/// All 98 Danish municipalities.
#[utoipa::path(get, path = "/api/v1/municipalities", tag = "organisations",
    responses((status = 200, body = ListOut<MunicipalityOut>)))]
pub async fn list_municipalities(
    State(st): State<AppState>,
    ctx: Ctx,
) -> AppResult<Json<ListOut<MunicipalityOut>>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let items: Vec<_> = places::municipalities(&st.app)
        .await?
        .into_iter()
        .map(|m| municipality_out(&st, m))
        .collect();
    Ok(Json(ListOut {
        count: items.len(),
        items,
    }))
}

/// One municipality by its four-digit code.
#[utoipa::path(get, path = "/api/v1/municipalities/{code}", tag = "organisations",
    params(("code" = String, Path, description = "Four-digit municipality code, e.g. 0169")),
    responses((status = 200, body = MunicipalityOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_municipality(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> AppResult<Json<MunicipalityOut>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let m = places::municipality(&st.app, &code).await?;
    Ok(Json(municipality_out(&st, m)))
}

/// An organisation: housing organisation, department, housing area, association or partner.
#[derive(Serialize, ToSchema)]
pub struct OrganisationOut {
    /// Id.
    pub id: i64,
    /// Kind: housing_organisation, department, housing_area, association, health_actor, sports_club, other_partner.
    pub kind: String,
    /// Name.
    pub name: String,
    /// The organisation above it (a department's housing organisation).
    pub parent_id: Option<i64>,
    /// Municipality code.
    pub municipality_code: Option<String>,
    /// CVR number (associations).
    pub cvr: Option<String>,
    /// Street address.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Latitude (WGS 84).
    pub lat: Option<f64>,
    /// Longitude (WGS 84).
    pub lon: Option<f64>,
    /// Description.
    pub description: String,
    /// Web site.
    pub website: Option<String>,
    /// Public page on Naboskab.
    pub url: String,
}

fn organisation_out(st: &AppState, o: Organisation) -> OrganisationOut {
    OrganisationOut {
        url: format!("{}{}", st.config.base_url, org_href(&o)),
        id: o.id,
        kind: o.kind.as_str().to_owned(),
        name: o.name,
        parent_id: o.parent_id,
        municipality_code: o.municipality_code,
        cvr: o.cvr,
        street: o.street,
        postal_code: o.postal_code,
        city: o.city,
        lat: o.lat,
        lon: o.lon,
        description: o.description,
        website: o.website,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgQuery {
    kind: Option<String>,
    municipality: Option<String>,
}

/// Organisations, optionally of one kind or in one municipality (municipalities themselves
/// are listed at `/api/v1/municipalities`).
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    params(
        ("kind" = Option<String>, Query, description = "housing_organisation, department, housing_area, association, health_actor, sports_club or other_partner"),
        ("municipality" = Option<String>, Query, description = "Four-digit municipality code")),
    responses((status = 200, body = ListOut<OrganisationOut>), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_organisations(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<ListOut<OrganisationOut>>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let q: OrgQuery = parse_query(raw.as_deref())?;
    let kind = match q.kind.as_deref() {
        None | Some("") => None,
        Some(k) => Some(
            OrgKind::parse(k)
                .filter(|k| !matches!(k, OrgKind::Platform | OrgKind::Municipality))
                .ok_or_else(|| AppError::field("kind", "field-kind-invalid"))?,
        ),
    };
    let mut list = places::directory(&st.app, q.municipality.as_deref()).await?;
    if let Some(k) = kind {
        list.retain(|o| o.kind == k);
    }
    let items: Vec<_> = list.into_iter().map(|o| organisation_out(&st, o)).collect();
    Ok(Json(ListOut {
        count: items.len(),
        items,
    }))
}

/// One organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    params(("id" = i64, Path, description = "Organisation id")),
    responses((status = 200, body = OrganisationOut), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_organisation(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<OrganisationOut>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let o = places::organisation(&st.app, id).await?;
    Ok(Json(organisation_out(&st, o)))
}
