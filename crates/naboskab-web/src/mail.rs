//! Delivery of outbox messages. A [`Mailer`] sends one message; the [`run_outbox_worker`]
//! loop claims due messages from the outbox, sends them and records success or the error with
//! a backoff. In demo mode and in tests the [`KeepInOutbox`] mailer delivers nothing: the
//! messages stay readable at `/demo/outbox`.

use naboskab_store::Db;
use naboskab_store::outbox::{self, OutboxMessage};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// The future a mailer returns.
pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Sends one message.
pub trait Mailer: Send + Sync {
    /// Delivers `msg`; an error is retried later.
    fn send<'a>(&'a self, msg: &'a OutboxMessage) -> SendFuture<'a>;
}

/// Delivers nothing; messages stay in the outbox for the demo page and tests to read.
pub struct KeepInOutbox;

impl Mailer for KeepInOutbox {
    fn send<'a>(&'a self, _msg: &'a OutboxMessage) -> SendFuture<'a> {
        Box::pin(async { Ok(()) })
    }
}

/// SMTP settings.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    /// Server host name.
    pub host: String,
    /// Port (587 with STARTTLS by default).
    pub port: u16,
    /// User name, if the server wants one.
    pub username: Option<String>,
    /// Password.
    pub password: Option<String>,
    /// `From:` address.
    pub from: String,
    /// Use STARTTLS (true) or a plain connection (false, for a local relay).
    pub starttls: bool,
}

/// Sends e-mail through an SMTP server with lettre.
pub struct SmtpMailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl SmtpMailer {
    /// Builds the transport (no connection is made until the first message).
    pub fn new(cfg: &SmtpConfig) -> Result<SmtpMailer, String> {
        use lettre::AsyncSmtpTransport;
        let mut builder = if cfg.starttls {
            AsyncSmtpTransport::<lettre::Tokio1Executor>::starttls_relay(&cfg.host)
                .map_err(|e| e.to_string())?
        } else {
            AsyncSmtpTransport::<lettre::Tokio1Executor>::builder_dangerous(&cfg.host)
        };
        builder = builder.port(cfg.port);
        if let (Some(u), Some(p)) = (&cfg.username, &cfg.password) {
            builder = builder.credentials(
                lettre::transport::smtp::authentication::Credentials::new(u.clone(), p.clone()),
            );
        }
        let from = cfg
            .from
            .parse()
            .map_err(|e| format!("smtp from address: {e}"))?;
        Ok(SmtpMailer {
            transport: builder.build(),
            from,
        })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, msg: &'a OutboxMessage) -> SendFuture<'a> {
        Box::pin(async move {
            use lettre::AsyncTransport;
            if msg.channel != "email" {
                return Err(format!("no gateway for channel {}", msg.channel));
            }
            let to = msg
                .recipient
                .parse()
                .map_err(|e| format!("recipient: {e}"))?;
            let email = lettre::Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(msg.subject.clone())
                .header(lettre::message::header::ContentType::TEXT_PLAIN)
                .body(msg.body.clone())
                .map_err(|e| e.to_string())?;
            self.transport
                .send(email)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }
}

/// Delivers every due message once; returns how many were delivered.
pub async fn deliver_due(
    db: &Db,
    mailer: &dyn Mailer,
    now: i64,
) -> Result<usize, naboskab_store::StoreError> {
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

/// Runs [`deliver_due`] every few seconds until the process ends.
pub async fn run_outbox_worker(
    db: Db,
    mailer: Arc<dyn Mailer>,
    clock: Arc<dyn crate::clock::Clock>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        if let Err(e) = deliver_due(&db, mailer.as_ref(), clock.now()).await {
            tracing::warn!(error = %e, "outbox worker could not run");
        }
        let _ = naboskab_store::users::purge_expired(&db, clock.now()).await;
    }
}
