//! Fund's grant applications as pages: the applicant's form (a draft saved or submitted,
//! spare rows for activities and lines, no JavaScript needed), one application as each reader
//! sees it (with the municipality's decision form), and a call's applications for the
//! municipality with a status filter and the committee's export. The rules are
//! `naboskab_app::grants::applications`; the report after the year is `grant_reports`.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::grants::when;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::grants::Amount;
use naboskab_app::grants::applications::{
    self as apps, ActivityDraft, ApplicationDraft, ApplicationView, Decision, LineDraft, Reader,
};
use naboskab_app::grants::reviews::{self, ReviewDraft};
use naboskab_app::i18n;
use naboskab_domain::grants::Question;
use naboskab_domain::grants::{ApplicationStatus, kroner_for_form};
use naboskab_store::grants::{Application, GrantCall};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Spare rows a form offers beyond what was typed: activities, budget lines, income lines.
const SPARE_ACTIVITIES: usize = 2;
const SPARE_BUDGET_LINES: usize = 3;
const SPARE_INCOME_LINES: usize = 2;

/// The form's fields as typed, by name (`activities[0].title`, `budget_lines[1].amount_ore`:
/// the same names the use case's problems carry).
#[derive(Default)]
struct ApplicationForm {
    values: BTreeMap<String, String>,
}

impl ApplicationForm {
    fn parse(body: &str) -> ApplicationForm {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap_or_default();
        let mut values = BTreeMap::new();
        for (k, v) in pairs {
            values.entry(k).or_insert(v);
        }
        ApplicationForm { values }
    }

    fn of(a: &Application) -> ApplicationForm {
        let mut values = BTreeMap::new();
        let f = &a.fields;
        values.insert("title".to_owned(), f.title.clone());
        values.insert("summary".to_owned(), f.summary.clone());
        values.insert(
            "amount_applied_ore".to_owned(),
            kroner_for_form(f.amount_applied_ore),
        );
        for (i, x) in f.activities.iter().enumerate() {
            let k = |name: &str| format!("activities[{i}].{name}");
            values.insert(k("title"), x.title.clone());
            values.insert(k("target_group"), x.target_group.clone());
            values.insert(
                k("expected_participants"),
                x.expected_participants.to_string(),
            );
            if let Some(o) = x.offer_id {
                values.insert(k("offer_id"), o.to_string());
            }
        }
        for (field, lines) in [("budget_lines", &f.budget), ("income_lines", &f.income)] {
            for (i, l) in lines.iter().enumerate() {
                values.insert(format!("{field}[{i}].text"), l.text.clone());
                values.insert(
                    format!("{field}[{i}].amount_ore"),
                    kroner_for_form(l.amount_ore),
                );
            }
        }
        for (i, answer) in f.answers.iter().enumerate() {
            values.insert(format!("answers[{i}]"), answer.clone());
        }
        ApplicationForm { values }
    }

    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    /// How many rows of `field` carry something.
    fn rows(&self, field: &str) -> usize {
        let prefix = format!("{field}[");
        self.values
            .iter()
            .filter(|(k, v)| k.starts_with(&prefix) && !v.trim().is_empty())
            .filter_map(|(k, _)| k[prefix.len()..].split(']').next()?.parse::<usize>().ok())
            .map(|i| i + 1)
            .max()
            .unwrap_or(0)
    }

    fn lines(&self, field: &str, spare: usize) -> Vec<LineDraft> {
        (0..self.rows(field) + spare)
            .map(|i| LineDraft {
                text: self.v(&format!("{field}[{i}].text")),
                amount: Amount::Kroner(self.v(&format!("{field}[{i}].amount_ore"))),
            })
            .collect()
    }

    fn draft(&self, questions: usize) -> ApplicationDraft {
        ApplicationDraft {
            title: self.v("title"),
            summary: self.v("summary"),
            activities: (0..self.rows("activities") + SPARE_ACTIVITIES)
                .map(|i| {
                    let k = |name: &str| self.v(&format!("activities[{i}].{name}"));
                    ActivityDraft {
                        title: k("title"),
                        target_group: k("target_group"),
                        expected_participants: k("expected_participants"),
                        offer_id: k("offer_id").parse().ok(),
                    }
                })
                .collect(),
            budget_lines: self.lines("budget_lines", SPARE_BUDGET_LINES),
            income_lines: self.lines("income_lines", SPARE_INCOME_LINES),
            amount_applied: Amount::Kroner(self.v("amount_applied_ore")),
            answers: (0..questions)
                .map(|i| self.v(&format!("answers[{i}]")))
                .collect(),
        }
    }

    fn submit(&self) -> bool {
        self.v("intent") == "submit"
    }
}

#[derive(Template)]
#[template(path = "grant_application_form.html")]
struct FormPage {
    ctx: PageCtx,
    action: String,
    call: GrantCall,
    deadline: String,
    /// The organisations to apply for (a new application only).
    organisations: Vec<(i64, String)>,
    offers: Vec<(i64, String)>,
    form: ApplicationForm,
    activity_rows: usize,
    budget_rows: usize,
    income_rows: usize,
    errors: FormErrors,
}

impl FormPage {
    fn v(&self, key: &str) -> String {
        self.form.v(key)
    }

    /// The value of field `name` of row `i` of `field`.
    fn row(&self, field: &str, i: &usize, name: &str) -> String {
        self.form.v(&format!("{field}[{i}].{name}"))
    }

    fn bad(&self, key: &str) -> bool {
        self.errors.get(key).is_some()
    }

    fn bad_row(&self, field: &str, i: &usize, name: &str) -> bool {
        self.bad(&format!("{field}[{i}].{name}"))
    }

    /// The call's questions as the applicant answers them, numbered from 0.
    fn questions(&self) -> Vec<(usize, Question)> {
        self.call
            .questions
            .iter()
            .map(|q| Question::parse(q))
            .enumerate()
            .collect()
    }
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    call: GrantCall,
    organisations: Vec<(i64, String)>,
    form: ApplicationForm,
    errors: FormErrors,
) -> AppResult<FormPage> {
    Ok(FormPage {
        ctx: PageCtx::new(st, ctx),
        action,
        deadline: when(ctx.locale, call.deadline_at),
        call,
        organisations,
        offers: apps::offers_to_link(&st.app, &ctx.actor).await?,
        activity_rows: form.rows("activities") + SPARE_ACTIVITIES,
        budget_rows: form.rows("budget_lines") + SPARE_BUDGET_LINES,
        income_rows: form.rows("income_lines") + SPARE_INCOME_LINES,
        form,
        errors,
    })
}

async fn applicant_organisations(st: &AppState, ctx: &Ctx) -> AppResult<Vec<(i64, String)>> {
    ctx.require_user()?;
    let list: Vec<(i64, String)> = apps::applicant_organisations(&st.app, &ctx.actor)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    if list.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(list)
}

/// `GET /grants/calls/{id}/apply`: a new application (an organisation's organisers).
pub async fn new_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(call_id): Path<i64>,
) -> AppResult<Response> {
    let organisations = applicant_organisations(&st, &ctx).await?;
    let call = naboskab_app::grants::call(&st.app, call_id).await?;
    let p = form_page(
        &st,
        &ctx,
        format!("/grants/calls/{call_id}/apply"),
        call,
        organisations,
        ApplicationForm::default(),
        FormErrors::default(),
    )
    .await?;
    Ok(page(&p))
}

/// The form again, naming every problem, when the use case refused what was typed; a
/// refused submit after the deadline keeps what was typed too.
async fn refused(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    call: GrantCall,
    organisations: Vec<(i64, String)>,
    form: ApplicationForm,
    e: naboskab_app::Error,
) -> AppResult<Response> {
    match e {
        naboskab_app::Error::Invalid(problems) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            let p = form_page(st, ctx, action, call, organisations, form, errors).await?;
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        other => Err(other.into()),
    }
}

/// `POST /grants/calls/{id}/apply`: saves the new application as a draft, or submits it. A
/// submit the call refuses (after its deadline) still saves the draft, so nothing typed is
/// lost, and names why it was not submitted.
pub async fn create(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(call_id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let organisations = applicant_organisations(&st, &ctx).await?;
    let call = naboskab_app::grants::call(&st.app, call_id).await?;
    let form = ApplicationForm::parse(&body);
    let organisation = form
        .v("organisation")
        .parse::<i64>()
        .ok()
        .or_else(|| organisations.first().map(|o| o.0))
        .ok_or(AppError::Forbidden)?;
    if !organisations.iter().any(|o| o.0 == organisation) {
        return Err(AppError::Forbidden);
    }
    let draft = form.draft(call.questions.len());
    let action = format!("/grants/calls/{call_id}/apply");
    match apps::apply(
        &st.app,
        &ctx.actor,
        call_id,
        organisation,
        &draft,
        form.submit(),
    )
    .await
    {
        Ok(v) => Ok(saved(&v)),
        Err(naboskab_app::Error::Invalid(problems))
            if form.submit() && problems.iter().all(|p| p.field == "submit") =>
        {
            // Keep the draft; say why it was not sent.
            let v = apps::apply(&st.app, &ctx.actor, call_id, organisation, &draft, false).await?;
            let form = ApplicationForm::of(&v.application);
            let action = format!("/grants/applications/{}/edit", v.application.id);
            refused(
                &st,
                &ctx,
                action,
                call,
                vec![],
                form,
                naboskab_app::Error::Invalid(problems),
            )
            .await
        }
        Err(e) => refused(&st, &ctx, action, call, organisations, form, e).await,
    }
}

/// Where a saved application leads: its page, with the notice of what happened.
fn saved(v: &ApplicationView) -> Response {
    let notice = if v.application.status == ApplicationStatus::Submitted {
        "notice-grant-submitted"
    } else {
        "notice-grant-saved"
    };
    Redirect::to(&format!(
        "/grants/applications/{}?notice={notice}",
        v.application.id
    ))
    .into_response()
}

/// `GET /grants/applications/{id}/edit`: the applicant's form for an open application.
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let v = apps::application(&st.app, &ctx.actor, id).await?;
    if v.reader != Reader::Applicant {
        return Err(AppError::Forbidden);
    }
    if !v.changeable {
        return Err(AppError::Conflict("grant-already-decided"));
    }
    let p = form_page(
        &st,
        &ctx,
        format!("/grants/applications/{id}/edit"),
        v.call,
        vec![],
        ApplicationForm::of(&v.application),
        FormErrors::default(),
    )
    .await?;
    Ok(page(&p))
}

/// `POST /grants/applications/{id}/edit`: saves (a submitted application goes back to being
/// a draft) or submits; a submit the call refuses (a required document missing) still saves
/// the draft and names why it was not sent.
pub async fn update(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let current = apps::application(&st.app, &ctx.actor, id).await?;
    let form = ApplicationForm::parse(&body);
    let draft = form.draft(current.call.questions.len());
    match apps::revise(&st.app, &ctx.actor, id, &draft, form.submit()).await {
        Ok(v) => Ok(saved(&v)),
        Err(naboskab_app::Error::Invalid(problems))
            if form.submit() && problems.iter().all(|p| p.field == "submit") =>
        {
            // Keep what was typed as the draft; say why it was not sent.
            apps::revise(&st.app, &ctx.actor, id, &draft, false).await?;
            let action = format!("/grants/applications/{id}/edit");
            let e = naboskab_app::Error::Invalid(problems);
            refused(&st, &ctx, action, current.call, vec![], form, e).await
        }
        Err(e) => {
            let action = format!("/grants/applications/{id}/edit");
            refused(&st, &ctx, action, current.call, vec![], form, e).await
        }
    }
}

/// A line of money on the application's page.
struct MoneyLine {
    text: String,
    amount: String,
}

#[derive(Template)]
#[template(path = "grant_application.html")]
pub(super) struct ApplicationPage {
    ctx: PageCtx,
    v: ApplicationView,
    status: String,
    deadline: String,
    submitted: Option<String>,
    budget: Vec<MoneyLine>,
    income: Vec<MoneyLine>,
    budget_total: String,
    income_total: String,
    applied: String,
    granted: Option<String>,
    /// Once reported: (spent in all, to be paid back, how many took part).
    reported: Option<(String, String, i64)>,
    /// Spent on each budget line, once reported.
    spent: Vec<String>,
    /// The applicant may report now.
    may_report: bool,
    /// Each question with its answer.
    answers: Vec<(String, String)>,
    /// Each activity's offer title, when linked.
    offers: Vec<Option<String>>,
    may_decide: bool,
    /// The municipality's review: each criterion (position, name, score as chosen), the points,
    /// the note being typed, and the notes (text, by, when).
    review: Option<ReviewView>,
    /// The attached documents and, for the applicant, the upload form's choices.
    documents: super::grant_documents::DocumentsView,
    /// The reader may download the decision letter.
    has_letter: bool,
    errors: FormErrors,
}

/// The municipality's review as the application page shows it.
struct ReviewView {
    criteria: Vec<(usize, String, String)>,
    points: String,
    note: String,
    notes: Vec<(String, String, String)>,
}

/// Points as "7/20", or nothing before any score.
pub(super) fn points_text(points: Option<(i64, i64)>) -> String {
    points.map(|(p, m)| format!("{p}/{m}")).unwrap_or_default()
}

pub(super) async fn application_page(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Option<&ReviewDraft>,
    errors: FormErrors,
) -> AppResult<ApplicationPage> {
    let v = apps::application(&st.app, &ctx.actor, id).await?;
    let l = ctx.locale;
    let review = reviews::review_of(&st.app, &v).await?.map(|r| ReviewView {
        criteria: r
            .criteria
            .into_iter()
            .enumerate()
            .map(|(i, (name, score))| {
                let chosen = typed.and_then(|d| d.scores.get(i).cloned());
                (
                    i,
                    name,
                    chosen.unwrap_or_else(|| score.map(|n| n.to_string()).unwrap_or_default()),
                )
            })
            .collect(),
        points: points_text(r.points),
        note: typed.map(|d| d.note.clone()).unwrap_or_default(),
        notes: r
            .notes
            .into_iter()
            .map(|n| {
                (
                    n.body,
                    n.written_by.unwrap_or_default(),
                    when(l, n.written_at),
                )
            })
            .collect(),
    });
    let money = |lines: &[naboskab_store::grants::Line]| -> Vec<MoneyLine> {
        lines
            .iter()
            .map(|x| MoneyLine {
                text: x.text.clone(),
                amount: i18n::format_money(l, x.amount_ore),
            })
            .collect()
    };
    let a = &v.application;
    let mut offers = Vec::new();
    for x in &a.fields.activities {
        offers.push(match x.offer_id {
            Some(o) => Some(naboskab_app::offers::title_in(&st.app, o, l, "").await?),
            None => None,
        });
    }
    Ok(ApplicationPage {
        ctx: PageCtx::new(st, ctx),
        status: ctx.t(&format!("grant-status-{}", a.status)),
        deadline: when(l, v.call.deadline_at),
        submitted: a.submitted_at.map(|t| when(l, t)),
        budget: money(&a.fields.budget),
        income: money(&a.fields.income),
        budget_total: i18n::format_money(l, v.budget_total_ore),
        income_total: i18n::format_money(l, v.income_total_ore),
        applied: i18n::format_money(l, a.fields.amount_applied_ore),
        granted: a.amount_granted_ore.map(|ore| i18n::format_money(l, ore)),
        reported: match (&a.report, v.spent_total_ore, v.to_pay_back_ore) {
            (Some(r), Some(spent), Some(back)) => Some((
                i18n::format_money(l, spent),
                i18n::format_money(l, back),
                r.participants,
            )),
            _ => None,
        },
        spent: a
            .fields
            .budget
            .iter()
            .map(|x| {
                x.spent_ore
                    .map(|o| i18n::format_money(l, o))
                    .unwrap_or_default()
            })
            .collect(),
        may_report: v.reader == Reader::Applicant && a.status == ApplicationStatus::Granted,
        has_letter: naboskab_app::grants::printing::has_letter(&v),
        answers: v
            .call
            .questions
            .iter()
            .map(|q| Question::parse(q).text)
            .zip(
                a.fields
                    .answers
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat(String::new())),
            )
            .collect(),
        offers,
        may_decide: v.reader == Reader::Municipality && a.status == ApplicationStatus::Submitted,
        review,
        documents: super::grant_documents::documents_view(ctx, &v),
        errors,
        v,
    })
}

/// `GET /grants/applications/{id}`: the application, for the applicant, the call's
/// municipality and the housing organisations its activities name; 404 for anyone else.
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let p = application_page(&st, &ctx, id, None, FormErrors::default()).await?;
    Ok(page(&p))
}

/// The decision form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `grant` or `refuse`.
    decision: String,
    /// Kroner granted.
    amount: String,
    /// A note with a grant.
    note: String,
    /// Why it is refused.
    reason: String,
}

/// `POST /grants/applications/{id}/decide`: the municipality grants or refuses.
pub async fn decide(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::Form(f): axum::Form<DecisionForm>,
) -> AppResult<Response> {
    let decision = match f.decision.as_str() {
        "grant" => Some(Decision::Grant {
            amount: Amount::Kroner(f.amount),
            note: f.note,
        }),
        "refuse" => Some(Decision::Refuse { reason: f.reason }),
        _ => None,
    };
    let outcome = apps::decide(&st.app, &ctx.actor, id, decision.as_ref()).await;
    back_to_application(&st, &ctx, id, outcome, "notice-grant-decided", None).await
}

/// What a form on the application's page answers: the page again with `notice` (a Fluent key,
/// optionally followed by `#anchor`), or, when the use case named problems, the page with them
/// named and what was typed in the review form (`typed`) kept (422).
pub(super) async fn back_to_application<T>(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    outcome: Result<T, naboskab_app::Error>,
    notice: &str,
    typed: Option<&ReviewDraft>,
) -> AppResult<Response> {
    match outcome {
        Ok(_) => {
            Ok(Redirect::to(&format!("/grants/applications/{id}?notice={notice}")).into_response())
        }
        Err(naboskab_app::Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            let p = application_page(st, ctx, id, typed, errors).await?;
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(e.into()),
    }
}
