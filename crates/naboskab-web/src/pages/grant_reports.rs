//! The applicant's report on a granted grant application, as a page: what was spent on each
//! budget line (the budget's amounts filled in to start from), how many took part (suggested
//! from the attendance Naboskab saw), and how it went. The rules are
//! `naboskab_app::grants::reports`.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::grants::applications::ApplicationView;
use naboskab_app::grants::{Amount, reports};
use naboskab_app::i18n;
use naboskab_domain::grants::kroner_for_form;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "grant_report.html")]
struct ReportPage {
    ctx: PageCtx,
    v: ApplicationView,
    /// Each budget line: (its text, what was budgeted, what was typed as spent).
    lines: Vec<(String, String, String)>,
    participants: String,
    narrative: String,
    seen: String,
    granted: String,
    /// "3 volunteers gave 41.5 hours", when any did.
    volunteering: Option<String>,
    /// The call asks for certified accounts for this grant, and whether the box is ticked.
    needs_certified: bool,
    certified: bool,
    errors: FormErrors,
}

/// The report form again, or for the first time (then suggesting the participants from the
/// attendance the platform saw).
async fn report_page(
    st: &AppState,
    ctx: &Ctx,
    id: i64,
    typed: Option<&reports::ReportDraft>,
    errors: FormErrors,
) -> AppResult<ReportPage> {
    let (v, seen) = reports::report_form(&st.app, &ctx.actor, id).await?;
    let l = ctx.locale;
    let typed_spent = |i: usize| match typed.and_then(|d| d.spent.get(i)) {
        Some(Amount::Kroner(t)) => t.clone(),
        _ => String::new(),
    };
    let lines = v
        .application
        .fields
        .budget
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let spent = if typed.is_some() {
                typed_spent(i)
            } else {
                kroner_for_form(line.amount_ore)
            };
            (
                line.text.clone(),
                i18n::format_money(l, line.amount_ore),
                spent,
            )
        })
        .collect();
    let suggested = if seen.people > 0 {
        seen.people
    } else {
        seen.attendances
    };
    let (volunteers, volunteer_minutes) = (seen.volunteers, seen.volunteer_minutes);
    let pc = PageCtx::new(st, ctx);
    let seen = pc.t1(
        "grant-attendance-seen",
        "attendances",
        &seen.attendances.to_string(),
    ) + " "
        + &pc.t1(
            "grant-attendance-people",
            "people",
            &seen.people.to_string(),
        );
    let volunteering = (volunteers > 0).then(|| {
        i18n::t_args(
            l,
            "grant-volunteer-hours",
            &[
                ("volunteers", fluent_bundle::FluentValue::from(volunteers)),
                (
                    "hours",
                    fluent_bundle::FluentValue::from(i18n::format_hours(l, volunteer_minutes)),
                ),
            ],
        )
    });
    Ok(ReportPage {
        ctx: pc,
        seen,
        volunteering,
        lines,
        participants: typed
            .map(|d| d.participants.clone())
            .unwrap_or_else(|| suggested.to_string()),
        narrative: typed.map(|d| d.narrative.clone()).unwrap_or_default(),
        certified: typed.is_some_and(|d| d.accounts_certified),
        needs_certified: reports::needs_certified_accounts(&v),
        granted: v
            .application
            .amount_granted_ore
            .map(|ore| i18n::format_money(l, ore))
            .unwrap_or_default(),
        v,
        errors,
    })
}

/// `GET /grants/applications/{id}/report`: the applicant's report on a granted application.
pub async fn form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let p = report_page(&st, &ctx, id, None, FormErrors::default()).await?;
    Ok(page(&p))
}

/// `POST /grants/applications/{id}/report`: makes the report (once).
pub async fn report(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let pairs = crate::input::form_pairs(&body);
    let mut form: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in pairs {
        form.entry(k).or_insert(v);
    }
    let v = |key: &str| form.get(key).cloned().unwrap_or_default();
    let lines = (0..MAX_REPORT_LINES)
        .take_while(|i| form.contains_key(&format!("spent[{i}]")))
        .count();
    let draft = reports::ReportDraft {
        spent: (0..lines)
            .map(|i| Amount::Kroner(v(&format!("spent[{i}]"))))
            .collect(),
        participants: v("participants"),
        narrative: v("narrative"),
        accounts_certified: v("accounts_certified") == "yes",
    };
    match reports::report(&st.app, &ctx.actor, id, &draft).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/grants/applications/{id}?notice=notice-grant-reported"
        ))
        .into_response()),
        Err(naboskab_app::Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            let p = report_page(&st, &ctx, id, Some(&draft), errors).await?;
            Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(e.into()),
    }
}

/// Most budget lines a report form carries (an application has at most 50).
const MAX_REPORT_LINES: usize = 50;
