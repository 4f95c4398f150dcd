//! Attendance at an occurrence, as the organiser's check-in list records it: sign-ups marked
//! present, walk-ins (their names sealed), an anonymous headcount for drop-in activities, and
//! the counts of an offer's attendance over a period.

use super::WALK_IN_NAME;
use crate::db::Db;
use crate::error::StoreError;
use crate::params;

/// Marks a participant present or not.
pub async fn set_present(db: &Db, signup_id: i64, present: bool) -> Result<(), StoreError> {
    let n = db
        .execute(
            "UPDATE signup SET present = $2 WHERE id = $1",
            params![signup_id, present],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Sets the anonymous headcount of a drop-in occurrence.
pub async fn set_headcount(db: &Db, id: i64, count: Option<i64>) -> Result<(), StoreError> {
    let n = db
        .execute(
            "UPDATE occurrence SET headcount = $2 WHERE id = $1",
            params![id, count],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Notes someone who came without signing up.
pub async fn add_walk_in(
    db: &Db,
    occurrence_id: i64,
    name: &str,
    now: i64,
) -> Result<i64, StoreError> {
    let sealed = db.sealing()?.seal_optional(WALK_IN_NAME, name)?;
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO walk_in (occurrence_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
            params![occurrence_id, sealed, now],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

/// The walk-ins of an occurrence, in order.
pub async fn walk_ins(db: &Db, occurrence_id: i64) -> Result<Vec<(i64, String)>, StoreError> {
    let key = db.sealing()?;
    db.query(
        "SELECT id, name FROM walk_in WHERE occurrence_id = $1 ORDER BY id",
        params![occurrence_id],
    )
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.i64("id")?,
            key.open_optional(WALK_IN_NAME, &r.string("name")?)?,
        ))
    })
    .collect()
}

/// Attendance of an offer's occurrences in a period: how many came in all (present sign-ups,
/// walk-ins and headcounts), how many different people (accounts, e-mails or phones), and how
/// many of them came more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttendanceSummary {
    /// Attendances counted.
    pub participants: i64,
    /// Different people among the signed-up attendees.
    pub unique_participants: i64,
    /// Of those, people who came to two or more occurrences.
    pub returning_participants: i64,
}

/// Counts attendance of an offer between `from` and `to`.
pub async fn attendance_summary(
    db: &Db,
    offer_id: i64,
    from: i64,
    to: i64,
) -> Result<AttendanceSummary, StoreError> {
    let present = db
        .query(
            "SELECT COALESCE(CAST(s.user_id AS TEXT), NULLIF(s.email_index, ''), NULLIF(s.phone_index, ''), NULLIF(s.name_index, ''), 's' || CAST(s.id AS TEXT)), COUNT(*) AS count FROM signup s JOIN occurrence o ON o.id = s.occurrence_id
             WHERE o.offer_id = $1 AND o.starts_at >= $2 AND o.starts_at < $3 AND s.present = $4 GROUP BY 1",
            params![offer_id, from, to, true],
        )
        .await?;
    let others = db
        .query_one(
            "SELECT (SELECT COUNT(*) FROM walk_in w JOIN occurrence o ON o.id = w.occurrence_id WHERE o.offer_id = $1 AND o.starts_at >= $2 AND o.starts_at < $3) AS walk_ins,
                    (SELECT COALESCE(SUM(headcount), 0) FROM occurrence WHERE offer_id = $1 AND starts_at >= $2 AND starts_at < $3) AS headcounts",
            params![offer_id, from, to],
        )
        .await?;
    let mut s = AttendanceSummary::default();
    for r in &present {
        let times = r.i64("count")?;
        s.participants += times;
        s.unique_participants += 1;
        if times > 1 {
            s.returning_participants += 1;
        }
    }
    s.participants += others.i64("walk_ins")? + others.i64("headcounts")?;
    Ok(s)
}
