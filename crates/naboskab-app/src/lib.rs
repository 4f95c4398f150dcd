//! Naboskab's use cases, between the adapters (HTML pages and the JSON API in
//! `naboskab-web`) and the store. One module per job; each use case takes the actor, typed
//! input and the [`App`] (store, clock, configuration), asks the domain policy, runs the
//! store work, queues messages and returns a typed result or an [`Error`]. Nothing here knows
//! HTTP, templates or wire formats. The background jobs live in [`jobs`], started by the
//! binary; messages are written in the recipient's language with [`i18n`] and sent through a
//! [`messaging::Mailer`].

pub mod accounts;
pub mod calendar;
pub mod casework;
pub mod clock;
pub mod contact;
pub mod counts;
pub mod delivery;
pub mod error;
pub mod files;
pub mod find;
pub mod gather;
pub mod grants;
pub mod helplines;
pub mod i18n;
pub mod ical;
pub mod impact;
pub mod jobs;
pub mod join;
pub mod lonely;
pub mod members;
pub mod messaging;
pub mod offers;
pub mod open_data;
pub mod organising;
pub mod partnerships;
pub mod places;
pub mod printing;
pub mod reach;
pub mod richtext;
pub mod room_admin;
pub mod secrets;
pub mod sessions;
pub mod surveys;
pub mod totp;
pub mod two_factor;
pub mod volunteering;

pub use error::{Error, FieldError};

use clock::Clock;
use naboskab_store::Db;
use naboskab_store::catalogue::Catalogue;
use naboskab_store::seal::SealKey;
use std::sync::Arc;

/// Asks the domain policy and turns its refusal into the use case's answer: nobody signed in,
/// a second factor needed, or forbidden (logged).
pub fn authorize(
    actor: &naboskab_domain::Actor,
    action: naboskab_domain::Action,
    resource: &naboskab_domain::Resource,
) -> error::Result<()> {
    use naboskab_domain::policy::{Decision, Denial, decide};
    match decide(actor, action, resource) {
        Decision::Allow => Ok(()),
        Decision::Deny(Denial::NotSignedIn) => Err(Error::SignInRequired),
        Decision::Deny(Denial::SecondFactorNeeded) => Err(Error::SecondFactorNeeded),
        Decision::Deny(Denial::Forbidden) => {
            tracing::info!(user = ?actor.user_id, ?action, "permission denied");
            Err(Error::Forbidden)
        }
    }
}

/// Something the actor was found to manage: an offer, an occurrence, a department, a room.
/// Only the use cases that asked the policy make one, so a use case that takes it needs no
/// second check and the check cannot be forgotten.
#[derive(Debug, Clone)]
pub struct Managed<T>(T);

impl<T> Managed<T> {
    /// After the policy allowed it.
    pub(crate) fn checked(inner: T) -> Managed<T> {
        Managed(inner)
    }

    /// The thing itself.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Managed<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// What the use cases need to know about the installation.
pub struct AppConfig {
    /// The public address, for links in messages (`https://naboskab.example.dk`).
    pub base_url: String,
    /// The key outreach records are sealed with (the store seals contact details with the
    /// same key, carried by the [`Db`] handle).
    pub outreach_key: Arc<SealKey>,
    /// Days without contact after which an outreach record is erased.
    pub outreach_retention_days: u32,
    /// Where attached documents' bytes are kept.
    pub files: files::FileStore,
}

/// The application: the store, the clock, the in-process catalogue and the configuration.
/// Cheap to clone (every part is shared).
#[derive(Clone)]
pub struct App {
    /// The database, carrying the sealing key.
    pub db: Db,
    /// Where "now" comes from.
    pub clock: Arc<dyn Clock>,
    /// Every published offer in memory: search, result cards and titles for messages.
    pub catalogue: Arc<Catalogue>,
    /// The installation's settings.
    pub config: Arc<AppConfig>,
}

impl App {
    /// The application over `db`, whose handle gets the configuration's sealing key.
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: AppConfig) -> App {
        App {
            db: db.with_sealing(config.outreach_key.clone()),
            clock,
            catalogue: Arc::new(Catalogue::new()),
            config: Arc::new(config),
        }
    }

    /// Now, in UTC seconds.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Whether the database answers now (readiness).
    pub async fn database_answers(&self) -> std::result::Result<(), naboskab_store::StoreError> {
        self.db.ping().await
    }

    /// How many writes this process has committed: a cache of what a page shows is good
    /// while this number stays the same.
    pub fn commits(&self) -> u64 {
        self.db.commits()
    }
}
