//! Fund: partnerships between organisations (a housing organisation, its departments, the
//! municipality, associations, health and sports actors), what they link (offers, rooms,
//! grant applications), and whether a booking is a partner's (a Gather rule lets partners of
//! a department book its rooms earlier). Who may see and change what is the application's;
//! this module keeps rows, and every write is audited.

use crate::audit::{self, Auditor};
use crate::db::{Db, Row, Sql, Tx};
use crate::error::StoreError;
use crate::gather::{NewBooking, Room};
use crate::params;
use chrono::{DateTime, NaiveDate, Utc};
use naboskab_domain::OrgKind;
use naboskab_domain::gather::KindRule;
use naboskab_domain::schedule::utc_to_local;

/// What the parties wrote about a partnership.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipFields {
    /// What the parties work together on ("Fællesskab og bevægelse i Gadehavegård").
    pub purpose: String,
    /// More words on it.
    pub description: String,
    /// The first local day.
    pub starts_on: NaiveDate,
    /// The last local day; `None`: until further notice.
    pub ends_on: Option<NaiveDate>,
    /// The contact people, one per line (name, role, phone or e-mail).
    pub contacts: String,
}

/// Who takes part and what is linked, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// The organisations taking part.
    pub parties: Vec<i64>,
    /// Linked offers.
    pub offers: Vec<i64>,
    /// Linked rooms.
    pub rooms: Vec<i64>,
    /// Linked grant applications.
    pub applications: Vec<i64>,
}

/// An organisation taking part.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// The organisation.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: OrgKind,
    /// A municipality's four-digit code.
    pub municipality_code: Option<String>,
    /// It said yes to the partnership (the party of whoever saved it did so by saving).
    pub confirmed: bool,
}

/// Something linked, with its title (an offer's title, a room's name, an application's
/// title).
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Its id.
    pub id: i64,
    /// Its title.
    pub title: String,
}

/// A partnership with its parties and links (read through the partnership:
/// `p.purpose`).
#[derive(Debug, Clone, PartialEq)]
pub struct Partnership {
    /// Id.
    pub id: i64,
    /// What the parties wrote.
    pub fields: PartnershipFields,
    /// The organisations taking part, by name.
    pub parties: Vec<Party>,
    /// Linked offers that are published, by title.
    pub offers: Vec<Linked>,
    /// Linked rooms, by name.
    pub rooms: Vec<Linked>,
    /// Linked grant applications, by title.
    pub applications: Vec<Linked>,
}

impl std::ops::Deref for Partnership {
    type Target = PartnershipFields;

    fn deref(&self) -> &PartnershipFields {
        &self.fields
    }
}

impl Partnership {
    /// Whether the partnership holds on the local day `today`.
    pub fn is_current(&self, today: NaiveDate) -> bool {
        self.starts_on <= today && self.ends_on.is_none_or(|end| today <= end)
    }

    /// Whether every party has said yes.
    pub fn is_confirmed(&self) -> bool {
        self.parties.iter().all(|p| p.confirmed)
    }
}

const DATE: &str = "%Y-%m-%d";

fn date(r: &Row, column: &str) -> Result<Option<NaiveDate>, StoreError> {
    r.opt_string(column)?
        .map(|d| {
            NaiveDate::parse_from_str(&d, DATE)
                .map_err(|_| StoreError::Decode(format!("column {column}: {d}")))
        })
        .transpose()
}

fn day(d: NaiveDate) -> String {
    d.format(DATE).to_string()
}

/// Starts a partnership; returns its id. The parties in `confirming` (those the person saving
/// runs) are confirmed by saving; the others are asked. Audited.
pub async fn create(
    db: &Db,
    f: &PartnershipFields,
    links: &Links,
    confirming: &[i64],
    by: &Auditor,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let id = tx
        .query_one(
            "INSERT INTO partnership (purpose, description, starts_on, ends_on, contacts, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            params![
                f.purpose.as_str(),
                f.description.as_str(),
                day(f.starts_on),
                f.ends_on.map(day),
                f.contacts.as_str(),
                by.user_id,
                now
            ],
        )
        .await?
        .i64("id")?;
    let confirmed: Vec<(i64, i64, Option<i64>)> = confirming
        .iter()
        .map(|org| (*org, now, by.user_id))
        .collect();
    write_links(&mut tx, id, links, &confirmed).await?;
    audit::record_in(&mut tx, by, "create", "partnership", Some(id), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a partnership, its parties and its links; `false` when there is none. A party that
/// stays keeps its answer; the parties in `confirming` are confirmed, a new party is asked.
/// Audited.
pub async fn update(
    db: &Db,
    id: i64,
    f: &PartnershipFields,
    links: &Links,
    confirming: &[i64],
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let mut confirmed: Vec<(i64, i64, Option<i64>)> = Vec::new();
    for r in tx
        .query(
            "SELECT organisation_id, confirmed_at, confirmed_by FROM partnership_party WHERE partnership_id = $1 AND confirmed_at IS NOT NULL",
            params![id],
        )
        .await?
    {
        confirmed.push((
            r.i64("organisation_id")?,
            r.i64("confirmed_at")?,
            r.opt_i64("confirmed_by")?,
        ));
    }
    for org in confirming {
        if !confirmed.iter().any(|(o, _, _)| o == org) {
            confirmed.push((*org, now, by.user_id));
        }
    }
    let n = tx
        .execute(
            "UPDATE partnership SET purpose = $1, description = $2, starts_on = $3, ends_on = $4, contacts = $5, updated_at = $6 WHERE id = $7",
            params![
                f.purpose.as_str(),
                f.description.as_str(),
                day(f.starts_on),
                f.ends_on.map(day),
                f.contacts.as_str(),
                now,
                id
            ],
        )
        .await?;
    if n == 1 {
        tx.execute(
            "DELETE FROM partnership_party WHERE partnership_id = $1",
            params![id],
        )
        .await?;
        tx.execute(
            "DELETE FROM partnership_link WHERE partnership_id = $1",
            params![id],
        )
        .await?;
        write_links(&mut tx, id, links, &confirmed).await?;
        audit::record_in(&mut tx, by, "update", "partnership", Some(id), now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// Ends a partnership for good: its row, parties and links are deleted (the audit log keeps
/// that it existed). `false` when there is none.
pub async fn delete(db: &Db, id: i64, by: &Auditor, now: i64) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let deleted = delete_in(&mut tx, id, by, now).await?;
    tx.commit().await?;
    Ok(deleted)
}

/// Deletes partnership `id` with its parties and links in `tx`, audited; whether there was one.
async fn delete_in(tx: &mut Tx, id: i64, by: &Auditor, now: i64) -> Result<bool, StoreError> {
    for sql in [
        "DELETE FROM partnership_party WHERE partnership_id = $1",
        "DELETE FROM partnership_link WHERE partnership_id = $1",
    ] {
        tx.execute(sql, params![id]).await?;
    }
    let n = tx
        .execute("DELETE FROM partnership WHERE id = $1", params![id])
        .await?;
    if n == 1 {
        audit::record_in(tx, by, "delete", "partnership", Some(id), now).await?;
    }
    Ok(n == 1)
}

/// The party `organisation` says yes to partnership `id`; `false` when it is no party or
/// had already answered. Audited.
pub async fn confirm(
    db: &Db,
    id: i64,
    organisation: i64,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "UPDATE partnership_party SET confirmed_at = $1, confirmed_by = $2 WHERE partnership_id = $3 AND organisation_id = $4 AND confirmed_at IS NULL",
            params![now, by.user_id, id, organisation],
        )
        .await?;
    if n == 1 {
        audit::record_in(&mut tx, by, "confirm", "partnership", Some(id), now).await?;
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// The party `organisation`, asked, says no to partnership `id`: it is no party any more,
/// and a partnership left with fewer than two parties is deleted. `false` when it was not
/// waiting for this party's answer. Audited.
pub async fn decline(
    db: &Db,
    id: i64,
    organisation: i64,
    by: &Auditor,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "DELETE FROM partnership_party WHERE partnership_id = $1 AND organisation_id = $2 AND confirmed_at IS NULL",
            params![id, organisation],
        )
        .await?;
    if n == 1 {
        audit::record_in(&mut tx, by, "decline", "partnership", Some(id), now).await?;
        let left = tx
            .query_one(
                "SELECT COUNT(*) AS count FROM partnership_party WHERE partnership_id = $1",
                params![id],
            )
            .await?
            .i64("count")?;
        if left < 2 {
            delete_in(&mut tx, id, by, now).await?;
        }
    }
    tx.commit().await?;
    Ok(n == 1)
}

/// Writes the parties and links of partnership `id`; a party in `confirmed` (organisation,
/// when, by whom) is written as having said yes.
async fn write_links(
    tx: &mut Tx,
    id: i64,
    links: &Links,
    confirmed: &[(i64, i64, Option<i64>)],
) -> Result<(), StoreError> {
    for org in &links.parties {
        let (at, by) = confirmed
            .iter()
            .find(|(o, _, _)| o == org)
            .map_or((None, None), |(_, at, by)| (Some(*at), *by));
        tx.execute(
            "INSERT INTO partnership_party (partnership_id, organisation_id, confirmed_at, confirmed_by) VALUES ($1, $2, $3, $4)",
            params![id, *org, at, by],
        )
        .await?;
    }
    for (kind, ids) in [
        ("offer", &links.offers),
        ("room", &links.rooms),
        ("application", &links.applications),
    ] {
        for target in ids {
            tx.execute(
                "INSERT INTO partnership_link (partnership_id, kind, target_id) VALUES ($1, $2, $3)",
                params![id, kind, *target],
            )
            .await?;
        }
    }
    Ok(())
}

const SELECT: &str =
    "SELECT p.id, p.purpose, p.description, p.starts_on, p.ends_on, p.contacts FROM partnership p";

/// One partnership.
pub async fn partnership(db: &Db, id: i64) -> Result<Option<Partnership>, StoreError> {
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE p.id = ").bind(id);
    Ok(read(db, sql).await?.into_iter().next())
}

/// Only partnerships every party said yes to.
const CONFIRMED: &str = " NOT EXISTS (SELECT 1 FROM partnership_party q WHERE q.partnership_id = p.id AND q.confirmed_at IS NULL)";

/// Every partnership all its parties confirmed, or with `party` those it takes part in; the
/// newest start first.
pub async fn partnerships(db: &Db, party: Option<i64>) -> Result<Vec<Partnership>, StoreError> {
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE").push(CONFIRMED);
    if let Some(org) = party {
        sql.push(
            " AND p.id IN (SELECT partnership_id FROM partnership_party WHERE organisation_id = ",
        )
        .bind(org)
        .push(")");
    }
    sql.push(" ORDER BY p.starts_on DESC, p.id DESC");
    read(db, sql).await
}

/// Partnerships that wait for the answer of one of `organisations`, the newest start first.
pub async fn awaiting(db: &Db, organisations: &[i64]) -> Result<Vec<Partnership>, StoreError> {
    if organisations.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE p.id IN (SELECT partnership_id FROM partnership_party WHERE confirmed_at IS NULL AND organisation_id IN (")
        .bind_list(organisations.iter().copied())
        .push(")) ORDER BY p.starts_on DESC, p.id DESC");
    read(db, sql).await
}

/// The partnerships a place's page shows (all parties confirmed): those the organisation
/// takes part in, and those that link one of its rooms or an offer it owns or holds.
pub async fn of_place(db: &Db, organisation: i64) -> Result<Vec<Partnership>, StoreError> {
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE").push(CONFIRMED).push(" AND (p.id IN (SELECT partnership_id FROM partnership_party WHERE organisation_id = ")
        .bind(organisation)
        .push(") OR p.id IN (SELECT l.partnership_id FROM partnership_link l JOIN room r ON l.kind = 'room' AND r.id = l.target_id WHERE r.department_id = ")
        .bind(organisation)
        .push(") OR p.id IN (SELECT l.partnership_id FROM partnership_link l JOIN offer o ON l.kind = 'offer' AND o.id = l.target_id WHERE o.status = 'published' AND (o.department_id = ")
        .bind(organisation)
        .push(" OR o.organisation_id = ")
        .bind(organisation)
        .push("))) ORDER BY p.starts_on DESC, p.id DESC");
    read(db, sql).await
}

/// The partnerships `sql` selects, with their parties and links.
async fn read(db: &Db, sql: Sql) -> Result<Vec<Partnership>, StoreError> {
    let mut out = Vec::new();
    for r in db.query_built(sql).await? {
        out.push(Partnership {
            id: r.i64("id")?,
            fields: PartnershipFields {
                purpose: r.string("purpose")?,
                description: r.string("description")?,
                starts_on: date(&r, "starts_on")?
                    .ok_or_else(|| StoreError::Decode("column starts_on: empty".into()))?,
                ends_on: date(&r, "ends_on")?,
                contacts: r.string("contacts")?,
            },
            parties: vec![],
            offers: vec![],
            rooms: vec![],
            applications: vec![],
        });
    }
    if out.is_empty() {
        return Ok(out);
    }
    let ids: Vec<i64> = out.iter().map(|p| p.id).collect();
    let mut sql = Sql::new(
        "SELECT pp.partnership_id, pp.confirmed_at, o.id, o.name, o.kind, o.municipality_code FROM partnership_party pp JOIN organisation o ON o.id = pp.organisation_id WHERE pp.partnership_id IN (",
    );
    sql.bind_list(ids.iter().copied())
        .push(") ORDER BY o.name, o.id");
    for r in db.query_built(sql).await? {
        let kind = r.string("kind")?;
        let party = Party {
            organisation_id: r.i64("id")?,
            name: r.string("name")?,
            kind: OrgKind::parse(&kind)
                .ok_or_else(|| StoreError::Decode(format!("organisation kind {kind}")))?,
            municipality_code: r.opt_string("municipality_code")?,
            confirmed: r.opt_i64("confirmed_at")?.is_some(),
        };
        let of = r.i64("partnership_id")?;
        if let Some(p) = out.iter_mut().find(|p| p.id == of) {
            p.parties.push(party);
        }
    }
    // A link whose offer was unpublished or whose room or application is gone shows nothing.
    let mut sql = Sql::new(
        "SELECT l.partnership_id, l.kind, l.target_id, COALESCE(o.title, r.name, a.title) AS title FROM partnership_link l
         LEFT JOIN offer o ON l.kind = 'offer' AND o.id = l.target_id AND o.status = 'published'
         LEFT JOIN room r ON l.kind = 'room' AND r.id = l.target_id
         LEFT JOIN grant_application a ON l.kind = 'application' AND a.id = l.target_id
         WHERE l.partnership_id IN (",
    );
    sql.bind_list(ids.iter().copied())
        .push(") ORDER BY l.kind, title, l.target_id");
    for r in db.query_built(sql).await? {
        let Some(title) = r.opt_string("title")? else {
            continue;
        };
        let (of, kind) = (r.i64("partnership_id")?, r.string("kind")?);
        let linked = Linked {
            id: r.i64("target_id")?,
            title,
        };
        if let Some(p) = out.iter_mut().find(|p| p.id == of) {
            match kind.as_str() {
                "offer" => p.offers.push(linked),
                "room" => p.rooms.push(linked),
                "application" => p.applications.push(linked),
                _ => {}
            }
        }
    }
    Ok(out)
}

/// Whether the booking `b` in `room` is a partner's under `rule`: made for an organisation
/// that, on the local day of `now`, takes part in a partnership with the room's department or
/// its housing organisation, both parties having confirmed it, in a kind whose rule lets
/// partners book earlier.
pub(crate) async fn books_as_partner(
    tx: &mut Tx,
    b: &NewBooking,
    room: &Room,
    rule: &KindRule,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let (Some(organisation), Some(_)) = (b.organisation_id, rule.partner_days_ahead) else {
        return Ok(false);
    };
    let today = day(utc_to_local(now).date());
    let n = tx
        .query_one(
            "SELECT COUNT(*) AS count FROM partnership p
             JOIN partnership_party partner ON partner.partnership_id = p.id AND partner.organisation_id = $1 AND partner.confirmed_at IS NOT NULL
             JOIN partnership_party place ON place.partnership_id = p.id AND place.confirmed_at IS NOT NULL
             WHERE (place.organisation_id = $2 OR place.organisation_id = (SELECT parent_id FROM organisation WHERE id = $2))
               AND place.organisation_id <> $1
               AND p.starts_on <= $3 AND (p.ends_on IS NULL OR p.ends_on >= $3)",
            params![organisation, room.details.department_id, today],
        )
        .await?
        .i64("count")?;
    Ok(n > 0)
}
