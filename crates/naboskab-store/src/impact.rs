//! Measure's impact in numbers, read across departments: the published offers held in them
//! with their target groups and weekdays, who came to their activities and when (each person
//! as an opaque key, never a name), the anonymous headcounts and walk-ins, and the confirmed
//! use of their rooms by kind. Who may read it is the application's.

use crate::db::{Db, Sql};
use crate::error::StoreError;
use std::collections::BTreeMap;

/// A published offer held in one of the departments: its target groups and weekdays (codes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeldOffer {
    /// Who it is for.
    pub target_groups: Vec<String>,
    /// The weekdays it is held on ("1" Monday … "7" Sunday).
    pub weekdays: Vec<String>,
}

/// The published offers held in `departments`.
pub async fn offers_held_in(db: &Db, departments: &[i64]) -> Result<Vec<HeldOffer>, StoreError> {
    let mut sql = Sql::new(
        "SELECT o.id, t.kind, t.code FROM offer o JOIN offer_tag t ON t.offer_id = o.id
         WHERE o.status = 'published' AND t.kind IN ('target', 'weekday') AND o.department_id IN (",
    );
    sql.bind_list(departments.iter().copied())
        .push(") ORDER BY o.id");
    let mut offers: BTreeMap<i64, HeldOffer> = BTreeMap::new();
    for r in db.query_built(sql).await? {
        let o = offers.entry(r.i64("id")?).or_default();
        let code = r.string("code")?;
        if r.string("kind")? == "target" {
            o.target_groups.push(code);
        } else {
            o.weekdays.push(code);
        }
    }
    Ok(offers.into_values().collect())
}

/// Attendance at the activities held in some departments over a period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attendances {
    /// Each present sign-up: the person (an account, or the sealed index of an e-mail, a phone
    /// or a name; never shown) and when the occurrence began.
    pub visits: Vec<(String, i64)>,
    /// People counted without a name: walk-ins and headcounts of drop-in activities.
    pub anonymous: i64,
}

/// Who came to occurrences of offers held in `departments` that began in `from..to`.
pub async fn attendances_in(
    db: &Db,
    departments: &[i64],
    from: i64,
    to: i64,
) -> Result<Attendances, StoreError> {
    let mut sql = Sql::new(
        "SELECT COALESCE(CAST(s.user_id AS TEXT), NULLIF(s.email_index, ''), NULLIF(s.phone_index, ''), NULLIF(s.name_index, ''), 's' || CAST(s.id AS TEXT)) AS person, o.starts_at
         FROM signup s JOIN occurrence o ON o.id = s.occurrence_id JOIN offer f ON f.id = o.offer_id
         WHERE s.present = ",
    );
    sql.bind(true)
        .push(" AND o.starts_at >= ")
        .bind(from)
        .push(" AND o.starts_at < ")
        .bind(to)
        .push(" AND f.department_id IN (")
        .bind_list(departments.iter().copied())
        .push(") ORDER BY o.starts_at");
    let visits = db
        .query_built(sql)
        .await?
        .iter()
        .map(|r| Ok((r.string("person")?, r.i64("starts_at")?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut sql = Sql::new(
        "SELECT COALESCE(SUM(o.headcount), 0) + (SELECT COUNT(*) FROM walk_in w JOIN occurrence x ON x.id = w.occurrence_id JOIN offer g ON g.id = x.offer_id WHERE x.starts_at >= ",
    );
    sql.bind(from)
        .push(" AND x.starts_at < ")
        .bind(to)
        .push(" AND g.department_id IN (")
        .bind_list(departments.iter().copied())
        .push(")) AS anonymous FROM occurrence o JOIN offer f ON f.id = o.offer_id WHERE o.starts_at >= ")
        .bind(from)
        .push(" AND o.starts_at < ")
        .bind(to)
        .push(" AND f.department_id IN (")
        .bind_list(departments.iter().copied())
        .push(")");
    let anonymous = match db.query_built(sql).await?.first() {
        Some(r) => r.i64("anonymous")?,
        None => 0,
    };
    Ok(Attendances { visits, anonymous })
}

/// Confirmed use of the rooms of `departments` in `from..to` by kind of use: (kind, bookings,
/// seconds booked).
pub async fn room_use_in(
    db: &Db,
    departments: &[i64],
    from: i64,
    to: i64,
) -> Result<Vec<(String, i64, i64)>, StoreError> {
    let mut sql = Sql::new(
        "SELECT b.kind, COUNT(*) AS bookings, CAST(SUM(b.ends_at - b.starts_at) AS BIGINT) AS seconds FROM booking b JOIN room r ON r.id = b.room_id
         WHERE b.status = 'confirmed' AND b.starts_at >= ",
    );
    sql.bind(from)
        .push(" AND b.starts_at < ")
        .bind(to)
        .push(" AND r.department_id IN (")
        .bind_list(departments.iter().copied())
        .push(") GROUP BY b.kind ORDER BY b.kind");
    db.query_built(sql)
        .await?
        .iter()
        .map(|r| Ok((r.string("kind")?, r.i64("bookings")?, r.i64("seconds")?)))
        .collect()
}
