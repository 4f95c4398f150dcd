//! Join: schedules of offers, their occurrences, sign-ups with capacity and waitlist, and
//! attendance.
//!
//! A series (`event_series`) is expanded into `occurrence` rows for a horizon
//! ([`HORIZON_DAYS`] ahead, [`HISTORY_DAYS`] back), so sign-ups, attendance and calendar
//! queries work on plain rows. Expanding again keeps what was edited by hand (a moved time, a
//! room, a cancellation) and the ids that sign-ups point to; an occurrence the rule no longer
//! yields is deleted, or cancelled when people are signed up, so nobody loses a place silently.
//!
//! Capacity holds under any concurrency: a sign-up or cancellation first increments the
//! occurrence's `arrivals` counter, which takes the row lock on PostgreSQL (SQLite runs one
//! writer at a time), so sign-ups of one occurrence are decided one after another, in arrival
//! order, and a cancellation promotes from the waitlist exactly once.

use crate::db::{Db, Row, Sql, Tx};
use crate::error::StoreError;
use crate::outbox::{self, NewMessage};
use crate::params;
use crate::seal::SealKey;
use chrono::{DateTime, Duration, Utc};
use naboskab_domain::join::SignUpStatus;
use naboskab_domain::schedule::{self, Series};

/// How far ahead occurrences exist (more than twelve months).
pub const HORIZON_DAYS: i64 = 400;

/// How far back a new series is expanded (attendance history of the last three months).
pub const HISTORY_DAYS: i64 = 100;

/// A stored series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRow {
    /// Id.
    pub id: i64,
    /// The offer.
    pub offer_id: i64,
    /// The checked schedule.
    pub series: Series,
    /// Where, when not the offer's own place.
    pub place: String,
    /// Sign-up needed (otherwise drop in).
    pub signup_required: bool,
    /// Places; `None` is no limit.
    pub capacity: Option<i64>,
    /// iCalendar SEQUENCE.
    pub sequence: i64,
}

/// A series to store.
#[derive(Debug, Clone)]
pub struct NewSeries {
    /// The schedule.
    pub series: Series,
    /// Where, when not the offer's own place.
    pub place: String,
    /// Sign-up needed.
    pub signup_required: bool,
    /// Places; `None` is no limit.
    pub capacity: Option<i64>,
}

fn ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn series_from(r: &Row) -> Result<SeriesRow, StoreError> {
    let dtstart = r.string("dtstart_local")?;
    let rrule = r.opt_string("rrule")?;
    let exdates = r.string("exdates")?;
    let ex: Vec<&str> = exdates.split(',').collect();
    let series = Series::new(&dtstart, r.i64("duration_min")?, rrule.as_deref(), &ex)
        .map_err(|e| StoreError::Decode(format!("series {}: {e}", r.i64("id").unwrap_or(0))))?;
    Ok(SeriesRow {
        id: r.i64("id")?,
        offer_id: r.i64("offer_id")?,
        series,
        place: r.string("place")?,
        signup_required: r.bool("signup_required")?,
        capacity: r.opt_i64("capacity")?,
        sequence: r.i64("sequence")?,
    })
}

const SERIES_COLUMNS: &str = "SELECT id, offer_id, dtstart_local, duration_min, rrule, exdates, place, signup_required, capacity, sequence FROM event_series";

/// The series of an offer, oldest first.
pub async fn series_of_offer(db: &Db, offer_id: i64) -> Result<Vec<SeriesRow>, StoreError> {
    const SQL: &str = "SELECT id, offer_id, dtstart_local, duration_min, rrule, exdates, place, signup_required, capacity, sequence FROM event_series WHERE offer_id = $1 ORDER BY id";
    debug_assert!(SQL.starts_with(SERIES_COLUMNS));
    db.query(SQL, params![offer_id])
        .await?
        .iter()
        .map(series_from)
        .collect()
}

/// The series of several offers (calendar feeds), by offer then id.
pub async fn series_of_offers(db: &Db, offer_ids: &[i64]) -> Result<Vec<SeriesRow>, StoreError> {
    if offer_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = Sql::new(
        "SELECT id, offer_id, dtstart_local, duration_min, rrule, exdates, place, signup_required, capacity, sequence FROM event_series WHERE offer_id IN (",
    );
    debug_assert!(sql.text().starts_with(SERIES_COLUMNS));
    sql.bind_list(offer_ids.iter().copied())
        .push(") ORDER BY offer_id, id");
    db.query_built(sql).await?.iter().map(series_from).collect()
}

/// The occurrences of these series that were changed by hand (moved, other place, cancelled),
/// for calendar feeds.
pub async fn edited_occurrences(
    db: &Db,
    series_ids: &[i64],
) -> Result<Vec<Occurrence>, StoreError> {
    if series_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = Sql::new(OCCURRENCE_SELECT);
    sql.push(" WHERE o.edited = ")
        .bind(true)
        .push(" AND o.series_id IN (")
        .bind_list(series_ids.iter().copied())
        .push(") ORDER BY o.starts_at");
    db.query_built(sql)
        .await?
        .iter()
        .map(occurrence_from)
        .collect()
}

async fn series_in(tx: &mut Tx, id: i64) -> Result<SeriesRow, StoreError> {
    const SQL: &str = "SELECT id, offer_id, dtstart_local, duration_min, rrule, exdates, place, signup_required, capacity, sequence FROM event_series WHERE id = $1";
    debug_assert!(SQL.starts_with(SERIES_COLUMNS));
    series_from(
        &tx.query_opt(SQL, params![id])
            .await?
            .ok_or(StoreError::NotFound)?,
    )
}

fn exdates_text(s: &Series) -> String {
    s.exdates
        .iter()
        .map(|e| schedule::format_local(*e))
        .collect::<Vec<_>>()
        .join(",")
}

/// Stores a series and expands it; returns its id.
pub async fn create_series(
    db: &Db,
    offer_id: i64,
    s: &NewSeries,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let id = insert_series(&mut tx, offer_id, s, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts a series and expands it, inside a transaction.
async fn insert_series(
    tx: &mut Tx,
    offer_id: i64,
    s: &NewSeries,
    now: i64,
) -> Result<i64, StoreError> {
    let id = tx
        .query_one(
            "INSERT INTO event_series (offer_id, dtstart_local, tzid, duration_min, rrule, exdates, place, signup_required, capacity, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
            params![
                offer_id,
                schedule::format_local(s.series.dtstart),
                schedule::TZID,
                s.series.duration_min,
                s.series.rrule.as_deref(),
                exdates_text(&s.series),
                s.place.as_str(),
                s.signup_required,
                s.capacity,
                now
            ],
        )
        .await?
        .i64("id")?;
    expand_series(tx, id, now).await?;
    Ok(id)
}

/// Changes a whole series (time, rule, exceptions, place, capacity) and expands it again.
/// Occurrences edited by hand stay as they are; ones the new rule no longer yields are removed,
/// or cancelled when people are signed up.
pub async fn update_series(db: &Db, id: i64, s: &NewSeries, now: i64) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            "UPDATE event_series SET dtstart_local = $2, duration_min = $3, rrule = $4, exdates = $5, place = $6, signup_required = $7, capacity = $8, sequence = sequence + 1, updated_at = $9 WHERE id = $1",
            params![
                id,
                schedule::format_local(s.series.dtstart),
                s.series.duration_min,
                s.series.rrule.as_deref(),
                exdates_text(&s.series),
                s.place.as_str(),
                s.signup_required,
                s.capacity,
                now
            ],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    expand_series(&mut tx, id, now).await?;
    tx.commit().await
}

/// Changes a series from one occurrence onward: the old series ends before `from_local`
/// (its rule gets an UNTIL), and a new series with `s` takes over. Returns the new id.
pub async fn split_series(
    db: &Db,
    id: i64,
    from_local: chrono::NaiveDateTime,
    s: &NewSeries,
    now: i64,
) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let old = series_in(&mut tx, id).await?;
    let until = schedule::local_to_utc(from_local) - Duration::seconds(1);
    let ended = match &old.series.rrule {
        Some(rule) => {
            let kept: Vec<&str> = rule
                .split(';')
                .filter(|p| !p.starts_with("COUNT=") && !p.starts_with("UNTIL="))
                .collect();
            Some(format!(
                "{};UNTIL={}",
                kept.join(";"),
                until.format("%Y%m%dT%H%M%SZ")
            ))
        }
        None => None,
    };
    tx.execute(
        "UPDATE event_series SET rrule = $2, sequence = sequence + 1, updated_at = $3 WHERE id = $1",
        params![id, ended, now],
    )
    .await?;
    expand_series(&mut tx, id, now).await?;
    let new_id = insert_series(&mut tx, old.offer_id, s, now).await?;
    tx.commit().await?;
    Ok(new_id)
}

/// Writes the occurrences of a series for the window around `now`.
async fn expand_series(tx: &mut Tx, id: i64, now: i64) -> Result<(), StoreError> {
    let s = series_in(tx, id).await?;
    let from = at(now) - Duration::days(HISTORY_DAYS);
    let to = at(now) + Duration::days(HORIZON_DAYS);
    let wanted = s.series.expand(from, to);
    for e in &wanted {
        tx.execute(
            "INSERT INTO occurrence (series_id, offer_id, recurrence_id, starts_at, ends_at, place, capacity, sequence)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (series_id, recurrence_id) DO UPDATE SET starts_at = $4, ends_at = $5, place = $6, capacity = $7, sequence = $8
             WHERE occurrence.edited = $9",
            params![
                id,
                s.offer_id,
                schedule::format_local(e.recurrence_id),
                ts(e.starts_at),
                ts(e.ends_at),
                s.place.as_str(),
                s.capacity,
                s.sequence,
                false
            ],
        )
        .await?;
    }
    // What the rule no longer yields inside the window.
    let keep: Vec<String> = wanted
        .iter()
        .map(|e| schedule::format_local(e.recurrence_id))
        .collect();
    let mut stale = Sql::new(
        "SELECT o.id, (SELECT COUNT(*) FROM signup s WHERE s.occurrence_id = o.id AND s.status <> 'cancelled') AS count FROM occurrence o WHERE o.series_id = ",
    );
    stale
        .bind(id)
        .push(" AND o.edited = ")
        .bind(false)
        .push(" AND o.starts_at >= ")
        .bind(ts(from));
    if !keep.is_empty() {
        stale
            .push(" AND o.recurrence_id NOT IN (")
            .bind_list(keep.iter().map(String::as_str))
            .push(")");
    }
    for r in tx.query_built(stale).await? {
        let (occ, people) = (r.i64("id")?, r.i64("count")?);
        if people == 0 {
            tx.execute("DELETE FROM occurrence WHERE id = $1", params![occ])
                .await?;
        } else {
            tx.execute(
                "UPDATE occurrence SET cancelled = $2, edited = $2, sequence = sequence + 1 WHERE id = $1",
                params![occ, true],
            )
            .await?;
        }
    }
    Ok(())
}

/// Expands every series up to the horizon from `now` (run daily, and at start).
pub async fn extend_horizons(db: &Db, now: i64) -> Result<usize, StoreError> {
    let ids: Vec<i64> = db
        .query("SELECT id FROM event_series ORDER BY id", params![])
        .await?
        .iter()
        .map(|r| r.i64("id"))
        .collect::<Result<_, _>>()?;
    for chunk in ids.chunks(200) {
        let mut tx = db.begin().await?;
        for id in chunk {
            expand_series(&mut tx, *id, now).await?;
        }
        tx.commit().await?;
    }
    Ok(ids.len())
}

// ----- occurrences -----

/// An occurrence as calendars and sign-up pages show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// Id.
    pub id: i64,
    /// Its series.
    pub series_id: i64,
    /// The offer.
    pub offer_id: i64,
    /// The offer's Danish title.
    pub offer_title: String,
    /// The original local start (iCalendar RECURRENCE-ID).
    pub recurrence_id: String,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Where, when not the offer's own place.
    pub place: String,
    /// Cancelled.
    pub cancelled: bool,
    /// Why, shown to participants.
    pub cancel_reason: String,
    /// Changed by hand (moved, other place, cancelled).
    pub edited: bool,
    /// Sign-up needed.
    pub signup_required: bool,
    /// Places; `None` is no limit.
    pub capacity: Option<i64>,
    /// Places taken.
    pub confirmed_places: i64,
    /// Anonymous headcount.
    pub headcount: Option<i64>,
    /// iCalendar SEQUENCE.
    pub sequence: i64,
    /// The department it takes place in.
    pub department_id: Option<i64>,
}

impl Occurrence {
    /// Free places, when there is a limit.
    pub fn places_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.confirmed_places).max(0))
    }
}

const OCCURRENCE_SELECT: &str = "SELECT o.id, o.series_id, o.offer_id, f.title, o.recurrence_id, o.starts_at, o.ends_at, o.place, o.cancelled, o.cancel_reason, o.edited, s.signup_required, o.capacity, o.confirmed_places, o.headcount, o.sequence, f.department_id
     FROM occurrence o JOIN event_series s ON s.id = o.series_id JOIN offer f ON f.id = o.offer_id";

fn occurrence_from(r: &Row) -> Result<Occurrence, StoreError> {
    Ok(Occurrence {
        id: r.i64("id")?,
        series_id: r.i64("series_id")?,
        offer_id: r.i64("offer_id")?,
        offer_title: r.string("title")?,
        recurrence_id: r.string("recurrence_id")?,
        starts_at: at(r.i64("starts_at")?),
        ends_at: at(r.i64("ends_at")?),
        place: r.string("place")?,
        cancelled: r.bool("cancelled")?,
        cancel_reason: r.string("cancel_reason")?,
        edited: r.bool("edited")?,
        signup_required: r.bool("signup_required")?,
        capacity: r.opt_i64("capacity")?,
        confirmed_places: r.i64("confirmed_places")?,
        headcount: r.opt_i64("headcount")?,
        sequence: r.i64("sequence")?,
        department_id: r.opt_i64("department_id")?,
    })
}

/// Which occurrences to list.
#[derive(Debug, Clone, Default)]
pub struct OccurrenceQuery {
    /// Starting at or after.
    pub from: i64,
    /// Starting before.
    pub to: i64,
    /// Of this offer.
    pub offer_id: Option<i64>,
    /// Taking place in one of these departments.
    pub department_ids: Vec<i64>,
    /// Of these offers (calendar filters computed by Find).
    pub offer_ids: Option<Vec<i64>>,
    /// Only published offers (public calendars).
    pub published_only: bool,
    /// Most rows.
    pub limit: i64,
}

/// Occurrences in a window, in time order.
pub async fn occurrences(db: &Db, q: &OccurrenceQuery) -> Result<Vec<Occurrence>, StoreError> {
    let mut sql = Sql::new(OCCURRENCE_SELECT);
    sql.push(" WHERE o.starts_at >= ")
        .bind(q.from)
        .push(" AND o.starts_at < ")
        .bind(q.to);
    if let Some(offer) = q.offer_id {
        sql.push(" AND o.offer_id = ").bind(offer);
    }
    if !q.department_ids.is_empty() {
        sql.push(" AND f.department_id IN (")
            .bind_list(q.department_ids.iter().copied())
            .push(")");
    }
    if let Some(ids) = &q.offer_ids {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        sql.push(" AND o.offer_id IN (")
            .bind_list(ids.iter().copied())
            .push(")");
    }
    if q.published_only {
        sql.push(" AND f.status = 'published'");
    }
    sql.push(" ORDER BY o.starts_at, o.id LIMIT ")
        .bind(q.limit.clamp(1, 10_000));
    db.query_built(sql)
        .await?
        .iter()
        .map(occurrence_from)
        .collect()
}

/// One occurrence.
pub async fn occurrence(db: &Db, id: i64) -> Result<Option<Occurrence>, StoreError> {
    let mut sql = Sql::new(OCCURRENCE_SELECT);
    sql.push(" WHERE o.id = ").bind(id);
    db.query_built(sql)
        .await?
        .first()
        .map(occurrence_from)
        .transpose()
}

/// One occurrence, read inside a transaction.
async fn occurrence_in(tx: &mut Tx, id: i64) -> Result<Option<Occurrence>, StoreError> {
    let mut sql = Sql::new(OCCURRENCE_SELECT);
    sql.push(" WHERE o.id = ").bind(id);
    tx.query_built(sql)
        .await?
        .first()
        .map(occurrence_from)
        .transpose()
}

/// A change to one occurrence.
#[derive(Debug, Clone, Default)]
pub struct OccurrenceEdit {
    /// New local start (the length stays).
    pub new_start: Option<chrono::NaiveDateTime>,
    /// New place.
    pub place: Option<String>,
    /// Cancel, with the reason shown to participants.
    pub cancel_reason: Option<String>,
}

/// A message for one participant, made by the caller in the participant's language.
pub type Notify<'a> = &'a (dyn Fn(&Participant, &Occurrence) -> Vec<OwnedMessage> + Send + Sync);

/// An outbox message with owned text.
#[derive(Debug, Clone)]
pub struct OwnedMessage {
    /// `email` or `sms`.
    pub channel: &'static str,
    /// Address or phone number.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
}

pub(crate) async fn send_all(
    tx: &mut Tx,
    messages: Vec<OwnedMessage>,
    user_id: Option<i64>,
    now: i64,
) -> Result<(), StoreError> {
    for m in messages {
        outbox::enqueue_in(
            tx,
            &NewMessage {
                channel: m.channel,
                recipient: &m.recipient,
                subject: &m.subject,
                body: &m.body,
                user_id,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

/// Moves, relocates or cancels one occurrence. Cancelling tells everyone signed up, in the
/// same transaction (through `notify`).
pub async fn edit_occurrence(
    db: &Db,
    id: i64,
    edit: &OccurrenceEdit,
    notify: Notify<'_>,
    now: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let row = tx
        .query_opt(
            "SELECT starts_at, ends_at, cancelled FROM occurrence WHERE id = $1",
            params![id],
        )
        .await?
        .ok_or(StoreError::NotFound)?;
    let (starts, ends, was_cancelled) = (
        row.i64("starts_at")?,
        row.i64("ends_at")?,
        row.bool("cancelled")?,
    );
    if let Some(start) = edit.new_start {
        let new_start = ts(schedule::local_to_utc(start));
        tx.execute(
            "UPDATE occurrence SET starts_at = $2, ends_at = $3 WHERE id = $1",
            params![id, new_start, new_start + (ends - starts)],
        )
        .await?;
    }
    if let Some(place) = &edit.place {
        tx.execute(
            "UPDATE occurrence SET place = $2 WHERE id = $1",
            params![id, place.as_str()],
        )
        .await?;
    }
    if let Some(reason) = &edit.cancel_reason {
        tx.execute(
            "UPDATE occurrence SET cancelled = $2, cancel_reason = $3 WHERE id = $1",
            params![id, true, reason.as_str()],
        )
        .await?;
    }
    tx.execute(
        "UPDATE occurrence SET edited = $2, sequence = sequence + 1 WHERE id = $1",
        params![id, true],
    )
    .await?;
    if edit.cancel_reason.is_some() && !was_cancelled {
        let occ = occurrence_in(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        for p in participants_in(
            &mut tx,
            id,
            &[SignUpStatus::Confirmed, SignUpStatus::Waitlisted],
        )
        .await?
        {
            let messages = notify(&p, &occ);
            send_all(&mut tx, messages, p.user_id, now).await?;
        }
    }
    tx.commit().await
}

// ----- sign-ups -----

/// A sign-up as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// Id.
    pub id: i64,
    /// The occurrence.
    pub occurrence_id: i64,
    /// The account, when signed up with one.
    pub user_id: Option<i64>,
    /// Name.
    pub name: String,
    /// E-mail, if given.
    pub email: String,
    /// Phone, if given.
    pub phone: String,
    /// Language for messages.
    pub locale: String,
    /// Where the sign-up stands.
    pub status: SignUpStatus,
    /// Order of arrival.
    pub arrival: i64,
    /// Places taken (2 with a friend).
    pub places: i64,
    /// "First time — please welcome me".
    pub first_time: bool,
    /// The guest confirmed their address.
    pub verified: bool,
    /// Who signed the resident up, when assisted.
    pub assisted_by: Option<i64>,
    /// How consent was given, when assisted.
    pub consent_method: String,
    /// Marked present.
    pub present: bool,
}

const PARTICIPANT_COLUMNS: &str = "SELECT id, occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, assisted_by, consent_method, present FROM signup";

/// A sign-up's name, e-mail and phone as stored: sealed, each with its blind index.
struct SealedContact {
    name: String,
    email: String,
    phone: String,
    name_index: String,
    email_index: String,
    phone_index: String,
}

fn seal_contact(
    key: &SealKey,
    name: &str,
    email: &str,
    phone: &str,
) -> Result<SealedContact, StoreError> {
    Ok(SealedContact {
        name: key.seal_optional("signup.name", name)?,
        email: key.seal_optional("signup.email", email)?,
        phone: key.seal_optional("signup.phone", phone)?,
        name_index: key.blind_index("signup.name", name),
        email_index: key.blind_index("signup.email", email),
        phone_index: key.blind_index("signup.phone", phone),
    })
}

fn participant_from(key: &SealKey, r: &Row) -> Result<Participant, StoreError> {
    Ok(Participant {
        id: r.i64("id")?,
        occurrence_id: r.i64("occurrence_id")?,
        user_id: r.opt_i64("user_id")?,
        name: key.open_optional("signup.name", &r.string("name")?)?,
        email: key.open_optional("signup.email", &r.string("email")?)?,
        phone: key.open_optional("signup.phone", &r.string("phone")?)?,
        locale: r.string("locale")?,
        status: r.parsed("status", SignUpStatus::parse)?,
        arrival: r.i64("arrival")?,
        places: r.i64("places")?,
        first_time: r.bool("first_time")?,
        verified: r.bool("verified")?,
        assisted_by: r.opt_i64("assisted_by")?,
        consent_method: r.string("consent_method")?,
        present: r.bool("present")?,
    })
}

async fn participants_in(
    tx: &mut Tx,
    occurrence_id: i64,
    statuses: &[SignUpStatus],
) -> Result<Vec<Participant>, StoreError> {
    let mut sql = Sql::new(
        "SELECT id, occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, assisted_by, consent_method, present FROM signup WHERE occurrence_id = ",
    );
    debug_assert!(sql.text().starts_with(PARTICIPANT_COLUMNS));
    sql.bind(occurrence_id)
        .push(" AND status IN (")
        .bind_list(statuses.iter().map(|s| s.as_str()))
        .push(") ORDER BY arrival");
    let rows = tx.query_built(sql).await?;
    let key = tx.sealing()?;
    rows.iter().map(|r| participant_from(key, r)).collect()
}

/// Everyone signed up for an occurrence (confirmed first, then the waitlist), in arrival order.
pub async fn participants(db: &Db, occurrence_id: i64) -> Result<Vec<Participant>, StoreError> {
    const SQL: &str = "SELECT id, occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, assisted_by, consent_method, present FROM signup WHERE occurrence_id = $1 AND status <> 'cancelled' ORDER BY CASE status WHEN 'confirmed' THEN 0 ELSE 1 END, arrival";
    debug_assert!(SQL.starts_with(PARTICIPANT_COLUMNS));
    let key = db.sealing()?;
    db.query(SQL, params![occurrence_id])
        .await?
        .iter()
        .map(|r| participant_from(key, r))
        .collect()
}

/// The sign-up a link's secret belongs to.
pub async fn participant_by_token(
    db: &Db,
    token_hash: &str,
) -> Result<Option<Participant>, StoreError> {
    const SQL: &str = "SELECT id, occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, assisted_by, consent_method, present FROM signup WHERE token_hash = $1";
    debug_assert!(SQL.starts_with(PARTICIPANT_COLUMNS));
    let key = db.sealing()?;
    db.query_opt(SQL, params![token_hash])
        .await?
        .as_ref()
        .map(|r| participant_from(key, r))
        .transpose()
}

/// The future sign-ups of an account, soonest first.
pub async fn signups_of_user(
    db: &Db,
    user_id: i64,
    now: i64,
) -> Result<Vec<(Participant, Occurrence)>, StoreError> {
    let ids: Vec<(i64, i64)> = db
        .query(
            "SELECT s.id, s.occurrence_id FROM signup s JOIN occurrence o ON o.id = s.occurrence_id WHERE s.user_id = $1 AND s.status <> 'cancelled' AND o.ends_at >= $2 ORDER BY o.starts_at",
            params![user_id, now],
        )
        .await?
        .iter()
        .map(|r| Ok((r.i64("id")?, r.i64("occurrence_id")?)))
        .collect::<Result<_, StoreError>>()?;
    let key = db.sealing()?;
    let mut out = Vec::new();
    for (sid, oid) in ids {
        const SQL: &str = "SELECT id, occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, assisted_by, consent_method, present FROM signup WHERE id = $1";
        debug_assert!(SQL.starts_with(PARTICIPANT_COLUMNS));
        if let (Some(p), Some(o)) = (
            db.query_opt(SQL, params![sid]).await?,
            occurrence(db, oid).await?,
        ) {
            out.push((participant_from(key, &p)?, o));
        }
    }
    Ok(out)
}

/// A sign-up to store.
#[derive(Debug, Clone, Default)]
pub struct NewSignup {
    /// The occurrence.
    pub occurrence_id: i64,
    /// The account, when signing up with one.
    pub user_id: Option<i64>,
    /// Name.
    pub name: String,
    /// E-mail (a guest gives this or a phone).
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Language for messages.
    pub locale: String,
    /// Bringing a friend (+1 place).
    pub bring_friend: bool,
    /// First time — please welcome me.
    pub first_time: bool,
    /// Address confirmed (accounts and assisted sign-ups); guests confirm through a link.
    pub verified: bool,
    /// SHA-256 of the secret in the confirmation and cancellation link.
    pub token_hash: String,
    /// Staff member signing up on the resident's behalf.
    pub assisted_by: Option<i64>,
    /// How the resident consented (assisted sign-up).
    pub consent_method: String,
}

/// What a sign-up got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupResult {
    /// A place.
    Confirmed {
        /// The sign-up.
        id: i64,
    },
    /// A place on the waitlist.
    Waitlisted {
        /// The sign-up.
        id: i64,
        /// 1 is next in line.
        position: i64,
    },
    /// This person was already signed up (same account, e-mail or phone); nothing changed.
    AlreadySignedUp {
        /// The existing sign-up.
        id: i64,
    },
    /// The occurrence is cancelled or over.
    Closed,
}

/// Signs up for an occurrence: a place while there is room (a friend takes a second), else the
/// waitlist. Decided under the occurrence's row lock, so capacity is never exceeded.
pub async fn sign_up(db: &Db, s: &NewSignup, now: i64) -> Result<SignupResult, StoreError> {
    sign_up_telling(db, s, &|_| vec![], now).await
}

/// The messages a new sign-up sends, by the state it got (confirmed or waitlisted).
pub type Tell<'a> = &'a (dyn Fn(SignUpStatus) -> Vec<OwnedMessage> + Send + Sync);

/// [`sign_up`], queueing the messages `tell` gives for the state the sign-up got in the same
/// transaction: a sign-up is never stored without its message, and one durable commit
/// covers both.
pub async fn sign_up_telling(
    db: &Db,
    s: &NewSignup,
    tell: Tell<'_>,
    now: i64,
) -> Result<SignupResult, StoreError> {
    let key = db.sealing()?;
    let mut tx = db.begin().await?;
    let result = sign_up_in(&mut tx, key, s, now).await?;
    let status = match result {
        SignupResult::Confirmed { .. } => SignUpStatus::Confirmed,
        SignupResult::Waitlisted { .. } => SignUpStatus::Waitlisted,
        SignupResult::AlreadySignedUp { .. } | SignupResult::Closed => return Ok(result),
    };
    send_all(&mut tx, tell(status), s.user_id, now).await?;
    tx.commit().await?;
    Ok(result)
}

async fn sign_up_in(
    tx: &mut Tx,
    key: &SealKey,
    s: &NewSignup,
    now: i64,
) -> Result<SignupResult, StoreError> {
    let sealed = seal_contact(key, &s.name, &s.email, &s.phone)?;
    let Some(row) = tx
        .query_opt(
            "UPDATE occurrence SET arrivals = arrivals + 1 WHERE id = $1 RETURNING arrivals, capacity, confirmed_places, cancelled, ends_at",
            params![s.occurrence_id],
        )
        .await?
    else {
        return Err(StoreError::NotFound);
    };
    let (arrival, capacity, taken) = (
        row.i64("arrivals")?,
        row.opt_i64("capacity")?,
        row.i64("confirmed_places")?,
    );
    if row.bool("cancelled")? || row.i64("ends_at")? < now {
        return Ok(SignupResult::Closed);
    }
    let existing = tx
        .query_opt(
            "SELECT id FROM signup WHERE occurrence_id = $1 AND status <> 'cancelled' AND ((user_id IS NOT NULL AND user_id = $2) OR ($3 <> '' AND email_index = $3) OR ($4 <> '' AND phone_index = $4))",
            params![s.occurrence_id, s.user_id, sealed.email_index.as_str(), sealed.phone_index.as_str()],
        )
        .await?;
    if let Some(e) = existing {
        return Ok(SignupResult::AlreadySignedUp { id: e.i64("id")? });
    }
    let places = if s.bring_friend { 2 } else { 1 };
    // Nobody passes the people already waiting, even when a smaller party would fit.
    let waiting = tx
        .query_one(
            "SELECT COUNT(*) AS count FROM signup WHERE occurrence_id = $1 AND status = 'waitlisted'",
            params![s.occurrence_id],
        )
        .await?
        .i64("count")?;
    let fits = waiting == 0 && capacity.is_none_or(|c| taken + places <= c);
    let status = if fits {
        SignUpStatus::Confirmed
    } else {
        SignUpStatus::Waitlisted
    };
    let id = tx
        .query_one(
            "INSERT INTO signup (occurrence_id, user_id, name, email, phone, locale, status, arrival, places, first_time, verified, token_hash, assisted_by, consent_method, created_at, updated_at, name_index, email_index, phone_index)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18) RETURNING id",
            params![
                s.occurrence_id, s.user_id, sealed.name.as_str(), sealed.email.as_str(), sealed.phone.as_str(), s.locale.as_str(),
                status.as_str(), arrival, places, s.first_time, s.verified, s.token_hash.as_str(), s.assisted_by,
                s.consent_method.as_str(), now, sealed.name_index.as_str(), sealed.email_index.as_str(),
                sealed.phone_index.as_str()
            ],
        )
        .await?
        .i64("id")?;
    let result = if fits {
        tx.execute(
            "UPDATE occurrence SET confirmed_places = confirmed_places + $2 WHERE id = $1",
            params![s.occurrence_id, places],
        )
        .await?;
        SignupResult::Confirmed { id }
    } else {
        let position = tx
            .query_one(
                "SELECT COUNT(*) AS count FROM signup WHERE occurrence_id = $1 AND status = 'waitlisted' AND arrival <= $2",
                params![s.occurrence_id, arrival],
            )
            .await?
            .i64("count")?;
        SignupResult::Waitlisted { id, position }
    };
    Ok(result)
}

/// What happened at one past occurrence, for imports and the demo.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The occurrence.
    pub occurrence_id: i64,
    /// Sign-ups in arrival order, each with whether the person came.
    pub signups: Vec<(NewSignup, bool)>,
    /// Names of people who came without signing up.
    pub walk_ins: Vec<String>,
    /// Anonymous headcount.
    pub headcount: Option<i64>,
    /// When the sign-ups were made.
    pub signed_up_at: i64,
}

/// Records sign-ups and attendance of many occurrences in one transaction (same rules as
/// [`sign_up`]: capacity, waitlist, one sign-up per person).
pub async fn import_history(db: &Db, list: &[History]) -> Result<(), StoreError> {
    let key = db.sealing()?;
    let mut tx = db.begin().await?;
    for h in list {
        for (signup, came) in &h.signups {
            let result = sign_up_in(&mut tx, key, signup, h.signed_up_at).await?;
            if *came && let SignupResult::Confirmed { id } = result {
                tx.execute(
                    "UPDATE signup SET present = $2 WHERE id = $1",
                    params![id, true],
                )
                .await?;
            }
        }
        for name in &h.walk_ins {
            tx.execute(
                "INSERT INTO walk_in (occurrence_id, name, created_at) VALUES ($1, $2, $3)",
                params![
                    h.occurrence_id,
                    key.seal_optional(WALK_IN_NAME, name)?,
                    h.signed_up_at
                ],
            )
            .await?;
        }
        if let Some(n) = h.headcount {
            tx.execute(
                "UPDATE occurrence SET headcount = $2 WHERE id = $1",
                params![h.occurrence_id, n],
            )
            .await?;
        }
    }
    tx.commit().await
}

/// Position on the waitlist (1 is next), or `None` when not waitlisted.
pub async fn waitlist_position(db: &Db, p: &Participant) -> Result<Option<i64>, StoreError> {
    if p.status != SignUpStatus::Waitlisted {
        return Ok(None);
    }
    Ok(Some(
        db.query_one(
            "SELECT COUNT(*) AS count FROM signup WHERE occurrence_id = $1 AND status = 'waitlisted' AND arrival <= $2",
            params![p.occurrence_id, p.arrival],
        )
        .await?
        .i64("count")?,
    ))
}

/// Sign-ups by guests who have not confirmed their address within `hold` seconds of signing
/// up: their places are held until then and given back after.
pub async fn unconfirmed_since(db: &Db, now: i64, hold: i64) -> Result<Vec<i64>, StoreError> {
    db.query(
        "SELECT s.id FROM signup s JOIN occurrence o ON o.id = s.occurrence_id
         WHERE s.verified = $1 AND s.status <> 'cancelled' AND s.created_at < $2 AND o.ends_at > $3
         ORDER BY s.id LIMIT 500",
        params![false, now - hold, now],
    )
    .await?
    .iter()
    .map(|r| r.i64("id"))
    .collect()
}

/// Marks a guest's address as confirmed (the link in the confirmation message was used).
pub async fn verify_signup(db: &Db, id: i64, now: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE signup SET verified = $2, updated_at = $3 WHERE id = $1",
        params![id, true, now],
    )
    .await?;
    Ok(())
}

/// Cancels a sign-up. A freed place goes to the waitlist in arrival order (as many as fit);
/// each promoted person gets the messages `notify` makes, in the same transaction. Cancelling
/// twice changes nothing the second time. Returns the promoted sign-ups.
pub async fn cancel_signup(
    db: &Db,
    id: i64,
    notify: Notify<'_>,
    now: i64,
) -> Result<Vec<Participant>, StoreError> {
    let mut tx = db.begin().await?;
    // Lock the occurrence first: cancellations and sign-ups of it then run one at a time.
    let Some(occ) = tx
        .query_opt(
            "UPDATE occurrence SET arrivals = arrivals WHERE id = (SELECT occurrence_id FROM signup WHERE id = $1) RETURNING id, capacity, confirmed_places",
            params![id],
        )
        .await?
    else {
        return Err(StoreError::NotFound);
    };
    let (occurrence_id, capacity, mut taken) = (
        occ.i64("id")?,
        occ.opt_i64("capacity")?,
        occ.i64("confirmed_places")?,
    );
    let me = tx
        .query_one(
            "SELECT status, places FROM signup WHERE id = $1",
            params![id],
        )
        .await?;
    let (status, places) = (me.parsed("status", SignUpStatus::parse)?, me.i64("places")?);
    if status == SignUpStatus::Cancelled {
        return Ok(vec![]);
    }
    tx.execute(
        "UPDATE signup SET status = 'cancelled', updated_at = $2 WHERE id = $1",
        params![id, now],
    )
    .await?;
    let mut promoted = Vec::new();
    if status == SignUpStatus::Confirmed {
        taken -= places;
        for w in participants_in(&mut tx, occurrence_id, &[SignUpStatus::Waitlisted]).await? {
            if capacity.is_some_and(|c| taken + w.places > c) {
                break; // strictly in order: the next in line waits for a place that fits
            }
            taken += w.places;
            tx.execute(
                "UPDATE signup SET status = 'confirmed', updated_at = $2 WHERE id = $1",
                params![w.id, now],
            )
            .await?;
            promoted.push(Participant {
                status: SignUpStatus::Confirmed,
                ..w
            });
        }
        tx.execute(
            "UPDATE occurrence SET confirmed_places = $2 WHERE id = $1",
            params![occurrence_id, taken],
        )
        .await?;
    }
    if !promoted.is_empty() {
        let occ = occurrence_in(&mut tx, occurrence_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        for p in &promoted {
            let messages = notify(p, &occ);
            send_all(&mut tx, messages, p.user_id, now).await?;
        }
    }
    tx.commit().await?;
    Ok(promoted)
}

/// Makes a reminder for a participant; the third argument is a fresh secret for their
/// sign-up link (the old link's secret is replaced, since only hashes are stored).
pub type Remind<'a> =
    &'a (dyn Fn(&Participant, &Occurrence, &str) -> Vec<OwnedMessage> + Send + Sync);

/// Queues reminders for confirmed sign-ups of occurrences starting within `ahead` seconds
/// from `now` that have not been reminded, marking them reminded in the same transaction (so
/// each person gets one reminder, even with several servers). `new_secret` gives a fresh link
/// secret and its hash. Returns how many were queued.
pub async fn send_reminders(
    db: &Db,
    now: i64,
    ahead: i64,
    new_secret: &(dyn Fn() -> (String, String) + Send + Sync),
    remind: Remind<'_>,
) -> Result<usize, StoreError> {
    let mut tx = db.begin().await?;
    let due = tx
        .query(
            "SELECT s.id, s.occurrence_id FROM signup s JOIN occurrence o ON o.id = s.occurrence_id JOIN offer f ON f.id = o.offer_id
             WHERE s.status = 'confirmed' AND s.reminded_at IS NULL AND o.cancelled = $3 AND f.status = 'published'
               AND o.starts_at > $1 AND o.starts_at <= $2
             ORDER BY o.starts_at, s.id LIMIT 500",
            params![now, now + ahead, false],
        )
        .await?
        .iter()
        .map(|r| Ok((r.i64("id")?, r.i64("occurrence_id")?)))
        .collect::<Result<Vec<(i64, i64)>, StoreError>>()?;
    let mut sent = 0;
    for (signup_id, occurrence_id) in due {
        let (secret, hash) = new_secret();
        let claimed = tx
            .execute(
                "UPDATE signup SET reminded_at = $2, token_hash = $3 WHERE id = $1 AND reminded_at IS NULL",
                params![signup_id, now, hash],
            )
            .await?;
        if claimed == 0 {
            continue;
        }
        let Some(occ) = occurrence_in(&mut tx, occurrence_id).await? else {
            continue;
        };
        let Some(p) = participants_in(&mut tx, occurrence_id, &[SignUpStatus::Confirmed])
            .await?
            .into_iter()
            .find(|p| p.id == signup_id)
        else {
            continue;
        };
        let messages = remind(&p, &occ, &secret);
        send_all(&mut tx, messages, p.user_id, now).await?;
        sent += 1;
    }
    tx.commit().await?;
    Ok(sent)
}

/// Gives an account a new secret address for its personal calendar feed (the old one stops
/// working).
pub async fn set_calendar_feed(
    db: &Db,
    user_id: i64,
    token_hash: &str,
    now: i64,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = $2, created_at = $3",
        params![user_id, token_hash, now],
    )
    .await?;
    Ok(())
}

/// The account a personal feed's secret belongs to.
pub async fn calendar_feed_owner(db: &Db, token_hash: &str) -> Result<Option<i64>, StoreError> {
    db.query_opt(
        "SELECT user_id FROM calendar_feed WHERE token_hash = $1",
        params![token_hash],
    )
    .await?
    .map(|r| r.i64("user_id"))
    .transpose()
}

/// Seals the sign-ups and walk-ins an earlier version stored in plain text, filling in the
/// sign-ups' blind indexes; returns how many rows it sealed (0 once all are sealed).
pub async fn seal_plain_rows(db: &Db) -> Result<u64, StoreError> {
    let key = db.sealing()?;
    let rows = db
        .query(
            "SELECT id, name, email, phone FROM signup
             WHERE (name <> '' AND name NOT LIKE 'v1.%') OR (email <> '' AND email NOT LIKE 'v1.%')
                OR (phone <> '' AND phone NOT LIKE 'v1.%')",
            vec![],
        )
        .await?;
    let mut sealed = 0;
    for r in &rows {
        let stored = [r.string("name")?, r.string("email")?, r.string("phone")?];
        let [name, email, phone] = stored.clone().map(|v| {
            if v.starts_with("v1.") {
                String::new()
            } else {
                v
            }
        });
        let c = seal_contact(key, &name, &email, &phone)?;
        let mut tx = db.begin().await?;
        // Only plain columns are replaced (a half-sealed row keeps its sealed ones), and only
        // while the row still holds what was read: a sign-up blanked or sealed meanwhile is
        // left as it is.
        sealed += tx
            .execute(
                "UPDATE signup SET
                    name = CASE WHEN $2 <> '' THEN $2 ELSE name END,
                    name_index = CASE WHEN $2 <> '' THEN $5 ELSE name_index END,
                    email = CASE WHEN $3 <> '' THEN $3 ELSE email END,
                    email_index = CASE WHEN $3 <> '' THEN $6 ELSE email_index END,
                    phone = CASE WHEN $4 <> '' THEN $4 ELSE phone END,
                    phone_index = CASE WHEN $4 <> '' THEN $7 ELSE phone_index END
                 WHERE id = $1 AND name = $8 AND email = $9 AND phone = $10",
                params![
                    r.i64("id")?,
                    c.name.as_str(),
                    c.email.as_str(),
                    c.phone.as_str(),
                    c.name_index.as_str(),
                    c.email_index.as_str(),
                    c.phone_index.as_str(),
                    stored[0].as_str(),
                    stored[1].as_str(),
                    stored[2].as_str()
                ],
            )
            .await?;
        tx.commit().await?;
    }
    let walk_ins = db
        .query(
            "SELECT id, name FROM walk_in WHERE name <> '' AND name NOT LIKE 'v1.%'",
            vec![],
        )
        .await?;
    for r in &walk_ins {
        let name = key.seal(WALK_IN_NAME, &r.string("name")?)?;
        let mut tx = db.begin().await?;
        sealed += tx
            .execute(
                "UPDATE walk_in SET name = $2 WHERE id = $1 AND name NOT LIKE 'v1.%'",
                params![r.i64("id")?, name],
            )
            .await?;
        tx.commit().await?;
    }
    Ok(sealed)
}

/// The column a walk-in's name is sealed for.
const WALK_IN_NAME: &str = "walk_in.name";

mod attendance;
pub use attendance::{
    AttendanceSummary, add_walk_in, attendance_summary, set_headcount, set_present, walk_ins,
};
