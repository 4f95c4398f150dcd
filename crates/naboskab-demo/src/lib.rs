//! The demo, apart from the product: `naboskab serve --demo` seeds it through [`seed`], the
//! one entry point; nothing in the web or application crates knows it exists.
//!
//! Demo data: Høje-Taastrup municipality, two housing organisations, five departments with
//! real-looking addresses and coordinates, a housing area spanning both organisations, three
//! associations and two other partners, and one account per role. The content is data, in
//! the TOML files under `data/` (see [`data`]); the modules here seed it. Later capabilities
//! add their demo data the same way. All people and organisations are fictitious.

pub mod data;
pub mod gather;
pub mod grants;
pub mod join;
pub mod offers;
pub mod partnerships;
pub mod reach;
pub mod surveys;
pub mod volunteering;

use naboskab_app::accounts::create_account;
use naboskab_domain::{OrgKind, Role};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::{Db, StoreError, users};
use serde::Deserialize;

/// Default password of the demo accounts (override with `NABOSKAB_DEMO_PASSWORD`).
pub const DEFAULT_PASSWORD: &str = "naboskab-demo-2026";

/// Ids of what the demo created, by key.
#[derive(Debug, Default, Clone)]
pub struct DemoIds {
    /// `(key, organisation id)`.
    pub orgs: Vec<(String, i64)>,
    /// `(e-mail, user id)`.
    pub users: Vec<(String, i64)>,
}

impl DemoIds {
    /// The id of an organisation by key.
    pub fn org(&self, key: &str) -> Option<i64> {
        self.orgs.iter().find(|(k, _)| *k == key).map(|(_, id)| *id)
    }

    /// The id of a user by e-mail.
    pub fn user(&self, email: &str) -> Option<i64> {
        self.users
            .iter()
            .find(|(e, _)| *e == email)
            .map(|(_, id)| *id)
    }
}

/// One organisation of `data/organisations.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgSeed {
    key: String,
    kind: String,
    name: String,
    parent: Option<String>,
    street: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    cvr: Option<String>,
    description: String,
    /// A housing area's departments, by key.
    #[serde(default)]
    departments: Vec<String>,
}

#[derive(Deserialize)]
struct OrgFile {
    organisation: Vec<OrgSeed>,
}

/// A role held by an account of `data/accounts.toml` in an organisation, by key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembershipSeed {
    email: String,
    #[serde(default)]
    name: String,
    role: String,
    organisation: String,
}

#[derive(Deserialize)]
struct AccountFile {
    account: Vec<MembershipSeed>,
    membership: Vec<MembershipSeed>,
}

impl MembershipSeed {
    fn role(&self) -> Result<Role, String> {
        Role::parse(&self.role).ok_or_else(|| format!("demo accounts: no role {}", self.role))
    }
}

/// The name of a demo account, by e-mail.
pub(crate) fn account_name(email: &str) -> Result<String, StoreError> {
    let file: AccountFile = data::read(data::ACCOUNTS)?;
    file.account
        .into_iter()
        .find(|a| a.email == email)
        .map(|a| a.name)
        .ok_or_else(|| StoreError::Other(format!("demo accounts: no account {email}")))
}

async fn seed_organisations(db: &Db, ids: &mut DemoIds, now: i64) -> Result<(), StoreError> {
    let file: OrgFile = data::read(data::ORGANISATIONS)?;
    for s in &file.organisation {
        let kind = OrgKind::parse(&s.kind)
            .ok_or_else(|| StoreError::Other(format!("demo organisations: no kind {}", s.kind)))?;
        let in_kommune = matches!(
            kind,
            OrgKind::Department
                | OrgKind::Association
                | OrgKind::HealthActor
                | OrgKind::SportsClub
                | OrgKind::HousingArea
        );
        let id = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(kind),
                name: s.name.clone(),
                parent_id: s.parent.as_deref().and_then(|p| ids.org(p)),
                municipality_code: in_kommune.then(|| "0169".to_owned()),
                cvr: s.cvr.clone(),
                street: s.street.clone(),
                postal_code: s.postal_code.clone(),
                city: s.city.clone(),
                lat: s.lat,
                lon: s.lon,
                description: s.description.clone(),
                ..Default::default()
            },
            now,
        )
        .await?;
        ids.orgs.push((s.key.clone(), id));
        for d in &s.departments {
            if let Some(dep) = ids.org(d) {
                orgs::add_department_to_area(db, id, dep).await?;
            }
        }
    }
    Ok(())
}

/// Seeds the demo into an empty database; returns `None` (and changes nothing) when any
/// account exists already.
pub async fn seed(
    db: &Db,
    password: &str,
    outreach_key: &naboskab_store::seal::SealKey,
    files: &naboskab_app::files::FileStore,
    now: i64,
) -> Result<Option<DemoIds>, String> {
    if users::has_users(db).await.map_err(|e| e.to_string())? {
        return Ok(None);
    }
    let mut ids = DemoIds::default();
    let kommune = orgs::municipality(db, "0169")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("municipality 0169 missing")?;
    ids.orgs.push(("kommune".into(), kommune.organisation_id));
    let platform = orgs::organisations_of_kind(db, OrgKind::Platform)
        .await
        .map_err(|e| e.to_string())?
        .first()
        .map(|o| o.id)
        .ok_or("platform organisation missing")?;
    ids.orgs.push(("platform".into(), platform));

    seed_organisations(db, &mut ids, now)
        .await
        .map_err(|e| e.to_string())?;
    let accounts: AccountFile = data::read(data::ACCOUNTS).map_err(|e| e.to_string())?;
    for a in &accounts.account {
        let id = create_account(db, &a.email, &a.name, password, true, now).await?;
        ids.users.push((a.email.clone(), id));
    }
    for m in accounts.account.iter().chain(&accounts.membership) {
        let (Some(user), Some(org)) = (ids.user(&m.email), ids.org(&m.organisation)) else {
            return Err(format!(
                "demo accounts: {} in {} is not in the demo",
                m.email, m.organisation
            ));
        };
        users::add_membership(db, user, org, m.role()?, now)
            .await
            .map_err(|e| e.to_string())?;
    }
    crate::offers::seed(db, outreach_key, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::gather::seed(db, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::reach::seed(db, outreach_key, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::grants::seed(db, files, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::partnerships::seed(db, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::volunteering::seed(db, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    crate::surveys::seed(db, &ids, now)
        .await
        .map_err(|e| e.to_string())?;
    Ok(Some(ids))
}
