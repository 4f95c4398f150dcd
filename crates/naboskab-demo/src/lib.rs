//! The demo, apart from the product: `naboskab serve --demo` seeds it through [`seed`], the
//! one entry point; nothing in the web or application crates knows it exists.
//!
//! Demo data: Høje-Taastrup municipality, two housing organisations, five departments with
//! real-looking addresses and coordinates, a housing area spanning both organisations, three
//! associations and two other partners, and one account per role. Later capabilities add
//! their demo data here. All people and organisations are fictitious.

pub mod gather;
pub mod join;
pub mod offers;
pub mod reach;

use naboskab_app::accounts::create_account;
use naboskab_domain::{OrgKind, Role};
use naboskab_store::orgs::{self, NewOrganisation};
use naboskab_store::{Db, users};

/// Default password of the demo accounts (override with `NABOSKAB_DEMO_PASSWORD`).
pub const DEFAULT_PASSWORD: &str = "naboskab-demo-2026";

/// The demo accounts: e-mail, name, role, and the key of the organisation the role is held in.
pub const ACCOUNTS: [(&str, &str, Role, &str); 7] = [
    (
        "beboer@demo.naboskab.dk",
        "Fatima Hassan",
        Role::Resident,
        "dep-norreparken",
    ),
    (
        "arrangoer@demo.naboskab.dk",
        "Jens Mikkelsen",
        Role::Organiser,
        "assoc-seniorklub",
    ),
    (
        "bestyrelse@demo.naboskab.dk",
        "Birthe Olsen",
        Role::BoardMember,
        "dep-norreparken",
    ),
    (
        "vicevaert@demo.naboskab.dk",
        "Ahmed Yilmaz",
        Role::SocialCaretaker,
        "org-taastrup",
    ),
    (
        "boligorganisation@demo.naboskab.dk",
        "Lone Kristensen",
        Role::HousingOrgAdmin,
        "org-taastrup",
    ),
    (
        "kommune@demo.naboskab.dk",
        "Mette Larsen",
        Role::MunicipalOfficer,
        "kommune",
    ),
    (
        "admin@demo.naboskab.dk",
        "Naboskab Drift",
        Role::PlatformAdmin,
        "platform",
    ),
];

/// Ids of what the demo created, by key.
#[derive(Debug, Default, Clone)]
pub struct DemoIds {
    /// `(key, organisation id)`.
    pub orgs: Vec<(&'static str, i64)>,
    /// `(e-mail, user id)`.
    pub users: Vec<(&'static str, i64)>,
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

struct OrgSeed {
    key: &'static str,
    kind: OrgKind,
    name: &'static str,
    parent: Option<&'static str>,
    street: Option<&'static str>,
    postal: Option<&'static str>,
    city: Option<&'static str>,
    coords: Option<(f64, f64)>,
    cvr: Option<&'static str>,
    description: &'static str,
}

const fn org(
    key: &'static str,
    kind: OrgKind,
    name: &'static str,
    description: &'static str,
) -> OrgSeed {
    OrgSeed {
        key,
        kind,
        name,
        parent: None,
        street: None,
        postal: None,
        city: None,
        coords: None,
        cvr: None,
        description,
    }
}

/// An address: street, postal code, city, (latitude, longitude).
type Address = (&'static str, &'static str, &'static str, (f64, f64));

const fn dep(
    key: &'static str,
    name: &'static str,
    parent: &'static str,
    address: Address,
    description: &'static str,
) -> OrgSeed {
    let (street, postal, city, coords) = address;
    OrgSeed {
        key,
        kind: OrgKind::Department,
        name,
        parent: Some(parent),
        street: Some(street),
        postal: Some(postal),
        city: Some(city),
        coords: Some(coords),
        cvr: None,
        description,
    }
}

fn seeds() -> Vec<OrgSeed> {
    vec![
        org(
            "org-taastrup",
            OrgKind::HousingOrganisation,
            "Boligselskabet Taastrup Have",
            "Almen boligorganisation med 1.400 boliger i Taastrup og Hedehusene.",
        ),
        org(
            "org-vestegn",
            OrgKind::HousingOrganisation,
            "Vestegnens Almene Boliger",
            "Almen boligorganisation på Vestegnen med familie- og ældreboliger.",
        ),
        dep(
            "dep-norreparken",
            "Afd. 3 Nørreparken",
            "org-taastrup",
            ("Parkvej 14", "2630", "Taastrup", (55.6555, 12.2960)),
            "312 familieboliger omkring en stor fælles have og et fælleshus.",
        ),
        dep(
            "dep-sondergaarden",
            "Afd. 7 Søndergården",
            "org-taastrup",
            ("Sønderby Allé 22", "2630", "Taastrup", (55.6455, 12.3020)),
            "186 boliger, heraf 40 ældreboliger, tæt på stationen.",
        ),
        dep(
            "dep-engbo",
            "Afd. 11 Engbo",
            "org-taastrup",
            ("Engbovej 5", "2640", "Hedehusene", (55.6470, 12.1960)),
            "Rækkehuse med små haver og et nyt fælleshus fra 2024.",
        ),
        dep(
            "dep-vestervang",
            "Afd. 2 Vestervang",
            "org-vestegn",
            ("Vestervangen 40", "2630", "Taastrup", (55.6500, 12.2880)),
            "Etageboliger med beboerlokale, værksted og legeplads.",
        ),
        dep(
            "dep-flong",
            "Afd. 5 Fløng Have",
            "org-vestegn",
            ("Fløng Byvej 9", "2640", "Hedehusene", (55.6620, 12.1860)),
            "Seniorbofællesskab og familieboliger i landsbyen Fløng.",
        ),
        org(
            "area-taastrup-ost",
            OrgKind::HousingArea,
            "Boligområdet Taastrup Øst",
            "Nørreparken, Søndergården og Vestervang: tre afdelinger, to boligorganisationer, ét fællesskab.",
        ),
        OrgSeed {
            cvr: Some("29384756"),
            ..org(
                "assoc-seniorklub",
                OrgKind::Association,
                "Seniorklubben Taastrup",
                "Frivillig forening med kaffe, kortspil og gåture for alle over 60.",
            )
        },
        OrgSeed {
            cvr: Some("31425364"),
            ..org(
                "assoc-lektiecafe",
                OrgKind::Association,
                "Lektiecafé Taastrup Øst",
                "Frivillige hjælper børn og unge med lektier to gange om ugen.",
            )
        },
        org(
            "assoc-broen",
            OrgKind::Association,
            "Kulturforeningen Broen",
            "Fællesspisning, sprogcafé og fester på tværs af kulturer og generationer.",
        ),
        org(
            "health-center",
            OrgKind::HealthActor,
            "Sundhedscenter Høje-Taastrup (demo)",
            "Kommunalt sundhedscenter med rygestop, træning og rådgivning.",
        ),
        org(
            "club-motion",
            OrgKind::SportsClub,
            "Taastrup Motionsklub",
            "Gåhold, stolegymnastik og løb for alle aldre.",
        ),
    ]
}

/// Seeds the demo into an empty database; returns `None` (and changes nothing) when any
/// account exists already.
pub async fn seed(
    db: &Db,
    password: &str,
    outreach_key: &naboskab_store::seal::SealKey,
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
    ids.orgs.push(("kommune", kommune.organisation_id));
    let platform = orgs::organisations_of_kind(db, OrgKind::Platform)
        .await
        .map_err(|e| e.to_string())?
        .first()
        .map(|o| o.id)
        .ok_or("platform organisation missing")?;
    ids.orgs.push(("platform", platform));

    for s in seeds() {
        let parent_id = s.parent.and_then(|p| ids.org(p));
        let in_kommune = matches!(
            s.kind,
            OrgKind::Department
                | OrgKind::Association
                | OrgKind::HealthActor
                | OrgKind::SportsClub
                | OrgKind::HousingArea
        );
        let id = orgs::create_organisation(
            db,
            &NewOrganisation {
                kind: Some(s.kind),
                name: s.name.to_owned(),
                parent_id,
                municipality_code: in_kommune.then(|| "0169".to_owned()),
                cvr: s.cvr.map(str::to_owned),
                street: s.street.map(str::to_owned),
                postal_code: s.postal.map(str::to_owned),
                city: s.city.map(str::to_owned),
                lat: s.coords.map(|c| c.0),
                lon: s.coords.map(|c| c.1),
                description: s.description.to_owned(),
                ..Default::default()
            },
            now,
        )
        .await
        .map_err(|e| e.to_string())?;
        ids.orgs.push((s.key, id));
    }
    if let Some(area) = ids.org("area-taastrup-ost") {
        for d in ["dep-norreparken", "dep-sondergaarden", "dep-vestervang"] {
            if let Some(dep) = ids.org(d) {
                orgs::add_department_to_area(db, area, dep)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    for (email, name, role, org_key) in ACCOUNTS {
        let id = create_account(db, email, name, password, true, now).await?;
        let org_id = ids
            .org(org_key)
            .ok_or_else(|| format!("demo organisation {org_key} missing"))?;
        users::add_membership(db, id, org_id, role, now)
            .await
            .map_err(|e| e.to_string())?;
        ids.users.push((email, id));
    }
    // The organiser also runs activities in the department where the resident lives, and the
    // seniors' food club next door in Søndergården.
    for dep in ["dep-norreparken", "dep-sondergaarden"] {
        if let (Some(u), Some(d)) = (ids.user("arrangoer@demo.naboskab.dk"), ids.org(dep)) {
            users::add_membership(db, u, d, Role::Organiser, now)
                .await
                .map_err(|e| e.to_string())?;
        }
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
    Ok(Some(ids))
}
