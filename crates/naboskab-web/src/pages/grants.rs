//! Fund's grant calls as pages: every call (`/grants`, with the signed-in applicant's own
//! applications), one call's page, and the municipality's forms to open and change a call.
//! The rules are `naboskab_app::grants`; these handlers parse, call one use case, render.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::DateTime;
use naboskab_app::grants::{self, Amount, CallDraft, applications};
use naboskab_app::i18n::{self, Locale};
use naboskab_domain::grants::{Applicant, FocusArea, Question, kroner_for_form};
use naboskab_domain::schedule::utc_to_local;
use naboskab_store::grants::GrantCall;
use std::collections::BTreeMap;

/// A moment as a reader in `locale` reads it.
pub fn when(locale: Locale, at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|t| i18n::format_datetime(locale, t))
        .unwrap_or_default()
}

/// A moment as an HTML `datetime-local` field takes it, in Copenhagen wall time.
fn for_datetime_field(at: i64) -> String {
    DateTime::from_timestamp(at, 0)
        .map(|t| utc_to_local(t).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// Whether a call takes submissions, as words: open, not yet open, closed.
fn state_of(st: &AppState, ctx: &Ctx, c: &GrantCall) -> String {
    let now = st.now();
    if now < c.opens_at {
        ctx.t("grant-not-open")
    } else if grants::is_open(&st.app, c) {
        ctx.t("grant-open-now")
    } else {
        ctx.t("grant-closed")
    }
}

/// A call in a list.
struct CallRow {
    id: i64,
    title: String,
    municipality: String,
    state: String,
    deadline: String,
    max_amount: String,
}

/// An own application in a list.
struct OwnRow {
    id: i64,
    title: String,
    organisation: String,
    status: String,
    applied: String,
}

#[derive(Template)]
#[template(path = "grants.html")]
struct GrantsPage {
    ctx: PageCtx,
    calls: Vec<CallRow>,
    own: Vec<OwnRow>,
    can_open: bool,
}

/// `GET /grants`: every call; a signed-in applicant's own applications; the officer's link to
/// open a call.
pub async fn index(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let calls = grants::calls(&st.app)
        .await?
        .iter()
        .map(|c| CallRow {
            id: c.id,
            title: c.title.clone(),
            municipality: c.municipality_name.clone(),
            state: state_of(&st, &ctx, c),
            deadline: when(ctx.locale, c.deadline_at),
            max_amount: i18n::format_money(ctx.locale, c.max_amount_ore),
        })
        .collect();
    let own = applications::own_applications(&st.app, &ctx.actor)
        .await?
        .into_iter()
        .map(|a| OwnRow {
            id: a.id,
            title: a.fields.title,
            organisation: a.organisation_name,
            status: ctx.t(&format!("grant-status-{}", a.status)),
            applied: i18n::format_money(ctx.locale, a.fields.amount_applied_ore),
        })
        .collect();
    let can_open = !grants::municipalities_managed(&st.app, &ctx.actor)
        .await?
        .is_empty();
    Ok(page(&GrantsPage {
        ctx: PageCtx::new(&st, &ctx),
        calls,
        own,
        can_open,
    }))
}

#[derive(Template)]
#[template(path = "grant_call.html")]
struct CallPage {
    ctx: PageCtx,
    call: GrantCall,
    state: String,
    opens: String,
    deadline: String,
    pool: String,
    max_amount: String,
    certified_above: Option<String>,
    report_due: Option<String>,
    questions: Vec<Question>,
    focus_areas: Vec<String>,
    applicants: Vec<String>,
    can_apply: bool,
    manages: bool,
}

/// `GET /grants/calls/{id}`: a call, for everyone.
pub async fn call(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let call = grants::call(&st.app, id).await?;
    let can_apply = grants::is_open(&st.app, &call)
        && !applications::applicant_organisations(&st.app, &ctx.actor)
            .await?
            .is_empty();
    let manages = grants::manages_call(&st.app, &ctx.actor, &call).await?;
    let l = ctx.locale;
    Ok(page(&CallPage {
        state: state_of(&st, &ctx, &call),
        opens: when(l, call.opens_at),
        deadline: when(l, call.deadline_at),
        pool: i18n::format_money(l, call.pool_ore),
        max_amount: i18n::format_money(l, call.max_amount_ore),
        certified_above: call
            .certified_accounts_above_ore
            .map(|ore| i18n::format_money(l, ore)),
        report_due: call.report_due_at.map(|at| when(l, at)),
        questions: call.questions.iter().map(|q| Question::parse(q)).collect(),
        focus_areas: call
            .focus_areas
            .iter()
            .map(|f| ctx.t(&format!("grant-focus-{f}")))
            .collect(),
        applicants: call
            .applicants
            .iter()
            .map(|a| ctx.t(&format!("grant-applicant-{a}")))
            .collect(),
        can_apply,
        manages,
        call,
        ctx: PageCtx::new(&st, &ctx),
    }))
}

#[derive(Template)]
#[template(path = "grant_call_form.html")]
struct CallFormPage {
    ctx: PageCtx,
    action: String,
    heading: String,
    /// The municipalities to choose between (a new call only).
    municipalities: Vec<(i64, String)>,
    values: BTreeMap<String, String>,
    focus_areas: Vec<(&'static str, String, bool)>,
    applicants: Vec<(&'static str, String, bool)>,
    errors: FormErrors,
}

impl CallFormPage {
    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    fn bad(&self, key: &str) -> bool {
        self.errors.get(key).is_some()
    }
}

/// The form's fields as typed: single values, and the ticked focus areas and applicants.
struct CallForm {
    values: BTreeMap<String, String>,
    focus_areas: Vec<String>,
    applicants: Vec<String>,
}

impl CallForm {
    fn parse(body: &str) -> CallForm {
        let pairs = crate::input::form_pairs(body);
        let mut f = CallForm {
            values: BTreeMap::new(),
            focus_areas: vec![],
            applicants: vec![],
        };
        for (k, v) in pairs {
            match k.as_str() {
                "focus_area" => f.focus_areas.push(v),
                "applicant" => f.applicants.push(v),
                _ => {
                    f.values.entry(k).or_insert(v);
                }
            }
        }
        f
    }

    fn of(call: &GrantCall) -> CallForm {
        let mut values = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            values.insert(k.to_owned(), v);
        };
        put("title", call.title.clone());
        put("description", call.description.clone());
        put("year", call.year.to_string());
        put("pool", kroner_for_form(call.pool_ore));
        put("max_amount", kroner_for_form(call.max_amount_ore));
        put("opens_at", for_datetime_field(call.opens_at));
        put("deadline", for_datetime_field(call.deadline_at));
        put("target_groups", call.target_groups.clone());
        put(
            "certified_accounts_above",
            call.certified_accounts_above_ore
                .map(kroner_for_form)
                .unwrap_or_default(),
        );
        put("questions", call.questions.join("\n"));
        put("criteria", call.criteria.join("\n"));
        put("documents", call.documents.join("\n"));
        put(
            "report_due",
            call.report_due_at
                .map(for_datetime_field)
                .unwrap_or_default(),
        );
        CallForm {
            values,
            focus_areas: call.focus_areas.iter().map(|f| f.to_string()).collect(),
            applicants: call.applicants.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn v(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    fn draft(&self) -> CallDraft {
        CallDraft {
            title: self.v("title"),
            description: self.v("description"),
            year: self.v("year"),
            pool: Amount::Kroner(self.v("pool")),
            max_amount: Amount::Kroner(self.v("max_amount")),
            opens_at: self.v("opens_at"),
            deadline: self.v("deadline"),
            focus_areas: self.focus_areas.clone(),
            applicants: self.applicants.clone(),
            target_groups: self.v("target_groups"),
            certified_accounts_above: Amount::Kroner(self.v("certified_accounts_above")),
            questions: self.v("questions"),
            criteria: self.v("criteria"),
            report_due: self.v("report_due"),
            documents: self.v("documents"),
        }
    }
}

fn call_form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading: &str,
    municipalities: Vec<(i64, String)>,
    f: CallForm,
    errors: FormErrors,
) -> CallFormPage {
    CallFormPage {
        ctx: PageCtx::new(st, ctx),
        action,
        heading: ctx.t(heading),
        municipalities,
        focus_areas: FocusArea::NAMES
            .iter()
            .map(|n| {
                let ticked = f.focus_areas.iter().any(|x| x == n);
                (*n, ctx.t(&format!("grant-focus-{n}")), ticked)
            })
            .collect(),
        applicants: Applicant::NAMES
            .iter()
            .map(|n| {
                let ticked = f.applicants.iter().any(|x| x == n);
                (*n, ctx.t(&format!("grant-applicant-{n}")), ticked)
            })
            .collect(),
        values: f.values,
        errors,
    }
}

async fn managed_municipalities(st: &AppState, ctx: &Ctx) -> AppResult<Vec<(i64, String)>> {
    ctx.require_user()?;
    let list: Vec<(i64, String)> = grants::municipalities_managed(&st.app, &ctx.actor)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    if list.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(list)
}

/// `GET /grants/calls/new`: the form for a new call (the municipality's officers).
pub async fn new_call_form(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let municipalities = managed_municipalities(&st, &ctx).await?;
    let f = CallForm {
        values: BTreeMap::new(),
        focus_areas: vec![FocusArea::Loneliness.to_string()],
        applicants: vec![Applicant::AssociationWithCvr.to_string()],
    };
    Ok(page(&call_form_page(
        &st,
        &ctx,
        "/grants/calls/new".into(),
        "grants-new-call",
        municipalities,
        f,
        FormErrors::default(),
    )))
}

/// The form again with every problem named, or the error as it is.
fn refused_form(
    ctx: &Ctx,
    page_of: impl FnOnce(FormErrors) -> CallFormPage,
    e: naboskab_app::Error,
) -> AppResult<Response> {
    match e {
        naboskab_app::Error::Invalid(problems) => {
            let p = page_of(FormErrors::new(ctx.locale, &problems));
            Ok(page_with_status(
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                &p,
            ))
        }
        other => Err(other.into()),
    }
}

/// `POST /grants/calls/new`: opens the call.
pub async fn create_call(
    State(st): State<AppState>,
    ctx: Ctx,
    body: String,
) -> AppResult<Response> {
    let municipalities = managed_municipalities(&st, &ctx).await?;
    let f = CallForm::parse(&body);
    let municipality = f
        .v("municipality")
        .parse::<i64>()
        .ok()
        .or_else(|| municipalities.first().map(|m| m.0))
        .ok_or(AppError::Forbidden)?;
    match grants::open_call(&st.app, &ctx.actor, municipality, &f.draft()).await {
        Ok(id) => Ok(Redirect::to(&format!(
            "/grants/calls/{id}?notice=notice-grant-call-saved"
        ))
        .into_response()),
        Err(e) => refused_form(
            &ctx,
            |errors| {
                call_form_page(
                    &st,
                    &ctx,
                    "/grants/calls/new".into(),
                    "grants-new-call",
                    municipalities,
                    f,
                    errors,
                )
            },
            e,
        ),
    }
}

/// `GET /grants/calls/{id}/edit`: the call's form (its municipality's officers).
pub async fn edit_call_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let call = grants::managed_call(&st.app, &ctx.actor, id).await?;
    Ok(page(&call_form_page(
        &st,
        &ctx,
        format!("/grants/calls/{id}/edit"),
        "grant-edit-call",
        vec![],
        CallForm::of(&call),
        FormErrors::default(),
    )))
}

/// `POST /grants/calls/{id}/edit`: changes the call.
pub async fn update_call(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let f = CallForm::parse(&body);
    match grants::change_call(&st.app, &ctx.actor, id, &f.draft()).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/grants/calls/{id}?notice=notice-grant-call-saved"
        ))
        .into_response()),
        Err(e) => refused_form(
            &ctx,
            |errors| {
                call_form_page(
                    &st,
                    &ctx,
                    format!("/grants/calls/{id}/edit"),
                    "grant-edit-call",
                    vec![],
                    f,
                    errors,
                )
            },
            e,
        ),
    }
}
