//! Measure's impact dashboard: for a department, a housing organisation's departments, a
//! housing area or a municipality, which target groups have activities on which weekdays (and
//! which have nothing), how many people came in the last half year and how many came back
//! after four and twelve weeks, the anonymous headcounts, and how the rooms were used by kind.
//! Shown to those who may read the impact of every department in it (the policy's
//! [`Action::ReadImpact`]: as for referral counts, the board, the housing organisation's
//! staff, the municipality's officers); counts only, never a name.

use crate::error::{Error, Result};
use crate::surveys::department_resource;
use crate::{App, calendar};
use chrono::Duration;
use naboskab_domain::gather::BookingKind;
use naboskab_domain::offer::{TARGET_GROUPS, WEEKDAYS};
use naboskab_domain::{Action, Actor, OrgKind, Role};
use naboskab_store::impact as store;
use naboskab_store::orgs::{self, Organisation};
use std::collections::BTreeMap;

/// How far back participation is counted, weeks.
pub const PARTICIPATION_WEEKS: i64 = 26;

/// What a dashboard covers.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The organisation asked for.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its kind (department, housing organisation, housing area, municipality).
    pub kind: OrgKind,
    /// The departments counted, by name: (id, name).
    pub departments: Vec<(i64, String)>,
}

/// Who came, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Participation {
    /// Attendances of people signed up and marked present.
    pub attendances: u64,
    /// Different people among them.
    pub people: u64,
    /// People whose first visit lies four weeks or more before the end of the period.
    pub could_return_4: u64,
    /// Of those, people who came again four weeks or more after their first visit.
    pub returned_4: u64,
    /// The same for twelve weeks.
    pub could_return_12: u64,
    /// Of those, people who came again twelve weeks or more after their first visit.
    pub returned_12: u64,
    /// People counted without a name (walk-ins, headcounts).
    pub anonymous: i64,
}

/// Confirmed room use of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomUse {
    /// The kind of use.
    pub kind: BookingKind,
    /// How many bookings.
    pub bookings: i64,
    /// Hours booked, rounded down.
    pub hours: i64,
}

/// A dashboard.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// What it covers.
    pub scope: Scope,
    /// The first day counted (participation and rooms).
    pub from: chrono::NaiveDate,
    /// Today, the last day counted.
    pub to: chrono::NaiveDate,
    /// Published offers per target group (rows, in [`TARGET_GROUPS`] order) and weekday
    /// (columns, Monday first); an offer for several groups or days counts in each.
    pub offers_by_group_and_day: Vec<Vec<u64>>,
    /// Published offers held in the scope.
    pub offers: u64,
    /// Who came.
    pub participation: Participation,
    /// Room use by kind, in [`BookingKind::ALL`] order.
    pub rooms: Vec<RoomUse>,
}

/// The departments an organisation stands for: itself (a department), its departments (a
/// housing organisation), the departments of an area, or those in a municipality.
async fn departments_of(app: &App, org: &Organisation) -> Result<Vec<Organisation>> {
    let all = match org.kind {
        OrgKind::Department => vec![org.clone()],
        OrgKind::HousingOrganisation => orgs::children(&app.db, org.id).await?,
        OrgKind::HousingArea => orgs::area_departments(&app.db, org.id).await?,
        OrgKind::Municipality => match org.municipality_code.as_deref() {
            Some(code) => orgs::organisations_in_municipality(&app.db, code).await?,
            None => vec![],
        },
        _ => vec![],
    };
    Ok(all
        .into_iter()
        .filter(|o| o.kind == OrgKind::Department)
        .collect())
}

/// The scope of organisation `id` when `actor` may read the impact of each of its departments.
pub async fn scope(app: &App, actor: &Actor, id: i64) -> Result<Scope> {
    if actor.user_id.is_none() {
        return Err(Error::SignInRequired);
    }
    let org = orgs::organisation(&app.db, id)
        .await?
        .ok_or(Error::NotFound)?;
    let departments = departments_of(app, &org).await?;
    if departments.is_empty() {
        return Err(Error::NotFound);
    }
    for d in &departments {
        let resource = department_resource(&app.db, d).await?;
        crate::authorize(actor, Action::ReadImpact, &resource)?;
    }
    Ok(Scope {
        id: org.id,
        name: org.name,
        kind: org.kind,
        departments: departments.into_iter().map(|d| (d.id, d.name)).collect(),
    })
}

/// The places `actor` may open a dashboard for: the organisations they hold a reading role
/// in, and the departments and areas below or within them, by kind and name.
pub async fn places(app: &App, actor: &Actor) -> Result<Vec<Scope>> {
    let mut candidates: Vec<Organisation> = Vec::new();
    if actor.is_platform_admin() {
        // The operator may open any (the policy asks for the second factor).
        candidates.extend(orgs::organisations_of_kind(&app.db, OrgKind::Municipality).await?);
        candidates
            .extend(orgs::organisations_of_kind(&app.db, OrgKind::HousingOrganisation).await?);
    }
    for m in &actor.memberships {
        if !matches!(
            m.role,
            Role::BoardMember
                | Role::HousingOrgAdmin
                | Role::SocialCaretaker
                | Role::MunicipalOfficer
        ) {
            continue;
        }
        let Some(org) = orgs::organisation(&app.db, m.organisation_id).await? else {
            continue;
        };
        for d in departments_of(app, &org).await? {
            for area in orgs::areas_of_department(&app.db, d.id).await? {
                candidates.push(area);
            }
            candidates.push(d);
        }
        candidates.push(org);
    }
    let mut out: Vec<Scope> = Vec::new();
    for org in candidates {
        if out.iter().any(|s| s.id == org.id) {
            continue;
        }
        match scope(app, actor, org.id).await {
            Ok(s) => out.push(s),
            Err(Error::Forbidden | Error::NotFound | Error::SecondFactorNeeded) => {}
            Err(e) => return Err(e),
        }
    }
    let rank = |k: OrgKind| match k {
        OrgKind::Municipality => 0,
        OrgKind::HousingOrganisation => 1,
        OrgKind::HousingArea => 2,
        _ => 3,
    };
    out.sort_by(|a, b| rank(a.kind).cmp(&rank(b.kind)).then(a.name.cmp(&b.name)));
    Ok(out)
}

/// Who came, from each person's visits (time-ordered per person).
fn participation(visits: &[(String, i64)], anonymous: i64, end: i64) -> Participation {
    let mut by_person: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for (person, at) in visits {
        let e = by_person.entry(person.as_str()).or_insert((*at, *at));
        e.0 = e.0.min(*at);
        e.1 = e.1.max(*at);
    }
    let weeks = |n: i64| Duration::weeks(n).num_seconds();
    let mut p = Participation {
        attendances: visits.len() as u64,
        people: by_person.len() as u64,
        anonymous,
        ..Participation::default()
    };
    for (first, last) in by_person.values() {
        if end - first >= weeks(4) {
            p.could_return_4 += 1;
            p.returned_4 += u64::from(last - first >= weeks(4));
        }
        if end - first >= weeks(12) {
            p.could_return_12 += 1;
            p.returned_12 += u64::from(last - first >= weeks(12));
        }
    }
    p
}

/// The dashboard of organisation `id`.
pub async fn dashboard(app: &App, actor: &Actor, id: i64) -> Result<Dashboard> {
    let scope = scope(app, actor, id).await?;
    let ids: Vec<i64> = scope.departments.iter().map(|(id, _)| *id).collect();
    let held = store::offers_held_in(&app.db, &ids).await?;
    let mut grid = vec![vec![0u64; WEEKDAYS.len()]; TARGET_GROUPS.len()];
    for offer in &held {
        for (g, group) in TARGET_GROUPS.iter().enumerate() {
            if !offer.target_groups.iter().any(|t| t == group) {
                continue;
            }
            for (d, day) in WEEKDAYS.iter().enumerate() {
                if offer.weekdays.iter().any(|w| w == day) {
                    grid[g][d] += 1;
                }
            }
        }
    }
    let end = app.now();
    let start = end - Duration::weeks(PARTICIPATION_WEEKS).num_seconds();
    let came = store::attendances_in(&app.db, &ids, start, end).await?;
    let used = store::room_use_in(&app.db, &ids, start, end).await?;
    let rooms = BookingKind::ALL
        .iter()
        .map(|k| {
            let (bookings, seconds) = used
                .iter()
                .find(|(kind, _, _)| kind == k.as_str())
                .map(|(_, b, s)| (*b, *s))
                .unwrap_or_default();
            RoomUse {
                kind: *k,
                bookings,
                hours: seconds / 3600,
            }
        })
        .collect();
    let today = calendar::today(app);
    Ok(Dashboard {
        scope,
        from: today - Duration::weeks(PARTICIPATION_WEEKS),
        to: today,
        offers_by_group_and_day: grid,
        offers: held.len() as u64,
        participation: participation(&came.visits, came.anonymous, end),
        rooms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_return_after_four_and_twelve_weeks_counted_from_their_first_visit() {
        let week = Duration::weeks(1).num_seconds();
        let end = 30 * week;
        let visits = vec![
            // Came in week 1 and week 20: back after four and after twelve weeks.
            ("a".to_owned(), week),
            ("a".to_owned(), 20 * week),
            // Came twice in weeks 10 and 12: not back after four weeks.
            ("b".to_owned(), 10 * week),
            ("b".to_owned(), 12 * week),
            // First came two weeks ago: too new to tell.
            ("c".to_owned(), 28 * week),
        ];
        let p = participation(&visits, 7, end);
        assert_eq!(p.attendances, 5);
        assert_eq!(p.people, 3);
        assert_eq!((p.could_return_4, p.returned_4), (2, 1));
        assert_eq!((p.could_return_12, p.returned_12), (2, 1));
        assert_eq!(p.anonymous, 7);
    }
}
