//! The real senders: e-mail through an SMTP server with lettre ([`SmtpMailer`]) and text
//! messages through an HTTP SMS gateway ([`HttpSmsGateway`]). Both implement
//! [`crate::messaging::Mailer`]; the binary picks them from the configuration.

use crate::messaging::{Mailer, SendFuture};
use naboskab_store::outbox::OutboxMessage;
use std::time::Duration;

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
