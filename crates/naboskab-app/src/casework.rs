//! A social caretaker's daily work on outreach records, after the first meeting: the caseload
//! (new "contact me" requests, follow-ups, referrals waiting for an outcome, everyone
//! followed), what is known about the person, the contact log, follow-ups, consents given and
//! withdrawn, and the person's answer to a referral. Every use case asks the policy with the
//! record's holder first ([`crate::reach::authorize_record`]); the store writes the audit row
//! in the same transaction, and a write the person's consents do not allow is refused naming
//! the missing consent.

use crate::App;
use crate::calendar::today;
use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::reach::{
    auditor, authorize_orgs, authorize_record, caretaker_orgs, consent_problem, consent_refusal,
    consent_text, departments,
};
use chrono::{Duration, NaiveDate};
use naboskab_domain::Actor;
use naboskab_domain::reach::{ConsentMethod, ConsentScope, ContactKind, Profile, ReferralStatus};
use naboskab_store::offers::ContactRequest;
use naboskab_store::orgs::Organisation;
use naboskab_store::reach::{
    self as store, CaseloadEntry, NewConsent, NewLogEntry, WaitingReferral, Withdrawal,
};

/// The caretaker's day.
#[derive(Debug, Clone)]
pub struct Caseload {
    /// Everyone followed, with their next follow-up.
    pub people: Vec<CaseloadEntry>,
    /// "Contact me" requests nobody has answered yet.
    pub requests: Vec<ContactRequest>,
    /// Referrals whose outcome is not known yet.
    pub waiting: Vec<WaitingReferral>,
    /// The departments of the caretaker's housing organisations, by name.
    pub departments: Vec<Organisation>,
    /// Today, to tell which follow-ups are overdue.
    pub today: NaiveDate,
}

/// The actor's caseload across the housing organisations they are social caretaker for.
pub async fn caseload(app: &App, actor: &Actor) -> Result<Caseload> {
    let held = caretaker_orgs(actor);
    authorize_orgs(actor, &held)?;
    let who = auditor(actor, "caseload");
    let now = app.now();
    let key = &app.config.outreach_key;
    Ok(Caseload {
        people: store::caseload(&app.db, key, &held, &who, now).await?,
        requests: store::open_requests(&app.db, key, &held, &who, now).await?,
        waiting: store::waiting_referrals(&app.db, key, &held, &who, now).await?,
        departments: departments(app, &held).await?,
        today: today(app),
    })
}

/// Everyone the actor follows, with their next follow-up (the API's caseload).
pub async fn people(app: &App, actor: &Actor) -> Result<Vec<CaseloadEntry>> {
    let held = caretaker_orgs(actor);
    authorize_orgs(actor, &held)?;
    Ok(store::caseload(
        &app.db,
        &app.config.outreach_key,
        &held,
        &auditor(actor, "caseload"),
        app.now(),
    )
    .await?)
}

/// An open "contact me" request to the actor's housing organisations, to fill in the
/// first-meeting form; not found when it is not open or not theirs.
pub async fn open_request(app: &App, actor: &Actor, id: i64) -> Result<ContactRequest> {
    let held = caretaker_orgs(actor);
    authorize_orgs(actor, &held)?;
    let who = auditor(actor, "first contact");
    store::open_requests(&app.db, &app.config.outreach_key, &held, &who, app.now())
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(Error::NotFound)
}

/// Saves what is known about the person, under their consents (a sensitive detail without
/// the consent for it is refused, naming the consent).
pub async fn update_profile(app: &App, actor: &Actor, id: i64, profile: &Profile) -> Result<()> {
    authorize_record(app, actor, id).await?;
    store::update_profile(
        &app.db,
        &app.config.outreach_key,
        id,
        profile,
        actor.user_id,
        &auditor(actor, "update"),
        app.now(),
    )
    .await?
    .map_err(|missing| Error::Invalid(vec![consent_problem(missing)]))
}

/// A contact being logged, as typed.
#[derive(Debug, Clone, Default)]
pub struct LogDraft {
    /// The kind of contact (visit, phone, …).
    pub kind: String,
    /// When, `YYYY-MM-DD`, not in the future.
    pub date: String,
    /// How long, in minutes (1–600), or empty.
    pub minutes: String,
    /// What happened (kept to 2,000 characters).
    pub note: String,
}

/// Logs a contact with the person; every problem with the entry is named.
pub async fn log_contact(app: &App, actor: &Actor, id: i64, d: &LogDraft) -> Result<()> {
    authorize_record(app, actor, id).await?;
    let mut problems = Vec::new();
    let kind = ContactKind::parse(&d.kind);
    if kind.is_none() {
        problems.push(FieldError::new("kind", "field-choose-from-list"));
    }
    let date = NaiveDate::parse_from_str(d.date.trim(), "%Y-%m-%d").ok();
    if date.is_none_or(|day| day > today(app)) {
        problems.push(FieldError::new("date", "field-date-invalid"));
    }
    let minutes = match d.minutes.trim() {
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
        return Err(Error::Invalid(problems));
    };
    let entry = NewLogEntry {
        kind,
        happened_on,
        minutes,
        note: d.note.trim().chars().take(2000).collect(),
    };
    store::add_log(
        &app.db,
        &app.config.outreach_key,
        id,
        &entry,
        &auditor(actor, "contact log"),
        app.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(())
}

/// Adds a follow-up: a date (`YYYY-MM-DD`) and what to do (kept to 500 characters).
pub async fn add_followup(app: &App, actor: &Actor, id: i64, due: &str, what: &str) -> Result<()> {
    authorize_record(app, actor, id).await?;
    let Ok(due) = NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d") else {
        return Err(Error::Invalid(vec![FieldError::new(
            "due",
            "field-date-invalid",
        )]));
    };
    let what = what.trim();
    if what.is_empty() {
        return Err(Error::Invalid(vec![FieldError::new(
            "what",
            "field-required",
        )]));
    }
    store::add_followup(
        &app.db,
        &app.config.outreach_key,
        id,
        due,
        &what.chars().take(500).collect::<String>(),
        &auditor(actor, "follow-up"),
        app.now(),
    )
    .await?
    .map_err(consent_refusal)?;
    Ok(())
}

/// Marks a follow-up done.
pub async fn complete_followup(app: &App, actor: &Actor, id: i64, followup: i64) -> Result<()> {
    authorize_record(app, actor, id).await?;
    store::complete_followup(
        &app.db,
        id,
        followup,
        &auditor(actor, "follow-up"),
        app.now(),
    )
    .await?;
    Ok(())
}

/// Records a consent the person gave later, with the text they agreed to.
pub async fn give_consent(
    app: &App,
    actor: &Actor,
    id: i64,
    scope: &str,
    method: &str,
) -> Result<()> {
    authorize_record(app, actor, id).await?;
    let (Some(scope), Some(method)) = (ConsentScope::parse(scope), ConsentMethod::parse(method))
    else {
        return Err(Error::Invalid(vec![FieldError::new(
            "scope",
            "field-choose-from-list",
        )]));
    };
    store::give_consent(
        &app.db,
        id,
        &NewConsent {
            scope,
            method,
            text: consent_text(scope),
        },
        &auditor(actor, "consent"),
        app.now(),
    )
    .await?;
    Ok(())
}

/// Withdraws a consent in one action; withdrawing the registration erases the record.
pub async fn withdraw_consent(
    app: &App,
    actor: &Actor,
    id: i64,
    scope: &str,
) -> Result<Withdrawal> {
    authorize_record(app, actor, id).await?;
    let Some(scope) = ConsentScope::parse(scope) else {
        return Err(Error::Invalid(vec![FieldError::new(
            "scope",
            "field-choose-from-list",
        )]));
    };
    Ok(store::withdraw_consent(
        &app.db,
        &app.config.outreach_key,
        id,
        scope,
        &auditor(actor, "consent withdrawn"),
        app.now(),
    )
    .await?)
}

/// The person said yes or no to a referral; a "no" gets a follow-up in a week to ask why,
/// worded in `locale`.
pub async fn answer_referral(
    app: &App,
    actor: &Actor,
    id: i64,
    referral: i64,
    status: &str,
    locale: Locale,
) -> Result<()> {
    authorize_record(app, actor, id).await?;
    let status = match ReferralStatus::parse(status) {
        Some(s @ (ReferralStatus::Accepted | ReferralStatus::Declined)) => s,
        _ => {
            return Err(Error::Invalid(vec![FieldError::new(
                "status",
                "field-choose-from-list",
            )]));
        }
    };
    let who = auditor(actor, "referral");
    let now = app.now();
    if !store::set_referral_status(&app.db, id, referral, status, &who, now).await? {
        return Err(Error::NotFound);
    }
    if status == ReferralStatus::Declined {
        store::add_followup(
            &app.db,
            &app.config.outreach_key,
            id,
            today(app) + Duration::days(7),
            &i18n::t(locale, "outreach-ask-why"),
            &who,
            now,
        )
        .await?
        .map_err(consent_refusal)?;
    }
    Ok(())
}
