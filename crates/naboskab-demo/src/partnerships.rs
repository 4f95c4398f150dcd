//! Demo data for Fund's partnerships (`data/partnerships.toml`): the housing organisation,
//! the municipality and the sports club on exercise, and a department with the seniors'
//! club and the health centre on older residents, linked to offers, rooms and an application.

use crate::{DemoIds, data};
use chrono::{DateTime, Duration};
use naboskab_domain::schedule::utc_to_local;
use naboskab_store::audit::Auditor;
use naboskab_store::partnerships::{self as store, Links, PartnershipFields};
use naboskab_store::{Db, StoreError, params};
use serde::Deserialize;

/// `data/partnerships.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnershipsFile {
    partnership: Vec<PartnershipData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnershipData {
    purpose: String,
    description: String,
    starts_in_days: i64,
    ends_in_days: Option<i64>,
    parties: Vec<String>,
    /// Parties asked that have not answered yet (the others agreed).
    #[serde(default)]
    asked: Vec<String>,
    offers: Vec<String>,
    rooms: Vec<String>,
    applications: Vec<String>,
    contacts: Vec<String>,
}

fn unknown(what: &str, name: &str) -> StoreError {
    StoreError::Other(format!(
        "demo data partnerships.toml: unknown {what} {name:?}"
    ))
}

/// The ids of the rows of `sql` (one `$1` for the name) for each name.
async fn ids_named(
    db: &Db,
    sql: &'static str,
    what: &str,
    names: &[String],
) -> Result<Vec<i64>, StoreError> {
    let mut out = Vec::new();
    for name in names {
        let id = db
            .query_opt(sql, params![name.as_str()])
            .await?
            .map(|r| r.opt_i64("id"))
            .transpose()?
            .flatten()
            .ok_or_else(|| unknown(what, name))?;
        out.push(id);
    }
    Ok(out)
}

/// Seeds the partnerships.
pub async fn seed(db: &Db, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let file: PartnershipsFile = data::read(data::PARTNERSHIPS)?;
    let today = utc_to_local(DateTime::from_timestamp(now, 0).unwrap_or_default()).date();
    let by = Auditor {
        user_id: ids.user("boligorganisation@demo.naboskab.dk"),
        role: "party".into(),
        purpose: "demo".into(),
    };
    for p in &file.partnership {
        let mut parties = Vec::new();
        for key in &p.parties {
            parties.push(ids.org(key).ok_or_else(|| unknown("organisation", key))?);
        }
        let links = Links {
            parties,
            offers: ids_named(
                db,
                "SELECT MIN(id) AS id FROM offer WHERE title = $1",
                "offer",
                &p.offers,
            )
            .await?,
            rooms: ids_named(
                db,
                "SELECT MIN(id) AS id FROM room WHERE name = $1",
                "room",
                &p.rooms,
            )
            .await?,
            applications: ids_named(
                db,
                "SELECT MIN(id) AS id FROM grant_application WHERE title = $1",
                "application",
                &p.applications,
            )
            .await?,
        };
        let fields = PartnershipFields {
            purpose: p.purpose.clone(),
            description: p.description.clone(),
            starts_on: today + Duration::days(p.starts_in_days),
            ends_on: p.ends_in_days.map(|d| today + Duration::days(d)),
            contacts: p.contacts.join("\n"),
        };
        let mut agreed = Vec::new();
        for (key, id) in p.parties.iter().zip(&links.parties) {
            if !p.asked.contains(key) {
                agreed.push(*id);
            }
        }
        store::create(db, &fields, &links, &agreed, &by, now).await?;
    }
    Ok(())
}
