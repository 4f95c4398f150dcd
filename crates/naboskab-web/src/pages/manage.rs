//! Organisers create, edit, preview and archive their organisation's offers; staff of a
//! housing organisation approve offers from associations that are new to it. Every step asks
//! the policy: `ManageOffers` on the owning organisation (and the department, if any),
//! `ApproveOffers` on the department's housing organisation.

use crate::context::Ctx;
use crate::error::{AppError, AppResult, FieldError};
use crate::find::language_name;
use crate::pages::offers::{Choice, can_manage};
use crate::state::AppState;
use crate::templates::{FormErrors, PageCtx, page, page_with_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::offer::{
    KINDS, LANGUAGES, OfferRules, TARGET_GROUPS, WEEKDAYS, check_offer, parse_price_kroner,
};
use naboskab_domain::{Action, OrgKind, Resource, policy};
use naboskab_store::offers::{self, Offer, Translation};
use naboskab_store::orgs::{self, Organisation};

/// The organisations the actor may publish offers for.
async fn my_organisations(st: &AppState, ctx: &Ctx) -> AppResult<Vec<Organisation>> {
    let mut out: Vec<Organisation> = Vec::new();
    for m in &ctx.actor.memberships {
        let Some(o) = orgs::organisation(&st.db, m.organisation_id).await? else {
            continue;
        };
        let chain = orgs::chain(&st.db, o.id).await?;
        if policy::decide(
            &ctx.actor,
            Action::ManageOffers,
            &Resource::Organisation { chain },
        )
        .is_allowed()
            && !matches!(o.kind, OrgKind::Platform | OrgKind::Municipality)
            && !out.iter().any(|x| x.id == o.id)
        {
            out.push(o);
        }
    }
    Ok(out)
}

/// Whether offers of `org` placed in `department` wait for approval: associations and other
/// partners that have no published offer in that housing organisation yet, unless the housing
/// organisation turned approval off.
async fn needs_approval(
    st: &AppState,
    org: &Organisation,
    department: Option<i64>,
) -> AppResult<bool> {
    if matches!(
        org.kind,
        OrgKind::Department | OrgKind::HousingOrganisation | OrgKind::HousingArea
    ) {
        return Ok(false);
    }
    let Some(dep) = department else {
        return Ok(false);
    };
    let Some(housing_org) = orgs::organisation(&st.db, dep)
        .await?
        .and_then(|d| d.parent_id)
    else {
        return Ok(false);
    };
    if !orgs::offers_need_approval(&st.db, housing_org).await? {
        return Ok(false);
    }
    let siblings: Vec<i64> = orgs::children(&st.db, housing_org)
        .await?
        .iter()
        .map(|d| d.id)
        .collect();
    let known = offers::offers_of_organisation(&st.db, org.id).await?;
    for (id, _, status) in known {
        if status == OfferStatus::Published
            && let Some(o) = offers::offer(&st.db, id).await?
            && o.department_id.is_some_and(|d| siblings.contains(&d))
        {
            return Ok(false);
        }
    }
    Ok(true)
}

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
    let orgs_mine = my_organisations(&st, &ctx).await?;
    let mut mine = Vec::new();
    for o in &orgs_mine {
        for (id, title, status) in offers::offers_of_organisation(&st.db, o.id).await? {
            mine.push((id, title, o.name.clone(), p.t(&format!("status-{status}"))));
        }
    }
    let mut approvable = Vec::new();
    for m in &ctx.actor.memberships {
        let chain = orgs::chain(&st.db, m.organisation_id).await?;
        if policy::decide(
            &ctx.actor,
            Action::ApproveOffers,
            &Resource::Organisation { chain },
        )
        .is_allowed()
        {
            approvable.push(m.organisation_id);
            approvable.extend(
                orgs::children(&st.db, m.organisation_id)
                    .await?
                    .iter()
                    .map(|d| d.id),
            );
        }
    }
    let pending = if approvable.is_empty() {
        vec![]
    } else {
        offers::pending_offers(&st.db, &approvable)
            .await?
            .into_iter()
            .map(|(id, t, _)| (id, t))
            .collect()
    };
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
    f: OfferForm,
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

/// The offer form as typed (multi-valued fields are lists of codes).
#[derive(Debug, Clone, Default)]
pub struct OfferForm {
    organisation: String,
    department: String,
    kind: String,
    title: String,
    description: String,
    title_en: String,
    description_en: String,
    title_ar: String,
    description_ar: String,
    categories: Vec<String>,
    targets: Vec<String>,
    languages: Vec<String>,
    weekdays: Vec<String>,
    when_text: String,
    price: String,
    drop_in: bool,
    newcomers_welcome: bool,
    bring_friend: bool,
    step_free: bool,
    accessible_toilet: bool,
    hearing_loop: bool,
    contact_name: String,
    contact_phone: String,
    contact_email: String,
    street: String,
    postal_code: String,
    city: String,
    what_to_bring: String,
    first_time: String,
    intent: String,
}

impl OfferForm {
    fn parse(body: &str) -> OfferForm {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap_or_default();
        let mut f = OfferForm::default();
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
                "intent" => f.intent = v,
                _ => {}
            }
        }
        f
    }

    fn from_offer(o: &Offer) -> OfferForm {
        let tr = |l: &str| o.translations.iter().find(|t| t.locale == l).cloned();
        let en = tr("en");
        let ar = tr("ar");
        OfferForm {
            organisation: o.organisation_id.to_string(),
            department: o.department_id.map(|d| d.to_string()).unwrap_or_default(),
            kind: o.kind.clone(),
            title: o.title.clone(),
            description: o.description_html.clone(),
            title_en: en.as_ref().map(|t| t.title.clone()).unwrap_or_default(),
            description_en: en.map(|t| t.description_html).unwrap_or_default(),
            title_ar: ar.as_ref().map(|t| t.title.clone()).unwrap_or_default(),
            description_ar: ar.map(|t| t.description_html).unwrap_or_default(),
            categories: o.categories.clone(),
            targets: o.target_groups.clone(),
            languages: o.languages.clone(),
            weekdays: o.weekdays.clone(),
            when_text: o.when_text.clone(),
            price: o
                .price_ore
                .map(|p| format!("{},{:02}", p / 100, p % 100))
                .unwrap_or_default(),
            drop_in: o.drop_in,
            newcomers_welcome: o.newcomers_welcome,
            bring_friend: o.bring_friend,
            step_free: o.step_free,
            accessible_toilet: o.accessible_toilet,
            hearing_loop: o.hearing_loop,
            contact_name: o.contact_name.clone(),
            contact_phone: o.contact_phone.clone(),
            contact_email: o.contact_email.clone(),
            street: o.street.clone(),
            postal_code: o.postal_code.clone(),
            city: o.city.clone(),
            what_to_bring: o.what_to_bring.clone(),
            first_time: o.first_time.clone(),
            intent: String::new(),
        }
    }
}

async fn form_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading_key: &str,
    f: OfferForm,
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
    let cats = offers::categories(&st.db).await?;
    let deps = orgs::organisations_of_kind(&st.db, OrgKind::Department).await?;
    Ok(FormPage {
        organisations: single(
            my_organisations(st, ctx)
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

/// Turns a checked form into an offer; `Err` lists the problems by field.
async fn to_offer(
    st: &AppState,
    ctx: &Ctx,
    f: &OfferForm,
) -> AppResult<Result<(Offer, Organisation), Vec<FieldError>>> {
    let mut problems: Vec<FieldError> = Vec::new();
    let org = match f.organisation.parse::<i64>() {
        Ok(id) => my_organisations(st, ctx)
            .await?
            .into_iter()
            .find(|o| o.id == id),
        Err(_) => None,
    };
    if org.is_none() {
        problems.push(FieldError {
            field: "organisation".into(),
            key: "field-choose-from-list",
        });
    }
    let department = match f.department.trim() {
        "" => None,
        d => match d.parse::<i64>().ok() {
            Some(id) => match orgs::organisation(&st.db, id).await? {
                Some(dep) if dep.kind == OrgKind::Department => Some(dep),
                _ => {
                    problems.push(FieldError {
                        field: "department".into(),
                        key: "field-choose-from-list",
                    });
                    None
                }
            },
            None => {
                problems.push(FieldError {
                    field: "department".into(),
                    key: "field-choose-from-list",
                });
                None
            }
        },
    };
    let price = parse_price_kroner(&f.price).unwrap_or_else(|_| {
        problems.push(FieldError {
            field: "price".into(),
            key: "field-price-invalid",
        });
        None
    });
    let known: Vec<String> = offers::categories(&st.db)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    if f.categories.iter().any(|c| !known.contains(c)) {
        problems.push(FieldError {
            field: "category".into(),
            key: "field-choose-from-list",
        });
    }
    for (field, key) in check_offer(&OfferRules {
        title: &f.title,
        kind: &f.kind,
        target_groups: &f.targets,
        languages: &f.languages,
        weekdays: &f.weekdays,
        price_ore: price,
        coords: None,
        contact_email: f.contact_email.trim(),
    }) {
        problems.push(FieldError {
            field: field.to_owned(),
            key,
        });
    }
    for (field, value, max) in [
        ("title_en", &f.title_en, 120),
        ("title_ar", &f.title_ar, 120),
        ("description", &f.description, 10_000),
        ("when_text", &f.when_text, 200),
    ] {
        if value.chars().count() > max {
            problems.push(FieldError {
                field: field.into(),
                key: "field-too-long",
            });
        }
    }
    let (Some(org), true) = (org, problems.is_empty()) else {
        return Ok(Err(problems));
    };
    let place = department.clone().unwrap_or_else(|| org.clone());
    let mut translations = Vec::new();
    for (locale, title, description) in [
        ("en", &f.title_en, &f.description_en),
        ("ar", &f.title_ar, &f.description_ar),
    ] {
        if !title.trim().is_empty() {
            translations.push(Translation {
                locale: locale.into(),
                title: title.trim().into(),
                description_html: crate::richtext::sanitize(description),
            });
        }
    }
    let typed_address = !f.street.trim().is_empty();
    let offer = Offer {
        organisation_id: org.id,
        department_id: department.as_ref().map(|d| d.id),
        kind: f.kind.clone(),
        title: f.title.trim().into(),
        description_html: crate::richtext::sanitize(&f.description),
        step_free: f.step_free,
        accessible_toilet: f.accessible_toilet,
        hearing_loop: f.hearing_loop,
        price_ore: price,
        drop_in: f.drop_in,
        newcomers_welcome: f.newcomers_welcome,
        bring_friend: f.bring_friend,
        contact_name: f.contact_name.trim().into(),
        contact_phone: f.contact_phone.trim().into(),
        contact_email: f.contact_email.trim().into(),
        street: if typed_address {
            f.street.trim().into()
        } else {
            place.street.clone().unwrap_or_default()
        },
        postal_code: if typed_address {
            f.postal_code.trim().into()
        } else {
            place.postal_code.clone().unwrap_or_default()
        },
        city: if typed_address {
            f.city.trim().into()
        } else {
            place.city.clone().unwrap_or_default()
        },
        lat: place.lat,
        lon: place.lon,
        municipality_code: place.municipality_code.clone(),
        when_text: f.when_text.trim().into(),
        what_to_bring: f.what_to_bring.trim().into(),
        first_time: f.first_time.trim().into(),
        categories: f.categories.clone(),
        target_groups: f.targets.clone(),
        languages: f.languages.clone(),
        weekdays: f.weekdays.clone(),
        translations,
        created_by: ctx.actor.user_id,
        ..Default::default()
    };
    Ok(Ok((offer, org)))
}

/// Checks a submitted form. `Ok` carries the offer to store; `Err` the page to answer instead:
/// the form again with its problems (422), or the preview the organiser asked for.
async fn checked_or_page(
    st: &AppState,
    ctx: &Ctx,
    action: String,
    heading_key: &str,
    f: OfferForm,
) -> AppResult<Result<(Offer, Organisation), Response>> {
    match to_offer(st, ctx, &f).await? {
        Err(problems) => {
            let errors = FormErrors::new(ctx.locale, &problems);
            let p = form_page(st, ctx, action, heading_key, f, errors, None).await?;
            Ok(Err(page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p)))
        }
        Ok((offer, _)) if f.intent == "preview" => {
            let preview = Some(offer.description_html.clone());
            Ok(Err(page(
                &form_page(
                    st,
                    ctx,
                    action,
                    heading_key,
                    f,
                    FormErrors::default(),
                    preview,
                )
                .await?,
            )))
        }
        Ok(checked) => Ok(Ok(checked)),
    }
}

/// `GET /offers/new`
pub async fn new_form(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require_user()?;
    let mine = my_organisations(&st, &ctx).await?;
    let Some(first) = mine.first() else {
        return Err(AppError::Forbidden);
    };
    let f = OfferForm {
        organisation: first.id.to_string(),
        kind: "activity".into(),
        languages: vec!["da".into()],
        ..Default::default()
    };
    Ok(page(
        &form_page(
            &st,
            &ctx,
            "/offers/new".into(),
            "manage-new-offer",
            f,
            FormErrors::default(),
            None,
        )
        .await?,
    ))
}

/// `POST /offers/new`: preview, save as draft, or publish (or send for approval).
pub async fn create(State(st): State<AppState>, ctx: Ctx, body: String) -> AppResult<Response> {
    ctx.require_user()?;
    if my_organisations(&st, &ctx).await?.is_empty() {
        return Err(AppError::Forbidden);
    }
    let f = OfferForm::parse(&body);
    let (mut offer, org) = match checked_or_page(
        &st,
        &ctx,
        "/offers/new".into(),
        "manage-new-offer",
        f.clone(),
    )
    .await?
    {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    offer.status = if f.intent == "publish" {
        if needs_approval(&st, &org, offer.department_id).await? {
            OfferStatus::Pending
        } else {
            OfferStatus::Published
        }
    } else {
        OfferStatus::Draft
    };
    let id = offers::create_offer(&st.db, &offer, st.now()).await?;
    tracing::info!(offer = id, user = ?ctx.actor.user_id, status = %offer.status, "offer created");
    Ok(Redirect::to(&format!(
        "/offers/{id}?notice=notice-offer-{}",
        offer.status
    ))
    .into_response())
}

/// The offer, if the signed-in actor may manage it; 404 otherwise (ids do not leak).
async fn load_for_edit(st: &AppState, ctx: &Ctx, id: i64) -> AppResult<Offer> {
    ctx.require_user()?;
    let o = offers::offer(&st.db, id).await?.ok_or(AppError::NotFound)?;
    if !can_manage(st, ctx, &o).await? {
        return Err(AppError::NotFound);
    }
    Ok(o)
}

/// `GET /offers/{id}/edit`
pub async fn edit_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let o = load_for_edit(&st, &ctx, id).await?;
    Ok(page(
        &form_page(
            &st,
            &ctx,
            format!("/offers/{id}/edit"),
            "manage-edit-offer",
            OfferForm::from_offer(&o),
            FormErrors::default(),
            None,
        )
        .await?,
    ))
}

/// `POST /offers/{id}/edit`
pub async fn update(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    body: String,
) -> AppResult<Response> {
    let existing = load_for_edit(&st, &ctx, id).await?;
    let mut f = OfferForm::parse(&body);
    // The owner does not change on edit.
    f.organisation = existing.organisation_id.to_string();
    let (offer, org) = match checked_or_page(
        &st,
        &ctx,
        format!("/offers/{id}/edit"),
        "manage-edit-offer",
        f.clone(),
    )
    .await?
    {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    offers::update_offer(&st.db, id, &offer, st.now()).await?;
    if f.intent == "publish" && existing.status != OfferStatus::Published {
        let status = if needs_approval(&st, &org, offer.department_id).await? {
            OfferStatus::Pending
        } else {
            OfferStatus::Published
        };
        offers::set_status(&st.db, id, status, st.now()).await?;
    }
    Ok(Redirect::to(&format!("/offers/{id}?notice=notice-offer-saved")).into_response())
}

/// `POST /offers/{id}/archive`
pub async fn archive(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    load_for_edit(&st, &ctx, id).await?;
    offers::set_status(&st.db, id, OfferStatus::Archived, st.now()).await?;
    Ok(Redirect::to("/manage/offers?notice=notice-offer-archived").into_response())
}

/// `POST /offers/{id}/approve`
pub async fn approve(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let o = offers::offer(&st.db, id)
        .await?
        .filter(|o| o.status == OfferStatus::Pending)
        .ok_or(AppError::NotFound)?;
    let mut chain = Vec::new();
    if let Some(d) = o.department_id {
        chain = orgs::chain(&st.db, d).await?;
    }
    ctx.authorize(Action::ApproveOffers, &Resource::Organisation { chain })?;
    offers::set_status(&st.db, id, OfferStatus::Published, st.now()).await?;
    tracing::info!(offer = id, by = ?ctx.actor.user_id, "offer approved");
    Ok(Redirect::to("/manage/offers?notice=notice-offer-approved").into_response())
}
