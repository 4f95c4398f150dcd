//! The outbox: every e-mail (and later SMS) is first stored here, in the same request that
//! causes it, then delivered by a background worker with retries and backoff. A failing mail
//! server therefore loses nothing. Recipient, subject and body are sealed at rest with the
//! handle's key (see [`Db::with_sealing`]): a message names the person and what they signed
//! up for.

use crate::db::{Db, Row, Tx};
use crate::error::StoreError;
use crate::params;
use crate::seal::SealKey;

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

/// The outbox columns sealed at rest.
const SEALED_COLUMNS: [&str; 3] = ["recipient", "subject", "body"];

fn seal(key: &SealKey, column: &str, text: &str) -> Result<String, StoreError> {
    key.seal_optional(&format!("outbox.{column}"), text)
}

fn message_from(key: &SealKey, r: &Row) -> Result<OutboxMessage, StoreError> {
    let open = |column: &str| key.open_optional(&format!("outbox.{column}"), &r.string(column)?);
    Ok(OutboxMessage {
        id: r.i64("id")?,
        channel: r.string("channel")?,
        recipient: open("recipient")?,
        subject: open("subject")?,
        body: open("body")?,
        created_at: r.i64("created_at")?,
        attempts: r.i64("attempts")?,
        sent_at: r.opt_i64("sent_at")?,
        last_error: r.opt_string("last_error")?,
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
    let key = tx.sealing()?;
    let [recipient, subject, body] = [m.recipient, m.subject, m.body]
        .into_iter()
        .zip(SEALED_COLUMNS)
        .map(|(text, column)| seal(key, column, text))
        .collect::<Result<Vec<_>, _>>()?
        .try_into()
        .map_err(|_| StoreError::Sealed)?;
    tx.query_one(
        "INSERT INTO outbox (channel, recipient, subject, body, user_id, created_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        params![m.channel, recipient, subject, body, m.user_id, now],
    )
    .await?
    .i64("id")
}

/// The newest messages, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<OutboxMessage>, StoreError> {
    db.query(
        "SELECT id, channel, recipient, subject, body, created_at, attempts, sent_at, last_error FROM outbox ORDER BY id DESC LIMIT $1",
        params![limit],
    )
    .await?
    .iter()
    .map(|r| message_from(db.sealing()?, r))
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
    .map(|r| message_from(db.sealing()?, r))
    .collect()
}

/// Seals messages an earlier version stored in plain text; returns how many (0 once all are
/// sealed). A row is replaced only while it still holds what was read.
pub async fn seal_plain_rows(db: &Db) -> Result<u64, StoreError> {
    let key = db.sealing()?;
    let rows = db
        .query(
            "SELECT id, recipient, subject, body FROM outbox
             WHERE (recipient <> '' AND recipient NOT LIKE 'v1.%') OR (subject <> '' AND subject NOT LIKE 'v1.%')
                OR (body <> '' AND body NOT LIKE 'v1.%')",
            vec![],
        )
        .await?;
    let mut sealed = 0;
    for r in &rows {
        let stored = [
            r.string("recipient")?,
            r.string("subject")?,
            r.string("body")?,
        ];
        let mut new = Vec::with_capacity(3);
        for (value, column) in stored.iter().zip(SEALED_COLUMNS) {
            new.push(if value.starts_with("v1.") {
                value.clone()
            } else {
                seal(key, column, value)?
            });
        }
        sealed += db
            .execute(
                "UPDATE outbox SET recipient = $2, subject = $3, body = $4
                 WHERE id = $1 AND recipient = $5 AND subject = $6 AND body = $7",
                params![
                    r.i64("id")?,
                    new[0].as_str(),
                    new[1].as_str(),
                    new[2].as_str(),
                    stored[0].as_str(),
                    stored[1].as_str(),
                    stored[2].as_str()
                ],
            )
            .await?;
    }
    Ok(sealed)
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
