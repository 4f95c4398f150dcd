//! "Føler du dig ensom?": where to turn when lonely. Helplines, the social caretakers of the
//! visitor's department, offers where newcomers are welcome near them, and a "contact me" form
//! that stores a request for the outreach staff before it says thank you. If storing fails,
//! the visitor is told and the form keeps what they typed.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::pages::offers::{CardView, Choice, cards_for};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::Form;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use naboskab_app::contact::check_contact;
use naboskab_app::i18n::language_name;
use naboskab_domain::{Action, OrgKind, Resource, Role};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::offers::{self, ContactRequest, Helpline, StaffContact};
use naboskab_store::orgs;
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

async fn resident_department(st: &AppState, ctx: &Ctx) -> Option<i64> {
    let roles = &ctx.actor.memberships;
    for m in roles.iter().filter(|m| m.role == Role::Resident) {
        if let Ok(Some(o)) = orgs::organisation(&st.db, m.organisation_id).await
            && o.kind == OrgKind::Department
        {
            return Some(o.id);
        }
    }
    None
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
    let deps = orgs::organisations_of_kind(&st.db, OrgKind::Department).await?;
    let dep = department.and_then(|id| deps.iter().find(|d| d.id == id).cloned());
    let welcome = OfferQuery {
        newcomers_welcome: true,
        ..Default::default()
    };
    let (caretakers, offers) = match &dep {
        Some(d) => {
            let chain = orgs::chain(&st.db, d.id).await?;
            let centre = d.lat.zip(d.lon).map(|(lat, lon)| (lat, lon, 3_000.0));
            (
                offers::caretakers_for(&st.db, &chain).await?,
                cards_for(st, ctx.locale, welcome, centre, 6).await?,
            )
        }
        None => (vec![], cards_for(st, ctx.locale, welcome, None, 6).await?),
    };
    let current = dep.as_ref().map(|d| d.id.to_string());
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
        helplines: offers::helplines(&st.db).await?,
        departments: deps
            .iter()
            .map(|d| Choice {
                value: d.id.to_string(),
                label: d.name.clone(),
                selected: current.as_deref() == Some(&d.id.to_string()),
            })
            .collect(),
        department_name: dep.map(|d| d.name),
        caretakers,
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
        Err(_) => resident_department(&st, &ctx).await,
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
    let mut problems = Vec::new();
    let department = match f.department.parse::<i64>() {
        Ok(id) => match orgs::organisation(&st.db, id).await? {
            Some(o) if o.kind == OrgKind::Department => Some(id),
            _ => None,
        },
        Err(_) => None,
    };
    if department.is_none() {
        problems.push(FieldError {
            field: "department".into(),
            key: "field-department-required",
        });
    }
    let contact = check_contact(&f.name, &f.phone, &f.email, &mut problems);
    if f.consent != "yes" {
        problems.push(FieldError {
            field: "consent".into(),
            key: "field-consent-required",
        });
    }
    if [&f.when_to_call, &f.message, &f.preferred_language]
        .iter()
        .any(|v| v.chars().count() > 1000)
    {
        problems.push(FieldError {
            field: "message".into(),
            key: "field-too-long",
        });
    }
    if !problems.is_empty() {
        let errors = FormErrors::new(ctx.locale, &problems);
        return Ok(page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &build(&st, &ctx, department, f, errors, false).await?,
        ));
    }
    let now = st.now();
    if !st.signup_per_ip.try_acquire(&ctx.client_ip, now) {
        return Err(AppError::TooManyRequests(
            st.signup_per_ip.retry_after(&ctx.client_ip, now),
        ));
    }
    let request = ContactRequest {
        department_id: department,
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        preferred_language: f.preferred_language.clone(),
        when_to_call: f.when_to_call.trim().to_owned(),
        message: f.message.trim().to_owned(),
        consent_text: ctx.t("lonely-consent"),
        ..Default::default()
    };
    match offers::create_contact_request(&st.db, &st.config.outreach_key, &request, now).await {
        Ok(id) => {
            tracing::info!(request_id = id, department = ?department, "contact request stored");
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
