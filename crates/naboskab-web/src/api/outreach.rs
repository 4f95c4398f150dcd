//! Reach in the API, for the caretakers' own tools: `/api/v1/outreach/contacts` (the caseload,
//! and a new record with its consents), one record, its suggestions, its referrals (and a new
//! one, optionally signing the person up), the data-subject export, and erasure by `DELETE`.
//!
//! Every handler goes through the same functions as the pages ([`crate::pages::outreach`]):
//! the same policy ([`naboskab_domain::Action::WorkWithOutreach`]), the same consent checks
//! and one audit row per read or write in the same transaction. The second factor counts as
//! for the pages: a session that passed it, or an API token made in such a session (it carries
//! the second factor for 12 hours, [`crate::accounts::SECOND_FACTOR_TOKEN_S`]). Other callers
//! get 403 with the code `second_factor_needed`. The wire shapes of consents, the contact log,
//! follow-ups and referrals here are also those of the data-subject export.

use super::{Problem, parse_json};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::outreach::{
    ContactForm, ReferForm, auditor, authorize_orgs, authorize_record, caretaker_orgs,
    checked_contact, erase_on_request, export_of, make_referral, read_record, store_contact,
    suggestions,
};
use crate::state::AppState;
use crate::templates::PageCtx;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use naboskab_domain::reach::Profile;
use naboskab_store::offers as offer_store;
use naboskab_store::reach::{self as store, Record};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::pages::outreach::at_text as at;

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

/// A consent.
#[derive(Serialize, ToSchema)]
pub struct ConsentOut {
    /// registration, sensitive, municipality or measurement.
    pub scope: String,
    /// written, verbal or digital.
    pub method: String,
    /// When given.
    pub given_at: String,
    /// When withdrawn.
    pub withdrawn_at: Option<String>,
    /// SHA-256 of the consent text read out or handed over.
    pub text_sha256: String,
}

/// A logged contact.
#[derive(Serialize, ToSchema)]
pub struct LogOut {
    /// door_knock, visit, phone, at_activity or drop_in.
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Minutes.
    pub minutes: Option<i64>,
    /// Short note.
    pub note: String,
}

/// A follow-up.
#[derive(Serialize, ToSchema)]
pub struct FollowUpOut {
    /// Id.
    pub id: i64,
    /// Due (`YYYY-MM-DD`).
    pub due: String,
    /// What to do.
    pub what: String,
    /// When done.
    pub done_at: Option<String>,
}

/// A referral and where it stands.
#[derive(Serialize, ToSchema)]
pub struct ReferralOut {
    /// Id.
    pub id: i64,
    /// The activity (offer id).
    pub offer_id: Option<i64>,
    /// Its title.
    pub activity: String,
    /// What the person said: suggested, accepted or declined.
    pub status: String,
    /// Where it stands, from attendance: suggested, accepted, signed_up, attended,
    /// still_4_weeks, still_12_weeks, did_not_come or declined.
    pub outcome: String,
    /// The time signed up for (occurrence id).
    pub occurrence_id: Option<i64>,
    /// When that time starts.
    pub starts_at: Option<String>,
    /// Who goes along the first time (may be empty).
    pub buddy: String,
    /// When referred.
    pub created_at: String,
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

/// A consent on the wire (the API and the data-subject export).
pub(crate) fn consent_out(c: &store::Consent) -> ConsentOut {
    ConsentOut {
        scope: c.scope.as_str().into(),
        method: c.method.as_str().into(),
        given_at: at(c.given_at),
        withdrawn_at: c.withdrawn_at.map(at),
        text_sha256: c.text_hash.clone(),
    }
}

/// A logged contact on the wire.
pub(crate) fn log_out(l: &store::LogEntry) -> LogOut {
    LogOut {
        kind: l.kind.as_str().into(),
        date: l.happened_on.to_string(),
        minutes: l.minutes,
        note: l.note.clone(),
    }
}

/// A follow-up on the wire.
pub(crate) fn followup_out(f: &store::FollowUp) -> FollowUpOut {
    FollowUpOut {
        id: f.id,
        due: f.due_on.to_string(),
        what: f.what.clone(),
        done_at: f.done_at.map(at),
    }
}

/// A referral on the wire.
pub(crate) fn referral_out(x: &store::Referral) -> ReferralOut {
    ReferralOut {
        id: x.id,
        offer_id: x.offer_id,
        activity: x.offer_title.clone(),
        status: x.status.as_str().into(),
        outcome: x.outcome.as_str().into(),
        occurrence_id: x.occurrence_id,
        starts_at: x.starts_at.map(at),
        buddy: x.buddy.clone(),
        created_at: at(x.created_at),
    }
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
    let held = caretaker_orgs(&ctx);
    authorize_orgs(&ctx, &held)?;
    let entries = store::caseload(
        &st.db,
        &st.config.outreach_key,
        &held,
        &auditor(&ctx, "caseload"),
        st.now(),
    )
    .await?;
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
    authorize_orgs(&ctx, &caretaker_orgs(&ctx))?;
    let form = ContactForm::from(parse_json::<ContactIn>(&body)?);
    let (new, consents) = checked_contact(&st, &ctx, &form)
        .await?
        .map_err(AppError::Invalid)?;
    let id = store_contact(&st, &ctx, &new, &consents).await?;
    let r = read_record(&st, &ctx, id, "first contact").await?;
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
    let r = read_record(&st, &ctx, id, "follow-up").await?;
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
    authorize_record(&st, &ctx, id).await?;
    erase_on_request(&st, &ctx, id).await?;
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
    let r = read_record(&st, &ctx, id, "suggestions").await?;
    let p = PageCtx::new(&st, &ctx);
    let cats = offer_store::categories(&st.db).await?;
    let found = suggestions(&st, &p, &cats, &r).await?;
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
    let r = read_record(&st, &ctx, id, "referral").await?;
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
    authorize_record(&st, &ctx, id).await?;
    let input: ReferralIn = parse_json(&body)?;
    let form = ReferForm {
        offer_id: input.offer_id,
        sign_up: if input.sign_up { "1" } else { "" }.into(),
        buddy: input.buddy,
    };
    let made = make_referral(&st, &ctx, id, &form).await?;
    let r = read_record(&st, &ctx, id, "referral").await?;
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
