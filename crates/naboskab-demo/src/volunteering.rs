//! Demo data for Fund's volunteers (`data/volunteers.toml`): the roles the seniors' club's
//! activities ask for, the demo accounts helping in them (one offer still waiting for the
//! organisers), and their hours over the last month, so the roster, the thank-you and the
//! "carried by one person" alerts have something to show.

use crate::{DemoIds, data};
use chrono::{DateTime, Duration};
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::volunteering::VolunteerRole;
use naboskab_store::volunteering as store;
use naboskab_store::{Db, StoreError, params};
use serde::Deserialize;
use std::collections::BTreeMap;

/// `data/volunteers.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VolunteersFile {
    wanted: Vec<WantedData>,
    volunteer: Vec<VolunteerData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WantedData {
    offer: String,
    roles: BTreeMap<String, i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VolunteerData {
    offer: String,
    account: String,
    role: String,
    #[serde(default = "yes")]
    confirmed: bool,
    /// `[days ago, minutes]`.
    hours: Vec<(i64, i64)>,
}

fn yes() -> bool {
    true
}

fn unknown(what: &str, name: &str) -> StoreError {
    StoreError::Other(format!(
        "demo data volunteers.toml: unknown {what} {name:?}"
    ))
}

fn role(name: &str) -> Result<VolunteerRole, StoreError> {
    VolunteerRole::parse(name).ok_or_else(|| unknown("role", name))
}

async fn offer_titled(db: &Db, title: &str) -> Result<i64, StoreError> {
    db.query_opt(
        "SELECT MIN(id) AS id FROM offer WHERE title = $1",
        params![title],
    )
    .await?
    .map(|r| r.opt_i64("id"))
    .transpose()?
    .flatten()
    .ok_or_else(|| unknown("offer", title))
}

/// Seeds what the activities ask for, the volunteers and their hours.
pub async fn seed(db: &Db, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let file: VolunteersFile = data::read(data::VOLUNTEERS)?;
    let today = utc_to_local(DateTime::from_timestamp(now, 0).unwrap_or_default()).date();
    for w in &file.wanted {
        let offer = offer_titled(db, &w.offer).await?;
        let mut wanted = Vec::new();
        for (name, n) in &w.roles {
            wanted.push((role(name)?, *n));
        }
        store::set_wanted(db, offer, &wanted).await?;
    }
    let organiser = ids.user("arrangoer@demo.naboskab.dk");
    for v in &file.volunteer {
        let offer = offer_titled(db, &v.offer).await?;
        let user = ids
            .user(&v.account)
            .ok_or_else(|| unknown("account", &v.account))?;
        let id = store::offer_help(db, offer, role(&v.role)?, user, now - 40 * 86_400).await?;
        if v.confirmed {
            store::confirm(db, id, organiser, now - 39 * 86_400).await?;
        }
        for (days_ago, minutes) in &v.hours {
            let day = today - Duration::days(*days_ago);
            store::record_hours(db, id, &day.to_string(), *minutes, organiser, now).await?;
        }
    }
    Ok(())
}
