//! Organisations (housing organisations, departments, housing areas, municipalities,
//! associations and other partners) and the municipality register.

use crate::db::{Db, Row};
use crate::error::StoreError;
use crate::params;
use naboskab_domain::OrgKind;

/// An organisation of any kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// Id.
    pub id: i64,
    /// Kind.
    pub kind: OrgKind,
    /// Name.
    pub name: String,
    /// The organisation above it (a department's housing organisation).
    pub parent_id: Option<i64>,
    /// Municipality code (4 digits) for departments and municipalities.
    pub municipality_code: Option<String>,
    /// CVR number of associations.
    pub cvr: Option<String>,
    /// Street address.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Latitude (WGS 84).
    pub lat: Option<f64>,
    /// Longitude (WGS 84).
    pub lon: Option<f64>,
    /// Short plain-text description.
    pub description: String,
    /// Web site.
    pub website: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

const ORG_SELECT: &str = "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation";

fn org_from(r: &Row) -> Result<Organisation, StoreError> {
    let kind = r.string("kind")?;
    Ok(Organisation {
        id: r.i64("id")?,
        kind: OrgKind::parse(&kind)
            .ok_or_else(|| StoreError::Decode(format!("unknown organisation kind {kind}")))?,
        name: r.string("name")?,
        parent_id: r.opt_i64("parent_id")?,
        municipality_code: r.opt_string("municipality_code")?,
        cvr: r.opt_string("cvr")?,
        street: r.opt_string("street")?,
        postal_code: r.opt_string("postal_code")?,
        city: r.opt_string("city")?,
        lat: r.opt_f64("lat")?,
        lon: r.opt_f64("lon")?,
        description: r.string("description")?,
        website: r.opt_string("website")?,
        phone: r.opt_string("phone")?,
        email: r.opt_string("email")?,
    })
}

/// What is needed to create an organisation.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    /// Kind (required).
    pub kind: Option<OrgKind>,
    /// Name.
    pub name: String,
    /// Parent (a department's housing organisation).
    pub parent_id: Option<i64>,
    /// Municipality code.
    pub municipality_code: Option<String>,
    /// CVR.
    pub cvr: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Description.
    pub description: String,
    /// Web site.
    pub website: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// Creates an organisation and returns its id.
pub async fn create_organisation(
    db: &Db,
    o: &NewOrganisation,
    now: i64,
) -> Result<i64, StoreError> {
    let kind = o
        .kind
        .ok_or_else(|| StoreError::Config("organisation kind missing".into()))?;
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO organisation (kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
            params![
                kind.as_str(),
                o.name.as_str(),
                o.parent_id,
                o.municipality_code.as_ref(),
                o.cvr.as_ref(),
                o.street.as_ref(),
                o.postal_code.as_ref(),
                o.city.as_ref(),
                o.lat,
                o.lon,
                o.description.as_str(),
                o.website.as_ref(),
                o.phone.as_ref(),
                o.email.as_ref(),
                now
            ],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// One organisation.
pub async fn organisation(db: &Db, id: i64) -> Result<Option<Organisation>, StoreError> {
    const SQL: &str = "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation WHERE id = $1";
    debug_assert!(SQL.starts_with(ORG_SELECT));
    db.query_opt(SQL, params![id])
        .await?
        .as_ref()
        .map(org_from)
        .transpose()
}

/// Organisations of one kind, by name.
pub async fn organisations_of_kind(
    db: &Db,
    kind: OrgKind,
) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation WHERE kind = $1 ORDER BY name",
        params![kind.as_str()],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// Every organisation except municipalities and the platform, by kind and name.
pub async fn partner_organisations(db: &Db) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation
         WHERE kind <> 'municipality' AND kind <> 'platform' ORDER BY kind, name",
        params![],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// Organisations directly below `parent_id` (a housing organisation's departments).
pub async fn children(db: &Db, parent_id: i64) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation WHERE parent_id = $1 ORDER BY name",
        params![parent_id],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// Organisations located in a municipality (departments, associations, …), by kind and name.
pub async fn organisations_in_municipality(
    db: &Db,
    code: &str,
) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT id, kind, name, parent_id, municipality_code, cvr, street, postal_code, city, lat, lon, description, website, phone, email FROM organisation
         WHERE municipality_code = $1 AND kind <> 'municipality' ORDER BY kind, name",
        params![code],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// The organisation and every organisation above it, itself first (for the policy).
pub async fn chain(db: &Db, id: i64) -> Result<Vec<i64>, StoreError> {
    let mut out = vec![id];
    let mut current = id;
    // Parent links form a short tree (department → housing organisation); the bound guards
    // against a cycle introduced by hand.
    for _ in 0..8 {
        let parent = db
            .query_opt(
                "SELECT parent_id FROM organisation WHERE id = $1",
                params![current],
            )
            .await?;
        match parent
            .map(|r| r.opt_i64("parent_id"))
            .transpose()?
            .flatten()
        {
            Some(p) if !out.contains(&p) => {
                out.push(p);
                current = p;
            }
            _ => break,
        }
    }
    Ok(out)
}

/// Adds a department to a housing area.
pub async fn add_department_to_area(
    db: &Db,
    area_id: i64,
    department_id: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO housing_area_department (area_id, department_id) VALUES ($1, $2) ON CONFLICT (area_id, department_id) DO NOTHING",
        params![area_id, department_id],
    )
    .await
    .map(|_| ())
}

/// The departments of a housing area.
pub async fn area_departments(db: &Db, area_id: i64) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT o.id, o.kind, o.name, o.parent_id, o.municipality_code, o.cvr, o.street, o.postal_code, o.city, o.lat, o.lon, o.description, o.website, o.phone, o.email
         FROM organisation o JOIN housing_area_department h ON h.department_id = o.id WHERE h.area_id = $1 ORDER BY o.name",
        params![area_id],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// The housing areas a department belongs to.
pub async fn areas_of_department(
    db: &Db,
    department_id: i64,
) -> Result<Vec<Organisation>, StoreError> {
    db.query(
        "SELECT o.id, o.kind, o.name, o.parent_id, o.municipality_code, o.cvr, o.street, o.postal_code, o.city, o.lat, o.lon, o.description, o.website, o.phone, o.email
         FROM organisation o JOIN housing_area_department h ON h.area_id = o.id WHERE h.department_id = $1 ORDER BY o.name",
        params![department_id],
    )
    .await?
    .iter()
    .map(org_from)
    .collect()
}

/// A municipality from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Four-digit code, e.g. `0169`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Region code (1081–1085).
    pub region_code: String,
    /// Region name.
    pub region_name: String,
    /// The organisation row standing for it.
    pub organisation_id: i64,
}

fn municipality_from(r: &Row) -> Result<Municipality, StoreError> {
    Ok(Municipality {
        code: r.string("code")?,
        name: r.string("name")?,
        region_code: r.string("region_code")?,
        region_name: r.string("region_name")?,
        organisation_id: r.i64("organisation_id")?,
    })
}

/// All 98 municipalities, by code.
pub async fn municipalities(db: &Db) -> Result<Vec<Municipality>, StoreError> {
    db.query(
        "SELECT code, name, region_code, region_name, organisation_id FROM municipality ORDER BY code",
        params![],
    )
    .await?
    .iter()
    .map(municipality_from)
    .collect()
}

/// One municipality by code.
pub async fn municipality(db: &Db, code: &str) -> Result<Option<Municipality>, StoreError> {
    db.query_opt(
        "SELECT code, name, region_code, region_name, organisation_id FROM municipality WHERE code = $1",
        params![code],
    )
    .await?
    .as_ref()
    .map(municipality_from)
    .transpose()
}

/// Whether offers from associations new to this housing organisation wait for its staff's
/// approval (on unless its administrators turned it off).
pub async fn offers_need_approval(db: &Db, housing_organisation: i64) -> Result<bool, StoreError> {
    match db
        .query_opt(
            "SELECT offers_need_approval FROM organisation WHERE id = $1",
            params![housing_organisation],
        )
        .await?
    {
        Some(r) => r.bool("offers_need_approval"),
        None => Ok(true),
    }
}

/// Turns approval of new associations' offers on or off for a housing organisation.
pub async fn set_offers_need_approval(
    db: &Db,
    housing_organisation: i64,
    on: bool,
) -> Result<(), StoreError> {
    let n = db
        .execute(
            "UPDATE organisation SET offers_need_approval = $1 WHERE id = $2",
            params![on, housing_organisation],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
