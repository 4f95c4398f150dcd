//! Sending one message: the [`Mailer`] trait every channel's sender implements, [`Channels`]
//! routing each message to the sender of its channel (`email`, `sms`), and [`KeepInOutbox`],
//! which delivers nothing (demo mode and tests read the messages at `/demo/outbox`). The
//! worker that takes due messages from the outbox and retries failures is
//! [`crate::jobs::deliver_due`]; the real senders (SMTP, an HTTP SMS gateway) are in
//! [`crate::delivery`]. Mails are written into the outbox in the recipient's language by
//! [`queue_mail`].

use crate::App;
use crate::error::Result;
use crate::i18n::{self, Locale};
use naboskab_store::outbox::{self, NewMessage, OutboxMessage};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future a mailer returns.
pub type SendFuture<'a> =
    Pin<Box<dyn Future<Output = std::result::Result<(), String>> + Send + 'a>>;

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

/// Stores a mail in the outbox, written in `locale`; `args` fill the body.
pub async fn queue_mail(
    app: &App,
    locale: Locale,
    to: &str,
    user_id: Option<i64>,
    keys: (&str, &str),
    args: &[(&str, String)],
) -> Result<()> {
    let (subject, body) = i18n::render_message(locale, keys.0, keys.1, args);
    outbox::enqueue(
        &app.db,
        &NewMessage {
            channel: "email",
            recipient: to,
            subject: &subject,
            body: &body,
            user_id,
        },
        app.now(),
    )
    .await?;
    Ok(())
}

/// How many messages wait for delivery (for `/metrics`).
pub async fn waiting_count(app: &App) -> Result<usize> {
    Ok(outbox::due(&app.db, i64::MAX, 10_000).await?.len())
}

/// The newest messages, sent or not, newest first (the demo's outbox page).
pub async fn newest(app: &App, limit: i64) -> Result<Vec<OutboxMessage>> {
    Ok(outbox::recent(&app.db, limit).await?)
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
