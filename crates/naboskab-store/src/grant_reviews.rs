//! Fund: the municipality's review of grant applications: one score (0–5) per criterion of
//! the call (`grant_score`, the committee's shared score, last saved wins) and notes
//! (`grant_note`) that only the municipality reads. Every write is audited; who may is the
//! application's.

use crate::audit::{self, Auditor};
use crate::db::{Db, Sql};
use crate::error::StoreError;
use crate::params;
use std::collections::BTreeMap;

/// A note on an application.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// What was written.
    pub body: String,
    /// Who wrote it, when the account still exists.
    pub written_by: Option<String>,
    /// When (UTC seconds).
    pub written_at: i64,
}

/// Saves the scores of an application (position in the call's criteria, 0–5) and, when not
/// empty, a note; one transaction, one audit row.
pub async fn review(
    db: &Db,
    application_id: i64,
    scores: &[(usize, i64)],
    note: &str,
    by: &Auditor,
    now: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    for (position, score) in scores {
        let position = i64::try_from(*position).unwrap_or(i64::MAX);
        tx.execute(
            "DELETE FROM grant_score WHERE application_id = $1 AND position = $2",
            params![application_id, position],
        )
        .await?;
        tx.execute(
            "INSERT INTO grant_score (application_id, position, score, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5)",
            params![application_id, position, *score, by.user_id, now],
        )
        .await?;
    }
    if !note.is_empty() {
        tx.execute(
            "INSERT INTO grant_note (application_id, body, written_by, written_at) VALUES ($1, $2, $3, $4)",
            params![application_id, note, by.user_id, now],
        )
        .await?;
    }
    audit::record_in(
        &mut tx,
        by,
        "review",
        "grant_application",
        Some(application_id),
        now,
    )
    .await?;
    tx.commit().await
}

/// The scores of applications by position in their call's criteria.
pub async fn scores(
    db: &Db,
    application_ids: &[i64],
) -> Result<BTreeMap<i64, BTreeMap<usize, i64>>, StoreError> {
    let mut out: BTreeMap<i64, BTreeMap<usize, i64>> = BTreeMap::new();
    if application_ids.is_empty() {
        return Ok(out);
    }
    let mut sql = Sql::new(
        "SELECT application_id, position, score FROM grant_score WHERE application_id IN (",
    );
    sql.bind_list(application_ids.iter().copied()).push(")");
    for r in db.query_built(sql).await? {
        let position = usize::try_from(r.i64("position")?)
            .map_err(|_| StoreError::Decode("column position: negative".into()))?;
        out.entry(r.i64("application_id")?)
            .or_default()
            .insert(position, r.i64("score")?);
    }
    Ok(out)
}

/// An application's notes, oldest first.
pub async fn notes(db: &Db, application_id: i64) -> Result<Vec<Note>, StoreError> {
    db.query(
        "SELECT n.body, n.written_at, u.display_name FROM grant_note n LEFT JOIN app_user u ON u.id = n.written_by
         WHERE n.application_id = $1 ORDER BY n.written_at, n.id",
        params![application_id],
    )
    .await?
    .iter()
    .map(|r| {
        Ok(Note {
            body: r.string("body")?,
            written_by: r.opt_string("display_name")?,
            written_at: r.i64("written_at")?,
        })
    })
    .collect()
}
