//! Demo data for Measure's survey (`data/surveys.toml`): two closed rounds in the housing
//! organisation's departments with enough answers for a report, a trend and a department
//! shown only together with another, and an open round of the municipality's that is still
//! under the five-answer floor. The answers are generated from a fixed seed; the codes counted
//! as issued exist only as that count (no usable code is left in the demo).

use crate::{DemoIds, data};
use chrono::{DateTime, Duration};
use naboskab_domain::schedule::utc_to_local;
use naboskab_domain::survey::{AGE_BANDS, GENDERS};
use naboskab_store::surveys::{self as store, Answer, NewRound};
use naboskab_store::{Db, StoreError, params};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Deserialize;

/// `data/surveys.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SurveysFile {
    round: Vec<RoundData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundData {
    title: String,
    /// The organisation running it, by key.
    organisation: String,
    /// The account that started it.
    run_by: String,
    opens_on: Option<String>,
    closes_on: Option<String>,
    opens_in_days: Option<i64>,
    closes_in_days: Option<i64>,
    languages: Vec<String>,
    who5: bool,
    departments: Vec<DepartmentData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartmentData {
    key: String,
    answers: usize,
    severe_share: f64,
    codes: i64,
}

fn problem(text: String) -> StoreError {
    StoreError::Other(format!("demo data surveys.toml: {text}"))
}

/// A day as text: the fixed one, or `days` from the seeding day.
fn day(fixed: &Option<String>, days: Option<i64>, now: i64) -> Result<String, StoreError> {
    match (fixed, days) {
        (Some(d), _) => Ok(d.clone()),
        (None, Some(days)) => {
            let t = DateTime::from_timestamp(now, 0).unwrap_or_default() + Duration::days(days);
            Ok(utc_to_local(t).date().format("%Y-%m-%d").to_string())
        }
        (None, None) => Err(problem("a round needs a date or a number of days".into())),
    }
}

/// One generated answer: severe (T-ILS 7–9) or not (3–6), with WHO-5 lower when severe, an
/// age band leaning old and a gender, each now and then left out.
fn answer(rng: &mut StdRng, department_id: i64, severe: bool, who5: bool) -> Answer {
    let target: u8 = if severe {
        rng.random_range(7..=9)
    } else {
        rng.random_range(3..=6)
    };
    // Three items of 1–3 summing to the target.
    let mut tils = [1u8; 3];
    let mut left = target - 3;
    while left > 0 {
        let i = rng.random_range(0..3);
        if tils[i] < 3 {
            tils[i] += 1;
            left -= 1;
        }
    }
    let who5 = who5.then(|| {
        let (low, high) = if severe { (0, 3) } else { (2, 5) };
        std::array::from_fn(|_| rng.random_range(low..=high))
    });
    let age = rng.random_range(0..AGE_BANDS.len() + 4);
    let gender = rng.random_range(0..GENDERS.len() + 3);
    Answer {
        department_id,
        tils,
        who5: who5.filter(|_| rng.random_bool(0.85)),
        // Older residents answer more often; one in eleven gives no age.
        age_band: match age {
            a if a < AGE_BANDS.len() => Some(AGE_BANDS[a].to_owned()),
            a if a < AGE_BANDS.len() + 3 => {
                Some(AGE_BANDS[AGE_BANDS.len() - 1 - (a % 2)].to_owned())
            }
            _ => None,
        },
        gender: match gender {
            0 | 3 => Some("woman".to_owned()),
            1 | 4 => Some("man".to_owned()),
            2 if rng.random_bool(0.2) => Some("other".to_owned()),
            _ => None,
        },
    }
}

/// Seeds the rounds and their answers.
pub(crate) async fn seed(db: &Db, ids: &DemoIds, now: i64) -> Result<(), StoreError> {
    let file: SurveysFile = data::read(data::SURVEYS)?;
    let mut rng = StdRng::seed_from_u64(2026);
    for r in &file.round {
        let runner = ids
            .user(&r.run_by)
            .ok_or_else(|| problem(format!("unknown account {:?}", r.run_by)))?;
        let mut department_ids = Vec::new();
        for d in &r.departments {
            department_ids.push(
                ids.org(&d.key)
                    .ok_or_else(|| problem(format!("unknown department {:?}", d.key)))?,
            );
        }
        let organisation_id = ids
            .org(&r.organisation)
            .ok_or_else(|| problem(format!("unknown organisation {:?}", r.organisation)))?;
        let round = store::create_round(
            db,
            &NewRound {
                title: r.title.clone(),
                organisation_id,
                opens_on: day(&r.opens_on, r.opens_in_days, now)?,
                closes_on: day(&r.closes_on, r.closes_in_days, now)?,
                languages: r.languages.clone(),
                who5: r.who5,
                department_ids: department_ids.clone(),
            },
            Some(runner),
            now,
        )
        .await?;
        let mut answers = Vec::new();
        for (d, department_id) in r.departments.iter().zip(&department_ids) {
            let severe = (d.answers as f64 * d.severe_share).round() as usize;
            for i in 0..d.answers {
                answers.push(answer(&mut rng, *department_id, i < severe, r.who5));
            }
            db.execute(
                "UPDATE survey_round_department SET codes_issued = $1 WHERE round_id = $2 AND department_id = $3",
                params![d.codes, round, *department_id],
            )
            .await?;
        }
        store::insert_answers(db, round, &answers).await?;
    }
    Ok(())
}

/// Adds `count` generated answers to the demo's 2026 round, spread over its departments in
/// the proportions of its own answers, about one in seven severe (benchmarks); returns the
/// round's id.
pub async fn add_generated_answers(db: &Db, count: usize) -> Result<i64, StoreError> {
    let round = store::rounds(db)
        .await?
        .into_iter()
        .find(|r| r.fields.title == "Trivselsundersøgelse 2026")
        .ok_or_else(|| problem("no 2026 round to add answers to".into()))?;
    let departments = round.fields.department_ids.clone();
    let mut rng = StdRng::seed_from_u64(10_000);
    let answers: Vec<Answer> = (0..count)
        .map(|i| {
            // Nørreparken-sized departments get most answers; every department gets some.
            let department = departments[[0, 0, 0, 1, 1, 2][i % 6] % departments.len()];
            answer(&mut rng, department, i % 7 == 0, round.fields.who5)
        })
        .collect();
    store::insert_answers(db, round.id, &answers).await?;
    Ok(round.id)
}
