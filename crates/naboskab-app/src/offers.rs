//! Offers: organisers create, edit, publish and archive their organisation's offers; staff
//! of a housing organisation approve offers from associations new to it; who may manage an
//! offer; an offer's title in a reader's language. Every step asks the policy:
//! `ManageOffers` on the owning organisation, `ApproveOffers` on the department's housing
//! organisation.

use crate::error::{Error, FieldError, Result};
use crate::i18n::Locale;
use crate::{App, authorize, richtext};
use naboskab_domain::offer::{OfferRules, OfferStatus, check_offer, parse_price_kroner};
use naboskab_domain::{Action, Actor, OrgKind, Resource, policy};
use naboskab_store::join::{self, Occurrence, OccurrenceQuery, SeriesRow};
use naboskab_store::offers::{self, Offer, Translation};
use naboskab_store::orgs::{self, Organisation};

/// Whether `actor` may edit, archive, reschedule or cancel the offer and keep its check-in
/// list: the policy decides on the owning organisation's chain alone (the department it is
/// held in gives nobody a say over another association's offer).
pub async fn can_manage(app: &App, actor: &Actor, o: &Offer) -> Result<bool> {
    let owner_chain = orgs::chain(&app.db, o.organisation_id).await?;
    Ok(naboskab_domain::policy::decide(
        actor,
        Action::ManageOffers,
        &Resource::Offer { owner_chain },
    )
    .is_allowed())
}

/// A published offer, or [`Error::NotFound`] (drafts and archived offers are not
/// there for the public).
pub async fn published(app: &App, id: i64) -> Result<Offer> {
    match offers::offer(&app.db, id).await? {
        Some(o) if o.status == OfferStatus::Published => Ok(o),
        _ => Err(Error::NotFound),
    }
}

/// What an offer's page shows: the offer, who holds it and where, its next occurrences, and
/// whether the reader may manage it.
#[derive(Debug, Clone)]
pub struct OfferView {
    /// The offer.
    pub offer: Offer,
    /// Its organisation.
    pub organisation: Option<Organisation>,
    /// The department it is held in.
    pub department: Option<Organisation>,
    /// Occurrences from an hour ago to 60 days ahead, at most six.
    pub upcoming: Vec<Occurrence>,
    /// Whether the reader may manage it (and so also see it before it is published).
    pub can_manage: bool,
    /// The volunteer roles it asks for, with how many are confirmed.
    pub volunteers_wanted: Vec<crate::volunteering::Wanted>,
    /// The roles the reader offered or holds on it.
    pub own_volunteering: Vec<naboskab_store::volunteering::Volunteer>,
}

/// An offer for its page: a published one for anyone, any other only for those who manage it
/// (not found for everyone else).
pub async fn view(app: &App, actor: &Actor, id: i64) -> Result<OfferView> {
    let offer = offers::offer(&app.db, id).await?.ok_or(Error::NotFound)?;
    let can_manage = can_manage(app, actor, &offer).await?;
    if offer.status != OfferStatus::Published && !can_manage {
        return Err(Error::NotFound);
    }
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let organisation = orgs::organisation(&app.db, offer.organisation_id).await?;
    let department = match offer.department_id {
        Some(d) => orgs::organisation(&app.db, d).await?,
        None => None,
    };
    let now = app.now();
    let upcoming = join::occurrences(
        &app.db,
        &OccurrenceQuery {
            from: now - 3_600,
            to: now + 86_400 * 60,
            offer_id: Some(offer.id),
            limit: 6,
            ..Default::default()
        },
    )
    .await?;
    let volunteers_wanted = crate::volunteering::wanted(app, offer.id).await?;
    let own_volunteering = crate::volunteering::own_roles(app, actor, offer.id).await?;
    Ok(OfferView {
        offer,
        organisation,
        department,
        upcoming,
        can_manage,
        volunteers_wanted,
        own_volunteering,
    })
}

/// A published offer with its schedules, for the API.
pub async fn published_with_series(app: &App, id: i64) -> Result<(Offer, Vec<SeriesRow>)> {
    let offer = published(app, id).await?;
    let series = join::series_of_offer(&app.db, offer.id).await?;
    Ok((offer, series))
}

/// The offers of each organisation the actor publishes for, with their states.
pub async fn listed_by(
    app: &App,
    actor: &Actor,
) -> Result<Vec<(Organisation, Vec<(i64, String, OfferStatus)>)>> {
    let mut out = Vec::new();
    for org in publishing_organisations(app, actor).await? {
        let listed = offers::offers_of_organisation(&app.db, org.id).await?;
        out.push((org, listed));
    }
    Ok(out)
}

/// The offer's title in `locale` (its translation when there is one), or `fallback` when the
/// offer is gone.
pub async fn title_in(app: &App, offer_id: i64, locale: Locale, fallback: &str) -> Result<String> {
    Ok(match offers::offer(&app.db, offer_id).await? {
        Some(o) => o.localized(locale.code()).0.to_owned(),
        None => fallback.to_owned(),
    })
}

/// An offer as the organiser typed it: every field as text, unchecked. [`check`] turns it into
/// an [`Offer`] or names each problem.
#[derive(Debug, Clone, Default)]
pub struct OfferDraft {
    /// The owning organisation's id.
    pub organisation: String,
    /// The department it is held in (empty: none).
    pub department: String,
    /// One of the offer kinds.
    pub kind: String,
    /// Title in Danish.
    pub title: String,
    /// Description (rich text, sanitised when checked).
    pub description: String,
    /// Title in English.
    pub title_en: String,
    /// Description in English.
    pub description_en: String,
    /// Title in Arabic.
    pub title_ar: String,
    /// Description in Arabic.
    pub description_ar: String,
    /// Category codes.
    pub categories: Vec<String>,
    /// Target group codes.
    pub targets: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Weekdays "1".."7".
    pub weekdays: Vec<String>,
    /// When, in words.
    pub when_text: String,
    /// Price in kroner as typed ("25" or "25,50"; empty is free).
    pub price: String,
    /// Drop in, no sign-up.
    pub drop_in: bool,
    /// Newcomers are welcomed.
    pub newcomers_welcome: bool,
    /// Bring a friend.
    pub bring_friend: bool,
    /// Step-free access.
    pub step_free: bool,
    /// Accessible toilet.
    pub accessible_toilet: bool,
    /// Hearing loop.
    pub hearing_loop: bool,
    /// Contact person.
    pub contact_name: String,
    /// Contact phone.
    pub contact_phone: String,
    /// Contact e-mail.
    pub contact_email: String,
    /// Street (empty: the department's or organisation's address).
    pub street: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// What to bring.
    pub what_to_bring: String,
    /// What happens the first time.
    pub first_time: String,
}

impl OfferDraft {
    /// The draft that shows a stored offer for editing.
    pub fn from_offer(o: &Offer) -> OfferDraft {
        let tr = |l: &str| o.translations.iter().find(|t| t.locale == l).cloned();
        let en = tr("en");
        let ar = tr("ar");
        OfferDraft {
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
        }
    }
}

/// What the organiser asks for when saving an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Save {
    /// Keep it as a draft (a new offer) or keep its status (an edited one).
    Draft,
    /// Publish it, or send it for approval when the housing organisation asks for that.
    Publish,
}

/// The organisations `actor` may publish offers for: those where the policy allows
/// `ManageOffers`, never the platform or a municipality.
pub async fn publishing_organisations(app: &App, actor: &Actor) -> Result<Vec<Organisation>> {
    let mut out: Vec<Organisation> = Vec::new();
    for m in &actor.memberships {
        let Some(o) = orgs::organisation(&app.db, m.organisation_id).await? else {
            continue;
        };
        let chain = orgs::chain(&app.db, o.id).await?;
        if policy::decide(
            actor,
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

/// Checks a draft for one of the actor's publishing organisations; the offer to store (its
/// status still a draft) and its organisation, or every problem by field.
pub async fn check(app: &App, actor: &Actor, f: &OfferDraft) -> Result<(Offer, Organisation)> {
    let mut problems: Vec<FieldError> = Vec::new();
    let org = match f.organisation.parse::<i64>() {
        Ok(id) => publishing_organisations(app, actor)
            .await?
            .into_iter()
            .find(|o| o.id == id),
        Err(_) => None,
    };
    if org.is_none() {
        problems.push(FieldError::new("organisation", "field-choose-from-list"));
    }
    let department = match f.department.trim() {
        "" => None,
        d => match d.parse::<i64>().ok() {
            Some(id) => match orgs::organisation(&app.db, id).await? {
                Some(dep) if dep.kind == OrgKind::Department => Some(dep),
                _ => {
                    problems.push(FieldError::new("department", "field-choose-from-list"));
                    None
                }
            },
            None => {
                problems.push(FieldError::new("department", "field-choose-from-list"));
                None
            }
        },
    };
    let price = parse_price_kroner(&f.price).unwrap_or_else(|_| {
        problems.push(FieldError::new("price", "field-price-invalid"));
        None
    });
    let known: Vec<String> = offers::categories(&app.db)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    if f.categories.iter().any(|c| !known.contains(c)) {
        problems.push(FieldError::new("category", "field-choose-from-list"));
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
        problems.push(FieldError::new(field, key));
    }
    for (field, value, max) in [
        ("title_en", &f.title_en, 120),
        ("title_ar", &f.title_ar, 120),
        ("description", &f.description, 10_000),
        ("when_text", &f.when_text, 200),
    ] {
        if value.chars().count() > max {
            problems.push(FieldError::new(field, "field-too-long"));
        }
    }
    let (Some(org), true) = (org, problems.is_empty()) else {
        return Err(Error::Invalid(problems));
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
                description_html: richtext::sanitize(description),
            });
        }
    }
    let typed_address = !f.street.trim().is_empty();
    let address = |typed: &str, of_place: &Option<String>| {
        if typed_address {
            typed.trim().to_owned()
        } else {
            of_place.clone().unwrap_or_default()
        }
    };
    let offer = Offer {
        organisation_id: org.id,
        department_id: department.as_ref().map(|d| d.id),
        kind: f.kind.clone(),
        title: f.title.trim().into(),
        description_html: richtext::sanitize(&f.description),
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
        street: address(&f.street, &place.street),
        postal_code: address(&f.postal_code, &place.postal_code),
        city: address(&f.city, &place.city),
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
        created_by: actor.user_id,
        ..Default::default()
    };
    Ok((offer, org))
}

/// Whether offers of `org` placed in `department` wait for approval: associations and other
/// partners that have no published offer in that housing organisation yet, unless the housing
/// organisation turned approval off.
async fn needs_approval(app: &App, org: &Organisation, department: Option<i64>) -> Result<bool> {
    if matches!(
        org.kind,
        OrgKind::Department | OrgKind::HousingOrganisation | OrgKind::HousingArea
    ) {
        return Ok(false);
    }
    let Some(dep) = department else {
        return Ok(false);
    };
    let Some(housing_org) = orgs::organisation(&app.db, dep)
        .await?
        .and_then(|d| d.parent_id)
    else {
        return Ok(false);
    };
    if !orgs::offers_need_approval(&app.db, housing_org).await? {
        return Ok(false);
    }
    let siblings: Vec<i64> = orgs::children(&app.db, housing_org)
        .await?
        .iter()
        .map(|d| d.id)
        .collect();
    for (id, _, status) in offers::offers_of_organisation(&app.db, org.id).await? {
        if status == OfferStatus::Published
            && let Some(o) = offers::offer(&app.db, id).await?
            && o.department_id.is_some_and(|d| siblings.contains(&d))
        {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The status publishing gives an offer of `org` in `department`.
async fn published_status(
    app: &App,
    org: &Organisation,
    department: Option<i64>,
) -> Result<OfferStatus> {
    Ok(if needs_approval(app, org, department).await? {
        OfferStatus::Pending
    } else {
        OfferStatus::Published
    })
}

/// Stores a new offer for one of the actor's publishing organisations; returns its id and the
/// status it got (a draft, published, or waiting for approval).
pub async fn create(
    app: &App,
    actor: &Actor,
    draft: &OfferDraft,
    save: Save,
) -> Result<(i64, OfferStatus)> {
    let (mut offer, org) = check(app, actor, draft).await?;
    offer.status = match save {
        Save::Publish => published_status(app, &org, offer.department_id).await?,
        Save::Draft => OfferStatus::Draft,
    };
    let id = offers::create_offer(&app.db, &offer, app.now()).await?;
    tracing::info!(offer = id, user = ?actor.user_id, status = %offer.status, "offer created");
    Ok((id, offer.status))
}

/// The offer, when `actor` may manage it; [`Error::NotFound`] otherwise, so ids do not tell
/// anyone what exists.
pub async fn for_editing(app: &App, actor: &Actor, id: i64) -> Result<Offer> {
    let o = offers::offer(&app.db, id).await?.ok_or(Error::NotFound)?;
    if !can_manage(app, actor, &o).await? {
        return Err(Error::NotFound);
    }
    Ok(o)
}

/// Replaces an offer's content (its owner never changes); publishing a draft publishes it or
/// sends it for approval.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: i64,
    draft: &OfferDraft,
    save: Save,
) -> Result<()> {
    let existing = for_editing(app, actor, id).await?;
    let draft = OfferDraft {
        organisation: existing.organisation_id.to_string(),
        ..draft.clone()
    };
    let (offer, org) = check(app, actor, &draft).await?;
    offers::update_offer(&app.db, id, &offer, app.now()).await?;
    if save == Save::Publish && existing.status != OfferStatus::Published {
        let status = published_status(app, &org, offer.department_id).await?;
        offers::set_status(&app.db, id, status, app.now()).await?;
    }
    Ok(())
}

/// Archives an offer the actor may manage.
pub async fn archive(app: &App, actor: &Actor, id: i64) -> Result<()> {
    for_editing(app, actor, id).await?;
    offers::set_status(&app.db, id, OfferStatus::Archived, app.now()).await?;
    Ok(())
}

/// Publishes an offer waiting for approval, when the actor may approve offers in its
/// department's housing organisation.
pub async fn approve(app: &App, actor: &Actor, id: i64) -> Result<()> {
    let o = offers::offer(&app.db, id)
        .await?
        .filter(|o| o.status == OfferStatus::Pending)
        .ok_or(Error::NotFound)?;
    let mut chain = Vec::new();
    if let Some(d) = o.department_id {
        chain = orgs::chain(&app.db, d).await?;
    }
    authorize(
        actor,
        Action::ApproveOffers,
        &Resource::Organisation { chain },
    )?;
    offers::set_status(&app.db, id, OfferStatus::Published, app.now()).await?;
    tracing::info!(offer = id, by = ?actor.user_id, "offer approved");
    Ok(())
}

/// The offers waiting for this actor's approval: id and title.
pub async fn awaiting_approval(app: &App, actor: &Actor) -> Result<Vec<(i64, String)>> {
    let mut approvable = Vec::new();
    for m in &actor.memberships {
        let chain = orgs::chain(&app.db, m.organisation_id).await?;
        if policy::decide(
            actor,
            Action::ApproveOffers,
            &Resource::Organisation { chain },
        )
        .is_allowed()
        {
            approvable.push(m.organisation_id);
            approvable.extend(
                orgs::children(&app.db, m.organisation_id)
                    .await?
                    .iter()
                    .map(|d| d.id),
            );
        }
    }
    if approvable.is_empty() {
        return Ok(vec![]);
    }
    Ok(offers::pending_offers(&app.db, &approvable)
        .await?
        .into_iter()
        .map(|(id, title, _)| (id, title))
        .collect())
}
