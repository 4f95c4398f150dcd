//! Demo offers: sixty activities, communities, helplines and services across the demo
//! departments and associations, a third of them translated into English and Arabic, covering
//! every category, target group and kind. Fictitious, like the rest of the demo.

use naboskab_store::offers::{self, ContactRequest, Helpline, Offer, Translation};
use naboskab_store::{Db, StoreError, orgs};
use serde::Deserialize;

use crate::data;

#[derive(Deserialize)]
struct OfferFile {
    offer: Vec<Seed>,
}

/// One offer to seed: where, what, and optional (English, Arabic) translations.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Seed {
    owner: String,
    department: Option<String>,
    kind: String,
    title: String,
    description: String,
    categories: Vec<String>,
    targets: Vec<String>,
    languages: Vec<String>,
    weekdays: Vec<String>,
    when: String,
    price_ore: Option<i64>,
    flags: FlagsSpec,
    en: Option<SeedTranslation>,
    ar: Option<SeedTranslation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedTranslation {
    title: String,
    description: String,
}

/// Accessibility and welcome flags: a preset by name, or each one.
#[derive(Deserialize)]
#[serde(untagged)]
enum FlagsSpec {
    Preset(String),
    Each(Flags),
}

#[derive(Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flags {
    drop_in: bool,
    newcomers: bool,
    friend: bool,
    step_free: bool,
    toilet: bool,
    hearing_loop: bool,
}

impl FlagsSpec {
    fn flags(&self) -> Result<Flags, StoreError> {
        Ok(match self {
            FlagsSpec::Each(f) => *f,
            // Open drop-in activities in the common houses (which have hearing loops).
            FlagsSpec::Preset(p) if p == "open" => Flags {
                drop_in: true,
                newcomers: true,
                friend: true,
                step_free: true,
                toilet: true,
                hearing_loop: true,
            },
            FlagsSpec::Preset(p) if p == "signup" => Flags {
                newcomers: true,
                step_free: true,
                ..Flags::default()
            },
            FlagsSpec::Preset(p) if p == "plain" => Flags::default(),
            FlagsSpec::Preset(other) => {
                return Err(StoreError::Other(format!(
                    "demo offers: no flags preset {other}"
                )));
            }
        })
    }
}

fn seeds() -> Result<Vec<Seed>, StoreError> {
    data::read::<OfferFile>(data::OFFERS).map(|f| f.offer)
}

#[derive(Deserialize)]
struct HelplineFile {
    helpline: Vec<HelplineSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelplineSeed {
    name: String,
    phone: String,
    hours: String,
    description: String,
}

/// Example helplines for the "Føler du dig ensom?" page: clearly marked as examples, with
/// numbers that are not real.
fn helplines() -> Result<Vec<Helpline>, StoreError> {
    let file: HelplineFile = data::read(data::HELPLINES)?;
    Ok(file
        .helpline
        .into_iter()
        .map(|h| Helpline {
            name: h.name,
            phone: h.phone,
            hours: h.hours,
            description: h.description,
            is_example: true,
            ..Default::default()
        })
        .collect())
}

/// Seeds the demo offers, helplines, caretaker contact details and one contact request.
pub async fn seed(
    db: &Db,
    outreach_key: &naboskab_store::seal::SealKey,
    ids: &crate::DemoIds,
    now: i64,
) -> Result<usize, StoreError> {
    let mut created = 0;
    let mut scheduled = Vec::new();
    for (i, sd) in seeds()?.into_iter().enumerate() {
        let flags = sd.flags.flags()?;
        let Some(owner) = ids.org(&sd.owner) else {
            continue;
        };
        let department = sd.department.as_deref().and_then(|d| ids.org(d));
        let place = match department {
            Some(d) => orgs::organisation(db, d).await?,
            None => orgs::organisation(db, owner).await?,
        };
        let mut translations = vec![];
        for (locale, t) in [("en", &sd.en), ("ar", &sd.ar)] {
            if let Some(t) = t {
                translations.push(Translation {
                    locale: locale.into(),
                    title: t.title.clone(),
                    description_html: format!("<p>{}</p>", t.description),
                });
            }
        }
        let o = Offer {
            organisation_id: owner,
            department_id: department,
            kind: sd.kind.clone(),
            status: naboskab_domain::offer::OfferStatus::Published,
            title: sd.title.clone(),
            description_html: format!("<p>{}</p>", sd.description),
            step_free: flags.step_free,
            accessible_toilet: flags.toilet,
            hearing_loop: flags.hearing_loop,
            price_ore: sd.price_ore,
            drop_in: flags.drop_in,
            newcomers_welcome: flags.newcomers,
            bring_friend: flags.friend,
            contact_name: [
                "Jens Mikkelsen",
                "Birthe Olsen",
                "Amina Warsame",
                "Ole Sørensen",
            ][i % 4]
                .into(),
            contact_phone: format!("20 00 {:02} {:02}", i / 10, i % 100),
            street: place
                .as_ref()
                .and_then(|p| p.street.clone())
                .unwrap_or_else(|| "Taastrup Hovedgade 100".into()),
            postal_code: place
                .as_ref()
                .and_then(|p| p.postal_code.clone())
                .unwrap_or_else(|| "2630".into()),
            city: place
                .as_ref()
                .and_then(|p| p.city.clone())
                .unwrap_or_else(|| "Taastrup".into()),
            lat: place.as_ref().and_then(|p| p.lat).or(Some(55.6517)),
            lon: place.as_ref().and_then(|p| p.lon).or(Some(12.2995)),
            municipality_code: Some("0169".into()),
            when_text: sd.when.clone(),
            what_to_bring: if sd.kind == "activity" {
                "Godt humør. Alt andet er der.".into()
            } else {
                String::new()
            },
            first_time: if flags.newcomers {
                "Kom som du er. En af os tager imod dig ved døren og viser dig rundt.".into()
            } else {
                String::new()
            },
            categories: sd.categories.clone(),
            target_groups: sd.targets.clone(),
            languages: sd.languages.clone(),
            weekdays: sd.weekdays.clone(),
            translations,
            ..Default::default()
        };
        let offer_id = offers::create_offer(db, &o, now - 86_400 * (60 - i as i64)).await?;
        scheduled.push(crate::join::Scheduled {
            offer_id,
            weekdays: o.weekdays.clone(),
            when: sd.when.clone(),
            drop_in: flags.drop_in,
        });
        created += 1;
    }
    crate::join::seed(db, ids, &scheduled, now).await?;
    for (i, h) in helplines()?.iter().enumerate() {
        offers::add_helpline(db, h, i as i64).await?;
    }
    if let Some(u) = ids.user("vicevaert@demo.naboskab.dk") {
        offers::set_staff_profile(
            db,
            u,
            "20 11 22 33",
            "Tirsdage kl. 10–12 og torsdage kl. 13–15 på ejendomskontoret",
            "Jeg taler dansk, tyrkisk og arabisk.",
        )
        .await?;
    }
    if let Some(dep) = ids.org("dep-norreparken") {
        offers::create_contact_request(
            db,
            outreach_key,
            &ContactRequest {
                department_id: Some(dep),
                name: "Inger (fiktiv)".into(),
                phone: "20 00 99 99".into(),
                preferred_language: "da".into(),
                when_to_call: "Formiddag".into(),
                message: "Jeg vil gerne høre om strikkeklubben.".into(),
                consent_text: "Jeg giver lov til, at en social vicevært kontakter mig.".into(),
                ..Default::default()
            },
            now,
        )
        .await?;
    }
    Ok(created)
}

/// Generated offers for load tests: varied titles, tags, translations for a third, places
/// spread over Denmark with a fifth near Taastrup. Deterministic for a given `count`.
pub fn generated(count: usize, organisation_id: i64) -> Vec<Offer> {
    const WHAT: [&str; 24] = [
        "Strikkeklub",
        "Fællesspisning",
        "Lektiecafé",
        "Sprogcafé",
        "Gåtur",
        "Banko",
        "Kor",
        "Yoga",
        "Petanque",
        "Madklub",
        "Syværksted",
        "Cykelværksted",
        "Filmaften",
        "Bogklub",
        "Havegruppe",
        "Legestue",
        "Computerhjælp",
        "Dans",
        "Fodbold",
        "Kaffeklub",
        "Kortspil",
        "Samtalegruppe",
        "Bordtennis",
        "Loppemarked",
    ];
    const FOR: [&str; 8] = [
        "for alle",
        "for ældre",
        "for unge",
        "for børn og forældre",
        "for kvinder",
        "for mænd",
        "på tværs",
        "for nye i området",
    ];
    const WHERE: [&str; 6] = [
        "i fælleshuset",
        "i beboerlokalet",
        "i parken",
        "på biblioteket",
        "i kælderen",
        "i haven",
    ];
    let cats: Vec<&str> = naboskab_store::migrate::CATEGORIES
        .iter()
        .map(|c| c.0)
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..count)
        .map(|i| {
            let r = next();
            let what = WHAT[(r % WHAT.len() as u64) as usize];
            let title = format!(
                "{what} {} {}",
                FOR[((r >> 8) % 8) as usize],
                WHERE[((r >> 16) % 6) as usize]
            );
            let near = (r >> 24) % 5 == 0;
            let (lat, lon) = if near {
                (
                    55.60 + ((r >> 28) % 1000) as f64 / 10_000.0,
                    12.15 + ((r >> 38) % 2000) as f64 / 10_000.0,
                )
            } else {
                (
                    54.8 + ((r >> 28) % 2800) as f64 / 1000.0,
                    8.1 + ((r >> 40) % 4500) as f64 / 1000.0,
                )
            };
            let translations = if i % 3 == 0 {
                vec![Translation {
                    locale: "en".into(),
                    title: format!("{what} (club)"),
                    description_html: "<p>Everyone is welcome.</p>".into(),
                }]
            } else {
                vec![]
            };
            Offer {
                organisation_id,
                kind: naboskab_domain::offer::KINDS[((r >> 44) % 6) as usize].into(),
                status: naboskab_domain::offer::OfferStatus::Published,
                title,
                description_html: format!(
                    "<p>{what} {}. {}</p>",
                    [
                        "hver uge",
                        "hver anden uge",
                        "en gang om måneden",
                        "i weekenden"
                    ][i % 4],
                    [
                        "Vi hygger os og lærer hinanden at kende.",
                        "Tag gerne en nabo med.",
                        "Der er te og kage.",
                        "Alle niveauer er velkomne.",
                        "Vi starter stille og roligt.",
                        "Ingen tilmelding."
                    ][(i / 4) % 6]
                ),
                price_ore: if (r >> 50) % 3 == 0 { Some(2000) } else { None },
                newcomers_welcome: (r >> 52) % 2 == 0,
                drop_in: (r >> 53) % 2 == 0,
                step_free: (r >> 54) % 2 == 0,
                street: format!("Boligvej {}", i % 200 + 1),
                postal_code: if near {
                    "2630".into()
                } else {
                    format!("{}", 5000 + (r % 4000))
                },
                city: if near {
                    "Taastrup".into()
                } else {
                    "Danmark".into()
                },
                lat: Some(lat),
                lon: Some(lon),
                municipality_code: near.then(|| "0169".to_owned()),
                when_text: format!(
                    "Hver {} kl. {}",
                    [
                        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"
                    ][i % 7],
                    10 + i % 9
                ),
                categories: vec![cats[i % cats.len()].to_owned()],
                target_groups: vec![naboskab_domain::offer::TARGET_GROUPS[(i / 3) % 9].to_owned()],
                languages: if i % 4 == 0 {
                    vec!["da".into(), "ar".into()]
                } else {
                    vec!["da".into()]
                },
                weekdays: vec![(i % 7 + 1).to_string()],
                translations,
                ..Default::default()
            }
        })
        .collect()
}

/// Adds `count` generated offers in batches (owned by the demo's Kulturforeningen Broen, or
/// the first association).
pub async fn add_generated(db: &Db, count: usize, now: i64) -> Result<usize, StoreError> {
    let owner = orgs::organisations_of_kind(db, naboskab_domain::OrgKind::Association)
        .await?
        .first()
        .map(|o| o.id)
        .ok_or(StoreError::NotFound)?;
    let all = generated(count, owner);
    for chunk in all.chunks(2_000) {
        offers::create_offers_bulk(db, chunk, now).await?;
    }
    Ok(all.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_hold_sixty_offers_and_four_example_helplines() {
        let seeds = seeds().expect("offers.toml");
        assert_eq!(seeds.len(), 60);
        for s in &seeds {
            assert!(s.flags.flags().is_ok(), "{}: unknown flags preset", s.title);
            assert!(!s.weekdays.is_empty() || s.kind != "activity" || !s.when.is_empty());
        }
        let translated = seeds.iter().filter(|s| s.en.is_some()).count();
        assert!(translated >= 20, "a third translated, found {translated}");
        let lines = helplines().expect("helplines.toml");
        assert_eq!(lines.len(), 4);
        assert!(lines.iter().all(|h| h.is_example));
        assert!(
            FlagsSpec::Preset("loud".into()).flags().is_err(),
            "a misspelt preset is refused"
        );
    }
}
