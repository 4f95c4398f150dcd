//! Calendars: which occurrences a calendar shows (everyone, a department, a housing area or a
//! municipality, with the filters of Find), each with its offer's card; the iCalendar feeds
//! per offer, per department and per occurrence; a person's private feed behind a secret
//! address; and the lines of the printed weekly programme. The pages lay these out; nothing
//! here knows HTML.

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::ical::{Calendar, EventInfo};
use crate::{App, authorize};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use naboskab_domain::offer::OfferStatus;
use naboskab_domain::schedule::{local_to_utc, utc_to_local};
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::catalogue::OfferQuery;
use naboskab_store::join::{self, Occurrence, OccurrenceQuery};
use naboskab_store::offers::{self, OfferCard};
use naboskab_store::orgs;
use std::collections::HashMap;

/// Where a calendar looks: at most one place, and the offer filters.
#[derive(Debug, Clone, Default)]
pub struct ScopeInput {
    /// Only this department.
    pub department: Option<i64>,
    /// Only this housing area's departments.
    pub area: Option<i64>,
    /// Only this municipality (code, leading zeros optional).
    pub municipality: Option<String>,
    /// Category, target group, language, free and step-free.
    pub filters: OfferQuery,
}

/// A calendar's place, resolved.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The occurrences to list (without the time span, which the view sets).
    pub query: OccurrenceQuery,
    /// The place's name, when there is one.
    pub title: Option<String>,
    /// The department shown, when one is (for its feed).
    pub department: Option<i64>,
    /// The department or housing area whose printed programme fits this calendar.
    pub programme_of: Option<i64>,
    /// The municipality's four-digit code, when the calendar is one municipality's.
    pub municipality_code: Option<String>,
}

/// Resolves the place and the filters; a place that does not exist is not found.
pub async fn scope(app: &App, input: &ScopeInput) -> Result<Scope> {
    let mut query = OccurrenceQuery {
        published_only: true,
        limit: 5_000,
        ..Default::default()
    };
    let mut filters = input.filters.clone();
    let mut title = None;
    let mut department = None;
    let mut municipality_code = None;
    if let Some(id) = input.department {
        let d = place_of_kind(app, id, &[OrgKind::Department]).await?;
        query.department_ids = vec![d.id];
        title = Some(d.name);
        department = Some(d.id);
    } else if let Some(id) = input.area {
        let a = place_of_kind(app, id, &[OrgKind::HousingArea]).await?;
        query.department_ids = departments_of(app, a.id).await?;
        title = Some(a.name);
    } else if let Some(code) = &input.municipality {
        let m = orgs::municipality(&app.db, &format!("{code:0>4}"))
            .await?
            .ok_or(Error::NotFound)?;
        filters.municipality_code = Some(m.code.clone());
        municipality_code = Some(m.code);
        title = Some(m.name);
    }
    let any_filter = filters.municipality_code.is_some()
        || filters.category.is_some()
        || filters.target_group.is_some()
        || filters.language.is_some()
        || filters.free
        || filters.accessible;
    if any_filter {
        query.offer_ids = Some(app.catalogue.matching_ids(&app.db, &filters).await?);
    }
    Ok(Scope {
        query,
        title,
        department,
        programme_of: department.or(input.area),
        municipality_code,
    })
}

/// An organisation of one of `kinds`, or not found.
async fn place_of_kind(app: &App, id: i64, kinds: &[OrgKind]) -> Result<orgs::Organisation> {
    orgs::organisation(&app.db, id)
        .await?
        .filter(|o| kinds.contains(&o.kind))
        .ok_or(Error::NotFound)
}

/// The departments of a housing area, with an id no department has, so that an area without
/// departments shows nothing rather than everything.
async fn departments_of(app: &App, area: i64) -> Result<Vec<i64>> {
    let mut ids: Vec<i64> = orgs::area_departments(&app.db, area)
        .await?
        .iter()
        .map(|d| d.id)
        .collect();
    ids.push(-1);
    Ok(ids)
}

/// One occurrence in a calendar, with its offer's card in the reader's language.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The occurrence.
    pub occ: Occurrence,
    /// Its offer.
    pub card: OfferCard,
}

impl Listing {
    /// Where it happens: the occurrence's own place, else the offer's department or town.
    pub fn place(&self) -> String {
        if self.occ.place.is_empty() {
            self.card
                .department_name
                .clone()
                .unwrap_or_else(|| self.card.city.clone())
        } else {
            self.occ.place.clone()
        }
    }
}

/// The occurrences of published offers that `query` asks for (whatever it says about
/// publication), soonest first, without their cards (for the occurrences API).
pub async fn published_occurrences(app: &App, query: OccurrenceQuery) -> Result<Vec<Occurrence>> {
    let query = OccurrenceQuery {
        published_only: true,
        ..query
    };
    Ok(join::occurrences(&app.db, &query).await?)
}

/// Midnight at the start of a local day, in UTC seconds.
fn midnight(d: NaiveDate) -> i64 {
    local_to_utc(d.and_hms_opt(0, 0, 0).unwrap_or_default()).timestamp()
}

/// The published occurrences of `query` on the local days `first` to `last`, soonest first,
/// each with its offer's card in `locale` (occurrences of offers no longer published are left
/// out).
pub async fn listings(
    app: &App,
    mut query: OccurrenceQuery,
    first: NaiveDate,
    last: NaiveDate,
    locale: Locale,
) -> Result<Vec<Listing>> {
    query.from = midnight(first);
    query.to = midnight(last + Duration::days(1));
    let list = join::occurrences(&app.db, &query).await?;
    let mut offer_ids: Vec<i64> = list.iter().map(|o| o.offer_id).collect();
    offer_ids.sort_unstable();
    offer_ids.dedup();
    app.catalogue.refresh(&app.db).await?;
    let cards: HashMap<i64, OfferCard> = app
        .catalogue
        .cards(&offer_ids, locale.code())?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(list
        .into_iter()
        .filter_map(|occ| {
            let card = cards.get(&occ.offer_id)?.clone();
            Some(Listing { occ, card })
        })
        .collect())
}

/// What is still to come today, soonest first, at most `limit`; near the actor's own
/// department when they are a member of one with a known place (the flag says so).
pub async fn rest_of_today(
    app: &App,
    actor: &Actor,
    departments: &[orgs::Organisation],
    locale: Locale,
    limit: usize,
) -> Result<(Vec<Listing>, bool)> {
    let today = today(app);
    let mut query = OccurrenceQuery {
        published_only: true,
        limit: 200,
        ..Default::default()
    };
    let home = actor.memberships.iter().find_map(|m| {
        departments
            .iter()
            .find(|d| d.id == m.organisation_id)
            .and_then(|d| d.lat.zip(d.lon))
    });
    if let Some((lat, lon)) = home {
        query.department_ids = departments
            .iter()
            .filter(|d| {
                d.lat.zip(d.lon).is_some_and(|(dlat, dlon)| {
                    naboskab_domain::geo::distance_m(lat, lon, dlat, dlon)
                        <= naboskab_domain::geo::NEAR_M
                })
            })
            .map(|d| d.id)
            .collect();
    }
    let now = app.now();
    let entries = listings(app, query, today, today, locale)
        .await?
        .into_iter()
        .filter(|l| l.occ.ends_at.timestamp() > now && !l.occ.cancelled)
        .take(limit)
        .collect();
    Ok((entries, home.is_some()))
}

/// Now as a time.
pub fn now_utc(app: &App) -> DateTime<Utc> {
    DateTime::from_timestamp(app.now(), 0).unwrap_or_default()
}

/// Today in Copenhagen.
pub fn today(app: &App) -> NaiveDate {
    utc_to_local(now_utc(app)).date()
}

/// A calendar file: its name and its text.
#[derive(Debug, Clone)]
pub struct Feed {
    /// The file name offered to the calendar program.
    pub filename: String,
    /// The iCalendar text.
    pub body: String,
}

/// The host part of the public address, which makes event UIDs globally unique.
fn host_of(base_url: &str) -> String {
    base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split('/')
        .next()
        .unwrap_or("naboskab")
        .to_owned()
}

/// A new calendar named `name`, stamped now.
pub fn new_calendar(app: &App, name: &str) -> Calendar {
    Calendar::new(name, &host_of(&app.config.base_url), now_utc(app))
}

/// Street and city of an offer.
fn offer_location(o: &offers::Offer) -> String {
    [o.street.as_str(), o.city.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// What an occurrence's event says: the offer's title in `locale`, its place, the
/// occurrence's page.
fn occurrence_info(
    app: &App,
    o: &offers::Offer,
    occ: &Occurrence,
    locale: Locale,
    description: String,
) -> EventInfo {
    EventInfo {
        summary: o.localized(locale.code()).0.to_owned(),
        location: offer_location(o),
        url: format!("{}/occurrences/{}", app.config.base_url, occ.id),
        description,
    }
}

/// A published offer, or not found.
async fn published_offer(app: &App, id: i64) -> Result<offers::Offer> {
    offers::offer(&app.db, id)
        .await?
        .filter(|o| o.status == OfferStatus::Published)
        .ok_or(Error::NotFound)
}

/// The feed of published offers' series, with their occurrences changed by hand.
async fn feed_of_offers(
    app: &App,
    name: &str,
    offer_ids: &[i64],
    locale: Locale,
) -> Result<String> {
    let series = join::series_of_offers(&app.db, offer_ids).await?;
    let series_ids: Vec<i64> = series.iter().map(|s| s.id).collect();
    let edited = join::edited_occurrences(&app.db, &series_ids).await?;
    let edited_refs: Vec<&Occurrence> = edited.iter().collect();
    let mut cal = new_calendar(app, name);
    // Series come ordered by offer: each offer is read once.
    let mut current: Option<offers::Offer> = None;
    for s in &series {
        if current.as_ref().is_none_or(|o| o.id != s.offer_id) {
            current = offers::offer(&app.db, s.offer_id).await?;
        }
        let Some(o) = current
            .as_ref()
            .filter(|o| o.id == s.offer_id && o.status == OfferStatus::Published)
        else {
            continue;
        };
        let (title, description) = o.localized(locale.code());
        let info = EventInfo {
            summary: title.to_owned(),
            location: offer_location(o),
            url: format!("{}/offers/{}", app.config.base_url, o.id),
            description: offers::html_text(description).trim().to_owned(),
        };
        cal.series(s, &info, &edited_refs);
    }
    Ok(cal.finish())
}

/// A published offer's schedule as a feed.
pub async fn offer_feed(app: &App, actor: &Actor, id: i64, locale: Locale) -> Result<Feed> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let o = published_offer(app, id).await?;
    Ok(Feed {
        filename: format!("naboskab-offer-{id}.ics"),
        body: feed_of_offers(app, o.localized(locale.code()).0, &[o.id], locale).await?,
    })
}

/// Every published offer of a department as one feed.
pub async fn department_feed(app: &App, actor: &Actor, id: i64, locale: Locale) -> Result<Feed> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let d = place_of_kind(app, id, &[OrgKind::Department]).await?;
    let ids = app
        .catalogue
        .matching_ids(
            &app.db,
            &OfferQuery {
                department_id: Some(d.id),
                ..Default::default()
            },
        )
        .await?;
    Ok(Feed {
        filename: format!("naboskab-department-{id}.ics"),
        body: feed_of_offers(app, &d.name, &ids, locale).await?,
    })
}

/// One occurrence of a published offer, for "add to calendar".
pub async fn occurrence_file(app: &App, actor: &Actor, id: i64, locale: Locale) -> Result<Feed> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let occ = join::occurrence(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let o = published_offer(app, occ.offer_id).await?;
    let mut cal = new_calendar(app, o.localized(locale.code()).0);
    let when = crate::join::when_text(locale, &occ);
    cal.occurrence(&occ, &occurrence_info(app, &o, &occ, locale, when));
    Ok(Feed {
        filename: format!("naboskab-{id}.ics"),
        body: cal.finish(),
    })
}

/// A new secret address for the actor's own calendar (every activity they are signed up
/// for), replacing the one before; returned once, only its hash is kept.
pub async fn new_personal_feed(app: &App, actor: &Actor) -> Result<String> {
    authorize(actor, Action::ManageOwnAccount, &Resource::OwnAccount)?;
    let user_id = actor.user_id.ok_or(Error::SignInRequired)?;
    let secret = crate::secrets::random_token(32);
    join::set_calendar_feed(
        &app.db,
        user_id,
        &crate::secrets::hash_token(&secret),
        app.now(),
    )
    .await?;
    Ok(format!(
        "{}/calendar/feed/{secret}.ics",
        app.config.base_url
    ))
}

/// A person's activities from a month back and ahead, found by the secret of their feed's
/// address alone, since calendar programs do not sign in.
pub async fn personal_feed(app: &App, actor: &Actor, secret: &str, locale: Locale) -> Result<Feed> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let user_id = join::calendar_feed_owner(&app.db, &crate::secrets::hash_token(secret))
        .await?
        .ok_or(Error::NotFound)?;
    let mut cal = new_calendar(app, "Naboskab");
    for (_, occ) in join::signups_of_user(&app.db, user_id, app.now() - 30 * 86_400).await? {
        let Some(o) = offers::offer(&app.db, occ.offer_id).await? else {
            continue;
        };
        cal.occurrence(&occ, &occurrence_info(app, &o, &occ, locale, String::new()));
    }
    Ok(Feed {
        filename: "naboskab.ics".to_owned(),
        body: cal.finish(),
    })
}

/// The week's programme of a department, or of a housing area with all its departments.
#[derive(Debug, Clone)]
pub struct Programme {
    /// The department's or area's name.
    pub name: String,
    /// The Monday of the week.
    pub monday: NaiveDate,
    /// The week's occurrences with Danish titles, each with its title in the second language
    /// when it has one that differs.
    pub lines: Vec<(Listing, Option<String>)>,
}

/// The programme of the week of `date` (this week when `None`), Danish with the titles in
/// `second` beside it.
pub async fn programme(
    app: &App,
    actor: &Actor,
    id: i64,
    date: Option<NaiveDate>,
    second: Option<Locale>,
) -> Result<Programme> {
    authorize(actor, Action::ReadPublic, &Resource::Public)?;
    let place = place_of_kind(app, id, &[OrgKind::Department, OrgKind::HousingArea]).await?;
    let department_ids = if place.kind == OrgKind::HousingArea {
        departments_of(app, place.id).await?
    } else {
        vec![place.id]
    };
    let date = date.unwrap_or_else(|| today(app));
    let monday = monday_of(date);
    let query = OccurrenceQuery {
        department_ids,
        published_only: true,
        limit: 500,
        ..Default::default()
    };
    let second = second.filter(|l| *l != Locale::Da);
    let mut lines = Vec::new();
    for l in listings(app, query, monday, monday + Duration::days(6), Locale::Da).await? {
        let second_title = match second {
            Some(lang) => app
                .catalogue
                .cards(&[l.occ.offer_id], lang.code())?
                .into_iter()
                .next()
                .map(|c| c.title)
                .filter(|t| *t != l.card.title),
            None => None,
        };
        lines.push((l, second_title));
    }
    Ok(Programme {
        name: place.name,
        monday,
        lines,
    })
}

/// The Monday of the week `d` falls in (weeks start on Monday in Denmark).
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn the_host_of_the_public_address_makes_uids_unique() {
        assert_eq!(
            host_of("https://naboskab.example.dk"),
            "naboskab.example.dk"
        );
        assert_eq!(host_of("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
    }
}
