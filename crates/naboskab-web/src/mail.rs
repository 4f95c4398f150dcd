//! Delivery of outbox messages. A [`Mailer`] sends one message; [`Channels`] routes e-mail to
//! SMTP and text messages to an HTTP SMS gateway; the [`run_outbox_worker`] loop claims due
//! messages from the outbox, sends them and records success or the error with a backoff, and
//! once a minute queues the reminders for tomorrow's activities. In demo mode and in tests the
//! [`KeepInOutbox`] driver delivers nothing: the messages stay readable at `/demo/outbox`.

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

/// Settings of an HTTP SMS provider.
#[derive(Debug, Clone)]
pub struct SmsConfig {
    /// Endpoint that takes `{"to": "...", "text": "..."}` as JSON.
    pub url: String,
    /// Bearer token for the endpoint.
    pub token: Option<String>,
    /// Sender name shown on phones (at most 11 characters at most providers).
    pub sender: String,
}

/// Sends text messages through an HTTP SMS provider: one JSON POST per message; any answer
/// other than 2xx is an error and the outbox retries later.
pub struct HttpSmsGateway {
    config: SmsConfig,
    http: reqwest::Client,
}

impl HttpSmsGateway {
    /// A gateway for `config`.
    pub fn new(config: SmsConfig) -> HttpSmsGateway {
        HttpSmsGateway {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            config,
        }
    }
}

impl Mailer for HttpSmsGateway {
    fn send<'a>(&'a self, msg: &'a OutboxMessage) -> SendFuture<'a> {
        Box::pin(async move {
            let mut req = self.http.post(&self.config.url).json(&serde_json::json!({
                "to": msg.recipient,
                "from": self.config.sender,
                "text": msg.body,
            }));
            if let Some(t) = &self.config.token {
                req = req.bearer_auth(t);
            }
            let resp = req.send().await.map_err(|e| e.to_string())?;
            if resp.status().is_success() {
                Ok(())
            } else {
                Err(format!("SMS provider answered {}", resp.status()))
            }
        })
    }
}

/// Routes each message to the sender of its channel (`email`, `sms`).
pub struct Channels {
    /// E-mail.
    pub email: Arc<dyn Mailer>,
    /// Text messages.
    pub sms: Arc<dyn Mailer>,
}

impl Mailer for Channels {
    fn send<'a>(&'a self, msg: &'a OutboxMessage) -> SendFuture<'a> {
        match msg.channel.as_str() {
            "email" => self.email.send(msg),
            "sms" => self.sms.send(msg),
            other => {
                let err = format!("no sender for channel {other}");
                Box::pin(async move { Err(err) })
            }
        }
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
    base_url: String,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut rounds: u64 = 0;
    loop {
        tick.tick().await;
        if rounds.is_multiple_of(12) {
            match queue_reminders(&db, &base_url, clock.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "reminders queued"),
                Err(e) => tracing::warn!(error = %e, "reminders could not be queued"),
            }
        }
        if rounds.is_multiple_of(17_280) {
            // Daily: keep a year of occurrences ahead of every series.
            if let Err(e) = naboskab_store::join::extend_horizons(&db, clock.now()).await {
                tracing::warn!(error = %e, "schedules could not be extended");
            }
        }
        rounds += 1;
        if let Err(e) = deliver_due(&db, mailer.as_ref(), clock.now()).await {
            tracing::warn!(error = %e, "outbox worker could not run");
        }
        let _ = naboskab_store::users::purge_expired(&db, clock.now()).await;
    }
}

/// Queues the reminders for activities starting within the next day, in each participant's
/// language (e-mail or text message). Returns how many were queued.
pub async fn queue_reminders(
    db: &Db,
    base_url: &str,
    now: i64,
) -> Result<usize, naboskab_store::StoreError> {
    let base = base_url.to_owned();
    let remind = move |p: &naboskab_store::join::Participant,
                       occ: &naboskab_store::join::Occurrence,
                       secret: &str| {
        crate::pages::join::messages_for(
            &base,
            p,
            occ,
            "reminder-mail-subject",
            "reminder-mail-body",
            Some(&format!("/signups/{secret}")),
        )
    };
    let new_secret = || {
        let secret = crate::security::random_token(32);
        let hash = crate::security::hash_token(&secret);
        (secret, hash)
    };
    naboskab_store::join::send_reminders(db, now, 86_400, &new_secret, &remind).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Recorder(&'static str, Arc<Mutex<Vec<String>>>);

    impl Mailer for Recorder {
        fn send<'a>(&'a self, msg: &'a OutboxMessage) -> SendFuture<'a> {
            self.1
                .lock()
                .map(|mut l| l.push(format!("{} {}", self.0, msg.recipient)))
                .ok();
            Box::pin(async { Ok(()) })
        }
    }

    fn message(channel: &str, recipient: &str) -> OutboxMessage {
        OutboxMessage {
            id: 1,
            channel: channel.into(),
            recipient: recipient.into(),
            subject: String::new(),
            body: String::new(),
            created_at: 0,
            attempts: 0,
            sent_at: None,
            last_error: None,
        }
    }

    #[tokio::test]
    async fn channels_route_mail_and_texts_and_refuse_unknown_ones() {
        let log = Arc::new(Mutex::new(vec![]));
        let c = Channels {
            email: Arc::new(Recorder("smtp", log.clone())),
            sms: Arc::new(Recorder("sms", log.clone())),
        };
        assert!(c.send(&message("email", "a@example.dk")).await.is_ok());
        assert!(c.send(&message("sms", "20304050")).await.is_ok());
        assert!(c.send(&message("fax", "1")).await.is_err());
        assert_eq!(
            *log.lock().expect("log"),
            vec!["smtp a@example.dk".to_owned(), "sms 20304050".to_owned()]
        );
    }
}
