//! Applications to a grant call: written by an organisation's organisers (or a department's
//! board) as drafts, submitted before the deadline, reopened until then; read by the
//! applicant, the call's municipality and the housing organisations whose departments the
//! activities name (for everyone else an application does not exist); decided by the
//! municipality, which sends the decision letter in Danish and the author's language.

use super::{
    Amount, MAX_PARTS, Problems, TEXT_MAX_CHARS, TITLE_MAX_CHARS, auditor, call, managed_call,
};
use crate::error::{Error, Result};
use crate::i18n::{self, Locale};
use crate::{App, authorize, messaging};
use naboskab_domain::grants::{self as rules, ApplicationStatus, MoneyError};
use naboskab_domain::policy::grant_reader;
use naboskab_domain::{Action, Actor, Resource, Role};
use naboskab_store::grant_documents::{self, Document};
use naboskab_store::grants::{
    self as store, Activity, Application, ApplicationFields, GrantCall, Line,
};
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::users;

/// One activity as typed.
#[derive(Debug, Clone, Default)]
pub struct ActivityDraft {
    /// What it is.
    pub title: String,
    /// Who it is for.
    pub target_group: String,
    /// How many are expected, as typed.
    pub expected_participants: String,
    /// The offer on the platform, when there is one.
    pub offer_id: Option<i64>,
}

/// One budget or income line as typed.
#[derive(Debug, Clone, Default)]
pub struct LineDraft {
    /// What for, or from where.
    pub text: String,
    /// How much.
    pub amount: Amount,
}

/// An application as the applicant typed it. Rows left wholly empty (a form's spare rows)
/// are ignored.
#[derive(Debug, Clone, Default)]
pub struct ApplicationDraft {
    /// Title.
    pub title: String,
    /// What the money will do.
    pub summary: String,
    /// Activities.
    pub activities: Vec<ActivityDraft>,
    /// Budget lines.
    pub budget_lines: Vec<LineDraft>,
    /// Income lines.
    pub income_lines: Vec<LineDraft>,
    /// The amount asked for.
    pub amount_applied: Amount,
    /// Answers to the call's questions, in order.
    pub answers: Vec<String>,
}

fn check_lines(p: &mut Problems, field: &str, lines: &[LineDraft]) -> Vec<Line> {
    let typed: Vec<&LineDraft> = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty() || l.amount != Amount::default())
        .collect();
    if typed.len() > MAX_PARTS {
        p.add(field, "field-too-many");
    }
    typed
        .iter()
        .enumerate()
        .map(|(i, l)| Line {
            text: p.text(
                &format!("{field}[{i}].text"),
                &l.text,
                true,
                TITLE_MAX_CHARS,
            ),
            amount_ore: p
                .amount(&format!("{field}[{i}].amount_ore"), &l.amount, true)
                .unwrap_or(0),
            spent_ore: None,
        })
        .collect()
}

/// Checks an application against its call, with every problem named: a title, activities
/// with titles and participant counts, budget and income lines with texts and amounts that
/// are not negative, and an amount applied that is more than nothing, at most the call's
/// maximum and at most the budget's total. Offers named must exist; an activity takes its
/// department from its offer.
async fn check_application(
    app: &App,
    call: &GrantCall,
    d: &ApplicationDraft,
) -> Result<ApplicationFields> {
    let mut p = Problems::default();
    let title = p.text("title", &d.title, true, TITLE_MAX_CHARS);
    let summary = p.text("summary", &d.summary, false, TEXT_MAX_CHARS);
    let typed_activities: Vec<&ActivityDraft> = d
        .activities
        .iter()
        .filter(|a| {
            !a.title.trim().is_empty()
                || !a.target_group.trim().is_empty()
                || !a.expected_participants.trim().is_empty()
                || a.offer_id.is_some()
        })
        .collect();
    if typed_activities.len() > MAX_PARTS {
        p.add("activities", "field-too-many");
    }
    let mut activities = Vec::new();
    for (i, a) in typed_activities.iter().enumerate() {
        let field = format!("activities[{i}]");
        let title = p.text(&format!("{field}.title"), &a.title, true, TITLE_MAX_CHARS);
        let target_group = p.text(
            &format!("{field}.target_group"),
            &a.target_group,
            false,
            TITLE_MAX_CHARS,
        );
        let expected = a.expected_participants.trim();
        let expected_participants = if expected.is_empty() {
            0
        } else {
            match expected.parse::<i64>() {
                Ok(n) if (0..=100_000).contains(&n) => n,
                _ => {
                    p.add(&format!("{field}.expected_participants"), "field-invalid");
                    0
                }
            }
        };
        let mut department_id = None;
        if let Some(offer_id) = a.offer_id {
            match naboskab_store::offers::offer(&app.db, offer_id).await? {
                Some(o) => department_id = o.department_id,
                None => p.add(&format!("{field}.offer_id"), "field-grant-offer-unknown"),
            }
        }
        activities.push(Activity {
            title,
            target_group,
            expected_participants,
            offer_id: a.offer_id,
            department_id,
        });
    }
    let budget = check_lines(&mut p, "budget_lines", &d.budget_lines);
    let income = check_lines(&mut p, "income_lines", &d.income_lines);
    let budget_total = rules::total_ore(&budget.iter().map(|l| l.amount_ore).collect::<Vec<_>>());
    let amount_applied_ore = p.amount("amount_applied_ore", &d.amount_applied, true);
    if let Some(applied) = amount_applied_ore {
        if applied == 0 {
            p.add("amount_applied_ore", "field-grant-amount-zero");
        } else if applied > call.max_amount_ore {
            p.add("amount_applied_ore", "field-grant-amount-over-max");
        } else if matches!(budget_total, Ok(total) if applied > total) {
            p.add("amount_applied_ore", "field-grant-amount-over-budget");
        }
    }
    if let Err(MoneyError::TooLarge) = budget_total {
        p.add("budget_lines", "field-amount-too-large");
    }
    let answers: Vec<String> = call
        .questions
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let field = format!("answers[{i}]");
            let a = d.answers.get(i).map(String::as_str).unwrap_or_default();
            // One line per answer in the store.
            let a = p
                .text(&field, a, false, TEXT_MAX_CHARS)
                .replace(['\r', '\n'], " ");
            if a.is_empty() {
                return a;
            }
            rules::Question::parse(line)
                .check(&a)
                .unwrap_or_else(|key| {
                    p.add(&field, key);
                    a
                })
        })
        .collect();
    p.done(ApplicationFields {
        title,
        summary,
        activities,
        budget,
        income,
        amount_applied_ore: amount_applied_ore.unwrap_or(0),
        answers,
    })
}

pub use naboskab_domain::policy::GrantReader as Reader;

/// An application with its call, its computed totals, and who is reading it.
#[derive(Debug, Clone)]
pub struct ApplicationView {
    /// The application.
    pub application: Application,
    /// Its call.
    pub call: GrantCall,
    /// The sum of the budget lines.
    pub budget_total_ore: i64,
    /// The sum of the income lines.
    pub income_total_ore: i64,
    /// Who reads it.
    pub reader: Reader,
    /// The applicant may still change (and submit) it: open for the applicant, and before
    /// the deadline.
    pub changeable: bool,
    /// Once reported: the sum spent on the budget lines.
    pub spent_total_ore: Option<i64>,
    /// Once reported: what was granted and not spent, to be paid back (0 when all was spent).
    pub to_pay_back_ore: Option<i64>,
    /// The attached documents: the call's required ones in its order, then the others.
    pub documents: Vec<Document>,
}

/// The sum of lines; they were checked on the way in, so a failure here is a broken row.
pub(crate) fn total(lines: &[Line]) -> Result<i64> {
    sum(&lines.iter().map(|l| l.amount_ore).collect::<Vec<_>>())
}

fn sum(amounts: &[i64]) -> Result<i64> {
    rules::total_ore(amounts)
        .map_err(|e| Error::Internal(format!("stored grant amounts do not add up: {e}")))
}

async fn view(app: &App, application: Application, reader: Reader) -> Result<ApplicationView> {
    let call = call(app, application.call_id).await?;
    let changeable = reader == Reader::Applicant
        && application.status.is_open_to_the_applicant()
        && app.now() < call.deadline_at;
    let spent_total_ore = match &application.report {
        Some(_) => Some(sum(&application
            .fields
            .budget
            .iter()
            .map(|l| l.spent_ore.unwrap_or(0))
            .collect::<Vec<_>>())?),
        None => None,
    };
    let to_pay_back_ore = spent_total_ore
        .zip(application.amount_granted_ore)
        .map(|(spent, granted)| (granted - spent).max(0));
    let documents = grant_documents::of_application(&app.db, application.id).await?;
    Ok(ApplicationView {
        documents,
        spent_total_ore,
        to_pay_back_ore,
        budget_total_ore: total(&application.fields.budget)?,
        income_total_ore: total(&application.fields.income)?,
        application,
        call,
        reader,
        changeable,
    })
}

/// Who the actor is to the application, if anyone (the policy's [`grant_reader`]).
async fn reader_of(
    app: &App,
    actor: &Actor,
    a: &Application,
    call: &GrantCall,
) -> Result<Option<Reader>> {
    let applicant = orgs::chain(&app.db, a.organisation_id).await?;
    let municipality = orgs::chain(&app.db, call.municipality_id).await?;
    let mut departments = Vec::new();
    for department in a.fields.activities.iter().filter_map(|x| x.department_id) {
        departments.push(orgs::chain(&app.db, department).await?);
    }
    Ok(grant_reader(actor, &applicant, &municipality, &departments))
}

/// One application, for whoever may read it (a draft only for its applicant);
/// [`Error::NotFound`] for everyone else (also when it exists), [`Error::SignInRequired`] for
/// nobody signed in.
pub async fn application(app: &App, actor: &Actor, id: i64) -> Result<ApplicationView> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    let a = store::application(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let call = call(app, a.call_id).await?;
    let reader = reader_of(app, actor, &a, &call)
        .await?
        .filter(|r| *r == Reader::Applicant || a.status != ApplicationStatus::Draft)
        .ok_or(Error::NotFound)?;
    if reader != Reader::Applicant {
        tracing::info!(application = id, by = ?actor.user_id, ?reader, "grant application read");
    }
    view(app, a, reader).await
}

/// The organisations the actor may apply for: their organisers' associations and their
/// boards' departments.
pub async fn applicant_organisations(app: &App, actor: &Actor) -> Result<Vec<Organisation>> {
    let mut out: Vec<Organisation> = Vec::new();
    for m in &actor.memberships {
        if matches!(m.role, Role::Organiser | Role::BoardMember)
            && !out.iter().any(|o| o.id == m.organisation_id)
            && let Some(org) = orgs::organisation(&app.db, m.organisation_id).await?
        {
            out.push(org);
        }
    }
    Ok(out)
}

/// The applications of every organisation the actor may apply for, newest first.
pub async fn own_applications(app: &App, actor: &Actor) -> Result<Vec<Application>> {
    let ids: Vec<i64> = applicant_organisations(app, actor)
        .await?
        .iter()
        .map(|o| o.id)
        .collect();
    Ok(store::applications_of_organisations(&app.db, &ids).await?)
}

/// The status an applicant's save leads to: submitted when asked and the call is open, a
/// draft otherwise; a submit outside the call's period, or without every document the call
/// requires among `documents`, is refused, naming `submit`.
fn status_for_save(
    app: &App,
    call: &GrantCall,
    submit: bool,
    documents: &[Document],
) -> Result<ApplicationStatus> {
    if !submit {
        return Ok(ApplicationStatus::Draft);
    }
    let now = app.now();
    if now >= call.deadline_at {
        return Err(Error::field("submit", "grant-deadline-passed"));
    }
    if now < call.opens_at {
        return Err(Error::field("submit", "grant-not-open-yet"));
    }
    if !super::documents::missing(&call.documents, documents).is_empty() {
        return Err(Error::field("submit", "grant-documents-missing"));
    }
    Ok(ApplicationStatus::Submitted)
}

/// Writes a new application for `organisation_id` to `call_id`, as a draft or submitted.
pub async fn apply(
    app: &App,
    actor: &Actor,
    call_id: i64,
    organisation_id: i64,
    draft: &ApplicationDraft,
    submit: bool,
) -> Result<ApplicationView> {
    let chain = orgs::chain(&app.db, organisation_id).await?;
    if chain.is_empty() {
        return Err(Error::field("organisation_id", "field-invalid"));
    }
    authorize(
        actor,
        Action::ApplyForGrants,
        &Resource::Organisation { chain },
    )?;
    let call = store::call(&app.db, call_id)
        .await?
        .ok_or_else(|| Error::field("call_id", "field-invalid"))?;
    let applicant = orgs::organisation(&app.db, organisation_id)
        .await?
        .ok_or_else(|| Error::field("organisation_id", "field-invalid"))?;
    if !rules::may_apply(applicant.kind, applicant.cvr.as_deref(), &call.applicants) {
        return Err(Error::field("organisation_id", "field-grant-not-eligible"));
    }
    let fields = check_application(app, &call, draft).await?;
    let status = status_for_save(app, &call, submit, &[])?;
    let by = auditor(actor, Role::Organiser, "grant application");
    let id = store::create_application(
        &app.db,
        call_id,
        organisation_id,
        &fields,
        status,
        &by,
        app.now(),
    )
    .await?;
    tracing::info!(application = id, %status, "grant application saved");
    let a = store::application(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    view(app, a, Reader::Applicant).await
}

/// Changes an application the actor may change: saved as a draft (a submitted one is
/// reopened) or submitted, until the deadline. A decided application is refused.
pub async fn revise(
    app: &App,
    actor: &Actor,
    id: i64,
    draft: &ApplicationDraft,
    submit: bool,
) -> Result<ApplicationView> {
    let current = application(app, actor, id).await?;
    if current.reader != Reader::Applicant {
        return Err(Error::Forbidden);
    }
    if !current.application.status.is_open_to_the_applicant() {
        return Err(Error::Conflict("grant-already-decided"));
    }
    if app.now() >= current.call.deadline_at {
        return Err(Error::field("submit", "grant-deadline-passed"));
    }
    let fields = check_application(app, &current.call, draft).await?;
    let status = status_for_save(app, &current.call, submit, &current.documents)?;
    let by = auditor(actor, Role::Organiser, "grant application");
    if !store::update_application(&app.db, id, &fields, status, &by, app.now()).await? {
        return Err(Error::Conflict("grant-already-decided"));
    }
    let a = store::application(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    view(app, a, Reader::Applicant).await
}

/// Submits an application the actor may change as it is saved (the API's way, after its
/// documents are attached), under the same rules as submitting from the form.
pub async fn submit(app: &App, actor: &Actor, id: i64) -> Result<ApplicationView> {
    let current = application(app, actor, id).await?;
    if current.reader != Reader::Applicant {
        return Err(Error::Forbidden);
    }
    if !current.application.status.is_open_to_the_applicant() {
        return Err(Error::Conflict("grant-already-decided"));
    }
    let status = status_for_save(app, &current.call, true, &current.documents)?;
    let by = auditor(actor, Role::Organiser, "grant application");
    let fields = &current.application.fields;
    if !store::update_application(&app.db, id, fields, status, &by, app.now()).await? {
        return Err(Error::Conflict("grant-already-decided"));
    }
    let a = store::application(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    view(app, a, Reader::Applicant).await
}

/// An application in a call's list, with its computed totals.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The application.
    pub application: Application,
    /// The sum of its budget lines.
    pub budget_total_ore: i64,
    /// The sum of its income lines.
    pub income_total_ore: i64,
    /// The committee's points so far and the most there are (5 per criterion); `None` before
    /// any criterion is scored.
    pub points: Option<(i64, i64)>,
    /// Each criterion's score, in the call's order; `None` where it is not scored yet.
    pub scores: Vec<Option<i64>>,
}

/// A call's applications for its municipality's officers (the review list and the
/// committee's export), optionally only those in `status`, oldest first.
pub async fn applications_of_call(
    app: &App,
    actor: &Actor,
    call_id: i64,
    status: Option<ApplicationStatus>,
) -> Result<(GrantCall, Vec<Listed>)> {
    let call = managed_call(app, actor, call_id).await?;
    // A draft is the applicant's until it is submitted.
    let apps: Vec<Application> = store::applications_of_call(&app.db, call_id, status)
        .await?
        .into_iter()
        .filter(|a| a.status != ApplicationStatus::Draft)
        .collect();
    let ids: Vec<i64> = apps.iter().map(|a| a.id).collect();
    let scores = naboskab_store::grant_reviews::scores(&app.db, &ids).await?;
    let mut out = Vec::with_capacity(apps.len());
    for a in apps {
        let scored = scores.get(&a.id);
        out.push(Listed {
            budget_total_ore: total(&a.fields.budget)?,
            income_total_ore: total(&a.fields.income)?,
            points: scored.and_then(|s| super::reviews::points(s, call.criteria.len())),
            scores: (0..call.criteria.len())
                .map(|i| scored.and_then(|s| s.get(&i).copied()))
                .collect(),
            application: a,
        });
    }
    Ok((call, out))
}

/// What the municipality decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Granted this amount (at most what was applied for), with an optional note.
    Grant {
        /// The amount.
        amount: Amount,
        /// A note for the applicant.
        note: String,
    },
    /// Refused, with the reason the applicant is told.
    Refuse {
        /// Why.
        reason: String,
    },
}

/// Decides a submitted application (audited) and sends the decision letter to whoever
/// wrote it, in Danish and, when theirs is another, in their language too. Only the call's
/// municipality decides; `None` (no decision chosen) is refused naming `decision`, after the
/// permission check.
pub async fn decide(app: &App, actor: &Actor, id: i64, decision: Option<&Decision>) -> Result<()> {
    let current = application(app, actor, id).await?;
    if current.reader != Reader::Municipality {
        return Err(Error::Forbidden);
    }
    let Some(decision) = decision else {
        return Err(Error::field("decision", "field-required"));
    };
    let a = &current.application;
    if a.status != ApplicationStatus::Submitted {
        return Err(Error::Conflict("grant-not-submitted"));
    }
    let mut p = Problems::default();
    let (granted, reason) = match decision {
        Decision::Grant { amount, note } => {
            let ore = p.amount("amount", amount, true);
            if let Some(ore) = ore
                && (ore == 0 || ore > a.fields.amount_applied_ore)
            {
                p.add("amount", "field-grant-granted-over-applied");
            }
            (ore, p.text("note", note, false, TEXT_MAX_CHARS))
        }
        Decision::Refuse { reason } => (None, p.text("reason", reason, true, TEXT_MAX_CHARS)),
    };
    p.done(())?;
    let by = auditor(actor, Role::MunicipalOfficer, "grant decision");
    if !store::decide(&app.db, id, granted, &reason, &by, app.now()).await? {
        return Err(Error::Conflict("grant-not-submitted"));
    }
    tracing::info!(application = id, granted = ?granted, "grant decided");
    send_decision_letter(app, &current, granted, &reason).await
}

/// Queues the decision letter to the application's author.
async fn send_decision_letter(
    app: &App,
    v: &ApplicationView,
    granted: Option<i64>,
    reason: &str,
) -> Result<()> {
    let Some(author) = v.application.created_by else {
        return Ok(());
    };
    let Some(user) = users::user_by_id(&app.db, author).await? else {
        return Ok(());
    };
    let theirs = user
        .preferred_locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(Locale::Da);
    let mut languages = vec![Locale::Da];
    if theirs != Locale::Da {
        languages.push(theirs);
    }
    let keys = if granted.is_some() {
        ("mail-grant-granted-subject", "mail-grant-granted-body")
    } else {
        ("mail-grant-refused-subject", "mail-grant-refused-body")
    };
    let link = format!(
        "{}/grants/applications/{}",
        app.config.base_url, v.application.id
    );
    for locale in languages {
        let args = [
            ("name", user.display_name.clone()),
            ("application", v.application.fields.title.clone()),
            ("call", v.call.title.clone()),
            ("municipality", v.call.municipality_name.clone()),
            (
                "amount",
                i18n::format_money(locale, granted.unwrap_or_default()),
            ),
            ("reason", reason.to_owned()),
            ("link", link.clone()),
        ];
        messaging::queue_mail(app, locale, &user.email, Some(user.id), keys, &args).await?;
    }
    Ok(())
}

/// The offers the actor's applicant organisations hold, to link activities to: `(id, title)`.
pub async fn offers_to_link(app: &App, actor: &Actor) -> Result<Vec<(i64, String)>> {
    let mut out = Vec::new();
    for org in applicant_organisations(app, actor).await? {
        for (id, title, _) in
            naboskab_store::offers::offers_of_organisation(&app.db, org.id).await?
        {
            out.push((id, title));
        }
    }
    Ok(out)
}
