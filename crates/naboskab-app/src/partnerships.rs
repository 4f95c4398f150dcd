//! Fund's partnerships: a housing organisation, its departments, the municipality,
//! associations, health and sports actors agree to work together on something, for a period,
//! and link the offers, rooms and grant applications it covers. Everyone reads who works
//! together on what; the contact people and the linked applications are for the people who
//! run one of the parties ([`Action::ManagePartnerships`]), who also start, change and end
//! it. Every party says yes: whoever saves a partnership confirms the parties they run, and
//! the people who run each other party confirm or decline it ([`answer`]); until all have
//! said yes it is shown only to its parties and counts for nothing. A confirmed partnership
//! with a department (or its housing organisation) makes the other parties its partners in
//! Gather: a room's rule may let partners book earlier.

use crate::error::{Error, Result};
use crate::grants::{Problems, TEXT_MAX_CHARS, TITLE_MAX_CHARS, applications};
use crate::{App, authorize};
use chrono::{DateTime, NaiveDate};
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::audit::Auditor;
use naboskab_store::offers as offer_store;
use naboskab_store::orgs::{self, Organisation};
use naboskab_store::partnerships::{self as store, Linked, Links, Partnership, PartnershipFields};
use naboskab_store::{gather, grants};

use naboskab_domain::offer::OfferStatus;

/// Longest list of contact people, characters.
const CONTACTS_MAX_CHARS: usize = 2_000;
/// Most parties, and most links of each kind, in one partnership.
const MAX_LINKS: usize = 100;
/// Most organisations the form lists to choose parties from; a search finds the others.
const PARTIES_LISTED: usize = 60;

/// A partnership as typed: the texts as they arrived, the parties and links by id.
#[derive(Debug, Clone, Default)]
pub struct PartnershipDraft {
    /// What the parties work together on.
    pub purpose: String,
    /// More words on it.
    pub description: String,
    /// The first day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// The last day, `YYYY-MM-DD`; empty: until further notice.
    pub ends_on: String,
    /// The contact people, one per line.
    pub contacts: String,
    /// Who takes part and what is linked.
    pub links: Links,
}

/// A partnership as one reader sees it: the contact people and the linked applications are
/// emptied for readers who do not run a party.
#[derive(Debug, Clone)]
pub struct PartnershipView {
    /// The partnership.
    pub partnership: Partnership,
    /// Whether the reader runs a party that said yes: may see everything, change and end it.
    pub can_manage: bool,
    /// The parties the reader runs that have not answered yet: `(id, name)`.
    pub to_answer: Vec<(i64, String)>,
    /// Whether it holds today.
    pub current: bool,
}

/// What a partnership's form offers to choose from.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// The organisations the form lists to take part ([`listed_parties`]).
    pub parties: Vec<Organisation>,
    /// How many more could take part and are not listed (a search finds them).
    pub unlisted: usize,
    /// The published offers the parties own.
    pub offers: Vec<Linked>,
    /// The rooms of the parties' departments (and of a party housing organisation's).
    pub rooms: Vec<Linked>,
    /// The grant applications of the parties the reader applies for.
    pub applications: Vec<Linked>,
}

/// Today in Copenhagen.
pub fn today(app: &App) -> NaiveDate {
    DateTime::from_timestamp(app.now(), 0)
        .map(|t| utc_to_local(t).date())
        .unwrap_or_default()
}

/// Whether the policy lets `actor` run the partnerships of `organisation`.
async fn runs(app: &App, actor: &Actor, organisation: i64) -> Result<()> {
    let chain = orgs::chain(&app.db, organisation).await?;
    authorize(
        actor,
        Action::ManagePartnerships,
        &Resource::Organisation { chain },
    )
}

/// Of `parties`, those `actor` runs.
async fn parties_run_by(app: &App, actor: &Actor, parties: &[i64]) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    for party in parties {
        if runs(app, actor, *party).await.is_ok() {
            out.push(*party);
        }
    }
    Ok(out)
}

/// Whether `actor` runs one of the parties; the policy's answer for the first party
/// otherwise (sign in, second factor, or forbidden).
async fn runs_a_party(app: &App, actor: &Actor, parties: &[i64]) -> Result<()> {
    let mut refusal = Error::Forbidden;
    for (i, party) in parties.iter().enumerate() {
        match runs(app, actor, *party).await {
            Ok(()) => return Ok(()),
            Err(e) if i == 0 => refusal = e,
            Err(_) => {}
        }
    }
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    Err(refusal)
}

/// The parties that said yes.
fn confirmed_parties(p: &Partnership) -> Vec<i64> {
    p.parties
        .iter()
        .filter(|x| x.confirmed)
        .map(|x| x.organisation_id)
        .collect()
}

/// The parties that have not answered yet.
fn asked_parties(p: &Partnership) -> Vec<i64> {
    p.parties
        .iter()
        .filter(|x| !x.confirmed)
        .map(|x| x.organisation_id)
        .collect()
}

/// What a reader who does not run a party may see.
fn public_part(mut p: Partnership) -> Partnership {
    p.fields.contacts.clear();
    p.applications.clear();
    p
}

/// Every partnership (public part), or with `party` those the organisation takes part in.
pub async fn list(app: &App, party: Option<i64>) -> Result<Vec<Partnership>> {
    Ok(store::partnerships(&app.db, party)
        .await?
        .into_iter()
        .map(public_part)
        .collect())
}

/// The partnerships a place's page shows (public part): those it takes part in and those
/// linking its rooms or offers.
pub async fn of_place(app: &App, organisation: i64) -> Result<Vec<Partnership>> {
    Ok(store::of_place(&app.db, organisation)
        .await?
        .into_iter()
        .map(public_part)
        .collect())
}

/// One partnership as `actor` may see it. One that waits for a party's answer exists only
/// for the people who run one of its parties (the asked ones see it whole, to answer).
pub async fn view(app: &App, actor: &Actor, id: i64) -> Result<PartnershipView> {
    let p = store::partnership(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let can_manage = runs_a_party(app, actor, &confirmed_parties(&p))
        .await
        .is_ok();
    let asked = parties_run_by(app, actor, &asked_parties(&p)).await?;
    if !p.is_confirmed() && !can_manage && asked.is_empty() {
        return Err(Error::NotFound);
    }
    let to_answer = p
        .parties
        .iter()
        .filter(|x| asked.contains(&x.organisation_id))
        .map(|x| (x.organisation_id, x.name.clone()))
        .collect();
    let current = p.is_current(today(app));
    let whole = can_manage || !asked.is_empty();
    Ok(PartnershipView {
        partnership: if whole { p } else { public_part(p) },
        can_manage,
        to_answer,
        current,
    })
}

/// A partnership the actor runs a party of that said yes, whole (for its form).
pub async fn managed(app: &App, actor: &Actor, id: i64) -> Result<Partnership> {
    let p = store::partnership(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    runs_a_party(app, actor, &confirmed_parties(&p)).await?;
    Ok(p)
}

/// The partnerships that wait for an answer from an organisation `actor` runs (where they
/// hold a role, or one level below: a housing organisation's departments).
pub async fn awaiting_answer(app: &App, actor: &Actor) -> Result<Vec<Partnership>> {
    let mut mine: Vec<i64> = Vec::new();
    for m in &actor.memberships {
        mine.push(m.organisation_id);
        mine.extend(
            orgs::children(&app.db, m.organisation_id)
                .await?
                .iter()
                .map(|o| o.id),
        );
    }
    mine.sort_unstable();
    mine.dedup();
    let mut out = Vec::new();
    for p in store::awaiting(&app.db, &mine).await? {
        if !parties_run_by(app, actor, &asked_parties(&p))
            .await?
            .is_empty()
        {
            out.push(p);
        }
    }
    Ok(out)
}

/// The party `organisation`, run by `actor` and asked, says yes (`accept`) or no to
/// partnership `id`. A no takes the party out (and deletes a partnership left with one
/// party). 404 when the partnership does not wait for this party.
pub async fn answer(
    app: &App,
    actor: &Actor,
    id: i64,
    organisation: i64,
    accept: bool,
) -> Result<()> {
    let p = store::partnership(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    if !asked_parties(&p).contains(&organisation) {
        return Err(Error::NotFound);
    }
    runs(app, actor, organisation).await?;
    let by = auditor(actor);
    let answered = if accept {
        store::confirm(&app.db, id, organisation, &by, app.now()).await?
    } else {
        store::decline(&app.db, id, organisation, &by, app.now()).await?
    };
    if !answered {
        return Err(Error::Conflict("partnership-already-answered"));
    }
    tracing::info!(partnership = id, organisation, accept, by = ?actor.user_id, "partnership answered");
    Ok(())
}

/// Every organisation that can take part: municipalities with parties in them, housing
/// organisations, departments, areas, associations, health and sports actors.
async fn eligible_parties(app: &App) -> Result<Vec<Organisation>> {
    let located = orgs::partner_organisations(&app.db).await?;
    let mut parties: Vec<Organisation> =
        orgs::organisations_of_kind(&app.db, OrgKind::Municipality)
            .await?
            .into_iter()
            .filter(|m| {
                located.iter().any(|o| {
                    o.municipality_code.is_some() && o.municipality_code == m.municipality_code
                })
            })
            .collect();
    parties.extend(located);
    Ok(parties)
}

/// Of `all`, the parties the form lists: the `chosen` ones always; then those whose name
/// holds every word of `search` (any case), or without a search the organisations where
/// `actor` holds a role and those in the same municipalities; at most [`PARTIES_LISTED`].
fn listed_parties(
    all: &[Organisation],
    actor: &Actor,
    chosen: &[i64],
    search: &str,
) -> Vec<Organisation> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    let own: Vec<&Organisation> = all
        .iter()
        .filter(|o| actor.memberships.iter().any(|m| m.organisation_id == o.id))
        .collect();
    let near = |o: &Organisation| {
        own.iter().any(|m| m.id == o.id)
            || (o.municipality_code.is_some()
                && own
                    .iter()
                    .any(|m| m.municipality_code == o.municipality_code))
    };
    let matches = |o: &Organisation| {
        let name = o.name.to_lowercase();
        words.iter().all(|w| name.contains(w.as_str()))
    };
    let mut out: Vec<Organisation> = all
        .iter()
        .filter(|o| chosen.contains(&o.id))
        .cloned()
        .collect();
    for o in all {
        if out.len() >= PARTIES_LISTED {
            break;
        }
        let wanted = if words.is_empty() {
            near(o)
        } else {
            matches(o)
        };
        if wanted && !chosen.contains(&o.id) {
            out.push(o.clone());
        }
    }
    out
}

/// What the form offers for the parties `chosen` (the offers, rooms and applications to link
/// depend on who takes part), for `actor`, with the parties listed narrowed by `search`
/// ([`listed_parties`]).
pub async fn choices(app: &App, actor: &Actor, chosen: &[i64], search: &str) -> Result<Choices> {
    let all = eligible_parties(app).await?;
    let parties = listed_parties(&all, actor, chosen, search);
    let unlisted = all.len().saturating_sub(parties.len());
    let chosen: Vec<&Organisation> = all.iter().filter(|o| chosen.contains(&o.id)).collect();
    let mut offers = Vec::new();
    let mut departments = Vec::new();
    for party in &chosen {
        for (id, title, status) in offer_store::offers_of_organisation(&app.db, party.id).await? {
            if status == OfferStatus::Published {
                offers.push(Linked { id, title });
            }
        }
        match party.kind {
            OrgKind::Department => departments.push(party.id),
            OrgKind::HousingOrganisation => departments.extend(
                orgs::children(&app.db, party.id)
                    .await?
                    .iter()
                    .filter(|d| d.kind == OrgKind::Department)
                    .map(|d| d.id),
            ),
            _ => {}
        }
    }
    let rooms = if departments.is_empty() {
        vec![]
    } else {
        gather::rooms(&app.db, Some(&departments))
            .await?
            .into_iter()
            .map(|r| Linked {
                id: r.id,
                title: r.details.name,
            })
            .collect()
    };
    let own: Vec<i64> = applications::applicant_organisations(app, actor)
        .await?
        .iter()
        .map(|o| o.id)
        .filter(|id| chosen.iter().any(|c| c.id == *id))
        .collect();
    let applications = grants::applications_of_organisations(&app.db, &own)
        .await?
        .into_iter()
        .map(|a| Linked {
            id: a.id,
            title: a.fields.title,
        })
        .collect();
    Ok(Choices {
        parties,
        unlisted,
        offers,
        rooms,
        applications,
    })
}

fn date_field(p: &mut Problems, field: &str, typed: &str, required: bool) -> Option<NaiveDate> {
    let t = typed.trim();
    if t.is_empty() {
        if required {
            p.add(field, "field-required");
        }
        return None;
    }
    let parsed = NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
    if parsed.is_none() {
        p.add(field, "field-date-invalid");
    }
    parsed
}

/// The ids in `typed` that are among `allowed` (duplicates dropped); any other names the
/// field.
fn chosen_from(p: &mut Problems, field: &str, typed: &[i64], allowed: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::new();
    for id in typed {
        if !allowed.contains(id) {
            p.add(field, "field-invalid");
            return out;
        }
        if !out.contains(id) {
            out.push(*id);
        }
    }
    if out.len() > MAX_LINKS {
        p.add(field, "field-too-long");
    }
    out
}

/// Checks a draft with every problem named: a purpose, a start date (an end, if any, not
/// before it), at least two parties the form offers, one of them run by the actor, and
/// links among what the parties hold (and the applications in `kept`, linked before by
/// someone else).
async fn check(
    app: &App,
    actor: &Actor,
    d: &PartnershipDraft,
    kept: &[i64],
) -> Result<(PartnershipFields, Links)> {
    let mut p = Problems::default();
    let purpose = p.text("purpose", &d.purpose, true, TITLE_MAX_CHARS);
    let description = p.text("description", &d.description, false, TEXT_MAX_CHARS);
    let contacts = p.text("contacts", &d.contacts, false, CONTACTS_MAX_CHARS);
    let starts_on = date_field(&mut p, "starts_on", &d.starts_on, true);
    let ends_on = date_field(&mut p, "ends_on", &d.ends_on, false);
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        p.add("ends_on", "field-partnership-ends-before-start");
    }
    let choices = choices(app, actor, &d.links.parties, "").await?;
    let ids = |list: &[Linked]| list.iter().map(|l| l.id).collect::<Vec<_>>();
    let all_parties: Vec<i64> = eligible_parties(app).await?.iter().map(|o| o.id).collect();
    let parties = chosen_from(&mut p, "parties", &d.links.parties, &all_parties);
    if parties.len() < 2 {
        p.add("parties", "field-partnership-two-parties");
    } else if runs_a_party(app, actor, &parties).await.is_err() {
        p.add("parties", "field-partnership-not-yours");
    }
    let links = Links {
        offers: chosen_from(&mut p, "offers", &d.links.offers, &ids(&choices.offers)),
        rooms: chosen_from(&mut p, "rooms", &d.links.rooms, &ids(&choices.rooms)),
        applications: chosen_from(
            &mut p,
            "applications",
            &d.links.applications,
            &[ids(&choices.applications), kept.to_vec()].concat(),
        ),
        parties,
    };
    p.done((
        PartnershipFields {
            purpose,
            description,
            starts_on: starts_on.unwrap_or_default(),
            ends_on,
            contacts,
        },
        links,
    ))
}

fn auditor(actor: &Actor) -> Auditor {
    Auditor {
        user_id: actor.user_id,
        role: "party".to_owned(),
        purpose: "partnership".to_owned(),
    }
}

/// Starts a partnership the actor runs a party of; returns its id.
pub async fn start(app: &App, actor: &Actor, draft: &PartnershipDraft) -> Result<i64> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    let (fields, links) = check(app, actor, draft, &[]).await?;
    let confirming = parties_run_by(app, actor, &links.parties).await?;
    let id = store::create(
        &app.db,
        &fields,
        &links,
        &confirming,
        &auditor(actor),
        app.now(),
    )
    .await?;
    tracing::info!(partnership = id, by = ?actor.user_id, "partnership started");
    Ok(id)
}

/// Changes a partnership the actor runs a party of (and still runs one after the change).
/// Linked applications the actor cannot choose (another party's) stay linked.
pub async fn change(app: &App, actor: &Actor, id: i64, draft: &PartnershipDraft) -> Result<()> {
    let before = managed(app, actor, id).await?;
    let choosable: Vec<i64> = choices(app, actor, &draft.links.parties, "")
        .await?
        .applications
        .iter()
        .map(|a| a.id)
        .collect();
    let kept: Vec<i64> = before
        .applications
        .iter()
        .map(|a| a.id)
        .filter(|a| !choosable.contains(a))
        .collect();
    let mut draft = draft.clone();
    draft.links.applications.extend(kept.iter().copied());
    let (fields, links) = check(app, actor, &draft, &kept).await?;
    let confirming = parties_run_by(app, actor, &links.parties).await?;
    if store::update(
        &app.db,
        id,
        &fields,
        &links,
        &confirming,
        &auditor(actor),
        app.now(),
    )
    .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Ends a partnership the actor runs a party of, once `confirmed`: it is deleted.
pub async fn end(app: &App, actor: &Actor, id: i64, confirmed: bool) -> Result<()> {
    managed(app, actor, id).await?;
    if !confirmed {
        return Err(Error::Invalid(vec![crate::FieldError::new(
            "confirm",
            "field-partnership-confirm-end",
        )]));
    }
    if store::delete(&app.db, id, &auditor(actor), app.now()).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use naboskab_domain::Role;
    use naboskab_domain::policy::Membership;

    fn organisation(id: i64, name: &str, code: &str) -> Organisation {
        Organisation {
            id,
            kind: OrgKind::Association,
            name: name.to_owned(),
            parent_id: None,
            municipality_code: Some(code.to_owned()),
            cvr: None,
            street: None,
            postal_code: None,
            city: None,
            lat: None,
            lon: None,
            description: String::new(),
            website: None,
            phone: None,
            email: None,
        }
    }

    fn ids(list: &[Organisation]) -> Vec<i64> {
        list.iter().map(|o| o.id).collect()
    }

    #[test]
    fn the_form_lists_the_chosen_then_the_near_or_what_a_search_finds_at_most_sixty() {
        let mut all: Vec<Organisation> = (1..=300)
            .map(|i| {
                let code = if i % 2 == 0 { "0169" } else { "0101" };
                organisation(i, &format!("Forening {i}"), code)
            })
            .collect();
        all.push(organisation(1000, "Taastrup Sundhedscenter", "0169"));
        let actor = Actor {
            user_id: Some(1),
            memberships: vec![Membership {
                organisation_id: 2,
                role: Role::Organiser,
            }],
            ..Actor::default()
        };
        let near = listed_parties(&all, &actor, &[1], "");
        assert_eq!(near.len(), PARTIES_LISTED);
        assert_eq!(near[0].id, 1, "a chosen party is always listed, first");
        assert!(
            near[1..]
                .iter()
                .all(|o| o.municipality_code.as_deref() == Some("0169")),
            "without a search: the organisations in the actor's municipality"
        );
        assert_eq!(
            ids(&listed_parties(&all, &actor, &[], "SUNDHED taastrup")),
            [1000],
            "every word, in any case"
        );
        assert_eq!(
            ids(&listed_parties(&all, &actor, &[5], "findes ikke")),
            [5],
            "a search that finds nothing keeps the chosen"
        );
    }
}
