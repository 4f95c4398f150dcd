//! Fund's partnerships in the API: who works together on what, and for how long (public; the
//! contact people and linked applications stay on the parties' pages).

use super::Problem;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::input::parse_query;
use crate::state::AppState;
use axum::Json;
use axum::extract::{RawQuery, State};
use naboskab_app::partnerships;
use naboskab_domain::{Action, Resource};
use naboskab_store::partnerships::{Linked, Partnership};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An organisation taking part.
#[derive(Serialize, ToSchema)]
pub struct PartyOut {
    /// The organisation's id.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// Its kind (housing_organisation, department, municipality, association, health_actor,
    /// sports_club, …).
    pub kind: String,
}

/// Something a partnership links.
#[derive(Serialize, ToSchema)]
pub struct LinkedOut {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
}

/// A partnership.
#[derive(Serialize, ToSchema)]
pub struct PartnershipOut {
    /// Id.
    pub id: i64,
    /// What the parties work together on.
    pub purpose: String,
    /// More words on it.
    pub description: String,
    /// The first day (YYYY-MM-DD).
    pub starts_on: String,
    /// The last day (YYYY-MM-DD); null: until further notice.
    pub ends_on: Option<String>,
    /// Whether it holds today.
    pub current: bool,
    /// The organisations taking part, by name.
    pub parties: Vec<PartyOut>,
    /// Linked published offers.
    pub offers: Vec<LinkedOut>,
    /// Linked rooms.
    pub rooms: Vec<LinkedOut>,
    /// The partnership's page.
    pub url: String,
}

/// The partnerships.
#[derive(Serialize, ToSchema)]
pub struct PartnershipList {
    /// Every partnership (or one organisation's), the newest start first.
    pub items: Vec<PartnershipOut>,
}

fn linked(list: &[Linked]) -> Vec<LinkedOut> {
    list.iter()
        .map(|l| LinkedOut {
            id: l.id,
            title: l.title.clone(),
        })
        .collect()
}

fn partnership_out(st: &AppState, today: chrono::NaiveDate, p: &Partnership) -> PartnershipOut {
    PartnershipOut {
        id: p.id,
        purpose: p.purpose.clone(),
        description: p.description.clone(),
        starts_on: p.starts_on.to_string(),
        ends_on: p.ends_on.map(|d| d.to_string()),
        current: p.is_current(today),
        parties: p
            .parties
            .iter()
            .map(|x| PartyOut {
                organisation_id: x.organisation_id,
                name: x.name.clone(),
                kind: x.kind.as_str().to_owned(),
            })
            .collect(),
        offers: linked(&p.offers),
        rooms: linked(&p.rooms),
        url: format!("{}/partnerships/{}", st.config.base_url, p.id),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnershipQuery {
    organisation: Option<String>,
}

/// Every partnership, or those one organisation takes part in; the newest start first.
#[utoipa::path(get, path = "/api/v1/partnerships", tag = "partnerships",
    params(("organisation" = Option<i64>, Query, description = "Only partnerships this organisation takes part in")),
    responses((status = 200, body = PartnershipList), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list_partnerships(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<PartnershipList>> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let q: PartnershipQuery = parse_query(raw.as_deref())?;
    let party = match q.organisation.as_deref() {
        None => None,
        Some(id) => Some(
            id.trim()
                .parse::<i64>()
                .map_err(|_| AppError::field("organisation", "field-invalid"))?,
        ),
    };
    let today = partnerships::today(&st.app);
    let items = partnerships::list(&st.app, party)
        .await?
        .iter()
        .map(|p| partnership_out(&st, today, p))
        .collect();
    Ok(Json(PartnershipList { items }))
}
