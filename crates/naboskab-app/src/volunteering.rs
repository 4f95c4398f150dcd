//! Fund's volunteers: an activity asks for volunteers in roles (host, co-host, welcomer,
//! driver, cook); a signed-in resident offers to help; the offer's organisers confirm, record
//! the hours helped (or confirm what the schedule suggests) and send a thank-you with the
//! year's hours in the volunteer's language. The department's board and the housing
//! organisation's staff see which activities stand on one person and which volunteers carry
//! too many ([`alerts`]), so they can recruit before an activity collapses.

use crate::error::{Error, FieldError, Result};
use crate::i18n::{self, Locale};
use crate::offers::{for_editing, published};
use crate::{App, authorize, messaging};
use chrono::{DateTime, Datelike, Duration, NaiveDate};
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::volunteering::{
    self as rules, DEFAULT_LOAD_LIMIT, VolunteerRole, VolunteerStatus,
};
use naboskab_domain::{Action, Actor, OrgKind, Resource};
use naboskab_store::join::{self, OccurrenceQuery};
use naboskab_store::offers::{self as offer_store, Offer};
use naboskab_store::orgs;
use naboskab_store::volunteering::{self as store, HoursTotal, Volunteer};

/// How far back the schedule suggests hours to confirm, days.
const SUGGEST_DAYS: i64 = 14;

/// A role an activity asks for, with how many are confirmed.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    /// The role.
    pub role: VolunteerRole,
    /// How many the activity asks for.
    pub wanted: i64,
    /// How many are confirmed.
    pub confirmed: i64,
}

/// What an activity asks volunteers for (public), with how many are confirmed.
pub async fn wanted(app: &App, offer_id: i64) -> Result<Vec<Wanted>> {
    let volunteers = store::of_offer(&app.db, offer_id).await?;
    Ok(store::wanted(&app.db, offer_id)
        .await?
        .into_iter()
        .map(|(role, wanted)| Wanted {
            role,
            wanted,
            confirmed: volunteers
                .iter()
                .filter(|v| v.role == role && v.status == VolunteerStatus::Confirmed)
                .count() as i64,
        })
        .collect())
}

/// The roles `actor` has offered or holds on an activity.
pub async fn own_roles(app: &App, actor: &Actor, offer_id: i64) -> Result<Vec<Volunteer>> {
    let Some(user) = actor.user_id else {
        return Ok(vec![]);
    };
    Ok(store::of_offer(&app.db, offer_id)
        .await?
        .into_iter()
        .filter(|v| v.user_id == user)
        .collect())
}

/// `actor` offers to help on a published activity in a role it asks for; the organisers are
/// told by mail. Offering twice is one offer.
pub async fn offer_help(app: &App, actor: &Actor, offer_id: i64, role: &str) -> Result<()> {
    let user = actor.user_id.ok_or(Error::SignInRequired)?;
    let offer = published(app, offer_id).await?;
    let asked = store::wanted(&app.db, offer_id).await?;
    let Some(role) = VolunteerRole::parse(role).filter(|r| asked.iter().any(|(a, _)| a == r))
    else {
        return Err(Error::Invalid(vec![FieldError::new(
            "role",
            "field-volunteer-role",
        )]));
    };
    let known = store::of_offer(&app.db, offer_id)
        .await?
        .iter()
        .any(|v| v.user_id == user && v.role == role);
    store::offer_help(&app.db, offer_id, role, user, app.now()).await?;
    tracing::info!(offer = offer.id, role = %role, "volunteer offered to help");
    if known {
        return Ok(());
    }
    // The organisers of the activity's organisation hear of it, each in their language (the
    // activity's contact address when it has no organisers). The notice is about the
    // volunteer, so it is filed under their account and goes with it.
    let mut to: Vec<(String, Locale)> = naboskab_store::users::contacts_with_role(
        &app.db,
        offer.organisation_id,
        naboskab_domain::Role::Organiser,
    )
    .await?
    .into_iter()
    .map(|c| {
        let locale = c
            .locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(Locale::Da);
        (c.email, locale)
    })
    .collect();
    if to.is_empty() && !offer.contact_email.is_empty() {
        to.push((offer.contact_email.clone(), Locale::Da));
    }
    let (name, own_email) = naboskab_store::users::user_by_id(&app.db, user)
        .await?
        .map(|u| (u.display_name, u.email))
        .unwrap_or_default();
    for (email, locale) in to.iter().filter(|(e, _)| *e != own_email) {
        messaging::queue_mail(
            app,
            *locale,
            email,
            Some(user),
            (
                "mail-volunteer-offered-subject",
                "mail-volunteer-offered-body",
            ),
            &[
                ("name", name.clone()),
                ("role", i18n::t(*locale, &format!("volunteer-role-{role}"))),
                ("activity", offer.title.clone()),
                (
                    "link",
                    format!("{}/offers/{offer_id}/volunteers", app.config.base_url),
                ),
            ],
        )
        .await?;
    }
    Ok(())
}

/// An activity's volunteers as its organisers see them.
#[derive(Debug, Clone)]
pub struct Roster {
    /// The activity.
    pub offer: Offer,
    /// What it asks for.
    pub wanted: Vec<Wanted>,
    /// Who offered or is confirmed, by role and name.
    pub volunteers: Vec<Volunteer>,
    /// Hours the schedule suggests: confirmed volunteers on the activity's occurrences of the
    /// last two weeks with nothing recorded for that day.
    pub suggestions: Vec<Suggestion>,
    /// What was recorded in the last two weeks: `(volunteer id, day, minutes)`.
    pub recorded: Vec<(i64, NaiveDate, i64)>,
    /// This year's minutes per volunteer on this activity.
    pub year: Vec<HoursTotal>,
}

/// Hours to confirm from the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The volunteer.
    pub volunteer_id: i64,
    /// Their name.
    pub name: String,
    /// The local day of the occurrence.
    pub day: NaiveDate,
    /// The occurrence's length.
    pub minutes: i64,
}

fn local_day(at: i64) -> NaiveDate {
    DateTime::from_timestamp(at, 0)
        .map(|t| utc_to_local(t).date())
        .unwrap_or_default()
}

fn year_span(day: NaiveDate) -> (String, String) {
    (
        format!("{}-01-01", day.year()),
        format!("{}-12-31", day.year()),
    )
}

/// The roster of an activity the actor manages.
pub async fn roster(app: &App, actor: &Actor, offer_id: i64) -> Result<Roster> {
    let offer = for_editing(app, actor, offer_id).await?;
    let volunteers = store::of_offer(&app.db, offer_id).await?;
    let today = local_day(app.now());
    let since = today - Duration::days(SUGGEST_DAYS);
    let recorded: Vec<(i64, NaiveDate, i64)> =
        store::recorded(&app.db, offer_id, &since.to_string(), &today.to_string())
            .await?
            .into_iter()
            .filter_map(|(v, day, m)| Some((v, day.parse().ok()?, m)))
            .collect();
    let occurrences = join::occurrences(
        &app.db,
        &OccurrenceQuery {
            from: app.now() - SUGGEST_DAYS * 86_400,
            to: app.now(),
            offer_id: Some(offer_id),
            limit: 100,
            ..Default::default()
        },
    )
    .await?;
    let mut suggestions = Vec::new();
    for o in occurrences.iter().filter(|o| !o.cancelled) {
        let day = utc_to_local(o.starts_at).date();
        let minutes = (o.ends_at - o.starts_at).num_minutes();
        for v in volunteers
            .iter()
            .filter(|v| v.status == VolunteerStatus::Confirmed)
        {
            let known = recorded.iter().any(|(id, d, _)| *id == v.id && *d == day)
                || suggestions
                    .iter()
                    .any(|s: &Suggestion| s.volunteer_id == v.id && s.day == day);
            if !known && minutes > 0 && minutes <= rules::MAX_MINUTES_PER_DAY {
                suggestions.push(Suggestion {
                    volunteer_id: v.id,
                    name: v.name.clone(),
                    day,
                    minutes,
                });
            }
        }
    }
    let (from, to) = year_span(today);
    let year = store::totals(&app.db, &from, &to, &[], Some(offer_id)).await?;
    Ok(Roster {
        wanted: wanted(app, offer_id).await?,
        offer,
        volunteers,
        suggestions,
        recorded,
        year,
    })
}

/// Sets what an activity the actor manages asks for: a count per role (empty or 0: none).
pub async fn set_wanted(
    app: &App,
    actor: &Actor,
    offer_id: i64,
    typed: &[(VolunteerRole, String)],
) -> Result<()> {
    for_editing(app, actor, offer_id).await?;
    let mut problems = Vec::new();
    let mut wanted = Vec::new();
    for (role, text) in typed {
        match text.trim() {
            "" => {}
            t => match t.parse::<i64>() {
                Ok(n) if (0..=50).contains(&n) => wanted.push((*role, n)),
                _ => problems.push(FieldError::new(
                    &format!("wanted_{role}"),
                    "field-number-invalid",
                )),
            },
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    store::set_wanted(&app.db, offer_id, &wanted).await?;
    Ok(())
}

/// A volunteer of an activity the actor manages.
async fn managed_volunteer(
    app: &App,
    actor: &Actor,
    offer_id: i64,
    volunteer_id: i64,
) -> Result<Volunteer> {
    for_editing(app, actor, offer_id).await?;
    store::volunteer(&app.db, volunteer_id)
        .await?
        .filter(|v| v.offer_id == offer_id)
        .ok_or(Error::NotFound)
}

/// Confirms a volunteer who offered to help; confirming twice changes nothing.
pub async fn confirm(app: &App, actor: &Actor, offer_id: i64, volunteer_id: i64) -> Result<()> {
    managed_volunteer(app, actor, offer_id, volunteer_id).await?;
    store::confirm(&app.db, volunteer_id, actor.user_id, app.now()).await?;
    Ok(())
}

/// Takes a volunteer off an activity the actor manages, with their hours on it; a volunteer
/// may also withdraw themselves.
pub async fn remove(app: &App, actor: &Actor, offer_id: i64, volunteer_id: i64) -> Result<()> {
    let own = store::volunteer(&app.db, volunteer_id)
        .await?
        .filter(|v| v.offer_id == offer_id && Some(v.user_id) == actor.user_id);
    if own.is_none() {
        managed_volunteer(app, actor, offer_id, volunteer_id).await?;
    }
    store::remove(&app.db, volunteer_id).await?;
    Ok(())
}

/// Records the hours a confirmed volunteer helped on a day (`YYYY-MM-DD`, not in the future,
/// at most a year back), replacing what was recorded for that day.
pub async fn record_hours(
    app: &App,
    actor: &Actor,
    offer_id: i64,
    volunteer_id: i64,
    day: &str,
    hours: &str,
) -> Result<()> {
    let v = managed_volunteer(app, actor, offer_id, volunteer_id).await?;
    let mut problems = Vec::new();
    if v.status != VolunteerStatus::Confirmed {
        problems.push(FieldError::new(
            "volunteer",
            "field-volunteer-not-confirmed",
        ));
    }
    let today = local_day(app.now());
    let day = match NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d") {
        Ok(d) if d > today => {
            problems.push(FieldError::new("day", "field-date-in-future"));
            None
        }
        Ok(d) if d < today - Duration::days(366) => {
            problems.push(FieldError::new("day", "field-date-too-old"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            problems.push(FieldError::new("day", "field-date-invalid"));
            None
        }
    };
    let minutes = rules::parse_hours(hours);
    if minutes.is_none() {
        problems.push(FieldError::new("hours", "field-volunteer-hours"));
    }
    let (Some(day), Some(minutes), true) = (day, minutes, problems.is_empty()) else {
        return Err(Error::Invalid(problems));
    };
    store::record_hours(
        &app.db,
        volunteer_id,
        &day.to_string(),
        minutes,
        actor.user_id,
        app.now(),
    )
    .await?;
    Ok(())
}

/// Sends a volunteer of an activity the actor manages a thank-you in their own language,
/// with the hours they helped on it this year.
pub async fn thank(app: &App, actor: &Actor, offer_id: i64, volunteer_id: i64) -> Result<()> {
    let v = managed_volunteer(app, actor, offer_id, volunteer_id).await?;
    let offer = offer_store::offer(&app.db, offer_id)
        .await?
        .ok_or(Error::NotFound)?;
    let today = local_day(app.now());
    let (from, to) = year_span(today);
    let minutes: i64 = store::totals(&app.db, &from, &to, &[], Some(offer_id))
        .await?
        .iter()
        .filter(|t| t.user_id == v.user_id)
        .map(|t| t.minutes)
        .sum();
    let locale = v
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(Locale::Da);
    let title = crate::offers::title_in(app, offer_id, locale, &offer.title).await?;
    messaging::queue_mail(
        app,
        locale,
        &v.email,
        Some(v.user_id),
        (
            "mail-volunteer-thanks-subject",
            "mail-volunteer-thanks-body",
        ),
        &[
            ("name", v.name.clone()),
            ("activity", title),
            ("hours", i18n::format_hours(locale, minutes)),
            ("year", today.year().to_string()),
        ],
    )
    .await
}

/// The minutes volunteers helped on the activities of `organisations` in `year`, per
/// volunteer and activity (for an applicant's report).
pub async fn hours_in_year(app: &App, organisations: &[i64], year: i32) -> Result<Vec<HoursTotal>> {
    if organisations.is_empty() {
        return Ok(vec![]);
    }
    Ok(store::totals(
        &app.db,
        &format!("{year}-01-01"),
        &format!("{year}-12-31"),
        organisations,
        None,
    )
    .await?)
}

/// What the staff of a place see about its volunteers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alerts {
    /// Activities in the place whose host has no co-host: `(offer id, title)`.
    pub without_co_host: Vec<(i64, String)>,
    /// Volunteers carrying activities in the place who carry more than the limit anywhere:
    /// `(name, how many activities)`.
    pub over_limit: Vec<(String, usize)>,
    /// The limit used.
    pub limit: usize,
}

/// The alerts of a department, or of every department of a housing organisation or area, for
/// the people who follow its volunteering ([`Action::FollowVolunteering`]); `limit` is how
/// many activities one volunteer may carry ([`DEFAULT_LOAD_LIMIT`] when `None`).
pub async fn alerts(app: &App, actor: &Actor, place: i64, limit: Option<usize>) -> Result<Alerts> {
    let org = orgs::organisation(&app.db, place)
        .await?
        .ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, place).await?;
    authorize(
        actor,
        Action::FollowVolunteering,
        &Resource::Organisation { chain },
    )?;
    let departments: Vec<i64> = match org.kind {
        OrgKind::Department => vec![org.id],
        OrgKind::HousingArea => orgs::area_departments(&app.db, org.id)
            .await?
            .iter()
            .map(|d| d.id)
            .collect(),
        _ => orgs::children(&app.db, org.id)
            .await?
            .iter()
            .filter(|d| d.kind == OrgKind::Department)
            .map(|d| d.id)
            .collect(),
    };
    let limit = limit.unwrap_or(DEFAULT_LOAD_LIMIT);
    let carrying = store::carriers(&app.db).await?;
    let here = |c: &store::Carrying| c.department_id.is_some_and(|d| departments.contains(&d));
    let carriers: Vec<rules::Carrier> = carrying.iter().map(|c| c.carrier.clone()).collect();
    let without_co_host = rules::without_co_host(&carriers)
        .into_iter()
        .filter_map(|id| {
            carrying
                .iter()
                .find(|c| c.carrier.offer_id == id && here(c))
                .map(|c| (id, c.title.clone()))
        })
        .collect();
    let over_limit = rules::over_limit(&carriers, limit)
        .into_iter()
        .filter_map(|(user, n)| {
            carrying
                .iter()
                .find(|c| c.carrier.user_id == user && here(c))
                .map(|c| (c.name.clone(), n))
        })
        .collect();
    Ok(Alerts {
        without_co_host,
        over_limit,
        limit,
    })
}

/// Whether `actor` follows the volunteering of a place (its page shows the alerts).
pub async fn follows(app: &App, actor: &Actor, place: i64) -> Result<bool> {
    let chain = orgs::chain(&app.db, place).await?;
    Ok(naboskab_domain::policy::decide(
        actor,
        Action::FollowVolunteering,
        &Resource::Organisation { chain },
    )
    .is_allowed())
}

/// How many years back the year of hours can be chosen.
const YEARS_BACK: i32 = 5;

/// One volunteer's year with an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonHours {
    /// Their name.
    pub name: String,
    /// Minutes in the year.
    pub minutes: i64,
    /// The activities they helped on, by title.
    pub activities: Vec<String>,
}

/// One activity's year of volunteering.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityHours {
    /// The offer.
    pub offer_id: i64,
    /// Its title.
    pub title: String,
    /// Minutes in the year.
    pub minutes: i64,
    /// How many different volunteers helped.
    pub people: usize,
}

/// A year of an organisation's volunteering: what its § 18 report and its thank-yous stand on.
#[derive(Debug, Clone, PartialEq)]
pub struct YearOfHours {
    /// The organisation's name.
    pub organisation: String,
    /// The year shown.
    pub year: i32,
    /// The years that can be chosen, newest first.
    pub years: Vec<i32>,
    /// Each volunteer, most minutes first.
    pub people: Vec<PersonHours>,
    /// Each activity, most minutes first.
    pub activities: Vec<ActivityHours>,
    /// Every minute in the year.
    pub total_minutes: i64,
}

/// The minutes volunteers gave an organisation's activities in `year` (this year when
/// `None`), per person and per activity, for the people who record them
/// ([`Action::ManageOffers`] on the organisation); a year outside the last
/// [`YEARS_BACK`] is refused naming `year`.
pub async fn year_of_hours(
    app: &App,
    actor: &Actor,
    organisation_id: i64,
    year: Option<i32>,
) -> Result<YearOfHours> {
    let org = orgs::organisation(&app.db, organisation_id)
        .await?
        .ok_or(Error::NotFound)?;
    let chain = orgs::chain(&app.db, organisation_id).await?;
    authorize(
        actor,
        Action::ManageOffers,
        &Resource::Organisation { chain },
    )?;
    let this_year = local_day(app.now()).year();
    let years: Vec<i32> = (0..YEARS_BACK).map(|back| this_year - back).collect();
    let year = year.unwrap_or(this_year);
    if !years.contains(&year) {
        return Err(Error::field("year", "field-year-invalid"));
    }
    let rows = hours_in_year(app, &[org.id], year).await?;
    let mut people: Vec<(i64, PersonHours)> = Vec::new();
    let mut activities: Vec<ActivityHours> = Vec::new();
    for row in &rows {
        match people.iter_mut().find(|(id, _)| *id == row.user_id) {
            Some((_, p)) => {
                p.minutes += row.minutes;
                p.activities.push(row.offer_title.clone());
            }
            None => people.push((
                row.user_id,
                PersonHours {
                    name: row.name.clone(),
                    minutes: row.minutes,
                    activities: vec![row.offer_title.clone()],
                },
            )),
        }
        match activities.iter_mut().find(|a| a.offer_id == row.offer_id) {
            Some(a) => {
                a.minutes += row.minutes;
                a.people += 1;
            }
            None => activities.push(ActivityHours {
                offer_id: row.offer_id,
                title: row.offer_title.clone(),
                minutes: row.minutes,
                people: 1,
            }),
        }
    }
    let mut people: Vec<PersonHours> = people.into_iter().map(|(_, p)| p).collect();
    people.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.name.cmp(&b.name)));
    activities.sort_by(|a, b| {
        b.minutes
            .cmp(&a.minutes)
            .then_with(|| a.title.cmp(&b.title))
    });
    Ok(YearOfHours {
        organisation: org.name,
        year,
        years,
        total_minutes: rows.iter().map(|r| r.minutes).sum(),
        people,
        activities,
    })
}
