//! The municipality's review of a grant application: a score from 0 to 5 for each of the
//! call's criteria (the committee's shared score; the audit log keeps who changed it) and
//! notes only the municipality reads. The applicant, the housing organisation and the
//! platform's support never see either.

use super::applications::{ApplicationView, Reader, application};
use super::{Problems, TEXT_MAX_CHARS, auditor};
use crate::App;
use crate::error::{Error, Result};
use naboskab_domain::{Actor, Role};
use naboskab_store::grant_reviews::{self as store, Note};
use std::collections::BTreeMap;

/// The highest score of one criterion.
pub const MAX_SCORE: i64 = 5;

/// The review of one application as the municipality sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Each criterion of the call with its score, when scored.
    pub criteria: Vec<(String, Option<i64>)>,
    /// Points so far and the most there are; `None` before any criterion is scored.
    pub points: Option<(i64, i64)>,
    /// The notes, oldest first.
    pub notes: Vec<Note>,
}

/// The review as typed: a score per criterion in the call's order ("" when not scored) and
/// a new note.
#[derive(Debug, Clone, Default)]
pub struct ReviewDraft {
    /// Scores as typed.
    pub scores: Vec<String>,
    /// A note to add (empty: none).
    pub note: String,
}

/// Points of scored criteria and the most there are over `criteria` criteria; `None` when
/// nothing is scored.
pub fn points(scores: &BTreeMap<usize, i64>, criteria: usize) -> Option<(i64, i64)> {
    let counted: Vec<i64> = scores
        .iter()
        .filter(|(position, _)| **position < criteria)
        .map(|(_, score)| *score)
        .collect();
    (!counted.is_empty()).then(|| {
        (
            counted.iter().sum(),
            MAX_SCORE * i64::try_from(criteria).unwrap_or(0),
        )
    })
}

/// The review of an application, for the call's municipality only (`None` for every other
/// reader).
pub async fn review_of(app: &App, v: &ApplicationView) -> Result<Option<Review>> {
    if v.reader != Reader::Municipality {
        return Ok(None);
    }
    let id = v.application.id;
    let scores = store::scores(&app.db, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    Ok(Some(Review {
        criteria: v
            .call
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), scores.get(&i).copied()))
            .collect(),
        points: points(&scores, v.call.criteria.len()),
        notes: store::notes(&app.db, id).await?,
    }))
}

/// Saves the municipality's scores and a note on an application of its call; every bad
/// score is named (`score[i]`), and nobody else may.
pub async fn review(app: &App, actor: &Actor, id: i64, draft: &ReviewDraft) -> Result<()> {
    let v = application(app, actor, id).await?;
    if v.reader != Reader::Municipality {
        return Err(Error::Forbidden);
    }
    let mut p = Problems::default();
    let mut scores = Vec::new();
    for i in 0..v.call.criteria.len() {
        let typed = draft.scores.get(i).map(|s| s.trim()).unwrap_or_default();
        if typed.is_empty() {
            continue;
        }
        match typed.parse::<i64>() {
            Ok(n) if (0..=MAX_SCORE).contains(&n) => scores.push((i, n)),
            _ => p.add(&format!("score[{i}]"), "field-grant-score"),
        }
    }
    let note = p.text("review_note", &draft.note, false, TEXT_MAX_CHARS);
    if scores.is_empty() && note.is_empty() && draft.scores.iter().all(|s| s.trim().is_empty()) {
        p.add("review_note", "field-grant-review-empty");
    }
    p.done(())?;
    let by = auditor(actor, Role::MunicipalOfficer, "grant review");
    store::review(&app.db, id, &scores, &note, &by, app.now()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_count_only_the_calls_criteria() {
        let scores = BTreeMap::from([(0, 4), (2, 3), (7, 5)]);
        assert_eq!(points(&scores, 4), Some((7, 20)));
        assert_eq!(points(&BTreeMap::new(), 4), None);
        assert_eq!(points(&scores, 0), None);
    }
}
