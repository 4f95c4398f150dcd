//! Naboskab persistence. One [`Db`] handle talks to SQLite (embedded default) or PostgreSQL;
//! every store function is written once against the portable adapter in [`db`] and is
//! exercised on both backends by the contract tests in `tests/contract.rs`.
//!
//! Times are UTC seconds since the epoch; callers pass `now`, so tests can move the clock.

pub mod audit;
pub mod catalogue;
pub mod db;
pub mod error;
pub mod gather;
pub mod grant_documents;
pub mod grant_reviews;
pub mod grants;
pub mod impact;
pub mod join;
pub mod migrate;
pub mod offers;
pub mod orgs;
pub mod outbox;
pub mod partnerships;
pub mod published;
pub mod reach;
pub mod row;
pub mod seal;
pub mod surveys;
pub mod testing;
pub mod users;
pub mod volunteering;

pub use db::{Backend, Db, Reader, Row, Sql, Tx, Value};
pub use error::StoreError;

/// Opens the database named by `database_url`, or the SQLite file `sqlite_path` when no URL
/// is given.
pub async fn open(
    database_url: Option<&str>,
    sqlite_path: &std::path::Path,
) -> Result<Db, StoreError> {
    match database_url {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Db::connect_postgres(url, None).await
        }
        Some(url) if url.starts_with("sqlite://") => {
            Db::open_sqlite(std::path::Path::new(url.trim_start_matches("sqlite://"))).await
        }
        Some(other) => Err(StoreError::Config(format!(
            "unsupported database URL '{}': use postgres://… or leave it unset for SQLite",
            other.split(':').next().unwrap_or_default()
        ))),
        None => Db::open_sqlite(sqlite_path).await,
    }
}

/// Seals the personal details an earlier version stored in plain text (contact requests,
/// sign-ups, walk-ins, bookings, the outbox) with the handle's key (see [`Db::with_sealing`]); returns
/// how many rows it sealed. The server runs it at start; it is a no-op once all are sealed.
pub async fn seal_plain_rows(db: &Db) -> Result<u64, StoreError> {
    Ok(
        offers::seal_plain_contact_requests(db, db.sealing()?).await?
            + join::seal_plain_rows(db).await?
            + gather::seal_plain_rows(db).await?
            + outbox::seal_plain_rows(db).await?,
    )
}
