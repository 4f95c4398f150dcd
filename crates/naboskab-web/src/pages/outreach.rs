//! Reach for social caretakers: the caseload (new "contact me" requests, follow-ups that are
//! due, everyone followed), a person's record with consents, the contact log and follow-ups,
//! and the form that creates a record at the first meeting.
//!
//! Only the social caretakers of the housing organisation that holds a record reach it
//! ([`Action::WorkWithOutreach`]); the policy is asked with the record's holder before anything
//! personal is read, and every read and write goes through [`naboskab_store::reach`], which
//! writes the audit row in the same transaction. Records are sealed at rest with the
//! installation's key ([`crate::state::WebConfig::outreach_key`]).

use crate::api::outreach::{
    ConsentOut, FollowUpOut, LogOut, ReferralOut, consent_out, followup_out, log_out, referral_out,
};
use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n;
use crate::pages::offers::{Choice, multi_choices};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS, WEEKDAYS};
use naboskab_domain::reach::{
    ConsentMethod, ConsentMissing, ConsentScope, ContactKind, DayPart, Need, Outcome, Profile,
    Reason, ReferralStatus, SensitiveCategory, Wants,
};
use naboskab_domain::schedule::{local_to_utc, utc_to_local};
use naboskab_domain::{Action, OrgKind, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::offers::{self as offer_store, ContactRequest};
use naboskab_store::orgs;
use naboskab_store::reach::{self as store, NewConsent, NewContact, NewLogEntry, Record};
use serde::Deserialize;

/// The housing organisations whose outreach records the actor works with.
pub(crate) fn caretaker_orgs(ctx: &Ctx) -> Vec<i64> {
    let mut out: Vec<i64> = ctx
        .actor
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
pub(crate) fn authorize_orgs(ctx: &Ctx, orgs: &[i64]) -> AppResult<()> {
    ctx.authorize(
        Action::WorkWithOutreach,
        &Resource::Organisation {
            chain: orgs.to_vec(),
        },
    )
}

/// Who is acting and why, for the audit log.
pub(crate) fn auditor(ctx: &Ctx, purpose: &str) -> Auditor {
    Auditor {
        user_id: ctx.actor.user_id,
        role: Role::SocialCaretaker.as_str().into(),
        purpose: purpose.into(),
    }
}

/// Checks that the actor may work with record `id` before anything personal is read: 403 for
/// everyone who is no social caretaker; for a caretaker 404 both when there is no such record
/// and when another housing organisation holds it, so ids do not tell which records exist.
pub(crate) async fn authorize_record(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
) -> AppResult<store::Holder> {
    // Only caretakers learn whether a record exists at all.
    authorize_orgs(ctx, &caretaker_orgs(ctx))?;
    let holder = store::owner_of(&st.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let chain = orgs::chain(&st.db, holder.housing_org_id).await?;
    ctx.authorize(Action::WorkWithOutreach, &Resource::Organisation { chain })
        .map_err(|e| match e {
            AppError::Forbidden => AppError::NotFound,
            other => other,
        })?;
    Ok(holder)
}

/// The departments of the actor's housing organisations, by name.
pub(crate) async fn departments(
    st: &AppState,
    orgs_held: &[i64],
) -> AppResult<Vec<orgs::Organisation>> {
    let mut out = Vec::new();
    for org in orgs_held {
        out.extend(
            orgs::children(&st.db, *org)
                .await?
                .into_iter()
                .filter(|o| o.kind == OrgKind::Department),
        );
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn date_text(ctx: &PageCtx, day: NaiveDate) -> String {
    i18n::format_date(
        ctx.locale,
        local_to_utc(day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))),
    )
}

fn today(st: &AppState) -> NaiveDate {
    utc_to_local(chrono::DateTime::from_timestamp(st.now(), 0).unwrap_or_default()).date()
}

// ----- caseload -----

#[derive(Clone)]
struct CaseloadRow {
    id: i64,
    name: String,
    department: String,
    last_contact: String,
    next_due: String,
    overdue: bool,
    fictitious: bool,
}

struct RequestRow {
    id: i64,
    name: String,
    department: String,
    received: String,
    language: String,
    when_to_call: String,
    phone: String,
    email: String,
    message: String,
}

#[derive(Template)]
#[template(path = "outreach.html")]
struct CaseloadPage {
    ctx: PageCtx,
    requests: Vec<RequestRow>,
    overdue: Vec<CaseloadRow>,
    /// `(record id, name, activity, where it stands, the time signed up for)`.
    waiting: Vec<(i64, String, String, String, String)>,
    people: Vec<CaseloadRow>,
}

/// `GET /outreach`: the caretaker's day: new "contact me" requests, overdue follow-ups,
/// referrals waiting for an outcome and everyone followed.
pub async fn caseload(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let held = caretaker_orgs(&ctx);
    authorize_orgs(&ctx, &held)?;
    let who = auditor(&ctx, "caseload");
    let now = st.now();
    let key = &st.config.outreach_key;
    let entries = store::caseload(&st.db, key, &held, &who, now).await?;
    let requests = store::open_requests(&st.db, &st.config.outreach_key, &held, &who, now).await?;
    let waiting = store::waiting_referrals(&st.db, key, &held, &who, now).await?;
    let deps = departments(&st, &held).await?;
    let dep_name = |id: Option<i64>| {
        id.and_then(|id| deps.iter().find(|d| d.id == id))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let p = PageCtx::new(&st, &ctx);
    let today = today(&st);
    let rows: Vec<CaseloadRow> = entries
        .iter()
        .map(|e| CaseloadRow {
            id: e.id,
            name: e.name.clone(),
            department: dep_name(e.department_id),
            last_contact: p.datetime(&e.last_contact_at),
            next_due: e.next_due.map(|d| date_text(&p, d)).unwrap_or_default(),
            overdue: e.next_due.is_some_and(|d| d < today),
            fictitious: e.fictitious,
        })
        .collect();
    let overdue = rows.iter().filter(|r| r.overdue).cloned().collect();
    let requests = requests
        .into_iter()
        .map(|r: ContactRequest| RequestRow {
            id: r.id,
            department: dep_name(r.department_id),
            received: p.datetime(&r.created_at),
            language: crate::find::language_name(&r.preferred_language).to_owned(),
            name: r.name,
            when_to_call: r.when_to_call,
            phone: r.phone,
            email: r.email,
            message: r.message,
        })
        .collect();
    let waiting = waiting
        .into_iter()
        .map(|w| {
            (
                w.contact_id,
                w.name,
                w.referral.offer_title,
                p.t(&format!("outreach-outcome-{}", w.referral.outcome.as_str())),
                w.referral
                    .starts_at
                    .map(|t| p.datetime(&t))
                    .unwrap_or_default(),
            )
        })
        .collect();
    Ok(page(&CaseloadPage {
        ctx: p,
        requests,
        waiting,
        overdue,
        people: rows,
    }))
}

// ----- the contact form -----

/// The contact form as typed (lists hold the chosen codes).
#[derive(Debug, Clone, Default)]
pub struct ContactForm {
    pub(crate) name: String,
    pub(crate) department: String,
    pub(crate) phone: String,
    pub(crate) email: String,
    pub(crate) languages: Vec<String>,
    pub(crate) interests: Vec<String>,
    pub(crate) weekdays: Vec<String>,
    pub(crate) day_parts: Vec<String>,
    pub(crate) needs: Vec<String>,
    pub(crate) age_group: String,
    pub(crate) sensitive: Vec<String>,
    pub(crate) consents: Vec<String>,
    pub(crate) method: String,
    pub(crate) request: String,
}

impl ContactForm {
    fn parse(body: &str) -> ContactForm {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap_or_default();
        let mut f = ContactForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "name" => f.name = v,
                "department" => f.department = v,
                "phone" => f.phone = v,
                "email" => f.email = v,
                "language" => f.languages.push(v),
                "interest" => f.interests.push(v),
                "weekday" => f.weekdays.push(v),
                "day_part" => f.day_parts.push(v),
                "need" => f.needs.push(v),
                "age_group" => f.age_group = v,
                "sensitive" => f.sensitive.push(v),
                "consent" => f.consents.push(v),
                "method" => f.method = v,
                "request" => f.request = v,
                _ => {}
            }
        }
        f
    }

    fn from_request(r: &ContactRequest) -> ContactForm {
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

    fn from_profile(p: &Profile, department_id: Option<i64>) -> ContactForm {
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
    fn profile(&self, problems: &mut Vec<FieldError>) -> Profile {
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

fn consent_problem(missing: ConsentMissing) -> FieldError {
    match missing {
        ConsentMissing::Registration => {
            FieldError::new("consent", "outreach-consent-registration-required")
        }
        ConsentMissing::Sensitive => {
            FieldError::new("sensitive", "outreach-consent-sensitive-required")
        }
    }
}

#[derive(Template)]
#[template(path = "outreach_form.html")]
struct FormPage {
    ctx: PageCtx,
    action: String,
    heading: String,
    new_record: bool,
    f: ContactForm,
    departments: Vec<Choice>,
    languages: Vec<Choice>,
    interests: Vec<Choice>,
    weekdays: Vec<Choice>,
    day_parts: Vec<Choice>,
    needs: Vec<Choice>,
    age_groups: Vec<Choice>,
    sensitive: Vec<Choice>,
    consents: Vec<Choice>,
    methods: Vec<Choice>,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    new_record: bool,
    f: ContactForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    let p = PageCtx::new(st, ctx);
    let locale = ctx.locale.code();
    let coded =
        |prefix: &str, codes: &[&str], chosen: &[String]| coded_choices(&p, prefix, codes, chosen);
    let deps = departments(st, &caretaker_orgs(ctx)).await?;
    let cats = offer_store::categories(&st.db).await?;
    let mut age_groups = vec![(String::new(), p.t("field-choose"))];
    age_groups.extend(labelled(&p, "target-", &TARGET_GROUPS));
    Ok(FormPage {
        heading: p.t(if new_record {
            "outreach-new"
        } else {
            "outreach-edit"
        }),
        departments: multi_choices(
            deps.iter()
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect(),
            std::slice::from_ref(&f.department),
        ),
        languages: multi_choices(
            LANGUAGES
                .iter()
                .map(|l| (l.to_string(), crate::find::language_name(l).to_owned()))
                .collect(),
            &f.languages,
        ),
        interests: multi_choices(
            cats.iter()
                .map(|c| (c.code.clone(), c.name(locale).to_owned()))
                .collect(),
            &f.interests,
        ),
        weekdays: coded("weekday-", &WEEKDAYS, &f.weekdays),
        day_parts: coded("outreach-day-part-", DayPart::NAMES, &f.day_parts),
        needs: coded("outreach-need-", Need::NAMES, &f.needs),
        age_groups: multi_choices(age_groups, std::slice::from_ref(&f.age_group)),
        sensitive: coded(
            "outreach-sensitive-",
            SensitiveCategory::NAMES,
            &f.sensitive,
        ),
        consents: coded("outreach-scope-", ConsentScope::NAMES, &f.consents),
        methods: coded(
            "outreach-method-",
            ConsentMethod::NAMES,
            std::slice::from_ref(&f.method),
        ),
        action,
        new_record,
        f,
        errors,
        ctx: p,
    })
}

/// `(code, label)` for codes whose labels are the Fluent messages `{prefix}{code}`.
fn labelled(p: &PageCtx, prefix: &str, codes: &[&str]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|c| (c.to_string(), p.t(&format!("{prefix}{c}"))))
        .collect()
}

/// Choices for codes labelled by `{prefix}{code}`, marking the chosen ones.
fn coded_choices(p: &PageCtx, prefix: &str, codes: &[&str], chosen: &[String]) -> Vec<Choice> {
    multi_choices(labelled(p, prefix, codes), chosen)
}

/// Query of the new-contact form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    request: Option<i64>,
}

/// `GET /outreach/contacts/new[?request=]`: the first-meeting form, filled in from a
/// "contact me" request when one is named.
pub async fn new_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    let held = caretaker_orgs(&ctx);
    authorize_orgs(&ctx, &held)?;
    let f = match q.request {
        Some(id) => {
            let who = auditor(&ctx, "first contact");
            store::open_requests(&st.db, &st.config.outreach_key, &held, &who, st.now())
                .await?
                .iter()
                .find(|r| r.id == id)
                .map(ContactForm::from_request)
                .ok_or(AppError::NotFound)?
        }
        None => ContactForm {
            method: ConsentMethod::Verbal.as_str().into(),
            ..ContactForm::default()
        },
    };
    Ok(page(
        &form_page(
            &st,
            &ctx,
            "/outreach/contacts".into(),
            true,
            f,
            FormErrors::default(),
        )
        .await?,
    ))
}

/// The consent text a caretaker reads out or hands over, per scope, in Danish (the text's
/// hash is stored with the consent).
fn consent_text(scope: ConsentScope) -> String {
    i18n::t(
        i18n::Locale::Da,
        &format!("outreach-scope-text-{}", scope.as_str()),
    )
}

/// A new record as the form or the API describes it, checked: the record and its consents, or
/// every problem by field.
pub(crate) async fn checked_contact(
    st: &AppState,
    ctx: &Ctx,
    f: &ContactForm,
) -> AppResult<Result<(NewContact, Vec<NewConsent>), Vec<FieldError>>> {
    let held = caretaker_orgs(ctx);
    authorize_orgs(ctx, &held)?;
    let mut problems = Vec::new();
    let profile = f.profile(&mut problems);
    let deps = departments(st, &held).await?;
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
        .ok_or(AppError::Forbidden)?;
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    Ok(Ok((
        NewContact {
            housing_org_id: holder,
            department_id: department.map(|d| d.id),
            caretaker_id: ctx.actor.user_id,
            user_id: None,
            contact_request_id: f.request.parse().ok(),
            profile,
            fictitious: false,
        },
        consents,
    )))
}

/// Stores a checked new record (one audit row); its id.
pub(crate) async fn store_contact(
    st: &AppState,
    ctx: &Ctx,
    new: &NewContact,
    consents: &[NewConsent],
) -> AppResult<i64> {
    store::create_contact(
        &st.db,
        &st.config.outreach_key,
        new,
        consents,
        &auditor(ctx, "first contact"),
        st.now(),
    )
    .await?
    .map_err(consent_refusal)
}

/// `POST /outreach/contacts`: creates a record with the consents given.
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    let f = ContactForm::parse(&body);
    match checked_contact(&st, &ctx, &f).await? {
        Ok((new, consents)) => {
            let id = store_contact(&st, &ctx, &new, &consents).await?;
            Ok(Redirect::to(&format!(
                "/outreach/contacts/{id}?notice=notice-outreach-created"
            ))
            .into_response())
        }
        Err(problems) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&st, &ctx, "/outreach/contacts".into(), true, f, errors).await?,
            ))
        }
    }
}

// ----- one record -----

struct ConsentRow {
    scope: String,
    scope_label: String,
    method: String,
    given: String,
    withdrawn: String,
    active: bool,
}

struct LogRow {
    kind: String,
    date: String,
    minutes: Option<i64>,
    note: String,
}

struct FollowUpRow {
    id: i64,
    due: String,
    what: String,
    done: bool,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "outreach_contact.html")]
struct RecordPage {
    ctx: PageCtx,
    id: i64,
    name: String,
    fictitious: bool,
    department: String,
    details: Vec<(String, String)>,
    consents: Vec<ConsentRow>,
    missing_scopes: Vec<Choice>,
    methods: Vec<Choice>,
    log: Vec<LogRow>,
    kinds: Vec<Choice>,
    followups: Vec<FollowUpRow>,
    suggestions: Vec<SuggestionRow>,
    referrals: Vec<ReferralRow>,
    today: String,
}

struct ReferralRow {
    id: i64,
    offer_id: Option<i64>,
    occurrence_id: Option<i64>,
    title: String,
    when: String,
    outcome: String,
    buddy: String,
    open: bool,
}

/// An offer that fits the person, with why.
pub(crate) struct SuggestionRow {
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
const SUGGESTIONS_SHOWN: usize = 6;

/// A reason in plain words.
fn reason_text(p: &PageCtx, cats: &[offer_store::Category], r: &Reason) -> String {
    match r {
        Reason::Interest(code) => cats
            .iter()
            .find(|c| &c.code == code)
            .map(|c| c.name(p.lang).to_owned())
            .unwrap_or_else(|| code.clone()),
        Reason::Language(code) => p.t1(
            "outreach-reason-language",
            "language",
            crate::find::language_name(code),
        ),
        Reason::Weekday(d) => p.t(&format!("weekday-{d}")),
        Reason::DayPart(d) => p.t(&format!("outreach-reason-day-part-{}", d.as_str())),
        Reason::Near(m) if *m < 200 => p.t("outreach-reason-here"),
        Reason::Near(m) => p.t1(
            "outreach-reason-near",
            "metres",
            &i18n::format_integer(p.locale, i64::from(*m)),
        ),
        Reason::ForAgeGroup(code) => p.t(&format!("target-{code}")),
        Reason::NewcomersWelcome => p.t("outreach-reason-newcomers"),
        Reason::Free => p.t("outreach-reason-free"),
        Reason::StepFree => p.t("outreach-need-step_free"),
        Reason::HearingLoop => p.t("outreach-need-hearing_loop"),
    }
}

/// Offers that fit the person, best first, with the reasons (nothing is sent: the caretaker
/// chooses).
pub(crate) async fn suggestions(
    st: &AppState,
    p: &PageCtx,
    cats: &[offer_store::Category],
    r: &Record,
) -> AppResult<Vec<SuggestionRow>> {
    let home = match r.holder.department_id {
        Some(d) => orgs::organisation(&st.db, d)
            .await?
            .and_then(|o| o.lat.zip(o.lon)),
        None => None,
    };
    let wants = Wants::of(&r.profile, home);
    let found = st
        .catalogue
        .suggestions(&st.db, &wants, SUGGESTIONS_SHOWN)
        .await?;
    let ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    let cards = st.catalogue.cards(&ids, p.lang)?;
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
                reasons: reasons.iter().map(|x| reason_text(p, cats, x)).collect(),
            })
        })
        .collect())
}

fn labels<T: Copy>(
    p: &PageCtx,
    prefix: &str,
    items: &[T],
    name: impl Fn(T) -> &'static str,
) -> String {
    items
        .iter()
        .map(|i| p.t(&format!("{prefix}{}", name(*i))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is known about a person as `(label, value)` rows in the page's language, empty
/// ones left out (the record page and the data-subject export show the same).
fn profile_details(
    p: &PageCtx,
    cats: &[offer_store::Category],
    pr: &Profile,
) -> Vec<(String, String)> {
    let mut details = vec![
        (p.t("field-phone"), pr.phone.clone()),
        (p.t("field-email"), pr.email.clone()),
        (
            p.t("outreach-languages"),
            pr.languages
                .iter()
                .map(|l| crate::find::language_name(l))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            p.t("outreach-interests"),
            pr.interests
                .iter()
                .map(|i| {
                    cats.iter()
                        .find(|c| &c.code == i)
                        .map(|c| c.name(p.lang).to_owned())
                        .unwrap_or_else(|| i.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            p.t("outreach-weekdays"),
            pr.weekdays
                .iter()
                .map(|d| p.t(&format!("weekday-{d}")))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            p.t("outreach-day-parts"),
            labels(p, "outreach-day-part-", &pr.day_parts, DayPart::as_str),
        ),
        (
            p.t("outreach-needs"),
            labels(p, "outreach-need-", &pr.needs, Need::as_str),
        ),
        (
            p.t("outreach-age-group"),
            if pr.age_group.is_empty() {
                String::new()
            } else {
                p.t(&format!("target-{}", pr.age_group))
            },
        ),
        (
            p.t("outreach-sensitive"),
            labels(
                p,
                "outreach-sensitive-",
                &pr.sensitive,
                SensitiveCategory::as_str,
            ),
        ),
    ];
    details.retain(|(_, v)| !v.is_empty());
    details
}

async fn record_page(st: &AppState, ctx: &Ctx, r: Record) -> AppResult<RecordPage> {
    let p = PageCtx::new(st, ctx);
    let department = match r.holder.department_id {
        Some(id) => orgs::organisation(&st.db, id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let cats = offer_store::categories(&st.db).await?;
    let details = profile_details(&p, &cats, &r.profile);
    let suggestions = suggestions(st, &p, &cats, &r).await?;
    let active = r.active_scopes();
    let consents = r
        .consents
        .iter()
        .map(|c| ConsentRow {
            scope: c.scope.as_str().into(),
            scope_label: p.t(&format!("outreach-scope-{}", c.scope.as_str())),
            method: p.t(&format!("outreach-method-{}", c.method.as_str())),
            given: p.datetime(&c.given_at),
            withdrawn: c.withdrawn_at.map(|w| p.datetime(&w)).unwrap_or_default(),
            active: c.is_active(),
        })
        .collect();
    let missing: Vec<(String, String)> = ConsentScope::ALL
        .iter()
        .filter(|s| !active.contains(s))
        .map(|s| {
            (
                s.as_str().to_owned(),
                p.t(&format!("outreach-scope-{}", s.as_str())),
            )
        })
        .collect();
    let today = today(st);
    let log = r
        .log
        .iter()
        .map(|l| LogRow {
            kind: p.t(&format!("outreach-kind-{}", l.kind.as_str())),
            date: date_text(&p, l.happened_on),
            minutes: l.minutes,
            note: l.note.clone(),
        })
        .collect();
    let followups = r
        .followups
        .iter()
        .map(|f| FollowUpRow {
            id: f.id,
            due: date_text(&p, f.due_on),
            what: f.what.clone(),
            done: f.done_at.is_some(),
            overdue: f.done_at.is_none() && f.due_on < today,
        })
        .collect();
    Ok(RecordPage {
        id: r.id,
        name: r.profile.name.clone(),
        fictitious: r.fictitious,
        department,
        details,
        consents,
        missing_scopes: multi_choices(missing, &[]),
        methods: coded_choices(
            &p,
            "outreach-method-",
            ConsentMethod::NAMES,
            &[ConsentMethod::Verbal.as_str().to_owned()],
        ),
        log,
        kinds: coded_choices(&p, "outreach-kind-", ContactKind::NAMES, &[]),
        followups,
        suggestions,
        referrals: r
            .referrals
            .iter()
            .map(|x| ReferralRow {
                id: x.id,
                offer_id: x.offer_id,
                occurrence_id: x.occurrence_id,
                title: x.offer_title.clone(),
                when: x.starts_at.map(|t| p.datetime(&t)).unwrap_or_default(),
                outcome: p.t(&format!("outreach-outcome-{}", x.outcome.as_str())),
                buddy: x.buddy.clone(),
                open: x.outcome == Outcome::Suggested,
            })
            .collect(),
        today: today.to_string(),
        ctx: p,
    })
}

/// Reads a record for a page (one audit row), after the policy said yes.
pub(crate) async fn read_record(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    purpose: &str,
) -> AppResult<Record> {
    authorize_record(st, ctx, id).await?;
    store::record(
        &st.db,
        &st.config.outreach_key,
        id,
        &auditor(ctx, purpose),
        st.now(),
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// `GET /outreach/contacts/{id}`: the record.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let r = read_record(&st, &ctx, id, "follow-up").await?;
    Ok(page(&record_page(&st, &ctx, r).await?))
}

/// `GET /outreach/contacts/{id}/edit`: what is known, as a form.
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let r = read_record(&st, &ctx, id, "update").await?;
    let f = ContactForm::from_profile(&r.profile, r.holder.department_id);
    Ok(page(
        &form_page(
            &st,
            &ctx,
            format!("/outreach/contacts/{id}/edit"),
            false,
            f,
            FormErrors::default(),
        )
        .await?,
    ))
}

/// `POST /outreach/contacts/{id}/edit`: saves what is known, under the person's consents.
pub async fn update(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let f = ContactForm::parse(&body);
    let mut problems = Vec::new();
    let profile = f.profile(&mut problems);
    let result = if problems.is_empty() {
        store::update_profile(
            &st.db,
            &st.config.outreach_key,
            id,
            &profile,
            ctx.actor.user_id,
            &auditor(&ctx, "update"),
            st.now(),
        )
        .await?
    } else {
        Ok(())
    };
    if let Err(missing) = result {
        problems.push(consent_problem(missing));
    }
    if !problems.is_empty() {
        let errors = FormErrors::new(ctx.locale, &problems);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                &st,
                &ctx,
                format!("/outreach/contacts/{id}/edit"),
                false,
                f,
                errors,
            )
            .await?,
        ));
    }
    Ok(Redirect::to(&format!(
        "/outreach/contacts/{id}?notice=notice-outreach-saved"
    ))
    .into_response())
}

/// A contact being logged.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogForm {
    kind: String,
    date: String,
    minutes: String,
    note: String,
}

fn back(id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/outreach/contacts/{id}?notice={notice}")).into_response()
}

fn consent_refusal(missing: ConsentMissing) -> AppError {
    AppError::Invalid(vec![consent_problem(missing)])
}

/// `POST /outreach/contacts/{id}/log`: logs a contact.
pub async fn add_log(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<LogForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let mut problems = Vec::new();
    let kind = ContactKind::parse(&f.kind);
    if kind.is_none() {
        problems.push(FieldError::new("kind", "field-choose-from-list"));
    }
    let date = NaiveDate::parse_from_str(f.date.trim(), "%Y-%m-%d").ok();
    if date.is_none_or(|d| d > today(&st)) {
        problems.push(FieldError::new("date", "field-date-invalid"));
    }
    let minutes = match f.minutes.trim() {
        "" => None,
        m => match m.parse::<i64>() {
            Ok(n) if (1..=600).contains(&n) => Some(n),
            _ => {
                problems.push(FieldError::new("minutes", "field-number-invalid"));
                None
            }
        },
    };
    let (Some(kind), Some(happened_on), true) = (kind, date, problems.is_empty()) else {
        return Err(AppError::Invalid(problems));
    };
    let entry = NewLogEntry {
        kind,
        happened_on,
        minutes,
        note: f.note.trim().chars().take(2000).collect(),
    };
    store::add_log(
        &st.db,
        &st.config.outreach_key,
        id,
        &entry,
        &auditor(&ctx, "contact log"),
        st.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(back(id, "notice-outreach-logged"))
}

/// A follow-up being added.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    due: String,
    what: String,
}

/// `POST /outreach/contacts/{id}/followups`: adds a follow-up.
pub async fn add_followup(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<FollowUpForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let Ok(due) = NaiveDate::parse_from_str(f.due.trim(), "%Y-%m-%d") else {
        return Err(AppError::field("due", "field-date-invalid"));
    };
    let what = f.what.trim();
    if what.is_empty() {
        return Err(AppError::field("what", "field-required"));
    }
    store::add_followup(
        &st.db,
        &st.config.outreach_key,
        id,
        due,
        &what.chars().take(500).collect::<String>(),
        &auditor(&ctx, "follow-up"),
        st.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(back(id, "notice-outreach-followup-added"))
}

/// `POST /outreach/contacts/{id}/followups/{followup}/done`.
pub async fn followup_done(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, followup)): Path<(i64, i64)>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    store::complete_followup(&st.db, id, followup, &auditor(&ctx, "follow-up"), st.now()).await?;
    Ok(back(id, "notice-outreach-followup-done"))
}

/// A consent given or withdrawn.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    scope: String,
    method: String,
}

/// `POST /outreach/contacts/{id}/consents`: records a consent given later.
pub async fn give_consent(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ConsentForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let (Some(scope), Some(method)) = (
        ConsentScope::parse(&f.scope),
        ConsentMethod::parse(&f.method),
    ) else {
        return Err(AppError::field("scope", "field-choose-from-list"));
    };
    store::give_consent(
        &st.db,
        id,
        &NewConsent {
            scope,
            method,
            text: consent_text(scope),
        },
        &auditor(&ctx, "consent"),
        st.now(),
    )
    .await?;
    Ok(back(id, "notice-outreach-consent-given"))
}

/// `POST /outreach/contacts/{id}/consents/withdraw`: withdraws a consent in one action;
/// withdrawing registration erases the record.
pub async fn withdraw_consent(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ConsentForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let Some(scope) = ConsentScope::parse(&f.scope) else {
        return Err(AppError::field("scope", "field-choose-from-list"));
    };
    let done = store::withdraw_consent(
        &st.db,
        &st.config.outreach_key,
        id,
        scope,
        &auditor(&ctx, "consent withdrawn"),
        st.now(),
    )
    .await?;
    Ok(match done {
        store::Withdrawal::Erased => {
            Redirect::to("/outreach?notice=notice-outreach-erased").into_response()
        }
        _ => back(id, "notice-outreach-consent-withdrawn"),
    })
}

/// The erasure form: the caretaker confirms the person asked for it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EraseForm {
    confirm: String,
}

/// `POST /outreach/contacts/{id}/erase`: erases the record at the person's request (the
/// caretaker ticks that the person asked).
pub async fn erase(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<EraseForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    if f.confirm != "1" {
        return Err(AppError::field(
            "confirm",
            "outreach-erase-confirm-required",
        ));
    }
    erase_on_request(&st, &ctx, id).await?;
    Ok(Redirect::to("/outreach?notice=notice-outreach-erased").into_response())
}

/// Erases a record at the person's request, after the policy said yes: the times referrals
/// signed them up for are cancelled first through Join (so whoever waits gets the place),
/// then the record goes with everything under it.
pub(crate) async fn erase_on_request(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<()> {
    for signup in store::upcoming_referral_signups(&st.db, id, st.now()).await? {
        crate::pages::join::cancel_and_promote(st, signup).await?;
    }
    if !store::erase(&st.db, id, &auditor(ctx, "erasure on request"), st.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Erases outreach records without contact for the configured period (GDPR-04) and adds the
/// follow-ups for referred people who did not come; run daily by `naboskab serve`.
pub async fn run_retention_loop(st: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        tick.tick().await;
        let now = st.now();
        let cutoff = now - i64::from(st.config.outreach_retention_days) * 86_400;
        match store::purge_inactive(&st.db, cutoff, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(erased = n, "outreach retention ran"),
            Err(e) => tracing::warn!(error = %e, "outreach retention failed; retrying tomorrow"),
        }
        match follow_up_no_shows(&st).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(added = n, "follow-ups for referred people who did not come"),
            Err(e) => tracing::warn!(error = %e, "no-show follow-ups failed; retrying tomorrow"),
        }
    }
}

/// Gives every referred person who was signed up but did not come a follow-up, due today, to
/// ask why (in Danish: the job has no reader).
pub async fn follow_up_no_shows(st: &AppState) -> AppResult<usize> {
    Ok(store::follow_up_no_shows(
        &st.db,
        &st.config.outreach_key,
        &i18n::t(i18n::Locale::Da, "outreach-ask-why-no-show"),
        today(st),
        st.now(),
    )
    .await?)
}

// ----- referrals -----

/// A referral being made from a suggestion.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReferForm {
    /// The activity.
    pub offer_id: i64,
    /// "1": sign the person up for the next time, with "please welcome me".
    pub sign_up: String,
    /// Who goes along the first time (optional).
    pub buddy: String,
}

/// Signs the person up for the next time of the activity that takes sign-ups, on their
/// behalf and marked "first time — please welcome me"; `None` when there is no such time.
async fn sign_up_next(
    st: &AppState,
    ctx: &Ctx,
    offer_id: i64,
    r: &Record,
) -> AppResult<Option<(i64, i64)>> {
    let now = st.now();
    let next = naboskab_store::join::occurrences(
        &st.db,
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
            .find(|l| crate::i18n::Locale::parse(l).is_some())
            .cloned()
            .unwrap_or_else(|| "da".into()),
        bring_friend: false,
        first_time: true,
        verified: true,
        token_hash: crate::security::hash_token(&crate::security::random_token(32)),
        assisted_by: ctx.actor.user_id,
        consent_method: "in_person".into(),
    };
    use naboskab_store::join::SignupResult;
    Ok(
        match naboskab_store::join::sign_up(&st.db, &signup, now).await? {
            SignupResult::Confirmed { id } | SignupResult::Waitlisted { id, .. } => {
                Some((occ.id, id))
            }
            _ => None,
        },
    )
}

/// `POST /outreach/contacts/{id}/referrals`: refers the person to an activity the caretaker
/// chose with them, signing them up for the next time when asked.
pub async fn refer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ReferForm>,
) -> AppResult<Response> {
    let made = make_referral(&st, &ctx, id, &f).await?;
    let notice = match (f.sign_up == "1", made.signed_up) {
        (true, None) => "notice-outreach-referred-no-time",
        (true, Some(_)) => "notice-outreach-referred-signed-up",
        _ => "notice-outreach-referred",
    };
    Ok(back(id, notice))
}

/// A referral as made.
pub(crate) struct MadeReferral {
    /// Its id.
    pub id: i64,
    /// The time and sign-up, when the person was signed up.
    pub signed_up: Option<(i64, i64)>,
}

/// Refers the person to a published activity (one audit row), signing them up for its next
/// time with "please welcome me" when the form asks and there is such a time.
pub(crate) async fn make_referral(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    f: &ReferForm,
) -> AppResult<MadeReferral> {
    let r = read_record(st, ctx, id, "referral").await?;
    if naboskab_store::offers::offer(&st.db, f.offer_id)
        .await?
        .is_none_or(|o| o.status != "published")
    {
        return Err(AppError::field("offer_id", "field-choose-from-list"));
    }
    if f.buddy.trim().chars().count() > 100 {
        return Err(AppError::field("buddy", "field-too-long"));
    }
    let sign_up = f.sign_up == "1";
    let signed_up = if sign_up {
        sign_up_next(st, ctx, f.offer_id, &r).await?
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
        &st.db,
        &st.config.outreach_key,
        id,
        &referral,
        &auditor(ctx, "referral"),
        st.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(MadeReferral { id, signed_up })
}

/// What the person answered.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    status: String,
}

/// `POST /outreach/contacts/{id}/referrals/{referral}/answer`: the person said yes or no; a
/// "no" gets a follow-up to ask why.
pub async fn answer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, referral)): Path<(i64, i64)>,
    Form(f): Form<AnswerForm>,
) -> AppResult<Response> {
    authorize_record(&st, &ctx, id).await?;
    let status = match ReferralStatus::parse(&f.status) {
        Some(s @ (ReferralStatus::Accepted | ReferralStatus::Declined)) => s,
        _ => return Err(AppError::field("status", "field-choose-from-list")),
    };
    let who = auditor(&ctx, "referral");
    let now = st.now();
    if !store::set_referral_status(&st.db, id, referral, status, &who, now).await? {
        return Err(AppError::NotFound);
    }
    if status == ReferralStatus::Declined {
        store::add_followup(
            &st.db,
            &st.config.outreach_key,
            id,
            today(&st) + chrono::Duration::days(7),
            &i18n::t(ctx.locale, "outreach-ask-why"),
            &who,
            now,
        )
        .await?
        .map_err(consent_refusal)?;
    }
    Ok(back(id, "notice-outreach-answer-saved"))
}

// ----- data-subject export -----

/// Everything about a person, as handed to them (GDPR art. 15 and 20).
#[derive(serde::Serialize)]
pub(crate) struct Export {
    exported_at: String,
    record: ExportRecord,
    /// Who looked at or changed the record: when, in which role, what, why.
    access_log: Vec<ExportAccess>,
}

#[derive(serde::Serialize)]
struct ExportRecord {
    id: i64,
    housing_organisation: String,
    department: Option<String>,
    created_at: String,
    last_contact_at: String,
    profile: Profile,
    consents: Vec<ConsentOut>,
    contact_log: Vec<LogOut>,
    follow_ups: Vec<FollowUpOut>,
    referrals: Vec<ReferralOut>,
}

#[derive(serde::Serialize)]
struct ExportAccess {
    at: String,
    role: String,
    action: String,
    purpose: String,
}

/// A time as RFC 3339 in Danish local time (exports and the API).
pub(crate) fn at_text(t: i64) -> String {
    crate::api::occurrences::rfc3339_local(
        chrono::DateTime::from_timestamp(t, 0).unwrap_or_default(),
    )
}

/// Reads the export (one audit row, action `export`) after the policy said yes.
pub(crate) async fn export_of(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Export> {
    authorize_record(st, ctx, id).await?;
    let (r, trail) = store::export(
        &st.db,
        &st.config.outreach_key,
        id,
        &auditor(ctx, "data-subject request"),
        st.now(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    export_view(st, r, trail).await
}

/// A record and its audit trail as the export shows them.
pub(crate) async fn export_view(
    st: &AppState,
    r: Record,
    trail: Vec<naboskab_store::audit::AuditRow>,
) -> AppResult<Export> {
    let name_of = |org: Option<i64>| async move {
        match org {
            Some(o) => orgs::organisation(&st.db, o)
                .await
                .map(|x| x.map(|x| x.name)),
            None => Ok(None),
        }
    };
    Ok(Export {
        exported_at: at_text(st.now()),
        record: ExportRecord {
            id: r.id,
            housing_organisation: name_of(Some(r.holder.housing_org_id))
                .await?
                .unwrap_or_default(),
            department: name_of(r.holder.department_id).await?,
            created_at: at_text(r.created_at),
            last_contact_at: at_text(r.last_contact_at),
            consents: r.consents.iter().map(consent_out).collect(),
            contact_log: r.log.iter().map(log_out).collect(),
            follow_ups: r.followups.iter().map(followup_out).collect(),
            referrals: r.referrals.iter().map(referral_out).collect(),
            profile: r.profile,
        },
        access_log: trail
            .into_iter()
            .map(|a| ExportAccess {
                at: at_text(a.at),
                role: a.actor_role,
                action: a.action,
                purpose: a.purpose,
            })
            .collect(),
    })
}

/// `GET /outreach/contacts/{id}/export.json`: the export as a JSON file.
pub async fn export_json(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let export = export_of(&st, &ctx, id).await?;
    let body =
        serde_json::to_string_pretty(&export).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"naboskab-record-{id}.json\""),
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "outreach_export.html")]
struct ExportPage {
    ctx: PageCtx,
    id: i64,
    inspection: Option<String>,
    e: Export,
    details: Vec<(String, String)>,
    consents: Vec<(String, String, String, String)>,
    log: Vec<(String, String, String)>,
    followups: Vec<(String, String, String)>,
    referrals: Vec<(String, String, String)>,
    access: Vec<(String, String, String, String)>,
}

/// `GET /outreach/contacts/{id}/export`: the same as a readable page to print or hand over.
pub async fn export_page(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let e = export_of(&st, &ctx, id).await?;
    Ok(page(&readable_export(&st, &ctx, id, e, None).await?))
}

/// The export as a readable page; `inspection` is the reason a platform administrator gave
/// (the page then says so, and links nowhere into the caretakers' pages).
pub(crate) async fn readable_export(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    e: Export,
    inspection: Option<String>,
) -> AppResult<impl askama::Template> {
    let p = PageCtx::new(st, ctx);
    let when = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .map(|d| p.datetime(&d.timestamp()))
            .unwrap_or_default()
    };
    let cats = offer_store::categories(&st.db).await?;
    let mut details = vec![(p.t("outreach-name"), e.record.profile.name.clone())];
    details.extend(profile_details(&p, &cats, &e.record.profile));
    if let Some(department) = &e.record.department {
        details.push((p.t("outreach-department"), department.clone()));
    }
    let consents = e
        .record
        .consents
        .iter()
        .map(|c| {
            (
                p.t(&format!("outreach-scope-{}", c.scope)),
                p.t(&format!("outreach-method-{}", c.method)),
                when(&c.given_at),
                c.withdrawn_at.as_deref().map(when).unwrap_or_default(),
            )
        })
        .collect();
    let log = e
        .record
        .contact_log
        .iter()
        .map(|l| {
            (
                l.date.clone(),
                p.t(&format!("outreach-kind-{}", l.kind)),
                l.note.clone(),
            )
        })
        .collect();
    let followups = e
        .record
        .follow_ups
        .iter()
        .map(|f| {
            (
                f.due.clone(),
                f.what.clone(),
                f.done_at.as_deref().map(when).unwrap_or_default(),
            )
        })
        .collect();
    let referrals = e
        .record
        .referrals
        .iter()
        .map(|x| {
            let activity = match x.buddy.as_str() {
                "" => x.activity.clone(),
                buddy => format!("{} ({} {buddy})", x.activity, p.t("outreach-buddy-with")),
            };
            (
                activity,
                when(&x.created_at),
                p.t(&format!("outreach-outcome-{}", x.outcome)),
            )
        })
        .collect();
    let access = e
        .access_log
        .iter()
        .map(|a| {
            (
                when(&a.at),
                a.role.clone(),
                a.action.clone(),
                a.purpose.clone(),
            )
        })
        .collect();
    Ok(ExportPage {
        ctx: p,
        id,
        inspection,
        details,
        consents,
        log,
        followups,
        referrals,
        access,
        e,
    })
}
