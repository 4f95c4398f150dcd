//! Public pages: the front page, about, the municipality list and pages, and the pages of
//! departments and other organisations.

use crate::context::Ctx;
use crate::error::AppResult;
use crate::pages::offers::{CardView, cards_for};
use crate::state::AppState;
use crate::templates::{PageCtx, page};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use naboskab_app::places;
use naboskab_domain::{Action, OrgKind, Resource};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::offers::StaffContact;
use naboskab_store::orgs::{Municipality, Organisation};

/// An organisation as listed on pages: name, link and kind label.
#[derive(Debug, Clone)]
pub struct OrgLink {
    /// Name.
    pub name: String,
    /// Its page.
    pub href: String,
    /// Localized kind.
    pub kind_label: String,
    /// One-line address, if any.
    pub address: String,
}

pub use crate::links::org_href;

fn address_line(o: &Organisation) -> String {
    let place = [o.postal_code.clone(), o.city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    [o.street.clone(), Some(place)]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn link(p: &PageCtx, o: &Organisation) -> OrgLink {
    OrgLink {
        name: o.name.clone(),
        href: org_href(o),
        kind_label: p.t(&format!("org-kind-{}", o.kind.as_str())),
        address: address_line(o),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
    areas: Vec<OrgLink>,
    departments: Vec<OrgLink>,
    cards: Vec<CardView>,
    today: Vec<crate::views::CalendarEntry>,
    today_near: bool,
}

/// `GET /`
pub async fn home(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let p = PageCtx::new(&st, &ctx);
    let areas = places::of_kind(&st.app, OrgKind::HousingArea)
        .await?
        .iter()
        .map(|o| link(&p, o))
        .collect();
    let department_orgs = places::of_kind(&st.app, OrgKind::Department).await?;
    let departments = department_orgs.iter().map(|o| link(&p, o)).collect();
    let cards = cards_for(
        &st,
        ctx.locale,
        OfferQuery {
            newcomers_welcome: true,
            ..Default::default()
        },
        None,
        6,
    )
    .await?;
    let (today, today_near) =
        crate::pages::calendar::today_entries(&st, &ctx, &department_orgs, 8).await?;
    Ok(page(&HomePage {
        ctx: p,
        areas,
        departments,
        cards,
        today,
        today_near,
    }))
}

#[derive(Template)]
#[template(path = "about.html")]
struct AboutPage {
    ctx: PageCtx,
}

/// `GET /about`
pub async fn about(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    Ok(page(&AboutPage {
        ctx: PageCtx::new(&st, &ctx),
    }))
}

#[derive(Template)]
#[template(path = "municipalities.html")]
struct MunicipalitiesPage {
    ctx: PageCtx,
    regions: Vec<(String, Vec<Municipality>)>,
}

/// `GET /municipalities`: all 98, grouped by region.
pub async fn municipalities(State(st): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let mut all = places::municipalities(&st.app).await?;
    all.sort_by(|a, b| {
        a.region_code
            .cmp(&b.region_code)
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut regions: Vec<(String, Vec<Municipality>)> = Vec::new();
    for m in all {
        match regions.last_mut() {
            Some((name, list)) if *name == m.region_name => list.push(m),
            _ => regions.push((m.region_name.clone(), vec![m])),
        }
    }
    Ok(page(&MunicipalitiesPage {
        ctx: PageCtx::new(&st, &ctx),
        regions,
    }))
}

#[derive(Template)]
#[template(path = "municipality.html")]
struct MunicipalityPage {
    ctx: PageCtx,
    municipality: Municipality,
    departments: Vec<OrgLink>,
    partners: Vec<OrgLink>,
    cards: Vec<CardView>,
    feed_href: String,
    /// The municipality's grant calls: `(id, title, deadline)`.
    grant_calls: Vec<(i64, String, String)>,
}

/// `GET /municipalities/{code}`: its departments and partners. Accepts `169` for `0169`.
pub async fn municipality(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    if code.len() < 4 && !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Redirect::permanent(&format!("/municipalities/{code:0>4}")).into_response());
    }
    let municipality = places::municipality(&st.app, &code).await?;
    let p = PageCtx::new(&st, &ctx);
    let located = places::directory(&st.app, Some(&municipality.code)).await?;
    let (deps, others): (Vec<_>, Vec<_>) =
        located.iter().partition(|o| o.kind == OrgKind::Department);
    let cards = cards_for(
        &st,
        ctx.locale,
        OfferQuery {
            municipality_code: Some(code.clone()),
            ..Default::default()
        },
        None,
        12,
    )
    .await?;
    let grant_calls = naboskab_app::grants::calls_in_municipality(&st.app, &municipality.code)
        .await?
        .into_iter()
        .map(|c| {
            let deadline = crate::pages::grants::when(ctx.locale, c.deadline_at);
            (c.id, c.fields.title, deadline)
        })
        .collect();
    Ok(page(&MunicipalityPage {
        cards,
        grant_calls,
        feed_href: format!("/municipalities/{code}/feed.atom"),
        departments: deps.iter().map(|o| link(&p, o)).collect(),
        partners: others.iter().map(|o| link(&p, o)).collect(),
        ctx: p,
        municipality,
    }))
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    ctx: PageCtx,
    org: Organisation,
    kind_label: String,
    address: String,
    parent: Option<OrgLink>,
    municipality: Option<Municipality>,
    children: Vec<OrgLink>,
    areas: Vec<OrgLink>,
    map_url: Option<String>,
    can_manage: bool,
    cards: Vec<CardView>,
    caretakers: Vec<StaffContact>,
    partners: Vec<OrgLink>,
    partnerships: Vec<super::partnerships::PartnershipRow>,
    volunteer_alerts: Option<naboskab_app::volunteering::Alerts>,
    feed_href: Option<String>,
}

async fn organisation_page(st: &AppState, ctx: &Ctx, org: Organisation) -> AppResult<Response> {
    let view = places::overview(&st.app, &ctx.actor, &org).await?;
    let p = PageCtx::new(st, ctx);
    let links = |list: &[Organisation]| list.iter().map(|o| link(&p, o)).collect::<Vec<_>>();
    let map_url = match (org.lat, org.lon) {
        (Some(lat), Some(lon)) => Some(format!(
            "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        )),
        _ => None,
    };
    let cards = match view.offers {
        Some(query) => cards_for(st, ctx.locale, query, None, 12).await?,
        None => vec![],
    };
    let feed_href =
        (org.kind == OrgKind::Department).then(|| format!("/departments/{}/feed.atom", org.id));
    Ok(page(&OrganisationPage {
        kind_label: p.t(&format!("org-kind-{}", org.kind.as_str())),
        address: address_line(&org),
        parent: view.parent.as_ref().map(|o| link(&p, o)),
        municipality: view.municipality,
        children: links(&view.children),
        areas: links(&view.areas),
        partners: links(&view.partners),
        partnerships: super::partnerships::rows(st, ctx.locale, &view.partnerships),
        volunteer_alerts: view.volunteer_alerts,
        ctx: p,
        map_url,
        can_manage: view.can_manage,
        cards,
        caretakers: view.caretakers,
        feed_href,
        org,
    }))
}

/// `GET /departments/{id}`
pub async fn department(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let org = places::department(&st.app, id).await?;
    organisation_page(&st, &ctx, org).await
}

/// `GET /organisations/{id}`: departments and municipalities redirect to their own pages.
pub async fn organisation(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.authorize(Action::ReadPublic, &Resource::Public)?;
    let org = places::organisation(&st.app, id).await?;
    if matches!(org.kind, OrgKind::Department | OrgKind::Municipality) {
        return Ok(Redirect::permanent(&org_href(&org)).into_response());
    }
    organisation_page(&st, &ctx, org).await
}
