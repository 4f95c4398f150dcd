//! The outbox: every e-mail (and later SMS) is first stored here, in the same request that
//! causes it, then delivered by a background worker with retries and backoff. A failing mail
//! server therefore loses nothing.

use crate::db::{Db, Row, Tx};
use crate::error::StoreError;
use crate::params;

/// How long a message is kept after it was sent (or, when it never went, after it was
/// written): long enough to answer "did the reminder go out?", then it is deleted with the
/// names and addresses in it (GDPR-04).
pub const KEEP_S: i64 = 30 * 86_400;

/// A stored message.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxMessage {
    /// Id.
    pub id: i64,
    /// `email` or `sms`.
    pub channel: String,
    /// Address or phone number.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Stored at.
    pub created_at: i64,
    /// Delivery attempts so far.
    pub attempts: i64,
    /// Delivered at.
    pub sent_at: Option<i64>,
    /// Last delivery error.
    pub last_error: Option<String>,
}

fn message_from(r: &Row) -> Result<OutboxMessage, StoreError> {
    Ok(OutboxMessage {
        id: r.i64(0)?,
        channel: r.string(1)?,
        recipient: r.string(2)?,
        subject: r.string(3)?,
        body: r.string(4)?,
        created_at: r.i64(5)?,
        attempts: r.i64(6)?,
        sent_at: r.opt_i64(7)?,
        last_error: r.opt_string(8)?,
    })
}

/// A message to store.
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    /// `email` or `sms`.
    pub channel: &'a str,
    /// Address or phone number.
    pub recipient: &'a str,
    /// Subject line.
    pub subject: &'a str,
    /// Plain-text body.
    pub body: &'a str,
    /// The account it concerns, if any.
    pub user_id: Option<i64>,
}

/// Stores a message for delivery.
pub async fn enqueue(db: &Db, m: &NewMessage<'_>, now: i64) -> Result<i64, StoreError> {
    let mut tx = db.begin().await?;
    let id = enqueue_in(&mut tx, m, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Stores a message inside a transaction, so it is sent exactly when the change it tells
/// about is committed.
pub async fn enqueue_in(tx: &mut Tx, m: &NewMessage<'_>, now: i64) -> Result<i64, StoreError> {
    tx.query_one(
        "INSERT INTO outbox (channel, recipient, subject, body, user_id, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        params![m.channel, m.recipient, m.subject, m.body, m.user_id, now],
    )
    .await?
    .i64(0)
}

/// The newest messages, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<OutboxMessage>, StoreError> {
    db.query(
        "SELECT id, channel, recipient, subject, body, created_at, attempts, sent_at, last_error FROM outbox ORDER BY id DESC LIMIT $1",
        params![limit],
    )
    .await?
    .iter()
    .map(message_from)
    .collect()
}

/// Messages due for a delivery attempt, oldest first.
pub async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<OutboxMessage>, StoreError> {
    db.query(
        "SELECT id, channel, recipient, subject, body, created_at, attempts, sent_at, last_error FROM outbox
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
        params![now, limit],
    )
    .await?
    .iter()
    .map(message_from)
    .collect()
}

/// Claims a due message for delivery by pushing its next attempt into the future; returns
/// false when another worker claimed it first.
pub async fn claim(db: &Db, id: i64, now: i64, lease_s: i64) -> Result<bool, StoreError> {
    Ok(db
        .execute(
            "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND sent_at IS NULL AND next_attempt_at <= $3",
            params![now + lease_s, id, now],
        )
        .await?
        > 0)
}

/// Records a delivery.
pub async fn mark_sent(db: &Db, id: i64, now: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
        params![now, id],
    )
    .await
    .map(|_| ())
}

/// Records a failed attempt and when to try again.
pub async fn mark_failed(db: &Db, id: i64, error: &str, retry_at: i64) -> Result<(), StoreError> {
    db.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3",
        params![error, retry_at, id],
    )
    .await
    .map(|_| ())
}

/// Backoff before the next attempt after `attempts` failures: 1 min, doubling, at most 6 h.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exp = attempts.clamp(0, 9) as u32;
    (60i64 * 2i64.pow(exp)).min(6 * 3600)
}
