//! Reach for social caretakers: the caseload (new "contact me" requests, follow-ups that are
//! due, everyone followed), a person's record with consents, the contact log and follow-ups,
//! and the form that creates a record at the first meeting.
//!
//! Only the social caretakers of the housing organisation that holds a record reach it
//! ([`Action::WorkWithOutreach`]); the policy is asked with the record's holder before anything
//! personal is read, and every read and write goes through [`naboskab_store::reach`], which
//! writes the audit row in the same transaction. Records are sealed at rest with the
//! installation's key ([`crate::state::WebConfig::outreach_key`]).

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, language_name};
use crate::outreach_export::{Export, export_of};
use crate::pages::offers::{Choice, multi_choices};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveTime};
use naboskab_app::casework;
use naboskab_app::reach::{
    ContactForm, ReferralRequest, SuggestionRow, authorize_orgs, authorize_record, caretaker_orgs,
    checked_contact, departments, erase_on_request, make_referral, read_record, store_contact,
    suggestions,
};
use naboskab_domain::offer::{LANGUAGES, TARGET_GROUPS, WEEKDAYS};
use naboskab_domain::reach::{
    ConsentMethod, ConsentScope, ContactKind, DayPart, Need, Outcome, Profile, SensitiveCategory,
};
use naboskab_domain::schedule::local_to_utc;
use naboskab_store::offers::{self as offer_store, ContactRequest};
use naboskab_store::reach::{self as store, Record};
use serde::Deserialize;

fn date_text(ctx: &PageCtx, day: NaiveDate) -> String {
    i18n::format_date(
        ctx.locale,
        local_to_utc(day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN))),
    )
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
    let load = casework::caseload(&st.app, &ctx.actor).await?;
    let (entries, requests, waiting, deps) =
        (load.people, load.requests, load.waiting, load.departments);
    let dep_name = |id: Option<i64>| {
        id.and_then(|id| deps.iter().find(|d| d.id == id))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let p = PageCtx::new(&st, &ctx);
    let today = load.today;
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
            language: language_name(&r.preferred_language).to_owned(),
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

/// The contact form from a form body (repeated fields are the lists).
fn parse_contact_form(body: &str) -> ContactForm {
    let pairs = crate::input::form_pairs(body);
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
    let deps = departments(&st.app, &caretaker_orgs(&ctx.actor)).await?;
    let cats = naboskab_app::find::categories(&st.app).await?;
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
                .map(|l| (l.to_string(), language_name(l).to_owned()))
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
    authorize_orgs(&ctx.actor, &caretaker_orgs(&ctx.actor))?;
    let f = match q.request {
        Some(id) => {
            ContactForm::from_request(&casework::open_request(&st.app, &ctx.actor, id).await?)
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
/// `POST /outreach/contacts`: creates a record with the consents given.
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    let f = parse_contact_form(&body);
    match checked_contact(&st.app, &ctx.actor, &f).await? {
        Ok((new, consents)) => {
            let id = store_contact(&st.app, &ctx.actor, &new, &consents).await?;
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
                .map(|l| language_name(l))
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
        Some(id) => naboskab_app::places::name_of(&st.app, id)
            .await?
            .unwrap_or_default(),
        None => String::new(),
    };
    let cats = naboskab_app::find::categories(&st.app).await?;
    let details = profile_details(&p, &cats, &r.profile);
    let suggestions = suggestions(&st.app, p.locale, &cats, &r).await?;
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
    let today = naboskab_app::calendar::today(&st.app);
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

/// `GET /outreach/contacts/{id}`: the record.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let r = read_record(&st.app, &ctx.actor, id, "follow-up").await?;
    Ok(page(&record_page(&st, &ctx, r).await?))
}

/// `GET /outreach/contacts/{id}/edit`: what is known, as a form.
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let r = read_record(&st.app, &ctx.actor, id, "update").await?;
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
    authorize_record(&st.app, &ctx.actor, id).await?;
    let f = parse_contact_form(&body);
    let mut problems = Vec::new();
    let profile = f.profile(&mut problems);
    if problems.is_empty() {
        match casework::update_profile(&st.app, &ctx.actor, id, &profile).await {
            Ok(()) => {}
            Err(naboskab_app::Error::Invalid(refused)) => problems = refused,
            Err(e) => return Err(e.into()),
        }
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

/// `POST /outreach/contacts/{id}/log`: logs a contact.
pub async fn add_log(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<LogForm>,
) -> AppResult<Response> {
    let draft = casework::LogDraft {
        kind: f.kind,
        date: f.date,
        minutes: f.minutes,
        note: f.note,
    };
    casework::log_contact(&st.app, &ctx.actor, id, &draft).await?;
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
    casework::add_followup(&st.app, &ctx.actor, id, &f.due, &f.what).await?;
    Ok(back(id, "notice-outreach-followup-added"))
}

/// `POST /outreach/contacts/{id}/followups/{followup}/done`.
pub async fn followup_done(
    State(st): State<AppState>,
    ctx: Ctx,
    Path((id, followup)): Path<(i64, i64)>,
) -> AppResult<Response> {
    casework::complete_followup(&st.app, &ctx.actor, id, followup).await?;
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
    casework::give_consent(&st.app, &ctx.actor, id, &f.scope, &f.method).await?;
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
    let done = casework::withdraw_consent(&st.app, &ctx.actor, id, &f.scope).await?;
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
    authorize_record(&st.app, &ctx.actor, id).await?;
    if f.confirm != "1" {
        return Err(AppError::field(
            "confirm",
            "outreach-erase-confirm-required",
        ));
    }
    erase_on_request(&st.app, &ctx.actor, id).await?;
    Ok(Redirect::to("/outreach?notice=notice-outreach-erased").into_response())
}

// ----- referrals -----

/// A referral being made from a suggestion, as the form sends it.
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

impl ReferForm {
    fn request(&self) -> ReferralRequest {
        ReferralRequest {
            offer_id: self.offer_id,
            sign_up: self.sign_up == "1",
            buddy: self.buddy.clone(),
        }
    }
}

/// `POST /outreach/contacts/{id}/referrals`: refers the person to an activity the caretaker
/// chose with them, signing them up for the next time when asked.
pub async fn refer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ReferForm>,
) -> AppResult<Response> {
    let made = make_referral(&st.app, &ctx.actor, id, &f.request()).await?;
    let notice = match (f.sign_up == "1", made.signed_up) {
        (true, None) => "notice-outreach-referred-no-time",
        (true, Some(_)) => "notice-outreach-referred-signed-up",
        _ => "notice-outreach-referred",
    };
    Ok(back(id, notice))
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
    casework::answer_referral(&st.app, &ctx.actor, id, referral, &f.status, ctx.locale).await?;
    Ok(back(id, "notice-outreach-answer-saved"))
}

// ----- data-subject export -----

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
    let cats = naboskab_app::find::categories(&st.app).await?;
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
