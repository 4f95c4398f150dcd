//! Fund: volunteers on activities. What an offer asks for (`volunteer_wanted`), who offered to
//! help in which role and whether the organisers confirmed (`volunteer`), and the minutes they
//! helped per local day (`volunteer_hours`). Who may do what is the application's; this
//! module keeps rows. A volunteer's rows go with their account (ON DELETE CASCADE).

use crate::db::{Db, Row, Sql};
use crate::error::StoreError;
use crate::params;
use naboskab_domain::volunteering::{Carrier, VolunteerRole, VolunteerStatus};

/// A volunteer on an offer, with the account's name, address and language.
#[derive(Debug, Clone, PartialEq)]
pub struct Volunteer {
    /// Id.
    pub id: i64,
    /// The activity.
    pub offer_id: i64,
    /// The role.
    pub role: VolunteerRole,
    /// The account.
    pub user_id: i64,
    /// The account's name.
    pub name: String,
    /// The account's e-mail address (for the thank-you message).
    pub email: String,
    /// The account's language, when chosen.
    pub locale: Option<String>,
    /// Offered or confirmed.
    pub status: VolunteerStatus,
}

/// Minutes helped: by whom, on which activity (of which organisation), summed.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursTotal {
    /// The volunteer's account.
    pub user_id: i64,
    /// The account's name.
    pub name: String,
    /// The activity.
    pub offer_id: i64,
    /// Its title.
    pub offer_title: String,
    /// The organisation that owns it.
    pub organisation_id: i64,
    /// Minutes in the period.
    pub minutes: i64,
}

fn parsed<T>(r: &Row, column: &str, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
    let text = r.string(column)?;
    parse(&text).ok_or_else(|| StoreError::Decode(format!("column {column}: {text}")))
}

/// The roles an offer asks volunteers for, with how many of each.
pub async fn wanted(db: &Db, offer_id: i64) -> Result<Vec<(VolunteerRole, i64)>, StoreError> {
    let mut out = Vec::new();
    for r in db
        .query(
            "SELECT role, wanted FROM volunteer_wanted WHERE offer_id = $1",
            params![offer_id],
        )
        .await?
    {
        out.push((parsed(&r, "role", VolunteerRole::parse)?, r.i64("wanted")?));
    }
    out.sort_by_key(|(role, _)| VolunteerRole::ALL.iter().position(|x| x == role));
    Ok(out)
}

/// Replaces what an offer asks for (a count of zero asks for none).
pub async fn set_wanted(
    db: &Db,
    offer_id: i64,
    wanted: &[(VolunteerRole, i64)],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "DELETE FROM volunteer_wanted WHERE offer_id = $1",
        params![offer_id],
    )
    .await?;
    for (role, n) in wanted.iter().filter(|(_, n)| *n > 0) {
        tx.execute(
            "INSERT INTO volunteer_wanted (offer_id, role, wanted) VALUES ($1, $2, $3)",
            params![offer_id, role.as_str(), *n],
        )
        .await?;
    }
    tx.commit().await
}

/// Records that `user_id` offers to help on an offer in a role; offering twice is one offer.
/// Returns the volunteer's id.
pub async fn offer_help(
    db: &Db,
    offer_id: i64,
    role: VolunteerRole,
    user_id: i64,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "INSERT INTO volunteer (offer_id, role, user_id, status, created_at) VALUES ($1, $2, $3, 'offered', $4)
         ON CONFLICT (offer_id, role, user_id) DO NOTHING",
        params![offer_id, role.as_str(), user_id, now],
    )
    .await?;
    let id = tx
        .query_one(
            "SELECT id FROM volunteer WHERE offer_id = $1 AND role = $2 AND user_id = $3",
            params![offer_id, role.as_str(), user_id],
        )
        .await?
        .i64("id")?;
    tx.commit().await?;
    Ok(id)
}

const VOLUNTEER: &str = "SELECT v.id, v.offer_id, v.role, v.user_id, v.status, u.display_name, u.email, u.preferred_locale FROM volunteer v JOIN app_user u ON u.id = v.user_id";

fn volunteer_from(r: &Row) -> Result<Volunteer, StoreError> {
    Ok(Volunteer {
        id: r.i64("id")?,
        offer_id: r.i64("offer_id")?,
        role: parsed(r, "role", VolunteerRole::parse)?,
        user_id: r.i64("user_id")?,
        name: r.string("display_name")?,
        email: r.string("email")?,
        locale: r.opt_string("preferred_locale")?,
        status: parsed(r, "status", VolunteerStatus::parse)?,
    })
}

/// One volunteer.
pub async fn volunteer(db: &Db, id: i64) -> Result<Option<Volunteer>, StoreError> {
    let mut sql = Sql::new(VOLUNTEER);
    sql.push(" WHERE v.id = ").bind(id);
    db.query_built(sql)
        .await?
        .first()
        .map(volunteer_from)
        .transpose()
}

/// An offer's volunteers, by role and name.
pub async fn of_offer(db: &Db, offer_id: i64) -> Result<Vec<Volunteer>, StoreError> {
    let mut sql = Sql::new(VOLUNTEER);
    sql.push(" WHERE v.offer_id = ")
        .bind(offer_id)
        .push(" ORDER BY v.role, u.display_name, v.id");
    db.query_built(sql)
        .await?
        .iter()
        .map(volunteer_from)
        .collect()
}

/// Confirms an offered volunteer; `false` when there is none or it was confirmed already.
pub async fn confirm(db: &Db, id: i64, by: Option<i64>, now: i64) -> Result<bool, StoreError> {
    let n = db
        .execute(
            "UPDATE volunteer SET status = 'confirmed', confirmed_at = $1, confirmed_by = $2 WHERE id = $3 AND status = 'offered'",
            params![now, by, id],
        )
        .await?;
    Ok(n == 1)
}

/// Removes a volunteer with their hours (they stopped, or withdrew their offer).
pub async fn remove(db: &Db, id: i64) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    tx.execute(
        "DELETE FROM volunteer_hours WHERE volunteer_id = $1",
        params![id],
    )
    .await?;
    let n = tx
        .execute("DELETE FROM volunteer WHERE id = $1", params![id])
        .await?;
    tx.commit().await?;
    Ok(n == 1)
}

/// Records the minutes a volunteer helped on a local day (`YYYY-MM-DD`), replacing what was
/// recorded for that day.
pub async fn record_hours(
    db: &Db,
    volunteer_id: i64,
    day: &str,
    minutes: i64,
    by: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO volunteer_hours (volunteer_id, day, minutes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (volunteer_id, day) DO UPDATE SET minutes = $3, recorded_by = $4, recorded_at = $5",
        params![volunteer_id, day, minutes, by, now],
    )
    .await?;
    Ok(())
}

/// The days already recorded for an offer's volunteers from `from` to `to` (local days,
/// inclusive): `(volunteer_id, day, minutes)`.
pub async fn recorded(
    db: &Db,
    offer_id: i64,
    from: &str,
    to: &str,
) -> Result<Vec<(i64, String, i64)>, StoreError> {
    db.query(
        "SELECT h.volunteer_id, h.day, h.minutes FROM volunteer_hours h JOIN volunteer v ON v.id = h.volunteer_id
         WHERE v.offer_id = $1 AND h.day >= $2 AND h.day <= $3 ORDER BY h.day DESC, h.volunteer_id",
        params![offer_id, from, to],
    )
    .await?
    .iter()
    .map(|r| Ok((r.i64("volunteer_id")?, r.string("day")?, r.i64("minutes")?)))
    .collect()
}

/// Minutes helped from `from` to `to` (local days, inclusive) per volunteer and activity, on
/// the offers of `organisations` (every organisation when empty) and, with `offer`, that offer
/// only; the most minutes first.
pub async fn totals(
    db: &Db,
    from: &str,
    to: &str,
    organisations: &[i64],
    offer: Option<i64>,
) -> Result<Vec<HoursTotal>, StoreError> {
    let mut sql = Sql::new(
        "SELECT v.user_id, u.display_name, v.offer_id, o.title, o.organisation_id, SUM(h.minutes) AS minutes
         FROM volunteer_hours h JOIN volunteer v ON v.id = h.volunteer_id
         JOIN app_user u ON u.id = v.user_id JOIN offer o ON o.id = v.offer_id WHERE h.day >= ",
    );
    sql.bind(from).push(" AND h.day <= ").bind(to);
    if !organisations.is_empty() {
        sql.push(" AND o.organisation_id IN (")
            .bind_list(organisations.iter().copied())
            .push(")");
    }
    if let Some(id) = offer {
        sql.push(" AND o.id = ").bind(id);
    }
    sql.push(" GROUP BY v.user_id, u.display_name, v.offer_id, o.title, o.organisation_id ORDER BY minutes DESC, v.user_id, v.offer_id");
    db.query_built(sql)
        .await?
        .iter()
        .map(|r| {
            Ok(HoursTotal {
                user_id: r.i64("user_id")?,
                name: r.string("display_name")?,
                offer_id: r.i64("offer_id")?,
                offer_title: r.string("title")?,
                organisation_id: r.i64("organisation_id")?,
                minutes: r.i64("minutes")?,
            })
        })
        .collect()
}

/// A confirmed volunteer carrying a published activity, with the activity's title and
/// department and the volunteer's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Carrying {
    /// Who carries what, in which role.
    pub carrier: Carrier,
    /// The activity's title.
    pub title: String,
    /// The department it is held in.
    pub department_id: Option<i64>,
    /// The volunteer's name.
    pub name: String,
}

/// Every confirmed volunteer in a carrying role (host, co-host) on a published offer, in one
/// query.
pub async fn carriers(db: &Db) -> Result<Vec<Carrying>, StoreError> {
    db.query(
        "SELECT v.offer_id, v.user_id, v.role, o.title, o.department_id, u.display_name FROM volunteer v
         JOIN offer o ON o.id = v.offer_id JOIN app_user u ON u.id = v.user_id
         WHERE v.status = 'confirmed' AND v.role IN ('host', 'co_host') AND o.status = 'published'
         ORDER BY v.offer_id, v.id",
        params![],
    )
    .await?
    .iter()
    .map(|r| {
        Ok(Carrying {
            carrier: Carrier {
                offer_id: r.i64("offer_id")?,
                user_id: r.i64("user_id")?,
                role: parsed(r, "role", VolunteerRole::parse)?,
            },
            title: r.string("title")?,
            department_id: r.opt_i64("department_id")?,
            name: r.string("display_name")?,
        })
    })
    .collect()
}
