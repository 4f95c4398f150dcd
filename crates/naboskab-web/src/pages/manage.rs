//! Organisers create, edit, preview and archive their organisation's offers; staff of a
//! housing organisation approve offers from associations that are new to it. Every step asks
//! the policy: `ManageOffers` on the owning organisation (and the department, if any),
//! `ApproveOffers` on the department's housing organisation.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::pages::offers::Choice;
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::i18n::language_name;
use naboskab_app::offers::{self as offer_cases, OfferDraft, Save};
use naboskab_domain::OrgKind;
use naboskab_domain::offer::{KINDS, LANGUAGES, TARGET_GROUPS, WEEKDAYS};

#[derive(Template)]
#[template(path = "manage_offers.html")]
struct ManagePage {
    ctx: PageCtx,
    mine: Vec<(i64, String, String, String)>,
    pending: Vec<(i64, String)>,
    can_create: bool,
}

/// `GET /manage/offers`: my organisations' offers and the offers waiting for my approval.
pub async fn overview(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require_user()?;
    let p = PageCtx::new(&st, &ctx);
    let orgs_mine = offer_cases::listed_by(&st.app, &ctx.actor).await?;
    let mut mine = Vec::new();
    for (o, listed) in &orgs_mine {
        for (id, title, status) in listed {
            mine.push((
                *id,
                title.clone(),
                o.name.clone(),
                p.t(&format!("status-{status}")),
            ));
        }
    }
    let pending = offer_cases::awaiting_approval(&st.app, &ctx.actor).await?;
    if orgs_mine.is_empty() && pending.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(page(&ManagePage {
        can_create: !orgs_mine.is_empty(),
        ctx: p,
        mine,
        pending,
    }))
}

#[derive(Template)]
#[template(path = "offer_form.html")]
struct FormPage {
    ctx: PageCtx,
    action: String,
    heading: String,
    f: OfferDraft,
    organisations: Vec<Choice>,
    departments: Vec<Choice>,
    kinds: Vec<Choice>,
    categories: Vec<Choice>,
    targets: Vec<Choice>,
    languages: Vec<Choice>,
    weekdays: Vec<Choice>,
    errors: FormErrors,
    preview_html: Option<String>,
}

/// Reads the offer form into a draft and what the organiser asked for (`preview`,
/// `publish`, or saving as a draft).
fn parse_form(body: &str) -> (OfferDraft, String) {
    let pairs = crate::input::form_pairs(body);
    let mut f = OfferDraft::default();
    let mut intent = String::new();
    for (k, v) in pairs {
        match k.as_str() {
            "organisation" => f.organisation = v,
            "department" => f.department = v,
            "kind" => f.kind = v,
            "title" => f.title = v,
            "description" => f.description = v,
            "title_en" => f.title_en = v,
            "description_en" => f.description_en = v,
            "title_ar" => f.title_ar = v,
            "description_ar" => f.description_ar = v,
            "category" => f.categories.push(v),
            "target_group" => f.targets.push(v),
            "language" => f.languages.push(v),
            "weekday" => f.weekdays.push(v),
            "when_text" => f.when_text = v,
            "price" => f.price = v,
            "drop_in" => f.drop_in = true,
            "newcomers_welcome" => f.newcomers_welcome = true,
            "bring_friend" => f.bring_friend = true,
            "step_free" => f.step_free = true,
            "accessible_toilet" => f.accessible_toilet = true,
            "hearing_loop" => f.hearing_loop = true,
            "contact_name" => f.contact_name = v,
            "contact_phone" => f.contact_phone = v,
            "contact_email" => f.contact_email = v,
            "street" => f.street = v,
            "postal_code" => f.postal_code = v,
            "city" => f.city = v,
            "what_to_bring" => f.what_to_bring = v,
            "first_time" => f.first_time = v,
            "intent" => intent = v,
            _ => {}
        }
    }
    (f, intent)
}

fn save_of(intent: &str) -> Save {
    if intent == "publish" {
        Save::Publish
    } else {
        Save::Draft
    }
}

async fn form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading_key: &str,
    f: OfferDraft,
    errors: FormErrors,
    preview_html: Option<String>,
) -> AppResult<FormPage> {
    let p = PageCtx::new(st, ctx);
    let locale = ctx.locale.code();
    let multi = crate::pages::offers::multi_choices;
    let single = |values: Vec<(String, String)>, chosen: &str| -> Vec<Choice> {
        values
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == chosen,
                value,
                label,
            })
            .collect()
    };
    let cats = naboskab_app::find::categories(&st.app).await?;
    let deps = naboskab_app::places::of_kind(&st.app, OrgKind::Department).await?;
    Ok(FormPage {
        organisations: single(
            offer_cases::publishing_organisations(&st.app, &ctx.actor)
                .await?
                .iter()
                .map(|o| (o.id.to_string(), o.name.clone()))
                .collect(),
            &f.organisation,
        ),
        departments: single(
            deps.iter()
                .map(|d| (d.id.to_string(), d.name.clone()))
                .collect(),
            &f.department,
        ),
        kinds: single(
            KINDS
                .iter()
                .map(|k| (k.to_string(), p.t(&format!("kind-{k}"))))
                .collect(),
            &f.kind,
        ),
        categories: multi(
            cats.iter()
                .map(|c| (c.code.clone(), c.name(locale).to_owned()))
                .collect(),
            &f.categories,
        ),
        targets: multi(
            TARGET_GROUPS
                .iter()
                .map(|t| (t.to_string(), p.t(&format!("target-{t}"))))
                .collect(),
            &f.targets,
        ),
        languages: multi(
            LANGUAGES
                .iter()
                .map(|l| (l.to_string(), language_name(l).to_owned()))
                .collect(),
            &f.languages,
        ),
        weekdays: multi(
            WEEKDAYS
                .iter()
                .map(|d| (d.to_string(), p.t(&format!("weekday-{d}"))))
                .collect(),
            &f.weekdays,
        ),
        heading: p.t(heading_key),
        action,
        f,
        errors,
        preview_html,
        ctx: p,
    })
}

/// Answers a submitted form that is not stored: the form again with its problems (422), or
/// the preview the organiser asked for. `None` when the draft is to be saved.
async fn unsaved_answer(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading_key: &str,
    f: &OfferDraft,
    intent: &str,
) -> AppResult<Option<Response>> {
    if intent != "preview" {
        return Ok(None);
    }
    match offer_cases::check(&st.app, &ctx.actor, f).await {
        Ok((offer, _)) => {
            let preview = Some(offer.description_html);
            let p = form_page(
                st,
                ctx,
                action,
                heading_key,
                f.clone(),
                FormErrors::default(),
                preview,
            );
            Ok(Some(page(&p.await?)))
        }
        Err(e) => invalid_answer(st, ctx, action, heading_key, f, e)
            .await
            .map(Some),
    }
}

/// The form again with the problems a use case named (422); any other refusal as itself.
async fn invalid_answer(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading_key: &str,
    f: &OfferDraft,
    e: naboskab_app::Error,
) -> AppResult<Response> {
    let naboskab_app::Error::Invalid(problems) = e else {
        return Err(e.into());
    };
    let errors = FormErrors::new(ctx.locale, &problems);
    let p = form_page(st, ctx, action, heading_key, f.clone(), errors, None).await?;
    Ok(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}

/// `GET /offers/new`
pub async fn new_form(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require_user()?;
    let mine = offer_cases::publishing_organisations(&st.app, &ctx.actor).await?;
    let Some(first) = mine.first() else {
        return Err(AppError::Forbidden);
    };
    let f = OfferDraft {
        organisation: first.id.to_string(),
        kind: "activity".into(),
        languages: vec!["da".into()],
        ..Default::default()
    };
    let p = form_page(
        &st,
        &ctx,
        "/offers/new".into(),
        "manage-new-offer",
        f,
        FormErrors::default(),
        None,
    );
    Ok(page(&p.await?))
}

/// `POST /offers/new`: preview, save as draft, or publish (or send for approval).
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    ctx.require_user()?;
    if offer_cases::publishing_organisations(&st.app, &ctx.actor)
        .await?
        .is_empty()
    {
        return Err(AppError::Forbidden);
    }
    let (f, intent) = parse_form(&body);
    let (action, heading) = (String::from("/offers/new"), "manage-new-offer");
    if let Some(answer) = unsaved_answer(&st, &ctx, action.clone(), heading, &f, &intent).await? {
        return Ok(answer);
    }
    match offer_cases::create(&st.app, &ctx.actor, &f, save_of(&intent)).await {
        Ok((id, status)) => {
            Ok(Redirect::to(&format!("/offers/{id}?notice=notice-offer-{status}")).into_response())
        }
        Err(e) => invalid_answer(&st, &ctx, action, heading, &f, e).await,
    }
}

/// `GET /offers/{id}/edit`
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require_user()?;
    let o = offer_cases::for_editing(&st.app, &ctx.actor, id).await?;
    let p = form_page(
        &st,
        &ctx,
        format!("/offers/{id}/edit"),
        "manage-edit-offer",
        OfferDraft::from_offer(&o),
        FormErrors::default(),
        None,
    );
    Ok(page(&p.await?))
}

/// `POST /offers/{id}/edit`
pub async fn update(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    ctx.require_user()?;
    let existing = offer_cases::for_editing(&st.app, &ctx.actor, id).await?;
    let (mut f, intent) = parse_form(&body);
    // The owner does not change on edit.
    f.organisation = existing.organisation_id.to_string();
    let (action, heading) = (format!("/offers/{id}/edit"), "manage-edit-offer");
    if let Some(answer) = unsaved_answer(&st, &ctx, action.clone(), heading, &f, &intent).await? {
        return Ok(answer);
    }
    match offer_cases::update(&st.app, &ctx.actor, id, &f, save_of(&intent)).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/offers/{id}?notice=notice-offer-saved")).into_response())
        }
        Err(e) => invalid_answer(&st, &ctx, action, heading, &f, e).await,
    }
}

/// `POST /offers/{id}/archive`
pub async fn archive(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require_user()?;
    offer_cases::archive(&st.app, &ctx.actor, id).await?;
    Ok(Redirect::to("/manage/offers?notice=notice-offer-archived").into_response())
}

/// `POST /offers/{id}/approve`
pub async fn approve(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    offer_cases::approve(&st.app, &ctx.actor, id).await?;
    Ok(Redirect::to("/manage/offers?notice=notice-offer-approved").into_response())
}
