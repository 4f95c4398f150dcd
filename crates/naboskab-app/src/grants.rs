//! Fund's grants: a municipality's officers open calls (a §18 pool and its rules), which
//! everyone may read; [`applications`] are written to them with their [`documents`],
//! [`reviews`] scored by the
//! municipality, and [`reports`] made on what
//! was granted; [`printing`] puts an application and its decision letter on paper (PDF). Money is whole øre, typed as
//! kroner in forms ([`Amount`]), and every total is computed, never typed.

pub mod applications;
pub mod documents;
pub mod printing;
pub mod reports;
pub mod reviews;

use crate::error::{Error, FieldError, Result};
use crate::{App, authorize};
use chrono::{DateTime, NaiveDateTime};
use naboskab_domain::grants::{self as rules, Applicant, FocusArea, MAX_LINE_ORE};
use naboskab_domain::{Action, Actor, OrgKind, Resource, Role};
use naboskab_store::audit::Auditor;
use naboskab_store::grants::{self as store, CallFields, GrantCall};
use naboskab_store::orgs::{self, Organisation};

/// Longest title of a call, an application or an activity.
pub(crate) const TITLE_MAX_CHARS: usize = 200;
/// Longest free text (a description, a summary, a reason).
pub(crate) const TEXT_MAX_CHARS: usize = 10_000;
/// Most activities, and most lines of each kind, in one application.
pub(crate) const MAX_PARTS: usize = 50;

/// An amount as it arrived: øre from the API, kroner as typed in a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    /// Whole øre.
    Ore(i64),
    /// Kroner as typed ("12.500", "12500,50"); empty means nothing was typed.
    Kroner(String),
}

impl Default for Amount {
    fn default() -> Amount {
        Amount::Kroner(String::new())
    }
}

impl Amount {
    /// The amount in øre; `None` when nothing was typed; an error key when it cannot be read
    /// or is negative.
    fn ore(&self) -> std::result::Result<Option<i64>, &'static str> {
        match self {
            Amount::Ore(n) if *n < 0 => Err("field-amount-negative"),
            Amount::Ore(n) => Ok(Some(*n)),
            Amount::Kroner(t) if t.trim().is_empty() => Ok(None),
            Amount::Kroner(t) if t.trim().starts_with('-') => Err("field-amount-negative"),
            Amount::Kroner(t) => rules::parse_kroner(t)
                .map(Some)
                .ok_or("field-amount-invalid"),
        }
    }
}

/// Collects every problem of a form before answering.
#[derive(Default)]
pub(crate) struct Problems(Vec<FieldError>);

impl Problems {
    pub(crate) fn add(&mut self, field: &str, key: &'static str) {
        self.0.push(FieldError::new(field, key));
    }

    /// A required text of at most `max` characters, trimmed.
    pub(crate) fn text(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let v = value.trim();
        if required && v.is_empty() {
            self.add(field, "field-required");
        } else if v.chars().count() > max {
            self.add(field, "field-too-long");
        }
        v.to_owned()
    }

    /// An amount; `required` refuses an empty one.
    pub(crate) fn amount(&mut self, field: &str, value: &Amount, required: bool) -> Option<i64> {
        match value.ore() {
            Ok(Some(ore)) if ore > MAX_LINE_ORE => {
                self.add(field, "field-amount-too-large");
                None
            }
            Ok(Some(ore)) => Some(ore),
            Ok(None) => {
                if required {
                    self.add(field, "field-required");
                }
                None
            }
            Err(key) => {
                self.add(field, key);
                None
            }
        }
    }

    pub(crate) fn done<T>(self, value: T) -> Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::Invalid(self.0))
        }
    }
}

/// A moment as typed: RFC 3339 with an offset (the API), or Copenhagen wall time as an HTML
/// `datetime-local` field sends it ("2027-03-01T12:00").
pub fn parse_moment(typed: &str) -> Option<i64> {
    let t = typed.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Some(at.timestamp());
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .map(rules::wall_time_to_utc)
}

// ----- calls -----

/// A call as the municipality typed it.
#[derive(Debug, Clone, Default)]
pub struct CallDraft {
    /// Title.
    pub title: String,
    /// What the pool is for.
    pub description: String,
    /// The year the money is for.
    pub year: String,
    /// The whole pool.
    pub pool: Amount,
    /// The most one application may get.
    pub max_amount: Amount,
    /// Opening (see [`parse_moment`]).
    pub opens_at: String,
    /// Deadline (see [`parse_moment`]).
    pub deadline: String,
    /// Focus areas by stable name.
    pub focus_areas: Vec<String>,
    /// Who may apply, by stable name.
    pub applicants: Vec<String>,
    /// Target groups in the municipality's words.
    pub target_groups: String,
    /// Certified accounts above this amount (empty: never).
    pub certified_accounts_above: Amount,
    /// Questions, one per line.
    pub questions: String,
    /// What the committee scores by, one per line.
    pub criteria: String,
    /// When the report on a grant is due (see [`parse_moment`]); empty: no deadline.
    pub report_due: String,
    /// The documents every application must attach, one per line.
    pub documents: String,
}

/// Checks a call with every problem named: a title, a year 2000–2100, a pool and a maximum
/// (the maximum at most the pool), an opening before the deadline, known focus areas and
/// applicants (at least one of each).
pub fn check_call(d: &CallDraft) -> Result<CallFields> {
    let mut p = Problems::default();
    let title = p.text("title", &d.title, true, TITLE_MAX_CHARS);
    let description = p.text("description", &d.description, false, TEXT_MAX_CHARS);
    let year = match d.year.trim().parse::<i32>() {
        Ok(y) if (2000..=2100).contains(&y) => y,
        _ => {
            p.add("year", "field-year-invalid");
            0
        }
    };
    let pool_ore = p.amount("pool", &d.pool, true).unwrap_or(0);
    let max_amount_ore = p.amount("max_amount", &d.max_amount, true).unwrap_or(0);
    if max_amount_ore > pool_ore && pool_ore > 0 {
        p.add("max_amount", "field-grant-max-over-pool");
    }
    let opens_at = parse_moment(&d.opens_at);
    let deadline_at = parse_moment(&d.deadline);
    if opens_at.is_none() {
        p.add("opens_at", "field-datetime-invalid");
    }
    if deadline_at.is_none() {
        p.add("deadline", "field-datetime-invalid");
    }
    if let (Some(o), Some(dl)) = (opens_at, deadline_at)
        && dl <= o
    {
        p.add("deadline", "field-grant-deadline-before-opening");
    }
    let focus_areas = closed_set(&mut p, "focus_areas", &d.focus_areas, FocusArea::parse);
    let applicants = closed_set(&mut p, "applicants", &d.applicants, Applicant::parse);
    let target_groups = p.text("target_groups", &d.target_groups, false, TEXT_MAX_CHARS);
    let certified_accounts_above_ore = p.amount(
        "certified_accounts_above",
        &d.certified_accounts_above,
        false,
    );
    let report_due_at = match d.report_due.trim() {
        "" => None,
        typed => {
            let at = parse_moment(typed);
            match (at, deadline_at) {
                (None, _) => p.add("report_due", "field-datetime-invalid"),
                (Some(r), Some(dl)) if r <= dl => {
                    p.add("report_due", "field-grant-report-due-before-deadline")
                }
                _ => {}
            }
            at
        }
    };
    let questions = line_list(&mut p, "questions", &d.questions);
    if questions
        .iter()
        .any(|q| !rules::Question::parse(q).is_well_formed())
    {
        p.add("questions", "field-grant-question-malformed");
    }
    let criteria = line_list(&mut p, "criteria", &d.criteria);
    let documents = line_list(&mut p, "documents", &d.documents);
    if documents.len() > naboskab_domain::documents::MAX_DOCUMENTS {
        p.add("documents", "field-too-many");
    }
    p.done(CallFields {
        title,
        description,
        year,
        pool_ore,
        max_amount_ore,
        opens_at: opens_at.unwrap_or(0),
        deadline_at: deadline_at.unwrap_or(0),
        focus_areas,
        applicants,
        target_groups,
        certified_accounts_above_ore,
        questions,
        criteria,
        report_due_at,
        documents,
    })
}

/// The non-empty lines of a text, each at most 500 characters and at most [`MAX_PARTS`] of
/// them.
fn line_list(p: &mut Problems, field: &str, text: &str) -> Vec<String> {
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_owned)
        .collect();
    if lines.len() > MAX_PARTS || lines.iter().any(|q| q.chars().count() > 500) {
        p.add(field, "field-too-long");
    }
    lines
}

/// At least one value, each a known stable name (duplicates dropped).
fn closed_set<T: PartialEq>(
    p: &mut Problems,
    field: &str,
    typed: &[String],
    parse: fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for name in typed.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match parse(name) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => {
                p.add(field, "field-invalid");
                return out;
            }
        }
    }
    if out.is_empty() {
        p.add(field, "field-required");
    }
    out
}

/// A municipality the actor is an officer of, found to be one.
async fn managed_municipality(app: &App, actor: &Actor, id: i64) -> Result<Organisation> {
    let org = orgs::organisation(&app.db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Municipality)
        .ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, id).await?;
    authorize(
        actor,
        Action::ManageGrantCalls,
        &Resource::Organisation { chain },
    )?;
    Ok(org)
}

pub(crate) fn auditor(actor: &Actor, role: Role, purpose: &str) -> Auditor {
    Auditor {
        user_id: actor.user_id,
        role: role.as_str().to_owned(),
        purpose: purpose.to_owned(),
    }
}

/// The municipalities whose calls the actor manages (for the "new call" form).
pub async fn municipalities_managed(app: &App, actor: &Actor) -> Result<Vec<Organisation>> {
    let mut out = Vec::new();
    for m in &actor.memberships {
        if m.role == Role::MunicipalOfficer
            && let Some(org) = orgs::organisation(&app.db, m.organisation_id).await?
            && org.kind == OrgKind::Municipality
            && !out.iter().any(|o: &Organisation| o.id == org.id)
        {
            out.push(org);
        }
    }
    Ok(out)
}

/// Opens a call for a municipality the actor is an officer of; returns its id.
pub async fn open_call(
    app: &App,
    actor: &Actor,
    municipality_id: i64,
    draft: &CallDraft,
) -> Result<i64> {
    managed_municipality(app, actor, municipality_id).await?;
    let fields = check_call(draft)?;
    let by = auditor(actor, Role::MunicipalOfficer, "grant call");
    let id = store::create_call(&app.db, municipality_id, &fields, &by, app.now()).await?;
    tracing::info!(call = id, by = ?actor.user_id, "grant call opened");
    Ok(id)
}

/// A call the actor manages, for its edit form and its list of applications.
pub async fn managed_call(app: &App, actor: &Actor, call_id: i64) -> Result<GrantCall> {
    let call = store::call(&app.db, call_id)
        .await?
        .ok_or(Error::NotFound)?;
    managed_municipality(app, actor, call.municipality_id).await?;
    Ok(call)
}

/// Changes a call the actor manages.
pub async fn change_call(app: &App, actor: &Actor, call_id: i64, draft: &CallDraft) -> Result<()> {
    managed_call(app, actor, call_id).await?;
    let fields = check_call(draft)?;
    let by = auditor(actor, Role::MunicipalOfficer, "grant call");
    if store::update_call(&app.db, call_id, &fields, &by, app.now()).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Every call (public), newest deadline first.
pub async fn calls(app: &App) -> Result<Vec<GrantCall>> {
    Ok(store::calls(&app.db, None).await?)
}

/// The calls of the municipality with this four-digit code (public).
pub async fn calls_in_municipality(app: &App, code: &str) -> Result<Vec<GrantCall>> {
    let mut calls = Vec::new();
    for m in orgs::organisations_of_kind(&app.db, OrgKind::Municipality).await? {
        if m.municipality_code.as_deref() == Some(code) {
            calls.extend(store::calls(&app.db, Some(m.id)).await?);
        }
    }
    Ok(calls)
}

/// One call (public).
pub async fn call(app: &App, id: i64) -> Result<GrantCall> {
    store::call(&app.db, id).await?.ok_or(Error::NotFound)
}

/// Whether the call takes submissions now.
pub fn is_open(app: &App, call: &GrantCall) -> bool {
    rules::is_open(call.opens_at, call.deadline_at, app.now())
}

/// Whether the actor manages the call (the page shows the officer's links).
pub async fn manages_call(app: &App, actor: &Actor, call: &GrantCall) -> Result<bool> {
    match managed_municipality(app, actor, call.municipality_id).await {
        Ok(_) => Ok(true),
        Err(Error::Forbidden | Error::SignInRequired | Error::SecondFactorNeeded) => Ok(false),
        Err(e) => Err(e),
    }
}
