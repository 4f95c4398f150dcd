//! Demo schedules, sign-ups and attendance: every demo offer with weekdays gets a series
//! read from its "when" text (weekly, fortnightly with "hver anden", monthly with "første" or
//! "sidste"), weekly series skip the Christmas week, offers without drop-in take sign-ups
//! (one small one is full with a waitlist), and the last three months have attendance:
//! present sign-ups, walk-ins and headcounts for drop-in activities. Fictitious throughout.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use naboskab_domain::schedule::{self, Series};
use naboskab_store::join::{self, History, NewSeries, NewSignup, OccurrenceQuery};
use naboskab_store::{Db, StoreError};

/// A demo offer to schedule.
#[derive(Debug, Clone)]
pub struct Scheduled {
    /// The offer.
    pub offer_id: i64,
    /// Weekday codes, 1 (Monday) to 7.
    pub weekdays: Vec<String>,
    /// The offer's "when" text, e.g. "Tirsdage kl. 17.30–19.30".
    pub when: String,
    /// Drop in (no sign-up).
    pub drop_in: bool,
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// `17.30` or `17` → time.
fn clock(s: &str) -> Option<NaiveTime> {
    let (h, m) = match s.split_once('.') {
        Some((h, m)) => (h.parse().ok()?, m.parse().ok()?),
        None => (s.parse().ok()?, 0),
    };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Start time and length from a "when" text: "kl. 17.30–19.30" (two hours when no end).
pub fn times(when: &str) -> (NaiveTime, i64) {
    let default = (NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default(), 120);
    let Some(rest) = when.split("kl. ").nth(1) else {
        return default;
    };
    let span: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '–')
        .collect();
    let mut parts = span.split('–');
    let Some(start) = parts.next().and_then(clock) else {
        return default;
    };
    let length = parts
        .next()
        .and_then(clock)
        .map(|end| (end - start).num_minutes())
        .filter(|m| *m > 0)
        .unwrap_or(120);
    (start, length)
}

/// The RRULE a "when" text and weekdays describe.
pub fn rule(when: &str, weekdays: &[String]) -> Option<String> {
    let days: Vec<&str> = weekdays
        .iter()
        .filter_map(|d| d.parse::<usize>().ok())
        .filter_map(|d| BYDAY.get(d.wrapping_sub(1)).copied())
        .collect();
    let first = days.first()?;
    let lower = when.to_lowercase();
    Some(if lower.starts_with("sidste") {
        format!("FREQ=MONTHLY;BYDAY=-1{first}")
    } else if lower.starts_with("første") {
        format!("FREQ=MONTHLY;BYDAY=1{first}")
    } else if lower.starts_with("hver anden") {
        format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={}", days.join(","))
    } else {
        format!("FREQ=WEEKLY;BYDAY={}", days.join(","))
    })
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Seeds schedules, sign-ups and attendance for the demo offers.
pub async fn seed(
    db: &Db,
    ids: &crate::DemoIds,
    offers: &[Scheduled],
    now: i64,
) -> Result<(), StoreError> {
    let people = crate::data::People::load()?;
    let names = &people.participants;
    let today = schedule::utc_to_local(at(now)).date();
    let resident = ids.user("beboer@demo.naboskab.dk");
    for (i, o) in offers.iter().enumerate() {
        let Some(rule) = rule(&o.when, &o.weekdays) else {
            continue;
        };
        let (start_time, length) = times(&o.when);
        // The first matching day about three months back, so there is history.
        let mut first = today - Duration::days(91);
        let wanted: Vec<u32> = o.weekdays.iter().filter_map(|d| d.parse().ok()).collect();
        while !wanted.contains(&first.weekday().number_from_monday()) {
            first += Duration::days(1);
        }
        let dtstart = first.and_time(start_time);
        let weekly = rule.starts_with("FREQ=WEEKLY");
        let mut series = Series::new(&schedule::format_local(dtstart), length, Some(&rule), &[])
            .map_err(|e| StoreError::Other(e.to_string()))?;
        if weekly {
            // Closed in the Christmas week.
            series.exdates = series
                .expand(at(now), at(now) + Duration::days(join::HORIZON_DAYS))
                .into_iter()
                .map(|e| e.recurrence_id)
                .filter(|d| d.month() == 12 && d.day() >= 23)
                .collect();
        }
        let capacity = if o.drop_in {
            None
        } else if i % 5 == 1 {
            Some(6)
        } else {
            Some(12 + (i as i64 % 4) * 4)
        };
        join::create_series(
            db,
            o.offer_id,
            &NewSeries {
                series,
                place: String::new(),
                signup_required: !o.drop_in,
                capacity,
            },
            now,
        )
        .await?;
        let occurrences = join::occurrences(
            db,
            &OccurrenceQuery {
                from: 0,
                to: now + 86_400 * 15,
                offer_id: Some(o.offer_id),
                limit: 100,
                ..Default::default()
            },
        )
        .await?;
        let mut history = Vec::new();
        for (k, occ) in occurrences.iter().enumerate() {
            let past = occ.ends_at.timestamp() < now;
            let mut h = History {
                occurrence_id: occ.id,
                signed_up_at: occ.starts_at.timestamp() - 86_400 * 2,
                ..Default::default()
            };
            if o.drop_in {
                if past {
                    h.headcount = Some(6 + ((i + k) % 9) as i64);
                    history.push(h);
                }
                continue;
            }
            // Regulars come back week after week; the small group fills up with a waitlist.
            let want = match capacity {
                Some(6) if !past => 8,
                Some(c) => (c / 2 + ((i + k) % 4) as i64).min(c),
                None => 4,
            };
            for n in 0..want as usize {
                let name = &names[(i + n) % names.len()];
                h.signups.push((
                    NewSignup {
                        occurrence_id: occ.id,
                        name: name.clone(),
                        // The same regular each week: one phone number per person.
                        phone: format!("20 {:02} {:02} 00", i % 100, n),
                        locale: if n % 3 == 1 { "ar" } else { "da" }.into(),
                        first_time: k + 1 == occurrences.len() && n == 0,
                        bring_friend: n == 2,
                        verified: true,
                        token_hash: naboskab_app::secrets::hash_token(&format!(
                            "demo-{}-{}-{n}",
                            o.offer_id, occ.id
                        )),
                        ..Default::default()
                    },
                    past && (n + k) % 5 != 0,
                ));
            }
            if past && k % 3 == 0 {
                h.walk_ins.push(people.walk_in.clone());
            }
            history.push(h);
        }
        join::import_history(db, &history).await?;
        // The demo resident has a place at the next knitting club.
        if i == 1
            && let (Some(user), Some(next)) = (
                resident,
                occurrences.iter().find(|x| x.starts_at.timestamp() > now),
            )
        {
            join::sign_up(
                db,
                &NewSignup {
                    occurrence_id: next.id,
                    user_id: Some(user),
                    name: "Karin Jensen".into(),
                    email: "beboer@demo.naboskab.dk".into(),
                    locale: "da".into(),
                    verified: true,
                    token_hash: naboskab_app::secrets::hash_token("demo-resident"),
                    ..Default::default()
                },
                now,
            )
            .await?;
        }
    }
    Ok(())
}

/// Adds `count` weekly activities with 20 places and sign-up to the first department (for the
/// calendar and sign-up benchmarks); returns the department's id.
pub async fn add_generated_series(db: &Db, count: usize, now: i64) -> Result<i64, StoreError> {
    let dep = naboskab_store::orgs::organisations_of_kind(db, naboskab_domain::OrgKind::Department)
        .await?
        .into_iter()
        .next()
        .ok_or(StoreError::NotFound)?;
    let today = schedule::utc_to_local(at(now)).date();
    for i in 0..count {
        let offer_id = naboskab_store::offers::create_offer(
            db,
            &naboskab_store::offers::Offer {
                organisation_id: dep.id,
                department_id: Some(dep.id),
                kind: "activity".into(),
                status: naboskab_domain::offer::OfferStatus::Published,
                title: format!("Aktivitet {}", i + 1),
                lat: dep.lat,
                lon: dep.lon,
                municipality_code: dep.municipality_code.clone(),
                weekdays: vec![(i % 7 + 1).to_string()],
                ..Default::default()
            },
            now,
        )
        .await?;
        let day = BYDAY[i % 7];
        let start = today
            .and_hms_opt(9 + (i % 10) as u32, 0, 0)
            .unwrap_or_default();
        join::create_series(
            db,
            offer_id,
            &NewSeries {
                series: Series::new(
                    &schedule::format_local(start),
                    90,
                    Some(&format!("FREQ=WEEKLY;BYDAY={day}")),
                    &[],
                )
                .map_err(|e| StoreError::Other(e.to_string()))?,
                place: String::new(),
                signup_required: true,
                capacity: Some(20),
            },
            now,
        )
        .await?;
    }
    Ok(dep.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn when_texts_become_rules_and_times() {
        let tu = vec!["2".to_owned()];
        assert_eq!(
            rule("Tirsdage kl. 17.30–19.30", &tu).as_deref(),
            Some("FREQ=WEEKLY;BYDAY=TU")
        );
        assert_eq!(
            rule("Hver anden tirsdag kl. 19–21", &tu).as_deref(),
            Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU")
        );
        assert_eq!(
            rule("Første torsdag i måneden kl. 14", &["4".into()]).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=1TH")
        );
        assert_eq!(
            rule("Sidste fredag i måneden kl. 18", &["5".into()]).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=-1FR")
        );
        assert_eq!(
            rule("Mandage og torsdage kl. 10", &["1".into(), "4".into()]).as_deref(),
            Some("FREQ=WEEKLY;BYDAY=MO,TH")
        );
        assert_eq!(rule("Efter aftale", &[]), None);
        assert_eq!(
            times("Tirsdage kl. 17.30–19.30"),
            (NaiveTime::from_hms_opt(17, 30, 0).expect("t"), 120)
        );
        assert_eq!(
            times("Onsdage kl. 16–17.30"),
            (NaiveTime::from_hms_opt(16, 0, 0).expect("t"), 90)
        );
        assert_eq!(times("Torsdage kl. 10 (april–september)").1, 120);
    }
}
