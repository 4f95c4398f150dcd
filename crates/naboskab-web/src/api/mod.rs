//! The JSON API under `/api/v1`. Wire types live here, apart from store rows; every handler
//! carries a `#[utoipa::path]` annotation and the OpenAPI 3.1 document at
//! `/api/v1/openapi.json` is generated from them. Errors are `application/problem+json`
//! (see [`crate::error`]).

pub mod contract;
pub mod grants;
pub mod hsds;
pub mod occurrences;
pub mod offers;
pub mod orgs;
pub mod outreach;
pub mod partnerships;
pub mod rooms;
pub mod surveys;
pub mod volunteering;

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// The generated OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Naboskab API",
        description = "Activities, places and help against loneliness in Danish social-housing areas. Errors are RFC 9457 problem documents; send `Accept-Language` (da, en, ar) for localized messages. Authenticate scripts with `Authorization: Bearer <token>` (create one with `naboskab token create`).",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(orgs::list_municipalities, orgs::get_municipality, orgs::list_organisations, orgs::get_organisation, me, offers::list_offers, offers::get_offer, occurrences::list_occurrences, occurrences::create_signup, rooms::list_rooms, rooms::availability, rooms::create_booking, rooms::get_booking, outreach::list_contacts, outreach::create_contact, outreach::get_contact, outreach::delete_contact, outreach::list_suggestions, outreach::list_referrals, outreach::create_referral, outreach::export, grants::list_calls, grants::create_application, grants::get_application, grants::attach_document, grants::remove_document, grants::submit_application, partnerships::list_partnerships, volunteering::alerts, surveys::list_rounds, surveys::create_round, surveys::get_report, surveys::submit_answer),
    components(schemas(orgs::MunicipalityOut, orgs::OrganisationOut, orgs::ListOut<orgs::MunicipalityOut>, orgs::ListOut<orgs::OrganisationOut>, MeOut, RoleOut, Problem, ProblemField, offers::OfferSummary, offers::OfferPage, offers::OfferOut, offers::TranslationOut, occurrences::OccurrenceOut, occurrences::OccurrenceList, occurrences::SeriesOut, occurrences::SignupIn, occurrences::SignupOut, rooms::RoomOut, rooms::RoomList, rooms::BusyOut, rooms::BlackoutOut, rooms::AvailabilityOut, rooms::BookingIn, rooms::BookingOut, outreach::ContactSummary, outreach::ContactList, outreach::ProfileOut, outreach::ConsentOut, outreach::LogOut, outreach::FollowUpOut, outreach::ReferralOut, outreach::ContactOut, outreach::ContactIn, outreach::SuggestionOut, outreach::SuggestionList, outreach::ReferralList, outreach::ReferralIn, grants::CallOut, grants::CallList, grants::ActivityIo, grants::LineIo, grants::ApplicationIn, grants::ApplicationOut, grants::DocumentOut, partnerships::PartyOut, partnerships::LinkedOut, partnerships::PartnershipOut, partnerships::PartnershipList, volunteering::OnePersonOut, volunteering::LoadOut, volunteering::AlertsOut, surveys::RoundIn, surveys::RoundOut, surveys::RoundList, surveys::AnswerIn, surveys::AnswerOut, surveys::ReferenceOut, surveys::ReportOut)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// An error (RFC 9457 problem document).
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short, localized title.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// Stable snake_case code.
    pub code: String,
    /// The first field problem, localized.
    pub detail: Option<String>,
    /// Every field problem.
    pub errors: Option<Vec<ProblemField>>,
}

/// One field's problem.
#[derive(Serialize, ToSchema)]
pub struct ProblemField {
    /// The field (query parameter or JSON member).
    pub field: String,
    /// Localized explanation.
    pub detail: String,
    /// Stable code.
    pub code: String,
}

/// `GET /api/v1/openapi.json`: the annotations completed by [`contract::document`].
pub async fn openapi_json(State(st): State<AppState>) -> AppResult<Response> {
    let vocabulary = contract::Vocabulary {
        categories: naboskab_app::find::categories(&st.app)
            .await?
            .into_iter()
            .map(|c| c.code)
            .collect(),
        municipalities: naboskab_app::places::municipalities(&st.app)
            .await?
            .into_iter()
            .map(|m| m.code)
            .collect(),
    };
    let json = serde_json::to_string_pretty(&contract::document(&vocabulary))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut r = json.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    Ok(r)
}

pub use crate::input::{parse_json, parse_query};

/// A role held by the caller.
#[derive(Serialize, ToSchema)]
pub struct RoleOut {
    /// Organisation id.
    pub organisation_id: i64,
    /// Organisation name.
    pub organisation_name: String,
    /// Role name.
    pub role: String,
}

/// The caller's account.
#[derive(Serialize, ToSchema)]
pub struct MeOut {
    /// Id.
    pub id: i64,
    /// E-mail.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Whether the e-mail address is confirmed.
    pub email_verified: bool,
    /// Roles held.
    pub roles: Vec<RoleOut>,
}

/// The caller's own account and roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "account", security(("bearer" = [])),
    responses((status = 200, body = MeOut), (status = 401, body = Problem, content_type = "application/problem+json")))]
pub async fn me(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<MeOut>> {
    let u = ctx.require_user()?;
    let roles = naboskab_app::members::own_roles(&st.app, &ctx.actor)
        .await?
        .into_iter()
        .map(|m| RoleOut {
            organisation_id: m.organisation_id,
            organisation_name: m.organisation_name,
            role: m.role.as_str().to_owned(),
        })
        .collect();
    Ok(Json(MeOut {
        id: u.id,
        email: u.email.clone(),
        display_name: u.display_name.clone(),
        email_verified: u.email_verified_at.is_some(),
        roles,
    }))
}
