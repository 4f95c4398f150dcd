//! "Føler du dig ensom?": where to turn when lonely. Helplines, the social caretakers of the
//! visitor's department, offers where newcomers are welcome near them, and a "contact me" form
//! that stores a request for the outreach staff before it says thank you. If storing fails,
//! the visitor is told and the form keeps what they typed.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::offers::{CardView, Choice, cards_for};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_app::i18n::language_name;
use naboskab_app::lonely::{self, ContactDraft};
use naboskab_domain::{Action, Resource};
use naboskab_store::offers::{Helpline, StaffContact};
use serde::Deserialize;

/// The contact form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    department: String,
    name: String,
    phone: String,
    email: String,
    preferred_language: String,
    when_to_call: String,
    message: String,
    consent: String,
}

#[derive(Template)]
#[template(path = "lonely.html")]
struct LonelyPage {
    ctx: PageCtx,
    helplines: Vec<Helpline>,
    departments: Vec<Choice>,
    department_name: Option<String>,
    caretakers: Vec<StaffContact>,
    offers: Vec<CardView>,
    form: ContactForm,
    languages: Vec<Choice>,
    errors: FormErrors,
    store_failed: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LonelyQuery {
    department: String,
}

async fn build(
    st: &AppState,
    ctx: &Ctx,
    department: Option<i64>,
    form: ContactForm,
    errors: FormErrors,
    store_failed: bool,
) -> AppResult<LonelyPage> {
    let p = PageCtx::new(st, ctx);
    let turn = lonely::where_to_turn(&st.app, department).await?;
    let offers = cards_for(st, ctx.locale, turn.offers, turn.centre, 6).await?;
    let current = turn.department.as_ref().map(|d| d.id);
    let languages = naboskab_domain::offer::LANGUAGES
        .iter()
        .map(|l| Choice {
            value: l.to_string(),
            label: language_name(l).to_owned(),
            selected: form.preferred_language == *l
                || (form.preferred_language.is_empty() && *l == ctx.locale.code()),
        })
        .collect();
    Ok(LonelyPage {
        helplines: turn.helplines,
        departments: turn
            .departments
            .iter()
            .map(|d| Choice {
                value: d.id.to_string(),
                label: d.name.clone(),
                selected: current == Some(d.id),
            })
            .collect(),
        department_name: turn.department.map(|d| d.name),
        caretakers: turn.caretakers,
        offers,
        form,
        languages,
        errors,
        store_failed,
        ctx: p,
    })
}

/// `GET /ensom`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let q: LonelyQuery =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or_default()).unwrap_or_default();
    let department = match q.department.parse::<i64>() {
        Ok(id) => Some(id),
        Err(_) => lonely::resident_department(&st.app, &ctx.actor).await?,
    };
    let form = ContactForm {
        department: department.map(|d| d.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    Ok(page(
        &build(&st, &ctx, department, form, FormErrors::default(), false).await?,
    ))
}

#[derive(Template)]
#[template(path = "message.html")]
struct Thanks {
    ctx: PageCtx,
    title: String,
    body: String,
}

/// `POST /ensom`: stores a "contact me" request.
pub async fn contact(
    State(st): State<AppState>,
    ctx: Ctx,
    Form(f): Form<ContactForm>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let draft = ContactDraft {
        department: f.department.clone(),
        name: f.name.clone(),
        phone: f.phone.clone(),
        email: f.email.clone(),
        preferred_language: f.preferred_language.clone(),
        when_to_call: f.when_to_call.clone(),
        message: f.message.clone(),
        consent: f.consent == "yes",
    };
    let department = f.department.parse::<i64>().ok();
    let checked = match lonely::check_contact_request(&st.app, &draft).await {
        Ok(checked) => checked,
        Err(naboskab_app::Error::Invalid(problems)) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            return Ok(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &build(&st, &ctx, department, f, errors, false).await?,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let now = st.now();
    if !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    match lonely::store_contact_request(&st.app, checked, ctx.t("lonely-consent")).await {
        Ok(_) => {
            let p = PageCtx::new(&st, &ctx);
            Ok(page(&Thanks {
                title: p.t("lonely-thanks-title"),
                body: p.t("lonely-thanks-body"),
                ctx: p,
            }))
        }
        Err(e) => {
            tracing::error!(error = %e, "contact request could not be stored");
            let page_data = build(&st, &ctx, department, f, FormErrors::default(), true).await;
            match page_data {
                Ok(p) => Ok(page_with_status(StatusCode::SERVICE_UNAVAILABLE, &p)),
                Err(_) => Err(AppError::Unavailable),
            }
        }
    }
}
