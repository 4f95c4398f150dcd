//! A round's report: the share with severe loneliness (T-ILS ≥ 7) with its Wilson 95 %
//! interval, the mean score, the answers in three bands, who answered by age and gender, the
//! departments one by one where that is safe, and the trend over earlier rounds of the same
//! departments, beside the national reference lines.
//!
//! What is shown never describes fewer than [`MIN_CELL`] people: fewer respondents give
//! counts only; departments of 1–4 respondents are shown only together with others
//! ([`survey::hidden_groups`]) and cannot be asked for alone; the bands and the age and
//! gender counts are one-row tables with complementary suppression
//! ([`survey::suppress_table`]) and are given for the whole round only, never per
//! department, so one cannot be subtracted from another.

use super::{RoundView, round};
use crate::App;
use crate::error::{Error, FieldError, Result};
use naboskab_domain::Actor;
use naboskab_domain::survey::{
    self, AGE_BANDS, GENDERS, MIN_CELL, NATIONAL_SEVERE_SHARE, SOCIAL_HOUSING_SEVERE_SHARE,
};
use naboskab_store::surveys::{self as store, Answer};

/// A share with its Wilson 95 % interval, each 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// The share.
    pub share: f64,
    /// The interval's lower bound.
    pub low: f64,
    /// The interval's upper bound.
    pub high: f64,
}

impl Share {
    fn of(count: u64, n: u64) -> Option<Share> {
        survey::wilson(count, n).map(|(share, low, high)| Share { share, low, high })
    }
}

/// The figures of a group of answers. Fewer than [`MIN_CELL`] respondents give the count
/// only.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// How many answered.
    pub respondents: u64,
    /// The share with severe loneliness.
    pub severe: Option<Share>,
    /// The mean T-ILS score (3–9), to one decimal.
    pub mean_score: Option<f64>,
    /// How many answered WHO-5 completely.
    pub who5_respondents: u64,
    /// Of those, the share with poor wellbeing (WHO-5 ≤ 50), when five or more answered it.
    pub who5_poor: Option<Share>,
}

impl Figures {
    /// Whether the figures are withheld (too few respondents).
    pub fn suppressed(&self) -> bool {
        self.severe.is_none()
    }

    fn of(answers: &[&Answer]) -> Figures {
        let n = answers.len() as u64;
        let who5: Vec<u8> = answers
            .iter()
            .filter_map(|a| a.who5)
            .filter_map(|w| survey::who5_percent(w.map(Some)).ok())
            .collect();
        if n < MIN_CELL {
            return Figures {
                respondents: n,
                severe: None,
                mean_score: None,
                who5_respondents: 0,
                who5_poor: None,
            };
        }
        let scores: Vec<u8> = answers
            .iter()
            .filter_map(|a| survey::tils_score(a.tils.map(Some)).ok())
            .collect();
        let severe = scores.iter().filter(|s| survey::is_severe(**s)).count() as u64;
        let sum: u64 = scores.iter().map(|s| u64::from(*s)).sum();
        let who5_n = who5.len() as u64;
        let poor = who5
            .iter()
            .filter(|p| **p <= survey::WHO5_POOR_AT_MOST)
            .count() as u64;
        Figures {
            respondents: n,
            severe: Share::of(severe, n),
            mean_score: Some((sum as f64 / n as f64 * 10.0).round() / 10.0),
            who5_respondents: who5_n,
            who5_poor: (who5_n >= MIN_CELL)
                .then(|| Share::of(poor, who5_n))
                .flatten(),
        }
    }
}

/// The figures of one department, or of the departments shown only together.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The department (id, name); `None` for the departments shown only together.
    pub department: Option<(i64, String)>,
    /// Their figures.
    pub figures: Figures,
}

/// One earlier (or this) round of the same departments.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// The round.
    pub round_id: i64,
    /// Its name.
    pub title: String,
    /// Its first day.
    pub opens_on: chrono::NaiveDate,
    /// Its figures as a whole.
    pub figures: Figures,
}

/// The bands the answers are counted in: no signs (3–4), some (5–6), severe (7–9).
pub const BANDS: [(u8, u8); 3] = [(3, 4), (5, 6), (7, 9)];

/// A round's report as `actor` may see it.
#[derive(Debug, Clone)]
pub struct Report {
    /// The round.
    pub round: RoundView,
    /// The department asked for, when one was.
    pub department: Option<(i64, String)>,
    /// The figures of the round, or of the department asked for.
    pub figures: Figures,
    /// Respondents per band of [`BANDS`] (whole round only; `None` where hidden).
    pub bands: Vec<Option<u64>>,
    /// Respondents per age band of [`AGE_BANDS`], then "not given".
    pub by_age: Vec<Option<u64>>,
    /// Respondents per gender of [`GENDERS`], then "not given".
    pub by_gender: Vec<Option<u64>>,
    /// The departments one by one, then those shown only together (whole round of more than
    /// one department only).
    pub groups: Vec<Group>,
    /// This and earlier rounds of exactly the same departments, oldest first.
    pub trend: Vec<TrendPoint>,
    /// The national share with severe loneliness (reference line).
    pub national: f64,
    /// The share in social housing (reference line).
    pub social_housing: f64,
}

/// One row of counts with complementary suppression; empty when the row's total is under the
/// floor (nothing to show).
fn counted_row(counts: Vec<u64>) -> Vec<Option<u64>> {
    if counts.iter().sum::<u64>() < MIN_CELL {
        return vec![];
    }
    survey::suppress_table(&[counts]).pop().unwrap_or_default()
}

fn count_choices(
    answers: &[&Answer],
    choices: &[&str],
    of: fn(&Answer) -> Option<&str>,
) -> Vec<u64> {
    let mut counts: Vec<u64> = choices
        .iter()
        .map(|c| answers.iter().filter(|a| of(a) == Some(*c)).count() as u64)
        .collect();
    counts.push(answers.iter().filter(|a| of(a).is_none()).count() as u64);
    counts
}

/// The report of a round `actor` may read, for the whole round or for one of its
/// departments. A department whose figures would describe fewer than five people, alone or
/// by subtraction, is refused (`department` names the problem).
pub async fn report(
    app: &App,
    actor: &Actor,
    round_id: i64,
    department: Option<i64>,
) -> Result<Report> {
    let view = round(app, actor, round_id).await?;
    let answers = store::answers(&app.db, round_id).await?;
    let all: Vec<&Answer> = answers.iter().collect();
    let of_department =
        |id: i64| -> Vec<&Answer> { answers.iter().filter(|a| a.department_id == id).collect() };
    let counts: Vec<u64> = view
        .departments
        .iter()
        .map(|(id, _)| of_department(*id).len() as u64)
        .collect();
    let hidden = survey::hidden_groups(&counts);
    let total = all.len() as u64;
    let too_narrow = || {
        Error::Invalid(vec![FieldError::new(
            "department",
            "field-survey-too-narrow",
        )])
    };

    let (figures, chosen) = match department {
        None => (Figures::of(&all), None),
        Some(id) => {
            let i = view
                .departments
                .iter()
                .position(|(d, _)| *d == id)
                .ok_or_else(too_narrow)?;
            if hidden[i] || counts[i] < MIN_CELL || total < MIN_CELL {
                return Err(too_narrow());
            }
            (
                Figures::of(&of_department(id)),
                Some(view.departments[i].clone()),
            )
        }
    };
    let whole = chosen.is_none() && total >= MIN_CELL;
    let mut groups = Vec::new();
    if whole && view.departments.len() > 1 {
        for (i, dep) in view
            .departments
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden[*i])
        {
            groups.push(Group {
                department: Some(dep.clone()),
                figures: Figures::of(&of_department(view.departments[i].0)),
            });
        }
        let together: Vec<&Answer> = view
            .departments
            .iter()
            .zip(&hidden)
            .filter(|(_, h)| **h)
            .flat_map(|((id, _), _)| of_department(*id))
            .collect();
        if !together.is_empty() {
            groups.push(Group {
                department: None,
                figures: Figures::of(&together),
            });
        }
    }
    let (bands, by_age, by_gender) = if whole {
        let scores: Vec<u8> = all
            .iter()
            .filter_map(|a| survey::tils_score(a.tils.map(Some)).ok())
            .collect();
        (
            counted_row(
                BANDS
                    .iter()
                    .map(|(lo, hi)| {
                        scores.iter().filter(|s| (*lo..=*hi).contains(*s)).count() as u64
                    })
                    .collect(),
            ),
            counted_row(count_choices(&all, &AGE_BANDS, |a| a.age_band.as_deref())),
            counted_row(count_choices(&all, &GENDERS, |a| a.gender.as_deref())),
        )
    } else {
        (vec![], vec![], vec![])
    };
    let trend = if chosen.is_none() {
        trend(app, actor, &view, &figures).await?
    } else {
        vec![]
    };
    Ok(Report {
        round: view,
        department: chosen,
        figures,
        bands,
        by_age,
        by_gender,
        groups,
        trend,
        national: NATIONAL_SEVERE_SHARE,
        social_housing: SOCIAL_HOUSING_SEVERE_SHARE,
    })
}

/// This and the earlier rounds of exactly the same departments that `actor` may read, oldest
/// first, each as a whole (this round's figures are `these`, already counted).
async fn trend(
    app: &App,
    actor: &Actor,
    this: &RoundView,
    these: &Figures,
) -> Result<Vec<TrendPoint>> {
    let ids = |r: &RoundView| {
        let mut v: Vec<i64> = r.departments.iter().map(|(id, _)| *id).collect();
        v.sort_unstable();
        v
    };
    let mut out = Vec::new();
    for r in super::rounds(app, actor).await? {
        if ids(&r) == ids(this) && r.opens_on <= this.opens_on {
            let figures = if r.id == this.id {
                these.clone()
            } else {
                let answers = store::answers(&app.db, r.id).await?;
                Figures::of(&answers.iter().collect::<Vec<_>>())
            };
            out.push(TrendPoint {
                round_id: r.id,
                title: r.title.clone(),
                opens_on: r.opens_on,
                figures,
            });
        }
    }
    out.sort_by_key(|p| p.opens_on);
    Ok(out)
}
