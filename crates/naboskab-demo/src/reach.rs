//! Demo data for Reach: 40 fictitious people known to outreach staff across the demo
//! departments (most held by Boligselskabet Taastrup Have, whose social caretaker is the demo
//! caretaker; some by Vestegnens Almene Boliger, whom nobody in the demo may see), each with
//! consents, a contact log over the last months, follow-ups that are overdue, due soon or
//! done, and referrals in every state. Every record is marked fictitious and shown so. The demo
//! caretaker and administrator have two-step sign-in set up with known keys.

use crate::DemoIds;
use chrono::{Duration, NaiveDate};
use naboskab_domain::reach::{
    ConsentMethod, ConsentScope, ContactKind, DayPart, Need, Profile, ReferralStatus,
    SensitiveCategory,
};
use naboskab_domain::schedule::utc_to_local;
use naboskab_store::audit::Auditor;
use naboskab_store::join::{self, NewSignup, SignupResult};
use naboskab_store::reach::{self, NewConsent, NewContact, NewLogEntry, NewReferral};
use naboskab_store::seal::SealKey;
use naboskab_store::{Db, StoreError};

/// The demo caretaker's authenticator key (the demo shows the current code on the sign-in
/// step; a real installation never does).
pub const DEMO_TOTP_SECRET: &str = "NABOSKABDEMOSECRETKEYFORCARETAKR";
/// The demo administrator's authenticator key.
pub const DEMO_ADMIN_TOTP_SECRET: &str = "NABOSKABDEMOSECRETKEYFORADMINIST";

/// What a referred person did: checked in at every time up to this many weeks after their
/// first; `None`: signed up but did not come.
const PATTERNS: [Option<i64>; 4] = [Some(12), None, Some(0), Some(5)];

/// Signs the person up on their behalf ("please welcome me") at the earliest time since `from`
/// with room, of the first of `offers` whose times allow `pattern`, and checks them in as the
/// organiser would. Returns the offer, the first time, its sign-up and when it started.
async fn attend(
    db: &Db,
    offers: &[i64],
    person: &Profile,
    caretaker: Option<i64>,
    pattern: Option<i64>,
    from: i64,
    now: i64,
) -> Result<Option<(i64, i64, i64, i64)>, StoreError> {
    const WEEK: i64 = 7 * 86_400;
    let until = pattern.unwrap_or(0);
    for &offer in offers {
        let times: Vec<(i64, i64)> = db
            .query(
                "SELECT id, starts_at FROM occurrence WHERE offer_id = $1 AND starts_at > $2 AND starts_at < $3 AND cancelled = $4
                   AND (capacity IS NULL OR confirmed_places < capacity) ORDER BY starts_at",
                naboskab_store::params![offer, from, now - 86_400, false],
            )
            .await?
            .iter()
            .map(|r| Ok((r.i64("id")?, r.i64("starts_at")?)))
            .collect::<Result<_, StoreError>>()?;
        let Some(&(_, first_start)) = times.first() else {
            continue;
        };
        if !times.iter().any(|t| t.1 - first_start >= until * WEEK) {
            continue;
        }
        let mut first = None;
        for (occurrence, starts) in times {
            // (A day's slack: summer time may end in between.)
            if starts - first_start > until * WEEK + 86_400 {
                break;
            }
            let signup = NewSignup {
                occurrence_id: occurrence,
                name: person.name.clone(),
                phone: person.phone.clone(),
                locale: "da".into(),
                first_time: first.is_none(),
                verified: true,
                assisted_by: caretaker,
                consent_method: "in_person".into(),
                token_hash: naboskab_app::secrets::hash_token(&format!(
                    "demo-reach-{}-{occurrence}",
                    person.name
                )),
                ..Default::default()
            };
            if let SignupResult::Confirmed { id } =
                join::sign_up(db, &signup, starts - 3 * 86_400).await?
            {
                if pattern.is_some() {
                    join::set_present(db, id, true).await?;
                }
                first = first.or(Some((offer, occurrence, id, starts)));
            }
        }
        return Ok(first);
    }
    Ok(None)
}

fn day_of(now: i64) -> NaiveDate {
    utc_to_local(chrono::DateTime::from_timestamp(now, 0).unwrap_or_default()).date()
}

/// Seeds the fictitious outreach records.
pub async fn seed(db: &Db, key: &SealKey, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let (Some(taastrup), Some(vestegn)) = (ids.org("org-taastrup"), ids.org("org-vestegn")) else {
        return Ok(());
    };
    let caretaker = ids.user("vicevaert@demo.naboskab.dk");
    if let Some(u) = caretaker {
        naboskab_app::accounts::enrol_known_totp(db, key, u, DEMO_TOTP_SECRET).await?;
    }
    // The administrator too, to show the logged look at a record (`/outreach/inspect`).
    if let Some(u) = ids.user("admin@demo.naboskab.dk") {
        naboskab_app::accounts::enrol_known_totp(db, key, u, DEMO_ADMIN_TOTP_SECRET).await?;
    }
    let who = Auditor {
        user_id: caretaker,
        role: "social_caretaker".into(),
        purpose: "demo data".into(),
    };
    let places: [(i64, Option<i64>); 5] = [
        (taastrup, ids.org("dep-norreparken")),
        (taastrup, ids.org("dep-sondergaarden")),
        (taastrup, ids.org("dep-engbo")),
        (vestegn, ids.org("dep-vestervang")),
        (vestegn, ids.org("dep-flong")),
    ];
    let people = crate::data::People::load()?;
    let crate::data::Outreach {
        first_names,
        interests,
        languages,
        notes,
        follow_ups,
        buddy,
    } = &people.outreach;
    let today = day_of(now);
    // Activities with sign-up whose organisers kept check-in lists in the last months.
    let with_history: Vec<i64> = db
        .query(
            "SELECT DISTINCT o.offer_id FROM signup s JOIN occurrence o ON o.id = s.occurrence_id
             WHERE s.present = $1 AND o.starts_at < $2 ORDER BY o.offer_id",
            naboskab_store::params![true, now],
        )
        .await?
        .iter()
        .map(|r| r.i64("offer_id"))
        .collect::<Result<_, StoreError>>()?;
    for (i, first) in first_names.iter().enumerate() {
        // Three in four live in Taastrup Have's departments.
        let (org, department) = places[if i % 4 == 3 { 3 + i % 2 } else { i % 3 }];
        let sensitive_ok = i % 3 != 2;
        let profile = Profile {
            name: format!("{first} (fiktiv)"),
            phone: if i % 4 == 1 {
                String::new()
            } else {
                format!("2{:07}", 1_000_000 + i * 7_919)
            },
            email: if i % 5 == 0 {
                format!("{}@example.dk", first.to_lowercase())
            } else {
                String::new()
            },
            languages: languages[i % languages.len()].clone(),
            interests: vec![
                interests[i % interests.len()].clone(),
                interests[(i * 3 + 1) % interests.len()].clone(),
            ],
            weekdays: vec![(i % 5 + 1) as u8, ((i + 2) % 5 + 1) as u8],
            day_parts: vec![[DayPart::Morning, DayPart::Afternoon, DayPart::Evening][i % 3]],
            needs: match i % 6 {
                0 => vec![Need::StepFree],
                3 => vec![Need::FreeOnly],
                4 => vec![Need::HearingLoop, Need::StepFree],
                _ => vec![],
            },
            age_group: ["elderly", "adults", "families", "young"][i % 4].into(),
            sensitive: if sensitive_ok {
                match i % 4 {
                    0 => vec![SensitiveCategory::Loneliness],
                    1 => vec![
                        SensitiveCategory::Loneliness,
                        SensitiveCategory::PhysicalHealth,
                    ],
                    2 => vec![SensitiveCategory::LanguageHelp],
                    _ => vec![SensitiveCategory::DigitalHelp],
                }
            } else {
                vec![]
            },
        };
        let method = [
            ConsentMethod::Verbal,
            ConsentMethod::Written,
            ConsentMethod::Digital,
        ][i % 3];
        let mut consents = vec![ConsentScope::Registration];
        if sensitive_ok {
            consents.push(ConsentScope::Sensitive);
        }
        if i % 2 == 0 {
            consents.push(ConsentScope::Measurement);
        }
        let consents: Vec<NewConsent> = consents
            .into_iter()
            .map(|scope| NewConsent {
                scope,
                method,
                text: format!("Demo consent: {}", scope.as_str()),
            })
            .collect();
        let started = now - (100 - i as i64 * 2) * 86_400;
        let contact = NewContact {
            housing_org_id: org,
            department_id: department,
            caretaker_id: caretaker,
            user_id: None,
            contact_request_id: None,
            profile,
            fictitious: true,
        };
        let Ok(id) = reach::create_contact(db, key, &contact, &consents, &who, started).await?
        else {
            continue;
        };
        // A contact every few weeks since the first.
        for n in 0..(1 + i % 4) {
            let at = started + n as i64 * 21 * 86_400;
            if at > now {
                break;
            }
            let entry = NewLogEntry {
                kind: ContactKind::ALL[(i + n) % ContactKind::ALL.len()],
                happened_on: day_of(at),
                minutes: Some([10, 20, 45, 60][(i + n) % 4]),
                note: notes[(i + n) % notes.len()].clone(),
            };
            reach::add_log(db, key, id, &entry, &who, at).await?.ok();
        }
        // Referrals in every state: suggested, said no, said yes, and signed up on the
        // person's behalf at a past time, with what they did after: came once, kept coming for
        // four or twelve weeks, or did not come.
        if let Some(&offer) = with_history.get(i % with_history.len().max(1)) {
            let status = match i % 4 {
                0 => ReferralStatus::Suggested,
                1 => ReferralStatus::Declined,
                _ => ReferralStatus::Accepted,
            };
            // (Those are Taastrup Have's, whom the demo caretaker follows.)
            let went = if i % 4 == 2 {
                let pattern = PATTERNS[(i / 4) % PATTERNS.len()];
                let mut candidates = with_history.clone();
                candidates.rotate_left(i % with_history.len().max(1));
                attend(
                    db,
                    &candidates,
                    &contact.profile,
                    caretaker,
                    pattern,
                    started,
                    now,
                )
                .await?
            } else {
                None
            };
            let referral = NewReferral {
                offer_id: went.map_or(offer, |w| w.0),
                occurrence_id: went.map(|w| w.1),
                signup_id: went.map(|w| w.2),
                status,
                buddy: if i % 8 == 2 {
                    buddy.clone()
                } else {
                    String::new()
                },
            };
            let referred = went.map_or(started + 86_400, |w| (w.3 - 7 * 86_400).max(started));
            reach::refer(db, key, id, &referral, &who, referred.min(now))
                .await?
                .ok();
        }
        // Follow-ups: some overdue, some due soon, some done.
        let due = today + Duration::days((i as i64 % 7) * 3 - 6);
        let followup = reach::add_followup(
            db,
            key,
            id,
            due,
            &follow_ups[i % follow_ups.len()],
            &who,
            now - 86_400,
        )
        .await?;
        if let (Ok(f), true) = (followup, i % 5 == 4) {
            reach::complete_followup(db, id, f, &who, now).await?;
        }
    }
    Ok(())
}
