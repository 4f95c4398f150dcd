//! The background jobs, started by the binary (`naboskab serve`) and each also callable once
//! (tests, the command line): delivering the outbox with retries ([`deliver_due`]), reminders
//! for tomorrow's activities ([`queue_reminders`]), giving back the places of guests who never
//! confirmed ([`crate::join::release_unconfirmed`]), extending schedules, purging expired
//! sessions and links, erasing outreach records past retention and adding follow-ups for
//! referred people who did not come ([`follow_up_no_shows`]), and reminding grant applicants
//! of reports due ([`crate::grants::reports::remind_due`]). Every loop logs a failure and
//! tries again on its next round; none ever ends the process.

use crate::App;
use crate::error::Result;
use crate::i18n::{self, Locale};
use crate::messaging::Mailer;
use crate::secrets::{hash_token, random_token};
use naboskab_domain::schedule::utc_to_local;
use naboskab_store::Db;
use naboskab_store::outbox;
use std::sync::Arc;
use std::time::Duration;

/// Starts every background loop on the current Tokio runtime.
pub fn spawn_all(app: &App, mailer: Arc<dyn Mailer>) {
    tokio::spawn(run_release_loop(app.clone()));
    tokio::spawn(run_retention_loop(app.clone()));
    tokio::spawn(run_outbox_worker(app.clone(), mailer));
}

/// Delivers every due message once; returns how many were delivered.
pub async fn deliver_due(
    db: &Db,
    mailer: &dyn Mailer,
    now: i64,
) -> std::result::Result<usize, naboskab_store::StoreError> {
    let mut delivered = 0;
    for msg in outbox::due(db, now, 50).await? {
        if !outbox::claim(db, msg.id, now, 300).await? {
            continue;
        }
        match mailer.send(&msg).await {
            Ok(()) => {
                outbox::mark_sent(db, msg.id, now).await?;
                delivered += 1;
            }
            Err(e) => {
                tracing::warn!(message_id = msg.id, attempts = msg.attempts + 1, error = %e, "delivery failed; will retry");
                outbox::mark_failed(db, msg.id, &e, now + outbox::backoff_seconds(msg.attempts))
                    .await?;
            }
        }
    }
    Ok(delivered)
}

/// Delivers the outbox every few seconds; every minute queues tomorrow's reminders, daily
/// extends every schedule a year ahead; purges expired sessions and links as it goes.
pub async fn run_outbox_worker(app: App, mailer: Arc<dyn Mailer>) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut rounds: u64 = 0;
    loop {
        tick.tick().await;
        if rounds.is_multiple_of(12) {
            match queue_reminders(&app.db, &app.config.base_url, app.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "reminders queued"),
                Err(e) => tracing::warn!(error = %e, "reminders could not be queued"),
            }
        }
        if rounds.is_multiple_of(17_280) {
            // Daily: keep a year of occurrences ahead of every series.
            if let Err(e) = naboskab_store::join::extend_horizons(&app.db, app.now()).await {
                tracing::warn!(error = %e, "schedules could not be extended");
            }
        }
        rounds += 1;
        if let Err(e) = deliver_due(&app.db, mailer.as_ref(), app.now()).await {
            tracing::warn!(error = %e, "outbox worker could not run");
        }
        let _ = naboskab_store::users::purge_expired(&app.db, app.now()).await;
    }
}

/// Queues the reminders for activities starting within the next day, in each participant's
/// language (e-mail or text message). Returns how many were queued.
pub async fn queue_reminders(
    db: &Db,
    base_url: &str,
    now: i64,
) -> std::result::Result<usize, naboskab_store::StoreError> {
    let base = base_url.to_owned();
    let remind = move |p: &naboskab_store::join::Participant,
                       occ: &naboskab_store::join::Occurrence,
                       secret: &str| {
        crate::join::messages_for(
            &base,
            p,
            occ,
            "reminder-mail-subject",
            "reminder-mail-body",
            Some(&format!("/signups/{secret}")),
        )
    };
    let new_secret = || {
        let secret = random_token(32);
        let hash = hash_token(&secret);
        (secret, hash)
    };
    naboskab_store::join::send_reminders(db, now, 86_400, &new_secret, &remind).await
}

/// Runs [`crate::join::release_unconfirmed`] every minute.
pub async fn run_release_loop(app: App) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        if let Err(e) = crate::join::release_unconfirmed(&app).await {
            tracing::warn!(error = %e, "unconfirmed sign-ups could not be released");
        }
    }
}

/// Daily: erases outreach records without contact for the configured period (GDPR-04), adds
/// the follow-ups for referred people who did not come, and reminds grant applicants whose
/// report is due within two weeks.
pub async fn run_retention_loop(app: App) {
    let mut tick = tokio::time::interval(Duration::from_secs(24 * 3600));
    loop {
        tick.tick().await;
        let now = app.now();
        let cutoff = now - i64::from(app.config.outreach_retention_days) * 86_400;
        match naboskab_store::reach::purge_inactive(&app.db, cutoff, now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(erased = n, "outreach retention ran"),
            Err(e) => tracing::warn!(error = %e, "outreach retention failed; retrying tomorrow"),
        }
        match follow_up_no_shows(&app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(added = n, "follow-ups for referred people who did not come"),
            Err(e) => tracing::warn!(error = %e, "no-show follow-ups failed; retrying tomorrow"),
        }
        match crate::grants::reports::remind_due(&app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminded = n, "grant reports due soon"),
            Err(e) => {
                tracing::warn!(error = %e, "grant report reminders failed; retrying tomorrow")
            }
        }
        match crate::grants::documents::sweep(&app).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(deleted = n, "files of erased grant documents deleted"),
            Err(e) => tracing::warn!(error = %e, "the file sweep failed; retrying tomorrow"),
        }
    }
}

/// Gives every referred person who was signed up but did not come a follow-up, due today, to
/// ask why (in Danish: the job has no reader). Returns how many were added.
pub async fn follow_up_no_shows(app: &App) -> Result<usize> {
    let now = app.now();
    let today = utc_to_local(chrono::DateTime::from_timestamp(now, 0).unwrap_or_default()).date();
    Ok(naboskab_store::reach::follow_up_no_shows(
        &app.db,
        &app.config.outreach_key,
        &i18n::t(Locale::Da, "outreach-ask-why-no-show"),
        today,
        now,
    )
    .await?)
}
