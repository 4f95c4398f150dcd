//! The public directory of places and parties: the 98 municipalities, housing areas,
//! departments and the organisations active in them, and what a page about one of them shows
//! (where it belongs, what it holds, who to talk to, who works there). Everything here is
//! public (partnerships show their public part); the one thing that depends on the reader is
//! whether they may manage the place.

use crate::error::{Error, Result};
use crate::{App, authorize};
use naboskab_domain::policy::decide;
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::offers::{self, StaffContact};
use naboskab_store::orgs::{self, Municipality, Organisation};

/// Every municipality, as stored (by code).
pub async fn municipalities(app: &App) -> Result<Vec<Municipality>> {
    Ok(orgs::municipalities(&app.db).await?)
}

/// One municipality by its four-digit code (`169` is read as `0169`), or not found.
pub async fn municipality(app: &App, code: &str) -> Result<Municipality> {
    orgs::municipality(&app.db, &format!("{code:0>4}"))
        .await?
        .ok_or(Error::NotFound)
}

/// The organisations of one kind, by name.
pub async fn of_kind(app: &App, kind: OrgKind) -> Result<Vec<Organisation>> {
    Ok(orgs::organisations_of_kind(&app.db, kind).await?)
}

/// The organisations located in a municipality, or, without one, every party except the
/// municipalities and the platform.
pub async fn directory(app: &App, municipality: Option<&str>) -> Result<Vec<Organisation>> {
    Ok(match municipality {
        Some(code) => orgs::organisations_in_municipality(&app.db, &format!("{code:0>4}")).await?,
        None => orgs::partner_organisations(&app.db).await?,
    })
}

/// A public organisation (the platform itself is none), or not found.
pub async fn organisation(app: &App, id: i64) -> Result<Organisation> {
    orgs::organisation(&app.db, id)
        .await?
        .filter(|o| o.kind != OrgKind::Platform)
        .ok_or(Error::NotFound)
}

/// The name of an organisation, when there is one with that id.
pub async fn name_of(app: &App, id: i64) -> Result<Option<String>> {
    Ok(orgs::organisation(&app.db, id).await?.map(|o| o.name))
}

/// A department, or not found.
pub async fn department(app: &App, id: i64) -> Result<Organisation> {
    orgs::organisation(&app.db, id)
        .await?
        .filter(|o| o.kind == OrgKind::Department)
        .ok_or(Error::NotFound)
}

/// What the page of an organisation shows besides the organisation itself.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The organisation it belongs to.
    pub parent: Option<Organisation>,
    /// Its municipality.
    pub municipality: Option<Municipality>,
    /// A housing area's departments, or the organisations under it.
    pub children: Vec<Organisation>,
    /// The housing areas a department is part of.
    pub areas: Vec<Organisation>,
    /// Which offers belong on its page; `None` when there are none to look for (an area
    /// without departments).
    pub offers: Option<OfferQuery>,
    /// A department's social caretakers and other staff to turn to.
    pub caretakers: Vec<StaffContact>,
    /// The other organisations with published offers in a department.
    pub partners: Vec<Organisation>,
    /// The partnerships it takes part in, or that link its rooms or offers (public part).
    pub partnerships: Vec<naboskab_store::partnerships::Partnership>,
    /// For the people who follow its volunteering (a department's board, the housing
    /// organisation's staff): the activities that stand on one person and the volunteers who
    /// carry too many.
    pub volunteer_alerts: Option<crate::volunteering::Alerts>,
    /// Whether the reader may see its members and manage it.
    pub can_manage: bool,
}

/// What the page of `org` shows, for `actor`.
pub async fn overview(app: &App, actor: &Actor, org: &Organisation) -> Result<Overview> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let parent = match org.parent_id {
        Some(id) => orgs::organisation(&app.db, id).await?,
        None => None,
    };
    let municipality = match &org.municipality_code {
        Some(code) => orgs::municipality(&app.db, code).await?,
        None => None,
    };
    let children = match org.kind {
        OrgKind::HousingArea => orgs::area_departments(&app.db, org.id).await?,
        _ => orgs::children(&app.db, org.id).await?,
    };
    let is_department = org.kind == OrgKind::Department;
    let areas = if is_department {
        orgs::areas_of_department(&app.db, org.id).await?
    } else {
        vec![]
    };
    let offers = match org.kind {
        OrgKind::Department => Some(OfferQuery {
            department_id: Some(org.id),
            ..Default::default()
        }),
        OrgKind::HousingArea => (!children.is_empty()).then(|| OfferQuery {
            department_ids: children.iter().map(|d| d.id).collect(),
            ..Default::default()
        }),
        _ => Some(OfferQuery {
            organisation_id: Some(org.id),
            ..Default::default()
        }),
    };
    let chain = orgs::chain(&app.db, org.id).await?;
    let caretakers = if is_department {
        offers::caretakers_for(&app.db, &chain).await?
    } else {
        vec![]
    };
    let mut partners = Vec::new();
    if is_department {
        for id in offers::organisations_active_in(&app.db, org.id).await? {
            if Some(id) != org.parent_id
                && id != org.id
                && let Some(o) = orgs::organisation(&app.db, id).await?
            {
                partners.push(o);
            }
        }
    }
    let can_manage = decide(
        actor,
        Action::ViewMembers,
        &Resource::Organisation { chain },
    )
    .is_allowed();
    let partnerships = crate::partnerships::of_place(app, org.id).await?;
    let followed = matches!(
        org.kind,
        OrgKind::Department | OrgKind::HousingOrganisation | OrgKind::HousingArea
    ) && crate::volunteering::follows(app, actor, org.id).await?;
    let volunteer_alerts = if followed {
        Some(crate::volunteering::alerts(app, actor, org.id, None).await?)
    } else {
        None
    };
    Ok(Overview {
        parent,
        municipality,
        children,
        areas,
        offers,
        caretakers,
        partners,
        partnerships,
        volunteer_alerts,
        can_manage,
    })
}
