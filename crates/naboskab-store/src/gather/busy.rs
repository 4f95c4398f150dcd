//! A room's bookings as anyone may see them (the availability view, the room's page and its
//! calendar feed): when, what kind of use, the state, and the title only of community and
//! association use. Read without the booker's sealed details.

use super::{Booking, BookingStatus, at, open_booking, push_overlap};
use crate::db::{Db, Row, Sql};
use crate::error::StoreError;
use crate::seal::SealKey;
use chrono::{DateTime, Utc};
use naboskab_domain::gather::BookingKind;

/// A booking as anyone may see it on a room's calendar: when, what kind of use, its state,
/// and its title only where the title is public (community and association use). Read
/// without the booker's sealed details, so showing a month opens one field per public
/// booking instead of seven per booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    /// Id.
    pub id: i64,
    /// Kind of use.
    pub kind: BookingKind,
    /// Status.
    pub status: BookingStatus,
    /// Start, Unix seconds.
    pub starts_at: i64,
    /// End, Unix seconds.
    pub ends_at: i64,
    /// iCalendar SEQUENCE.
    pub sequence: i64,
    /// The title, where it is public and not empty.
    pub public_title: Option<String>,
}

impl Busy {
    /// Start as a time.
    pub fn start(&self) -> DateTime<Utc> {
        at(self.starts_at)
    }

    /// End as a time.
    pub fn end(&self) -> DateTime<Utc> {
        at(self.ends_at)
    }
}

impl From<&Booking> for Busy {
    fn from(b: &Booking) -> Busy {
        Busy {
            id: b.id,
            kind: b.kind,
            status: b.status,
            starts_at: b.starts_at,
            ends_at: b.ends_at,
            sequence: b.sequence,
            public_title: (b.title_is_public() && !b.title.is_empty()).then(|| b.title.clone()),
        }
    }
}

fn busy_from(key: &SealKey, r: &Row) -> Result<Busy, StoreError> {
    let kind = r.parsed("kind", BookingKind::parse)?;
    let public = matches!(kind, BookingKind::Community | BookingKind::Association);
    let public_title = if public {
        Some(open_booking(key, "title", &r.string("title")?)?).filter(|t| !t.is_empty())
    } else {
        None
    };
    Ok(Busy {
        id: r.i64("id")?,
        kind,
        status: r.parsed("status", BookingStatus::parse)?,
        starts_at: r.i64("starts_at")?,
        ends_at: r.i64("ends_at")?,
        sequence: r.i64("sequence")?,
        public_title,
    })
}

/// The bookings of a room in `statuses` overlapping `from`..`to` (Unix seconds), by start, as
/// the public sees them: with [`BookingStatus::HOLDING`], what the availability view shows as
/// taken.
pub async fn busy(
    db: &Db,
    room_id: i64,
    from: i64,
    to: i64,
    statuses: &[BookingStatus],
) -> Result<Vec<Busy>, StoreError> {
    if statuses.is_empty() {
        return Ok(vec![]);
    }
    let mut sql =
        Sql::new("SELECT id, kind, status, starts_at, ends_at, sequence, title FROM booking");
    push_overlap(&mut sql, &[room_id], from, to, statuses);
    sql.push(" ORDER BY starts_at, id");
    let key = db.sealing()?;
    db.query_built(sql)
        .await?
        .iter()
        .map(|r| busy_from(key, r))
        .collect()
}
