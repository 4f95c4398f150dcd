//! Reaching out: a social caretaker's work with outreach records. Only the social
//! caretakers of the housing organisation that holds a record reach it
//! ([`Action::WorkWithOutreach`]); the policy is asked with the record's holder before anything
//! personal is read, and every read and write goes through [`naboskab_store::reach`], which
//! writes the audit row in the same transaction. Records are sealed at rest with the
//! installation's key. Here: who may work with which records, checking and storing a new
//! record with its consents, reading one, referring the person to an activity (signing them
//! up for its next time), the data-subject export and erasure on request.

use crate::App;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::secrets::{hash_token, random_token};
use naboskab_domain::offer::{LANGUAGES, OfferStatus, TARGET_GROUPS};
use naboskab_domain::reach::{
    ConsentMethod, ConsentMissing, ConsentScope, DayPart, Need, Profile, ReferralStatus,
    SensitiveCategory,
};
use naboskab_domain::reach::{Reason, Wants};
use naboskab_domain::{Action, Actor, OrgKind, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::offers::{Category, ContactRequest};
use naboskab_store::orgs;
use naboskab_store::reach::{self as store, NewConsent, NewContact, Record};

/// The housing organisations whose outreach records the actor works with.
pub fn caretaker_orgs(actor: &Actor) -> Vec<i64> {
    let mut out: Vec<i64> = actor
        .memberships
        .iter()
        .filter(|m| m.role == Role::SocialCaretaker)
        .map(|m| m.organisation_id)
        .collect();
    out.dedup();
    out
}

/// Asks the policy for outreach work in these organisations (401 when not signed in, 403
/// for everyone who is not their social caretaker).
pub fn authorize_orgs(actor: &Actor, orgs: &[i64]) -> Result<()> {
    crate::authorize(
        actor,
        Action::WorkWithOutreach,
        &Resource::Organisation {
            chain: orgs.to_vec(),
        },
    )
}

/// Who is acting and why, for the audit log.
pub fn auditor(actor: &Actor, purpose: &str) -> Auditor {
    Auditor {
        user_id: actor.user_id,
        role: Role::SocialCaretaker.as_str().into(),
        purpose: purpose.into(),
    }
}

/// A reason shorter than this says too little to be checked later.
const INSPECTION_REASON_MIN_CHARS: usize = 20;
/// Longest inspection reason kept.
const INSPECTION_REASON_MAX_CHARS: usize = 500;

/// A platform administrator's read-only look into one record (`record` as typed), for the
/// rare case its holders cannot act; the reason (20–500 characters) is written with the read
/// in the record's audit trail. Every problem with the request is named; the policy asks for
/// the second factor.
pub async fn inspect(
    app: &App,
    actor: &Actor,
    record: &str,
    reason: &str,
) -> Result<(i64, Record, Vec<naboskab_store::audit::AuditRow>)> {
    crate::authorize(
        actor,
        Action::InspectOutreachRecord,
        &Resource::Organisation { chain: vec![] },
    )?;
    let mut problems = Vec::new();
    let reason = reason.trim();
    match reason.chars().count() {
        0 => problems.push(FieldError::new("reason", "field-required")),
        n if n < INSPECTION_REASON_MIN_CHARS => {
            problems.push(FieldError::new("reason", "outreach-inspect-reason-short"))
        }
        n if n > INSPECTION_REASON_MAX_CHARS => {
            problems.push(FieldError::new("reason", "field-too-long"))
        }
        _ => {}
    }
    let holder = match record.trim().parse::<i64>() {
        Ok(id) => store::owner_of(&app.db, id).await?.map(|h| (id, h)),
        Err(_) => None,
    };
    if holder.is_none() {
        problems.push(FieldError::new("record", "outreach-inspect-no-record"));
    }
    let Some((id, holder)) = holder.filter(|_| problems.is_empty()) else {
        return Err(Error::Invalid(problems));
    };
    let chain = orgs::chain(&app.db, holder.housing_org_id).await?;
    crate::authorize(
        actor,
        Action::InspectOutreachRecord,
        &Resource::Organisation { chain },
    )?;
    let who = Auditor {
        user_id: actor.user_id,
        role: Role::PlatformAdmin.as_str().into(),
        purpose: format!("inspection: {reason}"),
    };
    let (found, trail) = store::inspect(&app.db, &app.config.outreach_key, id, &who, app.now())
        .await?
        .ok_or(Error::NotFound)?;
    tracing::warn!(user = ?actor.user_id, record = id, "outreach record inspected by a platform administrator");
    Ok((id, found, trail))
}

/// Checks that the actor may work with record `id` before anything personal is read: 403 for
/// everyone who is no social caretaker; for a caretaker 404 both when there is no such record
/// and when another housing organisation holds it, so ids do not tell which records exist.
pub async fn authorize_record(app: &App, actor: &Actor, id: i64) -> Result<store::Holder> {
    // Only caretakers learn whether a record exists at all.
    authorize_orgs(actor, &caretaker_orgs(actor))?;
    let holder = store::owner_of(&app.db, id).await?.ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, holder.housing_org_id).await?;
    crate::authorize(
        actor,
        Action::WorkWithOutreach,
        &Resource::Organisation { chain },
    )
    .map_err(|e| match e {
        Error::Forbidden => Error::NotFound,
        other => other,
    })?;
    Ok(holder)
}

/// The departments of the actor's housing organisations, by name.
pub async fn departments(app: &App, orgs_held: &[i64]) -> Result<Vec<orgs::Organisation>> {
    let mut out = Vec::new();
    for org in orgs_held {
        out.extend(
            orgs::children(&app.db, *org)
                .await?
                .into_iter()
                .filter(|o| o.kind == OrgKind::Department),
        );
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The contact form as typed (lists hold the chosen codes).
#[derive(Debug, Clone, Default)]
pub struct ContactForm {
    pub name: String,
    pub department: String,
    pub phone: String,
    pub email: String,
    pub languages: Vec<String>,
    pub interests: Vec<String>,
    pub weekdays: Vec<String>,
    pub day_parts: Vec<String>,
    pub needs: Vec<String>,
    pub age_group: String,
    pub sensitive: Vec<String>,
    pub consents: Vec<String>,
    pub method: String,
    pub request: String,
}

impl ContactForm {
    /// The form filled in from a "contact me" request.
    pub fn from_request(r: &ContactRequest) -> ContactForm {
        ContactForm {
            name: r.name.clone(),
            department: r.department_id.map(|d| d.to_string()).unwrap_or_default(),
            phone: r.phone.clone(),
            email: r.email.clone(),
            languages: r
                .preferred_language
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            method: ConsentMethod::Verbal.as_str().into(),
            request: r.id.to_string(),
            ..ContactForm::default()
        }
    }

    /// The form filled in from a record's profile (to edit it).
    pub fn from_profile(p: &Profile, department_id: Option<i64>) -> ContactForm {
        ContactForm {
            name: p.name.clone(),
            department: department_id.map(|d| d.to_string()).unwrap_or_default(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            languages: p.languages.clone(),
            interests: p.interests.clone(),
            weekdays: p.weekdays.iter().map(u8::to_string).collect(),
            day_parts: p.day_parts.iter().map(|d| d.as_str().to_owned()).collect(),
            needs: p.needs.iter().map(|n| n.as_str().to_owned()).collect(),
            age_group: p.age_group.clone(),
            sensitive: p.sensitive.iter().map(|s| s.as_str().to_owned()).collect(),
            ..ContactForm::default()
        }
    }

    /// The profile the form describes; problems are named by field.
    pub fn profile(&self, problems: &mut Vec<FieldError>) -> Profile {
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(FieldError::new("name", "field-required"));
        } else if name.chars().count() > 100 {
            problems.push(FieldError::new("name", "field-too-long"));
        }
        let digits = self.phone.chars().filter(char::is_ascii_digit).count();
        if !self.phone.trim().is_empty() && !(8..=15).contains(&digits) {
            problems.push(FieldError::new("phone", "field-phone-invalid"));
        }
        let email = match self.email.trim() {
            "" => String::new(),
            e => naboskab_domain::email::normalise_email(e).unwrap_or_else(|_| {
                problems.push(FieldError::new("email", "field-email-invalid"));
                e.to_owned()
            }),
        };
        let keep = |list: &[String], known: &[&str]| -> Vec<String> {
            list.iter()
                .filter(|v| known.contains(&v.as_str()))
                .cloned()
                .collect()
        };
        Profile {
            name: name.to_owned(),
            phone: self.phone.trim().to_owned(),
            email,
            languages: keep(&self.languages, &LANGUAGES),
            interests: self.interests.iter().take(30).cloned().collect(),
            weekdays: self
                .weekdays
                .iter()
                .filter_map(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=7).contains(d))
                .collect(),
            day_parts: self
                .day_parts
                .iter()
                .filter_map(|d| DayPart::parse(d))
                .collect(),
            needs: self.needs.iter().filter_map(|n| Need::parse(n)).collect(),
            age_group: keep(std::slice::from_ref(&self.age_group), &TARGET_GROUPS)
                .pop()
                .unwrap_or_default(),
            sensitive: self
                .sensitive
                .iter()
                .filter_map(|s| SensitiveCategory::parse(s))
                .collect(),
        }
    }
}

/// The field at fault when a consent is missing.
pub fn consent_problem(missing: ConsentMissing) -> FieldError {
    match missing {
        ConsentMissing::Registration => {
            FieldError::new("consent", "outreach-consent-registration-required")
        }
        ConsentMissing::Sensitive => {
            FieldError::new("sensitive", "outreach-consent-sensitive-required")
        }
    }
}

/// The words of a consent as recorded (in Danish, the record's language).
pub fn consent_text(scope: ConsentScope) -> String {
    i18n::t(
        i18n::Locale::Da,
        &format!("outreach-scope-text-{}", scope.as_str()),
    )
}

/// A new record as the form or the API describes it, checked: the record and its consents, or
/// every problem by field.
pub async fn checked_contact(
    app: &App,
    actor: &Actor,
    f: &ContactForm,
) -> Result<std::result::Result<(NewContact, Vec<NewConsent>), Vec<FieldError>>> {
    let held = caretaker_orgs(actor);
    authorize_orgs(actor, &held)?;
    let mut problems = Vec::new();
    let profile = f.profile(&mut problems);
    let deps = departments(app, &held).await?;
    let department = match f.department.trim() {
        "" => None,
        d => match deps.iter().find(|o| o.id.to_string() == d) {
            Some(dep) => Some(dep),
            None => {
                problems.push(FieldError::new("department", "field-choose-from-list"));
                None
            }
        },
    };
    let method = ConsentMethod::parse(&f.method).unwrap_or_else(|| {
        problems.push(FieldError::new("method", "field-choose-from-list"));
        ConsentMethod::Verbal
    });
    let consents: Vec<NewConsent> = f
        .consents
        .iter()
        .filter_map(|s| ConsentScope::parse(s))
        .map(|scope| NewConsent {
            scope,
            method,
            text: consent_text(scope),
        })
        .collect();
    let scopes: Vec<ConsentScope> = consents.iter().map(|c| c.scope).collect();
    if let Err(missing) = naboskab_domain::reach::check_consent(&scopes, &profile) {
        problems.push(consent_problem(missing));
    }
    let holder = department
        .and_then(|d| d.parent_id)
        .filter(|p| held.contains(p))
        .or_else(|| held.first().copied())
        .ok_or(Error::Forbidden)?;
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    Ok(Ok((
        NewContact {
            housing_org_id: holder,
            department_id: department.map(|d| d.id),
            caretaker_id: actor.user_id,
            user_id: None,
            contact_request_id: f.request.parse().ok(),
            profile,
            fictitious: false,
        },
        consents,
    )))
}

/// Stores a checked new record (one audit row); its id.
pub async fn store_contact(
    app: &App,
    actor: &Actor,
    new: &NewContact,
    consents: &[NewConsent],
) -> Result<i64> {
    store::create_contact(
        &app.db,
        &app.config.outreach_key,
        new,
        consents,
        &auditor(actor, "first contact"),
        app.now(),
    )
    .await?
    .map_err(consent_refusal)
}

/// Reads a record for a page (one audit row), after the policy said yes.
pub async fn read_record(app: &App, actor: &Actor, id: i64, purpose: &str) -> Result<Record> {
    authorize_record(app, actor, id).await?;
    store::record(
        &app.db,
        &app.config.outreach_key,
        id,
        &auditor(actor, purpose),
        app.now(),
    )
    .await?
    .ok_or(Error::NotFound)
}

/// The refusal when a consent the store requires is missing.
pub fn consent_refusal(missing: ConsentMissing) -> Error {
    Error::Invalid(vec![consent_problem(missing)])
}

/// Erases a record at the person's request, after the policy said yes: the times referrals
/// signed them up for are cancelled first through Join (so whoever waits gets the place),
/// then the record goes with everything under it.
pub async fn erase_on_request(app: &App, actor: &Actor, id: i64) -> Result<()> {
    for signup in store::upcoming_referral_signups(&app.db, id, app.now()).await? {
        crate::join::cancel_and_promote(app, signup).await?;
    }
    if !store::erase(
        &app.db,
        id,
        &auditor(actor, "erasure on request"),
        app.now(),
    )
    .await?
    {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// A referral being made from a suggestion.
#[derive(Debug, Clone, Default)]
pub struct ReferralRequest {
    /// The activity.
    pub offer_id: i64,
    /// Sign the person up for the next time, with "please welcome me".
    pub sign_up: bool,
    /// Who goes along the first time (optional).
    pub buddy: String,
}

/// Signs the person up for the next time of the activity that takes sign-ups, on their
/// behalf and marked "first time — please welcome me"; `None` when there is no such time.
async fn sign_up_next(
    app: &App,
    actor: &Actor,
    offer_id: i64,
    r: &Record,
) -> Result<Option<(i64, i64)>> {
    let now = app.now();
    let next = naboskab_store::join::occurrences(
        &app.db,
        &naboskab_store::join::OccurrenceQuery {
            from: now,
            to: now + 90 * 86_400,
            offer_id: Some(offer_id),
            published_only: true,
            limit: 10,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .find(|o| !o.cancelled && o.signup_required);
    let Some(occ) = next else {
        return Ok(None);
    };
    let p = &r.profile;
    let signup = naboskab_store::join::NewSignup {
        occurrence_id: occ.id,
        user_id: r.user_id,
        name: p.name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        locale: p
            .languages
            .iter()
            .find(|l| Locale::parse(l).is_some())
            .cloned()
            .unwrap_or_else(|| "da".into()),
        bring_friend: false,
        first_time: true,
        verified: true,
        token_hash: hash_token(&random_token(32)),
        assisted_by: actor.user_id,
        consent_method: "in_person".into(),
    };
    use naboskab_store::join::SignupResult;
    Ok(
        match naboskab_store::join::sign_up(&app.db, &signup, now).await? {
            SignupResult::Confirmed { id } | SignupResult::Waitlisted { id, .. } => {
                Some((occ.id, id))
            }
            _ => None,
        },
    )
}

/// A referral as made.
pub struct MadeReferral {
    /// Its id.
    pub id: i64,
    /// The time and sign-up, when the person was signed up.
    pub signed_up: Option<(i64, i64)>,
}

/// Refers the person to a published activity (one audit row), signing them up for its next
/// time with "please welcome me" when the form asks and there is such a time.
pub async fn make_referral(
    app: &App,
    actor: &Actor,
    id: i64,
    f: &ReferralRequest,
) -> Result<MadeReferral> {
    let r = read_record(app, actor, id, "referral").await?;
    if naboskab_store::offers::offer(&app.db, f.offer_id)
        .await?
        .is_none_or(|o| o.status != OfferStatus::Published)
    {
        return Err(Error::field("offer_id", "field-choose-from-list"));
    }
    if f.buddy.trim().chars().count() > 100 {
        return Err(Error::field("buddy", "field-too-long"));
    }
    let sign_up = f.sign_up;
    let signed_up = if sign_up {
        sign_up_next(app, actor, f.offer_id, &r).await?
    } else {
        None
    };
    let referral = store::NewReferral {
        offer_id: f.offer_id,
        occurrence_id: signed_up.map(|s| s.0),
        signup_id: signed_up.map(|s| s.1),
        status: if sign_up {
            ReferralStatus::Accepted
        } else {
            ReferralStatus::Suggested
        },
        buddy: f.buddy.trim().to_owned(),
    };
    let id = store::refer(
        &app.db,
        &app.config.outreach_key,
        id,
        &referral,
        &auditor(actor, "referral"),
        app.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(MadeReferral { id, signed_up })
}

/// Reads a record and its audit trail for the data-subject export (one audit row, action
/// `export`) after the policy said yes.
pub async fn read_export(
    app: &App,
    actor: &Actor,
    id: i64,
) -> Result<(Record, Vec<naboskab_store::audit::AuditRow>)> {
    authorize_record(app, actor, id).await?;
    store::export(
        &app.db,
        &app.config.outreach_key,
        id,
        &auditor(actor, "data-subject request"),
        app.now(),
    )
    .await?
    .ok_or(Error::NotFound)
}

/// An offer that fits the person, with why.
pub struct SuggestionRow {
    /// The offer.
    pub id: i64,
    /// Its title in the reader's language.
    pub title: String,
    /// When it happens, in words.
    pub when: String,
    /// Its department or organisation.
    pub place: String,
    /// Why it fits, in plain words.
    pub reasons: Vec<String>,
}

/// How many suggestions a record page shows.
pub const SUGGESTIONS_SHOWN: usize = 6;

/// A text with one string argument in `locale`.
fn t1(locale: Locale, key: &str, name: &str, value: &str) -> String {
    i18n::t_args(
        locale,
        key,
        &[(name, fluent_bundle::FluentValue::from(value.to_owned()))],
    )
}

/// Why an offer fits, in plain words in `locale`.
pub fn reason_text(locale: Locale, cats: &[Category], r: &Reason) -> String {
    match r {
        Reason::Interest(code) => cats
            .iter()
            .find(|c| &c.code == code)
            .map(|c| c.name(locale.code()).to_owned())
            .unwrap_or_else(|| code.clone()),
        Reason::Language(code) => t1(
            locale,
            "outreach-reason-language",
            "language",
            i18n::language_name(code),
        ),
        Reason::Weekday(d) => i18n::t(locale, &format!("weekday-{d}")),
        Reason::DayPart(d) => i18n::t(locale, &format!("outreach-reason-day-part-{}", d.as_str())),
        Reason::Near(m) if *m < 200 => i18n::t(locale, "outreach-reason-here"),
        Reason::Near(m) => t1(
            locale,
            "outreach-reason-near",
            "metres",
            &i18n::format_integer(locale, i64::from(*m)),
        ),
        Reason::ForAgeGroup(code) => i18n::t(locale, &format!("target-{code}")),
        Reason::NewcomersWelcome => i18n::t(locale, "outreach-reason-newcomers"),
        Reason::Free => i18n::t(locale, "outreach-reason-free"),
        Reason::StepFree => i18n::t(locale, "outreach-need-step_free"),
        Reason::HearingLoop => i18n::t(locale, "outreach-need-hearing_loop"),
    }
}

/// Offers that fit the person, best first, with the reasons (nothing is sent: the caretaker
/// chooses).
pub async fn suggestions(
    app: &App,
    locale: Locale,
    cats: &[Category],
    r: &Record,
) -> Result<Vec<SuggestionRow>> {
    let home = match r.holder.department_id {
        Some(d) => orgs::organisation(&app.db, d)
            .await?
            .and_then(|o| o.lat.zip(o.lon)),
        None => None,
    };
    let wants = Wants::of(&r.profile, home);
    let found = app
        .catalogue
        .suggestions(&app.db, &wants, SUGGESTIONS_SHOWN)
        .await?;
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let cards = app.catalogue.cards(&ids, locale.code())?;
    Ok(found
        .iter()
        .filter_map(|(id, reasons)| {
            let card = cards.iter().find(|c| c.id == *id)?;
            Some(SuggestionRow {
                id: *id,
                title: card.title.clone(),
                when: card.when_text.clone(),
                place: card
                    .department_name
                    .clone()
                    .unwrap_or_else(|| card.organisation_name.clone()),
                reasons: reasons
                    .iter()
                    .map(|x| reason_text(locale, cats, x))
                    .collect(),
            })
        })
        .collect())
}
