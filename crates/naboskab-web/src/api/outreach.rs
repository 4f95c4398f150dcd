//! Reach in the API, for the caretakers' own tools: `/api/v1/outreach/contacts` (the caseload,
//! and a new record with its consents), one record, its suggestions, its referrals (and a new
//! one, optionally signing the person up), the data-subject export, and erasure by `DELETE`.
//!
//! Every handler goes through the same functions as the pages ([`crate::pages::outreach`]):
//! the same policy ([`naboskab_domain::Action::WorkWithOutreach`]), the same consent checks
//! and one audit row per read or write in the same transaction. The second factor counts as
//! for the pages: a session that passed it, or an API token made in such a session (it carries
//! the second factor for 12 hours, [`naboskab_app::accounts::SECOND_FACTOR_TOKEN_S`]). Other callers
//! get 403 with the code `second_factor_needed`. The wire shapes of consents, the contact log,
//! follow-ups and referrals here are also those of the data-subject export.

use super::{Problem, parse_json};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
pub use crate::outreach_export::{ConsentOut, FollowUpOut, LogOut, ReferralOut};
use crate::outreach_export::{consent_out, export_of, followup_out, log_out, referral_out};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use naboskab_app::reach::{
    ContactForm, ReferralRequest, authorize_orgs, authorize_record, caretaker_orgs,
    checked_contact, erase_on_request, make_referral, read_record, store_contact, suggestions,
};
use naboskab_domain::reach::Profile;
use naboskab_store::reach::Record;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::outreach_export::at_text as at;

/// One person in the caseload.
#[derive(Serialize, ToSchema)]
pub struct ContactSummary {
    /// Record id.
    pub id: i64,
    /// Name or alias.
    pub name: String,
    /// The person's department (organisation id).
    pub department_id: Option<i64>,
    /// Last contact (RFC 3339).
    pub last_contact_at: String,
    /// The earliest open follow-up (`YYYY-MM-DD`).
    pub next_follow_up: Option<String>,
    /// Open follow-ups.
    pub open_follow_ups: i64,
    /// Demo data.
    pub fictitious: bool,
    /// The record's page.
    pub url: String,
}

/// The caseload.
#[derive(Serialize, ToSchema)]
pub struct ContactList {
    /// Everyone followed, by the earliest open follow-up, then name.
    pub items: Vec<ContactSummary>,
}

/// What is known about a person (as in the record).
#[derive(Serialize, ToSchema)]
pub struct ProfileOut {
    /// Name or alias.
    pub name: String,
    /// Phone (may be empty).
    pub phone: String,
    /// E-mail (may be empty).
    pub email: String,
    /// Language codes.
    pub languages: Vec<String>,
    /// Interests (Find's category codes).
    pub interests: Vec<String>,
    /// Weekdays they can, 1 = Monday.
    pub weekdays: Vec<u8>,
    /// morning, afternoon, evening.
    pub day_parts: Vec<String>,
    /// step_free, hearing_loop, free_only.
    pub needs: Vec<String>,
    /// Age group (Find's target-group code), or empty.
    pub age_group: String,
    /// Sensitive categories (only with `sensitive` consent).
    pub sensitive: Vec<String>,
}

impl From<&Profile> for ProfileOut {
    fn from(p: &Profile) -> ProfileOut {
        ProfileOut {
            name: p.name.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            languages: p.languages.clone(),
            interests: p.interests.clone(),
            weekdays: p.weekdays.clone(),
            day_parts: p.day_parts.iter().map(|d| d.as_str().into()).collect(),
            needs: p.needs.iter().map(|n| n.as_str().into()).collect(),
            age_group: p.age_group.clone(),
            sensitive: p.sensitive.iter().map(|s| s.as_str().into()).collect(),
        }
    }
}

/// A whole record.
#[derive(Serialize, ToSchema)]
pub struct ContactOut {
    /// Id.
    pub id: i64,
    /// The housing organisation holding it.
    pub housing_organisation_id: i64,
    /// The person's department.
    pub department_id: Option<i64>,
    /// Demo data.
    pub fictitious: bool,
    /// Created.
    pub created_at: String,
    /// Last contact.
    pub last_contact_at: String,
    /// What is known.
    pub profile: ProfileOut,
    /// Consents, oldest first.
    pub consents: Vec<ConsentOut>,
    /// Logged contacts, newest first.
    pub contact_log: Vec<LogOut>,
    /// Follow-ups by due date.
    pub follow_ups: Vec<FollowUpOut>,
    /// Referrals, newest first.
    pub referrals: Vec<ReferralOut>,
    /// The record's page.
    pub url: String,
}

fn contact_out(st: &AppState, r: &Record) -> ContactOut {
    ContactOut {
        id: r.id,
        housing_organisation_id: r.holder.housing_org_id,
        department_id: r.holder.department_id,
        fictitious: r.fictitious,
        created_at: at(r.created_at),
        last_contact_at: at(r.last_contact_at),
        profile: ProfileOut::from(&r.profile),
        consents: r.consents.iter().map(consent_out).collect(),
        contact_log: r.log.iter().map(log_out).collect(),
        follow_ups: r.followups.iter().map(followup_out).collect(),
        referrals: r.referrals.iter().map(referral_out).collect(),
        url: format!("{}/outreach/contacts/{}", st.config.base_url, r.id),
    }
}

/// The people the caller's housing organisations follow.
#[utoipa::path(get, path = "/api/v1/outreach/contacts", tag = "outreach", security(("bearer" = [])),
    responses((status = 200, body = ContactList),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Not a social caretaker, or `second_factor_needed`")))]
pub async fn list_contacts(State(st): State<AppState>, ctx: Ctx) -> AppResult<Json<ContactList>> {
    let entries = naboskab_app::casework::people(&st.app, &ctx.actor).await?;
    Ok(Json(ContactList {
        items: entries
            .into_iter()
            .map(|e| ContactSummary {
                url: format!("{}/outreach/contacts/{}", st.config.base_url, e.id),
                id: e.id,
                name: e.name,
                department_id: e.department_id,
                last_contact_at: at(e.last_contact_at),
                next_follow_up: e.next_due.map(|d| d.to_string()),
                open_follow_ups: e.open_followups,
                fictitious: e.fictitious,
            })
            .collect(),
    }))
}

/// A new record, made at the first meeting.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ContactIn {
    /// Name or alias (required).
    pub name: String,
    /// The person's department (one of the caller's housing organisations' departments).
    pub department_id: Option<i64>,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Language codes.
    pub languages: Vec<String>,
    /// Interests (Find's category codes).
    pub interests: Vec<String>,
    /// Weekdays, 1 = Monday.
    pub weekdays: Vec<u8>,
    /// morning, afternoon, evening.
    pub day_parts: Vec<String>,
    /// step_free, hearing_loop, free_only.
    pub needs: Vec<String>,
    /// Age group (Find's target-group code).
    pub age_group: String,
    /// Sensitive categories: need `sensitive` among `consents`.
    pub sensitive: Vec<String>,
    /// Consent scopes given now: `registration` is required.
    pub consents: Vec<String>,
    /// How consent was given: written, verbal or digital.
    pub consent_method: String,
}

impl From<ContactIn> for ContactForm {
    fn from(c: ContactIn) -> ContactForm {
        ContactForm {
            name: c.name,
            department: c.department_id.map(|d| d.to_string()).unwrap_or_default(),
            phone: c.phone,
            email: c.email,
            languages: c.languages,
            interests: c.interests,
            weekdays: c.weekdays.iter().map(u8::to_string).collect(),
            day_parts: c.day_parts,
            needs: c.needs,
            age_group: c.age_group,
            sensitive: c.sensitive,
            consents: c.consents,
            method: c.consent_method,
            request: String::new(),
        }
    }
}

/// Create a record with the consents given. 422 names every problem, including a missing
/// consent (`outreach-consent-registration-required`, `outreach-consent-sensitive-required`).
#[utoipa::path(post, path = "/api/v1/outreach/contacts", tag = "outreach", security(("bearer" = [])),
    request_body = ContactIn,
    responses((status = 201, body = ContactOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_contact(
    State(st): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> AppResult<(StatusCode, Json<ContactOut>)> {
    authorize_orgs(&ctx.actor, &caretaker_orgs(&ctx.actor))?;
    let form = ContactForm::from(parse_json::<ContactIn>(&body)?);
    let (new, consents) = checked_contact(&st.app, &ctx.actor, &form)
        .await?
        .map_err(AppError::Invalid)?;
    let id = store_contact(&st.app, &ctx.actor, &new, &consents).await?;
    let r = read_record(&st.app, &ctx.actor, id, "first contact").await?;
    Ok((StatusCode::CREATED, Json(contact_out(&st, &r))))
}

/// One record (one audit row).
#[utoipa::path(get, path = "/api/v1/outreach/contacts/{id}", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    responses((status = 200, body = ContactOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_contact(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<ContactOut>> {
    let r = read_record(&st.app, &ctx.actor, id, "follow-up").await?;
    Ok(Json(contact_out(&st, &r)))
}

/// Erase a record at the person's request: everything under it goes, the times referrals
/// signed them up for are cancelled (the waitlist moves on). 204.
#[utoipa::path(delete, path = "/api/v1/outreach/contacts/{id}", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    responses((status = 204, description = "Erased"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn delete_contact(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    authorize_record(&st.app, &ctx.actor, id).await?;
    erase_on_request(&st.app, &ctx.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An offer that fits the person.
#[derive(Serialize, ToSchema)]
pub struct SuggestionOut {
    /// The offer.
    pub offer_id: i64,
    /// Its title (in the `Accept-Language` language where translated).
    pub title: String,
    /// When, in words.
    pub when: String,
    /// Department or organisation.
    pub place: String,
    /// Why it fits, in plain words, best reason first.
    pub reasons: Vec<String>,
}

/// The suggestions.
#[derive(Serialize, ToSchema)]
pub struct SuggestionList {
    /// Best first. Nothing is sent: the caretaker chooses with the person.
    pub items: Vec<SuggestionOut>,
}

/// Offers that fit the person, ranked, each with its reasons (one audit row).
#[utoipa::path(get, path = "/api/v1/outreach/contacts/{id}/suggestions", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    responses((status = 200, body = SuggestionList),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_suggestions(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<SuggestionList>> {
    let r = read_record(&st.app, &ctx.actor, id, "suggestions").await?;
    let cats = naboskab_app::find::categories(&st.app).await?;
    let found = suggestions(&st.app, ctx.locale, &cats, &r).await?;
    Ok(Json(SuggestionList {
        items: found
            .into_iter()
            .map(|s| SuggestionOut {
                offer_id: s.id,
                title: s.title,
                when: s.when,
                place: s.place,
                reasons: s.reasons,
            })
            .collect(),
    }))
}

/// The referrals.
#[derive(Serialize, ToSchema)]
pub struct ReferralList {
    /// Newest first.
    pub items: Vec<ReferralOut>,
}

/// The person's referrals and where each stands (one audit row).
#[utoipa::path(get, path = "/api/v1/outreach/contacts/{id}/referrals", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    responses((status = 200, body = ReferralList),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn list_referrals(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<ReferralList>> {
    let r = read_record(&st.app, &ctx.actor, id, "referral").await?;
    Ok(Json(ReferralList {
        items: r.referrals.iter().map(referral_out).collect(),
    }))
}

/// A referral being made.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReferralIn {
    /// The activity (a published offer).
    pub offer_id: i64,
    /// Sign the person up for the next time that takes sign-ups, on their behalf and marked
    /// "first time – please welcome me".
    pub sign_up: bool,
    /// Who goes along the first time (optional).
    pub buddy: String,
}

/// Refer the person to an activity. 201 with the referral; its `outcome` is `signed_up` when
/// a time was found, `accepted` when asked to sign up but no time takes sign-ups.
#[utoipa::path(post, path = "/api/v1/outreach/contacts/{id}/referrals", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    request_body = ReferralIn,
    responses((status = 201, body = ReferralOut),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn create_referral(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: Bytes,
) -> AppResult<(StatusCode, Json<ReferralOut>)> {
    authorize_record(&st.app, &ctx.actor, id).await?;
    let input: ReferralIn = parse_json(&body)?;
    let form = ReferralRequest {
        offer_id: input.offer_id,
        sign_up: input.sign_up,
        buddy: input.buddy,
    };
    let made = make_referral(&st.app, &ctx.actor, id, &form).await?;
    let r = read_record(&st.app, &ctx.actor, id, "referral").await?;
    let referral = r
        .referrals
        .iter()
        .find(|x| x.id == made.id)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(referral_out(referral))))
}

/// Everything about the person for a data-subject request (GDPR art. 15 and 20), with who
/// looked at the record, when, in which role and why (one audit row, action `export`).
#[utoipa::path(get, path = "/api/v1/outreach/contacts/{id}/export", tag = "outreach", security(("bearer" = [])),
    params(("id" = i64, Path, description = "Record id")),
    responses((status = 200, body = Object, description = "The export: `record` and `access_log`"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn export(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Json<serde_json::Value>> {
    let e = export_of(&st, &ctx, id).await?;
    Ok(Json(
        serde_json::to_value(&e).map_err(|e| AppError::Internal(e.to_string()))?,
    ))
}
